"""eval/polnear.py: brat parsing, the gold quote scanner and speaker matching.

Tiny invented texts only; nothing here needs the PolNeAR corpus or spaCy.
"""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from extract.model import Actor, Span

_PATH = Path(__file__).resolve().parent.parent / "eval" / "polnear.py"
_spec = importlib.util.spec_from_file_location("polnear_tool", _PATH)
pn = importlib.util.module_from_spec(_spec)
sys.modules["polnear_tool"] = pn
_spec.loader.exec_module(pn)


def ann_line(tid: str, kind: str, frags, text: str) -> str:
    offs = ";".join(f"{a} {b}" for a, b in frags)
    return f"{tid}\t{kind} {offs}\t" + " ".join(text[a:b] for a, b in frags)


def span(text: str, needle: str, nth: int = 0) -> tuple[int, int]:
    i = -1
    for _ in range(nth + 1):
        i = text.index(needle, i + 1)
    return i, i + len(needle)


TEXT = ("Tax plan stalls.\n\n"
        "Senator Ann Vale said the bill was “dead on arrival” and would not pass.\n\n"
        "“We will keep fighting,” the mayor’s office said.")


def make_ann() -> str:
    src1, cue1, con1 = span(TEXT, "Senator Ann Vale"), span(TEXT, "said"), span(TEXT, "the bill was “dead on arrival”")
    src2, cue2 = span(TEXT, "the mayor’s office"), span(TEXT, "said", 1)
    con2a, con2b = span(TEXT, "We will keep"), span(TEXT, "fighting,")
    return "\n".join([
        ann_line("T1", "Source", [src1], TEXT),
        ann_line("T2", "Cue", [cue1], TEXT),
        ann_line("T3", "Content", [con1], TEXT),
        ann_line("T4", "Attribution", [cue1], TEXT),
        "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1",
        ann_line("T5", "Source", [src2], TEXT),
        ann_line("T6", "Cue", [cue2], TEXT),
        ann_line("T7", "Content", [con2a, con2b], TEXT),  # discontinuous
        ann_line("T8", "Attribution", [cue2], TEXT),
        "E2\tAttribution:T8 Source:T5 Cue:T6 Content:T7",
        ann_line("T9", "Discard", [span(TEXT, "Tax plan stalls.")], TEXT),
        "",
    ])


def test_parse_brat_events_and_discontinuous_spans():
    doc = pn.parse_brat(make_ann())
    assert [a.id for a in doc.attributions] == ["E1", "E2"]
    e1, e2 = doc.attributions
    assert e1.source.text == "Senator Ann Vale" and e1.cue.text == "said"
    assert len(e2.contents) == 1 and len(e2.contents[0].frags) == 2
    assert e2.contents[0].text == "We will keep fighting,"
    assert doc.textbounds["T9"].type == "Discard" and not doc.problems
    assert pn.check_offsets(TEXT, doc) == (9, 0, "chars")


def test_parse_brat_span_text_with_line_breaks():
    text = "Intro.\n\nShe said\n\nit was over."
    a, b = span(text, "Intro.\n\nShe")
    ann = f"T1\tContent {a} {b}\tIntro.\n\nShe\nT2\tSource 0 6\tIntro.\n"
    doc = pn.parse_brat(ann)
    assert doc.textbounds["T1"].text == "Intro.\n\nShe"
    assert doc.textbounds["T2"].frags == ((0, 6),)
    assert pn.check_offsets(text, doc)[1] == 0


def test_offset_check_counts_mismatches_and_detects_byte_offsets():
    text = "Café owner Zoë Ray said “no.”"
    a, b = span(text, "Zoë Ray")
    good = pn.parse_brat(f"T1\tSource {a} {b}\tZoë Ray\n")
    assert pn.check_offsets(text, good) == (1, 0, "chars")
    ba = len(text[:a].encode()); bb = len(text[:b].encode())
    as_bytes = pn.parse_brat(f"T1\tSource {ba} {bb}\tZoë Ray\n")
    assert pn.check_offsets(text, as_bytes) == (1, 0, "utf8-bytes")
    assert as_bytes.textbounds["T1"].frags == ((a, b),)  # rewritten to characters
    wrong = pn.parse_brat("T1\tSource 0 4\tnope\n")
    assert pn.check_offsets(text, wrong)[1] == 1


def test_gold_quotes_inside_attributed_content_only():
    text = TEXT + "\n\nFans call it the “Vale rule” online."
    doc = pn.parse_brat(make_ann())
    gold = pn.gold_quotes(text, doc)
    assert [text[g.start:g.end] for g in gold] == ["dead on arrival", "We will keep fighting,"]
    assert [g.att.id for g in gold] == ["E1", "E2"]
    scare = span(text, "Vale rule")
    assert not pn.inside_content(*scare, doc)


