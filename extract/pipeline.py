"""From text to an ``Extraction``: parse, actors, quotes, claims, then ids.

``Extractor`` holds the loaded spaCy pipeline so a long-lived caller (the
explorer, a batch job) pays for the model once.
"""
from __future__ import annotations

import re
import time
from typing import Callable, Iterable, Iterator

from .actors import STATE_BODIES, ActorIndex, Cluster
from .claims import ClaimFinder
from .context import Context
from .lexicon import load_lexicon
from .model import EXTRACTOR_VERSION, Actor, Claim, DocumentInfo, Extraction, Quote, Span, text_sha256
from .nlp import Chunk, load_model, parse, split_chunks
from .quotes import QuoteAttributor, find_quotes
from .resolve import Resolver


# the heads of a state's own bodies that are parties of the story even when named once
STATE_PARTY_HEADS = STATE_BODIES | {"leader", "party", "faction", "state", "delegation", "negotiator"}


def slug(name: str) -> str:
    s = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
    return s or "actor"


def title_of(text: str) -> str:
    for line in text.splitlines():
        if line.strip():
            return line.strip()[:200]
    return ""


def document_info(text: str, path: str) -> DocumentInfo:
    return DocumentInfo(path=path, title=title_of(text),
                        sha256=text_sha256(text),
                        length=len(text))


