"""Texts and words of header reading: what a header may carry around the name (a year,
'excl. btw', 'ok?'), what was understood, and what to fix when a column is not found."""

from __future__ import annotations

from .base import TEXTS

# ---- header words -----------------------------------------------------------------------
# A header is matched as its words (lower case, no accents, numbers apart). When the whole
# header is not a known name, these words are taken off its end or start, one phrase at a
# time, and what is left is looked up again: 'Omzet excl. btw' -> Omzet, 'Marge (J/N)' ->
# Marge, 'Vraag 2: Snelheid' -> Snelheid. A year at the end is taken off too ('Omzet 2024'):
# of several year columns the latest is used, the one before it as 'Omzet vorig jaar'.
# '#' stands for any number. The rank says how sure the match is: a lower rank wins when
# two columns name the same thing ('Bedrag excl. btw' over 'Bedrag incl. btw').

HEADER_SUFFIXES: dict[str, int] = {
    # amounts
    "excl btw": 1,
    "exclusief btw": 1,
    "ex btw": 1,
    "exc btw": 1,
    "zonder btw": 1,
    "excl vat": 1,
    "ex vat": 1,
    "exclusive vat": 1,
    "excluding vat": 1,
    "net": 1,
    "netto": 1,
    "incl btw": 2,
    "inclusief btw": 2,
    "incl vat": 2,
    "including vat": 2,
    "inc vat": 2,
    "eur": 1,
    "euro": 1,
    "in eur": 1,
    "in euro": 1,
    "in euros": 1,
    "totaal": 1,
    "total": 1,
    "per jaar": 1,
    "per year": 1,
    "pj": 1,
    "p j": 1,
    "jaar": 1,
    "year": 1,
    "fy": 1,
    "boekjaar": 1,
    # the questions
    "ok": 1,
    "goed": 1,
    "j n": 1,
    "jn": 1,
    "ja nee": 1,
    "janee": 1,
    "y n": 1,
    "yn": 1,
    "yes no": 1,
    # units of the hard data
    "dagen": 1,
    "in dagen": 1,
    "days": 1,
    "in days": 1,
    "uren": 1,
    "in uren": 1,
    "uur": 1,
    "hours": 1,
    "in hours": 1,
}
HEADER_PREFIXES: dict[str, int] = {
    "#": 1,
    "vraag": 1,
    "vraag #": 1,
    "question": 1,
    "question #": 1,
    "q #": 1,
    "v #": 1,
    "criterium": 1,
    "criterium #": 1,
    "netto": 1,
    "net": 1,
    "totale": 1,
    "totaal": 1,
    "total": 1,
    "aantal": 1,
    "number of": 1,
    "nr of": 1,
    "no of": 1,
    "gemiddelde": 1,
    "gem": 1,
    "average": 1,
    "avg": 1,
    "goede": 1,
    "good": 1,
    "huidige": 1,
    "current": 1,
}
# Names that often hold a code rather than the name ('Debiteur: 10023'): with a plain name
# column next to them ('Naam', 'Klantnaam') that one is the customer.
WEAK_NAMES = ("Debiteur", "Relatie")
# Words that mean 'percent' in a header: 'Marge in %' and 'Marge procent' are 'Marge %'.
PERCENT_WORDS = ("pct", "procent", "procenten", "percentage", "percent", "perc")
# A year a header may end in ('Omzet 2024'); only these are taken as years.
HEADER_YEARS = (1990, 2099)

# Fields named in the report of what was understood, in this order.
REPORT_KEYS = (
    "customer",
    "revenue",
    "potential",
    "margin",
    "speed",
    "innovation",
    "network",
    "gross_margin_pct",
    "payment_days",
    "contact_hours",
    "custom_costs",
    "n_products",
    "n_groups",
    "revenue_last_year",
    "sector",
    "region",
    "relation_type",
    "employees",
)
# Fields whose absence is listed under 'not found' (the characteristics are optional).
EXPECTED_KEYS = REPORT_KEYS[:14]
HEADERS_SHOWN = 8  # headers named in a message before '...'
IGNORED_SHOWN = 20  # columns named as not used before '...'

