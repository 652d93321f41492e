"""`analyse`: customer table + settings in, results + summary out. Pure pandas."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from ..errors import InputError
from . import grid, labels
from .columns import (
    first_duplicate,
    match_headers,
    name_text,
    name_texts,
    parse_amount,
    parse_yes_no,
)
from .grid import ClassLimits
from .history import OrderHistory, add_order_customers, annual_revenue, order_history
from .pareto import pareto_reach
from .portfolio import PortfolioView, extend
from .settings import SEGMENTS, Settings
from .understood import ColumnReport, missing_column_message, understand


@dataclass(frozen=True)
class SegmentLine:
    segment: str
    customers: int
    revenue: float
    share: float


@dataclass(frozen=True)
class Summary:
    """Totals a user reads next to the chart."""

    rows: int
    customers: int  # rows that got a segment
    problems: int  # rows with a message
    total_revenue: float
    segments: tuple[SegmentLine, ...]
    pareto_share: float | None  # share of the customers with revenue that brings 80% of it
    pareto_customers: int


@dataclass(frozen=True)
class Analysis:
    """The outcome of one run. `results` has one row per input row, same index."""

    results: pd.DataFrame
    summary: Summary
    settings: Settings
    columns: dict[str, object]  # canonical key -> input column name
    warnings: tuple[str, ...] = ()
    result_keys: tuple[str, ...] = field(default=labels.RESULT_KEYS)
    portfolio: PortfolioView | None = None  # pareto, pyramid, whale, retention tables
    limits: ClassLimits = ClassLimits(None, None)  # revenue-class limits in money
    understood: ColumnReport | None = None  # which input column feeds which field

    def shown(self) -> pd.DataFrame:
        """`results` with the key columns (revenue class, signal, ...) as the words shown."""
        lang = self.settings.lang
        table = self.results.copy()
        for key in labels.RESULT_WORDS:
            if key in table.columns:
                table[key] = labels.result_words(key, table[key].tolist(), lang)
        return table

    def result_table(self) -> pd.DataFrame:
        """The result columns with their headers and words in the settings' language."""
        lang = self.settings.lang
        table = pd.DataFrame(
            {
                labels.header(k, lang): labels.result_words(k, self.results[k].tolist(), lang)
                for k in self.result_keys
            },
            index=self.results.index,
        )
        return table


customer_name = name_text  # numbers keep their natural form (123, not 123.0)


def _parse_column(
    series: pd.Series, parse: Callable[[object], object]
) -> tuple[pd.Series, pd.Series]:
    """Parse each distinct value once. Returns (parsed values, mask of unparseable cells)."""
    index = series.index
    kind = pd.api.types.infer_dtype(series, skipna=True)
    if parse is parse_amount and kind in _NUMBERS:  # numbers only (no booleans): as they are
        values = series.to_numpy(dtype=float, na_value=np.nan)
        bad = np.isinf(values)
        return pd.Series(np.where(bad, np.nan, values), index=index), pd.Series(bad, index=index)
    if kind == "string" and series.dtype == object:  # text only: one parse per distinct text
        codes, uniques = pd.factorize(series)
        parsed, bad_unique = [], []
        for value in [*uniques.tolist(), None]:  # None: the blank cells (code -1)
            try:
                parsed.append(parse(value))
                bad_unique.append(False)
            except (ValueError, TypeError, OverflowError):
                parsed.append(None)
                bad_unique.append(True)
        values = np.array(parsed, dtype=object)[codes]
        return pd.Series(values, index=index, dtype=object), pd.Series(
            np.array(bad_unique)[codes], index=index
        )
    # anything else (booleans, mixed types): 1, 1.0 and True are equal keys for pandas, so
    # values are told apart by type
    cache: dict[object, object] = {}
    bad_token = object()
    out = []
    for value in series.tolist():
        try:
            key = (type(value), value)
            hash(key)
        except TypeError:
            key = None
        if key is not None and key in cache:
            out.append(cache[key])
            continue
        try:
            parsed = parse(value)
        except (ValueError, TypeError, OverflowError):
            parsed = bad_token
        if key is not None:
            cache[key] = parsed
        out.append(parsed)
    bad = pd.Series([v is bad_token for v in out], index=index)
    values = pd.Series([None if v is bad_token else v for v in out], index=index, dtype=object)
    return values, bad


_NUMBERS = ("integer", "floating", "mixed-integer-float", "empty")


def _show(value: object) -> str:
    text = str(value)
    return text if len(text) <= 40 else text[:37] + "..."


