"""What a long run is doing, said while it runs: one updating line on a terminal, plain
lines elsewhere (a log, a pipe), nothing at all for a run that is done within DELAY seconds.

A front calls `step(key)` when a step begins (the keys are `labels` texts `progress.<key>`);
a background thread calls `tick()` a few times a second, which shows the current step once
the run has taken DELAY seconds. `tick` can be called by hand too (the tests do), with a
clock of their own.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import TextIO

from .core import labels

DELAY = 2.0  # seconds before anything is shown
INTERVAL = 0.25  # seconds between two updates of the line


class Progress:
    """Progress of one run on `stream` (standard error), in `lang`."""

    def __init__(
        self,
        stream: TextIO,
        lang: str = "nl",
        tty: bool | None = None,
        clock: Callable[[], float] = time.monotonic,
        delay: float | None = None,  # None: DELAY
    ):
        self.stream = stream
        self.lang = lang
        self.tty = stream.isatty() if tty is None else tty
        self.clock = clock
        self.delay = DELAY if delay is None else delay
        self.start = clock()
        self.current: str | None = None
        self.shown: str | None = None  # the step a plain line was written for
        self.width = 0  # characters of the updating line on a terminal
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def step(self, key: str) -> None:
        """A step of the run begins."""
        with self._lock:
            self.current = labels.text(f"progress.{key}", self.lang)
        self.tick()

    def tick(self) -> None:
        """Show the current step, once the run has taken `delay` seconds."""
        with self._lock:
            elapsed = self.clock() - self.start
            if self.current is None or elapsed < self.delay:
                return
            if self.tty:
                line = labels.text(
                    "progress.line", self.lang, step=self.current, seconds=int(elapsed)
                )
                self.stream.write("\r" + line.ljust(self.width))
                self.width = len(line)
            elif self.shown != self.current:
                self.stream.write(labels.text("progress.plain", self.lang, step=self.current))
                self.stream.write("\n")
                self.shown = self.current
            self.stream.flush()

    def done(self) -> None:
        """The run is over: the updating line is wiped, so the run's report starts clean."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join()
        with self._lock:
            if self.tty and self.width:
                self.stream.write("\r" + " " * self.width + "\r")
                self.stream.flush()
            self.width = 0

    def _run(self) -> None:
        while not self._stop.wait(INTERVAL):
            self.tick()

    def __enter__(self) -> Progress:
        self._thread = threading.Thread(target=self._run, name="progress", daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *_exc) -> None:
        self.done()
