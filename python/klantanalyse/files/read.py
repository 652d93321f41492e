"""Reading the customer table, orders and settings from .xlsx/.xlsm/.csv without Excel."""

from __future__ import annotations

import functools
from dataclasses import dataclass, field, replace
from pathlib import Path

import pandas as pd

from ..core import intake, labels
from ..core.columns import is_blank
from ..core.tables import (  # noqa: F401 (the readers' table cutting lives in the core)
    CUSTOMER_SHEETS,
    HEADER_SEARCH_ROWS,
    ORDER_SHEETS,
    PROSPECT_SHEETS,
    SETTINGS_SHEETS,
    FrameRows,
    SheetTable,
    _blank_rows,
    _no_prospect_header,
    _prospect_table,
    header_row,
    is_result_header,
    orders_from_rows,
    prospects_from_rows,
    table_from_rows,
    where,
)
from ..errors import FileError, InputError
from ..plan.names import CONF
from ..run import Tables
from . import guard
from .ahead import ReadAhead
from .csvrows import ColumnsRead, csv_rows
from .sheets import CSV_SUFFIXES, Sheets, snapshot, suffix


@dataclass(frozen=True)
class InputBook:
    """Everything read from one input file."""

    path: Path
    customers: SheetTable
    orders: SheetTable | None = None
    settings_rows: list[tuple[object, object]] | None = None
    conf_rows: list[list[object]] | None = None
    warnings: tuple[str, ...] = field(default_factory=tuple)
    prospects: SheetTable | None = None  # the optional Prospects sheet
    snapshot: guard.Snapshot | None = field(default=None, repr=False, compare=False)
    date1904: bool = False
    action_rows: list[list[object]] | None = None  # an earlier Actielijst (its Gedaan cells)
    # per sheet part the reader's checks read: what the report of what is not carried over
    # counts in it (see `carried.not_carried`)
    features: dict | None = field(default=None, repr=False, compare=False)

    @property
    def is_macro_workbook(self) -> bool:
        return self.path.suffix.lower() == ".xlsm"

    def tables(self) -> Tables:
        """The tables of this book, for `run`."""
        return Tables(
            self.customers,
            self.orders,
            self.prospects,
            self.settings_rows,
            self.warnings,
            self.path,
            self.action_rows,
        )

    @property
    def data(self) -> bytes | None:
        """The input's bytes as read (every later look at the input uses these)."""
        return None if self.snapshot is None else self.snapshot.data


def read_input(path: str | Path, lang: str = "nl", ahead: ReadAhead | None = None) -> InputBook:
    """Read INPUT (.xlsx, .xlsm or .csv). Raises FileError with a sentence on any problem.

    An order export on its own (a CSV, or a workbook without a customer table, whose order
    table may be on any sheet) gives no customer table: the customers come from the orders.
    `ahead`: this input, when its reading began earlier (see `files.ahead`).
    """
    path = Path(path)
    taken = None if ahead is None else ahead.take(path, lang)
    shot, sheets = taken if taken is not None else (snapshot(path, lang), None)
    if suffix(path) in CSV_SUFFIXES:
        rows = csv_rows(shot, lang)
        if intake.order_header_row(rows) is not None:
            orders, warnings = orders_from_rows(rows, None, path, lang)
            orders = replace(_typed_orders(orders), snapshot=shot)
            return InputBook(
                path, no_customers(path, shot), orders, warnings=tuple(warnings), snapshot=shot
            )
        table, warnings = table_from_rows(rows, None, path, lang)
        table = replace(_typed_customers(table), snapshot=shot)
        return InputBook(path, table, warnings=tuple(warnings), snapshot=shot)
    return _read_workbook(shot, lang, sheets)


def no_customers(path: Path, shot: guard.Snapshot | None = None) -> SheetTable:
    """The customer table of an input that holds orders alone: no columns, no rows."""
    return SheetTable(None, 0, pd.DataFrame(), path, snapshot=shot)


def _typed_customers(table: SheetTable) -> SheetTable:
    return intake.typed_table(table, intake.CUSTOMER_NUMBERS, (), intake.CUSTOMER_TEXTS)


