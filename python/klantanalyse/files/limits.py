"""Excel's fixed sheet limits: a table that does not fit on a sheet is refused.

A table that does not fit on a sheet (more rows than Excel's last row, or its columns and
the result columns past column XFD) is refused with one sentence: `check_inputs` before
the analysis runs, on what is certain by then, and `check_content` before the workbook is
written, with the analysis' own result columns and the customers it added.
"""

from __future__ import annotations

from pathlib import Path

from ..core import labels
from ..core.a1 import MAX_COLUMNS, MAX_ROWS
from ..core.tables import SheetTable, where
from ..errors import InputError
from ..plan import Target
from ..plan.affinity import PROSPECT_RESULT_KEYS
from ..run import Run
from .read import InputBook


def check_sheet_size(
    place: str, rows: int, inputs: int, results: int, noun: str, lang: str
) -> None:
    """Refuse a table of `rows` data rows (`noun`: a label key, 'limit.customers') and
    `inputs` + `results` columns that does not fit on one sheet below its header row."""
    if rows > MAX_ROWS - 1:
        raise InputError(
            labels.text(
                "err.too_many_rows",
                lang,
                place=place,
                count=labels.number(rows, lang),
                items=labels.text(noun, lang),
                limit=labels.number(MAX_ROWS - 1, lang),
            )
        )
    if inputs + results > MAX_COLUMNS:
        raise InputError(
            labels.text(
                "err.too_many_columns",
                lang,
                place=place,
                inputs=labels.number(inputs, lang),
                results=labels.number(results, lang),
                limit=labels.number(MAX_COLUMNS, lang),
            )
        )


def check_inputs(book: InputBook, lang: str) -> None:
    """Before the analysis: the customers (with at least the base result columns) and the
    prospects (with their two score columns) must fit on their sheets."""
    customers, prospects = book.customers, book.prospects
    base = len(labels.RESULT_KEYS)
    _check(customers, len(customers.frame), base, book.path, lang, "limit.customers")
    if prospects is not None:
        _check(
            prospects, len(prospects.frame), _prospect_results(), book.path, lang, "limit.prospects"
        )


def check_content(done: Run, target: Target, path: Path) -> None:
    """Before writing the workbook of `done` (read from `path`): every table with the
    columns and rows it will have on its sheet."""
    lang = done.lang
    customers = done.tables.customers
    results = len(done.analysis.result_keys)
    _check(customers, len(done.analysis.results), results, path, lang, "limit.customers")
    prospects = done.tables.prospects
    if prospects is not None:
        _check(prospects, len(prospects.frame), _prospect_results(), path, lang, "limit.prospects")
    if target.orders is not None:
        _check(target.orders, len(target.orders.frame), 0, path, lang, "limit.orders")


def _check(table: SheetTable, rows: int, results: int, path: Path, lang: str, noun: str) -> None:
    place = where(table.path or path, table.sheet, lang)
    check_sheet_size(place, rows, table.frame.shape[1], results, noun, lang)


def _prospect_results() -> int:
    return len(PROSPECT_RESULT_KEYS)
