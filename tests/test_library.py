"""The library: import, re-import, formats, corrections, export, check, damaged files."""
from __future__ import annotations

import csv
import io
import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from extract.library.cli import EXPORT_COLUMNS, main as library_main
from extract.library.store import Library
from helpers import one_line, run_parley

ROOT = Path(__file__).resolve().parent.parent

STEEL_1 = """Steel talks stall

Union leader Maria Santos demanded a ten percent pay rise for all of the members on Monday. She said the union would not accept a pay freeze. "We will strike unless the company pays us fairly," Santos said.

Acme Steel refused to reopen the closed plant in Dayton.
"""
STEEL_2 = """Steel strike looms

Union leader Maria Santos again demanded a ten percent pay rise for all members. Acme Steel chief executive John Barrow rejected the demand. "There will be no deal this week," Barrow said.
"""
STEEL_3 = """Steel talks resume

Union leader Maria Santos demanded that Acme Steel reopen the plant in Dayton. The Obama administration urged both sides to return to talks. President Barack Obama said he wanted a fair deal.
"""

HTML_PAGE = """<!DOCTYPE html>
<html lang="en"><head>
<meta charset="utf-8">
<title>Steel strike looms | Daily Ledger</title>
<meta property="og:title" content="Steel strike looms">
<meta property="og:url" content="https://ledger.example.org/2021/03/05/steel-strike-looms">
<meta property="og:site_name" content="Daily Ledger">
<meta property="article:published_time" content="2021-03-05T09:30:00Z">
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/sport">Sport</a></li><li>Subscribe now</li></ul></nav>
<article>
<h1>Steel strike looms</h1>
<p>Union leader Maria Santos again demanded a ten percent pay rise for all members of the union at the plant.</p>
<p>Acme Steel chief executive John Barrow rejected the demand on Thursday. "There will be no deal this week," Barrow said.</p>
</article>
<footer>Copyright Daily Ledger. Cookie settings. Privacy policy.</footer>
</body></html>
"""


@pytest.fixture(autouse=True)
def private_library(tmp_path, monkeypatch):
    monkeypatch.setenv("PARLEY_LIBRARY", str(tmp_path / "lib.sqlite"))
    return tmp_path / "lib.sqlite"


@pytest.fixture(autouse=True)
def shared_model(extractor, monkeypatch):
    """In-process adds reuse the session's loaded pipeline instead of loading their own."""
    monkeypatch.setattr("extract.pipeline.Extractor", lambda model=None: extractor)


def lib_cmd(capsys, *args: str) -> tuple[int, str, str]:
    code = library_main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def whole(lib: Library) -> None:
    """Every article whole: its rows add up to its counts and every offset points at its text."""
    c = lib.conn
    for a in lib.articles():
        text = lib.text(a.id)
        n = {t: c.execute(f"SELECT count(*) FROM {t} WHERE article=?", (a.id,)).fetchone()[0]
             for t in ("actors", "mentions", "claims", "quotes")}
        assert (n["actors"], n["mentions"], n["claims"], n["quotes"]) == \
            (a.n_actors, a.n_mentions, a.n_claims, a.n_quotes), a.path
        for t in ("mentions", "claims", "quotes"):
            for s, e, item in c.execute(f"SELECT start_char, end_char, text FROM {t} WHERE article=?", (a.id,)):
                assert text[s:e] == item


# ----------------------------------------------------------------------------- engine only
def test_library_imports_without_textual_or_spacy():
    code = ("import sys, extract.library, extract.library.cli, extract.library.actors, extract.library.check, "
            "extract.library.sources, extract.library.positions; "
            "assert 'textual' not in sys.modules; assert 'spacy' not in sys.modules; print('ok')")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, cwd=ROOT, timeout=60)
    assert r.stdout.strip() == b"ok", r.stderr.decode()


