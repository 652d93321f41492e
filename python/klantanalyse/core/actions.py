"""The Actielijst: per customer that needs attention this period, what to do, why and when.

Kinds of action (their order of priority is the setting `Actielijst: volgorde`; a kind left
out of that setting is not listed):

- *Aandacht*: signal Aandacht (ordered often and big, silent for months; article 000's
  Klant B). Call and plan a visit, this week.
- *Potentie*: signal Potentie (used to order big, now small and rarely; Klant A). Call,
  this week.
- *A-bezoek*: an A customer whose last contact is at least `visit_months` before the
  Peildatum. The last contact is the customer's `Laatste contact` cell (an optional input
  column: the last visit or call) when it is filled in, else the last order; without
  either date an A customer is always due (the method: a monthly visit). This month.
- *Onbenut*: a B or C customer flagged `Onbenut potentieel` (looks like the A customers).
  Plan a meeting, this month.
- *B-contact*: a B customer whose last contact is at least `contact_months` ago (same dates
  as the A visit; without a date a B customer is not listed). This month.
- *Heroverwegen*: the portfolio's action Heroverwegen (net contribution below zero and the
  potential does not make up for it). This quarter.
- *Slapend*: signal Slapend, with the portfolio's action for it (see `reactivate`):
  reactivate (this month) or let go (this quarter).

A customer is listed once, under the first kind that holds; the other kinds that hold are
named in its reason ("Ook: ..."). Within a kind the largest value (revenue + potential)
comes first. Rows with a message (no segment) are never listed.

`Gedaan`: the previous list's `Gedaan` cells (the rows of an Actielijst sheet) stay with
their customer by name (any case); a ticked customer that needs no action any more stays
at the bottom of the list, so nothing the user typed is lost.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from . import labels
from .columns import is_blank, match_headers, name_text, parse_date_column
from .settings import Settings
from .tables import header_row

WHEN = {
    "attention": "week",
    "potential": "week",
    "visit": "month",
    "untapped": "month",
    "contact": "month",
    "reconsider": "quarter",
    "reactivate": "month",
    "let_go": "quarter",
}
COLUMNS = ("priority", "customer", "segment", "kind", "todo", "why", "when", "last", "revenue")


@dataclass(frozen=True)
class ActionList:
    """The list, most important first: one row per customer, columns COLUMNS + `done`.

    `kind` and `when` are keys (`labels.ACTION_KINDS`, `labels.WHEN`); `priority` is 1, 2, ...
    and blank for a kept tick; `last` is the date of the last contact or order (NaT)."""

    rows: pd.DataFrame
    reference: dt.date

    @property
    def count(self) -> int:
        """Customers that need attention (kept ticks not counted)."""
        return int(self.rows["priority"].notna().sum())


def reactivate(
    segment: np.ndarray, potential: np.ndarray, previous: np.ndarray, settings: Settings
) -> np.ndarray:
    """For dormant customers: True = reactivate, False = let go. Reactivate when the customer
    is segment A or B, has potential, or brought at least `reactivate_revenue` in the window
    before the recent one."""
    previous = np.nan_to_num(np.asarray(previous, dtype=float))
    potential = np.nan_to_num(np.asarray(potential, dtype=float))
    valued = np.isin(np.asarray(segment, dtype=object), ["A", "B"])
    return valued | (potential > 0) | (previous >= settings.reactivate_revenue)


def action_list(
    results: pd.DataFrame,
    settings: Settings,
    customers: pd.DataFrame | None = None,
    previous: Sequence[Sequence[object]] | None = None,
) -> ActionList:
    """The Actielijst of a run: `results` of the analysis (with Verwantschap), the customer
    table as read (for `Laatste contact`), the rows of the previous Actielijst sheet."""
    reference = settings.today()
    facts = _Facts(results, settings, customers)
    kinds = {kind: facts.holds(kind) for kind in settings.action_order}
    listed = np.zeros(len(results), dtype=bool)
    main = np.full(len(results), None, dtype=object)
    for kind, mask in kinds.items():
        take = mask & ~listed
        main[take] = kind
        listed |= mask
    rows = [
        facts.row(i, main[i], [k for k, m in kinds.items() if m[i] and k != main[i]])
        for i in np.flatnonzero(listed)
    ]
    order = {kind: n for n, kind in enumerate(settings.action_order)}
    rows.sort(key=lambda r: (order[r["kind"]], -r["value"], str(r["customer"]).casefold()))
    table = pd.DataFrame(rows, columns=[*COLUMNS, "value"])
    table["priority"] = pd.array(range(1, len(table) + 1), dtype="Int64")
    table = table.drop(columns="value")
    return ActionList(_with_done(table, _done_marks(previous), results, settings), reference)


class _Facts:
    """The columns the rules read, as arrays (missing columns as blanks)."""

    def __init__(self, results: pd.DataFrame, settings: Settings, customers: pd.DataFrame | None):
        self.results = results
        self.settings = settings
        self.lang = settings.lang
        self.reference = pd.Timestamp(settings.today())
        n = len(results)

        def column(key: str, kind: str = "object") -> np.ndarray:
            if key not in results:
                return np.full(
                    n,
                    np.nan if kind == "float" else None,
                    dtype=object if kind == "object" else float,
                )
            if kind == "float":
                return pd.to_numeric(results[key], errors="coerce").to_numpy(dtype=float)
            return results[key].to_numpy(dtype=object)

        self.column = column
        self._arrays: dict[str, np.ndarray] = {}
        self.segment = column("segment")
        self.signal = column("signal")
        self.action = column("action")
        self.untapped = np.array([u is True for u in column("untapped")], dtype=bool)
        self.value = np.nan_to_num(column("value", "float"))
        self.revenue = column("revenue", "float")
        self.potential = np.nan_to_num(column("potential", "float"))
        self.previous = np.nan_to_num(column("revenue_previous", "float"))
        last_order = (
            pd.to_datetime(results["last_order"])
            if "last_order" in results
            else pd.Series(pd.NaT, index=results.index)
        )
        self.last_order = pd.DatetimeIndex(last_order)
        self.last_contact = pd.DatetimeIndex(_contact_dates(results.index, customers))
        # the last contact: the `Laatste contact` cell when filled in, else the last order
        self.from_order = np.asarray(self.last_contact.isna() & self.last_order.notna())
        self.last = pd.DatetimeIndex(np.where(self.from_order, self.last_order, self.last_contact))

    def get(self, key: str, i: int) -> object:
        """Customer `i`'s value in the result column `key` (None without that column)."""
        if key not in self._arrays:
            self._arrays[key] = self.column(key)
        return self._arrays[key][i]

    def due(self, months: int) -> np.ndarray:
        """No contact or order for at least `months` months before the Peildatum (or never)."""
        limit = self.reference - pd.DateOffset(months=months)
        return np.asarray(self.last.isna() | (self.last <= limit), dtype=bool)

    def holds(self, kind: str) -> np.ndarray:
        """Which customers the rule of `kind` lists (only customers with a segment)."""
        return self._holds(kind) & np.isin(self.segment, ["A", "B", "C"])

    def _holds(self, kind: str) -> np.ndarray:
        seg = self.segment
        if kind in ("attention", "potential"):
            return self.signal == kind
        if kind == "visit":
            return (seg == "A") & self.due(self.settings.visit_months)
        if kind == "contact":  # without a date nothing says a B customer is due
            return (seg == "B") & self.due(self.settings.contact_months) & self.last.notna()
        if kind == "untapped":
            return np.isin(seg, ["B", "C"]) & self.untapped
        if kind == "reconsider":
            return (self.action == "reconsider") & (self.signal != "dormant")
        if kind == "dormant":
            return self.signal == "dormant"
        raise ValueError(kind)

    def row(self, i: int, kind: str, also: list[str]) -> dict[str, object]:
        """One line of the list: what to do, why and when for customer `i`."""
        lang, settings = self.lang, self.settings
        step = kind
        if kind == "dormant":
            step = "reactivate" if self.action[i] == "reactivate" else "let_go"
        months = {"visit": settings.visit_months, "contact": settings.contact_months}
        todo = labels.text(f"act.todo.{step}", lang, months=months.get(kind, ""))
        why = self.why(i, kind, step)
        if also:
            kinds = ", ".join(labels.action_kind(k, lang) for k in also)
            why += "; " + labels.text("act.why.also", lang, kinds=kinds)
        last = self.last[i]
        return {
            "priority": None,
            "customer": self.get("customer", i),
            "segment": self.segment[i],
            "kind": kind,
            "todo": todo,
            "why": why,
            "when": WHEN[step],
            "last": last,
            "revenue": self.revenue[i],
            "value": self.value[i],
        }

    def why(self, i: int, kind: str, step: str) -> str:
        """The facts behind the action, in plain words."""
        lang, m = self.lang, self.settings.recent_months
        get = lambda key: self.get(key, i)  # noqa: E731
        money = lambda key: labels.money(float(get(key)), lang)  # noqa: E731
        if kind == "attention":
            return labels.text(
                "act.why.attention",
                lang,
                n=int(get("orders_recent")),
                m=m,
                avg=money("avg_order_recent"),
                date=labels.short_date(get("last_order"), lang),
                since=int(get("months_since")),
            )
        if kind == "potential":
            return labels.text(
                "act.why.potential",
                lang,
                overall=money("avg_order"),
                m=m,
                n=int(get("orders_recent")),
                recent=money("avg_order_recent"),
            )
        if kind in ("visit", "contact"):
            return self._last_contact(i)
        if kind == "untapped":
            text = labels.text(
                "act.why.untapped",
                lang,
                similarity=labels.number(float(get("similarity")), lang),
                segment=self.segment[i],
            )
            reasons = get("similarity_reasons")
            return text + (". " + str(reasons).rstrip(".") if isinstance(reasons, str) else "")
        if kind == "reconsider":
            text = labels.text(
                "act.why.reconsider",
                lang,
                contribution=money("contribution"),
                margin=money("gross_margin"),
                cost=labels.money(float(np.nan_to_num(get("cost_to_serve"))), lang),
            )
            if self.potential[i] > 0:
                potential = labels.money(float(self.potential[i]), lang)
                text += labels.text("act.why.reconsider_potential", lang, potential=potential)
            return text
        return self._dormant(i, step)

    def _last_contact(self, i: int) -> str:
        lang = self.lang
        last = self.last[i]
        if pd.isna(last):
            return labels.text("act.why.no_contact", lang)
        key = "act.why.last_order" if self.from_order[i] else "act.why.last_contact"
        since = _months_between(last, self.reference)
        return labels.text(key, lang, date=labels.short_date(last, lang), since=since)

    def _dormant(self, i: int, step: str) -> str:
        lang, settings = self.lang, self.settings
        last = self.last_order[i]
        if pd.isna(last):
            text = labels.text("act.why.dormant_never", lang)
        else:
            since = _months_between(last, self.reference)
            text = labels.text(
                "act.why.dormant", lang, date=labels.short_date(last, lang), since=since
            )
        previous, potential = float(self.previous[i]), float(self.potential[i])
        m = settings.recent_months
        if step == "let_go":
            return text + labels.text(
                "act.why.let_go",
                lang,
                previous=labels.money(previous, lang),
                m=m,
                limit=labels.money(settings.reactivate_revenue, lang),
            )
        if previous > 0:
            text += labels.text(
                "act.why.reactivate", lang, m=m, previous=labels.money(previous, lang)
            )
        if potential > 0:
            text += labels.text(
                "act.why.reactivate_potential", lang, potential=labels.money(potential, lang)
            )
        if self.segment[i] in ("A", "B"):
            text += labels.text("act.why.reactivate_segment", lang, segment=self.segment[i])
        return text


