"""Quotes: every span in marks, tolerant of stray marks, attributed by syntax."""
from extract.quotes import find_quotes


def spans(text):
    return [text[q.start:q.end] for q in find_quotes(text)]


def test_curly_straight_and_single_marks():
    text = 'He said “one.” She said "two." They called it ‘three’ today.'
    assert spans(text) == ["one.", "two.", "three"]


def test_unbalanced_stray_mark_does_not_cost_the_document():
    text = "“First quote,” he said. Then “second quote.” She said the talks will start. “"
    assert spans(text) == ["First quote,", "second quote."]


def test_stray_opening_mark_mid_paragraph_is_dropped():
    text = "An odd “ mark here. Then “a real quote” follows."
    assert spans(text) == ["a real quote"]


def test_apostrophes_are_not_quote_marks():
    text = "‘This isn’t just our fight, it’s everybody’s fight.’ The ball is in Hamas’ court."
    assert spans(text) == ["This isn’t just our fight, it’s everybody’s fight."]


def test_quote_running_over_paragraphs():
    text = "“The first part of a long quote.\n“And the second part,” she said."
    assert spans(text) == ["The first part of a long quote.", "And the second part,"]


def test_attribution_by_subject_and_carry_over(run):
    text = ("“The ball is in Hamas’ court,” Antony Blinken said. “The world is watching to see what it does.”\n"
            "Later, he said the proposal was “very serious.”")
    ex = run(text)
    blinken = next(a for a in ex.actors if a.name == "Antony Blinken")
    assert [q.speaker for q in ex.quotes] == [blinken.id] * 3
    assert ex.quotes[1].reason == "continues the previous quote"


def test_according_to(run):
    ex = run("“We are ready to talk,” according to a statement from the Kremlin.")
    kremlin = next(a for a in ex.actors if a.name == "Kremlin")
    assert ex.quotes[0].speaker == kremlin.id


def test_quotes_come_in_reading_order_without_overlap():
    # ClaimFinder bisects on quote openings; that needs ordered, disjoint quotes.
    text = ("‘Single’ then “double ‘nested’ text,” and \"straight\" then a stray “ mark.\n"
            "“Runs on\n“and ends here,” she said. ‘Last one.’")
    qs = find_quotes(text)
    assert len(qs) == 7
    for a, b in zip(qs, qs[1:]):
        assert a.close < b.open


def test_a_title_case_headline_quote_goes_to_the_first_person_named(run):
    # no verb in the headline: the headline stage names the first person
    ex = run("Glenn Beck On Senator Adler And Her ‘Reckless’ Budget Plan\n\n"
             "Glenn Beck criticised the plan on Tuesday.")
    (q,) = ex.quotes
    assert ex.actor_name(q.speaker) == "Glenn Beck" and q.how == "headline", (ex.actor_name(q.speaker), q.how)
    # with a verb, the headline parsed in sentence case has its subject (truecase)
    ex = run("Glenn Beck Blasts Senator Adler Over Her ‘Reckless’ Budget Plan\n\n"
             "Glenn Beck criticised the plan on Tuesday.")
    (q,) = ex.quotes
    assert ex.actor_name(q.speaker) == "Glenn Beck" and q.how == "tag", (ex.actor_name(q.speaker), q.how)


def test_a_tag_right_after_the_quote_wins(run):
    ex = run("Democrats are alleging tampering, but Moscow strongly denies it — “why wouldn’t you want to "
             "raise the potential?” asked Anita Dunn, a Democratic strategist.")
    (q,) = ex.quotes
    assert ex.actor_name(q.speaker) == "Anita Dunn", (ex.actor_name(q.speaker), q.reason)


def test_a_straight_opening_mark_followed_by_a_space_after_a_sentence():
    text = '"They want the land," he said. " In the totality, they want control." Then he left.'
    assert spans(text) == ["They want the land,", "In the totality, they want control."]
    text = 'He said "one. " Then two "three."'
    assert spans(text) == ["one.", "three."]


def test_a_standalone_quote_after_another_partys_sentence_is_theirs(run):
    """Continuation's commonest error on PolNeAR train: a quote standing as its own sentence
    right after a sentence whose subject is a different party."""
    ex = run("\"It is time for low-wage workers to organize,\" Senator Tomas Abara said.\n\n"
             "Governor Maria Keller touted her record as a co-sponsor of the bill. \"We need to find ways "
             "to support workers who want a union.\"")
    first, second = ex.quotes
    assert ex.actor_name(first.speaker) == "Tomas Abara"
    assert ex.actor_name(second.speaker) == "Maria Keller"


def test_a_statement_printed_as_quoted_paragraphs_is_its_issuers(run):
    ex = run("UK Statement on the Situation in Freedonia\n"
             "The UK remains deeply concerned by the situation in Freedonia.\n"
             "“The UK is deeply concerned by the violence in the capital after the resignation of the president.\n"
             "“We call on the military to launch an urgent process of consultation with civil society.”")
    assert [ex.actor_name(q.speaker) for q in ex.quotes] == ["United Kingdom", "United Kingdom"]
    assert ex.quotes[0].how == "issuer"
    (c,) = [c for c in ex.claims if c.kind == "demand" and "call on the military" in c.text]
    assert ex.actor_name(c.holder) == "United Kingdom"


def test_a_scare_quote_in_a_statement_stays_without_speaker(run):
    ex = run("UK Statement on the Situation in Freedonia\n"
             "The government called the protesters “coup-mongers” on Monday.")
    (q,) = ex.quotes
    assert q.speaker is None or ex.actor_name(q.speaker) != "United Kingdom"
