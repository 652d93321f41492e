"""Order history per customer (article 000): figures, signals, bad rows, Online Retail."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
import pytest
from dateutil.relativedelta import relativedelta

from conftest import SHARED
from klantanalyse import InputError, Settings, SettingsError, analyse
from klantanalyse.core.columns import (
    parse_amount,
    parse_amount_column,
    parse_date,
    parse_date_column,
)
from klantanalyse.core.history import order_history, project
from order_samples import REF, orders_table


@pytest.fixture(scope="module")
def history():
    return order_history(orders_table(), Settings(reference_date=REF))


def test_figures_per_customer(history):
    per = history.per_customer.set_index("customer")
    jansen = per.loc["Bakkerij Jansen"]
    assert jansen["orders_total"] == 4
    assert jansen["avg_order"] == pytest.approx((2000 + 1900 + 1950 + 410) / 4)
    assert jansen["orders_recent"] == 1
    assert jansen["avg_order_recent"] == pytest.approx(410)
    assert jansen["first_order"] == pd.Timestamp("2022-09-01")
    assert jansen["last_order"] == pd.Timestamp("2024-02-01")
    assert jansen["months_since"] == 4
    assert jansen["revenue_recent"] == pytest.approx(410)
    assert jansen["revenue_previous"] == pytest.approx(2000 + 1900 + 1950)
    assert jansen["change"] == pytest.approx(410 / 5850 - 1)
    # growth 410/5850 is below the limit, so the run rate is halved
    assert jansen["projection"] == pytest.approx(410 * 0.5)

    stable = per.loc["Stabiel BV"]
    assert stable["orders_total"] == 4  # four dates; the return is not an order
    assert stable["orders_recent"] == 2
    assert stable["avg_order_recent"] == pytest.approx(1200)
    assert stable["revenue_recent"] == pytest.approx(1200 + 1200 - 200)
    assert stable["revenue_previous"] == pytest.approx(2000)
    assert stable["change"] == pytest.approx(0.10)
    assert stable["projection"] == pytest.approx(2200 * 1.10)

    dormant = per.loc["De Vries"]
    assert dormant["orders_recent"] == 0
    assert np.isnan(dormant["avg_order_recent"])
    assert dormant["months_since"] == 15
    assert dormant["revenue_recent"] == 0
    assert dormant["projection"] == 0


def test_credit_notes_lower_revenue_but_are_not_orders(history):
    van_dijk = history.per_customer.set_index("customer").loc["Van Dijk BV"]
    assert van_dijk["orders_total"] == 4
    assert van_dijk["avg_order"] == pytest.approx(3000)
    assert van_dijk["revenue_recent"] == pytest.approx(12000 - 500)
    assert van_dijk["last_order"] == pd.Timestamp("2023-11-20")  # the credit note is later
    assert np.isnan(van_dijk["change"])  # nothing in the window before
    assert van_dijk["projection"] == pytest.approx(11500)


def test_names_differing_in_case_are_one_customer(history):
    assert sorted(history.per_customer["customer"]) == [
        "Bakkerij Jansen",
        "De Vries",
        "Nieuw & Co",
        "Stabiel BV",
        "Van Dijk BV",
    ]


def test_signals_and_dutch_reasons(history):
    per = history.per_customer.set_index("customer")
    assert per.loc["Bakkerij Jansen", "signal"] == "Potentie"
    assert per.loc["Bakkerij Jansen", "signal_reason"] == (
        "gem. order 12 mnd € 410 vs € 1.565 totaal; 1 order(s) in 12 mnd, eerder 3 per 12 mnd"
    )
    assert per.loc["Van Dijk BV", "signal"] == "Aandacht"
    assert per.loc["Van Dijk BV", "signal_reason"] == (
        "4 orders in 12 mnd, gem. € 3.000; laatste order 7 mnd geleden (20-11-2023)"
    )
    assert per.loc["De Vries", "signal"] == "Slapend"
    assert per.loc["De Vries", "signal_reason"] == "geen order in 12 mnd; laatste order 01-03-2023"
    assert per.loc["Nieuw & Co", "signal"] == "Nieuw"
    assert (
        per.loc["Nieuw & Co", "signal_reason"] == "eerste order 01-05-2024; 2 order(s), gem. € 500"
    )
    assert per.loc["Stabiel BV", "signal"] == "Stabiel"
    assert per.loc["Stabiel BV", "signal_reason"] == (
        "2 order(s) in 12 mnd, gem. € 1.200; omzet +10% t.o.v. periode ervoor"
    )


def test_signals_and_english_reasons():
    per = order_history(orders_table(), Settings(lang="en", reference_date=REF)).per_customer
    per = per.set_index("customer")
    assert per.loc["Bakkerij Jansen", "signal"] == "Potential"
    assert per.loc["Bakkerij Jansen", "signal_reason"] == (
        "avg. order 12 mo €410 vs €1,565 overall; 1 order(s) in 12 mo, before 3 per 12 mo"
    )
    assert per.loc["Van Dijk BV", "signal"] == "Attention"
    assert per.loc["Van Dijk BV", "signal_reason"] == (
        "4 orders in 12 mo, avg. €3,000; last order 7 mo ago (2023-11-20)"
    )
    assert per.loc["De Vries", "signal"] == "Dormant"
    assert per.loc["Nieuw & Co", "signal"] == "New"
    assert per.loc["Stabiel BV", "signal_reason"] == (
        "2 order(s) in 12 mo, avg. €1,200; revenue +10% vs period before"
    )


def test_signal_thresholds_come_from_settings():
    settings = Settings(reference_date=REF, silent_months=8)  # Van Dijk is silent 7 months
    per = order_history(orders_table(), settings).per_customer.set_index("customer")
    assert per.loc["Van Dijk BV", "signal"] == "Nieuw"  # its first order lies in the window
    settings = Settings(reference_date=REF, potential_drop=0.2)  # 410 is 26% of 1,565
    per = order_history(orders_table(), settings).per_customer.set_index("customer")
    assert per.loc["Bakkerij Jansen", "signal"] == "Stabiel"


def test_bad_rows_are_skipped_and_reported_with_row_numbers(history):
    assert history.skipped == {
        "bad_date": (20, 21),
        "bad_amount": (22,),
        "no_customer": (23,),
    }
    text = " | ".join(history.warnings)
    assert "rij 20, 21" in text and "dd-mm-jjjj" in text
    assert "rij 22" in text
    assert "rij 23" in text
    assert "1 rij(en) na de peildatum 30-06-2024" in text
    # the skipped rows did not count anywhere
    per = history.per_customer.set_index("customer")
    assert per.loc["Nieuw & Co", "orders_total"] == 2
    assert per.loc["De Vries", "revenue_recent"] == 0


def test_long_lists_of_bad_rows_are_shortened():
    table = pd.DataFrame(
        {"Klant": ["A"] * 14, "Datum": ["nooit"] * 13 + ["01-01-2024"], "Bedrag": [1] * 14},
        index=range(2, 16),
    )
    history = order_history(table, Settings(reference_date=REF))
    assert history.skipped["bad_date"] == tuple(range(2, 15))
    assert "13 rij(en)" in history.warnings[0]
    assert "2, 3, 4, 5, 6, 7, 8, 9, 10, 11 en 3 meer" in history.warnings[0]


def test_retention_per_calendar_year():
    # one early order makes the orders cover all of 2022
    early = pd.DataFrame(
        [("Vroeg BV", "01-01-2022", 100, "E1")],
        columns=["Klant", "Datum", "Bedrag", "Ordernummer"],
        index=[26],
    )
    table = pd.concat([orders_table(), early])
    retention = order_history(table, Settings(reference_date=REF)).retention.set_index("year")
    assert retention.loc[2022, "active"] == 3
    assert np.isnan(retention.loc[2022, "retention"])
    assert np.isnan(retention.loc[2022, "new"])  # nothing before the first year to compare
    assert retention.loc[2023, ["active", "retained", "new", "lost"]].tolist() == [4, 2, 2, 1]
    assert retention.loc[2023, "retention"] == pytest.approx(2 / 3)
    assert retention.loc[2024, ["active", "retained", "new", "lost"]].tolist() == [3, 2, 1, 2]
    assert retention.loc[2024, "retention"] == 0.5
    assert retention["partial"].tolist() == [False, False, True]
    assert retention["since"].isna().all()


def test_retention_after_a_year_the_orders_cover_in_part(history):
    # the sample starts on 01-09-2022: a third of 2022, too little to compare 2023 with
    retention = history.retention.set_index("year")
    assert retention.loc[2022, "active"] == 2
    assert retention.loc[2022, "since"] == pd.Timestamp("2022-09-01")
    assert retention.loc[2023, "active"] == 4
    assert retention.loc[2023, ["retained", "retention", "new", "lost"]].isna().all()
    assert retention.loc[2024, ["active", "retained", "new", "lost"]].tolist() == [3, 2, 1, 2]


def test_quantity_times_price_with_online_retail_headers():
    table = pd.DataFrame(
        {
            "InvoiceNo": ["536365", "536365", "C536379", 536400],
            "StockCode": ["85123A", "71053", "D", "1"],
            "Quantity": [6.0, 8.0, -1.0, 2.0],
            "InvoiceDate": ["2010-12-01 08:26:00"] * 2 + ["2010-12-01 09:41:00"] * 2,
            "UnitPrice": [2.55, 2.75, 27.5, 1.0],
            "CustomerID": [17850.0, 17850.0, 17850.0, 17850],
            "Country": ["United Kingdom"] * 4,
        },
        index=range(2, 6),
    )
    history = order_history(table, Settings(reference_date=dt.date(2011, 12, 9)))
    row = history.per_customer.iloc[0]
    assert row["customer"] == "17850"
    assert row["orders_total"] == 2
    assert row["avg_order"] == pytest.approx((6 * 2.55 + 8 * 2.75 + 2.0) / 2)
    assert row["revenue_recent"] == 0  # 2010-12-01 lies before the window
    assert row["revenue_total"] == pytest.approx(6 * 2.55 + 8 * 2.75 - 27.5 + 2.0)
    # one day of data is no window before to compare with
    assert np.isnan(row["revenue_previous"]) and np.isnan(row["change"])


def test_customer_name_column_wins_over_customer_number():
    table = pd.DataFrame(
        {
            "Klantnummer": [101, 102],
            "Klantnaam": ["Alfa", "Beta"],
            "Factuurdatum": ["01-01-2024", "02-01-2024"],
            "Bedrag": [10, 20],
        }
    )
    history = order_history(table, Settings(reference_date=REF))
    assert sorted(history.per_customer["customer"]) == ["Alfa", "Beta"]


@pytest.mark.parametrize(
    ("columns", "expected"),
    [
        (["Klant", "Bedrag"], "de kolom 'Datum' ontbreekt"),
        (["Datum", "Bedrag"], "de kolom 'Klant' ontbreekt"),
        (["Klant", "Datum", "Aantal"], "er is geen kolom 'Bedrag'"),
        (
            ["Klant", "Datum", "Bedrag", "Orderbedrag"],
            "de kop 'Bedrag' staat er meer dan eens (kolommen C, D)",
        ),
    ],
)
def test_missing_or_double_columns_are_one_clear_sentence(columns, expected):
    table = pd.DataFrame([["x"] * len(columns)], columns=columns)
    with pytest.raises(InputError) as caught:
        order_history(table, Settings(reference_date=REF))
    assert str(caught.value).startswith(expected)


def test_orders_without_a_single_usable_line():
    table = pd.DataFrame({"Klant": ["A"], "Datum": ["nooit"], "Bedrag": [5]})
    with pytest.raises(InputError, match="geen bruikbare orderregels"):
        order_history(table, Settings(reference_date=REF))


def test_projection_method():
    current = np.array([1000.0, 1000.0, 1000.0, 1000.0, 0.0, -50.0])
    previous = np.array([800.0, 4000.0, 100.0, 0.0, 500.0, 100.0])
    assert project(current, previous).tolist() == [1250.0, 500.0, 1500.0, 1000.0, 0.0, 0.0]


# ---- whole-column parsing agrees with the cell parsers -----------------------------------

DATE_CELLS = [
    "2011-01-05",
    "05-01-2011",
    " 5-1-2011 ",
    "31/12/2011",
    "2011-12-09 08:26:00",
    "09-12-2011 08:26",
    "2011-12-09 08:26",
    "2011-12-09T08:26",
    "31-02-2024",
    "gisteren",
    "12/31/2011",
    40000,
    40000.5,
    0.5,
    dt.date(2020, 1, 2),
    dt.datetime(2020, 1, 2, 13, 0),
    pd.Timestamp("2011-03-04"),
    None,
    "",
    "  ",
    True,
]


def _cell_date(value):
    try:
        parsed = parse_date(value)
    except ValueError:
        return "bad"
    return None if parsed is None else pd.Timestamp(parsed)


def test_date_column_matches_parse_date_cell_by_cell():
    values, bad = parse_date_column(pd.Series(DATE_CELLS, dtype=object))
    got = ["bad" if b else (None if pd.isna(v) else v) for v, b in zip(values, bad, strict=True)]
    assert got == [_cell_date(v) for v in DATE_CELLS]


def test_iso_dates_with_hours_and_minutes_are_dates():
    """An export's '2024-03-05 10:00' (no seconds) is the 5th of March, as pandas reads it."""
    cells = ["2024-03-05 10:00", "2024-12-31T23:59", "2024-02-30 10:00"]
    values, bad = parse_date_column(pd.Series(cells, dtype=object))
    expected = pd.to_datetime(pd.Series(cells), format="ISO8601", errors="coerce")
    assert values[:2].tolist() == expected[:2].tolist()
    assert pd.isna(expected[2]) and pd.isna(values[2]) and bad.tolist() == [False, False, True]


