"""Worksheet functions =SEGMENT, =KLANTSCORE, =OMZETKLASSE, =GELIJKENIS on a fake Excel."""

from __future__ import annotations

import io
import os
import subprocess
import sys
import types
from pathlib import Path

import pytest

from excel_books import frame_rows, macro_book
from excel_data import customers, prospects, settings_rows
from fake_excel import FakeExcel
from klantanalyse import demo
from klantanalyse.core.analysis import analyse
from klantanalyse.core.settings import Settings
from klantanalyse.excel import actions, logfile, udfs
from klantanalyse.excel.book import customer_table

SMALL = [
    ["Klant", "Omzet", "Potentie", "Marge", "Snelheid", "Innovatie", "Netwerk"],
    ["Groot BV", 900_000, 0, "Ja", "Ja", "Ja", "Nee"],
    ["Middel", 60_000, 0, "Ja", "Nee", "Nee", "Nee"],
    ["Klein", 1_500, 0, "Nee", "Nee", "Nee", "Nee"],
    ["Kapot", "veel", 0, "Ja", "Ja", "Ja", "Ja"],
]


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock(monkeypatch):
    udfs.clear_cache()
    tick = Clock()
    monkeypatch.setattr(udfs, "clock", tick)
    yield tick
    udfs.clear_cache()


def book(monkeypatch, rows=SMALL, settings=None, prospect_rows=None, **kwargs) -> FakeExcel:
    sheets = {"Start": [], "Klanten": rows, "Instellingen": settings_rows(settings)}
    if prospect_rows is not None:
        sheets["Prospects"] = prospect_rows
    fake = FakeExcel(sheets, **kwargs)
    fake.install(monkeypatch)
    return fake


def reads(fake: FakeExcel, sheet: str) -> int:
    return sum(call == f"get Range[{sheet}].value" for call in fake.calls)


@pytest.fixture(autouse=True)
def private_log(monkeypatch, tmp_path):
    """Unexpected errors are logged in the test's own folder."""
    monkeypatch.setattr(logfile, "log_path", lambda: str(tmp_path / "klantanalyse.log"))


# ---- SEGMENT ------------------------------------------------------------------------


def test_segment_of_a_named_customer(monkeypatch, clock):
    book(monkeypatch)
    assert udfs.SEGMENT("Groot BV") == "A"
    assert udfs.SEGMENT("Klein") == "C"
    assert udfs.SEGMENT("  groot bv ") == "A"  # case and spaces do not matter


def test_segment_agrees_with_the_analysis_for_every_customer(monkeypatch, clock):
    rows = customers(60)
    book(monkeypatch, rows)
    results = analyse(customer_table(rows, "k.xlsm", "nl")[0].frame).results
    for name, segment in zip(results["customer"], results["segment"], strict=True):
        assert udfs.SEGMENT(name) == segment


def test_segment_agrees_with_the_segment_column_of_the_ribbon(monkeypatch, clock):
    """Orders count too: a blank Omzet is filled from the order history."""
    data = demo.generate()
    rows = frame_rows(data.customers)
    rows[1][1] = None  # Omzet left blank: the orders give it
    fake = macro_book(rows, frame_rows(data.orders))
    fake.install(monkeypatch)
    actions.analyse()
    header = fake.rows("Klanten")[0]
    column = header.index("Segment") + 1
    assert fake.cells["Klanten"][(2, column)] in ("A", "B", "C")
    for row in range(2, len(rows) + 1):
        name = fake.cells["Klanten"][(row, 1)]
        assert udfs.SEGMENT(name) == fake.cells["Klanten"][(row, column)]


def test_segment_of_a_table_row(monkeypatch, clock):
    book(monkeypatch)
    assert udfs.SEGMENT(list(SMALL[1])) == "A"  # the whole row A:G
    assert udfs.SEGMENT(["Klein", 1_500]) == "C"  # part of the row


def test_segment_texts_for_unknown_blank_and_invalid_rows(monkeypatch, clock):
    book(monkeypatch)
    assert udfs.SEGMENT("Niemand") == "onbekende klant"
    assert udfs.SEGMENT(["x", "y", 3]) == "onbekende klant"
    assert udfs.SEGMENT(None) == ""
    assert udfs.SEGMENT("Kapot") == "geen segment, zie Melding"


def test_segment_speaks_the_language_of_the_settings(monkeypatch, clock):
    book(monkeypatch, settings={"Taal": "EN"})
    assert udfs.SEGMENT("Nobody") == "unknown customer"


def test_segment_follows_the_segment_matrix(monkeypatch, clock):
    book(monkeypatch, settings={"Segmentmatrix Hoog (score 0-1-2-3-4)": "B B B B B"})
    assert udfs.SEGMENT("Groot BV") == "B"


