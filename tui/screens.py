"""Modal screens: the actor finder, article search and the help screen."""
from __future__ import annotations

from rapidfuzz import fuzz, process
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
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
        ol = self.query_one(OptionList)
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
    BINDINGS = [Binding("escape", "dismiss(None)", "Close", id="search.close")]

    def compose(self) -> ComposeResult:
        with Vertical(id="search"):
            yield Static("Search the article (enter: next match)")
            yield Input(placeholder="words to find", id="search-input")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.dismiss(event.value or None)


class HelpScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,q,question_mark,f1", "dismiss(None)", "Close", id="help.close")]

    def __init__(self, rows: list[tuple[str, str]]):
        super().__init__()
        self.rows = rows

    def compose(self) -> ComposeResult:
        t = Text("Parley — keys\n\n", style="bold")
        for keys, desc in self.rows:
            t.append(f"{keys:<22}", style="bold")
            t.append(f"{desc}\n")
        t.append("\nColours in the article: ", style="dim")
        for label, style in (("actor", "underline"), ("demand", "on dark_green"),
                             ("red line", "on dark_red"), ("quote", "italic cyan"), ("selected", "reverse")):
            t.append(f" {label} ", style=style)
        t.append("\n\nPress escape to close.", style="dim")
        with Vertical(id="help"):
            yield Static(t)
