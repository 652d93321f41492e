"""Messy, damaged and hostile inputs: each gets a correct result or one clear sentence
(exact text, exit code, input untouched, no output and no temporary file left behind)."""

from __future__ import annotations

import datetime as dt
import errno
import gzip
import hashlib
import os
import shutil
import struct
import zipfile
from pathlib import Path

import openpyxl
import pytest
import python_calamine
import xlsxwriter

from klantanalyse.cli import main
from klantanalyse.files import guard
from klantanalyse.files import write as write_module
from klantanalyse.pipeline import analyse_file

FORMATS = Path(__file__).resolve().parent / "data" / "formats"
HEADER = ["Klant", "Omzet", "Marge", "Snelheid", "Innovatie", "Netwerk"]
CUSTOMERS = [
    ["Bakkerij De Hoek", 120000, "Ja", "Ja", "Nee", "Ja"],
    ["Garage Oost", 45000, "Nee", "Ja", "Nee", "Nee"],
    ["Café Noël", 8000, "Nee", "Nee", "Nee", "Nee"],
]


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def run(capsys, *args: object) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def refused(capsys, src: Path, *extra: object) -> str:
    """Run on `src`; check the refusal leaves everything as it was; return the sentence."""
    before = digest(src) if src.is_file() else None
    out_path = src.parent / "uit.xlsx"
    code, out, err = run(capsys, "analyse", src, "-o", out_path, *extra)
    assert code != 0
    assert out == ""
    assert "Traceback" not in err
    assert len(err.strip().splitlines()) == 1
    if before is not None:
        assert digest(src) == before
    assert not out_path.exists()
    assert [p.name for p in src.parent.iterdir() if p.name.startswith(".~")] == []
    return err.strip()


def workbook(path: Path, rows: list[list[object]], sheet: str = "Klanten") -> Path:
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = sheet
    for row in rows:
        ws.append(row)
    book.save(path)
    return path


def segments(path: Path) -> dict[str, str]:
    """Customer -> segment from an output workbook."""
    rows = list(openpyxl.load_workbook(path)["Klanten"].iter_rows(values_only=True))
    col = rows[0].index("Segment")
    return {r[0]: r[col] for r in rows[1:]}


SHEET_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"


def package(path: Path, sheet_data: str, shared: str | None = None, extra=()) -> Path:
    """A minimal .xlsx written part by part, for inputs no spreadsheet program would save."""
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    parts = {
        "[Content_Types].xml": (
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/'
            'vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
            '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>'
        ),
        "_rels/.rels": (
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'<Relationship Id="rId1" Type="{rel}/officeDocument" Target="xl/workbook.xml"/>'
            "</Relationships>"
        ),
        "xl/workbook.xml": (
            f'<workbook xmlns="{SHEET_NS}" xmlns:r="{rel}"><sheets>'
            '<sheet name="Klanten" sheetId="1" r:id="rId1"/></sheets></workbook>'
        ),
        "xl/_rels/workbook.xml.rels": (
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'<Relationship Id="rId1" Type="{rel}/worksheet" Target="worksheets/sheet1.xml"/>'
            + (
                f'<Relationship Id="rId2" Type="{rel}/sharedStrings" Target="sharedStrings.xml"/>'
                if shared is not None
                else ""
            )
            + "</Relationships>"
        ),
        "xl/worksheets/sheet1.xml": (
            f'<worksheet xmlns="{SHEET_NS}"><sheetData>{sheet_data}</sheetData></worksheet>'
        ),
    }
    if shared is not None:
        parts["xl/sharedStrings.xml"] = shared
    parts.update(dict(extra))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for name, text in parts.items():
            out.writestr(name, text.encode() if isinstance(text, str) else text)
    return path


def inline(ref: str, text: str) -> str:
    return f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>'


TABLE_XML = (
    '<row r="1">' + inline("A1", "Klant") + inline("B1", "Omzet") + "</row>"
    '<row r="2">' + inline("A2", "Jansen") + '<c r="B2"><v>5000</v></c></row>'
)


