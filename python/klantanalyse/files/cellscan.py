"""The cells of a piece of sheet XML, found with array operations over its bytes.

This is the guard's quickest look at a sheet (see `guard._SheetScan`): for the plain way
every spreadsheet program writes cells (`<c r="B7" s="1" t="s"><v>12</v></c>`) it gives
the largest row and column that hold something and the shared-string indexes the cells use,
without a Python object per cell. Whenever a piece holds anything it cannot account for
exactly (a cell without a plain reference, an attribute it could misread, quotes that do
not pair up), it returns None and the regular expressions of the guard decide instead; it
never guesses.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

_LT, _GT, _QUOTE, _SLASH = 0x3C, 0x3E, 0x22, 0x2F
_C, _R, _S, _T, _V, _EQ, _SPACE = 0x63, 0x72, 0x73, 0x74, 0x76, 0x3D, 0x20
_WHITESPACE = (0x20, 0x09, 0x0A, 0x0D)
_REF_WIDTH = 11  # three letters, seven digits and the closing quote
_INDEX_WIDTH = 11  # ten digits and the "<" of </v>
_PAD = 32


@dataclass(frozen=True)
class PlainCells:
    """What the cells of one piece hold: 1-based largest row and column among the cells
    with content (0 when none), and the shared-string index of every t="s" cell."""

    rows: int
    columns: int
    shared: np.ndarray
    row_zero: bool  # some reference has row 0 or a leading zero


def plain_cells(piece: bytes) -> PlainCells | None:
    """The cells of `piece` (whole cells and rows only, no namespace prefixes), or None
    when some cell is not written in the plain form."""
    size = len(piece)
    data = np.frombuffer(piece + b"\0" * _PAD, dtype=np.uint8)
    body = data[:size]
    opens = np.flatnonzero(body == _LT)
    is_c = data[opens + 1] == _C
    after = data[opens[is_c] + 2]
    if not np.all(_LETTER[after] | (after == _SPACE)):  # else <col, <cfRule, ...
        return None
    at = np.flatnonzero(is_c)[after == _SPACE]  # the cells among the tags
    starts = opens[at]
    if not len(starts):
        return PlainCells(0, 0, np.zeros(0, np.int64), False)
    if not _reference_attribute_first(data, starts):
        return None
    refs = _references(data, starts + 6)
    ends = _tag_ends(body, starts, opens, at)
    if refs is None or ends is None:
        return None
    equals = np.flatnonzero(body == _EQ)  # every '=' of the piece, in tags or not
    assigns = _assignments(piece, body, starts, ends, equals)
    if assigns is None:
        return None
    shared = _shared_indexes(data, starts, ends, assigns)
    if shared is None or _shared_spellings(data, equals) != len(shared):
        return None
    columns, rows, zero = refs
    filled = data[ends - 1] != _SLASH
    return PlainCells(
        int(rows[filled].max(initial=0)),
        int(columns[filled].max(initial=0)),
        shared,
        bool(zero.any()),
    )


def _table(ranges: list[tuple[int, int]]) -> np.ndarray:
    table = np.zeros(256, dtype=bool)
    for low, high in ranges:
        table[low : high + 1] = True
    return table


_LETTER = _table([(0x41, 0x5A), (0x61, 0x7A)])
_DIGIT = _table([(0x30, 0x39)])
_SPACE_LIKE = _table([(c, c) for c in _WHITESPACE])
_REGEX_SPACE = _table([(c, c) for c in (*_WHITESPACE, 0x0B, 0x0C)])  # bytes patterns' \s
_QUOTES = _table([(_QUOTE, _QUOTE), (0x27, 0x27)])


def _shared_spellings(data: np.ndarray, equals: np.ndarray) -> int:
    """How many times the piece says ="s" (either quote); -1 when it may say it with
    spaces somewhere (`= "s"`, `=' s'`), which this count does not read. `equals`: the
    positions of every '=' in the piece."""
    first, second, third = data[equals + 1], data[equals + 2], data[equals + 3]
    quoted = _QUOTES[first]
    named_s = quoted & (second == _S)
    if (
        np.any(_REGEX_SPACE[first])
        or np.any(quoted & _REGEX_SPACE[second])
        or np.any(named_s & _REGEX_SPACE[third])
    ):
        return -1
    return int(np.count_nonzero(named_s & _QUOTES[third]))


def _reference_attribute_first(data: np.ndarray, starts: np.ndarray) -> bool:
    """Every cell starts `<c r="`."""
    return bool(
        np.all(data[starts + 3] == _R)
        and np.all(data[starts + 4] == _EQ)
        and np.all(data[starts + 5] == _QUOTE)
    )


def _references(data: np.ndarray, at: np.ndarray) -> tuple[np.ndarray, ...] | None:
    """Column and row numbers of the references starting at `at` (1-3 letters, 1-7 digits,
    a quote), and which have a leading zero; None when one is not of that form."""
    window = data[at[:, None] + np.arange(_REF_WIDTH)]
    n_letters = np.argmin(_LETTER[window[:, :4]], axis=1)  # the first non-letter
    if np.any(n_letters == 0):  # none, or four or more
        return None
    lower = (window[:, :3] | 0x20).astype(np.int64) - 0x60
    columns = np.where(
        n_letters == 1,
        lower[:, 0],
        np.where(
            n_letters == 2,
            lower[:, 0] * 26 + lower[:, 1],
            lower[:, 0] * 676 + lower[:, 1] * 26 + lower[:, 2],
        ),
    )
    rows = np.zeros(len(at), dtype=np.int64)
    zero = np.zeros(len(at), dtype=bool)
    for count in (1, 2, 3):  # the digits follow the letters: one slice per letter count
        chosen = np.flatnonzero(n_letters == count)
        if not len(chosen):
            continue
        found = _number(window[chosen, count : count + 8], 7, _QUOTE)
        if found is None:
            return None
        rows[chosen] = found
        zero[chosen] = window[chosen, count] == 0x30
    return columns, rows, zero


def _number(window: np.ndarray, most: int, closing: int) -> np.ndarray | None:
    """The number each row of `window` starts with (1 to `most` digits, then the byte
    `closing`); None when a row is not of that form."""
    n_digits = np.argmin(_DIGIT[window], axis=1)
    after = window[np.arange(len(window)), n_digits]
    if not np.all((n_digits >= 1) & (n_digits <= most) & (after == closing)):
        return None
    place = np.arange(most)
    digits = np.where(place < n_digits[:, None], window[:, :most].astype(np.int64) - 0x30, 0)
    return (digits @ 10 ** np.arange(most - 1, -1, -1)) // 10 ** (most - n_digits)


def _tag_ends(
    body: np.ndarray, starts: np.ndarray, opens: np.ndarray, at: np.ndarray
) -> np.ndarray | None:
    """The position of the `>` that closes each cell's start tag (`at`: the cells' places
    among the tag openings `opens`); None when a `<` comes before it."""
    closes = np.flatnonzero(body == _GT)
    if len(closes) == len(opens) and np.all(opens < closes) and np.all(closes[:-1] < opens[1:]):
        return closes[at]  # one > after every <, as in markup without a > in its text
    found = np.searchsorted(closes, starts)
    if np.any(found >= len(closes)):
        return None
    ends = closes[found]
    following = np.append(opens, len(body))[at + 1]
    if np.any(following < ends):
        return None
    return ends


def _per_tag(positions: np.ndarray, starts: np.ndarray, ends: np.ndarray) -> np.ndarray:
    """How many of the (sorted) `positions` lie inside each cell's start tag."""
    bounds = np.column_stack((starts, ends)).ravel()
    return np.diff(np.searchsorted(positions, bounds))[::2]


