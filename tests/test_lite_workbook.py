"""`klantanalyse workbook --lite`: klantanalyse-lite.xlsx, reproducible, without macros, with
the xlwings Lite add-in's parts as Excel stores them, sheet buttons bound to the scripts,
and a main.py that runs with nothing of ours installed."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path
from xml.etree import ElementTree

import openpyxl
import pytest

from conftest import need_soffice
from klantanalyse.cli import main
from klantanalyse.errors import FileError
from klantanalyse.lite.functions import Basis
from klantanalyse.ooxml import package
from klantanalyse.workbook import build as macro_build
from klantanalyse.workbook import lite, lite_code, lite_package
from klantanalyse.workbook.lite import SHAPE_NAMES, build, button_rows, lite_start_rows

ROOT = Path(__file__).resolve().parent.parent
COMMITTED = ROOT / "klantanalyse-lite.xlsx"
SHEETS = [
    "Start", "Actielijst", "Klanten", "Orders", "Prospects", "Matrix", "Verwantschap",
    "Instellingen",
]  # fmt: skip
NS_XDR = "{http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing}"
NS_A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
NS_R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    return build(tmp_path_factory.mktemp("lite") / "klantanalyse-lite.xlsx")


@pytest.fixture(scope="module")
def parts(built) -> dict[str, bytes]:
    return package.open_package(built.read_bytes())


@pytest.fixture(scope="module")
def code(parts) -> dict[str, str]:
    return lite_package.read_properties(parts[lite_package.WEBEXTENSION])


# ---- reproducible -------------------------------------------------------------------------


@pytest.mark.slow
def test_committed_workbook_is_exactly_what_the_command_builds(tmp_path, capsys):
    output = tmp_path / "x.xlsx"
    assert main(["workbook", "--lite", "-o", str(output)]) == 0
    assert capsys.readouterr().out == f"Geschreven: {output}\n"
    assert COMMITTED.exists(), "commit the built klantanalyse-lite.xlsx at the repository root"
    assert output.read_bytes() == COMMITTED.read_bytes()


@pytest.mark.slow
def test_two_builds_give_identical_bytes(built, tmp_path):
    assert build(tmp_path / "again.xlsx").read_bytes() == built.read_bytes()


def test_the_default_name_and_suffix(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert main(["workbook", "--lite"]) == 0
    assert (tmp_path / "klantanalyse-lite.xlsx").exists()
    assert main(["workbook", "--lite", "-o", "x.xlsm"]) == 2
    error = capsys.readouterr().err
    assert "'x.xlsm' is geen .xlsx-bestand" in error and "Traceback" not in error


@pytest.mark.parametrize("builder", [build, macro_build.build], ids=["lite", "macro"])
def test_without_lxml_the_build_refuses(builder, tmp_path, monkeypatch):
    """openpyxl writes other bytes without lxml: a build then says so instead of giving a
    workbook that differs from the committed one."""
    monkeypatch.setattr("openpyxl.xml.LXML", False)
    suffix = ".xlsx" if builder is build else ".xlsm"
    with pytest.raises(FileError, match="vraagt lxml"):
        builder(tmp_path / f"x{suffix}")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.slow
def test_a_process_with_lxml_switched_off_gets_one_sentence(tmp_path):
    env = {**os.environ, "OPENPYXL_LXML": "False", "PYTHONPATH": str(ROOT / "python")}
    result = subprocess.run(
        [sys.executable, "-m", "klantanalyse.cli", "workbook", "--lite", "-o", "x.xlsx"],
        cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert result.returncode == 2
    assert "het bouwen van de werkmap vraagt lxml" in result.stderr
    assert not (tmp_path / "x.xlsx").exists()


# ---- a workbook without macros, with the add-in's parts ------------------------------------


def test_no_macros_and_a_sound_package(built, parts):
    assert package.package_problems(built.read_bytes()) == []
    assert not [name for name in parts if "vba" in name.lower() or "customUI" in name]
    defaults, overrides = package.read_content_types(parts[package.CONTENT_TYPES])
    assert overrides["xl/workbook.xml"] == package.CT_WORKBOOK
    assert overrides[lite_package.WEBEXTENSION] == "application/vnd.ms-office.webextension+xml"
    assert overrides[lite_package.TASKPANES] == (
        "application/vnd.ms-office.webextensiontaskpanes+xml"
    )
    assert openpyxl.load_workbook(built).sheetnames == SHEETS


def test_the_add_in_is_referenced_as_excel_saves_it(parts):
    root_rels = package.read_rels(parts[package.PACKAGE_RELS])
    assert [r.target for r in root_rels if r.type == lite_package.REL_TASKPANES] == [
        "xl/webextensions/taskpanes.xml"
    ]
    pane = ElementTree.fromstring(parts[lite_package.TASKPANES])
    (taskpane,) = pane
    assert taskpane.get("dockstate") == "right" and taskpane.get("visibility") == "1"
    (ref,) = taskpane
    rels = package.read_rels(parts["xl/webextensions/_rels/taskpanes.xml.rels"])
    assert [(r.id, r.type, r.target) for r in rels] == [
        (ref.get(f"{NS_R}id"), lite_package.REL_WEBEXTENSION, "webextension1.xml")
    ]
    ext = ElementTree.fromstring(parts[lite_package.WEBEXTENSION])
    we = "{http://schemas.microsoft.com/office/webextensions/webextension/2010/11}"
    reference = ext.find(f"{we}reference")
    assert reference.attrib == {
        "id": "wa200008175", "version": "1.0.0.0", "store": "en-US", "storeType": "OMEX"
    }  # fmt: skip
    (alternate,) = ext.find(f"{we}alternateReferences")
    assert alternate.get("store") == "WA200008175"
    assert re.fullmatch(r"\{[0-9A-F-]{36}\}", ext.get("id"))
    names = [p.get("name") for p in ext.find(f"{we}properties")]
    assert names == ["main.py", "requirements.txt"]
    assert ext.find(f"{we}extLst") is not None  # the workbook has custom functions


def test_the_code_is_stored_as_json_text(parts, code):
    """Each file is a JSON string in the attribute: '/' as '\\/', quotes as &quot;."""
    raw = parts[lite_package.WEBEXTENSION].decode("utf-8")
    value = re.search(r'name="main.py" value="([^"]*)"', raw).group(1)
    assert value.startswith("&quot;") and value.endswith("&quot;")
    assert "\\/" in value and "/" not in value.replace("\\/", "")
    assert "<" not in value and "\n" not in value
    assert json.loads(value.replace("&quot;", '"').replace("&lt;", "<").replace("&gt;", ">")
                      .replace("&amp;", "&")) == code["main.py"]  # fmt: skip


def test_main_py_and_requirements_are_what_the_build_generates(code):
    done, _ = macro_build.demo_run()
    rows = button_rows(lite_start_rows("nl"))
    references = {key: f"[{SHAPE_NAMES[key]}]Start!A{row}" for key, row in rows.items()}
    main_py, requirements = lite_code.lite_code(Basis.of(done).to_json(), references)
    assert code["main.py"] == main_py
    assert code["requirements.txt"] == requirements
    import xlwings

    assert requirements.splitlines() == [f"xlwings=={xlwings.__version__}  # required", "pandas"]
    compile(main_py, "main.py", "exec")


# ---- the sheet buttons ------------------------------------------------------------------------


def _buttons(parts, sheet: str) -> dict[str, tuple[str, ElementTree.Element]]:
    """{shape name: (hyperlink target, anchor)} of a sheet's drawing."""
    sheet_parts = lite_package._sheet_parts(parts)
    part = sheet_parts[sheet]
    (drawing_rel,) = [
        r for r in package.read_rels(parts[package.rels_name(part)])
        if r.type == lite_package.REL_DRAWING
    ]  # fmt: skip
    drawing = package.resolve(part, drawing_rel.target)
    links = {r.id: r.target for r in package.read_rels(parts[package.rels_name(drawing)])}
    found = {}
    for anchor in ElementTree.fromstring(parts[drawing]):
        props = anchor.find(f"{NS_XDR}sp/{NS_XDR}nvSpPr/{NS_XDR}cNvPr")
        link = props.find(f"{NS_A}hlinkClick").get(f"{NS_R}id")
        found[props.get("name")] = (links[link], anchor)
    return found


