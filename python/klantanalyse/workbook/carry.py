"""`klantanalyse analyse` on a macro workbook: the output keeps its VBA project and ribbon."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path

from ..files.read import InputBook
from ..files.write import BookContent
from ..layout import CHART_CAPACITY, START
from . import package, sheets


def carry_macros(
    book: InputBook, content: BookContent, output: Path
) -> tuple[BookContent, Callable[[Path], None] | None]:
    """For an .xlsm input written to an .xlsm: the content with the macro workbook's own
    sheets (Start, xlwings.conf with the input's keys, fixed chart ranges, Ja/Nee lists)
    and a `finish` step for `write_workbook` that copies the input's VBA project and ribbon
    onto the new file unchanged. Anything else: `(content, None)`."""
    if not book.is_macro_workbook or output.suffix.lower() != ".xlsm":
        return content, None
    if package.read_macros(book.path) is None:
        return content, None
    _, code_names = package.code_names(book.path)
    lang = content.settings.lang
    content = dataclasses.replace(
        content,
        start_rows=sheets.start_rows(lang) if START in code_names else content.start_rows,
        conf_rows=sheets.conf_rows(lang, keys=book.conf_rows)
        if book.conf_rows is not None
        else content.conf_rows,
        chart_capacity=CHART_CAPACITY,
        yes_no_lists=True,
    )

    def finish(tmp: Path) -> None:
        tmp.write_bytes(package.copy_macros(book.path, tmp.read_bytes()))

    return content, finish
