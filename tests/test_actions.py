"""The Actielijst: the priority rules on a hand-made case, the order setting, the Gedaan
column that survives a new run, and the demo's own cases from the article on order history.

The expected lists are written out by hand from the rules (README, "Actielijst"): the kinds
in the order Aandacht, Potentie, A-bezoek, Onbenut, B-contact, Heroverwegen, Slapend; one
row per customer under the first kind that holds; the largest value first within a kind.
"""

from __future__ import annotations

import datetime as dt

import numpy as np
import openpyxl
import pandas as pd
import pytest

from klantanalyse import demo
from klantanalyse.cli import main
from klantanalyse.core.actions import action_list
from klantanalyse.core.settings import Settings
from klantanalyse.errors import SettingsError
from oracle_helpers import DEMO, DEMO_REFERENCE

PEILDATUM = dt.date(2026, 6, 30)


def _day(text: str) -> pd.Timestamp:
    return pd.Timestamp(text)


# customer, segment, signal, portfolio action, untapped, value, last order, previous revenue
HAND_MADE = [
    ("Aandacht BV", "A", "attention", "develop", None, 50_000, "2025-11-20", 60_000),
    ("Potentie BV", "B", "potential", "develop", True, 40_000, "2026-05-02", 30_000),
    ("A groot", "A", "stable", "maintain", None, 300_000, "2026-05-20", 250_000),
    ("A klein", "A", "stable", "maintain", None, 20_000, "2026-05-25", 18_000),
    ("A vers", "A", "stable", "maintain", None, 90_000, "2026-06-27", 80_000),
    ("A contact", "A", "stable", "maintain", None, 60_000, "2026-06-27", 50_000),
    ("B stil", "B", "stable", "maintain", None, 15_000, "2026-02-10", 12_000),
    ("B vers", "B", "stable", "maintain", None, 15_000, "2026-05-10", 12_000),
    ("C lijkt", "C", "stable", "maintain", True, 4_000, "2026-06-01", 3_000),
    ("C verlies", "C", "stable", "reconsider", None, 6_000, "2026-06-01", 5_000),
    ("Slaper groot", "C", "dormant", "reactivate", None, 0, "2025-01-15", 20_000),
    ("Slaper klein", "C", "dormant", "let_go", None, 0, "2025-03-01", 2_000),
    ("Fout", None, "attention", None, None, 0, "2025-11-20", 60_000),
]
# Laatste contact on the customer table: 'A contact' ordered last week but was last visited
# in March, so it is due; 'A vers' was visited recently.
CONTACTS = {"A contact": "2026-03-15", "A vers": "2026-06-20"}

EXPECTED = [  # (customer, kind, when) in priority order
    ("Aandacht BV", "attention", "week"),
    ("Potentie BV", "potential", "week"),
    ("A groot", "visit", "month"),
    ("A contact", "visit", "month"),
    ("A klein", "visit", "month"),
    ("C lijkt", "untapped", "month"),
    ("B stil", "contact", "month"),
    ("C verlies", "reconsider", "quarter"),
    ("Slaper groot", "dormant", "month"),
    ("Slaper klein", "dormant", "quarter"),
]


def hand_made() -> tuple[pd.DataFrame, pd.DataFrame]:
    """(results as the analysis gives them, the customer table as read)."""
    index = pd.RangeIndex(2, 2 + len(HAND_MADE))
    names = [r[0] for r in HAND_MADE]
    results = pd.DataFrame(
        {
            "customer": names,
            "segment": [r[1] for r in HAND_MADE],
            "signal": [r[2] for r in HAND_MADE],
            "action": [r[3] for r in HAND_MADE],
            "untapped": [r[4] for r in HAND_MADE],
            "value": [float(r[5]) for r in HAND_MADE],
            "revenue": [float(r[5]) for r in HAND_MADE],
            "potential": 0.0,
            "last_order": [_day(r[6]) for r in HAND_MADE],
            "revenue_previous": [float(r[7]) for r in HAND_MADE],
            "orders_recent": 5,
            "avg_order": 2_000.0,
            "avg_order_recent": 900.0,
            "months_since": 7,
            "similarity": 88.0,
            "similarity_reasons": "Zoals A-klanten: Sector Installatie.",
            "contribution": -1_000.0,
            "gross_margin": 500.0,
            "cost_to_serve": 1_500.0,
        },
        index=index,
    )
    customers = pd.DataFrame(
        {"Klant": names, "Laatste contact": [CONTACTS.get(n) for n in names]}, index=index
    )
    return results, customers


