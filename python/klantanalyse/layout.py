"""Where results go in the workbook, as plain 2-D blocks.

Every writer (the file writer, the Excel front, the workbook builder) places these blocks
at these anchors and adds nothing of its own, so all fronts show the same thing.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np
import pandas as pd

from .core import labels
from .core.affinity import Profile, Scores
from .core.analysis import Analysis
from .core.settings import SEGMENTS, Settings

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


def column_letter(column: int) -> str:
    """1 -> A, 27 -> AA."""
    letters = ""
    while column:
        column, rem = divmod(column - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def cell_name(row: int, column: int) -> str:
    return f"{column_letter(column)}{row}"


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
    columns = [[_clean(v) for v in frame[k].tolist()] for k in analysis.result_keys]
    return [list(row) for row in zip(*columns)]


def is_result_header(name: object) -> bool:
    """True for a header we write as a result column (in either language)."""
    from .core.columns import normalise

    key = normalise(name)
    return any(key == normalise(word) for k in labels.ALL_RESULT_KEYS for word in labels.HEADERS[k])


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
    """The revenue-class limits in money: the smallest value of a High / Medium customer."""
    settings = analysis.settings
    if settings.revenue_method == "amount":
        return {"high": settings.amount_high, "mid": settings.amount_mid}
    valid = _valid(analysis)
    out: dict[str, float | None] = {}
    for key in ("high", "mid"):
        word = labels.revenue_class(key, settings.lang)
        values = valid.loc[valid["revenue_class"] == word, "value"]
        out[key] = float(values.min()) if len(values) else None
    return out


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
        values = [None, None, None, None]
    else:
        warnings = "; ".join(analysis.warnings) if analysis.warnings else "-"
        values = [
            when.replace(microsecond=0) if when else None,
            analysis.summary.customers,
            analysis.summary.problems,
            warnings,
        ]
    rows: Rows = [[t("status.title"), None]]
    for key, value in zip(
        ("status.time", "status.customers", "status.problems", "status.warnings"), values
    ):
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
class AffinityView:
    """Verwantschap of one run as the fronts show it.

    `profile` is None when it could not be built (`problem` says why). `prospect_scores` is
    None without prospects or when they could not be scored (`prospect_problem` says why).
    `notes` are the warnings of the profile and the prospects, shown on the sheet too.
    """

    profile: Profile | None = None
    problem: str | None = None
    prospect_scores: Scores | None = None
    prospect_problem: str | None = None
    prospect_count: int = 0
    notes: tuple[str, ...] = ()

    @property
    def has_sheet(self) -> bool:
        """A Verwantschap sheet is written when there is a profile or prospects to explain."""
        return self.profile is not None or self.prospect_count > 0


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
