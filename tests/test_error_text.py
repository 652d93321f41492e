"""Text that looks like an Excel error ('#N/A', '#REF!') stays text in every output cell.

Written as an error cell (t="e") it would differ from its table column name, and the next
run would read it as an error, not as the customer's name.
"""

from __future__ import annotations

import csv
import re
import zipfile
from pathlib import Path

import openpyxl
from python_calamine import CalamineWorkbook

from klantanalyse.cli import main

ROOT = Path(__file__).resolve().parent.parent
DEMO = ROOT / "templates" / "demo"

# Excel's error values (openpyxl writes these seven as errors), one it shows while data
# loads, and variants that are no error value at all
ERROR_LIKE = [
    "#N/A", "#REF!", "#DIV/0!", "#NULL!", "#NAME?", "#NUM!", "#VALUE!", "#GETTING_DATA",
    "#n/a", " #N/A", "#N/A ", "#ref!",
]  # fmt: skip


def _rows(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.reader(handle))


def _write(path: Path, rows: list[list[str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows)
    return path


def inputs(tmp_path: Path) -> tuple[Path, Path]:
    """The demo customers and prospects with error-like names, a header '#REF!' and the
    sector Woningbouw renamed '#N/A' (a characteristic: it shows on Verwantschap)."""
    customers = _rows(DEMO / "klanten.csv")
    header = customers[0]
    header[header.index("Aantal medewerkers")] = "#REF!"
    sector = header.index("Sector")
    for i, row in enumerate(customers[1:]):
        if i < len(ERROR_LIKE):
            row[0] = ERROR_LIKE[i]
        row[sector] = "#N/A" if row[sector] == "Woningbouw" else row[sector]
    prospects = _rows(DEMO / "prospects.csv")
    for i, row in enumerate(prospects[1:]):
        row[0] = ERROR_LIKE[-1 - i] if i < 3 else row[0]
        row[1] = "#N/A" if row[1] == "Woningbouw" else row[1]
    return _write(tmp_path / "klanten.csv", customers), _write(tmp_path / "p.csv", prospects)


def analyse(capsys, *args: Path) -> None:
    assert main(["analyse", *map(str, args)]) == 0, capsys.readouterr().err
    capsys.readouterr()


def error_cells(path: Path) -> dict[str, list[str]]:
    """Per worksheet part, the references of its error cells."""
    found = {}
    with zipfile.ZipFile(path) as package:
        for name in package.namelist():
            if name.startswith("xl/worksheets/sheet"):
                xml = package.read(name).decode()
                cells = re.findall(r'<c r="([A-Z]+\d+)"[^>]*\bt="e"', xml)
                if cells:
                    found[name] = cells
    return found


def test_error_like_text_is_written_as_text_and_read_back(tmp_path, capsys):
    customers, prospects = inputs(tmp_path)
    first = tmp_path / "eerste.xlsx"
    analyse(capsys, customers, "--prospects", prospects, "-o", first)
    assert error_cells(first) == {}
    book = openpyxl.load_workbook(first)
    sheet = book["Klanten"]
    header = [c.value for c in sheet[1]]
    assert "#REF!" in header
    names = [sheet.cell(r, 1).value for r in range(2, 2 + len(ERROR_LIKE))]
    assert names == ERROR_LIKE
    table = sheet.tables["tblKlanten"]
    assert [c.name for c in table.tableColumns] == header
    prospect_names = {row[0].value for row in book["Prospects"].iter_rows(min_row=2)}
    assert set(ERROR_LIKE[-3:]) <= prospect_names
    affinity = [c.value for row in book["Verwantschap"].iter_rows() for c in row]
    assert "#N/A" in affinity  # the sector value on a profile line
    calamine = CalamineWorkbook.from_path(str(first)).get_sheet_by_name("Klanten").to_python()
    assert [row[0] for row in calamine[1 : 1 + len(ERROR_LIKE)]] == ERROR_LIKE

    again = tmp_path / "tweede.xlsx"  # the output read as input: the names are still there
    analyse(capsys, first, "-o", again)
    assert error_cells(again) == {}
    sheet = openpyxl.load_workbook(again)["Klanten"]
    assert [sheet.cell(r, 1).value for r in range(2, 2 + len(ERROR_LIKE))] == ERROR_LIKE
    assert "#REF!" in [c.value for c in sheet[1]]
