"""The independent oracle of the key figures, and readers that find them as a user does.

Shared by the tests that check every place a figure appears: the command line's workbook
(`test_oracle.py`) and the ribbon on a fake Excel (`test_excel_oracle.py`). The oracle
recomputes every figure from a case's input with plain pandas/numpy; the readers find cells
by their labels and headers in a sheet's cells (a `Grid`), and chart data by the cells the
chart series point at. Nothing of the package is imported here, so the figures hold
whatever the code inside looks like.

The definitions the oracle uses (README, "The method" and "Order history, profitability and
portfolio"; seed article 000 on the 80/20 principle: "80% van je omzet komt voort uit 20% van
je klanten"):

- **Revenue** is `Omzet`; a blank `Omzet` with orders is the sum of the customer's order
  lines of the last 12 months, never below zero. A row with a `Melding` takes part in none of
  the figures.
- **Score**: the number of Ja among Marge, Snelheid, Innovatie, Netwerk. A blank Marge is Ja
  when `Brutomarge %` >= 25, a blank Snelheid when `Betaaltermijn (dagen)` <= 30, any other
  blank is Nee.
- **Revenue class** of value = revenue + `Potentie` (blank = 0). *Pareto* (80/95 unless set):
  a customer is Hoog while the customers with a larger value bring less than 80% of the total
  value (so the customer that crosses 80% is still Hoog), Midden likewise below 95%, the rest
  Laag; a value of 0 is Laag. Customers with the same value get the same class: a class
  never depends on the order of the rows, and the chart's limit line (the smallest Hoog
  value) would otherwise run through a customer that is not Hoog. *Bedrag*: Hoog from the Hoog
  amount, Midden from the Midden amount. The limit lines on the chart separate the classes:
  every Hoog value is at or above `Grens Hoog`, every lower value below it (same for Midden).
- **Segment**: the README's matrix (Hoog B B A A A, Midden C C B B A, Laag C C C B B).
- **The 80/20 figure**, one definition for every place that says 80/20 (the Matrix summary,
  the portfolio page's 80/20 line, the dashed 80% line of the Pareto curve, the command's
  output): rank the customers with revenue above zero from largest to smallest; the figure is
  the smallest number of them that together bring at least 80% of their revenue (the one
  that crosses 80% included) divided by the number of customers with revenue above zero. A
  customer without revenue is not part of the 80/20 ranking: he brings nothing, is on no
  point of the Pareto curve and sits in the pyramid's *Inactief* layer. Without any revenue
  there is no figure. It is about revenue earned ("80% van de omzet"), so it uses revenue,
  not revenue + potential, and always 80%, whatever Pareto limits the revenue classes use.
  It is shown as a whole percentage (one decimal below 10%).
- **Customer pyramid** (with orders): active customers have revenue above zero and at least
  one order in the last 12 months; ranked by revenue, *Top 1%* holds the first ceil(1% of
  them), *Volgende 4%* up to ceil(5%), *Volgende 15%* up to ceil(20%), *Overige 80%* the rest;
  every other customer is *Inactief*.
- **Signals**: a small order history in which each customer's signal is obvious by
  construction (README's table: Slapend, Aandacht, Potentie, Nieuw, Stabiel).
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

Grid = dict[tuple[int, int], object]  # (row, column) -> value of a sheet's filled cells

ROOT = Path(__file__).resolve().parent.parent
DEMO = ROOT / "templates" / "demo"
DEMO_REFERENCE = dt.date(2026, 10, 31)  # the demo's Peildatum (templates/demo/README.md)
ZEROED = ["Dekker Bouw BV", "Klusservice Maas", "Tegelhandel Smits"]

# What the user reads, per language: headers, labels, words.
WORDS = {
    "nl": {
        "customer": "Klant",
        "score": "Score",
        "class": "Omzetklasse",
        "segment": "Segment",
        "signal": "Signaal",
        "message": "Melding",
        "classes": {"Hoog": "high", "Midden": "mid", "Laag": "low"},
        "summary": ("Segment", "Klanten", "Omzet", "Aandeel omzet"),
        "total": "Totaal",
        "problems": "Rijen met een melding",
        "series": "Segment {}",
        "limit_high": "Grens Hoog",
        "limit_mid": "Grens Midden",
        "pareto_line": "80% van de omzet",
        "pareto": re.compile(r"(\S+) van de klanten brengt 80% van de omzet"),
        "cli_segments": re.compile(r"(\d+) klanten met een segment: A (\d+), B (\d+), C (\d+)\."),
        "layers": ("Top 1%", "Volgende 4%", "Volgende 15%", "Overige 80%", "Inactief"),
        "layer_columns": ("Klanten", "Omzet"),
        "start_customers": "Klanten met segment",
        "top_title": re.compile(r"De (\d+) grootste klanten \(nummers in de grafiek\)"),
        "affinity_group": re.compile(r"([AC])-klanten \((\d+) van (\d+)\): .*"),
        "start_problems": "Rijen met een melding",
    },
    "en": {
        "customer": "Klant",  # the input's own header
        "score": "Score",
        "class": "Revenue class",
        "segment": "Segment",
        "signal": "Signal",
        "message": "Message",
        "classes": {"High": "high", "Medium": "mid", "Low": "low"},
        "summary": ("Segment", "Customers", "Revenue", "Revenue share"),
        "total": "Total",
        "problems": "Rows with a message",
        "series": "Segment {}",
        "limit_high": "High limit",
        "limit_mid": "Medium limit",
        "pareto_line": "80% of revenue",
        "pareto": re.compile(r"(\S+) of customers bring 80% of revenue"),
        "cli_segments": re.compile(r"(\d+) customers with a segment: A (\d+), B (\d+), C (\d+)\."),
        "layers": ("Top 1%", "Next 4%", "Next 15%", "Other 80%", "Inactive"),
        "layer_columns": ("Customers", "Revenue"),
        "start_customers": "Customers with a segment",
        "top_title": re.compile(r"The (\d+) largest customers \(numbers in the chart\)"),
        "start_problems": "Rows with a message",
    },
}

MATRIX = {
    "high": ("B", "B", "A", "A", "A"),
    "mid": ("C", "C", "B", "B", "A"),
    "low": ("C", "C", "C", "B", "B"),
}
SEGMENTS = ("A", "B", "C")


# ---- the inputs ---------------------------------------------------------------------------


@dataclass
class Case:
    """One input: the customer table, optional orders, the Instellingen rows, the language."""

    customers: pd.DataFrame
    orders: pd.DataFrame | None = None
    settings: dict[str, object] = field(default_factory=dict)
    lang: str = "nl"
    via_workbook: bool = False  # analyse a macro workbook built from the customers
    signals: dict[str, str] | None = None  # the expected signal per customer, by construction
    prospects: pd.DataFrame | None = None  # a Prospects sheet (the ribbon's cases only)


def customers_frame(rows: list[tuple], columns: tuple[str, ...] | None = None) -> pd.DataFrame:
    columns = columns or ("Klant", "Omzet", "Potentie", "Marge", "Snelheid", "Innovatie", "Netwerk")
    return pd.DataFrame(rows, columns=list(columns))


def demo_zero_revenue() -> Case:
    """The demo customers, three of them with Omzet 0, the demo orders, its Peildatum."""
    customers = pd.read_csv(DEMO / "klanten.csv")
    customers.loc[customers["Klant"].isin(ZEROED), "Omzet"] = 0
    orders = pd.read_csv(DEMO / "orders.csv", dtype={"Ordernummer": str})
    return Case(customers, orders, {"Peildatum": DEMO_REFERENCE})


def demo_zero_revenue_workbook() -> Case:
    """The same customers in a macro workbook built by `klantanalyse workbook --data`."""
    case = demo_zero_revenue()
    case.settings = {}
    case.via_workbook = True
    return case


def ties() -> Case:
    """Equal values on both sides of the 80% and the 95% crossing."""
    rows = [
        ("Eerste", 40_000, 0, "Ja", "Ja", "Nee", "Nee"),
        ("Tweede", 30_000, 0, "Ja", "Nee", "Nee", "Nee"),
        ("Gelijk een", 10_000, 0, "Ja", "Ja", "Ja", "Nee"),
        ("Gelijk twee", 10_000, 0, "Nee", "Nee", "Nee", "Nee"),
        ("Klein een", 5_000, 0, "Ja", "Ja", "Ja", "Ja"),
        ("Klein twee", 5_000, 0, "Ja", "Nee", "Nee", "Nee"),
    ]
    return Case(customers_frame(rows))


def single_customer() -> Case:
    """One customer with two orders, in English."""
    customers = customers_frame([("Enige BV", 5_000, 1_000, "Ja", "Nee", "Nee", "Ja")])
    orders = pd.DataFrame(
        {"Klant": ["Enige BV"] * 2, "Datum": ["2026-03-15", "2026-05-15"], "Bedrag": [2_000, 3_000]}
    )
    return Case(customers, orders, {"Peildatum": dt.date(2026, 6, 30)}, lang="en")


def no_orders() -> Case:
    """Twelve customers, no orders; one has a small revenue but a large potential, so the
    ranking by revenue (80/20) differs from the ranking by revenue + potential (classes)."""
    rows = [
        ("Alfa", 120_000, 0, "Ja", "Ja", "Ja", "Nee"),
        ("Bravo", 90_000, 30_000, "Nee", "Nee", "Nee", "Nee"),
        ("Charlie", 60_000, 0, "Ja", "Nee", "Ja", "Nee"),
        ("Delta", 45_000, 5_000, "Ja", "Ja", "Ja", "Ja"),
        ("Echo", 30_000, 0, "Nee", "Ja", "Nee", "Nee"),
        ("Foxtrot", 20_000, 0, "Ja", "Ja", "Nee", "Ja"),
        ("Golf", 12_000, 0, "Nee", "Nee", "Nee", "Nee"),
        ("Hotel", 8_000, 2_000, "Ja", "Ja", "Ja", "Nee"),
        ("India", 5_000, 300_000, "Ja", "Ja", "Nee", "Nee"),
        ("Juliett", 3_000, 0, "Ja", "Nee", "Nee", "Nee"),
        ("Kilo", 2_000, 0, "Nee", "Nee", "Ja", "Ja"),
        ("Lima", 1_000, 0, "Ja", "Ja", "Ja", "Ja"),
    ]
    return Case(customers_frame(rows))


def pareto_limits() -> Case:
    """The same customers with Pareto limits 70/90: the classes move, the 80/20 figure not."""
    case = no_orders()
    case.settings = {"Pareto-grens Hoog (%)": 70, "Pareto-grens Midden (%)": 90}
    return case


def zero_revenue_without_orders() -> Case:
    """Three customers with Omzet 0 (one with potential), no orders, and a row with a
    negative Omzet that gets a Melding and counts for nothing."""
    rows = [
        ("Groot", 50_000, 0, "Ja", "Ja", "Nee", "Nee"),
        ("Middel", 30_000, 0, "Ja", "Ja", "Ja", "Nee"),
        ("Klein", 10_000, 0, "Nee", "Nee", "Nee", "Nee"),
        ("Heel klein", 5_000, 0, "Ja", "Nee", "Nee", "Nee"),
        ("Nul een", 0, 0, "Ja", "Ja", "Ja", "Ja"),
        ("Nul twee", 0, 20_000, "Ja", "Ja", "Nee", "Nee"),
        ("Nul drie", 0, 0, "Nee", "Nee", "Nee", "Nee"),
        ("Fout", -5, 0, "Ja", "Ja", "Ja", "Ja"),
    ]
    return Case(customers_frame(rows))


def all_zero() -> Case:
    """No customer has revenue: there is no 80/20 figure at all."""
    rows = [
        ("Nul een", 0, 0, "Ja", "Ja", "Ja", "Nee"),
        ("Nul twee", 0, 0, "Nee", "Nee", "Nee", "Nee"),
        ("Nul drie", 0, 0, "Ja", "Ja", "Ja", "Ja"),
    ]
    return Case(customers_frame(rows))


def fixed_amounts() -> Case:
    """Omzetklasse-methode Bedrag with 50,000 and 10,000; values on and around the amounts."""
    rows = [
        ("Boven hoog", 55_000, 5_000, "Ja", "Nee", "Nee", "Nee"),
        ("Op hoog", 40_000, 10_000, "Nee", "Nee", "Nee", "Nee"),
        ("Net onder hoog", 49_999, 0, "Ja", "Ja", "Ja", "Ja"),
        ("Op midden", 10_000, 0, "Ja", "Ja", "Nee", "Nee"),
        ("Net onder midden", 9_999, 0, "Ja", "Ja", "Ja", "Nee"),
        ("Klein met potentie", 1_000, 12_000, "Nee", "Nee", "Nee", "Nee"),
        ("Klein", 2_000, 0, "Ja", "Ja", "Ja", "Ja"),
        ("Nul", 0, 0, "Ja", "Nee", "Nee", "Nee"),
    ]
    settings = {
        "Omzetklasse-methode": "Bedrag",
        "Bedraggrens Hoog (€)": 50_000,
        "Bedraggrens Midden (€)": 10_000,
    }
    return Case(customers_frame(rows), settings=settings)


SIGNALS_REFERENCE = dt.date(2026, 6, 30)  # recent window: 2025-07-01 up to 2026-06-30


def _monthly(customer: str, first: str, last: str, amount: float) -> list[tuple]:
    days = pd.date_range(first, last, freq="MS") + pd.Timedelta(days=14)  # the 15th
    return [(customer, day.strftime("%Y-%m-%d"), amount) for day in days]


def signals() -> Case:
    """One customer per signal, with a blank Omzet taken from the orders.

    - Stabiel BV: 1,000 every month since 2023, the last this month.
    - Slapend BV: 1,000 every month in 2023 and 2024, nothing since: no recent order.
    - Aandacht BV: 20,000 (the biggest orders) every month until November 2025: five orders
      in the recent window, then silent for seven months.
    - Potentie BV: 10,000 every month until May 2025, then one order of 500 in March 2026.
    - Nieuw BV: a first order in February 2026, then two more.
    """
    orders = (
        _monthly("Stabiel BV", "2023-01-01", "2026-06-01", 1_000)
        + _monthly("Slapend BV", "2023-01-01", "2024-12-01", 1_000)
        + _monthly("Aandacht BV", "2023-01-01", "2025-11-01", 20_000)
        + _monthly("Potentie BV", "2023-01-01", "2025-05-01", 10_000)
        + [("Potentie BV", "2026-03-15", 500)]
        + [("Nieuw BV", day, 1_000) for day in ("2026-02-15", "2026-04-15", "2026-06-15")]
    )
    rows = [
        ("Stabiel BV", None, 0, "Ja", "Ja", "Nee", "Nee"),
        ("Slapend BV", None, 0, "Ja", "Nee", "Nee", "Nee"),
        ("Aandacht BV", None, 0, "Ja", "Ja", "Ja", "Nee"),
        ("Potentie BV", None, 0, "Nee", "Nee", "Ja", "Ja"),
        ("Nieuw BV", None, 0, "Ja", "Ja", "Ja", "Ja"),
    ]
    expected = {
        "Stabiel BV": "Stabiel",
        "Slapend BV": "Slapend",
        "Aandacht BV": "Aandacht",
        "Potentie BV": "Potentie",
        "Nieuw BV": "Nieuw",
    }
    return Case(
        customers_frame(rows),
        pd.DataFrame(orders, columns=["Klant", "Datum", "Bedrag"]),
        {"Peildatum": SIGNALS_REFERENCE},
        signals=expected,
    )


CASES: dict[str, Callable[[], Case]] = {
    "demo_zero_revenue": demo_zero_revenue,
    "demo_zero_revenue_workbook": demo_zero_revenue_workbook,
    "ties": ties,
    "single_customer": single_customer,
    "no_orders": no_orders,
    "pareto_limits": pareto_limits,
    "zero_revenue_without_orders": zero_revenue_without_orders,
    "all_zero": all_zero,
    "fixed_amounts": fixed_amounts,
    "signals": signals,
}
SLOW = {"demo_zero_revenue", "demo_zero_revenue_workbook"}
WITH_ORDERS = ("demo_zero_revenue", "single_customer", "signals")


def params(names) -> list:
    return [pytest.param(n, marks=pytest.mark.slow) if n in SLOW else n for n in names]


def cell_value(value: object) -> object:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    return value.item() if isinstance(value, np.generic) else value


# ---- the oracle ---------------------------------------------------------------------------


def _answer(value: object, rule: bool) -> bool:
    if value is None or (isinstance(value, float) and math.isnan(value)) or value == "":
        return rule
    word = str(value).strip().lower()
    assert word in ("ja", "nee"), f"the oracle knows Ja/Nee only, not {value!r}"
    return word == "ja"


def reference_of(case: Case) -> pd.Timestamp | None:
    value = case.settings.get("Peildatum")
    return pd.Timestamp(value) if value is not None else None


def order_lines(case: Case) -> pd.DataFrame:
    """The order lines up to the Peildatum, with dates."""
    lines = case.orders.assign(Datum=pd.to_datetime(case.orders["Datum"]))
    return lines[lines["Datum"] <= reference_of(case)]


def recent_start(case: Case) -> pd.Timestamp:
    return reference_of(case) - pd.DateOffset(months=12)


def recent_orders(case: Case) -> pd.Series:
    """Orders (not credit notes) per customer in the last 12 months."""
    lines = order_lines(case)
    keys = ["Klant", "Ordernummer"] if "Ordernummer" in lines else ["Klant", "Datum"]
    orders = lines.groupby(keys).agg(value=("Bedrag", "sum"), day=("Datum", "min")).reset_index()
    orders = orders[(orders["value"] > 0) & (orders["day"] > recent_start(case))]
    return orders.groupby("Klant").size()


def expected(case: Case) -> pd.DataFrame:
    """Per valid customer (index Klant): revenue, value, score, class key, segment."""
    frame = case.customers.copy()
    revenue = pd.to_numeric(frame["Omzet"], errors="coerce")
    if case.orders is not None and revenue.isna().any():
        lines = order_lines(case)
        recent = lines[lines["Datum"] > recent_start(case)].groupby("Klant")["Bedrag"].sum()
        from_orders = frame["Klant"].map(recent).fillna(0.0).clip(lower=0.0)
        revenue = revenue.fillna(from_orders)
    frame["revenue"] = revenue
    frame = frame[frame["revenue"] >= 0].copy()  # a negative Omzet is a Melding
    potential = frame["Potentie"].fillna(0) if "Potentie" in frame else 0.0
    frame["value"] = frame["revenue"] + potential

    margin_rule = frame.get("Brutomarge %", pd.Series(np.nan, index=frame.index)) >= 25
    speed_rule = frame.get("Betaaltermijn (dagen)", pd.Series(np.nan, index=frame.index)) <= 30
    rules = {"Marge": margin_rule, "Snelheid": speed_rule}
    frame["score"] = 0
    for question in ("Marge", "Snelheid", "Innovatie", "Netwerk"):
        rule = rules.get(question, pd.Series(False, index=frame.index))
        frame["score"] += [int(_answer(v, bool(r))) for v, r in zip(frame[question], rule)]

    frame["class"] = revenue_classes(frame["value"], case.settings)
    frame["segment"] = [MATRIX[c][s] for c, s in zip(frame["class"], frame["score"])]
    return frame.set_index("Klant")[["revenue", "value", "score", "class", "segment"]]


def revenue_classes(value: pd.Series, settings: dict[str, object]) -> list[str]:
    if settings.get("Omzetklasse-methode") == "Bedrag":
        high, mid = settings["Bedraggrens Hoog (€)"], settings["Bedraggrens Midden (€)"]
        return ["high" if v >= high else "mid" if v >= mid else "low" for v in value]
    high = settings.get("Pareto-grens Hoog (%)", 80)
    mid = settings.get("Pareto-grens Midden (%)", 95)
    total = value.sum()
    out = []
    for v in value:
        above = value[value > v].sum()  # the customers ranked above this one, ties excluded
        if v <= 0:
            out.append("low")
        elif above * 100 < high * total:
            out.append("high")
        elif above * 100 < mid * total:
            out.append("mid")
        else:
            out.append("low")
    return out


def pareto_share(revenue: pd.Series) -> float | None:
    """Share of the customers with revenue that, largest first, first reaches 80% of it."""
    ranked = np.sort(revenue[revenue > 0].to_numpy(dtype=float))[::-1]
    if not len(ranked):
        return None
    reached = np.cumsum(ranked) * 100 >= 80 * ranked.sum() - 1e-6
    return (int(np.argmax(reached)) + 1) / len(ranked)


def pyramid(case: Case, figures: pd.DataFrame) -> list[tuple[int, float]]:
    """(customers, revenue) of Top 1%, Volgende 4%, Volgende 15%, Overige 80%, Inactief."""
    recent = figures.index.map(recent_orders(case)).fillna(0)
    active = (figures["revenue"] > 0).to_numpy() & (recent.to_numpy() > 0)
    ranked = np.sort(figures["revenue"].to_numpy()[active])[::-1]
    n = len(ranked)
    bounds = [0] + [-(-n * pct // 100) for pct in (1, 5, 20)] + [n]
    layers = [(b - a, float(ranked[a:b].sum())) for a, b in zip(bounds, bounds[1:])]
    inactive = figures["revenue"].to_numpy()[~active]
    return layers + [(len(inactive), float(inactive.sum()))]


# ---- reading the output as a user does --------------------------------------------------


# ---- reading the output as a user does --------------------------------------------------


def grid_rows(grid: Grid) -> list[list[object]]:
    """The values from A1 to the last filled row and column."""
    if not grid:
        return []
    height = max(r for r, _ in grid)
    width = max(c for _, c in grid)
    return [[grid.get((r, c)) for c in range(1, width + 1)] for r in range(1, height + 1)]


def customer_table(grid: Grid, words: dict) -> pd.DataFrame:
    """The Klanten sheet below its header row (the row holding the Klant header)."""
    rows = grid_rows(grid)
    at = next(i for i, row in enumerate(rows[:10]) if words["customer"] in row)
    header = list(rows[at])
    table = pd.DataFrame([r for r in rows[at + 1 :] if any(v is not None for v in r)])
    table.columns = header
    return table.set_index(words["customer"])


def find(grid: Grid, text: str) -> list[tuple[int, int]]:
    """(row, column) of every cell holding exactly `text`, top to bottom."""
    return sorted(
        cell for cell, value in grid.items() if isinstance(value, str) and value.strip() == text
    )


def right_of(grid: Grid, row: int, column: int) -> object:
    """The first filled cell right of (row, column), within a few cells."""
    for c in range(column + 1, column + 5):
        value = grid.get((row, c))
        if value is not None:
            return value
    return None


def summary(grid: Grid, words: dict) -> dict[str, tuple]:
    """Segment -> (customers, revenue, share) from the Matrix summary, with the Totaal row."""
    headers = list(words["summary"])
    for r, c in find(grid, headers[0]):
        if [grid.get((r, c + k)) for k in range(4)] != headers:
            continue
        out = {}
        r += 1
        while grid.get((r, c)) is not None:
            label = grid[(r, c)]
            out[label] = tuple(grid.get((r, c + k)) for k in (1, 2, 3))
            if label == words["total"]:
                return out
            r += 1
        return out
    raise AssertionError("no segment summary on Matrix")


def pyramid_shown(grid: Grid, words: dict) -> list[tuple[object, object]]:
    """(customers, revenue) of each pyramid layer on Matrix, found by the layer names and
    the column headers above them."""
    (top,) = find(grid, words["layers"][0])
    row, column = top
    header = [grid.get((row - 1, c)) for c in range(column, column + 6)]
    count_at = column + header.index(words["layer_columns"][0])
    revenue_at = column + header.index(words["layer_columns"][1])
    shown = []
    for i, layer in enumerate(words["layers"]):
        assert grid.get((row + i, column)) == layer
        shown.append((grid.get((row + i, count_at)), grid.get((row + i, revenue_at))))
    return shown


_COLUMN = re.compile(r"^\$?([A-Z]{1,3})\$?(\d+)$")


def _cell_of(address: str) -> tuple[int, int]:
    letters, row = _COLUMN.match(address).groups()
    column = 0
    for letter in letters:
        column = column * 26 + ord(letter) - 64
    return int(row), column


def _address(row: int, column: int) -> str:
    letters = ""
    while column:
        column, rem = divmod(column - 1, 26)
        letters = chr(65 + rem) + letters
    return f"{letters}{row}"


def values_at(grids: Callable[[str], Grid], ref: str) -> list[object]:
    """The values of a chart reference such as 'Matrix'!$AF$2:$AF$3, row by row."""
    sheet, cells = ref.rsplit("!", 1)
    first, _, last = cells.partition(":")
    (top, left), (bottom, right) = _cell_of(first), _cell_of(last or first)
    grid = grids(sheet.strip("'"))
    return [grid.get((r, c)) for r in range(top, bottom + 1) for c in range(left, right + 1)]


@dataclass
class Series:
    chart: int
    name: object
    xs: list[object]
    ys: list[object]


def _ref(source) -> str | None:
    if source is None:
        return None
    for kind in ("numRef", "strRef"):
        ref = getattr(source, kind, None)
        if ref is not None:
            return ref.f
    return None


def chart_series(charts: list, grids: Callable[[str], Grid]) -> list[Series]:
    """Every series of `charts` (openpyxl charts, e.g. a sheet's `_charts`), with the values
    the cells they point at hold in `grids` (sheet name -> its cells)."""
    out = []
    for number, chart in enumerate(charts):
        for s in chart.ser:
            name = None
            if s.tx is not None and s.tx.strRef is not None:
                name = values_at(grids, s.tx.strRef.f)[0]
            x_ref = _ref(getattr(s, "xVal", None)) or _ref(getattr(s, "cat", None))
            y_ref = _ref(getattr(s, "yVal", None)) or _ref(getattr(s, "val", None))
            xs = values_at(grids, x_ref) if x_ref else []
            ys = values_at(grids, y_ref) if y_ref else []
            out.append(Series(number, name, xs, ys))
    return out


def named(series: list[Series], name: str) -> Series:
    hits = [s for s in series if s.name == name]
    assert len(hits) == 1, f"{len(hits)} chart series named {name!r}"
    return hits[0]


def pareto_texts(grid: Grid, words: dict) -> list[tuple[str, str]]:
    """(cell, share text) of every 80/20 sentence on a sheet."""
    out = []
    for (r, c), value in sorted(grid.items()):
        if isinstance(value, str):
            match = words["pareto"].fullmatch(value.strip())
            if match:
                out.append((_address(r, c), match.group(1)))
    return out


def percent_off(text: str, share: float) -> bool:
    """True unless `text` ('23%', '5,3%') is `share` rounded as shown."""
    match = re.fullmatch(r"(\d+)(?:[.,](\d+))?%", text)
    if not match:
        return True
    decimals = len(match.group(2) or "")
    shown = float(match.group(1) + "." + (match.group(2) or "0"))
    return abs(shown - share * 100) > 0.5 * 10**-decimals + 1e-9


def blank(value: object) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))