# ---- formats: read when a maintained reader can, else a sentence ----------------------


def test_legacy_xls_and_ods_are_read_like_xlsx(capsys, tmp_path):
    reference = workbook(tmp_path / "klanten.xlsx", [HEADER, *CUSTOMERS])
    assert run(capsys, "analyse", reference, "-o", tmp_path / "ref.xlsx")[0] == 0
    expected = segments(tmp_path / "ref.xlsx")
    assert len(expected) == 3
    for name in ("klanten.xls", "klanten.ods"):
        src = tmp_path / name
        shutil.copy(FORMATS / name, src)
        before = digest(src)
        code, out, err = run(capsys, "analyse", src)
        assert code == 0, err
        output = tmp_path / "klanten-analyse.xlsx"
        assert out.splitlines()[0] == f"Analyse geschreven naar {output}"
        assert segments(output) == expected
        assert digest(src) == before
        output.unlink()


def test_legacy_xls_saved_under_an_xlsx_name_is_read_by_its_content(capsys, tmp_path):
    src = tmp_path / "oud.xlsx"
    shutil.copy(FORMATS / "klanten.xls", src)
    code, _, err = run(capsys, "analyse", src, "-o", tmp_path / "uit.xlsx")
    assert code == 0, err
    assert set(segments(tmp_path / "uit.xlsx")) == {r[0] for r in CUSTOMERS}


def test_encrypted_workbook(capsys, tmp_path):
    src = tmp_path / "wachtwoord.xlsx"
    shutil.copy(FORMATS / "wachtwoord.xlsx", src)
    assert src.read_bytes()[:4] == b"\xd0\xcf\x11\xe0"  # an OLE2 file, as Excel writes it
    assert refused(capsys, src) == (
        "Fout: wachtwoord.xlsx is met een wachtwoord beveiligd en kan niet worden gelezen; open "
        "het in Excel, haal het wachtwoord weg (Bestand > Info > Werkmap beveiligen > "
        "Versleutelen met wachtwoord) en sla het opnieuw op."
    )
    assert refused(capsys, src, "--lang", "en") == (
        "Error: wachtwoord.xlsx is protected with a password and cannot be read; open it in "
        "Excel, remove the password (File > Info > Protect Workbook > Encrypt with Password) "
        "and save it again."
    )


def test_password_protected_xls_named_by_the_reader(capsys, tmp_path, monkeypatch):
    """A legacy .xls with a password: calamine says so, and so do we."""
    src = tmp_path / "oud.xls"
    shutil.copy(FORMATS / "klanten.xls", src)

    def locked(*_args, **_kw):
        raise python_calamine.PasswordError("Workbook is password protected")

    monkeypatch.setattr(python_calamine.CalamineWorkbook, "from_filelike", locked)
    assert refused(capsys, src).startswith("Fout: oud.xls is met een wachtwoord beveiligd ")


