"""``parley library ...``: follow a negotiation across articles.

    parley library add PATH... [--jobs N]      import text files, folders, HTML pages, JSON Lines
        [--engine dask [--scheduler ADDRESS]]  ... extracting on Dask workers (engines.py)
    parley library list                        the articles, in date order
    parley library info [ARTICLE]              the library (or one article) in numbers
    parley library remove ID... [--yes]        delete articles (asks first)
    parley library export --format csv|jsonl [-o FILE]
    parley library actors                      the parties across the library
    parley library actor NAME [--format table|json|csv]
    parley library merge A B                   A and B are one party (kept across re-imports)
    parley library split ACTOR ARTICLE         ACTOR in ARTICLE is another party
    parley library check                       integrity problems, repaired where possible

Every command takes ``--library FILE`` (else ``PARLEY_LIBRARY``, else the user
data directory). Errors are one line on stderr and exit status 2, never a
traceback; a damaged library file is reported and never written to.
"""
from __future__ import annotations

import argparse
import csv
import io
import json
import os
import sqlite3
import sys
from pathlib import Path

EXIT_USAGE = 2
EXPORT_COLUMNS = ("article", "date", "kind", "holder", "target", "text", "evidence", "start", "end", "confidence")


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # one line, exit 2 (argparse would print the usage too)
        print(f"parley: {self.prog}: {message} (see --help)", file=sys.stderr)
        sys.exit(EXIT_USAGE)


def fail(msg: str) -> int:
    print(f"parley: {msg}", file=sys.stderr)
    return EXIT_USAGE


def warn(msg: str) -> None:
    print(f"parley: warning: {msg}", file=sys.stderr)


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(prog="parley library", description="Follow a negotiation across articles.")
    lib = argparse.ArgumentParser(add_help=False)
    lib.add_argument("--library", metavar="FILE", default=None,
                     help="the library file (default: env PARLEY_LIBRARY, else library.sqlite "
                          "in the user data directory)")
    sub = p.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    sub.required = True

    a = sub.add_parser("add", parents=[lib], help="import articles (text, folders, .html, .jsonl)")
    a.add_argument("paths", nargs="+", metavar="PATH")
    a.add_argument("--jobs", "-j", type=int, default=None, metavar="N",
                   help="parse with N processes (default 1; with --engine dask: N local workers, default 2)")
    a.add_argument("--engine", choices=("local", "dask"), default="local",
                   help="where to extract: here, or on Dask distributed workers (pip install 'parley[dask]')")
    a.add_argument("--scheduler", metavar="ADDRESS", default=None,
                   help="with --engine dask: an existing cluster's scheduler (tcp://host:8786); "
                        "default: a local cluster of --jobs workers")
    a.add_argument("--model", default=None, help="spaCy pipeline (as for parley extract)")
    a.add_argument("--no-cache", action="store_true", help="neither read nor write the extraction cache")

    sub.add_parser("list", parents=[lib], help="the articles in date order")
    i = sub.add_parser("info", parents=[lib], help="the library, or one article, in numbers")
    i.add_argument("article", nargs="?", metavar="ARTICLE")

    r = sub.add_parser("remove", parents=[lib], help="delete articles")
    r.add_argument("ids", nargs="+", metavar="ID")
    r.add_argument("--yes", "-y", action="store_true", help="do not ask")

    e = sub.add_parser("export", parents=[lib], help="every demand, red line and quote, one row each")
    e.add_argument("--format", choices=("csv", "jsonl"), required=True)
    e.add_argument("-o", "--output", metavar="FILE", default=None, help="write here instead of stdout")

    sub.add_parser("actors", parents=[lib], help="the parties across the library")
    ac = sub.add_parser("actor", parents=[lib], help="one party's positions and quotes across the library")
    ac.add_argument("name", metavar="NAME")
    ac.add_argument("--format", choices=("table", "json", "csv"), default="table")

    m = sub.add_parser("merge", parents=[lib], help="record that A and B are one party")
    m.add_argument("a", metavar="A")
    m.add_argument("b", metavar="B")
    s = sub.add_parser("split", parents=[lib], help="record that ACTOR in ARTICLE is another party")
    s.add_argument("actor", metavar="ACTOR")
    s.add_argument("article", metavar="ARTICLE")

    sub.add_parser("check", parents=[lib], help="report integrity problems and repair what can be")
    return p


