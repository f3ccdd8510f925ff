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
