"""Order history per customer (article 000): order sizes, recency, windows and signals.

Input is the Orders sheet as read (raw cells, any header spelling; the index labels are the
sheet row numbers). Everything is computed column-wise: the only Python loops run over
distinct values or over customers, never over order lines.

Definitions
-----------
- Line amount: `Bedrag`, or `Aantal` × `Prijs` where `Bedrag` is blank or absent; without
  either, a revenue column (`Omzet`, `Sales`) of the order lines.
- Order: all lines of one customer with the same `Ordernummer`; lines without an order
  number group by customer and date. An order counts when its lines add up to more than
  zero; credit notes and cancellations (net zero or negative) lower revenue but are not
  orders.
- Peildatum P: the setting when given, else the last date in the orders (the day the data
  ends, as customer-lifetime libraries take it), so an export of last year is analysed as of
  its own end.
- Windows, relative to P and the recent window of m months: *recent* is (P − m months, P],
  *the window before* is (P − 2m months, P − m months]. Lines after P are not counted.
- Coverage: the share of the window before that lies on or after the first date in the
  orders. Below `MIN_COVERAGE` the window before is not known well enough to compare with:
  its revenue, the change, the projection's growth and the signal *Nieuw* are left empty
  (a warning says why). Likewise a calendar year counts as the base of the next year's
  retention, new and lost customers only when the orders cover `MIN_COVERAGE` of it.
- Months since the last order: whole calendar months from the last order date to P.
- Change: revenue recent / revenue in the window before − 1 (blank without revenue before).
- 12-month projection (see `project`): the recent revenue scaled to a year, times its
  growth against the window before, that growth limited to between −50% and +50%; without
  revenue in the window before no trend is assumed; no revenue in the window gives 0.

Signals, first rule that holds wins (thresholds in Instellingen):
1. *Slapend*: no order in the recent window.
2. *Aandacht* (article's Klant B): at least `frequent_orders` orders in the window, average
   order in the window at least `big_order` × that of the median active customer, and
   silent for at least `silent_months` months.
3. *Potentie* (article's Klant A): an average order in the window of at most
   `potential_drop` × the customer's overall average, and few orders in the window: at most
   `few_orders`, or at most `potential_drop` × the customer's usual number per window
   before (orders before the window / the number of windows since the first order).
4. *Nieuw*: the first order ever falls in the window.
5. *Stabiel*: everything else.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from ..errors import OrderError
from . import labels
from .columns import (
    factorize_cells,
    first_duplicate,
    match_headers,
    name_text,
    name_texts,
    parse_amount_column,
    parse_date_column,
)
from .settings import Settings

TREND_LIMIT = 0.5  # the projection's growth factor stays within 1 ± this
MAX_LISTED_ROWS = 10  # row numbers named in one warning
MIN_COVERAGE = 0.8  # share of a window (or year) the orders must cover to compare with it
_EPOCH_ORDINAL = dt.date(1970, 1, 1).toordinal()
_NS_PER_DAY = 86_400 * 10**9
SIGNAL_ORDER = ("dormant", "attention", "potential", "new", "stable")  # first rule that holds


@dataclass(frozen=True)
class OrderHistory:
    """The outcome of `order_history`.

    `per_customer` has one row per customer found in the orders, indexed by the folded
    name (`fold`); its columns are `customer` (the name as first written) and the keys of
    `labels.HISTORY_KEYS` plus `change`, `projection`, `signal_key`, `revenue_total`,
    `orders_before` (usual orders per window before it) and, when the orders carry margins,
    `margin_recent`. Dates are Timestamps, missing values NaN.
    """

    per_customer: pd.DataFrame
    retention: pd.DataFrame
    reference: pd.Timestamp
    skipped: dict[str, tuple[object, ...]] = field(default_factory=dict)
    warnings: tuple[str, ...] = ()
    has_margin: bool = False
    first_line: pd.Timestamp | None = None  # the first date in the orders counted
    last_line: pd.Timestamp | None = None  # the last date in the orders counted
    coverage: float = 1.0  # share of the window before covered by the orders

    @property
    def comparable(self) -> bool:
        """True when the orders cover enough of the window before to compare with it."""
        return self.coverage >= MIN_COVERAGE

    @property
    def revenue_recent(self) -> float:
        return float(self.per_customer["revenue_recent"].sum())

    @property
    def revenue_previous(self) -> float:
        return float(self.per_customer["revenue_previous"].sum())


def fold(name: str) -> str:
    """The key two spellings of one customer name share (case-insensitive)."""
    return name.strip().casefold()


customer_name = name_text  # numbers keep their natural form (17850, not 17850.0)


def project(current: np.ndarray, previous: np.ndarray) -> np.ndarray:
    """12-month projection from annual revenue now and in the period before.

    current × growth, growth = current / previous limited to [1 − TREND_LIMIT,
    1 + TREND_LIMIT]; growth 1 when there is no previous revenue; 0 when current ≤ 0.
    """
    current = np.asarray(current, dtype=float)
    previous = np.asarray(previous, dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):
        growth = np.where(
            (previous > 0) & (current > 0),
            np.clip(current / previous, 1 - TREND_LIMIT, 1 + TREND_LIMIT),
            1.0,
        )
    return np.where(current > 0, current * growth, np.where(np.isnan(current), np.nan, 0.0))


def order_history(orders: pd.DataFrame, settings: Settings | None = None) -> OrderHistory:
    """Per-customer order figures, signals and retention from the Orders table."""
    settings = settings or Settings()
    lang = settings.lang
    lines, (names, keys), skipped, warnings = _read_lines(orders, settings)
    reference = reference_date(lines["day"], settings)
    start = reference - pd.DateOffset(months=settings.recent_months)
    before = reference - pd.DateOffset(months=2 * settings.recent_months)
    ref_day, start_day, before_day = (_day(t) for t in (reference, start, before))

    late = lines["day"] > ref_day
    if late.any():
        warnings.append(
            labels.text(
                "ord.after_reference",
                lang,
                count=int(late.sum()),
                date=labels.short_date(reference, lang),
            )
        )
        lines = {k: v[~late] for k, v in lines.items()}

    n = len(names)
    cust, day, amount = lines["cust"], lines["day"], lines["amount"]
    recent_line = day > start_day
    previous_line = (day > before_day) & ~recent_line
    first_line = int(day.min()) if len(day) else ref_day + 1  # no lines: nothing covered
    coverage = _covered(first_line, before_day, start_day)
    comparable = coverage >= MIN_COVERAGE
    if len(day):
        warnings += _coverage_warnings(first_line, reference, coverage, settings)

    # orders: one customer + order number, or one customer + date without a number
    order_code = lines["order"]
    span = int(day.max() - day.min() + 1) if len(day) else 1
    n_codes = int(order_code.max() + 1) if len(order_code) else 0
    key = np.where(order_code >= 0, order_code, n_codes + (day - (day.min() if len(day) else 0)))
    combined = cust.astype(np.int64) * (n_codes + span) + key
    order_idx, order_keys = _factorize(combined)
    n_orders = len(order_keys)
    value = np.round(np.bincount(order_idx, weights=amount, minlength=n_orders), 2)
    order_day = np.full(n_orders, np.iinfo(np.int64).max, dtype=np.int64)
    np.minimum.at(order_day, order_idx, day)
    order_cust = (np.asarray(order_keys) // (n_codes + span)).astype(np.int64)
    real = value > 0
    o_cust, o_day, o_value = order_cust[real], order_day[real], value[real]
    o_recent = o_day > start_day

    orders_total = np.bincount(o_cust, minlength=n)
    orders_recent = np.bincount(o_cust[o_recent], minlength=n)
    with np.errstate(divide="ignore", invalid="ignore"):
        avg_order = np.bincount(o_cust, weights=o_value, minlength=n) / orders_total
        avg_recent = (
            np.bincount(o_cust[o_recent], weights=o_value[o_recent], minlength=n) / orders_recent
        )
    first_day = np.full(n, np.iinfo(np.int64).max, dtype=np.int64)
    last_day = np.full(n, np.iinfo(np.int64).min, dtype=np.int64)
    np.minimum.at(first_day, o_cust, o_day)
    np.maximum.at(last_day, o_cust, o_day)
    has_order = orders_total > 0
    first_order = _dates(first_day, has_order)
    last_order = _dates(last_day, has_order)
    months_since = _months_between(last_day, has_order, reference)

    # the lines outside a window add zero: the same sums as over that window's lines only
    revenue_recent = np.bincount(cust, weights=np.where(recent_line, amount, 0.0), minlength=n)
    revenue_previous = np.bincount(cust, weights=np.where(previous_line, amount, 0.0), minlength=n)
    revenue_total = np.bincount(cust, weights=amount, minlength=n)
    if not comparable:  # the window before is mostly outside the data: nothing to compare
        revenue_previous = np.full(n, np.nan)
    with np.errstate(divide="ignore", invalid="ignore"):
        change = np.where(revenue_previous > 0, revenue_recent / revenue_previous - 1, np.nan)
    per_year = 12 / settings.recent_months
    projection = project(revenue_recent * per_year, revenue_previous * per_year)

    columns: dict[str, object] = {
        "customer": names,
        "orders_total": orders_total,
        "avg_order": avg_order,
        "avg_order_recent": avg_recent,
        "orders_recent": orders_recent,
        "first_order": first_order,
        "last_order": last_order,
        "months_since": months_since,
        "revenue_recent": np.round(revenue_recent, 2),
        "revenue_previous": np.round(revenue_previous, 2),
        "revenue_total": np.round(revenue_total, 2),
        "change": change,
        "projection": np.round(projection, 2),
    }
    if "margin" in lines:
        margin = lines["margin"]
        columns["margin_recent"] = np.bincount(
            cust[recent_line], weights=margin[recent_line], minlength=n
        )
    columns["orders_before"] = _orders_per_window_before(columns, start, settings)
    code = _signals(columns, start, settings, comparable)
    columns["signal_key"] = np.array(SIGNAL_ORDER, dtype=object)[code]
    words = [labels.signal_word(k, lang) for k in SIGNAL_ORDER]
    columns["signal"] = np.array(words, dtype=object)[code]
    columns["signal_reason"] = _reasons(columns, code, settings)
    for name in ("customer", "signal_key", "signal", "signal_reason"):
        columns[name] = _texts(columns[name])
    index = columns["customer"] if keys is names else _texts(keys)
    table = pd.DataFrame(columns, index=pd.Index(index, name="fold"))
    retention = _retention(o_cust, o_day, reference, first_line)
    return OrderHistory(
        per_customer=table,
        retention=retention,
        reference=reference,
        skipped=skipped,
        warnings=tuple(warnings),
        has_margin="margin" in lines,
        first_line=_stamp(first_line) if len(day) else None,
        last_line=_stamp(int(day.max())) if len(day) else None,
        coverage=coverage,
    )


# ---- the Peildatum and what the orders cover ---------------------------------------------


def reference_date(days: np.ndarray, settings: Settings) -> pd.Timestamp:
    """The Peildatum: the setting when given, else the last date in the order lines."""
    if settings.reference_date is not None or not len(days):
        return pd.Timestamp(settings.today())
    return _stamp(int(np.max(days)))


def _stamp(day: int) -> pd.Timestamp:
    """The Timestamp of a day number (days since 1970-01-01)."""
    return pd.Timestamp(np.datetime64(day, "D"))


def _covered(first_day: int, after_day: int, through_day: int) -> float:
    """Share of the days (after_day, through_day] that lie on or after first_day."""
    length = through_day - after_day
    if length <= 0:
        return 1.0
    return float(min(max(through_day - max(after_day, first_day - 1), 0), length) / length)


def window_coverage(first_day: int, reference: pd.Timestamp, months: int) -> float:
    """Share of the window before a recent window of `months` that the orders cover."""
    start = _months_before(reference, months)
    before = _months_before(reference, 2 * months)
    return _covered(first_day, before, start)


def _months_before(reference: pd.Timestamp, months: int) -> int:
    """The day number of `reference - pd.DateOffset(months=months)`: the same day of the
    month `months` months earlier, or that month's last day when it is shorter."""
    shifted = reference.year * 12 + reference.month - 1 - months
    year, month = divmod(shifted, 12)
    day = min(reference.day, calendar.monthrange(year, month + 1)[1])
    return dt.date(year, month + 1, day).toordinal() - _EPOCH_ORDINAL


