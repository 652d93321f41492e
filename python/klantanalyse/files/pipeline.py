"""Read an input file, analyse it, write the result workbook: what `klantanalyse analyse` does."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from pathlib import Path

import pandas as pd

from ..core import affinity, labels
from ..core.analysis import Analysis, analyse
from ..core.settings import Settings
from ..errors import FileError, InputError, OrderError
from ..layout import AffinityView
from .guard import same_file
from .read import (
    InputBook,
    SheetTable,
    input_changes,
    read_input,
    read_orders,
    read_prospects,
    where,
)

OUTPUT_SUFFIXES = (".xlsx", ".xlsm")


@dataclass(frozen=True)
class RunReport:
    """What a run did: where the output is, the analysis, and every warning."""

    output: Path
    analysis: Analysis
    warnings: tuple[str, ...]
    affinity: AffinityView | None = None


def default_output(input_path: Path) -> Path:
    """`klanten.csv` -> `klanten-analyse.xlsx`; an .xlsm stays an .xlsm."""
    suffix = ".xlsm" if input_path.suffix.lower() == ".xlsm" else ".xlsx"
    return input_path.with_name(f"{input_path.stem}-analyse{suffix}")


def load_settings(book: InputBook, lang: str | None) -> tuple[Settings, list[str]]:
    """Settings from the workbook's Instellingen sheet (defaults without it)."""
    if book.settings_rows is None:
        return Settings(lang=lang or "nl"), []
    return Settings.from_rows(book.settings_rows, lang=lang)


def analyse_tables(
    customers: SheetTable, orders: SheetTable | None, settings: Settings
) -> Analysis:
    """The core on a customer (and order) table; a problem names the file and sheet."""
    try:
        return analyse(customers.frame, settings, None if orders is None else orders.frame)
    except InputError as exc:
        table = orders if isinstance(exc, OrderError) and orders is not None else customers
        place = where(table.path, table.sheet, settings.lang)
        raise InputError(f"{place}: {exc.message}") from exc


def analyse_file(
    input_path: str | Path,
    output_path: str | Path | None = None,
    lang: str | None = None,
    now: dt.datetime | None = None,
    orders_path: str | Path | None = None,
    prospects_path: str | Path | None = None,
    keep_macros: bool = False,
) -> RunReport:
    """Analyse INPUT (and an optional order file) into a new workbook; inputs are never written.

    Orders from the input workbook's own Orders sheet are copied into the output; orders
    from a separate file are analysed but not copied (the output stays small). Prospects
    (the input's Prospects sheet, or `prospects_path`) are scored and written to the output.
    """
    input_path = Path(input_path)
    msg_lang = lang or "nl"
    output = Path(output_path) if output_path else default_output(input_path)
    if output.suffix.lower() not in OUTPUT_SUFFIXES:
        raise FileError(
            labels.text(
                "file.output_suffix",
                msg_lang,
                file=str(output),
                suffixes=" of ".join(OUTPUT_SUFFIXES),
            )
        )
    for source in (input_path, orders_path, prospects_path):
        if source is not None and same_file(output, Path(source)):
            raise FileError(labels.text("file.same_output", msg_lang, file=str(output)))
    book = read_input(input_path, msg_lang)
    copy_orders = book.orders
    if orders_path is not None:
        book = replace(book, orders=read_orders(orders_path, msg_lang))
        copy_orders = None
    if prospects_path is not None:
        book = replace(book, prospects=read_prospects(prospects_path, msg_lang))
    settings, setting_warnings = load_settings(book, lang)
    analysis = analyse_tables(book.customers, book.orders, settings)
    analysis, view = run_affinity(analysis, book)
    from .write import BookContent, write_workbook  # openpyxl only where a file is written

    content = BookContent(
        customers=book.customers,
        settings=settings,
        analysis=analysis,
        orders=copy_orders,
        run_time=now or dt.datetime.now(),
        prospects=book.prospects,
        affinity=view,
    )
    from ..workbook.carry import carry_macros

    # an .xlsm output: our VBA and ribbon, or the input's only with keep_macros
    content, finish, macro_warnings = carry_macros(book, content, output, keep_macros)
    write_workbook(output, content, finish)
    warnings = (*book.warnings, *macro_warnings, *setting_warnings, *analysis.warnings)
    warnings += output_warnings(content)
    if input_path.suffix.lower() in (".xlsx", ".xlsm"):
        from ..layout import CUSTOMERS, ORDERS, PROSPECTS
        from .carried import not_carried

        tables = {CUSTOMERS: book.customers, ORDERS: copy_orders, PROSPECTS: book.prospects}
        renamed = {
            table.sheet: sheet
            for sheet, table in tables.items()
            if table is not None and table.sheet and table.path in (None, input_path)
        }
        dropped = not_carried(book.data or input_path, output, settings.lang, renamed, input_path)
        warnings += (dropped,) if dropped else ()
    warnings += input_changes(book.customers, book.orders, book.prospects, lang=settings.lang)
    return RunReport(output, analysis, tuple(warnings), view)


