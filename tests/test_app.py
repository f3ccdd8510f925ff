"""Pilot tests of the explorer: linking, filter, finder, copy, export, loading, hostile text."""
import threading
from pathlib import Path

import pytest
from textual.widgets import DataTable

from helpers import drawn, drawn_text, ready
from tui.app import ParleyApp
from tui.article import ArticleView

ROOT = Path(__file__).resolve().parent.parent
SEED = str(ROOT / "seeds" / "putin-energy-ceasefire.txt")


def make_app(extractor, tmp_path, path=SEED):
    return ParleyApp(path, quotes_file=str(tmp_path / "quotes.md"), extractor_factory=lambda: extractor)


def article_app(extractor, tmp_path, text: str) -> ParleyApp:
    """An app on an article the test writes."""
    path = tmp_path / "article.txt"
    path.write_text(text, encoding="utf-8")
    return make_app(extractor, tmp_path, path=str(path))


def gated_app(extractor, tmp_path) -> tuple[ParleyApp, threading.Event]:
    """An app whose extractor arrives only when the test sets the gate."""
    gate = threading.Event()

    def slow():
        gate.wait(10)
        return extractor

    return ParleyApp(SEED, quotes_file=str(tmp_path / "q.md"), extractor_factory=slow), gate


async def test_loading_state_then_filled(extractor, tmp_path):
    app, gate = gated_app(extractor, tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert app.query_one("#demands", DataTable).loading
        assert "Putin" in drawn_text(app)  # the article is shown before extraction ends
        gate.set()
        await ready(app, pilot)
        assert not app.query_one("#demands", DataTable).loading
        assert app.query_one("#demands", DataTable).row_count == len(app.result.demands)


async def test_cursor_on_a_demand_moves_the_article(extractor, tmp_path):
    app = make_app(extractor, tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        article = app.query_one("#article")
        table = app.show_pane("demands", focus=True)
        await pilot.pause()
        for _ in range(3):
            await pilot.press("down")
        await pilot.pause()
        pane, cid = app.selected
        claim = app.item(pane, cid)
        assert pane == "demands" and claim == app.result.demands[table.cursor_row]
        y0, y1 = article.line_of(claim.start), article.line_of(claim.end - 1)
        top = article.scroll_y
        assert top <= y0 and y1 < top + article.size.height  # the claim is in view
        assert article.scroll_y > 0
        status = str(app.query_one("#status").render())
        assert app.result.actor_name(claim.holder) in status and claim.cue in status


async def test_actor_filter_and_clear(extractor, tmp_path):
    app = make_app(extractor, tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        zel = next(a for a in app.result.actors if "Zelinski" in a.aliases)
        table = app.query_one("#actors", DataTable)
        table.focus()
        table.move_cursor(row=table.get_row_index(zel.id))
        await pilot.press("enter")
        await pilot.pause()
        assert app.filter_actor == zel.id
        quotes = app.query_one("#quotes", DataTable)
        assert quotes.row_count == sum(q.speaker == zel.id for q in app.result.quotes) > 0
        assert quotes.row_count < len(app.result.quotes)
        assert "Filter:" in str(app.query_one("#filter-line").render())
        await pilot.press("escape")
        await pilot.pause()
        assert app.filter_actor is None
        assert quotes.row_count == len(app.result.quotes)


async def test_finder_filters_by_alias(extractor, tmp_path):
    app = make_app(extractor, tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        await pilot.press("f")
        await pilot.pause()
        for ch in "zellinski":
            await pilot.press(ch)
        await pilot.press("enter")
        await pilot.pause()
        assert app.result.actor(app.filter_actor) is not None
        assert "Zellinski" in app.result.actor(app.filter_actor).aliases


async def test_copy_quote_to_clipboard_and_file(extractor, tmp_path):
    app = make_app(extractor, tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        table = app.show_pane("quotes", focus=True)
        await pilot.press("down")
        await pilot.pause()
        q = app.result.quotes[1]
        await pilot.press("c")
        await pilot.pause()
        from tui.notes import said
        title, path = app.result.document.title, app.result.document.path
        expected = f"“{said(q.text)}” — {app.result.actor_name(q.speaker)}, *{title}* ({path})"
        assert app.clipboard == expected
        head = f"## {title} — `{path}`"
        assert (tmp_path / "quotes.md").read_text(encoding="utf-8") == f"{head}\n\n- {expected}\n"
        await pilot.press("C")
        await pilot.pause()
        assert app.clipboard.count("\n") == len(app.result.quotes) - 1
        lines = (tmp_path / "quotes.md").read_text(encoding="utf-8").splitlines()
        assert lines[:3] == [head, "", f"- {expected}"] and len(lines) == 3 + len(app.result.quotes)
        assert lines.count(head) == 1  # the same article: one heading
        assert all(line.startswith("- “") for line in lines[3:])


async def test_show_notes_file_from_the_command_palette(extractor, tmp_path):
    app = make_app(extractor, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(app, pilot)
        await pilot.press("4", "c")
        await pilot.pause()
        await pilot.press("ctrl+p")
        await pilot.pause()
        for ch in "notes":
            await pilot.press(ch)
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause(0.3)
        from tui.screens import NotesScreen
        assert isinstance(app.screen, NotesScreen)
        shown = " ".join(str(w.render()) for w in app.screen.query("Static"))
        assert str(tmp_path / "quotes.md") in shown and app.clipboard in shown


async def test_export_never_overwrites(extractor, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    app = make_app(extractor, tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        await pilot.press("e")
        await pilot.press("e")
        await pilot.press("E")
        await pilot.pause()
    md = sorted(tmp_path.glob("parley-*.md"))
    assert [p.name for p in md] == ["parley-putin-energy-ceasefire-2.md", "parley-putin-energy-ceasefire.md"]
    assert "## Red lines" in md[0].read_text(encoding="utf-8")
    assert (tmp_path / "parley-putin-energy-ceasefire.json").exists()


async def test_markup_and_escapes_in_article_are_inert(extractor, tmp_path):
    p = tmp_path / "evil.txt"
    p.write_text("[bold]Headline[/] [@click=app.quit]click[/]\n\nRussia rejected the plan \x1b[31mred\x1b]52;c;aGk=\x07.\n",
                 encoding="utf-8")
    app = make_app(extractor, tmp_path, str(p))
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        shown = drawn_text(app)
        assert "[bold]Headline[/] [@click=app.quit]click[/]" in shown.split("\n")[0]
        await pilot.click(ArticleView, offset=(3, 1))  # on "[@click=app.quit]" as drawn
        await pilot.pause()
        assert app.is_running
        assert "\x1b" not in shown and "\u241b[31m" in shown
        assert all("@click" not in (style.meta or {}) for _, _, style in drawn(app))  # no action in any style


async def test_unreadable_file_shows_a_message(tmp_path):
    app = ParleyApp(str(tmp_path / "missing.txt"), quotes_file=str(tmp_path / "q.md"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        msg = str(app.query_one("#error").render())
        assert "no such file" in msg
        assert app.is_running


async def test_help_lists_bindings(extractor, tmp_path):
    app = make_app(extractor, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(app, pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        from tui.screens import HelpScreen
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)


def painted(app) -> dict[int, str]:
    """Article offsets painted as selected (reverse), read back from the rendered paragraphs."""
    return {pos: "reverse" for pos, _, style in drawn(app) if style is not None and style.reverse}


async def test_n_and_p_walk_the_marks_in_reading_order(extractor, tmp_path):
    app = make_app(extractor, tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        app.query_one("#article").focus()
        order = app.marked_items()
        assert len(order) >= 3 and [x[0] for x in order] == sorted(x[0] for x in order)
        seen = []
        for _ in range(3):
            await pilot.press("n")
            await pilot.pause()
            seen.append(app.selected)
        assert seen == [(pane, iid) for _, _, pane, iid in order[:3]]
        # the matching pane came to the front with its cursor on the item
        pane, iid = seen[-1]
        assert app.query_one("#side").active == pane
        table = app.query_one(f"#{pane}", DataTable)
        assert table.get_row_at(table.cursor_row) and table.coordinate_to_cell_key((table.cursor_row, 0)).row_key.value == iid
        start, end = order[2][0], order[2][1]
        assert all(k in painted(app) for k in range(start, end) if not app.text[k].isspace())  # a wrap hides a space
        await pilot.press("p")
        await pilot.pause()
        assert app.selected == seen[1]
        await pilot.press("left_square_bracket", "left_square_bracket")
        await pilot.pause()
        assert app.selected == (order[-1][2], order[-1][3])  # wraps round to the last mark


async def test_n_respects_the_actor_filter(extractor, tmp_path):
    app = make_app(extractor, tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        zel = next(a for a in app.result.actors if "Zelinski" in a.aliases)
        app.set_filter(zel.id)
        await pilot.pause()
        app.query_one("#article").focus()
        for _ in range(4):
            await pilot.press("n")
            await pilot.pause()
            it = app.item(*app.selected)
            assert (it.speaker if app.selected[0] == "quotes" else it.holder) == zel.id


async def test_search_keeps_the_other_highlights(extractor, tmp_path):
    app = make_app(extractor, tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        before = {pos: style for pos, _, style in drawn(app)}
        await pilot.press("slash")
        await pilot.pause()
        for ch in "energy":
            await pilot.press(ch)
        await pilot.press("enter")
        await pilot.pause()
        hit = app.text.lower().find("energy")
        from rich.style import Style
        want = Style.parse(app.STYLE_HIT_NOW)
        after = {pos: style for pos, _, style in drawn(app)}
        now = {pos for pos, style in after.items() if style.bgcolor == want.bgcolor}  # the current match
        assert set(range(hit, hit + 6)) <= now
        hits = {pos for pos, style in after.items()
                if style.bgcolor in (want.bgcolor, Style.parse(app.STYLE_HIT).bgcolor)}
        # the demand, red-line, quote and actor marks away from the matches are still there
        demand = Style.parse(app.marks["demand"]).bgcolor
        assert any(style.bgcolor == demand for style in before.values())
        assert all(str(after[pos]) == str(style) for pos, style in before.items() if pos not in hits)


@pytest.mark.parametrize("width,wide", [(80, False), (120, False), (200, True)])
async def test_wide_terminals_show_all_four_panes(extractor, tmp_path, width, wide):
    app = make_app(extractor, tmp_path)
    async with app.run_test(size=(width, 40 if width < 200 else 60)) as pilot:
        await ready(app, pilot)
        shown = [p for p in ("actors", "demands", "red_lines", "quotes")
                 if app.query_one(f"#{p}", DataTable).region.area > 0]
        assert shown == (["actors", "demands", "red_lines", "quotes"] if wide else ["actors"])
        assert app.query_one("#side-tabs").display is not wide
        await pilot.press("4")
        await pilot.pause()
        assert app.query_one("#quotes", DataTable).has_focus
        assert app.query_one("#quotes", DataTable).region.area > 0
        assert app.query_one("#side").active == "quotes"


def keymap_app(extractor, tmp_path, toml: str) -> ParleyApp:
    km = tmp_path / "keymap.toml"
    km.write_text(toml, encoding="utf-8")
    return ParleyApp(SEED, quotes_file=str(tmp_path / "q.md"), extractor_factory=lambda: extractor,
                     keymap=str(km))


async def test_keymap_file_remaps_by_binding_id(extractor, tmp_path):
    app = keymap_app(extractor, tmp_path, '"app.next" = "x"\n"app.copy" = "y"\n"app.nonsense" = "z"\n')
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        assert any("app.nonsense" in n.message for n in app._notifications)  # told, not crashed
        app.query_one("#article").focus()
        await pilot.press("x")
        await pilot.pause()
        first = app.marked_items()[0]
        assert app.selected == (first[2], first[3])
        await pilot.press("y")
        await pilot.pause()
        assert app.clipboard.startswith("Vladimir F. Putin — demand: ")  # the first mark is a demand


async def test_broken_keymap_file_keeps_the_default_keys(extractor, tmp_path):
    app = keymap_app(extractor, tmp_path, "this is = not [toml")
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        assert any("cannot read the keymap" in n.message for n in app._notifications)
        app.query_one("#article").focus()
        await pilot.press("n")
        await pilot.pause()
        assert app.selected is not None


class GatedPartials:
    """A real extractor that reports partial results at once and then waits for the test."""

    def __init__(self, extractor):
        self.inner, self.model_name = extractor, extractor.model_name
        self.gate, self.partials = threading.Event(), 0

    def extract(self, text, path="-", progress=None, partial=None, partial_after=None):
        def hold(r):
            if self.partials or not r.quotes:
                return  # only the first partial with quotes in it is shown, and held
            self.partials += 1
            partial(r)
            self.gate.wait(20)
        return self.inner.extract(text, path, progress=progress, partial=hold, partial_after=0)


async def test_long_article_panes_fill_before_the_end(extractor, tmp_path):
    texts = [SEED] + sorted(str(p) for p in (ROOT.parent / "shared" / "eval" / "corpus").glob("*.txt"))
    body = "\n\n".join(Path(p).read_text(encoding="utf-8") for p in texts)
    doc = tmp_path / "long.txt"
    doc.write_text(body * 2, encoding="utf-8")
    gated = GatedPartials(extractor)
    app = ParleyApp(str(doc), quotes_file=str(tmp_path / "q.md"), extractor_factory=lambda: gated)
    async with app.run_test(size=(120, 40)) as pilot:
        try:
            await _partial_then_final(app, pilot, gated)
        finally:
            gated.gate.set()


async def _partial_then_final(app, pilot, gated):
    for _ in range(300):
        if app.result is not None:
            break
        await pilot.pause(0.05)
    partial = app.result
    assert partial is not None and not app.final and gated.partials == 1
    assert partial.document.length < len(app.text)
    assert app.query_one("#quotes", DataTable).row_count == len(partial.quotes) > 0
    assert "Found so far" in str(app.query_one("#status").render())
    table = app.show_pane("quotes", focus=True)
    await pilot.press("down")
    await pilot.pause()
    chosen = app.selected
    gated.gate.set()
    await ready(app, pilot)
    for _ in range(300):
        if app.final:
            break
        await pilot.pause(0.05)
    assert app.final and app.result.document.length == len(app.text)
    assert len(app.result.quotes) > len(partial.quotes)
    assert app.selected == chosen  # the cursor stayed on the quote being read
    assert table.coordinate_to_cell_key((table.cursor_row, 0)).row_key.value == chosen[1]


@pytest.mark.parametrize("key", ["question_mark", "slash"])
async def test_extraction_finishing_under_a_modal_fills_the_panes(extractor, tmp_path, key):
    """Help or search open when the worker reports: the panes behind still fill."""
    app, gate = gated_app(extractor, tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press(key)
        await pilot.pause()
        modal = app.screen
        assert modal is not app.main
        gate.set()
        await ready(app, pilot)
        await pilot.pause(0.2)
        assert app.is_running and app.screen is modal
        await pilot.press("escape")
        await pilot.pause()
        assert app.main.query_one("#demands", DataTable).row_count == len(app.result.demands) > 0


def test_display_lines_cover_the_article_with_exact_offsets():
    from tui.article import BLANK, TITLE, layout, paragraphs, wrap
    text = ("Title line\n\nShort one.\n\n\nShort two.\nSingle-newline paragraph.\n\n" + "word " * 900 +
            "\n\n\n" + "x" * 9000 + "\n\nWide 中文字符 and e\u0301 end.\n\nLast.")
    assert [text[a:b] for a, b in paragraphs(text)][:4] == ["Title line", "Short one.", "Short two.",
                                                           "Single-newline paragraph."]
    starts, ends, kinds = layout(text, 40)
    assert kinds[0] == TITLE and text[starts[0]:ends[0]] == "Title line" and kinds[1] == BLANK
    assert starts == sorted(starts)  # bisect finds the line of any offset
    lines = [text[a:b] for a, b, k in zip(starts, ends, kinds) if k != BLANK]
    assert lines[1:4] == ["Short one.", "Short two.", "Single-newline paragraph."]  # one blank line between
    from rich.cells import cell_len
    assert all(cell_len(line) <= 40 for line in lines)
    assert all(not line.startswith(" ") and not line.endswith(" ") for line in lines)
    covered = set()
    for a, b, k in zip(starts, ends, kinds):
        covered.update(range(a, b))
    assert all(i in covered for i, ch in enumerate(text) if not ch.isspace())  # every character shown
    assert sum(1 for line in lines if set(line) == {"x"}) == 9000 // 40  # a long word is cut into full lines
    wide = next(line for line in lines if "中" in line)
    assert cell_len(wide) <= 40
    assert wrap("ab cd", 0, 5, 2) == [(0, 2), (3, 5)]
    assert wrap("中文字", 0, 3, 4) == [(0, 2), (2, 3)]  # two cells a character


async def test_h_hides_weak_items_and_never_leaves_one_in_the_status(extractor, tmp_path):
    """An unattributed quote (confidence 0): h hides it, the filter line says so, a status
    showing it is cleared, and h again brings it back."""
    app = article_app(extractor, tmp_path, "Strike rally\n\n“Stand Up”\n\n“We want a fair contract,” union "
                      "president Shawn Fain said on Monday.\n")
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        quotes = app.query_one("#quotes", DataTable)
        weak = [q for q in app.result.quotes if q.confidence < app.WEAK_BELOW]
        assert weak, "the fixture needs a weak quote"
        before = quotes.row_count
        app._select("quotes", weak[0].id)
        status = app.query_one("#status")
        assert "found by: none, 0.00" in str(status.render())
        await pilot.press("h")
        await pilot.pause()
        assert quotes.row_count == before - len(weak)
        assert "Hiding items below 0.60 confidence" in str(app.query_one("#filter-line").render())
        assert app.selected is None and "weak items hidden" in str(status.render())
        await pilot.press("h")
        await pilot.pause()
        assert quotes.row_count == before and not app.query_one("#filter-line").display


async def test_status_names_every_holder_and_how_the_item_was_found(extractor, tmp_path):
    app = article_app(extractor, tmp_path, "Teachers strike\n\nBoth the Social Democrats and the Liberal Party "
                      "rejected the proposal on Tuesday.\n")
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        (c,) = app.result.red_lines
        assert len(c.holders) == 2
        app._select("red_lines", c.id)
        shown = str(app.query_one("#status").render())
        assert " & " in shown and "found by: agentive, 0.80" in shown
        row = app.query_one("#red_lines", DataTable).get_row_at(0)
        assert " & " in str(row[0])


def _screen_offset(view: ArticleView, pos: int) -> tuple[int, int]:
    """Where article offset ``pos`` is drawn, relative to the view's top-left corner (its
    border included), after scrolling its line into view."""
    from rich.cells import cell_len
    y = view.line_of(pos)
    if not view.scroll_y <= y < view.scroll_y + view.scrollable_content_region.height:
        view.scroll_to(y=max(0, y - 3), animate=False, immediate=True)
    x = cell_len(view.shown[view.starts[y]:pos])
    return view.gutter.left + x, view.gutter.top + y - int(view.scroll_y)


async def test_clicking_a_marked_span_selects_its_item(extractor, tmp_path):
    """A click on a red line, a demand or a quote in the article brings its pane forward
    with the cursor on its row; the status line, the detail panel and the mark follow."""
    app = make_app(extractor, tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        view = app.query_one(ArticleView)
        r = app.result
        spans = [(it.start, it.end) for it in (*r.demands, *r.red_lines, *r.quotes)]
        for pane, items in (("red_lines", r.red_lines), ("demands", r.demands), ("quotes", r.quotes)):
            # an item with a word no other item covers: the click can mean only it
            it, pos = next((it, k) for it in items for k in range(it.start, it.end)
                           if not app.text[k].isspace() and sum(a <= k < b for a, b in spans) == 1)
            await pilot.click(ArticleView, offset=_screen_offset(view, pos))
            await pilot.pause()
            assert app.selected == (pane, it.id)
            assert app.query_one("#side").active == pane
            table = app.query_one(f"#{pane}", DataTable)
            assert app.focused is table
            assert table.coordinate_to_cell_key((table.cursor_row, 0)).row_key.value == it.id
            assert (it.cue or "—") in str(app.query_one("#status").render())
            detail = app.query_one("#detail-body").render()
            assert " ".join(it.text.split()[:3]) in " ".join(str(detail).split())
            reverse = {p for p, _, style in drawn(app) if style is not None and style.reverse}
            assert {k for k in range(it.start, it.end) if not app.text[k].isspace()} <= reverse


async def test_clicking_plain_text_changes_nothing(extractor, tmp_path):
    app = make_app(extractor, tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        await pilot.press("2", "down")
        await pilot.pause()
        before = app.selected
        rows = {p: app.query_one(f"#{p}", DataTable).row_count for p in ("actors", "demands", "red_lines", "quotes")}
        view = app.query_one(ArticleView)
        r = app.result
        marked = [(m.start, m.end) for a in r.actors for m in a.mentions]
        marked += [(it.start, it.end) for it in (*r.demands, *r.red_lines, *r.quotes)]
        pos = next(k for k in range(len(app.text)) if app.text[k].isalpha()
                   and not any(a <= k < b for a, b in marked))
        assert app.item_at(pos) is None
        await pilot.click(ArticleView, offset=_screen_offset(view, pos))
        await pilot.pause()
        await pilot.click(ArticleView, offset=(0, 0))  # the border
        await pilot.pause()
        assert app.is_running and app.selected == before
        assert app.query_one("#side").active == "demands"
        assert {p: app.query_one(f"#{p}", DataTable).row_count for p in rows} == rows


async def test_mouse_selection_in_the_article_copies_the_lines_shown(extractor, tmp_path):
    """Textual's text selection (a mouse drag) still works on the Line-API view."""
    from textual.geometry import Offset
    from textual.selection import Selection
    app = make_app(extractor, tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        view = app.query_one(ArticleView)
        from tui.article import TEXT
        y = next(k for k in range(len(view.kinds) - 1) if view.kinds[k] == view.kinds[k + 1] == TEXT)
        line = app.text[view.starts[y]:view.ends[y]]
        app.screen.selections = {view: Selection(Offset(4, y), Offset(4, y + 1))}
        await pilot.pause()
        assert app.screen.get_selected_text() == line[4:] + "\n" + app.text[view.starts[y + 1]:view.starts[y + 1] + 4]
        chosen = app.screen.get_component_rich_style("screen--selection")
        shown = [st for pos, _, st in drawn(app, range(y, y + 1)) if pos >= view.starts[y] + 4]
        assert shown and all(st.bgcolor == chosen.bgcolor for st in shown)


async def test_the_palette_lists_parleys_commands_when_it_opens(extractor, tmp_path):
    """Before anything is typed: open, filter by…, side filter, copy, export, notes file, theme."""
    from textual.command import CommandList

    app = make_app(extractor, tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        await pilot.press("ctrl+p")
        for _ in range(20):
            await pilot.pause(0.1)
            listed = app.screen.query_one(CommandList)
            prompts = [str(listed.get_option_at_index(i).prompt) for i in range(listed.option_count)]
            if any(p.startswith("Filter by: ") for p in prompts):
                break
        text = "\n".join(prompts)
        for label in ("Open article…", "Filter by: Vladimir", "Toggle side filter", "Copy highlighted",
                      "Export view as Markdown", "Show notes file", "Theme"):
            assert label in text, label
        await pilot.press("escape")
        await pilot.pause()
        # The side filter from the palette without an actor filter: says what to do first.
        app.action_toggle_side()
        await pilot.pause()
        assert not app.filter_side


async def test_notes_carry_the_date_the_article_gives(extractor, tmp_path):
    """A dateline at the top dates the heading and every copy; an undated article has none."""
    text = ("Steel talks stall\n\nPITTSBURGH, March 18, 2025 (Reuters) - The union demanded that the company "
            "restore the pension plan. “We will not back down,” union president Shawn Fain said.\n")
    app = article_app(extractor, tmp_path, text)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        await pilot.press("4", "c", "2", "c")
        await pilot.pause()
        notes = (tmp_path / "quotes.md").read_text(encoding="utf-8").splitlines()
    path = str(tmp_path / "article.txt")
    assert notes[0] == f"## Steel talks stall — `{path}` — 2025-03-18"
    assert notes[2] == f"- “We will not back down” — Shawn Fain, *Steel talks stall* ({path}), 2025-03-18"
    assert notes[3].startswith("- ") and "— demand: " in notes[3]
    assert notes[4].endswith(f"” — *Steel talks stall* ({path}), 2025-03-18")
    assert notes.count(notes[0]) == 1


async def test_the_workers_progress_and_cache_warnings_reach_the_screen(extractor, tmp_path):
    """Progress shows in the bar (a late message of a previous article's worker does not);
    a cache warning from the worker thread is a notification."""
    from textual.widgets import ProgressBar

    from tui.messages import ExtractProgress

    app = make_app(extractor, tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        bar = app.query_one("#progress", ProgressBar)
        assert not bar.display
        old = ExtractProgress(9, 10)
        old.generation = app.generation - 1
        app.post_message(old)
        await pilot.pause()
        assert not bar.display
        now = ExtractProgress(5, 10)
        now.generation = app.generation
        app.post_message(now)
        await pilot.pause()
        assert bar.display and (bar.progress, bar.total) == (5, 10)
        threading.Thread(target=app.cache_warning, args=("cache [bold]full[/]",)).start()
        for _ in range(20):
            await pilot.pause(0.05)
            if app._notifications:
                break
        assert any("cache [bold]full[/]" in str(n.message) for n in app._notifications)
