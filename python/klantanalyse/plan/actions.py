"""The Actielijst sheet: a title, one line on the list, and the list as a filterable table
(header on row 4) with the owner's own `Gedaan` column last. Printed on A4 landscape, one
page wide, the header repeated on every page."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pandas as pd

from ..core import labels
from ..core.settings import SEGMENTS
from ..run import Run
from . import theme
from .model import (
    Area,
    Block,
    Column,
    ColumnBlock,
    Page,
    SheetPlan,
    Style,
    Styled,
    Table,
    ValueFill,
    columns_printed,
)
from .names import ACTION_TABLE, ACTIONS, SHEETS
from .placement import runs
from .target import Target
from .values import LINE_HEIGHT, MAX_ROW_HEIGHT, clean_list

TITLE_AT = (1, 1)
INTRO_AT = (2, 1)
HEADER_ROW = 4
KEYS = labels.ACTION_LIST_KEYS
WIDTHS = dict(enumerate((9, 30, 9, 13, 28, 50, 11, 10, 10), start=1))  # one A4 page wide
CHARACTERS_PER_WIDTH = 1.1  # characters of prose a unit of column width holds, wrapped
WRAPPED = ("act_todo", "act_why")  # columns whose text wraps


def action_clear(target: Target) -> SheetPlan:
    """What `Wis resultaten` clears on the Actielijst: everything the analysis wrote below the
    header, except the owner's `Gedaan` cells and the names beside them."""
    values = target.values(ACTIONS)
    bottom = max(len(values), HEADER_ROW + 1)
    span = len(KEYS)
    name, done = KEYS.index("customer") + 1, KEYS.index("act_done") + 1
    clear = [Area(TITLE_AT[0], 1, INTRO_AT[0], span)]
    clear += [
        Area(HEADER_ROW + 1, c, bottom, c) for c in range(1, span + 1) if c not in (name, done)
    ]
    unticked = [
        r
        for r in range(HEADER_ROW + 1, bottom + 1)
        if _blank(
            values[r - 1][done - 1] if r <= len(values) and len(values[r - 1]) >= done else None
        )
    ]
    clear += [Area(a, name, b, name) for a, b in runs(unticked)]
    ticked = [r for r in range(HEADER_ROW + 1, bottom + 1) if r not in set(unticked)]
    table = Table(ACTION_TABLE, Area(HEADER_ROW, 1, max(ticked, default=HEADER_ROW + 1), span), ())
    return SheetPlan(ACTIONS, SHEETS[ACTIONS], tables=(table,), clear=tuple(clear), optional=True)


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def action_sheet(run: Run, target: Target) -> SheetPlan:
    """Actielijst from A1: title, intro, the table (tblActielijst) from row 4."""
    lang = run.lang
    actions = run.actions
    rows = actions.rows
    date = labels.short_date(actions.reference, lang)
    if actions.count or len(rows):
        intro = labels.text("actions.intro", lang, date=date, count=actions.count)
    else:
        intro = labels.text("actions.none", lang, date=date)
    headers = [labels.header(k, lang) for k in KEYS]
    span = len(KEYS)
    blocks = (
        Block(
            *TITLE_AT,
            [[labels.text("actions.title", lang)]],
            (Styled(_one(TITLE_AT), theme.TITLE),),
        ),
        Block(*INTRO_AT, [[intro]]),
        Block(
            HEADER_ROW,
            1,
            [headers],
            (
                Styled(
                    Area(HEADER_ROW, 1, HEADER_ROW, span),
                    theme.RESULT_HEADER.merged(theme.HEADER_WRAP),
                ),
            ),
        ),
    )
    columns = _columns(run)
    first = HEADER_ROW + 1
    last = max(first + len(rows) - 1, first)
    heights = {HEADER_ROW: 2 * LINE_HEIGHT}  # wrapped headers
    heights.update(_wrapped_heights(columns, first))
    when = KEYS.index("act_when") + 1
    fills = {labels.when_word(k, lang): c for k, c in theme.WHEN_FILLS.items()}
    return SheetPlan(
        name=ACTIONS,
        code_name=SHEETS[ACTIONS],
        blocks=blocks,
        long_blocks=(ColumnBlock(first, 1, tuple(columns)),),
        widths=WIDTHS,
        heights=heights,
        fit_rows=Area(first, 1, last, span) if len(rows) else None,
        freeze=f"C{first}",
        tables=(Table(ACTION_TABLE, Area(HEADER_ROW, 1, last, span), tuple(headers)),),
        value_fills=(ValueFill(Area(first, when, last, when), fills),),
        page=Page(
            landscape=True,
            fit_width=1,
            fit_height=0,
            print_area=(columns_printed(1, span),),
            title_rows=f"{HEADER_ROW}:{HEADER_ROW}",
        ),
        clear_columns=(1, span) if target.update else None,
    )


def _wrapped_heights(columns: list[Column], first: int) -> dict[int, float]:
    """Sheet row -> height for the rows (from `first`) whose wrapped texts take more than one
    line in their column."""
    lines = np.ones(len(columns[0].values), dtype=np.int64)
    for key in WRAPPED:
        texts = pd.Series(columns[KEYS.index(key)].values, dtype=object).astype(str)
        per_line = int(WIDTHS[KEYS.index(key) + 1] * CHARACTERS_PER_WIDTH)
        lines = np.maximum(lines, -(-texts.str.len().to_numpy(dtype=np.int64) // per_line))
    tall = np.flatnonzero(lines > 1)
    heights = np.minimum(lines[tall] * LINE_HEIGHT, MAX_ROW_HEIGHT)
    return dict(zip((tall + first).tolist(), heights.tolist(), strict=True))


def _words(keys: pd.Series, word: Callable[[str], str]) -> list[str | None]:
    """`word(key)` per row (None for a blank key), each distinct key asked once."""
    codes, distinct = pd.factorize(keys)  # a blank key: code -1, the None at the end
    words = [word(k) if k else None for k in distinct.tolist()] + [None]
    return np.array(words, dtype=object)[codes].tolist()


def _one(at: tuple[int, int]) -> Area:
    return Area(at[0], at[1], at[0], at[1])


def _columns(run: Run) -> list[Column]:
    """The table's columns top down, in the order of KEYS."""
    lang = run.lang
    rows = run.actions.rows
    segment_styles = {
        s: Style(vertical="top", fill=theme.fill_of(run.settings.colours[s])) for s in SEGMENTS
    }
    values = {
        "act_priority": rows["priority"].to_numpy(dtype=object, na_value=None).tolist(),
        "customer": clean_list(rows["customer"].tolist()),
        "segment": clean_list(rows["segment"].tolist()),
        "act_kind": _words(rows["kind"], lambda k: labels.action_kind(k, lang)),
        "act_todo": rows["todo"].tolist(),
        "act_why": rows["why"].tolist(),
        "act_when": _words(rows["when"], lambda k: labels.when_word(k, lang)),
        "revenue": clean_list(rows["revenue"].tolist()),
        "act_done": clean_list(rows["done"].tolist()),
    }
    styles = {
        "act_priority": theme.TOP_CENTRE,
        "act_todo": theme.WRAP,
        "act_why": theme.WRAP,
        "revenue": Style(vertical="top", number_format=theme.MONEY_FORMAT),
    }
    return [
        Column(
            values[key],
            styles.get(key, theme.TOP),
            segment_styles if key == "segment" else {},
        )
        for key in KEYS
    ]
