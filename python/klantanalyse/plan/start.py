"""The Start sheet (text and the status of the last run), Instellingen and xlwings.conf."""

from __future__ import annotations

import datetime as dt

from ..core import labels
from ..core.settings import SEGMENTS, Settings
from ..run import Run
from . import theme
from .model import Area, Block, Page, Rows, SheetPlan, Style, Styled
from .names import CONF, SETTINGS, SHEETS, START
from .target import Target

STATUS_AT = (20, 2)  # Start!B20
START_LINE = 95  # characters of Start text that fit on one line of column C (width 90)
SETTINGS_WIDTHS = {1: 40, 2: 34, 3: 80}
CONF_WIDTHS = {1: 22, 2: 50, 4: 110}  # D: notes (never read by xlwings)


def status_block(run: Run | None, when: dt.datetime | None, lang: str) -> Block:
    """'Laatste analyse' on Start: time, customers, messages, warnings."""
    t = lambda key: labels.text(key, lang)  # noqa: E731
    if run is None:
        values: list[object] = [None, None, None, None]
    else:
        summary = run.analysis.summary
        warnings = "; ".join(run.warnings) if run.warnings else "-"
        values = [
            when.replace(microsecond=0) if when else None,
            summary.customers,
            summary.problems,
            warnings,
        ]
    rows: Rows = [[t("status.title"), None]]
    for key, value in zip(
        ("status.time", "status.customers", "status.problems", "status.warnings"), values
    ):
        rows.append([t(key), value])
    r, c = STATUS_AT
    styles = [Styled(Area(r, c, r, c), theme.TITLE)]
    for i, value in enumerate(values, start=r + 1):  # next to its label
        fmt = theme.TIME_FORMAT if isinstance(value, dt.datetime) else None
        styles.append(Styled(Area(i, c + 1, i, c + 1), Style(horizontal="left", number_format=fmt)))
    return Block(r, c, rows, tuple(styles))


def start_sheet(run: Run | None, target: Target, lang: str) -> SheetPlan:
    """Start: the workbook's own text from A1 (new files), the status block at B20."""
    status = status_block(run, target.run_time, lang)
    if target.update:  # the text is already there: only the status
        return SheetPlan(name=START, code_name=SHEETS[START], blocks=(status,))
    text = target.start_rows or []
    styles = []
    heights = {}
    if text:
        styles.append(Styled(Area(1, 1, 1, 1), theme.TITLE))
        for r, row in enumerate(text[1:], start=2):  # labels bold, texts wrapped
            if len(row) > 1 and row[1] is not None:
                styles.append(Styled(Area(r, 2, r, 2), theme.BOLD.merged(theme.WRAP)))
            if len(row) > 2 and row[2] is not None:
                styles.append(Styled(Area(r, 3, r, 3), theme.WRAP))
                lines = -(-len(str(row[2])) // START_LINE)  # rows are not fitted on open
                if lines > 1:
                    heights[r] = 15 * lines
    return SheetPlan(
        name=START,
        code_name=SHEETS[START],
        blocks=(Block(1, 1, text, tuple(styles)), status),
        widths={1: 3, 2: 28, 3: 90},
        heights=heights,
        page=Page() if text else None,
    )


def settings_rows(settings: Settings) -> Rows:
    """Header + (label, value, explanation) rows for the Instellingen sheet."""
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


def settings_sheet(settings: Settings) -> SheetPlan:
    """Instellingen: every setting with its value and what it does; colours in colour."""
    rows = settings_rows(settings)
    colour_labels = {
        labels.setting_label(f"colour_{s.lower()}", settings.lang): s for s in SEGMENTS
    }
    styles = [Styled(Area(1, 1, 1, 3), theme.RESULT_HEADER)]
    for r, (label, value, _) in enumerate(rows[1:], start=2):
        styles.append(Styled(Area(r, 1, r, 1), theme.BOLD))
        if isinstance(value, dt.date):
            styles.append(Styled(Area(r, 2, r, 2), Style(number_format=theme.DATE_FORMAT)))
        if label in colour_labels:
            fill = theme.fill_of(settings.colours[colour_labels[label]])
            styles.append(Styled(Area(r, 2, r, 2), Style(fill=fill)))
    return SheetPlan(
        name=SETTINGS,
        code_name=SHEETS[SETTINGS],
        blocks=(Block(1, 1, rows, tuple(styles)),),
        widths=SETTINGS_WIDTHS,
        page=Page(),
    )


def conf_sheet(rows: Rows) -> SheetPlan:
    """xlwings.conf: key/value rows from A1, notes in column D."""
    return SheetPlan(
        name=CONF,
        code_name=SHEETS[CONF],
        blocks=(Block(1, 1, rows),),
        widths=CONF_WIDTHS,
        page=Page(),
    )
