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
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from . import labels
from .columns import is_blank, match_headers, name_text, name_texts, parse_date_column
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
    main = _main_kinds(kinds, len(results))
    rows = np.flatnonzero(main >= 0)
    rows = rows[_priority_order(main[rows], facts.value[rows], facts.names()[rows])]
    table = _table(facts, rows, main[rows], kinds)
    return ActionList(_with_done(table, _done_marks(previous), results, settings), reference)


def _main_kinds(kinds: dict[str, np.ndarray], size: int) -> np.ndarray:
    """Per customer the position (in `kinds`) of the first kind that holds; -1 for none."""
    main = np.full(size, -1, dtype=np.int64)
    for position, mask in enumerate(kinds.values()):
        main[mask & (main < 0)] = position
    return main


def _priority_order(kind: np.ndarray, value: np.ndarray, names: np.ndarray) -> np.ndarray:
    """The order of the list: by kind, the largest value first, then by casefolded name."""
    folded = pd.Series(names, dtype=object).astype(str).str.casefold().to_numpy(dtype=object)
    _, name_rank = np.unique(folded, return_inverse=True)
    return np.lexsort((name_rank.reshape(-1), -value, kind))


def _table(
    facts: _Facts, rows: np.ndarray, main: np.ndarray, kinds: dict[str, np.ndarray]
) -> pd.DataFrame:
    """The lines of the list for customers `rows` (in order) listed under kinds `main`."""
    if not len(rows):
        table = pd.DataFrame([], columns=list(COLUMNS))
        table["priority"] = pd.array([], dtype="Int64")
        return table
    kind = np.array(list(kinds), dtype=object)[main]
    step = facts.steps(rows, kind)
    why = facts.why(rows, kind, step) + _also(kinds, rows, main, facts.lang)
    return pd.DataFrame(
        {
            "priority": pd.array(np.arange(1, len(rows) + 1), dtype="Int64"),
            "customer": facts.names()[rows],
            "segment": facts.segment[rows],
            "kind": kind,
            "todo": _each_step(step, facts.todo),
            "why": why,
            "when": _each_step(step, WHEN.__getitem__),
            "last": _dates(facts.last[rows]),
            "revenue": facts.revenue[rows],
        }
    )


def _dates(dates: pd.DatetimeIndex) -> pd.DatetimeIndex:
    """`dates`, in seconds when none is known (the unit pandas gives a column of only NaT)."""
    return dates.astype("datetime64[s]") if bool(dates.isna().all()) else dates


def _each_step(step: np.ndarray, text: Callable[[str], object]) -> np.ndarray:
    """`text(step)` per row, each distinct step asked once."""
    distinct, where = np.unique(step.astype(str), return_inverse=True)
    return np.array([text(s) for s in distinct.tolist()], dtype=object)[where.reshape(-1)]


def _also(kinds: dict[str, np.ndarray], rows: np.ndarray, main: np.ndarray, lang: str) -> object:
    """'; ook: Onbenut, Slapend' per row: the other kinds that hold (empty when none)."""
    code = np.zeros(len(rows), dtype=np.int64)
    for position, mask in enumerate(kinds.values()):
        code |= (mask[rows] & (main != position)).astype(np.int64) << position
    names = list(kinds)
    distinct, where = np.unique(code, return_inverse=True)
    texts = []
    for c in distinct.tolist():
        also = [names[p] for p in range(len(names)) if c >> p & 1]
        joined = ", ".join(labels.action_kind(k, lang) for k in also)
        texts.append("; " + labels.text("act.why.also", lang, kinds=joined) if also else "")
    return np.array(texts, dtype=object)[where.reshape(-1)]


