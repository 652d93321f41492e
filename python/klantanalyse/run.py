"""One run: the tables a front read in, a `Run` out. Every front calls `run`.

The sequence is fixed: settings from the Instellingen rows, the A/B/C analysis with the
order history, Verwantschap (profile, customers, prospects), the Actielijst (keeping the
previous list's Gedaan cells), and every warning in the order a user reads them (the
tables', the settings', the analysis'). Pure: no files, no Excel; a front reads the tables
and renders the plan of the run.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import PurePath

import pandas as pd

from .core.actions import ActionList, action_list
from .core.analysis import Analysis, analyse, with_added_customers
from .core.settings import Settings
from .core.similarity import AffinityView, add_affinity
from .core.tables import SheetTable, where
from .errors import InputError, OrderError


@dataclass(frozen=True)
class Tables:
    """What a front read: the tables of one workbook (or of its files), not yet analysed."""

    customers: SheetTable
    orders: SheetTable | None = None
    prospects: SheetTable | None = None
    settings_rows: list[tuple[object, object]] | None = None  # None: no Instellingen sheet
    warnings: tuple[str, ...] = field(default_factory=tuple)
    source: PurePath | None = None  # the workbook (or file) the tables came from
    action_rows: list[list[object]] | None = None  # the previous Actielijst sheet's cells


@dataclass(frozen=True)
class Run:
    """Everything one run decided; fronts only render it (see `plan`)."""

    tables: Tables
    settings: Settings
    analysis: Analysis
    affinity: AffinityView
    warnings: tuple[str, ...]  # every warning of the run, in reading order
    actions: ActionList  # the Actielijst: who needs attention, what to do, why, when

    @property
    def lang(self) -> str:
        return self.settings.lang

    def customer_rows(self) -> pd.DataFrame:
        """The customer inputs as shown: the table as read, with the customers that only
        appear in the orders added below it (just their name)."""
        return with_added_customers(self.tables.customers.frame, self.analysis)


def load_settings(rows: list[tuple[object, object]] | None, lang: str | None = None):
    """(Settings, warnings) from the rows of an Instellingen sheet (defaults without one)."""
    if rows is None:
        return Settings(lang=lang or "nl"), []
    return Settings.from_rows(rows, lang=lang)


def run(
    tables: Tables,
    lang: str | None = None,
    settings: Settings | None = None,
    progress: Callable[[str], None] | None = None,
) -> Run:
    """Analyse `tables`: `lang` overrides the Taal setting; `settings` replaces the sheet's;
    `progress(step)` hears of each step as it begins (analyse, affinity, actions)."""
    say = progress or (lambda _step: None)
    setting_warnings: list[str] = []
    if settings is None:
        settings, setting_warnings = load_settings(tables.settings_rows, lang)
    say("analyse")
    analysis = analyse_tables(tables.customers, tables.orders, settings)
    say("affinity")
    prospects = tables.prospects
    place = None
    if prospects is not None:
        where_from = prospects.path or tables.source or PurePath("")
        place = where(where_from, prospects.sheet, settings.lang)
    analysis, view = add_affinity(
        analysis,
        tables.customers.frame,
        prospects.frame if prospects is not None else None,
        place,
    )
    warnings = (*tables.warnings, *setting_warnings, *analysis.warnings)
    say("actions")
    actions = action_list(analysis.results, settings, tables.customers.frame, tables.action_rows)
    return Run(tables, settings, analysis, view, tuple(warnings), actions)


def analyse_tables(
    customers: SheetTable, orders: SheetTable | None, settings: Settings
) -> Analysis:
    """The core on a customer (and order) table; a problem names the file and sheet."""
    try:
        return analyse(customers.frame, settings, None if orders is None else orders.frame)
    except InputError as exc:
        table = orders if isinstance(exc, OrderError) and orders is not None else customers
        place = where(table.path or PurePath(""), table.sheet, settings.lang)
        raise InputError(f"{place}: {exc.message}") from exc
