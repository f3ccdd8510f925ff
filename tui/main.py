"""The ``parley`` command: ``parley [PATH]`` opens the explorer,
``parley extract ...`` runs the engine, ``parley cache info|clear`` manages
the extraction cache and ``parley library ...`` follows negotiations across
articles, all without loading any UI code."""
from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] == "extract":
        from extract.cli import main as extract_main
        return extract_main(argv[1:])
    if argv and argv[0] == "library":
        from extract.library.cli import main as library_main
        return library_main(argv[1:])
    if argv and argv[0] == "serve":
        from .serve import main as serve_main  # textual-serve, imported only here
        return serve_main(argv[1:])
    if argv and argv[0] == "cache":
        from extract.cli import cache_main
        return cache_main(argv[1:])
    from .app import main as app_main  # imports textual only here
    return app_main(argv)


if __name__ == "__main__":
    sys.exit(main())
