"""Ribbon actions: Analyseer klanten, Wis resultaten, Voorbeelddata, Instellingen, Help.

Each ribbon button's VBA callback runs, in a fresh Python process,
`RunPython "import klantanalyse.excel.actions as k; k.analyse()"` (or `clear()`,
`load_demo()`, `show_settings()`, `show_help()`). The user waits for that process on
every click, so this module imports only xlwings and the labels; each action imports what
it needs when it runs.

An action reads the sheets in bulk, runs the analysis and renders the workbook plan of the
run (`excel.render`): a fixed number of xlwings calls, whatever the number of customers.
Only the result columns and the blocks of the plan are written, never a cell the user
typed. A problem
reaches the user as one sentence in an Excel message; an unexpected error as a sentence
that says where the details were logged.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import xlwings as xw

from ..core import labels
from ..core.tables import ACTION_SHEETS, ORDER_SHEETS, PROSPECT_SHEETS
from ..errors import InputError, KlantanalyseError

clock: Callable[[], dt.datetime] = dt.datetime.now


# ---- the ribbon's entry points ---------------------------------------------------------


def analyse() -> None:
    """Analyseer klanten: results right of the inputs (Klanten and Prospects), the Matrix
    blocks and portfolio page, the Verwantschap sheet and the status."""
    _run(_analyse)


def clear() -> None:
    """Wis resultaten: remove exactly what `analyse` writes."""
    _run(_clear)


def load_demo() -> None:
    """Voorbeelddata: replace Klanten, Orders and Prospects by the demo data (asking first
    when Klanten or Prospects holds data)."""
    _run(_load_demo)


def show_settings() -> None:
    """Instellingen: go to the settings; an empty sheet gets the default settings."""
    _run(_show_settings)


def show_help() -> None:
    """Help: go to the Start sheet, which explains the tool."""
    _run(_show_help)


# ---- the action boundary ---------------------------------------------------------------


class _Context:
    """The calling workbook, its sheets and the language for messages."""

    def __init__(self, book: Any):
        self.book = book
        self.app = book.app
        self.lang = "nl"
        self.is_busy = False
        self._sheets: dict[str, Any] | None = None

    def sheet(self, *names: str, required: bool = True) -> Any | None:
        """The first sheet called one of `names`; InputError if required and missing."""
        if self._sheets is None:
            from .book import sheets_by_name

            self._sheets = sheets_by_name(self.book)
        from .book import find_sheet

        found = find_sheet(self._sheets, *names)
        if found is None and required:
            raise InputError(labels.text("err.no_sheet", self.lang, sheet=names[0]))
        return found

    def alert(self, message: str, buttons: str = "ok", mode: str = "info") -> str | None:
        return self.app.alert(message, labels.text("act.title", self.lang), buttons, mode)

    def busy(self, what: str) -> None:
        """Freeze the screen and say what is going on in the status bar."""
        self.app.screen_updating = False
        text = labels.text(what, self.lang)
        self.app.status_bar = labels.text("act.busy", self.lang, what=text)
        self.is_busy = True

    def progress(self, step: str) -> None:
        """A step of the run begins: the status bar says which (one call a step)."""
        text = labels.text(f"progress.{step}", self.lang)
        self.app.status_bar = labels.text("progress.status", self.lang, step=text)

    def idle(self) -> None:
        if self.is_busy:
            self.is_busy = False
            self.app.status_bar = False
            self.app.screen_updating = True


def _run(action: Callable[[_Context], None]) -> None:
    """Run one action; every failure becomes one sentence in a message box."""
    from .logfile import log_exception

    try:
        context = _Context(xw.Book.caller())
    except Exception:  # noqa: BLE001 - not started from Excel: no window to show a box in
        log_exception(f"{action.__name__}: no calling workbook")
        return
    message = None
    try:
        action(context)
    except KlantanalyseError as error:
        message = labels.text("act.problem", context.lang, message=error.message)
    except Exception as error:  # noqa: BLE001 - the user gets a sentence and a log file
        log = log_exception(action.__name__)
        message = labels.text("act.unexpected", context.lang, error=type(error).__name__, log=log)
    try:
        context.idle()
        if message is not None:
            context.alert(message, "ok", "critical")
    except Exception:  # noqa: BLE001 - Excel went away; the log keeps the details
        log_exception(f"{action.__name__}: reporting to Excel")


# ---- Analyseer klanten -------------------------------------------------------------------


def _settings(context: _Context) -> tuple[Any, list[tuple[object, object]] | None]:
    """Settings from Instellingen (defaults without that sheet) and the sheet's rows."""
    from ..run import load_settings
    from .book import SETTINGS, read_values, settings_rows

    sheet = context.sheet(SETTINGS, required=False)
    rows = None if sheet is None else settings_rows(read_values(sheet))
    settings, _ = load_settings(rows)
    context.lang = settings.lang
    return settings, rows


