"""Texts of the Lite workbook (klantanalyse-lite.xlsx): Start sheet, buttons, messages."""

from __future__ import annotations

from .base import TEXTS

# --- Start sheet of klantanalyse-lite.xlsx ---------------------------------------------------
# Rows as in the macro workbook: (label NL, label EN, text NL, text EN); the label goes in
# column B, the text in column C. LITE_START_TOP fills the rows above the status block
# (Start!B20), LITE_START_SETUP the rows below it. The rows named in LITE_BUTTON_ROWS hold a
# button over columns A:B. Keep the steps in step with the README section
# "Zonder Python: xlwings Lite".
LITE_START_TOP: tuple[tuple[str, str, str, str], ...] = (
    (
        "Wat het doet",
        "What it does",
        "Welke klanten verdienen uw tijd? Klantanalyse geeft elke klant een score (0-4), een "
        "omzetklasse, een segment A, B of C en een contactadvies, en zet alle klanten in een "
        "grafiek.",
        "Which customers deserve your time? Klantanalyse gives every customer a score (0-4), a "
        "revenue class, a segment A, B or C and a contact advice, and plots all customers in a "
        "chart.",
    ),
    (
        "Zo werkt het",
        "How it works",
        "Deze werkmap heeft geen Python en geen macro's nodig: de code zit in het bestand en "
        "draait in de gratis invoegtoepassing xlwings Lite (Windows, Mac en Excel op het web). "
        "Vul of plak uw klanten op blad Klanten en klik op een knop hieronder. De eerste keer: "
        "zie 'De eerste keer' hieronder.",
        "This workbook needs no Python and no macros: the code is inside the file and runs in "
        "the free xlwings Lite add-in (Windows, Mac and Excel on the web). Type or paste your "
        "customers on sheet Klanten and click a button below. The first time: see 'The first "
        "time' below.",
    ),
    ("", "", "", ""),
    (
        "De knoppen",
        "The buttons",
        "hier en bovenaan blad Klanten; dezelfde knoppen staan in het venster van xlwings Lite",
        "here and at the top of sheet Klanten; the same buttons are in the xlwings Lite pane",
    ),
    (
        "Analyseer klanten",
        "Analyseer klanten",
        "Alle resultaten voor elke klant op blad Klanten, de gelijkenis van uw prospects op blad "
        "Prospects, en de bladen Matrix en Verwantschap. Uw invoer blijft onveranderd.",
        "Every result for every customer on sheet Klanten, the similarity of your prospects on "
        "sheet Prospects, and sheets Matrix and Verwantschap. Your input stays as it is.",
    ),
    (
        "Wis resultaten",
        "Wis resultaten",
        "Haalt alles weg wat Analyseer klanten schreef; uw invoer blijft staan.",
        "Removes everything Analyseer klanten wrote; your input stays.",
    ),
    (
        "Voorbeelddata",
        "Voorbeelddata",
        "Zet voorbeeldklanten, -orders en -prospects op de bladen Klanten, Orders en Prospects. "
        "Staan er al gegevens, dan vraagt de knop eerst om een tweede klik.",
        "Puts sample customers, orders and prospects on sheets Klanten, Orders and Prospects. "
        "When there is data already, the button asks for a second click first.",
    ),
    ("", "", "", ""),
    (
        "Functies in cellen",
        "Worksheet functions",
        "=SEGMENT(A2): het segment van de klant in A2.  =KLANTSCORE(marge; snelheid; innovatie; "
        "netwerk): score 0-4.  =OMZETKLASSE(omzet): Hoog, Midden of Laag.  =GELIJKENIS(A2): "
        "gelijkenis 0-100 van de prospect in A2. Ze antwoorden met de laatste analyse: klik na "
        "het openen eerst één keer op Analyseer klanten.",
        "=SEGMENT(A2): the segment of the customer in A2.  =KLANTSCORE(margin, speed, "
        "innovation, network): score 0-4.  =OMZETKLASSE(revenue): High, Medium or Low.  "
        "=GELIJKENIS(A2): similarity 0-100 of the prospect in A2. They answer from the last "
        "analysis: after opening the file, click Analyseer klanten once first.",
    ),
    ("", "", "", ""),
    (
        "De bladen",
        "The sheets",
        "Klanten: uw klanten; invoer links, resultaten rechts onder de donkerblauwe koppen.",
        "Klanten: your customers; input on the left, results on the right under the dark blue "
        "headers.",
    ),
    (
        "",
        "",
        "Orders: de orderhistorie (optioneel), een regel per order.   Matrix: de grafiek, de "
        "samenvatting per segment en de 80/20-check; met orders ook Pareto, piramide en "
        "walviscurve.",
        "Orders: the order history (optional), one row per order.   Matrix: the chart, the "
        "summary per segment and the 80/20 check; with orders also Pareto, pyramid and whale "
        "curve.",
    ),
    (
        "",
        "",
        "Prospects: bedrijven die u nog wilt benaderen, met hun Gelijkenis met uw A-klanten.   "
        "Verwantschap: wat uw A- en C-klanten gemeen hebben.   Instellingen: alle grenzen, "
        "kleuren en teksten.",
        "Prospects: companies you want to approach, with their similarity to your A customers."
        "   Verwantschap: what your A and C customers have in common.   Instellingen: every "
        "limit, colour and text.",
    ),
)

