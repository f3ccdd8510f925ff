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

from .context import (PRONOUNS_ALL, PRONOUNS_FIRST, PRONOUNS_PERSON, PRONOUNS_PLURAL, Context, by_agent, pronoun_key,
                      clause_subject, going_to)
from .resolve import Resolver

CUT_PUNCT = {",", ";", ":", "—", "–", "(", "--"}


POSITION_NOUNS = {"position", "stance", "view", "line", "demand", "condition", "message", "answer", "response"}
TIME_NOUNS = {"hour", "day", "week", "month", "year", "deadline"}
ENDED_WORDS = {"over", "finished", "dead", "off"}  # "the talks are over / finished / dead / off"
SANCTION_VERBS = {"quit", "strike", "boycott", "retaliate", "resign", "veto", "sanction", "suspend", "halt"}
ACL_DEMANDS = {"demand", "call", "urge", "insist", "press", "push", "want"}
SETTLEMENTS = {"peace", "deal", "agreement", "settlement", "solution", "ceasefire", "cease-fire", "truce", "talks",
               "negotiation", "normalisation", "normalization", "stability", "reconciliation", "election", "return"}
RESISTED = {"call", "demand", "pressure", "request", "appeal", "plea", "push", "proposal", "ultimatum"}
WISH_VERBS = {"want", "intend", "plan", "wish", "mean"}  # "does not want to accept"
# "the fighting must stop", "the attacks should end": a call to end what one side does
HOSTILITIES = {"fighting", "violence", "attack", "killing", "bloodshed", "shelling", "bombing", "bombardment",
               "war", "hostility", "occupation", "blockade", "siege", "assault", "offensive", "aggression",
               "strike", "raid", "airstrike", "crackdown", "incursion"}
CEASE_VERBS = {"stop", "end", "cease", "halt"}
HOSTILITIES |= {"shutdown", "lockout", "embargo", "sanctions", "detention", "deportation"}
# "the deadline is final / immovable": a term the holder will not move on
FINAL_WORDS = {"final", "immovable", "irrevocable", "definitive"}
FINAL_SUBJECTS = {"deadline", "offer", "decision", "position", "proposal", "terms", "ultimatum"}
STANCE_ADJECTIVES = {"adamant", "insistent", "clear", "firm", "categorical", "emphatic", "unequivocal", "determined"}
PROCESS_NOUNS = {"process", "dialogue", "negotiations", "talks", "mediation", "meeting", "summit"}
# what the talks are to produce: "any deal must include …", "solutions had to be consistent with …"
DEAL_NOUNS = {"deal", "agreement", "settlement", "solution", "accord", "compromise", "ceasefire", "cease-fire",
              "truce", "arrangement", "treaty"}
PARTY_WORDS = {"both", "sides", "parties"}  # eval-diff: "everyone needs to hydrate" is no demand


def third_person(tok) -> bool:
    """A third-person pronoun: inside a quotation it names someone other than the speaker."""
    return tok is not None and tok.lower_ in (PRONOUNS_PERSON | PRONOUNS_PLURAL)


# what a side calls the other side's proposal or demand when it will not meet it
REJECTED_AS = {"inadequate", "insufficient", "unrealistic", "unreasonable", "excessive", "exorbitant",
               "outrageous", "ridiculous", "absurd", "unworkable"}
# needs that ask nothing of the other side ("needs time", "needs a break")
IDLE_NEEDS = {"time", "break", "rest", "sleep", "moment", "day", "week", "while"}
# verbs of appeal that state a position only as a present appeal ("we encourage the sides to …")
PRESENT_ONLY = {"encourage"}
# events by which a side presses a demand: "held rallies demanding …", "staged a march calling for …"
PROTEST_NOUNS = {"rally", "protest", "demonstration", "march", "strike", "walkout", "sit-in", "vigil",
                 "petition", "campaign", "boycott", "blockade"}
# nouns that hold several demands: "a list of 13 demands", "a set of conditions"
LIST_NOUNS = {"list", "set", "series", "number", "package", "catalogue", "catalog", "raft", "string"}
# what a speaker says they must do with words or thoughts: "I must say", "we must admit"
OWN_WORDS = {"say", "tell", "add", "admit", "confess", "concede", "acknowledge", "remember", "thank",
             "congratulate", "note", "stress", "emphasize", "emphasise", "point", "apologize", "apologise",
             "reiterate", "repeat", "underline", "underscore"}


def to_infinitive(tok) -> bool:
    """``tok`` heads an infinitive with "to" ("… to withdraw")."""
    return any(a.dep_ == "aux" and a.lower_ == "to" for a in tok.children)
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
    holders: list[str] = field(default_factory=list)  # every party the holder phrase names


