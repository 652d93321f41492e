"""Texts longer than a cell holds are counted for the warning: every such text, the first
by row and column, and nothing else of that length (a list or bytes is no text)."""

from __future__ import annotations

import pandas as pd

from klantanalyse.files.report import long_texts

LIMIT = 32_767


def test_every_long_text_is_counted_and_the_first_named():
    rows = [2, 3, 5, 6]
    frame = pd.DataFrame(
        {
            "Klant": pd.Series(["A", "B", "C", None], index=rows, dtype=object),
            "Omzet": pd.Series([1.0, 2.0, 3.0, 4.0], index=rows),
            "Notitie": pd.Series(
                ["kort", "n" * (LIMIT + 1), None, "m" * 40_000], index=rows, dtype=object
            ),
            "Extra": pd.Series(
                ["x" * LIMIT, ["l"] * 40_000, b"b" * 40_000, 7], index=rows, dtype=object
            ),
        }
    )
    assert long_texts(frame) == (2, (3, "Notitie"))


def test_a_table_without_long_texts_has_none():
    frame = pd.DataFrame({"Klant": ["A", "x" * LIMIT], "Leeg": [None, None]}, dtype=object)
    assert long_texts(frame) == (0, None)
    assert long_texts(pd.DataFrame()) == (0, None)


def test_the_plain_loop_counts_the_same(monkeypatch):
    """Without pandas' own loop (an internal of pandas) the plain one finds the same."""
    from klantanalyse.files import report

    monkeypatch.setattr(report, "_max_text_length", None)
    test_every_long_text_is_counted_and_the_first_named()
    test_a_table_without_long_texts_has_none()


def test_a_read_only_column_is_looked_at():
    values = pd.Series(["y" * (LIMIT + 5), "kort"], index=[4, 5], dtype=object)
    frame = pd.DataFrame({"Notitie": values})
    frame["Notitie"].to_numpy().flags.writeable = False  # as pandas' copy-on-write hands it
    assert long_texts(frame) == (1, (4, "Notitie"))
