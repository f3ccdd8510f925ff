"""Shared view of a parsed article: tokens with global offsets and sentences.

spaCy parses the article in chunks (paragraphs); every rule works in global
character offsets so items from different chunks compare and sort directly.
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field

from .lexicon import Lexicon
from .nlp import Chunk
from .truecase import title_case  # noqa: F401 - re-exported: the headline test lives with the rewrite

PRONOUNS_PERSON = {"he", "she", "him", "her", "his"}
PRONOUNS_PLURAL = {"they", "them", "their"}
PRONOUNS_FIRST = {"i", "me", "my", "we", "us", "our"}
PRONOUNS_ALL = PRONOUNS_PERSON | PRONOUNS_PLURAL | PRONOUNS_FIRST | {"it", "its"}


def pronoun_key(tok) -> str:
    """The token's lower-case form for comparing with the pronoun sets, or its
    text when it is a capitalised abbreviation: "The US insisted" names the
    United States, not "us" (the speaker). A word in capitals inside a line in
    capitals ("WE WILL NOT SIGN") is still a pronoun."""
    text = tok.text
    if len(text) > 1 and text.isupper() and not _caps_neighbour(tok):
        return text
    return tok.lower_


def _caps_neighbour(tok) -> bool:
    doc = tok.doc
    for j in (tok.i - 1, tok.i + 1):
        if 0 <= j < len(doc) and len(doc[j].text) > 1 and doc[j].text.isalpha() and doc[j].text.isupper():
            return True
    return False


@dataclass
class Context:
    text: str
    chunks: list[Chunk]
    lex: Lexicon
    _starts: list[int] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._starts = [c.offset for c in self.chunks]

    # --- offsets -----------------------------------------------------------
    @staticmethod
    def tok_start(chunk: Chunk, tok) -> int:
        return chunk.offset + tok.idx

    @staticmethod
    def tok_end(chunk: Chunk, tok) -> int:
        return chunk.offset + tok.idx + len(tok.text)

    def span_of(self, chunk: Chunk, toks) -> tuple[int, int]:
        toks = list(toks)
        return (min(self.tok_start(chunk, t) for t in toks), max(self.tok_end(chunk, t) for t in toks))

    def chunk_at(self, pos: int) -> Chunk | None:
        i = bisect_right(self._starts, pos) - 1
        if i < 0:
            return None
        c = self.chunks[i]
        return c if pos < c.offset + len(c.doc.text) + 1 else None

    def tokens_in(self, start: int, end: int):
        """(chunk, token) pairs whose characters fall inside [start, end)."""
        out = []
        i = max(0, bisect_right(self._starts, start) - 1)
        for c in self.chunks[i:]:
            if c.offset >= end:
                break
            for t in c.doc:
                s = c.offset + t.idx
                if s >= start and s + len(t.text) <= end:
                    out.append((c, t))
        return out

    def sentence_span(self, chunk: Chunk, tok) -> tuple[int, int]:
        s = tok.sent
        return self.span_of(chunk, [s[0], s[-1]])

    def sentence_at(self, pos: int) -> tuple[int, int]:
        c = self.chunk_at(pos)
        if c is None:
            return (pos, pos)
        for s in c.doc.sents:
            a, b = self.span_of(c, [s[0], s[-1]])
            if a <= pos < b or pos < a:
                return (a, b)
        return (c.offset, c.offset + len(c.doc.text))


CAUSATIVES = {"lead", "prompt", "cause", "force", "drive", "spur", "compel", "provoke", "trigger", "oblige"}


def clause_subject(tok):
    """The subject token of the clause headed by ``tok``, following conj,
    participle and xcomp chains up to a verb that has one."""
    seen = 0
    while tok is not None and seen < 8:
        subjects = [ch for ch in tok.children if ch.dep_ in ("nsubj", "nsubjpass", "csubj")]
        if len(subjects) > 1:
            # "HANOI, VIETNAM – President X said": the parser may read a dateline as a
            # second subject; the one that ends in a dash is the place, not the speaker
            subjects = [ch for ch in subjects if not _dateline(ch)] or subjects
            # "Today marks day eight since 155,000 public servants walked off": a verb the parser
            # took for a second subject is none
            subjects = [ch for ch in subjects if ch.pos_ not in ("VERB", "AUX")] or subjects
        if not subjects:
            # "The union is opposed to the plan": the parser may hang the subject on the auxiliary
            subjects = [ch for a in tok.children if a.dep_ in ("aux", "auxpass") and a.i < tok.i
                        for ch in a.children if ch.dep_ in ("nsubj", "nsubjpass") and ch.i < a.i]
        if subjects:
            return subjects[0]
        # "a setback, with the League announcing it will not meet": in the absolute
        # "with X V-ing" the participle's doer is the object of "with" just before it
        # (no comma between: 'began with a Web ad, "Playing Trump"' names the ad)
        if tok.tag_ == "VBG" and tok.dep_ in ("advcl", "acl", "pcomp", "conj") and tok.text[:1].islower():
            doer = next((o for p in tok.head.children if p.dep_ == "prep" and p.lower_ == "with" and p.i < tok.i
                         for o in p.children if o.dep_ == "pobj" and o.right_edge.i == tok.i - 1
                         and o.right_edge.pos_ != "PUNCT"), None)
            if doer is not None:
                return doer
        # "The dispute led European nations to threaten a boycott": after a causative verb the
        # infinitive's doer is the object, not the subject (the dispute threatens nothing)
        if tok.dep_ in ("xcomp", "ccomp", "advcl") and tok.head.lemma_.lower() in CAUSATIVES \
                and any(a.dep_ == "aux" and a.lower_ == "to" for a in tok.children):
            obj = next((c for c in tok.head.children if c.dep_ == "dobj" and c.i < tok.i), None)
            if obj is not None:
                return obj
        # Participles and coordinated verbs share the subject of their head; a
        # complement clause ("said that ...") without a subject has none.
        if tok.dep_ in ("conj", "xcomp", "advcl", "pcomp", "acl", "acomp") and tok.head.i != tok.i:
            tok = tok.head
            if tok.dep_ == "prep":
                tok = tok.head
            seen += 1
            continue
        return None
    return None


DASHES = {"–", "—", "-", "--", "―"}


def _dateline(tok) -> bool:
    """A subject that opens its sentence and ends in a dash: "HANOI, VIETNAM –"."""
    sub = list(tok.subtree)
    return sub[0].i == tok.sent.start and sub[-1].text in DASHES


PRESENT_BE = {"is", "are", "am", "'s", "'re", "'m"}


def going_to(tok):
    """The "going" of a present "is (not) going to V" whose infinitive is ``tok``, else None:
    a future as firm as "will" ("we are not going to sign"); "was going to" narrates."""
    head = tok.head
    if tok.dep_ != "xcomp" or head.i == tok.i or head.lower_ != "going" or head.tag_ != "VBG" \
            or not any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
        return None
    return head if any(c.dep_ == "aux" and c.lower_ in PRESENT_BE for c in head.children) else None


def by_agent(verb):
    """The by-agent of a passive ("was rejected by the union leader", "was asked by X")."""
    for c in verb.children:
        if c.dep_ == "agent":
            return next((p for p in c.children if p.dep_ == "pobj"), None)
    return None
