"""The scripts of the Lite workbook: Analyseer klanten, Wis resultaten, Voorbeelddata.

main.py's `@script` functions call `analyse(book)`, `clear(book)` and `load_demo(book)`
with the Book xlwings Lite hands them. Each reads the sheets in bulk, runs the analysis
(`run`) and renders the workbook plan of the run (`lite.render`), exactly as the ribbon
does; the number of Book calls does not depend on the number of customers.

Lite has no message boxes for a script started from a sheet button, so a script reports in
two places: one sentence in the row below the status block on Start and the same sentence
in the xlwings Lite pane (printed). A problem the user can fix is that sentence; anything
unexpected too, never a traceback. Voorbeelddata asks for a second click instead of a
yes/no question when Klanten or Prospects holds data.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import PureWindowsPath
from typing import Any

from ..core import labels
from ..core.tables import ACTION_SHEETS, ORDER_SHEETS, PROSPECT_SHEETS
from ..errors import InputError, KlantanalyseError
from ..excel import book as xl
from ..plan.model import Area, Block, BookPlan, SheetPlan, Styled
from ..plan.names import ACTIONS, CUSTOMERS, PROSPECTS, SHEETS, START
from ..plan.start import STATUS_AT
from ..plan.theme import BOLD, WRAP
from . import functions
from .render import render

clock: Callable[[], dt.datetime] = dt.datetime.now
show: Callable[[str], None] = print  # the xlwings Lite pane shows what a script prints

# The row above the status block on Start (its title two rows below) holds a script's message.
MESSAGE_AT = (STATUS_AT[0] - 2, STATUS_AT[1])

_confirming: set[str] = set()  # workbooks whose next Voorbeelddata click replaces the data


# ---- the scripts --------------------------------------------------------------------------


def analyse(book: Any) -> str:
    """Analyseer klanten: results right of the inputs (Klanten and Prospects), the Matrix
    blocks, the Verwantschap sheet and the status; returns the sentence it reported."""
    return _run(book, _analyse)


def clear(book: Any) -> str:
    """Wis resultaten: remove exactly what `analyse` writes."""
    return _run(book, _clear)


def load_demo(book: Any) -> str:
    """Voorbeelddata: the demo customers, orders and prospects (a second click first when
    Klanten or Prospects holds data)."""
    return _run(book, _load_demo)


# ---- the boundary ---------------------------------------------------------------------------


class _Context:
    """The workbook a script got, its sheets and the language for messages."""

    def __init__(self, book: Any):
        self.book = book
        self.lang = "nl"
        self._sheets: dict[str, Any] | None = None
        self.problem = False

    def sheet(self, *names: str, required: bool = True) -> Any | None:
        """The first sheet called one of `names`; InputError if required and missing."""
        if self._sheets is None:
            self._sheets = xl.sheets_by_name(self.book)
        found = xl.find_sheet(self._sheets, *names)
        if found is None and required:
            raise InputError(labels.text("lite.no_sheet", self.lang, sheet=names[0]))
        return found

    @property
    def name(self) -> str:
        return str(self.book.name)


def _run(book: Any, action: Callable[[_Context], str]) -> str:
    """Run one script; whatever happens, one sentence on Start and in the pane."""
    context = _Context(book)
    if action is not _load_demo:
        _confirming.discard(_key(book))
    try:
        message = action(context)
    except KlantanalyseError as error:
        context.problem = True
        message = labels.text("lite.problem", context.lang, message=error.message)
    except Exception as error:  # noqa: BLE001 - the user gets a sentence, not a traceback
        context.problem = True
        message = labels.text("lite.unexpected", context.lang, error=type(error).__name__)
    try:
        _report(context, message)
    except Exception as error:  # noqa: BLE001 - the pane still gets the sentence
        message = f"{message} ({type(error).__name__})"
    show(message)
    return message


def _key(book: Any) -> str:
    try:
        return str(book.name)
    except Exception:  # noqa: BLE001 - a book without a name is still one book
        return ""


def _report(context: _Context, message: str) -> None:
    """The message row on Start: the sentence after a problem or a question, else empty;
    Start comes to the front after a problem."""
    shown = message if context.problem else None
    start = context.sheet(START, required=False)
    if start is None:
        return
    render(context.book, message_plan(shown, context.lang))
    if context.problem:
        start.activate()


def message_plan(message: str | None, lang: str) -> BookPlan:
    """The message row of Start: 'Melding' and the sentence (None: the row emptied)."""
    r, c = MESSAGE_AT
    rows = [[labels.text("lite.message", lang), message] if message else [None, None]]
    styles = (Styled(Area(r, c, r, c), BOLD), Styled(Area(r, c + 1, r, c + 1), WRAP))
    sheet = SheetPlan(
        START,
        SHEETS[START],
        blocks=(Block(r, c, rows, styles),),
        fit_rows=Area(r, c, r, c + 1),
        optional=True,
    )
    return BookPlan((sheet,))


# ---- Analyseer klanten ----------------------------------------------------------------------


def _settings_rows(context: _Context) -> list[tuple[object, object]] | None:
    """The Instellingen rows (None without that sheet); sets the language for messages."""
    from ..run import load_settings

    sheet = context.sheet(xl.SETTINGS, required=False)
    rows = None if sheet is None else xl.settings_rows(xl.read_values(sheet))
    settings, _ = load_settings(rows)
    context.lang = settings.lang
    return rows


def _analyse(context: _Context) -> str:
    from ..plan import Target, plan_book
    from ..plan.matrix import CHART_CAPACITY
    from ..run import Tables, run

    rows = _settings_rows(context)
    lang = context.lang
    name = context.name
    customers_sheet = context.sheet(CUSTOMERS)
    values = xl.read_values(customers_sheet)
    existing = {CUSTOMERS: values}
    table, warnings = xl.customer_table(values, name, lang)
    orders = None
    orders_sheet = context.sheet(*ORDER_SHEETS, required=False)
    if orders_sheet is not None:
        orders, found = xl.order_table(xl.read_values(orders_sheet), name, lang, orders_sheet.name)
        warnings += found
    prospects = None
    prospects_sheet = context.sheet(*PROSPECT_SHEETS, required=False)
    if prospects_sheet is not None:
        existing[PROSPECTS] = xl.read_values(prospects_sheet)
        prospects, found = xl.prospect_table(existing[PROSPECTS], name, lang, prospects_sheet.name)
        warnings += found
    action_rows = None  # the Actielijst as the owner left it: its Gedaan cells stay
    actions_sheet = context.sheet(*ACTION_SHEETS, required=False)
    if actions_sheet is not None:
        action_rows = existing[ACTIONS] = xl.read_values(actions_sheet)
    source = PureWindowsPath(name)
    tables = Tables(table, orders, prospects, rows, tuple(warnings), source, action_rows)
    done = run(tables)
    target = Target(existing=existing, chart_capacity=CHART_CAPACITY, run_time=clock())
    render(context.book, plan_book(done, target))
    functions.remember(done, table, prospects)
    customers_sheet.activate()
    summary = done.analysis.summary
    return labels.text(
        "lite.done.analyse", done.lang, customers=summary.customers, problems=summary.problems
    )


# ---- Wis resultaten -------------------------------------------------------------------------


def _current(context: _Context, customers_sheet: Any) -> Any:
    """The plan target of this workbook: the values of Klanten (and Prospects, Actielijst)."""
    from ..plan import Target

    return Target(existing=xl.existing_values(context.sheet, customers_sheet))


def _clear(context: _Context) -> str:
    from ..plan import plan_clear

    _settings_rows(context)
    customers_sheet = context.sheet(CUSTOMERS)
    render(context.book, plan_clear(_current(context, customers_sheet), context.lang))
    functions.forget()
    return labels.text("lite.done.clear", context.lang)


# ---- Voorbeelddata --------------------------------------------------------------------------


def _load_demo(context: _Context) -> str:
    """Ask for a second click before replacing data; clear the old inputs' result columns,
    then write the demo Klanten, Orders and Prospects (adding the sheets a workbook lacks)."""
    from .. import demo
    from ..excel.actions import _demo_plan, _has_data
    from ..plan import plan_clear

    _settings_rows(context)
    customers_sheet = context.sheet(CUSTOMERS)
    target = _current(context, customers_sheet)
    key = _key(context.book)
    holding = [name for name in (CUSTOMERS, PROSPECTS) if _has_data(target.values(name))]
    if holding and key not in _confirming:
        _confirming.add(key)
        context.problem = True  # a question: shown on Start like a problem
        return labels.text("lite.confirm_demo", context.lang, sheet=holding[0])
    _confirming.discard(key)
    cleared = plan_clear(target, context.lang).sheets  # the results of the old inputs
    render(context.book, BookPlan(tuple(s for s in cleared if s.name in (CUSTOMERS, PROSPECTS))))
    for names in ((CUSTOMERS,), ORDER_SHEETS, PROSPECT_SHEETS):
        sheet = context.sheet(*names, required=False)
        if sheet is not None:
            sheet.used_range.clear_contents()
    render(context.book, _demo_plan(demo.generate()))
    functions.forget()
    customers_sheet.activate()
    return labels.text("lite.done.demo", context.lang)
