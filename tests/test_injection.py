"""Text from data is written as text: formula-looking names, control characters and any
Unicode land in every output sheet exactly as given (property-based where it can be)."""

from __future__ import annotations

import datetime as dt
import math
import string
import zipfile
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
import xlsxwriter
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from python_calamine import CalamineWorkbook

from klantanalyse.cli import main
from klantanalyse.core import labels
from klantanalyse.core.analysis import analyse
from klantanalyse.core.settings import Settings
from klantanalyse.errors import KlantanalyseError
from klantanalyse.files.read import SheetTable
from klantanalyse.files.sheetdata import cell_text
from klantanalyse.files.write import write_workbook
from klantanalyse.plan import plan_book
from klantanalyse.plan.model import Block, BookPlan, Column, ColumnBlock, SheetPlan
from klantanalyse.run import Tables, run

NASTY = [
    "=1+1",
    '=HYPERLINK("http://example.com","klik")',
    "=cmd|' /C calc'!A0",
    "+31 Bakker",
    "-Tech",
    "@SUM(A1)",
    "\tTab Handel",
    "\rCR Handel",
    "Regel\nnieuwe regel",
    "\x01Stuur\x1fteken",
    "_x0041_ letterlijk",
    "  spaties rond  ",
    "Café Noël 🍰",
]


def calamine_rows(path: Path, sheet: str) -> list[list[object]]:
    return CalamineWorkbook.from_path(str(path)).get_sheet_by_name(sheet).to_python()


def test_formula_looking_text_stays_text_on_every_sheet(tmp_path, capsys):
    """Names in Klanten, Orders (copied), the Matrix chart data and its table of the largest
    customers, the Actielijst, headers, and a typed advice on Instellingen: all read back as
    the same text, and no cell is a formula."""
    src = tmp_path / "k.xlsx"
    book = xlsxwriter.Workbook(src, {"strings_to_formulas": False, "strings_to_numbers": False})
    klanten = book.add_worksheet("Klanten")
    klanten.write_row(0, 0, ["Klant", "Omzet", "Marge", "Snelheid", "Innovatie", "Netwerk"])
    klanten.write_string(0, 6, "=Opmerking")
    for i, name in enumerate(NASTY, start=1):
        klanten.write_string(i, 0, name)
        klanten.write_row(i, 1, [10_000 * i, "Ja", "Ja", "Ja" if i % 2 else "Nee", "Nee"])
        klanten.write_string(i, 6, name)
    orders = book.add_worksheet("Orders")
    orders.write_row(0, 0, ["Klant", "Datum", "Bedrag", "Omschrijving"])
    date_format = book.add_format({"num_format": "dd-mm-yyyy"})
    for i, name in enumerate(NASTY, start=1):
        orders.write_string(i, 0, name)
        orders.write_datetime(i, 1, dt.datetime(2024, 1 + i % 12, 1), date_format)
        orders.write_number(i, 2, 100 + i)
        orders.write_string(i, 3, name)
    book.close()
    out = tmp_path / "uit.xlsx"
    code, _, err = main(["analyse", str(src), "-o", str(out)]), *capsys.readouterr()
    assert code == 0, err

    # a second run on the output, with a formula-looking advice typed on Instellingen
    result = openpyxl.load_workbook(out)
    settings_ws = result["Instellingen"]
    advice_a = labels.setting_label("advice_a", "nl")
    row = next(
        r for r in range(1, settings_ws.max_row + 1) if settings_ws.cell(r, 1).value == advice_a
    )
    settings_ws.cell(row, 2).value = "=2+2 bel ze op"
    settings_ws.cell(row, 2).data_type = "s"
    result.save(out)
    again = tmp_path / "opnieuw.xlsx"
    code, _, err = main(["analyse", str(out), "-o", str(again)]), *capsys.readouterr()
    assert code == 0, err

    final = openpyxl.load_workbook(again)
    formulas = [
        f"{ws.title}!{cell.coordinate}"
        for ws in final.worksheets
        for row in ws.iter_rows()
        for cell in row
        if cell.data_type == "f"
    ]
    assert formulas == []
    klanten = calamine_rows(again, "Klanten")
    assert [r[0] for r in klanten[1:]] == NASTY
    assert klanten[0][6] == "=Opmerking"
    assert [r[6] for r in klanten[1:]] == NASTY
    assert [r[0] for r in calamine_rows(again, "Orders")[1:]] == NASTY
    assert [r[3] for r in calamine_rows(again, "Orders")[1:]] == NASTY
    matrix = calamine_rows(again, "Matrix")
    chart_names = {r[19] for r in matrix[1:] if len(r) > 19 and r[19] != ""}
    # the table of the largest customers beside the chart (names in J5:J24)
    label_names = {r[9] for r in matrix[4:24] if len(r) > 9 and r[9] != ""}
    trimmed = {name.strip() for name in NASTY}  # the analysis knows names without edges
    assert chart_names == trimmed
    assert label_names == trimmed
    actions = calamine_rows(again, "Actielijst")
    listed = {r[1] for r in actions[4:] if len(r) > 1 and r[1] != ""}
    assert listed and listed <= trimmed  # the Actielijst's names: text too
    advice = {r[0]: r[1] for r in calamine_rows(again, "Instellingen")}
    assert advice[advice_a] == "=2+2 bel ze op"
    segment = klanten[0].index("Segment")
    advice_col = klanten[0].index("Advies")
    assert {r[advice_col] for r in klanten[1:] if r[segment] == "A"} == {"=2+2 bel ze op"}


