"""True profitability (article 001): margin, cost to serve, net contribution, customer type.

Per customer, all amounts per year:
- Margin amount: the `Marge` column of the orders in the recent window, scaled to a year,
  when the orders carry margins; otherwise `Brutomarge %` × `Omzet` / 100.
- Cost to serve: `Contacturen` × hourly rate (Instellingen) + `Maatwerkkosten`; a blank
  cell counts as 0.
- Net contribution: margin amount − cost to serve.
- Ranks: 1 = highest net contribution / highest revenue, among the customers that have one.
- Whale curve: customers from most to least net contribution; the cumulative contribution
  as a share of the total. It rises above 100% while profitable customers are added and
  falls back to 100% as the loss-making ones are added.

Customer type (Klanttype), first rule that holds wins; thresholds in Instellingen:
1. *Vermoeiend*: pays late (`Betaaltermijn (dagen)` above `late_days`).
2. Cost to serve (above zero) takes at least `cost_share` of the margin amount, or the
   margin amount is negative: *Boeiend* when Netwerk = Ja (a name worth the effort), else
   *Vermoeiend*.
3. *Bloeiend*: orders often (at least `frequent_orders` orders in the recent window; without
   order history: Marge = Ja) and pays on time (`Betaaltermijn` at most `on_time_days`, or
   not filled in).
4. *Boeiend*: the rest — profitable enough, but ordering less often or paying slower, or
   Netwerk = Ja.
A customer with no hard data at all (no payment term, no margin, no order history) gets no
type.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from . import labels
from .settings import Settings

PROFIT_INPUTS = ("gross_margin_pct", "contact_hours", "custom_costs", "payment_days")


def profitability(data: pd.DataFrame, settings: Settings) -> pd.DataFrame:
    """Margin, cost, contribution and type per customer.

    `data` columns (all optional except `revenue`): `revenue`, `gross_margin_pct`,
    `contact_hours`, `custom_costs`, `payment_days`, `order_margin` (annual margin from the
    orders, NaN where unknown), `orders_recent` (NaN without order history), `margin_ok`
    and `network` (the Ja/Nee answers as booleans). Returns `gross_margin`, `cost_to_serve`,
    `contribution`, `type_key`, `customer_type`, `type_reason`, same index.
    """
    lang = settings.lang
    index = data.index

    def column(key: str) -> np.ndarray:
        if key in data:
            return data[key].to_numpy(dtype=float, na_value=np.nan)
        return np.full(len(index), np.nan)

    revenue = column("revenue")
    margin = np.where(
        ~np.isnan(column("order_margin")),
        column("order_margin"),
        column("gross_margin_pct") / 100 * revenue,
    )
    has_costs = "contact_hours" in data or "custom_costs" in data
    hours, custom = column("contact_hours"), column("custom_costs")
    cost = np.nan_to_num(hours) * settings.hourly_rate + np.nan_to_num(custom)
    if not has_costs:
        cost = np.full(len(index), np.nan)
    contribution = margin - np.nan_to_num(cost)

    days = column("payment_days")
    orders = column("orders_recent")
    network = _flags(data, "network")
    margin_ok = _flags(data, "margin_ok")
    known_margin = ~np.isnan(margin)
    with np.errstate(invalid="ignore", divide="ignore"):
        late = days > settings.late_days
        spent = np.nan_to_num(cost)
        costly = known_margin & (
            (margin < 0) | ((spent > 0) & (spent >= settings.cost_share * margin))
        )
        on_time = np.isnan(days) | (days <= settings.on_time_days)
        frequent = np.where(np.isnan(orders), margin_ok, orders >= settings.frequent_orders)
    has_data = ~np.isnan(days) | known_margin | ~np.isnan(orders)
    type_key = np.select(
        [~has_data, late, costly & network, costly, frequent & on_time],
        ["", "tiring", "interesting", "tiring", "thriving"],
        default="interesting",
    ).astype(object)

    facts = {
        "late": late,
        "costly": costly,
        "network": network,
        "margin_ok": margin_ok,
        "days": days,
        "margin": margin,
        "cost": cost,
        "orders": orders,
    }
    reasons = np.empty(len(index), dtype=object)
    rows = zip(type_key.tolist(), *(facts[k].tolist() for k in _FACTS))  # plain Python: fast
    for i, (key, *values) in enumerate(rows):
        reasons[i] = _type_reason(key, dict(zip(_FACTS, values)), settings)
    type_key[type_key == ""] = None
    return pd.DataFrame(
        {
            "gross_margin": np.round(margin, 2),
            "cost_to_serve": np.round(cost, 2),
            "contribution": np.round(contribution, 2),
            "type_key": type_key,
            "customer_type": [labels.customer_type(k, lang) if k else None for k in type_key],
            "type_reason": reasons,
        },
        index=index,
    )


_FACTS = ("late", "costly", "network", "margin_ok", "days", "margin", "cost", "orders")


def _flags(data: pd.DataFrame, key: str) -> np.ndarray:
    if key not in data:
        return np.zeros(len(data), dtype=bool)
    return data[key].fillna(False).to_numpy(dtype=bool)


def _type_reason(key: str, row: dict[str, object], settings: Settings) -> str | None:
    """Why a customer got its type, from one customer's facts."""
    lang = settings.lang
    days, margin, cost, orders = row["days"], row["margin"], row["cost"], row["orders"]
    if not key:
        return None
    if row["late"]:
        return labels.text("type.late", lang, days=f"{days:g}")
    if row["costly"]:
        share = labels.percent(cost / margin, lang) if margin > 0 else "100%+"
        return labels.text(
            "type.costly_network" if row["network"] else "type.costly",
            lang,
            cost=labels.money(cost if cost == cost else 0.0, lang),
            share=share,
            margin=labels.money(margin, lang),
        )
    if key == "thriving":
        if orders != orders:  # NaN: no order history
            text = labels.text("type.thriving_margin", lang)
        else:
            text = labels.text(
                "type.thriving_orders", lang, n=int(orders), m=settings.recent_months
            )
        if days == days:
            text += "; " + labels.text("type.on_time", lang, days=f"{days:g}")
        return text
    if row["network"]:
        return labels.text("type.network", lang)
    parts = []
    if orders != orders:  # NaN: no order history
        if not row["margin_ok"]:
            parts.append(labels.text("type.no_margin", lang))
    elif orders < settings.frequent_orders:
        parts.append(
            labels.text("type.not_frequent", lang, n=int(orders), m=settings.recent_months)
        )
    if days > settings.on_time_days:
        limit = f"{settings.on_time_days:g}"
        parts.append(labels.text("type.slow", lang, days=f"{days:g}", limit=limit))
    return "; ".join(parts)


