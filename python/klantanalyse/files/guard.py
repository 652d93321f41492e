"""Checks on an input file before a reader opens it.

A workbook reader trusts what a file says about itself: a two-cell sheet that puts its
second cell at XFD1048576 makes calamine allocate hundreds of gigabytes and abort the
process, a shared-string table that declares two billion entries does the same, and a
1 MB zip member can unpack to a gigabyte. Everything here looks at the file first, with
bounded memory, and raises `FileError` with one sentence when it will not fit:

- `workbook_format(path)`: what the file really is (by its first bytes, not its name),
  refusing empty, encrypted, truncated, HTML or text files, and zip bombs;
- `check_sheet(path, sheet)`: the used area of one .xlsx/.xlsm sheet, from the cell
  references in its XML, before calamine builds it;
- `read_csv_bytes(path)`: a CSV (or .csv.gz) read with a size cap.
"""

from __future__ import annotations

import gzip
import posixpath
import re
import zipfile
from pathlib import Path
from xml.etree import ElementTree

from ..core import labels
from ..errors import FileError

# ---- limits ------------------------------------------------------------------------------
# The used area (rows x columns, empty cells included) of one sheet. Reading costs about
# 150 bytes a cell from the file to the analysed table, so this keeps a read under 2 GB.
MAX_SHEET_CELLS = 10_000_000
# All parts of a workbook together, unpacked, as its zip directory declares them.
MAX_UNPACKED_BYTES = 2 << 30
# A part that unpacks to more than this many times its packed size is not a spreadsheet
# (real sheets pack 5-20x); only parts above RATIO_FLOOR_BYTES unpacked are judged.
MAX_PACK_RATIO = 200
RATIO_FLOOR_BYTES = 16 << 20
# Shared strings declared beyond those actually present (calamine reserves room up front).
SHARED_STRINGS_SLACK = 100_000
# A CSV file, or a .csv.gz once unpacked.
MAX_CSV_BYTES = 256 << 20

CHUNK_BYTES = 8 << 20

