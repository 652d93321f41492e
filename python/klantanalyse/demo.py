"""Deterministic demo data: a Dutch wholesaler's customers, order history and prospects.

The wholesaler sells installation and building materials to contractors, installers, shops
and small tradesmen. `generate()` builds the same tables on every machine and every day (a
seeded `random.Random`, a fixed reference date, no set or hash order):

- `customers`: the Klanten table with every input column and its hard data; `Omzet` and
  `Omzet vorig jaar` are the sums of the order lines in the 12 months up to
  `REFERENCE_DATE` and the 12 months before.
- `orders`: four years of order lines (and a few credit notes) for those customers.
- `prospects`: companies that are not customers yet, described by the same characteristics.

Every segment A, B and C gets several customers under the default settings, and sector,
region, relationship type and company size lean towards the segment (with noise), so that a
look at what the A customers share finds something. Four customers show the order patterns
of the article on order history: `CASE_POTENTIAL`, `CASE_ATTENTION`, `CASE_NEW` and
`CASE_DORMANT`.

`python -m klantanalyse.demo [DIR]` writes klanten.csv, orders.csv and prospects.csv.
"""

from __future__ import annotations

import argparse
import math
import random
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

import pandas as pd

from .core import grid, labels
from .core.settings import Settings

SEED = 20261031
REFERENCE_DATE = date(2026, 10, 31)
HISTORY_START = date(2022, 11, 1)
RECENT_START = date(2025, 11, 1)  # first day of the 12 months up to REFERENCE_DATE
PREVIOUS_START = date(2024, 11, 1)  # first day of the 12 months before those
N_CUSTOMERS = 60
# Revenue over the customer ranks (0 = largest): (rank, log10 of annual revenue). A fifth of
# the customers brings about 80% of the revenue; the long tail buys for a few thousand euros.
REVENUE_CURVE = ((0.0, 5.85), (0.2, 5.1), (0.22, 4.95), (0.42, 4.35), (0.45, 4.15), (1.0, 3.2))

# The customers of the article on order history (and two more lifecycle cases).
CASE_POTENTIAL = "Installatiebedrijf Bakker & Zn."  # used to order big, now small and rarely
CASE_ATTENTION = "Bouwbedrijf Van Dijk BV"  # ordered a lot, silent for seven months
CASE_NEW = "Dakwerken Mulder"  # first order within the last 12 months
CASE_DORMANT = "Klusbedrijf Smit"  # no order within the last 12 months
CASES = (CASE_POTENTIAL, CASE_ATTENTION, CASE_NEW, CASE_DORMANT)
# their sector and relationship type (the other characteristics follow their segment)
CASE_PROFILE = {
    CASE_POTENTIAL: ("Installatie", "Vaste klant"),
    CASE_ATTENTION: ("Utiliteitsbouw", "Partner"),
    CASE_NEW: ("Renovatie & onderhoud", "Transactioneel"),
    CASE_DORMANT: ("Particuliere klussers", "Transactioneel"),
}

PROSPECT_LIKE_A = "Installatiegroep Verbeek BV"
PROSPECT_LIKE_C = "Klusbedrijf Pronk"

FILES = {"customers": "klanten.csv", "orders": "orders.csv", "prospects": "prospects.csv"}

# --- the wholesaler's world -------------------------------------------------------------

# sector -> name patterns of its companies
SECTORS: dict[str, tuple[str, ...]] = {
    "Utiliteitsbouw": (
        "Bouwbedrijf {} BV",
        "Bouwgroep {}",
        "{} Bouw BV",
        "Aannemingsmaatschappij {}",
        "Bouwcombinatie {}",
    ),
    "Installatie": (
        "Installatietechniek {}",
        "Installatiebedrijf {}",
        "{} Installaties BV",
        "Technisch Bureau {}",
        "{} Klimaattechniek",
    ),
    "Woningbouw": (
        "Aannemersbedrijf {}",
        "{} Woningbouw",
        "Bouwbedrijf Gebr. {}",
        "Timmerfabriek {}",
    ),
    "Renovatie & onderhoud": (
        "Onderhoudsbedrijf {}",
        "{} Renovatie",
        "Dakwerken {}",
        "{} Vastgoedonderhoud",
        "Loodgietersbedrijf {}",
    ),
    "Detailhandel": (
        "Bouwmarkt {}",
        "IJzerhandel {}",
        "{} Doe-het-zelf",
        "Tegelhandel {}",
        "{} Sanitairwinkel",
    ),
    "Particuliere klussers": (
        "Klusbedrijf {}",
        "Klussenbedrijf {}",
        "{} Klus & Bouw",
        "Timmerwerken {}",
        "Klusservice {}",
    ),
}
SECTOR_NAMES = tuple(SECTORS)
REGIONS = (
    "Utrecht",
    "Gelderland",
    "Noord-Holland",
    "Zuid-Holland",
    "Noord-Brabant",
    "Overijssel",
    "Flevoland",
)
RELATION_TYPES = ("Partner", "Vaste klant", "Transactioneel")

