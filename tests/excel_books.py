"""Workbooks for the Excel-front tests: what the macro workbook holds before a run."""

from __future__ import annotations

import datetime as dt
from typing import Any

from fake_excel import FakeExcel
from klantanalyse import layout
from klantanalyse.core.settings import Settings

FIXED_TIME = dt.datetime(2026, 10, 31, 9, 30)


def frame_rows(frame) -> list[list[Any]]:
    """Header + rows of a DataFrame, as plain cell values."""
    rows = [[str(c) for c in frame.columns]]
    rows.extend([layout._clean(v) for v in row] for row in frame.itertuples(index=False))
    return rows


def place(rows: list[list[Any]], block: layout.Block) -> list[list[Any]]:
    """`rows` with `block` written into it (the grid grows as needed)."""
    out = [list(r) for r in rows]
    for i, values in enumerate(block.rows):
        r = block.row + i - 1
        while len(out) <= r:
            out.append([])
        for j, value in enumerate(values):
            c = block.column + j - 1
            out[r].extend([None] * (c + 1 - len(out[r])))
            out[r][c] = value
    return out


def macro_book(
    customers: list[list[Any]],
    orders: list[list[Any]] | None = None,
    settings: Settings | None = None,
    with_table: bool = True,
    **kwargs: Any,
) -> FakeExcel:
    """A fake of klantanalyse.xlsm as built: Start with an empty status, Klanten, ..."""
    settings = settings or Settings()
    start = place([["Klantanalyse"], [None], ["Wat doet deze werkmap?"]], _empty_status(settings))
    sheets: dict[str, list[list[Any]]] = {
        layout.START: start,
        layout.CUSTOMERS: customers,
    }
    if orders is not None:
        sheets[layout.ORDERS] = orders
    sheets[layout.MATRIX] = [["Klanten op omzet en score"]]
    sheets[layout.SETTINGS] = [list(r) for r in layout.settings_rows(settings)]
    sheets[layout.CONF] = [
        ["INTERPRETER_WIN", "python"],
        ["UDF MODULES", "klantanalyse.excel.udfs"],
    ]
    tables = {}
    if with_table:
        width = len(customers[0])
        tables[layout.CUSTOMERS] = {layout.CUSTOMER_TABLE: (1, 1, max(len(customers), 2), width)}
    return FakeExcel(sheets, tables=tables, **kwargs)


def _empty_status(settings: Settings) -> layout.Block:
    return layout.status_block(None, None, settings.lang)


def snapshot(fake: FakeExcel) -> dict[str, Any]:
    """Everything a user could see: values, fills, fonts, colour rules and tables."""
    return {
        "cells": {name: dict(cells) for name, cells in fake.cells.items()},
        "fills": {name: dict(cells) for name, cells in fake.fills.items()},
        "fonts": {
            name: {k: dict(v) for k, v in cells.items()} for name, cells in fake.fonts.items()
        },
        "rules": {
            name: [{**rule, "cells": frozenset(rule["cells"])} for rule in rules]
            for name, rules in fake.rules.items()
        },
        "tables": {name: dict(t) for name, t in fake.tables.items()},
    }
