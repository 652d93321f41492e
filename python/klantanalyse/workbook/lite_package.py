"""The package parts that make a workbook an xlwings Lite workbook, as Excel saves them.

- The add-in's part, `xl/webextensions/webextension1.xml`: the store reference of xlwings
  Lite (`WA200008175`) and one property per file of code, `main.py` and
  `requirements.txt`, each a JSON string (the add-in's own form: `/` written as `\\/`,
  other characters as they are) in an XML attribute. `pyodideVersion` and `addinVersion`
  are left out: the add-in writes them itself when it saves the workbook.
- The task pane, `xl/webextensions/taskpanes.xml`, related from the package root, which
  opens the add-in's pane with the workbook.
- The sheet buttons: a drawing per sheet with one named, rounded shape per button, whose
  hyperlink points at the cell the script's `button=` reference names.

openpyxl does not keep any of these: they are added to the finished package.
"""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from xml.sax.saxutils import escape

from ..ooxml import package as ooxml

ADDIN_ID = "WA200008175"  # xlwings Lite in Microsoft's add-in store
ADDIN_STORE = "en-US"
WEBEXTENSION = "xl/webextensions/webextension1.xml"
TASKPANES = "xl/webextensions/taskpanes.xml"
CT_WEBEXTENSION = "application/vnd.ms-office.webextension+xml"
CT_TASKPANES = "application/vnd.ms-office.webextensiontaskpanes+xml"
CT_DRAWING = "application/vnd.openxmlformats-officedocument.drawing+xml"
REL_TASKPANES = "http://schemas.microsoft.com/office/2011/relationships/webextensiontaskpanes"
REL_WEBEXTENSION = "http://schemas.microsoft.com/office/2011/relationships/webextension"
REL_DRAWING = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing"
REL_HYPERLINK = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink"
NS_WE = "http://schemas.microsoft.com/office/webextensions/webextension/2010/11"
NS_WETP = "http://schemas.microsoft.com/office/webextensions/taskpanes/2010/11"
NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NS_A = "http://schemas.openxmlformats.org/drawingml/2006/main"
NS_XDR = "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing"
# the same id in every build (Excel gives each add-in instance a GUID)
INSTANCE_ID = "{" + str(uuid.uuid5(uuid.NAMESPACE_URL, "klantanalyse-lite")).upper() + "}"
TASKPANE_WIDTH = 350
XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
EMU_PER_PIXEL = 9525
EMU_PER_POINT = 12700


# ---- the add-in's part --------------------------------------------------------------------


def json_text(text: str) -> str:
    """`text` as the add-in stores a file: a JSON string with '/' escaped, not ASCII-only."""
    return json.dumps(text, ensure_ascii=False).replace("/", "\\/")


def attribute(text: str) -> str:
    """`text` escaped for a double-quoted XML attribute (the form Excel writes)."""
    return escape(text, {'"': "&quot;"})


def webextension_xml(files: Mapping[str, str]) -> bytes:
    """The add-in's part with one property per file of code (name -> text)."""
    properties = "".join(
        f'<we:property name="{attribute(name)}" value="{attribute(json_text(text))}"/>'
        for name, text in files.items()
    )
    reference = (
        f'<we:reference id="{ADDIN_ID.lower()}" version="1.0.0.0" store="{ADDIN_STORE}" '
        'storeType="OMEX"/>'
    )
    alternate = (
        f'<we:reference id="{ADDIN_ID}" version="1.0.0.0" store="{ADDIN_ID}" storeType="OMEX"/>'
    )
    custom_functions = (
        f'<a:ext xmlns:a="{NS_A}" uri="{{D87F86FE-615C-45B5-9D79-34F1136793EB}}">'
        "<we:containsCustomFunctions/></a:ext>"
        f'<a:ext xmlns:a="{NS_A}" uri="{{7C84B067-C214-45C3-A712-C9D94CD141B2}}">'
        "<we:customFunctionIdList/></a:ext>"
    )
    xml = (
        f'{XML_HEAD}<we:webextension xmlns:we="{NS_WE}" id="{INSTANCE_ID}">{reference}'
        f"<we:alternateReferences>{alternate}</we:alternateReferences>"
        f"<we:properties>{properties}</we:properties><we:bindings/>"
        f'<we:snapshot xmlns:r="{NS_R}"/><we:extLst>{custom_functions}</we:extLst>'
        "</we:webextension>"
    )
    return xml.encode("utf-8")


