"""The article pane: a Line-API view that builds only the lines on screen.

The text is wrapped once per width into display lines, each a ``(start, end)`` pair
of offsets into the article (a blank line between paragraphs, the title in bold), so
the view knows its height without building any text. ``render_line(y)`` styles one
line: the marks (actors, demands, red lines, quotes, the selection, search matches)
overlapping it are found by bisecting a list sorted by start, and the line's segments
are cached until the marks, the theme or the width change. Scrolling therefore costs the
lines in view, and new marks cost one sort of the mark list (about 15 ms for a 1 MB
report's marks) plus the lines in view, never a re-render of the article.

Article text is always a ``Text`` built from the plain string, never markup, and control
characters are replaced one-for-one by visible symbols, so offsets stay exact and the
article cannot drive the terminal.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from rich.cells import cell_len, get_character_cell_size
from rich.segment import Segment
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

_CONTROL = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\ud800-\udfff]")


def _symbol(m: re.Match) -> str:
    o = ord(m.group())
    if o < 32:
        return chr(0x2400 + o)
    if o == 127:
        return "\u2421"
    return "\ufffd"  # C1 controls, lone surrogates


def visible(s: str) -> str:
    """Replace C0/C1 control characters (not newline) with same-length visible symbols."""
    return _CONTROL.sub(_symbol, s) if _CONTROL.search(s) else s


@dataclass(frozen=True)
class Mark:
    start: int
    end: int
    style: str


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of every non-blank line of ``text``: the paragraphs the view shows,
    one blank display line apart, whatever blank lines the file had between them."""
    out = []
    pos = 0
    for line in text.split("\n"):
        if line.strip():
            out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def wrap(text: str, start: int, end: int, width: int) -> list[tuple[int, int]]:
    """Greedy word wrap of ``text[start:end]`` into lines at most ``width`` cells wide:
    (start, end) offsets, breaking at the last space that fits (the space itself is shown
    on no line) and cutting a word longer than the line. Wide (CJK) and zero-width
    characters are measured as the terminal shows them."""
    width = max(width, 1)
    out: list[tuple[int, int]] = []
    while end > start and text[end - 1] == " ":  # trailing spaces show nothing
        end -= 1
    pos = start
    while pos < end:
        # A line of ``width`` characters, cut at its last space, is right whenever it takes
        # at most ``width`` cells (always, unless it holds wide characters): string search only.
        if end - pos <= width:
            stop, nxt = end, end
        else:
            cut = text.rfind(" ", pos + 1, pos + width + 1)
            stop, nxt = (pos + width, pos + width) if cut < 0 else (cut, cut + 1)
        if cell_len(text[pos:stop]) > width:  # wide characters: measure one by one
            stop, nxt = _fit(text, pos, end, width)
        while stop > pos + 1 and text[stop - 1] == " ":
            stop -= 1
        out.append((pos, stop))
        pos = nxt
        while pos < end and text[pos] == " ":
            pos += 1
    return out


def _fit(text: str, pos: int, end: int, width: int) -> tuple[int, int]:
    """(end of the line from ``pos``, start of the next) when characters differ in width."""
    cells, k, space = 0, pos, -1
    while k < end:
        w = get_character_cell_size(text[k])
        if cells + w > width and k > pos:
            break
        if text[k] == " " and k > pos:
            space = k
        cells += w
        k += 1
    if k >= end:
        return end, end
    return (space, space + 1) if space > 0 else (k, k)

TEXT, TITLE, BLANK = 0, 1, 2


def layout(text: str, width: int) -> tuple[list[int], list[int], list[int]]:
    """Display lines for ``width``: parallel lists of starts, ends and kinds (TEXT, TITLE,
    BLANK). A blank line's start and end are the end of the paragraph above it, so the
    starts are sorted and ``bisect`` finds the line of any offset."""
    starts: list[int] = []
    ends: list[int] = []
    kinds: list[int] = []
    for i, (a, b) in enumerate(paragraphs(text)):
        if i:
            starts.append(ends[-1])
            ends.append(ends[-1])
            kinds.append(BLANK)
        kind = TITLE if i == 0 else TEXT
        for s, e in wrap(text, a, b, width):
            starts.append(s)
            ends.append(e)
            kinds.append(kind)
    return starts, ends, kinds