# How the characteristics lean per segment (weights in the order of the tuples above).
SECTOR_WEIGHTS = {
    "A": (0.42, 0.38, 0.10, 0.06, 0.02, 0.02),
    "B": (0.15, 0.15, 0.30, 0.25, 0.08, 0.07),
    "C": (0.04, 0.06, 0.10, 0.15, 0.30, 0.35),
}
REGION_WEIGHTS = {
    "A": (0.40, 0.34, 0.06, 0.06, 0.06, 0.04, 0.04),
    "B": (0.16, 0.16, 0.16, 0.16, 0.16, 0.10, 0.10),
    "C": (0.05, 0.06, 0.20, 0.22, 0.20, 0.12, 0.15),
}
RELATION_WEIGHTS = {"A": (0.65, 0.30, 0.05), "B": (0.15, 0.60, 0.25), "C": (0.04, 0.26, 0.70)}
EMPLOYEES = {"A": (35, 250), "B": (8, 80), "C": (1, 15)}  # log-uniform range per segment

PRODUCT_GROUPS = (
    "Sanitair",
    "Verwarming",
    "Leidingwerk",
    "Elektra",
    "Ventilatie",
    "Isolatie",
    "Bouwmaterialen",
    "Bevestigingsmiddelen",
    "Gereedschap",
)
# margin percentage points above or below the customer's own level, per product group
GROUP_MARGIN_OFFSET = (2.0, -2.0, -3.0, 0.0, 1.0, -4.0, -2.0, 6.0, 4.0)
SECTOR_GROUP_WEIGHTS = {
    "Utiliteitsbouw": (1, 1, 2, 3, 3, 4, 5, 3, 1),
    "Installatie": (5, 5, 4, 4, 3, 1, 0.5, 2, 1),
    "Woningbouw": (3, 2, 2, 2, 1, 4, 5, 3, 1),
    "Renovatie & onderhoud": (3, 2, 2, 2, 1, 2, 3, 3, 2),
    "Detailhandel": (3, 1, 1, 3, 1, 2, 2, 5, 5),
    "Particuliere klussers": (2, 1, 1, 2, 0.5, 2, 3, 4, 4),
}
GROUP_BREADTH = {"A": (5, 8), "B": (3, 6), "C": (1, 4)}
ARTICLES_PER_GROUP = 400

SURNAMES = (
    "De Vries",
    "Jansen",
    "Visser",
    "Meijer",
    "De Boer",
    "De Groot",
    "Bos",
    "Vos",
    "Peters",
    "Hendriks",
    "Van Leeuwen",
    "Dekker",
    "Brouwer",
    "De Wit",
    "Smits",
    "De Graaf",
    "Van der Meer",
    "Van der Linden",
    "Kok",
    "Jacobs",
    "De Haan",
    "Vermeulen",
    "Van den Berg",
    "Van der Heijden",
    "Schouten",
    "Van Beek",
    "Willems",
    "Van Vliet",
    "Van de Ven",
    "Hoekstra",
    "Maas",
    "Verhoeven",
    "Koster",
    "Van Dam",
    "Prins",
    "Blom",
    "Huisman",
    "De Jong",
    "Kuipers",
    "Van Wijk",
    "Postma",
    "Kramer",
    "Veenstra",
    "Schipper",
    "Wouters",
    "Van der Veen",
    "Timmermans",
    "Groen",
    "Gerritsen",
    "Bosman",
    "Zwart",
    "Hermans",
    "Molenaar",
    "Evers",
    "Wolters",
    "Sanders",
    "Boersma",
    "Van Dongen",
    "Hofman",
    "Roelofs",
    "Scholten",
    "Heijnen",
    "Bouwman",
    "Verschuren",
    "Koopman",
    "Haverkamp",
    "Nijhof",
    "Tuinstra",
)

