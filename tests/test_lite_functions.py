"""The Lite workbook's functions =SEGMENT, =KLANTSCORE, =OMZETKLASSE, =GELIJKENIS: the answers
of the classic functions and of the analysed sheets, from the last analysis; a row of the
customer table also before it; always a value or a short text."""

from __future__ import annotations

import base64
import io
import json
import re
import zipfile

import pytest

from fake_excel import FakeExcel
from klantanalyse.excel import logfile, udfs
from klantanalyse.lite import functions, scripts
from klantanalyse.lite.functions import Basis
from klantanalyse.workbook.lite import build
from klantanalyse.workbook.lite_package import WEBEXTENSION, read_properties
from lite_standin import book_from_file, lite_book

FIRST = "klik eerst op Analyseer klanten"
INPUTS = 18  # Klanten!A:R of the built workbook


@pytest.fixture(autouse=True)
def no_analysis(monkeypatch, tmp_path):
    monkeypatch.setattr(scripts, "show", lambda text: None)
    monkeypatch.setattr(logfile, "log_path", lambda: str(tmp_path / "klantanalyse.log"))
    functions.forget()
    functions.set_basis(None)
    functions._last_lang.clear()
    yield
    functions.forget()
    functions.set_basis(None)
    functions._last_lang.clear()


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    return build(tmp_path_factory.mktemp("lite") / "klantanalyse-lite.xlsx")


def embedded_basis(path) -> Basis:
    """The basis inside the workbook's main.py (the embedded package's lite/basis.json)."""
    with zipfile.ZipFile(path) as archive:
        main_py = read_properties(archive.read(WEBEXTENSION))["main.py"]
    encoded = "".join(re.findall(r'^    "([A-Za-z0-9+/=]+)"$', main_py, re.M))
    with zipfile.ZipFile(io.BytesIO(base64.b64decode(encoded))) as package:
        return Basis.from_json(package.read("klantanalyse/lite/basis.json").decode())


def table(book, sheet="Klanten"):
    rows = book.rows(sheet)
    header = {name: c for c, name in enumerate(rows[0]) if name}
    return rows, header


@pytest.fixture(scope="module")
def analysed(built):
    """The built workbook after Analyseer klanten (the functions keep that analysis)."""
    book = book_from_file(built)
    scripts.analyse(book.book)
    return book, functions.last()


@pytest.fixture
def last(analysed, monkeypatch):
    book, kept = analysed
    monkeypatch.setattr(functions, "_last", kept)
    return book


# ---- from the last analysis ----------------------------------------------------------------


def test_every_customer_gets_the_segment_on_the_sheet(last):
    rows, header = table(last)
    for row in rows[1:]:
        expected = row[header["Segment"]]
        assert functions.segment(row[0]) == expected
        assert functions.segment(row[:INPUTS]) == expected  # a row of the table
        answers = row[header["Marge"] : header["Netwerk"] + 1]
        if None not in answers:  # a blank answer may come from a rule on the sheet
            assert functions.score(answers) == row[header["Score"]]
            assert functions.score(*answers) == row[header["Score"]]
        amount = (row[header["Omzet"]] or 0) + (row[header["Potentie"]] or 0)
        assert functions.revenue_class(amount) == row[header["Omzetklasse"]]


def test_every_prospect_gets_the_similarity_on_the_sheet(last):
    rows, header = table(last, "Prospects")
    assert len(rows) == 13
    for row in rows[1:]:
        assert functions.similarity(row[0]) == row[header["Gelijkenis"]]
        assert functions.similarity(row[: header["Gelijkenis"]]) == row[header["Gelijkenis"]]