def main(argv: list[str] | None = None) -> int:
    from .store import LibraryError

    args = build_parser().parse_args(argv)
    handler = COMMANDS[args.command]
    try:
        return handler(args)
    except LibraryError as exc:
        return fail(str(exc))
    except sqlite3.DatabaseError as exc:
        msg = str(exc)
        if "locked" in msg or "busy" in msg:
            return fail(f"the library {_path(args)} is busy (another Parley has been writing to it for a "
                        "minute); try again when it has finished")
        if "readonly" in msg or "read-only" in msg:
            return fail(f"the library {_path(args)} is read-only; check its permissions or use --library FILE")
        return fail(f"the library {_path(args)} cannot be read ({msg}); run 'parley library check'")
    except BrokenPipeError:
        _silence_stdout()
        return 0
    except KeyboardInterrupt:
        print("parley: interrupted; every article imported so far is complete", file=sys.stderr)
        return 130


def _path(args) -> Path:
    from .store import default_library_path

    return Path(args.library) if args.library else default_library_path()


def _open(args, create: bool = False, readonly: bool = False):
    from .store import Library

    return Library(_path(args), create=create, readonly=readonly)


# ---------------------------------------------------------------------------- add
def cmd_add(args) -> int:
    from ..cache import ExtractionCache
    from ..cli import _progress_bar
    from ..nlp import ModelNotFound
    from .engines import EngineError
    from .importing import import_paths

    if args.jobs is not None and args.jobs < 1:
        return fail("--jobs must be 1 or more")
    if args.scheduler and args.engine != "dask":
        return fail("--scheduler needs --engine dask")
    if args.scheduler and args.jobs is not None:
        warn("--jobs is ignored with --scheduler (the cluster's workers do the work)")
    lib = _open(args, create=True)
    bar = _progress_bar()
    task = None

    def progress(done: int, total: int) -> None:
        nonlocal task
        if bar is None or not total:
            return
        if task is None:
            bar.start()
            task = bar.add_task(f"Adding {total} article{'s' if total != 1 else ''}", total=total)
        bar.update(task, completed=done)

    try:
        rep = import_paths(lib, args.paths, engine=args.engine, jobs=args.jobs, scheduler=args.scheduler,
                           model=args.model, cache=None if args.no_cache else ExtractionCache(warn=warn),
                           progress=progress, on_error=fail,
                           on_note=lambda it: print(f"parley: note: {it.path}: {it.note}", file=sys.stderr))
    except (ModelNotFound, EngineError) as exc:
        return fail(str(exc))
    finally:
        if bar is not None:
            bar.stop()
    n = lib.conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    print(f"{rep.line()} — {n} article{'s' if n != 1 else ''} in {lib.path}")
    return EXIT_USAGE if rep.errors else 0


# ---------------------------------------------------------------------------- list / info
def cmd_list(args) -> int:
    lib = _open(args)
    arts = lib.articles()
    if not arts:
        print(f"The library {lib.path} is empty; add articles with 'parley library add PATH'")
        return 0
    out = [f"{'ID':<12}  {'DATE':<10}  {'CLAIMS':>6}  {'QUOTES':>6}  TITLE"]
    for a in arts:
        date = (a.date or "—") + ("*" if a.date_source == "dateline" else "")
        out.append(f"{a.short:<12}  {date:<10}  {a.n_claims:>6}  {a.n_quotes:>6}  {_oneline(a.title)[:90]}")
    out.append(f"{len(arts)} article{'s' if len(arts) != 1 else ''}; * date read from the dateline")
    print("\n".join(out))
    return 0


