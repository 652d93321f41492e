"""The read side beside its floors: a CSV, a workbook, and the command line's start.

    python benchmarks/bench_read.py [--csv path/to/online_retail.csv.gz] [--customers N]
                                    [--repeat N]

Prints median seconds (the measurements of each line interleaved, so that a busy machine
slows all of them alike) for:
  1. reading the order CSV (`read_orders`) beside pandas' `read_csv` of the same file, plain
     and with every cell as text;
  2. the whole command on that CSV (`analyse klanten.csv --orders CSV`) beside `read_csv`,
     and with the CSV as the only input (`analyse CSV`: the customers come from the orders,
     and the order lines are copied into the output's Orders sheet);
  3. `klantanalyse --help` and an argument error, each in a new process, beside
     `python -c pass`;
  4. reading a workbook of N customers x 17 columns (`read_input`: the guard's checks and
     calamine), and what a run reports of that input (what is not carried over, texts too
     long for a cell), beside python-calamine alone reading its sheet.
Nothing here asserts a time: it prints the figures and their ratios.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "python"))
sys.path.insert(0, str(ROOT / "benchmarks"))

DEFAULT_CSV = ROOT.parent / "shared" / "data" / "online_retail.csv.gz"
DEMO_CUSTOMERS = ROOT / "templates" / "demo" / "klanten.csv"


def interleaved(fns: dict[str, Callable[[], object]], repeat: int) -> dict[str, float]:
    """Median seconds of each function, the functions run in turn `repeat` times."""
    from bench_analyse import interleaved_times

    times = interleaved_times(fns, repeat)
    return {name: statistics.median(found) for name, found in times.items()}


def show(title: str, figures: dict[str, float], floor: str) -> None:
    print(f"\n{title}")
    for name, seconds in figures.items():
        ratio = seconds / figures[floor] if figures[floor] else float("nan")
        print(f"  {name:<34} {seconds:8.3f} s  {ratio:6.2f}x {floor}")


def csv_figures(path: Path, repeat: int) -> None:
    import pandas as pd

    from klantanalyse.cli import main
    from klantanalyse.files.read import read_orders

    out = Path(tempfile.mkdtemp()) / "retail.xlsx"

    def command(*args: str) -> None:
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
            assert main([*args, "-o", str(out)]) == 0

    def whole() -> None:
        command("analyse", str(DEMO_CUSTOMERS), "--orders", str(path))

    def alone() -> None:
        command("analyse", str(path))

    show(
        f"order CSV ({path.name}): read stage",
        interleaved(
            {
                "pd.read_csv": lambda: pd.read_csv(path),
                "pd.read_csv dtype=object": lambda: pd.read_csv(
                    path, dtype=object, keep_default_na=False
                ),
                "read_orders": lambda: read_orders(path),
            },
            repeat,
        ),
        "pd.read_csv",
    )
    show(
        "order CSV: the whole command (analyse klanten.csv --orders CSV)",
        interleaved({"pd.read_csv": lambda: pd.read_csv(path), "analyse": whole}, repeat),
        "pd.read_csv",
    )
    show(
        "order CSV as the only input (analyse CSV; its lines copied into the Orders sheet)",
        interleaved({"pd.read_csv": lambda: pd.read_csv(path), "analyse": alone}, repeat),
        "pd.read_csv",
    )


def start_figures(repeat: int) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "python")}

    def process(*args: str) -> Callable[[], object]:
        return lambda: subprocess.run([sys.executable, *args], env=env, capture_output=True)

    show(
        "start of the command line (new process each)",
        interleaved(
            {
                "python -c pass": process("-c", "pass"),
                "klantanalyse --help": process("-m", "klantanalyse.cli", "--help"),
                "klantanalyse analyse (no input)": process("-m", "klantanalyse.cli", "analyse"),
                "python -c 'import pandas'": process("-c", "import pandas"),
            },
            repeat,
        ),
        "python -c pass",
    )


def workbook_figures(customers: int, repeat: int) -> None:
    from bench_analyse import HEADERS, make_workbook
    from python_calamine import CalamineWorkbook

    from klantanalyse.files.read import read_input
    from klantanalyse.files.report import carried_warnings, long_texts

    src = Path(tempfile.mkdtemp()) / f"klanten-{customers}.xlsx"
    make_workbook(src, customers, width=len(HEADERS))

    def calamine() -> None:
        book = CalamineWorkbook.from_path(str(src))
        book.get_sheet_by_name("Klanten").to_python()

    def report(book) -> None:
        """What a run reports of its input besides the analysis: what the output does not
        carry over (the input against itself here) and the texts too long for a cell."""
        carried_warnings(book, book.orders, src, "nl")
        long_texts(book.customers.frame)

    def read_and_report() -> None:
        report(read_input(src))

    book = read_input(src)
    show(
        f"workbook of {customers:,} customers x {len(HEADERS)} columns: guard + read",
        interleaved(
            {
                "calamine alone": calamine,
                "read_input": lambda: read_input(src),
                "report of the input": lambda: report(book),
                "read_input + report": read_and_report,
            },
            repeat,
        ),
        "calamine alone",
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--csv", type=Path, default=DEFAULT_CSV)
    parser.add_argument("--customers", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--only", choices=("csv", "start", "workbook"), nargs="+")
    args = parser.parse_args()
    parts = args.only or ("csv", "start", "workbook")
    from bench_analyse import compiled_code

    compiled_code()
    print(f"code: {ROOT / 'python'}; median of {args.repeat}, interleaved")
    if "start" in parts:
        start_figures(args.repeat * 2)
    if "csv" in parts:
        csv_figures(args.csv, args.repeat)
    if "workbook" in parts:
        workbook_figures(args.customers, args.repeat)


if __name__ == "__main__":
    main()
