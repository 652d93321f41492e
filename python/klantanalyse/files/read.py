"""Reading the customer table, orders and settings from .xlsx/.xlsm/.csv without Excel."""

from __future__ import annotations

import codecs
import csv
import io
import re
import warnings
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

import numpy as np
import pandas as pd

from ..core import intake, labels
from ..core.columns import is_blank
from ..core.tables import (  # noqa: F401 (the readers' table cutting lives in the core)
    CUSTOMER_SHEETS,
    HEADER_SEARCH_ROWS,
    ORDER_SHEETS,
    PROSPECT_SHEETS,
    SETTINGS_SHEETS,
    FrameRows,
    SheetTable,
    _blank_rows,
    _no_prospect_header,
    _prospect_table,
    header_row,
    is_result_header,
    orders_from_rows,
    prospects_from_rows,
    table_from_rows,
    where,
)
from ..errors import FileError, InputError
from ..plan.names import CONF
from ..run import Tables
from . import guard
from .ahead import ReadAhead
from .sheets import CSV_SUFFIXES, Sheets, snapshot, suffix


@dataclass(frozen=True)
class InputBook:
    """Everything read from one input file."""

    path: Path
    customers: SheetTable
    orders: SheetTable | None = None
    settings_rows: list[tuple[object, object]] | None = None
    conf_rows: list[list[object]] | None = None
    warnings: tuple[str, ...] = field(default_factory=tuple)
    prospects: SheetTable | None = None  # the optional Prospects sheet
    snapshot: guard.Snapshot | None = field(default=None, repr=False, compare=False)
    date1904: bool = False
    action_rows: list[list[object]] | None = None  # an earlier Actielijst (its Gedaan cells)
    # per sheet part the reader's checks read: what the report of what is not carried over
    # counts in it (see `carried.not_carried`)
    features: dict | None = field(default=None, repr=False, compare=False)

    @property
    def is_macro_workbook(self) -> bool:
        return self.path.suffix.lower() == ".xlsm"

    def tables(self) -> Tables:
        """The tables of this book, for `run`."""
        return Tables(
            self.customers,
            self.orders,
            self.prospects,
            self.settings_rows,
            self.warnings,
            self.path,
            self.action_rows,
        )

    @property
    def data(self) -> bytes | None:
        """The input's bytes as read (every later look at the input uses these)."""
        return None if self.snapshot is None else self.snapshot.data


def read_input(path: str | Path, lang: str = "nl", ahead: ReadAhead | None = None) -> InputBook:
    """Read INPUT (.xlsx, .xlsm or .csv). Raises FileError with a sentence on any problem.

    An order export on its own (a CSV, or a workbook without a customer table, whose order
    table may be on any sheet) gives no customer table: the customers come from the orders.
    `ahead`: this input, when its reading began earlier (see `files.ahead`).
    """
    path = Path(path)
    taken = None if ahead is None else ahead.take(path, lang)
    shot, sheets = taken if taken is not None else (snapshot(path, lang), None)
    if suffix(path) in CSV_SUFFIXES:
        rows = _read_csv_rows(shot, lang)
        if intake.order_header_row(rows) is not None:
            orders, warnings = orders_from_rows(rows, None, path, lang)
            orders = replace(_typed_orders(orders), snapshot=shot)
            return InputBook(
                path, no_customers(path, shot), orders, warnings=tuple(warnings), snapshot=shot
            )
        table, warnings = table_from_rows(rows, None, path, lang)
        table = replace(_typed_customers(table), snapshot=shot)
        return InputBook(path, table, warnings=tuple(warnings), snapshot=shot)
    return _read_workbook(shot, lang, sheets)


def no_customers(path: Path, shot: guard.Snapshot | None = None) -> SheetTable:
    """The customer table of an input that holds orders alone: no columns, no rows."""
    return SheetTable(None, 0, pd.DataFrame(), path, snapshot=shot)


def _typed_customers(table: SheetTable) -> SheetTable:
    return intake.typed_table(table, intake.CUSTOMER_NUMBERS, (), intake.CUSTOMER_TEXTS)


def _typed_orders(table: SheetTable) -> SheetTable:
    return intake.typed_table(table, intake.ORDER_NUMBERS, intake.ORDER_DATES, intake.ORDER_TEXTS)


