"""Selection and filter state helpers: which items a pane shows, reading order, cell text.

Pure functions of an ``Extraction`` and the view's settings (no widgets), so the app's
filtering and ordering can be tested without running it.
"""
from __future__ import annotations

from extract import Extraction

from .article import visible

PANES = ("actors", "demands", "red_lines", "quotes")
WEAK_BELOW = 0.6  # items found by weak frames or stages, hidden by `h`


def visible_items(r: Extraction | None, pane: str, filter_actor: str | None = None,
                  hide_weak: bool = False) -> list:
    """The items ``pane`` shows under the actor filter and the weak-item toggle."""
    if r is None:
        return []
    f = filter_actor
    strong = (lambda it: it.confidence >= WEAK_BELOW) if hide_weak else (lambda it: True)  # noqa: E731
    if pane == "actors":
        return list(r.actors)
    if pane == "demands":
        return [c for c in r.demands if (f is None or f in (c.holder, *c.holders)) and strong(c)]
    if pane == "red_lines":
        return [c for c in r.red_lines if (f is None or f in (c.holder, *c.holders)) and strong(c)]
    return [q for q in r.quotes if (f is None or q.speaker == f) and strong(q)]


def reading_order(items_by_pane: dict[str, list]) -> list[tuple[int, int, str, str]]:
    """Demands, red lines and quotes in reading order: (start, end, pane, id)."""
    items = [(it.start, it.end, pane, it.id) for pane in PANES[1:] for it in items_by_pane.get(pane, ())]
    return sorted(items, key=lambda x: (x[0], x[1], PANES.index(x[2])))


def short(s: str, n: int = 48) -> str:
    """Cell text: one line, at most ``n`` characters (the status line shows it all)."""
    s = visible(" ".join(s.split()))
    return s if len(s) <= n else s[: n - 1] + "…"
