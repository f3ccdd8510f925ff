"""Actors: one per real party, built from spaCy entities and party noun phrases.

Why this is more than ``doc.ents``: news text names the same party many ways
(Putin / Mr. Putin / Vladimir F. Putin / the Russian leader), machine
translation misspells them (Zelinski / Zellinski), and the tagger mislabels
(a surname tagged ORG, a capital tagged PERSON). So mentions are normalised
(titles and determiners stripped), mapped through a gazetteer of states,
capitals and seats of government, merged by surname and by spelling
similarity, and filtered so places named only as locations and one-off
mis-tags do not pose as parties.
"""
from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from .context import PRONOUNS_ALL, Context, title_case
from .lexicon import Lexicon, given_name_genders

ENT_LABELS = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"}
ORG_SUFFIX = {"administration", "government", "cabinet", "campaign", "delegation"}
ARG_DEPS = {"nsubj", "nsubjpass", "dobj", "iobj", "agent", "poss", "attr", "appos", "dative", "pobj", "conj", "ROOT"}
RELATIONAL_GROUP_HEADS = {"family", "families", "member", "members", "representative", "representatives",
                          "negotiator", "negotiators", "delegation", "delegations"}
# a state's own bodies: "proposed to the UK government", "talks with the Venezuelan government" are
# mentions of that government as much as "the UK government intends …" is
STATE_BODIES = {"government", "administration", "military", "army", "junta", "regime", "cabinet", "leadership"}
COLLECTIVE_NOUNS = {"union", "delegation", "government", "administration", "military", "opposition",
                    "ministry", "army", "group", "party", "side", "family", "alliance", "coalition", "committee",
                    "team", "leadership", "employer", "management"}
# Texts the tagger may read as organisations ("a Joint Statement", "the Berlin Declaration")
DOCUMENT_HEADS = {"statement", "declaration", "communique", "communiqué", "memorandum", "readout", "resolution"}
# Heads that name the same group in news prose: "government troops … government forces".
HEAD_SYNONYMS = {"force": "troop", "soldier": "troop", "nation": "country"}
TYPE_NOUNS = {"group", "organization", "organisation", "movement", "party", "alliance", "coalition",
              "militia", "faction", "union", "federation", "association", "network"}
ROLE_NOUNS = {"spokesperson", "spokesman", "spokeswoman"}  # one unnamed person speaking for a body
_WS = re.compile(r"\s+")
_EDGE = " \t\n.,;:!?\"'“”‘’()[]•-–—"


SURNAME_PARTICLES = {"de", "la", "le", "del", "della", "van", "von", "der", "den", "da", "di", "du", "dos", "das",
                     "al", "el", "bin", "ben", "ter", "ten"}
_OR_ACRONYM = re.compile(r"(?:,\s+or\s+|\s*\()(?:the\s+)?([A-Z][A-Za-z]{1,7}\b)")
ACRONYM = re.compile(r"(?:[A-Z]\.?){2,6}")
_INITIAL_SKIP = {"of", "the", "and", "for", "on", "in", "de", "la", "&"}


def initials(name: str) -> str:
    """The initials an acronym of ``name`` would spell: "Lord's Resistance Army" -> "LRA",
    "Democratic Republic of the Congo" -> "DRC"; "" for one-word names."""
    words = [w for w in re.split(r"[\s\-]+", re.sub(r"['’]s\b", "", name)) if w]
    words = [w for w in words if w.lower() not in _INITIAL_SKIP]
    if len(words) < 2 or not all(w[0].isupper() for w in words):
        return ""
    return "".join(w[0] for w in words)


def _of_objects(head):
    """The objects of ``head``'s "of" phrases ("members of the union" -> union)."""
    for prep in head.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            obj = next((p for p in prep.children if p.dep_ == "pobj"), None)
            if obj is not None:
                yield obj


def strip_titles(words: list[str], titles: frozenset[str]) -> list[str]:
    """Drop leading determiners and titles ("the", "Mr.", "Vice President")."""
    words = list(words)
    changed = True
    while changed and len(words) > 1:
        changed = False
        low = [w.lower() for w in words]
        if low[0] in ("the", "a", "an", "former", "u.s.", "us"):
            words, changed = words[1:], True
            continue
        for n in (3, 2, 1):
            if len(words) > n and " ".join(low[:n]) in titles and low[n] not in ("and", "&", "of", "for"):
                # ("Justice and Equality Movement", "Minister of …" are names, not a title + name)
                words, changed = words[n:], True
                break
    return words


def normalise(surface: str, titles: frozenset[str]) -> str:
    s = surface.replace("’", "'").strip(_EDGE)
    s = re.sub(r"'s$", "", s)
    words = strip_titles(_WS.split(s), titles)
    return " ".join(words).strip(_EDGE)


SPOKES_NOUNS = {"spokesman", "spokeswoman", "spokesperson", "aide", "adviser", "advisor", "envoy"}


@dataclass
class Cluster:
    key: str
    kind: str
    names: Counter = field(default_factory=Counter)  # display forms (titles stripped)
    surfaces: set = field(default_factory=set)  # every surface form seen
    mentions: set = field(default_factory=set)  # (start, end)
    labels: Counter = field(default_factory=Counter)
    argument_role: bool = False
    gazetteer: str | None = None  # canonical state/seat name when known
    affiliation: str | None = None  # key of another cluster
    is_group: bool = False
    relational: bool = False  # "Members of Local 551": names a specific party
    holds: int = 0  # claims held + quotes spoken (filled by the pipeline)

    @property
    def name(self) -> str:
        if self.gazetteer:
            return self.gazetteer
        # Fullest form: most words, then most frequent.
        return max(self.names.items(), key=lambda kv: (len(kv[0].split()), kv[1], -len(kv[0])))[0]


# Head words that end an organisation's name ("… and Equality Movement", "… and Peace Party").
BODY_HEADS = {"movement", "party", "front", "army", "union", "council", "alliance", "congress", "organization",
              "organisation", "federation", "association", "league", "coalition", "committee", "forces",
              "brigades", "confederation", "assembly", "commission", "fund", "bank", "institute", "society"}


# a dash with a space on each side stands between phrases, never inside a name
SPACED_DASHES = ("-", "—", "–", "--", "―")
DATELINE_ENDS = ("(", *SPACED_DASHES)


# what opens a statement's byline: its author speaks in all of it (the resolver's document
# speaker), and a person it names in a Title Case headline is kept as an actor
BYLINE_WORDS = ("statement by", "remarks by", "speech by", "address by", "letter from", "statement from",
                "declaration by", "op-ed by")


# role nouns a lead may use before naming the person ("Uganda's main opposition leader …")
ROLE_LOOKBACK = 3000  # how far back a person who already wore the role is looked for
CATAPHORIC_ROLES = {"leader", "spokesman", "spokeswoman", "spokesperson", "official", "negotiator",
                    "envoy", "chairman", "chairwoman", "commander", "diplomat", "mediator"}


def _credit_line(tok) -> bool:
    """A news outlet in a reporter's credit: "VOA's Scott Bobb reports from Johannesburg",
    "Gilbert da Costa reports for VOA"."""
    if tok.dep_ == "pobj" and tok.head.lower_ == "for" and tok.head.head.lemma_.lower() in ("report", "write"):
        return True
    if tok.dep_ == "poss" and tok.head.dep_ == "nsubj" and tok.head.head.lemma_.lower() == "report" \
            and tok.head.ent_type_ == "PERSON":
        return True
    return False


