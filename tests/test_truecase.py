"""A Title Case headline is parsed in sentence case, with the article's own spelling."""
import pytest

from extract.nlp import split_chunks
from extract.truecase import sentence_case

BODY = ("\nHundreds of teachers staged a strike in Zimbabwe on Friday, demanding to be paid in U.S. "
        "dollars. The government said it had no dollars to pay them.")


def test_words_the_body_writes_in_lower_case_lose_their_capital():
    line = "Zimbabwe’s Teachers Demand Payment in US Dollars"
    out = sentence_case(line, BODY, frozenset({"demand"}))
    assert len(out) == len(line) and out.lower() == line.lower()
    assert out.startswith("Zimbabwe’s teachers demand ")
    assert " US dollars" in out  # capitals stay capitals


def test_a_word_the_body_capitalises_or_never_uses_keeps_its_capital():
    line = "Opposition Leader Besigye Urges Inquiry Into Election"
    body = "\nThe opposition leader, who lost the election, said an inquiry was needed. Critics back Besigye."
    out = sentence_case(line, body, frozenset({"urge"}))
    assert out == "Opposition leader Besigye urges inquiry into election"
    assert sentence_case("Talks With Kiribati Resume", "\nThe talks resumed.", frozenset()) \
        == "Talks with Kiribati resume"  # a name the body never uses is kept


@pytest.mark.parametrize("line", ["EU calls for halt to hostilities in Libya", "TALKS COLLAPSE IN GENEVA", "Brief"])
def test_a_line_that_is_not_title_case_is_left_alone(line):
    assert sentence_case(line, BODY, frozenset({"call"})) == line


def test_only_the_first_line_is_rewritten_and_offsets_hold():
    text = "Nurses Reject Government Pay Offer\nThe nurses said the government would not improve its pay offer."
    chunks = split_chunks(text)
    assert chunks[0] == (0, "Nurses reject government pay offer")
    assert chunks[1] == (35, text[35:])


def test_a_headline_position_gets_its_holder(run):
    ex = run("Zimbabwe’s Teachers Demand Payment in US Dollars\n" + BODY)
    head = [c for c in ex.claims if c.start < 48]
    assert [(c.kind, c.text) for c in head] == [("demand", "Demand Payment in US Dollars")]
    assert "teachers" in ex.actor_name(head[0].holder)
    # and the body's "Hundreds of teachers … demanding" is the teachers' too
    body = [c for c in ex.claims if c.start > 48]
    assert [ex.actor_name(c.holder) for c in body] == [ex.actor_name(head[0].holder)]


def test_a_headline_group_is_no_antecedent_for_the_body(run):
    ex = run("Club Leadership Announces Dissolution Of The Group\n\nAccording to The Guardian, an email "
             "was sent to the members. The email said, \"We are going to wind down the organization.\"")
    (q,) = ex.quotes
    assert "Leadership" not in (ex.actor_name(q.speaker) or "")
