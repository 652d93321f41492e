"""Real exports in, results you can trust out: orders alone as input, a Peildatum that fits
the data, comparisons only where the orders reach back far enough, typed cells from CSV
files, and `workbook --data` reporting what `analyse` reports. Exact texts throughout."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import numpy as np
import openpyxl
import pandas as pd
import pytest
from dateutil.relativedelta import relativedelta

from conftest import SHARED
from klantanalyse.cli import main

RETAIL = SHARED / "data" / "online_retail.csv.gz"

ORDERS_ONLY = (
    "Alleen orders: de {n} klanten komen uit de orders en hun Omzet uit de recente 12 "
    "maanden; Marge, Snelheid, Innovatie en Netwerk ontbreken en tellen als Nee (score 0), "
    "dus het segment volgt alleen de omzet: vul ze in op blad Klanten en analyseer opnieuw"
)

# a small order export: Klant, Datum, Bedrag, Ordernummer; 2.5 years, the last order on
# 30-06-2024; a customer number with leading zeros, an order of two lines
ORDER_LINES = [
    ("00042", "03-01-2022", "1.000,00", "A-001"),
    ("00042", "15-01-2024", "1.250,50", "A-002"),
    ("00042", "15-01-2024", "249,50", "A-002"),
    ("Bakker BV", "01-03-2023", "500", "A-003"),
    ("Bakker BV", "30-06-2024", "300", "A-004"),
    ("Café Noël", "01-07-2022", "200", "A-005"),
]


def run(capsys, *args: str) -> tuple[int, list[str], list[str]]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out.splitlines(), err.splitlines()


def peildatum(out: list[str]) -> str:
    """The Peildatum line of the command's report."""
    [line] = [line for line in out if line.startswith(("Peildatum", "Reference date"))]
    return line


def write_orders_csv(path: Path, lines=ORDER_LINES) -> Path:
    rows = ["Klant;Datum;Bedrag;Ordernummer"] + [";".join(line) for line in lines]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


def write_orders_book(path: Path, frame: pd.DataFrame, sheet: str, settings=None) -> Path:
    """A workbook whose only table is an order sheet (and optionally Instellingen)."""
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = sheet
    ws.append(list(frame.columns))
    for row in frame.itertuples(index=False):
        ws.append(list(row))
    if settings:
        extra = book.create_sheet("Instellingen")
        for label, value in settings:
            extra.append([label, value])
    book.save(path)
    return path


def table(ws) -> pd.DataFrame:
    rows = [list(row) for row in ws.iter_rows(values_only=True)]
    width = len(rows[0])  # a read-only sheet leaves out a row's blank cells at the end
    return pd.DataFrame([row + [None] * (width - len(row)) for row in rows[1:]], columns=rows[0])


def typed_order_frame() -> pd.DataFrame:
    """ORDER_LINES with the cell types a workbook holds."""
    return pd.DataFrame(
        {
            "Klant": [line[0] for line in ORDER_LINES],
            "Datum": [dt.datetime.strptime(line[1], "%d-%m-%Y") for line in ORDER_LINES],
            "Bedrag": [float(line[2].replace(".", "").replace(",", ".")) for line in ORDER_LINES],
            "Ordernummer": [line[3] for line in ORDER_LINES],
        }
    )


# ---- orders alone ----------------------------------------------------------------------


def expect_small_export(out: list[str], err: list[str], output: Path) -> None:
    assert out[:6] == [
        f"Analyse geschreven naar {output}",
        "3 klanten met een segment: A 0, B 1, C 2.",
        "50% van de klanten brengt 80% van de omzet.",
        "Peildatum: 30-06-2024 (datum van de laatste order).",
        "Kolommen gelezen: Klant = Klant, Omzet = uit de orders.",
        "Orderkolommen gelezen: Klant = Klant, Datum = Datum, Bedrag = Bedrag, "
        "Ordernummer = Ordernummer.",
    ]
    assert err == ["1 waarschuwing(en):", "  - " + ORDERS_ONLY.format(n=3)]
    book = openpyxl.load_workbook(output)
    klanten = table(book["Klanten"])
    # the customer list comes from the orders, the names as typed
    assert klanten["Klant"].tolist() == ["00042", "Bakker BV", "Café Noël"]
    assert klanten["Omzet recent"].tolist() == [1500, 300, 0]  # the last 12 months
    assert klanten["Orders totaal"].tolist() == [2, 2, 1]
    assert klanten["Segment"].tolist() == ["B", "C", "C"]  # Hoog, Midden, Laag at score 0
    assert klanten["Score"].tolist() == [0, 0, 0]
    orders = book["Orders"]
    assert [c.value for c in orders[1]] == ["Klant", "Datum", "Bedrag", "Ordernummer"]
    assert [c.value for c in orders[3]] == ["00042", dt.datetime(2024, 1, 15), 1250.5, "A-002"]
    assert [c.data_type for c in orders[3]] == ["s", "d", "n", "s"]


