"""Broken files and streams, terminal injection, and nothing lost (issue 5).

Each bad input is tried on both front ends: ``parley extract PATH`` (one line
on stderr, exit 2, never a traceback) and the explorer (``parley PATH`` says the
same one line before any UI starts; ``ParleyApp`` given the path shows it inside
the app).
"""
from __future__ import annotations

import codecs
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from textual.widgets import DataTable

from helpers import drawn, drawn_text, one_line, ready, run_parley
from tui.app import ParleyApp
from tui.article import ArticleView

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = "Peace talks stall\n\nRussia demanded that Ukraine withdraw its troops, Putin said on Monday.\n"


# ---------------------------------------------------------------- bad files
def _missing(tmp):
    return str(tmp / "nope.txt")


def _directory(tmp):
    return str(tmp)


def _empty(tmp):
    (tmp / "e.txt").write_bytes(b"")
    return str(tmp / "e.txt")


def _whitespace(tmp):
    (tmp / "w.txt").write_bytes(b" \n\t\r\n  \n")
    return str(tmp / "w.txt")


def _binary(tmp):
    (tmp / "b.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    return str(tmp / "b.png")


def _too_big(tmp):
    p = tmp / "big.txt"
    with open(p, "wb") as fh:  # sparse: 30 MB on paper, nothing on disk
        fh.truncate(30 * 1024 * 1024)
    return str(p)


def _symlink_loop(tmp):
    os.symlink(tmp / "b", tmp / "a")
    os.symlink(tmp / "a", tmp / "b")
    return str(tmp / "a")


def _fifo_without_writer(tmp):
    os.mkfifo(tmp / "pipe")
    return str(tmp / "pipe")


BAD = {
    "missing": (_missing, "no such file"),
    "directory": (_directory, "is a directory"),
    "empty": (_empty, "is empty"),
    "whitespace only": (_whitespace, "is empty"),
    "binary": (_binary, "binary"),
    "over 20 MB": (_too_big, "larger than 20 MB"),
    "/dev/zero": (lambda tmp: "/dev/zero", "larger than 20 MB"),
    "symlink loop": (_symlink_loop, "symbolic link loop"),
    "named pipe, no writer": (_fifo_without_writer, "nothing writing to it"),
}


@pytest.mark.parametrize("case", list(BAD))
def test_cli_bad_file_is_one_line_and_exit_2(tmp_path, case):
    make, words = BAD[case]
    r = run_parley("extract", make(tmp_path), "--format", "json")
    assert r.returncode == 2 and r.stdout == b""
    assert words in one_line(r)


@pytest.mark.parametrize("case", list(BAD))
def test_explorer_bad_file_is_one_line_and_exit_2(tmp_path, case):
    make, words = BAD[case]
    r = run_parley(make(tmp_path))  # `parley PATH`: refuses before any UI takes the terminal
    assert r.returncode == 2 and words in one_line(r)


@pytest.mark.parametrize("case", ["missing", "directory", "binary", "symlink loop"])
async def test_explorer_shows_bad_file_inside_the_app(tmp_path, case):
    make, words = BAD[case]
    app = ParleyApp(make(tmp_path), quotes_file=str(tmp_path / "q.md"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert words in str(app.query_one("#error").render())
        assert app.is_running


def test_permission_denied(tmp_path, monkeypatch, capsys):
    """In-process: CI may run as root, which reads any file whatever its mode."""
    p = tmp_path / "secret.txt"
    p.write_text(ARTICLE, encoding="utf-8")

    def refuse(*a, **k):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("extract.documents.open", refuse, raising=False)
    from extract.cli import main as extract_main
    from tui.app import main as app_main
    for front_end in (lambda: extract_main([str(p)]), lambda: app_main([str(p)])):
        assert front_end() == 2
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and "permission denied" in err and "Traceback" not in err


def test_endless_pipe_is_capped_not_hung():
    r = run_parley(shell="yes 'Talks resumed.' | PARLEY extract - --format json")
    assert r.returncode == 2 and "stdin: larger than 20 MB" in one_line(r)


# ---------------------------------------------------------------- odd encodings
ENCODED = {
    "latin-1": (ARTICLE.replace("Monday", "Montag für Zürich").encode("latin-1"), "latin-1", "für Zürich"),
    "cp1252 quotes": ("“We will respond,” Zelensky said.\n".encode("cp1252"), "Windows-1252", "“We will respond,”"),
    "UTF-16 LE BOM": (codecs.BOM_UTF16_LE + ARTICLE.encode("utf-16-le"), "UTF-16", "Putin said"),
    "UTF-16 BE BOM": (codecs.BOM_UTF16_BE + ARTICLE.encode("utf-16-be"), "UTF-16", "Putin said"),
    "UTF-8 BOM": (codecs.BOM_UTF8 + ARTICLE.encode("utf-8"), "byte-order mark", "Putin said"),
}


@pytest.mark.parametrize("case", list(ENCODED))
def test_cli_decodes_with_a_note(tmp_path, case):
    data, note, snippet = ENCODED[case]
    p = tmp_path / "a.txt"
    p.write_bytes(data)
    r = run_parley("extract", str(p), "--format", "json", "--no-cache")
    assert r.returncode == 0
    assert note in one_line(r) and "note" in one_line(r)
    import json
    doc = json.loads(r.stdout)
    assert doc["document"]["length"] > 0
    assert all(q["text"] for q in doc["quotes"])


@pytest.mark.parametrize("case", ["latin-1", "UTF-16 LE BOM"])
async def test_explorer_decodes_with_a_note(extractor, tmp_path, case):
    data, note, snippet = ENCODED[case]
    p = tmp_path / "a.txt"
    p.write_bytes(data)
    app = ParleyApp(str(p), quotes_file=str(tmp_path / "q.md"), extractor_factory=lambda: extractor)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert snippet in drawn_text(app).replace("\n", " ")
        assert any(note in n.message for n in app._notifications)


def test_ten_megabyte_single_line_cli(tmp_path):
    """10 MB on one line: no max_length error, no quadratic tokenizer, no hang."""
    import base64
    blob = base64.b64encode(os.urandom(7_000_000)).decode()  # ~9.3 MB, no spaces
    line = "Russia demanded that Ukraine withdraw, Putin said. " + " ".join(
        blob[i:i + 50_000] for i in range(0, len(blob), 50_000))
    p = tmp_path / "one-line.txt"
    p.write_text(line, encoding="utf-8")
    assert p.stat().st_size > 9_000_000 and "\n" not in line
    r = run_parley("extract", str(p), "--format", "json", "--no-cache")
    assert r.returncode == 0, r.stderr[-500:]
    import json
    doc = json.loads(r.stdout)
    assert doc["document"]["length"] == len(line)
    assert any(c["kind"] == "demand" for c in doc["claims"])


async def test_ten_megabyte_single_line_explorer(tmp_path):
    """The article appears at once, wrapped into lines with exact offsets, and the app answers."""
    line = ("Talks resumed in Geneva on Monday and the delegations met again. " * 160_000)[:10_000_000]
    p = tmp_path / "one-line.txt"
    p.write_text(line, encoding="utf-8")
    gate = threading.Event()

    def never():  # extraction of 10 MB takes minutes: this test is about showing it
        gate.wait(30)
        raise RuntimeError("stopped by the test")

    app = ParleyApp(str(p), quotes_file=str(tmp_path / "q.md"), extractor_factory=never)
    try:
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            view = app.query_one("#article")
            width = view.scrollable_content_region.width
            assert len(view.starts) > len(line) // width  # every line laid out, none wider than the view
            assert all(0 < e - s <= width for s, e in zip(view.starts, view.ends))
            assert all(line[s:e] == view.line_text(y).plain for y, (s, e) in enumerate(zip(view.starts, view.ends))
                       if y % 1000 == 0)
            assert view.line_text(len(view.starts) - 1).plain == line[view.starts[-1]:].rstrip()
            await pilot.press("question_mark")
            await pilot.pause()
            from tui.screens import HelpScreen
            assert isinstance(app.screen, HelpScreen)
    finally:
        gate.set()


# ---------------------------------------------------------------- the terminal is not the article's
EVIL = ("[bold]Talks[/] [@click=app.quit]end[/] \x1b[2J\x1b]52;c;cm0gLXJmIH4=\x07 \x9b31m \x90dcs\x9c nul\x00\n\n"
        "Russia demanded that Ukraine withdraw \x1b[31mits troops\x1b[0m, Putin said [link=http://x]here[/link].\n")


def test_table_output_is_inert(tmp_path):
    p = tmp_path / "evil.txt"
    p.write_text(EVIL, encoding="utf-8")
    # FORCE_COLOR: Rich writes its own styles as to a terminal; the article's must stay text
    r = run_parley("extract", str(p), "--format", "table", "--no-cache", env=dict(os.environ, FORCE_COLOR="1"))
    assert r.returncode == 0
    out = r.stdout.decode("utf-8")
    for bad in ("\x1b]52", "\x1b[2J", "\x1b[31mits", "\x9b", "\x90", "\x00", "\x07"):
        assert bad not in out, repr(bad)
    for shown in ("[bold]Talks[/]", "[@click=app.quit]end[/]", "\\x1b]52;c;cm0gLXJmIH4=\\x07", "\\x9b31m", "\\x00"):
        assert shown in out, shown


def test_markdown_output_is_inert(tmp_path):
    p = tmp_path / "evil.txt"
    p.write_text(EVIL, encoding="utf-8")
    r = run_parley("extract", str(p), "--format", "markdown", "--no-cache")
    out = r.stdout.decode("utf-8")
    assert r.returncode == 0 and "\x1b" not in out and "\x9b" not in out and "\x00" not in out
    assert "[bold]Talks[/]" in out


async def test_explorer_shows_every_hostile_character_literally(extractor, tmp_path):
    p = tmp_path / "evil\x1b[31m.txt"  # even the file name
    p.write_text(EVIL, encoding="utf-8")
    app = ParleyApp(str(p), quotes_file=str(tmp_path / "q.md"), extractor_factory=lambda: extractor)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        shown = drawn_text(app)
        assert "[bold]Talks[/] [@click=app.quit]end[/]" in shown
        assert "[link=http://x]here[/link]" in shown
        for bad in ("\x1b", "\x9b", "\x90", "\x00", "\x07"):
            assert bad not in shown
        assert "\u241b]52;c;cm0gLXJmIH4=\u2407" in shown  # ␛ and ␇: visible, same length
        cells = drawn(app)
        view = app.query_one("#article")
        assert all(ch == view.shown[pos] for pos, ch, _ in cells)  # one symbol per character: offsets exact
        assert {pos for pos, _, _ in cells} >= {k for k, ch in enumerate(EVIL) if not ch.isspace()}
        assert "\x1b" not in app.sub_title
        # the panes hold article text too
        table = app.query_one("#demands", DataTable)
        cells = " ".join(str(c) for r in range(table.row_count) for c in table.get_row_at(r))
        assert "\x1b" not in cells
        await pilot.click(ArticleView, offset=(3, 1))
        await pilot.press("n", "c")
        await pilot.pause()
        assert app.is_running  # no [@click=app.quit] fired
        assert "withdraw ␛[31mits troops" in app.clipboard  # shown, not carried
        saved = (tmp_path / "q.md").read_text(encoding="utf-8")
        assert "\x1b" not in saved and "␛[31m" in saved


# ---------------------------------------------------------------- nothing lost
def seed_app(extractor, quotes_file: Path) -> ParleyApp:
    return ParleyApp(str(ROOT / "seeds" / "putin-energy-ceasefire.txt"), quotes_file=str(quotes_file),
                     extractor_factory=lambda: extractor)


async def test_quotes_file_is_appended_never_overwritten(extractor, tmp_path):
    qf = tmp_path / "quotes.md"
    qf.write_text("my own notes, written before\n", encoding="utf-8")
    app = seed_app(extractor, qf)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        await pilot.press("C")
        await pilot.press("C")
        await pilot.pause()
    lines = qf.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "my own notes, written before"
    assert lines[1].startswith("## ") and lines[2] == ""  # the article's heading, once
    assert len(lines) == 3 + 2 * len(app.result.quotes) and sum(x.startswith("## ") for x in lines) == 1


async def test_unwritable_quotes_file_warns_and_keeps_the_clipboard(extractor, tmp_path):
    (tmp_path / "a-file").write_text("", encoding="utf-8")
    target = tmp_path / "a-file" / "quotes.md"  # its "directory" is a file
    app = seed_app(extractor, target)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        await pilot.press("C")
        await pilot.pause()
        assert app.clipboard.count("—") == len(app.result.quotes)
        msgs = [n.message for n in app._notifications]
        assert any("Could not append" in m and "clipboard" in m for m in msgs)
        assert not target.exists()


def test_two_processes_share_the_cache(tmp_path):
    env = dict(os.environ, PARLEY_CACHE_DIR=str(tmp_path / "cache"))
    seed = str(ROOT / "seeds" / "putin-energy-ceasefire.txt")
    cmd = [sys.executable, "-m", "tui.main", "extract", seed, "--format", "json"]
    procs = [subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT, env=env)
             for _ in range(3)]
    outs = [p.communicate(timeout=180) for p in procs]
    assert all(p.returncode == 0 for p in procs), [e for _, e in outs]
    assert len({o for o, _ in outs}) == 1  # same result whoever wrote the cache
    assert all(b"Traceback" not in e for _, e in outs)
    again = subprocess.run(cmd, capture_output=True, cwd=ROOT, env=env, timeout=120)
    assert again.stdout == outs[0][0]
