"""Reading the customer table, orders and settings from .xlsx/.xlsm/.csv without Excel."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from ..core import labels
from ..core.columns import is_blank, match_headers, normalise
from ..errors import FileError
from ..layout import CONF, CUSTOMERS, ORDERS, SETTINGS, column_letter, is_result_header

HEADER_SEARCH_ROWS = 10
WORKBOOK_SUFFIXES = (".xlsx", ".xlsm")
_TOTAL_WORDS = {"totaal", "total", "totalen", "totals", "grandtotal", "eindtotaal", "som"}


@dataclass(frozen=True)
class SheetTable:
    """A table as read: raw cell values, header strings, index = 1-based sheet row numbers."""

    sheet: str | None  # None for a CSV file
    header_row: int
    frame: pd.DataFrame
    dropped_columns: tuple[str, ...] = ()  # old result columns left out of the inputs


@dataclass(frozen=True)
class InputBook:
    """Everything read from one input file."""

    path: Path
    customers: SheetTable
    orders: SheetTable | None = None
    settings_rows: list[tuple[object, object]] | None = None
    conf_rows: list[list[object]] | None = None
    warnings: tuple[str, ...] = field(default_factory=tuple)

    @property
    def is_macro_workbook(self) -> bool:
        return self.path.suffix.lower() == ".xlsm"


def where(path: Path, sheet: str | None, lang: str) -> str:
    """'klanten.xlsx, blad Klanten' or 'klanten.csv'."""
    if sheet is None:
        return path.name
    return labels.text("loc.sheet", lang, file=path.name, sheet=sheet)


def read_input(path: str | Path, lang: str = "nl") -> InputBook:
    """Read INPUT (.xlsx, .xlsm or .csv). Raises FileError with a sentence on any problem."""
    path = Path(path)
    if not path.exists():
        raise FileError(labels.text("file.missing", lang, file=str(path)))
    if path.is_dir():
        raise FileError(labels.text("file.is_dir", lang, file=str(path)))
    suffix = path.suffix.lower()
    if suffix == ".csv":
        rows = _read_csv_rows(path, lang)
        table, warnings = _table_from_rows(rows, None, path, lang)
        return InputBook(path, table, warnings=tuple(warnings))
    if suffix in WORKBOOK_SUFFIXES:
        return _read_workbook(path, lang)
    raise FileError(labels.text("file.bad_suffix", lang, file=path.name, suffix=suffix or "-"))


def _read_csv_rows(path: Path, lang: str) -> list[list[object]]:
    data = path.read_bytes()
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    sample = text[:20000]
    first_line = sample.splitlines()[0] if sample.strip() else ""
    counts = {d: first_line.count(d) for d in (";", ",", "\t")}
    delimiter = max(counts, key=counts.get) if any(counts.values()) else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    return [list(row) for row in reader]


def _read_workbook(path: Path, lang: str) -> InputBook:
    from python_calamine import CalamineWorkbook

    try:
        book = CalamineWorkbook.from_path(str(path))
    except Exception as exc:  # calamine raises several types for damaged files
        raise FileError(labels.text("file.unreadable", lang, file=path.name)) from exc
    names = list(book.sheet_names)

    def rows_of(name: str) -> list[list[object]]:
        try:
            return book.get_sheet_by_name(name).to_python(skip_empty_area=False)
        except Exception as exc:
            raise FileError(
                labels.text("file.bad_sheet", lang, file=path.name, sheet=name)
            ) from exc

    by_norm = {normalise(n): n for n in names}
    cached: dict[str, list[list[object]]] = {}

    def sheet_rows(name: str) -> list[list[object]]:
        if name not in cached:
            cached[name] = rows_of(name)
        return cached[name]

    # the customer table: the Klanten sheet, else the first sheet with a Klant header
    candidates = [by_norm[k] for k in (normalise(CUSTOMERS), "customers") if k in by_norm]
    candidates += [n for n in names if n not in candidates]
    customers = None
    warnings: list[str] = []
    for name in candidates:
        if _header_row(sheet_rows(name), ("customer",)) is not None:
            customers, warnings = _table_from_rows(sheet_rows(name), name, path, lang)
            break
    if customers is None:
        raise FileError(labels.text("file.no_table", lang, file=path.name, sheets=", ".join(names)))

    orders = None
    order_sheet = by_norm.get(normalise(ORDERS))
    if order_sheet and order_sheet != customers.sheet:
        rows = sheet_rows(order_sheet)
        if _header_row(rows, ("customer",)) is not None:
            orders, order_warnings = _table_from_rows(
                rows, order_sheet, path, lang, keep_results=True
            )
            warnings += order_warnings

    settings_rows = None
    settings_sheet = by_norm.get(normalise(SETTINGS)) or by_norm.get("settings")
    if settings_sheet:
        settings_rows = [
            (row[0], row[1] if len(row) > 1 else None)
            for row in sheet_rows(settings_sheet)
            if row and not is_blank(row[0])
        ]
    conf_rows = None
    if CONF in names:
        conf_rows = [
            [row[0], row[1] if len(row) > 1 else None]
            for row in sheet_rows(CONF)
            if row and not is_blank(row[0])
        ]
    book.close()
    return InputBook(path, customers, orders, settings_rows, conf_rows, tuple(warnings))


def _header_row(rows: list[list[object]], keys: tuple[str, ...]) -> int | None:
    """0-based index of the first row (of the first 10) that has a header for every key."""
    for i, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        found = match_headers(row, keys)
        if all(k in found for k in keys):
            return i
    return None


def _table_from_rows(
    rows: list[list[object]],
    sheet: str | None,
    path: Path,
    lang: str,
    keep_results: bool = False,
) -> tuple[SheetTable, list[str]]:
    """Cut the table out of a sheet's rows: header row, data below, blank rows dropped."""
    start = _header_row(rows, ("customer",))
    if start is None:
        if not rows or all(all(is_blank(v) for v in r) for r in rows):
            raise FileError(labels.text("file.empty", lang, where=where(path, sheet, lang)))
        raise FileError(
            labels.text(
                "file.no_customer_header",
                lang,
                where=where(path, sheet, lang),
                rows=HEADER_SEARCH_ROWS,
            )
        )
    header = rows[start]
    # columns: up to the last non-blank header, and no old result columns
    last = max((i for i, h in enumerate(header) if not is_blank(h)), default=-1)
    positions = []
    names = []
    dropped = []
    for pos in range(last + 1):
        name = header[pos]
        if not keep_results and not is_blank(name) and is_result_header(name):
            dropped.append(str(name))
            continue
        positions.append(pos)
        names.append(_header_text(name, pos, lang))
    data_rows = []
    index = []
    width = len(header)
    for offset, row in enumerate(rows[start + 1 :], start=start + 2):
        if len(row) < width:
            row = list(row) + [""] * (width - len(row))
        values = [None if _blank_cell(row[p]) else row[p] for p in positions]
        if all(v is None for v in values):
            continue
        data_rows.append(values)
        index.append(offset)
    frame = pd.DataFrame(data_rows, columns=names, index=index, dtype=object)
    warnings: list[str] = []
    if not keep_results and len(frame):
        found = match_headers(names, ("customer",))
        name_col = names[found["customer"]]
        last_name = frame.iloc[-1][name_col]
        if isinstance(last_name, str) and normalise(last_name) in _TOTAL_WORDS:
            warnings.append(
                where(path, sheet, lang)
                + ": "
                + labels.text("warn.total_row", lang, row=frame.index[-1], name=last_name)
            )
            frame = frame.iloc[:-1]
    return SheetTable(sheet, start + 1, frame, tuple(dropped)), warnings


def _blank_cell(value: object) -> bool:
    return value is None or (isinstance(value, str) and value == "")


def _header_text(name: object, pos: int, lang: str) -> str:
    if is_blank(name):
        return labels.text("file.unnamed_column", lang, column=column_letter(pos + 1))
    if isinstance(name, float) and name.is_integer():
        return str(int(name))
    return str(name).strip()
