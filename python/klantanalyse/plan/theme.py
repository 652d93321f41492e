"""Colours, number formats and text styles of every sheet: the one home for them."""

from __future__ import annotations

import colorsys

from .model import Style

FONT = "Calibri"  # Excel's default; LibreOffice substitutes a metric-compatible font

RESULT_HEADER_FILL = "1F3864"
RESULT_HEADER_FONT = "FFFFFF"

# Number formats (codes as stored in the file; Excel shows them in the user's locale).
GENERAL = "General"
MONEY_FORMAT = "#,##0"
PERCENT_FORMAT = "0%"
CURVE_FORMAT = "0.0%"
CHANGE_FORMAT = "+0%;-0%;0%"
DATE_FORMAT = "dd-mm-yyyy"
TIME_FORMAT = "dd-mm-yyyy hh:mm"
LIFT_FORMAT = '0.0"×"'

BOLD = Style(bold=True)
TITLE = Style(bold=True, size=14)
RESULT_HEADER = Style(bold=True, font_colour=RESULT_HEADER_FONT, fill=RESULT_HEADER_FILL)
WRAP = Style(wrap=True, vertical="top")
WRAP_RIGHT = Style(wrap=True, vertical="top", horizontal="right")
HEADER_WRAP = Style(wrap=True, vertical="center")
TOP = Style(vertical="top")
TOP_CENTRE = Style(vertical="top", horizontal="center")

# The result columns of Klanten: number formats (runs with orders) and widths (characters).
RESULT_FORMATS: dict[str, str] = {
    "avg_order": MONEY_FORMAT,
    "avg_order_recent": MONEY_FORMAT,
    "first_order": DATE_FORMAT,
    "last_order": DATE_FORMAT,
    "revenue_recent": MONEY_FORMAT,
    "revenue_previous": MONEY_FORMAT,
    "gross_margin": MONEY_FORMAT,
    "cost_to_serve": MONEY_FORMAT,
    "contribution": MONEY_FORMAT,
    "change": CHANGE_FORMAT,
    "projection": MONEY_FORMAT,
}
RESULT_WIDTHS: dict[str, float] = {
    "signal": 11,
    "customer_type": 12,
    "action": 14,
    "signal_reason": 36,
    "type_reason": 36,
    "action_reason": 36,
    "first_order": 12,
    "last_order": 12,
}
# A subtle fill for the value words of Signaal, Klanttype and Actie (value key -> colour).
VALUE_FILLS: dict[str, dict[str, str]] = {
    "signal": {
        "potential": "DDEBF7",  # light blue: room to grow
        "attention": "FCE4D6",  # light orange: act now
        "dormant": "EDEDED",  # light grey
        "new": "E2EFDA",  # light green
    },
    "customer_type": {"thriving": "E2EFDA", "interesting": "DDEBF7", "tiring": "FCE4D6"},
    "action": {"develop": "E2EFDA", "reconsider": "FCE4D6"},
}

# The Actielijst's `Wanneer` words (key -> colour): this week stands out, this month less.
WHEN_FILLS: dict[str, str] = {"week": "FCE4D6", "month": "FFF2CC"}

# Charts
CURVE_COLOUR = "1F3864"
GUIDE_COLOUR = "C00000"
LIMIT_COLOUR = "7F7F7F"
MARKER_LINE = "404040"
LAYER_COLOURS = ("1F3864", "2F5597", "4472C4", "8FAADC", "BFBFBF")


def fill_of(colour: str) -> str:
    """A settings colour ('#C6EFCE') as a plan colour ('C6EFCE')."""
    return colour[1:] if colour.startswith("#") else colour


def marker_colour(fill: str) -> str:
    """A stronger shade of a (pale) cell colour, for chart markers: '#C6EFCE' -> '2E9E4A'."""
    r, g, b = (int(fill.lstrip("#")[i : i + 2], 16) / 255 for i in (0, 2, 4))
    h, lightness, sat = colorsys.rgb_to_hls(r, g, b)
    r, g, b = colorsys.hls_to_rgb(h, min(lightness, 0.45), max(sat, 0.65))
    return "".join(f"{round(v * 255):02X}" for v in (r, g, b))