_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP = (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")
_ODS_MIME = b"application/vnd.oasis.opendocument.spreadsheet"
_REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"


def _utf16(name: str) -> bytes:
    return name.encode("utf-16-le")


def workbook_format(path: Path, lang: str = "nl") -> str:
    """'xlsx', 'ods' or 'xls': what calamine should read `path` as.

    Raises FileError for anything it must not or cannot read: an empty file, a workbook
    encrypted with a password, a truncated or damaged zip, a web page or text file saved
    under an Excel name, and packages that unpack beyond the limits above.
    """
    size = path.stat().st_size
    with path.open("rb") as handle:
        head = handle.read(4096)
    name = path.name
    if size == 0:
        raise FileError(labels.text("file.zero_bytes", lang, file=name))
    if head.startswith(_OLE2):
        return _ole2_format(path, lang)
    if head.startswith(_ZIP):
        return _zip_format(path, lang)
    if head.startswith(b"PK"):
        raise FileError(labels.text("file.truncated", lang, file=name))
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if text.startswith((b"<!doctype html", b"<html", b"<table", b"<meta")):
        raise FileError(labels.text("file.html", lang, file=name))
    if _looks_like_text(head):
        raise FileError(labels.text("file.text_named", lang, file=name))
    raise FileError(labels.text("file.unreadable", lang, file=name))


def _looks_like_text(head: bytes) -> bool:
    """True when the first bytes decode as text without control characters."""
    for encoding in ("utf-8", "cp1252"):
        try:
            sample = head.decode(encoding)
        except UnicodeDecodeError:
            continue
        return all(c.isprintable() or c in "\t\r\n" for c in sample[:-4])
    return False


def _ole2_format(path: Path, lang: str) -> str:
    """An OLE2 compound file: an encrypted Office package or a legacy .xls."""
    # the directory entries name the streams in UTF-16; a directory sector is 512 bytes
    # and sits anywhere in the file, so look through all of it (legacy files are small)
    data = path.read_bytes()
    if _utf16("EncryptedPackage") in data or _utf16("EncryptionInfo") in data:
        raise FileError(labels.text("file.encrypted", lang, file=path.name))
    if _utf16("Workbook") in data or _utf16("Book") in data:
        return "xls"
    raise FileError(labels.text("file.unreadable", lang, file=path.name))


def _open_zip(path: Path, lang: str) -> zipfile.ZipFile:
    try:
        return zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise FileError(labels.text("file.truncated", lang, file=path.name)) from exc


def _zip_format(path: Path, lang: str) -> str:
    with _open_zip(path, lang) as package:
        infos = package.infolist()
        _check_sizes(path, infos, lang)
        names = {info.filename for info in infos}
        if "mimetype" in names and package.read("mimetype").strip() == _ODS_MIME:
            _check_ods(path, package, lang)
            return "ods"
        if "EncryptedPackage" in names:
            raise FileError(labels.text("file.encrypted", lang, file=path.name))
        for info in infos:
            name = info.filename.lower()
            if name.endswith("sharedstrings.xml"):
                _check_shared_strings(path, package, info.filename, lang)
            elif name.endswith((".xml", ".rels")) and "/worksheets/" not in "/" + name:
                # parts a reader loads when it opens the file; sheets are checked when read
                for _ in _read_member(path, package, info.filename, lang):
                    pass
    return "xlsx"


def _check_sizes(path: Path, infos: list[zipfile.ZipInfo], lang: str) -> None:
    """Refuse a package whose parts unpack too large, together or alone."""
    total = sum(info.file_size for info in infos)
    if total > MAX_UNPACKED_BYTES:
        raise FileError(
            labels.text(
                "file.unpacks_too_big",
                lang,
                file=path.name,
                size=megabytes(total, lang),
                limit=megabytes(MAX_UNPACKED_BYTES, lang),
            )
        )
    for info in infos:
        if info.file_size > RATIO_FLOOR_BYTES and (
            info.file_size > MAX_PACK_RATIO * max(info.compress_size, 1)
        ):
            raise FileError(
                labels.text(
                    "file.pack_ratio",
                    lang,
                    file=path.name,
                    part=info.filename,
                    size=megabytes(info.file_size, lang),
                    packed=megabytes(info.compress_size, lang),
                )
            )


def _read_member(path: Path, package: zipfile.ZipFile, member: str, lang: str):
    """Yield the unpacked bytes of `member` in chunks; a damaged part is a FileError.

    zipfile stops at the size the directory declares and checks the CRC at the end, so a
    part that holds more than it declares cannot slip past the limits.
    """
    try:
        with package.open(member) as stream:
            while chunk := stream.read(CHUNK_BYTES):
                yield chunk
    except (zipfile.BadZipFile, OSError, EOFError, NotImplementedError) as exc:
        raise FileError(labels.text("file.unreadable", lang, file=path.name)) from exc


def _check_shared_strings(path: Path, package: zipfile.ZipFile, member: str, lang: str) -> None:
    """Refuse a shared-string table that declares far more entries than it holds."""
    declared = present = 0
    tail = b""
    for chunk in _read_member(path, package, member, lang):
        if not declared and not present:
            # readers reserve room for uniqueCount entries up front (count may be larger)
            counts = re.findall(rb'\buniqueCount\s*=\s*["\'](\d+)', chunk[:4096])
            declared = max(map(int, counts), default=0)
        buf = tail + chunk
        present += len(_SHARED_STRING.findall(buf, 0, max(len(buf) - 8, 0)))
        tail = buf[max(len(buf) - 8, 0) :]
    present += len(_SHARED_STRING.findall(tail))
    if declared > present + SHARED_STRINGS_SLACK:
        raise FileError(labels.text("file.damaged", lang, file=path.name))


_SHARED_STRING = re.compile(rb"<(?:\w+:)?si[\s>/]")


# ---- the used area of a sheet ------------------------------------------------------------

# Cells as nearly every writer puts them: the reference first (`<c r="B7" ...`). A sheet
# with any other cell (no reference, or the reference later) is walked exactly instead.
_CELL_COLUMN = re.compile(rb'<c r="([A-Za-z]{1,3})[0-9]')
_CELL_ROW = re.compile(rb'<c r="[A-Za-z]{1,3}([0-9]{1,9})"')
_ROW = re.compile(rb'<row r="([0-9]{1,9})"')
_ROOT_PREFIX = re.compile(rb"<([A-Za-z_][\w.-]*:)?worksheet[\s>]")


def column_number(letters: str) -> int:
    """'A' -> 1, 'xfd' -> 16384."""
    number = 0
    for letter in letters.upper():
        number = number * 26 + ord(letter) - 64
    return number


def check_sheet(path: Path, sheet: str, lang: str = "nl") -> None:
    """Refuse an .xlsx/.xlsm sheet whose used area exceeds MAX_SHEET_CELLS, before any
    reader builds it. A sheet that cannot be found in the package is left to the reader."""
    try:
        package = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError):
        return
    with package:
        member = _sheet_member(package, sheet)
        if member is None:
            return
        rows, columns = _used_area(path, package, member, lang)
    _refuse_area(path, sheet, rows, columns, lang)


