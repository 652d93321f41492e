"""The order analysis as a user sees it in the output workbook: new Klanten columns, the
Pareto curve, the customer pyramid and the whale curve on the Matrix sheet.

The demo customers and orders (templates/demo) go through the command line with
`--orders`; the Peildatum is fixed to the demo's reference date on the input's Instellingen
sheet, as a user would set it. Expected figures are computed here from the demo CSVs with
plain pandas.
"""

from __future__ import annotations

import math
import os
import shutil
import subprocess
from pathlib import Path

import numpy as np
import openpyxl
import pandas as pd
import pytest

from conftest import need_soffice
from klantanalyse import demo
from klantanalyse.cli import main

ROOT = Path(__file__).resolve().parent.parent
DEMO = ROOT / "templates" / "demo"
REF = pd.Timestamp(demo.REFERENCE_DATE)
WINDOW_START = REF - pd.DateOffset(months=12)
HOURLY_RATE = 75  # the default Uurtarief contacturen


def make_input(path: Path, lang: str = "nl") -> Path:
    """klanten.csv on a Klanten sheet, with an Instellingen sheet fixing the Peildatum."""
    customers = pd.read_csv(DEMO / "klanten.csv")
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = "Klanten"
    ws.append(list(customers.columns))
    for row in customers.itertuples(index=False):
        ws.append([None if isinstance(v, float) and math.isnan(v) else v for v in row])
    settings = book.create_sheet("Instellingen")
    settings.append(["Instelling", "Waarde"])
    settings.append(["Peildatum", demo.REFERENCE_DATE])
    settings.append(["Taal", lang.upper()])
    book.save(path)
    return path


def run_cli(capsys, *args: str) -> None:
    code = main(list(args))
    out, err = capsys.readouterr()
    assert code == 0, err


