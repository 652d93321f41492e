"""The ribbon's key figures against the independent oracle, in every place a user sees them.

Each case of `oracle_helpers` (and the demo data that Voorbeelddata loads) is typed into a
fake of klantanalyse.xlsm (Klanten, Orders, Prospects and the values of Instellingen, as a
user fills them) and analysed with Analyseer klanten (`actions.analyse`). The figures are
then read as a user sees them: the Klanten result columns by their headers; the Matrix
summary, the 80/20 sentences, the pyramid and the Start status by their labels; and every
chart of the committed macro workbook through the cells its series point at, read from the
fake after the run. =SEGMENT and =OMZETKLASSE are called on the same book for every customer.
Each figure is compared with the oracle's, which is computed from the case's input alone.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import numpy as np
import openpyxl
import pandas as pd
import pytest

from excel_books import FIXED_TIME, macro_book
from fake_excel import FakeExcel
from klantanalyse import demo
from klantanalyse.excel import actions, logfile, udfs
from oracle_helpers import (
    CASES,
    SEGMENTS,
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
    pareto_share,
    pareto_texts,
    percent_off,
    pyramid,
    pyramid_shown,
    right_of,
    summary,
)

ROOT = Path(__file__).resolve().parent.parent
MACRO_BOOK = ROOT / "klantanalyse.xlsm"  # the committed workbook, with its pre-built charts
NO_SEGMENT = {"nl": "geen segment, zie Melding", "en": "no segment, see Message"}
LABELS_SHOWN = 20  # the chart names the largest customers (README: "the 20 largest")


def demo_data() -> Case:
    """The demo data as Voorbeelddata loads it (with prospects), at the demo's Peildatum."""
    data = demo.generate()
    return Case(
        data.customers,
        data.orders,
        {"Peildatum": data.reference_date},
        prospects=data.prospects,
    )


# The command line's case built through `klantanalyse workbook` has no ribbon counterpart:
# its input is that of demo_zero_revenue.
RIBBON_CASES: dict[str, Callable[[], Case]] = {
    "demo_data": demo_data,
    **{name: make for name, make in CASES.items() if name != "demo_zero_revenue_workbook"},
}
SLOW = {"demo_data", "demo_zero_revenue"}
WITH_ORDERS = ("demo_data", "demo_zero_revenue", "single_customer", "signals")


def params(names, known: dict[str, pytest.MarkDecorator] | None = None) -> list:
    """The case names, the slow ones marked, and `known` marks (a known bug) added."""
    out = []
    for n in names:
        marks = [pytest.mark.slow] if n in SLOW else []
        marks += [known[n]] if known and n in known else []
        out.append(pytest.param(n, marks=marks) if marks else n)
    return out


# ---- the workbook as a user fills it ----------------------------------------------------


def _typed(value: object) -> object:
    """A value as an Excel cell holds it: dates as datetimes, blanks as None."""
    value = cell_value(value)
    if isinstance(value, pd.Timestamp):
        return value.to_pydatetime()
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return dt.datetime.combine(value, dt.time())
    return value


def sheet_rows(frame: pd.DataFrame, dates: tuple[str, ...] = ()) -> list[list[object]]:
    """Header + rows of `frame`; the `dates` columns as dates (Excel holds no date text)."""
    frame = frame.copy()
    for column in dates:
        frame[column] = pd.to_datetime(frame[column])
    rows = [[str(c) for c in frame.columns]]
    rows.extend([_typed(v) for v in row] for row in frame.itertuples(index=False))
    return rows


def ribbon_book(case: Case) -> FakeExcel:
    """The macro workbook with the case typed in: Instellingen keeps its rows, the case's
    settings (and Taal EN for an English case) replace their values."""
    orders = sheet_rows(case.orders, ("Datum",)) if case.orders is not None else []
    prospects = sheet_rows(case.prospects) if case.prospects is not None else None
    fake = macro_book(sheet_rows(case.customers), orders, prospects=prospects)
    values = dict(case.settings)
    if case.lang == "en":
        values["Taal"] = "EN"
    settings = fake.cells["Instellingen"]
    for label, value in values.items():
        (row,) = [r for (r, c), v in settings.items() if c == 1 and v == label]
        settings[(row, 2)] = _typed(value)
    return fake


class Analysed:
    """One case after Analyseer klanten: the fake book and its sheets as cells."""

    def __init__(self, case: Case, fake: FakeExcel, charts: list):
        self.case = case
        self.fake = fake
        self.words = WORDS[case.lang]
        self._charts = charts

    def grid(self, sheet: str) -> Grid:
        return {cell: v for cell, v in self.fake.cells[sheet].items() if v is not None}

    def series(self) -> list:
        """Every series of the workbook's Matrix charts, with what the fake's cells hold."""
        return chart_series(self._charts, self.grid)


@pytest.fixture(scope="module")
def charts() -> list:
    """The charts on Matrix of the committed macro workbook (their series name the cells)."""
    book = openpyxl.load_workbook(MACRO_BOOK)
    found = book["Matrix"]._charts
    assert len(found) >= 4  # the grid, the Pareto curve, the pyramid, the whale curve
    return found


