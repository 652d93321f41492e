"""Texts of Verwantschap: characteristics, profile and similarity (article 002)."""

from __future__ import annotations

from .base import (
    ALIASES,
    HEADERS,
    SETTING_LABELS,
    TEXTS,
)

# ---- Verwantschap (affinity, article 002): characteristics, profile, similarity ---------

# Columns that are always characteristics when present; more can be named in Instellingen.
AFFINITY_KEYS = ("sector", "region", "relation_type", "employees")
# Columns written next to each customer or prospect.
SIMILARITY_KEYS = ("similarity", "similarity_reasons", "untapped")
# Columns of the Verwantschap profile table.
PROFILE_KEYS = (
    "aff_group",
    "aff_characteristic",
    "aff_value",
    "aff_group_count",
    "aff_group_size",
    "aff_customers",
    "aff_lift",
    "aff_text",
)

HEADERS.update(
    {
        "employees": ("Aantal medewerkers", "Number of employees"),
        "similarity": ("Gelijkenis", "Similarity"),
        "similarity_reasons": ("Gelijkenis: waarom", "Similarity: why"),
        "untapped": ("Onbenut potentieel", "Untapped potential"),
        "aff_group": ("Groep", "Group"),
        "aff_characteristic": ("Kenmerk", "Characteristic"),
        "aff_value": ("Waarde", "Value"),
        "aff_group_count": ("Aantal in groep", "Count in group"),
        "aff_group_size": ("Groepsgrootte", "Group size"),
        "aff_customers": ("Klanten met deze waarde", "Customers with this value"),
        "aff_lift": ("Keer zo vaak als gemiddeld", "Times as often as average"),
        "aff_text": ("Toelichting", "Explanation"),
    }
)
ALIASES.update(
    {
        "employees": (
            "Medewerkers",
            "Employees",
            "Werknemers",
            "Aantal werknemers",
            "Personeel",
            "FTE",
            "Bedrijfsgrootte",
            "Number of employees",
            "Staff",
            "Headcount",
            "Company size",
        ),
    }
)

