"""Quotes: every span between quotation marks, and who said it.

The scanner is tolerant by design: scraped and translated news has stray or
unbalanced marks (the seed article ends with one). A stray mark is dropped on
its own; it never costs the rest of the document its quotes. A quote left
open at the end of a paragraph counts only when the next paragraph opens with
a mark (the newspaper convention for a quote running over paragraphs).

Attribution follows the parse: the reporting verb outside the quote that
governs it (or the nearest one in the sentence), then its subject;
"according to X"; "Name: 'quote'" in headlines; and for a quote with no verb
of its own, the speaker of the quote just before it.
"""
from __future__ import annotations

from dataclasses import dataclass

from .context import Context, clause_subject
from .resolve import Resolver

OPEN_DOUBLE = "“„«"
CLOSE_DOUBLE = "”»"
OPEN_SINGLE = "‘‹"
CLOSE_SINGLE = "’›"


@dataclass
class RawQuote:
    open: int  # index of the opening mark
    start: int  # first character of the content
    end: int  # one past the content
    close: int  # index of the closing mark (== end when the quote runs on)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def find_quotes(text: str) -> list[RawQuote]:
    out: list[RawQuote] = []
    lines = text.split("\n")
    pos = 0
    for li, line in enumerate(lines):
        out.extend(_scan_line(text, pos, line, lines[li + 1:]))
        pos += len(line) + 1
    return out


def _next_para_opens(rest: list[str]) -> bool:
    for ln in rest:
        s = ln.strip()
        if s:
            return s[0] in OPEN_DOUBLE + '"'
    return False


def _scan_line(text: str, base: int, line: str, rest: list[str]) -> list[RawQuote]:
    found: list[RawQuote] = []
    d_open: int | None = None  # index of an open double mark
    d_char = ""
    s_open: int | None = None
    n = len(line)
    for i, ch in enumerate(line):
        prev = line[i - 1] if i else " "
        nxt = line[i + 1] if i + 1 < n else " "
        if d_open is None:
            if ch in OPEN_DOUBLE or (ch == '"' and (prev.isspace() or prev in "([{—–-:") and not nxt.isspace()):
                d_open, d_char = i, ch
                s_open = None  # a double mark ends any single-quoted stretch
                continue
            if ch in OPEN_SINGLE or (ch == "'" and (prev.isspace() or prev in "([{—–-:") and nxt.isalpha()):
                if s_open is None:
                    s_open = i
                continue
            if s_open is not None and ch in CLOSE_SINGLE + "'" and not nxt.isalnum() and not prev.isspace():
                # "Hamas’ court": a possessive, not a closing mark.
                if prev in "sS" and nxt == " " and i + 2 < n and line[i + 2].islower():
                    continue
                a, b = _trim(text, base + s_open + 1, base + i)
                if b > a:
                    found.append(RawQuote(base + s_open, a, b, base + i))
                s_open = None
            continue
        # inside a double-quoted stretch
        if ch in CLOSE_DOUBLE or (ch == '"' and d_char == '"') or (ch == '"' and not prev.isspace()):
            a, b = _trim(text, base + d_open + 1, base + i)
            if b > a:
                found.append(RawQuote(base + d_open, a, b, base + i))
            d_open = None
        elif ch in OPEN_DOUBLE:
            d_open, d_char = i, ch  # the earlier mark was stray
    if d_open is not None and _next_para_opens(rest):
        a, b = _trim(text, base + d_open + 1, base + n)
        if b > a:
            found.append(RawQuote(base + d_open, a, b, base + n))
    return found


@dataclass
class Attribution:
    speaker: str | None
    cue: str | None
    reason: str
    sentence: tuple[int, int]


