"""A run that fails or is killed while writing leaves either no output or the previous
complete one, never a half-written file; its temporary file does not stay behind."""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import openpyxl
import pytest

from klantanalyse.cli import main
from klantanalyse.files import sheetdata
from klantanalyse.files import write as write_module

ROOT = Path(__file__).resolve().parent.parent


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def customers_csv(path: Path, count: int) -> Path:
    lines = ["Klant;Omzet;Marge;Snelheid;Innovatie;Netwerk;Sector"]
    for i in range(count):
        yes = ["Ja" if (i >> bit) & 1 else "Nee" for bit in range(4)]
        lines.append(f"Klant {i:06d};{1000 + (i * 7919) % 500_000};{';'.join(yes)};Bouw")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith(".~"))


class Boom(RuntimeError):
    pass


@pytest.fixture
def previous(tmp_path: Path, capsys) -> tuple[Path, Path, str]:
    """An input and a complete output of an earlier run."""
    src = customers_csv(tmp_path / "k.csv", 30)
    out = tmp_path / "uit.xlsx"
    assert main(["analyse", str(src), "-o", str(out)]) == 0
    capsys.readouterr()
    return src, out, digest(out)


@pytest.mark.parametrize("stage", ["sheet", "save", "rows", "finish"])
def test_failure_while_writing_keeps_the_previous_output(previous, monkeypatch, capsys, stage):
    src, out, before = previous
    customers_csv(src, 40)  # the new run would change the output
    if stage == "sheet":  # while the sheets are being written
        render = write_module.render_sheet

        def fail_on_matrix(book, sheet):
            return _raise() if sheet.name == "Matrix" else render(book, sheet)

        monkeypatch.setattr(write_module, "render_sheet", fail_on_matrix)
    elif stage == "save":  # halfway through the zip: part of the file is on disk
        save = write_module._save

        def half_save(book, rows, filename):
            save(book, rows, filename)
            with open(filename, "r+b") as handle:
                handle.truncate(os.path.getsize(filename) // 2)
            raise Boom("disk went away")

        monkeypatch.setattr(write_module, "_save", half_save)
    elif stage == "rows":  # while the long rows are made, other parts already zipped
        monkeypatch.setattr(sheetdata, "_column_cells", _raise)
    else:  # in the post-processing hook (the macro workbook's VBA graft)
        original = write_module.write_workbook
        monkeypatch.setattr(
            write_module,
            "write_workbook",
            lambda path, plan, finish=None, lang="nl": original(path, plan, _raise, lang),
        )
    code, stdout, err = main(["analyse", str(src), "-o", str(out)]), *capsys.readouterr()
    assert code == 3
    assert stdout == ""
    assert err.startswith("Onverwachte fout (Boom: ")
    assert err.rstrip().endswith("er is niets geschreven. Meld dit met het invoerbestand.")
    assert digest(out) == before
    assert openpyxl.load_workbook(out)["Klanten"].max_row == 31  # still the complete old one
    assert leftovers(out.parent) == []


def _raise(*_args, **_kw):
    raise Boom("forced failure")


def test_failure_without_a_previous_output_leaves_nothing(tmp_path, monkeypatch, capsys):
    src = customers_csv(tmp_path / "k.csv", 10)
    render = write_module.render_sheet

    def fail_on_settings(book, sheet):
        return _raise() if sheet.name == "Instellingen" else render(book, sheet)

    monkeypatch.setattr(write_module, "render_sheet", fail_on_settings)
    assert main(["analyse", str(src), "-o", str(tmp_path / "uit.xlsx")]) == 3
    capsys.readouterr()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["k.csv"]


def test_interrupt_while_saving(previous, monkeypatch, capsys):
    src, out, before = previous

    def interrupted(book, rows, filename):
        Path(filename).write_bytes(b"PK\x03\x04")
        raise KeyboardInterrupt

    monkeypatch.setattr(write_module, "_save", interrupted)
    assert main(["analyse", str(src), "-o", str(out)]) == 130
    assert capsys.readouterr().err.strip() == "Afgebroken; er is niets geschreven."
    assert digest(out) == before
    assert leftovers(out.parent) == []


@pytest.mark.parametrize("stop", [Boom("after the write"), KeyboardInterrupt()])
def test_a_stop_after_the_output_is_in_place_says_it_is(previous, monkeypatch, capsys, stop):
    """Stopped once the new output has replaced the old one: the sentence names it as
    written (it is whole), never "nothing was written"."""
    import klantanalyse.pipeline as pipeline

    src, out, before = previous
    customers_csv(src, 40)  # the new run changes the output

    def stopped(*_args, **_kw):
        raise stop

    monkeypatch.setattr(pipeline, "output_warnings", stopped)
    code = main(["analyse", str(src), "-o", str(out)])
    err = capsys.readouterr().err.strip()
    assert digest(out) != before
    assert openpyxl.load_workbook(out)["Klanten"].max_row == 41  # the new, whole output
    if isinstance(stop, KeyboardInterrupt):
        assert code == 130
        assert err == f"Afgebroken nadat {out} al was geschreven; die uitvoer is heel."
    else:
        assert code == 3
        assert err.startswith("Onverwachte fout (Boom: after the write) nadat ")
        assert f"nadat {out} al was geschreven; die uitvoer is heel." in err
    assert leftovers(out.parent) == []


@pytest.mark.skipif(os.name != "posix", reason="SIGKILL is POSIX")
def test_killed_mid_write_keeps_the_previous_output(tmp_path, capsys):
    """A real process killed with SIGKILL while its output is being zipped: the previous
    output is untouched, and the next run clears the temporary file it left."""
    src = customers_csv(tmp_path / "k.csv", 15_000)
    out = tmp_path / "uit.xlsx"
    first = customers_csv(tmp_path / "klein.csv", 5)
    assert main(["analyse", str(first), "-o", str(out)]) == 0
    capsys.readouterr()
    before = digest(out)
    env = {**os.environ, "PYTHONPATH": str(ROOT / "python")}
    cmd = [sys.executable, "-m", "klantanalyse.cli", "analyse", str(src), "-o", str(out)]
    process = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    killed_at = None
    deadline = time.monotonic() + 120
    while process.poll() is None and time.monotonic() < deadline:
        temps = [p for p in tmp_path.iterdir() if p.name.startswith(".~")]
        if temps and temps[0].stat().st_size > 0:  # the zip is being written
            process.send_signal(signal.SIGKILL)
            killed_at = temps[0].stat().st_size
            break
        time.sleep(0.002)
    process.wait()
    if killed_at is None:
        pytest.skip("the run finished before it could be killed mid-write")
    assert process.returncode == -signal.SIGKILL
    assert digest(out) == before
    assert openpyxl.load_workbook(out)["Klanten"].max_row == 6
    assert len(leftovers(tmp_path)) == 1  # nothing can clean up after SIGKILL itself
    # the next run removes what the killed one left and writes the new output whole
    assert main(["analyse", str(first), "-o", str(tmp_path / "uit.xlsx")]) == 0
    capsys.readouterr()
    assert leftovers(tmp_path) == []
