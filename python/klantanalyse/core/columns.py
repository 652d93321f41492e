"""Header matching and value parsing: Ja/Nee answers, amounts, dates."""

from __future__ import annotations

import datetime as dt
import difflib
import functools
import math
import re
import unicodedata
from collections.abc import Callable, Iterable

import numpy as np
import pandas as pd

from . import labels
from .a1 import column_letter
from .labels import ALIASES, ANSWER_WORDS, HEADERS
from .words import normalise

# ---- header matching ------------------------------------------------------------------
# A header is read as its words; the one vocabulary (labels.HEADERS / ALIASES) is looked up
# by the joined words, first as typed, then with the words around a name taken off (labels
# HEADER_SUFFIXES / HEADER_PREFIXES: 'Omzet excl. btw', 'Marge ok?', 'Omzet 2024').

_WORD = re.compile(r"[a-z]+|[0-9]+")
_STRIP_DEPTH = 3  # phrases taken off one header at most


def header_words(name: object) -> tuple[str, ...]:
    """The words of a header: lower case, no accents, numbers apart, '%' and 'procent' as
    'pct' ('Marge in %' -> marge pct)."""
    if name is None:
        return ()
    text = str(name).replace("%", " pct ")
    if text.isascii():
        plain = text.lower()
    else:
        decomposed = unicodedata.normalize("NFKD", text)
        plain = "".join(c for c in decomposed if not unicodedata.combining(c)).lower()
    words: list[str] = []
    for word in _WORD.findall(plain):
        if word in labels.PERCENT_WORDS:
            word = "pct"
            if words and words[-1] == "in":
                words.pop()
        words.append(word)
    return tuple(words)


def header_key(name: object) -> str:
    """The key a header is looked up by: its words joined (`Brutomarge %` -> brutomargepct)."""
    return "".join(header_words(name))


@functools.cache
def _lookup(keys: tuple[str, ...]) -> dict[str, str]:
    """Joined words of every known name of `keys` -> key (the first key wins)."""
    table: dict[str, str] = {}
    for key in keys:
        for name in (*HEADERS[key], *ALIASES.get(key, ())):
            table.setdefault(header_key(name), key)
    return table


Phrases = dict[str, tuple[tuple[tuple[str, ...], int], ...]]


def _by_edge(table: dict[str, int], last: bool) -> Phrases:
    """Phrases (words, rank) by the word at their edge (the last for suffixes, the first for
    prefixes; '#' for a number), as read from that edge inwards."""
    out: dict[str, list] = {}
    for phrase, rank in table.items():
        words = tuple(phrase.split())
        inward = words[::-1] if last else words
        out.setdefault(inward[0], []).append((inward, rank))
    return {edge: tuple(found) for edge, found in out.items()}


@functools.cache
def _strip_rules() -> tuple[Phrases, Phrases]:
    return _by_edge(labels.HEADER_SUFFIXES, True), _by_edge(labels.HEADER_PREFIXES, False)


def _fits(words: tuple[str, ...], phrase: tuple[str, ...]) -> bool:
    """True when `words` start with `phrase` ('#' is any number) and hold more."""
    return len(words) > len(phrase) and all(
        w.isdigit() if p == "#" else w == p for w, p in zip(words, phrase)
    )


def _edge_phrases(table: Phrases, word: str) -> tuple:
    found = table.get(word, ())
    return found + table.get("#", ()) if word.isdigit() else found


def _year(word: str) -> int | None:
    first, last = labels.HEADER_YEARS
    return int(word) if len(word) == 4 and word.isdigit() and first <= int(word) <= last else None


def _stripped(words: tuple[str, ...]) -> list[tuple[tuple[str, ...], int, int | None]]:
    """Each header with one phrase taken off: (words, rank, year taken off or None)."""
    suffixes, prefixes = _strip_rules()
    found = []
    year = _year(words[-1]) if len(words) > 1 else None
    if year is not None:
        found.append((words[:-1], 1, year))
    backwards = words[::-1]
    for phrase, rank in _edge_phrases(suffixes, words[-1]):
        if _fits(backwards, phrase):
            found.append((words[: -len(phrase)], rank, None))
    for phrase, rank in _edge_phrases(prefixes, words[0]):
        if _fits(words, phrase):
            found.append((words[len(phrase) :], rank, None))
    return found


_LONGEST_HEADER = 12  # words; a longer cell is matched only as typed


@functools.cache
def _any_name(keys: tuple[str, ...]) -> re.Pattern:
    """A pattern that finds any known name of `keys` inside joined words (a quick test)."""
    names = sorted(_lookup(keys), key=len, reverse=True)
    return re.compile("|".join(re.escape(n) for n in names if n))


