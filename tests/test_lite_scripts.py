"""The Lite workbook's scripts (Analyseer klanten, Wis resultaten, Voorbeelddata) on a
stand-in of the xlwings Lite Book: what `klantanalyse analyse` writes, in a fixed number of
calls, the same on a rerun, cleared without a trace, and one sentence for a problem."""

from __future__ import annotations

import datetime as dt

import openpyxl
import pytest

from excel_data import customers, orders, prospects
from klantanalyse.core.settings import Settings
from klantanalyse.lite import functions, render, scripts
from klantanalyse.pipeline import analyse_file
from klantanalyse.plan.names import (
    ACTIONS,
    AFFINITY,
    CUSTOMERS,
    MATRIX,
    ORDERS,
    PROSPECTS,
    SETTINGS,
    START,
)
from klantanalyse.workbook.lite import build
from lite_standin import book_from_file, lite_book

FIXED_TIME = dt.datetime(2026, 10, 31, 9, 30)
MESSAGE = "C18"  # the sentence of a script, right of "Melding" in Start!B18
SHEETS = (ACTIONS, CUSTOMERS, ORDERS, PROSPECTS, MATRIX, AFFINITY, SETTINGS)


@pytest.fixture(autouse=True)
def fixed_clock(monkeypatch):
    monkeypatch.setattr(scripts, "clock", lambda: FIXED_TIME)
    shown: list[str] = []
    monkeypatch.setattr(scripts, "show", shown.append)
    functions.forget()
    scripts._confirming.clear()
    return shown


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    return build(tmp_path_factory.mktemp("lite") / "klantanalyse-lite.xlsx")


def _same(value: object) -> object:
    """Compare numbers as numbers (a file stores 140 and 140.0 alike)."""
    if isinstance(value, bool):
        return value
    if isinstance(value, (int, float)):
        return round(float(value), 9)
    return value


def _grid(sheet) -> dict[tuple[int, int], object]:
    return {
        (cell.row, cell.column): _same(cell.value)
        for row in sheet.iter_rows()
        for cell in row
        if cell.value is not None
    }


def _cells(book, sheet: str) -> dict[tuple[int, int], object]:
    return {cell: _same(v) for cell, v in book.cells[sheet].items()}


def snapshot(book) -> dict:
    """Everything a user could see: values, fills, fonts, formats, colour rules, tables."""
    return {
        "cells": {name: dict(cells) for name, cells in book.cells.items()},
        "fills": {name: {k: v for k, v in c.items() if v} for name, c in book.fills.items()},
        "fonts": {name: dict(c) for name, c in book.fonts.items()},
        "formats": {name: dict(c) for name, c in book.number_formats.items()},
        "rules": {
            name: [{**rule, "cells": frozenset(rule["cells"])} for rule in rules]
            for name, rules in book.rules.items()
        },
        "tables": {name: dict(t) for name, t in book.tables.items()},
    }


# ---- the same as the command line ------------------------------------------------------


def test_analyse_shows_what_the_command_line_writes(built, tmp_path, fixed_clock):
    """Every sheet holds, cell by cell, the values `klantanalyse analyse` writes for the
    same workbook; Start holds its text and the status of this run."""
    book = book_from_file(built)
    done = "Klaar: 60 klanten met een segment, 0 rijen met een melding."
    assert scripts.analyse(book.book) == done
    assert fixed_clock == [done]
    analyse_file(built, tmp_path / "uit.xlsx")
    written = openpyxl.load_workbook(tmp_path / "uit.xlsx")
    assert written.sheetnames == list(SHEETS)
    for name in SHEETS:
        assert _cells(book, name) == _grid(written[name]), name
    start = _grid(openpyxl.load_workbook(built)[START])
    start[(21, 3)] = FIXED_TIME  # Tijdstip: the time of this run
    assert _cells(book, START) == start
    assert book.value(START, MESSAGE) is None


def test_analyse_gives_the_file_the_build_wrote(built):
    """The build analyses with the same plan: the scripts write what the file holds."""
    book = book_from_file(built)
    scripts.analyse(book.book)
    source = openpyxl.load_workbook(built)
    for name in SHEETS:
        assert _cells(book, name) == _grid(source[name]), name