def test_control_characters_are_stored_as_excel_does(tmp_path):
    """`\\x01` becomes `_x0001_` in the file (Excel's own escape); a literal `_x0041_` gets its
    underscore escaped so it does not turn into 'A'."""
    assert cell_text("a\x01b") == "a_x0001_b"
    assert cell_text("_x0041_") == "_x005F_x0041_"
    assert cell_text("gewoon") == "gewoon"
    assert cell_text("x" * 40_000) == "x" * 32_767


def test_text_longer_than_excel_holds_is_shortened_with_a_warning(tmp_path, capsys):
    src = tmp_path / "k.csv"
    src.write_text("Klant;Omzet;Notitie\nA;100;" + "n" * 40_000 + "\nB;200;kort\n")
    code, _, err = main(["analyse", str(src), "-o", str(tmp_path / "u.xlsx")]), *capsys.readouterr()
    assert code == 0
    assert (
        "  - k.csv: 1 cel(len) met meer dan 32.767 tekens (de grens van Excel) zijn in de uitvoer "
        "ingekort, de eerste in kolom Notitie, rij 2."
    ) in err.splitlines()
    assert calamine_rows(tmp_path / "u.xlsx", "Klanten")[1][2] == "n" * 32_767


# ---- properties --------------------------------------------------------------------------

# Any Unicode text except U+FFFE and U+FFFF, which XML cannot hold and calamine does not
# unescape (they are written as the text `_xFFFE_` / `_xFFFF_`).
TEXT = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\ufffe\uffff"),
    min_size=1,
    max_size=40,
)
YES_NO = st.sampled_from(["Ja", "Nee", "j", "n", "yes", "x", "", "1", "0", "WAAR", None])
AMOUNT = st.one_of(
    st.none(),
    st.floats(allow_nan=True, allow_infinity=True),
    st.integers(min_value=-(10**15), max_value=10**15),
    st.sampled_from(["€ 1.234,56", "1,234.56", "12,-", "(500)", "25%", "n.v.t.", ""]),
    TEXT,
)
CELL = st.one_of(TEXT, AMOUNT, YES_NO, st.booleans(), st.datetimes())
COLUMNS = ["Klant", "Omzet", "Potentie", "Marge", "Snelheid", "Innovatie", "Netwerk"]
OPTIONAL = ["Brutomarge %", "Betaaltermijn (dagen)", "Contacturen", "Sector", "Regio"]


