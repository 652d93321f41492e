"""Texts of the Actielijst: kinds of action, what to do, why, when, and its settings."""

from __future__ import annotations

from .base import (
    ALIASES,
    HEADERS,
    SETTING_LABELS,
    TEXTS,
    _pick,
)
from .orders import ACTIONS

# The kinds of action on the Actielijst, in their default order of priority. The words
# name them in the list's `Soort` column and in the setting `Actielijst: volgorde`.
ACTION_KINDS: dict[str, tuple[str, str]] = {
    "attention": ("Aandacht", "Attention"),
    "potential": ("Potentie", "Potential"),
    "visit": ("A-bezoek", "A visit"),
    "untapped": ("Onbenut", "Untapped"),
    "contact": ("B-contact", "B contact"),
    "reconsider": ("Heroverwegen", "Reconsider"),
    "dormant": ("Slapend", "Dormant"),
    "kept": ("Afgevinkt", "Ticked off"),  # not a rule: a tick kept from an earlier list
}
ACTION_RULES: tuple[str, ...] = tuple(k for k in ACTION_KINDS if k != "kept")

# A dormant customer's action (the portfolio's Actie column): reactivate or let go.
ACTIONS.update(
    {
        "reactivate": ("Heractiveren", "Reactivate"),
        "let_go": ("Loslaten", "Let go"),
    }
)

# The columns of the Actielijst table, in order.
ACTION_LIST_KEYS = (
    "act_priority",
    "customer",
    "segment",
    "act_kind",
    "act_todo",
    "act_why",
    "act_when",
    "revenue",
    "act_done",
)
HEADERS.update(
    {
        "act_priority": ("Prioriteit", "Priority"),
        "act_kind": ("Soort", "Kind"),
        "act_todo": ("Wat te doen", "What to do"),
        "act_why": ("Waarom", "Why"),
        "act_when": ("Wanneer", "When"),
        "act_done": ("Gedaan", "Done"),
        # an optional input column of Klanten: the date of the last visit or call
        "last_contact": ("Laatste contact", "Last contact"),
    }
)
ALIASES.update(
    {
        "act_done": ("Afgevinkt", "Klaar", "Ticked off"),
        "last_contact": (
            "Laatste bezoek",
            "Contactdatum",
            "Datum laatste contact",
            "Last visit",
            "Last contacted",
            "Contact date",
        ),
    }
)

WHEN: dict[str, tuple[str, str]] = {
    "week": ("Deze week", "This week"),
    "month": ("Deze maand", "This month"),
    "quarter": ("Dit kwartaal", "This quarter"),
}