# ----------------------------------------------------------------------------- add, re-add
def test_round_trip(tmp_path, capsys, private_library):
    folder = tmp_path / "news"
    write(folder / "a.txt", STEEL_1)
    write(folder / "sub" / "b.txt", STEEL_2)
    write(folder / "notes.md", "# not an article\n")  # folders take .txt/.html/.jsonl only
    code, out, err = lib_cmd(capsys, "add", str(folder))
    assert code == 0, err
    assert "added 2" in out
    with Library(private_library) as lib:
        arts = lib.articles()
        assert sorted(Path(a.path).name for a in arts) == ["a.txt", "b.txt"]
        assert {a.title for a in arts} == {"Steel talks stall", "Steel strike looms"}
        assert all(a.date is None and a.date_source == "none" for a in arts)  # never the file's mtime
        assert lib.text(arts[0].id) in (STEEL_1, STEEL_2)
        whole(lib)
    code, out, _ = lib_cmd(capsys, "list")
    assert code == 0 and "Steel talks stall" in out and "2 articles" in out
    code, out, _ = lib_cmd(capsys, "info")
    assert code == 0 and "articles:" in out and "2" in out
    code, out, _ = lib_cmd(capsys, "actors")
    assert "maria-santos" in out and "Acme Steel" in out


def test_re_add_unchanged_is_a_no_op_and_changed_file_is_re_extracted(tmp_path, capsys, private_library):
    a = write(tmp_path / "a.txt", STEEL_1)
    write(tmp_path / "b.txt", STEEL_2)
    assert lib_cmd(capsys, "add", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"))[0] == 0
    with Library(private_library) as lib:
        before = {r.id: r.added for r in lib.articles()}
    code, out, _ = lib_cmd(capsys, "add", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"))
    assert code == 0 and "added 0, replaced 0, unchanged 2" in out
    with Library(private_library) as lib:
        assert {r.id: r.added for r in lib.articles()} == before

    a.write_text(STEEL_3, encoding="utf-8")  # same path, new text
    code, out, _ = lib_cmd(capsys, "add", str(a))
    assert code == 0 and "replaced 1" in out
    with Library(private_library) as lib:
        arts = lib.articles()
        assert len(arts) == 2
        new = next(r for r in arts if r.path == str(a))
        assert new.id not in before and lib.text(new.id) == STEEL_3
        claims = [t for (t,) in lib.conn.execute("SELECT text FROM claims WHERE article=?", (new.id,))]
        assert any("reopen the plant" in t for t in claims)
        whole(lib)


# ----------------------------------------------------------------------------- formats
def test_html_page(tmp_path, capsys, private_library):
    page = write(tmp_path / "page.html", HTML_PAGE)
    code, out, err = lib_cmd(capsys, "add", str(page))
    assert code == 0, err
    with Library(private_library) as lib:
        (art,) = lib.articles()
        text = lib.text(art.id)
        assert art.title == "Steel strike looms"
        assert art.url == "https://ledger.example.org/2021/03/05/steel-strike-looms"
        assert art.date == "2021-03-05" and art.date_source == "metadata"
        assert art.source == "Daily Ledger"
        assert "Maria Santos again demanded" in text
        assert "Subscribe" not in text and "Cookie" not in text  # navigation and footer left out
        assert art.n_claims >= 1
        whole(lib)


def test_jsonl_lines_and_a_bad_line(tmp_path, capsys, private_library):
    f = tmp_path / "feed.jsonl"
    lines = [json.dumps({"text": STEEL_1, "title": "Talks stall", "date": "2021-03-01", "url": "https://x.example/1",
                         "source": "Wire"}),
             "{not json",
             json.dumps({"text": STEEL_2}),
             json.dumps({"title": "no text"}),
             ""]
    write(f, "\n".join(lines))
    code, out, err = lib_cmd(capsys, "add", str(f))
    assert code == 2
    errs = err.strip().splitlines()
    assert len(errs) == 2 and all(e.startswith("parley: ") for e in errs)
    assert f"{f}:2" in errs[0] and f"{f}:4" in errs[1]
    assert "added 2" in out and "failed 2" in out
    with Library(private_library) as lib:
        arts = {a.path: a for a in lib.articles()}
        first = arts[f"{f}:1"]
        assert (first.title, first.date, first.date_source, first.url, first.source) == \
            ("Talks stall", "2021-03-01", "metadata", "https://x.example/1", "Wire")
        assert arts[f"{f}:3"].title == "Steel strike looms"  # no title: the first line
        whole(lib)


def test_bad_files_among_good(tmp_path, capsys, private_library):
    folder = tmp_path / "mixed"
    write(folder / "good1.txt", STEEL_1)
    write(folder / "empty.txt", "   \n")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 40)
    write(folder / "good2.txt", STEEL_2)
    write(folder / "broken.html", "<html><body><nav>Home</nav></body></html>")
    code, out, err = lib_cmd(capsys, "add", str(folder), str(tmp_path / "missing.txt"))
    assert code == 2
    lines = err.strip().splitlines()
    assert len(lines) == 4, err
    assert all(ln.startswith("parley: ") for ln in lines) and "Traceback" not in err
    assert "added 2" in out
    with Library(private_library) as lib:
        assert sorted(Path(a.path).name for a in lib.articles()) == ["good1.txt", "good2.txt"]


# ----------------------------------------------------------------------------- damaged or foreign files
def test_corrupt_library_is_refused_and_untouched(tmp_path, private_library):
    junk = os.urandom(8192)
    private_library.write_bytes(junk)
    write(tmp_path / "a.txt", STEEL_1)
    for args in (["list"], ["add", str(tmp_path / "a.txt")], ["check"], ["export", "--format", "csv"],
                 ["actor", "Santos"]):
        r = run_parley("library", *args, env=dict(os.environ))
        assert r.returncode == 2, args
        assert "not a Parley library" in one_line(r)
    assert private_library.read_bytes() == junk
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "lib.sqlite"]  # no -wal, no -journal