def test_an_order_csv_as_input_is_analysed_with_the_customers_of_the_orders(tmp_path, capsys):
    source = write_orders_csv(tmp_path / "orders.csv")
    output = tmp_path / "uit.xlsx"
    code, out, err = run(capsys, "analyse", str(source), "-o", str(output))
    assert code == 0
    expect_small_export(out, err, output)


def test_a_workbook_with_only_an_order_sheet_of_any_name(tmp_path, capsys):
    source = write_orders_book(tmp_path / "export.xlsx", typed_order_frame(), "Verkopen 2024")
    output = tmp_path / "uit.xlsx"
    code, out, err = run(capsys, "analyse", str(source), "-o", str(output))
    assert code == 0
    expect_small_export(out, err, output)


def test_an_order_file_as_orders_still_works(tmp_path, capsys):
    orders = write_orders_csv(tmp_path / "orders.csv")
    output = tmp_path / "uit.xlsx"
    # the same file as input and as --orders (this once gave a message per order line)
    code, out, err = run(capsys, "analyse", str(orders), "--orders", str(orders), "-o", str(output))
    assert code == 0
    assert err == ["1 waarschuwing(en):", "  - " + ORDERS_ONLY.format(n=3)]
    # an empty customer list with orders from a workbook whose order sheet has another name
    empty = tmp_path / "klanten.csv"
    empty.write_text("Klant;Omzet\n", encoding="utf-8")
    book = write_orders_book(tmp_path / "export.xlsx", typed_order_frame(), "Blad1")
    code, out, err = run(capsys, "analyse", str(empty), "--orders", str(book), "-o", str(output))
    assert code == 0
    assert out[1:] == ["3 klanten met een segment: A 0, B 1, C 2."] + out[2:]
    assert err == ["1 waarschuwing(en):", "  - " + ORDERS_ONLY.format(n=3)]


def test_a_customer_list_with_a_date_column_is_still_a_customer_list(tmp_path, capsys):
    source = tmp_path / "klanten.csv"
    source.write_text("Klant;Omzet;Datum;Bedrag\nA;100;01-01-2024;5\nB;50;;\n", encoding="utf-8")
    code, out, err = run(capsys, "analyse", str(source), "-o", str(tmp_path / "uit.xlsx"))
    assert code == 0
    assert out[1] == "2 klanten met een segment: A 0, B 2, C 0."
    assert not any(line.startswith("Peildatum") for line in out)  # no orders: no Peildatum


