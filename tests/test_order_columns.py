"""An order file of its own (`--orders`) is read for the columns the analysis reads: the
table holds those, and the analysis of a file with other columns beside them is the
analysis of the same file without them (the oracle: the file rewritten by Python's csv
module with only the known columns, which every reader reads whole). Its cells are read as
every column is read: the whole file decides the encoding, a wide row or a quote left open
is met as before, two columns of one field are named by their letters in the file."""

from __future__ import annotations

import csv
import gzip
import io
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import SHARED
from klantanalyse.core.history import order_history
from klantanalyse.core.tables import FrameRows
from klantanalyse.errors import FileError, OrderError
from klantanalyse.files import csvrows, read

KNOWN = ["Klant", "Datum", "Aantal", "Prijs", "Ordernummer"]
OTHER = ["Omschrijving", "Land", "Artikelcode", "Opmerking"]
RETAIL = SHARED / "data" / "online_retail.csv.gz"


def csv_text(rows: list[list[str]], delimiter: str = ",") -> str:
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter, lineterminator="\n").writerows(rows)
    return out.getvalue()


def known_only(text: str, delimiter: str = ",") -> str:
    """The CSV text with only the columns whose header (first row) is a known order column."""
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    keep = [i for i, name in enumerate(rows[0]) if name in KNOWN]
    return csv_text([[row[i] if i < len(row) else "" for i in keep] for row in rows], delimiter)


def same_analysis(left: pd.DataFrame, right: pd.DataFrame) -> None:
    a, b = order_history(left), order_history(right)
    pd.testing.assert_frame_equal(a.per_customer, b.per_customer)
    pd.testing.assert_frame_equal(a.retention, b.retention)
    assert (a.reference, a.skipped, a.warnings) == (b.reference, b.skipped, b.warnings)


def write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


CELL = st.sampled_from(["", " ", "x", "a,b", 'q"uo"te', "twee\nregels", "é"])
DATE = st.sampled_from(["2024-01-02", "03-02-2024", "", "gisteren"])
NUMBER = st.sampled_from(["1", "2,5", "-3", "", "veel", "1.234,50"])
CUSTOMER = st.sampled_from(["K1", "k1", "K2", "Café", "", " "])


@st.composite
def order_files(draw) -> str:
    """An order CSV: the known columns in some order, other columns among them, rows with
    blanks, quoted delimiters and line ends, and now and then a row wider than the header."""
    others = draw(st.lists(st.sampled_from(OTHER), min_size=1, max_size=3, unique=True))
    header = draw(st.permutations(KNOWN + others))
    kinds = {"Klant": CUSTOMER, "Datum": DATE, "Aantal": NUMBER, "Prijs": NUMBER}
    rows = [list(header)]
    for _ in range(draw(st.integers(1, 25))):
        row = [draw(kinds.get(name, CELL)) for name in header]
        if draw(st.integers(0, 9)) == 0:
            row = [""] * len(header) if draw(st.booleans()) else row + ["te", "breed"]
        rows.append(row)
    rows.append(["K9", "2024-03-01", "1", "2", "7"] + [""] * (len(header) - 5))
    rows[-1] = [dict(zip(KNOWN, rows[-1]))[name] if name in KNOWN else "" for name in header]
    return csv_text(rows)


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=order_files(), gz=st.booleans(), slow=st.booleans())
def test_other_columns_change_nothing_in_the_analysis(tmp_path, monkeypatch, text, gz, slow):
    if slow:  # csv.reader's rows, as a file pandas' parser leaves to it gives them
        monkeypatch.setattr(csvrows, "_parsed", lambda *args: None)
    suffix = ".csv.gz" if gz else ".csv"
    full, bare = tmp_path / f"full{suffix}", tmp_path / f"bare{suffix}"
    for path, body in ((full, text), (bare, known_only(text))):
        data = body.encode("utf-8")
        path.write_bytes(gzip.compress(data) if gz else data)
    try:
        expected = read.read_orders(bare)
    except FileError as exc:
        with pytest.raises(FileError) as refused:
            read.read_orders(full)
        assert str(refused.value) == str(exc).replace("bare", "full")
        return
    table = read.read_orders(full)
    assert list(expected.frame.columns) == [
        name for name in text.split("\n")[0].split(",") if name in KNOWN
    ]
    pd.testing.assert_frame_equal(table.frame, expected.frame)
    assert table.header_row == expected.header_row
    try:
        order_history(expected.frame)
    except OrderError as exc:
        with pytest.raises(OrderError, match=str(exc)[:40]):
            order_history(table.frame)
        return
    same_analysis(table.frame, expected.frame)


