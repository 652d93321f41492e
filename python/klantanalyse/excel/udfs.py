"""Worksheet functions: =SEGMENT(klant), =KLANTSCORE(...), =OMZETKLASSE(omzet),
=GELIJKENIS(prospect).

Named in the workbook's xlwings.conf (`UDF MODULES`). Each wraps a pure function of
`klantanalyse.core.lookup`; a cell always gets a value or a short text, never a traceback.

Speed: the Klanten, Orders, Instellingen and Prospects sheets are read (one bulk read each)
and analysed once, then kept per workbook. Excel calls a function once per cell, back to
back during a recalculation, and no cell can change while it recalculates; so the sheets are
read again only when a call comes more than `QUIET_SECONDS` after the previous one. If their
values are unchanged the analysis is reused, otherwise it is redone (a change on Prospects
alone keeps the analysis and the profile and only scores the prospects again). 10,000
=SEGMENT or =GELIJKENIS cells thus cost four sheet reads and one analysis, plus a dictionary
look-up per cell.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import PureWindowsPath
from typing import Any, TypeVar

import xlwings as xw

from ..core import labels
from ..core.lookup import Lookup, ProspectLookup, revenue_class_of, score_of
from ..core.tables import ORDER_SHEETS, PROSPECT_SHEETS
from ..errors import KlantanalyseError
from . import book as xlbook

QUIET_SECONDS = 1.0  # re-read the sheets when no call came for this long
MAX_BOOKS = 8  # workbooks kept in the cache

_F = TypeVar("_F", bound=Callable[..., Any])
clock: Callable[[], float] = time.monotonic


class BookState:
    """The values of Klanten, Orders, Instellingen and Prospects of one workbook, and what
    follows from them."""

    def __init__(
        self,
        book_name: str,
        values: tuple[xlbook.Rows | None, ...],
        earlier: BookState | None = None,
    ):
        self.book_name = book_name
        self.values = values  # Klanten, Orders, Instellingen, Prospects; None: no such sheet
        self.checked = 0.0
        self._settings: Any = None
        self._analysed: Any = None
        self._lookup: Any = None
        self._profile: Any = None
        self._prospects: Any = None
        if earlier is not None and earlier.values[:3] == values[:3]:  # only Prospects changed
            self._settings, self._analysed = earlier._settings, earlier._analysed
            self._lookup, self._profile = earlier._lookup, earlier._profile

    def settings(self) -> Any:
        """The Settings (KlantanalyseError if Instellingen holds an invalid value)."""
        if self._settings is None:
            self._settings = _outcome(lambda: xlbook.read_settings(self.values[2])[0])
        return _unwrap(self._settings)

    def analysed(self) -> tuple[Any, Any]:
        """(Analysis, customer SheetTable) of Klanten and Orders (KlantanalyseError if they
        cannot be analysed)."""
        if self._analysed is None:
            self._analysed = _outcome(self._analyse)
        return _unwrap(self._analysed)

    def lookup(self) -> Lookup:
        """The analysed Klanten table, indexed for =SEGMENT and =OMZETKLASSE."""
        if self._lookup is None:
            self._lookup = _outcome(lambda: self._index(*self.analysed()))
        return _unwrap(self._lookup)

    def prospects(self) -> ProspectLookup:
        """The Verwantschap profile and the Prospects table scored with it, for =GELIJKENIS."""
        if self._prospects is None:
            self._prospects = _outcome(self._score_prospects)
        return _unwrap(self._prospects)

    def lang(self) -> str:
        try:
            return self.settings().lang
        except KlantanalyseError:
            return "nl"

    def _analyse(self) -> tuple[Any, Any]:
        from ..errors import InputError

        settings = self.settings()
        customers, orders, _, _ = self.values
        if customers is None:
            raise InputError(labels.text("err.no_sheet", settings.lang, sheet=xlbook.CUSTOMERS))
        from ..run import Tables, run

        table, _ = xlbook.customer_table(customers, self.book_name, settings.lang)
        order_table = None
        if orders is not None:
            order_table, _ = xlbook.order_table(orders, self.book_name, settings.lang)
        tables = Tables(table, order_table, source=PureWindowsPath(self.book_name))
        done = run(tables, settings=settings)
        return done, table

    @staticmethod
    def _index(done: Any, table: Any) -> Lookup:
        return Lookup.build(done.analysis, list(table.frame.columns))

    def _score_prospects(self) -> ProspectLookup:
        done, _ = self.analysed()
        lang = done.lang
        if self._profile is None:
            self._profile = (done.affinity.profile,)
        frame = None
        if self.values[3] is not None:
            prospects, _ = xlbook.prospect_table(self.values[3], self.book_name, lang)
            frame = None if prospects is None else prospects.frame
        return ProspectLookup.build(self._profile[0], frame, lang)


def _outcome(compute: Callable[[], Any]) -> tuple[bool, Any]:
    try:
        return True, compute()
    except KlantanalyseError as error:
        return False, error


def _unwrap(outcome: tuple[bool, Any]) -> Any:
    ok, value = outcome
    if not ok:
        raise value
    return value


_states: dict[str, BookState] = {}


def book_state(book: Any) -> BookState:
    """The cached state of `book`, re-read when the last call is `QUIET_SECONDS` ago."""
    key = book.fullname
    now = clock()
    state = _states.get(key)
    if state is not None and now - state.checked < QUIET_SECONDS:
        state.checked = now
        return state
    sheets = xlbook.sheets_by_name(book)
    found = (
        xlbook.find_sheet(sheets, xlbook.CUSTOMERS),
        xlbook.find_sheet(sheets, *ORDER_SHEETS),
        xlbook.find_sheet(sheets, xlbook.SETTINGS),
        xlbook.find_sheet(sheets, *PROSPECT_SHEETS),
    )
    values = tuple(None if sheet is None else xlbook.read_values(sheet) for sheet in found)
    if state is None or state.values != values:
        state = BookState(key, values, state)
        _states.pop(key, None)
        _states[key] = state
        while len(_states) > MAX_BOOKS:
            _states.pop(next(iter(_states)))
    state.checked = now
    return state


def clear_cache() -> None:
    """Forget every workbook (the next call reads the sheets again)."""
    _states.clear()


def _caller_state() -> BookState:
    return book_state(xw.Book.caller())


def _guarded(name: str, compute: Callable[[], Any]) -> Any:
    """Run one function call: its value, an error sentence, or a short text and a log."""
    try:
        return compute()
    except KlantanalyseError as error:
        return error.message
    except Exception:  # noqa: BLE001 - a cell must never show a traceback
        from .logfile import log_exception

        return labels.text("udf.failed", "nl", log=log_exception(f"={name}"))


def _described(key: str) -> Callable[[_F], _F]:
    """Give a function its help text (shown in Excel's function wizard)."""

    def decorate(function: _F) -> _F:
        function.__doc__ = labels.text(key)
        return function

    return decorate


@xw.func
@xw.arg("klant", doc=labels.text("udf.doc.segment.klant"))
@_described("udf.doc.segment")
def SEGMENT(klant):  # noqa: N802 - Excel function name
    return _guarded("SEGMENT", lambda: _caller_state().lookup().segment_of(klant))


@xw.func
@xw.arg("marge", doc=labels.text("udf.doc.score.answer"))
@xw.arg("snelheid", doc=labels.text("udf.doc.score.answer"))
@xw.arg("innovatie", doc=labels.text("udf.doc.score.answer"))
@xw.arg("netwerk", doc=labels.text("udf.doc.score.answer"))
@_described("udf.doc.score")
def KLANTSCORE(marge, snelheid=None, innovatie=None, netwerk=None):  # noqa: N802
    def compute() -> int | str:
        lang = _caller_state().lang()
        if isinstance(marge, list) and snelheid is None and innovatie is None and netwerk is None:
            return score_of(marge, lang)
        return score_of([marge, snelheid, innovatie, netwerk], lang)

    return _guarded("KLANTSCORE", compute)


@xw.func
@xw.arg("omzet", doc=labels.text("udf.doc.revenue_class.amount"))
@_described("udf.doc.revenue_class")
def OMZETKLASSE(omzet):  # noqa: N802 - Excel function name
    def compute() -> str:
        state = _caller_state()
        settings = state.settings()
        if settings.revenue_method == "amount":
            return revenue_class_of(omzet, settings)
        return state.lookup().revenue_class_of(omzet)

    return _guarded("OMZETKLASSE", compute)


@xw.func
@xw.arg("prospect", doc=labels.text("udf.doc.similarity.prospect"))
@_described("udf.doc.similarity")
def GELIJKENIS(prospect):  # noqa: N802 - Excel function name
    return _guarded("GELIJKENIS", lambda: _caller_state().prospects().similarity_of(prospect))
