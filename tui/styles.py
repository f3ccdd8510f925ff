"""How marks look in the article: Rich style strings derived from the active theme.

Every coloured mark is checked for contrast (WCAG 2 ratio ≥ 4.5:1) against what it is
drawn on: a tinted background gets the more readable of the theme's text colour, black or
white, and is pushed darker or lighter until the pair reaches the ratio; a coloured text
mark is blended towards the theme's text colour until it does. ANSI themes, whose
background is the terminal's own, are measured against black (dark) or white (light).
"""
from __future__ import annotations

from textual.color import Color

STYLE_ACTOR = "underline"
STYLE_SELECTED = "reverse"
MIN_CONTRAST = 4.5
BLACK, WHITE = Color(0, 0, 0), Color(255, 255, 255)

# Fallbacks (and the legend's order): used before a theme is known.
DEFAULT = {"actor": STYLE_ACTOR, "filter_actor": "bold underline yellow", "demand": "on dark_green",
           "red_line": "on dark_red", "quote": "italic cyan", "selected": STYLE_SELECTED,
           "hit": "black on yellow", "hit_now": "bold black on bright_magenta"}
LEGEND_KEYS = (("actor", "actor"), ("demand", "demand"), ("red line", "red_line"), ("quote", "quote"),
               ("selected", "selected"))


def luminance(c: Color) -> float:
    def ch(v: int) -> float:
        x = v / 255
        return x / 12.92 if x <= 0.03928 else ((x + 0.055) / 1.055) ** 2.4
    return 0.2126 * ch(c.r) + 0.7152 * ch(c.g) + 0.0722 * ch(c.b)


def contrast(a: Color, b: Color) -> float:
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def _rgb(value: str | None, fallback: Color) -> Color:
    """A theme colour as plain RGB; the terminal's default (ANSI themes) is the fallback."""
    if not value or value in ("ansi_default", "transparent"):
        return fallback
    try:
        c = Color.parse(value)
    except Exception:
        return fallback
    return Color(c.r, c.g, c.b)


def _on(base: Color, page: Color, text: Color) -> tuple[Color, Color]:
    """(text, background) for a mark tinted with ``base`` on ``page``, readable."""
    bg = page.blend(base, 0.45)
    for _ in range(40):
        fg = max((text, BLACK, WHITE), key=lambda c: contrast(c, bg))
        if contrast(fg, bg) >= MIN_CONTRAST:
            return fg, bg
        bg = bg.blend(BLACK if luminance(fg) > 0.5 else WHITE, 0.15)
    return fg, bg


def _text(base: Color, page: Color, text: Color) -> Color:
    """``base`` as a text colour on ``page``, blended towards ``text`` until readable."""
    c = base
    for _ in range(40):
        if contrast(c, page) >= MIN_CONTRAST:
            return c
        c = c.blend(text, 0.15)
    return text if contrast(text, page) >= MIN_CONTRAST else max((BLACK, WHITE), key=lambda x: contrast(x, page))


def page_colours(theme) -> tuple[Color, Color]:
    """(background, foreground) the article is drawn with under ``theme``."""
    cs = theme.to_color_system().generate()
    dark = getattr(theme, "dark", True)
    page = _rgb(cs.get("background"), BLACK if dark else WHITE)
    text = _rgb(cs.get("foreground"), WHITE if dark else BLACK)
    return page, text


def mark_styles(theme) -> dict[str, str]:
    """Rich styles for every mark under ``theme`` (a ``textual.theme.Theme``)."""
    cs = theme.to_color_system().generate()
    page, text = page_colours(theme)

    def tinted(name: str, fallback: Color, extra: str = "") -> str:
        fg, bg = _on(_rgb(cs.get(name), fallback), page, text)
        return f"{extra}{fg.hex6} on {bg.hex6}"

    return {
        "actor": STYLE_ACTOR,
        "filter_actor": f"bold underline {_text(_rgb(cs.get('warning'), Color(255, 200, 0)), page, text).hex6}",
        "demand": tinted("success", Color(0, 160, 0)),
        "red_line": tinted("error", Color(200, 0, 0)),
        "quote": f"italic {_text(_rgb(cs.get('accent'), Color(0, 200, 200)), page, text).hex6}",
        "selected": STYLE_SELECTED,
        "hit": tinted("warning", Color(255, 200, 0)),
        "hit_now": tinted("primary", Color(200, 0, 200), "bold "),
    }
