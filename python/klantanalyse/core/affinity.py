"""Verwantschap (article 002): what the A customers share, and who else looks like them.

- `profile(analysis, customers, settings) -> Profile`: for every characteristic value (Sector,
  Regio, Relatietype, Medewerkers and the extra columns named in Instellingen; numbers binned
  into readable ranges) how often A and C customers have it compared with all customers.
- `score(profile, prospects) -> Scores`: a Gelijkenis 0-100 per prospect with the
  characteristics that drive it.
- `score_customers(profile) -> Scores`: the same for the existing customers, with B/C
  customers that look like A customers flagged as untapped potential.
- `similarity(profile, record) -> (score, reasons)`: one prospect, for `=GELIJKENIS()`.

The model is naive Bayes over the characteristic values, A customers against the rest, with
add-one (Laplace) smoothing and equal priors. Each known value adds its weight of evidence
ln(P(value | A) / P(value | rest)) and the score is 100 / (1 + e^-evidence): 50 means "as
much like the A customers as like the rest". A value held by fewer customers than the
minimum group size, or by no customer at all, adds nothing and is named in the reasons. An
existing customer is scored as if it were a prospect: its own row is left out of the counts.

Everything is computed from counts, so the row order of the input never matters.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd

from ..errors import InputError
from . import labels
from .analysis import Analysis
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


@dataclass(frozen=True, eq=False)
class Profile:
    """What the A (and C) customers share. `table` holds the Verwantschap lines."""

    table: pd.DataFrame  # PROFILE_KEYS columns, strongest difference first
    characteristics: tuple[Characteristic, ...]
    settings: Settings
    customers: int  # customers with a segment
    a_customers: int
    c_customers: int
    hidden: int  # values left out for having fewer than the minimum group size
    warnings: tuple[str, ...]
    # per input row of the customer table: value codes per characteristic and segment
    _codes: np.ndarray
    _raw: tuple[np.ndarray, ...]
    _segments: pd.Series

    def hidden_note(self) -> str | None:
        """The sentence saying how many small values were left out, if any."""
        if not self.hidden:
            return None
        return labels.text(
            "aff.hidden",
            self.settings.lang,
            count=self.hidden,
            min=self.settings.affinity_min_group,
        )

    def profile_table(self) -> pd.DataFrame:
        """`table` with headers in the settings' language."""
        lang = self.settings.lang
        out = self.table.copy()
        out.columns = [labels.header(k, lang) for k in labels.PROFILE_KEYS]
        return out


@dataclass(frozen=True)
class Scores:
    """Similarity per row (same index as the input): score 0-100 or None, reasons, flag."""

    results: pd.DataFrame  # columns SIMILARITY_KEYS
    warnings: tuple[str, ...]
    lang: str = "nl"

    def result_table(self) -> pd.DataFrame:
        """The result columns with their headers in the language of the run."""
        out = self.results[list(labels.SIMILARITY_KEYS)].copy()
        out.columns = [labels.header(k, self.lang) for k in labels.SIMILARITY_KEYS]
        return out


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


def _texts(series: pd.Series, lang: str) -> tuple[np.ndarray, list[str | None]]:
    """(code per row into the distinct values, text per distinct value); -1 = blank."""
    codes, uniques = pd.factorize(series, use_na_sentinel=True)
    return codes, [_cell_text(u, lang) for u in uniques]


