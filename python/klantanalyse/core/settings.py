"""The settings of the Instellingen sheet: defaults, reading from rows, validation."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from ..errors import SettingsError
from . import labels
from .columns import is_blank, match_headers, normalise, parse_amount, parse_date

SEGMENTS = ("A", "B", "C")
CLASSES = ("high", "mid", "low")
RULE_DATA_KEYS = (
    "gross_margin_pct",
    "payment_days",
    "contact_hours",
    "custom_costs",
    "n_products",
    "n_groups",
    "revenue",
    "potential",
    "revenue_last_year",
)
_OPS = {">=": ">=", "=>": ">=", "≥": ">=", "<=": "<=", "=<": "<=", "≤": "<=", ">": ">", "<": "<"}
_RULE = re.compile(r"^\s*(.+?)\s*(>=|=>|≥|<=|=<|≤|>|<)\s*(.+?)\s*$")


@dataclass(frozen=True)
class Rule:
    """Derive a Ja/Nee criterion from a data column: `column op threshold`."""

    column: str  # canonical key of the data column
    op: str  # one of >=, <=, >, <
    threshold: float

    def holds(self, value: float) -> bool:
        if self.op == ">=":
            return value >= self.threshold
        if self.op == "<=":
            return value <= self.threshold
        if self.op == ">":
            return value > self.threshold
        return value < self.threshold

    def describe(self, lang: str = "nl") -> str:
        number = f"{self.threshold:g}"
        if lang == "nl":
            number = number.replace(".", ",")
        return f"{labels.header(self.column, lang)} {self.op} {number}"


def _default_matrix() -> dict[str, tuple[str, ...]]:
    return {
        "high": ("B", "B", "A", "A", "A"),
        "mid": ("C", "C", "B", "B", "A"),
        "low": ("C", "C", "C", "B", "B"),
    }


def _default_rules() -> dict[str, Rule | None]:
    return {
        "margin": Rule("gross_margin_pct", ">=", 25.0),
        "speed": Rule("payment_days", "<=", 30.0),
        "innovation": None,
        "network": None,
    }


@dataclass(frozen=True)
class Settings:
    """Every threshold and text a user can set. Immutable: use `replace` to change."""

    lang: str = "nl"
    revenue_method: str = "pareto"  # "pareto" or "amount"
    pareto_high: float = 0.80
    pareto_mid: float = 0.95
    amount_high: float = 100_000.0
    amount_mid: float = 25_000.0
    matrix: Mapping[str, tuple[str, ...]] = field(default_factory=_default_matrix)
    colours: Mapping[str, str] = field(
        default_factory=lambda: {"A": "#C6EFCE", "B": "#FFEB9C", "C": "#FFC7CE"}
    )
    advice: Mapping[str, str | None] = field(
        default_factory=lambda: {"A": None, "B": None, "C": None}
    )
    rules: Mapping[str, Rule | None] = field(default_factory=_default_rules)
    reference_date: dt.date | None = None
    recent_months: int = 12
    silent_months: int = 6
    # ---- verwantschap (affinity) ----
    affinity_min_group: int = 3
    affinity_columns: tuple[str, ...] = ()
    affinity_flag: float = 70.0
    # ---- order history, profitability and portfolio (articles 000, 001, 004) ----
    potential_drop: float = 0.50  # Potentie: avg order recent <= this share of overall avg
    few_orders: int = 2  # Potentie: at most this many orders in the recent window
    frequent_orders: int = 4  # Aandacht and Bloeiend: at least this many orders recent
    big_order: float = 1.00  # Aandacht: avg order recent >= this share of the median customer
    hourly_rate: float = 75.0  # cost of one contact hour
    on_time_days: float = 30.0  # Bloeiend: payment term at most this many days
    late_days: float = 45.0  # Vermoeiend: payment term above this many days
    cost_share: float = 0.50  # Vermoeiend: cost to serve >= this share of gross margin
    develop_share: float = 0.25  # Ontwikkelen: Potentie >= this share of revenue
    # ---- the Actielijst (what to do this period) ----
    action_order: tuple[str, ...] = labels.ACTION_RULES  # kinds of action, most important first
    visit_months: int = 1  # an A customer is due a visit this long after the last contact
    contact_months: int = 3  # a B customer is due contact this long after the last contact
    reactivate_revenue: float = 10_000.0  # Slapend: reactivate from this revenue before

    def replace(self, **changes: object) -> Settings:
        """A copy with some fields changed (validated)."""
        new = dataclasses.replace(self, **changes)
        new.validate()
        return new

    def advice_for(self, segment: str) -> str:
        """The advice text for a segment; a blank or default text follows the language."""
        custom = self.advice.get(segment)
        defaults = labels.DEFAULT_ADVICE[segment]
        if custom is None or custom in defaults:
            return labels.advice(segment, self.lang)
        return custom

    def today(self) -> dt.date:
        return self.reference_date or dt.date.today()

    def validate(self) -> None:
        """Raise SettingsError for the first value that is not valid."""
        if self.lang not in labels.LANGS:
            self._fail("lang", self.lang, "set.hint.lang")
        if self.revenue_method not in ("pareto", "amount"):
            self._fail("revenue_method", self.revenue_method, "set.hint.method")
        for key in ("pareto_high", "pareto_mid"):
            if not 0 < getattr(self, key) <= 1:
                self._fail(key, f"{getattr(self, key) * 100:g}", "set.hint.percent")
        if self.pareto_mid <= self.pareto_high:
            self._fail("pareto_mid", f"{self.pareto_mid * 100:g}", "set.hint.pareto_order")
        for key in ("amount_high", "amount_mid"):
            if getattr(self, key) < 0:
                self._fail(key, getattr(self, key), "set.hint.amount")
        if self.amount_high <= self.amount_mid:
            self._fail("amount_high", f"{self.amount_high:g}", "set.hint.amount_order")
        for cls in CLASSES:
            row = tuple(self.matrix.get(cls, ()))
            if len(row) != 5 or any(letter not in SEGMENTS for letter in row):
                self._fail(f"matrix_{cls}", " ".join(row), "set.hint.matrix")
        if "C" in self.matrix["high"]:
            self._fail("matrix_high", " ".join(self.matrix["high"]), "set.hint.matrix_high")
        for seg in SEGMENTS:
            if not re.fullmatch(r"#[0-9A-Fa-f]{6}", str(self.colours.get(seg, ""))):
                self._fail(f"colour_{seg.lower()}", self.colours.get(seg), "set.hint.colour")
        for key in ("recent_months", "silent_months", "visit_months", "contact_months"):
            value = getattr(self, key)
            if not isinstance(value, int) or not 1 <= value <= 120:
                self._fail(key, value, "set.hint.months")
        _validate_affinity(self)  # verwantschap (affinity)
        self._validate_history()
        self._validate_actions()

    # ---- order history, profitability and portfolio ----------------------------------

    def _validate_history(self) -> None:
        for key in ("potential_drop", "cost_share", "develop_share"):
            if not 0 < getattr(self, key) <= 1:
                self._fail(key, f"{getattr(self, key) * 100:g}", "set.hint.percent")
        if not 0 <= self.big_order <= 100:
            self._fail("big_order", f"{self.big_order * 100:g}", "set.hint.percent_any")
        for key in ("few_orders", "frequent_orders"):
            value = getattr(self, key)
            if not isinstance(value, int) or not 1 <= value <= 1000:
                self._fail(key, value, "set.hint.count")
        for key in ("hourly_rate", "on_time_days", "late_days"):
            if getattr(self, key) < 0:
                self._fail(key, f"{getattr(self, key):g}", "set.hint.number")
        if self.late_days < self.on_time_days:
            self._fail("late_days", f"{self.late_days:g}", "set.hint.days_order")

    def _validate_actions(self) -> None:
        order = self.action_order
        if (
            not isinstance(order, tuple)
            or len(set(order)) != len(order)
            or any(k not in labels.ACTION_RULES for k in order)
        ):
            words = ", ".join(
                labels.action_kind(k, self.lang) for k in order if k in labels.ACTION_KINDS
            )
            self._fail("action_order", words, "set.hint.action_order", kinds=_kind_list(self.lang))
        if self.reactivate_revenue < 0:
            self._fail("reactivate_revenue", f"{self.reactivate_revenue:g}", "set.hint.amount")

    def _fail(self, key: str, value: object, hint: str, **hint_values: object) -> None:
        raise SettingsError(
            labels.text(
                "set.bad_value",
                self.lang,
                label=labels.setting_label(key, self.lang),
                value=value,
                hint=labels.text(hint, self.lang, **hint_values),
            )
        )

    # ---- the Instellingen sheet -------------------------------------------------------

    def to_rows(self) -> list[tuple[str, object, str]]:
        """(label, value, explanation) rows for the Instellingen sheet, in `self.lang`."""
        lang = self.lang
        values: dict[str, object] = {
            "lang": lang.upper(),
            "revenue_method": labels.method_word(self.revenue_method, lang),
            "pareto_high": round(self.pareto_high * 100, 6),
            "pareto_mid": round(self.pareto_mid * 100, 6),
            "amount_high": self.amount_high,
            "amount_mid": self.amount_mid,
            **{f"matrix_{c}": " ".join(self.matrix[c]) for c in CLASSES},
            **{f"colour_{s.lower()}": self.colours[s].upper() for s in SEGMENTS},
            **{f"advice_{s.lower()}": self.advice_for(s) for s in SEGMENTS},
            **{
                f"rule_{c}": (rule.describe(lang) if rule else "") for c, rule in self.rules.items()
            },
            "reference_date": self.reference_date,
            "recent_months": self.recent_months,
            "silent_months": self.silent_months,
            # order history, profitability and portfolio
            **{k: round(getattr(self, k) * 100, 6) for k in HISTORY_PERCENTS},
            **{k: getattr(self, k) for k in HISTORY_COUNTS + HISTORY_NUMBERS},
        }
        values.update(_affinity_values(self))  # verwantschap (affinity)
        values.update(
            {
                "action_order": ", ".join(labels.action_kind(k, lang) for k in self.action_order),
                "visit_months": self.visit_months,
                "contact_months": self.contact_months,
                "reactivate_revenue": self.reactivate_revenue,
            }
        )
        return [
            (labels.setting_label(k, lang), v, labels.setting_help(k, lang))
            for k, v in values.items()
        ]

    @classmethod
    def from_rows(
        cls, rows: Iterable[tuple[object, object]], lang: str | None = None
    ) -> tuple[Settings, list[str]]:
        """Settings from (label, value) rows, labels in Dutch or English.

        Blank values keep their default. `lang` overrides the sheet's Taal. Returns the
        settings and warnings for labels that are not settings.
        """
        by_label = {}
        for key in labels.SETTING_LABELS:
            for name in labels.SETTING_LABELS[key][:2]:
                by_label[normalise(name)] = key
        raw: dict[str, object] = {}
        unknown: list[str] = []
        for label, value in rows:
            if is_blank(label):
                continue
            key = by_label.get(normalise(label))
            if key is None:
                unknown.append(str(label))
            elif key not in raw:
                raw[key] = value
        msg_lang = lang or _parse_lang(raw.get("lang")) or "nl"
        base = cls(lang=msg_lang)
        changes = _parse_values(raw, base)
        if lang is not None:
            changes["lang"] = lang
        settings = dataclasses.replace(base, **changes)
        settings.validate()
        warnings = [
            labels.text("warn.unknown_setting", settings.lang, label=u)
            for u in unknown
            if normalise(u) not in _IGNORED_LABELS
        ]
        return settings, warnings


# Header words of the settings table itself are not unknown settings.
_IGNORED_LABELS = {
    normalise(w)
    for key in ("settings.header.setting", "settings.header.value", "settings.header.help")
    for w in labels.TEXTS[key]
}


def _parse_lang(value: object) -> str | None:
    if is_blank(value):
        return None
    word = normalise(value)
    return {"nl": "nl", "nederlands": "nl", "dutch": "nl", "en": "en", "engels": "en"}.get(
        word, word or None
    )


def _parse_values(raw: Mapping[str, object], base: Settings) -> dict[str, object]:
    """Turn raw sheet values into Settings fields; blank means default (see `_FIELDS`)."""
    out: dict[str, object] = {}
    parts = {name: dict(getattr(base, name)) for name in ("matrix", "colours", "advice", "rules")}
    for key, value in raw.items():
        if key.startswith("rule_"):  # a blank rule switches the rule off
            criterion = _RULE_CRITERIA.get(key, key.removeprefix("rule_"))
            parts["rules"][criterion] = None if is_blank(value) else _parse_rule(key, value, base)
            continue
        if is_blank(value):
            continue
        parse, part = _field(key)
        if parse is None:
            continue
        parsed = parse(key, value, base)
        if part is None:
            out[key] = parsed
        else:
            parts[part][_part_key(key, part)] = parsed
    out.update(parts)
    return out


def _part_key(key: str, part: str) -> str:
    """The key within a mapping field: 'matrix_high' -> 'high', 'colour_a' -> 'A'."""
    return key.removeprefix("matrix_") if part == "matrix" else key[-1].upper()


def _parse_method(key: str, value: object, base: Settings) -> str:
    method = {"pareto": "pareto", "bedrag": "amount", "amount": "amount"}.get(normalise(value))
    if method is None:
        base._fail(key, value, "set.hint.method")
    return method


def _parse_pareto_limit(key: str, value: object, base: Settings) -> float:
    number = _number(key, value, base, "set.hint.percent")
    if isinstance(value, float) and 0 < number <= 1 and not isinstance(value, bool):
        number *= 100  # a cell formatted as percentage holds 0.8
    if not 0 < number <= 100:
        base._fail(key, value, "set.hint.percent")
    return number / 100


def _parse_amount_limit(key: str, value: object, base: Settings) -> float:
    return _number(key, value, base, "set.hint.amount")


def _parse_matrix_row(key: str, value: object, base: Settings) -> tuple[str, ...]:
    return tuple(re.findall(r"[A-Za-z]", str(value).upper()))


def _parse_colour(key: str, value: object, base: Settings) -> str:
    colour = str(value).strip().upper()
    if not colour.startswith("#"):
        colour = "#" + colour
    if not re.fullmatch(r"#[0-9A-F]{6}", colour):
        base._fail(key, value, "set.hint.colour")
    return colour


def _parse_advice(key: str, value: object, base: Settings) -> str | None:
    segment, text = key[-1].upper(), str(value).strip()
    return None if text in labels.DEFAULT_ADVICE[segment] else text


def _parse_reference_date(key: str, value: object, base: Settings) -> dt.date | None:
    try:
        date = parse_date(value)
    except ValueError:
        base._fail(key, value, "set.hint.date")
    return date.date() if date else None


def _parse_months(key: str, value: object, base: Settings) -> int:
    number = _number(key, value, base, "set.hint.months")
    if number != int(number):
        base._fail(key, value, "set.hint.months")
    return int(number)


def _field(key: str) -> tuple[object, str | None]:
    """(parser, mapping field or None) of a setting key; (None, None) for no such key."""
    if key in _FIELDS:
        return _FIELDS[key], None
    for prefix, parse, part in _PREFIXES:
        if key.startswith(prefix):
            return parse, part
    return None, None


def _number(key: str, value: object, base: Settings, hint: str) -> float:
    try:
        number = parse_amount(value)
    except ValueError:
        number = None
    if number is None or number < 0:
        base._fail(key, value, hint)
    return number


def _parse_rule(key: str, value: object, base: Settings) -> Rule:
    match = _RULE.match(str(value))
    if not match:
        base._fail(key, value, "set.hint.rule")
    column_text, op, number_text = match.groups()
    found = match_headers([column_text], RULE_DATA_KEYS)
    if not found:
        base._fail(key, value, "set.hint.rule_column", column=column_text)
    try:
        threshold = parse_amount(number_text)
    except ValueError:
        threshold = None
    if threshold is None:
        base._fail(key, value, "set.hint.rule")
    return Rule(next(iter(found)), _OPS[op], threshold)


# ---- verwantschap (affinity) ----------------------------------------------------------


def _validate_affinity(settings: Settings) -> None:
    size = settings.affinity_min_group
    if isinstance(size, bool) or not isinstance(size, int) or not 1 <= size <= 1000:
        settings._fail("affinity_min_group", size, "set.hint.min_group")
    names = settings.affinity_columns
    if not isinstance(names, tuple) or not all(isinstance(n, str) and n for n in names):
        settings._fail("affinity_columns", names, "set.hint.columns")
    flag = settings.affinity_flag
    if isinstance(flag, bool) or not isinstance(flag, (int, float)) or not 0 <= flag <= 100:
        settings._fail("affinity_flag", flag, "set.hint.similarity")


def _affinity_values(settings: Settings) -> dict[str, object]:
    flag = settings.affinity_flag
    return {
        "affinity_min_group": settings.affinity_min_group,
        "affinity_columns": ", ".join(settings.affinity_columns),
        "affinity_flag": int(flag) if float(flag).is_integer() else flag,
    }


def _parse_affinity(key: str, value: object, base: Settings) -> object:
    """One affinity setting from its cell (blank values never reach here)."""
    if key == "affinity_columns":
        names = re.split(r"[,;\n]", str(value))
        return tuple(name.strip() for name in names if name.strip())
    if key == "affinity_min_group":
        number = _number(key, value, base, "set.hint.min_group")
        if number != int(number):
            base._fail(key, value, "set.hint.min_group")
        return int(number)
    return _number(key, value, base, "set.hint.similarity")


# ---- order history, profitability and portfolio (articles 000, 001, 004) ----------------
HISTORY_PERCENTS = ("potential_drop", "big_order", "cost_share", "develop_share")
HISTORY_COUNTS = ("few_orders", "frequent_orders")
HISTORY_NUMBERS = ("hourly_rate", "on_time_days", "late_days")


def _parse_history_value(key: str, value: object, base: Settings) -> float | int:
    """A sheet value for one of the order-history settings; percentages become fractions."""
    if key in HISTORY_PERCENTS:
        hint = "set.hint.percent_any" if key == "big_order" else "set.hint.percent"
        number = _number(key, value, base, hint)
        if isinstance(value, float) and 0 < number <= 1:
            number *= 100  # a cell formatted as percentage holds 0.5
        return number / 100
    if key in HISTORY_COUNTS:
        number = _number(key, value, base, "set.hint.count")
        if number != int(number):
            base._fail(key, value, "set.hint.count")
        return int(number)
    return _number(key, value, base, "set.hint.number")


# ---- the Actielijst --------------------------------------------------------------------


def _kind_list(lang: str) -> str:
    return ", ".join(labels.action_kind(k, lang) for k in labels.ACTION_RULES)


def _parse_action_order(key: str, value: object, base: Settings) -> tuple[str, ...]:
    """'Aandacht, Potentie, A-bezoek' (either language, any case) -> the kinds' keys."""
    words = {
        normalise(word): kind for kind in labels.ACTION_RULES for word in labels.ACTION_KINDS[kind]
    }
    kinds = []
    for part in re.split(r"[,;\n]", str(value)):
        if not part.strip():
            continue
        kind = words.get(normalise(part))
        if kind is None or kind in kinds:
            base._fail(key, value, "set.hint.action_order", kinds=_kind_list(base.lang))
        kinds.append(kind)
    return tuple(kinds)


_RULE_CRITERIA = {"rule_margin": "margin", "rule_speed": "speed"}
# every setting: key -> parser(key, value, base) of its non-blank sheet value
_FIELDS = {
    "lang": lambda key, value, base: _parse_lang(value),
    "revenue_method": _parse_method,
    "pareto_high": _parse_pareto_limit,
    "pareto_mid": _parse_pareto_limit,
    "amount_high": _parse_amount_limit,
    "amount_mid": _parse_amount_limit,
    "reference_date": _parse_reference_date,
    "recent_months": _parse_months,
    "silent_months": _parse_months,
    "visit_months": _parse_months,
    "contact_months": _parse_months,
    "reactivate_revenue": _parse_amount_limit,
    "action_order": _parse_action_order,
    **{k: _parse_history_value for k in HISTORY_PERCENTS + HISTORY_COUNTS + HISTORY_NUMBERS},
}
# settings by prefix: (prefix, parser, the mapping field the value goes into or None)
_PREFIXES = (
    ("matrix_", _parse_matrix_row, "matrix"),
    ("colour_", _parse_colour, "colours"),
    ("advice_", _parse_advice, "advice"),
    ("affinity_", _parse_affinity, None),
)
