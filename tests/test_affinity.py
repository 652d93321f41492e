"""Verwantschap: the profile of a good fit and the similarity of prospects and customers."""

from __future__ import annotations

import re

import numpy as np
import pandas as pd
import pytest

from klantanalyse.core import Settings, affinity, analyse
from klantanalyse.errors import InputError, SettingsError

# Segments follow from fixed amounts: 200k with 4x Ja is A, 50k with 2x Ja is B, 5k with
# no Ja is C.
SETTINGS = Settings(revenue_method="amount")
SEGMENT_INPUT = {
    "A": (200_000, "Ja", "Ja"),
    "B": (50_000, "Ja", "Nee"),
    "C": (5_000, "Nee", "Nee"),
}


def _rows(segment: str, count: int, start: int, **values: object) -> list[dict]:
    revenue, first, second = SEGMENT_INPUT[segment]
    rows = []
    for i in range(count):
        row = {
            "Klant": f"{segment}-klant {start + i}",
            "Omzet": revenue,
            "Marge": first,
            "Snelheid": first,
            "Innovatie": second if segment != "B" else "Nee",
            "Netwerk": second if segment != "B" else "Nee",
        }
        for key, value in values.items():
            row[key] = value(i) if callable(value) else value
        rows.append(row)
    return rows


def customer_table() -> pd.DataFrame:
    """A customers are mostly Bouw in Noord with 50+ staff; C customers small Retail in Zuid."""
    rows = []
    rows += _rows(
        "A",
        6,
        1,
        Sector=lambda i: " bouw" if i == 5 else "Bouw",  # spelling differs, same value
        Regio="Noord",
        Medewerkers=lambda i: 60 + 10 * i,
        Relatietype="Vaste klant",
    )
    rows += _rows(
        "A",
        2,
        7,
        Sector="Zorg",
        Regio="Zuid",
        Medewerkers=lambda i: 80 + i,
        Relatietype="Vaste klant",
    )
    rows += _rows(
        "B",
        5,
        1,
        Sector="Bouw",
        Regio="Zuid",
        Medewerkers=lambda i: 20 + i,
        Relatietype="Projectklant",
    )
    rows += _rows(
        "B",
        5,
        6,
        Sector="Zorg",
        Regio="Oost",
        Medewerkers=lambda i: 30 + i,
        Relatietype="Vaste klant",
    )
    # a B customer that looks exactly like the A customers: untapped potential
    rows += _rows(
        "B", 1, 11, Sector="Bouw", Regio="Noord", Medewerkers=75, Relatietype="Vaste klant"
    )
    rows += _rows(
        "C",
        8,
        1,
        Sector="Retail",
        Regio="Zuid",
        Medewerkers=lambda i: 2 + i,
        Relatietype="Eenmalig",
    )
    rows += _rows(
        "C",
        2,
        9,
        Sector="Visserij",
        Regio="Oost",
        Medewerkers=lambda i: 4 + i,
        Relatietype="Eenmalig",
    )
    table = pd.DataFrame(rows)
    table.index = table.index + 2  # sheet row numbers
    return table


def prospect_table() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "Prospect": ["Lijkt op A", "Lijkt op C", "Onbekende sector", "Zonder sector", "Leeg"],
            "Sector": [" bouw ", "Retail", "Mijnbouw", None, None],
            "Regio": ["Noord", "Zuid", "Noord", "Noord", None],
            "Medewerkers": [70, 3, 70, 70, None],
            "Relatietype": ["Vaste klant", "Eenmalig", "Vaste klant", "Vaste klant", None],
        },
        index=[2, 3, 4, 5, 6],
    )


def build(table: pd.DataFrame | None = None, settings: Settings = SETTINGS) -> affinity.Profile:
    table = customer_table() if table is None else table
    return affinity.profile(analyse(table, settings), table, settings)


def line(profile: affinity.Profile, group: str, name: str, value: str) -> pd.Series:
    table = profile.table
    found = table[
        (table["aff_group"] == group)
        & (table["aff_characteristic"] == name)
        & (table["aff_value"] == value)
    ]
    assert len(found) == 1, (group, name, value)
    return found.iloc[0]


def test_segments_of_the_fixture_are_as_intended():
    table = customer_table()
    segments = analyse(table, SETTINGS).results["segment"]
    assert segments.value_counts().to_dict() == {"B": 11, "C": 10, "A": 8}


