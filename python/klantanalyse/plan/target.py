"""What a plan is made for: a new workbook file, or a workbook updated in place."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

from ..core.tables import SheetTable
from .model import Rows


@dataclass(frozen=True)
class Target:
    """`existing` is None for a new file; for a workbook updated in place (the ribbon, the
    Lite scripts) it holds the current values of its sheets by name (A1 first), so results
    go right of the user's cells and an earlier run's cells are cleared."""

    existing: Mapping[str, Rows] | None = None
    chart_capacity: int | None = None  # fixed chart ranges (macro workbook, updates)
    start_rows: Rows | None = None  # the Start sheet's text; None = no Start sheet
    conf_rows: Rows | None = None  # xlwings.conf key/value rows; None = no such sheet
    yes_no_lists: bool = False  # Ja/Nee drop-downs on the four criteria columns
    run_time: dt.datetime | None = None
    orders: SheetTable | None = None  # the order table written to the file (new files)
    # the VBA project that ends up in the file names the document modules: (the workbook's,
    # {sheet: module}); a sheet it does not name gets none. None: ours (plan.names).
    code_names: tuple[str | None, Mapping[str, str]] | None = None

    @property
    def update(self) -> bool:
        return self.existing is not None

    def values(self, sheet: str) -> Rows:
        """The current values of `sheet` in an updated workbook ([] when it has none)."""
        return list((self.existing or {}).get(sheet) or [])
