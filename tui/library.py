"""The Library and Party screens: many articles, and one party's positions over time.

``parley FOLDER``, ``parley A.txt B.txt …`` and ``parley --library [FILE]`` start on the
Library screen (``ParleyApp.library``). Every read of the library file happens in a thread
worker that opens its own SQLite connection (``extract.library.views`` does the reading);
the widgets are filled back on the UI thread. Article text (titles, sources, positions,
quotes) is always shown as ``rich.text.Text``, never parsed as markup.
"""
from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Input, ProgressBar, Static

from .bindings import LIBRARY_BINDINGS, PARTY_BINDINGS
from .state import short

SORTS = ("date", "title", "demands", "red lines", "quotes")
KIND_STYLE = {"demand": "bold green", "red_line": "bold red", "quote": "bold cyan"}
KIND_LABEL = {"demand": "demand", "red_line": "red line", "quote": "quote"}


def _call(screen: Screen, fn, *args) -> None:
    """From a worker thread: run ``fn`` on the UI thread unless the app is closing."""
    try:
        screen.app.call_from_thread(fn, *args)
    except RuntimeError:  # the app has stopped
        pass


def _n(n: int, what: str) -> str:
    return f"{n} {what}{'' if n == 1 else 's'}"


def _open_library(path: str, create: bool = False):
    from extract.library.store import Library
    return Library(path, create=create)