def cmd_info(args) -> int:
    from ..model import EXTRACTOR_VERSION
    from .actors import library_parties

    lib = _open(args)
    if args.article:
        a = lib.resolve_article(args.article)
        rows = [("id", a.id), ("path", a.path), ("title", a.title), ("url", a.url or "—"),
                ("source", a.source or "—"), ("date", f"{a.date or '—'} ({a.date_source})"),
                ("extracted by", f"{a.extractor_version} / {a.model}"),
                ("actors", a.n_actors), ("demands and red lines", a.n_claims), ("quotes", a.n_quotes)]
        print("\n".join(f"{k + ':':<24}{v}" for k, v in rows))
        return 0
    c = lib.conn
    one = lambda q: c.execute(q).fetchone()[0]  # noqa: E731
    size = sum(p.stat().st_size for p in lib.path.parent.glob(lib.path.name + "*") if p.is_file())
    dated = c.execute("SELECT min(date), max(date) FROM articles WHERE date LIKE '____-__-__'").fetchone()
    old = one(f"SELECT count(*) FROM articles WHERE extractor_version != '{EXTRACTOR_VERSION}'")
    rows = [("library", lib.path), ("size", _human(size)), ("schema", one("PRAGMA user_version")),
            ("articles", one("SELECT count(*) FROM articles")),
            ("dated", f"{one('SELECT count(*) FROM articles WHERE date IS NOT NULL')}"
                      f" ({dated[0] or '—'} … {dated[1] or '—'})"),
            ("parties", len(library_parties(lib))),
            ("demands", one("SELECT count(*) FROM claims WHERE kind='demand'")),
            ("red lines", one("SELECT count(*) FROM claims WHERE kind='red_line'")),
            ("quotes", one("SELECT count(*) FROM quotes")),
            ("corrections", one("SELECT count(*) FROM corrections"))]
    if old:
        rows.append(("older extractions", f"{old} (extracted by an older Parley)"))
    print("\n".join(f"{k + ':':<14}{v}" for k, v in rows))
    return 0


def _cut(s: str, n: int = 240) -> str:
    return s if len(s) <= n else s[:n - 1].rstrip() + "…"


def _human(n: float) -> str:
    from ..cli import _human as human  # one formatter for sizes, shared with `parley cache info`

    return human(n)


def _oneline(s: str) -> str:
    """One line, control characters made visible (article text never commands the terminal)."""
    from ..render import safe

    return safe(" ".join((s or "").split()))


# ---------------------------------------------------------------------------- remove
def cmd_remove(args) -> int:
    from .actors import relink

    lib = _open(args)
    arts = []
    for ref in args.ids:
        a = lib.resolve_article(ref)
        if a.id not in {x.id for x in arts}:
            arts.append(a)
    if not args.yes:
        if not sys.stdin.isatty():
            return fail("remove asks before deleting, and stdin is not a terminal; pass --yes to remove "
                        f"{len(arts)} article{'s' if len(arts) != 1 else ''}")
        for a in arts:
            print(f"  {a.short}  {_oneline(a.title)[:80]}", file=sys.stderr)
        sys.stderr.write(f"Remove {len(arts)} article{'s' if len(arts) != 1 else ''}? [y/N] ")
        sys.stderr.flush()
        answer = sys.stdin.readline().strip().lower()
        if answer not in ("y", "yes"):
            print("Nothing removed.", file=sys.stderr)
            return 1
    n = lib.remove([a.id for a in arts])
    relink(lib)
    print(f"Removed {n} article{'s' if n != 1 else ''}.")
    return 0


# ---------------------------------------------------------------------------- export
def export_rows(lib) -> list[tuple]:
    """Every item as a tuple of ``EXPORT_COLUMNS`` (``Library.export_rows``: no dict per row)."""
    from .actors import ensure_links

    ensure_links(lib)
    return lib.export_rows()


def cmd_export(args) -> int:
    lib = _open(args)
    rows = export_rows(lib)

    def write(f) -> None:  # straight into the file: no 4 MB string built first (make bench)
        if args.format == "csv":
            w = csv.writer(f, lineterminator="\n")  # as csv.DictWriter writes, without a dict per row
            w.writerow(EXPORT_COLUMNS)
            w.writerows(rows)
        else:
            for r in rows:
                f.write(json.dumps(dict(zip(EXPORT_COLUMNS, r)), ensure_ascii=False) + "\n")

    return _emit(write, args.output, f"{len(rows)} item{'s' if len(rows) != 1 else ''}")


def _emit(write, output: str | None, what: str) -> int:
    """``write(file)`` to stdout, or to ``output`` through a temporary file beside it that
    replaces it only once whole (an interrupted export never leaves half a file)."""
    if output is None or output == "-":
        write(sys.stdout)
        sys.stdout.flush()
        return 0
    out = Path(output)
    tmp = out.with_name(f".{out.name}.{os.getpid()}.tmp")
    try:
        with open(tmp, "w", encoding="utf-8", newline="", buffering=1 << 20) as f:
            write(f)
        os.replace(tmp, out)
    except BaseException as exc:  # ctrl+c mid-write too: no temporary file left behind
        try:
            tmp.unlink()
        except OSError:
            pass
        if not isinstance(exc, OSError):
            raise
        return fail(f"cannot write {output} ({exc.strerror or exc})")
    print(f"Wrote {what} to {output}", file=sys.stderr)
    return 0


