"""Texts of the progress a long run shows while it runs (command line and status bar)."""

from __future__ import annotations

from .base import (
    TEXTS,
)

TEXTS.update(
    {
        "progress.read": ("invoer lezen", "reading the input"),
        "progress.analyse": ("klanten analyseren", "analysing the customers"),
        "progress.affinity": ("verwantschap berekenen", "working out the affinity"),
        "progress.actions": ("actielijst maken", "making the action list"),
        "progress.write": ("werkmap schrijven", "writing the workbook"),
        "progress.finish": ("uitvoer controleren", "checking the output"),
        "progress.render": ("resultaten in de werkmap zetten", "putting the results in place"),
        "progress.line": (
            "Klantanalyse: {step}... {seconds} s",
            "Klantanalyse: {step}... {seconds} s",
        ),
        "progress.plain": ("Klantanalyse: {step}...", "Klantanalyse: {step}..."),
        "progress.status": ("Klantanalyse: bezig met {step}...", "Klantanalyse: {step}..."),
    }
)
