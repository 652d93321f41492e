"""Reading ahead (the command line reads the input's first sheets while the analysis is
loaded): the same book, the same notes and the same refusals as reading it afterwards, and
no pandas before the sheets are parsed."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import openpyxl
import pytest

from conftest import ROOT
from klantanalyse.errors import FileError
from klantanalyse.files.ahead import read_ahead
from klantanalyse.files.read import read_input

DEMO = ROOT / "templates" / "demo"


def nothing() -> None:
    return None


def customers_and_orders(path: Path, protect: str | None = None, first: str = "Klanten") -> Path:
    book = openpyxl.Workbook()
    customers = book.active
    customers.title = first
    customers.append(["Klant", "Omzet", "Marge"])
    for i in range(1, 41):
        customers.append([f"Klant {i:02d}", 1000 * i, "ja" if i % 3 else "nee"])
    orders = book.create_sheet("Orders")
    orders.append(["Klant", "Datum", "Bedrag"])
    for i in range(1, 41):
        orders.append([f"Klant {i:02d}", f"2024-0{1 + i % 9}-1{i % 10}", 10.5 * i])
    settings = book.create_sheet("Instellingen")
    settings.append(["Taal", "nl"])
    if protect is not None:
        book[protect].protection.sheet = True
    book.save(path)
    return path


def same_book(path: Path, lang: str = "nl") -> None:
    """The book read after reading ahead is the book read without it."""
    plain = read_input(path, lang)
    ahead = read_ahead(path, lang, meanwhile=nothing)
    assert ahead.take(path, lang) is not None  # it was read ahead
    ahead = read_ahead(path, lang, meanwhile=nothing)
    book = read_input(path, lang, ahead)
    assert book.customers.frame.equals(plain.customers.frame)
    assert book.customers.sheet == plain.customers.sheet
    if plain.orders is None:
        assert book.orders is None
    else:
        assert book.orders.frame.equals(plain.orders.frame)
    assert book.settings_rows == plain.settings_rows
    assert book.warnings == plain.warnings
    assert book.data == plain.data


@pytest.mark.parametrize("protect", [None, "Klanten", "Orders", "Instellingen"])
def test_a_workbook_read_ahead_is_the_same_book(tmp_path, protect):
    same_book(customers_and_orders(tmp_path / "klanten.xlsx", protect))


def test_a_protected_sheet_is_noted_once(tmp_path):
    path = customers_and_orders(tmp_path / "klanten.xlsx", protect="Orders")
    book = read_input(path, "nl", read_ahead(path, "nl", meanwhile=nothing))
    notes = [w for w in book.warnings if "Orders" in w and "beveiligd" in w]
    assert len(notes) == 1, book.warnings


def test_a_customer_sheet_by_another_name(tmp_path):
    same_book(customers_and_orders(tmp_path / "export.xlsx", first="Blad1"))


def test_a_csv_read_ahead_is_the_same_book():
    same_book(DEMO / "klanten.csv")
    same_book(DEMO / "orders.csv", "en")


def broken_orders(path: Path) -> Path:
    """A workbook whose Orders sheet is not XML (its customer sheet is fine)."""
    good = customers_and_orders(path.with_name("good.xlsx"))
    with zipfile.ZipFile(good) as source, zipfile.ZipFile(path, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet2.xml":
                data = b"<worksheet><sheetData><row r='1'><c r='A1'"
            target.writestr(item, data)
    return path


def refusal(path: Path, lang: str, ahead: bool) -> str:
    with pytest.raises(FileError) as caught:
        if ahead:
            read_input(path, lang, read_ahead(path, lang, meanwhile=nothing))
        else:
            read_input(path, lang)
    return str(caught.value)


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_refusals_are_the_same(tmp_path, lang):
    cases = [
        broken_orders(tmp_path / "kapot.xlsx"),
        tmp_path / "missing.xlsx",
        tmp_path / "klanten.txt",
        tmp_path,  # a folder
    ]
    (tmp_path / "klanten.txt").write_text("Klant\nA\n")
    for path in cases:
        expected = refusal(path, lang, ahead=False)
        assert refusal(path, lang, ahead=True) == expected
        assert path.name in expected


def test_another_input_is_read_by_the_reader(tmp_path):
    first = customers_and_orders(tmp_path / "a.xlsx")
    second = customers_and_orders(tmp_path / "b.xlsx", first="Blad1")
    ahead = read_ahead(first, "nl", meanwhile=nothing)
    assert ahead.take(second, "nl") is None
    assert ahead.take(first, "en") is None  # messages in another language: read again
    book = read_input(second, "nl", ahead)
    assert book.customers.sheet == "Blad1"
    assert ahead.take(first, "nl") is not None
    assert ahead.take(first, "nl") is None  # once


def test_what_the_loading_raises_is_raised(tmp_path):
    path = customers_and_orders(tmp_path / "klanten.xlsx")

    def broken() -> None:
        raise ImportError("no such module")

    with pytest.raises(ImportError, match="no such module"):
        read_ahead(path, "nl", meanwhile=broken)


def test_the_loading_runs_in_another_thread_while_the_sheets_are_read(tmp_path):
    import threading

    path = customers_and_orders(tmp_path / "klanten.xlsx")
    seen: list[bool] = []
    main = threading.get_ident()
    read_ahead(path, "nl", meanwhile=lambda: seen.append(threading.get_ident() != main))
    assert seen == [True]


PROBE = """
import sys
from klantanalyse.files.ahead import read_ahead
state = {}
def meanwhile():
    state["pandas when loading began"] = "pandas" in sys.modules
ahead = read_ahead(sys.argv[1], "nl", meanwhile)
shot, sheets = ahead.take(__import__("pathlib").Path(sys.argv[1]), "nl")
print(state["pandas when loading began"], "pandas" in sys.modules, "openpyxl" in sys.modules)
print(sorted(sheets._rows))
"""


def test_no_pandas_before_the_first_sheets_are_parsed(tmp_path):
    path = customers_and_orders(tmp_path / "klanten.xlsx")
    env = {**os.environ, "PYTHONPATH": str(ROOT / "python")}
    done = subprocess.run(
        [sys.executable, "-c", PROBE, str(path)],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    loaded, sheets = done.stdout.splitlines()
    assert loaded == "False False False"
    assert sheets == "['Klanten']"  # the customer sheet; the reader reads the rest


def test_the_command_line_reads_ahead(tmp_path, monkeypatch):
    from klantanalyse import cli
    from klantanalyse.files import ahead as module

    path = customers_and_orders(tmp_path / "klanten.xlsx")
    taken: list[bool] = []
    take = module.ReadAhead.take

    def watched(self, *args):
        found = take(self, *args)
        taken.append(found is not None)
        return found

    monkeypatch.setattr(module.ReadAhead, "take", watched)
    out = tmp_path / "uit.xlsx"
    assert cli.main(["analyse", str(path), "-o", str(out)]) == 0
    assert taken == [True]
    names = [row[0] for row in openpyxl.load_workbook(out)["Klanten"].iter_rows(values_only=True)]
    assert names[1:] == [f"Klant {i:02d}" for i in range(1, 41)]


def test_the_rows_read_ahead_are_let_go_with_the_reader(tmp_path):
    import gc
    import weakref

    path = customers_and_orders(tmp_path / "klanten.xlsx")
    ahead = read_ahead(path, "nl", meanwhile=nothing)
    sheets = weakref.ref(ahead.sheets)
    book = read_input(path, "nl", ahead)
    gc.collect()
    assert sheets() is None  # the read-ahead keeps no rows for the rest of the run
    assert len(book.customers.frame) == 40
