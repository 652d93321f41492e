"""The collector of reference cycles, paused for a run (no pandas: the command line pauses it
before the analysis is loaded)."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """The collector of reference cycles paused while a file is read, analysed and written:
    a large run holds millions of objects until it ends (the rows calamine hands over, the
    cells, the frames), and every full collection would walk them all again (an eighth of
    the time at a million customers). Memory is still freed by reference counting as it
    goes; the collector is back as it was once the run ends, whichever way it ends."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()
