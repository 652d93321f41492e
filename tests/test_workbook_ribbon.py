"""The ribbon XML and its VBA callbacks, checked without our own writer.

The XML is validated against Microsoft's customUI schema (tests/data) plus the rules the
schema does not enforce; the callbacks run in pyOpenVBA's VBA interpreter with a recording
stand-in for the xlwings module.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
from lxml import etree
from pyopenvba.apps.excel import ExcelApplication

ROOT = Path(__file__).resolve().parent.parent
RIBBON = ROOT / "templates" / "ribbon" / "customUI.xml"
CALLBACKS = ROOT / "templates" / "vba" / "Ribbon.bas"
SCHEMA = Path(__file__).parent / "data" / "customUI.xsd"
NS = "http://schemas.microsoft.com/office/2006/01/customui"

# The ribbon actions of layout.md, and the button that must call each.
ACTIONS = {
    "btnAnalyseer": "import klantanalyse.excel.actions as k; k.analyse()",
    "btnWis": "import klantanalyse.excel.actions as k; k.clear()",
    "btnVoorbeelddata": "import klantanalyse.excel.actions as k; k.load_demo()",
    "btnInstellingen": "import klantanalyse.excel.actions as k; k.show_settings()",
    "btnHelp": "import klantanalyse.excel.actions as k; k.show_help()",
}


def ribbon() -> etree._ElementTree:
    return etree.parse(str(RIBBON))


def controls(tree: etree._ElementTree) -> list[etree._Element]:
    """Every element that can carry id/idMso/idQ (all but the containers without ids)."""
    plain = {"customUI", "ribbon", "tabs", "commands", "contextualTabs", "officeMenu", "qat"}
    return [el for el in tree.iter(f"{{{NS}}}*") if etree.QName(el).localname not in plain]


def callback_subs(source: str) -> dict[str, str]:
    """Public Sub name -> its parameter list, from VBA source."""
    found = re.findall(r"^(?:Public )?Sub (\w+)\(([^)]*)\)", source, re.MULTILINE)
    return {name: params for name, params in found}


def test_ribbon_is_valid_against_the_customui_schema():
    schema = etree.XMLSchema(etree.parse(str(SCHEMA)))
    tree = ribbon()
    assert schema.validate(tree), schema.error_log
    assert tree.getroot().tag == f"{{{NS}}}customUI"


def test_every_control_has_exactly_one_id_kind_and_ids_are_unique():
    tree = ribbon()
    ids = []
    for el in controls(tree):
        kinds = [a for a in ("id", "idMso", "idQ") if el.get(a) is not None]
        assert len(kinds) == 1, f"{etree.QName(el).localname} has {kinds or 'no id'}"
        ids.append(el.get(kinds[0]))
    assert [i for i, n in Counter(ids).items() if n > 1] == []


def test_tab_has_the_five_large_buttons_with_builtin_icons_and_dutch_tips():
    tree = ribbon()
    tab = tree.find(f".//{{{NS}}}tab")
    assert tab.get("label") == "Klantanalyse"
    buttons = {b.get("id"): b for b in tab.iter(f"{{{NS}}}button")}
    assert [b.get("label") for b in buttons.values()] == [
        "Analyseer klanten",
        "Wis resultaten",
        "Voorbeelddata",
        "Instellingen",
        "Help",
    ]
    for button in buttons.values():
        assert button.get("size") == "large"
        assert button.get("imageMso")
        assert button.get("screentip") and button.get("supertip")
    assert set(buttons) == set(ACTIONS)


def test_every_onaction_names_a_sub_with_the_iribboncontrol_signature():
    subs = callback_subs(CALLBACKS.read_text())
    actions = [el.get("onAction") for el in ribbon().iter() if el.get("onAction")]
    assert len(actions) == len(ACTIONS)
    for action in actions:
        assert action in subs, f"no Sub {action} in Ribbon.bas"
        assert re.fullmatch(r"\s*control As IRibbonControl\s*", subs[action]), subs[action]


def test_vba_templates_are_ascii():
    for path in (ROOT / "templates" / "vba").glob("*.*"):
        path.read_bytes().decode("ascii")


# --- the callbacks, run in pyOpenVBA's interpreter ----------------------------------------

XLWINGS_STANDIN = """
Public Const XLWINGS_VERSION As String = "0.37.8"
Public Commands As String
Public Outcome As Variant
Public Failure As Long
Public Interpreter As String

Public Function RunPython(PythonCommand As String)
    If Failure <> 0 Then Err.Raise Failure, , "File not found: xlwings64-0.37.8.dll"
    Commands = Commands & PythonCommand & "|"
    RunPython = Outcome
End Function

Function GetConfig(configKey As String, Optional default As String = "", _
                   Optional source As String = "") As Variant
    If configKey = "INTERPRETER_WIN" Then GetConfig = Interpreter Else GetConfig = default
End Function

Function FileExists(ByVal FileSpec As String) As Boolean
    FileExists = False
End Function
"""


def run_button(sub: str, outcome: object = 0, failure: int = 0, interpreter: str = ""):
    """Click one button: returns (the commands RunPython got, the message boxes shown)."""
    app = ExcelApplication()
    app.add_workbook()
    app.add_module(CALLBACKS.read_text(), name="Ribbon")
    app.add_module(XLWINGS_STANDIN, name="xlwings")
    setup = f'Outcome = {outcome}\nFailure = {failure}\nInterpreter = "{interpreter}"\n'
    app.add_module(f"Public Sub Click()\n{setup}    {sub} Nothing\nEnd Sub\n", name="Driver")
    app.run("Click")
    return app.evaluate("Commands"), app.dialogs


@pytest.mark.parametrize("button", list(ACTIONS))
def test_each_button_runs_its_fixed_python_command_and_nothing_else(button):
    sub = ribbon().find(f".//{{{NS}}}button[@id='{button}']").get("onAction")
    commands, dialogs = run_button(sub)
    assert commands == ACTIONS[button] + "|"
    assert dialogs == []


def test_a_failed_python_run_explains_the_usual_set_up_problems_in_dutch():
    commands, dialogs = run_button("RibbonAnalyseer", outcome=-1)
    assert commands.count("|") == 1
    [(kind, text, title, _)] = dialogs
    assert (kind, title) == ("MsgBox", "Klantanalyse")
    for phrase in (
        "Python niet gevonden",
        "INTERPRETER_WIN",
        "pip install . in de map van Klantanalyse",
        "xlwings64-0.37.8.dll",
        "pip install --force-reinstall xlwings==0.37.8",
        "xlwings runpython install",
        "blad Start",
    ):
        assert phrase in text
    assert len(text) < 1024  # MsgBox cuts longer prompts


def test_a_missing_xlwings_dll_is_named_in_the_message():
    _, dialogs = run_button("RibbonWis", failure=53)
    [(_, text, _, _)] = dialogs
    assert "De xlwings-DLL is niet gevonden" in text
    assert "File not found: xlwings64-0.37.8.dll" in text


def test_a_wrong_interpreter_path_is_reported_before_python_is_started():
    commands, dialogs = run_button("RibbonHelp", interpreter=r"C:\\Python\\nope.exe")
    assert commands == ""
    [(_, text, _, _)] = dialogs
    assert r"C:\\Python\\nope.exe" in text and "bestaat niet" in text
