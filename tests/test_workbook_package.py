"""Adding and carrying over the macro parts, checked with oletools and olefile."""

from __future__ import annotations

import io
import warnings
import zipfile
import zlib
from pathlib import Path

import olefile
import openpyxl
import pytest
import xlwings

from conftest import SHARED
from klantanalyse.errors import FileError
from klantanalyse.ooxml import package
from klantanalyse.workbook import udf_wrappers, vba

with warnings.catch_warnings():  # oletools still uses pyparsing's deprecated names
    warnings.simplefilter("ignore", DeprecationWarning)
    from oletools.olevba import VBA_Parser, decompress_stream

ROOT = Path(__file__).resolve().parent.parent
TEMPLATES = ROOT / "templates"
XLWINGS = Path(xlwings.__file__).parent
SHEETS = {"Start": "shStart", "Klanten": "shKlanten", "xlwings.conf": "shConf"}


def plain_workbook(code_names: dict[str, str] = SHEETS, book_code: str = "ThisWorkbook") -> bytes:
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    wb.code_name = book_code
    for name, code in code_names.items():
        ws = wb.create_sheet(name)
        ws.sheet_properties.codeName = code
        ws["A1"] = name
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


@pytest.fixture(scope="module")
def modules() -> list[vba.VBAModule]:
    return vba.project_modules("udf_standin")


@pytest.fixture(scope="module")
def xlsm(modules) -> bytes:
    return package.add_macros(plain_workbook(), modules, vba.ribbon_xml())


def macros_of(data: bytes) -> dict[str, str]:
    """Module name -> source, as oletools reads them."""
    parser = VBA_Parser("book.xlsm", data=data)
    return {name.rsplit(".", 1)[0]: code for _, _, name, code in parser.extract_macros()}


def body(source: str) -> str:
    """Module text without its attribute header, with LF line ends."""
    lines = source.replace("\r\n", "\n").split("\n")
    return "\n".join(line for line in lines if not line.startswith("Attribute VB_"))


def test_olevba_lists_every_module(xlsm):
    assert list(macros_of(xlsm)) == [
        "ThisWorkbook",
        "shStart",
        "shKlanten",
        "shConf",
        "xlwings",
        "Dictionary",
        "Ribbon",
        "xlwings_udfs",
    ]


def test_module_sources_read_back_as_their_sources(xlsm):
    found = macros_of(xlsm)
    assert body(found["Ribbon"]) == (TEMPLATES / "vba" / "Ribbon.bas").read_text()
    assert body(found["ThisWorkbook"]) == (TEMPLATES / "vba" / "ThisWorkbook.cls").read_text()
    assert found["xlwings"] == (XLWINGS / "xlwings.bas").read_bytes().decode("ascii")
    quickstart = macros_of((XLWINGS / "quickstart_standalone.xlsm").read_bytes())
    assert found["Dictionary"] == quickstart["Dictionary"]
    assert body(found["xlwings_udfs"]) == udf_wrappers.wrapper_module("udf_standin")
    assert found["xlwings_udfs"].startswith('Attribute VB_Name = "xlwings_udfs"\r\n')
    assert body(found["shStart"]) == ""


def test_document_modules_are_declared_as_documents(xlsm):
    project = olefile.OleFileIO(zipfile.ZipFile(io.BytesIO(xlsm)).read("xl/vbaProject.bin"))
    text = project.openstream("PROJECT").read().decode("cp1252")
    for name in ("ThisWorkbook", "shStart", "shKlanten", "shConf"):
        assert f"Document={name}/&H00000000" in text
    assert "Module=Ribbon" in text and "Class=Dictionary" in text


def test_vba_project_stream_has_the_interoperable_form(xlsm):
    project = olefile.OleFileIO(zipfile.ZipFile(io.BytesIO(xlsm)).read("xl/vbaProject.bin"))
    assert project.openstream("VBA/_VBA_PROJECT").read() == bytes.fromhex("CC61FFFF000100")