# Prospect, sector, region, relationship type sought, employees. The first four look like
# the A customers, the next four like the C customers, the last four are mixed.
PROSPECTS: tuple[tuple[str, str, str, str, int], ...] = (
    (PROSPECT_LIKE_A, "Installatie", "Utrecht", "Partner", 140),
    ("Bouwbedrijf Hoogendoorn BV", "Utiliteitsbouw", "Gelderland", "Partner", 95),
    ("Technisch Bureau Lammers", "Installatie", "Gelderland", "Partner", 60),
    ("Bouwgroep Rietveld", "Utiliteitsbouw", "Utrecht", "Vaste klant", 180),
    (PROSPECT_LIKE_C, "Particuliere klussers", "Flevoland", "Transactioneel", 2),
    ("Bouwmarkt De Ruiter", "Detailhandel", "Zuid-Holland", "Transactioneel", 12),
    ("Klusservice Verhagen", "Particuliere klussers", "Noord-Holland", "Transactioneel", 1),
    ("IJzerhandel Kroon", "Detailhandel", "Noord-Brabant", "Transactioneel", 6),
    ("Aannemersbedrijf Westerhof", "Woningbouw", "Utrecht", "Transactioneel", 35),
    ("Installatiebedrijf Dijkman", "Installatie", "Noord-Holland", "Vaste klant", 18),
    ("Onderhoudsbedrijf Brink", "Renovatie & onderhoud", "Gelderland", "Vaste klant", 25),
    ("Tegelhandel Wolff", "Detailhandel", "Utrecht", "Partner", 9),
)

# --- the plan of one customer -------------------------------------------------------------


@dataclass
class _Order:
    day: date
    amount: float  # order total (negative for a credit note)
    credit_of: _Order | None = None
    # order lines: (product group index, amount, margin, article number)
    lines: list[tuple[int, float, float, int]] = field(default_factory=list)
    number: str = ""


@dataclass
class _Customer:
    name: str | None
    sector: str | None
    orders: list[_Order]
    potential: int = 0
    segment: str = ""
    answers: dict[str, bool] = field(default_factory=dict)
    margin_level: float = 0.0  # gross margin % the customer's prices aim at


@dataclass(frozen=True, eq=False)
class DemoData:
    """The demo tables. Headers are the Dutch column names the workbook uses."""

    customers: pd.DataFrame
    orders: pd.DataFrame
    prospects: pd.DataFrame
    reference_date: date

    def frames(self) -> dict[str, pd.DataFrame]:
        """File name -> table, in the order they are written."""
        return {
            FILES["customers"]: self.customers,
            FILES["orders"]: self.orders,
            FILES["prospects"]: self.prospects,
        }


def _business_days(start: date, end: date) -> list[date]:
    """Weekdays from start to end, without the Christmas holidays and New Year's Day.

    The days just before each 12-month window (31 October) are left out as well, so that
    every reasonable reading of "the last 12 months" gives the same sums.
    """
    skip = {(12, 25), (12, 26), (1, 1), (10, 31)}
    days = []
    day = start
    while day <= end:
        if day.weekday() < 5 and (day.month, day.day) not in skip:
            days.append(day)
        day += timedelta(days=1)
    return days


DAYS = _business_days(HISTORY_START, REFERENCE_DATE)


def _days_between(start: date, end: date) -> list[date]:
    return [d for d in DAYS if start <= d <= end]


def _pick(rng: random.Random, options: Sequence[str], weights: Sequence[float]) -> str:
    return rng.choices(list(options), weights=list(weights))[0]


def _sample_weighted(rng: random.Random, weights: Sequence[float], k: int) -> list[int]:
    """k distinct indexes, drawn with the given weights."""
    pool = [i for i, w in enumerate(weights) if w > 0]
    chosen: list[int] = []
    while pool and len(chosen) < k:
        i = rng.choices(pool, weights=[weights[j] for j in pool])[0]
        chosen.append(i)
        pool.remove(i)
    return chosen


