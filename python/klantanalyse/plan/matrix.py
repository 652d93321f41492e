"""The Matrix sheet: the grid chart with its data and summary, and below it the portfolio
page (80/20 curve, customer pyramid, whale curve, retention), each at a fixed place.

Printed as two landscape A4 pages: the chart with the summary below it (A1:L38), and the
portfolio (A40:N88). The chart data are fixed blocks right of the printed area (grid points
from T1, the 20 names from Z1, the limit lines from AD1, the curves from AH1), so a
pre-built chart keeps working when the sheet is analysed again; every block keeps its size
whatever the data.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import TypeVar

import numpy as np
import pandas as pd

from ..core import labels
from ..core.pareto import PARETO_LIMIT
from ..core.settings import SEGMENTS
from ..run import Run
from . import theme
from .customers import has_orders
from .labelling import Frame, Placed, log_range, place_labels
from .model import (
    Area,
    Axis,
    Block,
    Chart,
    Column,
    ColumnBlock,
    Page,
    Rows,
    Series,
    SheetPlan,
    Style,
    Styled,
    ValueFill,
)
from .names import MATRIX, SHEETS
from .target import Target
from .values import clean

TITLE_AT = (1, 1)
CHART_ANCHOR = "B3"
CHART_SIZE = (17.5, 12.0)  # width, height in cm: B3 to H25
PLOT_AREA = (0.13, 0.12, 0.83, 0.6)  # the plot inside the chart: x, y, width, height (0-1)
TOP_AT = (3, 9)  # I3: the LABEL_COUNT largest customers, numbered as in the chart
TOP_WIDTH = 6  # Nr | Klant (over three columns) | Omzet + potentie | Segment
SUMMARY_AT = (27, 2)  # B27, below the chart
CHART_DATA_AT = (1, 20)  # T1
LABELS_AT = (1, 26)  # Z1: number, x, y of each label
LIMITS_AT = (1, 30)  # AD1
LABEL_COUNT = 20
LEADERS_AT = (LABELS_AT[0] + LABEL_COUNT + 2, LABELS_AT[1])  # Z23: two rows per leader line
SCORE_AXIS_MIN = -1  # room left of score 0; the axis shows no -1 (see SCORE_FORMAT)
SCORE_FORMAT = '0;"";0'  # the score axis' numbers: 0 to 4, the -1 at its start left out
CHART_CAPACITY = 5000  # points of the pre-built chart of the macro workbook
CHART_LAST_ROW = 1_000_000  # the last row a chart range may refer to (openpyxl)
SCORE_AXIS_MAX = 4.75

PORTFOLIO_TITLE_AT = (38, 1)  # A38
PARETO_CHART_ANCHOR = "B40"
PYRAMID_CHART_ANCHOR = "H40"
WHALE_CHART_ANCHOR = "B58"
PORTFOLIO_CHART_SIZE = (13.2, 9.0)  # width, height in cm: two side by side in B:N
PORTFOLIO_LINES_AT = (58, 8)  # H58: 80/20, whale peak, revenue change
PYRAMID_AT = (62, 8)  # H62: title, header, 5 layers
RETENTION_AT = (70, 8)  # H70: title, header, RETENTION_YEARS years
PARETO_AT = (1, 34)  # AH1: share of customers | cumulative revenue share
PARETO_GUIDE_AT = (1, 37)  # AK1: the 80% guide line, 3 points
WHALE_AT = (1, 41)  # AO1: share of customers | cumulative net contribution share
WHALE_GUIDE_AT = (1, 44)  # AR1: the 100% line, 2 points
CURVE_POINTS = 101  # x = 0%, 1%, ..., 100%
RETENTION_YEARS = 6  # the most recent years; fewer are blank-padded
SUMMARY_ROWS = 11
PRINT_AREA = f"A1:N{SUMMARY_AT[0] + SUMMARY_ROWS - 1}"  # page 1: chart, top 20 and summary
# page 2: the portfolio, down to the last year of the retention table
PORTFOLIO_PRINT_AREA = f"A{PORTFOLIO_TITLE_AT[0]}:N{RETENTION_AT[0] + RETENTION_YEARS + 1}"
# points of one score side by side, centred on it: 0, +0.07, -0.07, ..., +0.28, -0.28
_JITTER = (0.0, *(round(0.07 * k * sign, 2) for k in range(1, 5) for sign in (1, -1)))

# Both printed pages are about 1,000 pixels wide, so one scale (a sheet has one) fits both.
WIDTHS = {
    1: 3,
    2: 20,  # the summary's labels
    **{col: 10 for col in range(3, 15)},  # C:N: the summary's figures, the portfolio tables
    8: 19,  # H: the portfolio tables' labels
    13: 17,  # M: the top table's amounts
    14: 17,  # N: the segments of the top table, the retention notes (vanaf 01-11-2022)
    20: 28,
    26: 28,
    30: 14,
}
PORTFOLIO_WIDTHS = {34: 14, 35: 14, 38: 14, 39: 14, 41: 14, 42: 14, 45: 14, 46: 14, 37: 24, 44: 24}


def _t(run: Run, key: str, **values: object) -> str:
    return labels.text(key, run.lang, **values)


def matrix_sheet(run: Run, target: Target) -> SheetPlan:
    title = Block(*TITLE_AT, [[_t(run, "chart.title")]], (Styled(_one(TITLE_AT), theme.TITLE),))
    blocks = [
        title,
        summary_block(run, target),
        top_block(run),
        label_block(run),
        leader_block(run),
        limit_block(run),
    ]
    chart_data = chart_block(run, target)
    portfolio = has_orders(run)
    widths = dict(WIDTHS)
    print_area: tuple[str, ...] = (PRINT_AREA,)
    charts = [grid_chart(run, target)]
    if portfolio or target.update:  # an update blanks the pre-built charts' data
        blocks += portfolio_blocks(run, blank=not portfolio)
    if portfolio:
        widths.update(PORTFOLIO_WIDTHS)
        print_area = (PRINT_AREA, PORTFOLIO_PRINT_AREA)
        charts += portfolio_charts(run)
    return SheetPlan(
        name=MATRIX,
        code_name=SHEETS[MATRIX],
        blocks=tuple(blocks),
        long_blocks=(chart_data,),
        widths=widths,
        heights={
            SUMMARY_AT[0] + 1: 30,  # wrapped headers
            TOP_AT[0] + 1: 30,
            **({PYRAMID_AT[0] + 1: 30, RETENTION_AT[0] + 1: 30} if portfolio else {}),
        },
        charts=tuple(charts),
        value_fills=(top_fills(run),),
        page=Page(print_area=print_area, fit_height=len(print_area)),  # a page each
    )


def _one(at: tuple[int, int]) -> Area:
    return Area(at[0], at[1], at[0], at[1])


def _row(block_row: int, left: int, width: int) -> Area:
    return Area(block_row, left, block_row, left + width - 1)


# ---- the grid chart --------------------------------------------------------------------


def chart_note(run: Run, target: Target) -> str | None:
    """'Grafiek: 5.000 van 30.000 klanten, ...' when the chart cannot show every customer."""
    shown, key = charted_points(run, target)
    if key is None:
        return None
    total = len(chart_points(run))
    return _t(
        run,
        "chart.note",
        count=labels.number(len(shown), run.lang),
        total=labels.number(total, run.lang),
        chosen=_t(run, key),
    )


def summary_block(run: Run, target: Target) -> Block:
    """Segment | Klanten | Omzet | Aandeel per segment, the total, 80/20 and rows with a
    message; segment cells in their colours."""
    s = run.analysis.summary
    rows: Rows = [
        [_t(run, "sum.title"), None, None, None],
        [
            _t(run, "sum.segment"),
            _t(run, "sum.customers"),
            _t(run, "sum.revenue"),
            _t(run, "sum.share"),
        ],
    ]
    for line in s.segments:
        rows.append([line.segment, line.customers, line.revenue, line.share])
    rows.append(
        [_t(run, "sum.total"), s.customers, s.total_revenue, 1.0 if s.total_revenue else 0.0]
    )
    rows.append([None, None, None, None])
    rows.append([_t(run, "sum.pareto_label"), pareto_text(run), None, None])
    rows.append([_t(run, "sum.invalid"), s.problems, None, None])
    reference = run.reference.shown(run.lang) if run.reference is not None else "-"
    rows.append([_t(run, "sum.reference"), reference, None, None])
    rows.append([chart_note(run, target), None, None, None])
    r, c = SUMMARY_AT
    header = theme.RESULT_HEADER.merged(theme.HEADER_WRAP)
    styles = [Styled(_one((r, c)), theme.BOLD), Styled(_row(r + 1, c, 4), header)]
    for i, segment in enumerate(SEGMENTS):
        fill = theme.fill_of(run.settings.colours[segment])
        styles.append(Styled(_one((r + 2 + i, c)), Style(bold=True, fill=fill)))
        styles.append(Styled(_one((r + 2 + i, c + 2)), Style(number_format=theme.MONEY_FORMAT)))
        styles.append(Styled(_one((r + 2 + i, c + 3)), Style(number_format=theme.PERCENT_FORMAT)))
    total = r + 2 + len(SEGMENTS)
    styles.append(Styled(_one((total, c)), theme.BOLD))
    styles.append(Styled(_one((total, c + 2)), Style(bold=True, number_format=theme.MONEY_FORMAT)))
    styles.append(
        Styled(_one((total, c + 3)), Style(bold=True, number_format=theme.PERCENT_FORMAT))
    )
    styles.append(Styled(_one((total + 2, c)), theme.BOLD))
    styles.append(Styled(_one((total + 3, c)), theme.BOLD))
    styles.append(Styled(_one((total + 4, c)), theme.BOLD))
    return Block(r, c, rows, tuple(styles))


def pareto_text(run: Run) -> str:
    """'20% van de klanten brengt 80% van de omzet', or '-' without revenue."""
    share = run.analysis.summary.pareto_share
    if share is None:
        return "-"
    return _t(run, "sum.pareto", share=labels.percent(share, run.lang))


def chart_points(run: Run) -> pd.DataFrame:
    """Valid customers with value > 0 and a jittered x, ordered for stable output; made
    once per run (the chart data, its labels, its frame and the warnings all use it)."""
    return _once("points", (run,), lambda: _chart_points(run))


T = TypeVar("T")
_LAST: dict[str, tuple[tuple[object, ...], object]] = {}  # name -> (inputs, value)


def _once(name: str, inputs: tuple[object, ...], make: Callable[[], T]) -> T:
    """`make()`, kept for the last `inputs` (the same objects) under `name`."""
    kept = _LAST.get(name)
    if kept is not None and len(kept[0]) == len(inputs):
        if all(a is b for a, b in zip(kept[0], inputs)):
            return kept[1]  # type: ignore[return-value]
    value = make()
    _LAST[name] = (inputs, value)
    return value


def _chart_points(run: Run) -> pd.DataFrame:
    r = run.analysis.results
    value = r["value"].to_numpy(dtype=float, na_value=np.nan)
    with np.errstate(invalid="ignore"):
        rows = np.flatnonzero(r["segment"].notna().to_numpy() & (value > 0))
    score = r["score"].to_numpy(dtype=object)[rows].astype(np.int64)
    names = r["customer"].to_numpy(dtype=object)[rows]
    order = _best_first(value[rows], names, score)  # (names ranked within ties only)
    rows, score = rows[order], score[order]
    starts = np.flatnonzero(np.r_[True, score[1:] != score[:-1]])  # where each score begins
    rank = np.arange(len(rows)) - np.repeat(starts, np.diff(np.r_[starts, len(rows)]))
    index = r.index[rows]
    return pd.DataFrame(
        {
            "customer": pd.Series(names[order], index=index, dtype=object),
            "score": score,
            "value": value[rows],
            "segment": pd.Series(r["segment"].to_numpy(dtype=object)[rows], index, object),
            "x": score + np.array(_JITTER)[rank % len(_JITTER)],
        },
        index=index,
    )


def _best_first(value: np.ndarray, names: np.ndarray, score: np.ndarray | None = None):
    """Positions ordered by `score` (ascending, when given), `value` (largest first), then
    name, as a stable sort on those keys orders them; names are compared only within a tie."""
    keys = (-value,) if score is None else (-value, score)
    order = np.lexsort(keys)
    same = np.ones(max(len(order) - 1, 0), dtype=bool)
    for key in keys:
        ranked = key[order]
        same &= ranked[1:] == ranked[:-1]
    if not same.any():
        return order
    group = np.cumsum(np.r_[True, ~same])  # one number per run of equal keys
    tied = np.flatnonzero(np.bincount(group)[group] > 1)
    order[tied] = order[tied][_by_group_and_name(group[tied], names[order[tied]])]
    return order


_SHORT_NAME = 256  # names up to this length are compared as a fixed-width text array


def _name_ranks(names: np.ndarray) -> np.ndarray | None:
    """Each name's place among the distinct names in Python's order of texts (equal names,
    equal places), by numpy's own text sort, which compares code point by code point as
    Python does; None unless every name is a short text without NUL characters."""
    texts = names.tolist()
    if not all(type(t) is str for t in texts):
        return None
    longest = max(map(len, texts), default=0)
    if longest > _SHORT_NAME or any("\0" in t for t in texts):
        return None
    fixed = np.array(texts, dtype=f"<U{max(longest, 1)}")
    order = np.argsort(fixed)
    in_order = fixed[order]
    ranks = np.empty(len(texts), dtype=np.int64)
    ranks[order] = np.cumsum(np.r_[False, in_order[1:] != in_order[:-1]])
    return ranks


def _by_group_and_name(group: np.ndarray, names: np.ndarray) -> np.ndarray:
    """Positions ordered by `group`, then name (as Python orders texts), stable."""
    ranks = _name_ranks(names)
    if ranks is None:
        ties = pd.DataFrame({"group": group, "name": names})
        return ties.sort_values(["group", "name"]).index.to_numpy()
    return np.lexsort((ranks, group))


def chart_capacity(run: Run, target: Target) -> int:
    """Rows of chart data the grid chart refers to."""
    n = target.chart_capacity or max(len(chart_points(run)), 1)
    return min(n, point_limit())


def charted_points(run: Run, target: Target) -> tuple[pd.DataFrame, str | None]:
    """The points the grid chart shows, and which key says how they were chosen (None:
    every point). With more customers than the chart has room for, the best segments come
    first: every A customer, then every B customer, then an even spread over the rest by
    revenue, so the picture keeps its shape. Chosen once per run and target."""
    return _once("charted", (run, target), lambda: _charted_points(run, target))


def _charted_points(run: Run, target: Target) -> tuple[pd.DataFrame, str | None]:
    points = chart_points(run)
    room = target.chart_capacity or point_limit()
    room = min(room, point_limit())
    if len(points) <= room:
        return points, None
    segments = points["segment"].to_numpy(dtype=object)
    chosen = np.zeros(len(points), dtype=bool)
    left = room
    key = "chart.chosen.ab"
    for segment, fallback in zip(SEGMENTS, ("chart.chosen.spread", "chart.chosen.a", None)):
        part = np.flatnonzero(segments == segment)
        if len(part) <= left:
            chosen[part] = True
            left -= len(part)
            continue
        if fallback is not None:
            key = fallback
        if left:
            values = points["value"].to_numpy(dtype=float)[part]
            names = points["customer"].to_numpy(dtype=object)[part]
            spread = part[_best_first(values, names)]
            picks = np.linspace(0, len(spread) - 1, left).round().astype(int)
            chosen[spread[np.unique(picks)]] = True
        break
    return points[chosen], key


def point_limit() -> int:
    """How many customers the chart can show."""
    return CHART_LAST_ROW - CHART_DATA_AT[0]


def chart_block(run: Run, target: Target) -> ColumnBlock:
    """Klant | Score | Segment A | Segment B | Segment C from T1, down to the chart's
    capacity (an update also blanks what an earlier, longer run left below)."""
    points, _ = charted_points(run, target)
    lang = run.lang
    header = [labels.header("customer", lang), labels.header("score", lang)] + [
        labels.text("chart.series", lang, segment=s) for s in SEGMENTS
    ]
    names = points["customer"].tolist()
    distinct, where = np.unique(points["x"].to_numpy(dtype=float), return_inverse=True)
    rounded = np.array([round(x, 2) for x in distinct.tolist()], dtype=object)
    xs = rounded[where.reshape(-1)].tolist()  # each distinct x rounded once
    values = points["value"].to_numpy(dtype=float).astype(object)
    segments = points["segment"].to_numpy(dtype=object)
    ys = [np.where(segments == s, values, None).tolist() for s in SEGMENTS]
    columns = [[header[0], *names], [header[1], *xs]] + [
        [header[2 + i], *y] for i, y in enumerate(ys)
    ]
    rows = len(names) + 1
    if target.chart_capacity is not None:
        rows = max(rows, target.chart_capacity + 1)
    padded = [c + [None] * (rows - len(c)) for c in columns]
    r, c = CHART_DATA_AT
    return ColumnBlock(
        r,
        c,
        tuple(Column(col) for col in padded),
        styles=(Styled(_row(r, c, 5), theme.BOLD),),
        owns_below=True,
    )


def top_points(run: Run) -> pd.DataFrame:
    """The LABEL_COUNT largest customers of the chart, largest first."""
    points = chart_points(run)
    if len(points) > LABEL_COUNT:  # only the largest can be among them: sort those alone
        points = points[points["value"] >= points["value"].nlargest(LABEL_COUNT).iloc[-1]]
    return points.sort_values(["value", "customer"], ascending=[False, True]).head(LABEL_COUNT)


def chart_frame(run: Run) -> Frame:
    """The grid chart's plot area in cm and the data it spans."""
    values = chart_points(run)["value"].to_numpy(dtype=float)
    values = values if len(values) else np.array([1.0])
    low, high = log_range(values)
    width, height = CHART_SIZE[0] * PLOT_AREA[2], CHART_SIZE[1] * PLOT_AREA[3]
    return Frame(width, height, SCORE_AXIS_MIN, SCORE_AXIS_MAX, low, high)


