"""The long-row serialiser against its reference: openpyxl's own streaming writer.

Every row written through `sheetdata` must be byte for byte the XML openpyxl writes for the
same values appended cell by cell (text through `cell_text` and never a formula, NaN/NA
empty, numpy as Python), with the same styles.
"""

from __future__ import annotations

import datetime as dt
import random
import zipfile
from copy import copy

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook, load_workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ERROR_CODES
from openpyxl.styles import Font, PatternFill
from python_calamine import CalamineWorkbook

from klantanalyse.files import write as write_module
from klantanalyse.files.sheetdata import Column, RowBlock, cell_text, rows_xml, splice
from klantanalyse.plan.values import clean

SPECIAL_TEXT = [
    "", " ", " voor", "na ", "=1+1", "=", "+31 bakker", "@home", "-Tech", "#N/A", "#DIV/0!",
    "#REF!", "#n/a",
    "a & b <c> d", "regel\r\nregel\tkolom", "_x0041_", "ctrl\x01\x1f", "\ufffe", "é ü ß 中 😀",
    "A", "B", "C", "x" * 40_000,
]  # fmt: skip

values = st.one_of(
    st.none(),
    st.text(max_size=30),
    st.sampled_from(SPECIAL_TEXT),
    st.floats(allow_nan=True, allow_infinity=True),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.booleans(),
    st.datetimes(min_value=dt.datetime(1899, 12, 1), max_value=dt.datetime(9999, 1, 1)),
    st.dates(min_value=dt.date(1900, 3, 1)),
    st.times(),
    st.timedeltas(min_value=dt.timedelta(0), max_value=dt.timedelta(days=900)),
    st.sampled_from([np.float64(2.5), np.int64(7), np.bool_(True), pd.NA, pd.NaT, np.nan]),
    st.builds(pd.Timestamp, st.datetimes(min_value=dt.datetime(1970, 1, 1))),
)
STYLES = ("plain", "number", "segments")


def _styles(ws) -> dict[str, object]:
    """The styles a column can have, registered in a fixed order (ids equal in both books)."""
    for sample in (dt.datetime(2000, 1, 1), dt.date(2000, 1, 1), dt.time(), dt.timedelta()):
        _ = WriteOnlyCell(ws, value=sample).style_id  # as sheetdata registers them
    number = WriteOnlyCell(ws, value=1)
    number.number_format = "#,##0"
    segments = {}
    for seg, colour in (("A", "C6EFCE"), ("B", "FFEB9C"), ("C", "FFC7CE")):
        cell = WriteOnlyCell(ws, value=seg)
        cell.fill = PatternFill("solid", fgColor=colour)
        segments[seg] = cell.style_id
    return {"number": number.style_id, "segments": segments}


def _reference_cell(ws, value, kind: str, styles: dict):
    """What the writer appended per value before long rows had their own serialiser."""
    value = clean(value)
    if value is None:
        return None
    style = styles["number"] if kind == "number" else None
    if isinstance(value, str):
        text = cell_text(value)
        if value.startswith("="):
            cell = WriteOnlyCell(ws, value=text)
            cell.data_type = "s"
            return cell
        if kind == "segments" and text in styles["segments"]:
            style = styles["segments"][text]
        if text in ERROR_CODES:  # text that looks like an error value: a text cell
            cell = WriteOnlyCell(ws, value=text)
            cell.data_type = "s"
            if style is not None:
                cell._style = copy(ws.parent._cell_styles[style])
            return cell
        value = text
    if style is None:
        return value
    cell = WriteOnlyCell(ws, value=value)
    cell._style = copy(ws.parent._cell_styles[style])
    return cell


def _column(values: list, kind: str, styles: dict) -> Column:
    if kind == "number":
        return Column(values, style=styles["number"])
    if kind == "segments":
        return Column(values, value_styles=styles["segments"])
    return Column(values)