def _nominal_adj(tok) -> bool:
    """"the military refuses": a collective noun the tagger read as an adjective, used as a
    noun (a subject with an article of its own)."""
    return tok.pos_ == "ADJ" and tok.dep_ in ("nsubj", "nsubjpass") and tok.lemma_.lower() in COLLECTIVE_NOUNS \
        and any(c.dep_ == "det" for c in tok.children)


def _dateline_place(doc, span) -> bool:
    """A place in a dateline: a paragraph that opens with a place in capitals, then maybe a
    comma and a region, then a parenthesis or a dash ("DAVAO CITY, Philippines —",
    "ORLANDO, Fla. —", "MOSCOW (Reuters) —")."""
    toks = [t for t in doc if not t.is_space]
    if not toks or not (toks[0].is_alpha and toks[0].is_upper and len(toks[0]) >= 3):
        return False
    end = next((t.i for t in toks[:9] if t.text in DATELINE_ENDS), None)
    if end is None:
        return False
    words = [t for t in doc[toks[0].i:end] if t.is_alpha]
    if not all(t.is_upper or t.is_title for t in words):
        return False  # "NATO, meanwhile, said …" is a sentence, not a dateline
    return span.end <= end


def _cut_at_spaced_dash(doc, span):
    """The tagger runs an entity across a dash that stands between two phrases:
    "CLEVELAND - Donald Trump painted …" (a dateline), "… Robert Barr - won …". A dash
    with a space on each side is never inside a name ("Guinea-Bissau" has none), so the
    entity is cut there and keeps the part that names: after a dateline in capitals, else
    the first part that opens with a capital."""
    cuts = [t.i for t in span[:-1] if t.text in SPACED_DASHES and t.i > span.start
            and doc[t.i - 1].whitespace_ and t.whitespace_]
    if not cuts:
        return span
    bounds = [span.start, *cuts, span.end]
    parts = [doc[a + (1 if k else 0): b] for k, (a, b) in enumerate(zip(bounds, bounds[1:]))]
    parts = [p for p in parts if len(p) and p[0].text[:1].isupper()]
    if not parts:
        return span
    first = parts[0]
    if len(parts) > 1 and all(t.is_upper or not t.is_alpha for t in first) and first.start == span.start:
        return parts[1]  # "CLEVELAND - Donald Trump": the dateline is where, not who
    return first


# heads of the names of texts and schemes the parties negotiate, never parties themselves
TEXT_HEADS = {"agreement", "accord", "accords", "treaty", "pact", "directive", "framework", "process",
              "protocol", "regulation", "roadmap"}
# heads of the names of works and natural features, never parties
PLACE_HEADS = {"dam", "falls", "river", "bridge", "airport", "canal", "pipeline", "lake", "strait", "straits",
               "gulf", "basin", "delta", "reservoir", "corridor", "crossing", "highway", "square"}
# … of which these never end a person's name ("Xayaburi Dam", "Khone Falls" tagged PERSON)
WORKS = {"dam", "falls", "airport", "canal", "pipeline", "strait", "straits", "reservoir"}
# a minister's or commissioner's title, which a portfolio name ("Agriculture", "Foreign
# Affairs") qualifies; not "spokesman", "official" or "envoy", which follow parties' names
# ("Hamas spokesman", "UN envoy")
OFFICE_WORDS = {"minister", "ministers", "secretary", "secretaries", "undersecretary", "under-secretary",
                "commissioner", "commissioners"}
# words that make a name a body, whatever title follows ("Department for Education spokesperson")
_BODY_WORDS = BODY_HEADS | {"department", "ministry", "office", "agency", "service", "bureau", "court", "courts",
                            "house", "government", "administration", "authority", "board", "cabinet",
                            "parliament", "senate", "police", "army", "navy", "secretariat", "centre", "center",
                            "foundation", "company", "corporation", "group", "nations", "organisation"}


def _portfolio(span) -> bool:
    """An organisation the tagger found in a minister's title is the office's portfolio, not a
    party: "Education Minister Jane Doe", "Agriculture Undersecretary J.B. Penn", "the
    Commissioners … for Agriculture", "Minister of Foreign Affairs of Iran". A name with a
    body's word or in capitals ("NATO Secretary-General") is a party."""
    doc = span.doc
    if any(t.lower_ in _BODY_WORDS or (t.is_upper and len(t) > 1) for t in span):
        return False
    if span.end < len(doc) and doc[span.end].lower_ in OFFICE_WORDS:
        return True
    root = span.root
    if root.dep_ == "compound" and root.head.lower_ in OFFICE_WORDS:
        return True
    if root.dep_ == "pobj" and root.head.lower_ in ("for", "of"):
        head = root.head.head
        while head.dep_ == "conj" and head.head is not head:
            head = head.head
        return head.lower_ in OFFICE_WORDS
    return False


def _and_named_body(doc, span):
    """The tagger cuts "Justice and Equality Movement" after "Justice": an ORG followed by
    "and" and capitalised words ending in a body's head noun is one name."""
    i = span.end
    if i + 1 >= len(doc) or doc[i].lower_ != "and" or not doc[i + 1].text[:1].isupper():
        return span
    j = i + 1
    while j < len(doc) and doc[j].text[:1].isupper() and doc[j].pos_ in ("PROPN", "NOUN", "ADJ") \
            and doc[j].ent_type_ not in ("PERSON", "GPE", "NORP") and j - i <= 4:
        if doc[j].lower_ in BODY_HEADS:
            return doc[span.start: j + 1]
        j += 1
    return span