def test_a_foreign_sqlite_file_is_refused(tmp_path, capsys, private_library):
    conn = sqlite3.connect(private_library)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    before = private_library.read_bytes()
    code, _, err = lib_cmd(capsys, "list")
    assert code == 2 and "not a Parley library" in err and len(err.strip().splitlines()) == 1
    assert private_library.read_bytes() == before


def test_add_from_stdin(private_library):
    r = run_parley("library", "add", "-", input=STEEL_2.encode(), env=dict(os.environ))
    assert r.returncode == 0, r.stderr
    with Library(private_library) as lib:
        (a,) = lib.articles()
        assert a.path == "<stdin>" and a.title == "Steel strike looms"


def test_library_option_overrides_env(tmp_path, capsys, private_library):
    other = tmp_path / "elsewhere" / "mine.sqlite"
    write(tmp_path / "a.txt", STEEL_1)
    assert lib_cmd(capsys, "add", "--library", str(other), str(tmp_path / "a.txt"))[0] == 0
    assert other.exists() and not private_library.exists()
    code, out, _ = lib_cmd(capsys, "list", "--library", str(other))
    assert code == 0 and "Steel talks stall" in out


def test_usage_errors_are_one_line(capsys):
    with pytest.raises(SystemExit) as exc:
        library_main(["export", "--format", "xml"])
    assert exc.value.code == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and err.startswith("parley: ")
    code, _, err = lib_cmd(capsys, "list", "--library", "/nonexistent-dir/x.sqlite")
    assert code == 2 and err.startswith("parley: ") and len(err.strip().splitlines()) == 1


# ----------------------------------------------------------------------------- export, remove
def test_export_csv_and_jsonl(tmp_path, capsys):
    f = tmp_path / "feed.jsonl"
    write(f, "\n".join(json.dumps({"text": t, "date": d}) for t, d in
                       ((STEEL_1, "2021-03-01"), (STEEL_2, "2021-03-05"))))
    assert lib_cmd(capsys, "add", str(f))[0] == 0
    code, out, _ = lib_cmd(capsys, "export", "--format", "csv")
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert tuple(rows[0].keys()) == EXPORT_COLUMNS
    assert {r["kind"] for r in rows} == {"demand", "red_line", "quote"}
    assert [r["date"] for r in rows] == sorted(r["date"] for r in rows)  # date order
    santos = [r for r in rows if r["holder"] == "Maria Santos"]
    assert santos and all(r["text"] in r["evidence"] for r in rows)

    out_file = tmp_path / "items.jsonl"
    code, out, err = lib_cmd(capsys, "export", "--format", "jsonl", "-o", str(out_file))
    assert code == 0 and out == "" and "Wrote" in err
    items = [json.loads(ln) for ln in out_file.read_text(encoding="utf-8").splitlines()]
    assert len(items) == len(rows) and tuple(items[0]) == EXPORT_COLUMNS
    with Library() as lib:
        texts = {a.short: lib.text(a.id) for a in lib.articles()}
    for it in items:
        assert texts[it["article"]][it["start"]:it["end"]] == it["text"]
        assert isinstance(it["confidence"], float)


