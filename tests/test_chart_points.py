"""The grid chart on purpose: which customers it shows when they do not all fit, and limit
lines a log axis can draw.

The macro workbook's chart has room for 5,000 points. With more customers it shows every A
customer, then every B customer, then an even spread of the C customers, and says so on
the Matrix sheet and in the run's warnings. A revenue-class limit of 0 (method Bedrag) is
not drawn: a log axis has no 0.
"""

from __future__ import annotations

import csv
import random
from pathlib import Path

import openpyxl
import pytest

from klantanalyse.cli import main

CAPACITY = 5000


def customers_csv(path: Path, n: int, seed: int = 3) -> Path:
    rng = random.Random(seed)
    with path.open("w", encoding="utf-8", newline="") as handle:
        out = csv.writer(handle, delimiter=";")
        out.writerow(["Klant", "Omzet", "Marge", "Snelheid", "Innovatie", "Netwerk"])
        for i in range(n):
            answers = ["Ja" if rng.random() < 0.35 else "Nee" for _ in range(4)]
            out.writerow([f"Klant {i:05d}", round(rng.paretovariate(1.3) * 1000, 2), *answers])
    return path


def matrix_series(path: Path) -> tuple[dict[str, set[str]], list[list[object]]]:
    """{segment: names in its chart series}, and the Matrix summary cells (B27:E37)."""
    ws = openpyxl.load_workbook(path)["Matrix"]
    header = [c.value for c in ws[1]]
    name_col = header.index("Klant") + 1
    columns = {h.split()[-1]: i + 1 for i, h in enumerate(header) if str(h).startswith("Segment")}
    shown: dict[str, set[str]] = {s: set() for s in "ABC"}
    for r in range(2, ws.max_row + 1):
        name = ws.cell(r, name_col).value
        for segment, col in columns.items():
            if name is not None and ws.cell(r, col).value is not None:
                shown[segment].add(name)
    summary = [[ws.cell(r, c).value for c in range(2, 6)] for r in range(27, 38)]
    return shown, summary


def segments(path: Path) -> dict[str, set[str]]:
    ws = openpyxl.load_workbook(path, read_only=True)["Klanten"]
    rows = ws.iter_rows(values_only=True)
    header = list(next(rows))
    at = header.index("Segment")
    out: dict[str, set[str]] = {s: set() for s in "ABC"}
    for row in rows:
        if row[at] in out:
            out[row[at]].add(row[0])
    return out


@pytest.mark.slow
def test_a_full_chart_shows_every_a_and_b_customer_and_a_spread_of_c(tmp_path, capsys):
    src = customers_csv(tmp_path / "veel.csv", 7000)
    out = tmp_path / "veel.xlsm"
    assert main(["workbook", "--data", str(src), "-o", str(out)]) == 0
    capsys.readouterr()
    expected = segments(out)
    shown, summary = matrix_series(out)
    assert len(expected["A"]) + len(expected["B"]) < CAPACITY < sum(map(len, expected.values()))
    assert shown["A"] == expected["A"]  # the best customers are all there
    assert shown["B"] == expected["B"]
    assert sum(map(len, shown.values())) == CAPACITY
    assert shown["C"] < expected["C"] and len(shown["C"]) == CAPACITY - len(expected["A"]) - len(
        expected["B"]
    )
    note = summary[-1][0]
    assert note == (
        "Grafiek: 5000 van 7000 klanten, alle A- en B-klanten en een gelijkmatige spreiding "
        "van de C-klanten."
    )


def test_all_points_fit_no_note(tmp_path, capsys):
    src = customers_csv(tmp_path / "weinig.csv", 300)
    out = tmp_path / "weinig.xlsx"
    assert main(["analyse", str(src), "-o", str(out)]) == 0
    _, err = capsys.readouterr()
    shown, summary = matrix_series(out)
    assert sum(map(len, shown.values())) == 300
    assert summary[-1][0] is None
    assert "grafiek" not in err


def test_a_zero_limit_draws_no_line_on_the_log_axis(tmp_path, capsys):
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = "Klanten"
    ws.append(["Klant", "Omzet", "Marge"])
    for i, amount in enumerate([500, 20_000, 80_000]):
        ws.append([f"K{i}", amount, "Ja"])
    settings = book.create_sheet("Instellingen")
    for row in (
        ("Omzetklasse-methode", "Bedrag"),
        ("Bedraggrens Hoog (€)", 50_000),
        ("Bedraggrens Midden (€)", 0),
    ):
        settings.append(row)
    src = tmp_path / "nul.xlsx"
    book.save(src)
    out = tmp_path / "nul-uit.xlsx"
    assert main(["analyse", str(src), "-o", str(out)]) == 0
    capsys.readouterr()
    ws = openpyxl.load_workbook(out)["Matrix"]
    label = next(c for c in ws["2"] if c.value == "Grens Hoog")  # the limit lines' block
    x = label.column + 1
    limits = [[ws.cell(r, c).value for c in (x - 1, x, x + 1)] for r in range(2, 6)]
    assert limits[0][2] == 50_000 and limits[1][2] == 50_000  # Grens Hoog is drawn
    assert limits[2] == ["Grens Midden", None, None] and limits[3] == [None, None, None]
    every_y = [v for row in limits for v in row[2:] if v is not None]
    assert all(v > 0 for v in every_y)  # nothing a log axis cannot show


@pytest.mark.parametrize(
    "names",
    [
        ["b", "a", "Á", "a", "é", "e", "Z", "😀", " a", "a "],  # short texts
        ["x" * 300, "x" * 299 + "a", "b", "a"],  # a long one among them
        ["a\0", "a", "a\0b", ""],  # NUL characters
    ],
)
def test_ties_are_ordered_by_name_as_python_orders_texts(names):
    """Equal score and value: the points go by name, as `sorted` orders the texts (equal
    names keep their order)."""
    import numpy as np

    from klantanalyse.plan.matrix import _best_first

    count = len(names) * 3
    rng = random.Random(7)
    pool = [rng.choice(names) for _ in range(count)]
    value = np.array([rng.choice([10.0, 20.0]) for _ in range(count)])
    score = np.array([rng.choice([3, 4]) for _ in range(count)])
    expected = sorted(range(count), key=lambda i: (score[i], -value[i], pool[i], i))
    got = _best_first(value, np.array(pool, dtype=object), score)
    assert got.tolist() == expected