def taskpanes_xml() -> bytes:
    xml = (
        f'{XML_HEAD}<wetp:taskpanes xmlns:wetp="{NS_WETP}"><wetp:taskpane dockstate="right" '
        f'visibility="1" width="{TASKPANE_WIDTH}" row="1"><wetp:webextensionref '
        f'xmlns:r="{NS_R}" r:id="rId1"/></wetp:taskpane></wetp:taskpanes>'
    )
    return xml.encode("utf-8")


def read_properties(data: bytes) -> dict[str, str]:
    """{property name: text} of a webextension part (what the add-in reads back)."""
    from xml.etree import ElementTree

    root = ElementTree.fromstring(data)
    return {
        el.get("name", ""): json.loads(el.get("value", "null"))
        for el in root.iter(f"{{{NS_WE}}}property")
    }


# ---- sheet buttons ----------------------------------------------------------------------


@dataclass(frozen=True)
class Anchor:
    """Where a shape sits: from and to (0-based column and row, offsets in EMU)."""

    col: int
    col_off: int
    row: int
    row_off: int
    to_col: int
    to_col_off: int
    to_row: int
    to_row_off: int


@dataclass(frozen=True)
class Button:
    """A named shape with a caption whose hyperlink selects `link` (e.g. 'Start!A6')."""

    name: str
    caption: str
    link: str
    anchor: Anchor
    fill: str  # 'RRGGBB'
    font_colour: str  # 'RRGGBB'
    font: str
    size: int  # hundredths of a point


def _shape(button: Button, shape_id: int, rel_id: str) -> str:
    a = button.anchor
    return (
        '<xdr:twoCellAnchor editAs="oneCell">'
        f"<xdr:from><xdr:col>{a.col}</xdr:col><xdr:colOff>{a.col_off}</xdr:colOff>"
        f"<xdr:row>{a.row}</xdr:row><xdr:rowOff>{a.row_off}</xdr:rowOff></xdr:from>"
        f"<xdr:to><xdr:col>{a.to_col}</xdr:col><xdr:colOff>{a.to_col_off}</xdr:colOff>"
        f"<xdr:row>{a.to_row}</xdr:row><xdr:rowOff>{a.to_row_off}</xdr:rowOff></xdr:to>"
        '<xdr:sp macro="" textlink="">'
        f'<xdr:nvSpPr><xdr:cNvPr id="{shape_id}" name="{attribute(button.name)}" '
        f'descr="{attribute(button.caption)}">'
        f'<a:hlinkClick xmlns:r="{NS_R}" r:id="{rel_id}" tooltip="{attribute(button.caption)}"/>'
        "</xdr:cNvPr><xdr:cNvSpPr/></xdr:nvSpPr>"
        '<xdr:spPr><a:prstGeom prst="roundRect"><a:avLst/></a:prstGeom>'
        f'<a:solidFill><a:srgbClr val="{button.fill}"/></a:solidFill><a:ln><a:noFill/></a:ln>'
        "</xdr:spPr>"
        '<xdr:txBody><a:bodyPr vertOverflow="clip" horzOverflow="clip" lIns="36000" tIns="0" '
        'rIns="36000" bIns="0" rtlCol="0" anchor="ctr"/><a:lstStyle/><a:p><a:pPr algn="ctr"/>'
        f'<a:r><a:rPr lang="nl-NL" sz="{button.size}" b="1"><a:solidFill>'
        f'<a:srgbClr val="{button.font_colour}"/></a:solidFill>'
        f'<a:latin typeface="{attribute(button.font)}"/></a:rPr>'
        f"<a:t>{escape(button.caption)}</a:t></a:r></a:p></xdr:txBody></xdr:sp>"
        '<xdr:clientData fPrintsWithSheet="0"/></xdr:twoCellAnchor>'
    )


def drawing_xml(buttons: Sequence[Button]) -> tuple[bytes, bytes]:
    """(drawing part, its relationships) holding `buttons`."""
    shapes = "".join(
        _shape(button, number + 1, f"rId{number}") for number, button in enumerate(buttons, 1)
    )
    drawing = f'{XML_HEAD}<xdr:wsDr xmlns:xdr="{NS_XDR}" xmlns:a="{NS_A}">{shapes}</xdr:wsDr>'
    rels = [
        ooxml.Relationship(f"rId{number}", REL_HYPERLINK, "#" + button.link)
        for number, button in enumerate(buttons, 1)
    ]
    return drawing.encode("utf-8"), ooxml.rels_xml(rels)


