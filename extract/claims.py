"""Demands and red lines, found on the dependency parse.

Cues come from ``data/cues.json`` (after the CAMEO/PLOVER DEMAND and REJECT
codebooks). A cue only counts in the right syntactic frame: "call" needs
"for"/"on"; "push" needs "for" or an object and an infinitive; a red-line verb
("accept", "agree", "recognize") needs a negation; a modal demand ("must",
"should", "need to") must not be hedged ("may have to") and no cue counts
inside an "if"/"whether" clause. A cue noun counts only as the object of a
verb ("repeated its call for"), never as a reported thing ("His demand cannot
be confirmed").

Who holds the claim depends on the frame:
- agentive cues (demand, insist, refuse, reject): the subject;
- modal cues ("Ukraine would need to stop"): the party that *said* it (the
  subject is the side asked to act, recorded as the target);
- negated red lines ("Kiev will not accept"): the subject, else the reporter;
- inside a quote, first-person subjects are the quote's speaker.

The span is the clause: the predicate with its complements, cut at the first
comma, before a coordinated clause (each coordinated red line is its own
claim) and before trailing adverbial clauses.
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field

from spacy.matcher import PhraseMatcher

from .context import PRONOUNS_FIRST, Context, clause_subject
from .resolve import Resolver

CUT_PUNCT = {",", ";", ":", "—", "–", "(", "--"}
HYPOTHETICAL_MARKS = {"if", "whether", "unless"}


@dataclass
class RawClaim:
    kind: str
    chunk: object
    anchor: object  # token
    start: int
    end: int
    cue: str
    holder: str | None
    target: str | None
    reason: str
    confidence: float
    frame: str
    quote_index: int | None = None
    extra: dict = field(default_factory=dict)


class ClaimFinder:
    def __init__(self, ctx: Context, resolver: Resolver, quote_spans: list[tuple[int, int, str | None]], nlp):
        self.ctx = ctx
        self.res = resolver
        self.quotes = quote_spans  # (open, close, speaker key), in reading order
        self._quote_opens = [o for o, _, _ in quote_spans]
        self._if_marks: dict[tuple[int, int], bool] = {}
        cues = ctx.lex.cues
        d, r = cues["demand"], cues["red_line"]
        self.agentive = d["agentive_verbs"]
        self.modals = set(d["modals"])
        self.modal_verbs = d["modal_verbs"]
        self.hedges = set(d["hedges"])
        self.nouns = set(d["nouns"])
        self.noun_lists = set(d["noun_lists"])
        self.refusals = set(r["verbs"])
        self.particle_verbs = r["particle_verbs"]
        self.negated = set(r["negated_verbs"])
        self.negators = set(r["negators"])
        self.reporting = ctx.lex.reporting_verbs | {"insist", "demand", "describe"}
        self.phrases = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.phrases.add("CONDITION", [nlp.make_doc(p) for p in d["conditions"]])
        self.phrases.add("REDLINE", [nlp.make_doc(p) for p in r["phrases"]])

    # ------------------------------------------------------------------ utils
    def _quote_at(self, pos: int) -> int | None:
        """Index of the quote whose marks enclose ``pos``. Quotes do not overlap and
        come in reading order, so a bisect finds the only candidate (this runs per token)."""
        i = bisect_right(self._quote_opens, pos) - 1
        if i >= 0 and pos <= self.quotes[i][1]:
            return i
        return None

    def _has_if_mark(self, t) -> bool:
        """Memoised per token: this runs for every verb and its heads, and a degenerate
        parse (one 8,000-token "sentence") gives a head thousands of children."""
        key = (id(t.doc), t.i)
        hit = self._if_marks.get(key)
        if hit is None:
            hit = self._if_marks[key] = any(ch.dep_ == "mark" and ch.lower_ in HYPOTHETICAL_MARKS
                                            for ch in t.children)
        return hit

    def _hypothetical(self, tok) -> bool:
        t = tok
        for _ in range(6):
            if self._has_if_mark(t):
                return True
            if t.dep_ in ("ROOT",) or t.head.i == t.i:
                return False
            if t.dep_ in ("ccomp",) and t.head.lemma_.lower() in self.reporting:
                return False
            t = t.head
        return False

    def _negated(self, tok) -> bool:
        for ch in tok.children:
            if ch.dep_ == "neg" or ch.lower_ in ("never",):
                return True
        # "will not X, or agree to Y": a coordinated verb shares the negation
        if tok.dep_ == "conj" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children):
            return self._negated(tok.head)
        # "refuse to agree": handled by the refusal cue itself
        return False

    def _span(self, chunk, verb, include_subject: bool, start_tok=None) -> tuple[int, int]:
        doc = chunk.doc
        drop: set[int] = set()
        for ch in verb.children:
            if ch.dep_ == "conj" and ch.pos_ in ("VERB", "AUX"):
                drop.update(t.i for t in ch.subtree)
                for cc in verb.children:
                    if cc.dep_ in ("cc", "punct") and cc.i < ch.i and cc.i > verb.i:
                        drop.add(cc.i)
            elif ch.dep_ in ("advcl", "parataxis") and ch.i > verb.i:
                drop.update(t.i for t in ch.subtree)
            elif ch.dep_ in ("nsubj", "nsubjpass", "csubj") and not include_subject:
                drop.update(t.i for t in ch.subtree)
            elif ch.i < verb.i and ch.dep_ not in ("aux", "auxpass", "neg", "nsubj", "nsubjpass", "csubj"):
                drop.update(t.i for t in ch.subtree)
        for t in verb.subtree:
            # "a stop in the fighting proposed by ...": participle clauses are context, not claim.
            # A token already dropped sits in a dropped subtree, and so does its own subtree:
            # skipping it keeps this linear when clauses nest thousands deep (junk input).
            if t.i not in drop and t.dep_ in ("acl", "relcl") and t.i > verb.i \
                    and t.tag_ in ("VBN", "VBG", "VBD", "VBZ", "VBP") \
                    and not any(c.dep_ == "aux" and c.lower_ == "to" for c in t.children):
                drop.update(x.i for x in t.subtree)
        toks = [t for t in verb.subtree if t.i not in drop]
        if start_tok is not None:
            toks = [t for t in toks if t.i >= start_tok.i]
        if verb.dep_ == "relcl" and any(c.dep_ == "prep" and all(x.i < verb.i for x in c.children)
                                        for c in verb.children):
            # "the $1.3 trillion that developing nations were asking for": the thing asked for
            # is the antecedent, so the claim starts there.
            ante = verb.head
            toks = sorted(set(toks) | {t for t in ante.subtree if t.i < verb.i and t.i >= ante.left_edge.i}, key=lambda t: t.i)
        if not toks:
            toks = [verb]
        first = toks[0].i
        last = toks[-1].i
        for t in doc[max(verb.i, first): last + 1]:
            if (t.text in CUT_PUNCT or t.i in drop) and t.i > verb.i:
                last = t.i - 1
                break
        while last > first and (doc[last].is_punct and doc[last].text not in "”’\"'" or doc[last].is_space):
            last -= 1
        # keep a closing quote mark when its content is kept
        while first < last and (doc[first].is_punct and doc[first].text not in "“‘\"'"):
            first += 1
        return self.ctx.span_of(chunk, [doc[first], doc[last]])

    def _reporter(self, chunk, tok) -> str | None:
        """Subject of the nearest verb of saying that governs ``tok``."""
        t = tok
        for _ in range(8):
            if t.head.i == t.i:
                return None
            t = t.head
            if t.lemma_.lower() in self.reporting and t.pos_ in ("VERB", "AUX"):
                k = self.res.subject_of(chunk, t)
                if k:
                    return k
        return None

    def _resolve(self, chunk, tok, speaker):
        if tok is None:
            return None
        return self.res.resolve_np(chunk, tok, self.ctx.tok_start(chunk, tok), speaker)

    def _speaker_for(self, pos: int):
        qi = self._quote_at(pos)
        return (qi, self.quotes[qi][2]) if qi is not None else (None, None)

    # ------------------------------------------------------------------ find
    def find(self) -> list[RawClaim]:
        out: list[RawClaim] = []
        for chunk in self.ctx.chunks:
            doc = chunk.doc
            for tok in doc:
                out.extend(self._token_cues(chunk, tok))
            for mid, s, e in self.phrases(doc):
                label = doc.vocab.strings[mid]
                out.extend(self._phrase_cue(chunk, label, doc[s:e]))
        return self._dedupe(out)

    def _make(self, kind, chunk, anchor, span, cue, holder, target, reason, conf, frame, speaker_q):
        return RawClaim(kind, chunk, anchor, span[0], span[1], cue, holder, target, reason, conf, frame, speaker_q)

    def _token_cues(self, chunk, tok) -> list[RawClaim]:
        out = []
        lemma = tok.lemma_.lower()
        pos = self.ctx.tok_start(chunk, tok)
        qi, speaker = self._speaker_for(pos)
        is_verb = tok.pos_ in ("VERB", "AUX")
        if is_verb and self._hypothetical(tok):
            return out
        subj = clause_subject(tok) if is_verb else None
        # --- agentive demand verbs
        if is_verb and lemma in self.agentive and not self._negated(tok):
            req = self.agentive[lemma]
            kids = {c.dep_: c for c in tok.children}
            preps = {c.lower_: c for c in tok.children if c.dep_ in ("prep", "prt", "dative")}
            ok, target_tok = not req, None
            for r in req:
                if r in ("for", "on") and r in preps:
                    ok = True
                    target_tok = next((p for p in preps[r].children if p.dep_ == "pobj"), None)
                elif r == "obj+xcomp" and "dobj" in kids and "xcomp" in kids:
                    ok, target_tok = True, kids["dobj"]
                elif r == "obj" and "dobj" in kids and kids["dobj"].pos_ in ("NOUN", "PROPN"):
                    ok = True
            if lemma == "want" and ok and "xcomp" not in kids:
                # "we want a better life" only; "he wants to discuss" is not a demand
                ok = subj is not None and subj.lower_ in PRONOUNS_FIRST
            if ok:
                holder = self._resolve(chunk, subj, speaker) if subj is not None else None
                if holder is None and qi is not None:
                    holder = speaker
                target = self._resolve(chunk, target_tok, speaker) if target_tok is not None else None
                span = self._span(chunk, tok, include_subject=False)
                out.append(self._make("demand", chunk, tok, span, tok.text, holder, target,
                                      f"'{tok.text}' with its subject as holder", 0.8, "agentive", qi))
        # --- refusals: refuse, reject, decline, rule out
        if is_verb and (lemma in self.refusals or (lemma in self.particle_verbs and any(
                c.dep_ == "prt" and c.lower_ == self.particle_verbs[lemma] for c in tok.children))) \
                and not self._negated(tok):
            holder = self._resolve(chunk, subj, speaker) if subj is not None else None
            if holder is None and qi is not None:
                holder = speaker
            span = self._span(chunk, tok, include_subject=False)
            out.append(self._make("red_line", chunk, tok, span, tok.text, holder, None,
                                  f"refusal verb '{tok.text}'", 0.8, "agentive", qi))
        # --- negated acceptance: will not accept, cannot agree, never recognise
        if is_verb and lemma in self.negated and self._negated(tok):
            holder = None
            if subj is not None and (subj.lower_ in PRONOUNS_FIRST or subj.pos_ == "PROPN" or
                                     self.res.actors.key_at(chunk, subj)):
                holder = self._resolve(chunk, subj, speaker)
            holder = holder or self._reporter(chunk, tok) or speaker
            own_subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children)
            span = self._span(chunk, tok, include_subject=own_subject)
            if tok.dep_ == "conj" and not own_subject:
                cc = [c for c in tok.head.children if c.dep_ == "cc" and c.i < tok.i]
                if cc:
                    span = (min(span[0], self.ctx.tok_start(chunk, cc[-1])), span[1])
            neg = next((c.text for c in tok.children if c.dep_ == "neg"), "not")
            out.append(self._make("red_line", chunk, tok, span, f"{neg} {tok.text}", holder, None,
                                  f"negated '{tok.lemma_}'", 0.75, "negated", qi))
        # --- modal demands: must, should, need to, have to
        if is_verb:
            auxes = [c for c in tok.children if c.dep_ == "aux"]
            modal = next((a for a in auxes if a.lemma_.lower() in self.modals or a.lower_ in self.modals), None)
            hedged = any(a.lower_ in self.hedges for a in auxes)
            xcomp = next((c for c in tok.children if c.dep_ == "xcomp"), None)
            if modal is None and lemma in self.modal_verbs and xcomp is not None and not hedged and \
                    any(c.dep_ == "aux" and c.lower_ == "to" for c in xcomp.children) and subj is not None \
                    and tok.lower_ not in ("needs",) and not self._negated(tok):
                modal = tok
            if modal is not None and not hedged and not self._negated(tok) and subj is not None \
                    and subj.lower_ not in ("it", "there"):
                # "we need to", "he has to" said by nobody else is a plan, not a demand on anyone
                plan = modal.i == tok.i and qi is None and subj.lower_ in PRONOUNS_FIRST | {"he", "she", "they"} \
                    and self._reporter(chunk, tok) is None
                if not plan:
                    holder = self._reporter(chunk, tok)
                    if holder is None and qi is not None:
                        holder = speaker
                    if holder is None and subj.lower_ in PRONOUNS_FIRST:
                        holder = self._resolve(chunk, subj, speaker)
                    target = None if subj.lower_ in PRONOUNS_FIRST else self._resolve(chunk, subj, speaker)
                    if holder is not None or qi is not None or subj.lower_ in PRONOUNS_FIRST:
                        span = self._span(chunk, tok, include_subject=True)
                        if subj.i < tok.i and not any(c.i == subj.i for c in tok.children):
                            a = self.ctx.tok_start(chunk, min(subj.subtree, key=lambda t: t.i))
                            span = (min(a, span[0]), span[1])
                        out.append(self._make("demand", chunk, tok, span, f"{modal.text}", holder, target,
                                              f"obligation '{modal.text}' reported by the holder", 0.6,
                                              "modal", qi))
        # --- demand nouns as the object of a verb: "repeated its call for"
        if tok.pos_ == "NOUN" and lemma in self.nouns and tok.dep_ == "dobj":
            verb = tok.head
            if lemma != "call" or any(c.dep_ == "prep" and c.lower_ in ("for", "on") for c in tok.children):
                vs = clause_subject(verb)
                holder = self._resolve(chunk, vs, speaker) if vs is not None else None
                if holder is None:
                    poss = next((c for c in tok.children if c.dep_ == "poss"), None)
                    holder = self._resolve(chunk, poss, speaker) if poss is not None else None
                if holder:
                    span = self._span(chunk, verb, include_subject=False)
                    out.append(self._make("demand", chunk, tok, span, tok.text, holder, None,
                                          f"'{verb.text} ... {tok.text}'", 0.6, "noun", qi))
        # --- "The union's demands include A, B and C": one demand per item
        if tok.pos_ == "NOUN" and lemma in self.noun_lists and tok.tag_ == "NNS" and tok.dep_ == "nsubj" \
                and tok.head.lemma_.lower() in ("include", "be", "comprise", "feature"):
            verb = tok.head
            obj = next((c for c in verb.children if c.dep_ in ("dobj", "attr")), None)
            owner = next((c for c in tok.children if c.dep_ in ("poss", "compound")), None)
            holder = self._resolve(chunk, owner, speaker) if owner is not None else self._reporter(chunk, verb)
            if obj is not None:
                items, todo = [], [obj]
                while todo:  # "A, B, C and D": the parser chains items as conj or appos
                    it = todo.pop(0)
                    items.append(it)
                    todo.extend(c for c in it.children if c.dep_ in ("conj", "appos") and c.pos_ in ("NOUN", "PROPN"))
                items.sort(key=lambda t: t.i)
                np_start = min(t.i for t in tok.subtree)
                for n, it in enumerate(items):
                    later = {t.i for c in it.children if c.dep_ in ("conj", "appos", "cc", "punct") for t in c.subtree}
                    toks = [t for t in it.subtree if t.i not in later]
                    a = chunk.doc[np_start] if n == 0 else toks[0]
                    b = max(toks, key=lambda t: t.i)
                    span = self.ctx.span_of(chunk, [a, b])
                    out.append(self._make("demand", chunk, it, span, tok.text, holder, None,
                                          f"item {n + 1} of a list of {tok.text}", 0.7, "list", qi))
        return out

    def _phrase_cue(self, chunk, label: str, phrase) -> list[RawClaim]:
        doc = chunk.doc
        first = phrase[0]
        pos = self.ctx.tok_start(chunk, first)
        qi, speaker = self._speaker_for(pos)
        if self._hypothetical(phrase.root):
            return []
        # the clause the phrase sits in
        verb = phrase.root
        while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
            verb = verb.head
        low = phrase.text.lower()
        if label == "CONDITION":
            if low.startswith("depend") or low.startswith("conditional") or low.startswith("contingent"):
                span = self._span(chunk, verb, include_subject=True)
            else:
                end = first.i
                for t in doc[first.i: first.sent.end]:
                    if t.text in CUT_PUNCT | {".", "?", "!"} and t.i > phrase.end - 1:
                        break
                    end = t.i
                span = self.ctx.span_of(chunk, [first, doc[end]])
            holder = None
            t = verb
            for _ in range(8):
                s = clause_subject(t) if t.pos_ in ("VERB", "AUX") else None
                # the party setting the condition is a subject outside (before) the condition clause
                if s is not None and s.i < first.i:
                    holder = self._resolve(chunk, s, speaker)
                    if holder and (t.lemma_.lower() not in ("be",)):
                        break
                    holder = None
                if t.head.i == t.i:
                    break
                t = t.head
            holder = holder or self._reporter(chunk, verb) or speaker
            inner = [t for t in doc[phrase.end: first.sent.end] if t.dep_ in ("nsubj", "nsubjpass")][:1]
            target = self._resolve(chunk, inner[0], speaker) if inner else None
            return [self._make("demand", chunk, first, span, phrase.text, holder, target,
                               f"condition '{phrase.text}'", 0.6, "condition", qi)]
        # red-line phrases
        if low == "red line" and phrase.root.dep_ not in ("attr",):
            return []
        subj = clause_subject(verb) if verb.pos_ in ("VERB", "AUX") else None
        holder = None
        for t in phrase.root.subtree:
            # "impossible for us": the speaker; "unacceptable to Kiev" is the writer's report
            if t.dep_ == "pobj" and t.head.lower_ in ("for", "to") and t.lower_ in PRONOUNS_FIRST:
                holder = self._resolve(chunk, t, speaker)
        holder = holder or self._reporter(chunk, verb) or speaker
        if holder is None and subj is not None and subj.lower_ in PRONOUNS_FIRST:
            holder = self._resolve(chunk, subj, speaker)
        if holder is None:
            return []
        span = self._span(chunk, verb, include_subject=True)
        return [self._make("red_line", chunk, first, span, phrase.text, holder, None,
                           f"red-line phrase '{phrase.text}'", 0.6, "phrase", qi)]

    # ----------------------------------------------------------------- dedupe
    def _dedupe(self, claims: list[RawClaim]) -> list[RawClaim]:
        # An agentive cue whose complement holds another cue ("insisted that peace
        # depends on ...") yields one claim: the inner one, held by the outer subject.
        keep = []
        for c in claims:
            if c.frame == "agentive":
                inner = [o for o in claims if o is not c and o.chunk is c.chunk and o.start >= c.start
                         and o.end <= c.end]
                if inner:  # the cue's subtree once, not every candidate's ancestor chain
                    below = {t.i for t in c.anchor.subtree} - {c.anchor.i}
                    inner = [o for o in inner if o.anchor.i in below]
                if inner:
                    for o in inner:
                        if o.frame in ("modal", "condition") and c.holder:
                            o.holder = c.holder
                    continue
            keep.append(c)
        keep.sort(key=lambda c: (c.start, -(c.end - c.start)))
        out: list[RawClaim] = []
        for c in keep:
            dup = next((o for o in out if o.kind == c.kind and
                        min(o.end, c.end) - max(o.start, c.start) > 0.6 * min(o.end - o.start, c.end - c.start)), None)
            if dup is not None:
                if dup.holder is None and c.holder is not None:
                    dup.holder = c.holder
                continue
            out.append(c)
        return out
