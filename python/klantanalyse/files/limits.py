"""Excel's fixed sheet limits, and what the writer does to stay within them."""

from __future__ import annotations

MAX_ROWS = 1_048_576  # rows of a sheet: row 1 holds the headers
MAX_COLUMNS = 16_384  # columns of a sheet: A to XFD
MAX_ROW_HEIGHT = 409.5  # points: Excel refuses (repairs) a taller row


def capped_row_height(height: float | None) -> float | None:
    """`height` (points, None = the default) within what Excel accepts."""
    if height is None:
        return None
    return min(float(height), MAX_ROW_HEIGHT)