def listed(actions) -> list[tuple[str, str, str | None]]:
    rows = actions.rows
    return list(zip(rows["customer"], rows["kind"], rows["when"]))


def test_priority_rules_on_a_hand_made_case():
    results, customers = hand_made()
    actions = action_list(results, Settings(reference_date=PEILDATUM), customers)
    assert listed(actions) == EXPECTED
    rows = actions.rows.set_index("customer")
    assert list(actions.rows["priority"]) == list(range(1, len(EXPECTED) + 1))
    # one row per customer; the other kinds that hold are named in the reason
    assert actions.rows["customer"].is_unique
    assert rows.loc["Aandacht BV", "why"].endswith("ook: A-bezoek")
    assert rows.loc["Potentie BV", "why"].endswith("ook: Onbenut")
    # the facts behind each action, in plain words
    assert "niets meer sinds 20-11-2025 (7 mnd)" in rows.loc["Aandacht BV", "why"]
    assert rows.loc["A groot", "why"] == "Laatste order 20-05-2026, 1 mnd geleden"
    assert rows.loc["A contact", "why"] == "Laatste contact 15-03-2026, 3 mnd geleden"
    assert rows.loc["B stil", "why"] == "Laatste order 10-02-2026, 4 mnd geleden"
    # a dormant customer is reactivated or let go, and the list says which
    assert rows.loc["Slaper groot", "todo"].startswith("Heractiveren")
    assert rows.loc["Slaper klein", "todo"].startswith("Loslaten")
    assert "minder dan € 10.000" in rows.loc["Slaper klein", "why"]


def test_the_order_setting_decides_priority_and_which_kinds_are_listed():
    results, customers = hand_made()
    settings = Settings.from_rows(
        [("Peildatum", PEILDATUM), ("Actielijst: volgorde", "Slapend, aandacht")]
    )[0]
    assert settings.action_order == ("dormant", "attention")
    actions = action_list(results, settings, customers)
    assert listed(actions) == [
        ("Slaper groot", "dormant", "month"),
        ("Slaper klein", "dormant", "quarter"),
        ("Aandacht BV", "attention", "week"),
    ]
    english = Settings.from_rows([("Action list: order", "A visit; Dormant")], lang="en")[0]
    assert english.action_order == ("visit", "dormant")
    assert english.to_rows()[[r[0] for r in english.to_rows()].index("Action list: order")][1] == (
        "A visit, Dormant"
    )
    with pytest.raises(SettingsError, match="Actielijst: volgorde"):
        Settings.from_rows([("Actielijst: volgorde", "Aandacht, Morgen")])
    with pytest.raises(SettingsError, match="Actielijst: volgorde"):
        Settings.from_rows([("Actielijst: volgorde", "Aandacht, aandacht")])


def test_gedaan_stays_with_its_customer_and_a_tick_is_never_lost():
    results, customers = hand_made()
    previous = [
        ["Actielijst"],
        [],
        [],
        ["Prioriteit", "Klant", "Segment", "Soort", "Wat te doen", "Gedaan"],
        [1, "a GROOT ", "A", "A-bezoek", "Bezoeken", "x"],
        [2, "B stil", "B", "B-contact", "Bellen", None],
        [3, "Weg BV", "C", "Slapend", "Loslaten", "gebeld 3-6"],
        [4, "B vers", "B", "B-contact", "Bellen", dt.datetime(2026, 6, 1)],
    ]
    actions = action_list(results, Settings(reference_date=PEILDATUM), customers, previous)
    rows = actions.rows
    done = dict(zip(rows["customer"], rows["done"]))
    assert done["A groot"] == "x"  # by name, whatever the case or spaces
    assert done["B stil"] is None
    # ticked but no action needed any more: kept at the bottom, without a priority
    tail = rows.iloc[len(EXPECTED) :]
    assert list(tail["customer"]) == ["Weg BV", "B vers"]
    assert list(tail["done"]) == ["gebeld 3-6", dt.datetime(2026, 6, 1)]
    assert tail["priority"].isna().all() and set(tail["kind"]) == {"kept"}
    assert actions.count == len(EXPECTED)


def _demo_orders() -> pd.DataFrame:
    orders = pd.read_csv(DEMO / "orders.csv", parse_dates=["Datum"])
    return orders[orders["Datum"] <= pd.Timestamp(DEMO_REFERENCE)]


