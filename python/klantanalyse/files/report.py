"""What a run reports besides its analysis: the warnings about what the output holds
differently from the input, the same for every front that writes a file."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import compress, repeat
from pathlib import Path

import numpy as np
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

try:  # pandas' own C loop over an object array (internal: the plain loop when it is gone)
    from pandas._libs.writers import max_len_string_array as _max_text_length
except ImportError:  # pragma: no cover
    _max_text_length = None


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


def _longest_text(cells: np.ndarray) -> int:
    """The length of the longest text among `cells` (an object array), in one C loop where
    pandas offers it (a bytes cell counts too: an upper bound, never less)."""
    if _max_text_length is not None:  # (it takes a writable array only)
        return int(_max_text_length(cells if cells.flags.writeable else cells.copy()))
    texts = compress(cells, map(isinstance, cells, repeat(str)))
    return max(map(len, texts), default=0)


def long_texts(frame: pd.DataFrame) -> tuple[int, tuple[object, object] | None]:
    """Cells of `frame` longer than MAX_CELL_CHARS: (count, (row label, column) of the first).
    The longest text of each column is found without a Python step per cell; only a
    column with a longer one is looked at cell by cell."""
    count, first = 0, None
    for pos, column in enumerate(frame.columns):
        values = frame.iloc[:, pos]
        if values.dtype != object:
            continue
        cells = values.to_numpy()
        if _longest_text(cells) <= MAX_CELL_CHARS:
            continue
        over = [i for i, v in enumerate(cells) if isinstance(v, str) and len(v) > MAX_CELL_CHARS]
        if not over:
            continue
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
