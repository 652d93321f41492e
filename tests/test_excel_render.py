"""The xlwings renderer on a fake Excel, with small plans written out by hand: every cell,
style, rule and size lands where the plan says, and nothing else is touched."""

from __future__ import annotations

import datetime as dt
import math

import numpy as np
import pandas as pd

from fake_excel import FakeExcel
from klantanalyse.excel.render import render
from klantanalyse.plan.model import (
    Area,
    Block,
    BookPlan,
    ColourScale,
    Column,
    ColumnBlock,
    SheetPlan,
    Style,
    Styled,
    Table,
    ValueFill,
)


def sheet(name: str, **parts) -> SheetPlan:
    return SheetPlan(name, "sh" + name, **parts)


def test_blocks_and_long_blocks_land_at_their_cells_text_staying_text():
    fake = FakeExcel({"Blad": [["mine"]]})
    day = pd.Timestamp(2026, 3, 2)
    plan = sheet(
        "Blad",
        blocks=(Block(2, 2, [["=1+1", 7], ["00123"]]),),
        long_blocks=(
            ColumnBlock(
                5, 1, (Column(["a", np.float64(1.5), math.nan]), Column([day, pd.NaT, None]))
            ),
        ),
    )
    render(fake.book, BookPlan((plan,)))
    assert fake.rows("Blad") == [
        ["mine", None, None],
        [None, "=1+1", 7],
        [None, "00123", None],
        [None, None, None],
        ["a", dt.datetime(2026, 3, 2), None],
        [1.5, None, None],
    ]
    assert type(fake.value("Blad", "B5")) is dt.datetime
    assert fake.formulas == []


def test_owned_columns_are_blanked_down_to_the_used_bottom():
    fake = FakeExcel({"Blad": [["old", "x"]] * 9})
    plan = sheet("Blad", long_blocks=(ColumnBlock(1, 1, (Column(["new"]),), owns_below=True),))
    render(fake.book, BookPlan((plan,)))
    assert fake.rows("Blad") == [["new", "x"]] + [[None, "x"]] * 8


def test_clear_areas_and_columns_lose_values_and_formats():
    fake = FakeExcel({"Blad": [[1, 2, 3, 4]] * 6})
    fake.fills["Blad"][(6, 4)] = "#FF0000"
    fake.formats["Blad"].add((8, 4))
    fake.fills["Blad"][(8, 4)] = "#FF0000"
    plan = sheet("Blad", clear=(Area(1, 1, 2, 1),), clear_columns=(4, 4))
    render(fake.book, BookPlan((plan,)))
    assert [row[0] for row in fake.rows("Blad")] == [None, None, 1, 1, 1, 1]
    assert all(len(row) == 3 for row in fake.rows("Blad"))
    assert fake.fills["Blad"] == {}


def test_optional_sheets_are_left_out_and_missing_ones_added():
    fake = FakeExcel({"Eerste": [], "Derde": []})
    plan = BookPlan(
        (
            sheet("Eerste"),
            sheet("Tweede", blocks=(Block(1, 1, [["twee"]]),)),
            sheet("Weg", blocks=(Block(1, 1, [["nee"]]),), optional=True),
            sheet("derde", blocks=(Block(1, 1, [["drie"]]),)),
        )
    )
    render(fake.book, plan)
    assert fake.order == ["Eerste", "Derde", "Tweede"]
    assert fake.value("Tweede", "A1") == "twee"
    assert fake.value("Derde", "A1") == "drie"  # found whatever its case


def test_styles_cover_whole_areas_and_runs_of_cells_cost_one_call_each():
    fake = FakeExcel({"Blad": []})
    percent = Style(number_format="0.0%")
    header = Style(bold=True, font_colour="FFFFFF", fill="1F3864", wrap=True, horizontal="right")
    rows = [["kop", "kop"]] + [[0.1 * i, 0.2 * i] for i in range(1, 50)]
    styles = [Styled(Area(1, 1, 1, 2), header)]
    styles += [Styled(Area(r, c, r, c), percent) for r in range(2, 51) for c in (1, 2)]
    plan = sheet("Blad", blocks=(Block(1, 1, rows, tuple(styles)),))
    render(fake.book, BookPlan((plan,)))
    formats = fake.number_formats["Blad"]
    assert {cell for cell, code in formats.items() if code == "0.0%"} == {
        (r, c) for r in range(2, 51) for c in (1, 2)
    }
    assert fake.fill("Blad", (1, 2)) == "#1F3864"
    assert fake.fonts["Blad"][(1, 1)] == {"bold": True, "color": "#FFFFFF"}
    assert fake.horizontal["Blad"][(1, 2)] == "right" and (1, 1) in fake.wrapped["Blad"]
    assert sum(c.endswith(".number_format") for c in fake.calls) == 1


def test_columns_get_their_styles_value_colours_and_rules_once():
    fake = FakeExcel({"Blad": []})
    letters = Column(["A", "C", "B"], value_styles={"A": Style(fill="00FF00")})
    money = Column([1, 2, 3], Style(number_format="#,##0"))
    words = Column(["Hoog", "Laag", None])
    long = ColumnBlock(2, 1, (letters, money, words), styles=(Styled(Area(1, 1, 1, 3), Style()),))
    plan = sheet(
        "Blad",
        long_blocks=(long,),
        value_fills=(ValueFill(Area(2, 3, 4, 3), {'Ho"og': "DDEBF7", "Hoog": "FCE4D6"}),),
        colour_scales=(ColourScale(Area(2, 2, 4, 2), ((0.0, "FF0000"), (100.0, "00FF00"))),),
    )
    for _ in range(2):  # a second run replaces the rules, it does not add to them
        render(fake.book, BookPlan((plan,)))
    assert [fake.fill("Blad", (r, 1)) for r in (2, 3, 4)] == ["#00FF00", None, None]
    assert fake.fill("Blad", (2, 3)) == "#FCE4D6" and fake.fill("Blad", (3, 3)) is None
    formulas = sorted(r["formula1"] for r in fake.rules["Blad"] if "formula1" in r)
    assert formulas == ['="A"', '="Ho""og"', '="Hoog"']
    assert len(fake.rules["Blad"]) == 4
    (scale,) = [r for r in fake.rules["Blad"] if r["operator"] == "color_scale"]
    assert scale["colors"] == ["#FF0000", "#00FF00"] and scale["thresholds"] == [0, 100]
    assert fake.number_formats["Blad"] == {(r, 2): "#,##0" for r in (2, 3, 4)}


def test_tables_widths_heights_and_fitted_rows():
    fake = FakeExcel({"Blad": [["a"]]}, tables={"Blad": {"tblBlad": (1, 1, 2, 1)}})
    plan = sheet(
        "Blad",
        tables=(Table("TBLBLAD", Area(1, 1, 9, 4), ()), Table("tblElders", Area(1, 1, 2, 2), ())),
        widths={2: 11.5, 3: 11.5, 4: 11.5, 6: 30},
        heights={2: 45, 12: 30},
        fit_rows=Area(1, 1, 5, 2),
    )
    render(fake.book, BookPlan((plan,)))
    assert fake.tables["Blad"] == {"tblBlad": (1, 1, 9, 4)}
    assert fake.widths["Blad"] == {2: 11.5, 3: 11.5, 4: 11.5, 6: 30}
    assert sum(c.endswith(".column_width") for c in fake.calls) == 2
    assert fake.heights["Blad"] == {12: 30}  # row 2 is fitted to its text instead
    assert fake.autofitted == [("Blad", (1, 5))]
