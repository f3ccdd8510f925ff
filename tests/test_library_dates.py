"""Article dates: metadata, else a dateline, else none (never the file's mtime)."""
from __future__ import annotations

import pytest

from extract.library.dates import Dated, article_date, dateline_date, parse_date


@pytest.mark.parametrize("text, want", [
    ("MOSCOW, March 18 (Reuters) - Russia said on Friday it would not accept the terms.", "--03-18"),
    ("WASHINGTON (AP) — The president said on Tuesday, 5 June 2020 that talks would resume.", "2020-06-05"),
    ("Talks stall\n\nNov. 19, 2012\n\nNegotiators met again.", "2012-11-19"),
    ("Talks stall\n\nBy Jane Doe | Updated 10:30 a.m. Nov. 19, 2012\n\nNegotiators met again.", "2012-11-19"),
    ("KYIV, Ukraine, Nov. 19, 2012 — Ukraine rejected the demand.", "2012-11-19"),
    ("GENEVA (AFP) - The envoy said a deal was close.", None),  # a dateline without a date
    ("Talks stall\n\nTuesday, 5 June 2020\n\nThe union refused.", "2020-06-05"),
    ("Talks stall\n\nPosted 2021-03-04T10:00:00Z\n\nThe union refused.", "2021-03-04"),
])
def test_dateline(text, want):
    assert dateline_date(text) == want


@pytest.mark.parametrize("text", [
    "The 1994 agreement still stands, the ministry said.",
    # a date the story talks about is not the article's date
    "Strike goes on\n\nThe sit-in will continue until the 5th of March 2010, the leaders said.",
    "Talks stall\n\nTalks resumed on March 3, 2020.\n\nThe union refused.",
    "Talks stall\n\nFebruary 30, 2020\n\nNo such day.",
    "CHICAGO – “This isn’t just our fight,” the union leader said.",
    "",
])
def test_no_dateline(text):
    assert dateline_date(text) is None


def test_metadata_wins_over_dateline():
    text = "MOSCOW, March 18 (Reuters) - Russia said it would not accept the terms."
    assert article_date("2022-03-19", text) == Dated("2022-03-19", "metadata")
    assert article_date(None, text) == Dated("--03-18", "dateline")
    assert article_date("not a date", text) == Dated("--03-18", "dateline")
    assert article_date(None, "No date here at all.") == Dated(None, "none")


@pytest.mark.parametrize("value, want", [
    ("2021-04-05", "2021-04-05"),
    ("2021-04-05T10:00:00Z", "2021-04-05"),
    ("April 5, 2021", "2021-04-05"),
    ("5 April 2021", "2021-04-05"),
    ("Mon, 5 Apr 2021 10:00:00 GMT", "2021-04-05"),
    ("2021-02-30", None),
    ("", None),
    (None, None),
    (20210405, None),
])
def test_parse_metadata_date(value, want):
    assert parse_date(value) == want