def _orders(
    rng: random.Random,
    start: date,
    end: date,
    per_year: float,
    average: float,
    growth: float = 0.0,
    spread: float = 0.55,
) -> list[_Order]:
    """Orders spread over the business days from start to end.

    `average` is the order size at REFERENCE_DATE; `growth` the yearly change, so orders
    further back are smaller when the customer grows.
    """
    days = _days_between(start, end)
    years = len(days) / 250
    count = max(1, round(per_year * years * rng.uniform(0.9, 1.1)))
    out = []
    for day in sorted(rng.choice(days) for _ in range(count)):
        age = (REFERENCE_DATE - day).days / 365.25
        size = average * (1 + growth) ** (-age) * rng.lognormvariate(-(spread**2) / 2, spread)
        out.append(_Order(day, round(max(size, 25.0), 2)))
    return out


def _add_credit_notes(rng: random.Random, orders: list[_Order], chance: float) -> list[_Order]:
    """A few orders get a credit note (returned goods) a few days to weeks later."""
    credits = []
    for order in orders:
        if rng.random() >= chance:
            continue
        later = DAYS.index(order.day) + rng.randint(2, 25)
        if later >= len(DAYS):
            continue
        part = rng.choice((0.1, 0.25, 0.5, 1.0)) if order.amount > 200 else 1.0
        credits.append(_Order(DAYS[later], -round(order.amount * part, 2), credit_of=order))
    return sorted(orders + credits, key=lambda o: o.day)


def _in(order: _Order, start: date, end: date = REFERENCE_DATE) -> bool:
    return start <= order.day <= end


def _real(orders: list[_Order]) -> list[_Order]:
    return [o for o in orders if o.credit_of is None]


def _regular_fits(orders: list[_Order]) -> bool:
    """A regular customer: started before the last 12 months, still orders steadily."""
    real = _real(orders)
    recent = [o for o in real if _in(o, RECENT_START)]
    if len(recent) < 3 or real[0].day >= RECENT_START:
        return False
    if (REFERENCE_DATE - recent[-1].day).days > 100:
        return False
    overall = sum(o.amount for o in real) / len(real)
    if sum(o.amount for o in recent) / len(recent) < 0.6 * overall:
        return False
    return sum(o.amount for o in orders if _in(o, RECENT_START)) > 0


def _regular_orders(rng: random.Random, revenue: float) -> list[_Order]:
    """A regular customer's history for a target revenue over the last 12 months."""
    average = 300 * (revenue / 1000) ** 0.55
    per_year = max(5.0, revenue / average)
    average = revenue / per_year
    while True:
        if rng.random() < 0.75:
            start = HISTORY_START
        else:
            start = rng.choice(_days_between(date(2023, 1, 2), date(2025, 7, 31)))
        growth = rng.uniform(-0.12, 0.25)
        orders = _orders(rng, start, REFERENCE_DATE, per_year, average, growth)
        orders = _add_credit_notes(rng, orders, 0.012)
        if _regular_fits(orders):
            return orders


def _case_orders(rng: random.Random) -> dict[str, list[_Order]]:
    before = RECENT_START - timedelta(days=1)
    return {
        # big orders every other week for three years, then three small ones
        CASE_POTENTIAL: _orders(rng, HISTORY_START, before, 26, 3200, spread=0.35)
        + [
            _Order(date(2026, 1, 20), 640.00),
            _Order(date(2026, 5, 12), 385.50),
            _Order(date(2026, 8, 25), 712.80),
        ],
        # a steady big buyer, busier than ever last winter, silent since the end of March
        CASE_ATTENTION: _orders(rng, HISTORY_START, before, 42, 2400, growth=0.08, spread=0.4)
        + _orders(rng, RECENT_START, date(2026, 3, 31), 72, 3000, spread=0.4),
        CASE_NEW: _orders(rng, date(2026, 2, 2), REFERENCE_DATE, 24, 900),
        CASE_DORMANT: _orders(rng, HISTORY_START, date(2025, 6, 27), 9, 700),
    }