def test_date_column_of_text_numbers_and_datetimes():
    text = pd.Series(["2011-12-09 08:26:00", None, "xx"], dtype="str")
    values, bad = parse_date_column(text)
    assert values[0] == pd.Timestamp("2011-12-09 08:26") and pd.isna(values[1])
    assert bad.tolist() == [False, False, True]
    values, bad = parse_date_column(pd.Series([45000.0, np.nan, -3.0]))
    assert values[0] == pd.Timestamp("2023-03-15") and bad.tolist() == [False, False, True]
    stamps = pd.Series(pd.to_datetime(["2024-01-01", None]))
    values, bad = parse_date_column(stamps)
    assert values[0] == pd.Timestamp("2024-01-01") and not bad.any()


AMOUNT_CELLS = ["€ 12.500", "12,50", "1.234,56", 3, 2.5, None, " ", "abc", "-4,50", "(7)", True]


def _cell_amount(value):
    try:
        parsed = parse_amount(value)
    except ValueError:
        return "bad"
    return parsed


def test_amount_column_matches_parse_amount_cell_by_cell():
    values, bad = parse_amount_column(pd.Series(AMOUNT_CELLS, dtype=object))
    got = ["bad" if b else (None if np.isnan(v) else v) for v, b in zip(values, bad, strict=True)]
    assert got == [_cell_amount(v) for v in AMOUNT_CELLS]


