"""``parley library check``: find integrity problems, repair what can be repaired.

Read-only first: a file that is not an SQLite database, or one SQLite's
``integrity_check`` finds damaged, is reported and never written to (a copy
should be taken before anything else is tried). Only a sound file is repaired:

- rows whose article is gone (actors, mentions, claims, quotes, links) are deleted;
- an item whose offsets no longer match the article's text is moved to the
  occurrence of its text nearest the old offsets, or deleted when its text is
  not in the article any more;
- an article whose rows do not add up to its recorded counts is reported (add it
  again to re-extract it);
- the library actors are rebuilt.
"""
from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from .store import Library, LibraryError

ORPHANS = {
    "actors": "SELECT rowid FROM actors WHERE article NOT IN (SELECT id FROM articles)",
    "mentions": "SELECT rowid FROM mentions WHERE article NOT IN (SELECT id FROM articles)",
    "claims": "SELECT rowid FROM claims WHERE article NOT IN (SELECT id FROM articles)",
    "quotes": "SELECT rowid FROM quotes WHERE article NOT IN (SELECT id FROM articles)",
    "actor_links": "SELECT rowid FROM actor_links WHERE NOT EXISTS (SELECT 1 FROM actors a WHERE "
                   "a.article = actor_links.article AND a.id = actor_links.actor) OR library_actor NOT IN "
                   "(SELECT id FROM library_actors)",
}
ITEMS = {  # table: (key columns, text column, start, end, sentence columns or None)
    "claims": ("id", "text", "start_char", "end_char", ("sentence_start", "sentence_end")),
    "quotes": ("id", "text", "start_char", "end_char", ("sentence_start", "sentence_end")),
    "mentions": ("rowid", "text", "start_char", "end_char", None),
}
COUNTS = {"n_actors": "actors", "n_mentions": "mentions", "n_claims": "claims", "n_quotes": "quotes"}


@dataclass
class Report:
    lines: list[str] = field(default_factory=list)
    ok: bool = True

    def problem(self, msg: str, repaired: bool) -> None:
        self.lines.append(f"{'repaired' if repaired else 'problem'}: {msg}")
        if not repaired:
            self.ok = False


def check(path: Path) -> Report:
    if not path.exists():
        raise LibraryError(f"no library at {path}; nothing to check")
    ro = Library(path, create=False, readonly=True)  # refuses a file that is not SQLite, writes nothing
    try:
        try:
            result = [r[0] for r in ro.conn.execute("PRAGMA integrity_check")]
        except sqlite3.DatabaseError as exc:
            raise LibraryError(f"library {path} is damaged ({exc}); it was left untouched — "
                               "restore it from a copy, or re-add the articles to a new library") from None
    finally:
        ro.close()
    if result != ["ok"]:
        raise LibraryError(f"library {path} is damaged ({'; '.join(result[:3])}); it was left untouched — "
                           "restore it from a copy, or re-add the articles to a new library")

    rep = Report()
    lib = Library(path, create=False)
    try:
        _orphans(lib, rep)
        _offsets(lib, rep)
        _counts(lib, rep)
        from .actors import cluster, load_nodes, relink

        relink(lib)
        skipped: list = []
        cluster(load_nodes(lib), lib.corrections(), skipped)
        for _id, kind, actor, other, path, _sha, _t in skipped:
            what = f"merge {actor!r} {other!r}" if kind == "merge" else f"split {actor!r} in {path}"
            rep.lines.append(f"note: correction {_id} ({what}) no longer applies: its names do not pick "
                             "one party each, or the article is gone")
        fk = lib.conn.execute("PRAGMA foreign_key_check").fetchall()
        if fk:
            rep.problem(f"{len(fk)} rows still break a foreign key", False)
        n = lib.conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        rep.lines.append(f"{'ok' if rep.ok else 'not ok'}: {n} article{'s' if n != 1 else ''} checked in {path}")
    finally:
        lib.close()
    return rep


def _orphans(lib: Library, rep: Report) -> None:
    for table, query in ORPHANS.items():
        rows = [r[0] for r in lib.conn.execute(query)]
        if rows:
            with lib.transaction() as c:
                c.executemany(f"DELETE FROM {table} WHERE rowid=?", [(r,) for r in rows])
            rep.problem(f"{len(rows)} {table} row{'s' if len(rows) != 1 else ''} without an article, deleted", True)


def _offsets(lib: Library, rep: Report) -> None:
    for sha, in lib.conn.execute("SELECT id FROM articles").fetchall():
        text = lib.text(sha)
        fixes: list[tuple[str, tuple]] = []
        for table, (key, tcol, s, e, sent) in ITEMS.items():
            cols = f"{key}, {tcol}, {s}, {e}" + (f", {sent[0]}, {sent[1]}" if sent else "")
            for row in lib.conn.execute(f"SELECT {cols} FROM {table} WHERE article=?", (sha,)):
                k, itext, start, end = row[:4]
                if 0 <= start <= end <= len(text) and text[start:end] == itext:
                    continue
                new = _nearest(text, itext, start)
                if new is None:
                    fixes.append((f"DELETE FROM {table} WHERE article=? AND {key}=?", (sha, k)))
                    fixes.append((f"UPDATE articles SET n_{table} = n_{table} - 1 WHERE id=?", (sha,)))
                    rep.problem(f"{table} {k} of article {sha[:12]}: its text is no longer in the article, deleted",
                                True)
                    continue
                delta = new - start
                if sent:
                    fixes.append((f"UPDATE {table} SET {s}=?, {e}=?, {sent[0]}=max(0, {sent[0]}+?), "
                                  f"{sent[1]}=min(?, {sent[1]}+?) WHERE article=? AND {key}=?",
                                  (new, new + len(itext), delta, len(text), delta, sha, k)))
                else:
                    fixes.append((f"UPDATE {table} SET {s}=?, {e}=? WHERE article=? AND {key}=?",
                                  (new, new + len(itext), sha, k)))
                rep.problem(f"{table} {k} of article {sha[:12]}: offsets {start}:{end} did not match the text, "
                            f"moved to {new}:{new + len(itext)}", True)
        if fixes:
            with lib.transaction() as c:
                for sql, params in fixes:
                    c.execute(sql, params)


def _nearest(text: str, needle: str, near: int) -> int | None:
    if not needle:
        return None
    best, i = None, text.find(needle)
    while i != -1:
        if best is None or abs(i - near) < abs(best - near):
            best = i
        i = text.find(needle, i + 1)
    return best


def _counts(lib: Library, rep: Report) -> None:
    for col, table in COUNTS.items():
        rows = lib.conn.execute(
            f"SELECT a.id, a.{col}, (SELECT count(*) FROM {table} t WHERE t.article = a.id) FROM articles a "
            f"WHERE a.{col} != (SELECT count(*) FROM {table} t WHERE t.article = a.id)").fetchall()
        for sha, want, have in rows:
            rep.problem(f"article {sha[:12]} should have {want} {table} but has {have}; "
                        "add its file again with 'parley library add' to re-extract it", False)