def _holds_a_name(words: tuple[str, ...], table: dict[str, str]) -> bool:
    """True when some run of consecutive words joins to a known name."""
    return any(
        "".join(words[i:j]) in table for i in range(len(words)) for j in range(i + 1, len(words))
    ) or any("".join(words[i:]) in table for i in range(1, len(words)))


@functools.cache
def _weak_names() -> frozenset[str]:
    return frozenset(header_key(n) for n in labels.WEAK_NAMES)


@functools.cache
def _result_names() -> frozenset[str]:
    return frozenset(header_key(n) for k in labels.ALL_RESULT_KEYS for n in labels.HEADERS[k])


@functools.lru_cache(maxsize=8192)
def _recognise(words: tuple[str, ...], keys: tuple[str, ...]) -> tuple[str, int, int] | None:
    """(key, rank, year) of a header's words, or None: as typed (rank 0; 1 for a name that
    often holds a code, like Debiteur), else with the fewest phrases taken off (the rank of
    the least sure one; year 0 without one)."""
    table = _lookup(keys)
    joined = "".join(words)
    key = table.get(joined)
    if key is not None:
        return key, int(joined in _weak_names()), 0
    if len(words) > _LONGEST_HEADER or joined in _result_names():
        return None  # our own result columns are never an input, not even in part
    if not _any_name(keys).search(joined) or not _holds_a_name(words, table):
        return None  # what is left after taking words off is always a run of its words
    level = [(words, 0, 0)]
    seen = {words}
    for _ in range(_STRIP_DEPTH):
        following = []
        for current, rank, year in level:
            for shorter, step, taken in _stripped(current):
                if shorter in seen:
                    continue
                seen.add(shorter)
                state = (shorter, max(rank, step), year or taken or 0)
                key = table.get("".join(shorter))
                if key is not None:
                    return key, state[1], state[2]
                following.append(state)
        level = following
    return None


def recognise(name: object, keys: Iterable[str]) -> tuple[str, int, int] | None:
    """(key, rank, year) for a header among `keys`, None when it names none of them."""
    words = header_words(name)
    return _recognise(words, tuple(keys)) if words else None


# Year columns of one field feed the next field too: 'Omzet 2024' and 'Omzet 2023' are
# Omzet and Omzet vorig jaar.
_YEAR_BEFORE = {"revenue": "revenue_last_year"}


Recognised = list[tuple[str, int, int] | None]  # `recognise` of each column of a row


def recognise_all(headers: Iterable[object], keys: Iterable[str]) -> Recognised:
    """`recognise` of each header of a row (each distinct cell once)."""
    keys = tuple(keys)
    done: dict[object, tuple[str, int, int] | None] = {}
    out: Recognised = []
    for name in headers:
        try:
            if name not in done:
                done[name] = recognise(name, keys)
            out.append(done[name])
        except TypeError:  # an unhashable cell
            out.append(recognise(name, keys))
    return out


def _candidates(found_at: Recognised) -> dict[str, list[tuple]]:
    """key -> [(rank, year order, position, year)] of the columns naming it, best first:
    as typed before with words taken off, without a year before the latest year."""
    seen: dict[str, list[tuple]] = {}
    for pos, found in enumerate(found_at):
        if found is not None:
            key, rank, year = found
            seen.setdefault(key, []).append((rank, (1, -year) if year else (0, 0), pos, year))
    for options in seen.values():
        options.sort()
    return seen


def assign(found_at: Recognised, keys: tuple[str, ...]) -> tuple[dict[str, int], dict]:
    """({key: position}, {key: [positions]} of keys named equally well more than once) of
    the recognised headers of a row."""
    seen = _candidates(found_at)
    found = {key: options[0][2] for key, options in seen.items()}
    for key, follower in _YEAR_BEFORE.items():
        if key in seen and follower in keys and follower not in found:
            year = seen[key][0][3]
            before = [o[2] for o in seen[key][1:] if year and o[3] == year - 1]
            if before:
                found[follower] = before[0]
    dupes = {}
    for key, options in seen.items():
        best = options[0][:2]
        same = [o[2] for o in options if o[:2] == best]
        if len(same) > 1:
            dupes[key] = same
    return found, dupes


def match_headers(headers: Iterable[object], keys: Iterable[str]) -> dict[str, int]:
    """Map canonical keys to column positions: the surest match wins ('Omzet' over 'Omzet
    excl. btw', the latest 'Omzet 2024'), else the first matching column.

    Returns {key: position}; duplicates are reported by `first_duplicate`.
    """
    keys = tuple(keys)
    return assign(recognise_all(headers, keys), keys)[0]


