"""The two halves of an import that ``parley library add`` and the explorer's Library
screen share: which articles need extracting, and storing one extracted article.

What runs the extraction between them (the local runner, Dask, a progress bar, a
worker's cancel flag) is the caller's; these pieces only read the paths and write
the library, one article per transaction (``Library.add``).
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