@pytest.fixture(scope="module")
def analysed(charts, tmp_path_factory) -> Callable[[str], Analysed]:
    """Each case analysed once on its own fake, on first use (tests only read it)."""
    done: dict[str, Analysed] = {}

    def get(name: str) -> Analysed:
        if name not in done:
            case = RIBBON_CASES[name]()
            fake = ribbon_book(case)
            log = tmp_path_factory.mktemp(name) / "klantanalyse.log"
            with pytest.MonkeyPatch.context() as patch:
                patch.setattr(actions, "clock", lambda: FIXED_TIME)
                patch.setattr(logfile, "log_path", lambda: str(log))
                fake.install(patch)
                actions.analyse()
            assert fake.alerts == [], fake.alerts
            done[name] = Analysed(case, fake, charts)
        return done[name]

    return get


@pytest.fixture(autouse=True)
def private_log(monkeypatch, tmp_path):
    monkeypatch.setattr(logfile, "log_path", lambda: str(tmp_path / "klantanalyse.log"))


# ---- Klanten ----------------------------------------------------------------------------


@pytest.mark.parametrize("name", params(RIBBON_CASES))
def test_score_class_and_segment_of_every_customer(analysed, name):
    run = analysed(name)
    case, words = run.case, run.words
    want = expected(case)
    table = customer_table(run.grid("Klanten"), words)
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


def test_signals_of_a_hand_made_order_history(analysed):
    run = analysed("signals")
    table = customer_table(run.grid("Klanten"), run.words)
    got = {name: table.loc[name, run.words["signal"]] for name in run.case.signals}
    assert got == run.case.signals


# ---- counts: Matrix summary, Start status, Verwantschap ---------------------------------


@pytest.mark.parametrize("name", params(RIBBON_CASES))
def test_segment_counts_and_revenue_on_matrix_start_and_verwantschap(analysed, name):
    run = analysed(name)
    case, words = run.case, run.words
    want = expected(case)
    total = want["revenue"].sum()
    shown = summary(run.grid("Matrix"), words)
    for segment in SEGMENTS:
        part = want[want["segment"] == segment]
        customers, revenue, share = shown[segment]
        assert customers == len(part), segment
        assert revenue == pytest.approx(part["revenue"].sum(), abs=0.01), segment
        expected_share = part["revenue"].sum() / total if total > 0 else 0.0
        assert share == pytest.approx(expected_share, abs=1e-9), segment
    customers, revenue, _ = shown[words["total"]]
    assert (customers, revenue) == (len(want), pytest.approx(total, abs=0.01))
    problems = len(case.customers) - len(want)
    matrix = run.grid("Matrix")
    (where,) = find(matrix, words["problems"])
    assert right_of(matrix, *where) == problems

    start = run.grid("Start")
    (at,) = find(start, words["start_customers"])
    assert right_of(start, *at) == len(want)
    (at,) = find(start, words["start_problems"])
    assert right_of(start, *at) == problems

    if "affinity_group" in words:
        groups = {
            m.group(1): (int(m.group(2)), int(m.group(3)))
            for value in run.grid("Verwantschap").values()
            for m in [words["affinity_group"].fullmatch(str(value))]
            if m
        }
        for segment, numbers in groups.items():
            assert numbers == (int((want["segment"] == segment).sum()), len(want)), segment


# ---- the grid chart -----------------------------------------------------------------------


@pytest.mark.parametrize("name", params(RIBBON_CASES))
def test_chart_points_per_segment(analysed, name):
    """Each segment's series holds its customers with a value above zero: x around the
    score, y the revenue + potential."""
    run = analysed(name)
    want = expected(run.case)
    series = run.series()
    for segment in SEGMENTS:
        points = named(series, run.words["series"].format(segment))
        got = sorted(
            (round(x), round(float(y), 2)) for x, y in zip(points.xs, points.ys) if y is not None
        )
        # the points of one score are spread on both sides of it, close to it
        assert all(abs(x - round(x)) <= 0.3 for x, y in zip(points.xs, points.ys) if y), segment
        mine = want[(want["segment"] == segment) & (want["value"] > 0)]
        assert got == sorted(zip(mine["score"], mine["value"].round(2))), segment


@pytest.mark.parametrize("name", params(RIBBON_CASES))
def test_chart_numbers_the_largest_customers(analysed, name):
    """The chart numbers the largest customers with a chart point (one-point series named
    1, 2, ...), and the table beside it names them in that order with their value and
    segment; no customer left out is larger."""
    run = analysed(name)
    want = expected(run.case)
    points = want[want["segment"].notna() & (want["value"] > 0)]
    shown = min(LABELS_SHOWN, len(points))
    numbers = [
        s.name
        for s in run.series()
        if len(s.ys) == 1 and s.name is not None and s.ys[0] is not None
    ]
    assert numbers == [str(n) for n in range(1, shown + 1)]
    matrix = run.grid("Matrix")
    title = run.words["top_title"]
    at, count = next(
        (cell, int(found.group(1)))
        for cell, v in matrix.items()
        if isinstance(v, str) and (found := title.fullmatch(v))
    )
    assert count == shown  # 'De 20 grootste klanten', or as many as there are
    rows = [[matrix.get((at[0] + 2 + i, at[1] + j)) for j in (0, 1, 4, 5)] for i in range(shown)]
    assert [row[0] for row in rows] == list(range(1, shown + 1))
    for _, customer, value, segment in rows:
        assert value == pytest.approx(points.loc[customer, "value"], abs=0.01), customer
        assert segment == points.loc[customer, "segment"], customer
    values = [row[2] for row in rows]
    assert values == sorted(values, reverse=True)
    left_out = points.drop(index=[row[1] for row in rows])
    if len(left_out) and rows:
        assert left_out["value"].max() <= min(values)