@pytest.fixture(scope="module")
def output(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("portfolio")
    src = make_input(folder / "klanten.xlsx")
    out = folder / "uit.xlsx"
    code = main(["analyse", str(src), "--orders", str(DEMO / "orders.csv"), "-o", str(out)])
    assert code == 0
    return out


@pytest.fixture(scope="module")
def book(output):
    return openpyxl.load_workbook(output)


@pytest.fixture(scope="module")
def orders() -> pd.DataFrame:
    """The demo order lines up to the Peildatum, with pandas dates."""
    table = pd.read_csv(DEMO / "orders.csv", parse_dates=["Datum"])
    return table[table["Datum"] <= REF]


@pytest.fixture(scope="module")
def customers() -> pd.DataFrame:
    return pd.read_csv(DEMO / "klanten.csv").set_index("Klant")


def real_orders(lines: pd.DataFrame) -> pd.DataFrame:
    """One row per order number that adds up to more than zero (credit notes are no orders)."""
    orders = lines.groupby(["Klant", "Ordernummer"]).agg(
        value=("Bedrag", "sum"), date=("Datum", "min")
    )
    return orders[orders["value"] > 0].reset_index()


def table_of(ws) -> pd.DataFrame:
    rows = list(ws.iter_rows(values_only=True))
    return pd.DataFrame(rows[1:], columns=rows[0])


def euros(value: float) -> str:
    return "€ " + f"{value:,.0f}".replace(",", ".")


def cells(ws, ref: str) -> list[list[object]]:
    return [[c.value for c in row] for row in ws[ref]]


def title_text(title) -> str:
    return "".join(run.t for p in title.tx.rich.p for run in (p.r or []))


def charts_by_title(ws) -> dict[str, object]:
    return {title_text(chart.title): chart for chart in ws._charts}


# ---- Klanten ------------------------------------------------------------------------------


def test_seed_000_cases_get_their_signal_and_reason(book, orders):
    table = table_of(book["Klanten"]).set_index("Klant")
    signals = table["Signaal"]
    assert list(signals.index[signals == "Potentie"]) == [demo.CASE_POTENTIAL]
    assert list(signals.index[signals == "Aandacht"]) == [demo.CASE_ATTENTION]
    assert signals[demo.CASE_NEW] == "Nieuw"
    assert signals[demo.CASE_DORMANT] == "Slapend"

    placed = real_orders(orders)
    # Potentie: the average order of the last 12 months against the average over all orders
    mine = placed[placed["Klant"] == demo.CASE_POTENTIAL]
    recent = mine[mine["date"] > WINDOW_START]
    reason = table.loc[demo.CASE_POTENTIAL, "Reden signaal"]
    assert reason.startswith(
        f"gem. order 12 mnd {euros(recent['value'].mean())} vs {euros(mine['value'].mean())} totaal"
    )
    assert f"{len(recent)} order(s) in 12 mnd" in reason
    # Aandacht: many orders in the window, but the last one months ago
    mine = placed[placed["Klant"] == demo.CASE_ATTENTION]
    recent = mine[mine["date"] > WINDOW_START]
    last = mine["date"].max()
    months = (REF.year - last.year) * 12 + REF.month - last.month - (REF.day < last.day)
    assert months >= 6
    reason = table.loc[demo.CASE_ATTENTION, "Reden signaal"]
    assert reason == (
        f"{len(recent)} orders in 12 mnd, gem. {euros(recent['value'].mean())}; "
        f"laatste order {months} mnd geleden ({last:%d-%m-%Y})"
    )
    # the portfolio calls on the same customers
    assert table.loc[demo.CASE_POTENTIAL, "Actie"] == "Ontwikkelen"
    assert table.loc[demo.CASE_POTENTIAL, "Reden actie"] == "signaal Potentie"
    assert table.loc[demo.CASE_ATTENTION, "Actie"] == "Ontwikkelen"


def test_new_columns_are_formatted(book):
    ws = book["Klanten"]
    headers = [c.value for c in ws[1]]
    row = 2
    formats = {
        name: ws.cell(row, headers.index(name) + 1).number_format
        for name in ("Gem. order totaal", "Nettobijdrage", "Eerste order", "Verandering")
    }
    assert formats == {
        "Gem. order totaal": "#,##0",
        "Nettobijdrage": "#,##0",
        "Eerste order": "dd-mm-yyyy",
        "Verandering": "+0%;-0%;0%",
    }
    # Signaal, Klanttype and Actie words get a fill that follows the text
    ranges = {str(cf.sqref): [r.formula[0] for r in cf.rules] for cf in ws.conditional_formatting}
    letter = openpyxl.utils.get_column_letter(headers.index("Signaal") + 1)
    assert '"Aandacht"' in ranges[f"{letter}2:{letter}{ws.max_row}"]
    letter = openpyxl.utils.get_column_letter(headers.index("Actie") + 1)
    assert '"Heroverwegen"' in ranges[f"{letter}2:{letter}{ws.max_row}"]


# ---- Matrix: charts -----------------------------------------------------------------------


def test_matrix_has_the_three_portfolio_charts(book):
    ws = book["Matrix"]
    charts = charts_by_title(ws)
    assert set(charts) == {
        "Klanten op omzet en score",
        "Paretocurve (80/20)",
        "Klantenpiramide",
        "Walviscurve (winstgevendheid)",
    }
    pareto = charts["Paretocurve (80/20)"]
    assert pareto.tagname == "scatterChart"
    curve, guide = pareto.series
    assert curve.xVal.numRef.f == "'Matrix'!$AH$2:$AH$102"
    assert curve.yVal.numRef.f == "'Matrix'!$AI$2:$AI$102"
    assert curve.tx.strRef.f == "'Matrix'!$AI$1"
    assert guide.xVal.numRef.f == "'Matrix'!$AL$2:$AL$4"
    assert guide.yVal.numRef.f == "'Matrix'!$AM$2:$AM$4"
    assert pareto.x_axis.numFmt.formatCode == pareto.y_axis.numFmt.formatCode == "0%"
    assert title_text(pareto.x_axis.title) == "Aandeel klanten (grootste omzet eerst)"

    pyramid = charts["Klantenpiramide"]
    assert pyramid.tagname == "barChart"
    assert pyramid.type == "bar"
    (bars,) = pyramid.series
    assert bars.val.numRef.f == "'Matrix'!$J$64:$J$68"
    assert bars.cat.strRef.f == "'Matrix'!$H$64:$H$68"
    assert pyramid.x_axis.scaling.orientation == "maxMin"  # top layer on top

    whale = charts["Walviscurve (winstgevendheid)"]
    curve, line = whale.series
    assert curve.xVal.numRef.f == "'Matrix'!$AO$2:$AO$102"
    assert curve.yVal.numRef.f == "'Matrix'!$AP$2:$AP$102"
    assert line.xVal.numRef.f == "'Matrix'!$AS$2:$AS$3"
    assert line.yVal.numRef.f == "'Matrix'!$AT$2:$AT$3"
    assert whale.y_axis.numFmt.formatCode == "0%"


def test_print_area_shows_both_pages(book):
    assert book["Matrix"].print_area == "'Matrix'!$A$1:$N$37,'Matrix'!$A$38:$N$77"


# ---- Matrix: the figures behind the charts -------------------------------------------------


def test_pareto_block_is_the_revenue_curve(book, customers):
    revenue = customers["Omzet"]
    ranked = np.sort(revenue[revenue > 0].to_numpy(dtype=float))[::-1]
    n = len(ranked)
    shares = np.arange(0, n + 1) / n
    cumulative = np.r_[0.0, np.cumsum(ranked) / ranked.sum()]
    block = cells(book["Matrix"], "AH2:AI102")
    xs = [row[0] for row in block]
    assert xs == pytest.approx([i / 100 for i in range(101)])
    expected = np.interp(xs, shares, cumulative)
    assert [row[1] for row in block] == pytest.approx(expected, abs=1e-6)
    # the guide runs from 80% to the curve and down, at the share that brings 80%
    reach = (np.searchsorted(np.cumsum(ranked) / ranked.sum(), 0.8 - 1e-12) + 1) / n
    assert cells(book["Matrix"], "AL2:AM4") == [
        [0, 0.8],
        [pytest.approx(reach), 0.8],
        [pytest.approx(reach), 0],
    ]
    line = cells(book["Matrix"], "H58:I58")[0]
    assert line[0] == "80/20-check"
    assert line[1] == f"{reach:.0%} van de klanten brengt 80% van de omzet"


def test_pyramid_block_counts_layers(book, customers):
    revenue = customers["Omzet"].to_numpy(dtype=float)
    ranked = np.sort(revenue[revenue > 0])[::-1]
    n = len(ranked)
    bounds = [0] + [min(n, math.ceil(round(share * n, 9))) for share in (0.01, 0.05, 0.20, 1.0)]
    expected = [
        [name, bounds[i + 1] - bounds[i], pytest.approx(ranked[bounds[i] : bounds[i + 1]].sum())]
        for i, name in enumerate(("Top 1%", "Volgende 4%", "Volgende 15%", "Overige 80%"))
    ]
    expected.append(["Inactief", int((revenue <= 0).sum()), 0])
    block = cells(book["Matrix"], "H62:K68")
    assert block[0][0] == "Klantenpiramide"
    assert block[1] == ["Laag", "Klanten", "Omzet", "Aandeel omzet"]
    assert [row[:3] for row in block[2:]] == expected
    assert sum(row[1] for row in block[2:]) == len(customers)
    assert sum(row[3] for row in block[2:]) == pytest.approx(1.0)


def test_whale_block_is_the_contribution_curve(book, orders, customers):
    recent = orders[orders["Datum"] > WINDOW_START]
    margin = recent.groupby("Klant")["Marge"].sum().reindex(customers.index, fill_value=0.0)
    cost = customers["Contacturen"].fillna(0) * HOURLY_RATE + customers["Maatwerkkosten"].fillna(0)
    ranked = np.sort((margin - cost).to_numpy())[::-1]
    n = len(ranked)
    cumulative = np.cumsum(ranked) / ranked.sum()
    block = cells(book["Matrix"], "AO2:AP102")
    expected = np.interp([i / 100 for i in range(101)], np.arange(n + 1) / n, np.r_[0, cumulative])
    assert [row[1] for row in block] == pytest.approx(expected, abs=1e-6)
    assert block[-1][1] == pytest.approx(1.0)  # all customers together: the total
    top = int(cumulative.argmax())
    assert max(row[1] for row in block) > 1.0  # the loss-makers give part of it back
    line = cells(book["Matrix"], "H59:I59")[0]
    assert line[0] == "Walviscurve"
    assert line[1] == (
        f"{(top + 1) / n:.0%} van de klanten levert {cumulative[top]:.0%} van de nettobijdrage"
    )


def test_retention_block_per_year(book, orders):
    placed = real_orders(orders)
    active = placed.groupby(placed["date"].dt.year)["Klant"].agg(set)
    first_day = orders["Datum"].min()  # the orders start on 01-11-2022
    block = cells(book["Matrix"], "H70:N77")
    # the Peildatum's own year is not complete, and the title says so
    assert block[0][0] == "Klantbehoud per jaar (2026 telt tot en met de peildatum 31-10-2026)"
    assert block[1][:6] == ["Jaar", "Actieve klanten", "Behouden", "Behoud %", "Nieuw", "Verloren"]
    years = list(active.index)[-6:]  # the last six years
    rows = block[2 : 2 + len(years)]
    seen: set = set()
    for row, year in zip(rows, years):
        now = active[year]
        before = active.get(year - 1)
        assert row[:2] == [year, len(now)]
        # a year is compared with the one before only when the orders cover 80% of that one
        base_start = pd.Timestamp(year=year - 1, month=1, day=1)
        covered = (pd.Timestamp(year=year, month=1, day=1) - max(first_day, base_start)).days / (
            pd.Timestamp(year=year, month=1, day=1) - base_start
        ).days
        if before is None or covered < 0.8:
            assert row[2:6] == [None, None, None, None]
        else:
            assert row[2] == len(before & now)
            assert row[3] == pytest.approx(len(before & now) / len(before))
            assert row[4] == len(now - seen)
            assert row[5] == len(before - now)
        seen |= now
    assert rows[0][6] == "vanaf 01-11-2022"  # the first year is covered in part
    assert rows[1][2:6] == [None, None, None, None]  # so 2023 is not compared with it
    assert rows[2][2] is not None
    assert rows[-1][6] is None  # the Peildatum's own year is named in the title
    assert all(v is None for row in block[2 + len(years) :] for v in row)


# ---- without orders, and in English ------------------------------------------------------


def test_without_orders_nothing_extra(tmp_path, capsys):
    out = tmp_path / "uit.xlsx"
    run_cli(capsys, "analyse", str(DEMO / "klanten.csv"), "-o", str(out))
    ws = openpyxl.load_workbook(out)["Matrix"]
    assert [title_text(c.title) for c in ws._charts] == ["Klanten op omzet en score"]
    assert ws.max_column < 34  # no data blocks from AH on
    assert ws.print_area == "'Matrix'!$A$1:$N$37"  # chart, top 20 and summary: one page


def test_english_labels(tmp_path, capsys):
    src = make_input(tmp_path / "customers.xlsx", lang="en")
    out = tmp_path / "out.xlsx"
    run_cli(capsys, "analyse", str(src), "--orders", str(DEMO / "orders.csv"), "-o", str(out))
    ws = openpyxl.load_workbook(out)["Matrix"]
    assert set(charts_by_title(ws)) >= {
        "Pareto curve (80/20)",
        "Customer pyramid",
        "Whale curve (profitability)",
    }
    assert cells(ws, "H63:K63")[0] == ["Layer", "Customers", "Revenue", "Revenue share"]
    assert cells(ws, "AH1:AI1")[0] == ["Share of customers", "Share of revenue (cumulative)"]


# ---- rendered -----------------------------------------------------------------------------


def test_rendered_pdf_shows_the_charts(output, tmp_path):
    soffice = need_soffice()
    if shutil.which("pdftotext") is None:
        if os.environ.get("CI"):
            pytest.fail("pdftotext (poppler) is required under CI")
        pytest.skip("pdftotext is not installed")
    profile = tmp_path / "profile"
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(output),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    pdf = tmp_path / (output.stem + ".pdf")
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    for title in (
        "Portefeuille: 80/20, klantenpiramide en winstgevendheid",
        "Paretocurve (80/20)",
        "Klantenpiramide",
        "Walviscurve (winstgevendheid)",
        "Aandeel klanten (grootste omzet eerst)",
        "80% van de omzet",
        "Volgende 15%",
    ):
        assert title in text


def test_customers_only_in_the_orders_are_added_below(tmp_path, capsys):
    customers = tmp_path / "klanten.csv"
    customers.write_text("Klant,Omzet,Regio\nBakker BV,50000,Utrecht\nSmit,,Gouda\n", "utf-8")
    orders = tmp_path / "orders.csv"
    orders.write_text(
        "Klant,Datum,Bedrag\n"
        "Smit,2026-03-02,1200\n"
        "Nieuw & Co,2026-05-04,800\n"
        "Nieuw & Co,2026-06-01,400\n",
        "utf-8",
    )
    out = tmp_path / "uit.xlsx"
    run_cli(capsys, "analyse", str(customers), "--orders", str(orders), "-o", str(out))
    ws = openpyxl.load_workbook(out)["Klanten"]
    table = table_of(ws)
    assert list(table["Klant"]) == ["Bakker BV", "Smit", "Nieuw & Co"]
    regio = list(table.columns).index("Regio") + 1
    assert ws.cell(4, regio).value is None  # nothing invented for the new customer
    assert table.loc[2, "Orders totaal"] == 2
    assert ws.tables["tblKlanten"].ref == f"A1:{openpyxl.utils.get_column_letter(ws.max_column)}4"


def test_portfolio_blocks_keep_their_size(customers, orders):
    """A pre-built chart references fixed ranges: every block has the same shape whatever
    the data, with blank cells where there is nothing to show."""
    from klantanalyse import Settings
    from klantanalyse.core.tables import SheetTable
    from klantanalyse.plan import matrix
    from klantanalyse.run import Tables, run

    settings = Settings(reference_date=demo.REFERENCE_DATE)

    def analysed(customer_frame, order_frame):
        tables = Tables(
            SheetTable("Klanten", 1, customer_frame), SheetTable("Orders", 1, order_frame)
        )
        return run(tables, settings=settings)

    full = analysed(customers.reset_index(), orders)
    small = analysed(
        pd.DataFrame({"Klant": ["Een", "Twee"], "Omzet": [100, 0]}),
        pd.DataFrame({"Klant": ["Een"], "Datum": ["2026-01-05"], "Bedrag": [100]}),
    )
    big, little = matrix.portfolio_blocks(full), matrix.portfolio_blocks(small)
    shapes = [(b.row, b.column, b.height, b.width) for b in big]
    assert [(b.row, b.column, b.height, b.width) for b in little] == shapes
    sizes = {at: (h, w) for at, h, w in matrix.BLOCK_SIZES}  # what a clear writes
    assert all(sizes[(r, c)] == (h, w) for r, c, h, w in shapes)
    whale = matrix.whale_block(small)  # no margins or costs: no whale curve
    assert all(v is None for row in whale.rows[1:] for v in row)
    # ... and the page says why, instead of a bare '-'
    assert matrix.portfolio_lines(small).rows[1] == [
        "Walviscurve",
        "geen curve: vul Brutomarge % in (of Marge bij de orders) en Contacturen of Maatwerkkosten",
    ]
    retention = matrix.retention_block(small)
    assert retention.rows[2][:2] == [2026, 1]
    assert all(v is None for row in retention.rows[3:] for v in row)
    cleared = matrix.portfolio_blocks(full, blank=True)
    assert all(v is None for b in cleared for row in b.rows for v in row)
    assert [(b.height, b.width) for b in cleared] == [s[2:] for s in shapes]
