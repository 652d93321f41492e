"""A CSV file is read by pandas' C parser, with `csv.reader` for what it may read otherwise:
the cells are the ones Python's csv module reads (the oracle here), whatever the quotes,
line ends, blank lines and ragged rows; a file the fast parser leaves to `csv.reader`
(a row wider than the first lines, a quote left open, a field beyond the limit) gives the
same table and the same message naming the row."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import ROOT, SHARED
from klantanalyse.core.tables import FrameRows, SheetTable
from klantanalyse.errors import FileError, InputError
from klantanalyse.files import csvrows, read

DEMO = ROOT / "templates" / "demo"


def shot_of(path: Path, text: str, encoding: str = "utf-8"):
    path.write_bytes(text.encode(encoding))
    return read.snapshot(path)


def oracle_rows(text: str, delimiter: str) -> list[list[str]]:
    """The rows as Python's csv module reads them, without trailing blank cells."""
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    return [trimmed(row) for row in rows]


def trimmed(row: list[object]) -> list[object]:
    row = list(row)
    while row and row[-1] == "":
        row.pop()
    return row


CELLS = st.text(alphabet='ab ,;"\n\r\t1é', max_size=40)
LINES = st.lists(CELLS, max_size=6).map("".join)


@settings(max_examples=400, deadline=None)
@given(head=st.sampled_from(["Klant,x\n", "Klant,", 'Klant,"a,\n', ""]), text=LINES)
def test_any_text_is_read_as_the_csv_module_reads_it(tmp_path_factory, head, text):
    path = tmp_path_factory.mktemp("csv") / "t.csv"
    text = head + text
    shot = shot_of(path, text)
    first = text.splitlines()[0] if text.strip() else ""  # the delimiter as the reader sniffs it
    delimiter = max((";", ",", "\t"), key=first.count)
    delimiter = delimiter if first.count(delimiter) else ","
    try:
        expected = oracle_rows(text, delimiter)
    except csv.Error:
        expected = None
    try:
        rows = [trimmed(row) for row in csvrows.csv_rows(shot, "nl")]
    except FileError:
        rows = None
    if expected is None or rows is None:  # an open quote: both refuse or both read it
        with pytest.raises(FileError):
            csvrows.csv_rows(shot, "nl")
        return
    assert rows == expected


def test_the_fast_parser_reads_ordinary_files(tmp_path):
    shot = shot_of(tmp_path / "o.csv", 'Klant;Omzet\r\nA;1,5\r\n\r\n"B;C";"2"""\r\n')
    rows = csvrows.csv_rows(shot, "nl")
    assert isinstance(rows, FrameRows)
    assert [trimmed(r) for r in rows] == [["Klant", "Omzet"], ["A", "1,5"], [], ["B;C", '2"']]


def test_a_row_wider_than_the_first_lines_is_read_whole(tmp_path):
    lines = ["Klant,Omzet"] + [f"K{i},{i}" for i in range(3000)] + ["Laat,9,extra,cellen"]
    shot = shot_of(tmp_path / "w.csv", "\n".join(lines) + "\n")
    rows = csvrows.csv_rows(shot, "nl")
    assert trimmed(rows[-1]) == ["Laat", "9", "extra", "cellen"]
    assert len(rows) == 3002


def test_a_first_row_longer_than_the_sniffed_sample_keeps_every_cell(tmp_path):
    header = ["Klant", "Omzet"] + [f"Kolom {i} " + "x" * 40 for i in range(900)]
    lines = [",".join(header), "A,1", "B,2,extra"]
    shot = shot_of(tmp_path / "k.csv", "\n".join(lines) + "\n")
    rows = csvrows.csv_rows(shot, "nl")
    assert isinstance(rows, FrameRows)
    assert [trimmed(r) for r in rows] == [header, ["A", "1"], ["B", "2", "extra"]]


def test_a_first_row_over_two_lines_keeps_every_cell(tmp_path):
    text = 'Klant,"Om\nzet",Regio,x\nA,1,Noord,y\n'
    rows = csvrows.csv_rows(shot_of(tmp_path / "q.csv", text), "nl")
    assert [trimmed(r) for r in rows] == oracle_rows(text, ",")
    text = 'Klant,"Om,\nzet",Regio,x,y\nA,1,Noord,y\n'
    rows = csvrows.csv_rows(shot_of(tmp_path / "q.csv", text), "nl")
    assert [trimmed(r) for r in rows] == oracle_rows(text, ",")