class LibraryScreen(Screen):
    """Every article in the library: date, title, source and counts, sorted and filtered."""

    BINDINGS = LIBRARY_BINDINGS

    def __init__(self, library: str, import_paths: list[str] | None = None):
        super().__init__()
        self.library = library
        self.import_paths = list(import_paths or [])
        self.entries: list = []  # extract.library.views.ArticleEntry
        self.parties: list[dict] = []
        self.sort = 0
        self.text_filter = ""
        self.actor: str | None = None  # a library actor id
        self.loaded = False

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("", id="lib-head")
        yield Input(placeholder="filter by title or source (enter keeps it, escape leaves it)", id="lib-filter")
        yield ProgressBar(id="lib-progress", show_eta=False)
        table = DataTable(id="lib-table", cursor_type="row", zebra_stripes=True)
        table.loading = True
        yield table
        yield Static("", id="lib-status")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one("#lib-filter").display = False
        self.query_one("#lib-progress").display = False
        self.update_head()
        if self.import_paths:
            self.set_status(f"Importing {len(self.import_paths)} path(s) into {self.library}…")
            self.run_import(self.import_paths)
            self.import_paths = []
        else:
            self.set_status("Reading the library…")
            self.load()

    # ------------------------------------------------------------------ workers
    @work(thread=True, exclusive=True, group="library")
    def run_import(self, paths: list[str]) -> None:
        from textual.worker import get_current_worker

        from extract.library.store import LibraryError
        from extract.library.importing import import_paths
        from extract.library.views import overview

        worker = get_current_worker()
        app = self.app
        try:
            lib = _open_library(self.library, create=True)
        except LibraryError as exc:
            _call(self, self._failed, str(exc))
            return
        try:
            cache = None
            if getattr(app, "cache", None) is not None:
                from extract.cache import ExtractionCache
                cache = ExtractionCache(warn=lambda m: _call(self, app.notify, m))
            # parley library add's import (engine, process pool, writer thread), one process
            # unless parley was started with --jobs N
            rep = import_paths(lib, paths, jobs=getattr(app, "library_jobs", None) or 1,
                               progress=lambda d, t: _call(self, self._progress, d, t),
                               cache=cache, model=getattr(app, "model", None),
                               cancelled=lambda: worker.is_cancelled,
                               extractor_factory=getattr(app, "extractor_factory", None))
            ov = overview(lib)
        except Exception as exc:  # ModelNotFound, EngineError, a busy or damaged library: one line
            _call(self, self._failed, str(exc) or exc.__class__.__name__)
            return
        finally:
            lib.close()
        _call(self, self._imported, rep)
        _call(self, self._show, ov)

    @work(thread=True, exclusive=True, group="library")
    def load(self) -> None:
        from extract.library.store import LibraryError
        from extract.library.views import overview

        try:
            lib = _open_library(self.library)
        except LibraryError as exc:
            _call(self, self._failed, str(exc))
            return
        try:
            ov = overview(lib)
        except Exception as exc:
            _call(self, self._failed, f"cannot read the library {self.library} ({exc})")
            return
        finally:
            lib.close()
        _call(self, self._show, ov)

    @work(thread=True, group="library-article")
    def load_article(self, sha: str, path: str, select: tuple[int, int] | None = None) -> None:
        """Read one article's text from the library and show it in the explorer."""
        try:
            lib = _open_library(self.library)
            try:
                text = lib.text(sha)
            finally:
                lib.close()
        except Exception as exc:
            _call(self, self._failed, f"cannot read the article ({exc})")
            return
        _call(self, self._open_in_explorer, path, text, select)

    # ------------------------------------------------------------------ UI thread
    def _progress(self, done: int, total: int) -> None:
        bar = self.query_one("#lib-progress", ProgressBar)
        bar.display = total > 0 and done < total
        bar.update(total=max(total, 1), progress=done)
        if total:
            self.set_status(f"Importing into {self.library}: {done}/{total} articles extracted…")

    def _imported(self, rep) -> None:
        self.query_one("#lib-progress").display = False
        line = f"Import: {rep.line()}."
        for err in rep.errors:
            self.app.notify(err, title="Not imported", severity="warning", timeout=10)
        self.app.notify(line, title="Library")

    def _failed(self, error: str) -> None:
        self.query_one("#lib-progress").display = False
        table = self.query_one("#lib-table", DataTable)
        table.loading = False
        self.set_status(error, error=True)
        self.app.notify(error, title="Library", severity="error", timeout=10)

    def _show(self, ov) -> None:
        self.entries, self.parties, self.loaded = ov.articles, ov.parties, True
        table = self.query_one("#lib-table", DataTable)
        table.loading = False
        self.refill()
        table.focus()

    def _open_in_explorer(self, path: str, text: str, select) -> None:
        app = self.app
        while isinstance(app.screen, (LibraryScreen, PartyScreen)):
            app.pop_screen()
        app.open_article(path, text=text, select=select)

    # ------------------------------------------------------------------ the table
    def set_status(self, msg: str, error: bool = False) -> None:
        from .article import visible
        self.query_one("#lib-status", Static).update(Text(visible(msg), style="bold red" if error else ""))

    def party_name(self, pid: str | None) -> str:
        return next((p["name"] for p in self.parties if p["id"] == pid), pid or "")

    def update_head(self) -> None:
        t = Text(f"Library {self.library}", style="bold")
        t.append(f" · sorted by {SORTS[self.sort]} (s)", style="")
        if self.text_filter:
            t.append(" · text: ")
            t.append(self.text_filter, style="bold yellow")
        if self.actor:
            t.append(" · actor: ")
            t.append(self.party_name(self.actor), style="bold yellow")
            t.append(" (p: their positions)")
        self.query_one("#lib-head", Static).update(t)

    def shown(self) -> list:
        key = {"date": lambda e: (e.row.date is None, e.row.date or "", e.row.added),
               "title": lambda e: (e.row.title or "").casefold(),
               "demands": lambda e: (-e.demands, e.row.date or ""),
               "red lines": lambda e: (-e.red_lines, e.row.date or ""),
               "quotes": lambda e: (-e.quotes, e.row.date or "")}[SORTS[self.sort]]
        q = self.text_filter.casefold().strip()
        out = [e for e in self.entries
               if (not q or q in (e.row.title or "").casefold() or q in (e.row.source or "").casefold()
                   or q in Path(e.row.path).name.casefold())
               and (not self.actor or self.actor in e.parties)]
        return sorted(out, key=key)

    def refill(self) -> None:
        table = self.query_one("#lib-table", DataTable)
        keep = self.cursor_sha()
        width = max(self.size.width, 60)
        title_w = max(16, width - 11 - 18 - 3 * 6 - 13)
        table.clear(columns=True)
        for label, w in (("Date", 11), ("Title", title_w), ("Source", 18), ("Dem", 4), ("Red", 4), ("Quo", 4)):
            table.add_column(label, width=w)
        rows = self.shown()
        for e in rows:
            r = e.row
            date = (r.date or "—") + ("*" if r.date_source == "dateline" else "")
            source = r.source or Path(r.path.split(":")[0]).parent.name
            table.add_row(Text(date), Text(short(r.title or Path(r.path).name, title_w)), Text(short(source, 18)),
                          Text(str(e.demands), style="green"), Text(str(e.red_lines), style="red"),
                          Text(str(e.quotes), style="cyan"), key=r.id)
        if keep and keep in table.rows:
            table.move_cursor(row=table.get_row_index(keep), animate=False)
        self.update_head()
        if not self.entries:
            self.set_status(f"The library {self.library} is empty: start parley with a folder or files to import "
                            "them, or use 'parley library add PATH'.")
        elif not rows:
            self.set_status("No article matches the filter (escape clears it).")
        else:
            self.set_status(f"{len(rows)} of {len(self.entries)} articles · enter opens · / filters · "
                            "a: by actor · p: party · s: sort · * date from the dateline")

    def cursor_sha(self) -> str | None:
        table = self.query_one("#lib-table", DataTable)
        if not table.row_count:
            return None
        row = min(max(table.cursor_row, 0), table.row_count - 1)
        return table.coordinate_to_cell_key((row, 0)).row_key.value

    def on_resize(self, event) -> None:
        if self.loaded:
            self.refill()

    # ------------------------------------------------------------------ actions
    @on(DataTable.RowSelected, "#lib-table")
    def _on_selected(self, event: DataTable.RowSelected) -> None:
        self.action_open()

    def action_open(self) -> None:
        sha = self.cursor_sha()
        if sha is None:
            self.app.notify("No article here to open.", severity="warning")
            return
        e = next(e for e in self.entries if e.row.id == sha)
        self.load_article(sha, e.row.path)

    def action_sort(self) -> None:
        self.sort = (self.sort + 1) % len(SORTS)
        self.refill()

    def action_filter_text(self) -> None:
        inp = self.query_one("#lib-filter", Input)
        inp.display = True
        inp.value = self.text_filter
        inp.focus()

    @on(Input.Changed, "#lib-filter")
    def _on_filter(self, event: Input.Changed) -> None:
        self.text_filter = event.value
        if self.loaded:
            self.refill()

    @on(Input.Submitted, "#lib-filter")
    def _on_filter_done(self, event: Input.Submitted) -> None:
        self._leave_filter()

    def _leave_filter(self) -> None:
        inp = self.query_one("#lib-filter", Input)
        inp.display = bool(self.text_filter)
        self.query_one("#lib-table").focus()

    def choose_actor(self, then) -> None:
        from .screens import ActorFinder
        if not self.parties:
            self.app.notify("No parties in the library yet.", severity="warning")
            return
        actors = [(p["id"], p["name"], tuple(p["aliases"])) for p in self.parties]
        self.app.push_screen(ActorFinder(actors), lambda pid: pid and then(pid))

    def action_actor(self) -> None:
        def chosen(pid: str) -> None:
            self.actor = pid
            self.refill()
            self.app.notify(f"Articles with {self.party_name(pid)} (p: their positions, escape clears)",
                            title="Filter")
        self.choose_actor(chosen)

    def action_party(self) -> None:
        if self.actor:
            self.app.push_screen(PartyScreen(self.library, self.actor, self.party_name(self.actor), self.parties))
        else:
            self.choose_actor(lambda pid: self.app.push_screen(
                PartyScreen(self.library, pid, self.party_name(pid), self.parties)))

    def action_back(self) -> None:
        if self.query_one("#lib-filter", Input).has_focus:
            self._leave_filter()
        elif self.actor:
            self.actor = None
            self.refill()
        elif self.text_filter:
            self.text_filter = ""
            self.query_one("#lib-filter", Input).value = ""
            self.query_one("#lib-filter").display = False
            self.refill()
        elif getattr(self.app, "path", ""):
            self.app.pop_screen()  # back to the article shown before
        else:
            self.app.notify("Enter opens an article; q quits.")

    def action_reload(self) -> None:
        self.set_status("Reading the library…")
        self.load()

    def action_copy(self) -> None:
        """c: the highlighted article's quotes, as the explorer's C copies them."""
        sha = self.cursor_sha()
        if sha is None:
            self.app.notify("Nothing to copy: no article here.", severity="warning")
            return
        self.copy_quotes(sha)

    @work(thread=True, group="library-copy")
    def copy_quotes(self, sha: str) -> None:
        from extract.library.actors import ensure_links
        try:
            lib = _open_library(self.library)
            try:
                ensure_links(lib)
                items = [d for d in lib.items() if d["article_sha"] == sha and d["kind"] == "quote"
                         and (not self.actor or d["holder_id"] == self.actor)]
            finally:
                lib.close()
        except Exception as exc:
            _call(self, self._failed, f"cannot read the library ({exc})")
            return
        _call(self, copy_items, self.app, items, "quotes")