# ---- settings ---------------------------------------------------------------------------


HISTORY_SETTINGS = (
    "potential_drop",
    "few_orders",
    "frequent_orders",
    "big_order",
    "hourly_rate",
    "on_time_days",
    "late_days",
    "cost_share",
    "develop_share",
)


def test_history_settings_round_trip_through_the_sheet():
    custom = Settings(
        reference_date=REF,
        potential_drop=0.4,
        few_orders=3,
        frequent_orders=6,
        big_order=1.5,
        hourly_rate=60.0,
        on_time_days=14.0,
        late_days=60.0,
        cost_share=0.3,
        develop_share=0.5,
    )
    for lang in ("nl", "en"):
        rows = custom.replace(lang=lang).to_rows()
        again, warnings = Settings.from_rows([(label, value) for label, value, _ in rows])
        assert warnings == []
        for key in HISTORY_SETTINGS:
            assert getattr(again, key) == pytest.approx(getattr(custom, key)), key


def test_history_settings_read_from_dutch_labels():
    settings, _ = Settings.from_rows(
        [
            ("Uurtarief contacturen (€)", "€ 60"),
            ("Potentie: gem. order recent hoogstens (% van totaal)", 0.4),  # cell in % format
            ("Vaak bestellen: minstens zoveel orders recent", 5),
            ("Aandacht: gem. order minstens (% van de middelste klant)", "150"),
        ]
    )
    assert settings.hourly_rate == 60
    assert settings.potential_drop == pytest.approx(0.4)
    assert settings.frequent_orders == 5
    assert settings.big_order == pytest.approx(1.5)