def check_area(path: Path, sheet: str, end: tuple[int, int] | None, lang: str = "nl") -> None:
    """Refuse a sheet a reader has loaded (not yet converted) whose area is too large;
    `end` is the 0-based (row, column) of its last cell."""
    if end is not None:
        _refuse_area(path, sheet, end[0] + 1, end[1] + 1, lang)


def _refuse_area(path: Path, sheet: str, rows: int, columns: int, lang: str) -> None:
    if rows * columns <= MAX_SHEET_CELLS:
        return
    raise FileError(
        labels.text(
            "file.sheet_too_big",
            lang,
            where=labels.text("loc.sheet", lang, file=path.name, sheet=sheet),
            rows=labels.number(rows, lang),
            columns=labels.number(columns, lang),
            cells=labels.number(rows * columns, lang),
            limit=labels.number(MAX_SHEET_CELLS, lang),
        )
    )


def _sheet_member(package: zipfile.ZipFile, sheet: str) -> str | None:
    """The zip member that holds the worksheet called `sheet`."""
    try:
        root_rels = ElementTree.fromstring(package.read("_rels/.rels"))
        book = next(
            r.get("Target", "")
            for r in root_rels.iter(f"{{{_PKG_REL_NS}}}Relationship")
            if r.get("Type", "").endswith("/officeDocument")
        ).lstrip("/")
        folder, base = posixpath.split(book)
        rels = ElementTree.fromstring(package.read(posixpath.join(folder, "_rels", base + ".rels")))
        targets = {r.get("Id"): r.get("Target", "") for r in rels}
        workbook = ElementTree.fromstring(package.read(book))
    except (KeyError, StopIteration, ElementTree.ParseError, zipfile.BadZipFile, OSError):
        return None
    for element in workbook.iter():
        if element.tag.rsplit("}", 1)[-1] == "sheet" and element.get("name") == sheet:
            target = targets.get(element.get(f"{{{_REL_NS}}}id"))
            if not target:
                return None
            if target.startswith("/"):
                return target.lstrip("/")
            return posixpath.normpath(posixpath.join(folder, target))
    return None


def _used_area(path: Path, package: zipfile.ZipFile, member: str, lang: str) -> tuple[int, int]:
    """(rows, columns) of the area a reader fills in: up to the last row and column that
    any cell reference names. Cells without a reference (allowed, rarely written) follow
    the previous one, so for those the XML is walked exactly."""
    area = _Area()
    tail = b""
    for chunk in _read_member(path, package, member, lang):
        if not area.tags:
            area.start(chunk)
        buf = tail + chunk
        cut = buf.rfind(b"<")
        if cut <= 0:  # no tag starts here (text only): nothing to keep
            area.scan(buf)
            tail = b""
            continue
        area.scan(buf[:cut])
        tail = buf[cut:]
    area.scan(tail)
    if area.cells > area.references:
        return _walk_used_area(path, package, member, lang)
    if area.rows * area.columns > MAX_SHEET_CELLS:
        # too large by every reference; count only cells holding a value, as readers do
        # (a formatted but empty cell far away does not enlarge the area)
        return _value_area(path, package, member, lang)
    return area.rows, area.columns


