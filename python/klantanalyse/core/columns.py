"""Header matching and value parsing: Ja/Nee answers, amounts, dates."""

from __future__ import annotations

import datetime as dt
import math
import re
import unicodedata
from collections.abc import Callable, Iterable

import numpy as np
import pandas as pd

from .a1 import column_letter
from .labels import ALIASES, ANSWER_WORDS, HEADERS

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

    Returns {key: position}; duplicates are reported by `first_duplicate`.
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


_WHOLE_NUMBER_TEXT = re.compile(r"^(\d+)\.0+$")


def _nfc(text: str) -> str:
    """One spelling for one name: 'Café' typed as e + accent is the same as with é."""
    return (
        text
        if text.isascii() or unicodedata.is_normalized("NFC", text)
        else (unicodedata.normalize("NFC", text))
    )


def name_text(value: object) -> str | None:
    """The text of a customer name or number cell: 17850.0 and '17850.0' become '17850';
    accented letters in one (composed) form, so the two ways of typing 'é' are one name."""
    if type(value) is str:  # the common case, first
        text = _nfc(value.strip())
        if text.endswith("0") and "." in text:
            whole = _WHOLE_NUMBER_TEXT.match(text)
            return whole.group(1) if whole else text
        return text or None
    if is_blank(value):
        return None
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    text = str(value).strip()
    whole = _WHOLE_NUMBER_TEXT.match(text)
    return whole.group(1) if whole else (text or None)


def name_texts(values: list) -> list[str | None]:
    """`name_text` of each cell of a column; plain names at the speed of a list comprehension."""
    texts = [_nfc(v.strip()) if type(v) is str else v for v in values]
    return [
        t if type(t) is str and t and not (t[-1] == "0" and "." in t) else name_text(t)
        for t in texts
    ]


def first_duplicate(headers: Iterable[object], keys: Iterable[str]) -> tuple[str, str] | None:
    """(key, 'C, D') for the first key that more than one column maps to, else None."""
    dupes = duplicate_headers(headers, keys)
    if not dupes:
        return None
    key, positions = next(iter(dupes.items()))
    return key, ", ".join(_letters(p) for p in positions)


def _letters(position: int) -> str:
    """0-based column position -> letters: 0 -> A, 26 -> AA."""
    return column_letter(position + 1)


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


_YES = ANSWER_WORDS[True]
_NO = ANSWER_WORDS[False]


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


# Amounts from a quadrillion up are not amounts (400 typed digits would become infinity).
MAX_AMOUNT = 1e15


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
        try:
            number = float(value)
        except OverflowError as exc:  # an int beyond any float
            raise ValueError(value) from exc
        if not abs(number) < MAX_AMOUNT and not math.isnan(number):
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
    if not number < MAX_AMOUNT:
        raise ValueError(value)
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
    "%d/%m/%Y %H:%M",
    "%d/%m/%Y %H:%M:%S",
)
# A column of slash dates written month first (an American export: 12/31/2024 8:26) is
# read month first as a whole; see `_month_first`.
_DAY_FIRST_SLASH = ("%d/%m/%Y", "%d/%m/%Y %H:%M", "%d/%m/%Y %H:%M:%S")
_MONTH_FIRST_SLASH = ("%m/%d/%Y", "%m/%d/%Y %H:%M", "%m/%d/%Y %H:%M:%S", "%m/%d/%y")
_SLASH_PARTS = r"^\s*(\d{1,2})/(\d{1,2})/\d{2,4}\b"
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
    named = _month_name_date(text)
    if named is not None:
        return named
    raise ValueError(value)


# Dates with the month as a word, Dutch or English: '15 maart 2024', '15-mrt-2024',
# '15 Mar 2024', 'March 15, 2024'.
_MONTH_WORDS = (
    "januari februari maart april mei juni juli augustus september oktober november december",
    "january february march april may june july august september october november december",
    "jan feb mrt apr mei jun jul aug sep okt nov dec",
    "jan feb mar apr may jun jul aug sept oct nov dec",
)
_MONTHS = {word: i for words in _MONTH_WORDS for i, word in enumerate(words.split(), start=1)}
_DAY_MONTH_YEAR = re.compile(r"(\d{1,2})[\s./-]*([a-z]+)\.?[\s./-]*(\d{4})")
_MONTH_DAY_YEAR = re.compile(r"([a-z]+)\.?\s+(\d{1,2}),?\s+(\d{4})")


