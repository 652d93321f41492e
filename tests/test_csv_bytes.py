"""The bytes of a CSV file before its cells: a .csv.gz unpacked as `gzip` unpacks it (the
oracle: the standard library's own reader), the encoding found by every byte of the file
(not only by its start), the guard's cell limit on what the parser can give."""

from __future__ import annotations

import csv
import gzip
import io
import re
import zlib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from klantanalyse.errors import FileError
from klantanalyse.files import csvrows, guard, read

HEAD = "Klant;Datum;Bedrag\n"


def lines(n: int, start: int = 0) -> str:
    return "".join(f"K{i};2024-01-{1 + i % 28:02d};{i},5\n" for i in range(start, start + n))


@pytest.fixture(params=["isal", "zlib"])
def inflate(request, monkeypatch):
    """Each unpacker `guard.gunzipped` can use: ISA-L's (when installed) and zlib's."""
    if request.param == "isal":
        module = pytest.importorskip("isal.isal_zlib")
    else:
        module = zlib
    monkeypatch.setattr(guard, "_INFLATE", module)
    return module


def test_isal_unpacks_when_it_is_installed():
    pytest.importorskip("isal")
    assert guard._INFLATE.__name__.startswith("isal")


def gzip_oracle(data: bytes) -> bytes:
    with gzip.GzipFile(fileobj=io.BytesIO(data)) as stream:
        return stream.read()


@pytest.mark.parametrize(
    "members",
    [
        pytest.param(lambda a, b: a, id="one member"),
        pytest.param(lambda a, b: a + b, id="two members"),
        pytest.param(lambda a, b: a + b"\0" * 7 + b + b"\0", id="zero padding"),
        pytest.param(lambda a, b: b"", id="empty"),
    ],
)
def test_a_gzip_file_unpacks_as_the_gzip_module_unpacks_it(tmp_path, members, inflate):
    first = gzip.compress((HEAD + lines(500)).encode())
    second = gzip.compress(lines(300, 500).encode(), mtime=0)
    data = members(first, second)
    assert guard.gunzipped(data, 1 << 20) == gzip_oracle(data)
    if data:
        src = tmp_path / "orders.csv.gz"
        src.write_bytes(data)
        frame = read.read_orders(src).frame
        assert len(frame) == len(gzip_oracle(data).decode().splitlines()) - 1
        assert frame["Klant"].iloc[-1] == ("K799" if len(data) > len(first) + 8 else "K499")


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(lambda d: d[:-5], id="truncated"),
        pytest.param(lambda d: d[: len(d) // 2], id="half"),
        pytest.param(lambda d: d[:-8] + b"\0\0\0\0" + d[-4:], id="wrong checksum"),
        pytest.param(lambda d: d + b"PK", id="trailing bytes"),
        pytest.param(lambda d: b"\0\0" + d, id="zeros before"),
        pytest.param(lambda d: d[:6], id="header only"),
    ],
)
def test_a_damaged_gzip_file_is_refused_naming_it(tmp_path, damage, inflate):
    data = damage(gzip.compress((HEAD + lines(50)).encode()))
    with pytest.raises((OSError, EOFError)):
        gzip_oracle(data)  # the standard library refuses it too
    src = tmp_path / "kapot.csv.gz"
    src.write_bytes(data)
    with pytest.raises(FileError) as refused:
        read.read_orders(src)
    assert str(refused.value) == (
        "kapot.csv.gz is geen leesbaar gzip-bestand; pak het uit of exporteer het opnieuw als .csv."
    )


def test_unpacking_stops_just_past_the_limit(inflate):
    data = gzip.compress(b"x" * 100_000) + gzip.compress(b"y" * 100_000)
    assert guard.gunzipped(data, 1_000) == b"x" * 1_001
    assert guard.gunzipped(data, 150_000) == b"x" * 100_000 + b"y" * 50_001
    assert len(guard.gunzipped(data, 200_000)) == 200_000