# The worksheet elements that come after <drawing> (ECMA-376 CT_Worksheet order).
_AFTER_DRAWING = re.compile(
    rb"<(?:legacyDrawing|legacyDrawingHF|drawingHF|picture|oleObjects|controls|"
    rb"webPublishItems|tableParts|extLst)\b|</worksheet>"
)


def _with_drawing(sheet_xml: bytes, rel_id: str) -> bytes:
    """A worksheet part with a <drawing> element in its place."""
    if b"<drawing " in sheet_xml:
        raise ValueError("the sheet already has a drawing")
    found = _AFTER_DRAWING.search(sheet_xml)
    if found is None:
        raise ValueError("not a worksheet part")
    element = f'<drawing xmlns:r="{NS_R}" r:id="{rel_id}"/>'.encode()
    return sheet_xml[: found.start()] + element + sheet_xml[found.start() :]


def _sheet_parts(parts: Mapping[str, bytes]) -> dict[str, str]:
    """{sheet name: worksheet part} of a package."""
    from xml.etree import ElementTree

    book = ooxml.workbook_part(parts)
    targets = {
        r.id: ooxml.resolve(book, r.target)
        for r in ooxml.read_rels(parts.get(ooxml.rels_name(book)))
    }
    root = ElementTree.fromstring(parts[book])
    return {
        sheet.get("name", ""): targets[sheet.get(f"{{{NS_R}}}id", "")]
        for sheet in root.iter(f"{{{ooxml.NS_MAIN}}}sheet")
    }


def _next_id(rels: Sequence[ooxml.Relationship]) -> str:
    taken = {r.id for r in rels}
    number = 1
    while f"rId{number}" in taken:
        number += 1
    return f"rId{number}"


def add_lite_parts(
    data: bytes, files: Mapping[str, str], buttons: Mapping[str, Sequence[Button]]
) -> bytes:
    """`data` (a workbook package without macros) with the add-in's parts holding `files`
    (main.py, requirements.txt) and the sheet buttons (sheet name -> buttons)."""
    parts = ooxml.open_package(data)
    defaults, overrides = ooxml.read_content_types(parts[ooxml.CONTENT_TYPES])
    # the add-in and its task pane
    parts[WEBEXTENSION] = webextension_xml(files)
    parts[TASKPANES] = taskpanes_xml()
    parts[ooxml.rels_name(TASKPANES)] = ooxml.rels_xml(
        [ooxml.Relationship("rId1", REL_WEBEXTENSION, "webextension1.xml")]
    )
    overrides[WEBEXTENSION] = CT_WEBEXTENSION
    overrides[TASKPANES] = CT_TASKPANES
    root_rels = ooxml.read_rels(parts.get(ooxml.PACKAGE_RELS))
    root_rels.append(ooxml.Relationship(_next_id(root_rels), REL_TASKPANES, TASKPANES))
    parts[ooxml.PACKAGE_RELS] = ooxml.rels_xml(root_rels)
    # the buttons: one drawing per sheet
    sheets = _sheet_parts(parts)
    taken = sum(1 for name in parts if re.fullmatch(r"xl/drawings/drawing\d+\.xml", name))
    for number, (sheet, shapes) in enumerate(buttons.items(), start=taken + 1):
        drawing = f"xl/drawings/drawing{number}.xml"
        parts[drawing], parts[ooxml.rels_name(drawing)] = drawing_xml(shapes)
        overrides[drawing] = CT_DRAWING
        part = sheets[sheet]
        rels_part = ooxml.rels_name(part)
        rels = ooxml.read_rels(parts.get(rels_part))
        rel_id = _next_id(rels)
        rels.append(ooxml.Relationship(rel_id, REL_DRAWING, "/" + drawing))
        parts[rels_part] = ooxml.rels_xml(rels)
        parts[part] = _with_drawing(parts[part], rel_id)
    parts[ooxml.CONTENT_TYPES] = ooxml.content_types_xml(defaults, overrides)
    return ooxml.write_package(parts)
