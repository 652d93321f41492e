"""Klantanalyse: which customers deserve your time (A/B/C segmentation)."""

from .core import Analysis, Rule, Settings, Summary, analyse
from .errors import FileError, InputError, KlantanalyseError, OrderError, SettingsError

__version__ = "0.1.0"

__all__ = [
    "Analysis",
    "FileError",
    "InputError",
    "KlantanalyseError",
    "OrderError",
    "Rule",
    "Settings",
    "SettingsError",
    "Summary",
    "analyse",
]
