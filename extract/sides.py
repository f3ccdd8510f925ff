"""Sides: which parties speak for the same side of a negotiation.

Pure logic over an ``Extraction`` (no spaCy, no UI). The engine already records, for a
person or organisation, the state or organisation it speaks for (``Actor.affiliation``:
"Russian President Vladimir Putin" -> Russia, the Kremlin -> Russia). A side is everyone
whose chain of affiliations ends at the same party, plus an organisation named after a
person on it ("Trump administration", "the Netanyahu government").
"""
from __future__ import annotations

from .model import Extraction

# "<person> administration" and the like speak for that person's side.
_PERSONAL_BODIES = ("administration", "government", "cabinet", "campaign", "team", "camp", "office")


def side_root(ex: Extraction, actor_id: str) -> str:
    """The party at the end of ``actor_id``'s affiliation chain (itself when it has none;
    in a loop of affiliations, the loop's smallest id, so every member agrees)."""
    path = [actor_id]
    cur = ex.actor(actor_id)
    while cur is not None and cur.affiliation and ex.actor(cur.affiliation):
        if cur.affiliation in path:
            return min(path[path.index(cur.affiliation):])
        path.append(cur.affiliation)
        cur = ex.actor(cur.affiliation)
    return path[-1]


def _personal_body_of(ex: Extraction, actor_id: str) -> str | None:
    """The person an organisation is named after ("Trump administration" -> Trump)."""
    a = ex.actor(actor_id)
    if a is None or a.kind == "person":
        return None
    words = a.name.split()
    if len(words) < 2 or words[-1].lower() not in _PERSONAL_BODIES:
        return None
    owner = " ".join(words[:-1]).lower()
    for p in ex.actors:
        if p.kind == "person" and p.id != a.id and (
                owner in (x.lower() for x in (p.name, *p.aliases)) or p.name.lower().split()[-1] == owner):
            return p.id
    return None


def side_members(ex: Extraction, actor_id: str) -> tuple[str, ...]:
    """Every party on ``actor_id``'s side, in the extraction's order (``actor_id`` first)."""
    def root(aid: str) -> str:
        owner = _personal_body_of(ex, aid)
        return side_root(ex, owner if owner else aid)

    mine = root(actor_id)
    rest = [a.id for a in ex.actors if a.id != actor_id and root(a.id) == mine]
    return (actor_id, *rest)