def test_each_script_has_a_button_on_start_and_klanten(parts, code, built):
    references = dict(re.findall(r'@script\(name="([^"]+)", button="([^"]+)"', code["main.py"]))
    assert list(references) == ["Analyseer klanten", "Wis resultaten", "Voorbeelddata"]
    start = _buttons(parts, "Start")
    klanten = _buttons(parts, "Klanten")
    values = openpyxl.load_workbook(built)["Start"]
    cells = set()
    for caption, reference in references.items():
        shape, cell = re.fullmatch(r"\[(\w+)\]Start!(A\d+)", reference).groups()
        assert start[shape][0] == klanten[shape][0] == f"#Start!{cell}"
        row = int(cell[1:])
        assert values[cell].value is None  # the cell behind the button is empty ...
        assert values[f"B{row}"].value == caption  # ... next to the label of that button
        frm = start[shape][1].find(f"{NS_XDR}from")
        assert (frm.find(f"{NS_XDR}col").text, frm.find(f"{NS_XDR}row").text) == ("0", str(row - 1))
        text = "".join(t.text for t in start[shape][1].iter(f"{NS_A}t"))
        assert text == caption
        cells.add(cell)
    assert len(cells) == 3
    for _, anchor in klanten.values():
        assert anchor.find(f"{NS_XDR}from/{NS_XDR}row").text == "0"  # at the top of Klanten


