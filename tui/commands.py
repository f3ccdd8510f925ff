"""Command palette provider: Parley's own commands ("Filter by: <actor>", copy, export)."""
from __future__ import annotations

from textual.command import Hit, Hits, Matcher, Provider
from textual.content import Content


def highlight(matcher: Matcher, label: str) -> Content:
    """``Matcher.highlight`` parses its candidate as markup; an actor's name is data."""
    content = Content(label)
    score, offsets = matcher.fuzzy_search.match(matcher.query, label)
    if score:
        for i in offsets:
            if not label[i].isspace():
                content = content.stylize(matcher.match_style, i, i + 1)
    return content


class ActorCommands(Provider):
    """Command palette: "Filter by: <actor>" for every actor."""

    async def search(self, query: str) -> Hits:
        app = self.app
        if getattr(app, "result", None) is None:
            return
        matcher = self.matcher(query)
        for a in app.result.actors:
            label = f"Filter by: {a.name}"
            score = matcher.match(label)
            if score > 0:
                yield Hit(score, highlight(matcher, label), lambda aid=a.id: app.set_filter(aid),
                          help=", ".join(a.aliases))
        for label, action in (("Copy highlighted quote or claim", app.action_copy),
                              ("Copy all quotes in view", app.action_copy_all),
                              ("Export view as Markdown", app.action_export),
                              ("Export view as JSON", app.action_export_json),
                              ("Clear actor filter", app.action_clear_filter)):
            score = matcher.match(label)
            if score > 0:
                yield Hit(score, highlight(matcher, label), action)
