"""`klantanalyse analyse` on a macro workbook: the output keeps its VBA project and ribbon."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path

from ..ooxml import package
from ..plan import Target
from ..plan.matrix import CHART_CAPACITY
from ..plan.names import START
from ..plan.start import conf_rows, start_rows
from .read import InputBook


def carry_macros(
    book: InputBook, target: Target, output: Path, lang: str
) -> tuple[Target, Callable[[Path], None] | None]:
    """For an .xlsm input written to an .xlsm: the target with the macro workbook's own
    sheets (Start, xlwings.conf with the input's keys, fixed chart ranges, Ja/Nee lists)
    and a `finish` step for `write_workbook` that copies the input's VBA project and ribbon
    onto the new file unchanged. Anything else: `(target, None)`."""
    if not book.is_macro_workbook or output.suffix.lower() != ".xlsm":
        return target, None
    if package.read_macros(book.path) is None:
        return target, None
    _, code_names = package.code_names(book.path)
    target = dataclasses.replace(
        target,
        start_rows=start_rows(lang) if START in code_names else target.start_rows,
        conf_rows=conf_rows(lang, keys=book.conf_rows)
        if book.conf_rows is not None
        else target.conf_rows,
        chart_capacity=CHART_CAPACITY,
        yes_no_lists=True,
    )

    def finish(tmp: Path) -> None:
        tmp.write_bytes(package.copy_macros(book.path, tmp.read_bytes()))

    return target, finish