def copy_items(app, items: list[dict], what: str) -> None:
    """Copy library items as the explorer copies (clipboard, notes file under each article's heading)."""
    from .copying import to_clipboards
    from .notes import append_note, format_library_item, last_heading, library_heading, notes_chunk
    if not items:
        app.notify(f"No {what} to copy here.", severity="warning")
        return
    notes = [format_library_item(o) for o in items]
    where = to_clipboards(app, "\n".join(notes))
    try:
        by_article: dict[str, list[str]] = {}
        for o, note in zip(items, notes):
            by_article.setdefault(library_heading(o), []).append(note)
        for head, chunk in by_article.items():
            append_note(app.quotes_file, notes_chunk(last_heading(app.quotes_file), head, chunk))
        where.append(str(app.quotes_file))
    except OSError as exc:
        app.notify(f"Could not append to {app.quotes_file}: {exc.strerror}; the copy is on the clipboard.",
                   severity="warning")
    n = len(items)
    label = what if n != 1 else {"quotes": "quote", "items": "item"}.get(what, what)
    app.notify(f"{n} {label} copied to " + ", ".join(where), title="Copied")


class PartyView(Vertical):
    """One party: its header, timeline, positions and the highlighted item's evidence."""

    def __init__(self, party_id: str, name: str, second: bool = False):
        super().__init__(classes="party-view -second" if second else "party-view")
        self.party_id = party_id
        self.party_name = name
        self.report: dict | None = None
        self.rows: list[dict] = []  # one per list row: a position (with occurrences) or a quote

    def compose(self) -> ComposeResult:
        yield Static(Text(self.party_name, style="bold"), classes="party-head")
        yield DataTable(classes="party-timeline", cursor_type="row", zebra_stripes=True)
        yield DataTable(classes="party-list", cursor_type="row", zebra_stripes=True)
        yield Static("", classes="party-detail")

    @property
    def timeline(self) -> DataTable:
        return self.query_one(".party-timeline", DataTable)

    @property
    def list(self) -> DataTable:
        return self.query_one(".party-list", DataTable)

    def on_mount(self) -> None:
        for t in self.query(DataTable):
            t.loading = True

    def failed(self, error: str) -> None:
        for t in self.query(DataTable):
            t.loading = False
        self.query_one(".party-detail", Static).update(Text(error, style="bold red"))

    def show(self, rep: dict, periods: list[str], hint: str) -> None:
        from extract.library.views import period_of
        self.report = rep
        a = rep["actor"]
        head = Text(a["name"], style="bold")
        span = f"{a['first_seen']} … {a['last_seen']}" if a["first_seen"] else "undated"
        head.append(f"  ({a['kind']}) · {a['articles']} article{'s' if a['articles'] != 1 else ''} · {span} · "
                    f"{_n(len(rep['positions']), 'position')} · {_n(len(rep['quotes']), 'quote')}")
        head.append("\n" + hint, style="dim")
        self.query_one(".party-head", Static).update(head)
        weekly = any("-W" in p for p in periods)
        self.rows = [dict(p) for p in rep["positions"]]
        self.rows += [dict(kind="quote", text=q["text"], times=1, first_seen=q["date"], last_seen=q["date"],
                           status="", occurrences=[q]) for q in rep["quotes"]]
        width = max(self.size.width, 40)
        tl = self.timeline
        tl.clear(columns=True)
        tl.add_column("", width=1)
        cell = 3 if weekly else 5
        label_w = min(60, max(14, width - 3 - len(periods) * (cell + 2) - 6))
        tl.add_column("Position", width=label_w)
        for p in periods:
            if p == "undated":
                tl.add_column("undated", width=7)
            else:
                tl.add_column(p[5:] if weekly else p[2:], width=cell)
        lst = self.list
        lst.clear(columns=True)
        narrow = width < 70  # two sides at 80 columns: kind as one letter, no first seen or status
        cols = [("", 1), ("Position or quote", 0), ("×", 2), ("Last", 10)] if narrow else \
            [("Kind", 8), ("Position or quote", 0), ("×", 2), ("First", 10), ("Last", 10), ("Status", 16)]
        # every column has one cell of padding each side; two cells for the scroll bar
        text_w = max(12, width - sum(w for _, w in cols) - 2 * len(cols) - 2)
        for label, w in cols:
            lst.add_column(label, width=w or text_w)
        for n, r in enumerate(self.rows):
            style = KIND_STYLE[r["kind"]]
            marks: dict[str, int] = {}
            for o in r["occurrences"]:
                k = period_of(o["date"], weekly)
                marks[k] = marks.get(k, 0) + 1
            cells = [Text({"demand": "D", "red_line": "R", "quote": "Q"}[r["kind"]], style=style),
                     Text(short(r["text"], label_w))]
            for p in periods:
                c = marks.get(p, 0)
                cells.append(Text("●" if c == 1 else (str(c) if c else "·"), style=style if c else "dim"))
            tl.add_row(*cells, key=str(n))
            kind = cells[0] if narrow else Text(KIND_LABEL[r["kind"]], style=style)
            row = [kind, Text(short(r["text"], text_w)), Text(str(r["times"])), Text(r["last_seen"] or "undated")]
            if not narrow:
                row[3:3] = [Text(r["first_seen"] or "undated")]
                row.append(Text(r["status"], style="yellow"))
            lst.add_row(*row, key=str(n))
        for t in (tl, lst):
            t.loading = False
        self.detail(0)
        if not self.rows:
            self.query_one(".party-detail", Static).update(
                Text(f"No demands, red lines or quotes of {a['name']} in the library.", style="italic"))

    def current(self) -> dict | None:
        lst = self.list
        if not lst.row_count or not self.rows:
            return None
        return self.rows[min(max(lst.cursor_row, 0), len(self.rows) - 1)]

    def detail(self, index: int) -> None:
        if not (0 <= index < len(self.rows)):
            return
        r = self.rows[index]
        o = r["occurrences"][-1]
        from .article import visible
        t = Text(f"{KIND_LABEL[r['kind']]} ", style=KIND_STYLE[r["kind"]])
        t.append(f"{o['date'] or 'undated'} · {visible(short(o.get('title') or '', 60))}", style="dim")
        t.append("\n")
        t.append(visible(" ".join((o.get("evidence") or o["text"]).split())))
        self.query_one(".party-detail", Static).update(t)

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        if event.data_table is not self.list:
            return
        tl = self.timeline
        if event.cursor_row < tl.row_count:
            tl.move_cursor(row=event.cursor_row, animate=False)
        self.detail(event.cursor_row)


