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
from ..core.tables import ORDER_SHEETS, PROSPECT_SHEETS
from ..errors import InputError, KlantanalyseError

clock: Callable[[], dt.datetime] = dt.datetime.now

RESULT_FILL = "#1F3864"
RESULT_FONT = "#FFFFFF"
TIME_FORMAT = "dd-mm-yyyy hh:mm"  # Range.NumberFormat takes the English codes
GENERAL = "General"
CURVE_FORMAT = "0.0%"  # the Pareto and whale curves' shares
LIFT_FORMAT = '0.0"×"'  # "2.7×" on the Verwantschap sheet
TITLE_SIZE = 14
PROSPECT_WIDTHS = (12, 80)  # Gelijkenis, Gelijkenis: waarom (as the file writer)
PROSPECT_KEYS = labels.PROSPECT_KEYS


# ---- the ribbon's entry points ---------------------------------------------------------


def analyse() -> None:
    """Analyseer klanten: results right of the inputs (Klanten and Prospects), the Matrix
    blocks and portfolio page, the Verwantschap sheet and the status."""
    _run(_analyse)


def clear() -> None:
    """Wis resultaten: remove exactly what `analyse` writes."""
    _run(_clear)


def load_demo() -> None:
    """Voorbeelddata: replace Klanten, Orders and Prospects by the demo data (asking first
    when Klanten or Prospects holds data)."""
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


def _settings(context: _Context) -> tuple[Any, list[tuple[object, object]] | None]:
    """Settings from Instellingen (defaults without that sheet) and the sheet's rows."""
    from ..run import load_settings
    from .book import SETTINGS, read_values, settings_rows

    sheet = context.sheet(SETTINGS, required=False)
    rows = None if sheet is None else settings_rows(read_values(sheet))
    settings, _ = load_settings(rows)
    context.lang = settings.lang
    return settings, rows


def _analyse(context: _Context) -> None:
    import dataclasses

    from .. import layout
    from . import book as xl

    settings, rows = _settings(context)
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
    prospects = prospect_values = None
    prospects_sheet = context.sheet(*PROSPECT_SHEETS, required=False)
    if prospects_sheet is not None:
        prospect_values = xl.read_values(prospects_sheet)
        prospects, prospect_warnings = xl.prospect_table(
            prospect_values, book_name, lang, prospects_sheet.name
        )
        table_warnings += prospect_warnings
    from pathlib import PureWindowsPath

    from ..run import Tables, run

    source = PureWindowsPath(book_name)
    tables = Tables(table, orders, prospects, rows, tuple(table_warnings), source)
    done = run(tables)
    analysis, view = done.analysis, done.affinity
    analysis = dataclasses.replace(analysis, warnings=done.warnings)
    _write_results(customers_sheet, values, table, analysis)
    if prospects is not None:
        _write_prospects(prospects_sheet, prospect_values, prospects, view, settings)
    matrix = context.sheet(xl.MATRIX, required=False)
    if matrix is not None:
        _write_matrix(matrix, analysis)
    _write_affinity(context, view, settings)
    start = context.sheet(xl.START, required=False)
    if start is not None:
        status = layout.status_block(analysis, clock(), lang)
        xl.write_block(start, status.row, status.column, xl.prepare(status.rows))
        start.range((status.row + 1, status.column + 1)).number_format = TIME_FORMAT


def _write_columns(
    sheet: Any,
    values: list[list[Any]],
    header_row: int,
    headers: list[str],
    rows: dict[int, list[Any]],
    table_name: str,
) -> Any:
    """Result columns right of the user's inputs: `headers` on `header_row`, `rows` keyed by
    sheet row. Clears result columns left elsewhere by an earlier run, styles the headers and
    stretches the Excel table over inputs and results. Returns the Placement."""
    from . import book as xl
    from .placement import place_results

    width = len(headers)
    data_bottom = max(rows, default=header_row)
    place = place_results(values, header_row, width, data_bottom)
    top = place.header_row
    block: list[list[Any]] = [[None] * width for _ in range(place.bottom - top + 1)]
    block[0] = headers
    for sheet_row, row in rows.items():
        block[sheet_row - top] = row
    for first, last in _runs(place.stale):
        sheet.range((top, first), (place.bottom, last)).clear()
    xl.write_block(sheet, top, place.column, xl.prepare(block))
    header = sheet.range((top, place.column), (top, place.last_column))
    header.color = RESULT_FILL
    font = header.font
    font.color = RESULT_FONT
    font.bold = True
    _resize_table(sheet, top, max(data_bottom, top + 1), place.last_column, table_name)
    return place