def read_orders(path: str | Path, lang: str = "nl") -> SheetTable:
    """An order history from its own file: a .csv (or .csv.gz), or a workbook's Orders
    sheet (else its first sheet with an order table)."""
    path = Path(path)
    shot = snapshot(path, lang)
    if suffix(path) in CSV_SUFFIXES:
        table, _ = orders_from_rows(_read_csv_rows(shot, lang), None, path, lang)
        table = None if table is None else _typed_orders(table)
    else:
        table = _workbook_orders(shot, lang)
    if table is None:
        raise FileError(labels.text("file.no_order_header", lang, file=path.name))
    return replace(table, snapshot=shot)


def input_changes(*tables: SheetTable | None, lang: str = "nl") -> tuple[str, ...]:
    """A warning for each input file that changed or disappeared since it was read."""
    found: list[str] = []
    seen: set[Path] = set()
    for table in tables:
        shot = None if table is None else table.snapshot
        if shot is None or shot.path in seen:
            continue
        seen.add(shot.path)
        change = shot.changed()
        if change is not None:
            found.append(labels.text(f"warn.input_{change}", lang, file=shot.path.name))
    return tuple(found)


CSV_FIELD_LIMIT = 131_072  # characters in one field (Excel holds 32,767 in a cell)


def _csv_text(data: bytes) -> str:
    """The text of a CSV file: UTF-16 or -32 by its byte-order mark (or, without one, by
    its zero bytes), else UTF-8, else Windows-1252 (which decodes any byte)."""
    return _decoded(data)[0]


def _decoded(data: bytes) -> tuple[str, str]:
    """(text, encoding) of a CSV file's bytes, as `_csv_text` says."""
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


def _read_csv_rows(shot: guard.Snapshot, lang: str) -> Sequence[list[object]]:
    path = shot.path
    data = guard.csv_bytes(shot, lang)
    body = _utf8_body(data)
    if body is not None:  # UTF-8: the parser decodes the cells, the text is not needed
        sample = _head(body)
        delimiter = _sniffed(sample)
        guard.check_csv_cells(path, body, delimiter, lang)
        parsed = _parsed_csv(body, sample, delimiter)
        if parsed is not None:
            return parsed
        text = body.decode("utf-8")
    else:
        text, _ = _decoded(data)
        if "\x00" in text:
            raise FileError(labels.text("file.csv_binary", lang, file=path.name))
        sample = text[:_SAMPLE_CHARS]
        delimiter = _sniffed(sample)
        guard.check_csv_cells(path, text, delimiter, lang)
        parsed = _parsed_csv(text.encode("utf-8"), sample, delimiter)
        if parsed is not None:
            return parsed
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


_SAMPLE_CHARS = 20_000  # the start of a text its delimiter and width are judged by
_UTF8_BOM = b"\xef\xbb\xbf"
_MANY_STRETCHES = 10_000  # beyond this many stretches of non-ASCII bytes, decode it all


def _utf8_body(data: bytes) -> bytes | None:
    """The bytes of a CSV file that `_decoded` reads as UTF-8 (after a byte-order mark, if
    any), or None when it reads them otherwise: zero bytes (UTF-16, or a binary file),
    another byte-order mark, bytes that are not UTF-8."""
    body = data[len(_UTF8_BOM) :] if data.startswith(_UTF8_BOM) else data
    if b"\x00" in data or not _is_utf8(body):
        return None
    return body


