"""Texts of the order history, profitability and portfolio (articles 000, 001, 004)."""

from __future__ import annotations

from .base import (
    ALIASES,
    HEADERS,
    SETTING_LABELS,
    TEXTS,
    _pick,
)

# ---- order history, profitability and portfolio (articles 000, 001, 004) ----------------

# The customer column of the Orders sheet also accepts customer numbers (order exports
# often carry only those); the Klanten sheet keeps its own, stricter list. A name column
# always wins over a number column (`match_headers(..., ("customer",))` first).
HEADERS["order_customer"] = HEADERS["customer"]
ALIASES["order_customer"] = (
    *ALIASES["customer"],
    "CustomerID",
    "Customer ID",
    "Customer number",
    "Customer no",
    "Customer code",
    "Account number",
    "Klantnummer",
    "Klantnr",
    "Klantcode",
    "Klant-ID",
    "Debiteurnummer",
    "Debiteurnr",
    "Debiteurcode",
    "Relatienummer",
    "Relatienr",
    "Relatiecode",
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
# the order columns the analysis matches by name (the customer column it finds as `customer`
# or, a code, as `order_customer`)
ORDER_FIELD_KEYS = tuple(k for k in ORDER_KEYS if k != "order_customer")

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
            "{count} customer(s) from Customers have no orders on sheet Orders (e.g. '{name}')",
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
        "sum.partial": (
            "({year} telt tot en met de peildatum {date})",
            "({year} counts up to the reference date {date})",
        ),
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


def layer_word(key: str, lang: str = "nl") -> str:
    return _pick(PYRAMID_LAYERS[key], lang)