def test_an_american_export_with_sales_per_line_and_month_first_dates(tmp_path, capsys):
    source = tmp_path / "superstore.csv"
    source.write_text(
        "Row ID,Order ID,Order Date,Customer ID,Customer Name,Segment,Sales,Quantity\n"
        "1,CA-2016-152156,11/8/2016,CG-12520,Claire Gute,Consumer,261.96,2\n"
        "2,CA-2016-152156,11/8/2016,CG-12520,Claire Gute,Consumer,731.94,3\n"
        "3,CA-2016-138688,6/12/2016,DV-13045,Darrin Van Huff,Corporate,14.62,2\n"
        "4,US-2015-108966,10/11/2015,SO-20335,Sean O'Donnell,Consumer,957.58,5\n"
        "5,US-2017-100001,11/22/2017,SO-20335,Sean O'Donnell,Consumer,100.00,1\n",
        encoding="utf-8",
    )
    output = tmp_path / "uit.xlsx"
    code, out, err = run(capsys, "analyse", str(source), "-o", str(output))
    assert code == 0
    # 11/22/2017 can only be month first, so the whole column is read month first
    assert peildatum(out) == "Peildatum: 22-11-2017 (datum van de laatste order)."
    book = openpyxl.load_workbook(output)
    klanten = table(book["Klanten"]).set_index("Klant")
    assert klanten.loc["Claire Gute", "Orders totaal"] == 1  # one order of two lines
    assert klanten.loc["Claire Gute", "Eerste order"] == dt.datetime(2016, 11, 8)
    assert klanten.loc["Darrin Van Huff", "Eerste order"] == dt.datetime(2016, 6, 12)
    assert klanten.loc["Claire Gute", "Gem. order totaal"] == pytest.approx(993.9)  # Sales
    assert klanten.loc["Sean O'Donnell", "Omzet recent"] == pytest.approx(100)
    orders = table(book["Orders"])
    assert orders["Segment"].tolist()[0] == "Consumer"  # an order column named like a result
    assert orders["Order Date"].tolist()[0] == dt.datetime(2016, 11, 8)


# ---- a Peildatum that fits the data: an export that ends in 1998 ------------------------


def cdnow_lines() -> pd.DataFrame:
    """An order export shaped like CDNOW: 300 customers who all bought first in the first
    quarter of 1997, most of them once, some again until the export ends on 30-06-1998."""
    rng = np.random.RandomState(13)
    rows = []
    end = dt.date(1998, 6, 30)
    for number in range(1, 301):
        day = dt.date(1997, 1, 1) + dt.timedelta(days=int(rng.randint(0, 90)))
        if number == 1:
            day = dt.date(1997, 1, 1)
        while day <= end:
            rows.append((f"{number:05d}", day, round(float(rng.gamma(2.0, 20.0)) + 1, 2)))
            if rng.rand() < 0.55:  # no more orders
                break
            day += dt.timedelta(days=int(rng.exponential(90)) + 1)
    rows.append(("00002", end, 12.5))  # the export's last day
    return pd.DataFrame(rows, columns=["Klant", "Datum", "Bedrag"])


CDNOW_SHORT = (
    "Orders: de orders beginnen op 01-01-1997, dus de 12 maanden voor de recente periode "
    "(01-07-1996 t/m 30-06-1997) zijn maar voor 50% gedekt (minstens 80% nodig); "
    "Verandering, Omzet periode ervoor, de groei in Prognose 12 mnd en het signaal Nieuw zijn "
    "leeg gelaten: zet 'Recente periode (maanden)' op 9 of lager, of lever orders vanaf "
    "01-07-1996 aan"
)


def write_cdnow_csv(path: Path) -> Path:
    frame = cdnow_lines()
    text = frame.assign(
        Datum=[d.strftime("%Y-%m-%d") for d in frame["Datum"]],
        Bedrag=[f"{v:.2f}".replace(".", ",") for v in frame["Bedrag"]],
    )
    text.to_csv(path, sep=";", index=False)
    return path


def test_old_data_is_analysed_as_of_its_last_order(tmp_path, capsys):
    source = write_cdnow_csv(tmp_path / "cdnow.csv")
    output = tmp_path / "uit.xlsx"
    code, out, err = run(capsys, "analyse", str(source), "-o", str(output))
    assert code == 0
    assert peildatum(out) == "Peildatum: 30-06-1998 (datum van de laatste order)."
    assert err == ["2 waarschuwing(en):", "  - " + CDNOW_SHORT, "  - " + ORDERS_ONLY.format(n=300)]
    book = openpyxl.load_workbook(output)
    klanten = table(book["Klanten"]).set_index("Klant")
    # oracle: the customers with an order in the 12 months up to 30-06-1998
    lines = cdnow_lines()
    active = set(lines.loc[lines["Datum"] > dt.date(1997, 6, 30), "Klant"])
    assert 0 < len(active) < 300
    assert set(klanten.index[klanten["Signaal"] != "Slapend"]) == active
    assert (klanten["Segment"] == "B").sum() > 0  # the big recent customers are Hoog
    assert klanten.loc[sorted(active), "Signaal"].isin(["Stabiel", "Potentie", "Aandacht"]).all()
    summary = [[c.value for c in row] for row in book["Matrix"]["B27:C36"]]
    assert summary[-1] == ["Peildatum", "30-06-1998 (datum van de laatste order)"]


