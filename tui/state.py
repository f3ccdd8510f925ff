"""Selection and filter state helpers: which items a pane shows, reading order, cell text.

Pure functions of an ``Extraction`` and the view's settings (no widgets), so the app's
filtering and ordering can be tested without running it.
"""
from __future__ import annotations

from extract import Extraction

from .article import visible

PANES = ("actors", "demands", "red_lines", "quotes")
WEAK_BELOW = 0.6  # items found by weak frames or stages, hidden by `h`


def visible_items(r: Extraction | None, pane: str, filter_actor=None, hide_weak: bool = False) -> list:
    """The items ``pane`` shows under the actor filter (one actor id, or a collection of
    ids: a side) and the weak-item toggle. A claim is kept when any of its holders is in."""
    if r is None:
        return []
    ids = None if not filter_actor else ({filter_actor} if isinstance(filter_actor, str) else set(filter_actor))
    strong = (lambda it: it.confidence >= WEAK_BELOW) if hide_weak else (lambda it: True)  # noqa: E731
    if pane == "actors":
        return list(r.actors)
    if pane in ("demands", "red_lines"):
        claims = r.demands if pane == "demands" else r.red_lines
        return [c for c in claims if (ids is None or ids & {c.holder, *c.holders}) and strong(c)]
    return [q for q in r.quotes if (ids is None or q.speaker in ids) and strong(q)]


def reading_order(items_by_pane: dict[str, list]) -> list[tuple[int, int, str, str]]:
    """Demands, red lines and quotes in reading order: (start, end, pane, id)."""
    items = [(it.start, it.end, pane, it.id) for pane in PANES[1:] for it in items_by_pane.get(pane, ())]
    return sorted(items, key=lambda x: (x[0], x[1], PANES.index(x[2])))


def short(s: str, n: int = 48) -> str:
    """Cell text: one line, at most ``n`` characters (the status line shows it all)."""
    s = visible(" ".join(s.split()))
    return s if len(s) <= n else s[: n - 1] + "…"