def _is_utf8(data: bytes) -> bool:
    """True when `data` decodes as UTF-8. Only the bytes from 0x80 up need a look: each
    stretch of them holds whole characters (ASCII bytes are never part of one)."""
    if data.isascii():
        return True
    high = np.flatnonzero(np.frombuffer(data, dtype=np.uint8) >= 0x80)
    breaks = np.flatnonzero(np.diff(high) != 1)
    if len(breaks) >= _MANY_STRETCHES:
        try:
            data.decode("utf-8")
        except UnicodeDecodeError:
            return False
        return True
    starts = [int(high[0]), *(high[breaks + 1]).tolist()]
    ends = [*(high[breaks] + 1).tolist(), int(high[-1]) + 1]
    try:
        for start, end in zip(starts, ends):
            data[start:end].decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _head(body: bytes) -> str:
    """The first _SAMPLE_CHARS characters of UTF-8 bytes, decoding only their start."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    return decoder.decode(body[: 4 * _SAMPLE_CHARS])[:_SAMPLE_CHARS]


def _sniffed(sample: str) -> str:
    """The delimiter of a CSV text: the one of ; , and tab most often in its first line."""
    first_line = sample.splitlines()[0] if sample.strip() else ""
    counts = {d: first_line.count(d) for d in (";", ",", "\t")}
    return max(counts, key=counts.get) if any(counts.values()) else ","


# Wider than this (in the first lines) a text goes to `csv.reader`: pandas' parser takes
# longer than it for each column.
_PARSED_MAX_WIDTH = 1_000
_LINE_END = re.compile(b"[\r\n]")


def _parsed_csv(data: bytes, sample: str, delimiter: str) -> FrameRows | None:
    """The rows of a CSV text (`data`, its UTF-8 bytes; `sample`, its start) by pandas' C
    parser, the cells as `csv.reader` reads them, or None for a text it might read otherwise
    or that has a problem to name: a row wider than the first lines, a quote left open, a
    field beyond CSV_FIELD_LIMIT, a second byte-order mark. `csv.reader` then reads it (and
    names the row of the problem)."""
    if data.startswith(_UTF8_BOM):
        return None
    # at least as wide as the first row (so that no cell of it is taken for a row label)
    end = _LINE_END.search(data)
    first_line = data if end is None else data[: end.start()]
    lines = [line.encode("utf-8") for line in sample.splitlines()]
    sep = delimiter.encode("utf-8")
    width = max(line.count(sep) for line in [first_line, *lines]) + 1
    if width > _PARSED_MAX_WIDTH:
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
            )
    except (ValueError, UnicodeError, pd.errors.ParserError, pd.errors.ParserWarning):
        return None  # EmptyDataError is a ValueError
    if frame.shape[1] != width or not frame.index.equals(pd.RangeIndex(len(frame))):
        return None
    columns = [frame[pos].to_numpy(dtype=object) for pos in range(width)]
    if len(data) > CSV_FIELD_LIMIT and _may_hold_long_fields(data, len(frame)):
        for column in columns:
            if max(map(len, column.tolist()), default=0) > CSV_FIELD_LIMIT:
                return None
    return FrameRows(columns)


def _may_hold_long_fields(data: bytes, rows: int) -> bool:
    """False when no field of the UTF-8 bytes `data`, read as `rows` rows, can be longer
    than CSV_FIELD_LIMIT: each line end ends a row (so no field holds a line end), and
    every stretch of half the limit holds a line end (so every line is shorter than it)."""
    step = CSV_FIELD_LIMIT // 2
    if any(data.find(b"\n", at, at + step) < 0 for at in range(0, len(data) - step + 1, step)):
        return True
    ends = data.count(b"\n")
    if b"\r" in data:
        ends += data.count(b"\r") - data.count(b"\r\n")
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


def _orders(sheets: Sheets, skip: str | None = None) -> tuple[SheetTable | None, list[str]]:
    """The Orders sheet as a table, when there is one with a customer column."""
    name = sheets.find(*ORDER_SHEETS)
    if name is None or name == skip:
        return None, []
    return orders_from_rows(sheets.rows(name), name, sheets.path, sheets.lang)


def _any_orders(sheets: Sheets) -> tuple[SheetTable | None, list[str]]:
    """The Orders sheet, else the first sheet whose header is an order table's."""
    table, warnings = _orders(sheets)
    if table is not None:
        return table, warnings
    for name in sheets.names:
        if intake.order_header_row(sheets.rows(name)) is not None:
            return orders_from_rows(sheets.rows(name), name, sheets.path, sheets.lang)
    return None, []


def _holds_orders(sheets: Sheets, name: str) -> bool:
    """True when sheet `name` holds an order table (and no customer table)."""
    return intake.order_header_row(sheets.rows(name)) is not None


def _prospects(sheets: Sheets, skip: str | None = None) -> tuple[SheetTable | None, list[str]]:
    """The Prospects sheet as a table; a warning when it has rows but no name header."""
    name = sheets.find(*PROSPECT_SHEETS)
    if name is None or name == skip:
        return None, []
    return prospects_from_rows(sheets.rows(name), name, sheets.path, sheets.lang)


def _key_values(sheets: Sheets, name: str | None) -> list[list[object]] | None:
    """Rows of a key/value sheet (A:B), blank keys left out."""
    if name is None:
        return None
    return [
        [row[0], row[1] if len(row) > 1 else None]
        for row in sheets.rows(name)
        if row and not is_blank(row[0])
    ]


