"""Texts of Verwantschap on the fronts: the Prospects table and Verwantschap sheet."""

from __future__ import annotations

from .base import (
    ALIASES,
    HEADERS,
    TEXTS,
)

# ---- Verwantschap on the fronts: the Prospects table, the Verwantschap sheet, warnings ---

# The name column of a Prospects table (any of these headers).
PROSPECT_KEYS = ("prospect",)
HEADERS.update({"prospect": ("Prospect", "Prospect")})
ALIASES.update(
    {
        "prospect": (
            "Prospects",
            "Prospectnaam",
            "Naam",
            "Klant",
            "Klantnaam",
            "Bedrijf",
            "Bedrijfsnaam",
            "Name",
            "Prospect name",
            "Customer",
            "Company",
            "Company name",
        ),
    }
)

TEXTS.update(
    {
        # warnings of a run: why there is no profile, or why prospects got no score
        "aff.warn.skipped": ("verwantschap overgeslagen: {reason}", "affinity skipped: {reason}"),
        "aff.warn.prospects_not_scored": (
            "de prospects zijn niet gescoord: {reason}",
            "the prospects were not scored: {reason}",
        ),
        "aff.prospect.not_scored": ("Niet gescoord: {reason}", "Not scored: {reason}"),
        "cli.affinity": (
            "Verwantschap: {untapped} B/C-klant(en) lijken op de A-klanten; {prospects} "
            "prospect(s) gescoord.",
            "Affinity: {untapped} B/C customer(s) look like the A customers; {prospects} "
            "prospect(s) scored.",
        ),
        "cli.affinity_customers": (
            "Verwantschap: {untapped} B/C-klant(en) lijken op de A-klanten.",
            "Affinity: {untapped} B/C customer(s) look like the A customers.",
        ),
        # the Verwantschap sheet
        "aff.sheet.title": (
            "Verwantschap: wat uw beste klanten delen",
            "Affinity: what your best customers share",
        ),
        "aff.sheet.intro": (
            "Per kenmerk: hoe vaak de A-klanten (en de C-klanten) een waarde hebben, vergeleken "
            "met alle {total} klanten met een segment.",
            "Per characteristic: how often the A customers (and the C customers) have a value, "
            "compared with all {total} customers with a segment.",
        ),
        "aff.sheet.order": (
            "Wat een groep vaker heeft dan gemiddeld staat bovenaan, het sterkste verschil eerst; "
            "daaronder wat de groep juist minder vaak heeft.",
            "What a group has more often than average comes first, the strongest difference "
            "on top; below it what the group has less often.",
        ),
        "aff.sheet.group.A": (
            "A-klanten ({count} van {total}): wat klanten die goed bij u passen delen",
            "A customers ({count} of {total}): what customers that fit you well share",
        ),
        "aff.sheet.group.C": (
            "C-klanten ({count} van {total}): wat klanten die minder goed passen delen",
            "C customers ({count} of {total}): what customers that fit less well share",
        ),
        "aff.sheet.no_c": (
            "Er zijn geen C-klanten om mee te vergelijken.",
            "There are no C customers to compare with.",
        ),
        "aff.sheet.notes": ("Goed om te weten", "Good to know"),
        "aff.sheet.score": (
            "Gelijkenis (0-100): hoe sterk een klant of prospect op de A-klanten lijkt, op "
            "grond van deze kenmerken; 50 betekent evenveel als op de andere klanten.",
            "Similarity (0-100): how closely a customer or prospect resembles the A customers "
            "on these characteristics; 50 means as much as the other customers.",
        ),
        "aff.sheet.where": (
            "De gelijkenis van bestaande klanten staat in kolom {column} op blad Klanten; "
            "B- en C-klanten vanaf {flag} krijgen de vlag {flag_column}.",
            "The similarity of existing customers is in column {column} on sheet Customers; "
            "B and C customers from {flag} on get the flag {flag_column}.",
        ),
        "aff.sheet.prospects": (
            "De gelijkenis van de {count} prospects staat op blad Prospects.",
            "The similarity of the {count} prospects is on sheet Prospects.",
        ),
        "aff.sheet.problem": (
            "Geen verwantschap berekend: {reason}",
            "No affinity computed: {reason}",
        ),
        # reading a Prospects table
        "file.no_prospect_header": (
            "{where} heeft in de eerste {rows} rijen geen kop 'Prospect'; zet de namen onder "
            "een kop 'Prospect' (of 'Naam') en de kenmerken ernaast.",
            "{where} has no header 'Prospect' in the first {rows} rows; put the names under a "
            "header 'Prospect' (or 'Name') and the characteristics beside them.",
        ),
        "file.no_prospects": (
            "{file} heeft geen prospecttabel; zet de prospects op een blad 'Prospects' onder "
            "een kop 'Prospect' in de eerste {rows} rijen.",
            "{file} has no prospect table; put the prospects on a sheet 'Prospects' under a "
            "header 'Prospect' in the first {rows} rows.",
        ),
    }
)