_VALUE_CELL = re.compile(
    rb'<(?:[A-Za-z_][\w.-]*:)?c\s[^>]*?\br\s*=\s*["\']([A-Za-z]{1,3})([0-9]{1,9})["\']'
    rb"[^>]*(?<!/)>\s*<(?:[A-Za-z_][\w.-]*:)?(?:v|is)[\s>]"
)


_CELL_START = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?c\s")


def _value_area(path: Path, package: zipfile.ZipFile, member: str, lang: str) -> tuple[int, int]:
    """(rows, columns) up to the last cell that holds a value (a <v> or <is> element)."""
    rows = columns = 0
    tail = b""
    for chunk in _read_member(path, package, member, lang):
        buf = tail + chunk
        # keep a cell that straddles two chunks whole for the next round
        window = max(len(buf) - 4096, 0)
        starts = [m.start() for m in _CELL_START.finditer(buf, window)]
        cut = starts[-1] if starts and starts[-1] > 0 else len(buf)
        buf, tail = buf[:cut], buf[cut:]
        found = _VALUE_CELL.findall(buf)
        if found:
            columns = max(columns, *(column_number(c.decode()) for c in {c for c, _ in found}))
            rows = max(rows, max(int(r) for _, r in found))
    found = _VALUE_CELL.findall(tail)
    if found:
        columns = max(columns, *(column_number(c.decode()) for c, _ in found))
        rows = max(rows, max(int(r) for _, r in found))
    return rows, columns


class _Area:
    """Running maxima of the row and column references in a sheet's XML."""

    def __init__(self) -> None:
        self.rows = self.columns = self.references = self.cells = 0
        self.tags: tuple[bytes, ...] = ()

    def start(self, first: bytes) -> None:
        found = _ROOT_PREFIX.search(first)
        if found and found.group(1):  # a prefixed document: count every cell as unreferenced
            self.tags = (b"<" + found.group(1) + b"c",)
        else:
            self.tags = (b"<c ", b"<c>", b"<c/>")

    def scan(self, buf: bytes) -> None:
        self.cells += sum(buf.count(tag) for tag in self.tags)
        columns = _CELL_COLUMN.findall(buf)
        self.references += len(columns)
        if columns:
            self.columns = max(self.columns, *(column_number(c.decode()) for c in set(columns)))
        for pattern in (_CELL_ROW, _ROW):
            rows = pattern.findall(buf)
            if rows:
                self.rows = max(self.rows, max(map(int, rows)))


def _walk_used_area(
    path: Path, package: zipfile.ZipFile, member: str, lang: str
) -> tuple[int, int]:
    """The used area by walking rows and cells as a reader does (references optional);
    only cells holding a value count."""
    row = max_row = max_column = 0
    try:
        with package.open(member) as stream:
            for _, element in ElementTree.iterparse(stream, events=("end",)):
                tag = element.tag.rsplit("}", 1)[-1]
                if tag != "row":
                    continue
                ref = element.get("r")
                row = int(ref) if ref and ref.isdigit() else row + 1
                column = 0
                for cell in element:
                    if cell.tag.rsplit("}", 1)[-1] != "c":
                        continue
                    cell_ref = cell.get("r")
                    letters = re.match(r"[A-Za-z]+", cell_ref or "")
                    column = column_number(letters.group()) if letters else column + 1
                    if not any(v.tag.rsplit("}", 1)[-1] in ("v", "is") for v in cell):
                        continue
                    digits = re.search(r"[0-9]+$", cell_ref or "")
                    max_row = max(max_row, int(digits.group()) if digits else row)
                    max_column = max(max_column, column)
                element.clear()
    except (ElementTree.ParseError, zipfile.BadZipFile, OSError, EOFError) as exc:
        raise FileError(labels.text("file.unreadable", lang, file=path.name)) from exc
    return max_row, max_column


