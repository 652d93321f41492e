"""A workbook plan drawn through the xlwings Lite Book API.

Lite's Book, Sheet and Range are the xlwings API (xlwings 0.37.8, the version the workbook's
requirements.txt pins), so the plan is drawn by the same renderer as on the ribbon
(`excel.render`): blocks in one write each, styles per area, the colour rules as
conditional formats, the tables stretched, widths and fitted rows. The calls it makes are all
in Lite's API: values, `color`, `font`, `number_format`, `wrap_text`, alignments,
`conditional_formats` (clear, `add_cell_value`, `add_color_scale`), `tables[...].resize`,
`column_width`, `row_height` and `rows.autofit()`.

One unit differs: Lite measures column widths in points where desktop xlwings (and the plan)
use characters. The plan's widths are converted here; everything else is the plan's.
Charts are not drawn: the Matrix chart is in the file, built from the same plan by the file
writer, over the fixed chart-data ranges that every run rewrites.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from ..excel import render as shared
from ..plan.model import BookPlan, SheetPlan

# A column `w` characters wide is w digits of Excel's default font (Calibri 11: 7 pixels a
# digit) plus 5 pixels of margin; a pixel is 0.75 point.
DIGIT_PIXELS = 7
MARGIN_PIXELS = 5
POINTS_PER_PIXEL = 0.75


def points(characters: float) -> float:
    """A column width in characters as Lite sets it (points)."""
    return round((characters * DIGIT_PIXELS + MARGIN_PIXELS) * POINTS_PER_PIXEL, 2)


def in_points(plan: BookPlan) -> BookPlan:
    """`plan` with every column width in points."""
    return BookPlan(tuple(_sheet_in_points(sheet) for sheet in plan.sheets))


def _sheet_in_points(sheet: SheetPlan) -> SheetPlan:
    if not sheet.widths:
        return sheet
    return replace(sheet, widths={col: points(w) for col, w in sheet.widths.items()})


def render(book: Any, plan: BookPlan) -> None:
    """Render every sheet of `plan` on `book` (the xlwings Lite Book a script gets)."""
    shared.render(book, in_points(plan))
