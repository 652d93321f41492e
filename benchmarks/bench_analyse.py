"""Timing of `klantanalyse analyse` on synthetic workbooks, beside the plain-library floors.

Run: `python benchmarks/bench_analyse.py [--sizes 1000 10000 100000] [--repeat 3]
[--columns 17] [--no-openpyxl]`.
Prints median seconds for: the core alone, reading, writing, the whole command; peak
memory of the whole command (separate process); and the floors: plain openpyxl load +
save of the same workbook (left out with --no-openpyxl: minutes at a million rows), and
plain calamine read. Under each table: the growth exponent of the whole command from the
smallest to the largest size (1.0 = linear).
"""

from __future__ import annotations

import argparse
import contextlib
import io
import math
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "python"))

HEADERS = [
    "Klant", "Omzet", "Potentie", "Marge", "Snelheid", "Innovatie", "Netwerk", "Brutomarge %",
    "Betaaltermijn (dagen)", "Contacturen", "Maatwerkkosten", "Aantal producten",
    "Aantal productgroepen", "Sector", "Regio", "Relatietype", "Omzet vorig jaar",
]  # fmt: skip
SECTORS = ["Bouw", "Installatie", "Zorg", "Detailhandel", "Industrie", "Overheid"]
REGIONS = ["Utrecht", "Gelderland", "Noord-Holland", "Zuid-Holland", "Brabant", "Limburg"]


ABC_COLUMNS = 7  # Klant, Omzet, Potentie and the four questions


def make_workbook(path: Path, n: int, seed: int = 7, width: int = len(HEADERS)) -> None:
    """A Klanten sheet of n customers with the first `width` input columns."""
    from openpyxl import Workbook

    rng = random.Random(seed)
    book = Workbook(write_only=True)
    ws = book.create_sheet("Klanten")
    ws.append(HEADERS[:width])
    yes_no = ["Ja", "Nee", ""]
    for i in range(n):
        revenue = round(rng.paretovariate(1.16) * 2000, 2)
        row = [
            f"Klant {i:06d} BV",
            revenue,
            rng.choice([0, 0, 0, round(revenue * 0.3)]),
            rng.choice(yes_no),
            rng.choice(yes_no),
            rng.choice(yes_no[:2]),
            rng.choice(yes_no[:2]),
            rng.randint(5, 45),
            rng.choice([14, 30, 45, 60, 90]),
            rng.randint(0, 80),
            rng.choice([0, 0, 500, 2500]),
            rng.randint(1, 60),
            rng.randint(1, 8),
            rng.choice(SECTORS),
            rng.choice(REGIONS),
            rng.choice(["Partner", "Vaste klant", "Transactioneel"]),
            round(revenue * rng.uniform(0.6, 1.3), 2),
        ]
        ws.append(row[:width])
    book.save(path)


def compiled_code() -> None:
    """Compile the package's bytecode once, as an installed package (or any second run
    without PYTHONDONTWRITEBYTECODE) has it, so that a timed process does not compile the
    source each time it starts."""
    import compileall

    compileall.compile_dir(str(ROOT / "python"), quiet=1)


def interleaved_times(fns: dict, repeat: int) -> dict[str, list[float]]:
    """Seconds of each function, `repeat` rounds of one run each in turn, so that a
    machine busy for a while slows all of them alike."""
    times: dict[str, list[float]] = {name: [] for name in fns}
    for _ in range(repeat):
        for name, fn in fns.items():
            start = time.perf_counter()
            fn()
            times[name].append(time.perf_counter() - start)
    return times