def test_profile_line_counts_lift_and_plain_dutch_text():
    table = customer_table()
    profile = build(table)
    segments = analyse(table, SETTINGS).results["segment"]
    bouw = table["Sector"].str.strip().str.casefold() == "bouw"
    a_count, a_size = int((bouw & (segments == "A")).sum()), int((segments == "A").sum())
    expected_lift = (a_count / a_size) / (bouw.sum() / len(table))

    row = line(profile, "A", "Sector", "Bouw")
    assert (row["aff_group_count"], row["aff_group_size"]) == (a_count, a_size)
    assert row["aff_customers"] == bouw.sum()
    assert row["aff_lift"] == pytest.approx(expected_lift)
    ratio = f"{expected_lift:.1f}".replace(".", ",")
    assert (
        row["aff_text"]
        == f"Sector Bouw: {a_count} van {a_size} A-klanten, {ratio}× vaker dan gemiddeld"
    )

    retail = line(profile, "C", "Sector", "Retail")
    assert retail["aff_text"].startswith("Sector Retail: 8 van 10 C-klanten,")
    assert "vaker dan gemiddeld" in retail["aff_text"]
    absent = line(profile, "A", "Sector", "Retail")
    assert (
        absent["aff_text"] == "Sector Retail: 0 van 8 A-klanten, tegen 8 van 29 klanten in totaal"
    )
    assert "minder vaak" in line(profile, "A", "Regio", "Zuid")["aff_text"]


def test_profile_puts_what_a_group_shares_first():
    profile = build()
    table = profile.table
    groups = table["aff_group"].tolist()
    assert groups == sorted(groups)  # all A lines, then all C lines
    for group in ("A", "C"):
        lifts = table.loc[table["aff_group"] == group, "aff_lift"].to_numpy()
        more = lifts > 1
        # the values the group has more often come before the ones it lacks
        assert more.any() and not more[np.argmin(more) :].any()
    first_a = table.iloc[0]
    assert first_a["aff_group_count"] >= 6 and first_a["aff_lift"] > 2.5


def test_prospect_like_a_scores_clearly_higher_than_prospect_like_c():
    profile = build()
    scores = affinity.score(profile, prospect_table())
    like_a, like_c = scores.results.loc[2], scores.results.loc[3]
    assert like_a["similarity"] >= 80
    assert like_c["similarity"] <= 20
    assert like_a["similarity_reasons"].startswith("Zoals A-klanten: ")
    assert "Regio Noord" in like_a["similarity_reasons"]
    assert "Anders dan" not in like_a["similarity_reasons"]
    assert like_c["similarity_reasons"].startswith("Anders dan A-klanten: ")
    assert "Sector Retail" in like_c["similarity_reasons"]
    # at most three characteristics are named as drivers
    drivers = like_a["similarity_reasons"].removeprefix("Zoals A-klanten: ").rstrip(".")
    assert 1 <= len(drivers.split(", ")) <= 3
    assert scores.warnings == ()


def test_value_spelling_does_not_matter():
    profile = build()
    a, b = (
        affinity.similarity(profile, {"Sector": text, "Regio": "Noord"})
        for text in ("Bouw", "  BOUW ")
    )
    assert a == b
    assert "Sector Bouw" in a[1]


def test_existing_b_customer_that_looks_like_a_is_untapped_potential():
    table = customer_table()
    profile = build(table)
    scores = affinity.score_customers(profile).results
    segments = analyse(table, SETTINGS).results["segment"]
    lookalike = table.index[table["Klant"] == "B-klant 11"][0]
    assert scores.loc[lookalike, "untapped"]
    assert scores.loc[lookalike, "similarity"] >= SETTINGS.affinity_flag
    assert scores["untapped"].sum() == 1
    assert not scores.loc[segments == "A", "untapped"].any()
    # A customers resemble the A customers, C customers do not
    assert (
        scores.loc[segments == "A", "similarity"].min()
        > scores.loc[segments == "C", "similarity"].max()
    )


def test_customer_is_left_out_of_its_own_comparison():
    """A customer scores exactly like a prospect with the same values compared with the
    other customers."""
    table = customer_table()
    own = affinity.score_customers(build(table)).results
    for name in ("A-klant 7", "B-klant 6", "C-klant 10"):
        label = table.index[table["Klant"] == name][0]
        others = table.drop(index=label)
        as_prospect = affinity.score(build(others), table.loc[[label]]).results.loc[label]
        assert own.loc[label, "similarity"] == as_prospect["similarity"]


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_shuffling_rows_changes_nothing(seed):
    table, prospects = customer_table(), prospect_table()
    profile = build(table)
    own = affinity.score_customers(profile).results
    scores = affinity.score(profile, prospects).results

    rng = np.random.default_rng(seed)
    shuffled = table.iloc[rng.permutation(len(table))]
    shuffled_prospects = prospects.iloc[rng.permutation(len(prospects))]
    profile2 = build(shuffled)
    pd.testing.assert_frame_equal(profile.table, profile2.table)
    pd.testing.assert_frame_equal(own, affinity.score_customers(profile2).results.loc[own.index])
    pd.testing.assert_frame_equal(
        scores, affinity.score(profile2, shuffled_prospects).results.loc[scores.index]
    )


