"""The order core beside three peers: lifetimes, pymc-marketing's rfm_summary, openretailscience.

    python benchmarks/bench_peers.py [--cdnow CDNOW_master.txt] [--retail online_retail.csv.gz]
                                     [--peers-python PATH] [--repeat N] [--code CHECKOUT]

Every tool gets the same transaction frame (customer, date as datetime64, amount, and the
invoice number where the data has one), already read, with the Peildatum set to the last
date in the data:
  - ours: `order_history` (every order column, signal, reason and retention);
  - lifetimes: `summary_data_from_transaction_data(..., freq="D")`;
  - pymc-marketing: `pymc_marketing.clv.utils.rfm_summary(..., time_unit="D")`;
  - openretailscience: `RFMSegmentation(...).df` (computed by ibis on duckdb, which may use
    both cores).
A peer that does not import in this interpreter runs in a worker started with
`--peers-python` (a separate environment, so the heavy peers stay out of ours); one that is
in neither is skipped with a note. Runs are interleaved (ours, then each peer, repeated);
the medians and the ratio to the fastest peer are printed. The target is ours <= 0.5x.

Then the per-customer figures are compared where the definitions agree: on the lines with
a positive amount, where for every tool an order is one customer's day (ours without the
invoice numbers), frequency = orders - 1, recency = last - first order in days, T =
Peildatum - first order (lifetimes, pymc-marketing); recency_days = Peildatum - last order,
frequency = orders, monetary = revenue (openretailscience). The peers' monetary_value (mean
of the repeat orders only) has no counterpart among our columns.

CDNOW: `CDNOW_master.txt` as lifetimes ships it (lifetimes/datasets/); found in the installed
lifetimes of this interpreter or of --peers-python when --cdnow is not given.
"""

from __future__ import annotations

import argparse
import gc
import importlib.util
import json
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
if "--code" in sys.argv:  # another checkout's package, to measure before and after a change
    sys.path.insert(0, str(Path(sys.argv[sys.argv.index("--code") + 1]).resolve() / "python"))
else:
    sys.path.insert(0, str(ROOT / "python"))

DEFAULT_RETAIL = ROOT.parent / "shared" / "data" / "online_retail.csv.gz"
PEERS = ("lifetimes", "pymc-marketing", "openretailscience")
CUSTOMER, DATE, AMOUNT, ORDER = "CustomerID", "InvoiceDate", "Amount", "InvoiceNo"


# ---- the data, the same in every interpreter ----------------------------------------------


def load_cdnow(path: Path) -> pd.DataFrame:
    """CDNOW_master.txt: customer, yyyymmdd date, number of CDs, dollar value."""
    raw = pd.read_csv(path, sep=r"\s+", header=None, skiprows=1, dtype=str)
    return pd.DataFrame(
        {
            CUSTOMER: raw[0].astype(np.int64),
            DATE: pd.to_datetime(raw[1], format="%Y%m%d"),
            AMOUNT: raw[3].astype(float),
        }
    )


def load_retail(path: Path) -> pd.DataFrame:
    """Online Retail: the lines with a customer; amount = quantity x unit price."""
    raw = pd.read_csv(path, dtype={"InvoiceNo": str, "StockCode": str})
    raw = raw[raw["CustomerID"].notna()]
    return pd.DataFrame(
        {
            CUSTOMER: raw["CustomerID"].astype(np.int64),
            DATE: pd.to_datetime(raw["InvoiceDate"]),
            AMOUNT: raw["Quantity"] * raw["UnitPrice"],
            ORDER: raw["InvoiceNo"].astype(object),
        }
    )


def agreeing(table: pd.DataFrame) -> pd.DataFrame:
    """The lines with a positive amount, without invoice numbers: an order is a day."""
    return table.loc[table[AMOUNT] > 0, [CUSTOMER, DATE, AMOUNT]].reset_index(drop=True)


def datasets(cdnow: Path | None, retail: Path | None) -> dict[str, pd.DataFrame]:
    found = {}
    if cdnow is not None:
        found["CDNOW"] = load_cdnow(cdnow)
    if retail is not None:
        found["Online Retail"] = load_retail(retail)
    return found


