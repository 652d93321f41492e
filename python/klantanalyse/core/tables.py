"""Tables cut out of a sheet's rows (a 2-D list of cell values), the same for every front.

The header is the first of the first 10 rows that names the key columns; the data rows
below it keep their sheet row numbers as index; blank rows are dropped, and so is a total
row at the end (a warning says so); our own result columns are never inputs.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field, replace
from pathlib import PurePath

import pandas as pd

from ..errors import FileError
from . import labels
from .a1 import column_letter
from .columns import is_blank, match_headers, normalise

HEADER_SEARCH_ROWS = 10
ORDER_KEYS = ("customer", "order_customer")
ORDER_SHEETS = labels.SHEET_ALIASES["orders"]
PROSPECT_SHEETS = labels.SHEET_ALIASES["prospects"]
CUSTOMER_SHEETS = labels.SHEET_ALIASES["customers"]
SETTINGS_SHEETS = labels.SHEET_ALIASES["settings"]
_TOTAL_WORDS = {"totaal", "total", "totalen", "totals", "grandtotal", "eindtotaal", "som"}


@dataclass(frozen=True)
class SheetTable:
    """A table as read: raw cell values, header strings, index = 1-based sheet row numbers."""

    sheet: str | None  # None for a CSV file
    header_row: int
    frame: pd.DataFrame
    path: PurePath | None = None  # the file it came from
    # what the file held when it was read (a front checks later that it did not change)
    snapshot: object | None = field(default=None, repr=False, compare=False)


def where(path: PurePath, sheet: str | None, lang: str) -> str:
    """'klanten.xlsx, blad Klanten' or 'klanten.csv'."""
    if sheet is None:
        return path.name
    return labels.text("loc.sheet", lang, file=path.name, sheet=sheet)


def is_result_header(name: object) -> bool:
    """True for a header we write as a result column (in either language)."""
    return normalise(name) in _result_words()


@functools.cache
def _result_words() -> frozenset[str]:
    """Every result header, normalised (computed once: labels are complete on import)."""
    return frozenset(normalise(word) for k in labels.ALL_RESULT_KEYS for word in labels.HEADERS[k])


def total_row(frame: pd.DataFrame, name_column: object) -> object | None:
    """The index label of a last row whose name is a total word ('Totaal', 'Total', ...)."""
    if not len(frame):
        return None
    last_name = frame.iloc[-1][name_column]
    if isinstance(last_name, str) and normalise(last_name) in _TOTAL_WORDS:
        return frame.index[-1]
    return None


def orders_from_rows(
    rows: list[list[object]], sheet: str | None, path: PurePath, lang: str
) -> tuple[SheetTable | None, list[str]]:
    """(table, warnings) of an order sheet's rows, or (None, []) when it holds no order table."""
    if header_row(rows, ORDER_KEYS, any_key=True) is None:
        return None, []
    return table_from_rows(rows, sheet, path, lang, True, ORDER_KEYS)


def header_row(
    rows: list[list[object]], keys: tuple[str, ...], any_key: bool = False
) -> int | None:
    """0-based index of the first row (of the first 10) with a header for every (any) key."""
    for i, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        found = match_headers(row, keys)
        if (any if any_key else all)(k in found for k in keys):
            return i
    return None


def table_from_rows(
    rows: list[list[object]],
    sheet: str | None,
    path: PurePath,
    lang: str,
    keep_results: bool = False,
    keys: tuple[str, ...] = ("customer",),
) -> tuple[SheetTable, list[str]]:
    """Cut the table out of a sheet's rows: header row, data below, blank rows dropped."""
    start = header_row(rows, keys, any_key=True)
    if start is None:
        if not rows or all(all(is_blank(v) for v in r) for r in rows):
            raise FileError(labels.text("file.empty", lang, where=where(path, sheet, lang)))
        raise FileError(
            labels.text(
                "file.no_customer_header",
                lang,
                where=where(path, sheet, lang),
                rows=HEADER_SEARCH_ROWS,
            )
        )
    header = rows[start]
    # columns: up to the last non-blank header, and no old result columns
    last = max((i for i, h in enumerate(header) if not is_blank(h)), default=-1)
    positions = []
    names = []
    for pos in range(last + 1):
        name = header[pos]
        if not keep_results and not is_blank(name) and is_result_header(name):
            continue
        positions.append(pos)
        names.append(_header_text(name, pos, lang))
    frame = _body(rows[start + 1 :], positions, names, first_row=start + 2)
    warnings: list[str] = []
    if not keep_results:
        name_col = names[match_headers(names, ("customer",))["customer"]]
        label = total_row(frame, name_col)
        if label is not None:
            warnings.append(
                where(path, sheet, lang)
                + ": "
                + labels.text("warn.total_row", lang, row=label, name=frame.loc[label, name_col])
            )
            frame = frame.drop(index=label)
    return SheetTable(sheet, start + 1, frame, path), warnings


def _body(
    rows: list[list[object]], positions: list[int], names: list[str], first_row: int
) -> pd.DataFrame:
    """The data rows as a frame of raw cells (blank cells None), fully blank rows dropped;
    the index holds the sheet row numbers. Column-wise, so a million rows stay quick."""
    if not rows:
        return pd.DataFrame(columns=names, dtype=object)
    body = pd.DataFrame(rows, dtype=object)
    body = body.reindex(columns=positions)
    body.columns = names
    body.index = pd.RangeIndex(first_row, first_row + len(rows))
    blank = body.isna() | (body == "")
    body = body.where(~blank, None)
    return body[~blank.all(axis=1).to_numpy()]


def _blank_rows(rows: list[list[object]]) -> bool:
    return all(all(is_blank(v) for v in row) for row in rows)


def _header_text(name: object, pos: int, lang: str) -> str:
    if is_blank(name):
        return labels.text("file.unnamed_column", lang, column=column_letter(pos + 1))
    if isinstance(name, float) and name.is_integer():
        return str(int(name))
    return str(name).strip()


def prospects_from_rows(
    rows: list[list[object]], sheet: str | None, path: PurePath, lang: str
) -> tuple[SheetTable | None, list[str]]:
    """(table, warnings) of a Prospects sheet's rows: (None, []) when the sheet is blank, a
    warning when it has rows but no Prospect/Naam/Klant header in the first 10 rows."""
    if header_row(rows, labels.PROSPECT_KEYS) is None:
        if all(all(is_blank(v) for v in r) for r in rows):
            return None, []
        return None, [_no_prospect_header(path, sheet, lang)]
    return _prospect_table(rows, sheet, path, lang), []


def _no_prospect_header(path: PurePath, sheet: str | None, lang: str) -> str:
    return labels.text(
        "file.no_prospect_header", lang, where=where(path, sheet, lang), rows=HEADER_SEARCH_ROWS
    )


def _prospect_table(
    rows: list[list[object]], sheet: str | None, path: PurePath, lang: str
) -> SheetTable:
    """The prospect table of a sheet: inputs as given, our old result columns left out."""
    table, _ = table_from_rows(
        rows, sheet, path, lang, keep_results=True, keys=labels.PROSPECT_KEYS
    )
    frame = table.frame
    results = [is_result_header(c) for c in frame.columns]
    if not any(results):
        return table
    keep = [i for i, r in enumerate(results) if not r]
    return replace(table, frame=frame.iloc[:, keep])
