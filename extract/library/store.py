"""The library: every imported article and what was extracted from it, in one SQLite file.

Where: ``--library FILE``, else ``PARLEY_LIBRARY``, else ``library.sqlite`` in
the user data directory (platformdirs). Unlike the extraction cache this file
holds the user's work (their corrections), so it is never deleted or rebuilt:
a file that is not a Parley library, or a damaged one, is refused with one
line and left untouched.

- Schema versioned with ``PRAGMA user_version`` and applied through
  ``MIGRATIONS`` (each entry moves the file one version up, in a transaction).
- WAL journal and a busy timeout: two processes adding at once both succeed,
  one waiting for the other's transaction.
- One article per transaction (``BEGIN IMMEDIATE`` … ``COMMIT``): a killed
  import leaves every finished article whole and no part of the next one.
  Each article row records how many actors, mentions, claims and quotes it has,
  so ``check`` can prove it whole.
- User corrections (merge, split) live in their own table, keyed by names and
  article paths/hashes, so re-extracting an article never loses them.
"""
from __future__ import annotations

import json
import os
import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from ..model import Extraction

FILENAME = "library.sqlite"
BUSY_TIMEOUT = 60.0  # seconds: another Parley process may be committing a long article
SHORT_ID = 12  # characters of the content hash shown as an article's id
SQLITE_MAGIC = b"SQLite format 3\x00"
TEXT_BATCH = 256  # article texts read per query by Library.item_rows

MIGRATIONS: list[str] = [
    # 1: the first library schema
    """
    CREATE TABLE articles (
        id TEXT PRIMARY KEY,              -- sha256 of the text
        path TEXT NOT NULL,               -- where it came from (file, or file.jsonl:LINE)
        title TEXT NOT NULL DEFAULT '',
        url TEXT,
        source TEXT,
        date TEXT,                        -- ISO: YYYY-MM-DD, or --MM-DD when the year is unknown
        date_source TEXT NOT NULL DEFAULT 'none' CHECK (date_source IN ('metadata', 'dateline', 'none')),
        text TEXT NOT NULL,
        extractor_version TEXT NOT NULL,
        model TEXT NOT NULL DEFAULT '',
        added REAL NOT NULL,
        n_actors INTEGER NOT NULL,
        n_mentions INTEGER NOT NULL,
        n_claims INTEGER NOT NULL,
        n_quotes INTEGER NOT NULL
    );
    CREATE INDEX articles_path ON articles(path);
    CREATE TABLE actors (
        article TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        id TEXT NOT NULL,                 -- the per-article actor id of the Extraction
        name TEXT NOT NULL,
        kind TEXT NOT NULL,
        aliases TEXT NOT NULL,            -- JSON list
        affiliation TEXT,
        mention_count INTEGER NOT NULL,
        PRIMARY KEY (article, id)
    );
    CREATE TABLE mentions (
        article TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        actor TEXT NOT NULL,
        start_char INTEGER NOT NULL,
        end_char INTEGER NOT NULL,
        text TEXT NOT NULL
    );
    CREATE INDEX mentions_article ON mentions(article, actor);
    CREATE TABLE claims (
        article TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        id TEXT NOT NULL,
        kind TEXT NOT NULL,               -- demand | red_line
        holder TEXT,                      -- per-article actor id
        holders TEXT NOT NULL,            -- JSON list of per-article actor ids
        target TEXT,
        text TEXT NOT NULL,
        start_char INTEGER NOT NULL,
        end_char INTEGER NOT NULL,
        sentence_start INTEGER NOT NULL,
        sentence_end INTEGER NOT NULL,
        cue TEXT NOT NULL DEFAULT '',
        quote TEXT,
        frame TEXT NOT NULL DEFAULT '',
        reason TEXT NOT NULL DEFAULT '',
        confidence REAL NOT NULL,
        PRIMARY KEY (article, id)
    );
    CREATE TABLE quotes (
        article TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        id TEXT NOT NULL,
        speaker TEXT,
        text TEXT NOT NULL,
        start_char INTEGER NOT NULL,
        end_char INTEGER NOT NULL,
        sentence_start INTEGER NOT NULL,
        sentence_end INTEGER NOT NULL,
        cue TEXT,
        how TEXT NOT NULL DEFAULT '',
        reason TEXT NOT NULL DEFAULT '',
        confidence REAL NOT NULL,
        PRIMARY KEY (article, id)
    );
    CREATE TABLE library_actors (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        kind TEXT NOT NULL,
        aliases TEXT NOT NULL             -- JSON list
    );
    CREATE TABLE actor_links (
        article TEXT NOT NULL,
        actor TEXT NOT NULL,
        library_actor TEXT NOT NULL REFERENCES library_actors(id) ON DELETE CASCADE,
        PRIMARY KEY (article, actor),
        FOREIGN KEY (article, actor) REFERENCES actors(article, id) ON DELETE CASCADE
    );
    CREATE INDEX actor_links_library ON actor_links(library_actor);
    CREATE TABLE corrections (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('merge', 'split')),
        actor TEXT NOT NULL,              -- merge: one name; split: the library actor's name
        other TEXT,                       -- merge: the other name
        article_path TEXT,                -- split: the article, by path and by content hash
        article_sha TEXT,
        created REAL NOT NULL
    );
    CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    """,
]
SCHEMA_VERSION = len(MIGRATIONS)
TABLES = {"articles", "actors", "mentions", "claims", "quotes", "library_actors", "actor_links",
          "corrections", "meta"}


