"""A sheet's cell values as a table: header row 1, inputs left, earlier results right.

Pure: takes the 2-D list of values a workbook reader returns (row 1 first, column A
first) and says which columns are the user's inputs, which hold results of an earlier run,
and which rows hold data. Every front that reads the Klanten or Orders sheet uses it, so
they agree on where results go.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import pandas as pd

from . import labels
from .columns import normalise


@dataclass(frozen=True)
class SheetTable:
    """The values of one sheet read from A1, split into inputs and earlier results."""

    frame: pd.DataFrame  # input columns A.. with their headers; index = sheet row numbers
    input_width: int  # columns 1..input_width hold user data; results start right of it
    result_positions: tuple[int, ...]  # 0-based columns headed as a result (earlier runs)
    height: int  # rows read, header included (the last used row of the sheet)
    width: int  # columns read


def result_header_names(keys: Iterable[str] = labels.RESULT_KEYS) -> frozenset[str]:
    """Normalised Dutch and English headers of the result columns."""
    return frozenset(normalise(name) for key in keys for name in labels.HEADERS[key])


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def sheet_table(
    values: Sequence[Sequence[object]], result_keys: Iterable[str] = labels.RESULT_KEYS
) -> SheetTable:
    """Split `values` (row 1 = headers) into the input table and earlier result columns.

    A column headed by a result name (Dutch or English) belongs to the analysis and is
    never an input. Every other column that holds anything is user data: results are
    placed right of the last such column, so no user cell is ever overwritten. Rows whose
    input cells are all blank are left out of the frame.
    """
    rows = [list(row) for row in values]
    height = len(rows)
    width = max((len(row) for row in rows), default=0)
    for row in rows:
        row.extend([None] * (width - len(row)))
    headers = rows[0] if rows else []
    owned = result_header_names(result_keys)
    result_positions = tuple(
        pos for pos, name in enumerate(headers) if not _blank(name) and normalise(name) in owned
    )
    result_set = set(result_positions)
    input_width = 0
    for pos in range(width - 1, -1, -1):
        if pos in result_set:
            continue
        if any(not _blank(row[pos]) for row in rows):
            input_width = pos + 1
            break
    data: list[list[object]] = []
    index: list[int] = []
    for number, row in enumerate(rows[1:], start=2):
        cells = row[:input_width]
        if any(not _blank(cells[pos]) for pos in range(input_width) if pos not in result_set):
            data.append(cells)
            index.append(number)
    frame = pd.DataFrame(data, columns=list(headers[:input_width]), index=index, dtype=object)
    return SheetTable(
        frame=frame,
        input_width=input_width,
        result_positions=result_positions,
        height=height,
        width=width,
    )
