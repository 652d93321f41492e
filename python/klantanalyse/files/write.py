"""The one module that writes workbooks (openpyxl, streaming mode).

`write_workbook(path, content)` writes Start (optional), Klanten, Orders (optional),
Prospects (optional), Matrix, Verwantschap (when there is something to show), Instellingen
and xlwings.conf (optional) from `layout` blocks, to a temporary file that replaces `path`
only when complete. The long runs of rows (customers, orders, chart data) are serialised
by `sheetdata` and added to the sheets as the package is saved.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import glob
import io
import math
import os
import shutil
import signal
import tempfile
import warnings
from collections.abc import Callable, Sequence
from copy import copy
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.chart import BarChart, Reference, ScatterChart, Series
from openpyxl.chart.data_source import AxDataSource
from openpyxl.chart.label import DataLabelList
from openpyxl.chart.layout import Layout, ManualLayout
from openpyxl.chart.marker import DataPoint, Marker
from openpyxl.chart.series import SeriesLabel, StrRef
from openpyxl.chart.shapes import GraphicalProperties
from openpyxl.chart.text import RichText
from openpyxl.drawing.line import LineProperties
from openpyxl.drawing.text import CharacterProperties, Paragraph, ParagraphProperties
from openpyxl.formatting.rule import CellIsRule, ColorScaleRule
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.filters import AutoFilter
from openpyxl.worksheet.table import Table, TableColumn, TableStyleInfo

from .. import layout
from ..core import labels
from ..core.analysis import Analysis
from ..core.columns import match_headers
from ..core.settings import SEGMENTS, Settings
from ..errors import FileError
from .read import SheetTable
from .sheetdata import MAX_CELL_CHARS, Column, RowBlock, cell_text, rows_xml, splice

Rows = layout.Rows
# the long runs of rows per sheet (customers, orders, chart data), serialised in sheetdata
LongRows = dict[object, RowBlock]


@dataclass(frozen=True)
class BookContent:
    """What goes into a workbook. Only `customers` and `settings` are required."""

    customers: SheetTable
    settings: Settings
    analysis: Analysis | None = None
    orders: SheetTable | None = None
    start_rows: Rows | None = None  # the Start sheet's text; None = no Start sheet
    conf_rows: Rows | None = None  # xlwings.conf key/value rows; None = no such sheet
    chart_capacity: int | None = None  # fixed chart ranges (macro workbook)
    run_time: dt.datetime | None = None
    extra_sheets: Sequence[Callable[[Workbook, BookContent], None]] = field(default_factory=tuple)
    yes_no_lists: bool = False  # Ja/Nee drop-downs on the four criteria columns of Klanten
    prospects: SheetTable | None = None  # the Prospects table as given
    affinity: layout.AffinityView | None = None  # profile and prospect scores


def write_workbook(
    path: str | Path,
    content: BookContent,
    finish: Callable[[Path], None] | None = None,
) -> Path:
    """Write `content` to `path` atomically; `finish(tmp)` may post-process the package."""
    path = Path(path)
    lang = content.settings.lang
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        key = "file.parent_not_folder" if folder.exists() else "file.no_folder"
        raise FileError(labels.text(key, lang, folder=str(folder)))
    _remove_stale_temps(folder, path)
    tmp: Path | None = None
    book: Workbook | None = None
    try:
        with _stop_signals_held():  # a stop signal waits until `tmp` is looked after
            try:  # first claim a place next to the output: no work is done that cannot be saved
                prefix = f"{_TEMP_PREFIX}{path.stem}.{os.getpid()}."
                handle, tmp_name = tempfile.mkstemp(prefix=prefix, suffix=path.suffix, dir=folder)
                tmp = Path(tmp_name)
                os.close(handle)
            except OSError as exc:
                raise _write_error(exc, path, folder, lang) from exc
            book = Workbook(write_only=True)
        _save(book, _build(book, content), tmp)
        if finish is not None:
            finish(tmp)
        _sync(tmp)
        os.replace(tmp, path)
    except OSError as exc:
        raise _write_error(exc, path, folder, lang, replacing=True) from exc
    except Exception as exc:  # sheets stream through the temporary folder: is it full?
        if temp_folder_full():
            folder = tempfile.gettempdir()
            raise FileError(labels.text("file.temp_full", lang, folder=folder)) from exc
        raise
    finally:
        if tmp is not None and tmp.exists():
            tmp.unlink()
        if book is not None:
            _discard(book)
    return path


_TEMP_PREFIX = ".~"


@contextlib.contextmanager
def _stop_signals_held():
    """Hold SIGTERM, SIGHUP and SIGINT back (POSIX) while the block runs."""
    held = [getattr(signal, n) for n in ("SIGTERM", "SIGHUP", "SIGINT") if hasattr(signal, n)]
    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, held)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def temp_folder_full(margin: int = 1 << 20) -> bool:
    """True when the temporary folder has less than `margin` bytes free."""
    try:
        return shutil.disk_usage(tempfile.gettempdir()).free < margin
    except OSError:
        return False


def _remove_stale_temps(folder: Path, path: Path) -> None:
    """Remove temporary files a killed earlier run left for `path` (their process is gone)."""
    if os.name != "posix":
        return
    start = f"{_TEMP_PREFIX}{path.stem}."
    for tmp in folder.glob(glob.escape(start) + "*" + glob.escape(path.suffix)):
        pid = tmp.name[len(start) :].split(".", 1)[0]
        if not pid.isdigit() or int(pid) == os.getpid():
            continue
        try:
            os.kill(int(pid), 0)
        except ProcessLookupError:
            tmp.unlink(missing_ok=True)
        except OSError:
            continue


def remove_own_temps(path: Path) -> None:
    """Remove what this process left for `path` when it was stopped by a signal at a moment
    its own clean-up could not run."""
    folder = path.parent if str(path.parent) else Path(".")
    start = f"{_TEMP_PREFIX}{path.stem}.{os.getpid()}."
    for tmp in folder.glob(glob.escape(start) + "*" + glob.escape(path.suffix)):
        tmp.unlink(missing_ok=True)


def _discard(book: Workbook) -> None:
    """Close the sheets of a workbook that was not saved (each streams to a temporary file)."""
    for ws in book.worksheets:
        if not getattr(ws, "closed", True):
            try:
                ws.close()
            except Exception:  # only tidying up after a failure
                pass


def _build(book: Workbook, content: BookContent) -> LongRows:
    """Write every sheet of `content` into `book` (streaming mode); the long runs of rows
    come back, to be added when the package is saved (see `_save`)."""
    rows: LongRows = {}
    book.code_name = "ThisWorkbook"
    if content.start_rows is not None:
        _start_sheet(book, content)
    _customer_sheet(book, content, rows)
    if content.orders is not None:
        _table_sheet(book, layout.ORDERS, content.orders, rows)
    if content.prospects is not None:
        _prospect_sheet(book, content)
    _matrix_sheet(book, content, rows)
    if content.affinity is not None and content.affinity.has_sheet:
        _affinity_sheet(book, content)
    for extra in content.extra_sheets:
        extra(book, content)
    _settings_sheet(book, content.settings)
    if content.conf_rows is not None:
        _conf_sheet(book, content.conf_rows)
    return rows


def _save(book: Workbook, rows: LongRows, path: Path) -> None:
    """Save `book` to `path` with the long runs of rows in their sheets."""
    sources = {ws: rows_xml(ws, block) for ws, block in rows.items()}
    package = io.BytesIO()
    book.save(package)  # the sheets hold their headers and short blocks: a small package
    parts = {ws.path[1:]: source for ws, source in sources.items()}
    with path.open("wb") as out:
        splice(package.getvalue(), parts, out)


def _sync(path: Path) -> None:
    """Flush a finished file to disk, so the rename never exposes a half-written one."""
    with path.open("rb+") as handle:
        os.fsync(handle.fileno())


def _write_error(
    exc: OSError, path: Path, folder: Path, lang: str, replacing: bool = False
) -> FileError:
    """One sentence for a failed write: disk full, no permission, file open elsewhere."""
    if exc.errno == errno.ENOSPC:
        return FileError(labels.text("file.disk_full", lang, file=str(path)))
    if isinstance(exc, PermissionError):
        if replacing and path.exists():
            return FileError(labels.text("file.locked", lang, file=str(path)))
        return FileError(labels.text("file.no_permission", lang, folder=str(folder)))
    return FileError(
        labels.text("file.cannot_write", lang, file=str(path), reason=exc.strerror or exc)
    )


# ---- cells ------------------------------------------------------------------------------

_FONT = "Calibri"  # Excel's default; LibreOffice substitutes a metric-compatible font
_HEADER_FONT = Font(name=_FONT, bold=True)
_RESULT_FILL = PatternFill("solid", fgColor=layout.RESULT_HEADER_FILL)
_RESULT_FONT = Font(name=_FONT, bold=True, color=layout.RESULT_HEADER_FONT)
_TITLE_FONT = Font(name=_FONT, bold=True, size=14)
_BOLD = Font(name=_FONT, bold=True)
_WRAP = Alignment(wrap_text=True, vertical="top")
_WRAP_RIGHT = Alignment(wrap_text=True, vertical="top", horizontal="right")


def _text_cell(ws, value: str) -> WriteOnlyCell:
    """A string cell that stays text even when it starts with '='."""
    cell = WriteOnlyCell(ws, value=cell_text(value))
    cell.data_type = "s"
    return cell


def _safe(ws, value: object) -> object:
    """Values as they go into a row: text that looks like a formula stays text."""
    if isinstance(value, str):
        return _text_cell(ws, value) if value.startswith("=") else cell_text(value)
    return value


def _styled(ws, value: object, font=None, fill=None, number_format=None, alignment=None):
    cell = WriteOnlyCell(ws, value=cell_text(value) if isinstance(value, str) else value)
    if isinstance(value, str) and value.startswith("="):
        cell.data_type = "s"
    if font is not None:
        cell.font = font
    if fill is not None:
        cell.fill = fill
    if number_format is not None:
        cell.number_format = number_format
    if alignment is not None:
        cell.alignment = alignment
    return cell


def _width(ws, column: int, width: float) -> None:
    ws.column_dimensions[layout.column_letter(column)].width = width


def _unique_headers(headers: Sequence[str]) -> list[str]:
    seen: dict[str, int] = {}
    out = []
    for name in headers:
        name = str(name)
        key = name.casefold()
        if key in seen:
            seen[key] += 1
            name = f"{name} ({seen[key]})"
        else:
            seen[key] = 1
        out.append(name)
    return out


# ---- sheets -----------------------------------------------------------------------------


def _customer_sheet(book: Workbook, content: BookContent, rows: LongRows) -> None:
    ws = book.create_sheet(layout.CUSTOMERS)
    ws.sheet_properties.codeName = layout.SHEETS[layout.CUSTOMERS]
    analysis = content.analysis
    table = _input_table(content.customers.frame, analysis)
    inputs = [str(c) for c in table.columns]
    results = layout.result_headers(analysis) if analysis else []
    headers = _unique_headers(inputs + results)
    n_in = len(inputs)
    samples = [table.iloc[:, pos] for pos in range(n_in)]
    if analysis is not None:
        samples += [analysis.results[key] for key in analysis.result_keys]
    widths = [_column_width(name, sample) for name, sample in zip(headers, samples)]
    if analysis is not None:  # formatted numbers and long reasons: widths from layout
        for pos, key in enumerate(analysis.result_keys, start=n_in):
            if key in layout.RESULT_WIDTHS:
                widths[pos] = layout.RESULT_WIDTHS[key]
            elif key in layout.RESULT_FORMATS:
                widths[pos] = max(len(headers[pos]) + 2.0, 11.0)
    for pos, width in enumerate(widths, start=1):
        _width(ws, pos, width)
    ws.freeze_panes = "B2"
    # readable on paper: landscape, about 220 characters per page width, names and headers
    # repeated on every page
    _landscape(ws, pages_wide=max(1, math.ceil(sum(widths) / 220)))
    ws.print_title_rows = "1:1"
    ws.print_title_cols = "A:A"
    header_cells = [
        _styled(ws, h, font=_RESULT_FONT, fill=_RESULT_FILL)
        if i >= n_in
        else _styled(ws, h, font=_BOLD)
        for i, h in enumerate(headers)
    ]
    ws.append(header_cells)
    columns = [Column(table.iloc[:, pos].tolist()) for pos in range(n_in)]
    if analysis is not None:
        result_frame = analysis.results[list(analysis.result_keys)]
        with_orders = layout.has_portfolio(analysis)
        for key in analysis.result_keys:
            values = result_frame[key].tolist()
            if key == "segment":
                fills = content.settings.colours
                styles = {
                    seg: _styled(ws, seg, fill=PatternFill("solid", fgColor=fills[seg][1:]))
                    for seg in SEGMENTS
                }
                column = Column(values, value_styles={k: c.style_id for k, c in styles.items()})
            elif with_orders and key in layout.RESULT_FORMATS:  # only runs with orders
                fmt = layout.RESULT_FORMATS[key]
                column = Column(values, style=_styled(ws, None, number_format=fmt).style_id)
            else:
                column = Column(values)
            columns.append(column)
    rows[ws] = RowBlock(2, columns)
    n_rows = len(table)
    if analysis is not None:
        _value_fills(ws, analysis, n_in + 1, max(n_rows, 1))
    _add_table(ws, layout.CUSTOMER_TABLE, headers, max(n_rows, 1) + 1)
    if content.yes_no_lists:
        _yes_no_lists(ws, inputs, content.settings.lang)


def _input_table(table: pd.DataFrame, analysis: Analysis | None) -> pd.DataFrame:
    """The input columns as written: the customers that only appear in the orders are added
    below, with just their name (the analysis has a result row for each of them)."""
    added = analysis.portfolio.added_rows if analysis and analysis.portfolio else ()
    if not added:
        return table
    names = analysis.results.loc[list(added), "customer"]
    header = analysis.columns.get("customer")
    if header not in list(table.columns):  # no customer table at all: the names only
        header = labels.header("customer", analysis.settings.lang)
        return pd.DataFrame({header: analysis.results["customer"].to_numpy(dtype=object)})
    extra = np.full((len(names), table.shape[1]), None, dtype=object)
    extra[:, list(table.columns).index(header)] = names.to_numpy(dtype=object)
    return pd.DataFrame(np.vstack([table.to_numpy(dtype=object), extra]), columns=table.columns)


def _value_fills(ws, analysis: Analysis, first_column: int, rows: int) -> None:
    """Conditional fills for the words of Signaal, Klanttype and Actie (layout.VALUE_FILLS)."""
    lang = analysis.settings.lang
    for key in layout.VALUE_FILLS:
        if key not in analysis.result_keys:
            continue
        letter = layout.column_letter(first_column + analysis.result_keys.index(key))
        for word, colour in layout.value_fills(key, lang).items():
            fill = PatternFill(start_color=colour, end_color=colour, fill_type="solid")
            rule = CellIsRule(operator="equal", formula=[f'"{word}"'], fill=fill)
            ws.conditional_formatting.add(f"{letter}2:{letter}{rows + 1}", rule)


def _yes_no_lists(ws, inputs: Sequence[str], lang: str) -> None:
    """A Ja/Nee drop-down on each criterion column, down to the sheet's last row; any other
    answer the reader accepts (j/n, x, 1/0, ...) can still be typed."""
    found = match_headers(inputs, labels.CRITERIA)
    if not found:
        return
    words = ",".join(labels.yes_no(v, lang) for v in (True, False))
    validation = DataValidation(type="list", formula1=f'"{words}"', allow_blank=True)
    validation.showErrorMessage = False
    for pos in sorted(found.values()):
        letter = layout.column_letter(pos + 1)
        validation.add(f"{letter}2:{letter}1048576")
    ws.data_validations.append(validation)


def _add_table(ws, name: str, headers: Sequence[str], last_row: int) -> None:
    """An Excel table with filters over A1 to the last header's column, down to `last_row`."""
    ref = f"A1:{layout.column_letter(len(headers))}{last_row}"
    tab = Table(displayName=name, ref=ref)
    tab.tableColumns = [
        TableColumn(id=i, name=cell_text(h)) for i, h in enumerate(headers, start=1)
    ]
    tab.tableStyleInfo = TableStyleInfo(name="TableStyleLight1", showRowStripes=True)
    tab.autoFilter = AutoFilter(ref=ref)
    with warnings.catch_warnings():  # columns are set above, as streaming mode needs
        warnings.simplefilter("ignore", UserWarning)
        ws.add_table(tab)


