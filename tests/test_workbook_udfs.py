"""The worksheet-function wrappers equal what xlwings' own generator writes."""

from __future__ import annotations

import importlib.util
import io
import re
import sys
import types

import pytest
import xlwings

from klantanalyse.workbook import udf_wrappers

REAL = "klantanalyse.excel.udfs"
# The real module once it exists; until then a stand-in with the agreed signatures.
UDF_MODULE = REAL if importlib.util.find_spec(REAL) else "udf_standin"


@pytest.fixture
def xlwings_udfs(monkeypatch):
    """xlwings.udfs importable on any platform: pywin32 stubbed for this test only."""
    for name in ("pythoncom", "pywintypes", "win32com", "win32com.client"):
        if name not in sys.modules:
            stub = types.ModuleType(name)
            stub.CoInitialize = lambda: None
            stub.com_error = Exception
            stub.Dispatch = lambda *a, **k: None
            monkeypatch.setitem(sys.modules, name, stub)
    monkeypatch.delitem(sys.modules, "xlwings.udfs", raising=False)
    import xlwings.udfs

    yield xlwings.udfs
    sys.modules.pop("xlwings.udfs", None)


def expected_wrappers(udfs) -> str:
    """Decorate the module's functions with the Windows decorator, then generate."""
    module = importlib.import_module(UDF_MODULE)
    copy = types.ModuleType("copy_of_udfs")
    for name in ("SEGMENT", "KLANTSCORE", "OMZETKLASSE"):
        setattr(copy, name, udfs.xlfunc(getattr(module, name)))
    out = io.StringIO()

    class Book:
        Name = "klantanalyse.xlsm"

    udfs.generate_vba_wrapper(UDF_MODULE, copy, out, Book())
    return out.getvalue()


def test_windows_branch_is_exactly_generate_vba_wrapper_output(xlwings_udfs):
    module = udf_wrappers.wrapper_module(UDF_MODULE)
    windows = module.split("\n#Else\n\n", 1)[1].rsplit("#End If\n", 1)[0]
    assert windows == expected_wrappers(xlwings_udfs)
    assert module.startswith(udf_wrappers.HEADER)
    for name in ("SEGMENT", "KLANTSCORE", "OMZETKLASSE"):
        assert f'{name} = XLPy.CallUDF("{UDF_MODULE}", "{name}"' in windows


def test_on_macos_each_function_keeps_its_signature_and_returns_a_text():
    module = udf_wrappers.wrapper_module(UDF_MODULE)
    mac = module.split("\n#If Mac Then\n\n", 1)[1].split("\n#Else\n", 1)[0]
    windows = module.split("\n#Else\n", 1)[1]
    signature = re.compile(r"^Function (\w+\(.*\))$", re.MULTILINE)
    assert signature.findall(mac) == signature.findall(windows)
    assert len(signature.findall(mac)) == 3
    assert "XLPy" not in mac
    assert 'SEGMENT = "SEGMENT werkt alleen in Excel voor Windows;' in mac


def test_generation_leaves_no_stubs_and_keeps_the_linux_decorators():
    before = dict(sys.modules)
    decorator = xlwings.func
    udf_wrappers.generated_wrappers(UDF_MODULE)
    assert xlwings.func is decorator
    for name in ("pythoncom", "pywintypes", "win32com", "win32com.client", "xlwings.udfs"):
        assert sys.modules.get(name) is before.get(name), name
