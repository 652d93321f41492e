"""The portfolio view (article 004) and the glue that adds order history and profitability
to the analysis results.

Per customer:
- Change: (`Omzet` − `Omzet vorig jaar`) / `Omzet vorig jaar` when `Omzet vorig jaar` is
  filled in; otherwise the order history's recent window against the window before.
- 12-month projection: from the order history when the customer has orders (see
  `history.project`); otherwise `Omzet` with the same growth rule against `Omzet vorig jaar`.
- Action, first rule that holds wins:
  0. *Heractiveren* or *Loslaten* for a customer with signal Slapend (see
     `actions.reactivate`): a customer that does not buy is won back or let go.
  1. *Heroverwegen*: net contribution below zero, and the extra `Potentie` at this
     customer's margin rate would not make up the loss.
  2. *Ontwikkelen*: signal Potentie, Aandacht or Nieuw; or `Potentie` at least
     `develop_share` of `Omzet`; or revenue growing by at least `develop_share`.
  3. *Onderhouden*: the rest.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

import numpy as np
import pandas as pd

from . import labels
from .actions import reactivate
from .history import OrderHistory, fold, project
from .pareto import pareto_curve
from .profit import PROFIT_INPUTS, profitability, ranks, whale_curve, whale_peak
from .pyramid import pyramid
from .settings import Settings

GROWTH_SIGNALS = ("potential", "attention", "new")


@dataclass(frozen=True)
class PortfolioView:
    """Tables behind the charts and summary blocks: the writers draw these.

    `pareto` and `pyramid` always; `whale` when margins are known; `retention` and
    `history` when orders were given. `added_rows` are the index labels of customers that
    only appear in the orders (appended below the Klanten rows).
    """

    pareto: pd.DataFrame
    pyramid: pd.DataFrame
    whale: pd.DataFrame | None = None
    whale_peak: tuple[float, float] | None = None
    retention: pd.DataFrame | None = None
    history: OrderHistory | None = None
    added_rows: tuple[object, ...] = ()


def extend(
    results: pd.DataFrame,
    numbers: dict[str, pd.Series],
    answers: pd.DataFrame,
    ok: pd.Series,
    history: OrderHistory | None,
    settings: Settings,
    added_rows: tuple[object, ...] = (),
) -> tuple[pd.DataFrame, tuple[str, ...], PortfolioView]:
    """Add the order-history, profitability and portfolio columns that have data.

    Returns the widened results, the result keys added (in order) and the chart tables.
    """
    results = results.copy()
    keys: list[str] = []
    index = results.index
    revenue = results["revenue"]
    has_history = pd.Series(False, index=index)
    if history is not None:
        per = history.per_customer
        folded = results["customer"].map(lambda n: fold(n) if isinstance(n, str) else None)
        joined = per.reindex(folded.to_numpy())
        joined.index = index
        has_history = pd.Series(folded.isin(per.index).to_numpy(), index=index)
        for key in (*labels.HISTORY_KEYS, "change", "projection"):
            results[key] = joined["signal_key" if key == "signal" else key]
        keys += labels.HISTORY_KEYS
        order_margin = (
            joined["margin_recent"] * (12 / settings.recent_months) if history.has_margin else None
        )
    else:
        order_margin = None

    profit_data = [k for k in PROFIT_INPUTS if k in numbers]
    if profit_data or history is not None:
        data = pd.DataFrame({"revenue": revenue}, index=index)
        for key in profit_data:
            data[key] = numbers[key]
        if order_margin is not None:
            data["order_margin"] = order_margin
        if history is not None:
            data["orders_recent"] = results["orders_recent"]
        data["margin_ok"] = answers["margin"]
        data["network"] = answers["network"]
        profit = profitability(data, settings)
        for key in profit:
            results[key] = profit[key]
        money_known = "gross_margin_pct" in profit_data or order_margin is not None
        if money_known or "contact_hours" in numbers or "custom_costs" in numbers:
            results["rank_contribution"] = ranks(results["contribution"], ok)
            results["rank_revenue"] = ranks(revenue, ok & results["contribution"].notna())
            keys += ["gross_margin", "cost_to_serve", "contribution"]
            keys += ["rank_contribution", "rank_revenue"]
        keys += ["customer_type", "type_reason"]

    if history is not None or "revenue_last_year" in numbers or profit_data:
        _portfolio_columns(results, numbers, has_history, settings)
        keys += labels.PORTFOLIO_KEYS

    good = ok.to_numpy()
    active = revenue > 0
    if history is not None:
        active &= ~has_history | (results["orders_recent"] > 0)
    names = results["customer"][good]
    whale = None
    if "contribution" in keys:
        whale = whale_curve(results["contribution"][good], names)
    view = PortfolioView(
        pareto=pareto_curve(revenue[good], names),
        pyramid=pyramid(revenue[good], active[good], settings.lang),
        whale=whale,
        whale_peak=whale_peak(whale) if whale is not None else None,
        retention=history.retention if history is not None else None,
        history=history,
        added_rows=tuple(added_rows),
    )
    return results, tuple(keys), view


def _portfolio_columns(
    results: pd.DataFrame,
    numbers: dict[str, pd.Series],
    has_history: pd.Series,
    settings: Settings,
) -> None:
    """Fill `change`, `projection`, `action`, `action_reason` in place."""
    lang = settings.lang
    index = results.index
    revenue = results["revenue"].to_numpy(dtype=float, na_value=np.nan)
    last_year = numbers.get("revenue_last_year", pd.Series(np.nan, index=index))
    last_year = last_year.to_numpy(dtype=float, na_value=np.nan)
    with np.errstate(divide="ignore", invalid="ignore"):
        typed_change = np.where(last_year > 0, revenue / last_year - 1, np.nan)
    change = _column(results, "change")
    change = np.where(~np.isnan(last_year), typed_change, change)
    from_orders = has_history.to_numpy(dtype=bool)
    projection = np.where(
        from_orders,
        _column(results, "projection"),
        project(revenue, np.nan_to_num(last_year)),
    )
    results["change"] = change
    results["projection"] = np.round(projection, 2)

    potential = numbers.get("potential", pd.Series(0.0, index=index)).fillna(0.0).to_numpy()
    contribution = _column(results, "contribution")
    margin = _column(results, "gross_margin")
    with np.errstate(divide="ignore", invalid="ignore"):
        rate = np.where(revenue > 0, margin / revenue, np.nan)
    gain = np.nan_to_num(potential * rate)
    signal = (
        results["signal"].to_numpy(dtype=object)
        if "signal" in results
        else np.full(len(index), None, dtype=object)
    )
    growth_signal = np.isin(signal, GROWTH_SIGNALS)
    with np.errstate(invalid="ignore"):
        reconsider = (contribution < 0) & (gain < -contribution)
        big_potential = (potential > 0) & (
            potential >= settings.develop_share * np.nan_to_num(revenue)
        )
        growing = change >= settings.develop_share
    dormant = signal == "dormant"
    back = reactivate(
        results["segment"].to_numpy(dtype=object),
        potential,
        _column(results, "revenue_previous"),
        settings,
    )
    key = np.select(
        [dormant & back, dormant, reconsider, growth_signal | big_potential | growing],
        ["reactivate", "let_go", "reconsider", "develop"],
        default="maintain",
    )
    text = {k: labels.text(k, lang) for k in _ACTION_TEXTS}  # templates, fetched once
    money = functools.partial(labels.money_texts, lang=lang)
    reasons = np.full(len(index), None, dtype=object)
    left = np.ones(len(index), dtype=bool)

    def take(mask: np.ndarray) -> np.ndarray:
        """The rows of `mask` that have no reason yet (the first rule that holds gives it)."""
        nonlocal left
        rows = left & mask
        left &= ~rows
        return rows

    revenue_previous = np.nan_to_num(_column(results, "revenue_previous"))
    m = settings.recent_months

    def fill(key: str, rows: np.ndarray, **values: object) -> None:
        """The reason `key` for `rows`; `values` are scalars or one text per row."""
        reasons[rows] = labels.text_column(key, lang, int(rows.sum()), **values)

    rows = take(key == "reactivate")
    worth = revenue_previous >= settings.reactivate_revenue
    segments = results["segment"].to_numpy(dtype=object)
    enough = rows & worth
    fill("act.reactivate", enough, previous=_texts(money(revenue_previous[enough])), m=m)
    rest = rows & ~worth

    def value(segment: object, potential: float) -> str:
        if segment in ("A", "B"):
            return labels.text("act.value_segment", lang, segment=segment)
        return labels.text("act.value_potential", lang, potential=labels.money(potential, lang))

    fill(
        "act.reactivate_value", rest, value=labels.row_texts(value, segments[rest], potential[rest])
    )
    rows = take(key == "let_go")
    limit = labels.money(settings.reactivate_revenue, lang)
    fill("act.let_go", rows, previous=_texts(money(revenue_previous[rows])), m=m, limit=limit)
    rows = take(key == "reconsider")
    fill(
        "act.reconsider",
        rows,
        loss=_texts(money(-contribution[rows])),
        gain=_texts(money(gain[rows])),
    )
    rows = take(growth_signal)
    words = labels.row_texts(lambda s: labels.signal_word(s, lang), signal[rows])
    fill("act.develop_signal", rows, signal=words)
    rows = take((key == "develop") & big_potential)

    def share(p: float, r: float) -> str:
        return labels.percent(p / r, lang) if r > 0 else "100%+"

    fill(
        "act.develop_potential",
        rows,
        potential=_texts(money(potential[rows])),
        share=labels.row_texts(share, potential[rows], revenue[rows]),
    )
    rows = take(key == "develop")
    fill("act.develop_growth", rows, projection=_texts(money(projection[rows])))
    reasons[take(np.isnan(contribution))] = text["act.maintain_unknown"]
    reasons[left] = text["act.maintain"]
    results["action"] = key.tolist()
    results["action_reason"] = reasons.tolist()


_ACTION_TEXTS = (
    "act.reactivate",
    "act.reactivate_value",
    "act.let_go",
    "act.reconsider",
    "act.develop_signal",
    "act.develop_potential",
    "act.develop_growth",
    "act.maintain_unknown",
    "act.maintain",
)


def _texts(texts: list[str]) -> np.ndarray:
    return np.array(texts, dtype=object)


def _column(results: pd.DataFrame, key: str) -> np.ndarray:
    if key not in results:
        return np.full(len(results), np.nan)
    return results[key].to_numpy(dtype=float, na_value=np.nan)
