"""Command palette provider: Parley's own commands ("Filter by: <actor>", copy, export,
notes file), listed as soon as the palette opens and searchable by any word."""
from __future__ import annotations

from textual.command import DiscoveryHit, Hit, Hits, Matcher, Provider
from textual.content import Content
from textual.markup import escape


def highlight(matcher: Matcher, label: str) -> Content:
    """``Matcher.highlight`` parses its candidate as markup; an actor's name is data (and
    the palette parses help text as markup, so that is escaped)."""
    content = Content(label)
    score, offsets = matcher.fuzzy_search.match(matcher.query, label)
    if score:
        for i in offsets:
            if not label[i].isspace():
                content = content.stylize(matcher.match_style, i, i + 1)
    return content


class ActorCommands(Provider):
    """Parley's commands; "Filter by: <actor>" for every actor."""

    def commands(self) -> list[tuple[str, object, str]]:
        """(label, callback, help) for every command the app offers now."""
        app = self.app
        out: list[tuple[str, object, str]] = [
            (f"Show notes file ({app.quotes_file})", app.action_show_notes, "what c has copied so far"),
            ("Copy highlighted quote or claim", app.action_copy, "c"),
            ("Copy all quotes in view", app.action_copy_all, "C"),
            ("Export view as Markdown", app.action_export, "e"),
            ("Export view as JSON", app.action_export_json, "E"),
            ("Clear actor filter", app.action_clear_filter, "escape"),
        ]
        if hasattr(app, "action_toggle_side"):  # listed always: without a filter it says what to do
            out.append(("Toggle side filter (person / everyone on their side)", app.action_toggle_side,
                        "s" if getattr(app, "filter_actor", None) else "s, after filtering by an actor"))
        if hasattr(app, "action_open"):
            from .opening import recent_label
            from .recent import load_recent
            out.append(("Open article… (path, recent)", app.action_open, "ctrl+o"))
            for path in load_recent():
                out.append((f"Open recent: {recent_label(path)}", lambda p=path: app.open_article(p), path))
        if getattr(app, "library", None) is not None:
            out.append(("Library: every article", app.action_library, "L"))
        if getattr(app, "result", None) is not None:
            for a in app.result.actors:
                out.append((f"Filter by: {a.name}", lambda aid=a.id: app.set_filter(aid), ", ".join(a.aliases)))
        return out

    async def discover(self) -> Hits:
        for label, action, help_text in self.commands():
            yield DiscoveryHit(Content(label), action, text=label, help=escape(help_text))

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for label, action, help_text in self.commands():
            score = matcher.match(label)
            if score > 0:
                yield Hit(score, highlight(matcher, label), action, text=label, help=escape(help_text))
