"""`klantanalyse workbook --lite`: build klantanalyse-lite.xlsx, byte for byte the same.

The same workbook as klantanalyse.xlsm (sheets, demo data or a client's data, analysed,
Instellingen, the Matrix chart over its fixed chart-data ranges), written by the one file
writer from the same plan, but without macros: no VBA project, no ribbon, no xlwings.conf.
Instead the package gets the xlwings Lite add-in's part with main.py and requirements.txt
(`lite_code`, `lite_package`), and the sheet buttons: one per script on Start (over the
label of that button, columns A:B) and the same three at the top of Klanten (row 1 is made
taller for them; the headers stay readable below). All buttons link to the cells on Start
that the scripts' `button=` references name, the cells hidden behind the Start buttons.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

from ..core import labels
from ..errors import FileError
from ..files.guard import same_file
from ..files.report import RunReport
from ..files.write import write_workbook
from ..lite.functions import Basis
from ..ooxml import package
from ..plan import BookPlan, SheetPlan, plan_book
from ..plan.matrix import CHART_CAPACITY
from ..plan.model import Rows
from ..plan.names import CUSTOMERS, START
from ..plan.start import SETUP_ROW, STATUS_AT
from ..plan.theme import FONT, RESULT_HEADER_FILL, RESULT_HEADER_FONT
from ..plan.values import LINE_HEIGHT
from . import lite_code, lite_package
from .build import demo_run, read_and_run, require_lxml, run_report
from .lite_code import SCRIPT_KEYS
from .lite_package import EMU_PER_PIXEL, EMU_PER_POINT, Anchor, Button

DEFAULT_OUTPUT = "klantanalyse-lite.xlsx"
SHAPE_NAMES = {"analyse": "knop_analyseer", "clear": "knop_wis", "demo": "knop_voorbeeld"}
KLANTEN_BUTTON_ROW_HEIGHT = 2.8 * LINE_HEIGHT  # room for the buttons above the headers
KLANTEN_BUTTON_HEIGHT = 1.3 * LINE_HEIGHT
KLANTEN_BUTTON_COLUMNS = 3  # each button spans three input columns
KLANTEN_BUTTON_TEXT = 1000  # hundredths of a point
START_BUTTON_ROW_HEIGHT = 1.6 * LINE_HEIGHT
DEFAULT_WIDTH = 8.43  # characters: Excel's width of a column the plan leaves as it is
INSET_PIXELS = 2


def _pick(row: tuple[str, str, str, str], lang: str) -> list[object]:
    label, text = (row[1], row[3]) if lang == "en" else (row[0], row[2])
    return [None, label or None, text or None]


def lite_start_rows(lang: str = "nl") -> Rows:
    """Start!A1 onwards for the Lite workbook: title, the text above the status block
    (Start!B20), the first-time steps below it."""
    rows: Rows = [[labels.START_TITLE[1 if lang == "en" else 0]]]
    rows += [_pick(row, lang) for row in labels.LITE_START_TOP]
    if len(rows) >= STATUS_AT[0]:
        raise ValueError("the Start text runs into the status block; shorten LITE_START_TOP")
    rows += [[] for _ in range(SETUP_ROW - 1 - len(rows))]
    rows += [_pick(row, lang) for row in labels.LITE_START_SETUP]
    return rows


def button_rows(rows: Rows) -> dict[str, int]:
    """The Start row (1-based) of each button: the row whose label is its caption."""
    found = {}
    for key in SCRIPT_KEYS:
        caption = labels.LITE_BUTTONS[key]
        found[key] = next(r for r, row in enumerate(rows, 1) if len(row) > 1 and row[1] == caption)
    return found


def _pixels(characters: float) -> int:
    return int(characters * 7 + 5)


def _button(key: str, link: str, anchor: Anchor, size: int = 1100) -> Button:
    return Button(
        SHAPE_NAMES[key],
        labels.LITE_BUTTONS[key],
        link,
        anchor,
        RESULT_HEADER_FILL,
        RESULT_HEADER_FONT,
        FONT,
        size,
    )


def start_buttons(plan: SheetPlan, rows: dict[str, int], links: dict[str, str]) -> list[Button]:
    """One button per script over columns A:B of its row on Start."""
    inset = INSET_PIXELS * EMU_PER_PIXEL
    width_b = _pixels(plan.widths.get(2, DEFAULT_WIDTH)) * EMU_PER_PIXEL
    buttons = []
    for key in SCRIPT_KEYS:
        row = rows[key] - 1
        height = plan.heights.get(rows[key], LINE_HEIGHT) * EMU_PER_POINT
        anchor = Anchor(0, inset, row, inset, 1, width_b - inset, row, int(height) - inset)
        buttons.append(_button(key, links[key], anchor))
    return buttons


def klanten_buttons(plan: SheetPlan, links: dict[str, str]) -> list[Button]:
    """The three buttons side by side at the top of row 1 of Klanten, three columns each
    from column B."""
    inset = INSET_PIXELS * EMU_PER_PIXEL
    bottom = int(KLANTEN_BUTTON_HEIGHT * EMU_PER_POINT)
    buttons = []
    for number, key in enumerate(SCRIPT_KEYS):
        first = 1 + KLANTEN_BUTTON_COLUMNS * number  # 0-based column: B, E, H
        last = first + KLANTEN_BUTTON_COLUMNS - 1
        last_width = _pixels(plan.widths.get(last + 1, DEFAULT_WIDTH)) * EMU_PER_PIXEL
        anchor = Anchor(first, inset, 0, inset, last, last_width - inset, 0, bottom)
        buttons.append(_button(key, links[key], anchor, KLANTEN_BUTTON_TEXT))
    return buttons


def _lite_plan(plan: BookPlan, rows: dict[str, int]) -> BookPlan:
    """The plan of the file with room for the buttons: a taller first row on Klanten, and
    button rows on Start at least `START_BUTTON_ROW_HEIGHT` high."""
    sheets = []
    for sheet in plan.sheets:
        heights = dict(sheet.heights)
        if sheet.name == CUSTOMERS:
            heights[1] = KLANTEN_BUTTON_ROW_HEIGHT
        elif sheet.name == START:
            for row in rows.values():
                heights[row] = max(heights.get(row, LINE_HEIGHT), START_BUTTON_ROW_HEIGHT)
        sheets.append(dataclasses.replace(sheet, heights=heights))
    return BookPlan(tuple(sheets))


def build(
    output: str | Path = DEFAULT_OUTPUT,
    data: str | Path | None = None,
    reference_date: dt.date | None = None,
) -> Path:
    """Write the Lite workbook to `output` (.xlsx); with `data`, pre-filled from that file
    instead of the demo data. Returns the path written."""
    return build_report(output, data, reference_date).output


def build_report(
    output: str | Path = DEFAULT_OUTPUT,
    data: str | Path | None = None,
    reference_date: dt.date | None = None,
    now: dt.datetime | None = None,
) -> RunReport:
    """`build`, with the report `klantanalyse analyse` gives (a pre-filled workbook has the
    time of the run on Start; the demo workbook has none, it is built byte for byte)."""
    output = Path(output)
    if output.suffix.lower() != ".xlsx":
        raise FileError(labels.text("workbook.lite_output_suffix", file=str(output)))
    if data is not None and same_file(output, Path(data)):
        raise FileError(labels.text("file.same_output", file=str(output)))
    require_lxml()
    book = None
    if data is not None:
        done, target, book = read_and_run(data, reference_date)
    else:
        done, target = demo_run(reference_date)
    lang = done.lang
    start_rows = lite_start_rows(lang)
    target = dataclasses.replace(
        target,
        start_rows=start_rows,
        conf_rows=None,
        chart_capacity=CHART_CAPACITY,
        run_time=None if data is None else (now or dt.datetime.now()),
        yes_no_lists=True,
    )
    rows = button_rows(start_rows)
    plan = _lite_plan(plan_book(done, target), rows)
    links = {key: f"{START}!A{row}" for key, row in rows.items()}
    references = {key: f"[{SHAPE_NAMES[key]}]{links[key]}" for key in SCRIPT_KEYS}
    main_py, requirements = lite_code.lite_code(Basis.of(done).to_json(), references, lang)
    files = {"main.py": main_py, "requirements.txt": requirements}
    buttons = {
        START: start_buttons(plan.sheet(START), rows, links),
        CUSTOMERS: klanten_buttons(plan.sheet(CUSTOMERS), links),
    }

    def finish(tmp: Path) -> None:
        lite = lite_package.add_lite_parts(tmp.read_bytes(), files, buttons)
        tmp.write_bytes(package.repack(lite))

    return run_report(write_workbook(output, plan, finish, lang), done, target, book)
