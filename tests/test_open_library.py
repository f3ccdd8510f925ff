"""Opening another article (ctrl+o, recent articles) and the Library and Party screens."""
from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import DataTable, Input

from helpers import one_line, ready, run_parley
from tui.app import ParleyApp
from tui.library import LibraryScreen, PartyScreen
from tui.opening import OpenScreen, complete_path
from tui.recent import LIMIT, load_recent, remember

ROOT = Path(__file__).resolve().parent.parent
SEED = str(ROOT / "seeds" / "putin-energy-ceasefire.txt")

STEEL = {
    "steel1.txt": """Steel talks stall

PITTSBURGH, March 1, 2021 (Reuters) - Union leader Maria Santos demanded a ten percent pay rise for all of the members on Monday. She said the union would not accept a pay freeze. "We will strike unless the company pays us fairly," Santos said.

Acme Steel refused to reopen the closed plant in Dayton.
""",
    "steel2.txt": """Steel strike looms

PITTSBURGH, March 15, 2021 (Reuters) - Union leader Maria Santos again demanded a ten percent pay rise for all members. Acme Steel chief executive John Barrow rejected the demand. "There will be no deal this week," Barrow said.
""",
    "steel3.txt": """Steel talks [bold]resume[/bold]

PITTSBURGH, April 20, 2021 (Reuters) - Union leader Maria Santos demanded that Acme Steel reopen the plant in Dayton. The Obama administration urged both sides to return to talks. "We are back at the table," Santos said.
""",
}


@pytest.fixture
def news(tmp_path, monkeypatch):
    folder = tmp_path / "news"
    folder.mkdir()
    for name, text in STEEL.items():
        (folder / name).write_text(text, encoding="utf-8")
    for var in ("PARLEY_CONFIG_DIR", "PARLEY_DATA_DIR", "PARLEY_CACHE_DIR"):
        (tmp_path / var).mkdir()
        monkeypatch.setenv(var, str(tmp_path / var))
    monkeypatch.setenv("PARLEY_LIBRARY", str(tmp_path / "lib.sqlite"))
    return folder


async def wait_for(pilot, cond, seconds: float = 30) -> None:
    for _ in range(int(seconds / 0.05)):
        if cond():
            break
        await pilot.pause(0.05)
    await pilot.pause()
    assert cond(), "timed out"


# ---------------------------------------------------------------------- recent, completion
def test_recent_list_is_most_recent_first_deduplicated_and_bounded(tmp_path):
    path = tmp_path / "recent.json"
    for i in range(LIMIT + 5):
        assert remember(str(tmp_path / f"a{i}.txt"), path) is None
    remember(str(tmp_path / "a3.txt"), path)
    got = load_recent(path)
    assert len(got) == LIMIT
    assert got[0] == str(tmp_path / "a3.txt")
    assert got.count(str(tmp_path / "a3.txt")) == 1
    assert got[1] == str(tmp_path / f"a{LIMIT + 4}.txt")
    path.write_text("{not json", encoding="utf-8")
    assert load_recent(path) == []


def test_path_completion(tmp_path):
    (tmp_path / "steel-talks.txt").write_text("x")
    (tmp_path / "sub").mkdir()
    (tmp_path / ".hidden").write_text("x")
    assert complete_path(str(tmp_path / "ste")) == str(tmp_path / "steel-talks.txt")
    assert complete_path(str(tmp_path / "su")) == str(tmp_path / "sub") + "/"
    assert complete_path(str(tmp_path / "zz")) is None
    assert complete_path(str(tmp_path) + "/.h") == str(tmp_path / ".hidden")
    assert complete_path(str(tmp_path / "steel-talks.txt")) is None


# ---------------------------------------------------------------------- ctrl+o
async def test_ctrl_o_opens_another_article_and_resets_the_view(extractor, news, tmp_path):
    app = ParleyApp(SEED, quotes_file=str(tmp_path / "q.md"), extractor_factory=lambda: extractor)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        app.set_filter(app.result.actors[0].id)
        await pilot.pause()
        await pilot.press("ctrl+o")
        await pilot.pause()
        assert isinstance(app.screen, OpenScreen)
        inp = app.screen.query_one("#open-input", Input)
        inp.value = str(news / "steel")
        inp.cursor_position = len(inp.value)
        await pilot.press("2")
        await pilot.pause(0.3)
        await pilot.press("tab")  # accepts the completion
        await pilot.pause()
        assert inp.value == str(news / "steel2.txt")
        await pilot.press("enter")
        await wait_for(pilot, lambda: app.result is not None and "Barrow" in app.text)
        assert app.path == str(news / "steel2.txt")
        assert app.filter_actor is None and app.selected is None
        assert "Santos" in {a.name.split()[-1] for a in app.result.actors}
        assert app.query_one("#demands", DataTable).row_count == len(app.result.demands)
        assert load_recent()[:2] == [str(news / "steel2.txt"), SEED]
        # the recent list is in the dialog and in the command palette
        await pilot.press("ctrl+o")
        await pilot.pause()
        from textual.widgets import OptionList
        ol = app.screen.query_one("#open-recent", OptionList)
        assert [ol.get_option_at_index(i).id for i in range(ol.option_count)][:2] == [str(news / "steel2.txt"), SEED]
        await pilot.press("down", "down", "enter")  # the second: the seed again
        await wait_for(pilot, lambda: app.path == SEED and app.result is not None)
        from tui.commands import ActorCommands
        labels = [c[0] for c in ActorCommands(app.screen).commands()]
        assert any(lab.startswith("Open recent: steel2.txt") for lab in labels)


