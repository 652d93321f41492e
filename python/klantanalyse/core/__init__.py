"""The pure analysis core: pandas in, pandas out. No files, no Excel."""

from .analysis import Analysis, SegmentLine, Summary, analyse
from .settings import Rule, Settings

__all__ = ["Analysis", "Rule", "SegmentLine", "Settings", "Summary", "analyse"]