def _typed_orders(table: SheetTable) -> SheetTable:
    return intake.typed_table(table, intake.ORDER_NUMBERS, intake.ORDER_DATES, intake.ORDER_TEXTS)


def read_orders(path: str | Path, lang: str = "nl") -> SheetTable:
    """An order history from its own file: a .csv (or .csv.gz), or a workbook's Orders
    sheet (else its first sheet with an order table)."""
    path = Path(path)
    shot = snapshot(path, lang)
    # the table holds the columns the analysis reads (they are not copied to the output);
    # pandas' parser does not read the others of a CSV file below its first rows
    read = functools.partial(intake.order_columns_read, lang=lang)
    if suffix(path) in CSV_SUFFIXES:
        rows = csv_rows(shot, lang, read)
        table, _ = orders_from_rows(rows, None, path, lang, read(rows))
        table = None if table is None else _typed_orders(table)
    else:
        table = _workbook_orders(shot, lang, read)
    if table is None:
        raise FileError(labels.text("file.no_order_header", lang, file=path.name))
    return replace(table, snapshot=shot)


def input_changes(*tables: SheetTable | None, lang: str = "nl") -> tuple[str, ...]:
    """A warning for each input file that changed or disappeared since it was read."""
    found: list[str] = []
    seen: set[Path] = set()
    for table in tables:
        shot = None if table is None else table.snapshot
        if shot is None or shot.path in seen:
            continue
        seen.add(shot.path)
        change = shot.changed()
        if change is not None:
            found.append(labels.text(f"warn.input_{change}", lang, file=shot.path.name))
    return tuple(found)


def _orders(
    sheets: Sheets, skip: str | None = None, read: ColumnsRead | None = None
) -> tuple[SheetTable | None, list[str]]:
    """The Orders sheet as a table, when there is one with a customer column."""
    name = sheets.find(*ORDER_SHEETS)
    if name is None or name == skip:
        return None, []
    return _order_table(sheets, name, read)


def _any_orders(
    sheets: Sheets, read: ColumnsRead | None = None
) -> tuple[SheetTable | None, list[str]]:
    """The Orders sheet, else the first sheet whose header is an order table's."""
    table, warnings = _orders(sheets, read=read)
    if table is not None:
        return table, warnings
    for name in sheets.names:
        if intake.order_header_row(sheets.rows(name)) is not None:
            return _order_table(sheets, name, read)
    return None, []


def _order_table(
    sheets: Sheets, name: str, read: ColumnsRead | None
) -> tuple[SheetTable | None, list[str]]:
    """The order table of sheet `name`, holding the columns `read(rows)` says (all without)."""
    rows = sheets.rows(name)
    columns = None if read is None else read(rows)
    return orders_from_rows(rows, name, sheets.path, sheets.lang, columns)


def _holds_orders(sheets: Sheets, name: str) -> bool:
    """True when sheet `name` holds an order table (and no customer table)."""
    return intake.order_header_row(sheets.rows(name)) is not None


def _prospects(sheets: Sheets, skip: str | None = None) -> tuple[SheetTable | None, list[str]]:
    """The Prospects sheet as a table; a warning when it has rows but no name header."""
    name = sheets.find(*PROSPECT_SHEETS)
    if name is None or name == skip:
        return None, []
    return prospects_from_rows(sheets.rows(name), name, sheets.path, sheets.lang)


def _key_values(sheets: Sheets, name: str | None) -> list[list[object]] | None:
    """Rows of a key/value sheet (A:B), blank keys left out."""
    if name is None:
        return None
    return [
        [row[0], row[1] if len(row) > 1 else None]
        for row in sheets.rows(name)
        if row and not is_blank(row[0])
    ]