@st.composite
def customer_tables(draw) -> pd.DataFrame:
    n = draw(st.integers(min_value=1, max_value=12))
    extra = draw(st.lists(st.sampled_from(OPTIONAL), unique=True, max_size=3))
    data = {
        "Klant": draw(st.lists(st.one_of(TEXT, st.none(), st.integers()), min_size=n, max_size=n)),
        "Omzet": draw(st.lists(AMOUNT, min_size=n, max_size=n)),
        "Potentie": draw(st.lists(AMOUNT, min_size=n, max_size=n)),
    }
    for name in COLUMNS[3:]:
        data[name] = draw(st.lists(st.one_of(YES_NO, TEXT), min_size=n, max_size=n))
    for name in extra:
        data[name] = draw(st.lists(CELL, min_size=n, max_size=n))
    return pd.DataFrame(data, index=range(2, n + 2), dtype=object)


@pytest.mark.filterwarnings("ignore::RuntimeWarning")  # overflow on absurd amounts
@settings(max_examples=150, deadline=None)
@given(customer_tables(), st.sampled_from(["nl", "en"]))
def test_core_never_raises_on_a_table_of_the_allowed_schema(table, lang):
    named = any(
        isinstance(v, str) and v.strip() or isinstance(v, int) for v in table["Klant"].tolist()
    )
    try:
        result = analyse(table, Settings(lang=lang))
    except KlantanalyseError as exc:  # only the one-sentence errors, and only without names
        assert not named, exc.message
        assert exc.message.endswith(".")
        return
    assert len(result.results) == len(table)
    assert set(result.results["segment"].dropna()) <= {"A", "B", "C"}
    for text in result.results["message"].dropna():
        assert isinstance(text, str) and text


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    names=st.lists(TEXT, min_size=1, max_size=8),
    amounts=st.lists(
        st.one_of(
            st.floats(allow_nan=False, allow_infinity=False, min_value=-1e15, max_value=1e15),
            st.integers(min_value=-(10**12), max_value=10**12),
        ),
        min_size=8,
        max_size=8,
    ),
    header=TEXT,
)
def test_every_written_string_reads_back_unchanged(tmp_path, names, amounts, header):
    frame = pd.DataFrame(
        {"Klant": names, "Omzet": amounts[: len(names)], header: names},
        index=range(2, len(names) + 2),
        dtype=object,
    )
    if frame.columns.duplicated().any():  # a header equal to Klant/Omzet is a user error
        return
    target = tmp_path / "prop.xlsx"
    try:
        plan = plan_book(run(Tables(SheetTable("Klanten", 1, frame))))
    except KlantanalyseError:  # no analysis: the table alone
        plan = table_plan(frame)
    write_workbook(target, plan)
    rows = calamine_rows(target, "Klanten")
    assert rows[0][:3] == ["Klant", "Omzet", header]
    for row, name, amount in zip(rows[1:], names, amounts):
        assert row[0] == name
        assert row[2] == name
        assert math.isclose(row[1], amount, rel_tol=1e-15, abs_tol=0)
    with zipfile.ZipFile(target) as package:  # the package itself is well-formed XML
        for part in package.namelist():
            if part.endswith(".xml"):
                from xml.etree import ElementTree

                ElementTree.fromstring(package.read(part))


@pytest.mark.parametrize("char", ["\ufffe", "\uffff"])
def test_xml_noncharacters_are_written_as_their_escape(tmp_path, char):
    """The two characters no XML can hold are kept as Excel's escape text, not dropped."""
    frame = pd.DataFrame({"Klant": [f"a{char}b"], "Omzet": [1]}, index=[2], dtype=object)
    target = tmp_path / "nc.xlsx"
    write_workbook(target, table_plan(frame))
    assert calamine_rows(target, "Klanten")[1][0] == f"a_x{ord(char):04X}_b"


def table_plan(frame: pd.DataFrame) -> BookPlan:
    """A workbook plan of one sheet holding `frame` as it is (header row, then the rows)."""
    headers = [str(c) for c in frame.columns]
    columns = tuple(Column(frame[c].tolist()) for c in frame.columns)
    sheet = SheetPlan(
        "Klanten", "shKlanten", (Block(1, 1, [headers]),), (ColumnBlock(2, 1, columns),)
    )
    return BookPlan((sheet,))


def test_plain_ascii_names_are_untouched():
    for name in string.printable:
        if name not in "\x0b\x0c":
            assert cell_text(name) == name
