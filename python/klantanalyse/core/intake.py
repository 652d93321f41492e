"""What a table read from a file is, and what type its cells have.

- An *order table* is one with a customer (name or number), a date and an amount (or a
  quantity and a price) column, and no `Omzet` column: an order export on its own, from
  which the customer list is derived. With an order number as well, a revenue column
  (`Omzet`, `Sales`) is the amount of each line.
- A CSV file has no cell types: `typed_table` gives its cells the types a workbook would
  have. Columns we know as amounts become numbers, known date columns dates (a cell that
  does not parse stays the text it was, so its message can quote it), names and other known
  text columns stay text exactly as typed (leading zeros included); any other column
  becomes numbers only when every filled cell is a plain number without a leading zero
  (a postcode or phone number such as `0612345678` stays text), and dates only when every
  filled cell is a date written as 2024-01-31 or 31-01-2024 (a time may follow).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

import numpy as np
import pandas as pd

from . import labels
from .columns import (
    duplicate_headers,
    factorize_cells,
    is_blank,
    match_headers,
    parse_amount,
    parse_amount_column,
    parse_date_column,
    recognise,
)
from .tables import HEADER_SEARCH_ROWS, ORDER_KEYS, SheetTable, find_header, header_text

_ORDER_TABLE_KEYS = (
    "customer",
    "order_customer",
    "order_date",
    "order_amount",
    "order_quantity",
    "order_price",
    "order_id",
    "revenue",
)

CUSTOMER_NUMBERS = (*labels.NUMERIC_INPUTS, "employees")
CUSTOMER_TEXTS = (
    "customer",
    "margin",
    "speed",
    "innovation",
    "network",
    "sector",
    "region",
    "relation_type",
)
ORDER_NUMBERS = ("order_amount", "order_quantity", "order_price", "order_margin", "revenue")
ORDER_DATES = ("order_date",)
ORDER_TEXTS = ("customer", "order_customer", "order_id", "product_group")
# every key an order table's columns are matched to: by the typing here and by the order
# analysis (its columns, its revenue column, its check for two columns of one key)
_ORDER_READ_KEYS = tuple(
    dict.fromkeys(
        (*labels.ORDER_KEYS, "customer", "revenue", *ORDER_NUMBERS, *ORDER_DATES, *ORDER_TEXTS)
    )
)
PROSPECT_TEXTS = ("prospect", "sector", "region", "relation_type")
PROSPECT_NUMBERS = ("employees",)

_PLAIN_NUMBER = re.compile(r"-?(0|[1-9][0-9]{0,14})([.,][0-9]+)?")
_PLAIN_DATE = re.compile(
    r"([0-9]{4}-[0-9]{1,2}-[0-9]{1,2}|[0-9]{1,2}-[0-9]{1,2}-[0-9]{4})([ T][0-9:]{5,8})?"
)


def is_order_header(row: list[object]) -> bool:
    """True for a header row of an order table (see the module docstring)."""
    found = match_headers(row, _ORDER_TABLE_KEYS)
    customer = "customer" in found or "order_customer" in found
    amount = "order_amount" in found or ("order_quantity" in found and "order_price" in found)
    if "revenue" in found:  # a customer list, unless the rows are numbered orders
        amount = "order_id" in found
    return customer and "order_date" in found and amount


def order_columns_read(rows: Sequence[list[object]], lang: str) -> list[int] | None:
    """The positions of the columns of an order table (its rows as `orders_from_rows` cuts
    them) that are ever read: each one whose header names a key its cells can be matched
    to, and each one without a header (its cells decide a warning). None (every column)
    without an order header, or when two columns name one key (the analysis names them by
    their letters in the file)."""
    found = find_header(rows, ORDER_KEYS, any_key=True)
    if found is None:
        return None
    last = max((pos for pos, cell in enumerate(found.cells) if not is_blank(cell)), default=-1)
    names = [header_text(cell, pos, lang) for pos, cell in enumerate(found.cells[: last + 1])]
    if duplicate_headers(names, (*labels.ORDER_FIELD_KEYS, "customer")):
        return None
    return [
        pos
        for pos, name in enumerate(names)
        if is_blank(found.cells[pos]) or any(recognise(name, (key,)) for key in _ORDER_READ_KEYS)
    ]


def order_header_row(rows: list[list[object]]) -> int | None:
    """0-based index of the first of the first rows that is an order table's header."""
    for i, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        if is_order_header(row):
            return i
    return None


def typed_table(
    table: SheetTable,
    numbers: tuple[str, ...] = (),
    dates: tuple[str, ...] = (),
    texts: tuple[str, ...] = (),
) -> SheetTable:
    """`table` (cells as text, from a CSV file) with typed cells (see the module docstring)."""
    frame = table.frame
    headers = list(frame.columns)
    as_number = set(match_headers(headers, numbers).values())
    as_date = set(match_headers(headers, dates).values())
    as_text = set(match_headers(headers, texts).values())
    columns = []
    for pos in range(len(headers)):
        column = frame.iloc[:, pos]
        if pos in as_text:
            columns.append(column)
        elif pos in as_number:
            columns.append(_numbers(column))
        elif pos in as_date:
            columns.append(_dates(column))
        else:
            columns.append(_plain(column))
    if not columns:
        return table
    typed = pd.concat(columns, axis=1)
    typed.columns = frame.columns
    return replace(table, frame=typed)


def _numbers(column: pd.Series) -> pd.Series:
    """Amounts as numbers; a cell that is not one keeps its text."""
    values, bad = parse_amount_column(column)
    if not bad.any():
        return values.astype(float)
    out = values.astype(object).where(values.notna(), None)
    out[bad] = column[bad]
    return out


def _dates(column: pd.Series) -> pd.Series:
    """Dates as dates; a cell that is not one keeps its text."""
    values, bad = parse_date_column(column)
    if not bad.any():
        return values
    out = values.astype(object).where(values.notna(), None)
    out[bad] = column[bad]
    return out


def _plain(column: pd.Series) -> pd.Series:
    """Numbers when every filled cell is a plain number without a leading zero, dates when
    every filled cell is a plainly written date that parses, else as is (the distinct cells
    found once for both)."""
    if not _may_be_plain(column):
        return column
    codes, uniques = factorize_cells(column)
    if len(uniques) == 0:
        return column
    values = uniques.tolist()
    if not all(isinstance(v, str) for v in values):
        return column
    if all(_PLAIN_NUMBER.fullmatch(v.strip()) for v in values):
        lookup = np.append(np.asarray([parse_amount(v) for v in values], dtype=float), np.nan)
        return pd.Series(lookup[codes], index=column.index)
    if column.dtype != object or not all(_PLAIN_DATE.fullmatch(v.strip()) for v in values):
        return column
    dates, bad = parse_date_column(column)
    return column if bad.any() else dates


_FIRST_CELLS = 100  # cells `_may_be_plain` looks at


def _may_be_plain(column: pd.Series) -> bool:
    """False when the first filled cells already show that not every one is a plain number
    and not every one a plain date (or not every one a text): then `_plain` leaves the
    column as is, without finding its distinct cells."""
    first = column.iloc[:_FIRST_CELLS].dropna().tolist()
    if not all(isinstance(v, str) for v in first):
        return False
    texts = [v.strip() for v in first]
    return all(_PLAIN_NUMBER.fullmatch(v) for v in texts) or all(
        _PLAIN_DATE.fullmatch(v) for v in texts
    )
