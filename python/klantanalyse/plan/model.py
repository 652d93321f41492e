"""The workbook plan: what goes where, with its formats and colours, as plain data.

A plan is built once from a `Run` (see `plan.build`) and rendered by every front: the file
writer (openpyxl), the ribbon (xlwings) and the Lite scripts. A renderer places each block
at its cell, gives each area its style, and adds the tables, rules, validations and charts
as they are described here; it decides nothing of its own. Positions are 1-based.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from ..core import a1

Rows = list[list[object]]


@dataclass(frozen=True)
class Style:
    """How a cell looks. Colours are 'RRGGBB'; None leaves the property as it is."""

    bold: bool = False
    size: float | None = None
    font_colour: str | None = None
    fill: str | None = None
    number_format: str | None = None
    wrap: bool = False
    horizontal: str | None = None  # 'left', 'center', 'right'
    vertical: str | None = None  # 'top', 'center'

    def merged(self, other: Style) -> Style:
        """This style with the properties `other` sets laid over it."""
        return Style(
            bold=self.bold or other.bold,
            size=other.size if other.size is not None else self.size,
            font_colour=other.font_colour or self.font_colour,
            fill=other.fill or self.fill,
            number_format=other.number_format or self.number_format,
            wrap=self.wrap or other.wrap,
            horizontal=other.horizontal or self.horizontal,
            vertical=other.vertical or self.vertical,
        )


@dataclass(frozen=True)
class Area:
    """A rectangle of cells, both corners included."""

    top: int
    left: int
    bottom: int
    right: int

    @property
    def ref(self) -> str:
        return a1.area(self.top, self.left, self.bottom, self.right)

    @property
    def height(self) -> int:
        return self.bottom - self.top + 1

    @property
    def width(self) -> int:
        return self.right - self.left + 1

    def cells(self):
        """Every (row, column) of the area, row by row."""
        for r in range(self.top, self.bottom + 1):
            for c in range(self.left, self.right + 1):
                yield r, c


@dataclass(frozen=True)
class Styled:
    """A style given to the cells of an area that hold a value (`blanks`: every cell)."""

    area: Area
    style: Style
    blanks: bool = False


@dataclass(frozen=True)
class Block:
    """Short rows of values with their top-left cell at (row, column), and the styles of
    areas within them. `owns_below`: the block's columns below it belong to it too, so a
    front that updates an existing sheet clears them (an earlier run may have been longer)."""

    row: int
    column: int
    rows: Rows
    styles: tuple[Styled, ...] = ()
    owns_below: bool = False

    @property
    def height(self) -> int:
        return len(self.rows)

    @property
    def width(self) -> int:
        return max((len(r) for r in self.rows), default=0)

    @property
    def area(self) -> Area:
        return Area(self.row, self.column, self.row + self.height - 1, self.column + self.width - 1)


@dataclass(frozen=True)
class Column:
    """One column of a long block: its values top down (NaN, NaT and None are blank), the
    style of every cell, and the style of cells holding particular values (the segment
    letters' colours). A front without per-cell styles in bulk may render `value_styles`
    as value fills of the column. `values` is a list, or for a column of dates pandas'
    array of them (each value a Timestamp, as in a list; a writer may take them as
    datetime64 at once)."""

    values: Sequence[object]
    style: Style | None = None
    value_styles: Mapping[object, Style] = field(default_factory=dict)


@dataclass(frozen=True)
class ColumnBlock:
    """Many rows given column by column (customers, orders, chart data), from (row, column)."""

    row: int
    column: int
    columns: tuple[Column, ...]
    styles: tuple[Styled, ...] = ()  # laid under the columns' own styles
    owns_below: bool = False

    @property
    def height(self) -> int:
        return max((len(c.values) for c in self.columns), default=0)

    @property
    def width(self) -> int:
        return len(self.columns)

    @property
    def area(self) -> Area:
        return Area(
            self.row, self.column, self.row + max(self.height, 1) - 1, self.column + self.width - 1
        )


@dataclass(frozen=True)
class Table:
    """An Excel table (with filter buttons) over `area`; its header row is the first row."""

    name: str
    area: Area
    headers: tuple[str, ...]


@dataclass(frozen=True)
class ValueFill:
    """Cells in `area` whose text equals a key are filled with its colour; the colour follows
    the text when the user changes it (a conditional format where the front has them)."""

    area: Area
    colours: Mapping[str, str]


@dataclass(frozen=True)
class ColourScale:
    """A colour scale on the numbers in `area`: (value, colour) stops, lowest first."""

    area: Area
    stops: tuple[tuple[float, str], ...]


@dataclass(frozen=True)
class ListValidation:
    """A drop-down with `choices` on each area; other values may still be typed."""

    areas: tuple[Area, ...]
    choices: tuple[str, ...]


@dataclass(frozen=True)
class Series:
    """One chart series: a name cell, x and y ranges (A1 areas on the chart's sheet)."""

    name: tuple[int, int]
    y: Area
    x: Area | None = None  # None: categories from `categories`
    categories: Area | None = None
    colour: str | None = None  # line or fill colour
    marker: str | None = None  # 'circle', or None for no markers
    marker_colour: str | None = None
    marker_line: str | None = None
    marker_size: int | None = None
    line: bool = True  # False: points only
    line_width: int | None = None  # EMU
    dash: str | None = None  # 'dash', 'sysDot'
    point_colours: tuple[str, ...] = ()  # one colour per bar
    label: str | None = None  # data label: 'name' (series name) or 'value'
    label_position: str | None = None  # 'r', 'l', 'outEnd'
    label_size: int | None = None  # hundredths of a point
    label_format: str | None = None
    in_legend: bool = True


@dataclass(frozen=True)
class Axis:
    title: str
    minimum: float | None = None
    maximum: float | None = None
    major_unit: float | None = None
    number_format: str | None = None
    log_base: int | None = None
    reversed: bool = False
    crosses: str | None = None  # 'min', 'max'
    text_size: int | None = None


@dataclass(frozen=True)
class Chart:
    """A native chart: 'scatter' (lines or points) or 'bar' (horizontal bars)."""

    kind: str
    anchor: str
    title: str
    x_axis: Axis
    y_axis: Axis
    series: tuple[Series, ...]
    width: float  # cm
    height: float  # cm
    title_size: int | None = None  # hundredths of a point
    legend: str | None = "b"  # position, None: no legend
    plot_area: tuple[float, float, float, float] | None = None  # x, y, w, h (0-1)
    plot_inner: bool = False  # plot_area is the plot itself, without the axes' labels
    scatter_style: str = "lineMarker"
    gap_width: int | None = None


@dataclass(frozen=True)
class Page:
    """Page set-up for printing: A4, fitted to `fit_width` pages across (and `fit_height`
    down, 0 = as many as needed); each print area starts a page of its own."""

    landscape: bool = True
    fit_width: int = 1
    fit_height: int = 0
    print_area: tuple[str, ...] = ()
    title_rows: str | None = None  # '1:1'
    title_columns: str | None = None  # 'A:A'
    # left, right, top, bottom, header, footer in inches (narrow: room for the content)
    margins: tuple[float, float, float, float, float, float] = (0.4, 0.4, 0.5, 0.5, 0.3, 0.3)


def columns_printed(first: int, last: int) -> str:
    """A print area of whole columns (as many rows as hold something are printed), so it
    stays right when a workbook updated in place gets more rows."""
    return a1.area(1, first, a1.MAX_ROWS, last)


def not_printed() -> Page:
    """A page set-up that prints nothing: its print area is one blank cell, the sheet's very
    last (no text runs into it), and a blank page is left out (LibreOffice, Excel)."""
    return Page(print_area=(a1.area(a1.MAX_ROWS, 1, a1.MAX_ROWS, 1),))


@dataclass(frozen=True)
class SheetPlan:
    """One sheet: blocks, long blocks and everything laid over them."""

    name: str
    code_name: str | None  # the VBA document module's name (None: Excel gives one)
    blocks: tuple[Block, ...] = ()
    long_blocks: tuple[ColumnBlock, ...] = ()
    widths: Mapping[int, float] = field(default_factory=dict)
    heights: Mapping[int, float] = field(default_factory=dict)  # rows of wrapped text
    fit_rows: Area | None = None  # rows a front that can fit rows to their text fits
    freeze: str | None = None
    tables: tuple[Table, ...] = ()
    value_fills: tuple[ValueFill, ...] = ()
    colour_scales: tuple[ColourScale, ...] = ()
    validations: tuple[ListValidation, ...] = ()
    charts: tuple[Chart, ...] = ()
    page: Page | None = None
    clear: tuple[Area, ...] = ()  # a front that updates the sheet clears these first
    clear_columns: tuple[int, int] | None = None  # ... and these columns, values and formats
    optional: bool = False  # a front updating a workbook without this sheet leaves it out


@dataclass(frozen=True)
class BookPlan:
    """Every sheet of one workbook, in order."""

    sheets: tuple[SheetPlan, ...]
    code_name: str = "ThisWorkbook"  # the workbook's VBA document module

    def sheet(self, name: str) -> SheetPlan | None:
        for sheet in self.sheets:
            if sheet.name == name:
                return sheet
        return None
