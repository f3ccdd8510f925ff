"""Notes: what a copy says and how the notes file grows (issue 11, item 5). Pure and fast."""
import os
from pathlib import Path

from extract import Claim, DocumentInfo, Extraction, Quote
from extract.model import Actor
from tui.notes import append_note, format_item, heading, last_heading, notes_chunk, said

TEXT = "Talks\n\n“We will not leave,” President Vladimir Putin said. Russia demanded that Kyiv withdraw.\n"


def ex(path="/news/talks.txt") -> Extraction:
    q0 = TEXT.index("We")
    qtext = "We will not leave,"
    c0 = TEXT.index("demanded")
    ctext = "demanded that Kyiv withdraw"
    s0 = TEXT.index("Russia demanded")
    return Extraction(
        document=DocumentInfo(path=path, title="Talks", sha256="x", length=len(TEXT)),
        extractor_version="t", model="m",
        actors=(Actor("putin", "Vladimir Putin", "person", ("Putin",), (), "russia", 1),
                Actor("russia", "Russia", "state", ("Russia",), (), None, 1)),
        claims=(Claim("c1", "demand", "russia", None, ctext, c0, c0 + len(ctext), s0, len(TEXT) - 1, "demanded"),),
        quotes=(Quote("q1", qtext, q0, q0 + len(qtext), "putin", "said", q0 - 1, s0 - 1),))


def test_a_quote_is_cited_with_what_the_speaker_said():
    r = ex()
    assert format_item(r, r.quotes[0], TEXT) == "“We will not leave” — Vladimir Putin, *Talks* (/news/talks.txt)"


def test_trailing_comma_or_stop_inside_the_marks_is_trimmed_but_not_the_speakers_own():
    assert said("We want a fair contract,") == "We want a fair contract"
    assert said("It is over.") == "It is over"
    assert said("Is it over?") == "Is it over?"
    assert said("We shall see...") == "We shall see..."
    assert said("  two\nlines, ") == "two lines"


def test_a_claim_is_not_a_quotation_and_carries_its_evidence():
    r = ex()
    note = format_item(r, r.claims[0], TEXT)
    assert note.split("\n") == [
        "Russia — demand: demanded that Kyiv withdraw (cue: demanded)",
        "“Russia demanded that Kyiv withdraw.” — *Talks* (/news/talks.txt)",
    ]


def test_notes_are_markdown_list_items_under_one_heading_per_article(tmp_path):
    notes = tmp_path / "deep" / "notes.md"
    a, b = ex("/news/a.txt"), ex("/news/b.txt")
    for r, item in ((a, a.quotes[0]), (a, a.claims[0]), (b, b.quotes[0]), (a, a.quotes[0])):
        append_note(notes, notes_chunk(last_heading(notes), heading(r), [format_item(r, item, TEXT)]))
    assert notes.read_text(encoding="utf-8") == (
        "## Talks — `/news/a.txt`\n\n"
        "- “We will not leave” — Vladimir Putin, *Talks* (/news/a.txt)\n"
        "- Russia — demand: demanded that Kyiv withdraw (cue: demanded)\n"
        "  “Russia demanded that Kyiv withdraw.” — *Talks* (/news/a.txt)\n"
        "\n## Talks — `/news/b.txt`\n\n"
        "- “We will not leave” — Vladimir Putin, *Talks* (/news/b.txt)\n"
        "\n## Talks — `/news/a.txt`\n\n"
        "- “We will not leave” — Vladimir Putin, *Talks* (/news/a.txt)\n")


def test_appending_never_touches_what_was_there(tmp_path):
    notes = tmp_path / "notes.md"
    notes.write_bytes(b"my own words\n")
    append_note(notes, "- one")
    assert notes.read_bytes() == b"my own words\n- one\n"
    assert last_heading(notes) is None and last_heading(tmp_path / "missing.md") is None


def test_control_characters_never_reach_the_notes():
    r = ex()
    q = r.quotes[0]
    evil = Quote(q.id, "We \x1b]52;c;aGk=\x07 leave,", q.start, q.end, "putin", "said", q.sentence_start, q.sentence_end)
    assert "\x1b" not in format_item(r, evil) and "\x07" not in format_item(r, evil)


def test_default_notes_file_is_in_the_user_data_dir(monkeypatch, tmp_path):
    from tui.notes import default_notes_path
    monkeypatch.setenv("PARLEY_DATA_DIR", str(tmp_path))
    assert default_notes_path() == tmp_path / "notes.md"
    monkeypatch.delenv("PARLEY_DATA_DIR")
    from platformdirs import user_data_dir
    assert default_notes_path() == Path(user_data_dir("parley")) / "notes.md"
    assert os.path.basename(default_notes_path()) == "notes.md"


def test_export_of_a_side_keeps_what_any_of_its_actors_holds_or_said():
    import json

    from tui.notes import export_body
    r = ex()
    md = export_body(r, ".md", ("putin", "russia"))
    assert "Filtered to: **Vladimir Putin, Russia**" in md
    assert "demanded that Kyiv withdraw" in md and "We will not leave" in md
    only = export_body(r, ".md", ("putin",))
    assert "demanded that Kyiv withdraw" not in only and "We will not leave" in only
    d = json.loads(export_body(r, ".json", ("putin", "russia")))
    assert d["filter"] == ["putin", "russia"] and len(d["claims"]) == 1 and len(d["quotes"]) == 1
    assert json.loads(export_body(r, ".json", ("putin",)))["filter"] == "putin"