# ---- the same workbook as klantanalyse.xlsm -------------------------------------------------


def _values(sheet) -> list[list[object]]:
    return [list(row) for row in sheet.iter_rows(values_only=True)]


def test_same_sheets_data_and_settings_as_the_macro_workbook(built):
    lite_book = openpyxl.load_workbook(built)
    macro = openpyxl.load_workbook(ROOT / "klantanalyse.xlsm")
    assert macro.sheetnames == [*SHEETS, "xlwings.conf"]
    for name in SHEETS[1:]:
        assert _values(lite_book[name]) == _values(macro[name]), name
    assert lite_book["Start"]["A1"].value == macro["Start"]["A1"].value
    assert lite_book["Start"]["B20"].value == "Laatste analyse"
    assert lite_book["Klanten"].row_dimensions[1].height == lite.KLANTEN_BUTTON_ROW_HEIGHT
    texts = " ".join(str(v) for row in _values(lite_book["Start"]) for v in row if v)
    assert "xlwings Lite" in texts and "Invoegtoepassingen" in texts
    assert "pip install" not in texts and "macro's inschakelen" not in texts.lower()


def test_the_matrix_chart_is_in_the_file(parts):
    """Pre-built over the fixed chart-data ranges the scripts rewrite on every run."""
    charts = [name for name in parts if name.startswith("xl/charts/chart")]
    assert len(charts) == 4
    ranges = re.findall(rb"<f>([^<]*)</f>", parts["xl/charts/chart1.xml"])
    assert b"'Matrix'!$U$2:$U$5001" in ranges


def test_a_client_file_gives_a_workbook_with_its_customers(tmp_path):
    source = openpyxl.Workbook()
    sheet = source.active
    sheet.title = "Klanten"
    for row in (["Klant", "Omzet", "Marge"], ["Bakker BV", 250_000, "Ja"], ["Smit", 4000, "Nee"]):
        sheet.append(row)
    source.save(tmp_path / "klant.xlsx")
    output = build(tmp_path / "klant-lite.xlsx", tmp_path / "klant.xlsx")
    book = openpyxl.load_workbook(output)
    assert [row[:3] for row in _values(book["Klanten"])[:3]] == [
        ["Klant", "Omzet", "Marge"], ["Bakker BV", 250_000, "Ja"], ["Smit", 4000, "Nee"]
    ]  # fmt: skip
    with zipfile.ZipFile(output) as archive:
        main_py = lite_package.read_properties(archive.read(lite_package.WEBEXTENSION))["main.py"]
    assert "klantanalyse" in main_py
    with pytest.raises(FileError, match="is het invoerbestand zelf"):
        build(tmp_path / "klant.xlsx", tmp_path / "klant.xlsx")


# ---- main.py with nothing of ours installed -----------------------------------------------

