"""The notes file and copy formatting: what a copy says, and appending it safely."""
from __future__ import annotations

import os
from pathlib import Path

from extract import Extraction, Quote

from .article import visible


KIND = {"demand": "demand", "red_line": "red line"}


def default_notes_path() -> Path:
    """Where copies are kept unless ``--quotes-file`` says otherwise: ``notes.md`` in the user
    data directory (platformdirs; ``PARLEY_DATA_DIR`` overrides)."""
    base = os.environ.get("PARLEY_DATA_DIR")
    if not base:
        from platformdirs import user_data_dir
        base = user_data_dir("parley")
    return Path(base) / "notes.md"


def _one_line(s: str) -> str:
    return visible(" ".join(s.split()))


def said(text: str) -> str:
    """What the speaker said: a comma or full stop the reporter put inside the marks
    ("… contract," he said) is trimmed; "?", "!" and an ellipsis are the speaker's."""
    t = _one_line(text)
    if t.endswith((",", ".")) and not t.endswith(".."):
        t = t[:-1].rstrip()
    return t


def source(r: Extraction, date: str | None = None) -> str:
    """*Title* (path), date: where a copy comes from (the date when the article gives one:
    a dateline or a date line at its top, see ``extract/library/dates.py``)."""
    path = r.document.path
    where = f" ({_one_line(os.path.abspath(path))})" if path and path != "-" else ""
    when = f", {_one_line(date)}" if date else ""
    return f"*{_one_line(r.document.title)}*{where}{when}"


def format_item(r: Extraction, it, text: str | None = None, date: str | None = None) -> str:
    """A quote as “text” — Speaker, *Title* (path), date. A demand or red line is not a
    quotation: ``Holder — demand: <claim> (cue: <cue>)`` and, on the next line, the
    evidence sentence in quotation marks with its source (when the article ``text`` is
    given; else the source ends the line)."""
    from extract.render import holders_of
    if isinstance(it, Quote):
        return f"“{said(it.text)}” — {_one_line(r.actor_name(it.speaker))}, {source(r, date)}"
    line = (f"{_one_line(holders_of(r, it))} — {KIND.get(it.kind, it.kind)}: {_one_line(it.text)} "
            f"(cue: {_one_line(it.cue or '—')})")
    if text is None:
        return f"{line}, {source(r, date)}"
    return f"{line}\n“{_one_line(text[it.sentence_start:it.sentence_end])}” — {source(r, date)}"


def heading(r: Extraction, date: str | None = None) -> str:
    """The Markdown heading a note sits under: one per article (title, path, date when known)."""
    path = r.document.path
    where = f" — `{_one_line(os.path.abspath(path))}`" if path and path != "-" else ""
    when = f" — {_one_line(date)}" if date else ""
    return f"## {_one_line(r.document.title)}{where}{when}"


def list_item(note: str) -> str:
    """A copy as one Markdown list item (later lines indented under it)."""
    first, *rest = note.split("\n")
    return "\n".join([f"- {first}", *(f"  {line}" for line in rest)])


def last_heading(path: Path) -> str | None:
    """The last ``## `` heading in the notes file (None if none or unreadable)."""
    try:
        with open(path, "rb") as fh:
            fh.seek(0, os.SEEK_END)
            size = fh.tell()
            fh.seek(max(0, size - 1_000_000))  # the last MB is plenty
            tail = fh.read().decode("utf-8", "replace")
    except OSError:
        return None
    found = [line for line in tail.splitlines() if line.startswith("## ")]
    return found[-1] if found else None


def notes_chunk(previous_heading: str | None, head: str, notes: list[str]) -> str:
    """What one copy appends: the article's heading when the file's last heading is
    another's (or the file is new), then one list item per note."""
    items = "\n".join(list_item(n) for n in notes) + "\n"
    if previous_heading == head:
        return items
    return ("\n" if previous_heading is not None else "") + head + "\n\n" + items


def append_note(path: Path, text: str) -> None:
    """Append (never overwrite) ``text`` plus a newline; raises OSError.

    One write(2) with O_APPEND: entries from two Parley windows never interleave,
    and what was in the file before is never touched.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
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


def export_body(r: Extraction, suffix: str, actors: tuple[str, ...] | None = None) -> str:
    """The view as Markdown (``.md``) or JSON (``.json``), filtered to ``actors`` (the
    filtered actor, or everyone on its side) when given; a claim is kept when any of its
    holders is among them, as in the panes."""
    import json

    from extract.render import to_markdown
    if suffix == ".md":
        return to_markdown(r, actors=actors)
    d = r.to_dict()
    if actors:
        ids = set(actors)
        d["filter"] = actors[0] if len(actors) == 1 else list(actors)
        d["claims"] = [c for c in d["claims"] if ids & {c["holder"], *c["holders"]}]
        d["quotes"] = [q for q in d["quotes"] if q["speaker"] in ids]
    return json.dumps(d, ensure_ascii=False, indent=2) + "\n"


def library_source(o: dict) -> str:
    """*Title* (path), date: where a library item comes from (the Library knows the date)."""
    path = o.get("path") or ""
    where = f" ({_one_line(os.path.abspath(path) if os.path.exists(path) else path)})" if path else ""
    date = f", {o['date']}" if o.get("date") else ""
    return f"*{_one_line(o.get('title') or '')}*{where}{date}"


def format_library_item(o: dict) -> str:
    """A library occurrence (``extract.library.views.party_view``) as ``format_item`` writes
    an article's: a quote as “text” — Speaker, *Title* (path), date; a demand or red line as
    ``Holder — demand: <claim>`` with the evidence sentence quoted on the next line."""
    if o["kind"] == "quote":
        return f"“{said(o['text'])}” — {_one_line(o.get('holder') or 'unknown speaker')}, {library_source(o)}"
    return (f"{_one_line(o.get('holder') or '')} — {KIND.get(o['kind'], o['kind'])}: {_one_line(o['text'])}\n"
            f"“{_one_line(o.get('evidence') or '')}” — {library_source(o)}")


def library_heading(o: dict) -> str:
    """The heading a library copy sits under: its article's, as ``heading`` writes it."""
    path = o.get("path") or ""
    where = f" — `{_one_line(os.path.abspath(path) if os.path.exists(path) else path)}`" if path else ""
    when = f" — {_one_line(o['date'])}" if o.get("date") else ""
    return f"## {_one_line(o.get('title') or '')}{where}{when}"
