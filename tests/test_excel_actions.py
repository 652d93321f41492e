"""Ribbon actions on a fake Excel: what they write, what they never touch, how often they
call xlwings, and what the user sees when something is wrong."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path, PureWindowsPath

import pytest

from excel_books import FIXED_TIME, frame_rows, macro_book, shown, snapshot
from excel_data import customers, orders, prospects
from fake_excel import FakeExcel, column_letter
from klantanalyse import demo
from klantanalyse.core import labels
from klantanalyse.core.settings import Settings
from klantanalyse.excel import actions, logfile, render
from klantanalyse.excel.book import (
    customer_table,
    order_table,
    prospect_table,
)
from klantanalyse.run import Tables
from klantanalyse.run import run as run_tables
from oracle_helpers import Case, find, right_of
from oracle_helpers import expected as oracle

TESTS = Path(__file__).resolve().parent


@pytest.fixture(autouse=True)
def fixed_clock(monkeypatch):
    monkeypatch.setattr(actions, "clock", lambda: FIXED_TIME)


@pytest.fixture(scope="module")
def demo_data():
    return demo.generate()


@pytest.fixture
def demo_book(monkeypatch, demo_data):
    fake = macro_book(
        frame_rows(demo_data.customers),
        frame_rows(demo_data.orders),
        prospects=frame_rows(demo_data.prospects),
    )
    fake.install(monkeypatch)
    return fake


def expected(rows, order_rows=None, settings=None, prospect_rows=None):
    """The analysis (with Verwantschap) the core gives for these Klanten (and Orders and
    Prospects) rows."""
    table, _ = customer_table(rows, "klantanalyse.xlsm", "nl")
    orders = prospect_list = None
    if order_rows is not None:
        orders, _ = order_table(order_rows, "klantanalyse.xlsm", "nl")
    if prospect_rows is not None:
        prospect_list, _ = prospect_table(prospect_rows, "klantanalyse.xlsm", "nl")
    tables = Tables(table, orders, prospect_list, source=PureWindowsPath("klantanalyse.xlsm"))
    return table, run_tables(tables, settings=settings or Settings()).analysis


def result_count(rows, order_rows=None):
    """How many result columns an analysis of these rows writes."""
    return len(expected(rows, order_rows)[1].result_keys)


def row_values(fake, sheet, row, first, last):
    return [fake.cells[sheet].get((row, c)) for c in range(first, last + 1)]


@pytest.fixture(autouse=True)
def private_log(monkeypatch, tmp_path):
    """Unexpected errors are logged in the test's own folder."""
    monkeypatch.setattr(logfile, "log_path", lambda: str(tmp_path / "klantanalyse.log"))


# ---- Analyseer klanten --------------------------------------------------------------


def test_analyse_writes_every_result_right_of_the_inputs(demo_book):
    inputs = demo_book.rows("Klanten")
    width = len(inputs[0])
    _, analysis = expected(inputs, demo_book.rows("Orders"), None, demo_book.rows("Prospects"))
    assert "orders_recent" in analysis.result_keys  # the order history is part of the run
    assert "similarity" in analysis.result_keys  # and Verwantschap
    actions.analyse()
    assert demo_book.alerts == []
    keys = analysis.result_keys
    last = width + len(keys)
    headers = [labels.header(key, "nl") for key in keys]
    assert row_values(demo_book, "Klanten", 1, width + 1, last) == headers
    # every customer's results on its own row, as the core decided them, in the words shown
    results = analysis.results
    assert results["customer"].tolist() == [row[0] for row in inputs[1:]]
    words = {key: labels.result_words(key, results[key].tolist(), "nl") for key in keys}
    for offset in range(len(results)):
        want = [shown(words[key][offset]) for key in keys]
        assert row_values(demo_book, "Klanten", offset + 2, width + 1, last) == want, offset
    assert demo_book.rows("Klanten")[0][:width] == inputs[0]
    assert len(demo_book.rows("Klanten")) == len(inputs)


