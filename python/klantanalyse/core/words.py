"""Names compared as a reader means them, and where a table was read: plain text, no pandas
(the file checks that run before pandas is loaded use them too)."""

from __future__ import annotations

import re
import unicodedata
from pathlib import PurePath

from . import labels

_NON_ALNUM = re.compile(r"[^0-9a-z]+")


def normalise(name: object) -> str:
    """Header key: lower case, no accents, spaces or punctuation (`Brutomarge %` -> brutomarge)."""
    if name is None:
        return ""
    decomposed = unicodedata.normalize("NFKD", str(name))
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _NON_ALNUM.sub("", plain.lower())


def where(path: PurePath, sheet: str | None, lang: str) -> str:
    """'klanten.xlsx, blad Klanten' or 'klanten.csv'."""
    if sheet is None:
        return path.name
    return labels.text("loc.sheet", lang, file=path.name, sheet=sheet)
