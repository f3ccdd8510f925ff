"""Sentence case for a Title Case headline, so the parser reads it as a sentence.

spaCy's small English model reads "Teachers Demand Payment in US Dollars" as one long
proper name and "Protesters Give Malawi Government 100-Day Ultimatum" as a list of
nouns: the position a headline states is lost. Before parsing, such a headline is
rewritten in sentence case: a capitalised word the article itself writes in lower case
("demand", "government") or a function word ("In", "To") loses its capital; a word the
body capitalises inside a sentence ("Malawi", "Tsvangirai") or in capitals ("US") keeps
it, and so does any word the body never uses (it may be a name). Only first letters
change, so the rewritten line has the length of the original and every offset still
points into the article: items are always sliced from the article, never from the
parse.
"""
from __future__ import annotations

import re


def title_case(line: str, min_words: int) -> bool:
    """A Title Case line (a headline): at least ``min_words`` words, 60% of them capitalised.
    The tagger misreads such lines, so names and quotes there are handled with care."""
    words = [w for w in line.split() if w[:1].isalpha()]
    return len(words) >= min_words and sum(w[0].isupper() for w in words) >= 0.6 * len(words)


# words that are never names in a headline
FUNCTION_WORDS = frozenset(
    "a an the and or but nor of in on at to for from by with without into onto over under after before "
    "as than about against amid among between during since until upon via per if unless while when "
    "is are was were be been being has have had do does did will would shall should can could may might "
    "must not no its their his her our your my this that these those it they he she we who what which".split())

_WORD = re.compile(r"[^\W\d_][\w'’]*")
# a capitalised word inside a sentence: after a lower-case word, a comma or similar
_MID = re.compile(r"(?<=[a-z0-9,;:’'\"“”)] )([A-Z][\w'’]*)")


def _stem(w: str) -> str:
    """A crude stem, enough to meet "Demands" and "demanded", "Resume" and "resumed"."""
    for suf in ("ing", "ed", "es", "s", "d"):
        if w.endswith(suf) and len(w) - len(suf) >= 4:
            w = w[:-len(suf)]
            break
    return w[:-1] if w.endswith("e") and len(w) > 4 else w


def _forms(body: str) -> tuple[set[str], dict[str, int]]:
    """Stems of the body's lower-case words, and how often it capitalises a word inside a
    sentence (minus how often it writes it in lower case)."""
    words = _WORD.findall(body)
    lower = {_stem(w) for w in words if w[:1].islower()}
    proper: dict[str, int] = {}
    for w in _MID.findall(body):
        proper[w] = proper.get(w, 0) + 1
    for w in words:
        if w[:1].islower() and w.capitalize() in proper:
            proper[w.capitalize()] -= 1
    return lower, proper


def sentence_case(line: str, body: str, verbs: frozenset[str] = frozenset()) -> str:
    """``line`` in sentence case when it is a Title Case headline, else unchanged.

    ``body`` is the rest of the article; ``verbs`` are lemmas (claim and reporting verbs)
    that lose their capital even when the body never uses them."""
    if not title_case(line, 4):
        return line
    lower, proper = _forms(body)
    out = list(line)
    first = True
    for m in _WORD.finditer(line):
        w = m.group()
        if first:
            first = False
            continue
        if not w[0].isupper() or w.isupper() or proper.get(w, 0) > 0:
            continue
        low = w.lower()
        if low in FUNCTION_WORDS or _stem(low) in lower or low in verbs or _stem(low) in verbs \
                or (w not in proper and len(low) > 5 and low.endswith(("ly", "ed", "ing"))):
            out[m.start()] = low[0]
    return "".join(out)
