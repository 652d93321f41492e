"""The collector of reference cycles is paused while a file is read, analysed and written
(the command line, the library's `analyse_file`), and is back as it was afterwards,
whichever way the run ends."""

from __future__ import annotations

import gc

import pytest

from klantanalyse import run
from klantanalyse.errors import FileError
from klantanalyse.pipeline import analyse_file
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
