"""The article pane: one Static per paragraph, styled with Rich ``Text`` spans.

Paragraph widgets (not one big Static) let the pane scroll a span's paragraph
into the centre and re-style only the paragraphs that change. Article text is
always a ``Text`` object, never markup, and control characters are replaced
one-for-one by visible symbols, so offsets stay exact and the article cannot
drive the terminal.
"""
from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual.containers import VerticalScroll
from textual.widgets import Static


def visible(s: str) -> str:
    """Replace C0/C1 control characters (not newline) with same-length visible symbols."""
    out = []
    for ch in s:
        o = ord(ch)
        if o < 32 and ch != "\n":
            out.append(chr(0x2400 + o))
        elif o == 127:
            out.append("\u2421")
        elif 0x80 <= o < 0xA0:
            out.append("\ufffd")
        else:
            out.append(ch)
    return "".join(out)


@dataclass(frozen=True)
class Mark:
    start: int
    end: int
    style: str


class Paragraph(Static):
    def __init__(self, start: int, text: str, **kw):
        super().__init__("", **kw)
        self.start = start
        self.raw = text

    @property
    def end(self) -> int:
        return self.start + len(self.raw)

    def paint(self, marks: list[Mark]) -> None:
        t = Text(visible(self.raw))
        for m in marks:
            a, b = max(m.start, self.start), min(m.end, self.end)
            if a < b:
                t.stylize(m.style, a - self.start, b - self.start)
        self.update(t)


class ArticleView(VerticalScroll, can_focus=True):
    """Scrollable article; ``show(marks, focus)`` styles spans and centres one."""

    DEFAULT_CLASSES = "article"

    def __init__(self, text: str, **kw):
        super().__init__(**kw)
        self.text = text

    def compose(self):
        pos = 0
        first = True
        for line in self.text.split("\n"):
            if line.strip():
                p = Paragraph(pos, line, classes="title" if first else "para")
                first = False
                yield p
            pos += len(line) + 1

    def on_mount(self) -> None:
        self.show([])

    def paragraphs(self) -> list[Paragraph]:
        return list(self.query(Paragraph))

    def show(self, marks: list[Mark], focus: tuple[int, int] | None = None) -> None:
        paragraphs = self.paragraphs()
        for p in paragraphs:
            p.paint([m for m in marks if m.start < p.end and m.end > p.start])
        if focus is not None:
            for p in paragraphs:
                if p.start <= focus[0] < p.end + 1:
                    self.scroll_to_widget(p, center=True, animate=False)
                    break
