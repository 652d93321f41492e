"""Every user-facing text, in Dutch and English. Nothing else in the package holds prose.

`text(key, lang, **values)` formats one message; `header(key, lang)` gives a column header.
"""

from __future__ import annotations

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
    "customer": ("Klantnaam", "Naam", "Relatie", "Customer name", "Client", "Name"),
    "revenue": ("Jaaromzet", "Omzet huidig", "Annual revenue", "Sales", "Turnover"),
    "potential": ("Extra potentie", "Potentiele omzet", "Potential revenue"),
    "gross_margin_pct": ("Brutomarge", "Marge %", "Margepercentage", "Gross margin"),
    "payment_days": ("Betaaltermijn", "Betaaldagen", "Payment term", "Payment days", "DSO"),
    "custom_costs": ("Kosten maatwerk", "Custom costs"),
    "n_products": ("Producten", "Products"),
    "n_groups": ("Productgroepen", "Product groups"),
    "relation_type": ("Type relatie", "Relation type", "Relationship"),
    "revenue_last_year": ("Omzet vorig jr", "Last year revenue", "Revenue previous year"),
    "order_date": ("Orderdatum", "Factuurdatum", "Order date", "Invoice date", "InvoiceDate"),
    "order_amount": ("Orderbedrag", "Regelbedrag", "Order amount", "Line amount", "Total"),
    "order_quantity": ("Hoeveelheid", "Qty"),
    "order_price": ("Stukprijs", "Unit price", "UnitPrice"),
    "order_id": ("Order", "Factuurnummer", "Order id", "Invoice", "InvoiceNo"),
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
RESULT_KEYS = ("score", "revenue_class", "segment", "advice", "message")
# Every result column any feature may write; a header of one of these is never an input.
ALL_RESULT_KEYS: tuple[str, ...] = RESULT_KEYS