def _is_locked(exc: sqlite3.OperationalError) -> bool:
    msg = str(exc).lower()
    return "locked" in msg or "busy" in msg


class LibraryError(Exception):
    """The library cannot be used; the message is one line for the user."""


def default_library_path() -> Path:
    env = os.environ.get("PARLEY_LIBRARY")
    if env:
        return Path(env)
    import platformdirs

    return Path(platformdirs.user_data_dir("parley", appauthor=False)) / FILENAME


def short_id(sha: str) -> str:
    return sha[:SHORT_ID]


@dataclass(frozen=True)
class ArticleMeta:
    """What the importer knows about an article besides its text."""

    path: str
    title: str = ""
    url: str | None = None
    source: str | None = None
    date: str | None = None
    date_source: str = "none"


@dataclass(frozen=True)
class ArticleRow:
    id: str
    path: str
    title: str
    url: str | None
    source: str | None
    date: str | None
    date_source: str
    extractor_version: str
    model: str
    added: float
    n_actors: int
    n_mentions: int
    n_claims: int
    n_quotes: int

    @property
    def short(self) -> str:
        return short_id(self.id)


_ARTICLE_COLS = ("id, path, title, url, source, date, date_source, extractor_version, model, added, "
                 "n_actors, n_mentions, n_claims, n_quotes")


# The fields of ``Library.items``, in their order (``item_rows`` gives them as tuples).
ITEM_FIELDS = ("article", "item", "kind", "holder", "holders", "target", "text", "start", "end", "confidence",
               "cue", "how", "article_sha", "title", "path", "date", "date_source", "holder_id", "holder_ids",
               "target_id", "evidence", "sentence_start", "sentence_end")


def article_order(a: ArticleRow) -> tuple:
    """Date order: dated articles by date (month-day-only dates first), then undated ones, by time added."""
    return (a.date is None, a.date or "", a.added)


