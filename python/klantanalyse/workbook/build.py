"""`klantanalyse workbook`: build klantanalyse.xlsm from templates/, byte for byte the same.

The sheets come from the one file writer (`files.write`), pre-filled with the demo data (or
a client's customers with `data`) and analysed; then the VBA project (templates/vba, the
installed xlwings' own modules, the generated function wrappers) and the ribbon
(templates/ribbon) are added, and the package is written with fixed times and part order.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pandas as pd

from .. import demo
from ..core import labels
from ..core.settings import Settings
from ..errors import FileError
from ..files.guard import same_file
from ..files.limits import check_content, check_inputs
from ..files.read import InputBook, SheetTable, input_changes, read_input
from ..files.report import RunReport, carried_warnings, output_warnings
from ..files.write import write_workbook
from ..ooxml import package
from ..plan import Target, plan_book
from ..plan.matrix import CHART_CAPACITY
from ..plan.names import CUSTOMERS, ORDERS, PROSPECTS, UDF_MODULE
from ..plan.start import conf_rows, start_rows
from ..run import Run, Tables, load_settings, run
from . import vba

DEFAULT_OUTPUT = "klantanalyse.xlsm"


def _sheet_table(sheet: str, frame: pd.DataFrame) -> SheetTable:
    """A table as the reader gives it: index = sheet row numbers (header on row 1)."""
    frame = frame.reset_index(drop=True)
    frame.index = range(2, len(frame) + 2)
    return SheetTable(sheet, 1, frame)


def demo_run(reference_date: dt.date | None = None) -> tuple[Run, Target]:
    """The demo customers and orders, analysed as of the demo's reference date (so the
    workbook does not depend on the day it is built), or as of `reference_date`."""
    data = demo.generate()
    customers = _sheet_table(CUSTOMERS, data.customers)
    orders = _sheet_table(ORDERS, data.orders)
    prospects = _sheet_table(PROSPECTS, data.prospects)
    settings = Settings(reference_date=reference_date or data.reference_date)
    done = run(Tables(customers, orders, prospects, source=Path(DEFAULT_OUTPUT)), settings=settings)
    return done, Target(orders=orders)


def read_and_run(
    path: str | Path, reference_date: dt.date | None = None
) -> tuple[Run, Target, InputBook]:
    """A client's customers (and orders) read and analysed as `klantanalyse analyse` does;
    the book as read as well (the report names what it did not carry, and changes)."""
    book = read_input(path)
    check_inputs(book, load_settings(book.settings_rows)[0].lang)
    done = run(book.tables(), reference_date=reference_date)
    target = Target(orders=book.orders)
    check_content(done, target, book.path)
    return done, target, book


def require_lxml(lang: str = "nl") -> None:
    """Refuse to build without lxml: openpyxl writes other (equally valid) XML bytes
    without it, and the committed workbooks are what a build with lxml gives."""
    from openpyxl.xml import LXML

    if not LXML:
        raise FileError(labels.text("workbook.needs_lxml", lang))


def build(
    output: str | Path = DEFAULT_OUTPUT,
    data: str | Path | None = None,
    udf_module: str = UDF_MODULE,
    reference_date: dt.date | None = None,
) -> Path:
    """Write the macro workbook to `output` (.xlsm); with `data`, pre-filled from that file
    instead of the demo data. Returns the path written."""
    return build_report(output, data, udf_module, reference_date).output


def build_report(
    output: str | Path = DEFAULT_OUTPUT,
    data: str | Path | None = None,
    udf_module: str = UDF_MODULE,
    reference_date: dt.date | None = None,
    now: dt.datetime | None = None,
    udf_server: bool = False,
) -> RunReport:
    """`build`, with what the run found: the report `klantanalyse analyse` gives. A
    workbook pre-filled from `data` has the time of the run on Start; the demo workbook
    has none (it is built byte for byte the same). `udf_server` sets `USE UDF SERVER` on
    xlwings.conf."""
    output = Path(output)
    if output.suffix.lower() != ".xlsm":
        raise FileError(labels.text("workbook.output_suffix", file=str(output)))
    if data is not None and same_file(output, Path(data)):
        raise FileError(labels.text("file.same_output", file=str(output)))
    require_lxml()
    book = None
    if data is not None:
        done, target, book = read_and_run(data, reference_date)
    else:
        done, target = demo_run(reference_date)
    lang = done.lang
    target = dataclasses.replace(
        target,
        start_rows=start_rows(lang),
        conf_rows=conf_rows(lang, udf_module, udf_server=udf_server),
        chart_capacity=CHART_CAPACITY,
        run_time=None if data is None else (now or dt.datetime.now()),
        yes_no_lists=True,
    )
    modules = vba.project_modules(udf_module, lang)
    ribbon = vba.ribbon_xml()

    def finish(tmp: Path) -> None:
        tmp.write_bytes(package.add_macros(tmp.read_bytes(), modules, ribbon, repacked=True))

    path = write_workbook(output, plan_book(done, target), finish, lang)
    return run_report(path, done, target, book)


def run_report(path: Path, done: Run, target: Target, book: InputBook | None) -> RunReport:
    """What `klantanalyse analyse` would report for the workbook built at `path`."""
    lang = done.lang
    warnings = done.warnings + output_warnings(done, target)
    if book is not None:
        warnings += carried_warnings(book, book.orders, path, lang)
        warnings += input_changes(book.customers, book.orders, book.prospects, lang=lang)
    return RunReport(
        path, done.analysis, warnings, done.affinity, done.reference, done.column_lines()
    )