def _landscape(ws, pages_wide: int = 1) -> None:
    """Print landscape, `pages_wide` pages wide."""
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = pages_wide
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True


def _column_width(name: str, column) -> float:
    longest = len(name)
    if column is not None and len(column):
        sample = column.iloc[:200]
        longest = max([longest] + [len(str(v)) for v in sample.tolist() if v is not None])
    return float(min(max(longest + 2, 8), 45))


def _table_sheet(book: Workbook, title: str, table: SheetTable, rows: LongRows) -> None:
    ws = book.create_sheet(title)
    ws.sheet_properties.codeName = layout.SHEETS.get(title, title)
    frame = table.frame
    for pos, name in enumerate(frame.columns, start=1):
        _width(ws, pos, _column_width(str(name), frame.iloc[:, pos - 1]))
    ws.freeze_panes = "A2"
    ws.append([_styled(ws, str(h), font=_BOLD) for h in frame.columns])
    rows[ws] = RowBlock(2, [Column(frame.iloc[:, pos].tolist()) for pos in range(frame.shape[1])])


def _place(blocks: Sequence[layout.Block]) -> dict[int, dict[int, object]]:
    grid: dict[int, dict[int, object]] = {}
    for block in blocks:
        for r, row in enumerate(block.rows):
            for c, value in enumerate(row):
                if value is not None:
                    grid.setdefault(block.row + r, {})[block.column + c] = value
    return grid


