"""``parley [PATH]``: the explorer's command line (the app is imported only here).

``parley FOLDER``, ``parley A.txt B.txt …`` and ``parley --library [FILE]`` open the
Library screen instead: folders and several paths are imported into the library first
(the default one, or ``--library FILE``) by a worker with a progress bar, through the
same import as ``parley library add`` (``--jobs N``: N extracting processes; default 1).
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from extract.cache import ExtractionCache
from extract.cli import default_document


def _has_articles(folder: Path) -> bool:
    """Whether ``parley library add`` would find a file to import under ``folder``."""
    import os

    from extract.library.sources import FOLDER_SUFFIXES
    for root, dirs, names in os.walk(folder, followlinks=False):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        if any(not n.startswith(".") and Path(n).suffix.lower() in FOLDER_SUFFIXES for n in names):
            return True
    return False


def main(argv: list[str] | None = None) -> int:
    from .app import ParleyApp
    p = argparse.ArgumentParser(prog="parley", description="Explore negotiations in a news article.",
                                epilog="Also: parley extract PATH [--format json|table|markdown]; "
                                       "parley FOLDER or parley A B … opens the Library")
    p.add_argument("paths", nargs="*", default=[], metavar="PATH",
                   help="article text file (default: the seed article); a folder or several paths: "
                        "import them into the library and open the Library")
    p.add_argument("--library", nargs="?", const="", default=None, metavar="FILE",
                   help="open the Library screen (FILE, else PARLEY_LIBRARY, else the user data dir)")
    p.add_argument("--jobs", "-j", type=int, default=None, metavar="N",
                   help="with a folder or several paths: extract the imports with N processes, as "
                        "parley library add --jobs N (default 1)")
    p.add_argument("--model", default=None, help="spaCy pipeline to load")
    p.add_argument("--quotes-file", default=None, metavar="FILE",
                   help="Markdown notes file copies are appended to (default: notes.md in the user data dir)")
    p.add_argument("--no-cache", action="store_true", help="neither read nor write the extraction cache")
    p.add_argument("--keymap", default=None, metavar="FILE",
                   help="TOML file of binding id = keys (default: keymap.toml in the user config dir)")
    args = p.parse_args(argv)
    if args.keymap and not Path(args.keymap).is_file():
        print(f"parley: {args.keymap}: no such keymap file; leave out --keymap for the default keys",
              file=sys.stderr)
        return 2
    if args.jobs is not None and args.jobs < 1:
        print("parley: --jobs must be 1 or more", file=sys.stderr)
        return 2
    paths = args.paths
    if args.library is not None or len(paths) > 1 or (paths and Path(paths[0]).is_dir()):
        from extract.library.store import default_library_path
        library = args.library or str(default_library_path())
        if Path(library).is_dir():
            print(f"parley: library {library} is a directory; give a file path", file=sys.stderr)
            return 2
        missing = [x for x in paths if not Path(x).exists()]
        if missing:
            print(f"parley: {missing[0]}: no such file or folder", file=sys.stderr)
            return 2
        empty = next((x for x in paths if Path(x).is_dir() and not _has_articles(Path(x))), None)
        if empty:
            print(f"parley: {empty} is a directory with no articles in it (.txt, .html, .jsonl); give an "
                  "article, or a folder of them to import into the Library", file=sys.stderr)
            return 2
        app = ParleyApp(None, model=args.model, quotes_file=args.quotes_file, keymap=args.keymap,
                        library=library, library_paths=paths)
        app.library_jobs = args.jobs or 1  # read by the Library screen's import
    else:
        from extract import DocumentError, read_document
        try:
            doc = read_document(paths[0] if paths else default_document())
        except DocumentError as exc:
            print(f"parley: {exc}", file=sys.stderr)
            return 2
        app = ParleyApp(paths[0] if paths else None, model=args.model, quotes_file=args.quotes_file,
                        document=doc, keymap=args.keymap)
    if not args.no_cache:
        app.cache = ExtractionCache(warn=app.cache_warning)
    app.run()
    return 0
