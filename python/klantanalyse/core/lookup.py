"""Answers about one customer or one value: the core of the worksheet functions.

`Lookup` wraps an `Analysis` and answers SEGMENT (by name or by a table row) and
OMZETKLASSE (revenue class of an amount) in constant time; `score_of` counts four answers;
`ProspectLookup` answers GELIJKENIS (similarity of a prospect) from a Verwantschap profile.
Every answer is what a cell shows: a value, or a short text saying what is wrong.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd

from ..errors import InputError
from . import affinity, grid, labels
from .affinity import Profile
from .analysis import Analysis, customer_name
from .columns import is_blank, match_headers, parse_amount, parse_yes_no
from .grid import ClassLimits
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
    limits: ClassLimits  # the revenue-class limits of the analysis

    @classmethod
    def build(cls, analysis: Analysis, headers: Sequence[object] = ()) -> Lookup:
        """Index `analysis` by customer name; the first row of a name wins.

        `headers` are the input headers of the analysed table, so a full table row passed
        to `segment_of` is read at the customer column.
        """
        results = analysis.results
        segments: dict[str, str | None] = {}
        for name, segment in zip(
            results["customer"].tolist(), results["segment"].tolist(), strict=True
        ):
            folded = _fold(name)
            if folded is not None and folded not in segments:
                segments[folded] = segment if isinstance(segment, str) else None
        return cls(
            settings=analysis.settings,
            segments=segments,
            customer_position=match_headers(headers, ("customer",)).get("customer"),
            width=len(headers),
            limits=analysis.limits,
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
        """Hoog/Midden/Laag for an amount, with the same limits as the table's customers."""
        return revenue_class_of(amount, self.settings, self.limits)


def revenue_class_of(amount: object, settings: Settings, limits: ClassLimits | None = None) -> str:
    """Revenue class word of one amount, with the limits of an analysed table (method Pareto
    needs them; method Bedrag has fixed ones)."""
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
    if limits is None:
        limits = grid.class_limits(pd.Series(dtype=float), pd.Series(dtype=object), settings)
    key = limits.class_of(number)
    if key is None:  # no limits: no customer at all, or none with revenue
        return labels.text("udf.no_revenue" if limits.customers else "udf.no_customers", lang)
    return labels.revenue_class(key, lang)


# ---- Verwantschap: =GELIJKENIS(prospect) --------------------------------------------------


@dataclass(frozen=True)
class ProspectLookup:
    """Gelijkenis (0-100) per prospect of one profile: the Prospects table scored at once
    (what the ribbon writes beside it), and any other row of that shape scored on demand."""

    lang: str
    profile: Profile | None  # None: no profile could be built
    scores: dict[str, int | None]  # folded prospect name -> score (None: nothing counts)
    headers: tuple[object, ...]  # input headers of the Prospects table
    name_position: int | None  # position of the name column among `headers`
    _rows: dict[tuple, int | str]  # scores of rows given by value, computed once each

    @classmethod
    def build(
        cls, profile: Profile | None, prospects: pd.DataFrame | None, lang: str = "nl"
    ) -> ProspectLookup:
        """Score every row of `prospects` (inputs only) with `profile`; the first row of a
        name wins. A table without any characteristic column scores nobody (InputError is
        kept for the calls that need it)."""
        headers: tuple[object, ...] = ()
        scores: dict[str, int | None] = {}
        position = None
        if prospects is not None:
            headers = tuple(prospects.columns)
            position = match_headers(list(headers), labels.PROSPECT_KEYS).get("prospect")
        if profile is not None and prospects is not None and position is not None:
            try:
                results = affinity.score(profile, prospects).results
            except InputError:
                results = None
            if results is not None:
                names = prospects.iloc[:, position].tolist()
                for name, value in zip(names, results["similarity"].tolist(), strict=True):
                    folded = _fold(name)
                    if folded is not None and folded not in scores:
                        scores[folded] = value
        return cls(lang, profile, scores, headers, position, {})

    def similarity_of(self, prospect: object) -> int | str:
        """The Gelijkenis of a prospect given by name (looked up in the Prospects table), or
        by a row as wide as that table's inputs (scored from its values)."""
        values = flatten(prospect)
        if all(is_blank(v) for v in values):
            return ""
        if self.profile is None:
            return labels.text("udf.no_profile", self.lang)
        candidates = []
        wide = len(values) > 1 and bool(self.headers) and len(values) >= len(self.headers)
        if wide and self.name_position is not None:
            candidates.append(values[self.name_position])
        candidates.extend(values)
        for value in candidates:
            folded = _fold(value)
            if folded is not None and folded in self.scores:
                return self._shown(self.scores[folded])
        if wide:
            return self._row_score(tuple(values[: len(self.headers)]))
        return labels.text("udf.unknown_prospect", self.lang)

    def _row_score(self, values: tuple) -> int | str:
        if values not in self._rows:
            try:
                score, _ = affinity.similarity(self.profile, dict(zip(self.headers, values)))
                self._rows[values] = self._shown(score)
            except InputError as error:
                self._rows[values] = error.message
        return self._rows[values]

    def _shown(self, score: int | None) -> int | str:
        if score is None:
            return labels.text("udf.no_similarity", self.lang)
        return int(score)
