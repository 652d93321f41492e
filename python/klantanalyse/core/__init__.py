"""The pure analysis core: pandas in, pandas out. No files, no Excel."""

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
