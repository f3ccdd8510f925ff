"""Cutting over-long text into pieces without moving a single offset.

Shared by the parser's batching (``nlp.split_chunks``) and the explorer's
display blocks: both must bound how much text one unit holds (spaCy's cost and
Rich's wrapping grow faster than linearly), and both prefer to cut after a
space so no word is split.
"""
from __future__ import annotations


def pieces(s: str, a: int, b: int, limit: int) -> list[tuple[int, int]]:
    """``s[a:b]`` as consecutive ``(start, end)`` pieces of at most ``limit`` characters,
    each cut just after the last space that fits, or hard at ``limit`` when none does."""
    out: list[tuple[int, int]] = []
    while b - a > limit:
        ws = s.rfind(" ", a + 1, a + limit)
        cut = ws + 1 if ws > a else a + limit
        out.append((a, cut))
        a = cut
    out.append((a, b))
    return out
