"""The Verwantschap profile: for every characteristic value, how often the A and the C
customers have it compared with all customers (the lift), as plain lines."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from ..errors import InputError
from . import labels
from .analysis import Analysis
from .characteristics import (
    Characteristic,
    _characteristic,
    _columns,
)
from .settings import Settings


@dataclass(frozen=True, eq=False)
class Profile:
    """What the A (and C) customers share. `table` holds the Verwantschap lines."""

    table: pd.DataFrame  # PROFILE_KEYS columns, strongest difference first
    characteristics: tuple[Characteristic, ...]
    settings: Settings
    customers: int  # customers with a segment
    a_customers: int
    c_customers: int
    hidden: int  # values left out for having fewer than the minimum group size
    warnings: tuple[str, ...]
    # per input row of the customer table: value codes per characteristic and segment
    _codes: np.ndarray
    _raw: tuple[np.ndarray, ...]
    _segments: pd.Series

    def hidden_note(self) -> str | None:
        """The sentence saying how many small values were left out, if any."""
        if not self.hidden:
            return None
        return labels.text(
            "aff.hidden",
            self.settings.lang,
            count=self.hidden,
            min=self.settings.affinity_min_group,
        )

    def profile_table(self) -> pd.DataFrame:
        """`table` with headers in the settings' language."""
        lang = self.settings.lang
        out = self.table.copy()
        out.columns = [labels.header(k, lang) for k in labels.PROFILE_KEYS]
        return out


def profile(
    analysis: Analysis, customers: pd.DataFrame, settings: Settings | None = None
) -> Profile:
    """What the A and C customers share compared with all customers.

    `customers` is the table `analysis` was computed from (same index). Only customers
    with a segment count. Raises InputError when there is nothing to compare: no
    characteristic column, no customer with a segment, or no contrast between A and the rest.
    """
    settings = settings or analysis.settings
    settings.validate()
    lang = settings.lang
    min_group = settings.affinity_min_group
    segments = analysis.results["segment"]
    if not segments.index.equals(customers.index):
        segments = segments.reindex(customers.index)
    in_profile = segments.notna().to_numpy()
    is_a = (segments == "A").to_numpy() & in_profile
    is_c = (segments == "C").to_numpy() & in_profile
    total, total_a, total_c = int(in_profile.sum()), int(is_a.sum()), int(is_c.sum())
    if total == 0:
        raise InputError(
            labels.text("aff.err.no_customers", lang, column=labels.header("message", lang))
        )
    present = segments[in_profile].unique()
    if len(present) == 1:
        raise InputError(labels.text("aff.err.one_segment", lang, count=total, segment=present[0]))
    if total_a == 0:
        raise InputError(labels.text("aff.err.no_a", lang))

    chosen, warnings = _columns(customers, settings)
    chars: list[Characteristic] = []
    codes: list[np.ndarray] = []
    raws: list[np.ndarray] = []
    for key, name, pos in chosen:
        built = _characteristic(key, name, customers.iloc[:, pos], in_profile, is_a, is_c, lang)
        if built is not None:
            chars.append(built[0])
            codes.append(built[1])
            raws.append(built[2])
    if not chars:
        raise InputError(
            labels.text(
                "aff.err.no_columns",
                lang,
                columns=_names_or(labels.AFFINITY_KEYS, lang),
                setting=labels.setting_label("affinity_columns", lang),
            )
        )
    if total_a < min_group:
        warnings.append(labels.text("aff.warn.few_a", lang, count=total_a))

    table, hidden = _profile_table(chars, total, total_a, total_c, min_group, lang)
    code_matrix = np.column_stack(codes) if codes else np.empty((len(customers), 0), int)
    return Profile(
        table=table,
        characteristics=tuple(chars),
        settings=settings,
        customers=total,
        a_customers=total_a,
        c_customers=total_c,
        hidden=hidden,
        warnings=tuple(warnings),
        _codes=code_matrix,
        _raw=tuple(raws),
        _segments=segments,
    )


def _names_or(keys: tuple[str, ...], lang: str) -> str:
    names = [labels.header(k, lang) for k in keys]
    return ", ".join(names[:-1]) + labels.text("aff.or", lang) + names[-1]