def test_the_answers_of_the_classic_functions(last, monkeypatch):
    """The macro workbook's functions, reading the same sheets, answer the same."""
    sheets = {name: last.rows(name) for name in ("Klanten", "Orders", "Instellingen", "Prospects")}
    classic = FakeExcel(sheets)
    classic.install(monkeypatch)
    udfs.clear_cache()
    rows, header = table(last)
    try:
        for row in rows[1:8]:
            assert functions.segment(row[0]) == udfs.SEGMENT(row[0])
            assert functions.segment(row[:INPUTS]) == udfs.SEGMENT(row[:INPUTS])
            amount = row[header["Omzet"]]
            assert functions.revenue_class(amount) == udfs.OMZETKLASSE(amount)
        for odd in ("Niemand BV", "", None, ["", None], 12, ["Ja", "Nee"]):
            assert functions.segment(odd) == udfs.SEGMENT(odd)
            assert functions.similarity(odd) == udfs.GELIJKENIS(odd)
        for answers in (["Ja", "j", "x", None], ["misschien", "Ja", "Ja", "Ja"], ["Ja", "Nee"]):
            assert functions.score(answers) == udfs.KLANTSCORE(answers)
        for amount in ("veel", None, -5, 10**9):
            assert functions.revenue_class(amount) == udfs.OMZETKLASSE(amount)
        prospects, columns = table(last, "Prospects")
        for row in prospects[1:4]:
            assert functions.similarity(row[0]) == udfs.GELIJKENIS(row[0])
    finally:
        udfs.clear_cache()


# ---- before an analysis --------------------------------------------------------------------


def test_without_an_analysis_a_name_asks_for_one(built):
    book = book_from_file(built)
    functions.set_basis(embedded_basis(built))
    name = book.value("Klanten", "A2")
    assert functions.segment(name) == FIRST
    assert functions.similarity("Prospect") == FIRST
    functions.set_basis(None)
    assert functions.segment(name) == FIRST
    assert functions.revenue_class(1000) == FIRST


def test_a_row_of_the_table_needs_no_analysis(built):
    """=SEGMENT(Klanten!A2:R2) right after opening: the row's segment as the sheet has it,
    from the settings and limits the workbook was built with."""
    book = book_from_file(built)
    functions.set_basis(embedded_basis(built))
    rows, header = table(book)
    for row in rows[1:]:
        assert functions.segment(row[:INPUTS]) == row[header["Segment"]]
        amount = (row[header["Omzet"]] or 0) + (row[header["Potentie"]] or 0)
        assert functions.revenue_class(amount) == row[header["Omzetklasse"]]
        answers = row[header["Marge"] : header["Netwerk"] + 1]
        if None not in answers:
            assert functions.score(answers) == row[header["Score"]]


def test_a_changed_row_is_scored_from_its_values(built):
    functions.set_basis(embedded_basis(built))
    rows, header = table(book_from_file(built))
    row = list(rows[1][:INPUTS])
    for key in ("Marge", "Snelheid", "Innovatie", "Netwerk"):
        row[header[key]] = "Nee"
    row[header["Brutomarge %"]] = row[header["Betaaltermijn (dagen)"]] = None  # no rules
    row[header["Omzet"]], row[header["Potentie"]] = 5, 0
    assert functions.segment(row) == "C"  # Laag and score 0
    row[header["Snelheid"]] = "misschien"
    assert functions.segment(row) == "geen segment, zie Melding"


def test_clear_forgets_the_analysis(monkeypatch):
    book = lite_book([["Klant", "Omzet"], ["Groot BV", 900_000], ["Klein", 10]])
    scripts.analyse(book.book)
    assert functions.segment("Groot BV") == "B"  # Hoog, score 0
    scripts.clear(book.book)
    assert functions.segment("Groot BV") == FIRST


def test_the_language_follows_the_analysis():
    book = lite_book([["Klant", "Omzet"], ["Groot BV", 900_000], ["Klein", 10]])
    book.cells["Instellingen"][(2, 2)] = "EN"
    scripts.analyse(book.book)
    assert functions.segment("Niemand") == "unknown customer"
    assert functions.revenue_class(20) == "Low"
    scripts.clear(book.book)  # the language stays that of the last analysis
    assert functions.segment("Niemand") == "click Analyseer klanten first"


def test_a_function_never_raises(monkeypatch, last):
    def broken(*args, **kwargs):
        raise RuntimeError("deep inside")

    monkeypatch.setattr(type(functions.last()), "lookup", broken)
    assert functions.segment("Groot BV") == "fout: RuntimeError"
    assert functions.revenue_class(5) == "fout: RuntimeError"


def test_the_basis_is_plain_text_and_reads_back(built):
    basis = embedded_basis(built)
    again = Basis.from_json(basis.to_json())
    assert again == basis
    data = json.loads(basis.to_json())
    assert data["headers"][:3] == ["Klant", "Omzet", "Potentie"] and len(data["headers"]) == 18
    assert data["limits"][2] == "pareto" and data["limits"][0] > data["limits"][1] > 0
