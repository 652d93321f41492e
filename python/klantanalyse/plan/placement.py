"""Where the result columns go on a sheet that already holds data. Pure.

The user's cells are never written: results start right of the last column that holds
anything of the user's (a header or a value), and columns headed by a result name (Dutch or
English) belong to the analysis, wherever an earlier run or the user put them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..core.tables import header_row, is_result_header


@dataclass(frozen=True)
class Placement:
    """Result columns of one run on a sheet, all positions 1-based."""

    header_row: int  # sheet row of the table header
    column: int  # first result column
    width: int  # number of result columns
    bottom: int  # last row to write: the data, or further down to clear an earlier run
    stale: tuple[int, ...]  # result-headed columns outside the new block, to clear

    @property
    def last_column(self) -> int:
        return self.column + self.width - 1


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def place_results(
    values: Sequence[Sequence[object]], header_row: int, width: int, data_bottom: int
) -> Placement:
    """Placement of `width` result columns on a sheet whose cells are `values` (A1 first).

    `data_bottom` is the last sheet row that gets a result; the block reaches down to the
    last used row so an earlier, longer run is overwritten with blanks.
    """
    rows = values[header_row - 1 :]
    columns = max((len(row) for row in rows), default=0)
    headers = list(rows[0]) if rows else []
    owned = {
        pos
        for pos, name in enumerate(headers, start=1)
        if not _blank(name) and is_result_header(name)
    }
    last_input = 0
    for pos in range(columns, 0, -1):
        if pos in owned:
            continue
        if any(len(row) >= pos and not _blank(row[pos - 1]) for row in rows):
            last_input = pos
            break
    column = last_input + 1
    stale = tuple(sorted(pos for pos in owned if not column <= pos < column + width))
    bottom = max(header_row + len(rows) - 1, data_bottom, header_row)
    return Placement(header_row, column, width, bottom, stale)


def results_header_row(values: Sequence[Sequence[object]], keys: tuple[str, ...]) -> int:
    """The sheet row of the table header with `keys` (row 1 when there is none)."""
    found = header_row([list(r) for r in values], keys)
    return 1 if found is None else found + 1


def runs(columns: Sequence[int]) -> list[tuple[int, int]]:
    """Consecutive columns as (first, last) pairs: 6,7,8,10 -> (6, 8), (10, 10)."""
    out: list[tuple[int, int]] = []
    for column in columns:
        if out and out[-1][1] == column - 1:
            out[-1] = (out[-1][0], column)
        else:
            out.append((column, column))
    return out
