"""Reading the customer table, orders and settings from .xlsx/.xlsm/.csv without Excel."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path

from ..core import labels
from ..core.columns import is_blank, normalise
from ..core.tables import (  # noqa: F401 (the readers' table cutting lives in the core)
    CUSTOMER_SHEETS,
    HEADER_SEARCH_ROWS,
    ORDER_SHEETS,
    PROSPECT_SHEETS,
    SETTINGS_SHEETS,
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
from ..errors import FileError
from ..plan.names import CONF
from ..run import Tables
from . import guard

WORKBOOK_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".ods")
_CALAMINE_FORMATS = {".xlsx": "xlsx", ".xlsm": "xlsx", ".xls": "xls", ".ods": "ods"}
CSV_SUFFIXES = (".csv", ".csv.gz")


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
        )


def read_input(path: str | Path, lang: str = "nl") -> InputBook:
    """Read INPUT (.xlsx, .xlsm or .csv). Raises FileError with a sentence on any problem."""
    path = Path(path)
    if not path.exists():
        raise FileError(labels.text("file.missing", lang, file=str(path)))
    if path.is_dir():
        raise FileError(labels.text("file.is_dir", lang, file=str(path)))
    suffix = _suffix(path)
    if suffix in CSV_SUFFIXES:
        rows = _read_csv_rows(path, lang)
        table, warnings = table_from_rows(rows, None, path, lang)
        return InputBook(path, table, warnings=tuple(warnings))
    if suffix in WORKBOOK_SUFFIXES:
        return _read_workbook(path, lang)
    raise FileError(labels.text("file.bad_suffix", lang, file=path.name, suffix=suffix or "-"))


def read_orders(path: str | Path, lang: str = "nl") -> SheetTable:
    """An order history from its own file: a .csv (or .csv.gz) or a workbook's Orders sheet."""
    path = Path(path)
    if not path.is_file():
        raise FileError(labels.text("file.missing", lang, file=str(path)))
    suffix = _suffix(path)
    if suffix in CSV_SUFFIXES:
        table, _ = orders_from_rows(_read_csv_rows(path, lang), None, path, lang)
        if table is None:
            raise FileError(labels.text("file.no_order_header", lang, file=path.name))
        return table
    if suffix in WORKBOOK_SUFFIXES:
        orders = _workbook_orders(path, lang)
        if orders is None:
            raise FileError(labels.text("file.no_order_header", lang, file=path.name))
        return orders
    raise FileError(labels.text("file.bad_suffix", lang, file=path.name, suffix=suffix or "-"))


def _suffix(path: Path) -> str:
    """'.csv', '.csv.gz', '.xlsx', ... in lower case."""
    suffixes = [s.lower() for s in path.suffixes[-2:]]
    if suffixes[-1:] == [".gz"]:
        return "".join(suffixes)
    return suffixes[-1] if suffixes else ""


def _read_csv_rows(path: Path, lang: str) -> list[list[object]]:
    data = guard.read_csv_bytes(path, lang)
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
    guard.check_csv_cells(path, text, delimiter, lang)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    return [list(row) for row in reader]


class _Sheets:
    """An open workbook whose sheets are read once, on first use."""

    def __init__(self, path: Path, lang: str):
        from python_calamine import CalamineWorkbook, PasswordError

        self.path, self.lang = path, lang
        self.format = guard.workbook_format(path, lang)  # refuses what must not be opened
        try:
            if self.format == _CALAMINE_FORMATS.get(_suffix(path)):
                self.book = CalamineWorkbook.from_path(str(path))
            else:  # e.g. a legacy .xls saved as .xlsx: let calamine go by the content
                with path.open("rb") as handle:
                    self.book = CalamineWorkbook.from_filelike(handle)
        except PasswordError as exc:
            raise FileError(labels.text("file.encrypted", lang, file=path.name)) from exc
        except Exception as exc:  # calamine raises several types for damaged files
            raise FileError(labels.text("file.unreadable", lang, file=path.name)) from exc
        self.names = list(self.book.sheet_names)
        self.by_norm = {normalise(n): n for n in self.names}
        self._rows: dict[str, list[list[object]]] = {}

    def find(self, *names: str) -> str | None:
        """The actual name of the first sheet called one of `names` (any spelling)."""
        return next(
            (self.by_norm[normalise(n)] for n in names if normalise(n) in self.by_norm), None
        )

    def rows(self, name: str) -> list[list[object]]:
        if name not in self._rows:
            if self.format == "xlsx":
                guard.check_sheet(self.path, name, self.lang)
            try:
                sheet = self.book.get_sheet_by_name(name)
                guard.check_area(self.path, name, sheet.end, self.lang)
                self._rows[name] = sheet.to_python(skip_empty_area=False)
            except FileError:
                raise
            except Exception as exc:
                raise FileError(
                    labels.text("file.bad_sheet", self.lang, file=self.path.name, sheet=name)
                ) from exc
        return self._rows[name]

    def orders(self, skip: str | None = None) -> tuple[SheetTable | None, list[str]]:
        """The Orders sheet as a table, when there is one with a customer column."""
        name = self.find(*ORDER_SHEETS)
        if name is None or name == skip:
            return None, []
        return orders_from_rows(self.rows(name), name, self.path, self.lang)

    def prospects(self, skip: str | None = None) -> tuple[SheetTable | None, list[str]]:
        """The Prospects sheet as a table; a warning when it has rows but no name header."""
        name = self.find(*PROSPECT_SHEETS)
        if name is None or name == skip:
            return None, []
        return prospects_from_rows(self.rows(name), name, self.path, self.lang)

    def key_values(self, name: str | None) -> list[list[object]] | None:
        """Rows of a key/value sheet (A:B), blank keys left out."""
        if name is None:
            return None
        return [
            [row[0], row[1] if len(row) > 1 else None]
            for row in self.rows(name)
            if row and not is_blank(row[0])
        ]

    def close(self) -> None:
        self.book.close()