def test_value_label_is_the_most_used_spelling_whatever_the_row_order():
    table = customer_table()
    odd = table.index[table["Sector"] == " bouw"]
    assert len(odd) == 1
    for order in (odd.tolist() + table.index.drop(odd).tolist(), table.index[::-1]):
        profile = build(table.loc[order])
        values = profile.table.loc[profile.table["aff_characteristic"] == "Sector", "aff_value"]
        assert "Bouw" in values.tolist() and "bouw" not in values.tolist()


def test_prospect_value_never_seen_counts_for_nothing_and_is_named():
    profile = build()
    results = affinity.score(profile, prospect_table()).results
    unseen, without = results.loc[4], results.loc[5]
    assert "Sector 'Mijnbouw' (komt bij geen klant voor)" in unseen["similarity_reasons"]
    assert unseen["similarity_reasons"].startswith("Zoals A-klanten: ")
    # same prospect with the sector left blank: same score
    assert unseen["similarity"] == without["similarity"]
    assert "Mijnbouw" not in without["similarity_reasons"]


def test_prospect_without_known_characteristics_gets_no_score():
    results = affinity.score(build(), prospect_table()).results
    empty = results.loc[6]
    assert empty["similarity"] is None
    assert empty["similarity_reasons"].startswith("Geen gelijkenis te berekenen")


def test_prospect_number_that_is_not_a_number_is_named():
    score, reasons = affinity.similarity(build(), {"Medewerkers": "veel", "Regio": "Noord"})
    assert score is not None
    assert "Aantal medewerkers 'veel' (geen getal)" in reasons


def test_no_characteristic_columns_is_a_clear_error():
    table = customer_table().drop(columns=["Sector", "Regio", "Medewerkers", "Relatietype"])
    with pytest.raises(
        InputError,
        match=r"geen kenmerken.*Sector, Regio, Relatietype of "
        r"Aantal medewerkers.*Verwantschap: extra kenmerken",
    ):
        build(table)


def test_blank_characteristic_columns_count_as_absent():
    table = customer_table()
    for column in ("Sector", "Regio", "Medewerkers", "Relatietype"):
        table[column] = None
    with pytest.raises(InputError, match="geen kenmerken"):
        build(table)


def test_all_customers_in_one_segment_is_a_clear_error():
    table = customer_table()
    table = table[analyse(table, SETTINGS).results["segment"] == "C"]
    with pytest.raises(InputError, match="alle 10 klanten zitten in segment C"):
        build(table)


def test_no_a_customers_is_a_clear_error():
    table = customer_table()
    table = table[analyse(table, SETTINGS).results["segment"] != "A"]
    with pytest.raises(InputError, match="geen A-klanten"):
        build(table)


def test_few_a_customers_give_a_warning():
    table = customer_table()
    segments = analyse(table, SETTINGS).results["segment"]
    keep = (segments != "A") | (table["Klant"].isin(["A-klant 1", "A-klant 2"]))
    profile = build(table[keep])
    assert any("maar 2 A-klanten" in w for w in profile.warnings)


def test_prospect_table_needs_a_characteristic_column():
    profile = build()
    with pytest.raises(InputError, match="prospecttabel heeft geen van de kenmerkkolommen"):
        affinity.score(profile, pd.DataFrame({"Prospect": ["X"], "Telefoon": ["010"]}))
    partial = affinity.score(profile, pd.DataFrame({"Prospect": ["X"], "Regio": ["Noord"]}))
    assert partial.results["similarity"].iloc[0] is not None
    assert len(partial.warnings) == 1
    expected = "mist de kenmerkkolom(men) Sector, Relatietype, Aantal medewerkers"
    assert expected in partial.warnings[0]


def test_empty_prospect_table_gives_empty_results():
    empty = prospect_table().iloc[0:0]
    assert affinity.score(build(), empty).results.empty


def test_company_size_is_binned_into_readable_ranges():
    table = customer_table()
    profile = build(table)
    size = next(c for c in profile.characteristics if c.name == "Aantal medewerkers")
    assert size.numeric
    pattern = re.compile(r"^(< \d+|\d+–\d+|\d+|≥ \d+)$")
    assert all(pattern.match(label) for label in size.value_labels), size.value_labels
    # every customer falls in exactly one range and the counts add up
    edges = np.asarray(size.edges)
    bins = np.searchsorted(edges, table["Medewerkers"].to_numpy(), side="right")
    assert size.n_all.tolist() == np.bincount(bins, minlength=len(edges) + 1).tolist()
    # the ranges are round numbers
    assert all(edge in {1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500} for edge in edges)
    # a prospect lands in the range that holds its number
    _, reasons = affinity.similarity(profile, {"Medewerkers": 1000})
    assert f"Aantal medewerkers ≥ {edges[-1]:g}" in reasons


