"""The rows of a CSV file (or .csv.gz): its encoding, its delimiter, its cells.

pandas' C parser reads the cells (as text, blank cells ''), the way Python's `csv` module
reads them; a file it might read otherwise or that has a problem to name goes to
`csv.reader`, which names the row. The bytes pass a few whole-file scans on the way; each
is done once and shared:
- a zero byte (UTF-16/32 or a binary file: decoded first, then parsed);
- the line ends (the rows there can be at most: the guard's cell limit for a table the
  parser reads, and whether any field can be longer than CSV_FIELD_LIMIT);
- whether the text is UTF-8: the parser decodes every cell strictly, so a byte that is not
  UTF-8 stops it and the whole file is decoded as Windows-1252 instead.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
import warnings
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np
import pandas as pd

from ..core import labels
from ..core.tables import HEADER_SEARCH_ROWS, FrameRows
from ..errors import FileError
from . import guard

CSV_FIELD_LIMIT = 131_072  # characters in one field (Excel holds 32,767 in a cell)

_SAMPLE_CHARS = 20_000  # the start of a text its delimiter and width are judged by
_UTF8_BOM = b"\xef\xbb\xbf"
# Wider than this (in the first lines) a text goes to `csv.reader`: pandas' parser takes
# longer than it for each column.
_PARSED_MAX_WIDTH = 1_000
_LINE_END = re.compile(b"[\r\n]")
# the first rows a reader of some columns reads whole: where a header is looked for, and
# the row below the last one it can be on
_HEAD_ROWS = HEADER_SEARCH_ROWS + 2
_UTF8_PIECE = 1 << 20  # bytes decoded at a time to check that a text is UTF-8

# which columns of a file are read, judged by its first rows (None: every column)
ColumnsRead = Callable[[Sequence[list[object]]], "list[int] | None"]


def csv_rows(
    shot: guard.Snapshot, lang: str, columns: ColumnsRead | None = None
) -> Sequence[list[object]]:
    """The rows of the CSV file in `shot`, each a list of its cells as text; with `columns`,
    only the first rows whole and, below them, the columns it says are read (when pandas'
    parser reads the file; see `FrameRows`)."""
    data = guard.csv_bytes(shot, lang)
    if b"\x00" not in data:
        try:
            return _utf8_rows(shot.path, data, lang, columns)
        except UnicodeDecodeError:
            pass  # not UTF-8 after all: decoded as `_decoded` says, below
    text, _ = _decoded(data)
    if "\x00" in text:
        raise FileError(labels.text("file.csv_binary", lang, file=shot.path.name))
    sample = text[:_SAMPLE_CHARS]
    delimiter = _sniffed(sample)
    guard.check_csv_cells(shot.path, text, delimiter, lang)
    encoded = text.encode("utf-8")
    width, ends = _width(encoded, sample, delimiter), _line_ends(encoded)
    parsed = _parsed(encoded, delimiter, width, ends, columns)
    if parsed is not None:
        return parsed
    return _reader_rows(shot.path, text, delimiter, lang)


def _utf8_rows(
    path: Path, data: bytes, lang: str, columns: ColumnsRead | None = None
) -> Sequence[list[object]]:
    """The rows of a CSV file's bytes read as UTF-8 (after a byte-order mark, if any);
    UnicodeDecodeError as soon as a byte is not UTF-8.

    The guard's cell limit is applied to the rows the parser can give: each row the width
    of the first lines (a wider one stops it), so at most (line ends + 1) x width cells.
    Only beyond the limit, or for `csv.reader`, are the delimiters counted."""
    body = data[len(_UTF8_BOM) :] if data.startswith(_UTF8_BOM) else data
    sample = _head(body)
    delimiter = _sniffed(sample)
    width, ends = _width(body, sample, delimiter), _line_ends(body)
    checked = (ends + 1) * width > guard.MAX_SHEET_CELLS
    if checked:
        guard.check_csv_cells(path, body, delimiter, lang)
    parsed = _parsed(body, delimiter, width, ends, columns)
    if parsed is not None:
        return parsed
    text = body.decode("utf-8")
    if not checked:
        guard.check_csv_cells(path, body, delimiter, lang)
    return _reader_rows(path, text, delimiter, lang)


def _reader_rows(path: Path, text: str, delimiter: str, lang: str) -> list[list[object]]:
    """The rows as `csv.reader` reads them, a field beyond CSV_FIELD_LIMIT or a quote left
    open named by its row."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows: list[list[object]] = []
    line = last = 1  # where the next row starts, where the last one read started
    previous = csv.field_size_limit(CSV_FIELD_LIMIT)
    try:
        for row in reader:
            rows.append(list(row))
            last, line = line, reader.line_num + 1
    except csv.Error as exc:
        raise FileError(_csv_problem(path, line, lang)) from exc
    finally:
        csv.field_size_limit(previous)
    if rows and rows[-1] and "\n" in rows[-1][-1] and _open_quote_at_end(text, delimiter):
        raise FileError(_csv_problem(path, last, lang))
    return rows


