"""Snapshot tests of the real main screen (pytest-textual-snapshot).

Update after an intended change with ``make test PYTEST_ARGS=--snapshot-update`` and
look at the SVGs in ``tests/__snapshots__`` before committing them.
"""
from pathlib import Path

import pytest

from helpers import ready
from tui.app import ParleyApp

SEED = str(Path(__file__).resolve().parent.parent / "seeds" / "putin-energy-ceasefire.txt")


def _app(extractor, tmp_path) -> ParleyApp:
    return ParleyApp(SEED, quotes_file=str(tmp_path / "q.md"), extractor_factory=lambda: extractor)


async def _filtered(pilot) -> None:
    """Wait for extraction, filter by the most-mentioned person, drop the toasts."""
    app = pilot.app
    await ready(app, pilot)
    person = max((a for a in app.result.actors if a.kind == "person"), key=lambda a: a.mention_count)
    app.set_filter(person.id)
    await pilot.pause()
    app.show_pane("quotes", focus=True)
    await pilot.pause()
    app.clear_notifications()
    await pilot.pause()


@pytest.mark.parametrize("size", [(120, 40), (80, 24), (200, 60)], ids=["120x40", "80x24", "200x60"])
def test_main_screen_with_actor_filter(snap_compare, extractor, tmp_path, size):
    assert snap_compare(_app(extractor, tmp_path), terminal_size=size, run_before=_filtered)


def _fixed_app(extractor) -> ParleyApp:
    # a notes path that does not depend on the test's tmp dir: the help screen shows it
    return ParleyApp(SEED, quotes_file="snapshot-notes.md", extractor_factory=lambda: extractor)


def test_help_at_80x24(snap_compare, extractor):
    async def open_help(pilot) -> None:
        await ready(pilot.app, pilot)
        pilot.app.clear_notifications()
        await pilot.press("question_mark")
        await pilot.pause()

    assert snap_compare(_fixed_app(extractor), terminal_size=(80, 24), run_before=open_help)


def test_detail_view_of_a_red_line_at_80x24(snap_compare, extractor):
    async def red_line(pilot) -> None:
        await ready(pilot.app, pilot)
        await pilot.press("3", "j")
        await pilot.pause()
        pilot.app.clear_notifications()
        await pilot.pause()

    assert snap_compare(_fixed_app(extractor), terminal_size=(80, 24), run_before=red_line)
