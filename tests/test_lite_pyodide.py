"""The Lite front runs where Pyodide runs: it imports nothing Pyodide lacks (no file readers
or writers, no COM, no threads, subprocesses or sockets), writes no file, and needs nothing
of the package that the workbook does not embed."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from klantanalyse.workbook import lite_code

ROOT = Path(__file__).resolve().parent.parent

# Not in Pyodide (or not in the Pyodide xlwings Lite pins), or no use there.
UNAVAILABLE = (
    "python_calamine",
    "pyopenvba",
    "openpyxl",
    "lxml",
    "et_xmlfile",
    "xlsxwriter",
    "oletools",
    "win32com",
    "pythoncom",
    "pywintypes",
    "appscript",
    "multiprocessing",
    "concurrent.futures",
    "klantanalyse.files",
    "klantanalyse.pipeline",
    "klantanalyse.workbook",
    "klantanalyse.excel.udfs",
)

RUN = r"""
import builtins, json, socket, subprocess, sys, threading
sys.path[:0] = [sys.argv[1], sys.argv[2]]
import pandas  # noqa: F401  (Pyodide provides pandas and its own imports)
from excel_data import customers, orders, prospects
from lite_standin import lite_book

unavailable = json.loads(sys.argv[3])
for name in unavailable:
    sys.modules[name] = None  # `import name` now fails

def refuse(what):
    def call(*args, **kwargs):
        raise AssertionError(f"the Lite front used {what}")
    return call

threading.Thread.start = refuse("a thread")
subprocess.Popen = refuse("a subprocess")
socket.socket = refuse("a socket")
real_open = builtins.open
def open_for_reading(file, mode="r", *args, **kwargs):
    if any(flag in mode for flag in "wax+"):
        raise AssertionError(f"the Lite front wrote {file}")
    return real_open(file, mode, *args, **kwargs)
builtins.open = open_for_reading
before = set(sys.modules)

from klantanalyse.lite import functions, render, scripts  # noqa: F401

rows = customers(30, traits=True)
book = lite_book(rows, orders(rows), prospects(4))
scripts.show = lambda text: None
first = rows[1]
answers = [scripts.analyse(book.book)]
answers += [functions.segment(first[0]), functions.segment(first), functions.score(first[3:7])]
answers += [functions.revenue_class(first[1]), functions.similarity(book.value("Prospects", "A2"))]
answers += [scripts.clear(book.book), functions.segment(first[0]), scripts.load_demo(book.book)]
answers.append(scripts.load_demo(book.book))
ours = sorted(n for n in set(sys.modules) - before if n.split(".")[0] == "klantanalyse")
print(json.dumps({"answers": answers, "modules": ours}))
"""


def test_the_lite_front_needs_nothing_pyodide_lacks(tmp_path):
    script = tmp_path / "run.py"
    script.write_text(RUN, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, str(script), str(ROOT / "python"), str(ROOT / "tests"),
         json.dumps(UNAVAILABLE)],
        capture_output=True, text=True, timeout=600, cwd=tmp_path,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    out = json.loads(result.stdout)
    analysed, segment, by_row, score, revenue_class, similarity, *rest = out["answers"]
    assert analysed.startswith("Klaar: 30 klanten met een segment")
    assert segment == by_row and segment in "ABC"
    assert isinstance(score, int) and revenue_class in ("Hoog", "Midden", "Laag")
    assert isinstance(similarity, int)
    assert rest[0] == "Klaar: de resultaten zijn gewist."
    assert rest[1] == "klik eerst op Analyseer klanten"
    assert rest[2].startswith("Het blad Klanten bevat al gegevens")
    assert rest[3].startswith("Klaar: de voorbeelddata")
    # every module the front used is in the package the workbook embeds
    embedded = {
        name[: -len(".py")].removesuffix("/__init__").replace("/", ".")
        for name in lite_code.package_files("{}")
        if name.endswith(".py")
    }
    assert set(out["modules"]) <= embedded
    assert "klantanalyse.lite.scripts" in out["modules"]