def _append_grid(ws, grid: dict[int, dict[int, object]], styles: dict) -> None:
    """Append rows holding the placed cells."""
    for r in range(1, max(grid, default=0) + 1):
        cells = grid.get(r, {})
        row: list[object] = [None] * max(cells, default=0)
        for c, value in cells.items():
            style = styles.get((r, c))
            row[c - 1] = _styled(ws, value, **style) if style else _safe(ws, value)
        ws.append(row)


def _tall_block(grid: dict[int, dict[int, object]], tall: layout.Block) -> RowBlock:
    """`tall` (a long plain block, e.g. the chart data) as long rows: the rows it shares with
    `grid` go into the grid (where the grid has no cell), the rest into the block below."""
    below = max(grid, default=0) + 1
    shared = max(0, below - tall.row)
    for r, values in enumerate(tall.rows[:shared], start=tall.row):
        for c, value in enumerate(values, start=tall.column):
            if value is not None:
                grid.setdefault(r, {}).setdefault(c, value)
    rest = [[]] * max(0, tall.row - below) + list(tall.rows[shared:])
    columns = [
        Column([row[c] if c < len(row) else None for row in rest]) for c in range(tall.width)
    ]
    return RowBlock(below, columns, first_column=tall.column)


def _matrix_sheet(book: Workbook, content: BookContent, rows: LongRows) -> None:
    ws = book.create_sheet(layout.MATRIX)
    ws.sheet_properties.codeName = layout.SHEETS[layout.MATRIX]
    lang = content.settings.lang
    analysis = content.analysis
    title = labels.text("chart.title", lang)
    blocks = [layout.Block(*layout.MATRIX_TITLE, [[title]])]
    styles: dict[tuple[int, int], dict] = {layout.MATRIX_TITLE: {"font": _TITLE_FONT}}
    if analysis is not None:
        summary = layout.summary_block(analysis)
        chart = layout.chart_block(analysis, content.chart_capacity)
        names = layout.label_block(analysis)
        limits = layout.limit_block(analysis)
        chart_header = layout.Block(chart.row, chart.column, chart.rows[:1])
        chart_data = layout.Block(chart.row + 1, chart.column, chart.rows[1:])
        blocks += [summary, chart_header, names, limits]
        sr, sc = summary.row, summary.column
        styles[(sr, sc)] = {"font": _BOLD}
        for c in range(4):
            styles[(sr + 1, sc + c)] = {"font": _RESULT_FONT, "fill": _RESULT_FILL}
        fills = {s: PatternFill("solid", fgColor=content.settings.colours[s][1:]) for s in SEGMENTS}
        for i, seg in enumerate(SEGMENTS):
            styles[(sr + 2 + i, sc)] = {"fill": fills[seg], "font": _BOLD}
            styles[(sr + 2 + i, sc + 2)] = {"number_format": "#,##0"}
            styles[(sr + 2 + i, sc + 3)] = {"number_format": "0%"}
        styles[(sr + 5, sc)] = {"font": _BOLD}
        styles[(sr + 5, sc + 2)] = {"number_format": "#,##0", "font": _BOLD}
        styles[(sr + 5, sc + 3)] = {"number_format": "0%", "font": _BOLD}
        styles[(sr + 7, sc)] = {"font": _BOLD}
        styles[(sr + 8, sc)] = {"font": _BOLD}
        for block in (chart_header, names, limits):
            for c in range(block.width):
                styles[(block.row, block.column + c)] = {"font": _BOLD}
    portfolio = layout.has_portfolio(analysis)
    if portfolio:
        extra = layout.portfolio_blocks(analysis)
        blocks += extra
        styles.update(_portfolio_styles(ws, extra))
    for col in range(2, 12):  # room for the chart in B:K
        _width(ws, col, 11.5)
    for col, width in ((12, 22), (13, 12), (14, 14), (15, 14), (20, 28), (26, 28), (30, 14)):
        _width(ws, col, width)
    if portfolio:
        for col in (34, 35, 38, 39, 41, 42, 45, 46):
            _width(ws, col, 14)
        for col in (37, 44):
            _width(ws, col, 24)
        ws.print_area = [layout.MATRIX_PRINT_AREA, layout.PORTFOLIO_PRINT_AREA]
    else:
        ws.print_area = layout.MATRIX_PRINT_AREA
    _landscape(ws)
    grid = _place(blocks)
    if analysis is not None:
        rows[ws] = _tall_block(grid, chart_data)
    _append_grid(ws, grid, styles)
    if analysis is not None:
        ws.add_chart(_scatter(content, analysis), layout.CHART_ANCHOR)
    if portfolio:
        for chart, anchor in _portfolio_charts(analysis):
            ws.add_chart(chart, anchor)


