"""Tables cut out of a sheet's rows (a 2-D list of cell values), the same for every front.

The header is the row of the first 10 that names the key columns and the most known ones;
a header over two rows (a row of group titles over merged cells above the names, or names
merged down over two rows) is read as one. The data rows below it keep their sheet row
numbers as index; blank rows are dropped, and so is a total row at the end (a warning says
so); our own result columns are never inputs.
"""

from __future__ import annotations

import functools
from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import PurePath

import numpy as np
import pandas as pd

from ..errors import FileError, InputError
from . import labels
from .a1 import column_letter
from .columns import (
    assign,
    closest_headers,
    is_blank,
    match_headers,
    normalise,
    recognise_all,
)
from .words import where

HEADER_SEARCH_ROWS = 10
ORDER_KEYS = ("customer", "order_customer")
ORDER_SHEETS = labels.SHEET_ALIASES["orders"]
PROSPECT_SHEETS = labels.SHEET_ALIASES["prospects"]
ACTION_SHEETS = labels.SHEET_ALIASES["actions"]
CUSTOMER_SHEETS = labels.SHEET_ALIASES["customers"]
SETTINGS_SHEETS = labels.SHEET_ALIASES["settings"]
_TOTAL_WORDS = {"totaal", "total", "totalen", "totals", "grandtotal", "eindtotaal", "som"}


@dataclass(frozen=True)
class SheetTable:
    """A table as read: raw cell values, header strings, index = 1-based sheet row numbers."""

    sheet: str | None  # None for a CSV file
    header_row: int  # the sheet row right above the data (the last row of the header)
    frame: pd.DataFrame
    path: PurePath | None = None  # the file it came from
    # what the file held when it was read (a front checks later that it did not change)
    snapshot: object | None = field(default=None, repr=False, compare=False)
    header_rows: int = 1  # 2 for a header over two rows


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
    rows: list[list[object]],
    sheet: str | None,
    path: PurePath,
    lang: str,
    read: Collection[int] | None = None,
) -> tuple[SheetTable | None, list[str]]:
    """(table, warnings) of an order sheet's rows, or (None, []) when it holds no order
    table; `read`: the positions of the only columns the table holds."""
    if header_row(rows, ORDER_KEYS, any_key=True) is None:
        return None, []
    return table_from_rows(rows, sheet, path, lang, True, ORDER_KEYS, read)


@dataclass(frozen=True)
class Header:
    """The header of a table: its first and last row (0-based) and the names, one per column
    (of a two-row header: the lower row's name, else the one above it)."""

    first: int
    last: int
    cells: list[object]


def _score_keys(keys: tuple[str, ...]) -> tuple[str, ...]:
    """The columns a header row is judged by: every column a table of `keys` may have."""
    if "order_customer" in keys:
        return (*labels.ORDER_KEYS, "customer")
    if keys == labels.PROSPECT_KEYS:
        return (*labels.PROSPECT_KEYS, *labels.AFFINITY_KEYS)
    return (*keys, *labels.INPUT_KEYS, *labels.AFFINITY_KEYS)


def _two_rows(upper: list, lower: list) -> tuple[list, list[bool]] | None:
    """The names of a header over two rows: the lower row's, the upper row's where the lower
    is blank (a name merged down), and which came from the upper row. None when the upper
    row adds no name."""
    width = max(len(upper), len(lower))
    upper = list(upper) + [None] * (width - len(upper))
    lower = list(lower) + [None] * (width - len(lower))
    lower_blank = [is_blank(lo) for lo in lower]
    if all(lower_blank):
        return None
    from_upper = [lb and not is_blank(up) for up, lb in zip(upper, lower_blank)]
    if not any(from_upper):
        return None
    return [up if fu else lo for up, lo, fu in zip(upper, lower, from_upper)], from_upper