def test_analyse_colours_segments_and_result_headers(demo_book):
    width = len(demo_book.rows("Klanten")[0])
    _, analysis = expected(demo_book.rows("Klanten"), demo_book.rows("Orders"))
    count = len(analysis.result_keys)
    actions.analyse()
    colours = Settings().colours
    segment_column = width + 3
    assert demo_book.value("Klanten", f"{column_letter(segment_column)}1") == "Segment"
    letters = set()
    for row in range(2, len(demo_book.rows("Klanten")) + 1):
        letter = demo_book.cells["Klanten"][(row, segment_column)]
        letters.add(letter)
        assert demo_book.fill("Klanten", (row, segment_column)) == colours[letter]
        assert demo_book.fill("Klanten", (row, segment_column - 1)) is None
    assert letters == {"A", "B", "C"}
    for column in range(width + 1, width + count + 1):
        assert demo_book.fill("Klanten", (1, column)) == "#1F3864"
        assert demo_book.fonts["Klanten"][(1, column)] == {"color": "#FFFFFF", "bold": True}
    assert demo_book.fill("Klanten", (1, width)) is None


def test_analyse_uses_the_colours_of_the_settings(monkeypatch):
    settings = Settings().replace(colours={"A": "#00FF00", "B": "#FFFF00", "C": "#FF0000"})
    fake = macro_book(customers(30), settings=settings)
    fake.install(monkeypatch)
    actions.analyse()
    segment_column = 9 + 3
    for row in range(2, 32):
        letter = fake.cells["Klanten"][(row, segment_column)]
        assert fake.fill("Klanten", (row, segment_column)) == settings.colours[letter]
    summary = [fake.fill("Matrix", (r, 2)) for r in (29, 30, 31)]  # the A, B, C rows at B29
    assert summary == ["#00FF00", "#FFFF00", "#FF0000"]


def test_analyse_stretches_the_table_over_inputs_and_results(demo_book):
    rows = len(demo_book.rows("Klanten"))
    width = len(demo_book.rows("Klanten")[0])
    _, analysis = expected(demo_book.rows("Klanten"), demo_book.rows("Orders"))
    count = len(analysis.result_keys)
    actions.analyse()
    assert demo_book.tables["Klanten"]["tblKlanten"] == (1, 1, rows, width + count)


def test_analyse_fills_the_status_on_start(demo_book, demo_data):
    """Start shows the time of the run and how many customers got a segment and how many
    rows a message, as the oracle counts them from the Klanten rows."""
    want = oracle(Case(demo_data.customers))
    actions.analyse()
    start = {cell: v for cell, v in demo_book.cells["Start"].items() if v is not None}
    (title,) = find(start, "Laatste analyse")
    (time,) = find(start, "Tijdstip")
    assert time[0] > title[0]
    assert right_of(start, *time) == FIXED_TIME
    (customers,) = find(start, "Klanten met segment")
    assert right_of(start, *customers) == len(want) == len(demo_data.customers)
    (problems,) = find(start, "Rijen met een melding")
    assert right_of(start, *problems) == 0
    (warnings,) = find(start, "Waarschuwingen")
    assert right_of(start, *warnings) == "-"


def test_the_number_of_xlwings_calls_does_not_grow_with_the_customers(monkeypatch):
    """With orders and prospects: results, portfolio page, Verwantschap, Prospects scores;
    and Wis resultaten after it."""
    calls, cleared = {}, {}
    for n in (20, 20_000):
        rows = customers(n, traits=True)
        fake = macro_book(rows, orders(rows), prospects=prospects(n))
        fake.install(monkeypatch)
        actions.analyse()
        assert fake.alerts == []
        assert fake.value("Verwantschap", "A5").startswith("A-klanten")  # a profile was made
        assert isinstance(fake.value("Prospects", "F2"), int)  # prospects were scored
        assert fake.value("Matrix", "I64") is not None  # the pyramid of the order history
        calls[n] = list(fake.calls)
        fake.reset_log()
        actions.clear()
        assert fake.alerts == [] and fake.value("Prospects", "F2") is None
        cleared[n] = list(fake.calls)
    assert len(calls[20]) == len(calls[20_000])
    assert calls[20] == calls[20_000]
    assert cleared[20] == cleared[20_000]


