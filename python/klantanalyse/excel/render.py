"""The workbook plan rendered on an open workbook through xlwings, mechanically.

For every sheet of the plan: find it (or add it), clear what the plan says to clear, write
each block and each long block in one call, stretch the named tables, give each area its
style, add the colour rules, set widths and heights, and fit the rows the plan marks. Every
position, colour, format and width comes from the plan; this module decides none of them.

Charts, drop-downs (validations), frozen panes and page set-up are not rendered here: the
macro workbook already holds them, built from the same plan by the file writer, and their
ranges are fixed so they keep working when the ribbon writes the data again.

The number of xlwings calls depends on the plan's number of blocks, areas and rules, never
on the number of rows: consecutive areas with the same style, and adjacent columns with the
same width, are set in one call.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from itertools import zip_longest
from typing import Any

from ..plan.model import (
    Area,
    Block,
    BookPlan,
    Column,
    ColumnBlock,
    SheetPlan,
    Style,
    Styled,
)
from ..plan.names import other_names
from .book import find_sheet, prepare, sheets_by_name


def render(book: Any, plan: BookPlan) -> None:
    """Render every sheet of `plan` on `book` (an xlwings Book). A sheet the book lacks is
    left out when the plan marks it optional, else added after the sheet before it."""
    sheets = sheets_by_name(book)
    previous = None
    for sheet_plan in plan.sheets:
        sheet = find_sheet(sheets, *_names(sheet_plan.name))
        if sheet is None:
            if sheet_plan.optional:
                continue
            sheet = _add_sheet(book, sheet_plan.name, previous)
            sheets[sheet_plan.name.casefold()] = sheet
        render_sheet(sheet, sheet_plan)
        previous = sheet


def _names(name: str) -> tuple[str, ...]:
    """The sheet name and the other names the same sheet may have (Prospecten, Customers)."""
    return other_names(name)


def _add_sheet(book: Any, name: str, after: Any | None) -> Any:
    if after is not None:
        return book.sheets.add(name, after=after)
    return book.sheets.add(name, before=book.sheets[0])


def render_sheet(sheet: Any, plan: SheetPlan) -> None:
    """One sheet of the plan on an existing xlwings Sheet."""
    bottom = _used_bottom(sheet) if _needs_bottom(plan) else 0
    for area in plan.clear:
        _range(sheet, area).clear()
    if plan.clear_columns is not None:
        first, last = plan.clear_columns
        _range(sheet, Area(1, first, max(bottom, 1), last)).clear()
    for block in plan.blocks:
        _write(sheet, _written(block, bottom), block.rows)
    for long in plan.long_blocks:
        rows = [list(row) for row in zip_longest(*(c.values for c in long.columns))]
        _write(sheet, _written(long, bottom), rows)
    _resize_tables(sheet, plan)
    for block in plan.blocks:
        _style_areas(sheet, block.styles)
    for long in plan.long_blocks:
        _style_areas(sheet, long.styles)
        _style_columns(sheet, long)
    _rules(sheet, plan, bottom)
    _sizes(sheet, plan)


def _needs_bottom(plan: SheetPlan) -> bool:
    blocks: Iterable[Block | ColumnBlock] = (*plan.blocks, *plan.long_blocks)
    return plan.clear_columns is not None or any(b.owns_below for b in blocks)


def _used_bottom(sheet: Any) -> int:
    """The last row of the sheet's used range (values or formats)."""
    used = sheet.used_range
    return used.row + used.shape[0] - 1


def _written(block: Block | ColumnBlock, bottom: int) -> Area | None:
    """The cells a block's write covers: its own, down to the used bottom when it owns what
    is below (None for an empty block)."""
    height = block.height
    if block.owns_below:
        height = max(height, bottom - block.row + 1)
    if not block.width or not height:
        return None
    return Area(block.row, block.column, block.row + height - 1, block.column + block.width - 1)


def _columns(long: ColumnBlock) -> list[tuple[Area, Column]]:
    """Each column of a long block with the cells its values fill."""
    if not long.height:
        return []
    bottom = long.row + long.height - 1
    return [
        (Area(long.row, at, bottom, at), column)
        for at, column in enumerate(long.columns, start=long.column)
    ]


def _range(sheet: Any, area: Area) -> Any:
    return sheet.range((area.top, area.left), (area.bottom, area.right))


def _write(sheet: Any, area: Area | None, rows: Sequence[Sequence[object]]) -> None:
    """One write of `rows` from the top-left cell of `area`, padded with blanks to fill it."""
    if area is not None:
        sheet.range((area.top, area.left)).value = prepare(rows, area.width, area.height)


def _resize_tables(sheet: Any, plan: SheetPlan) -> None:
    """Stretch each named table the sheet has over its area (a missing table is left out)."""
    if not plan.tables:
        return
    found = {table.name.casefold(): table for table in sheet.tables}
    for table in plan.tables:
        names = (n.casefold() for n in other_names(table.name))  # tblKlanten or tblCustomers
        existing = next((found[n] for n in names if n in found), None)
        if existing is not None:
            existing.resize(_range(sheet, table.area))


# ---- styles ------------------------------------------------------------------------------


def _style_areas(sheet: Any, styled: Sequence[Styled]) -> None:
    """Each style on its whole area (blank cells too: a range is styled as one)."""
    for area, style in _merged([(s.area, s.style) for s in styled]):
        _apply(_range(sheet, area), style)


