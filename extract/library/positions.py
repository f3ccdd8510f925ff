"""One party's positions across the library: demands and red lines grouped, quotes listed.

The same demand restated in several articles is one position with several
dates: claims of the same kind group when their texts are similar (rapidfuzz
``token_set_ratio`` ≥ 85 on their content words, stop words left out, each
with at least two, so "talks" does not swallow "talks on the debt ceiling" and
"refused to pay" stays apart from "refused to talk"). A restatement that adds
to a demand ("a pay rise and an end to the lockout") joins the demand it
restates: token_set_ratio scores a subset as equal. A position
none of whose occurrences is in the party's latest articles (its latest date,
or its latest article when undated) is marked "possibly dropped": it may have
been given up, or the newer articles may simply not mention it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz import fuzz

SAME_POSITION = 85
_WORD = re.compile(r"\w+")


@dataclass
class Position:
    kind: str
    text: str  # the first wording seen
    occurrences: list[dict] = field(default_factory=list)
    status: str = ""

    @property
    def dates(self) -> list[str | None]:
        return [o["date"] for o in self.occurrences]

    def _dated(self) -> list[str]:
        dated = [d for d in self.dates if d]
        return [d for d in dated if _full(d)] or dated  # month-day datelines only when nothing better

    @property
    def first_seen(self) -> str | None:
        dated = self._dated()
        return min(dated) if dated else None

    @property
    def last_seen(self) -> str | None:
        dated = self._dated()
        return max(dated) if dated else None

    @property
    def articles(self) -> list[str]:
        return list(dict.fromkeys(o["article"] for o in self.occurrences))


STOP = frozenset("""a an the of to for and or but in on at by with from as that this these those it its their
their them they we our us you your he she his her him i my me be is are was were been being will would shall should
can could may might must not no do does did again also all any some more most very so than then there here who whom
which what when where why how if once until unless because about into over under after before said says
cannot couldn wouldn shouldn didn doesn don isn aren wasn weren won hasn haven hadn ain""".split())


def _norm(text: str) -> str:
    return " ".join(_WORD.findall(text.lower()))


def _content(norm: str) -> str:
    return " ".join(w for w in norm.split() if w not in STOP and len(w) > 2)


@lru_cache(maxsize=1 << 16)
def _forms(text: str) -> tuple[str, str, int]:
    """The normalised text, its content words, and how many: computed once per text."""
    norm = _norm(text)
    content = _content(norm)
    return norm, content, len(content.split())


def same_position(a: str, b: str) -> bool:
    """The same wording, or at least two content words each and rapidfuzz token_set_ratio ≥ 85 on them."""
    na, ca, la = _forms(a)
    nb, cb, lb = _forms(b)
    if na == nb:
        return True
    if min(la, lb) < 2:
        return False
    return fuzz.token_set_ratio(ca, cb) >= SAME_POSITION


def group_positions(claims: list[dict]) -> list[Position]:
    """``claims`` in date order (dicts from ``Library.items``) grouped into positions.

    A claim joins the first position (of its kind) with an occurrence it restates; each
    position's distinct texts are compared once (a party restates itself word for word often).
    """
    positions: list[Position] = []
    texts: list[dict[str, None]] = []  # per position: its distinct occurrence texts
    for c in claims:
        for p, seen in zip(positions, texts):
            if p.kind == c["kind"] and (c["text"] in seen or any(same_position(t, c["text"]) for t in seen)):
                p.occurrences.append(c)
                seen[c["text"]] = None
                break
        else:
            positions.append(Position(kind=c["kind"], text=c["text"], occurrences=[c]))
            texts.append({c["text"]: None})
    return positions


def mark_dropped(positions: list[Position], dates: list[str | None]) -> None:
    """Mark positions absent from the party's latest articles.

    ``dates``: the dates of the party's articles (those where it holds a position).
    Only full dates (YYYY-MM-DD) count; nothing is marked unless they span at
    least two days, and a position seen only in undated articles is not marked.
    """
    full = sorted({d for d in dates if _full(d)})
    if len(full) < 2:
        return
    latest = full[-1]
    for p in positions:
        seen = [d for d in p.dates if _full(d)]
        p.status = "possibly dropped" if seen and latest not in seen else ""


def _full(d: str | None) -> bool:
    return bool(d) and len(d) == 10 and d[4] == "-"
