"""Library actors: the per-article actors of every article merged into one party each.

The rules are the ones ``extract/actors.py`` applies within one article, applied
to actor names across articles:

- states are already canonical (the gazetteer maps Moscow, Russian Federation,
  the Kremlin's state to "Russia"), so equal names are one state, and two
  gazetteer states never merge by spelling;
- names are compared with titles and determiners stripped ("President Putin",
  "the Kremlin");
- a bare surname joins the one multi-word person with that surname; when two
  people share it, it joins neither;
- spelling variants merge by rapidfuzz ratio ≥ 84 with the same first letter,
  names of at least 5 letters, and compatible first names (Zelensky, Zelenskyy,
  Zelenskiy, and Zelinski once y/i and doubled letters are folded);
- a person never merges with a non-person, and "X administration" (or
  government, cabinet, campaign, delegation) never merges with X;
- unnamed groups ("the families") merge only with the same name, and a
  description in lower case ("government", "foreign ministry spokesman") never
  merges across articles: each article's is its own party until the user merges.

Then the user's corrections are applied in the order they were made: ``merge A
B`` joins the parties named A and B, ``split ACTOR ARTICLE`` takes the article's
actors out of ACTOR into a party of their own. Corrections name parties and
articles (by path and content hash), never row ids, so they hold across
re-extraction and re-import.
"""
from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz import fuzz

from ..actors import ORG_SUFFIX, normalise
from ..lexicon import load_lexicon
from .store import Library

SIMILAR = 84  # the within-article threshold (extract/actors.py)
_DOUBLED = re.compile(r"(.)\1+")


def slug(name: str) -> str:
    """As ``extract.pipeline.slug`` (not imported: that module imports spaCy)."""
    s = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
    return s or "actor"


@dataclass(frozen=True)
class Node:
    """One per-article actor."""

    article: str
    actor: str
    name: str
    kind: str
    aliases: tuple[str, ...]
    path: str
    weight: int  # mentions


@dataclass
class Party:
    nodes: list[Node] = field(default_factory=list)
    id: str = ""

    @property
    def name(self) -> str:
        counts = Counter()
        for n in self.nodes:
            counts[n.name] += max(n.weight, 1)
        # fullest form first (most words), then most mentioned
        return max(counts.items(), key=lambda kv: (len(kv[0].split()), kv[1], -len(kv[0]), kv[0]))[0]

    @property
    def kind(self) -> str:
        return Counter(n.kind for n in self.nodes).most_common(1)[0][0]

    @property
    def aliases(self) -> list[str]:
        return sorted({a for n in self.nodes for a in (n.name, *n.aliases)}, key=lambda a: (a.lower(), a))

    @property
    def articles(self) -> set[str]:
        return {n.article for n in self.nodes}


@lru_cache(maxsize=65536)
def fold(name: str) -> str:
    """Lower case, accents removed, y→i and doubled letters single: for spelling comparison only."""
    s = unicodedata.normalize("NFKD", name.lower())
    s = "".join(ch for ch in s if not unicodedata.combining(ch)).replace("y", "i")
    return _DOUBLED.sub(r"\1", s)


def _similar(a: str, b: str) -> bool:
    if min(len(a), len(b)) < 5 or a[0] != b[0]:
        return False
    if a == b or fuzz.ratio(a, b, score_cutoff=SIMILAR):
        return True
    # then with y/i and doubled letters folded (Zelinski / Zelenskyy)
    return fuzz.ratio(fold(a), fold(b), score_cutoff=SIMILAR) > 0


def _first_ok(a: str, b: str) -> bool:
    a, b = a.rstrip("."), b.rstrip(".")
    if a == b or (len(a) == 1 and b.startswith(a)) or (len(b) == 1 and a.startswith(b)):
        return True
    return fuzz.ratio(a, b) >= 70


def _suffixed(norm: str) -> bool:
    return norm.split()[-1] in ORG_SUFFIX if norm else False


class _UF:
    def __init__(self, n: int):
        self.p = list(range(n))

    def find(self, i: int) -> int:
        while self.p[i] != i:
            self.p[i] = self.p[self.p[i]]
            i = self.p[i]
        return i

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.p[max(ra, rb)] = min(ra, rb)


