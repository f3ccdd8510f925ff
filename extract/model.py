"""The plain data model every Parley front end shares.

Frozen dataclasses so results can be cached, hashed and handed between threads
without defensive copies. Every item carries ``start``/``end`` offsets that are
Python ``str`` indices into the original text: ``text[start:end] == item.text``
is the invariant the explorer relies on to show evidence.

``to_dict``/``from_dict`` give the JSON form printed by ``parley extract
--format json``. Field names read by external scorers (actors[].id/name/aliases,
claims[].kind/holder/start/end, quotes[].speaker/start/end) are a contract:
extend, never rename.
"""
from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field, fields
from typing import Any, Literal

ActorKind = Literal["person", "organization", "state", "group"]
ClaimKind = Literal["demand", "red_line"]

SCHEMA_VERSION = 1
# Bump when the rules change what they extract: cached results of other versions are ignored.
EXTRACTOR_VERSION = "0.7.15"


def text_sha256(text: str) -> str:
    """The document's identity (``DocumentInfo.sha256`` and the cache key).

    ``surrogatepass`` because lone surrogates can reach us from decoded input.
    """
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


@dataclass(frozen=True)
class Span:
    """A stretch of the article: ``text == document[start:end]``."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Actor:
    id: str
    name: str
    kind: ActorKind
    aliases: tuple[str, ...]
    mentions: tuple[Span, ...]
    affiliation: str | None = None  # actor id of the state/organisation this one speaks for
    mention_count: int = 0


@dataclass(frozen=True)
class Claim:
    id: str
    kind: ClaimKind
    holder: str | None  # actor id
    target: str | None  # actor id of the side asked to act
    text: str
    start: int
    end: int
    sentence_start: int
    sentence_end: int
    cue: str
    quote: str | None = None  # quote id when the claim stands inside a quote
    reason: str = ""
    confidence: float = 0.5
    # Every party the holder phrase names ("both the Greens and the Liberals"); holder is the first.
    holders: tuple[str, ...] = ()
    frame: str = ""  # the frame family that found it (agentive, negated, modal, threat, noun_frame, ...)


@dataclass(frozen=True)
class Quote:
    id: str
    text: str
    start: int
    end: int
    speaker: str | None  # actor id
    cue: str | None
    sentence_start: int
    sentence_end: int
    reason: str = ""
    how: str = ""  # the attribution stage that decided the speaker (see extract/quotes.py)
    confidence: float = 0.5


@dataclass(frozen=True)
class DocumentInfo:
    path: str
    title: str
    sha256: str
    length: int


@dataclass(frozen=True)
class Extraction:
    document: DocumentInfo
    extractor_version: str
    model: str
    actors: tuple[Actor, ...] = field(default_factory=tuple)
    claims: tuple[Claim, ...] = field(default_factory=tuple)
    quotes: tuple[Quote, ...] = field(default_factory=tuple)

    # --- look-ups the front ends need -------------------------------------
    def actor(self, actor_id: str | None) -> Actor | None:
        for a in self.actors:
            if a.id == actor_id:
                return a
        return None

    def actor_name(self, actor_id: str | None, default: str = "unattributed") -> str:
        a = self.actor(actor_id)
        return a.name if a else default

    @property
    def demands(self) -> tuple[Claim, ...]:
        return tuple(c for c in self.claims if c.kind == "demand")

    @property
    def red_lines(self) -> tuple[Claim, ...]:
        return tuple(c for c in self.claims if c.kind == "red_line")

    # --- JSON -------------------------------------------------------------
    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["schema_version"] = SCHEMA_VERSION
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Extraction":
        def build(klass, data):
            names = {f.name for f in fields(klass)}
            return klass(**{k: v for k, v in data.items() if k in names})

        actors = tuple(
            build(Actor, dict(a, aliases=tuple(a["aliases"]),
                              mentions=tuple(Span(**m) for m in a["mentions"])))
            for a in d["actors"]
        )
        return cls(
            document=build(DocumentInfo, d["document"]),
            extractor_version=d["extractor_version"],
            model=d["model"],
            actors=actors,
            claims=tuple(build(Claim, dict(c, holders=tuple(c.get("holders") or ()))) for c in d["claims"]),
            quotes=tuple(build(Quote, q) for q in d["quotes"]),
        )
