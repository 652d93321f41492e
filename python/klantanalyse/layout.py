"""Where results go in the workbook, as plain 2-D blocks.

Every writer (the file writer, the Excel front, the workbook builder) places these blocks
at these anchors and adds nothing of its own, so all fronts show the same thing.
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass

import numpy as np
import pandas as pd

from .core import labels
from .core.a1 import column_letter  # noqa: F401 (the fronts' A1 helper)
from .core.analysis import Analysis
from .core.settings import SEGMENTS, Settings
from .core.similarity import AffinityView

Rows = list[list[object]]

# sheet name -> codeName (the VBA document module of that sheet)
SHEETS: dict[str, str] = {
    "Start": "shStart",
    "Klanten": "shKlanten",
    "Orders": "shOrders",
    "Prospects": "shProspects",
    "Matrix": "shMatrix",
    "Verwantschap": "shVerwantschap",
    "Instellingen": "shInstellingen",
    "xlwings.conf": "shConf",
}
START, CUSTOMERS, ORDERS, PROSPECTS, MATRIX, AFFINITY, SETTINGS, CONF = SHEETS
CUSTOMER_TABLE = "tblKlanten"

# Matrix sheet anchors (row, column), 1-based
MATRIX_TITLE = (1, 1)
MATRIX_PRINT_AREA = "A1:P28"
CHART_ANCHOR = "B3"
SUMMARY_AT = (3, 12)  # L3
CHART_DATA_AT = (1, 20)  # T1
LABELS_AT = (1, 26)  # Z1
LIMITS_AT = (1, 30)  # AD1
LABEL_COUNT = 20
CHART_CAPACITY = 5000
STATUS_AT = (20, 2)  # Start!B20

RESULT_HEADER_FILL = "1F3864"
RESULT_HEADER_FONT = "FFFFFF"


@dataclass(frozen=True)
class Block:
    """Rows to place with their top-left cell at (row, column), 1-based."""

    row: int
    column: int
    rows: Rows

    @property
    def height(self) -> int:
        return len(self.rows)

    @property
    def width(self) -> int:
        return max((len(r) for r in self.rows), default=0)


def marker_colour(fill: str) -> str:
    """A stronger shade of a (pale) cell colour, for chart markers: '#C6EFCE' -> '2E9E4A'."""
    import colorsys

    r, g, b = (int(fill.lstrip("#")[i : i + 2], 16) / 255 for i in (0, 2, 4))
    h, lightness, sat = colorsys.rgb_to_hls(r, g, b)
    r, g, b = colorsys.hls_to_rgb(h, min(lightness, 0.45), max(sat, 0.65))
    return "".join(f"{round(v * 255):02X}" for v in (r, g, b))


def _clean(value: object) -> object:
    """Plain Python values for writers: NaN/NA -> None, numpy scalars -> Python."""
    if value is None:
        return None
    if isinstance(value, float) and value != value:
        return None
    if isinstance(value, np.generic):
        value = value.item()
        if isinstance(value, float) and value != value:
            return None
        return value
    if value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, pd.Timestamp):
        return value.to_pydatetime()
    return value


def result_headers(analysis: Analysis) -> list[str]:
    return [labels.header(k, analysis.settings.lang) for k in analysis.result_keys]


def result_rows(analysis: Analysis) -> Rows:
    """One row of result values per customer row (no header), in input order."""
    frame = analysis.results[list(analysis.result_keys)]
    lang = analysis.settings.lang
    columns = [
        [_clean(v) for v in labels.result_words(k, frame[k].tolist(), lang)]
        for k in analysis.result_keys
    ]
    return [list(row) for row in zip(*columns)]


def is_result_header(name: object) -> bool:
    """True for a header we write as a result column (in either language)."""
    from .core.columns import normalise

    return normalise(name) in _result_words()


@functools.cache
def _result_words() -> frozenset[str]:
    """Every result header, normalised (computed once: labels are complete on import)."""
    from .core.columns import normalise

    return frozenset(normalise(word) for k in labels.ALL_RESULT_KEYS for word in labels.HEADERS[k])


def summary_block(analysis: Analysis) -> Block:
    lang = analysis.settings.lang
    s = analysis.summary
    t = lambda key, **kw: labels.text(key, lang, **kw)  # noqa: E731
    rows: Rows = [
        [t("sum.title"), None, None, None],
        [t("sum.segment"), t("sum.customers"), t("sum.revenue"), t("sum.share")],
    ]
    for line in s.segments:
        rows.append([line.segment, line.customers, line.revenue, line.share])
    rows.append([t("sum.total"), s.customers, s.total_revenue, 1.0 if s.total_revenue else 0.0])
    rows.append([None, None, None, None])
    pareto = (
        t("sum.pareto", share=labels.percent(s.pareto_share, lang))
        if s.pareto_share is not None
        else "-"
    )
    rows.append([t("sum.pareto_label"), pareto, None, None])
    rows.append([t("sum.invalid"), s.problems, None, None])
    return Block(*SUMMARY_AT, rows)


def _valid(analysis: Analysis) -> pd.DataFrame:
    r = analysis.results
    return r[r["segment"].notna() & (r["value"] > 0)]


_JITTER = tuple(round(0.07 * i, 2) for i in range(9))  # 0 .. 0.56 right of the score


def chart_points(analysis: Analysis) -> pd.DataFrame:
    """Valid customers with value > 0 and a jittered x, ordered for stable output."""
    valid = _valid(analysis)
    frame = pd.DataFrame(
        {
            "customer": valid["customer"],
            "score": valid["score"].astype(int),
            "value": valid["value"].astype(float),
            "segment": valid["segment"],
        }
    )
    frame = frame.sort_values(["score", "value", "customer"], ascending=[True, False, True])
    rank = frame.groupby("score").cumcount().to_numpy()
    frame["x"] = frame["score"].to_numpy() + np.array(_JITTER)[rank % len(_JITTER)]
    return frame


def chart_block(analysis: Analysis, capacity: int | None = None) -> Block:
    """Klant | Score | Segment A | Segment B | Segment C, padded to `capacity` rows."""
    lang = analysis.settings.lang
    header = [labels.header("customer", lang), labels.header("score", lang)] + [
        labels.text("chart.series", lang, segment=s) for s in SEGMENTS
    ]
    points = chart_points(analysis)
    rows: Rows = [header]
    for name, x, value, seg in zip(
        points["customer"], points["x"], points["value"], points["segment"]
    ):
        ys = [value if seg == s else None for s in SEGMENTS]
        rows.append([name, round(float(x), 2), *ys])
    if capacity is not None:
        rows.extend([[None] * 5 for _ in range(max(0, capacity + 1 - len(rows)))])
    return Block(*CHART_DATA_AT, rows)


def label_block(analysis: Analysis) -> Block:
    """The LABEL_COUNT largest customers: name, jittered x, value (blank-padded)."""
    lang = analysis.settings.lang
    points = chart_points(analysis)
    top = points.sort_values(["value", "customer"], ascending=[False, True]).head(LABEL_COUNT)
    rows: Rows = [[labels.header("customer", lang), labels.header("score", lang), "Y"]]
    for name, x, value in zip(top["customer"], top["x"], top["value"]):
        rows.append([name, round(float(x), 2), float(value)])
    rows.extend([[None, None, None] for _ in range(LABEL_COUNT + 1 - len(rows))])
    return Block(*LABELS_AT, rows)


def limits(analysis: Analysis) -> dict[str, float | None]:
    """The revenue-class limits in money (computed once by the core)."""
    return {"high": analysis.limits.high, "mid": analysis.limits.mid}


def limit_block(analysis: Analysis) -> Block:
    lang = analysis.settings.lang
    rows: Rows = [[labels.text("chart.limit_high", lang), "X", "Y"]]
    for key, text_key in (("high", "chart.limit_high"), ("mid", "chart.limit_mid")):
        y = limits(analysis)[key]
        rows.append([labels.text(text_key, lang), 0 if y else None, y])
        rows.append([None, 4 if y else None, y])
    rows[0][0] = None
    return Block(*LIMITS_AT, rows)


def status_block(analysis: Analysis | None, when: dt.datetime | None, lang: str) -> Block:
    """'Laatste analyse' on Start: time, customers, messages, warnings."""
    t = lambda key: labels.text(key, lang)  # noqa: E731
    if analysis is None:
        values = [None, None, None, None, None]
    else:
        warnings = "; ".join(analysis.warnings) if analysis.warnings else "-"
        values = [
            when.replace(microsecond=0) if when else None,
            analysis.summary.customers,
            analysis.summary.problems,
            warnings,
            None,  # the Peildatum: see plan.start
        ]
    rows: Rows = [[t("status.title"), None]]
    keys = ("status.time", "status.customers", "status.problems", "status.warnings")
    for key, value in zip((*keys, "status.reference"), values):
        rows.append([t(key), value])
    return Block(*STATUS_AT, rows)


def settings_rows(analysis_or_settings) -> Rows:
    """Header + (label, value, explanation) rows for the Instellingen sheet."""
    settings = getattr(analysis_or_settings, "settings", analysis_or_settings)
    lang = settings.lang
    rows: Rows = [
        [
            labels.text("settings.header.setting", lang),
            labels.text("settings.header.value", lang),
            labels.text("settings.header.help", lang),
        ]
    ]
    rows.extend([list(r) for r in settings.to_rows()])
    return rows


# ---- Verwantschap and Prospects sheets ---------------------------------------------------

PROSPECT_TABLE = "tblProspects"
PROSPECTS_AT = (1, 1)  # header row 1, inputs left, then Gelijkenis and its reasons
PROSPECT_RESULT_KEYS = ("similarity", "similarity_reasons")
# one profile line on the Verwantschap sheet, from column A
AFFINITY_LINE_KEYS = (
    "aff_text",
    "aff_characteristic",
    "aff_value",
    "aff_group_count",
    "aff_customers",
    "aff_lift",
)
AFFINITY_GROUPS = ("A", "C")


@dataclass(frozen=True)
class Part:
    """A block with its role, so every writer styles the Verwantschap sheet alike.

    Roles: 'title', 'text' (one sentence per row), 'subtitle', 'group' (heading of the A or
    C lines, `segment` set), 'header' (column headers), 'lines' (one row per profile line).
    """

    role: str
    block: Block
    segment: str | None = None


def _sentence(text: str) -> str:
    """A warning as a sentence on a sheet: capital first, full stop last."""
    text = text.strip()
    if not text:
        return text
    text = text[0].upper() + text[1:]
    return text if text.endswith((".", "!", "?")) else text + "."


def affinity_parts(view: AffinityView, settings: Settings) -> list[Part]:
    """The Verwantschap sheet from A1: title, the A lines, the C lines, notes.

    Each group lists what it has more often than average first (strongest first), then
    what it has less often, exactly in the order of `Profile.table`.
    """
    lang = settings.lang
    t = lambda key, **kw: labels.text(key, lang, **kw)  # noqa: E731
    parts: list[Part] = []
    row = 1

    def add(role: str, rows: Rows, segment: str | None = None, gap: int = 0) -> None:
        nonlocal row
        row += gap
        parts.append(Part(role, Block(row, 1, rows), segment))
        row += len(rows)

    add("title", [[t("aff.sheet.title")]])
    profile = view.profile
    notes: list[str] = []
    if profile is None:
        add("text", [[t("aff.sheet.problem", reason=view.problem or "-")]])
    else:
        add("text", [[t("aff.sheet.intro", total=profile.customers)], [t("aff.sheet.order")]])
        header = [labels.header(k, lang) for k in AFFINITY_LINE_KEYS]
        table = profile.table
        sizes = {"A": profile.a_customers, "C": profile.c_customers}
        for segment in AFFINITY_GROUPS:
            heading = t(f"aff.sheet.group.{segment}", count=sizes[segment], total=profile.customers)
            add("group", [[heading]], segment, gap=1)
            lines = table[table["aff_group"] == segment]
            if lines.empty:
                add("text", [[t("aff.sheet.no_c")]])
                continue
            add("header", [header])
            frame = lines[list(AFFINITY_LINE_KEYS)].copy()
            frame["aff_lift"] = frame["aff_lift"].astype(float).round(2)
            columns = [[_clean(v) for v in frame[k].tolist()] for k in AFFINITY_LINE_KEYS]
            add("lines", [list(r) for r in zip(*columns)])
        notes.append(t("aff.sheet.score"))
        notes.append(
            t(
                "aff.sheet.where",
                column=labels.header("similarity", lang),
                flag=labels.number(settings.affinity_flag, lang, 1),
                flag_column=labels.header("untapped", lang),
            )
        )
        if view.prospect_scores is not None and view.prospect_count:
            notes.append(t("aff.sheet.prospects", count=view.prospect_count))
        hidden = profile.hidden_note()
        if hidden:
            notes.append(hidden)
    notes += [_sentence(n) for n in view.notes]
    if notes:
        add("subtitle", [[t("aff.sheet.notes")]], gap=1)
        add("text", [[n] for n in notes])
    return parts


def prospect_block(frame: pd.DataFrame, view: AffinityView | None, lang: str) -> Block:
    """Header + one row per prospect, in the given order: the inputs as given, then
    Gelijkenis (0-100, blank when nothing counts) and its reasons."""
    header = [str(c) for c in frame.columns] + [
        labels.header(k, lang) for k in PROSPECT_RESULT_KEYS
    ]
    scores = view.prospect_scores if view is not None else None
    if scores is not None:
        results = scores.results.reindex(frame.index)
        values = [_clean(v) for v in results["similarity"].tolist()]
        reasons = [_clean(v) for v in results["similarity_reasons"].tolist()]
    else:
        problem = view.prospect_problem if view is not None else None
        reason = labels.text("aff.prospect.not_scored", lang, reason=problem) if problem else None
        values = [None] * len(frame)
        reasons = [reason] * len(frame)
    columns = [[_clean(v) for v in frame.iloc[:, i].tolist()] for i in range(frame.shape[1])]
    columns += [values, reasons]
    rows: Rows = [header]
    rows.extend(list(r) for r in zip(*columns))
    return Block(*PROSPECTS_AT, rows)


# ---- portfolio on the Matrix sheet and result formats (order history, profitability) ------
#
# Below the grid chart (rows 30 on) a second printed page: the Pareto curve and the customer
# pyramid side by side, under them the whale curve with, to its right, the 80/20 lines, the
# pyramid table and the retention table. The curves' data are fixed-size blocks from column
# AH on (CURVE_POINTS points each), so a pre-built chart can reference fixed ranges; every
# block keeps its size whatever the data, blank cells where there is nothing to show.

PORTFOLIO_TITLE_AT = (30, 1)  # A30
PORTFOLIO_PRINT_AREA = "A30:P82"
PARETO_CHART_ANCHOR = "B32"
PYRAMID_CHART_ANCHOR = "I32"
WHALE_CHART_ANCHOR = "B57"
PORTFOLIO_CHART_SIZE = (17.5, 12.5)  # width, height in cm: two fit side by side in B:P
PORTFOLIO_LINES_AT = (58, 9)  # I58: 80/20, whale peak, revenue change
PYRAMID_AT = (62, 9)  # I62: title, header, 5 layers
RETENTION_AT = (70, 9)  # I70: title, header, RETENTION_YEARS years
PARETO_AT = (1, 34)  # AH1: share of customers | cumulative revenue share
PARETO_GUIDE_AT = (1, 37)  # AK1: the 80% guide line, 3 points
WHALE_AT = (1, 41)  # AO1: share of customers | cumulative net contribution share
WHALE_GUIDE_AT = (1, 44)  # AR1: the 100% line, 2 points
CURVE_POINTS = 101  # x = 0%, 1%, ..., 100%
RETENTION_YEARS = 10  # the most recent years; fewer are blank-padded
from .core.pareto import PARETO_LIMIT  # noqa: E402

# Number formats of result columns on Klanten (codes as stored in the file; Excel shows
# them in the user's locale, e.g. dd-mm-jjjj in Dutch). Counts and ranks need none.
MONEY_FORMAT = "#,##0"
PERCENT_FORMAT = "0%"
CHANGE_FORMAT = "+0%;-0%;0%"
DATE_FORMAT = "dd-mm-yyyy"
RESULT_FORMATS: dict[str, str] = {
    "avg_order": MONEY_FORMAT,
    "avg_order_recent": MONEY_FORMAT,
    "first_order": DATE_FORMAT,
    "last_order": DATE_FORMAT,
    "revenue_recent": MONEY_FORMAT,
    "revenue_previous": MONEY_FORMAT,
    "gross_margin": MONEY_FORMAT,
    "cost_to_serve": MONEY_FORMAT,
    "contribution": MONEY_FORMAT,
    "change": CHANGE_FORMAT,
    "projection": MONEY_FORMAT,
}
# Column widths (characters) of result columns that need more than their header.
RESULT_WIDTHS: dict[str, float] = {
    "signal": 11,
    "customer_type": 12,
    "action": 14,
    "signal_reason": 36,
    "type_reason": 36,
    "action_reason": 36,
    "first_order": 12,
    "last_order": 12,
}
# A subtle fill for the value words of Signaal, Klanttype and Actie (value key -> colour),
# as conditional formats on the column so the colour follows the text.
VALUE_FILLS: dict[str, dict[str, str]] = {
    "signal": {
        "potential": "DDEBF7",  # light blue: room to grow
        "attention": "FCE4D6",  # light orange: act now
        "dormant": "EDEDED",  # light grey
        "new": "E2EFDA",  # light green
    },
    "customer_type": {"thriving": "E2EFDA", "interesting": "DDEBF7", "tiring": "FCE4D6"},
    "action": {"develop": "E2EFDA", "reconsider": "FCE4D6"},
}


def value_fills(key: str, lang: str) -> dict[str, str]:
    """Cell text -> fill colour for the result column `key` (empty for other columns)."""
    return {labels.result_word(key, k, lang): c for k, c in VALUE_FILLS.get(key, {}).items()}


def has_portfolio(analysis: Analysis | None) -> bool:
    """True when the run had orders: only then do the file writers add the portfolio page
    and the number formats of RESULT_FORMATS (each formatted cell costs write time)."""
    return (
        analysis is not None
        and analysis.portfolio is not None
        and analysis.portfolio.history is not None
    )


def curve_points(shares: np.ndarray, values: np.ndarray, points: int = CURVE_POINTS) -> np.ndarray:
    """A cumulative curve at x = 0, 1/(points-1), ..., 1 (linear between customers).

    `shares` are the customers' cumulative shares (k/n), `values` the curve at each; the
    curve starts at (0, 0).
    """
    xs = np.linspace(0.0, 1.0, points)
    if len(shares) == 0:
        return np.full(points, np.nan)
    return np.interp(xs, np.r_[0.0, shares], np.r_[0.0, values])


def _curve_block(at: tuple[int, int], header: list[str], ys: np.ndarray | None) -> Block:
    rows: Rows = [header]
    xs = np.linspace(0.0, 1.0, CURVE_POINTS)
    for i in range(CURVE_POINTS):
        y = None if ys is None or np.isnan(ys[i]) else round(float(ys[i]), 6)
        rows.append([round(float(xs[i]), 2) if y is not None else None, y])
    return Block(*at, rows)


def pareto_block(analysis: Analysis) -> Block:
    """Aandeel klanten | Aandeel omzet (cumulatief): CURVE_POINTS rows, customers by revenue."""
    lang = analysis.settings.lang
    pareto = analysis.portfolio.pareto if analysis.portfolio is not None else None
    ys = None
    if pareto is not None and len(pareto):
        ys = curve_points(pareto["customer_share"].to_numpy(), pareto["revenue_share"].to_numpy())
    header = [labels.text("sum.pareto_x", lang), labels.text("sum.pareto_y", lang)]
    return _curve_block(PARETO_AT, header, ys)


def pareto_reach(analysis: Analysis) -> float | None:
    """The 80/20 share of the run (the core's one definition)."""
    return analysis.summary.pareto_share if analysis.summary is not None else None


def pareto_guide_block(analysis: Analysis) -> Block:
    """The 80% guide: from (0, 80%) along to the curve, then down to the x axis. The series
    name (in the first column of the first point) is what the legend shows."""
    lang = analysis.settings.lang
    t = lambda key: labels.text(key, lang)  # noqa: E731
    reach = pareto_reach(analysis)
    rows: Rows = [[None, t("sum.pareto_x"), t("sum.pareto_y")]]
    if reach is None:
        rows += [[None, None, None] for _ in range(3)]
    else:
        x = round(reach, 6)
        rows += [
            [t("sum.pareto_line"), 0.0, PARETO_LIMIT],
            [None, x, PARETO_LIMIT],
            [None, x, 0.0],
        ]
    return Block(*PARETO_GUIDE_AT, rows)


def whale_block(analysis: Analysis) -> Block:
    """Aandeel klanten | Nettobijdrage cumulatief: customers from most to least profitable."""
    lang = analysis.settings.lang
    whale = analysis.portfolio.whale if analysis.portfolio is not None else None
    ys = None
    if whale is not None and len(whale) and whale["cumulative_share"].notna().all():
        ys = curve_points(whale["customer_share"].to_numpy(), whale["cumulative_share"].to_numpy())
    header = [labels.text("sum.whale_x", lang), labels.text("sum.whale_y", lang)]
    return _curve_block(WHALE_AT, header, ys)


def whale_guide_block(analysis: Analysis) -> Block:
    """The 100% line of the whale curve (the total net contribution)."""
    lang = analysis.settings.lang
    t = lambda key: labels.text(key, lang)  # noqa: E731
    rows: Rows = [
        [None, t("sum.whale_x"), t("sum.whale_y")],
        [t("sum.whale_line"), 0.0, 1.0],
        [None, 1.0, 1.0],
    ]
    return Block(*WHALE_GUIDE_AT, rows)


def pyramid_block(analysis: Analysis) -> Block:
    """Title, Laag | Klanten | Omzet | Aandeel omzet, then the five layers."""
    lang = analysis.settings.lang
    t = lambda key: labels.text(key, lang)  # noqa: E731
    rows: Rows = [
        [t("sum.pyramid"), None, None, None],
        [t("sum.layer"), t("sum.customers"), t("sum.revenue"), t("sum.share")],
    ]
    table = analysis.portfolio.pyramid if analysis.portfolio is not None else None
    if table is None:
        rows += [[None] * 4 for _ in range(5)]
    else:
        for name, n, revenue, share in zip(
            table["name"], table["customers"], table["revenue"], table["revenue_share"]
        ):
            rows.append([name, int(n), round(float(revenue), 2), _clean(float(share))])
    return Block(*PYRAMID_AT, rows)


def retention_block(analysis: Analysis) -> Block:
    """Title, Jaar | Actieve klanten | Behouden | Behoud % | Nieuw | Verloren | (note),
    then the last RETENTION_YEARS years, blank-padded."""
    lang = analysis.settings.lang
    t = lambda key: labels.text(key, lang)  # noqa: E731
    rows: Rows = [
        [t("sum.retention")] + [None] * 6,
        [
            t("sum.year"),
            t("sum.active"),
            t("sum.retained"),
            t("sum.retention_rate"),
            t("sum.new"),
            t("sum.lost"),
            None,
        ],
    ]
    table = analysis.portfolio.retention if analysis.portfolio is not None else None
    if table is not None:
        for row in table.tail(RETENTION_YEARS).itertuples(index=False):
            rows.append(
                [
                    int(row.year),
                    int(row.active),
                    _count(row.retained),
                    _clean(row.retention),
                    _count(row.new),
                    _count(row.lost),
                    _retention_note(row, lang),
                ]
            )
    rows += [[None] * 7 for _ in range(RETENTION_YEARS + 2 - len(rows))]
    return Block(*RETENTION_AT, rows)


def _retention_note(row, lang: str) -> str | None:
    notes = []
    if getattr(row, "since", None) is not None and not pd.isna(row.since):
        notes.append(
            labels.text("sum.partial_since", lang, date=labels.short_date(row.since, lang))
        )
    if row.partial:
        notes.append(labels.text("sum.partial", lang))
    return "; ".join(notes) or None


def _count(value: object) -> int | None:
    """A whole count, None for a missing one (NaN)."""
    value = _clean(value)
    return None if value is None else int(value)


def portfolio_lines(analysis: Analysis) -> Block:
    """Three label | (blank) | text lines: the 80/20 check, the whale curve's peak, revenue
    change (the blank cell leaves room for the label)."""
    lang = analysis.settings.lang
    t = lambda key, **kw: labels.text(key, lang, **kw)  # noqa: E731
    view = analysis.portfolio
    reach = pareto_reach(analysis)
    pareto = t("sum.pareto", share=labels.percent(reach, lang)) if reach is not None else "-"
    peak = "-"
    if view is not None and view.whale_peak is not None:
        share, top = view.whale_peak
        peak = t("sum.whale_peak", share=share, peak=top)
    change = "-"
    history = view.history if view is not None else None
    if history is not None:
        recent, previous = history.revenue_recent, history.revenue_previous
        ratio = labels.percent(recent / previous - 1, lang, signed=True) if previous > 0 else "-"
        change = t(
            "sum.revenue_change",
            recent=labels.money(recent, lang),
            previous=labels.money(previous, lang),
            change=ratio,
        )
    rows: Rows = [
        [t("sum.pareto_label"), None, pareto],
        [t("sum.whale_label"), None, peak],
        [t("sum.change_label"), None, change],
    ]
    return Block(*PORTFOLIO_LINES_AT, rows)


def blank(block: Block) -> Block:
    """The same cells left empty: written over a block, it clears an earlier run's values."""
    return Block(block.row, block.column, [[None] * block.width for _ in range(block.height)])


def portfolio_blocks(analysis: Analysis) -> list[Block]:
    """Every portfolio block of the Matrix sheet, fixed sizes, in placing order (title,
    lines, pyramid, retention, Pareto curve and guide, whale curve and 100% line). A front
    that keeps the charts of an earlier run writes `blank(b)` for each when there are no
    orders (see `has_portfolio`)."""
    lang = analysis.settings.lang
    title = Block(*PORTFOLIO_TITLE_AT, [[labels.text("sum.portfolio_title", lang)]])
    return [
        title,
        portfolio_lines(analysis),
        pyramid_block(analysis),
        retention_block(analysis),
        pareto_block(analysis),
        pareto_guide_block(analysis),
        whale_block(analysis),
        whale_guide_block(analysis),
    ]
