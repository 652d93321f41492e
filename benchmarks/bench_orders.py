"""Order analysis on the full Online Retail file, beside two plain-pandas floors.

    python benchmarks/bench_orders.py [path/to/online_retail.csv.gz] [--repeat N]

Prints, best of N runs each (all measured in this one process):
  1. pandas read of the CSV                      (floor 1)
  2. minimal groupby: the four article-000 figures per customer (floor 2)
  3. the core order analysis: every order column, signal, reason and retention
  4. analyse() with those orders and an empty Klanten table (adds every customer)
  5. end to end from the CSV through the command line, median of 3 (see `end_to_end`),
     and its stages: reading both files, the analysis, writing the workbook
The target: 3 stays at most 3x floor 2.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import io
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import pandas as pd
from openpyxl import load_workbook

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "python"))

from klantanalyse import Settings, analyse  # noqa: E402
from klantanalyse.core.history import order_history  # noqa: E402

DEFAULT_CSV = ROOT.parent / "shared" / "data" / "online_retail.csv.gz"
REFERENCE = dt.date(2011, 12, 9)  # the last day in the data


def read_csv(path: Path) -> pd.DataFrame:
    """Floor 1: plain pandas reading the file; rows labelled with their line numbers."""
    table = pd.read_csv(path)
    table.index = pd.RangeIndex(2, len(table) + 2)
    return table


def minimal_groupby(table: pd.DataFrame, reference: dt.date = REFERENCE) -> pd.DataFrame:
    """Floor 2: only the four article-000 figures per customer, straight pandas.

    Average order overall, average order in the last 12 months, orders in the last 12
    months, last order date; an order is one InvoiceNo adding up to more than zero.
    """
    ref = pd.Timestamp(reference)
    start = ref - pd.DateOffset(months=12)
    known = table[table["CustomerID"].notna()]
    lines = pd.DataFrame(
        {
            "customer": known["CustomerID"],
            "order": known["InvoiceNo"],
            "date": pd.to_datetime(known["InvoiceDate"]).dt.normalize(),
            "amount": known["Quantity"] * known["UnitPrice"],
        }
    )
    lines = lines[lines["date"] <= ref]
    orders = lines.groupby(["customer", "order"], sort=False).agg(
        value=("amount", "sum"), date=("date", "min")
    )
    orders = orders[orders["value"] > 0]
    overall = orders.groupby(level=0)
    out = pd.DataFrame({"avg_order": overall["value"].mean(), "last_order": overall["date"].max()})
    recent = orders[orders["date"] > start].groupby(level=0)["value"]
    out["avg_order_recent"] = recent.mean()
    out["orders_recent"] = recent.count()
    return out


def end_to_end(csv_path: Path, repeat: int = 3) -> tuple[float, int]:
    """Median seconds over `repeat` runs of, in this process,

        klantanalyse analyse templates/demo/klanten.csv --orders CSV -o tmp.xlsx

    (read both files, analyse, write the workbook with its charts), and the number of
    customer rows written. The Peildatum is the default (today), as on the command line.
    """
    from klantanalyse.cli import main as cli

    customers = ROOT / "templates" / "demo" / "klanten.csv"
    times = []
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "tmp.xlsx"
        args = ["analyse", str(customers), "--orders", str(csv_path), "-o", str(out)]
        for _ in range(repeat):
            start = time.perf_counter()
            with (
                contextlib.redirect_stdout(io.StringIO()),
                contextlib.redirect_stderr(io.StringIO()) as err,
            ):
                code = cli(args)
            times.append(time.perf_counter() - start)
            if code != 0:
                raise SystemExit(f"klantanalyse analyse failed: {err.getvalue().strip()}")
        book = load_workbook(out, read_only=True)
        rows = sum(1 for _ in book["Klanten"].iter_rows(min_row=2, max_col=1))
        book.close()
    return statistics.median(times), rows


def stages(csv_path: Path, repeat: int = 3) -> dict[str, float]:
    """Median seconds of the three stages of `end_to_end` (as `analyse_file` runs them):
    read both files, analyse (with Verwantschap), write the workbook."""
    from dataclasses import replace

    from klantanalyse.files.read import read_input, read_orders
    from klantanalyse.files.write import write_workbook
    from klantanalyse.plan import plan_book
    from klantanalyse.run import run as run_tables

    customers = ROOT / "templates" / "demo" / "klanten.csv"
    times: dict[str, list[float]] = {"read": [], "analyse": [], "write": []}
    with tempfile.TemporaryDirectory() as folder:
        for _ in range(repeat):
            start = time.perf_counter()
            book = replace(read_input(customers), orders=read_orders(csv_path))
            read = time.perf_counter()
            done = run_tables(book.tables())
            analysed = time.perf_counter()
            content = plan_book(done)
            write_workbook(Path(folder) / "tmp.xlsx", content)
            written = time.perf_counter()
            times["read"].append(read - start)
            times["analyse"].append(analysed - read)
            times["write"].append(written - analysed)
    return {k: statistics.median(v) for k, v in times.items()}


def best_of(repeat: int, run: Callable[[], object]) -> tuple[float, object]:
    """(fastest wall time in seconds, last result) over `repeat` runs after one warm-up."""
    result = run()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        result = run()
        times.append(time.perf_counter() - start)
    return min(times), result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("csv", nargs="?", type=Path, default=DEFAULT_CSV)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)
    if not args.csv.exists():
        print(f"{args.csv} not found; pass the path of online_retail.csv.gz")
        return 1
    settings = Settings(reference_date=REFERENCE)

    read_s, table = best_of(max(1, args.repeat // 2), lambda: read_csv(args.csv))
    floor_s, floor = best_of(args.repeat, lambda: minimal_groupby(table))
    core_s, history = best_of(args.repeat, lambda: order_history(table, settings))
    full_s, result = best_of(args.repeat, lambda: analyse(pd.DataFrame(), settings, orders=table))
    e2e_s, e2e_rows = end_to_end(args.csv)

    per = history.per_customer
    print(f"Online Retail: {len(table):,} lines, {len(per):,} customers, Peildatum {REFERENCE}")
    print(f"best of {args.repeat} runs (read: {max(1, args.repeat // 2)})")
    print(f"  1. pandas read_csv                       {read_s * 1000:8.1f} ms")
    print(f"  2. floor: minimal groupby (4 figures)     {floor_s * 1000:8.1f} ms")
    print(
        f"  3. core order analysis (all columns)     {core_s * 1000:8.1f} ms"
        f"   = {core_s / floor_s:.2f}x floor (target <= 3x)"
    )
    print(f"  4. analyse() with the orders             {full_s * 1000:8.1f} ms")
    print(
        f"  5. end to end from the CSV (median of 3)  {e2e_s * 1000:8.1f} ms"
        f"   = {e2e_s / read_s:.2f}x floor 1; {e2e_rows:,} customer rows written"
    )
    print(
        "     of which (median of 3): "
        + ", ".join(f"{k} {v * 1000:.0f} ms" for k, v in stages(args.csv).items())
    )
    # the floor and the core must agree on what they both compute
    same = per.set_index("customer").reindex([f"{c:.0f}" for c in floor.index])
    mismatch = (
        same["orders_recent"].fillna(0).to_numpy() != floor["orders_recent"].fillna(0)
    ).sum()
    print(f"  check: orders in the window differ for {mismatch} of {len(floor):,} customers")
    print("  signals: " + ", ".join(f"{k} {v}" for k, v in per["signal"].value_counts().items()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