def _portfolio_styles(ws, blocks: Sequence[layout.Block]) -> dict[tuple[int, int], dict]:
    """Fonts and number formats of the portfolio blocks (see layout.portfolio_blocks); the
    retention table's header row gets the height of two lines."""
    title, lines, pyramid, retention, *curves = blocks
    styles: dict[tuple[int, int], dict] = {(title.row, title.column): {"font": _TITLE_FONT}}
    for r in range(lines.height):
        styles[(lines.row + r, lines.column)] = {"font": _BOLD}
    for table, formats in (
        (pyramid, {2: layout.MONEY_FORMAT, 3: layout.PERCENT_FORMAT}),
        (retention, {3: layout.PERCENT_FORMAT}),
    ):
        styles[(table.row, table.column)] = {"font": _BOLD}
        for c in range(table.width):
            styles[(table.row + 1, table.column + c)] = {
                "font": _RESULT_FONT,
                "fill": _RESULT_FILL,
                "alignment": _WRAP if c == 0 else _WRAP_RIGHT,  # numbers below: right
            }
        for r in range(table.row + 2, table.row + table.height):
            for c, fmt in formats.items():
                styles[(r, table.column + c)] = {"number_format": fmt}
    ws.row_dimensions[retention.row + 1].height = 30  # room for 'Actieve klanten'
    for block in curves:
        for c in range(block.width):
            styles[(block.row, block.column + c)] = {"font": _BOLD}
            for r in range(block.row + 1, block.row + block.height):
                if isinstance(block.rows[r - block.row][c], float):
                    styles[(r, block.column + c)] = {"number_format": "0.0%"}
    return styles


