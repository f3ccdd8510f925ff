"""How marks look in the article (Rich style strings), shared by the app, legend and help."""
from __future__ import annotations

STYLE_ACTOR = "underline"
STYLE_FILTER_ACTOR = "bold underline yellow"
STYLE_DEMAND = "on dark_green"
STYLE_RED = "on dark_red"
STYLE_QUOTE = "italic cyan"
STYLE_SELECTED = "reverse"
STYLE_HIT = "black on yellow"  # every search match
STYLE_HIT_NOW = "bold black on bright_magenta"  # the current one

LEGEND = (("actor", STYLE_ACTOR), ("demand", STYLE_DEMAND), ("red line", STYLE_RED),
          ("quote", STYLE_QUOTE), ("selected", STYLE_SELECTED))