def label_places(run: Run) -> list[Placed]:
    """Where the numbers 1, 2, ... of the largest customers go in the chart."""
    points = chart_points(run)
    top = top_points(run)
    labelled = [
        (float(x), float(v), str(n))
        for n, (x, v) in enumerate(zip(top["x"], top["value"]), start=1)
    ]
    every = points[["x", "value"]].to_numpy(dtype=float)
    return place_labels(chart_frame(run), every, labelled)


def label_block(run: Run) -> Block:
    """Number | x | y of each label (blank-padded to LABEL_COUNT)."""
    rows: Rows = [[_t(run, "chart.top_nr"), "X", "Y"]]
    for n, place in enumerate(label_places(run), start=1):
        rows.append([str(n), round(place.x, 4), round(place.y, 2)])
    rows.extend([[None, None, None] for _ in range(LABEL_COUNT + 1 - len(rows))])
    return Block(*LABELS_AT, rows, (Styled(_row(LABELS_AT[0], LABELS_AT[1], 3), theme.BOLD),))


def leader_block(run: Run) -> Block:
    """Two rows (from the point, to the label) per label placed away from its point; blank
    for a label beside its point."""
    rows: Rows = [[None, "X", "Y"]]
    places = label_places(run)
    for i in range(LABEL_COUNT):
        leader = places[i].leader if i < len(places) else None
        if leader is None:
            rows += [[None, None, None], [None, None, None]]
        else:
            rows += [[None, round(x, 4), round(y, 2)] for x, y in leader]
    return Block(*LEADERS_AT, rows, (Styled(_row(LEADERS_AT[0], LEADERS_AT[1], 3), theme.BOLD),))