class Library:
    def __init__(self, path: Path | str | None = None, timeout: float = BUSY_TIMEOUT,
                 create: bool = True, readonly: bool = False):
        self.path = Path(path) if path is not None else default_library_path()
        self.timeout = timeout
        self.readonly = readonly
        self._check_file(create)
        self.conn = self._connect()

    # ------------------------------------------------------------ opening
    def _check_file(self, create: bool) -> None:
        """Refuse, before SQLite writes anything, a file that is not an SQLite database."""
        p = self.path
        if p.is_dir():
            raise LibraryError(f"library {p} is a directory; give a file path")
        if not p.exists():
            if not create:
                raise LibraryError(f"no library at {p}; add articles with 'parley library add PATH'")
            try:
                p.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise LibraryError(f"cannot create the library directory {p.parent} ({exc.strerror})") from None
            return
        try:
            with open(p, "rb") as fh:
                head = fh.read(len(SQLITE_MAGIC))
        except OSError as exc:
            raise LibraryError(f"cannot read the library {p} ({exc.strerror})") from None
        if head and head != SQLITE_MAGIC:
            raise LibraryError(f"{p} is not a Parley library (not an SQLite database, or damaged); "
                               "it was left untouched")

    def _connect(self) -> sqlite3.Connection:
        """Open, check and (when writable) migrate the file.

        Several processes opening a new library at once contend for the first
        WAL switch and migration; SQLite answers some of those lock upgrades
        with "database is locked" at once instead of waiting (it would
        deadlock), so a locked open is retried until the busy timeout.
        """
        deadline = time.monotonic() + self.timeout
        delay = 0.01
        while True:
            try:
                return self._connect_once()
            except sqlite3.OperationalError as exc:
                if not _is_locked(exc) or time.monotonic() >= deadline:
                    raise LibraryError(f"cannot open the library {self.path} ({exc})") from None
            time.sleep(delay)
            delay = min(delay * 2, 0.25)

    def _connect_once(self) -> sqlite3.Connection:
        p = self.path
        try:
            if self.readonly:
                conn = sqlite3.connect(f"file:{p}?mode=ro", uri=True, timeout=self.timeout, isolation_level=None)
            else:
                conn = sqlite3.connect(p, timeout=self.timeout, isolation_level=None)
        except sqlite3.DatabaseError as exc:
            raise LibraryError(f"{p} is not a usable Parley library ({exc}); it was left untouched") from None
        try:
            conn.execute(f"PRAGMA busy_timeout = {int(self.timeout * 1000)}")
            # One read transaction for both: read apart, another process's first
            # migration could commit between them (version 0 yet tables present).
            conn.execute("BEGIN")
            try:
                version = conn.execute("PRAGMA user_version").fetchone()[0]
                tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
            finally:
                conn.execute("COMMIT")
        except sqlite3.DatabaseError as exc:
            conn.close()
            if isinstance(exc, sqlite3.OperationalError) and _is_locked(exc):
                raise
            raise LibraryError(f"{p} is not a usable Parley library ({exc}); it was left untouched") from None
        if version > SCHEMA_VERSION:
            conn.close()
            raise LibraryError(f"library {p} was written by a newer Parley (schema {version}, this one reads "
                               f"up to {SCHEMA_VERSION}); upgrade Parley")
        if version == 0 and tables:
            conn.close()
            raise LibraryError(f"{p} is an SQLite database but not a Parley library; it was left untouched")
        if version >= 1 and not TABLES <= tables:
            conn.close()
            raise LibraryError(f"library {p} is missing tables ({', '.join(sorted(TABLES - tables))}); "
                               "it was left untouched")
        try:
            conn.execute("PRAGMA foreign_keys = ON")
            if not self.readonly:
                if conn.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
                    conn.execute("PRAGMA journal_mode = WAL")
                self._migrate(conn)
        except sqlite3.DatabaseError as exc:
            conn.close()
            if isinstance(exc, sqlite3.OperationalError) and _is_locked(exc):
                raise
            raise LibraryError(f"cannot open the library {p} ({exc})") from None
        return conn

    def _migrate(self, conn: sqlite3.Connection) -> None:
        while True:
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            if version >= SCHEMA_VERSION:
                return
            conn.execute("BEGIN IMMEDIATE")
            try:
                # Another process may have migrated while we waited for the lock.
                version = conn.execute("PRAGMA user_version").fetchone()[0]
                if version < SCHEMA_VERSION:
                    for stmt in _statements(MIGRATIONS[version]):
                        conn.execute(stmt)
                    conn.execute(f"PRAGMA user_version = {version + 1}")
                conn.execute("COMMIT")
            except BaseException:
                conn.execute("ROLLBACK")
                raise

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> "Library":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def transaction(self) -> "_Tx":
        return _Tx(self.conn)

    # ------------------------------------------------------------ articles
    def has(self, sha: str) -> bool:
        return self.conn.execute("SELECT 1 FROM articles WHERE id=?", (sha,)).fetchone() is not None

    def version_of(self, sha: str) -> str | None:
        """The extractor version that extracted this text, or None when it is not in the library."""
        r = self.conn.execute("SELECT extractor_version FROM articles WHERE id=?", (sha,)).fetchone()
        return r[0] if r else None

    def add(self, meta: ArticleMeta, text: str, result: Extraction, keep: frozenset[str] = frozenset(),
            replace_same: bool = False) -> str:
        """Store one article and its extraction in one transaction.

        Returns "unchanged" (this text is already in the library), "replaced" (the
        same path held another text, now removed) or "added". An article at the
        same path whose id is in ``keep`` (texts the same import still holds: a
        line of a JSON Lines file that moved down, a file renamed over another)
        is not replaced. ``replace_same``: the text is in the library but was
        extracted by another extractor version; its rows are replaced by these
        ("re-extracted"), keeping the time it was first added.
        """
        sha = result.document.sha256
        added = time.time()
        with self.transaction() as c:
            row = c.execute("SELECT extractor_version, added FROM articles WHERE id=?", (sha,)).fetchone()
            if row and (not replace_same or row[0] == result.extractor_version):
                return "unchanged"
            if row:
                added = row[1]
                c.execute("DELETE FROM articles WHERE id=?", (sha,))
            old = [r[0] for r in c.execute("SELECT id FROM articles WHERE path=?", (meta.path,))
                   if r[0] not in keep]
            for oid in old:
                c.execute("DELETE FROM articles WHERE id=?", (oid,))
            n_mentions = sum(len(a.mentions) for a in result.actors)
            c.execute(f"INSERT INTO articles ({_ARTICLE_COLS}, text) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                      (sha, meta.path, meta.title, meta.url, meta.source, meta.date, meta.date_source,
                       result.extractor_version, result.model, added, len(result.actors), n_mentions,
                       len(result.claims), len(result.quotes), text))
            c.executemany("INSERT INTO actors VALUES (?,?,?,?,?,?,?)",
                          [(sha, a.id, a.name, a.kind, json.dumps(list(a.aliases), ensure_ascii=False),
                            a.affiliation, a.mention_count) for a in result.actors])
            c.executemany("INSERT INTO mentions VALUES (?,?,?,?,?)",
                          [(sha, a.id, m.start, m.end, m.text) for a in result.actors for m in a.mentions])
            c.executemany("INSERT INTO claims VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                          [(sha, k.id, k.kind, k.holder, json.dumps(list(k.holders)), k.target, k.text, k.start,
                            k.end, k.sentence_start, k.sentence_end, k.cue, k.quote, k.frame, k.reason,
                            k.confidence) for k in result.claims])
            c.executemany("INSERT INTO quotes VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                          [(sha, q.id, q.speaker, q.text, q.start, q.end, q.sentence_start, q.sentence_end,
                            q.cue, q.how, q.reason, q.confidence) for q in result.quotes])
            c.execute("INSERT OR REPLACE INTO meta VALUES ('links', 'stale')")
        return "re-extracted" if row else "replaced" if old else "added"

    def articles(self) -> list[ArticleRow]:
        rows = [ArticleRow(*r) for r in self.conn.execute(f"SELECT {_ARTICLE_COLS} FROM articles")]
        return sorted(rows, key=article_order)

    def article(self, sha: str) -> ArticleRow | None:
        r = self.conn.execute(f"SELECT {_ARTICLE_COLS} FROM articles WHERE id=?", (sha,)).fetchone()
        return ArticleRow(*r) if r else None

    def text(self, sha: str) -> str:
        r = self.conn.execute("SELECT text FROM articles WHERE id=?", (sha,)).fetchone()
        return r[0] if r else ""

    def resolve_article(self, ref: str) -> ArticleRow:
        """An article by id (or a prefix of 4+ characters) or by path. Raises LibraryError."""
        ref = ref.strip()
        rows = []
        if len(ref) >= 4 and all(ch in "0123456789abcdef" for ch in ref.lower()):
            rows = self.conn.execute(f"SELECT {_ARTICLE_COLS} FROM articles WHERE id LIKE ?",
                                     (ref.lower() + "%",)).fetchall()
        if not rows:
            rows = self.conn.execute(f"SELECT {_ARTICLE_COLS} FROM articles WHERE path=?", (ref,)).fetchall()
        if not rows:
            try:
                absolute = str(Path(ref).resolve())
            except (OSError, RuntimeError):
                absolute = ref
            rows = self.conn.execute(f"SELECT {_ARTICLE_COLS} FROM articles WHERE path=?", (absolute,)).fetchall()
        if not rows:
            raise LibraryError(f"no article {ref!r} in the library; 'parley library list' shows the ids")
        if len(rows) > 1:
            raise LibraryError(f"{ref!r} matches {len(rows)} articles; give more of the id")
        return ArticleRow(*rows[0])

    def remove(self, shas: list[str]) -> int:
        n = 0
        with self.transaction() as c:
            for sha in shas:
                n += c.execute("DELETE FROM articles WHERE id=?", (sha,)).rowcount
            c.execute("INSERT OR REPLACE INTO meta VALUES ('links', 'stale')")
        return n

    # ------------------------------------------------------------ items
    def actors_rows(self) -> list[sqlite3.Row]:
        cur = self.conn.execute("SELECT a.article, a.id, a.name, a.kind, a.aliases, a.mention_count, "
                                "r.path, r.added FROM actors a JOIN articles r ON r.id = a.article")
        return cur.fetchall()

    def corrections(self) -> list[tuple]:
        return self.conn.execute("SELECT id, kind, actor, other, article_path, article_sha, created "
                                 "FROM corrections ORDER BY id").fetchall()

    def add_correction(self, kind: str, actor: str, other: str | None = None,
                       article_path: str | None = None, article_sha: str | None = None) -> None:
        with self.transaction() as c:
            c.execute("INSERT INTO corrections (kind, actor, other, article_path, article_sha, created) "
                      "VALUES (?,?,?,?,?,?)", (kind, actor, other, article_path, article_sha, time.time()))
            c.execute("INSERT OR REPLACE INTO meta VALUES ('links', 'stale')")

    def links_stale(self) -> bool:
        r = self.conn.execute("SELECT value FROM meta WHERE key='links'").fetchone()
        if r is not None and r[0] == "stale":
            return True
        # An actor without a link, counted rather than searched for (a lookup per actor): every
        # link is one actor's (primary key) and, foreign keys on, an existing actor's, so the
        # links are as many as the actors exactly when every actor has one. A link left dangling
        # by a writer with foreign keys off is what ``parley library check`` repairs.
        return self.conn.execute("SELECT (SELECT count(*) FROM actors) != "
                                 "(SELECT count(*) FROM actor_links)").fetchone()[0] == 1

    def items(self, articles: set[str] | None = None, holder: str | None = None) -> Iterator[dict]:
        """Every claim and quote, with its article's date, title and evidence sentence, in date order
        (only those of ``articles``, content hashes, when given; only those the library actor
        ``holder`` holds or says, as ``holder_id`` or one of ``holder_ids``, when given)."""
        for r in self.item_rows(articles, holder):
            yield dict(zip(ITEM_FIELDS, r))

    def item_rows(self, articles: set[str] | None = None, holder: str | None = None) -> list[tuple]:
        """``items`` as tuples of ``ITEM_FIELDS``, in the same order, without a dict per row."""
        rows, sides = self._item_scan(articles, holder, export=False)
        parsed: dict[str, list] = {}
        links: dict[str, dict] = {}  # article -> per-article id -> library actor, read when needed
        conn = self.conn
        out = []
        append = out.append
        for (sha, s, item, kind, h, hid, t, tid, text, e, conf, s0, s1, holders, cue, how), (m, hname, tname, ev) \
                in zip(rows, sides):
            if kind == "quote":
                hs = [h] if h else []
                hids = [hid] if hid else []
            else:
                hs = parsed.get(holders)
                if hs is None:
                    hs = parsed[holders] = json.loads(holders)
                if not hs or hs == [h]:
                    hids = [hid] if hs and hid else []
                else:  # a holders list beyond the holder: its article's links
                    own = links.get(sha)
                    if own is None:
                        own = links[sha] = dict(conn.execute(
                            "SELECT actor, library_actor FROM actor_links WHERE article=?", (sha,)))
                    hids = [x for x in (own.get(a) if a else None for a in hs) if x]
                hs = list(hs)
            if holder is not None and hid != holder and holder not in hids:
                continue
            append((m[0], item, kind, hname, hs, tname, text, s, e, conf, cue, how, sha, m[1], m[2], m[3], m[4],
                    hid, hids, tid, ev, s0, s1))
        return out

    def export_rows(self) -> list[tuple]:
        """Every item as a tuple of ``EXPORT_FIELDS`` (article, date, kind, holder, target, text, evidence,
        start, end, confidence), in the order of ``items``."""
        rows, sides = self._item_scan(None, None, export=True)
        return [(m[0], m[3], r[3], hname, tname, r[8], ev, r[1], r[9], r[10])
                for r, (m, hname, tname, ev) in zip(rows, sides)]

    def _item_scan(self, articles: set[str] | None, holder: str | None, export: bool):
        """The claims and quotes ``items`` lists, sorted, and per row: its article's (short id,
        title, path, date, date source), the holder's and target's names, the evidence sentence.

        Rows: (article, start, id, kind, holder, holder link, target, target link, text, end,
        confidence, sentence start, sentence end, holders, cue, how); holder and target links
        are None without an id. Set-based: one query per table with the links joined (and,
        given ``holder``, only rows it may hold: the exact test is the caller's); library actor
        names from one dict; per-article names read only for ids without a link (none while
        the links are fresh); evidence cut from the article texts, read ``TEXT_BATCH`` articles
        per query in output order (a few hundred texts in memory at a time). The order is the
        one ``items`` always had: articles as ``articles()`` sorts them, then start offset,
        claims before quotes, each in its table's scan order (rowid; with ``articles``, the
        (article, id) index order).
        """
        conn = self.conn
        if articles is None:
            only, args, scan = "", (), "x.rowid"
        else:
            only, args, scan = (" WHERE x.article IN (SELECT value FROM json_each(?))",
                                (json.dumps(sorted(articles)),), "x.article, x.id")
        arts = conn.execute("SELECT x.id, x.title, x.path, x.date, x.date_source FROM articles x"
                            + only.replace("x.article", "x.id") + " ORDER BY x.date IS NULL, "
                            "coalesce(x.date, ''), x.added, x.rowid", args).fetchall()  # article_order
        order = {r[0]: i for i, r in enumerate(arts)}
        meta = {r[0]: (short_id(r[0]), r[1], r[2], r[3], r[4]) for r in arts}
        more = "" if export else ", x.holders, x.cue, x.frame"
        where_c, where_q, args_c, args_q = only, only, args, args
        if holder is not None:  # what the holder may hold: its link, or a holders list beyond the holder
            andw = " AND " if only else " WHERE "
            where_c = f"{only}{andw}(hl.library_actor = ? OR x.holders NOT IN ('[]', json_array(x.holder)))"
            where_q = f"{only}{andw}sl.library_actor = ?"
            args_c, args_q = args + (holder,), args + (holder,)
        claims = conn.execute(
            "SELECT x.article, x.start_char, x.id, x.kind, x.holder, hl.library_actor, x.target, tl.library_actor, "
            f"x.text, x.end_char, x.confidence, x.sentence_start, x.sentence_end{more} FROM claims x"
            " LEFT JOIN actor_links hl ON hl.article = x.article AND hl.actor = x.holder"
            f" LEFT JOIN actor_links tl ON tl.article = x.article AND tl.actor = x.target{where_c}"
            f" ORDER BY {scan}", args_c).fetchall()
        more = "" if export else ", NULL, coalesce(x.cue, ''), x.how"
        quotes = conn.execute(
            "SELECT x.article, x.start_char, x.id, 'quote', x.speaker, sl.library_actor, NULL, NULL, x.text, "
            f"x.end_char, x.confidence, x.sentence_start, x.sentence_end{more} FROM quotes x"
            f" LEFT JOIN actor_links sl ON sl.article = x.article AND sl.actor = x.speaker{where_q}"
            f" ORDER BY {scan}", args_q).fetchall()
        rows = [r for r in claims + quotes if r[0] in order]
        rows.sort(key=lambda r: (order[r[0]], r[1]))  # stable: claims, in scan order, before quotes
        names = dict(conn.execute("SELECT id, name FROM library_actors"))
        unlinked = {r[0] for r in rows if (r[4] and not r[5]) or (r[6] and not r[7])}
        local = {} if not unlinked else {(a, b): c for a, b, c in conn.execute(
            "SELECT article, id, name FROM actors WHERE article IN (SELECT value FROM json_each(?))",
            (json.dumps(sorted(unlinked)),))}
        seq = list(dict.fromkeys(r[0] for r in rows))  # articles in output order
        batch_of = {sha: i // TEXT_BATCH for i, sha in enumerate(seq)}
        texts: dict[str, str] = {}
        batch = -1
        sides = []
        append = sides.append
        for i, r in enumerate(rows):
            sha, h, hid, t, tid = r[0], r[4], r[5], r[6], r[7]
            if (h and not hid) or (hid and not h) or (t and not tid) or (tid and not t):
                # an id without a link reads as its per-article name; no id has no link
                hid = hid if h else None
                tid = tid if t else None
                rows[i] = r = r[:5] + (hid, t, tid) + r[8:]
            if batch_of[sha] != batch:
                batch = batch_of[sha]
                texts = dict(conn.execute("SELECT id, text FROM articles WHERE id IN (SELECT value FROM json_each(?))",
                                          (json.dumps(seq[batch * TEXT_BATCH:(batch + 1) * TEXT_BATCH]),)))
            append((meta[sha], "" if not h else names.get(hid, "") if hid else local.get((sha, h), h),
                    "" if not t else names.get(tid, "") if tid else local.get((sha, t), t),
                    texts.get(sha, "")[r[11]:r[12]]))
        return rows, sides


class _Tx:
    """``BEGIN IMMEDIATE`` … ``COMMIT`` (``ROLLBACK`` on any exception, even KeyboardInterrupt)."""

    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn

    def __enter__(self) -> sqlite3.Connection:
        self.conn.execute("BEGIN IMMEDIATE")
        return self.conn

    def __exit__(self, exc_type, exc, tb) -> None:
        if exc_type is None:
            self.conn.execute("COMMIT")
        else:
            self.conn.execute("ROLLBACK")


def _statements(script: str) -> list[str]:
    out, buf = [], ""
    for line in script.splitlines():
        line = line.split("--", 1)[0]
        buf += line + "\n"
        if sqlite3.complete_statement(buf):
            if buf.strip():
                out.append(buf.strip())
            buf = ""
    return out