def test_segment_without_a_klanten_sheet_says_which_sheet_is_missing(monkeypatch, clock):
    FakeExcel({"Instellingen": settings_rows()}).install(monkeypatch)
    assert "Klanten" in udfs.SEGMENT("Groot BV")


def test_segment_with_a_bad_setting_shows_the_setting_to_fix(monkeypatch, clock):
    book(monkeypatch, settings={"Kleur A": "groen"})
    text = udfs.SEGMENT("Groot BV")
    assert "Kleur A" in text and "groen" in text.lower()


def test_segment_with_a_table_without_revenue_column_names_it(monkeypatch, clock):
    book(monkeypatch, rows=[["Klant", "Marge"], ["Groot BV", "Ja"]])
    assert "Omzet" in udfs.SEGMENT("Groot BV")


def test_unexpected_error_gives_a_short_text_and_a_log(monkeypatch, clock, tmp_path):
    book(monkeypatch)
    log = tmp_path / "klantanalyse.log"
    monkeypatch.setattr(logfile, "log_path", lambda: str(log))

    def broken(*args, **kwargs):
        raise RuntimeError("stuk")

    monkeypatch.setattr(udfs.Lookup, "build", broken)
    text = udfs.SEGMENT("Groot BV")
    assert text == f"fout, zie {log}"
    assert "RuntimeError: stuk" in log.read_text(encoding="utf-8")


# ---- KLANTSCORE ---------------------------------------------------------------------


def test_klantscore_counts_yes_answers(monkeypatch, clock):
    book(monkeypatch)
    assert udfs.KLANTSCORE("Ja", "nee", "x", None) == 2
    assert udfs.KLANTSCORE(True, 1.0, "WAAR", "yes") == 4
    assert udfs.KLANTSCORE(None, None, None, None) == 0


def test_klantscore_accepts_one_four_cell_range(monkeypatch, clock):
    book(monkeypatch)
    assert udfs.KLANTSCORE(["Ja", "Ja", "Nee", "Ja"]) == 3
    assert udfs.KLANTSCORE([["Ja", "Ja"], ["Ja", None]]) == 3


def test_klantscore_bad_input(monkeypatch, clock):
    book(monkeypatch)
    assert udfs.KLANTSCORE("Ja", "misschien", None, None) == "geen Ja/Nee: misschien"
    assert udfs.KLANTSCORE(["Ja", "Ja", "Ja"]) == (
        "geef 4 antwoorden: marge; snelheid; innovatie; netwerk"
    )


# ---- OMZETKLASSE --------------------------------------------------------------------


def test_omzetklasse_with_amount_limits(monkeypatch, clock):
    book(
        monkeypatch,
        settings={
            "Omzetklasse-methode": "Bedrag",
            "Bedraggrens Hoog (€)": 50_000,
            "Bedraggrens Midden (€)": 10_000,
        },
    )
    assert udfs.OMZETKLASSE(75_000) == "Hoog"
    assert udfs.OMZETKLASSE("€ 12.500") == "Midden"
    assert udfs.OMZETKLASSE(9_999.99) == "Laag"


def test_omzetklasse_with_pareto_matches_the_customers_classes(monkeypatch, clock):
    rows = customers(80)
    book(monkeypatch, rows)
    results = analyse(customer_table(rows, "k.xlsm", "nl")[0].frame).shown()
    for value, word in zip(results["value"], results["revenue_class"], strict=True):
        assert udfs.OMZETKLASSE(value) == word
    assert udfs.OMZETKLASSE(0) == "Laag"
    assert udfs.OMZETKLASSE(10**9) == "Hoog"


def test_omzetklasse_bad_input(monkeypatch, clock):
    book(monkeypatch)
    assert udfs.OMZETKLASSE("abc") == "geen bedrag: abc"
    assert udfs.OMZETKLASSE(None) == ""


# ---- GELIJKENIS ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def demo_data():
    return demo.generate()


def demo_book(monkeypatch, data) -> FakeExcel:
    fake = macro_book(
        frame_rows(data.customers),
        frame_rows(data.orders),
        settings=Settings(reference_date=data.reference_date),
        prospects=frame_rows(data.prospects),
    )
    fake.install(monkeypatch)
    return fake


def test_gelijkenis_tells_the_look_alike_from_the_other(monkeypatch, clock, demo_data):
    demo_book(monkeypatch, demo_data)
    like_a = udfs.GELIJKENIS(demo.PROSPECT_LIKE_A)
    like_c = udfs.GELIJKENIS(demo.PROSPECT_LIKE_C)
    assert isinstance(like_a, int) and isinstance(like_c, int)
    assert like_a >= 80 and like_c <= 20
    assert udfs.GELIJKENIS(f"  {demo.PROSPECT_LIKE_A.upper()} ") == like_a


