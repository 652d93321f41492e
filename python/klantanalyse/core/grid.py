"""The A/B/C grid of article 003: score, revenue class, segment and advice."""

from __future__ import annotations

from dataclasses import dataclass

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
    likewise up to the Medium limit, the rest Low; customers with equal values share the
    class of the first of them. Amount: fixed amounts.
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
    # equal values get one class: that of the first of them in the ranking
    starts = np.r_[True, sorted_values[1:] != sorted_values[:-1]] if len(before) else before > 0
    before = before[starts][np.cumsum(starts) - 1]
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
    given = classes.to_numpy(dtype=object)
    rows = np.full(len(given), -1, dtype=np.int64)
    for code, name in enumerate(CLASSES):
        rows[given == name] = code
    if len(rows) and rows.min() < 0:
        raise ValueError(f"revenue classes must be one of {CLASSES}")
    return pd.Series(table[rows, scores.to_numpy(dtype=int)], index=classes.index, dtype=object)


@dataclass(frozen=True)
class ClassLimits:
    """The revenue-class limits in money (revenue + potential): the chart's limit lines and
    what =OMZETKLASSE compares an amount with. None: no customer in that class (Pareto)."""

    high: float | None
    mid: float | None
    method: str = "pareto"
    customers: int = 0  # customers with a class (with or without revenue)

    def class_of(self, amount: float) -> str | None:
        """'high'/'mid'/'low' of one amount; None when there are no limits (no customers)."""
        if self.method == "amount":
            return "high" if amount >= self.high else "mid" if amount >= self.mid else "low"
        if amount <= 0 and self.customers:
            return "low"  # a customer with nothing is never High or Medium
        floors = [f for f in (self.high, self.mid) if f is not None]
        if not floors:
            return None
        if amount <= 0:
            return "low"
        if self.high is not None and amount >= self.high:
            return "high"
        return "mid" if amount >= min(floors) else "low"


def class_limits(value: pd.Series, classes: pd.Series, settings: Settings) -> ClassLimits:
    """The limits of one analysis: the fixed amounts (method Bedrag), or the smallest value
    that got High and the smallest that got Medium (method Pareto)."""
    if settings.revenue_method == "amount":
        high, mid = float(settings.amount_high), float(settings.amount_mid)
        return ClassLimits(high, mid, "amount", len(value))
    values = value.to_numpy(dtype=float)
    given = classes.to_numpy(dtype=object)
    found = {}
    for key in ("high", "mid"):
        part = values[given == key]
        found[key] = float(part.min()) if len(part) else None
    return ClassLimits(found["high"], found["mid"], customers=len(value))
