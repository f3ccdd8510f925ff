"""Article search that ignores case and accents, with offsets exact into the original text.

The text is folded character by character (casefold, then NFD with combining marks
dropped), keeping for every folded character the index of the original character it came
from, so a match in the folded text maps back to an exact span of the article.
"""
from __future__ import annotations

import unicodedata


def _fold_char(ch: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", ch.casefold()) if not unicodedata.combining(c))


def fold(s: str) -> str:
    """The form compared: "Zelénskyy" -> "zelenskyy", "STRASSE"/"Straße" -> "strasse"."""
    return "".join(_fold_char(ch) for ch in s)


class Folded:
    """An article folded once (searches reuse it)."""

    def __init__(self, text: str):
        self.text = text
        if text.isascii():  # the common case: one lower() call, offsets unchanged
            self.folded, self.origin = text.lower(), None
            return
        parts: list[str] = []
        origin: list[int] = []
        for i, ch in enumerate(text):
            f = _fold_char(ch) if not ch.isascii() else ch.lower()
            parts.append(f)
            origin.extend([i] * len(f))
        self.folded, self.origin = "".join(parts), origin

    def _span(self, a: int, b: int) -> tuple[int, int]:
        if self.origin is None:
            return a, b
        start, end = self.origin[a], self.origin[b - 1] + 1
        while end < len(self.text) and unicodedata.combining(self.text[end]):
            end += 1  # a decomposed accent belongs to the letter matched
        return start, end

    def find_all(self, query: str) -> list[tuple[int, int]]:
        """Every non-overlapping match of ``query`` as (start, end) in the original text."""
        q = fold(query)
        if not q.strip():
            return []
        out, i = [], self.folded.find(q)
        while i >= 0:
            out.append(self._span(i, i + len(q)))
            i = self.folded.find(q, i + len(q))
        return out