def test_gelijkenis_agrees_with_the_prospects_column_of_the_ribbon(monkeypatch, clock, demo_data):
    fake = demo_book(monkeypatch, demo_data)
    actions.analyse()
    rows = fake.rows("Prospects")
    column = rows[0].index("Gelijkenis")
    assert len(rows) == len(demo_data.prospects) + 1
    for row in rows[1:]:
        assert udfs.GELIJKENIS(row[0]) == row[column]


def test_gelijkenis_of_a_row(monkeypatch, clock, demo_data):
    fake = demo_book(monkeypatch, demo_data)
    rows = fake.rows("Prospects")
    like_a = next(row for row in rows if row[0] == demo.PROSPECT_LIKE_A)
    assert udfs.GELIJKENIS(like_a) == udfs.GELIJKENIS(demo.PROSPECT_LIKE_A)
    # a company not on the sheet, described in a row of the same shape: scored from its values
    twin = ["Nieuw Installatiebedrijf", *like_a[1:]]
    assert udfs.GELIJKENIS(twin) == udfs.GELIJKENIS(demo.PROSPECT_LIKE_A)
    like_c = next(row for row in rows if row[0] == demo.PROSPECT_LIKE_C)
    assert udfs.GELIJKENIS(["Nog een klusser", *like_c[1:]]) == udfs.GELIJKENIS(
        demo.PROSPECT_LIKE_C
    )
    assert udfs.GELIJKENIS(["Onbekend", "x"]) == "onbekende prospect"  # too short for a row


def test_gelijkenis_texts(monkeypatch, clock):
    rows = customers(60, traits=True)
    book(monkeypatch, rows, prospect_rows=prospects(4))
    assert udfs.GELIJKENIS("Niemand") == "onbekende prospect"
    assert udfs.GELIJKENIS(None) == ""
    assert isinstance(udfs.GELIJKENIS("Prospect 00001"), int)
    unseen = ["Nieuw", "Ruimtevaart", "Mars", "Onbekend", None]
    assert udfs.GELIJKENIS(unseen) == "geen kenmerk telt mee"


def test_gelijkenis_without_characteristics_says_there_is_no_profile(monkeypatch, clock):
    book(monkeypatch, customers(40), prospect_rows=prospects(3))
    assert udfs.GELIJKENIS("Prospect 00001") == "geen profiel, zie blad Verwantschap"
    assert udfs.SEGMENT("Klant 00001") in ("A", "B", "C")  # the rest works


def test_gelijkenis_without_a_prospects_sheet(monkeypatch, clock):
    book(monkeypatch, customers(40, traits=True), settings={"Taal": "EN"})
    assert udfs.GELIJKENIS("Prospect 00001") == "unknown prospect"


# ---- the cache ----------------------------------------------------------------------


def test_cells_recalculated_together_read_the_sheets_once(monkeypatch, clock):
    fake = book(monkeypatch, customers(200))
    for i in range(1, 201):
        udfs.SEGMENT(f"Klant {i:05d}")
        clock.now += 0.01
    assert reads(fake, "Klanten") == 1
    assert reads(fake, "Instellingen") == 1


def test_unchanged_sheets_are_read_again_but_not_analysed_again(monkeypatch, clock):
    fake = book(monkeypatch)
    udfs.SEGMENT("Groot BV")
    lookup = udfs.book_state(fake.book).lookup()
    clock.now += udfs.QUIET_SECONDS + 1
    assert udfs.SEGMENT("Groot BV") == "A"
    assert reads(fake, "Klanten") == 2
    assert udfs.book_state(fake.book).lookup() is lookup


def test_a_changed_customer_is_seen_after_a_pause(monkeypatch, clock):
    fake = book(monkeypatch)
    assert udfs.SEGMENT("Groot BV") == "A"
    fake.cells["Klanten"][(2, 2)] = 10.0  # Groot BV now has almost no revenue
    fake.cells["Klanten"][(4, 2)] = 5_000_000.0
    assert udfs.SEGMENT("Groot BV") == "A"  # same recalculation: cached
    clock.now += udfs.QUIET_SECONDS + 1
    assert udfs.SEGMENT("Groot BV") != "A"


def test_a_changed_setting_is_seen_after_a_pause(monkeypatch, clock):
    fake = book(monkeypatch)
    assert udfs.SEGMENT("Niemand") == "onbekende klant"
    fake.cells["Instellingen"][(2, 1)] = "Taal"
    fake.cells["Instellingen"][(2, 2)] = "EN"
    clock.now += udfs.QUIET_SECONDS + 1
    assert udfs.SEGMENT("Niemand") == "unknown customer"


def test_gelijkenis_cells_recalculated_together_read_the_sheets_once(monkeypatch, clock):
    fake = book(monkeypatch, customers(200, traits=True), prospect_rows=prospects(100))
    for i in range(1, 101):
        assert isinstance(udfs.GELIJKENIS(f"Prospect {i:05d}"), int)
        clock.now += 0.01
    for sheet in ("Klanten", "Instellingen", "Prospects"):
        assert reads(fake, sheet) == 1