def _write_results(sheet: Any, values: list[list[Any]], table: Any, analysis: Any) -> None:
    """The result columns in one block; customers found only in the orders get their name
    below the table (as the file writer adds them); number formats, widths, colour rules."""
    from .. import layout
    from ..core.columns import match_headers
    from ..core.settings import SEGMENTS
    from . import book as xl

    keys = analysis.result_keys
    lang = analysis.settings.lang
    headers = layout.result_headers(analysis)
    rows = dict(zip(analysis.results.index, layout.result_rows(analysis), strict=True))
    place = _write_columns(sheet, values, table.header_row, headers, rows, layout.CUSTOMER_TABLE)
    top = place.header_row
    added = list(analysis.portfolio.added_rows) if analysis.portfolio is not None else []
    name_at = match_headers(values[top - 1], ("customer",)).get("customer")
    if added and name_at is not None:  # consecutive rows below the table
        names = analysis.results.loc[added, "customer"].tolist()
        xl.write_block(sheet, added[0], name_at + 1, xl.prepare([[n] for n in names]))
    bottom = max(place.bottom, top + 1)

    def column(key: str) -> Any:
        at = place.column + keys.index(key)
        return sheet.range((top + 1, at), (bottom, at))

    data = sheet.range((top + 1, place.column), (bottom, place.last_column))
    data.number_format = GENERAL
    for pos, key in enumerate(keys):
        code = layout.RESULT_FORMATS.get(key)
        width = layout.RESULT_WIDTHS.get(key)
        if width is None and code is not None:
            width = max(len(headers[pos]) + 2.0, 11.0)  # as the file writer sizes them
        if code is not None:
            column(key).number_format = code
        if width is not None:
            column(key).column_width = width
    rules = data.conditional_formats
    rules.clear()
    if "segment" in keys:
        segment_rules = column("segment").conditional_formats
        for segment in SEGMENTS:
            segment_rules.add_cell_value(
                "equal", f'="{segment}"', fill_color=analysis.settings.colours[segment]
            )
    for key in layout.VALUE_FILLS:
        if key in keys:
            word_rules = column(key).conditional_formats
            for word, colour in layout.value_fills(key, lang).items():
                word_rules.add_cell_value("equal", f'="{word}"', fill_color="#" + colour)


def _resize_table(sheet: Any, top: int, bottom: int, last_column: int, name: str) -> None:
    """Stretch the Excel table over inputs and results, so sorting keeps rows together."""
    for found in sheet.tables:
        if found.name.casefold() == name.casefold():
            found.resize(sheet.range((top, 1), (bottom, last_column)))
            return


def _used_bottom(sheet: Any) -> int:
    used = sheet.used_range
    return used.row + used.shape[0] - 1


def _write_matrix(sheet: Any, analysis: Any) -> None:
    """Summary, chart data, name labels, limit lines and the portfolio page (blank without
    orders, so its pre-built charts show nothing of an earlier run); segment colours in the
    summary and the number formats of the portfolio tables."""
    from .. import layout
    from ..core.settings import SEGMENTS
    from . import book as xl

    bottom = _used_bottom(sheet)
    # the chart data down to the capacity of the pre-built chart, or further down where an
    # earlier run was longer: blank rows added after `prepare` (nothing to convert in them)
    chart = layout.chart_block(analysis)
    height = max(chart.height, layout.CHART_CAPACITY + 1, bottom - chart.row + 1)
    chart_rows = xl.prepare(chart.rows, chart.width, height)
    portfolio = layout.portfolio_blocks(analysis)
    if not layout.has_portfolio(analysis):
        portfolio = [layout.blank(block) for block in portfolio]
    summary = layout.summary_block(analysis)
    blocks = [summary, layout.label_block(analysis), layout.limit_block(analysis), *portfolio]
    xl.write_block(sheet, summary.row, summary.column, xl.prepare(summary.rows))
    xl.write_block(sheet, chart.row, chart.column, chart_rows)
    for block in blocks[1:]:
        xl.write_block(sheet, block.row, block.column, xl.prepare(block.rows))
    for i, segment in enumerate(SEGMENTS):
        cell = sheet.range((summary.row + 2 + i, summary.column))
        cell.color = analysis.settings.colours[segment]
    for top, left, last_row, last_column, code in _portfolio_formats(portfolio):
        sheet.range((top, left), (last_row, last_column)).number_format = code


