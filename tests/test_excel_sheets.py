"""What the ribbon writes beyond the A/B/C columns, on a fake Excel: the Prospects scores,
the Verwantschap sheet, the portfolio page of Matrix and the result formats. They must show
what `klantanalyse analyse` writes for the same input."""

from __future__ import annotations

import datetime as dt
from pathlib import PureWindowsPath

import openpyxl
import pytest

from excel_books import FIXED_TIME, frame_rows, macro_book, shown, snapshot
from excel_data import customers, orders, prospects
from fake_excel import column_letter
from klantanalyse import demo
from klantanalyse.core.settings import Settings
from klantanalyse.excel import actions, logfile
from klantanalyse.excel.book import (
    customer_table,
    order_table,
    prospect_table,
)
from klantanalyse.pipeline import analyse_file
from klantanalyse.plan import names
from klantanalyse.plan.affinity import AFFINITY_LINE_KEYS
from klantanalyse.plan.matrix import BLOCK_SIZES, CHART_DATA_AT, PARETO_AT
from klantanalyse.run import Tables
from klantanalyse.run import run as run_tables

BOOK = "klantanalyse.xlsm"


@pytest.fixture(scope="module")
def demo_data():
    return demo.generate()


@pytest.fixture(scope="module")
def settings(demo_data):
    """The macro workbook's settings: the demo's own reference date."""
    return Settings(reference_date=demo_data.reference_date)


def demo_book(data, settings, **kwargs):
    return macro_book(
        frame_rows(data.customers),
        frame_rows(data.orders),
        settings=settings,
        prospects=frame_rows(data.prospects),
        **kwargs,
    )


