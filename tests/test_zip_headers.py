"""The zip headers of an analysed workbook: plain (not Zip64) headers for every part that
fits in them, and local and central headers that say the same.

The headers are read here byte by byte with `struct` (APPNOTE 4.3.7 and 4.3.12), not
through the writer's zip library: a reader that trusts only the local headers (SheetJS,
streaming readers) sees what is checked here.
"""

from __future__ import annotations

import struct
import zipfile
from dataclasses import dataclass
from pathlib import Path

import openpyxl

from klantanalyse.cli import main

LOCAL = struct.Struct("<4sHHHHHIIIHH")
CENTRAL = struct.Struct("<4sHHHHHHIIIHHHHHII")
ZIP64_EXTRA = 0x0001
FULL = 0xFFFFFFFF


@dataclass(frozen=True)
class Header:
    version_needed: int
    compressed: int
    size: int
    extra_ids: tuple[int, ...]


def _extra_ids(extra: bytes) -> tuple[int, ...]:
    ids, pos = [], 0
    while pos + 4 <= len(extra):
        tag, length = struct.unpack_from("<HH", extra, pos)
        ids.append(tag)
        pos += 4 + length
    return tuple(ids)


def _central_directory(data: bytes) -> tuple[int, int]:
    """(offset, count) of the central directory, through the Zip64 end record if there."""
    end = data.rindex(b"PK\x05\x06")
    count, _size, offset = struct.unpack_from("<HII", data, end + 10)
    if offset == FULL or count == 0xFFFF:
        locator = data.rindex(b"PK\x06\x07", 0, end)
        (record,) = struct.unpack_from("<Q", data, locator + 8)
        count, _size, offset = struct.unpack_from("<QQQ", data, record + 32)
    return offset, count


def headers(path: Path) -> dict[str, tuple[Header, Header]]:
    """Per part: its local header and its central directory entry."""
    data = path.read_bytes()
    offset, count = _central_directory(data)
    out = {}
    pos = offset
    for _ in range(count):
        fields = CENTRAL.unpack_from(data, pos)
        assert fields[0] == b"PK\x01\x02"
        needed, csize, usize, name_len, extra_len, comment_len = (
            fields[2], fields[8], fields[9], fields[10], fields[11], fields[12],
        )  # fmt: skip
        local_at = fields[16]
        name = data[pos + CENTRAL.size : pos + CENTRAL.size + name_len].decode()
        extra = data[pos + CENTRAL.size + name_len : pos + CENTRAL.size + name_len + extra_len]
        if local_at == FULL:  # the offset is in the Zip64 extra, after any sizes
            sizes = (usize == FULL) + (csize == FULL)
            local_at = struct.unpack_from("<Q", extra, 4 + 8 * sizes)[0]
        central = Header(needed, csize, usize, _extra_ids(extra))
        pos += CENTRAL.size + name_len + extra_len + comment_len
        lf = LOCAL.unpack_from(data, local_at)
        assert lf[0] == b"PK\x03\x04"
        l_extra = data[local_at + LOCAL.size + lf[9] : local_at + LOCAL.size + lf[9] + lf[10]]
        out[name] = (Header(lf[1], lf[7], lf[8], _extra_ids(l_extra)), central)
    return out


def customers_csv(path: Path, count: int) -> Path:
    lines = ["Klant;Omzet;Marge;Snelheid;Innovatie;Netwerk;Sector"]
    for i in range(count):
        yes = ["Ja" if (i >> bit) & 1 else "Nee" for bit in range(4)]
        lines.append(f"Klant {i:06d};{1000 + (i * 7919) % 500_000};{';'.join(yes)};Bouw")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def analysed(tmp_path: Path, capsys, count: int = 200) -> Path:
    out = tmp_path / "uit.xlsx"
    assert main(["analyse", str(customers_csv(tmp_path / "k.csv", count)), "-o", str(out)]) == 0
    capsys.readouterr()
    return out


def test_small_parts_have_plain_headers(tmp_path, capsys):
    parts = headers(analysed(tmp_path, capsys))
    assert "xl/worksheets/sheet1.xml" in parts  # the spliced customer sheet
    for name, (local, central) in parts.items():
        assert local.version_needed == central.version_needed == 20, name
        assert FULL not in (local.size, local.compressed, central.size, central.compressed), name
        assert ZIP64_EXTRA not in local.extra_ids + central.extra_ids, name
        assert (local.size, local.compressed) == (central.size, central.compressed), name


def test_a_part_past_the_plain_limit_is_zip64_in_both_headers(tmp_path, capsys, monkeypatch):
    """With the library's Zip64 threshold lowered, the long sheets pass it: they are
    written again as Zip64, and their local and central headers agree."""
    monkeypatch.setattr(zipfile, "ZIP64_LIMIT", 150_000)
    out = analysed(tmp_path, capsys, count=3_000)
    parts = headers(out)
    large = [n for n, (_, c) in parts.items() if c.size == FULL]
    assert "xl/worksheets/sheet1.xml" in large
    for name, (local, central) in parts.items():
        assert (local.size == FULL) == (central.size == FULL), name
        assert (ZIP64_EXTRA in local.extra_ids) == (name in large), name
    monkeypatch.undo()
    with zipfile.ZipFile(out) as package:
        assert package.testzip() is None
    sheet = openpyxl.load_workbook(out, read_only=True)["Klanten"]
    names = [row[0] for row in sheet.iter_rows(min_row=2, max_col=1, values_only=True)]
    assert names == [f"Klant {i:06d}" for i in range(3_000)]