Problems = dict[object, list[str]]  # row label -> the messages of that row


def _add(problems: Problems, label: object, message: str) -> None:
    problems.setdefault(label, []).append(message)


def analyse(
    customers: pd.DataFrame, settings: Settings | None = None, orders: pd.DataFrame | None = None
) -> Analysis:
    """Score, classify and segment every customer.

    `customers` holds the Klanten table as read (any header spelling, raw cell values); its
    index labels are used as row numbers in messages. It is never modified. `orders` is the
    optional Orders table (same conventions): it adds the order-history columns, fills a
    blank `Omzet` from the recent window and adds customers that only appear in the orders.
    """
    settings = settings or Settings()
    settings.validate()
    lang = settings.lang
    history = order_history(orders, settings) if orders is not None else None
    # no customer list (or one without rows): the customers are those of the orders
    orders_only = history is not None and (len(customers.columns) == 0 or len(customers) == 0)
    if history is not None and len(customers.columns) == 0:
        customers = pd.DataFrame({labels.header("customer", lang): pd.Series(dtype=object)})
    found = _input_columns(list(customers.columns), history is not None, lang)
    added: tuple[object, ...] = ()
    if history is not None:
        customers, added = add_order_customers(customers, found["customer"], history)
    understood = understand(customers, found, settings, orders)
    headers = list(customers.columns)
    columns = {key: headers[pos] for key, pos in found.items()}
    col = {key: customers.iloc[:, pos] for key, pos in found.items()}
    index = customers.index
    if len(index) == 0:
        raise InputError(labels.text("err.no_rows", lang))
    problems: Problems = {}
    names = _names(col["customer"], columns["customer"], bool(added), problems, lang)
    numbers, bad_numbers = _numbers(col, columns, problems, lang)
    revenue = numbers.get("revenue", pd.Series(np.nan, index=index))
    bad_revenue = bad_numbers.get("revenue", pd.Series(False, index=index))
    if history is not None:  # a blank Omzet comes from the orders' recent window
        from_orders = annual_revenue(history, names, settings)
        revenue = revenue.where(revenue.notna() | bad_revenue, from_orders)
        numbers["revenue"] = revenue
    blank_revenue = revenue.isna() & ~bad_revenue & names.notna()
    revenue_name = str(columns.get("revenue", labels.header("revenue", lang)))
    for label in index[blank_revenue.to_numpy()]:
        _add(problems, label, labels.text("row.no_revenue", lang, column=revenue_name))
    potential = numbers.get("potential", pd.Series(0.0, index=index)).fillna(0.0)
    answers = _answers(col, columns, numbers, settings, problems, index)
    ok = pd.Series(True, index=index)
    if problems:
        ok.loc[list(problems)] = False
    results, limits = _grid_results(names, revenue, potential, answers, ok, problems, settings)
    results, extra_keys, portfolio = extend(results, numbers, answers, ok, history, settings, added)
    summary = _summarise(results, ok, revenue)
    warnings = [
        *understood.warnings,
        *_order_warnings(history, results, added, settings, orders_only),
    ]
    if summary.problems:
        warnings.append(
            labels.text(
                "warn.row_problems",
                lang,
                count=summary.problems,
                column=labels.header("message", lang),
            )
        )
    return Analysis(
        results=results,
        summary=summary,
        settings=settings,
        columns=columns,
        warnings=tuple(warnings),
        result_keys=_ordered_keys(extra_keys),
        portfolio=portfolio,
        limits=limits,
        understood=understood,
    )


def _input_columns(headers: list[object], with_orders: bool, lang: str) -> dict[str, int]:
    """Position of each input column we know; a repeated or missing required one is an
    InputError (without orders both Klant and Omzet are required, with orders only Klant)."""
    duplicate = first_duplicate(headers, labels.INPUT_KEYS)
    if duplicate:
        key, letters = duplicate
        raise InputError(
            labels.text(
                "err.duplicate_header", lang, column=labels.header(key, lang), columns=letters
            )
        )
    found = match_headers(headers, labels.INPUT_KEYS)
    for required in ("customer",) if with_orders else ("customer", "revenue"):
        if required not in found:
            taken = set(found.values())
            raise InputError(missing_column_message(headers, required, lang, taken))
    return found