def _month_name_date(text: str) -> dt.datetime | None:
    """A date written with the month as a word, else None."""
    plain = text.lower()
    found = _DAY_MONTH_YEAR.fullmatch(plain)
    if found:
        day, month, year = found.group(1), found.group(2), found.group(3)
    else:
        found = _MONTH_DAY_YEAR.fullmatch(plain)
        if not found:
            return None
        month, day, year = found.group(1), found.group(2), found.group(3)
    if month not in _MONTHS:
        return None
    try:
        return dt.datetime(int(year), _MONTHS[month], int(day))
    except ValueError:
        return None


# ---- vectorised column parsing (order history) ------------------------------------------
# Whole-column versions of parse_amount / parse_date for tables with many rows: the common
# cases go through pandas in one call, only the leftovers are parsed value by value.


def factorize_cells(series: pd.Series) -> tuple[np.ndarray, pd.Index]:
    """`pd.factorize` of a column (blank -> code −1); text columns go through a plain object
    array, which hashes about twice as fast as pandas' string array."""
    if pd.api.types.is_string_dtype(series.dtype) and series.dtype != object:
        codes, uniques = pd.factorize(series.to_numpy(dtype=object))
        return codes, pd.Index(uniques, dtype=object)
    return pd.factorize(series)


def _per_unique(
    series: pd.Series, parse: Callable[[object], object], fill: object
) -> tuple[list[object], np.ndarray, np.ndarray]:
    """Parse each distinct value once: (parsed uniques, codes, bad-unique flags)."""
    codes, uniques = factorize_cells(series)
    parsed: list[object] = []
    bad = np.zeros(len(uniques), dtype=bool)
    for i, value in enumerate(uniques.tolist() if hasattr(uniques, "tolist") else uniques):
        try:
            result = parse(value)
        except (ValueError, TypeError, OverflowError):
            result, bad[i] = fill, True
        parsed.append(fill if result is None else result)
    return parsed, codes, bad


def parse_amount_column(series: pd.Series) -> tuple[pd.Series, pd.Series]:
    """Amounts for a whole column: (float values, mask of unparseable cells).

    Blank cells become NaN and are not flagged. Numbers pass straight through; text follows
    `parse_amount` (so '12.500' is twelve thousand five hundred), parsed once per distinct text.
    """
    index = series.index
    if pd.api.types.is_bool_dtype(series.dtype):
        bad = series.notna().to_numpy(dtype=bool)
        return pd.Series(np.nan, index=index), pd.Series(bad, index=index)
    if pd.api.types.is_numeric_dtype(series.dtype):
        values = series.to_numpy(dtype=float, na_value=np.nan)
        with np.errstate(invalid="ignore"):
            bad = np.isinf(values) | (np.abs(values) >= MAX_AMOUNT)
        values = np.where(bad, np.nan, values)
        return pd.Series(values, index=index), pd.Series(bad, index=index)
    parsed, codes, bad_unique = _per_unique(series, parse_amount, np.nan)
    lookup = np.append(np.asarray(parsed, dtype=float), np.nan)
    values = lookup[codes]  # code -1 (blank) takes the appended NaN
    bad = np.append(bad_unique, False)[codes]
    return pd.Series(values, index=index), pd.Series(bad, index=index)


def _date_format_order(texts: pd.Series) -> list[str]:
    """The date formats, the one that fits the first filled value first; month first for
    slash dates when the column is written that way."""
    formats = list(_DATE_FORMATS)
    if _month_first(texts):
        formats = [f for f in formats if f not in _DAY_FIRST_SLASH] + list(_MONTH_FIRST_SLASH)
    sample = texts.iloc[0].strip() if len(texts) else ""
    first = []
    for fmt in formats:
        try:
            dt.datetime.strptime(sample, fmt)
        except ValueError:
            continue
        first.append(fmt)
        break
    return first + [f for f in formats if f not in first]


def _month_first(texts: pd.Series) -> bool:
    """True when the column's slash dates are written month first: some have a second
    number above 12 (11/22/2016) and none a first one above 12. Without such a date
    (every day 12 or less) they are read day first, as Dutch dates."""
    parts = texts.str.extract(_SLASH_PARTS)
    if parts[0].isna().all():
        return False
    first = pd.to_numeric(parts[0], errors="coerce")
    second = pd.to_numeric(parts[1], errors="coerce")
    return bool((second > 12).any() and not (first > 12).any())


