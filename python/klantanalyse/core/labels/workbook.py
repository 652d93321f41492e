"""Texts of the macro workbook: Start sheet, xlwings.conf notes, macOS functions."""

from __future__ import annotations

from .base import (
    TEXTS,
)

# --- Macro workbook (klantanalyse.xlsm): Start sheet, xlwings.conf notes, macOS functions ---
# Start sheet rows: (label NL, label EN, text NL, text EN); the label goes in column B, the
# text in column C; ("", "", "", "") is an empty row. START_TOP fills the rows above the
# status block (Start!B20), START_SETUP the rows below it. Keep the steps in step with
# the README section "In Excel".
START_TITLE = ("Klantanalyse", "Klantanalyse")
START_TOP: tuple[tuple[str, str, str, str], ...] = (
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
        "Vul of plak uw klanten op blad Klanten (Klant, Omzet, Potentie en Ja/Nee bij Marge, "
        "Snelheid, Innovatie en Netwerk) en klik op het lint op Klantanalyse > Analyseer "
        "klanten. De eerste keer: zie 'Eenmalig instellen' hieronder.",
        "Type or paste your customers on sheet Customers (Customer, Revenue, Potential and "
        "Yes/No for Margin, Speed, Innovation and Network) and click Klantanalyse > Analyseer "
        "klanten on the ribbon. The first time: see 'One-time set-up' below.",
    ),
    ("", "", "", ""),
    (
        "De knoppen",
        "The buttons",
        "op het tabblad Klantanalyse van het lint",
        "on the ribbon's Klantanalyse tab",
    ),
    (
        "Analyseer klanten",
        "Analyseer klanten",
        "Alle resultaten voor elke klant op blad Klanten, de gelijkenis van uw prospects op blad "
        "Prospects, de Actielijst en de bladen Matrix en Verwantschap. Uw invoer blijft "
        "onveranderd.",
        "Every result for every customer on sheet Customers, the similarity of your prospects "
        "on sheet Prospects, the Actions and sheets Matrix and Affinity. Your input stays as it "
        "is.",
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
        "Zet voorbeeldklanten, -orders en -prospects op de bladen Klanten, Orders en Prospects "
        "(vraagt eerst als er al gegevens staan).",
        "Puts sample customers, orders and prospects on sheets Customers, Orders and Prospects "
        "(asks first when there is data already).",
    ),
    (
        "Instellingen",
        "Instellingen",
        "Opent blad Instellingen: grenzen, segmentmatrix, kleuren, adviezen, regels en taal.",
        "Opens sheet Settings: limits, segment matrix, colours, advice, rules and language.",
    ),
    ("Help", "Help", "Opent dit blad.", "Opens this sheet."),
    ("", "", "", ""),
    (
        "Functies in cellen",
        "Worksheet functions",
        "=SEGMENT(A2): het segment van de klant in A2.  =KLANTSCORE(marge; snelheid; innovatie; "
        "netwerk): score 0-4.  =OMZETKLASSE(omzet): Hoog, Midden of Laag.  =GELIJKENIS(A2): "
        "gelijkenis 0-100 van de prospect in A2. Alleen in Excel voor Windows.",
        "=SEGMENT(A2): the segment of the customer in A2.  =KLANTSCORE(margin, speed, "
        "innovation, network): score 0-4.  =OMZETKLASSE(revenue): High, Medium or Low.  "
        "=GELIJKENIS(A2): similarity 0-100 of the prospect in A2. Excel for Windows only.",
    ),
    ("", "", "", ""),
    (
        "De bladen",
        "The sheets",
        "Actielijst: wie deze periode aandacht vraagt, wat te doen, waarom en wanneer; noteer "
        "in kolom Gedaan wat u deed.",
        "Actions: who needs attention this period, what to do, why and when; note in column Done "
        "what you did.",
    ),
    (
        "",
        "",
        "Klanten: uw klanten; invoer links, resultaten rechts onder de donkerblauwe koppen.",
        "Customers: your customers; input on the left, results on the right under the dark "
        "blue headers.",
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
        "Verwantschap: wat uw A- en C-klanten gemeen hebben.",
        "Prospects: companies you want to approach, with their similarity to your A customers."
        "   Affinity: what your A and C customers have in common.",
    ),
    (
        "",
        "",
        "Instellingen: alle grenzen, kleuren en teksten.   xlwings.conf: hoe Excel Python vindt.",
        "Settings: every limit, colour and text.   xlwings.conf: how Excel finds Python.",
    ),
)