def top_block(run: Run) -> Block:
    """Beside the chart: Nr | Klant | | | Omzet + potentie | Segment of the largest customers,
    numbered as in the chart (the name runs over the two blank columns)."""
    r, c = TOP_AT
    lang = run.lang
    top = top_points(run)
    rows: Rows = [
        [_t(run, "chart.top_title", count=len(top))] + [None] * (TOP_WIDTH - 1),
        [
            _t(run, "chart.top_nr"),
            labels.header("customer", lang),
            None,
            None,
            _t(run, "chart.top_value"),
            labels.header("segment", lang),
        ],
    ]
    for n, (name, value, segment) in enumerate(
        zip(top["customer"], top["value"], top["segment"]), start=1
    ):
        rows.append([n, name, None, None, float(value), segment])
    rows += [[None] * TOP_WIDTH for _ in range(LABEL_COUNT + 2 - len(rows))]
    last = r + LABEL_COUNT + 1
    styles = (
        Styled(_one((r, c)), theme.BOLD),
        Styled(_row(r + 1, c, TOP_WIDTH), theme.RESULT_HEADER.merged(theme.HEADER_WRAP), True),
        Styled(Area(r + 2, c, last, c), Style(horizontal="center")),
        Styled(Area(r + 2, c + 4, last, c + 4), Style(number_format=theme.MONEY_FORMAT)),
        Styled(Area(r + 2, c + 5, last, c + 5), Style(horizontal="center")),
    )
    return Block(r, c, rows, styles)


