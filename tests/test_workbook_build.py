"""`klantanalyse workbook`: the whole macro workbook, reproducible, and what Excel will see."""

from __future__ import annotations

import importlib.util
import subprocess
import warnings
import zipfile
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from conftest import need_soffice
from klantanalyse.cli import main
from klantanalyse.errors import FileError, InputError
from klantanalyse.ooxml import package
from klantanalyse.pipeline import analyse_file
from klantanalyse.workbook.build import build

with warnings.catch_warnings():  # oletools still uses pyparsing's deprecated names
    warnings.simplefilter("ignore", DeprecationWarning)
    from oletools.olevba import VBA_Parser

ROOT = Path(__file__).resolve().parent.parent
COMMITTED = ROOT / "klantanalyse.xlsm"
REAL_UDFS = importlib.util.find_spec("klantanalyse.excel.udfs") is not None
UDF_MODULE = "klantanalyse.excel.udfs" if REAL_UDFS else "udf_standin"
SHEETS = [
    "Start", "Actielijst", "Klanten", "Orders", "Prospects", "Matrix", "Verwantschap",
    "Instellingen", "xlwings.conf",
]  # fmt: skip
MODULES = [
    "ThisWorkbook",
    "shStart",
    "shActielijst",
    "shKlanten",
    "shOrders",
    "shProspects",
    "shMatrix",
    "shVerwantschap",
    "shInstellingen",
    "shConf",
    "xlwings",
    "Dictionary",
    "Ribbon",
    "xlwings_udfs",
]


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    return build(tmp_path_factory.mktemp("build") / "klantanalyse.xlsm", udf_module=UDF_MODULE)


def modules_of(path: Path) -> dict[str, str]:
    parser = VBA_Parser(str(path))
    return {name.rsplit(".", 1)[0]: code for _, _, name, code in parser.extract_macros()}


def test_two_builds_give_identical_bytes(built, tmp_path):
    again = build(tmp_path / "again.xlsm", udf_module=UDF_MODULE)
    assert again.read_bytes() == built.read_bytes()


@pytest.mark.skipif(not REAL_UDFS, reason="klantanalyse.excel.udfs is not there yet")
def test_committed_workbook_is_exactly_what_the_command_builds(tmp_path, capsys):
    output = tmp_path / "x.xlsm"
    assert main(["workbook", "-o", str(output)]) == 0
    assert capsys.readouterr().out == f"Geschreven: {output}\n"
    assert COMMITTED.exists(), "commit the built klantanalyse.xlsm at the repository root"
    assert output.read_bytes() == COMMITTED.read_bytes()


def test_workbook_has_every_sheet_module_and_part(built):
    data = built.read_bytes()
    assert package.package_problems(data) == []
    book_code, code_names = package.code_names(data)
    assert book_code == "ThisWorkbook"
    assert list(code_names) == SHEETS
    assert list(modules_of(built)) == MODULES
    assert "customUI/customUI.xml" in zipfile.ZipFile(built).namelist()


def test_sheets_hold_start_text_demo_customers_settings_and_conf(built):
    wb = openpyxl.load_workbook(built)
    assert wb.sheetnames == SHEETS
    start = wb["Start"]
    assert start["A1"].value == "Klantanalyse"
    assert start["B2"].value == "Wat het doet"
    assert start["B20"].value == "Laatste analyse"
    column_b = [start.cell(r, 2).value for r in range(1, start.max_row + 1)]
    for label in ("Analyseer klanten", "Wis resultaten", "Voorbeelddata", "Windows", "macOS"):
        assert label in column_b
    setup = " ".join(str(start.cell(r, 3).value) for r in range(26, start.max_row + 1))
    assert "xlwings runpython install" in setup and "Blokkering opheffen" in setup
    assert "xlwings==0.37.8" in setup

    klanten = wb["Klanten"]
    assert list(klanten.tables) == ["tblKlanten"]
    assert klanten.max_row == 61  # 60 demo customers
    headers = [c.value for c in klanten[1]]
    inputs = ["Klant", "Omzet", "Potentie", "Marge", "Snelheid", "Innovatie", "Netwerk"]
    assert headers[:7] == inputs
    assert {"Score", "Segment", "Advies"} <= set(headers)
    [validation] = klanten.data_validations.dataValidation
    assert validation.formula1 == '"Ja,Nee"'
    assert str(validation.sqref) == "D2:D1048576 E2:E1048576 F2:F1048576 G2:G1048576"

    assert wb["Orders"].max_row > 1000
    assert len(wb["Matrix"]._charts) == 4  # grid chart; with orders: Pareto, pyramid, whale
    assert wb["Instellingen"]["A1"].value == "Instelling"

    conf = wb["xlwings.conf"]
    assert (conf["A1"].value, conf["B1"].value) == ("UDF MODULES", UDF_MODULE)
    assert conf["A2"].value is None  # xlwings reads keys only down to here
    assert "INTERPRETER_WIN" in conf["D2"].value


