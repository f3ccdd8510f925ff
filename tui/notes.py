"""The notes file and copy formatting: what a copy says, and appending it safely."""
from __future__ import annotations

import os
from pathlib import Path

from extract import Extraction, Quote

from .article import visible


def format_item(r: Extraction, it) -> str:
    """A quote or claim as “text” — Speaker, Title."""
    who = r.actor_name(it.speaker if isinstance(it, Quote) else it.holder)
    # Control characters are shown, not carried: a copy pasted into a shell or a
    # quotes file later `cat` to a terminal must not replay the article's escapes.
    return visible(f"“{' '.join(it.text.split())}” — {who}, {r.document.title}")


def append_note(path: Path, text: str) -> None:
    """Append (never overwrite) ``text`` plus a newline; raises OSError.

    One write(2) with O_APPEND: entries from two Parley windows never interleave,
    and what was in the file before is never touched.
    """
    data = (text.rstrip("\n") + "\n").encode("utf-8", "replace")
    fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
    try:
        written = os.write(fd, data)
        while written < len(data):  # only on exotic filesystems
            written += os.write(fd, data[written:])
    finally:
        os.close(fd)


def free_path(path: Path) -> Path:
    """``path`` if free, else path-2, path-3 ...: exports never overwrite."""
    if not path.exists():
        return path
    n = 2
    while True:
        cand = path.with_name(f"{path.stem}-{n}{path.suffix}")
        if not cand.exists():
            return cand
        n += 1


def export_body(r: Extraction, suffix: str, actor: str | None = None) -> str:
    """The view as Markdown (``.md``) or JSON (``.json``), filtered to ``actor`` when given."""
    import json

    from extract.render import to_markdown
    if suffix == ".md":
        return to_markdown(r, actor=actor)
    d = r.to_dict()
    if actor:
        d["filter"] = actor
        d["claims"] = [c for c in d["claims"] if c["holder"] == actor]
        d["quotes"] = [q for q in d["quotes"] if q["speaker"] == actor]
    return json.dumps(d, ensure_ascii=False, indent=2) + "\n"
