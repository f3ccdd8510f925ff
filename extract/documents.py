"""Reading an article safely from a path or stdin.

Every failure becomes a ``DocumentError`` with one line saying what is wrong
and what to do; callers print it and exit 2. Reads are capped so ``/dev/zero``
or an endless pipe cannot hang or exhaust memory.
"""
from __future__ import annotations

import codecs
import os
import stat
import sys
from dataclasses import dataclass

MAX_BYTES = 20 * 1024 * 1024  # 20 MB: far above any report, well inside memory


class DocumentError(Exception):
    """A document that cannot be read; the message is one line for the user."""


@dataclass(frozen=True)
class Document:
    path: str
    text: str
    note: str | None = None  # e.g. "decoded as latin-1"


def _decode(data: bytes, label: str) -> tuple[str, str | None]:
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8):].decode("utf-8", errors="replace"), "UTF-8 byte-order mark removed"
    if data.startswith(codecs.BOM_UTF16_LE) or data.startswith(codecs.BOM_UTF16_BE):
        try:
            return data.decode("utf-16"), "decoded as UTF-16"
        except UnicodeDecodeError:
            pass
    if b"\x00" in data[:8192]:
        raise DocumentError(f"{label}: looks like a binary file, not text; give a UTF-8 text file")
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError as exc:
        pos = exc.start
    try:
        text = data.decode("cp1252")
        return text, f"not valid UTF-8 (byte {pos}); decoded as Windows-1252/latin-1"
    except UnicodeDecodeError:
        return data.decode("latin-1"), f"not valid UTF-8 (byte {pos}); decoded as latin-1"


def _read_capped(fh, label: str) -> bytes:
    data = fh.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise DocumentError(f"{label}: larger than {MAX_BYTES // (1024 * 1024)} MB; split it into smaller files")
    return data


def read_document(path: str) -> Document:
    """Read ``path`` (``-`` for stdin) as text. Raises DocumentError."""
    if path == "-":
        data = _read_capped(sys.stdin.buffer, "stdin")
        label = "stdin"
    else:
        label = path
        try:
            st = os.stat(path)
        except FileNotFoundError:
            raise DocumentError(f"{path}: no such file; check the path") from None
        except PermissionError:
            raise DocumentError(f"{path}: permission denied; check the file's permissions") from None
        except OSError as exc:
            if exc.errno == 40:  # ELOOP
                raise DocumentError(f"{path}: symbolic link loop; point it at a real file") from None
            raise DocumentError(f"{path}: cannot read ({exc.strerror}); check the path") from None
        if stat.S_ISDIR(st.st_mode):
            raise DocumentError(f"{path}: is a directory; give a text file inside it")
        try:
            with open(path, "rb") as fh:
                data = _read_capped(fh, path)
        except PermissionError:
            raise DocumentError(f"{path}: permission denied; check the file's permissions") from None
        except OSError as exc:
            raise DocumentError(f"{path}: cannot read ({exc.strerror}); check the path") from None
    text, note = _decode(data, label)
    if not text.strip():
        raise DocumentError(f"{label}: is empty; give an article with some text")
    return Document(path=path, text=text, note=note)