def _target_revenue(rank: float) -> float:
    """Annual revenue at a rank from 0 (largest) to 1 (smallest), along REVENUE_CURVE."""
    for (u0, r0), (u1, r1) in zip(REVENUE_CURVE, REVENUE_CURVE[1:], strict=False):
        if rank <= u1:
            return 10 ** (r0 + (r1 - r0) * (rank - u0) / (u1 - u0))
    return 10 ** REVENUE_CURVE[-1][1]


def _revenue(orders: list[_Order], start: date, end: date) -> int:
    return round(sum(o.amount for o in orders if _in(o, start, end)))


# --- segments and characteristics ----------------------------------------------------------

_PREFERRED = {CASE_ATTENTION: "A", CASE_POTENTIAL: "B", CASE_NEW: "C", CASE_DORMANT: "C"}
_SEGMENT_CHANCE = {
    "high": {"A": 0.75, "B": 0.25},
    "mid": {"A": 0.2, "B": 0.5, "C": 0.3},
    "low": {"B": 0.25, "C": 0.75},
}


def _plan_segment(rng: random.Random, name: str | None, revenue_class: str) -> tuple[str, int]:
    """A segment reachable in this revenue class and a score that gives it."""
    matrix = Settings().matrix[revenue_class]
    chances = _SEGMENT_CHANCE[revenue_class]
    segment = _PREFERRED.get(name or "", "")
    if segment not in chances:
        segment = _pick(rng, list(chances), list(chances.values()))
    scores = [s for s in range(5) if matrix[s] == segment]
    weights = [1.0 + s if segment != "C" else 3.0 - s for s in scores]
    return segment, rng.choices(scores, weights=weights)[0]


def _answers(rng: random.Random, score: int) -> dict[str, bool]:
    yes = set(_sample_weighted(rng, (1.3, 1.2, 0.8, 1.0), score))
    return {c: i in yes for i, c in enumerate(labels.CRITERIA)}


def _log_uniform(rng: random.Random, low: float, high: float) -> float:
    return math.exp(rng.uniform(math.log(low), math.log(high)))


def _name(rng: random.Random, sector: str, surnames: list[str], taken: set[str]) -> str:
    while True:
        name = rng.choice(SECTORS[sector]).format(surnames.pop())
        if name not in taken:
            return name


# --- order lines --------------------------------------------------------------------------


def _fill_lines(rng: random.Random, customer: _Customer) -> None:
    """Split each order over the customer's product groups, with a margin per line."""
    lo, hi = GROUP_BREADTH[customer.segment]
    base = SECTOR_GROUP_WEIGHTS[customer.sector or ""]
    groups = _sample_weighted(rng, base, rng.randint(lo, hi))
    weights = [base[g] * rng.uniform(0.5, 1.5) for g in groups]
    mean_offset = sum(
        w * GROUP_MARGIN_OFFSET[g] for g, w in zip(groups, weights, strict=True)
    ) / sum(weights)
    for order in customer.orders:
        if order.credit_of is not None:
            continue
        k = min(len(groups), rng.choices((1, 2, 3), weights=(0.5, 0.3, 0.2))[0])
        chosen = [groups[i] for i in _sample_weighted(rng, weights, k)]
        parts = [rng.uniform(0.2, 1.0) for _ in chosen]
        cents = round(order.amount * 100)
        split = [math.floor(cents * p / sum(parts)) for p in parts]
        split[0] += cents - sum(split)
        for group, amount_cents in zip(chosen, split, strict=True):
            amount = amount_cents / 100
            pct = customer.margin_level + GROUP_MARGIN_OFFSET[group] - mean_offset
            pct += rng.gauss(0, 1.5)
            article = int(ARTICLES_PER_GROUP * rng.random() ** 2.5)
            order.lines.append((group, amount, round(amount * pct / 100, 2), article))
    for order in customer.orders:
        original = order.credit_of
        if original is None:
            continue
        group, amount, margin, article = max(original.lines, key=lambda line: line[1])
        pct = margin / amount if amount else 0.0
        order.lines.append((group, order.amount, round(order.amount * pct, 2), article))


def _line_stats(orders: list[_Order]) -> tuple[float, int, int]:
    """Gross margin %, distinct articles and distinct product groups of these orders."""
    lines = [line for o in orders for line in o.lines]
    amount = sum(line[1] for line in lines)
    margin = sum(line[2] for line in lines)
    pct = round(100 * margin / amount, 1) if amount else 0.0
    return pct, len({(line[0], line[3]) for line in lines}), len({line[0] for line in lines})