def _portfolio_formats(blocks: list[Any]) -> list[tuple[int, int, int, int, str]]:
    """(top, left, bottom, right, number format) of the figures in the portfolio blocks, as
    the file writer formats them: money and shares in the tables, percentages on the curves."""
    from .. import layout

    _, _, pyramid, retention, *curves = blocks
    out = []
    for table, formats in (
        (pyramid, {2: layout.MONEY_FORMAT, 3: layout.PERCENT_FORMAT}),
        (retention, {3: layout.PERCENT_FORMAT}),
    ):
        last = table.row + table.height - 1
        for offset, code in formats.items():
            column = table.column + offset
            out.append((table.row + 2, column, last, column, code))
    for block in curves:  # a curve (x, y) or a guide line (name, x, y)
        first = block.column + block.width - 2
        out.append((block.row + 1, first, block.row + block.height - 1, first + 1, CURVE_FORMAT))
    return out


def _write_prospects(
    sheet: Any, values: list[list[Any]], table: Any, view: Any, settings: Any
) -> None:
    """Gelijkenis and its reasons right of the user's prospect columns (never in them), the
    score coloured from the C colour (0) over B (50) to the A colour (100)."""
    from .. import layout

    frame = table.frame
    block = layout.prospect_block(frame, view, settings.lang)
    inputs = frame.shape[1]
    rows = {r: row[inputs:] for r, row in zip(frame.index, block.rows[1:], strict=True)}
    headers = block.rows[0][inputs:]
    place = _write_columns(sheet, values, table.header_row, headers, rows, layout.PROSPECT_TABLE)
    top, bottom = place.header_row, max(place.bottom, place.header_row + 1)
    score = sheet.range((top + 1, place.column), (bottom, place.column))
    reasons = sheet.range((top + 1, place.column + 1), (bottom, place.column + 1))
    data = sheet.range((top + 1, place.column), (bottom, place.last_column))
    rules = data.conditional_formats
    rules.clear()
    colours = settings.colours
    score.conditional_formats.add_color_scale(
        [colours["C"], colours["B"], colours["A"]], thresholds=[0, 50, 100]
    )
    for offset, width in enumerate(PROSPECT_WIDTHS):
        sheet.range((top, place.column + offset)).column_width = width
    reasons.wrap_text = True
    data.rows.autofit()


def _write_affinity(context: _Context, view: Any, settings: Any) -> None:
    """The Verwantschap sheet: its whole block area in one write (blank below the new lines
    where an earlier run was longer), styled like the file writer's sheet."""
    from .. import layout
    from . import book as xl

    sheet = context.sheet(xl.AFFINITY, required=False)
    if sheet is None:
        if not view.has_sheet:
            return
        after = context.sheet(xl.MATRIX, required=False) or context.sheet(xl.CUSTOMERS)
        sheet = context.book.sheets.add(xl.AFFINITY, after=after)
    parts = layout.affinity_parts(view, settings)
    width = len(layout.AFFINITY_LINE_KEYS)
    height = max(p.block.row + p.block.height - 1 for p in parts)
    bottom = max(height, _used_bottom(sheet))
    grid: list[list[Any]] = [[None] * width for _ in range(bottom)]
    for part in parts:
        for i, row in enumerate(part.block.rows):
            grid[part.block.row - 1 + i][: len(row)] = row
    area = sheet.range((1, 1), (bottom, width))
    area.clear_formats()
    xl.write_block(sheet, 1, 1, xl.prepare(grid))
    area.vertical_alignment = "top"
    sheet.range((1, 1), (height, 1)).wrap_text = True
    for part in parts:
        block = part.block
        if part.role in ("title", "subtitle"):
            font = sheet.range((block.row, 1)).font
            font.bold = True
            if part.role == "title":
                font.size = TITLE_SIZE
        elif part.role in ("group", "header"):
            cells = sheet.range((block.row, 1), (block.row, width))
            font = cells.font
            font.bold = True
            if part.role == "group":
                cells.color = settings.colours[part.segment]
            else:
                cells.color = RESULT_FILL
                font.color = RESULT_FONT
                cells.wrap_text = True
        elif part.role == "lines":
            lift = layout.AFFINITY_LINE_KEYS.index("aff_lift") + 1
            last = block.row + block.height - 1
            sheet.range((block.row, lift), (last, lift)).number_format = LIFT_FORMAT
    area.rows.autofit()


# ---- Wis resultaten ----------------------------------------------------------------------