def median_time(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def peak_memory_mb(args: list[str]) -> float:
    """Peak RSS of a separate `klantanalyse` process, in MB."""
    # VmHWM, not ru_maxrss: the latter keeps the peak of the forked parent across exec
    code = (
        "import sys, io, contextlib; from klantanalyse.cli import main\n"
        "with contextlib.redirect_stderr(io.StringIO()): rc = main(sys.argv[1:])\n"
        "hwm = [l for l in open('/proc/self/status') if l.startswith('VmHWM')][0]\n"
        "print(hwm.split()[1], file=sys.stderr); sys.exit(rc)"
    )
    env = {"PYTHONPATH": str(ROOT / "python")}
    import os

    run = subprocess.run(
        [sys.executable, "-c", code, *args],
        capture_output=True,
        text=True,
        env={**os.environ, **env},
    )
    return int(run.stderr.strip().splitlines()[-1]) / 1024


def bench(
    n: int, repeat: int, folder: Path, width: int, with_openpyxl: bool = True
) -> dict[str, float]:
    import openpyxl
    from python_calamine import CalamineWorkbook

    from klantanalyse.cli import main
    from klantanalyse.files.read import read_input
    from klantanalyse.files.write import write_workbook
    from klantanalyse.plan import plan_book
    from klantanalyse.run import run

    src = folder / f"klanten-{n}-{width}.xlsx"
    make_workbook(src, n, width=width)
    out = folder / f"uit-{n}.xlsx"
    book = read_input(src)

    def core():  # everything the pure core computes for this input (A/B/C, profit, affinity)
        return run(book.tables())

    done = core()
    content = plan_book(done)

    def openpyxl_floor():
        wb = openpyxl.load_workbook(src)
        wb.save(folder / "floor.xlsx")

    def calamine_floor():
        wb = CalamineWorkbook.from_path(str(src))
        wb.get_sheet_by_name("Klanten").to_python()

    def whole():
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
            assert main(["analyse", str(src), "-o", str(out)]) == 0

    figures = {
        "core": median_time(core, repeat),
        "read": median_time(lambda: read_input(src), repeat),
        "write": median_time(lambda: write_workbook(out, content), repeat),
        "analyse": median_time(whole, repeat),
        "floor_openpyxl": median_time(openpyxl_floor, repeat) if with_openpyxl else float("nan"),
        "floor_calamine": median_time(calamine_floor, repeat),
    }
    figures["peak_mb"] = peak_memory_mb(["analyse", str(src), "-o", str(out)])
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10_000, 100_000])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--columns", type=int, choices=(ABC_COLUMNS, len(HEADERS)), nargs="+")
    parser.add_argument("--no-openpyxl", action="store_true", help="leave out that floor")
    args = parser.parse_args()
    compiled_code()
    for width, title in (
        (ABC_COLUMNS, "A/B/C inputs only (7 columns)"),
        (len(HEADERS), "all 17 input columns"),
    ):
        if args.columns and width not in args.columns:
            continue
        print(f"\n{title}:")
        table(args, width)
    print(
        "\nratio = whole analyse / plain openpyxl load+save (target <= 0.60 at 100,000); "
        "core% = core / whole analyse (target <= 10%)."
    )


def table(args: argparse.Namespace, width: int) -> None:
    print(
        f"{'customers':>10} {'core':>7} {'read':>7} {'write':>7} {'analyse':>8} "
        f"{'openpyxl':>9} {'calamine':>9} {'ratio':>6} {'core%':>6} {'peak MB':>8}"
    )
    whole: dict[int, float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for n in args.sizes:
            f = bench(n, args.repeat, Path(tmp), width, not args.no_openpyxl)
            whole[n] = f["analyse"]
            ratio = f["analyse"] / f["floor_openpyxl"]
            core_share = f["core"] / f["analyse"]
            print(
                f"{n:>10} {f['core']:>7.3f} {f['read']:>7.3f} {f['write']:>7.3f} "
                f"{f['analyse']:>8.3f} {f['floor_openpyxl']:>9.3f} {f['floor_calamine']:>9.3f} "
                f"{ratio:>6.2f} {core_share:>6.1%} {f['peak_mb']:>8.0f}",
                flush=True,
            )
    if len(whole) > 1:
        (n0, t0), (n1, t1) = min(whole.items()), max(whole.items())
        exponent = math.log(t1 / t0) / math.log(n1 / n0)
        print(f"growth exponent of the whole command from {n0:,} to {n1:,}: {exponent:.2f}")


if __name__ == "__main__":
    main()