RUN_MAIN = r"""
import importlib.util, json, os, sys, types

# nothing of ours importable: no checkout, no editable install
sys.path[:] = [p for p in sys.path if not os.path.isdir(os.path.join(p or ".", "klantanalyse"))]
for finder in list(sys.meta_path):
    if "editable" in type(finder).__module__.lower():
        sys.meta_path.remove(finder)
assert importlib.util.find_spec("klantanalyse") is None

registered = {"scripts": {}, "functions": {}}
xw = types.ModuleType("xlwings")

class Book:
    pass

def script(name=None, **options):
    def decorate(f):
        registered["scripts"][f.__name__] = {"name": name, **options}
        return f
    return decorate

def func(f=None, **options):
    def decorate(g):
        registered["functions"][g.__name__] = options
        return g
    return decorate(f) if f is not None else decorate

def arg(name, **options):
    return lambda f: f

xw.Book, xw.script, xw.func, xw.arg = Book, script, func, arg
sys.modules["xlwings"] = xw

namespace = {"__name__": "main"}
exec(compile(open(sys.argv[1], encoding="utf-8").read(), "main.py", "exec"), namespace)
lite = namespace["_klantanalyse"]()
import klantanalyse
row = json.loads(sys.argv[2])
print(json.dumps({
    "registered": registered,
    "package": klantanalyse.__file__,
    "segment_of_row": namespace["SEGMENT"](row),
    "segment_of_name": namespace["SEGMENT"](row[0]),
    "score": namespace["KLANTSCORE"]("Ja", "j", "Nee", None),
    "class": namespace["OMZETKLASSE"](10),
    "similarity": namespace["GELIJKENIS"]("Iemand"),
}))
"""


def test_main_py_loads_the_embedded_package_with_nothing_of_ours_installed(built, code, tmp_path):
    (tmp_path / "main.py").write_text(code["main.py"], encoding="utf-8")
    (tmp_path / "run.py").write_text(RUN_MAIN, encoding="utf-8")
    book = openpyxl.load_workbook(built)["Klanten"]
    row = [v for v in next(book.iter_rows(min_row=2, max_row=2, values_only=True))]
    header = [c.value for c in book[1]]
    inputs = row[:18]
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    result = subprocess.run(
        [sys.executable, str(tmp_path / "run.py"), str(tmp_path / "main.py"),
         json.dumps(inputs, default=str)],
        cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    out = json.loads(result.stdout)
    assert out["registered"]["scripts"] == {
        "analyseer_klanten": {"name": "Analyseer klanten", "button": "[knop_analyseer]Start!A6",
                              "show_taskpane": True},
        "wis_resultaten": {"name": "Wis resultaten", "button": "[knop_wis]Start!A7",
                           "show_taskpane": True},
        "voorbeelddata": {"name": "Voorbeelddata", "button": "[knop_voorbeeld]Start!A8",
                          "show_taskpane": True},
    }  # fmt: skip
    assert out["registered"]["functions"] == {
        "SEGMENT": {"volatile": True},
        "KLANTSCORE": {},
        "OMZETKLASSE": {"volatile": True},
        "GELIJKENIS": {"volatile": True},
    }
    assert ".zip" in out["package"] and str(ROOT) not in out["package"]
    assert out["segment_of_row"] == row[header.index("Segment")]
    assert out["segment_of_name"] == "klik eerst op Analyseer klanten"
    assert out["score"] == 2
    assert out["class"] == "Laag"
    assert out["similarity"] == "klik eerst op Analyseer klanten"


# ---- what LibreOffice shows ------------------------------------------------------------------


@pytest.mark.slow
def test_libreoffice_renders_every_sheet(built, tmp_path):
    soffice = need_soffice()
    profile = (tmp_path / "profile").as_uri()
    subprocess.run(
        [soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
         "--outdir", str(tmp_path), str(built)],
        check=True, capture_output=True, timeout=300,
    )  # fmt: skip
    pdf = tmp_path / f"{built.stem}.pdf"
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    pages = text.split("\f")
    first_page_of = {}
    for marker in (
        "Welke klanten verdienen uw tijd?",  # Start
        "Actielijst: wie vraagt deze periode aandacht",
        "Aannemersbedrijf Haverkamp",  # Klanten: the first demo customer
        "Installatiegroep Verbeek BV",  # Prospects
        "Samenvatting per segment",  # Matrix
        "Klantbehoud per jaar",  # the portfolio page
        "Verwantschap: wat uw beste klanten delen",
    ):
        hits = [i for i, page in enumerate(pages) if marker in page]
        assert hits, f"{marker!r} is on no page"
        first_page_of[marker] = hits[0]
    assert sorted(first_page_of.values()) == list(first_page_of.values())  # sheet order
    assert "Klanten op omzet en score" in pages[first_page_of["Samenvatting per segment"]]
    start = pages[first_page_of["Welke klanten verdienen uw tijd?"]]
    assert "xlwings Lite" in start
    for word in ("Analyseer klanten", "resultaten", "Voorbeelddata"):
        assert start.count(word) >= 2, word  # the button over the label of the same words