START_SETUP: tuple[tuple[str, str, str, str], ...] = (
    ("Eenmalig instellen", "One-time set-up", "", ""),
    (
        "Windows",
        "Windows",
        "1. Installeer Python 3 van python.org; vink bij de installatie 'Add python.exe to "
        "PATH' aan.",
        "1. Install Python 3 from python.org; tick 'Add python.exe to PATH' during the "
        "installation.",
    ),
    (
        "",
        "",
        "2. Open een opdrachtprompt in de map van Klantanalyse en typ: pip install . (dit "
        "installeert ook xlwings).",
        "2. Open a command prompt in the Klantanalyse folder and type: pip install . (this "
        "installs xlwings too).",
    ),
    (
        "",
        "",
        "3. Bestand van internet of uit een e-mail? Sluit het, klik er in de Verkenner met "
        "rechts op > Eigenschappen > vink 'Blokkering opheffen' aan > OK.",
        "3. File from the internet or an e-mail? Close it, right-click it in Explorer > "
        "Properties > tick 'Unblock' > OK.",
    ),
    (
        "",
        "",
        "4. Open het bestand en klik op 'Inhoud inschakelen' zodat de macro's mogen werken.",
        "4. Open the file and click 'Enable Content' so that the macros may run.",
    ),
    (
        "macOS",
        "macOS",
        "1. Installeer Python 3 van python.org en typ in Terminal, in de map van "
        "Klantanalyse: pip3 install .",
        "1. Install Python 3 from python.org and type in Terminal, in the Klantanalyse "
        "folder: pip3 install .",
    ),
    (
        "",
        "",
        "2. Typ daarna in Terminal: xlwings runpython install (eenmalig; laat Excel Python "
        "starten).",
        "2. Then type in Terminal: xlwings runpython install (once; lets Excel start Python).",
    ),
    (
        "",
        "",
        "3. Open het bestand en klik op 'Macro's inschakelen'. Op de Mac werken de knoppen op "
        "de achtergrond; de functies in cellen werken op de Mac niet.",
        "3. Open the file and click 'Enable Macros'. On the Mac the buttons run in the "
        "background; the worksheet functions do not work on the Mac.",
    ),
    ("", "", "", ""),
    ("Als het niet lukt", "When it does not work", "", ""),
    (
        "Python niet gevonden",
        "Python not found",
        "Zet op blad xlwings.conf in A2 INTERPRETER_WIN (Mac: INTERPRETER_MAC) en in B2 het "
        "volledige pad naar Python (typ in een opdrachtprompt: where python; Mac: which "
        "python3).",
        "Put INTERPRETER_WIN (Mac: INTERPRETER_MAC) in A2 of sheet xlwings.conf and the full "
        "path to Python in B2 (type in a command prompt: where python; Mac: which python3).",
    ),
    (
        "ModuleNotFoundError",
        "ModuleNotFoundError",
        "Het pakket klantanalyse ontbreekt in de Python die Excel gebruikt: installeer het met "
        "die Python (stap 2).",
        "The klantanalyse package is missing from the Python that Excel uses: install it with "
        "that Python (step 2).",
    ),
    (
        "DLL niet gevonden",
        "DLL not found",
        "xlwings64-{xlwings}.dll ontbreekt: typ pip install --force-reinstall "
        "xlwings=={xlwings} (het nummer moet gelijk zijn aan dat van de macro's).",
        "xlwings64-{xlwings}.dll is missing: type pip install --force-reinstall "
        "xlwings=={xlwings} (the number must match the macros).",
    ),
    (
        "#NAAM? in een cel",
        "#NAME? in a cell",
        "Bij =SEGMENT(...) en de andere functies: de macro's staan uit, of u werkt op een Mac.",
        "With =SEGMENT(...) and the other functions: macros are disabled, or you work on a Mac.",
    ),
    (
        "Meer uitleg",
        "More help",
        "De README van Klantanalyse, hoofdstuk 'In Excel'.",
        "The Klantanalyse README, section 'In Excel'.",
    ),
)

# Notes in column D of sheet xlwings.conf. xlwings reads keys from column A (from A1 down to
# the first empty cell) and values from column B, so these are never read as settings. No
# interpreter key is written: a key with an empty value would still override the user's own
# xlwings configuration, so a user adds that row only when needed.
CONF_NOTES: tuple[tuple[str, str], ...] = (
    (
        "Instellingen voor xlwings: sleutels in kolom A, waarden in kolom B, vanaf A1 zonder "
        "lege regel ertussen; xlwings leest niets onder de eerste lege cel in kolom A.",
        "Settings for xlwings: keys in column A, values in column B, from A1 without an empty "
        "row in between; xlwings reads nothing below the first empty cell in column A.",
    ),
    (
        "Python niet gevonden? Zet in de eerste lege rij INTERPRETER_WIN in kolom A en het "
        "pad in kolom B, bijvoorbeeld "
        "C:\\Users\\naam\\AppData\\Local\\Programs\\Python\\Python312\\python.exe",
        "Python not found? Put INTERPRETER_WIN in column A of the first empty row and the "
        "path in column B, for example "
        "C:\\Users\\name\\AppData\\Local\\Programs\\Python\\Python312\\python.exe",
    ),
    (
        "Op de Mac: INTERPRETER_MAC met bijvoorbeeld "
        "/Library/Frameworks/Python.framework/Versions/3.12/bin/python3",
        "On the Mac: INTERPRETER_MAC with for example "
        "/Library/Frameworks/Python.framework/Versions/3.12/bin/python3",
    ),
    (
        "Laat een sleutel weg in plaats van hem leeg te laten: een lege waarde telt ook.",
        "Leave a key out rather than empty: an empty value counts too.",
    ),
    (
        "Sneller herhaald klikken (Windows): USE UDF SERVER met True laat Python tussen de "
        "klikken draaien, zodat het niet elke klik opnieuw start en laadt. Nadelen: Python "
        "houdt zijn geheugen vast tot u Excel sluit, en een nieuwe versie van klantanalyse "
        "telt pas na het herstarten van Excel.",
        "Faster repeat clicks (Windows): USE UDF SERVER with True keeps Python running "
        "between clicks, so that it does not start and load again for each click. The "
        "trade-off: Python keeps its memory until you close Excel, and a new version of "
        "klantanalyse counts only after Excel is restarted.",
    ),
)