def find_header(
    rows: list[list[object]], keys: tuple[str, ...], any_key: bool = False
) -> Header | None:
    """The header among the first 10 rows with a header for every (any) key: the one that
    names the most known columns, one row or two (on a tie a single row, then the first)."""
    scored = _score_keys(keys)
    best: tuple[tuple[int, bool], Header] | None = None
    limit = min(len(rows), HEADER_SEARCH_ROWS)
    known = [recognise_all(row, scored) for row in rows[: limit + 1]]  # each cell once
    for i in range(limit):
        options = [(Header(i, i, list(rows[i])), known[i])]
        if i + 1 < len(rows):
            two = _two_rows(list(rows[i]), list(rows[i + 1]))
            if two is not None:
                cells, from_upper = two
                both = [
                    known[i + (not up)][c] if c < len(known[i + (not up)]) else None
                    for c, up in enumerate(from_upper)
                ]
                options.append((Header(i, i + 1, cells), both))
        for option, recognised in options:
            found = assign(recognised, scored)[0]
            if not (any if any_key else all)(k in found for k in keys):
                continue
            score = (len(found), option.first == option.last)
            if best is None or score > best[0]:
                best = (score, option)
    return None if best is None else best[1]


def header_row(
    rows: list[list[object]], keys: tuple[str, ...], any_key: bool = False
) -> int | None:
    """0-based index of the (last) header row for every (any) key, as `find_header` finds it."""
    found = find_header(rows, keys, any_key)
    return None if found is None else found.last


def headers_seen(cells: list[object], lang: str) -> str:
    """The first headers of a row for a message: 'Klant, Omzet, Plaats, ...'."""
    names = [header_text(c, i, lang) for i, c in enumerate(cells) if not is_blank(c)]
    if not names:
        return "-"
    if len(names) <= labels.HEADERS_SHOWN:
        return ", ".join(names)
    shown = ", ".join(names[: labels.HEADERS_SHOWN])
    return labels.text("cols.more", lang, shown=shown, count=len(names))


def _likeliest_header_row(rows: list[list[object]]) -> list[object]:
    """Of the first 10 rows, the one with the most text cells (the header a person meant)."""
    best: list[object] = []
    count = 0
    for row in rows[:HEADER_SEARCH_ROWS]:
        texts = sum(isinstance(c, str) and not is_blank(c) for c in row)
        if texts > count:
            best, count = list(row), texts
    return best


def _no_customer_header(rows: list[list[object]], place: str, lang: str) -> InputError:
    """No Klant header: the headers seen, and the one most like Klant when there is one."""
    cells = _likeliest_header_row(rows)
    free = [i for i, c in enumerate(cells) if isinstance(c, str) and not is_blank(c)]
    if not free:  # no text at all: nothing to name
        return InputError(
            labels.text("file.no_customer_header", lang, where=place, rows=HEADER_SEARCH_ROWS)
        )
    seen = headers_seen(cells, lang)
    close = closest_headers(cells, ("customer",), free).get("customer")
    if close is not None:
        return InputError(
            labels.text(
                "cols.err.no_customer_like",
                lang,
                where=place,
                rows=HEADER_SEARCH_ROWS,
                seen=seen,
                header=str(cells[close]).strip(),
            )
        )
    return InputError(
        labels.text(
            "cols.err.no_customer_header", lang, where=place, rows=HEADER_SEARCH_ROWS, seen=seen
        )
    )


def _check_below(
    rows: list[list[object]], header: Header, keys: tuple[str, ...], place: str, lang: str
) -> None:
    """Refuse a header whose next row is a header row too (two rows of names that do not
    combine): reading on would take names for data and invent names for the columns."""
    below = header.last + 1
    if below >= len(rows):
        return
    cells = list(rows[below])
    own = match_headers(header.cells, _score_keys(keys))
    found = match_headers(cells, _score_keys(keys))
    if len(set(found) - set(own)) >= 2 or len(found) >= max(2, len(own)):
        raise InputError(
            labels.text(
                "cols.err.two_header_rows",
                lang,
                where=place,
                first=header.last + 1,
                second=below + 1,
                seen=headers_seen(cells, lang),
            )
        )


