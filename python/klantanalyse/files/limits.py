"""Excel's fixed sheet limits, and what the writer does to stay within them.

A table that does not fit on a sheet (more rows than Excel's last row, or its columns and
the result columns past column XFD) is refused with one sentence: `check_inputs` before
the analysis runs, on what is certain by then, and `check_content` before the workbook is
written, with the analysis' own result columns and the customers it added.
"""

from __future__ import annotations

from pathlib import Path

from ..core import labels
from ..errors import InputError
from .read import InputBook, SheetTable, where

MAX_ROWS = 1_048_576  # rows of a sheet: row 1 holds the headers
MAX_COLUMNS = 16_384  # columns of a sheet: A to XFD
MAX_ROW_HEIGHT = 409.5  # points: Excel refuses (repairs) a taller row


def capped_row_height(height: float | None) -> float | None:
    """`height` (points, None = the default) within what Excel accepts."""
    if height is None:
        return None
    return min(float(height), MAX_ROW_HEIGHT)


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


def check_content(content, path: Path, lang: str) -> None:
    """Before writing `content` (a write.BookContent read from `path`): every table with
    the columns and rows it will have on its sheet."""
    analysis, customers = content.analysis, content.customers
    rows = len(analysis.results) if analysis is not None else len(customers.frame)
    results = len(analysis.result_keys) if analysis is not None else 0
    _check(customers, rows, results, path, lang, "limit.customers")
    if content.prospects is not None:
        prospects = content.prospects
        _check(prospects, len(prospects.frame), _prospect_results(), path, lang, "limit.prospects")
    if content.orders is not None:
        _check(content.orders, len(content.orders.frame), 0, path, lang, "limit.orders")


def _check(table: SheetTable, rows: int, results: int, path: Path, lang: str, noun: str) -> None:
    place = where(table.path or path, table.sheet, lang)
    check_sheet_size(place, rows, table.frame.shape[1], results, noun, lang)


def _prospect_results() -> int:
    from ..layout import PROSPECT_RESULT_KEYS

    return len(PROSPECT_RESULT_KEYS)
