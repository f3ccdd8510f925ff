"""Demands and red lines: holders, clause spans, coordination, negative cases."""
import pytest


def claims(ex, kind=None):
    return [c for c in ex.claims if kind is None or c.kind == kind]


def aid(ex, name):
    return next(a.id for a in ex.actors if a.name == name)


def test_coordinated_red_lines_split(run):
    ex = run("Ukrainian officials described their red lines: Kiev will not accept Russian sovereignty over "
             "the occupied lands, or agree to neutrality or agree to reduce the size of its army.")
    reds = claims(ex, "red_line")
    assert [c.text for c in reds] == [
        "Kiev will not accept Russian sovereignty over the occupied lands",
        "or agree to neutrality",
        "or agree to reduce the size of its army",
    ]
    assert {c.holder for c in reds} == {aid(ex, "Ukraine")}


def test_demand_verb_holder_is_subject(run):
    ex = run("Families of American hostages demanded an immediate cease-fire in Gaza, saying time is short.")
    (c,) = claims(ex, "demand")
    assert c.text == "demanded an immediate cease-fire in Gaza"
    holder = ex.actor(c.holder)
    assert holder is not None and "Families" in holder.name


def test_modal_demand_is_held_by_the_reporter(run):
    ex = run("The Russian president Vladimir Putin said that Ukraine would need to stop mobilising troops.")
    (c,) = claims(ex, "demand")
    assert c.text == "Ukraine would need to stop mobilising troops"
    assert c.holder == aid(ex, "Vladimir Putin")
    assert c.target == aid(ex, "Ukraine")


def test_condition_as_long_as(run):
    ex = run("Russia agreed to a limited ceasefire on energy targets, as long as Ukraine does the same.")
    (c,) = claims(ex, "demand")
    assert c.text == "as long as Ukraine does the same"
    assert c.holder == aid(ex, "Russia")


def test_first_person_in_quote_is_the_speaker(run):
    ex = run('Chandni Raina is India\'s negotiator. She said, "I\'m sorry to say we cannot accept it."')
    (c,) = claims(ex, "red_line")
    assert c.text == "we cannot accept it"
    assert c.holder == aid(ex, "Chandni Raina")
    assert c.quote == ex.quotes[0].id


def test_no_claim_for_noun_reports_agreements_offers_accusations_predictions(run):
    for text in [
        "His demand cannot be confirmed independently.",
        "Mr. Trump agreed to the idea of Mr. Putin to hold hockey tournaments.",
        "France and Britain offered to send forces to Ukraine.",
        "Ukrainian officials accused Mr. Putin of playing for time.",
        "The attacks on Ukrainian cities will continue.",
        "Military officials ask whether such force is possible if the United States does not agree to support it.",
        "They may have to stay under Russian control after a settlement.",
    ]:
        assert claims(run(text)) == [], text


def test_list_of_demands(run):
    ex = run("The UAW demands include a 46% wage increase, a 32-hour week, and restoration of pensions.")
    ds = claims(ex, "demand")
    assert len(ds) == 3
    assert ds[0].text.startswith("The UAW demands include")
    assert ds[2].text == "restoration of pensions"


def test_negated_red_line_with_condition(run):
    ex = run("Mr. Trump said he would not enter a new arms control treaty without China signing it, "
             "although Beijing did not express any interest.")
    (c,) = claims(ex, "red_line")
    assert c.text == "he would not enter a new arms control treaty without China signing it"


def test_coordinated_demands_are_separate_claims(run):
    """What one cue asks in coordinated infinitives or coordinated action nouns is several
    demands (the guidelines' "separate claims"), each held by the cue's holder."""
    ex = run("The Security Council called for the rebels to withdraw from the towns they have seized "
             "and to unconditionally end the use of violence.")
    assert [c.text for c in claims(ex, "demand")] == [
        "called for the rebels to withdraw from the towns", "to unconditionally end the use of violence"]
    assert len({c.holder for c in claims(ex, "demand")}) == 1
    ex = run("The Freedonian Workers Union demanded an end to the lockout, and the release of all detained members.")
    assert [c.text for c in claims(ex, "demand")] == [
        "demanded an end to the lockout", "the release of all detained members"]
    ex = run("Ruritania pressed Freedonia to end the blockade and reopen its ports to grain ships.")
    assert [c.text for c in claims(ex, "demand")] == [
        "pressed Freedonia to end the blockade", "reopen its ports to grain ships"]


def test_coordination_inside_one_demand_stays_one_claim(run):
    for sentence, text in [
        ("The Freedonian Workers Union called for peace and stability.", "called for peace and stability"),
        ("The Freedonian Workers Union asked the company to cease and desist.",
         "asked the company to cease and desist"),
        ("The Freedonian Workers Union is demanding greater autonomy or a special status for the north.",
         "is demanding greater autonomy or a special status for the north"),
        ("The Freedonian Workers Union called on the company and the ministry to reopen talks.",
         "called on the company and the ministry to reopen talks"),
    ]:
        ex = run(sentence)
        assert [c.text for c in claims(ex, "demand")] == [text], sentence


def test_a_list_of_to_infinitives_is_a_list_of_demands(run):
    """"to A, to B, and to C": the parser hangs "to B" as ``dep`` and "to C" on it."""
    ex = run("The mediators urged the sides to remain committed to the process, to engage constructively, "
             "and to work steadily towards the completion of the action items.")
    texts = [c.text for c in ex.claims if c.kind == "demand"]
    assert any(t.startswith("to engage constructively") for t in texts), texts
    assert any(t.startswith("to work steadily") for t in texts), texts


def test_a_to_infinitive_coordinated_with_the_cue_continues_its_demand(run):
    """The parser may lose the first infinitive ("to de-escalate" read as adjectives) and hang
    "and to return …" on the cue verb itself."""
    ex = run("The mediators have called on Ruritania and Freedonia many times to de-escalate tensions "
             "and to return to the process of normalisation of relations.")
    texts = [c.text for c in ex.claims if c.kind == "demand"]
    assert any(t.startswith("to return to the process") for t in texts), texts


@pytest.mark.parametrize("text, holder", [
    ("Hundreds of teachers staged a one-day strike in Harare, demanding to be paid in U.S. dollars.", "teachers"),
    ("Thousands of nurses walked out on Monday, demanding a 10 percent pay rise.", "nurses"),
    ("A group of opposition lawmakers said they would not accept the budget.", "opposition lawmakers"),
])
def test_people_counted_hold_the_position_not_the_count(run, text, holder):
    ex = run(text)
    (c,) = ex.claims
    assert ex.actor_name(c.holder) == holder
