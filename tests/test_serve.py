"""``parley serve``: started for real and loaded by a websocket client, as a browser tab would."""
from __future__ import annotations

import asyncio
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from helpers import one_line, run_parley

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "putin-energy-ceasefire.txt"

aiohttp = pytest.importorskip("aiohttp")
pytest.importorskip("textual_serve")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def server(tmp_path):
    port = free_port()
    env = dict(os.environ, PARLEY_CACHE_DIR=str(tmp_path / "cache"), PARLEY_DATA_DIR=str(tmp_path / "data"))
    proc = subprocess.Popen([sys.executable, "-m", "tui.main", "serve", str(SEED), "--port", str(port)],
                            cwd=ROOT, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            env=env, start_new_session=True)
    try:
        yield port, proc
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()


async def _first_screen(port: int, seconds: float = 60) -> tuple[str, str]:
    """The index page, then everything the explorer draws on the websocket until its
    first screen shows the article's panes."""
    async with aiohttp.ClientSession() as session:
        deadline = time.monotonic() + seconds
        while True:
            try:
                async with session.get(f"http://127.0.0.1:{port}/") as r:
                    assert r.status == 200
                    index = await r.text()
                    break
            except aiohttp.ClientConnectorError:
                if time.monotonic() > deadline:
                    raise
                await asyncio.sleep(0.2)
        seen = ""
        async with session.ws_connect(f"http://127.0.0.1:{port}/ws?width=100&height=30") as ws:
            while time.monotonic() < deadline:
                try:
                    msg = await ws.receive(timeout=max(0.1, deadline - time.monotonic()))
                except asyncio.TimeoutError:
                    break
                if msg.type == aiohttp.WSMsgType.BINARY:
                    seen += msg.data.decode("utf-8", "replace")
                elif msg.type == aiohttp.WSMsgType.TEXT:
                    seen += msg.data
                else:
                    break
                if "Actors" in seen and "Putin" in seen:
                    break
        return index, seen


def test_serve_streams_the_explorer_to_a_websocket_client(server):
    port, proc = server
    index, screen = asyncio.run(_first_screen(port))
    assert "textual" in index.lower()  # the page that runs the terminal in the browser
    assert "Actors" in screen and "Putin" in screen, screen[-2000:]
    assert proc.poll() is None


def test_serve_refuses_a_missing_article_in_one_line():
    r = run_parley("serve", "no/such/article.txt", "--port", str(free_port()))
    assert r.returncode == 2
    assert "no such file" in one_line(r)


def test_serve_refuses_a_port_in_use_in_one_line():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen()
        r = run_parley("serve", "--port", str(s.getsockname()[1]))
    assert r.returncode == 2
    assert "in use" in one_line(r)