def test_results_are_formatted_and_coloured_as_in_the_file(built):
    book = book_from_file(built)
    scripts.analyse(book.book)
    header = {name: c for c, name in enumerate(book.rows(CUSTOMERS)[0], start=1)}
    segment = header["Segment"]
    colours = Settings().colours  # the workbook's Instellingen are the defaults
    for row in range(2, 62):
        letter = book.cells[CUSTOMERS][(row, segment)]
        assert book.fill(CUSTOMERS, (row, segment)) == colours[letter]
    assert book.number_formats[CUSTOMERS][(2, header["Laatste order"])] == "dd-mm-yyyy"
    assert book.fill(CUSTOMERS, (1, segment)) == "#1F3864"
    assert book.width_in_characters(CUSTOMERS, header["Reden signaal"]) == 36
    assert book.tables[CUSTOMERS]["tblKlanten"] == (1, 1, 61, len(header))
    # Lite sets widths in points: 36 characters of 7 pixels and 5 of margin
    assert book.widths[CUSTOMERS][header["Reden signaal"]] == render.points(36) == 192.75


# ---- a fixed number of calls ---------------------------------------------------------------


@pytest.mark.slow
def test_the_number_of_calls_does_not_grow_with_the_customers():
    """With orders and prospects: Analyseer klanten, then Wis resultaten."""
    calls, cleared = {}, {}
    for n in (20, 20_000):
        rows = customers(n, traits=True)
        book = lite_book(rows, orders(rows), prospects(n))
        scripts.analyse(book.book)
        assert book.value(START, MESSAGE) is None
        assert book.value(AFFINITY, "A5").startswith("A-klanten")
        assert isinstance(book.value(PROSPECTS, "F2"), int)
        assert book.value(MATRIX, "I64") is not None
        calls[n] = list(book.calls)
        book.reset_log()
        scripts.clear(book.book)
        assert book.value(PROSPECTS, "F2") is None
        cleared[n] = list(book.calls)
    assert len(calls[20]) < 600
    assert calls[20] == calls[20_000]
    assert cleared[20] == cleared[20_000]


# ---- rerun, clear, demo data ----------------------------------------------------------------


def test_a_second_run_changes_nothing(built):
    book = book_from_file(built)
    scripts.analyse(book.book)
    first = snapshot(book)
    scripts.analyse(book.book)
    assert snapshot(book) == first


def test_clear_restores_the_workbook_before_the_run():
    rows = customers(40, traits=True)
    book = lite_book(rows, orders(rows), prospects(6))
    before = snapshot(book)
    scripts.analyse(book.book)
    assert book.value(CUSTOMERS, "N1") == "Score"  # right of the 13 inputs
    assert scripts.clear(book.book) == "Klaar: de resultaten zijn gewist."
    after = snapshot(book)
    # the run added the Actielijst; the clear leaves its header (nothing was ticked Gedaan)
    actions = after["cells"].pop(ACTIONS)
    assert actions and {row for row, _ in actions} == {4}, actions
    assert "Klant" in actions.values() and "Gedaan" in actions.values()
    after["tables"].pop(ACTIONS, None)
    after["rules"].pop(ACTIONS, None)
    for key in ("cells", "rules", "tables"):
        assert after[key] == before[key], key
    for name in (CUSTOMERS, PROSPECTS, AFFINITY):  # Matrix keeps its summary's styles
        assert after["fills"][name] == before["fills"][name], name
    assert functions.last() is None


def test_clear_on_the_built_workbook_leaves_the_inputs(built):
    book = book_from_file(built)
    inputs = {name: book.rows(name) for name in (ORDERS, SETTINGS)}
    first_row = book.rows(CUSTOMERS)[1][:18]
    scripts.clear(book.book)
    assert {name: book.rows(name) for name in inputs} == inputs
    rows = book.rows(CUSTOMERS)
    assert rows[1] == first_row and len(rows[0]) == 18  # only the inputs are left
    assert book.rows(AFFINITY) == [] and book.value(START, "C22") is None


def test_demo_data_asks_for_a_second_click(built):
    book = book_from_file(built)
    scripts.analyse(book.book)
    before = snapshot(book)["cells"][CUSTOMERS]
    question = scripts.load_demo(book.book)
    assert question.startswith("Het blad Klanten bevat al gegevens. Klik nogmaals op Voorbeelddata")
    assert book.value(START, MESSAGE) == question and book.value(START, "B18") == "Melding"
    assert book.cells[CUSTOMERS] == before
    assert book.activated[-1] == START
    scripts.analyse(book.book)  # another button: the question is forgotten
    assert book.value(START, MESSAGE) is None
    assert scripts.load_demo(book.book) == question
    done = scripts.load_demo(book.book)
    assert done == "Klaar: de voorbeelddata staan op de bladen Klanten, Orders en Prospects."
    assert book.value(START, MESSAGE) is None
    assert len(book.rows(CUSTOMERS)) == 61 and len(book.rows(CUSTOMERS)[0]) == 18
    assert len(book.rows(ORDERS)) == 6381
    assert book.activated[-1] == CUSTOMERS


