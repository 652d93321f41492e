"""The Verwantschap sheet (what the A and C customers share) and the Prospects sheet."""

from __future__ import annotations

from ..core import labels
from ..core.similarity import AffinityView
from ..core.tables import SheetTable
from ..run import Run
from . import theme
from .customers import header_block
from .headers import table_column_names
from .model import (
    Area,
    Block,
    ColourScale,
    Column,
    ColumnBlock,
    Page,
    Rows,
    SheetPlan,
    Style,
    Styled,
    Table,
)
from .names import AFFINITY, PROSPECT_TABLE, PROSPECTS, SHEETS
from .placement import place_results, runs
from .target import Target
from .values import clean_list, column_width, wrapped_height

PROSPECT_RESULT_KEYS = ("similarity", "similarity_reasons")
AFFINITY_LINE_KEYS = (
    "aff_text",
    "aff_characteristic",
    "aff_value",
    "aff_group_count",
    "aff_customers",
    "aff_lift",
)
AFFINITY_GROUPS = ("A", "C")
AFFINITY_WIDTHS = (70, 19, 22, 10, 12, 12)  # text, Kenmerk, Waarde, counts, lift
SCORE_WIDTH = 12
REASON_WIDTH = 60


def _sentence(text: str) -> str:
    """A warning as a sentence on a sheet: capital first, full stop last."""
    text = text.strip()
    if not text:
        return text
    text = text[0].upper() + text[1:]
    return text if text.endswith((".", "!", "?")) else text + "."


class _Sheet:
    """Blocks placed one below the other from A1, with their row heights."""

    def __init__(self, run: Run):
        self.run = run
        self.row = 1
        self.blocks: list[Block] = []
        self.heights: dict[int, float] = {}
        self.span = len(AFFINITY_WIDTHS)

    def t(self, key: str, **values: object) -> str:
        return labels.text(key, self.run.lang, **values)

    def add(
        self,
        rows: Rows,
        styles: list[tuple[int, int, Style]] = (),
        gap: int = 0,
        wrapped: bool = False,
    ) -> None:
        """`rows` from column A; each style covers (first column, last column) of every row."""
        self.row += gap
        top, bottom = self.row, self.row + len(rows) - 1
        placed = tuple(Styled(Area(top, a, bottom, b), style, True) for a, b, style in styles)
        self.blocks.append(Block(top, 1, rows, placed))
        if wrapped:
            for r, values in enumerate(rows, start=top):
                height = wrapped_height(values, AFFINITY_WIDTHS)
                if height is not None:
                    self.heights[r] = height
        self.row = bottom + 1

    def text(self, lines: list[str], gap: int = 0) -> None:
        self.add([[line] for line in lines], [(1, 1, theme.WRAP)], gap, wrapped=True)


