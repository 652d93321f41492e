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
from . import labels, profiles
from .characteristics import (  # noqa: F401 (has_characteristics: part of this API)
    ALPHA,
    BAD_NUMBER,
    BLANK,
    MAX_DRIVERS,
    MIN_DRIVER,
    UNSEEN,
    Characteristic,
    _fold,
    _numbers,
    _texts,
)
from .columns import match_headers, normalise
from .profiles import Profile

profile = profiles.profile  # the profile of an analysis (see `profiles`)


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
    found = pd.factorize(series, use_na_sentinel=True)  # for the texts and the numbers
    raw_codes, raw_texts = _texts(series, lang, found)
    raw = np.array(raw_texts + [None], dtype=object)[raw_codes]
    if char.numeric:
        values, blank, bad = _numbers(series, found)
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
