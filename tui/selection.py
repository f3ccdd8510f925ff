"""What is selected and where the focus goes: the row under the focused pane's cursor is
the selection (status line, article mark, detail panel follow), tab cycles the panes in
both layouts, and n/p walk the marked items in reading order.

A mixin of ``ParleyApp`` (it uses the app's state: ``result``, ``selected``, the panes).
"""
from __future__ import annotations

from textual.widgets import DataTable

from extract.render import holders_of

from . import state
from .panes import PANES, SidePanes


class SelectionMixin:
    def focused_pane(self) -> str | None:
        """The side pane that has the focus, if one has."""
        w = self.main.focused
        return w.id if isinstance(w, DataTable) and w.id in PANES else None

    def cursor_item(self, pane: str) -> str | None:
        """The id of the row under ``pane``'s cursor (None when the pane is empty)."""
        table = self.main.query_one(f"#{pane}", DataTable)
        if not table.row_count:
            return None
        row = min(max(table.cursor_row, 0), table.row_count - 1)
        return table.coordinate_to_cell_key((row, 0)).row_key.value

    def sync_selection(self, centre: bool = True) -> None:
        """Make the selection what the user sees: the row under the focused pane's cursor
        (nothing when that pane is empty); with no pane focused, drop a selection the panes
        no longer show. The status line, article marks and detail view follow."""
        if self.result is None:
            return
        pane = self.focused_pane()
        if pane is not None:
            iid = self.cursor_item(pane)
            if iid is not None:
                self._select(pane, iid, centre=centre)
                return
            self.selected = None
            self.set_status(f"{self.empty_text(pane)}. {self.summary()}")
            self.paint_article()
            return
        if self.selected and self.item(*self.selected) is None:
            self.selected = None
            self.set_status(self.summary())
            self.paint_article()

    def empty_text(self, pane: str) -> str:
        """What an empty pane says: "No red lines for Vladimir Putin", "No quotes found"."""
        what = {"actors": "actors", "demands": "demands", "red_lines": "red lines", "quotes": "quotes"}[pane]
        if self.result is None:
            return "Extracting…"
        if self.filter_actor and pane != "actors":
            return f"No {what} for {self.filter_label()}"
        weak = " (weak items hidden)" if self.hide_weak else ""
        return f"No {what} found{weak}"

    def _select(self, pane: str, item_id: str, centre: bool = True) -> None:
        """Make an item the selection: status line shows its evidence, article centres it."""
        it = self.item(pane, item_id)
        if it is None:
            return
        self.selected = (pane, item_id)
        name = self.result.actor_name
        if pane == "actors":
            focus = (it.mentions[0].start, it.mentions[0].end) if it.mentions else None
            aff = f" · speaks for {name(it.affiliation)}" if it.affiliation else ""
            self.set_status(f"{it.name} ({it.kind}, {it.mention_count} mentions{aff}) · aliases: "
                            f"{', '.join(it.aliases)}")
        else:
            focus = (it.start, it.end)
            sent = self.text[it.sentence_start:it.sentence_end]
            if pane == "quotes":
                who = name(it.speaker)
                how = f"{it.how or '—'}, {it.confidence:.2f}"
            else:
                who = holders_of(self.result, it)
                how = f"{it.frame or '—'}, {it.confidence:.2f}"
            cue = it.cue or "—"
            self.set_status(f"{who} · cue: {cue} · found by: {how} · {sent}")
        self.paint_article(focus if centre else None)

    def item_at(self, pos: int) -> tuple[str, str] | None:
        """The item marked at article offset ``pos``, as drawn on top there: a red line over
        a demand over a quote, the shortest span first; else an actor mention (within the
        filter). None on unmarked text or before the results are in."""
        if self.result is None:
            return None
        for pane in ("red_lines", "demands", "quotes"):
            hits = [it for it in self.visible_items(pane) if it.start <= pos < it.end]
            if hits:
                return pane, min(hits, key=lambda it: it.end - it.start).id
        ids = self.filter_ids()
        for a in self.result.actors:
            if (not ids or a.id in ids) and any(m.start <= pos < m.end for m in a.mentions):
                return "actors", a.id
        return None

    def action_focus_next(self) -> None:
        self._cycle(+1)

    def action_focus_previous(self) -> None:
        self._cycle(-1)

    def _cycle(self, step: int) -> None:
        """tab/shift+tab: article → Actors → Demands → Red lines → Quotes, in both layouts
        (the tabbed layout hides the panes behind the tab in front, so focus_next alone
        would never reach them)."""
        if self.screen is not self.main:
            super().action_focus_next() if step > 0 else super().action_focus_previous()
            return
        order = (["article"] if not self.read_error else []) + list(PANES)
        here = self.main.focused.id if self.main.focused is not None else None
        i = order.index(here) if here in order else (-1 if step > 0 else 0)
        target = order[(i + step) % len(order)]
        if target == "article":
            self.main.query_one("#article").focus()
        else:
            self.show_pane(target, focus=True)

    def show_pane(self, pane: str, focus: bool = False) -> DataTable:
        """Bring ``pane`` to the front (a tab when narrow, already visible when wide)."""
        side = self.main.query_one(SidePanes)
        side.active = pane
        table = side.table(pane)
        if focus:
            # At once, not after the next refresh (``Widget.focus``): keys typed right after
            # (2 j c) must reach this pane, not the one that had the focus.
            self.main.set_focus(table)
        return table

    def action_pane(self, pane: str) -> None:
        self.show_pane(pane, focus=True)

    def marked_items(self) -> list[tuple[int, int, str, str]]:
        """Demands, red lines and quotes in view, in reading order: (start, end, pane, id)."""
        return state.reading_order({p: self.visible_items(p) for p in PANES[1:]})

    def _step(self, step: int) -> None:
        """Jump to the next/previous marked item in the article; its pane follows."""
        items = self.marked_items()
        if not items:
            self.notify("Nothing is marked in the article yet.", severity="warning")
            return
        keys = [(a, b, PANES.index(p)) for a, b, p, _ in items]
        here = None
        if self.selected and self.selected[0] != "actors":
            it = self.item(*self.selected)
            if it is not None:
                here = (it.start, it.end, PANES.index(self.selected[0]))
        if here is None:  # from the last search hit or the top of the article
            here = (self.search_pos - 1, self.search_pos - 1, -1) if step > 0 else (self.search_pos, 0, 99)
        if step > 0:
            i = next((k for k, key in enumerate(keys) if key > here), 0)
        else:
            i = next((k for k in range(len(keys) - 1, -1, -1) if keys[k] < here), len(keys) - 1)
        _, _, pane, item_id = items[i]
        self.ensure_filled(pane, item_id)
        table = self.show_pane(pane)
        table.move_cursor(row=table.get_row_index(item_id))
        self._select(pane, item_id)

    def action_next_item(self) -> None:
        if self.search_hits:
            self._goto_hit(self.search_index + 1)
        else:
            self._step(+1)

    def action_prev_item(self) -> None:
        if self.search_hits:
            self._goto_hit(self.search_index - 1)
        else:
            self._step(-1)