def test_a_peildatum_long_after_the_orders_is_warned_about(tmp_path, capsys):
    lines = cdnow_lines()
    settings = [("Instelling", "Waarde"), ("Peildatum", dt.datetime(2026, 12, 1))]
    source = write_orders_book(tmp_path / "cdnow.xlsx", lines, "Orders", settings)
    output = tmp_path / "uit.xlsx"
    code, out, err = run(capsys, "analyse", str(source), "-o", str(output))
    assert code == 0
    assert peildatum(out) == "Peildatum: 01-12-2026 (blad Instellingen)."
    assert err[1] == (
        "  - Orders: de laatste order (30-06-1998) ligt 341 maanden voor de peildatum "
        "01-12-2026 (blad Instellingen), dus elke klant lijkt stil of slapend; laat de "
        "peildatum leeg om de datum van de laatste order te nemen"
    )
    klanten = table(openpyxl.load_workbook(output)["Klanten"])
    assert (klanten["Signaal"] == "Slapend").all()  # what the warning is about
    # --peildatum overrides the Instellingen cell
    code, out, err = run(
        capsys, "analyse", str(source), "--peildatum", "1998-06-30", "-o", str(output)
    )
    assert code == 0
    assert peildatum(out) == "Peildatum: 30-06-1998 (--peildatum)."
    assert not any("ligt" in line for line in err)
    settings_sheet = openpyxl.load_workbook(output)["Instellingen"]
    used = {row[0]: row[1] for row in settings_sheet.iter_rows(values_only=True)}
    assert used["Peildatum"] == dt.datetime(1998, 6, 30)


def test_peildatum_on_the_command_line(tmp_path, capsys):
    source = write_cdnow_csv(tmp_path / "cdnow.csv")
    output = tmp_path / "uit.xlsx"
    code, out, err = run(
        capsys, "analyse", str(source), "--peildatum", "1998-12-31", "-o", str(output)
    )
    assert code == 0
    assert peildatum(out) == "Peildatum: 31-12-1998 (--peildatum)."
    assert err[1] == (
        "  - Orders: de laatste order (30-06-1998) ligt 6 maanden voor de peildatum "
        "31-12-1998 (--peildatum), dus elke klant lijkt stil of slapend; laat de peildatum "
        "leeg om de datum van de laatste order te nemen"
    )
    code, out, err = run(capsys, "analyse", str(source), "--peildatum", "30-06-1998")
    assert code == 1
    assert err == [
        "Fout: --peildatum '30-06-1998' is geen datum; schrijf hem als JJJJ-MM-DD, bijv. "
        "2024-12-31."
    ]


def test_english_texts_of_the_peildatum(tmp_path, capsys):
    source = write_cdnow_csv(tmp_path / "cdnow.csv")
    code, out, err = run(
        capsys, "analyse", str(source), "--lang", "en", "-o", str(tmp_path / "uit.xlsx")
    )
    assert code == 0
    assert peildatum(out) == "Reference date: 1998-06-30 (date of the last order)."
    assert err[1] == (
        "  - Orders: the orders start on 1997-01-01, so the 12 months before the recent window "
        "(1996-07-01 to 1997-06-30) are only 50% covered (at least 80% needed); Change, "
        "Revenue period before, the growth in Projection 12 months and the signal New are left "
        "empty: set 'Recent window (months)' to 9 or less, or supply orders from 1996-07-01"
    )


# ---- short history: 13 months of orders with a 12-month window --------------------------