def test_fractional_numbers_use_from_to_ranges():
    table = customer_table()
    rng = np.random.default_rng(4)
    table["Score klanttevredenheid"] = np.round(rng.uniform(5.0, 9.5, len(table)), 1)
    settings = SETTINGS.replace(affinity_columns=("Score klanttevredenheid",))
    profile = build(table, settings)
    column = next(c for c in profile.characteristics if c.name == "Score klanttevredenheid")
    assert column.numeric
    middle = column.value_labels[1:-1]
    assert middle and all(" tot " in label for label in middle)


def test_values_held_by_few_customers_are_hidden_and_do_not_count():
    profile = build()
    table = profile.table
    assert not (table["aff_value"] == "Visserij").any()  # only 2 customers
    assert profile.hidden >= 1
    assert f"{profile.hidden} kenmerkwaarde(n) met minder dan 3 klanten" in profile.hidden_note()
    score, reasons = affinity.similarity(profile, {"Sector": "Visserij", "Regio": "Noord"})
    assert "Sector Visserij (te weinig klanten)" in reasons
    assert score == affinity.similarity(profile, {"Regio": "Noord"})[0]

    lower = build(settings=SETTINGS.replace(affinity_min_group=2))
    assert (lower.table["aff_value"] == "Visserij").any()


def test_extra_characteristic_columns_from_settings():
    table = customer_table()
    segments = analyse(table, SETTINGS).results["segment"]
    table["Keurmerk"] = np.where(segments == "A", "ISO 9001", "Geen")
    settings = SETTINGS.replace(affinity_columns=("keurmerk", "Bestaat niet"))
    profile = build(table, settings)
    row = line(profile, "A", "Keurmerk", "ISO 9001")
    assert row["aff_group_count"] == 8
    assert any(
        "'Bestaat niet'" in w and "Verwantschap: extra kenmerken" in w for w in profile.warnings
    )
    _, reasons = affinity.similarity(profile, {"Keurmerk": "ISO 9001"})
    assert "Keurmerk ISO 9001" in reasons


def test_customers_without_segment_are_left_out_of_the_profile():
    table = customer_table()
    table["Omzet"] = table["Omzet"].astype(object)
    table.loc[table.index[0], "Omzet"] = "onbekend"  # this row gets a message, no segment
    profile = build(table)
    assert profile.customers == len(table) - 1
    assert profile.a_customers == 7
    own = affinity.score_customers(profile).results
    assert own.loc[table.index[0], "similarity"] is not None
    assert not own.loc[table.index[0], "untapped"]


def test_english_texts():
    settings = SETTINGS.replace(lang="en")
    profile = build(settings=settings)
    assert line(profile, "A", "Sector", "Bouw")["aff_text"].startswith(
        "Sector Bouw: 6 of 8 A customers, "
    )
    assert "Region" in profile.table["aff_characteristic"].tolist()
    assert list(profile.profile_table().columns)[:3] == ["Group", "Characteristic", "Value"]
    scores = affinity.score(profile, prospect_table())
    assert scores.results.loc[2, "similarity_reasons"].startswith("Like A customers: ")
    assert list(scores.result_table().columns) == [
        "Similarity",
        "Similarity: why",
        "Untapped potential",
    ]


def test_settings_round_trip_and_validation():
    settings = Settings(
        affinity_min_group=5, affinity_columns=("Keurmerk", "Kanaal"), affinity_flag=60
    )
    rows = settings.to_rows()
    labels_ = [label for label, _, _ in rows]
    assert "Verwantschap: minimum aantal klanten" in labels_
    assert ("Verwantschap: extra kenmerken", "Keurmerk, Kanaal") in [(r[0], r[1]) for r in rows]
    back, warnings = Settings.from_rows([(label, value) for label, value, _ in rows])
    assert warnings == []
    assert (back.affinity_min_group, back.affinity_columns, back.affinity_flag) == (
        5,
        ("Keurmerk", "Kanaal"),
        60,
    )
    defaults, _ = Settings.from_rows([("Verwantschap: extra kenmerken", "")])
    assert defaults.affinity_columns == () and defaults.affinity_min_group == 3

    with pytest.raises(SettingsError, match="Verwantschap: minimum aantal klanten"):
        Settings.from_rows([("Verwantschap: minimum aantal klanten", "2,5")])
    with pytest.raises(SettingsError, match="Gelijkenis-drempel onbenut potentieel"):
        Settings.from_rows([("Gelijkenis-drempel onbenut potentieel", 150)])
    with pytest.raises(SettingsError, match="extra kenmerken"):
        Settings().replace(affinity_columns="Keurmerk")
    english, _ = Settings.from_rows([("Affinity: extra characteristics", "Channel; Label")])
    assert english.affinity_columns == ("Channel", "Label")