def _clear(context: _Context) -> None:
    from .. import layout
    from . import book as xl

    settings, _ = _settings(context)
    customers_sheet = context.sheet(xl.CUSTOMERS)
    context.busy("act.what.clear")
    values = xl.read_values(customers_sheet)
    _clear_results(customers_sheet, values, ("customer",), layout.CUSTOMER_TABLE)
    prospects_sheet = context.sheet(*PROSPECT_SHEETS, required=False)
    if prospects_sheet is not None:
        prospect_values = xl.read_values(prospects_sheet)
        _clear_results(prospects_sheet, prospect_values, PROSPECT_KEYS, layout.PROSPECT_TABLE)
    matrix = context.sheet(xl.MATRIX, required=False)
    if matrix is not None:
        bottom = _used_bottom(matrix)
        for block in _matrix_extents(bottom):
            matrix.range(block[:2], block[2:]).clear_contents()
        for block in layout.portfolio_blocks(_NoRun(settings)):
            xl.write_block(matrix, block.row, block.column, xl.prepare(layout.blank(block).rows))
    affinity = context.sheet(xl.AFFINITY, required=False)
    if affinity is not None:
        width = len(layout.AFFINITY_LINE_KEYS)
        affinity.range((1, 1), (_used_bottom(affinity), width)).clear()
    start = context.sheet(xl.START, required=False)
    if start is not None:
        status = layout.status_block(None, None, settings.lang)
        xl.write_block(start, status.row, status.column, xl.prepare(status.rows))


class _NoRun:
    """What the layout reads of an analysis to size the portfolio blocks of no run."""

    portfolio = None
    summary = None

    def __init__(self, settings: Any):
        self.settings = settings


def _matrix_extents(bottom: int) -> list[tuple[int, int, int, int]]:
    """(top, left, bottom, right) of the grid-chart blocks `_write_matrix` writes."""
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


def _clear_results(
    sheet: Any, values: list[list[Any]], keys: tuple[str, ...], table_name: str
) -> None:
    """Remove result columns (values, header style, formats, colour rules) from a sheet whose
    table has a header for `keys`; shrink its Excel table back to the inputs."""
    from ..core.tables import header_row
    from .placement import place_results

    header_index = header_row(values, keys)
    top = 1 if header_index is None else header_index + 1
    place = place_results(values, top, 0, top)
    if place.stale:
        _resize_table(sheet, top, max(place.bottom, top + 1), place.column - 1, table_name)
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
    from .. import demo, layout
    from . import book as xl

    _settings(context)
    customers_sheet = context.sheet(xl.CUSTOMERS)
    values = xl.read_values(customers_sheet)
    prospects_sheet = context.sheet(*PROSPECT_SHEETS, required=False)
    prospect_values = None if prospects_sheet is None else xl.read_values(prospects_sheet)
    question = None
    if _has_data(values):
        question = "act.confirm_demo"
    elif prospect_values is not None and _has_data(prospect_values):
        question = "act.confirm_demo_prospects"
    if question is not None:
        answer = context.alert(labels.text(question, context.lang), "yes_no")
        if answer != "yes":
            return
    context.busy("act.what.demo")
    data = demo.generate()
    _clear_results(customers_sheet, values, ("customer",), layout.CUSTOMER_TABLE)
    customers_sheet.used_range.clear_contents()
    rows = _frame_rows(data.customers)
    xl.write_block(customers_sheet, 1, 1, xl.prepare(rows))
    _resize_table(customers_sheet, 1, max(len(rows), 2), len(rows[0]), layout.CUSTOMER_TABLE)
    orders_sheet = context.sheet(*ORDER_SHEETS, required=False)
    if orders_sheet is None:
        orders_sheet = context.book.sheets.add(xl.ORDERS, after=customers_sheet)
    else:
        orders_sheet.used_range.clear_contents()
    xl.write_block(orders_sheet, 1, 1, xl.prepare(_frame_rows(data.orders)))
    if prospects_sheet is None:
        prospects_sheet = context.book.sheets.add(xl.PROSPECTS, after=orders_sheet)
    else:
        _clear_results(prospects_sheet, prospect_values, PROSPECT_KEYS, layout.PROSPECT_TABLE)
        prospects_sheet.used_range.clear_contents()
    rows = _frame_rows(data.prospects)
    xl.write_block(prospects_sheet, 1, 1, xl.prepare(rows))
    _resize_table(prospects_sheet, 1, max(len(rows), 2), len(rows[0]), layout.PROSPECT_TABLE)
    customers_sheet.activate()


def _has_data(values: list[list[Any]]) -> bool:
    """True when any row below the first holds a value."""
    return any(any(not _blank(v) for v in row) for row in values[1:])


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
