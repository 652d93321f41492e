"""The A/B/C method of article 003 on small, hand-made customer tables."""

from __future__ import annotations

import pandas as pd
import pytest

from klantanalyse import InputError, Settings, SettingsError, analyse
from klantanalyse.core.columns import parse_amount, parse_date, parse_yes_no


def table(rows, columns=("Klant", "Omzet", "Marge", "Snelheid", "Innovatie", "Netwerk")):
    frame = pd.DataFrame([list(r) for r in rows], columns=list(columns), dtype=object)
    frame.index = range(2, 2 + len(frame))  # sheet row numbers
    return frame


def by_name(analysis):
    return analysis.shown().set_index("customer")


# One big customer, then a long tail: with Pareto 80/95 the first two are High.
GRID = [
    ("Groot Ja", 600_000, "Ja", "Ja", "Ja", "Nee"),  # High, 3 -> A
    ("Groot Nee", 250_000, "Nee", "Nee", "Nee", "Nee"),  # High (crosses 80%), 0 -> B
    ("Middel Vier", 60_000, "Ja", "Ja", "Ja", "Ja"),  # Medium, 4 -> A
    ("Middel Twee", 50_000, "Ja", "Nee", "Ja", "Nee"),  # Medium, 2 -> B
    ("Klein Een", 10_000, "Ja", "Nee", "Nee", "Nee"),  # Low, 1 -> C
    ("Klein Drie", 9_000, "Ja", "Ja", "Ja", "Nee"),  # Low, 3 -> B
    ("Klein Nul", 8_000, "Nee", "Nee", "Nee", "Nee"),  # Low, 0 -> C
]


def test_grid_follows_article_003():
    result = by_name(analyse(table(GRID)))
    assert result.loc["Groot Ja", ["score", "revenue_class", "segment"]].tolist() == [
        3,
        "Hoog",
        "A",
    ]
    assert result.loc["Groot Nee", ["score", "revenue_class", "segment"]].tolist() == [
        0,
        "Hoog",
        "B",
    ]
    assert result.loc["Middel Vier", "segment"] == "A"
    assert result.loc["Middel Twee", ["revenue_class", "segment"]].tolist() == ["Midden", "B"]
    assert result.loc["Klein Een", ["revenue_class", "segment"]].tolist() == ["Laag", "C"]
    assert result.loc["Klein Drie", "segment"] == "B"
    assert result.loc["Klein Nul", "segment"] == "C"
    assert result.loc["Groot Ja", "advice"].startswith("Maandelijks persoonlijk bezoek")
    assert "e-mail" in result.loc["Klein Nul", "advice"]


def test_high_revenue_customer_is_never_c():
    rows = [(f"Klant {i}", 1000 * (20 - i), "Nee", "Nee", "Nee", "Nee") for i in range(20)]
    result = analyse(table(rows)).shown()
    high = result[result["revenue_class"] == "Hoog"]
    assert len(high) > 0
    assert set(high["segment"]) == {"B"}


def test_pareto_includes_the_customer_that_crosses_80_percent():
    rows = [("A", 70, "", "", "", ""), ("B", 20, "", "", "", ""), ("C", 10, "", "", "", "")]
    result = by_name(analyse(table(rows)))
    # A alone is 70% (< 80), B crosses to 90% and is still High; C: 90 -> 100 is Medium? no:
    # before C the cumulative share is 90% (< 95) so C is Medium.
    assert result["revenue_class"].tolist() == ["Hoog", "Hoog", "Midden"]


def test_potential_counts_for_the_revenue_class():
    rows = [("Nu klein", 1_000, "", "", "", "", 500_000), ("Nu groot", 100_000, "", "", "", "", 0)]
    cols = ("Klant", "Omzet", "Marge", "Snelheid", "Innovatie", "Netwerk", "Potentie")
    result = by_name(analyse(table(rows, cols)))
    assert result.loc["Nu klein", "revenue_class"] == "Hoog"
    assert result.loc["Nu klein", "value"] == 501_000


