"""Customer tables for the Excel-front tests: demo-like, deterministic, any size."""

from __future__ import annotations

import random
from typing import Any

HEADER = [
    "Klant",
    "Omzet",
    "Potentie",
    "Marge",
    "Snelheid",
    "Innovatie",
    "Netwerk",
    "Brutomarge %",
    "Betaaltermijn (dagen)",
]


TRAITS = ["Sector", "Regio", "Relatietype", "Aantal medewerkers"]
SECTORS = ["Installatie", "Bouw", "Detailhandel", "Klussers"]
REGIONS = ["Utrecht", "Gelderland", "Flevoland", "Zeeland"]
RELATIONS = ["Partner", "Vaste klant", "Transactioneel"]


def customers(n: int, seed: int = 7, traits: bool = False) -> list[list[Any]]:
    """Header + `n` rows like a small wholesaler's list (a few big customers, many small).

    With `traits` the Verwantschap characteristics follow: big customers lean to Installatie,
    Utrecht, Partner and more staff, so the A customers share something."""
    rng = random.Random(seed)
    rows: list[list[Any]] = [list(HEADER) + (TRAITS if traits else [])]
    for i in range(n):
        revenue = round(rng.paretovariate(1.2) * 4000, 2)
        row = [
            f"Klant {i + 1:05d}",
            revenue,
            rng.choice([0, 0, 0, 5000, 20000]),
            rng.choice(["Ja", "Nee", None]),
            rng.choice(["Ja", "Nee", "j", "n", None]),
            rng.choice(["Ja", "Nee"]),
            rng.choice(["Ja", "Nee", "x", None]),
            rng.choice([10, 20, 30, 40, None]),
            rng.choice([14, 30, 60, None]),
        ]
        if traits:
            row += _traits(rng, big=revenue > 12_000)
        rows.append(row)
    return rows


def _traits(rng: random.Random, big: bool) -> list[Any]:
    """Sector, Regio, Relatietype, Aantal medewerkers: the first choice is likelier for big
    customers, the last for small ones."""

    def pick(options: list[Any]) -> Any:
        weights = [4, 2, 1, 1] if big else [1, 1, 2, 4]
        return rng.choices(options, weights[: len(options)])[0]

    staff = rng.randint(40, 200) if big else rng.randint(1, 60)
    return [pick(SECTORS), pick(REGIONS), pick(RELATIONS), staff]


def prospects(n: int, seed: int = 11) -> list[list[Any]]:
    """A Prospects sheet: header + `n` companies described by the same characteristics."""
    rng = random.Random(seed)
    rows: list[list[Any]] = [["Prospect", *TRAITS]]
    for i in range(n):
        rows.append([f"Prospect {i + 1:05d}", *_traits(rng, big=i % 3 == 0)])
    return rows


def settings_rows(values: dict[str, Any] | None = None) -> list[list[Any]]:
    """The Instellingen sheet: header row, then the given (Dutch label -> value) rows."""
    rows: list[list[Any]] = [["Instelling", "Waarde", "Uitleg"]]
    rows.extend([label, value, None] for label, value in (values or {}).items())
    return rows


def orders(customer_rows: list[list[Any]], per_customer: int = 2) -> list[list[Any]]:
    """An Orders sheet: header + `per_customer` order lines for every customer row."""
    import datetime as dt

    rows: list[list[Any]] = [["Klant", "Datum", "Ordernummer", "Bedrag"]]
    day = dt.datetime(2026, 1, 5)
    for i, row in enumerate(customer_rows[1:]):
        for j in range(per_customer):
            rows.append([row[0], day + dt.timedelta(days=i % 300 + j), f"{i:06d}-{j}", 100.0 + j])
    return rows