def ranks(values: pd.Series, mask: pd.Series | None = None) -> pd.Series:
    """1 for the highest value, 2 for the next...; ties share the best rank; NaN stays NaN."""
    ranked = values.where(mask) if mask is not None else values
    return ranked.rank(ascending=False, method="min")


def whale_curve(contribution: pd.Series, names: pd.Series) -> pd.DataFrame:
    """Customers from most to least net contribution with the cumulative contribution.

    Columns: `rank`, `customer`, `contribution`, `customer_share`, `cumulative` and
    `cumulative_share` (of the total net contribution; NaN when the total is not positive).
    """
    values = contribution.to_numpy(dtype=float, na_value=np.nan)
    known = np.flatnonzero(~np.isnan(values))
    order = known[np.argsort(-values[known], kind="stable")]
    sorted_values = values[order]
    n = len(order)
    cumulative = np.cumsum(sorted_values)
    total = cumulative[-1] if n else 0.0
    return pd.DataFrame(
        {
            "rank": np.arange(1, n + 1),
            "customer": names.to_numpy(dtype=object)[order],
            "contribution": sorted_values,
            "customer_share": np.arange(1, n + 1) / n if n else np.array([]),
            "cumulative": cumulative,
            "cumulative_share": cumulative / total if total > 0 else np.full(n, np.nan),
        }
    )


def whale_peak(whale: pd.DataFrame) -> tuple[float, float] | None:
    """(share of customers, share of total contribution) at the top of the whale curve."""
    if whale.empty or whale["cumulative_share"].isna().all():
        return None
    top = int(whale["cumulative"].to_numpy().argmax())
    return float(whale["customer_share"].iloc[top]), float(whale["cumulative_share"].iloc[top])