def test_input_cells_are_never_written(demo_book):
    inputs = demo_book.rows("Klanten")
    input_cells = {(r, c) for r in range(1, len(inputs) + 1) for c in range(1, len(inputs[0]) + 1)}
    prospect_inputs = demo_book.rows("Prospects")
    prospect_cells = {
        (r, c)
        for r in range(1, len(prospect_inputs) + 1)
        for c in range(1, len(prospect_inputs[0]) + 1)
    }
    actions.analyse()
    actions.analyse()
    assert not demo_book.written["Klanten"] & input_cells
    assert not demo_book.written["Prospects"] & prospect_cells
    assert demo_book.rows("Prospects")[1][: len(prospect_inputs[0])] == prospect_inputs[1]
    assert not demo_book.written["Orders"]
    assert not demo_book.written["Instellingen"]
    assert not demo_book.written["xlwings.conf"]
    assert demo_book.formulas == []


def test_a_rerun_gives_the_same_workbook(demo_book):
    actions.analyse()
    first = snapshot(demo_book)
    actions.analyse()
    assert snapshot(demo_book) == first


def test_text_from_data_stays_text(monkeypatch):
    rows = customers(5)
    rows[1][0] = "=1+1"
    rows[2][0] = "'s-Hertogenbosch Bouw"
    rows[3][0] = "00123"
    fake = macro_book(rows)
    fake.install(monkeypatch)
    actions.analyse()
    assert fake.formulas == []
    names = {fake.cells["Matrix"].get((r, 20)) for r in range(2, 7)}
    assert {"=1+1", "'s-Hertogenbosch Bouw", "00123"} <= names


def test_row_problems_go_to_melding_and_the_run_goes_on(monkeypatch):
    rows = customers(10)
    rows[3][1] = "heel veel"
    rows[5][0] = None
    fake = macro_book(rows)
    fake.install(monkeypatch)
    actions.analyse()
    assert fake.alerts == []
    message_column = 9 + result_count(rows)  # Melding is the last result column
    assert "heel veel" in fake.cells["Klanten"][(4, message_column)]
    assert "ontbreekt" in fake.cells["Klanten"][(6, message_column)]
    assert fake.cells["Klanten"].get((4, 9 + 3)) is None  # no segment for that row
    assert fake.value("Start", "C23") == 2


def test_fewer_customers_leave_no_old_results_behind(monkeypatch):
    fake = macro_book(customers(40))
    fake.install(monkeypatch)
    last = 9 + result_count(customers(40))
    actions.analyse()
    for r in range(22, 42):
        for c in range(1, 10):
            fake.cells["Klanten"].pop((r, c), None)
    actions.analyse()
    assert len(fake.rows("Klanten")) == 21
    assert fake.tables["Klanten"]["tblKlanten"] == (1, 1, 21, last)
    chart_rows = [r for (r, c) in fake.cells["Matrix"] if c == 20]
    assert max(chart_rows) <= 21


def test_a_new_input_column_after_the_results_moves_the_results(monkeypatch):
    fake = macro_book(customers(10))
    fake.install(monkeypatch)
    actions.analyse()
    last = 9 + result_count(customers(10))
    fake.cells["Klanten"][(1, last + 1)] = "Notitie"
    fake.cells["Klanten"][(2, last + 1)] = "Bellen in mei"
    actions.analyse()
    assert fake.cells["Klanten"][(1, last + 1)] == "Notitie"
    assert fake.cells["Klanten"][(2, last + 1)] == "Bellen in mei"
    assert fake.cells["Klanten"][(1, last + 2)] == "Score"
    old_block = [(r, c) for r in range(1, 12) for c in range(10, last + 1)]
    assert all(fake.cells["Klanten"].get(cell) is None for cell in old_block)
    assert all(fake.fill("Klanten", cell) is None for cell in old_block)