TEXTS.update(
    {
        # profile lines: "Sector Bouw: 5 van 8 A-klanten, 2,7× vaker dan gemiddeld"
        "aff.group": ("{segment}-klanten", "{segment} customers"),
        "aff.item": ("{name} {value}", "{name} {value}"),
        "aff.line.more": (
            "{item}: {count} van {size} {group}, {ratio}× vaker dan gemiddeld",
            "{item}: {count} of {size} {group}, {ratio}× more often than average",
        ),
        "aff.line.same": (
            "{item}: {count} van {size} {group}, even vaak als gemiddeld",
            "{item}: {count} of {size} {group}, as often as average",
        ),
        "aff.line.less": (
            "{item}: {count} van {size} {group}, {ratio}× minder vaak dan gemiddeld",
            "{item}: {count} of {size} {group}, {ratio}× less often than average",
        ),
        "aff.line.none": (
            "{item}: 0 van {size} {group}, tegen {total} van {all} klanten in totaal",
            "{item}: 0 of {size} {group}, against {total} of {all} customers overall",
        ),
        "aff.hidden": (
            "{count} kenmerkwaarde(n) met minder dan {min} klanten zijn weggelaten: te weinig "
            "om iets over te zeggen.",
            "{count} characteristic value(s) with fewer than {min} customers are left out: too "
            "few to say anything about.",
        ),
        # number ranges of a binned numeric column
        "aff.range.below": ("< {high}", "< {high}"),
        "aff.range.from": ("≥ {low}", "≥ {low}"),
        "aff.range.between": ("{low} tot {high}", "{low} to {high}"),
        "aff.range.whole": ("{low}–{high}", "{low}–{high}"),
        # reasons next to a similarity score
        "aff.reason.like": ("Zoals A-klanten: {items}", "Like A customers: {items}"),
        "aff.reason.unlike": ("Anders dan A-klanten: {items}", "Unlike A customers: {items}"),
        "aff.reason.neutral": (
            "Geen kenmerk wijkt duidelijk af van de andere klanten",
            "No characteristic stands out from the other customers",
        ),
        "aff.reason.nothing": (
            "Geen gelijkenis te berekenen: geen enkel kenmerk komt bij genoeg klanten voor "
            "(vul bijv. {columns} in)",
            "No similarity can be computed: no characteristic is shared by enough customers "
            "(fill in e.g. {columns})",
        ),
        "aff.reason.not_counted": ("Niet meegeteld: {items}", "Not counted: {items}"),
        "aff.note.unseen": (
            "{name} '{value}' (komt bij geen klant voor)",
            "{name} '{value}' (no customer has it)",
        ),
        "aff.note.rare": ("{item} (te weinig klanten)", "{item} (too few customers)"),
        "aff.note.bad_number": ("{name} '{value}' (geen getal)", "{name} '{value}' (not a number)"),
        # whole-run problems
        "aff.err.no_columns": (
            "er zijn geen kenmerken om klanten op te vergelijken; vul een kolom {columns} in, of "
            "noem eigen kolommen bij '{setting}' op blad Instellingen.",
            "there are no characteristics to compare customers on; fill in a column {columns}, "
            "or name your own columns at '{setting}' on sheet Settings.",
        ),
        "aff.err.no_customers": (
            "geen enkele klant heeft een segment; los eerst de meldingen in kolom {column} op.",
            "no customer has a segment; first solve the messages in column {column}.",
        ),
        "aff.err.one_segment": (
            "alle {count} klanten zitten in segment {segment}, dus er valt niets te vergelijken; "
            "verwantschap zoekt wat A-klanten onderscheidt van de rest en heeft dus zowel "
            "A-klanten als andere klanten nodig.",
            "all {count} customers are in segment {segment}, so there is nothing to compare; "
            "affinity looks for what sets A customers apart from the rest and needs both A "
            "customers and others.",
        ),
        "aff.err.no_a": (
            "er zijn geen A-klanten, dus er is geen voorbeeld om op te lijken; voeg klanten toe "
            "of pas de segmentmatrix op blad Instellingen aan.",
            "there are no A customers, so there is no example to resemble; add customers or "
            "adjust the segment matrix on sheet Settings.",
        ),
        "aff.err.prospect_columns": (
            "de prospecttabel heeft geen van de kenmerkkolommen {columns}; zet minstens één "
            "daarvan als kop boven de gegevens.",
            "the prospect table has none of the characteristic columns {columns}; put at least "
            "one of them as a header above the data.",
        ),
        # warnings
        "aff.warn.column_missing": (
            "blad Instellingen, '{setting}': de kolom '{column}' staat niet in de klantentabel "
            "en telt niet mee",
            "sheet Settings, '{setting}': the column '{column}' is not in the customer table "
            "and is not counted",
        ),
        "aff.warn.few_a": (
            "er zijn maar {count} A-klanten; zie de gelijkenis als een grove schatting",
            "there are only {count} A customers; read the similarity as a rough estimate",
        ),
        "aff.warn.prospect_missing": (
            "de prospecttabel mist de kenmerkkolom(men) {columns}; die tellen niet mee",
            "the prospect table lacks the characteristic column(s) {columns}; they are not counted",
        ),
        "aff.or": (" of ", " or "),
        "set.hint.min_group": (
            "vul een heel aantal klanten van 1 tot 1000 in",
            "enter a whole number of customers from 1 to 1000",
        ),
        "set.hint.columns": (
            "noem kolomkoppen, gescheiden door komma's (bijv. 'Branchevereniging, Keurmerk')",
            "name column headers, separated by commas (e.g. 'Trade association, Certificate')",
        ),
        "set.hint.similarity": (
            "vul een getal van 0 tot en met 100 in",
            "enter a number from 0 to 100",
        ),
    }
)

SETTING_LABELS.update(
    {
        "affinity_min_group": (
            "Verwantschap: minimum aantal klanten",
            "Affinity: minimum number of customers",
            "Kenmerkwaarden die bij minder klanten voorkomen worden niet getoond en tellen niet "
            "mee voor de gelijkenis.",
            "Characteristic values held by fewer customers are not shown and do not count for "
            "the similarity.",
        ),
        "affinity_columns": (
            "Verwantschap: extra kenmerken",
            "Affinity: extra characteristics",
            "Koppen van eigen kenmerkkolommen, gescheiden door komma's. Sector, Regio, "
            "Relatietype en Medewerkers tellen altijd mee.",
            "Headers of your own characteristic columns, separated by commas. Sector, Region, "
            "Relationship type and Employees always count.",
        ),
        "affinity_flag": (
            "Gelijkenis-drempel onbenut potentieel",
            "Similarity threshold untapped potential",
            "B- en C-klanten met minstens deze gelijkenis (0-100) met de A-klanten krijgen de "
            "vlag Onbenut potentieel.",
            "B and C customers with at least this similarity (0-100) to the A customers get the "
            "flag Untapped potential.",
        ),
    }
)


def number(value: float, lang: str = "nl", decimals: int = 0) -> str:
    """A number as people write it: thousands grouped from 10,000 on (so years stay 2015),
    at most `decimals` decimals, no trailing zeros; Dutch swaps '.' and ','."""
    grouping = "," if abs(value) >= 10_000 else ""
    formatted = f"{value:{grouping}.{decimals}f}"
    if decimals:
        formatted = formatted.rstrip("0").rstrip(".")
    if formatted in ("-0", ""):
        formatted = "0"
    if lang == "nl":
        formatted = formatted.replace(",", "_").replace(".", ",").replace("_", ".")
    return formatted
