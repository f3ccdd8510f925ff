"""The promises an ``Extraction`` makes about its text, checked in one place.

The explorer trusts them blindly (it slices the article with every offset), so
the property tests, the fuzzer (``make fuzz``) and anyone holding a result of
unknown origin can ask ``problems(text, extraction)`` and get every broken
promise as a readable line instead of a crash three layers later.
"""
from __future__ import annotations

import json

from .model import Extraction


def _span(text: str, what: str, start: int, end: int, claimed: str) -> list[str]:
    if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text)):
        return [f"{what}: span {start}..{end} outside 0..{len(text)} or empty"]
    if text[start:end] != claimed:
        return [f"{what}: text[{start}:{end}] is {text[start:end]!r}, item says {claimed!r}"]
    return []


def problems(text: str, ex: Extraction) -> list[str]:
    """Every way ``ex`` breaks its promises about ``text`` (an empty list if none)."""
    out: list[str] = []
    ids = [a.id for a in ex.actors]
    actor_ids = set(ids)
    if len(actor_ids) != len(ids):
        out.append("actor ids are not unique")
    for a in ex.actors:
        for m in a.mentions:
            out += _span(text, f"actor {a.id} mention", m.start, m.end, m.text)
        if a.affiliation is not None and a.affiliation not in actor_ids:
            out.append(f"actor {a.id}: affiliation {a.affiliation} is not an actor")
    item_ids = [c.id for c in ex.claims] + [q.id for q in ex.quotes]
    if len(set(item_ids)) != len(item_ids):
        out.append("claim/quote ids are not unique")
    for c in ex.claims:
        out += _span(text, f"claim {c.id}", c.start, c.end, c.text)
        if not (0 <= c.sentence_start <= c.start and c.end <= c.sentence_end <= len(text)):
            out.append(f"claim {c.id}: sentence {c.sentence_start}..{c.sentence_end} does not hold its span")
        for role, ref in (("holder", c.holder), ("target", c.target)):
            if ref is not None and ref not in actor_ids:
                out.append(f"claim {c.id}: {role} {ref} is not an actor")
    for q in ex.quotes:
        out += _span(text, f"quote {q.id}", q.start, q.end, q.text)
        if not (0 <= q.sentence_start <= q.start and q.end <= q.sentence_end <= len(text)):
            out.append(f"quote {q.id}: sentence {q.sentence_start}..{q.sentence_end} does not hold its span")
        if q.speaker is not None and q.speaker not in actor_ids:
            out.append(f"quote {q.id}: speaker {q.speaker} is not an actor")
    try:
        again = Extraction.from_dict(json.loads(json.dumps(ex.to_dict(), ensure_ascii=False)))
        if again != ex:
            out.append("JSON round trip changed the extraction")
    except (TypeError, ValueError, KeyError) as exc:
        out.append(f"JSON round trip failed: {exc}")
    return out