class Extractor:
    def __init__(self, model: str | None = None, nlp=None, model_name: str | None = None):
        if nlp is None:
            nlp, model_name = load_model(model)
        self.nlp = nlp
        self.model_name = model_name or "custom"
        self.lex = load_lexicon()

    def extract(self, text: str, path: str = "-",
                progress: Callable[[int, int], None] | None = None,
                partial: Callable[[Extraction], None] | None = None,
                partial_after: float = 1.5) -> Extraction:
        """Extract ``text``; ``progress(done_chars, total_chars)`` after each batch.

        ``partial``, if given, receives provisional results for the text parsed so
        far (a prefix: every offset is still an offset into ``text``) once
        ``partial_after`` seconds have passed, then each time the parsed part has
        doubled, so a reader of a long report has something to browse while the
        rest is parsed. The rules run on a prefix, so the partial results cost at
        most one extra pass of the rules in all; the final result is built from
        the whole text as usual (actors merge, pronouns resolve across it).
        """
        if partial is None:
            return self.build(text, path, list(parse(self.nlp, text, progress=progress)))
        chunks: list[Chunk] = []
        t0, shown = time.monotonic(), 0
        for chunk in parse(self.nlp, text, progress=progress):
            chunks.append(chunk)
            end = chunk.offset + len(chunk.doc.text)
            if end >= 2 * shown and end < 0.5 * len(text) and time.monotonic() - t0 >= partial_after:
                partial(self.build(text[:end], path, chunks))
                shown = end
        return self.build(text, path, chunks)

    def extract_many(self, docs: Iterable[tuple[str, str]], n_process: int = 1,
                     batch_size: int = 64) -> Iterator[Extraction]:
        """Extract ``(text, path)`` pairs in order through one ``nlp.pipe``.

        Every paragraph of every document goes through a single pipe, so
        ``n_process > 1`` keeps all workers busy; each document's rules run as
        soon as its last paragraph comes back, so memory holds one document's
        parses at a time, not the batch's.
        """
        docs = list(docs)
        pieces = [(i, off, piece) for i, (text, _) in enumerate(docs) for off, piece in split_chunks(text)]
        remaining = [0] * len(docs)
        for i, _, _ in pieces:
            remaining[i] += 1
        parsed = self.nlp.pipe(((piece, (i, off)) for i, off, piece in pieces), as_tuples=True,
                               n_process=n_process, batch_size=batch_size)
        chunks: list[Chunk] = []
        nxt = 0
        for doc, (i, off) in parsed:
            while nxt < i:  # documents with no text at all
                yield self.build(docs[nxt][0], docs[nxt][1], [])
                nxt += 1
            chunks.append(Chunk(off, doc))
            remaining[i] -= 1
            if remaining[i] == 0:
                yield self.build(docs[i][0], docs[i][1], chunks)
                chunks = []
                nxt = i + 1
        while nxt < len(docs):
            yield self.build(docs[nxt][0], docs[nxt][1], [])
            nxt += 1

    def build(self, text: str, path: str, chunks: list[Chunk]) -> Extraction:
        """The rules over an already parsed text (``chunks`` in reading order)."""
        ctx = Context(text, chunks, self.lex)
        actors = ActorIndex(ctx).build()
        cue_verbs = self.lex.position_verbs()
        raw_quotes = find_quotes(text)
        resolver = Resolver(ctx, actors, extra_verbs=cue_verbs,
                            quoted=[(q.open, q.close) for q in raw_quotes]).build()

        atts = QuoteAttributor(ctx, resolver).attribute(raw_quotes)
        qspans = [(q.open, q.close, a.speaker) for q, a in zip(raw_quotes, atts)]
        raw_claims = ClaimFinder(ctx, resolver, qspans, self.nlp).find()

        # Which clusters matter: groups only when they speak or hold a claim.
        used = {k for k in [a.speaker for a in atts] + [c.holder for c in raw_claims] +
                [c.target for c in raw_claims] + [h for c in raw_claims for h in c.holders] if k}
        states = {k for k, cl in actors.clusters.items() if cl.kind == "state"}
        clusters = [cl for cl in actors.clusters.values() if self._keep(cl, used, states)]
        # affiliations must point at kept actors
        kept_keys = {cl.key for cl in clusters}
        for cl in list(actors.clusters.values()):
            if not cl.argument_role and actors.is_outlet(cl):
                continue  # "VOA Correspondent Steve Herman": the reporter's outlet is no party
            if cl.key not in kept_keys and any(o.affiliation == cl.key for o in clusters) and cl.mentions:
                clusters.append(cl)
                kept_keys.add(cl.key)
        clusters.sort(key=lambda cl: (min((s for s, _ in cl.mentions), default=len(text))))
        ids: dict[str, str] = {}
        taken: set[str] = set()
        for cl in clusters:
            base = slug(cl.name)
            aid, n = base, 2
            while aid in taken:
                aid, n = f"{base}-{n}", n + 1
            taken.add(aid)
            ids[cl.key] = aid
        actor_objs = []
        for cl in clusters:
            mentions = tuple(Span(s, e, text[s:e]) for s, e in sorted(cl.mentions))
            aliases = tuple(sorted({m.text for m in mentions} | set(cl.surfaces) | {cl.name} |
                                   set(cl.names), key=lambda a: (a.lower(), a)))
            actor_objs.append(Actor(id=ids[cl.key], name=cl.name, kind=cl.kind, aliases=aliases,
                                    mentions=mentions, affiliation=ids.get(cl.affiliation or ""),
                                    mention_count=len(mentions)))

        quotes = []
        for i, (q, a) in enumerate(zip(raw_quotes, atts), 1):
            quotes.append(Quote(id=f"q{i}", text=text[q.start:q.end], start=q.start, end=q.end,
                                speaker=ids.get(a.speaker or ""), cue=a.cue,
                                sentence_start=min(a.sentence[0], q.open), sentence_end=max(a.sentence[1], q.end),
                                reason=a.reason, how=a.how, confidence=a.confidence))
        claims = []
        for i, c in enumerate(sorted(raw_claims, key=lambda c: c.start), 1):
            s0, s1 = ctx.sentence_span(c.chunk, c.anchor)
            claims.append(Claim(id=f"c{i}", kind=c.kind, holder=ids.get(c.holder or ""),
                                target=ids.get(c.target or "") if c.target != c.holder else None,
                                text=text[c.start:c.end], start=c.start, end=c.end,
                                sentence_start=min(s0, c.start), sentence_end=max(s1, c.end), cue=c.cue,
                                quote=f"q{c.quote_index + 1}" if c.quote_index is not None else None,
                                reason=c.reason, confidence=c.confidence,
                                holders=tuple(dict.fromkeys(ids[h] for h in c.holders if h in ids)),
                                frame=c.frame))
        return Extraction(document=document_info(text, path), extractor_version=EXTRACTOR_VERSION,
                          model=self.model_name, actors=tuple(actor_objs), claims=tuple(claims),
                          quotes=tuple(quotes))

    @staticmethod
    def _keep(cl: Cluster, used: set[str], states: frozenset[str] | set[str] = frozenset()) -> bool:
        if not cl.mentions:
            return False
        if cl.key in used:
            return True
        if cl.is_group:
            # Unnamed groups only when they take part: speak, hold a claim, or are a
            # specific body ("Members of Local 551", "A White House spokesperson").
            # … or a state's own body ("Haiti's political leadership", "the Sudanese government"):
            # a party of the story even when named once
            return cl.relational or (cl.kind == "person" and cl.affiliation is not None) or len(cl.mentions) >= 2 \
                or (cl.kind == "group" and cl.affiliation in states and cl.key.split(":")[1] in STATE_PARTY_HEADS)
        return cl.argument_role or len(cl.mentions) >= 2 and cl.kind == "person"
