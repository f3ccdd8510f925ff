"""``parley [PATH]``: the explorer's command line (the app is imported only here)."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from extract.cache import ExtractionCache
from extract.cli import default_document


def main(argv: list[str] | None = None) -> int:
    from .app import ParleyApp
    p = argparse.ArgumentParser(prog="parley", description="Explore negotiations in a news article.",
                                epilog="Also: parley extract PATH [--format json|table|markdown]")
    p.add_argument("path", nargs="?", default=None, help="article text file (default: the seed article)")
    p.add_argument("--model", default=None, help="spaCy pipeline to load")
    p.add_argument("--quotes-file", default=None, metavar="FILE",
                   help="Markdown notes file copies are appended to (default: notes.md in the user data dir)")
    p.add_argument("--no-cache", action="store_true", help="neither read nor write the extraction cache")
    p.add_argument("--keymap", default=None, metavar="FILE",
                   help="TOML file of binding id = keys (default: keymap.toml in the user config dir)")
    args = p.parse_args(argv)
    from extract import DocumentError, read_document
    try:
        doc = read_document(args.path or default_document())
    except DocumentError as exc:
        print(f"parley: {exc}", file=sys.stderr)
        return 2
    if args.keymap and not Path(args.keymap).is_file():
        print(f"parley: {args.keymap}: no such keymap file; leave out --keymap for the default keys",
              file=sys.stderr)
        return 2
    app = ParleyApp(args.path, model=args.model, quotes_file=args.quotes_file, document=doc,
                    keymap=args.keymap)
    if not args.no_cache:
        app.cache = ExtractionCache(warn=app.cache_warning)
    app.run()
    return 0