def test_results_in_english_are_recognised_on_a_dutch_rerun(monkeypatch):
    fake = macro_book(customers(10), settings=Settings(lang="en"))
    fake.install(monkeypatch)
    actions.analyse()
    assert fake.value("Klanten", "L1") == "Segment" and fake.value("Klanten", "K1") == (
        "Revenue class"
    )
    fake.cells["Instellingen"][(2, 2)] = "NL"
    actions.analyse()
    assert fake.value("Klanten", "K1") == "Omzetklasse"
    assert len(fake.rows("Klanten")[0]) == 9 + result_count(customers(10))


def test_a_table_lower_on_the_sheet_gets_its_results_on_its_own_rows(monkeypatch):
    rows = [[None] * 9, [None] * 9] + customers(6)  # rows 1-2 empty: header on row 3
    fake = macro_book(rows, with_table=False)
    fake.install(monkeypatch)
    actions.analyse()
    assert fake.alerts == []
    assert fake.value("Klanten", "J3") == "Score"
    assert fake.value("Klanten", "L2") is None
    letters = {fake.value("Klanten", f"L{r}") for r in range(4, 10)}
    assert letters <= {"A", "B", "C"} and None not in letters


# ---- problems reach the user as one sentence ----------------------------------------


def test_missing_customer_column_is_one_message_and_nothing_is_written(monkeypatch):
    fake = macro_book([["Naam van de klant", "Omzet"], ["Jansen", 100]])
    fake.install(monkeypatch)
    before = snapshot(fake)
    actions.analyse()
    assert len(fake.alerts) == 1
    prompt = fake.alerts[0]["prompt"]
    assert prompt.startswith("Klantanalyse kan niet verder: ")
    assert "Klanten" in prompt and "Klant" in prompt
    assert "Traceback" not in prompt
    assert snapshot(fake) == before
    assert fake.screen_updating is True and fake.status_bar is False


def test_missing_sheet_names_the_sheet(monkeypatch):
    fake = FakeExcel({"Start": [], "Instellingen": []})
    fake.install(monkeypatch)
    actions.analyse()
    assert fake.alerts[0]["prompt"] == (
        "Klantanalyse kan niet verder: het blad 'Klanten' ontbreekt in deze werkmap; voeg een "
        "blad met die naam toe of gebruik een nieuwe kopie van klantanalyse.xlsm."
    )


def test_a_bad_setting_names_the_setting(monkeypatch):
    fake = macro_book(customers(5))
    fake.cells["Instellingen"][(3, 2)] = "Soms"  # Omzetklasse-methode
    fake.install(monkeypatch)
    actions.analyse()
    prompt = fake.alerts[0]["prompt"]
    assert "Omzetklasse-methode" in prompt and "Soms" in prompt


def test_an_order_problem_names_the_orders_sheet_once(monkeypatch):
    rows = customers(5)
    fake = macro_book(rows, [["Klant", "Bedrag"], ["Klant 00001", 100]])
    fake.install(monkeypatch)
    actions.analyse()
    assert fake.alerts[0]["prompt"] == (
        "Klantanalyse kan niet verder: klantanalyse.xlsm, blad Orders: de kolom 'Datum' "
        "ontbreekt; zet een kop 'Datum' (of 'Date') boven de orders."
    )


def test_an_unexpected_error_says_where_the_log_is(monkeypatch, tmp_path):
    fake = macro_book(customers(5))
    fake.install(monkeypatch)
    log = tmp_path / "klantanalyse.log"
    monkeypatch.setattr(logfile, "log_path", lambda: str(log))

    def broken(*args, **kwargs):
        raise RuntimeError("kapot")

    monkeypatch.setattr(render, "render_sheet", broken)
    actions.analyse()
    prompt = fake.alerts[0]["prompt"]
    assert prompt.startswith("Er ging iets onverwachts mis (RuntimeError).")
    assert str(log) in prompt
    assert "RuntimeError: kapot" in log.read_text(encoding="utf-8")
    assert fake.alerts[0]["mode"] == "critical"
    assert fake.screen_updating is True and fake.status_bar is False