@pytest.mark.parametrize(
    ("label", "value", "expected"),
    [
        ("Vaak bestellen: minstens zoveel orders recent", "2,5", "heel aantal"),
        ("Uurtarief contacturen (€)", "-5", "getal van 0 of meer"),
        ("Betaalt laat: meer dan (dagen)", 10, "minstens de grens voor op tijd"),
        ("Vermoeiend: kosten bediening vanaf (% van marge)", 250, "tussen 1 en 100"),
    ],
)
def test_bad_history_settings_name_the_setting(label, value, expected):
    with pytest.raises(SettingsError) as caught:
        Settings.from_rows([(label, value)])
    assert f"'{label}'" in str(caught.value) and expected in str(caught.value)


# ---- Online Retail: compare with an independent pandas calculation ----------------------

RETAIL = SHARED / "data" / "online_retail.csv.gz"
RETAIL_REF = pd.Timestamp("2011-12-09")
# 12346: its only order was cancelled the same day; 12441: no order in the last 12 months;
# 12503: only a cancellation; 17850: credit notes in the window, orders before it;
# 12347 and 14646: regular customers, the second the biggest of all.
RETAIL_CUSTOMERS = [12346.0, 12441.0, 12503.0, 17850.0, 12347.0, 14646.0]


@pytest.fixture(scope="module")
def retail():
    if not RETAIL.exists():
        pytest.skip("the shared Online Retail data is not available")
    table = pd.read_csv(RETAIL)
    table.index = pd.RangeIndex(2, len(table) + 2)  # sheet row numbers
    return table[table["CustomerID"].isin(RETAIL_CUSTOMERS)]