# ---------------------------------------------------------------------------- parties
def _party(lib, name: str, stored: bool = False):
    """The one party ``name`` picks, and all parties (``stored``: the party as the last relink stored
    it, and None for the parties, which are not built)."""
    from .actors import cluster, find_party, find_stored_party, load_nodes
    from .store import LibraryError

    if stored:  # the one party, looked up in the stored links (not every party built)
        parties = None
        hits = find_stored_party(lib, name)
    else:
        parties = cluster(load_nodes(lib), lib.corrections())
        hits = find_party(parties, name)
    if not hits:
        from rapidfuzz import process

        names = dict.fromkeys(p.name for p in parties) if parties is not None else dict.fromkeys(
            r[0] for r in lib.conn.execute("SELECT name FROM library_actors ORDER BY rowid"))
        guess = process.extractOne(name, list(names), score_cutoff=70) if names else None
        hint = f"; did you mean {guess[0]!r}?" if guess else "; 'parley library actors' lists them"
        raise LibraryError(f"no party {name!r} in the library{hint}")
    if len(hits) > 1:
        raise LibraryError(f"{name!r} names {len(hits)} parties ({', '.join(p.id for p in hits)}); "
                           "give one of these ids")
    return hits[0], parties


def cmd_actors(args) -> int:
    from .actors import library_parties

    lib = _open(args)
    parties = library_parties(lib)
    if not parties:
        print("No parties yet; add articles with 'parley library add PATH'")
        return 0
    print(f"{'ID':<28}  {'KIND':<12}  {'ARTICLES':>8}  NAME")
    for p in parties:
        print(f"{p['id']:<28}  {p['kind']:<12}  {p['articles']:>8}  {_oneline(p['name'])}")
    return 0


def cmd_merge(args) -> int:
    from .actors import relink
    from .store import LibraryError

    lib = _open(args)
    a, _ = _party(lib, args.a)
    b, _ = _party(lib, args.b)
    if a is b or a.id == b.id:
        raise LibraryError(f"{args.a!r} and {args.b!r} are already one party ({a.id})")
    lib.add_correction("merge", a.name, b.name)
    parties = relink(lib)
    merged = next((p for p in parties if any(n in p.nodes for n in a.nodes)), None)
    print(f"Merged {b.name} into {a.name}" + (f" ({merged.id}, {len(merged.articles)} articles)" if merged else ""))
    return 0


def cmd_split(args) -> int:
    from .actors import relink
    from .store import LibraryError

    lib = _open(args)
    party, _ = _party(lib, args.actor)
    art = lib.resolve_article(args.article)
    inside = [n for n in party.nodes if n.article == art.id]
    if not inside:
        raise LibraryError(f"{party.name} does not appear in article {art.short}")
    if len(inside) == len(party.nodes):
        raise LibraryError(f"{party.name} appears only in article {art.short}; nothing to split")
    lib.add_correction("split", party.name, None, art.path, art.id)
    relink(lib)
    print(f"Split {party.name} in {art.short} ({_oneline(art.title)[:60]}) into a party of its own")
    return 0


