"""A file named .xlsm is always a macro-enabled workbook: Excel refuses a plain workbook
under that name ("the file format or file extension is not valid"). Any input that brings
no VBA project of its own (a CSV, an .xlsx, an .xlsm without one) written to an .xlsm
becomes our macro workbook: our VBA project and ribbon, Start and xlwings.conf."""

from __future__ import annotations

import re
import shutil
import zipfile
from pathlib import Path

import openpyxl
import pytest

from klantanalyse.cli import main

ROOT = Path(__file__).resolve().parent.parent
CUSTOMERS = ROOT / "templates" / "demo" / "klanten.csv"
MACRO_TYPE = "application/vnd.ms-excel.sheet.macroEnabled.main+xml"


def workbook_type(path: Path) -> str:
    with zipfile.ZipFile(path) as package:
        types = package.read("[Content_Types].xml").decode()
        names = package.namelist()
    found = re.search(r'PartName="/xl/workbook.xml" ContentType="([^"]+)"', types)
    assert "xl/vbaProject.bin" in names and "customUI/customUI.xml" in names
    return found.group(1)


def xlsx_input(tmp_path: Path) -> Path:
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = "Klanten"
    ws.append(["Klant", "Omzet"])
    ws.append(["Jansen", 5000])
    ws.append(["Pietersen", 70])
    path = tmp_path / "klanten.xlsx"
    book.save(path)
    return path


def xlsm_without_project(tmp_path: Path) -> Path:
    path = tmp_path / "zonder.xlsm"
    shutil.copy(xlsx_input(tmp_path), path)  # an .xlsm name, no VBA inside
    return path


@pytest.mark.parametrize("make", [lambda p: CUSTOMERS, xlsx_input, xlsm_without_project])
@pytest.mark.parametrize("suffix", [".xlsm", ".XLSM"])
def test_an_xlsm_output_is_a_macro_workbook(tmp_path, capsys, make, suffix):
    src = make(tmp_path)
    out = tmp_path / f"uit{suffix}"
    assert main(["analyse", str(src), "-o", str(out)]) == 0
    capsys.readouterr()
    assert workbook_type(out) == MACRO_TYPE
    book = openpyxl.load_workbook(out, keep_vba=True)
    assert book.sheetnames[0] == "Start" and "xlwings.conf" in book.sheetnames
    assert book["Klanten"]["A2"].value in ("Jansen", "Aannemersbedrijf Haverkamp")
