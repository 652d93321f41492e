"""Verwantschap on the command line: the Prospects and Verwantschap sheets of the output."""

from __future__ import annotations

import random
import re
import subprocess
from pathlib import Path

import openpyxl
import pytest

from conftest import need_soffice
from klantanalyse import demo
from klantanalyse.cli import main

ROOT = Path(__file__).resolve().parent.parent
DEMO = ROOT / "templates" / "demo"
CUSTOMERS = DEMO / "klanten.csv"
ORDERS = DEMO / "orders.csv"
PROSPECTS = DEMO / "prospects.csv"
CHARACTERISTICS = ("Sector", "Regio", "Relatietype")

NO_COLUMNS = (
    "er zijn geen kenmerken om klanten op te vergelijken; vul een kolom Sector, Regio, "
    "Relatietype of Aantal medewerkers in, of noem eigen kolommen bij 'Verwantschap: extra "
    "kenmerken' op blad Instellingen."
)
ONE_SEGMENT = (
    "alle 3 klanten zitten in segment A, dus er valt niets te vergelijken; verwantschap zoekt "
    "wat A-klanten onderscheidt van de rest en heeft dus zowel A-klanten als andere klanten "
    "nodig."
)


def run(capsys, *args: object) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def records(ws) -> list[dict]:
    """The rows of a sheet with a header row 1, as {header: value}."""
    rows = list(ws.iter_rows(values_only=True))
    header = rows[0]
    return [dict(zip(header, row, strict=False)) for row in rows[1:]]


def column(ws, header: str) -> list:
    return [r[header] for r in records(ws)]


def affinity_rows(ws) -> list[tuple]:
    return [r for r in ws.iter_rows(values_only=True) if any(v is not None for v in r)]


def group_lines(ws, segment: str) -> list[tuple]:
    """The profile lines under the heading of group `segment` (A or C)."""
    rows = affinity_rows(ws)
    start = next(i for i, r in enumerate(rows) if str(r[0]).startswith(f"{segment}-klanten ("))
    lines = []
    for row in rows[start + 2 :]:  # skip the heading and the column headers
        if row[1] is None:  # the next heading or the notes
            break
        lines.append(row)
    return lines


