"""Who is "he", "they", "the families", "a spokesperson"?

A light, rule-based resolver (coreferee cannot run here). One pass over the
article in reading order records *speech events*: every verb of saying or of
taking a position, with the party in its subject. A pronoun, or a bare common
noun that names no actor ("a public broadcaster told..."), resolves to the
latest compatible event, which is how news text chains attribution
("Zelensky said ... In a later statement, he said ...").

"He"/"she" go to the nearest named person in subject position or speaking,
whichever is later (a centering heuristic: the latest subject is the likeliest
antecedent), never to a person named inside a quotation, so "Hostage Y pleaded
for help. 'We are scared,' she said." is Y's, not the article's main speaker's.
"""
from __future__ import annotations

import re
from bisect import bisect_left

from .actors import BYLINE_WORDS, ActorIndex, _of_objects
from .context import PRONOUNS_FIRST, PRONOUNS_PERSON, PRONOUNS_PLURAL, Context, by_agent, clause_subject, pronoun_key
from .lexicon import given_name_genders

# "he" / "she" and the gender of the person they stand for
PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f"}
# a title right before a mention: "Mr. Trump", "Mrs. Clinton"
_TITLE_BEFORE = re.compile(r"\b(Mr|Mrs|Ms|Miss|Sir|Dame|Lady|Lord|Congressman|Congresswoman)\.?\s+$")
_TITLE_GENDER = {"mr": "m", "sir": "m", "lord": "m", "congressman": "m",
                 "mrs": "f", "ms": "f", "miss": "f", "dame": "f", "lady": "f", "congresswoman": "f"}

# nouns that count people: "hundreds of teachers" acts as the teachers
QUANTITY_NOUNS = frozenset({"hundreds", "thousands", "dozens", "scores", "millions", "tens", "hundred",
                            "thousand", "dozen", "handful", "majority", "number", "crowd", "crowds",
                            "group", "groups", "lot", "lots", "couple"})
WINDOW = 1500  # characters back that a pronoun may reach
# "the company said", "the paper wrote": a definite organisation noun names the nearest
# organisation before it (one whose name holds the noun first: "the union" -> "... Union").
PERSONAL_STAFF = {"office", "campaign", "camp", "team", "spokesman", "spokeswoman", "spokesperson", "aide",
                  "aides", "lawyer", "lawyers", "attorney", "representative"}
ORG_NOMINALS = {"company", "firm", "union", "ministry", "department", "agency", "party", "paper",
                "newspaper", "network", "organization", "organisation", "council", "commission",
                "committee", "board", "bank", "embassy", "campaign", "coalition", "alliance",
                "federation", "association", "movement", "group", "institute", "foundation",
                "court", "parliament", "assembly", "senate", "house", "league", "station", "channel"}


# Texts and their speakers: a position such a noun states is its author's.
# heads that speak for a body named before them, beyond the group, title and organisation
# lexicons: "North Korean state media", "Chinese sources", "the Hamas leadership"
ACTING_NOUNS = {"media", "press", "television", "radio", "news", "agency", "outlet", "broadcaster", "envoy",
                "negotiator", "mediator", "delegate", "spokesperson", "source", "sources", "staff", "aide",
                "aides", "camp", "side", "government", "regime", "cabinet", "parliament", "legislature",
                "congress", "senate", "house", "court", "police", "military", "army", "navy", "force",
                "forces", "troops", "authority", "authorities", "leadership", "administration", "command"}
DOCUMENT_NOUNS = {"statement", "report", "readout", "source", "spokesperson", "spokesman", "official", "letter",
                  "announcement", "bill", "plan", "proposal", "draft", "resolution", "paper", "document",
                  "communique", "communiqué", "declaration", "memo", "memorandum", "petition", "motion",
                  "legislation", "text"}


# "both countries", "the two sides": the pair of states the text just named
PAIR_NOUNS = {"country", "nation", "state", "government", "side"}
# "his party", "her government": a person's own body, when the text says which it is
# "the leader of the teachers' union": a head who speaks for the body named after "of"
HEAD_NOUNS = {"leader", "head", "chief", "chairman", "chairwoman", "chairperson", "president",
              "secretary-general", "spokesman", "spokeswoman", "spokesperson"}
# people an indefinite article introduces as new ("a Western diplomat", "an analyst")
NEW_PERSON_NOUNS = {"diplomat", "official", "analyst", "observer", "expert", "witness", "resident",
                    "protester", "protestor", "activist", "voter", "worker", "teacher", "student", "doctor"}
OFFICIAL_NOUNS = {"official", "representative", "delegate", "diplomat", "negotiator", "envoy"}
OWN_BODIES = {"party", "government", "union", "movement", "organization", "organisation", "group", "administration"}
# verbs by which parties put out a text: "a statement was agreed / issued / adopted"
ISSUING_VERBS = {"agree", "adopt", "issue", "release", "sign", "publish", "approve", "endorse", "agreed"}


