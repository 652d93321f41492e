"""The one module that writes workbook files: a workbook plan, rendered sheet by sheet
(`render`), saved to a temporary file that replaces the output only when complete. The long
runs of rows (customers, orders, chart data) are serialised by `sheetdata` and added to the
sheets as the package is saved.
"""

from __future__ import annotations

import contextlib
import errno
import glob
import io
import os
import shutil
import signal
import tempfile
from collections.abc import Callable
from pathlib import Path

from openpyxl import Workbook

from ..core import labels
from ..errors import FileError
from ..plan.model import BookPlan
from .outfile import claim_temp
from .render import render_sheet
from .sheetdata import RowBlock, deflate_level, rows_xml, splice

# the long runs of rows per sheet (customers, orders, chart data), serialised in sheetdata
LongRows = dict[object, RowBlock]


def write_workbook(
    path: str | Path,
    plan: BookPlan,
    finish: Callable[[Path], None] | None = None,
    lang: str = "nl",
) -> Path:
    """Write `plan` to `path` atomically; `finish(tmp)` may post-process the package."""
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        key = "file.parent_not_folder" if folder.exists() else "file.no_folder"
        raise FileError(labels.text(key, lang, folder=str(folder)))
    _remove_stale_temps(folder, path)
    tmp: Path | None = None
    book: Workbook | None = None
    try:
        with _stop_signals_held():  # a stop signal waits until `tmp` is looked after
            try:  # first claim a place next to the output: no work is done that cannot be saved
                prefix = f"{_TEMP_PREFIX}{path.stem}.{os.getpid()}."
                tmp = claim_temp(folder, prefix, path.suffix)
            except OSError as exc:
                raise _write_error(exc, path, folder, lang) from exc
            book = Workbook(write_only=True)
        _save(book, _build(book, plan), tmp)
        if finish is not None:
            finish(tmp)
        _sync(tmp)
        os.replace(tmp, path)
    except OSError as exc:
        raise _write_error(exc, path, folder, lang, replacing=True) from exc
    except Exception as exc:  # sheets stream through the temporary folder: is it full?
        if temp_folder_full():
            folder = tempfile.gettempdir()
            raise FileError(labels.text("file.temp_full", lang, folder=folder)) from exc
        raise
    finally:
        if tmp is not None and tmp.exists():
            tmp.unlink()
        if book is not None:
            _discard(book)
    return path


_TEMP_PREFIX = ".~"


@contextlib.contextmanager
def _stop_signals_held():
    """Hold SIGTERM, SIGHUP and SIGINT back (POSIX) while the block runs."""
    held = [getattr(signal, n) for n in ("SIGTERM", "SIGHUP", "SIGINT") if hasattr(signal, n)]
    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, held)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def temp_folder_full(margin: int = 1 << 20) -> bool:
    """True when the temporary folder has less than `margin` bytes free."""
    try:
        return shutil.disk_usage(tempfile.gettempdir()).free < margin
    except OSError:
        return False


def _remove_stale_temps(folder: Path, path: Path) -> None:
    """Remove temporary files a killed earlier run left for `path` (their process is gone)."""
    if os.name != "posix":
        return
    start = f"{_TEMP_PREFIX}{path.stem}."
    for tmp in folder.glob(glob.escape(start) + "*" + glob.escape(path.suffix)):
        pid = tmp.name[len(start) :].split(".", 1)[0]
        if not pid.isdigit() or int(pid) == os.getpid():
            continue
        try:
            os.kill(int(pid), 0)
        except ProcessLookupError:
            tmp.unlink(missing_ok=True)
        except OSError:
            continue


def remove_own_temps(path: Path) -> None:
    """Remove what this process left for `path` when it was stopped by a signal at a moment
    its own clean-up could not run."""
    folder = path.parent if str(path.parent) else Path(".")
    start = f"{_TEMP_PREFIX}{path.stem}.{os.getpid()}."
    for tmp in folder.glob(glob.escape(start) + "*" + glob.escape(path.suffix)):
        tmp.unlink(missing_ok=True)


def _discard(book: Workbook) -> None:
    """Close the sheets of a workbook that was not saved (each streams to a temporary file)."""
    for ws in book.worksheets:
        if not getattr(ws, "closed", True):
            try:
                ws.close()
            except Exception:  # only tidying up after a failure
                pass


def _build(book: Workbook, plan: BookPlan) -> LongRows:
    """Render every sheet of `plan` into `book` (streaming mode); the long runs of rows
    come back, to be added when the package is saved (see `_save`)."""
    rows: LongRows = {}
    book.code_name = plan.code_name
    for sheet in plan.sheets:
        block = render_sheet(book, sheet)
        if block is not None:
            rows[book.worksheets[-1]] = block
    return rows


def _save(book: Workbook, rows: LongRows, path: Path) -> None:
    """Save `book` to `path` with the long runs of rows in their sheets."""
    sources = {ws: rows_xml(ws, block) for ws, block in rows.items()}
    package = io.BytesIO()
    book.save(package)  # the sheets hold their headers and short blocks: a small package
    parts = {ws.path[1:]: source for ws, source in sources.items()}
    levels = {ws.path[1:]: deflate_level(block) for ws, block in rows.items()}
    with path.open("wb") as out:
        splice(package.getvalue(), parts, out, levels)


def _sync(path: Path) -> None:
    """Flush a finished file to disk, so the rename never exposes a half-written one."""
    with path.open("rb+") as handle:
        os.fsync(handle.fileno())


def _write_error(
    exc: OSError, path: Path, folder: Path, lang: str, replacing: bool = False
) -> FileError:
    """One sentence for a failed write: disk full, no permission, file open elsewhere."""
    if exc.errno == errno.ENOSPC:
        return FileError(labels.text("file.disk_full", lang, file=str(path)))
    if isinstance(exc, PermissionError):
        if replacing and path.exists():
            return FileError(labels.text("file.locked", lang, file=str(path)))
        return FileError(labels.text("file.no_permission", lang, folder=str(folder)))
    return FileError(
        labels.text("file.cannot_write", lang, file=str(path), reason=exc.strerror or exc)
    )