# Value words.
REVENUE_CLASSES: dict[str, tuple[str, str]] = {
    "high": ("Hoog", "High"),
    "mid": ("Midden", "Medium"),
    "low": ("Laag", "Low"),
}
YES_NO = {True: ("Ja", "Yes"), False: ("Nee", "No")}

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
    "err.no_column": (
        "de kolom '{column}' ontbreekt; zet een kop '{column}' (of '{alias}') boven de gegevens.",
        "the column '{column}' is missing; put a header '{column}' (or '{alias}') above the data.",
    ),
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
        "'Klanten' under a header 'Customer' in the first 10 rows.",
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
    "cli.unexpected": (
        "Onverwachte fout ({error}); er is niets geschreven. Meld dit met het invoerbestand.",
        "Unexpected error ({error}); nothing was written. Please report it with the input file.",
    ),
    # settings errors
    "set.bad_value": (
        "blad Instellingen, '{label}': '{value}' is ongeldig; {hint}.",
        "sheet Instellingen, '{label}': '{value}' is not valid; {hint}.",
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
    "results.header": ("Resultaat", "Result"),
    "status.title": ("Laatste analyse", "Last analysis"),
    "status.time": ("Tijdstip", "Time"),
    "status.customers": ("Klanten met segment", "Customers with a segment"),
    "status.problems": ("Rijen met een melding", "Rows with a message"),
    "status.warnings": ("Waarschuwingen", "Warnings"),
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
        "sheet Instellingen: '{label}' is not a known setting and was ignored",
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
        "Datum waarvandaan 'laatste 12 maanden' telt; leeg = vandaag.",
        "Date from which 'last 12 months' counts; empty = today.",
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

# ---- order history, profitability and portfolio (articles 000, 001, 004) ----------------

# The customer column of the Orders sheet also accepts customer numbers (order exports
# often carry only those); the Klanten sheet keeps its own, stricter list.
HEADERS["order_customer"] = HEADERS["customer"]
ALIASES["order_customer"] = (
    *ALIASES["customer"],
    "CustomerID",
    "Customer ID",
    "Customer number",
    "Klantnummer",
    "Klantnr",
    "Debiteur",
    "Debiteurnummer",
)
ORDER_KEYS = (
    "order_customer",
    "order_date",
    "order_amount",
    "order_quantity",
    "order_price",
    "order_id",
    "product_group",
    "order_margin",
)

HEADERS.update(
    {
        # order history per customer
        "orders_total": ("Orders totaal", "Orders overall"),
        "avg_order": ("Gem. order totaal", "Avg. order overall"),
        "avg_order_recent": ("Gem. order recent", "Avg. order recent"),
        "orders_recent": ("Orders recent", "Orders recent"),
        "first_order": ("Eerste order", "First order"),
        "last_order": ("Laatste order", "Last order"),
        "months_since": ("Maanden sinds order", "Months since order"),
        "revenue_recent": ("Omzet recent", "Revenue recent"),
        "revenue_previous": ("Omzet periode ervoor", "Revenue period before"),
        "change": ("Verandering", "Change"),
        "projection": ("Prognose 12 mnd", "Projection 12 months"),
        "signal": ("Signaal", "Signal"),
        "signal_reason": ("Reden signaal", "Signal reason"),
        # true profitability
        "gross_margin": ("Margebedrag", "Margin amount"),
        "cost_to_serve": ("Kosten bediening", "Cost to serve"),
        "contribution": ("Nettobijdrage", "Net contribution"),
        "rank_contribution": ("Rang bijdrage", "Rank contribution"),
        "rank_revenue": ("Rang omzet", "Rank revenue"),
        "customer_type": ("Klanttype", "Customer type"),
        "type_reason": ("Reden klanttype", "Customer type reason"),
        # portfolio
        "action": ("Actie", "Action"),
        "action_reason": ("Reden actie", "Action reason"),
    }
)
HISTORY_KEYS = (
    "orders_total",
    "avg_order",
    "avg_order_recent",
    "orders_recent",
    "first_order",
    "last_order",
    "months_since",
    "revenue_recent",
    "revenue_previous",
    "signal",
    "signal_reason",
)
PROFIT_KEYS = (
    "gross_margin",
    "cost_to_serve",
    "contribution",
    "rank_contribution",
    "rank_revenue",
    "customer_type",
    "type_reason",
)
PORTFOLIO_KEYS = ("change", "projection", "action", "action_reason")
ALL_RESULT_KEYS += HISTORY_KEYS + PROFIT_KEYS + PORTFOLIO_KEYS

SIGNALS: dict[str, tuple[str, str]] = {
    "potential": ("Potentie", "Potential"),
    "attention": ("Aandacht", "Attention"),
    "dormant": ("Slapend", "Dormant"),
    "new": ("Nieuw", "New"),
    "stable": ("Stabiel", "Stable"),
}
CUSTOMER_TYPES: dict[str, tuple[str, str]] = {
    "thriving": ("Bloeiend", "Thriving"),
    "interesting": ("Boeiend", "Interesting"),
    "tiring": ("Vermoeiend", "Tiring"),
}
ACTIONS: dict[str, tuple[str, str]] = {
    "develop": ("Ontwikkelen", "Develop"),
    "maintain": ("Onderhouden", "Maintain"),
    "reconsider": ("Heroverwegen", "Reconsider"),
}
PYRAMID_LAYERS: dict[str, tuple[str, str]] = {
    "top1": ("Top 1%", "Top 1%"),
    "next4": ("Volgende 4%", "Next 4%"),
    "next15": ("Volgende 15%", "Next 15%"),
    "rest80": ("Overige 80%", "Other 80%"),
    "inactive": ("Inactief", "Inactive"),
}

TEXTS.update(
    {
        # Orders sheet problems
        "ord.no_column": (
            "de kolom '{column}' ontbreekt; zet een kop '{column}' (of '{alias}') boven de orders.",
            "the column '{column}' is missing; put a header '{column}' (or "
            "'{alias}') above the orders.",
        ),
        "ord.no_amount": (
            "er is geen kolom 'Bedrag' en geen 'Aantal' met 'Prijs'; zet een kop "
            "'Bedrag' boven de orderbedragen.",
            "there is no column 'Amount' and no 'Quantity' with 'Price'; put a "
            "header 'Amount' above the order amounts.",
        ),
        "ord.duplicate_header": (
            "de kop '{column}' staat er meer dan eens (kolommen {columns}); geef "
            "elke kolom een eigen kop.",
            "the header '{column}' appears more than once (columns {columns}); "
            "give each column its own header.",
        ),
        "ord.skipped.no_customer": (
            "Orders: {count} rij(en) zonder klant overgeslagen (rij {rows}); vul de "
            "klant in om ze mee te tellen",
            "Orders: {count} row(s) without a customer skipped (row {rows}); fill in the "
            "customer to count them",
        ),
        "ord.skipped.bad_date": (
            "Orders: {count} rij(en) met een onleesbare of lege datum overgeslagen (rij "
            "{rows}); vul de datum in als dd-mm-jjjj",
            "Orders: {count} row(s) with an unreadable or empty date skipped (row "
            "{rows}); enter the date as dd-mm-yyyy",
        ),
        "ord.skipped.bad_amount": (
            "Orders: {count} rij(en) met een onleesbaar of leeg bedrag overgeslagen (rij "
            "{rows}); vul een getal in",
            "Orders: {count} row(s) with an unreadable or empty amount skipped (row "
            "{rows}); enter a number",
        ),
        "ord.after_reference": (
            "Orders: {count} rij(en) na de peildatum {date} niet meegeteld",
            "Orders: {count} row(s) after the reference date {date} not counted",
        ),
        "ord.no_lines": (
            "geen bruikbare orderregels; controleer de kolommen Klant, Datum en Bedrag",
            "no usable order lines; check the columns Customer, Date and Amount",
        ),
        "ord.no_orders_for": (
            "{count} klant(en) uit Klanten hebben geen orders in blad Orders (bijv. '{name}')",
            "{count} customer(s) from Klanten have no orders on sheet Orders (e.g. '{name}')",
        ),
        "ord.added": (
            "{count} klant(en) uit blad Orders toegevoegd aan de klantenlijst",
            "{count} customer(s) from sheet Orders added to the customer list",
        ),
        "ord.more_rows": ("{rows} en {more} meer", "{rows} and {more} more"),
        # signal reasons; {m} is the recent window in months
        "sig.potential": (
            "gem. order {m} mnd {recent} vs {overall} totaal; {n} order(s) in {m} mnd, "
            "eerder {before} per {m} mnd",
            "avg. order {m} mo {recent} vs {overall} overall; {n} order(s) in {m} mo, "
            "before {before} per {m} mo",
        ),
        "sig.attention": (
            "{n} orders in {m} mnd, gem. {avg}; laatste order {since} mnd geleden ({date})",
            "{n} orders in {m} mo, avg. {avg}; last order {since} mo ago ({date})",
        ),
        "sig.dormant": (
            "geen order in {m} mnd; laatste order {date}",
            "no order in {m} mo; last order {date}",
        ),
        "sig.dormant_never": ("nog geen order", "no order yet"),
        "sig.new": (
            "eerste order {date}; {n} order(s), gem. {avg}",
            "first order {date}; {n} order(s), avg. {avg}",
        ),
        "sig.stable": (
            "{n} order(s) in {m} mnd, gem. {avg}",
            "{n} order(s) in {m} mo, avg. {avg}",
        ),
        "sig.change": (
            "; omzet {change} t.o.v. periode ervoor",
            "; revenue {change} vs period before",
        ),
        # customer type reasons
        "type.late": ("betaalt laat ({days} dagen)", "pays late ({days} days)"),
        "type.costly": (
            "kosten bediening {cost} = {share} van de marge {margin}",
            "cost to serve {cost} = {share} of the margin {margin}",
        ),
        "type.costly_network": (
            "kosten bediening {cost} = {share} van de marge {margin}, maar Netwerk = Ja",
            "cost to serve {cost} = {share} of the margin {margin}, but Network = Yes",
        ),
        "type.thriving_orders": (
            "bestelt vaak ({n} orders in {m} mnd)",
            "orders often ({n} orders in {m} mo)",
        ),
        "type.thriving_margin": ("goede marge (Marge = Ja)", "good margin (Margin = Yes)"),
        "type.on_time": ("betaalt op tijd ({days} dagen)", "pays on time ({days} days)"),
        "type.network": (
            "lagere marge of minder orders, maar Netwerk = Ja",
            "lower margin or fewer orders, but Network = Yes",
        ),
        "type.not_frequent": (
            "bestelt niet vaak: {n} order(s) in {m} mnd",
            "orders seldom: {n} order(s) in {m} mo",
        ),
        "type.no_margin": (
            "geen orderhistorie en Marge = Nee",
            "no order history and Margin = No",
        ),
        "type.slow": (
            "betaalt in {days} dagen, niet binnen {limit}",
            "pays in {days} days, not within {limit}",
        ),
        # action reasons
        "act.reconsider": (
            "verlies {loss}; potentie levert hooguit {gain} marge op",
            "loss {loss}; potential yields at most {gain} margin",
        ),
        "act.develop_signal": ("signaal {signal}", "signal {signal}"),
        "act.develop_potential": (
            "potentie {potential} = {share} van de omzet",
            "potential {potential} = {share} of revenue",
        ),
        "act.develop_growth": ("groeit: prognose {projection}", "growing: projection {projection}"),
        "act.maintain": (
            "rendabel zonder groeisignaal; houd het contact zoals het is",
            "profitable without a growth signal; keep contact as it is",
        ),
        "act.maintain_unknown": (
            "geen groeisignaal; vul marge en kosten in voor een scherper oordeel",
            "no growth signal; fill in margin and costs for a sharper call",
        ),
        # settings hints
        "set.hint.percent_any": (
            "vul een percentage van 0 of meer in",
            "enter a percentage of 0 or more",
        ),
        "set.hint.count": (
            "vul een heel aantal van 1 tot 1000 in",
            "enter a whole number from 1 to 1000",
        ),
        "set.hint.days_order": (
            "de grens voor laat betalen moet minstens de grens voor op tijd zijn",
            "the limit for late payment must be at least the one for on time",
        ),
        # summary, portfolio tables and chart labels
        "sum.pareto_curve": ("Paretocurve (80/20)", "Pareto curve (80/20)"),
        "sum.pareto_x": ("Aandeel klanten", "Share of customers"),
        "sum.pareto_y": ("Aandeel omzet (cumulatief)", "Share of revenue (cumulative)"),
        "sum.pyramid": ("Klantenpiramide", "Customer pyramid"),
        "sum.layer": ("Laag", "Layer"),
        "sum.whale": ("Walviscurve (winstgevendheid)", "Whale curve (profitability)"),
        "sum.whale_y": (
            "Nettobijdrage cumulatief (% van totaal)",
            "Net contribution cumulative (% of total)",
        ),
        "sum.whale_peak": (
            "{share:.0%} van de klanten levert {peak:.0%} van de nettobijdrage",
            "{share:.0%} of customers yield {peak:.0%} of net contribution",
        ),
        "sum.retention": ("Klantbehoud per jaar", "Customer retention per year"),
        "sum.year": ("Jaar", "Year"),
        "sum.active": ("Actieve klanten", "Active customers"),
        "sum.retained": ("Behouden", "Retained"),
        "sum.retention_rate": ("Behoud %", "Retention %"),
        "sum.new": ("Nieuw", "New"),
        "sum.lost": ("Verloren", "Lost"),
        "sum.partial": ("t/m peildatum", "up to reference date"),
        "sum.revenue_change": (
            "Omzet recent {recent} vs periode ervoor {previous} ({change})",
            "Revenue recent {recent} vs period before {previous} ({change})",
        ),
    }
)

SETTING_LABELS.update(
    {
        "potential_drop": (
            "Potentie: gem. order recent hoogstens (% van totaal)",
            "Potential: avg. order recent at most (% of overall)",
            "Signaal Potentie als de gemiddelde order in de recente periode hoogstens dit % "
            "van het gemiddelde over alle orders is ...",
            "Signal Potential when the average order in the recent window is at most this % "
            "of the average over all orders ...",
        ),
        "few_orders": (
            "Potentie: hoogstens zoveel orders recent",
            "Potential: at most this many orders recent",
            "... en de klant in de recente periode weinig bestelde: hoogstens zoveel orders, of "
            "hoogstens het % hierboven van zijn gewone aantal per periode daarvoor.",
            "... and the customer ordered little in the recent window: at most this many orders, "
            "or at most the % above of its usual number per window before.",
        ),
        "frequent_orders": (
            "Vaak bestellen: minstens zoveel orders recent",
            "Frequent: at least this many orders recent",
            "Telt als vaak bestellen voor Aandacht en Bloeiend.",
            "Counts as ordering often for Attention and Thriving.",
        ),
        "big_order": (
            "Aandacht: gem. order minstens (% van de middelste klant)",
            "Attention: avg. order at least (% of the median customer)",
            "Signaal Aandacht voor een klant die vaak en groot bestelde (gem. order minstens dit "
            "% van de middelste klant) maar 'Stil na' maanden niets meer bestelde.",
            "Signal Attention for a customer who ordered often and big (avg. order at least "
            "this % of the median customer) but has been silent for 'Silent after' months.",
        ),
        "hourly_rate": (
            "Uurtarief contacturen (€)",
            "Hourly rate contact hours (€)",
            "Kosten bediening = Contacturen × dit tarief + Maatwerkkosten.",
            "Cost to serve = Contact hours × this rate + Custom work costs.",
        ),
        "on_time_days": (
            "Betaalt op tijd: hoogstens (dagen)",
            "Pays on time: at most (days)",
            "Bloeiend vraagt een Betaaltermijn (dagen) van hoogstens dit aantal.",
            "Thriving needs a Payment term (days) of at most this number.",
        ),
        "late_days": (
            "Betaalt laat: meer dan (dagen)",
            "Pays late: more than (days)",
            "Een Betaaltermijn (dagen) boven dit aantal maakt een klant Vermoeiend.",
            "A Payment term (days) above this number makes a customer Tiring.",
        ),
        "cost_share": (
            "Vermoeiend: kosten bediening vanaf (% van marge)",
            "Tiring: cost to serve from (% of margin)",
            "Kosten bediening vanaf dit % van het margebedrag maken een klant Vermoeiend (met "
            "Netwerk = Ja: Boeiend).",
            "Cost to serve from this % of the margin amount makes a customer Tiring (with "
            "Network = Yes: Interesting).",
        ),
        "develop_share": (
            "Ontwikkelen: potentie vanaf (% van omzet)",
            "Develop: potential from (% of revenue)",
            "Actie Ontwikkelen als Potentie minstens dit % van de omzet is, of bij signaal "
            "Potentie, Aandacht of Nieuw.",
            "Action Develop when Potential is at least this % of revenue, or with signal "
            "Potential, Attention or New.",
        ),
    }
)


def signal_word(key: str, lang: str = "nl") -> str:
    return _pick(SIGNALS[key], lang)


def customer_type(key: str, lang: str = "nl") -> str:
    return _pick(CUSTOMER_TYPES[key], lang)


def action_word(key: str, lang: str = "nl") -> str:
    return _pick(ACTIONS[key], lang)


def layer_word(key: str, lang: str = "nl") -> str:
    return _pick(PYRAMID_LAYERS[key], lang)


def money(value: float, lang: str = "nl") -> str:
    """An amount for a reason text: '€ 1.950' in Dutch, '€1,950' in English (whole euros)."""
    if value != value:  # NaN and infinity come only from absurd inputs: never a crash
        return "-"
    if abs(value) == float("inf"):
        sign = "-" if value < 0 else ""
        return f"{sign}€∞" if lang == "en" else f"{sign}€ ∞"
    digits = f"{abs(value):,.0f}"
    sign = "-" if round(value) < 0 else ""
    if lang == "en":
        return f"{sign}€{digits}"
    return f"{sign}€ {digits.replace(',', '.')}"


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


# --- demo data (klantanalyse.demo): prospect list headers and the generator's messages ---
HEADERS.setdefault("prospect", ("Prospect", "Prospect"))
TEXTS.update(
    {
        "demo.help": (
            "Schrijf de voorbeelddata (klanten.csv, orders.csv, prospects.csv) in een map.",
            "Write the demo data (klanten.csv, orders.csv, prospects.csv) into a folder.",
        ),
        "demo.help_dir": (
            "doelmap (standaard templates/demo)",
            "target folder (default templates/demo)",
        ),
        "demo.written": ("Geschreven: {path}", "Written: {path}"),
        "demo.err_write": (
            "de map '{path}' kan niet worden geschreven ({reason}); kies een andere map.",
            "the folder '{path}' cannot be written ({reason}); choose another folder.",
        ),
    }
)
# ---- Verwantschap (affinity, article 002): characteristics, profile, similarity ---------

# Columns that are always characteristics when present; more can be named in Instellingen.
AFFINITY_KEYS = ("sector", "region", "relation_type", "employees")
# Columns written next to each customer or prospect.
SIMILARITY_KEYS = ("similarity", "similarity_reasons", "untapped")
ALL_RESULT_KEYS += SIMILARITY_KEYS
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
            "or name your own columns at '{setting}' on sheet Instellingen.",
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
            "adjust the segment matrix on sheet Instellingen.",
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
            "sheet Instellingen, '{setting}': the column '{column}' is not in the customer table "
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


# ---- reliability: damaged, hostile or oversized input; output that cannot be written ----

TEXTS.update(
    {
        "file.zero_bytes": (
            "{file} is leeg (0 bytes); kies het goede bestand of sla het opnieuw op vanuit Excel.",
            "{file} is empty (0 bytes); choose the right file or save it again from Excel.",
        ),
        "file.empty_book": (
            "{file} bevat geen gegevens (alle bladen zijn leeg); vul de klanten in op een blad "
            "'Klanten' onder een kop 'Klant'.",
            "{file} holds no data (every sheet is empty); enter the customers on a sheet "
            "'Klanten' under a header 'Customer'.",
        ),
        "file.encrypted": (
            "{file} is met een wachtwoord beveiligd en kan niet worden gelezen; open het in "
            "Excel, haal het wachtwoord weg (Bestand > Info > Werkmap beveiligen > Versleutelen "
            "met wachtwoord) en sla het opnieuw op.",
            "{file} is protected with a password and cannot be read; open it in Excel, remove "
            "the password (File > Info > Protect Workbook > Encrypt with Password) and save it "
            "again.",
        ),
        "file.truncated": (
            "{file} is onvolledig of beschadigd (bijvoorbeeld door een afgebroken download of "
            "kopie); haal het bestand opnieuw op, of open het in Excel en sla het opnieuw op als "
            ".xlsx.",
            "{file} is incomplete or damaged (for example by an interrupted download or copy); "
            "fetch the file again, or open it in Excel and save it again as .xlsx.",
        ),
        "file.html": (
            "{file} is een webpagina (HTML) met de naam van een Excel-bestand; open het in Excel "
            "en sla het op als Excel-werkmap (.xlsx).",
            "{file} is a web page (HTML) with the name of an Excel file; open it in Excel and "
            "save it as an Excel workbook (.xlsx).",
        ),
        "file.text_named": (
            "{file} is een tekstbestand, geen Excel-werkmap; is het een CSV-export, geef het dan "
            "de extensie .csv, of open het in Excel en sla het op als .xlsx.",
            "{file} is a text file, not an Excel workbook; if it is a CSV export, give it the "
            "extension .csv, or open it in Excel and save it as .xlsx.",
        ),
        "file.damaged": (
            "{file} is beschadigd (de lijst met teksten belooft meer teksten dan erin staan); "
            "open het in Excel en sla het opnieuw op als .xlsx.",
            "{file} is damaged (its list of texts promises more texts than it holds); open it "
            "in Excel and save it again as .xlsx.",
        ),
        "file.unpacks_too_big": (
            "{file} wordt uitgepakt {size} groot, meer dan de grens van {limit}, en wordt niet "
            "gelezen; bewaar alleen de klantgegevens in een nieuwe werkmap (zonder overbodige "
            "bladen, afbeeldingen en opmaak) of splits het bestand.",
            "{file} unpacks to {size}, more than the limit of {limit}, and is not read; keep "
            "only the customer data in a new workbook (without extra sheets, images and "
            "formatting) or split the file.",
        ),
        "file.pack_ratio": (
            "{file} is te groot om veilig te lezen: onderdeel {part} wordt uitgepakt {size} uit "
            "{packed}, wat geen gewone werkmap doet; kopieer alleen de klantgegevens naar een "
            "nieuwe werkmap en gebruik die.",
            "{file} is too large to read safely: part {part} unpacks to {size} from {packed}, "
            "which no ordinary workbook does; copy only the customer data into a new workbook "
            "and use that.",
        ),
        "file.sheet_too_big": (
            "{where} is te groot om te lezen ({rows} rijen × {columns} kolommen = {cells} "
            "cellen, de grens is {limit}); verwijder lege of overbodige rijen en kolommen (ook "
            "ver weg op het blad) of splits de gegevens over meer bestanden.",
            "{where} is too large to read ({rows} rows × {columns} columns = {cells} cells, the "
            "limit is {limit}); delete empty or unneeded rows and columns (also far away on the "
            "sheet) or split the data over more files.",
        ),
        "file.csv_too_big": (
            "{file} is te groot om te lezen ({size}, de grens is {limit}); laat overbodige "
            "kolommen weg of splits het bestand.",
            "{file} is too large to read ({size}, the limit is {limit}); leave out unneeded "
            "columns or split the file.",
        ),
        "file.csv_too_many_cells": (
            "{file} is te groot om te lezen (ongeveer {cells} cellen, de grens is {limit}); laat "
            "overbodige kolommen weg of splits het bestand.",
            "{file} is too large to read (about {cells} cells, the limit is {limit}); leave out "
            "unneeded columns or split the file.",
        ),
        "file.parent_not_folder": (
            "'{folder}' is een bestand, geen map; kies met -o een uitvoerbestand in een "
            "bestaande map.",
            "'{folder}' is a file, not a folder; choose with -o an output file in an existing "
            "folder.",
        ),
        "file.no_permission": (
            "in de map '{folder}' mag niet worden geschreven (geen schrijfrechten); kies met -o "
            "een andere map.",
            "the folder '{folder}' cannot be written to (no write permission); choose another "
            "folder with -o.",
        ),
        "file.locked": (
            "'{file}' is geopend in een ander programma (bijvoorbeeld Excel) of alleen-lezen en "
            "kan niet worden vervangen; sluit het bestand en probeer het opnieuw, of kies met -o "
            "een andere naam.",
            "'{file}' is open in another program (for example Excel) or read-only and cannot be "
            "replaced; close the file and try again, or choose another name with -o.",
        ),
        "file.disk_full": (
            "'{file}' kan niet worden geschreven omdat de schijf vol is; maak ruimte vrij of "
            "kies met -o een andere schijf.",
            "'{file}' cannot be written because the disk is full; free some space or choose "
            "another disk with -o.",
        ),
        "err.empty_names": (
            "de kolom '{column}' is leeg; vul op elke rij de naam van de klant in.",
            "the column '{column}' is empty; fill in the customer's name on every row.",
        ),
        "warn.long_text": (
            "{count} cel(len) met meer dan {limit} tekens (de grens van Excel) zijn in de "
            "uitvoer ingekort, de eerste in kolom {column}, rij {row}.",
            "{count} cell(s) longer than {limit} characters (Excel's limit) were shortened in "
            "the output, the first in column {column}, row {row}.",
        ),
        # what an output does not carry over from its input workbook (files/carried.py)
        "warn.not_carried": (
            "{file}: niet overgenomen in de uitvoer (het staat nog in het invoerbestand, dat "
            "niet is gewijzigd): {items}.",
            "{file}: not carried into the output (it is still in the input file, which was "
            "not changed): {items}.",
        ),
        "carry.sheet": ("blad {sheet}", "sheet {sheet}"),
        "carry.sheet_with": ("blad {sheet} (met {items})", "sheet {sheet} (with {items})"),
        "carry.on_sheet": ("{items} op blad {sheet}", "{items} on sheet {sheet}"),
        "carry.chart": ("{count} grafiek(en)", "{count} chart(s)"),
        "carry.image": ("{count} afbeelding(en)", "{count} picture(s)"),
        "carry.shape": ("{count} vorm(en) of tekstvak(ken)", "{count} shape(s) or text box(es)"),
        "carry.comment": ("{count} opmerking(en)", "{count} comment(s)"),
        "carry.table": ("{count} Excel-tabel(len)", "{count} Excel table(s)"),
        "carry.pivot": ("{count} draaitabel(len)", "{count} pivot table(s)"),
        "carry.control": ("{count} knop(pen) of keuzelijst(en)", "{count} button(s) or control(s)"),
        "carry.object": ("{count} ingesloten object(en)", "{count} embedded object(s)"),
        "carry.formula": (
            "{count} formule(s) (alleen de uitkomst is overgenomen)",
            "{count} formula(s) (only the result was kept)",
        ),
        "carry.conditional": ("{count} voorwaardelijke opmaak", "{count} conditional format(s)"),
        "carry.validation": ("{count} gegevensvalidatie(s)", "{count} data validation(s)"),
        "carry.merged": ("{count} samengevoegde cel(len)", "{count} merged cell range(s)"),
        "carry.hyperlink": ("{count} hyperlink(s)", "{count} hyperlink(s)"),
        "carry.cell_images": ("{count} afbeelding(en) in cellen", "{count} picture(s) in cells"),
        "carry.vba": ("het VBA-project (macro's)", "the VBA project (macros)"),
        "carry.ribbon": ("het eigen lint (ribbon)", "the custom ribbon"),
        "carry.external": (
            "{count} koppeling(en) naar andere werkmappen",
            "{count} link(s) to other workbooks",
        ),
        "carry.names": ("{count} benoemd(e) bereik(en)", "{count} defined name(s)"),
        "carry.connections": ("gegevensverbindingen", "data connections"),
        "carry.slicers": ("{count} slicer(s) of tijdlijn(en)", "{count} slicer(s) or timeline(s)"),
        "warn.chart_capped": (
            "de grafiek op blad Matrix toont de eerste {count} klanten; alle klanten staan wel "
            "in de tabellen.",
            "the chart on sheet Matrix shows the first {count} customers; all customers are in "
            "the tables.",
        ),
    }
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
        "udf.failed": ("fout, zie {log}", "error, see {log}"),
        # help of the worksheet functions (Excel's function wizard)
        "udf.doc.segment": (
            "Segment (A, B of C) van de klant met deze naam in het blad Klanten, met de "
            "huidige Instellingen.",
            "Segment (A, B or C) of the customer with this name on the Klanten sheet, with "
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
            "The Klanten sheet already holds data. Replace it with the demo data?",
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
            "no profile, see sheet Verwantschap",
        ),
        "udf.no_similarity": ("geen kenmerk telt mee", "no characteristic counts"),
        "udf.doc.similarity": (
            "Gelijkenis 0-100: hoe sterk deze prospect op uw A-klanten lijkt, op grond van de "
            "kenmerken in Klanten en de huidige Instellingen.",
            "Similarity 0-100: how closely this prospect resembles your A customers, on the "
            "characteristics in Klanten and the current settings.",
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
        "Type or paste your customers on sheet Klanten (Klant, Omzet, Potentie and Ja/Nee for "
        "Marge, Snelheid, Innovatie and Netwerk) and click Klantanalyse > Analyseer klanten on "
        "the ribbon. The first time: see 'One-time set-up' below.",
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
        "Zet voorbeeldklanten, -orders en -prospects op de bladen Klanten, Orders en Prospects "
        "(vraagt eerst als er al gegevens staan).",
        "Puts sample customers, orders and prospects on sheets Klanten, Orders and Prospects "
        "(asks first when there is data already).",
    ),
    (
        "Instellingen",
        "Instellingen",
        "Opent blad Instellingen: grenzen, segmentmatrix, kleuren, adviezen, regels en taal.",
        "Opens sheet Instellingen: limits, segment matrix, colours, advice, rules and language.",
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
        "Verwantschap: wat uw A- en C-klanten gemeen hebben.",
        "Prospects: companies you want to approach, with their similarity to your A customers."
        "   Verwantschap: what your A and C customers have in common.",
    ),
    (
        "",
        "",
        "Instellingen: alle grenzen, kleuren en teksten.   xlwings.conf: hoe Excel Python vindt.",
        "Instellingen: every limit, colour and text.   xlwings.conf: how Excel finds Python.",
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
        "Python niet gevonden? Zet in A2 INTERPRETER_WIN en in B2 het pad, bijvoorbeeld "
        "C:\\Users\\naam\\AppData\\Local\\Programs\\Python\\Python312\\python.exe",
        "Python not found? Put INTERPRETER_WIN in A2 and the path in B2, for example "
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
            "The similarity of existing customers is in column {column} on sheet Klanten; "
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


# ---- portfolio page of the Matrix sheet (charts and tables below the grid chart) ---------
TEXTS.update(
    {
        "sum.portfolio_title": (
            "Portefeuille: 80/20, klantenpiramide en winstgevendheid",
            "Portfolio: 80/20, customer pyramid and profitability",
        ),
        "sum.pareto_x_axis": (
            "Aandeel klanten (grootste omzet eerst)",
            "Share of customers (largest revenue first)",
        ),
        "sum.pareto_line": ("80% van de omzet", "80% of revenue"),
        "sum.pyramid_axis": ("Omzet (€)", "Revenue (€)"),
        "sum.whale_x": (
            "Aandeel klanten (meest winstgevend eerst)",
            "Share of customers (most profitable first)",
        ),
        "sum.whale_line": ("100% = totale nettobijdrage", "100% = total net contribution"),
        "sum.whale_label": ("Walviscurve", "Whale curve"),
        "sum.change_label": ("Omzetontwikkeling", "Revenue change"),
    }
)