class Resolver:
    def __init__(self, ctx: Context, actors: ActorIndex, extra_verbs: frozenset[str] = frozenset(),
                 quoted: list[tuple[int, int]] | None = None):
        self.ctx = ctx
        self.actors = actors
        self.verbs = ctx.lex.reporting_verbs | extra_verbs
        self.events: list[tuple[int, str]] = []  # (position, cluster key), sorted
        self.speech: list[tuple[int, str]] = []  # the events whose verb reports speech
        self.subject_cache: dict[tuple[int, int], str | None] = {}
        self.doc_speaker: str | None = None
        self._person_mentions: list[tuple[int, str]] = []
        self._subjects: list[tuple[int, str]] = []
        self._person_subjects: list[tuple[int, str]] = []
        self._org_mentions: list[tuple[int, str]] = []  # (start, key) of every organisation mention
        self._asked: dict[int, tuple] = {}  # position of "asked"/"questioned" -> (chunk, verb)
        self._embedded: set[int] = set()  # events inside what another verb of saying reports
        # person subject position -> position of the verb of saying whose report holds it
        # ("Matsanga said Kony would not sign": Kony's clause is reported by "said")
        self._reported_by: dict[int, int] = {}
        self._quoted = sorted(quoted or [])  # (open, close) of every quotation
        self._quoted_opens = [a for a, _ in self._quoted]
        self._genders: dict[str, str | None] = {}
        self._pvotes: dict[str, dict[str, int]] | None = None

    def build(self) -> "Resolver":
        self._find_doc_speaker()
        self._person_mentions = sorted(
            (s, cl.key) for cl in self.actors.clusters.values() if cl.kind == "person" for s, _ in cl.mentions
        )
        self._org_mentions = sorted(
            (s, cl.key) for cl in self.actors.clusters.values() if cl.kind == "organization" for s, _ in cl.mentions)
        clusters = self.actors.clusters
        reporting = self.ctx.lex.reporting_verbs
        # two passes over the tokens (each pass over a long article's tokens costs as much as the
        # rest of the resolver): subjects, person subjects and reported subjects first, since
        # resolving an event's subject looks back at them; then the events
        events = []
        for chunk in self.ctx.chunks:
            for tok in chunk.doc:
                if tok.pos_ in ("VERB", "AUX") and tok.lemma_.lower() in self.verbs:
                    events.append((chunk, tok))
                dep = tok.dep_
                if dep in ("nsubj", "nsubjpass"):
                    k = self.actors.key_at(chunk, tok)
                    relative = k is None and tok.lower_ in ("which", "that", "who") and tok.head.dep_ == "relcl"
                    if relative:
                        # "the Mujahideen Brigades, that says it will kill …": the relative pronoun
                        # is its antecedent in subject position, for the "it" that follows
                        ante = tok.head.head
                        k = self.actors.key_at(chunk, ante) or next(
                            (self.actors.key_at(chunk, a) for a in ante.children
                             if a.dep_ == "appos" and a.pos_ == "PROPN"), None)
                    cl = clusters.get(k) if k else None
                    if cl is not None and self._headline_group(self.ctx.tok_start(chunk, tok), cl):
                        cl = None
                    if cl is not None and cl.kind in (("state", "organization") if relative
                                                      else ("state", "organization", "group")):
                        self._subjects.append((self.ctx.tok_start(chunk, tok), k))
                    if tok.pos_ == "PROPN" or tok.ent_type_ == "PERSON":  # "Ban Ki-moon": "moon" is a NOUN
                        p = self.ctx.tok_start(chunk, tok)
                        if cl is not None and cl.kind == "person" and not self.in_quote(p):
                            self._person_subjects.append((p, k))
                        # "Matsanga said Kony would not sign": Kony's clause is reported by "said"
                        rep = next((a for a in tok.head.ancestors if a.pos_ in ("VERB", "AUX")
                                    and a.lemma_.lower() in reporting), None)
                        if rep is not None:
                            self._reported_by[p] = self.ctx.tok_start(chunk, rep)
        self._subjects.sort()
        self._person_subjects.sort()
        for chunk, tok in events:
            key = self.subject_of(chunk, tok)
            if key and self._headline_group(self.ctx.tok_start(chunk, tok), clusters[key]):
                continue
            if key:
                self.events.append((self.ctx.tok_start(chunk, tok), key))
                if any(a.lemma_.lower() in self.verbs and a.pos_ in ("VERB", "AUX") for a in tok.ancestors):
                    # "civil servants say the government has not responded": the inner
                    # subject is reported, not the one a later "they" goes back to
                    self._embedded.add(self.events[-1][0])
                if tok.lemma_.lower() in reporting:
                    self.speech.append(self.events[-1])
                    if tok.lemma_.lower() in ("ask", "question", "interview"):
                        self._asked[self.events[-1][0]] = (chunk, tok)
        self.events.sort()
        self.speech.sort()
        return self

    def _headline_group(self, pos: int, cl) -> bool:
        """A group acting in the headline ("Teachers demand …") is no antecedent for the body's
        "they" or "the email said"."""
        return cl.is_group and pos < self.actors.headline_end

    def _find_doc_speaker(self) -> None:
        """A statement's author speaks in the first person outside quotes:
        "Statement by Michel Barnier ..." -> Barnier; "Transport Secretary, Grant Shapps
        said:" closing a paragraph -> Shapps; "Statement by the High Representative on
        behalf of the EU" with no person named in the opening paragraphs -> the EU."""
        body = None
        letter = self._letter_writer()
        if letter:
            self.doc_speaker = letter
            return
        # the byline may follow a headline and a standfirst: look at the first few paragraphs
        for first in self.ctx.chunks[:4]:
            # press releases print the statement after "X said:" without quotation marks
            said = self._colon_speaker(first)
            if said:
                self.doc_speaker = self._speaks_for(said)  # an unnamed spokesperson: their body
                return
            low = first.doc.text.lower()
            at = min((low.find(w) for w in BYLINE_WORDS if w in low), default=-1)
            if at < 0:
                continue
            for tok in first.doc:
                k = self.actors.key_at(first, tok)
                cl = self.actors.clusters.get(k) if k else None
                if cl is None:
                    continue
                if cl.kind == "person":
                    self.doc_speaker = k
                    return
                if body is None and tok.idx >= at and cl.kind in ("organization", "state") \
                        and low.startswith(("statement", "declaration"), at) \
                        and not (tok.i >= 1 and first.doc[tok.i - 1].lower_ in ("for", "of")):
                    # ("Secretary of State for Northern Ireland" is a title, not the issuer; eval-diff:
                    # "Letter From America" is a column's name, so only a statement's issuer)
                    body = k
        self.doc_speaker = body or self._titled_issuer() or self._statement_issuer()

    def _titled_issuer(self) -> str | None:
        """A title line "UK Statement on the Situation in Burkina Faso", "EU Statement at the
        OSCE", "Joint US–UK Statement on …": the state or body that opens it issues the text."""
        if not self.ctx.chunks:
            return None
        first = self.ctx.chunks[0]
        doc = first.doc
        words = [t for t in doc if not t.is_space]
        at = next((i for i, t in enumerate(words[:6]) if t.lower_ in ("statement", "declaration", "communique",
                                                                      "communiqué")), None)
        if at is None or at == 0 or at + 1 >= len(words) or words[at + 1].lower_ not in ("on", "at", "to", "regarding",
                                                                                          "concerning", "about"):
            return None
        if any(t.pos_ in ("VERB", "AUX") for t in words[:at]) or doc.text.rstrip().endswith("."):
            return None  # "The European Union issued a statement on Monday." reports one
        keys = [k for t in words[:at] if (k := self.actors.key_at(first, t)) in self.actors.clusters
                and self.actors.clusters[k].kind in ("state", "organization")]
        return keys[0] if len(set(keys)) == 1 else None

    def _statement_issuer(self) -> str | None:
        """A statement with no quotation marks that says "we" in its own voice ("The United
        States welcomes the release … We also welcome …", "We urge both sides to …") is its
        issuer's. The issuer is the party of a "X said:" line that introduces an unquoted
        statement ("A Department for Education spokesperson said:"), else the first state or
        organisation that is the subject of a sentence before the first "we" (not "a process
        for Honduras to re-establish order") and that no "we" sentence names: a party the
        statement speaks of ("we urge the NUT not to strike") is not the one speaking.
        News with quotations keeps "we" to quotes; a column's "we" has no issuer; the voice
        must hold for two sentences or more."""
        if self._quoted:
            return None
        candidates: list[str] = []
        said: str | None = None
        voiced: set[int] = set()
        named: set[str] = set()  # the parties "we" sentences speak of
        for chunk in self.ctx.chunks:
            k = self._colon_speaker(chunk, persons_only=False)
            if k and said is None:
                said = self._speaks_for(k)
            for tok in chunk.doc:
                if tok.dep_ in ("nsubj", "nsubjpass") and tok.head.dep_ == "ROOT" and not voiced:
                    k = self.actors.key_at(chunk, tok)
                    cl = self.actors.clusters.get(k) if k else None
                    if cl is not None and cl.kind in ("state", "organization") and k not in candidates:
                        candidates.append(k)
                if tok.pos_ == "PRON" and tok.lower_ in ("we", "our", "us"):
                    if tok.sent.start + chunk.offset not in voiced:
                        voiced.add(tok.sent.start + chunk.offset)
                        named.update(k for t in tok.sent if (k := self.actors.key_at(chunk, t)))
        # the voice holds for more than one sentence: one stray "we" in a report ("The EU issued
        # a statement. We will not accept …") is no statement of its own
        if len(voiced) < 2:
            return None
        if said is not None:
            return said
        return next((k for k in candidates if k not in named), None)

    def _letter_writer(self) -> str | None:
        """A letter ("Dear parents and carers," in its first paragraphs) speaks in its writer's
        voice: the party that "has written" it, named before the salutation ("Education
        Secretary has written an open letter to parents"), else the name signing it after
        "Yours sincerely" / "Yours faithfully"."""
        chunks = self.ctx.chunks
        dear = next((i for i, c in enumerate(chunks[:5]) if c.doc.text.lstrip().startswith("Dear ")), None)
        if dear is None:
            return None
        for chunk in chunks[:dear]:
            for tok in chunk.doc:
                if tok.lemma_.lower() == "write" and tok.pos_ in ("VERB", "AUX"):
                    subj = clause_subject(tok)
                    k = self.actors.key_at(chunk, subj) if subj is not None else None
                    if k and k in self.actors.clusters:
                        return k
        base = max(dear + 1, len(chunks) - 4)
        for i in range(base, len(chunks)):
            if chunks[i].doc.text.strip().lower().startswith(("yours sincerely", "yours faithfully", "yours,",
                                                              "kind regards", "best regards", "sincerely")):
                for after in chunks[i:]:
                    for tok in after.doc:
                        k = self.actors.key_at(after, tok)
                        if k and k in self.actors.clusters:  # a person or a body signs
                            return k
        return None

    def _colon_speaker(self, chunk, persons_only: bool = True) -> str | None:
        """The person subject of a verb of saying that ends its paragraph with a colon (or any
        party, unless ``persons_only``)."""
        doc = chunk.doc
        toks = [t for t in doc if not t.is_space]
        if len(toks) < 3 or toks[-1].text != ":" or len(toks) > 40:
            return None
        verb = toks[-2]
        if verb.pos_ not in ("VERB", "AUX") or verb.lemma_.lower() not in self.ctx.lex.reporting_verbs:
            return None
        subj = clause_subject(verb)
        if subj is None:
            return None
        if not persons_only:
            # "A Department for Education spokesperson said:": the body they speak for
            k = self.resolve_np(chunk, subj, self.ctx.tok_start(chunk, subj), loose=False)
            if k:
                return k
        for t in [subj] + [c for c in subj.children if c.dep_ == "appos"]:  # "Transport Secretary, Jane Holt"
            k = self.actors.key_at(chunk, t)
            cl = self.actors.clusters.get(k) if k else None
            if cl is not None and (cl.kind == "person" or not persons_only):
                return k
        return None

    # ----------------------------------------------------------------------
    def subject_of(self, chunk, verb) -> str | None:
        ck = (chunk.offset, verb.i)
        if ck not in self.subject_cache:
            subj = clause_subject(verb)
            self.subject_cache[ck] = self.resolve_np(chunk, subj, self.ctx.tok_start(chunk, verb)) if subj is not None else None
        return self.subject_cache[ck]

    def resolve_np(self, chunk, tok, pos: int, speaker: str | None = None, loose: bool = True,
                   near: bool = False) -> str | None:
        """The actor a noun phrase headed by ``tok`` refers to, or None.

        ``loose`` lets an unnamed common noun continue the latest speaker ("a public
        broadcaster told ..."), which fits subjects of saying, not owners of a
        position ("the nurses' demand" is not the last speaker's). ``near`` lets a
        "they" outside quotation marks go to a plural group of its own sentence first
        (``_plural_in_sentence``): claim holders use it; quote speakers do not, since a
        "they" there is mostly the subject of a verb of saying that continues the
        latest speaker (eval-diff, 2026-11-27: 5 of 5 speaker changes were wrong)."""
        if tok is None:
            return None
        low = pronoun_key(tok)
        if low in PRONOUNS_FIRST:
            return speaker or self.doc_speaker
        if low in PRONOUNS_PERSON:
            exclude = None
            if tok.dep_ in ("dobj", "dative", "iobj") and tok.head.pos_ in ("VERB", "AUX"):
                # "Reed asked her": an object pronoun is not its own clause's subject
                s = clause_subject(tok.head)
                exclude = self.actors.key_at(chunk, s) if s is not None else None
            return self.latest(pos, person=True, exclude=exclude, gender=PRONOUN_GENDER.get(low))
        if low in PRONOUNS_PLURAL:
            if speaker is None:
                # ("MEPs agreed that … They were adamant that …": with no event before, the latest
                # party in subject position, as for "it")
                # (claim holders only: quote speakers keep "they said" with the latest speech event)
                return (self._plural_in_sentence(chunk, tok) if near else None) or self.latest(pos, person=False) \
                    or (self._latest_subject(pos) if near else None)
            # "they" inside a quotation is never its speaker ("Basically they wanted the
            # sanctions lifted," Trump said): the latest other party, else the person the
            # speaker last talked about
            found = self.latest(pos, person=False, exclude=speaker)
            if found is None:
                m = self._last_before(self._person_mentions, pos, speaker)
                found = m[1] if m else None
            return found
        if low in ("it", "its"):
            # "the United Kingdom did not ... It also continues to ...": the latest
            # state or organisation in subject position.
            return self._latest_subject(pos)
        if low in ("which", "that", "who"):
            # "the union, which rejected the offer", "the government's bill that would require …":
            # a relative pronoun stands for the noun its clause hangs on
            if tok.head.dep_ == "relcl" and tok.head.head.pos_ in ("NOUN", "PROPN"):
                return self.resolve_np(chunk, tok.head.head, pos, speaker, loose=False)
            return None
        # "Congo's spokesman Lambert Mende", "the rebel group M23": the name in apposition
        # comes before the noun's own (group) reading
        named = next((k for ch in tok.children if ch.dep_ == "appos" and ch.pos_ == "PROPN"
                      and (k := self.actors.key_at(chunk, ch)) in self.actors.clusters), None)
        if named and tok.pos_ == "NOUN":
            return named
        if tok.lemma_.lower() in OWN_BODIES and tok.tag_ == "NN":
            # "Chhay said his party needs …": the body of the person the pronoun stands for
            poss = next((c for c in tok.children if c.dep_ == "poss" and c.pos_ == "PRON"), None)
            k = self.resolve_np(chunk, poss, pos, speaker, loose=False) if poss is not None else None
            cl = self.actors.clusters.get(k) if k else None
            if cl is not None and cl.kind == "person" and cl.affiliation in self.actors.clusters:
                return cl.affiliation
        named_parties = self.parties_named_by(chunk, tok, pos)
        if named_parties:
            return named_parties[0]
        key = self.actors.key_at(chunk, tok)
        if key and key in self.actors.clusters:
            return self._speaks_for(key)
        # "One of the hostage families" -> the families
        if tok.lower_ in ("one", "some", "many", "several", "all", "most", "each") :
            for ch in tok.children:
                if ch.dep_ == "prep" and ch.lower_ == "of":
                    for p in ch.children:
                        if p.dep_ == "pobj":
                            return self.resolve_np(chunk, p, pos, speaker, loose)
        if tok.lower_ in QUANTITY_NOUNS:
            # "Hundreds of teachers staged a strike", "a crowd of protesters": the people counted
            for p in (p for p in _of_objects(tok) if p.tag_ in ("NNS", "NNPS")):
                found = self.resolve_np(chunk, p, pos, speaker, loose)
                if found:
                    return found
        if named:
            return named
        role = self.actors.role_description(chunk, tok) or self._head_of(chunk, tok, pos, speaker)
        if role:
            self.actors.add_mention(role, chunk, [t for t in tok.subtree if t.i <= tok.i and t.dep_ != "det"] or [tok])
            return role
        if tok.pos_ == "NOUN" and tok.lemma_.lower() in ORG_NOMINALS and tok.tag_ == "NN" \
                and any(t.dep_ == "det" and t.lower_ == "the" for t in tok.lefts) \
                and not any(t.dep_ in ("amod", "compound") for t in tok.lefts):
            k = self._nearest_org(pos, tok.lemma_.lower())
            if k:
                return k
        if tok.lemma_.lower() == "member" and tok.tag_ == "NNS":
            # "the nurses' union says its members will walk out": the members act as their body
            poss = next((c for c in tok.children if c.dep_ == "poss"), None)
            k = self.resolve_np(chunk, poss, pos, speaker, loose=False) if poss is not None else None
            if k:
                return k
        if tok.pos_ in ("NOUN", "PROPN"):
            grp = self.actors.add_group(chunk, tok)
            if grp:
                return self._speaks_for(grp)
        # "Guaido's office said", "Clinton's campaign said": a person's own staff speaks for them
        if tok.lemma_.lower() in PERSONAL_STAFF:
            for p in tok.children:
                if p.dep_ == "poss":
                    k = self.actors.key_at(chunk, p)
                    if k and k in self.actors.clusters and self.actors.clusters[k].kind == "person":
                        return k
        # Names inside the phrase: "A White House spokesperson", "Iran's foreign ministry spokesman".
        for t in sorted((t for t in tok.subtree if t.i < tok.i), key=lambda t: t.i):
            k = self.actors.key_at(chunk, t)
            # "a Putin ally" is not Putin; "a White House spokesperson" speaks for the White House
            if k and k in self.actors.clusters and self.actors.clusters[k].kind != "person":
                return k
        if tok.lemma_.lower() in DOCUMENT_NOUNS:
            # "a statement from the Kremlin", "a readout of the meeting by the White House",
            # "the government's draft bill"
            for p in tok.children:
                k = self.resolve_np(chunk, p, pos, speaker, loose=False) if p.dep_ == "poss" else None
                if k:
                    return k
            for prep in tok.children:
                if prep.dep_ == "prep" and prep.lower_ in ("from", "by", "of"):
                    for p in prep.children:
                        k = self.actors.key_at(chunk, p)
                        if p.dep_ == "pobj" and k and k in self.actors.clusters:
                            return k
            if any(t.dep_ == "det" and t.lower_ == "the" for t in tok.lefts):
                k = self._document_owner(tok.lemma_.lower(), pos)
                if k:
                    return k
            if tok.dep_ == "nsubjpass" and tok.head.lemma_.lower() in ISSUING_VERBS and by_agent(tok.head) is None:
                # "A Joint Statement was agreed upon, calling for …": issued by the parties the
                # text was just about (the latest party to act)
                k = self.latest(pos, person=None)
                if k:
                    return k
        for ch in tok.children:
            if ch.dep_ == "appos":
                k = self.resolve_np(chunk, ch, pos, speaker, loose)
                if k:
                    return k
        if loose and tok.pos_ == "NOUN" and tok.lemma_.lower() in NEW_PERSON_NOUNS and tok.tag_ == "NN" \
                and any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in tok.children):
            # "A Western diplomat said …": an indefinite person is someone new, not the latest speaker
            return self.actors.add_group(chunk, tok, one=True)
        if loose and tok.pos_ == "NOUN" and tok.lemma_.lower() not in ("statement", "report", "readout", "source"):
            # An unnamed speaker ("a public broadcaster told ...") continues the latest one.
            return self.latest(pos, person=None)
        return None

    def _plural_party(self, chunk, t) -> str | None:
        """The group a plural noun before a "they" names ("the farmers", "six rebel
        groups"), else None. Singular collectives ("the government") are left to the
        latest event: a "they" after one is mostly someone else."""
        if t.pos_ not in ("NOUN", "PROPN") or t.dep_ in ("compound", "amod", "nmod", "poss", "conj") \
                or self.in_quote(self.ctx.tok_start(chunk, t)):
            return None
        key = self.actors.key_at(chunk, t)
        cl = self.actors.clusters.get(key) if key else None
        if any(c.dep_ == "conj" for c in t.children):
            # "chastising Kasich and the Bush family over their refusal": two parties are a
            # "they"; the first stands for both, as a claim's first holder does
            return key if cl is not None else None
        if t.tag_ not in ("NNS", "NNPS"):
            return None
        if cl is not None:
            return key if cl.is_group or cl.kind == "organization" else None
        return self.actors.add_group(chunk, t)

    def _plural_in_sentence(self, chunk, tok) -> str | None:
        """A "they" whose antecedent is in its own sentence: "the talks were to include six
        rebel groups, but they refused to meet", "While demands were dropped by the rebel
        groups attending the talks, they are demanding autonomy". The subject of a clause
        above the pronoun comes first ("the unions told officials they would strike" is the
        unions'), then the nearest plural group before it. The latest speech event (the
        fallback) knows nothing of parties named only as objects or agents."""
        ancestors = list(tok.ancestors)
        for verb in ancestors:
            for s in verb.children:
                if s.dep_ in ("nsubj", "nsubjpass") and s.i < tok.i:
                    if s.pos_ == "PRON" and pronoun_key(s) in PRONOUNS_PLURAL:
                        # "They are protesting for the government to grant their demand"
                        return self._plural_in_sentence(chunk, s)
                    k = self._plural_party(chunk, s)
                    if k:
                        return k
        head = tok.head if tok.dep_ in ("nsubj", "nsubjpass") else None
        # "…, they say": what the pronoun's own verb reports is not where its antecedent is
        reported = {t.i for c in head.children if c.dep_ == "ccomp" for t in c.subtree} if head is not None else set()
        # "unions they have declined to join": not the noun the pronoun's relative clause is on
        hosts = {a.head.i for a in ancestors if a.dep_ == "relcl"}
        for t in reversed(tok.doc[tok.sent.start: tok.i]):
            if t.i in reported or t.i in hosts:
                continue
            k = self._plural_party(chunk, t)
            if k:
                return k
        return None

    def _head_of(self, chunk, tok, pos: int, speaker: str | None) -> str | None:
        """"the leader of the union" is the union's one named officer, else the union itself;
        "the head of Ethiopia's …" stays unresolved unless "…" is itself a party of the text."""
        if tok.lemma_.lower() not in HEAD_NOUNS or tok.tag_ != "NN" \
                or not any(t.dep_ == "det" and t.lower_ == "the" for t in tok.lefts):
            return None
        of = next((o for p in tok.children if p.dep_ == "prep" and p.lower_ == "of"
                   for o in p.children if o.dep_ == "pobj"), None)
        if of is None or (self.actors.key_at(chunk, of) is None
                          and (of.pos_ != "NOUN" or any(c.dep_ == "poss" and c.pos_ == "PROPN" for c in of.children))):
            return None
        k = self.resolve_np(chunk, of, pos, speaker, loose=False)
        cl = self.actors.clusters.get(k) if k else None
        if cl is None or cl.kind == "person":
            return None
        people = [c for c in self.actors.clusters.values() if c.kind == "person" and c.affiliation == k]
        return people[0].key if len(people) == 1 else k

    def _latest_subject(self, pos: int) -> str | None:
        """The latest state, organisation or group in subject position before ``pos``, near."""
        i = bisect_left(self._subjects, (pos, ""))
        if i and pos - self._subjects[i - 1][0] <= WINDOW // 3:
            return self._subjects[i - 1][1]
        return None

    def parties_named_by(self, chunk, tok, pos: int) -> list[str]:
        """The parties a plural phrase stands for, all of them: "both countries" (pair_of),
        "officials from A, B and C" (officials_of); [] for any other phrase. resolve_np takes
        the first as the phrase's party; a claim keeps them all as its holders."""
        return self.pair_of(tok, pos) or self.officials_of(chunk, tok)

    def officials_of(self, chunk, tok) -> list[str]:
        """"Officials from the Mekong countries of Cambodia, Thailand and Vietnam", "diplomats of
        Ruritania and Borduria": envoys of named states or bodies speak for those parties (all
        of them, in text order); [] when the phrase names none."""
        if tok.lemma_.lower() not in OFFICIAL_NOUNS or tok.tag_ != "NNS" \
                or any(c.dep_ == "poss" for c in tok.children):
            return []
        todo = [o for p in tok.children if p.dep_ == "prep" and p.lower_ in ("from", "of")
                for o in p.children if o.dep_ == "pobj"]
        out: list[str] = []
        seen = 0
        while todo and seen < 12:
            o = todo.pop(0)
            seen += 1
            k = self.actors.key_at(chunk, o)
            cl = self.actors.clusters.get(k) if k else None
            if cl is not None and cl.kind in ("state", "organization"):
                if k not in out:
                    out.append(k)
            elif o.pos_ == "NOUN":  # "the Mekong countries of A, B and C"
                todo.extend(x for p in o.children if p.dep_ == "prep" and p.lower_ == "of"
                            for x in p.children if x.dep_ == "pobj")
                todo.extend(x for x in o.children if x.dep_ == "appos")
            todo.extend(x for x in o.children if x.dep_ == "conj")
        return out

    def pair_of(self, tok, pos: int) -> list[str]:
        """"Both countries have called for the swap", "the two sides": a plural country, nation,
        state, government or side with "both" or "two" and no other modifier is the two states
        the text named last (in text order); else []."""
        if tok.lemma_.lower() not in PAIR_NOUNS or tok.tag_ != "NNS" or not any(
                (c.dep_ == "det" and c.lower_ == "both") or (c.dep_ == "nummod" and c.lower_ == "two")
                for c in tok.children) or any(c.dep_ in ("amod", "compound", "poss") for c in tok.children):
            return []
        return self._last_two_states(pos)

    def _last_two_states(self, pos: int) -> list[str]:
        """The two states named last before ``pos`` (within the window), in text order."""
        last: dict[str, int] = {}
        for cl in self.actors.clusters.values():
            if cl.kind != "state":
                continue
            before = [s for s, _ in cl.mentions if s < pos and pos - s <= WINDOW]
            if before:
                last[cl.key] = max(before)
        two = sorted(last, key=lambda k: -last[k])[:2]
        return sorted(two, key=lambda k: last[k]) if len(two) == 2 else []

    def _document_owner(self, lemma: str, pos: int) -> str | None:
        """"The committee adopted a resolution … The resolution calls on …": "the resolution"
        is the one a party adopted, issued or sent before, so it states that party's position.
        The latest earlier mention of the same noun as the object of a verb whose subject (or
        by-agent) is a party; within a few paragraphs."""
        for chunk in reversed(self.ctx.chunks):
            if chunk.offset >= pos:
                continue
            if pos - chunk.offset > 3000:
                break
            for t in reversed(chunk.doc):
                if chunk.offset + t.idx >= pos or t.lemma_.lower() != lemma or t.dep_ not in ("dobj", "nsubjpass"):
                    continue
                verb = t.head
                who = next((c for c in verb.children if c.dep_ == "nsubj"), None) if t.dep_ == "dobj" \
                    else by_agent(verb)
                if who is not None:
                    k = self.resolve_np(chunk, who, chunk.offset + who.idx, loose=False)
                    if k:
                        return k
        return None

    def can_act(self, tok) -> bool:
        """A head noun that names people or a body ("spokesman", "officials", "ministry",
        "statement", "state media"), not a thing ("imports", "prices", "talks"). Used where a
        thing is a subject of its own: "U.S. beef imports should not resume until …" is held by
        whoever says it, not by the United States. (Not for speakers: the subject of a verb of
        saying always speaks, "a Carrier executive said" for Carrier; PolNeAR train nominal
        sources lost 8 when this check ran there too.)"""
        low, lemma = tok.lower_, tok.lemma_.lower()
        return tok.pos_ != "NOUN" or low in self.ctx.lex.group_nouns or lemma in self.ctx.lex.group_nouns \
            or lemma in self.ctx.lex.titles or lemma in ORG_NOMINALS or lemma in DOCUMENT_NOUNS \
            or lemma in PERSONAL_STAFF or lemma in ACTING_NOUNS or low.endswith(("man", "woman", "person", "people"))

    def according_to(self, chunk, toks, loose: bool) -> str | None:
        """The party X of an "according to X" among ``toks`` (quote speakers, and who
        reports a claim)."""
        doc = chunk.doc
        for t in toks:
            if t.lower_ == "according" and t.i + 1 < len(doc) and doc[t.i + 1].lower_ == "to":
                for p in doc[t.i + 1].children:
                    if p.dep_ == "pobj":
                        nxt = p.right_edge.i + 1
                        while nxt < len(doc) and doc[nxt].text == ",":
                            nxt += 1
                        if nxt + 1 < len(doc) and doc[nxt].lower_ == "reporting" \
                                and doc[nxt + 1].lower_ in ("for", "from"):
                            continue  # "according to Chris Stein, reporting for VOA": a reporter, no source
                        k = self.resolve_np(chunk, p, self.ctx.tok_start(chunk, p), loose=loose)
                        if k:
                            return k
        return None

    def _speaks_for(self, key: str) -> str:
        """An unnamed spokesperson stands for the body named with them ("a spokesman for
        the rebels" -> the rebels' organisation), which the gold guidelines accept as
        holder and speaker; a named one stays themself."""
        cl = self.actors.clusters.get(key)
        if cl is not None and cl.is_group and cl.kind == "person" and cl.affiliation \
                and cl.affiliation in self.actors.clusters:
            return cl.affiliation
        return key

    def _nearest_org(self, pos: int, noun: str) -> str | None:
        """The organisation named last before ``pos`` (within the window), preferring one
        whose name contains ``noun``."""
        latest = None
        for p, key in reversed(self._org_mentions[:bisect_left(self._org_mentions, (pos, ""))]):
            if pos - p > WINDOW:
                break
            latest = latest or key
            if noun in self.actors.clusters[key].name.lower():
                return key
        return latest

    def in_quote(self, pos: int) -> bool:
        i = bisect_left(self._quoted_opens, pos + 1) - 1
        for j in range(i, max(-1, i - 3), -1):  # a quote nested in another opens after it
            if self._quoted[j][0] < pos <= self._quoted[j][1]:
                return True
        return False

    def latest_event(self, pos: int, after: int) -> str | None:
        """The speaker of the latest verb of saying in (after, pos), outside quotations."""
        i = bisect_left(self.speech, (pos, ""))
        for p, key in reversed(self.speech[:i]):
            if p <= after:
                break
            if key in self.actors.clusters and not self.in_quote(p):
                if p in self._asked:
                    # "the reporter asked him what …" then the answer: the one asked speaks
                    chunk, verb = self._asked[p]
                    obj = next((c for c in verb.children if c.dep_ in ("dobj", "dative")), None)
                    k = self.resolve_np(chunk, obj, self.ctx.tok_start(chunk, obj), loose=False) if obj is not None else None
                    if k and k != key:
                        return k
                return key
        return None

    def gender(self, key: str) -> str | None:
        """"m" or "f" when the article says which, else None. Evidence, weighed: a title
        before a mention ("Mr. Reed", 4 each), a full name whose given name almost always
        names one ("Hillary Clinton", 4 each), and the article's own pronouns, weaker (1 per
        sentence, see _pronoun_votes). One side must have twice the other's weight (a cluster
        that holds Mr. and Mrs. Clinton says None)."""
        if key in self._genders:
            return self._genders[key]
        cl = self.actors.clusters.get(key)
        votes = {"m": 0, "f": 0}
        if cl is not None and cl.kind == "person":
            text = self.ctx.text
            for s, _ in cl.mentions:
                m = _TITLE_BEFORE.search(text, max(0, s - 16), s)
                if m:
                    votes[_TITLE_GENDER[m.group(1).lower()]] += 4
            names = given_name_genders()
            for name, n in cl.names.items():
                words = name.split()
                if len(words) > 1 and (g := names.get(words[0].lower().rstrip("."))):
                    votes[g] += 4 * n
            for g, n in self._pronoun_votes().get(key, {}).items():
                votes[g] += n
        m, f = votes["m"], votes["f"]
        self._genders[key] = "m" if m >= 2 and m >= 2 * f else "f" if f >= 2 and f >= 2 * m else None
        return self._genders[key]

    def _pronoun_votes(self) -> dict[str, dict[str, int]]:
        """Per person, the sentences that name them and no other person and then use "he"/
        "his" or "she"/"her" as a subject or possessive outside quotations, or that open
        with such a subject right after a sentence naming only them: {key: {"m": n, "f": n}}."""
        if self._pvotes is not None:
            return self._pvotes
        out: dict[str, dict[str, int]] = {}
        clusters = self.actors.clusters
        def vote(key: str, g: str) -> None:
            d = out.setdefault(key, {})
            d[g] = d.get(g, 0) + 1

        for chunk in self.ctx.chunks:
            before: set[str] = set()  # the people the sentence before (same paragraph) names
            for sent in chunk.doc.sents:
                people: set[str] = set()
                seen: str | None = None
                for tok in sent:
                    # a subject or possessive pronoun ("Reed said he", "Reed and her aides"); an
                    # object ("Reed criticised her") is as often someone else
                    g = PRONOUN_GENDER.get(tok.lower_) if tok.dep_ in ("nsubj", "nsubjpass", "poss") else None
                    if g is None:
                        k = self.actors.key_at(chunk, tok)
                        if k and (cl := clusters.get(k)) is not None and cl.kind == "person":
                            people.add(k)
                        continue
                    if self.in_quote(self.ctx.tok_start(chunk, tok)):
                        continue
                    if not people and seen is None and len(before) == 1 and tok.dep_ != "poss":
                        # "Walz approaches it diplomatically. She said …": the sentence before
                        # named one person, this one opens with "she"
                        vote(next(iter(before)), g)
                        seen = "opening"
                    elif len(people) == 1 and seen in (None, g):
                        seen = g
                    elif len(people) == 1:
                        seen = "both"
                if len(people) == 1 and seen in ("m", "f"):
                    vote(next(iter(people)), seen)
                before = people
        self._pvotes = out
        return out

    def _agrees(self, key: str, gender: str | None) -> bool:
        return gender is None or self.gender(key) in (None, gender)

    def latest(self, pos: int, person: bool | None, exclude: str | None = None,
               gender: str | None = None) -> str | None:
        """The party of the latest event before ``pos``; for a person pronoun, the latest
        person subject or speaker whose gender (when known) agrees with it."""
        i = bisect_left(self.events, (pos, ""))
        found: tuple[int, str] | None = None
        for p, key in reversed(self.events[:i]):
            if pos - p > WINDOW:
                break
            cl = self.actors.clusters.get(key)
            if cl is None or key == exclude or p in self._embedded:
                continue
            if person and not self._agrees(key, gender):
                continue
            if person is None or (cl.kind == "person") == person:
                found = (p, key)
                break
        if person:
            subj = self._last_before(self._person_subjects, pos, exclude, gender)
            if subj is not None and (found is None or subj[0] > found[0]) \
                    and not (found is not None and self._reported_by.get(subj[0]) == found[0]):
                # the latest subject wins (centering), unless it is inside what the
                # latest speaker reported: "X said Y would not sign. '…,' he said" is X
                return subj[1]
        if found is not None:
            return found[1]
        if person:
            mention = self._last_before(self._person_mentions, pos, exclude, gender)
            if mention is not None:
                return mention[1]
        return None

    def _last_before(self, entries: list[tuple[int, str]], pos: int, exclude: str | None,
                     gender: str | None = None) -> tuple[int, str] | None:
        """The last (position, key) of sorted ``entries`` before ``pos``, not ``exclude``
        and agreeing with ``gender``, within the window."""
        j = bisect_left(entries, (pos, ""))
        while j and (entries[j - 1][1] == exclude or not self._agrees(entries[j - 1][1], gender)):
            if pos - entries[j - 1][0] > WINDOW:
                return None
            j -= 1
        return entries[j - 1] if j and pos - entries[j - 1][0] <= WINDOW else None

    def note_event(self, pos: int, key: str) -> None:
        i = bisect_left(self.events, (pos, key))
        self.events.insert(i, (pos, key))
