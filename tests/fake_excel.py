"""A fake Excel behind the real xlwings API, for tests and benchmarks without Excel.

Every object (App, Book, Sheets, Sheet, Range, RangeRows, Font, ConditionalFormats, Tables,
Table) is `unittest.mock.create_autospec(<real xlwings class>, spec_set=True, instance=True)`, so a
misspelled or non-existent attribute, or a wrong call signature, fails. Only the parts the
Excel front uses are emulated; touching any other xlwings attribute raises AssertionError.
Every emulated get, set and call is appended to `FakeExcel.calls`.

Cells live in memory per sheet. Writing a value behaves like Excel: a string starting
with an apostrophe is stored without it, an unprotected '=...' string becomes a formula
(recorded in `formulas`) and an unprotected number-like string becomes a number.
"""

from __future__ import annotations

import inspect
import re
import time
import types
from collections.abc import Callable, Iterable
from typing import Any
from unittest import mock

import xlwings as xw
from xlwings import main as xlmain

Cell = tuple[int, int]
_ADDRESS = re.compile(r"^\$?([A-Za-z]{1,3})\$?(\d+)$")


def _letters_to_column(letters: str) -> int:
    column = 0
    for letter in letters.upper():
        column = column * 26 + ord(letter) - 64
    return column


def column_letter(column: int) -> str:
    letters = ""
    while column:
        column, rem = divmod(column - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def parse_cell(address: str) -> Cell:
    match = _ADDRESS.match(address.strip())
    if not match:
        raise ValueError(f"fake Excel cannot parse the address {address!r}")
    return int(match.group(2)), _letters_to_column(match.group(1))


def _hex(colour: Any) -> str | None:
    if colour is None:
        return None
    if isinstance(colour, tuple):
        return "#{:02X}{:02X}{:02X}".format(*colour)
    return str(colour).upper()


class FakeExcel:
    """One Excel instance with one open workbook."""

    def __init__(
        self,
        sheets: dict[str, list[list[Any]]] | None = None,
        fullname: str = r"C:\Klanten\klantanalyse.xlsm",
        tables: dict[str, dict[str, tuple[int, int, int, int]]] | None = None,
        answers: Iterable[str] = (),
    ):
        self.cells: dict[str, dict[Cell, Any]] = {}
        self.fills: dict[str, dict[Cell, str | None]] = {}
        self.fonts: dict[str, dict[Cell, dict[str, Any]]] = {}
        self.rules: dict[str, list[dict[str, Any]]] = {}
        self.formats: dict[str, set[Cell]] = {}  # cells with any formatting (used range)
        self.number_formats: dict[str, dict[Cell, str]] = {}
        self.wrapped: dict[str, set[Cell]] = {}  # cells with wrap_text on
        self.alignments: dict[str, dict[Cell, str]] = {}  # vertical alignment
        self.horizontal: dict[str, dict[Cell, str]] = {}  # horizontal alignment
        self.heights: dict[str, dict[int, float]] = {}  # row -> height (points)
        self.widths: dict[str, dict[int, float]] = {}  # column -> width (characters)
        self.autofitted: list[tuple[str, tuple[int, int]]] = []  # rows whose height was fitted
        self.written: dict[str, set[Cell]] = {}  # cells whose value or format was changed
        self.formulas: list[tuple[str, Cell, str]] = []
        self.tables: dict[str, dict[str, tuple[int, int, int, int]]] = {}
        self.calls: list[str] = []
        self.alerts: list[dict[str, Any]] = []
        self.answers = list(answers)
        self.activated: list[str] = []
        self.selected: list[tuple[str, str]] = []
        self.screen_updating = True
        self.status_bar: str | bool = False
        self.statuses: list[str | bool] = []  # every text the status bar showed, in order
        self.fullname = fullname
        self.build_seconds = 0.0  # time spent building autospec objects (fake overhead)
        self.emulate_seconds = 0.0  # time spent inside emulated members, building included
        self._emulating = False
        self.order: list[str] = []
        for name, rows in (sheets or {}).items():
            self.add_sheet(name)
            for r, row in enumerate(rows, start=1):
                for c, value in enumerate(row, start=1):
                    if value is not None:
                        self.cells[name][(r, c)] = value
        for sheet, found in (tables or {}).items():
            self.tables[sheet] = dict(found)
        self.app = self._app()
        self.book = self._book()

    # ---- state helpers for tests --------------------------------------------------

    def add_sheet(self, name: str) -> None:
        self.order.append(name)
        for store in (
            self.cells,
            self.fills,
            self.fonts,
            self.number_formats,
            self.alignments,
            self.horizontal,
            self.widths,
            self.heights,
        ):
            store[name] = {}
        self.wrapped[name] = set()
        self.rules[name] = []
        self.formats[name] = set()
        self.written[name] = set()
        self.tables.setdefault(name, {})

    def value(self, sheet: str, address: str) -> Any:
        return self.cells[sheet].get(parse_cell(address))

    def rows(self, sheet: str) -> list[list[Any]]:
        """Values from A1 to the last cell holding a value."""
        cells = self.cells[sheet]
        if not cells:
            return []
        height = max(r for r, _ in cells)
        width = max(c for _, c in cells)
        return [[cells.get((r, c)) for c in range(1, width + 1)] for r in range(1, height + 1)]

    def fill(self, sheet: str, cell: Cell) -> str | None:
        """The colour a user sees: the first matching conditional rule, else the fill.
        (Colour scales are not evaluated: see `rules` for them.)"""
        value = self.cells[sheet].get(cell)
        for rule in self.rules[sheet]:
            if rule["operator"] == "color_scale":
                continue
            if cell in rule["cells"] and _rule_matches(rule, value):
                return _hex(rule["fill_color"])
        return self.fills[sheet].get(cell)

    def reset_log(self) -> None:
        self.calls.clear()
        for cells in self.written.values():
            cells.clear()

    def install(self, monkeypatch: Any | None = None) -> None:
        """Make `xw.Book.caller()` return this book."""
        caller = staticmethod(lambda: self.book)
        if monkeypatch is not None:
            monkeypatch.setattr(xw.Book, "caller", caller)
        else:
            xw.Book.caller = caller

    # ---- building the xlwings objects ------------------------------------------------

    def _log(self, entry: str) -> None:
        self.calls.append(entry)

    def _fake(self, cls: type, label: str, emulate: dict[str, Any]) -> Any:
        """An autospec of `cls`; `emulate` maps names to property (get, set) or methods."""
        started = time.perf_counter()
        try:
            return self._build(cls, label, emulate)
        finally:
            self.build_seconds += time.perf_counter() - started

    def _build(self, cls: type, label: str, emulate: dict[str, Any]) -> Any:
        fake = mock.create_autospec(cls, spec_set=True, instance=True)
        kind = type(fake)
        for name in dir(cls):
            if name.startswith("_") and name not in ("__iter__", "__getitem__", "__len__"):
                continue
            static = inspect.getattr_static(cls, name, None)
            if isinstance(static, property):
                if name in emulate:
                    get, put = emulate[name]
                    setattr(kind, name, self._property(f"{label}.{name}", get, put))
                else:
                    setattr(kind, name, self._property(f"{label}.{name}", None, None))
            elif callable(static) or isinstance(static, (classmethod, staticmethod)):
                if name.startswith("_") and name not in emulate:
                    continue
                method = getattr(fake, name)
                method.side_effect = self._method(f"{label}.{name}", emulate.get(name))
        return fake

    def _property(self, label: str, get: Callable | None, put: Callable | None) -> property:
        log = self._log
        emulate = self._emulate

        def getter(_self: Any) -> Any:
            if get is None:
                raise AssertionError(f"fake Excel does not emulate reading {label}")
            log(f"get {label}")
            return emulate(get)

        def setter(_self: Any, value: Any) -> None:
            if put is None:
                raise AssertionError(f"fake Excel does not emulate setting {label}")
            log(f"set {label}")
            emulate(put, value)

        return property(getter, setter)

    def _method(self, label: str, function: Callable | None) -> Callable:
        def call(*args: Any, **kwargs: Any) -> Any:
            if function is None:
                raise AssertionError(f"fake Excel does not emulate {label}()")
            self._log(f"call {label}")
            return self._emulate(function, *args, **kwargs)

        return call

    def _emulate(self, function: Callable, *args: Any, **kwargs: Any) -> Any:
        """Run an emulated member, adding its time to `emulate_seconds` (what Excel would do
        itself: storing cells, formats; a benchmark subtracts it like `build_seconds`)."""
        excel = _real(self)
        if excel._emulating:
            return function(*args, **kwargs)
        excel._emulating = True
        started = time.perf_counter()
        try:
            return function(*args, **kwargs)
        finally:
            excel.emulate_seconds += time.perf_counter() - started
            excel._emulating = False

    def _app(self) -> Any:
        def alert(prompt, title=None, buttons="ok", mode=None, callback=None):
            self.alerts.append({"prompt": prompt, "title": title, "buttons": buttons, "mode": mode})
            if self.answers:
                return self.answers.pop(0)
            return "yes" if buttons.startswith("yes") else "ok"

        def set_updating(value: bool) -> None:
            self.screen_updating = value

        def set_status(value: str | bool) -> None:
            self.status_bar = value
            self.statuses.append(value)

        return self._fake(
            xw.App,
            "App",
            {
                "alert": alert,
                "screen_updating": (lambda: self.screen_updating, set_updating),
                "status_bar": (lambda: self.status_bar, set_status),
            },
        )

    def _book(self) -> Any:
        sheets = self._sheets()
        return self._fake(
            xw.Book,
            "Book",
            {
                "sheets": (lambda: sheets, None),
                "app": (lambda: self.app, None),
                "fullname": (lambda: self.fullname, None),
                "name": (lambda: self.fullname.replace("/", "\\").rsplit("\\", 1)[-1], None),
            },
        )

    def _sheets(self) -> Any:
        made: dict[str, Any] = {}

        def sheet(name: str) -> Any:
            if name not in made:
                made[name] = self._sheet(name)
            return made[name]

        def getitem(key: Any) -> Any:
            if isinstance(key, int):
                return sheet(self.order[key])
            for name in self.order:
                if name.casefold() == str(key).casefold():
                    return sheet(name)
            raise KeyError(key)

        def add(name=None, before=None, after=None):
            self.add_sheet(name)
            return sheet(name)

        return self._fake(
            xlmain.Sheets,
            "Sheets",
            {
                "__iter__": lambda: iter([sheet(n) for n in self.order]),
                "__getitem__": getitem,
                "__len__": lambda: len(self.order),
                "add": add,
            },
        )

    def _sheet(self, name: str) -> Any:
        def used_range() -> Any:
            cells = set(self.cells[name]) | self.formats[name]
            if not cells:
                return self._range(name, 1, 1, 1, 1)
            rows = [r for r, _ in cells]
            cols = [c for _, c in cells]
            return self._range(name, min(rows), min(cols), max(rows), max(cols))

        def range_(cell1, cell2=None):
            top, left, bottom, right = _bounds(cell1)
            if cell2 is not None:
                _, _, bottom, right = _bounds(cell2)
            return self._range(name, top, left, bottom, right)

        def tables() -> Any:
            return self._tables(name)

        return self._fake(
            xw.Sheet,
            f"Sheet[{name}]",
            {
                "name": (lambda: name, None),
                "used_range": (used_range, None),
                "range": range_,
                "tables": (tables, None),
                "activate": lambda: self.activated.append(name),
            },
        )

    def _tables(self, sheet: str) -> Any:
        def table(table_name: str) -> Any:
            def resize(range):  # noqa: A002 - the xlwings parameter name
                self.tables[sheet][table_name] = range._fake_bounds

            def get_range() -> Any:
                return self._range(sheet, *self.tables[sheet][table_name])

            return self._fake(
                xlmain.Table,
                f"Table[{table_name}]",
                {"name": (lambda: table_name, None), "resize": resize, "range": (get_range, None)},
            )

        return self._fake(
            xlmain.Tables,
            f"Tables[{sheet}]",
            {
                "__iter__": lambda: iter([table(n) for n in self.tables[sheet]]),
                "__len__": lambda: len(self.tables[sheet]),
            },
        )

    def _range(
        self, sheet: str, top: int, left: int, bottom: int, right: int, ndim: int | None = None
    ) -> Any:
        # Building an autospec is slow (about 20 ms for a Range) and a range object holds no
        # state of its own: every FakeExcel shares one per address, and handing it out binds
        # it to this FakeExcel. (The front uses a range right after getting it.)
        key = (sheet, top, left, bottom, right, ndim)
        shared = _SHARED_RANGES.get(key)
        if shared is None:
            current = _Current(self)
            shared = _SHARED_RANGES[key] = (current._new_range(*key), current)
        fake, current = shared
        object.__setattr__(current, "excel", self)
        return fake

    def _new_range(
        self, sheet: str, top: int, left: int, bottom: int, right: int, ndim: int | None
    ) -> Any:
        area = [(r, c) for r in range(top, bottom + 1) for c in range(left, right + 1)]

        def touch(targets: Iterable[Cell], formatted: bool = False) -> None:
            excel = _real(self)
            targets = list(targets)
            excel.written[sheet].update(targets)
            if formatted:
                excel.formats[sheet].update(targets)

        def get_value() -> Any:
            cells = _real(self).cells[sheet]
            rows = [
                [cells.get((r, c)) for c in range(left, right + 1)] for r in range(top, bottom + 1)
            ]
            if ndim == 2:
                return rows
            if len(rows) == 1 and len(rows[0]) == 1:
                return rows[0][0]
            if len(rows) == 1:
                return rows[0]
            if all(len(row) == 1 for row in rows):
                return [row[0] for row in rows]
            return rows

        def set_value(data: Any) -> None:
            if isinstance(data, (list, tuple)) and data and isinstance(data[0], (list, tuple)):
                block = [list(row) for row in data]
            elif isinstance(data, (list, tuple)):
                block = [list(data)]
            else:
                block = [[data] * (right - left + 1) for _ in range(bottom - top + 1)]
            store = _real(self)._store
            for i, row in enumerate(block):
                for j, value in enumerate(row):
                    store(sheet, (top + i, left + j), value)

        def clear_contents() -> None:
            cells = _real(self).cells[sheet]
            for cell in area:
                cells.pop(cell, None)
            touch(area)

        def clear_formats() -> None:
            excel = _real(self)
            stores = (excel.fills, excel.fonts, excel.number_formats, excel.alignments)
            for store in (*stores, excel.horizontal):
                cells = store[sheet]
                for cell in area:
                    cells.pop(cell, None)
            excel.wrapped[sheet].difference_update(area)
            excel.formats[sheet].difference_update(area)
            _drop_rules(excel.rules[sheet], set(area))
            touch(area)

        def clear() -> None:
            clear_contents()
            clear_formats()

        def set_wrap(value: bool) -> None:
            if value:
                self.wrapped[sheet].update(area)
            else:
                self.wrapped[sheet].difference_update(area)
            touch(area, formatted=True)

        def set_alignment(value: str) -> None:
            if value not in ("top", "center", "bottom", "justify", "distributed"):
                raise ValueError(f"xlwings has no vertical alignment {value!r}")
            alignments = _real(self).alignments[sheet]
            for cell in area:
                alignments[cell] = value
            touch(area, formatted=True)

        def set_horizontal(value: str) -> None:
            allowed = ("general", "left", "center", "right", "fill", "justify")
            if value not in (*allowed, "center_across_selection", "distributed"):
                raise ValueError(f"xlwings has no horizontal alignment {value!r}")
            alignments = _real(self).horizontal[sheet]
            for cell in area:
                alignments[cell] = value
            touch(area, formatted=True)

        def set_height(value: float) -> None:
            if not 0 <= value <= 409.5:
                raise ValueError(f"Excel has no row height {value!r}")
            for row in range(top, bottom + 1):
                _real(self).heights[sheet][row] = value

        def set_width(value: float) -> None:
            for column in range(left, right + 1):
                self.widths[sheet][column] = value

        def set_color(colour: Any) -> None:
            fills = _real(self).fills[sheet]
            for cell in area:
                fills[cell] = _hex(colour)
            touch(area, formatted=True)

        def set_number_format(code: str) -> None:
            formats = _real(self).number_formats[sheet]
            for cell in area:
                formats[cell] = code
            touch(area, formatted=True)

        def options(convert=None, **opts: Any) -> Any:
            return self._range(sheet, top, left, bottom, right, ndim=opts.get("ndim", ndim))

        def address() -> str:
            first = f"${column_letter(left)}${top}"
            if (top, left) == (bottom, right):
                return first
            return f"{first}:${column_letter(right)}${bottom}"

        def select() -> None:
            self.selected.append((sheet, address()))

        made: dict[str, Any] = {}

        def parts(name: str, build: Callable) -> Any:
            if name not in made:
                made[name] = build(sheet, area, touch)
            return made[name]

        fake = self._fake(
            xw.Range,
            f"Range[{sheet}]",
            {
                "value": (get_value, set_value),
                "options": options,
                "row": (lambda: top, None),
                "column": (lambda: left, None),
                "shape": (lambda: (bottom - top + 1, right - left + 1), None),
                "address": (address, None),
                "clear_contents": clear_contents,
                "clear": clear,
                "clear_formats": clear_formats,
                "color": (lambda: self.fills[sheet].get((top, left)), set_color),
                "number_format": (None, set_number_format),
                "wrap_text": (None, set_wrap),
                "vertical_alignment": (None, set_alignment),
                "horizontal_alignment": (None, set_horizontal),
                "column_width": (None, set_width),
                "row_height": (None, set_height),
                "font": (lambda: parts("font", self._font), None),
                "conditional_formats": (lambda: parts("rules", self._rules), None),
                "rows": (lambda: parts("rows", self._rows_of), None),
                "select": select,
            },
        )
        object.__setattr__(fake, "_fake_bounds", (top, left, bottom, right))
        return fake

    def _font(self, sheet: str, area: list[Cell], touch: Callable) -> Any:
        def setter(key: str) -> Callable:
            def put(value: Any) -> None:
                fonts = _real(self).fonts[sheet]
                for cell in area:
                    fonts.setdefault(cell, {})[key] = value
                touch(area, formatted=True)

            return put

        return self._fake(
            xlmain.Font,
            f"Font[{sheet}]",
            {
                "color": (None, setter("color")),
                "bold": (None, setter("bold")),
                "size": (None, setter("size")),
            },
        )

    def _rows_of(self, sheet: str, area: list[Cell], touch: Callable) -> Any:
        rows = sorted({r for r, _ in area})

        def autofit() -> None:
            self.autofitted.append((sheet, (rows[0], rows[-1])))

        return self._fake(xlmain.RangeRows, f"RangeRows[{sheet}]", {"autofit": autofit})

    def _rules(self, sheet: str, area: list[Cell], touch: Callable) -> Any:
        def clear() -> None:
            _drop_rules(self.rules[sheet], set(area))
            touch(area)

        def add_cell_value(operator, formula1, formula2=None, *, fill_color=None, **style):
            rule = {
                "cells": set(area),
                "operator": operator,
                "formula1": formula1,
                "fill_color": fill_color,
                **style,
            }
            self.rules[sheet].insert(0, rule)  # xlwings adds at the top priority
            touch(area, formatted=True)

        def add_color_scale(colors, *, thresholds=None, threshold_type="number"):
            rule = {
                "cells": set(area),
                "operator": "color_scale",
                "colors": [_hex(c) for c in colors],
                "thresholds": list(thresholds) if thresholds is not None else None,
                "threshold_type": threshold_type,
            }
            self.rules[sheet].insert(0, rule)
            touch(area, formatted=True)

        return self._fake(
            xlmain.ConditionalFormats,
            f"ConditionalFormats[{sheet}]",
            {"clear": clear, "add_cell_value": add_cell_value, "add_color_scale": add_color_scale},
        )

    def _store(self, sheet: str, cell: Cell, value: Any) -> None:
        self.written[sheet].add(cell)
        if isinstance(value, str):
            if value.startswith("'"):
                value = value[1:]
            elif value.startswith("="):
                self.formulas.append((sheet, cell, value))
            else:
                try:
                    value = float(value.replace(",", "."))
                except ValueError:
                    pass
            if value == "":
                value = None
        if value is None:
            self.cells[sheet].pop(cell, None)
        else:
            self.cells[sheet][cell] = value


class _Current:
    """Stands for the FakeExcel a shared range object was last handed out by: attributes are
    that FakeExcel's, methods of FakeExcel run with this stand-in as `self`, so the range's
    emulation always reads and writes the cells of the book that is using it."""

    def __init__(self, excel: FakeExcel):
        object.__setattr__(self, "excel", excel)

    def __getattr__(self, name: str) -> Any:
        function = inspect.getattr_static(FakeExcel, name, None)
        if inspect.isfunction(function):
            return types.MethodType(function, self)
        return getattr(self.excel, name)

    def __setattr__(self, name: str, value: Any) -> None:
        setattr(self.excel, name, value)


_SHARED_RANGES: dict[tuple, tuple[Any, _Current]] = {}


def _real(excel: FakeExcel | _Current) -> FakeExcel:
    """The FakeExcel behind a stand-in (for loops over many cells)."""
    return excel.excel if isinstance(excel, _Current) else excel


def _bounds(cell: Any) -> tuple[int, int, int, int]:
    if isinstance(cell, tuple):
        return cell[0], cell[1], cell[0], cell[1]
    if hasattr(cell, "_fake_bounds"):
        return cell._fake_bounds
    text = str(cell)
    if ":" in text:
        first, last = text.split(":")
        top, left = parse_cell(first)
        bottom, right = parse_cell(last)
        return top, left, bottom, right
    row, column = parse_cell(text)
    return row, column, row, column


def _drop_rules(rules: list[dict[str, Any]], cells: set[Cell]) -> None:
    for rule in list(rules):
        rule["cells"] -= cells
        if not rule["cells"]:
            rules.remove(rule)


def _rule_matches(rule: dict[str, Any], value: Any) -> bool:
    if rule["operator"] != "equal":
        raise AssertionError(f"fake Excel only evaluates 'equal' rules, not {rule['operator']}")
    formula = str(rule["formula1"])
    expected: Any = formula[2:-1] if formula.startswith('="') else formula
    if isinstance(value, str) and isinstance(expected, str):
        return value.casefold() == expected.casefold()
    return value == expected