def test_the_table_holds_the_known_columns_as_the_csv_module_reads_them(tmp_path):
    rows = [["Klant", "Omschrijving", "Datum", "Land", "Bedrag"]]
    rows += [[f"K{i % 7}", f"ding {i}, groot", "2024-01-02", "NL", f"{i},5"] for i in range(3000)]
    path = write(tmp_path / "orders.csv", csv_text(rows))
    frame = read.read_orders(path).frame
    assert list(frame.columns) == ["Klant", "Datum", "Bedrag"]
    assert frame["Klant"].tolist() == [row[0] for row in rows[1:]]
    assert frame["Bedrag"].tolist() == [i + 0.5 for i in range(3000)]
    assert frame.index.tolist() == list(range(2, 3002))  # the file's row numbers


def test_a_byte_that_is_not_utf8_in_a_column_not_read_decodes_the_whole_file(tmp_path):
    """Windows-1252 for the whole file, as when every column is read (the parser itself
    decodes only the columns it reads; the start of a file, where the delimiter is sought,
    is decoded whole anyway)."""
    head = "Klant;Omschrijving;Datum;Bedrag\n"
    body = "".join(f"Café {i % 5};stoel;2024-01-02;{i}\n" for i in range(5000))  # > 80 kB
    data = (head + body).encode("utf-8") + "Jan;crème;2024-01-03;4\n".encode("cp1252")
    path = tmp_path / "gemengd.csv"
    path.write_bytes(data)
    names = [line.split(";")[0] for line in data.decode("cp1252").splitlines()[1:]]
    assert read.read_orders(path).frame["Klant"].tolist() == names
    assert names[0] == "CafÃ© 0"


def test_rows_wider_than_the_header_and_open_quotes_are_met_as_before(tmp_path):
    lines = ["Klant,Omschrijving,Datum,Bedrag"] + [f"K{i},x,2024-01-02,{i}" for i in range(3000)]
    wide = write(tmp_path / "breed.csv", "\n".join(lines + ["K9,x,2024-01-03,9,extra,cel"]) + "\n")
    frame = read.read_orders(wide).frame
    assert frame["Klant"].iloc[-1] == "K9" and frame["Bedrag"].iloc[-1] == 9.0
    assert len(frame) == 3001
    open_quote = write(tmp_path / "quote.csv", "\n".join(lines + ['K9,"x,2024-01-03,9']) + "\n")
    with pytest.raises(FileError, match="regel 3002:"):
        read.read_orders(open_quote)


def test_two_columns_of_one_field_are_named_by_their_letters_in_the_file(tmp_path):
    rows = [["Klant", "Omschrijving", "Datum", "Land", "Datum", "Bedrag"]]
    rows += [["K1", "x", "2024-01-02", "NL", "2024-01-03", "5"]] * 3000
    table = read.read_orders(write(tmp_path / "dubbel.csv", csv_text(rows)))
    with pytest.raises(OrderError, match="C, E"):
        order_history(table.frame)


def test_a_column_without_a_header_is_still_read_and_named(tmp_path):
    rows = [["Klant", "Omschrijving", "", "Datum", "Bedrag"]]
    rows += [["K1", "x", "iets", "2024-01-02", "5"]] * 3000
    path = write(tmp_path / "leeg.csv", csv_text(rows))
    _, warnings = read.orders_from_rows(
        csvrows.csv_rows(read.snapshot(path), "nl", lambda rows: [0, 2, 3, 4]),
        None,
        path,
        "nl",
        [0, 2, 3, 4],
    )
    assert any("kolom C" in w for w in warnings)
    assert "Kolom C" in read.read_orders(path).frame.columns


def test_the_parser_reads_only_the_known_columns_below_the_first_rows(tmp_path):
    rows = [["Export van 2024"], [], ["Klant", "Omschrijving", "Datum", "Bedrag"]]
    rows += [[f"K{i}", "x", "2024-01-02", str(i)] for i in range(3000)]
    path = write(tmp_path / "titel.csv", csv_text(rows))
    parsed = csvrows.csv_rows(read.snapshot(path), "nl", lambda rows: [0, 2, 3])
    assert isinstance(parsed, FrameRows) and parsed.columns[1] is None
    assert parsed[2] == ["Klant", "Omschrijving", "Datum", "Bedrag"]
    with pytest.raises(LookupError):
        parsed[100]
    table = read.read_orders(path)
    assert list(table.frame.columns) == ["Klant", "Datum", "Bedrag"]
    assert table.frame.index[0] == 4 and len(table.frame) == 3000


def test_an_order_workbook_gives_the_table_its_csv_gives(tmp_path):
    rows = [["Klant", "Omschrijving", "Datum", "Bedrag"]]
    rows += [[f"K{i % 9}", f"ding {i}", "2024-01-02", f"{i}"] for i in range(500)]
    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    book.save(tmp_path / "orders.xlsx")
    path = write(tmp_path / "orders.csv", csv_text(rows))
    from_book = read.read_orders(tmp_path / "orders.xlsx").frame
    assert list(from_book.columns) == ["Klant", "Datum", "Bedrag"]
    assert list(read.read_orders(path).frame.columns) == list(from_book.columns)


