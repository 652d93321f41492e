"""Long runs of rows as worksheet XML, byte for byte what openpyxl's streaming writer makes.

openpyxl builds and serialises a cell object per value, about 5 µs a cell, which made
writing the long sheets (customers with their results, orders, chart data) most of a run.
`write.py` appends the headers and short blocks with openpyxl and describes each long run
of rows as a `RowBlock`; `splice` puts the rows, serialised here a column at a time (about
1 µs a cell), into the package openpyxl saved; tests/test_sheetdata.py holds the rows
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


_CHUNK_ROWS = 4096
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
            numbers = [str(block.first_row + i) for i in range(start, stop)]
            cells = [
                _column_cells(ws, letter, column, numbers, start, dates, known)
                for letter, column, known in zip(letters, block.columns, texts)
            ]
            rows = zip(numbers, zip(*cells))
            xml = "".join(
                [f"<row {_row_attributes(n, heights)}>{''.join(row)}</row>" for n, row in rows]
            )
            yield xml.encode("ascii", "xmlcharrefreplace")  # as openpyxl writes text

    return chunks


def _row_attributes(number: str, heights: Mapping[str, float]) -> str:
    """`r="5"`, with the row's height as openpyxl writes it when it has one."""
    height = heights.get(number)
    if height is None:
        return f'r="{number}"'
    return f'r="{number}" ht="{height:g}" customHeight="1"'


def _column_cells(
    ws,
    letter: str,
    column: Column,
    numbers: list[str],
    start: int,
    dates: _DateStyles,
    texts: dict[str, str] | None = None,
) -> list[str]:
    """The `<c>` elements of one column for the rows `numbers` ('' where a cell is empty);
    `texts` keeps the serialised form of the column's texts (the same text comes back often:
    segments, advice, sectors)."""
    texts = {} if texts is None else texts
    values = column.values[start : start + len(numbers)]
    if len(values) < len(numbers):
        values = list(values) + [None] * (len(numbers) - len(values))
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
                if len(texts) < _KNOWN_TEXTS:  # names and numbers rarely repeat: keep a few
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

    def style(self, value: dt.date) -> int:
        return self.ids[type(value)]


def _other(ws, letter: str, number: str, value, column: Column, dates: _DateStyles) -> str:
    """A cell of a less common type: numpy scalars, pandas missing values, dates, ..."""
    clean = plain_value(value)
    kind = type(clean)
    if clean is None:
        return ""
    if kind in (str, float, int, bool) and clean is not value:  # was a numpy scalar
        return _column_cells(ws, letter, Column([clean], column.style), [number], 0, dates)[0]
    if (kind is dt.datetime or kind is dt.date) and column.style is None:
        if getattr(clean, "tzinfo", None) is None and not ws.parent.iso_dates:
            serial = to_excel(clean, dates.epoch)
            style = dates.style(clean)
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


def splice(package: bytes, blocks: Mapping[str, Callable[[], Iterator[bytes]]], out) -> None:
    """Write `package` (a saved workbook) to the file object `out`, with the rows that
    `blocks[part]()` yields added at the end of that worksheet part's sheetData.

    Every part gets plain zip headers, which every reader (and Excel 2007) understands; a
    part that turns out larger than they can describe (zipfile's limit, 2 GiB) is written
    again, from the start of `out` (which must be seekable), with Zip64 headers, so that its
    local header and its central directory entry agree."""
    start = out.tell()
    large: set[str] = set()
    while True:
        try:
            _splice(package, blocks, out, large)
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
    package: bytes, blocks: Mapping[str, Callable[[], Iterator[bytes]]], out, large: set[str]
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