class ArticleView(ScrollView, can_focus=True):
    """Scrollable article; ``show(marks, focus)`` styles spans and centres one.

    A click on the text posts ``ArticleView.Clicked`` with the article offset under the
    pointer (the app selects the item marked there)."""

    DEFAULT_CLASSES = "article"
    BINDINGS = [Binding("j", "scroll_down", "Down", show=False, id="article.down"),
                Binding("k", "scroll_up", "Up", show=False, id="article.up")]

    @dataclass
    class Clicked(Message):
        """The user clicked the article at ``offset`` (an index into the article text)."""

        view: ArticleView
        offset: int

    def __init__(self, text: str, **kw):
        super().__init__(**kw)
        self.text = text
        self.shown = visible(text)  # same length as ``text``: offsets are shared
        self.width = 0  # the width the lines are wrapped to (0: not laid out yet)
        self.starts: list[int] = []
        self.ends: list[int] = []
        self.kinds: list[int] = []
        self.marks: list[Mark] = []
        self._by_start: list[tuple[int, int, int]] = []  # (start, end, index in marks), sorted
        self._mark_starts: list[int] = []
        self._reach: list[int] = []  # running maximum of the ends along _by_start
        self._strips: dict[int, Strip] = {}
        self._style_key = None
        self.pending_focus: tuple[int, int] | None = None  # a focus asked for before the layout

    # ------------------------------------------------------------------ layout
    def on_resize(self, event: events.Resize) -> None:
        self._relayout()

    def _relayout(self) -> None:
        width = self.scrollable_content_region.width
        if width <= 0 or width == self.width:
            return
        top = self.starts[int(self.scroll_y)] if self.starts and int(self.scroll_y) < len(self.starts) else None
        self.width = width
        self.starts, self.ends, self.kinds = layout(self.shown, width)
        self._strips.clear()
        self.virtual_size = Size(width, len(self.starts))
        if self.pending_focus is not None:
            focus, self.pending_focus = self.pending_focus, None
            self._centre_on(focus)
        elif top is not None:
            self.scroll_to(y=self.line_of(top), animate=False, immediate=True)
        self.refresh()

    def line_of(self, pos: int) -> int:
        """The display line showing article offset ``pos`` (the line before, for a space
        a wrap swallowed)."""
        y = max(0, bisect_right(self.starts, pos) - 1)
        while y > 0 and self.kinds[y] == BLANK:  # a paragraph's start: never its blank line
            y -= 1
        return y

    def offset_at(self, x: int, y: int) -> int | None:
        """The article offset shown at cell ``x`` of display line ``y`` (None off the text)."""
        if not 0 <= y < len(self.starts) or self.kinds[y] == BLANK or x < 0:
            return None
        s, e = self.starts[y], self.ends[y]
        cells = 0
        for k in range(s, e):
            cells += get_character_cell_size(self.shown[k])
            if cells > x:
                return k
        return None

    # ------------------------------------------------------------------ marks
    def show(self, marks: list[Mark], focus: tuple[int, int] | None = None) -> None:
        """Paint ``marks`` (later ones over earlier ones) and centre ``focus`` if given."""
        marks = list(marks)
        if marks != self.marks:
            self.marks = marks
            self._by_start = sorted((m.start, m.end, i) for i, m in enumerate(marks) if m.end > m.start)
            self._mark_starts = [s for s, _, _ in self._by_start]
            reach, top = [], -1
            for _, e, _ in self._by_start:
                top = max(top, e)
                reach.append(top)
            self._reach = reach
            self._strips.clear()
            self.refresh()
        if focus is not None:
            if self.width:
                self._centre_on(focus)
            else:
                self.pending_focus = focus

    def marks_over(self, start: int, end: int) -> list[Mark]:
        """The marks overlapping ``[start, end)``, in the order they were given."""
        found = []
        i = bisect_left(self._mark_starts, end) - 1
        while i >= 0 and self._reach[i] > start:
            s, e, k = self._by_start[i]
            if e > start:
                found.append(k)
            i -= 1
        return [self.marks[k] for k in sorted(found)]

    def _centre_on(self, focus: tuple[int, int]) -> None:
        y0 = self.line_of(focus[0])
        y1 = self.line_of(max(focus[0], focus[1] - 1))
        height = self.scrollable_content_region.height
        y = y0 if y1 - y0 + 1 >= height else (y0 + y1 + 1) // 2 - height // 2
        self.scroll_to(y=max(0, y), animate=False, immediate=True)

    # ------------------------------------------------------------------ lines
    def line_text(self, y: int) -> Text:
        """Display line ``y`` as styled text (what ``render_line`` draws; tests read it)."""
        if not 0 <= y < len(self.starts) or self.kinds[y] == BLANK:
            return Text("")
        s, e = self.starts[y], self.ends[y]
        t = Text(self.shown[s:e], no_wrap=True, end="")
        if self.kinds[y] == TITLE:
            t.stylize("bold")
        for m in self.marks_over(s, e):
            t.stylize(m.style, max(m.start, s) - s, min(m.end, e) - s)
        selection = self.text_selection
        if selection is not None and (span := selection.get_span(y)) is not None:
            a, b = span
            t.stylize(self.screen.get_component_rich_style("screen--selection"), a, len(t) if b == -1 else b)
        return t

    def get_selection(self, selection) -> tuple[str, str] | None:
        """The text a mouse drag selected, as the lines show it (Textual's text selection)."""
        lines = (self.shown[s:e] if k != BLANK else "" for s, e, k in zip(self.starts, self.ends, self.kinds))
        text = "\n".join(lines).replace("\u2028", " ").replace("\u2029", " ")  # no extra line breaks
        return selection.extract(text), "\n"

    def selection_updated(self, selection) -> None:
        self._strips.clear()
        self.refresh()

    def render_line(self, y: int) -> Strip:
        scroll_x, scroll_y = self.scroll_offset
        y += scroll_y
        width = self.scrollable_content_region.width
        base = self.rich_style
        key = (base, width)
        if key != self._style_key:  # the theme or the width changed
            self._style_key = key
            self._strips.clear()
        strip = self._strips.get(y)
        if strip is None:
            if len(self._strips) > 4096:
                self._strips.clear()
            t = self.line_text(y)
            if t.plain:
                segments = list(t.render(self.app.console))
                strip = Strip([Segment(s.text, base + s.style if s.style else base, s.control)
                               for s in segments])
            else:
                strip = Strip([])
            strip = strip.crop_extend(0, width, base)
            self._strips[y] = strip
        return strip.crop(scroll_x, scroll_x + width).apply_offsets(scroll_x, y)

    # ------------------------------------------------------------------ mouse
    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None or offset.x >= self.scrollable_content_region.width:
            return  # the border, the padding or the scrollbar
        pos = self.offset_at(offset.x + int(self.scroll_x), offset.y + int(self.scroll_y))
        if pos is not None:
            self.post_message(self.Clicked(self, pos))