@pytest.fixture(scope="module")
def demo_actions(tmp_path_factory):
    """The Actielijst and Klanten sheets of `klantanalyse analyse` on the demo workbook."""
    out = tmp_path_factory.mktemp("actions") / "demo.xlsx"
    from conftest import ROOT

    assert main(["analyse", str(ROOT / "klantanalyse.xlsm"), "-o", str(out)]) == 0
    book = openpyxl.load_workbook(out)
    return book, out


def sheet_table(ws, header_row: int) -> pd.DataFrame:
    rows = list(ws.iter_rows(min_row=header_row, values_only=True))
    return pd.DataFrame(rows[1:], columns=rows[0]).dropna(how="all")


def test_demo_names_the_article_cases_first_and_every_a_customer_due(demo_actions):
    book, _ = demo_actions
    assert book.sheetnames[:2] == ["Actielijst", "Klanten"]  # an .xlsx has no Start sheet
    actions = sheet_table(book["Actielijst"], 4)
    assert actions["Klant"].is_unique
    first, second = actions.iloc[0], actions.iloc[1]
    # seed article 000: Klant B (ordered a lot, silent for months) and Klant A (used to order
    # big, now small and rarely)
    assert (first["Klant"], first["Soort"]) == (demo.CASE_ATTENTION, "Aandacht")
    assert "niets meer sinds" in first["Waarom"] and first["Wanneer"] == "Deze week"
    assert (second["Klant"], second["Soort"]) == (demo.CASE_POTENTIAL, "Potentie")
    assert "Bestelde eerder gem." in second["Waarom"] and second["Wanneer"] == "Deze week"
    # every A customer whose last order is a month or more before the Peildatum (from the
    # order lines, independently): the method's monthly visit
    klanten = sheet_table(book["Klanten"], 1)
    a_customers = set(klanten.loc[klanten["Segment"] == "A", "Klant"])
    orders = _demo_orders()
    last = orders[orders["Bedrag"] > 0].groupby("Klant")["Datum"].max()
    month_ago = pd.Timestamp(DEMO_REFERENCE) - pd.DateOffset(months=1)
    due = {name for name in a_customers if last[name] <= month_ago}
    assert due and due <= set(actions["Klant"])
    assert not (a_customers - due) & set(actions.loc[actions["Soort"] == "A-bezoek", "Klant"])
    # the dormant customer is let go (its revenue before was small), on both sheets
    dormant = actions.set_index("Klant").loc[demo.CASE_DORMANT]
    assert dormant["Wat te doen"].startswith("Loslaten")
    assert klanten.set_index("Klant").loc[demo.CASE_DORMANT, "Actie"] == "Loslaten"
    assert np.all(actions["Prioriteit"].dropna().diff().dropna() == 1)


def test_a_tick_in_the_output_survives_the_next_run(demo_actions, tmp_path):
    _, out = demo_actions
    book = openpyxl.load_workbook(out)
    ws = book["Actielijst"]
    header = [c.value for c in ws[4]]
    name_col, done_col = header.index("Klant") + 1, header.index("Gedaan") + 1
    ticked = ws.cell(7, name_col).value
    ws.cell(7, done_col).value = "gebeld"
    edited = tmp_path / "edited.xlsx"
    book.save(edited)
    again = tmp_path / "again.xlsx"
    assert main(["analyse", str(edited), "-o", str(again)]) == 0
    actions = sheet_table(openpyxl.load_workbook(again)["Actielijst"], 4)
    assert dict(zip(actions["Klant"], actions["Gedaan"]))[ticked] == "gebeld"
    assert actions["Gedaan"].notna().sum() == 1


def test_without_dates_every_a_customer_is_due_and_no_b_customer():
    """No orders and no Laatste contact: the method's monthly A visit still holds; nothing
    says when a B customer was last seen, so none is listed for B-contact."""
    results = pd.DataFrame(
        {
            "customer": ["Groot A", "Klein A", "Een B"],
            "segment": ["A", "A", "B"],
            "value": [90_000.0, 30_000.0, 20_000.0],
            "revenue": [90_000.0, 30_000.0, 20_000.0],
        },
        index=pd.RangeIndex(2, 5),
    )
    actions = action_list(results, Settings(reference_date=PEILDATUM))
    assert listed(actions) == [("Groot A", "visit", "month"), ("Klein A", "visit", "month")]
    assert set(actions.rows["why"]) == {
        "Geen datum van laatste contact of order bekend (vul de kolom Laatste contact in)"
    }