# ---- OpenDocument ------------------------------------------------------------------------

_TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
_OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
_CELL_TAGS = {f"{{{_TABLE}}}table-cell", f"{{{_TABLE}}}covered-table-cell"}


def _check_ods(path: Path, package: zipfile.ZipFile, lang: str) -> None:
    """Refuse a table whose repeated rows and cells expand beyond MAX_SHEET_CELLS."""
    table_tag, row_tag = f"{{{_TABLE}}}table", f"{{{_TABLE}}}table-row"
    name, row, max_row, max_column = "", 0, 0, 0
    try:
        with package.open("content.xml") as stream:
            for event, element in ElementTree.iterparse(stream, events=("start", "end")):
                if element.tag == table_tag:
                    if event == "start":
                        name = element.get(f"{{{_TABLE}}}name", "")
                        row = max_row = max_column = 0
                    else:
                        element.clear()
                    continue
                if event != "end" or element.tag != row_tag:
                    continue
                repeat = int(element.get(f"{{{_TABLE}}}number-rows-repeated", "1"))
                column = width = 0
                for cell in element:
                    if cell.tag not in _CELL_TAGS:
                        continue
                    column += int(cell.get(f"{{{_TABLE}}}number-columns-repeated", "1"))
                    if cell.get(f"{{{_OFFICE}}}value-type") is not None or len(cell):
                        width = column
                if width:
                    max_row, max_column = row + repeat, max(max_column, width)
                row += repeat
                element.clear()
                _refuse_area(path, name, max_row, max_column, lang)
    except (KeyError, ValueError, ElementTree.ParseError, zipfile.BadZipFile, OSError) as exc:
        raise FileError(labels.text("file.unreadable", lang, file=path.name)) from exc


# ---- CSV ---------------------------------------------------------------------------------


def read_csv_bytes(path: Path, lang: str = "nl") -> bytes:
    """The bytes of a CSV file (unpacked for .csv.gz), refused beyond MAX_CSV_BYTES."""
    size = path.stat().st_size
    if size > MAX_CSV_BYTES:
        raise FileError(_csv_too_big(path, size, lang))
    if not path.name.lower().endswith(".gz"):
        return path.read_bytes()
    try:
        with gzip.open(path, "rb") as stream:
            data = stream.read(MAX_CSV_BYTES + 1)
    except (OSError, EOFError) as exc:
        raise FileError(labels.text("file.unreadable_csv", lang, file=path.name)) from exc
    if len(data) > MAX_CSV_BYTES:
        raise FileError(_csv_too_big(path, len(data), lang, unpacked=True))
    return data


def check_csv_cells(path: Path, text: str, delimiter: str, lang: str = "nl") -> None:
    """Refuse a CSV text with more than about MAX_SHEET_CELLS fields (counted by its
    delimiters and line ends, so quoted delimiters make the count err on the high side)."""
    cells = text.count(delimiter) + text.count("\n") + 1
    if cells > MAX_SHEET_CELLS:
        raise FileError(
            labels.text(
                "file.csv_too_many_cells",
                lang,
                file=path.name,
                cells=labels.number(cells, lang),
                limit=labels.number(MAX_SHEET_CELLS, lang),
            )
        )


def _csv_too_big(path: Path, size: int, lang: str, unpacked: bool = False) -> str:
    return labels.text(
        "file.csv_too_big",
        lang,
        file=path.name,
        size=(">" if unpacked else "") + megabytes(size, lang),
        limit=megabytes(MAX_CSV_BYTES, lang),
    )


def megabytes(size: int, lang: str = "nl") -> str:
    """A byte count for a message: '64 MB', '1,5 MB' (Dutch) or '1.5 MB', '12 kB'."""
    if size < 1 << 20:
        return f"{labels.number(size / 1024, lang, decimals=1)} kB"
    return f"{labels.number(size / 1_048_576, lang, decimals=1)} MB"
