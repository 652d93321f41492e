"""Test set-up: import the package from this checkout; the tools some tests need; the slow
integration tests, marked `slow` so that `pytest -m "not slow"` is a quick run."""

import os
import shutil
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "python"))

SHARED = ROOT.parent / "shared"

# The slow integration tests, by file (measured with `pytest --durations`): LibreOffice
# renders, workbook builds and runs on them, fresh Python processes, large, repeated or
# whole-corpus runs. Tests in new files are marked where they are written.
SLOW = {
    "test_affinity_output.py": ["test_rendered_verwantschap_and_prospects"],
    "test_workbook_build.py": [
        "test_libreoffice_prints_a_short_report",
        "test_libreoffice_ods_export_holds_every_vba_module",
        "test_analyse_on_the_workbook_keeps_vba_project_ribbon_and_results",
        "test_committed_workbook_is_exactly_what_the_command_builds",
        "test_two_builds_give_identical_bytes",
    ],
    "test_excel_actions.py": [
        "test_the_number_of_xlwings_calls_does_not_grow_with_the_customers",  # 20,000 customers
        "test_a_ribbon_click_loads_no_workbook_or_plotting_library",  # a fresh Python process
        "test_demo_data_replaces_customers_and_their_results",  # two runs and Voorbeelddata
        "test_analyse_writes_every_result_right_of_the_inputs",  # the demo on the fake
    ],
    "test_repeated_runs.py": [
        "test_ten_runs_on_the_macro_workbook_keep_everything",
        "test_ten_runs_on_an_xlsx_output_keep_inputs_and_settings",
    ],
    "test_excel_sheets.py": ["test_the_ribbon_shows_what_the_command_line_writes"],  # 2 fronts
    "test_excel_udfs.py": ["test_importing_the_functions_loads_no_workbook_or_plotting_library"],
    "test_corpus.py": ["test_whole_shared_corpus_never_crashes"],
    "test_not_carried.py": ["test_shared_corpus_features_are_named"],
    "test_bad_input.py": ["test_value_in_the_last_row_of_the_sheet_is_read"],  # 1,048,576 rows
    "test_injection.py": [
        "test_core_never_raises_on_a_table_of_the_allowed_schema",  # property tests
        "test_every_written_string_reads_back_unchanged",
    ],
    "test_portfolio_output.py": ["test_rendered_pdf_shows_the_charts"],
}


def _missing(message: str) -> None:
    """Skip for a tool that is not installed, but fail under CI, where .ci/run installs it."""
    if os.environ.get("CI"):
        pytest.fail(f"{message}; it is required under CI, where .ci/run installs it.")
    pytest.skip(message)


def need_poppler(*tools: str) -> None:
    """The poppler tools the rendering tests read their PDF with (default pdftotext and
    pdftoppm); skip without them, but fail under CI where they must be installed."""
    missing = [t for t in tools or ("pdftotext", "pdftoppm") if shutil.which(t) is None]
    if missing:
        _missing(f"{' and '.join(missing)} (poppler-utils) is not installed")


def need_soffice() -> str:
    """Path of LibreOffice for a rendering test, which also reads the result with poppler;
    skip without them, but fail under CI where they must be installed."""
    path = shutil.which("soffice") or shutil.which("libreoffice")
    if path is None:
        _missing("LibreOffice (soffice) is not installed")
    need_poppler()
    return path


def pytest_configure(config: pytest.Config) -> None:
    """Every test named in SLOW must exist, so that a renamed test is not silently fast."""
    here = Path(__file__).resolve().parent
    missing_files = sorted(f for f in SLOW_FILES if not (here / f).exists())
    if missing_files:
        raise pytest.UsageError(f"tests/conftest.py SLOW_FILES names {missing_files}: no such file")
    for file, names in SLOW.items():
        text = (here / file).read_text(encoding="utf-8")
        gone = [n for n in names if f"def {n}(" not in text]
        if gone:
            raise pytest.UsageError(f"tests/conftest.py SLOW names {gone} that {file} lacks")


# Whole files of integration tests: crafted hostile files run in fresh processes, sheets of
# Excel's full size, every output through four readers, the Lite workbook end to end, the
# ribbon's oracle on every case.
SLOW_FILES = {
    "test_hostile.py",
    "test_sheet_size.py",
    "test_readers.py",
    "test_lite_pyodide.py",
    "test_lite_scripts.py",
    "test_lite_workbook.py",
    "test_lite_functions.py",
    "test_excel_oracle.py",
    "test_atomic.py",
    "test_real_exports.py",
    "test_zip_headers.py",
    "test_output_file.py",
}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        name = getattr(item, "originalname", item.name)
        if item.path.name in SLOW_FILES or name in SLOW.get(item.path.name, ()):
            item.add_marker(pytest.mark.slow)


@pytest.fixture(autouse=True)
def no_progress_lines(monkeypatch):
    """Runs in tests say nothing about their progress, however slow the machine is today,
    so that what a test expects on standard error does not depend on the time a run takes
    (tests/test_progress.py sets a delay of its own)."""
    from klantanalyse import progress

    monkeypatch.setattr(progress, "DELAY", float("inf"))
