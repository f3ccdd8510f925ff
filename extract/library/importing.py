"""The import that ``parley library add`` and the explorer's Library screen share.

``import_paths`` is the whole of it: which articles need extracting (``select_new``),
extraction through an engine (``engines.make_engine``: the local runner or process
pool, or Dask), and storing each extracted article on a writer thread
(``ArticleWriter``, one transaction per article, in input order). What differs
between the two front ends is passed in: how progress is shown (a Rich bar, a
Textual ProgressBar), whether the user has cancelled (the explorer's escape or
quit), and where an error's one line goes (stderr, a notification).
"""
from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from typing import Callable

from .store import ArticleMeta, Library


@dataclass
class Pending:
    """What an import must extract, and what it already knows about the rest."""

    items: list = field(default_factory=list)  # sources.Item, in input order, each text once
    current: set[str] = field(default_factory=set)  # every text the import holds, new or not
    stale: dict[str, bool] = field(default_factory=dict)  # sha -> extracted by another Parley
    unchanged: int = 0
    _keep: frozenset | None = None

    def keep(self) -> frozenset[str]:
        """``current`` as one frozenset (built once, not once per stored article)."""
        if self._keep is None:
            self._keep = frozenset(self.current)
        return self._keep


def select_new(lib: Library, paths: list[str], on_error: Callable[[object], None],
               on_note: Callable[[object], None] | None = None) -> Pending:
    """Read ``paths`` (files, folders, HTML, JSON Lines) and keep the texts the library does
    not hold from this extractor version; an unreadable input goes to ``on_error`` and an
    item with a note (what was skipped in it) to ``on_note``, in input order."""
    from ..model import EXTRACTOR_VERSION, text_sha256
    from .sources import InputError, expand

    out = Pending()
    seen: set[str] = set()
    for it in expand(paths):
        if isinstance(it, InputError):
            on_error(it)
            continue
        if it.note and on_note is not None:
            on_note(it)
        sha = text_sha256(it.text)
        out.current.add(sha)
        version = lib.version_of(sha)
        if sha in seen or version == EXTRACTOR_VERSION:
            out.unchanged += 1
            continue
        out.stale[sha] = version is not None  # extracted by another Parley: extract it again
        seen.add(sha)
        out.items.append(it)
    return out


def store_item(lib: Library, pending: Pending, it, result) -> str:
    """Store one extracted article with its date (metadata, else dateline); returns what
    ``Library.add`` did ("added", "replaced", "re-extracted" or "unchanged"). Raises what
    ``Library.add`` raises for a text SQLite cannot hold."""
    from .dates import article_date

    dated = article_date(it.date, it.text)
    meta = ArticleMeta(path=it.path, title=it.title, url=it.url, source=it.source,
                       date=dated.date, date_source=dated.source)
    return lib.add(meta, it.text, result, keep=pending.keep(),
                   replace_same=pending.stale.get(result.document.sha256, False))


class ArticleWriter:
    """``store_item`` on a thread of its own, in input order, one transaction per article.

    Each article's commit waits for the disk (WAL, ``synchronous=FULL``: 5 ms an article here,
    a tenth of the extraction of a short one); SQLite lets go of the GIL while it waits, so a
    writer thread takes that wait off the extraction's path without giving up any of the
    durability: every article is still its own transaction, committed in input order.

    ``put`` queues one extracted article (waiting when ``ahead`` are already queued) and
    returns those stored since, in order, as ``(item, outcome)``: what ``store_item``
    returned, or the ``sqlite3.IntegrityError``/``UnicodeError``/``ValueError`` it raised
    (any other error is raised here). ``finish`` waits for the rest. ``close`` (always call
    it) cancels what is still queued, waits for the article being written, and closes the
    writer's connection: after Ctrl-C every article stored is whole, and the next is absent.
    """

    STORE_ERRORS = (sqlite3.IntegrityError, UnicodeError, ValueError)

    def __init__(self, path, pending: Pending, ahead: int = 32):
        from collections import deque
        from concurrent.futures import ThreadPoolExecutor

        self.path = path
        self.pending = pending
        self.ahead = ahead
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="parley-library-writer")
        self._queue: deque = deque()
        self._lib: Library | None = None  # opened on the writer thread (a connection is one thread's)
        self._broken = False

    def _store(self, it, result):
        if self._broken:  # an earlier article failed the import: write nothing after it
            return None
        try:
            if self._lib is None:
                self._lib = Library(self.path, create=False)
            return store_item(self._lib, self.pending, it, result)
        except self.STORE_ERRORS as exc:
            return exc
        except BaseException:
            self._broken = True
            raise

    def put(self, it, result) -> list[tuple]:
        if len(self._queue) >= self.ahead:
            self._queue[0][1].result()  # wait for the oldest
        self._queue.append((it, self._pool.submit(self._store, it, result)))
        return self._done(block=False)

    def finish(self) -> list[tuple]:
        return self._done(block=True)

    def _done(self, block: bool) -> list[tuple]:
        out = []
        while self._queue and (block or self._queue[0][1].done()):
            it, fut = self._queue.popleft()
            out.append((it, fut.result()))
        return out

    def close(self) -> None:
        for _it, fut in self._queue:
            fut.cancel()
        self._queue.clear()
        self._pool.submit(self._close_lib)
        self._pool.shutdown(wait=True)

    def _close_lib(self) -> None:
        if self._lib is not None:
            self._lib.close()
            self._lib = None