async def test_opening_a_bad_path_keeps_the_article(extractor, news, tmp_path):
    app = ParleyApp(SEED, quotes_file=str(tmp_path / "q.md"), extractor_factory=lambda: extractor)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(app, pilot)
        before = app.result
        assert app.open_article(str(tmp_path / "missing.txt")) is False
        assert app.open_article(str(news)) is False  # a folder
        await pilot.pause()
        assert app.result is before and app.path == SEED
        notes = [n.message for n in app._notifications]
        assert any("missing.txt" in m for m in notes)


async def test_a_late_result_of_the_previous_article_is_dropped(extractor, news, tmp_path):
    import threading
    gate = threading.Event()

    def slow():
        gate.wait(10)
        return extractor
    app = ParleyApp(SEED, quotes_file=str(tmp_path / "q.md"), extractor_factory=slow)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        app.open_article(str(news / "steel1.txt"))
        await pilot.pause()
        gate.set()
        await wait_for(pilot, lambda: app.result is not None)
        await pilot.pause(0.3)
        assert app.result.document.path == str(news / "steel1.txt")
        assert "Santos" in app.result.to_dict()["actors"][0]["name"] or any(
            "Santos" in a.name for a in app.result.actors)


# ---------------------------------------------------------------------- Library
def library_app(extractor, news, tmp_path, paths=None) -> ParleyApp:
    return ParleyApp(None, quotes_file=str(tmp_path / "notes.md"), extractor_factory=lambda: extractor,
                     library=str(tmp_path / "lib.sqlite"), library_paths=[str(news)] if paths is None else paths)


async def library_ready(app, pilot) -> LibraryScreen:
    await wait_for(pilot, lambda: isinstance(app.screen, LibraryScreen) and app.screen.loaded)
    return app.screen


def titles(screen: LibraryScreen) -> list[str]:
    table = screen.query_one("#lib-table", DataTable)
    return [str(table.get_row_at(i)[1]) for i in range(table.row_count)]


async def test_library_imports_a_folder_then_sorts_filters_and_opens(extractor, news, tmp_path):
    app = library_app(extractor, news, tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        lib = await library_ready(app, pilot)
        assert titles(lib) == ["Steel talks stall", "Steel strike looms", "Steel talks [bold]resume[/bold]"]
        table = lib.query_one("#lib-table", DataTable)
        first = table.get_row_at(0)
        assert [str(c) for c in first[3:]] == ["2", "2", "1"]  # demands, red lines, quotes
        await pilot.press("s")  # by title
        assert titles(lib)[0] == "Steel strike looms"
        await pilot.press("s")  # by demands
        assert lib.query_one("#lib-head").render().plain.count("sorted by demands") == 1
        await pilot.press("s", "s", "s")  # red lines, quotes, back to date
        assert titles(lib)[0] == "Steel talks stall"
        await pilot.press("slash")
        await pilot.press(*"looms")
        assert titles(lib) == ["Steel strike looms"]
        await pilot.press("enter", "escape")  # leaves the input, then clears the text filter
        assert len(titles(lib)) == 3
        # by actor, with the fuzzy finder
        await pilot.press("a")
        await pilot.press(*"barrow", "enter")
        await pilot.pause()
        assert titles(lib) == ["Steel strike looms"]
        await pilot.press("escape")
        assert len(titles(lib)) == 3
        # enter opens the article in the explorer; escape comes back to the Library
        table.move_cursor(row=2)
        await pilot.press("enter")
        await wait_for(pilot, lambda: app.result is not None and app.screen is app.main)
        assert "Obama" in app.text and app.path == str(news / "steel3.txt")
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is lib


async def test_library_option_reads_an_existing_library_and_an_empty_one(extractor, news, tmp_path):
    app = library_app(extractor, news, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await library_ready(app, pilot)
    app = library_app(extractor, news, tmp_path, paths=[])
    async with app.run_test(size=(80, 24)) as pilot:
        lib = await library_ready(app, pilot)
        assert len(titles(lib)) == 3
    app = ParleyApp(None, quotes_file=str(tmp_path / "n.md"), library=str(tmp_path / "none.sqlite"))
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: "no library" in str(app.screen.query_one("#lib-status").render()))
    bad = tmp_path / "bad.sqlite"
    bad.write_text("not a database", encoding="utf-8")
    app = ParleyApp(None, quotes_file=str(tmp_path / "n.md"), library=str(bad))
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: "not a Parley library" in str(app.screen.query_one("#lib-status").render()))
    assert bad.read_text(encoding="utf-8") == "not a database"