def thirteen_months() -> pd.DataFrame:
    """Monthly orders of 20 customers from 01-06-2023 to 30-06-2024, growing over time."""
    rows = []
    for i in range(20):
        for month in range(13):
            day = dt.date(2023, 6, 1) + relativedelta(months=month)
            if (month + i) % 3 == 0 or month == 12:
                rows.append((f"Klant {i:02d}", day, 100.0 * (i + 1) + 10 * month, f"{i}-{month}"))
    rows.append(("Klant 00", dt.date(2024, 6, 30), 50.0, "laatste"))
    return pd.DataFrame(rows, columns=["Klant", "Datum", "Bedrag", "Ordernummer"])


def test_thirteen_months_leave_the_comparisons_empty(tmp_path, capsys):
    lines = thirteen_months()
    source = write_orders_book(tmp_path / "orders.xlsx", lines, "Orders")
    output = tmp_path / "uit.xlsx"
    code, out, err = run(capsys, "analyse", str(source), "-o", str(output))
    assert code == 0
    assert err == [
        "2 waarschuwing(en):",
        "  - Orders: de orders beginnen op 01-06-2023, dus de 12 maanden voor de recente "
        "periode (01-07-2022 t/m 30-06-2023) zijn maar voor 8,2% gedekt (minstens 80% nodig); "
        "Verandering, Omzet periode ervoor, de groei in Prognose 12 mnd en het signaal Nieuw "
        "zijn leeg gelaten: zet 'Recente periode (maanden)' op 7 of lager, of lever orders "
        "vanaf 01-07-2022 aan",
        "  - " + ORDERS_ONLY.format(n=20),
    ]
    book = openpyxl.load_workbook(output)
    klanten = table(book["Klanten"])
    assert klanten["Verandering"].isna().all()
    assert klanten["Omzet periode ervoor"].isna().all()
    assert "Nieuw" not in set(klanten["Signaal"])  # every first order is in the window
    assert (klanten["Actie"] != "Ontwikkelen").all()
    # the projection is the recent revenue, without a growth it cannot know
    assert klanten["Prognose 12 mnd"].tolist() == klanten["Omzet recent"].tolist()
    matrix = book["Matrix"]
    assert matrix["I60"].value == (
        "Omzet recent € 104.850; de periode ervoor valt grotendeels voor de orders (vanaf "
        "01-06-2023)"
    )
    retention = [[c.value for c in row] for row in matrix["H72:N73"]]
    assert retention == [
        [2023, 20, None, None, None, None, "vanaf 01-06-2023"],
        [2024, 20, None, None, None, None, None],
    ]
    assert matrix["H70"].value.endswith("(2024 telt tot en met de peildatum 30-06-2024)")
    assert sum(lines.loc[lines["Datum"] > dt.date(2023, 6, 30), "Bedrag"]) == 104850


def test_a_window_the_orders_cover_is_compared(tmp_path, capsys):
    lines = thirteen_months()
    settings = [("Recente periode (maanden)", 6)]
    source = write_orders_book(tmp_path / "orders.xlsx", lines, "Orders", settings)
    output = tmp_path / "uit.xlsx"
    code, out, err = run(capsys, "analyse", str(source), "-o", str(output))
    assert code == 0
    assert err == ["1 waarschuwing(en):", "  - " + ORDERS_ONLY.format(n=20).replace("12", "6")]
    klanten = table(openpyxl.load_workbook(output)["Klanten"]).set_index("Klant")
    # oracle: revenue in (P - 6 months, P] against (P - 12 months, P - 6 months]
    ref = dt.date(2024, 6, 30)
    recent = lines[lines["Datum"] > ref - relativedelta(months=6)].groupby("Klant")["Bedrag"]
    before = lines[
        (lines["Datum"] > ref - relativedelta(months=12))
        & (lines["Datum"] <= ref - relativedelta(months=6))
    ].groupby("Klant")["Bedrag"]
    change = recent.sum() / before.sum() - 1
    for name, value in change.items():
        assert klanten.loc[name, "Verandering"] == pytest.approx(value)
    assert klanten.loc[change.index, "Omzet periode ervoor"].tolist() == before.sum().tolist()


# ---- values keep their type --------------------------------------------------------------