def _started_book(first_row: int):
    """A streaming book whose sheet has a bold header and blank rows up to `first_row`."""
    book = Workbook(write_only=True)
    ws = book.create_sheet("Blad")
    styles = _styles(ws)
    header = WriteOnlyCell(ws, value="Kop")
    header.font = Font(bold=True)
    ws.append([header])
    for _ in range(2, first_row):
        ws.append([])
    return book, ws, styles


def _pair(tmp_path, columns: list[list], kinds: list[str], first_row=2, first_column=1):
    """The same rows written by openpyxl (reference) and by sheetdata: their parts."""
    ref_book, ws, styles = _started_book(first_row)
    height = max((len(c) for c in columns), default=0)
    for r in range(height):
        row = [None] * (first_column - 1)
        for values, kind in zip(columns, kinds):
            row.append(_reference_cell(ws, values[r] if r < len(values) else None, kind, styles))
        ws.append(row)
    ref_book.save(tmp_path / "reference.xlsx")

    book, ws, styles = _started_book(first_row)
    block = RowBlock(
        first_row, [_column(v, k, styles) for v, k in zip(columns, kinds)], first_column
    )
    write_module._save(book, {ws: block}, tmp_path / "long.xlsx")
    with (
        zipfile.ZipFile(tmp_path / "reference.xlsx") as a,
        zipfile.ZipFile(tmp_path / "long.xlsx") as b,
    ):
        assert a.namelist() == b.namelist()
        return {n: a.read(n) for n in a.namelist()}, {n: b.read(n) for n in b.namelist()}


SHEET = "xl/worksheets/sheet1.xml"


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    data=st.lists(
        st.tuples(st.sampled_from(STYLES), st.lists(values, max_size=12)), min_size=1, max_size=5
    ),
    first_column=st.integers(min_value=1, max_value=30),
)
def test_long_rows_are_what_openpyxl_writes_cell_by_cell(tmp_path, data, first_column):
    kinds = [k for k, _ in data]
    columns = [v for _, v in data]
    reference, long = _pair(tmp_path, columns, kinds, first_column=first_column)
    assert long[SHEET] == reference[SHEET]
    assert long["xl/styles.xml"] == reference["xl/styles.xml"]


def test_columns_longer_than_a_chunk_with_repeats_and_mixed_kinds(tmp_path):
    """Rows past several chunks, with the values a column at a time meets: floats that
    repeat (0.0 beside -0.0, 0.3 beside 0.1 + 0.2, whole numbers around 2**53), integers
    around 2**53, empty cells between values, one text to escape among plain ones, several
    kinds in one column."""
    rng = random.Random(5)
    floats = [0.0, -0.0, 0.3, 0.1 + 0.2, 0.07, 1e16, 2.0**53, 2.0**53 - 1, 2.0**60, 1234.56,
              -12.0, 5e-324, 1e-7, float("nan"), float("inf"), -float("inf")]  # fmt: skip
    n = 2600
    columns = [
        [rng.choice(floats) for _ in range(n)],
        [rng.choice([*floats, None, None]) for _ in range(n)],
        [rng.choice([2**53 - 1, -(2**53) + 1, 2**53, -(2**60), 7, 0, None]) for _ in range(n)],
        [rng.choice(["A", "B", "C", "Ja", "=A", None]) for _ in range(n)],
        [f"Klant {i}" if i != 1800 else "a & b" for i in range(n)],
        [rng.choice([True, False, 1.5, 3, "x", None, dt.date(2024, 1, 2)]) for _ in range(n)],
    ]
    kinds = ["plain", "number", "plain", "segments", "plain", "number"]
    reference, long = _pair(tmp_path, columns, kinds, first_column=2)
    assert long[SHEET].count(b"<row ") == n + 1
    assert long[SHEET] == reference[SHEET]