def test_changing_a_threshold_or_matrix_cell_changes_the_result():
    base = by_name(analyse(table(GRID)))
    assert base.loc["Middel Twee", "segment"] == "B"
    rows = [("Segmentmatrix Midden (score 0-1-2-3-4)", "C C A A A")]
    settings, _ = Settings.from_rows(rows)
    changed = by_name(analyse(table(GRID), settings))
    assert changed.loc["Middel Twee", "segment"] == "A"

    amount, _ = Settings.from_rows(
        [
            ("Omzetklasse-methode", "Bedrag"),
            ("Bedraggrens Hoog (€)", "€ 55.000"),
            ("Bedraggrens Midden (€)", 9500),
        ]
    )
    by_amount = by_name(analyse(table(GRID), amount))
    assert by_amount.loc["Middel Vier", "revenue_class"] == "Hoog"
    assert by_amount.loc["Middel Twee", "revenue_class"] == "Midden"
    assert by_amount.loc["Klein Een", "revenue_class"] == "Midden"
    assert by_amount.loc["Klein Drie", "revenue_class"] == "Laag"


def test_typed_answer_wins_over_rule_and_rule_fills_blank():
    cols = ("Klant", "Omzet", "Marge", "Snelheid", "Brutomarge %", "Betaaltermijn (dagen)")
    rows = [
        ("Getypt nee", 100, "Nee", "", 40, 60),  # rule would say Ja, typed Nee wins
        ("Regel ja", 100, "", "", 30, 14),  # both rules: Ja
        ("Regel nee", 100, "", "", 10, 45),  # both rules: Nee
        ("Geen data", 100, "", "", None, None),  # blank and no data: Nee
    ]
    result = by_name(analyse(table(rows, cols)))
    assert result["score"].to_dict() == {
        "Getypt nee": 0,
        "Regel ja": 2,
        "Regel nee": 0,
        "Geen data": 0,
    }


@pytest.mark.parametrize(
    "answer, expected",
    [
        ("Ja", True), ("nee", False), ("j", True), ("N", False), ("yes", True), ("No", False),
        ("y", True), ("x", True), ("X", True), ("", None), (None, None), ("1", True), (0, False),
        (1, True), ("WAAR", True), ("onwaar", False), ("TRUE", True), ("false", False),
        (True, True), (False, False),
    ],
)  # fmt: skip
def test_yes_no_answers(answer, expected):
    assert parse_yes_no(answer) is expected


@pytest.mark.parametrize("answer", ["misschien", "2", 3, "ja nee"])
def test_bad_yes_no_is_rejected(answer):
    with pytest.raises(ValueError):
        parse_yes_no(answer)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("€ 12.500,00", 12500.0), ("12500", 12500.0), ("12.500", 12500.0),
        ("1,234.56", 1234.56), ("12 500", 12500.0), ("12,5", 12.5), ("0.5", 0.5),
        ("€12.500,-", 12500.0), ("1.234.567", 1234567.0), ("-300", -300.0), (7, 7.0),
        ("EUR 1.000", 1000.0), ("25%", 25.0), ("", None), (None, None),
    ],
)  # fmt: skip
def test_amounts(text, expected):
    assert parse_amount(text) == expected


@pytest.mark.parametrize("text", ["abc", "12,50,00", "1.2.3", "€", True])
def test_bad_amounts(text):
    with pytest.raises(ValueError):
        parse_amount(text)


def test_dates():
    assert parse_date("31-10-2026").date().isoformat() == "2026-10-31"
    assert parse_date("2026-10-31").date().isoformat() == "2026-10-31"
    assert parse_date(46326).date().isoformat() == "2026-10-31"


def test_row_problems_go_to_melding_and_the_run_goes_on():
    rows = [
        ("Goed", 1000, "Ja", "", "", ""),
        ("Goed", 500, "Ja", "", "", ""),
        (None, 400, "", "", "", ""),
        ("Raar", "veel", "", "", "", ""),
        ("Negatief", -5, "", "", "", ""),
        ("Twijfel", 300, "misschien", "", "", ""),
        ("Leeg", None, "", "", "", ""),
    ]
    analysis = analyse(table(rows))
    messages = analysis.results["message"].tolist()
    assert messages == [
        None,
        "Klantnaam 'Goed' staat ook op rij 2; maak de namen uniek.",
        "Klantnaam ontbreekt.",
        "Omzet: 'veel' is geen bedrag; vul een getal in.",
        "Omzet is negatief (-5); vul 0 of meer in.",
        "Marge: 'misschien' is geen Ja/Nee; vul Ja of Nee in.",
        "Omzet ontbreekt; vul de jaaromzet in.",
    ]
    assert analysis.results["segment"].tolist() == ["B", None, None, None, None, None, None]
    assert analysis.summary.problems == 6
    assert analysis.warnings == (
        "6 rij(en) met een melding in kolom Melding; die klanten hebben geen segment",
    )


