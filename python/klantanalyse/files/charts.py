"""Native openpyxl charts from the chart plans of a sheet (see `plan.model.Chart`)."""

from __future__ import annotations

from openpyxl.chart import BarChart, Reference, ScatterChart
from openpyxl.chart import Series as ChartSeries
from openpyxl.chart.data_source import AxDataSource
from openpyxl.chart.label import DataLabelList
from openpyxl.chart.layout import Layout, ManualLayout
from openpyxl.chart.legend import LegendEntry
from openpyxl.chart.marker import DataPoint, Marker
from openpyxl.chart.series import SeriesLabel, StrRef
from openpyxl.chart.shapes import GraphicalProperties
from openpyxl.chart.text import RichText
from openpyxl.drawing.line import LineProperties
from openpyxl.drawing.text import CharacterProperties, Paragraph, ParagraphProperties

from ..core.a1 import area, cell, sheet_ref
from ..plan import model


class _Sheet:
    """Stand-in worksheet for chart references in streaming mode (only the title is used)."""

    def __init__(self, title: str):
        self.title = title


def chart_of(plan: model.Chart, sheet: str) -> ScatterChart | BarChart:
    """The openpyxl chart of `plan`, its ranges on `sheet`."""
    chart = ScatterChart() if plan.kind == "scatter" else BarChart()
    chart.title = plan.title
    chart.style = 2
    chart.width, chart.height = plan.width, plan.height
    if plan.title_size is not None:
        chart.title.tx.rich.p[0].pPr = ParagraphProperties(
            defRPr=CharacterProperties(sz=plan.title_size, b=True)
        )
    if plan.kind == "scatter":
        chart.scatterStyle = plan.scatter_style
    else:
        chart.type = "bar"
        chart.grouping = "clustered"
        chart.gapWidth = plan.gap_width
    for series in plan.series:
        chart.series.append(_series(series, sheet, plan.kind))
    _axis(chart.x_axis, plan.x_axis)
    _axis(chart.y_axis, plan.y_axis)
    if plan.legend is None:
        chart.legend = None
    else:
        chart.legend.position = plan.legend
        hidden = [i for i, s in enumerate(plan.series) if not s.in_legend]
        if hidden:
            chart.legend.legendEntry = [LegendEntry(idx=i, delete=True) for i in hidden]
    if plan.plot_area is not None:
        x, y, w, h = plan.plot_area
        if plan.plot_inner:  # the plot itself at that place, its axes' labels outside it
            layout = ManualLayout(
                layoutTarget="inner", xMode="edge", yMode="edge", x=x, y=y, w=w, h=h
            )
        else:
            layout = ManualLayout(x=x, y=y, w=w, h=h)
        chart.layout = Layout(manualLayout=layout)
    return chart


def _ref(sheet: str, at: model.Area) -> Reference:
    return Reference(
        _Sheet(sheet), min_col=at.left, max_col=at.right, min_row=at.top, max_row=at.bottom
    )


def _series(plan: model.Series, sheet: str, kind: str) -> ChartSeries:
    if plan.x is not None:
        series = ChartSeries(_ref(sheet, plan.y), _ref(sheet, plan.x))
    else:
        series = ChartSeries(_ref(sheet, plan.y))
    series.tx = SeriesLabel(strRef=StrRef(sheet_ref(sheet, cell(*plan.name, absolute=True))))
    if plan.categories is not None:
        at = plan.categories
        names = sheet_ref(sheet, area(at.top, at.left, at.bottom, at.right, absolute=True))
        series.cat = AxDataSource(strRef=StrRef(names))
    if kind == "bar":
        series.graphicalProperties = GraphicalProperties(solidFill=plan.colour)
        if plan.point_colours:
            series.dPt = []
            for i, colour in enumerate(plan.point_colours):
                point = DataPoint(idx=i)
                point.graphicalProperties = GraphicalProperties(solidFill=colour)
                series.dPt.append(point)
    elif plan.marker is not None:
        series.marker = Marker(symbol=plan.marker, size=plan.marker_size)
        series.marker.graphicalProperties = GraphicalProperties(solidFill=plan.marker_colour)
        series.marker.graphicalProperties.line.solidFill = plan.marker_line
        series.graphicalProperties = GraphicalProperties()
        series.graphicalProperties.line.noFill = True
    else:
        series.marker = Marker(symbol="none")
        if plan.line:
            line = LineProperties(solidFill=plan.colour, prstDash=plan.dash, w=plan.line_width)
            series.graphicalProperties = GraphicalProperties(ln=line)
            series.smooth = False
        else:
            series.graphicalProperties = GraphicalProperties()
            series.graphicalProperties.line.noFill = True
    if plan.label is not None:
        series.dLbls = DataLabelList()
        series.dLbls.showSerName = plan.label == "name"
        series.dLbls.showVal = plan.label == "value"
        series.dLbls.showCatName = False
        series.dLbls.showLegendKey = False
        if plan.label_format is not None:
            series.dLbls.numFmt = plan.label_format
        series.dLbls.position = plan.label_position
        if plan.label_size is not None:
            series.dLbls.txPr = small_text(plan.label_size)
    return series


def _axis(axis, plan: model.Axis) -> None:
    if plan.title:
        axis.title = plan.title
    if plan.number_format is not None:
        axis.number_format = plan.number_format
    if plan.minimum is not None:
        axis.scaling.min = plan.minimum
    if plan.maximum is not None:
        axis.scaling.max = plan.maximum
    if plan.major_unit is not None:
        axis.majorUnit = plan.major_unit
    if plan.log_base is not None:
        axis.scaling.logBase = plan.log_base
    if plan.reversed:
        axis.scaling.orientation = "maxMin"
    axis.delete = False
    if plan.crosses is not None:
        axis.crosses = plan.crosses
    if plan.text_size is not None:
        axis.txPr = small_text(plan.text_size)


def small_text(size: int) -> RichText:
    """Text properties for chart labels of `size` hundredths of a point."""
    return RichText(
        p=[
            Paragraph(
                pPr=ParagraphProperties(defRPr=CharacterProperties(sz=size)),
                endParaRPr=CharacterProperties(sz=size),
            )
        ]
    )