def _coverage_warnings(
    first_day: int, reference: pd.Timestamp, coverage: float, settings: Settings
) -> list[str]:
    """Why the comparisons are empty when the orders do not reach back far enough."""
    if coverage >= MIN_COVERAGE:
        return []
    lang, m = settings.lang, settings.recent_months
    start = reference - pd.DateOffset(months=m)
    before = reference - pd.DateOffset(months=2 * m)
    begin = labels.short_date(before + pd.Timedelta(days=1), lang)
    fits = [
        k for k in range(m - 1, 0, -1) if window_coverage(first_day, reference, k) >= MIN_COVERAGE
    ]
    if fits:
        setting = labels.setting_label("recent_months", lang)
        fix = labels.text("ord.short_fix_months", lang, months=fits[0], setting=setting, date=begin)
    else:
        fix = labels.text("ord.short_fix_data", lang, date=begin)
    found = [
        labels.text(
            "ord.short_history",
            lang,
            first=labels.short_date(_stamp(first_day), lang),
            m=m,
            begin=begin,
            end=labels.short_date(start, lang),
            share=labels.percent(coverage, lang),
            need=labels.percent(MIN_COVERAGE, lang),
            change=labels.header("change", lang),
            previous=labels.header("revenue_previous", lang),
            projection=labels.header("projection", lang),
            new=labels.signal_word("new", lang),
            fix=fix,
        )
    ]
    recent = _covered(first_day, _day(start), _day(reference))
    if recent < MIN_COVERAGE:
        found.append(
            labels.text(
                "ord.short_recent",
                lang,
                m=m,
                share=labels.percent(recent, lang),
                first=labels.short_date(_stamp(first_day), lang),
            )
        )
    return found