def _analyse(context: _Context) -> None:
    """Read the sheets in bulk, run the analysis, render the plan of the run."""
    from pathlib import PureWindowsPath

    from ..plan import Target, plan_book
    from ..plan.matrix import CHART_CAPACITY
    from ..plan.names import ACTIONS, CUSTOMERS, PROSPECTS
    from ..run import Tables, run
    from . import book as xl
    from .render import render

    _, rows = _settings(context)
    lang = context.lang
    customers_sheet = context.sheet(CUSTOMERS)
    context.busy("act.what.analyse")
    book_name = context.book.name
    values = xl.read_values(customers_sheet)
    existing = {CUSTOMERS: values}
    table, table_warnings = xl.customer_table(values, book_name, lang)
    orders = None
    orders_sheet = context.sheet(*ORDER_SHEETS, required=False)
    if orders_sheet is not None:
        order_values = xl.read_values(orders_sheet)
        orders, found = xl.order_table(order_values, book_name, lang, orders_sheet.name)
        table_warnings += found
    prospects = None
    prospects_sheet = context.sheet(*PROSPECT_SHEETS, required=False)
    if prospects_sheet is not None:
        existing[PROSPECTS] = xl.read_values(prospects_sheet)
        prospects, found = xl.prospect_table(
            existing[PROSPECTS], book_name, lang, prospects_sheet.name
        )
        table_warnings += found
    action_rows = None  # the Actielijst as the owner left it: its Gedaan cells stay
    actions_sheet = context.sheet(*ACTION_SHEETS, required=False)
    if actions_sheet is not None:
        action_rows = existing[ACTIONS] = xl.read_values(actions_sheet)
    source = PureWindowsPath(book_name)
    tables = Tables(table, orders, prospects, rows, tuple(table_warnings), source, action_rows)
    done = run(tables, progress=context.progress)
    target = Target(existing=existing, chart_capacity=CHART_CAPACITY, run_time=clock())
    context.progress("render")
    render(context.book, plan_book(done, target))


# ---- Wis resultaten ----------------------------------------------------------------------


def _clear(context: _Context) -> None:
    """Render the plan that clears a run: result columns, Matrix blocks, Verwantschap,
    status."""
    from ..plan import plan_clear
    from ..plan.names import CUSTOMERS
    from .render import render

    _settings(context)
    customers_sheet = context.sheet(CUSTOMERS)
    context.busy("act.what.clear")
    render(context.book, plan_clear(_current(context, customers_sheet), context.lang))


def _current(context: _Context, customers_sheet: Any) -> Any:
    """The plan target of this workbook: the values of Klanten (and Prospects, Actielijst)."""
    from ..plan import Target
    from .book import existing_values

    return Target(existing=existing_values(context.sheet, customers_sheet))


# ---- Voorbeelddata -----------------------------------------------------------------------


def _load_demo(context: _Context) -> None:
    """Ask before replacing data; clear the old inputs' result columns, then write the demo
    Klanten, Orders and Prospects (adding the sheets a workbook lacks)."""
    from .. import demo
    from ..plan import BookPlan, plan_clear
    from ..plan.names import CUSTOMERS, PROSPECTS
    from .render import render

    _settings(context)
    customers_sheet = context.sheet(CUSTOMERS)
    target = _current(context, customers_sheet)
    question = None
    if _has_data(target.values(CUSTOMERS)):
        question = "act.confirm_demo"
    elif _has_data(target.values(PROSPECTS)):
        question = "act.confirm_demo_prospects"
    if question is not None:
        answer = context.alert(labels.text(question, context.lang), "yes_no")
        if answer != "yes":
            return
    context.busy("act.what.demo")
    data = demo.generate()
    cleared = plan_clear(target, context.lang).sheets  # the results of the old inputs
    render(context.book, BookPlan(tuple(s for s in cleared if s.name in (CUSTOMERS, PROSPECTS))))
    for names in ((CUSTOMERS,), ORDER_SHEETS, PROSPECT_SHEETS):
        sheet = context.sheet(*names, required=False)
        if sheet is not None:
            sheet.used_range.clear_contents()
    render(context.book, _demo_plan(data))
    customers_sheet.activate()


def _demo_plan(data: Any) -> Any:
    """Klanten, Orders and Prospects holding the demo data from A1, their tables over it."""
    from ..plan import BookPlan, SheetPlan
    from ..plan.model import Area, Block, Table
    from ..plan.names import CUSTOMER_TABLE, CUSTOMERS, ORDERS, PROSPECT_TABLE, PROSPECTS, SHEETS

    sheets = []
    for name, frame, table in (
        (CUSTOMERS, data.customers, CUSTOMER_TABLE),
        (ORDERS, data.orders, None),
        (PROSPECTS, data.prospects, PROSPECT_TABLE),
    ):
        rows = _frame_rows(frame)
        tables = ()
        if table is not None:
            tables = (Table(table, Area(1, 1, max(len(rows), 2), len(rows[0])), ()),)
        sheets.append(SheetPlan(name, SHEETS[name], blocks=(Block(1, 1, rows),), tables=tables))
    return BookPlan(tuple(sheets))


def _has_data(values: list[list[Any]]) -> bool:
    """True when any row below the first holds a value."""
    return any(any(not _blank(v) for v in row) for row in values[1:])


def _frame_rows(frame: Any) -> list[list[Any]]:
    """Header + rows of a DataFrame as plain values (dates as datetime, blanks as None)."""
    from ..plan.values import clean_list

    rows: list[list[Any]] = [[str(c) for c in frame.columns]]
    rows.extend(clean_list(row) for row in frame.itertuples(index=False, name=None))
    return rows


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


# ---- Instellingen / Help -----------------------------------------------------------------


def _show_settings(context: _Context) -> None:
    """Go to Instellingen; an empty sheet first gets the default settings, laid out as in
    a new workbook."""
    from . import book as xl

    sheet = context.sheet(xl.SETTINGS)
    if not any(any(not _blank(v) for v in row) for row in xl.read_values(sheet)):
        from ..core.settings import Settings
        from ..plan import BookPlan
        from ..plan.build import plan_settings
        from .render import render

        render(context.book, BookPlan((plan_settings(Settings()),)))
    sheet.activate()


def _show_help(context: _Context) -> None:
    from . import book as xl

    context.sheet(xl.START).activate()
