"""The code inside klantanalyse-lite.xlsx: main.py and requirements.txt for xlwings Lite.

main.py comes from templates/lite/main.py with its markers filled in: the texts (labels),
the sheet-button references and the embedded package, a zip of the klantanalyse modules the
Lite front needs (all pure Python: the core, the run, the plan, the xlwings renderer and
the Lite front; no file readers or writers), plus `lite/basis.json`, what a table row is
scored with before the first analysis after opening the file. The zip has fixed times and a fixed
order, so the same sources always give the same main.py.
"""

from __future__ import annotations

import base64
import hashlib
import io
import zipfile
from collections.abc import Mapping
from pathlib import Path

from ..core import labels
from ..errors import FileError
from ..ooxml.package import ZIP_TIME
from .vba import template_path

PACKAGE_ROOT = Path(__file__).resolve().parents[1]  # python/klantanalyse
# What the Lite front imports, relative to the package: whole folders and single modules.
PACKAGE_FOLDERS = ("core", "plan", "lite")
PACKAGE_MODULES = (
    "__init__.py",
    "errors.py",
    "run.py",
    "demo.py",
    "excel/__init__.py",
    "excel/book.py",
    "excel/render.py",
    "excel/actions.py",
)
BASIS_PATH = "klantanalyse/lite/basis.json"
LINE = 76  # base64 characters per line of main.py

SCRIPT_KEYS = ("analyse", "clear", "demo")


def package_files(basis_json: str) -> dict[str, bytes]:
    """{path in the zip: bytes} of the embedded package, sorted by path."""
    files: dict[str, bytes] = {}
    for folder in PACKAGE_FOLDERS:
        for path in sorted((PACKAGE_ROOT / folder).rglob("*.py")):
            files[_name(path)] = path.read_bytes()
    for module in PACKAGE_MODULES:
        path = PACKAGE_ROOT / module
        if not path.is_file():
            raise FileError(labels.text("workbook.no_template", path=path))
        files[_name(path)] = path.read_bytes()
    files[BASIS_PATH] = basis_json.encode("utf-8")
    return dict(sorted(files.items()))


def _name(path: Path) -> str:
    return "klantanalyse/" + path.relative_to(PACKAGE_ROOT).as_posix()


def package_zip(files: Mapping[str, bytes]) -> bytes:
    """A zip of `files` in the given order, with fixed times and attributes."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for name, data in files.items():
            info = zipfile.ZipInfo(name, date_time=ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 0
            info.external_attr = 0
            archive.writestr(info, data, compresslevel=9)
    return buffer.getvalue()


def _docstring(text: str, indent: str = "") -> str:
    """`text` as a triple-quoted docstring (refusing what would end it early)."""
    if '"""' in text or "\\" in text or text.endswith('"'):
        raise ValueError(f"a docstring cannot hold {text!r}")
    body = text.replace("\n", "\n" + indent) if indent else text
    return f'"""{body}"""'


def main_py(buttons: Mapping[str, str], package: bytes, count: int, lang: str = "nl") -> str:
    """main.py: the template with texts, button references (script key -> '[shape]Sheet!A1')
    and the embedded package (a zip of `count` files) filled in."""
    text = template_path("lite", "main.py").read_text(encoding="utf-8")
    encoded = base64.b64encode(package).decode("ascii")
    lines = [encoded[i : i + LINE] for i in range(0, len(encoded), LINE)]
    t = lambda key: labels.text(key, lang)  # noqa: E731
    fields = {
        "DOC_MODULE": _docstring(t("lite.doc.module")),
        "DOC_ANALYSE": _docstring(t("lite.doc.analyse")),
        "DOC_CLEAR": _docstring(t("lite.doc.clear")),
        "DOC_DEMO": _docstring(t("lite.doc.demo")),
        "DOC_SEGMENT": _docstring(t("lite.doc.segment")),
        "DOC_SCORE": _docstring(t("udf.doc.score")),
        "DOC_REVENUE_CLASS": _docstring(t("udf.doc.revenue_class")),
        "DOC_SIMILARITY": _docstring(t("udf.doc.similarity")),
        "ARG_SEGMENT": repr(t("udf.doc.segment.klant")),
        "ARG_SCORE": repr(t("udf.doc.score.answer")),
        "ARG_REVENUE_CLASS": repr(t("udf.doc.revenue_class.amount")),
        "ARG_SIMILARITY": repr(t("udf.doc.similarity.prospect")),
        "PACKAGE_FILES": str(count),
        "PACKAGE_SHA256": hashlib.sha256(package).hexdigest(),
        "PACKAGE": "\n".join(f'    "{line}"' for line in lines),
    }
    for key in SCRIPT_KEYS:
        fields[f"NAME_{key.upper()}"] = labels.LITE_BUTTONS[key]
        fields[f"BUTTON_{key.upper()}"] = buttons[key]
    for key, value in fields.items():
        marker = f"@@{key}@@"
        if marker not in text:
            raise ValueError(f"templates/lite/main.py has no {marker}")
        text = text.replace(marker, value)
    if "@@" in text:
        raise ValueError("templates/lite/main.py has a marker the build does not fill")
    return text


def requirements_txt(xlwings_version: str | None = None) -> str:
    """requirements.txt: the xlwings version the project pins, and pandas (from Pyodide)."""
    if xlwings_version is None:
        import xlwings

        xlwings_version = xlwings.__version__
    text = template_path("lite", "requirements.txt").read_text(encoding="utf-8")
    return text.replace("@@XLWINGS@@", xlwings_version)


def lite_code(basis_json: str, buttons: Mapping[str, str], lang: str = "nl") -> tuple[str, str]:
    """(main.py, requirements.txt) of the Lite workbook."""
    files = package_files(basis_json)
    return main_py(buttons, package_zip(files), len(files), lang), requirements_txt()
