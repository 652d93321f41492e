"""The Klanten sheet (inputs and result columns) and the Orders sheet."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from ..core import labels
from ..core.a1 import column_letter
from ..core.columns import match_headers
from ..core.settings import SEGMENTS
from ..core.tables import SheetTable
from ..run import Run
from . import theme
from .headers import table_column_names
from .model import (
    Area,
    Block,
    Column,
    ColumnBlock,
    ListValidation,
    Page,
    SheetPlan,
    Style,
    Styled,
    Table,
    ValueFill,
    columns_printed,
    not_printed,
)
from .names import CUSTOMER_TABLE, CUSTOMERS, LAST_ROW, ORDERS, SHEETS
from .placement import place_results, runs
from .target import Target
from .values import column_width

PRINTED_INPUTS = ("customer", "revenue", "potential", *labels.CRITERIA)  # on the printed list
PRINTED_RESULTS = ("score", "revenue_class", "segment")


def result_headers(run: Run) -> list[str]:
    return [labels.header(k, run.lang) for k in run.analysis.result_keys]


def result_columns(run: Run) -> list[Column]:
    """The result columns top down: words shown, segment colours, number formats."""
    analysis = run.analysis
    lang = run.lang
    with_orders = has_orders(run)
    frame = analysis.results
    segment_styles = {s: Style(fill=theme.fill_of(run.settings.colours[s])) for s in SEGMENTS}
    columns = []
    for key in analysis.result_keys:
        values = labels.result_words(key, _column_values(frame[key]), lang)
        if key == "segment":
            columns.append(Column(values, value_styles=segment_styles))
        elif with_orders and key in theme.RESULT_FORMATS:
            columns.append(Column(values, Style(number_format=theme.RESULT_FORMATS[key])))
        else:
            columns.append(Column(values))
    return columns


def has_orders(run: Run) -> bool:
    """True when the run had orders: only then do the result columns get number formats
    (each formatted cell costs write time) and the Matrix sheet its portfolio page."""
    portfolio = run.analysis.portfolio
    return portfolio is not None and portfolio.history is not None


def result_widths(run: Run, headers: list[str], first: int) -> dict[int, float]:
    """Widths of the result columns that need more than their values: reasons, formats."""
    widths: dict[int, float] = {}
    for pos, key in enumerate(run.analysis.result_keys):
        if key in theme.RESULT_WIDTHS:
            widths[first + pos] = theme.RESULT_WIDTHS[key]
        elif key in theme.RESULT_FORMATS:
            widths[first + pos] = max(len(headers[pos]) + 2.0, 11.0)
    return widths


def value_fills(run: Run, first: int, top: int, bottom: int) -> tuple[ValueFill, ...]:
    """Colours for the words of Signaal, Klanttype and Actie, following the text."""
    keys = run.analysis.result_keys
    fills = []
    for key, colours in theme.VALUE_FILLS.items():
        if key in keys:
            column = first + keys.index(key)
            words = {labels.result_word(key, k, run.lang): c for k, c in colours.items()}
            fills.append(ValueFill(Area(top, column, bottom, column), words))
    return tuple(fills)


def customer_sheet(run: Run, target: Target) -> SheetPlan:
    if target.update:
        return _customer_update(run, target)
    table = run.customer_rows()
    inputs = [str(c) for c in table.columns]
    headers = table_column_names(inputs + result_headers(run))
    n_in, n_rows = len(inputs), len(table)
    samples = [table.iloc[:, pos] for pos in range(n_in)]
    samples += [run.analysis.results[key] for key in run.analysis.result_keys]
    widths = {
        pos: column_width(name, sample)
        for pos, (name, sample) in enumerate(zip(headers, samples), start=1)
    }
    widths.update(result_widths(run, headers[n_in:], n_in + 1))
    header = header_block(headers, n_in)
    columns = [Column(table.iloc[:, pos].tolist()) for pos in range(n_in)]
    columns += result_columns(run)
    last = max(n_rows, 1) + 1
    return SheetPlan(
        name=CUSTOMERS,
        code_name=SHEETS[CUSTOMERS],
        blocks=(header,),
        long_blocks=(ColumnBlock(2, 1, tuple(columns)),),
        widths=widths,
        freeze="B2",
        tables=(Table(CUSTOMER_TABLE, Area(1, 1, last, len(headers)), tuple(headers)),),
        value_fills=value_fills(run, n_in + 1, 2, last),
        validations=_yes_no_lists(inputs, run.lang) if target.yes_no_lists else (),
        page=_customer_page(run, inputs),
    )


def header_block(headers: list[str], inputs: int) -> Block:
    """Row 1 of a table of inputs and results: input headers bold, result headers in the
    result style."""
    styles = [Styled(Area(1, inputs + 1, 1, len(headers)), theme.RESULT_HEADER)]
    if inputs:
        styles.insert(0, Styled(Area(1, 1, 1, inputs), theme.BOLD))
    return Block(1, 1, [headers], tuple(styles))


def _customer_page(run: Run, inputs: list[str]) -> Page:
    """The printed customer list: the name and its first inputs (Omzet, Potentie and the four
    answers, as far as they follow the name) repeated at the left of each page, beside
    Score, Omzetklasse and Segment, one page wide, the header on every page. The other
    columns are for the screen; the Actielijst prints what they mean this period."""
    keys = run.analysis.result_keys
    found = match_headers(inputs, PRINTED_INPUTS)
    first = found.get("customer", 0)
    last = first
    while last + 1 < len(inputs) and last + 1 in found.values():
        last += 1
    printed = [keys.index(k) for k in PRINTED_RESULTS if k in keys]
    n_in = len(inputs)
    area = columns_printed(n_in + min(printed) + 1, n_in + max(printed) + 1)
    titles = f"{column_letter(first + 1)}:{column_letter(last + 1)}" if inputs else None
    return Page(print_area=(area,), title_rows="1:1", title_columns=titles)


def _yes_no_lists(inputs: list[str], lang: str) -> tuple[ListValidation, ...]:
    """A Ja/Nee drop-down on each criterion column, down to the sheet's last row; any other
    answer the reader accepts (j/n, x, 1/0, ...) can still be typed."""
    found = match_headers(inputs, labels.CRITERIA)
    if not found:
        return ()
    areas = tuple(Area(2, pos + 1, LAST_ROW, pos + 1) for pos in sorted(found.values()))
    return (ListValidation(areas, tuple(labels.yes_no(v, lang) for v in (True, False))),)


def _customer_update(run: Run, target: Target) -> SheetPlan:
    """The result columns right of the user's cells on an existing Klanten sheet; customers
    found only in the orders get their name below the table."""
    values = target.values(CUSTOMERS)
    customers = run.tables.customers
    headers = result_headers(run)
    index = list(run.analysis.results.index)
    data_bottom = max(index, default=customers.header_row)
    place = place_results(values, customers.header_row, len(headers), data_bottom)
    top, bottom = place.header_row, max(place.bottom, place.header_row + 1)
    offsets = [row - top - 1 for row in index]
    height = bottom - top
    columns = []
    for column in result_columns(run):
        padded: list[object] = [None] * height
        for offset, value in zip(offsets, column.values, strict=True):
            padded[offset] = value
        style = column.style or Style(number_format=theme.GENERAL)
        columns.append(Column(padded, style, column.value_styles))
    blocks = [
        Block(
            top,
            place.column,
            [headers],
            (Styled(Area(top, place.column, top, place.last_column), theme.RESULT_HEADER),),
        )
    ]
    added = list(run.analysis.portfolio.added_rows) if run.analysis.portfolio else []
    name_at = match_headers(values[top - 1] if len(values) >= top else [], ("customer",))
    if added and "customer" in name_at:
        names = run.analysis.results.loc[added, "customer"].tolist()
        blocks.append(Block(added[0], name_at["customer"] + 1, [[n] for n in names]))
    widths = result_widths(run, headers, place.column)
    return SheetPlan(
        name=CUSTOMERS,
        code_name=SHEETS[CUSTOMERS],
        blocks=tuple(blocks),
        long_blocks=(ColumnBlock(top + 1, place.column, tuple(columns)),),
        widths=widths,
        tables=(
            Table(CUSTOMER_TABLE, Area(top, 1, max(data_bottom, top + 1), place.last_column), ()),
        ),
        value_fills=value_fills(run, place.column, top + 1, bottom),
        clear=tuple(Area(top, a, place.bottom, b) for a, b in runs(place.stale)),
    )


def orders_sheet(table: SheetTable) -> SheetPlan:
    """The order lines as given, headers bold, frozen below the header."""
    frame = table.frame
    headers = [str(h) for h in frame.columns]
    widths = {
        pos: column_width(name, frame.iloc[:, pos - 1]) for pos, name in enumerate(headers, start=1)
    }
    columns = tuple(Column(_column_values(frame.iloc[:, pos])) for pos in range(frame.shape[1]))
    return SheetPlan(
        name=ORDERS,
        code_name=SHEETS[ORDERS],
        blocks=(
            Block(1, 1, [headers], (Styled(Area(1, 1, 1, max(len(headers), 1)), theme.BOLD),)),
        ),
        long_blocks=(ColumnBlock(2, 1, columns),),
        widths=widths,
        freeze="A2",
        page=not_printed(),  # the report leaves out the raw order lines
    )


def _column_values(column: pd.Series) -> Sequence[object]:
    """A column's values top down: dates as pandas' array of them (which gives a Timestamp
    for each, as a list would, but holds them as datetime64 until a front asks), other
    values as a list."""
    if pd.api.types.is_datetime64_dtype(column.dtype):
        return column.array
    return column.tolist()
