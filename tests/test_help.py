"""Help screen and footer (issue 11, item 4)."""
from pathlib import Path

from helpers import ready
from tui.app import ParleyApp
from tui.screens import HelpScreen, key_display

SEED = str(Path(__file__).resolve().parent.parent / "seeds" / "putin-energy-ceasefire.txt")


def test_keys_are_shown_as_people_write_them():
    assert key_display("n,right_square_bracket") == "n / ]"
    assert key_display("question_mark,f1") == "? / f1"
    assert key_display("slash") == "/"
    assert key_display("ctrl+p") == "ctrl+p"
    assert key_display("p,left_square_bracket,N") == "p / [ / N"
    assert key_display("escape") == "escape"


async def test_help_fits_at_80x24_scrolls_and_lists_every_binding_once(extractor, tmp_path):
    app = ParleyApp(SEED, quotes_file=str(tmp_path / "notes.md"), extractor_factory=lambda: extractor)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(app, pilot)
        rows = app.help_rows()
        ids = [i for _, _, i in rows if i]
        assert set(ids) >= {b.id for b in app.BINDINGS} and len(ids) == len(set(ids))
        assert ("n / ]", app.HELP["app.next"], "app.next") in rows
        assert not any("square_bracket" in k or "question_mark" in k for k, _, _ in rows)
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        box = app.screen.query_one("#help").region
        assert box.x >= 0 and box.y >= 0 and box.right <= 80 and box.bottom <= 24
        scroller = app.screen.query_one("#help-keys")
        assert scroller.max_scroll_y > 0  # more rows than fit: it scrolls
        await pilot.press("j", "j", "j")
        await pilot.pause()
        assert scroller.scroll_y == 3
        foot = str(app.screen.query_one("#help-foot").render())
        assert str(tmp_path / "notes.md") in foot


async def test_footer_keeps_the_most_used_keys_at_80_columns(extractor, tmp_path):
    app = ParleyApp(SEED, quotes_file=str(tmp_path / "notes.md"), extractor_factory=lambda: extractor)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(app, pilot)
        from textual.widgets import Footer
        from textual.widgets._footer import FooterKey
        footer = app.query_one(Footer)
        keys = {k.key_display for k in footer.query(FooterKey) if k.region.right <= 80 and k.region.area}
        assert {"q", "?", "f", "/", "n", "c", "d"} <= keys, keys
