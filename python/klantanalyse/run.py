"""One run: the tables a front read in, a `Run` out. Every front calls `run`.

The sequence is fixed: settings from the Instellingen rows, the A/B/C analysis with the
order history, Verwantschap (profile, customers, prospects), the Actielijst (keeping the
previous list's Gedaan cells), and every warning in the order a user reads them (the
tables', the settings', the analysis'). Pure: no files, no Excel; a front reads the tables
and renders the plan of the run.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import PurePath

import pandas as pd

from .core import labels
from .core.actions import ActionList, action_list
from .core.analysis import Analysis, analyse, with_added_customers
from .core.settings import Settings
from .core.similarity import AffinityView, add_affinity
from .core.tables import SheetTable, where
from .core.understood import ColumnReport
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
class Reference:
    """The Peildatum a run used and where it came from: `option` (--peildatum), `settings`
    (the Instellingen sheet), `orders` (the last date in the orders) or `today`."""

    date: dt.date
    source: str
    last_order: dt.date | None = None  # the last date in the orders counted

    def shown(self, lang: str) -> str:
        """'09-12-2011 (datum van de laatste order)'."""
        source = labels.text(f"ref.{self.source}", lang)
        return labels.text(
            "ref.shown", lang, date=labels.short_date(self.date, lang), source=source
        )


@dataclass(frozen=True)
class Run:
    """Everything one run decided; fronts only render it (see `plan`)."""

    tables: Tables
    settings: Settings
    analysis: Analysis
    affinity: AffinityView
    warnings: tuple[str, ...]  # every warning of the run, in reading order
    actions: ActionList  # the Actielijst: who needs attention, what to do, why, when
    understood: ColumnReport | None = None  # which input column feeds which field
    reference: Reference | None = None  # the Peildatum, when there were orders to count

    @property
    def lang(self) -> str:
        return self.settings.lang

    def column_lines(self) -> tuple[str, ...]:
        """What was understood of the headers, as the sentences every front shows."""
        return () if self.understood is None else self.understood.lines()

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
    reference_date: dt.date | None = None,
    progress: Callable[[str], None] | None = None,
) -> Run:
    """Analyse `tables`: `lang` overrides the Taal setting, `reference_date` the Peildatum;
    `settings` replaces the sheet's; `progress(step)` hears of each step as it begins
    (analyse, affinity, actions)."""
    say = progress or (lambda _step: None)
    setting_warnings: list[str] = []
    if settings is None:
        settings, setting_warnings = load_settings(tables.settings_rows, lang)
    source = "settings" if settings.reference_date is not None else None
    if reference_date is not None:
        settings, source = settings.replace(reference_date=reference_date), "option"
    say("analyse")
    analysis = analyse_tables(tables.customers, tables.orders, settings)
    reference = reference_of(analysis, source)
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
    warnings = (
        *tables.warnings,
        *setting_warnings,
        *stale(reference, settings),
        *analysis.warnings,
    )
    understood = _understood(tables, analysis)
    say("actions")
    actions = action_list(analysis.results, settings, tables.customers.frame, tables.action_rows)
    return Run(tables, settings, analysis, view, tuple(warnings), actions, understood, reference)


def reference_of(analysis: Analysis, source: str | None) -> Reference | None:
    """The Peildatum the order history counted to, and its source; None without orders.
    Without a Peildatum set (`source` None) the history took the last date in the orders."""
    history = analysis.portfolio.history if analysis.portfolio is not None else None
    if history is None:
        return None
    last = history.last_line.date() if history.last_line is not None else None
    return Reference(history.reference.date(), source or "orders", last)


def stale(reference: Reference | None, settings: Settings) -> tuple[str, ...]:
    """A warning when the orders end long before a Peildatum that was set: at least the
    silent (or recent) window, so that every customer looks silent or dormant."""
    if reference is None or reference.last_order is None or reference.source == "orders":
        return ()
    ref, last = reference.date, reference.last_order
    months = (ref.year - last.year) * 12 + ref.month - last.month - (ref.day < last.day)
    if months < min(settings.silent_months, settings.recent_months):
        return ()
    lang = settings.lang
    return (
        labels.text(
            "warn.stale_reference",
            lang,
            last=labels.short_date(last, lang),
            months=months,
            date=labels.short_date(ref, lang),
            source=labels.text(f"ref.{reference.source}", lang),
        ),
    )


def _understood(tables: Tables, analysis: Analysis) -> ColumnReport | None:
    """The analysis' report of the columns, with where the header was found."""
    report = analysis.understood
    if report is None:
        return None
    table = tables.customers
    if table.header_row < 1:  # no customer table: the customers come from the orders
        return report
    return report.with_header_rows(table.header_row - table.header_rows + 1, table.header_row)


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
