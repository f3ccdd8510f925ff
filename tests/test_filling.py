"""The side panes fill in chunks and by difference (tui/filling.py): every row arrives, in
order, the cursor stays on its item, an unchanged refill adds nothing, and n/p reach rows
not added yet. Chunk sizes are shrunk so the seed article's few rows take several ticks."""
from pathlib import Path

from textual.widgets import DataTable

import tui.filling as filling
from helpers import ready
from tui.app import ParleyApp

ROOT = Path(__file__).resolve().parent.parent
SEED = str(ROOT / "seeds" / "putin-energy-ceasefire.txt")
PANES = ("actors", "demands", "red_lines", "quotes")


def keys(app, pane: str) -> list[str]:
    table = app.query_one(f"#{pane}", DataTable)
    return [table.coordinate_to_cell_key((r, 0)).row_key.value for r in range(table.row_count)]


async def drained(app, pilot) -> None:
    for _ in range(200):
        if all(app._pending.get(p, 0) >= len(app._pane_rows.get(p, ())) for p in PANES):
            break
        await pilot.pause(0.02)
    await pilot.pause()


def small_chunks(monkeypatch) -> None:
    monkeypatch.setattr(filling, "FIRST_ROWS", 2)
    monkeypatch.setattr(filling, "CHUNK_MIN", 1)
    monkeypatch.setattr(filling, "CHUNK_MAX", 2)


async def test_panes_fill_in_chunks_to_every_row_in_order(extractor, tmp_path, monkeypatch):
    small_chunks(monkeypatch)
    app = ParleyApp(SEED, quotes_file=str(tmp_path / "q.md"), extractor_factory=lambda: extractor)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        assert len(app.visible_items("quotes")) > 4
        await drained(app, pilot)
        for p in PANES:
            assert keys(app, p) == [it.id for it in app.visible_items(p)]
            assert not app.query_one(f"#empty-{p}").display


async def test_refill_keeps_the_rows_that_did_not_change(extractor, tmp_path, monkeypatch):
    app = ParleyApp(SEED, quotes_file=str(tmp_path / "q.md"), extractor_factory=lambda: extractor)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        await drained(app, pilot)
        added = []
        for p in PANES:
            table = app.query_one(f"#{p}", DataTable)
            real = table.add_row
            monkeypatch.setattr(table, "add_row", lambda *c, _p=p, _real=real, **k: (added.append(_p), _real(*c, **k))[1])
        app.refresh_panes()
        assert added == []  # nothing changed: no row is rebuilt
        before = keys(app, "demands")
        app.set_filter(app.visible_items("demands")[0].holder)  # the first demand stays first
        await drained(app, pilot)
        after = [it.id for it in app.visible_items("demands")]
        assert keys(app, "demands") == after and len(after) < len(before)
        same = next(k for k, (a, b) in enumerate(zip(before + [None], after + [None])) if a != b)
        assert same >= 1
        assert added.count("demands") == len(after) - same  # only the rows from the first change on


async def test_n_reaches_a_row_not_added_yet_and_the_cursor_lands_on_it(extractor, tmp_path, monkeypatch):
    small_chunks(monkeypatch)
    monkeypatch.setattr(filling, "TICK", 60.0)  # no tick during the test: only n adds rows
    app = ParleyApp(SEED, quotes_file=str(tmp_path / "q.md"), extractor_factory=lambda: extractor)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        order = app.marked_items()
        target = next(k for k, (_, _, pane, iid) in enumerate(order)
                      if iid not in app.query_one(f"#{pane}", DataTable).rows)
        app.query_one("#article").focus()
        for _ in range(target + 1):
            await pilot.press("n")
        await pilot.pause()
        _, _, pane, iid = order[target]
        table = app.query_one(f"#{pane}", DataTable)
        assert app.selected == (pane, iid)
        assert table.coordinate_to_cell_key((table.cursor_row, 0)).row_key.value == iid
        ids = [it.id for it in app.visible_items(pane)]
        assert keys(app, pane) == ids[:ids.index(iid) + 1]  # the rows up to it, in order; the rest to come