@pytest.mark.parametrize("at", [0, 40_000, 10_000_000], ids=["first", "middle", "last"])
def test_a_byte_that_is_not_utf8_anywhere_makes_the_file_windows_1252(tmp_path, at):
    """Café written by a Windows program (é = 0xE9) on one line: the whole file is read as
    Windows-1252, wherever that line is (before, inside or after the start the delimiter
    is judged by)."""
    body = lines(4_000)
    cut = body.index("\n", min(at, len(body) - 2)) + 1 if at else 0
    text = HEAD + body[:cut] + "Café Noir;2024-02-03;12,5\n" + body[cut:] + "Crème;2024-02-04;1\n"
    src = tmp_path / "win.csv"
    src.write_bytes(text.encode("cp1252"))
    frame = read.read_orders(src).frame
    names = [line.split(";")[0] for line in text.splitlines()[1:]]
    assert frame["Klant"].tolist() == names
    assert "Café Noir" in names and names[-1] == "Crème"


def test_utf8_text_with_accents_is_read_as_utf8(tmp_path):
    text = HEAD + lines(3_000) + "Café Noir;2024-02-03;12,5\n"
    src = tmp_path / "utf8.csv"
    src.write_bytes(text.encode("utf-8"))
    assert read.read_orders(src).frame["Klant"].iloc[-1] == "Café Noir"


def test_the_cell_limit_counts_the_rows_the_parser_can_give(tmp_path, monkeypatch):
    """Within the limit by rows x width, a file is read even when quoted delimiters below
    its first lines would count beyond it; beyond it by rows x width, the delimiters are
    counted."""
    monkeypatch.setattr(guard, "MAX_SHEET_CELLS", 12_500)
    plain = "A;b;1\n" * 4_000  # the first lines (beyond the sniffed start): 3 cells wide
    quoted = "".join(f'K{i};"a;b;c;d;e;f";{i}\n' for i in range(100))  # 3 cells, 8 delimiters
    src = tmp_path / "q.csv"
    src.write_text("Klant;Naam;Bedrag\n" + plain + quoted, encoding="utf-8")
    rows = csvrows.csv_rows(read.snapshot(src), "nl")  # by delimiters: about 12,904 cells
    assert len(rows) == 4_101 and rows[-1] == ["K99", "a;b;c;d;e;f", "99"]
    src.write_text("Klant;Naam;Bedrag\n" + "A;b;1\n" * 4_500, encoding="utf-8")
    with pytest.raises(FileError, match="ongeveer 13.504 cellen, de grens is 12.500"):
        csvrows.csv_rows(read.snapshot(src), "nl")


def test_a_row_wider_than_the_first_lines_is_counted_before_it_is_read(tmp_path, monkeypatch):
    """A file the parser leaves to `csv.reader` (a wide row far down) is counted by its
    delimiters before `csv.reader` reads it."""
    monkeypatch.setattr(guard, "MAX_SHEET_CELLS", 5_000)
    text = "Klant;Bedrag\n" + "A;1\n" * 1_000 + "B;" * 3_000 + "2\n"
    src = tmp_path / "w.csv"
    src.write_text(text, encoding="utf-8")
    with pytest.raises(FileError, match="ongeveer 5004 cellen, de grens is 5000"):
        csvrows.csv_rows(read.snapshot(src), "nl")


PIECES = st.sampled_from(
    [
        b"a",
        b"1",
        b";",
        b",",
        b"\n",
        b"\r\n",
        b'"',
        b" ",
        b"\xe9",
        b"\xc3\xa9",
        b"\xe2\x82\xac",
        b"\x80",
    ]
)


def oracle_text(data: bytes) -> str:
    """The text as the reader's rule says: UTF-8 (a byte-order mark dropped) when every
    byte is, else Windows-1252."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


@settings(max_examples=300, deadline=None)
@given(
    head=st.sampled_from([b"Klant;Bedrag\n", b"\xef\xbb\xbfKlant;Bedrag\n", b"Klant,Bedrag\r\n"]),
    body=st.lists(PIECES, max_size=60).map(b"".join),
    filler=st.integers(min_value=0, max_value=3),
)
def test_any_bytes_are_read_in_the_encoding_every_byte_allows(tmp_path_factory, head, body, filler):
    """Wherever a byte that is not UTF-8 sits (before or after a long stretch of plain
    lines), the cells are the ones `csv.reader` reads from the file decoded by the rule."""
    data = head + b"K;1\n" * (filler * 7_000) + body
    path = tmp_path_factory.mktemp("bytes") / "t.csv"
    path.write_bytes(data)
    text = oracle_text(data)
    first = text.splitlines()[0]
    delimiter = max((";", ",", "\t"), key=first.count)
    try:
        expected = [
            trimmed(r) for r in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
        ]
    except csv.Error:
        expected = None
    try:
        rows = [trimmed(r) for r in csvrows.csv_rows(read.snapshot(path), "nl")]
    except FileError:
        rows = None
    if rows is None:  # refused: only for a quote left open at the end of the file
        assert expected is None or ends_in_open_quote(text, delimiter)
        return
    assert rows == expected


def ends_in_open_quote(text: str, delimiter: str) -> bool:
    try:
        for _ in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True):
            pass
    except csv.Error as exc:
        return "unexpected end of data" in str(exc)
    return False


def trimmed(row: list[object]) -> list[object]:
    row = list(row)
    while row and row[-1] == "":
        row.pop()
    return row


def _unpacked_or_refused(data: bytes):
    """The gzip module's bytes of `data`, or "refused" when it refuses it."""
    try:
        return gzip_oracle(data)
    except (OSError, EOFError, zlib.error):
        return "refused"


