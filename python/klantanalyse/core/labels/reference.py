"""Texts of the Peildatum (where it came from), of order histories that do not reach back
far enough to compare, and of an analysis of orders alone."""

from __future__ import annotations

from .base import TEXTS

TEXTS.update(
    {
        # where the Peildatum came from
        "ref.option": ("--peildatum", "--peildatum"),
        "ref.settings": ("blad Instellingen", "sheet Settings"),
        "ref.orders": ("datum van de laatste order", "date of the last order"),
        "ref.today": ("vandaag", "today"),
        "ref.shown": ("{date} ({source})", "{date} ({source})"),
        "status.reference": ("Peildatum", "Reference date"),
        "sum.reference": ("Peildatum", "Reference date"),
        "cli.reference": ("Peildatum: {date} ({source}).", "Reference date: {date} ({source})."),
        "cli.bad_reference": (
            "--peildatum '{value}' is geen datum; schrijf hem als JJJJ-MM-DD, bijv. 2024-12-31.",
            "--peildatum '{value}' is not a date; write it as YYYY-MM-DD, e.g. 2024-12-31.",
        ),
        "warn.stale_reference": (
            "Orders: de laatste order ({last}) ligt {months} maanden voor de peildatum {date} "
            "({source}), dus elke klant lijkt stil of slapend; laat de peildatum leeg om de "
            "datum van de laatste order te nemen",
            "Orders: the last order ({last}) is {months} months before the reference date "
            "{date} ({source}), so every customer looks silent or dormant; leave the reference "
            "date empty to take the date of the last order",
        ),
        # order histories too short to compare with the window before
        "ord.short_history": (
            "Orders: de orders beginnen op {first}, dus de {m} maanden voor de recente periode "
            "({begin} t/m {end}) zijn maar voor {share} gedekt (minstens {need} nodig); "
            "{change}, {previous}, de groei in {projection} en het signaal {new} zijn leeg "
            "gelaten: {fix}",
            "Orders: the orders start on {first}, so the {m} months before the recent window "
            "({begin} to {end}) are only {share} covered (at least {need} needed); {change}, "
            "{previous}, the growth in {projection} and the signal {new} are left empty: {fix}",
        ),
        "ord.short_fix_months": (
            "zet '{setting}' op {months} of lager, of lever orders vanaf {date} aan",
            "set '{setting}' to {months} or less, or supply orders from {date}",
        ),
        "ord.short_fix_data": ("lever orders vanaf {date} aan", "supply orders from {date}"),
        "ord.short_recent": (
            "Orders: de orders beslaan maar {share} van de recente periode van {m} maanden "
            "(vanaf {first}), dus een Omzet die uit de orders komt is lager dan een jaaromzet",
            "Orders: the orders cover only {share} of the recent window of {m} months (from "
            "{first}), so a Revenue taken from the orders is lower than a year's revenue",
        ),
        "sum.partial_since": ("vanaf {date}", "from {date}"),
        "sum.revenue_change_unknown": (
            "Omzet recent {recent}; de periode ervoor valt grotendeels voor de orders (vanaf "
            "{first})",
            "Revenue recent {recent}; the period before lies mostly before the orders (from "
            "{first})",
        ),
        # orders alone, without a customer list
        "ord.orders_only": (
            "Alleen orders: de {count} klanten komen uit de orders en hun Omzet uit de recente "
            "{m} maanden; {questions} ontbreken en tellen als Nee (score 0), dus het segment "
            "volgt alleen de omzet: vul ze in op blad Klanten en analyseer opnieuw",
            "Orders only: the {count} customers come from the orders and their Revenue from "
            "the recent {m} months; {questions} are missing and count as No (score 0), so the "
            "segment follows revenue alone: fill them in on sheet Klanten and analyse again",
        ),
        "and": (" en ", " and "),
    }
)