def test_udf_server_is_a_key_of_its_own_and_stays_on_a_rerun(tmp_path, capsys):
    out = tmp_path / "server.xlsm"
    assert main(["workbook", "--udf-server", "-o", str(out)]) == 0
    conf = openpyxl.load_workbook(out)["xlwings.conf"]
    keys = [(conf.cell(r, 1).value, conf.cell(r, 2).value) for r in range(1, 4)]
    assert keys == [("UDF MODULES", UDF_MODULE), ("USE UDF SERVER", "True"), (None, None)]
    assert "USE UDF SERVER" in conf["D5"].value  # the note says what it does
    again = tmp_path / "again.xlsm"
    analyse_file(out, again)
    conf = openpyxl.load_workbook(again)["xlwings.conf"]
    assert (conf["A2"].value, conf["B2"].value) == ("USE UDF SERVER", "True")


def test_an_odd_udf_server_value_is_left_out_with_a_warning(tmp_path, capsys):
    out = tmp_path / "server.xlsm"
    assert main(["workbook", "--udf-server", "-o", str(out)]) == 0
    book = openpyxl.load_workbook(out, keep_vba=True)
    book["xlwings.conf"]["B2"] = "cmd /c calc"
    book.save(out)
    report = analyse_file(out, tmp_path / "again.xlsm")
    conf = openpyxl.load_workbook(tmp_path / "again.xlsm")["xlwings.conf"]
    assert conf["A2"].value is None  # only UDF MODULES is left
    assert any("USE UDF SERVER = cmd /c calc" in w for w in report.warnings), report.warnings


def test_udf_server_is_refused_for_the_lite_workbook(tmp_path, capsys):
    out = tmp_path / "lite.xlsx"
    assert main(["workbook", "--lite", "--udf-server", "-o", str(out)]) == 1
    assert "--udf-server is voor de macrowerkmap" in capsys.readouterr().err
    assert not out.exists()


def test_build_with_a_client_file_prefills_its_customers(tmp_path):
    data = tmp_path / "klant.csv"
    data.write_text(
        "Klant;Omzet;Marge;Snelheid;Innovatie;Netwerk\n"
        "Janssen BV;120000;Ja;Ja;Nee;Ja\nPieters;8000;Nee;Nee;Nee;Ja\n",
        encoding="utf-8",
    )
    out = build(tmp_path / "klant.xlsm", data, udf_module=UDF_MODULE)
    klanten = openpyxl.load_workbook(out)["Klanten"]
    assert [klanten["A2"].value, klanten["A3"].value] == ["Janssen BV", "Pieters"]
    assert "Orders" not in openpyxl.load_workbook(out).sheetnames
    assert list(modules_of(out))[-1] == "xlwings_udfs"


def test_client_file_problems_use_the_analyse_messages(tmp_path):
    data = tmp_path / "klant.csv"
    data.write_text("Klant;Marge\nJanssen BV;Ja\n", encoding="utf-8")
    with pytest.raises(InputError) as built_error:
        build(tmp_path / "klant.xlsm", data, udf_module=UDF_MODULE)
    with pytest.raises(InputError) as analyse_error:
        analyse_file(data, tmp_path / "klant.xlsx")
    assert built_error.value.message == analyse_error.value.message
    assert not (tmp_path / "klant.xlsm").exists()


def test_output_must_be_an_xlsm(tmp_path, capsys):
    with pytest.raises(FileError, match="geen .xlsm-bestand"):
        build(tmp_path / "klantanalyse.xlsx", udf_module=UDF_MODULE)
    assert main(["workbook", "-o", str(tmp_path / "x.xlsx")]) == 2
    assert ".xlsm" in capsys.readouterr().err