def _read_workbook(shot: guard.Snapshot, lang: str, sheets: Sheets | None = None) -> InputBook:
    path = shot.path
    sheets = sheets or Sheets(shot, lang)
    # the customer table: the Klanten sheet, else the first sheet with a Klant header; a
    # sheet holding an order table is not one, unless another sheet is called Orders
    first = sheets.find(*CUSTOMER_SHEETS)
    orders_sheet = sheets.find(*ORDER_SHEETS)
    candidates = ([first] if first else []) + [n for n in sheets.names if n != first]
    others = (sheets.find(*PROSPECT_SHEETS), sheets.find(*labels.SHEET_ALIASES["actions"]))
    candidates = [n for n in candidates if n not in others]
    customers = None
    warnings: list[str] = []
    for name in candidates:
        if header_row(sheets.rows(name), ("customer",)) is None:
            continue
        if _holds_orders(sheets, name) and orders_sheet in (None, name):
            continue
        customers, warnings = table_from_rows(sheets.rows(name), name, path, lang)
        break
    if customers is None:  # orders alone: the customers come from them
        orders, order_warnings = _any_orders(sheets)
        if orders is None:
            sheets.close()
            filled = [name for name in candidates if not _blank_rows(sheets.rows(name))]
            if not filled:
                raise FileError(labels.text("file.empty_book", lang, file=path.name))
            # one sheet meant for the customers: its own sentence, with the headers it has
            meant = first if first in filled else (filled[0] if len(filled) == 1 else None)
            if meant is not None:
                table_from_rows(sheets.rows(meant), meant, path, lang)  # raises
            raise InputError(
                labels.text("file.no_table", lang, file=path.name, sheets=", ".join(sheets.names))
            )
        customers = no_customers(path)
    else:
        orders, order_warnings = _orders(sheets, skip=customers.sheet)
    settings_rows = _key_values(sheets, sheets.find(*SETTINGS_SHEETS))
    conf_rows = _key_values(sheets, CONF if CONF in sheets.names else None)
    prospects, prospect_warnings = _prospects(sheets, skip=customers.sheet)
    actions = sheets.find(*labels.SHEET_ALIASES["actions"])
    action_rows = sheets.rows(actions) if actions and actions != customers.sheet else None
    sheets.close()
    if sheets.package is not None and sheets.package.protected_book:
        sheets.notes.append(labels.text("warn.protected_book", lang, file=path.name))
    return InputBook(
        path,
        replace(customers, snapshot=shot),
        orders,
        [(k, v) for k, v in settings_rows] if settings_rows is not None else None,
        conf_rows,
        tuple(sheets.notes + warnings + order_warnings + prospect_warnings),
        prospects=prospects,
        snapshot=shot,
        date1904=sheets.package is not None and sheets.package.date1904,
        action_rows=action_rows,
        features=None if sheets.package is None else sheets.package.features,
    )


def _workbook_orders(shot: guard.Snapshot, lang: str) -> SheetTable | None:
    sheets = Sheets(shot, lang)
    try:
        return _any_orders(sheets)[0]
    finally:
        sheets.close()


# ---- prospects -------------------------------------------------------------------------


def read_prospects(path: str | Path, lang: str = "nl") -> SheetTable:
    """A prospect list from its own file: a .csv (or .csv.gz) or a workbook's Prospects sheet
    (else its first sheet, other than Klanten, with a Prospect/Naam/Klant header)."""
    path = Path(path)
    shot = snapshot(path, lang)
    if suffix(path) in CSV_SUFFIXES:
        rows = _read_csv_rows(shot, lang)
        if header_row(rows, labels.PROSPECT_KEYS) is None:
            raise FileError(_no_prospect_header(path, None, lang))
        table = _prospect_table(rows, None, path, lang)
        table = intake.typed_table(table, intake.PROSPECT_NUMBERS, (), intake.PROSPECT_TEXTS)
        return replace(table, snapshot=shot)
    sheets = Sheets(shot, lang)
    try:
        first = sheets.find(*PROSPECT_SHEETS)
        customers = sheets.find(*CUSTOMER_SHEETS)
        others = [n for n in sheets.names if n not in (first, customers)]
        for name in ([first] if first else []) + others:
            if header_row(sheets.rows(name), labels.PROSPECT_KEYS) is not None:
                return replace(_prospect_table(sheets.rows(name), name, path, lang), snapshot=shot)
    finally:
        sheets.close()
    raise FileError(labels.text("file.no_prospects", lang, file=path.name, rows=HEADER_SEARCH_ROWS))
