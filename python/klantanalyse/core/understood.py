"""What was understood of the input's headers: which column feeds which field, what was not
found, what was left out, and a warning (with the closest header) for what matters. Pure."""

from __future__ import annotations

from dataclasses import dataclass, replace

import pandas as pd

from . import labels
from .characteristics import characteristic_positions
from .columns import closest_headers, is_blank, match_headers
from .settings import Settings
from .tables import headers_seen

_HARD_DATA = frozenset(labels.EXPECTED_KEYS[7:])
_ORDER_REPORT_KEYS = (
    "customer",
    "order_date",
    "order_amount",
    "order_quantity",
    "order_price",
    "order_id",
    "product_group",
    "order_margin",
)


@dataclass(frozen=True)
class ColumnReport:
    """The columns of one run as understood; `lines` are what a front shows."""

    used: tuple[tuple[str, str], ...]  # (field key, input header or how it was filled)
    missing: tuple[str, ...]  # expected field keys without a column
    ignored: tuple[str, ...]  # input headers that feed nothing
    warnings: tuple[str, ...]
    lang: str = "nl"
    order_used: tuple[tuple[str, str], ...] = ()
    header_rows: tuple[int, int] | None = None  # (first, last) sheet row when not row 1

    def lines(self) -> tuple[str, ...]:
        """The report in a few sentences: columns read, not found, not used."""
        lang = self.lang
        out = []
        if self.header_rows is not None:
            first, last = self.header_rows
            if first != last:
                out.append(labels.text("cols.header_rows", lang, first=first, last=last))
            else:
                out.append(labels.text("cols.header_row", lang, row=last))
        out.append(labels.text("cols.used", lang, pairs=_pairs(self.used, lang)))
        if self.order_used:
            out.append(labels.text("cols.order_used", lang, pairs=_pairs(self.order_used, lang)))
        if self.missing:
            fields = ", ".join(labels.header(k, lang) for k in self.missing)
            out.append(labels.text("cols.missing", lang, fields=fields))
            questions = [labels.header(k, lang) for k in labels.CRITERIA if k in self.missing]
            if questions:
                key = "cols.no_question" if len(questions) == 1 else "cols.no_questions"
                out.append(labels.text(key, lang, names=_and(questions, lang)))
        if self.ignored:
            shown = ", ".join(self.ignored[: labels.IGNORED_SHOWN])
            if len(self.ignored) > labels.IGNORED_SHOWN:
                shown = labels.text("cols.more", lang, shown=shown, count=len(self.ignored))
            out.append(labels.text("cols.ignored", lang, headers=shown))
        return tuple(out)

    def with_header_rows(self, first: int, last: int) -> ColumnReport:
        """The report saying where the header was, when it was not just row 1."""
        if first == last == 1:
            return self
        return replace(self, header_rows=(first, last))


def _pairs(pairs: tuple[tuple[str, str], ...], lang: str) -> str:
    return ", ".join(
        labels.text("cols.pair", lang, field=labels.header(key, lang), header=header)
        for key, header in pairs
    )


def understand(
    customers: pd.DataFrame,
    found: dict[str, int],
    settings: Settings,
    orders: pd.DataFrame | None = None,
) -> ColumnReport:
    """The report of a customer table whose known columns are at `found` ({key: position});
    `orders` is the order table when there is one."""
    lang = settings.lang
    headers = [str(h) for h in customers.columns]
    compared = characteristic_positions(customers, settings)
    used_at = set(found.values()) | set(compared)
    kinds = match_headers(list(customers.columns), labels.AFFINITY_KEYS)
    known = {**kinds, **found}
    filled = _filled_by_rules(found, settings)
    used: list[tuple[str, str]] = []
    for key in labels.REPORT_KEYS:
        if key in known:
            used.append((key, headers[known[key]]))
        elif key in filled:
            used.append((key, filled[key]))
        elif key == "revenue" and orders is not None:
            used.append((key, labels.text("cols.from_orders", lang)))
    extra = [pos for pos in compared if pos not in known.values()]
    used += [("aff_characteristic", headers[pos]) for pos in extra]  # named in Instellingen
    given = {key for key, _ in used}
    missing = tuple(k for k in labels.EXPECTED_KEYS if k not in given)
    free = [i for i in range(len(headers)) if i not in used_at]
    named = [i for i in free if not _unnamed(customers.columns[i], i, lang)]
    wanted = [*missing, *(k for k in labels.AFFINITY_KEYS if k not in known)]
    close = closest_headers(list(customers.columns), wanted, named)
    # a question without a column is a warning when other columns were not placed (one of
    # them may be it); in a table that holds nothing else the report says it
    warnings = _question_warnings(missing, close, headers, lang) if named else []
    warnings += [_like(key, headers[close[key]], lang) for key in wanted if key in close]
    return ColumnReport(
        used=tuple(used),
        missing=missing,
        ignored=tuple(headers[i] for i in free),
        warnings=tuple(warnings),
        lang=lang,
        order_used=_order_pairs(orders),
    )