def _read_workbook(path: Path, lang: str) -> InputBook:
    sheets = _Sheets(path, lang)
    # the customer table: the Klanten sheet, else the first sheet with a Klant header
    first = sheets.find(*CUSTOMER_SHEETS)
    candidates = ([first] if first else []) + [n for n in sheets.names if n != first]
    candidates = [n for n in candidates if n != sheets.find(*PROSPECT_SHEETS)]
    customers = None
    warnings: list[str] = []
    for name in candidates:
        if header_row(sheets.rows(name), ("customer",)) is not None:
            customers, warnings = table_from_rows(sheets.rows(name), name, path, lang)
            break
    if customers is None:
        sheets.close()
        if all(_blank_rows(sheets.rows(name)) for name in candidates):
            raise FileError(labels.text("file.empty_book", lang, file=path.name))
        raise FileError(
            labels.text("file.no_table", lang, file=path.name, sheets=", ".join(sheets.names))
        )
    orders, order_warnings = sheets.orders(skip=customers.sheet)
    settings_rows = sheets.key_values(sheets.find(*SETTINGS_SHEETS))
    conf_rows = sheets.key_values(CONF if CONF in sheets.names else None)
    prospects, prospect_warnings = sheets.prospects(skip=customers.sheet)
    sheets.close()
    return InputBook(
        path,
        customers,
        orders,
        [(k, v) for k, v in settings_rows] if settings_rows is not None else None,
        conf_rows,
        tuple(warnings + order_warnings + prospect_warnings),
        prospects=prospects,
    )


def _workbook_orders(path: Path, lang: str) -> SheetTable | None:
    sheets = _Sheets(path, lang)
    try:
        return sheets.orders()[0]
    finally:
        sheets.close()


# ---- prospects -------------------------------------------------------------------------


def read_prospects(path: str | Path, lang: str = "nl") -> SheetTable:
    """A prospect list from its own file: a .csv (or .csv.gz) or a workbook's Prospects sheet
    (else its first sheet, other than Klanten, with a Prospect/Naam/Klant header)."""
    path = Path(path)
    if not path.is_file():
        raise FileError(labels.text("file.missing", lang, file=str(path)))
    suffix = _suffix(path)
    if suffix in CSV_SUFFIXES:
        rows = _read_csv_rows(path, lang)
        if header_row(rows, labels.PROSPECT_KEYS) is None:
            raise FileError(_no_prospect_header(path, None, lang))
        return _prospect_table(rows, None, path, lang)
    if suffix in WORKBOOK_SUFFIXES:
        sheets = _Sheets(path, lang)
        try:
            first = sheets.find(*PROSPECT_SHEETS)
            customers = sheets.find(*CUSTOMER_SHEETS)
            others = [n for n in sheets.names if n not in (first, customers)]
            for name in ([first] if first else []) + others:
                if header_row(sheets.rows(name), labels.PROSPECT_KEYS) is not None:
                    return _prospect_table(sheets.rows(name), name, path, lang)
        finally:
            sheets.close()
        raise FileError(
            labels.text("file.no_prospects", lang, file=path.name, rows=HEADER_SEARCH_ROWS)
        )
    raise FileError(labels.text("file.bad_suffix", lang, file=path.name, suffix=suffix or "-"))