def test_the_office_library_is_referenced_for_iribboncontrol(xlsm):
    raw = olefile.OleFileIO(zipfile.ZipFile(io.BytesIO(xlsm)).read("xl/vbaProject.bin"))
    directory = decompress_stream(bytearray(raw.openstream("VBA/dir").read()))
    assert b"{2DF8D04C-5BFA-101B-BDE5-00AA0044DE52}" in directory  # Microsoft Office library


def test_package_is_macro_enabled_and_complete(xlsm):
    parts = package.open_package(xlsm)
    defaults, overrides = package.read_content_types(parts[package.CONTENT_TYPES])
    assert overrides["xl/workbook.xml"] == package.CT_WORKBOOK_MACRO
    assert package.content_type("xl/vbaProject.bin", defaults, overrides) == package.CT_VBA
    assert package.package_problems(xlsm) == []
    ui = [r for r in package.read_rels(parts["_rels/.rels"]) if r.type == package.REL_UI]
    assert [r.target for r in ui] == ["customUI/customUI.xml"]
    assert parts["customUI/customUI.xml"] == (TEMPLATES / "ribbon" / "customUI.xml").read_bytes()


def test_ribbon_and_vba_survive_an_openpyxl_round_trip(xlsm, tmp_path):
    path = tmp_path / "book.xlsm"
    path.write_bytes(xlsm)
    wb = openpyxl.load_workbook(path, keep_vba=True)
    wb.save(path)
    wb.vba_archive.close()  # openpyxl leaves its copy of the package open
    data = path.read_bytes()
    parts = package.open_package(data)
    assert any(r.type == package.REL_UI for r in package.read_rels(parts["_rels/.rels"]))
    assert "customUI/customUI.xml" in parts
    assert list(macros_of(data)) == list(macros_of(xlsm))


def test_copy_macros_carries_project_and_ribbon_unchanged(xlsm):
    fresh = plain_workbook()
    copied = package.copy_macros(xlsm, fresh)
    before, after = package.open_package(xlsm), package.open_package(copied)
    assert after["xl/vbaProject.bin"] == before["xl/vbaProject.bin"]
    assert after["customUI/customUI.xml"] == before["customUI/customUI.xml"]
    assert package.package_problems(copied) == []
    assert package.code_names(copied) == ("ThisWorkbook", SHEETS)
    _, overrides = package.read_content_types(after[package.CONTENT_TYPES])
    assert overrides["xl/workbook.xml"] == package.CT_WORKBOOK_MACRO


def test_copy_macros_from_a_workbook_without_macros_changes_nothing():
    fresh = plain_workbook()
    assert package.copy_macros(plain_workbook(), fresh) == fresh


def test_copy_macros_from_a_workbook_excel_saved():
    source = SHARED / "corpus" / "excel-made" / "macro01.xlsm"
    if not source.exists():
        pytest.skip("the corpus of Excel-made workbooks is not there")
    target = plain_workbook({"Sheet1": "Sheet1"})
    copied = package.copy_macros(source, target)
    assert package.package_problems(copied) == []
    assert macros_of(copied) == macros_of(source.read_bytes())


def test_sheet_without_code_name_is_refused_with_a_sentence(modules):
    workbook = plain_workbook({"Start": "shStart", "Klanten": ""})
    with pytest.raises(FileError, match="blad 'Klanten' heeft geen codeName"):
        package.add_macros(workbook, modules)


def test_not_a_workbook_is_refused_with_a_sentence():
    with pytest.raises(FileError, match="geen Excel-werkmap"):
        package.copy_macros(b"not a zip", plain_workbook())


def test_repack_gives_the_same_bytes_for_the_same_content(xlsm):
    once = package.repack(xlsm)
    assert package.repack(once) == once
    infos = zipfile.ZipFile(io.BytesIO(once)).infolist()
    assert infos[0].filename == "[Content_Types].xml"
    assert {i.date_time for i in infos} == {package.ZIP_TIME}
    core = package.open_package(once)["docProps/core.xml"].decode()
    assert core.count(package.FIXED_DOCPROPS_TIME) == 2


