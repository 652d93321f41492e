"""The Excel front without Excel: start-up of a ribbon click, =SEGMENT and =GELIJKENIS
speed, call counts.

Run: `python benchmarks/bench_excel.py [--repeat 5] [--sizes 20 2000 200000]`.

(a) Cold start of a ribbon action: a fresh Python process imports
    `klantanalyse.excel.actions` and runs `analyse()` on a 20-customer fake of the macro
    workbook (orders, prospects, Verwantschap: every part of the run), against the floor
    `python -c "import pandas, xlwings"`; then a second `analyse()` in the same process,
    which is what a click costs when Python keeps running (`USE UDF SERVER`). The fake's
    own cost (building autospec objects, storing cells and formats: Excel's side of each
    call) is measured inside the process and subtracted; the mock's per-call dispatch
    stays in, standing for xlwings' own.
(b) =SEGMENT: the first call on a 10,000-customer table (reads the sheets, analyses,
    indexes) and then 10,000 calls on the warm cache, one per customer.
(c) =GELIJKENIS: the first call on the same table with 10,000 prospects (reads the sheets,
    analyses, builds the profile, scores every prospect) and then 10,000 warm calls.
(d) The number of xlwings calls `analyse()` makes for each size (with orders and as many
    prospects as customers).

The fake keeps cells in memory, so reads and writes cost far less than Excel's; the figures
show the Python side. In Excel each xlwings call adds a round trip (about a millisecond).

The processes of (a) read compiled bytecode, as an installed package does (pip compiles it):
they get their own bytecode cache (PYTHONPYCACHEPREFIX in a temporary folder, so nothing is
written into the project) and one unmeasured warm-up run fills it.
"""

from __future__ import annotations

import argparse
import atexit
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON_DIR = ROOT / "python"
TESTS_DIR = ROOT / "tests"
sys.path[:0] = [str(PYTHON_DIR), str(TESTS_DIR)]

# the workbook's sheets, built without importing klantanalyse (its import is measured)
BOOK = (
    "from fake_excel import FakeExcel; "
    "from excel_data import customers, orders, prospects, settings_rows; "
    "rows = customers(20, traits=True); "
    "fake = FakeExcel({'Start': [], 'Klanten': rows, 'Orders': orders(rows), "
    "'Prospects': prospects(20), 'Matrix': [], 'Verwantschap': [], "
    "'Instellingen': settings_rows()}); fake.install()"
)
CHILD = (
    f"""
import json, time
import xlwings  # the action imports it too; it is part of the floor
{BOOK}"""
    + """
emulated_before = fake.emulate_seconds
started = time.perf_counter()
import klantanalyse.excel.actions as k
imported = time.perf_counter()
k.analyse()
done = time.perf_counter()
assert not fake.alerts, fake.alerts
fake_cost = fake.emulate_seconds - emulated_before
emulated_before = fake.emulate_seconds
again = time.perf_counter()
k.analyse()  # a second click in the same Python: what USE UDF SERVER would cost
repeat = time.perf_counter() - again - (fake.emulate_seconds - emulated_before)
print(json.dumps({"import": imported - started, "analyse": done - imported - fake_cost,
                  "fake_in_action": fake_cost, "repeat": repeat}))
"""
)


_PYCACHE = tempfile.mkdtemp(prefix="klantanalyse-bench-")
atexit.register(shutil.rmtree, _PYCACHE, ignore_errors=True)


def _env() -> dict[str, str]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(PYTHON_DIR), str(TESTS_DIR)])}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = _PYCACHE  # compiled once, like an installed package
    return env


def _wall(args: list[str]) -> tuple[float, str]:
    started = time.perf_counter()
    out = subprocess.run(args, capture_output=True, text=True, env=_env(), check=True)
    return time.perf_counter() - started, out.stdout


def cold_start(repeat: int) -> None:
    floor, raw, imports, runs, fake, repeats = [], [], [], [], [], []
    _wall([sys.executable, "-c", "import pandas, xlwings"])  # warm-up: fill the bytecode cache
    _wall([sys.executable, "-c", CHILD])
    for _ in range(repeat):
        floor.append(_wall([sys.executable, "-c", "import pandas, xlwings"])[0])
        wall, out = _wall([sys.executable, "-c", CHILD])
        figures = json.loads(out)
        raw.append(wall)
        imports.append(figures["import"])
        runs.append(figures["analyse"])
        repeats.append(figures["repeat"])
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
        f"and emulated Excel work {statistics.median(fake):.3f} s)"
    )
    print(f"    the click's imports = floor + import = {(f + i) / f:4.2f} x floor (target <= 1.25)")
    warm = statistics.median(repeats)
    print(
        f"    a repeat click with Python kept running (USE UDF SERVER): {warm:6.3f} s"
        f" = {warm / click:4.2f} x a cold click"
    )


_SETUP: list[float] = []


def _fake_setup_seconds() -> float:
    """Time to import the fake and build its objects, in a process that has xlwings."""
    if not _SETUP:
        code = f"import time, xlwings; t = time.perf_counter(); {BOOK}; " + (
            "print(time.perf_counter() - t)"
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


def similarity_speed(n: int = 10_000) -> None:
    from excel_data import customers, prospects, settings_rows
    from fake_excel import FakeExcel
    from klantanalyse.excel import udfs

    rows = customers(n, traits=True)
    prospect_rows = prospects(n)
    fake = FakeExcel({"Klanten": rows, "Instellingen": settings_rows(), "Prospects": prospect_rows})
    fake.install()
    names = [row[0] for row in prospect_rows[1:]]
    udfs.clear_cache()
    started = time.perf_counter()
    first = udfs.GELIJKENIS(names[0])
    cold = time.perf_counter() - started
    assert isinstance(first, int), first
    started = time.perf_counter()
    for name in names:
        udfs.GELIJKENIS(name)
    warm_total = time.perf_counter() - started
    warm = warm_total / len(names)
    reads = sum(c.endswith("].value") for c in fake.calls)
    print(f"(c) =GELIJKENIS on a {n:,}-customer table with {len(names):,} prospects")
    print(f"    first call (read, analyse, profile, score all)  {cold * 1000:8.1f} ms")
    print(
        f"    {len(names):,} warm calls                          {warm_total:8.3f} s"
        f"  = {warm * 1e6:6.1f} us per call = 1/{cold / warm:,.0f} of the first call"
    )
    print(f"    sheet reads in all {len(names) + 1:,} calls: {reads}")


def call_counts(sizes: list[int]) -> None:
    from excel_books import macro_book
    from excel_data import customers, orders, prospects
    from klantanalyse.excel import actions

    print("(d) xlwings calls of one analyse() run (orders, prospects, Verwantschap)")
    for n in sizes:
        rows = customers(n, traits=True)
        fake = macro_book(rows, orders(rows, 1), prospects=prospects(n))
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
    similarity_speed()
    call_counts(args.sizes)


if __name__ == "__main__":
    main()
