"""A1 references, the one home for them: column letters, cells and areas (1-based)."""

from __future__ import annotations

MAX_ROWS = 1_048_576  # rows of a sheet
MAX_COLUMNS = 16_384  # columns of a sheet: A to XFD


def column_letter(column: int) -> str:
    """1 -> A, 27 -> AA."""
    letters = ""
    while column:
        column, rem = divmod(column - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def column_index(letters: str) -> int:
    """A -> 1, AA -> 27."""
    index = 0
    for char in letters.upper():
        index = index * 26 + ord(char) - 64
    return index


def cell(row: int, column: int, absolute: bool = False) -> str:
    """(3, 12) -> 'L3'; absolute: '$L$3'."""
    if absolute:
        return f"${column_letter(column)}${row}"
    return f"{column_letter(column)}{row}"


def area(top: int, left: int, bottom: int, right: int, absolute: bool = False) -> str:
    """(1, 1, 10, 3) -> 'A1:C10'."""
    return f"{cell(top, left, absolute)}:{cell(bottom, right, absolute)}"


def sheet_ref(sheet: str, reference: str) -> str:
    """ "'Matrix'!$T$2:$T$61" (the sheet name quoted, quotes in it doubled)."""
    return "'" + sheet.replace("'", "''") + "'!" + reference
