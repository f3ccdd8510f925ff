"""Parley's explorer: the article beside its actors, demands, red lines and quotes.

Start-up shows the article at once; the spaCy model loads and extraction runs in
a thread worker that reports back with messages (``Extracted``/``ExtractFailed``).
The app holds the state (extraction, actor filter, selected item); the panes are
plain DataTables it fills, and every highlight in any pane marks its span in the
article. Its actions live in mixins named for what they do: ``extracting.py`` (opening
an article, the extraction worker and its messages), ``filtering.py`` (the actor and side
filter, weak items), ``selection.py`` (what is selected, focus, n/p), ``searching.py``
(search), ``copying.py`` (copy, notes, export), ``filling.py`` (filling the panes in
chunks); the bindings are ``bindings.py``.
"""
from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual import on
from textual.app import App, ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.reactive import reactive
from textual.widgets import DataTable, Footer, Header, ProgressBar, Static

from extract import Extraction
from extract.cache import ExtractionCache
from extract.cli import default_document

from . import state
from .article import ArticleView, Mark, visible
from .cli import main  # noqa: F401  (``tui.app.main`` stays the explorer's entry point)
from .bindings import BINDINGS, HELP
from .commands import ActorCommands
from .copying import CopyMixin
from .extracting import ExtractMixin
from .filtering import FilterMixin
from .messages import Extracted, ExtractPartial  # noqa: F401  (bench/bench.py reads them here)
from .detail import describe
from .filling import FillMixin
from .notes import default_notes_path
from .panes import HEADERS, PANES, PaneEntered, PanesResized, SidePanes, column_widths
from .screens import HelpScreen, key_display
from .searching import SearchMixin
from .selection import SelectionMixin
from .styles import DEFAULT, LEGEND_KEYS, mark_styles

WIDE = 160  # columns from which all four side panes show at once