def _decoded(data: bytes) -> tuple[str, str]:
    """(text, encoding) of a CSV file's bytes: UTF-16 or -32 by its byte-order mark (or,
    without one, by its zero bytes), else UTF-8, else Windows-1252 (which decodes any
    byte)."""
    if data.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        encodings: tuple[str, ...] = ("utf-32",)
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        encodings = ("utf-16",)
    elif len(data) >= 4 and data[1:4:2] == b"\x00\x00" and b"\x00" not in data[0:4:2]:
        encodings = ("utf-16-le",)
    elif len(data) >= 4 and data[0:4:2] == b"\x00\x00" and b"\x00" not in data[1:4:2]:
        encodings = ("utf-16-be",)
    else:
        encodings = ()
    for encoding in (*encodings, "utf-8-sig"):
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    return data.decode("cp1252", errors="replace"), "cp1252"


def _head(body: bytes) -> str:
    """The first _SAMPLE_CHARS characters of UTF-8 bytes, decoding only their start
    (UnicodeDecodeError for a byte there that is not UTF-8)."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    return decoder.decode(body[: 4 * _SAMPLE_CHARS])[:_SAMPLE_CHARS]


def _sniffed(sample: str) -> str:
    """The delimiter of a CSV text: the one of ; , and tab most often in its first line."""
    first_line = sample.splitlines()[0] if sample.strip() else ""
    counts = {d: first_line.count(d) for d in (";", ",", "\t")}
    return max(counts, key=counts.get) if any(counts.values()) else ","


def _parsed(
    data: bytes, delimiter: str, width: int, ends: int, columns: ColumnsRead | None
) -> FrameRows | None:
    """The rows by pandas' parser (the columns `columns` says are read, when it says), or
    None for `csv.reader` to read."""
    parsed = None
    if columns is not None:
        parsed = _parsed_columns(data, delimiter, width, ends, columns)
    return parsed if parsed is not None else _parsed_csv(data, delimiter, width, ends)


def _parsed_csv(data: bytes, delimiter: str, width: int, ends: int) -> FrameRows | None:
    """The rows of a CSV text (`data`, its UTF-8 bytes: `width` cells wide in its first
    lines, `ends` line ends) by pandas' C parser, the cells as `csv.reader` reads them, or
    None for a text it might read otherwise or that has a problem to name: a row wider than
    the first lines, a quote left open, a field beyond CSV_FIELD_LIMIT, a second byte-order
    mark. `csv.reader` then reads it (and names the row of the problem). A cell that is not
    UTF-8 raises UnicodeDecodeError (the parser decodes every cell)."""
    frame = _frame(data, delimiter, width)
    if frame is None:
        return None
    columns = [frame[pos].to_numpy(dtype=object) for pos in range(width)]
    if _may_hold_long_fields(data, len(frame), ends):
        for column in columns:
            if max(map(len, column.tolist()), default=0) > CSV_FIELD_LIMIT:
                return None
    return FrameRows(columns)


def _parsed_columns(
    data: bytes, delimiter: str, width: int, ends: int, columns: ColumnsRead
) -> FrameRows | None:
    """`_parsed_csv` of the columns that `columns` says are read, judged by the first rows
    (which are kept whole), or None when it says every column, when the first rows do not
    parse, or when a field may be longer than CSV_FIELD_LIMIT: the whole text is then read
    as `_parsed_csv` reads it. UnicodeDecodeError when the text is not UTF-8 (checked here:
    the parser decodes only the columns it reads)."""
    head = _frame(data, delimiter, width, nrows=_HEAD_ROWS)
    if head is None:
        return None
    rows = head.to_numpy(dtype=object).tolist()
    wanted = columns(FrameRows([head[pos].to_numpy(dtype=object) for pos in range(width)]))
    if wanted is None or len(set(wanted)) == width:
        return None
    _check_utf8(data)
    wanted = sorted(set(wanted))
    # named up to the last column read: more names than a part of the file has fields
    # stops the parser when it reads only some (a row wider than the names is cut short)
    frame = _frame(data, delimiter, wanted[-1] + 1, usecols=wanted)
    if frame is None or _may_hold_long_fields(data, len(frame), ends):
        return None
    read: list[np.ndarray | None] = [None] * width
    for pos in frame.columns:
        read[pos] = frame[pos].to_numpy(dtype=object)
    return FrameRows(read, head=rows)


def _frame(data: bytes, delimiter: str, width: int, **options: object) -> pd.DataFrame | None:
    """pandas' C parser's frame of a CSV text, its cells text (blank ''): None for a text
    it might read otherwise than `csv.reader` (see `_parsed_csv`)."""
    if data.startswith(_UTF8_BOM) or width > _PARSED_MAX_WIDTH:
        return None
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", pd.errors.ParserWarning)
            frame = pd.read_csv(
                io.BytesIO(data),
                sep=delimiter,
                header=None,
                names=range(width),
                index_col=False,
                dtype=object,
                na_filter=False,
                skip_blank_lines=False,
                quotechar='"',
                doublequote=True,
                escapechar=None,
                comment=None,
                skipinitialspace=False,
                engine="c",
                encoding="utf-8",
                encoding_errors="strict",
                **options,
            )
    except UnicodeDecodeError:
        raise
    except (ValueError, UnicodeError, pd.errors.ParserError, pd.errors.ParserWarning):
        return None  # EmptyDataError is a ValueError
    if not frame.index.equals(pd.RangeIndex(len(frame))):
        return None
    if list(frame.columns) != list(options.get("usecols", range(width))):
        return None
    return frame


def _check_utf8(data: bytes) -> None:
    """UnicodeDecodeError when the bytes are not UTF-8. Only the stretches of pieces that
    hold a byte beyond ASCII are decoded (an ASCII byte is a character of its own, so each
    stretch begins and ends between characters), a piece at a time: a text the size of the
    file takes longer to make than to check."""
    if data.isascii():
        return
    view = np.frombuffer(data, dtype=np.uint8)
    starts = np.arange(0, len(view), _ASCII_PIECE)
    wide = np.flatnonzero(np.maximum.reduceat(view, starts) >= 0x80).tolist()
    spans: list[list[int]] = []
    for piece in wide:
        if spans and spans[-1][1] == piece:
            spans[-1][1] = piece + 1
        else:
            spans.append([piece, piece + 1])
    whole = memoryview(data)
    for first, stop in spans:
        _decode_utf8(whole[first * _ASCII_PIECE : stop * _ASCII_PIECE])


_ASCII_PIECE = 1 << 16  # bytes looked at together for one beyond ASCII


def _decode_utf8(view: memoryview) -> None:
    """Decode UTF-8 bytes a piece at a time (UnicodeDecodeError when they are not)."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    for at in range(0, len(view), _UTF8_PIECE):
        decoder.decode(view[at : at + _UTF8_PIECE])
    decoder.decode(b"", True)