def duplicate_headers(headers: Iterable[object], keys: Iterable[str]) -> dict[str, list[int]]:
    """Keys that more than one column names equally well: {key: [positions]}."""
    keys = tuple(keys)
    return assign(recognise_all(headers, keys), keys)[1]


# ---- a header that is close to a name ---------------------------------------------------

CLOSE_ENOUGH = 0.8  # difflib ratio of the joined words from which a header is suggested
SUGGEST_COLUMNS = 200


@functools.cache
def _names_of(key: str) -> tuple[str, ...]:
    return tuple(dict.fromkeys(header_key(n) for n in (*HEADERS[key], *ALIASES.get(key, ()))))


def closeness(name: object, key: str) -> float:
    """How close a header is to any known name of `key`, 0..1: difflib's ratio of the joined
    words, 0.85 for a name cut short or run on ('Snelh', 'Innovatiekracht')."""
    typed = header_key(name)
    if not typed:
        return 0.0
    best = 0.0
    for known in _names_of(key):
        ratio = difflib.SequenceMatcher(None, typed, known).ratio()
        short, long = sorted((typed, known), key=len)
        if len(short) >= 4 and long.startswith(short) and len(short) >= len(long) / 2:
            ratio = max(ratio, 0.85)
        best = max(best, ratio)
    return best


def closest_headers(
    headers: list[object], keys: Iterable[str], free: Iterable[int]
) -> dict[str, int]:
    """{key: position} of the free column closest to each key, when close enough; each
    column is suggested for one key at most (the closest pair first). Only the first
    `SUGGEST_COLUMNS` free columns are looked at (a sheet may be 16,384 columns wide)."""
    pairs = []
    for pos in list(free)[:SUGGEST_COLUMNS]:
        for key in keys:
            score = closeness(headers[pos], key)
            if score >= CLOSE_ENOUGH:
                pairs.append((-score, pos, key))
    chosen: dict[str, int] = {}
    for _, pos, key in sorted(pairs):
        if key not in chosen and pos not in chosen.values():
            chosen[key] = pos
    return chosen


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
    """`name_text` of each cell of a column; plain names at the speed of a list comprehension
    (a column of texts only, without blanks or a '.', at the speed of `map`)."""
    if set(map(type, values)) == {str}:
        texts = list(map(str.strip, values))
        joined = "".join(texts)
        if not joined.isascii():
            texts = list(map(_nfc, texts))
            joined = "".join(texts)
        if "." not in joined and "" not in texts:
            return texts
    else:
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
    "%Y-%m-%d %H:%M",
    "%Y-%m-%dT%H:%M",
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
        codes, uniques = _factorize_runs(series.to_numpy(dtype=object))
        return codes, pd.Index(uniques, dtype=object)
    if series.dtype == object:
        codes, uniques = _factorize_runs(series.to_numpy())
        return codes, pd.Index(uniques, dtype=object)
    if isinstance(series.dtype, np.dtype) and series.dtype.kind in "iuf" and len(series) > 1:
        values = series.to_numpy()  # numbers in runs (an order's lines): hash each run once
        starts = np.flatnonzero(np.concatenate(([True], values[1:] != values[:-1])))
        if len(starts) * 2 <= len(values):
            codes, uniques = pd.factorize(values[starts])
            return np.repeat(codes, np.diff(np.append(starts, len(values)))), pd.Index(uniques)
    return pd.factorize(series)


def _factorize_runs(values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """`pd.factorize` of an object array; where equal cells come in runs (the lines of one
    order one below the other) only the first cell of each run is hashed."""
    if len(values) < 2 or not _may_run(values[:_RUN_SAMPLE]):
        return pd.factorize(values)
    try:
        starts = np.flatnonzero(np.concatenate(([True], values[1:] != values[:-1])))
    except (TypeError, ValueError):  # cells that do not compare: hash every one
        return pd.factorize(values)
    if len(starts) * 2 > len(values):
        return pd.factorize(values)
    codes, uniques = pd.factorize(values[starts])
    return np.repeat(codes, np.diff(np.append(starts, len(values)))), uniques


_RUN_SAMPLE = 1_000  # cells `_may_run` looks at


def _may_run(values: np.ndarray) -> bool:
    """False when the first cells show no runs to speak of (fewer than a third of them
    equal to the cell above): the runs are then not worth looking for."""
    try:
        same = np.count_nonzero(values[1:] == values[:-1])
    except (TypeError, ValueError):
        return False
    return same * 3 >= len(values) - 1


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
    slashed = [isinstance(t, str) and "/" in t for t in texts.tolist()]
    if not any(slashed):  # a date written with slashes has one
        return False
    parts = texts[slashed].str.extract(_SLASH_PARTS)
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
        return (dates.where(~early) if early.any() else dates), pd.Series(early, index=index)
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
