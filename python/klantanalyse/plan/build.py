"""The plan of a whole workbook from a run, and the plan that clears a run's results."""

from __future__ import annotations

from dataclasses import replace

from ..core.labels import PROSPECT_KEYS
from ..core.settings import Settings
from ..run import Run
from .actions import action_clear, action_sheet
from .affinity import AFFINITY_WIDTHS, affinity_sheet, has_affinity_sheet, prospect_sheet
from .customers import customer_sheet, orders_sheet
from .matrix import matrix_clear, matrix_sheet
from .model import Area, BookPlan, SheetPlan, Table
from .names import (
    AFFINITY,
    CUSTOMER_TABLE,
    CUSTOMERS,
    PROSPECT_TABLE,
    PROSPECTS,
    SHEETS,
    other_names,
    shown_name,
    shown_table,
)
from .placement import place_results, results_header_row, runs
from .start import conf_sheet, settings_sheet, start_sheet
from .target import Target

AFFINITY_SPAN = len(AFFINITY_WIDTHS)


def plan_book(run: Run, target: Target | None = None) -> BookPlan:
    """Every sheet of the workbook of `run`, in order: Start, Actielijst, Klanten, Orders,
    Prospects, Matrix, Verwantschap, Instellingen, xlwings.conf (those that apply)."""
    target = target or Target()
    sheets: list[SheetPlan] = []
    if target.start_rows is not None or target.update:
        sheets.append(_optional(start_sheet(run, target, run.lang), target))
    sheets.append(action_sheet(run, target))
    sheets.append(customer_sheet(run, target))
    if target.orders is not None and not target.update:
        sheets.append(orders_sheet(target.orders))
    if run.tables.prospects is not None:
        sheets.append(prospect_sheet(run, target))
    sheets.append(_optional(matrix_sheet(run, target), target))
    if has_affinity_sheet(run.affinity) or target.update:
        sheet = affinity_sheet(run, target)
        sheets.append(_optional(sheet, target) if not has_affinity_sheet(run.affinity) else sheet)
    if not target.update:
        sheets.append(settings_sheet(run.settings))
        if target.conf_rows is not None:
            sheets.append(conf_sheet(target.conf_rows))
    book_code = "ThisWorkbook"
    if target.code_names is not None:
        book_code, sheet_codes = target.code_names
        sheets = [replace(s, code_name=_code_name(s.name, sheet_codes)) for s in sheets]
    return BookPlan(tuple(_localised(s, run.lang) for s in sheets), book_code or "ThisWorkbook")


def _code_name(name: str, codes) -> str | None:
    """The document module a kept VBA project has for the sheet `name` (by any of its names)."""
    return next((codes[n] for n in other_names(name) if n in codes), None)


def _localised(sheet: SheetPlan, lang: str) -> SheetPlan:
    """`sheet` with its own name and its tables' names in `lang`."""
    tables = tuple(replace(t, name=shown_table(t.name, lang)) for t in sheet.tables)
    return replace(sheet, name=shown_name(sheet.name, lang), tables=tables)


def plan_settings(settings: Settings) -> SheetPlan:
    """The Instellingen sheet with `settings` (the defaults for an empty sheet)."""
    return settings_sheet(settings)


def plan_clear(target: Target, lang: str) -> BookPlan:
    """What clears a run from an updated workbook (`target.existing` holds its Klanten and
    Prospects values): the result columns and their table columns, the Matrix blocks, the
    Verwantschap sheet, the Actielijst (but for its names and Gedaan cells) and the status
    block. The customers a run added stay on the list."""
    sheets = [
        action_clear(target),
        results_clear(CUSTOMERS, CUSTOMER_TABLE, ("customer",), target),
        results_clear(PROSPECTS, PROSPECT_TABLE, PROSPECT_KEYS, target),
        matrix_clear(),
        SheetPlan(AFFINITY, SHEETS[AFFINITY], clear_columns=(1, AFFINITY_SPAN), optional=True),
        _optional(start_sheet(None, target, lang), target),
    ]
    return BookPlan(tuple(sheets))


def results_clear(sheet: str, table: str, keys: tuple[str, ...], target: Target) -> SheetPlan:
    """A sheet's result columns cleared and its table shrunk back to the inputs."""
    values = target.values(sheet)
    top = results_header_row(values, keys)
    place = place_results(values, top, 0, top)
    tables = ()
    if place.stale:
        area = Area(top, 1, max(place.bottom, top + 1), place.column - 1)
        tables = (Table(table, area, ()),)
    clear = tuple(Area(top, a, place.bottom, b) for a, b in runs(place.stale))
    return SheetPlan(sheet, SHEETS[sheet], tables=tables, clear=clear, optional=True)


def _optional(sheet: SheetPlan, target: Target) -> SheetPlan:
    """`sheet`, left out by a front updating a workbook that lacks it."""
    return replace(sheet, optional=True) if target.update else sheet
