"""Texts about an output's place and size: a file open elsewhere, Excel's sheet limits."""

from __future__ import annotations

from .base import (
    TEXTS,
)

TEXTS.update(
    {
        "warn.open_elsewhere": (
            "'{file}' lijkt geopend in een ander programma ('{lock}' staat ernaast): de nieuwe "
            "analyse is geschreven, maar dat programma toont nog de oude en zet die terug als "
            "u daar opslaat; sluit het bestand daar zonder op te slaan en open het opnieuw.",
            "'{file}' seems to be open in another program ('{lock}' is next to it): the new "
            "analysis was written, but that program still shows the old one and puts it back "
            "if you save there; close the file there without saving and open it again.",
        ),
        # Excel's sheet limits (files/limits.py)
        "err.too_many_rows": (
            "{place}: {count} {items} passen niet op één blad in Excel, dat onder de kop "
            "hoogstens {limit} rijen heeft; verdeel ze over meer bestanden.",
            "{place}: {count} {items} do not fit on one Excel sheet, which holds at most "
            "{limit} rows below the header; divide them over more files.",
        ),
        "err.too_many_columns": (
            "{place} heeft {inputs} kolommen; met de {results} kolommen van de analyse erbij "
            "zijn dat er meer dan de {limit} (tot kolom XFD) die één blad in Excel heeft; laat "
            "overbodige kolommen weg.",
            "{place} has {inputs} columns; with the {results} columns of the analysis added "
            "that is more than the {limit} (up to column XFD) that one Excel sheet has; leave "
            "out unneeded columns.",
        ),
        "limit.customers": ("klanten", "customers"),
        "limit.prospects": ("prospects", "prospects"),
        "limit.orders": ("orderregels", "order lines"),
    }
)
