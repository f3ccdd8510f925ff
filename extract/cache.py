"""An on-disk cache of extraction results, so reopening an article is instant.

One SQLite file (the standard library's ``sqlite3``) in the user's cache
directory (``platformdirs``; ``PARLEY_CACHE_DIR`` overrides it), keyed by the
text's sha256 + extractor version + model name. The path is not part of the
key: the same text opened from elsewhere is the same extraction, and the
returned result carries the caller's path.

The cache is an optimisation, never a reason to fail: a corrupt file is
rebuilt, an old format is dropped, a locked or read-only database is skipped,
each with one warning through ``warn``. Nothing here imports spaCy, so a
cache hit costs milliseconds.
"""
from __future__ import annotations

import dataclasses
import json
import os
import sqlite3
import time
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from .model import EXTRACTOR_VERSION, Extraction

CACHE_FORMAT = 1  # PRAGMA user_version of the SQLite file; other values are rebuilt
FILENAME = "extractions.sqlite3"
BUSY_TIMEOUT = 2.0  # seconds to wait for another Parley process holding the lock

Warn = Callable[[str], None]


def default_cache_dir() -> Path:
    env = os.environ.get("PARLEY_CACHE_DIR")
    if env:
        return Path(env)
    import platformdirs

    return Path(platformdirs.user_cache_dir("parley", appauthor=False))


@dataclass(frozen=True)
class CacheInfo:
    path: Path
    exists: bool
    size_bytes: int
    entries: int | None  # None when the file cannot be read


_SCHEMA = """
CREATE TABLE IF NOT EXISTS extractions (
    sha256 TEXT NOT NULL,
    extractor_version TEXT NOT NULL,
    model TEXT NOT NULL,
    created REAL NOT NULL,
    path TEXT,
    length INTEGER,
    body BLOB NOT NULL,
    PRIMARY KEY (sha256, extractor_version, model)
)
"""


