"""Header matching and value parsing: Ja/Nee answers, amounts, dates."""

from __future__ import annotations

import datetime as dt
import math
import re
import unicodedata
from collections.abc import Iterable

from .labels import ALIASES, HEADERS

_NON_ALNUM = re.compile(r"[^0-9a-z]+")


def normalise(name: object) -> str:
    """Header key: lower case, no accents, spaces or punctuation (`Brutomarge %` -> brutomarge)."""
    if name is None:
        return ""
    decomposed = unicodedata.normalize("NFKD", str(name))
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _NON_ALNUM.sub("", plain.lower())


def _lookup(keys: Iterable[str]) -> dict[str, str]:
    table: dict[str, str] = {}
    for key in keys:
        for name in (*HEADERS[key], *ALIASES.get(key, ())):
            table.setdefault(normalise(name), key)
    return table


def match_headers(headers: Iterable[object], keys: Iterable[str]) -> dict[str, int]:
    """Map canonical keys to column positions. The first matching column wins.

    Returns {key: position}; duplicates are reported by `duplicate_headers`.
    """
    table = _lookup(keys)
    found: dict[str, int] = {}
    for pos, name in enumerate(headers):
        key = table.get(normalise(name))
        if key is not None and key not in found:
            found[key] = pos
    return found


def duplicate_headers(headers: Iterable[object], keys: Iterable[str]) -> dict[str, list[int]]:
    """Keys that more than one column maps to: {key: [positions]}."""
    table = _lookup(keys)
    seen: dict[str, list[int]] = {}
    for pos, name in enumerate(headers):
        key = table.get(normalise(name))
        if key is not None:
            seen.setdefault(key, []).append(pos)
    return {k: v for k, v in seen.items() if len(v) > 1}


def is_blank(value: object) -> bool:
    """None, NaN, NaT, pandas NA or a string of only white space."""
    if value is None:
        return True
    if isinstance(value, str):
        return value.strip() == ""
    if isinstance(value, float):
        return math.isnan(value)
    try:
        import pandas as pd

        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


_YES = {"ja", "j", "yes", "y", "x", "1", "waar", "true", "wahr", "vrai", "v", "ok"}
_NO = {"nee", "n", "no", "0", "onwaar", "false", "-"}


def parse_yes_no(value: object) -> bool | None:
    """True/False for an answer, None for blank; ValueError for anything else."""
    if is_blank(value):
        return None
    if isinstance(value, bool):
        return value
    if isinstance(value, (int, float)):
        if value == 1:
            return True
        if value == 0:
            return False
        raise ValueError(value)
    word = normalise(value) if not str(value).strip() == "-" else "-"
    if word in _YES:
        return True
    if word in _NO:
        return False
    raise ValueError(value)


_CURRENCY = re.compile(r"(eur|euro|usd|gbp|€|\$|£)", re.IGNORECASE)
_SPACES = re.compile(r"[\s\u00a0\u202f']")


def parse_amount(value: object) -> float | None:
    """A number from a cell: 12500, '€ 12.500,00', '1,234.56', '12 500', '25%'. None if blank.

    Raises ValueError when the text is not an amount. A single separator followed by
    exactly three digits is read as a thousands separator ('12.500' = 12500).
    """
    if is_blank(value):
        return None
    if isinstance(value, bool):
        raise ValueError(value)
    if isinstance(value, (int, float)):
        number = float(value)
        if math.isinf(number):
            raise ValueError(value)
        return number
    text = _SPACES.sub("", _CURRENCY.sub("", str(value))).rstrip("%")
    negative = False
    if text.startswith("(") and text.endswith(")"):
        negative, text = True, text[1:-1]
    if text.startswith("-"):
        negative, text = not negative, text[1:]
    elif text.startswith("+"):
        text = text[1:]
    if text.endswith("-"):  # Dutch bookkeeping style: 12,-
        text = text[:-1]
        if text.endswith(","):
            text = text[:-1]
    if not text or not re.fullmatch(r"[0-9.,]+", text) or not re.search(r"[0-9]", text):
        raise ValueError(value)
    dots, commas = text.count("."), text.count(",")
    if dots and commas:
        decimal = "." if text.rfind(".") > text.rfind(",") else ","
        thousands = "," if decimal == "." else "."
        if text.count(decimal) > 1:
            raise ValueError(value)
        text = text.replace(thousands, "").replace(decimal, ".")
    elif dots or commas:
        sep = "." if dots else ","
        parts = text.split(sep)
        if len(parts) > 2 or (len(parts[-1]) == 3 and parts[0] not in ("", "0")):
            # thousands separators only: every group after the first has three digits
            if not all(len(p) == 3 for p in parts[1:]) or not parts[0]:
                raise ValueError(value)
            text = "".join(parts)
        else:
            text = text.replace(sep, ".")
    number = float(text)
    return -number if negative else number


_DATE_FORMATS = (
    "%Y-%m-%d",
    "%d-%m-%Y",
    "%d/%m/%Y",
    "%d.%m.%Y",
    "%Y/%m/%d",
    "%d-%m-%y",
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%dT%H:%M:%S",
    "%d-%m-%Y %H:%M",
    "%d-%m-%Y %H:%M:%S",
)
_EXCEL_EPOCH = dt.datetime(1899, 12, 30)


def parse_date(value: object) -> dt.datetime | None:
    """A date from a cell: datetime, Excel serial number, ISO text or Dutch dd-mm-jjjj."""
    if is_blank(value):
        return None
    if isinstance(value, dt.datetime):
        return value
    if isinstance(value, dt.date):
        return dt.datetime(value.year, value.month, value.day)
    if isinstance(value, bool):
        raise ValueError(value)
    if isinstance(value, (int, float)):
        if 1 <= value < 2958466:
            return _EXCEL_EPOCH + dt.timedelta(days=float(value))
        raise ValueError(value)
    text = str(value).strip()
    for fmt in _DATE_FORMATS:
        try:
            return dt.datetime.strptime(text, fmt)
        except ValueError:
            continue
    raise ValueError(value)