# ---- the tools -------------------------------------------------------------------------


def with_day_orders(table: pd.DataFrame) -> pd.DataFrame:
    """openretailscience needs a transaction id: the invoice, else the customer's day."""
    if ORDER in table:
        return table
    day = (table[DATE].to_numpy().astype("datetime64[D]")).astype(np.int64)
    return table.assign(**{ORDER: table[CUSTOMER].to_numpy() * 100_000 + day})


def peer_runner(name: str, table: pd.DataFrame) -> Callable[[], pd.DataFrame] | None:
    """A function running the peer `name` on `table` (None when it does not import)."""
    end = table[DATE].max().normalize()
    try:
        if name == "lifetimes":
            from lifetimes.utils import summary_data_from_transaction_data as summary

            return lambda: summary(
                table, CUSTOMER, DATE, AMOUNT, observation_period_end=end, freq="D"
            )
        if name == "pymc-marketing":
            from pymc_marketing.clv.utils import rfm_summary

            def run() -> pd.DataFrame:
                out = rfm_summary(table, CUSTOMER, DATE, AMOUNT, observation_period_end=end)
                return out.set_index("customer_id")

            return run
        if name == "openretailscience":
            from openretailscience.options import option_context
            from openretailscience.segmentation.rfm import RFMSegmentation

            frame = with_day_orders(table)
            names = ("customer_id", "transaction_date", "unit_spend", "transaction_id")
            pairs = [(f"column.{k}", v) for k, v in zip(names, (CUSTOMER, DATE, AMOUNT, ORDER))]

            def run() -> pd.DataFrame:
                with option_context(*[x for pair in pairs for x in pair]):
                    return RFMSegmentation(frame, current_date=end.date()).df

            return run
    except ImportError:
        return None
    raise ValueError(name)


def ours(table: pd.DataFrame) -> Callable[[], pd.DataFrame]:
    from klantanalyse import Settings
    from klantanalyse.core.history import order_history

    settings = Settings(reference_date=table[DATE].max().date())
    frame = table.set_axis(pd.RangeIndex(2, len(table) + 2))  # sheet row numbers
    return lambda: order_history(frame, settings).per_customer


def timed(run: Callable[[], object]) -> float:
    """Seconds of one run, after a pause that lets the threads of the last run settle."""
    time.sleep(0.2)
    gc.collect()
    start = time.perf_counter()
    run()
    return time.perf_counter() - start


# ---- a worker in the peers' interpreter --------------------------------------------------


def worker(paths: dict[str, str | None]) -> int:
    """Answer one JSON request per line: {"peer", "data", "what": "time" | "figures"}."""
    tables = datasets(*(Path(p) if p else None for p in (paths["cdnow"], paths["retail"])))
    runners: dict[tuple[str, str, bool], Callable | None] = {}
    print(json.dumps({"ready": True}), flush=True)  # the data is read: timing may start
    for line in sys.stdin:
        ask = json.loads(line)
        key = (ask["peer"], ask["data"], ask["what"] == "figures")
        if key not in runners:
            table = tables[ask["data"]]
            runners[key] = peer_runner(ask["peer"], agreeing(table) if key[2] else table)
        run = runners[key]
        if run is None:
            answer: dict = {"missing": True}
        elif ask["what"] == "figures":
            out = Path(ask["out"])
            run().to_csv(out)
            answer = {"figures": str(out)}
        else:
            answer = {"seconds": timed(run)}
        print(json.dumps(answer), flush=True)
    return 0