class ExtractionCache:
    """get/put/clear/info over one SQLite file; every failure degrades to a miss."""

    def __init__(self, directory: Path | str | None = None, warn: Warn | None = None,
                 timeout: float = BUSY_TIMEOUT):
        self.timeout = timeout
        self.directory = Path(directory) if directory is not None else default_cache_dir()
        self.path = self.directory / FILENAME
        self._warn = warn or (lambda msg: None)
        self._warned: set[str] = set()
        self._conn: sqlite3.Connection | None = None
        self._pruned = False  # other versions' entries deleted through this connection
        self.disabled = False

    # -------------------------------------------------------------- plumbing
    def warn(self, msg: str) -> None:
        if msg not in self._warned:
            self._warned.add(msg)
            self._warn(msg)

    def _open(self) -> sqlite3.Connection | None:
        if self._conn is not None or self.disabled:
            return self._conn
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            return self._disable(f"cache directory {self.directory} is unusable ({exc.strerror or exc}); "
                                 "continuing without the cache")
        for attempt in (1, 2):
            conn = None
            try:
                conn = sqlite3.connect(self.path, timeout=self.timeout, check_same_thread=False)
                version = conn.execute("PRAGMA user_version").fetchone()[0]
                tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
                if version != CACHE_FORMAT and tables:
                    self.warn(f"cache {self.path} has an old format ({version}); rebuilding it")
                    conn.execute("DROP TABLE IF EXISTS extractions")
                conn.execute(_SCHEMA)
                conn.execute(f"PRAGMA user_version = {CACHE_FORMAT}")
                conn.commit()
                self._conn = conn
                return conn
            except sqlite3.DatabaseError as exc:
                if _locked(exc):
                    return self._disable(f"cache {self.path} is locked by another process; "
                                         "continuing without the cache")
                if _readonly(exc):
                    return self._disable(f"cache {self.path} is read-only; continuing without the cache")
                if attempt == 1 and self.path.exists():
                    self.warn(f"cache {self.path} is corrupt ({exc}); rebuilding it")
                    if conn is not None:
                        conn.close()
                    if not self._remove_files():
                        break
                    continue
                break
            except OSError as exc:
                return self._disable(f"cache {self.path} is unusable ({exc}); continuing without the cache")
        return self._disable(f"cache {self.path} cannot be opened; continuing without the cache")

    def _disable(self, msg: str) -> None:
        self.warn(msg)
        self.disabled = True
        return None

    def _remove_files(self) -> bool:
        try:
            for suffix in ("", "-journal", "-wal", "-shm"):
                p = self.path.with_name(self.path.name + suffix)
                if p.exists():
                    p.unlink()
            return True
        except OSError as exc:
            self._disable(f"cannot remove the corrupt cache {self.path} ({exc.strerror}); "
                          "continuing without the cache")
            return False

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None
            self._pruned = False

    # -------------------------------------------------------------- API
    def get(self, sha256: str, model: str | None, path: str | None = None) -> Extraction | None:
        """The cached extraction of this text with this model, or None."""
        if model is None:
            return None
        conn = self._open()
        if conn is None:
            return None
        try:
            row = conn.execute(
                "SELECT body FROM extractions WHERE sha256=? AND extractor_version=? AND model=?",
                (sha256, EXTRACTOR_VERSION, model)).fetchone()
        except sqlite3.DatabaseError as exc:
            self._failed("read", exc)
            return None
        if row is None:
            return None
        try:
            result = Extraction.from_dict(json.loads(zlib.decompress(row[0])))
        except Exception:  # a damaged entry: drop it and extract again
            self.warn("a cache entry was damaged; extracting again")
            self._delete(sha256, model)
            return None
        if path is not None and result.document.path != path:
            result = dataclasses.replace(result, document=dataclasses.replace(result.document, path=path))
        return result

    def put(self, result: Extraction) -> None:
        conn = self._open()
        if conn is None:
            return
        body = zlib.compress(json.dumps(result.to_dict(), ensure_ascii=False).encode("utf-8"), 6)
        try:
            with conn:
                conn.execute(
                    "INSERT OR REPLACE INTO extractions VALUES (?, ?, ?, ?, ?, ?, ?)",
                    (result.document.sha256, result.extractor_version, result.model, time.time(),
                     result.document.path, result.document.length, body))
                # Results of other extractor versions can never be read again: removed once per
                # connection (a scan of the whole table: per put it grew with the cache,
                # 0.3 ms per thousand entries, on every article of an import).
                if not self._pruned:
                    conn.execute("DELETE FROM extractions WHERE extractor_version != ?", (EXTRACTOR_VERSION,))
            self._pruned = True
        except sqlite3.DatabaseError as exc:
            self._failed("write", exc)

    def _delete(self, sha256: str, model: str) -> None:
        try:
            with self._conn:  # type: ignore[union-attr]
                self._conn.execute("DELETE FROM extractions WHERE sha256=? AND model=?",  # type: ignore[union-attr]
                                   (sha256, model))
        except sqlite3.DatabaseError:
            pass

    def _failed(self, what: str, exc: sqlite3.DatabaseError) -> None:
        if _locked(exc):
            self.warn(f"cache {self.path} is locked by another process; {what} skipped")
        elif _readonly(exc):
            self.warn(f"cache {self.path} is read-only; results are not cached")
        else:
            self.warn(f"cache {self.path} failed to {what} ({exc}); continuing without the cache")
            self.close()
            self.disabled = True

    def clear(self) -> int:
        """Remove every entry; returns how many there were."""
        info = self.info()
        if not info.exists:
            return 0
        conn = self._open()
        if conn is None:
            raise CacheError(f"cannot clear the cache at {self.path}")
        try:
            with conn:
                n = conn.execute("DELETE FROM extractions").rowcount
            conn.execute("VACUUM")
        except sqlite3.DatabaseError as exc:
            raise CacheError(f"cannot clear the cache at {self.path}: {exc}") from None
        return max(n, 0)

    def info(self) -> CacheInfo:
        if not self.path.exists():
            return CacheInfo(self.path, False, 0, 0)
        size = sum(p.stat().st_size for p in self.directory.glob(FILENAME + "*") if p.is_file())
        entries = None
        try:
            conn = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, timeout=self.timeout)
            try:
                entries = conn.execute("SELECT count(*) FROM extractions").fetchone()[0]
            finally:
                conn.close()
        except sqlite3.DatabaseError:
            pass
        return CacheInfo(self.path, True, size, entries)


class CacheError(Exception):
    """``parley cache clear`` could not do its job (one line for the user)."""


def _locked(exc: Exception) -> bool:
    return "locked" in str(exc) or "busy" in str(exc)


def _readonly(exc: Exception) -> bool:
    return "readonly" in str(exc) or "read-only" in str(exc)
