"""Workbooks for the Excel-front tests: what the macro workbook holds before a run."""

from __future__ import annotations

import datetime as dt
import math
from typing import Any

import numpy as np
import pandas as pd

from fake_excel import FakeExcel
from klantanalyse.core import labels
from klantanalyse.core.settings import Settings
from klantanalyse.plan import names
from klantanalyse.plan.model import Block
from klantanalyse.plan.start import settings_rows, status_block
from klantanalyse.plan.values import clean

FIXED_TIME = dt.datetime(2026, 10, 31, 9, 30)


def frame_rows(frame) -> list[list[Any]]:
    """Header + rows of a DataFrame, as plain cell values."""
    rows = [[str(c) for c in frame.columns]]
    rows.extend([clean(v) for v in row] for row in frame.itertuples(index=False))
    return rows


def place(rows: list[list[Any]], block: Block) -> list[list[Any]]:
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
    prospects: list[list[Any]] | None = None,
    **kwargs: Any,
) -> FakeExcel:
    """A fake of klantanalyse.xlsm before a run: Start with an empty status, the Actielijst
    table's header, Klanten, Orders
    and Prospects (when given) holding inputs only, Matrix with its title, an empty
    Verwantschap sheet, Instellingen and xlwings.conf."""
    settings = settings or Settings()
    start = place([["Klantanalyse"], [None], ["Wat doet deze werkmap?"]], _empty_status(settings))
    action_header = [labels.header(k, settings.lang) for k in labels.ACTION_LIST_KEYS]
    sheets: dict[str, list[list[Any]]] = {
        names.START: start,
        names.ACTIONS: [[], [], [], action_header],  # the table's header, on row 4
        names.CUSTOMERS: customers,
    }
    if orders is not None:
        sheets[names.ORDERS] = orders
    if prospects is not None:
        sheets[names.PROSPECTS] = prospects
    sheets[names.MATRIX] = [["Klanten op omzet en score"]]
    sheets[names.AFFINITY] = []
    sheets[names.SETTINGS] = [list(r) for r in settings_rows(settings)]
    sheets[names.CONF] = [
        ["INTERPRETER_WIN", "python"],
        ["UDF MODULES", "klantanalyse.excel.udfs"],
    ]
    tables = {names.ACTIONS: {names.ACTION_TABLE: (4, 1, 5, len(action_header))}}
    if with_table:
        width = len(customers[0])
        tables[names.CUSTOMERS] = {names.CUSTOMER_TABLE: (1, 1, max(len(customers), 2), width)}
        if prospects is not None:
            bounds = (1, 1, max(len(prospects), 2), len(prospects[0]))
            tables[names.PROSPECTS] = {names.PROSPECT_TABLE: bounds}
    return FakeExcel(sheets, tables=tables, **kwargs)


def _empty_status(settings: Settings) -> Block:
    return status_block(None, None, settings.lang)


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


def shown(value: Any) -> Any:
    """A result as a cell shows it: blanks as None, dates as datetimes, plain numbers."""
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, pd.Timestamp):
        return value.to_pydatetime()
    return value.item() if isinstance(value, np.generic) else value