def _number_orders(customers: list[_Customer]) -> None:
    """Order numbers per calendar year in date order; credit notes have their own series."""
    everything = [(o.day, c.name or "", i, o) for c in customers for i, o in enumerate(c.orders)]
    counters: dict[tuple[bool, int], int] = {}
    for day, _, _, order in sorted(everything, key=lambda t: t[:3]):
        key = (order.credit_of is not None, day.year)
        counters[key] = counters.get(key, 0) + 1
        if order.credit_of is None:
            order.number = f"{day.year}-{counters[key]:05d}"
        else:
            order.number = f"CR{day.year}-{counters[key]:04d}"


# --- the tables ---------------------------------------------------------------------------


def generate() -> DemoData:
    """The demo customers, orders and prospects; the same on every call."""
    rng = random.Random(SEED)

    # 1. sizes and order histories (amounts only)
    regular = N_CUSTOMERS - len(CASES)
    targets = [
        _target_revenue((i + 0.5) / regular) * rng.lognormvariate(0, 0.12) for i in range(regular)
    ]
    customers = [_Customer(None, None, _regular_orders(rng, t)) for t in targets]
    customers += [_Customer(name, None, orders) for name, orders in _case_orders(rng).items()]
    for customer in customers:
        if customer.name is None and rng.random() < 0.3:
            revenue = _revenue(customer.orders, RECENT_START, REFERENCE_DATE)
            extra = min(revenue * rng.uniform(0.1, 0.6), rng.uniform(20_000, 60_000))
            customer.potential = int(round(extra / 500) * 500)
    by_name = {c.name: c for c in customers}
    by_name[CASE_POTENTIAL].potential = 60_000
    by_name[CASE_NEW].potential = 10_000

    # 2. revenue class as the analysis sees it, then a segment and answers that fit it
    revenue = [_revenue(c.orders, RECENT_START, REFERENCE_DATE) for c in customers]
    value = pd.Series(
        [r + c.potential for r, c in zip(revenue, customers, strict=True)], dtype=float
    )
    classes = grid.revenue_class(value, Settings())
    for customer, revenue_class in zip(customers, classes, strict=True):
        customer.segment, score = _plan_segment(rng, customer.name, revenue_class)
        customer.answers = _answers(rng, score)
        if customer.answers["margin"]:
            customer.margin_level = rng.uniform(26.5, 34.0)
        else:
            customer.margin_level = rng.uniform(15.0, 23.5)

    # 3. characteristics and names
    surnames = list(SURNAMES)
    rng.shuffle(surnames)
    taken = set(CASES)
    rows = []
    for customer in customers:
        seg = customer.segment
        if customer.name is not None:
            customer.sector = CASE_PROFILE[customer.name][0]
        else:
            customer.sector = _pick(rng, SECTOR_NAMES, SECTOR_WEIGHTS[seg])
            customer.name = _name(rng, customer.sector, surnames, taken)
            taken.add(customer.name)
        _fill_lines(rng, customer)
        rows.append(_customer_row(rng, customer))

    _number_orders(customers)
    customer_table = pd.DataFrame(rows)
    customer_table = customer_table.sort_values(
        labels.header("customer"), key=lambda s: s.str.casefold(), kind="stable"
    ).reset_index(drop=True)
    return DemoData(
        customers=customer_table,
        orders=_order_table(customers),
        prospects=_prospect_table(),
        reference_date=REFERENCE_DATE,
    )


