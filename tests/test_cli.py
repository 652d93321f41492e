"""`klantanalyse analyse` end to end: files in, workbook out, exact messages and exit codes."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

from klantanalyse.cli import main

ROOT = Path(__file__).resolve().parent.parent

HEADER = (
    "Klant;Omzet;Potentie;Marge;Snelheid;Innovatie;Netwerk;Brutomarge %;Betaaltermijn (dagen)\n"
)
ROWS = [
    "Bouwbedrijf Groot BV;€ 600.000;0;Ja;Ja;Ja;Nee;30;14",
    "Installatie Nee BV;250.000;;Nee;Nee;Nee;Nee;10;60",
    "Middel Vier;60000;;Ja;Ja;Ja;Ja;;",
    "Middel Twee;50.000,00;;Ja;Nee;Ja;Nee;;",
    "Klein Een;10000;;Ja;Nee;Nee;Nee;;",
    "=1+1;9000;;Ja;Ja;Ja;Nee;;",
    "+31 bakker;8000;;;;;;;",
    "@home;100;;;;;;;",
    "-Tech;100;;;;;;;",
]


def write_csv(path: Path, rows=ROWS, header=HEADER, encoding="utf-8") -> Path:
    path.write_text(header + "\n".join(rows) + "\n", encoding=encoding)
    return path


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def run(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def sheet_rows(ws):
    return [list(r) for r in ws.iter_rows(values_only=True)]


def test_analyse_csv_writes_a_new_workbook(tmp_path, capsys):
    src = write_csv(tmp_path / "klanten.csv")
    before = digest(src)
    code, out, err = run(capsys, "analyse", str(src))
    assert code == 0, err
    output = tmp_path / "klanten-analyse.xlsx"
    assert out.splitlines()[0] == f"Analyse geschreven naar {output}"
    assert out.splitlines()[1] == "9 klanten met een segment: A 2, B 3, C 4."
    assert digest(src) == before

    book = openpyxl.load_workbook(output)
    assert book.sheetnames == ["Actielijst", "Klanten", "Matrix", "Instellingen"]
    ws = book["Klanten"]
    rows = sheet_rows(ws)
    header = rows[0]
    first = header.index("Score")
    assert header[:first] == HEADER.strip().split(";")  # inputs as given, results right
    assert header[first : first + 4] == ["Score", "Omzetklasse", "Segment", "Advies"]
    assert header[-1] == "Melding"
    by_name = {r[0]: r for r in rows[1:]}
    assert by_name["Bouwbedrijf Groot BV"][first : first + 3] == [3, "Hoog", "A"]
    assert by_name["Installatie Nee BV"][first : first + 3] == [0, "Hoog", "B"]
    # text that looks like a formula stays the same text
    for name in ("=1+1", "+31 bakker", "@home", "-Tech"):
        assert name in by_name
    cell = next(c for c in ws["A"] if c.value == "=1+1")
    assert cell.data_type == "s"
    # segment colours and the distinct result header
    seg_col = rows[0].index("Segment") + 1
    colours = {
        ws.cell(r, 1).value: ws.cell(r, seg_col).fill.fgColor.rgb for r in range(2, ws.max_row + 1)
    }
    assert colours["Bouwbedrijf Groot BV"] == "00C6EFCE"
    assert colours["Installatie Nee BV"] == "00FFEB9C"
    assert colours["Klein Een"] == "00FFC7CE"
    assert ws.cell(1, seg_col).fill.fgColor.rgb == "001F3864"
    assert ws.cell(1, seg_col).font.color.rgb == "00FFFFFF"
    assert ws.freeze_panes == "B2"
    assert list(ws.tables) == ["tblKlanten"]
    last = openpyxl.utils.get_column_letter(len(header))
    assert ws.tables["tblKlanten"].ref == f"A1:{last}{len(ROWS) + 1}"


def test_matrix_sheet_has_chart_summary_and_8020(tmp_path, capsys):
    src = write_csv(tmp_path / "klanten.csv")
    out_path = tmp_path / "uit.xlsx"
    assert run(capsys, "analyse", str(src), "-o", str(out_path))[0] == 0
    book = openpyxl.load_workbook(out_path)
    ws = book["Matrix"]
    assert ws["B27"].value == "Samenvatting per segment"  # below the chart
    assert [ws.cell(28, c).value for c in range(2, 6)] == [
        "Segment", "Klanten", "Omzet", "Aandeel omzet",
    ]  # fmt: skip
    assert [ws.cell(r, 2).value for r in range(29, 33)] == ["A", "B", "C", "Totaal"]
    assert ws["C32"].value == 9
    assert ws["C34"].value == "22% van de klanten brengt 80% van de omzet"
    (chart,) = ws._charts
    assert chart.tagname == "scatterChart"
    assert len(chart.series) == 3 + 2 + 20 + 20  # segments, limit lines, numbers, leaders
    seg_a = chart.series[0]
    assert seg_a.tx.strRef.f == "'Matrix'!$V$1"
    assert seg_a.xVal.numRef.f == "'Matrix'!$U$2:$U$10"
    assert seg_a.yVal.numRef.f == "'Matrix'!$V$2:$V$10"
    assert (
        seg_a.marker.graphicalProperties.solidFill.srgbClr == "28BD45"
    )  # a strong green from #C6EFCE
    assert chart.y_axis.scaling.logBase == 10
    assert ws["T1"].value == "Klant" and ws["V1"].value == "Segment A"
    # the chart data: each customer's value in the column of its segment
    points = {
        ws.cell(r, 20).value: [ws.cell(r, c).value for c in (22, 23, 24)] for r in range(2, 11)
    }
    assert points["Bouwbedrijf Groot BV"] == [600000, None, None]
    assert points["Klein Een"] == [None, None, 10000]
    assert chart.series[3].tx.strRef.f == "'Matrix'!$AD$2"
    assert ws["AD2"].value == "Grens Hoog" and ws["AF2"].value == 250000
    # the labels: the largest customer is number 1, named in the table beside the chart
    assert chart.series[5].tx.strRef.f == "'Matrix'!$Z$2"
    assert ws["Z2"].value == "1" and ws["I5"].value == 1
    assert ws["J5"].value == "Bouwbedrijf Groot BV"
    assert chart.series[5].dLbls.showSerName is True


def test_english_output(tmp_path, capsys):
    src = write_csv(tmp_path / "klanten.csv")
    code, out, _ = run(capsys, "analyse", str(src), "--lang", "en", "-o", str(tmp_path / "e.xlsx"))
    assert code == 0
    assert out.splitlines()[1] == "9 customers with a segment: A 2, B 3, C 4."
    book = openpyxl.load_workbook(tmp_path / "e.xlsx")
    assert book.sheetnames == ["Actions", "Customers", "Matrix", "Settings"]  # English names
    assert list(book["Customers"].tables) == ["tblCustomers"]
    header = sheet_rows(book["Customers"])[0]
    first = header.index("Score")
    assert header[first : first + 4] == ["Score", "Revenue class", "Segment", "Advice"]
    assert header[-1] == "Message"
    assert book["Settings"]["A2"].value == "Language"


def test_settings_sheet_of_the_input_is_used(tmp_path, capsys):
    src = write_csv(tmp_path / "klanten.csv")
    first = tmp_path / "eerste.xlsx"
    assert run(capsys, "analyse", str(src), "-o", str(first))[0] == 0
    # the user edits the matrix on Instellingen and runs again on the output
    book = openpyxl.load_workbook(first)
    ws = book["Instellingen"]
    row = next(
        r for r in range(2, ws.max_row + 1) if ws.cell(r, 1).value.startswith("Segmentmatrix Hoog")
    )
    ws.cell(row, 2).value = "A A A A A"
    book.save(first)
    second = tmp_path / "tweede.xlsx"
    code, out, err = run(capsys, "analyse", str(first), "-o", str(second))
    assert code == 0, err
    rows = sheet_rows(openpyxl.load_workbook(second)["Klanten"])
    assert rows[0].count("Segment") == 1  # old results are replaced, not kept as inputs
    by_name = {r[0]: r for r in rows[1:]}
    assert by_name["Installatie Nee BV"][rows[0].index("Segment")] == "A"


def test_semicolon_cp1252_decimal_comma(tmp_path, capsys):
    rows = ["Café Noël;1.250,50;;Ja;Ja;Ja;Ja;;", "Zuid;99,5;;Nee;Nee;Nee;Nee;;"]
    src = write_csv(tmp_path / "k.csv", rows, encoding="cp1252")
    assert run(capsys, "analyse", str(src), "-o", str(tmp_path / "o.xlsx"))[0] == 0
    rows = sheet_rows(openpyxl.load_workbook(tmp_path / "o.xlsx")["Klanten"])
    assert rows[1][0] == "Café Noël"
    assert rows[1][1] == 1250.5  # an amount from a CSV is written back as a number


def test_total_row_is_ignored_with_a_warning(tmp_path, capsys):
    src = write_csv(tmp_path / "k.csv", ROWS + ["Totaal;1.000.000;;;;;;;"])
    code, out, err = run(capsys, "analyse", str(src), "-o", str(tmp_path / "o.xlsx"))
    assert code == 0
    assert err.splitlines() == [
        "1 waarschuwing(en):",
        "  - k.csv: rij 11 ('Totaal') lijkt een totaalregel en is overgeslagen",
    ]


def test_row_problems_are_listed_and_marked(tmp_path, capsys):
    src = write_csv(tmp_path / "k.csv", ROWS + ["Dubbel;x;;;;;;;", "Middel Vier;10;;;;;;;"])
    code, out, err = run(capsys, "analyse", str(src), "-o", str(tmp_path / "o.xlsx"))
    assert code == 0
    assert "2 rij(en) met een melding in kolom Melding" in err
    rows = sheet_rows(openpyxl.load_workbook(tmp_path / "o.xlsx")["Klanten"])
    by_name = {r[0]: r for r in rows[1:] if r[0] == "Dubbel"}
    assert by_name["Dubbel"][-1] == "Omzet: 'x' is geen bedrag; vul een getal in."
    assert rows[-1][-1] == "Klantnaam 'Middel Vier' staat ook op rij 4; maak de namen uniek."


@pytest.mark.parametrize(
    "make, message",
    [
        (
            lambda d: d / "weg.csv",
            "Fout: het bestand '{d}/weg.csv' bestaat niet; controleer de naam en de map.",
        ),
        (
            lambda d: write_csv(d / "k.csv", ["X;Ja"], header="Klant;Marge\n"),
            "Fout: k.csv: de kolom 'Omzet' ontbreekt (koppen gezien: Klant, Marge); zet een kop "
            "'Omzet' (of 'Revenue') boven de gegevens.",
        ),
        (
            lambda d: write_csv(d / "k.csv", ["Jansen;100"], header="Wie;Geld\n"),
            "Fout: k.csv heeft in de eerste 10 rijen geen kop 'Klant' (koppen gezien: Wie, Geld); "
            "zet de klantnamen onder een kop 'Klant' (of 'Customer').",
        ),
        (
            lambda d: write_csv(d / "k.csv", [], header="Klant;Omzet\n"),
            "Fout: k.csv: er staan geen klanten in de tabel; vul minstens één rij met een "
            "klantnaam in.",
        ),
        (
            lambda d: (d / "k.xlsx").write_bytes(b"not a zip at all"),
            "Fout: k.xlsx is een tekstbestand, geen Excel-werkmap; is het een CSV-export, geef het "
            "dan de extensie .csv, of open het in Excel en sla het op als .xlsx.",
        ),
        (
            lambda d: (d / "k.txt").write_text("x"),
            "Fout: k.txt: bestanden van het type '.txt' kan ik niet lezen; sla het op als .xlsx, "
            ".xlsm of .csv.",
        ),
    ],
)
def test_bad_input_gets_one_clear_sentence(tmp_path, capsys, make, message):
    made = make(tmp_path)
    src = made if isinstance(made, Path) else next(p for p in tmp_path.iterdir())
    before = digest(src) if src.exists() else None
    code, out, err = run(capsys, "analyse", str(src), "-o", str(tmp_path / "uit.xlsx"))
    assert code != 0
    assert out == ""
    assert err.strip() == message.format(d=tmp_path)
    assert not (tmp_path / "uit.xlsx").exists()
    if before:
        assert digest(src) == before
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".~")] == []


def test_output_may_not_be_the_input(tmp_path, capsys):
    src = write_csv(tmp_path / "k.csv")
    book = tmp_path / "k.xlsx"
    assert run(capsys, "analyse", str(src), "-o", str(book))[0] == 0
    before = digest(book)
    code, out, err = run(capsys, "analyse", str(book), "-o", str(book))
    assert code == 2
    assert err.strip() == (
        f"Fout: de uitvoer '{book}' is het invoerbestand zelf; kies met -o een andere naam, "
        "de invoer wordt nooit overschreven."
    )
    assert digest(book) == before


def test_output_in_a_missing_folder(tmp_path, capsys):
    src = write_csv(tmp_path / "k.csv")
    code, _, err = run(capsys, "analyse", str(src), "-o", str(tmp_path / "nope" / "o.xlsx"))
    assert code == 2
    assert err.strip() == (
        f"Fout: de map '{tmp_path}/nope' voor de uitvoer bestaat niet; maak hem eerst aan of "
        "kies een andere map met -o."
    )


def test_console_script_help_and_exit_codes(tmp_path):
    env = {**os.environ, "PYTHONPATH": str(ROOT / "python")}
    cmd = [sys.executable, "-m", "klantanalyse.cli"]
    help_run = subprocess.run(cmd + ["analyse", "--help"], capture_output=True, text=True, env=env)
    assert help_run.returncode == 0
    assert "INPUT is never modified" in help_run.stdout
    bad = subprocess.run(
        cmd + ["analyse", str(tmp_path / "x.csv")], capture_output=True, text=True, env=env
    )
    assert bad.returncode == 2
    assert "Traceback" not in bad.stderr
    assert bad.stderr.startswith("Fout: het bestand")