def _contact_dates(index: pd.Index, customers: pd.DataFrame | None) -> pd.Series:
    """The `Laatste contact` column of the customer table as dates on `index` (NaT where
    blank, unreadable or absent)."""
    blank = pd.Series(pd.NaT, index=index, dtype="datetime64[ns]")
    if customers is None:
        return blank
    found = match_headers(list(customers.columns), ("last_contact",))
    if not found:
        return blank
    dates, _ = parse_date_column(customers.iloc[:, found["last_contact"]])
    dates = pd.to_datetime(dates, errors="coerce")
    return dates.reindex(index)


def _months_between(date: pd.Timestamp, reference: pd.Timestamp) -> int:
    """Whole calendar months from `date` to `reference`."""
    months = (reference.year - date.year) * 12 + reference.month - date.month
    return int(months - (reference.day < date.day))


def fold(name: object) -> str | None:
    """The key two spellings of one customer name share (case and spaces around ignored)."""
    text = name_text(name)
    return text.strip().casefold() if text else None


def _done_marks(rows: Sequence[Sequence[object]] | None) -> dict[str, tuple[str, object]]:
    """Folded customer name -> (name, `Gedaan` cell) of a previous Actielijst sheet's rows
    whose `Gedaan` is filled in."""
    if not rows:
        return {}
    grid = [list(r) for r in rows]
    top = header_row(grid, ("customer", "act_done"))
    if top is None:
        return {}
    at = match_headers(grid[top], ("customer", "act_done"))
    marks: dict[str, tuple[str, object]] = {}
    for row in grid[top + 1 :]:
        name = name_text(row[at["customer"]]) if len(row) > at["customer"] else None
        done = row[at["act_done"]] if len(row) > at["act_done"] else None
        key = fold(name)
        if key and not is_blank(done) and key not in marks:
            marks[key] = (name, done)
    return marks


