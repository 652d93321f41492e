"""Macro parts of an Excel package: add a VBA project and ribbon, carry them to a new file.

A workbook package (.xlsx/.xlsm) is a zip of parts tied together by relationship parts
(`_rels/*.rels`) and typed by `[Content_Types].xml`. The macro parts are the VBA project
(`xl/vbaProject.bin`, related from the workbook part, plus its signature parts if any) and
the ribbon (`customUI/customUI.xml`, related from the package, plus its images if any).

- `add_macros(workbook, modules, ribbon)` builds a VBA project with pyOpenVBA from module
  texts and adds it and the ribbon to a workbook written by openpyxl.
- `copy_macros(from_xlsm, to_workbook)` carries the macro parts of an existing .xlsm over to
  a freshly written workbook unchanged (`klantanalyse analyse` on an .xlsm).
- `repack(data)` rewrites a package with a fixed part order and fixed timestamps, so that
  the same content always gives the same bytes.
- `package_problems(data)` lists relationships whose target is missing and parts without a
  content type.
"""

from __future__ import annotations

import io
import posixpath
import re
import shutil
import tempfile
import zipfile
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from xml.etree import ElementTree
from xml.sax.saxutils import quoteattr

from ..core import labels
from ..errors import FileError
from .vba import CLASS, DOCUMENT, VBAModule

CONTENT_TYPES = "[Content_Types].xml"
PACKAGE_RELS = "_rels/.rels"
NS_TYPES = "http://schemas.openxmlformats.org/package/2006/content-types"
NS_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL_OFFICE_DOCUMENT = (
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
)
REL_VBA = "http://schemas.microsoft.com/office/2006/relationships/vbaProject"
REL_UI = "http://schemas.microsoft.com/office/2006/relationships/ui/extensibility"
REL_UI_2007 = "http://schemas.microsoft.com/office/2007/relationships/ui/extensibility"
CT_WORKBOOK = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"
CT_WORKBOOK_MACRO = "application/vnd.ms-excel.sheet.macroEnabled.main+xml"
CT_VBA = "application/vnd.ms-office.vbaProject"
RIBBON_PART = "customUI/customUI.xml"

# [MS-OVBA] 2.3.4.1: a writer sets Version to 0xFFFF and writes no performance cache, so
# every Office version compiles the project from its source. xlwings ships this form.
VBA_PROJECT_STREAM = bytes.fromhex("CC61FFFF000100")

# Fixed zip metadata for reproducible files: the earliest time a zip can hold.
ZIP_TIME = (1980, 1, 1, 0, 0, 0)
FIXED_DOCPROPS_TIME = "2025-01-01T00:00:00Z"


@dataclass(frozen=True)
class Relationship:
    id: str
    type: str
    target: str
    external: bool = False


@dataclass
class MacroParts:
    """What makes a workbook macro-enabled: parts with their content types and the
    relationships that tie them in (from the package root and from the workbook part)."""

    parts: dict[str, bytes] = field(default_factory=dict)
    content_types: dict[str, str] = field(default_factory=dict)  # part name -> type
    package_rels: list[tuple[str, str]] = field(default_factory=list)  # (type, target)
    workbook_rels: list[tuple[str, str]] = field(default_factory=list)  # (type, target)


# --- reading a package -------------------------------------------------------------------


def _read(source: bytes | str | Path) -> bytes:
    return source if isinstance(source, bytes) else Path(source).read_bytes()


