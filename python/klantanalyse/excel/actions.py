"""Ribbon actions: Analyseer klanten, Wis resultaten, Voorbeelddata, Instellingen, Help.

Each ribbon button's VBA callback runs, in a fresh Python process,
`RunPython "import klantanalyse.excel.actions as k; k.analyse()"` (or `clear()`,
`load_demo()`, `show_settings()`, `show_help()`). The user waits for that process on
every click, so this module imports only xlwings and the labels; each action imports what
it needs when it runs.

Every action costs a fixed number of xlwings calls, whatever the number of customers:
one bulk read per sheet, one write per block, a few calls for formats. Only the result
columns and the blocks of the layout are written, never a cell the user typed. A problem
reaches the user as one sentence in an Excel message; an unexpected error as a sentence
that says where the details were logged.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import xlwings as xw

from ..core import labels
from ..errors import InputError, KlantanalyseError
from ..files.read import ORDER_SHEETS

clock: Callable[[], dt.datetime] = dt.datetime.now

RESULT_FILL = "#1F3864"
RESULT_FONT = "#FFFFFF"
TIME_FORMAT = "dd-mm-yyyy hh:mm"  # Range.NumberFormat takes the English codes


# ---- the ribbon's entry points ---------------------------------------------------------


def analyse() -> None:
    """Analyseer klanten: results right of the inputs, Matrix blocks and the status."""
    _run(_analyse)


def clear() -> None:
    """Wis resultaten: remove exactly what `analyse` writes."""
    _run(_clear)


def load_demo() -> None:
    """Voorbeelddata: replace Klanten (after asking) and Orders by the demo data."""
    _run(_load_demo)


def show_settings() -> None:
    """Instellingen: go to the settings; an empty sheet gets the default settings."""
    _run(_show_settings)


def show_help() -> None:
    """Help: go to the Start sheet, which explains the tool."""
    _run(_show_help)


# ---- the action boundary ---------------------------------------------------------------


class _Context:
    """The calling workbook, its sheets and the language for messages."""

    def __init__(self, book: Any):
        self.book = book
        self.app = book.app
        self.lang = "nl"
        self.is_busy = False
        self._sheets: dict[str, Any] | None = None

    def sheet(self, *names: str, required: bool = True) -> Any | None:
        """The first sheet called one of `names`; InputError if required and missing."""
        if self._sheets is None:
            from .book import sheets_by_name

            self._sheets = sheets_by_name(self.book)
        from .book import find_sheet

        found = find_sheet(self._sheets, *names)
        if found is None and required:
            raise InputError(labels.text("err.no_sheet", self.lang, sheet=names[0]))
        return found

    def alert(self, message: str, buttons: str = "ok", mode: str = "info") -> str | None:
        return self.app.alert(message, labels.text("act.title", self.lang), buttons, mode)

    def busy(self, what: str) -> None:
        """Freeze the screen and say what is going on in the status bar."""
        self.app.screen_updating = False
        text = labels.text(what, self.lang)
        self.app.status_bar = labels.text("act.busy", self.lang, what=text)
        self.is_busy = True

    def idle(self) -> None:
        if self.is_busy:
            self.is_busy = False
            self.app.status_bar = False
            self.app.screen_updating = True


def _run(action: Callable[[_Context], None]) -> None:
    """Run one action; every failure becomes one sentence in a message box."""
    from .logfile import log_exception

    try:
        context = _Context(xw.Book.caller())
    except Exception:  # noqa: BLE001 - not started from Excel: no window to show a box in
        log_exception(f"{action.__name__}: no calling workbook")
        return
    message = None
    try:
        action(context)
    except KlantanalyseError as error:
        message = labels.text("act.problem", context.lang, message=error.message)
    except Exception as error:  # noqa: BLE001 - the user gets a sentence and a log file
        log = log_exception(action.__name__)
        message = labels.text("act.unexpected", context.lang, error=type(error).__name__, log=log)
    try:
        context.idle()
        if message is not None:
            context.alert(message, "ok", "critical")
    except Exception:  # noqa: BLE001 - Excel went away; the log keeps the details
        log_exception(f"{action.__name__}: reporting to Excel")


# ---- Analyseer klanten -------------------------------------------------------------------


def _settings(context: _Context) -> tuple[Any, list[str]]:
    """Settings and warnings from Instellingen (defaults without that sheet)."""
    from .book import SETTINGS, read_settings, read_values

    sheet = context.sheet(SETTINGS, required=False)
    settings, warnings = read_settings(None if sheet is None else read_values(sheet))
    context.lang = settings.lang
    return settings, warnings


def _analyse(context: _Context) -> None:
    import dataclasses

    from .. import layout
    from . import book as xl

    settings, setting_warnings = _settings(context)
    lang = settings.lang
    customers_sheet = context.sheet(xl.CUSTOMERS)
    context.busy("act.what.analyse")
    book_name = context.book.name
    values = xl.read_values(customers_sheet)
    table, table_warnings = xl.customer_table(values, book_name, lang)
    orders = None
    orders_sheet = context.sheet(*ORDER_SHEETS, required=False)
    if orders_sheet is not None:
        orders, order_warnings = xl.order_table(
            xl.read_values(orders_sheet), book_name, lang, orders_sheet.name
        )
        table_warnings += order_warnings
    analysis = xl.analyse_tables(table, orders, settings)
    analysis = dataclasses.replace(
        analysis, warnings=(*table_warnings, *setting_warnings, *analysis.warnings)
    )
    _write_results(customers_sheet, values, table, analysis)
    matrix = context.sheet(xl.MATRIX, required=False)
    if matrix is not None:
        _write_matrix(matrix, analysis)
    start = context.sheet(xl.START, required=False)
    if start is not None:
        status = layout.status_block(analysis, clock(), lang)
        xl.write_block(start, status.row, status.column, xl.prepare(status.rows))
        start.range((status.row + 1, status.column + 1)).number_format = TIME_FORMAT


def _write_results(sheet: Any, values: list[list[Any]], table: Any, analysis: Any) -> None:
    """The result columns in one block, their header style and the segment colours."""
    from .. import layout
    from ..core.settings import SEGMENTS
    from . import book as xl
    from .placement import place_results

    keys = analysis.result_keys
    index = list(table.frame.index)
    data_bottom = max(index, default=table.header_row)
    place = place_results(values, table.header_row, len(keys), data_bottom)
    top = place.header_row
    block: list[list[Any]] = [[None] * len(keys) for _ in range(place.bottom - top + 1)]
    block[0] = layout.result_headers(analysis)
    for sheet_row, row in zip(index, layout.result_rows(analysis), strict=True):
        block[sheet_row - top] = row
    for first, last in _runs(place.stale):
        sheet.range((top, first), (place.bottom, last)).clear()
    xl.write_block(sheet, top, place.column, xl.prepare(block))
    header = sheet.range((top, place.column), (top, place.last_column))
    header.color = RESULT_FILL
    font = header.font
    font.color = RESULT_FONT
    font.bold = True
    if "segment" in keys:
        column = place.column + keys.index("segment")
        cells = sheet.range((top + 1, column), (max(place.bottom, top + 1), column))
        rules = cells.conditional_formats
        rules.clear()
        for segment in SEGMENTS:
            rules.add_cell_value(
                "equal", f'="{segment}"', fill_color=analysis.settings.colours[segment]
            )
    _resize_table(sheet, top, max(data_bottom, top + 1), place.last_column)


def _resize_table(sheet: Any, top: int, bottom: int, last_column: int) -> None:
    """Stretch the Excel table over inputs and results, so sorting keeps rows together."""
    from ..layout import CUSTOMER_TABLE

    for found in sheet.tables:
        if found.name.casefold() == CUSTOMER_TABLE.casefold():
            found.resize(sheet.range((top, 1), (bottom, last_column)))
            return


def _matrix_bottom(sheet: Any) -> int:
    used = sheet.used_range
    return used.row + used.shape[0] - 1


def _write_matrix(sheet: Any, analysis: Any) -> None:
    """Summary, chart data, name labels and limit lines; segment colours in the summary."""
    from .. import layout
    from ..core.settings import SEGMENTS
    from . import book as xl

    bottom = _matrix_bottom(sheet)
    chart = layout.chart_block(analysis, layout.CHART_CAPACITY)
    height = max(chart.height, bottom - chart.row + 1)
    blocks = [
        layout.summary_block(analysis),
        layout.Block(chart.row, chart.column, chart.rows + [[None] * 5] * (height - chart.height)),
        layout.label_block(analysis),
        layout.limit_block(analysis),
    ]
    for block in blocks:
        xl.write_block(sheet, block.row, block.column, xl.prepare(block.rows))
    summary = blocks[0]
    for i, segment in enumerate(SEGMENTS):
        cell = sheet.range((summary.row + 2 + i, summary.column))
        cell.color = analysis.settings.colours[segment]


# ---- Wis resultaten ----------------------------------------------------------------------


def _clear(context: _Context) -> None:
    from .. import layout
    from . import book as xl

    settings, _ = _settings(context)
    customers_sheet = context.sheet(xl.CUSTOMERS)
    context.busy("act.what.clear")
    values = xl.read_values(customers_sheet)
    _clear_results(customers_sheet, values)
    matrix = context.sheet(xl.MATRIX, required=False)
    if matrix is not None:
        bottom = _matrix_bottom(matrix)
        for block in _matrix_extents(bottom):
            matrix.range(block[:2], block[2:]).clear_contents()
    start = context.sheet(xl.START, required=False)
    if start is not None:
        status = layout.status_block(None, None, settings.lang)
        xl.write_block(start, status.row, status.column, xl.prepare(status.rows))


def _matrix_extents(bottom: int) -> list[tuple[int, int, int, int]]:
    """(top, left, bottom, right) of every block `_write_matrix` writes."""
    from .. import layout

    summary = layout.SUMMARY_AT
    chart = layout.CHART_DATA_AT
    names = layout.LABELS_AT
    lines = layout.LIMITS_AT
    return [
        (summary[0], summary[1], summary[0] + 8, summary[1] + 3),
        (chart[0], chart[1], max(bottom, chart[0] + layout.CHART_CAPACITY), chart[1] + 4),
        (names[0], names[1], names[0] + layout.LABEL_COUNT, names[1] + 2),
        (lines[0], lines[1], lines[0] + 4, lines[1] + 2),
    ]


def _clear_results(sheet: Any, values: list[list[Any]]) -> None:
    """Remove result columns (values, header style, colour rules); shrink the table back."""
    from ..files.read import header_row
    from .placement import place_results

    header_index = header_row(values, ("customer",))
    top = 1 if header_index is None else header_index + 1
    place = place_results(values, top, 0, top)
    if place.stale:
        _resize_table(sheet, top, max(place.bottom, top + 1), place.column - 1)
    for first, last in _runs(place.stale):
        sheet.range((top, first), (place.bottom, last)).clear()


def _runs(columns: tuple[int, ...]) -> list[tuple[int, int]]:
    """Consecutive columns as (first, last) pairs: 6,7,8,10 -> (6, 8), (10, 10)."""
    runs: list[tuple[int, int]] = []
    for column in columns:
        if runs and runs[-1][1] == column - 1:
            runs[-1] = (runs[-1][0], column)
        else:
            runs.append((column, column))
    return runs


# ---- Voorbeelddata -----------------------------------------------------------------------


def _load_demo(context: _Context) -> None:
    from .. import demo
    from . import book as xl

    _settings(context)
    customers_sheet = context.sheet(xl.CUSTOMERS)
    values = xl.read_values(customers_sheet)
    if any(any(not _blank(v) for v in row) for row in values[1:]):
        answer = context.alert(labels.text("act.confirm_demo", context.lang), "yes_no")
        if answer != "yes":
            return
    context.busy("act.what.demo")
    data = demo.generate()
    _clear_results(customers_sheet, values)
    customers_sheet.used_range.clear_contents()
    rows = _frame_rows(data.customers)
    xl.write_block(customers_sheet, 1, 1, xl.prepare(rows))
    _resize_table(customers_sheet, 1, max(len(rows), 2), len(rows[0]))
    orders_sheet = context.sheet(*ORDER_SHEETS, required=False)
    if orders_sheet is None:
        orders_sheet = context.book.sheets.add(xl.ORDERS, after=customers_sheet)
    else:
        orders_sheet.used_range.clear_contents()
    xl.write_block(orders_sheet, 1, 1, xl.prepare(_frame_rows(data.orders)))
    customers_sheet.activate()


def _frame_rows(frame: Any) -> list[list[Any]]:
    """Header + rows of a DataFrame as plain values (dates as datetime, blanks as None)."""
    from ..layout import _clean

    rows: list[list[Any]] = [[str(c) for c in frame.columns]]
    rows.extend([_clean(v) for v in row] for row in frame.itertuples(index=False, name=None))
    return rows


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


# ---- Instellingen / Help -----------------------------------------------------------------


def _show_settings(context: _Context) -> None:
    from .. import layout
    from . import book as xl

    sheet = context.sheet(xl.SETTINGS)
    values = xl.read_values(sheet)
    if not any(any(not _blank(v) for v in row) for row in values):
        from ..core.settings import Settings

        rows = layout.settings_rows(Settings())
        xl.write_block(sheet, 1, 1, xl.prepare(rows))
    sheet.activate()


def _show_help(context: _Context) -> None:
    from . import book as xl

    context.sheet(xl.START).activate()
