"""The Excel front without Excel: start-up of a ribbon click, =SEGMENT speed, call counts.

Run: `python benchmarks/bench_excel.py [--repeat 5] [--sizes 20 2000 200000]`.

(a) Cold start of a ribbon action: a fresh Python process imports
    `klantanalyse.excel.actions` and runs `analyse()` on a 20-customer fake workbook,
    against the floor `python -c "import pandas, xlwings"`. The fake's own cost (building
    autospec objects) is measured inside the process and subtracted.
(b) =SEGMENT: the first call on a 10,000-customer table (reads both sheets, analyses,
    indexes) and then 10,000 calls on the warm cache, one per customer.
(c) The number of xlwings calls `analyse()` makes for each size.

The fake keeps cells in memory, so reads and writes cost far less than Excel's; the figures
show the Python side. In Excel each xlwings call adds a round trip (about a millisecond).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON_DIR = ROOT / "python"
TESTS_DIR = ROOT / "tests"
sys.path[:0] = [str(PYTHON_DIR), str(TESTS_DIR)]

CHILD = """
import json, time
import xlwings  # the action imports it too; it is part of the floor
from fake_excel import FakeExcel
from excel_data import customers, settings_rows
fake = FakeExcel({"Start": [], "Klanten": customers(20), "Matrix": [],
                  "Instellingen": settings_rows()})
fake.install()
built_before = fake.build_seconds
started = time.perf_counter()
import klantanalyse.excel.actions as k
imported = time.perf_counter()
k.analyse()
done = time.perf_counter()
assert not fake.alerts, fake.alerts
fake_cost = fake.build_seconds - built_before
print(json.dumps({"import": imported - started, "analyse": done - imported - fake_cost,
                  "fake_in_action": fake_cost}))
"""


def _env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": os.pathsep.join([str(PYTHON_DIR), str(TESTS_DIR)])}


def _wall(args: list[str]) -> tuple[float, str]:
    started = time.perf_counter()
    out = subprocess.run(args, capture_output=True, text=True, env=_env(), check=True)
    return time.perf_counter() - started, out.stdout


def cold_start(repeat: int) -> None:
    floor, raw, imports, runs, fake = [], [], [], [], []
    for _ in range(repeat):
        floor.append(_wall([sys.executable, "-c", "import pandas, xlwings"])[0])
        wall, out = _wall([sys.executable, "-c", CHILD])
        figures = json.loads(out)
        raw.append(wall)
        imports.append(figures["import"])
        runs.append(figures["analyse"])
        fake.append(_fake_setup_seconds() + figures["fake_in_action"])
    f = statistics.median(floor)
    i, a = statistics.median(imports), statistics.median(runs)
    click = f + i + a  # what Excel waits for, without Excel's own round trips
    print("(a) cold start of a ribbon click, 20 customers (median of", repeat, "runs)")
    print(f"    floor: python -c 'import pandas, xlwings'           {f:6.3f} s")
    print(f"    import klantanalyse.excel.actions (after xlwings)  {i:6.3f} s")
    print(f"    analyse() without the fake's own cost              {a:6.3f} s")
    print(f"    => click = floor + import + analyse                {click:6.3f} s", end="")
    print(f" = {click / f:4.2f} x floor")
    print(
        f"    (process as measured {statistics.median(raw):.3f} s, of which the fake's imports "
        f"and autospec objects {statistics.median(fake):.3f} s)"
    )


_SETUP: list[float] = []


def _fake_setup_seconds() -> float:
    """Time to import the fake and build its objects, in a process that has xlwings."""
    if not _SETUP:
        code = (
            "import time, xlwings; t = time.perf_counter(); "
            "from fake_excel import FakeExcel; from excel_data import customers, settings_rows; "
            "f = FakeExcel({'Start': [], 'Klanten': customers(20), 'Matrix': [], "
            "'Instellingen': settings_rows()}); f.install(); print(time.perf_counter() - t)"
        )
        runs = [float(_wall([sys.executable, "-c", code])[1]) for _ in range(3)]
        _SETUP.append(statistics.median(runs))
    return _SETUP[0]


def segment_speed(n: int = 10_000) -> None:
    from excel_data import customers, settings_rows
    from fake_excel import FakeExcel
    from klantanalyse.excel import udfs

    rows = customers(n)
    fake = FakeExcel({"Klanten": rows, "Instellingen": settings_rows()})
    fake.install()
    names = [row[0] for row in rows[1:]]
    udfs.clear_cache()
    started = time.perf_counter()
    first = udfs.SEGMENT(names[0])
    cold = time.perf_counter() - started
    assert first in ("A", "B", "C"), first
    started = time.perf_counter()
    for name in names:
        udfs.SEGMENT(name)
    warm_total = time.perf_counter() - started
    warm = warm_total / len(names)
    reads = sum(c.endswith("].value") for c in fake.calls)
    print(f"(b) =SEGMENT on a {n:,}-customer table")
    print(f"    first call (read sheets, analyse, index)     {cold * 1000:8.1f} ms")
    print(
        f"    {len(names):,} warm calls                          {warm_total:8.3f} s"
        f"  = {warm * 1e6:6.1f} us per call = 1/{cold / warm:,.0f} of the first call"
    )
    print(f"    sheet reads in all {len(names) + 1:,} calls: {reads}")


def call_counts(sizes: list[int]) -> None:
    from excel_books import macro_book
    from excel_data import customers, orders
    from klantanalyse.excel import actions

    print("(c) xlwings calls of one analyse() run")
    for n in sizes:
        rows = customers(n)
        fake = macro_book(rows, orders(rows, 1))
        fake.install()
        started = time.perf_counter()
        actions.analyse()
        seconds = time.perf_counter() - started
        assert not fake.alerts, fake.alerts
        print(f"    {n:>9,} customers: {len(fake.calls):4d} calls   ({seconds:6.2f} s on the fake)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--sizes", type=int, nargs="+", default=[20, 2_000, 200_000])
    args = parser.parse_args()
    cold_start(args.repeat)
    segment_speed()
    call_counts(args.sizes)


if __name__ == "__main__":
    main()
