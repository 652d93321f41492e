"""Characteristics of customers: which columns count for Verwantschap, their values read
the same way everywhere (texts folded, numbers binned into readable ranges)."""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd

from . import labels
from .columns import is_blank, match_headers, normalise, parse_amount
from .settings import Settings

BLANK, UNSEEN, BAD_NUMBER = -1, -2, -3  # codes for values that carry no evidence
MAX_CATEGORIES = 6  # a numeric column with more distinct values than this is binned
NUMERIC_SHARE = 0.9  # share of non-blank cells that must be numbers to bin a column
QUANTILES = (0.25, 0.5, 0.75)  # bin edges before rounding to nice numbers
NICE_STEPS = (1.0, 2.0, 2.5, 5.0, 10.0)
MIN_DRIVER = math.log(1.1)  # a value drives the score when it shifts the odds by 10%+
MAX_DRIVERS = 3
ALPHA = 1.0  # Laplace smoothing


@dataclass(frozen=True, eq=False)
class Characteristic:
    """One characteristic column and the customer counts per value."""

    key: str  # canonical key, or the normalised header of an extra column
    name: str  # how texts call it
    column: object  # the header in the customer table
    numeric: bool
    edges: tuple[float, ...]  # inner bin edges of a numeric column
    value_ids: Mapping[str, int]  # folded text -> value id (categories)
    value_labels: tuple[str, ...]  # value id -> label
    n_all: np.ndarray  # customers per value id
    n_a: np.ndarray  # A customers per value id
    n_c: np.ndarray  # C customers per value id
    known_a: int  # A customers with a known value
    known_rest: int  # other customers with a known value

    @property
    def n_values(self) -> int:
        """Number of values that at least one customer has (the smoothing's K)."""
        return int((self.n_all > 0).sum())


# ---- reading cell values ---------------------------------------------------------------


def _cell_text(value: object, lang: str) -> str | None:
    """The text of a characteristic cell: trimmed, single spaces, 12.0 shown as 12."""
    if is_blank(value):
        return None
    if isinstance(value, (bool, np.bool_)):
        return labels.yes_no(bool(value), lang)
    if isinstance(value, (float, np.floating)) and float(value).is_integer():
        return str(int(value))
    return " ".join(str(value).split())


def _fold(text: str) -> str:
    return text.casefold()


Factorized = tuple[np.ndarray, object]  # pd.factorize of a column: (codes, distinct values)


def _texts(
    series: pd.Series, lang: str, found: Factorized | None = None
) -> tuple[np.ndarray, list[str | None]]:
    """(code per row into the distinct values, text per distinct value); -1 = blank.
    `found`: the column's `pd.factorize`, when the caller has it."""
    codes, uniques = found or pd.factorize(series, use_na_sentinel=True)
    return codes, [_cell_text(u, lang) for u in uniques]


