"""Peak memory and time of whole command-line runs on large inputs, and of refusing bombs.

    python benchmarks/bench_memory.py [--customers 100000] [--orders 1000000] [--full-sheet]

Each scenario runs `klantanalyse analyse` in its own process and prints that process's
peak resident memory (the budget is 2 GB) and wall time:
  1. CSV: N customers and M order lines (--orders file), to .xlsx;
  2. the same customers from an .xlsx with an Orders sheet of the same M lines;
  3. with --full-sheet: a Klanten sheet of 1,048,576 rows (every row Excel has), slow;
  4. bombs: a 2-cell sheet reaching XFD1048576, a shared-string table that promises two
     billion entries and a 1 GB sheet packed into 1 MB; each must be refused quickly.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
BUDGET_MB = 2048


def customers(n: int, seed: int = 1) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    yes_no = np.array(["Ja", "Nee"])
    return pd.DataFrame(
        {
            "Klant": [f"Klant {i:07d}" for i in range(n)],
            "Omzet": rng.lognormal(10, 1.2, n).round(2),
            "Marge": yes_no[rng.integers(0, 2, n)],
            "Snelheid": yes_no[rng.integers(0, 2, n)],
            "Innovatie": yes_no[rng.integers(0, 2, n)],
            "Netwerk": yes_no[rng.integers(0, 2, n)],
            "Sector": np.array(["Bouw", "Zorg", "Retail", "ICT", "Horeca"])[rng.integers(0, 5, n)],
            "Regio": np.array(["Noord", "Oost", "Zuid", "West"])[rng.integers(0, 4, n)],
        }
    )


def orders(n_lines: int, n_customers: int, seed: int = 2) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    start = np.datetime64("2021-01-01")
    days = rng.integers(0, 4 * 365, n_lines)
    return pd.DataFrame(
        {
            "Klant": [f"Klant {i:07d}" for i in rng.integers(0, n_customers, n_lines)],
            "Datum": pd.to_datetime(start + days.astype("timedelta64[D]")).strftime("%d-%m-%Y"),
            "Ordernummer": rng.integers(1, n_lines // 3 + 2, n_lines),
            "Bedrag": rng.lognormal(5, 1, n_lines).round(2),
        }
    )


def run(label: str, args: list[str], expect_ok: bool = True) -> None:
    """Run the command line in a child process; print its peak memory and wall time."""
    env = {**os.environ, "PYTHONPATH": str(ROOT / "python")}
    cmd = [sys.executable, "-c", _CHILD, *args]
    start = time.perf_counter()
    done = subprocess.run(cmd, env=env, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    peak_mb = int(done.stdout.strip().splitlines()[-1]) / 1024 if done.stdout.strip() else 0.0
    status = "ok" if done.returncode == 0 else f"exit {done.returncode}"
    verdict = "within" if peak_mb <= BUDGET_MB else "OVER"
    print(f"{label:<58} {seconds:7.1f} s  peak {peak_mb:7.0f} MB ({verdict} 2 GB)  {status}")
    message = done.stderr.strip().splitlines()
    if done.returncode != 0 or not expect_ok:
        print(f"    {message[0] if message else ''}"[:200])
    if expect_ok and done.returncode != 0:
        print(done.stderr[-2000:])


# The child runs the command line, then prints its own peak resident set size in kB: the
# kernel's high-water mark of this program (VmHWM), which unlike ru_maxrss does not count
# the parent's memory copied at fork.
_CHILD = """
import resource, sys
from klantanalyse.cli import main
code = main(sys.argv[1:])
try:
    status = open("/proc/self/status").read()
    print(next(l.split()[1] for l in status.splitlines() if l.startswith("VmHWM:")))
except OSError:
    print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
sys.exit(code)
"""


def write_xlsx(path: Path, sheets: dict[str, pd.DataFrame], streaming: bool = True) -> None:
    import xlsxwriter

    book = xlsxwriter.Workbook(path, {"constant_memory": streaming})
    for name, frame in sheets.items():
        ws = book.add_worksheet(name)
        ws.write_row(0, 0, list(frame.columns))
        for r, row in enumerate(frame.itertuples(index=False, name=None), start=1):
            ws.write_row(r, 0, row)
    book.close()


def bombs(folder: Path) -> list[tuple[str, Path]]:
    ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    base = folder / "base.xlsx"
    # not streaming: that writes a shared-string table, which one bomb replaces
    write_xlsx(base, {"Klanten": pd.DataFrame({"Klant": ["A"], "Omzet": [1]})}, streaming=False)
    made = []

    def variant(name: str, replace: dict[str, bytes]) -> None:
        path = folder / name
        with zipfile.ZipFile(base) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
            for info in src.infolist():
                out.writestr(info.filename, replace.get(info.filename, src.read(info)))
        made.append((name, path))

    sheet = "xl/worksheets/sheet1.xml"
    far = (
        f'<worksheet xmlns="{ns}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Klant'
        '</t></is></c></row><row r="1048576"><c r="XFD1048576"><v>1</v></c></row></sheetData>'
        "</worksheet>"
    ).encode()
    variant("far-cell.xlsx", {sheet: far})
    shared = (
        f'<sst xmlns="{ns}" count="2000000000" uniqueCount="2000000000"><si><t>Klant</t></si></sst>'
    ).encode()
    one = (
        f'<worksheet xmlns="{ns}"><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row>'
        "</sheetData></worksheet>"
    ).encode()
    variant("shared-strings.xlsx", {sheet: one, "xl/sharedStrings.xml": shared})
    big = far.replace(b"<sheetData>", b"<sheetData>" + b" " * (1 << 30))
    variant("gigabyte-sheet.xlsx", {sheet: big})
    del big
    return made


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--customers", type=int, default=100_000)
    parser.add_argument("--orders", type=int, default=1_000_000)
    parser.add_argument("--full-sheet", action="store_true", help="also 1,048,576 rows (slow)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-memory-") as tmp:
        folder = Path(tmp)
        print(f"making inputs: {args.customers:,} customers, {args.orders:,} order lines ...")
        klanten, lines = customers(args.customers), orders(args.orders, args.customers)
        klanten.to_csv(folder / "klanten.csv", sep=";", index=False)
        lines.to_csv(folder / "orders.csv", sep=";", index=False)
        write_xlsx(folder / "klanten.xlsx", {"Klanten": klanten, "Orders": lines})
        mb = {p.name: p.stat().st_size / 1e6 for p in folder.iterdir()}
        print("input sizes: " + ", ".join(f"{k} {v:.0f} MB" for k, v in sorted(mb.items())))
        run(
            f"1. CSV {args.customers:,} customers + {args.orders:,} order lines",
            ["analyse", str(folder / "klanten.csv"), "--orders", str(folder / "orders.csv"),
             "-o", str(folder / "uit1.xlsx")],
        )  # fmt: skip
        run(
            "2. .xlsx with Klanten and Orders sheets",
            ["analyse", str(folder / "klanten.xlsx"), "-o", str(folder / "uit2.xlsx")],
        )
        if args.full_sheet:
            full = folder / "vol.xlsx"
            write_xlsx(full, {"Klanten": customers(1_048_575, seed=3).iloc[:, :6]})
            run(
                "3. a Klanten sheet of 1,048,576 rows",
                ["analyse", str(full), "-o", str(folder / "uit3.xlsx")],
            )
        for name, path in bombs(folder):
            label = f"4. refuse {name} ({path.stat().st_size / 1e3:.0f} kB)"
            run(label, ["analyse", str(path), "-o", str(folder / "bom.xlsx")], expect_ok=False)


if __name__ == "__main__":
    main()
