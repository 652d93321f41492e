"""Test set-up: import the package from this checkout."""

import os
import shutil
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "python"))

SHARED = ROOT.parent / "shared"


def need_soffice() -> str:
    """Path of LibreOffice; skip without it, but fail under CI where it must be installed."""
    path = shutil.which("soffice") or shutil.which("libreoffice")
    if path is None:
        if os.environ.get("CI"):
            pytest.fail("LibreOffice (soffice) is required under CI; .ci/run installs it.")
        pytest.skip("LibreOffice (soffice) is not installed")
    return path
