"""The array look at a sheet's cells (`files/cellscan.py`) against the regular expressions
of the guard: where the array look answers, it answers what they answer; where a cell could
be misread, it does not answer at all."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from klantanalyse.core.a1 import column_letter
from klantanalyse.files import guard
from klantanalyse.files.cellscan import plain_cells


def by_patterns(piece: bytes):
    return guard.matched_cells(piece, guard._PLAIN)


def facts(cells) -> tuple:
    return cells.rows, cells.columns, cells.row_zero, [int(i) for i in cells.shared]


def test_a_sheet_as_excel_writes_it():
    piece = (
        b'<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" s="2"><v>3.5</v></c>'
        b'<c r="AB1" s="1"/></row><row r="7"><c r="C7" s="3" t="s"><v>12</v></c>'
        b'<c r="D7" t="inlineStr"><is><t>x</t></is></c></row></sheetData>'
    )
    cells = plain_cells(piece)
    assert cells is not None
    # AB1 holds only a format: not part of the used area
    assert facts(cells) == (7, 4, False, [0, 12])
    assert facts(cells) == facts(by_patterns(piece))


def test_columns_and_rows_at_the_edge_of_the_sheet():
    piece = b'<row r="1048576"><c r="XFD1048576"><v>1</v></c><c r="xfc5"><v>1</v></c></row>'
    cells = plain_cells(piece)
    assert (cells.rows, cells.columns) == (1_048_576, 16_384)


@pytest.mark.parametrize(
    "cell",
    [
        b'<c r="XFD1048576" x="/>"><v>1</v></c>',  # a /> inside a value: not empty
        b'<c r="A1" x="a>b"><v>1</v></c>',  # a > inside a value
        b"<c r=\"A1\" x='/>'><v>1</v></c>",  # single quotes
        b'<c r="A1" r="XFD1048576"><v>1</v></c>',  # a second reference
        b'<c r="A1"\nr="XFD1048576"><v>1</v></c>',
        b'<c s="1" r="A1"><v>1</v></c>',  # the reference not first
        b'<c r ="A1"><v>1</v></c>',
        b"<c r='A1'><v>1</v></c>",
        b"<c><v>1</v></c>",  # no reference
        b'<c\tr="A1"><v>1</v></c>',
        b'<c r="AAAA1"><v>1</v></c>',  # four letters
        b'<c r="A12345678"><v>1</v></c>',  # eight digits
        b'<c r="1"><v>1</v></c>',
        b'<c r="A"><v>1</v></c>',
        b'<c r="A1" t="s"> <v>1</v></c>',  # a shared index not right after the tag
        b'<c r="A1" t="s"><v>x</v></c>',
    ],
)
def test_anything_it_could_misread_is_left_to_the_patterns(cell):
    assert plain_cells(b'<row r="1">' + cell + b"</row>") is None


def test_row_zero_is_reported():
    assert plain_cells(b'<row r="1"><c r="A0"><v>1</v></c></row>').row_zero
    assert plain_cells(b'<row r="1"><c r="A01"><v>1</v></c></row>').row_zero


def test_a_piece_without_cells():
    cells = plain_cells(b'<cols><col min="1" max="2" width="9"/></cols><sheetData/>')
    assert facts(cells) == (0, 0, False, [])


_PLAIN_VALUE = st.sampled_from(["1", "12", "x", "s", "", "0", "n", "str"])
_ODD_VALUE = st.sampled_from(["/>", "a>b", "'", ' r="Z9"', "<", "s"])
_PLAIN_NAME = st.sampled_from(["s", "t", "cm", "vm", "ph"])
_ODD_NAME = st.sampled_from(["x", "rr", "r", "t"])
_PLAIN_BODY = ["/>", "></c>", "><v>{n}</v></c>", "><is><t>a/>b</t></is></c>", "><f>A1</f></c>"]


@st.composite
def cell_xml(draw) -> bytes:
    """One cell, nearly always as programs write it; one in ten has something odd."""
    odd = draw(st.integers(0, 9)) == 0
    column = draw(st.integers(1, 16_500))
    row = draw(st.integers(0, 1_100_000))
    letters = column_letter(column)
    ref = draw(st.sampled_from([f"{letters}{row}", f"{letters.lower()}{row}"]))
    attrs = [f'r="{ref}"']
    for name in draw(st.lists(_ODD_NAME if odd else _PLAIN_NAME, max_size=2, unique=True)):
        value = draw(_ODD_VALUE if odd else _PLAIN_VALUE)
        quote = draw(st.sampled_from(["'", '"'])) if odd else '"'
        attrs.append(f"{name}={quote}{value}{quote}")
    if draw(st.booleans()):
        attrs.insert(1, 't="s"')
    if odd and draw(st.booleans()):
        draw(st.randoms()).shuffle(attrs)
    gap = draw(st.sampled_from([" ", "\n", "  "])) if odd else " "
    body = draw(st.sampled_from(_PLAIN_BODY + (["> <v>1</v></c>", "><v>x</v></c>"] if odd else [])))
    number = draw(st.integers(0, 10**11 if odd else 10**6))
    return ("<c " + gap.join(attrs) + body.format(n=number)).encode()


@st.composite
def sheet_piece(draw) -> bytes:
    rows = []
    for number in range(1, draw(st.integers(1, 4)) + 1):
        cells = draw(st.lists(cell_xml(), max_size=4))
        extra = draw(st.sampled_from(["", '<col min="1" max="1"/>', "<cfRule/>"]))
        rows.append(f'<row r="{number}">'.encode() + b"".join(cells) + extra.encode() + b"</row>")
    return b"<sheetData>" + b"".join(rows) + b"</sheetData>"


@settings(max_examples=400, deadline=None)
@given(sheet_piece())
def test_where_it_answers_it_answers_as_the_patterns(piece):
    cells = plain_cells(piece)
    if cells is None:
        return
    expected = by_patterns(piece)
    assert expected is not None, piece
    assert facts(cells) == facts(expected), piece


def test_generated_pieces_are_mostly_answered():
    """The property above is not vacuous: plain pieces get an answer."""
    pieces = [
        b'<row r="%d"><c r="A%d" t="s"><v>%d</v></c><c r="B%d" s="1"><v>2</v></c></row>'
        % (i, i, i, i)
        for i in range(1, 200)
    ]
    cells = plain_cells(b"".join(pieces))
    assert cells is not None
    assert np.array_equal(cells.shared, np.arange(1, 200))
