"""The Start sheet (text and the status of the last run), Instellingen and xlwings.conf."""

from __future__ import annotations

import datetime as dt

from ..core import labels
from ..core.settings import SEGMENTS, Settings
from ..run import Run
from . import theme
from .model import Area, Block, Page, Rows, SheetPlan, Style, Styled, not_printed
from .names import CONF, SETTINGS, SHEETS, START, UDF_MODULE
from .target import Target
from .values import LINE_HEIGHT, MAX_ROW_HEIGHT

STATUS_AT = (20, 2)  # Start!B20
START_LINE = 95  # characters of Start text that fit on one line of column C (width 90)
SETTINGS_WIDTHS = {1: 40, 2: 34, 3: 80}
CONF_WIDTHS = {1: 22, 2: 50, 4: 110}  # D: notes (never read by xlwings)

# Start: text rows above the status block, the set-up steps below it.
STATUS_KEYS = (
    "status.time",
    "status.customers",
    "status.problems",
    "status.warnings",
    "status.reference",
    "status.columns",
)
# the set-up steps: two rows after the status block's title and its rows; the columns read
# (the last row) take the free row and are there only after a run
SETUP_ROW = STATUS_AT[0] + len(STATUS_KEYS) + 1
STATUS_PRINT = f"A1:C{SETUP_ROW - 2}"  # printed: the text above and the status, one page


def _pick(row: tuple[str, str, str, str], lang: str) -> list[object]:
    label, text = (row[1], row[3]) if lang == "en" else (row[0], row[2])
    return [None, label or None, text or None]


def start_rows(lang: str = "nl", xlwings_version: str | None = None) -> Rows:
    """Start!A1 onwards: title in A1, labels in column B, texts in column C; the rows of the
    status block (Start!B20) are left empty for it."""
    if xlwings_version is None:
        import xlwings

        xlwings_version = xlwings.__version__
    title = labels.START_TITLE[1 if lang == "en" else 0]
    rows: Rows = [[title]]
    rows += [_pick(row, lang) for row in labels.START_TOP]
    if len(rows) >= STATUS_AT[0]:
        raise ValueError("the Start text runs into the status block; shorten START_TOP")
    rows += [[] for _ in range(SETUP_ROW - 1 - len(rows))]
    for row in labels.START_SETUP:
        _, label, text = _pick(row, lang)
        rows.append([None, label, text.format(xlwings=xlwings_version) if text else None])
    return rows


def conf_rows(
    lang: str = "nl",
    udf_module: str = UDF_MODULE,
    keys: Rows | None = None,
    udf_server: bool = False,
) -> Rows:
    """xlwings.conf: key/value rows from A1 (by default only `UDF MODULES`), notes in column D.

    No interpreter key: xlwings' default (`python` on the PATH) then applies, and so does a
    user's own xlwings configuration, which any key on this sheet would override, even one
    with an empty value. `udf_server` adds `USE UDF SERVER` True (Windows: Python keeps
    running between clicks). `keys` replaces the default rows (a workbook's own, kept on
    rerun).
    """
    pairs = [["UDF MODULES", udf_module]] + ([["USE UDF SERVER", "True"]] if udf_server else [])
    if keys is not None:
        pairs = [list(row[:2]) for row in keys]
    notes = [note[1] if lang == "en" else note[0] for note in labels.CONF_NOTES]
    rows: Rows = []
    for i in range(max(len(pairs), len(notes))):
        key_value = pairs[i] if i < len(pairs) else [None, None]
        note = notes[i] if i < len(notes) else None
        rows.append([*key_value, None, note])
    return rows


def status_block(run: Run | None, when: dt.datetime | None, lang: str) -> Block:
    """'Laatste analyse' on Start: time, customers, messages, warnings, Peildatum, the
    columns read."""
    t = lambda key: labels.text(key, lang)  # noqa: E731
    if run is None:
        values: list[object] = [None] * len(STATUS_KEYS)
    else:
        summary = run.analysis.summary
        warnings = "; ".join(run.warnings) if run.warnings else "-"
        values = [
            when.replace(microsecond=0) if when else None,
            summary.customers,
            summary.problems,
            warnings,
            run.reference.shown(lang) if run.reference is not None else "-",
            " ".join(run.column_lines()) or "-",
        ]
    # without a run no columns were read: that row stays empty (and is emptied)
    shown = STATUS_KEYS if run is not None else STATUS_KEYS[:-1]
    rows: Rows = [[t("status.title"), None]]
    rows += [[t(key), value] for key, value in zip(shown, values)]
    rows += [[None, None]] * (len(STATUS_KEYS) - len(shown))
    r, c = STATUS_AT
    styles = [Styled(Area(r, c, r, c), theme.TITLE)]
    for i, value in enumerate(values[: len(shown)], start=r + 1):  # next to its label
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
                    heights[r] = min(LINE_HEIGHT * lines, MAX_ROW_HEIGHT)
    return SheetPlan(
        name=START,
        code_name=SHEETS[START],
        blocks=(Block(1, 1, text, tuple(styles)), status),
        widths={1: 3, 2: 28, 3: 90},
        heights=heights,
        page=Page(print_area=(STATUS_PRINT,), fit_height=1) if text else None,
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
        page=not_printed(),  # not part of the printed report
    )


def conf_sheet(rows: Rows) -> SheetPlan:
    """xlwings.conf: key/value rows from A1, notes in column D."""
    return SheetPlan(
        name=CONF,
        code_name=SHEETS[CONF],
        blocks=(Block(1, 1, rows),),
        widths=CONF_WIDTHS,
        page=not_printed(),
    )
