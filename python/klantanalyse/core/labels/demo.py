"""Texts of the demo data generator."""

from __future__ import annotations

from .base import (
    HEADERS,
    TEXTS,
)

# --- demo data (klantanalyse.demo): prospect list headers and the generator's messages ---
HEADERS.setdefault("prospect", ("Prospect", "Prospect"))
TEXTS.update(
    {
        "demo.help": (
            "Schrijf de voorbeelddata (klanten.csv, orders.csv, prospects.csv) in een map.",
            "Write the demo data (klanten.csv, orders.csv, prospects.csv) into a folder.",
        ),
        "demo.help_dir": (
            "doelmap (standaard templates/demo)",
            "target folder (default templates/demo)",
        ),
        "demo.written": ("Geschreven: {path}", "Written: {path}"),
        "demo.err_write": (
            "de map '{path}' kan niet worden geschreven ({reason}); kies een andere map.",
            "the folder '{path}' cannot be written ({reason}); choose another folder.",
        ),
    }
)
