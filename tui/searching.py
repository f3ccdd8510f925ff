"""Article search as the app does it: every match marked, the current one centred and
counted ("3/12"), n/N between matches, the last query offered again. Matching itself
(case and accents folded, exact offsets) is ``tui/search.py``.

A mixin of ``ParleyApp``.
"""
from __future__ import annotations

from .article import Mark
from .screens import SearchScreen


class SearchMixin:
    def search_marks(self) -> list[Mark]:
        return [Mark(a, b, self.STYLE_HIT_NOW if k == self.search_index else self.STYLE_HIT)
                for k, (a, b) in enumerate(self.search_hits)]

    def action_search(self) -> None:
        self.push_screen(SearchScreen(self.search_query), self._do_search)

    def _do_search(self, needle: str | None) -> None:
        if not needle or not needle.strip():
            return
        from .search import Folded
        if self._folded is None:
            self._folded = Folded(self.text)
        if needle == self.search_query and self.search_hits:
            self._goto_hit(self.search_index + 1)  # enter again: the next match
            return
        hits = self._folded.find_all(needle)
        self.search_query = needle
        if not hits:
            self.end_search(quiet=True)
            self.notify(f"No match for “{needle}”", severity="warning")
            return
        self.search_hits = hits
        here = self.item(*self.selected).start if self.selected and self.selected[0] != "actors" \
            and self.item(*self.selected) is not None else 0
        self._goto_hit(next((k for k, (a, _) in enumerate(hits) if a >= here), 0))

    def _goto_hit(self, k: int) -> None:
        """Make match ``k`` (wrapping round) the current one and centre it."""
        self.search_index = k % len(self.search_hits)
        a, b = self.search_hits[self.search_index]
        self.search_pos = a + 1
        self.update_filter_line()
        self.paint_article(focus=(a, b))
        line_start = self.text.rfind("\n", 0, a) + 1
        line_end = self.text.find("\n", b)
        context = self.text[max(line_start, a - 60):min(b + 60, line_end if line_end >= 0 else len(self.text))]
        self.set_status(f"Match {self.search_index + 1}/{len(self.search_hits)} at character {a}: "
                        f"…{' '.join(context.split())}…")

    def end_search(self, quiet: bool = False) -> None:
        self.search_hits = []
        self.search_index = 0
        self.update_filter_line()
        self.paint_article()
        if not quiet:
            self.notify("Search ended (/ searches again)")
