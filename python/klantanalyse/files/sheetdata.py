"""Long runs of rows as worksheet XML, byte for byte what openpyxl's streaming writer makes.

openpyxl builds and serialises a cell object per value, about 5 µs a cell, which made
writing the long sheets (customers with their results, orders, chart data) most of a run.
`write.py` appends the headers and short blocks with openpyxl and describes each long run
of rows as a `RowBlock`; `splice` puts the rows, serialised here a column at a time (the
values of one kind together: each distinct float formatted once, plain texts checked in one
pass; about 0.5 µs a cell), in chunks of rows small enough to stay in the processor cache,
into the package openpyxl saved; tests/test_sheetdata.py holds the rows
against openpyxl's own output for every kind of value. Values follow the writer's rules:
NaN/NA -> empty, numpy -> Python, text through `cell_text` and never a formula. Types
without a fast path here (times, timedeltas, infinities, ...) go through openpyxl's own
cell writer. Text that looks like an Excel error value ('#N/A') is text too.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import re
import zipfile
from collections.abc import Callable, Iterator, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from copy import copy
from dataclasses import dataclass, field
from itertools import repeat
from operator import ne

import numpy as np
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell._writer import write_cell
from openpyxl.cell.cell import ERROR_CODES
from openpyxl.utils.datetime import to_excel
from openpyxl.xml.functions import xmlfile

from ..core.a1 import column_index, column_letter
from ..plan.values import MAX_CELL_CHARS
from ..plan.values import clean as plain_value

# Text in a cell: at most 32,767 characters (Excel's limit), and characters XML 1.0 cannot
# hold (control characters, U+FFFE/U+FFFF) written as Excel writes them, `_xHHHH_`, which
# Excel and calamine read back as the character. A literal `_xHHHH_` in the text gets its
# underscore escaped (`_x005F_`) so it too reads back unchanged.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]|_(?=x[0-9A-Fa-f]{4}_)")


def cell_text(value: str) -> str:
    """`value` as it is stored in a cell (see above); most text comes back as it is."""
    if len(value) > MAX_CELL_CHARS:
        value = value[:MAX_CELL_CHARS]
    if _NOT_XML.search(value) is None:
        return value
    return _NOT_XML.sub(lambda m: f"_x{ord(m.group()):04X}_", value)


_CHUNK_ROWS = 1024  # rows per piece of XML: small enough to stay in the processor cache
_KNOWN_TEXTS = 4096  # serialised texts kept per column
_ESCAPE = re.compile("[&<>\r]")
_ERRORS = frozenset(ERROR_CODES)


def needs_text_type(value: str) -> bool:
    """Whether openpyxl would store the text `value` as something else (a formula, or one
    of Excel's error values such as '#N/A'): such a cell is given the text type, so that
    data and headers are always written, and read back, as the text they are."""
    return value.startswith("=") or value in _ERRORS


@dataclass(frozen=True)
class Column:
    """One column of a block: its values, and the style index of its non-empty cells.

    `style` applies to every value that is not text starting with '=' (such text is written
    as a plain text cell); `value_styles` gives the style of particular values instead
    (the segment letters)."""

    values: Sequence[object]
    style: int | None = None
    value_styles: Mapping[object, int] = field(default_factory=dict)


@dataclass(frozen=True)
class RowBlock:
    """Rows `first_row`, `first_row + 1`, ... with `columns` from column `first_column` on."""

    first_row: int
    columns: Sequence[Column]
    first_column: int = 1
    heights: Mapping[int, float] = field(default_factory=dict)  # row number -> points

    @property
    def height(self) -> int:
        return max((len(c.values) for c in self.columns), default=0)


def rows_xml(ws, block: RowBlock) -> Callable[[], Iterator[bytes]]:
    """A source of the `<row>` elements of `block`, in chunks of UTF-8 bytes, for `splice`.

    Call it before the workbook is saved: it registers the styles of date and time cells
    (`ws` is the write-only sheet the rows belong to)."""
    dates = _DateStyles(ws)
    letters = [column_letter(block.first_column + i) for i in range(len(block.columns))]

    heights = {str(r): h for r, h in block.heights.items()}

    def chunks() -> Iterator[bytes]:
        texts: list[dict[str, str]] = [{} for _ in block.columns]  # per column, across chunks
        for start in range(0, block.height, _CHUNK_ROWS):
            stop = min(start + _CHUNK_ROWS, block.height)
            numbers = list(map(str, range(block.first_row + start, block.first_row + stop)))
            made = [
                _column_cells(ws, letter, column, numbers, start, dates, known)
                for letter, column, known in zip(letters, block.columns, texts)
            ]
            yield _joined_rows(numbers, made, heights).encode("ascii", "xmlcharrefreplace")

    return chunks


def _joined_rows(
    numbers: list[str], made: list[list[str] | _Parts], heights: Mapping[str, float]
) -> str:
    """The `<row>` elements of the rows `numbers`, their cells `made` (per column: each
    row's cell, or the parts of cells alike), as one text: one list of pieces, joined once."""
    count = len(numbers)
    widths = [_PART_COUNT if isinstance(m, _Parts) else 1 for m in made]
    step = sum(widths) + 2  # a row: its start tag, its cells, its end tag
    pieces: list[str] = [""] * (count * step)
    if heights:
        pieces[0::step] = [f"<row {_row_attributes(n, heights)}>" for n in numbers]
    else:
        pieces[0::step] = list(map('<row r="{}">'.format, numbers))
    pieces[step - 1 :: step] = ["</row>"] * count
    place = 1
    for cells, width in zip(made, widths):
        if isinstance(cells, _Parts):
            for offset, part in enumerate(cells.lists(numbers)):
                pieces[place + offset :: step] = part
        else:
            pieces[place::step] = cells
        place += width
    return "".join(pieces)


def _row_attributes(number: str, heights: Mapping[str, float]) -> str:
    """`r="5"`, with the row's height as openpyxl writes it when it has one."""
    height = heights.get(number)
    if height is None:
        return f'r="{number}"'
    return f'r="{number}" ht="{height:g}" customHeight="1"'


_NONE = type(None)


def _column_cells(
    ws,
    letter: str,
    column: Column,
    numbers: list[str],
    start: int,
    dates: _DateStyles,
    texts: dict[str, str] | None = None,
) -> list[str] | _Parts:
    """The `<c>` elements of one column for the rows `numbers` ('' where a cell is empty),
    made a column at a time: the values of each kind (floats, integers, booleans, texts)
    formatted together, other kinds (dates, numpy scalars, ...) one at a time. `texts` keeps
    the serialised form of the column's unusual texts across chunks."""
    texts = {} if texts is None else texts
    count = len(numbers)
    values = column.values[start : start + count]
    rows = _Rows(ws, letter, column, numbers, dates, texts)
    if _is_date_array(values) and len(values) == count:
        return _date_array(values, rows)
    if len(values) < count:
        values = list(values) + [None] * (count - len(values))
    kinds = set(map(type, values))
    if len(kinds) == 1:
        kind = next(iter(kinds))
        if kind is _NONE:
            return [""] * count
        return _kind_cells(kind)(list(values), rows)
    codes = {kind: i for i, kind in enumerate(kinds)}  # types as numbers, for numpy
    types = np.fromiter(map(codes.__getitem__, map(type, values)), dtype=np.int64, count=count)
    cells = np.fromiter(values, dtype=object, count=count)
    out = _filled(count, "")
    for kind, code in codes.items():
        if kind is _NONE:
            continue
        where = np.flatnonzero(types == code)
        picked = rows.at(where)
        made = _cells(_kind_cells(kind)(cells[where].tolist(), picked), picked.numbers)
        out[where] = np.fromiter(made, dtype=object, count=len(made))
    return out.tolist()


@dataclass(frozen=True)
class _Rows:
    """Where some cells of one column go: the sheet, the column and their row numbers."""

    ws: object
    letter: str
    column: Column
    numbers: list[str]
    dates: _DateStyles
    texts: dict[str, str]

    @property
    def style(self) -> str:
        return "" if self.column.style is None else f' s="{self.column.style}"'

    def at(self, picked) -> _Rows:
        """The rows at the positions `picked`."""
        numbers = [self.numbers[i] for i in np.asarray(picked).tolist()]
        return _Rows(self.ws, self.letter, self.column, numbers, self.dates, self.texts)

    def mend(self, cells: list[str], values: list, picked) -> None:
        """Make the cells at the positions `picked` again, each by itself (`_each_cell`)."""
        picked = np.asarray(picked).tolist()
        rows = self.at(picked)
        again = _each_cell(
            self.ws, self.letter, self.column, rows.numbers, [values[i] for i in picked],
            self.dates, self.texts,
        )  # fmt: skip
        for i, cell in zip(picked, again):
            cells[i] = cell


@dataclass(frozen=True)
class _Parts:
    """The cells of one column when every row has one of the same form:
    `head` + row number + `middle` + value text + `tail`. Left in parts, so that the row
    text is joined once instead of making a text per cell first; `middle` is one text for
    all, or one per row."""

    head: str
    middle: str | list[str]
    value: list[str]
    tail: str

    def lists(self, numbers: list[str]) -> list[list[str]]:
        count = len(numbers)
        middle = self.middle if isinstance(self.middle, list) else [self.middle] * count
        return [[self.head] * count, numbers, middle, self.value, [self.tail] * count]

    def cells(self, numbers: list[str]) -> list[str]:
        """The whole `<c>` element of each row."""
        return list(map("".join, zip(*self.lists(numbers))))


_PART_COUNT = 5  # the lists of `_Parts.lists`


def _cells(made: list[str] | _Parts, numbers: list[str]) -> list[str]:
    return made.cells(numbers) if isinstance(made, _Parts) else made


def _each(values: list, rows: _Rows) -> list[str]:
    """Cells of a less common kind, one at a time."""
    return _each_cell(
        rows.ws, rows.letter, rows.column, rows.numbers, values, rows.dates, rows.texts
    )


def _dates(values: list, rows: _Rows) -> list[str] | _Parts:
    """Dates and times (pandas' Timestamps too): each distinct one made once, as
    `_each_cell` makes it; what follows a cell's reference does not depend on its row."""
    tails = {value: _date_tail(value, rows) for value in dict.fromkeys(values)}
    return _tailed(list(map(tails.__getitem__, values)), rows)


def _date_tail(value: object, rows: _Rows) -> str | None:
    """What follows `<c r="A2"` for the date or time `value` (None: an empty cell)."""
    reference = f'<c r="{rows.letter}1"'
    cell = _each_cell(rows.ws, rows.letter, rows.column, ["1"], [value], rows.dates, {})[0]
    return cell[len(reference) :] if cell.startswith(reference) else None


def _tailed(tails: list[str | None], rows: _Rows) -> list[str] | _Parts:
    """The cells of the rows whose `<c r="A2"` is followed by `tails` (None: empty)."""
    head = f'<c r="{rows.letter}'
    if None in tails:  # an empty cell among them
        return ["" if t is None else f'{head}{n}"{t}' for n, t in zip(rows.numbers, tails)]
    return _Parts(head, '"', tails, "")


def _is_date_array(values) -> bool:
    """Whether `values` is an array of datetime64 (numpy's, or pandas' DatetimeArray)."""
    kind = getattr(getattr(values, "dtype", None), "kind", None)
    return kind == "M"


def _date_array(values, rows: _Rows) -> list[str] | _Parts:
    """An array of datetime64 (NaT blank) as `_dates` makes the same dates: each distinct
    one made once (and kept in `rows.texts` for the next chunk), without making a date
    object per cell."""
    dates = np.asarray(values)
    unit = np.datetime_data(dates.dtype)[0]
    distinct, index = np.unique(dates.view(np.int64), return_inverse=True)
    made: list[str | None] = []
    for stamp in distinct.tolist():
        key = ("datetime64", unit, stamp)
        tail = rows.texts.get(key, False)
        if tail is False:
            value = None if stamp == _NAT else _stamp_datetime(stamp, unit)
            tail = _date_tail(value, rows)
            if len(rows.texts) < _KNOWN_TEXTS:
                rows.texts[key] = tail
        made.append(tail)
    return _tailed(_objects(made)[index.reshape(-1)].tolist(), rows)


_NAT = np.iinfo(np.int64).min  # NaT as datetime64's integer


def _stamp_datetime(stamp: int, unit: str) -> dt.datetime:
    """The datetime of a datetime64 integer in `unit`, to the microsecond (as a pandas
    Timestamp's `to_pydatetime`)."""
    return np.datetime64(stamp, unit).astype("datetime64[us]").item()


def _floats(values: list, rows: _Rows) -> list[str] | _Parts:
    """Floats as `.16g` (openpyxl's 16 significant digits), each distinct value formatted
    once; NaN empty; infinities openpyxl's way."""
    numbers = np.array(values, dtype=float)
    usual = np.isfinite(numbers)
    text = _filled(len(values), "")
    text[usual] = _formatted(numbers[usual])
    head = f'<c r="{rows.letter}'
    middle = f'"{rows.style} t="n"><v>'
    if usual.all():
        return _Parts(head, middle, text.tolist(), "</v></c>")
    cells = _filled(len(values), "")  # NaN: empty
    numbers_of = np.array(rows.numbers, dtype=object)[usual].tolist()
    cells[usual] = _objects(
        f"{head}{n}{middle}{t}</v></c>" for n, t in zip(numbers_of, text[usual].tolist())
    )
    cells = cells.tolist()
    infinite = np.flatnonzero(np.isinf(numbers))
    if len(infinite):
        rows.mend(cells, values, infinite)  # openpyxl's way
    return cells


def _formatted(numbers: np.ndarray) -> np.ndarray:
    """`f"{x:.16g}"` of each finite float of `numbers`, each distinct value once; whole
    numbers below 2**53 have the digits of the integer (made as one, faster)."""
    negative_zero = (numbers == 0) & np.signbit(numbers)  # equal to 0.0, written '-0'
    text = _filled(len(numbers), "-0")
    others = ~negative_zero
    distinct, index = np.unique(numbers[others], return_inverse=True)
    made = _filled(len(distinct), "")
    whole = (distinct == np.floor(distinct)) & (np.abs(distinct) < 2.0**53)
    made[whole] = _objects(map(str, distinct[whole].astype(np.int64).tolist()))
    made[~whole] = _objects(map("%.16g".__mod__, distinct[~whole].tolist()))
    text[others] = made[index]
    return text


def _integers(values: list, rows: _Rows) -> list[str] | _Parts:
    """Integers a double holds exactly as their digits; larger ones openpyxl's way."""
    head = f'<c r="{rows.letter}'
    middle = f'"{rows.style} t="n"><v>'
    if -(2**53) < min(values) and max(values) < 2**53:
        return _Parts(head, middle, list(map(str, values)), "</v></c>")
    cells = [f"{head}{n}{middle}{v}</v></c>" for n, v in zip(rows.numbers, values)]
    rows.mend(cells, values, [i for i, v in enumerate(values) if not -(2**53) < v < 2**53])
    return cells


def _booleans(values: list, rows: _Rows) -> list[str] | _Parts:
    """True and False as 1 and 0."""
    head = f'<c r="{rows.letter}'
    middle = f'"{rows.style} t="b"><v>'
    return _Parts(head, middle, ["1" if v else "0" for v in values], "</v></c>")


def _strings(values: list, rows: _Rows) -> list[str] | _Parts:
    """Text as inline strings. Text that needs nothing done goes in as it is; other text (to
    escape, to cut, empty, with spaces at an end, starting with '=') gets its whole tail from
    `_text` (kept in `rows.texts`)."""
    by_value = rows.column.value_styles
    head = f'<c r="{rows.letter}'
    middle = f'"{rows.style} t="inlineStr"><is><t>'
    distinct = list(dict.fromkeys(values))
    if _plain_texts(distinct):
        if not by_value:
            return _Parts(head, middle, _in_ascii(values, distinct), "</t></is></c>")
        styled = {
            v: f'" s="{by_value[v]}" t="inlineStr"><is><t>' for v in distinct if v in by_value
        }
        middles = list(map(styled.get, values, repeat(middle)))
        return _Parts(head, middles, _in_ascii(values, distinct), "</t></is></c>")
    tails = {v: _tail(v, rows) for v in distinct}
    return [f'{head}{n}"{tails[v]}' for n, v in zip(rows.numbers, values)]


def _ascii(xml: str) -> str:
    """`xml` with every character beyond ASCII as its character reference (`&#8364;`), as
    the encoding of the row text writes it: row text made only of such pieces stays one
    byte a character, which is joined and encoded several times faster."""
    return xml if xml.isascii() else xml.encode("ascii", "xmlcharrefreplace").decode("ascii")


def _in_ascii(values: list[str], distinct: list[str]) -> list[str]:
    """`values` (texts that need no escaping; `distinct`: each once) by `_ascii`."""
    wide = {v: _ascii(v) for v in distinct if not v.isascii()}
    return list(map(wide.get, values, values)) if wide else values


def _tail(value: str, rows: _Rows) -> str:
    """What follows `<c r="A2"` for the text `value`, kept for the next time it comes."""
    tail = rows.texts.get(value)
    if tail is None:
        by_value = rows.column.value_styles
        tail = _ascii(_text(value, f' s="{by_value[value]}"' if value in by_value else rows.style))
        if len(rows.texts) < _KNOWN_TEXTS:  # names and numbers rarely repeat: keep a few
            rows.texts[value] = tail
    return tail


# what `_text` would change about a text: characters to write as `_xHHHH_` or to escape
_UNUSUAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff&<>\r]")


def _plain_texts(texts: list[str]) -> bool:
    """Whether `_text` writes every text of `texts` as it is, in a plain `<t>`, with the
    column's style: none to cut, escape or trim, none empty, none starting with '='."""
    if not texts:
        return True
    joined = "\n".join(texts)  # '\n' itself needs nothing, and parts every pattern
    if len(joined) > MAX_CELL_CHARS and max(map(len, texts)) > MAX_CELL_CHARS:
        return False
    if _UNUSUAL.search(joined) is not None:
        return False
    if "_x" in joined and _NOT_XML.search(joined) is not None:
        return False
    if not all(texts) or texts[0].startswith("=") or "\n=" in joined:
        return False
    return not any(map(ne, texts, map(str.strip, texts)))


def _filled(count: int, value: object) -> np.ndarray:
    """An array of `count` references to `value` (np.full would copy a text per element)."""
    out = np.empty(count, dtype=object)
    out.fill(value)
    return out


def _objects(items) -> np.ndarray:
    """`items` as a one-dimensional array of the objects themselves."""
    items = list(items)
    return np.fromiter(items, dtype=object, count=len(items))


_KINDS = {float: _floats, int: _integers, bool: _booleans, str: _strings}


def _kind_cells(kind: type) -> Callable[[list, _Rows], list[str] | _Parts]:
    """What makes the cells of values of type `kind`."""
    found = _KINDS.get(kind)
    if found is None:
        return _dates if issubclass(kind, (dt.date, dt.time, dt.timedelta)) else _each
    return found


def _each_cell(
    ws, letter: str, column: Column, numbers: list[str], values, dates: _DateStyles, texts
) -> list[str]:
    """The whole `<c>` elements of `values` in the rows `numbers`, one cell at a time."""
    plain = "" if column.style is None else f' s="{column.style}"'
    by_value = column.value_styles
    out: list[str] = []
    add = out.append
    for number, v in zip(numbers, values):
        kind = type(v)
        if kind is str:
            tail = texts.get(v)
            if tail is None:
                tail = _text(v, f' s="{by_value[v]}"' if v in by_value else plain)
                if len(texts) < _KNOWN_TEXTS:
                    texts[v] = tail
            add(f'<c r="{letter}{number}"{tail}')
        elif v is None:
            add("")
        elif kind is float:
            if v - v == 0:
                add(f'<c r="{letter}{number}"{plain} t="n"><v>{v:.16g}</v></c>')
            else:  # NaN: empty; infinity: openpyxl's way
                add("" if v != v else _fallback(ws, letter, number, v, column))
        elif kind is int:
            if -(2**53) < v < 2**53:
                add(f'<c r="{letter}{number}"{plain} t="n"><v>{v:.16g}</v></c>')
            else:  # beyond a double's exact integers: openpyxl's way
                add(_fallback(ws, letter, number, v, column))
        elif kind is bool:
            add(f'<c r="{letter}{number}"{plain} t="b"><v>{1 if v else 0}</v></c>')
        else:
            add(_other(ws, letter, number, v, column, dates))
    return out


def _text(value: str, style: str) -> str:
    """A text cell after its reference: `<c r="A2"` + this."""
    if value.startswith("="):
        style = ""  # written as a plain text cell, like write._text_cell
    text = cell_text(value)
    if not text:
        return f'{style} t="inlineStr"></c>'
    space = ' xml:space="preserve"' if text != text.strip() else ""
    if _ESCAPE.search(text) is not None:
        text = (
            text.replace("&", "&amp;")
            .replace("<", "&lt;")
            .replace(">", "&gt;")
            .replace("\r", "&#13;")
        )
    return f'{style} t="inlineStr"><is><t{space}>{text}</t></is></c>'


class _DateStyles:
    """The style index openpyxl gives a date or time cell, registered before the save."""

    _SAMPLES = (dt.datetime(2000, 1, 1), dt.date(2000, 1, 1), dt.time(), dt.timedelta())

    def __init__(self, ws):
        self.ids = {type(v): WriteOnlyCell(ws, value=v).style_id for v in self._SAMPLES}
        self.epoch = ws.parent.epoch
        self.ws = ws
        self.styled: dict[tuple[int, type], int] = {}

    def style(self, value: dt.date) -> int:
        return self.ids[type(value)]

    def in_style(self, style: int, value: dt.date) -> int:
        """The style index of a date or time cell in a column of style `style`: that style,
        with the value's own number format when the style's is General (as `_fallback`)."""
        key = (style, type(value))
        found = self.styled.get(key)
        if found is None:
            cell = WriteOnlyCell(self.ws, value=value)
            own_format = cell.number_format
            cell._style = copy(self.ws.parent._cell_styles[style])
            if cell.number_format == "General" and own_format != "General":
                cell.number_format = own_format
            found = self.styled[key] = cell.style_id
        return found


def _other(ws, letter: str, number: str, value, column: Column, dates: _DateStyles) -> str:
    """A cell of a less common type: numpy scalars, pandas missing values, dates, ..."""
    clean = plain_value(value)
    kind = type(clean)
    if clean is None:
        return ""
    if kind in (str, float, int, bool) and clean is not value:  # was a numpy scalar
        alone = Column([clean], column.style)
        return _each_cell(ws, letter, alone, [number], [clean], dates, {})[0]
    if kind is dt.datetime or kind is dt.date:
        if getattr(clean, "tzinfo", None) is None and not ws.parent.iso_dates:
            serial = to_excel(clean, dates.epoch)
            if column.style is None:
                style = dates.style(clean)
            else:
                style = dates.in_style(column.style, clean)
            return f'<c r="{letter}{number}" s="{style}" t="n"><v>{serial:.16g}</v></c>'
    return _fallback(ws, letter, number, clean, column)


def _fallback(ws, letter: str, number: str, value: object, column: Column) -> str:
    """One cell (a plain Python value) through openpyxl's own conversion and cell writer."""
    cell = WriteOnlyCell(ws, value=value)
    if column.style is not None:
        own_format = cell.number_format  # a date's format, set from its value
        cell._style = copy(ws.parent._cell_styles[column.style])
        if cell.number_format == "General" and own_format != "General":
            cell.number_format = own_format  # a date never shows as a bare serial number
    cell.column = column_index(letter)
    cell.row = int(number)
    buffer = io.BytesIO()
    with xmlfile(buffer) as xf:
        write_cell(xf, ws, cell, cell.has_style)
    return buffer.getvalue().decode("utf-8")


# A long block of at least this many cells is deflated at zlib's fastest level: a third of
# the time of the default level for a file about a quarter larger (100,000 customers:
# 33 MB instead of 27 MB); a smaller one keeps the default level, as openpyxl saves.
FAST_DEFLATE_CELLS = 100_000
FAST_DEFLATE_LEVEL = 1


def deflate_level(block: RowBlock) -> int | None:
    """The zlib level for the part holding `block` (None: zlib's default)."""
    cells = block.height * len(block.columns)
    return FAST_DEFLATE_LEVEL if cells >= FAST_DEFLATE_CELLS else None


def splice(
    package: bytes,
    blocks: Mapping[str, Callable[[], Iterator[bytes]]],
    out,
    levels: Mapping[str, int | None] | None = None,
) -> None:
    """Write `package` (a saved workbook) to the file object `out`, with the rows that
    `blocks[part]()` yields added at the end of that worksheet part's sheetData (deflated at
    `levels[part]`, zlib's default when not given).

    Every part gets plain zip headers, which every reader (and Excel 2007) understands; a
    part that turns out larger than they can describe (zipfile's limit, 2 GiB) is written
    again, from the start of `out` (which must be seekable), with Zip64 headers, so that its
    local header and its central directory entry agree."""
    start = out.tell()
    large: set[str] = set()
    while True:
        try:
            _splice(package, blocks, out, large, levels or {})
            return
        except _NeedsZip64 as exc:
            large.add(exc.part)
            out.seek(start)
            out.truncate()


class _NeedsZip64(Exception):
    """A spliced part passed what plain zip headers can describe."""

    def __init__(self, part: str):
        super().__init__(part)
        self.part = part


def _splice(
    package: bytes,
    blocks: Mapping[str, Callable[[], Iterator[bytes]]],
    out,
    large: set[str],
    levels: Mapping[str, int | None],
) -> None:
    """One attempt of `splice`; the parts named in `large` are written as Zip64."""
    with (
        zipfile.ZipFile(io.BytesIO(package)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            data = source.read(info)
            rows = blocks.get(info.filename)
            if rows is None:  # size known: zipfile picks the headers it needs
                target.writestr(info, data, compress_type=zipfile.ZIP_DEFLATED)
                continue
            head, tail = _split(data, info.filename)
            zip64 = info.filename in large
            limit = None if zip64 else zipfile.ZIP64_LIMIT
            chunks = _counted(rows(), len(head) + len(tail), limit, info.filename)
            target.compresslevel = levels.get(info.filename)  # used by `open` of a name
            part = target.open(info.filename, "w", force_zip64=zip64)
            try:
                part.write(head)
                _pipelined(chunks, part.write)
                part.write(tail)
            except BaseException:
                with contextlib.suppress(Exception):
                    part.close()
                raise
            try:
                part.close()
            except RuntimeError:  # the compressed data passed the plain limit
                if zip64:
                    raise
                raise _NeedsZip64(info.filename) from None


def _counted(chunks: Iterator[bytes], size: int, limit: int | None, part: str) -> Iterator[bytes]:
    """`chunks`, stopping with _NeedsZip64 once `size` plus their length passes `limit`."""
    for chunk in chunks:
        size += len(chunk)
        if limit is not None and size > limit:
            raise _NeedsZip64(part)
        yield chunk


def _pipelined(chunks: Iterator[bytes], write: Callable[[bytes], object]) -> None:
    """`write` each chunk in a second thread while the next one is made: zlib compresses
    without holding the interpreter lock, so on two cores the compression costs no time.
    One chunk at a time is in flight; an error on either side stops both."""
    with ThreadPoolExecutor(max_workers=1) as pool:
        pending = None
        try:
            for chunk in chunks:
                if pending is not None:
                    pending.result()
                pending = pool.submit(write, chunk)
        finally:
            if pending is not None:
                pending.result()


def _split(xml: bytes, name: str) -> tuple[bytes, bytes]:
    """The part before and after the place where rows are added."""
    end = xml.find(b"</sheetData>")
    if end >= 0:
        return xml[:end], xml[end:]
    empty = xml.find(b"<sheetData/>")
    if empty < 0:
        raise ValueError(f"{name} has no sheetData")
    return xml[:empty] + b"<sheetData>", b"</sheetData>" + xml[empty + len(b"<sheetData/>") :]