def _names(raw: pd.Series, header: object, added: bool, problems: Problems, lang: str) -> pd.Series:
    """Customer names as text; a row without a name, or repeating an earlier row's name
    (any case), gets a message."""
    index = raw.index
    names = pd.Series(name_texts(raw.tolist()), index=index, dtype=object)
    missing = names.isna()
    if missing.all() and not added:
        raise InputError(labels.text("err.empty_names", lang, column=header))
    for label in index[missing.to_numpy()]:
        _add(problems, label, labels.text("row.no_name", lang))
    present = ~missing.to_numpy()
    keys = names.to_numpy(dtype=object).copy()
    keys[present] = np.fromiter(map(str.casefold, keys[present].tolist()), dtype=object)
    folded = pd.Series(keys, index=index, dtype=object)
    repeated = folded.duplicated().to_numpy() & present
    if repeated.any():  # each later row names the first row with that name
        first = ~repeated & ~missing.to_numpy()
        first_row = dict(zip(folded[first].tolist(), index[first]))
        for label, name, key in zip(
            index[repeated], names[repeated].tolist(), folded[repeated].tolist()
        ):
            _add(
                problems, label, labels.text("row.duplicate", lang, name=name, other=first_row[key])
            )
    return names


def _numbers(
    col: dict[str, pd.Series], columns: dict[str, object], problems: Problems, lang: str
) -> tuple[dict[str, pd.Series], dict[str, pd.Series]]:
    """(parsed numbers, unparseable cells) of every numeric input column; a cell that is
    not a number, or a negative revenue or potential, gets a message."""
    numbers: dict[str, pd.Series] = {}
    bad_numbers: dict[str, pd.Series] = {}
    for key in labels.NUMERIC_INPUTS:
        if key not in col:
            continue
        raw = col[key]
        values, bad = _parse_column(raw, parse_amount)
        values = pd.to_numeric(values, errors="coerce").astype(float)
        column_name = str(columns[key])
        for label in bad.index[bad.to_numpy()]:
            _add(
                problems,
                label,
                labels.text("row.bad_amount", lang, column=column_name, value=_show(raw[label])),
            )
        if key in ("revenue", "potential"):
            negative = values < 0
            for label in negative.index[negative.to_numpy()]:
                message = labels.text(
                    "row.negative", lang, column=column_name, value=f"{values[label]:g}"
                )
                _add(problems, label, message)
        numbers[key] = values
        bad_numbers[key] = bad
    return numbers, bad_numbers


def _answers(
    col: dict[str, pd.Series],
    columns: dict[str, object],
    numbers: dict[str, pd.Series],
    settings: Settings,
    problems: Problems,
    index: pd.Index,
) -> pd.DataFrame:
    """The four answers per row: typed answers win, rules fill blanks, blank means Nee."""
    lang = settings.lang
    answers = pd.DataFrame(index=index)
    for criterion in labels.CRITERIA:
        if criterion in col:
            parsed, bad = _parse_column(col[criterion], parse_yes_no)
            column_name = str(columns[criterion])
            for label in bad.index[bad.to_numpy()]:
                value = _show(col[criterion][label])
                _add(
                    problems,
                    label,
                    labels.text("row.bad_yes_no", lang, column=column_name, value=value),
                )
        else:
            parsed = pd.Series(None, index=index, dtype=object)
        rule = settings.rules.get(criterion)
        if rule is not None and rule.column in numbers:
            data = numbers[rule.column].to_numpy(dtype=float, na_value=np.nan)
            with np.errstate(invalid="ignore"):
                holds = rule.holds(data)  # element-wise
            derived = pd.Series(np.where(np.isnan(data), None, holds), index=index, dtype=object)
            parsed = parsed.where(parsed.notna(), derived)
        answers[criterion] = parsed.where(parsed.notna(), False).astype(bool)
    return answers


