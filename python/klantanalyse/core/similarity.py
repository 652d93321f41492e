"""Verwantschap after the A/B/C run: the profile, the similarity columns of the customers
and the scores of the prospects, decided once for every front. Never fails the run."""

from __future__ import annotations

from dataclasses import dataclass, replace

import pandas as pd

from ..errors import InputError
from . import affinity, labels
from .affinity import Profile, Scores
from .analysis import Analysis
from .characteristics import has_characteristics


@dataclass(frozen=True)
class AffinityView:
    """Verwantschap of one run as the fronts show it.

    `profile` is None when it could not be built (`problem` says why). `prospect_scores` is
    None without prospects or when they could not be scored (`prospect_problem` says why).
    `notes` are the warnings of the profile and the prospects, shown on the sheet too.
    """

    profile: Profile | None = None
    problem: str | None = None
    prospect_scores: Scores | None = None
    prospect_problem: str | None = None
    prospect_count: int = 0
    notes: tuple[str, ...] = ()

    @property
    def has_sheet(self) -> bool:
        """A Verwantschap sheet is written when there is a profile or prospects to explain."""
        return self.profile is not None or self.prospect_count > 0


def add_affinity(
    analysis: Analysis,
    customers: pd.DataFrame,
    prospects: pd.DataFrame | None = None,
    prospect_place: str | None = None,
) -> tuple[Analysis, AffinityView]:
    """Verwantschap after the A/B/C run: the profile, the similarity columns of the customers
    and the scores of the prospects. Never fails the run.

    Returns a new Analysis with `Gelijkenis`, `Gelijkenis: waarom` and `Onbenut potentieel`
    before `Melding` and the affinity warnings added, and the view the sheets are built from.
    When no profile can be built (no characteristic columns, one segment only, no A
    customers) the A/B/C results stand and the reason is a warning; with prospects it says
    they could not be scored. `prospect_place` ('prospects.csv') starts prospect warnings.
    """
    lang = analysis.settings.lang
    count = 0 if prospects is None else len(prospects)
    try:
        profile = affinity.profile(analysis, customers, analysis.settings)
    except InputError as exc:
        view = AffinityView(
            problem=exc.message,
            prospect_problem=exc.message if prospects is not None else None,
            prospect_count=count,
        )
        if prospects is None and not has_characteristics(customers, analysis.settings):
            return analysis, view  # a plain A/B/C list: nothing was asked, nothing to say
        key = "aff.warn.prospects_not_scored" if count else "aff.warn.skipped"
        warning = labels.text(key, lang, reason=exc.message)
        return replace(analysis, warnings=(*analysis.warnings, warning)), view

    notes = list(profile.warnings)  # shown on the Verwantschap sheet
    warnings = list(profile.warnings)  # the same, prospect ones starting with their file
    prospect_scores = None
    prospect_problem = None
    if count:
        at = f"{prospect_place}: " if prospect_place else ""
        try:
            prospect_scores = affinity.score(profile, prospects)
            notes += prospect_scores.warnings
            warnings += [at + w for w in prospect_scores.warnings]
        except InputError as exc:
            prospect_problem = exc.message
            notes.append(exc.message)
            warnings.append(at + exc.message)
    customer_scores = affinity.score_customers(profile).results
    customer_scores["untapped"] = [True if u else None for u in customer_scores["untapped"]]
    extended = with_results(analysis, customer_scores, labels.SIMILARITY_KEYS, tuple(warnings))
    view = AffinityView(
        profile=profile,
        prospect_scores=prospect_scores,
        prospect_problem=prospect_problem,
        prospect_count=count,
        notes=tuple(notes),
    )
    return extended, view


def with_results(
    analysis: Analysis,
    extra: pd.DataFrame,
    keys: tuple[str, ...],
    warnings: tuple[str, ...] = (),
) -> Analysis:
    """A new Analysis with the `keys` columns of `extra` joined on the index (rows missing from
    `extra` stay blank) and listed before `Melding`, which stays last."""
    results = analysis.results.drop(columns=[k for k in keys if k in analysis.results.columns])
    results = results.join(extra[list(keys)].astype(object))
    base = tuple(k for k in analysis.result_keys if k not in keys and k != "message")
    last = ("message",) if "message" in analysis.result_keys else ()
    return replace(
        analysis,
        results=results,
        result_keys=base + tuple(keys) + last,
        warnings=(*analysis.warnings, *warnings),
    )
