"""The shared tables (headers, messages, settings) and the functions that read them."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable

LANGS = ("nl", "en")

# Column headers: canonical key -> (Dutch, English). The first two names are what we write;
# ALIASES adds more names we recognise when reading (matching ignores case, accents,
# spaces and punctuation).
HEADERS: dict[str, tuple[str, str]] = {
    # inputs
    "customer": ("Klant", "Customer"),
    "revenue": ("Omzet", "Revenue"),
    "potential": ("Potentie", "Potential"),
    "margin": ("Marge", "Margin"),
    "speed": ("Snelheid", "Speed"),
    "innovation": ("Innovatie", "Innovation"),
    "network": ("Netwerk", "Network"),
    "gross_margin_pct": ("Brutomarge %", "Gross margin %"),
    "payment_days": ("Betaaltermijn (dagen)", "Payment term (days)"),
    "contact_hours": ("Contacturen", "Contact hours"),
    "custom_costs": ("Maatwerkkosten", "Custom work costs"),
    "n_products": ("Aantal producten", "Number of products"),
    "n_groups": ("Aantal productgroepen", "Number of product groups"),
    "sector": ("Sector", "Sector"),
    "region": ("Regio", "Region"),
    "relation_type": ("Relatietype", "Relationship type"),
    "revenue_last_year": ("Omzet vorig jaar", "Revenue last year"),
    # results
    "score": ("Score", "Score"),
    "revenue_class": ("Omzetklasse", "Revenue class"),
    "segment": ("Segment", "Segment"),
    "advice": ("Advies", "Advice"),
    "message": ("Melding", "Message"),
    # orders
    "order_date": ("Datum", "Date"),
    "order_amount": ("Bedrag", "Amount"),
    "order_quantity": ("Aantal", "Quantity"),
    "order_price": ("Prijs", "Price"),
    "order_id": ("Ordernummer", "Order number"),
    "product_group": ("Productgroep", "Product group"),
    "order_margin": ("Marge", "Margin"),
}

ALIASES: dict[str, tuple[str, ...]] = {
    # names only: a number column (Klantnummer, Debiteurnummer) never stands in for the name
    "customer": (
        "Klantnaam",
        "Naam",
        "Naam klant",
        "Relatie",
        "Relatienaam",
        "Debiteur",
        "Debiteurnaam",
        "Naam debiteur",
        "Bedrijf",
        "Bedrijfsnaam",
        "Organisatie",
        "Firma",
        "Customer name",
        "Client",
        "Client name",
        "Name",
        "Company",
        "Company name",
        "Account name",
    ),
    "revenue": (
        "Jaaromzet",
        "Omzet huidig",
        "Omzet dit jaar",
        "Omzet huidig jaar",
        "Omzet laatste 12 maanden",
        "Omzet 12 mnd",
        "Verkopen",
        "Annual revenue",
        "Revenue this year",
        "Sales",
        "Turnover",
    ),
    "potential": (
        "Extra potentie",
        "Potentiele omzet",
        "Potentieel",
        "Groeipotentie",
        "Potential revenue",
        "Growth potential",
    ),
    "margin": (
        "Marge ok",
        "Marge goed",
        "Goede marge",
        "Winstgevend",
        "Rendabel",
        "Margin ok",
        "Good margin",
        "Profitable",
    ),
    "speed": (
        "Snel",
        "Snelheid betaling",
        "Betaalsnelheid",
        "Snelle betaler",
        "Snel betaler",
        "Betaalt snel",
        "Betaalt op tijd",
        "Pays on time",
        "Quick payer",
        "Fast",
        "Fast payer",
        "Pays fast",
        "Payment speed",
    ),
    "innovation": (
        "Innovatief",
        "Vernieuwend",
        "Innovatiegericht",
        "Innovatievermogen",
        "Innovative",
        "Innovator",
    ),
    "network": (
        "Netwerkwaarde",
        "Netwerker",
        "Goed netwerk",
        "Network value",
        "Networker",
    ),
    "gross_margin_pct": (
        "Brutomarge",
        "Marge %",
        "Margepercentage",
        "Brutomargepercentage",
        "Gross margin",
        "Margin %",
    ),
    "payment_days": (
        "Betaaltermijn",
        "Betaaldagen",
        "Betaalduur",
        "Dagen tot betaling",
        "Payment term",
        "Payment days",
        "Days to pay",
        "DSO",
    ),
    "contact_hours": ("Uren contact", "Contacttijd", "Service hours"),
    "custom_costs": ("Kosten maatwerk", "Maatwerk kosten", "Custom costs", "Customisation costs"),
    "n_products": ("Producten", "Artikelen", "Aantal artikelen", "Products", "Product count"),
    "n_groups": ("Productgroepen", "Aantal groepen", "Product groups", "Product group count"),
    "sector": ("Branche", "Industry"),
    "region": ("Provincie", "Gebied", "Area"),
    "relation_type": ("Type relatie", "Relation type", "Relationship"),
    "revenue_last_year": (
        "Omzet vorig jr",
        "Omzet VJ",
        "Omzet t-1",
        "Vorig jaar",
        "Last year revenue",
        "Revenue previous year",
        "Prior year revenue",
        "Sales last year",
    ),
    "order_date": (
        "Orderdatum",
        "Factuurdatum",
        "Boekdatum",
        "Boekingsdatum",
        "Transactiedatum",
        "Verkoopdatum",
        "Order date",
        "Invoice date",
        "InvoiceDate",
        "Transaction date",
    ),
    "order_amount": (
        "Orderbedrag",
        "Regelbedrag",
        "Factuurbedrag",
        "Order amount",
        "Line amount",
        "Invoice amount",
        "Total",
    ),
    "order_quantity": ("Hoeveelheid", "Qty"),
    "order_price": ("Stukprijs", "Unit price", "UnitPrice"),
    "order_id": (
        "Order",
        "Factuurnummer",
        "Factuurnr",
        "Factuur",
        "Order id",
        "Order no",
        "Invoice",
        "InvoiceNo",
        "Invoice number",
    ),
    "product_group": ("Groep", "Product category", "Category"),
}

INPUT_KEYS = (
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
    "sector",
    "region",
    "relation_type",
    "revenue_last_year",
)
CRITERIA = ("margin", "speed", "innovation", "network")
# the customer inputs that are amounts or counts (a text there is a message, not a value)
NUMERIC_INPUTS = (
    "revenue",
    "potential",
    "gross_margin_pct",
    "payment_days",
    "contact_hours",
    "custom_costs",
    "n_products",
    "n_groups",
    "revenue_last_year",
)
RESULT_KEYS = ("score", "revenue_class", "segment", "advice", "message")

# Value words.
REVENUE_CLASSES: dict[str, tuple[str, str]] = {
    "high": ("Hoog", "High"),
    "mid": ("Midden", "Medium"),
    "low": ("Laag", "Low"),
}
YES_NO = {True: ("Ja", "Yes"), False: ("Nee", "No")}
# every answer a Ja/Nee cell may hold (compared in lower case): the answer words we read
ANSWER_WORDS: dict[bool, frozenset[str]] = {
    True: frozenset({"ja", "j", "yes", "y", "x", "1", "waar", "true", "wahr", "vrai", "v", "ok"}),
    False: frozenset({"nee", "n", "no", "0", "onwaar", "false", "-"}),
}

DEFAULT_ADVICE: dict[str, tuple[str, str]] = {
    "A": (
        "Maandelijks persoonlijk bezoek; houd de relatie warm en zoek samen naar groei.",
        "Monthly face-to-face visit; keep the relationship warm and look for growth together.",
    ),
    "B": (
        "Elke 2 à 3 maanden contact (telefoon of bezoek); kijk of de klant kan doorgroeien.",
        "Contact every 2-3 months (phone or visit); see whether the customer can grow.",
    ),
    "C": (
        "Bedien via schaalbare kanalen: e-mail, nieuwsbrief, webshop.",
        "Serve through scalable channels: e-mail, newsletter, web shop.",
    ),
}

# Messages and small texts: key -> (Dutch, English). Placeholders use str.format.
TEXTS: dict[str, tuple[str, str]] = {
    # row problems (Melding)
    "row.no_name": ("Klantnaam ontbreekt.", "Customer name is missing."),
    "row.duplicate": (
        "Klantnaam '{name}' staat ook op rij {other}; maak de namen uniek.",
        "Customer name '{name}' also appears on row {other}; make the names unique.",
    ),
    "row.bad_yes_no": (
        "{column}: '{value}' is geen Ja/Nee; vul Ja of Nee in.",
        "{column}: '{value}' is not a Yes/No; enter Yes or No.",
    ),
    "row.bad_amount": (
        "{column}: '{value}' is geen bedrag; vul een getal in.",
        "{column}: '{value}' is not an amount; enter a number.",
    ),
    "row.negative": (
        "{column} is negatief ({value}); vul 0 of meer in.",
        "{column} is negative ({value}); enter 0 or more.",
    ),
    "row.no_revenue": (
        "{column} ontbreekt; vul de jaaromzet in.",
        "{column} is missing; enter the annual revenue.",
    ),
    # run-level errors
    "err.no_rows": (
        "er staan geen klanten in de tabel; vul minstens één rij met een klantnaam in.",
        "the table holds no customers; fill in at least one row with a customer name.",
    ),
    "err.duplicate_header": (
        "de kop '{column}' staat er meer dan eens (kolommen {columns}); geef elke kolom een "
        "eigen kop.",
        "the header '{column}' appears more than once (columns {columns}); give each column "
        "its own header.",
    ),
    # files
    "loc.sheet": ("{file}, blad {sheet}", "{file}, sheet {sheet}"),
    "file.missing": (
        "het bestand '{file}' bestaat niet; controleer de naam en de map.",
        "the file '{file}' does not exist; check the name and the folder.",
    ),
    "file.is_dir": (
        "'{file}' is een map, geen bestand; geef een .xlsx-, .xlsm- of .csv-bestand op.",
        "'{file}' is a folder, not a file; give an .xlsx, .xlsm or .csv file.",
    ),
    "file.bad_suffix": (
        "{file}: bestanden van het type '{suffix}' kan ik niet lezen; sla het op als .xlsx, "
        ".xlsm of .csv.",
        "{file}: files of type '{suffix}' cannot be read; save it as .xlsx, .xlsm or .csv.",
    ),
    "file.unreadable": (
        "{file} is geen geldig Excel-bestand (beschadigd of een ander formaat); open het in "
        "Excel en sla het opnieuw op als .xlsx.",
        "{file} is not a valid Excel file (damaged or another format); open it in Excel and "
        "save it again as .xlsx.",
    ),
    "file.bad_sheet": (
        "{file}, blad {sheet} kan niet worden gelezen; open het in Excel en sla het opnieuw op.",
        "{file}, sheet {sheet} cannot be read; open it in Excel and save it again.",
    ),
    "file.no_table": (
        "{file} heeft geen klantentabel (bladen: {sheets}); zet de klanten op een blad "
        "'Klanten' onder een kop 'Klant' in de eerste 10 rijen.",
        "{file} has no customer table (sheets: {sheets}); put the customers on a sheet "
        "'Customers' under a header 'Customer' in the first 10 rows.",
    ),
    "file.empty": (
        "{where} is leeg; vul de klanten in onder een kop 'Klant'.",
        "{where} is empty; enter the customers under a header 'Customer'.",
    ),
    "file.no_customer_header": (
        "{where} heeft in de eerste {rows} rijen geen kop 'Klant'; zet de klantnamen onder "
        "een kop 'Klant' (of 'Customer').",
        "{where} has no header 'Customer' in the first {rows} rows; put the customer names "
        "under a header 'Customer' (or 'Klant').",
    ),
    "file.no_order_header": (
        "{file} heeft geen ordertabel; zet de orders onder koppen als 'Klant', 'Datum' en "
        "'Bedrag' in de eerste 10 rijen (in een werkmap op een blad 'Orders').",
        "{file} has no order table; put the orders under headers such as 'Customer', 'Date' "
        "and 'Amount' in the first 10 rows (in a workbook on a sheet 'Orders').",
    ),
    "file.unreadable_csv": (
        "{file} is geen leesbaar gzip-bestand; pak het uit of exporteer het opnieuw als .csv.",
        "{file} is not a readable gzip file; unpack it or export it again as .csv.",
    ),
    "file.unnamed_column": ("Kolom {column}", "Column {column}"),
    "file.same_output": (
        "de uitvoer '{file}' is het invoerbestand zelf; kies met -o een andere naam, de invoer "
        "wordt nooit overschreven.",
        "the output '{file}' is the input file itself; choose another name with -o, the "
        "input is never overwritten.",
    ),
    "file.no_folder": (
        "de map '{folder}' voor de uitvoer bestaat niet; maak hem eerst aan of kies een "
        "andere map met -o.",
        "the folder '{folder}' for the output does not exist; create it first or choose "
        "another folder with -o.",
    ),
    "file.cannot_write": (
        "'{file}' kan niet worden geschreven ({reason}); sluit het bestand als het open is, "
        "of kies met -o een andere plek.",
        "'{file}' cannot be written ({reason}); close the file if it is open, or choose "
        "another place with -o.",
    ),
    "file.output_suffix": (
        "de uitvoer '{file}' moet eindigen op {suffixes}; pas de naam achter -o aan.",
        "the output '{file}' must end in {suffixes}; change the name after -o.",
    ),
    # command line
    "cli.written": ("Analyse geschreven naar {file}", "Analysis written to {file}"),
    "cli.summary": (
        "{customers} klanten met een segment: A {a}, B {b}, C {c}.",
        "{customers} customers with a segment: A {a}, B {b}, C {c}.",
    ),
    "cli.warnings": ("{count} waarschuwing(en):", "{count} warning(s):"),
    "cli.error": ("Fout: {message}", "Error: {message}"),
    "cli.interrupted": ("Afgebroken; er is niets geschreven.", "Interrupted; nothing was written."),
    "cli.interrupted_written": (
        "Afgebroken nadat {file} al was geschreven; die uitvoer is heel.",
        "Interrupted after {file} had been written; that output is whole.",
    ),
    "cli.unexpected": (
        "Onverwachte fout ({error}); er is niets geschreven. Meld dit met het invoerbestand.",
        "Unexpected error ({error}); nothing was written. Please report it with the input file.",
    ),
    "cli.unexpected_written": (
        "Onverwachte fout ({error}) nadat {file} al was geschreven; die uitvoer is heel. "
        "Meld dit met het invoerbestand.",
        "Unexpected error ({error}) after {file} had been written; that output is whole. "
        "Please report it with the input file.",
    ),
    # settings errors
    "set.bad_value": (
        "blad Instellingen, '{label}': '{value}' is ongeldig; {hint}.",
        "sheet Settings, '{label}': '{value}' is not valid; {hint}.",
    ),
    "set.hint.lang": ("kies NL of EN", "choose NL or EN"),
    "set.hint.method": ("kies Pareto of Bedrag", "choose Pareto or Amount"),
    "set.hint.percent": (
        "vul een percentage tussen 1 en 100 in",
        "enter a percentage between 1 and 100",
    ),
    "set.hint.pareto_order": (
        "de grens voor Midden moet hoger zijn dan die voor Hoog",
        "the limit for Medium must be higher than the one for High",
    ),
    "set.hint.amount": ("vul een bedrag van 0 of meer in", "enter an amount of 0 or more"),
    "set.hint.amount_order": (
        "de bedraggrens voor Hoog moet hoger zijn dan die voor Midden",
        "the amount for High must be higher than the one for Medium",
    ),
    "set.hint.matrix": (
        "vul vijf letters A, B of C in, één per score 0 t/m 4 (bijv. 'B B A A A')",
        "enter five letters A, B or C, one per score 0 to 4 (e.g. 'B B A A A')",
    ),
    "set.hint.matrix_high": (
        "een klant met hoge omzet is altijd A of B, dus gebruik hier geen C",
        "a high-revenue customer is always A or B, so do not use C here",
    ),
    "set.hint.colour": (
        "vul een kleurcode in zoals #C6EFCE",
        "enter a colour code such as #C6EFCE",
    ),
    "set.hint.rule": (
        "schrijf de regel als 'kolom >= getal', bijv. 'Brutomarge % >= 25', of laat hem leeg",
        "write the rule as 'column >= number', e.g. 'Gross margin % >= 25', or leave it empty",
    ),
    "set.hint.rule_column": (
        "de kolom '{column}' is geen gegevenskolom; kies bijv. Brutomarge %, Betaaltermijn "
        "(dagen), Contacturen of Aantal producten",
        "'{column}' is not a data column; choose e.g. Gross margin %, Payment term (days), "
        "Contact hours or Number of products",
    ),
    "set.hint.date": (
        "vul een datum in (dd-mm-jjjj) of laat het leeg voor vandaag",
        "enter a date (dd-mm-yyyy) or leave it empty for today",
    ),
    "set.hint.months": (
        "vul een heel aantal maanden van 1 tot 120 in",
        "enter a whole number of months from 1 to 120",
    ),
    "set.hint.number": ("vul een getal van 0 of meer in", "enter a number of 0 or more"),
    # summary and chart labels
    "sum.title": ("Samenvatting per segment", "Summary per segment"),
    "sum.segment": ("Segment", "Segment"),
    "sum.customers": ("Klanten", "Customers"),
    "sum.revenue": ("Omzet", "Revenue"),
    "sum.share": ("Aandeel omzet", "Revenue share"),
    "sum.total": ("Totaal", "Total"),
    "sum.pareto": (
        "{share} van de klanten brengt 80% van de omzet",
        "{share} of customers bring 80% of revenue",
    ),
    "sum.pareto_label": ("80/20-check", "80/20 check"),
    "sum.invalid": ("Rijen met een melding", "Rows with a message"),
    "chart.title": ("Klanten op omzet en score", "Customers by revenue and score"),
    "chart.x": ("Score (aantal Ja op 4 vragen)", "Score (number of Yes on 4 questions)"),
    "chart.y": ("Omzet + potentie (€)", "Revenue + potential (€)"),
    "chart.series": ("Segment {segment}", "Segment {segment}"),
    "chart.limit_high": ("Grens Hoog", "High limit"),
    "chart.limit_mid": ("Grens Midden", "Medium limit"),
    "chart.top_title": (
        "De {count} grootste klanten (nummers in de grafiek)",
        "The {count} largest customers (numbers in the chart)",
    ),
    "chart.top_nr": ("Nr", "No."),
    "chart.top_value": ("Omzet + potentie", "Revenue + potential"),
    "results.header": ("Resultaat", "Result"),
    "status.title": ("Laatste analyse", "Last analysis"),
    "status.time": ("Tijdstip", "Time"),
    "status.customers": ("Klanten met segment", "Customers with a segment"),
    "status.problems": ("Rijen met een melding", "Rows with a message"),
    "status.warnings": ("Waarschuwingen", "Warnings"),
    "status.columns": ("Kolommen", "Columns"),
    "settings.header.setting": ("Instelling", "Setting"),
    "settings.header.value": ("Waarde", "Value"),
    "settings.header.help": ("Uitleg", "Explanation"),
    # warnings
    "warn.total_row": (
        "rij {row} ('{name}') lijkt een totaalregel en is overgeslagen",
        "row {row} ('{name}') looks like a total row and was skipped",
    ),
    "warn.row_problems": (
        "{count} rij(en) met een melding in kolom {column}; die klanten hebben geen segment",
        "{count} row(s) with a message in column {column}; those customers have no segment",
    ),
    "warn.unknown_setting": (
        "blad Instellingen: '{label}' is geen bekende instelling en is genegeerd",
        "sheet Settings: '{label}' is not a known setting and was ignored",
    ),
}

# Settings: key -> (Dutch label, English label, Dutch explanation, English explanation).
SETTING_LABELS: dict[str, tuple[str, str, str, str]] = {
    "lang": (
        "Taal",
        "Language",
        "NL of EN: de taal van resultaten, meldingen en grafiek.",
        "NL or EN: the language of results, messages and chart.",
    ),
    "revenue_method": (
        "Omzetklasse-methode",
        "Revenue class method",
        "Pareto: Hoog tot het aandeel hieronder van de totale omzet; Bedrag: vaste bedragen.",
        "Pareto: High up to the share below of total revenue; Amount: fixed amounts.",
    ),
    "pareto_high": (
        "Pareto-grens Hoog (%)",
        "Pareto limit High (%)",
        "Grootste klanten samen tot dit % van omzet + potentie zijn Hoog.",
        "Largest customers together up to this % of revenue + potential are High.",
    ),
    "pareto_mid": (
        "Pareto-grens Midden (%)",
        "Pareto limit Medium (%)",
        "Daarna tot dit % Midden; de rest is Laag.",
        "Then up to this % Medium; the rest is Low.",
    ),
    "amount_high": (
        "Bedraggrens Hoog (€)",
        "Amount limit High (€)",
        "Bij methode Bedrag: omzet + potentie vanaf dit bedrag is Hoog.",
        "With method Amount: revenue + potential from this amount is High.",
    ),
    "amount_mid": (
        "Bedraggrens Midden (€)",
        "Amount limit Medium (€)",
        "Bij methode Bedrag: vanaf dit bedrag Midden, daaronder Laag.",
        "With method Amount: from this amount Medium, below it Low.",
    ),
    "matrix_high": (
        "Segmentmatrix Hoog (score 0-1-2-3-4)",
        "Segment matrix High (score 0-1-2-3-4)",
        "Segment per score voor omzetklasse Hoog.",
        "Segment per score for revenue class High.",
    ),
    "matrix_mid": (
        "Segmentmatrix Midden (score 0-1-2-3-4)",
        "Segment matrix Medium (score 0-1-2-3-4)",
        "Segment per score voor omzetklasse Midden.",
        "Segment per score for revenue class Medium.",
    ),
    "matrix_low": (
        "Segmentmatrix Laag (score 0-1-2-3-4)",
        "Segment matrix Low (score 0-1-2-3-4)",
        "Segment per score voor omzetklasse Laag.",
        "Segment per score for revenue class Low.",
    ),
    "colour_a": ("Kleur A", "Colour A", "Celkleur van segment A.", "Cell colour of segment A."),
    "colour_b": ("Kleur B", "Colour B", "Celkleur van segment B.", "Cell colour of segment B."),
    "colour_c": ("Kleur C", "Colour C", "Celkleur van segment C.", "Cell colour of segment C."),
    "advice_a": ("Advies A", "Advice A", "Contactadvies voor A-klanten.", "Advice for A."),
    "advice_b": ("Advies B", "Advice B", "Contactadvies voor B-klanten.", "Advice for B."),
    "advice_c": ("Advies C", "Advice C", "Contactadvies voor C-klanten.", "Advice for C."),
    "rule_margin": (
        "Regel Marge",
        "Rule Margin",
        "Vult een lege Marge-cel in (Ja als de regel klopt). Een getypt antwoord wint.",
        "Fills a blank Margin cell (Yes when the rule holds). A typed answer wins.",
    ),
    "rule_speed": (
        "Regel Snelheid",
        "Rule Speed",
        "Vult een lege Snelheid-cel in, bijv. Betaaltermijn (dagen) <= 30.",
        "Fills a blank Speed cell, e.g. Payment term (days) <= 30.",
    ),
    "rule_innovation": (
        "Regel Innovatie",
        "Rule Innovation",
        "Vult een lege Innovatie-cel in; leeg = geen regel.",
        "Fills a blank Innovation cell; empty = no rule.",
    ),
    "rule_network": (
        "Regel Netwerk",
        "Rule Network",
        "Vult een lege Netwerk-cel in; leeg = geen regel.",
        "Fills a blank Network cell; empty = no rule.",
    ),
    "reference_date": (
        "Peildatum",
        "Reference date",
        "Datum waarvandaan 'laatste 12 maanden' telt; leeg = de datum van de laatste order "
        "(zonder orders: vandaag).",
        "Date from which 'last 12 months' counts; empty = the date of the last order (without "
        "orders: today).",
    ),
    "recent_months": (
        "Recente periode (maanden)",
        "Recent window (months)",
        "Lengte van de recente periode voor de orderhistorie.",
        "Length of the recent window for the order history.",
    ),
    "silent_months": (
        "Stil na (maanden)",
        "Silent after (months)",
        "Zonder order na zoveel maanden vraagt een klant aandacht.",
        "A customer without an order for this many months needs attention.",
    ),
}

METHOD_WORDS = {"pareto": ("Pareto", "Pareto"), "amount": ("Bedrag", "Amount")}


def money(value: float, lang: str = "nl") -> str:
    """An amount for a reason text: '€ 1.950' in Dutch, '€1,950' in English (whole euros)."""
    if value != value:  # NaN and infinity come only from absurd inputs: never a crash
        return "-"
    if abs(value) == float("inf"):
        sign = "-" if value < 0 else ""
        return f"{sign}€∞" if lang == "en" else f"{sign}€ ∞"
    whole = int(round(value))  # half to even, as '.0f' formatting rounds
    if lang == "en":
        return f"-€{-whole:,}" if whole < 0 else f"€{whole:,}"
    return (f"-€ {-whole:,}" if whole < 0 else f"€ {whole:,}").replace(",", ".")


def money_texts(values: object, lang: str = "nl") -> list[str]:
    """`money` of each value of an array, at the speed of a list comprehension."""
    import numpy as np

    values = np.asarray(values, dtype=float)
    plain = np.isfinite(values) & (np.abs(values) < 1e15)  # whole euros fit an int64
    wholes = np.rint(np.where(plain, values, 0.0)).astype(np.int64)  # half to even
    distinct, where = np.unique(wholes, return_inverse=True)  # each amount formatted once
    if lang == "en":
        found = [f"€{w:,}" if w >= 0 else f"-€{-w:,}" for w in distinct.tolist()]
    else:
        found = [
            (f"€ {w:,}" if w >= 0 else f"-€ {-w:,}").replace(",", ".") for w in distinct.tolist()
        ]
    texts = np.array(found, dtype=object)[where.reshape(-1)].tolist()
    for i in np.flatnonzero(~plain).tolist():
        texts[i] = money(float(values[i]), lang)
    return texts


def percent_texts(values: object, lang: str = "nl") -> list[str]:
    """`percent` of each value of a list or array, at the speed of a list comprehension."""
    texts = [format(v, ".1%" if 0 < abs(v) < 0.0995 else ".0%") for v in list(values)]
    return [t.replace(".", ",") for t in texts] if lang == "nl" else texts


def percent_column(values: object, lang: str = "nl", signed: bool = False) -> object:
    """`percent` of each value of an array, as an object array of texts.

    Whole percentages come from numpy: '.0%' formats value × 100 rounded half to even, as
    `np.rint` does. Small ones (one decimal) and absurd ones are formatted per distinct value.
    """
    import numpy as np

    values = np.asarray(values, dtype=float)
    with np.errstate(invalid="ignore", over="ignore"):
        hundred = values * 100  # the multiplication '%' formatting does first
        small = (np.abs(values) > 0) & (np.abs(values) < 0.0995)
        whole = np.isfinite(hundred) & (np.abs(hundred) < 2**53) & ~small
    rounded = np.rint(np.where(whole, hundred, 0.0))
    digits = np.abs(rounded).astype(np.int64).astype(str).astype(object)
    sign = np.where(np.signbit(rounded), "-", "+" if signed else "").astype(object)
    out = sign + digits + "%"
    rest = np.flatnonzero(~whole)
    if len(rest):
        distinct, where = np.unique(values[rest], return_inverse=True)
        found = [percent(v, lang, signed) for v in distinct.tolist()]
        out[rest] = np.array(found, dtype=object)[where.reshape(-1)]
    return out


def number_column(values: object) -> object:
    """Each number as `str` gives a whole number and `format(value, '.0f')` any other, as an
    object array (each distinct value formatted once)."""
    import numpy as np

    values = np.asarray(values)
    distinct, where = np.unique(values, return_inverse=True)
    if values.dtype.kind in "iu":
        found = [str(v) for v in distinct.tolist()]
    else:
        found = [format(v, ".0f") for v in distinct.astype(float).tolist()]
    return np.array(found, dtype=object)[where.reshape(-1)]


def date_column(values: object, lang: str = "nl") -> object:
    """`short_date` of each datetime64 value (each distinct date formatted once)."""
    import numpy as np
    import pandas as pd

    days = np.asarray(values, dtype="datetime64[D]")
    distinct, where = np.unique(days, return_inverse=True)
    found = pd.DatetimeIndex(distinct).strftime(DATE_FORMATS[lang]).to_numpy(dtype=object)
    return found[where.reshape(-1)]


def percent(value: float, lang: str = "nl", signed: bool = False) -> str:
    """A fraction as a percentage: 0.25 -> '25%' ('+25%' when signed); small ones keep a decimal."""
    spec = ".1%" if 0 < abs(value) < 0.0995 else ".0%"
    text = format(value, ("+" if signed else "") + spec)
    return text.replace(".", ",") if lang == "nl" else text


DATE_FORMATS = {"nl": "%d-%m-%Y", "en": "%Y-%m-%d"}


def short_date(value: object, lang: str = "nl") -> str:
    """A date for a reason text: 09-12-2011 in Dutch, 2011-12-09 in English."""
    return value.strftime(DATE_FORMATS[lang])


def _pick(pair: tuple[str, ...], lang: str) -> str:
    return pair[1] if lang == "en" else pair[0]


def text(key: str, lang: str = "nl", **values: object) -> str:
    """The message `key` in `lang`, formatted with `values`."""
    template = _pick(TEXTS[key], lang)
    return template.format(**values) if values else template


def text_column(key: str, lang: str = "nl", size: int = 0, **values: object) -> object:
    """`text` for many rows at once, as an object array of `size` texts.

    Each value is a scalar (formatted as `text` does) or an array of `size` ready texts (one
    per row; the template gives such a field no format spec). Rows are joined with numpy's
    element-wise `+`, never a Python loop over rows.
    """
    import string

    import numpy as np

    out = np.full(size, "", dtype=object)
    pending = ""  # literal text and scalars not yet added to the rows
    for literal, field, spec, conversion in string.Formatter().parse(_pick(TEXTS[key], lang)):
        pending += literal
        if field is None:
            continue
        value = values[field]
        if isinstance(value, np.ndarray):
            out = out + pending + value if pending else out + value
            pending = ""
        else:
            pending += ("{0" + (f"!{conversion}" if conversion else "") + f":{spec}}}").format(
                value
            )
    return out + pending if pending else out


def header(key: str, lang: str = "nl") -> str:
    """The column header we write for `key`."""
    return _pick(HEADERS[key], lang)


def revenue_class(key: str, lang: str = "nl") -> str:
    return _pick(REVENUE_CLASSES[key], lang)


def yes_no(value: bool, lang: str = "nl") -> str:
    return _pick(YES_NO[value], lang)


def advice(segment: str, lang: str = "nl") -> str:
    return _pick(DEFAULT_ADVICE[segment], lang)


def setting_label(key: str, lang: str = "nl") -> str:
    return _pick(SETTING_LABELS[key][:2], lang)


def setting_help(key: str, lang: str = "nl") -> str:
    return _pick(SETTING_LABELS[key][2:], lang)


def method_word(key: str, lang: str = "nl") -> str:
    return _pick(METHOD_WORDS[key], lang)


def formatted_column(values: object, format: Callable[[object], str]) -> object:
    """`format(value)` of each value of an array, as an object array of texts (each distinct
    value formatted once)."""
    import numpy as np

    distinct, where = np.unique(np.asarray(values), return_inverse=True)
    found = [format(v) for v in distinct.tolist()]
    return np.array(found, dtype=object)[where.reshape(-1)]


def row_texts(make: Callable[..., object], *columns: object) -> object:
    """`make(*row)` of each row of `columns` (arrays of one length, passed as Python values),
    as an object array; each distinct row is asked once. Floats are told apart by their bits,
    so 0.0 and -0.0 (which format differently) are two rows."""
    import numpy as np
    import pandas as pd

    arrays = [np.asarray(c) for c in columns]
    size = len(arrays[0]) if arrays else 0
    code = np.zeros(size, dtype=np.int64)
    for values in arrays:
        if values.dtype.kind == "f":
            values = values.astype(np.float64).view(np.int64)
        codes, uniques = pd.factorize(values)
        code, _ = pd.factorize(code * (len(uniques) + 1) + codes + 1)
    count = int(code.max()) + 1 if size else 0
    first = np.empty(count, dtype=np.int64)
    first[code[::-1]] = np.arange(size - 1, -1, -1)  # the first row of each distinct row
    found = [make(*row) for row in zip(*(v[first].tolist() for v in arrays))]
    out = np.empty(count, dtype=object)
    out[:] = found
    return out[code]