# ---- portfolio charts: Pareto curve, customer pyramid, whale curve ------------------------

_CURVE_COLOUR = "1F3864"
_GUIDE_COLOUR = "C00000"
_LAYER_COLOURS = ("1F3864", "2F5597", "4472C4", "8FAADC", "BFBFBF")


def _portfolio_charts(analysis: Analysis) -> list[tuple[object, str]]:
    """The native charts below the grid chart, with their anchors."""
    lang = analysis.settings.lang
    t = lambda key: labels.text(key, lang)  # noqa: E731
    charts: list[tuple[object, str]] = []
    pareto = _curve_chart(
        t("sum.pareto_curve"),
        t("sum.pareto_x_axis"),
        t("sum.pareto_y"),
        layout.PARETO_AT,
        layout.PARETO_GUIDE_AT,
        3,
    )
    pareto.y_axis.scaling.max = 1
    charts.append((pareto, layout.PARETO_CHART_ANCHOR))
    charts.append((_pyramid_chart(analysis), layout.PYRAMID_CHART_ANCHOR))
    if analysis.portfolio.whale is not None:
        whale = _curve_chart(
            t("sum.whale"),
            t("sum.whale_x"),
            t("sum.whale_y"),
            layout.WHALE_AT,
            layout.WHALE_GUIDE_AT,
            2,
        )
        charts.append((whale, layout.WHALE_CHART_ANCHOR))
    return charts


def _sized(chart, title: str) -> None:
    chart.title = title
    chart.style = 2
    chart.width, chart.height = layout.PORTFOLIO_CHART_SIZE
    chart.title.tx.rich.p[0].pPr = ParagraphProperties(defRPr=CharacterProperties(sz=1200, b=True))


def _curve_chart(
    title: str,
    x_title: str,
    y_title: str,
    curve_at: tuple[int, int],
    guide_at: tuple[int, int],
    guide_points: int,
) -> ScatterChart:
    """A cumulative curve over the share of customers (percent axes) with a guide line."""
    sheet = layout.MATRIX
    chart = ScatterChart()
    _sized(chart, title)
    chart.scatterStyle = "line"
    row, col = curve_at
    curve = _line(
        sheet, col, col + 1, row + 1, row + layout.CURVE_POINTS, f"${_col(col + 1)}${row}"
    )
    curve.graphicalProperties.line.solidFill = _CURVE_COLOUR
    curve.graphicalProperties.line.width = 31750
    g_row, g_col = guide_at
    guide = _line(
        sheet, g_col + 1, g_col + 2, g_row + 1, g_row + guide_points, f"${_col(g_col)}${g_row + 1}"
    )
    guide.graphicalProperties.line.solidFill = _GUIDE_COLOUR
    guide.graphicalProperties.line.prstDash = "dash"
    chart.series += [curve, guide]
    for axis, name in ((chart.x_axis, x_title), (chart.y_axis, y_title)):
        axis.title = name
        axis.number_format = "0%"
        axis.scaling.min = 0
        axis.majorUnit = 0.2
        axis.delete = False
        axis.crosses = "min"
        axis.txPr = _small_text(900)
    chart.x_axis.scaling.max = 1
    chart.x_axis.majorUnit = 0.1
    chart.legend.position = "b"
    return chart


def _line(sheet: str, x_col: int, y_col: int, first: int, last: int, name: str) -> Series:
    xs = Reference(_Sheet(sheet), min_col=x_col, min_row=first, max_row=last)
    ys = Reference(_Sheet(sheet), min_col=y_col, min_row=first, max_row=last)
    series = Series(ys, xs)
    series.tx = SeriesLabel(strRef=StrRef(f"'{sheet}'!{name}"))
    series.marker = Marker(symbol="none")
    series.graphicalProperties = GraphicalProperties(ln=LineProperties(w=19050))
    series.smooth = False
    return series