def _profile_table(
    chars: list[Characteristic],
    total: int,
    total_a: int,
    total_c: int,
    min_group: int,
    lang: str,
) -> tuple[pd.DataFrame, int]:
    """One line per (group, characteristic, value) shown; and the number of values hidden.

    Order: group A then C; within a group the values it has more often than average, then
    the others; each strongest first, by the ratio the line shows (rounded as shown; a value
    the group never has is the strongest it lacks); equal ratios by the difference seen in
    more customers (a smoothed ratio), then number of customers, column, value.
    """
    parts = []
    for position, char in enumerate(chars):
        parts.append(
            pd.DataFrame(
                {
                    "position": position,
                    "name": char.name,
                    "value": list(char.value_labels),
                    "n_all": char.n_all,
                    "n_a": char.n_a,
                    "n_c": char.n_c,
                }
            )
        )
    values = pd.concat(parts, ignore_index=True)
    values = values[values["n_all"] > 0]
    small = values["n_all"] < min_group
    hidden = int(small.sum())
    values = values[~small]
    groups = [("A", "n_a", total_a)]
    if 0 < total_c < total:
        groups.append(("C", "n_c", total_c))
    lines = []
    for order, (segment, column, size) in enumerate(groups):
        count = values[column].to_numpy()
        n_all = values["n_all"].to_numpy()
        lift = (count / size) / (n_all / total)
        # shrink small counts a little so a difference seen in a few customers ranks below
        # the same difference seen in many
        smooth = ((count + 1) / (size + 2)) / ((n_all + 1) / (total + 2))
        lines.append(
            pd.DataFrame(
                {
                    "order": order,
                    # what the group has more often comes first, then what it lacks
                    "fewer": count * total <= n_all * size,
                    # the ratio as the line shows it: what a reader compares
                    "shown": _shown_ratio(count, lift),
                    # rounded so equal ratios computed along different paths tie exactly
                    "strength": np.round(np.abs(np.log(smooth)), 9),
                    "position": values["position"].to_numpy(),
                    "aff_group": segment,
                    "aff_characteristic": values["name"].to_numpy(),
                    "aff_value": values["value"].to_numpy(),
                    "aff_group_count": count,
                    "aff_group_size": size,
                    "aff_customers": n_all,
                    "aff_lift": lift,
                }
            )
        )
    table = pd.concat(lines, ignore_index=True)
    table = table.sort_values(
        ["order", "fewer", "shown", "strength", "aff_customers", "position", "aff_value"],
        ascending=[True, True, False, False, False, True, True],
        kind="mergesort",
    )
    table["aff_text"] = [
        _line(row, total, lang)
        for row in table[[k for k in labels.PROFILE_KEYS if k != "aff_text"]].itertuples(
            index=False
        )
    ]
    table = table[list(labels.PROFILE_KEYS)].reset_index(drop=True)
    return table, hidden


def _shown_ratio(count: np.ndarray, lift: np.ndarray) -> np.ndarray:
    """The ratio a line shows, as rounded there: the lift above 1, its inverse below (how
    many times less often), infinite for a value the group never has."""
    with np.errstate(divide="ignore"):
        ratio = np.where(lift >= 1, lift, 1 / lift)
    shown = np.array([float(f"{r:.1f}") if np.isfinite(r) else np.inf for r in ratio.tolist()])
    return np.where(count == 0, np.inf, shown)


def _line(row: tuple, total: int, lang: str) -> str:
    """'Sector Bouw: 5 van 8 A-klanten, 2,7× vaker dan gemiddeld'."""
    segment, name, value, count, size, n_all, lift = row
    common = {
        "item": labels.text("aff.item", lang, name=name, value=value),
        "count": labels.number(count, lang),
        "size": labels.number(size, lang),
        "group": labels.text("aff.group", lang, segment=segment),
    }
    if count == 0:
        return labels.text(
            "aff.line.none",
            lang,
            total=labels.number(n_all, lang),
            all=labels.number(total, lang),
            **common,
        )
    if round(lift, 1) == 1.0 or round(1 / lift, 1) == 1.0:
        return labels.text("aff.line.same", lang, **common)
    if lift > 1:
        return labels.text("aff.line.more", lang, ratio=labels.number(lift, lang, 1), **common)
    return labels.text("aff.line.less", lang, ratio=labels.number(1 / lift, lang, 1), **common)