class QuoteAttributor:
    def __init__(self, ctx: Context, resolver: Resolver):
        self.ctx = ctx
        self.res = resolver
        self.verbs = ctx.lex.reporting_verbs

    def attribute(self, quotes: list[RawQuote]) -> list[Attribution]:
        out: list[Attribution] = []
        prev: tuple[RawQuote, Attribution] | None = None
        for q in quotes:
            att = self._one(q, prev)
            out.append(att)
            if att.speaker:
                prev = (q, att)
        return out

    def _one(self, q: RawQuote, prev) -> Attribution:
        ctx = self.ctx
        inside = lambda c, t: q.open <= ctx.tok_start(c, t) <= q.close  # noqa: E731
        toks = ctx.tokens_in(q.start, q.end)
        chunk = toks[0][0] if toks else ctx.chunk_at(q.start)
        if chunk is None:
            return Attribution(None, None, "no parse", (q.open, q.close + 1))
        qtoks = [t for c, t in toks if c is chunk]
        sents = []
        for t in qtoks:
            if t.sent not in sents:
                sents.append(t.sent)
        if not sents:
            return Attribution(None, None, "no parse", (q.open, q.close + 1))
        # Also the sentence right after, when the quote ends a sentence ("...," Blinken said.)
        last = sents[-1]
        if last.end < len(chunk.doc):
            nxt = chunk.doc[last.end].sent
            if len(nxt) <= 10 and ctx.tok_start(chunk, nxt[0]) - q.close <= 3:
                sents.append(nxt)
        if sents[0].start > 0:
            before = chunk.doc[sents[0].start - 1].sent
            if before[-1].text == ":" or (len(before) <= 12 and ctx.tok_start(chunk, before[-1]) + 3 >= q.open):
                sents.insert(0, before)
        sent_span = ctx.span_of(chunk, [sents[0][0], sents[-1][-1]])
        cand = [t for s in sents for t in s if not inside(chunk, t)]
        # 1. "according to X"
        for t in cand:
            if t.lower_ == "according" and t.i + 1 < len(chunk.doc) and chunk.doc[t.i + 1].lower_ == "to":
                for p in chunk.doc[t.i + 1].children:
                    if p.dep_ == "pobj":
                        k = self.res.resolve_np(chunk, p, ctx.tok_start(chunk, p))
                        if k:
                            return Attribution(k, "according to", "according to", sent_span)
        # 2. reporting verb that governs the quote, else the nearest one
        verbs = [t for t in cand if t.lemma_.lower() in self.verbs and t.pos_ in ("VERB", "AUX")]
        governing = []
        for t in qtoks:
            h = t
            for _ in range(12):
                if h.head.i == h.i:
                    break
                h = h.head
                if any(h.i == v.i for v in verbs) and all(h.i != g.i for g in governing):
                    governing.append(h)
        ordered = governing + sorted((v for v in verbs if all(v.i != g.i for g in governing)),
                                     key=lambda v: min(abs(ctx.tok_start(chunk, v) - q.open),
                                                       abs(ctx.tok_start(chunk, v) - q.close)))
        for v in ordered:
            subj = clause_subject(v)
            if subj is None or inside(chunk, subj):
                continue
            k = self.res.subject_of(chunk, v)
            if k:
                return Attribution(k, v.text, "subject of reporting verb", sent_span)
        # 3. headline style "Name: 'quote'"
        head = ctx.text[max(0, q.open - 3):q.open].strip()
        if head.endswith(":"):
            for t in reversed([t for t in cand if ctx.tok_end(chunk, t) <= q.open]):
                k = self.res.actors.key_at(chunk, t)
                if k and k in self.res.actors.clusters:
                    return Attribution(k, ":", "name before a colon", sent_span)
        # 4. carry over from the quote just before (same or previous paragraph)
        if prev is not None:
            pq, patt = prev
            between = ctx.text[pq.close + 1:q.open]
            if len(between) <= 400 and between.count("\n") <= 2:
                return Attribution(patt.speaker, patt.cue, "continues the previous quote", sent_span)
        return Attribution(None, None, "no speaker found", sent_span)