def _read_workbook(shot: guard.Snapshot, lang: str, sheets: Sheets | None = None) -> InputBook:
    path = shot.path
    sheets = sheets or Sheets(shot, lang)
    # the customer table: the Klanten sheet, else the first sheet with a Klant header; a
    # sheet holding an order table is not one, unless another sheet is called Orders
    first = sheets.find(*CUSTOMER_SHEETS)
    orders_sheet = sheets.find(*ORDER_SHEETS)
    candidates = ([first] if first else []) + [n for n in sheets.names if n != first]
    others = (sheets.find(*PROSPECT_SHEETS), sheets.find(*labels.SHEET_ALIASES["actions"]))
    candidates = [n for n in candidates if n not in others]
    customers = None
    warnings: list[str] = []
    for name in candidates:
        if header_row(sheets.rows(name), ("customer",)) is None:
            continue
        if _holds_orders(sheets, name) and orders_sheet in (None, name):
            continue
        customers, warnings = table_from_rows(sheets.rows(name), name, path, lang)
        break
    if customers is None:  # orders alone: the customers come from them
        orders, order_warnings = _any_orders(sheets)
        if orders is None:
            sheets.close()
            filled = [name for name in candidates if not _blank_rows(sheets.rows(name))]
            if not filled:
                raise FileError(labels.text("file.empty_book", lang, file=path.name))
            # one sheet meant for the customers: its own sentence, with the headers it has
            meant = first if first in filled else (filled[0] if len(filled) == 1 else None)
            if meant is not None:
                table_from_rows(sheets.rows(meant), meant, path, lang)  # raises
            raise InputError(
                labels.text("file.no_table", lang, file=path.name, sheets=", ".join(sheets.names))
            )
        customers = no_customers(path)
    else:
        orders, order_warnings = _orders(sheets, skip=customers.sheet)
    settings_rows = _key_values(sheets, sheets.find(*SETTINGS_SHEETS))
    conf_rows = _key_values(sheets, CONF if CONF in sheets.names else None)
    prospects, prospect_warnings = _prospects(sheets, skip=customers.sheet)
    actions = sheets.find(*labels.SHEET_ALIASES["actions"])
    action_rows = sheets.rows(actions) if actions and actions != customers.sheet else None
    sheets.close()
    if sheets.package is not None and sheets.package.protected_book:
        sheets.notes.append(labels.text("warn.protected_book", lang, file=path.name))
    return InputBook(
        path,
        replace(customers, snapshot=shot),
        orders,
        [(k, v) for k, v in settings_rows] if settings_rows is not None else None,
        conf_rows,
        tuple(sheets.notes + warnings + order_warnings + prospect_warnings),
        prospects=prospects,
        snapshot=shot,
        date1904=sheets.package is not None and sheets.package.date1904,
        action_rows=action_rows,
        features=None if sheets.package is None else sheets.package.features,
    )


def _workbook_orders(shot: guard.Snapshot, lang: str, read: ColumnsRead) -> SheetTable | None:
    """The order table of a workbook of orders (its columns `read(rows)` says)."""
    sheets = Sheets(shot, lang)
    try:
        return _any_orders(sheets, read)[0]
    finally:
        sheets.close()


# ---- prospects -------------------------------------------------------------------------


def read_prospects(path: str | Path, lang: str = "nl") -> SheetTable:
    """A prospect list from its own file: a .csv (or .csv.gz) or a workbook's Prospects sheet
    (else its first sheet, other than Klanten, with a Prospect/Naam/Klant header)."""
    path = Path(path)
    shot = snapshot(path, lang)
    if suffix(path) in CSV_SUFFIXES:
        rows = csv_rows(shot, lang)
        if header_row(rows, labels.PROSPECT_KEYS) is None:
            raise FileError(_no_prospect_header(path, None, lang))
        table = _prospect_table(rows, None, path, lang)
        table = intake.typed_table(table, intake.PROSPECT_NUMBERS, (), intake.PROSPECT_TEXTS)
        return replace(table, snapshot=shot)
    sheets = Sheets(shot, lang)
    try:
        first = sheets.find(*PROSPECT_SHEETS)
        customers = sheets.find(*CUSTOMER_SHEETS)
        others = [n for n in sheets.names if n not in (first, customers)]
        for name in ([first] if first else []) + others:
            if header_row(sheets.rows(name), labels.PROSPECT_KEYS) is not None:
                return replace(_prospect_table(sheets.rows(name), name, path, lang), snapshot=shot)
    finally:
        sheets.close()
    raise FileError(labels.text("file.no_prospects", lang, file=path.name, rows=HEADER_SEARCH_ROWS))
