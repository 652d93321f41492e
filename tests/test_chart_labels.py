"""The grid chart reads well: the points of one score spread evenly on both sides of it,
the limit lines run across the whole score axis, and the 20 largest customers carry a
number that overlaps no other number, named in order in the table beside the chart.

Positions are checked in centimetres on the chart as the workbook describes it (its axes'
ranges, its plot area, its size), with label boxes at least as large as 8 pt digits."""

from __future__ import annotations

import math

import openpyxl
import pytest

from conftest import ROOT
from klantanalyse.cli import main

DIGIT_CM, LINE_CM = 0.16, 0.3  # 8 pt digits and line height, at the least


@pytest.fixture(scope="module")
def matrix(tmp_path_factory):
    out = tmp_path_factory.mktemp("labels") / "demo.xlsx"
    assert main(["analyse", str(ROOT / "klantanalyse.xlsm"), "-o", str(out)]) == 0
    return openpyxl.load_workbook(out)["Matrix"]


def cells(ws, ref: str) -> list[list[object]]:
    """The values of a reference such as 'Matrix'!$Z$2:$AB$3, row by row."""
    where = ref.split("!")[-1].replace("$", "")
    if ":" not in where:
        where = f"{where}:{where}"
    return [[c.value for c in row] for row in ws[where]]


def test_points_spread_on_both_sides_of_their_score(matrix):
    (chart,) = [c for c in matrix._charts if c.tagname == "scatterChart"][:1]
    offsets: dict[int, list[float]] = {}
    for series in chart.series[:3]:
        xs = [row[0] for row in cells(matrix, series.xVal.numRef.f)]
        ys = [row[0] for row in cells(matrix, series.yVal.numRef.f)]
        for x, y in zip(xs, ys):
            if y is not None:
                offsets.setdefault(round(x), []).append(x - round(x))
    for score, found in offsets.items():
        assert max(abs(o) for o in found) <= 0.3, score
        if len(found) > 2:
            assert min(found) < 0 < max(found), score  # both sides, not only to the right
            assert abs(sum(found) / len(found)) < 0.1, score  # centred on the score


def test_limit_lines_run_across_the_whole_score_axis(matrix):
    (chart,) = [c for c in matrix._charts if c.tagname == "scatterChart"][:1]
    low, high = chart.x_axis.scaling.min, chart.x_axis.scaling.max
    lines = [s for s in chart.series if s.tx.strRef.f.endswith(("$AD$2", "$AD$4"))]
    assert len(lines) == 2
    for line in lines:
        xs = [row[0] for row in cells(matrix, line.xVal.numRef.f)]
        assert xs == [low, high]
    every = [
        row[0]
        for s in chart.series[:3]
        for row in cells(matrix, s.xVal.numRef.f)
        if row[0] is not None
    ]
    assert low < min(every) and max(every) < high


def test_numbers_of_the_largest_customers_do_not_overlap(matrix):
    (chart,) = [c for c in matrix._charts if c.tagname == "scatterChart"][:1]
    layout = chart.layout.manualLayout
    assert layout.layoutTarget == "inner"  # the plot area itself, as positioned
    size = chart.anchor.ext  # in EMU: 360,000 to a centimetre
    width, height = size.cx / 360_000 * layout.w, size.cy / 360_000 * layout.h
    x_low, x_high = chart.x_axis.scaling.min, chart.x_axis.scaling.max
    values = [
        row[0]
        for s in chart.series[:3]
        for row in cells(matrix, s.yVal.numRef.f)
        if row[0] is not None
    ]
    y_low, y_high = math.floor(math.log10(min(values))), math.ceil(math.log10(max(values)))

    def cm(x: float, y: float) -> tuple[float, float]:
        return (
            (x - x_low) / (x_high - x_low) * width,
            (math.log10(y) - y_low) / (y_high - y_low) * height,
        )

    numbers = [s for s in chart.series if s.dLbls is not None and s.dLbls.showSerName]
    boxes = []
    for series in numbers:
        (name,) = cells(matrix, series.tx.strRef.f)[0]
        (x,), (y,) = cells(matrix, series.xVal.numRef.f)[0], cells(matrix, series.yVal.numRef.f)[0]
        cx, cy = cm(x, y)
        w, h = DIGIT_CM * len(str(name)), LINE_CM
        assert w / 2 <= cx <= width - w / 2 and h / 2 <= cy <= height - h / 2, name  # inside
        boxes.append((str(name), cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2))
    assert [b[0] for b in boxes] == [str(n) for n in range(1, 21)]
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            _, left, bottom, right, top = a
            apart = top <= b[2] or b[4] <= bottom or right <= b[1] or b[3] <= left
            assert apart, (a[0], b[0])


def test_the_table_beside_the_chart_names_the_numbers(matrix):
    rows = cells(matrix, "I3:N24")
    assert rows[0][0] == "De 20 grootste klanten (nummers in de grafiek)"
    assert rows[1] == ["Nr", "Klant", None, None, "Omzet + potentie", "Segment"]
    body = rows[2:]
    assert [r[0] for r in body] == list(range(1, 21))
    values = [r[4] for r in body]
    assert values == sorted(values, reverse=True)
    assert body[0][1] == "Bouwbedrijf Gebr. Bos"  # the demo's largest customer
