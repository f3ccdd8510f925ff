"""The detail view's text: everything about one item, built as Rich ``Text`` (never markup).

Pure functions of the extraction and the article text, so what the panel says is
tested without running the app.
"""
from __future__ import annotations

from rich.text import Text

from extract import Actor, Claim, Extraction, Quote
from extract.render import holders_of

from .article import visible

KIND = {"demand": "Demand", "red_line": "Red line"}
MARK_STYLE = "bold reverse"


def evidence(text: str, it) -> Text:
    """The item's whole sentence (or the whole quotation when it runs past it) with the
    item's own words marked."""
    a, b = min(it.sentence_start, it.start), max(it.sentence_end, it.end)
    t = Text(visible(text[a:b]).replace("\n", " "))
    t.stylize(MARK_STYLE, it.start - a, it.end - a)
    return t


def _row(t: Text, label: str, value: str | Text) -> None:
    t.append(f"{label}: ", style="bold")
    t.append(value if isinstance(value, Text) else Text(visible(value)))
    t.append("\n")


def describe(r: Extraction, text: str, it) -> Text:
    """Kind, holder(s) or speaker, target, cue, how it was found, and the evidence."""
    name = r.actor_name
    t = Text()
    if isinstance(it, Actor):
        t.append(f"Actor · {it.kind}\n", style="bold")
        _row(t, "Name", it.name)
        _row(t, "Also called", ", ".join(a for a in it.aliases if a != it.name) or "—")
        if it.affiliation:
            _row(t, "Speaks for", name(it.affiliation))
        _row(t, "Mentions", str(it.mention_count))
        return t
    if isinstance(it, Quote):
        t.append("Quote\n", style="bold")
        _row(t, "Speaker", name(it.speaker))
        _row(t, "Cue", it.cue or "—")
        _row(t, "Found by", f"{it.how or 'no attribution stage'} (attribution), confidence {it.confidence:.2f}")
    else:
        assert isinstance(it, Claim)
        t.append(f"{KIND.get(it.kind, it.kind)}\n", style="bold")
        _row(t, "Holder" + ("s" if len(it.holders) > 1 else ""), holders_of(r, it))
        _row(t, "Target", name(it.target, "—"))
        _row(t, "Cue", it.cue or "—")
        _row(t, "Found by", f"{it.frame or 'no frame'} (frame), confidence {it.confidence:.2f}")
    t.append("Evidence: ", style="bold")
    t.append(evidence(text, it))
    return t