@pytest.fixture(scope="module")
def analysed(demo_data, settings, tmp_path_factory):
    """The demo workbook after one click on Analyseer klanten (shared: tests only read it)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(actions, "clock", lambda: FIXED_TIME)
        log = tmp_path_factory.mktemp("log") / "klantanalyse.log"
        patch.setattr(logfile, "log_path", lambda: str(log))
        fake = demo_book(demo_data, settings)
        fake.install(patch)
        actions.analyse()
    assert fake.alerts == []
    return fake


@pytest.fixture(autouse=True)
def fixed_clock(monkeypatch, tmp_path):
    monkeypatch.setattr(actions, "clock", lambda: FIXED_TIME)
    monkeypatch.setattr(logfile, "log_path", lambda: str(tmp_path / "klantanalyse.log"))


def run(data_settings, customer_rows, order_rows, prospect_rows):
    """(analysis, view) the core gives for these sheets, as the ribbon computes them."""
    table, _ = customer_table(customer_rows, BOOK, data_settings.lang)
    order_list = prospect_list = None
    if order_rows is not None:
        order_list, _ = order_table(order_rows, BOOK, data_settings.lang)
    if prospect_rows is not None:
        prospect_list, _ = prospect_table(prospect_rows, BOOK, data_settings.lang)
    done = run_tables(
        Tables(table, order_list, prospect_list, source=PureWindowsPath(BOOK)),
        settings=data_settings,
    )
    return done.analysis, done.affinity


def header_columns(fake, sheet):
    return {name: c for c, name in enumerate(fake.rows(sheet)[0], start=1) if name}


# ---- the same as the command line -------------------------------------------------------


def _grid(sheet) -> dict[tuple[int, int], object]:
    return {
        (cell.row, cell.column): cell.value
        for row in sheet.iter_rows()
        for cell in row
        if cell.value is not None
    }


def _same(value: object) -> object:
    """Compare numbers as numbers (a file stores 140 and 140.0 alike)."""
    if isinstance(value, bool):
        return value
    if isinstance(value, (int, float)):
        return round(float(value), 9)
    return value


def test_the_ribbon_shows_what_the_command_line_writes(analysed, demo_data, tmp_path):
    """Klanten, Prospects, Verwantschap and every block of Matrix hold the same values as
    the workbook `klantanalyse analyse` writes from the same sheets."""
    source = openpyxl.Workbook()
    source.remove(source.active)
    inputs = {
        names.CUSTOMERS: frame_rows(demo_data.customers),
        names.ORDERS: frame_rows(demo_data.orders),
        names.PROSPECTS: frame_rows(demo_data.prospects),
        names.SETTINGS: analysed.rows(names.SETTINGS),
    }
    for name, rows in inputs.items():
        sheet = source.create_sheet(name)
        for row in rows:
            sheet.append(row)
    source.save(tmp_path / "klanten.xlsx")
    analyse_file(tmp_path / "klanten.xlsx", tmp_path / "uit.xlsx")
    written = openpyxl.load_workbook(tmp_path / "uit.xlsx")
    for name in (names.CUSTOMERS, names.PROSPECTS, names.AFFINITY, names.MATRIX):
        ours = {cell: _same(v) for cell, v in analysed.cells[name].items()}
        theirs = {cell: _same(v) for cell, v in _grid(written[name]).items()}
        assert ours == theirs, name


# ---- Prospects ----------------------------------------------------------------------------


def test_prospects_get_their_similarity_right_of_their_inputs(analysed, demo_data, settings):
    prospect_rows = frame_rows(demo_data.prospects)
    width = len(prospect_rows[0])
    rows = analysed.rows(names.PROSPECTS)
    assert [row[:width] for row in rows] == prospect_rows  # inputs as they were
    assert rows[0][width:] == ["Gelijkenis", "Gelijkenis: waarom"]
    _, view = run(
        settings, *(frame_rows(f) for f in (demo_data.customers, demo_data.orders)), prospect_rows
    )
    scores = view.prospect_scores.results  # the core's, one row per prospect
    assert [row[width:] for row in rows[1:]] == [
        [shown(score), shown(reasons)]
        for score, reasons in zip(scores["similarity"], scores["similarity_reasons"], strict=True)
    ]
    score = {row[0]: row[width] for row in rows[1:]}
    assert score[demo.PROSPECT_LIKE_A] >= 80
    assert score[demo.PROSPECT_LIKE_C] <= 20
    reasons = {row[0]: row[width + 1] for row in rows[1:]}
    assert reasons[demo.PROSPECT_LIKE_A].startswith("Zoals A-klanten: ")
    assert "Anders dan A-klanten" in reasons[demo.PROSPECT_LIKE_C]


def test_prospect_scores_are_coloured_and_in_the_table(analysed, settings):
    sheet = names.PROSPECTS
    rows = len(analysed.rows(sheet))
    for column in (6, 7):
        assert analysed.fill(sheet, (1, column)) == "#1F3864"
        assert analysed.fonts[sheet][(1, column)] == {"color": "#FFFFFF", "bold": True}
    assert analysed.fill(sheet, (1, 5)) is None
    (scale,) = [r for r in analysed.rules[sheet] if r["operator"] == "color_scale"]
    assert scale["cells"] == {(r, 6) for r in range(2, rows + 1)}
    colours = settings.colours
    assert scale["colors"] == [colours["C"], colours["B"], colours["A"]]
    assert scale["thresholds"] == [0, 50, 100]
    assert (rows, 7) in analysed.wrapped[sheet]  # the reasons wrap
    assert analysed.widths[sheet] == {6: 12, 7: 60}
    assert analysed.tables[sheet]["tblProspects"] == (1, 1, rows, 7)


def test_prospects_without_a_name_header_are_named_in_the_warnings(monkeypatch):
    rows = customers(30, traits=True)
    fake = macro_book(rows, prospects=[["Bedrijfje", "Sector"], ["Pronk", "Bouw"]])
    fake.install(monkeypatch)
    before = snapshot(fake)["cells"]["Prospects"]
    actions.analyse()
    assert fake.alerts == []
    assert fake.cells["Prospects"] == before
    assert "Prospects" in fake.value("Start", "C24") and "'Prospect'" in fake.value("Start", "C24")


# ---- Verwantschap ---------------------------------------------------------------------------


def test_verwantschap_holds_the_profile_lines(analysed, demo_data, settings):
    _, view = run(
        settings,
        frame_rows(demo_data.customers),
        frame_rows(demo_data.orders),
        frame_rows(demo_data.prospects),
    )
    profile = view.profile
    lines = analysed.rows(names.AFFINITY)
    assert lines[0][0] == "Verwantschap: wat uw beste klanten delen"
    sizes = {"A": profile.a_customers, "C": profile.c_customers}
    for segment in ("A", "C"):
        heading = next(r for r, row in enumerate(lines) if str(row[0]).startswith(f"{segment}-"))
        assert lines[heading][0].startswith(
            f"{segment}-klanten ({sizes[segment]} van {profile.customers}): "
        )
        assert lines[heading + 1][0] == "Toelichting"
        # the group's lines of the core's profile, in its order, then a blank row
        table = profile.table[profile.table["aff_group"] == segment]
        assert len(table) > 0
        for r, (_, want) in enumerate(table.iterrows(), start=heading + 2):
            assert lines[r][:5] == [shown(want[k]) for k in AFFINITY_LINE_KEYS[:5]], r
            assert lines[r][5] == pytest.approx(want[AFFINITY_LINE_KEYS[5]], abs=0.005), r
        assert not any(lines[heading + 2 + len(table)][: len(AFFINITY_LINE_KEYS)])
    a_heading = next(r for r, row in enumerate(lines) if str(row[0]).startswith("A-klanten"))
    first = lines[a_heading + 2]  # under the heading and the column headers
    assert first[0].startswith(f"{first[1]} {first[2]}: ")
    assert " A-klanten, " in first[0] and "vaker dan gemiddeld" in first[0]
    assert first[5] > 1  # lift
    note = f"De gelijkenis van de {len(demo_data.prospects)} prospects staat op blad Prospects."
    assert [note] in [row[:1] for row in lines]


def test_verwantschap_is_styled_like_the_file(analysed, settings):
    sheet = names.AFFINITY
    lines = analysed.rows(sheet)
    assert analysed.fonts[sheet][(1, 1)] == {"bold": True, "size": 14}
    for segment in ("A", "C"):
        row = next(r for r, v in enumerate(lines, 1) if str(v[0]).startswith(f"{segment}-klanten"))
        assert [analysed.fill(sheet, (row, c)) for c in range(1, 7)] == [
            settings.colours[segment]
        ] * 6
        assert analysed.fonts[sheet][(row, 1)] == {"bold": True}
        assert lines[row][0] == "Toelichting"  # the column headers follow
        assert analysed.fill(sheet, (row + 1, 6)) == "#1F3864"
        assert analysed.number_formats[sheet][(row + 2, 6)] == '0.0"×"'
    assert analysed.fill(sheet, (2, 1)) is None
    assert (2, 1) in analysed.wrapped[sheet]
    assert analysed.autofitted[-1] == (sheet, (1, len(lines)))


def test_a_shorter_verwantschap_leaves_nothing_of_the_longer_one(monkeypatch, demo_data):
    rows = customers(40, traits=True)
    fake = macro_book(rows, prospects=prospects(5))
    fake.install(monkeypatch)
    actions.analyse()
    assert len(fake.rows("Verwantschap")) > 20
    plain = [row[:9] for row in rows]  # the characteristic columns are gone
    for r, c in list(fake.cells["Klanten"]):
        if c > 9:
            del fake.cells["Klanten"][(r, c)]
    fake.cells["Klanten"].update(
        {(r, c): v for r, row in enumerate(plain, 1) for c, v in enumerate(row, 1) if v is not None}
    )
    actions.analyse()
    assert fake.alerts == []
    title, reason = fake.rows("Verwantschap")  # nothing else is left
    assert title == ["Verwantschap: wat uw beste klanten delen"]
    assert reason[0].startswith("Geen verwantschap berekend: er zijn geen kenmerken")
    assert not any(fake.fills["Verwantschap"].values())
    assert fake.fonts["Verwantschap"] == {(1, 1): {"bold": True, "size": 14}}
    assert "Gelijkenis" not in fake.rows("Klanten")[0]
    prospect_rows = fake.rows("Prospects")
    assert [row[5] for row in prospect_rows[1:]] == [None] * 5  # no score ...
    assert all(row[6].startswith("Niet gescoord: ") for row in prospect_rows[1:])  # ... but why
    assert "de prospects zijn niet gescoord" in fake.value("Start", "C24")


def test_a_workbook_without_verwantschap_gets_the_sheet(monkeypatch):
    rows = customers(40, traits=True)
    fake = macro_book(rows)
    fake.order.remove("Verwantschap")
    del fake.cells["Verwantschap"]
    fake.install(monkeypatch)
    actions.analyse()
    assert fake.alerts == []
    assert fake.value("Verwantschap", "A1") == "Verwantschap: wat uw beste klanten delen"


# ---- Matrix: the portfolio page ------------------------------------------------------------


def test_matrix_values_stay_in_their_fixed_blocks(analysed):
    """Every value on Matrix lies in one of its fixed blocks or in the chart data, and each
    block holds something: the pre-built charts and Wis resultaten rely on those places.
    (Which figures they hold: test_excel_oracle.py.)"""
    filled = [cell for cell, value in analysed.cells["Matrix"].items() if value is not None]
    blocks = [(r, c, r + h - 1, c + w - 1) for (r, c), h, w in BLOCK_SIZES]
    row, column = CHART_DATA_AT
    places = [(1, 1, 1, 1), (row, column, names.LAST_ROW, column + 4), *blocks]  # title

    def inside(cell, place):
        return place[0] <= cell[0] <= place[2] and place[1] <= cell[1] <= place[3]

    assert [c for c in filled if not any(inside(c, p) for p in places)] == []
    assert [p for p in blocks if not any(inside(c, p) for c in filled)] == []
    assert analysed.value("Matrix", "H64") == "Top 1%"  # the top layer of the pyramid
    formats = analysed.number_formats["Matrix"]
    assert formats[(64, 10)] == "#,##0" and formats[(64, 11)] == "0%"
    assert formats[(2, 34)] == formats[(102, 35)] == "0.0%"


def test_without_orders_the_portfolio_page_is_blank(monkeypatch):
    rows = customers(30, traits=True)
    fake = macro_book(rows, orders(rows))
    fake.install(monkeypatch)
    actions.analyse()
    header = header_columns(fake, "Klanten")
    first_order = header["Eerste order"]
    assert fake.number_formats["Klanten"][(2, first_order)] == "dd-mm-yyyy"
    assert fake.value("Matrix", "A38") is not None  # the portfolio page's title
    fake.cells["Orders"].clear()
    actions.analyse()
    assert fake.alerts == []
    assert fake.value("Matrix", "A38") is None
    portfolio = [(r, c) for (r, c) in fake.cells["Matrix"] if r >= 38 and c < 20]
    curves = [(r, c) for (r, c) in fake.cells["Matrix"] if c >= PARETO_AT[1]]
    assert portfolio == [] and curves == []
    assert "Eerste order" not in fake.rows("Klanten")[0]
    # what holds the first-order dates before now holds other results, shown as they are
    assert fake.number_formats["Klanten"][(2, first_order)] == "General"


# ---- Klanten: formats, widths and word colours ---------------------------------------------


def test_result_columns_get_the_formats_and_widths_of_the_file(analysed, settings):
    header = header_columns(analysed, "Klanten")
    formats = analysed.number_formats["Klanten"]
    widths = analysed.widths["Klanten"]
    assert formats[(2, header["Laatste order"])] == "dd-mm-yyyy"
    assert isinstance(analysed.cells["Klanten"][(2, header["Laatste order"])], dt.datetime)
    assert formats[(61, header["Nettobijdrage"])] == "#,##0"
    assert formats[(2, header["Verandering"])] == "+0%;-0%;0%"
    assert formats[(2, header["Score"])] == "General"
    assert widths[header["Reden signaal"]] == 36
    assert widths[header["Laatste order"]] == 12
    assert header["Score"] not in widths


# The subtle fills of the words (README: Potentie light blue, Aandacht light orange,
# Bloeiend/Ontwikkelen light green); any other word has none.
WORD_FILLS = {
    "Signaal": {"Potentie": "DDEBF7", "Aandacht": "FCE4D6", "Slapend": "EDEDED", "Nieuw": "E2EFDA"},
    "Klanttype": {"Bloeiend": "E2EFDA", "Boeiend": "DDEBF7", "Vermoeiend": "FCE4D6"},
    "Actie": {"Ontwikkelen": "E2EFDA", "Heroverwegen": "FCE4D6"},
}


def test_signal_type_and_action_words_are_coloured(analysed):
    header = header_columns(analysed, "Klanten")
    seen = set()
    for column, colours in WORD_FILLS.items():
        for row in range(2, 62):
            word = analysed.cells["Klanten"].get((row, header[column]))
            shown = analysed.fill("Klanten", (row, header[column]))
            assert shown == ("#" + colours[word] if word in colours else None)
            seen.add(word)
    assert {"Potentie", "Aandacht", "Bloeiend", "Ontwikkelen"} <= seen


def test_customers_only_in_the_orders_get_a_row_below_the_table(monkeypatch):
    rows = customers(8)
    order_rows = orders(rows) + [["Nieuwe Klant BV", dt.datetime(2026, 3, 2), "n-1", 750.0]]
    fake = macro_book(rows, order_rows)
    fake.install(monkeypatch)
    actions.analyse()
    assert fake.alerts == []
    assert fake.value("Klanten", "A10") == "Nieuwe Klant BV"
    header = header_columns(fake, "Klanten")
    assert fake.cells["Klanten"][(10, header["Orders totaal"])] == 1
    assert fake.tables["Klanten"]["tblKlanten"][2] == 10
    assert "1 klant(en) uit blad Orders toegevoegd" in fake.value("Start", "C24")
    first = snapshot(fake)["cells"]
    actions.analyse()  # the customer is now on the list: the same results
    again = snapshot(fake)["cells"]
    assert {k: v for k, v in again.items() if k != "Start"} == {
        k: v for k, v in first.items() if k != "Start"
    }
    assert "toegevoegd" not in fake.value("Start", "C24")


# ---- Wis resultaten -------------------------------------------------------------------------


def test_clear_takes_away_every_new_part(monkeypatch, demo_data, settings):
    fake = demo_book(demo_data, settings)
    fake.install(monkeypatch)
    before = snapshot(fake)
    actions.analyse()
    actions.clear()
    after = snapshot(fake)
    assert after["cells"] == before["cells"]
    assert after["rules"] == before["rules"] and after["tables"] == before["tables"]
    assert {c: v for c, v in fake.fills["Prospects"].items() if v} == {}
    assert fake.fills["Verwantschap"] == {} and fake.fonts["Verwantschap"] == {}
    assert fake.rows("Prospects") == frame_rows(demo_data.prospects)
    assert fake.tables["Prospects"]["tblProspects"] == (1, 1, 13, 5)
    assert fake.rows("Verwantschap") == []
    assert [cell for cell in fake.cells["Matrix"] if cell != (1, 1)] == []
    assert fake.value("Start", "C21") is None


@pytest.mark.parametrize("column", [column_letter(6), column_letter(7)])
def test_clear_on_prospects_never_touches_inputs(monkeypatch, column):
    rows = customers(30, traits=True)
    fake = macro_book(rows, prospects=prospects(4))
    fake.install(monkeypatch)
    actions.analyse()
    assert fake.value("Prospects", f"{column}1") in ("Gelijkenis", "Gelijkenis: waarom")
    fake.reset_log()
    actions.clear()
    inputs = {(r, c) for r in range(1, 6) for c in range(1, 6)}
    assert not fake.written["Prospects"] & inputs
    assert fake.value("Prospects", f"{column}1") is None