class ActorIndex:
    """Clusters of mentions plus a token -> cluster look-up used by quotes and claims."""

    def __init__(self, ctx: Context):
        self.ctx = ctx
        self.lex: Lexicon = ctx.lex
        self.clusters: dict[str, Cluster] = {}
        self.token_map: dict[tuple[int, int], str] = {}  # (chunk offset, token i) -> key
        self._alias = self.lex.state_by_alias()
        self._demonym = self.lex.state_by_demonym()
        self._seat = self.lex.seat_index()
        self._claim_verbs = self.lex.claim_verbs()
        self.headline_end = -1  # end of a Title Case first line (set by build)
        self.unparsed_end = -1  # the same, unless that line was parsed in sentence case

    # ------------------------------------------------------------------ build
    def build(self) -> "ActorIndex":
        raw: list[tuple[object, object, str, str]] = []  # chunk, span, label, surface
        # surnames the tagger gives as a person somewhere in the article ("Bob Goodlatte")
        person_words = {e[-1].lower_ for c in self.ctx.chunks for e in c.doc.ents if e.label_ == "PERSON"}
        for chunk in self.ctx.chunks:
            doc = chunk.doc
            for ent in doc.ents:
                if ent.label_ not in ENT_LABELS:
                    continue
                toks = [t for t in ent if "\n" not in t.text]
                toks = [t for t in toks if t.text.strip(_EDGE)]
                if not toks:
                    continue
                while len(toks) > 1 and toks[-1].pos_ in ("CCONJ", "PUNCT", "ADP"):
                    toks = toks[:-1]  # "the German Council Presidency and"
                span = _cut_at_spaced_dash(doc, doc[toks[0].i: toks[-1].i + 1])
                label = ent.label_
                if all(t.lower_ in SURNAME_PARTICLES and t.is_lower for t in span):
                    continue  # "von der" (PERSON) + "Leyen" (GPE): the name that follows takes it
                lead = span.start
                while lead > 0 and doc[lead - 1].lower_ in SURNAME_PARTICLES and doc[lead - 1].is_lower:
                    lead -= 1
                if lead < span.start and lead > 0 and (doc[lead - 1].text[:1].isupper() or doc[lead - 1].lower_ in self.lex.titles):
                    # "President von der Leyen", "Staffan de Mistura": the particles are the surname's
                    span, label = doc[lead: span.end], "PERSON"
                if label == "ORG" and _portfolio(span):
                    continue  # "Education Minister Jane Doe", "the Commissioner for Agriculture"
                whole = self._gazetteer_words(doc, span)
                if whole is not None:
                    # "Sierra" (ORG) + "Leonean" (NORP): the tagger split a many-word state
                    # name or demonym the gazetteer knows; one entity, never a party "Sierra"
                    if not any(r[0] is chunk and r[1].start == whole.start and r[1].end == whole.end
                               for r in raw):
                        low = " ".join(t.lower_ for t in whole)
                        raw.append((chunk, whole, "GPE" if low in self._alias else "NORP", whole.text))
                    continue
                if label == "ORG" and re.match(r"(?i)(the\s+)?(rt\.?\s+hon\.?|right\s+hon)", span.text):
                    label = "PERSON"  # "the Rt Hon Maria Quinn": an honorific marks a person
                if self._inside_title(doc, span):
                    continue  # "State" in "Secretary of State"
                if label == "ORG" and (span[-1].lemma_.lower() in DOCUMENT_HEADS or (
                        span.root.lemma_.lower() in DOCUMENT_HEADS and span.root.i < span.end - 1
                        and doc[span.root.i + 1].lower_ == "of")):
                    # "A Joint Statement was agreed", "This Statement of Administration Policy
                    # provides …": a text, whose authors are the party
                    continue
                head = span[-1].lemma_.lower()
                if span[-1].text[:1].isupper() and len(span) > 1 and (
                        (label != "PERSON" and head in TEXT_HEADS | PLACE_HEADS) or head in WORKS):
                    # "the Belfast Agreement", "the Multiannual Financial Framework": texts;
                    # "the Xayaburi Dam", "Khone Falls": places
                    continue
                if label in ("ORG", "PERSON") and len(span) > 1 and span[-1].text in ("Bill", "Act"):
                    # "the Omnibus … Appropriations Bill" (tagged a person: "Bill"), "the Dream
                    # Act": a text too
                    continue
                if label != "PERSON" and any(chunk is c for c in self.ctx.chunks[:3]) and _dateline_place(doc, span):
                    continue  # "DAVAO CITY, Philippines —", "MOSCOW (Reuters) —": where, not who
                if "\n" in span.text:
                    span = doc[toks[0].i: toks[0].i + 1]
                if label == "ORG" and span[-1].lower_ not in person_words:
                    # "Justice" + "and Equality Movement"; not "Goodlatte and Benghazi Committee"
                    span = _and_named_body(doc, span)
                nxt = doc[span.end] if span.end < len(doc) else None
                if nxt is not None and nxt.lemma_.lower() in ORG_SUFFIX and ent.label_ in ("PERSON", "ORG"):
                    # "the Trump administration" is an organisation, not Trump.
                    raw.append((chunk, doc[span.start: span.end + 1], "ORG", doc[span.start: span.end + 1].text))
                    continue
                raw.append((chunk, span, label, span.text))
        raw.extend(self._untagged_names())
        raw = self._drop_headline_guesses(raw)
        self.headline_end = self._title_case_headline_end()
        # where the parser's nouns are not to be trusted: a Title Case headline the parser
        # saw as written; one rewritten in sentence case (nlp.split_chunks) parses as prose
        first = self.ctx.chunks[0] if self.ctx.chunks else None
        rewritten = first is not None and first.offset == 0 and \
            first.doc.text != self.ctx.text[:len(first.doc.text)]
        self.unparsed_end = -1 if rewritten else self.headline_end
        for chunk, span, label, surface in raw:
            self._add_entity(chunk, span, label, surface)
        self._propagate_names()
        self._merge()
        self._affiliations()
        self._titled = self._title_roles()
        for chunk in self.ctx.chunks:
            for tok in chunk.doc:
                if chunk.offset + tok.idx < self.unparsed_end:
                    continue  # the tagger's guesses in a Title Case headline
                if tok.dep_ in ("nsubj", "nsubjpass") and (tok.pos_ == "NOUN" or _nominal_adj(tok) or (
                        tok.pos_ == "PROPN" and tok.lower_ in self._titled
                        and (chunk.offset, tok.i) not in self.token_map)):
                    role = self.role_description(chunk, tok)
                    if role:
                        self.add_mention(role, chunk, [t for t in tok.subtree if t.i <= tok.i and t.dep_ != "det"])
                    else:
                        self.add_group(chunk, tok)
                elif tok.pos_ == "NOUN" and (tok.tag_ == "NNS" or tok.lemma_.lower() in STATE_BODIES) \
                        and tok.dep_ in ("dobj", "pobj", "conj", "dative") \
                        and (chunk.offset, tok.i) not in self.token_map and any(
                            t.dep_ in ("amod", "compound", "poss") and t.pos_ != "PRON" for t in tok.lefts):
                    # "the country's international lenders", "with striking teachers": a qualified
                    # group as an argument is a mention too; it becomes a party only when it acts,
                    # speaks, holds a claim or is named twice (pipeline._keep)
                    self.add_group(chunk, tok)
        self._merge_same_name_groups()
        return self

    def _gazetteer_words(self, doc, span):
        """The many-word state name or demonym ("Sierra Leone", "South Sudanese") that
        ``span`` is part of, when the tagger cut it; else None."""
        for start in range(max(0, span.start - 2), span.start + 1):
            for end in range(min(len(doc), span.end + 2), span.end - 1, -1):
                if end - start < 2 or (start == span.start and end == span.end):
                    continue
                words = doc[start:end]
                if "\n" in words.text:
                    continue
                low = " ".join(t.lower_ for t in words)
                if low in self._alias or low in self._demonym:
                    return words
        return None

    def _merge_same_name_groups(self) -> None:
        """"MEPs" read once as an untagged name and once as a group noun is one group."""
        groups = {c.name.lower(): c for c in self.clusters.values() if c.is_group and c.kind == "group"}
        for cl in list(self.clusters.values()):
            if cl.is_group or cl.gazetteer or not cl.key.startswith("person:"):
                continue
            g = groups.get(cl.name.lower())
            if g is not None and g.key in self.clusters:
                self._absorb(g, cl)

    def _inside_title(self, doc, span) -> bool:
        """The entity ends a title ("Secretary of State", "Minister of Defence"): a role, not a party."""
        words = [t.lower_ for t in doc[max(0, span.start - 3): span.start]]
        own = " ".join(t.lower_ for t in span)
        return any(" ".join(words[i:] + [own]) in self.lex.titles for i in range(len(words)))

    def _drop_headline_guesses(self, raw):
        """A Title Case headline fools the tagger ("Greece Faces New …", "DRC Rejects
        Rebels' Demand"): a name found only there, and nowhere in the body, is dropped."""
        first_end = self._title_case_headline_end()
        if first_end < 0:
            return raw
        body = self.ctx.text[first_end:]
        head = self.ctx.text[:first_end].lower()
        # "Statement by Vice President Šefčovič on …": the person a statement is by speaks in
        # all of it, even when the headline alone names them
        by = max((head.find(w) + len(w) for w in BYLINE_WORDS if w in head), default=-1)
        return [r for r in raw if r[0].offset + r[1].start_char >= first_end or r[3] in body
                or (r[2] == "PERSON" and 0 <= by <= r[0].offset + r[1].start_char)]

    def _title_case_headline_end(self) -> int:
        """End of the first line when it is a Title Case headline, else -1."""
        first_end = self.ctx.text.find("\n")
        return first_end if first_end > 0 and title_case(self.ctx.text[:first_end], 4) else -1

    def _untagged_names(self):
        """Proper names the tagger missed ("Chandni Raina is India's negotiator"),
        taken only where they act: multi-word names as the subject of a verb, a
        single name only as the subject of a verb of saying ("Smbatyan added")."""
        out = []
        for chunk in self.ctx.chunks:
            doc = chunk.doc
            tagged = {t.i for e in doc.ents for t in e}
            for tok in doc:
                if tok.dep_ not in ("nsubj", "nsubjpass") or tok.tag_ != "NNP" or tok.i in tagged \
                        or tok.lemma_.lower() in DOCUMENT_HEADS:
                    continue
                toks = [t for t in tok.lefts if t.dep_ == "compound" and t.tag_ == "NNP"] + [tok]
                toks = [t for t in toks if t.i >= tok.i - 3]
                says = tok.head.lemma_.lower() in self.lex.reporting_verbs and tok.head.pos_ == "VERB"
                # "Renamo rejected the offer": a name that takes a position is a party too
                takes = tok.head.pos_ in ("VERB", "AUX") and tok.head.lemma_.lower() in self._claim_verbs
                if len(toks) != tok.i - toks[0].i + 1:
                    continue
                if " ".join(t.lower_ for t in toks) in self._alias:
                    # a state or capital the tagger missed ("Kyiv has made …"): the gazetteer knows it
                    out.append((chunk, doc[toks[0].i: tok.i + 1], "GPE", doc[toks[0].i: tok.i + 1].text))
                    continue
                if len(toks) < 2 and not says and not takes:
                    continue
                if len(toks) == 1 and tok.is_alpha and tok.is_upper and 2 <= len(tok) <= 6 and any(
                        c.dep_ == "det" and c.lower_ == "the" for c in tok.children):
                    # "the ELN had asked", "the NLD rejected": an acronym after "the" that acts is
                    # an organisation (a dateline's "MOSCOW —" takes no article)
                    out.append((chunk, doc[tok.i: tok.i + 1], "ORG", tok.text))
                    continue
                if not all(t.is_alpha and t.text[0].isupper() and not t.is_upper for t in toks):
                    continue
                if toks[0].lower_ in self.lex.titles or (tok.lower_ in self.lex.titles and any(
                        c.dep_ == "appos" for c in tok.children)):
                    continue  # "Transport Secretary, Jane Holt said": the title, then the name
                label = "ORG" if len(toks) < 2 and not says else "PERSON"
                out.append((chunk, doc[toks[0].i: tok.i + 1], label, doc[toks[0].i: tok.i + 1].text))
        return out

    def _propagate_names(self) -> None:
        """A bare surname the tagger missed ("Dasgupta called it ...") is still that person."""
        surnames: dict[str, str] = {}
        for cl in self.clusters.values():
            if cl.key.startswith("person:") and len(cl.key.split()) > 1:
                last = cl.key.split()[-1]
                surnames[last] = cl.key if last not in surnames else ""
        for chunk in self.ctx.chunks:
            for tok in chunk.doc:
                if not (tok.tag_ == "NNP" or (tok.pos_ == "NOUN" and tok.text[:1].isupper() and tok.text[1:].islower())) \
                        or (chunk.offset, tok.i) in self.token_map:
                    continue  # the tagger calls a headline's "Trump:" a common noun
                key = surnames.get(tok.lower_)
                if key and key in self.clusters and (tok.i == 0 or (chunk.offset, tok.i - 1) not in self.token_map):
                    self.add_mention(key, chunk, [tok])

    def _add_entity(self, chunk, span, label: str, surface: str, holds: bool = False) -> None:
        lex = self.lex
        name = normalise(surface, lex.titles)
        if not name or (name.lower() in PRONOUNS_ALL and not (len(name) > 1 and name.isupper())) \
                or not any(ch.isalpha() for ch in name):
            return
        low = name.lower()
        kind = {"PERSON": "person", "ORG": "organization", "GPE": "state", "NORP": "group",
                "LOC": "state", "FAC": "organization"}[label]
        gaz = None
        if low in self._alias:
            kind, gaz = "state", self._alias[low].canonical
            key = "state:" + gaz.lower()
        elif low in self._seat:
            kind, gaz = "organization", None
            key = "org:" + low
        elif label == "NORP":
            head = span.root
            # A demonym as an adjective ("Russian forces") is not a party; a plural
            # noun in an argument role ("the Russians need") is a group.
            # "the Greens" (tagged NNP) is plural too; "both the Greens and the Liberals": a
            # subject's conjunct acts with it
            plural = head.tag_ in ("NNPS", "NNS") or (
                head.tag_ == "NNP" and head.lower_.endswith("s") and any(
                    c.dep_ == "det" and c.lower_ == "the" for c in head.children))
            acting = head.dep_ in ("nsubj", "nsubjpass") or (
                head.dep_ == "conj" and head.head.dep_ in ("nsubj", "nsubjpass"))
            if not plural or (not acting and not holds):
                return
            key = "group:" + low
            kind = "group"
        else:
            key = ("person:" if kind == "person" else "name:") + low
        cl = self.clusters.get(key)
        if cl is None:
            cl = self.clusters[key] = Cluster(key=key, kind=kind, gazetteer=gaz)
            cl.is_group = kind == "group"
        start, end = self.ctx.span_of(chunk, span)
        # Mention covers the name as written, without a leading "the".
        text = self.ctx.text[start:end]
        lead = re.match(r"(?i)(the|a|an)\s+", text)
        if lead:
            start += lead.end()
        cl.mentions.add((start, end))
        cl.surfaces.add(self.ctx.text[start:end])
        if kind == "person":
            # "Lord Frost", "Vice President Šefčovič" where the tagger's name leaves the title
            # out: the titled form is how the text names them too (an alias, not a mention)
            doc, i = span.doc, span.start
            while i > 0:
                prev = doc[i - 1].lower_
                if prev in lex.titles or (i < span.start and f"{prev} {doc[i].lower_}" in lex.titles):
                    i -= 1  # "Lord", "President", then "Vice" before "President"
                elif i > 1 and f"{doc[i - 2].lower_} {prev}" in lex.titles:
                    i -= 2  # "Prime Minister"
                else:
                    break
            if i < span.start:
                cl.surfaces.add(self.ctx.text[chunk.offset + doc[i].idx:end])
        cl.names[name] += 1
        cl.labels[label] += 1
        if label == "LOC" and not gaz:
            # Seas, regions, continents: parties only when they act.
            cl.argument_role |= span.root.dep_ in ("nsubj", "nsubjpass")
        else:
            cl.argument_role |= self._is_argument(span.root)
        for t in span:
            self.token_map[(chunk.offset, t.i)] = key

    def is_outlet(self, cl: Cluster) -> bool:
        """A news outlet by its name ("VOA", "VOA News", "the BBC"; media_words.txt)."""
        return not cl.is_group and cl.kind != "person" and any(
            w.lower() in self.lex.media_words for n in cl.names for w in n.split())

    def _listener(self, tok) -> bool:
        """A news outlet that is only told something: "tells VOA News", "told VOA by phone",
        "confirmed to VOA", "speaking to the BBC", "in an interview with VOA". Only outlets
        (media_words.txt): "Putin told Macron" keeps Macron."""
        words = {t.lower_ for t in tok.lefts if t.dep_ == "compound"} | {tok.lower_}
        if not words & self.lex.media_words:
            return False
        head = tok.head
        if tok.dep_ in ("dobj", "dative") and head.lemma_.lower() in ("tell", "inform", "brief"):
            return True
        if tok.dep_ == "pobj" and head.lower_ == "to" and head.head.pos_ == "VERB" and (
                head.head.lemma_.lower() in self.lex.reporting_verbs
                or head.head.lemma_.lower() in ("speak", "talk", "confirm", "explain")):
            return True
        return tok.dep_ == "pobj" and head.lower_ == "with" and head.head.lemma_.lower() == "interview"

    def _is_argument(self, tok) -> bool:
        """True unless the mention is only a location ("in Sumi", "the city of Sumi")
        or a modifier ("a Lakrani broadcaster")."""
        dep = tok.dep_
        if dep in ("compound", "nmod", "amod"):
            return False
        if _credit_line(tok):
            return False  # "VOA's Scott Bobb reports", "reports for VOA": who wrote it, not a party
        if self._listener(tok):
            return False  # "tells VOA News", "speaking to the BBC": the outlet listens
        if dep == "pobj":
            t = tok
            for _ in range(4):
                prep = t.head
                if prep.dep_ not in ("prep",) and prep.pos_ != "ADP":
                    return True
                pl = prep.lower_
                if pl in self.lex.locative_preps:
                    return False
                if pl == "of":
                    noun = prep.head
                    if noun.lemma_.lower() in self.lex.place_nouns:
                        return False
                    if noun.dep_ == "pobj":
                        t = noun
                        continue
                return True
            return True
        return dep in ARG_DEPS or dep in ("npadvmod", "dobj")

    def add_group(self, chunk, head, one: bool = False) -> str | None:
        """Create or extend a group actor from a noun phrase headed by ``head`` (``one``: a
        single unnamed person, as "a Western diplomat" speaking, like a spokesman)."""
        lemma = head.lemma_.lower()
        is_role = lemma in ROLE_NOUNS or one
        if not is_role:
            if not (lemma in self.lex.group_nouns or head.lower_ in self.lex.group_nouns or lemma.endswith("worker")):
                return None
            if head.tag_ not in ("NNS", "NNPS") and lemma not in COLLECTIVE_NOUNS:
                return None  # "the leader", "an official": one person, not a group
        if (head.pos_ not in ("NOUN", "PROPN") and not _nominal_adj(head)) or chunk.offset + head.idx < self.unparsed_end:
            return None
        existing = self.token_map.get((chunk.offset, head.i))
        if existing:
            return existing
        if lemma in ("member", "members") and any(c.dep_ == "poss" and c.pos_ == "PRON" for c in head.children):
            return None  # "its members": whose, the resolver knows
        if lemma in ("member", "members"):
            # "most members of the M23 group", "members of the Parliament's negotiating
            # team": the members act as the body they belong to
            for obj in _of_objects(head):
                if obj.pos_ in ("NOUN", "PROPN"):
                    key = self.token_map.get((chunk.offset, obj.i)) or self.add_group(chunk, obj)
                    if key:
                        return key
        if lemma == "government" and head.tag_ == "NN":
            # "the Democratic Republic of Congo's government", "the government of Uganda": the
            # state's government, one actor with "the Ugandan government" (its demonym form
            # below), affiliated to the state
            owners = [t for t in head.children if t.dep_ == "poss"] + list(_of_objects(head))
            for o in owners:
                k = self.token_map.get((chunk.offset, o.i))
                if k and k in self.clusters and self.clusters[k].kind == "state":
                    return self._government_of(chunk, head, o, k)
        if lemma in TYPE_NOUNS:
            # "the M23 group", "the Lord's Resistance Army rebel group": the named body itself
            key = self._named_body(chunk, head, [t for t in head.lefts if t.dep_ in ("compound", "poss")],
                                   "organization")
            if key:
                return key
        left = [t for t in head.lefts if t.dep_ in ("amod", "compound", "nmod", "det", "poss")]
        toks = [t for t in left if t.dep_ != "det"] + [head]
        # "the Parliament’s negotiating team": a possessive keeps all its words and its "’s"
        toks += [x for t in left if t.dep_ == "poss" and t.pos_ != "PRON" for x in t.subtree
                 if x.dep_ != "det" or x.i > t.left_edge.i]
        # "public sector workers", "long-term budget negotiators": a modifier keeps its own modifiers
        toks += [x for t in left if t.dep_ in ("compound", "amod") for x in t.subtree
                 if x.i < t.i and x.dep_ in ("amod", "compound", "punct", "npadvmod") and x.text != ","]
        # "Greek and Turkish Cypriot leaders": coordinated modifiers name one group
        toks += [x for t in left if t.dep_ == "amod" for c in t.children if c.dep_ == "conj" and c.pos_ == "ADJ"
                 for x in (c, *(d for d in t.children if d.dep_ == "cc"))]
        state = None
        qualifiers = []
        for t in left:
            st = self._demonym.get(t.lower_) or self._alias.get(t.lower_)
            k = self.token_map.get((chunk.offset, t.i))
            if st:
                state = "state:" + st.canonical.lower()
            elif k and self.clusters.get(k) and self.clusters[k].kind in ("state", "organization"):
                state = k
            elif t.dep_ in ("compound", "amod") and t.pos_ in ("NOUN", "PROPN", "ADJ", "VERB") \
                    and t.lower_ not in ("senior", "top", "other", "some", "many", "several", "two", "both"):
                qualifiers.append(t.lemma_.lower())
        rights = []
        if head.lemma_.lower() in RELATIONAL_GROUP_HEADS or head.lower_ in RELATIONAL_GROUP_HEADS:
            for r in head.rights:
                if r.dep_ == "prep" and r.lower_ in ("of", "from"):
                    rights = list(r.subtree)
                    break
        all_toks = sorted(set(toks + rights), key=lambda t: t.i)
        # Keep only a contiguous run ending at the head (plus the "of" phrase).
        start_i = head.i
        for t in sorted(toks, key=lambda t: -t.i):
            if t.i == start_i - 1:
                start_i = t.i
        all_toks = [t for t in all_toks if t.i >= start_i]
        span = head.doc[all_toks[0].i: all_toks[-1].i + 1]
        name_toks = [t for t in span if t.dep_ not in ("det",) or t.i > head.i]
        # the words as written ("the Parliament’s negotiating team", not "Parliament ’s")
        name = "".join(t.text_with_ws if i + 1 < len(name_toks) and name_toks[i + 1].i == t.i + 1
                       else t.text + (" " if i + 1 < len(name_toks) else "")
                       for i, t in enumerate(name_toks)).strip()
        lemma = HEAD_SYNONYMS.get(head.lemma_.lower(), head.lemma_.lower())
        key = f"group:{lemma}:{state or ''}:{' '.join(qualifiers)}"
        if state is None and not qualifiers:
            # "the officials" continues the latest group with the same head noun.
            key = self._latest_group(lemma) or key
        cl = self.clusters.get(key)
        if cl is None:
            cl = self.clusters[key] = Cluster(key=key, kind="person" if is_role else "group", is_group=True)
            cl.affiliation = state
            if is_role and state is None:
                # "a spokesman for the rebels": the body he speaks for
                cl.affiliation = self._affiliation_of(chunk, head, key) or self._principal(chunk, head)
            cl.relational = bool(rights)
        start, end = self.ctx.span_of(chunk, span)
        cl.mentions.add((start, end))
        cl.surfaces.add(self.ctx.text[start:end])
        if any(t.tag_ in ("JJ", "NNP", "NNPS") or t.dep_ == "prep" for t in span) or not cl.names:
            cl.names[name] += 1
        cl.argument_role = True
        for t in span:
            self.token_map.setdefault((chunk.offset, t.i), key)
        return key

    def _government_of(self, chunk, head, owner, state: str) -> str:
        """"the government of Sudan", "Sudan's government": the group keyed as "the Sudanese
        government" is, with the words as written as a mention and a name."""
        key = f"group:government:{state}:"
        cl = self.clusters.get(key)
        if cl is None:
            cl = self.clusters[key] = Cluster(key=key, kind="group", is_group=True)
            cl.affiliation = state
        later = {t.i for c in owner.children if c.dep_ in ("conj", "cc", "appos") for t in c.subtree}
        toks = sorted({head.i, *(t.i for t in owner.subtree if t.i not in later)})  # not "… and Maoists"
        first = head.i if owner.i > head.i else toks[0]
        span = head.doc[first: max(toks) + 1]
        self.add_mention(key, chunk, span)
        self.token_map[(chunk.offset, head.i)] = key  # "government" names this body, whatever named it before
        start, end = self.ctx.span_of(chunk, span)
        cl.names[normalise(self.ctx.text[start:end], self.lex.titles)] += 1  # (normalise drops "the")
        cl.argument_role = True
        return key

    def _named_body(self, chunk, head, toks, kind: str) -> str | None:
        """The first of ``toks`` that names an actor of ``kind``; ``head`` then names it too."""
        for t in toks:
            k = self.token_map.get((chunk.offset, t.i))
            if k and k in self.clusters and self.clusters[k].kind == kind:
                self.token_map[(chunk.offset, head.i)] = k
                return k
        return None

    # ------------------------------------------------------------------ merge
    def _merge(self) -> None:
        def untyped_name(cl) -> bool:
            """A name the tagger called a body ("name:" key), no state, group or place
            ("Washington" stays a place)."""
            return cl.key.startswith("name:") and not cl.gazetteer and not cl.is_group \
                and not (cl.labels.get("GPE") or cl.labels.get("LOC"))

        # 0. The tagger calls the same name a person in one sentence and an organisation in
        #    another ("Donald Trump painted …" ORG, "Donald Trump said" PERSON): a name the
        #    article gives as a person is that person everywhere, never a second party.
        for cl in list(self.clusters.values()):
            if untyped_name(cl):
                person = self.clusters.get("person:" + cl.key[5:])
                if person is not None and not any(ACRONYM.fullmatch(n) for n in cl.names) \
                        and cl.key.split()[-1] not in BODY_HEADS:
                    self._absorb(person, cl)
        # 0b. "CLEVELAND - Donald Trump painted …" (ORG) then "Trump said" (PERSON): a two-word
        #     name that opens with a given name and ends with a surname the article gives as a
        #     person is a person too.
        given = given_name_genders()
        surnames = {c.key[7:].split()[-1] for c in self.clusters.values() if c.key.startswith("person:")}
        for cl in list(self.clusters.values()):
            words = cl.key[5:].split() if untyped_name(cl) else []
            if len(words) == 2 and words[0] in given and words[1] in surnames:
                key = "person:" + cl.key[5:]
                person = self.clusters.get(key) or self.clusters.setdefault(key, Cluster(key=key, kind="person"))
                self._absorb(person, cl)
        persons = [c for c in self.clusters.values() if c.kind == "person" or c.labels.get("PERSON")]
        multi = [c for c in persons if len(c.key.split(":", 1)[1].split()) > 1]
        # 1. Tag-independent: a bare surname of a known multi-word person is that person,
        #    whatever label the tagger gave it ("Trump" tagged ORG).
        for cl in list(self.clusters.values()):
            if cl.key not in self.clusters or cl.gazetteer or cl.is_group:
                continue
            body = cl.key.split(":", 1)[1]
            if len(body.split()) != 1:
                # "De la Calle" is "Humberto De la Calle": a surname of several words
                if body.split()[0] in SURNAME_PARTICLES:
                    hits = [m for m in multi if m.key != cl.key and m.key in self.clusters
                            and m.key.split(":", 1)[1].endswith(" " + body)]
                    if len(hits) == 1:
                        self._absorb(hits[0], cl)
                continue
            hits = [m for m in multi if m.key != cl.key and m.key in self.clusters
                    and self._surname_match(body, m.key.split(":", 1)[1].split()[-1])]
            if len(hits) == 1:
                self._absorb(hits[0], cl)
        # 1b. Where the name that stays is the first ("Hailu Shewal" … "Mr. Hailu", "Meles Zenawi" …
        #     "Mr. Meles": Ethiopian, Burmese, Icelandic usage), a bare person name that opens exactly
        #     one multi-word person's name, and ends none, is that person.
        multi = [c for c in self.clusters.values() if c.key.startswith("person:") and len(c.key.split()) > 1]
        for cl in list(self.clusters.values()):
            if cl.key not in self.clusters or cl.gazetteer or cl.is_group or not cl.key.startswith("person:"):
                continue
            body = cl.key.split(":", 1)[1]
            if len(body.split()) != 1 or len(body) < 3:
                continue
            if any(m.key[7:].split()[-1] == body for m in multi if m.key in self.clusters):
                continue
            hits = [m for m in multi if m.key != cl.key and m.key in self.clusters and m.key[7:].split()[0] == body]
            if len(hits) == 1:
                self._absorb(hits[0], cl)
        # 2. Multi-word persons with similar surnames and compatible first names.
        multi = [c for c in self.clusters.values() if c.key.startswith("person:") and len(c.key.split()) > 1]
        for i, a in enumerate(multi):
            for b in multi[i + 1:]:
                if a.key not in self.clusters or b.key not in self.clusters:
                    continue
                wa, wb = a.key[7:].split(), b.key[7:].split()
                if self._surname_match(wa[-1], wb[-1]) and self._first_ok(wa[0], wb[0]):
                    big, small = (a, b) if sum(a.names.values()) >= sum(b.names.values()) else (b, a)
                    self._absorb(big, small)
        # 3. Single-word names with similar spelling (Zelinski / Zellinski, Karmlin / Kremlin),
        #    never two distinct gazetteer entries and never a person with a non-person.
        singles = sorted((c for c in self.clusters.values() if not c.is_group and c.kind != "state"),
                         key=lambda c: -sum(c.names.values()))
        for i, a in enumerate(singles):
            for b in singles[i + 1:]:
                if a.key not in self.clusters or b.key not in self.clusters:
                    continue
                if (a.kind == "person") != (b.kind == "person"):
                    continue
                na, nb = a.key.split(":", 1)[1], b.key.split(":", 1)[1]
                if len(na.split()) != len(nb.split()):
                    if a.kind == "person":
                        continue
                if na.split()[-1] != nb.split()[-1] and self._similar(na, nb) and na[0] == nb[0]:
                    self._absorb(a, b)
                elif a.kind == "person" and self._surname_match(na.split()[-1], nb.split()[-1]) \
                        and self._first_ok(na.split()[0], nb.split()[0]) and len(na.split()) == len(nb.split()):
                    self._absorb(a, b)
        # 4. An acronym is the one organisation or state whose initials it spells:
        #    "the Lord's Resistance Army, or LRA", "the International Criminal Court (ICC)".
        longs: dict[str, list[Cluster]] = {}
        for cl in self.clusters.values():
            if cl.is_group or cl.kind == "person":
                continue
            for name in set(cl.names) | ({cl.gazetteer} if cl.gazetteer else set()):
                ini = initials(name)
                if len(ini) >= 2:
                    longs.setdefault(ini, [])
                    if cl not in longs[ini]:
                        longs[ini].append(cl)
        for cl in list(self.clusters.values()):
            if cl.key not in self.clusters or cl.is_group or cl.gazetteer or cl.kind == "person":
                continue
            acr = next((n for n in cl.names if ACRONYM.fullmatch(n)), None)
            if acr is None:
                continue
            hits = [c for c in longs.get(acr.replace(".", "").upper(), []) if c is not cl and c.key in self.clusters]
            if len(hits) == 1:
                self._absorb(hits[0], cl)
        # 5. "the Revolutionary Armed Forces of Colombia, or FARC", "... (FARC)": the text says so,
        #    whatever the initials.
        ends = {e: cl for cl in self.clusters.values() if not cl.is_group and cl.kind != "person"
                for _, e in cl.mentions}
        starts = {s: cl for cl in self.clusters.values() if not cl.is_group and not cl.gazetteer
                  for s, _ in cl.mentions}
        for m in _OR_ACRONYM.finditer(self.ctx.text):
            long_, short = ends.get(m.start()), starts.get(m.start(1))
            if long_ is not None and short is not None and long_ is not short and \
                    long_.key in self.clusters and short.key in self.clusters \
                    and all(ACRONYM.fullmatch(n) for n in short.names):
                self._absorb(long_, short)
        # Kind by vote once merged.
        for cl in self.clusters.values():
            if cl.is_group or cl.gazetteer:
                continue
            if cl.labels.get("PERSON", 0) >= max(cl.labels.get("ORG", 0), cl.labels.get("GPE", 0)) \
                    and cl.labels.get("PERSON", 0) > 0 and cl.key.startswith("person:"):
                cl.kind = "person"
            elif cl.labels.get("GPE", 0) > cl.labels.get("ORG", 0) + cl.labels.get("PERSON", 0):
                cl.kind = "state"
            elif cl.key.startswith("person:"):
                cl.kind = "person"
            else:
                cl.kind = "organization"

    @staticmethod
    def _similar(a: str, b: str) -> bool:
        if min(len(a), len(b)) < 5:
            return False
        return fuzz.ratio(a, b) >= 84

    def _surname_match(self, a: str, b: str) -> bool:
        return a == b or self._similar(a, b)

    @staticmethod
    def _first_ok(a: str, b: str) -> bool:
        a, b = a.rstrip("."), b.rstrip(".")
        if a == b or (len(a) == 1 and b.startswith(a)) or (len(b) == 1 and a.startswith(b)):
            return True
        return fuzz.ratio(a, b) >= 70

    def _absorb(self, into: Cluster, other: Cluster) -> None:
        if into is other:
            return
        into.names.update(other.names)
        into.surfaces |= other.surfaces
        into.mentions |= other.mentions
        into.labels.update(other.labels)
        into.argument_role |= other.argument_role
        into.holds += other.holds
        del self.clusters[other.key]
        for k, v in list(self.token_map.items()):
            if v == other.key:
                self.token_map[k] = into.key
        for cl in self.clusters.values():
            if cl.affiliation == other.key:
                cl.affiliation = into.key

    # ------------------------------------------------------------ affiliation
    def _affiliations(self) -> None:
        for cl in list(self.clusters.values()):
            if cl.key.startswith("org:"):
                st = self._seat.get(cl.key[4:])
                if st:
                    cl.affiliation = self.ensure_state(st.canonical)
        # One pass over the token map, grouped by chunk (same order as before: chunk
        # by chunk, tokens in the order they were mapped), not one full scan per chunk.
        by_chunk: dict[int, list[tuple[int, str]]] = {}
        for (off, i), key in self.token_map.items():
            by_chunk.setdefault(off, []).append((i, key))
        for chunk in self.ctx.chunks:
            for i, key in by_chunk.get(chunk.offset, ()):
                cl = self.clusters.get(key)
                if cl is None or cl.kind != "person" or cl.affiliation:
                    continue
                tok = chunk.doc[i]
                aff = self._affiliation_of(chunk, tok, key)
                if aff:
                    cl.affiliation = aff

    def _affiliation_of(self, chunk, tok, own: str) -> str | None:
        """A person's state or organisation from the words around the name:
        "Iranian Foreign Ministry spokesman X", "X of Ukraine", "X from Russia", "UAW President X"."""
        head = tok
        while head.dep_ in ("compound", "flat") and head.head.i != head.i:
            head = head.head
        cands = []
        for t in head.subtree:
            if t.i >= tok.i and t.dep_ not in ("prep", "pobj"):
                continue
            cands.append(t)
        for prep in head.children:
            if prep.dep_ == "prep" and prep.lower_ in ("of", "from", "for"):
                # "a spokesman for the Lord's Resistance Army rebel group": the named
                # body may be a modifier of the object noun
                for p in prep.children:
                    cands.append(p)
                    cands.extend(t for t in p.subtree if t.i < p.i)
        for t in cands:
            k = self.token_map.get((chunk.offset, t.i))
            if k and k != own and k in self.clusters and self.clusters[k].kind in ("state", "organization"):
                return k
            st = self._demonym.get(t.lower_)
            if st:
                return self.ensure_state(st.canonical, mention_required=True)
        return None

    def _principal(self, chunk, head) -> str | None:
        """"a spokesman for President Ernest Bai Koroma": the person a spokesperson
        speaks for, when no state or organisation is named with them."""
        if head.lemma_.lower() not in SPOKES_NOUNS:
            return None
        for prep in head.children:
            if prep.dep_ == "prep" and prep.lower_ in ("for", "of"):
                for p in prep.children:
                    k = self.token_map.get((chunk.offset, p.i))
                    if p.dep_ == "pobj" and k and k in self.clusters and self.clusters[k].kind == "person":
                        return k
        return None

    def ensure_state(self, canonical: str, mention_required: bool = False) -> str | None:
        key = "state:" + canonical.lower()
        if key not in self.clusters:
            if mention_required:
                return None
            cl = self.clusters[key] = Cluster(key=key, kind="state", gazetteer=canonical)
            cl.argument_role = False
        return key

    # -------------------------------------------------------------- look-ups
    def key_at(self, chunk, tok) -> str | None:
        return self.token_map.get((chunk.offset, tok.i))

    def party_modifier(self, chunk, tok) -> str | None:
        """The party of the article a modifier names: "Russian demands" (a demonym of a
        state already in the article), "rebel demands", "union demands" (a group the
        article already has, by its head noun). A modifier never founds a new actor."""
        k = self.key_at(chunk, tok)
        if k and k in self.clusters:
            return k
        st = self._demonym.get(tok.lower_) or self._alias.get(tok.lower_)
        if st:
            return self.ensure_state(st.canonical, mention_required=True)
        lemma = tok.lemma_.lower()
        if lemma not in self.lex.group_nouns:
            return None
        return self._latest_group(HEAD_SYNONYMS.get(lemma, lemma))

    def holding_group(self, chunk, tok) -> str | None:
        """A party the text names only where it holds a position, which the claim rules
        found then: a plural demonym or party name owning it ("the Democrats' refusal to
        fund the wall") or a group noun modifying it ("rebel demands for the release of
        prisoners"). Elsewhere these words stay modifiers ("Russian forces", "rebel areas")."""
        k = self.key_at(chunk, tok)
        if k:
            return k
        if tok.ent_type_ == "NORP" and tok.tag_ in ("NNPS", "NNS"):
            ent = next((e for e in chunk.doc.ents if e.start <= tok.i < e.end), None)
            if ent is not None and ent.label_ == "NORP":
                self._add_entity(chunk, ent, "NORP", ent.text, holds=True)
            return self.key_at(chunk, tok)
        lemma = tok.lemma_.lower()
        if tok.dep_ not in ("amod", "compound", "conj", "nmod") or tok.text != tok.lower_ or tok.tag_ not in ("NN", "NNS", "JJ") \
                or chunk.offset + tok.idx < self.unparsed_end:
            return None
        plural = lemma if lemma in COLLECTIVE_NOUNS else lemma + "s"
        if plural not in self.lex.group_nouns:
            return None
        key = self._latest_group(HEAD_SYNONYMS.get(lemma, lemma)) or f"group:{HEAD_SYNONYMS.get(lemma, lemma)}::"
        cl = self.clusters.get(key)
        if cl is None:
            cl = self.clusters[key] = Cluster(key=key, kind="group", is_group=True)
            cl.names[plural] += 1
        self.add_mention(key, chunk, [tok])
        cl.argument_role = True
        return key

    def _latest_group(self, lemma: str) -> str | None:
        """The group made last whose head noun is ``lemma``."""
        return next((k for k in reversed(list(self.clusters)) if k.startswith(f"group:{lemma}:")), None)

    def _title_roles(self) -> dict[str, str]:
        """Titles worn by exactly one named person: "House Speaker John Boehner" makes
        "the Speaker" Boehner, "Mayor Ann Lee" makes "the mayor" Lee."""
        seen: dict[str, set[str]] = {}
        text = self.ctx.text
        for cl in self.clusters.values():
            if cl.kind != "person":
                continue
            for start, _ in cl.mentions:
                line_start = text.rfind("\n", 0, start) + 1
                words = text[max(line_start, start - 60):start].split()[-3:]
                for w in words:
                    w = w.strip(_EDGE).lower()
                    if w in self.lex.titles and len(w) > 3 and not w.endswith("."):
                        seen.setdefault(w, set()).add(cl.key)
        return {w: next(iter(keys)) for w, keys in seen.items() if len(keys) == 1}

    def _named_later(self, chunk, head) -> str | None:
        """A lead that names a role before the person ("Uganda's main opposition leader has
        called for …" … "Kizza Besigye, leader of the Forum …"; "A senior official says …" …
        "X, a senior official in the ministry, said"): the first person named within the next
        two paragraphs with that role word beside the name, if nobody before wore it."""
        if head.lemma_.lower() not in CATAPHORIC_ROLES or head.tag_ != "NN" or any(
                c.dep_ in ("appos", "compound") and c.pos_ == "PROPN" for c in head.children):
            return None
        # the usual rules name the principal of "an Intel spokeswoman", "a senior Obama
        # administration official", "a spokeswoman for Mr. Trump", "his spokesman"
        def a_person(tok) -> bool:
            cl = self.clusters.get(self.token_map.get((chunk.offset, tok.i), ""))
            return cl is not None and cl.kind == "person"

        if any(t.pos_ == "PROPN" and t.dep_ in ("compound", "nmod") for t in head.subtree if t.i < head.i) \
                or any(c.dep_ == "prep" for c in head.children) \
                or any(c.dep_ == "poss" and (c.pos_ == "PRON" or a_person(c)) for c in head.children):
            return None
        text, pos = self.ctx.text, chunk.offset + head.idx
        word = re.compile(r"\b" + re.escape(head.lower_) + r"\b", re.I)
        # person mentions in text order, once per build (a 1 MB text has thousands)
        persons = [cl for cl in self.clusters.values() if cl.kind == "person"]
        stamp = (len(persons), sum(len(cl.mentions) for cl in persons))
        ments = getattr(self, "_person_ments", None)
        if ments is None or ments[0] != stamp:
            ments = (stamp, sorted((s, e, cl.key) for cl in persons for s, e in cl.mentions))
            self._person_ments = ments
        rows = ments[1]
        lo = bisect.bisect_left(rows, (pos - ROLE_LOOKBACK, 0, ""))
        hi = bisect.bisect_right(rows, (pos + 800, len(text) + 1, "\uffff"))
        for s, e, key in rows[lo:hi]:
            a = max(text.rfind("\n", 0, s) + 1, s - 60)
            b = text.find("\n", e, e + 60)
            near = text[a:s] + " " + text[e:b if b != -1 else e + 60]
            if not word.search(near):
                continue
            if s < pos:
                return None  # someone named just before wears it: the usual rules decide
            return key  # the first one named after
        return None

    def role_description(self, chunk, head) -> str | None:
        """"the Russian leader" -> the person affiliated with Russia named most often;
        "the Speaker" -> the one person titled Speaker in the article."""
        later = self._named_later(chunk, head)
        if later:
            return later
        titled = getattr(self, "_titled", {}).get(head.lower_)
        if titled and titled in self.clusters and head.tag_ in ("NN", "NNP") and (
                any(t.dep_ == "det" and t.lower_ == "the" for t in head.lefts)):
            return titled
        if head.lemma_.lower() not in {"leader", "president", "premier", "chancellor", "minister",
                                       "negotiator", "envoy", "spokesman", "spokeswoman",
                                       "spokesperson", "diplomat", "chief", "head", "boss",
                                       "secretary-general", "mediator"} or head.tag_ != "NN":
            return None
        if not any(t.dep_ == "det" and t.lower_ == "the" for t in head.lefts):
            return None
        state = None
        for t in head.lefts:
            st = self._demonym.get(t.lower_) or self._alias.get(t.lower_)
            k = self.token_map.get((chunk.offset, t.i))
            if st:
                state = "state:" + st.canonical.lower()
            elif k and k in self.clusters:
                cl = self.clusters[k]
                state = k if cl.kind != "person" else None
        body_of = False
        if not state:
            # "the leader of Ethiopia's Coalition for Unity and Democracy": the body after "of"
            for p in head.children:
                if p.dep_ == "prep" and p.lower_ == "of":
                    for o in p.children:
                        k = self.token_map.get((chunk.offset, o.i)) if o.dep_ == "pobj" else None
                        if k and k in self.clusters and self.clusters[k].kind != "person" \
                                and not self.clusters[k].is_group:
                            state, body_of = k, True
        if not state:
            return None
        people = [c for c in self.clusters.values() if c.kind == "person" and c.affiliation == state]
        if not people:
            # (a body with no named officer speaks through its leader: the body itself)
            return state if body_of and head.lemma_.lower() in ("leader", "chief", "head", "spokesman",
                                                                  "spokeswoman", "spokesperson") else None
        best = max(people, key=lambda c: len(c.mentions))
        return best.key

    def add_mention(self, key: str, chunk, toks) -> None:
        cl = self.clusters.get(key)
        if cl is None:
            return
        start, end = self.ctx.span_of(chunk, toks)
        text = self.ctx.text[start:end]
        lead = re.match(r"(?i)(the|a|an)\s+", text)
        if lead and lead.end() < len(text):
            start += lead.end()
        cl.mentions.add((start, end))
        cl.surfaces.add(self.ctx.text[start:end])
        for t in toks:
            self.token_map.setdefault((chunk.offset, t.i), key)
