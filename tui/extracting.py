"""The article being read: opening it (ctrl+o, the Library, a recent one) and extracting
it in a thread worker, whose messages (``tui/messages.py``) bring progress, partial and
final results, failures and cache warnings back to the app.

A mixin of ``ParleyApp`` (it uses the app's state: ``path``, ``text``, ``result``, the
panes). Its message handlers follow Textual's naming convention (``_on_extracted`` for
``Extracted`` …): ``@on`` handlers are collected only from Textual's own classes.
"""
from __future__ import annotations

import gc
import threading
from pathlib import Path

from textual import work
from textual.widgets import DataTable, ProgressBar, Static

from extract import Extraction

from .article import ArticleView, visible
from .messages import CacheWarning, Extracted, ExtractFailed, ExtractPartial, ExtractProgress, Stopped, while_open
from .panes import PANES

# Partial results only when the wait is long: redrawing the panes costs the UI tens of
# milliseconds, worth it for a report that takes a minute, not for a news item.
PARTIAL_AFTER = 4.0


class ExtractMixin:
    # ------------------------------------------------------------------ another article
    def _remember(self, path: str) -> None:
        from .recent import remember
        problem = remember(path)
        if problem:
            self.notify(problem, title="Recent articles", severity="warning")

    def action_open(self) -> None:
        """ctrl+o: a path with completion, or a recently opened article."""
        from .opening import OpenScreen
        from .recent import load_recent
        start = str(Path(self.path).parent) + "/" if self.path and Path(self.path).is_file() else ""
        self.push_screen(OpenScreen(load_recent(), start), lambda p: p and self.open_article(p))

    def open_article(self, path: str, text: str | None = None, select: tuple[int, int] | None = None,
                     remember: bool = True) -> bool:
        """Show another article: read it (``text`` given: the Library's copy of it), stop the
        running extraction, clear the filter, search and selection and extract the new one.
        A file that cannot be read is one notification; the article on screen stays.
        ``select``: offsets of an item to select once extracted (the Party screen)."""
        note = None
        if text is None:
            from extract import DocumentError, read_document
            try:
                doc = read_document(path)
            except DocumentError as exc:
                self.notify(str(exc), title="Cannot open the article", severity="error")
                return False
            except Exception as exc:  # anything unexpected: one line, the current article stays
                self.notify(f"{path}: {exc}", title="Cannot open the article", severity="error")
                return False
            text, note = doc.text, doc.note
        self.workers.cancel_group(self, "extract")
        self.generation += 1
        self.path, self.text, self.read_error, self.read_note = path, text, None, note
        self.result, self.final, self.from_cache = None, False, False
        self.selected = None
        self.pending_select = select
        self.search_hits, self.search_index, self.search_pos, self._folded = [], 0, 0, None
        self.set_reactive(type(self).filter_actor, None)
        self.set_reactive(type(self).filter_side, False)
        self.sub_title = visible(Path(path).name)
        main = self.main
        for pane in PANES:
            table = main.query_one(f"#{pane}", DataTable)
            with table.prevent(DataTable.RowHighlighted):
                table.clear()
            table.set_class(False, "-empty")
            table.loading = True
            main.query_one(f"#empty-{pane}", Static).display = False
        bar = main.query_one("#progress", ProgressBar)
        bar.update(total=None, progress=0)
        bar.display = False
        self.update_filter_line()
        self.set_status("Extracting parties, demands, red lines and quotes…")
        if note:
            self.notify(note, title="Note")
        if remember and Path(path).is_file():
            self._remember(path)
        self.call_later(self._swap_article, text)
        return True

    async def _swap_article(self, text: str) -> None:
        main = self.main.query_one("#main")
        old = main.query("#article, #error")
        had_focus = any(w.has_focus for w in old)
        await old.remove()
        view = ArticleView(text, id="article")
        await main.mount(view, before=0)
        self.paint_article()
        if had_focus:
            view.focus()
        self.run_extraction()

    def _select_at(self, start: int, end: int) -> None:
        """Select the demand, red line or quote at these offsets (opened from the Party screen)."""
        self.pending_select = None
        for pane in PANES[1:]:
            for it in self.visible_items(pane):
                if (it.start, it.end) == (start, end):
                    table = self.show_pane(pane, focus=True)
                    with table.prevent(DataTable.RowHighlighted):
                        table.move_cursor(row=table.get_row_index(it.id), animate=False)
                    self._select(pane, it.id)
                    return
        self.notify("That item is not in this extraction of the article (extracted by another version?).",
                    severity="warning")

    def _stale(self, message) -> bool:
        """A message from the worker of an article no longer shown."""
        return getattr(message, "generation", self.generation) != self.generation

    # ------------------------------------------------------------------ worker
    @work(thread=True, exclusive=True, group="extract")
    def run_extraction(self) -> None:
        from textual.worker import get_current_worker

        from extract.runner import Runner

        worker = get_current_worker()
        last = [-1]
        generation = self.generation
        text, path = self.text, self.path

        def post(message) -> None:
            message.generation = generation
            self.post_message(message)

        def progress(done: int, total: int) -> None:
            if worker.is_cancelled:  # `q` during a long extraction: stop at the next batch
                raise Stopped
            if last[0] < 0:
                # The model is loaded: its objects live as long as the process, so the
                # collector need not scan them again (at 1 MB its full collections took
                # 12.5 s in all, up to 0.6 s each, stalling the UI; 7.3 s and 0.38 s after).
                gc.freeze()
            pct = done * 100 // max(total, 1)
            if pct != last[0]:  # at most 100 messages, however many batches
                last[0] = pct
                post(ExtractProgress(done, total))

        def partial(result: Extraction) -> None:
            if worker.is_cancelled:
                raise Stopped
            post(ExtractPartial(result, result.document.length, len(text)))

        def job() -> None:
            try:
                runner = Runner(self.model, cache=self.cache, extractor_factory=self.extractor_factory)
                box["result"] = runner.extract(text, path, progress=progress, partial=partial,
                                               partial_after=PARTIAL_AFTER)
            except BaseException as exc:  # noqa: BLE001 - handed to the worker below
                box["error"] = exc
            finally:
                done.set()

        # The extraction runs in a daemon thread this worker waits on: `q` returns from the
        # worker at once, and the process exits without waiting for a rules pass (seconds at
        # 1 MB) to reach the next check; the thread stops at its next batch, or with the process.
        box: dict = {}
        done = threading.Event()
        threading.Thread(target=job, name="parley-extract", daemon=True).start()
        while not done.wait(0.05):
            if worker.is_cancelled:
                return
        exc = box.get("error")
        if isinstance(exc, Stopped) or worker.is_cancelled:
            return
        if exc is not None:  # ModelNotFound and anything unexpected: a message, not a crash
            post(ExtractFailed(str(exc) or exc.__class__.__name__))
            return
        result, hit = box["result"]
        message = Extracted(result)
        message.from_cache = hit
        post(message)

    def cache_warning(self, text: str) -> None:
        """The cache's warn callback; runs in the worker thread."""
        self.post_message(CacheWarning(text))

    @while_open
    def _on_cache_warning(self, message: CacheWarning) -> None:
        self.notify(visible(message.text), title="Cache", severity="warning", timeout=8)

    @while_open
    def _on_extract_progress(self, message: ExtractProgress) -> None:
        if self._stale(message):
            return
        bar = self.main.query_one("#progress", ProgressBar)
        bar.display = True
        bar.update(total=message.total, progress=message.done)

    def _take(self, result: Extraction) -> None:
        """Show a (partial or final) result, keeping the filter and selection that survive."""
        self.result = result
        for p in PANES:
            self.main.query_one(f"#{p}", DataTable).loading = False
        if self.selected and self.item(*self.selected) is None:
            self.selected = None
        if self.filter_actor and result.actor(self.filter_actor) is None:
            self.notify("The filtered actor was merged with another as more text was read; filter cleared.")
            self.filter_actor = None  # the watcher refreshes the panes
        else:
            self.refresh_panes()

    @while_open
    def _on_extract_partial(self, message: ExtractPartial) -> None:
        if self.final or self._stale(message):
            return  # a late partial never replaces the whole
        self._take(message.result)
        pct = message.done * 100 // max(message.total, 1)
        self.set_status(f"Found so far in the first {pct}% of the article: {len(message.result.actors)} actors · "
                        f"{len(message.result.claims)} claims · {len(message.result.quotes)} quotes. "
                        "Still reading; the panes update when it is done.")

    @while_open
    def _on_extracted(self, message: Extracted) -> None:
        if self._stale(message):
            return
        self.final = True
        self.from_cache = getattr(message, "from_cache", False)
        self.main.query_one("#progress", ProgressBar).display = False
        self._take(message.result)
        r = self.result
        if self.pending_select:
            self._select_at(*self.pending_select)
        if self.selected:
            return  # the status line shows the highlighted item (sync_selection put it there)
        self.set_status(f"{len(r.actors)} actors · {len(r.demands)} demands · {len(r.red_lines)} red lines · "
                        f"{len(r.quotes)} quotes{' (cached)' if self.from_cache else ''}. "
                        "Enter on an actor filters; f finds one; ? for help.")

    @while_open
    def _on_extract_failed(self, message: ExtractFailed) -> None:
        if self._stale(message):
            return
        self.main.query_one("#progress", ProgressBar).display = False
        for p in PANES:
            self.main.query_one(f"#{p}", DataTable).loading = False
        self.set_status(f"Extraction failed: {message.error}", error=True)
        self.notify(message.error, title="Extraction failed", severity="error", timeout=10)
