"""Copying to the clipboard and the notes file, showing the notes file, exporting the view.
What a copy says and how the file grows is ``tui/notes.py`` (pure).

A mixin of ``ParleyApp``.
"""
from __future__ import annotations

from pathlib import Path

from .article import visible
from .notes import append_note, export_body, format_item, free_path, heading, last_heading, notes_chunk
from .screens import NotesScreen


def to_clipboards(app, text: str) -> list[str]:
    """Put ``text`` on the terminal clipboard (OSC 52: works over SSH, dropped by some
    terminals and by tmux without set-clipboard) and on the system one when pyperclip finds
    one; the names of those it reached, for the notification."""
    app.copy_to_clipboard(text)
    where = ["terminal clipboard (OSC 52)"]
    try:
        import pyperclip
        pyperclip.copy(text)
        where.append("system clipboard")
    except Exception:
        pass
    return where


class CopyMixin:
    def article_date(self) -> str | None:
        """The article's date when its top gives one (a dateline, a date line), else None;
        read once per article."""
        if getattr(self, "_dated", (None,))[0] is not self.text:
            from extract.library.dates import dateline_date
            self._dated = (self.text, dateline_date(self.text))
        return self._dated[1]

    def format_item(self, it) -> str:
        return format_item(self.result, it, self.text, self.article_date())

    def _copy(self, notes: list[str], what: str) -> None:
        where = to_clipboards(self, "\n".join(notes))
        saved = self._append_notes(notes)
        if saved:
            where.append(str(saved))
        self.notify(f"{what} copied to " + ", ".join(where), title="Copied")

    def _append_notes(self, notes: list[str]) -> Path | None:
        """Append (never overwrite) so a copy survives a terminal that drops OSC 52: one
        Markdown list item per note, under this article's heading."""
        head = heading(self.result, self.article_date())
        try:
            append_note(self.quotes_file, notes_chunk(last_heading(self.quotes_file), head, notes))
            return self.quotes_file
        except OSError as exc:
            self.notify(f"Could not append to {self.quotes_file}: {exc.strerror}; the copy is on the clipboard.",
                        severity="warning")
            return None

    def action_copy(self) -> None:
        if self.result is None:
            self.notify("Nothing to copy yet: the article is still being read.", severity="warning")
            return
        pane = self.focused_pane()
        if pane is not None:
            # The row under the focused pane's cursor, read now: keys typed fast (4 j c) can
            # arrive before the focus and highlight messages have updated ``selected``.
            iid = self.cursor_item(pane)
            if iid is None:
                text = self.empty_text(pane)
                self.notify(f"Nothing to copy: {text[0].lower()}{text[1:]}.", severity="warning")
                return
            if (pane, iid) != self.selected:
                self._select(pane, iid)
        if not self.selected or self.selected[0] == "actors":
            self.notify("Nothing to copy: highlight a quote, demand or red line first.", severity="warning")
            return
        it = self.item(*self.selected)
        if it is None:
            self.notify("Nothing to copy: the highlighted item is no longer in view.", severity="warning")
            return
        self._copy([self.format_item(it)], "Quote" if self.selected[0] == "quotes" else "Claim")

    def action_copy_all(self) -> None:
        quotes = self.visible_items("quotes")
        if not quotes:
            self.notify("No quotes in view.", severity="warning")
            return
        self._copy([self.format_item(q) for q in quotes], f"{len(quotes)} quotes")


    def _export(self, suffix: str) -> None:
        r = self.result
        if r is None:
            self.notify("Nothing to export yet.", severity="warning")
            return
        stem = "parley-" + (Path(self.path).stem or "article")
        if self.filter_actor:
            stem += "-" + self.filter_actor + ("-side" if self.filter_side else "")
        path = free_path(Path.cwd() / f"{stem}{suffix}")
        body = export_body(r, suffix, self.filter_ids())
        try:
            with open(path, "x", encoding="utf-8") as fh:
                fh.write(body)
        except OSError as exc:
            self.notify(f"Could not write {path}: {exc.strerror}", severity="error")
            return
        self.last_export = path
        self.notify(f"Exported to {path}", title="Export")

    def action_export(self) -> None:
        self._export(".md")

    def action_export_json(self) -> None:
        self._export(".json")

    def action_show_notes(self) -> None:
        """The notes file's path and content (palette: "Show notes file")."""
        try:
            content = visible(self.quotes_file.read_text(encoding="utf-8", errors="replace"))
        except FileNotFoundError:
            content = None
        except OSError as exc:
            self.notify(f"Cannot read {self.quotes_file}: {exc.strerror}", severity="warning")
            return
        self.push_screen(NotesScreen(str(self.quotes_file), content))
