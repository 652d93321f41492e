"""Answers about one customer or one value: the core of the worksheet functions.

`Lookup` wraps an `Analysis` and answers SEGMENT (by name or by a table row) and
OMZETKLASSE (revenue class of an amount) in constant time; `score_of` counts four answers.
Every answer is what a cell shows: a value, or a short text saying what is wrong.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from . import labels
from .analysis import Analysis, customer_name
from .columns import is_blank, match_headers, parse_amount, parse_yes_no
from .settings import Settings


def flatten(value: object) -> list[object]:
    """The cell values of a function argument: one value, a row/column or a 2-D block."""
    if isinstance(value, (list, tuple)):
        out: list[object] = []
        for item in value:
            out.extend(flatten(item))
        return out
    return [value]


def _show(value: object) -> str:
    text = customer_name(value) or ""
    return text if len(text) <= 20 else text[:17] + "..."


def score_of(answers: Sequence[object], lang: str = "nl") -> int | str:
    """Number of Ja answers among four (blank counts as Nee), or a short text."""
    values = flatten(list(answers))
    if len(values) != 4:
        return labels.text("udf.answer_count", lang)
    total = 0
    for value in values:
        try:
            total += bool(parse_yes_no(value))
        except (ValueError, TypeError):
            return labels.text("udf.bad_answer", lang, value=_show(value))
    return total


def _fold(name: object) -> str | None:
    text = customer_name(name)
    return text.casefold() if text else None


@dataclass(frozen=True)
class Lookup:
    """Segment per customer name and the revenue-class limits of one analysis."""

    settings: Settings
    segments: dict[str, str | None]  # folded name -> letter (None: row has a message)
    customer_position: int | None  # position of the customer column in the table
    width: int  # number of input columns of the table
    high_floor: float  # smallest revenue + potential that is High (Pareto)
    mid_floor: float  # smallest revenue + potential that is Medium or High (Pareto)

    @classmethod
    def build(cls, analysis: Analysis, headers: Sequence[object] = ()) -> Lookup:
        """Index `analysis` by customer name; the first row of a name wins.

        `headers` are the input headers of the analysed table, so a full table row passed
        to `segment_of` is read at the customer column.
        """
        results = analysis.results
        lang = analysis.settings.lang
        segments: dict[str, str | None] = {}
        for name, segment in zip(
            results["customer"].tolist(), results["segment"].tolist(), strict=True
        ):
            folded = _fold(name)
            if folded is not None and folded not in segments:
                segments[folded] = segment if isinstance(segment, str) else None
        valid = results[results["segment"].notna()]
        words = valid["revenue_class"]
        values = valid["value"].astype(float)
        high = values[words == labels.revenue_class("high", lang)]
        mid = values[words.isin([labels.revenue_class(k, lang) for k in ("high", "mid")])]
        return cls(
            settings=analysis.settings,
            segments=segments,
            customer_position=match_headers(headers, ("customer",)).get("customer"),
            width=len(headers),
            high_floor=float(high.min()) if len(high) else math.inf,
            mid_floor=float(mid.min()) if len(mid) else math.inf,
        )

    def segment_of(self, customer: object) -> str:
        """The segment of a customer given by name, or by a row of the table."""
        lang = self.settings.lang
        values = flatten(customer)
        if all(is_blank(v) for v in values):
            return ""
        candidates = []
        if len(values) > 1 and len(values) >= self.width and self.customer_position is not None:
            candidates.append(values[self.customer_position])
        candidates.extend(values)
        for value in candidates:
            folded = _fold(value)
            if folded is not None and folded in self.segments:
                segment = self.segments[folded]
                return segment if segment else labels.text("udf.no_segment", lang)
        return labels.text("udf.unknown_customer", lang)

    def revenue_class_of(self, amount: object) -> str:
        """Hoog/Midden/Laag for an amount, with the same limits as the table's customers.

        Method Bedrag uses the two amounts. Method Pareto uses the smallest revenue +
        potential that got High (and Medium) in this analysis: the limit lines of the chart.
        """
        return revenue_class_of(amount, self.settings, self.high_floor, self.mid_floor)


def revenue_class_of(
    amount: object,
    settings: Settings,
    high_floor: float = math.inf,
    mid_floor: float = math.inf,
) -> str:
    """Revenue class word of one amount; Pareto needs the floors of an analysed table."""
    lang = settings.lang
    values = flatten(amount)
    if len(values) != 1:
        return labels.text("udf.bad_amount", lang, value=_show(values[0] if values else ""))
    try:
        number = parse_amount(values[0])
    except (ValueError, TypeError):
        return labels.text("udf.bad_amount", lang, value=_show(values[0]))
    if number is None:
        return ""
    if settings.revenue_method == "amount":
        key = (
            "high"
            if number >= settings.amount_high
            else "mid"
            if number >= settings.amount_mid
            else "low"
        )
    elif math.isinf(mid_floor):
        return labels.text("udf.no_customers", lang)
    else:
        key = (
            "low"
            if number <= 0
            else "high"
            if number >= high_floor
            else "mid"
            if number >= mid_floor
            else "low"
        )
    return labels.revenue_class(key, lang)
