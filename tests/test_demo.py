"""The demo data: the same every time, consistent with its orders, every segment and case."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from klantanalyse import Settings, analyse, demo

ROOT = Path(__file__).resolve().parent.parent
TEMPLATES = ROOT / "templates" / "demo"
REF = pd.Timestamp(demo.REFERENCE_DATE)
YEAR_AGO = REF - pd.DateOffset(years=1)
TWO_YEARS_AGO = REF - pd.DateOffset(years=2)
SIX_MONTHS_AGO = REF - pd.DateOffset(months=6)

CUSTOMER_HEADERS = [
    "Klant",
    "Omzet",
    "Potentie",
    "Marge",
    "Snelheid",
    "Innovatie",
    "Netwerk",
    "Brutomarge %",
    "Betaaltermijn (dagen)",
    "Contacturen",
    "Maatwerkkosten",
    "Aantal producten",
    "Aantal productgroepen",
    "Sector",
    "Regio",
    "Relatietype",
    "Omzet vorig jaar",
]


@pytest.fixture(scope="module")
def data() -> demo.DemoData:
    return demo.generate()


@pytest.fixture(scope="module")
def customers(data: demo.DemoData) -> pd.DataFrame:
    return data.customers.set_index("Klant")


@pytest.fixture(scope="module")
def segments(data: demo.DemoData) -> pd.Series:
    result = analyse(data.customers, Settings(reference_date=demo.REFERENCE_DATE)).results
    return pd.Series(result["segment"].to_numpy(), index=data.customers["Klant"])


@pytest.fixture(scope="module")
def orders(data: demo.DemoData) -> pd.DataFrame:
    """One row per order (credit notes left out): customer, number, date, total."""
    lines = data.orders[data.orders["Bedrag"] > 0]
    return (
        lines.groupby(["Klant", "Ordernummer"], as_index=False)
        .agg(Datum=("Datum", "first"), Bedrag=("Bedrag", "sum"))
        .sort_values(["Klant", "Datum"])
    )


@pytest.fixture(scope="module")
def history(orders: pd.DataFrame) -> pd.DataFrame:
    """The four figures of the order-history article, per customer."""
    recent = orders[(orders["Datum"] > YEAR_AGO) & (orders["Datum"] <= REF)]
    per_customer = orders.groupby("Klant")
    return pd.DataFrame(
        {
            "orders": per_customer.size(),
            "average": per_customer["Bedrag"].mean(),
            "recent_orders": recent.groupby("Klant").size(),
            "recent_average": recent.groupby("Klant")["Bedrag"].mean(),
            "first": per_customer["Datum"].min(),
            "last": per_customer["Datum"].max(),
        }
    ).fillna({"recent_orders": 0})


# --- files ---------------------------------------------------------------------------------


def test_committed_csvs_are_what_the_generator_writes(tmp_path: Path) -> None:
    written = demo.write(demo.generate(), tmp_path)
    assert [p.name for p in written] == ["klanten.csv", "orders.csv", "prospects.csv"]
    for path in written:
        committed = TEMPLATES / path.name
        assert committed.read_bytes() == path.read_bytes(), (
            f"{committed} is out of date; run `python -m klantanalyse.demo`"
        )


def test_command_writes_readable_csv_files(tmp_path: Path, data: demo.DemoData) -> None:
    assert demo.main([str(tmp_path / "out")]) == 0
    read = {
        "klanten.csv": pd.read_csv(tmp_path / "out" / "klanten.csv", encoding="utf-8"),
        "orders.csv": pd.read_csv(
            tmp_path / "out" / "orders.csv", parse_dates=["Datum"], date_format="%Y-%m-%d"
        ),
        "prospects.csv": pd.read_csv(tmp_path / "out" / "prospects.csv"),
    }
    for name, frame in data.frames().items():
        pd.testing.assert_frame_equal(read[name], frame, check_dtype=False)
    first_line = (tmp_path / "out" / "orders.csv").read_text(encoding="utf-8").splitlines()[1]
    assert first_line.split(",")[1] == "2022-11-01"


def test_command_reports_a_folder_it_cannot_write(tmp_path: Path, capsys) -> None:
    blocker = tmp_path / "bestand"
    blocker.write_text("geen map")
    assert demo.main([str(blocker)]) == 1
    error = capsys.readouterr().err.strip()
    assert error.startswith(f"de map '{blocker}' kan niet worden geschreven")
    assert error.endswith("kies een andere map.") and "\n" not in error


def test_generate_is_deterministic(data: demo.DemoData) -> None:
    again = demo.generate()
    assert again.reference_date == data.reference_date == demo.REFERENCE_DATE
    for name, frame in data.frames().items():
        pd.testing.assert_frame_equal(again.frames()[name], frame, obj=name)


# --- shape ---------------------------------------------------------------------------------


def test_tables_have_the_dutch_headers(data: demo.DemoData) -> None:
    assert list(data.customers.columns[: len(CUSTOMER_HEADERS)]) == CUSTOMER_HEADERS
    assert "Aantal medewerkers" in data.customers.columns
    assert list(data.orders.columns) == [
        "Klant",
        "Datum",
        "Ordernummer",
        "Productgroep",
        "Bedrag",
        "Marge",
    ]
    assert list(data.prospects.columns) == [
        "Prospect",
        "Sector",
        "Regio",
        "Relatietype",
        "Aantal medewerkers",
    ]


def test_enough_customers_and_three_years_of_orders(data: demo.DemoData) -> None:
    names = data.customers["Klant"]
    assert len(names) >= 40 and names.is_unique
    assert set(data.orders["Klant"]) == set(names)
    dates = data.orders["Datum"]
    assert dates.max() <= REF
    assert dates.min() <= REF - pd.DateOffset(years=3)
    assert data.orders["Productgroep"].nunique() >= 6


def test_answers_are_ja_nee_with_blanks_for_the_rules(data: demo.DemoData) -> None:
    table = data.customers
    for column in ("Marge", "Snelheid", "Innovatie", "Netwerk"):
        assert set(table[column].dropna()) == {"Ja", "Nee"}
    for column in ("Marge", "Snelheid"):
        blank = table[column].isna().mean()
        assert 0.1 <= blank <= 0.5, f"{column}: {blank:.0%} blank"
    assert table[["Innovatie", "Netwerk"]].notna().all().all()
    # the blanks matter: without the rules those customers score lower
    settings = Settings(reference_date=demo.REFERENCE_DATE)
    no_rules = settings.replace(rules={c: None for c in settings.rules})
    with_rules = analyse(table, settings).results["score"]
    without = analyse(table, no_rules).results["score"]
    assert (with_rules > without).sum() >= 5


def test_credit_notes_have_their_own_numbers(data: demo.DemoData) -> None:
    lines = data.orders
    credit = lines[lines["Bedrag"] < 0]
    positive_numbers = set(lines.loc[lines["Bedrag"] > 0, "Ordernummer"])
    assert 3 <= credit["Ordernummer"].nunique() <= 0.05 * len(positive_numbers)
    assert not set(credit["Ordernummer"]) & positive_numbers


def test_order_lines_carry_a_sensible_margin(data: demo.DemoData) -> None:
    lines = data.orders
    assert (lines["Bedrag"] != 0).all()
    assert ((lines["Marge"] > 0) == (lines["Bedrag"] > 0)).all()
    assert (lines["Marge"].abs() < lines["Bedrag"].abs()).all()


# --- consistency with the orders -----------------------------------------------------------


def _window_sum(lines: pd.DataFrame, start: pd.Timestamp, end: pd.Timestamp) -> pd.Series:
    inside = lines[(lines["Datum"] > start) & (lines["Datum"] <= end)]
    return inside.groupby("Klant")["Bedrag"].sum()


def test_revenue_is_the_sum_of_the_orders(data: demo.DemoData, customers: pd.DataFrame) -> None:
    recent = _window_sum(data.orders, YEAR_AGO, REF).reindex(customers.index, fill_value=0.0)
    before = _window_sum(data.orders, TWO_YEARS_AGO, YEAR_AGO).reindex(
        customers.index, fill_value=0.0
    )
    assert ((customers["Omzet"] - recent).abs() <= 0.5).all()
    assert ((customers["Omzet vorig jaar"] - before).abs() <= 0.5).all()


def test_hard_data_agrees_with_the_orders(data: demo.DemoData, customers: pd.DataFrame) -> None:
    lines = data.orders
    recent = lines[(lines["Datum"] > YEAR_AGO) & (lines["Datum"] <= REF)]
    per_customer = recent.groupby("Klant")
    margin_pct = 100 * per_customer["Marge"].sum() / per_customer["Bedrag"].sum()
    assert len(margin_pct) == len(customers) - 1  # all but the dormant customer
    diff = (customers.loc[margin_pct.index, "Brutomarge %"] - margin_pct).abs()
    assert (diff <= 0.051).all()
    groups = per_customer["Productgroep"].nunique()
    assert (customers.loc[groups.index, "Aantal productgroepen"] == groups).all()
    assert (customers["Aantal producten"] >= customers["Aantal productgroepen"]).all()


# --- segments ------------------------------------------------------------------------------


def test_every_segment_has_several_customers(data: demo.DemoData, segments: pd.Series) -> None:
    analysis = analyse(data.customers, Settings(reference_date=demo.REFERENCE_DATE))
    assert analysis.results["message"].isna().all()
    counts = segments.value_counts()
    for letter in "ABC":
        assert counts.get(letter, 0) >= 3, counts.to_dict()
    # a few customers bring most of the revenue
    assert 0.1 <= analysis.summary.pareto_share <= 0.3


def test_characteristics_lean_towards_the_segment(
    customers: pd.DataFrame, segments: pd.Series
) -> None:
    table = customers.assign(segment=segments)
    a = table[table["segment"] == "A"]
    c = table[table["segment"] == "C"]

    def share(part: pd.DataFrame, column: str, values: tuple[str, ...]) -> float:
        return float(part[column].isin(values).mean())

    core_sectors = ("Utiliteitsbouw", "Installatie")
    core_regions = ("Utrecht", "Gelderland")
    assert share(a, "Sector", core_sectors) >= 0.6 > 0.2 >= share(c, "Sector", core_sectors)
    assert share(c, "Sector", ("Particuliere klussers", "Detailhandel")) >= 0.5
    assert share(a, "Regio", core_regions) >= 0.5 > share(c, "Regio", core_regions)
    assert share(a, "Relatietype", ("Partner",)) >= 0.5 > share(c, "Relatietype", ("Partner",))
    assert share(c, "Relatietype", ("Transactioneel",)) >= 0.5
    employees = table.groupby("segment")["Aantal medewerkers"].median()
    assert employees["A"] > employees["B"] > employees["C"]
    # a tendency, not a rule: some A customers fall outside the typical profile
    typical = (
        a["Sector"].isin(core_sectors)
        & a["Regio"].isin(core_regions)
        & (a["Relatietype"] == "Partner")
    )
    assert not typical.all()


# --- the cases of the order-history article ------------------------------------------------


def test_case_potential_used_to_order_big(history: pd.DataFrame, customers: pd.DataFrame) -> None:
    case = history.loc[demo.CASE_POTENTIAL]
    assert case["orders"] >= 20
    assert 1 <= case["recent_orders"] <= 4
    assert case["recent_average"] < 0.4 * case["average"]
    assert case["last"] > SIX_MONTHS_AGO  # still ordering, just little
    assert customers.loc[demo.CASE_POTENTIAL, "Potentie"] > 0


def test_case_attention_went_silent(history: pd.DataFrame) -> None:
    case = history.loc[demo.CASE_ATTENTION]
    assert case["last"] <= SIX_MONTHS_AGO
    assert case["recent_orders"] >= history["recent_orders"].quantile(0.75)
    assert case["recent_average"] >= history["recent_average"].median()
    # the only one: every other customer that ordered this year did so in the last 6 months
    others = history.drop(index=[demo.CASE_ATTENTION, demo.CASE_DORMANT])
    assert (others["last"] > SIX_MONTHS_AGO).all()


def test_case_new_started_this_year(history: pd.DataFrame, customers: pd.DataFrame) -> None:
    assert history.loc[demo.CASE_NEW, "first"] > YEAR_AGO
    assert customers.loc[demo.CASE_NEW, "Omzet vorig jaar"] == 0
    assert customers.loc[demo.CASE_NEW, "Omzet"] > 0
    assert list(history.index[history["first"] > YEAR_AGO]) == [demo.CASE_NEW]


def test_case_dormant_has_no_recent_order(history: pd.DataFrame, customers: pd.DataFrame) -> None:
    assert history.loc[demo.CASE_DORMANT, "recent_orders"] == 0
    assert history.loc[demo.CASE_DORMANT, "orders"] >= 5
    assert customers.loc[demo.CASE_DORMANT, "Omzet"] == 0
    assert customers.loc[demo.CASE_DORMANT, "Omzet vorig jaar"] > 0
    assert list(history.index[history["recent_orders"] == 0]) == [demo.CASE_DORMANT]


def test_regular_customers_show_no_case_pattern(history: pd.DataFrame) -> None:
    regular = history.drop(index=list(demo.CASES))
    assert (regular["recent_orders"] >= 3).all()
    assert (regular["recent_average"] >= 0.5 * regular["average"]).all()


# --- prospects -----------------------------------------------------------------------------


def test_prospects_resemble_a_or_c_customers(
    data: demo.DemoData, customers: pd.DataFrame, segments: pd.Series
) -> None:
    prospects = data.prospects.set_index("Prospect")
    assert len(prospects) == 12 and prospects.index.is_unique
    assert not set(prospects.index) & set(customers.index)
    table = customers.assign(segment=segments)
    a, c = table[table["segment"] == "A"], table[table["segment"] == "C"]
    for column in ("Sector", "Regio", "Relatietype"):
        assert set(prospects[column]) <= set(customers[column]), column
        like_a = prospects.loc[demo.PROSPECT_LIKE_A, column]
        like_c = prospects.loc[demo.PROSPECT_LIKE_C, column]
        assert (a[column] == like_a).mean() > (c[column] == like_a).mean(), column
        assert (c[column] == like_c).mean() > (a[column] == like_c).mean(), column
    size_a = prospects.loc[demo.PROSPECT_LIKE_A, "Aantal medewerkers"]
    size_c = prospects.loc[demo.PROSPECT_LIKE_C, "Aantal medewerkers"]
    assert size_a >= a["Aantal medewerkers"].median()
    assert size_c <= c["Aantal medewerkers"].median()