def top_fills(run: Run) -> ValueFill:
    """The segment letters of the top table in their colours (following the text)."""
    colours = {s: theme.fill_of(run.settings.colours[s]) for s in SEGMENTS}
    return replace(top_fills_area(), colours=colours)


def top_fills_area() -> ValueFill:
    """The top table's segment column, without colours yet."""
    r, c = TOP_AT
    column = c + TOP_WIDTH - 1
    return ValueFill(Area(r + 2, column, r + LABEL_COUNT + 1, column), {})


def limit_block(run: Run) -> Block:
    """The High and Medium limit lines: two points each, across the whole score axis."""
    limits = {"high": run.analysis.limits.high, "mid": run.analysis.limits.mid}
    rows: Rows = [[None, "X", "Y"]]
    for key, text_key in (("high", "chart.limit_high"), ("mid", "chart.limit_mid")):
        y = limits[key] if limits[key] is not None and limits[key] > 0 else None
        rows.append([_t(run, text_key), SCORE_AXIS_MIN if y else None, y])  # a log axis has no 0
        rows.append([None, SCORE_AXIS_MAX if y else None, y])
    return Block(*LIMITS_AT, rows, (Styled(_row(LIMITS_AT[0], LIMITS_AT[1], 3), theme.BOLD),))


def grid_chart(run: Run, target: Target) -> Chart:
    """XY scatter: one series per segment, the limit lines, the numbers of the 20 largest
    customers (their names in the table beside the chart) and their leader lines."""
    n = chart_capacity(run, target)
    data_row, data_col = CHART_DATA_AT
    xs = Area(data_row + 1, data_col + 1, data_row + n, data_col + 1)
    series = []
    for i, segment in enumerate(SEGMENTS):
        col = data_col + 2 + i
        series.append(
            Series(
                name=(data_row, col),
                x=xs,
                y=Area(data_row + 1, col, data_row + n, col),
                marker="circle",
                marker_size=7,
                marker_colour=theme.marker_colour(run.settings.colours[segment]),
                marker_line=theme.MARKER_LINE,
                line=False,
            )
        )
    lim_row, lim_col = LIMITS_AT
    for i, dash in enumerate(("dash", "sysDot")):
        top = lim_row + 1 + 2 * i
        series.append(
            Series(
                name=(top, lim_col),
                x=Area(top, lim_col + 1, top + 1, lim_col + 1),
                y=Area(top, lim_col + 2, top + 1, lim_col + 2),
                colour=theme.LIMIT_COLOUR,
                dash=dash,
                line_width=19050,
            )
        )
    lab_row, lab_col = LABELS_AT
    for i in range(LABEL_COUNT):  # each number centred where `label_places` put it
        r = lab_row + 1 + i
        series.append(
            Series(
                name=(r, lab_col),
                x=Area(r, lab_col + 1, r, lab_col + 1),
                y=Area(r, lab_col + 2, r, lab_col + 2),
                line=False,
                label="name",
                label_position="ctr",
                label_size=800,
                in_legend=False,
            )
        )
    lead_row, lead_col = LEADERS_AT
    for i in range(LABEL_COUNT):  # a thin line from a point to its number further away
        r = lead_row + 1 + 2 * i
        series.append(
            Series(
                name=(r, lead_col),
                x=Area(r, lead_col + 1, r + 1, lead_col + 1),
                y=Area(r, lead_col + 2, r + 1, lead_col + 2),
                colour=theme.LIMIT_COLOUR,
                line_width=6350,
                in_legend=False,
            )
        )
    return Chart(
        kind="scatter",
        anchor=CHART_ANCHOR,
        title=_t(run, "chart.title"),
        x_axis=Axis(
            _t(run, "chart.x"),
            minimum=SCORE_AXIS_MIN,
            maximum=SCORE_AXIS_MAX,
            major_unit=1,
            number_format=SCORE_FORMAT,
            crosses="min",
        ),
        y_axis=Axis(_t(run, "chart.y"), number_format="#,##0", log_base=10, crosses="min"),
        series=tuple(series),
        width=CHART_SIZE[0],
        height=CHART_SIZE[1],
        plot_area=PLOT_AREA,
        plot_inner=True,
        title_size=1400,
    )