@pytest.mark.skipif(not RETAIL.exists(), reason="the shared Online Retail file is not here")
def test_a_real_export_is_analysed_as_without_its_other_columns(tmp_path):
    text = gzip.decompress(RETAIL.read_bytes()).decode("utf-8")
    KNOWN.extend(["InvoiceNo", "Quantity", "InvoiceDate", "UnitPrice", "CustomerID"])
    try:
        bare = write(tmp_path / "bare.csv", known_only(text))
    finally:
        del KNOWN[-5:]
    full = read.read_orders(RETAIL)
    assert list(full.frame.columns) == [
        "InvoiceNo",
        "Quantity",
        "InvoiceDate",
        "UnitPrice",
        "CustomerID",
    ]
    expected = read.read_orders(bare)
    pd.testing.assert_frame_equal(full.frame, expected.frame)
    same_analysis(full.frame, expected.frame)


def _lines(count: int, extra: str = "stoel", end: str = "\n") -> str:
    return "".join(f"K{i % 7};{extra};2024-01-0{1 + i % 9};{i},5{end}" for i in range(count))


HEAD = "Klant;Omschrijving;Datum;Bedrag\n"
LONG = "x" * (csvrows.CSV_FIELD_LIMIT + 10)


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("gewoon", (HEAD + _lines(9_000)).encode()),
        ("crlf", (HEAD.replace("\n", "\r\n") + _lines(9_000, end="\r\n")).encode()),
        ("bom", b"\xef\xbb\xbf" + (HEAD + _lines(9_000)).encode()),
        ("titel", ("Export\n\n" + HEAD + _lines(9_000)).encode()),
        ("breed", (HEAD + _lines(9_000) + "K1;x;2024-01-02;4;en;meer\n").encode()),
        (
            "cp1252",
            (HEAD + "Café;x;2024-01-02;1\n" + _lines(9_000)).encode()
            + "K1;crème;2024-01-02;4\n".encode("cp1252"),
        ),
        ("nul", (HEAD + _lines(9_000)).encode() + b"K1;\x00;2024-01-02;4\n"),
        ("lang veld", (HEAD + _lines(9_000) + f"K1;{LONG};2024-01-02;4\n").encode()),
        ("lange regels", (HEAD + _lines(3, extra=LONG[:70_000])).encode()),
        ("open", (HEAD + _lines(9_000) + 'K1;"x;2024-01-02;4\n').encode()),
        ("geen einde", (HEAD + _lines(9_000)).encode()[:-1]),
    ],
)
def test_the_known_columns_are_read_as_when_every_column_is_read(tmp_path, monkeypatch, name, data):
    """The table (or the sentence) of each kind of file, plain and packed: the known columns
    of the table read whole (the oracle: the reader of every column, tested against the csv
    module in test_csv_parse)."""
    for path in (tmp_path / "orders.csv", tmp_path / "orders.csv.gz"):
        path.write_bytes(gzip.compress(data) if path.suffix == ".gz" else data)
        with monkeypatch.context() as whole:
            whole.setattr(read.intake, "order_columns_read", lambda rows, lang: None)
            try:
                expected = read.read_orders(path).frame
            except FileError as exc:
                expected = exc
        if isinstance(expected, FileError):
            with pytest.raises(FileError) as refused:
                read.read_orders(path)
            assert str(refused.value) == str(expected)
            continue
        assert "Omschrijving" in expected.columns
        expected = expected.drop(columns="Omschrijving")
        pd.testing.assert_frame_equal(read.read_orders(path).frame, expected)


def test_a_csv_gz_beyond_the_cell_limit_is_counted_and_refused_as_its_csv(tmp_path, monkeypatch):
    data = (HEAD + _lines(9_000)).encode()
    (tmp_path / "orders.csv").write_bytes(data)
    (tmp_path / "orders.csv.gz").write_bytes(gzip.compress(data))
    for limit, refused in ((20_000, True), (9_001 * 4 + 10, False)):
        monkeypatch.setattr(csvrows.guard, "MAX_SHEET_CELLS", limit)
        outcomes = []
        for suffix in (".csv", ".csv.gz"):
            try:
                outcomes.append(len(read.read_orders(tmp_path / f"orders{suffix}").frame))
            except FileError as exc:
                outcomes.append(str(exc).replace(".csv.gz", ".csv"))
        assert outcomes[0] == outcomes[1]
        assert isinstance(outcomes[0], str) == refused
