"""A sheet of the workbook plan as an openpyxl streaming worksheet.

Blocks are placed in a grid of cells and appended row by row; the sheet's long block (the
customers, the orders, the chart data) becomes a `sheetdata.RowBlock`, serialised when
the package is saved; tables, value fills, colour scales, validations, widths, heights,
frozen panes and page set-up are added as the plan gives them. Nothing here decides what
goes where or how it looks.
"""

from __future__ import annotations

import datetime as dt
import warnings
from copy import copy

from openpyxl.cell import WriteOnlyCell
from openpyxl.formatting.rule import CellIsRule, ColorScaleRule
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.filters import AutoFilter
from openpyxl.worksheet.page import PageMargins
from openpyxl.worksheet.table import Table, TableColumn, TableStyleInfo
from openpyxl.worksheet.worksheet import Worksheet

from ..core.a1 import column_letter
from ..plan import model, theme
from .charts import chart_of
from .sheetdata import Column, RowBlock, cell_text, needs_text_type

Grid = dict[int, dict[int, object]]
_BLANK = object()  # a styled cell without a value


class Styles:
    """openpyxl cells for plan styles, each style made once per sheet."""

    def __init__(self, ws):
        self.ws = ws
        self._protos: dict[model.Style, WriteOnlyCell] = {}

    def proto(self, style: model.Style) -> WriteOnlyCell:
        found = self._protos.get(style)
        if found is None:
            found = WriteOnlyCell(self.ws)
            if style.bold or style.size is not None or style.font_colour is not None:
                found.font = Font(
                    name=theme.FONT,
                    bold=True if style.bold else None,
                    size=style.size,
                    color=style.font_colour,
                )
            if style.fill is not None:
                found.fill = PatternFill("solid", fgColor=style.fill)
            if style.number_format is not None:
                found.number_format = style.number_format
            if style.wrap or style.horizontal or style.vertical:
                found.alignment = Alignment(
                    wrap_text=True if style.wrap else None,
                    horizontal=style.horizontal,
                    vertical=style.vertical,
                )
            self._protos[style] = found
        return found

    def style_id(self, style: model.Style | None) -> int | None:
        return None if style is None else self.proto(style).style_id

    def cell(self, value: object, style: model.Style | None) -> object:
        """A cell holding `value` (text stays text, even when it looks like a formula)."""
        if style is None:
            if isinstance(value, str):
                return _text_cell(self.ws, value) if needs_text_type(value) else cell_text(value)
            return value
        cell = WriteOnlyCell(self.ws, value=None if value is _BLANK else _cell_value(value))
        own_format = cell.number_format
        cell._style = copy(self.proto(style)._style)
        if isinstance(value, (dt.date, dt.time, dt.timedelta)) and style.number_format is None:
            cell.number_format = own_format  # a date keeps its date format
        if isinstance(value, str) and needs_text_type(value):
            cell.data_type = "s"
        return cell


def _cell_value(value: object) -> object:
    return cell_text(value) if isinstance(value, str) else value


def _text_cell(ws, value: str) -> WriteOnlyCell:
    """A string cell that stays text even when it looks like a formula or an error."""
    cell = WriteOnlyCell(ws, value=cell_text(value))
    cell.data_type = "s"
    return cell


def render_sheet(book, sheet: model.SheetPlan) -> RowBlock | None:
    """Add `sheet` to `book` (streaming mode); its long rows come back, to be spliced in."""
    ws = book.create_sheet(sheet.name)
    if sheet.code_name is not None:
        ws.sheet_properties.codeName = sheet.code_name
    styles = Styles(ws)
    for column, width in sheet.widths.items():
        ws.column_dimensions[column_letter(column)].width = width
    if sheet.freeze:
        ws.freeze_panes = sheet.freeze
    if sheet.page is not None:
        _page(ws, sheet.page)
    grid, cell_styles = _grid(sheet.blocks)
    rows = None
    if sheet.long_blocks:
        (long,) = sheet.long_blocks  # one long block a sheet
        rows = _tall(grid, cell_styles, long)
    streamed = rows[0] if rows is not None else None  # the first row of the long rows
    for row, height in sheet.heights.items():
        if streamed is None or row < streamed:  # the long rows carry their own heights
            ws.row_dimensions[row].height = height
    _append(ws, grid, cell_styles, styles)
    if rows is not None:
        columns = [_column(c, styles) for c in rows[1]]
        heights = {r: h for r, h in sheet.heights.items() if r >= rows[0]}
        rows = RowBlock(rows[0], columns, rows[2], heights)
    for table in sheet.tables:
        _table(ws, table)
    for fill in sheet.value_fills:
        _value_fill(ws, fill)
    for scale in sheet.colour_scales:
        _colour_scale(ws, scale)
    for validation in sheet.validations:
        _validation(ws, validation)
    for chart in sheet.charts:
        ws.add_chart(chart_of(chart, sheet.name), chart.anchor)
    return rows