def test_demo_data_on_an_empty_workbook_needs_one_click():
    book = lite_book([["Klant", "Omzet"]])
    assert scripts.load_demo(book.book).startswith("Klaar")
    assert book.value(CUSTOMERS, "A2") is not None and book.value(PROSPECTS, "A2") is not None


# ---- problems: one sentence, on Start and in the pane -----------------------------------


def test_a_missing_column_is_one_sentence_and_nothing_changes(fixed_clock):
    rows = customers(10)
    rows[0][1] = "Bedragen"
    book = lite_book(rows)
    before = snapshot(book)["cells"]
    message = scripts.analyse(book.book)
    assert message == (
        "Klantanalyse kan niet verder: klantanalyse-lite.xlsx, blad Klanten: de kolom "
        "'Omzet' ontbreekt (koppen gezien: Klant, Bedragen, Potentie, Marge, Snelheid, "
        "Innovatie, Netwerk, Brutomarge %, ... (9 in totaal)); zet een kop 'Omzet' "
        "(of 'Revenue') boven de gegevens."
    )
    assert fixed_clock == [message]
    assert book.value(START, MESSAGE) == message
    after = snapshot(book)["cells"]
    assert {k: v for k, v in after.items() if k != START} == {
        k: v for k, v in before.items() if k != START
    }
    assert book.activated == [START]
    assert scripts.analyse(book.book).startswith("Klantanalyse kan niet verder")
    rows[0][1] = "Omzet"
    book.cells[CUSTOMERS][(1, 2)] = "Omzet"
    assert scripts.analyse(book.book).startswith("Klaar")
    assert book.value(START, MESSAGE) is None  # the old sentence is gone


def test_a_bad_setting_names_the_setting():
    book = lite_book(customers(10))
    settings = book.rows(SETTINGS)
    row = next(r for r, v in enumerate(settings, 1) if v[0] == "Omzetklasse-methode")
    book.cells[SETTINGS][(row, 2)] = "Soms"
    message = scripts.analyse(book.book)
    assert "Omzetklasse-methode" in message and "Soms" in message and "Pareto" in message
    assert "Traceback" not in message and "\n" not in message


def test_a_missing_sheet_says_which():
    book = lite_book(customers(5))
    book.order.remove(CUSTOMERS)
    message = scripts.analyse(book.book)
    assert message == (
        "Klantanalyse kan niet verder: het blad 'Klanten' ontbreekt in deze werkmap; voeg een "
        "blad met die naam toe of gebruik een nieuwe kopie van klantanalyse-lite.xlsx."
    )


def test_an_unexpected_error_is_a_sentence_not_a_traceback(monkeypatch, fixed_clock):
    book = lite_book(customers(5))

    def broken(*args, **kwargs):
        raise ZeroDivisionError("deep inside")

    monkeypatch.setattr("klantanalyse.run.run", broken)
    message = scripts.analyse(book.book)
    assert message.startswith("Er ging iets onverwachts mis (ZeroDivisionError); ")
    assert "deep inside" not in message and "Traceback" not in message
    assert book.value(START, MESSAGE) == message and fixed_clock == [message]


def test_text_from_data_stays_text():
    rows = customers(6)
    rows[1][0] = "=1+1"
    book = lite_book(rows)
    scripts.analyse(book.book)
    assert book.formulas == []
    assert book.value(CUSTOMERS, "A2") == "=1+1"


def test_the_scripts_never_touch_what_lite_lacks():
    """No App (message boxes, status bar, screen updating) and no Book.caller()."""
    book = lite_book(customers(8), prospects=prospects(3))
    for script in (scripts.analyse, scripts.clear, scripts.load_demo, scripts.load_demo):
        assert not script(book.book).startswith(("Er ging", "Klantanalyse kan niet"))
    assert not any(call.startswith(("get App", "set App", "call App")) for call in book.calls)
    assert not any("Book.app" in call or "caller" in call for call in book.calls)
