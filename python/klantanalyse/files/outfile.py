"""The file system side of writing an output: its temporary file, and other programs
that have it open."""

from __future__ import annotations

import errno
import os
import secrets
from pathlib import Path

from ..core import labels

OUTPUT_SUFFIXES = (".xlsx", ".xlsm")


def default_output(input_path: Path) -> Path:
    """`klanten.csv` -> `klanten-analyse.xlsx`; an .xlsm stays an .xlsm."""
    suffix = ".xlsm" if input_path.suffix.lower() == ".xlsm" else ".xlsx"
    return input_path.with_name(f"{input_path.stem}-analyse{suffix}")


_FLAGS = (
    os.O_RDWR | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0) | getattr(os, "O_NOFOLLOW", 0)
)


def claim_temp(folder: Path, prefix: str, suffix: str) -> Path:
    """A new empty file `prefix` + random + `suffix` in `folder`, only this process's.

    Unlike `tempfile.mkstemp` (mode 0600) it is created as any program creates a file,
    with mode 0666 less the umask (or what the folder's default ACL says), so the output
    that replaces the old one can be opened by whoever could open a file saved there."""
    for _ in range(100):
        path = folder / f"{prefix}{secrets.token_hex(4)}{suffix}"
        try:
            os.close(os.open(path, _FLAGS, 0o666))
        except FileExistsError:
            continue
        return path
    raise FileExistsError(errno.EEXIST, "no unused temporary file name", str(folder))


def lock_files(path: Path) -> list[Path]:
    """The lock files beside `path` that say another program has it open: LibreOffice's
    `.~lock.NAME#` and Excel's `~$NAME`."""
    candidates = [path.with_name(f".~lock.{path.name}#"), path.with_name(f"~${path.name}")]
    return [c for c in candidates if c.exists()]


def open_elsewhere_warnings(path: Path, lang: str) -> tuple[str, ...]:
    """A warning when `path` is open in another program (its lock file is there).

    It is a warning, not a refusal: on Linux and macOS the output is replaced safely all
    the same (the other program keeps its own copy), and a lock file that a crash left
    behind must not stop every later run. On Windows the replacement itself fails while
    Excel has the file open, with its own message."""
    locks = lock_files(path)
    if not locks:
        return ()
    return (labels.text("warn.open_elsewhere", lang, file=str(path), lock=locks[0].name),)
