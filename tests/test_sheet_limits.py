"""Outputs within Excel's limits for tables and rows: table column names equal to their
header cells, unique and at most 255 characters; no row taller than 409.5 points."""

from __future__ import annotations

import csv
import re
import zipfile
from pathlib import Path

import openpyxl
from hypothesis import given
from hypothesis import strategies as st

from klantanalyse.cli import main
from klantanalyse.plan.headers import table_column_names

ROOT = Path(__file__).resolve().parent.parent
DEMO = ROOT / "templates" / "demo"


def utf16_units(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


@given(
    st.lists(
        st.one_of(
            st.sampled_from(["a", "A", "a (2)", "Sector", "sector", "x" * 300, "x" * 254]),
            st.text(alphabet="xX😀 (2)", min_size=250, max_size=260),
            st.text(max_size=8),
        ),
        max_size=12,
    )
)
def test_names_are_unique_short_and_keep_what_they_can(headers):
    names = table_column_names(headers)
    assert len(names) == len(headers)
    assert len({n.casefold() for n in names}) == len(names)
    assert all(utf16_units(n) <= 255 for n in names)
    first = {}
    for header, name in zip(headers, names):
        if utf16_units(header) <= 255:
            key = header.casefold()
            if key not in first:  # the first of a name is kept as it is
                first[key] = name
                assert name == header
        else:
            assert header.startswith(name.rsplit(" (", 1)[0])


def test_repeats_are_numbered_past_names_already_there():
    assert table_column_names(["a", "A", "a (2)"]) == ["a", "A (3)", "a (2)"]
    long = "K" * 300
    assert table_column_names([long, long + "x"]) == ["K" * 255, "K" * 251 + " (2)"]


def _rows(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.reader(handle))


def _write(path: Path, rows: list[list[str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows)
    return path


LONG_VALUE = "Woningbouw " + "en utiliteitsbouw " * 200  # about 3,600 characters


def long_inputs(tmp_path: Path) -> tuple[Path, Path]:
    """Demo customers with two headers of 300 characters (equal in their first 255) and a
    sector value of 3,600 characters; prospects likewise."""
    customers = _rows(DEMO / "klanten.csv")
    header = customers[0]
    header[header.index("Contacturen")] = "Opmerking " + "h" * 290
    header[header.index("Maatwerkkosten")] = "Opmerking " + "h" * 290 + " (twee)"
    sector = header.index("Sector")
    for row in customers[1:]:
        row[sector] = LONG_VALUE if row[sector] == "Woningbouw" else row[sector]
    prospects = _rows(DEMO / "prospects.csv")
    prospects[0][-1] = "Aantal medewerkers " + "m" * 300
    for row in prospects[1:]:
        row[1] = LONG_VALUE if row[1] == "Woningbouw" else row[1]
    return _write(tmp_path / "klanten.csv", customers), _write(tmp_path / "p.csv", prospects)


def test_long_headers_and_values_stay_within_excel_limits(tmp_path, capsys):
    customers, prospects = long_inputs(tmp_path)
    out = tmp_path / "uit.xlsx"
    assert main(["analyse", str(customers), "--prospects", str(prospects), "-o", str(out)]) == 0
    capsys.readouterr()
    book = openpyxl.load_workbook(out)
    for sheet, table in (("Klanten", "tblKlanten"), ("Prospects", "tblProspects")):
        ws = book[sheet]
        header = [c.value for c in ws[1]]
        names = [c.name for c in ws.tables[table].tableColumns]
        assert names == header, sheet
        assert all(utf16_units(n) <= 255 for n in names), sheet
        assert len({n.casefold() for n in names}) == len(names), sheet
    header = [c.value for c in book["Klanten"][1]]
    assert "Opmerking " + "h" * 245 in header
    assert "Opmerking " + "h" * 241 + " (2)" in header
    with zipfile.ZipFile(out) as package:
        heights = {
            name: [float(h) for h in re.findall(rb'<row [^>]*\bht="([0-9.]+)"', package.read(name))]
            for name in package.namelist()
            if name.startswith("xl/worksheets/sheet")
        }
    assert any(409.5 in found for found in heights.values())  # the long value's rows
    assert max(max(found, default=0) for found in heights.values()) <= 409.5
