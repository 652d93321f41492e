"""Reading ahead: the command line reads its input's customer sheet while the analysis and
the writer (pandas, openpyxl) are being loaded, a large input's first second.

The reading takes the same steps the reader takes first (the bytes, the checks of the
package, calamine opening it, then the customer sheet) and keeps what succeeded. The reader
then goes its own way: a sheet read ahead is not read again, and a step that failed here is
simply taken again, so that every problem is met, and named, where the reader meets it
without reading ahead. The loading runs in a thread from the moment calamine parses (which
does not hold the interpreter; the checks before it run alone); the cells stay in the main
thread. No pandas here.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

from ..core import labels
from . import guard
from .sheets import WORKBOOK_SUFFIXES, Sheets, snapshot, suffix


class ReadAhead:
    """What was read of an input before its reader ran, handed over once (`take`)."""

    def __init__(self, path: Path, lang: str):
        self.path, self.lang = path, lang
        self.shot: guard.Snapshot | None = None
        self.sheets: Sheets | None = None
        self.error: BaseException | None = None
        self.taken = False

    def take(self, path: Path, lang: str) -> tuple[guard.Snapshot, Sheets | None] | None:
        """(snapshot, open workbook or None for a CSV) of `path` read in `lang`, once; None
        when this is not that input (the reader then reads it itself). Raises what reading
        the bytes or opening the workbook raised."""
        if self.taken or path != self.path or lang != self.lang:
            return None
        self.taken = True
        if self.error is not None:
            raise self.error
        assert self.shot is not None
        found = self.shot, self.sheets
        self.shot = self.sheets = None  # the reader's now: freed when it is done with them
        return found


def read_ahead(path: str | Path, lang: str, meanwhile: Callable[[], None]) -> ReadAhead:
    """The input at `path`, its customer sheet read, while `meanwhile` ran in a thread (it
    has ended when this returns; what it raised is raised here)."""
    ahead = ReadAhead(Path(path), lang)
    with ThreadPoolExecutor(1, thread_name_prefix="load") as pool:
        loading: list[Future] = []

        def start_loading() -> None:
            if not loading:
                loading.append(pool.submit(meanwhile))

        try:
            ahead.shot = snapshot(ahead.path, lang)
            if suffix(ahead.path) in WORKBOOK_SUFFIXES:
                ahead.sheets = Sheets(ahead.shot, lang)
        except Exception as exc:  # raised again where the reader takes this step
            ahead.error = exc
        else:
            _read_first_sheet(ahead.sheets, start_loading)
        start_loading()
        loading[0].result()
    return ahead


def _read_first_sheet(sheets: Sheets | None, checked: Callable[[], None]) -> None:
    """Check, then read, the sheet a reader reads first; `checked()` between the two."""
    name = first_sheet(sheets)
    if sheets is None or name is None:
        return
    try:
        try:
            if sheets.package is not None:
                sheets.package.check_sheet(name)
        finally:
            checked()
        sheets.rows(name)  # calamine parses without holding the interpreter
    except Exception:  # the reader meets it again, in its own order
        return


def first_sheet(sheets: Sheets | None) -> str | None:
    """The sheet a reader of this workbook reads first: the customer sheet (by its name,
    else the first sheet that is not a prospect list or an action list); its parse is long
    enough to load the rest in."""
    if sheets is None:
        return None
    aliases = labels.SHEET_ALIASES
    others = {sheets.find(*aliases["prospects"]), sheets.find(*aliases["actions"])}
    return sheets.find(*aliases["customers"]) or next(
        (name for name in sheets.names if name not in others), None
    )