# ---------------------------------------------------------------------------- actor
def party_report(lib, name: str) -> dict:
    from .actors import ensure_links
    from .positions import group_positions, mark_dropped

    ensure_links(lib)
    party, _ = _party(lib, name, stored=not lib.readonly)
    party_articles = party.articles
    ids = {party.id}
    items = [d for d in lib.items(articles=party_articles, holder=party.id)
             if d["holder_id"] in ids or ids & set(d["holder_ids"])]
    claims = [d for d in items if d["kind"] != "quote"]
    quotes = [d for d in items if d["kind"] == "quote"]
    positions = group_positions(claims)
    arts = {a.id: a for a in lib.articles()}
    order = [sha for sha in arts if sha in party_articles]
    mark_dropped(positions, [arts[s].date for s in {d["article_sha"] for d in claims}])
    # first/last seen from full dates when there are any (a month-day dateline has no year to compare)
    dated = [arts[s].date for s in order if arts[s].date]
    dated = [d for d in dated if not d.startswith("--")] or dated

    def occ(d: dict) -> dict:
        return {k: d[k] for k in ("article", "title", "date", "kind", "text", "evidence", "start", "end",
                                  "confidence", "holder", "target")}

    return {
        "actor": {"id": party.id, "name": party.name, "kind": party.kind, "aliases": party.aliases,
                  "articles": len(order), "first_seen": min(dated) if dated else None,
                  "last_seen": max(dated) if dated else None},
        "positions": [{"kind": p.kind, "text": p.text, "times": len(p.occurrences), "first_seen": p.first_seen,
                       "last_seen": p.last_seen, "dates": p.dates, "status": p.status,
                       "occurrences": [occ(o) for o in p.occurrences]} for p in positions],
        "quotes": [occ(q) for q in quotes],
    }


def cmd_actor(args) -> int:
    lib = _open(args)
    rep = party_report(lib, args.name)
    if args.format == "json":
        sys.stdout.write(json.dumps(rep, ensure_ascii=False, indent=2) + "\n")
    elif args.format == "csv":
        cols = ("position", "status", "article", "date", "kind", "text", "evidence", "start", "end", "confidence")
        buf = io.StringIO(newline="")
        w = csv.DictWriter(buf, fieldnames=cols, lineterminator="\n", extrasaction="ignore")
        w.writeheader()
        for n, p in enumerate(rep["positions"], 1):
            for o in p["occurrences"]:
                w.writerow(dict(o, position=n, status=p["status"]))
        for q in rep["quotes"]:
            w.writerow(dict(q, position="", status=""))
        sys.stdout.write(buf.getvalue())
    else:
        _print_report(rep)
    sys.stdout.flush()
    return 0


def _print_report(rep: dict) -> None:
    from rich.console import Console
    from rich.markup import escape

    from ..render import safe as visible

    con = Console(highlight=False, soft_wrap=not sys.stdout.isatty())
    a = rep["actor"]
    span = f"{a['first_seen']} … {a['last_seen']}" if a["first_seen"] else "undated"
    con.print(f"[bold]{escape(a['name'])}[/] ({a['id']}, {a['kind']}) — {a['articles']} article"
              f"{'s' if a['articles'] != 1 else ''}, {span}")
    kinds = {"demand": "Demand", "red_line": "Red line"}
    if not rep["positions"]:
        con.print("No demands or red lines.")
    for n, p in enumerate(rep["positions"], 1):
        when = p["first_seen"] or "undated"
        if p["times"] > 1 and p["last_seen"] and p["last_seen"] != p["first_seen"]:
            when += f" … {p['last_seen']}"
        status = f"  [yellow]{p['status']}[/]" if p["status"] else ""
        con.print(f"\n[bold]{n}. {kinds.get(p['kind'], p['kind'])}[/], {p['times']}× ({when}){status}")
        con.print(f"   {escape(visible(p['text']))}")
        for o in p["occurrences"]:
            con.print(f"   [dim]{o['date'] or 'undated':<10}  {o['article']}  [{o['start']}:{o['end']}][/]  "
                      f"{escape(_cut(_oneline(o['evidence'])))}")
    if rep["quotes"]:
        con.print(f"\n[bold]Quotes[/] ({len(rep['quotes'])})")
        for q in rep["quotes"]:
            con.print(f"   [dim]{q['date'] or 'undated':<10}  {q['article']}  [{q['start']}:{q['end']}][/]  "
                      f"“{escape(_cut(_oneline(q['text'])))}”")


# ---------------------------------------------------------------------------- check
def cmd_check(args) -> int:
    from .check import check

    report = check(_path(args))
    for line in report.lines:
        print(line)
    return 0 if report.ok else EXIT_USAGE


def _silence_stdout() -> None:
    from ..cli import _silence_stdout as silence  # after EPIPE, as `parley extract` does

    silence()


COMMANDS = {"add": cmd_add, "list": cmd_list, "info": cmd_info, "remove": cmd_remove, "export": cmd_export,
            "actors": cmd_actors, "actor": cmd_actor, "merge": cmd_merge, "split": cmd_split, "check": cmd_check}
