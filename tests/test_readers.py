"""Every kind of output read by independent readers: SheetJS (Node), LibreOffice, openpyxl
and calamine each open it without an error and see on Klanten the customers, in order,
with the segments the analysis gave them.

Outputs: the demo workbook analysed in Dutch and in English, a CSV analysed to .xlsx,
`klantanalyse workbook`, and crafted cases (long headers, text that looks like Excel
errors, more customers than the chart shows). SheetJS comes from npm into a cache folder
(installed once); LibreOffice converts all the files in one run. Without Node/npm or
LibreOffice those readers are skipped, except under CI, where .ci/run installs them.
"""

from __future__ import annotations

import csv
import json
import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import openpyxl
import pytest
from python_calamine import CalamineWorkbook

from conftest import need_soffice
from klantanalyse.pipeline import analyse_file
from klantanalyse.workbook import build

ROOT = Path(__file__).resolve().parent.parent
DEMO = ROOT / "templates" / "demo"
SHEETS = ("Klanten", "Customers")  # the customer sheet, Dutch or English (demo-en)
SHEETJS = "xlsx@0.18.5"  # SheetJS Community Edition, as published on npm


@dataclass(frozen=True)
class Output:
    path: Path
    customers: list[tuple[str, str]]  # (name, segment) as the analysis gave them


def _expected(analysis) -> list[tuple[str, str]]:
    results = analysis.results
    return [
        ("" if n is None else str(n), "" if s is None else str(s))
        for n, s in zip(results["customer"].tolist(), results["segment"].tolist())
    ]