def _numbers(series: pd.Series) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(value per row with NaN for blank or text, blank mask, not-a-number mask)."""
    if pd.api.types.is_numeric_dtype(series.dtype) and not pd.api.types.is_bool_dtype(series.dtype):
        values = series.to_numpy(dtype=float, na_value=np.nan)
        blank = np.isnan(values)
        bad = np.isinf(values)
        return np.where(bad, np.nan, values), blank, bad
    # parse each distinct value once; the extra last slot is what code -1 (blank) picks
    codes, uniques = pd.factorize(series, use_na_sentinel=True)
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


# ---- building the profile --------------------------------------------------------------


def has_characteristics(customers: pd.DataFrame, settings: Settings) -> bool:
    """True when the customer table has a column to compare customers on."""
    return bool(_columns(customers, settings)[0])


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
    values, blank, bad = _numbers(series)
    known = ~blank & ~bad
    numeric = False
    filled = int((~blank)[in_profile].sum())
    if filled == 0:
        return None
    numbers_in = values[in_profile & known]
    if len(numbers_in) >= NUMERIC_SHARE * filled:
        distinct = len(np.unique(numbers_in))
        numeric = key == "employees" or distinct > MAX_CATEGORIES
    raw_codes, raw_texts = _texts(series, lang)
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


def profile(
    analysis: Analysis, customers: pd.DataFrame, settings: Settings | None = None
) -> Profile:
    """What the A and C customers share compared with all customers.

    `customers` is the table `analysis` was computed from (same index). Only customers
    with a segment count. Raises InputError when there is nothing to compare: no
    characteristic column, no customer with a segment, or no contrast between A and the rest.
    """
    settings = settings or analysis.settings
    settings.validate()
    lang = settings.lang
    min_group = settings.affinity_min_group
    segments = analysis.results["segment"]
    if not segments.index.equals(customers.index):
        segments = segments.reindex(customers.index)
    in_profile = segments.notna().to_numpy()
    is_a = (segments == "A").to_numpy() & in_profile
    is_c = (segments == "C").to_numpy() & in_profile
    total, total_a, total_c = int(in_profile.sum()), int(is_a.sum()), int(is_c.sum())
    if total == 0:
        raise InputError(
            labels.text("aff.err.no_customers", lang, column=labels.header("message", lang))
        )
    present = segments[in_profile].unique()
    if len(present) == 1:
        raise InputError(labels.text("aff.err.one_segment", lang, count=total, segment=present[0]))
    if total_a == 0:
        raise InputError(labels.text("aff.err.no_a", lang))

    chosen, warnings = _columns(customers, settings)
    chars: list[Characteristic] = []
    codes: list[np.ndarray] = []
    raws: list[np.ndarray] = []
    for key, name, pos in chosen:
        built = _characteristic(key, name, customers.iloc[:, pos], in_profile, is_a, is_c, lang)
        if built is not None:
            chars.append(built[0])
            codes.append(built[1])
            raws.append(built[2])
    if not chars:
        raise InputError(
            labels.text(
                "aff.err.no_columns",
                lang,
                columns=_names_or(labels.AFFINITY_KEYS, lang),
                setting=labels.setting_label("affinity_columns", lang),
            )
        )
    if total_a < min_group:
        warnings.append(labels.text("aff.warn.few_a", lang, count=total_a))

    table, hidden = _profile_table(chars, total, total_a, total_c, min_group, lang)
    code_matrix = np.column_stack(codes) if codes else np.empty((len(customers), 0), int)
    return Profile(
        table=table,
        characteristics=tuple(chars),
        settings=settings,
        customers=total,
        a_customers=total_a,
        c_customers=total_c,
        hidden=hidden,
        warnings=tuple(warnings),
        _codes=code_matrix,
        _raw=tuple(raws),
        _segments=segments,
    )


def _names_or(keys: tuple[str, ...], lang: str) -> str:
    names = [labels.header(k, lang) for k in keys]
    return ", ".join(names[:-1]) + labels.text("aff.or", lang) + names[-1]


def _profile_table(
    chars: list[Characteristic],
    total: int,
    total_a: int,
    total_c: int,
    min_group: int,
    lang: str,
) -> tuple[pd.DataFrame, int]:
    """One line per (group, characteristic, value) shown; and the number of values hidden.

    Order: group A then C; within a group the values it has more often than average, then
    the others; each strongest first; ties by number of customers, column, value.
    """
    parts = []
    for position, char in enumerate(chars):
        parts.append(
            pd.DataFrame(
                {
                    "position": position,
                    "name": char.name,
                    "value": list(char.value_labels),
                    "n_all": char.n_all,
                    "n_a": char.n_a,
                    "n_c": char.n_c,
                }
            )
        )
    values = pd.concat(parts, ignore_index=True)
    values = values[values["n_all"] > 0]
    small = values["n_all"] < min_group
    hidden = int(small.sum())
    values = values[~small]
    groups = [("A", "n_a", total_a)]
    if 0 < total_c < total:
        groups.append(("C", "n_c", total_c))
    lines = []
    for order, (segment, column, size) in enumerate(groups):
        count = values[column].to_numpy()
        n_all = values["n_all"].to_numpy()
        lift = (count / size) / (n_all / total)
        # shrink small counts a little so a difference seen in a few customers ranks below
        # the same difference seen in many
        smooth = ((count + 1) / (size + 2)) / ((n_all + 1) / (total + 2))
        lines.append(
            pd.DataFrame(
                {
                    "order": order,
                    # what the group has more often comes first, then what it lacks
                    "fewer": count * total <= n_all * size,
                    # rounded so equal ratios computed along different paths tie exactly
                    "strength": np.round(np.abs(np.log(smooth)), 9),
                    "position": values["position"].to_numpy(),
                    "aff_group": segment,
                    "aff_characteristic": values["name"].to_numpy(),
                    "aff_value": values["value"].to_numpy(),
                    "aff_group_count": count,
                    "aff_group_size": size,
                    "aff_customers": n_all,
                    "aff_lift": lift,
                }
            )
        )
    table = pd.concat(lines, ignore_index=True)
    table = table.sort_values(
        ["order", "fewer", "strength", "aff_customers", "position", "aff_value"],
        ascending=[True, True, False, False, True, True],
        kind="mergesort",
    )
    table["aff_text"] = [
        _line(row, total, lang)
        for row in table[[k for k in labels.PROFILE_KEYS if k != "aff_text"]].itertuples(
            index=False
        )
    ]
    table = table[list(labels.PROFILE_KEYS)].reset_index(drop=True)
    return table, hidden


def _line(row: tuple, total: int, lang: str) -> str:
    """'Sector Bouw: 5 van 8 A-klanten, 2,7× vaker dan gemiddeld'."""
    segment, name, value, count, size, n_all, lift = row
    common = {
        "item": labels.text("aff.item", lang, name=name, value=value),
        "count": labels.number(count, lang),
        "size": labels.number(size, lang),
        "group": labels.text("aff.group", lang, segment=segment),
    }
    if count == 0:
        return labels.text(
            "aff.line.none",
            lang,
            total=labels.number(n_all, lang),
            all=labels.number(total, lang),
            **common,
        )
    if round(lift, 1) == 1.0 or round(1 / lift, 1) == 1.0:
        return labels.text("aff.line.same", lang, **common)
    if lift > 1:
        return labels.text("aff.line.more", lang, ratio=labels.number(lift, lang, 1), **common)
    return labels.text("aff.line.less", lang, ratio=labels.number(1 / lift, lang, 1), **common)


# ---- similarity --------------------------------------------------------------------------


def _weights(
    n_all: np.ndarray,
    n_a: np.ndarray,
    known_a: np.ndarray | int,
    known_rest: np.ndarray | int,
    k: int,
    min_group: int,
) -> np.ndarray:
    """Weight of evidence ln(P(v|A) / P(v|rest)); 0 for values held by too few customers."""
    n_rest = n_all - n_a
    weight = np.log((n_a + ALPHA) / (known_a + ALPHA * k)) - np.log(
        (n_rest + ALPHA) / (known_rest + ALPHA * k)
    )
    return np.where(n_all >= min_group, weight, 0.0)


def _encode(char: Characteristic, series: pd.Series, lang: str) -> tuple[np.ndarray, np.ndarray]:
    """Value codes of a prospect column (BLANK, UNSEEN, BAD_NUMBER or a value id) and raw
    texts per row."""
    raw_codes, raw_texts = _texts(series, lang)
    raw = np.array(raw_texts + [None], dtype=object)[raw_codes]
    if char.numeric:
        values, blank, bad = _numbers(series)
        codes = np.searchsorted(np.asarray(char.edges, dtype=float), values, side="right")
        codes = np.where(blank, BLANK, np.where(bad, BAD_NUMBER, codes))
        return codes.astype(np.int64), raw
    unique_codes = np.array(
        [BLANK if t is None else char.value_ids.get(_fold(t), UNSEEN) for t in raw_texts] + [BLANK],
        dtype=np.int64,
    )
    return unique_codes[raw_codes], raw


def _evidence(
    profile: Profile, codes: np.ndarray, leave_out: np.ndarray | None
) -> tuple[np.ndarray, np.ndarray]:
    """(weight per row and characteristic, rare mask). `leave_out` gives per row the
    segment whose counts include that row itself ('A', 'rest' or None)."""
    min_group = profile.settings.affinity_min_group
    weights = np.zeros(codes.shape, dtype=float)
    rare = np.zeros(codes.shape, dtype=bool)
    for j, char in enumerate(profile.characteristics):
        col = codes[:, j]
        known = col >= 0
        safe = np.where(known, col, 0)
        n_all = char.n_all[safe].astype(float)
        n_a = char.n_a[safe].astype(float)
        known_a = np.full(len(col), float(char.known_a))
        known_rest = np.full(len(col), float(char.known_rest))
        if leave_out is not None:
            self_a = known & (leave_out == "A")
            self_rest = known & (leave_out == "rest")
            n_all -= self_a | self_rest
            n_a -= self_a
            known_a -= self_a
            known_rest -= self_rest
        w = _weights(n_all, n_a, known_a, known_rest, char.n_values, min_group)
        weights[:, j] = np.where(known, w, 0.0)
        rare[:, j] = known & (n_all < min_group)
    return weights, rare


def _scores(
    profile: Profile,
    codes: np.ndarray,
    raw: list[np.ndarray],
    leave_out: np.ndarray | None,
) -> tuple[np.ndarray, list[str]]:
    """Score 0-100 (NaN when nothing counts) and reasons per row."""
    lang = profile.settings.lang
    weights, rare = _evidence(profile, codes, leave_out)
    counted = (codes >= 0) & ~rare
    evidence = weights.sum(axis=1)
    n_counted = counted.sum(axis=1)
    score = np.floor(100.0 / (1.0 + np.exp(-evidence)) + 0.5)
    score = np.where(n_counted > 0, score, np.nan)

    # drivers: the largest contributions, ties in characteristic order
    strength = np.where(counted, np.abs(weights), -1.0)
    order = np.argsort(-strength, axis=1, kind="stable")[:, :MAX_DRIVERS]
    rows = np.arange(len(codes))[:, None]
    top_strength = strength[rows, order]
    top_sign = np.sign(weights[rows, order])
    top_code = codes[rows, order]
    drive = top_strength >= MIN_DRIVER
    # one integer per driver slot: (characteristic, value, sign), -1 when none
    n_chars = max(len(profile.characteristics), 1)
    slot = np.where(drive, ((top_code * n_chars + order) * 2 + (top_sign > 0)).astype(np.int64), -1)
    # notes: rare values by code, unseen/bad numbers flagged (their text is per row)
    rare_key = np.where(rare, codes, -1)
    odd = (codes == UNSEEN) | (codes == BAD_NUMBER)
    # rows with the same drivers and notes share one text: build each text once
    key = [*slot.T, *rare_key.T, *odd.T, n_counted > 0]
    first, inverse = _row_groups(key, len(codes))

    def reason(i: int, raw_values: list | None) -> str:
        return _reason(
            profile,
            order[i],
            top_sign[i],
            top_code[i],
            drive[i],
            codes[i],
            rare[i],
            n_counted[i] > 0,
            raw_values,
            lang,
        )

    texts = [reason(i, None) for i in first]
    reasons = [texts[g] for g in inverse.tolist()]
    # rows with values never seen or not numbers name them, so they get their own text
    for i in np.flatnonzero(odd.any(axis=1)):
        reasons[i] = reason(i, [r[i] for r in raw])
    return score, reasons


def _row_groups(columns: list[np.ndarray], n: int) -> tuple[np.ndarray, np.ndarray]:
    """Rows with equal values in all `columns`: (first row of each group, group per row)."""
    group = np.zeros(n, dtype=np.int64)
    for column in columns:
        codes, uniques = pd.factorize(np.asarray(column, dtype=np.int64))
        group, _ = pd.factorize(group * len(uniques) + codes)
    _, first = np.unique(group, return_index=True)
    return first, group


def _item(char: Characteristic, code: int, lang: str) -> str:
    return labels.text("aff.item", lang, name=char.name, value=char.value_labels[code])


def _reason(
    profile: Profile,
    order: np.ndarray,
    sign: np.ndarray,
    code: np.ndarray,
    drive: np.ndarray,
    row_codes: np.ndarray,
    row_rare: np.ndarray,
    any_counted: bool,
    raw: list | None,
    lang: str,
) -> str:
    chars = profile.characteristics
    like, unlike = [], []
    for j, s, c, d in zip(order, sign, code, drive, strict=True):
        if d:
            (like if s > 0 else unlike).append(_item(chars[j], int(c), lang))
    notes = []
    for j, char in enumerate(chars):
        c = int(row_codes[j])
        if row_rare[j]:
            notes.append(labels.text("aff.note.rare", lang, item=_item(char, c, lang)))
        elif c == UNSEEN and raw is not None:
            notes.append(labels.text("aff.note.unseen", lang, name=char.name, value=raw[j]))
        elif c == BAD_NUMBER and raw is not None:
            notes.append(labels.text("aff.note.bad_number", lang, name=char.name, value=raw[j]))
    parts = []
    if not any_counted:
        names = [c.name for c in chars]
        parts.append(labels.text("aff.reason.nothing", lang, columns=", ".join(names)))
    else:
        if like:
            parts.append(labels.text("aff.reason.like", lang, items=", ".join(like)))
        if unlike:
            parts.append(labels.text("aff.reason.unlike", lang, items=", ".join(unlike)))
        if not like and not unlike:
            parts.append(labels.text("aff.reason.neutral", lang))
    if notes:
        parts.append(labels.text("aff.reason.not_counted", lang, items=", ".join(notes)))
    return ". ".join(parts) + "."


def _as_objects(score: np.ndarray) -> list[int | None]:
    return [None if math.isnan(s) else int(s) for s in score.tolist()]


def score(profile: Profile, prospects: pd.DataFrame) -> Scores:
    """Gelijkenis 0-100 and reasons for each row of a prospect table (same index).

    The prospect table needs at least one of the profile's characteristic columns (header
    matching as for customers); missing ones are named in a warning. Raises InputError when
    none is present.
    """
    lang = profile.settings.lang
    headers = list(prospects.columns)
    found = match_headers(headers, labels.AFFINITY_KEYS)
    by_name: dict[str, int] = {}
    for pos, header in enumerate(headers):
        by_name.setdefault(normalise(header), pos)
    codes = np.full((len(prospects), len(profile.characteristics)), BLANK, dtype=np.int64)
    raw: list[np.ndarray] = []
    missing = []
    for j, char in enumerate(profile.characteristics):
        if char.key in labels.AFFINITY_KEYS:
            pos = found.get(char.key)
        else:
            pos = by_name.get(char.key)
        if pos is None:
            missing.append(char.name)
            raw.append(np.full(len(prospects), None, dtype=object))
            continue
        codes[:, j], row_raw = _encode(char, prospects.iloc[:, pos], lang)
        raw.append(row_raw)
    if len(missing) == len(profile.characteristics):
        raise InputError(
            labels.text(
                "aff.err.prospect_columns",
                lang,
                columns=", ".join(c.name for c in profile.characteristics),
            )
        )
    warnings = []
    if missing:
        warnings.append(labels.text("aff.warn.prospect_missing", lang, columns=", ".join(missing)))
    values, reasons = _scores(profile, codes, raw, None)
    results = pd.DataFrame(
        {
            "similarity": pd.Series(_as_objects(values), index=prospects.index, dtype=object),
            "similarity_reasons": pd.Series(reasons, index=prospects.index, dtype=object),
            "untapped": False,
        },
        index=prospects.index,
    )
    return Scores(results=results, warnings=tuple(warnings), lang=lang)


def score_customers(profile: Profile) -> Scores:
    """The same score for every row of the customer table, each customer left out of the
    counts it is compared with; B/C customers at or above the threshold are `untapped`."""
    segments = profile._segments
    seg = segments.to_numpy(dtype=object)
    leave_out = np.where(seg == "A", "A", np.where(pd.isna(seg), "", "rest"))
    values, reasons = _scores(profile, profile._codes, list(profile._raw), leave_out)
    flag = profile.settings.affinity_flag
    untapped = np.isin(seg, ["B", "C"]) & ~np.isnan(values) & (values >= flag)
    results = pd.DataFrame(
        {
            "similarity": pd.Series(_as_objects(values), index=segments.index, dtype=object),
            "similarity_reasons": pd.Series(reasons, index=segments.index, dtype=object),
            "untapped": untapped,
        },
        index=segments.index,
    )
    return Scores(results=results, warnings=(), lang=profile.settings.lang)


def similarity(profile: Profile, record: Mapping[object, object]) -> tuple[int | None, str]:
    """(Gelijkenis, reasons) of one prospect given as {header: value}; for `=GELIJKENIS()`."""
    table = pd.DataFrame([list(record.values())], columns=list(record.keys()))
    result = score(profile, table).results.iloc[0]
    return result["similarity"], result["similarity_reasons"]