def expected_retail(table: pd.DataFrame) -> pd.DataFrame:
    """The article-000 figures per customer, computed directly with pandas."""
    lines = table.assign(
        amount=table["Quantity"] * table["UnitPrice"],
        day=pd.to_datetime(table["InvoiceDate"]).dt.normalize(),
    )
    invoices = lines.groupby(["CustomerID", "InvoiceNo"]).agg(
        value=("amount", "sum"), day=("day", "min")
    )
    orders = invoices[invoices["value"].round(2) > 0].reset_index()
    start = RETAIL_REF - relativedelta(months=12)
    before = RETAIL_REF - relativedelta(months=24)
    # the share of the window before that the data covers (from its first day on)
    covered = (start - max(lines["day"].min() - pd.Timedelta(days=1), before)) / (start - before)
    out = {}
    for customer in RETAIL_CUSTOMERS:
        mine = orders[orders["CustomerID"] == customer]
        recent = mine[mine["day"] > start]
        own_lines = lines[lines["CustomerID"] == customer]
        last = mine["day"].max()
        gap = relativedelta(RETAIL_REF, last) if len(mine) else None
        out[str(int(customer))] = {
            "orders_total": len(mine),
            "avg_order": mine["value"].mean(),
            "orders_recent": len(recent),
            "avg_order_recent": recent["value"].mean(),
            "first_order": mine["day"].min(),
            "last_order": last,
            "months_since": gap.years * 12 + gap.months if gap else np.nan,
            "revenue_recent": own_lines.loc[own_lines["day"] > start, "amount"].sum(),
            "revenue_previous": own_lines.loc[
                (own_lines["day"] > before) & (own_lines["day"] <= start), "amount"
            ].sum()
            if covered >= 0.8
            else np.nan,
        }
    return pd.DataFrame(out).T


