"""The detail view, pane columns, empty panes and markup-safe text (issue 11, item 3)."""
from pathlib import Path

import pytest
from textual.widgets import DataTable

from helpers import ready
from tui.app import ParleyApp
from tui.detail import MARK_STYLE, describe
from tui.panes import HEADERS, column_widths

SEED = str(Path(__file__).resolve().parent.parent / "seeds" / "putin-energy-ceasefire.txt")


def article_app(extractor, tmp_path, text: str) -> ParleyApp:
    path = tmp_path / "article.txt"
    path.write_text(text, encoding="utf-8")
    return ParleyApp(str(path), quotes_file=str(tmp_path / "notes.md"), extractor_factory=lambda: extractor)


def rendered(widget) -> str:
    r = widget.render()
    return getattr(r, "plain", None) or str(r)


def test_detail_of_a_claim_says_everything_and_marks_its_words(run):
    text = ("Talks\n\nThe union demanded that the company restore the pension plan, "
            "a spokesman said on Monday.\n")
    r = run(text)
    (c,) = r.demands
    t = describe(r, text, c)
    sentence = text[c.sentence_start:c.sentence_end]
    for part in ("Demand", f"Holder: {r.actor_name(c.holder)}", f"Cue: {c.cue}",
                 f"{c.frame} (frame), confidence {c.confidence:.2f}", sentence):
        assert part in t.plain, part
    start = t.plain.index(sentence) + (c.start - c.sentence_start)
    marked = [s for s in t.spans if s.style == MARK_STYLE]
    assert [(s.start, s.end) for s in marked] == [(start, start + len(c.text))]


def test_detail_of_a_quote_names_speaker_and_attribution_stage(run):
    text = "Strike\n\n“We want a fair contract,” union president Shawn Fain said on Monday.\n"
    r = run(text)
    (q,) = r.quotes
    t = describe(r, text, q).plain
    assert t.startswith("Quote") and "Speaker: Shawn Fain" in t and f"{q.how} (attribution)" in t
    assert "“We want a fair contract,” union president Shawn Fain said on Monday." in t


@pytest.mark.parametrize("pane", list(HEADERS))
def test_columns_fill_the_pane_and_never_cut_a_header(pane):
    for width in range(36, 130):  # the side column is at least 36 wide
        widths = column_widths(pane, width)
        assert len(widths) >= 2
        assert all(w >= len(h) for w, h in zip(widths, HEADERS[pane])), (width, widths)
        used = sum(widths) + 2 * len(widths) + 2  # padding and the scrollbar
        assert width - 1 <= used <= width, (width, widths)


async def test_empty_panes_say_so(extractor, tmp_path):
    app = article_app(extractor, tmp_path, "Talks\n\nThe union demanded a raise on Monday, Shawn Fain said.\n")
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        assert not app.result.quotes
        await pilot.press("4")
        await pilot.pause()
        note = app.query_one("#empty-quotes")
        assert note.display and rendered(note) == "No quotes found."
        assert "No quotes found." in rendered(app.query_one("#detail-body"))
        holder = app.result.demands[0].holder
        app.set_filter(holder)
        await pilot.press("3")
        await pilot.pause()
        assert rendered(app.query_one("#empty-red_lines")) == f"No red lines for {app.result.actor_name(holder)}."
        assert not app.query_one("#empty-demands").display


async def test_d_toggles_the_detail_view(extractor, tmp_path):
    app = ParleyApp(SEED, quotes_file=str(tmp_path / "notes.md"), extractor_factory=lambda: extractor)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(app, pilot)
        await pilot.press("3")
        await pilot.pause()
        red = app.result.red_lines[0]
        assert "Red line" in rendered(app.query_one("#detail-body"))
        assert app.query_one("#detail").region.area > 0
        await pilot.press("d")
        await pilot.pause()
        assert not app.query_one("#detail").display
        tall = app.query_one("#red_lines", DataTable).region.height
        await pilot.press("d")
        await pilot.pause()
        assert app.query_one("#detail").display
        assert app.query_one("#red_lines", DataTable).region.height < tall
        assert red.cue in rendered(app.query_one("#detail-body"))