def table_from_rows(
    rows: list[list[object]],
    sheet: str | None,
    path: PurePath,
    lang: str,
    keep_results: bool = False,
    keys: tuple[str, ...] = ("customer",),
    read: Collection[int] | None = None,
) -> tuple[SheetTable, list[str]]:
    """Cut the table out of a sheet's rows: header row, data below, blank rows dropped;
    `read`: the positions of the only columns it holds (rows blank in them dropped)."""
    place = where(path, sheet, lang)
    found = find_header(rows, keys, any_key=True)
    if found is None:
        if not rows or all(all(is_blank(v) for v in r) for r in rows):
            raise FileError(labels.text("file.empty", lang, where=place))
        if keys == ("customer",):
            raise _no_customer_header(rows, place, lang)
        raise FileError(
            labels.text("file.no_customer_header", lang, where=place, rows=HEADER_SEARCH_ROWS)
        )
    _check_below(rows, found, keys, place, lang)
    start = found.last
    header = found.cells
    # columns: up to the last non-blank header, and no old result columns
    last = max((i for i, h in enumerate(header) if not is_blank(h)), default=-1)
    positions = []
    names = []
    unnamed = []
    for pos in range(last + 1):
        name = header[pos]
        if not keep_results and not is_blank(name) and is_result_header(name):
            continue
        positions.append(pos)
        names.append(header_text(name, pos, lang))
        if is_blank(name):
            unnamed.append(pos)
    if read is not None:
        kept = [i for i, pos in enumerate(positions) if pos in read]
        positions, names = [positions[i] for i in kept], [names[i] for i in kept]
    frame = _body(rows[start + 1 :], positions, names, first_row=start + 2)
    warnings: list[str] = []
    filled = [
        column_letter(p + 1)
        for p, n in zip(positions, names)
        if p in unnamed and _has_data(frame[n])
    ]
    if filled:
        warnings.append(place + ": " + _no_header_warning(filled, lang))
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
    table = SheetTable(sheet, start + 1, frame, path, header_rows=found.last - found.first + 1)
    return table, warnings


def _has_data(column: pd.Series | pd.DataFrame) -> bool:
    return bool(column.notna().to_numpy().any())


def _no_header_warning(letters: list[str], lang: str) -> str:
    """'kolom C heeft geen kop ...' / 'de kolommen C en E hebben geen kop ...'."""
    if len(letters) == 1:
        return labels.text("cols.warn.no_header", lang, columns=letters[0])
    joined = labels.text("cols.and", lang, first=", ".join(letters[:-1]), last=letters[-1])
    return labels.text("cols.warn.no_headers", lang, columns=joined)


class FrameRows(Sequence):
    """A sheet's rows held a column at a time: one object array of text cells per position,
    '' for a blank or missing cell (a CSV file as pandas' parser reads it). A row is a list
    of its cells; the rows below a header become the table's body a column at a time
    (`_body`), without going through rows.

    A file read for some of its columns only has None for each column not read, and its
    first rows whole (`head`: where a header is looked for); a table cut out of it holds
    only the columns read (`table_from_rows`' `read`)."""

    def __init__(
        self,
        columns: list[np.ndarray | None],
        start: int = 0,
        stop: int | None = None,
        head: list[list[object]] | None = None,
    ):
        self.columns = columns
        self.start = start
        read = next((c for c in columns if c is not None), None)
        self.stop = (0 if read is None else len(read)) if stop is None else stop
        self.head = head

    def __len__(self) -> int:
        return self.stop - self.start

    def __getitem__(self, key):
        if isinstance(key, slice):
            start, stop, step = key.indices(len(self))
            if step == 1:
                stop = self.start + max(start, stop)
                return FrameRows(self.columns, self.start + start, stop, self.head)
            return [self[i] for i in range(start, stop, step)]
        if key < 0:
            key += len(self)
        if not 0 <= key < len(self):
            raise IndexError(key)
        at = self.start + key
        if self.head is not None and at < len(self.head):
            return list(self.head[at])
        if self.head is not None:
            raise LookupError(f"row {at + 1} was read for some of its columns only")
        return [column[at] for column in self.columns]

    def __iter__(self) -> Iterator[list[object]]:
        for i in range(len(self)):
            yield self[i]

    def body(self, positions: list[int], names: list[str], first_row: int) -> pd.DataFrame:
        """The cells at `positions` as a frame (blank cells None) with the columns `names`,
        fully blank rows dropped; the index holds the sheet row numbers."""
        count = len(self)
        filled = np.zeros(count, dtype=bool)
        columns = []
        for pos in positions:
            column = self.columns[pos]
            if column is None:
                raise LookupError(f"column {column_letter(pos + 1)} was not read")
            values = column[self.start : self.stop]
            blank = values == ""
            if blank.any():  # else the rows' own column: nothing reads the rows after this
                values = values.copy()
                values[blank] = None
            filled |= ~blank
            columns.append(values)
        return _column_frame(columns, names, first_row, filled)


