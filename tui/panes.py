"""The side panes: Actors, Demands, Red lines and Quotes.

One widget, two layouts. Narrow terminals (80x24) show a tab strip and one pane
at a time; wide ones (the app adds the ``wide`` class at 160 columns and more)
hide the strip and show all four panes in a 2x2 grid, so every pane is in view.
The DataTables keep their ids (``#actors`` ...) in both layouts, so the app
addresses them the same way whichever is on screen.
"""
from __future__ import annotations

from dataclasses import dataclass

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Container, Vertical
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import DataTable, Static, Tab, Tabs

PANES = ("actors", "demands", "red_lines", "quotes")
TITLES = {"actors": "Actors", "demands": "Demands", "red_lines": "Red lines", "quotes": "Quotes"}
TIPS = {"actors": "The parties: enter filters everything by one (key 1)",
        "demands": "What each party asks for, with its cue word (key 2)",
        "red_lines": "What each party refuses or rules out (key 3)",
        "quotes": "What each party said, in its own words (key 4)"}


HEADERS = {"actors": ("Actor", "Kind", "Mentions"), "demands": ("Holder", "Demand", "Cue"),
           "red_lines": ("Holder", "Red line", "Cue"), "quotes": ("Speaker", "Quote", "Cue")}


def column_widths(pane: str, width: int) -> tuple[int, ...]:
    """Column widths for a pane ``width`` cells wide: the text column takes what the name
    and cue columns leave (a function of the width alone, so snapshots are stable). Cells
    are padded by one on each side and the scrollbar takes two; no header is ever cut.
    Below 40 usable cells the cue column is left out (the detail view shows the cue)."""
    avail = max(width - 2 - 2 * 3, 24)
    if pane == "actors":
        return max(avail - 12 - 8, 8), 12, 8
    if avail < 40:
        avail += 2  # one padding pair fewer
        name = max(10, avail * 35 // 100)
        return name, avail - name
    name = min(24, max(12, avail * 30 // 100))
    cue = min(14, max(8, avail * 16 // 100))
    return name, max(10, avail - name - cue), cue


class PaneTable(DataTable):
    """A side pane's table: rows are items, ``j``/``k`` move as the arrows do."""

    BINDINGS = [Binding("j", "cursor_down", "Down", show=False, id="pane.down"),
                Binding("k", "cursor_up", "Up", show=False, id="pane.up")]


@dataclass
class PaneEntered(Message):
    """Focus came into a pane (keys 1-4, tab, a click): its cursor row is the selection now."""

    pane: str


class PanesResized(Message):
    """The side panes have a new size (a terminal resize, the wide layout switched on or
    off): their columns are sized from it. Sent after layout, so the size read is the new
    one (the app's own Resize comes before the panes are laid out)."""


class SidePanes(Vertical):
    """Tab strip + four titled sections; ``active`` names the pane in front."""

    active: reactive[str] = reactive("actors")

    def compose(self) -> ComposeResult:
        tabs = Tabs(*(Tab(TITLES[p], id=f"tab-{p}") for p in PANES), id="side-tabs")
        tabs.can_focus = False  # a click enters the pane itself (keys: tab, 1-4)
        yield tabs
        with Container(id="sections"):
            for p in PANES:
                with Vertical(id=f"sec-{p}", classes="section"):
                    yield Static(TITLES[p], classes="section-title")
                    yield PaneTable(id=p, cursor_type="row", zebra_stripes=True)
                    yield Static("", id=f"empty-{p}", classes="empty-note")

    def on_mount(self) -> None:
        for p in PANES:
            self.query_one(f"#tab-{p}").tooltip = TIPS[p]
            self.query_one(f"#sec-{p} .section-title").tooltip = TIPS[p]
        self._show(self.active)

    def on_resize(self, event: events.Resize) -> None:
        self.post_message(PanesResized())

    def pane_width(self) -> int:
        """The width of one pane: all of ``#sections`` when tabbed, half of it in the grid."""
        w = self.query_one("#sections").size.width
        return (w - 1) // 2 if self.has_class("wide") or self.screen.has_class("wide") else w

    def table(self, pane: str) -> DataTable:
        return self.query_one(f"#{pane}", DataTable)

    def watch_active(self, pane: str) -> None:
        if self.is_mounted:
            self._show(pane)

    def _show(self, pane: str) -> None:
        for p in PANES:
            self.query_one(f"#sec-{p}").set_class(p == pane, "-active")
        tabs = self.query_one(Tabs)
        if tabs.active != f"tab-{pane}":
            tabs.active = f"tab-{pane}"

    @on(Tabs.TabActivated)
    def _tab(self, event: Tabs.TabActivated) -> None:
        """A tab the user clicked enters its pane: the focus
        follows, so its cursor row becomes the selection. Tabs set from ``active`` (keys 1-4,
        n/p) name the pane already active and change nothing."""
        event.stop()
        if event.tab is None or not event.tab.id:
            return
        pane = event.tab.id.removeprefix("tab-")
        if pane != self.active:
            self.active = pane
            self.screen.set_focus(self.table(pane))

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        if isinstance(event.widget, DataTable) and event.widget.id in PANES:
            self.active = event.widget.id
            self.post_message(PaneEntered(event.widget.id))
