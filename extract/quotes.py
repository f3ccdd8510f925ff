"""Quotes: every span between quotation marks, and who said it.

The scanner is tolerant by design: scraped and translated news has stray or
unbalanced marks (the seed article ends with one). A stray mark is dropped on
its own; it never costs the rest of the document its quotes. A quote left
open at the end of a paragraph counts only when the next paragraph opens with
a mark (the newspaper convention for a quote running over paragraphs).

Attribution is an ordered sieve of small named stages (after Muzny et al.
2017, "A Two-stage Sieve Approach for Quote Attribution", and the PARC/PolNeAR
attribution work). Each stage either decides or passes the quote on; the
first that decides wins, and the quote records its name (``Quote.how``) and a
confidence that falls with the stage's reach:

1. ``according_to``   "according to X" around the quote;
2. ``tag``            a verb of saying in the quote's sentence (either order,
                      inversions "said X, the Y", split quotes ", she said, ");
3. ``colon``          an introduction ending in a colon ("He made one point
                      clear:"), a headline "X to Y: '…'" or a transcript label;
4. ``dash``           a dash tag after the quote ("— Name");
4b. ``surface_tag``   a name and a verb of saying read from the characters after
                      the quote when the parser lost the tag ('"…," De La Calle sais.');
5. ``clause_subject`` the party that is the subject of the clause the quote
                      sits in ("the Taliban labeled the talks a 'complete failure'");
6. ``speech_before``  a quote standing as its own sentence: the latest speech
                      event after the previous quote, in this paragraph or the
                      one before ("He said the deal was dead." then the quote);
7. ``continuation``   the speaker of the quote just before (same or previous
                      paragraph): continuation paragraphs, the second half of a
                      split quote.

A quotation nested inside another is the outer speaker's (``nested``); a quote in a Title Case
headline, where the parser is lost, is the first person named before it (``headline``); a
quoted paragraph of a statement with an issuer and no other speaker is the issuer's
(``issuer``, last).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz.distance import Levenshtein

from .context import Context, by_agent, clause_subject, title_case
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
    if end > start and text[end - 1] == "'" and end < len(text) and text[end] == "'":
        end -= 1  # the first of a closing pair of apostrophes (''…'')
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
            return s[0] in OPEN_DOUBLE + '"' or s[:2] in ("''", "``")
    return False


def _double_apostrophes(line: str) -> str:
    """Typewriter quotes written as two apostrophes (''…'', the New York Times archive)
    or TeX/Penn Treebank style (``…''): read each pair as a space and a straight
    double mark, which keeps every offset where it was."""
    if "''" not in line and "``" not in line:
        return line
    return line.replace("''", ' "').replace("``", ' "')


def _scan_line(text: str, base: int, line: str, rest: list[str]) -> list[RawQuote]:
    found: list[RawQuote] = []
    line = _double_apostrophes(line)
    d_open: int | None = None  # index of an open double mark
    d_char = ""
    s_open: int | None = None
    n = len(line)
    for i, ch in enumerate(line):
        prev = line[i - 1] if i else " "
        nxt = line[i + 1] if i + 1 < n else " "
        if d_open is None:
            if ch in OPEN_DOUBLE or (ch == '"' and (prev.isspace() or prev in "([{—–-:") and not nxt.isspace()) \
                    or (ch == '"' and nxt == " " and (i == 0 or (prev == " " and i >= 2 and line[i - 2] in ".!?:"))
                        and i + 2 < n and line[i + 2].isupper() and '"' in line[i + 2:]):
                # ('he said. " In the totality, …"': a stray space after an opening mark that
                # starts a sentence, closed later on the line)
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


def _noun_run(doc, i: int, stop: int, keep=lambda t: True) -> list:
    """The noun phrase that starts at token ``i`` (before ``stop``, while ``keep``): its nouns,
    names, determiners, adjectives and numbers. "Twitter's Adam Sharp": what precedes a
    possessive is a modifier, so the run starts again after it."""
    run: list = []
    while i < stop and doc[i].pos_ in ("PROPN", "NOUN", "DET", "ADJ", "PART", "NUM") and keep(doc[i]):
        run = [] if doc[i].tag_ == "POS" else run + [doc[i]]
        i += 1
    return run


@dataclass
class Attribution:
    speaker: str | None
    cue: str | None
    reason: str
    sentence: tuple[int, int]
    how: str = "none"
    confidence: float = 0.0


# Stage -> confidence, from each stage's named-speaker accuracy on PolNeAR train
# (make eval-polnear): tag 0.97, according_to 0.89, continuation 0.91, clause_subject
# 0.79, colon 0.74, speech_before 0.73, dash 0.71 (few cases); an inverted tag 0.71.
STAGE_CONFIDENCE = {"headline": 0.6, "nested": 0.85, "according_to": 0.9, "tag": 0.95, "colon": 0.75, "dash": 0.7,
                    "surface_tag": 0.7,
                    "speech_before": 0.7, "continuation": 0.9, "clause_subject": 0.8, "issuer": 0.6, "none": 0.0}
INVERTED_TAG_CONFIDENCE = 0.7
# '"…," De La Calle sais.': a name and one unknown lower-case word closing the sentence
_NAME_THEN_WORD = re.compile(r"\s*((?:[A-Z][\w.'’-]*\s+){1,5})([a-z]{4,8})\s*[.,;]")
_TAG_WORDS = ("said", "says", "added", "told", "stated")
_DASH_TAG = re.compile(r"\s*[—–]+\s*|\s+-{1,2}\s+")


@dataclass
class _Q:
    """What the stages share about one quote."""
    raw: RawQuote
    chunk: object
    qtoks: list
    cand: list  # tokens around the quote, outside its marks
    sent_span: tuple[int, int]
    opens: bool = False  # the quote opens its sentence


class QuoteAttributor:
    def __init__(self, ctx: Context, resolver: Resolver):
        self.ctx = ctx
        self.res = resolver
        self.verbs = ctx.lex.reporting_verbs
        self.stages = (self._according_to, self._tag, self._colon, self._dash, self._surface_tag)

    def attribute(self, quotes: list[RawQuote]) -> list[Attribution]:
        prev: tuple[RawQuote, Attribution] | None = None
        # a quotation inside another ('… isn’t about “Equal Justice” anymore') is the outer
        # speaker's words; the scanner closes the inner one first, so attribute in order of
        # opening. Quotes nest but never cross, so the quotes still open form a stack and
        # the innermost one enclosing a quote is found without comparing every pair.
        order = sorted(range(len(quotes)), key=lambda i: quotes[i].open)
        outer: dict[int, int | None] = {}
        stack: list[int] = []
        for i in order:
            q = quotes[i]
            while stack and quotes[stack[-1]].close < q.open:
                stack.pop()
            outer[i] = next((j for j in reversed(stack) if q.close <= quotes[j].close), None)
            stack.append(i)
        done: dict[int, Attribution] = {}
        for i in order:
            q = quotes[i]
            j = outer[i]
            if j is not None and j in done and done[j].speaker:
                o = done[j]
                done[i] = Attribution(o.speaker, o.cue, "inside a quotation by the same speaker", o.sentence,
                                      "nested", o.confidence)
                continue
            att = self._one(q, prev)
            if not att.confidence:
                att.confidence = STAGE_CONFIDENCE.get(att.how, 0.5) if att.speaker else 0.0
            done[i] = att
            if att.speaker:
                prev = (q, att)
        return [done[i] for i in range(len(quotes))]

    def _context(self, q: RawQuote) -> _Q | None:
        ctx = self.ctx
        toks = ctx.tokens_in(q.start, q.end)
        chunk = toks[0][0] if toks else ctx.chunk_at(q.start)
        if chunk is None:
            return None
        qtoks = [t for c, t in toks if c is chunk]
        sents = []
        for t in qtoks:
            if t.sent not in sents:
                sents.append(t.sent)
        if not sents:
            return None
        # Also the sentence right after, when the quote ends a sentence ("...," Blinken said.)
        last = sents[-1]
        opens = all(t.is_punct or t.is_space for t in sents[0] if ctx.tok_start(chunk, t) < q.open)
        if last.end < len(chunk.doc):
            nxt = chunk.doc[last.end].sent
            tagged = ctx.text[q.end - 1:q.end] in "?!"
            if ctx.tok_start(chunk, nxt[0]) - q.close <= 3 and (len(nxt) <= 10 or opens and self._tag_sentence(nxt, tagged)):
                sents.append(nxt)
        if sents[0].start > 0:
            before = chunk.doc[sents[0].start - 1].sent
            if before[-1].text == ":" or (len(before) <= 12 and ctx.tok_start(chunk, before[-1]) + 3 >= q.open):
                sents.insert(0, before)
        sent_span = ctx.span_of(chunk, [sents[0][0], sents[-1][-1]])
        cand = [t for s in sents for t in s if not (q.open <= ctx.tok_start(chunk, t) <= q.close)]
        return _Q(q, chunk, qtoks, cand, sent_span, opens)

    def _tag_sentence(self, sent, any_verb: bool = False) -> bool:
        """A sentence right after a quote that is its tag however long it runs:
        '"…!" Tomas Abara declared, a point he likes to make after …', '"…?" Mara
        Lindqvist, the head of …, asked reporters at …', '"…" said X, who …'. Its root is a
        verb of saying (any verb with ``any_verb``, after a quote ending in ? or !: '"…?" Trump
        went on, as if …') that opens it or whose subject opens it."""
        root = sent.root
        # after "?" or "!" the tag may use any verb ('"…?" Trump went on, as if …')
        if root.pos_ != "VERB" or not (any_verb or root.lemma_.lower() in self.verbs):
            return False
        if any(ch.dep_ in ("ccomp", "xcomp") for ch in root.children):
            return False  # '"…." Kasich said he would have fired him': a statement of its own, not a tag
        first = next((t for t in sent if not t.is_punct), None)
        if first is None:
            return False
        if first.i == root.i:
            return True
        subj = clause_subject(root)
        return subj is not None and subj.head.i == root.i and subj.left_edge.i == first.i \
            and subj.pos_ in ("PROPN", "NOUN", "PRON")

    def _one(self, q: RawQuote, prev) -> Attribution:
        c = self._context(q)
        if c is None:
            return Attribution(None, None, "no parse", (q.open, q.close + 1))
        for stage in self.stages:
            att = stage(c)
            if att is not None:
                return att
        for stage in (self._clause_subject, self._headline, self._speech_before, self._subject_before,
                      self._continuation, self._issuer):
            att = stage(c, prev)
            if att is not None:
                return att
        return Attribution(None, None, "no speaker found", c.sent_span)

    def _issuer(self, c: _Q, prev) -> Attribution | None:
        """A statement printed as quoted paragraphs ("UK Statement on …" then “The UK is deeply
        concerned … “We call on …”): a quote that opens its paragraph, says more than a phrase
        and has no other speaker is the statement's issuer's. Not a phrase in scare quotes."""
        k = self.res.doc_speaker
        q = c.raw
        if k is None or q.close - q.open < 60:
            return None
        para_start = self.ctx.text.rfind("\n", 0, q.open) + 1
        if self.ctx.text[para_start:q.open].strip():
            return None
        return Attribution(k, None, "the statement's issuer: a quoted paragraph with no other speaker",
                           c.sent_span, "issuer")

    # ------------------------------------------------------------- stages
    def _according_to(self, c: _Q) -> Attribution | None:
        k = self.res.according_to(c.chunk, c.cand, loose=True)
        return Attribution(k, "according to", "according to", c.sent_span, "according_to") if k else None

    def _tag(self, c: _Q) -> Attribution | None:
        """The verb of saying that governs the quote, else the nearest one around it."""
        ctx, chunk, q = self.ctx, c.chunk, c.raw
        verbs = [t for t in c.cand if t.lemma_.lower() in self.verbs and t.pos_ in ("VERB", "AUX")]
        manner = self._manner_tag(c)
        if manner is not None and manner not in verbs:
            verbs.append(manner)
        if not verbs:
            return None
        governing = []
        for t in c.qtoks:
            h = t
            for _ in range(12):
                if h.head.i == h.i:
                    break
                h = h.head
                if any(h.i == v.i for v in verbs) and all(h.i != g.i for g in governing):
                    governing.append(h)
        # '"…?" asked Dunn' / '"…," said X': a verb right after the closing mark is the tag
        tagged = ctx.text[q.end - 1:q.end] in ",?!" or ctx.text[q.close + 1:q.close + 2] == ","
        right_after = [v for v in verbs if 0 <= ctx.tok_start(chunk, v) - q.close <= 4] if tagged else []
        ordered = right_after + [g for g in governing if g not in right_after]
        ordered += sorted((v for v in verbs if v not in ordered),
                          key=lambda v: min(abs(ctx.tok_start(chunk, v) - q.open),
                                            abs(ctx.tok_start(chunk, v) - q.close)))
        for v in ordered:
            agent = by_agent(v)
            if agent is not None and not self.res.in_quote(ctx.tok_start(chunk, agent)):
                # "Sanders was asked by host Bill Maher, '…'": a passive tag speaks through its agent
                k = self.res.resolve_np(chunk, agent, ctx.tok_start(chunk, agent), loose=False)
                if k:
                    return Attribution(k, v.text, "by-agent of a passive verb of saying", c.sent_span, "tag")
            subjects = [ch for ch in v.children if ch.dep_ in ("nsubj", "nsubjpass")]
            outside = [ch for ch in subjects if not self.res.in_quote(ctx.tok_start(chunk, ch))]
            if subjects and outside and len(outside) < len(subjects):
                # '"…, nothing you can do, folks," Trump said': the parser gave the verb two
                # subjects; the one outside the quotation speaks
                k = self.res.resolve_np(chunk, outside[0], ctx.tok_start(chunk, outside[0]))
                if k:
                    return Attribution(k, v.text, "subject of reporting verb", c.sent_span, "tag")
            subj = clause_subject(v)
            if subj is None or self.res.in_quote(ctx.tok_start(chunk, subj)):
                # a subject inside a quotation (this one or another) is not a speaker
                k = self._inverted(c, v) if subj is None else None
                if k:
                    return Attribution(k, v.text, "speaker after the verb (inversion)", c.sent_span, "tag",
                                       INVERTED_TAG_CONFIDENCE)
                k = self._name_after_close(c, v)
                if k:
                    return Attribution(k, v.text, "name between the quote and its verb of saying", c.sent_span,
                                       "tag", INVERTED_TAG_CONFIDENCE)
                continue
            k = self.res.subject_of(chunk, v)
            if k:
                return Attribution(k, v.text, "subject of reporting verb", c.sent_span, "tag")
        return None

    def _manner_tag(self, c: _Q):
        """'"…?" Trump went on', '"…," Hannity pressed', '"Go back to Univision," Trump barked':
        right after a quote that ends in a comma, ? or !, a name followed by its verb is the
        tag whatever the verb (the lexicon lists verbs of saying, not every manner of saying).
        The verb whose subject opens the text after the closing mark, else None."""
        ctx, q, chunk = self.ctx, c.raw, c.chunk
        if not c.opens or (ctx.text[q.end - 1:q.end] not in ",?!" and ctx.text[q.close + 1:q.close + 2] != ","):
            return None  # '… said, "Instead of …," Obama "opted …"': introduced before, no tag after
        after = [t for t in c.cand if ctx.tok_start(chunk, t) > q.close and not (t.is_punct or t.is_space)]
        if not after or ctx.tok_start(chunk, after[0]) - q.close > 4:
            return None
        first = after[0]
        for t in after[:8]:
            if t.pos_ in ("VERB", "AUX"):
                subj = next((ch for ch in t.children if ch.dep_ == "nsubj"), None)
                # not '"I am still Sanders," it read': a sign or a letter is no speaker
                if t.pos_ == "VERB" and subj is not None and subj.left_edge.i == first.i and subj.i < t.i \
                        and subj.pos_ in ("PROPN", "NOUN", "PRON") \
                        and subj.lower_ not in ("it", "this", "that", "which", "there"):
                    return t
                return None
        return None

    def _inverted(self, c: _Q, v) -> str | None:
        """'"…," declared UAW President Shawn Fain': after a quote, a verb of saying
        with no subject before it takes the name after it, whatever the parser
        called it (nsubj or dobj). Not for verbs whose object is the addressee."""
        ctx, q, chunk = self.ctx, c.raw, c.chunk
        if ctx.tok_start(chunk, v) < q.close or v.lemma_.lower() in ("tell", "ask", "urge", "call", "describe"):
            return None
        for ch in v.children:
            if ch.i > v.i and ch.dep_ in ("nsubj", "dobj", "attr", "npadvmod") and ch.pos_ in ("PROPN", "NOUN") \
                    and not self.res.in_quote(ctx.tok_start(chunk, ch)):
                return self.res.resolve_np(chunk, ch, ctx.tok_start(chunk, ch), loose=False)
        if not c.opens or ctx.tok_start(chunk, v) - q.close > 4:
            return None
        # '"The risk," said Edward Leamer, an economist …, "is …"', '"…," tweeted Rubio spokesman
        # Alex Conant.': the parser hung the name elsewhere (on the second part of a split
        # quote, or made the verb a modifier of it). Right after the closing mark, the noun
        # phrase that follows the verb of saying is the speaker: its last proper noun.
        doc = chunk.doc
        run = _noun_run(doc, v.i + 1, len(doc), lambda t: not self.res.in_quote(ctx.tok_start(chunk, t)))
        names = [t for t in run if t.pos_ == "PROPN"]
        if not names:
            return None
        return self.res.resolve_np(chunk, names[-1], ctx.tok_start(chunk, names[-1]), loose=False)

    def _name_after_close(self, c: _Q, v) -> str | None:
        """'"…," Riverside delegate Tom Abara, wearing a hat, said': the parser hung the name
        on the quote's own verb and left the verb of saying after it without a subject (or
        with one inside the quote). The noun phrase opening the text right after the closing
        mark is the speaker: its last proper noun, else its head word."""
        ctx, q, chunk = self.ctx, c.raw, c.chunk
        if not c.opens or ctx.tok_start(chunk, v) <= q.close:
            return None
        doc = chunk.doc
        i = next((t.i for t in doc if ctx.tok_start(chunk, t) > q.close), None)
        if i is None or i >= v.i:
            return None
        while i < v.i and (doc[i].is_punct or doc[i].is_space):
            i += 1
        if ctx.tok_start(chunk, doc[i]) - q.close > 4:
            return None
        run = _noun_run(doc, i, v.i)
        if not run or not any(t.pos_ in ("PROPN", "NOUN") for t in run):
            return None
        names = [t for t in run if t.pos_ == "PROPN"]
        head = names[-1] if names else [t for t in run if t.pos_ == "NOUN"][-1]
        if self.res.in_quote(ctx.tok_start(chunk, head)):
            return None
        return self.res.resolve_np(chunk, head, ctx.tok_start(chunk, head), loose=False)

    def _colon(self, c: _Q) -> Attribution | None:
        """"He made one point clear: '…'", "Obama to Boehner: '…'", "SMITH: …"."""
        ctx, q = self.ctx, c.raw
        if not ctx.text[max(0, q.open - 3):q.open].strip().endswith(":"):
            return self._label(c)
        # the colon may end this paragraph's intro or the paragraph before
        colon = ctx.text.rfind(":", 0, q.open)
        chunk = ctx.chunk_at(colon)
        if chunk is None:
            return None
        intro = [(ch, t) for ch, t in ctx.tokens_in(max(chunk.offset, colon - 400), colon)
                 if ch is chunk]
        if not intro:
            return None
        sent = intro[-1][1].sent
        toks = [t for _, t in intro if t.sent == sent]
        k = self.res.according_to(chunk, toks, loose=False)  # "According to HuffPo:"
        if k:
            return Attribution(k, "according to", "according to, before a colon", c.sent_span, "colon")
        for t in reversed(toks):  # "as Breitbart News reported, …:", "Breitbart News responded:"
            if t.lemma_.lower() in self.verbs and t.pos_ == "VERB" and clause_subject(t) is not None:
                k = self.res.subject_of(chunk, t)
                if k:
                    return Attribution(k, t.text, "verb of saying before a colon", c.sent_span, "colon")
        root = sent.root
        if root.pos_ in ("VERB", "AUX") and clause_subject(root) is not None:
            k = self.res.subject_of(chunk, root)
            if k:
                return Attribution(k, ":", "subject of the sentence before a colon", c.sent_span, "colon")
        # a headline "X to Y:" or a label "SMITH:": the first person named, else the first party
        k = self._first_party(chunk, toks)
        return Attribution(k, ":", "name before a colon", c.sent_span, "colon") if k else None

    def _first_party(self, chunk, toks) -> str | None:
        """The first person named among ``toks``, else the first party."""
        keys = [k for t in toks if (k := self.res.actors.key_at(chunk, t)) and k in self.res.actors.clusters]
        people = [k for k in keys if self.res.actors.clusters[k].kind == "person"]
        return (people or keys or [None])[0]

    def _line_tokens(self, start: int, end: int) -> tuple[object, list]:
        """The chunk holding ``start`` and its tokens in [start, end)."""
        chunk = self.ctx.chunk_at(start)
        if chunk is None:
            return None, []
        return chunk, [t for ch, t in self.ctx.tokens_in(start, end) if ch is chunk]

    def _label(self, c: _Q) -> Attribution | None:
        """A headline or transcript line "Issa: Clinton's 'honesty is in question'":
        a short name and a colon opening the line speak the rest of it."""
        ctx, q = self.ctx, c.raw
        line_start = ctx.text.rfind("\n", 0, q.open) + 1
        colon = ctx.text.find(":", line_start, q.open)
        if colon < 0 or colon - line_start > 40 or any(ch in ctx.text[line_start:colon] for ch in ".!?“”\"'‘’"):
            return None
        k = self._first_party(*self._line_tokens(line_start, colon))
        return Attribution(k, ":", "name opening the line before a colon", c.sent_span, "colon") if k else None

    def _dash(self, c: _Q) -> Attribution | None:
        ctx, q = self.ctx, c.raw
        m = _DASH_TAG.match(ctx.text, q.close + 1)
        if not m:
            return None
        chunk = ctx.chunk_at(m.end())
        if chunk is None:
            return None
        for ch, t in ctx.tokens_in(m.end(), min(len(ctx.text), m.end() + 60)):
            if ch is not chunk or t.is_punct:
                break
            k = self.res.actors.key_at(chunk, t)
            if k and k in self.res.actors.clusters:
                return Attribution(k, "—", "name after a dash", c.sent_span, "dash")
        return None

    def _surface_tag(self, c: _Q) -> Attribution | None:
        """'"…," De La Calle sais.', '"…," From said.': when the parser loses a tag (a misspelt
        verb, a name that is also a preposition), read it from the characters. After a quote
        that ends in a comma, a name and one word at most a letter away from "said" (or
        "says", "added", …) closing the sentence is a tag."""
        ctx, q = self.ctx, c.raw
        if ctx.text[q.end - 1:q.end] not in ",?!" and ctx.text[q.close + 1:q.close + 2] != ",":
            return None
        m = _NAME_THEN_WORD.match(ctx.text, q.close + 1 + (ctx.text[q.close + 1:q.close + 2] == ","))
        if not m or m.group(2) in self.verbs or not any(
                Levenshtein.distance(m.group(2), w) <= 1 for w in _TAG_WORDS):
            return None
        k = next((k for chunk, t in ctx.tokens_in(m.start(1), m.end(1))
                  if (k := self.res.actors.key_at(chunk, t)) and k in self.res.actors.clusters), None)
        if k is None:
            # the tagger lost the name with the verb ("De La Calle" as a work of art): match it
            # to a known actor's name, case aside
            name = m.group(1).strip().lower()
            k = next((cl.key for cl in self.res.actors.clusters.values()
                      if any(n.lower() == name for n in cl.names) or any(s.lower() == name for s in cl.surfaces)),
                     None)
        if k is None:
            return None
        return Attribution(k, m.group(2), "a name and a verb of saying read from the text (the parser lost the tag)",
                           c.sent_span, "surface_tag")

    def _headline(self, c: _Q, prev) -> Attribution | None:
        """A quote in a Title Case headline ("Glenn Beck Blasts Drudge … 'Blasphemers'"),
        where the parser is lost: the first person named before it on the line."""
        ctx, q = self.ctx, c.raw
        line_start = ctx.text.rfind("\n", 0, q.open) + 1
        line_end = ctx.text.find("\n", q.open)
        line = ctx.text[line_start:line_end if line_end >= 0 else len(ctx.text)]
        if len(line) > 200 or not title_case(line, 3):
            return None
        k = self._first_party(*self._line_tokens(line_start, q.open))
        return Attribution(k, None, "first name in a Title Case headline", c.sent_span, "headline") if k else None

    def _speech_before(self, c: _Q, prev) -> Attribution | None:
        """A quote standing as its own sentence, with no tag: the latest speech event
        before it, after the previous quote, in this paragraph or the one before."""
        q, text = c.raw, self.ctx.text
        if any(t.pos_ in ("VERB", "AUX") for t in c.cand):
            return None  # the quote sits in a sentence of its own making: not a stand-alone quote
        para = text.rfind("\n", 0, q.open)
        prev_para = text.rfind("\n", 0, max(0, para - 1)) if para > 0 else -1
        while prev_para > 0 and not text[prev_para + 1:para].strip():  # skip blank lines
            prev_para = text.rfind("\n", 0, prev_para - 1)
        # after the previous quote and the tag that attributed it
        lo = max(prev_para, prev[0].close if prev else -1, prev[1].sentence[1] if prev else -1)
        ev = self.res.latest_event(q.open, lo)
        if ev is None:
            return None
        return Attribution(ev, None, "latest speech event before the quote", c.sent_span, "speech_before")

    def _subject_before(self, c: _Q, prev) -> Attribution | None:
        """A quote standing as its own sentence right after a sentence of the same paragraph
        whose subject is a party other than the previous quote's speaker: "Clinton touted her
        credentials as a co-sponsor. 'We need to find ways …'" is Clinton's, not the last
        speaker's (PolNeAR train: continuation's commonest error)."""
        chunk = c.chunk
        if not c.qtoks:
            return None
        own = {t.sent.start for t in c.qtoks}
        if any(t.pos_ in ("VERB", "AUX") and t.sent.start in own for t in c.cand):
            return None  # the quote sits in a sentence of its own making
        first = c.qtoks[0].sent
        if first.start == 0:
            return None
        before = chunk.doc[first.start - 1].sent
        if prev is not None and self.ctx.tok_start(chunk, before[0]) <= prev[0].close:
            return None  # the sentence before holds the previous quote: continuation decides
        if any(self.res.in_quote(self.ctx.tok_start(chunk, t)) for t in before):
            return None
        root = before.root
        if root.pos_ not in ("VERB", "AUX"):
            return None
        subj = clause_subject(root)
        if subj is None or subj.pos_ == "PRON":
            return None
        k = self.res.resolve_np(chunk, subj, self.ctx.tok_start(chunk, subj), loose=False)
        cl = self.res.actors.clusters.get(k) if k else None
        if cl is None or cl.kind not in ("person", "organization") or (prev is not None and k == prev[1].speaker):
            return None
        return Attribution(k, None, "subject of the sentence before the quote", c.sent_span, "speech_before",
                           STAGE_CONFIDENCE["speech_before"])

    def _continuation(self, c: _Q, prev) -> Attribution | None:
        if prev is None:
            return None
        pq, patt = prev
        between = self.ctx.text[pq.close + 1:c.raw.open]
        if len(between) <= 400 and between.count("\n") <= 2:
            return Attribution(patt.speaker, patt.cue, "continues the previous quote", c.sent_span, "continuation",
                               min(STAGE_CONFIDENCE["continuation"], patt.confidence))
        return None

    def _clause_subject(self, c: _Q, prev) -> Attribution | None:
        """Guarded fallback: the quote is an argument of a clause whose subject is a
        party ("the Taliban labeled the talks a 'complete failure'")."""
        ctx, q, chunk = self.ctx, c.raw, c.chunk
        seen = set()
        for t in c.qtoks:
            h = t
            for _ in range(6):
                if h.head.i == h.i or not (q.open <= ctx.tok_start(chunk, h.head) <= q.close):
                    break
                h = h.head
            v = h.head
            for _ in range(4):  # "brought up as 'very fishy'": through the preposition to its verb
                if v.pos_ in ("VERB", "AUX") or v.head.i == v.i or v.dep_ not in (
                        "prep", "pobj", "acomp", "oprd", "amod", "dobj", "compound", "appos", "conj"):
                    break
                v = v.head
            if v.i in seen or v.pos_ not in ("VERB", "AUX") or q.open <= ctx.tok_start(chunk, v) <= q.close:
                continue
            seen.add(v.i)
            rep = self._reporting_ancestor(chunk, v)
            if rep is not None:
                # "Warren said Trump was a 'loser'", "the Post reported that Lewandowski was ousted
                # 'after …'": the clause is what a verb of saying reports; its subject said the words
                k = self.res.subject_of(chunk, rep)
                if k is None and rep.dep_ == "acl" and rep.head.dep_ == "dobj" and rep.head.head.pos_ == "VERB":
                    # "Trump issued a statement saying that Scalia was '…'": who issued it
                    k = self.res.subject_of(chunk, rep.head.head)
                if k:
                    return Attribution(k, rep.text, "subject of the verb of saying that reports the clause around "
                                       "the quote", c.sent_span, "clause_subject")
            subj = clause_subject(v)
            if subj is None or subj.lower_ in ("it", "this", "that", "there"):
                continue
            k = self.res.subject_of(chunk, v)
            if k:
                return Attribution(k, v.text, "subject of the clause around the quote", c.sent_span,
                                   "clause_subject")
        return None

    def _reporting_ancestor(self, chunk, v):
        """The verb of saying whose complement clause holds ``v`` ("said [Trump was a …]",
        "saying [that Scalia was …]"), through coordinated clauses, else None. Not one inside
        a quotation."""
        t = v
        for _ in range(4):
            if t.dep_ == "conj" and t.head.i != t.i:
                t = t.head
                continue
            h = t.head
            if t.dep_ == "ccomp" and h.pos_ == "VERB" and h.lemma_.lower() in self.verbs \
                    and not self.res.in_quote(self.ctx.tok_start(chunk, h)):
                return h
            return None
        return None
