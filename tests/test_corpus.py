"""Workbooks saved by Excel itself, with charts, VBA, tables, merged cells and more: the
command line reads every one without a crash, and either says clearly that there is no
customer table or analyses the one it finds."""

from __future__ import annotations

import hashlib
import shutil
import warnings
from pathlib import Path

import openpyxl
import pytest

from conftest import SHARED
from klantanalyse.cli import main

LOCAL = Path(__file__).resolve().parent / "data" / "corpus"
CORPUS = SHARED / "corpus" / "excel-made"
NO_TABLE = (
    "Fout: {file} heeft geen klantentabel (bladen: {sheets}); zet de klanten op een blad "
    "'Klanten' onder een kop 'Klant' in de eerste 10 rijen."
)
EMPTY = (
    "Fout: {file} bevat geen gegevens (alle bladen zijn leeg); vul de klanten in op een blad "
    "'Klanten' onder een kop 'Klant'."
)
# a workbook with one sheet of data: that sheet's own sentence, naming the headers it has
NO_HEADER = (
    "Fout: {file}, blad {sheet} heeft in de eerste 10 rijen geen kop 'Klant'{seen}; zet de "
    "klantnamen onder een kop 'Klant' (of 'Customer')."
)


def local_files() -> list[Path]:
    return sorted(p for p in LOCAL.iterdir() if p.suffix in (".xlsx", ".xlsm"))


def shared_files() -> list[Path]:
    if not CORPUS.is_dir():
        pytest.skip("the shared corpus (../shared/corpus/excel-made) is not here")
    files = sorted(p for p in CORPUS.iterdir() if p.suffix in (".xlsx", ".xlsm"))
    assert files, "the shared corpus folder is empty"
    return files


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def sheet_names(path: Path) -> list[str]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return openpyxl.load_workbook(path, read_only=True).sheetnames


def with_customers(src: Path, folder: Path) -> Path:
    """A copy of `src` with a Klanten sheet in front, saved by openpyxl (VBA kept)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        book = openpyxl.load_workbook(src, keep_vba=src.suffix == ".xlsm")
    ws = book.create_sheet("Klanten", 0)
    ws.append(["Klant", "Omzet", "Marge", "Snelheid", "Innovatie", "Netwerk"])
    ws.append(["Groothandel Noord", 400_000, "Ja", "Ja", "Ja", "Nee"])
    ws.append(["@Thuis BV", 20_000, "Nee", "Ja", "Nee", "Nee"])
    ws.append(["Atelier Zuid", 5_000, "Nee", "Nee", "Nee", "Nee"])
    out = folder / f"klanten-{src.name}"
    book.save(out)
    return out


ERROR_VALUES = {"#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A"}


def sheet_texts(path: Path) -> dict[str, list[list[object]]]:
    """The worksheets that hold a value (chart sheets hold none, an error cell is no value):
    their first 10 rows."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        book = openpyxl.load_workbook(path, read_only=True)
    found = {}
    for ws in book.worksheets:
        rows = [list(r) for r in ws.iter_rows(values_only=True)]
        if any(
            v is not None and str(v).strip() not in ERROR_VALUES | {""} for r in rows for v in r
        ):
            found[ws.title] = rows[:10]
    return found


def seen_part(rows: list[list[object]]) -> str:
    """' (koppen gezien: A, B)' for the row with the most texts ('' without any text)."""
    counts = [sum(isinstance(v, str) and bool(v.strip()) for v in r) for r in rows]
    if not counts or max(counts) == 0:
        return ""
    row = rows[counts.index(max(counts))]
    names = [str(v).strip() for v in row if v is not None and str(v).strip()]
    shown = ", ".join(names[:8]) + (f", ... ({len(names)} in totaal)" if len(names) > 8 else "")
    return f" (koppen gezien: {shown})"


def check_no_table(capsys, src: Path, tmp_path: Path, may_be_empty: bool = False) -> None:
    before = digest(src)
    out_path = tmp_path / "uit.xlsx"
    code, out, err = run(capsys, "analyse", str(src), "-o", str(out_path))
    filled = sheet_texts(src)
    if may_be_empty and not filled:  # some files hold only a button or a macro
        assert (code, out, err.strip()) == (2, "", EMPTY.format(file=src.name))
    elif len(filled) == 1:  # input to fix: exit code 1
        ((sheet, rows),) = filled.items()
        want = NO_HEADER.format(file=src.name, sheet=sheet, seen=seen_part(rows))
        assert (code, out, err.strip()) == (1, "", want)
    else:
        want = NO_TABLE.format(file=src.name, sheets=", ".join(sheet_names(src)))
        assert (code, out, err.strip()) == (1, "", want)
    assert digest(src) == before
    assert not out_path.exists()


def check_analyses(capsys, src: Path, tmp_path: Path) -> None:
    before = digest(src)
    out_path = tmp_path / "uit.xlsx"
    code, out, err = run(capsys, "analyse", str(src), "-o", str(out_path))
    assert code == 0, err
    assert out.splitlines()[1] == "3 klanten met een segment: A 1, B 0, C 2."
    assert digest(src) == before
    rows = list(openpyxl.load_workbook(out_path)["Klanten"].iter_rows(values_only=True))
    header = rows[0]
    segment = header.index("Segment")
    assert {r[0]: r[segment] for r in rows[1:]} == {
        "Groothandel Noord": "A",
        "@Thuis BV": "C",
        "Atelier Zuid": "C",
    }


@pytest.mark.parametrize("name", [p.name for p in local_files()])
def test_excel_made_file_without_customers_gets_the_no_table_sentence(capsys, tmp_path, name):
    check_no_table(capsys, LOCAL / name, tmp_path)


def test_local_corpus_messages_name_every_sheet(capsys, tmp_path):
    check_no_table(capsys, LOCAL / "table02.xlsx", tmp_path)
    assert sheet_names(LOCAL / "table02.xlsx") == ["Sheet1", "Sheet2"]
    assert sheet_names(LOCAL / "chartsheet01.xlsx") == ["Sheet1", "Chart1"]


@pytest.mark.parametrize("name", [p.name for p in local_files()])
def test_excel_made_file_with_a_customer_sheet_analyses(capsys, tmp_path, name):
    check_analyses(capsys, with_customers(LOCAL / name, tmp_path), tmp_path)


def test_whole_shared_corpus_never_crashes(capsys, tmp_path):
    for src in shared_files():
        folder = tmp_path / src.stem
        folder.mkdir()
        copy = folder / src.name
        shutil.copy(src, copy)
        check_no_table(capsys, copy, folder, may_be_empty=True)
        check_analyses(capsys, with_customers(copy, folder), folder)
