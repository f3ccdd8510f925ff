"""The library: many articles in one SQLite file, parties followed across them.

Importable without any UI (and without spaCy until something is extracted):
``store`` (the file), ``sources`` (what ``add`` reads), ``dates``, ``actors``
(library actors and corrections), ``positions`` (one party's positions over
time), ``check`` and ``cli`` (``parley library ...``).
"""
from .store import ArticleMeta, Library, LibraryError, default_library_path

__all__ = ["ArticleMeta", "Library", "LibraryError", "default_library_path"]