LITE_START_SETUP: tuple[tuple[str, str, str, str], ...] = (
    ("De eerste keer", "The first time", "", ""),
    (
        "1. Invoegtoepassing",
        "1. Add-in",
        "Klik op het tabblad Start op Invoegtoepassingen (of Invoegen > Invoegtoepassingen "
        "downloaden), zoek op 'xlwings' en klik bij xlwings Lite op Toevoegen. Gratis, zonder "
        "account; eenmalig per computer (op het web: per account).",
        "On the Home tab click Add-ins (or Insert > Get Add-ins), search for 'xlwings' and "
        "click Add next to xlwings Lite. Free, no account; once per computer (on the web: per "
        "account).",
    ),
    (
        "2. Openen",
        "2. Open",
        "Open dit bestand en klik op het tabblad Start op xlwings Lite. Het venster rechts "
        "vraagt of de code van deze werkmap mag draaien: sta dat toe (dit wordt opnieuw "
        "gevraagd als de code verandert).",
        "Open this file and click xlwings Lite on the Home tab. The pane on the right asks "
        "whether this workbook's code may run: allow it (you are asked again when the code "
        "changes).",
    ),
    (
        "3. Klikken",
        "3. Click",
        "Wacht tot het venster klaar is (de eerste keer haalt het pandas op, daarvoor is "
        "internet nodig) en klik op Analyseer klanten: hier, op blad Klanten of in het venster.",
        "Wait until the pane is ready (the first time it fetches pandas, which needs the "
        "internet) and click Analyseer klanten: here, on sheet Klanten or in the pane.",
    ),
    ("", "", "", ""),
    ("Als het niet lukt", "When it does not work", "", ""),
    (
        "Knop doet niets",
        "Button does nothing",
        "Open eerst het venster van xlwings Lite (tabblad Start > xlwings Lite); de knoppen op "
        "de bladen werken pas als het venster één keer open is geweest.",
        "Open the xlwings Lite pane first (Home tab > xlwings Lite); the buttons on the sheets "
        "only work once the pane has been opened.",
    ),
    (
        "Melding",
        "Message",
        "Lukt een knop niet, dan staat in de rij 'Melding' boven 'Laatste analyse' en in het "
        "venster één zin met wat er mis is en wat u kunt doen.",
        "When a button cannot finish, the row 'Melding' above 'Laatste analyse' and the pane "
        "hold one sentence saying what is wrong and what to do.",
    ),
    (
        "Meer uitleg",
        "More help",
        "De README van Klantanalyse, hoofdstuk 'Zonder Python: xlwings Lite'.",
        "The Klantanalyse README, section 'Zonder Python: xlwings Lite'.",
    ),
)

# The three buttons (script key -> caption); the same words in both languages, like the
# ribbon's buttons.
LITE_BUTTONS: dict[str, str] = {
    "analyse": "Analyseer klanten",
    "clear": "Wis resultaten",
    "demo": "Voorbeelddata",
}