def _width(data: bytes, sample: str, delimiter: str) -> int:
    """The widest of the first lines, in cells, the first row whole (however long), so
    that no cell of it is taken for a row label."""
    end = _LINE_END.search(data)
    first_line = data if end is None else data[: end.start()]
    lines = [line.encode("utf-8") for line in sample.splitlines()]
    sep = delimiter.encode("utf-8")
    return max(line.count(sep) for line in [first_line, *lines]) + 1


def _line_ends(data: bytes) -> int:
    """The line ends in a text's bytes: LF, CR LF and a lone CR each count once."""
    bytes_ = np.frombuffer(data, dtype=np.uint8)
    ends = _count_byte(bytes_, _LF)
    if b"\r" in data:
        ends += _count_byte(bytes_, _CR) - _count_crlf(bytes_)
    return ends


_LF, _CR = 10, 13
_COUNT_PIECE = 1 << 20  # bytes compared at a time: numpy's compare stays in the cache


def _count_byte(bytes_: np.ndarray, byte: int) -> int:
    """How often `byte` occurs in `bytes_` (4-5x as fast as `bytes.count` of one byte)."""
    return sum(
        int(np.count_nonzero(bytes_[at : at + _COUNT_PIECE] == byte))
        for at in range(0, len(bytes_), _COUNT_PIECE)
    )


def _count_crlf(bytes_: np.ndarray) -> int:
    """How often CR is followed by LF in `bytes_`."""
    count = 0
    for at in range(0, len(bytes_) - 1, _COUNT_PIECE):
        cr = bytes_[at : at + _COUNT_PIECE] == _CR
        after = bytes_[at + 1 : at + 1 + _COUNT_PIECE] == _LF
        count += int(np.count_nonzero(cr[: len(after)] & after))
    return count


def _may_hold_long_fields(data: bytes, rows: int, ends: int) -> bool:
    """False when no field of the UTF-8 bytes `data` (with `ends` line ends), read as `rows`
    rows, can be longer than CSV_FIELD_LIMIT: the text is no longer than that, or each line
    end ends a row (so no field holds a line end) and every stretch of half the limit holds
    a line end (so every line is shorter than it)."""
    if len(data) <= CSV_FIELD_LIMIT:
        return False
    step = CSV_FIELD_LIMIT // 2
    if any(data.find(b"\n", at, at + step) < 0 for at in range(0, len(data) - step + 1, step)):
        return True
    if data and data[-1:] not in (b"\n", b"\r"):
        ends += 1  # the last line, without a line end
    return rows != ends


def _open_quote_at_end(text: str, delimiter: str) -> bool:
    """True when the text ends inside a quoted field (a quote that is never closed)."""
    try:
        for _ in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True):
            pass
    except csv.Error as exc:
        return "unexpected end of data" in str(exc)
    return False


def _csv_problem(path: Path, line: int, lang: str) -> str:
    return labels.text(
        "file.csv_field",
        lang,
        file=path.name,
        line=labels.number(max(line, 1), lang),
        limit=labels.number(CSV_FIELD_LIMIT, lang),
    )
