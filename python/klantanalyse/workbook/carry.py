"""`klantanalyse analyse` on a macro workbook: which macros the output carries.

The rule. An output is a new file written on this computer: it no longer carries the mark
of a downloaded file that makes Office block macros, so macros from an input are never
carried over silently.

- The input's VBA project is *ours* when it holds exactly the modules `klantanalyse
  workbook` puts in (ThisWorkbook, xlwings, Dictionary, Ribbon, xlwings_udfs, with the
  code of templates/ and of the installed xlwings, the function wrappers of our own
  function module) and nothing else but empty sheet modules. The output then gets our
  project and ribbon, built afresh from templates/ (the input's bytes are not copied, so
  compiled code hidden in them does not travel along).
- Any other project is left out, with a warning naming its modules; `--keep-macros` keeps
  it unchanged, and still warns when it runs code on opening (Workbook_Open, Auto_Open,
  ...) or starts programs or objects (Shell, CreateObject, WScript, PowerShell, ...).
- On the xlwings.conf sheet only `UDF MODULES` with our own function module and
  `USE UDF SERVER` True or False (which Python process runs a click, nothing else) are taken
  over; any other key or value is left out with a warning naming it (with
  `--keep-macros` kept, and named in a warning all the same).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from pathlib import Path

from ..core import labels
from ..core.columns import is_blank, normalise
from ..files.read import InputBook
from ..ooxml import package
from ..plan import Target
from ..plan.matrix import CHART_CAPACITY
from ..plan.names import START, UDF_MODULE
from ..plan.start import conf_rows, start_rows
from . import vba

AUTO_RUN = (
    "Workbook_Open",
    "Workbook_Activate",
    "Workbook_BeforeClose",
    "Auto_Open",
    "Auto_Close",
    "AutoOpen",
    "AutoExec",
    "Document_Open",
)
RISKY = (
    "Shell",
    "CreateObject",
    "GetObject",
    "WScript",
    "PowerShell",
    "cmd.exe",
    "URLDownloadToFile",
    "ExecuteExcel4Macro",
    "MacScript",
    "AppleScriptTask",
    "CallByName",
    "Declare",
)
_UDF_KEY = normalise("UDF MODULES")
_SERVER_KEY = normalise("USE UDF SERVER")

Finish = Callable[[Path], None]


def carry_macros(
    book: InputBook, target: Target, output: Path, lang: str, keep_macros: bool = False
) -> tuple[Target, Finish | None, tuple[str, ...]]:
    """For an .xlsm input written to an .xlsm: the target with the macro workbook's own
    sheets (Start, xlwings.conf, fixed chart ranges, Ja/Nee lists), a `finish` step for
    `write_workbook` that gives the new file its macros by the rule above, and the
    warnings. Any other input written to an .xlsm becomes our macro workbook (`ours`); an
    .xlsx output: `(target, None, ())`."""
    if output.suffix.lower() != ".xlsm":
        return target, None, ()
    macros = None
    if book.is_macro_workbook:
        source = book.data if book.data is not None else book.path
        macros = package.read_macros(source)
    if macros is None:  # a CSV, an .xlsx or an .xlsm without a project, named .xlsm
        return (*our_workbook(target, lang), ())
    name = book.path.name
    modules = project_modules(macros)
    ours = our_lang(modules)
    keep = keep_macros and ours is None
    conf, warnings = conf_keys(book, lang, keep)
    _, code_names = package.code_names(source)
    target = dataclasses.replace(
        target,
        start_rows=start_rows(lang) if START in code_names else target.start_rows,
        conf_rows=conf_rows(lang, keys=conf) if book.conf_rows is not None else target.conf_rows,
        chart_capacity=CHART_CAPACITY,
        yes_no_lists=True,
    )
    if ours is not None:
        project = vba.project_modules(UDF_MODULE, ours)
        ribbon = vba.ribbon_xml()

        def finish(tmp: Path) -> None:
            tmp.write_bytes(package.add_macros(tmp.read_bytes(), project, ribbon))

        return target, finish, tuple(warnings)
    named = ", ".join(n for n, code in (modules or {}).items() if code.strip()) or "-"
    if keep:
        found = risky_words(modules or {})
        if found:
            warnings.insert(
                0, labels.text("warn.macros_risky", lang, file=name, modules=named, words=found)
            )

        def finish(tmp: Path) -> None:
            tmp.write_bytes(package.copy_macros(source, tmp.read_bytes()))

        # the kept project's document modules: its own names for its sheets
        target = dataclasses.replace(target, code_names=package.code_names(source))
        return target, finish, tuple(warnings)
    warnings.insert(0, labels.text("warn.macros_dropped", lang, file=name, modules=named))

    def finish(tmp: Path) -> None:  # a macro workbook without macros: still an .xlsm
        tmp.write_bytes(package.graft(tmp.read_bytes(), package.MacroParts()))

    return target, finish, tuple(warnings)


def our_workbook(target: Target, lang: str) -> tuple[Target, Finish]:
    """The target and `finish` step of our own macro workbook (as `klantanalyse workbook`
    builds it: Start, xlwings.conf, fixed chart ranges, Ja/Nee lists, our VBA and ribbon),
    so that a file named .xlsm is always a macro-enabled workbook that Excel opens."""
    target = dataclasses.replace(
        target,
        start_rows=start_rows(lang),
        conf_rows=conf_rows(lang),
        chart_capacity=CHART_CAPACITY,
        yes_no_lists=True,
    )
    project = vba.project_modules(UDF_MODULE, lang)
    ribbon = vba.ribbon_xml()

    def finish(tmp: Path) -> None:
        tmp.write_bytes(package.add_macros(tmp.read_bytes(), project, ribbon))

    return target, finish


def project_modules(macros: package.MacroParts) -> dict[str, str] | None:
    """Module name -> its code (attribute lines left out) of the VBA project among
    `macros`; None when there is no project or it cannot be read."""
    from pyopenvba.cfb import CFB
    from pyopenvba.vba import parse_vba_project

    binary = next(
        (data for part, data in macros.parts.items() if part.lower().endswith("vbaproject.bin")),
        None,
    )
    if binary is None:
        return {}
    try:
        project = parse_vba_project(CFB.from_bytes(binary))
        return {module.name: code_text(module.source) for module in project.modules}
    except Exception:  # a damaged or unusual project: not ours, named as unreadable
        return None


def code_text(source: str) -> str:
    """Module text compared by what it does: no attribute lines, LF line ends, no trailing
    blanks."""
    lines = source.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    kept = [line.rstrip() for line in lines if not line.startswith("Attribute VB_")]
    return "\n".join(kept).strip()


def our_lang(modules: dict[str, str] | None) -> str | None:
    """The language of our project when `modules` is it (see the module text), else None."""
    if not modules:
        return None
    for lang in labels.LANGS:
        ours = {m.name: code_text(m.source) for m in vba.project_modules(UDF_MODULE, lang)}
        others = {n: code for n, code in modules.items() if n not in ours}
        if set(ours) <= set(modules) and all(modules[n] == c for n, c in ours.items()):
            if all(not code for code in others.values()):
                return lang
    return None


def risky_words(modules: dict[str, str]) -> str:
    """The auto-run procedures and program-starting words found in the code, in order."""
    code = "\n".join(modules.values())
    found = [
        word
        for word in AUTO_RUN + RISKY
        if re.search(rf"(?<![\w.]){re.escape(word)}(?![\w])", code, re.IGNORECASE)
    ]
    return ", ".join(found)


def _ours(row: list[object]) -> bool:
    """A key/value row of xlwings.conf a workbook of ours may hold."""
    key, value = normalise(row[0]), row[1]
    if key == _UDF_KEY:
        return value in (UDF_MODULE, None)
    return key == _SERVER_KEY and str(value).strip().casefold() in ("true", "false")


def conf_keys(book: InputBook, lang: str, keep: bool) -> tuple[list[list[object]] | None, list]:
    """The input's xlwings.conf rows to write (None: our default) and the warnings for the
    keys and values left out (or, with `keep`, kept)."""
    rows = book.conf_rows
    if rows is None:
        return None, []
    ours = [r for r in rows if _ours(r)]
    others = [r for r in rows if r not in ours and not is_blank(r[0])]
    if not others:
        return (ours or None), []
    named = ", ".join(f"{r[0]}" if is_blank(r[1]) else f"{r[0]} = {str(r[1])[:60]}" for r in others)
    key = "warn.conf_kept" if keep else "warn.conf_dropped"
    warnings = [labels.text(key, lang, file=book.path.name, keys=named)]
    return (rows if keep else (ours or None)), warnings
