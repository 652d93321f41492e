"""What a run reports besides its analysis: the warnings about what the output holds
differently from the input, the same for every front that writes a file."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import compress, repeat
from pathlib import Path

import pandas as pd

from ..core import labels
from ..core.analysis import Analysis
from ..core.similarity import AffinityView
from ..core.tables import SheetTable, where
from ..plan import Target
from ..plan.matrix import chart_points, charted_points
from ..plan.names import CUSTOMERS, ORDERS, PROSPECTS, shown_name
from ..plan.values import MAX_CELL_CHARS
from ..run import Reference, Run
from .read import InputBook


@dataclass(frozen=True)
class RunReport:
    """What a run did: where the output is, the analysis, and every warning."""

    output: Path
    analysis: Analysis
    warnings: tuple[str, ...]
    affinity: AffinityView | None = None
    reference: Reference | None = None  # the Peildatum used, when there were orders
    columns: tuple[str, ...] = ()  # which input column feeds which field


def carried_warnings(
    book: InputBook, copy_orders: SheetTable | None, output: Path, lang: str
) -> tuple[str, ...]:
    """What of an input workbook the output does not hold (other sheets, charts, ...)."""
    if book.path.suffix.lower() not in (".xlsx", ".xlsm"):
        return ()
    from .carried import not_carried

    tables = {CUSTOMERS: book.customers, ORDERS: copy_orders, PROSPECTS: book.prospects}
    renamed = {
        table.sheet: shown_name(sheet, lang)
        for sheet, table in tables.items()
        if table is not None and table.sheet and table.path in (None, book.path)
    }
    dropped = not_carried(
        book.data or book.path, output, lang, renamed, book.path, scanned=book.features
    )
    return (dropped,) if dropped else ()


_NO_TEXT = ("floating", "integer", "mixed-integer-float", "boolean", "empty", "datetime", "date")


def long_texts(frame: pd.DataFrame) -> tuple[int, tuple[object, object] | None]:
    """Cells of `frame` longer than MAX_CELL_CHARS: (count, (row label, column) of the first).
    A column of numbers, dates or blanks only is passed over; the longest text of any other
    column is found without a Python step per cell; only a column with a longer one is
    looked at cell by cell."""
    count, first = 0, None
    for pos, column in enumerate(frame.columns):
        values = frame.iloc[:, pos]
        if values.dtype != object or pd.api.types.infer_dtype(values) in _NO_TEXT:
            continue
        cells = values.tolist()
        texts = compress(cells, map(isinstance, cells, repeat(str)))
        if max(map(len, texts), default=0) <= MAX_CELL_CHARS:
            continue
        over = [i for i, v in enumerate(cells) if isinstance(v, str) and len(v) > MAX_CELL_CHARS]
        count += len(over)
        if first is None:
            first = (values.index[over[0]], column)
    return count, first


def output_warnings(done: Run, target: Target) -> tuple[str, ...]:
    """What the output holds differently from the input: shortened texts, a capped chart."""
    lang = done.lang
    found: list[str] = []
    for table in (done.tables.customers, target.orders):
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
    shown, chosen = charted_points(done, target)
    if chosen is not None:
        total = len(chart_points(done))
        found.append(
            labels.text(
                "warn.chart_capped",
                lang,
                count=labels.number(len(shown), lang),
                total=labels.number(total, lang),
                chosen=labels.text(chosen, lang),
            )
        )
    return tuple(found)