def _with_done(
    table: pd.DataFrame,
    marks: dict[str, tuple[str, object]],
    results: pd.DataFrame,
    settings: Settings,
) -> pd.DataFrame:
    """`table` with the kept `Gedaan` cells; ticked customers not listed any more below it."""
    folded = [fold(n) for n in table["customer"].tolist()]
    table = table.assign(done=[marks[f][1] if f in marks else None for f in folded])
    listed = set(folded)
    left = [name for name in marks if name not in listed]
    if not left:
        return table
    lang = settings.lang
    by_name: dict[str, int] = {}
    for i, n in enumerate(results["customer"].tolist()):
        key = fold(n)
        if key and key not in by_name:
            by_name[key] = i
    kept = []
    for name in left:
        i = by_name.get(name)
        row = results.iloc[i] if i is not None else None
        kept.append(
            {
                "priority": None,
                "customer": row["customer"] if row is not None else marks[name][0],
                "segment": row["segment"] if row is not None else None,
                "kind": "kept",
                "todo": labels.text("act.todo.kept", lang),
                "why": labels.text("act.why.kept", lang),
                "when": None,
                "last": pd.NaT,
                "revenue": float(row["revenue"]) if row is not None else np.nan,
                "done": marks[name][1],
            }
        )
    out = pd.concat([table, pd.DataFrame(kept, columns=table.columns)], ignore_index=True)
    out["priority"] = out["priority"].astype("Int64")
    done = out["done"].astype(object)
    out["done"] = done.where(done.notna(), None)
    return out
