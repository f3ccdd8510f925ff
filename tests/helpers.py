"""Shared Pilot helpers."""
from __future__ import annotations


async def ready(app, pilot, seconds: float = 15) -> None:
    """Wait until the extraction worker has filled the panes (fail if it never does)."""
    for _ in range(int(seconds / 0.05)):
        if app.result is not None:
            break
        await pilot.pause(0.05)
    await pilot.pause()
    assert app.result is not None, "extraction did not finish"
