"""The page set-up of every sheet: what a printed workbook holds and what it leaves out.

The rendered report itself (LibreOffice, at most 10 A4 pages) is checked in
test_workbook_build.py; here the plan of the demo workbook says, sheet by sheet, what is
printed, without rendering anything."""

from __future__ import annotations

import pytest

from klantanalyse.core.a1 import MAX_ROWS, column_index
from klantanalyse.plan import plan_book
from klantanalyse.plan.matrix import CHART_DATA_AT
from klantanalyse.workbook.build import demo_run


@pytest.fixture(scope="module")
def book():
    done, target = demo_run()
    return plan_book(done, target)


def columns(reference: str) -> tuple[int, int]:
    """'A1:C10' -> (1, 3)."""
    first, last = reference.split(":")
    letters = lambda cell: column_index("".join(c for c in cell if c.isalpha()))  # noqa: E731
    return letters(first), letters(last)


def test_every_sheet_has_a_page_set_up(book):
    for sheet in book.sheets:
        assert sheet.page is not None, sheet.name


def test_raw_data_settings_and_configuration_are_not_printed(book):
    for name in ("Orders", "Instellingen"):
        (area,) = book.sheet(name).page.print_area
        assert area == f"A{MAX_ROWS}:A{MAX_ROWS}", name  # one blank cell: nothing to print


def test_the_matrix_prints_two_pages_without_the_chart_data(book):
    page = book.sheet("Matrix").page
    assert len(page.print_area) == 2 and page.fit_height == 2  # one page each
    for area in page.print_area:
        assert columns(area)[1] < CHART_DATA_AT[1]  # the chart data start in column T


def test_the_customer_list_prints_name_inputs_and_segment_with_its_header(book):
    sheet = book.sheet("Klanten")
    headers = sheet.tables[0].headers
    (area,) = sheet.page.print_area
    first, last = columns(area)
    assert list(headers[first - 1 : last]) == ["Score", "Omzetklasse", "Segment"]
    repeated_first, repeated_last = columns(sheet.page.title_columns)
    assert list(headers[repeated_first - 1 : repeated_last]) == [
        "Klant", "Omzet", "Potentie", "Marge", "Snelheid", "Innovatie", "Netwerk",
    ]  # fmt: skip
    assert sheet.page.title_rows == "1:1" and sheet.page.fit_width == 1


def test_the_action_list_prints_whole_columns_with_its_header_on_every_page(book):
    page = book.sheet("Actielijst").page
    (area,) = page.print_area
    assert area.endswith(str(MAX_ROWS))  # a longer list after the next run prints whole
    assert page.title_rows == "4:4" and page.landscape
