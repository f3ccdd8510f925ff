"""Search: case- and accent-insensitive, exact offsets (issue 11, item 6)."""
from pathlib import Path

from helpers import ready
from tui.app import ParleyApp
from tui.search import Folded, fold

SEED = str(Path(__file__).resolve().parent.parent / "seeds" / "putin-energy-ceasefire.txt")


def test_fold_ignores_case_and_accents():
    assert fold("Zelénskyy") == "zelenskyy" and fold("ZELENSKY") == "zelensky"
    assert fold("Straße") == "strasse"


def test_matches_map_back_to_exact_offsets():
    text = "Ángel met Zelénskyy.\nThen ZELENSKYY and zelenskyy, and Zele\u0301nskyy (decomposed) — Straße."
    f = Folded(text)
    hits = f.find_all("zelenskyy")
    assert [text[a:b] for a, b in hits] == ["Zelénskyy", "ZELENSKYY", "zelenskyy", "Zele\u0301nskyy"]
    assert [text[a:b] for a, b in f.find_all("angel")] == ["Ángel"]
    assert [text[a:b] for a, b in f.find_all("strasse")] == ["Straße"]
    assert f.find_all("   ") == [] and f.find_all("absent") == []


def test_ascii_text_needs_no_map():
    f = Folded("Energy, energy, ENERGY")
    assert f.origin is None and f.find_all("energy") == [(0, 6), (8, 14), (16, 22)]


def search_marks(app) -> list[tuple[int, int, str]]:
    view = app.query_one("#article")
    return sorted((m.start, m.end, m.style) for m in view.marks if m.style in (app.STYLE_HIT, app.STYLE_HIT_NOW))


async def test_search_highlights_every_match_counts_and_walks_with_n(extractor, tmp_path):
    app = ParleyApp(SEED, quotes_file=str(tmp_path / "n.md"), extractor_factory=lambda: extractor)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        expected = Folded(app.text).find_all("ukraine")
        assert len(expected) > 3
        await pilot.press("slash", *"UKRAINE", "enter")
        await pilot.pause()
        marks = search_marks(app)
        assert [(a, b) for a, b, _ in marks] == expected  # every match, exact spans
        assert [s for *_, s in marks].count(app.STYLE_HIT_NOW) == 1
        line = str(app.query_one("#filter-line").render())
        assert f"1/{len(expected)}" in line and "UKRAINE" in line
        await pilot.press("n", "n")
        await pilot.pause()
        assert app.search_index == 2 and f"3/{len(expected)}" in str(app.query_one("#filter-line").render())
        now = [(a, b) for a, b, s in search_marks(app) if s == app.STYLE_HIT_NOW]
        assert now == [expected[2]]
        await pilot.press("N")
        await pilot.pause()
        assert app.search_index == 1
        await pilot.press("N", "N")
        await pilot.pause()
        assert app.search_index == len(expected) - 1  # wraps round
        await pilot.press("escape")
        await pilot.pause()
        assert search_marks(app) == [] and not app.search_hits
        await pilot.press("slash")
        await pilot.pause()
        assert app.screen.query_one("#search-input").value == "UKRAINE"  # remembered
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("n")  # no search: n walks the marked items again
        await pilot.pause()
        assert app.selected is not None and app.selected[0] != "actors"