@settings(max_examples=150, deadline=None)
@given(
    payloads=st.lists(st.binary(max_size=3_000), min_size=1, max_size=3),
    cut=st.one_of(st.none(), st.integers(min_value=0, max_value=6_000)),
    flip=st.one_of(st.none(), st.integers(min_value=0, max_value=6_000)),
    padding=st.integers(min_value=0, max_value=3),
)
def test_damaged_or_whole_members_unpack_as_the_gzip_module_says(payloads, cut, flip, padding):
    """Members one after the other, zero padding, a cut or a flipped byte anywhere: each
    unpacker gives the gzip module's bytes, or refuses what it refuses."""
    isal_zlib = pytest.importorskip("isal.isal_zlib")
    data = bytearray(b"".join(gzip.compress(p, mtime=0) + b"\0" * padding for p in payloads))
    if flip is not None and data:
        data[flip % len(data)] ^= 0x5A
    if cut is not None:
        data = data[: cut % (len(data) + 1)]
    expected = _unpacked_or_refused(bytes(data))
    for module in (isal_zlib, zlib):
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(guard, "_INFLATE", module)
            try:
                got = guard.gunzipped(bytes(data), 1 << 20)
            except (zlib.error, module.error, EOFError):
                got = "refused"
        assert got == expected, module.__name__


@settings(max_examples=300, deadline=None)
@given(
    data=st.lists(st.sampled_from([b"a", b";", b"\r", b"\n", b"\r\n", b"\xc3\xa9"]), max_size=60),
    piece=st.integers(min_value=1, max_value=9),
)
def test_line_ends_are_counted_as_csv_reader_ends_lines(data, piece):
    """LF, CR LF and a lone CR each end one line, wherever the pieces the bytes are counted
    in begin and end (a CR at the end of one piece and its LF at the start of the next)."""
    text = b"".join(data)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(csvrows, "_COUNT_PIECE", piece)
        counted = csvrows._line_ends(text)
    assert counted == len(re.findall(rb"\r\n|\r|\n", text))


_UTF8_FRAGMENTS = [b"a", b";", b"\n", "é".encode(), "€".encode(), "𝄞".encode()]
_NOT_UTF8 = [b"\xe9", b"\x80", b"\xc3", b"\xed\xa0\x80", b"\xf4\x90\x80\x80"]


@settings(max_examples=400, deadline=None)
@given(
    pieces=st.lists(st.sampled_from(_UTF8_FRAGMENTS + _NOT_UTF8), max_size=40),
    piece=st.integers(min_value=1, max_value=7),
    decoded=st.integers(min_value=1, max_value=5),
)
def test_bytes_are_found_utf8_exactly_when_they_decode_as_utf8(pieces, piece, decoded):
    """Characters of one to four bytes and bytes that are not UTF-8 anywhere, across the
    edges of the pieces looked at and decoded: refused exactly when `bytes.decode` refuses."""
    data = b"".join(pieces)
    try:
        data.decode("utf-8")
        expected = "utf-8"
    except UnicodeDecodeError:
        expected = "refused"
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(csvrows, "_ASCII_PIECE", piece)
        patch.setattr(csvrows, "_UTF8_PIECE", decoded)
        try:
            csvrows._check_utf8(data)
            found = "utf-8"
        except UnicodeDecodeError:
            found = "refused"
    assert found == expected