class Peers:
    """The peers, each run here when it imports, else by the worker (if any)."""

    def __init__(self, python: str | None, paths: dict[str, str | None]) -> None:
        self.proc = None
        if python:
            args = [python, __file__, "--worker", json.dumps(paths)]
            self.proc = subprocess.Popen(
                args, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
            )
            self.proc.stdout.readline()  # wait until it has read the data
        self.local: dict[tuple[str, str, bool], Callable | None] = {}

    def ask(self, peer: str, data: str, table: pd.DataFrame, what: str, out: str = "") -> dict:
        key = (peer, data, what == "figures")
        if key not in self.local:
            self.local[key] = peer_runner(peer, agreeing(table) if key[2] else table)
        run = self.local[key]
        if run is not None:
            if what == "figures":
                run().to_csv(out)
                return {"figures": out}
            return {"seconds": timed(run)}
        if self.proc is None:
            return {"missing": True}
        self.proc.stdin.write(json.dumps({"peer": peer, "data": data, "what": what, "out": out}))
        self.proc.stdin.write("\n")
        self.proc.stdin.flush()
        return json.loads(self.proc.stdout.readline())

    def close(self) -> None:
        if self.proc is not None:
            self.proc.stdin.close()
            self.proc.wait()


def find_cdnow(python: str | None) -> Path | None:
    """CDNOW_master.txt inside an installed lifetimes (here, else in the peers' Python)."""
    code = (
        "import importlib.util, pathlib; s = importlib.util.find_spec('lifetimes'); "
        "print(pathlib.Path(s.origin).parent / 'datasets' / 'CDNOW_master.txt' if s else '')"
    )
    spec = importlib.util.find_spec("lifetimes")
    if spec is not None:
        return Path(spec.origin).parent / "datasets" / "CDNOW_master.txt"
    if python:
        found = subprocess.run([python, "-c", code], capture_output=True, text=True).stdout
        if found.strip():
            return Path(found.strip())
    return None


# ---- the comparison of figures -----------------------------------------------------------


def compare(peer: str, theirs: pd.DataFrame, mine: pd.DataFrame, end: pd.Timestamp) -> str:
    """How many customers' comparable figures differ between `peer` and ours."""
    mine = mine.set_index("customer")
    theirs = theirs.set_index(theirs.columns[0])
    theirs.index = theirs.index.astype(np.int64).astype(str)
    if set(theirs.index) != set(mine.index):
        return f"customers differ ({len(theirs)} vs {len(mine)})"
    mine = mine.reindex(theirs.index)
    first, last = pd.to_datetime(mine["first_order"]), pd.to_datetime(mine["last_order"])
    if peer == "openretailscience":
        expected = {
            "recency_days": (end - last).dt.days,
            "frequency": mine["orders_total"],
            "monetary": mine["revenue_total"],
        }
        got = {k: theirs[k].round(2) if k == "monetary" else theirs[k] for k in expected}
    else:
        expected = {
            "frequency": mine["orders_total"] - 1,
            "recency": (last - first).dt.days,
            "T": (end - first).dt.days,
        }
        got = {k: theirs[k] for k in expected}
    parts = []
    for k, want in expected.items():
        differ = int((got[k].to_numpy(dtype=float) != want.to_numpy(dtype=float)).sum())
        parts.append(f"{k} differs for {differ}")
    return ", ".join(parts) + f" of {len(theirs):,} customers"


# ---- growth with the number of order lines -----------------------------------------------


