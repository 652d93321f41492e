"""What an output workbook does not carry over from the input workbook it was made from.

`klantanalyse analyse` writes a new workbook: the input's tables (and, for an .xlsm, its VBA
project and ribbon) go across, but a chart the user drew, a picture, comments, pivot
tables, formulas or a sheet of notes do not. `not_carried(input, output)` compares the two
packages sheet by sheet and names each such thing, so nothing is dropped silently.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path
from xml.etree import ElementTree

from ..core import labels
from ..core.columns import normalise
from ..layout import CUSTOMERS, ORDERS, PROSPECTS, SETTINGS
from ..workbook import package

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
# features written inside a sheet's XML -> how to count them
_SHEET_XML = {
    "formula": re.compile(rb"<(?:\w+:)?f[\s>/]"),
    "conditional": re.compile(rb"<(?:\w+:)?conditionalFormatting[\s>]"),
    "validation": re.compile(rb"<(?:\w+:)?dataValidation[\s>]"),
    "merged": re.compile(rb"<(?:\w+:)?mergeCell[\s>]"),
    "hyperlink": re.compile(rb"<(?:\w+:)?hyperlink[\s>]"),
    "shape": re.compile(rb"<(?:\w+:)?sp[\s>]"),  # in drawings: text boxes, arrows, ...
    "value": re.compile(rb"<(?:\w+:)?(?:v|is)>"),  # cells that hold something
}
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
    source: Path, output: Path, lang: str = "nl", renamed: dict[str, str] | None = None
) -> str | None:
    """One warning naming what `source` holds and `output` does not, or None.

    `renamed` maps input sheets to the output sheet that carries their table (the customer
    table read from 'Sheet1' is written to 'Klanten'); other sheets match by name, ignoring
    case and spaces, or by the English and older names the reader accepts.
    """
    try:
        before = _inventory(package.open_package(source.read_bytes(), source.name))
        after = _inventory(package.open_package(output.read_bytes(), output.name))
    except Exception:  # noqa: BLE001 - an inventory never fails the run it reports on
        return None
    items: list[str] = []
    for sheet, counts in before["sheets"].items():
        kept = after["sheets"].get(_output_sheet(sheet, after["sheets"], renamed or {}))
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
    return labels.text("warn.not_carried", lang, file=source.name, items="; ".join(items))


_ALIASES = {  # names the reader accepts for the sheets every output has
    normalise(name): sheet
    for sheet, names in (
        (CUSTOMERS, ("Customers",)),
        (ORDERS, ("Orderhistorie", "Order history")),
        (SETTINGS, ("Settings",)),
        (PROSPECTS, ("Prospecten",)),
    )
    for name in (sheet, *names)
}


def _output_sheet(sheet: str, outputs: dict, renamed: dict[str, str]) -> str:
    if sheet in renamed:
        return renamed[sheet]
    if sheet in outputs:
        return sheet
    key = normalise(sheet)
    if key in _ALIASES:
        return _ALIASES[key]
    return next((name for name in outputs if normalise(name) == key), sheet)


def _inventory(parts: dict[str, bytes]) -> dict:
    """Per sheet name a Counter of its kinds; workbook-wide counts of the rest."""
    book = package.workbook_part(parts)
    book_rels = {rel.id: rel for rel in package.read_rels(parts.get(package.rels_name(book)))}
    sheets: dict[str, Counter] = {}
    root = ElementTree.fromstring(parts[book])
    for element in root.iter():
        if element.tag.rsplit("}", 1)[-1] != "sheet":
            continue
        rel = book_rels.get(element.get(f"{{{_REL}}}id", ""))
        part = package.resolve(book, rel.target) if rel else ""
        sheets[element.get("name", "")] = _sheet_counts(parts, part)
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


def _sheet_counts(parts: dict[str, bytes], part: str) -> Counter:
    counts: Counter = Counter()
    xml = parts.get(part, b"")
    for kind in ("formula", "conditional", "validation", "merged", "hyperlink", "value"):
        counts[kind] = len(_SHEET_XML[kind].findall(xml))
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


def _drawing_counts(parts: dict[str, bytes], drawing: str) -> Counter:
    counts: Counter = Counter()
    counts["shape"] = len(_SHEET_XML["shape"].findall(parts.get(drawing, b"")))
    for rel in package.read_rels(parts.get(package.rels_name(drawing))):
        kind = _DRAWING_PARTS.get(rel.type.rsplit("/", 1)[-1])
        if kind:
            counts[kind] += 1
    return counts
