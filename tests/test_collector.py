"""The collector of reference cycles is paused while a front reads, runs and writes, and is
back as it was afterwards, whichever way the run ends: on the command line, on the ribbon
and in Lite."""

from __future__ import annotations

import gc

import pytest

from excel_books import frame_rows, macro_book
from excel_data import customers
from klantanalyse import demo, run
from klantanalyse.errors import FileError
from klantanalyse.excel import actions
from klantanalyse.lite import scripts
from klantanalyse.pipeline import analyse_file
from lite_standin import lite_book
from oracle_helpers import DEMO


@pytest.fixture
def seen(monkeypatch) -> list[bool]:
    """Whether the collector was on, each time the analysis ran."""
    states: list[bool] = []
    analyse_tables = run.analyse_tables

    def watched(*args, **kwargs):
        states.append(gc.isenabled())
        return analyse_tables(*args, **kwargs)

    monkeypatch.setattr(run, "analyse_tables", watched)
    return states


@pytest.fixture
def collector_on():
    was_on = gc.isenabled()
    gc.enable()
    yield
    if not was_on:
        gc.disable()


def test_the_command_runs_with_the_collector_paused(tmp_path, seen, collector_on):
    steps: list[bool] = []
    analyse_file(
        DEMO / "klanten.csv", tmp_path / "o.xlsx", progress=lambda _: steps.append(gc.isenabled())
    )
    assert seen == [False]
    assert steps and not any(steps)  # reading and writing too
    assert gc.isenabled()


def test_the_collector_is_back_after_a_refused_input(tmp_path, collector_on):
    with pytest.raises(FileError):
        analyse_file(tmp_path / "missing.xlsx", tmp_path / "o.xlsx")
    assert gc.isenabled()


def test_a_collector_that_was_off_stays_off(tmp_path, seen):
    was_on = gc.isenabled()
    gc.disable()
    try:
        analyse_file(DEMO / "klanten.csv", tmp_path / "o.xlsx")
        assert not gc.isenabled()
    finally:
        if was_on:
            gc.enable()
    assert seen == [False]


def test_the_ribbon_runs_with_the_collector_paused(monkeypatch, seen, collector_on):
    data = demo.generate()
    macro_book(frame_rows(data.customers), frame_rows(data.orders)).install(monkeypatch)
    actions.analyse()
    assert seen == [False]
    assert gc.isenabled()


def test_lite_runs_with_the_collector_paused(seen, collector_on):
    book = lite_book(customers(12))
    scripts.analyse(book.book)
    assert seen == [False]
    assert gc.isenabled()
