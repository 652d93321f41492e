"""The rows of the sheets only the macro workbook has: Start's text and xlwings.conf."""

from __future__ import annotations

from ..core import labels
from ..layout import STATUS_AT, Rows
from .vba import UDF_MODULE

# Start: text rows above the status block, the set-up steps below it.
SETUP_ROW = STATUS_AT[0] + 6  # two rows after the status block (title + 4 rows)
CONF_NOTES_COLUMN = 4  # D: xlwings reads keys from A and values from B only


def _pick(row: tuple[str, str, str, str], lang: str) -> list[object]:
    label, text = (row[1], row[3]) if lang == "en" else (row[0], row[2])
    return [None, label or None, text or None]


def start_rows(lang: str = "nl", xlwings_version: str | None = None) -> Rows:
    """Start!A1 onwards: title in A1, labels in column B, texts in column C; the rows of the
    status block (Start!B20) are left empty for it."""
    if xlwings_version is None:
        import xlwings

        xlwings_version = xlwings.__version__
    title = labels.START_TITLE[1 if lang == "en" else 0]
    rows: Rows = [[title]]
    rows += [_pick(row, lang) for row in labels.START_TOP]
    if len(rows) >= STATUS_AT[0]:
        raise ValueError("the Start text runs into the status block; shorten START_TOP")
    rows += [[] for _ in range(SETUP_ROW - 1 - len(rows))]
    for row in labels.START_SETUP:
        _, label, text = _pick(row, lang)
        rows.append([None, label, text.format(xlwings=xlwings_version) if text else None])
    return rows


def conf_rows(lang: str = "nl", udf_module: str = UDF_MODULE, keys: Rows | None = None) -> Rows:
    """xlwings.conf: key/value rows from A1 (by default only `UDF MODULES`), notes in column D.

    No interpreter key: xlwings' default (`python` on the PATH) then applies, and so does a
    user's own xlwings configuration, which any key on this sheet would override, even one
    with an empty value. `keys` replaces the default rows (a workbook's own, kept on rerun).
    """
    pairs = [list(row[:2]) for row in keys] if keys is not None else [["UDF MODULES", udf_module]]
    notes = [note[1] if lang == "en" else note[0] for note in labels.CONF_NOTES]
    rows: Rows = []
    for i in range(max(len(pairs), len(notes))):
        key_value = pairs[i] if i < len(pairs) else [None, None]
        note = notes[i] if i < len(notes) else None
        rows.append([*key_value, None, note])
    return rows