class ParleyApp(ExtractMixin, FilterMixin, SelectionMixin, SearchMixin, CopyMixin, FillMixin, App):
    TITLE = "Parley"
    CSS_PATH = Path(__file__).with_name("parley.tcss")  # absolute: subclasses live elsewhere
    COMMANDS = App.COMMANDS | {ActorCommands}
    BINDINGS = BINDINGS
    HELP = HELP

    filter_actor: reactive[str | None] = reactive(None)
    filter_side: reactive[bool] = reactive(False)  # widen the filter to the actor's whole side
    # Items found by weak frames or attribution stages (confidence below this) hidden when on.
    hide_weak: reactive[bool] = reactive(False)
    WEAK_BELOW = state.WEAK_BELOW

    @property
    def STYLE_HIT(self) -> str:  # noqa: N802  (read by tests like the constants it replaced)
        return self.marks["hit"]

    @property
    def STYLE_HIT_NOW(self) -> str:  # noqa: N802
        return self.marks["hit_now"]

    def __init__(self, path: str | None = None, model: str | None = None,
                 quotes_file: str | None = None, extractor_factory=None, document=None,
                 cache: ExtractionCache | None = None, keymap: str | None = None,
                 library: str | None = None, library_paths: list[str] | None = None):
        super().__init__()
        # The Library screen (parley FOLDER, parley A B …, parley --library [FILE]): the file,
        # and the paths to import into it first. Without an article the explorer waits empty.
        self.library = library
        self.library_paths = library_paths or []
        self.pending_select: tuple[int, int] | None = None  # an item to select once extracted
        self.generation = 0  # bumped by open_article: a late message of an older worker is dropped
        self.keymap_path = Path(keymap) if keymap else None
        self.cache = cache
        self.path = path or ("" if library is not None else default_document())
        self.model = model
        self.quotes_file = Path(quotes_file) if quotes_file else default_notes_path()
        self.extractor_factory = extractor_factory
        self.text = ""
        self.read_error: str | None = None
        self.result: Extraction | None = None
        self.from_cache = False
        self.final = False  # the whole article's result is in (not a partial one)
        self.selected: tuple[str, str] | None = None  # (pane, item id)
        self.search_pos = 0  # where n/p start from after a search (article offset + 1)
        self.search_query = ""  # the last query, offered again by /
        self.search_hits: list[tuple[int, int]] = []  # every match while a search is on
        self.search_index = 0
        self._folded = None  # the article folded for search, built on the first search
        self.marks: dict[str, str] = dict(DEFAULT)  # mark styles; from the theme once mounted
        self.read_note = None
        if not self.path:
            return  # the Library chooses the article
        try:
            from extract import read_document
            doc = document or read_document(self.path)  # main() has read it already
            self.text = doc.text
            self.read_note = doc.note
        except Exception as exc:  # DocumentError: shown in the app, never a traceback
            self.read_error = str(exc)
            self.read_note = None

    def notify(self, message: str, *, markup: bool = False, **kw) -> None:
        """Notifications carry names and paths from the article: plain text, never markup."""
        super().notify(visible(message), markup=markup, **kw)

    @property
    def main(self):
        """The main screen, even while a modal (help, finder, search) is on top:
        ``App.query_one`` would search the modal and miss every pane."""
        return self.screen_stack[0] if self.screen_stack else self.screen

    # ------------------------------------------------------------------ layout
    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("", id="filter-line")
        with Horizontal(id="main"):
            if self.read_error:
                yield Static(Text(f"Cannot open the article: {self.read_error}"), id="error")
            else:
                yield ArticleView(self.text, id="article")
            with Vertical(id="side-column"):
                yield ProgressBar(id="progress", show_eta=False)
                yield SidePanes(id="side")
                with VerticalScroll(id="detail"):
                    yield Static("", id="detail-body")
        yield Static(self._legend(), id="legend")
        yield Static("", id="status")
        yield Footer(compact=True)

    def _theme_styles(self, theme) -> None:
        """Mark styles from ``theme`` (contrast checked in tui/styles.py); repaint with them."""
        self.marks = mark_styles(theme)
        if self.screen_stack:
            self.main.query_one("#legend", Static).update(self._legend())
            self.paint_article()

    def _on_theme_changed(self, theme) -> None:
        """A theme chosen in the palette is kept for the next start (config.toml)."""
        self._theme_styles(theme)
        from .config import save_theme
        problem = save_theme(theme.name)
        if problem:
            self.notify(problem, title="Theme", severity="warning")

    def _legend(self) -> Text:
        t = Text("Legend: ")
        for label, key in LEGEND_KEYS:
            style = self.marks[key]
            t.append(f" {label} ", style=style)
            t.append(" ")
        return t

    def on_resize(self, event) -> None:
        self._fit(event.size.width)

    @on(PanesResized)
    def _on_panes_resized(self) -> None:
        self._size_columns()

    def _size_columns(self) -> None:
        """Give the panes' columns the widths the pane has now (fixed widths, not auto:
        auto widths remember the widest row ever shown, so a filtered pane's layout would
        depend on what came before); refill the rows cut to fit."""
        if not self.screen_stack:
            return
        width = self.main.query_one(SidePanes).pane_width()
        widths = (width, self.main.has_class("wide"))
        if widths == getattr(self, "widths", None):
            return
        self.widths = widths
        for pane in PANES:
            table = self.main.query_one(f"#{pane}", DataTable)
            keep = self.cursor_item(pane)
            with table.prevent(DataTable.RowHighlighted):
                table.clear(columns=True)
                for label, w in zip(HEADERS[pane], column_widths(pane, width)):
                    table.add_column(label, width=w)
                if self.result is not None:
                    self._fill(table, pane, self.result.actor_name, keep)

    def _fit(self, width: int) -> None:
        """Wide terminals show every side pane at once (a CSS class on the main screen)."""
        if self.screen_stack and self.main.has_class("wide") != (width >= WIDE):
            self.main.set_class(width >= WIDE, "wide")
            # The grid halves a pane even when the side column keeps its width (no
            # PanesResized then); a resize that changes it too follows with the final size.
            self._size_columns()

    def load_keymap(self, path: Path | None = None) -> None:
        """Apply the user's keymap file (see ``tui/keymap.py``); problems become a warning."""
        from .keymap import default_path, load_keymap
        from .bindings import LIBRARY_BINDINGS, PARTY_BINDINGS
        known = {b.id for b in [*self.BINDINGS, *LIBRARY_BINDINGS, *PARTY_BINDINGS] if b.id}
        keymap, problem = load_keymap(path or default_path(), known)
        if keymap:
            self.set_keymap(keymap)
        if problem:
            self.notify(visible(problem), title="Keymap", severity="warning", timeout=10)

    def on_mount(self) -> None:
        self._fit(self.size.width)
        self.load_keymap(self.keymap_path)
        from .config import load_theme
        saved = load_theme()
        if saved and saved in self.available_themes:
            self.theme = saved
        self._theme_styles(self.current_theme)
        self.theme_changed_signal.subscribe(self, self._on_theme_changed)
        self.sub_title = visible(Path(self.path).name) if self.path else "Library"
        tables = {p: self.main.query_one(f"#{p}", DataTable) for p in PANES}
        self.widths: tuple[int, ...] = ()
        self._size_columns()
        if self.library is not None:
            self.action_library()
            if not self.path:
                self.set_status("Choose an article in the Library (escape shows it again; ctrl+o opens a file).")
                return
        elif self.path and not self.read_error:
            self._remember(self.path)
        if self.read_error:
            self.set_status(f"Cannot open the article: {self.read_error}", error=True)
            self.notify(self.read_error, title="Cannot open the article", severity="error")
            return
        for t in tables.values():
            t.loading = True
        self.set_status("Extracting parties, demands, red lines and quotes…")
        if self.read_note:
            self.notify(self.read_note, title="Note")
        # Start the worker after the first paint: importing spaCy in a thread
        # would otherwise compete with showing the article.
        self.call_after_refresh(self.run_extraction)

    # ------------------------------------------------------------------ state
    def set_status(self, msg: str, error: bool = False) -> None:
        st = self.main.query_one("#status", Static)
        st.update(Text(visible(msg), style="bold red" if error else ""))

    def refresh_panes(self) -> None:
        r = self.result
        if r is None:
            return
        name = r.actor_name
        for pane in PANES:
            table = self.main.query_one(f"#{pane}", DataTable)
            with table.prevent(DataTable.RowHighlighted):  # refilling is not the user moving
                self._fill(table, pane, name)
        self.update_filter_line()
        self.paint_article()
        self.sync_selection(centre=False)

    def item(self, pane: str, item_id: str):
        for it in self.visible_items(pane):
            if it.id == item_id:
                return it
        return None

    def paint_article(self, focus: tuple[int, int] | None = None) -> None:
        r = self.result
        try:
            view = self.main.query_one(ArticleView)
        except Exception:
            return
        if r is None:
            view.show(self.search_marks(), focus)
            self.update_detail()
            return
        marks: list[Mark] = []
        for a in r.actors:
            ids = self.filter_ids()
            if ids and a.id not in ids:
                continue
            style = self.marks["filter_actor"] if ids and a.id in ids else self.marks["actor"]
            marks += [Mark(m.start, m.end, style) for m in a.mentions]
        marks += [Mark(q.start, q.end, self.marks["quote"]) for q in self.visible_items("quotes")]
        marks += [Mark(c.start, c.end, self.marks["demand"]) for c in self.visible_items("demands")]
        marks += [Mark(c.start, c.end, self.marks["red_line"]) for c in self.visible_items("red_lines")]
        if self.selected:
            it = self.item(*self.selected)
            if it is not None and self.selected[0] != "actors":
                marks.append(Mark(it.start, it.end, self.marks["selected"]))
            elif it is not None:
                marks += [Mark(m.start, m.end, self.marks["selected"]) for m in it.mentions]
        marks += self.search_marks()
        view.show(marks, focus)
        self.update_detail()

    def update_detail(self) -> None:
        """The detail panel: the selected item in full, or why there is none."""
        body = self.main.query_one("#detail-body", Static)
        it = self.item(*self.selected) if self.selected and self.result else None
        if it is not None:
            if getattr(self, "_detail_of", None) != self.selected:  # a new item: from its top
                self._detail_of = self.selected
                self.main.query_one("#detail").scroll_home(animate=False)
            body.update(describe(self.result, self.text, it))
            return
        pane = self.focused_pane()
        if self.result is not None and pane is not None and self.cursor_item(pane) is None:
            body.update(Text(self.empty_text(pane) + ".", style="italic"))
        else:
            body.update(Text("Highlight an item to read it here in full (d hides this panel).", style="dim"))

    def action_scroll_detail(self, lines: int) -> None:
        """J/K: the detail panel scrolls when the evidence is longer than it (80x24)."""
        self.main.query_one("#detail").scroll_relative(y=lines, animate=False)

    def action_toggle_detail(self) -> None:
        detail = self.main.query_one("#detail")
        detail.display = not detail.display

    # ------------------------------------------------------------------ events
    @on(DataTable.RowHighlighted)
    def _on_row(self, event: DataTable.RowHighlighted) -> None:
        if self.result is None or event.row_key is None or event.row_key.value is None:
            return
        if not event.data_table.has_focus:
            return  # filling a table highlights its first row: not the user's choice
        self._select(event.data_table.id, event.row_key.value)

    @on(PaneEntered)
    def _on_pane_entered(self, event: PaneEntered) -> None:
        self.fill_front(event.pane)
        self.sync_selection()

    @on(ArticleView.Clicked)
    def _on_article_clicked(self, event: ArticleView.Clicked) -> None:
        """A click on a marked span selects its item: its pane comes forward with the
        cursor on the row (status line, detail and article mark follow)."""
        hit = self.item_at(event.offset)
        if hit is None:
            return  # plain text: the click only focused the article
        pane, item_id = hit
        self.ensure_filled(pane, item_id)
        table = self.show_pane(pane, focus=True)
        if item_id in table.rows:
            with table.prevent(DataTable.RowHighlighted):
                table.move_cursor(row=table.get_row_index(item_id), animate=False)
        self._select(pane, item_id, centre=False)

    @on(DataTable.RowSelected, "#actors")
    def _on_actor_selected(self, event: DataTable.RowSelected) -> None:
        self.set_filter(event.row_key.value)

    # ------------------------------------------------------------------ actions
    def help_rows(self) -> list[tuple[str, str, str]]:
        """(keys as people write them, what they do, binding id), one row per binding."""
        from .library import LibraryScreen, PartyScreen
        rows = []
        if isinstance(self.screen, (LibraryScreen, PartyScreen)):  # this screen's keys first
            for b in self.screen.BINDINGS:
                rows.append((key_display(self._keymap.get(b.id, b.key)), self.HELP.get(b.id, b.description), b.id))
            rows.append(("", "— in the article view —", ""))
        rows += [("tab / shift+tab", "next / previous pane", ""),
                ("↓ ↑ / j k", "move in a pane, scroll the article", "pane.down / pane.up"),
                ("enter", "on an actor: filter everything by it", "")]
        for b in self.BINDINGS:
            keys = self._keymap.get(b.id, b.key) if b.id else b.key
            rows.append((key_display(keys), self.HELP.get(b.id, b.description), b.id or ""))
        rows.append(("ctrl+p", "commands: filter by…, copy, notes file", ""))
        return rows

    def action_help(self) -> None:
        self.push_screen(HelpScreen(self.help_rows(), str(self.quotes_file),
                                    [(label, self.marks[key]) for label, key in LEGEND_KEYS]))

    SCREEN_ACTIONS = {"quit", "help", "open", "command_palette", "focus_next", "focus_previous"}

    def check_action(self, action: str, parameters) -> bool | None:
        """On the Library and Party screens the article view's keys (copy, filter, n/p …)
        do nothing: those screens have their own."""
        from .library import LibraryScreen, PartyScreen
        if self.screen_stack and isinstance(self.screen, (LibraryScreen, PartyScreen)):
            if action not in self.SCREEN_ACTIONS and hasattr(ParleyApp, f"action_{action}"):
                return False
        return True

    def action_library(self) -> None:
        """The Library screen (only when Parley was started on a library or folder)."""
        if self.library is None:
            self.notify("No library open: start Parley with a folder, several articles or --library.",
                        severity="warning")
            return
        from .library import LibraryScreen
        if isinstance(self.screen, LibraryScreen):
            return
        if not self.is_screen_installed("library"):
            self.install_screen(LibraryScreen(self.library, self.library_paths), "library")
        self.push_screen("library")
