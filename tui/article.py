"""The article pane: one Static per display block, styled with Rich ``Text`` spans.

Block widgets (not one big Static) let the pane scroll a span's block into the
centre and re-style only the blocks whose marks changed. A block is a run of
short paragraphs (up to ``GROUP_MAX`` characters, fewer widgets for long
reports) or one paragraph, cut at a space when longer than ``BLOCK_MAX`` so a
10 MB single-line file cannot stall the wrapper. Long articles appear at once:
the first ``FIRST_BLOCKS`` blocks are composed, the rest are mounted in batches
after the first paint.

Article text is always a ``Text`` object, never markup, and control characters
are replaced one-for-one by visible symbols, so offsets stay exact and the
article cannot drive the terminal.
"""
from __future__ import annotations

import time
from bisect import bisect_right
from dataclasses import dataclass

from rich.text import Text
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Static

from extract.textcut import pieces

BLOCK_MAX = 4_000  # characters per display block
GROUP_MAX = 800  # short paragraphs share a block up to this many characters
FIRST_BLOCKS = 120  # composed before the first paint; the rest follow in batches
BATCH = 300  # at most, per mount batch


def visible(s: str) -> str:
    """Replace C0/C1 control characters (not newline) with same-length visible symbols."""
    out = []
    for ch in s:
        o = ord(ch)
        if o < 32 and ch != "\n":
            out.append(chr(0x2400 + o))
        elif o == 127:
            out.append("\u2421")
        elif 0x80 <= o < 0xA0 or 0xD800 <= o < 0xE000:  # C1 controls, lone surrogates
            out.append("\ufffd")
        else:
            out.append(ch)
    return "".join(out)


@dataclass(frozen=True)
class Mark:
    start: int
    end: int
    style: str


def blocks(text: str, block_max: int = BLOCK_MAX, group_max: int = GROUP_MAX) -> list[tuple[int, int, bool]]:
    """(start, end, starts_a_paragraph) for every stretch to display.

    Short paragraphs separated by a blank line share a block up to ``group_max``
    characters (the blank line shows inside it): fewer widgets is what keeps a
    long report fast to lay out. The title stands alone; a line longer than
    ``group_max`` is its own block, cut into pieces of at most ``block_max``.
    """
    out: list[tuple[int, int, bool]] = []
    cur: list[int] | None = None  # [start, end] of the group being built
    pos = 0
    for line in text.split("\n"):
        start, end = pos, pos + len(line)
        pos = end + 1
        if not line.strip():
            continue
        if out or cur:  # not the title
            joinable = cur is not None and end - cur[0] <= group_max and len(line) <= group_max \
                and "\n\n" in text[cur[1]:start] and not text[cur[1]:start].strip()
            if joinable:
                cur[1] = end
                continue
            if cur is not None:
                out.append((cur[0], cur[1], True))
                cur = None
            if len(line) <= group_max:
                cur = [start, end]
                continue
        out += [(a, b, k == 0) for k, (a, b) in enumerate(pieces(text, start, end, block_max))]
    if cur is not None:
        out.append((cur[0], cur[1], True))
    return out


class Paragraph(Static):
    def __init__(self, start: int, text: str, **kw):
        super().__init__("", **kw)
        self.start = start
        self.raw = text
        self.marks: tuple[Mark, ...] | None = None

    @property
    def end(self) -> int:
        return self.start + len(self.raw)

    def paint(self, marks: tuple[Mark, ...]) -> None:
        if marks == self.marks:
            return
        self.marks = marks
        t = Text(visible(self.raw))
        for m in marks:
            a, b = max(m.start, self.start), min(m.end, self.end)
            if a < b:
                t.stylize(m.style, a - self.start, b - self.start)
        self.update(t)


class ArticleView(VerticalScroll, can_focus=True):
    """Scrollable article; ``show(marks, focus)`` styles spans and centres one."""

    DEFAULT_CLASSES = "article"
    BINDINGS = [Binding("j", "scroll_down", "Down", show=False, id="article.down"),
                Binding("k", "scroll_up", "Up", show=False, id="article.up")]

    def __init__(self, text: str, **kw):
        super().__init__(**kw)
        self.text = text
        self.layout_blocks = blocks(text)
        self.starts = [b[0] for b in self.layout_blocks]
        self.widgets: list[Paragraph] = []
        self.marks: list[Mark] = []
        self.pending_focus: tuple[int, int] | None = None
        self.batch = 40  # blocks per mount batch; adapts to how long a batch takes

    def _make(self, i: int) -> Paragraph:
        a, b, first = self.layout_blocks[i]
        cls = "title" if i == 0 else ("para" if first else "para cont")
        if i + 1 < len(self.layout_blocks) and not self.layout_blocks[i + 1][2]:
            cls += " runs-on"  # the next block continues this paragraph: no gap
        p = Paragraph(a, self.text[a:b], classes=cls)
        self.widgets.append(p)
        return p

    def compose(self):
        for i in range(min(FIRST_BLOCKS, len(self.layout_blocks))):
            yield self._make(i)

    def on_mount(self) -> None:
        self.show([])
        if len(self.widgets) < len(self.layout_blocks):
            self.call_after_refresh(self._mount_more)

    async def _mount_more(self) -> None:
        t = time.perf_counter()
        n = len(self.widgets)
        new = [self._make(i) for i in range(n, min(n + self.batch, len(self.layout_blocks)))]
        await self.mount_all(new)
        self._paint(n)
        # Batches sized to take ~30 ms so a key press never waits long behind one
        # (with the extraction worker competing for the GIL a batch of 300 took 0.7 s).
        took = time.perf_counter() - t
        self.batch = max(8, min(BATCH, int(self.batch * (0.03 / max(took, 1e-3)))))
        if self.pending_focus and self._centre_on(self.pending_focus):
            self.pending_focus = None
        if len(self.widgets) < len(self.layout_blocks):
            self.set_timer(0.02, self._mount_more)  # let key presses in between batches

    def block_at(self, pos: int) -> int:
        return max(0, bisect_right(self.starts, pos) - 1)

    def _paint(self, first: int = 0) -> None:
        """Paint the mounted blocks from index ``first`` on with the marks they overlap."""
        per: dict[int, list[Mark]] = {}
        for m in self.marks:  # each mark to the blocks it overlaps: O(marks · log blocks)
            i = self.block_at(m.start)
            while i < len(self.layout_blocks) and self.layout_blocks[i][0] < m.end:
                if self.layout_blocks[i][1] > m.start:
                    per.setdefault(i, []).append(m)
                i += 1
        for k in range(first, len(self.widgets)):
            self.widgets[k].paint(tuple(per.get(k, ())))

    def _centre_on(self, focus: tuple[int, int]) -> bool:
        i = self.block_at(focus[0])
        if i >= len(self.widgets):
            return False
        self.scroll_to_widget(self.widgets[i], center=True, animate=False)
        return True

    def show(self, marks: list[Mark], focus: tuple[int, int] | None = None) -> None:
        self.marks = list(marks)
        self._paint()
        if focus is not None and not self._centre_on(focus):
            self.pending_focus = focus  # its block is not mounted yet