def test_online_retail_figures_match_pandas(retail):
    history = order_history(retail, Settings(reference_date=RETAIL_REF.date()))
    got = history.per_customer.set_index("customer")
    expected = expected_retail(retail)
    assert sorted(got.index) == sorted(expected.index)
    for name, row in expected.iterrows():
        for key, value in row.items():
            mine = got.loc[name, key]
            if pd.isna(value):
                assert pd.isna(mine), (name, key)
            elif isinstance(value, pd.Timestamp):
                assert mine == value, (name, key)
            else:
                assert mine == pytest.approx(float(value), abs=0.005), (name, key)
    # the cases the figures are about
    assert got.loc["12346", "revenue_recent"] == 0  # ordered and cancelled
    assert got.loc["12346", "orders_total"] == 1
    assert got.loc["12441", "signal"] == "Slapend"
    assert got.loc["12441", "months_since"] == 12
    assert got.loc["12503", "orders_total"] == 0
    assert got.loc["12503", "signal_reason"] == "nog geen order"


def test_online_retail_through_analyse_adds_the_customers(retail):
    klanten = pd.DataFrame({"Klant": ["12347"], "Omzet": [None]}, index=[2])
    result = analyse(klanten, Settings(reference_date=RETAIL_REF.date()), orders=retail)
    table = result.shown().set_index("customer")
    assert len(table) == len(RETAIL_CUSTOMERS)
    expected = expected_retail(retail)
    # a blank Omzet comes from the recent window (never below zero)
    assert table.loc["12347", "revenue"] == pytest.approx(expected.loc["12347", "revenue_recent"])
    assert table.loc["17850", "revenue"] == 0
    assert result.portfolio.added_rows == (3, 4, 5, 6, 7)
    assert "signal" in result.result_keys and "orders_recent" in result.result_keys


def test_potential_also_when_orders_fell_well_below_the_usual_pace():
    before = [(f"01-{month:02d}-2022", 1000) for month in range(7, 13)]
    before += [(f"01-{month:02d}-2023", 1000) for month in range(1, 7)]
    recent = [(f"01-{month:02d}-2024", 100) for month in range(1, 5)]
    table = pd.DataFrame(
        [("Klant A", day, amount) for day, amount in before + recent],
        columns=["Klant", "Datum", "Bedrag"],
    )
    row = order_history(table, Settings(reference_date=REF)).per_customer.iloc[0]
    # 4 orders is more than 'few' (2), but at most half of the 12 per year before
    assert row["orders_before"] == pytest.approx(12)
    assert row["signal"] == "Potentie"
    assert row["signal_reason"] == (
        "gem. order 12 mnd € 100 vs € 775 totaal; 4 order(s) in 12 mnd, eerder 12 per 12 mnd"
    )


def test_customer_numbers_exported_as_decimals_keep_their_natural_form():
    from klantanalyse.core.columns import name_text

    assert [name_text(v) for v in ("17850.0", 17850.0, " 12346.00 ", "Bakker 2.0", "3.5")] == [
        "17850", "17850", "12346", "Bakker 2.0", "3.5",
    ]  # fmt: skip