def _body(
    rows: list[list[object]], positions: list[int], names: list[str], first_row: int
) -> pd.DataFrame:
    """The data rows as a frame of raw cells (blank cells None), fully blank rows dropped;
    the index holds the sheet row numbers. Column-wise, so a million rows stay quick."""
    if not rows:
        return pd.DataFrame(columns=names, dtype=object)
    if isinstance(rows, FrameRows):
        return rows.body(positions, names, first_row)
    if _one_length(rows) and max(positions, default=0) < len(rows[0]):  # a workbook's rows
        return _even_body(rows, positions, names, first_row)
    width = max(map(len, rows))
    body = pd.DataFrame([[*row, *[None] * (width - len(row))] for row in rows], dtype=object)
    body = body.reindex(columns=positions)
    body.columns = names
    body.index = pd.RangeIndex(first_row, first_row + len(rows))
    blank = body.isna() | (body == "")
    body = body.where(~blank, None)
    return body[~blank.all(axis=1).to_numpy()]


def _one_length(rows: list[list[object]]) -> bool:
    return len(set(map(len, rows))) == 1 and len(rows[0]) > 0


def _even_body(
    rows: list[list[object]], positions: list[int], names: list[str], first_row: int
) -> pd.DataFrame:
    """`_body` of rows all of one length, a column at a time: blank (None, NaN or '')
    cells None, fully blank rows dropped."""
    count = len(rows)
    cells = np.empty((count, len(rows[0])), dtype=object)
    cells[:] = rows
    filled = np.zeros(count, dtype=bool)
    columns = []
    for pos in positions:
        values = cells[:, pos].copy()
        blank = _blank_cells(values)
        if blank.any():
            values[blank] = None
        filled |= ~blank
        columns.append(values)
    return _column_frame(columns, names, first_row, filled)


_NEVER_BLANK = ("integer", "boolean")  # kinds of arrays (pandas' infer_dtype) with no blank
_FLOATING = ("floating", "mixed-integer-float")


def _blank_cells(values: np.ndarray) -> np.ndarray:
    """Which cells of an object array are blank: None, NaN (or NaT) or ''. A column of one
    kind (all texts, all numbers) is looked at the way that kind needs only."""
    kind = pd.api.types.infer_dtype(values, skipna=False)
    if kind == "string":
        return values == ""
    if kind in _NEVER_BLANK:
        return np.zeros(len(values), dtype=bool)
    if kind in _FLOATING:
        return np.isnan(values.astype(float))
    return pd.isna(values) | (values == "")


def _column_frame(
    columns: list[np.ndarray], names: list[str], first_row: int, filled: np.ndarray
) -> pd.DataFrame:
    """A body from its columns (object arrays, blank cells None), the index holding the
    sheet row numbers, without the rows `filled` marks as fully blank."""
    count = len(filled)
    # the columns as they are (each a copy of its own, or a column of `FrameRows` without
    # a blank cell): stacking them into one block would take longer than reading them
    body = pd.DataFrame(dict(enumerate(columns)), index=range(count), dtype=object, copy=False)
    body.columns = names
    body.index = pd.RangeIndex(first_row, first_row + count)
    return body if filled.all() else body[filled]


def _blank_rows(rows: list[list[object]]) -> bool:
    return all(all(is_blank(v) for v in row) for row in rows)


def header_text(name: object, pos: int, lang: str) -> str:
    """The name a table's column gets from its header cell ('Kolom C' without one)."""
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