def _unnamed(header: object, pos: int, lang: str) -> bool:
    """True for the name a column without a header got ('Kolom C')."""
    from .a1 import column_letter

    return is_blank(header) or str(header) == labels.text(
        "file.unnamed_column", lang, column=column_letter(pos + 1)
    )


def _filled_by_rules(found: dict[str, int], settings: Settings) -> dict[str, str]:
    """{criterion: 'regel Brutomarge % >= 25'} for each question without a column that a
    rule fills from a data column that is there."""
    out = {}
    for criterion in labels.CRITERIA:
        rule = settings.rules.get(criterion)
        if criterion not in found and rule is not None and rule.column in found:
            out[criterion] = labels.text(
                "cols.from_rule", settings.lang, rule=rule.describe(settings.lang)
            )
    return out


def _question_warnings(
    missing: tuple[str, ...], close: dict[str, int], headers: list[str], lang: str
) -> list[str]:
    """One warning for the questions without a column (those with a look-alike header get
    their own warning)."""
    absent = [k for k in labels.CRITERIA if k in missing and k not in close]
    if not absent:
        return []
    names = [labels.header(k, lang) for k in absent]
    columns = [f"'{n}'" for n in names]
    key = "cols.warn.questions" if len(absent) == 1 else "cols.warn.questions_many"
    return [
        labels.text(
            key,
            lang,
            names=_and(names, lang),
            columns=_and(columns, lang),
            seen=headers_seen(headers, lang),
        )
    ]


def _and(items: list[str], lang: str) -> str:
    if len(items) == 1:
        return items[0]
    return labels.text("cols.and", lang, first=", ".join(items[:-1]), last=items[-1])


def _like(key: str, header: str, lang: str) -> str:
    """The warning for a header close to a field: 'Inovatie' lijkt op Innovatie: ..."""
    if key in labels.CRITERIA:
        template = "cols.warn.like.question"
    elif key == "potential":
        template = "cols.warn.like.potential"
    elif key in _HARD_DATA or key in labels.AFFINITY_KEYS:
        template = "cols.warn.like.data"
    else:
        template = "cols.warn.like"
    name = labels.header(key, lang)
    return labels.text(template, lang, header=header, field=name, column=name)


def _order_pairs(orders: pd.DataFrame | None) -> tuple[tuple[str, str], ...]:
    if orders is None:
        return ()
    from .history import order_columns

    headers = [str(h) for h in orders.columns]
    found = order_columns(list(orders.columns))
    return tuple((key, headers[found[key]]) for key in _ORDER_REPORT_KEYS if key in found)


def missing_column_message(
    headers: list[object], key: str, lang: str, taken: set[int] | frozenset[int] = frozenset()
) -> str:
    """'de kolom 'Omzet' ontbreekt (koppen gezien: ...); ...' with the closest header."""
    column = labels.header(key, lang)
    seen = headers_seen(headers, lang)
    free = [i for i, h in enumerate(headers) if i not in taken and not is_blank(h)]
    close = closest_headers(headers, (key,), free).get(key)
    if close is not None:
        return labels.text(
            "cols.err.no_column_like",
            lang,
            column=column,
            seen=seen,
            header=str(headers[close]).strip(),
        )
    alias = labels.HEADERS[key][0 if lang == "en" else 1]
    return labels.text("cols.err.no_column", lang, column=column, seen=seen, alias=alias)
