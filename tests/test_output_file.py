"""The output file as other programs and users see it: its permissions follow the umask
like any other program's files, and a run says when the output is open elsewhere."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import openpyxl
import pytest

from klantanalyse.cli import main
from klantanalyse.files.outfile import claim_temp

posix = pytest.mark.skipif(os.name != "posix", reason="file modes and umask are POSIX")


def customers_csv(path: Path) -> Path:
    rows = ["Klant;Omzet;Marge", *(f"Klant {i};{1000 * (i + 1)};Ja" for i in range(12))]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def umask():
    """Set the process umask for one test; the old one is restored afterwards."""
    old = os.umask(0o077)
    os.umask(old)
    yield lambda mask: os.umask(mask)
    os.umask(old)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@posix
@pytest.mark.parametrize("mask", [0o022, 0o002, 0o077])
def test_output_mode_follows_the_umask(tmp_path, capsys, umask, mask):
    umask(mask)
    reference = tmp_path / "ref"
    reference.write_bytes(b"")  # what any program creating a file gets here
    out = tmp_path / "uit.xlsx"
    assert main(["analyse", str(customers_csv(tmp_path / "k.csv")), "-o", str(out)]) == 0
    capsys.readouterr()
    assert mode(out) == mode(reference) == 0o666 & ~mask
    assert main(["analyse", str(tmp_path / "k.csv"), "-o", str(out)]) == 0  # a replacement
    capsys.readouterr()
    assert mode(out) == 0o666 & ~mask


def test_temporary_names_are_new_each_time(tmp_path):
    first = claim_temp(tmp_path, ".~uit.1.", ".xlsx")
    second = claim_temp(tmp_path, ".~uit.1.", ".xlsx")
    assert first != second
    assert first.name.startswith(".~uit.1.") and first.name.endswith(".xlsx")
    assert first.read_bytes() == second.read_bytes() == b""


@pytest.mark.parametrize("lock", [".~lock.uit.xlsx#", "~$uit.xlsx"])
def test_an_output_open_elsewhere_is_written_with_a_warning(tmp_path, capsys, lock):
    src = customers_csv(tmp_path / "k.csv")
    out = tmp_path / "uit.xlsx"
    assert main(["analyse", str(src), "-o", str(out)]) == 0
    assert "geopend in een ander programma" not in capsys.readouterr().err
    (tmp_path / lock).write_text("someone,host,2024\n", encoding="utf-8")
    code = main(["analyse", str(src), "-o", str(out), "--lang", "en"])
    err = capsys.readouterr().err
    assert code == 0
    assert err.splitlines() == [
        "1 warning(s):",
        f"  - '{out}' seems to be open in another program ('{lock}' is next to it): the new "
        "analysis was written, but that program still shows the old one and puts it back if "
        "you save there; close the file there without saving and open it again.",
    ]
    assert openpyxl.load_workbook(out)["Customers"].max_row == 13  # English: Customers
    assert (tmp_path / lock).exists()  # another program's file: left alone


def test_the_workbook_command_warns_too(tmp_path, capsys, monkeypatch):
    from klantanalyse.workbook import build as build_module

    out = tmp_path / "klantanalyse.xlsm"
    monkeypatch.setattr(build_module, "build", lambda output, data: Path(output))
    (tmp_path / ".~lock.klantanalyse.xlsm#").write_text("", encoding="utf-8")
    assert main(["workbook", "-o", str(out)]) == 0
    err = capsys.readouterr().err
    assert err.startswith("1 waarschuwing(en):\n  - ")
    assert f"'{out}' lijkt geopend in een ander programma" in err