def test_a_changed_prospect_is_scored_again_without_analysing_again(monkeypatch, clock):
    fake = book(monkeypatch, customers(200, traits=True), prospect_rows=prospects(5))
    before = udfs.GELIJKENIS("Prospect 00001")
    analysed = udfs.book_state(fake.book).analysed()
    other = udfs.GELIJKENIS("Prospect 00002")
    for column in range(2, 6):  # Prospect 00001 now looks exactly like Prospect 00002
        fake.cells["Prospects"][(2, column)] = fake.cells["Prospects"][(3, column)]
    assert udfs.GELIJKENIS("Prospect 00001") == before  # same recalculation: cached
    clock.now += udfs.QUIET_SECONDS + 1
    assert udfs.GELIJKENIS("Prospect 00001") == other
    assert udfs.book_state(fake.book).analysed() is analysed


def test_a_changed_customer_changes_the_profile(monkeypatch, clock):
    rows = customers(60, traits=True)
    fake = book(monkeypatch, rows, prospect_rows=prospects(3))
    assert isinstance(udfs.GELIJKENIS("Prospect 00001"), int)
    for row in range(2, 62):  # every customer now in one segment: nothing to compare
        fake.cells["Klanten"][(row, 2)] = 10.0
        for column in range(4, 8):
            fake.cells["Klanten"][(row, column)] = "Nee"
    clock.now += udfs.QUIET_SECONDS + 1
    assert udfs.GELIJKENIS("Prospect 00001") == "geen profiel, zie blad Verwantschap"


def test_each_workbook_has_its_own_cache(monkeypatch, clock):
    first = book(monkeypatch, fullname=r"C:\a\klanten.xlsm")
    assert udfs.SEGMENT("Groot BV") == "A"
    book(monkeypatch, rows=[["Klant", "Omzet"], ["Ander", 5]], fullname=r"C:\b\klanten.xlsm")
    assert udfs.SEGMENT("Groot BV") == "onbekende klant"
    first.install(monkeypatch)
    assert udfs.SEGMENT("Groot BV") == "A"
    assert reads(first, "Klanten") == 1


# ---- packaging ----------------------------------------------------------------------


def test_excel_generates_the_vba_wrappers_it_expects(monkeypatch):
    """With the Windows decorators, xlwings writes the wrappers the workbook ships."""
    stubs = {name: types.ModuleType(name) for name in ("pythoncom", "pywintypes")}
    stubs["pythoncom"].CoInitialize = lambda: None
    stubs["pywintypes"].com_error = Exception
    client = types.ModuleType("win32com.client")
    client.Dispatch = lambda *args: None
    stubs["win32com"] = types.ModuleType("win32com")
    stubs["win32com"].client = client
    stubs["win32com.client"] = client
    for name, module in stubs.items():
        monkeypatch.setitem(sys.modules, name, module)
    monkeypatch.delitem(sys.modules, "xlwings.udfs", raising=False)
    import importlib

    import xlwings as xw

    windows = importlib.import_module("xlwings.udfs")
    monkeypatch.setattr(xw, "func", windows.xlfunc)
    monkeypatch.setattr(xw, "arg", windows.xlarg)
    module = types.ModuleType("klantanalyse_udfs_windows")
    source = udfs.__loader__.get_source(udfs.__name__)
    module.__dict__["__package__"] = "klantanalyse.excel"
    exec(compile(source, udfs.__file__, "exec"), module.__dict__)
    out = io.StringIO()
    workbook = types.SimpleNamespace(Name="klantanalyse.xlsm")
    windows.generate_vba_wrapper("klantanalyse.excel.udfs", module, out, workbook)
    vba = out.getvalue()
    monkeypatch.delitem(sys.modules, "xlwings.udfs")
    assert "Function SEGMENT(klant)" in vba
    assert (
        "Function KLANTSCORE(marge, Optional snelheid, Optional innovatie, Optional netwerk)" in vba
    )
    assert "Function OMZETKLASSE(omzet)" in vba
    assert "Function GELIJKENIS(prospect)" in vba
    assert module.SEGMENT.__xlfunc__["ret"]["doc"].startswith("Segment (A, B of C)")


def test_importing_the_functions_loads_no_workbook_or_plotting_library():
    code = (
        "import sys; import klantanalyse.excel.udfs; "
        "heavy = [m for m in ('openpyxl', 'matplotlib', 'python_calamine', 'lxml') "
        "if m in sys.modules]; print(heavy)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "PYTHONPATH": str(Path(udfs.__file__).parents[2])},
    )
    assert out.stdout.strip() == "[]"