def open_package(data: bytes, name: str = "werkmap") -> dict[str, bytes]:
    """All parts of a package, in zip order."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return {info.filename: archive.read(info) for info in archive.infolist()}
    except zipfile.BadZipFile as error:
        raise FileError(labels.text("workbook.not_a_package", path=name)) from error


class LazyPackage(Mapping):
    """The parts of a package, each unpacked when it is asked for (an input workbook may
    be large: the macro parts and a few small ones are all that is read)."""

    def __init__(self, data: bytes, name: str = "werkmap"):
        try:
            self.archive = zipfile.ZipFile(io.BytesIO(data))
        except zipfile.BadZipFile as error:
            raise FileError(labels.text("workbook.not_a_package", path=name)) from error
        self.names = list(dict.fromkeys(self.archive.namelist()))

    def __getitem__(self, part: str) -> bytes:
        if part not in self.names:
            raise KeyError(part)
        return self.archive.read(part)

    def __iter__(self):
        return iter(self.names)

    def __len__(self) -> int:
        return len(self.names)

    def __contains__(self, part: object) -> bool:  # without unpacking the part
        return part in self.names

    def head(self, part: str, size: int = 1 << 16) -> bytes:
        """The first `size` unpacked bytes of a part."""
        with self.archive.open(part) as stream:
            return stream.read(size)


def rels_name(part: str) -> str:
    """The relationship part of `part` ("" for the package itself)."""
    folder, _, base = part.rpartition("/")
    return f"{folder}/_rels/{base}.rels" if folder else f"_rels/{base}.rels"


def read_rels(xml: bytes | None) -> list[Relationship]:
    if not xml:
        return []
    root = ElementTree.fromstring(xml)
    return [
        Relationship(
            el.get("Id", ""),
            el.get("Type", ""),
            el.get("Target", ""),
            el.get("TargetMode") == "External",
        )
        for el in root.iter(f"{{{NS_RELS}}}Relationship")
    ]


def resolve(source_part: str, target: str) -> str:
    """The part name a relationship target points at ('' as source: the package)."""
    if target.startswith("/"):
        return target.lstrip("/")
    folder = source_part.rpartition("/")[0]
    return posixpath.normpath(posixpath.join(folder, target)) if folder else target


def _source_of(rels_part: str) -> str:
    """The part a relationship part belongs to ('' for _rels/.rels)."""
    folder, _, base = rels_part.rpartition("/")
    owner_folder = folder[: -len("_rels")].rstrip("/")
    base = base[: -len(".rels")]
    return f"{owner_folder}/{base}" if owner_folder else base


def read_content_types(xml: bytes) -> tuple[dict[str, str], dict[str, str]]:
    """(defaults by lower-case extension, overrides by part name without leading '/')."""
    root = ElementTree.fromstring(xml)
    defaults = {
        el.get("Extension", "").lower(): el.get("ContentType", "")
        for el in root.iter(f"{{{NS_TYPES}}}Default")
    }
    overrides = {
        el.get("PartName", "").lstrip("/"): el.get("ContentType", "")
        for el in root.iter(f"{{{NS_TYPES}}}Override")
    }
    return defaults, overrides


def content_type(part: str, defaults: dict[str, str], overrides: dict[str, str]) -> str | None:
    if part in overrides:
        return overrides[part]
    return defaults.get(part.rpartition(".")[2].lower())


def workbook_part(parts: Mapping[str, bytes]) -> str:
    for rel in read_rels(parts.get(PACKAGE_RELS)):
        if rel.type == REL_OFFICE_DOCUMENT:
            return resolve("", rel.target)
    return "xl/workbook.xml"


def package_problems(data: bytes) -> list[str]:
    """Relationship targets that do not exist and parts without a content type."""
    parts = open_package(data)
    problems = []
    if CONTENT_TYPES not in parts:
        return [f"{CONTENT_TYPES} is missing"]
    defaults, overrides = read_content_types(parts[CONTENT_TYPES])
    for name in parts:
        if (
            name != CONTENT_TYPES
            and not name.endswith("/")
            and not content_type(name, defaults, overrides)
        ):
            problems.append(f"part {name} has no content type")
    for name in overrides:
        if name not in parts:
            problems.append(f"content type override for missing part {name}")
    for name in parts:
        if not name.endswith(".rels"):
            continue
        source = _source_of(name)
        if source and source not in parts:
            problems.append(f"relationships {name} belong to missing part {source}")
        for rel in read_rels(parts[name]):
            if rel.external or rel.target.startswith("#"):  # "#Sheet!A1": in this workbook
                continue
            if resolve(source, rel.target) not in parts:
                problems.append(f"{name}: {rel.id} points at missing part {rel.target}")
    return problems


# --- writing a package -------------------------------------------------------------------


def rels_xml(rels: Iterable[Relationship]) -> bytes:
    items = "".join(
        f"<Relationship Id={quoteattr(r.id)} Type={quoteattr(r.type)} "
        f"Target={quoteattr(r.target)}" + (' TargetMode="External"' if r.external else "") + "/>"
        for r in rels
    )
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<Relationships xmlns="{NS_RELS}">{items}</Relationships>'
    ).encode()


def content_types_xml(defaults: dict[str, str], overrides: dict[str, str]) -> bytes:
    items = "".join(
        f"<Default Extension={quoteattr(ext)} ContentType={quoteattr(ct)}/>"
        for ext, ct in sorted(defaults.items())
    ) + "".join(
        f"<Override PartName={quoteattr('/' + part)} ContentType={quoteattr(ct)}/>"
        for part, ct in overrides.items()
    )
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<Types xmlns="{NS_TYPES}">{items}</Types>'
    ).encode()


def _add_rels(
    source: str, rels: list[Relationship], wanted: Iterable[tuple[str, str]]
) -> list[Relationship]:
    """`rels` of part `source` plus a relationship to each (type, part) not there yet."""
    rels = list(rels)
    taken = {r.id for r in rels}
    number = 1
    for rel_type, part in wanted:
        if any(r.type == rel_type and resolve(source, r.target) == part for r in rels):
            continue
        while f"rId{number}" in taken:
            number += 1
        rels.append(Relationship(f"rId{number}", rel_type, _relative(source, part)))
        taken.add(f"rId{number}")
    return rels


def _relative(source_part: str, part: str) -> str:
    folder = source_part.rpartition("/")[0]
    return posixpath.relpath(part, folder) if folder else part


def graft(data: bytes, macros: MacroParts, repacked: bool = False) -> bytes:
    """`data` (a workbook package) with the macro parts added, macro-enabled. The parts
    that do not change are copied a piece at a time (a sheet may unpack to many MB).
    `repacked`: written as `repack` writes it (in one pass, not two)."""
    source = LazyPackage(data)
    parts = _Parts(source)
    book = workbook_part(parts)
    parts.update(macros.parts)
    # Relationships: from the package root and from the workbook part.
    parts[PACKAGE_RELS] = rels_xml(
        _add_rels("", read_rels(parts.get(PACKAGE_RELS)), macros.package_rels)
    )
    book_rels = rels_name(book)
    parts[book_rels] = rels_xml(
        _add_rels(book, read_rels(parts.get(book_rels)), macros.workbook_rels)
    )
    # Content types: the macro parts' own, and the macro-enabled workbook type.
    defaults, overrides = read_content_types(parts[CONTENT_TYPES])
    for part, ct in macros.content_types.items():
        if content_type(part, defaults, overrides) != ct:
            overrides[part] = ct
    if overrides.get(book) in (None, CT_WORKBOOK):
        overrides[book] = CT_WORKBOOK_MACRO
    parts[CONTENT_TYPES] = content_types_xml(defaults, overrides)
    if repacked:
        parts = _fixed_time(parts.sorted(), FIXED_DOCPROPS_TIME)
    return write_package(parts)


class _Parts(dict):
    """The parts of a package as a dict whose values are read from `source` only when
    asked for; `write_package` copies the ones never replaced without holding them."""

    def __init__(self, source: LazyPackage, names: Iterable[str] | None = None):
        super().__init__((name, None) for name in (source.names if names is None else names))
        self.source = source

    def __getitem__(self, part: str) -> bytes:
        value = super().__getitem__(part)
        return self.source[part] if value is None else value

    def get(self, part: str, default: object = None) -> object:
        return self[part] if part in self else default

    def stored(self, part: str) -> bytes | None:
        """The part's new bytes, or None when it is the source's unchanged."""
        return super().__getitem__(part)

    def sorted(self) -> _Parts:
        """The same parts, in the order of their names."""
        ordered = _Parts(self.source, ())
        for name in sorted(self):
            dict.__setitem__(ordered, name, self.stored(name))
        return ordered


def read_macros(source: bytes | str | Path) -> MacroParts | None:
    """The macro parts of an .xlsm (VBA project, its signatures, ribbon parts and their
    images), or None when it has no VBA project and no ribbon."""
    parts = LazyPackage(_read(source), str(source) if not isinstance(source, bytes) else "")
    defaults, overrides = read_content_types(parts[CONTENT_TYPES])
    book = workbook_part(parts)
    macros = MacroParts()

    def take(part: str) -> None:
        """Copy `part` and everything its own relationships point at."""
        if part in macros.parts or part not in parts:
            return
        macros.parts[part] = parts[part]
        ct = content_type(part, defaults, overrides)
        if ct:
            macros.content_types[part] = ct
        own_rels = rels_name(part)
        if own_rels in parts:
            macros.parts[own_rels] = parts[own_rels]
            for rel in read_rels(parts[own_rels]):
                if not rel.external:
                    take(resolve(part, rel.target))

    for rel in read_rels(parts.get(rels_name(book))):
        if rel.type == REL_VBA:
            target = resolve(book, rel.target)
            take(target)
            macros.workbook_rels.append((REL_VBA, target))
    for rel in read_rels(parts.get(PACKAGE_RELS)):
        if rel.type in (REL_UI, REL_UI_2007):
            target = resolve("", rel.target)
            take(target)
            macros.package_rels.append((rel.type, target))
    return macros if macros.parts else None


def copy_macros(from_xlsm: bytes | str | Path, to_workbook: bytes | str | Path) -> bytes:
    """`to_workbook` with the VBA project and ribbon of `from_xlsm`, unchanged.

    The VBA project's document modules belong to sheets by codeName, so the new workbook
    must give its sheets (and itself) the codeNames of the original; `code_names` reads them.
    A source without macro parts gives `to_workbook` back as it is.
    """
    target = _read(to_workbook)
    macros = read_macros(from_xlsm)
    return target if macros is None else graft(target, macros)


def code_names(source: bytes | str | Path) -> tuple[str | None, dict[str, str]]:
    """(workbook codeName, {sheet name: codeName}) of a workbook package."""
    parts = LazyPackage(_read(source))
    book = workbook_part(parts)
    root = ElementTree.fromstring(parts[book])
    pr = root.find(f"{{{NS_MAIN}}}workbookPr")
    book_code = pr.get("codeName") if pr is not None else None
    targets = {r.id: resolve(book, r.target) for r in read_rels(parts.get(rels_name(book)))}
    sheets: dict[str, str] = {}
    ns_r = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    for sheet in root.iter(f"{{{NS_MAIN}}}sheet"):
        part = targets.get(sheet.get(f"{{{ns_r}}}id", ""))
        if part not in parts:
            continue
        found = _CODE_NAME.search(parts.head(part))  # sheetPr comes before the cells
        if found and found.group(1):
            sheets[sheet.get("name", "")] = found.group(1).decode()
    return book_code, sheets


_CODE_NAME = re.compile(rb"""<(?:[\w.-]+:)?sheetPr\b[^>]*?\scodeName\s*=\s*["']([^"'<>]*)["']""")


# --- building a VBA project --------------------------------------------------------------


def vba_project(workbook: bytes, modules: Sequence[VBAModule]) -> bytes:
    """A vbaProject.bin for `workbook` holding `modules`.

    pyOpenVBA creates the project as Excel does for a first macro: ThisWorkbook and one
    document module per sheet, named from the codeNames in `workbook`. Standard and class
    modules are added in the given order; document modules get their body. The
    `_VBA_PROJECT` stream is then set to the form [MS-OVBA] prescribes for writers.
    """
    from pyopenvba import ExcelFile, VBAModuleKind
    from pyopenvba.cfb import CFB

    book_code, sheets = code_names(workbook)
    for sheet in _sheet_names(workbook):
        if sheet not in sheets:
            raise FileError(labels.text("workbook.no_code_name", sheet=sheet))
    if not book_code:
        raise FileError(labels.text("workbook.no_code_name", sheet="ThisWorkbook"))
    with tempfile.TemporaryDirectory() as tmp:
        source, out = Path(tmp, "book.xlsm"), Path(tmp, "out.xlsm")
        source.write_bytes(_slim(workbook))
        with ExcelFile(source) as book:
            project = book.add_vba_project()
            for module in modules:
                if module.kind == DOCUMENT:
                    book.set_module(module.name, module.source)
                else:
                    kind = VBAModuleKind.other if module.kind == CLASS else VBAModuleKind.standard
                    project.add_module(module.name, module.source, kind=kind)
            book.save(out)
        with zipfile.ZipFile(out) as archive:
            names = [n for n in archive.namelist() if n.endswith("vbaProject.bin")]
            binary = archive.read(names[0])
    cfb = CFB.from_bytes(binary)
    cfb.write_stream_in_storage("VBA", "_VBA_PROJECT", VBA_PROJECT_STREAM)
    return cfb.to_bytes()


SLIM_ABOVE = 1 << 20  # unpacked bytes of a sheet above which pyOpenVBA gets an empty one


def _slim(workbook: bytes) -> bytes:
    """`workbook` with each large sheet replaced by an empty one with the same codeName:
    the VBA project depends on the sheets' names and codeNames only, and pyOpenVBA reads
    every part it is given into memory."""
    parts = LazyPackage(workbook)
    large = [
        info.filename
        for info in parts.archive.infolist()
        if info.file_size > SLIM_ABOVE and _SHEET_PART.fullmatch(info.filename)
    ]
    if not large:
        return workbook
    slim = _Parts(parts)
    for part in large:
        found = _CODE_NAME.search(parts.head(part))
        code = f'<sheetPr codeName="{found.group(1).decode()}"/>' if found else ""
        slim[part] = f'<worksheet xmlns="{NS_MAIN}">{code}<sheetData/></worksheet>'.encode()
    return write_package(slim)


_SHEET_PART = re.compile(r"(?:.*/)?worksheets/[^/]+\.xml")


def _sheet_names(workbook: bytes) -> list[str]:
    parts = LazyPackage(workbook)
    root = ElementTree.fromstring(parts[workbook_part(parts)])
    return [sheet.get("name", "") for sheet in root.iter(f"{{{NS_MAIN}}}sheet")]


def add_macros(
    workbook: bytes | str | Path,
    modules: Sequence[VBAModule],
    ribbon: bytes | None = None,
    repacked: bool = False,
) -> bytes:
    """`workbook` (written by openpyxl, sheets with codeNames) as an .xlsm with a VBA project
    holding `modules` and, if given, the ribbon XML (2006/01 customUI namespace);
    `repacked`: the bytes `repack` would make of it, written once."""
    data = _read(workbook)
    book = workbook_part(LazyPackage(data))
    folder = book.rpartition("/")[0]
    vba_part = f"{folder}/vbaProject.bin" if folder else "vbaProject.bin"
    macros = MacroParts(
        parts={vba_part: vba_project(data, modules)},
        content_types={vba_part: CT_VBA},
        workbook_rels=[(REL_VBA, vba_part)],
    )
    if ribbon is not None:
        macros.parts[RIBBON_PART] = ribbon
        macros.content_types[RIBBON_PART] = "application/xml"
        macros.package_rels.append((REL_UI, RIBBON_PART))
    return graft(data, macros, repacked)


# --- reproducible zip --------------------------------------------------------------------


def write_package(parts: dict[str, bytes]) -> bytes:
    """A zip of `parts`: content types first, then the package relationships, then the rest
    in the given order; fixed timestamps and attributes."""
    order = [CONTENT_TYPES, PACKAGE_RELS] + [
        n for n in parts if n not in (CONTENT_TYPES, PACKAGE_RELS)
    ]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as archive:
        for name in order:
            if name not in parts:
                continue
            info = zipfile.ZipInfo(name, date_time=ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 0
            info.external_attr = 0
            value = parts.stored(name) if isinstance(parts, _Parts) else parts[name]
            if value is None:  # unchanged: streamed across (zlib's default level is 6)
                source = parts.source.archive
                if source.getinfo(name).file_size >= FAST_COPY_BYTES:
                    _set_level(info, FAST_COPY_LEVEL)
                with source.open(name) as src, archive.open(info, "w") as dest:
                    shutil.copyfileobj(src, dest, COPY_CHUNK)
            else:
                archive.writestr(info, value, compresslevel=6)
    return buffer.getvalue()


COPY_CHUNK = 1 << 20  # bytes of a part held at a time when it is copied unchanged
# A part this large that is copied unchanged (a long Orders sheet: 235 MB for 541,909 order
# lines) is deflated at zlib's fastest level, as the writer deflates long rows: a third of
# the time for a part about a fifth larger. Every part of the committed workbooks is smaller.
FAST_COPY_BYTES = 16 << 20
FAST_COPY_LEVEL = 1


def _set_level(info: zipfile.ZipInfo, level: int) -> None:
    """The zlib level `ZipFile.open(info, "w")` deflates at (`compress_level` from
    Python 3.13 on, `_compresslevel` before)."""
    try:
        info.compress_level = level
    except AttributeError:
        info._compresslevel = level


_DOCPROPS_TIME = re.compile(
    rb"(<dcterms:(?:created|modified)\b[^>]*>)[^<]*(</dcterms:(?:created|modified)>)"
)


def repack(data: bytes, fixed_time: str | None = FIXED_DOCPROPS_TIME) -> bytes:
    """The same package with sorted parts (content types and package relationships first)
    and fixed times, also in docProps/core.xml when `fixed_time` is given, so that the same
    content always gives the same bytes."""
    source = LazyPackage(data)
    return write_package(_fixed_time(_Parts(source, sorted(source.names)), fixed_time))


def _fixed_time(parts: _Parts, fixed_time: str | None) -> _Parts:
    """`parts` with the times in docProps/core.xml set to `fixed_time` (when given)."""
    if fixed_time and "docProps/core.xml" in parts:
        stamp = fixed_time.encode()
        parts["docProps/core.xml"] = _DOCPROPS_TIME.sub(
            lambda m: m.group(1) + stamp + m.group(2), parts["docProps/core.xml"]
        )
    return parts
