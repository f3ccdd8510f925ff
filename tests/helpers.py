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


def run_parley(*args: str, input: bytes | None = None, shell: str | None = None, env=None, timeout: float = 120):
    """Run the real ``parley`` command (``python -m tui.main``) and capture its output.

    ``shell``: a bash line in which ``PARLEY`` stands for the command (pipes).
    Without ``input`` stdin is /dev/null, as in CI.
    """
    import shlex
    import subprocess
    import sys
    from pathlib import Path

    cmd = [sys.executable, "-m", "tui.main", *args]
    if shell:
        cmd = ["bash", "-c", shell.replace("PARLEY", shlex.join(cmd))]
    return subprocess.run(cmd, input=input, stdin=subprocess.DEVNULL if input is None else None,
                          capture_output=True, cwd=Path(__file__).resolve().parent.parent, timeout=timeout, env=env)


def one_line(r) -> str:
    """The single stderr line of a run that failed cleanly (no traceback)."""
    err = r.stderr.decode("utf-8", "replace")
    assert "Traceback" not in err, err
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    return lines[0]


def drawn(app, lines: range | None = None) -> list[tuple[int, str, object]]:
    """The article as the view draws it: (article offset, character, Rich style) for every
    character on the display lines (all of them by default), read from the strips that
    ``render_line`` returns, padding left out."""
    view = app.query_one("#article")
    out = []
    for y in lines if lines is not None else range(len(view.starts)):
        strip = view.render_line(y - int(view.scroll_y))  # render_line counts from the top in view
        pos, end = view.starts[y], view.ends[y]
        for seg in strip:
            for ch in seg.text:
                if pos < end:
                    out.append((pos, ch, seg.style))
                pos += 1
    return out


def drawn_text(app) -> str:
    """The article's characters as drawn, one display line per line."""
    view = app.query_one("#article")
    return "\n".join("".join(ch for _, ch, _ in drawn(app, range(y, y + 1))) for y in range(len(view.starts)))
