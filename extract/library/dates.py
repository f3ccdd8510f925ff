"""An article's date: from its metadata, else from a dateline in its text, else none.

Pure functions, no I/O: the file's modification time is never a date (a copied
or re-downloaded file would move the article in time). Dates are ISO 8601
strings: ``YYYY-MM-DD`` when the year is known, ``--MM-DD`` (ISO's month-day
form) when a dateline gives only a month and a day ("MOSCOW, March 18
(Reuters) -") and no year can be found near it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date as _date

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}
_MONTH = r"(?P<{0}>January|February|March|April|May|June|July|August|September|October|November|December|" \
         r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
_WEEKDAY = r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?"
# "Nov. 19, 2012", "March 18, 2022", "Tuesday, June 5, 2020"
_MDY = re.compile(_WEEKDAY + _MONTH.format("m") + r"\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y>(?:19|20)\d\d)\b")
# "5 June 2020", "Tuesday, 5 June 2020"
_DMY = re.compile(r"\b" + _WEEKDAY + r"(?P<d>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH.format("m") +
                  r",?\s+(?P<y>(?:19|20)\d\d)\b")
_ISO = re.compile(r"(?<!\d)(?P<y>(?:19|20)\d\d)-(?P<m>\d\d)-(?P<d>\d\d)(?!\d)")
# A wire dateline at the start of a line: "MOSCOW, March 18 (Reuters) -", "WASHINGTON (AP) —",
# "KYIV, Ukraine, Nov. 19, 2012 —", "CHICAGO –".
_DATELINE = re.compile(
    r"^[ \t]*(?P<place>[A-Z][A-Z.'\-]+(?:[ \t]+[A-Z][A-Z.'\-]+)*)"      # PLACE in capitals
    r"(?:,[ \t]+[A-Z][A-Za-z.]+(?:[ \t]+[A-Z][A-Za-z.]+)*)?"              # , Region
    r"(?:,?[ \t]+" + _MONTH.format("m") + r"[ \t]+(?P<d>\d{1,2})(?:,[ \t]+(?P<y>(?:19|20)\d\d))?)?"
    r"[ \t]*(?:\((?P<agency>[A-Za-z .&-]{2,30})\))?[ \t]*[-–—]+", re.M)
HEAD_LINES = 6  # a dateline or a date line belongs to the first lines of the article
HEAD_CHARS = 600  # and to the first sentences of its paragraph
DATE_LINE_CHARS = 80  # a line this short holding a full date is a date line


@dataclass(frozen=True)
class Dated:
    date: str | None
    source: str  # "metadata", "dateline" or "none"


def _iso(y: int | None, m: int, d: int) -> str | None:
    try:
        if y is None:
            _date(2000, m, d)  # a leap year: February 29 is a valid month-day
            return f"--{m:02d}-{d:02d}"
        return _date(y, m, d).isoformat()
    except ValueError:
        return None


def _from_match(mt: re.Match) -> str | None:
    m = mt.group("m")
    month = int(m) if m.isdigit() else MONTHS[m.lower().rstrip(".")]
    y = mt.group("y")
    return _iso(int(y) if y else None, month, int(mt.group("d")))


def parse_date(value: object) -> str | None:
    """A metadata date ("2021-04-05", "2021-04-05T10:00:00Z", "April 5, 2021", "5 April 2021") as ISO."""
    if value is None:
        return None
    s = str(value).strip()
    if not s:
        return None
    for rx in (_ISO, _MDY, _DMY):
        mt = rx.search(s)
        if mt:
            return _from_match(mt)
    return None


def full_date_in(text: str) -> str | None:
    """The first complete date (day, month and year) in ``text``."""
    best: tuple[int, str] | None = None
    for rx in (_MDY, _DMY, _ISO):
        for mt in rx.finditer(text):
            iso = _from_match(mt)
            if iso and (best is None or mt.start() < best[0]):
                best = (mt.start(), iso)
            if iso:
                break
    return best[1] if best else None


def dateline_date(text: str) -> str | None:
    """The date a dateline or a date line at the top of the article gives, or None.

    Only two places count, so a date the story talks about ("the sit-in will
    continue until the 5th of March 2010") is not taken for the article's:

    - a short line among the first lines that is mostly a date (a date line or
      byline: "Nov. 19, 2012", "By Jane Doe | March 3, 2021");
    - the paragraph that opens with a wire dateline: its first full date
      ("WASHINGTON (AP) — ... on Tuesday, 5 June 2020"), else the dateline's own
      month and day ("MOSCOW, March 18 (Reuters) -") in ISO's month-day form
      ``--03-18``: the year is not guessed.
    """
    lines = [ln.strip() for ln in text[:HEAD_CHARS * 4].splitlines() if ln.strip()][:HEAD_LINES]
    for ln in lines:
        if len(ln) <= DATE_LINE_CHARS and _mostly_date(ln):
            return full_date_in(ln)
        mt = _DATELINE.match(ln)
        if mt:
            full = full_date_in(ln[:HEAD_CHARS])
            if full:
                return full
            if mt.group("m") and mt.group("d"):
                return _from_match(mt)
    return None


_DATE_LINE_WORDS = {"by", "and", "published", "updated", "posted", "last", "on", "at", "am", "pm", "a.m", "p.m",
                    "gmt", "utc", "et", "est", "edt", "bst", "cet"}


def _mostly_date(line: str) -> bool:
    """A date line: a full date, and besides it only names, times and words such as "By", "Updated"."""
    for rx in (_MDY, _DMY, _ISO):
        mt = rx.search(line)
        if mt and _from_match(mt):
            rest = line[:mt.start()] + " " + line[mt.end():]
            words = re.findall(r"[A-Za-z][A-Za-z.']*", rest)
            return all(w[0].isupper() or w.lower().rstrip(".") in _DATE_LINE_WORDS for w in words)
    return False


def article_date(metadata_date: object, text: str) -> Dated:
    """Metadata first, then the text's dateline; never the file's modification time."""
    iso = parse_date(metadata_date)
    if iso:
        return Dated(iso, "metadata")
    iso = dateline_date(text)
    if iso:
        return Dated(iso, "dateline")
    return Dated(None, "none")
