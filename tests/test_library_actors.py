"""Library actors: the within-article merging rules applied across articles, then corrections."""
from __future__ import annotations

from extract.library.actors import Node, cluster, find_party, fold
from extract.library.positions import group_positions, mark_dropped, same_position


def node(article: str, name: str, kind: str = "person", aliases: tuple[str, ...] = (), path: str | None = None):
    return Node(article=article, actor=name.lower().replace(" ", "-"), name=name, kind=kind,
                aliases=aliases or (name,), path=path or f"/news/{article}.txt", weight=1)


def groups(parties) -> set[frozenset[str]]:
    return {frozenset(f"{n.article}:{n.name}" for n in p.nodes) for p in parties}


def together(parties, *keys: str) -> bool:
    return any(set(keys) <= g for g in groups(parties))


def test_spelling_variants_merge():
    nodes = [node("a", "Volodymyr Zelensky"), node("b", "Volodymyr Zelenskyy"), node("c", "Zelinski"),
             node("d", "Volodymyr Zelenskiy")]
    parties = cluster(nodes)
    assert len(parties) == 1
    assert parties[0].id == "volodymyr-zelensky"
    assert fold("Zelenskyy") == fold("Zelensky") == "zelenski"


def test_bare_surname_joins_the_one_person_with_it():
    parties = cluster([node("a", "Vladimir Putin"), node("b", "Putin"), node("c", "Dmitry Peskov")])
    assert together(parties, "a:Vladimir Putin", "b:Putin")
    assert not together(parties, "b:Putin", "c:Dmitry Peskov")
    # two people share the surname: the bare one joins neither
    parties = cluster([node("a", "Joe Biden"), node("b", "Hunter Biden"), node("c", "Biden")])
    assert len(parties) == 3


def test_different_first_names_stay_apart():
    parties = cluster([node("a", "Raul Castro"), node("b", "Fidel Castro")])
    assert len(parties) == 2


def test_administration_kept_apart_and_person_never_with_organisation():
    parties = cluster([node("a", "Donald Trump"), node("b", "Trump administration", "organization"),
                       node("c", "Trump administration", "organization"), node("d", "Trump", "organization")])
    assert together(parties, "b:Trump administration", "c:Trump administration")
    assert not together(parties, "a:Donald Trump", "b:Trump administration")
    assert not together(parties, "b:Trump administration", "d:Trump")


def test_states_by_gazetteer_name_never_by_spelling():
    parties = cluster([node("a", "Austria", "state"), node("b", "Australia", "state"), node("c", "Austria", "state")])
    assert together(parties, "a:Austria", "c:Austria")
    assert not together(parties, "a:Austria", "b:Australia")


def test_organisation_aliases_and_variants():
    parties = cluster([node("a", "European Union", "organization", ("EU", "European Union")),
                       node("b", "EU", "organization"), node("c", "Kremlin", "organization"),
                       node("d", "Karmlin", "organization")])
    assert together(parties, "a:European Union", "b:EU")
    assert together(parties, "c:Kremlin", "d:Karmlin")


def test_descriptions_do_not_merge_across_articles():
    parties = cluster([node("a", "government", "group"), node("b", "government", "group"),
                       node("c", "Democrats", "group"), node("d", "Democrats", "group")])
    assert not together(parties, "a:government", "b:government")
    assert together(parties, "c:Democrats", "d:Democrats")