def synthetic(lines: int, seed: int = 17) -> pd.DataFrame:
    """`lines` order lines of lines / 10 customers over two years, ~3 lines per invoice."""
    rng = np.random.default_rng(seed)
    invoices = max(lines // 3, 1)
    invoice = np.sort(rng.integers(0, invoices, lines))  # an invoice's lines together
    customer = rng.integers(0, max(lines // 10, 1), invoices)[invoice]
    day = np.datetime64("2022-01-01") + rng.integers(0, 730, invoices)[invoice]
    return pd.DataFrame(
        {
            CUSTOMER: customer,
            DATE: day.astype("datetime64[ns]"),
            AMOUNT: np.round(rng.lognormal(3, 1, lines), 2),
            ORDER: (invoice + 100_000).astype(str).astype(object),
        }
    )


def grow_one(lines: int, repeat: int) -> None:
    """In a child process: median seconds and the peak memory the core adds (MB)."""
    import resource

    run = ours(synthetic(lines))
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    seconds = statistics.median(timed(run) for _ in range(repeat))
    added = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
    print(json.dumps({"seconds": seconds, "added_mb": added}))


def growth(sizes: list[int], repeat: int, code: Path | None) -> None:
    """Time and peak memory of the core per size, each in a fresh process; the exponent."""
    print("\norder core on synthetic orders (10 lines per customer, 3 per invoice)")
    found = []
    for lines in sizes:
        args = [sys.executable, __file__, "--grow-one", str(lines), "--repeat", str(repeat)]
        args += ["--code", str(code)] if code else []
        done = subprocess.run(args, capture_output=True, text=True, check=True)
        result = json.loads(done.stdout.strip().splitlines()[-1])
        found.append((lines, result["seconds"]))
        print(
            f"  {lines:>9,} lines  {result['seconds'] * 1000:8.1f} ms"
            f"  peak memory added {result['added_mb']:6.0f} MB"
        )
    (n0, t0), (n1, t1) = found[0], found[-1]
    print(f"  growth exponent {np.log(t1 / t0) / np.log(n1 / n0):.2f} from {n0:,} to {n1:,}")


# ---- main --------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cdnow", type=Path)
    parser.add_argument("--retail", type=Path, default=DEFAULT_RETAIL)
    parser.add_argument("--peers-python", help="a Python with the peers installed")
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--code", type=Path, help="the checkout whose order core is measured")
    parser.add_argument("--growth", action="store_true", help="also 10k to 1M order lines")
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    parser.add_argument("--grow-one", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        return worker(json.loads(args.worker))
    if args.grow_one:
        grow_one(args.grow_one, args.repeat)
        return 0
    cdnow = args.cdnow or find_cdnow(args.peers_python)
    if cdnow is None or not cdnow.exists():
        print("CDNOW not found (pass --cdnow CDNOW_master.txt): skipped")
        cdnow = None
    retail = args.retail if args.retail.exists() else None
    if retail is None:
        print(f"{args.retail} not found: Online Retail skipped")
    paths = {"cdnow": str(cdnow) if cdnow else None, "retail": str(retail) if retail else None}
    tables = datasets(cdnow, retail)
    peers = Peers(args.peers_python, paths)
    import klantanalyse

    where = Path(klantanalyse.__file__).parent.parent.parent
    print(f"order core of {where.name}; pandas {pd.__version__} here", end="")
    print(f"; median of {args.repeat} interleaved runs")
    try:
        for data, table in tables.items():
            report(data, table, peers, args.repeat)
    finally:
        peers.close()
    if args.growth:
        growth([10_000, 100_000, 1_000_000], min(args.repeat, 3), args.code)
    return 0


def report(data: str, table: pd.DataFrame, peers: Peers, repeat: int) -> None:
    mine = ours(table)
    mine()  # warm-up
    times: dict[str, list[float]] = {"ours": []}
    missing = set()
    for _ in range(repeat + 1):  # the first round warms the peers up
        times["ours"].append(timed(mine))
        for peer in PEERS:
            if peer in missing:
                continue
            answer = peers.ask(peer, data, table, "time")
            if answer.get("missing"):
                missing.add(peer)
            else:
                times.setdefault(peer, []).append(answer["seconds"])
    medians = {k: statistics.median(v[1:]) for k, v in times.items()}
    customers = table[CUSTOMER].nunique()
    print(f"\n{data}: {len(table):,} lines, {customers:,} customers")
    for k, v in medians.items():
        print(f"  {k:<20} {v * 1000:8.1f} ms")
    for peer in sorted(missing):
        print(f"  {peer:<20} not installed: skipped")
    fastest = min((v, k) for k, v in medians.items() if k != "ours") if len(medians) > 1 else None
    if fastest:
        ratio = medians["ours"] / fastest[0]
        print(f"  ours / fastest peer ({fastest[1]}) = {ratio:.2f}x (target <= 0.5x)")
    same = agreeing(table)
    end = same[DATE].max().normalize()
    figures = ours(same)()
    with tempfile.TemporaryDirectory() as folder:
        for peer in PEERS:
            if peer in missing:
                continue
            out = str(Path(folder) / f"{peer}.csv")
            peers.ask(peer, data, table, "figures", out)
            theirs = pd.read_csv(out)
            print(f"  figures vs {peer}: {compare(peer, theirs, figures, end)}")


if __name__ == "__main__":
    raise SystemExit(main())