def test_every_kind_of_value_at_once(tmp_path):
    """One fixed table with every special value, checked in the XML and read back."""
    column = [*SPECIAL_TEXT, 0.1 + 0.2, -0.0, 1e-300, float("inf"), float("nan"), 2**53,
              2**60, True, False, dt.datetime(2024, 1, 2, 3, 4, 5), dt.date(2024, 1, 2),
              dt.time(12, 30), dt.timedelta(hours=30), np.float64(2.5), pd.NA,
              pd.Timestamp("2023-05-06 07:08:09")]  # fmt: skip
    kinds = list(STYLES)
    reference, long = _pair(tmp_path, [column] * 3, kinds, first_row=4, first_column=3)
    assert long[SHEET] == reference[SHEET]
    assert long["xl/styles.xml"] == reference["xl/styles.xml"]
    sheet = CalamineWorkbook.from_path(str(tmp_path / "long.xlsx")).get_sheet_by_name("Blad")
    rows = sheet.to_python(skip_empty_area=False)
    assert rows[3][2] == ""  # empty text
    assert rows[7][2] == "=1+1"  # text, not a formula
    assert rows[3 + SPECIAL_TEXT.index("#N/A")][2] == "#N/A"  # text, not an error
    assert b't="e"' not in long[SHEET]
    assert rows[3 + SPECIAL_TEXT.index("_x0041_")][2] == "_x0041_"
    assert rows[3 + SPECIAL_TEXT.index("regel\r\nregel\tkolom")][2] == "regel\r\nregel\tkolom"
    ws = load_workbook(tmp_path / "long.xlsx")["Blad"]
    segment = ws.cell(4 + SPECIAL_TEXT.index("B"), 5)
    assert (segment.value, segment.fill.fgColor.rgb) == ("B", "00FFEB9C")
    assert ws.cell(4 + len(SPECIAL_TEXT) + 9, 3).value == dt.datetime(2024, 1, 2, 3, 4, 5)
    assert ws.cell(4 + len(SPECIAL_TEXT), 4).number_format == "#,##0"


def test_rows_go_into_an_empty_sheet_data(tmp_path):
    book = Workbook(write_only=True)
    ws = book.create_sheet("Leeg")  # nothing appended: openpyxl writes <sheetData/>
    write_module._save(book, {ws: RowBlock(3, [Column(["a", 1.5])], 2)}, tmp_path / "x.xlsx")
    with zipfile.ZipFile(tmp_path / "x.xlsx") as z:
        xml = z.read(SHEET)
    assert b'<sheetData><row r="3"><c r="B3" t="inlineStr"><is><t>a</t></is></c></row>' in xml
    assert b'<row r="4"><c r="B4" t="n"><v>1.5</v></c></row></sheetData>' in xml
    assert load_workbook(tmp_path / "x.xlsx")["Leeg"]["B4"].value == 1.5


def test_a_part_without_sheet_data_is_refused():
    import io

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        z.writestr("xl/worksheets/sheet1.xml", b"<worksheet/>")
    with pytest.raises(ValueError, match="sheet1.xml has no sheetData"):
        splice(buffer.getvalue(), {"xl/worksheets/sheet1.xml": lambda: iter([])}, io.BytesIO())


def test_date_styles_are_registered_before_the_save():
    book = Workbook(write_only=True)
    ws = book.create_sheet("Blad")
    before = len(book._cell_styles)
    rows_xml(ws, RowBlock(2, [Column([dt.date(2024, 1, 1)])]))
    assert len(book._cell_styles) == before + 4  # datetime, date, time, timedelta


