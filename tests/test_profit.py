"""True profitability, customer types, portfolio actions, pyramid and the analyse() join."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
import pytest

from klantanalyse import InputError, Settings, analyse
from klantanalyse.core import labels
from klantanalyse.core.columns import match_headers
from klantanalyse.core.pareto import pareto_curve
from klantanalyse.core.pyramid import pyramid
from order_samples import REF, orders_table


def klanten() -> pd.DataFrame:
    """Five customers with hard data (article 001); index = sheet row number."""
    columns = [
        "Klant",
        "Omzet",
        "Potentie",
        "Netwerk",
        "Brutomarge %",
        "Betaaltermijn (dagen)",
        "Contacturen",
        "Maatwerkkosten",
        "Omzet vorig jaar",
    ]
    rows = [
        ("Alfa", 100000, 0, "Nee", 30, 20, 40, 1000, 80000),
        ("Beta", 50000, 0, "Ja", 10, 30, 40, 2000, 50000),
        ("Gamma", 40000, 5000, "Nee", 15, 60, 10, 0, None),
        ("Delta", 20000, 2000, "Nee", 10, 30, 50, 500, 25000),
        ("Epsilon", 10000, 5000, "Nee", 40, 40, 0, None, None),
    ]
    return pd.DataFrame(rows, columns=columns, index=range(2, 7))


@pytest.fixture(scope="module")
def result():
    return analyse(klanten(), Settings())


def table(result) -> pd.DataFrame:
    return result.shown().set_index("customer")


def test_margin_cost_to_serve_and_net_contribution(result):
    t = table(result)
    # margin = Brutomarge % x Omzet; cost = Contacturen x 75 + Maatwerkkosten
    assert t["gross_margin"].tolist() == [30000, 5000, 6000, 2000, 4000]
    assert t["cost_to_serve"].tolist() == [4000, 5000, 750, 4250, 0]
    assert t["contribution"].tolist() == [26000, 0, 5250, -2250, 4000]


def test_rank_by_contribution_next_to_rank_by_revenue(result):
    t = table(result)
    assert t["rank_contribution"].tolist() == [1, 4, 2, 5, 3]
    assert t["rank_revenue"].tolist() == [1, 2, 3, 4, 5]


def test_hourly_rate_comes_from_settings():
    t = table(analyse(klanten(), Settings(hourly_rate=100)))
    assert t.loc["Alfa", "cost_to_serve"] == 40 * 100 + 1000


def test_customer_types_and_reasons_in_dutch(result):
    t = table(result)
    assert t["customer_type"].tolist() == [
        "Bloeiend",
        "Boeiend",
        "Vermoeiend",
        "Vermoeiend",
        "Boeiend",
    ]
    assert t["type_reason"].tolist() == [
        "goede marge (Marge = Ja); betaalt op tijd (20 dagen)",
        "kosten bediening € 5.000 = 100% van de marge € 5.000, maar Netwerk = Ja",
        "betaalt laat (60 dagen)",
        "kosten bediening € 4.250 = 212% van de marge € 2.000",
        "betaalt in 40 dagen, niet binnen 30",
    ]


def test_customer_types_and_reasons_in_english():
    t = table(analyse(klanten(), Settings(lang="en")))
    assert t["customer_type"].tolist() == [
        "Thriving",
        "Interesting",
        "Tiring",
        "Tiring",
        "Interesting",
    ]
    assert t.loc["Beta", "type_reason"] == (
        "cost to serve €5,000 = 100% of the margin €5,000, but Network = Yes"
    )
    assert t.loc["Gamma", "type_reason"] == "pays late (60 days)"


def test_customer_type_rules_follow_settings():
    t = table(analyse(klanten(), Settings(late_days=90, on_time_days=45)))
    assert t.loc["Gamma", "customer_type"] == "Boeiend"  # 60 days is no longer late
    assert t.loc["Epsilon", "customer_type"] == "Bloeiend"  # 40 days is now on time


def test_whale_curve(result):
    whale = result.portfolio.whale
    assert whale["customer"].tolist() == ["Alfa", "Gamma", "Epsilon", "Beta", "Delta"]
    assert whale["cumulative"].tolist() == [26000, 31250, 35250, 35250, 33000]
    assert whale["cumulative_share"].tolist() == pytest.approx(
        [26000 / 33000, 31250 / 33000, 35250 / 33000, 35250 / 33000, 1.0]
    )
    assert whale["customer_share"].tolist() == pytest.approx([0.2, 0.4, 0.6, 0.8, 1.0])
    assert result.portfolio.whale_peak == pytest.approx((0.6, 35250 / 33000))


def test_change_projection_and_action(result):
    t = table(result)
    assert t.loc["Alfa", "change"] == pytest.approx(0.25)
    assert t.loc["Alfa", "projection"] == pytest.approx(125000)  # +25% once more
    assert np.isnan(t.loc["Gamma", "change"])
    assert t.loc["Gamma", "projection"] == 40000  # no last year: no trend
    assert t.loc["Delta", "projection"] == pytest.approx(20000 * 0.8)
    assert t["action"].tolist() == [
        "Ontwikkelen",
        "Onderhouden",
        "Onderhouden",
        "Heroverwegen",
        "Ontwikkelen",
    ]
    assert t["action_reason"].tolist() == [
        "groeit: prognose € 125.000",
        "rendabel zonder groeisignaal; houd het contact zoals het is",
        "rendabel zonder groeisignaal; houd het contact zoals het is",
        "verlies € 2.250; potentie levert hooguit € 200 marge op",
        "potentie € 5.000 = 50% van de omzet",
    ]


def test_loss_making_customer_with_enough_potential_is_not_reconsidered():
    table_in = klanten()
    table_in.loc[5, "Potentie"] = 30000  # 10% margin on 30,000 covers the 2,250 loss
    t = table(analyse(table_in, Settings()))
    assert t.loc["Delta", "action"] == "Ontwikkelen"


def test_result_keys_grow_only_with_data():
    basic = pd.DataFrame({"Klant": ["A", "B"], "Omzet": [10, 20]}, index=[2, 3])
    plain = analyse(basic, Settings())
    assert plain.result_keys == ("score", "revenue_class", "segment", "advice", "message")
    assert plain.portfolio.whale is None and plain.portfolio.retention is None
    full = analyse(klanten(), Settings())
    assert full.result_keys[:4] == plain.result_keys[:4]
    assert full.result_keys[-1] == "message"
    for key in ("contribution", "rank_contribution", "customer_type", "action", "projection"):
        assert key in full.result_keys
    assert "signal" not in full.result_keys
    assert full.result_table().columns[-2:].tolist() == ["Reden actie", "Melding"]


# ---- pyramid and Pareto curve -----------------------------------------------------------


def test_pyramid_layers():
    revenue = pd.Series([float(v) for v in range(1, 201)] + [0.0, 0.0, np.nan])
    layers = pyramid(revenue).set_index("layer")
    assert layers["customers"].tolist() == [2, 8, 30, 160, 3]
    assert layers["revenue"].tolist() == [
        200 + 199,
        sum(range(191, 199)),
        sum(range(161, 191)),
        sum(range(1, 161)),
        0,
    ]
    assert layers["revenue_share"].sum() == pytest.approx(1.0)
    assert layers.loc["top1", "name"] == "Top 1%"
    assert pyramid(revenue, lang="en").loc[4, "name"] == "Inactive"


def test_small_pyramid_rounds_layer_limits_up():
    # limits after 1% / 5% / 20% of 50 customers: 0.5 -> 1, 2.5 -> 3, 10
    layers = pyramid(pd.Series([float(v) for v in range(50, 0, -1)]))
    assert layers["customers"].tolist() == [1, 2, 7, 40, 0]
    layers = pyramid(pd.Series([50.0, 40.0, 30.0, 20.0, 10.0]))
    assert layers["customers"].tolist() == [1, 0, 0, 4, 0]


def test_pareto_curve():
    curve = pareto_curve(pd.Series([20.0, 50.0, 0.0, 30.0]), pd.Series(["c", "a", "x", "b"]))
    assert curve["customer"].tolist() == ["a", "b", "c"]
    assert curve["customer_share"].tolist() == pytest.approx([1 / 3, 2 / 3, 1])
    assert curve["revenue_share"].tolist() == pytest.approx([0.5, 0.8, 1.0])


# ---- analyse() with orders --------------------------------------------------------------


def seed_klanten() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "Klant": ["BAKKERIJ JANSEN", "Van Dijk BV", "Zonder Orders"],
            "Omzet": [None, 20000, 100],
            "Netwerk": ["Nee", "Ja", "Nee"],
        },
        index=[2, 3, 4],
    )


@pytest.fixture(scope="module")
def with_orders():
    return analyse(seed_klanten(), Settings(reference_date=REF), orders=orders_table())


def test_order_columns_join_by_name_case_insensitively(with_orders):
    t = with_orders.shown().set_index("customer")
    assert t.loc["BAKKERIJ JANSEN", "signal"] == "Potentie"
    assert t.loc["BAKKERIJ JANSEN", "signal_reason"] == (
        "gem. order 12 mnd € 410 vs € 1.565 totaal; 1 order(s) in 12 mnd, eerder 3 per 12 mnd"
    )
    assert t.loc["Van Dijk BV", "signal"] == "Aandacht"
    assert np.isnan(t.loc["Zonder Orders", "orders_total"])


def test_blank_revenue_comes_from_the_recent_window(with_orders):
    t = with_orders.shown().set_index("customer")
    assert t.loc["BAKKERIJ JANSEN", "revenue"] == 410  # blank in Klanten
    assert t.loc["Van Dijk BV", "revenue"] == 20000  # typed revenue wins
    assert t.loc["BAKKERIJ JANSEN", "message"] is None


def test_customers_only_in_orders_are_added_below_the_table(with_orders):
    added = with_orders.results.loc[list(with_orders.portfolio.added_rows)]
    assert with_orders.portfolio.added_rows == (5, 6, 7)
    assert added["customer"].tolist() == ["De Vries", "Nieuw & Co", "Stabiel BV"]
    assert added["revenue"].tolist() == [0, 1000, 2200]
    assert added["segment"].notna().all()
    assert any("3 klant(en) uit blad Orders toegevoegd" in w for w in with_orders.warnings)
    assert any("'Zonder Orders'" in w for w in with_orders.warnings)


def test_types_and_actions_use_the_order_history(with_orders):
    t = with_orders.shown().set_index("customer")
    assert t.loc["Van Dijk BV", "customer_type"] == "Bloeiend"
    assert t.loc["Van Dijk BV", "type_reason"] == "bestelt vaak (4 orders in 12 mnd)"
    assert t.loc["Van Dijk BV", "action"] == "Ontwikkelen"
    assert t.loc["Van Dijk BV", "action_reason"] == "signaal Aandacht"
    assert t.loc["Stabiel BV", "customer_type"] == "Boeiend"
    assert t.loc["Stabiel BV", "type_reason"] == "bestelt niet vaak: 2 order(s) in 12 mnd"
    assert t.loc["Stabiel BV", "action"] == "Onderhouden"
    assert t.loc["BAKKERIJ JANSEN", "projection"] == pytest.approx(205)


def test_portfolio_tables_with_orders(with_orders):
    view = with_orders.portfolio
    assert view.retention["year"].tolist() == [2022, 2023, 2024]
    layers = view.pyramid.set_index("layer")
    # De Vries (no order in the window) and Zonder Orders (typed revenue) count as
    # inactive resp. active; six customers in all
    assert layers["customers"].sum() == 6
    assert layers.loc["inactive", "customers"] == 1
    assert view.pareto["customer"].iloc[0] == "Van Dijk BV"


def test_without_revenue_column_the_orders_give_revenue():
    names = pd.DataFrame({"Klant": ["Van Dijk BV"]}, index=[2])
    result = analyse(names, Settings(reference_date=REF), orders=orders_table())
    t = result.shown().set_index("customer")
    assert t.loc["Van Dijk BV", "revenue"] == 11500
    assert len(t) == 5
    with pytest.raises(InputError, match="Omzet"):
        analyse(names, Settings(reference_date=REF))


def test_empty_customer_sheet_with_orders():
    result = analyse(pd.DataFrame(), Settings(reference_date=REF), orders=orders_table())
    assert result.portfolio.added_rows == (2, 3, 4, 5, 6)
    assert result.summary.customers == 5


def test_order_margins_give_the_margin_amount():
    orders = pd.DataFrame(
        {
            "Klant": ["Alfa", "Alfa", "Beta"],
            "Datum": ["01-01-2024", "01-03-2024", "01-02-2024"],
            "Bedrag": [1000, 3000, 500],
            "Marge": [300, 900, 50],
        }
    )
    names = pd.DataFrame({"Klant": ["Alfa", "Beta"], "Contacturen": [2, 4]}, index=[2, 3])
    t = analyse(names, Settings(reference_date=REF), orders=orders).shown().set_index("customer")
    assert t["gross_margin"].tolist() == [1200, 50]
    assert t["contribution"].tolist() == [1200 - 150, 50 - 300]
    assert t.loc["Beta", "customer_type"] == "Vermoeiend"


def test_recent_window_length_scales_revenue_to_a_year():
    orders = pd.DataFrame(
        {"Klant": ["Alfa"] * 2, "Datum": ["01-05-2024", "01-01-2024"], "Bedrag": [600, 900]}
    )
    settings = Settings(reference_date=dt.date(2024, 6, 30), recent_months=3)
    t = analyse(pd.DataFrame(), settings, orders=orders).shown().set_index("customer")
    assert t.loc["Alfa", "revenue"] == 600 * 4
    assert t.loc["Alfa", "orders_recent"] == 1


def test_new_result_headers_are_never_read_back_as_inputs():
    keys = labels.HISTORY_KEYS + labels.PROFIT_KEYS + labels.PORTFOLIO_KEYS
    headers = [name for key in keys for name in labels.HEADERS[key]]
    assert match_headers(headers, labels.INPUT_KEYS) == {}
    assert match_headers(headers, labels.ORDER_KEYS) == {}


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_amounts_of_a_whole_column_read_as_one_at_a_time(lang):
    """The reasons format their amounts a column at a time: the same text as `money`."""
    rng = np.random.default_rng(3)
    values = np.concatenate(
        [
            [0.5, 1.5, 2.5, -0.5, -1.5, -0.4, 0.0, -0.0, 999.5, 1234567.49, -1e15, 1e15, 3e18],
            [np.nan, np.inf, -np.inf, 1e300],
            rng.uniform(-1e7, 1e7, 2000),
            rng.integers(-(10**6), 10**6, 2000) / 2,
        ]
    )
    assert labels.money_texts(values, lang) == [labels.money(v, lang) for v in values.tolist()]
    assert labels.money_texts([1950.4], lang) == (["€ 1.950"] if lang == "nl" else ["€1,950"])


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_percentages_of_a_whole_column_read_as_one_at_a_time(lang):
    values = [0.0, 0.05, 0.0994, 0.0995, 0.25, 1.0, 12.5, -0.05, -0.5, float("nan")]
    values += np.random.default_rng(4).uniform(-2, 2, 500).tolist()
    assert labels.percent_texts(values, lang) == [labels.percent(v, lang) for v in values]