def test_english_messages_and_headers():
    rows = [("Big", 100, "maybe", "", "", "")]
    cols = ("Customer", "Revenue", "Margin", "Speed", "Innovation", "Network")
    analysis = analyse(table(rows, cols), Settings(lang="en"))
    assert analysis.results["message"][2] == "Margin: 'maybe' is not a Yes/No; enter Yes or No."
    assert list(analysis.result_table().columns) == [
        "Score", "Revenue class", "Segment", "Advice", "Message",
    ]  # fmt: skip


def test_headers_ignore_case_accents_spaces_and_punctuation():
    cols = ("  KLANT ", "omzet", "MARGE", "snel-heid", "Innovátie", "netwerk")
    analysis = analyse(table([("X", 10, "ja", "ja", "ja", "ja")], cols))
    assert analysis.results["score"].tolist() == [4]


def test_missing_required_column_is_an_error():
    with pytest.raises(InputError) as err:
        analyse(table([("X", "Ja")], ("Klant", "Marge")))
    assert err.value.message == (
        "de kolom 'Omzet' ontbreekt (koppen gezien: Klant, Marge); zet een kop 'Omzet' (of "
        "'Revenue') boven de gegevens."
    )


def test_no_rows_is_an_error():
    with pytest.raises(InputError, match="er staan geen klanten in de tabel"):
        analyse(table([]))


def test_input_is_not_modified():
    frame = table(GRID)
    before = frame.copy(deep=True)
    analyse(frame)
    pd.testing.assert_frame_equal(frame, before)


def test_summary_and_80_20():
    analysis = analyse(table(GRID))
    s = analysis.summary
    assert s.customers == 7
    assert s.total_revenue == 987_000
    assert {line.segment: line.customers for line in s.segments} == {"A": 2, "B": 3, "C": 2}
    assert sum(line.share for line in s.segments) == pytest.approx(1.0)
    # 600k + 250k = 850k of 987k crosses 80% with the second customer: 2 of 7
    assert s.pareto_customers == 2
    assert s.pareto_share == pytest.approx(2 / 7)


@pytest.mark.parametrize(
    "rows, message",
    [
        ([("Taal", "FR")], "blad Instellingen, 'Taal': 'fr' is ongeldig; kies NL of EN."),
        (
            [("Segmentmatrix Hoog (score 0-1-2-3-4)", "B C A A A")],
            "blad Instellingen, 'Segmentmatrix Hoog (score 0-1-2-3-4)': 'B C A A A' is ongeldig; "
            "een klant met hoge omzet is altijd A of B, dus gebruik hier geen C.",
        ),
        (
            [("Regel Marge", "Kleur >= 3")],
            "blad Instellingen, 'Regel Marge': 'Kleur >= 3' is ongeldig; de kolom 'Kleur' is geen "
            "gegevenskolom; kies bijv. Brutomarge %, Betaaltermijn (dagen), Contacturen of Aantal "
            "producten.",
        ),
        (
            [("Pareto-grens Hoog (%)", 96)],
            "blad Instellingen, 'Pareto-grens Midden (%)': '95' is ongeldig; de grens voor Midden "
            "moet hoger zijn dan die voor Hoog.",
        ),
    ],
)
def test_bad_settings_name_the_setting_and_the_fix(rows, message):
    with pytest.raises(SettingsError) as err:
        Settings.from_rows(rows)
    assert err.value.message == message


def test_settings_round_trip_through_rows():
    settings = Settings(lang="en").replace(pareto_high=0.7, recent_months=6)
    rows = [(label, value) for label, value, _ in settings.to_rows()]
    again, warnings = Settings.from_rows(rows)
    assert again == settings
    assert warnings == []