def _pyramid_chart(analysis: Analysis) -> BarChart:
    """Horizontal bars: revenue per pyramid layer, the top layer on top."""
    lang = analysis.settings.lang
    sheet = layout.MATRIX
    row, col = layout.PYRAMID_AT
    first, last = row + 2, row + 6
    chart = BarChart()
    chart.type = "bar"
    chart.grouping = "clustered"
    chart.gapWidth = 40
    _sized(chart, labels.text("sum.pyramid", lang))
    values = Reference(_Sheet(sheet), min_col=col + 2, min_row=first, max_row=last)
    series = Series(values)
    series.tx = SeriesLabel(strRef=StrRef(f"'{sheet}'!${_col(col + 2)}${row + 1}"))
    series.graphicalProperties = GraphicalProperties(solidFill=_CURVE_COLOUR)
    series.dPt = []
    for i, colour in enumerate(_LAYER_COLOURS):
        point = DataPoint(idx=i)
        point.graphicalProperties = GraphicalProperties(solidFill=colour)
        series.dPt.append(point)
    series.dLbls = DataLabelList()
    series.dLbls.showVal = True
    series.dLbls.showSerName = False
    series.dLbls.showCatName = False
    series.dLbls.showLegendKey = False
    series.dLbls.numFmt = layout.MONEY_FORMAT
    series.dLbls.position = "outEnd"
    series.dLbls.txPr = _small_text(900)
    names = f"'{sheet}'!${_col(col)}${first}:${_col(col)}${last}"
    series.cat = AxDataSource(strRef=StrRef(names))  # the layer names are text
    chart.series.append(series)
    chart.x_axis.scaling.orientation = "maxMin"  # Top 1% at the top
    chart.x_axis.delete = False
    chart.x_axis.txPr = _small_text(900)
    chart.y_axis.delete = False
    chart.y_axis.crosses = "max"  # the value axis stays below the reversed categories
    chart.y_axis.number_format = layout.MONEY_FORMAT
    chart.y_axis.scaling.min = 0
    chart.y_axis.title = labels.text("sum.pyramid_axis", lang)
    chart.y_axis.txPr = _small_text(900)
    chart.legend = None
    return chart


def _scatter(content: BookContent, analysis: Analysis) -> ScatterChart:
    """XY scatter: one series per segment, limit lines, and the 20 largest names."""
    lang = content.settings.lang
    sheet = layout.MATRIX
    chart = ScatterChart()
    chart.title = labels.text("chart.title", lang)
    chart.style = 2
    chart.height = 12.5
    chart.width = 22
    chart.scatterStyle = "lineMarker"
    chart.x_axis.title = labels.text("chart.x", lang)
    chart.y_axis.title = labels.text("chart.y", lang)
    chart.x_axis.scaling.min = 0
    chart.x_axis.scaling.max = 4.75
    chart.x_axis.majorUnit = 1
    chart.x_axis.number_format = "0"
    chart.y_axis.scaling.logBase = 10
    chart.y_axis.number_format = "#,##0"
    chart.x_axis.delete = False
    chart.y_axis.delete = False
    chart.y_axis.crosses = "min"
    chart.x_axis.crosses = "min"
    chart.legend.position = "b"

    data_row, data_col = layout.CHART_DATA_AT
    n = content.chart_capacity or max(len(layout.chart_points(analysis)), 1)
    n = min(n, chart_point_limit())
    x_ref = Reference(
        _Sheet(sheet), min_col=data_col + 1, min_row=data_row + 1, max_row=data_row + n
    )
    for i, seg in enumerate(SEGMENTS):
        y_col = data_col + 2 + i
        y_ref = Reference(_Sheet(sheet), min_col=y_col, min_row=data_row + 1, max_row=data_row + n)
        series = Series(y_ref, x_ref)
        series.tx = SeriesLabel(strRef=StrRef(f"'{sheet}'!${_col(y_col)}${data_row}"))
        colour = layout.marker_colour(content.settings.colours[seg])
        series.marker = Marker(symbol="circle", size=7)
        series.marker.graphicalProperties = GraphicalProperties(solidFill=colour)
        series.marker.graphicalProperties.line.solidFill = "404040"
        series.graphicalProperties = GraphicalProperties()
        series.graphicalProperties.line.noFill = True
        chart.series.append(series)

    lim_row, lim_col = layout.LIMITS_AT
    for i, dash in enumerate(("dash", "sysDot")):
        top = lim_row + 1 + 2 * i
        xs = Reference(_Sheet(sheet), min_col=lim_col + 1, min_row=top, max_row=top + 1)
        ys = Reference(_Sheet(sheet), min_col=lim_col + 2, min_row=top, max_row=top + 1)
        series = Series(ys, xs)
        series.tx = SeriesLabel(strRef=StrRef(f"'{sheet}'!${_col(lim_col)}${top}"))
        series.marker = Marker(symbol="none")
        series.graphicalProperties = GraphicalProperties(
            ln=LineProperties(solidFill="7F7F7F", prstDash=dash, w=19050)
        )
        series.smooth = False
        chart.series.append(series)

    lab_row, lab_col = layout.LABELS_AT
    for i in range(layout.LABEL_COUNT):
        r = lab_row + 1 + i
        xs = Reference(_Sheet(sheet), min_col=lab_col + 1, min_row=r, max_row=r)
        ys = Reference(_Sheet(sheet), min_col=lab_col + 2, min_row=r, max_row=r)
        series = Series(ys, xs)
        series.tx = SeriesLabel(strRef=StrRef(f"'{sheet}'!${_col(lab_col)}${r}"))
        series.marker = Marker(symbol="none")
        series.graphicalProperties = GraphicalProperties()
        series.graphicalProperties.line.noFill = True
        series.dLbls = DataLabelList()
        series.dLbls.showSerName = True
        series.dLbls.showVal = False
        series.dLbls.showCatName = False
        series.dLbls.showLegendKey = False
        series.dLbls.position = "r" if i % 2 == 0 else "l"  # neighbours on opposite sides
        series.dLbls.txPr = _small_text(800)
        chart.series.append(series)
    # keep the 20 label series out of the legend
    from openpyxl.chart.legend import LegendEntry

    first_hidden = len(SEGMENTS) + 2
    chart.legend.legendEntry = [
        LegendEntry(idx=first_hidden + i, delete=True) for i in range(layout.LABEL_COUNT)
    ]
    chart.layout = Layout(manualLayout=ManualLayout(x=0.02, y=0.08, w=0.96, h=0.72))
    return chart