class ClaimFinder:
    def __init__(self, ctx: Context, resolver: Resolver, quote_spans: list[tuple[int, int, str | None]], nlp):
        self.ctx = ctx
        self.res = resolver
        self.quotes = quote_spans  # (open, close, speaker key), in reading order
        self._quote_opens = [o for o, _, _ in quote_spans]
        self._if_marks: dict[tuple[int, int], bool] = {}
        self._questions: dict[int, set[int]] = {}  # id(doc) -> token indices inside questions
        self._according: dict[int, list] = {}  # id(doc) -> its "according" tokens
        cues = ctx.lex.cues
        d, r = cues["demand"], cues["red_line"]
        self.agentive = d["agentive_verbs"]
        # "convince them to cut …", "has no choice but to return …": the infinitive stays in the span
        self.keeps_infinitive = set(self.agentive) | {"have", "resist"}  # "resisted calls to send weapons"
        self.modals = set(d["modals"])
        self.modal_verbs = d["modal_verbs"]
        self.hedges = set(d["hedges"])
        self.nouns = set(d["nouns"])
        self.noun_lists = set(d["noun_lists"])
        self.refusals = set(r["verbs"])
        self.particle_verbs = r["particle_verbs"]  # lemma -> particle
        self.object_verbs = r["object_verbs"]["verbs"]  # lemma -> "dobj" or the preposition
        self.proposal_nouns = frozenset(r["object_verbs"]["objects"])
        self.negated = set(r["negated_verbs"])
        self.negators = set(r["negators"])
        self.negated_future = set(r.get("negated_future_verbs", []))
        self.moves = self.negated | self.negated_future  # moves in a negotiation: accept, sign, return …
        self.future_aux = set(r.get("future_aux", []))
        self.own_stance = set(r.get("own_stance_verbs", {}).get("verbs", []))
        nc = r.get("no_comment", {})
        self.no_comment = set(nc.get("verbs", []))
        self.no_comment_media = set(nc.get("only_about_media", []))
        self.no_comment_info = set(nc.get("only_with_info", []))
        self.media_nouns = set(nc.get("media", []))
        self.info_nouns = set(nc.get("info", []))
        self.none_nouns = set(r.get("none_nouns", []))
        nr = r.get("no_reason", {})
        self.no_reason_nouns = set(nr.get("nouns", []))
        self.no_reason_verbs = set(nr.get("verbs", []))
        self.talk_nouns = self.none_nouns | PROCESS_NOUNS  # "talks must resume"
        self.afford_verbs = set(r.get("afford", {}).get("verbs", []))
        self.denied_objects = set(r.get("denied_objects", []))
        frames = d.get("noun_frames", {})
        self.noun_frames = {lem: kind for kind in ("demand", "red_line") for lem in frames.get(kind, [])}
        self.threat_verbs = set(d.get("threat_verbs", []))
        self.weak_agentive = set(d.get("weak_agentive", {}).get("verbs", []))
        self.duty_nouns = set(d.get("duty_nouns", {}).get("nouns", []))
        self.until_verbs = set(d.get("until_verbs", []))
        self.stating = set(d.get("stating_verbs", []))
        need = d.get("need_frames", {})
        self.need_verbs, self.need_nouns = set(need.get("verbs", [])), set(need.get("nouns", []))
        imp = d.get("important_to", {})
        self.important_adjs, self.not_steps = set(imp.get("adjectives", [])), set(imp.get("not_steps", []))
        self.call_not_steps = set(d.get("call_to_not_steps", []))
        self.want_not_steps = set(d.get("want_to_steps", {}).get("not_steps", []))
        self.want_obj_not_steps = set(d.get("want_obj_to_not_steps", {}).get("not_steps", []))
        self.assurances = set(d.get("assurance_nouns", {}).get("nouns", []))
        # what "seek X" asks of no party: one's own ends ("seeking reelection") and shared goals
        # ("seeking a solution")
        self.sought_not_asked = set(d.get("sought_for_oneself", {}).get("objects", [])) \
            | set(d.get("sought_by_both", {}).get("objects", []))
        self.public = set(d.get("public_addressees", {}).get("nouns", []))
        unw = r.get("unwilling", {})
        self.unwilling_neg = set(unw.get("negated_adjectives", []))
        # a side saying it is willing to move, on a condition: "open to talks only if …" (the same
        # adjectives that, negated, refuse; and "open")
        self.willing = self.unwilling_neg | {"open"}
        self.unwilling = set(unw.get("adjectives", []))
        self.negative_heads = set(cues.get("negative_frames", {}).get("heads", []))
        self.reporting = ctx.lex.reporting_verbs | {"insist", "demand", "describe"}
        # unions the per-token rules below test against, built once per document
        self.talk_or_deal_nouns = self.talk_nouns | DEAL_NOUNS  # subjects an obligation on which is a demand
        self.not_called_for = self.call_not_steps | self.reporting  # "called to congratulate / to say"
        self.weighty = self.proposal_nouns | self.nouns | self.talk_nouns  # "declined to discuss the demands"
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
            if ch.dep_ == "neg" or ch.lower_ in ("never",) or (ch.lower_ == "neither" and ch.i < tok.i):
                return True
        if tok.i > 0 and tok.doc[tok.i - 1].lower_ == "neither":
            return True  # "the EU neither wanted an escalation, nor …" (the parser may hang it elsewhere)
        if (tok.tag_ != "VBD" or tok.lemma_ == "be") and any(
                ch.lower_ == "longer" and any(x.lower_ == "no" for x in ch.children) for ch in tok.children):
            return True  # "no longer recognizes Mr. Gbagbo" (a past "no longer gave" narrates)
        going = going_to(tok)
        if going is not None and any(c.dep_ == "neg" or c.lower_ == "never" for c in going.children):
            return True  # "we are not going to sign": the negation sits on "going"
        # "will not X, or agree to Y": a coordinated verb shares the negation
        # ("is not part of the budget and has requested ..." does not share it)
        if tok.dep_ == "conj" and not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in tok.children):
            return self._negated(tok.head)
        # "refuse to agree": handled by the refusal cue itself
        return False

    def _blocked(self, tok) -> bool:
        """A cue under an accusation, a prediction, a failure or a negated head is
        not a position: "accused Kyiv of refusing", "is expected to reject",
        "you do not get to demand". A verb of saying stops the walk: what is
        said is the position of the sayer."""
        if tok.i in self._questions.get(id(tok.doc), ()):
            return True  # questions take no position
        t = tok
        for _ in range(4):
            if t.dep_ not in ("xcomp", "pcomp", "ccomp", "pobj", "prep") or t.head.i == t.i:
                return False
            clause, t = t, t.head
            lem = t.lemma_.lower()
            if lem in ("ask", "wonder", "question", "inquire") and any(
                    x.tag_ in ("WDT", "WP", "WRB") or x.lower_ == "whether" for x in clause.subtree):
                return True  # "asked him what the authorities have to do": an indirect question
            if lem in self.reporting:
                return False
            if lem in self.negative_heads:
                return True
            if t.pos_ in ("VERB", "AUX") and any(c.dep_ == "neg" for c in t.children):
                if (g := going_to(clause)) is not None and g.i == t.i:
                    continue  # "are not going to sign": the infinitive's own negation (_negated)
                # "does not want to accept": the negated wish is the refusal (negated-move rule)
                return not (clause.dep_ == "xcomp" and lem in WISH_VERBS and clause.lemma_.lower() in self.moves)
        return False

    def _holders(self, chunk, tok, speaker, loose: bool = True) -> list[str]:
        """Every party a holder phrase names: "both the Greens and the Liberals"."""
        out: list[str] = []
        todo = [tok] if tok is not None else []
        while todo:
            t = todo.pop(0)
            k = self._resolve(chunk, t, speaker, loose)
            if k and k not in out:
                out.append(k)
                # "both countries", "officials from A and B": every party the phrase stands for
                named = self.res.parties_named_by(chunk, t, self.ctx.tok_start(chunk, t))
                if k in named:
                    out.extend(x for x in named if x not in out)
            todo.extend(c for c in t.children if c.dep_ == "conj" and c.pos_ in ("PROPN", "NOUN", "PRON"))
        return out

    @staticmethod
    def _obj_inf(tok):
        """The party asked to act in "wants Russia to stop" / "expects Kyiv to sign":
        an object with an infinitive, however the parser attached the infinitive."""
        kids = {c.dep_: c for c in tok.children}
        if "dobj" in kids and "xcomp" in kids and to_infinitive(kids["xcomp"]):
            return kids["dobj"]  # an infinitive with "to" ("told him 'make sure …'" is a quote, not a demand)
        for c in tok.children:
            if c.dep_ in ("ccomp", "xcomp") and to_infinitive(c):
                s = next((x for x in c.children if x.dep_ == "nsubj"), None)
                if s is not None:
                    return s
        return None

    def _span(self, chunk, verb, include_subject: bool, start_tok=None) -> tuple[int, int]:
        doc = chunk.doc
        drop: set[int] = set()
        for ch in verb.children:
            if ch.dep_ == "conj" and ch.pos_ in ("VERB", "AUX"):
                drop.update(t.i for t in ch.subtree)
                for cc in verb.children:
                    if cc.dep_ in ("cc", "punct") and cc.i < ch.i and cc.i > verb.i:
                        drop.add(cc.i)
            elif ch.dep_ in ("advcl", "parataxis") and ch.i > verb.i and not any(
                    m.dep_ == "mark" and m.lower_ == "for" for m in ch.children) and not (
                    ch.dep_ == "advcl" and verb.lemma_.lower() in self.keeps_infinitive
                    and to_infinitive(ch)
                    and not any(m.dep_ == "mark" for m in ch.children)):
                # "called for X to go", "convince them to cut" stay whole
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
                    and not to_infinitive(t):
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
        """Subject of the nearest verb of saying that governs ``tok``; else the owner of a
        position stated with "be" ("Russia's position is that …"); else the party of an
        "according to X" in the sentence."""
        t = tok
        for _ in range(8):
            if t.head.i == t.i:
                break
            t = t.head
            if t.lemma_.lower() in self.reporting and t.pos_ in ("VERB", "AUX"):
                k = self.res.subject_of(chunk, t)
                if not k and (s := clause_subject(t)) is not None and pronoun_key(s) in PRONOUNS_PLURAL:
                    k = self._resolve(chunk, s, None, loose=False)  # "they said": as a holder (near)
                if k:
                    return k
            elif t.pos_ in ("VERB", "AUX") and self._stance(t):
                # (eval-diff: an unnamed subject here does not continue the latest speaker:
                # "many unionists made it clear …" is not the last person quoted)
                k = self._resolve(chunk, clause_subject(t), None, loose=False)
                if k:
                    return k
            if t.lemma_ == "be":
                s = next((c for c in t.children if c.dep_ == "nsubj" and c.lemma_.lower() in POSITION_NOUNS), None)
                poss = next((c for c in s.children if c.dep_ == "poss"), None) if s is not None else None
                k = self.res.resolve_np(chunk, poss, self.ctx.tok_start(chunk, poss), loose=False) \
                    if poss is not None else None
                if k:
                    return k
        # the "according" tokens of this sentence (found once per paragraph: rare, so no
        # tok.sent for every call)
        mine = [a for a in self._according.get(id(tok.doc), ()) if a.sent.start <= tok.i < a.sent.end]
        return self.res.according_to(chunk, mine, loose=False) if mine else None

    def _present_appeal(self, tok) -> bool:
        """"We encourage the sides to remain committed": an appeal made now, in the present
        tense, not hedged, asking for a step (eval-diff: "encouraged me to endorse him",
        "could encourage London to move", "encourages the families not to lose heart" report
        persuasion, muse or comfort; they are not positions)."""
        if tok.tag_ not in ("VBP", "VBZ") or any(c.dep_ == "aux" for c in tok.children):
            return False
        inf = next((c for c in tok.children if c.dep_ in ("xcomp", "ccomp") and to_infinitive(c)), None)
        return inf is not None and not any(c.dep_ == "neg" for c in inf.children)

    def _collective(self, key: str | None) -> bool:
        """A state, an organisation or a group: a party that acts as a body."""
        cl = self.res.actors.clusters.get(key) if key else None
        return cl is not None and cl.kind in ("state", "organization", "group")

    @staticmethod
    def _stance(verb) -> bool:
        """"is adamant that …", "was clear that …", "made clear that …": a party stating
        its position without a verb of saying."""
        lemma = verb.lemma_.lower()
        if lemma not in ("be", "make", "remain"):
            return False
        return any(c.dep_ in ("acomp", "ccomp", "oprd") and c.lemma_.lower() in STANCE_ADJECTIVES
                   and (lemma != "make" or c.lower_ == "clear") for c in verb.children)

    def _resolve(self, chunk, tok, speaker, loose: bool = True):
        """The party ``tok`` names. ``loose`` lets an unnamed common noun continue the latest
        party: right about a third of the time on PolNeAR ("his campaign", "the prince"), wrong
        otherwise ("each vote requires a delay"); a wrong holder and no holder cost the same
        in the scores, so it stays (eval-diff, 2026-11-27)."""
        if tok is None:
            return None
        return self.res.resolve_np(chunk, tok, self.ctx.tok_start(chunk, tok), speaker, loose, near=True)

    def _speaker_for(self, pos: int):
        qi = self._quote_at(pos)
        return (qi, self.quotes[qi][2]) if qi is not None else (None, None)

    # ------------------------------------------------------------------ find
    def find(self) -> list[RawClaim]:
        out: list[RawClaim] = []
        noun_cues = self.talk_nouns | self.nouns | self.noun_lists | set(self.noun_frames) \
            | self.no_reason_nouns  # talk_nouns ⊇ none_nouns
        adj_cues = self.unwilling | self.unwilling_neg
        for chunk in self.ctx.chunks:
            doc = chunk.doc
            # token indices of sentences ending in "?" (or "?" then a closing mark), once per
            # paragraph: asking tok.sent per verb cost a fifth of the rules' time
            qs: set[int] = set()
            for sent in doc.sents:
                last = sent[-1]
                if last.text == "?" or (last.is_punct and last.i > sent.start and doc[last.i - 1].text == "?"):
                    qs.update(range(sent.start, sent.end))
            self._questions[id(doc)] = qs
            # ("according" as a token needs it in the text: most paragraphs skip a pass over their tokens)
            self._according[id(doc)] = [t for t in doc if t.lower_ == "according"] \
                if "according" in doc.text.lower() else []
            for tok in doc:
                # Only a verb, a cue noun or a cue adjective can give a claim (every other token
                # fell through each test of _token_cues): the others are skipped before its set-up.
                p = tok.pos_
                if p in ("VERB", "AUX") or (p == "NOUN" and tok.lemma_.lower() in noun_cues) \
                        or (p == "ADJ" and tok.lemma_.lower() in adj_cues):
                    out.extend(self._token_cues(chunk, tok))
            for mid, s, e in self.phrases(doc):
                label = doc.vocab.strings[mid]
                out.extend(self._phrase_cue(chunk, label, doc[s:e]))
        return [c for c in self._dedupe(out) if c.holder is not None or not self._guess(c)]

    def _guess(self, c: RawClaim) -> bool:
        """A holderless claim that is no position: one inside a Title Case headline, which
        fools the tagger ("Seek Resolution to …" read as a verb with no subject), or a verb
        of demanding with no subject, no by-agent and not passive, a modifier hanging on a
        noun ("seeking comment", "to request"); a passive refusal whose agent is unsaid
        ("the call was rebuffed") stays."""
        if c.start < self.res.actors.headline_end:
            return True
        verb = c.extra.get("cue_tok", c.anchor)
        return c.frame == "agentive" and verb.pos_ in ("VERB", "AUX") and clause_subject(verb) is None \
            and by_agent(verb) is None and not any(ch.dep_ == "auxpass" for ch in verb.children)

    def _make(self, kind, chunk, anchor, span, cue, holder, target, reason, conf, frame, speaker_q, holders=None):
        hs = list(holders or [])
        if holder and holder not in hs:
            hs.insert(0, holder)
        return RawClaim(kind, chunk, anchor, span[0], span[1], cue, holder, target, reason, conf, frame, speaker_q,
                        holders=hs)

    def _coordinated(self, tok) -> tuple[object | None, list[list]]:
        """The further demands coordinated with what ``tok`` demands: "calls for the Houthis to
        withdraw … and to end the use of violence", "urge both sides to act … and return to
        the table", "called for a pullout of Gaza, and a reopening of borders", "wants not only
        a cease-fire, but the withdrawal of troops" (the guidelines: coordinated claims are
        separate claims). Returns the first token of the first coordinated demand (where the
        demand of ``tok`` ends) and each coordinated demand's tokens.

        The content is an infinitive (``xcomp``, a for-to ``advcl``, a ``dobj``'s infinitive)
        or a noun (``dobj``, the object of "for"/"on"). Infinitives coordinate with their bare
        or "to" infinitives that have no subject of their own; nouns with nouns the parser hung
        on the content, on the cue verb or on the verb that reports it, after the content.
        Nouns only when both sides say more than one word ("peace and stability" is one
        demand, "an end to the violence and the release of prisoners" two)."""
        heads = []
        verbs = [c for c in tok.children if c.dep_ in ("xcomp", "advcl", "ccomp") and c.tag_ == "VB" and to_infinitive(c)]
        for c in tok.children:
            if c.dep_ == "dobj":
                verbs.extend(x for x in c.children if x.dep_ == "xcomp" and x.tag_ == "VB" and to_infinitive(x))
        heads.extend(verbs)
        if not verbs:  # with an infinitive the object is the one asked ("asked the delegates to …")
            heads.extend(c for c in tok.children if c.dep_ == "dobj" and c.pos_ == "NOUN")
            heads.extend(x for c in tok.children if c.dep_ == "prep" and c.lower_ == "for"
                         for x in c.children if x.dep_ == "pobj" and x.pos_ == "NOUN")
        out: list[list] = []
        first = None

        def words(t) -> int:
            return sum(1 for x in t.subtree if not (x.is_punct or x.is_space))

        def after_comma(t) -> bool:
            left = t.left_edge.i
            return left > 0 and t.doc[left - 1].text in (",", ";")

        # "called on Kosovo and Serbia to de-escalate tensions and to return to the process": when
        # the parser loses the first infinitive, a "to" infinitive coordinated with the cue verb
        # itself can only continue what the cue asks (a finite verb takes no "to")
        if not verbs:
            for c in tok.children:
                if c.dep_ == "conj" and c.tag_ == "VB" and c.i > tok.i and to_infinitive(c) \
                        and not any(x.dep_ in ("nsubj", "nsubjpass") for x in c.children) and words(c) >= 3:
                    toks = list(c.subtree)
                    while toks and (toks[-1].is_punct or toks[-1].is_space):
                        toks.pop()
                    out.append(toks)
                    first = toks[0] if first is None or toks[0].i < first.i else first

        for h in heads:
            if h.pos_ == "VERB":  # "and resume negotiations"; not "cease and desist"
                def coord(v):
                    # "to remain committed, to engage constructively, and to work …": the parser may
                    # hang the second "to" infinitive of a list as ``dep`` and the third on it
                    return [c for c in v.children if c.tag_ == "VB" and c.i > v.i
                            and (c.dep_ == "conj" or (c.dep_ == "dep" and to_infinitive(c)))
                            and not any(x.dep_ in ("nsubj", "nsubjpass") for x in c.children) and words(c) >= 2]
                conj = coord(h)
                if h is (verbs[0] if verbs else None):
                    # "urge both parties to think of …, set aside their differences, and work
                    # together": the parser may hang the list's later items on the cue itself
                    sib = [c for c in tok.children if c.dep_ == "xcomp" and c.i > h.i and c.pos_ == "VERB"
                           and after_comma(c) and words(c) >= 2
                           and not any(x.dep_ in ("nsubj", "nsubjpass") for x in c.children)]
                    conj += sib + [c for d in sib for c in coord(d)]
                conj += [c for d in conj if d.dep_ == "dep" for c in coord(d)]
            else:
                # a noun naming an action with its object ("a reopening of borders", "the
                # withdrawal of troops"): not a list of things ("visa and luggage", "lots of it")
                hangers = [h, tok] + ([tok.head] if tok.dep_ in ("ccomp", "xcomp") and
                                      tok.head.lemma_.lower() in self.reporting else [])
                conj = [c for g in hangers for c in g.children if c.dep_ == "conj" and c.pos_ == "NOUN"
                        and c.i > h.i and c.i > tok.i and words(c) >= 3
                        and any(x.dep_ == "prep" for x in c.children)
                        and c.lemma_.lower() not in ("lot", "lots", "plenty", "more", "rest", "part")
                        # "greater autonomy or a special status": alternatives of one demand
                        and not any(x.dep_ == "cc" and x.lower_ == "or" and x.i < c.i for x in c.head.children)]
                conj = conj if words(h) >= 2 else []
            for c in sorted(conj, key=lambda t: t.i):
                later = {x.i for o in conj if o.i > c.i for x in o.subtree}
                toks = [x for x in c.subtree if x.i not in later]
                while toks and (toks[-1].is_punct or toks[-1].is_space or toks[-1].dep_ == "cc"):
                    toks.pop()
                if toks:
                    out.append(toks)
                    first = toks[0] if first is None or toks[0].i < first.i else first
        return first, out

    def _cut_before(self, chunk, span: tuple[int, int], first) -> tuple[int, int]:
        """``span`` ending before the token ``first`` (and the "and" / comma before it)."""
        doc = chunk.doc
        i = first.i - 1
        while i > 0 and (doc[i].is_punct or doc[i].is_space or doc[i].dep_ in ("cc", "preconj")
                         or doc[i].lower_ in ("and", "or", "but", "also", "as", "well")):
            i -= 1
        end = self.ctx.tok_end(chunk, doc[i])
        return (span[0], end) if span[0] < end < span[1] else span

    def _no_comment(self, verb) -> bool:
        """"declined to comment", "refused to say whether …", "declined to be named", "refused to
        talk to reporters", "declined to provide details", "declined comment": a source keeping
        quiet, not a position in the talks. What is refused to discuss or give in the talks
        ("refused to discuss the demands", "refusal to give them a pay increase") is not this."""
        if any(c.dep_ == "dobj" and c.lemma_.lower() == "comment" for c in verb.children):
            return True
        inf = next((c for c in verb.children if c.dep_ in ("xcomp", "acl", "advcl") and to_infinitive(c)), None)
        if inf is None or inf.lemma_.lower() not in self.no_comment:
            return False
        lemma = inf.lemma_.lower()
        objs = [c for c in inf.children if c.dep_ in ("dobj", "nsubjpass")]
        pobjs = [x for c in inf.children if c.dep_ == "prep" for x in c.children if x.dep_ == "pobj"]
        if lemma in self.no_comment_media:  # "talk to reporters", "speak on the record"; not "talk to the rebels"
            return not objs and (not pobjs or any(x.lemma_.lower() in self.media_nouns for x in pobjs))
        if lemma in self.no_comment_info:  # "provide details", "give a price tag"; not "give them a raise"
            return any(o.lemma_.lower() in self.info_nouns for o in objs)
        # "discuss the union's demands", "confirm the deal", "respond to the ultimatum" keep their
        # object's weight
        return not any(o.lemma_.lower() in self.weighty for o in objs + pobjs)

    def _refusal_verb(self, verb) -> bool:
        """refuse, reject, decline …, a particle verb of refusal ("rule out", "turn down"),
        "resisted calls / pressure to …" (resisting a thing is no refusal: "resisted arrest"),
        or a verb that refuses a proposal ("balked at the plan", "blocked the resolution")."""
        lemma = verb.lemma_.lower()
        if lemma == "decline" and not any(c.dep_ in ("dobj", "xcomp", "ccomp", "advcl") for c in verb.children):
            return False  # "turnout has declined", "declined in every state": a fall, not a refusal
        return lemma in self.refusals or (lemma in self.particle_verbs and any(
            c.dep_ == "prt" and c.lower_ == self.particle_verbs[lemma] for c in verb.children)) or (
            lemma == "resist" and any(c.dep_ == "dobj" and c.lemma_.lower() in RESISTED for c in verb.children)) or (
            lemma in self.object_verbs and self._proposal_object(verb, self.object_verbs[lemma]))

    def _proposal_object(self, verb, via: str) -> bool:
        if via == "dobj":
            # (the parser may read the noun as a verb: "dismissed a Network Rail offer worth 8%")
            objs = [c for c in verb.children if c.dep_ == "dobj" or (
                c.dep_ == "ccomp" and c.lower_ in ("offer", "plan", "deal", "bid", "demand", "call", "proposal"))]
        else:
            objs = [o for p in verb.children if p.dep_ == "prep" and p.lower_ == via
                    for o in p.children if o.dep_ == "pobj"]
        return any(o.lemma_.lower() in self.proposal_nouns for o in objs)

    def _refusing(self, verb) -> bool:
        """"refused Taleban demands", "will not accept their conditions": the verb's
        subject refuses the position named by the object, it does not hold it."""
        lemma = verb.lemma_.lower()
        return self._refusal_verb(verb) or ((lemma in self.negated or lemma in self.agentive) and self._negated(verb))

    def _token_cues(self, chunk, tok) -> list[RawClaim]:
        out = []
        lemma = tok.lemma_.lower()
        pos = self.ctx.tok_start(chunk, tok)
        qi, speaker = self._speaker_for(pos)
        is_verb = tok.pos_ in ("VERB", "AUX")
        if is_verb and self._hypothetical(tok):
            return out
        subj = clause_subject(tok) if is_verb else None
        if subj is None and is_verb and tok.dep_ == "acl" and tok.tag_ == "VBG" and tok.head.pos_ in ("NOUN", "PROPN") \
                and lemma in ACL_DEMANDS and self._resolve(chunk, tok.head, speaker, loose=False):
            # "garment workers, demanding a minimum wage, …": the party the participle describes
            # (eval-diff: not "a book calling for stimulus", "seeking comment", "seeking the nomination")
            subj = tok.head
        elif subj is None and is_verb and tok.dep_ == "acl" and tok.tag_ == "VBG" and lemma in ACL_DEMANDS \
                and tok.head.lemma_.lower() in PROTEST_NOUNS and tok.head.dep_ in ("dobj", "nsubjpass") \
                and tok.head.head.pos_ == "VERB" and (org := clause_subject(tok.head.head) if tok.head.dep_ == "dobj"
                                                      else by_agent(tok.head.head)) is not None \
                and self._resolve(chunk, org, speaker, loose=False):
            # "the opposition held rallies demanding early elections": those who hold the rallies
            subj = org
        if is_verb and self._blocked(tok):
            return out
        agent = by_agent(tok) if is_verb else None
        holder_tok = agent if agent is not None else subj
        if agent is None and subj is not None and subj.dep_ == "nsubjpass" and subj.head.i == tok.i \
                and not (lemma == "oppose" and any(c.dep_ == "prep" and c.lower_ == "to" for c in tok.children)):
            # ("X is opposed to Y" is a state of X, not a passive)
            # "Tsipras's call was rebuffed": the subject of a passive is what is refused or
            # demanded, not who refuses; with no by-agent the holder is the reporter, if any
            holder_tok = None
        # --- agentive demand verbs
        if is_verb and lemma in self.agentive and not self._negated(tok):
            req = self.agentive[lemma]
            kids = {c.dep_: c for c in tok.children}
            preps = {c.lower_: c for c in tok.children if c.dep_ in ("prep", "prt", "dative")}
            ok, target_tok, participle, step = not req, None, False, False
            for r in req:
                if r in ("for", "on", "upon", "against") and r in preps and not (r in ("on", "upon") and any(
                        p.dep_ == "pobj" and p.ent_type_ in ("DATE", "TIME") for p in preps[r].children)):
                    # (not "insisted on Sunday that …": a day, not what is insisted on)
                    ok = True
                    target_tok = next((p for p in preps[r].children if p.dep_ == "pobj"), None)
                elif r in ("for", "for_to") and (cl := next((c for c in tok.children if c.dep_ in ("advcl", "ccomp")
                                                              and any(m.dep_ == "mark" and m.lower_ == "for"
                                                                      for m in c.children)), None)) is not None:
                    # "called for China to withdraw": a for-to clause
                    target_tok = next((x for x in cl.children if x.dep_ == "nsubj"), None)
                    # "waiting for the Council to update": only a party asked to act
                    ok = r == "for" or (target_tok is not None and
                                        self._resolve(chunk, target_tok, speaker, loose=False) is not None)
                elif r in ("to+inf", "with+inf") and r[:-4] in preps:
                    # "appealing to Prime Minister Tsvangirai to intercede", "pleaded with the
                    # government to lower prices": the one appealed to, asked to act
                    prep = preps[r[:-4]]
                    if any(c.dep_ in ("xcomp", "advcl") and to_infinitive(c) and not any(m.dep_ == "mark" for m in c.children)
                           for c in [*tok.children, *(x for p in prep.children for x in p.children)]):
                        target_tok = next((p for p in prep.children if p.dep_ == "pobj"), None)
                        ok = target_tok is not None
                    elif (pc := next((c for c in prep.children if c.dep_ == "pcomp" and to_infinitive(c)), None)) is not None \
                            and (s_ := next((x for x in pc.children if x.dep_ == "nsubj"), None)) is not None:
                        ok, target_tok = True, s_  # the parser's "with [the government to lower prices]"
                elif r == "obj+xcomp" and "dobj" in kids and ("xcomp" in kids or any(
                        c.dep_ == "advcl" and to_infinitive(c)
                        and not any(m.dep_ == "mark" for m in c.children) for c in tok.children)):
                    # "convince its neighbours to cut the debt" (the parser may hang the infinitive as advcl)
                    ok, target_tok = True, kids["dobj"]
                elif r == "party_obj+xcomp":
                    o = self._obj_inf(tok)
                    if o is not None and o.lower_ not in ("it", "this", "that") and \
                            self._resolve(chunk, o, speaker, loose=False) and \
                            (lemma not in PRESENT_ONLY or self._present_appeal(tok)):
                        ok, target_tok = True, o
                elif r == "obj+participle":
                    # "wanted the sanctions lifted": an object with a past participle
                    # (the tagger may call it VBD: "want" takes no finite past clause, so a bare
                    # -ed verb with a subject and no auxiliary is the participle)
                    cl = next((c for c in tok.children if c.dep_ in ("ccomp", "xcomp", "oprd")
                               and (c.tag_ == "VBN" or (c.tag_ == "VBD" and c.lower_.endswith("ed") and not any(
                                   x.dep_ in ("aux", "auxpass", "mark") for x in c.children)))
                               and any(x.dep_ in ("nsubj", "nsubjpass") for x in c.children)), None)
                    if cl is not None:
                        ok, participle = True, True
                elif r == "into" and "dobj" in kids and "into" in preps:
                    ok, target_tok = True, kids["dobj"]
                elif r == "obj" and "dobj" in kids and kids["dobj"].pos_ in ("NOUN", "PROPN") and not (
                        lemma == "seek" and kids["dobj"].lemma_.lower() in self.sought_not_asked):
                    ok = True
                elif r == "see_obj" and "xcomp" in kids and kids["xcomp"].lemma_ == "see" and any(
                        c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN") for c in kids["xcomp"].children):
                    ok = True  # "we want to see direct negotiations" wants them
                elif r == "xcomp_passive" and "xcomp" in kids and to_infinitive(kids["xcomp"]) and any(
                        c.dep_ == "auxpass" for c in kids["xcomp"].children):
                    ok = True  # "wanted to be paid $9 million": what others must do for them
                elif r == "obj_step" and not ok and (o := self._obj_inf(tok)) is not None \
                        and o.pos_ in ("NOUN", "PROPN") and (inf := o.head if o.dep_ == "nsubj" else kids.get("xcomp")) is not None \
                        and inf.lemma_.lower() not in self.want_obj_not_steps \
                        and not any(c.dep_ == "neg" for c in inf.children) \
                        and any(c.dep_ in ("dobj", "prep", "ccomp", "xcomp", "prt", "acomp", "oprd", "auxpass")
                                for c in inf.children):
                    # "want COP28 to make the fund operational", "want export taxes to be dropped":
                    # a thing or an unnamed party to act, wanted by a collective party (checked below)
                    ok, step = True, True
                elif r == "to_inf_step" and not ok and "dobj" not in kids and (inf := kids.get("xcomp")) is not None \
                        and inf.tag_ == "VB" and to_infinitive(inf) \
                        and inf.lemma_.lower() not in self.want_not_steps \
                        and not any(c.dep_ in ("auxpass", "neg") for c in inf.children) \
                        and not any(c.dep_ == "aux" and c.lower_ in self.hedges for c in tok.children) \
                        and any(c.dep_ in ("dobj", "prep", "ccomp", "xcomp", "prt") for c in inf.children):
                    # "want to revive a suspended referendum", "want to talk about a better
                    # distribution": wanting to do something (the party check is below)
                    ok, step = True, True
                elif r == "that_clause" and any(c.dep_ == "ccomp" and self._mandative(c) for c in tok.children):
                    ok = True  # "would require that doctors have admitting privileges" (not "requires cash")
                elif r == "will_clause" and any(c.dep_ == "ccomp" and (self._subjunctive(c) or any(
                        a.dep_ in ("aux", "auxpass") and a.lower_ in ("will", "would", "must", "should", "'ll", "shall",
                                                                      "wo", "ca", "can", "cannot")
                        for a in c.children)) for c in tok.children):
                    # "insisted the talks would be strictly clan-based", "insist he must leave power"; not
                    # "insisted that no ransom was paid", "insists Sanders is mounting a phony attack"
                    ok = True
                elif r == "to_inf" and "dobj" not in kids and (inf := next(
                        (c for c in tok.children if c.dep_ in ("xcomp", "advcl") and c.tag_ == "VB"
                         and to_infinitive(c) and not any(m.dep_ == "mark" for m in c.children)), None)) is not None \
                        and inf.lemma_.lower() not in self.not_called_for \
                        and not any(c.dep_ == "auxpass" for c in tok.children) \
                        and not (tok.tag_ == "VBN" and not any(c.dep_ == "aux" and c.lemma_ == "have" for c in tok.children)):
                    # "the resolution calls to urgently end all subsidies"; not "called to congratulate
                    # her", nor a passive ("was called by the party to force …", "felt called to go home")
                    ok = True
            addressee = target_tok if target_tok is not None else kids.get("dobj")
            if ok and addressee is not None and (addressee.lemma_.lower() in self.public
                                                 or addressee.lower_ in self.public):
                ok = False  # "urged voters to register", "asking people to bring flowers": the public
            if step and not (subj is not None and pronoun_key(subj) not in PRONOUNS_FIRST
                             and self._collective(self._resolve(chunk, subj, speaker, loose=False))):
                # a collective party's own step ("the rebels want to revisit the accord"); a
                # person's wants, and a "we want to" quoted from one, are mostly a candidate's
                # programme or a wish (eval-diff on PolNeAR: "wants to ban all abortions",
                # "wanted to write about the crisis", "we want to take advantage of")
                ok = False
            elif lemma == "want" and ok and target_tok is None and not participle:
                # "we want a better life", "the union wants a 5 percent raise" (a party wanting a
                # thing); "he wants to discuss" is not a demand
                # "the Front said it wants a timetable": a pronoun in what a party reports of itself
                ok = subj is not None and (pronoun_key(subj) in PRONOUNS_FIRST or (
                    pronoun_key(subj) not in PRONOUNS_ALL and self._resolve(chunk, subj, speaker, loose=False) is not None)
                    or (subj.lower_ in ("it", "they", "he", "she") and self._reporter(chunk, tok) is not None))
            if ok:
                holders = self._holders(chunk, holder_tok, speaker, loose=agent is None)
                holder = holders[0] if holders else None
                if holder is None and holder_tok is not None and holder_tok.pos_ == "NOUN" and agent is None:
                    # "officials say the increase is not in the budget and have requested …": the
                    # parser gave the verb a clause whose subject is no party; its reporter holds it
                    holder = self._reporter(chunk, tok)
                if holder is None and qi is not None and not third_person(holder_tok):
                    holder = speaker
                # the party named ("called on Israel"), never "insisted on conditions" read as the latest party
                target = self._resolve(chunk, target_tok, speaker, loose=False) if target_tok is not None else None
                span = self._span(chunk, tok, include_subject=False)
                first, more = self._coordinated(tok)
                if first is not None:
                    span = self._cut_before(chunk, span, first)
                how = "by-agent" if agent is not None else "subject"
                out.append(self._make("demand", chunk, tok, span, tok.text, holder, target,
                                      f"'{tok.text}' with its {how} as holder",
                                      0.5 if step else 0.6 if lemma in self.weak_agentive else 0.8,
                                      "agentive", qi, holders))
                for toks in more:
                    head = next(t for t in toks if t.head.i not in {x.i for x in toks})
                    c = self._make("demand", chunk, head, self.ctx.span_of(chunk, toks), tok.text,
                                   holder, target, f"coordinated with what '{tok.text}' asks",
                                   0.6, "agentive", qi, holders)
                    c.extra["cue_tok"] = tok  # a guess or not as the cue's own claim is
                    out.append(c)
                if tok.tag_ == "VB":
                    # "to cut the debt and hand it more loans": each coordinated infinitive is a demand.
                    # The parser may hang the bare infinitive on a verb above the cue whose form
                    # cannot coordinate with it ("trying to convince them to cut … and hand …").
                    conjs = list(tok.children)
                    for up in list(tok.ancestors)[:2]:
                        if up.tag_ != "VB":
                            conjs.extend(c for c in up.children if c.i > tok.i)
                    for cj in conjs:
                        if cj.dep_ == "conj" and cj.tag_ == "VB" and not any(
                                x.dep_ in ("nsubj", "nsubjpass") for x in cj.children):
                            cspan = self._span(chunk, cj, include_subject=False)
                            out.append(self._make("demand", chunk, cj, cspan, tok.text, holder, target,
                                                  f"coordinated with '{tok.text}'", 0.6, "agentive", qi, holders))
        # --- refusals: refuse, reject, decline, rule out, turn down, oppose
        second_person = subj is not None and subj.lower_ == "you"  # "you refuse to honor it" accuses
        denies = lemma == "deny" and any(c.dep_ == "dobj" and c.lemma_.lower() in self.denied_objects
                                         for c in tok.children)  # "denied the request", not "denied the report"
        # "threatened to boycott the talks unless Washington changes its mind": the refusal is
        # what the threat holds over the other side, a demand (the threat frame), not a red line
        threatened = tok.dep_ == "xcomp" and tok.head.lemma_.lower() == "threaten" and any(
            c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("unless", "if") for m in c.children)
            for x in (tok, tok.head) for c in x.children)
        if is_verb and (self._refusal_verb(tok) or denies) and not self._negated(tok) and not second_person \
                and not threatened and not self._no_comment(tok):
            holders = self._holders(chunk, holder_tok, speaker, loose=agent is None)
            holder = holders[0] if holders else None
            if holder is None and holder_tok is None and subj is not None:
                holder = self._reporter(chunk, tok)
            if holder is None and qi is not None and not third_person(holder_tok):
                holder = speaker
            span = self._span(chunk, tok, include_subject=False)
            out.append(self._make("red_line", chunk, tok, span, tok.text, holder, None,
                                  f"refusal verb '{tok.text}'" + (" with its by-agent" if agent is not None else ""),
                                  0.65 if lemma == "oppose" else 0.8, "agentive", qi, holders))
        # --- negated acceptance: will not accept, cannot agree, never recognise, won't sit with
        future = is_verb and (any(c.lower_ in self.future_aux for c in tok.children if c.dep_ == "aux")
                              or any(c.lower_ == "never" for c in tok.children)
                              or (going_to(tok) is not None and subj is not None and (  # a party's "going to"
                                  pronoun_key(subj) in PRONOUNS_ALL or self.res.actors.key_at(chunk, subj)
                                  or subj.pos_ == "PROPN")))
        # "will not take part in the elections" is "will not participate"
        takes_part = lemma == "take" and any(c.dep_ == "dobj" and c.lower_ == "part" and not any(
            d.dep_ == "det" for d in c.children) for c in tok.children)
        progressive = tok.tag_ == "VBG" and not future  # "is not negotiating" reports, it takes no position
        # "could not have entered into an agreement": a counterfactual past judges, it refuses nothing
        counterfactual = tok.tag_ == "VBN" and any(c.dep_ == "aux" and c.lower_ in ("have", "'ve") for c in tok.children) \
            and any(c.dep_ == "aux" and c.lower_ in ("could", "would", "should", "might", "must") for c in tok.children)
        affords = lemma == "afford" and any(c.dep_ == "xcomp" and c.lemma_.lower() in self.afford_verbs
                                            for c in tok.children)
        # "does not want to accept the proposal", "has no intention …": a negated wish to move
        unwanted = is_verb and lemma in self.moves and tok.dep_ == "xcomp" and to_infinitive(tok) \
            and tok.head.lemma_.lower() in WISH_VERBS and self._negated(tok.head) \
            and not self._negated(tok) and not self._hypothetical(tok.head) and tok.head.tag_ not in ("VBG", "VBD") \
            and not any(c.dep_ == "aux" and c.lower_ == "did" for c in tok.head.children) \
            and not any(c.dep_ == "prep" and c.lower_ == "about" for c in tok.children)
        # (a past wish reports; "I don't want to talk about it" declines to comment, eval-diff)
        # "the accord had not been signed", "the money was not paid": a past passive reports
        past_passive = is_verb and agent is None and not future and tok.tag_ == "VBN" and any(
            c.dep_ == "auxpass" and c.lower_ in ("was", "were", "been") for c in tok.children)
        own_stance = lemma in self.own_stance and future and any(
            c.dep_ == "dobj" and any(p.dep_ == "poss" for p in c.children) for c in tok.children)
        # "we will not come back to the negotiating table": "come back" to talks is "return"
        # (not "those days are never coming back", "I would not be coming back to Little Rock")
        comes_back = lemma == "come" and future and any(c.dep_ in ("prt", "advmod") and c.lower_ == "back"
                                                        for c in tok.children) and any(
            p.dep_ == "pobj" and (p.lemma_.lower() in self.talk_nouns or p.lower_ == "table")
            for c in [*tok.children, *(x for b in tok.children if b.lower_ == "back" for x in b.children)]
            if c.dep_ == "prep" and c.lower_ == "to" for p in c.children)
        # "we do not want negotiations like the last rounds": a party refusing a kind of talks or
        # a proposal it is offered (not "did not want war": a past wish reports)
        wants_none = lemma == "want" and tok.tag_ in ("VB", "VBP", "VBZ") and any(
            c.dep_ == "dobj" and c.pos_ == "NOUN" and c.lemma_.lower() in self.weighty for c in tok.children) \
            and not any(c.dep_ == "aux" and c.lower_ == "did" for c in tok.children)
        if is_verb and ((lemma in self.negated or ((lemma in self.negated_future or takes_part) and future)
                         or affords or own_stance
                         or comes_back or wants_none)
                        and self._negated(tok) or unwanted) \
                and not progressive and not counterfactual and not second_person and not past_passive \
                and not (lemma == "agree" and any(c.dep_ == "prep" and c.lower_ in ("on", "over", "about")
                                                  for c in tok.children)
                         and not any(c.dep_ == "aux" and c.lower_ in ("will", "would", "'ll", "wo", "shall")
                                     for c in tok.children)):
            # ("the ministers could not agree on phasing out coal": no agreement was reached, a report;
            # "will not agree on" refuses still)
            holders: list[str] = []
            if subj is not None and (pronoun_key(subj) in PRONOUNS_ALL or subj.pos_ == "PROPN" or
                                     self.res.actors.key_at(chunk, subj)):
                holders = self._holders(chunk, subj, speaker)
            holder = (holders[0] if holders else None) or self._reporter(chunk, tok) or speaker
            own_subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children)
            span = self._span(chunk, tok, include_subject=own_subject)
            if unwanted:
                span = (self._span(chunk, tok.head, include_subject=False)[0], span[1])
            elif (going := going_to(tok)) is not None:  # from "we are not going" on
                first = next((c for c in going.children if c.dep_ in ("nsubj", "nsubjpass", "aux")), going)
                span = (min(span[0], self.ctx.tok_start(chunk, first)), span[1])
            if tok.dep_ == "conj" and not own_subject:
                cc = [c for c in tok.head.children if c.dep_ == "cc" and c.i < tok.i]
                if cc:
                    span = (min(span[0], self.ctx.tok_start(chunk, cc[-1])), span[1])
            neg = next((c.text for c in (tok.head if unwanted else tok).children if c.dep_ == "neg"), "not")
            out.append(self._make("red_line", chunk, tok, span, f"{neg} {tok.text}", holder, None,
                                  f"negated '{tok.lemma_}'", 0.75 if lemma in self.negated else 0.6,
                                  "negated", qi, holders))
        # --- "Ukraine will only agree to a ceasefire if Russia withdraws": acceptance on a condition
        starts_move = lemma in ("start", "begin") and any(
            c.dep_ == "xcomp" and c.lemma_.lower() in self.moves for c in tok.children)
        if is_verb and (lemma in self.moves or starts_move) and not self._negated(tok) \
                and any(c.dep_ == "advmod" and c.lower_ == "only" for c in tok.children):
            # (… "we can only start talking about a new relationship if …": starting a move)
            kids = [*tok.children, *(x for c in tok.children if starts_move and c.dep_ == "xcomp" for x in c.children)]
            cond = next((c for c in kids if c.dep_ == "advcl" and c.i > tok.i and any(
                m.dep_ == "mark" and m.lower_ in ("if", "when", "after", "once") for m in c.children)), None)
            if cond is not None and subj is not None:
                holders = self._holders(chunk, subj, speaker, loose=False)
                holder = (holders[0] if holders else None) or self._reporter(chunk, tok) or speaker
                if holder:
                    mark = next(m for m in cond.children if m.dep_ == "mark")
                    out.append(self._condition_claim(chunk, tok, cond, holder, holders, speaker, qi,
                                                     f"only … {mark.text}", f"'only {tok.text} … {mark.text}'"))
        # --- conditional threats: "will strike unless the deal is signed",
        #     "threatened to resume attacks if the deadline passes"
        if is_verb:
            out.extend(self._threat(chunk, tok, subj, speaker, qi))
        # --- pseudo-clefts: "all he wants is a discussion", "what we want is a fair deal",
        #     "all they need to do is call off strikes", "the best thing the union could do is …"
        if is_verb and lemma == "be" and not self._negated(tok) and (tok.lower_ in ("is", "'s", "are") or (
                tok.lower_ == "be" and any(a.dep_ == "aux" and a.lower_ in ("would", "will", "'d", "'ll")
                                           for a in tok.children))):  # "… would be to sit down and talk"
            out.extend(self._cleft(chunk, tok, speaker, qi) or self._only_thing(chunk, tok, speaker, qi))
        # --- "it is time for the government to act", "it's not yet time for signing";
        #     "a ceasefire is a precondition for talks"
        if is_verb and lemma == "be":
            out.extend(self._copular_position(chunk, tok, speaker, qi))
            out.extend(self._against(chunk, tok, subj, speaker, qi))
            out.extend(self._priority(chunk, tok, subj, speaker, qi))
        # --- "the talks are over", "negotiations are finished", said by a party: it ends them
        if tok.pos_ == "NOUN" and lemma in self.talk_nouns and tok.dep_ == "nsubj" and tok.head.lemma_ == "be" \
                and not self._negated(tok.head) and not self._hypothetical(tok.head) and any(
                    c.dep_ in ("advmod", "acomp", "prt", "attr") and c.lower_ in ENDED_WORDS for c in tok.head.children):
            holder = self._reporter(chunk, tok.head) or speaker
            if holder:
                out.append(self._make("red_line", chunk, tok, self._span(chunk, tok.head, include_subject=True),
                                      f"{tok.text} … over", holder, None, "talks declared over", 0.6, "absence", qi))
        # --- "the negotiations are finished": the same as a passive of the present tense
        if tok.pos_ == "NOUN" and lemma in self.talk_nouns and tok.dep_ == "nsubjpass" and tok.head.lower_ in ENDED_WORDS \
                and any(c.dep_ == "auxpass" and c.lower_ in ("is", "are", "'re") for c in tok.head.children) \
                and not self._negated(tok.head) and not self._hypothetical(tok.head):
            holder = self._reporter(chunk, tok.head) or speaker
            if holder:
                out.append(self._make("red_line", chunk, tok, self._span(chunk, tok.head, include_subject=True),
                                      f"{tok.text} … {tok.head.text}", holder, None, "talks declared over", 0.6,
                                      "absence", qi))
        # --- "the deadline is final and immovable", "our offer is final": no more movement
        if tok.pos_ == "NOUN" and lemma in FINAL_SUBJECTS and tok.dep_ == "nsubj" and tok.head.lemma_ == "be" \
                and not self._negated(tok.head) and not self._hypothetical(tok.head) and any(
                    c.dep_ == "acomp" and c.lower_ in FINAL_WORDS for c in tok.head.children):
            holder = self._reporter(chunk, tok.head) or speaker
            if holder:
                out.append(self._make("red_line", chunk, tok, self._span(chunk, tok.head, include_subject=True),
                                      f"{tok.text} … final", holder, None, "a term declared final", 0.6, "phrase", qi))
        # --- "there is no reason to pull its forces out", "sees no need to negotiate": a party
        #     saying it has no cause to make a move refuses it (said now, or reported)
        if tok.pos_ == "NOUN" and lemma in self.no_reason_nouns and any(
                c.dep_ == "det" and c.lower_ == "no" for c in tok.children):
            out.extend(self._no_reason(chunk, tok, speaker, qi))
        # --- "There will be no negotiations": a refusal stated as an absence
        if tok.pos_ == "NOUN" and lemma in self.none_nouns and tok.head.lemma_ == "be" \
                and self._absence(tok, tok.head):
            # "There will be no negotiations" refuses; "there was no discussion" reports
            be = tok.head
            top = be.head if be.dep_ == "xcomp" and be.head.lemma_ == "go" else be  # "is not going to be"
            holder = self._reporter(chunk, top) or speaker
            if holder:
                span = self._span(chunk, top, include_subject=True)
                out.append(self._make("red_line", chunk, tok, span, f"no {tok.text}", holder, None,
                                      f"'no {tok.text}'", 0.6, "absence", qi))
        # --- "it is the duty of the U.N. force to prevent …", "it is up to Hamas to accept"
        if is_verb and lemma == "be" and subj is not None and subj.lower_ == "it" and not self._negated(tok):
            attr = next((c for c in tok.children if c.dep_ == "attr" and c.lemma_.lower() in self.duty_nouns), None)
            upto = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "up"
                         and any(x.lower_ == "to" for x in c.children)), None)
            inf = next((c for c in tok.children if c.dep_ in ("xcomp", "ccomp")
                        and to_infinitive(c)), None)
            on = None
            if attr is not None:
                on = next((x for p in attr.children if p.dep_ == "prep" and p.lower_ == "of"
                           for x in p.children if x.dep_ == "pobj"), None)
            elif upto is not None:
                on = next((x for p in upto.children if p.lower_ == "to" for x in p.children if x.dep_ == "pobj"), None)
            if on is not None and inf is not None:
                holder = self._reporter(chunk, tok) or speaker
                target = self._resolve(chunk, on, speaker, loose=False)
                if holder is not None and target is not None:
                    span = self._span(chunk, tok, include_subject=True)
                    out.append(self._make("demand", chunk, tok, span, (attr or upto).text, holder, target,
                                          f"an obligation put on a party ('{(attr or upto).text}')", 0.6, "duty", qi))
        # --- "we can't do that": refusing the thing just proposed
        if is_verb and lemma == "do" and future and self._negated(tok) and not counterfactual and any(
                c.dep_ == "dobj" and c.lower_ in ("that", "this", "it", "so") for c in tok.children) \
                and subj is not None and pronoun_key(subj) in PRONOUNS_FIRST and qi is not None:
            span = self._span(chunk, tok, include_subject=True)
            out.append(self._make("red_line", chunk, tok, span, f"not {tok.text}", speaker, None,
                                  "first-person 'cannot do that' in a quote", 0.6, "negated", qi))
        # --- "needs an indication from the prime minister that …", "is looking for guarantees that
        #     Russian forces will not attack", "expects assurances from Washington": asking the
        #     other side for an assurance
        if is_verb and lemma in ("need", "look", "expect", "require") and not self._negated(tok) \
                and not self._hypothetical(tok):
            out.extend(self._assurance(chunk, tok, lemma, subj, agent, speaker, qi))
        # --- "North Korea says it needs a light-water reactor": a party's need for a thing,
        #     stated by the party itself (the subject of the verb of saying that reports it)
        if is_verb and lemma == "need" and subj is not None and qi is None and not self._negated(tok) \
                and tok.dep_ == "ccomp" and tok.head.lemma_.lower() in self.reporting \
                and not self._hypothetical(tok) and any(
                    c.dep_ == "dobj" and c.pos_ == "NOUN" and c.lemma_.lower() not in IDLE_NEEDS for c in tok.children):
            reporter = self.res.subject_of(chunk, tok.head)
            own = self._resolve(chunk, subj, speaker, loose=False)
            if reporter is not None and own == reporter:
                span = self._span(chunk, tok, include_subject=True)
                out.append(self._make("demand", chunk, tok, span, tok.text, reporter, None,
                                      "a party's own need, reported", 0.5, "need", qi))
        # --- "we need a ceasefire": a first-person need said in a quote is a demand
        if is_verb and lemma == "need" and subj is not None and subj.lower_ in ("we", "i") and qi is not None \
                and not self._negated(tok) and any(c.dep_ == "dobj" and c.pos_ == "NOUN" for c in tok.children):
            span = self._span(chunk, tok, include_subject=True)
            out.append(self._make("demand", chunk, tok, span, tok.text, speaker, None,
                                  "first-person 'need' in a quote", 0.5, "need", qi))
        # --- "emphasized the need for phased implementation", "stressed the need to resume talks"
        if is_verb and lemma in self.need_verbs and not self._negated(tok):
            out.extend(self._need_frame(chunk, tok, subj, holder_tok, agent, speaker, qi))
        # --- "it is essential to set targets now", said by a party
        if is_verb and lemma == "be" and subj is not None and subj.lower_ == "it":
            out.extend(self._important_to(chunk, tok, subj, speaker, qi))
        # --- modal demands: must, should, need to, have to
        if is_verb:
            auxes = [c for c in tok.children if c.dep_ == "aux"]
            modal = next((a for a in auxes if a.lemma_.lower() in self.modals or a.lower_ in self.modals), None)
            hedged = any(a.lower_ in self.hedges for a in auxes)
            xcomp = next((c for c in tok.children if c.dep_ == "xcomp"), None)
            if xcomp is not None and xcomp.lemma_ == "do" and any(c.dep_ == "prep" and c.lower_ == "with"
                                                                  for c in xcomp.children):
                xcomp = None  # "has to do with Israel" relates, it obliges no one
            if modal is None and lemma == "have" and not self._negated(tok) and any(
                    c.dep_ == "dobj" and c.lemma_.lower() == "choice" and any(d.lower_ == "no" for d in c.children)
                    for c in tok.children) and any(c.dep_ in ("advcl", "xcomp", "pcomp") and to_infinitive(c)
                                                   for c in [*tok.children, *(
                                                       x for o in tok.children if o.dep_ == "dobj"
                                                       for b in o.children if b.lower_ in ("but", "except")
                                                       for x in b.children)]):
                # "Freedonia has no choice but to return to the talks": as good as "must" (the
                # parser may hang "but to return" on "choice")
                modal = tok
            # "has got to accept" is "has to accept"
            # (not the generic "you've got to love what you're doing": eval-diff, 12 of 22)
            got_to = lemma == "get" and tok.tag_ == "VBN" and any(
                c.dep_ == "aux" and c.lower_ in ("has", "have", "'s", "'ve") for c in tok.children) \
                and not (subj is not None and subj.lower_ == "you")
            if modal is None and (lemma in self.modal_verbs or got_to) and xcomp is not None and not hedged and \
                    to_infinitive(xcomp) and subj is not None \
                    and (tok.lower_ != "needs" or self._reporter(chunk, tok) is not None) and not self._negated(tok) \
                    and not any(c.dep_ == "advmod" and c.lower_ == "yet" for c in tok.children):
                modal = tok  # ("have yet to make compromises" says they have not, it obliges no one)
            # "it has to be disarmed" in a quote obliges what "it" is; "it must be said" does not
            # "the lenders told Athens it must pass the reforms": "it" is the one told
            told = subj is not None and subj.lower_ in ("it", "they") and tok.dep_ == "ccomp" \
                and tok.head.lemma_.lower() in ("tell", "warn", "inform", "remind", "advise") \
                and any(c.dep_ == "dobj" for c in tok.head.children)
            passive = xcomp if xcomp is not None and any(c.dep_ == "auxpass" for c in xcomp.children) else tok
            passive_it = subj is not None and subj.lower_ == "it" and qi is not None \
                and any(c.dep_ == "auxpass" for c in passive.children) \
                and passive.lemma_.lower() not in self.reporting | {"note", "remember", "admit", "recognize",
                                                                     "recognise", "understand", "consider", "stress"}
            # "must not" / "should not" forbid, which is a demand too; "need not" / "does not have
            # to" lift an obligation
            forbids = modal is not None and modal.i != tok.i and self._negated(tok) \
                and modal.lower_ in ("must", "should", "ought", "mustn't", "shouldn't") \
                and subj is not None and pronoun_key(subj) not in PRONOUNS_FIRST | {"you"} \
                and lemma not in ("be", "have") and not (tok.tag_ == "VBN" and any(
                    c.dep_ == "aux" and c.lower_ in ("have", "'ve") for c in tok.children))
            # (eval-diff: not "we must not forget", "she shouldn't be president", "they shouldn't
            # have trouble", "he should not have called Rubio a lightweight": a judgement)
            if modal is not None and not hedged and (not self._negated(tok) or forbids) and subj is not None \
                    and (subj.lower_ not in ("it", "there", "who", "which", "that") or passive_it or told):
                # (eval-diff: "workers who would have to be laid off", "Acosta, who must make the
                # final decision" describe someone, they oblige no one)
                # "we need to", "he has to" said by nobody else is a plan, not a demand on anyone
                subj_key = pronoun_key(subj)
                plan = modal.i == tok.i and qi is None and subj_key in PRONOUNS_FIRST | {"he", "she", "they"} \
                    and self._reporter(chunk, tok) is None
                # … and "we need to grow the party", "I have to tell you" in a quote too: the
                # speaker's own to-do ("we need a sustainable proposal", a thing, stays a demand)
                plan = plan or (modal.i == tok.i and subj_key in PRONOUNS_FIRST and xcomp is not None
                                and to_infinitive(xcomp))
                # … and "I must say", "we must admit", "I have to tell you": the speaker's own words
                plan = plan or (subj_key in PRONOUNS_FIRST and (lemma in OWN_WORDS or (
                    xcomp is not None and xcomp.lemma_.lower() in OWN_WORDS)))
                # "the economy must grow" states an opinion; an obligation is a demand only when
                # it falls on a party (or is passive: "sanctions must be lifted")
                # … but talks and those taking part are the negotiation itself: "talks must resume",
                # "negotiations must be serious", "all those involved must engage"
                # (… and proposals, with "must" or "should": "these measures must not pass"; not "a
                # request would have to be reviewed", a procedure)
                about_talks = subj.lemma_.lower() in self.talk_or_deal_nouns or (
                    subj.lemma_.lower() in self.proposal_nouns and modal.lower_ in ("must", "should", "ought")) \
                    or (subj.lemma_.lower() in HOSTILITIES and lemma in CEASE_VERBS) \
                    or subj.lower_ in PARTY_WORDS or (subj.lower_ == "those" and any(
                        c.lower_ in ("all", "both") for c in subj.children))
                # (an office is a party even unnamed: "the prime minister must resign")
                office = subj.tag_ == "NN" and subj.lower_ in self.ctx.lex.titles and any(
                    t.dep_ == "det" and t.lower_ == "the" for t in subj.lefts)
                # ("the mechanism has to be based on …" is as passive as "sanctions must be lifted")
                # (present and definite only: not "something had to be done", "every minute needs to
                # be used", "this will have to be reviewed by the court" — eval-diff)
                passive_step = modal.i == tok.i and passive.i != tok.i and tok.tag_ in ("VBZ", "VBP") \
                    and not any(c.dep_ == "aux" for c in tok.children) and any(
                        c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in ("the", "this", "these", "that", "those", "any"))
                        for c in subj.children)
                impersonal = subj.dep_ == "nsubj" and subj_key not in PRONOUNS_ALL | {"you"} and not passive_step \
                    and not about_talks and not office and self._resolve(chunk, subj, speaker, loose=False) is None
                if not plan and not impersonal:
                    holder = self._reporter(chunk, tok)
                    if holder is None and qi is not None:
                        holder = speaker
                    if holder is None and qi is None:
                        holder = self.res.doc_speaker  # a signed statement speaks in its author's voice
                    if holder is None and subj_key in PRONOUNS_FIRST:
                        holder = self._resolve(chunk, subj, speaker)
                    target = None if subj_key in PRONOUNS_FIRST else self._resolve(chunk, subj, speaker)
                    if holder is not None or qi is not None or subj_key in PRONOUNS_FIRST:
                        span = self._span(chunk, tok, include_subject=True)
                        if subj.i < tok.i and not any(c.i == subj.i for c in tok.children):
                            a = self.ctx.tok_start(chunk, min(subj.subtree, key=lambda t: t.i))
                            span = (min(a, span[0]), span[1])
                        out.append(self._make("demand", chunk, tok, span, f"{modal.text}", holder, target,
                                              f"obligation '{modal.text}' reported by the holder", 0.6,
                                              "modal", qi))
                        # "Israel should stop waiting and end its assault": each verb sharing the
                        # modal is its own demand (as with "called for X and urged Y")
                        for cj in tok.children:
                            if cj.dep_ == "conj" and cj.pos_ == "VERB" and cj.tag_ == "VB" and not any(
                                    x.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "neg") for x in cj.children):
                                out.append(self._make("demand", chunk, cj, self._span(chunk, cj, include_subject=False),
                                                      f"{modal.text}", holder, target,
                                                      f"coordinated with '{modal.text} {tok.text}'", 0.6, "modal", qi))
        # --- deadlines: "gave Britain two weeks to make concessions", "gave the government until
        #     Friday to meet their demands"; "Israel has until Saturday to release …" said by a party
        if is_verb and lemma in ("give", "have") and not self._negated(tok) and subj is not None:
            out.extend(self._deadline(chunk, tok, lemma, subj, speaker, qi))
        # --- demand nouns as the object of a verb: "repeated its call for"
        # ("has given Doha a list of 13 demands", "presented a set of conditions": the list is the object)
        listed = tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.dep_ == "dobj" \
            and tok.head.head.lemma_.lower() in LIST_NOUNS and tok.tag_ == "NNS"
        obj = tok.head.head if listed else tok
        if tok.pos_ == "NOUN" and lemma in self.nouns and obj.dep_ == "dobj" and not self._refusing(obj.head) \
                and obj.head.lemma_.lower() in self.stating | set(self.agentive) and not self._hypothetical(obj.head) \
                and not self._blocked(obj.head) and not self._negated(obj.head):
            # "repeated its call for", "made a demand": the verb's subject states it; "meet
            # the workers' demand" or "consider their request" leaves it with its owner (noun frames)
            verb = obj.head
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
        # --- a position named by a noun: "the ministry's refusal to pay", "Taleban demands
        #     to free prisoners", "a request by the Philippines to refer the case"
        if tok.pos_ == "NOUN" and lemma in self.noun_frames and not self._hypothetical(tok.head):
            out.extend(self._noun_frame(chunk, tok, lemma, speaker, qi))
        # --- "we are not willing to ease the debt", "unwilling to compromise"
        if tok.pos_ == "ADJ" and tok.dep_ == "acomp" and any(c.dep_ == "xcomp" for c in tok.children) and (
                lemma in self.unwilling or (lemma in self.unwilling_neg and self._negated(tok.head))) \
                and not self._hypothetical(tok.head):
            s = clause_subject(tok.head)
            holders = self._holders(chunk, s, speaker) if s is not None else []
            # ("Tsvangirai said he is not prepared to negotiate": else the one who reports it)
            holder = (holders[0] if holders else None) or (speaker if qi is not None else None) \
                or (self._reporter(chunk, tok.head) if s is not None and pronoun_key(s) in PRONOUNS_ALL else None)
            if holder:
                span = self._span(chunk, tok.head, include_subject=True)
                out.append(self._make("red_line", chunk, tok, span, tok.text, holder, None,
                                      f"'{tok.text}' to act", 0.7, "unwilling", qi, holders))
        # --- "Iran is ready to return to talks if the United States lifts sanctions": an offer
        #     on a condition sets that condition, a demand on the other side
        if tok.pos_ == "ADJ" and tok.dep_ == "acomp" and lemma in self.unwilling_neg \
                and any(c.dep_ == "xcomp" for c in tok.children) and not self._negated(tok.head):
            out.extend(self._conditional_offer(chunk, tok, speaker, qi))
        return out

    def _conditional_offer(self, chunk, adj, speaker, qi) -> list[RawClaim]:
        be = adj.head
        xcomp = next(c for c in adj.children if c.dep_ == "xcomp")
        cond = next((c for h in (be, adj, xcomp) for c in h.children if c.dep_ == "advcl" and c.i > adj.i
                     and any(m.dep_ == "mark" and m.lower_ in ("if", "once", "provided", "providing")
                             for m in c.children)), None)
        # the condition falls on someone ("if the United States lifts sanctions"), not "if asked",
        # "if necessary" (eval-diff)
        if cond is None or self._hypothetical(be) or not any(x.dep_ in ("nsubj", "nsubjpass") for x in cond.children):
            return []
        s = clause_subject(be)
        holders = self._holders(chunk, s, speaker, loose=False) if s is not None else []
        holder = (holders[0] if holders else None) or self._reporter(chunk, be)
        if holder is None:
            return []
        mark = next(m for m in cond.children if m.dep_ == "mark")
        return [self._condition_claim(chunk, adj, cond, holder, holders, speaker, qi, mark.text,
                                      f"'{adj.text} to …' on condition '{mark.text}'")]

    def _condition_claim(self, chunk, anchor, cond, holder, holders, speaker, qi, cue, reason) -> RawClaim:
        """A condition set on the other side, as a demand: the span is the condition clause from
        its mark ("if the United States lifts sanctions first"), the target its subject."""
        mark = next(m for m in cond.children if m.dep_ == "mark")
        a, b = self.ctx.tok_start(chunk, mark), self.ctx.tok_end(chunk, cond.right_edge)
        while b > a and self.ctx.text[b - 1] in " ,.;:!?":
            b -= 1
        target_tok = next((x for x in cond.children if x.dep_ in ("nsubj", "nsubjpass")), None)
        target = self._resolve(chunk, target_tok, speaker, loose=False) if target_tok is not None else None
        return self._make("demand", chunk, anchor, (a, b), cue, holder, target, reason, 0.6, "condition", qi, holders)

    def _no_reason(self, chunk, noun, speaker, qi) -> list[RawClaim]:
        act = next((c for c in noun.children if c.dep_ in ("relcl", "acl") and to_infinitive(c)), None)
        head = noun.head
        if act is None or self._negated(act) or (act.lemma_.lower() not in self.moves
                                                  and act.lemma_.lower() not in self.no_reason_verbs):
            return []
        if not ((noun.dep_ == "attr" and head.lemma_ == "be" and any(c.dep_ == "expl" for c in head.children))
                or (noun.dep_ == "dobj" and head.lemma_ in ("see", "have"))):
            return []
        reported = self._reporter(chunk, head)
        if self._hypothetical(head) or (head.tag_ in ("VBD", "VBN") and reported is None):
            return []  # "there was no reason to stay" narrates
        subj = next((c for c in head.children if c.dep_ == "nsubj"), None)
        holders = self._holders(chunk, subj, speaker, loose=False) if subj is not None and subj.dep_ != "expl" else []
        holder = (holders[0] if holders else None) or reported or speaker
        if holder is None:
            return []
        first = subj if subj is not None else next((c for c in head.children if c.dep_ == "expl"), head)
        a = self.ctx.tok_start(chunk, first)
        b = self._span(chunk, act, include_subject=False)[1]
        return [self._make("red_line", chunk, noun, (a, b), f"no {noun.text} to {act.text}", holder, None,
                           f"'no {noun.text} to {act.lemma_}'", 0.6, "absence", qi, holders)]

    def _absence(self, noun, be) -> bool:
        """"there will be no talks", "there won't be any concessions", "there is not going to
        be any deal": a future existential that denies the noun. "there was no discussion" reports."""
        det = next((c.lower_ for c in noun.children if c.dep_ == "det"), None)
        going = be.head if be.dep_ == "xcomp" and be.head.lemma_ == "go" and be.head.tag_ == "VBG" else None
        expl = any(t.dep_ == "expl" and t.i < be.i for t in (going or be).subtree)
        future = any(c.dep_ == "aux" and c.lower_ in self.future_aux for c in be.children) or going is not None
        negated = any(c.dep_ == "neg" for c in be.children) or (
            going is not None and any(c.dep_ == "neg" for c in going.children))
        # "there is no dialogue on the Papuan independence": a present "no" talks about a
        # named subject refuses them too ("there is no dialogue" alone describes)
        topic = be.tag_ in ("VBZ", "VBP") and det == "no" and any(
            c.dep_ == "prep" and c.lower_ in ("on", "about", "over") for c in noun.children)
        return expl and (future or topic) and (det == "no" or (det == "any" and negated))

    def _noun_frame(self, chunk, tok, lemma, speaker, qi) -> list[RawClaim]:
        owner = next((c for c in tok.children if c.dep_ == "poss"), None)
        if owner is None:
            owner = next((c for c in tok.children if c.dep_ == "compound" and c.pos_ == "PROPN"), None)
        if owner is None:
            for p in tok.children:
                # "a request by Manila"; "the demands of the lenders" (of names the owner of a
                # demand only when it names a party; "rejection of the offer" is its content)
                if p.dep_ == "prep" and (p.lower_ in ("by", "from") or (
                        p.lower_ == "of" and self.noun_frames[lemma] == "demand")):
                    o = next((x for x in p.children if x.dep_ == "pobj"), None)
                    if o is not None and (p.lower_ != "of" or self._resolve(chunk, o, speaker, loose=False)):
                        owner = o
                        break
        by_modifier = None
        if owner is None:
            # "rebel demands for the release of prisoners", "Russian demands for a neutral
            # Ukraine": an adjective or noun before the noun that names a party of the article,
            # else a group noun, which founds that group ("rebel demands" → the rebels)
            for c in tok.lefts:
                if c.dep_ in ("amod", "compound") and c.pos_ in ("ADJ", "NOUN") and (
                        by_modifier := self.res.actors.party_modifier(chunk, c)
                        or self.res.actors.holding_group(chunk, c)):
                    owner = c
                    break
            prev = chunk.doc[tok.i - 1] if tok.i > 0 else None
            if owner is None and prev is not None and prev.dep_ in ("conj", "nmod") and prev in tok.subtree \
                    and (by_modifier := self.res.actors.holding_group(chunk, prev)):
                owner = prev  # "a cease-fire and rebel demands for …": the parser coordinated the modifier
        elif owner.dep_ == "poss" and owner.ent_type_ == "NORP" and owner.tag_ in ("NNPS", "NNS"):
            self.res.actors.holding_group(chunk, owner)  # "the Democrats' refusal to …"
        if owner is None:
            return []
        comp = [c for c in tok.children if (c.dep_ == "acl" and (to_infinitive(c) or self._mandative(c) or (
                    lemma in ("demand", "request", "condition", "precondition", "ultimatum")
                    and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children))))
                # ("the government's demand that the rebels first lay down their arms"; not "his
                # insistence that he was there as a journalist", a claim of fact)
                or (c.dep_ == "prep" and c.lower_ in ("for", "on", "of", "to", "that")) or c.dep_ == "ccomp"]
        if not comp and tok.dep_ == "nsubj" and tok.head.lemma_.lower() in ("be", "remain") \
                and not self._negated(tok.head):
            # "the rebels' main demand is the resignation of the president": the content
            # is the copula's complement
            comp = [c for c in tok.head.children if (c.dep_ in ("attr", "ccomp") or (
                c.dep_ == "prep" and c.lower_ == "for")) and c.i > tok.i][:1]  # "… first demand is for an end to …"
        if not comp and owner.dep_ == "pobj":
            # "a request by the Philippines to refer ...": the infinitive hangs on the agent
            comp = [c for c in owner.children if c.dep_ == "acl" and to_infinitive(c)]
        if not comp and tok.i + 2 < len(chunk.doc):
            # "takes into account Parliament's demand to improve …": the parser may hang the
            # infinitive right after the noun on the verb above it
            to, verb = chunk.doc[tok.i + 1], chunk.doc[tok.i + 1].head
            if to.lower_ == "to" and to.dep_ == "aux" and verb.tag_ == "VB" and verb.i == tok.i + 2 \
                    and verb.dep_ in ("advcl", "xcomp") and verb.head in tok.ancestors:
                comp = [verb]
        if not comp or (lemma == "call" and not any(c.lower_ in ("for", "on") or c.dep_ == "acl" for c in comp)):
            return []
        holders = [by_modifier] if by_modifier else self._holders(chunk, owner, speaker, loose=False)
        if not holders:
            return []
        skip = {t.i for c in tok.children if c.dep_ in ("relcl", "appos") for t in c.subtree}
        toks = [t for t in tok.subtree if t.i not in skip and t.dep_ != "det" or t.i == tok.i]
        toks += [t for c in comp if c.head.i != tok.i for t in c.subtree]
        toks.sort(key=lambda t: t.i)
        first, last = toks[0], toks[-1]
        if owner.dep_ in ("conj", "nmod") and owner.i == tok.i - 1:
            first = owner  # "a cease-fire and rebel demands …" starts at "rebel"
        mandative = next((c for c in comp if c.dep_ == "acl" and c.head.i == tok.i and self._mandative(c)), None)
        cut_from = mandative.left_edge.i if mandative is not None else tok.i + 1
        for t in chunk.doc[cut_from: last.i + 1]:
            if t.text in CUT_PUNCT:
                last = chunk.doc[t.i - 1]
                break
        while first.i < last.i and (first.is_punct or (
                first.dep_ == "compound" and first.pos_ == "NOUN" and first.head.pos_ == "PROPN")):
            # "… into account Parliament's demand": a common noun the parser made part of the name
            first = chunk.doc[first.i + 1]
        span = self.ctx.span_of(chunk, [first, last])
        kind = self.noun_frames[lemma]
        return [self._make(kind, chunk, tok, span, tok.text, holders[0], None,
                           f"'{tok.text}' held by its owner", 0.6, "noun_frame", qi, holders)]

    @staticmethod
    def _mandative(clause) -> bool:
        """A "that" clause saying what must happen ("a demand that the company restore
        pensions", "that talks should resume"): a bare subjunctive or should/must, not a
        statement of fact ("his insistence that he was a journalist") or a forecast."""
        if not any(m.dep_ == "mark" and m.lower_ == "that" for m in clause.children):
            return False
        aux = [a.lower_ for a in clause.children if a.dep_ in ("aux", "auxpass")]
        if aux:
            return aux[0] in ("should", "must", "be")
        return clause.tag_ == "VB" or (clause.tag_ == "VBP" and clause.lemma_ != "be")

    @staticmethod
    def _subjunctive(clause) -> bool:
        """"insisted the government be formed …", "insisting that Beijing let its currency rise":
        a clause with its own subject and a bare verb, "that" or not."""
        if not any(c.dep_ in ("nsubj", "nsubjpass") for c in clause.children):
            return False
        aux = [a.lower_ for a in clause.children if a.dep_ in ("aux", "auxpass")]
        if aux:
            return aux[0] == "be"
        return clause.tag_ == "VB"

    def _deadline(self, chunk, tok, lemma, subj, speaker, qi) -> list[RawClaim]:
        """Time given to the other side to act is a demand on it."""
        inf = next((c for c in tok.children if c.dep_ in ("advcl", "xcomp") and to_infinitive(c)), None)
        if inf is None:
            return []
        until = any(c.dep_ == "prep" and c.lower_ == "until" for c in tok.children)
        span_of_time = next((c for c in tok.children if c.dep_ in ("dobj", "npadvmod")
                             and (c.ent_type_ in ("DATE", "TIME") or c.lemma_.lower() in TIME_NOUNS)), None)
        if not until and span_of_time is None:
            return []
        if lemma == "give":
            party = next((c for c in tok.children if c.dep_ in ("dative", "dobj") and c is not span_of_time), None)
            holder = self._resolve(chunk, subj, speaker, loose=False)
            target = self._resolve(chunk, party, speaker, loose=False) if party is not None else None
            include_subject = False
        else:
            holder = self._reporter(chunk, tok) or speaker
            target = self._resolve(chunk, subj, speaker, loose=False)
            include_subject = True
        if not holder or not target or holder == target:
            return []  # ("we have until Friday to file": one's own deadline is no demand)
        span = self._span(chunk, tok, include_subject=include_subject)
        end = self.ctx.tok_end(chunk, max(inf.subtree, key=lambda t: t.i))  # the act asked for, which _span cuts
        return [self._make("demand", chunk, tok, (span[0], max(span[1], end)),
                           f"{tok.text} … to {inf.text}", holder, target, "time given to act", 0.6, "agentive", qi)]

    def _threat(self, chunk, tok, subj, speaker, qi) -> list[RawClaim]:
        """A threat conditional on the other side is a demand on it: "will stop work
        unless the agreement is signed", "threatened to resume strikes if the deadline
        passes", "would start killing the captives if their demands were not met"."""
        cond = None
        for c in tok.children:
            if c.dep_ != "advcl":
                continue
            mark = next((m.lower_ for m in c.children if m.dep_ == "mark"), None)
            # "if nothing is done", "if they do nothing": a condition that the other side fails to act
            nothing = any(x.dep_ in ("nsubj", "nsubjpass", "dobj") and x.lower_ in ("nothing", "nobody", "none")
                          for x in c.children)
            if mark == "unless" or (mark == "if" and (self._negated(c) or nothing or c.lemma_.lower() == "fail"
                                                      or tok.lemma_.lower() == "threaten"
                                                      or self._sanction(tok)
                                                      or tok.head.lemma_.lower() == "threaten")) \
                    or (mark in ("until", "once") and (self._negated(tok) or tok.lemma_.lower() in self.until_verbs or any(
                        x.dep_ == "xcomp" and x.lemma_.lower() in self.until_verbs for x in tok.children))):
                cond = c
                break
        if cond is None or subj is None or subj.lower_ in ("there", "this", "that", "which", "who") \
                or tok.lemma_.lower() == "be":  # "we'll be crime ridden if …" predicts, it does not threaten
            return []
        csubj = next((x for x in cond.children if x.dep_ in ("nsubj", "nsubjpass")), None)
        if self._sanction(tok) and not self._negated(cond) and (
                csubj is None or pronoun_key(csubj) in PRONOUNS_ALL
                or self._resolve(chunk, csubj, speaker, loose=False) == self._resolve(chunk, subj, speaker, loose=False)):
            return []  # "would quit the coalition if it lost the vote": a plan, the condition on itself
        cmark = next((m.lower_ for m in cond.children if m.dep_ == "mark"), "")
        threat = cmark in ("until", "once") or tok.lemma_.lower() in self.threat_verbs \
            or tok.head.lemma_.lower() == "threaten" or any(
            c.dep_ == "aux" and c.lower_ in ("will", "would", "'ll", "wo", "'d", "shall") for c in tok.children)
        if not threat:
            return []
        holders = self._holders(chunk, subj, speaker, loose=False) if self.res.can_act(subj) else []
        if not holders and cmark in ("until", "once") and self._negated(tok) and subj.pos_ == "NOUN":
            # "He said U.S. beef imports should not resume until the United States shows …": a
            # thing held back until the other side acts is the demand of whoever says so
            k = self._reporter(chunk, tok) or (speaker if qi is not None else None)
            holders = [k] if k else []
        if not holders:
            return []
        target_tok = next((x for x in cond.children if x.dep_ in ("nsubj", "nsubjpass")), None)
        target = self._resolve(chunk, target_tok, speaker, loose=False) if target_tok is not None else None
        # the threat and its condition, in either order ("If X, we will Y" / "we will Y unless X")
        main = self._span(chunk, tok, include_subject=True)
        a = min(main[0], self.ctx.tok_start(chunk, subj.left_edge), self.ctx.tok_start(chunk, cond.left_edge))
        b = max(main[1], self.ctx.tok_end(chunk, cond.right_edge))
        while b > a and self.ctx.text[b - 1] in " ,.;:!?":
            b -= 1
        span = (a, b)
        mark = next(m.text for m in cond.children if m.dep_ == "mark")
        return [self._make("demand", chunk, tok, span, mark, holders[0], target,
                           f"threat conditional on '{mark}'", 0.6, "threat", qi, holders)]

    def _cleft(self, chunk, be, speaker, qi) -> list[RawClaim]:
        """What a side wants, or what the other side need only do, said as a pseudo-cleft.
        "all he wants is X" is the wanter's demand (X a thing, not his own act: "what we want
        is to win" plans); "all they need to do is Y" is a demand on them by whoever says it."""
        rel = None
        for c in be.children:
            if c.dep_ == "nsubj" and (c.lower_ == "all" or c.lemma_.lower() == "thing") and c.i < be.i:
                rel = next((r for r in c.children if r.dep_ == "relcl"), None)
            elif c.dep_ == "csubj" and c.i < be.i and any(w.lower_ == "what" and w.dep_ == "dobj" for w in c.children):
                rel = c
        comp = next((c for c in be.children if c.dep_ in ("attr", "xcomp", "ccomp") and c.i > be.i), None)
        if rel is None or comp is None or self._negated(rel):
            return []
        rlemma = rel.lemma_.lower()
        rsubj = next((x for x in rel.children if x.dep_ == "nsubj"), None)
        if rsubj is None:
            return []
        wants = rlemma in ("want", "ask", "demand", "seek", "expect", "require") and comp.dep_ == "attr"
        does = (rlemma == "do" and any(a.dep_ == "aux" and a.lower_ in ("could", "should", "must", "can")
                                       for a in rel.children)) or (
            rlemma in ("need", "have") and any(x.dep_ == "xcomp" and x.lemma_ == "do" for x in rel.children))
        # what one must do is an act ("is call off strikes"), not "… is a disgrace"; "what we can
        # do is …" plans and "all you have to do is look" is generic (eval-diff)
        if does and (comp.dep_ == "attr" or pronoun_key(rsubj) in PRONOUNS_FIRST | {"you"}):
            return []
        if not (wants or does):
            return []
        if wants:
            holders = self._holders(chunk, rsubj, speaker)
            if not holders:
                return []  # "what they want is …" with "they" unknown is not the speaker's want
            target = None
        else:
            holders = []
            target = self._resolve(chunk, rsubj, speaker, loose=False)
        holder = (holders[0] if holders else None) or self._reporter(chunk, be) or speaker \
            or (self.res.doc_speaker if qi is None else None)
        if holder is None or holder == target:
            return []
        subj_tok = next(c for c in be.children if c.dep_ in ("nsubj", "csubj") and c.i < be.i)
        a = self.ctx.tok_start(chunk, subj_tok.left_edge)
        last = max((t for t in comp.subtree if t.dep_ not in ("cc", "punct") or t.head.i != comp.i),
                   key=lambda t: t.i)
        b = self.ctx.tok_end(chunk, last)
        while b > a and self.ctx.text[b - 1] in " ,.;:!?":
            b -= 1
        return [self._make("demand", chunk, be, (a, b), rel.text, holder, target,
                           f"pseudo-cleft '{rel.text} … {be.text}'", 0.6, "cleft", qi, holders or None)]

    def _assurance(self, chunk, verb, lemma, subj, agent, speaker, qi) -> list[RawClaim]:
        """A party that needs, looks for or expects an assurance (cues.json assurance_nouns:
        guarantees, a commitment, an indication …) asks it of the other side: the holder is the
        subject, the target the party after "from"."""
        if lemma == "look":
            objs = [p for c in verb.children if c.dep_ == "prep" and c.lower_ == "for"
                    for p in c.children if p.dep_ == "pobj"]
        else:
            objs = [c for c in verb.children if c.dep_ == "dobj"]
        obj = next((o for o in objs if o.lemma_.lower() in self.assurances), None)
        if obj is None or subj is None or pronoun_key(subj) == "you":
            return []
        holders = self._holders(chunk, agent if agent is not None else subj, speaker, loose=False)
        if not holders and qi is not None and pronoun_key(subj) in PRONOUNS_FIRST:
            holders = [speaker] if speaker else []
        if not holders:
            return []
        src = next((p for c in [*verb.children, *obj.children] if c.dep_ == "prep" and c.lower_ == "from"
                    for p in c.children if p.dep_ == "pobj"), None)
        target = self._resolve(chunk, src, speaker, loose=False) if src is not None else None
        span = self._span(chunk, verb, include_subject=False)
        return [self._make("demand", chunk, verb, span, verb.text, holders[0], target,
                           f"'{verb.text}' an assurance from the other side", 0.6, "agentive", qi, holders)]

    def _only_thing(self, chunk, be, speaker, qi) -> list[RawClaim]:
        """"The only thing needed is for the Ukrainians to let vessels out", "the one thing
        required is a withdrawal": what a side says is all that is needed asks it of the
        other side (the reporter's or speaker's demand; the for-subject is its target)."""
        subj = next((c for c in be.children if c.dep_ == "nsubj" and c.i < be.i and c.lemma_.lower() == "thing"), None)
        if subj is None or self._negated(be) or self._hypothetical(be):
            return []
        only = any((c.dep_ == "amod" and c.lower_ in ("only", "sole", "single")) or
                   (c.dep_ == "nummod" and c.lower_ == "one") for c in subj.children)
        needed = any((c.dep_ in ("acl", "relcl") and c.lemma_.lower() in ("need", "require") and not self._negated(c))
                     or (c.dep_ in ("amod", "acl") and c.lower_ in ("needed", "required", "necessary"))
                     for c in subj.children)
        comp = next((c for c in be.children if c.i > be.i and (
            c.dep_ == "attr" or (c.dep_ in ("advcl", "ccomp", "xcomp") and to_infinitive(c)))), None)
        if not (only and needed) or comp is None:
            return []
        holder = self._reporter(chunk, be) or speaker or (self.res.doc_speaker if qi is None else None)
        if holder is None:
            return []
        forsubj = next((x for x in comp.children if x.dep_ == "nsubj"), None) if comp.pos_ == "VERB" else None
        target = self._resolve(chunk, forsubj, speaker, loose=False) if forsubj is not None else None
        if target == holder:
            return []
        a = self.ctx.tok_start(chunk, subj.left_edge)
        b = self.ctx.tok_end(chunk, max(comp.subtree, key=lambda t: t.i))
        while b > a and self.ctx.text[b - 1] in " ,.;:!?":
            b -= 1
        return [self._make("demand", chunk, be, (a, b), subj.text, holder, target,
                           "'the only thing needed is …'", 0.6, "cleft", qi, None)]

    def _need_frame(self, chunk, verb, subj, holder_tok, agent, speaker, qi) -> list[RawClaim]:
        """Stressing the need for a step asks for it: "the Commission emphasized the need for
        phased implementation", "Kerry stressed the necessity to resume talks"; held by the
        verb's subject (or by-agent), the speaker for a first person inside a quote."""
        need = next((c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in self.need_nouns), None)
        if need is None or not any((c.dep_ == "prep" and c.lower_ == "for") or (c.dep_ in ("acl", "relcl")
                                   and to_infinitive(c)) for c in need.children):
            return []
        if subj is None and agent is None:
            return []
        holders = self._holders(chunk, holder_tok, speaker, loose=agent is None)
        holder = holders[0] if holders else None
        if holder is None and qi is not None and not third_person(holder_tok):
            holder = speaker
        return [self._make("demand", chunk, verb, self._span(chunk, verb, include_subject=False), verb.text,
                           holder, None, f"'{verb.text} the {need.text} for …'", 0.6, "noun", qi, holders)]

    def _important_to(self, chunk, be, subj, speaker, qi) -> list[RawClaim]:
        """"It is essential to set targets now" / "it is vital that talks resume", said by a party
        (its reporter, the quote's speaker, a statement's author): a demand for the step. Not a
        thought ("it is important to remember …"), not negated, not narrated in the past."""
        adj = next((c for c in be.children if c.dep_ == "acomp" and c.lemma_.lower() in self.important_adjs), None)
        if adj is None or self._negated(be) or self._hypothetical(be):
            return []
        step = next((c for x in (be, adj) for c in x.children if c.dep_ in ("xcomp", "ccomp", "advcl")
                     and c.pos_ in ("VERB", "AUX") and c.i > adj.i
                     and (to_infinitive(c) or any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children))),
                    None)
        if step is None or step.lemma_.lower() in self.not_steps:
            return []
        if any(c.dep_ == "advmod" and c.lower_ in ("more", "most", "less", "least", "how", "so", "too", "as")
               for c in adj.children):
            return []  # "it is more important to narrow the field" weighs, "how important it was" tells
        doer = next((c for c in step.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if doer is not None and pronoun_key(doer) in PRONOUNS_FIRST:
            return []  # "it's vital that we protect this package" plans
        if not to_infinitive(step) and step.tag_ not in ("VB", "VBP") and not any(
                a.lower_ in ("should", "must") for a in step.children if a.dep_ == "aux"):
            return []  # "it is crucial that talks resumed" reports; a mandative clause asks
        reported = self._reporter(chunk, be)
        if be.tag_ == "VBD" and reported is None:
            return []
        holder = reported or speaker or (self.res.doc_speaker if qi is None else None)
        if holder is None:
            return []
        # from "it", or from "is" when the "it" belongs to a clause before ("It was late, and is
        # essential to …": the subject came from clause_subject, no child of this "is")
        a = self.ctx.tok_start(chunk, subj if subj.head.i == be.i else be)
        b = self._span(chunk, step, include_subject=True)[1]  # the step, cut where _span cuts it
        return [self._make("demand", chunk, be, (a, max(a + 1, b)), adj.text, holder,
                           None, f"'it is {adj.text} to …'", 0.6, "phrase", qi)]

    def _copular_position(self, chunk, be, speaker, qi) -> list[RawClaim]:
        """A position said with "be": "it is time for X to act" (a demand; "it is not yet
        time for signing" a red line) and "X is a precondition for talks" (a demand for X),
        held by whoever says it: its reporter, the quote's speaker, a statement's author;
        "there can be no peace without justice" is a red line the same way."""
        attr = next((c for c in be.children if c.dep_ == "attr"), None)
        subj = next((c for c in be.children if c.dep_ in ("nsubj", "expl")), None)
        if attr is None or subj is None or attr.i < be.i or self._hypothetical(be):
            return []
        if subj.dep_ == "expl" and not self._no_without(be, attr):
            return []
        reported = self._reporter(chunk, be)
        if be.tag_ == "VBD" and reported is None:
            return []  # a past "it was time to go" narrates
        holder = reported or speaker or (self.res.doc_speaker if qi is None else None)
        if holder is None:
            return []
        alemma = attr.lemma_.lower()
        negated = self._negated(be)
        if alemma == "time" and subj.lower_ == "it":
            act = next((c for c in attr.children if c.dep_ in ("relcl", "acl") and to_infinitive(c)), None)
            if act is None:
                act = next((p.children and next((x for x in p.children if x.dep_ == "pcomp" and x.tag_ == "VBG"), None)
                            for p in attr.children if p.dep_ == "prep" and p.lower_ == "for"), None)
            if act is None:
                # "it is time the government and doctors agreed a strategy": a past form with
                # its own subject asks for the act now
                act = next((c for c in [*attr.children, *be.children] if c.dep_ in ("relcl", "acl", "ccomp")
                            and c.i > attr.i and c.tag_ == "VBD" and any(x.dep_ == "nsubj" for x in c.children)), None)
            if act is None:
                return []
            agent = next((x for x in act.children if x.dep_ == "nsubj"), None)
            if agent is not None and pronoun_key(agent) in PRONOUNS_FIRST | {"you"}:
                return []  # "it is time for us to go" plans
            target = self._resolve(chunk, agent, speaker, loose=False) if agent is not None else None
            last = act.right_edge
            a, b = self.ctx.tok_start(chunk, subj), self.ctx.tok_end(chunk, last)
            kind = "red_line" if negated else "demand"
            return [self._make(kind, chunk, be, (a, b), "time for", holder, target,
                               "'it is " + ("not " if negated else "") + "time for …'", 0.6, "phrase", qi)]
        if subj.dep_ == "expl":  # "there can be no peace without justice"
            a = self.ctx.tok_start(chunk, subj)
            b = self.ctx.tok_end(chunk, attr.right_edge if attr.right_edge.i > be.i else be.right_edge)
            while b > a and self.ctx.text[b - 1] in " ,.;:!?":
                b -= 1
            return [self._make("red_line", chunk, be, (a, b), f"no {attr.text} without", holder, None,
                               f"'no {attr.text} without …'", 0.6, "absence", qi)]
        if alemma in ("precondition", "prerequisite", "condition", "requirement") and not negated \
                and any(p.dep_ == "prep" and p.lower_ == "for" for p in attr.children) \
                and pronoun_key(subj) not in PRONOUNS_ALL and subj.lower_ not in ("this", "that", "which"):
            a = self.ctx.tok_start(chunk, subj.left_edge)
            b = self.ctx.tok_end(chunk, attr.right_edge)
            return [self._make("demand", chunk, be, (a, b), attr.text, holder, None,
                               f"'… is a {attr.text} for …'", 0.6, "noun", qi)]
        return []

    def _priority(self, chunk, be, subj, speaker, qi) -> list[RawClaim]:
        """"The first order of business for immigration reform is to secure the border", "its
        priority is to restore the pay cuts": the step a side puts first is what it asks for,
        held by the noun's owner ("its"), else whoever says so."""
        if subj is None or subj.dep_ != "nsubj" or self._negated(be) or self._hypothetical(be) \
                or be.tag_ == "VBD":
            return []
        head = subj.lemma_.lower()
        first = any(c.dep_ == "amod" and c.lower_ in ("first", "top", "main", "immediate") for c in subj.children)
        if not (head == "priority" or (head == "order" and first and any(
                p.dep_ == "prep" and p.lower_ == "of" and any(o.lower_ == "business" for o in p.children)
                for p in subj.children)) or (head in ("step", "thing") and first)):
            return []
        step = next((c for c in be.children if c.dep_ in ("xcomp", "attr", "ccomp") and c.i > be.i
                     and c.pos_ in ("VERB", "AUX") and to_infinitive(c)), None)
        if step is None or step.lemma_.lower() in self.not_steps:
            return []
        owner = next((c for c in subj.children if c.dep_ == "poss"), None)
        holder = (self._resolve(chunk, owner, speaker, loose=False) if owner is not None else None) \
            or self._reporter(chunk, be) or speaker or (self.res.doc_speaker if qi is None else None)
        if holder is None:
            return []
        a = self.ctx.tok_start(chunk, subj.left_edge)
        b = self._span(chunk, step, include_subject=False)[1]
        return [self._make("demand", chunk, be, (a, b), subj.text, holder, None,
                           f"'the {subj.text} is to …'", 0.6, "phrase", qi)]

    def _against(self, chunk, be, subj, speaker, qi) -> list[RawClaim]:
        """"Freedonia is against the plan" refuses it; "the offer is inadequate /
        insufficient", said by a party, rejects it."""
        if subj is None or self._hypothetical(be) or self._negated(be):
            return []
        against = next((o for p in be.children if p.dep_ == "prep" and p.lower_ == "against"
                        for o in p.children if o.dep_ == "pobj" and o.lemma_.lower() in self.proposal_nouns), None)
        if against is not None:
            holders = self._holders(chunk, subj, speaker, loose=False)
            if holders:
                return [self._make("red_line", chunk, be, self._span(chunk, be, include_subject=False), "against",
                                   holders[0], None, "'is against' a proposal", 0.65, "agentive", qi, holders)]
            return []
        # "the offer was inadequate", "the teachers' demands are unrealistic": a side judging
        # the other side's proposal or demand as not to be met
        weak = next((c for c in be.children if c.dep_ == "acomp" and c.lower_ in REJECTED_AS), None)
        if weak is not None and subj.lemma_.lower() in self.proposal_nouns:
            holder = self._reporter(chunk, be) or speaker
            if holder:
                return [self._make("red_line", chunk, be, self._span(chunk, be, include_subject=True), weak.text,
                                   holder, None, f"a proposal called {weak.text}", 0.6, "phrase", qi)]
        return []

    def _no_without(self, be, attr) -> bool:
        """"there can be no peace without justice", "there will be no deal without a
        ceasefire": a settlement denied unless a condition is met."""
        # ("there cannot be a fruitful dialogue without …": a negated "be" with "a" or "any")
        if attr.lemma_.lower() not in SETTLEMENTS | self.none_nouns or not any(
                c.dep_ == "det" and (c.lower_ == "no" or (c.lower_ in ("a", "an", "any") and self._negated(be)))
                for c in attr.children):
            return False
        if not any(c.dep_ == "aux" and c.lower_ in self.future_aux for c in be.children):
            return False
        return any(p.dep_ == "prep" and p.lower_ == "without" for h in (attr, be) for p in h.children)

    @staticmethod
    def _sanction(tok) -> bool:
        """"would walk away from the talks", "will strike", "will pull out": what a side
        does to the other side, so "… if the government cuts pensions" is a threat."""
        lemma = tok.lemma_.lower()
        prt = {c.lower_ for c in tok.children if c.dep_ in ("prt", "advmod")}
        return lemma in SANCTION_VERBS or (lemma in ("walk", "pull", "back") and bool(prt & {"away", "out"}))

    def _phrase_cue(self, chunk, label: str, phrase) -> list[RawClaim]:
        doc = chunk.doc
        first = phrase[0]
        pos = self.ctx.tok_start(chunk, first)
        qi, speaker = self._speaker_for(pos)
        root = phrase.root
        mark = next((t for t in phrase if t.dep_ == "mark" and t.lower_ in ("if", "when")), None)
        if label == "CONDITION" and phrase.text.lower() in ("on condition", "on the condition") and \
                phrase.end < len(doc) and doc[phrase.end].lower_ == "of":
            return []  # "spoke on condition of anonymity" sets no condition
        if label == "CONDITION" and mark is not None:
            # "will accept the deal only if …": the "if" is the condition's own mark; what may be
            # hypothetical is the clause it hangs on, which must be a move in a negotiation
            # (eval-diff: "only if you believe them" is no condition set on anyone)
            main = mark.head.head
            if mark.head.dep_ == "conj" and main.lemma_.lower() in self.reporting:
                # "he said he was open to talks, but only if they agreed …": the parser may hang the
                # condition on the verb of saying; it conditions what was said
                main = next((c for c in main.children if c.dep_ == "ccomp" and c.i < mark.i), main)
            # … or a willingness to move: "he was still open to negotiating, but only if they
            # agreed to end their boycott", "ready to sign only if …"
            willing = main.lemma_.lower() in self.willing or (main.lemma_ == "be" and any(
                c.dep_ == "acomp" and c.lemma_.lower() in self.willing for c in main.children))
            if main.i == mark.head.i or (main.lemma_.lower() not in self.moves and not willing):
                return []
            root = main
        if self._hypothetical(root):
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
                    # a party named, not "a long-term peace" read as the latest party
                    holder = self._resolve(chunk, s, speaker, loose=False)
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
        if low in ("unaffordable", "unacceptable") and phrase.root.dep_ == "amod":
            return []  # eval-diff: "unaffordable health care", "unacceptable behaviour" describe, not refuse
        subj = clause_subject(verb) if verb.pos_ in ("VERB", "AUX") else None
        holder = None
        for t in phrase.root.subtree:
            # "impossible for us": the speaker; "unacceptable to Kiev" is the writer's report
            if t.dep_ == "pobj" and t.head.lower_ in ("for", "to") and pronoun_key(t) in PRONOUNS_FIRST:
                holder = self._resolve(chunk, t, speaker)
        # a statement's author speaks in all of it ("… is simply not acceptable" in a statement by X)
        holder = holder or self._reporter(chunk, verb) or speaker or (self.res.doc_speaker if qi is None else None)
        if holder is None and subj is not None and pronoun_key(subj) in PRONOUNS_FIRST:
            holder = self._resolve(chunk, subj, speaker)
        if low.startswith(("no intention", "said no", "says no", "say no")) and subj is not None:
            # "Russia has no intention of leaving", "the union said no to the offer": the subject's own
            holder = self._resolve(chunk, subj, speaker, loose=False) or holder
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
        drop: set[int] = set()
        for c in claims:
            if c.frame == "agentive":
                inner = [o for o in claims if o is not c and o.chunk is c.chunk and o.start >= c.start
                         and o.end <= c.end]
                if inner:  # the cue's subtree once, not every candidate's ancestor chain
                    below = {t.i for t in c.anchor.subtree} - {c.anchor.i}
                    # "refused Taleban demands to free prisoners" is two claims: the refusal
                    # and the demand refused; a noun frame never swallows its verb
                    inner = [o for o in inner if o.anchor.i in below and o.frame not in ("noun_frame", "noun")]
                if inner and c.kind == "demand" and (c.target is not None or any(
                        x.dep_ == "dobj" or (x.dep_ == "prep" and x.lower_ in ("on", "upon")
                                             and c.anchor.lemma_.lower() == "call")
                        for x in c.anchor.children)):  # ("calling on attendees to oppose …" too)
                    # "urged the administration to reject the deal": the refusal asked of another
                    # party is what the demand asks, not a red line of the one who asks
                    for o in inner:
                        if o.kind == "red_line":
                            drop.add(id(o))
                    inner = [o for o in inner if o.kind != "red_line"]
                if inner:
                    for o in inner:
                        if o.frame in ("modal", "condition") and c.holder:
                            o.holder = c.holder
                    continue
            keep.append(c)
        keep = [c for c in keep if id(c) not in drop]
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
