"""Opening another article from inside the explorer (ctrl+o): a path with completion over
the file system and the recently opened articles."""
from __future__ import annotations

import os
from pathlib import Path

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.suggester import Suggester
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from .article import visible


def complete_path(value: str) -> str | None:
    """The first file or folder whose name continues ``value`` (folders end in "/"), hidden
    ones only when asked for with a dot; None when nothing does."""
    if not value:
        return None
    expanded = os.path.expanduser(value)
    folder, stem = os.path.split(expanded)
    try:
        with os.scandir(folder or ".") as entries:
            names = sorted((e.name, e.is_dir()) for e in entries
                           if e.name.startswith(stem) and (stem.startswith(".") or not e.name.startswith(".")))
    except OSError:
        return None
    for name, is_dir in names:
        if name == stem and not is_dir:
            continue
        rest = name[len(stem):] + ("/" if is_dir else "")
        if rest:
            return value + rest
    return None


class PathSuggester(Suggester):
    """Completes what is typed with a name in that folder (right arrow or tab accepts)."""

    def __init__(self) -> None:
        super().__init__(use_cache=False, case_sensitive=True)

    async def get_suggestion(self, value: str) -> str | None:
        return complete_path(value)


class OpenScreen(ModalScreen[str | None]):
    """A path to open (with completion), or one of the recently opened articles."""

    BINDINGS = [Binding("escape", "dismiss(None)", "Close", id="open.close"),
                Binding("tab", "complete", "Complete", show=False, id="open.complete")]

    def __init__(self, recent: list[str], start: str = ""):
        super().__init__()
        self.recent = recent
        self.start = start

    def compose(self) -> ComposeResult:
        with Vertical(id="open"):
            yield Static("Open an article: type a path (tab or → completes, enter opens)")
            yield Input(value=self.start, placeholder="path/to/article.txt", id="open-input",
                        suggester=PathSuggester())
            label = "Recent (↓ then enter):" if self.recent else "No recent articles yet."
            yield Static(Text(label, style="dim"), id="open-recent-label")
            yield OptionList(*[Option(Text(visible(p)), id=p) for p in self.recent], id="open-recent")

    def action_complete(self) -> None:
        inp = self.query_one("#open-input", Input)
        if inp.has_focus:
            inp.action_cursor_right()  # at the end of the line this accepts the suggestion
        else:
            self.focus_next()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        value = event.value.strip()
        if value:
            self.dismiss(os.path.expanduser(value))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def on_key(self, event) -> None:
        ol = self.query_one("#open-recent", OptionList)
        if event.key == "down" and self.query_one("#open-input", Input).has_focus and ol.option_count:
            ol.focus()
            ol.highlighted = 0
            event.stop()
        elif event.key == "up" and ol.has_focus and ol.highlighted in (0, None):
            self.query_one("#open-input", Input).focus()
            event.stop()


def recent_label(path: str) -> str:
    """"name — folder" for the command palette."""
    p = Path(path)
    return f"{p.name} — {p.parent}"