@pytest.mark.parametrize("text, expected", [
    ('He said "we won" and left.', [("we won", "straight")]),
    ("''It is over,'' Mr. Ray said.", [("It is over,", "doubled-apostrophe")]),
    ("''I said, 'No way,''' she recalled.", [("I said, 'No way,'", "doubled-apostrophe")]),
    ("Ray: Deal Is ‘Dead on Arrival’ in the House.", [("Dead on Arrival", "single")]),
    ("The voters’ concerns and O’Malley’s plan don’t matter.", []),
    ("“First paragraph of a long quote.\n\n“Second one,” she said.",
     [("First paragraph of a long quote.", "curly"), ("Second one,", "curly")]),
    ("A stray “ mark here.\n\nNothing follows.", []),
])
def test_quoted_span_scanner(text, expected):
    got = [(text[q.start:q.end], q.style) for q in pn.find_quoted_spans(text)]
    assert got == expected


def test_source_names_and_categories():
    text = ("Budget Talks Collapse.\n\nOfficials said the deal was off. Trump said no. "
            "He said it again, and the officials agreed. Later, Mr. Trump's aides and "
            "Spokeswoman Haley Morris spoke; MSNBC reported it.")
    w = pn.ArticleWords(text)

    def names(needle):
        return pn.source_name_tokens(text, (span(text, needle),), w)

    assert names("Officials") == []  # sentence-initial, lower case elsewhere
    assert names("Trump") == ["trump"]  # sentence-initial, but a name mid-sentence too
    assert names("Mr. Trump's aides") == []  # the aides speak, Trump is a modifier
    assert names("Spokeswoman Haley Morris") == ["haley", "morris"]
    assert names("Spokeswoman Haley Morris") == ["haley", "morris"]
    assert names("MSNBC") == ["msnbc"]
    assert pn.source_category(text, (span(text, "He"),), w) == "pronoun"
    assert pn.source_category(text, (span(text, "the officials"),), w) == "nominal"
    assert pn.source_category(text, None, w) == "none"


@pytest.mark.parametrize("source, names", [
    ("Joel Pollak of Breitbart California", ["joel", "pollak"]),
    ("Martin Indyk, the president's former envoy", ["martin", "indyk"]),
    ("Secretary of State John Kerry", ["state", "john", "kerry"]),
    ("Republican presidential candidate Donald Trump", ["donald", "trump"]),
    ("Mrs. Clinton's campaign", []),
    ("a senior Cruz adviser", []),
    ("the former top aide to President George W. Bush", []),
    ("the Hollywood columnist Louella Parsons", ["louella", "parsons"]),
    ("Sanders and Clinton", ["sanders", "clinton"]),
])
def test_source_head_rules(source, names):
    text = "Headline.\nOn Monday " + source + " said so. Then Trump, Clinton, Cruz and Bush spoke."
    frags = (span(text, source),)
    assert pn.source_name_tokens(text, frags) == names


def actor(name, aliases=(), mentions=()):
    return Actor(id=name.lower().replace(" ", "-"), name=name, kind="person", aliases=tuple(aliases),
                 mentions=tuple(Span(a, b, t) for a, b, t in mentions))


def test_speaker_matches_by_name_token_ignoring_titles_and_possessives():
    morris = actor("Haley Morris", aliases=("Morris", "Ms. Morris"))
    assert pn.speaker_matches(morris, ["haley", "morris"], ((0, 24),)) == "name"
    cruz = actor("Ted Cruz", aliases=("Sen. Cruz's",))
    assert pn.speaker_matches(cruz, ["cruz"], ((50, 58),)) == "name"
    # titles alone never match: "President" is not a name token
    obama = actor("President Obama")
    assert pn.speaker_matches(obama, ["president"], ((0, 9),)) == ""
    assert pn.speaker_matches(obama, ["trump"], ((0, 5),)) == ""
    assert pn.speaker_matches(None, ["trump"], ((0, 5),)) == ""


def test_speaker_matches_by_mention_overlap():
    campaign = actor("Clinton campaign", mentions=[(100, 112, "the campaign")])
    assert pn.speaker_matches(campaign, [], ((104, 112),)) == "mention"
    assert pn.speaker_matches(campaign, [], ((10, 20),)) == ""


def test_match_spans_one_to_one_largest_overlap_first():
    gold = [(0, 10), (20, 30)]
    pred = [(5, 25), (0, 9), (40, 50)]
    assert pn.match_spans(gold, pred) == {1: 0, 0: 1}


def test_cli_refuses_other_splits_and_missing_git_dir(capsys, monkeypatch, tmp_path):
    with pytest.raises(SystemExit) as e:
        pn.main(["--split", "test"])
    assert e.value.code == 2
    assert "invalid choice" in capsys.readouterr().err
    monkeypatch.setenv("POLNEAR_GIT", str(tmp_path / "absent"))
    monkeypatch.setattr(pn, "DEFAULT_GIT", str(tmp_path / "absent-too"))
    assert pn.main([]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "POLNEAR_GIT" in err[0]


def test_corpus_paths_stay_inside_train():
    c = pn.GitCorpus("/nonexistent")
    for bad in ("data/dev/text/x.txt", "data/test/attributions/x.ann", "data/train/../dev/x"):
        with pytest.raises(pn.CorpusError):
            c.read_many([bad])
