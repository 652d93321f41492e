"""Read an input file, analyse it, write the result workbook: what `klantanalyse analyse` does."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from .collector import collector_paused
from .core import labels
from .errors import FileError
from .files.ahead import ReadAhead
from .files.guard import same_file
from .files.limits import check_content, check_inputs
from .files.outfile import OUTPUT_SUFFIXES, default_output, open_elsewhere_warnings
from .files.read import (
    input_changes,
    read_input,
    read_orders,
    read_prospects,
)
from .files.report import RunReport, carried_warnings, output_warnings
from .plan import Target, plan_book
from .run import load_settings, run
from .workbook.carry import carry_macros


@collector_paused()
def analyse_file(
    input_path: str | Path,
    output_path: str | Path | None = None,
    lang: str | None = None,
    now: dt.datetime | None = None,
    orders_path: str | Path | None = None,
    prospects_path: str | Path | None = None,
    keep_macros: bool = False,
    reference_date: dt.date | None = None,
    progress: Callable[[str], None] | None = None,
    ahead: ReadAhead | None = None,
) -> RunReport:
    """Analyse INPUT (and an optional order file) into a new workbook; inputs are never written.

    Orders from the input workbook's own Orders sheet are copied into the output; orders
    from a separate file are analysed but not copied (the output stays small). Prospects
    (the input's Prospects sheet, or `prospects_path`) are scored and written to the output.
    `reference_date` overrides the Peildatum (else the Instellingen cell, else the last
    order date).
    `progress(step)` hears of each step as it begins (see `klantanalyse.progress`).
    `ahead`: the input, when the caller began reading it earlier (see `files.ahead`).
    """
    say = progress or (lambda _step: None)
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
    say("read")
    book = read_input(input_path, msg_lang, ahead)
    copy_orders = book.orders
    if orders_path is not None:
        book = replace(book, orders=read_orders(orders_path, msg_lang))
        copy_orders = None
    if prospects_path is not None:
        book = replace(book, prospects=read_prospects(prospects_path, msg_lang))
    run_lang = load_settings(book.settings_rows, lang)[0].lang
    check_inputs(book, run_lang)  # before the analysis: what cannot fit on a sheet
    target = Target(run_time=now or dt.datetime.now(), orders=copy_orders)
    # an .xlsm output: our VBA and ribbon, or the input's only with keep_macros
    target, finish, macro_warnings = carry_macros(book, target, output, run_lang, keep_macros)
    book = replace(book, warnings=(*book.warnings, *macro_warnings))
    done = run(book.tables(), lang, reference_date=reference_date, progress=say)
    check_content(done, target, input_path)  # with the actual result columns
    from .files.write import write_workbook  # openpyxl only where a file is written

    say("write")
    write_workbook(output, plan_book(done, target), finish, done.lang)
    say("finish")
    warnings = done.warnings + output_warnings(done, target)
    warnings += open_elsewhere_warnings(output, done.lang)
    warnings += carried_warnings(book, copy_orders, output, done.lang)
    warnings += input_changes(book.customers, book.orders, book.prospects, lang=done.lang)
    return RunReport(
        output, done.analysis, tuple(warnings), done.affinity, done.reference, done.column_lines()
    )