def cluster(nodes: list[Node], corrections: list[tuple] = (), skipped: list | None = None) -> list[Party]:
    """Group per-article actors into parties (the rules above, then the corrections)."""
    titles = load_lexicon().titles
    # Distinct names first: the pairwise rules run over names, not over every article's actor.
    keys: dict[tuple[str, str], int] = {}
    key_of: list[int] = []
    for n in nodes:
        norm = (normalise(n.name, titles) or n.name).lower()
        cls = "person" if n.kind == "person" else "group" if n.kind == "group" else \
            "state" if n.kind == "state" else "other"
        # A description rather than a name ("government", "foreign ministry spokesman") names
        # a different party in each article: it never merges across articles by itself.
        k = (cls, norm, "" if any(ch.isupper() for ch in n.name) else n.article)
        key_of.append(keys.setdefault(k, len(keys)))
    klist = list(keys)
    uf = _UF(len(klist))
    aliases: dict[int, set[str]] = {}
    for n, ki in zip(nodes, key_of):
        aliases.setdefault(ki, set()).update((normalise(a, titles) or a).lower() for a in n.aliases)

    persons = [i for i, (cls, _, own) in enumerate(klist) if cls == "person" and not own]
    multi = [i for i in persons if len(klist[i][1].split()) > 1]
    # Pairs are compared only within blocks of the same first letter (every rule below asks
    # for it), and aliases through an index, so a library of thousands of names stays fast.
    # 1. multi-word persons: similar surnames, compatible first names
    by_surname: dict[str, list[int]] = {}
    for i in multi:
        by_surname.setdefault(klist[i][1].split()[-1][:1], []).append(i)
    for block in by_surname.values():
        for x, i in enumerate(block):
            wi = klist[i][1].split()
            for j in block[x + 1:]:
                wj = klist[j][1].split()
                if (wi[-1] == wj[-1] or _similar(wi[-1], wj[-1])) and _first_ok(wi[0], wj[0]):
                    uf.union(i, j)
    # 2. then a bare surname joins the one multi-word person with that surname
    for i in persons:
        body = klist[i][1]
        if len(body.split()) != 1:
            continue
        hits = {uf.find(j) for j in by_surname.get(body[:1], ()) if klist[j][1].split()[-1] == body or
                _similar(klist[j][1].split()[-1], body)}
        if len(hits) == 1:
            uf.union(i, hits.pop())
    # 3. non-persons: equal names across organisation/state labels, spelling variants and aliases;
    #    never two states, never "X administration" with X
    others = [i for i, (cls, _, own) in enumerate(klist) if cls in ("other", "state") and not own]

    def compatible(i: int, j: int) -> bool:
        if klist[i][0] == "state" and klist[j][0] == "state" and klist[i][1] != klist[j][1]:
            return False
        return _suffixed(klist[i][1]) == _suffixed(klist[j][1])

    by_name: dict[str, list[int]] = {}
    for i in others:
        by_name.setdefault(klist[i][1], []).append(i)
    for same in by_name.values():
        for j in same[1:]:
            uf.union(same[0], j)
    singles: dict[str, list[int]] = {}
    for name, same in by_name.items():
        if len(name.split()) == 1:
            singles.setdefault(name[:1], []).append(same[0])
    for block in singles.values():
        for x, i in enumerate(block):
            for j in block[x + 1:]:
                if compatible(i, j) and _similar(klist[i][1], klist[j][1]):
                    uf.union(i, j)
    for i in others:  # a name that is another's alias ("EU" seen as "European Union (EU)")
        for alias in aliases.get(i, ()):
            for j in by_name.get(alias, ()):
                if j != i and compatible(i, j):
                    uf.union(i, j)

    groups: dict[int, Party] = {}
    for n, ki in zip(nodes, key_of):
        groups.setdefault(uf.find(ki), Party()).nodes.append(n)
    parties = list(groups.values())
    for corr in corrections:
        applied = apply_correction(parties, corr)
        if applied is parties and skipped is not None:
            skipped.append(corr)  # its names no longer pick one party each
        parties = applied
    assign_ids(parties)
    return parties