# ---- reading the lines ------------------------------------------------------------------


def order_columns(headers: list[object]) -> dict[str, int]:
    """Position of each order column we know (key `customer` for the customer column): a
    name column (Klant, Debiteur, Klantnaam) wins over a number column (Debiteurnummer)."""
    keys = labels.ORDER_FIELD_KEYS
    found = match_headers(headers, keys)
    by_name = match_headers(headers, ("customer",)) or match_headers(headers, ("order_customer",))
    for pos in by_name.values():
        found["customer"] = pos
    return found


def _read_lines(
    orders: pd.DataFrame, settings: Settings
) -> tuple[
    dict[str, np.ndarray],
    tuple[list[str], list[str]],
    dict[str, tuple[object, ...]],
    list[str],
]:
    """Valid order lines as arrays (cust, day, amount, order[, margin]) and the customer names.

    `cust` indexes into the returned names; `order` is −1 without an order number; `day` is
    days since 1970-01-01. Rows with a problem are skipped and listed per reason.
    """
    lang = settings.lang
    headers = list(orders.columns)
    keys = labels.ORDER_FIELD_KEYS
    duplicate = first_duplicate(headers, (*keys, "customer"))
    if duplicate:
        key, letters = duplicate
        raise OrderError(
            labels.text(
                "ord.duplicate_header", lang, column=labels.header(key, lang), columns=letters
            )
        )
    found = order_columns(headers)
    for required in ("customer", "order_date"):
        if required not in found:
            raise OrderError(
                labels.text(
                    "ord.no_column",
                    lang,
                    column=labels.header(required, lang),
                    alias=labels.HEADERS[required][0 if lang == "en" else 1],
                )
            )
    has_lines = "order_quantity" in found and "order_price" in found
    revenue = match_headers(headers, ("revenue",))
    if "order_amount" not in found and not has_lines and revenue:
        found["order_amount"] = revenue["revenue"]  # an export's 'Sales' or 'Omzet' per line
    if "order_amount" not in found and not has_lines:
        raise OrderError(labels.text("ord.no_amount", lang))

    def column(key: str) -> pd.Series:
        return orders.iloc[:, found[key]]

    index = orders.index
    cust, names, keys = _customers(column("customer"))
    dates, bad_date = parse_date_column(column("order_date"))
    amount = pd.Series(np.nan, index=index)
    bad_amount = pd.Series(False, index=index)
    blank_amount = pd.Series(True, index=index)
    if "order_amount" in found:
        amount, bad_amount = parse_amount_column(column("order_amount"))
        blank_amount = amount.isna() & ~bad_amount
    if has_lines:
        quantity, bad_q = parse_amount_column(column("order_quantity"))
        price, bad_p = parse_amount_column(column("order_price"))
        use = blank_amount.to_numpy()
        amount = amount.where(~use, quantity * price)
        bad_amount = bad_amount | (use & (bad_q | bad_p))
        blank_amount = amount.isna() & ~bad_amount
    margin = None
    if "order_margin" in found:
        margin, bad_margin = parse_amount_column(column("order_margin"))
        bad_amount = bad_amount | bad_margin

    no_cust = cust < 0
    date_missing = dates.isna().to_numpy()
    amount_missing = amount.isna().to_numpy() | bad_amount.to_numpy()
    blank_row = no_cust & date_missing & ~bad_date.to_numpy() & blank_amount.to_numpy()
    problems = {
        "no_customer": no_cust & ~blank_row,
        "bad_date": date_missing & ~no_cust,
        "bad_amount": amount_missing & ~no_cust & ~date_missing,
    }
    skipped: dict[str, tuple[object, ...]] = {}
    warnings: list[str] = []
    for reason, mask in problems.items():
        if mask.any():
            rows = tuple(index[mask].tolist())
            skipped[reason] = rows
            warnings.append(
                labels.text(
                    f"ord.skipped.{reason}",
                    lang,
                    count=len(rows),
                    rows=_list_rows(rows, lang),
                )
            )
    keep = ~(no_cust | date_missing | amount_missing)
    if not keep.any():
        raise OrderError(labels.text("ord.no_lines", lang))
    lines = {
        "cust": cust[keep],
        "day": _day(dates.to_numpy()[keep]),
        "amount": amount.to_numpy(dtype=float)[keep],
        "order": _order_codes(column("order_id"))[keep]
        if "order_id" in found
        else np.full(int(keep.sum()), -1, dtype=np.int64),
    }
    if margin is not None:
        lines["margin"] = np.nan_to_num(margin.to_numpy(dtype=float)[keep])
    return lines, (names, keys), skipped, warnings


