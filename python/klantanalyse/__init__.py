"""Klantanalyse: which customers deserve your time (A/B/C segmentation)."""

from .core import Analysis, Rule, Settings, Summary, analyse
from .errors import FileError, InputError, KlantanalyseError, SettingsError

__version__ = "0.1.0"

__all__ = [
    "Analysis",
    "FileError",
    "InputError",
    "KlantanalyseError",
    "Rule",
    "Settings",
    "SettingsError",
    "Summary",
    "analyse",
]