def test_analyse_on_the_workbook_keeps_vba_project_ribbon_and_results(built, tmp_path):
    out = tmp_path / "out.xlsm"
    analyse_file(built, out)
    before, after = package.open_package(built.read_bytes()), package.open_package(out.read_bytes())
    assert after["xl/vbaProject.bin"] == before["xl/vbaProject.bin"]
    assert after["customUI/customUI.xml"] == before["customUI/customUI.xml"]
    assert package.package_problems(out.read_bytes()) == []
    assert package.code_names(out.read_bytes()) == package.code_names(built.read_bytes())
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == SHEETS
    headers = [c.value for c in wb["Klanten"][1]]
    assert headers.count("Segment") == 1
    assert wb["Klanten"].cell(2, headers.index("Segment") + 1).value in ("A", "B", "C")
    conf = wb["xlwings.conf"]
    assert (conf["A1"].value, conf["B1"].value) == ("UDF MODULES", UDF_MODULE)


# --- LibreOffice: an independent reader renders it and finds the macros --------------------


def convert(soffice: str, path: Path, fmt: str, out: Path) -> Path:
    profile = (out / "profile").as_uri()
    subprocess.run(
        [soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", fmt,
         "--outdir", str(out), str(path)],
        check=True, capture_output=True, timeout=300,
    )  # fmt: skip
    return out / f"{path.stem}.{fmt}"


def pdf_pages(pdf: Path) -> list[str]:
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    return text.split("\f")


def test_libreoffice_prints_a_short_report(built, tmp_path):
    """Printed, the workbook is a short report (at most 10 A4 pages): Start, Actielijst,
    the customer list, Prospects, the Matrix chart and portfolio, Verwantschap; the order
    lines, the settings, xlwings.conf and the chart data are not printed."""
    soffice = need_soffice()
    pdf = convert(soffice, built, "pdf", tmp_path)
    pages = [page for page in pdf_pages(pdf) if page.strip()]
    assert len(pages) <= 10
    first_page_of = {}
    for marker in (
        "Welke klanten verdienen uw tijd?",  # Start
        "Actielijst: wie vraagt deze periode aandacht",
        "Aannemersbedrijf Haverkamp",  # Klanten: the first demo customer
        "Installatiegroep Verbeek BV",  # Prospects
        "Samenvatting per segment",  # Matrix
        "Klantbehoud per jaar",  # the portfolio page
        "Verwantschap: wat uw beste klanten delen",
    ):
        hits = [i for i, page in enumerate(pages) if marker in page]
        assert hits, f"{marker!r} is on no page"
        first_page_of[marker] = hits[0]
    assert sorted(first_page_of.values()) == list(first_page_of.values())  # sheet order
    text = "\n".join(pages)
    for absent in ("Ordernummer", "2022-00001", "Segmentmatrix Hoog", "UDF MODULES"):
        assert absent not in text, absent
    matrix = pages[first_page_of["Samenvatting per segment"]]
    assert "Klanten op omzet en score" in matrix  # the chart's title
    # the 20 largest customers (revenue + potential, from the demo data) are named beside it
    demo = pd.read_csv(ROOT / "templates" / "demo" / "klanten.csv")
    largest = demo.assign(value=demo["Omzet"] + demo["Potentie"]).nlargest(20, "value")
    flat = " ".join(matrix.split())
    assert all(" ".join(name.split()) in flat for name in largest["Klant"])
    customers = [p for p in pages if "Omzetklasse" in p]  # the header repeats on every page
    assert len(customers) == 2 and all("Klant" in p and "Segment" in p for p in customers)
    for name, page in (("start", "Welke"), ("matrix", "Samenvatting per segment")):
        number = first_page_of["Welke klanten verdienen uw tijd?" if name == "start" else page]
        subprocess.run(
            ["pdftoppm", "-png", "-r", "60", "-f", str(number + 1), "-l", str(number + 1),
             str(pdf), str(tmp_path / name)],
            check=True,
        )  # fmt: skip
        assert list(tmp_path.glob(f"{name}*.png"))


def test_libreoffice_ods_export_holds_every_vba_module(built, tmp_path):
    soffice = need_soffice()
    ods = convert(soffice, built, "ods", tmp_path)
    names = zipfile.ZipFile(ods).namelist()
    folder = "Basic/VBAProject/"
    basic = {n[len(folder) : -len(".xml")] for n in names if n.startswith(folder)}
    assert set(MODULES) <= basic