def test_without_a_calling_workbook_nothing_is_raised(monkeypatch, tmp_path):
    log = tmp_path / "klantanalyse.log"
    monkeypatch.setattr(logfile, "log_path", lambda: str(log))
    monkeypatch.delattr(actions.xw.Book, "_mock_caller", raising=False)
    actions.analyse()  # not called from Excel: logged, no exception
    assert "no calling workbook" in log.read_text(encoding="utf-8")


# ---- Wis resultaten -----------------------------------------------------------------


def test_clear_removes_exactly_what_analyse_wrote(demo_book):
    before = snapshot(demo_book)
    actions.analyse()
    assert snapshot(demo_book) != before
    actions.clear()
    after = snapshot(demo_book)
    for part in ("cells", "rules", "tables"):
        assert after[part] == before[part], part
    # the fixed blocks of Matrix, the status title on Start and the Actielijst's table header
    # keep their look (the macro workbook is built with it); the result columns and
    # Verwantschap lose theirs
    fixed = ("Matrix", "Start", "Actielijst")
    for part in ("fills", "fonts"):
        assert {k: v for k, v in after[part].items() if k not in fixed} == {
            k: v for k, v in before[part].items() if k not in fixed
        }, part
    assert {c: v for c, v in demo_book.fills["Klanten"].items() if v} == {}


def test_clear_on_a_workbook_without_results_changes_nothing(demo_book):
    before = snapshot(demo_book)
    actions.clear()
    assert snapshot(demo_book)["cells"] == before["cells"]
    assert demo_book.alerts == []


# ---- Voorbeelddata ------------------------------------------------------------------


def test_demo_data_fills_an_empty_workbook_without_asking(monkeypatch, demo_data):
    fake = macro_book([["Klant", "Omzet"]])
    del fake.cells["Matrix"]  # only what the action needs
    fake.cells["Matrix"] = {}
    fake.install(monkeypatch)
    actions.load_demo()
    assert fake.alerts == []
    assert fake.rows("Klanten") == frame_rows(demo_data.customers)
    assert len(fake.rows("Orders")) == len(demo_data.orders) + 1
    assert fake.rows("Orders")[0] == list(demo_data.orders.columns)
    assert fake.rows("Prospects") == frame_rows(demo_data.prospects)
    assert demo.PROSPECT_LIKE_A in [row[0] for row in fake.rows("Prospects")]
    assert fake.tables["Klanten"]["tblKlanten"] == (1, 1, 61, 18)
    assert fake.activated == ["Klanten"]


def test_demo_data_asks_before_replacing_customers(monkeypatch):
    fake = macro_book(customers(5), answers=["no"])
    fake.install(monkeypatch)
    before = snapshot(fake)
    actions.load_demo()
    assert fake.alerts[0]["buttons"] == "yes_no"
    assert "voorbeelddata" in fake.alerts[0]["prompt"]
    assert snapshot(fake) == before


def test_demo_data_replaces_customers_and_their_results(monkeypatch, demo_data):
    fake = macro_book(customers(100, traits=True), answers=["yes"], prospects=prospects(30))
    fake.install(monkeypatch)
    actions.analyse()
    assert fake.value("Prospects", "F1") == "Gelijkenis"
    actions.load_demo()
    assert fake.rows("Klanten") == frame_rows(demo_data.customers)
    assert fake.rules["Klanten"] == []
    assert not any(fake.fills["Klanten"].values())
    assert fake.rows("Prospects") == frame_rows(demo_data.prospects)  # no old scores left
    assert fake.rules["Prospects"] == []
    assert fake.tables["Prospects"]["tblProspects"] == (1, 1, len(demo_data.prospects) + 1, 5)
    actions.analyse()
    assert fake.value("Klanten", "S1") == "Score"
    assert fake.value("Prospects", "F1") == "Gelijkenis"