async def test_article_markup_is_shown_as_text_everywhere(extractor, tmp_path):
    text = ("[bold]Talks[/] stall\n\n“We reject [bold]every[/] plan [/],” President Vladimir Putin said on Monday. "
            "The union [red]Local 12[/red] demanded that the company restore [i]the pension[/] plan.\n")
    app = article_app(extractor, tmp_path, text)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        await pilot.press("4")
        await pilot.pause()
        assert "“We reject [bold]every[/] plan [/],”" in rendered(app.query_one("#detail-body"))
        row = app.query_one("#quotes", DataTable).get_row_at(0)
        assert str(row[1]).startswith("We reject [bold]every")
        await pilot.press("2")
        await pilot.pause()
        assert "restore [i]the pension[/] plan" in rendered(app.query_one("#detail-body"))
        app.set_filter(app.result.quotes[0].speaker)  # notification with a name: never parsed
        await pilot.press("ctrl+p")
        await pilot.pause()
        for ch in "Filter by":
            await pilot.press(ch)
        await pilot.pause(0.3)
        await pilot.press("escape")
        await pilot.pause()
        assert app.is_running


async def test_J_and_K_scroll_a_long_detail_at_80x24(extractor, tmp_path):
    app = ParleyApp(SEED, quotes_file=str(tmp_path / "notes.md"), extractor_factory=lambda: extractor)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(app, pilot)
        await pilot.press("3")  # the first red line's sentence is long
        await pilot.pause()
        detail = app.query_one("#detail")
        assert detail.max_scroll_y > 0
        await pilot.press("J", "J")
        await pilot.pause()
        assert detail.scroll_y == 2
        await pilot.press("K")
        await pilot.pause()
        assert detail.scroll_y == 1


async def test_columns_follow_the_terminal_when_it_is_resized(extractor, tmp_path):
    """Columns are sized from the pane's width as it is after a resize, not before it:
    80x24 → 120x40 → 200x60 → 80x24 each ends with the widths a fresh start at that size has."""
    def widths(app) -> dict:
        return {p: tuple(c.width for c in app.query_one(f"#{p}", DataTable).columns.values()) for p in HEADERS}

    fresh = {}
    for size in ((80, 24), (120, 40), (200, 60)):
        app = ParleyApp(SEED, quotes_file=str(tmp_path / "notes.md"), extractor_factory=lambda: extractor)
        async with app.run_test(size=size) as pilot:
            await ready(app, pilot)
            fresh[size] = widths(app)
            pane = app.query_one("#side").pane_width()
            assert fresh[size]["demands"] == column_widths("demands", pane), size
    assert len({str(w) for w in fresh.values()}) == 3  # the three sizes give three layouts

    app = ParleyApp(SEED, quotes_file=str(tmp_path / "notes.md"), extractor_factory=lambda: extractor)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(app, pilot)
        for size in ((120, 40), (200, 60), (80, 24), (120, 40)):
            await pilot.resize_terminal(*size)
            await pilot.pause()
            await pilot.pause()
            assert widths(app) == fresh[size], size
        for size in ((159, 40), (160, 40), (159, 40), (161, 40)):  # the grid on and off
            await pilot.resize_terminal(*size)
            await pilot.pause()
            await pilot.pause()
            pane = app.query_one("#side").pane_width()
            assert widths(app)["quotes"] == column_widths("quotes", pane), size
        await pilot.resize_terminal(120, 40)
        await pilot.pause()
        await pilot.pause()
        row = app.query_one("#demands", DataTable).get_row_at(0)
        assert len(str(row[1])) <= fresh[(120, 40)]["demands"][1]  # the rows were cut to the new width