def _style_columns(sheet: Any, long: ColumnBlock) -> None:
    """Each column's style over the rows of its block."""
    areas = [(area, column.style) for area, column in _columns(long) if column.style is not None]
    for area, style in _merged(areas):
        _apply(_range(sheet, area), style)


def _merged(areas: Sequence[tuple[Area, Style]]) -> list[tuple[Area, Style]]:
    """Consecutive areas with the same style joined where together they form a rectangle:
    first side by side, then one below the other. Nothing comes between two joined areas,
    so the cells end up styled exactly as one by one."""
    return _join(_join(areas, _beside), _below)


def _beside(left: Area, right: Area) -> Area | None:
    if left.top == right.top and left.bottom == right.bottom and right.left == left.right + 1:
        return Area(left.top, left.left, left.bottom, right.right)
    return None


def _below(top: Area, under: Area) -> Area | None:
    if top.left == under.left and top.right == under.right and under.top == top.bottom + 1:
        return Area(top.top, top.left, under.bottom, top.right)
    return None


def _join(
    areas: Sequence[tuple[Area, Style]], join: Callable[[Area, Area], Area | None]
) -> list[tuple[Area, Style]]:
    out: list[tuple[Area, Style]] = []
    for area, style in areas:
        if out and out[-1][1] == style:
            joined = join(out[-1][0], area)
            if joined is not None:
                out[-1] = (joined, style)
                continue
        out.append((area, style))
    return out


def _colour(colour: str) -> str:
    """A plan colour ('RRGGBB') as xlwings takes it ('#RRGGBB')."""
    return colour if colour.startswith("#") else "#" + colour


def _apply(cells: Any, style: Style) -> None:
    """The properties `style` sets, each in one call on the whole range."""
    if style.fill:
        cells.color = _colour(style.fill)
    if style.bold or style.size is not None or style.font_colour:
        font = cells.font
        if style.bold:
            font.bold = True
        if style.size is not None:
            font.size = style.size
        if style.font_colour:
            font.color = _colour(style.font_colour)
    if style.number_format:
        cells.number_format = style.number_format
    if style.wrap:
        cells.wrap_text = True
    if style.horizontal:
        cells.horizontal_alignment = style.horizontal
    if style.vertical:
        cells.vertical_alignment = style.vertical


# ---- colour rules ------------------------------------------------------------------------


def _rules(sheet: Any, plan: SheetPlan, bottom: int) -> None:
    """The conditional formats: an earlier run's rules in the long blocks' areas (and in
    every rule's area) removed first, then the value styles of the columns, the value fills
    and the colour scales."""
    owned = [a for a in (_written(b, bottom) for b in plan.long_blocks) if a is not None]
    targets = [f.area for f in plan.value_fills] + [s.area for s in plan.colour_scales]
    owned += [a for a in targets if not any(_inside(a, o) for o in owned)]
    for area in owned:
        _range(sheet, area).conditional_formats.clear()
    for long in plan.long_blocks:
        for area, column in _columns(long):
            if column.value_styles:
                rules = _range(sheet, area).conditional_formats
                for value, style in column.value_styles.items():
                    _equals(rules, value, style)
    for fill in plan.value_fills:
        rules = _range(sheet, fill.area).conditional_formats
        for text, colour in fill.colours.items():
            _equals(rules, text, Style(fill=colour))
    for scale in plan.colour_scales:
        _range(sheet, scale.area).conditional_formats.add_color_scale(
            [_colour(colour) for _, colour in scale.stops],
            thresholds=[value for value, _ in scale.stops],
        )


def _inside(area: Area, outer: Area) -> bool:
    return (
        outer.top <= area.top
        and area.bottom <= outer.bottom
        and outer.left <= area.left
        and area.right <= outer.right
    )


def _equals(rules: Any, value: object, style: Style) -> None:
    """A 'cell value equals `value`' rule with the fill and font of `style`."""
    if isinstance(value, str):
        formula: object = '="' + value.replace('"', '""') + '"'
    else:
        formula = value
    rules.add_cell_value(
        "equal",
        formula,
        fill_color=_colour(style.fill) if style.fill else None,
        font_color=_colour(style.font_colour) if style.font_colour else None,
        font_bold=True if style.bold else None,
    )


# ---- widths and heights ------------------------------------------------------------------


def _sizes(sheet: Any, plan: SheetPlan) -> None:
    """Column widths, row heights outside the fitted rows, then the fitted rows."""
    for first, last, width in _runs(plan.widths):
        sheet.range((1, first), (1, last)).column_width = width
    fit = plan.fit_rows
    heights = {
        r: h for r, h in plan.heights.items() if fit is None or not fit.top <= r <= fit.bottom
    }
    for first, last, height in _runs(heights):
        sheet.range((first, 1), (last, 1)).row_height = height
    if fit is not None:
        _range(sheet, fit).rows.autofit()


def _runs(sizes: dict[int, float]) -> list[tuple[int, int, float]]:
    """(first, last, size) of consecutive positions with the same size."""
    out: list[tuple[int, int, float]] = []
    for pos in sorted(sizes):
        size = sizes[pos]
        if out and out[-1][1] == pos - 1 and out[-1][2] == size:
            out[-1] = (out[-1][0], pos, size)
        else:
            out.append((pos, pos, size))
    return out
