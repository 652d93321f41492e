"""The command line answers `--help` and argument errors without loading pandas, openpyxl
or the analysis; the package's names still import as before."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from conftest import ROOT

HEAVY = ("pandas", "numpy", "openpyxl", "python_calamine", "klantanalyse.core.analysis")

PROBE = """
import contextlib, io, sys
from klantanalyse.cli import main
with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
    try:
        code = main(sys.argv[1:])
    except SystemExit as stop:
        code = stop.code
print(code)
print(",".join(sorted(name for name in {heavy!r} if name in sys.modules)))
"""


def loaded_after(*args: str) -> tuple[str, str]:
    """(exit code, heavy modules loaded) of the command line run with `args` in a new process."""
    env = {**os.environ, "PYTHONPATH": str(ROOT / "python")}
    code = PROBE.format(heavy=HEAVY)
    done = subprocess.run(
        [sys.executable, "-c", code, *args], env=env, capture_output=True, text=True, check=True
    )
    exit_code, loaded = done.stdout.splitlines()[-2:]
    return exit_code, loaded


@pytest.mark.parametrize(
    ("args", "exit_code"),
    [
        (["--help"], "0"),
        (["analyse", "--help"], "0"),
        (["workbook", "--help"], "0"),
        ([], "2"),  # no command
        (["analyse"], "2"),  # no INPUT
        (["analyse", "in.csv", "--no-such-option"], "2"),
    ],
)
def test_help_and_argument_errors_load_no_pandas(args, exit_code):
    assert loaded_after(*args) == (exit_code, "")


def test_the_probe_sees_pandas_when_a_run_loads_it(tmp_path):
    missing = str(tmp_path / "missing.csv")
    exit_code, loaded = loaded_after("analyse", missing, "-o", str(tmp_path / "out.xlsx"))
    assert exit_code == "2"
    assert "pandas" in loaded.split(",")


def test_the_package_names_import_as_before():
    import klantanalyse
    from klantanalyse import Analysis, Rule, Settings, Summary, analyse
    from klantanalyse.core import analysis, settings

    assert analyse is analysis.analyse and Analysis is analysis.Analysis
    assert Summary is analysis.Summary
    assert Settings is settings.Settings and Rule is settings.Rule
    assert set(klantanalyse.__all__) <= set(dir(klantanalyse)) | klantanalyse._CORE_NAMES
    with pytest.raises(AttributeError):
        klantanalyse.no_such_name  # noqa: B018
