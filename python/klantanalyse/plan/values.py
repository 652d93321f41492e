"""Plain values and sizes for the plan: NaN is blank, numpy scalars are Python values."""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
import pandas as pd

MAX_CELL_CHARS = 32_767  # Excel's limit of characters in a cell
LINE_HEIGHT = 15.0  # points per line of 11 pt text
MAX_ROW_HEIGHT = 409.5  # Excel's largest row height


def clean(value: object) -> object:
    """Plain Python values for writers: NaN/NA -> None, numpy scalars -> Python."""
    if value is None:
        return None
    if isinstance(value, float) and value != value:
        return None
    if isinstance(value, np.generic):
        value = value.item()
        if isinstance(value, float) and value != value:
            return None
        return value
    if value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, pd.Timestamp):
        return value.to_pydatetime()
    return value


def clean_list(values: Sequence[object]) -> list[object]:
    """`clean` of each value; texts and plain floats (the common cells) pass as they are."""
    kinds = set(map(type, values))
    if kinds <= {str, type(None)}:  # texts and blanks: as they are
        return list(values)
    if kinds == {float} and not any(map(math.isnan, values)):
        return list(values)
    return [v if type(v) is str or (type(v) is float and v == v) else clean(v) for v in values]


def column_width(name: str, column: pd.Series | None) -> float:
    """Characters to show a header and the first 200 values, between 8 and 45."""
    longest = len(name)
    if column is not None and len(column):
        sample = column.iloc[:200]
        longest = max([longest] + [len(str(v)) for v in sample.tolist() if v is not None])
    return float(min(max(longest + 2, 8), 45))


def wrapped_height(texts: Sequence[object], widths: Sequence[float]) -> float | None:
    """The row height that shows wrapped `texts` in columns of `widths` whole; None for one
    line. Excel and LibreOffice do not grow rows of a generated file by themselves."""
    lines = 1
    for text, width in zip(texts, widths, strict=False):
        if isinstance(text, str) and text:
            per_line = max(width * 1.3 - 4, 8)  # prose is narrower than '0'; wrapping wastes
            lines = max(lines, -(-len(text) // int(per_line)))
    return min(LINE_HEIGHT * lines, MAX_ROW_HEIGHT) if lines > 1 else None