def output_warnings(content) -> tuple[str, ...]:
    """What the output holds differently from the input: shortened texts, a capped chart."""
    from .write import MAX_CELL_CHARS, chart_point_limit, long_texts

    lang = content.settings.lang
    found: list[str] = []
    for table in (content.customers, content.orders):
        if table is None:
            continue
        count, first = long_texts(table.frame)
        if count:
            row, column = first
            found.append(
                where(table.path or Path(""), table.sheet, lang)
                + ": "
                + labels.text(
                    "warn.long_text",
                    lang,
                    count=count,
                    limit=labels.number(MAX_CELL_CHARS, lang),
                    column=column,
                    row=row,
                )
            )
    analysis = content.analysis
    limit = chart_point_limit()
    if analysis is not None and len(analysis.results) > limit:
        from ..layout import chart_points

        if len(chart_points(analysis)) > limit:
            found.append(labels.text("warn.chart_capped", lang, count=limit))
    return tuple(found)


# ---- Verwantschap ------------------------------------------------------------------------


def run_affinity(analysis: Analysis, book: InputBook) -> tuple[Analysis, AffinityView]:
    """`add_affinity` on an input book: its customers and prospects, warnings with the file."""
    prospects = book.prospects
    place = None
    if prospects is not None:
        place = where(prospects.path or book.path, prospects.sheet, analysis.settings.lang)
    return add_affinity(
        analysis,
        book.customers.frame,
        prospects.frame if prospects is not None else None,
        place,
    )


def add_affinity(
    analysis: Analysis,
    customers: pd.DataFrame,
    prospects: pd.DataFrame | None = None,
    prospect_place: str | None = None,
) -> tuple[Analysis, AffinityView]:
    """Verwantschap after the A/B/C run: the profile, the similarity columns of the customers
    and the scores of the prospects. Never fails the run.

    Returns a new Analysis with `Gelijkenis`, `Gelijkenis: waarom` and `Onbenut potentieel`
    before `Melding` and the affinity warnings added, and the view the sheets are built from.
    When no profile can be built (no characteristic columns, one segment only, no A
    customers) the A/B/C results stand and the reason is a warning; with prospects it says
    they could not be scored. `prospect_place` ('prospects.csv') starts prospect warnings.
    """
    lang = analysis.settings.lang
    count = 0 if prospects is None else len(prospects)
    try:
        profile = affinity.profile(analysis, customers, analysis.settings)
    except InputError as exc:
        view = AffinityView(
            problem=exc.message,
            prospect_problem=exc.message if prospects is not None else None,
            prospect_count=count,
        )
        if prospects is None and not affinity.has_characteristics(customers, analysis.settings):
            return analysis, view  # a plain A/B/C list: nothing was asked, nothing to say
        key = "aff.warn.prospects_not_scored" if count else "aff.warn.skipped"
        warning = labels.text(key, lang, reason=exc.message)
        return replace(analysis, warnings=(*analysis.warnings, warning)), view

    notes = list(profile.warnings)  # shown on the Verwantschap sheet
    warnings = list(profile.warnings)  # the same, prospect ones starting with their file
    prospect_scores = None
    prospect_problem = None
    if count:
        at = f"{prospect_place}: " if prospect_place else ""
        try:
            prospect_scores = affinity.score(profile, prospects)
            notes += prospect_scores.warnings
            warnings += [at + w for w in prospect_scores.warnings]
        except InputError as exc:
            prospect_problem = exc.message
            notes.append(exc.message)
            warnings.append(at + exc.message)
    customer_scores = affinity.score_customers(profile).results
    flagged = labels.yes_no(True, lang)
    customer_scores["untapped"] = [flagged if u else None for u in customer_scores["untapped"]]
    extended = with_results(analysis, customer_scores, labels.SIMILARITY_KEYS, tuple(warnings))
    view = AffinityView(
        profile=profile,
        prospect_scores=prospect_scores,
        prospect_problem=prospect_problem,
        prospect_count=count,
        notes=tuple(notes),
    )
    return extended, view


def with_results(
    analysis: Analysis,
    extra: pd.DataFrame,
    keys: tuple[str, ...],
    warnings: tuple[str, ...] = (),
) -> Analysis:
    """A new Analysis with the `keys` columns of `extra` joined on the index (rows missing from
    `extra` stay blank) and listed before `Melding`, which stays last."""
    results = analysis.results.drop(columns=[k for k in keys if k in analysis.results.columns])
    results = results.join(extra[list(keys)].astype(object))
    base = tuple(k for k in analysis.result_keys if k not in keys and k != "message")
    last = ("message",) if "message" in analysis.result_keys else ()
    return replace(
        analysis,
        results=results,
        result_keys=base + tuple(keys) + last,
        warnings=(*analysis.warnings, *warnings),
    )
