"""Klantanalyse: which customers deserve your time (A/B/C segmentation).

The analysis (and pandas with it) is imported on first use of one of its names, so that
the command line answers `--help` and argument errors without loading it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .errors import FileError, InputError, KlantanalyseError, OrderError, SettingsError

if TYPE_CHECKING:
    from .core import Analysis, Rule, Settings, Summary, analyse

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

_CORE_NAMES = frozenset({"Analysis", "Rule", "Settings", "Summary", "analyse"})


def __getattr__(name: str) -> object:
    if name in _CORE_NAMES:
        from . import core

        return getattr(core, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
