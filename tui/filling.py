"""Filling the side panes without blocking the event loop.

A 1 MB report has thousands of rows and a DataTable row costs the UI thread about half
a millisecond (adding it, then measuring its cells), so refilling every pane at once
blocked key presses for over a second each time partial results came in. Three things
keep a refill short:

- **Diff**: each pane remembers what its rows show (item, holder name, bold); a refill
  keeps the longest common prefix and replaces only the rows after it. Partial results
  of a longer prefix of the article keep the earlier items (ids follow reading order),
  so a new partial result mostly appends.
- **Chunks**: at most ``FIRST_ROWS`` rows are added at once, to the panes in view only
  (more if the cursor's item lies further down, so the cursor lands on it at once; all of
  them when they are that few); the rest are added
  ``chunk`` rows per timer tick, the pane in front first, the chunk sized so adding it
  takes ~8 ms (the table measures the new rows afterwards, about as much again), so a key
  press never waits long behind one.
- **Exactness when it matters**: anything that needs a row that is not added yet (n/p,
  a click in the article) calls ``ensure_filled(pane, item_id)`` first, which adds the rows
  up to that one.

A mixin of ``ParleyApp`` (it uses ``result``, ``visible_items``, ``selected``).
"""
from __future__ import annotations

import time

from rich.text import Text
from textual.widgets import DataTable, Static

from extract.render import holders_of

from .panes import PANES, SidePanes
from .state import short

FIRST_ROWS = 60  # rows added at once to a pane in view (it shows fewer, even at 200x60)
CHUNK_MIN, CHUNK_MAX = 20, 400
TICK = 0.015  # seconds between chunks: key presses get in between


