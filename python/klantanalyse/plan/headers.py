"""Header texts that Excel accepts as the column names of a table.

A table column's name must equal the text of its header cell, be unique in the table
(whatever the case) and hold at most 255 characters; otherwise Excel 'repairs' the file
when it opens it. The header cells and the table are written from the same names.
"""

from __future__ import annotations

from collections.abc import Sequence

MAX_COLUMN_NAME = 255  # characters (UTF-16 code units, as Excel counts them)


def table_column_names(headers: Sequence[object]) -> list[str]:
    """`headers` as header texts and table column names at once: longer ones shortened to
    MAX_COLUMN_NAME characters, and a name that repeats another (ignoring case) numbered
    ' (2)', ' (3)', ... while still within the limit and not another header's name."""
    names = [shorten(str(h), MAX_COLUMN_NAME) for h in headers]
    taken = {n.casefold() for n in names}
    seen: set[str] = set()
    out: list[str] = []
    for name in names:
        key = name.casefold()
        if key in seen:
            name = _numbered(name, taken)
            key = name.casefold()
            taken.add(key)
        seen.add(key)
        out.append(name)
    return out


def _numbered(name: str, taken: set[str]) -> str:
    """`name` with the lowest number ' (n)', n >= 2, that makes it a new name."""
    number = 2
    while True:
        suffix = f" ({number})"
        candidate = shorten(name, MAX_COLUMN_NAME - len(suffix)) + suffix
        if candidate.casefold() not in taken:
            return candidate
        number += 1


def shorten(text: str, limit: int) -> str:
    """`text` cut to at most `limit` UTF-16 code units, never inside a character."""
    if len(text) <= limit // 2 or excel_length(text) <= limit:
        return text
    units = 0
    for pos, char in enumerate(text):
        units += 2 if ord(char) > 0xFFFF else 1
        if units > limit:
            return text[:pos]
    return text


def excel_length(text: str) -> int:
    """The length of `text` as Excel counts it (characters beyond U+FFFF count twice)."""
    return len(text) + sum(1 for char in text if ord(char) > 0xFFFF)