def _small_text(size: int) -> RichText:
    """Text properties for chart labels of `size` hundredths of a point."""
    return RichText(
        p=[
            Paragraph(
                pPr=ParagraphProperties(defRPr=CharacterProperties(sz=size)),
                endParaRPr=CharacterProperties(sz=size),
            )
        ]
    )


def chart_point_limit() -> int:
    """How many customers the chart can show: openpyxl refers to rows up to 1,000,000."""
    return _CHART_LAST_ROW - layout.CHART_DATA_AT[0]


_CHART_LAST_ROW = 1_000_000


def long_texts(frame) -> tuple[int, tuple[object, object] | None]:
    """Cells of `frame` longer than MAX_CELL_CHARS: (count, (row label, column) of the first)."""
    count, first = 0, None
    for column in frame.columns:
        values = frame[column]
        if values.dtype != object:
            continue
        over = pd.Series(
            [isinstance(v, str) and len(v) > MAX_CELL_CHARS for v in values.tolist()],
            index=values.index,
            dtype=bool,
        )
        if over.any():
            count += int(over.sum())
            if first is None:
                first = (over.index[over.to_numpy()][0], column)
    return count, first


class _Sheet:
    """Stand-in worksheet for chart references in streaming mode (only the title is used)."""

    def __init__(self, title: str):
        self.title = title


def _col(column: int) -> str:
    return layout.column_letter(column)


def _settings_sheet(book: Workbook, settings: Settings) -> None:
    ws = book.create_sheet(layout.SETTINGS)
    ws.sheet_properties.codeName = layout.SHEETS[layout.SETTINGS]
    _width(ws, 1, 40)
    _width(ws, 2, 34)
    _width(ws, 3, 80)
    _landscape(ws)
    rows = layout.settings_rows(settings)
    colour_labels = {
        labels.setting_label(f"colour_{s.lower()}", settings.lang): s for s in SEGMENTS
    }
    ws.append([_styled(ws, h, font=_RESULT_FONT, fill=_RESULT_FILL) for h in rows[0]])
    for label, value, help_text in rows[1:]:
        fmt = "dd-mm-yyyy" if isinstance(value, dt.date) else None
        fill = None
        if label in colour_labels:
            fill = PatternFill("solid", fgColor=settings.colours[colour_labels[label]][1:])
        ws.append(
            [
                _styled(ws, label, font=_BOLD),
                _styled(ws, value, number_format=fmt, fill=fill)
                if fmt or fill
                else _safe(ws, value),
                _safe(ws, help_text),
            ]
        )


_LEFT = Alignment(horizontal="left")
_START_LINE = 95  # characters of Start text that fit on one line of column C (width 90)


