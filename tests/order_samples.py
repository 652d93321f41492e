"""Sample Orders tables shared by the order-history and profitability tests."""

from __future__ import annotations

import datetime as dt

import pandas as pd

REF = dt.date(2024, 6, 30)


def excel_serial(day: dt.date) -> int:
    return (day - dt.date(1899, 12, 30)).days


def orders_table() -> pd.DataFrame:
    """A small Orders sheet; the index is the sheet row number (headers on row 1)."""
    rows = [
        ("Bakkerij Jansen", "01-09-2022", 2000, "J1"),
        ("Bakkerij Jansen", dt.datetime(2023, 1, 15), 1000, "J2"),
        ("bakkerij jansen", "2023-01-15", 900, "J2"),  # same order, other spelling
        ("Bakkerij Jansen", excel_serial(dt.date(2023, 5, 10)), "€ 1.950", "J3"),
        ("Bakkerij Jansen", "01-02-2024", 410, "J4"),
        ("Van Dijk BV", "01-08-2023", 3000, "D1"),
        ("Van Dijk BV", "01-09-2023", 2500, "D2"),
        ("Van Dijk BV", "15-10-2023", 3500, "D3"),
        ("Van Dijk BV", "20-11-2023", 3000, "D4"),
        ("Van Dijk BV", "01-12-2023", -500, "C-D4"),  # credit note
        ("De Vries", "01-03-2023", 800, "V1"),
        ("Nieuw & Co", "01-05-2024", 600, "N1"),
        ("Nieuw & Co", "15-06-2024", 400, "N2"),
        ("Stabiel BV", "01-10-2022", 1000, None),  # no order numbers: one order per date
        ("Stabiel BV", "01-04-2023", 1000, None),
        ("Stabiel BV", "01-10-2023", 1200, None),
        ("Stabiel BV", "01-04-2024", 1200, None),
        ("Stabiel BV", "10-04-2024", -200, None),  # a return on its own date
        ("Van Dijk BV", "31-02-2024", 100, "D9"),  # row 20: no such date
        ("Nieuw & Co", "gisteren", 50, "N9"),  # row 21: not a date
        ("De Vries", "01-01-2024", "veel", "V9"),  # row 22: not an amount
        (None, "01-01-2024", 75, "X1"),  # row 23: no customer
        (None, None, None, None),  # row 24: empty, ignored
        ("Nieuw & Co", "05-07-2024", 999, "N3"),  # row 25: after the reference date
    ]
    return pd.DataFrame(
        rows, columns=["Klant", "Datum", "Bedrag", "Ordernummer"], index=range(2, 2 + len(rows))
    )