def test_demo_data_asks_before_replacing_prospects(monkeypatch):
    fake = macro_book([["Klant", "Omzet"]], prospects=prospects(3), answers=["no"])
    fake.install(monkeypatch)
    before = snapshot(fake)
    actions.load_demo()
    assert fake.alerts[0]["prompt"] == (
        "Het blad Prospects bevat al gegevens. Wilt u die vervangen door de voorbeelddata?"
    )
    assert snapshot(fake) == before


# ---- Instellingen / Help ------------------------------------------------------------


def test_settings_and_help_go_to_their_sheet(demo_book):
    actions.show_settings()
    actions.show_help()
    assert demo_book.activated == ["Instellingen", "Start"]
    assert not demo_book.written["Instellingen"]


def test_an_empty_settings_sheet_gets_the_defaults(monkeypatch):
    fake = macro_book(customers(3))
    fake.cells["Instellingen"].clear()
    fake.install(monkeypatch)
    actions.show_settings()
    rows = fake.rows("Instellingen")
    assert rows[0] == ["Instelling", "Waarde", "Uitleg"]
    assert [row[0] for row in rows[1:]] == [label for label, _, _ in Settings().to_rows()]
    assert all(row[2] for row in rows[1:])  # every setting explained
    read, warnings = Settings.from_rows([(row[0], row[1]) for row in rows[1:]])
    assert warnings == [] and read == Settings()


# ---- start-up cost ------------------------------------------------------------------


def test_a_ribbon_click_loads_no_workbook_or_plotting_library():
    code = (
        "import sys\n"
        "from excel_data import customers\n"
        "from excel_books import macro_book\n"
        "fake = macro_book(customers(20)); fake.install()\n"
        "before = set(sys.modules)\n"
        "import klantanalyse.excel.actions as k\n"
        "k.analyse(); assert not fake.alerts, fake.alerts\n"
        "heavy = ('openpyxl', 'matplotlib', 'python_calamine', 'lxml', 'klantanalyse.demo')\n"
        "print(sorted(m for m in set(sys.modules) - before if m.split('.')[0] in heavy\n"
        "             or m == 'klantanalyse.demo'))\n"
    )
    root = TESTS.parent / "python"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(root), str(TESTS)])}
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True
    )
    assert out.stdout.strip() == "[]"


# ---- Actielijst ---------------------------------------------------------------------


def _action_rows(fake) -> dict[str, object]:
    """Klant -> Gedaan of the Actielijst table on the fake (header on row 4)."""
    cells = fake.cells["Actielijst"]
    header = {cells.get((4, c)): c for c in range(1, 20)}
    name, done = header["Klant"], header["Gedaan"]
    bottom = max(r for r, _ in cells)
    return {
        cells[(r, name)]: cells.get((r, done))
        for r in range(5, bottom + 1)
        if cells.get((r, name)) is not None
    }


def test_a_tick_in_gedaan_survives_analyse_and_clear(demo_book):
    actions.analyse()
    listed = _action_rows(demo_book)
    assert demo.CASE_ATTENTION in listed and demo.CASE_POTENTIAL in listed
    cells = demo_book.cells["Actielijst"]
    done = next(c for c in range(1, 20) if cells.get((4, c)) == "Gedaan")
    row = next(r for r in range(5, 60) if cells.get((r, 2)) == demo.CASE_POTENTIAL)
    cells[(row, done)] = "gebeld"
    actions.analyse()
    assert _action_rows(demo_book)[demo.CASE_POTENTIAL] == "gebeld"
    actions.clear()  # the owner's tick stays, with the name beside it; the rest goes
    assert _action_rows(demo_book) == {demo.CASE_POTENTIAL: "gebeld"}
    actions.analyse()
    after = _action_rows(demo_book)
    assert after[demo.CASE_POTENTIAL] == "gebeld"
    assert [k for k, v in after.items() if v is not None] == [demo.CASE_POTENTIAL]
