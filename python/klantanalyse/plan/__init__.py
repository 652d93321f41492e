"""The workbook plan of a run: every sheet's blocks with their formats and colours, built
once and rendered by every front (see `model` for what a plan holds)."""

from .build import plan_book, plan_clear
from .model import BookPlan, SheetPlan
from .target import Target

__all__ = ["BookPlan", "SheetPlan", "Target", "plan_book", "plan_clear"]