@pytest.mark.parametrize("name", params(RIBBON_CASES))
def test_limit_lines_separate_the_revenue_classes(analysed, name):
    """'Grens Hoog' and 'Grens Midden' on the chart: with Bedrag the amounts; always a line
    with every customer of that class (or higher) at or above it and every lower one below
    it, both for the oracle's classes and for the classes shown on Klanten."""
    run = analysed(name)
    case, words = run.case, run.words
    want = expected(case)
    table = customer_table(run.grid("Klanten"), words)
    shown = table.loc[want.index, words["class"]].map(words["classes"])
    series = run.series()
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


# ---- 80/20 and the portfolio page ---------------------------------------------------------


@pytest.mark.parametrize("name", params(RIBBON_CASES))
def test_the_80_20_figure_is_the_same_everywhere(analysed, name):
    """Every 80/20 sentence on Matrix (beside the chart and, with orders, on the portfolio
    page) and the dashed 80% line of the Pareto curve show the oracle's share; all of them
    are listed when one is off."""
    run = analysed(name)
    case, words = run.case, run.words
    share = pareto_share(expected(case)["revenue"])
    shown: dict[str, object] = {
        f"Matrix!{where}": text for where, text in pareto_texts(run.grid("Matrix"), words)
    }
    has_orders = case.orders is not None
    if has_orders:
        guide = named(run.series(), words["pareto_line"]) if share is not None else None
        xs = [x for x in guide.xs if x is not None] if guide else []
        shown["Pareto curve, dashed 80% line"] = max(xs) if xs else None
    if share is None:
        assert [v for v in shown.values() if v is not None] == [], shown
        return
    assert len([w for w in shown if w.startswith("Matrix!")]) == (2 if has_orders else 1), shown
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
def test_the_pareto_curve_ranks_the_customers_with_revenue(analysed, name):
    """At every point that falls on a whole customer the curve holds the share of revenue
    of that many customers with revenue, largest first; 100% of them bring 100%."""
    run = analysed(name)
    series = run.series()
    guide = named(series, run.words["pareto_line"])
    (curve,) = [s for s in series if s.chart == guide.chart and s is not guide]
    points = {round(float(x), 2): y for x, y in zip(curve.xs, curve.ys) if x is not None}
    revenue = expected(run.case)["revenue"]
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
def test_pyramid_layers(analysed, name):
    run = analysed(name)
    want = pyramid(run.case, expected(run.case))
    shown = pyramid_shown(run.grid("Matrix"), run.words)
    assert [n for n, _ in shown] == [n for n, _ in want]
    assert [r for _, r in shown] == pytest.approx([r for _, r in want], abs=0.01)
    bars = [s for s in run.series() if list(run.words["layers"]) == s.xs]
    assert len(bars) == 1, "one bar chart of the pyramid"
    assert bars[0].ys == pytest.approx([r for _, r in want], abs=0.01)


# ---- the worksheet functions on the same book ---------------------------------------------


@pytest.fixture
def functions_on(monkeypatch) -> Callable[[Analysed], None]:
    """Make the worksheet functions read `run`'s book, as in one recalculation."""

    def on(run: Analysed) -> None:
        udfs.clear_cache()
        monkeypatch.setattr(udfs, "clock", lambda: 1000.0)  # one recalculation: one read
        run.fake.install(monkeypatch)

    yield on
    udfs.clear_cache()


@pytest.mark.parametrize("name", params(RIBBON_CASES))
def test_segment_function_agrees_for_every_customer(analysed, functions_on, name):
    """=SEGMENT(klant) gives the oracle's segment of every customer; a row with a Melding
    has none."""
    run = analysed(name)
    functions_on(run)
    want = expected(run.case)
    for customer in run.case.customers["Klant"]:
        segment = want.loc[customer, "segment"] if customer in want.index else None
        assert udfs.SEGMENT(customer) == (segment or NO_SEGMENT[run.case.lang]), customer


@pytest.mark.parametrize("name", params(RIBBON_CASES))
def test_revenue_class_function_agrees_for_every_customer(analysed, functions_on, name):
    """=OMZETKLASSE of a customer's Omzet + Potentie gives the class Klanten shows for them."""
    run = analysed(name)
    functions_on(run)
    words = run.words
    class_word = {key: word for word, key in words["classes"].items()}
    for customer, row in expected(run.case).iterrows():
        shown = udfs.OMZETKLASSE(float(row["value"]))
        assert shown == class_word[row["class"]], (customer, row["value"])