async def test_party_screen_timeline_positions_open_and_copy(extractor, news, tmp_path):
    app = library_app(extractor, news, tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await library_ready(app, pilot)
        await pilot.press("p")  # no actor filter: the finder first
        await pilot.press(*"santos", "enter")
        await wait_for(pilot, lambda: isinstance(app.screen, PartyScreen) and app.screen.report is not None)
        party = app.screen
        tl = party.views[0].timeline
        labels = [str(c.label) for c in tl.columns.values()][2:]
        assert labels[0] == "W09" and labels[-1] == "W16"  # March 1 … April 20: a column per week
        lst = party.views[0].list
        kinds = [str(lst.get_row_at(i)[0]) for i in range(lst.row_count)]
        assert kinds.count("quote") == 2 and "demand" in kinds
        pay = next(i for i, r in enumerate(party.rows) if "pay rise" in r["text"])
        assert party.rows[pay]["times"] == 2
        assert str(lst.get_row_at(pay)[5]) == "possibly dropped"
        # c copies the position as the explorer does, into the notes file
        lst.move_cursor(row=kinds.index("quote"))
        await pilot.press("c")
        notes = (tmp_path / "notes.md").read_text(encoding="utf-8")
        assert "“We will strike unless the company pays us fairly” — Maria Santos, *Steel talks stall*" in notes
        assert "## Steel talks stall" in notes
        # enter opens the latest occurrence with the item selected
        lst.move_cursor(row=pay)
        await pilot.press("enter")
        await wait_for(pilot, lambda: app.result is not None and app.selected is not None)
        assert app.path == str(news / "steel2.txt")
        pane, iid = app.selected
        it = app.item(pane, iid)
        assert pane == "demands" and "pay rise" in it.text
        await pilot.press("escape")  # back to the Library
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)


