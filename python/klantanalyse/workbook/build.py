"""`klantanalyse workbook`: build klantanalyse.xlsm from templates/, byte for byte the same.

The sheets come from the one file writer (`files.write`), pre-filled with the demo data (or
a client's customers with `data`) and analysed; then the VBA project (templates/vba, the
installed xlwings' own modules, the generated function wrappers) and the ribbon
(templates/ribbon) are added, and the package is written with fixed times and part order.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pandas as pd

from .. import demo
from ..core import labels
from ..core.settings import Settings
from ..errors import FileError
from ..files.guard import same_file
from ..files.limits import check_content, check_inputs
from ..files.read import SheetTable, read_input
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


def demo_run() -> tuple[Run, Target]:
    """The demo customers and orders, analysed as of the demo's reference date (so the
    workbook does not depend on the day it is built)."""
    data = demo.generate()
    customers = _sheet_table(CUSTOMERS, data.customers)
    orders = _sheet_table(ORDERS, data.orders)
    prospects = _sheet_table(PROSPECTS, data.prospects)
    settings = Settings(reference_date=data.reference_date)
    done = run(Tables(customers, orders, prospects, source=Path(DEFAULT_OUTPUT)), settings=settings)
    return done, Target(orders=orders)


def file_run(path: str | Path) -> tuple[Run, Target]:
    """A client's customers (and orders) read and analysed as `klantanalyse analyse` does."""
    book = read_input(path)
    check_inputs(book, load_settings(book.settings_rows)[0].lang)
    done, target = run(book.tables()), Target(orders=book.orders)
    check_content(done, target, book.path)
    return done, target


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
) -> Path:
    """Write the macro workbook to `output` (.xlsm); with `data`, pre-filled from that file
    instead of the demo data. Returns the path written."""
    output = Path(output)
    if output.suffix.lower() != ".xlsm":
        raise FileError(labels.text("workbook.output_suffix", file=str(output)))
    if data is not None and same_file(output, Path(data)):
        raise FileError(labels.text("file.same_output", file=str(output)))
    require_lxml()
    done, target = file_run(data) if data is not None else demo_run()
    lang = done.lang
    target = dataclasses.replace(
        target,
        start_rows=start_rows(lang),
        conf_rows=conf_rows(lang, udf_module),
        chart_capacity=CHART_CAPACITY,
        run_time=None,
        yes_no_lists=True,
    )
    modules = vba.project_modules(udf_module, lang)
    ribbon = vba.ribbon_xml()

    def finish(tmp: Path) -> None:
        tmp.write_bytes(package.repack(package.add_macros(tmp.read_bytes(), modules, ribbon)))

    return write_workbook(output, plan_book(done, target), finish, lang)