def _start_sheet(book: Workbook, content: BookContent) -> None:
    ws = book.create_sheet(layout.START)
    ws.sheet_properties.codeName = layout.SHEETS[layout.START]
    _width(ws, 1, 3)
    _width(ws, 2, 28)
    _width(ws, 3, 90)
    lang = content.settings.lang
    status = layout.status_block(content.analysis, content.run_time, lang)
    blocks = [layout.Block(1, 1, content.start_rows or []), status]
    styles = {(status.row, status.column): {"font": _TITLE_FONT}}
    if content.start_rows:
        styles[(1, 1)] = {"font": _TITLE_FONT}
        _landscape(ws)
        for r, row in enumerate(content.start_rows[1:], start=2):  # labels bold, texts wrapped
            if len(row) > 1 and row[1] is not None:
                styles[(r, 2)] = {"font": _BOLD, "alignment": _WRAP}
            if len(row) > 2 and row[2] is not None:
                styles[(r, 3)] = {"alignment": _WRAP}
                lines = -(-len(str(row[2])) // _START_LINE)  # rows are not auto-fitted on open
                if lines > 1:
                    ws.row_dimensions[r].height = 15 * lines
    grid = _place(blocks)
    for r in range(status.row + 1, status.row + status.height):
        if (r, status.column + 1) in {(r, c) for c in grid.get(r, {})}:
            value = grid[r][status.column + 1]
            styles[(r, status.column + 1)] = {"alignment": _LEFT}  # next to its label
            if isinstance(value, dt.datetime):
                styles[(r, status.column + 1)]["number_format"] = "dd-mm-yyyy hh:mm"
    _append_grid(ws, grid, styles)


def _conf_sheet(book: Workbook, rows: Rows) -> None:
    ws = book.create_sheet(layout.CONF)
    ws.sheet_properties.codeName = layout.SHEETS[layout.CONF]
    _width(ws, 1, 22)
    _width(ws, 2, 50)
    _width(ws, 4, 110)  # notes (never read by xlwings)
    _landscape(ws)
    for row in rows:
        ws.append([_safe(ws, v) for v in row])


# ---- Verwantschap and Prospects ----------------------------------------------------------

_AFFINITY_WIDTHS = (70, 19, 22, 10, 12, 12)  # text, Kenmerk, Waarde, counts, lift
_LIFT_FORMAT = '0.0"×"'
_HEADER_WRAP = Alignment(wrap_text=True, vertical="center")
_TOP = Alignment(vertical="top")
_LINE_HEIGHT = 15.0  # points per line of 11 pt text
_REASON_WIDTH = 80


def _wrapped_height(texts: Sequence[object], widths: Sequence[float]) -> float | None:
    """The row height that shows wrapped `texts` in columns of `widths` whole; None for one
    line. Excel and LibreOffice do not grow rows of a generated file by themselves."""
    lines = 1
    for text, width in zip(texts, widths, strict=False):
        if isinstance(text, str) and text:
            per_line = max(width * 1.3 - 4, 8)  # prose is narrower than '0'; wrapping wastes
            lines = max(lines, -(-len(text) // int(per_line)))
    return _LINE_HEIGHT * lines if lines > 1 else None


def _set_height(ws, row: int, height: float | None) -> None:
    if height is not None:
        ws.row_dimensions[row].height = height


def _affinity_sheet(book: Workbook, content: BookContent) -> None:
    """Verwantschap: what the A and C customers share, one plain sentence per value."""
    ws = book.create_sheet(layout.AFFINITY)
    ws.sheet_properties.codeName = layout.SHEETS[layout.AFFINITY]
    settings = content.settings
    for col, width in enumerate(_AFFINITY_WIDTHS, start=1):
        _width(ws, col, width)
    _landscape(ws)
    parts = layout.affinity_parts(content.affinity, settings)
    span = len(_AFFINITY_WIDTHS)
    row = 1
    for part in parts:
        while row < part.block.row:  # blank rows between parts
            ws.append([])
            row += 1
        for values in part.block.rows:
            if part.role in ("text", "lines", "header"):
                _set_height(ws, row, _wrapped_height(values, _AFFINITY_WIDTHS))
            ws.append(_affinity_row(ws, part, values, span, settings))
            row += 1


def _affinity_row(ws, part: layout.Part, values: list, span: int, settings: Settings) -> list:
    role = part.role
    if role == "title":
        return [_styled(ws, values[0], font=_TITLE_FONT)]
    if role == "subtitle":
        return [_styled(ws, values[0], font=_BOLD)]
    if role == "text":
        return [_styled(ws, values[0], alignment=_WRAP)]
    if role == "group":
        fill = PatternFill("solid", fgColor=settings.colours[part.segment][1:])
        cells = [_styled(ws, values[0], font=_BOLD, fill=fill)]
        return cells + [_styled(ws, None, fill=fill) for _ in range(span - 1)]
    if role == "header":
        return [
            _styled(ws, v, font=_RESULT_FONT, fill=_RESULT_FILL, alignment=_HEADER_WRAP)
            for v in values
        ]
    # a profile line: sentence, characteristic, value, counts, lift
    text, name, value, count, customers, lift = values
    return [
        _styled(ws, text, alignment=_WRAP),
        _styled(ws, name, alignment=_TOP),
        _styled(ws, value, alignment=_TOP),
        _styled(ws, count, alignment=_TOP),
        _styled(ws, customers, alignment=_TOP),
        _styled(ws, lift, number_format=_LIFT_FORMAT, alignment=_TOP),
    ]


def _prospect_sheet(book: Workbook, content: BookContent) -> None:
    """Prospects: the inputs as given, then Gelijkenis (colour scale) and its reasons."""
    ws = book.create_sheet(layout.PROSPECTS)
    ws.sheet_properties.codeName = layout.SHEETS[layout.PROSPECTS]
    lang = content.settings.lang
    frame = content.prospects.frame
    block = layout.prospect_block(frame, content.affinity, lang)
    headers = _unique_headers(block.rows[0])
    n_in = frame.shape[1]
    for pos in range(1, n_in + 1):
        _width(ws, pos, _column_width(headers[pos - 1], frame.iloc[:, pos - 1]))
    _width(ws, n_in + 1, 12)
    _width(ws, n_in + 2, _REASON_WIDTH)
    ws.freeze_panes = "B2"
    _landscape(ws)
    ws.append(
        [
            _styled(ws, h, font=_RESULT_FONT, fill=_RESULT_FILL)
            if i >= n_in
            else _styled(ws, h, font=_BOLD)
            for i, h in enumerate(headers)
        ]
    )
    top = _styled(ws, None, alignment=_TOP)
    centre = _styled(ws, None, alignment=Alignment(horizontal="center", vertical="top"))
    wrap = _styled(ws, None, alignment=_WRAP)
    for row, values in enumerate(block.rows[1:], start=2):
        _set_height(ws, row, _wrapped_height(values[-1:], (_REASON_WIDTH,)))
        ws.append(
            [_styled_as(ws, v, top) for v in values[:n_in]]
            + [_styled_as(ws, values[n_in], centre), _styled_as(ws, values[n_in + 1], wrap)]
        )
    last_row = max(len(frame), 1) + 1
    _add_table(ws, layout.PROSPECT_TABLE, headers, last_row)
    score = layout.column_letter(n_in + 1)
    ws.conditional_formatting.add(f"{score}2:{score}{last_row}", _similarity_scale(content))


def _styled_as(ws, value: object, proto: WriteOnlyCell) -> WriteOnlyCell:
    """A cell holding `value` (text stays text) with the style of `proto`; dates keep their
    own number format."""
    if isinstance(value, (dt.date, dt.time, dt.timedelta)):
        return _safe(ws, value)
    cell = WriteOnlyCell(ws, value=cell_text(value) if isinstance(value, str) else value)
    if isinstance(value, str) and value.startswith("="):
        cell.data_type = "s"
    cell._style = copy(proto._style)
    return cell


def _similarity_scale(content: BookContent) -> ColorScaleRule:
    """0 in the C colour, 50 in the B colour, 100 in the A colour."""
    colours = content.settings.colours
    return ColorScaleRule(
        start_type="num",
        start_value=0,
        start_color=colours["C"][1:],
        mid_type="num",
        mid_value=50,
        mid_color=colours["B"][1:],
        end_type="num",
        end_value=100,
        end_color=colours["A"][1:],
    )
