"""A long run says what it is doing: nothing for a quick run, one updating line on a
terminal, a plain line per step elsewhere, the step in the status bar on the ribbon.

The clock is the test's own: no test waits for seconds to pass."""

from __future__ import annotations

import io

from excel_books import frame_rows, macro_book
from klantanalyse import demo
from klantanalyse.excel import actions
from klantanalyse.pipeline import analyse_file
from klantanalyse.progress import Progress
from oracle_helpers import DEMO


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def progress(tty: bool) -> tuple[Progress, io.StringIO, Clock]:
    stream, clock = io.StringIO(), Clock()
    return Progress(stream, "nl", tty=tty, clock=clock, delay=2.0), stream, clock


def test_a_quick_run_shows_nothing():
    shown, stream, clock = progress(tty=True)
    shown.step("read")
    clock.now += 1.5
    shown.tick()
    shown.step("write")
    shown.done()
    assert stream.getvalue() == ""


def test_plain_lines_once_a_run_takes_two_seconds():
    shown, stream, clock = progress(tty=False)
    shown.step("read")
    clock.now += 1.0
    shown.tick()
    assert stream.getvalue() == ""
    clock.now += 1.5
    shown.tick()
    shown.tick()  # the same step: no second line
    clock.now += 5
    shown.step("write")
    shown.done()
    assert stream.getvalue() == (
        "Klantanalyse: invoer lezen...\nKlantanalyse: werkmap schrijven...\n"
    )


def test_one_updating_line_on_a_terminal():
    shown, stream, clock = progress(tty=True)
    shown.step("analyse")
    clock.now += 2.2
    shown.tick()
    clock.now += 10
    shown.step("write")
    shown.done()
    first = "Klantanalyse: klanten analyseren... 2 s"
    second = "Klantanalyse: werkmap schrijven... 12 s"
    assert stream.getvalue() == (
        "\r" + first + "\r" + second.ljust(len(first)) + "\r" + " " * len(second) + "\r"
    )
    assert "\n" not in stream.getvalue()  # one line, wiped at the end


def test_the_command_reports_each_step_in_order(tmp_path):
    steps: list[str] = []
    analyse_file(DEMO / "klanten.csv", tmp_path / "o.xlsx", progress=steps.append)
    assert steps == ["read", "analyse", "affinity", "actions", "write", "finish"]


def test_the_ribbon_shows_each_step_in_the_status_bar(monkeypatch):
    data = demo.generate()
    fake = macro_book(frame_rows(data.customers), frame_rows(data.orders))
    fake.install(monkeypatch)
    actions.analyse()
    texts = [s for s in fake.statuses if isinstance(s, str)]
    assert texts == [
        "Klantanalyse: bezig met analyseren...",
        "Klantanalyse: bezig met klanten analyseren...",
        "Klantanalyse: bezig met verwantschap berekenen...",
        "Klantanalyse: bezig met actielijst maken...",
        "Klantanalyse: bezig met resultaten in de werkmap zetten...",
    ]
    assert fake.status_bar is False  # back to Excel's own when done