# ---- the portfolio page ----------------------------------------------------------------


def curve_points(shares: np.ndarray, values: np.ndarray, points: int = CURVE_POINTS) -> np.ndarray:
    """A cumulative curve at x = 0, 1/(points-1), ..., 1 (linear between customers).

    `shares` are the customers' cumulative shares (k/n), `values` the curve at each; the
    curve starts at (0, 0).
    """
    xs = np.linspace(0.0, 1.0, points)
    if len(shares) == 0:
        return np.full(points, np.nan)
    return np.interp(xs, np.r_[0.0, shares], np.r_[0.0, values])


def _curve_rows(header: list[str], ys: np.ndarray | None) -> Rows:
    rows: Rows = [header]
    xs = np.linspace(0.0, 1.0, CURVE_POINTS)
    for i in range(CURVE_POINTS):
        y = None if ys is None or np.isnan(ys[i]) else round(float(ys[i]), 6)
        rows.append([round(float(xs[i]), 2) if y is not None else None, y])
    return rows


def _figures(at: tuple[int, int], rows: Rows) -> Block:
    """A curve or guide block: bold header, its numbers as percentages."""
    styles = [Styled(_row(at[0], at[1], len(rows[0])), theme.BOLD)]
    percent = Style(number_format=theme.CURVE_FORMAT)
    for r, values in enumerate(rows[1:], start=at[0] + 1):
        for c, value in enumerate(values, start=at[1]):
            if isinstance(value, float):
                styles.append(Styled(_one((r, c)), percent))
    return Block(*at, rows, tuple(styles))