@pytest.fixture(scope="module")
def demo_book(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("demo") / "demo-analyse.xlsx"
    code = main(
        [
            "analyse",
            str(CUSTOMERS),
            "--orders",
            str(ORDERS),
            "--prospects",
            str(PROSPECTS),
            "-o",
            str(out),
        ]
    )
    assert code == 0
    return out


def test_each_group_lists_the_strongest_difference_first(demo_book):
    """As the sheet says: within each group the values it has more often come first, the
    largest ratio on top, then what it has less often, the largest ratio on top (a value
    the group never has first of all); read from the sentences, as a user reads them."""
    lines = [
        row[0]
        for row in openpyxl.load_workbook(demo_book)["Verwantschap"].iter_rows(values_only=True)
        if isinstance(row[0], str) and re.search(r": \d+ van \d+ [AC]-klanten", row[0])
    ]
    groups: dict[str, list[tuple[int, float]]] = {"A": [], "C": []}
    for line in lines:
        group = re.search(r"van \d+ ([AC])-klanten", line).group(1)
        found = groups[group]
        ratio = re.search(r"(\d+,\d)× (vaker|minder vaak)", line)
        if ratio is not None:
            value = float(ratio.group(1).replace(",", "."))
            found.append((0 if ratio.group(2) == "vaker" else 1, -value))
        elif re.search(r": 0 van \d+", line):  # never: the strongest it lacks
            found.append((1, -float("inf")))
        else:  # as often as average: ends the part it is in
            found.append((found[-1][0] if found else 0, -1.0))
    assert all(groups.values())
    for found in groups.values():
        assert found == sorted(found)


def test_sheets_in_order_with_their_code_names(demo_book):
    book = openpyxl.load_workbook(demo_book)
    assert book.sheetnames == [
        "Actielijst",
        "Klanten",
        "Prospects",
        "Matrix",
        "Verwantschap",
        "Instellingen",
    ]
    assert book["Prospects"].sheet_properties.codeName == "shProspects"
    assert book["Verwantschap"].sheet_properties.codeName == "shVerwantschap"


def test_prospect_like_a_scores_clearly_higher_than_prospect_like_c(demo_book):
    ws = openpyxl.load_workbook(demo_book)["Prospects"]
    by_name = {r["Prospect"]: r for r in records(ws)}
    like_a, like_c = by_name[demo.PROSPECT_LIKE_A], by_name[demo.PROSPECT_LIKE_C]
    assert like_a["Gelijkenis"] >= 80
    assert like_c["Gelijkenis"] <= 20
    assert like_a["Gelijkenis"] - like_c["Gelijkenis"] >= 60
    # the reasons name the values each was built with
    plan = {p[0]: p for p in demo.PROSPECTS}
    _, sector_a, _, relation_a, _ = plan[demo.PROSPECT_LIKE_A]
    _, sector_c, _, relation_c, _ = plan[demo.PROSPECT_LIKE_C]
    reasons_a, reasons_c = like_a["Gelijkenis: waarom"], like_c["Gelijkenis: waarom"]
    assert reasons_a.startswith("Zoals A-klanten: ")
    assert f"Sector {sector_a}" in reasons_a and f"Relatietype {relation_a}" in reasons_a
    assert "Anders dan" not in reasons_a
    assert reasons_c.startswith("Anders dan A-klanten: ")
    assert f"Sector {sector_c}" in reasons_c
    assert "Zoals A-klanten" not in reasons_c


def test_prospects_sheet_keeps_the_inputs_and_their_order(demo_book):
    ws = openpyxl.load_workbook(demo_book)["Prospects"]
    rows = list(ws.iter_rows(values_only=True))
    header = list(rows[0])
    given = PROSPECTS.read_text(encoding="utf-8").splitlines()
    assert header == given[0].split(",") + ["Gelijkenis", "Gelijkenis: waarom"]
    assert [r[0] for r in rows[1:]] == [line.split(",")[0] for line in given[1:]]
    scores = [r[-2] for r in rows[1:]]
    assert all(isinstance(s, int) and 0 <= s <= 100 for s in scores)
    # one table over inputs and results, and a colour scale on Gelijkenis
    assert ws.tables["tblProspects"].ref == f"A1:G{len(rows)}"
    ranges = [str(cf.sqref) for cf in ws.conditional_formatting]
    assert ranges == [f"F2:F{len(rows)}"]


def test_verwantschap_first_lines_name_what_the_a_customers_share(demo_book):
    book = openpyxl.load_workbook(demo_book)
    customers = records(book["Klanten"])
    a_customers = [r for r in customers if r["Segment"] == "A"]
    ws = book["Verwantschap"]
    assert ws["A1"].value == "Verwantschap: wat uw beste klanten delen"
    lines = group_lines(ws, "A")
    more = []
    for text, name, value, count, with_value, lift in lines:
        if "vaker dan gemiddeld" not in text:
            break
        more.append(f"{name} {value}")
        # the counts agree with the Klanten sheet
        if name in CHARACTERISTICS:
            assert count == sum(1 for r in a_customers if r[name] == value)
            assert with_value == sum(1 for r in customers if r[name] == value)
            share = with_value / sum(1 for r in customers if r["Segment"])
            assert lift == pytest.approx(count / len(a_customers) / share, abs=0.01)
        assert lift > 1
    assert len(more) >= 3
    # the value most A customers have, per characteristic, is among the first lines
    for name in CHARACTERISTICS:
        values = [r[name] for r in a_customers]
        mode = max(sorted(set(values)), key=values.count)
        assert f"{name} {mode}" in more, (name, mode, more)
    # strongest difference first
    lifts = [line[5] for line in lines[: len(more)]]
    assert lifts == sorted(lifts, reverse=True)


def test_verwantschap_separates_a_and_c_and_explains(demo_book):
    ws = openpyxl.load_workbook(demo_book)["Verwantschap"]
    texts = [r[0] for r in affinity_rows(ws)]
    a_at = next(i for i, t in enumerate(texts) if t.startswith("A-klanten (13 van 60)"))
    c_at = next(i for i, t in enumerate(texts) if t.startswith("C-klanten (33 van 60)"))
    assert a_at < c_at
    assert all(" A-klanten" in t for t in texts[a_at + 2 : c_at])
    c_lines = group_lines(ws, "C")
    assert c_lines and all(" C-klanten" in line[0] for line in c_lines)
    assert "Goed om te weten" in texts
    assert "De gelijkenis van de 12 prospects staat op blad Prospects." in texts


def test_customers_get_similarity_and_untapped_potential(demo_book):
    ws = openpyxl.load_workbook(demo_book)["Klanten"]
    header = [c.value for c in ws[1]]
    at = header.index("Gelijkenis")
    assert header[at : at + 3] == ["Gelijkenis", "Gelijkenis: waarom", "Onbenut potentieel"]
    assert header[-1] == "Melding"
    rows = records(ws)
    flagged = [r for r in rows if r["Onbenut potentieel"] == "Ja"]
    assert flagged, "the demo has B/C customers that look like A customers"
    for r in rows:
        is_flagged = r["Onbenut potentieel"] == "Ja"
        assert is_flagged == (r["Segment"] in ("B", "C") and r["Gelijkenis"] >= 70)
        assert isinstance(r["Gelijkenis: waarom"], str)


def _shuffled(path: Path, target: Path, seed: int) -> Path:
    header, *rows = path.read_text(encoding="utf-8").splitlines()
    random.Random(seed).shuffle(rows)
    target.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    return target


def _scores(book: Path) -> tuple[dict, dict, list]:
    wb = openpyxl.load_workbook(book)
    customers = {r["Klant"]: r["Gelijkenis"] for r in records(wb["Klanten"])}
    prospects = {r["Prospect"]: r["Gelijkenis"] for r in records(wb["Prospects"])}
    return customers, prospects, affinity_rows(wb["Verwantschap"])


@pytest.mark.parametrize("seed", [1, 2])
def test_shuffling_the_rows_gives_the_same_scores(tmp_path, capsys, seed):
    code, *_ = run(
        capsys, "analyse", CUSTOMERS, "--prospects", PROSPECTS, "-o", tmp_path / "a.xlsx"
    )
    assert code == 0
    customers = _shuffled(CUSTOMERS, tmp_path / "klanten.csv", seed)
    prospects = _shuffled(PROSPECTS, tmp_path / "prospects.csv", seed)
    code, *_ = run(
        capsys, "analyse", customers, "--prospects", prospects, "-o", tmp_path / "b.xlsx"
    )
    assert code == 0
    assert _scores(tmp_path / "a.xlsx") == _scores(tmp_path / "b.xlsx")
    # the Prospects sheet keeps the (shuffled) order it was given
    names = [line.split(",")[0] for line in prospects.read_text(encoding="utf-8").splitlines()]
    ws = openpyxl.load_workbook(tmp_path / "b.xlsx")["Prospects"]
    assert column(ws, "Prospect") == names[1:]


# ---- bad input: clear messages, exit code 0, A/B/C results intact ------------------------


def _segments(book: Path) -> dict:
    return {r["Klant"]: r["Segment"] for r in records(openpyxl.load_workbook(book)["Klanten"])}


def _without_characteristics(tmp_path: Path) -> Path:
    """The demo customers without Sector, Regio, Relatietype and Aantal medewerkers."""
    import csv

    with CUSTOMERS.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    drop = {rows[0].index(h) for h in (*CHARACTERISTICS, "Aantal medewerkers")}
    target = tmp_path / "zonder.csv"
    with target.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows([v for i, v in enumerate(r) if i not in drop] for r in rows)
    return target


def test_no_characteristic_columns_without_prospects_is_a_plain_abc_run(tmp_path, capsys):
    src = _without_characteristics(tmp_path)
    code, out, err = run(capsys, "analyse", src, "-o", tmp_path / "o.xlsx")
    assert code == 0
    assert err == ""  # nothing was asked of Verwantschap, so nothing is said about it
    assert "Verwantschap:" not in out
    book = openpyxl.load_workbook(tmp_path / "o.xlsx")
    assert book.sheetnames == ["Actielijst", "Klanten", "Matrix", "Instellingen"]
    assert "Gelijkenis" not in [c.value for c in book["Klanten"][1]]
    # the A/B/C results are those of the full demo list
    run(capsys, "analyse", CUSTOMERS, "-o", tmp_path / "full.xlsx")
    assert _segments(tmp_path / "o.xlsx") == _segments(tmp_path / "full.xlsx")


def test_no_characteristic_columns_with_prospects_says_why_they_have_no_score(tmp_path, capsys):
    src = _without_characteristics(tmp_path)
    code, out, err = run(
        capsys, "analyse", src, "--prospects", PROSPECTS, "-o", tmp_path / "o.xlsx"
    )
    assert code == 0
    assert err.splitlines() == [
        "1 waarschuwing(en):",
        f"  - de prospects zijn niet gescoord: {NO_COLUMNS}",
    ]
    book = openpyxl.load_workbook(tmp_path / "o.xlsx")
    assert book.sheetnames == [
        "Actielijst",
        "Klanten",
        "Prospects",
        "Matrix",
        "Verwantschap",
        "Instellingen",
    ]
    prospects = records(book["Prospects"])
    assert len(prospects) == 12
    assert {r["Gelijkenis"] for r in prospects} == {None}
    assert {r["Gelijkenis: waarom"] for r in prospects} == {f"Niet gescoord: {NO_COLUMNS}"}
    ws = book["Verwantschap"]
    assert ws["A2"].value == f"Geen verwantschap berekend: {NO_COLUMNS}"
    run(capsys, "analyse", CUSTOMERS, "-o", tmp_path / "full.xlsx")
    assert _segments(tmp_path / "o.xlsx") == _segments(tmp_path / "full.xlsx")


ONE_SEGMENT_CSV = (
    "Klant,Omzet,Marge,Snelheid,Innovatie,Netwerk,Sector\n"
    "Alfa,100000,Ja,Ja,Ja,Ja,Bouw\n"
    "Beta,100000,Ja,Ja,Ja,Ja,Zorg\n"
    "Gamma,100000,Ja,Ja,Ja,Ja,Bouw\n"
)


def test_one_segment_only(tmp_path, capsys):
    src = tmp_path / "een.csv"
    src.write_text(ONE_SEGMENT_CSV, encoding="utf-8")
    code, out, err = run(capsys, "analyse", src, "-o", tmp_path / "o.xlsx")
    assert code == 0
    assert out.splitlines()[1] == "3 klanten met een segment: A 3, B 0, C 0."
    assert err.splitlines() == [
        "1 waarschuwing(en):",
        f"  - verwantschap overgeslagen: {ONE_SEGMENT}",
    ]
    assert _segments(tmp_path / "o.xlsx") == {"Alfa": "A", "Beta": "A", "Gamma": "A"}

    code, out, err = run(
        capsys, "analyse", src, "--prospects", PROSPECTS, "-o", tmp_path / "p.xlsx"
    )
    assert code == 0
    assert err.splitlines() == [
        "1 waarschuwing(en):",
        f"  - de prospects zijn niet gescoord: {ONE_SEGMENT}",
    ]
    reasons = column(openpyxl.load_workbook(tmp_path / "p.xlsx")["Prospects"], "Gelijkenis: waarom")
    assert set(reasons) == {f"Niet gescoord: {ONE_SEGMENT}"}


def test_prospect_value_never_seen_is_named_and_counts_for_nothing(tmp_path, capsys):
    src = tmp_path / "prospects.csv"
    src.write_text(
        "Prospect,Sector,Regio,Relatietype,Aantal medewerkers\n"
        "Ruimtevaart BV,Ruimtevaart,Utrecht,Partner,140\n"
        "Zonder sector BV,,Utrecht,Partner,140\n"
        "Nergens BV,Ruimtevaart,Atlantis,Onbekend,veel\n",
        encoding="utf-8",
    )
    code, out, err = run(
        capsys, "analyse", CUSTOMERS, "--prospects", src, "-o", tmp_path / "o.xlsx"
    )
    assert code == 0
    assert err == ""
    rows = {
        r["Prospect"]: r for r in records(openpyxl.load_workbook(tmp_path / "o.xlsx")["Prospects"])
    }
    unseen, blank, nothing = rows["Ruimtevaart BV"], rows["Zonder sector BV"], rows["Nergens BV"]
    # an unknown sector weighs as much as no sector at all
    assert unseen["Gelijkenis"] == blank["Gelijkenis"]
    assert unseen["Gelijkenis: waarom"].endswith(
        "Niet meegeteld: Sector 'Ruimtevaart' (komt bij geen klant voor)."
    )
    assert "Niet meegeteld" not in blank["Gelijkenis: waarom"]
    # nothing known: no score, and a sentence that says so
    assert nothing["Gelijkenis"] is None
    assert nothing["Gelijkenis: waarom"].startswith("Geen gelijkenis te berekenen: ")
    assert "Aantal medewerkers 'veel' (geen getal)" in nothing["Gelijkenis: waarom"]
    assert "Regio 'Atlantis' (komt bij geen klant voor)" in nothing["Gelijkenis: waarom"]


def test_prospects_without_characteristic_columns(tmp_path, capsys):
    src = tmp_path / "p.csv"
    src.write_text("Naam,Website\nAlfa,alfa.nl\nBeta,beta.nl\n", encoding="utf-8")
    code, out, err = run(
        capsys, "analyse", CUSTOMERS, "--prospects", src, "-o", tmp_path / "o.xlsx"
    )
    assert code == 0
    message = (
        "de prospecttabel heeft geen van de kenmerkkolommen Sector, Regio, Relatietype, Aantal "
        "medewerkers; zet minstens één daarvan als kop boven de gegevens."
    )
    assert err.splitlines() == ["1 waarschuwing(en):", f"  - p.csv: {message}"]
    book = openpyxl.load_workbook(tmp_path / "o.xlsx")
    assert column(book["Prospects"], "Gelijkenis: waarom") == [f"Niet gescoord: {message}"] * 2
    # the customers still get their similarity
    assert all(isinstance(v, int) for v in column(book["Klanten"], "Gelijkenis"))


def test_prospect_file_without_a_name_header_is_a_file_error(tmp_path, capsys):
    src = tmp_path / "p.csv"
    src.write_text("Sector,Regio\nBouw,Utrecht\n", encoding="utf-8")
    code, out, err = run(
        capsys, "analyse", CUSTOMERS, "--prospects", src, "-o", tmp_path / "o.xlsx"
    )
    assert code == 2
    assert err.strip() == (
        "Fout: p.csv heeft in de eerste 10 rijen geen kop 'Prospect'; zet de namen onder een kop "
        "'Prospect' (of 'Naam') en de kenmerken ernaast."
    )
    assert not (tmp_path / "o.xlsx").exists()


def test_prospects_sheet_of_a_workbook_is_scored_again_and_text_stays_text(tmp_path, capsys):
    src = tmp_path / "prospects.csv"
    src.write_text(
        "Prospect,Sector,Regio\n=1+1,Installatie,Utrecht\n@bedrijf,Detailhandel,Flevoland\n",
        encoding="utf-8",
    )
    first = tmp_path / "eerste.xlsx"
    code, *_ = run(capsys, "analyse", CUSTOMERS, "--prospects", src, "-o", first)
    assert code == 0
    # the output is a valid input: its Prospects sheet is read, old results replaced
    second = tmp_path / "tweede.xlsx"
    code, out, err = run(capsys, "analyse", first, "-o", second)
    assert code == 0, err
    ws = openpyxl.load_workbook(second)["Prospects"]
    header = [c.value for c in ws[1]]
    assert header == ["Prospect", "Sector", "Regio", "Gelijkenis", "Gelijkenis: waarom"]
    assert ws["A2"].value == "=1+1" and ws["A2"].data_type == "s"
    assert _scores(first)[1] == _scores(second)[1]


def test_english_output(tmp_path, capsys):
    out = tmp_path / "en.xlsx"
    code, stdout, _ = run(
        capsys, "analyse", CUSTOMERS, "--prospects", PROSPECTS, "-o", out, "--lang", "en"
    )
    assert code == 0
    assert stdout.splitlines()[3].endswith("look like the A customers; 12 prospect(s) scored.")
    book = openpyxl.load_workbook(out)
    assert book["Affinity"]["A1"].value == "Affinity: what your best customers share"
    assert [c.value for c in book["Prospects"][1]][-2:] == ["Similarity", "Similarity: why"]


def test_rendered_verwantschap_and_prospects(demo_book, tmp_path):
    soffice = need_soffice()
    profile = tmp_path / "lo"
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(demo_book),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    pdf = tmp_path / "demo-analyse.pdf"
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    assert "Verwantschap: wat uw beste klanten delen" in text
    assert "Gelijkenis: waarom" in text
    assert demo.PROSPECT_LIKE_A in text


def _workbook_with_prospects(path: Path, prospect_rows: list[list]) -> Path:
    """The demo customers on sheet Klanten and `prospect_rows` on sheet Prospects."""
    import csv

    book = openpyxl.Workbook()
    ws = book.active
    ws.title = "Klanten"
    with CUSTOMERS.open(encoding="utf-8", newline="") as handle:
        for i, row in enumerate(csv.reader(handle)):
            ws.append(row if i == 0 else [_number(v) for v in row])
    prospects = book.create_sheet("prospects")  # any spelling of the name
    for row in prospect_rows:
        prospects.append(row)
    book.save(path)
    return path


def _number(value: str) -> object:
    try:
        return float(value)
    except ValueError:
        return value


def test_prospects_sheet_of_the_input_workbook(tmp_path, capsys):
    src = _workbook_with_prospects(
        tmp_path / "in.xlsx",
        [
            ["Prospects voor 2027"],
            [],
            ["Naam", "Sector", "Aantal medewerkers"],
            ["Installatie Noord", "Installatie", 120],
            ["Klusjes Zuid", "Particuliere klussers", 1],
        ],
    )
    code, out, err = run(capsys, "analyse", src, "-o", tmp_path / "o.xlsx")
    assert code == 0, err
    assert err.splitlines() == [
        "1 waarschuwing(en):",
        "  - in.xlsx, blad prospects: de prospecttabel mist de kenmerkkolom(men) Regio, "
        "Relatietype; die tellen niet mee",
    ]
    book = openpyxl.load_workbook(tmp_path / "o.xlsx")
    assert book.sheetnames == [
        "Actielijst",
        "Klanten",
        "Prospects",
        "Matrix",
        "Verwantschap",
        "Instellingen",
    ]
    rows = records(book["Prospects"])
    assert [r["Naam"] for r in rows] == ["Installatie Noord", "Klusjes Zuid"]
    assert rows[0]["Gelijkenis"] > 50 > rows[1]["Gelijkenis"]
    # the warning is also a sentence on the Verwantschap sheet
    notes = [r[0] for r in affinity_rows(book["Verwantschap"])]
    assert (
        notes[-1]
        == "De prospecttabel mist de kenmerkkolom(men) Regio, Relatietype; die tellen niet mee."
    )
    # the customers are read from Klanten, never from the Prospects sheet
    assert len(records(book["Klanten"])) == 60


def test_prospects_sheet_without_a_name_header_is_a_warning(tmp_path, capsys):
    src = _workbook_with_prospects(tmp_path / "in.xlsx", [["Sector"], ["Bouw"]])
    code, out, err = run(capsys, "analyse", src, "-o", tmp_path / "o.xlsx")
    assert code == 0
    assert err.splitlines() == [
        "2 waarschuwing(en):",
        "  - in.xlsx, blad prospects heeft in de eerste 10 rijen geen kop 'Prospect'; zet de "
        "namen onder een kop 'Prospect' (of 'Naam') en de kenmerken ernaast.",
        "  - in.xlsx: niet overgenomen in de uitvoer (het staat nog in het invoerbestand, dat "
        "niet is gewijzigd): blad prospects.",
    ]
    assert "Prospects" not in openpyxl.load_workbook(tmp_path / "o.xlsx").sheetnames


def test_empty_prospects_sheet_is_no_problem(tmp_path, capsys):
    src = _workbook_with_prospects(tmp_path / "in.xlsx", [])
    code, out, err = run(capsys, "analyse", src, "-o", tmp_path / "o.xlsx")
    assert code == 0
    assert err == ""
