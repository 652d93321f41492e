"""The VBA modules of klantanalyse.xlsm: templates, xlwings' own modules, function wrappers."""

from __future__ import annotations

from pathlib import Path

from ..core import labels
from ..errors import FileError
from ..ooxml.vba import CLASS, DOCUMENT, MODULE, VBAModule, crlf  # noqa: F401
from ..plan.names import UDF_MODULE
from . import udf_wrappers

# The repository's templates/ folder (the build runs from a checkout of the project).
TEMPLATES = Path(__file__).resolve().parents[3] / "templates"

UDF_VBA_MODULE = "xlwings_udfs"  # the name xlwings' own "Import Functions" gives it


def template_path(*parts: str) -> Path:
    path = TEMPLATES.joinpath(*parts)
    if not path.is_file():
        raise FileError(labels.text("workbook.no_template", path=path))
    return path


def template_module(filename: str, kind: str) -> VBAModule:
    """A module from templates/vba/, named after its file."""
    path = template_path("vba", filename)
    return VBAModule(path.stem, crlf(path.read_text(encoding="ascii")), kind)


def xlwings_dir() -> Path:
    import xlwings

    return Path(xlwings.__file__).parent


def xlwings_module() -> VBAModule:
    """The standalone xlwings module of the installed xlwings package, unchanged."""
    text = (xlwings_dir() / "xlwings.bas").read_text(encoding="ascii")
    return VBAModule("xlwings", crlf(text), MODULE)


def dictionary_class() -> VBAModule:
    """The `Dictionary` class xlwings.bas needs on macOS, as xlwings ships it in its
    standalone quickstart workbook (read with pyOpenVBA, in stream form)."""
    from pyopenvba import ExcelFile

    with ExcelFile(xlwings_dir() / "quickstart_standalone.xlsm") as book:
        source = book.get_module("Dictionary")
    return VBAModule("Dictionary", crlf(source), CLASS)


def project_modules(udf_module: str = UDF_MODULE, lang: str = "nl") -> list[VBAModule]:
    """Every module we put into the project, in the order the project declares them."""
    return [
        template_module("ThisWorkbook.cls", DOCUMENT),
        xlwings_module(),
        dictionary_class(),
        template_module("Ribbon.bas", MODULE),
        VBAModule(UDF_VBA_MODULE, crlf(udf_wrappers.wrapper_module(udf_module, lang)), MODULE),
    ]


def ribbon_xml() -> bytes:
    """The customUI part (2006/01 namespace) from templates/ribbon/."""
    return template_path("ribbon", "customUI.xml").read_bytes()