def pareto_block(run: Run) -> Block:
    """Aandeel klanten | Aandeel omzet (cumulatief): CURVE_POINTS rows, customers by revenue."""
    portfolio = run.analysis.portfolio
    pareto = portfolio.pareto if portfolio is not None else None
    ys = None
    if pareto is not None and len(pareto):
        ys = curve_points(pareto["customer_share"].to_numpy(), pareto["revenue_share"].to_numpy())
    header = [_t(run, "sum.pareto_x"), _t(run, "sum.pareto_y")]
    return _figures(PARETO_AT, _curve_rows(header, ys))


def pareto_guide_block(run: Run) -> Block:
    """The 80% guide: from (0, 80%) along to the curve, then down to the x axis. The series
    name (in the first column of the first point) is what the legend shows."""
    reach = run.analysis.summary.pareto_share
    rows: Rows = [[None, _t(run, "sum.pareto_x"), _t(run, "sum.pareto_y")]]
    if reach is None:
        rows += [[None, None, None] for _ in range(3)]
    else:
        x = round(reach, 6)
        rows += [
            [_t(run, "sum.pareto_line"), 0.0, PARETO_LIMIT],
            [None, x, PARETO_LIMIT],
            [None, x, 0.0],
        ]
    return _figures(PARETO_GUIDE_AT, rows)


def whale_block(run: Run) -> Block:
    """Aandeel klanten | Nettobijdrage cumulatief: customers from most to least profitable."""
    portfolio = run.analysis.portfolio
    whale = portfolio.whale if portfolio is not None else None
    ys = None
    if whale is not None and len(whale) and whale["cumulative_share"].notna().all():
        ys = curve_points(whale["customer_share"].to_numpy(), whale["cumulative_share"].to_numpy())
    header = [_t(run, "sum.whale_x"), _t(run, "sum.whale_y")]
    return _figures(WHALE_AT, _curve_rows(header, ys))


def whale_guide_block(run: Run) -> Block:
    """The 100% line of the whale curve (the total net contribution)."""
    rows: Rows = [
        [None, _t(run, "sum.whale_x"), _t(run, "sum.whale_y")],
        [_t(run, "sum.whale_line"), 0.0, 1.0],
        [None, 1.0, 1.0],
    ]
    return _figures(WHALE_GUIDE_AT, rows)


def _table(at: tuple[int, int], rows: Rows, formats: dict[int, str]) -> Block:
    """A titled table: bold title, result-styled header (wrapped), formatted columns."""
    r, c = at
    width = len(rows[1])
    styles = [Styled(_one(at), theme.BOLD)]
    styles.append(Styled(_one((r + 1, c)), theme.RESULT_HEADER.merged(theme.WRAP)))
    styles.append(
        Styled(
            Area(r + 1, c + 1, r + 1, c + width - 1), theme.RESULT_HEADER.merged(theme.WRAP_RIGHT)
        )
    )
    for offset, code in formats.items():
        styles.append(
            Styled(
                Area(r + 2, c + offset, r + len(rows) - 1, c + offset), Style(number_format=code)
            )
        )
    return Block(r, c, rows, tuple(styles))


def pyramid_block(run: Run) -> Block:
    """Title, Laag | Klanten | Omzet | Aandeel omzet, then the five layers."""
    rows: Rows = [
        [_t(run, "sum.pyramid"), None, None, None],
        [
            _t(run, "sum.layer"),
            _t(run, "sum.customers"),
            _t(run, "sum.revenue"),
            _t(run, "sum.share"),
        ],
    ]
    portfolio = run.analysis.portfolio
    table = portfolio.pyramid if portfolio is not None else None
    if table is None:
        rows += [[None] * 4 for _ in range(5)]
    else:
        for key, n, revenue, share in zip(
            table["layer"], table["customers"], table["revenue"], table["revenue_share"]
        ):
            name = labels.layer_word(key, run.lang)
            rows.append([name, int(n), round(float(revenue), 2), clean(float(share))])
    return _table(PYRAMID_AT, rows, {2: theme.MONEY_FORMAT, 3: theme.PERCENT_FORMAT})


