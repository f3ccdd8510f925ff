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


_CONTROL_BYTES = bytes(b for b in range(32) if b not in b"\t\n\r\x0c")


def _looks_binary(sample: bytes) -> bool:
    """NULs in bulk, or control bytes in bulk in what is not UTF-8.

    A stray NUL or escape sequence in a scraped article is still text (shown
    inert in the explorer); images, PDFs and executables are not.
    """
    if not sample:
        return False
    nul = sample.count(0)
    if nul > 3 and nul * 100 > len(sample):
        return True
    try:
        sample.decode("utf-8")
        return False
    except UnicodeDecodeError as exc:
        if exc.start >= len(sample) - 3:  # a character cut by the 8 KB sample
            return False
    ctrl = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    return ctrl * 20 > len(sample)


def _decode(data: bytes, label: str) -> tuple[str, str | None]:
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8):].decode("utf-8", errors="replace"), "UTF-8 byte-order mark removed"
    if data.startswith(codecs.BOM_UTF16_LE) or data.startswith(codecs.BOM_UTF16_BE):
        try:
            return data.decode("utf-16"), "decoded as UTF-16"
        except UnicodeDecodeError:
            pass
    if _looks_binary(data[:8192]):
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
            if stat.S_ISFIFO(st.st_mode):
                # A named pipe with no writer would block open() for ever: open it
                # non-blocking, then read normally (no writer at all reads as empty).
                fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
                os.set_blocking(fd, True)
                fh = os.fdopen(fd, "rb")
            else:
                fh = open(path, "rb")
            with fh:
                data = _read_capped(fh, path)
            if not data and stat.S_ISFIFO(st.st_mode):
                raise DocumentError(f"{path}: a pipe with nothing writing to it; start the writer first, "
                                    "or pipe the text into 'parley extract -'")
        except PermissionError:
            raise DocumentError(f"{path}: permission denied; check the file's permissions") from None
        except OSError as exc:
            raise DocumentError(f"{path}: cannot read ({exc.strerror}); check the path") from None
    text, note = _decode(data, label)
    if not text.strip():
        raise DocumentError(f"{label}: is empty; give an article with some text")
    return Document(path=path, text=text, note=note)