class FillMixin:
    def _fill_state(self) -> dict:
        if not hasattr(self, "_pane_rows"):
            self._pane_rows: dict[str, list[tuple]] = {}  # pane → row signatures, in order
            self._pending: dict[str, int] = {}  # pane → index of the next row to add
            self._chunk = 60
            self._ticking = False
        return self._pane_rows

    def _signature(self, pane: str, item, name, bold_ids) -> tuple:
        """What a row shows besides the widths: equal signatures draw equal rows."""
        if pane == "actors":
            return item.id, item, item.id in bold_ids
        if pane == "quotes":
            return item.id, item, name(item.speaker)
        return item.id, item, holders_of(self.result, item)

    def _cells(self, table: DataTable, pane: str, sig: tuple) -> tuple:
        widths = [c.width for c in table.columns.values()]
        w1, w2, w3 = (widths + [0, 0, 0])[:3]
        _, item, label = sig
        if pane == "actors":
            cells = (Text(short(item.name, w1), style="bold" if label else ""), item.kind, str(item.mention_count))
        elif pane == "quotes":
            cells = (Text(short(label, w1)), Text(short(item.text, w2)), Text(short(item.cue or "—", w3)))
        else:
            cells = (Text(short(label, w1)), Text(short(item.text, w2)), Text(short(item.cue, w3)))
        return cells[:len(widths)]

    def _fill(self, table: DataTable, pane: str, name, keep: str | None = None, rebuild: bool = False) -> None:
        """Make ``table`` show ``pane``'s visible items, keeping the cursor on ``keep`` (by
        default the selected item, else the row under the cursor)."""
        rows = self._fill_state()
        if keep is None and self.selected and self.selected[0] == pane:
            keep = self.selected[1]
        if keep is None and table.row_count and table.cursor_row < table.row_count:
            keep = table.coordinate_to_cell_key((table.cursor_row, 0)).row_key.value
        bold = self.filter_ids() or ()
        new = [self._signature(pane, it, name, bold) for it in self.visible_items(pane)]
        old = [] if rebuild else rows.get(pane, [])[:table.row_count]
        same = 0
        for a, b in zip(old, new):
            if a != b:
                break
            same += 1
        with table.prevent(DataTable.RowHighlighted):  # refilling is not the user moving
            if same == 0 or table.row_count - same > same:
                table.clear()  # one call, cheaper than removing more rows than it keeps
                same = 0
            else:
                for key in [table.coordinate_to_cell_key((r, 0)).row_key for r in range(same, table.row_count)]:
                    table.remove_row(key)
            rows[pane] = new
            self._pending[pane] = same
            # A pane out of view (behind a tab) gets its rows from the ticks alone, unless
            # they are few: the first rows of the panes in view are what a refill waits for.
            want = same + (FIRST_ROWS if self._in_view(pane) or len(new) - same <= FIRST_ROWS else 0)
            if keep is not None:
                at = next((k for k, sig in enumerate(new) if sig[0] == keep), -1)
                want = max(want, at + 1)
            self._add_rows(table, pane, want - same)
            if keep is not None and keep in table.rows:  # the cursor stays on its item
                table.move_cursor(row=table.get_row_index(keep), animate=False)
        self._note_empty(table, pane)
        if self._pending[pane] < len(new):
            self._schedule_fill()

    def _in_view(self, pane: str) -> bool:
        """Whether ``pane`` is on screen: all four are in the wide layout, else the one in front."""
        return self.main.has_class("wide") or self.main.query_one(SidePanes).active == pane

    def _add_rows(self, table: DataTable, pane: str, count: int) -> int:
        new = self._pane_rows[pane]
        start = self._pending[pane]
        stop = min(len(new), start + max(count, 0))
        for sig in new[start:stop]:
            table.add_row(*self._cells(table, pane, sig), key=sig[0])
        self._pending[pane] = stop
        return stop - start

    def _note_empty(self, table: DataTable, pane: str) -> None:
        empty = self.main.query_one(f"#empty-{pane}", Static)
        # a pane with rows still to come is not empty
        has_rows = bool(table.row_count) or self._pending.get(pane, 0) < len(self._pane_rows.get(pane, ()))
        table.set_class(not has_rows, "-empty")
        empty.display = not has_rows
        empty.update(Text(self.empty_text(pane) + "."))

    def _schedule_fill(self) -> None:
        if not self._ticking:
            self._ticking = True
            self.set_timer(TICK, self._fill_tick)

    def _fill_tick(self) -> None:
        """Add one chunk of rows, the pane in front first; again after a pause if more wait."""
        self._ticking = False
        if not self.screen_stack or self.result is None:
            return
        front = self.main.query_one(SidePanes).active
        waiting = [p for p in (front, *PANES) if self._pending.get(p, 0) < len(self._pane_rows.get(p, ()))]
        if not waiting:
            return
        pane = waiting[0]
        table = self.main.query_one(f"#{pane}", DataTable)
        t = time.perf_counter()
        with table.prevent(DataTable.RowHighlighted):
            added = self._add_rows(table, pane, self._chunk)
        took = time.perf_counter() - t
        if added == self._chunk:  # adding is about half a row's cost (measuring it follows)
            self._chunk = max(CHUNK_MIN, min(CHUNK_MAX, int(self._chunk * 0.008 / max(took, 1e-4))))
        self._schedule_fill()

    def fill_front(self, pane: str) -> None:
        """A pane coming into view gets its first rows at once (not at the next tick), so it
        never looks empty while its rows are on their way."""
        self._fill_state()
        if self._pending.get(pane, 0) < min(FIRST_ROWS, len(self._pane_rows.get(pane, ()))):
            table = self.main.query_one(f"#{pane}", DataTable)
            with table.prevent(DataTable.RowHighlighted):
                self._add_rows(table, pane, FIRST_ROWS - self._pending[pane])
            self._note_empty(table, pane)

    def ensure_filled(self, pane: str, item_id: str | None = None) -> DataTable:
        """Add ``pane``'s rows now up to ``item_id``'s (all of them without one), for n/p and
        clicks, which move the cursor to a given row; the rest keep coming in chunks."""
        self._fill_state()
        table = self.main.query_one(f"#{pane}", DataTable)
        rows = self._pane_rows.get(pane, ())
        want = len(rows) if item_id is None else next((k + 1 for k, sig in enumerate(rows) if sig[0] == item_id), 0)
        if self._pending.get(pane, 0) < want:
            with table.prevent(DataTable.RowHighlighted):
                self._add_rows(table, pane, want - self._pending[pane])
        return table