def retention_block(run: Run) -> Block:
    """Title, Jaar | Actieve klanten | Behouden | Behoud % | Nieuw | Verloren | (note), then
    the last RETENTION_YEARS years, blank-padded. When the Peildatum's own year is among them the
    title says it counts up to that date."""
    portfolio = run.analysis.portfolio
    table = portfolio.retention if portfolio is not None else None
    title = _t(run, "sum.retention")
    recent = table.tail(RETENTION_YEARS) if table is not None else None
    if recent is not None and recent["partial"].any():
        year = int(recent.loc[recent["partial"], "year"].iloc[-1])
        date = labels.short_date(portfolio.history.reference, run.lang)
        title += " " + _t(run, "sum.partial", year=year, date=date)
    rows: Rows = [
        [title] + [None] * 6,
        [
            _t(run, "sum.year"),
            _t(run, "sum.active"),
            _t(run, "sum.retained"),
            _t(run, "sum.retention_rate"),
            _t(run, "sum.new"),
            _t(run, "sum.lost"),
            None,
        ],
    ]
    if recent is not None:
        for row in recent.itertuples(index=False):
            rows.append(
                [
                    int(row.year),
                    int(row.active),
                    _count(row.retained),
                    clean(row.retention),
                    _count(row.new),
                    _count(row.lost),
                    _retention_note(run, row),
                ]
            )
    rows += [[None] * 7 for _ in range(RETENTION_YEARS + 2 - len(rows))]
    return _table(RETENTION_AT, rows, {3: theme.PERCENT_FORMAT})


def _retention_note(run: Run, row) -> str | None:
    """'vanaf 01-11-2022' for a year the orders cover only in part (its comparisons are then
    empty in the next year); the Peildatum's own year is named in the title."""
    if row.since is None or pd.isna(row.since):
        return None
    return _t(run, "sum.partial_since", date=labels.short_date(row.since, run.lang))


def _count(value: object) -> int | None:
    """A whole count, None for a missing one (NaN)."""
    value = clean(value)
    return None if value is None else int(value)


def portfolio_lines(run: Run) -> Block:
    """Three label | text lines: the 80/20 check, the whale curve's peak (or why there is
    none), revenue change."""
    lang = run.lang
    portfolio = run.analysis.portfolio
    if portfolio is not None and portfolio.whale_peak is not None:
        share, top = portfolio.whale_peak
        peak = _t(run, "sum.whale_peak", share=share, peak=top)
    elif portfolio is not None and portfolio.whale is not None:
        peak = _t(run, "sum.whale_not_positive")
    else:
        peak = _t(run, "sum.whale_no_data")
    change = "-"
    history = portfolio.history if portfolio is not None else None
    if history is not None and not history.comparable:
        change = _t(
            run,
            "sum.revenue_change_unknown",
            recent=labels.money(history.revenue_recent, lang),
            first=labels.short_date(history.first_line, lang),
        )
    elif history is not None:
        recent, previous = history.revenue_recent, history.revenue_previous
        ratio = labels.percent(recent / previous - 1, lang, signed=True) if previous > 0 else "-"
        change = _t(
            run,
            "sum.revenue_change",
            recent=labels.money(recent, lang),
            previous=labels.money(previous, lang),
            change=ratio,
        )
    rows: Rows = [
        [_t(run, "sum.pareto_label"), pareto_text(run)],
        [_t(run, "sum.whale_label"), peak],
        [_t(run, "sum.change_label"), change],
    ]
    r, c = PORTFOLIO_LINES_AT
    return Block(r, c, rows, (Styled(Area(r, c, r + 2, c), theme.BOLD),))


def portfolio_blocks(run: Run, blank: bool = False) -> list[Block]:
    """Every portfolio block of the Matrix sheet, fixed sizes, in placing order (title,
    lines, pyramid, retention, Pareto curve and guide, whale curve and 100% line); `blank`:
    the same cells left empty, which clears an earlier run's values."""
    title = Block(
        *PORTFOLIO_TITLE_AT,
        [[_t(run, "sum.portfolio_title")]],
        (Styled(_one(PORTFOLIO_TITLE_AT), theme.TITLE),),
    )
    blocks = [
        title,
        portfolio_lines(run),
        pyramid_block(run),
        retention_block(run),
        pareto_block(run),
        pareto_guide_block(run),
        whale_block(run),
        whale_guide_block(run),
    ]
    if blank:
        return [Block(b.row, b.column, [[None] * b.width for _ in range(b.height)]) for b in blocks]
    return blocks


