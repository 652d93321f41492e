"""The 80/20 rule, defined once: every figure that says 80/20 comes from here.

The customers *with revenue* (above zero) are ranked from most to least revenue; the
80/20 share is the share of them that together first reach 80% of the total revenue, the
customer that crosses the line included. A customer without revenue is not part of the
ranking (the customer pyramid counts it as inactive). The Pareto curve is the same ranking
as a curve: point i is (i / n, cumulative revenue share of the first i customers).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

PARETO_LIMIT = 0.80


@dataclass(frozen=True)
class ParetoReach:
    """How many customers (with revenue) bring `limit` of the revenue, and their share."""

    share: float | None  # None without any revenue
    customers: int
    ranked: int  # customers in the ranking (revenue above zero)


def ranked_revenue(revenue: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """(positions, values) of the customers with revenue above zero, largest first (stable)."""
    values = revenue.to_numpy(dtype=float, na_value=np.nan)
    positive = np.flatnonzero(values > 0)
    order = positive[np.argsort(-values[positive], kind="stable")]
    return order, values[order]


def pareto_reach(revenue: pd.Series, limit: float = PARETO_LIMIT) -> ParetoReach:
    """The 80/20 figure of `revenue` (see the module docstring)."""
    _, values = ranked_revenue(revenue)
    total = values.sum()
    if len(values) == 0 or total <= 0:
        return ParetoReach(None, 0, 0)
    before = np.round((np.cumsum(values) - values) / total, 12)  # 0.8000000001 is 80%
    count = int((before < limit).sum())
    return ParetoReach(count / len(values), count, len(values))


def pareto_curve(revenue: pd.Series, names: pd.Series) -> pd.DataFrame:
    """One row per customer with revenue above zero, best first.

    Columns: `rank`, `customer`, `revenue`, `customer_share` (rank / number of customers)
    and `revenue_share` (cumulative revenue / total revenue).
    """
    order, values = ranked_revenue(revenue)
    n = len(order)
    total = values.sum()
    return pd.DataFrame(
        {
            "rank": np.arange(1, n + 1),
            "customer": names.to_numpy(dtype=object)[order],
            "revenue": values,
            "customer_share": np.arange(1, n + 1) / n if n else np.array([]),
            "revenue_share": np.cumsum(values) / total if n else np.array([]),
        }
    )