def _in_tags(positions: np.ndarray, starts: np.ndarray, ends: np.ndarray):
    """Of `positions`, those inside a cell's start tag, and the cell of each."""
    cell = np.searchsorted(starts, positions, side="right") - 1
    inside = (cell >= 0) & (positions < ends[np.maximum(cell, 0)])
    return positions[inside], cell[inside]


def _assignments(
    piece: bytes, body: np.ndarray, starts: np.ndarray, ends: np.ndarray, equals: np.ndarray
) -> np.ndarray | None:
    """The `=` of every attribute in the cells' start tags, when each is written `name="..."`
    (name right before it, a double quote right after, the quotes paired, no single quotes)
    and `r` is named once per cell; else None (a `>` or `/>` could hide in a value, or a
    second reference could be the one a reader uses)."""
    count = len(starts)
    quotes = np.flatnonzero(body == _QUOTE)
    if np.any(_per_tag(quotes, starts, ends) != 2 * _per_tag(equals, starts, ends)):
        return None
    if b"'" in piece and np.any(_per_tag(np.flatnonzero(body == 0x27), starts, ends)):
        return None
    assigns, _ = _in_tags(equals, starts, ends)
    before = body[assigns - 1]
    if not np.all(body[assigns + 1] == _QUOTE) or np.any(_SPACE_LIKE[before]):
        return None
    named_r = (before == _R) & _SPACE_LIKE[body[assigns - 2]]
    if np.count_nonzero(named_r) != count:  # each cell's first attribute is r
        return None
    return assigns


def _shared_indexes(
    data: np.ndarray, starts: np.ndarray, ends: np.ndarray, assigns: np.ndarray
) -> np.ndarray | None:
    """The `<v>` index of every cell whose tag holds t="s"; None when such a cell's value is
    not `<v>digits</v>` right after its tag."""
    marks = assigns[
        (data[assigns - 1] == _T)
        & _SPACE_LIKE[data[assigns - 2]]
        & (data[assigns + 2] == _S)
        & (data[assigns + 3] == _QUOTE)
    ]
    if not len(marks):
        return np.zeros(0, np.int64)
    cells = np.unique(np.searchsorted(starts, marks, side="right") - 1)
    tag_end = ends[cells]
    if not (
        np.all(data[tag_end + 1] == _LT)
        and np.all(data[tag_end + 2] == _V)
        and np.all(data[tag_end + 3] == _GT)
    ):
        return None
    window = data[(tag_end + 4)[:, None] + np.arange(_INDEX_WIDTH)]
    return _number(window, _INDEX_WIDTH - 1, _LT)
