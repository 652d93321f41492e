"""The pure analysis core: pandas in, pandas out. No files, no Excel.

Its names are imported on first use (`from klantanalyse.core import labels` loads the
texts alone, without pandas).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .analysis import Analysis, SegmentLine, Summary, analyse
    from .history import OrderHistory, order_history
    from .portfolio import PortfolioView
    from .settings import Rule, Settings

__all__ = [
    "Analysis",
    "OrderHistory",
    "PortfolioView",
    "Rule",
    "SegmentLine",
    "Settings",
    "Summary",
    "analyse",
    "order_history",
]

_MODULES = {
    "Analysis": "analysis",
    "SegmentLine": "analysis",
    "Summary": "analysis",
    "analyse": "analysis",
    "OrderHistory": "history",
    "order_history": "history",
    "PortfolioView": "portfolio",
    "Rule": "settings",
    "Settings": "settings",
}


def __getattr__(name: str) -> object:
    module = _MODULES.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value