def portfolio_charts(run: Run) -> list[Chart]:
    """The native charts below the grid chart: Pareto curve, pyramid, whale curve."""
    charts = [
        _curve_chart(
            run,
            "sum.pareto_curve",
            "sum.pareto_x_axis",
            "sum.pareto_y",
            PARETO_AT,
            PARETO_GUIDE_AT,
            3,
            PARETO_CHART_ANCHOR,
            y_max=1,
        ),
        _pyramid_chart(run),
    ]
    if run.analysis.portfolio.whale is not None:
        charts.append(
            _curve_chart(
                run,
                "sum.whale",
                "sum.whale_x",
                "sum.whale_y",
                WHALE_AT,
                WHALE_GUIDE_AT,
                2,
                WHALE_CHART_ANCHOR,
            )
        )
    return charts


def _curve_chart(
    run: Run,
    title: str,
    x_title: str,
    y_title: str,
    curve_at: tuple[int, int],
    guide_at: tuple[int, int],
    guide_points: int,
    anchor: str,
    y_max: float | None = None,
) -> Chart:
    """A cumulative curve over the share of customers (percent axes) with a guide line."""
    row, col = curve_at
    curve = Series(
        name=(row, col + 1),
        x=Area(row + 1, col, row + CURVE_POINTS, col),
        y=Area(row + 1, col + 1, row + CURVE_POINTS, col + 1),
        colour=theme.CURVE_COLOUR,
        line_width=31750,
    )
    g_row, g_col = guide_at
    guide = Series(
        name=(g_row + 1, g_col),
        x=Area(g_row + 1, g_col + 1, g_row + guide_points, g_col + 1),
        y=Area(g_row + 1, g_col + 2, g_row + guide_points, g_col + 2),
        colour=theme.GUIDE_COLOUR,
        dash="dash",
        line_width=19050,
    )
    axis = dict(number_format="0%", minimum=0, crosses="min", text_size=900)
    return Chart(
        kind="scatter",
        anchor=anchor,
        title=_t(run, title),
        x_axis=Axis(_t(run, x_title), maximum=1, major_unit=0.1, **axis),
        y_axis=Axis(_t(run, y_title), maximum=y_max, major_unit=0.2, **axis),
        series=(curve, guide),
        width=PORTFOLIO_CHART_SIZE[0],
        height=PORTFOLIO_CHART_SIZE[1],
        title_size=1200,
        scatter_style="line",
    )


def _pyramid_chart(run: Run) -> Chart:
    """Horizontal bars: revenue per pyramid layer, the top layer on top."""
    row, col = PYRAMID_AT
    first, last = row + 2, row + 6
    series = Series(
        name=(row + 1, col + 2),
        y=Area(first, col + 2, last, col + 2),
        categories=Area(first, col, last, col),  # the layer names are text
        colour=theme.CURVE_COLOUR,
        point_colours=theme.LAYER_COLOURS,
        label="value",
        label_position="outEnd",
        label_size=900,
        label_format=theme.MONEY_FORMAT,
    )
    return Chart(
        kind="bar",
        anchor=PYRAMID_CHART_ANCHOR,
        title=_t(run, "sum.pyramid"),
        x_axis=Axis("", reversed=True, text_size=900),  # Top 1% at the top
        y_axis=Axis(
            _t(run, "sum.pyramid_axis"),
            minimum=0,
            number_format=theme.MONEY_FORMAT,
            crosses="max",  # the value axis stays below the reversed categories
            text_size=900,
        ),
        series=(series,),
        width=PORTFOLIO_CHART_SIZE[0],
        height=PORTFOLIO_CHART_SIZE[1],
        title_size=1200,
        legend=None,
        gap_width=40,
    )


# (anchor, rows, columns) of every block the Matrix sheet holds, whatever the run
BLOCK_SIZES: tuple[tuple[tuple[int, int], int, int], ...] = (
    (SUMMARY_AT, SUMMARY_ROWS, 4),
    (TOP_AT, LABEL_COUNT + 2, TOP_WIDTH),
    (LABELS_AT, LABEL_COUNT + 1, 3),
    (LEADERS_AT, 2 * LABEL_COUNT + 1, 3),
    (LIMITS_AT, 5, 3),
    (PORTFOLIO_TITLE_AT, 1, 1),
    (PORTFOLIO_LINES_AT, 3, 2),
    (PYRAMID_AT, 7, 4),
    (RETENTION_AT, RETENTION_YEARS + 2, 7),
    (PARETO_AT, CURVE_POINTS + 1, 2),
    (PARETO_GUIDE_AT, 4, 3),
    (WHALE_AT, CURVE_POINTS + 1, 2),
    (WHALE_GUIDE_AT, 3, 3),
)


def matrix_clear() -> SheetPlan:
    """The Matrix sheet with every result block left empty (the charts then show nothing)."""
    blocks = tuple(Block(r, c, [[None] * w for _ in range(h)]) for (r, c), h, w in BLOCK_SIZES)
    empty = tuple(Column([None] * (CHART_CAPACITY + 1)) for _ in range(5))
    no_colours = replace(top_fills_area(), colours={})
    return SheetPlan(
        name=MATRIX,
        code_name=SHEETS[MATRIX],
        blocks=blocks,
        long_blocks=(ColumnBlock(*CHART_DATA_AT, empty, owns_below=True),),
        value_fills=(no_colours,),  # the top table's segment colours go too
        optional=True,
    )
