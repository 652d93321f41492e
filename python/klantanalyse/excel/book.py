"""Bulk reads and writes through xlwings. Each function costs a fixed number of calls,
whatever the number of rows: one read per sheet, one write per block.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from ..core.tables import ACTION_SHEETS, PROSPECT_SHEETS
from ..plan.names import (
    ACTIONS,
    AFFINITY,
    CUSTOMERS,
    MATRIX,
    ORDERS,
    PROSPECTS,
    SETTINGS,
    START,
    other_names,
)
from ..plan.values import clean

__all__ = ["AFFINITY", "CUSTOMERS", "MATRIX", "ORDERS", "PROSPECTS", "SETTINGS", "START"]

Rows = list[list[Any]]


def sheets_by_name(book: Any) -> dict[str, Any]:
    """{name: sheet} for the sheets of `book` (names compared case-insensitively)."""
    return {sheet.name.casefold(): sheet for sheet in book.sheets}


def find_sheet(sheets: dict[str, Any], *names: str) -> Any | None:
    """The first sheet called one of `names`, or None; a sheet of ours is found by its name
    in either language (Klanten or Customers)."""
    for candidate in [alias for name in names for alias in other_names(name)]:
        found = sheets.get(candidate.casefold())
        if found is not None:
            return found
    return None


def existing_values(find: Callable[..., Any | None], customers_sheet: Any) -> dict[str, Rows]:
    """What a plan needs of the workbook it updates: the values of Klanten, and of Prospects
    and the Actielijst when the workbook has them (`find(*names, required=False)`)."""
    existing = {CUSTOMERS: read_values(customers_sheet)}
    for key, names in ((PROSPECTS, PROSPECT_SHEETS), (ACTIONS, ACTION_SHEETS)):
        sheet = find(*names, required=False)
        if sheet is not None:
            existing[key] = read_values(sheet)
    return existing


def read_values(sheet: Any) -> Rows:
    """All values of `sheet` from A1 to the last used cell, as a 2-D list.

    One bulk read of the used range; rows and columns before it are padded with None
    so row 0 / column 0 are always row 1 / column A.
    """
    used = sheet.used_range
    values = used.options(ndim=2).value
    top, left = used.row, used.column
    if top == 1 and left == 1:
        return values
    rows = [[None] * (left - 1) + list(row) for row in values]
    if top > 1:
        width = len(rows[0]) if rows else left - 1
        rows = [[None] * width for _ in range(top - 1)] + rows
    return rows


def cell_value(value: Any) -> Any:
    """A value as it must be sent to Excel: text stays text, missing values (NaN, NaT)
    are blank, numpy and pandas values become plain Python ones.

    Excel interprets a string as if typed: '=1+1' becomes a formula, '1/2' a date and
    a leading apostrophe disappears. A leading apostrophe makes Excel keep the text
    exactly as given (and is not part of the cell's value).
    """
    if value is None:
        return None
    if isinstance(value, str):
        return "'" + value if value else None
    return clean(value)


def prepare(rows: Sequence[Sequence[Any]], width: int | None = None, height: int = 0) -> Rows:
    """`rows` ready for one write: Excel-safe values, padded to `width` x `height`."""
    width = width if width is not None else max((len(r) for r in rows), default=0)
    out = [
        [None if v is None else cell_value(v) for v in row] + [None] * (width - len(row))
        for row in rows
    ]
    out.extend([None] * width for _ in range(height - len(out)))
    return out


def write_block(sheet: Any, row: int, column: int, rows: Rows) -> None:
    """Write a prepared 2-D block with its top-left cell at (row, column): one call."""
    if rows and rows[0]:
        sheet.range((row, column)).value = rows


def read_settings(values: Rows | None) -> tuple[Any, list[str]]:
    """(Settings, warnings) from the values of the Instellingen sheet (None: defaults)."""
    from ..core.settings import Settings

    return Settings.from_rows(settings_rows(values or []))


def settings_rows(values: Rows) -> list[tuple[object, object]]:
    """(label, value) pairs of the Instellingen sheet's values."""
    return [(row[0], row[1] if len(row) > 1 else None) for row in values if row]


def customer_table(values: Rows, book_name: str, lang: str) -> tuple[Any, list[str]]:
    """(SheetTable, warnings): the Klanten values cut into a table as the file reader does."""
    from pathlib import PureWindowsPath

    from ..core.tables import table_from_rows

    return table_from_rows(values, CUSTOMERS, PureWindowsPath(book_name), lang)


def order_table(
    values: Rows, book_name: str, lang: str, sheet: str = ORDERS
) -> tuple[Any, list[str]]:
    """(SheetTable, warnings) of the Orders values, or (None, []) when it holds no table."""
    from pathlib import PureWindowsPath

    from ..core.tables import orders_from_rows

    return orders_from_rows(values, sheet, PureWindowsPath(book_name), lang)


def prospect_table(
    values: Rows, book_name: str, lang: str, sheet: str = PROSPECTS
) -> tuple[Any, list[str]]:
    """(SheetTable, warnings) of the Prospects values: inputs only (our Gelijkenis columns
    left out), or (None, []) for a blank sheet, or (None, [warning]) without a name header."""
    from pathlib import PureWindowsPath

    from ..core.tables import prospects_from_rows

    return prospects_from_rows(values, sheet, PureWindowsPath(book_name), lang)