def find_party(parties: list[Party], name: str) -> list[Party]:
    """Parties called ``name``: by id, then by name, then by alias (case-insensitive), then a
    person by surname ("Zelensky"), then by spelling ("Zelenskyy", folded as for merging)."""
    low = " ".join(name.split()).lower()
    for test in (lambda p: p.id == low,
                 lambda p: p.name.lower() == low,
                 lambda p: any(n.name.lower() == low for n in p.nodes),
                 lambda p: any(a.lower() == low for a in p.aliases),
                 lambda p: p.kind == "person" and any(n.name.lower().split()[-1:] == [low] for n in p.nodes),
                 lambda p: any(fold(a.lower()) == fold(low) or
                               (p.kind == "person" and fold(a.lower().split()[-1]) == fold(low))
                               for a in p.aliases if a.strip())):
        hits = [p for p in parties if test(p)]
        if hits:
            return hits
    return []


def apply_correction(parties: list[Party], corr: tuple) -> list[Party]:
    """The parties after one correction; the same list object when it does not apply."""
    _id, kind, actor, other, path, sha, _created = corr
    if kind == "merge":
        a, b = find_party(parties, actor), find_party(parties, other or "")
        if len(a) != 1 or len(b) != 1 or a[0] is b[0]:
            return parties  # the names no longer pick one party each: nothing to do
        a[0].nodes.extend(b[0].nodes)
        return [p for p in parties if p is not b[0]]
    if kind == "split":
        for p in find_party(parties, actor):
            inside = [n for n in p.nodes if n.article == sha or n.path == path]
            if inside and len(inside) < len(p.nodes):
                p.nodes = [n for n in p.nodes if n not in inside]
                return parties + [Party(nodes=inside)]
    return parties


def assign_ids(parties: list[Party]) -> None:
    """Ids from names, the party seen in most articles taking the plain slug."""
    taken: set[str] = set()
    for p in sorted(parties, key=lambda p: (-len(p.articles), -sum(n.weight for n in p.nodes), p.name)):
        base = slug(p.name)
        pid, k = base, 2
        while pid in taken:
            pid, k = f"{base}-{k}", k + 1
        taken.add(pid)
        p.id = pid


def load_nodes(lib: Library) -> list[Node]:
    return [Node(article=r[0], actor=r[1], name=r[2], kind=r[3], aliases=tuple(json.loads(r[4])),
                 path=r[6], weight=r[5] or 0) for r in lib.actors_rows()]


def relink(lib: Library) -> list[Party]:
    """Rebuild library_actors and actor_links from the articles and the corrections (one transaction)."""
    with lib.transaction() as c:
        parties = cluster(load_nodes(lib), lib.corrections())
        c.execute("DELETE FROM actor_links")
        c.execute("DELETE FROM library_actors")
        c.executemany("INSERT INTO library_actors VALUES (?,?,?,?)",
                      [(p.id, p.name, p.kind, json.dumps(p.aliases, ensure_ascii=False)) for p in parties])
        c.executemany("INSERT INTO actor_links VALUES (?,?,?)",
                      [(n.article, n.actor, p.id) for p in parties for n in p.nodes])
        c.execute("INSERT OR REPLACE INTO meta VALUES ('links', 'fresh')")
    return parties


class StoredParty(Party):
    """A party as ``relink`` stored it: id, name, kind and aliases read back, not recomputed.

    ``nodes`` holds one stand-in per distinct actor name (all ``find_party`` looks at);
    ``articles`` is read from the links when asked for.
    """

    def __init__(self, lib: Library, id: str, name: str, kind: str, aliases: list[str], names: list[str]):
        super().__init__(nodes=[Node(article="", actor="", name=n, kind=kind, aliases=(), path="", weight=0)
                                for n in names], id=id)
        self._lib, self._name, self._kind, self._aliases = lib, name, kind, aliases
        self._articles: set[str] | None = None

    name = property(lambda self: self._name)
    kind = property(lambda self: self._kind)
    aliases = property(lambda self: self._aliases)

    @property
    def articles(self) -> set[str]:
        if self._articles is None:
            self._articles = {r[0] for r in self._lib.conn.execute(
                "SELECT DISTINCT article FROM actor_links WHERE library_actor=?", (self.id,))}
        return self._articles