def test_a_large_block_is_deflated_faster_and_reads_back_the_same(tmp_path):
    """A block of FAST_DEFLATE_CELLS cells or more is deflated at zlib's fastest level: its
    part unpacks to the same bytes as at the default level, packed larger; a smaller block
    keeps the default level."""
    from klantanalyse.files import sheetdata

    rng = random.Random(3)
    values = [[rng.random() * 1000, f"klant {rng.randrange(10**6)}"] for _ in range(4_000)]
    columns = [Column([v[0] for v in values]), Column([v[1] for v in values])]
    big = RowBlock(2, columns)
    assert sheetdata.deflate_level(big) is None  # 8,000 cells: the default level
    assert sheetdata.deflate_level(RowBlock(2, columns * 13)) == sheetdata.FAST_DEFLATE_LEVEL

    def written(name: str) -> zipfile.ZipInfo:
        book = Workbook(write_only=True)
        ws = book.create_sheet("Blad")
        write_module._save(book, {ws: big}, tmp_path / name)
        with zipfile.ZipFile(tmp_path / name) as z:
            return z.getinfo(SHEET), z.read(SHEET)

    default_info, default_xml = written("default.xlsx")
    sheetdata.FAST_DEFLATE_CELLS, kept = 1_000, sheetdata.FAST_DEFLATE_CELLS
    try:
        fast_info, fast_xml = written("fast.xlsx")
    finally:
        sheetdata.FAST_DEFLATE_CELLS = kept
    assert fast_xml == default_xml
    assert fast_info.compress_size > default_info.compress_size
    ws = load_workbook(tmp_path / "fast.xlsx", read_only=True)["Blad"]
    rows = [list(r) for r in ws.iter_rows(min_row=2, max_row=3, values_only=True)]
    assert rows == [[float(f"{v:.16g}"), name] for v, name in values[:2]]  # 16 digits, as openpyxl


DATE_UNITS = ("ns", "us", "ms", "s")


def _date_array(stamps: list, unit: str):
    """pandas' array of datetime64 in `unit` (None: NaT), as a plan gives an order date column."""
    series = pd.Series(pd.to_datetime(pd.Series(stamps, dtype=object)), dtype="datetime64[ns]")
    return series.astype(f"datetime64[{unit}]").array


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    stamps=st.lists(
        st.one_of(
            st.none(),
            st.datetimes(min_value=dt.datetime(1900, 1, 1), max_value=dt.datetime(2262, 1, 1)),
        ),
        max_size=12,
    ),
    unit=st.sampled_from(DATE_UNITS),
    kind=st.sampled_from(STYLES),
)
def test_a_datetime64_column_is_what_openpyxl_writes_for_its_timestamps(
    tmp_path, stamps, unit, kind
):
    """A column held as datetime64 (not as a Timestamp per cell) gives the XML openpyxl
    writes cell by cell for the Timestamps it holds; NaT is an empty cell."""
    array = _date_array(stamps, unit)
    reference, long = _pair(tmp_path, [array, ["x"] * len(array)], [kind, "plain"])
    assert long[SHEET] == reference[SHEET]
    assert long["xl/styles.xml"] == reference["xl/styles.xml"]


def test_a_datetime64_column_over_several_chunks_reads_back_as_its_dates(tmp_path):
    """Dates that repeat within and across chunks, a stretch without NaT and one with,
    beside a text and a number column; read back by calamine as the same dates."""
    rng = random.Random(7)
    days = [
        dt.datetime(2010, 12, 1, 8, 26) + dt.timedelta(hours=rng.randrange(9000)) for _ in range(60)
    ]
    n = 3100
    stamps = [rng.choice(days) for _ in range(n)]
    for i in range(2200, n, 97):
        stamps[i] = None
    array = _date_array(stamps, "ns")
    columns = [[f"{i // 3}" for i in range(n)], array, [float(i % 17) for i in range(n)]]
    reference, long = _pair(tmp_path, columns, ["plain", "plain", "number"])
    assert long[SHEET] == reference[SHEET]
    sheet = CalamineWorkbook.from_path(str(tmp_path / "long.xlsx")).get_sheet_by_name("Blad")
    rows = sheet.to_python(skip_empty_area=False)[1:]
    assert [r[1] if r[1] != "" else None for r in rows] == stamps
