"""The A/B/C grid of article 003: score, revenue class, segment and advice."""

from __future__ import annotations

import numpy as np
import pandas as pd

from .settings import CLASSES, Settings


def score(answers: pd.DataFrame) -> pd.Series:
    """Number of Ja answers (True) per row; blanks count as Nee."""
    return answers.fillna(False).astype(bool).sum(axis=1).astype("int64")


def revenue_class(value: pd.Series, settings: Settings) -> pd.Series:
    """'high'/'mid'/'low' per customer from revenue + potential.

    Pareto: sort descending; a customer is High while the cumulative share *before* it is
    below the High limit (so the customer that crosses the limit is still High), Medium
    likewise up to the Medium limit, the rest Low. Amount: fixed amounts.
    """
    if value.empty:
        return pd.Series([], index=value.index, dtype=object)
    if settings.revenue_method == "amount":
        out = np.where(
            value >= settings.amount_high,
            "high",
            np.where(value >= settings.amount_mid, "mid", "low"),
        )
        return pd.Series(out, index=value.index, dtype=object)
    total = float(value.sum())
    if total <= 0:
        return pd.Series("low", index=value.index, dtype=object)
    order = np.argsort(-value.to_numpy(dtype=float), kind="stable")
    sorted_values = value.to_numpy(dtype=float)[order]
    before = (np.cumsum(sorted_values) - sorted_values) / total
    # guard against float noise: 0.8000000001 must still count as 80%
    before = np.round(before, 12)
    classes_sorted = np.where(
        before < settings.pareto_high,
        "high",
        np.where(before < settings.pareto_mid, "mid", "low"),
    )
    # a customer with nothing is never High or Medium
    classes_sorted = np.where(sorted_values > 0, classes_sorted, "low")
    out = np.empty(len(value), dtype=object)
    out[order] = classes_sorted
    return pd.Series(out, index=value.index, dtype=object)


def segment(classes: pd.Series, scores: pd.Series, settings: Settings) -> pd.Series:
    """Letter from the segment matrix: revenue class x score."""
    table = np.array([[settings.matrix[c][s] for s in range(5)] for c in CLASSES], dtype=object)
    rows = pd.Categorical(classes, categories=CLASSES).codes
    if len(rows) and rows.min() < 0:
        raise ValueError(f"revenue classes must be one of {CLASSES}")
    return pd.Series(table[rows, scores.to_numpy(dtype=int)], index=classes.index, dtype=object)


def pareto_share(revenue: pd.Series, limit: float = 0.80) -> tuple[float | None, int]:
    """(share of customers, number of customers) that together bring `limit` of revenue."""
    values = np.sort(revenue.to_numpy(dtype=float))[::-1]
    total = values.sum()
    if len(values) == 0 or total <= 0:
        return None, 0
    before = np.round((np.cumsum(values) - values) / total, 12)
    count = int((before < limit).sum())
    return count / len(values), count
