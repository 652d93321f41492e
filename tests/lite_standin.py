"""A stand-in for the xlwings Lite Book a script gets, for tests without Excel.

xlwings Lite hands a script an `xlwings.Book` whose Sheets, Sheet, Range, Font,
ConditionalFormats, Tables and Table follow the xlwings API (0.37.8, the version the Lite
workbook pins). This stand-in is the fake Excel of the ribbon tests (`fake_excel`: autospecs
of the real xlwings classes, cells in memory, every call logged in `calls`) with what Lite's
documentation says differs from desktop Excel:

- no App for a script: no message boxes (`alert`), no `status_bar`, no `screen_updating`;
  touching `book.app` fails;
- no `Book.caller()`: the book is the script's argument; `name` is the file name and
  `fullname` the same (a workbook in Lite has no path);
- `column_width` is set in points, not characters (`widths` holds points here).

Only members xlwings Lite documents are emulated; any other one fails the test.
"""

from __future__ import annotations

from typing import Any

import xlwings as xw

from fake_excel import FakeExcel

NAME = "klantanalyse-lite.xlsx"


class LiteBook(FakeExcel):
    """One workbook open in Excel with the xlwings Lite add-in."""

    def __init__(self, sheets=None, tables=None, name: str = NAME):
        super().__init__(sheets, fullname=name, tables=tables)

    def _app(self) -> Any:
        return self._fake(xw.App, "App", {})  # Lite scripts get no App

    def _book(self) -> Any:
        sheets = self._sheets()
        return self._fake(
            xw.Book,
            "Book",
            {
                "sheets": (lambda: sheets, None),
                "name": (lambda: self.fullname, None),
                "fullname": (lambda: self.fullname, None),
            },
        )

    def install(self, monkeypatch: Any | None = None) -> None:
        raise AssertionError("xlwings Lite has no Book.caller(): pass the book to the script")

    def width_in_characters(self, sheet: str, column: int) -> float | None:
        """A column's width as the plan gives it (characters), from the points Lite got."""
        from klantanalyse.lite.render import DIGIT_PIXELS, MARGIN_PIXELS, POINTS_PER_PIXEL

        value = self.widths[sheet].get(column)
        if value is None:
            return None
        return round((value / POINTS_PER_PIXEL - MARGIN_PIXELS) / DIGIT_PIXELS, 2)


def book_from_file(path: Any) -> LiteBook:
    """The workbook at `path` as xlwings Lite sees it when it opens: every sheet's values
    from A1 and its tables (read with openpyxl)."""
    import openpyxl
    from openpyxl.utils.cell import range_boundaries

    book = openpyxl.load_workbook(path)
    sheets: dict[str, list[list[Any]]] = {}
    tables: dict[str, dict[str, tuple[int, int, int, int]]] = {}
    for ws in book.worksheets:
        sheets[ws.title] = [list(row) for row in ws.iter_rows(values_only=True)]
        tables[ws.title] = {}
        for name, ref in ws.tables.items():
            left, top, right, bottom = range_boundaries(ref)
            tables[ws.title][name] = (top, left, bottom, right)
    return LiteBook(sheets, tables, name=str(getattr(path, "name", path)))


def lite_book(
    customers: list[list[Any]],
    orders: list[list[Any]] | None = None,
    prospects: list[list[Any]] | None = None,
    settings: Any = None,
) -> LiteBook:
    """A Lite workbook before a run: Start with its title and an empty status, Klanten (and
    Orders, Prospects) holding inputs only, Matrix with its title, an empty Verwantschap,
    Instellingen."""
    from klantanalyse.core.settings import Settings
    from klantanalyse.plan import names as layout
    from klantanalyse.plan.start import settings_rows, status_block

    settings = settings or Settings()
    status = status_block(None, None, settings.lang)  # the empty status block at B20
    start: list[list[Any]] = [["Klantanalyse"]] + [[] for _ in range(status.row - 2)]
    start += [[None] * (status.column - 1) + list(row) for row in status.rows]
    sheets: dict[str, list[list[Any]]] = {
        layout.START: start,
        layout.CUSTOMERS: customers,
    }
    tables = {
        layout.CUSTOMERS: {layout.CUSTOMER_TABLE: (1, 1, max(len(customers), 2), len(customers[0]))}
    }
    if orders is not None:
        sheets[layout.ORDERS] = orders
    if prospects is not None:
        sheets[layout.PROSPECTS] = prospects
        bounds = (1, 1, max(len(prospects), 2), len(prospects[0]))
        tables[layout.PROSPECTS] = {layout.PROSPECT_TABLE: bounds}
    sheets[layout.MATRIX] = [["Klanten op omzet en score"]]
    sheets[layout.AFFINITY] = []
    sheets[layout.SETTINGS] = [list(r) for r in settings_rows(settings)]
    return LiteBook(sheets, tables)