def _customer_row(rng: random.Random, customer: _Customer) -> dict[str, object]:
    seg = customer.segment
    recent = [o for o in customer.orders if _in(o, RECENT_START)]
    pct, products, groups = _line_stats(recent or customer.orders)
    answers = customer.answers
    if answers["speed"]:
        payment_days = rng.choice((14, 14, 21, 21, 28, 30, 30, 30))
    else:
        payment_days = rng.randint(35, 75)
    tiring = seg != "A" and not answers["margin"] and rng.random() < 0.35
    if not recent:  # nobody spends time on a customer that does not buy
        hours, custom_costs = rng.randint(0, 3), 0
    elif tiring:
        hours = rng.randint(30, 70)
        custom_costs = rng.randint(40, 180) * 50
    else:
        hours = {"A": rng.randint(30, 90), "B": rng.randint(10, 40), "C": rng.randint(1, 14)}[seg]
        custom_chance = {"A": 0.7, "B": 0.4, "C": 0.1}[seg]
        custom_costs = rng.randint(2, 120) * 50 if rng.random() < custom_chance else 0
    relation = _pick(rng, RELATION_TYPES, RELATION_WEIGHTS[seg])
    if customer.name in CASE_PROFILE:
        relation = CASE_PROFILE[customer.name][1]
    margin_answer = _typed_or_blank(rng, answers["margin"], pct >= 25)
    speed_answer = _typed_or_blank(rng, answers["speed"], payment_days <= 30)
    h = labels.header
    return {
        h("customer"): customer.name,
        h("revenue"): _revenue(customer.orders, RECENT_START, REFERENCE_DATE),
        h("potential"): customer.potential,
        h("margin"): margin_answer,
        h("speed"): speed_answer,
        h("innovation"): labels.yes_no(answers["innovation"]),
        h("network"): labels.yes_no(answers["network"]),
        h("gross_margin_pct"): pct,
        h("payment_days"): payment_days,
        h("contact_hours"): hours,
        h("custom_costs"): custom_costs,
        h("n_products"): products,
        h("n_groups"): groups,
        h("sector"): customer.sector,
        h("region"): _pick(rng, REGIONS, REGION_WEIGHTS[seg]),
        h("relation_type"): relation,
        h("revenue_last_year"): _revenue(
            customer.orders, PREVIOUS_START, RECENT_START - timedelta(days=1)
        ),
        h("employees"): round(_log_uniform(rng, *EMPLOYEES[seg])),
    }


def _typed_or_blank(rng: random.Random, answer: bool, rule_gives: bool) -> str | None:
    """Leave about a third of the answers blank when the default rule fills in the same."""
    if rule_gives == answer and rng.random() < 0.35:
        return None
    return labels.yes_no(answer)


def _order_table(customers: list[_Customer]) -> pd.DataFrame:
    h = labels.header
    rows = [
        (o.day, o.number, n, c.name, PRODUCT_GROUPS[g], amount, margin)
        for c in customers
        for o in c.orders
        for n, (g, amount, margin, _) in enumerate(o.lines)
    ]
    rows.sort(key=lambda r: r[:3])
    table = pd.DataFrame(
        {
            h("customer"): [r[3] for r in rows],
            h("order_date"): pd.to_datetime([r[0] for r in rows]),
            h("order_id"): [r[1] for r in rows],
            h("product_group"): [r[4] for r in rows],
            h("order_amount"): [r[5] for r in rows],
            h("order_margin"): [r[6] for r in rows],
        }
    )
    return table


def _prospect_table() -> pd.DataFrame:
    h = labels.header
    keys = ("prospect", "sector", "region", "relation_type", "employees")
    return pd.DataFrame(PROSPECTS, columns=[h(k) for k in keys])


# --- files --------------------------------------------------------------------------------


def write(data: DemoData, directory: Path) -> list[Path]:
    """Write the three CSV files (UTF-8, comma, ISO dates, point decimals) into directory."""
    directory.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, frame in data.frames().items():
        path = directory / name
        frame.to_csv(
            path, index=False, encoding="utf-8", lineterminator="\n", date_format="%Y-%m-%d"
        )
        paths.append(path)
    return paths


def default_directory() -> Path:
    """templates/demo in the source checkout this package lives in, else in the current folder."""
    checkout = Path(__file__).resolve().parents[2]
    if (checkout / "templates").is_dir():
        return checkout / "templates" / "demo"
    return Path("templates") / "demo"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m klantanalyse.demo", description=labels.text("demo.help")
    )
    parser.add_argument("directory", nargs="?", type=Path, help=labels.text("demo.help_dir"))
    args = parser.parse_args(argv)
    directory = args.directory or default_directory()
    try:
        paths = write(generate(), directory)
    except OSError as exc:
        print(labels.text("demo.err_write", path=directory, reason=exc.strerror), file=sys.stderr)
        return 1
    for path in paths:
        print(labels.text("demo.written", path=path))
    return 0


if __name__ == "__main__":
    sys.exit(main())
