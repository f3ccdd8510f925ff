"""The side panes: Actors, Demands, Red lines and Quotes.

One widget, two layouts. Narrow terminals (80x24) show a tab strip and one pane
at a time; wide ones (the app adds the ``wide`` class at 160 columns and more)
hide the strip and show all four panes in a 2x2 grid, so nothing is ever a
keypress away. The DataTables keep their ids (``#actors`` ...) in both layouts,
so the app addresses them the same way whichever is on screen.
"""
from __future__ import annotations

from dataclasses import dataclass

from textual import events, on
from textual.app import ComposeResult
from textual.containers import Container, Vertical
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import DataTable, Static, Tab, Tabs

PANES = ("actors", "demands", "red_lines", "quotes")
TITLES = {"actors": "Actors", "demands": "Demands", "red_lines": "Red lines", "quotes": "Quotes"}


class SidePanes(Vertical):
    """Tab strip + four titled sections; ``active`` names the pane in front."""

    active: reactive[str] = reactive("actors")

    @dataclass
    class Activated(Message):
        """The pane in front changed (tab click, focus moved into a pane, or code)."""

        pane: str

    def compose(self) -> ComposeResult:
        yield Tabs(*(Tab(TITLES[p], id=f"tab-{p}") for p in PANES), id="side-tabs")
        with Container(id="sections"):
            for p in PANES:
                with Vertical(id=f"sec-{p}", classes="section"):
                    yield Static(TITLES[p], classes="section-title")
                    yield DataTable(id=p, cursor_type="row", zebra_stripes=True)

    def on_mount(self) -> None:
        self._show(self.active)

    def table(self, pane: str) -> DataTable:
        return self.query_one(f"#{pane}", DataTable)

    def watch_active(self, pane: str) -> None:
        if self.is_mounted:
            self._show(pane)
        self.post_message(self.Activated(pane))

    def _show(self, pane: str) -> None:
        for p in PANES:
            self.query_one(f"#sec-{p}").set_class(p == pane, "-active")
        tabs = self.query_one(Tabs)
        if tabs.active != f"tab-{pane}":
            tabs.active = f"tab-{pane}"

    def cycle(self, step: int) -> None:
        """Bring the next (or previous) pane to the front and focus its table."""
        i = (PANES.index(self.active) + step) % len(PANES)
        self.active = PANES[i]
        self.table(PANES[i]).focus()

    @on(Tabs.TabActivated)
    def _tab(self, event: Tabs.TabActivated) -> None:
        event.stop()
        if event.tab is not None and event.tab.id:
            self.active = event.tab.id.removeprefix("tab-")

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        if isinstance(event.widget, DataTable) and event.widget.id in PANES:
            self.active = event.widget.id
