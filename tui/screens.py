"""Modal screens: the actor finder, article search and the help screen."""
from __future__ import annotations

from rapidfuzz import fuzz, process
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.keys import format_key
from textual.widgets.option_list import Option



class ActorFinder(ModalScreen[str | None]):
    """Fuzzy finder over actor names and every alias; dismisses with an actor id."""

    BINDINGS = [Binding("escape", "dismiss(None)", "Close", id="finder.close")]

    def __init__(self, actors: list[tuple[str, str, tuple[str, ...]]]):
        super().__init__()
        self.actors = actors  # (id, name, aliases)

    def compose(self) -> ComposeResult:
        with Vertical(id="finder"):
            yield Static("Filter by actor (type to search names and aliases, enter to choose)")
            yield Input(placeholder="e.g. zelensky", id="finder-input")
            yield OptionList(id="finder-list")

    def on_mount(self) -> None:
        self._fill("")

    def _fill(self, query: str) -> None:
        from textual.css.query import NoMatches
        try:
            ol = self.query_one(OptionList)
        except NoMatches:  # pushed while the app was closing (keys typed after q): nothing to fill
            return
        ol.clear_options()
        if query.strip():
            choices = {(aid, name, alias): alias for aid, name, aliases in self.actors for alias in (name, *aliases)}
            ranked = process.extract(query, choices, scorer=fuzz.WRatio, limit=50)
            seen, opts = set(), []
            for _alias, score, (aid, name, alias) in ranked:
                if aid in seen or score < 50:
                    continue
                seen.add(aid)
                label = Text(name)
                if alias != name:
                    label.append(f"  ({alias})", style="dim")
                opts.append(Option(label, id=aid))
        else:
            opts = [Option(Text(name), id=aid) for aid, name, _ in self.actors]
        ol.add_options(opts)
        if opts:
            ol.highlighted = 0

    def on_input_changed(self, event: Input.Changed) -> None:
        self._fill(event.value)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        ol = self.query_one(OptionList)
        if ol.highlighted is not None and ol.option_count:
            self.dismiss(ol.get_option_at_index(ol.highlighted).id)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def on_key(self, event) -> None:
        if event.key in ("down", "up"):
            ol = self.query_one(OptionList)
            ol.action_cursor_down() if event.key == "down" else ol.action_cursor_up()
            event.stop()


class SearchScreen(ModalScreen[str | None]):
    """One line for the query, offering the last one again (enter on it: next match)."""

    BINDINGS = [Binding("escape", "dismiss(None)", "Close", id="search.close")]

    def __init__(self, last: str = ""):
        super().__init__()
        self.last = last

    def compose(self) -> ComposeResult:
        with Vertical(id="search"):
            yield Static("Search the article — case and accents ignored (enter: search, n N move)")
            yield Input(value=self.last, placeholder="words to find", id="search-input", select_on_focus=True)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.dismiss(event.value or None)


def key_display(keys: str) -> str:
    """Keys as people write them: "n,right_square_bracket" -> "n / ]", "question_mark,f1" ->
    "? / f1"; modifiers stay spelled out ("ctrl+p", "shift+tab")."""
    out = []
    for key in keys.split(","):
        key = key.strip()
        mods, _, base = key.rpartition("+")
        shown = format_key(base)
        if len(shown) != 1 or not shown.isprintable():
            shown = {"escape": "escape", "enter": "enter"}.get(base, base)
        out.append(f"{mods}+{shown}" if mods else shown)
    return " / ".join(out)


class HelpScreen(ModalScreen[None]):
    """Every binding on its own row (keys, what it does, binding id); scrolls when it does
    not fit (80x24)."""

    BINDINGS = [Binding("escape,q,question_mark,f1", "dismiss(None)", "Close", id="help.close"),
                Binding("j,down", "scroll(1)", "Down", show=False, id="help.down"),
                Binding("k,up", "scroll(-1)", "Up", show=False, id="help.up")]

    def __init__(self, rows: list[tuple[str, str, str]], notes: str = "",
                 legend: list[tuple[str, str]] | None = None):
        super().__init__()
        self.rows = rows
        self.notes = notes
        self.legend = legend or []

    def compose(self) -> ComposeResult:
        from rich.table import Table
        from textual.containers import VerticalScroll
        with Vertical(id="help"):
            yield Static(Text("Parley — keys (ids for keymap.toml in the last column)", style="bold"))
            table = Table(expand=True, box=None, padding=(0, 1), row_styles=["", "on #1f1f2a"])
            table.add_column("Keys", no_wrap=True, style="bold")
            table.add_column("Does", ratio=1)
            table.add_column("Binding id", no_wrap=True, style="dim")
            for keys, desc, bid in self.rows:
                table.add_row(Text(keys), Text(desc), Text(bid))
            with VerticalScroll(id="help-keys"):
                yield Static(table)
            t = Text("Notes file: ", style="dim")
            t.append(self.notes)
            t.append("\nArticle colours: ", style="dim")
            for label, style in self.legend:
                t.append(f" {label} ", style=style)
                t.append(" ")
            t.append("\n↑ ↓ j k scroll · escape closes", style="dim")
            yield Static(t, id="help-foot")

    def action_scroll(self, lines: int) -> None:
        self.query_one("#help-keys").scroll_relative(y=lines, animate=False)


class NotesScreen(ModalScreen[None]):
    """The notes file: its path and what it holds (plain text, never markup)."""

    BINDINGS = [Binding("escape,q", "dismiss(None)", "Close", id="notes.close")]

    def __init__(self, path: str, content: str | None):
        super().__init__()
        self.path = path
        self.content = content

    def compose(self) -> ComposeResult:
        from textual.containers import VerticalScroll
        with Vertical(id="notes"):
            head = Text("Notes file: ", style="bold")
            head.append(self.path)
            yield Static(head)
            body = Text(self.content) if self.content else Text(
                "Nothing copied yet: c copies the highlighted quote or claim here.", style="dim")
            with VerticalScroll(id="notes-body"):
                yield Static(body)
            yield Static(Text("escape closes", style="dim"))