def _customers(series: pd.Series) -> tuple[np.ndarray, list[str], list[str]]:
    """Customer number per row (−1 when blank), the names (as first written) and their
    `fold` keys: names differing only in case or outer spaces are one customer."""
    codes, uniques = factorize_cells(series)
    if uniques.dtype.kind in "iu":  # distinct whole numbers: distinct texts, nothing to fold
        names = list(map(str, uniques.tolist()))
        return codes, names, names
    texts = _distinct_texts(uniques)
    if uniques.dtype.kind == "f":
        keys = texts  # digits, '.', '-', 'e', 'inf': `fold` leaves such texts as they are
    else:
        keys = pd.Series(texts, dtype=object).str.strip().str.casefold().to_numpy()
    ids, folded = pd.factorize(keys)  # numbered in order of first appearance; None -> −1
    found = ids >= 0
    _, first = np.unique(ids[found], return_index=True)
    names = texts[np.flatnonzero(found)[first]].tolist()
    return np.append(ids, -1)[codes], names, folded.tolist()  # code −1 (blank) -> −1


def _order_codes(series: pd.Series) -> np.ndarray:
    """One number per distinct order number (17850.0 and '17850' are the same); −1 if blank."""
    codes, uniques = factorize_cells(series)
    texts = _distinct_texts(uniques)
    if uniques.dtype == object and bool((texts == uniques.to_numpy()).all()):
        return codes  # the cells are their own texts (already distinct): nothing merges
    ids, _ = pd.factorize(pd.Series(texts, dtype=object))  # None -> −1
    return np.append(ids, -1)[codes]


