"""Renderings of an Extraction for people: a Rich table and a Markdown brief.

Article text is data: it goes into Rich as ``Text`` objects (never parsed as
markup) with control characters made visible, so an article cannot style or
command the terminal.
"""
from __future__ import annotations

import json

from rich.console import Console, Group
from rich.table import Table
from rich.text import Text

from .model import Extraction

# C0 (but tab and newline), DEL and every C1 control: a UTF-8 terminal may act on
# U+009B (CSI), U+009D (OSC), U+0090 (DCS) ... as it would on ESC [ and ESC ].
_CTRL = {i: f"\\x{i:02x}" for i in list(range(0, 9)) + list(range(11, 32)) + list(range(127, 160))}
_CTRL.update({i: "\ufffd" for i in range(0xD800, 0xE000)})  # lone surrogates cannot be printed


def safe(s: str) -> str:
    """Make control characters (ESC, NUL, C1 CSI/OSC) visible and inert."""
    return s.translate(_CTRL)


def to_json(ex: Extraction) -> str:
    return json.dumps(ex.to_dict(), ensure_ascii=False, indent=2)


def to_json_line(ex: Extraction) -> str:
    """One document per line (JSON Lines) for batch runs."""
    return json.dumps(ex.to_dict(), ensure_ascii=False, separators=(",", ":"))


def holders_of(ex: Extraction, c) -> str:
    """"Greens & Liberals" when a claim names several parties, else its holder."""
    if len(c.holders) > 1:
        return " & ".join(ex.actor_name(h) for h in c.holders)
    return ex.actor_name(c.holder)


def to_table(ex: Extraction) -> Group:
    name = ex.actor_name
    parts = [Text(safe(ex.document.title), style="bold")]
    t = Table(title="Actors", expand=True)
    for col in ("Actor", "Kind", "Mentions", "Aliases", "Affiliation"):
        t.add_column(col)
    for a in ex.actors:
        t.add_row(Text(safe(a.name)), a.kind, str(a.mention_count),
                  Text(safe(", ".join(a.aliases))), Text(safe(name(a.affiliation, ""))))
    parts.append(t)
    for title, items in (("Demands", ex.demands), ("Red lines", ex.red_lines)):
        t = Table(title=title, expand=True)
        for col in ("Holder", "Claim", "Cue", "Target", "Found by"):
            t.add_column(col)
        for c in items:
            t.add_row(Text(safe(holders_of(ex, c))), Text(safe(c.text)), Text(safe(c.cue)),
                      Text(safe(name(c.target, ""))), f"{c.frame or '—'} {c.confidence:.2f}")
        parts.append(t)
    t = Table(title="Quotes", expand=True)
    t.add_column("Speaker")
    t.add_column("Quote")
    t.add_column("Found by")
    for q in ex.quotes:
        t.add_row(Text(safe(name(q.speaker))), Text(safe(f"“{q.text}”")), f"{q.how or '—'} {q.confidence:.2f}")
    parts.append(t)
    return Group(*parts)


def print_table(ex: Extraction, console: Console | None = None) -> None:
    (console or Console()).print(to_table(ex))


def _md(s: str) -> str:
    return safe(s).replace("\n", " ")


def to_markdown(ex: Extraction, actor: str | None = None, actors: tuple[str, ...] | None = None) -> str:
    """The brief; ``actor`` (one id) or ``actors`` (several: a side) keeps what they hold or said."""
    name = ex.actor_name
    ids = list(actors) if actors else ([actor] if actor else [])
    keep = (lambda who: who in ids) if ids else (lambda who: True)
    lines = [f"# {_md(ex.document.title)}", ""]
    if ex.document.path and ex.document.path != "-":
        lines += [f"Source: `{_md(ex.document.path)}`", ""]
    if ids:
        lines += [f"Filtered to: **{', '.join(_md(name(i)) for i in ids)}**", ""]
    lines += ["## Parties", ""]
    for a in ex.actors:
        if ids and a.id not in ids:
            continue
        extra = f"; speaks for {_md(name(a.affiliation))}" if a.affiliation else ""
        lines.append(f"- **{_md(a.name)}** ({a.kind}, {a.mention_count} mentions{extra})")
    for title, items in (("Demands", ex.demands), ("Red lines", ex.red_lines)):
        lines += ["", f"## {title}", ""]
        rows = [c for c in items if any(keep(h) for h in (c.holder, *c.holders))]
        lines += [f"- **{_md(holders_of(ex, c))}**: {_md(c.text)} _(cue: {_md(c.cue)})_" for c in rows] or ["- none found"]
    lines += ["", "## Quotes", ""]
    rows = [q for q in ex.quotes if keep(q.speaker)]
    lines += [f"- “{_md(q.text)}” — {_md(name(q.speaker))}" for q in rows] or ["- none found"]
    return "\n".join(lines) + "\n"
