"""Rules kept as data: the word lists under ``extract/data`` loaded once.

Keeping lexicons out of the code lets a reader (or a new domain) change what
counts as a title, a reporting verb or a red-line cue without touching logic.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources


def _lines(name: str) -> list[str]:
    text = resources.files("extract").joinpath("data", name).read_text(encoding="utf-8")
    return [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]


@dataclass(frozen=True)
class StateEntry:
    canonical: str
    aliases: tuple[str, ...]
    demonyms: tuple[str, ...]
    seats: tuple[str, ...]


@dataclass(frozen=True, eq=False)
class Lexicon:
    titles: frozenset[str]
    reporting_verbs: frozenset[str]
    group_nouns: frozenset[str]
    locative_preps: frozenset[str]
    place_nouns: frozenset[str]
    states: tuple[StateEntry, ...]
    cues: dict
    media_words: frozenset[str] = frozenset()  # words of news outlets' names (media_words.txt)

    def state_by_alias(self) -> dict[str, StateEntry]:
        return _alias_index(self)

    def state_by_demonym(self) -> dict[str, StateEntry]:
        return _demonym_index(self)

    def seat_index(self) -> dict[str, StateEntry]:
        return _seat_index(self)

    def position_verbs(self) -> frozenset[str]:
        """Verbs that state a position: demand, urge, refuse, reject … (cues.json)."""
        return _position_verbs(self)

    def claim_verbs(self) -> frozenset[str]:
        """Every verb a claim frame starts from: the position verbs, the negated ones ("will
        not accept") and the threatening ones."""
        return _claim_verbs(self)


@lru_cache(maxsize=None)
def _alias_index(lex: Lexicon) -> dict[str, StateEntry]:
    out: dict[str, StateEntry] = {}
    for st in lex.states:
        for a in (st.canonical, *st.aliases):
            out.setdefault(a.lower().removeprefix("the "), st)
            # names are normalised without a final full stop: "U.S." is looked up as "u.s"
            out.setdefault(a.lower().removeprefix("the ").rstrip("."), st)
    return out


@lru_cache(maxsize=None)
def _demonym_index(lex: Lexicon) -> dict[str, StateEntry]:
    return {d.lower(): st for st in lex.states for d in st.demonyms}


@lru_cache(maxsize=None)
def _seat_index(lex: Lexicon) -> dict[str, StateEntry]:
    return {s.lower(): st for st in lex.states for s in st.seats}


@lru_cache(maxsize=None)
def _position_verbs(lex: Lexicon) -> frozenset[str]:
    return frozenset(lex.cues["demand"]["agentive_verbs"]) | frozenset(lex.cues["red_line"]["verbs"])


@lru_cache(maxsize=None)
def _claim_verbs(lex: Lexicon) -> frozenset[str]:
    return lex.position_verbs() | frozenset(lex.cues["red_line"]["negated_verbs"]) \
        | frozenset(lex.cues["demand"]["threat_verbs"])


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    states = []
    for ln in _lines("states.tsv"):
        cols = (ln.split("\t") + ["", "", "", ""])[:4]
        split = lambda s: tuple(x.strip() for x in s.split("|") if x.strip())  # noqa: E731
        states.append(StateEntry(cols[0].strip(), split(cols[1]), split(cols[2]), split(cols[3])))
    places = _lines("place_nouns.txt")
    cues = json.loads(resources.files("extract").joinpath("data", "cues.json").read_text(encoding="utf-8"))
    return Lexicon(
        titles=frozenset(_lines("titles.txt")),
        reporting_verbs=frozenset(_lines("reporting_verbs.txt")),
        group_nouns=frozenset(_lines("group_nouns.txt")),
        locative_preps=frozenset(p.split(":", 1)[1] for p in places if p.startswith("prep:")),
        place_nouns=frozenset(p.split(":", 1)[1] for p in places if p.startswith("noun:")),
        states=tuple(states),
        cues=cues,
        media_words=frozenset(_lines("media_words.txt")),
    )


@lru_cache(maxsize=1)
def given_name_genders() -> dict[str, str]:
    """Given names that almost always name a man ("m") or a woman ("f") (given_names.txt)."""
    out = {}
    for ln in _lines("given_names.txt"):
        name, _, g = ln.partition("\t")
        out[name.strip()] = g.strip()
    return out