def test_macros_added_repacked_in_one_pass_are_the_bytes_of_two(modules):
    """Adding the macros and repacking in one pass gives the bytes of adding them, then
    repacking: parts in name order (the macro parts among them), fixed times, the same
    deflated data."""
    source = plain_workbook()
    names = [i.filename for i in zipfile.ZipFile(io.BytesIO(source)).infolist()]
    assert names != sorted(names)  # openpyxl's order: the one pass has to sort them
    core = package.open_package(source)["docProps/core.xml"].decode()
    assert package.FIXED_DOCPROPS_TIME not in core
    ribbon = vba.ribbon_xml()
    once = package.add_macros(source, modules, ribbon, repacked=True)
    assert once == package.repack(package.add_macros(source, modules, ribbon))
    assert once != package.add_macros(source, modules, ribbon)


def _deflated_size(data: bytes, level: int) -> int:
    compressor = zlib.compressobj(level, zlib.DEFLATED, -15)
    return len(compressor.compress(data) + compressor.flush())


def test_a_large_part_copied_unchanged_is_deflated_at_the_fastest_level(monkeypatch):
    """A part of FAST_COPY_BYTES or more, copied across unchanged, is deflated at zlib's
    level 1; the smaller parts keep level 6; every part reads back unchanged."""
    wb = openpyxl.Workbook()
    ws = wb.active
    for r in range(1, 3001):
        ws.append([f"Klant {r % 97}", r * 7919 % 1000, "order"])
    out = io.BytesIO()
    wb.save(out)
    source = out.getvalue()
    sheet = "xl/worksheets/sheet1.xml"
    unpacked = package.open_package(source)
    assert 20_000 < len(unpacked[sheet]) and all(
        len(v) < 20_000 for n, v in unpacked.items() if n != sheet
    )
    monkeypatch.setattr(package, "FAST_COPY_BYTES", 20_000)
    repacked = package.repack(source, fixed_time=None)
    infos = {i.filename: i for i in zipfile.ZipFile(io.BytesIO(repacked)).infolist()}
    assert _deflated_size(unpacked[sheet], 1) > _deflated_size(unpacked[sheet], 6)
    assert infos[sheet].compress_size == _deflated_size(unpacked[sheet], 1)
    for name, data in unpacked.items():
        if name != sheet:
            assert infos[name].compress_size == _deflated_size(data, 6), name
    assert package.open_package(repacked) == unpacked


def test_copy_macros_takes_a_2009_ribbon_with_its_images(xlsm):
    parts = package.open_package(xlsm)
    parts["customUI/customUI14.xml"] = (
        b'<customUI xmlns="http://schemas.microsoft.com/office/2009/07/customui"/>'
    )
    parts["customUI/_rels/customUI14.xml.rels"] = package.rels_xml(
        [package.Relationship("img1", "http://schemas.openxmlformats.org/officeDocument/2006/"
                              "relationships/image", "images/logo.png")]
    )  # fmt: skip
    parts["customUI/images/logo.png"] = b"\x89PNG fake"
    rels = package.read_rels(parts["_rels/.rels"])
    rels.append(package.Relationship("ui14", package.REL_UI_2007, "customUI/customUI14.xml"))
    parts["_rels/.rels"] = package.rels_xml(rels)
    defaults, overrides = package.read_content_types(parts[package.CONTENT_TYPES])
    defaults["png"] = "image/png"
    parts[package.CONTENT_TYPES] = package.content_types_xml(defaults, overrides)
    source = package.write_package(parts)
    assert package.package_problems(source) == []

    copied = package.copy_macros(source, plain_workbook())
    after = package.open_package(copied)
    assert after["customUI/images/logo.png"] == b"\x89PNG fake"
    assert package.package_problems(copied) == []
    types = {r.type for r in package.read_rels(after["_rels/.rels"])}
    assert {package.REL_UI, package.REL_UI_2007} <= types
