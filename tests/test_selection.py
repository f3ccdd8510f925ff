"""Pilot tests: the selection is always the row the user sees (issue 11, item 2)."""
from pathlib import Path

from textual.widgets import DataTable

from helpers import drawn, ready
from tui.app import ParleyApp

SEED = str(Path(__file__).resolve().parent.parent / "seeds" / "putin-energy-ceasefire.txt")


def make_app(extractor, tmp_path):
    return ParleyApp(SEED, quotes_file=str(tmp_path / "notes.md"), extractor_factory=lambda: extractor)


def status(app) -> str:
    return str(app.query_one("#status").render())


def selected_offsets(app) -> set[int]:
    return {pos for pos, _, style in drawn(app) if style is not None and style.reverse}


def ink(app, start: int, end: int) -> set[int]:
    """The offsets in [start, end) that show a character (a space a wrap swallowed shows none)."""
    return {k for k in range(start, end) if not app.text[k].isspace()}


async def test_switching_panes_selects_the_row_under_the_cursor(extractor, tmp_path):
    app = make_app(extractor, tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        await pilot.press("4", "down")
        await pilot.pause()
        q = app.result.quotes[1]
        assert app.selected == ("quotes", q.id)
        await pilot.press("3")
        await pilot.pause()
        red = app.result.red_lines[0]
        assert app.selected == ("red_lines", red.id)
        assert red.cue in status(app) and q.text[:30] not in status(app)
        assert ink(app, red.start, red.end) <= selected_offsets(app)
        assert not set(range(q.start, q.end)) & selected_offsets(app)
        await pilot.press("4")  # back: the quotes cursor is still on the second quote
        await pilot.pause()
        assert app.selected == ("quotes", q.id)


async def test_j_and_k_move_in_every_pane(extractor, tmp_path):
    app = make_app(extractor, tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        for key, pane in (("1", "actors"), ("2", "demands"), ("3", "red_lines"), ("4", "quotes")):
            await pilot.press(key, "j", "j", "k")
            await pilot.pause()
            table = app.query_one(f"#{pane}", DataTable)
            assert table.row_count >= 2, pane
            assert table.cursor_row == 1, pane
            assert app.selected[0] == pane and app.selected[1] == app.cursor_item(pane)
        article = app.query_one("#article")
        article.focus()
        article.scroll_home(animate=False)
        await pilot.pause()
        await pilot.press("j", "j", "j")
        await pilot.pause()
        assert article.scroll_y == 3


async def test_tab_reaches_every_pane_in_the_tabbed_layout(extractor, tmp_path):
    app = make_app(extractor, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(app, pilot)
        app.query_one("#article").focus()
        seen = []
        for _ in range(5):
            await pilot.press("tab")
            await pilot.pause()
            seen.append(app.focused.id)
            if app.focused.id != "article":
                assert app.query_one(f"#{app.focused.id}", DataTable).region.area > 0  # in front
        assert seen == ["actors", "demands", "red_lines", "quotes", "article"]
        await pilot.press("shift+tab")
        await pilot.pause()
        assert app.focused.id == "quotes" and app.selected[0] == "quotes"


async def test_copy_on_an_empty_pane_copies_nothing_and_says_why(extractor, tmp_path):
    app = make_app(extractor, tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        await pilot.press("4")
        await pilot.press("c")
        await pilot.pause()
        first = app.clipboard
        assert first.startswith("“")
        quiet = next(a for a in app.result.actors
                     if not any(a.id in (c.holder, *c.holders) for c in app.result.red_lines))
        app.set_filter(quiet.id)
        await pilot.pause()
        await pilot.press("3")
        await pilot.pause()
        assert app.selected is None
        app.clear_notifications()
        await pilot.press("c")
        await pilot.pause()
        assert app.clipboard == first  # never the previous item again
        msgs = [n.message for n in app._notifications]
        assert any(f"no red lines for {quiet.name}" in m for m in msgs), msgs
        assert f"No red lines for {quiet.name}" in status(app)


async def test_status_follows_the_selection_after_a_filter_change(extractor, tmp_path):
    app = make_app(extractor, tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        speakers = [q.speaker for q in app.result.quotes]
        first, other = speakers[0], next(s for s in speakers if s and s != speakers[0])
        await pilot.press("4")
        await pilot.pause()
        assert app.selected == ("quotes", app.result.quotes[0].id)
        app.set_filter(other)
        await pilot.pause()
        q = next(q for q in app.result.quotes if q.speaker == other)
        assert app.selected == ("quotes", q.id)
        assert app.result.actor_name(other) in status(app)
        assert app.result.actor_name(first) not in status(app).split(" · ")[0]
        assert ink(app, q.start, q.end) <= selected_offsets(app)


async def test_keys_typed_fast_reach_the_pane_just_chosen(extractor, tmp_path):
    """4 j c, 2 j c with no pause: each copy is the second row of the pane just chosen."""
    from tui.notes import format_item
    app = make_app(extractor, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(app, pilot)
        await pilot.press("4", "j", "c")
        await pilot.pause()
        assert app.clipboard == format_item(app.result, app.result.quotes[1], app.text)
        await pilot.press("2", "j", "c")
        await pilot.pause()
        assert app.clipboard == format_item(app.result, app.result.demands[1], app.text)
        assert app.selected == ("demands", app.result.demands[1].id)


async def test_s_widens_the_filter_to_the_actors_side(extractor, tmp_path):
    from extract.sides import side_members
    app = make_app(extractor, tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        putin = next(a for a in app.result.actors if "Putin" in a.aliases)
        side = side_members(app.result, putin.id)
        names = [app.result.actor_name(i) for i in side]
        assert "Kremlin" in names and "Russia" in names  # the engine's affiliations
        app.set_filter(putin.id)
        await pilot.pause()
        alone = app.query_one("#red_lines", DataTable).row_count
        await pilot.press("s")
        await pilot.pause()
        line = str(app.query_one("#filter-line").render())
        assert f"{putin.name}'s side — " + ", ".join(names) in line
        held = [c for c in app.result.red_lines if set(side) & {c.holder, *c.holders}]
        assert app.query_one("#red_lines", DataTable).row_count == len(held) > alone  # the Kremlin's too
        assert {q.speaker for q in app.visible_items("quotes")} <= set(side)
        await pilot.press("s")
        await pilot.pause()
        assert app.query_one("#red_lines", DataTable).row_count == alone
        assert "s: their side" in str(app.query_one("#filter-line").render())
        await pilot.press("escape")
        await pilot.pause()
        assert app.filter_actor is None and not app.filter_side


async def test_clicking_a_tab_enters_its_pane(extractor, tmp_path):
    app = make_app(extractor, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(app, pilot)
        await pilot.click("#tab-red_lines")
        await pilot.pause()
        assert app.focused.id == "red_lines"
        assert app.selected == ("red_lines", app.result.red_lines[0].id)
        assert app.result.red_lines[0].cue in status(app)