TEXTS.update(
    {
        "workbook.no_template": (
            "het sjabloon {path} ontbreekt; bouw de werkmap vanuit een volledige kopie van het "
            "project (met de map templates).",
            "the template {path} is missing; build the workbook from a complete copy of the "
            "project (with its templates folder).",
        ),
        "workbook.no_udfs": (
            "de module {module} met de werkbladfuncties kan niet worden geladen ({error}); "
            "installeer het pakket opnieuw.",
            "the module {module} with the worksheet functions cannot be loaded ({error}); "
            "reinstall the package.",
        ),
        "workbook.no_code_name": (
            "blad '{sheet}' heeft geen codeName; geef elk blad een codeName voordat de macro's "
            "worden toegevoegd.",
            "sheet '{sheet}' has no codeName; give every sheet a codeName before adding the "
            "macros.",
        ),
        "workbook.not_a_package": (
            "{path} is geen Excel-werkmap (.xlsx/.xlsm); kies een werkmap die Excel kan openen.",
            "{path} is not an Excel workbook (.xlsx/.xlsm); choose a workbook Excel can open.",
        ),
        "workbook.output_suffix": (
            "'{file}' is geen .xlsm-bestand; de werkmap met macro's moet op .xlsm eindigen.",
            "'{file}' is not an .xlsm file; the macro workbook must end in .xlsm.",
        ),
        "workbook.written": ("Geschreven: {file}", "Written: {file}"),
        "workbook.help": (
            "bouw de werkmap klantanalyse.xlsm (lint, macro's, functies) uit templates/",
            "build the macro workbook klantanalyse.xlsm (ribbon, macros, functions) from "
            "templates/",
        ),
        "workbook.help_data": (
            "klanten (en orders) uit dit .xlsx-, .xlsm- of .csv-bestand in plaats van de "
            "voorbeelddata",
            "customers (and orders) from this .xlsx, .xlsm or .csv file instead of the demo data",
        ),
        "workbook.udf_mac": (
            "{function} werkt alleen in Excel voor Windows; gebruik op de Mac de knop "
            "Analyseer klanten.",
            "{function} only works in Excel for Windows; on the Mac use the button Analyseer "
            "klanten.",
        ),
    }
)


# Sheet names we write (Dutch), and every name a run accepts for that sheet (any case).
SHEET_NAMES: dict[str, str] = {
    "start": "Start",
    "actions": "Actielijst",
    "customers": "Klanten",
    "orders": "Orders",
    "prospects": "Prospects",
    "matrix": "Matrix",
    "affinity": "Verwantschap",
    "settings": "Instellingen",
    "conf": "xlwings.conf",
}
# ... and in English (an English run writes these).
SHEET_NAMES_EN: dict[str, str] = {
    "start": "Start",
    "actions": "Actions",
    "customers": "Customers",
    "orders": "Orders",
    "prospects": "Prospects",
    "matrix": "Matrix",
    "affinity": "Affinity",
    "settings": "Settings",
    "conf": "xlwings.conf",
}
SHEET_ALIASES: dict[str, tuple[str, ...]] = {
    "start": ("Start",),
    "actions": ("Actielijst", "Actions"),
    "customers": ("Klanten", "Customers"),
    "orders": ("Orders", "Orderhistorie", "Order history"),
    "prospects": ("Prospects", "Prospecten"),
    "matrix": ("Matrix",),
    "affinity": ("Verwantschap", "Affinity"),
    "settings": ("Instellingen", "Settings"),
    "conf": ("xlwings.conf",),
}
# The Excel tables we write: (Dutch name, English name).
TABLE_NAMES: tuple[tuple[str, str], ...] = (
    ("tblActielijst", "tblActions"),
    ("tblKlanten", "tblCustomers"),
    ("tblProspects", "tblProspects"),
)