async def test_two_parties_side_by_side_share_the_timeline(extractor, news, tmp_path):
    app = library_app(extractor, news, tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await library_ready(app, pilot)
        await pilot.press("p", *"santos", "enter")
        await wait_for(pilot, lambda: isinstance(app.screen, PartyScreen) and app.screen.report is not None)
        await pilot.press("v", *"barrow", "enter")
        await wait_for(pilot, lambda: isinstance(app.screen, PartyScreen) and len(app.screen.views) == 2
                       and all(v.report is not None for v in app.screen.views))
        left, right = app.screen.views
        assert "Santos" in left.report["actor"]["name"] and "Barrow" in right.report["actor"]["name"]
        cols = [[str(c.label) for c in v.timeline.columns.values()] for v in (left, right)]
        assert cols[0] == cols[1] and cols[0][2] == "W09"
        await pilot.press("tab", "tab")  # the other side's list
        await pilot.pause()
        assert app.screen.view() is right
        await pilot.press("c")
        notes = (tmp_path / "notes.md").read_text(encoding="utf-8")
        assert "Barrow" in notes


def test_parley_with_a_missing_path_among_several_is_one_line(tmp_path):
    r = run_parley(str(tmp_path / "a.txt"), str(tmp_path / "missing.txt"))
    assert r.returncode == 2
    assert "missing.txt" in one_line(r) or "a.txt" in one_line(r)


def test_timeline_periods():
    from extract.library.views import periods
    assert periods(["2021-03-01", "2021-03-15"]) == ["2021-W09", "2021-W10", "2021-W11"]
    assert periods(["2020-11-20", None, "2021-02-28"]) == ["2020-11", "2020-12", "2021-01", "2021-02", "undated"]
    assert periods(["--03-18"]) == ["undated"]
    assert periods([]) == []


async def test_open_is_remappable_and_in_help(extractor, news, tmp_path):
    keymap = tmp_path / "keymap.toml"
    keymap.write_text('"app.open" = "ctrl+k"\n"library.sort" = "o"\n', encoding="utf-8")
    app = ParleyApp(SEED, quotes_file=str(tmp_path / "q.md"), extractor_factory=lambda: extractor,
                    keymap=str(keymap))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert not [n for n in app._notifications if "ignored" in n.message]
        rows = {bid: keys for keys, _, bid in app.help_rows()}
        assert rows["app.open"] == "ctrl+k"
        await pilot.press("ctrl+k")
        await pilot.pause()
        assert isinstance(app.screen, OpenScreen)
        await pilot.press("escape")


async def test_a_bad_file_in_an_imported_folder_is_one_notification(extractor, news, tmp_path):
    (news / "empty.txt").write_text("   \n", encoding="utf-8")
    app = library_app(extractor, news, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        lib = await library_ready(app, pilot)
        assert len(titles(lib)) == 3
        messages = [n.message for n in app._notifications]
        assert any("empty.txt" in m for m in messages)
        assert any("added 3" in m and "failed 1" in m for m in messages)


async def test_library_screen_imports_through_the_shared_engine_path(extractor, news, tmp_path, monkeypatch):
    """The screen's import is parley library add's: make_engine, here a 2-process pool, and the
    rows it stores are those of the CLI's import of the same folder."""
    import sqlite3

    from extract.library import engines, importing
    from extract.library.cli import main as library_main

    made, progress = [], []
    real_engine, real_import = engines.make_engine, importing.import_paths

    def engine_spy(name, **kw):
        made.append((name, kw["jobs"]))
        return real_engine(name, **kw)

    def import_spy(lib, paths, progress=None, **kw):
        return real_import(lib, paths, progress=lambda d, t: (progress_seen(d, t), progress(d, t)), **kw)

    def progress_seen(d, t):
        progress.append((d, t))

    monkeypatch.setattr(engines, "make_engine", engine_spy)
    monkeypatch.setattr(importing, "import_paths", import_spy)
    app = library_app(extractor, news, tmp_path)
    app.library_jobs = 2
    async with app.run_test(size=(120, 40)) as pilot:
        lib = await library_ready(app, pilot)
        assert len(titles(lib)) == 3
    assert made == [("local", 2)]
    assert progress[0] == (0, 3) and progress[-1] == (3, 3)
    cli_lib = tmp_path / "cli.sqlite"
    assert library_main(["add", str(news), "--library", str(cli_lib), "--no-cache"]) == 0

    def rows(path):
        with sqlite3.connect(path) as c:
            return {t: sorted(map(repr, c.execute(f"SELECT * FROM {t}").fetchall()))
                    for t in ("mentions", "claims", "quotes")} | {
                "articles": sorted(c.execute("SELECT id, title, date, date_source FROM articles").fetchall())}
    assert rows(tmp_path / "lib.sqlite") == rows(cli_lib)


async def test_quitting_during_an_import_stops_the_pool(extractor, news, tmp_path, monkeypatch):
    """q while the screen's import runs on a 2-process pool: the import stops after the article
    being stored, the pool is stopped, and every stored article is whole."""
    import sqlite3

    from extract.library import importing

    for i in range(40):
        (news / f"more{i:02d}.txt").write_text(f"Talks {i}\n\n" + STEEL["steel2.txt"].split("\n", 2)[2]
                                               + f"\nThe talks continued on day {i}.\n", encoding="utf-8")
    reports, real_import = [], importing.import_paths

    def import_spy(*a, **kw):
        rep = real_import(*a, **kw)
        reports.append(rep)
        return rep

    monkeypatch.setattr(importing, "import_paths", import_spy)
    # each article takes at least 0.2 s in the pool's (forked) processes, so the import is
    # still running when q is pressed however fast the machine is (43 articles, 2 processes)
    real_many = extractor.extract_many

    def slow_many(docs, *a, **kw):
        import time
        for r in real_many(docs, *a, **kw):
            time.sleep(0.2)
            yield r

    monkeypatch.setattr(extractor, "extract_many", slow_many)
    app = library_app(extractor, news, tmp_path)
    app.library_jobs = 2
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, LibraryScreen)
                       and "articles extracted" in str(app.screen.query_one("#lib-status").render()))
        await pilot.press("q")
    for _ in range(200):
        if reports:
            break
        import time
        time.sleep(0.05)
    assert reports and reports[0].cancelled
    stored = sum(reports[0].counts.values())
    assert stored < 43
    with sqlite3.connect(tmp_path / "lib.sqlite") as c:
        n = c.execute("SELECT count(*) FROM articles").fetchone()[0]
        claims = c.execute("SELECT count(DISTINCT article) FROM claims").fetchone()[0]
    assert n == stored and claims <= n
