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
    `contribution`, `customer_type` (a key: thriving, interesting, tiring), `type_reason`,
    same index.
    """
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
    reasons = _type_reasons(type_key.tolist(), facts, settings)
    type_key[type_key == ""] = None
    return pd.DataFrame(
        {
            "gross_margin": np.round(margin, 2),
            "cost_to_serve": np.round(cost, 2),
            "contribution": np.round(contribution, 2),
            "customer_type": type_key.tolist(),
            "type_reason": reasons,
        },
        index=index,
    )


def _flags(data: pd.DataFrame, key: str) -> np.ndarray:
    if key not in data:
        return np.zeros(len(data), dtype=bool)
    return data[key].fillna(False).to_numpy(dtype=bool)


def _type_reasons(keys: list[str], facts: dict[str, np.ndarray], settings: Settings) -> list:
    """Why each customer got its type, from its facts (one row of `facts` per customer)."""
    lang = settings.lang
    text = {key: labels.text(key, lang) for key in _TYPE_TEXTS}  # templates, fetched once
    kind = np.array(keys, dtype=object)
    typed = kind != ""
    reasons = np.full(len(keys), None, dtype=object)
    # the two common reasons a column at a time
    late = typed & facts["late"]
    reasons[late] = labels.row_texts(
        lambda d: text["type.late"].format(days=f"{d:g}"), facts["days"][late]
    )
    costly = typed & ~late & facts["costly"]
    cost, margin = facts["cost"][costly], facts["margin"][costly]
    with np.errstate(divide="ignore", invalid="ignore"):
        shares = labels.percent_column(np.where(margin > 0, cost / margin, 0.0), lang)
    values = {
        "cost": np.array(labels.money_texts(np.where(np.isnan(cost), 0.0, cost), lang), object),
        "share": np.where(margin > 0, shares, "100%+").astype(object),
        "margin": np.array(labels.money_texts(margin, lang), dtype=object),
    }
    network = facts["network"][costly]
    at = np.flatnonzero(costly)
    for key, rows in (("type.costly_network", network), ("type.costly", ~network)):
        part = {name: texts[rows] for name, texts in values.items()}
        reasons[at[rows]] = labels.text_column(key, lang, int(rows.sum()), **part)
    # the rest by their facts, each distinct set of facts worded once
    on_time, frequent = settings.on_time_days, settings.frequent_orders
    months, limit = settings.recent_months, f"{settings.on_time_days:g}"

    def reason(thriving: bool, network: bool, margin_ok: bool, days: float, orders: float) -> str:
        if thriving:
            if orders != orders:  # NaN: no order history
                reason = text["type.thriving_margin"]
            else:
                reason = text["type.thriving_orders"].format(n=int(orders), m=months)
            if days == days:
                reason += "; " + text["type.on_time"].format(days=f"{days:g}")
            return reason
        if network:
            return text["type.network"]
        parts = []
        if orders != orders:  # NaN: no order history
            if not margin_ok:
                parts.append(text["type.no_margin"])
        elif orders < frequent:
            parts.append(text["type.not_frequent"].format(n=int(orders), m=months))
        if days > on_time:
            parts.append(text["type.slow"].format(days=f"{days:g}", limit=limit))
        return "; ".join(parts)

    rest = typed & ~late & ~costly
    names = ("network", "margin_ok", "days", "orders")
    reasons[rest] = labels.row_texts(
        reason, kind[rest] == "thriving", *(facts[k][rest] for k in names)
    )
    return reasons.tolist()


_TYPE_TEXTS = (
    "type.late",
    "type.costly",
    "type.costly_network",
    "type.thriving_margin",
    "type.thriving_orders",
    "type.on_time",
    "type.network",
    "type.no_margin",
    "type.not_frequent",
    "type.slow",
)


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
