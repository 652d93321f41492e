"""An output made from an input workbook names everything of the input it does not carry:
Excel-made files get a Klanten sheet added part by part (their charts, pictures, comments
and VBA untouched), and the warning lists what stays behind in the input."""

from __future__ import annotations

import hashlib
import re
import zipfile
from pathlib import Path

import pytest

from conftest import SHARED
from klantanalyse.cli import main
from klantanalyse.pipeline import analyse_file

LOCAL = Path(__file__).resolve().parent / "data" / "corpus"
CORPUS = SHARED / "corpus" / "excel-made"
KEPT = "niet overgenomen in de uitvoer (het staat nog in het invoerbestand, dat niet is gewijzigd)"
MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
ROWS = [
    ["Klant", "Omzet", "Marge", "Snelheid", "Innovatie", "Netwerk"],
    ["Groothandel Noord", 400_000, "Ja", "Ja", "Ja", "Nee"],
    ["Atelier Zuid", 5_000, "Nee", "Nee", "Nee", "Nee"],
]


def with_klanten_part(src: Path, out: Path) -> Path:
    """`src` with one more worksheet, Klanten, added to the package; nothing else changes."""
    with zipfile.ZipFile(src) as package:
        parts = {info.filename: package.read(info) for info in package.infolist()}
    cells = []
    for r, row in enumerate(ROWS, start=1):
        values = "".join(
            f'<c r="{chr(65 + c)}{r}" t="inlineStr"><is><t>{v}</t></is></c>'
            if isinstance(v, str)
            else f'<c r="{chr(65 + c)}{r}"><v>{v}</v></c>'
            for c, v in enumerate(row)
        )
        cells.append(f'<row r="{r}">{values}</row>')
    parts["xl/worksheets/klanten.xml"] = (
        f'<worksheet xmlns="{MAIN_NS}"><sheetData>{"".join(cells)}</sheetData></worksheet>'
    ).encode()
    rels = parts["xl/_rels/workbook.xml.rels"].decode()
    parts["xl/_rels/workbook.xml.rels"] = rels.replace(
        "</Relationships>",
        f'<Relationship Id="rIdKlanten" Type="{REL_NS}/worksheet" '
        'Target="worksheets/klanten.xml"/></Relationships>',
    ).encode()
    book = parts["xl/workbook.xml"].decode()
    parts["xl/workbook.xml"] = re.sub(
        r"</sheets>",
        '<sheet name="Klanten" sheetId="999" r:id="rIdKlanten"/></sheets>',
        book,
    ).encode()
    types = parts["[Content_Types].xml"].decode()
    parts["[Content_Types].xml"] = types.replace(
        "</Types>",
        '<Override PartName="/xl/worksheets/klanten.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
    ).encode()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        for name, data in parts.items():
            package.writestr(name, data)
    return out


def warning_for(
    tmp_path: Path, name: str, folder: Path = LOCAL, output: str = "uit.xlsx", **options
):
    src = with_klanten_part(folder / name, tmp_path / name)
    before = hashlib.sha256(src.read_bytes()).hexdigest()
    report = analyse_file(src, tmp_path / output, **options)
    assert hashlib.sha256(src.read_bytes()).hexdigest() == before
    found = [w for w in report.warnings if KEPT in w]
    assert len(found) <= 1
    return found[0] if found else None


@pytest.mark.parametrize(
    "name, output, expected",
    [
        (
            "macro01.xlsm",
            "uit.xlsx",  # an .xlsx output cannot hold the VBA project
            "blad Sheet1; het VBA-project (macro's)",
        ),
        ("chartsheet01.xlsx", "uit.xlsx", "blad Sheet1; blad Chart1 (met 1 grafiek(en))"),
        (
            "table02.xlsx",
            "uit.xlsx",
            "blad Sheet1 (met 3 Excel-tabel(len)); blad Sheet2 (met 2 Excel-tabel(len))",
        ),  # fmt: skip
        ("merge_range01.xlsx", "uit.xlsx", "blad Sheet1 (met 1 samengevoegde cel(len))"),
    ],
)
def test_what_stays_behind_is_named(tmp_path, name, output, expected):
    assert warning_for(tmp_path, name, output=output) == f"{name}: {KEPT}: {expected}."


def test_client_macro_workbook_to_xlsm_leaves_its_vba_behind(tmp_path):
    """A VBA project that is not ours is not carried without asking (test_hostile.py)."""
    warning = warning_for(tmp_path, "macro01.xlsm", output="uit.xlsm")
    assert warning == f"macro01.xlsm: {KEPT}: blad Sheet1; het VBA-project (macro's)."


def test_client_macro_workbook_kept_with_the_option_says_so_for_the_rest(tmp_path):
    warning = warning_for(tmp_path, "macro01.xlsm", output="uit.xlsm", keep_macros=True)
    assert warning == f"macro01.xlsm: {KEPT}: blad Sheet1."


def test_warning_on_the_command_line_in_english(tmp_path, capsys):
    src = with_klanten_part(LOCAL / "chartsheet01.xlsx", tmp_path / "grafiek.xlsx")
    code = main(["analyse", str(src), "-o", str(tmp_path / "uit.xlsx"), "--lang", "en"])
    err = capsys.readouterr().err
    assert code == 0
    assert (
        "  - grafiek.xlsx: not carried into the output (it is still in the input file, which was "
        "not changed): sheet Sheet1; sheet Chart1 (with 1 chart(s))."
    ) in err.splitlines()


def test_own_output_carries_everything(tmp_path):
    src = tmp_path / "k.csv"
    src.write_text("Klant;Omzet\nA;100\nB;50\n", encoding="utf-8")
    analyse_file(src, tmp_path / "eerste.xlsx")
    report = analyse_file(tmp_path / "eerste.xlsx", tmp_path / "tweede.xlsx")
    assert [w for w in report.warnings if KEPT in w] == []


SHARED_EXPECTED = {
    "button07.xlsm": "blad Sheet1 (met 1 knop(pen) of keuzelijst(en)); het VBA-project (macro's)",
    "chart_bar01.xlsx": "blad Sheet1 (met 1 grafiek(en))",
    "comment01.xlsx": "blad Sheet1 (met 1 opmerking(en))",
    "cond_format01.xlsx": "blad Sheet1 (met 1 voorwaardelijke opmaak)",
    "data_validation01.xlsx": "blad Sheet1 (met 1 gegevensvalidatie(s))",
    "defined_name01.xlsx": "blad Sheet1; 8 benoemd(e) bereik(en)",  # Sheet2 and 3 are empty
    "embed_image01.xlsx": "blad Sheet1; 1 afbeelding(en) in cellen",
    "hyperlink01.xlsx": "blad Sheet1 (met 1 hyperlink(s))",
    "image01.xlsx": "blad Sheet1 (met 1 afbeelding(en))",
    "table10.xlsx": "blad Sheet1 (met 1 Excel-tabel(len), 10 formule(s) (alleen de uitkomst is "
    "overgenomen))",
}


def test_shared_corpus_features_are_named(tmp_path):
    if not CORPUS.is_dir():
        pytest.skip("the shared corpus (../shared/corpus/excel-made) is not here")
    for name, expected in SHARED_EXPECTED.items():
        folder = tmp_path / name.split(".")[0]
        folder.mkdir()
        assert warning_for(folder, name, CORPUS) == f"{name}: {KEPT}: {expected}.", name