TEXTS.update(
    {
        "lite.analyse_first": (
            "klik eerst op Analyseer klanten",
            "click Analyseer klanten first",
        ),
        "lite.no_sheet": (
            "het blad '{sheet}' ontbreekt in deze werkmap; voeg een blad met die naam toe of "
            "gebruik een nieuwe kopie van klantanalyse-lite.xlsx.",
            "the sheet '{sheet}' is missing from this workbook; add a sheet with that name or "
            "use a fresh copy of klantanalyse-lite.xlsx.",
        ),
        "lite.message": ("Melding", "Message"),
        "lite.problem": (
            "Klantanalyse kan niet verder: {message}",
            "Cannot continue: {message}",
        ),
        "lite.unexpected": (
            "Er ging iets onverwachts mis ({error}); klik in het venster van xlwings Lite op "
            "het menu > Restart en probeer het opnieuw, of vraag hulp met deze zin.",
            "Something unexpected went wrong ({error}); click the menu > Restart in the "
            "xlwings Lite pane and try again, or ask for help with this sentence.",
        ),
        "lite.confirm_demo": (
            "Het blad {sheet} bevat al gegevens. Klik nogmaals op Voorbeelddata om ze te "
            "vervangen door de voorbeelddata; een andere knop laat alles zoals het is.",
            "The {sheet} sheet already holds data. Click Voorbeelddata again to replace it with "
            "the demo data; any other button leaves everything as it is.",
        ),
        "lite.done.analyse": (
            "Klaar: {customers} klanten met een segment, {problems} rijen met een melding.",
            "Done: {customers} customers with a segment, {problems} rows with a message.",
        ),
        "lite.done.clear": ("Klaar: de resultaten zijn gewist.", "Done: the results are gone."),
        "lite.done.demo": (
            "Klaar: de voorbeelddata staan op de bladen Klanten, Orders en Prospects.",
            "Done: the demo data are on sheets Klanten, Orders and Prospects.",
        ),
        "lite.failed": ("fout: {error}", "error: {error}"),
        # App Mode shows these (Markdown) above the script buttons and the function list
        "lite.doc.module": (
            "# Klantanalyse\n\nWelke klanten verdienen uw tijd? Klik op **Analyseer klanten**; "
            "de resultaten komen op blad Klanten, de grafiek op blad Matrix. Uitleg staat op "
            "blad Start.",
            "# Klantanalyse\n\nWhich customers deserve your time? Click **Analyseer klanten**; "
            "the results appear on sheet Klanten, the chart on sheet Matrix. Sheet Start "
            "explains everything.",
        ),
        "lite.doc.analyse": (
            "Score, omzetklasse, segment en advies per klant, de gelijkenis van de prospects, "
            "de bladen Matrix en Verwantschap en de status op blad Start.",
            "Score, revenue class, segment and advice per customer, the similarity of the "
            "prospects, sheets Matrix and Verwantschap and the status on sheet Start.",
        ),
        "lite.doc.clear": (
            "Haalt alles weg wat Analyseer klanten schreef; uw invoer blijft staan.",
            "Removes everything Analyseer klanten wrote; your input stays.",
        ),
        "lite.doc.demo": (
            "Zet de voorbeeldklanten, -orders en -prospects op de bladen (staan er al "
            "gegevens, dan eerst een tweede klik).",
            "Puts the demo customers, orders and prospects on the sheets (with data there "
            "already, after a second click).",
        ),
        "lite.doc.segment": (
            "Segment (A, B of C) van de klant met deze naam, uit de laatste analyse; een rij "
            "van de klantentabel werkt ook zonder.",
            "Segment (A, B or C) of the customer with this name, from the last analysis; a "
            "row of the customer table works without one too.",
        ),
        # the workbook build
        "workbook.lite_output_suffix": (
            "'{file}' is geen .xlsx-bestand; de werkmap voor xlwings Lite moet op .xlsx eindigen.",
            "'{file}' is not an .xlsx file; the xlwings Lite workbook must end in .xlsx.",
        ),
        "workbook.help_udf_server": (
            "zet USE UDF SERVER op xlwings.conf: Python blijft tussen de klikken draaien (Windows)",
            "set USE UDF SERVER on xlwings.conf: Python keeps running between clicks (Windows)",
        ),
        "workbook.udf_server_lite": (
            "--udf-server is voor de macrowerkmap (klantanalyse.xlsm); laat --lite weg of laat "
            "--udf-server weg: xlwings Lite draait al in Excel zelf",
            "--udf-server is for the macro workbook (klantanalyse.xlsm); leave out --lite or "
            "--udf-server: xlwings Lite already runs inside Excel",
        ),
        "workbook.help_lite": (
            "bouw klantanalyse-lite.xlsx (geen macro's; de code draait in xlwings Lite)",
            "build klantanalyse-lite.xlsx (no macros; the code runs in xlwings Lite)",
        ),
        "workbook.needs_lxml": (
            "het bouwen van de werkmap vraagt lxml (zodat elke bouw dezelfde bytes geeft); "
            "installeer het met pip install lxml en zet OPENPYXL_LXML niet op False.",
            "building the workbook needs lxml (so that every build gives the same bytes); "
            "install it with pip install lxml and do not set OPENPYXL_LXML to False.",
        ),
    }
)