class _Facts:
    """The columns the rules read, as arrays (missing columns as blanks)."""

    def __init__(self, results: pd.DataFrame, settings: Settings, customers: pd.DataFrame | None):
        self.results = results
        self.settings = settings
        self.lang = settings.lang
        self.reference = pd.Timestamp(settings.today())
        self._arrays: dict[tuple[str, str], np.ndarray] = {}
        self.segment = self.column("segment")
        self.signal = self.column("signal")
        self.action = self.column("action")
        self.untapped = np.array([u is True for u in self.column("untapped")], dtype=bool)
        self.value = np.nan_to_num(self.column("value", "float"))
        self.revenue = self.column("revenue", "float")
        self.potential = np.nan_to_num(self.column("potential", "float"))
        self.previous = np.nan_to_num(self.column("revenue_previous", "float"))
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

    def column(self, key: str, kind: str = "object") -> np.ndarray:
        """The result column `key` as an array (blanks without that column)."""
        if (key, kind) not in self._arrays:
            self._arrays[key, kind] = self._read(key, kind)
        return self._arrays[key, kind]

    def _read(self, key: str, kind: str) -> np.ndarray:
        results = self.results
        if key not in results:
            if kind == "float":
                return np.full(len(results), np.nan)
            return np.full(len(results), None, dtype=object)
        if kind == "float":
            return pd.to_numeric(results[key], errors="coerce").to_numpy(dtype=float)
        return results[key].to_numpy(dtype=object)

    def names(self) -> np.ndarray:
        return self.column("customer")

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

    def steps(self, rows: np.ndarray, kind: np.ndarray) -> np.ndarray:
        """What to do per row: the kind, or for a dormant customer reactivate or let go."""
        reactivate = self.action[rows] == "reactivate"
        dormant = kind == "dormant"
        return np.where(dormant, np.where(reactivate, "reactivate", "let_go"), kind).astype(object)

    def todo(self, step: str) -> str:
        """What to do for `step` ('Bezoeken (A-klant: elke 1 mnd)')."""
        months = {"visit": self.settings.visit_months, "contact": self.settings.contact_months}
        return labels.text(f"act.todo.{step}", self.lang, months=months.get(step, ""))

    def why(self, rows: np.ndarray, kind: np.ndarray, step: np.ndarray) -> np.ndarray:
        """The facts behind each row's action, in plain words, a kind at a time."""
        out = np.empty(len(rows), dtype=object)
        for k in np.unique(kind.astype(str)).tolist():
            at = np.flatnonzero(kind == k)
            out[at] = self._why(k, rows[at], step[at])
        return out

    def _why(self, kind: str, rows: np.ndarray, step: np.ndarray) -> np.ndarray:
        if kind == "attention":
            return self._attention(rows)
        if kind == "potential":
            return self._potential(rows)
        if kind in ("visit", "contact"):
            return self._last_contact(rows)
        if kind == "untapped":
            return self._untapped(rows)
        if kind == "reconsider":
            return self._reconsider(rows)
        return self._dormant(rows, step)

    def money(self, values: np.ndarray) -> np.ndarray:
        """Amounts as texts ('€ 1.950')."""
        return np.array(labels.money_texts(values, self.lang), dtype=object)

    def amounts(self, key: str, rows: np.ndarray) -> np.ndarray:
        """The amounts of result column `key` for `rows` as texts."""
        return self.money(self.column(key, "float")[rows])

    def count(self, key: str, rows: np.ndarray) -> np.ndarray:
        """Whole numbers of result column `key` for `rows` as texts."""
        return labels.number_column(self.column(key, "float")[rows].astype(np.int64))

    def fill(self, key: str, size: int, **values: object) -> np.ndarray:
        """The text `key` for `size` rows; `values` are scalars or one text per row."""
        return labels.text_column(key, self.lang, size, **values)

    def _attention(self, rows: np.ndarray) -> np.ndarray:
        return self.fill(
            "act.why.attention",
            len(rows),
            n=self.count("orders_recent", rows),
            m=self.settings.recent_months,
            avg=self.amounts("avg_order_recent", rows),
            date=labels.date_column(self.last_order[rows], self.lang),
            since=self.count("months_since", rows),
        )

    def _potential(self, rows: np.ndarray) -> np.ndarray:
        return self.fill(
            "act.why.potential",
            len(rows),
            overall=self.amounts("avg_order", rows),
            m=self.settings.recent_months,
            n=self.count("orders_recent", rows),
            recent=self.amounts("avg_order_recent", rows),
        )

    def _last_contact(self, rows: np.ndarray) -> np.ndarray:
        """'Laatste contact 15-03-2026, 3 mnd geleden' (or the last order, or no date)."""
        last = self.last[rows]
        out = np.full(len(rows), labels.text("act.why.no_contact", self.lang), dtype=object)
        for from_order, key in ((False, "act.why.last_contact"), (True, "act.why.last_order")):
            at = np.flatnonzero(last.notna() & (self.from_order[rows] == from_order))
            out[at] = self._since(key, last[at])
        return out

    def _since(self, key: str, dates: pd.DatetimeIndex) -> np.ndarray:
        """The text `key` with each date and the whole months from it to the Peildatum."""
        return self.fill(
            key,
            len(dates),
            date=labels.date_column(dates, self.lang),
            since=labels.number_column(_months_between(dates, self.reference)),
        )

    def _untapped(self, rows: np.ndarray) -> np.ndarray:
        lang = self.lang
        similarity = labels.formatted_column(
            self.column("similarity", "float")[rows], lambda v: labels.number(v, lang)
        )
        text = self.fill(
            "act.why.untapped", len(rows), similarity=similarity, segment=self.segment[rows]
        )
        reasons = pd.Series(self.column("similarity_reasons")[rows], dtype=object)
        given = reasons.map(lambda r: isinstance(r, str)).to_numpy(dtype=bool)
        text[given] = text[given] + ". " + reasons[given].str.rstrip(".").to_numpy(dtype=object)
        return text

    def _reconsider(self, rows: np.ndarray) -> np.ndarray:
        text = self.fill(
            "act.why.reconsider",
            len(rows),
            contribution=self.amounts("contribution", rows),
            margin=self.amounts("gross_margin", rows),
            cost=self.money(np.nan_to_num(self.column("cost_to_serve", "float")[rows])),
        )
        some = self.potential[rows] > 0
        potential = self.money(self.potential[rows[some]])
        text[some] = text[some] + self.fill(
            "act.why.reconsider_potential", len(potential), potential=potential
        )
        return text

    def _dormant(self, rows: np.ndarray, step: np.ndarray) -> np.ndarray:
        """'Geen order sinds ...' and why reactivate or let go."""
        last = self.last_order[rows]
        text = np.full(len(rows), labels.text("act.why.dormant_never", self.lang), dtype=object)
        known = np.flatnonzero(last.notna())
        text[known] = self._since("act.why.dormant", last[known])
        go = step == "let_go"
        return np.where(go, text + self._let_go(rows), text + self._reactivate(rows))

    def _let_go(self, rows: np.ndarray) -> np.ndarray:
        lang, settings = self.lang, self.settings
        return self.fill(
            "act.why.let_go",
            len(rows),
            previous=self.money(self.previous[rows]),
            m=settings.recent_months,
            limit=labels.money(settings.reactivate_revenue, lang),
        )

    def _reactivate(self, rows: np.ndarray) -> np.ndarray:
        """The reasons to reactivate: revenue before, potential, segment A or B."""
        out = np.full(len(rows), "", dtype=object)
        previous = self.previous[rows] > 0
        out[previous] = self.fill(
            "act.why.reactivate",
            int(previous.sum()),
            m=self.settings.recent_months,
            previous=self.money(self.previous[rows[previous]]),
        )
        potential = self.potential[rows] > 0
        out[potential] += self.fill(
            "act.why.reactivate_potential",
            int(potential.sum()),
            potential=self.money(self.potential[rows[potential]]),
        )
        segment = self.segment[rows]
        valued = np.isin(segment, ["A", "B"])
        out[valued] += self.fill(
            "act.why.reactivate_segment", int(valued.sum()), segment=segment[valued]
        )
        return out


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


def _months_between(dates: pd.DatetimeIndex, reference: pd.Timestamp) -> np.ndarray:
    """Whole calendar months from each of `dates` to `reference`."""
    year, month, day = (np.asarray(d, dtype=np.int64) for d in (dates.year, dates.month, dates.day))
    months = (reference.year - year) * 12 + reference.month - month
    return months - (reference.day < day)


def fold(name: object) -> str | None:
    """The key two spellings of one customer name share (case and spaces around ignored)."""
    text = name_text(name)
    return text.strip().casefold() if text else None


def folds(names: list) -> list[str | None]:
    """`fold` of each name, at the speed of `name_texts`."""
    return [t.strip().casefold() if t else None for t in name_texts(names)]


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
    if not marks:  # nothing ticked before: the common case, no name folded
        return table.assign(done=np.full(len(table), None, dtype=object))
    folded = folds(table["customer"].tolist())
    table = table.assign(done=[marks[f][1] if f in marks else None for f in folded])
    listed = set(folded)
    left = [name for name in marks if name not in listed]
    if not left:
        return table
    lang = settings.lang
    by_name: dict[str, int] = {}
    for i, key in enumerate(folds(results["customer"].tolist())):
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