def parse_date_column(series: pd.Series) -> tuple[pd.Series, pd.Series]:
    """Dates for a whole column: (datetime64 values, mask of unparseable cells).

    Handles datetime columns, Excel serial numbers, ISO text and Dutch dd-mm-jjjj like
    `parse_date`. Other columns are factorised first, so each distinct cell is parsed once:
    real dates in one `pd.to_datetime` call, text with `pd.to_datetime` and explicit formats
    (one format at a time on what is still unparsed), only the leftovers value by value.
    Blank cells become NaT and are not flagged.
    """
    index = series.index
    if isinstance(series.dtype, pd.DatetimeTZDtype):
        series = series.dt.tz_localize(None)
    if pd.api.types.is_datetime64_any_dtype(series.dtype):
        dates = series.astype("datetime64[ns]")
        early = (dates < _FIRST_DATE).to_numpy(dtype=bool)
        return dates.where(~early), pd.Series(early, index=index)
    if pd.api.types.is_numeric_dtype(series.dtype) and not pd.api.types.is_bool_dtype(series.dtype):
        values = series.to_numpy(dtype=float, na_value=np.nan)
        dates, bad = _serial_dates(values)
        return pd.Series(dates, index=index), pd.Series(bad, index=index)
    codes, uniques = factorize_cells(series)
    dates, bad = _parse_distinct_dates(np.asarray(uniques, dtype=object))
    dates = np.append(dates, np.datetime64("NaT", "ns"))  # code -1 (blank) takes NaT
    bad = np.append(bad, False)
    return pd.Series(dates[codes], index=index), pd.Series(bad[codes], index=index)


# Excel's first date (1-1-1900) to the end of pandas' range: nothing before 1900 is an order
_FIRST_DATE, _LAST_DATE = dt.datetime(1900, 1, 1), dt.datetime(2262, 4, 11)
_MAX_SERIAL = (_LAST_DATE - _EXCEL_EPOCH).days


def _serial_dates(values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Excel serial numbers (float array, NaN for blank) -> (datetime64[ns], bad mask)."""
    filled = ~np.isnan(values)
    ok = filled & (values >= 1) & (values < _MAX_SERIAL)
    days = np.where(ok, values, 0.0)
    dates = np.datetime64(_EXCEL_EPOCH, "ns") + (days * 86_400e9).astype("timedelta64[ns]")
    return np.where(ok, dates, np.datetime64("NaT", "ns")), filled & ~ok


def _as_date(value: dt.date) -> dt.date:
    return value.date() if isinstance(value, dt.datetime) else value


def _parse_distinct_dates(values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Parse an object array of distinct cells: (datetime64[ns] array, bad mask)."""
    n = len(values)
    out = np.full(n, np.datetime64("NaT", "ns"))
    bad = np.zeros(n, dtype=bool)
    is_date = np.array([isinstance(v, dt.date) for v in values], dtype=bool)
    first, last = _FIRST_DATE.date(), _LAST_DATE.date()
    in_range = np.array(
        [isinstance(v, dt.date) and first <= _as_date(v) < last for v in values], dtype=bool
    )
    bad[is_date & ~in_range] = True
    if in_range.any():
        stamps = pd.to_datetime(pd.Series(values[in_range]))
        out[in_range] = stamps.to_numpy(dtype="datetime64[ns]")
    is_text = np.array([isinstance(v, str) for v in values], dtype=bool)
    todo = ~is_date
    if is_text.any():
        texts = pd.Series(values[is_text], dtype=object).str.strip()
        positions = np.flatnonzero(is_text)
        blank = (texts == "").to_numpy(dtype=bool)
        todo[positions[blank]] = False
        texts, positions = texts[~blank], positions[~blank]
        for fmt in _date_format_order(texts):
            if len(texts) == 0:
                break
            parsed = pd.to_datetime(texts, format=fmt, errors="coerce")
            hit = parsed.notna().to_numpy(dtype=bool)
            if hit.any():
                out[positions[hit]] = parsed[hit].to_numpy(dtype="datetime64[ns]")
                todo[positions[hit]] = False
                texts, positions = texts[~hit], positions[~hit]
    for i in np.flatnonzero(todo):  # numbers, odd types and texts no format fitted
        try:
            value = parse_date(values[i])
            if value is not None:
                out[i] = np.datetime64(pd.Timestamp(value), "ns")
        except (ValueError, TypeError, OverflowError):
            bad[i] = True
    early = out < np.datetime64(_FIRST_DATE, "ns")  # typed before 1900: not a real order
    out[early] = np.datetime64("NaT", "ns")
    return out, bad | early
