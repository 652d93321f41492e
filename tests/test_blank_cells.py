"""A cell of a sheet's table is blank when it is None, NaN (or NaT) or '': the body of a
table finds the same blanks whatever kinds its columns hold, one kind or many."""

from __future__ import annotations

import datetime as dt
import math

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from klantanalyse.core.tables import _blank_cells, _even_body

CELLS = st.one_of(
    st.text(max_size=3),
    st.just(""),
    st.none(),
    st.floats(allow_nan=True, allow_infinity=True),
    st.integers(-(2**60), 2**60),
    st.booleans(),
    st.datetimes(min_value=dt.datetime(1900, 1, 1), max_value=dt.datetime(2100, 1, 1)),
)
ONE_KIND = st.sampled_from(
    [st.text(max_size=3), st.floats(allow_nan=True), st.integers(), st.booleans()]
)


def blank(value: object) -> bool:
    """The plain definition, one cell at a time."""
    if value is None or value == "":
        return True
    return isinstance(value, float) and math.isnan(value)


@given(st.lists(CELLS, max_size=40))
def test_blanks_of_a_mixed_column(cells):
    values = np.array(cells + [None], dtype=object)[:-1]  # (one-dimensional, any cells)
    assert _blank_cells(values).tolist() == [blank(v) for v in cells]


@given(ONE_KIND.flatmap(lambda kind: st.lists(kind, min_size=1, max_size=40)))
def test_blanks_of_a_column_of_one_kind(cells):
    values = np.array(cells + [None], dtype=object)[:-1]
    assert _blank_cells(values).tolist() == [blank(v) for v in cells]


def test_fully_blank_rows_leave_the_body():
    rows = [["Jan", 1.0, ""], ["", float("nan"), None], ["", 2.5, "x"], [None, "", ""]]
    body = _even_body(rows, [0, 1, 2], ["Klant", "Omzet", "Notitie"], first_row=2)
    assert body.index.tolist() == [2, 4]
    assert body["Klant"].tolist() == ["Jan", None]
    assert body["Notitie"].tolist() == [None, "x"]