def _numbers(
    series: pd.Series, found: Factorized | None = None
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(value per row with NaN for blank or text, blank mask, not-a-number mask); `found`
    as for `_texts`."""
    if pd.api.types.is_numeric_dtype(series.dtype) and not pd.api.types.is_bool_dtype(series.dtype):
        values = series.to_numpy(dtype=float, na_value=np.nan)
        blank = np.isnan(values)
        bad = np.isinf(values)
        return np.where(bad, np.nan, values), blank, bad
    # parse each distinct value once; the extra last slot is what code -1 (blank) picks
    codes, uniques = found or pd.factorize(series, use_na_sentinel=True)
    parsed = np.full(len(uniques) + 1, np.nan)
    bad = np.zeros(len(uniques) + 1, dtype=bool)
    blank = np.zeros(len(uniques) + 1, dtype=bool)
    blank[-1] = True
    for i, value in enumerate(uniques):
        try:
            number = parse_amount(value)
        except (ValueError, TypeError, OverflowError):
            bad[i] = True
            continue
        if number is None or math.isinf(number):
            blank[i] = number is None
            bad[i] = number is not None
        else:
            parsed[i] = number
    return parsed[codes], blank[codes], bad[codes]


# ---- numeric bins ----------------------------------------------------------------------


def _nice(value: float, whole: bool) -> float:
    """The nearest 1-2-2.5-5 x 10^k number (in ratio); whole numbers for whole data."""
    if value == 0:
        return 0.0
    size = abs(value)
    base = 10.0 ** math.floor(math.log10(size))
    steps = [s * base for s in NICE_STEPS]
    if whole:
        steps = [s for s in steps if float(s).is_integer() and s >= 1] or [1.0]
    best = min(steps, key=lambda s: (abs(math.log(s / size)), s))
    return math.copysign(round(best, 10), value)


def _round_to_step(value: float, gap: float, whole: bool) -> float:
    """`value` rounded to the largest 1-2-5 x 10^k step that fits in `gap`."""
    if gap <= 0:
        return value
    step = 10.0 ** math.floor(math.log10(gap))
    for factor in (5.0, 2.0):
        if step * factor <= gap:
            step *= factor
            break
    if whole:
        step = max(step, 1.0)
    return round(round(value / step) * step, 10)


def _edges(values: np.ndarray) -> tuple[float, ...]:
    """Inner bin edges: quartiles made readable, each splitting the data.

    A quartile snaps to the nearest 1-2-2.5-5 x 10^k number (5, 10, 25, 50, 250 ...) when
    that moves it by at most half the distance to its neighbours; otherwise (years, narrow
    ranges) it is rounded to a round step that fits between them (2005, 2015 ...).
    """
    low, high = float(values.min()), float(values.max())
    whole = bool(np.all(values == np.floor(values)))
    cuts = [float(c) for c in np.quantile(values, QUANTILES, method="lower")]
    around = [low, *cuts, high]
    edges = set()
    for i, cut in enumerate(cuts, start=1):
        gap = min(cut - around[i - 1], around[i + 1] - cut)
        snapped = _nice(cut, whole)
        edges.add(snapped if abs(snapped - cut) <= gap / 2 else _round_to_step(cut, gap, whole))
    return tuple(e for e in sorted(edges) if low < e <= high)


def _bin_labels(edges: tuple[float, ...], values: np.ndarray, lang: str) -> tuple[str, ...]:
    def num(x: float) -> str:
        return labels.number(x, lang, 3)

    if not edges:
        low, high = float(values.min()), float(values.max())
        if low == high:
            return (num(low),)
        return (labels.text("aff.range.between", lang, low=num(low), high=num(high)),)
    whole = bool(np.all(values == np.floor(values))) and all(float(e).is_integer() for e in edges)
    out = [labels.text("aff.range.below", lang, high=num(edges[0]))]
    for low, high in zip(edges, edges[1:], strict=False):
        if whole:
            last = high - 1
            out.append(
                num(low)
                if last == low
                else labels.text("aff.range.whole", lang, low=num(low), high=num(last))
            )
        else:
            out.append(labels.text("aff.range.between", lang, low=num(low), high=num(high)))
    out.append(labels.text("aff.range.from", lang, low=num(edges[-1])))
    return tuple(out)


# ---- the characteristic columns --------------------------------------------------------------


def has_characteristics(customers: pd.DataFrame, settings: Settings) -> bool:
    """True when the customer table has a column to compare customers on."""
    return bool(_columns(customers, settings)[0])


def characteristic_positions(customers: pd.DataFrame, settings: Settings) -> list[int]:
    """Positions of the columns customers are compared on (Sector, Regio, ... and the extra
    columns named in Instellingen)."""
    return [pos for *_, pos in _columns(customers, settings)[0]]


def _columns(customers: pd.DataFrame, settings: Settings) -> tuple[list[tuple], list[str]]:
    """[(key, name, position)] of the characteristic columns, and warnings."""
    lang = settings.lang
    headers = list(customers.columns)
    found = match_headers(headers, labels.AFFINITY_KEYS)
    chosen = [
        (key, labels.header(key, lang), found[key]) for key in labels.AFFINITY_KEYS if key in found
    ]
    taken = {pos for _, _, pos in chosen}
    by_name: dict[str, int] = {}
    for pos, header in enumerate(headers):
        by_name.setdefault(normalise(header), pos)
    warnings = []
    for extra in settings.affinity_columns:
        pos = by_name.get(normalise(extra))
        if pos is None:
            warnings.append(
                labels.text(
                    "aff.warn.column_missing",
                    lang,
                    setting=labels.setting_label("affinity_columns", lang),
                    column=extra,
                )
            )
        elif pos not in taken:
            taken.add(pos)
            chosen.append((normalise(extra), str(headers[pos]).strip(), pos))
    return chosen, warnings


def _characteristic(
    key: str,
    name: str,
    series: pd.Series,
    in_profile: np.ndarray,
    is_a: np.ndarray,
    is_c: np.ndarray,
    lang: str,
) -> tuple[Characteristic, np.ndarray, np.ndarray] | None:
    """The characteristic with its counts, the code per row and the raw text per row.

    None when no customer with a segment has a value in this column.
    """
    found = pd.factorize(series, use_na_sentinel=True)  # for the numbers and the texts
    values, blank, bad = _numbers(series, found)
    known = ~blank & ~bad
    numeric = False
    filled = int((~blank)[in_profile].sum())
    if filled == 0:
        return None
    numbers_in = values[in_profile & known]
    if len(numbers_in) >= NUMERIC_SHARE * filled:
        distinct = len(np.unique(numbers_in))
        numeric = key == "employees" or distinct > MAX_CATEGORIES
    raw_codes, raw_texts = _texts(series, lang, found)
    if numeric:
        edges = _edges(numbers_in)
        value_labels = _bin_labels(edges, numbers_in, lang)
        codes = np.searchsorted(np.asarray(edges, dtype=float), values, side="right")
        codes = np.where(known, codes, np.where(bad, BAD_NUMBER, BLANK)).astype(np.int64)
        value_ids: dict[str, int] = {}
    else:
        edges = ()
        folded = [None if t is None else _fold(t) for t in raw_texts]
        present = np.zeros(len(raw_texts), dtype=bool)
        used = raw_codes[in_profile]
        present[used[used >= 0]] = True
        spellings: dict[str, list[tuple[int, str]]] = {}
        uses = np.bincount(used[used >= 0], minlength=len(raw_texts))
        for i, (text, fold) in enumerate(zip(raw_texts, folded, strict=True)):
            if fold is not None and present[i]:
                spellings.setdefault(fold, []).append((-int(uses[i]), text))
        ordered = sorted(spellings)  # value ids in text order, whatever the row order
        value_ids = {fold: i for i, fold in enumerate(ordered)}
        # the label is the most used spelling; ties go to the first in text order
        value_labels = tuple(min(spellings[fold])[1] for fold in ordered)
        unique_codes = np.array(
            [BLANK if fold is None else value_ids.get(fold, UNSEEN) for fold in folded] + [BLANK],
            dtype=np.int64,
        )
        codes = unique_codes[raw_codes]
    size = len(value_labels)
    counted = in_profile & (codes >= 0)
    n_all = np.bincount(codes[counted], minlength=size)
    n_a = np.bincount(codes[counted & is_a], minlength=size)
    n_c = np.bincount(codes[counted & is_c], minlength=size)
    known_a = int((counted & is_a).sum())
    char = Characteristic(
        key=key,
        name=name,
        column=series.name,
        numeric=numeric,
        edges=tuple(float(e) for e in edges),
        value_ids=value_ids,
        value_labels=tuple(value_labels),
        n_all=n_all,
        n_a=n_a,
        n_c=n_c,
        known_a=known_a,
        known_rest=int(counted.sum()) - known_a,
    )
    raw = np.array(raw_texts + [None], dtype=object)[raw_codes]  # -1 picks the None
    return char, codes, raw