def affinity_sheet(run: Run, target: Target) -> SheetPlan:
    """Verwantschap from A1: title, the A lines, the C lines, notes.

    Each group lists what it has more often than average first (strongest first), then
    what it has less often, exactly in the order of `Profile.table`.
    """
    view = run.affinity
    sheet = _Sheet(run)
    t = sheet.t
    lang = run.lang
    sheet.add([[t("aff.sheet.title")]], [(1, 1, theme.TITLE)])
    profile = view.profile
    notes: list[str] = []
    if profile is None:
        sheet.text([t("aff.sheet.problem", reason=view.problem or "-")])
    else:
        sheet.text([t("aff.sheet.intro", total=profile.customers), t("aff.sheet.order")])
        header = [labels.header(k, lang) for k in AFFINITY_LINE_KEYS]
        table = profile.table
        sizes = {"A": profile.a_customers, "C": profile.c_customers}
        span = sheet.span
        for segment in AFFINITY_GROUPS:
            heading = t(f"aff.sheet.group.{segment}", count=sizes[segment], total=profile.customers)
            colour = theme.fill_of(run.settings.colours[segment])
            sheet.add(
                [[heading] + [None] * (span - 1)],
                [(1, 1, Style(bold=True, fill=colour)), (2, span, Style(fill=colour))],
                gap=1,
            )
            lines = table[table["aff_group"] == segment]
            if lines.empty:
                sheet.text([t("aff.sheet.no_c")])
                continue
            sheet.add(
                [header], [(1, span, theme.RESULT_HEADER.merged(theme.HEADER_WRAP))], wrapped=True
            )
            frame = lines[list(AFFINITY_LINE_KEYS)].copy()
            frame["aff_lift"] = frame["aff_lift"].astype(float).round(2)
            columns = [clean_list(frame[k].tolist()) for k in AFFINITY_LINE_KEYS]
            lift = Style(vertical="top", number_format=theme.LIFT_FORMAT)
            sheet.add(
                [list(r) for r in zip(*columns)],
                [(1, 1, theme.WRAP), (2, span - 1, theme.TOP), (span, span, lift)],
                wrapped=True,
            )
        notes.append(t("aff.sheet.score"))
        notes.append(
            t(
                "aff.sheet.where",
                column=labels.header("similarity", lang),
                flag=labels.number(run.settings.affinity_flag, lang, 1),
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
        sheet.add([[t("aff.sheet.notes")]], [(1, 1, theme.BOLD)], gap=1)
        sheet.text(notes)
    last = sheet.row - 1
    return SheetPlan(
        name=AFFINITY,
        code_name=SHEETS[AFFINITY],
        blocks=tuple(sheet.blocks),
        widths=dict(enumerate(AFFINITY_WIDTHS, start=1)),
        heights=sheet.heights,
        fit_rows=Area(1, 1, last, sheet.span),
        page=Page(),
        clear_columns=(1, sheet.span) if target.update else None,
    )


def has_affinity_sheet(view: AffinityView) -> bool:
    """A Verwantschap sheet is written when there is a profile or prospects to explain."""
    return view.profile is not None or view.prospect_count > 0


def prospect_results(run: Run, table: SheetTable) -> tuple[list[object], list[object]]:
    """(Gelijkenis, Gelijkenis: waarom) per prospect row, in the given order."""
    view = run.affinity
    frame = table.frame
    scores = view.prospect_scores
    if scores is not None:
        results = scores.results.reindex(frame.index)
        return clean_list(results["similarity"].tolist()), clean_list(
            results["similarity_reasons"].tolist()
        )
    problem = view.prospect_problem
    reason = labels.text("aff.prospect.not_scored", run.lang, reason=problem) if problem else None
    return [None] * len(frame), [reason] * len(frame)


def _similarity_scale(run: Run, area: Area) -> ColourScale:
    """0 in the C colour, 50 in the B colour, 100 in the A colour."""
    colours = run.settings.colours
    stops = ((0.0, "C"), (50.0, "B"), (100.0, "A"))
    return ColourScale(area, tuple((v, theme.fill_of(colours[s])) for v, s in stops))


def prospect_sheet(run: Run, target: Target) -> SheetPlan:
    """Prospects: the inputs as given, then Gelijkenis (colour scale) and its reasons."""
    table = run.tables.prospects
    if target.update:
        return _prospect_update(run, table, target)
    frame = table.frame
    result_headers = [labels.header(k, run.lang) for k in PROSPECT_RESULT_KEYS]
    headers = table_column_names([str(c) for c in frame.columns] + result_headers)
    n_in = frame.shape[1]
    widths = {
        pos: column_width(headers[pos - 1], frame.iloc[:, pos - 1]) for pos in range(1, n_in + 1)
    }
    widths[n_in + 1] = SCORE_WIDTH
    widths[n_in + 2] = REASON_WIDTH
    scores, reasons = prospect_results(run, table)
    heights = {}
    for row, reason in enumerate(reasons, start=2):
        height = wrapped_height([reason], (REASON_WIDTH,))
        if height is not None:
            heights[row] = height
    header = header_block(headers, n_in)
    columns = [Column(clean_list(frame.iloc[:, i].tolist()), theme.TOP) for i in range(n_in)]
    columns += [Column(scores, theme.TOP_CENTRE), Column(reasons, theme.WRAP)]
    last = max(len(frame), 1) + 1
    return SheetPlan(
        name=PROSPECTS,
        code_name=SHEETS[PROSPECTS],
        blocks=(header,),
        long_blocks=(ColumnBlock(2, 1, tuple(columns)),),
        widths=widths,
        heights=heights,
        freeze="B2",
        tables=(Table(PROSPECT_TABLE, Area(1, 1, last, len(headers)), tuple(headers)),),
        colour_scales=(_similarity_scale(run, Area(2, n_in + 1, last, n_in + 1)),),
        page=Page(),
    )


def _prospect_update(run: Run, table: SheetTable, target: Target) -> SheetPlan:
    """Gelijkenis and its reasons right of the user's prospect columns (never in them)."""
    values = target.values(PROSPECTS)
    headers = [labels.header(k, run.lang) for k in PROSPECT_RESULT_KEYS]
    index = list(table.frame.index)
    data_bottom = max(index, default=table.header_row)
    place = place_results(values, table.header_row, 2, data_bottom)
    top, bottom = place.header_row, max(place.bottom, place.header_row + 1)
    scores, reasons = prospect_results(run, table)
    columns = []
    for values_, style in ((scores, None), (reasons, Style(wrap=True))):
        padded: list[object] = [None] * (bottom - top)
        for row, value in zip(index, values_, strict=True):
            padded[row - top - 1] = value
        columns.append(Column(padded, style))
    area = Area(top + 1, place.column, bottom, place.column)
    return SheetPlan(
        name=PROSPECTS,
        code_name=SHEETS[PROSPECTS],
        blocks=(
            Block(
                top,
                place.column,
                [headers],
                (Styled(Area(top, place.column, top, place.last_column), theme.RESULT_HEADER),),
            ),
        ),
        long_blocks=(ColumnBlock(top + 1, place.column, tuple(columns)),),
        widths={place.column: SCORE_WIDTH, place.column + 1: REASON_WIDTH},
        fit_rows=Area(top + 1, place.column, bottom, place.last_column),
        tables=(
            Table(PROSPECT_TABLE, Area(top, 1, max(data_bottom, top + 1), place.last_column), ()),
        ),
        colour_scales=(_similarity_scale(run, area),),
        clear=tuple(Area(top, a, place.bottom, b) for a, b in runs(place.stale)),
    )
