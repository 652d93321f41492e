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


def customers(n: int, seed: int = 7) -> list[list[Any]]:
    """Header + `n` rows like a small wholesaler's list (a few big customers, many small)."""
    rng = random.Random(seed)
    rows: list[list[Any]] = [list(HEADER)]
    for i in range(n):
        revenue = round(rng.paretovariate(1.2) * 4000, 2)
        rows.append(
            [
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
        )
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