def test_export_to_file_is_whole_or_nothing(tmp_path, capsys):
    """-o writes through a temporary file beside the target: an unwritable target is one line and
    exit 2, leaves the old file as it was and no temporary file behind."""
    write(tmp_path / "a.txt", STEEL_1)
    assert lib_cmd(capsys, "add", str(tmp_path / "a.txt"))[0] == 0
    code, stdout_csv, _ = lib_cmd(capsys, "export", "--format", "csv")
    target = tmp_path / "out.csv"
    code, out, err = lib_cmd(capsys, "export", "--format", "csv", "-o", str(target))
    assert code == 0 and target.read_text(encoding="utf-8") == stdout_csv
    code, out, err = lib_cmd(capsys, "export", "--format", "csv", "-o", str(tmp_path / "no" / "such" / "x.csv"))
    assert code == 2 and len(err.strip().splitlines()) == 1 and "cannot write" in err
    blocked = tmp_path / "blocked"
    blocked.mkdir()
    code, out, err = lib_cmd(capsys, "export", "--format", "jsonl", "-o", str(blocked))  # a folder, not a file
    assert code == 2 and "cannot write" in err
    assert not [p.name for p in tmp_path.rglob("*.tmp")] and target.read_text(encoding="utf-8") == stdout_csv


def test_remove_asks_first(tmp_path, capsys, private_library):
    write(tmp_path / "a.txt", STEEL_1)
    write(tmp_path / "b.txt", STEEL_2)
    assert lib_cmd(capsys, "add", str(tmp_path))[0] == 0
    with Library(private_library) as lib:
        ids = [a.short for a in lib.articles()]
    env = dict(os.environ)
    r = run_parley("library", "remove", ids[0], env=env)  # stdin is /dev/null: no one to ask
    assert r.returncode == 2 and "--yes" in one_line(r)
    with Library(private_library) as lib:
        assert len(lib.articles()) == 2
    r = run_parley("library", "remove", ids[0][:6], "--yes", env=env)
    assert r.returncode == 0, r.stderr
    with Library(private_library) as lib:
        assert [a.short for a in lib.articles()] == ids[1:]
        assert lib.conn.execute("SELECT count(*) FROM claims WHERE article NOT IN (SELECT id FROM articles)"
                                ).fetchone()[0] == 0
    r = run_parley("library", "remove", "ffffffff", "--yes", env=env)
    assert r.returncode == 2 and "no article" in one_line(r)


# ----------------------------------------------------------------------------- parties across articles
def _feed(tmp_path: Path, name: str = "feed.jsonl") -> Path:
    return write(tmp_path / name, "\n".join(json.dumps({"text": t, "date": d}) for t, d in
                                            ((STEEL_1, "2021-03-01"), (STEEL_2, "2021-03-05"),
                                             (STEEL_3, "2021-03-09"))))


