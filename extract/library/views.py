"""What the explorer's Library and Party screens show, read from a library (no UI here).

- ``overview``: every article with its counts of demands, red lines and quotes, the
  library parties and which articles each appears in;
- ``party_view``: one party's positions and quotes (``cli.party_report``) with each
  occurrence's article id and path, and the periods of its timeline.

Each opens nothing itself: the caller passes a ``Library`` opened in its own thread.
"""
from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field

from .store import ArticleRow, Library


@dataclass
class ArticleEntry:
    row: ArticleRow
    demands: int = 0
    red_lines: int = 0
    quotes: int = 0
    parties: set[str] = field(default_factory=set)  # library actor ids


@dataclass
class Overview:
    articles: list[ArticleEntry]
    parties: list[dict]  # library_parties(): id, name, kind, aliases, articles, mentions


def overview(lib: Library) -> Overview:
    from .actors import library_parties

    parties = library_parties(lib)  # brings the links up to date first
    entries = {a.id: ArticleEntry(a) for a in lib.articles()}
    c = lib.conn
    for sha, kind, n in c.execute("SELECT article, kind, count(*) FROM claims GROUP BY article, kind"):
        if sha in entries:
            setattr(entries[sha], "demands" if kind == "demand" else "red_lines", n)
    for sha, n in c.execute("SELECT article, count(*) FROM quotes GROUP BY article"):
        if sha in entries:
            entries[sha].quotes = n
    for sha, la in c.execute("SELECT DISTINCT article, library_actor FROM actor_links"):
        if sha in entries:
            entries[sha].parties.add(la)
    return Overview(list(entries.values()), parties)


def party_view(lib: Library, party_id: str) -> dict:
    """``party_report`` for one party, each occurrence with ``sha`` and ``path`` of its article."""
    from .cli import party_report

    rep = party_report(lib, party_id)
    arts = {a.short: a for a in lib.articles()}
    for o in [o for p in rep["positions"] for o in p["occurrences"]] + rep["quotes"]:
        a = arts.get(o["article"])
        o["sha"] = a.id if a else None
        o["path"] = a.path if a else ""
    dates = [o["date"] for p in rep["positions"] for o in p["occurrences"]] + [q["date"] for q in rep["quotes"]]
    rep["periods"] = periods(dates)
    return rep


def _day(d: str | None) -> _dt.date | None:
    if not d or len(d) != 10 or d[4] != "-":
        return None
    try:
        return _dt.date.fromisoformat(d)
    except ValueError:
        return None


WEEKS_BELOW = 92  # days: a shorter span gets a column per week, a longer one per month


def periods(dates: list[str | None]) -> list[str]:
    """The timeline's columns: every month (or ISO week, "2021-W09", when the dated span
    is under three months) from the first date to the last, then "undated" if any date
    is missing or has no year."""
    days = sorted({d for d in (_day(x) for x in dates) if d})
    out: list[str] = []
    if days:
        if (days[-1] - days[0]).days < WEEKS_BELOW:
            d = days[0] - _dt.timedelta(days=days[0].weekday())
            while d <= days[-1]:
                out.append(period_of(d.isoformat(), weekly=True))
                d += _dt.timedelta(days=7)
        else:
            y, m = days[0].year, days[0].month
            while (y, m) <= (days[-1].year, days[-1].month):
                out.append(f"{y:04d}-{m:02d}")
                y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    if any(_day(x) is None for x in dates):
        out.append("undated")
    return out


def period_of(date: str | None, weekly: bool) -> str:
    d = _day(date)
    if d is None:
        return "undated"
    if weekly:
        y, w, _ = d.isocalendar()
        return f"{y:04d}-W{w:02d}"
    return f"{d.year:04d}-{d.month:02d}"