def test_a_field_beyond_the_limit_is_named_by_its_row(tmp_path):
    long = "x" * (csvrows.CSV_FIELD_LIMIT + 1)
    shot = shot_of(tmp_path / "l.csv", f'Klant,Omzet\nA,1\n"{long}\nmore",2\n')
    with pytest.raises(FileError, match="3"):
        csvrows.csv_rows(shot, "nl")
    text = "Klant,Omzet\nA,1\n" + "x" * csvrows.CSV_FIELD_LIMIT + ",2\n"
    shot = shot_of(tmp_path / "l.csv", text)
    assert trimmed(csvrows.csv_rows(shot, "nl")[2]) == ["x" * csvrows.CSV_FIELD_LIMIT, "2"]


def test_a_second_byte_order_mark_stays_in_the_first_cell(tmp_path):
    shot = shot_of(tmp_path / "b.csv", "\ufeff\ufeffKlant,Omzet\nA,1\n", "utf-8")
    assert csvrows.csv_rows(shot, "nl")[0][0] == "\ufeffKlant"


def tables_of(book) -> list:
    if isinstance(book, read.InputBook):
        return [book.customers, book.orders, book.warnings]
    return [book]


@pytest.mark.parametrize(
    ("reader", "source"),
    [
        (read.read_input, DEMO / "klanten.csv"),
        (read.read_input, DEMO / "orders.csv"),
        (read.read_orders, DEMO / "orders.csv"),
        (read.read_prospects, DEMO / "prospects.csv"),
        (read.read_input, DEMO / "prospects.csv"),  # refused: no Klant column
    ],
    ids=lambda x: getattr(x, "name", getattr(x, "__name__", "")),
)
def test_both_parsers_give_the_same_tables(reader, source, monkeypatch):
    def outcome():
        try:
            return tables_of(reader(source))
        except (FileError, InputError) as exc:
            return str(exc)

    fast = outcome()
    monkeypatch.setattr(csvrows, "_parsed_csv", lambda *args: None)
    slow = outcome()
    if isinstance(fast, str) or isinstance(slow, str):
        assert fast == slow
        return
    for a, b in zip(fast, slow, strict=True):
        if not isinstance(a, SheetTable):
            assert a == b
            continue
        assert a.frame.equals(b.frame) and list(a.frame.dtypes) == list(b.frame.dtypes)
        assert list(a.frame.index) == list(b.frame.index)
        assert a.header_row == b.header_row


RETAIL = SHARED / "data" / "online_retail.csv.gz"


@pytest.mark.skipif(not RETAIL.exists(), reason="the shared Online Retail file is not here")
def test_both_parsers_give_the_same_order_table_of_a_real_export(monkeypatch):
    fast = read.read_orders(RETAIL)
    monkeypatch.setattr(csvrows, "_parsed_csv", lambda *args: None)
    slow = read.read_orders(RETAIL)
    assert fast.frame.equals(slow.frame)
    assert list(fast.frame.dtypes) == list(slow.frame.dtypes)
    assert (fast.frame.index == slow.frame.index).all()


def test_a_field_beyond_the_limit_over_many_short_lines_is_named_by_its_row(tmp_path):
    lines = "\r\n".join(["y" * 100] * (csvrows.CSV_FIELD_LIMIT // 100 + 1))
    shot = shot_of(tmp_path / "m.csv", f'Klant,Omzet\r\nA,1\r\nB,"{lines}"\r\nC,3\r\n')
    with pytest.raises(FileError, match="3"):
        csvrows.csv_rows(shot, "nl")


def column_of(tmp_path: Path, cells: list[str]) -> list[object]:
    """The typed cells of an order file's column 'Extra' holding `cells` (read as the only
    input: its order lines are copied whole)."""
    lines = ["Klant,Datum,Bedrag,Extra"]
    lines += [f"K{i},2024-01-02,{i},{cell}" for i, cell in enumerate(cells)]
    path = tmp_path / "extra.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return read.read_input(path).orders.frame["Extra"].tolist()


def test_a_column_is_typed_by_every_cell_not_by_its_first_ones(tmp_path):
    numbers = [str(i) for i in range(1, 300)]
    assert column_of(tmp_path, numbers) == [float(i) for i in range(1, 300)]
    assert column_of(tmp_path, [*numbers, "12a"]) == [*numbers, "12a"]
    assert column_of(tmp_path, [*numbers, "0612"]) == [*numbers, "0612"]
    dates = ["2024-03-04"] * 299
    assert all(isinstance(v, pd.Timestamp) for v in column_of(tmp_path, dates))
    assert column_of(tmp_path, [*dates, "morgen"]) == [*dates, "morgen"]
    late = [""] * 200 + ["7"]
    assert column_of(tmp_path, late)[-1] == 7.0
    assert column_of(tmp_path, ["noord", *numbers]) == ["noord", *numbers]
