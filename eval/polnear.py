#!/usr/bin/env python3
"""Score Parley's quotes and quote speakers on the PolNeAR corpus (train split only).

PolNeAR (Newell, Margolin & Ruths, LREC 2018) annotates attributions in US
political news: a Source, a Cue and a Content span per attribution, in brat
standoff files. This tool reads the corpus straight from a git snapshot of its
repository (``git ls-tree`` / ``git cat-file``, no work tree needed) and
compares it with what Parley's quote scanner and speaker attribution find.

    python eval/polnear.py [--git DIR] [--limit N] [--match SUBSTR] [--jobs N]
                           [--errors N] [--json PATH] [--no-cache]
    make eval-polnear POLNEAR_ARGS='--limit 50 --errors 20'

The git dir comes from ``--git``, else ``$POLNEAR_GIT``, else
/work/.mirror/networkdynamics+PolNeAR/repo when it exists; when none is there
the tool prints one line saying what to set and exits 2.

Train split only
    PolNeAR's README asks analysts not to look at dev and test. ``--split``
    accepts only ``train``; every path this tool lists or reads is built from
    ``data/train/`` and checked to start with it. dev/ and test/ are never listed,
    read or opened.

Annotations
    ``data/train/attributions/<article>_<annotator>.ann``: ``T`` lines
    (``T1<TAB>Source 201 220<TAB>text``; types Source, Cue, Content, Attribution,
    Attribution-no-source, plus Discuss/Discard, which are not attributions and
    are ignored) and ``E`` lines (``E1<TAB>Attribution:T4 Content:T3 Cue:T2
    Source:T1``; an attribution without a source has the trigger
    ``Attribution-no-source``; a few have two Content arguments). Spans may be
    discontinuous (``Content 10 20;25 30``); brat then gives the fragments' texts
    joined by one space. A span's text may itself contain newlines, so a line
    that does not start a new record continues the previous ``T`` line's text.
    Several .ann files for one article (several annotators): the first in sorted
    file-name order is used, the others are ignored.

Offsets
    Checked, not assumed: for every ``T`` line, the fragments cut from the text
    (decoded as UTF-8, Python str indices) and joined by a space must equal the
    line's text. On the train split all 88,051 spans of the 919 .ann files match
    this way (character offsets, not bytes; 77,678 spans and 3,172 discontinuous
    ones in the files used). If an article's spans do not
    match as characters, UTF-8 byte and UTF-16 code unit offsets are tried and the
    convention with the fewest mismatches is used (converted to characters). The
    count of mismatches and the convention used are printed.

Gold quotes
    Every stretch between quotation marks, found by this tool's own scanner (not
    Parley's), one paragraph (line) at a time:

    * double marks: curly “…”, straight "…", and a doubled apostrophe ''…''
      (the New York Times articles in PolNeAR write every quotation mark this
      way); curly marks pair by direction, straight ones by alternation, with a
      mark whose context says "closing" ignored when nothing is open;
    * a double quote still open at the end of a paragraph runs to the paragraph's
      end when the next paragraph opens with a double mark (the newspaper
      convention for quotes over several paragraphs), else it is dropped;
    * single marks ‘…’ / '…' only where they clearly delimit a quotation: not
      inside a double quote (a quote within a quote belongs to the outer one),
      the opening mark after a space, start of line or ( [ — – - : and followed
      by a letter, the closing mark after a non-space and not followed by a
      letter or digit, not a plural possessive (``voters’ concerns``: a mark
      after s followed by a lowercase word), at most 300 characters apart.

    A quoted stretch is a gold quote when at least half of its characters lie
    inside the Content span(s) of one attribution; its gold speaker is that
    attribution's Source (the one with the largest overlap when several).
    Spans are the content between the marks with surrounding blanks trimmed, the
    same convention as Parley's ``Quote.start/end``.

Prediction and matching
    Parley's quotes (``Extraction.quotes``, its own scanner) are matched to gold
    quotes one-to-one by character overlap, largest overlap first. A matched pair
    is a true positive; an unmatched gold quote a false negative; an unmatched
    prediction with at least half its characters inside some attribution's
    Content a false positive. A prediction outside every Content (a scare quote,
    a title, a nickname nobody is said to have said) counts as neither; their
    number is reported as "outside attributed content".

Named gold sources (rules)
    Tokens are runs of letters/digits/apostrophes (hyphens and other
    punctuation split them), with a possessive ’s / s’ removed. First the
    Source's head, the part that names the speaker (``source_head``):

    1. cut at the first comma, parenthesis, dash, colon or semicolon, at the
       first relative word (who, whom, whose, which, that) and at the first
       preposition (of, for, to, at, in, on, with, from, by, …) that follows a
       capitalised non-title word: "Joel Pollak of Breitbart California" →
       Joel Pollak, "Martin Indyk, the president's former envoy" → Martin Indyk,
       but "Secretary of State John Kerry" stays whole;
    2. what precedes a possessive is a modifier and is dropped: "Mrs. Clinton's
       campaign" → campaign, "Trump's son Eric" → son Eric;
    3. a head that starts with a determiner/quantifier or a lower-case word and
       whose last word before its first preposition is lower case names nobody:
       "a senior Cruz adviser", "the former top aide to President George W. Bush",
       "officials at the State Department".

    Then the name tokens: in each conjunct of the head (split at and/or), the
    last run of capitalised words ("Republican presidential candidate Donald
    Trump" → Donald Trump; "Clinton campaign" → none), keeping a token when it

    a. is not a pronoun, determiner/quantifier, title or role word (PRONOUNS,
       DETERMINERS, TITLES below: He, The, Some, Mr, Sen, President, Spokeswoman…);
    b. when sentence-initial (after the start of the text, a line break or
       . ! ? : ; — a period after a title or an initial does not end a sentence)
       or in the article's first line (the headline, often Title Case): is all
       capitals or has an inner capital (MSNBC, McCain), or occurs capitalised
       mid-sentence in the article body more often than in lower case (Trump
       yes, Officials no).

    Source categories: ``named`` (at least one name token), ``pronoun`` (every
    token a pronoun: He, they, who), ``nominal`` (anything else: "the campaign",
    "Clinton's campaign", "a senior Cruz adviser"), ``none`` (attribution
    without a Source).

Speaker correctness
    Parley's speaker is right when (a) its actor's name, an alias or a mention
    text shares a name token with the gold Source text (case-insensitive;
    titles, pronouns, determiners and possessives ignored), or (b) one of the
    actor's mentions overlaps the gold Source span. A speaker of None is wrong.

Metrics
    detection precision/recall/F1; recall by mark style; named-speaker accuracy
    over matched quotes with a named gold Source (and end to end: over all gold
    quotes with a named Source, missed ones counted wrong); the share of those
    with speaker None; the mix of gold Source categories; for pronoun and nominal
    Sources an approximate accuracy (right when an actor mention overlaps the
    gold Source, or the actor shares a name token with the nearest preceding
    named Source in the article — a stand-in for the antecedent, not a gold
    coreference); and named-speaker accuracy broken down by ``Quote.reason``.

Options
    ``--errors N`` prints N wrong, unattributed or missed named-speaker cases,
    spread evenly over all such cases in article order; ``--json PATH`` writes one
    record per gold or predicted quote; ``--jobs N`` is ``extract_many``'s
    ``n_process``. Parley's results are cached under /work/main/.cache/polnear/,
    keyed by a hash of every file under extract/ (code and data; __pycache__
    skipped) plus the model ``extract.nlp.model_key()`` reports, and the article
    name; an entry also records the text's sha256 and is used only when it
    matches. ``--no-cache`` neither reads nor writes the cache.

Standard library plus the project's ``extract`` package only.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import subprocess
import sys
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Sequence

ROOT = Path(__file__).resolve().parent.parent
for _p in (ROOT, ROOT / "eval"):
    if str(_p) not in sys.path:
        sys.path.insert(0, str(_p))
import common  # noqa: E402  (eval/common.py: the code hash eval-diff uses too)

DEFAULT_GIT = "/work/.mirror/networkdynamics+PolNeAR/repo"
SPLIT = "train"
SPLIT_DIR = f"data/{SPLIT}/"
CACHE_DIR = ROOT / ".cache" / "polnear"

# ---------------------------------------------------------------------------
# brat standoff
# ---------------------------------------------------------------------------

Frags = tuple[tuple[int, int], ...]
_RECORD = re.compile(r"^(?:[TERAMN]\d+|#\d*)\t")


@dataclass
class TextBound:
    id: str
    type: str
    frags: Frags
    text: str  # as written in the .ann file

    @property
    def start(self) -> int:
        return self.frags[0][0]

    @property
    def end(self) -> int:
        return self.frags[-1][1]


@dataclass
class Attribution:
    id: str
    trigger: str  # "Attribution" or "Attribution-no-source"
    source: TextBound | None
    cue: TextBound | None
    contents: list[TextBound] = field(default_factory=list)

    @property
    def content_frags(self) -> Frags:
        return tuple(f for c in self.contents for f in c.frags)


@dataclass
class BratDoc:
    textbounds: dict[str, TextBound]
    attributions: list[Attribution]
    problems: list[str] = field(default_factory=list)


def parse_brat(ann: str) -> BratDoc:
    """Parse a brat .ann file: T (text-bound) and E (event) records.

    A line that does not start a record continues the previous T line's text
    (span texts may contain line breaks). Unknown record kinds are skipped;
    malformed ones are listed in ``problems``.
    """
    records: list[str] = []
    for line in ann.split("\n"):
        if _RECORD.match(line):
            records.append(line)
        elif records and records[-1].startswith("T"):
            records[-1] += "\n" + line
    tbs: dict[str, TextBound] = {}
    events: list[list[str]] = []
    problems: list[str] = []
    for rec in records:
        if rec.startswith("T"):
            parts = rec.split("\t", 2)
            try:
                kind, offs = parts[1].split(" ", 1)
                frags = tuple((int(a), int(b)) for a, b in (f.split() for f in offs.split(";")))
            except (IndexError, ValueError):
                problems.append(rec[:80])
                continue
            text = parts[2].rstrip("\n") if len(parts) > 2 else ""
            tbs[parts[0]] = TextBound(parts[0], kind, frags, text)
        elif rec.startswith("E"):
            parts = rec.split("\t")
            events.append([parts[0]] + (parts[1].split() if len(parts) > 1 else []))
    atts: list[Attribution] = []
    for ev in events:
        eid, args = ev[0], ev[1:]
        if not args or ":" not in args[0]:
            problems.append(eid)
            continue
        trigger = args[0].split(":", 1)[0]
        att = Attribution(eid, trigger, None, None)
        for arg in args[1:]:
            role, _, tid = arg.partition(":")
            role = role.rstrip("0123456789")
            tb = tbs.get(tid)
            if tb is None:
                problems.append(f"{eid} {arg}")
                continue
            if role == "Source":
                att.source = tb
            elif role == "Cue":
                att.cue = tb
            elif role == "Content":
                att.contents.append(tb)
        atts.append(att)
    return BratDoc(tbs, atts, problems)


def span_text(text: str, frags: Frags) -> str:
    """What brat writes for a span: its fragments joined by one space."""
    return " ".join(text[a:b] for a, b in frags)


def _to_chars(text: str, off: int, convention: str) -> int:
    if convention == "utf8-bytes":
        return len(text.encode("utf-8", "surrogatepass")[:off].decode("utf-8", "ignore"))
    if convention == "utf16-units":
        return len(text.encode("utf-16-le", "surrogatepass")[:2 * off].decode("utf-16-le", "ignore"))
    return off


def _mismatches(text: str, tbs: Iterable[TextBound]) -> int:
    return sum(1 for tb in tbs
               if span_text(text, tb.frags).rstrip("\n") != tb.text.rstrip("\n"))


def check_offsets(text: str, doc: BratDoc) -> tuple[int, int, str]:
    """Verify span offsets against the text: (spans checked, mismatches, convention).

    Character offsets first; if any span does not match, byte (UTF-8) and UTF-16
    offsets are tried and the convention with fewest mismatches wins. Offsets
    of ``doc`` are rewritten to character offsets when another convention won.
    """
    tbs = list(doc.textbounds.values())
    bad = _mismatches(text, tbs)
    if not bad:
        return len(tbs), 0, "chars"
    best = ("chars", bad, None)
    for conv in ("utf8-bytes", "utf16-units"):
        conv_tbs = [TextBound(tb.id, tb.type,
                              tuple((_to_chars(text, a, conv), _to_chars(text, b, conv)) for a, b in tb.frags),
                              tb.text) for tb in tbs]
        n = _mismatches(text, conv_tbs)
        if n < best[1]:
            best = (conv, n, conv_tbs)
    if best[2] is not None:
        for tb in best[2]:
            doc.textbounds[tb.id].frags = tb.frags
    return len(tbs), best[1], best[0]


# ---------------------------------------------------------------------------
# Quotation marks (the gold scanner)
# ---------------------------------------------------------------------------

OPEN_CTX = "([{—–-/:;"


@dataclass(frozen=True)
class QuotedSpan:
    start: int  # first content character (blanks trimmed)
    end: int  # one past the content
    open: int  # index of the opening mark
    style: str  # curly | straight | doubled-apostrophe | single


def _marks(line: str) -> list[tuple[int, int, str]]:
    """(index, width, kind) of quote marks; kind 'dq' double, 'dq2' '' pair, 'sq' single."""
    out: list[tuple[int, int, str]] = []
    i, n = 0, len(line)
    while i < n:
        ch = line[i]
        if ch == "'":
            j = i
            while j < n and line[j] == "'":
                j += 1
            run = j - i
            if run == 1:
                out.append((i, 1, "sq"))
            elif run == 3:  # ''' : closing ' + '' after text, else '' + opening '
                prev = line[i - 1] if i else " "
                if not prev.isspace():
                    out += [(i, 1, "sq"), (i + 1, 2, "dq2")]
                else:
                    out += [(i, 2, "dq2"), (i + 2, 1, "sq")]
            else:
                k = i
                while j - k >= 2:
                    out.append((k, 2, "dq2"))
                    k += 2
                if k < j:
                    out.append((k, 1, "sq"))
            i = j
            continue
        if ch in "“”\"":
            out.append((i, 1, "dq"))
        elif ch in "‘’":
            out.append((i, 1, "sq"))
        i += 1
    return out


def _direction(line: str, i: int, w: int) -> str:
    ch = line[i]
    if ch in "“‘":
        return "open"
    if ch in "”":
        return "close"
    prev = line[i - 1] if i else " "
    nxt = line[i + w] if i + w < len(line) else " "
    if (prev.isspace() or prev in OPEN_CTX) and not nxt.isspace():
        return "open"
    if not prev.isspace() and (nxt.isspace() or not nxt.isalnum()):
        return "close"
    return "either"


def _trimmed(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return a, b


def _style(mark: str, width: int) -> str:
    return "curly" if mark == "“" else ("doubled-apostrophe" if width == 2 else "straight")


def _opens_with_double(line: str) -> bool:
    s = line.lstrip()
    return bool(s) and (s[0] in "“\"" or s.startswith("''"))


def find_quoted_spans(text: str) -> list[QuotedSpan]:
    """Every stretch between quotation marks (see the module docstring for the rules)."""
    out: list[QuotedSpan] = []
    lines = text.split("\n")
    base = 0
    for li, line in enumerate(lines):
        marks = _marks(line)
        doubles: list[tuple[int, int, int, str]] = []  # (open mark, content start, close mark, style)
        d_open: tuple[int, int, str] | None = None  # (idx, width, char)
        for i, w, kind in marks:
            if kind == "sq":
                continue
            d = _direction(line, i, w)
            ch = line[i]
            if d_open is None:
                if d in ("open", "either"):
                    d_open = (i, w, ch)
                continue
            if ch == "“":  # a new curly opening: the earlier mark was stray
                d_open = (i, w, ch)
                continue
            oi, ow, och = d_open
            doubles.append((oi, oi + ow, i, _style(och, ow)))
            d_open = None
        if d_open is not None:
            nxt = next((ln for ln in lines[li + 1:] if ln.strip()), "")
            if _opens_with_double(nxt):
                oi, ow, och = d_open
                doubles.append((oi, oi + ow, len(line), _style(och, ow)))
        for o, a, b, style in doubles:
            s, e = _trimmed(text, base + a, base + b)
            if e > s:
                out.append(QuotedSpan(s, e, base + o, style))
        # single quotes, outside every double quote
        covered = [(o, b + 1) for o, _, b, _ in doubles]
        s_open: int | None = None
        for i, w, kind in marks:
            if kind != "sq" or any(lo <= i < hi for lo, hi in covered):
                continue
            ch = line[i]
            prev = line[i - 1] if i else " "
            nxt = line[i + 1] if i + 1 < len(line) else " "
            if ch in "‘'" and (prev.isspace() or prev in OPEN_CTX) and nxt.isalpha():
                s_open = i
                continue
            if s_open is None or ch not in "’'" or prev.isspace() or nxt.isalnum():
                continue
            if prev in "sS" and nxt == " " and i + 2 < len(line) and line[i + 2].islower():
                continue  # "voters’ concerns": a possessive
            if i - s_open > 300 or any(s_open < lo < i for lo, _ in covered):
                s_open = None
                continue
            s, e = _trimmed(text, base + s_open + 1, base + i)
            if e > s:
                out.append(QuotedSpan(s, e, base + s_open, "single"))
            s_open = None
        base += len(line) + 1
    out.sort(key=lambda q: q.start)
    return out


# ---------------------------------------------------------------------------
# Names and speakers
# ---------------------------------------------------------------------------

PRONOUNS = frozenset("""
i me my mine myself we us our ours ourselves you your yours yourself yourselves
he him his himself she her hers herself it its itself they them their theirs themselves
who whom whose which that this these those one someone somebody everyone everybody
anyone anybody nobody none
""".split())
DETERMINERS = frozenset("""
the a an some many most several both all each every any no few other others another such
two three four five six seven eight nine ten dozens hundreds thousands more fewer
""".split())
TITLES = frozenset("""
mr mrs ms miss mx dr sen senator rep reps representative congressman congresswoman gov governor
president pres vice prime minister secretary sec speaker leader chairman chairwoman chair
mayor judge justice attorney general gen adm admiral lt col capt sgt rev reverend prof professor
sir lord lady dame jr sr st former candidate nominee spokesman spokeswoman spokesperson aide
aides official officials adviser advisor strategist director manager chief press
""".split())
STOP = PRONOUNS | DETERMINERS | TITLES
_WORD = re.compile(r"[^\W_][^\W_'’]*(?:['’][^\W_]+)*")


def _tokens(s: str) -> list[tuple[int, int, str, bool]]:
    """(start, end, token, possessive) with a possessive ’s / s’ removed from the token."""
    out = []
    for m in _WORD.finditer(s):
        t = m.group().replace("’", "'")
        poss = False
        if t.lower().endswith("'s"):
            t, poss = t[:-2], True
        elif t[-1:] in "sS" and s[m.end():m.end() + 1] in ("'", "’") and not s[m.end() + 1:m.end() + 2].isalnum():
            poss = True  # "voters’ concerns"
        if t:
            out.append((m.start(), m.end(), t, poss))
    return out


def tokens(s: str) -> list[tuple[int, str]]:
    """(offset, token) with possessives removed; hyphens and other punctuation split tokens."""
    return [(a, t) for a, _, t, _ in _tokens(s)]


def _sentence_initial(text: str, pos: int) -> bool:
    j = pos - 1
    while j >= 0 and (text[j] in " \t\u00a0\"'“”‘’([" or text[j] in "—–-" and j == pos - 1):
        j -= 1
    if j < 0 or text[j] == "\n":
        return True
    if text[j] in "!?:;—":
        return True
    if text[j] == ".":
        k = j
        while k > 0 and text[k - 1].isalpha():
            k -= 1
        word = text[k:j].lower()
        if word in TITLES or len(word) == 1:
            return False  # "Mr. Obama", "George W. Bush"
        return True
    return False


class ArticleWords:
    """Per-article word statistics for the sentence-initial / headline rule."""

    def __init__(self, text: str):
        self.text = text
        first = text.lstrip("\n")
        self.headline_end = (len(text) - len(first)) + (first.find("\n") if "\n" in first else len(first))
        self.caps_mid: Counter[str] = Counter()
        self.lower: Counter[str] = Counter()
        for pos, w in tokens(text):
            if w[0].islower():
                self.lower[w.lower()] += 1
            elif w[0].isupper() and pos >= self.headline_end and not _sentence_initial(text, pos):
                self.caps_mid[w.lower()] += 1

    def is_name_token(self, tok: str, pos: int) -> bool:
        if not tok[:1].isupper() or tok.lower() in STOP:
            return False
        if pos < self.headline_end or _sentence_initial(self.text, pos):
            if tok.isupper() and len(tok) > 1 or any(c.isupper() for c in tok[1:]):
                return True
            key = tok.lower()
            return self.caps_mid[key] > self.lower[key]
        return True


PREPOSITIONS = frozenset("of for to at in on with from by about under inside within among behind".split())
RELATIVES = frozenset("who whom whose which that".split())
_CUT = re.compile(r"[,;:()\[\]—–]| - ")


def source_head(text: str, frags: Frags) -> list[tuple[int, str]]:
    """The part of a Source span that names the speaker: [(offset in text, token)].

    Cut at the first comma, parenthesis, dash, semicolon or colon, at the first
    relative word (who, which, that…), and at the first preposition that follows
    a capitalised word ("Joel Pollak of Breitbart" → Joel Pollak, but "Secretary
    of State John Kerry" stays whole); what precedes a possessive is dropped
    ("Mrs. Clinton's campaign" → campaign). A head that starts with a determiner
    or a lower-case word and whose last word before the first preposition is
    lower case names nobody ("a senior Cruz adviser", "the former top aide to
    President George W. Bush") and comes back empty.
    """
    toks: list[tuple[int, str, bool]] = []
    stop = False
    for a, b in frags:
        seg, prev_end = text[a:b], 0
        for s0, s1, t, poss in _tokens(seg):
            if toks and _CUT.search(seg[prev_end:s0]):
                stop = True
                break
            toks.append((a + s0, t, poss))
            prev_end = s1
        if stop:
            break
    head: list[tuple[int, str, bool]] = []
    capital = False
    for pos, t, poss in toks:
        lw = t.lower()
        if head and (lw in RELATIVES or lw in PREPOSITIONS and capital):
            break
        head.append((pos, t, poss))
        capital = capital or (t[:1].isupper() and lw not in STOP)
        if poss:
            head, capital = [], False
    if not head:
        return []
    first = head[0][1]
    if first.lower() in DETERMINERS or first[:1].islower():
        before_prep = []
        for _, t, _ in head:
            if t.lower() in PREPOSITIONS:
                break
            before_prep.append(t)
        if before_prep and before_prep[-1][:1].islower():
            return []
    return [(pos, t) for pos, t, _ in head]


def source_name_tokens(text: str, frags: Frags, words: ArticleWords | None = None) -> list[str]:
    """Lower-cased name tokens of a gold Source span's head (rules in the module docstring)."""
    words = words or ArticleWords(text)
    out: list[str] = []
    conjunct: list[tuple[int, str]] = []
    for item in source_head(text, frags) + [(-1, "and")]:
        if item[1].lower() in ("and", "or"):
            run = []
            for pos, t in reversed(conjunct):  # the last run of capitalised words
                if not t[:1].isupper():
                    break
                run.insert(0, (pos, t))
            out += [t.lower() for pos, t in run if words.is_name_token(t, pos)]
            conjunct = []
        else:
            conjunct.append(item)
    return out


def source_category(text: str, frags: Frags | None, words: ArticleWords | None = None) -> str:
    if not frags:
        return "none"
    if source_name_tokens(text, frags, words):
        return "named"
    toks = [t.lower() for a, b in frags for _, t in tokens(text[a:b])]
    if toks and all(t in PRONOUNS for t in toks):
        return "pronoun"
    return "nominal"


def actor_tokens(actor) -> set[str]:
    """Lower-cased tokens of an actor's name, aliases and mention texts, minus stop words."""
    strings = [actor.name, *actor.aliases, *(m.text for m in actor.mentions)]
    return {t.lower() for s in strings for _, t in tokens(s) if t.lower() not in STOP}


def _overlap(a0: int, a1: int, frags: Frags) -> int:
    return sum(max(0, min(a1, b1) - max(a0, b0)) for b0, b1 in frags)


def speaker_matches(actor, gold_names: Sequence[str], gold_frags: Frags | None) -> str:
    """Why Parley's speaker counts as right: 'name', 'mention', or '' (wrong).

    ``actor`` is an ``extract.Actor`` (or None), ``gold_names`` the gold Source's
    name tokens (``source_name_tokens``), ``gold_frags`` its span.
    """
    if actor is None:
        return ""
    if gold_names and set(gold_names) & actor_tokens(actor):
        return "name"
    if gold_frags and any(_overlap(m.start, m.end, gold_frags) for m in actor.mentions):
        return "mention"
    return ""


# ---------------------------------------------------------------------------
# Gold quotes and matching
# ---------------------------------------------------------------------------


@dataclass
class GoldQuote:
    start: int
    end: int
    style: str
    att: Attribution


def gold_quotes(text: str, doc: BratDoc) -> list[GoldQuote]:
    out = []
    for q in find_quoted_spans(text):
        best, best_ov = None, 0
        for att in doc.attributions:
            ov = _overlap(q.start, q.end, att.content_frags)
            if ov > best_ov:
                best, best_ov = att, ov
        if best is not None and 2 * best_ov >= q.end - q.start:
            out.append(GoldQuote(q.start, q.end, q.style, best))
    return out


def inside_content(start: int, end: int, doc: BratDoc) -> bool:
    return any(2 * _overlap(start, end, att.content_frags) >= end - start for att in doc.attributions)


def match_spans(gold: Sequence[tuple[int, int]], pred: Sequence[tuple[int, int]]) -> dict[int, int]:
    """One-to-one matching by character overlap, largest first: {pred index: gold index}."""
    pairs = []
    for gi, (g0, g1) in enumerate(gold):
        for pi, (p0, p1) in enumerate(pred):
            ov = min(g1, p1) - max(g0, p0)
            if ov > 0:
                pairs.append((-ov, gi, pi))
    pairs.sort()
    used_g, out = set(), {}
    for _, gi, pi in pairs:
        if gi not in used_g and pi not in out:
            out[pi] = gi
            used_g.add(gi)
    return out


# ---------------------------------------------------------------------------
# Reading the corpus from git
# ---------------------------------------------------------------------------


class CorpusError(Exception):
    pass


class GitCorpus:
    """The train split of a PolNeAR git snapshot (no work tree)."""

    def __init__(self, git_dir: str):
        self.git_dir = git_dir

    def _git(self, *args: str, input: bytes | None = None) -> bytes:
        try:
            r = subprocess.run(["git", "--git-dir", self.git_dir, *args], input=input,
                               capture_output=True, check=False)
        except OSError as e:
            raise CorpusError(f"cannot run git: {e}") from e
        if r.returncode:
            raise CorpusError(f"git {' '.join(args[:2])} failed in {self.git_dir}: "
                              f"{r.stderr.decode(errors='replace').strip()[:200]}")
        return r.stdout

    @staticmethod
    def _guard(path: str) -> str:
        if not path.startswith(SPLIT_DIR) or ".." in path.split("/"):
            raise CorpusError(f"refusing to read outside {SPLIT_DIR}: {path}")
        return path

    def ls(self, sub: str) -> list[str]:
        path = self._guard(f"{SPLIT_DIR}{sub}/")
        out = self._git("ls-tree", "--name-only", "HEAD", path).decode("utf-8")
        return sorted(p for p in out.split("\n") if p)

    def read_many(self, paths: Sequence[str]) -> dict[str, bytes]:
        if not paths:
            return {}
        for p in paths:
            self._guard(p)
        data = self._git("cat-file", "--batch", input="".join(f"HEAD:{p}\n" for p in paths).encode())
        out, pos = {}, 0
        for p in paths:
            nl = data.index(b"\n", pos)
            header = data[pos:nl].split()
            pos = nl + 1
            if len(header) < 3 or header[-1] == b"missing":
                raise CorpusError(f"missing in the snapshot: {p}")
            size = int(header[2])
            out[p] = data[pos:pos + size]
            pos += size + 1
        return out

    def articles(self) -> tuple[dict[str, str], int]:
        """{article name: chosen .ann path} and how many articles had several .ann files."""
        by_article: dict[str, list[str]] = defaultdict(list)
        for p in self.ls("attributions"):
            fname = p.rsplit("/", 1)[-1]
            if not fname.endswith(".ann"):
                continue
            article, _, annotator = fname[:-4].rpartition("_")
            if article and annotator:
                by_article[article].append(p)
        multi = sum(1 for v in by_article.values() if len(v) > 1)
        return {a: sorted(v)[0] for a, v in sorted(by_article.items())}, multi


# ---------------------------------------------------------------------------
# Parley's predictions (cached)
# ---------------------------------------------------------------------------


def code_hash() -> str:
    """The extractor's code and data (eval/common.code_hash) and the spaCy model."""
    h = hashlib.sha256(common.code_hash(ROOT).encode())
    try:
        from extract.nlp import model_key
        h.update(b"model\0" + (model_key() or "?").encode())
    except Exception:  # noqa: BLE001 - the hash must not fail on an odd model setup
        pass
    return h.hexdigest()


def _cache_file(chash: str, article: str) -> Path:
    name = article if re.fullmatch(r"[A-Za-z0-9._-]{1,200}", article) else hashlib.sha1(article.encode()).hexdigest()
    return CACHE_DIR / chash[:20] / f"{name}.json"


def predictions(texts: dict[str, str], jobs: int, use_cache: bool) -> dict:
    from extract.model import Extraction, text_sha256

    out: dict[str, Extraction] = {}
    chash = code_hash() if use_cache else ""
    todo = []
    for name, text in texts.items():
        if use_cache:
            f = _cache_file(chash, name)
            try:
                d = json.loads(f.read_text(encoding="utf-8"))
                if d.get("text_sha256") == text_sha256(text):
                    out[name] = Extraction.from_dict(d["extraction"])
                    continue
            except (OSError, ValueError, KeyError, TypeError):
                pass
        todo.append(name)
    if not todo:
        return out
    from extract import Extractor, ModelNotFound

    try:
        ex = Extractor()
    except ModelNotFound as e:
        print(f"polnear: {e}", file=sys.stderr)
        raise SystemExit(2)
    print(f"polnear: extracting {len(todo)} article(s) with Parley ({len(out)} cached)…", file=sys.stderr)
    t0 = time.monotonic()
    docs = [(texts[n], f"polnear:{SPLIT}/{n}.txt") for n in todo]
    for k, (name, x) in enumerate(zip(todo, ex.extract_many(docs, n_process=max(1, jobs))), 1):
        out[name] = x
        if use_cache:
            f = _cache_file(chash, name)
            f.parent.mkdir(parents=True, exist_ok=True)
            tmp = f.with_suffix(f".tmp{os.getpid()}")
            tmp.write_text(json.dumps({"article": name, "text_sha256": text_sha256(texts[name]),
                                       "extraction": x.to_dict()}), encoding="utf-8")
            os.replace(tmp, f)
        if k % 100 == 0 or k == len(todo):
            print(f"polnear: {k}/{len(todo)} extracted ({time.monotonic() - t0:.0f} s)", file=sys.stderr)
    return out


# ---------------------------------------------------------------------------
# Scoring
# ---------------------------------------------------------------------------


def score_article(name: str, text: str, doc: BratDoc, x) -> list[dict]:
    """Per-quote records: status tp/fn/fp/outside with gold and predicted details."""
    words = ArticleWords(text)
    gold = gold_quotes(text, doc)
    preds = list(x.quotes)
    m = match_spans([(g.start, g.end) for g in gold], [(p.start, p.end) for p in preds])
    by_gold = {gi: pi for pi, gi in m.items()}
    # named Sources in reading order, for the pronoun/nominal stand-in antecedent
    named_sources = sorted(
        {(a.source.start, a.source.id): a.source for a in doc.attributions
         if a.source and source_name_tokens(text, a.source.frags, words)}.items())
    recs = []

    def pred_fields(p) -> dict:
        actor = x.actor(p.speaker)
        return {"pred_id": p.id, "pred_start": p.start, "pred_end": p.end, "pred_text": p.text,
                "speaker": p.speaker, "speaker_name": actor.name if actor else None,
                "reason": p.reason, "how": getattr(p, "how", "") or "", "cue": p.cue}

    for gi, g in enumerate(gold):
        src = g.att.source
        frags = src.frags if src else None
        cat = source_category(text, frags, words)
        names = source_name_tokens(text, frags, words) if frags else []
        rec = {"article": name, "gold_start": g.start, "gold_end": g.end, "gold_text": text[g.start:g.end],
               "style": g.style, "attribution": g.att.id,
               "gold_source": span_text(text, frags) if frags else None,
               "gold_source_start": frags[0][0] if frags else None,
               "gold_source_end": frags[-1][1] if frags else None,
               "source_category": cat, "source_names": names}
        if gi in by_gold:
            p = preds[by_gold[gi]]
            actor = x.actor(p.speaker)
            why = speaker_matches(actor, names, frags) if cat == "named" else ""
            rec.update(status="tp", **pred_fields(p), speaker_correct=bool(why) if cat == "named" else None,
                       correct_by=why or None)
            if cat in ("pronoun", "nominal"):
                ante = [s for (st, _), s in named_sources if st < frags[0][0]]
                ante_names = source_name_tokens(text, ante[-1].frags, words) if ante else []
                why2 = speaker_matches(actor, ante_names, frags)
                rec.update(approx_correct=bool(why2),
                           approx_antecedent=span_text(text, ante[-1].frags) if ante else None)
        else:
            rec.update(status="fn")
        recs.append(rec)
    for pi, p in enumerate(preds):
        if pi in m:
            continue
        status = "fp" if inside_content(p.start, p.end, doc) else "outside"
        recs.append({"article": name, "status": status, **pred_fields(p)})
    return recs


def _f(n: int, d: int) -> str:
    return f"{n / d:.3f}" if d else "  n/a"


def summarise(recs: list[dict]) -> dict:
    st = Counter(r["status"] for r in recs)
    tp, fp, fn = st["tp"], st["fp"], st["fn"]
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    matched = [x for x in recs if x["status"] == "tp"]
    named = [x for x in matched if x["source_category"] == "named"]
    gold_named = [x for x in recs if x["status"] in ("tp", "fn") and x["source_category"] == "named"]
    cats = Counter(x["source_category"] for x in matched)
    by_reason: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for x in named:
        key = (x["reason"] or "(none)") + (f" [{x['how']}]" if x.get("how") else "")
        by_reason[key][0] += 1
        by_reason[key][1] += x["speaker_correct"]
    styles: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for x in recs:
        if x["status"] in ("tp", "fn"):
            styles[x["style"]][0] += 1
            styles[x["style"]][1] += x["status"] == "tp"
    approx = {c: (sum(1 for x in matched if x["source_category"] == c),
                  sum(1 for x in matched if x["source_category"] == c and x.get("approx_correct")))
              for c in ("pronoun", "nominal")}
    return {"tp": tp, "fp": fp, "fn": fn, "outside": st["outside"], "precision": p, "recall": r, "f1": f1,
            "matched": len(matched), "named": len(named),
            "named_correct": sum(x["speaker_correct"] for x in named),
            "named_none": sum(1 for x in named if x["speaker"] is None),
            "gold_named": len(gold_named), "categories": dict(cats),
            "matched_none": sum(1 for x in matched if x["speaker"] is None),
            "by_reason": {k: tuple(v) for k, v in by_reason.items()},
            "styles": {k: tuple(v) for k, v in styles.items()}, "approx": approx}


def print_table(s: dict, header: list[str]) -> None:
    for h in header:
        print(h)
    print()
    rows = [
        ("quote detection", ""),
        ("  gold quotes (quoted spans in attributed content)", f"{s['tp'] + s['fn']}"),
        ("  predicted quotes: matched · unmatched in content · outside content",
         f"{s['tp']} · {s['fp']} · {s['outside']}"),
        ("  precision / recall / F1", f"{s['precision']:.3f} / {s['recall']:.3f} / {s['f1']:.3f}"),
    ]
    for style in ("curly", "straight", "doubled-apostrophe", "single"):
        n, k = s["styles"].get(style, (0, 0))
        if n:
            rows.append((f"  recall, {style} marks (n={n})", _f(k, n)))
    m, cats = s["matched"], s["categories"]
    rows += [
        ("gold source of matched quotes", ""),
        ("  named · pronoun · nominal · none",
         " · ".join(f"{cats.get(c, 0)} ({_f(cats.get(c, 0), m)})" for c in ("named", "pronoun", "nominal", "none"))),
        ("  matched quotes with speaker None", f"{s['matched_none']} ({_f(s['matched_none'], m)})"),
        ("named-speaker accuracy", ""),
        ("  matched quotes with a named gold source", f"{s['named']}"),
        ("  accuracy", f"{_f(s['named_correct'], s['named'])}  ({s['named_correct']}/{s['named']})"),
        ("  speaker None", f"{_f(s['named_none'], s['named'])}  ({s['named_none']})"),
        ("  end to end (correct / all gold named quotes)",
         f"{_f(s['named_correct'], s['gold_named'])}  ({s['named_correct']}/{s['gold_named']})"),
    ]
    for c in ("pronoun", "nominal"):
        n, k = s["approx"][c]
        rows.append((f"  {c} sources, approx. accuracy (n={n})", _f(k, n)))
    rows.append(("named-speaker accuracy by Quote.reason [Quote.how]", ""))
    for reason, (n, k) in sorted(s["by_reason"].items(), key=lambda kv: -kv[1][0]):
        rows.append((f"  {reason}", f"{_f(k, n)}  ({k}/{n})"))
    w = max(len(a) for a, _ in rows)
    for a, b in rows:
        print(f"{a:<{w}}  {b}" if b else a)


def _shorten(s: str, at: int, width: int = 360) -> str:
    s = s.replace("\n", " ")
    if len(s) <= width:
        return s
    a = max(0, min(at - width // 3, len(s) - width))
    return ("…" if a else "") + s[a:a + width] + ("…" if a + width < len(s) else "")


def _paragraph(text: str, pos: int) -> tuple[int, str]:
    a = text.rfind("\n", 0, pos) + 1
    b = text.find("\n", pos)
    b = len(text) if b < 0 else b
    return a, text[a:b]


def print_errors(recs: list[dict], texts: dict[str, str], n: int) -> None:
    cases = [r for r in recs if r["status"] in ("tp", "fn") and r["source_category"] == "named"
             and r.get("speaker_correct") is not True]
    if not cases or n <= 0:
        print("\nno named-speaker errors")
        return
    picked = cases if len(cases) <= n else [cases[i * len(cases) // n] for i in range(n)]
    print(f"\nnamed-speaker errors: {len(picked)} of {len(cases)} (spread evenly)")
    for k, r in enumerate(picked, 1):
        text = texts[r["article"]]
        kind = "MISSED" if r["status"] == "fn" else ("NONE" if r["speaker"] is None else "WRONG")
        print(f"\n[{k}] {kind}  {r['article']} @{r['gold_start']}  reason: {r.get('reason') or '-'}"
              + (f" [{r['how']}]" if r.get("how") else ""))
        print(f"    quote:  {_shorten(r['gold_text'], 0, 90)}")
        pred = f"{r['speaker_name']} ({r['speaker']})" if r.get("speaker") else "-"
        print(f"    gold source: {r['gold_source']}   parley: {pred}")
        pa, para = _paragraph(text, r["gold_start"])
        print(f"    ¶ {_shorten(para, r['gold_start'] - pa)}")
        ss = r["gold_source_start"]
        if ss is not None and not (pa <= ss <= pa + len(para)):
            sa, spara = _paragraph(text, ss)
            print(f"    source ¶ {_shorten(spara, ss - sa, 240)}")


# ---------------------------------------------------------------------------
# CLI
# ---------------------------------------------------------------------------


def resolve_git_dir(arg: str | None) -> str | None:
    cand = arg or os.environ.get("POLNEAR_GIT") or (DEFAULT_GIT if os.path.isdir(DEFAULT_GIT) else None)
    return cand if cand and os.path.isdir(cand) else None


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Score Parley's quotes and speakers on PolNeAR (train split only).")
    ap.add_argument("--git", metavar="DIR", help="PolNeAR git dir (default: $POLNEAR_GIT, else " + DEFAULT_GIT + ")")
    ap.add_argument("--split", default=SPLIT, choices=[SPLIT], help="only 'train' (dev/test are never read)")
    ap.add_argument("--limit", type=int, metavar="N", help="first N articles (sorted by name)")
    ap.add_argument("--match", metavar="SUBSTR", help="only articles whose name contains SUBSTR")
    ap.add_argument("--jobs", type=int, default=1, metavar="N", help="extract_many n_process")
    ap.add_argument("--errors", type=int, default=0, metavar="N", help="print N named-speaker errors")
    ap.add_argument("--json", metavar="PATH", help="write all per-quote records as JSON")
    ap.add_argument("--no-cache", action="store_true", help="neither read nor write the prediction cache")
    args = ap.parse_args(argv)
    if args.split != SPLIT:  # argparse already refuses; kept so the rule does not hang on one line
        print("polnear: only the train split may be used", file=sys.stderr)
        return 2
    git_dir = resolve_git_dir(args.git)
    if git_dir is None:
        print("polnear: no PolNeAR git dir; set POLNEAR_GIT or pass --git DIR "
              "(a clone of github.com/networkdynamics/PolNeAR)", file=sys.stderr)
        return 2
    corpus = GitCorpus(git_dir)
    try:
        articles, multi = corpus.articles()
        names = [a for a in articles if not args.match or args.match in a]
        if args.limit is not None:
            names = names[:max(0, args.limit)]
        text_paths = {a: f"{SPLIT_DIR}text/{a}.txt" for a in names}
        blobs = corpus.read_many(list(text_paths.values()) + [articles[a] for a in names])
    except CorpusError as e:
        print(f"polnear: {e}", file=sys.stderr)
        return 2
    if not names:
        print("polnear: no article selected", file=sys.stderr)
        return 2
    texts, docs = {}, {}
    checked = bad = disc = 0
    conventions: Counter[str] = Counter()
    problems = 0
    for a in names:
        texts[a] = blobs[text_paths[a]].decode("utf-8")
        doc = parse_brat(blobs[articles[a]].decode("utf-8"))
        c, b, conv = check_offsets(texts[a], doc)
        checked, bad = checked + c, bad + b
        conventions[conv] += 1
        disc += sum(1 for tb in doc.textbounds.values() if len(tb.frags) > 1)
        problems += len(doc.problems)
        docs[a] = doc
    preds = predictions(texts, args.jobs, not args.no_cache)
    recs = [r for a in names for r in score_article(a, texts[a], docs[a], preds[a])]
    s = summarise(recs)
    conv = ", ".join(f"{k} {v}" for k, v in conventions.most_common())
    print_table(s, [
        f"PolNeAR {SPLIT}: {len(names)} articles, {sum(len(d.attributions) for d in docs.values())} attributions "
        f"({multi} articles of the split have several annotators; the first .ann in sorted order is used)",
        f"brat offsets: {checked} spans checked, {bad} mismatches; {disc} discontinuous; "
        f"convention per article: {conv}" + (f"; {problems} malformed records" if problems else ""),
    ])
    if args.errors:
        print_errors(recs, texts, args.errors)
    if args.json:
        Path(args.json).write_text(json.dumps({"summary": s, "records": recs}, ensure_ascii=False, indent=1),
                                   encoding="utf-8")
        print(f"\nper-quote records: {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
