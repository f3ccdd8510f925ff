"""The explorer's key bindings, each with an id for ``keymap.toml``: short descriptions
for the footer (``show`` picks the ones an 80-column footer keeps), longer ones for help."""
from __future__ import annotations

from textual.binding import Binding

# Short descriptions for the footer; the help screen shows HELP[id] (longer) beside them.
BINDINGS = [
    Binding("q", "quit", "Quit", id="app.quit"),
    Binding("question_mark,f1", "help", "Help", id="app.help"),
    Binding("f", "finder", "Find", id="app.finder"),
    Binding("slash", "search", "Search", id="app.search"),
    Binding("escape", "clear_filter", "Clear", id="app.clear_filter", show=False),
    Binding("n,right_square_bracket", "next_item", "Next", id="app.next"),
    Binding("p,left_square_bracket,N", "prev_item", "Prev", id="app.prev", show=False),
    Binding("c", "copy", "Copy", id="app.copy"),
    Binding("C", "copy_all", "Copy all", id="app.copy_all", show=False),
    Binding("e", "export", "Export", id="app.export", show=False),
    Binding("E", "export_json", "Export JSON", id="app.export_json", show=False),
    Binding("h", "toggle_weak", "Hide weak", id="app.toggle_weak", show=False),
    Binding("d", "toggle_detail", "Detail", id="app.detail"),
    Binding("s", "toggle_side", "Side", id="app.side"),
    Binding("J", "scroll_detail(1)", "Detail down", id="app.detail_down", show=False),
    Binding("K", "scroll_detail(-1)", "Detail up", id="app.detail_up", show=False),
    Binding("ctrl+o", "open", "Open", id="app.open", show=False),
    Binding("L", "library", "Library", id="app.library", show=False),
    Binding("1", "pane('actors')", "Actors", id="app.pane_actors", show=False),
    Binding("2", "pane('demands')", "Demands", id="app.pane_demands", show=False),
    Binding("3", "pane('red_lines')", "Red lines", id="app.pane_red_lines", show=False),
    Binding("4", "pane('quotes')", "Quotes", id="app.pane_quotes", show=False),
]
HELP = {
    "app.quit": "quit",
    "app.help": "this help",
    "app.finder": "find an actor by any alias and filter by it",
    "app.search": "search the article (ignores case, accents)",
    "app.clear_filter": "end the search, else clear the filter",
    "app.next": "next search match, else next marked item",
    "app.prev": "previous search match, else previous marked item",
    "app.copy": "copy the highlighted item, add it to the notes",
    "app.copy_all": "copy every quote in view",
    "app.export": "export the view to Markdown",
    "app.export_json": "export the view to JSON",
    "app.toggle_weak": "hide/show items below 0.6 confidence",
    "app.detail": "show or hide the detail panel",
    "app.detail_down": "scroll the detail panel down",
    "app.detail_up": "scroll the detail panel up",
    "app.side": "widen the actor filter to their side (s again: the actor only)",
    "app.open": "open another article (path with completion, or a recent one)",
    "app.library": "the Library (when started on a library, folder or several articles)",
    "app.pane_actors": "Actors pane",
    "app.pane_demands": "Demands pane",
    "app.pane_red_lines": "Red lines pane",
    "app.pane_quotes": "Quotes pane",
}

# The Library screen (parley FOLDER, parley A B …, parley --library) and the Party screen.
LIBRARY_BINDINGS = [
    Binding("enter", "open", "Open", id="library.open", show=False),
    Binding("s", "sort", "Sort", id="library.sort"),
    Binding("slash", "filter_text", "Filter", id="library.filter"),
    Binding("a", "actor", "Actor", id="library.actor"),
    Binding("p", "party", "Party", id="library.party"),
    Binding("c", "copy", "Copy quotes", id="library.copy"),
    Binding("r", "reload", "Reload", id="library.reload", show=False),
    Binding("escape", "back", "Back", id="library.back"),
]
PARTY_BINDINGS = [
    Binding("enter", "open", "Open", id="party.open", show=False),
    Binding("c", "copy", "Copy", id="party.copy"),
    Binding("a", "actor", "Party", id="party.actor"),
    Binding("v", "compare", "Compare", id="party.compare"),
    Binding("escape", "back", "Library", id="party.back"),
]
HELP.update({
    "library.open": "open the highlighted article in the explorer (escape comes back)",
    "library.sort": "sort by date, title, demands, red lines, quotes (cycles)",
    "library.filter": "filter articles by title or source",
    "library.actor": "filter articles by a library actor (fuzzy finder)",
    "library.party": "the filtered actor's positions over time (Party screen)",
    "library.copy": "copy the highlighted article's quotes (of the filtered actor), add them to the notes",
    "library.reload": "read the library again",
    "library.back": "clear the actor filter, then the text filter, then back to the article",
    "party.open": "open the position's latest article at its evidence",
    "party.copy": "copy the highlighted position or quote, add it to the notes",
    "party.actor": "show another party",
    "party.compare": "a second party beside this one (Russia vs Ukraine), on the same timeline",
    "party.back": "back to the Library",
})