def _distinct_texts(uniques: pd.Index) -> np.ndarray:
    """`customer_name` of every distinct cell (an object array, None for blank);
    column-wise for plain number or text columns."""
    if pd.api.types.is_float_dtype(uniques.dtype):
        values = uniques.to_numpy(dtype=float)
        whole = np.isfinite(values) & (values == np.round(values)) & (np.abs(values) < 2**53)
        as_int = np.where(whole, values, 0).astype(np.int64).astype(str)
        return np.where(whole, as_int, values.astype(str)).astype(object)
    if pd.api.types.is_integer_dtype(uniques.dtype):
        return np.array(list(map(str, uniques.tolist())) + [None], dtype=object)[:-1]
    return np.array(name_texts(uniques.tolist()) + [None], dtype=object)[:-1]


def _factorize(values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """`pd.factorize` of an int64 array (codes in order of first appearance). Runs of equal
    keys (an order's lines one below the other) count once; the rest is sorted, which is
    faster than hashing for widely spread keys such as customer × order."""
    if len(values) > 1:
        step = values[1:] != values[:-1]
        sample = values[:: max(len(values) // 256, 1)]  # unsorted keys fail this cheap test
        if bool((sample[1:] >= sample[:-1]).all()) and bool((values[1:] >= values[:-1]).all()):
            # sorted (lines by customer and date): numbered in order without hashing
            codes = np.concatenate(([0], np.cumsum(step)))
            return codes, values[np.concatenate(([True], step))]
        starts = np.flatnonzero(np.concatenate(([True], step)))
        if len(starts) * 2 <= len(values):
            codes, distinct = pd.factorize(values[starts])
            return np.repeat(codes, np.diff(np.append(starts, len(values)))), distinct
    distinct, first, inverse = np.unique(values, return_index=True, return_inverse=True)
    order = np.argsort(first, kind="stable")
    rank = np.empty(len(distinct), dtype=np.int64)
    rank[order] = np.arange(len(distinct))
    return rank[inverse.reshape(-1)], distinct[order]


def _day(values: object) -> np.ndarray | int:
    """Days since 1970-01-01 of a Timestamp or datetime64 array (time of day dropped)."""
    if isinstance(values, pd.Timestamp):
        return int(values.to_datetime64().astype("datetime64[D]").astype(np.int64))
    stamps = np.asarray(values, dtype="datetime64[ns]")
    days = stamps.view(np.int64) // _NS_PER_DAY  # floor, as a conversion to whole days
    missing = np.isnat(stamps)
    if missing.any():
        days[missing] = np.iinfo(np.int64).min  # NaT, as that conversion gives it
    return days


def _texts(values: object) -> object:
    """A column of texts in the dtype a frame infers for them (pandas' `str`), converted
    directly: a frame's own inference first tries reading object columns as dates."""
    text_dtype = pd.Index(["text"]).dtype
    return pd.array(np.asarray(values, dtype=object), dtype=text_dtype)


def _dates(days: np.ndarray, valid: np.ndarray) -> np.ndarray:
    """datetime64[ns] of day numbers, NaT where not `valid`."""
    out = np.where(valid, days, 0).astype("datetime64[D]").astype("datetime64[ns]")
    return np.where(valid, out, np.datetime64("NaT", "ns"))


def _months_between(days: np.ndarray, valid: np.ndarray, reference: pd.Timestamp) -> np.ndarray:
    """Whole calendar months from each day number to the reference date (NaN where not
    `valid`): the difference in months, less one when the day of the month is not reached."""
    days = np.where(valid, days, days[valid].min() if valid.any() else 0)
    low = int(days.min()) if len(days) else 0
    span = int(days.max()) - low + 1 if len(days) else 0
    every = np.arange(low, low + span) if span < len(days) else days  # few days: each once
    dates = every.astype("datetime64[D]")
    months = dates.astype("datetime64[M]")
    day_of_month = (dates - months.astype("datetime64[D]")).astype(np.int64) + 1
    whole = (np.datetime64(reference.date(), "M") - months).astype(np.int64)
    whole = whole - (reference.day < day_of_month)
    if span < len(days):
        whole = whole[days - low]
    return np.where(valid, whole, np.nan)


def _list_rows(rows: tuple[object, ...], lang: str) -> str:
    shown = ", ".join(str(r) for r in rows[:MAX_LISTED_ROWS])
    if len(rows) <= MAX_LISTED_ROWS:
        return shown
    return labels.text("ord.more_rows", lang, rows=shown, more=len(rows) - MAX_LISTED_ROWS)


# ---- signals ----------------------------------------------------------------------------


def _orders_per_window_before(
    table: dict[str, np.ndarray], start: pd.Timestamp, settings: Settings
) -> np.ndarray:
    """Orders per recent-window length before the window: the customer's usual pace.

    Orders before the window / (months from the first order to the window start / window
    length), never dividing by less than one window; 0 without orders before the window.
    """
    before = (table["orders_total"] - table["orders_recent"]).astype(float)
    first = table["first_order"]
    known = ~np.isnat(first)  # whole days from the first order (at midnight) to the start
    days = np.where(
        known, _day(start) - _day(np.where(known, first, start.to_datetime64())), np.nan
    )
    windows = np.fmax(days / (365.25 / 12) / settings.recent_months, 1.0)
    return np.where(before > 0, before / windows, 0.0)


def _signals(
    table: dict[str, np.ndarray], start: pd.Timestamp, settings: Settings, comparable: bool = True
) -> np.ndarray:
    """The signal per customer, as its position in SIGNAL_ORDER; see the module docstring
    for the rules. *Nieuw* needs
    the window before (`comparable`): without it a first order in the data says nothing."""
    recent, avg_recent = table["orders_recent"], table["avg_order_recent"]
    avg_all, silent, first = table["avg_order"], table["months_since"], table["first_order"]
    active = recent > 0
    median = float(np.median(avg_recent[active])) if active.any() else np.nan
    with np.errstate(invalid="ignore"):
        attention = (
            (recent >= settings.frequent_orders)
            & (avg_recent >= settings.big_order * median)
            & (silent >= settings.silent_months)
        )
        few = (recent <= settings.few_orders) | (
            recent <= settings.potential_drop * table["orders_before"]
        )
        potential = few & (avg_recent <= settings.potential_drop * avg_all)
    new = (first > start.to_datetime64()) & comparable
    return np.select([~active, attention, potential, new], [0, 1, 2, 3], default=4)


def _reasons(table: dict[str, np.ndarray], code: np.ndarray, settings: Settings) -> np.ndarray:
    """A short reason per customer (`code`: its signal's position in SIGNAL_ORDER) in the
    settings' language, built a column at a time (amounts, counts and dates formatted per
    distinct value, the sentences joined per signal)."""
    lang, m = settings.lang, settings.recent_months
    out = np.empty(len(code), dtype=object)

    def column(name: str, rows: np.ndarray) -> np.ndarray:
        values = table[name][rows]
        if name in ("first_order", "last_order"):
            return labels.date_column(values, lang)
        if name in ("avg_order", "avg_order_recent"):
            return np.array(labels.money_texts(values, lang), dtype=object)
        if name == "months_since":
            values = values.astype(np.int64)  # whole months, shown without decimals
        return labels.number_column(values)

    def shown(name: str, rows: np.ndarray) -> np.ndarray:
        """Values that give the same text where they are equal (amounts in whole euros)."""
        values = table[name][rows]
        if name in ("avg_order", "avg_order_recent"):
            with np.errstate(invalid="ignore"):
                return np.where(np.abs(values) < 1e15, np.rint(values), values)
        return values

    def fill(rows: np.ndarray, text_key: str, **fields: str) -> np.ndarray:
        """The texts of `text_key` for `rows`; each field names the table column it shows.
        Each distinct combination of shown values is written once."""
        group = None
        for name in fields.values():
            codes, distinct = pd.factorize(shown(name, rows), use_na_sentinel=False)
            group = codes if group is None else pd.factorize(group * len(distinct) + codes)[0]
        if not len(rows):
            return np.empty(0, dtype=object)
        # the codes number the groups in order of appearance: a group is new where the
        # running maximum rises
        high = np.maximum.accumulate(group)
        first = np.flatnonzero(np.concatenate(([True], high[1:] > high[:-1])))
        values = {field: column(name, rows[first]) for field, name in fields.items()}
        return labels.text_column(text_key, lang, len(first), m=m, **values)[group]

    dormant = code == SIGNAL_ORDER.index("dormant")
    never = np.isnat(table["last_order"])
    out[dormant & never] = labels.text("sig.dormant_never", lang)
    rows = np.flatnonzero(dormant & ~never)
    out[rows] = fill(rows, "sig.dormant", date="last_order")
    rows = np.flatnonzero(code == SIGNAL_ORDER.index("attention"))
    out[rows] = fill(
        rows,
        "sig.attention",
        n="orders_recent",
        avg="avg_order_recent",
        since="months_since",
        date="last_order",
    )
    rows = np.flatnonzero(code == SIGNAL_ORDER.index("potential"))
    out[rows] = fill(
        rows,
        "sig.potential",
        n="orders_recent",
        recent="avg_order_recent",
        overall="avg_order",
        before="orders_before",
    )
    rows = np.flatnonzero(code == SIGNAL_ORDER.index("new"))
    out[rows] = fill(rows, "sig.new", n="orders_recent", avg="avg_order_recent", date="first_order")
    rows = np.flatnonzero(code == SIGNAL_ORDER.index("stable"))
    stable = fill(rows, "sig.stable", n="orders_recent", avg="avg_order_recent")
    change = table["change"][rows]
    known = ~np.isnan(change)
    if known.any():
        percents = labels.percent_column(change[known], lang, signed=True)
        stable[known] = stable[known] + labels.text_column(
            "sig.change", lang, int(known.sum()), change=percents
        )
    out[rows] = stable
    return out


# ---- retention --------------------------------------------------------------------------


def _retention(
    o_cust: np.ndarray, o_day: np.ndarray, reference: pd.Timestamp, first_day: int
) -> pd.DataFrame:
    """Per calendar year: active customers, how many of last year's stayed, new and lost.

    Retention in year t = customers with an order in t−1 and in t / customers with an order
    in t−1. The year of the Peildatum counts up to that date (`partial`). Retained,
    retention, new and lost need year t−1 covered by the orders for at least MIN_COVERAGE
    (else they are empty); `since` is the first date in the orders for a year they cover
    less than that of.
    """
    columns = ["year", "active", "retained", "retention", "new", "lost", "partial", "since"]
    if len(o_cust) == 0:
        return pd.DataFrame(columns=columns)
    years = _years(o_day)
    first, last = int(years.min()), int(years.max())
    active = np.zeros((int(o_cust.max()) + 1, last - first + 1), dtype=bool)
    active[o_cust, years - first] = True
    ever = active.any(axis=1)
    first_year = np.where(ever, active.argmax(axis=1) + first, -1)
    rows = []
    for year in range(first, last + 1):
        now = active[:, year - first]
        covered = _year_coverage(year, first_day) >= MIN_COVERAGE
        row = {
            "year": year,
            "active": int(now.sum()),
            "retained": np.nan,
            "retention": np.nan,
            "new": np.nan,
            "lost": np.nan,
            "partial": year == reference.year,
            "since": None if covered or year == reference.year else _stamp(first_day),
        }
        if year > first and _year_coverage(year - 1, first_day) >= MIN_COVERAGE:
            before = active[:, year - first - 1]
            row["new"] = int((first_year == year).sum())
            row["retained"] = int((before & now).sum())
            row["lost"] = int((before & ~now).sum())
            if before.any():
                row["retention"] = row["retained"] / int(before.sum())
        rows.append(row)
    return pd.DataFrame(rows, columns=columns)


def _years(days: np.ndarray) -> np.ndarray:
    """The calendar year of each day number (looked up per day of the span they cover)."""
    low = int(days.min())
    span = int(days.max()) - low + 1
    if span > len(days):  # few days spread widely: convert them one by one
        return days.astype("datetime64[D]").astype("datetime64[Y]").astype(np.int64) + 1970
    every = np.arange(low, low + span).astype("datetime64[D]").astype("datetime64[Y]")
    return every.astype(np.int64)[days - low] + 1970


def _year_coverage(year: int, first_day: int) -> float:
    """Share of a calendar year on or after the first date in the orders."""
    start = _day(pd.Timestamp(year=year, month=1, day=1)) - 1
    end = _day(pd.Timestamp(year=year, month=12, day=31))
    return _covered(first_day, start, end)


# ---- joining the Klanten table ----------------------------------------------------------


def add_order_customers(
    customers: pd.DataFrame, position: int, history: OrderHistory
) -> tuple[pd.DataFrame, tuple[object, ...]]:
    """The Klanten table with a row for every customer that only appears in the orders.

    New rows hold just the name (in column `position`) and are labelled after the last row
    (sheet row numbers continue below the table). Returns the table and the new labels.
    """
    known = {fold(n) for n in map(customer_name, customers.iloc[:, position].tolist()) if n}
    per = history.per_customer
    missing = per.loc[~per.index.isin(list(known)), "customer"].tolist()
    if not missing:
        return customers, ()
    index = customers.index
    if len(index) == 0:
        first = 2  # row 1 holds the headers
    elif pd.api.types.is_integer_dtype(index.dtype):
        first = int(index.max()) + 1
    else:
        first = len(index)
    labels_new = pd.RangeIndex(first, first + len(missing))
    new = pd.DataFrame(
        np.full((len(missing), customers.shape[1]), None, dtype=object),
        columns=customers.columns,
        index=labels_new,
    )
    new.iloc[:, position] = missing
    combined = pd.concat([customers.astype(object), new]) if len(index) else new
    return combined, tuple(labels_new)


def annual_revenue(history: OrderHistory, names: pd.Series, settings: Settings) -> pd.Series:
    """Revenue of the recent window scaled to a year (at least 0) for each name; NaN when
    the customer has no order lines."""
    folded = names.map(lambda n: fold(n) if isinstance(n, str) else None)
    recent = history.per_customer["revenue_recent"].reindex(folded.to_numpy()).to_numpy()
    values = np.maximum(recent * (12 / settings.recent_months), 0.0)
    return pd.Series(np.round(values, 2), index=names.index)
