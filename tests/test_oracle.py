"""The key figures against an independent oracle, in every place a user sees them.

Each input is built in `oracle_helpers` (customers, optionally orders and an `Instellingen`
sheet) and analysed here with the command line (`klantanalyse analyse`, called through the
console script's entry point; one case first builds the macro workbook with `klantanalyse
workbook --data`). Every expected value is recomputed from that input with plain
pandas/numpy (`oracle_helpers`, which also states the definitions); the output is read back
only as a user sees it: the command's standard output and the written workbook (Klanten,
Matrix, Start), whose cells are found by their labels and headers and whose charts by the
cells their series point at. Nothing of the package's own code or layout is used to compute
or to find a figure, so these tests hold whatever the code inside looks like.
"""

from __future__ import annotations

import contextlib
import io
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import openpyxl
import pytest

from klantanalyse.cli import main
from oracle_helpers import (
    CASES,
    SEGMENTS,
    WITH_ORDERS,
    WORDS,
    Case,
    Grid,
    blank,
    cell_value,
    chart_series,
    customer_table,
    expected,
    find,
    named,
    params,
    pareto_share,
    pareto_texts,
    percent_off,
    pyramid,
    pyramid_shown,
    right_of,
    summary,
)


def write_customers(case: Case, path: Path) -> Path:
    """A workbook with a Klanten sheet and, when the case has settings, an Instellingen sheet."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Klanten"
    sheet.append(list(case.customers.columns))
    for row in case.customers.itertuples(index=False):
        sheet.append([cell_value(v) for v in row])
    if case.settings:
        settings = book.create_sheet("Instellingen")
        settings.append(["Instelling", "Waarde"])
        for label, value in case.settings.items():
            settings.append([label, value])
    book.save(path)
    return path


# ---- running the command ------------------------------------------------------------------


# ---- running the command ------------------------------------------------------------------


# the sheets a user reads, by their Dutch and English names
SHEET_NAMES = {
    "Klanten": ("Klanten", "Customers"),
    "Verwantschap": ("Verwantschap", "Affinity"),
    "Instellingen": ("Instellingen", "Settings"),
}


@dataclass
class Output:
    code: int
    stdout: list[str]
    stderr: str
    book: openpyxl.Workbook | None
    _grids: dict[str, Grid] = field(default_factory=dict)

    def grid(self, sheet: str) -> Grid:
        """The filled cells of one sheet of the written workbook (named in Dutch here, found
        by its name in the workbook's language: Klanten is Customers in English)."""
        if sheet not in self._grids:
            name = next(n for n in SHEET_NAMES.get(sheet, (sheet,)) if n in self.book.sheetnames)
            self._grids[sheet] = {
                (cell.row, cell.column): cell.value
                for row in self.book[name].iter_rows()
                for cell in row
                if cell.value is not None
            }
        return self._grids[sheet]

    def series(self) -> list:
        """Every chart series on Matrix with the values its cells hold."""
        return chart_series(self.book["Matrix"]._charts, self.grid)


def run_cli(*args: str) -> tuple[int, str, str]:
    """The `klantanalyse` command (its console-script entry point): code, stdout, stderr."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(args))
    return code, out.getvalue(), err.getvalue()


def analyse(case: Case, folder: Path) -> Output:
    args = []
    if case.orders is not None:
        orders = folder / "orders.csv"
        case.orders.to_csv(orders, index=False)
        args += ["--orders", str(orders)]
    if case.lang != "nl":
        args += ["--lang", case.lang]
    if case.via_workbook:
        data = folder / "klanten.csv"
        case.customers.to_csv(data, index=False)
        src, out = folder / "klantanalyse.xlsm", folder / "uit.xlsm"
        code, _, err = run_cli("workbook", "--data", str(data), "-o", str(src))
        assert code == 0, err
    else:
        src, out = write_customers(case, folder / "klanten.xlsx"), folder / "uit.xlsx"
    code, stdout, stderr = run_cli("analyse", str(src), "-o", str(out), *args)
    book = openpyxl.load_workbook(out) if code == 0 else None
    return Output(code, stdout.splitlines(), stderr, book)


@pytest.fixture(scope="module")
def outputs(tmp_path_factory) -> Callable[[str], tuple[Case, Output]]:
    """Each case analysed once, on first use."""
    done: dict[str, tuple[Case, Output]] = {}

    def get(name: str) -> tuple[Case, Output]:
        if name not in done:
            case = CASES[name]()
            output = analyse(case, tmp_path_factory.mktemp(name))
            assert output.code == 0, output.stderr
            done[name] = case, output
        return done[name]

    return get


# ---- the tests ----------------------------------------------------------------------------


@pytest.mark.parametrize("name", params(CASES))
def test_score_class_and_segment_of_every_customer(outputs, name):
    case, output = outputs(name)
    words = WORDS[case.lang]
    want = expected(case)
    table = customer_table(output.grid("Klanten"), words)
    assert set(want.index) <= set(table.index)
    classes = words["classes"]
    for customer, row in want.iterrows():
        got = table.loc[customer]
        assert blank(got[words["message"]]), (customer, got[words["message"]])
        shown = (got[words["score"]], classes.get(got[words["class"]]), got[words["segment"]])
        assert shown == (row["score"], row["class"], row["segment"]), customer
    for customer in set(case.customers["Klant"]) - set(want.index):  # rows with a Melding
        got = table.loc[customer]
        assert got[words["message"]], customer
        assert blank(got[words["segment"]]) and blank(got[words["class"]]), customer


@pytest.mark.parametrize("name", params(CASES))
def test_segment_counts_and_revenue_on_matrix_and_in_the_output(outputs, name):
    case, output = outputs(name)
    words = WORDS[case.lang]
    want = expected(case)
    total = want["revenue"].sum()
    shown = summary(output.grid("Matrix"), words)
    for segment in SEGMENTS:
        part = want[want["segment"] == segment]
        customers, revenue, share = shown[segment]
        assert customers == len(part), segment
        assert revenue == pytest.approx(part["revenue"].sum(), abs=0.01), segment
        expected_share = part["revenue"].sum() / total if total > 0 else 0.0
        assert share == pytest.approx(expected_share, abs=1e-9), segment
    customers, revenue, _ = shown[words["total"]]
    assert (customers, revenue) == (len(want), pytest.approx(total, abs=0.01))
    matrix = output.grid("Matrix")
    (where,) = find(matrix, words["problems"])
    assert right_of(matrix, *where) == len(case.customers) - len(want)

    lines = [words["cli_segments"].fullmatch(line) for line in output.stdout]
    (match,) = [m for m in lines if m]
    counts = [int(g) for g in match.groups()]
    assert counts == [len(want)] + [int((want["segment"] == s).sum()) for s in SEGMENTS]

    if "affinity_group" in words and "Verwantschap" in output.book.sheetnames:  # Dutch only
        groups = {
            m.group(1): (int(m.group(2)), int(m.group(3)))
            for row in output.book["Verwantschap"].iter_rows(values_only=True)
            for m in (words["affinity_group"].fullmatch(str(v)) for v in row if v)
            if m
        }
        for segment, numbers in groups.items():
            assert numbers == (int((want["segment"] == segment).sum()), len(want)), segment


@pytest.mark.parametrize("name", params(CASES))
def test_chart_points_per_segment(outputs, name):
    """Each segment's series holds its customers with a value above zero: x around the
    score, y the revenue + potential."""
    case, output = outputs(name)
    words = WORDS[case.lang]
    want = expected(case)
    series = output.series()
    for segment in SEGMENTS:
        points = named(series, words["series"].format(segment))
        got = sorted(
            (round(x), round(float(y), 2)) for x, y in zip(points.xs, points.ys) if y is not None
        )
        # the points of one score are spread on both sides of it, close to it
        assert all(abs(x - round(x)) <= 0.3 for x, y in zip(points.xs, points.ys) if y), segment
        mine = want[(want["segment"] == segment) & (want["value"] > 0)]
        assert got == sorted(zip(mine["score"], mine["value"].round(2))), segment


@pytest.mark.parametrize("name", params(CASES))
def test_limit_lines_separate_the_revenue_classes(outputs, name):
    """'Grens Hoog' and 'Grens Midden' on the chart: with Bedrag the amounts; always a line
    with every customer of that class (or higher) at or above it and every lower one below
    it, both for the oracle's classes and for the classes shown on Klanten."""
    case, output = outputs(name)
    words = WORDS[case.lang]
    want = expected(case)
    table = customer_table(output.grid("Klanten"), words)
    shown = table.loc[want.index, words["class"]].map(words["classes"])
    series = output.series()
    amounts = {"high": "Bedraggrens Hoog (€)", "mid": "Bedraggrens Midden (€)"}
    for key, label, upper in (
        ("high", "limit_high", {"high"}),
        ("mid", "limit_mid", {"high", "mid"}),
    ):
        ys = {y for y in named(series, words[label]).ys if y is not None}
        if case.settings.get("Omzetklasse-methode") == "Bedrag":
            assert ys == {case.settings[amounts[key]]}, label
        elif (want["class"] == key).any():
            assert len(ys) == 1, f"{label}: {ys}, while customers are in that class"
        for y in ys:
            for source, classes in (("oracle", want["class"]), ("Klanten", shown)):
                wrong = want.index[classes.isin(upper) != (want["value"] >= y)]
                assert wrong.empty, f"{label} at {y}; on the wrong side ({source}): {list(wrong)}"


@pytest.mark.parametrize("name", params(CASES))
def test_the_80_20_figure_is_the_same_everywhere(outputs, name):
    """Every 80/20 sentence on Matrix, the command's 80/20 line and the dashed 80% line of
    the Pareto curve show the oracle's share; all of them are listed when one is off."""
    case, output = outputs(name)
    words = WORDS[case.lang]
    share = pareto_share(expected(case)["revenue"])
    shown = {f"Matrix!{where}": text for where, text in pareto_texts(output.grid("Matrix"), words)}
    lines = (words["pareto"].fullmatch(line.removesuffix(".")) for line in output.stdout)
    for number, match in enumerate(m for m in lines if m):
        shown[f"command output, 80/20 line {number + 1}"] = match.group(1)
    has_orders = case.orders is not None
    guide = None
    if has_orders:
        guide = named(output.series(), words["pareto_line"])
        xs = [x for x in guide.xs if x is not None]
        shown["Pareto curve, dashed 80% line"] = max(xs) if xs else None
    if share is None:
        assert [v for v in shown.values() if v is not None] == [], shown
        return
    # the summary beside the chart and, with orders, the portfolio page; the command once
    assert sum(where.startswith("Matrix!") for where in shown) >= (2 if has_orders else 1), shown
    assert sum(where.startswith("command output") for where in shown) == 1, output.stdout
    off = {
        where: value
        for where, value in shown.items()
        if (
            percent_off(value, share)
            if isinstance(value, str)
            else value != pytest.approx(share, abs=1e-6)
        )
    }
    assert not off, f"expected {share:.2%} ({share:.6f}) everywhere; shown: {shown}"


@pytest.mark.parametrize("name", params(WITH_ORDERS))
def test_the_pareto_curve_ranks_the_customers_with_revenue(outputs, name):
    """At every point that falls on a whole customer the curve holds the share of revenue
    of that many customers with revenue, largest first; 100% of them bring 100%."""
    case, output = outputs(name)
    words = WORDS[case.lang]
    series = output.series()
    guide = named(series, words["pareto_line"])
    (curve,) = [s for s in series if s.chart == guide.chart and s is not guide]
    points = {round(float(x), 2): y for x, y in zip(curve.xs, curve.ys) if x is not None}
    revenue = expected(case)["revenue"]
    ranked = np.sort(revenue[revenue > 0].to_numpy())[::-1]
    n = len(ranked)
    checked = 0
    for percent in range(0, 101):
        if (percent * n) % 100 == 0:
            want = ranked[: percent * n // 100].sum() / ranked.sum()
            assert points[percent / 100] == pytest.approx(want, abs=1e-6), f"curve at {percent}%"
            checked += 1
    assert checked >= 2


@pytest.mark.parametrize("name", params(WITH_ORDERS))
def test_pyramid_layers(outputs, name):
    case, output = outputs(name)
    words = WORDS[case.lang]
    want = pyramid(case, expected(case))
    shown = pyramid_shown(output.grid("Matrix"), words)
    assert [n for n, _ in shown] == [n for n, _ in want]
    assert [r for _, r in shown] == pytest.approx([r for _, r in want], abs=0.01)
    bars = [s for s in output.series() if list(words["layers"]) == s.xs]
    assert len(bars) == 1, "one bar chart of the pyramid"
    assert bars[0].ys == pytest.approx([r for _, r in want], abs=0.01)


def test_signals_of_a_hand_made_order_history(outputs):
    case, output = outputs("signals")
    table = customer_table(output.grid("Klanten"), WORDS["nl"])
    got = {name: table.loc[name, WORDS["nl"]["signal"]] for name in case.signals}
    assert got == case.signals


@pytest.mark.slow
def test_start_status_of_the_macro_workbook(outputs):
    case, output = outputs("demo_zero_revenue_workbook")
    words = WORDS["nl"]
    want = expected(case)
    start = output.grid("Start")
    (customers,) = find(start, words["start_customers"])
    assert right_of(start, *customers) == len(want)
    (problems,) = find(start, words["start_problems"])
    assert right_of(start, *problems) == len(case.customers) - len(want)
