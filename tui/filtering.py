"""What the panes let through: the actor filter (one actor, or everyone on its side with
``s``), hidden weak items (``h``), the line above the article that says which, and the
counts in the status line. Which items a filter keeps is ``tui/state.py`` (pure).

A mixin of ``ParleyApp``: the reactives (``filter_actor``, ``filter_side``, ``hide_weak``)
are declared on the app; their watchers are here.
"""
from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from . import state
from .article import visible
from .panes import PANES
from .screens import ActorFinder


class FilterMixin:
    def visible_items(self, pane: str) -> list:
        return state.visible_items(self.result, pane, self.filter_ids(), self.hide_weak)

    def filter_ids(self) -> tuple[str, ...] | None:
        """The actors the filter lets through: the actor, or everyone on its side (s)."""
        if not self.filter_actor or self.result is None:
            return None
        if self.filter_side:
            from extract.sides import side_members
            return side_members(self.result, self.filter_actor)
        return (self.filter_actor,)

    def filter_label(self) -> str:
        """"Vladimir Putin" or "Vladimir Putin's side"."""
        name = self.result.actor_name(self.filter_actor) if self.result else ""
        return f"{name}'s side" if self.filter_side else name

    def update_filter_line(self) -> None:
        """The line above the article: the actor filter, hidden weak items, the search."""
        fl = self.main.query_one("#filter-line", Static)
        parts = []
        if self.filter_actor and self.result is not None:
            ids = self.filter_ids() or ()
            if self.filter_side:
                names = ", ".join(self.result.actor_name(i) for i in ids)
                parts.append(f"Filter: {self.filter_label()} — {names}  (s: only "
                             f"{self.result.actor_name(self.filter_actor)}, escape clears)")
            else:
                parts.append(f"Filter: {self.result.actor_name(self.filter_actor)}  (s: their side, escape clears)")
        if self.hide_weak:
            parts.append(f"Hiding items below {self.WEAK_BELOW:.2f} confidence  (h shows them)")
        if self.search_hits:
            parts.append(f"Search “{visible(' '.join(self.search_query.split()))}”: "
                         f"{self.search_index + 1}/{len(self.search_hits)}  (n N move, escape ends)")
        fl.update(Text("  ·  ".join(parts), style="bold yellow"))
        fl.display = bool(parts)

    def watch_filter_side(self, old, new) -> None:
        self.refresh_panes()

    def action_toggle_side(self) -> None:
        if not self.filter_actor or self.result is None:
            self.notify("Filter by an actor first (enter on an actor, or f); s then widens it to their side.",
                        severity="warning")
            return
        self.filter_side = not self.filter_side
        ids = self.filter_ids() or ()
        self.notify(f"Showing {self.filter_label()}: " + ", ".join(self.result.actor_name(i) for i in ids),
                    title="Filter")

    def watch_filter_actor(self, old, new) -> None:
        self.refresh_panes()

    def set_filter(self, actor_id: str | None) -> None:
        self.filter_actor = actor_id
        if actor_id and self.result:
            self.notify(f"Showing only {self.result.actor_name(actor_id)}", title="Filter")

    def action_finder(self) -> None:
        if self.result is None:
            self.notify("Actors are still being extracted.")
            return
        actors = [(a.id, a.name, a.aliases) for a in self.result.actors]
        self.push_screen(ActorFinder(actors), lambda aid: aid and self.set_filter(aid))

    def watch_hide_weak(self, old, new) -> None:
        if self.selected and self.item(*self.selected) is None:
            # the highlighted item was just hidden: the status must not keep showing it
            self.selected = None
            self.set_status(self.summary())
        self.refresh_panes()

    def summary(self) -> str:
        """Counts of what the panes show now (after the actor filter and the weak-item toggle)."""
        r = self.result
        if r is None:
            return ""
        n = {p: len(self.visible_items(p)) for p in PANES}
        hidden = " (weak items hidden)" if self.hide_weak else ""
        return (f"{n['actors']} actors · {n['demands']} demands · {n['red_lines']} red lines · "
                f"{n['quotes']} quotes{hidden}. Enter on an actor filters; f finds one; ? for help.")

    def action_toggle_weak(self) -> None:
        self.hide_weak = not self.hide_weak
        self.notify(f"Items below {self.WEAK_BELOW:.2f} confidence {'hidden' if self.hide_weak else 'shown'}",
                    title="Confidence")

    def action_clear_filter(self) -> None:
        if self.search_hits:
            self.end_search()
        elif self.filter_actor:
            self.filter_side = False
            self.filter_actor = None
            self.notify("Filter cleared")
        elif self.library is not None:
            self.action_library()
