"""The customer pyramid (article 002; the 80/20 curve is in `pareto`).

Pyramid: the active customers (revenue
above zero) split into the top 1%, the next 4%, the next 15% and the other 80% of the
ranking, each layer rounded up to whole customers; customers without revenue form the
*inactive* layer.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from . import labels

LAYERS = (("top1", 0.01), ("next4", 0.05), ("next15", 0.20), ("rest80", 1.0))


def pyramid(revenue: pd.Series, active: pd.Series | None = None, lang: str = "nl") -> pd.DataFrame:
    """Layers top 1% / next 4% / next 15% / other 80% / inactive.

    `active` (default: revenue above zero) says which customers count as active; the others
    form the inactive layer with their revenue, if any. Columns: `layer` (key), `name`,
    `customers`, `revenue`, `revenue_share` (of the total revenue of all layers).
    """
    values = revenue.fillna(0.0).to_numpy(dtype=float)
    is_active = values > 0 if active is None else active.to_numpy(dtype=bool) & (values > 0)
    ranked = np.sort(values[is_active])[::-1]
    n = len(ranked)
    rows = []
    start = 0
    for key, upto in LAYERS:
        end = min(n, math.ceil(round(upto * n, 9)))
        part = ranked[start:end]
        rows.append((key, len(part), float(part.sum())))
        start = end
    rows.append(("inactive", int((~is_active).sum()), float(values[~is_active].sum())))
    total = float(values.sum())
    return pd.DataFrame(
        {
            "layer": [r[0] for r in rows],
            "name": [labels.layer_word(r[0], lang) for r in rows],
            "customers": [r[1] for r in rows],
            "revenue": [r[2] for r in rows],
            "revenue_share": [r[2] / total if total > 0 else np.nan for r in rows],
        }
    )
