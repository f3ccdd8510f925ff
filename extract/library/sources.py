"""What ``parley library add`` reads: text files, folders, HTML pages and JSON Lines.

- a text file (``-``: stdin): read as ``parley extract`` reads it (``extract.documents``: size cap,
  binary refused, lenient decoding); its title is its first line;
- a folder: every ``.txt``, ``.text``, ``.html``, ``.htm``, ``.jsonl`` and ``.ndjson``
  file under it, recursively, in name order (hidden files and folders skipped);
- ``.html``/``.htm``: the main text, title, date, URL and site name found by
  trafilatura, offline (nothing is fetched);
- ``.jsonl``/``.ndjson``: one article per line, ``{"text", "title"?, "date"?, "url"?,
  "source"?}``; a bad line is one error, the other lines are still read.

Each input yields an ``Item`` or an ``InputError`` (one line for the user), so a
bad file among many costs only itself.
"""
from __future__ import annotations

import dataclasses
import json
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from ..documents import MAX_BYTES, DocumentError, read_document

FOLDER_SUFFIXES = {".txt", ".text", ".html", ".htm", ".jsonl", ".ndjson"}
HTML_SUFFIXES = {".html", ".htm"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
MIN_HTML_WORDS = 8


class InputError(Exception):
    """One input that cannot be imported; the message is one line."""


@dataclass(frozen=True)
class Item:
    path: str  # absolute file path, or "file.jsonl:LINE"
    text: str
    title: str
    url: str | None = None
    source: str | None = None
    date: str | None = None  # the metadata date as given (parsed later)
    note: str | None = None


def title_of(text: str) -> str:
    for line in text.splitlines():
        if line.strip():
            return line.strip()[:200]
    return ""


def _abs(path: str) -> str:
    return os.path.abspath(path)


_SURROGATE = re.compile("[\ud800-\udfff]")


def _clean(item: Item | InputError) -> Item | InputError:
    """Lone surrogates (from JSON "\\ud800") become U+FFFD, one for one: SQLite stores UTF-8 only."""
    if isinstance(item, Item) and (_SURROGATE.search(item.text) or _SURROGATE.search(item.title)):
        return dataclasses.replace(item, text=_SURROGATE.sub("\ufffd", item.text),
                                   title=_SURROGATE.sub("\ufffd", item.title))
    return item


def expand(paths: list[str]) -> Iterator[Item | InputError]:
    for item in _expand(paths):
        yield _clean(item)


def _expand(paths: list[str]) -> Iterator[Item | InputError]:
    for path in paths:
        p = Path(path)
        if p.is_dir():
            files = []
            for root, dirs, names in os.walk(p, followlinks=False):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                files.extend(Path(root) / n for n in names
                             if not n.startswith(".") and Path(n).suffix.lower() in FOLDER_SUFFIXES)
            if not files:
                yield InputError(f"{path}: no .txt, .html or .jsonl files in this folder")
            for f in sorted(files):
                yield from read_file(str(f))
        else:
            yield from read_file(path)


def read_file(path: str) -> Iterator[Item | InputError]:
    suffix = Path(path).suffix.lower()
    try:
        if suffix in HTML_SUFFIXES:
            yield read_html(path)
        elif suffix in JSONL_SUFFIXES:
            yield from read_jsonl(path)
        else:
            doc = read_document(path)
            yield Item(path="<stdin>" if path == "-" else _abs(path), text=doc.text, title=title_of(doc.text),
                       note=doc.note)
    except (DocumentError, InputError) as exc:
        yield InputError(str(exc))


def _read_bytes(path: str) -> bytes:
    try:
        with open(path, "rb") as fh:
            data = fh.read(MAX_BYTES + 1)
    except FileNotFoundError:
        raise InputError(f"{path}: no such file; check the path") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a directory") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror}); check the path") from None
    if len(data) > MAX_BYTES:
        raise InputError(f"{path}: larger than {MAX_BYTES // (1024 * 1024)} MB; split it into smaller files")
    return data


def read_html(path: str) -> Item:
    data = _read_bytes(path)
    if not data.strip():
        raise InputError(f"{path}: is empty; give a page with some text")
    import logging

    import trafilatura

    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
    logging.getLogger("htmldate").setLevel(logging.CRITICAL)
    try:
        doc = trafilatura.bare_extraction(data, with_metadata=True, include_comments=False,
                                          favor_recall=True)
    except Exception as exc:  # trafilatura raises a variety of parser errors on broken pages
        raise InputError(f"{path}: cannot read this HTML page ({type(exc).__name__})") from None
    text = (getattr(doc, "text", None) or "").strip() if doc is not None else ""
    if len(text.split()) < MIN_HTML_WORDS:  # a menu or a cookie notice is not an article
        raise InputError(f"{path}: no article text found in this HTML page")
    title = (getattr(doc, "title", None) or "").strip() or title_of(text)
    source = getattr(doc, "sitename", None) or getattr(doc, "hostname", None)
    text = _with_title(title, text)
    return Item(path=_abs(path), text=text, title=title, url=getattr(doc, "url", None),
                source=source, date=getattr(doc, "date", None))


def _with_title(title: str, text: str) -> str:
    """Keep a page's headline at the top of the text (as in the text files), unless it is already there."""
    if title and not text.lstrip().startswith(title):
        return f"{title}\n\n{text}"
    return text


def read_jsonl(path: str) -> Iterator[Item | InputError]:
    """One article per line, read line by line (a feed may be far larger than one article)."""
    try:
        fh = open(path, "rb")
    except FileNotFoundError:
        raise InputError(f"{path}: no such file; check the path") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror}); check the path") from None
    seen = 0
    with fh:
        n = 0
        while True:
            try:
                raw = fh.readline(MAX_BYTES + 1)
            except OSError as exc:
                yield InputError(f"{path}: cannot read ({exc.strerror}); check the path")
                return
            if not raw:
                break
            n += 1
            where = f"{path}:{n}"
            if len(raw) > MAX_BYTES:
                yield InputError(f"{where}: a line larger than {MAX_BYTES // (1024 * 1024)} MB; the rest of the "
                                 "file was not read")
                return
            if n == 1 and raw.startswith(b"\xef\xbb\xbf"):
                raw = raw[3:]
            if not raw.strip():
                continue
            seen += 1
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError as exc:
                yield InputError(f"{where}: not UTF-8 (byte {exc.start}); JSON Lines must be UTF-8")
                continue
            yield _jsonl_item(path, n, line)
    if not seen:
        yield InputError(f"{path}: is empty; give one JSON object per line")


def _jsonl_item(path: str, n: int, line: str) -> Item | InputError:
    where = f"{path}:{n}"
    try:
        obj = json.loads(line)
    except ValueError as exc:
        return InputError(f"{where}: not valid JSON ({exc.msg})")
    if not isinstance(obj, dict):
        return InputError(f"{where}: each line must be a JSON object with a \"text\"")
    text = obj.get("text")
    if not isinstance(text, str) or not text.strip():
        return InputError(f"{where}: no \"text\" (a non-empty string) in this line")
    meta = {k: obj.get(k) for k in ("title", "date", "url", "source")}
    bad = [k for k, v in meta.items() if v is not None and not isinstance(v, str)]
    if bad:
        return InputError(f"{where}: \"{bad[0]}\" must be a string")
    title = (meta["title"] or "").strip()
    return Item(path=f"{_abs(path)}:{n}", text=text, title=title or title_of(text), url=meta["url"],
                source=meta["source"], date=meta["date"])