def test_slash_dates_are_read_month_first_only_when_the_column_says_so():
    american = pd.Series(["12/1/2010 8:26", "12/13/2010 10:05", "1/2/2011", None])
    dates, bad = parse_date_column(american)  # 12/13 can only be month first
    assert dates.tolist()[:3] == [
        pd.Timestamp("2010-12-01 08:26"),
        pd.Timestamp("2010-12-13 10:05"),
        pd.Timestamp("2011-01-02"),
    ]
    assert not bad.any()
    dutch = pd.Series(["13/1/2010", "1/2/2011"])  # 13/1 can only be day first
    assert parse_date_column(dutch)[0].tolist() == [
        pd.Timestamp("2010-01-13"),
        pd.Timestamp("2011-02-01"),
    ]
    unclear = pd.Series(["1/2/2011", "3/4/2011"])  # either way: read as Dutch dates
    assert parse_date_column(unclear)[0].tolist() == [
        pd.Timestamp("2011-02-01"),
        pd.Timestamp("2011-04-03"),
    ]


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_stable_reasons_of_many_customers_match_a_plain_recompute(lang):
    """Stable customers' reasons: average order in whole euros (half to even), the change
    in revenue with one decimal below 10%; the lines of one order are not one below the
    other, and several customers share the same figures."""
    deltas = [45, -45, 0, 100, -300, 1, 99, 100, 1250, 47, 45, 3, -3, 0, 45]
    rows = []
    for i, delta in enumerate(deltas):
        name = f"Klant {i:02d}"
        total = 1000 + delta  # the recent revenue, in two orders of two lines each
        rows.append((name, dt.datetime(2022, 7, 1), 1000.0, f"{name}-0"))
        for order, day in ((1, dt.datetime(2023, 8, 1)), (2, dt.datetime(2024, 6, 15))):
            rows.append((name, day, total / 2 - 200, f"{name}-{order}"))
    for i in range(len(deltas)):  # the second line of each recent order, further down
        name = f"Klant {i:02d}"
        for order, day in ((1, dt.datetime(2023, 8, 1)), (2, dt.datetime(2024, 6, 15))):
            rows.append((name, day, 200.0, f"{name}-{order}"))
    table = pd.DataFrame(rows, columns=["Klant", "Datum", "Bedrag", "Ordernummer"])
    table.index = pd.RangeIndex(2, len(table) + 2)
    per = order_history(table, Settings(lang=lang, reference_date=REF)).per_customer

    # the oracle: plain pandas on the lines, Python's own formatting
    start, before = pd.Timestamp(REF) - relativedelta(months=12), pd.Timestamp(REF)
    before = before - relativedelta(months=24)
    recent = table[table["Datum"] > start]
    previous = table[(table["Datum"] > before) & (table["Datum"] <= start)]
    orders = recent.groupby(["Klant", "Ordernummer"])["Bedrag"].sum().groupby(level=0)
    revenue_now = recent.groupby("Klant")["Bedrag"].sum()
    revenue_before = previous.groupby("Klant")["Bedrag"].sum()
    for name, per_order in orders:
        whole = round(per_order.mean())
        change = revenue_now[name] / revenue_before[name] - 1
        spec = "+.1%" if 0 < abs(change) < 0.0995 else "+.0%"
        if lang == "nl":
            avg = f"€ {whole:,}".replace(",", ".")
            pct = format(change, spec).replace(".", ",")
            expected = f"{len(per_order)} order(s) in 12 mnd, gem. {avg}; omzet {pct}"
            expected += " t.o.v. periode ervoor"
        else:
            pct = format(change, spec)
            expected = f"{len(per_order)} order(s) in 12 mo, avg. €{whole:,}; revenue {pct}"
            expected += " vs period before"
        row = per.set_index("customer").loc[name]
        assert row["signal_key"] == "stable"
        assert row["signal_reason"] == expected


@pytest.mark.parametrize(
    "cells",
    [
        ["Bakker", "Jansen", "De Vries"],  # plain texts: the fast path
        [" Bakker ", "Café", "Cafe\u0301", "Jansen"],  # spaces and two spellings of é
        ["17850.0", "Bakker 2.0", "3.5", "Jansen"],  # a '.': whole numbers lose '.0'
        ["Bakker", "  ", "Jansen"],  # a blank text
        ["Bakker", 17850.0, None, "Jansen"],  # not only texts
    ],
)
def test_names_of_a_column_are_those_of_each_cell(cells):
    from klantanalyse.core.columns import name_text, name_texts

    assert name_texts(cells) == [name_text(v) for v in cells]


@pytest.mark.parametrize("dtype", ["int64", "float64", "uint8"])
def test_numbers_in_runs_are_numbered_as_pandas_numbers_them(dtype):
    from klantanalyse.core.columns import factorize_cells

    rng = np.random.default_rng(7)
    values = np.repeat(rng.integers(0, 6, 40), rng.integers(1, 6, 40)).astype(dtype)
    if dtype == "float64":
        values[rng.random(len(values)) < 0.2] = np.nan
    codes, uniques = factorize_cells(pd.Series(values))
    expected_codes, expected_uniques = pd.factorize(pd.Series(values))
    assert codes.tolist() == expected_codes.tolist()
    pd.testing.assert_index_equal(uniques, expected_uniques, exact=True)
