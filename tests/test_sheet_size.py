"""Inputs that do not fit on an Excel sheet are refused with one sentence (exit 1) instead
of a workbook Excel cannot open: past column XFD (16,384 columns, inputs and results
together) or past row 1,048,576 (1,048,575 customers below the header)."""

from __future__ import annotations

import csv
import re
import zipfile
from pathlib import Path

import openpyxl
import pytest
from openpyxl import Workbook

from klantanalyse import pipeline
from klantanalyse.cli import main
from klantanalyse.errors import InputError
from klantanalyse.files import limits

ROOT = Path(__file__).resolve().parent.parent
DEMO = ROOT / "templates" / "demo"
EXCEL_COLUMNS = 16_384  # A..XFD
EXCEL_ROWS = 1_048_576


def run(capsys, *args: object) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def widened_demo(path: Path, width: int) -> Path:
    """The demo customers with empty columns K0, K1, ... up to `width` columns."""
    with (DEMO / "klanten.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    extra = width - len(rows[0])
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(rows[0] + [f"K{i}" for i in range(extra)])
        writer.writerows(row + [""] * extra for row in rows[1:])
    return path


@pytest.fixture(scope="module")
def demo_result_columns(tmp_path_factory) -> int:
    """How many result columns an analysis of the demo customers adds (a normal run)."""
    folder = tmp_path_factory.mktemp("demo")
    out = folder / "demo.xlsx"
    assert main(["analyse", str(DEMO / "klanten.csv"), "-o", str(out)]) == 0
    inputs = len(next(csv.reader((DEMO / "klanten.csv").open(encoding="utf-8"))))
    sheet = openpyxl.load_workbook(out, read_only=True)["Klanten"]
    return len(next(sheet.iter_rows(max_row=1, values_only=True))) - inputs


def no_analysis(monkeypatch, module=pipeline):
    def refuse(*_args, **_kw):
        raise AssertionError("the analysis ran")

    monkeypatch.setattr(module, "run", refuse)


def columns_sentence(place: str, inputs: str, results: str) -> str:
    return (
        f"Fout: {place} heeft {inputs} kolommen; met de {results} kolommen van de analyse erbij "
        "zijn dat er meer dan de 16.384 (tot kolom XFD) die één blad in Excel heeft; laat "
        "overbodige kolommen weg.\n"
    )


def test_too_wide_for_any_analysis_is_refused_before_it_runs(tmp_path, capsys, monkeypatch):
    src = widened_demo(tmp_path / "breed.csv", EXCEL_COLUMNS - 4)  # + 5 base results
    no_analysis(monkeypatch)
    code, out, err = run(capsys, "analyse", src, "-o", tmp_path / "uit.xlsx")
    assert (code, out) == (1, "")
    assert err == columns_sentence("breed.csv", "16.380", "5")
    assert not (tmp_path / "uit.xlsx").exists()


def test_a_header_past_xfd_in_a_workbook_is_refused(tmp_path, capsys, monkeypatch):
    book = Workbook()
    sheet = book.active
    sheet.title = "Klanten"
    sheet.append(["Klant", "Omzet"])
    for i in range(5):
        sheet.append([f"K{i}", 100 * i + 5])
    sheet.cell(1, EXCEL_COLUMNS + 1, "XFE")
    book.save(tmp_path / "xfe.xlsx")
    no_analysis(monkeypatch)
    code, _, err = run(capsys, "analyse", tmp_path / "xfe.xlsx", "-o", tmp_path / "uit.xlsx")
    # no Excel file has a cell past XFD: the file is refused as damaged before it is read
    assert code == 2
    assert "xfe.xlsx, blad Klanten: de celverwijzing 'XFE1' bestaat niet in Excel" in err


def test_the_actual_result_columns_count(tmp_path, capsys, demo_result_columns):
    """Wide enough only with all the results of this analysis: refused before writing."""
    width = EXCEL_COLUMNS - demo_result_columns + 1
    assert width + 5 <= EXCEL_COLUMNS  # the early check cannot know
    src = widened_demo(tmp_path / "breed.csv", width)
    code, _, err = run(capsys, "analyse", src, "-o", tmp_path / "uit.xlsx")
    assert code == 1
    assert err == columns_sentence(
        "breed.csv", f"{width // 1000}.{width % 1000:03d}", str(demo_result_columns)
    )
    assert not (tmp_path / "uit.xlsx").exists()


def test_exactly_as_wide_as_a_sheet_is_written(tmp_path, capsys, demo_result_columns):
    src = widened_demo(tmp_path / "breed.csv", EXCEL_COLUMNS - demo_result_columns)
    code, _, err = run(capsys, "analyse", src, "-o", tmp_path / "uit.xlsx")
    assert code == 0, err
    with zipfile.ZipFile(tmp_path / "uit.xlsx") as package:
        tables = [package.read(n).decode() for n in package.namelist() if "tables/table" in n]
    [table] = [t for t in tables if 'name="tblKlanten"' in t]
    assert re.search(r'<table [^>]*\bref="A1:XFD61"', table)


def test_more_customers_than_rows_is_refused_before_the_analysis(tmp_path, capsys, monkeypatch):
    src = tmp_path / "lang.csv"
    with src.open("w", encoding="utf-8") as handle:
        handle.write("Klant;Omzet\n")
        handle.writelines(f"K{i};{i % 977}\n" for i in range(EXCEL_ROWS))  # one too many
    no_analysis(monkeypatch)
    code, out, err = run(capsys, "analyse", src, "-o", tmp_path / "uit.xlsx", "--lang", "en")
    assert (code, out) == (1, "")
    assert err == (
        "Error: lang.csv: 1,048,576 customers do not fit on one Excel sheet, which holds at "
        "most 1,048,575 rows below the header; divide them over more files.\n"
    )


def test_the_limits_themselves():
    limits.check_sheet_size("k.csv", EXCEL_ROWS - 1, EXCEL_COLUMNS - 5, 5, "limit.customers", "nl")
    with pytest.raises(InputError, match="1.048.576 klanten"):
        limits.check_sheet_size("k.csv", EXCEL_ROWS, 2, 5, "limit.customers", "nl")
    with pytest.raises(InputError, match="16.380 kolommen"):
        limits.check_sheet_size("k.csv", 10, EXCEL_COLUMNS - 4, 5, "limit.customers", "nl")


def test_customers_added_from_the_orders_count_too(tmp_path, capsys, monkeypatch):
    """Ten customers fit (a lowered limit), the orders add three more: refused before the
    workbook is written."""
    monkeypatch.setattr(limits, "MAX_ROWS", 11)
    customers = tmp_path / "k.csv"
    customers.write_text(
        "Klant;Omzet\n" + "".join(f"K{i};{1000 + i}\n" for i in range(10)), encoding="utf-8"
    )
    orders = tmp_path / "o.csv"
    lines = [f"K{i % 13};2024-0{1 + i % 9}-15;{100 + i}" for i in range(60)]
    orders.write_text("Klant;Datum;Bedrag\n" + "\n".join(lines) + "\n", encoding="utf-8")
    code, _, err = run(capsys, "analyse", customers, "--orders", orders, "-o", tmp_path / "u.xlsx")
    assert code == 1
    assert err == (
        "Fout: k.csv: 13 klanten passen niet op één blad in Excel, dat onder de kop hoogstens "
        "10 rijen heeft; verdeel ze over meer bestanden.\n"
    )
    assert not (tmp_path / "u.xlsx").exists()


def test_the_workbook_command_refuses_too_wide_data(tmp_path, capsys, monkeypatch):
    from klantanalyse.workbook import build

    src = widened_demo(tmp_path / "breed.csv", EXCEL_COLUMNS - 4)
    no_analysis(monkeypatch, build)
    code, _, err = run(capsys, "workbook", "--data", src, "-o", tmp_path / "k.xlsm")
    assert code == 1
    assert err == columns_sentence("breed.csv", "16.380", "5")
    assert not (tmp_path / "k.xlsm").exists()