# ---------------------------------------------------------------------------- the whole import
@dataclass
class ImportReport:
    counts: dict[str, int] = field(default_factory=lambda: {"added": 0, "replaced": 0, "re-extracted": 0,
                                                             "unchanged": 0})
    errors: list[str] = field(default_factory=list)  # one line each, in the order they happened
    failed: int = 0  # inputs not imported: unreadable, not storable, or lost to an engine failure
    cancelled: bool = False

    def line(self) -> str:
        c = self.counts
        out = f"added {c['added']}, replaced {c['replaced']}, unchanged {c['unchanged']}"
        if c["re-extracted"]:
            out += f", re-extracted {c['re-extracted']}"
        if self.failed:
            out += f", failed {self.failed}"
        return out


def import_paths(lib: Library, paths: list[str], *, engine: str = "local", jobs: int | None = None,
                 scheduler: str | None = None, model: str | None = None, cache=None,
                 extractor_factory=None, progress: Callable[[int, int], None] | None = None,
                 cancelled: Callable[[], bool] = lambda: False,
                 on_error: Callable[[str], None] | None = None,
                 on_note: Callable[[object], None] | None = None) -> ImportReport:
    """Import ``paths`` (files, folders, HTML, JSON Lines) into ``lib``: ``parley library add``
    and the explorer's Library screen both run this.

    ``engine``/``jobs``/``scheduler`` pick where extraction runs (``engines.make_engine``;
    ``jobs`` None: 1 locally, 2 Dask workers); ``cache`` is an ``ExtractionCache`` or None;
    ``extractor_factory`` (local engine only) supplies an already loaded extractor.
    ``progress(done, total)`` is called with 0 first, then after each stored article;
    ``cancelled()`` is asked after each one, and a true answer stops the import there (every
    article stored is whole; the pool is stopped). Each error is one line, appended to the
    report's ``errors`` and passed to ``on_error`` as it happens. An engine that cannot run
    (``EngineError``, ``ModelNotFound``) is raised when no article was stored yet; after that
    it is one more error line, and the articles not extracted count as failed.
    ``lib`` must exist on disk: the writer thread opens its own connection to it. The
    import owns ``cache`` and closes it.
    """
    from ..nlp import ModelNotFound
    from .actors import ensure_links
    from .engines import EngineError, make_engine

    rep = ImportReport()

    def error(msg: str) -> None:
        rep.errors.append(msg)
        if on_error is not None:
            on_error(msg)

    def bad_input(err) -> None:
        rep.failed += 1
        error(str(err))

    pending = select_new(lib, paths, on_error=bad_input, on_note=on_note)
    rep.counts["unchanged"] += pending.unchanged
    items = pending.items
    if progress:
        progress(0, len(items))
    if items:
        eng = make_engine(engine, model=model, jobs=jobs, scheduler=scheduler, cache=cache,
                          extractor_factory=extractor_factory)
        done = 0
        writer = ArticleWriter(lib.path, pending)  # the commits' disk waits off the extraction's path

        def stored(finished) -> None:
            nonlocal done
            for it, outcome in finished:
                if isinstance(outcome, Exception):
                    rep.failed += 1
                    error(f"{it.path}: could not be stored ({outcome}); the other articles are")
                else:
                    rep.counts[outcome] += 1
                done += 1
            if finished and progress:
                progress(done, len(items))

        try:
            results = eng.extract_many([(it.text, it.path) for it in items])
            for it, result in zip(items, results):
                stored(writer.put(it, result))
                if cancelled():
                    rep.cancelled = True
                    break
            stored(writer.finish())
        except (ModelNotFound, EngineError) as exc:
            stored(writer.finish())  # those extracted before the failure are stored whole
            if done == 0:
                raise
            error(str(exc))
            rep.failed += len(items) - done  # those stored so far are whole; the summary still follows
        finally:
            writer.close()  # after Ctrl-C: what is queued is dropped, the article being written completes
            eng.close()
    elif cache is not None:
        cache.close()
    ensure_links(lib)
    return rep
