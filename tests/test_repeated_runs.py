"""Running the analysis again and again on its own output changes nothing the user owns:
the VBA project, the ribbon, the inputs and the Instellingen stay identical, and the file
does not grow."""

from __future__ import annotations

import datetime as dt
import shutil
import warnings
from pathlib import Path

import openpyxl
from python_calamine import CalamineWorkbook

from klantanalyse.core import labels
from klantanalyse.ooxml import package
from klantanalyse.pipeline import analyse_file

ROOT = Path(__file__).resolve().parent.parent
NOW = dt.datetime(2025, 3, 1, 9, 30)
RUNS = 10


def sheet(path: Path, name: str) -> list[list[object]]:
    return CalamineWorkbook.from_path(str(path)).get_sheet_by_name(name).to_python()


def inputs(path: Path) -> list[list[object]]:
    """The Klanten table up to the first result column (Score)."""
    rows = sheet(path, "Klanten")
    width = rows[0].index("Score") if "Score" in rows[0] else len(rows[0])
    return [row[:width] for row in rows]


def settings_of(path: Path) -> list[list[object]]:
    return [row[:2] for row in sheet(path, "Instellingen")]


def run_chain(first: Path, suffix: str) -> list[Path]:
    outputs = [first]
    for i in range(1, RUNS + 1):
        out = first.with_name(f"run{i}{suffix}")
        report = analyse_file(outputs[-1], out, now=NOW)
        assert [w for w in report.warnings if "niet overgenomen" in w] == []
        outputs.append(out)
    return outputs


def test_ten_runs_on_the_macro_workbook_keep_everything(tmp_path):
    first = tmp_path / "run0.xlsm"
    shutil.copy(ROOT / "klantanalyse.xlsm", first)
    # the user's own choices on Instellingen, saved as Excel would (macros kept)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        book = openpyxl.load_workbook(first, keep_vba=True)
    ws = book["Instellingen"]
    advice_a = labels.setting_label("advice_a", "nl")
    row = next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == advice_a)
    ws.cell(row, 2).value = "Elke maand langs, koffie mee."
    book.save(first)
    # the first run adds results; from then on every run is the same
    outputs = run_chain(first, ".xlsm")
    parts = [package.open_package(p.read_bytes()) for p in outputs]
    for path, found in zip(outputs[1:], parts[1:]):
        assert found["xl/vbaProject.bin"] == parts[0]["xl/vbaProject.bin"], path.name
        assert found["customUI/customUI.xml"] == parts[0]["customUI/customUI.xml"], path.name
        assert package.package_problems(path.read_bytes()) == [], path.name
        assert inputs(path) == inputs(first), path.name
        assert settings_of(path) == settings_of(first), path.name
        assert set(found) == set(parts[1]), path.name  # no part appears or disappears
    assert dict(settings_of(outputs[-1]))[advice_a] == "Elke maand langs, koffie mee."
    assert_no_growth([p.stat().st_size for p in outputs])
    # the same bytes in every part from the second run on (the run time is fixed); only the
    # document properties record when the file was saved
    same = [{k: v for k, v in found.items() if k != "docProps/core.xml"} for found in parts]
    assert all(found == same[2] for found in same[3:])


def assert_no_growth(sizes: list[int]) -> None:
    """Sizes after the first run stay within a few bytes of each other (zip compression of
    the save time varies by a byte or two); a leak would add to every run."""
    assert max(sizes[1:]) - min(sizes[1:]) <= 16, sizes
    assert sizes[-1] <= sizes[1] + 16, sizes


def test_ten_runs_on_an_xlsx_output_keep_inputs_and_settings(tmp_path):
    src = tmp_path / "klanten.csv"
    src.write_text(
        "Klant;Omzet;Marge;Snelheid;Innovatie;Netwerk\n"
        "Bakkerij De Hoek;120000;Ja;Ja;Nee;Ja\n"
        "=1+1;45000;Nee;Ja;Nee;Nee\n"
        "Café Noël;8000;Nee;Nee;Nee;Nee\n",
        encoding="utf-8",
    )
    first = tmp_path / "run0.xlsx"
    analyse_file(src, first, now=NOW)
    outputs = run_chain(first, ".xlsx")
    for path in outputs[1:]:
        assert inputs(path) == inputs(first), path.name
        assert settings_of(path) == settings_of(first), path.name
        assert sheet(path, "Klanten") == sheet(first, "Klanten"), path.name
    assert_no_growth([p.stat().st_size for p in outputs])
