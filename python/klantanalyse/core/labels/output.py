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
    }
)
