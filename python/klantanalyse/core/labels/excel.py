"""Texts of the Excel front: worksheet functions and ribbon actions."""

from __future__ import annotations

from .base import (
    TEXTS,
)

# ---- Excel front: worksheet functions and ribbon actions ---------------------------------

TEXTS.update(
    {
        # short texts a worksheet function shows in its cell
        "udf.unknown_customer": ("onbekende klant", "unknown customer"),
        "udf.no_segment": ("geen segment, zie Melding", "no segment, see Message"),
        "udf.bad_answer": ("geen Ja/Nee: {value}", "not a Yes/No: {value}"),
        "udf.answer_count": (
            "geef 4 antwoorden: marge; snelheid; innovatie; netwerk",
            "give 4 answers: margin, speed, innovation, network",
        ),
        "udf.bad_amount": ("geen bedrag: {value}", "not an amount: {value}"),
        "udf.no_customers": ("geen klanten met een segment", "no customers with a segment"),
        "udf.no_revenue": (
            "geen omzetgrens: geen klant heeft omzet",
            "no revenue limit: no customer has revenue",
        ),
        "udf.failed": ("fout, zie {log}", "error, see {log}"),
        # help of the worksheet functions (Excel's function wizard)
        "udf.doc.segment": (
            "Segment (A, B of C) van de klant met deze naam in het blad Klanten, met de "
            "huidige Instellingen.",
            "Segment (A, B or C) of the customer with this name on the Customers sheet, with "
            "the current settings.",
        ),
        "udf.doc.segment.klant": (
            "Cel met een klantnaam, of een rij van de klantentabel.",
            "Cell holding a customer name, or a row of the customer table.",
        ),
        "udf.doc.score": (
            "Score 0-4: het aantal Ja-antwoorden op marge, snelheid, innovatie en netwerk.",
            "Score 0-4: the number of Yes answers on margin, speed, innovation and network.",
        ),
        "udf.doc.score.answer": (
            "Ja/Nee-antwoord, of één bereik met alle vier de antwoorden.",
            "Yes/No answer, or one range holding all four answers.",
        ),
        "udf.doc.revenue_class": (
            "Omzetklasse (Hoog, Midden of Laag) van dit bedrag met de huidige grenzen.",
            "Revenue class (High, Medium or Low) of this amount with the current limits.",
        ),
        "udf.doc.revenue_class.amount": (
            "Jaaromzet (plus potentie) in euro.",
            "Annual revenue (plus potential) in euro.",
        ),
        # run-level problems of the ribbon actions
        "err.no_sheet": (
            "het blad '{sheet}' ontbreekt in deze werkmap; voeg een blad met die naam toe of "
            "gebruik een nieuwe kopie van klantanalyse.xlsm.",
            "the sheet '{sheet}' is missing from this workbook; add a sheet with that name or "
            "use a fresh copy of klantanalyse.xlsm.",
        ),
        "act.title": ("Klantanalyse", "Customer analysis"),
        "act.problem": ("Klantanalyse kan niet verder: {message}", "Cannot continue: {message}"),
        "act.unexpected": (
            "Er ging iets onverwachts mis ({error}). De details staan in {log}; stuur dat "
            "bestand mee als u hulp vraagt.",
            "Something unexpected went wrong ({error}). The details are in {log}; send that "
            "file along when you ask for help.",
        ),
        "act.confirm_demo": (
            "Het blad Klanten bevat al gegevens. Wilt u die vervangen door de voorbeelddata?",
            "The Customers sheet already holds data. Replace it with the demo data?",
        ),
        "act.busy": ("Klantanalyse: bezig met {what}...", "Customer analysis: {what}..."),
        "act.what.analyse": ("analyseren", "analysing"),
        "act.what.clear": ("wissen", "clearing"),
        "act.what.demo": ("voorbeelddata laden", "loading demo data"),
    }
)


# ---- Excel front: =GELIJKENIS and the Verwantschap parts of the ribbon --------------------

TEXTS.update(
    {
        "udf.unknown_prospect": ("onbekende prospect", "unknown prospect"),
        "udf.no_profile": (
            "geen profiel, zie blad Verwantschap",
            "no profile, see sheet Affinity",
        ),
        "udf.no_similarity": ("geen kenmerk telt mee", "no characteristic counts"),
        "udf.doc.similarity": (
            "Gelijkenis 0-100: hoe sterk deze prospect op uw A-klanten lijkt, op grond van de "
            "kenmerken in Klanten en de huidige Instellingen.",
            "Similarity 0-100: how closely this prospect resembles your A customers, on the "
            "characteristics in Customers and the current settings.",
        ),
        "udf.doc.similarity.prospect": (
            "Cel met de naam van een prospect op blad Prospects, of een rij van die tabel.",
            "Cell holding the name of a prospect on sheet Prospects, or a row of that table.",
        ),
        "act.confirm_demo_prospects": (
            "Het blad Prospects bevat al gegevens. Wilt u die vervangen door de voorbeelddata?",
            "The Prospects sheet already holds data. Replace it with the demo data?",
        ),
    }
)
