"""Files made to break the reader: each is refused with one sentence (or read right), never
an abort, a traceback or memory beyond the limits. The riskiest run in a child process, so
that a crash of the reader fails the test instead of ending the test run."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from klantanalyse.cli import main
from klantanalyse.files import guard
from klantanalyse.files import read as read_module
from klantanalyse.pipeline import analyse_file
from test_bad_input import FORMATS, SHEET_NS, TABLE_XML, inline, package, refused, run

ROOT = Path(__file__).resolve().parent.parent
FAR = "XFD1048576"


def child(*args: object, timeout: float = 120) -> tuple[int, str]:
    """Run the command line in its own process: (exit code, standard error)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT / "python")}
    done = subprocess.run(
        [sys.executable, "-m", "klantanalyse.cli", *map(str, args)],
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    return done.returncode, done.stderr.strip()


def refused_in_child(src: Path, *extra: object) -> tuple[int, str]:
    """The run on `src` ends with one sentence and exit 1 or 2 (a signal gives a negative
    code, an unexpected error 3); nothing is written."""
    out = src.parent / "uit.xlsx"
    code, err = child("analyse", src, "-o", out, *extra)
    assert code in (1, 2), (code, err[-2000:])
    assert len(err.splitlines()) == 1, err[-2000:]
    assert err.startswith(("Fout: ", "Error: ")) and "Onverwachte" not in err
    assert not out.exists()
    return code, err


def far_cell(cell: str) -> str:
    """TABLE_XML with one more row holding `cell` (a cell element written as given)."""
    return TABLE_XML + f'<row r="1048576">{cell}</row>'


TOO_BIG = (
    "Fout: k.xlsx, blad Klanten is te groot om te lezen (1.048.576 rijen × 16.384 kolommen = "
    "17.179.869.184 cellen, de grens is 10.000.000); verwijder lege of overbodige rijen en "
    "kolommen (ook ver weg op het blad) of splits de gegevens over meer bestanden."
)


# ---- cells the old pre-check did not see ------------------------------------------------


@pytest.mark.parametrize(
    "cell",
    [
        f'<c\tr="{FAR}"><v>1</v></c>',  # a tab after the tag name
        f'<c\nr="{FAR}"><v>1</v></c>',  # a line end
        f'<c  r="{FAR}"><v>1</v></c>',  # two spaces
        f"<c r='{FAR}'><v>1</v></c>",  # single quotes
        f'<c s="0" r="{FAR}"><v>1</v></c>',  # the reference not first
        f'<c r="{FAR}"><f>1</f><v>1</v></c>',  # a formula before the value
        f'<c r="{FAR}" t="inlineStr"><is><t>x</t></is></c>',  # an inline string
    ],
    ids=["tab", "newline", "two-spaces", "single-quotes", "ref-second", "formula", "inline"],
)
def test_far_cell_in_any_spelling_is_refused_before_reading(tmp_path, cell):
    src = package(tmp_path / "k.xlsx", far_cell(cell))
    assert refused_in_child(src) == (2, TOO_BIG)


def test_far_cell_with_a_namespace_prefix_is_refused(tmp_path):
    sheet = (
        f'<y:worksheet xmlns:y="{SHEET_NS}"><y:sheetData>'
        '<y:row r="1"><y:c r="A1" t="inlineStr"><y:is><y:t>Klant</y:t></y:is></y:c></y:row>'
        f'<y:row r="1048576"><y:c r="{FAR}"><y:v>1</y:v></y:c></y:row>'
        "</y:sheetData></y:worksheet>"
    )
    src = package(tmp_path / "k.xlsx", "", extra={"xl/worksheets/sheet1.xml": sheet}.items())
    assert refused_in_child(src) == (2, TOO_BIG)


def test_prefix_on_cells_only_is_refused(tmp_path):
    """A default-namespace sheet whose far cell alone carries a prefix for the same namespace."""
    cell = f'<y:c xmlns:y="{SHEET_NS}" r="{FAR}"><y:v>1</y:v></y:c>'
    src = package(tmp_path / "k.xlsx", far_cell(cell))
    assert refused_in_child(src) == (2, TOO_BIG)


def test_cell_without_reference_after_a_far_row_is_refused(tmp_path):
    """A cell with no reference takes the row's place and the column after the previous cell:
    here column J, the tenth, which takes the area over the limit."""
    src = package(tmp_path / "k.xlsx", far_cell('<c r="I1048576"><v>1</v></c><c><v>1</v></c>'))
    code, err = refused_in_child(src)
    assert code == 2
    assert "(1.048.576 rijen × 10 kolommen = 10.485.760 cellen, " in err


def test_duplicate_reference_attribute_is_refused(tmp_path):
    src = package(tmp_path / "k.xlsx", far_cell(f'<c r="A1048576" r="{FAR}"><v>1</v></c>'))
    code, err = refused_in_child(src)
    assert code == 2
    assert err == (
        "Fout: k.xlsx, blad Klanten kan niet worden gelezen; open het in Excel en sla het "
        "opnieuw op."
    )


@pytest.mark.parametrize("ref", ["AAAA1", "A0", "A99999999999", "1", "B-2", "XFE1", "A1048577"])
def test_reference_outside_the_sheet_is_named(tmp_path, ref):
    src = package(tmp_path / "k.xlsx", TABLE_XML + f'<row r="3"><c r="{ref}"><v>1</v></c></row>')
    assert refused_in_child(src) == (
        2,
        f"Fout: k.xlsx, blad Klanten: de celverwijzing '{ref}' bestaat niet in Excel (de "
        "laatste cel is XFD1048576), het bestand is beschadigd of niet door Excel gemaakt; open "
        "het in Excel en sla het opnieuw op als .xlsx.",
    )


def test_area_just_beyond_the_limit_is_refused_from_the_references(tmp_path):
    """CV1048576: 100 columns of every row, refused from the XML (calamine was not reached)."""
    src = package(tmp_path / "k.xlsx", far_cell('<c r="CV1048576"><v>1</v></c>'))
    code, err = refused_in_child(src)
    assert (code, err.split(" (")[0]) == (2, "Fout: k.xlsx, blad Klanten is te groot om te lezen")
    assert "(1.048.576 rijen × 100 kolommen = 104.857.600 cellen" in err


def test_repeated_row_is_refused(capsys, tmp_path):
    rows = TABLE_XML + '<row r="2">' + inline("A2", "Pietersen") + "</row>"
    src = package(tmp_path / "k.xlsx", rows)
    assert refused(capsys, src) == (
        "Fout: k.xlsx, blad Klanten: rij 2 staat meer dan eens in het bestand (het is beschadigd "
        "of niet door Excel gemaakt); open het in Excel, controleer rij 2 en sla het opnieuw op."
    )


def test_rows_out_of_order_are_read(capsys, tmp_path):
    rows = (
        '<row r="1">' + inline("A1", "Klant") + inline("B1", "Omzet") + "</row>"
        '<row r="3">' + inline("A3", "Pietersen") + '<c r="B3"><v>70</v></c></row>'
        '<row r="2">' + inline("A2", "Jansen") + '<c r="B2"><v>5000</v></c></row>'
    )
    src = package(tmp_path / "k.xlsx", rows)
    report = analyse_file(src, tmp_path / "uit.xlsx")
    assert report.analysis.results["customer"].tolist() == ["Jansen", "Pietersen"]


# ---- shared strings, nesting, encodings ---------------------------------------------------


def shared_table(count: int, length: int) -> str:
    return (
        f'<sst xmlns="{SHEET_NS}" count="{count + 2}" uniqueCount="3">'
        f"<si><t>Klant</t></si><si><t>Omzet</t></si><si><t>{'x' * length}</t></si></sst>"
    )


def shared_sheet(count: int) -> str:
    header = '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>'
    body = "".join(
        f'<row r="{r}"><c r="A{r}" t="s"><v>2</v></c><c r="B{r}"><v>1</v></c></row>'
        for r in range(2, count + 2)
    )
    return header + body


def test_one_long_shared_string_in_many_cells_is_refused(tmp_path):
    """32,767 characters referenced by 100,000 cells expand to 3.3 billion characters."""
    src = package(tmp_path / "k.xlsx", shared_sheet(100_000), shared_table(100_000, 32_767))
    assert src.stat().st_size < 1 << 20
    assert refused_in_child(src) == (
        2,
        "Fout: k.xlsx, blad Klanten bevat te veel tekst om te lezen (3.276.700.010 tekens als "
        "elke cel haar gedeelde tekst krijgt, de grens is 256.000.000); verwijder lange teksten "
        "die in veel cellen herhaald worden of splits de gegevens over meer bestanden.",
    )


def test_shared_text_just_under_the_budget_is_read(tmp_path, monkeypatch):
    monkeypatch.setattr(guard, "MAX_SHEET_TEXT", 2_000)
    src = package(tmp_path / "k.xlsx", shared_sheet(10), shared_table(10, 150))
    report = analyse_file(src, tmp_path / "uit.xlsx")
    assert len(report.analysis.results) == 10
    src = package(tmp_path / "k2.xlsx", shared_sheet(10), shared_table(10, 250))
    with pytest.raises(Exception, match="te veel tekst"):
        analyse_file(src, tmp_path / "uit2.xlsx")


def test_shared_strings_behind_a_comment_are_counted_exactly(tmp_path, monkeypatch):
    """A comment holding <si> tags cannot shift which string a cell points at."""
    monkeypatch.setattr(guard, "MAX_SHEET_TEXT", 100_000)
    table = shared_table(100, 2_000).replace(
        "<si><t>Klant", "<!-- <si></si><si></si> --><si><t>Klant"
    )
    src = package(tmp_path / "k.xlsx", shared_sheet(100), table)
    with pytest.raises(Exception, match="te veel tekst"):
        analyse_file(src, tmp_path / "uit.xlsx")


def nested(depth: int) -> str:
    return "<a>" * depth + "</a>" * depth


@pytest.mark.parametrize("part", ["xl/workbook.xml", "xl/styles.xml", "[Content_Types].xml"])
def test_deeply_nested_part_is_refused(tmp_path, part):
    src = package(tmp_path / "k.xlsx", TABLE_XML)
    with zipfile.ZipFile(src) as old:
        parts = {i.filename: old.read(i) for i in old.infolist()}
    extra = nested(2_200_000).encode() if part != "xl/styles.xml" else nested(500).encode()
    if part == "xl/styles.xml":
        parts[part] = f'<styleSheet xmlns="{SHEET_NS}">'.encode() + extra + b"</styleSheet>"
    else:
        parts[part] = parts[part].replace(b"</", extra + b"</", 1)
    with zipfile.ZipFile(src, "w", zipfile.ZIP_DEFLATED) as new:
        for name, data in parts.items():
            new.writestr(name, data)
    assert src.stat().st_size < 100_000
    code, err = refused_in_child(src)
    assert code == 2
    assert err == (
        f"Fout: k.xlsx is te ingewikkeld om veilig te lezen: onderdeel {part} heeft meer "
        "elementen of is dieper genest (meer dan 100 niveaus) dan een gewone werkmap; kopieer "
        "alleen de klantgegevens naar een nieuwe werkmap en gebruik die."
    )


def test_workbook_part_is_parsed_once_for_all_sheets(tmp_path, monkeypatch):
    """60 sheets: the workbook part is read once, not once for every sheet."""
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    sheets = "".join(
        f'<sheet name="Leeg{i}" sheetId="{i + 2}" r:id="rId{i + 10}"/>' for i in range(60)
    )
    rels = "".join(
        f'<Relationship Id="rId{i + 10}" Type="{rel}/worksheet" Target="worksheets/e{i}.xml"/>'
        for i in range(60)
    )
    src = package(tmp_path / "k.xlsx", TABLE_XML)
    with zipfile.ZipFile(src) as old:
        parts = {i.filename: old.read(i).decode() for i in old.infolist()}
    parts["xl/workbook.xml"] = parts["xl/workbook.xml"].replace("</sheets>", sheets + "</sheets>")
    rels_part = "xl/_rels/workbook.xml.rels"
    parts[rels_part] = parts[rels_part].replace("</Relationships>", rels + "</Relationships>")
    for i in range(60):
        parts[f"xl/worksheets/e{i}.xml"] = f'<worksheet xmlns="{SHEET_NS}"><sheetData/></worksheet>'
    with zipfile.ZipFile(src, "w") as new:
        for name, data in parts.items():
            new.writestr(name, data)
    reads: list[str] = []
    check = guard._check_small_part
    monkeypatch.setattr(
        guard,
        "_check_small_part",
        lambda n, z, part, lang: reads.append(part) or check(n, z, part, lang),
    )
    report = analyse_file(src, tmp_path / "uit.xlsx")
    assert report.analysis.results["customer"].tolist() == ["Jansen"]
    assert reads.count("xl/workbook.xml") == 1


def test_utf16_sheet_is_refused_with_the_reason(capsys, tmp_path):
    cells = far_cell(f'<c r="{FAR}"><v>1</v></c>')
    sheet = (
        '<?xml version="1.0" encoding="UTF-16"?>'
        f'<worksheet xmlns="{SHEET_NS}"><sheetData>{cells}</sheetData></worksheet>'
    ).encode("utf-16")
    src = package(tmp_path / "k.xlsx", "", extra={"xl/worksheets/sheet1.xml": sheet}.items())
    assert refused(capsys, src) == (
        "Fout: k.xlsx: onderdeel xl/worksheets/sheet1.xml is opgeslagen als utf-16, wat Excel "
        "niet doet en wat niet kan worden gelezen; open het bestand in Excel of LibreOffice en "
        "sla het opnieuw op als .xlsx."
    )


@pytest.mark.parametrize("target", ["worksheets\\sheet1.xml", "Worksheets/SHEET1.xml"])
def test_sheet_target_with_backslash_or_other_case_gives_a_result_or_a_sentence(
    tmp_path, capsys, target
):
    src = package(tmp_path / "k.xlsx", TABLE_XML)
    with zipfile.ZipFile(src) as old:
        parts = {i.filename: old.read(i) for i in old.infolist()}
    rels = "xl/_rels/workbook.xml.rels"
    parts[rels] = parts[rels].replace(b"worksheets/sheet1.xml", target.encode())
    with zipfile.ZipFile(src, "w") as new:
        for name, data in parts.items():
            new.writestr(name, data)
    code, out, err = run(capsys, "analyse", src, "-o", tmp_path / "uit.xlsx")
    assert "Traceback" not in err and "Onverwachte" not in err
    if code == 0:
        assert out.startswith("Analyse geschreven naar ")
    else:
        assert code == 2
        assert err.strip() == (
            "Fout: k.xlsx, blad Klanten kan niet worden gelezen; open het in Excel en sla het "
            "opnieuw op."
        )


def test_far_cell_in_a_sheet_found_only_without_regard_to_case_is_refused(tmp_path):
    src = package(tmp_path / "k.xlsx", far_cell(f'<c r="{FAR}"><v>1</v></c>'))
    with zipfile.ZipFile(src) as old:
        parts = {i.filename: old.read(i) for i in old.infolist()}
    rels = "xl/_rels/workbook.xml.rels"
    parts[rels] = parts[rels].replace(b"worksheets/sheet1.xml", b"WORKSHEETS/Sheet1.XML")
    with zipfile.ZipFile(src, "w") as new:
        for name, data in parts.items():
            new.writestr(name, data)
    assert refused_in_child(src) == (2, TOO_BIG)


def test_protected_sheet_is_read_with_a_note(tmp_path):
    src = package(tmp_path / "k.xlsx", TABLE_XML)
    with zipfile.ZipFile(src) as old:
        parts = {i.filename: old.read(i) for i in old.infolist()}
    sheet = "xl/worksheets/sheet1.xml"
    parts[sheet] = parts[sheet].replace(
        b"</sheetData>", b'</sheetData><sheetProtection sheet="1" password="CC1A"/>'
    )
    with zipfile.ZipFile(src, "w") as new:
        for name, data in parts.items():
            new.writestr(name, data)
    report = analyse_file(src, tmp_path / "uit.xlsx")
    assert report.analysis.results["customer"].tolist() == ["Jansen"]
    assert report.warnings[0] == (
        "k.xlsx, blad Klanten is beveiligd; de gegevens zijn gelezen, maar de uitvoer is niet "
        "beveiligd."
    )


# ---- legacy files and CSV -------------------------------------------------------------


def test_sparse_huge_xls_is_refused_from_its_size(tmp_path, capsys):
    src = tmp_path / "oud.xls"
    src.write_bytes((FORMATS / "klanten.xls").read_bytes())
    os.truncate(src, 3 << 30)  # 3 GB, sparse: nothing is written to disk
    assert refused(capsys, src) == (
        "Fout: oud.xls is te groot om te lezen (3072 MB, de grens voor een werkmap is "
        "256 MB); bewaar alleen de klantgegevens in een nieuwe werkmap of splits het bestand."
    )


def test_xls_padded_beyond_its_allocation_table_is_refused(tmp_path, capsys):
    src = tmp_path / "oud.xls"
    src.write_bytes((FORMATS / "klanten.xls").read_bytes() + bytes(8 << 20))
    assert refused(capsys, src) == (
        "Fout: oud.xls is geen geldig Excel-bestand (beschadigd of een ander formaat); open het "
        "in Excel en sla het opnieuw op als .xlsx."
    )


def test_utf16_csv_is_read(tmp_path):
    for encoding in ("utf-16", "utf-16-le", "utf-16-be"):
        src = tmp_path / f"k-{encoding}.csv"
        src.write_bytes("Klant;Omzet\nCafé Noël;1250\nBäckerei;99\n".encode(encoding))
        report = analyse_file(src, tmp_path / "uit.xlsx")
        revenue = report.analysis.results.set_index("customer")["revenue"].to_dict()
        assert revenue == {"Café Noël": 1250.0, "Bäckerei": 99.0}, encoding


def test_csv_field_beyond_the_limit_is_refused(tmp_path, capsys):
    src = tmp_path / "k.csv"
    src.write_text("Klant;Omzet\nA;1\n" + "B" * 140_000 + ";2\n", encoding="utf-8")
    assert refused(capsys, src) == (
        "Fout: k.csv, regel 3: hier begint een veld dat nooit eindigt of langer is dan 131.072 "
        'tekens (meestal een aanhalingsteken " dat niet wordt gesloten); sluit of verwijder het '
        "aanhalingsteken en probeer het opnieuw."
    )


def test_csv_quote_that_is_never_closed_is_refused(tmp_path, capsys):
    src = tmp_path / "k.csv"
    src.write_text('Klant;Omzet\nA;1\n"B;2\nC;3\nD;4\n', encoding="utf-8")
    assert refused(capsys, src).startswith("Fout: k.csv, regel 3: hier begint een veld ")


def test_csv_with_a_literal_inch_quote_is_read(tmp_path):
    src = tmp_path / "k.csv"
    src.write_text('Klant;Omzet;Product\nA;1;Scherm 24"\nB;2;Kabel\n', encoding="utf-8")
    report = analyse_file(src, tmp_path / "uit.xlsx")
    assert report.analysis.results["customer"].tolist() == ["A", "B"]


# ---- one read of the bytes ---------------------------------------------------------------


def test_file_swapped_after_it_was_read_changes_nothing_but_is_reported(tmp_path, monkeypatch):
    """The guard and the reader see the same bytes: a bomb put in place of the file after
    it was read is never opened; the run says the input changed."""
    src = package(tmp_path / "k.xlsx", TABLE_XML)
    bomb = package(tmp_path / "bom.xlsx", far_cell(f'<c\tr="{FAR}"><v>1</v></c>'))
    original = guard.Package.__init__

    def swap_then_check(self, data, name, lang="nl"):
        os.replace(bomb, src)
        original(self, data, name, lang)

    monkeypatch.setattr(guard.Package, "__init__", swap_then_check)
    report = analyse_file(src, tmp_path / "uit.xlsx")
    assert report.analysis.results["customer"].tolist() == ["Jansen"]
    assert report.warnings[-1] == (
        "k.xlsx is tijdens de analyse gewijzigd; de uitvoer is gemaakt uit het bestand zoals "
        "het aan het begin was, start de analyse opnieuw voor de nieuwe versie."
    )


def test_file_deleted_after_it_was_read_is_reported_as_such(tmp_path, monkeypatch, capsys):
    src = tmp_path / "k.csv"
    src.write_text("Klant;Omzet\nA;1\nB;2\n", encoding="utf-8")
    original = read_module.table_from_rows

    def delete_then_cut(rows, *args, **kw):
        src.unlink(missing_ok=True)
        return original(rows, *args, **kw)

    monkeypatch.setattr(read_module, "table_from_rows", delete_then_cut)
    code, _, err = run(capsys, "analyse", src, "-o", tmp_path / "uit.xlsx")
    assert code == 0
    assert (
        "  - k.csv is tijdens de analyse verwijderd of verplaatst; de uitvoer is gemaakt uit "
        "het bestand zoals het aan het begin was."
    ) in err.splitlines()
    assert (tmp_path / "uit.xlsx").exists()


def test_the_reader_is_given_bytes_not_a_path(tmp_path, monkeypatch):
    import python_calamine

    def no_path(*_args, **_kw):
        raise AssertionError("opened by path")

    monkeypatch.setattr(python_calamine.CalamineWorkbook, "from_path", no_path)
    src = package(tmp_path / "k.xlsx", TABLE_XML)
    assert main(["analyse", str(src), "-o", str(tmp_path / "uit.xlsx")]) == 0


# ---- macros of a client's workbook -------------------------------------------------------

EVIL_OPEN = 'Private Sub Workbook_Open()\n    Shell "cmd.exe /c calc"\nEnd Sub\n'
EVIL_MODULE = (
    'Sub AutoOpen()\n    CreateObject("WScript.Shell").Run "powershell -enc AAAA"\nEnd Sub\n'
)
EVIL_CONF = [
    ("INTERPRETER_WIN", "\\\\share\\python.exe"),
    ("PYTHONPATH", "\\\\share\\lib"),
    ("UDF MODULES", "evilmod"),
]


def client_xlsm(path: Path, modules=None) -> Path:
    """A client's macro workbook: customers, an xlwings.conf sheet pointing elsewhere, and a
    VBA project that runs a program when it is opened."""
    import io

    import openpyxl

    from klantanalyse.ooxml import package
    from klantanalyse.workbook import vba

    book = openpyxl.Workbook()
    book.code_name = "ThisWorkbook"
    ws = book.active
    ws.title = "Klanten"
    ws.sheet_properties.codeName = "Blad1"
    for row in [["Klant", "Omzet"], ["Jansen", 5000], ["Pietersen", 70]]:
        ws.append(row)
    conf = book.create_sheet("xlwings.conf")
    conf.sheet_properties.codeName = "Blad2"
    for row in EVIL_CONF:
        conf.append(list(row))
    buffer = io.BytesIO()
    book.save(buffer)
    if modules is None:
        modules = [
            vba.VBAModule("ThisWorkbook", vba.crlf(EVIL_OPEN), vba.DOCUMENT),
            vba.VBAModule("Module1", vba.crlf(EVIL_MODULE), vba.MODULE),
        ]
    path.write_bytes(package.add_macros(buffer.getvalue(), modules, vba.ribbon_xml()))
    return path


def modules_of(path: Path) -> dict[str, str] | None:
    from klantanalyse.ooxml import package
    from klantanalyse.workbook import carry

    macros = package.read_macros(path)
    return None if macros is None else carry.project_modules(macros)


def conf_of(path: Path) -> list[tuple[object, object]]:
    import openpyxl

    ws = openpyxl.load_workbook(path)["xlwings.conf"]
    return [(r[0], r[1]) for r in ws.iter_rows(values_only=True) if r[0] is not None]


def test_client_macros_are_left_out_and_named(tmp_path, capsys):
    from klantanalyse.ooxml import package

    src = client_xlsm(tmp_path / "klant.xlsm")
    assert "Module1" in modules_of(src)  # the project is there to be dropped
    out = tmp_path / "uit.xlsm"
    code, _, err = run(capsys, "analyse", src, "-o", out)
    assert code == 0, err
    assert modules_of(out) is None  # no VBA project, no ribbon
    data = out.read_bytes()
    assert package.package_problems(data) == []
    assert b"vbaProject" not in data and b"customUI" not in data
    assert conf_of(out) == [("UDF MODULES", "klantanalyse.excel.udfs")]
    assert (
        "  - klant.xlsm: het VBA-project is niet overgenomen in de uitvoer, omdat het niet dat "
        "van Klantanalyse is (modules: ThisWorkbook, Module1); macro's uit een ander bestand "
        "worden nooit zonder vragen meegenomen, gebruik --keep-macros als u ze vertrouwt."
    ) in err.splitlines()
    assert (
        "  - klant.xlsm: instellingen op blad xlwings.conf niet overgenomen (INTERPRETER_WIN = "
        "\\\\share\\python.exe, PYTHONPATH = \\\\share\\lib, UDF MODULES = evilmod); alleen "
        "'UDF MODULES' van Klantanalyse gaat mee, gebruik --keep-macros als u ze vertrouwt."
    ) in err.splitlines()


def test_client_macros_kept_on_request_still_warn(tmp_path, capsys):
    src = client_xlsm(tmp_path / "klant.xlsm")
    out = tmp_path / "uit.xlsm"
    code, _, err = run(capsys, "analyse", src, "-o", out, "--keep-macros", "--lang", "en")
    assert code == 0, err
    assert modules_of(out) == modules_of(src)
    assert conf_of(out) == EVIL_CONF
    lines = err.splitlines()
    assert (
        "  - klant.xlsm: the VBA project was kept with --keep-macros (modules: ThisWorkbook, "
        "Module1) and holds code that runs on opening or starts programs (Workbook_Open, "
        "AutoOpen, Shell, CreateObject, WScript, PowerShell, cmd.exe); only enable macros in "
        "the output if you trust its maker."
    ) in lines
    assert any(
        line.startswith("  - klant.xlsm: settings on sheet xlwings.conf kept") for line in lines
    )


def test_our_modules_with_one_more_are_not_ours(tmp_path):
    from klantanalyse.workbook import vba

    extra = vba.VBAModule("Extra", vba.crlf("Sub Hallo()\nEnd Sub\n"), vba.MODULE)
    src = client_xlsm(tmp_path / "klant.xlsm", vba.project_modules(vba.UDF_MODULE) + [extra])
    report = analyse_file(src, tmp_path / "uit.xlsm")
    assert modules_of(tmp_path / "uit.xlsm") is None
    assert "Extra" in report.warnings[0] and "xlwings_udfs" in report.warnings[0]


def test_our_own_project_gets_our_modules_afresh(tmp_path):
    """The input's project is ours: the output's is built from templates/, the same code."""
    from klantanalyse.workbook import vba

    src = client_xlsm(tmp_path / "klant.xlsm", vba.project_modules(vba.UDF_MODULE))
    report = analyse_file(src, tmp_path / "uit.xlsm")
    assert not any("VBA" in w for w in report.warnings)

    def with_code(path: Path) -> dict[str, str]:  # sheet modules follow the output's sheets
        return {name: code for name, code in modules_of(path).items() if code}

    assert with_code(tmp_path / "uit.xlsm") == with_code(src)
    assert set(with_code(src)) == {
        "ThisWorkbook",
        "xlwings",
        "Dictionary",
        "Ribbon",
        "xlwings_udfs",
    }


def test_same_file_through_a_link_is_refused_in_workbook_data(tmp_path, capsys):
    src = client_xlsm(tmp_path / "data.xlsm")
    before = src.read_bytes()
    (tmp_path / "link.xlsm").symlink_to(src)
    os.link(src, tmp_path / "hard.xlsm")
    for output in ("data.xlsm", "link.xlsm", "hard.xlsm"):
        code, out, err = run(capsys, "workbook", "--data", src, "-o", tmp_path / output)
        assert (code, out) == (2, ""), err
        assert err.strip() == (
            f"Fout: de uitvoer '{tmp_path / output}' is het invoerbestand zelf; kies met -o een "
            "andere naam, de invoer wordt nooit overschreven."
        )
    assert src.read_bytes() == before


def test_same_file_through_a_link_is_refused_in_analyse(tmp_path, capsys):
    src = tmp_path / "k.csv"
    src.write_text("Klant;Omzet\nA;1\n", encoding="utf-8")
    orders = tmp_path / "o.xlsx"
    orders.write_bytes(b"x")
    os.link(src, tmp_path / "hard.xlsx")
    for args in (["-o", tmp_path / "hard.xlsx"], ["--orders", orders, "-o", orders]):
        code, _, err = run(capsys, "analyse", src, *args)
        assert code == 2
        assert "is het invoerbestand zelf" in err
    assert src.read_text(encoding="utf-8") == "Klant;Omzet\nA;1\n"


# ---- stopped mid-write -------------------------------------------------------------------


@pytest.mark.skipif(os.name != "posix", reason="SIGTERM and SIGHUP are POSIX")
@pytest.mark.parametrize("name", ["SIGTERM", "SIGHUP"])
def test_stop_signal_mid_write_leaves_no_temporary_file(tmp_path, capsys, name):
    import signal
    import time

    from test_atomic import customers_csv, digest, leftovers

    first = customers_csv(tmp_path / "klein.csv", 5)
    out = tmp_path / "uit.xlsx"
    assert main(["analyse", str(first), "-o", str(out)]) == 0
    capsys.readouterr()
    before = digest(out)
    src = customers_csv(tmp_path / "k.csv", 15_000)
    env = {**os.environ, "PYTHONPATH": str(ROOT / "python")}
    cmd = [sys.executable, "-m", "klantanalyse.cli", "analyse", str(src), "-o", str(out)]
    process = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    sent = False
    deadline = time.monotonic() + 120
    while process.poll() is None and time.monotonic() < deadline:
        if leftovers(tmp_path):  # the temporary output exists: the run is writing
            process.send_signal(getattr(signal, name))
            sent = True
            break
        time.sleep(0.002)
    _, err = process.communicate(timeout=120)
    if not sent:
        pytest.skip("the run finished before it could be stopped mid-write")
    assert process.returncode == 128 + getattr(signal, name)
    *progress, last = err.decode().strip().splitlines()
    if digest(out) == before:
        assert last == "Afgebroken; er is niets geschreven."
    else:  # the signal came just after the new output replaced the old one: said so
        assert last == f"Afgebroken nadat {out} al was geschreven; die uitvoer is heel."
    # before it, only what a run of seconds says it is doing
    assert all(line.startswith("Klantanalyse: ") for line in progress), progress
    assert leftovers(tmp_path) == []


def test_full_temporary_folder_is_named(tmp_path, capsys, monkeypatch):
    from klantanalyse.files import write as write_module

    def streamed_to_a_full_folder(*_args, **_kw):
        raise ValueError("xl/worksheets/sheet1.xml has no sheetData")

    monkeypatch.setattr(write_module, "_build", streamed_to_a_full_folder)
    monkeypatch.setattr(write_module, "temp_folder_full", lambda: True)
    folder = str(tmp_path / "tijdelijk")
    monkeypatch.setattr(write_module.tempfile, "gettempdir", lambda: folder)
    src = tmp_path / "k.csv"
    src.write_text("Klant;Omzet\nA;1\n", encoding="utf-8")
    assert refused(capsys, src) == (
        f"Fout: de map voor tijdelijke bestanden ({folder}) is vol, er is niets geschreven; maak "
        "daar ruimte vrij of wijs met de omgevingsvariabele TMPDIR (Windows: TEMP) een andere "
        "map aan."
    )


# ---- silent choices ----------------------------------------------------------------------


def test_composed_and_decomposed_names_are_one_customer(tmp_path):
    import unicodedata

    composed = unicodedata.normalize("NFC", "Café Noël")
    decomposed = unicodedata.normalize("NFD", "Café Noël")
    assert composed != decomposed
    src = tmp_path / "k.csv"
    src.write_text(f"Klant;Omzet\n{composed};100\n{decomposed};200\n", encoding="utf-8")
    report = analyse_file(src, tmp_path / "uit.xlsx")
    messages = report.analysis.results["message"].tolist()
    assert messages[1] == "Klantnaam 'Café Noël' staat ook op rij 2; maak de namen uniek."
    orders = tmp_path / "o.csv"
    orders.write_text(f"Klant;Datum;Bedrag\n{decomposed};15-03-2024;50\n", encoding="utf-8")
    src.write_text(f"Klant;Omzet\n{composed};100\n", encoding="utf-8")
    report = analyse_file(src, tmp_path / "uit.xlsx", orders_path=orders)
    assert report.analysis.results["last_order"].iloc[0].year == 2024


@pytest.mark.parametrize("date_1904", [False, True])
def test_dates_before_1900_are_not_orders(tmp_path, date_1904):
    import datetime as dt

    import xlsxwriter

    src = tmp_path / "k.xlsx"
    book = xlsxwriter.Workbook(src, {"date_1904": date_1904})
    klanten = book.add_worksheet("Klanten")
    klanten.write_row(0, 0, ["Klant", "Omzet"])
    klanten.write_row(1, 0, ["Jansen", 1000])
    orders = book.add_worksheet("Orders")
    date_format = book.add_format({"num_format": "dd-mm-yyyy"})
    orders.write_row(0, 0, ["Klant", "Datum", "Bedrag"])
    orders.write_row(1, 0, ["Jansen", "31-12-1899", 10])
    orders.write_row(2, 0, ["Jansen", "0001-01-01", 10])
    orders.write(3, 0, "Jansen")
    orders.write_datetime(3, 1, dt.datetime(2024, 3, 15), date_format)
    orders.write(3, 2, 250)
    book.close()
    report = analyse_file(src, tmp_path / "uit.xlsx")
    result = report.analysis.results.iloc[0]
    assert result["last_order"].date() == dt.date(2024, 3, 15)
    assert any("2 rij(en) met een onleesbare of lege datum" in w for w in report.warnings)


def test_a_kept_project_keeps_its_own_sheet_code_names(tmp_path, capsys):
    """With --keep-macros the client's sheet modules stay tied to their sheets: the output's
    codeNames are the project's (Blad1, Blad2), and the sheets it has no module for get none
    (Excel gives them one), never our shKlanten that the kept project does not declare."""
    from klantanalyse.ooxml import package

    src = client_xlsm(tmp_path / "klant.xlsm")
    out = tmp_path / "uit.xlsm"
    code, _, _ = run(capsys, "analyse", src, "-o", out, "--keep-macros")
    assert code == 0
    book_code, sheets = package.code_names(out.read_bytes())
    assert book_code == "ThisWorkbook"
    assert sheets == {"Klanten": "Blad1", "xlwings.conf": "Blad2"}


def test_a_dropped_project_leaves_our_code_names(tmp_path, capsys):
    from klantanalyse.ooxml import package

    src = client_xlsm(tmp_path / "klant.xlsm")
    out = tmp_path / "uit.xlsm"
    code, _, _ = run(capsys, "analyse", src, "-o", out)
    assert code == 0
    _, sheets = package.code_names(out.read_bytes())
    assert sheets["Klanten"] == "shKlanten" and sheets["Matrix"] == "shMatrix"


def test_a_refusal_names_the_whole_sheet_not_the_part_read_first(capsys, tmp_path, monkeypatch):
    """The sheet is looked at in pieces; the area in the sentence is that of the whole sheet,
    even when the first pieces already pass the limit."""
    monkeypatch.setattr(guard, "PIECE_BYTES", 4096)
    monkeypatch.setattr(guard, "MAX_SHEET_CELLS", 1_000)
    rows = "".join(
        f'<row r="{r}">' + inline(f"A{r}", f"Klant {r}") + f'<c r="B{r}"><v>{r}</v></c></row>'
        for r in range(3, 3_001)
    )
    src = package(tmp_path / "k.xlsx", TABLE_XML + rows)
    assert len(rows) > 20 * 4096  # many pieces
    sentence = refused(capsys, src)
    assert "(3000 rijen × 2 kolommen = 6000 cellen, de grens is 1000)" in sentence