def test_csv_numbers_and_dates_are_written_back_as_numbers_and_dates(tmp_path, capsys):
    source = tmp_path / "klanten.csv"
    source.write_text(
        "Klant;Omzet;Potentie;Postcode;Aantal medewerkers;Marge;Klant sinds\n"
        "00123;€ 12.500,00;1.000;0612;25;Ja;2020-01-15\n"
        "Bakker BV;9.999,50;;1234;8;Nee;\n"
        "Fout BV;veel;;2345;x;1;31-12-2019\n",
        encoding="utf-8",
    )
    output = tmp_path / "uit.xlsx"
    assert run(capsys, "analyse", str(source), "-o", str(output))[0] == 0
    ws = openpyxl.load_workbook(output)["Klanten"]
    header = [c.value for c in ws[1]]
    cells = {r: dict(zip(header, ws[r])) for r in (2, 3, 4)}

    def seen(row: int, column: str) -> tuple[object, str]:
        cell = cells[row][column]
        return cell.value, cell.data_type

    assert seen(2, "Klant") == ("00123", "s")  # a name stays as typed
    assert seen(2, "Omzet") == (12500, "n")
    assert seen(3, "Omzet") == (9999.5, "n")
    assert seen(4, "Omzet") == ("veel", "s")  # not a number: as typed, with a message
    assert seen(2, "Potentie") == (1000, "n")
    assert seen(2, "Postcode") == ("0612", "s")  # a leading zero: the column stays text
    assert seen(3, "Postcode") == ("1234", "s")
    assert seen(2, "Aantal medewerkers") == (25, "n")
    assert seen(4, "Aantal medewerkers") == ("x", "s")
    assert seen(2, "Marge") == ("Ja", "s") and seen(4, "Marge") == ("1", "s")
    assert seen(2, "Klant sinds") == (dt.datetime(2020, 1, 15), "d")
    assert seen(4, "Klant sinds") == (dt.datetime(2019, 12, 31), "d")
    assert cells[4]["Melding"].value == "Omzet: 'veel' is geen bedrag; vul een getal in."


def test_prospect_csv_numbers_stay_numbers(tmp_path, capsys):
    source = tmp_path / "klanten.csv"
    source.write_text(
        "Klant;Omzet;Sector;Aantal medewerkers\n"
        + "".join(
            f"K{i};{1000 * (i + 1)};{'Bouw' if i % 2 else 'Zorg'};{i * 10}\n" for i in range(9)
        ),
        encoding="utf-8",
    )
    prospects = tmp_path / "prospects.csv"
    prospects.write_text("Prospect;Sector;Aantal medewerkers\nNieuw BV;Bouw;040\nAnder;Zorg;12\n")
    output = tmp_path / "uit.xlsx"
    args = ("analyse", str(source), "--prospects", str(prospects), "-o", str(output))
    assert run(capsys, *args)[0] == 0
    ws = openpyxl.load_workbook(output)["Prospects"]
    assert [(c.value, c.data_type) for c in ws[3]][:3] == [
        ("Ander", "s"),
        ("Zorg", "s"),
        (12, "n"),
    ]
    assert ws["C2"].value == 40  # a known number column: '040' is the number 40


# ---- workbook --data ----------------------------------------------------------------------


def test_workbook_data_prints_the_analyse_report_and_fills_tijdstip(tmp_path, capsys):
    source = write_cdnow_csv(tmp_path / "cdnow.csv")
    code, analysed, analyse_err = run(
        capsys, "analyse", str(source), "-o", str(tmp_path / "a.xlsx")
    )
    assert code == 0
    target = tmp_path / "klant.xlsm"
    before = dt.datetime.now().replace(microsecond=0)
    code, out, err = run(capsys, "workbook", "--data", str(source), "-o", str(target))
    assert code == 0
    assert out[0] == f"Geschreven: {target}"
    assert out[1:] == analysed[1:]
    assert err == analyse_err
    start = openpyxl.load_workbook(target)["Start"]
    labels = [start.cell(row, 2).value for row in range(20, 26)]
    assert labels == [
        "Laatste analyse",
        "Tijdstip",
        "Klanten met segment",
        "Rijen met een melding",
        "Waarschuwingen",
        "Peildatum",
    ]
    assert isinstance(start["C21"].value, dt.datetime) and start["C21"].value >= before
    assert start["C22"].value == 300
    assert start["C24"].value == CDNOW_SHORT + "; " + ORDERS_ONLY.format(n=300)
    assert start["C25"].value == "30-06-1998 (datum van de laatste order)"
    code, out, err = run(
        capsys, "workbook", "--data", str(source), "--peildatum", "1998-12-31", "-o", str(target)
    )
    assert peildatum(out) == "Peildatum: 31-12-1998 (--peildatum)."


