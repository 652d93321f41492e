"""Read an input file, analyse it, write the result workbook: what `klantanalyse analyse` does."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from pathlib import Path

from ..core import labels
from ..core.analysis import Analysis, analyse
from ..core.settings import Settings
from ..errors import FileError, InputError, OrderError
from .read import InputBook, read_input, read_orders, where
from .write import MAX_CELL_CHARS, BookContent, chart_point_limit, long_texts, write_workbook

OUTPUT_SUFFIXES = (".xlsx", ".xlsm")


@dataclass(frozen=True)
class RunReport:
    """What a run did: where the output is, the analysis, and every warning."""

    output: Path
    analysis: Analysis
    warnings: tuple[str, ...]


def default_output(input_path: Path) -> Path:
    """`klanten.csv` -> `klanten-analyse.xlsx`; an .xlsm stays an .xlsm."""
    suffix = ".xlsm" if input_path.suffix.lower() == ".xlsm" else ".xlsx"
    return input_path.with_name(f"{input_path.stem}-analyse{suffix}")


def load_settings(book: InputBook, lang: str | None) -> tuple[Settings, list[str]]:
    """Settings from the workbook's Instellingen sheet (defaults without it)."""
    if book.settings_rows is None:
        return Settings(lang=lang or "nl"), []
    return Settings.from_rows(book.settings_rows, lang=lang)


def run_analysis(book: InputBook, settings: Settings) -> Analysis:
    """The core on the input's customer table; errors name the file and sheet."""
    try:
        orders = book.orders.frame if book.orders is not None else None
        return analyse(book.customers.frame, settings, orders)
    except InputError as exc:
        place = where(book.path, book.customers.sheet, settings.lang)
        if isinstance(exc, OrderError) and book.orders is not None:
            place = where(book.orders.path or book.path, book.orders.sheet, settings.lang)
        raise InputError(f"{place}: {exc.message}") from exc


def analyse_file(
    input_path: str | Path,
    output_path: str | Path | None = None,
    lang: str | None = None,
    now: dt.datetime | None = None,
    orders_path: str | Path | None = None,
) -> RunReport:
    """Analyse INPUT (and an optional order file) into a new workbook; inputs are never written.

    Orders from the input workbook's own Orders sheet are copied into the output; orders
    from a separate file are analysed but not copied (the output stays small).
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
    if input_path.exists() and output.exists() and output.resolve() == input_path.resolve():
        raise FileError(labels.text("file.same_output", msg_lang, file=str(output)))
    if output.resolve() == input_path.resolve():
        raise FileError(labels.text("file.same_output", msg_lang, file=str(output)))
    book = read_input(input_path, msg_lang)
    copy_orders = book.orders
    if orders_path is not None:
        book = replace(book, orders=read_orders(orders_path, msg_lang))
        copy_orders = None
    settings, setting_warnings = load_settings(book, lang)
    analysis = run_analysis(book, settings)
    content = BookContent(
        customers=book.customers,
        settings=settings,
        analysis=analysis,
        orders=copy_orders,
        run_time=now or dt.datetime.now(),
    )
    write_workbook(output, content)
    warnings = (*book.warnings, *setting_warnings, *analysis.warnings)
    warnings += output_warnings(content)
    return RunReport(output, analysis, tuple(warnings))


def output_warnings(content: BookContent) -> tuple[str, ...]:
    """What the output holds differently from the input: shortened texts, a capped chart."""
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