class PartyScreen(Screen):
    """One party across the library, or two side by side ("Russia vs Ukraine", v): a
    timeline (a column per month, or per week when the span is short; the same columns for
    both) and the positions (first and last seen, how often, possibly dropped)."""

    BINDINGS = PARTY_BINDINGS

    def __init__(self, library: str, party_id: str, name: str, parties: list[dict] | None = None,
                 other: tuple[str, str] | None = None):
        super().__init__()
        self.library = library
        self.chosen = [(party_id, name)] + ([other] if other else [])
        self.parties = parties or []

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="party-views"):
            for n, (pid, name) in enumerate(self.chosen):
                yield PartyView(pid, name, second=n > 0)
        yield Footer(compact=True)

    @property
    def views(self) -> list[PartyView]:
        return list(self.query(PartyView))

    @property
    def report(self) -> dict | None:
        return self.views[0].report

    @property
    def rows(self) -> list[dict]:
        return self.views[0].rows

    def on_mount(self) -> None:
        self.load()

    @work(thread=True, exclusive=True, group="party")
    def load(self) -> None:
        from extract.library.views import periods, party_view
        try:
            lib = _open_library(self.library)
            try:
                reps = [party_view(lib, pid) for pid, _ in self.chosen]
            finally:
                lib.close()
        except Exception as exc:  # LibraryError (no such party …): one line
            _call(self, self._failed, str(exc) or exc.__class__.__name__)
            return
        if len(reps) > 1:  # the same columns on both sides
            dates = [o["date"] for r in reps for p in r["positions"] for o in p["occurrences"]]
            dates += [q["date"] for r in reps for q in r["quotes"]]
            shared = periods(dates)
            for r in reps:
                r["periods"] = shared
        _call(self, self._show, reps)

    def _failed(self, error: str) -> None:
        for v in self.views:
            v.failed(error)
        self.app.notify(error, title="Party", severity="error", timeout=10)

    def _show(self, reps: list[dict]) -> None:
        hint = ("enter: open at the evidence · c: copy · a: another party · v: compare · escape: Library"
                if len(reps) == 1 else "tab: the other side · enter opens · c copies · v: another · escape")
        for v, rep in zip(self.views, reps):
            v.show(rep, rep["periods"], hint)
        self.views[0].list.focus()

    def view(self) -> PartyView:
        """The side with the focus (the first when neither has it)."""
        for v in self.views:
            if any(t.has_focus for t in v.query(DataTable)):
                return v
        return self.views[0]

    def current(self) -> dict | None:
        return self.view().current()

    def action_open(self) -> None:
        """The latest occurrence of the highlighted position (or the quote) in the explorer,
        with the item selected."""
        r = self.current()
        if r is None:
            self.app.notify("Nothing here to open.", severity="warning")
            return
        o = r["occurrences"][-1]
        lib_screen = next((s for s in self.app.screen_stack if isinstance(s, LibraryScreen)), None)
        if not o.get("sha") or lib_screen is None:
            self.app.notify("That article is no longer in the library (r in the Library reloads it).",
                            severity="warning")
            return
        lib_screen.load_article(o["sha"], o["path"], (o["start"], o["end"]))

    @on(DataTable.RowSelected, ".party-list")
    def _on_selected(self, event: DataTable.RowSelected) -> None:
        self.action_open()

    def action_copy(self) -> None:
        r = self.current()
        if r is None:
            self.app.notify("Nothing to copy: no position or quote here.", severity="warning")
            return
        copy_items(self.app, [r["occurrences"][-1]], "quotes" if r["kind"] == "quote" else "items")

    def _choose(self, then) -> None:
        from .screens import ActorFinder
        if not self.parties:
            self.app.notify("No other parties in the library.", severity="warning")
            return
        actors = [(p["id"], p["name"], tuple(p["aliases"])) for p in self.parties]

        def chosen(pid: str | None) -> None:
            if pid:
                then(pid, next((p["name"] for p in self.parties if p["id"] == pid), pid))
        self.app.push_screen(ActorFinder(actors), chosen)

    def action_actor(self) -> None:
        """Another party (the fuzzy finder over the library's parties) in place of this side."""
        side = self.views.index(self.view())

        def then(pid: str, name: str) -> None:
            chosen = list(self.chosen)
            chosen[side] = (pid, name)
            self.app.switch_screen(PartyScreen(self.library, *chosen[0], self.parties,
                                               chosen[1] if len(chosen) > 1 else None))
        self._choose(then)

    def action_compare(self) -> None:
        """v: a second party beside this one (or another in place of the second)."""
        def then(pid: str, name: str) -> None:
            self.app.switch_screen(PartyScreen(self.library, *self.chosen[0], self.parties, (pid, name)))
        self._choose(then)

    def action_back(self) -> None:
        self.app.pop_screen()