# ---- Online Retail: a real export, against an independent pandas calculation -------------


@pytest.fixture(scope="module")
def retail() -> pd.DataFrame:
    if not RETAIL.exists():
        pytest.skip("the shared Online Retail data is not available")
    return pd.read_csv(RETAIL)


def retail_orders(raw: pd.DataFrame) -> pd.DataFrame:
    """The export as a bookkeeping program writes it: Klant, Datum, Bedrag, Ordernummer."""
    return pd.DataFrame(
        {
            "Klant": raw["CustomerID"].map(lambda v: None if pd.isna(v) else str(int(v))),
            "Datum": raw["InvoiceDate"],
            "Bedrag": (raw["Quantity"] * raw["UnitPrice"]).round(2),
            "Ordernummer": raw["InvoiceNo"].astype(str),
        }
    )


def retail_expected(orders: pd.DataFrame) -> pd.DataFrame:
    """Per customer: orders (invoices adding up to more than zero) and revenue in the 12
    months up to the last date in the orders, straight from pandas."""
    lines = orders.dropna(subset=["Klant"]).assign(
        day=lambda t: pd.to_datetime(t["Datum"]).dt.normalize()
    )
    reference = lines["day"].max()
    start = reference - relativedelta(months=12)
    invoices = lines.groupby(["Klant", "Ordernummer"]).agg(
        value=("Bedrag", "sum"), day=("day", "min")
    )
    real = invoices[invoices["value"].round(2) > 0].reset_index()
    expected = pd.DataFrame(index=sorted(lines["Klant"].unique()))
    expected["orders_total"] = real.groupby("Klant").size().reindex(expected.index, fill_value=0)
    recent = lines[lines["day"] > start].groupby("Klant")["Bedrag"].sum()
    expected["revenue_recent"] = recent.reindex(expected.index, fill_value=0.0)
    return expected


def check_retail_output(output: Path, expected: pd.DataFrame) -> None:
    book = openpyxl.load_workbook(output, read_only=True)
    klanten = table(book["Klanten"]).set_index("Klant")
    assert sorted(klanten.index) == list(expected.index)
    got = klanten.loc[expected.index]
    assert got["Orders totaal"].tolist() == expected["orders_total"].tolist()
    assert got["Omzet recent"].to_numpy(dtype=float) == pytest.approx(
        expected["revenue_recent"].to_numpy(dtype=float), abs=0.01
    )
    assert (klanten["Signaal"] != "Slapend").mean() > 0.9  # as of 09-12-2011: not silent


@pytest.mark.slow
def test_online_retail_order_csv_as_input(retail, tmp_path, capsys):
    orders = retail_orders(retail)
    source = tmp_path / "orders.csv"
    orders.to_csv(source, sep=";", index=False)
    output = tmp_path / "uit.xlsx"
    code, out, err = run(capsys, "analyse", str(source), "-o", str(output))
    assert code == 0
    assert peildatum(out) == "Peildatum: 09-12-2011 (datum van de laatste order)."
    assert err[0] == "3 waarschuwing(en):"
    assert err[3] == "  - " + ORDERS_ONLY.format(n="4372")
    check_retail_output(output, retail_expected(orders))


@pytest.mark.slow
def test_online_retail_orders_only_workbook(retail, tmp_path, capsys):
    orders = retail_orders(retail)
    keep = orders["Klant"].isin(sorted(orders["Klant"].dropna().unique())[:300])
    part = orders[keep].assign(Datum=lambda t: pd.to_datetime(t["Datum"]))
    source = write_orders_book(tmp_path / "orders.xlsx", part, "Orders")
    output = tmp_path / "uit.xlsx"
    code, out, err = run(capsys, "analyse", str(source), "-o", str(output))
    assert code == 0
    check_retail_output(output, retail_expected(part))
