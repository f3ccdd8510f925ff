"""Property tests: whatever text comes in, ``extract`` keeps its promises.

Generated text mixes negotiation-news fragments (so the rules actually fire:
speakers, cues, demands, refusals, quotes) with the hostile material scraped
and machine-translated pages bring: every Unicode category including lone
surrogates, quote marks of every kind and unbalanced, RTL scripts, zero-width
and control characters, emoji sequences, CRLF and lone CR, very long lines and
text with no sentences at all. ``make fuzz`` runs the same checks for longer,
seeded with real articles.
"""
from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extract import Extraction
from extract.render import to_json
from extract.validate import problems

FRAGMENTS = [
    "Vladimir Putin", "President Zelensky", "The Kremlin", "Ukraine", "the European Union", "Mr. Trump",
    " said ", " told reporters ", " demanded that ", " insisted ", " will never accept ", " refused to ",
    " called for ", " must withdraw ", " cannot agree to ", " rejected the proposal", " a ceasefire",
    "he said.", "she added,", "according to officials", ". ", ", ", "\n\n", "\n", " ",
    "“", "”", "\"", "'", "‘", "’", "«", "»", "„", "‟", "「", "」", "『", "』", "‹", "›",
    "We will not give up Crimea", "Russia must stop its attacks", "There can be no talks",
]
SPECIAL = [
    "\u200b", "\u200c", "\u200d", "\ufeff", "\u2060", "\u202e", "\u202d", "\u2066", "\u2069",  # zero-width, bidi
    "\x00", "\x07", "\x1b", "\x1b[31m", "\x1b]52;c;aGk=\x07", "\x7f", "\x85", "\x9b", "\u2028", "\u2029",
    "\r\n", "\r", "\t", "\x0b", "\x0c",
    "مرحبا بالعالم", "שלום עולם", "ⲁⲃⲅ", "Привет, мир", "日本語の文章。", "한국어",  # RTL and other scripts
    "👍", "👨‍👩‍👧", "🇺🇦", "🏳️‍🌈", "\U0001F600\uFE0F",  # emoji and ZWJ sequences
    "\ud800", "\udfff",  # lone surrogates: a library caller can pass them
    "[bold]", "[/]", "[@click=app.quit]",
]

pieces = st.one_of(
    st.sampled_from(FRAGMENTS),
    st.sampled_from(SPECIAL),
    st.text(st.characters(codec=None), max_size=12),  # any code point, any category
)
articles = st.one_of(
    st.lists(pieces, max_size=80).map("".join),
    # very long lines and no sentences at all
    st.tuples(st.sampled_from(FRAGMENTS + SPECIAL), st.integers(200, 1500)).map(lambda t: t[0] * t[1]),
    st.text(st.characters(codec=None), max_size=300),
)

RULES = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@RULES
@given(text=articles)
def test_extract_keeps_every_promise(extractor, text):
    ex = extractor.extract(text)  # never raises
    assert problems(text, ex) == []  # spans, ids, holders/speakers, JSON round trip
    assert ex.document.length == len(text)
    out = to_json(ex)  # exactly what `parley extract --format json` prints
    assert Extraction.from_dict(json.loads(out)) == ex


def test_the_checker_catches_broken_promises(extractor):
    """``problems`` is not a rubber stamp: damage a real result and it says so."""
    from dataclasses import replace

    text = "Ukraine demanded that Russia withdraw its troops, President Zelensky said."
    ex = extractor.extract(text)
    assert problems(text, ex) == [] and ex.claims
    c = ex.claims[0]
    bad = replace(ex, claims=(replace(c, start=c.start + 1),) + ex.claims[1:])
    assert any("claim" in p for p in problems(text, bad))
    ghost = replace(ex, claims=(replace(c, holder="nobody"),) + ex.claims[1:])
    assert any("holder nobody" in p for p in problems(text, ghost))
    twice = replace(ex, actors=ex.actors + ex.actors[:1])
    assert "actor ids are not unique" in problems(text, twice)


def test_partial_results_are_valid_prefixes(extractor):
    from pathlib import Path
    root = Path(__file__).resolve().parent.parent
    text = (root / "seeds" / "putin-energy-ceasefire.txt").read_text(encoding="utf-8") * 3
    seen = []
    final = extractor.extract(text, partial=seen.append, partial_after=0)
    assert len(seen) >= 2
    lengths = [p.document.length for p in seen]
    assert lengths == sorted(lengths) and lengths[-1] < len(text)
    for p in seen:
        assert problems(text[:p.document.length], p) == []
    assert final == extractor.extract(text)  # the final result does not depend on partials