TEXTS.update(
    {
        "actions.title": (
            "Actielijst: wie vraagt deze periode aandacht",
            "Actions: who needs attention this period",
        ),
        "actions.intro": (
            "Peildatum {date}: {count} klant(en), belangrijkste eerst. Zet in kolom Gedaan wat "
            "u deed; die kolom blijft bij elke nieuwe analyse bij de klant staan.",
            "Reference date {date}: {count} customer(s), most important first. Note in column "
            "Done what you did; that column stays with the customer on every new analysis.",
        ),
        "actions.none": (
            "Peildatum {date}: geen klant vraagt deze periode extra aandacht.",
            "Reference date {date}: no customer needs extra attention this period.",
        ),
        # what to do, per kind
        "act.todo.attention": (
            "Bellen en een bezoek plannen: waarom bestelt de klant niet meer?",
            "Call and plan a visit: why has the customer stopped ordering?",
        ),
        "act.todo.potential": (
            "Bellen: waar gaan de grote orders nu heen?",
            "Call: where do the big orders go now?",
        ),
        "act.todo.visit": (
            "Bezoeken (A-klant: elke {months} mnd)",
            "Visit (A customer: every {months} mo)",
        ),
        "act.todo.contact": (
            "Bellen of langsgaan (B-klant: elke {months} mnd)",
            "Call or drop by (B customer: every {months} mo)",
        ),
        "act.todo.untapped": (
            "Gesprek plannen: kan dit een A-klant worden?",
            "Plan a meeting: can this become an A customer?",
        ),
        "act.todo.reconsider": (
            "Relatie heroverwegen: prijzen, bediening of afscheid",
            "Reconsider the relationship: prices, service or parting",
        ),
        "act.todo.reactivate": (
            "Heractiveren: bellen met een aanbod",
            "Reactivate: call with an offer",
        ),
        "act.todo.let_go": (
            "Loslaten: alleen nog nieuwsbrief en e-mail",
            "Let go: newsletter and e-mail only",
        ),
        "act.todo.kept": ("Geen actie meer nodig", "No action needed any more"),
        # why, per kind: the facts behind it
        "act.why.attention": (
            "Bestelde veel: {n} orders in {m} mnd, gem. {avg} per order; niets meer sinds "
            "{date} ({since} mnd)",
            "Ordered a lot: {n} orders in {m} mo, avg. {avg} per order; nothing since {date} "
            "({since} mo)",
        ),
        "act.why.potential": (
            "Bestelde eerder gem. {overall} per order; de laatste {m} mnd {n} order(s) van gem. "
            "{recent}",
            "Used to order {overall} per order on average; the last {m} mo {n} order(s) of "
            "{recent} on average",
        ),
        "act.why.last_contact": (
            "Laatste contact {date}, {since} mnd geleden",
            "Last contact {date}, {since} mo ago",
        ),
        "act.why.last_order": (
            "Laatste order {date}, {since} mnd geleden",
            "Last order {date}, {since} mo ago",
        ),
        "act.why.no_contact": (
            "Geen datum van laatste contact of order bekend (vul de kolom Laatste contact in)",
            "No date of last contact or order known (fill in the column Last contact)",
        ),
        "act.why.untapped": (
            "Lijkt op uw A-klanten (gelijkenis {similarity} van 100), maar is {segment}-klant",
            "Looks like your A customers (similarity {similarity} of 100), but is a {segment} "
            "customer",
        ),
        "act.why.reconsider": (
            "Kost meer dan hij oplevert: marge {margin}, kosten bediening {cost} "
            "(nettobijdrage {contribution})",
            "Costs more than it brings: margin {margin}, cost to serve {cost} (net "
            "contribution {contribution})",
        ),
        "act.why.reconsider_potential": (
            "; potentie {potential} maakt dat niet goed",
            "; potential {potential} does not make up for it",
        ),
        "act.why.dormant": (
            "Geen order sinds {date} ({since} mnd)",
            "No order since {date} ({since} mo)",
        ),
        "act.why.dormant_never": ("Nog nooit besteld", "Never ordered"),
        "act.why.reactivate": (
            "; bracht in de {m} mnd daarvoor {previous} op",
            "; brought {previous} in the {m} mo before",
        ),
        "act.why.reactivate_potential": ("; potentie {potential}", "; potential {potential}"),
        "act.why.reactivate_segment": ("; {segment}-klant", "; {segment} customer"),
        "act.why.let_go": (
            "; bracht daarvoor {previous} in {m} mnd, minder dan {limit}, en heeft geen potentie",
            "; brought {previous} in the {m} mo before, less than {limit}, and has no potential",
        ),
        "act.why.kept": (
            "Stond eerder op de actielijst; Gedaan is bewaard",
            "Was on an earlier action list; Done is kept",
        ),
        "act.why.also": ("ook: {kinds}", "also: {kinds}"),
        # the portfolio's action reasons for a dormant customer (Reden actie on Klanten)
        "act.reactivate": (
            "slapend; eerder {previous} in {m} mnd, de moeite van een telefoontje waard",
            "dormant; {previous} in {m} mo before, worth a call",
        ),
        "act.reactivate_value": (
            "slapend, maar {value}: de moeite van een telefoontje waard",
            "dormant, but {value}: worth a call",
        ),
        "act.value_segment": ("segment {segment}", "segment {segment}"),
        "act.value_potential": ("potentie {potential}", "potential {potential}"),
        "act.let_go": (
            "slapend; eerder {previous} in {m} mnd, minder dan {limit}: geen persoonlijke "
            "aandacht meer",
            "dormant; {previous} in {m} mo before, less than {limit}: no personal attention "
            "any more",
        ),
        # settings
        "set.hint.action_order": (
            "noem soorten uit {kinds}, gescheiden door komma's, elk hoogstens een keer",
            "name kinds from {kinds}, separated by commas, each at most once",
        ),
    }
)

SETTING_LABELS.update(
    {
        "action_order": (
            "Actielijst: volgorde",
            "Action list: order",
            "De soorten acties op blad Actielijst, belangrijkste eerst, gescheiden door komma's; "
            "een soort die u weglaat komt niet op de lijst. Leeg = alle, in deze volgorde.",
            "The kinds of action on sheet Actions, most important first, separated by commas; a "
            "kind you leave out is not on the list. Empty = all, in this order.",
        ),
        "visit_months": (
            "Actielijst: A-klant bezoeken na (maanden)",
            "Action list: visit an A customer after (months)",
            "Een A-klant komt op de actielijst als het laatste contact (kolom Laatste contact op "
            "Klanten, anders de laatste order) minstens zo lang geleden is.",
            "An A customer goes on the action list when the last contact (column Last contact "
            "on Customers, else the last order) is at least this long ago.",
        ),
        "contact_months": (
            "Actielijst: B-klant contact na (maanden)",
            "Action list: contact a B customer after (months)",
            "Hetzelfde voor een B-klant: elke 2 à 3 maanden contact.",
            "The same for a B customer: contact every 2-3 months.",
        ),
        "reactivate_revenue": (
            "Slapend: heractiveren vanaf omzet periode ervoor (€)",
            "Dormant: reactivate from revenue period before (€)",
            "Een slapende klant heractiveren als hij in de periode voor de recente minstens zoveel "
            "omzet bracht, potentie heeft of segment A of B is; anders loslaten.",
            "Reactivate a dormant customer when it brought at least this much in the window "
            "before the recent one, has potential or is segment A or B; else let go.",
        ),
    }
)


def action_kind(key: str, lang: str = "nl") -> str:
    return _pick(ACTION_KINDS[key], lang)


def when_word(key: str, lang: str = "nl") -> str:
    return _pick(WHEN[key], lang)
