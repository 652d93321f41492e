"""An input file's bytes and its open workbook, each sheet checked and read once: no pandas
(so that reading can begin while the rest of the program is still being loaded)."""

from __future__ import annotations

import io
from pathlib import Path

from ..core import labels
from ..core.words import normalise, where
from ..errors import FileError
from . import guard

WORKBOOK_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".ods")
CSV_SUFFIXES = (".csv", ".csv.gz")


def suffix(path: Path) -> str:
    """'.csv', '.csv.gz', '.xlsx', ... in lower case."""
    suffixes = [s.lower() for s in path.suffixes[-2:]]
    if suffixes[-1:] == [".gz"]:
        return "".join(suffixes)
    return suffixes[-1] if suffixes else ""


def snapshot(path: Path, lang: str = "nl") -> guard.Snapshot:
    """The bytes of an input file, read once (within the size limit of its kind)."""
    if path.is_dir():
        raise FileError(labels.text("file.is_dir", lang, file=str(path)))
    kind = suffix(path)
    if kind not in CSV_SUFFIXES + WORKBOOK_SUFFIXES:
        if not path.exists():
            raise FileError(labels.text("file.missing", lang, file=str(path)))
        raise FileError(labels.text("file.bad_suffix", lang, file=path.name, suffix=kind or "-"))
    if kind in CSV_SUFFIXES:
        return guard.read_snapshot(path, guard.MAX_CSV_BYTES, lang, csv=True)
    return guard.read_snapshot(path, guard.MAX_FILE_BYTES, lang)


class Sheets:
    """An open workbook whose sheets are read once, on first use. Everything is read from
    the snapshot's bytes: the file checked is the file read, whatever happens to it."""

    def __init__(self, shot: guard.Snapshot, lang: str):
        from python_calamine import CalamineWorkbook, PasswordError

        path = shot.path
        self.path, self.lang, self.snapshot = path, lang, shot
        self.notes: list[str] = []
        # refuses what must not be opened, then checks what calamine reads when it opens
        self.format = guard.workbook_format(shot.data, path.name, lang)
        self.package = guard.Package(shot.data, path.name, lang) if self.format == "xlsx" else None
        try:
            self.book = CalamineWorkbook.from_filelike(io.BytesIO(shot.data))
        except PasswordError as exc:
            raise FileError(labels.text("file.encrypted", lang, file=path.name)) from exc
        except Exception as exc:  # calamine raises several types for damaged files
            raise FileError(labels.text("file.unreadable", lang, file=path.name)) from exc
        self.names = list(self.book.sheet_names)
        self.by_norm = {normalise(n): n for n in self.names}
        self._rows: dict[str, list[list[object]]] = {}

    def find(self, *names: str) -> str | None:
        """The actual name of the first sheet called one of `names` (any spelling)."""
        return next(
            (self.by_norm[normalise(n)] for n in names if normalise(n) in self.by_norm), None
        )

    def rows(self, name: str) -> list[list[object]]:
        """The cells of sheet `name`, checked first (a note when it is protected)."""
        if name not in self._rows:
            protected = self.package is not None and self.package.check_sheet(name).protected
            try:
                sheet = self.book.get_sheet_by_name(name)
                guard.check_area(self.path.name, name, sheet.end, self.lang)
                self._rows[name] = sheet.to_python(skip_empty_area=False)
            except FileError:
                raise
            except Exception as exc:
                raise FileError(
                    labels.text("file.bad_sheet", self.lang, file=self.path.name, sheet=name)
                ) from exc
            if protected:
                place = where(self.path, name, self.lang)
                self.notes.append(labels.text("warn.protected", self.lang, where=place))
        return self._rows[name]

    def close(self) -> None:
        self.book.close()
        if self.package is not None:
            self.package.close()
