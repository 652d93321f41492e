"""The whole `klantanalyse analyse` beside the floor: the fastest parser and the fastest writer.

Run: `python benchmarks/bench_floor.py [--customers 100000] [--repeat 3]`.

Prints median seconds (never asserts a time; the three measurements interleaved) for:
  - the whole command on a synthetic workbook of N customers x 17 columns (a separate
    process per run, as a user starts it);
  - the floor: python-calamine reading that input, plus the fastest writer at hand writing
    the cells our output holds (our output read back with calamine, every sheet). The
    writer is rustpy-xlsxwriter (the `bench` extra) when it is installed, else XlsxWriter
    in constant_memory mode (a note says so);
  - the ratio whole / floor (target <= 1.5 at 100,000 customers);
  - microseconds per cell: our long-row serialiser (`files.sheetdata.rows_xml`, XML only,
    before compression), our whole `write_workbook`, and the writer (its whole file).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "python"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_analyse import (  # noqa: E402
    compiled_code,
    interleaved_times,
    make_workbook,
    median_time,
)


def whole_command(src: Path, out: Path) -> None:
    """`klantanalyse analyse src -o out` in its own process."""
    env = {**os.environ, "PYTHONPATH": str(ROOT / "python")}
    cmd = [sys.executable, "-m", "klantanalyse.cli", "analyse", str(src), "-o", str(out)]
    done = subprocess.run(cmd, env=env, capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"analyse failed: {done.stderr.strip()[-500:]}")


def read_sheets(path: Path) -> dict[str, list[list]]:
    """Every sheet of `path` as rows of values (calamine)."""
    from python_calamine import CalamineWorkbook

    book = CalamineWorkbook.from_path(str(path))
    return {name: book.get_sheet_by_name(name).to_python() for name in book.sheet_names}


def count_cells(sheets: dict[str, list[list]]) -> int:
    return sum(1 for rows in sheets.values() for row in rows for v in row if v != "")


def writer() -> tuple[str, object]:
    """The fastest writer installed: its name and a function(path, sheets)."""
    try:
        import rustpy_xlsxwriter
    except ImportError:
        return "XlsxWriter constant_memory (rustpy-xlsxwriter not installed)", _xlsxwriter
    return f"rustpy-xlsxwriter {rustpy_xlsxwriter.__version__}", _rustpy


def _frames(sheets: dict[str, list[list]]) -> dict[str, object]:
    """The sheets as DataFrames for rustpy-xlsxwriter: the first row is the header row."""
    import pandas as pd

    frames = {}
    for name, rows in sheets.items():
        width = max((len(r) for r in rows), default=0)
        header = [f"{v}" if v != "" else f"_{i}" for i, v in enumerate((rows or [[]])[0])]
        header += [f"_{i}" for i in range(len(header), width)]
        header = [f"{h}#{i}" if header.count(h) > 1 else h for i, h in enumerate(header)]
        body = [[None if v == "" else v for v in r] + [None] * (width - len(r)) for r in rows[1:]]
        frames[name] = pd.DataFrame(body, columns=header, dtype=object)
    return frames


def _rustpy(path: Path, data) -> None:
    from rustpy_xlsxwriter import FastExcel

    book = FastExcel(str(path))
    for name, frame in data.items():
        book.sheet(name, frame)
    book.save()


def _xlsxwriter(path: Path, data) -> None:
    import xlsxwriter

    book = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    for name, rows in data.items():
        ws = book.add_worksheet(name)
        for r, row in enumerate(rows):
            ws.write_row(r, 0, [None if v == "" else v for v in row])
    book.close()


def serialiser_figures(src: Path, out: Path, repeat: int) -> tuple[float, int, float]:
    """Seconds of our long-row serialiser (XML only), the cells it writes (not empty), and
    seconds of our whole `write_workbook`, each a median over `repeat` runs."""
    from openpyxl import Workbook

    from klantanalyse.files import write as write_module
    from klantanalyse.files.read import read_input
    from klantanalyse.files.sheetdata import rows_xml
    from klantanalyse.plan import plan_book
    from klantanalyse.run import run

    plan = plan_book(run(read_input(src).tables()))
    blocks = {}

    def serialise():
        nonlocal blocks
        book = Workbook(write_only=True)
        blocks = write_module._build(book, plan)
        start = time.perf_counter()
        for ws, block in blocks.items():
            for _chunk in rows_xml(ws, block)():
                pass
        seconds = time.perf_counter() - start
        write_module._discard(book)
        return seconds

    seconds = statistics.median(serialise() for _ in range(repeat))
    cells = sum(1 for b in blocks.values() for c in b.columns for v in c.values if v is not None)
    whole = median_time(lambda: write_module.write_workbook(out, plan), repeat)
    return seconds, cells, whole


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--customers", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    compiled_code()
    name, write = writer()
    with tempfile.TemporaryDirectory(prefix="bench-floor-") as tmp:
        folder = Path(tmp)
        src, out = folder / "klanten.xlsx", folder / "uit.xlsx"
        make_workbook(src, args.customers)
        whole_command(src, out)  # once, for the output whose cells the floor writes
        sheets = read_sheets(out)
        cells = count_cells(sheets)
        data = _frames(sheets) if write is _rustpy else sheets
        floor_out = folder / "floor.xlsx"
        rounds = interleaved_times(
            {
                "whole": lambda: whole_command(src, out),
                "read": lambda: read_sheets(src),
                "write": lambda: write(floor_out, data),
            },
            args.repeat,
        )
        t_whole, t_read, t_write = (
            statistics.median(rounds[k]) for k in ("whole", "read", "write")
        )
        ratios = [w / (r + f) for w, r, f in zip(rounds["whole"], rounds["read"], rounds["write"])]
        ser, ser_cells, ours = serialiser_figures(src, folder / "ons.xlsx", args.repeat)
        floor = t_read + t_write
        print(f"{args.customers:,} customers x 17 columns; output cells (not empty): {cells:,}")
        print(f"writer: {name}")
        print(f"whole `klantanalyse analyse` (own process)   {t_whole:8.3f} s")
        print(f"floor: calamine read of the input            {t_read:8.3f} s")
        print(f"       the writer, the same cells            {t_write:8.3f} s")
        print(f"       together                              {floor:8.3f} s")
        ratio = statistics.median(ratios)
        print(f"ratio whole / floor                          {ratio:8.2f}  (target <= 1.5)")
        print(
            f"       (median of {args.repeat} rounds, each whole / its own floor; "
            f"lowest {min(ratios):.2f}, highest {max(ratios):.2f})"
        )
        print(f"us per cell: our serialiser (XML only)       {ser / ser_cells * 1e6:8.3f}")
        print(f"             our write_workbook (whole file) {ours / cells * 1e6:8.3f}")
        print(f"             the writer (whole file)         {t_write / cells * 1e6:8.3f}")
        print(
            f"file sizes: ours {out.stat().st_size / 1e6:.1f} MB, "
            f"writer {floor_out.stat().st_size / 1e6:.1f} MB"
        )


if __name__ == "__main__":
    main()