TEXTS.update(
    {
        # what was understood (command line and Start)
        "cols.used": ("Kolommen gelezen: {pairs}.", "Columns read: {pairs}."),
        "cols.pair": ("{field} = {header}", "{field} = {header}"),
        "cols.from_rule": ("regel {rule}", "rule {rule}"),
        "cols.from_orders": ("uit de orders", "from the orders"),
        "cols.order_used": ("Orderkolommen gelezen: {pairs}.", "Order columns read: {pairs}."),
        "cols.missing": ("Niet gevonden: {fields}.", "Not found: {fields}."),
        "cols.no_question": (
            "Zonder kolom telt {names} voor elke klant als Nee.",
            "Without a column, {names} counts as No for every customer.",
        ),
        "cols.no_questions": (
            "Zonder kolom tellen {names} voor elke klant als Nee.",
            "Without a column, {names} count as No for every customer.",
        ),
        "cols.ignored": ("Niet gebruikt: {headers}.", "Not used: {headers}."),
        "cols.header_rows": (
            "De kop staat over rij {first} en {last}.",
            "The header spans rows {first} and {last}.",
        ),
        "cols.header_row": ("De kop staat op rij {row}.", "The header is on row {row}."),
        "cols.more": ("{shown}, ... ({count} in totaal)", "{shown}, ... ({count} in all)"),
        "cols.and": ("{first} en {last}", "{first} and {last}"),
        # warnings
        "cols.warn.questions": (
            "geen kolom voor de vraag {names} (koppen gezien: {seen}); die telt voor elke klant "
            "als Nee: voeg een kolom {columns} toe",
            "no column for the question {names} (headers seen: {seen}); it counts as No for "
            "every customer: add a column {columns}",
        ),
        "cols.warn.questions_many": (
            "geen kolommen voor de vragen {names} (koppen gezien: {seen}); die tellen voor elke "
            "klant als Nee: voeg kolommen {columns} toe",
            "no columns for the questions {names} (headers seen: {seen}); they count as No for "
            "every customer: add columns {columns}",
        ),
        "cols.warn.like": (
            "'{header}' lijkt op {field}: noem de kolom '{column}'",
            "'{header}' looks like {field}: name the column '{column}'",
        ),
        "cols.warn.like.question": (
            "'{header}' lijkt op {field}: noem de kolom '{column}'; nu telt {field} voor elke "
            "klant als Nee",
            "'{header}' looks like {field}: name the column '{column}'; for now {field} counts "
            "as No for every customer",
        ),
        "cols.warn.like.potential": (
            "'{header}' lijkt op {field}: noem de kolom '{column}'; nu is de potentie van elke "
            "klant 0",
            "'{header}' looks like {field}: name the column '{column}'; for now every "
            "customer's potential is 0",
        ),
        "cols.warn.like.data": (
            "'{header}' lijkt op {field}: noem de kolom '{column}'; nu wordt die kolom niet "
            "gebruikt",
            "'{header}' looks like {field}: name the column '{column}'; for now that column is "
            "not used",
        ),
        "cols.warn.no_header": (
            "kolom {columns} heeft geen kop en is niet gebruikt; zet er een kop boven als de "
            "gegevens moeten meetellen",
            "column {columns} has no header and was not used; put a header above it if its data "
            "should count",
        ),
        "cols.warn.no_headers": (
            "de kolommen {columns} hebben geen kop en zijn niet gebruikt; zet er een kop boven "
            "als de gegevens moeten meetellen",
            "the columns {columns} have no header and were not used; put a header above them if "
            "their data should count",
        ),
        # errors
        "cols.err.no_customer_header": (
            "{where} heeft in de eerste {rows} rijen geen kop 'Klant' (koppen gezien: {seen}); "
            "zet de klantnamen onder een kop 'Klant' (of 'Customer').",
            "{where} has no header 'Customer' in the first {rows} rows (headers seen: {seen}); "
            "put the customer names under a header 'Customer' (or 'Klant').",
        ),
        "cols.err.no_customer_like": (
            "{where} heeft in de eerste {rows} rijen geen kop 'Klant' (koppen gezien: {seen}); "
            "'{header}' lijkt op Klant: noem de kolom 'Klant'.",
            "{where} has no header 'Customer' in the first {rows} rows (headers seen: {seen}); "
            "'{header}' looks like Customer: name the column 'Customer'.",
        ),
        "cols.err.no_column": (
            "de kolom '{column}' ontbreekt (koppen gezien: {seen}); zet een kop '{column}' (of "
            "'{alias}') boven de gegevens.",
            "the column '{column}' is missing (headers seen: {seen}); put a header '{column}' "
            "(or '{alias}') above the data.",
        ),
        "cols.err.no_column_like": (
            "de kolom '{column}' ontbreekt (koppen gezien: {seen}); '{header}' lijkt op "
            "{column}: noem de kolom '{column}'.",
            "the column '{column}' is missing (headers seen: {seen}); '{header}' looks like "
            "{column}: name the column '{column}'.",
        ),
        "cols.err.two_header_rows": (
            "{where}: rij {first} en rij {second} zijn allebei kopregels en samen niet te lezen "
            "(rij {second}: {seen}); zet alle kolomnamen in één rij, met de klantnamen onder "
            "een kop 'Klant'.",
            "{where}: rows {first} and {second} are both header rows and cannot be read "
            "together (row {second}: {seen}); put every column name in one row, with the "
            "customer names under a header 'Customer'.",
        ),
    }
)
