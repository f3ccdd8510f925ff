"""extract/sides.py: who speaks for the same side (pure, no model)."""
from extract import DocumentInfo, Extraction
from extract.model import Actor
from extract.sides import side_members, side_root


def actor(aid, name, kind, aff=None, aliases=()):
    return Actor(aid, name, kind, aliases or (name,), (), aff, 1)


EX = Extraction(
    document=DocumentInfo("-", "t", "x", 0), extractor_version="t", model="m",
    actors=(actor("putin", "Vladimir Putin", "person", "russia", ("Putin", "Russian leader")),
            actor("kremlin", "Kremlin", "organization", "russia"),
            actor("russia", "Russia", "state"),
            actor("ukraine", "Ukraine", "state"),
            actor("zelensky", "Volodymyr Zelensky", "person", "ukraine"),
            actor("trump", "Donald Trump", "person", None, ("Trump", "Donald Trump")),
            actor("trump-administration", "Trump administration", "organization"),
            actor("loop-a", "A", "organization", "loop-b"),
            actor("loop-b", "B", "organization", "loop-a")))


def test_a_person_their_organisation_and_their_state_are_one_side():
    assert side_members(EX, "putin") == ("putin", "kremlin", "russia")
    assert side_members(EX, "russia") == ("russia", "putin", "kremlin")
    assert side_members(EX, "zelensky") == ("zelensky", "ukraine")


def test_an_administration_named_after_a_person_is_on_their_side():
    assert side_members(EX, "trump") == ("trump", "trump-administration")


def test_affiliation_loops_end():
    assert side_root(EX, "loop-a") in ("loop-a", "loop-b")
    assert set(side_members(EX, "loop-a")) == {"loop-a", "loop-b"}


def test_unknown_actor_is_its_own_side():
    assert side_members(EX, "nobody") == ("nobody",)