def test_corrections_merge_then_split():
    nodes = [node("a", "Maria Santos"), node("b", "Maria Santos"), node("c", "Maria Santos"),
             node("a", "Acme Steel", "organization"), node("b", "John Barrow")]
    corrections = [(1, "merge", "John Barrow", "Acme Steel", None, None, 0.0),
                   (2, "split", "Maria Santos", None, "/news/b.txt", "zzz", 0.0)]
    parties = cluster(nodes, corrections)
    assert together(parties, "b:John Barrow", "a:Acme Steel")
    assert together(parties, "a:Maria Santos", "c:Maria Santos")
    assert not together(parties, "a:Maria Santos", "b:Maria Santos")
    ids = sorted(p.id for p in find_party(parties, "Maria Santos"))
    assert ids == ["maria-santos", "maria-santos-2"]
    # the split article found by content hash when its path changed
    moved = [n if n.article != "b" else Node("b", n.actor, n.name, n.kind, n.aliases, "/elsewhere.txt", 1)
             for n in nodes]
    corrections[1] = (2, "split", "Maria Santos", None, "/news/b.txt", "b", 0.0)
    assert not together(cluster(moved, corrections), "a:Maria Santos", "b:Maria Santos")
    # a correction whose names no longer match anything is ignored, not an error
    assert len(cluster(nodes, [(3, "merge", "Nobody", "Acme Steel", None, None, 0.0)])) == 3


def claim(article: str, date: str | None, text: str, kind: str = "demand") -> dict:
    return {"article": article, "date": date, "text": text, "kind": kind}


def test_positions_grouped_and_dropped():
    claims = [claim("a", "2021-03-01", "demanded a ten percent pay rise for all of the members"),
              claim("b", "2021-03-05", "again demanded a ten percent pay rise for all members"),
              claim("b", "2021-03-05", "refused to reopen the plant", "red_line"),
              claim("c", "2021-03-09", "demanded that the company reopen the plant in Dayton")]
    positions = group_positions(claims)
    assert [len(p.occurrences) for p in positions] == [2, 1, 1]
    assert positions[0].first_seen == "2021-03-01" and positions[0].last_seen == "2021-03-05"
    mark_dropped(positions, ["2021-03-01", "2021-03-05", "2021-03-09"])
    assert [p.status for p in positions] == ["possibly dropped", "possibly dropped", ""]
    # one date only, or no full dates: nothing can be said to be dropped
    for dates in (["2021-03-01"], [None, None], ["--03-01", "--03-05"]):
        one = group_positions(claims[:1])
        mark_dropped(one, dates)
        assert one[0].status == ""


def test_same_position_needs_more_than_a_word():
    assert not same_position("talks", "talks on the debt ceiling")
    assert not same_position("refused to pay", "refused to talk")
    assert same_position("the sanctions must be lifted first", "The sanctions must be lifted first.")
    assert not same_position("we couldn't do that", "we couldn't give up all the sanctions for that")


def test_corrections_that_no_longer_apply_are_reported():
    nodes = [node("a", "Maria Santos"), node("b", "Acme Steel", "organization")]
    skipped: list = []
    cluster(nodes, [(1, "merge", "Nobody", "Acme Steel", None, None, 0.0),
                    (2, "merge", "Maria Santos", "Acme Steel", None, None, 0.0)], skipped)
    assert [c[0] for c in skipped] == [1]


def test_find_party_by_surname_and_spelling():
    parties = cluster([node("a", "Volodymyr Zelenskyy"), node("b", "Vladimir Putin"),
                       node("c", "Joe Biden"), node("d", "Hunter Biden")])
    assert [p.name for p in find_party(parties, "Zelensky")] == ["Volodymyr Zelenskyy"]
    assert [p.name for p in find_party(parties, "zelenskyy")] == ["Volodymyr Zelenskyy"]
    assert [p.name for p in find_party(parties, "  vladimir   PUTIN ")] == ["Vladimir Putin"]
    assert len(find_party(parties, "Biden")) == 2  # ambiguous: the caller asks for an id
    assert find_party(parties, "Nobody") == []


def test_month_day_dates_do_not_beat_full_dates():
    ps = group_positions([claim("a", "--03-18", "demanded a pay rise for the members"),
                          claim("b", "2022-03-20", "demanded a pay rise for the members")])
    assert (ps[0].first_seen, ps[0].last_seen) == ("2022-03-20", "2022-03-20")