def test_actor_positions_across_articles(tmp_path, capsys):
    assert lib_cmd(capsys, "add", str(_feed(tmp_path)))[0] == 0
    code, out, _ = lib_cmd(capsys, "actor", "Santos", "--format", "json")
    assert code == 0
    rep = json.loads(out)
    assert rep["actor"]["name"] == "Maria Santos" and rep["actor"]["articles"] == 3
    assert (rep["actor"]["first_seen"], rep["actor"]["last_seen"]) == ("2021-03-01", "2021-03-09")
    pay = [p for p in rep["positions"] if "pay rise" in p["text"]]
    assert len(pay) == 1, rep["positions"]  # restated in a later article: one position, two dates
    assert pay[0]["dates"] == ["2021-03-01", "2021-03-05"] and pay[0]["times"] == 2
    assert (pay[0]["first_seen"], pay[0]["last_seen"]) == ("2021-03-01", "2021-03-05")
    reopen = next(p for p in rep["positions"] if "reopen" in p["text"])
    assert reopen["status"] == "" and reopen["first_seen"] == "2021-03-09"
    assert pay[0]["status"] == "possibly dropped"
    for p in rep["positions"]:
        for o in p["occurrences"]:
            assert o["text"] in o["evidence"]
    assert rep["quotes"] and rep["quotes"][0]["date"] == "2021-03-01"

    code, out, _ = lib_cmd(capsys, "actor", "maria santos")
    assert code == 0 and "Maria Santos" in out and "possibly dropped" in out
    code, out, _ = lib_cmd(capsys, "actor", "Maria Santos", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert rows and {"position", "status", "article", "date", "evidence", "start", "end"} <= set(rows[0])
    code, _, err = lib_cmd(capsys, "actor", "Maria Sant0s")
    assert code == 2 and "did you mean" in err


def test_pooled_actors_keep_administration_apart(tmp_path, capsys):
    assert lib_cmd(capsys, "add", str(_feed(tmp_path)))[0] == 0
    _, out, _ = lib_cmd(capsys, "actors")
    assert "obama-administration" in out and "barack-obama" in out
    rep = json.loads(lib_cmd(capsys, "actor", "Acme Steel", "--format", "json")[1])
    assert rep["actor"]["articles"] == 3


def test_merge_and_split_persist_across_re_add(tmp_path, capsys, private_library):
    feed = _feed(tmp_path)
    assert lib_cmd(capsys, "add", str(feed))[0] == 0
    with Library(private_library) as lib:
        second = next(a for a in lib.articles() if a.date == "2021-03-05")

    code, out, err = lib_cmd(capsys, "split", "Maria Santos", second.short)
    assert code == 0, err
    code, out, _ = lib_cmd(capsys, "merge", "John Barrow", "Acme Steel")
    assert code == 0, out

    def state():
        rep = json.loads(lib_cmd(capsys, "actor", "maria-santos", "--format", "json")[1])
        acme = json.loads(lib_cmd(capsys, "actor", "Acme Steel", "--format", "json")[1])
        return rep["actor"]["articles"], any(p["text"] == "rejected the demand" for p in acme["positions"])

    assert state() == (2, True)
    _, out, _ = lib_cmd(capsys, "actors")
    assert "maria-santos-2" in out

    # Re-extraction: the articles change (a line added to each), so all of them are extracted again.
    feed.write_text("\n".join(json.dumps({"text": t + "\nTalks go on.\n", "date": d}) for t, d in
                              ((STEEL_1, "2021-03-01"), (STEEL_2, "2021-03-05"), (STEEL_3, "2021-03-09"))),
                    encoding="utf-8")
    code, out, _ = lib_cmd(capsys, "add", str(feed))
    assert code == 0 and "replaced 3" in out
    assert state() == (2, True)

    code, _, err = lib_cmd(capsys, "merge", "Maria Santos", "maria santos")
    assert code == 2 and len(err.strip().splitlines()) == 1  # two parties of that name: ids are asked for


# ----------------------------------------------------------------------------- check
def test_check_repairs_offsets_and_orphans(tmp_path, capsys, private_library):
    write(tmp_path / "a.txt", STEEL_1)
    assert lib_cmd(capsys, "add", str(tmp_path / "a.txt"))[0] == 0
    code, out, _ = lib_cmd(capsys, "check")
    assert code == 0 and out.strip().startswith("ok:")

    conn = sqlite3.connect(private_library)
    conn.execute("UPDATE claims SET start_char = start_char + 3, end_char = end_char + 3 WHERE id = 'c1'")
    conn.execute("UPDATE quotes SET text = 'words nobody wrote' WHERE id = 'q1'")
    conn.execute("INSERT INTO claims VALUES ('gone', 'c1', 'demand', NULL, '[]', NULL, 'x', 0, 1, 0, 1, '', NULL, "
                 "'', '', 0.5)")
    conn.commit()
    conn.close()
    code, out, _ = lib_cmd(capsys, "check")
    assert code == 0, out
    assert "moved to" in out and "deleted" in out and "without an article" in out
    with Library(private_library) as lib:
        whole(lib)
    assert lib_cmd(capsys, "check")[1].strip().startswith("ok:")

    conn = sqlite3.connect(private_library)
    conn.execute("DELETE FROM mentions WHERE rowid = (SELECT min(rowid) FROM mentions)")  # half an article
    conn.commit()
    conn.close()
    code, out, _ = lib_cmd(capsys, "check")
    assert code == 2 and "add its file again" in out


# ----------------------------------------------------------------------------- processes
def _articles(n: int) -> list[str]:
    places = ["Dayton", "Toledo", "Akron", "Gary", "Erie", "Flint", "Canton", "Lorain", "Peoria", "Joliet"]
    return [f"Strike day {i}\n\nUnion leader Maria Santos demanded a pay rise of {i} percent for the workers "
            f"in {places[i % len(places)]}. Acme Steel refused to reopen plant number {i}. "
            f"\"We will not accept plant {i} closing,\" Santos said.\n" for i in range(n)]


def test_interrupted_import_leaves_whole_articles(tmp_path, private_library):
    import signal
    import time

    folder = tmp_path / "many"
    for i, text in enumerate(_articles(300)):
        write(folder / f"a{i:03d}.txt", text)
    env = dict(os.environ, PARLEY_CACHE_DIR=str(tmp_path / "cache"))
    proc = subprocess.Popen([sys.executable, "-m", "tui.main", "library", "add", str(folder)], cwd=ROOT, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL)
    n = 0
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and proc.poll() is None:
            time.sleep(0.05)
            if private_library.exists():
                try:
                    conn = sqlite3.connect(f"file:{private_library}?mode=ro", uri=True, timeout=5)
                    n = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
                    conn.close()
                except sqlite3.DatabaseError:
                    continue
                if n >= 5:
                    break
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait()
    assert n >= 5
    with Library(private_library) as lib:
        arts = lib.articles()
        assert 5 <= len(arts) < 300
        whole(lib)
    # The next add finishes the job, and the library is sound.
    r = run_parley("library", "add", str(folder), env=env, timeout=300)
    assert r.returncode == 0, r.stderr
    with Library(private_library) as lib:
        assert len(lib.articles()) == 300
        whole(lib)
    assert run_parley("library", "check", env=env).returncode == 0


def test_two_concurrent_adders(tmp_path, private_library):
    texts = _articles(24)
    for i, text in enumerate(texts):
        write(tmp_path / ("one" if i % 2 else "two") / f"a{i:02d}.txt", text)
    write(tmp_path / "one" / "shared.txt", STEEL_1)
    write(tmp_path / "two" / "shared.txt", STEEL_1)  # the same article reached by both
    env = dict(os.environ, PARLEY_CACHE_DIR=str(tmp_path / "cache"))
    cmd = [sys.executable, "-m", "tui.main", "library", "add"]
    procs = [subprocess.Popen(cmd + [str(tmp_path / d), *extra], cwd=ROOT, env=env, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, stdin=subprocess.DEVNULL)
             for d, extra in (("one", ["--jobs", "2"]), ("two", []))]
    results = [p.communicate(timeout=300) for p in procs]
    for p, (out, err) in zip(procs, results):
        assert p.returncode == 0, err.decode()
    with Library(private_library) as lib:
        assert len(lib.articles()) == 25
        whole(lib)


def _open_new_library(path: str, barrier) -> str | None:
    from extract.library.store import LibraryError

    barrier.wait()
    try:
        Library(path).close()
    except LibraryError as exc:
        return str(exc)
    return None


def test_many_processes_creating_one_new_library_all_succeed(tmp_path):
    """The race CI once hit: one opener read user_version 0 before another's first
    migration committed and its table list after, and refused the file as 'not a
    Parley library'; the WAL switch also answers some openers 'database is locked'
    at once. Six processes open one new file at the same instant, ten times."""
    import multiprocessing

    ctx = multiprocessing.get_context("fork")
    errors = []
    with ctx.Manager() as manager, ctx.Pool(6) as pool:
        for round_ in range(10):
            path = str(tmp_path / f"lib{round_}.sqlite")
            barrier = manager.Barrier(6)
            errors += [e for e in pool.starmap(_open_new_library, [(path, barrier)] * 6) if e]
            with Library(path) as lib:
                assert lib.articles() == []
    assert errors == []


def test_a_line_moving_down_a_jsonl_file_is_not_lost(tmp_path, capsys, private_library):
    f = tmp_path / "feed.jsonl"
    write(f, json.dumps({"text": STEEL_1}) + "\n")
    assert lib_cmd(capsys, "add", str(f))[0] == 0
    write(f, json.dumps({"text": STEEL_2}) + "\n" + json.dumps({"text": STEEL_1}) + "\n")  # a new first line
    code, out, _ = lib_cmd(capsys, "add", str(f))
    assert code == 0 and "added 1, replaced 0, unchanged 1" in out
    with Library(private_library) as lib:
        assert {lib.text(a.id) for a in lib.articles()} == {STEEL_1, STEEL_2}


def test_an_older_extraction_is_redone_and_corrections_survive(tmp_path, capsys, private_library):
    from extract.model import EXTRACTOR_VERSION

    feed = _feed(tmp_path)
    assert lib_cmd(capsys, "add", str(feed))[0] == 0
    with Library(private_library) as lib:
        second = next(a for a in lib.articles() if a.date == "2021-03-05")
    assert lib_cmd(capsys, "split", "Maria Santos", second.short)[0] == 0
    conn = sqlite3.connect(private_library)
    conn.execute("UPDATE articles SET extractor_version = '0.0.1'")  # as if extracted by an older Parley
    conn.execute("UPDATE claims SET text = 'stale', confidence = 0")  # what it found then
    conn.commit()
    conn.close()
    code, out, _ = lib_cmd(capsys, "add", str(feed))
    assert code == 0 and "re-extracted 3" in out
    with Library(private_library) as lib:
        assert {a.extractor_version for a in lib.articles()} == {EXTRACTOR_VERSION}
        assert lib.article(second.id).added == second.added
        whole(lib)
    _, out, _ = lib_cmd(capsys, "actors")
    assert "maria-santos-2" in out  # the split still holds


def test_jsonl_with_a_lone_surrogate(tmp_path, capsys, private_library):
    f = write(tmp_path / "odd.jsonl", '{"text": "Union leader Maria Santos demanded a pay rise \\ud800 now."}\n')
    code, out, err = lib_cmd(capsys, "add", str(f))
    assert code == 0, err
    with Library(private_library) as lib:
        (a,) = lib.articles()
        assert "\ufffd" in lib.text(a.id)
        whole(lib)


def test_check_on_a_damaged_database_writes_nothing(tmp_path, capsys, private_library):
    write(tmp_path / "a.txt", STEEL_1)
    write(tmp_path / "b.txt", STEEL_2)
    assert lib_cmd(capsys, "add", str(tmp_path))[0] == 0
    conn = sqlite3.connect(private_library)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    data = bytearray(private_library.read_bytes())
    page = 4096
    for start in range(page, len(data), page):  # page 1 (the header and schema) kept, the rest damaged
        data[start + 8: start + 600] = os.urandom(592)
    private_library.write_bytes(bytes(data))
    for p in tmp_path.glob("lib.sqlite-*"):
        p.unlink()
    r = run_parley("library", "check", env=dict(os.environ))
    assert r.returncode == 2
    assert "damaged" in one_line(r) or "cannot be read" in one_line(r)
    assert private_library.read_bytes() == bytes(data)