def _csv(path: Path, rows: list[list[str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows)
    return path


def _demo_rows() -> list[list[str]]:
    with (DEMO / "klanten.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.reader(handle))


def _long_headers(folder: Path) -> Path:
    rows = _demo_rows()
    rows[0][rows[0].index("Contacturen")] = "Opmerking " + "h" * 300
    rows[0][rows[0].index("Maatwerkkosten")] = "Opmerking " + "h" * 300 + " (twee)"
    return _csv(folder / "lange-koppen.csv", rows)


def _error_text(folder: Path) -> Path:
    rows = _demo_rows()
    rows[0][rows[0].index("Aantal medewerkers")] = "#REF!"
    for row, name in zip(rows[1:], ["#N/A", "#REF!", "#DIV/0!", "#NULL!", "#NAME?", "#VALUE!"]):
        row[0] = name
    return _csv(folder / "fouttekst.csv", rows)


def _many_customers(folder: Path, count: int = 6_000) -> Path:
    rows = [["Klant", "Omzet", "Marge", "Snelheid", "Innovatie", "Netwerk", "Sector"]]
    for i in range(count):
        yes = ["Ja" if (i >> bit) & 1 else "Nee" for bit in range(4)]
        rows.append([f"Klant {i:05d}", str(1000 + (i * 7919) % 500_000), *yes, "Bouw"])
    return _csv(folder / "veel.csv", rows)


@pytest.fixture(scope="module")
def outputs(tmp_path_factory) -> dict[str, Output]:
    folder = tmp_path_factory.mktemp("outputs")
    made: dict[str, Output] = {}

    def analysed(name: str, source: Path, suffix: str = ".xlsx", **kw) -> None:
        report = analyse_file(source, folder / f"{name}{suffix}", **kw)
        made[name] = Output(report.output, _expected(report.analysis))

    analysed("demo-nl", ROOT / "klantanalyse.xlsm", ".xlsm")
    analysed("demo-en", ROOT / "klantanalyse.xlsm", ".xlsm", lang="en")
    analysed(
        "csv",
        DEMO / "klanten.csv",
        orders_path=DEMO / "orders.csv",
        prospects_path=DEMO / "prospects.csv",
    )
    analysed("lange-koppen", _long_headers(folder))
    analysed("fouttekst", _error_text(folder))
    analysed("veel", _many_customers(folder))
    workbook = build.build(folder / "werkmap.xlsm")
    made["werkmap"] = Output(workbook, _expected(build.demo_run()[0].analysis))
    return made


def _missing(what: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(f"{what} is required under CI; .ci/run installs it.")
    pytest.skip(f"{what} is not available")


def _node_modules() -> Path:
    """The folder holding the npm package xlsx (SheetJS), installed on first use."""
    node, npm = shutil.which("node"), shutil.which("npm")
    if node is None or npm is None:
        _missing("Node.js with npm")
    cache = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    prefix = cache / "klantanalyse-tests"
    installed = prefix / "node_modules" / "xlsx" / "package.json"
    wanted = SHEETJS.split("@")[1]
    if not installed.exists() or json.loads(installed.read_text())["version"] != wanted:
        prefix.mkdir(parents=True, exist_ok=True)
        done = subprocess.run(
            [npm, "install", "--prefix", str(prefix), "--no-save", "--no-audit", "--no-fund",
             "--loglevel=error", SHEETJS],
            capture_output=True, text=True, timeout=300,
        )  # fmt: skip
        if done.returncode != 0:
            _missing(f"the npm package {SHEETJS} ({done.stderr.strip()[-300:]})")
    return prefix / "node_modules"


SHEETJS_SCRIPT = """
const XLSX = require("xlsx");
const out = {};
for (const file of process.argv.slice(2)) {
  try {
    const book = XLSX.readFile(file);  // every sheet is parsed
    const sheet = process.env.SHEETS.split(",").find((name) => name in book.Sheets);
    const rows = XLSX.utils.sheet_to_json(book.Sheets[sheet],
      {header: 1, defval: "", raw: true, blankrows: false});
    out[file] = {sheets: book.SheetNames, sheet: sheet, rows: rows};
  } catch (error) {
    out[file] = {error: String(error)};
  }
}
process.stdout.write(JSON.stringify(out));
"""


@pytest.fixture(scope="module")
def sheetjs(outputs, tmp_path_factory) -> dict[Path, list[list[object]]]:
    modules = _node_modules()
    script = tmp_path_factory.mktemp("sheetjs") / "read.js"
    script.write_text(SHEETJS_SCRIPT, encoding="utf-8")
    files = [str(o.path) for o in outputs.values()]
    done = subprocess.run(
        ["node", str(script), *files],
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "NODE_PATH": str(modules), "SHEETS": ",".join(SHEETS)},
        check=True,
    )
    found = json.loads(done.stdout)
    return {Path(f): found[f] for f in files}


@pytest.fixture(scope="module")
def libreoffice(outputs, tmp_path_factory) -> dict[Path, list[list[str]]]:
    """Each output's Klanten sheet as LibreOffice exports it to CSV (all files in one run)."""
    soffice = need_soffice()
    folder = tmp_path_factory.mktemp("libreoffice")
    # CSV filter options: comma, '"', UTF-8, from line 1, ..., every sheet to its own file
    csv_filter = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1"
    subprocess.run(
        [soffice, f"-env:UserInstallation={(folder / 'profile').as_uri()}", "--headless",
         "--convert-to", csv_filter, "--outdir", str(folder),
         *[str(o.path) for o in outputs.values()]],
        check=True, capture_output=True, timeout=600,
    )  # fmt: skip
    found = {}
    for output in outputs.values():
        for sheet in SHEETS:
            converted = folder / f"{output.path.stem}-{sheet}.csv"
            if converted.exists():
                with converted.open(encoding="utf-8", newline="") as handle:
                    found[output.path] = list(csv.reader(handle))
    return found


def _customers(rows: list[list[object]]) -> list[tuple[str, str]]:
    """(name, segment) per customer row: names in column A, segments under 'Segment'."""
    header = [str(v) for v in rows[0]]
    segment = header.index("Segment")
    out = []
    for row in rows[1:]:
        cells = ["" if v is None else str(v) for v in row]
        if any(cells):
            cells += [""] * (len(header) - len(cells))
            out.append((cells[0], cells[segment]))
    return out


def read_openpyxl(path: Path, _ctx) -> list[list[object]]:
    book = openpyxl.load_workbook(path)  # every sheet, styles and tables included
    (sheet,) = [name for name in SHEETS if name in book.sheetnames]
    return [list(r) for r in book[sheet].iter_rows(values_only=True)]


def read_calamine(path: Path, _ctx) -> list[list[object]]:
    book = CalamineWorkbook.from_path(str(path))
    for name in book.sheet_names:  # every sheet must read
        book.get_sheet_by_name(name).to_python()
    (sheet,) = [name for name in SHEETS if name in book.sheet_names]
    return book.get_sheet_by_name(sheet).to_python()


def read_sheetjs(path: Path, ctx) -> list[list[object]]:
    found = ctx.getfixturevalue("sheetjs")[path]
    assert "error" not in found, found.get("error")
    assert found["sheet"] in SHEETS and found["sheet"] in found["sheets"]
    return found["rows"]


def read_libreoffice(path: Path, ctx) -> list[list[object]]:
    found = ctx.getfixturevalue("libreoffice")
    assert path in found, f"LibreOffice wrote no customer sheet for {path.name}"
    return found[path]


READERS = {
    "openpyxl": read_openpyxl,
    "calamine": read_calamine,
    "sheetjs": read_sheetjs,
    "libreoffice": read_libreoffice,
}
KINDS = ["demo-nl", "demo-en", "csv", "werkmap", "lange-koppen", "fouttekst", "veel"]


@pytest.mark.parametrize("reader", READERS)
@pytest.mark.parametrize("kind", KINDS)
def test_reader_sees_the_customers_and_segments(outputs, request, kind, reader):
    output = outputs[kind]
    rows = READERS[reader](output.path, request)
    assert _customers(rows) == output.customers


def test_the_crafted_cases_are_what_they_claim(outputs):
    """The oracle's side: each crafted output holds what it is meant to test."""
    assert {s for _, s in outputs["demo-nl"].customers} == {"A", "B", "C"}
    names = [n for n, _ in outputs["fouttekst"].customers]
    assert names[:3] == ["#N/A", "#REF!", "#DIV/0!"]
    assert len(outputs["veel"].customers) == 6_000
    header = next(openpyxl.load_workbook(outputs["lange-koppen"].path)["Klanten"].iter_rows())
    english = openpyxl.load_workbook(outputs["demo-en"].path).sheetnames
    assert "Customers" in english and "Klanten" not in english
    assert max(len(c.value) for c in header) == 255
