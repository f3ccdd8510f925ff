"""Mark colours follow the theme with contrast ≥ 4.5:1; the chosen theme is kept (item 8)."""
from pathlib import Path

import pytest
from rich.style import Style
from textual.color import Color
from textual.theme import BUILTIN_THEMES

from helpers import ready
from tui.app import ParleyApp
from tui.styles import MIN_CONTRAST, contrast, mark_styles, page_colours

SEED = str(Path(__file__).resolve().parent.parent / "seeds" / "putin-energy-ceasefire.txt")


def rgb(c) -> Color:
    t = c.get_truecolor()
    return Color(t.red, t.green, t.blue)


@pytest.mark.parametrize("name", sorted(BUILTIN_THEMES))
def test_every_coloured_mark_is_readable_in_every_builtin_theme(name):
    theme = BUILTIN_THEMES[name]
    page, _ = page_colours(theme)
    styles = mark_styles(theme)
    for key in ("demand", "red_line", "hit", "hit_now"):  # text on a tinted background
        st = Style.parse(styles[key])
        assert st.color is not None and st.bgcolor is not None, (name, key)
        assert contrast(rgb(st.color), rgb(st.bgcolor)) >= MIN_CONTRAST, (name, key, styles[key])
    for key in ("quote", "filter_actor"):  # coloured text on the article's background
        st = Style.parse(styles[key])
        assert contrast(rgb(st.color), page) >= MIN_CONTRAST, (name, key, styles[key])
    assert styles["demand"] != styles["red_line"]


async def test_the_chosen_theme_is_kept_for_the_next_start(extractor, tmp_path, monkeypatch):
    monkeypatch.setenv("PARLEY_CONFIG_DIR", str(tmp_path / "config"))
    app = ParleyApp(SEED, quotes_file=str(tmp_path / "n.md"), extractor_factory=lambda: extractor)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(app, pilot)
        app.theme = "nord"
        config = tmp_path / "config" / "config.toml"
        for _ in range(100):  # the theme-changed signal is delivered on a later turn of the loop
            await pilot.pause(0.05)
            if app.marks == mark_styles(BUILTIN_THEMES["nord"]) and config.exists():
                break
        assert app.marks == mark_styles(BUILTIN_THEMES["nord"])
        view = app.query_one("#article")
        assert any(m.style == app.marks["demand"] for m in view.marks)  # repainted
    assert config.read_text(encoding="utf-8") == 'theme = "nord"\n'
    again = ParleyApp(SEED, quotes_file=str(tmp_path / "n.md"), extractor_factory=lambda: extractor)
    async with again.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert again.theme == "nord"


async def test_a_broken_config_file_keeps_the_default_theme(extractor, tmp_path, monkeypatch):
    monkeypatch.setenv("PARLEY_CONFIG_DIR", str(tmp_path))
    (tmp_path / "config.toml").write_text("theme = [not toml", encoding="utf-8")
    app = ParleyApp(SEED, quotes_file=str(tmp_path / "n.md"), extractor_factory=lambda: extractor)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.theme == "textual-dark" and app.is_running