def stored_parties(lib: Library) -> list[StoredParty]:
    """The parties of the last ``relink``, in its order (what ``cluster`` gives while the links are
    fresh, without clustering every actor of the library again): for read-only queries."""
    ensure_links(lib)
    names: dict[str, list[str]] = {}
    for pid, name in lib.conn.execute("SELECT DISTINCT l.library_actor, a.name FROM actor_links l "
                                      "JOIN actors a ON a.article = l.article AND a.id = l.actor"):
        names.setdefault(pid, []).append(name)
    return [StoredParty(lib, r[0], r[1], r[2], json.loads(r[3]), names.get(r[0], []))
            for r in lib.conn.execute("SELECT id, name, kind, aliases FROM library_actors ORDER BY rowid")]


def find_stored_party(lib: Library, name: str) -> list[StoredParty]:
    """``find_party(stored_parties(lib), name)`` without building every party: its tests in its
    order, each reading only what it needs (the library actors' ids and names first; actor
    names, and the parties they are linked to, only when those do not answer). A query names
    one party, and the parties of a library of thousands of articles are thousands."""
    ensure_links(lib)
    low = " ".join(name.split()).lower()
    conn = lib.conn
    rows = conn.execute("SELECT id, name, kind, aliases FROM library_actors ORDER BY rowid").fetchall()
    distinct: list[str] = []  # every linked actor name, read at most once

    def names_where(test) -> set[str]:
        """The library actors linked to an actor whose name passes ``test``."""
        if not distinct:
            distinct.extend(r[0] for r in conn.execute(
                "SELECT DISTINCT a.name FROM actors a JOIN actor_links l ON l.article = a.article "
                "AND l.actor = a.id"))
        hit = [n for n in distinct if test(n)]
        if not hit:
            return set()
        return {r[0] for r in conn.execute(
            "SELECT DISTINCT l.library_actor FROM actors a JOIN actor_links l ON l.article = a.article "
            "AND l.actor = a.id WHERE a.name IN (SELECT value FROM json_each(?))", (json.dumps(hit),))}

    aliases: dict[str, list[str]] = {}

    def aliases_of(r) -> list[str]:
        if r[0] not in aliases:
            aliases[r[0]] = json.loads(r[3])
        return aliases[r[0]]

    folded = fold(low)
    tests = (lambda: [r for r in rows if r[0] == low],
             lambda: [r for r in rows if r[1].lower() == low],
             lambda: (lambda ids: [r for r in rows if r[0] in ids])(names_where(lambda n: n.lower() == low)),
             lambda: [r for r in rows if any(a.lower() == low for a in aliases_of(r))],
             lambda: (lambda ids: [r for r in rows if r[2] == "person" and r[0] in ids])(
                 names_where(lambda n: n.lower().split()[-1:] == [low])),
             lambda: [r for r in rows if any(fold(a.lower()) == folded or
                                             (r[2] == "person" and fold(a.lower().split()[-1]) == folded)
                                             for a in aliases_of(r) if a.strip())])
    for test in tests:
        hits = test()
        if hits:
            return [StoredParty(lib, r[0], r[1], r[2], aliases_of(r), [x[0] for x in conn.execute(
                "SELECT DISTINCT a.name FROM actor_links l JOIN actors a ON a.article = l.article "
                "AND a.id = l.actor WHERE l.library_actor = ?", (r[0],))]) for r in hits]
    return []


def ensure_links(lib: Library) -> None:
    if lib.links_stale() and not lib.readonly:
        relink(lib)


def library_parties(lib: Library) -> list[dict]:
    """Every library actor with its article count, most seen first."""
    ensure_links(lib)
    rows = lib.conn.execute(
        "SELECT la.id, la.name, la.kind, la.aliases, count(DISTINCT l.article), sum(a.mention_count) "
        "FROM library_actors la JOIN actor_links l ON l.library_actor = la.id "
        "JOIN actors a ON a.article = l.article AND a.id = l.actor GROUP BY la.id").fetchall()
    out = [dict(id=r[0], name=r[1], kind=r[2], aliases=json.loads(r[3]), articles=r[4], mentions=r[5] or 0)
           for r in rows]
    return sorted(out, key=lambda d: (-d["articles"], -d["mentions"], d["name"].lower()))