def _grid(blocks) -> tuple[Grid, dict[tuple[int, int], model.Style]]:
    """The cells of the short blocks, and the style of each styled cell."""
    grid: Grid = {}
    cell_styles: dict[tuple[int, int], model.Style] = {}
    for block in blocks:
        for r, values in enumerate(block.rows, start=block.row):
            for c, value in enumerate(values, start=block.column):
                if value is not None:
                    grid.setdefault(r, {})[c] = value
        _styles_into(grid, cell_styles, block.styles)
    return grid, cell_styles


def _styles_into(grid: Grid, cell_styles: dict, styled: tuple[model.Styled, ...]) -> None:
    for item in styled:
        for r, c in item.area.cells():
            if c not in grid.get(r, {}):
                if not item.blanks:
                    continue
                grid.setdefault(r, {})[c] = _BLANK
            before = cell_styles.get((r, c))
            cell_styles[(r, c)] = item.style if before is None else before.merged(item.style)


def _tall(grid: Grid, cell_styles: dict, long: model.ColumnBlock):
    """`long` as rows to stream: the rows it shares with the grid go into the grid (where
    the grid has no cell), the rest start below the grid."""
    below = max(grid, default=0) + 1
    shared = max(0, below - long.row)
    for c, column in enumerate(long.columns, start=long.column):
        for r, value in enumerate(column.values[:shared], start=long.row):
            if value is not None and value == value:
                grid.setdefault(r, {}).setdefault(c, value)
                style = _value_style(column, value)
                if style is not None:
                    cell_styles.setdefault((r, c), style)
    _styles_into(grid, cell_styles, long.styles)
    gap = max(0, long.row - below)
    columns = [
        model.Column(_below(c.values, shared, gap), c.style, c.value_styles) for c in long.columns
    ]
    return below, columns, long.column


def _below(values, shared: int, gap: int):
    """The values after the first `shared`, with `gap` empty cells before them (the values
    themselves when there is nothing to take off or put before)."""
    if not shared and not gap:
        return values
    return [None] * gap + list(values[shared:])


def _value_style(column: model.Column, value: object) -> model.Style | None:
    try:
        return column.value_styles.get(value, column.style)
    except TypeError:  # an unhashable value
        return column.style


def _column(column: model.Column, styles: Styles) -> Column:
    by_value = {v: styles.style_id(s) for v, s in column.value_styles.items()}
    return Column(column.values, styles.style_id(column.style), by_value)


def _append(ws, grid: Grid, cell_styles: dict, styles: Styles) -> None:
    """Append the grid's rows (empty rows for gaps)."""
    for r in range(1, max(grid, default=0) + 1):
        cells = grid.get(r, {})
        row: list[object] = [None] * max(cells, default=0)
        for c in sorted(cells):
            row[c - 1] = styles.cell(cells[c], cell_styles.get((r, c)))
        ws.append(row)


def _page(ws, page: model.Page) -> None:
    ws.page_setup.orientation = "landscape" if page.landscape else "portrait"
    ws.page_setup.paperSize = Worksheet.PAPERSIZE_A4
    left, right, top, bottom, header, footer = page.margins
    ws.page_margins = PageMargins(left, right, top, bottom, header, footer)
    ws.page_setup.fitToWidth = page.fit_width
    ws.page_setup.fitToHeight = page.fit_height
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    if page.print_area:
        ws.print_area = page.print_area[0] if len(page.print_area) == 1 else list(page.print_area)
    if page.title_rows:
        ws.print_title_rows = page.title_rows
    if page.title_columns:
        ws.print_title_cols = page.title_columns


def _table(ws, table: model.Table) -> None:
    """An Excel table with filters over its area (columns set, as streaming mode needs)."""
    ref = table.area.ref
    tab = Table(displayName=table.name, ref=ref)
    tab.tableColumns = [
        TableColumn(id=i, name=cell_text(h)) for i, h in enumerate(table.headers, start=1)
    ]
    tab.tableStyleInfo = TableStyleInfo(name="TableStyleLight1", showRowStripes=True)
    tab.autoFilter = AutoFilter(ref=ref)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        ws.add_table(tab)


def _value_fill(ws, fill: model.ValueFill) -> None:
    for word, colour in fill.colours.items():
        solid = PatternFill(start_color=colour, end_color=colour, fill_type="solid")
        rule = CellIsRule(operator="equal", formula=[f'"{word}"'], fill=solid)
        ws.conditional_formatting.add(fill.area.ref, rule)


def _colour_scale(ws, scale: model.ColourScale) -> None:
    (low, low_colour), (mid, mid_colour), (high, high_colour) = scale.stops
    rule = ColorScaleRule(
        start_type="num",
        start_value=_number(low),
        start_color=low_colour,
        mid_type="num",
        mid_value=_number(mid),
        mid_color=mid_colour,
        end_type="num",
        end_value=_number(high),
        end_color=high_colour,
    )
    ws.conditional_formatting.add(scale.area.ref, rule)


def _number(value: float) -> float | int:
    return int(value) if float(value).is_integer() else value


def _validation(ws, validation: model.ListValidation) -> None:
    words = ",".join(validation.choices)
    rule = DataValidation(type="list", formula1=f'"{words}"', allow_blank=True)
    rule.showErrorMessage = False
    for area in validation.areas:
        rule.add(area.ref)
    ws.data_validations.append(rule)