def test_truncated_workbook(capsys, tmp_path):
    whole = workbook(tmp_path / "heel.xlsx", [HEADER, *CUSTOMERS])
    src = tmp_path / "half.xlsx"
    src.write_bytes(whole.read_bytes()[: whole.stat().st_size // 2])
    whole.unlink()
    assert refused(capsys, src) == (
        "Fout: half.xlsx is onvolledig of beschadigd (bijvoorbeeld door een afgebroken download "
        "of kopie); haal het bestand opnieuw op, of open het in Excel en sla het opnieuw op als "
        ".xlsx."
    )


def test_zero_byte_file(capsys, tmp_path):
    src = tmp_path / "leeg.xlsx"
    src.write_bytes(b"")
    assert refused(capsys, src) == (
        "Fout: leeg.xlsx is leeg (0 bytes); kies het goede bestand of sla het opnieuw op vanuit "
        "Excel."
    )


def test_web_page_saved_as_xls(capsys, tmp_path):
    src = tmp_path / "export.xls"
    src.write_text("<html><body><table><tr><td>Klant</td></tr></table></body></html>")
    assert refused(capsys, src) == (
        "Fout: export.xls is een webpagina (HTML) met de naam van een Excel-bestand; open het in "
        "Excel en sla het op als Excel-werkmap (.xlsx)."
    )


def test_damaged_part_that_holds_more_than_it_declares(capsys, tmp_path):
    """A zip directory that lies about a sheet's size: the sheet is refused as damaged."""
    src = package(tmp_path / "lieg.xlsx", TABLE_XML)
    data = bytearray(src.read_bytes())
    name = b"xl/worksheets/sheet1.xml"
    # the unpacked size sits at offset 22 of the local header and 24 of the directory entry
    for signature, size_at, name_at, length_at in (
        (b"PK\x03\x04", 22, 30, 26),
        (b"PK\x01\x02", 24, 46, 28),
    ):
        at = data.find(signature)
        while (
            data[at + name_at : at + name_at + struct.unpack_from("<H", data, at + length_at)[0]]
            != name
        ):
            at = data.find(signature, at + 1)
        struct.pack_into("<I", data, at + size_at, 10)
    src.write_bytes(bytes(data))
    assert refused(capsys, src) == (
        "Fout: lieg.xlsx is geen geldig Excel-bestand (beschadigd of een ander formaat); open het "
        "in Excel en sla het opnieuw op als .xlsx."
    )


# ---- tables: empty, headers only, empty names, odd headers ----------------------------


def test_empty_workbook(capsys, tmp_path):
    src = tmp_path / "nieuw.xlsx"
    openpyxl.Workbook().save(src)
    assert refused(capsys, src) == (
        "Fout: nieuw.xlsx bevat geen gegevens (alle bladen zijn leeg); vul de klanten in op een "
        "blad 'Klanten' onder een kop 'Klant'."
    )


def test_sheet_with_only_headers(capsys, tmp_path):
    src = workbook(tmp_path / "k.xlsx", [HEADER])
    assert refused(capsys, src) == (
        "Fout: k.xlsx, blad Klanten: er staan geen klanten in de tabel; vul minstens één rij met "
        "een klantnaam in."
    )


def test_empty_customer_column(capsys, tmp_path):
    src = workbook(tmp_path / "k.xlsx", [HEADER] + [[None, *r[1:]] for r in CUSTOMERS])
    assert refused(capsys, src) == (
        "Fout: k.xlsx, blad Klanten: de kolom 'Klant' is leeg; vul op elke rij de naam van de "
        "klant in."
    )


def test_duplicate_header(capsys, tmp_path):
    src = workbook(tmp_path / "k.xlsx", [["Klant", "Omzet", "omzet "], ["Jansen", 5, 6]])
    assert refused(capsys, src) == (
        "Fout: k.xlsx, blad Klanten: de kop 'Omzet' staat er meer dan eens (kolommen B, C); geef "
        "elke kolom een eigen kop."
    )


def test_merged_header_cells(capsys, tmp_path):
    """'Klant' merged over A1:B1 (B holds a customer number) and a merged group title over
    the four questions in the row above the real headers."""
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = "Klanten"
    ws.append([None, None, None, "Vragen", None, None, None])
    ws.append(["Klant", None, "Omzet", "Marge", "Snelheid", "Innovatie", "Netwerk"])
    ws.merge_cells("D1:G1")
    ws.merge_cells("A2:B2")
    for name, number, *rest in [[r[0], 100 + i, *r[1:]] for i, r in enumerate(CUSTOMERS)]:
        ws.append([name, number, *rest])
    src = tmp_path / "k.xlsx"
    book.save(src)
    code, out, err = run(capsys, "analyse", src, "-o", tmp_path / "uit.xlsx")
    assert code == 0, err
    reference = workbook(tmp_path / "ref.xlsx", [HEADER, *CUSTOMERS])
    assert run(capsys, "analyse", reference, "-o", tmp_path / "ref-uit.xlsx")[0] == 0
    assert segments(tmp_path / "uit.xlsx") == segments(tmp_path / "ref-uit.xlsx")
    header = next(openpyxl.load_workbook(tmp_path / "uit.xlsx")["Klanten"].iter_rows())
    assert [c.value for c in header[:3]] == ["Klant", "Kolom B", "Omzet"]


# ---- values: dates and amounts as people type them -------------------------------------


def test_dates_as_text_in_several_formats(tmp_path):
    typed = [
        "2024-03-15",
        "15-03-2024",
        "15/03/2024",
        "15.03.2024",
        "2024/03/15",
        "15-03-24",
        "15 maart 2024",
        "15-mrt-2024",
        "March 15, 2024",
        "2024-03-15 10:30:00",
    ]
    (tmp_path / "k.csv").write_text(
        "Klant;Omzet\n" + "".join(f"K{i};1000\n" for i in range(len(typed))), encoding="utf-8"
    )
    (tmp_path / "o.csv").write_text(
        "Klant;Datum;Bedrag\n" + "".join(f"K{i};{d};100\n" for i, d in enumerate(typed)),
        encoding="utf-8",
    )
    report = analyse_file(tmp_path / "k.csv", tmp_path / "uit.xlsx", orders_path=tmp_path / "o.csv")
    last = report.analysis.results.set_index("customer")["last_order"]
    assert {k: v.date() for k, v in last.items()} == {
        f"K{i}": dt.date(2024, 3, 15) for i in range(len(typed))
    }
    # one day of orders: nothing to compare with (those warnings), no date left unread
    shown = ("verwantschap", "Orders: de orders beginnen", "Orders: de orders beslaan")
    assert [w for w in report.warnings if not w.startswith(shown)] == []


def test_unreadable_date_gets_a_clear_warning(capsys, tmp_path):
    (tmp_path / "k.csv").write_text("Klant;Omzet\nA;100\n", encoding="utf-8")
    (tmp_path / "o.csv").write_text(
        "Klant;Datum;Bedrag\nA;15-03-2024;10\nA;gisteren;10\n", encoding="utf-8"
    )
    code, _, err = run(
        capsys,
        "analyse",
        tmp_path / "k.csv",
        "--orders",
        tmp_path / "o.csv",
        "-o",
        tmp_path / "u.xlsx",
    )
    assert code == 0
    assert err.splitlines()[1:2] == [
        "  - Orders: 1 rij(en) met een onleesbare of lege datum overgeslagen (rij 3); vul de "
        "datum in als dd-mm-jjjj",
    ]


def test_1904_date_system(tmp_path):
    """A workbook saved with Excel's 1904 date system: order dates are read as typed."""
    src = tmp_path / "mac.xlsx"
    book = xlsxwriter.Workbook(src, {"date_1904": True})
    klanten = book.add_worksheet("Klanten")
    klanten.write_row(0, 0, ["Klant", "Omzet"])
    klanten.write_row(1, 0, ["Jansen", 1000])
    orders = book.add_worksheet("Orders")
    date_format = book.add_format({"num_format": "dd-mm-yyyy"})
    orders.write_row(0, 0, ["Klant", "Datum", "Bedrag"])
    orders.write(1, 0, "Jansen")
    orders.write_datetime(1, 1, dt.datetime(2024, 3, 15), date_format)
    orders.write(1, 2, 250)
    book.close()
    report = analyse_file(src, tmp_path / "uit.xlsx")
    assert report.analysis.results["last_order"].iloc[0].date() == dt.date(2024, 3, 15)


def test_amounts_with_currency_symbols_and_both_decimal_conventions(tmp_path):
    typed = [
        "€ 1.234,56",
        "€1.234,56",
        "EUR 1234,56",
        "1 234,56",
        "1234,56",
        "$1,234.56",
        "USD 1,234.56",
        "£1234.56",
        "1,234.56",
        "1234.56",
    ]
    rows = "".join(f"K{i};{amount}\n" for i, amount in enumerate(typed))
    (tmp_path / "k.csv").write_text("Klant;Omzet\n" + rows, encoding="utf-8")
    report = analyse_file(tmp_path / "k.csv", tmp_path / "uit.xlsx")
    revenue = report.analysis.results.set_index("customer")["revenue"]
    assert revenue.round(2).to_dict() == {f"K{i}": 1234.56 for i in range(len(typed))}
    assert [w for w in report.warnings if not w.startswith("verwantschap")] == []


def test_cp1252_csv_with_semicolons(tmp_path):
    text = "Klant;Omzet;Regio\nCafé Noël;€ 1.250,50;Zuid-Holland\nBäckerei Müller;99,5;Noord\n"
    (tmp_path / "k.csv").write_bytes(text.encode("cp1252"))
    report = analyse_file(tmp_path / "k.csv", tmp_path / "uit.xlsx")
    revenue = report.analysis.results.set_index("customer")["revenue"]
    assert revenue.to_dict() == {"Café Noël": 1250.5, "Bäckerei Müller": 99.5}


# ---- size: whole sheets, sparse sheets and zip bombs -----------------------------------


def test_value_in_the_last_row_of_the_sheet_is_read(capsys, tmp_path):
    """A stray value in row 1,048,576 (the last row Excel has) is read, not refused."""
    last = '<row r="1048576"><c r="B1048576"><v>7</v></c></row>'
    src = package(tmp_path / "k.xlsx", TABLE_XML + last)
    code, out, err = run(capsys, "analyse", src, "-o", tmp_path / "uit.xlsx")
    assert code == 0, err
    assert "1 rij(en) met een melding in kolom Melding" in err


def test_whole_sheet_area_beyond_the_limit_is_refused(capsys, tmp_path):
    last = '<row r="1048576"><c r="K1048576"><v>7</v></c></row>'
    src = package(tmp_path / "k.xlsx", TABLE_XML + last)
    assert refused(capsys, src) == (
        "Fout: k.xlsx, blad Klanten is te groot om te lezen (1.048.576 rijen × 11 kolommen = "
        "11.534.336 cellen, de grens is 10.000.000); verwijder lege of overbodige rijen en "
        "kolommen (ook ver weg op het blad) of splits de gegevens over meer bestanden."
    )


def test_two_cells_far_apart_are_refused_before_reading(capsys, tmp_path):
    """Two cells at A1 and XFD1048576 would make the reader allocate 17 billion cells."""
    far = '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>'
    src = package(tmp_path / "k.xlsx", TABLE_XML + far)
    assert refused(capsys, src, "--lang", "en") == (
        "Error: k.xlsx, sheet Klanten is too large to read (1,048,576 rows × 16,384 columns = "
        "17,179,869,184 cells, the limit is 10,000,000); delete empty or unneeded rows and "
        "columns (also far away on the sheet) or split the data over more files."
    )


def test_formatted_empty_cell_far_away_is_harmless(capsys, tmp_path):
    far = '<row r="1048576"><c r="XFD1048576" s="0"/></row>'
    src = package(tmp_path / "k.xlsx", TABLE_XML + far)
    code, _, err = run(capsys, "analyse", src, "-o", tmp_path / "uit.xlsx")
    assert code == 0, err


def test_cells_without_references_are_measured_too(capsys, tmp_path):
    """Cell references are optional; a row of unreferenced cells still counts."""
    wide = "<row>" + "<c><v>1</v></c>" * 20 + "</row>"
    far = '<row r="1048576"><c r="A1048576"><v>1</v></c></row>'
    src = package(tmp_path / "k.xlsx", TABLE_XML + wide + far)
    assert refused(capsys, src).startswith(
        "Fout: k.xlsx, blad Klanten is te groot om te lezen (1.048.576 rijen × 20 kolommen = "
    )


def test_shared_strings_that_promise_billions_are_refused(capsys, tmp_path):
    shared = (
        f'<sst xmlns="{SHEET_NS}" count="2000000000" uniqueCount="2000000000">'
        "<si><t>Klant</t></si></sst>"
    )
    src = package(tmp_path / "k.xlsx", '<row r="1"><c r="A1" t="s"><v>0</v></c></row>', shared)
    assert refused(capsys, src) == (
        "Fout: k.xlsx is beschadigd (de lijst met teksten belooft meer teksten dan erin staan); "
        "open het in Excel en sla het opnieuw op als .xlsx."
    )


def test_zip_bomb_sheet_is_refused(capsys, tmp_path):
    """A sheet that unpacks to 64 MB from a few dozen kB."""
    sheet = (
        f'<worksheet xmlns="{SHEET_NS}"><sheetData>{TABLE_XML}'.encode()
        + b" " * (64 << 20)
        + b"</sheetData></worksheet>"
    )
    src = package(tmp_path / "k.xlsx", "", extra={"xl/worksheets/sheet1.xml": sheet}.items())
    packed = zipfile.ZipFile(src).getinfo("xl/worksheets/sheet1.xml").compress_size
    assert refused(capsys, src) == (
        "Fout: k.xlsx is te groot om veilig te lezen: onderdeel xl/worksheets/sheet1.xml wordt "
        f"uitgepakt 64 MB uit {guard.megabytes(packed)}, wat geen gewone werkmap doet; kopieer "
        "alleen de klantgegevens naar een nieuwe werkmap en gebruik die."
    )


def test_package_that_unpacks_beyond_the_limit_is_refused(capsys, tmp_path, monkeypatch):
    monkeypatch.setattr(guard, "MAX_UNPACKED_BYTES", 1000)
    src = package(tmp_path / "k.xlsx", TABLE_XML)
    total = sum(i.file_size for i in zipfile.ZipFile(src).infolist())
    assert total > 1000
    assert refused(capsys, src) == (
        f"Fout: k.xlsx wordt uitgepakt {guard.megabytes(total)} groot, meer dan de grens van "
        "1 kB, en wordt niet gelezen; bewaar alleen de klantgegevens in een nieuwe werkmap "
        "(zonder overbodige bladen, afbeeldingen en opmaak) of splits het bestand."
    )


def test_ods_with_repeated_cells_beyond_the_limit_is_refused(capsys, tmp_path):
    src = tmp_path / "k.ods"
    with zipfile.ZipFile(FORMATS / "klanten.ods") as original, zipfile.ZipFile(src, "w") as out:
        for info in original.infolist():
            data = original.read(info)
            if info.filename == "content.xml":
                row = (
                    '<table:table-row table:number-rows-repeated="100000">'
                    '<table:table-cell table:number-columns-repeated="1000" '
                    'office:value-type="float" office:value="1"><text:p>1</text:p>'
                    "</table:table-cell></table:table-row>"
                )
                data = data.replace(b"</table:table>", row.encode() + b"</table:table>", 1)
            out.writestr(info, data)
    message = refused(capsys, src)
    assert message.startswith("Fout: k.ods, blad Klanten is te groot om te lezen (")
    assert "× 1000 kolommen = " in message


def test_gzip_csv_that_unpacks_beyond_the_limit_is_refused(capsys, tmp_path, monkeypatch):
    monkeypatch.setattr(guard, "MAX_CSV_BYTES", 10_000)
    src = tmp_path / "k.csv.gz"
    src.write_bytes(gzip.compress(b"Klant;Omzet\n" + b"A;1\n" * 10_000))
    assert refused(capsys, src) == (
        "Fout: k.csv.gz is te groot om te lezen (>9,8 kB, de grens is 9,8 kB); laat overbodige "
        "kolommen weg of splits het bestand."
    )


def test_csv_with_too_many_cells_is_refused(capsys, tmp_path, monkeypatch):
    monkeypatch.setattr(guard, "MAX_SHEET_CELLS", 100)
    src = tmp_path / "k.csv"
    src.write_text("Klant;Omzet\n" + "A;1\n" * 60)
    assert refused(capsys, src) == (
        "Fout: k.csv is te groot om te lezen (ongeveer 123 cellen, de grens is 100); laat "
        "overbodige kolommen weg of splits het bestand."
    )


# ---- output: missing folder, no permission, open elsewhere, disk full -------------------


@pytest.fixture
def csv_input(tmp_path: Path) -> Path:
    rows = "".join(f"{r[0]};{r[1]};{';'.join(r[2:])}\n" for r in CUSTOMERS)
    src = tmp_path / "k.csv"
    src.write_text(";".join(HEADER) + "\n" + rows, encoding="utf-8")
    return src


def output_refused(capsys, src: Path, output: Path) -> str:
    code, out, err = run(capsys, "analyse", src, "-o", output)
    assert (code, out) == (2, "")
    if output.parent.is_dir():
        assert [p.name for p in output.parent.iterdir() if p.name.startswith(".~")] == []
    return err.strip()


def test_output_folder_is_a_file(capsys, tmp_path, csv_input):
    (tmp_path / "rapport").write_text("x")
    assert output_refused(capsys, csv_input, tmp_path / "rapport" / "uit.xlsx") == (
        f"Fout: '{tmp_path}/rapport' is een bestand, geen map; kies met -o een uitvoerbestand in "
        "een bestaande map."
    )


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write in a read-only folder")
def test_output_folder_without_write_permission(capsys, tmp_path, csv_input):
    folder = tmp_path / "alleen-lezen"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        assert output_refused(capsys, csv_input, folder / "uit.xlsx") == (
            f"Fout: in de map '{folder}' mag niet worden geschreven (geen schrijfrechten); kies "
            "met -o een andere map."
        )
    finally:
        folder.chmod(0o755)


def test_output_folder_without_write_permission_any_user(capsys, tmp_path, csv_input, monkeypatch):
    """The same refusal as the operating system gives it to a normal user (tests may run
    as root, for whom folder permissions do not apply)."""

    def no_permission(*_args, **_kw):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(write_module, "claim_temp", no_permission)
    assert output_refused(capsys, csv_input, tmp_path / "uit.xlsx") == (
        f"Fout: in de map '{tmp_path}' mag niet worden geschreven (geen schrijfrechten); kies met "
        "-o een andere map."
    )
    assert not (tmp_path / "uit.xlsx").exists()


def test_output_open_in_excel(capsys, tmp_path, csv_input, monkeypatch):
    """Windows refuses to replace a file Excel has open; the previous output stays intact."""
    output = tmp_path / "uit.xlsx"
    assert run(capsys, "analyse", csv_input, "-o", output)[0] == 0
    before = digest(output)

    def locked(*_args, **_kw):
        raise PermissionError(13, "The process cannot access the file")

    monkeypatch.setattr(write_module.os, "replace", locked)
    assert output_refused(capsys, csv_input, output) == (
        f"Fout: '{output}' is geopend in een ander programma (bijvoorbeeld Excel) of alleen-lezen "
        "en kan niet worden vervangen; sluit het bestand en probeer het opnieuw, of kies met -o "
        "een andere naam."
    )
    assert digest(output) == before


def test_disk_full(capsys, tmp_path, csv_input, monkeypatch):
    save = write_module._save

    def full(book, rows, filename):
        save(book, rows, filename)
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(write_module, "_save", full)
    assert output_refused(capsys, csv_input, tmp_path / "uit.xlsx") == (
        f"Fout: '{tmp_path}/uit.xlsx' kan niet worden geschreven omdat de schijf vol is; maak "
        "ruimte vrij of kies met -o een andere schijf."
    )
    assert not (tmp_path / "uit.xlsx").exists()
