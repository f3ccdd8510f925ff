"""The two halves of an import that ``parley library add`` and the explorer's Library
screen share: which articles need extracting, and storing one extracted article.

What runs the extraction between them (the local runner, Dask, a progress bar, a
worker's cancel flag) is the caller's; these pieces only read the paths and write
the library, one article per transaction (``Library.add``).
"""
from __future__ import annotations

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
    return lib.add(meta, it.text, result, keep=frozenset(pending.current),
                   replace_same=pending.stale.get(result.document.sha256, False))
