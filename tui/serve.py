"""``parley serve [PATH] [--host H] [--port N]``: the explorer in a browser.

textual-serve runs one ``parley PATH`` process per browser tab and streams its
screen over a websocket, so a reader without a terminal (or behind a browser
only) gets the same explorer. It listens on 127.0.0.1 unless told otherwise:
the explorer reads files and writes the notes file as the user who started it,
so exposing it beyond the machine is a choice the user makes with ``--host``.

Errors (no such article, a port in use, textual-serve missing) are one line and
exit 2, checked before the server starts, never a traceback.
"""
from __future__ import annotations

import argparse
import errno
import shlex
import socket
import sys
from pathlib import Path

EXIT_USAGE = 2


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="parley serve",
                                description="Serve the explorer to a browser (textual-serve).")
    p.add_argument("path", nargs="?", metavar="PATH",
                   help="article to open (default: the seed article)")
    p.add_argument("--host", default="127.0.0.1",
                   help="address to listen on (default 127.0.0.1: this machine only)")
    p.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    p.add_argument("--no-cache", action="store_true", help="passed on to the explorer")
    p.add_argument("--quotes-file", metavar="F", help="passed on to the explorer")
    return p


def fail(msg: str) -> int:
    print(f"parley serve: {msg}", file=sys.stderr)
    return EXIT_USAGE


def command_for(args: argparse.Namespace) -> str:
    """The shell command textual-serve runs for each browser tab: this Python, this Parley."""
    parts = [sys.executable, "-m", "tui.main"]
    if args.path:
        parts.append(str(Path(args.path).resolve()))
    if args.no_cache:
        parts.append("--no-cache")
    if args.quotes_file:
        parts += ["--quotes-file", str(Path(args.quotes_file).resolve())]
    return shlex.join(parts)


def _port_free(host: str, port: int) -> str | None:
    """None when (host, port) can be bound, else why not."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        return f"cannot listen on {host!r} ({exc.strerror})"
    family, _, _, _, addr = infos[0]
    with socket.socket(family, socket.SOCK_STREAM) as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            s.bind(addr)
        except OSError as exc:
            if exc.errno == errno.EADDRINUSE:
                return f"port {port} on {host} is in use; pick another with --port"
            return f"cannot listen on {host}:{port} ({exc.strerror})"
    return None


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if not 0 < args.port < 65536:
        return fail(f"--port {args.port} is not a port number (1-65535)")
    if args.path:
        p = Path(args.path)
        if not p.exists():
            return fail(f"{args.path}: no such file; check the path")
        if p.is_dir():
            return fail(f"{args.path} is a directory; give an article file")
    why = _port_free(args.host, args.port)
    if why:
        return fail(why)
    try:
        from textual_serve.server import Server
    except ImportError:
        return fail("textual-serve is not installed; run: pip install textual-serve")
    server = Server(command_for(args), host=args.host, port=args.port, title="Parley")
    server.serve()
    return 0


if __name__ == "__main__":
    sys.exit(main())