def _grid_results(
    names: pd.Series,
    revenue: pd.Series,
    potential: pd.Series,
    answers: pd.DataFrame,
    ok: pd.Series,
    problems: Problems,
    settings: Settings,
) -> tuple[pd.DataFrame, ClassLimits]:
    """Score, revenue class, segment, advice and message per row (only rows without a
    message get a segment), and the revenue-class limits."""
    index = names.index
    size = len(index)
    value = revenue.fillna(0.0) + potential
    scores = grid.score(answers)
    classes = np.full(size, None, dtype=object)
    segments = np.full(size, None, dtype=object)
    valid = ok.to_numpy(dtype=bool)
    if valid.any():
        classes[valid] = grid.revenue_class(value[valid], settings).to_numpy(dtype=object)
        classes[pd.isna(classes)] = None
        valid_classes = pd.Series(classes[valid], index=index[valid], dtype=object)
        segments[valid] = grid.segment(valid_classes, scores[valid], settings).to_numpy()
        segments[pd.isna(segments)] = None
    limits = grid.class_limits(
        value[valid], pd.Series(classes[valid], index=index[valid], dtype=object), settings
    )
    advice = np.full(size, None, dtype=object)
    for seg in SEGMENTS:
        advice[segments == seg] = settings.advice_for(seg)
    score = np.full(size, None, dtype=object)
    score[valid] = scores.to_numpy(dtype=np.int64)[valid].astype(object)  # Python ints

    def objects(values: np.ndarray) -> pd.Series:
        return pd.Series(values, index=index, dtype=object)

    results = pd.DataFrame(
        {
            "customer": names,
            "revenue": revenue,
            "potential": potential,
            "value": value,
            "score": objects(score),
            "revenue_class": objects(classes),
            "segment": objects(segments),
            "advice": objects(advice),
            "message": objects(_messages(problems, index)),
        },
        index=index,
    )
    return results, limits


def _messages(problems: Problems, index: pd.Index) -> np.ndarray:
    """Each row's messages joined by a space; None for a row without one."""
    out = np.full(len(index), None, dtype=object)
    if not problems:
        return out
    if not index.is_unique:
        out[:] = [" ".join(problems[label]) if label in problems else None for label in index]
        return out
    joined = np.array([" ".join(found) for found in problems.values()], dtype=object)
    out[index.get_indexer(list(problems))] = joined
    return out


def _order_warnings(
    history: OrderHistory | None,
    results: pd.DataFrame,
    added: tuple,
    settings: Settings,
    orders_only: bool = False,
) -> list[str]:
    """The Orders sheet's own warnings plus what joining it to Klanten found; with orders
    alone, one warning that the customer list and revenue came from them."""
    if history is None:
        return []
    lang = settings.lang
    out = list(history.warnings)
    if orders_only:
        questions = [labels.header(c, lang) for c in labels.CRITERIA]
        out.append(
            labels.text(
                "ord.orders_only",
                lang,
                count=labels.number(len(added), lang),
                m=settings.recent_months,
                questions=", ".join(questions[:-1]) + labels.text("and", lang) + questions[-1],
            )
        )
    elif added:
        out.append(labels.text("ord.added", lang, count=len(added)))
    without = results["customer"].notna() & results["orders_total"].isna()
    if without.any():
        first = results.loc[without, "customer"].iloc[0]
        out.append(labels.text("ord.no_orders_for", lang, count=int(without.sum()), name=first))
    return out


def _ordered_keys(extra_keys: tuple[str, ...]) -> tuple[str, ...]:
    """Base results, then the keys other features add, `Melding` always last."""
    base = tuple(k for k in labels.RESULT_KEYS if k != "message")
    return base + tuple(extra_keys) + ("message",)


def _summarise(results: pd.DataFrame, ok: pd.Series, revenue: pd.Series) -> Summary:
    good = results.loc[ok.to_numpy(), ["revenue", "segment"]]  # not every result column
    total = float(good["revenue"].fillna(0).sum())
    lines = []
    for seg in SEGMENTS:
        part = good[good["segment"] == seg]
        seg_revenue = float(part["revenue"].fillna(0).sum())
        lines.append(
            SegmentLine(seg, len(part), seg_revenue, seg_revenue / total if total > 0 else 0.0)
        )
    reach = pareto_reach(good["revenue"])
    return Summary(
        rows=len(results),
        customers=len(good),
        problems=int((~ok).sum()),
        total_revenue=total,
        segments=tuple(lines),
        pareto_share=reach.share,
        pareto_customers=reach.customers,
    )


def with_added_customers(table: pd.DataFrame, analysis: Analysis) -> pd.DataFrame:
    """`table` with the customers that only appear in the orders added below, with just
    their name (the analysis has a result row for each of them)."""
    added = analysis.portfolio.added_rows if analysis.portfolio else ()
    if not added:
        return table
    names = analysis.results.loc[list(added), "customer"]
    header = analysis.columns.get("customer")
    if header not in list(table.columns):  # no customer table at all: the names only
        header = labels.header("customer", analysis.settings.lang)
        return pd.DataFrame({header: analysis.results["customer"].to_numpy(dtype=object)})
    extra = np.full((len(names), table.shape[1]), None, dtype=object)
    extra[:, list(table.columns).index(header)] = names.to_numpy(dtype=object)
    return pd.DataFrame(np.vstack([table.to_numpy(dtype=object), extra]), columns=table.columns)
