"""What an output workbook does not carry over from the input workbook it was made from.

`klantanalyse analyse` writes a new workbook: the input's tables (and, for an .xlsm, its VBA
project and ribbon) go across, but a chart the user drew, a picture, comments, pivot
tables, formulas or a sheet of notes do not. `not_carried(input, output)` compares the two
packages sheet by sheet and names each such thing, so nothing is dropped silently.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections import Counter
from pathlib import Path
from xml.etree import ElementTree

from ..core import labels
from ..core.words import normalise
from ..ooxml import package

_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

# relationship type (last path segment) from a sheet or its drawing -> what it is
_SHEET_PARTS = {
    "drawing": None,  # followed: its charts, pictures and shapes are counted
    "comments": "comment",
    "table": "table",
    "pivotTable": "pivot",
    "ctrlProp": "control",
    "control": "control",
    "image": "image",
    "oleObject": "object",
}
_DRAWING_PARTS = {"chart": "chart", "image": "image", "chartEx": "chart"}
# features written inside a sheet's XML, found in one pass: the tag's first letter says which
_FEATURES = re.compile(
    rb"<(?:\w+:)?(f[\s>/]|conditionalFormatting[\s>]|dataValidation[\s>]|mergeCell[\s>]"
    rb"|hyperlink[\s>])"
)
_FEATURE_KINDS = {
    b"f": "formula",
    b"c": "conditional",
    b"d": "validation",
    b"m": "merged",
    b"h": "hyperlink",
}
# what `_FEATURES` cannot match without: a formula's tag is <f or <prefix:f (looked for only
# where an f is: a two-letter search is slow where every other letter is a '<'), the others
# are named in full
_FEATURE_WORDS = (b"conditionalFormatting", b"dataValidation", b"mergeCell", b"hyperlink")
_SHAPE = re.compile(rb"<(?:\w+:)?sp[\s>]")  # in drawings: text boxes, arrows, ...
_VALUE = re.compile(rb"<(?:\w+:)?(?:v|is)>")  # a cell that holds something
# the order in which kinds are named
KINDS = (
    "chart",
    "image",
    "shape",
    "comment",
    "table",
    "pivot",
    "control",
    "object",
    "formula",
    "conditional",
    "validation",
    "merged",
    "hyperlink",
)


def not_carried(
    source: Path | bytes,
    output: Path,
    lang: str = "nl",
    renamed: dict[str, str] | None = None,
    name: Path | None = None,
    scanned: dict[str, Counter] | None = None,
) -> str | None:
    """One warning naming what `source` holds and `output` does not, or None.

    `renamed` maps input sheets to the output sheet that carries their table (the customer
    table read from 'Sheet1' is written to 'Klanten'); other sheets match by name, ignoring
    case and spaces, or by the English and older names the reader accepts. `source` may
    be the input's bytes as read; `name` is then its file. `scanned` holds the counts of
    XML_KINDS in the input's sheet parts the reader's checks counted as they read them.
    """
    name = name or (source if isinstance(source, Path) else Path("?"))
    try:
        with _Parts(source) as parts:
            before = _inventory(parts, None, scanned or {})
        with _Parts(output) as parts:
            names = _sheet_names(parts)
            where = {s: _output_sheet(s, names, renamed or {}) for s in before["sheets"]}
            needed: dict[str, set[str]] = {}
            for sheet, counts in before["sheets"].items():  # only what the input has
                needed.setdefault(where[sheet], set()).update(k for k in KINDS if counts[k])
            after = _inventory(parts, needed)
    except Exception:  # an inventory never fails the run it reports on
        return None
    items: list[str] = []
    for sheet, counts in before["sheets"].items():
        kept = after["sheets"].get(where[sheet])
        missing = [
            labels.text(f"carry.{kind}", lang, count=counts[kind] - (kept or Counter())[kind])
            for kind in KINDS
            if counts[kind] > (kept or Counter())[kind]
        ]
        if kept is None:  # the whole sheet, with what it held (an empty one loses nothing)
            if not missing and not counts["value"]:
                continue
            key = "carry.sheet_with" if missing else "carry.sheet"
            items.append(labels.text(key, lang, sheet=sheet, items=", ".join(missing)))
        elif missing:
            items.append(labels.text("carry.on_sheet", lang, items=", ".join(missing), sheet=sheet))
    for kind in ("cell_images", "vba", "ribbon", "external", "names", "connections", "slicers"):
        lost = before[kind] - after[kind]
        if lost > 0:
            items.append(labels.text(f"carry.{kind}", lang, count=lost))
    if not items:
        return None
    return labels.text("warn.not_carried", lang, file=name.name, items="; ".join(items))


_ALIASES = {  # names the reader accepts for the sheets every output has, in either language
    normalise(name): (labels.SHEET_NAMES[key], labels.SHEET_NAMES_EN[key], *names)
    for key, names in labels.SHEET_ALIASES.items()
    for name in names
}


def _output_sheet(sheet: str, outputs: dict, renamed: dict[str, str]) -> str:
    if sheet in renamed:
        return renamed[sheet]
    if sheet in outputs:
        return sheet
    key = normalise(sheet)
    if key in _ALIASES:
        names = _ALIASES[key]
        return next((name for name in names if name in outputs), names[0])
    return next((name for name in outputs if normalise(name) == key), sheet)


class _Parts:
    """The parts of a package, read on demand: small ones whole, sheets in chunks."""

    def __init__(self, path: Path | bytes):
        self.archive = zipfile.ZipFile(io.BytesIO(path) if isinstance(path, bytes) else path)
        self.names = set(self.archive.namelist())

    def __enter__(self) -> _Parts:
        return self

    def __exit__(self, *_exc) -> None:
        self.archive.close()

    def get(self, name: str, default: bytes | None = None) -> bytes | None:
        return self.archive.read(name) if name in self.names else default

    def __getitem__(self, name: str) -> bytes:
        return self.archive.read(name)

    def count(self, name: str, kinds: set[str]) -> Counter:
        """How often each of `kinds` occurs in the part, read 8 MB at a time ("value": 1 when
        any cell holds something)."""
        counts: Counter = Counter()
        if name not in self.names or not kinds:
            return counts
        tail = b""
        with self.archive.open(name) as stream:
            while True:
                chunk = stream.read(8 << 20)
                buf = tail + chunk
                cut = buf.rfind(b"<") if chunk else len(buf)  # no tag is split in two
                cut = cut if cut > 0 else len(buf)
                count_piece(buf, cut, kinds, counts)
                tail = buf[cut:]
                if not chunk:
                    return counts


def count_piece(buf: bytes, end: int, kinds: set[str], counts: Counter) -> None:
    """Add what `buf[:end]` (a piece of a sheet's XML that splits no tag) holds of `kinds`
    to `counts`."""
    if "value" in kinds and not counts["value"]:  # whether any: the first will do
        counts["value"] = int(_VALUE.search(buf, 0, end) is not None)
    if kinds - {"value"} and _may_hold_features(buf):
        for tag in _FEATURES.findall(buf, 0, end):
            kind = _FEATURE_KINDS[tag[:1]]
            if kind in kinds:
                counts[kind] += 1


def _may_hold_features(buf: bytes) -> bool:
    """False when `_FEATURES` cannot match in `buf` (a quick look for what it needs)."""
    if b"f" in buf and (b"<f" in buf or b":f" in buf):
        return True
    return any(word in buf for word in _FEATURE_WORDS)


def _sheet_names(parts: _Parts) -> dict[str, str]:
    """Sheet name -> its part."""
    book = package.workbook_part(parts)
    book_rels = {rel.id: rel for rel in package.read_rels(parts.get(package.rels_name(book)))}
    found = {}
    for element in ElementTree.fromstring(parts[book]).iter():
        if element.tag.rsplit("}", 1)[-1] == "sheet":
            rel = book_rels.get(element.get(f"{{{_REL}}}id", ""))
            found[element.get("name", "")] = package.resolve(book, rel.target) if rel else ""
    return found


def _inventory(
    parts: _Parts, needed: dict[str, set[str]] | None, scanned: dict[str, Counter] | None = None
) -> dict:
    """Per sheet name a Counter of its kinds (of the XML kinds only those `needed`, all when
    None, from `scanned` for a part counted there); workbook-wide counts of the rest."""
    book = package.workbook_part(parts)
    book_rels = {rel.id: rel for rel in package.read_rels(parts.get(package.rels_name(book)))}
    sheets: dict[str, Counter] = {}
    root = ElementTree.fromstring(parts[book])
    for name, part in _sheet_names(parts).items():
        kinds = set(XML_KINDS) if needed is None else needed.get(name, set())
        sheets[name] = _sheet_counts(parts, part, kinds, (scanned or {}).get(part))
    names = [el.get("name", "") for el in root.iter() if el.tag.rsplit("}", 1)[-1] == "definedName"]
    kinds = Counter(rel.type.rsplit("/", 1)[-1] for rel in book_rels.values())
    package_kinds = Counter(
        rel.type.rsplit("/", 1)[-1] for rel in package.read_rels(parts.get(package.PACKAGE_RELS))
    )
    return {
        "sheets": sheets,
        "vba": kinds["vbaProject"],
        "ribbon": package_kinds["extensibility"],
        "external": kinds["externalLink"],
        # user names only: Excel's own (print areas, filters) start with _xlnm.
        "names": sum(1 for n in names if not n.startswith("_xlnm.")),
        "connections": kinds["connections"],
        "slicers": kinds["slicerCache"] + kinds["timelineCache"],
        "cell_images": sum(
            1
            for rel in book_rels.values()
            if rel.type.endswith("/richValueRel")
            for image in package.read_rels(
                parts.get(package.rels_name(package.resolve(book, rel.target)))
            )
            if image.type.endswith("/image")
        ),
    }


XML_KINDS = ("formula", "conditional", "validation", "merged", "hyperlink", "value")


def _sheet_counts(
    parts: _Parts, part: str, kinds: set[str], scanned: Counter | None = None
) -> Counter:
    if scanned is not None:
        counts = Counter({kind: n for kind, n in scanned.items() if kind in kinds and n})
    else:
        counts = parts.count(part, kinds)
    for rel in package.read_rels(parts.get(package.rels_name(part))):
        kind = rel.type.rsplit("/", 1)[-1]
        target = package.resolve(part, rel.target) if not rel.external else ""
        if kind == "drawing":
            counts += _drawing_counts(parts, target)
        elif kind == "vmlDrawing":  # form buttons and lists (comment notes are counted above)
            shapes = re.findall(rb'ObjectType\s*=\s*"(\w+)"', parts.get(target, b""))
            counts["control"] += sum(1 for shape in shapes if shape != b"Note")
        elif kind == "comments":
            counts["comment"] += len(re.findall(rb"<(?:\w+:)?comment[\s>]", parts.get(target, b"")))
        elif _SHEET_PARTS.get(kind):
            counts[_SHEET_PARTS[kind]] += 1
    return counts


def _drawing_counts(parts: _Parts, drawing: str) -> Counter:
    counts: Counter = Counter()
    counts["shape"] = len(_SHAPE.findall(parts.get(drawing, b"")))
    for rel in package.read_rels(parts.get(package.rels_name(drawing))):
        kind = _DRAWING_PARTS.get(rel.type.rsplit("/", 1)[-1])
        if kind:
            counts[kind] += 1
    return counts
