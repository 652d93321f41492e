"""The structure the code keeps: dependencies one way, renderers that decide nothing.

- No package imports another in a cycle, and the core imports nothing outside itself but
  the errors (scripts/imports.py prints the graph).
- The renderers (the file writer's sheets and charts, the ribbon's renderer) hold no
  colours, number formats or row/column offsets of their own: every position, colour and
  format comes from the plan (klantanalyse.plan).
"""

from __future__ import annotations

import ast
import io
import re
import subprocess
import sys
import tokenize
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "python" / "klantanalyse"
RENDERERS = [
    PACKAGE / "files" / "render.py",
    PACKAGE / "files" / "charts.py",
    PACKAGE / "files" / "write.py",
    PACKAGE / "excel" / "render.py",
    PACKAGE / "excel" / "actions.py",
    PACKAGE / "lite" / "render.py",
]
COLOUR = re.compile(r"""["']#?[0-9A-Fa-f]{6}["']""")
NUMBER_FORMAT = re.compile(r"""["'][^"']*(#,##0|0%|0\.0|dd-mm|yyyy|hh:mm)[^"']*["']""")
OFFSET = re.compile(r"[+-]\s*(?:[2-9]|\d{2,})\b")  # +1/-1 convert 1-based and 0-based only


def code_lines(path: Path) -> list[tuple[int, str]]:
    """(number, text) of the lines that are code: docstrings and comments left out."""
    source = path.read_text(encoding="utf-8")
    docs: set[int] = set()
    for node in ast.walk(ast.parse(source)):
        body = getattr(node, "body", None)
        if isinstance(body, list) and body and isinstance(body[0], ast.Expr):
            value = body[0].value
            if isinstance(value, ast.Constant) and isinstance(value.value, str):
                docs.update(range(body[0].lineno, body[0].end_lineno + 1))
    comments = {
        tok.start[0]: tok.start[1]
        for tok in tokenize.generate_tokens(io.StringIO(source).readline)
        if tok.type == tokenize.COMMENT
    }
    return [
        (n, line[: comments.get(n, len(line))])
        for n, line in enumerate(source.splitlines(), start=1)
        if n not in docs
    ]


def test_no_import_cycle_and_a_pure_core():
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "imports.py")], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout
    assert "no cycle" in result.stdout


@pytest.mark.parametrize("path", RENDERERS, ids=lambda p: p.name)
def test_renderers_hold_no_colours_formats_or_offsets(path):
    found = [
        f"{path.name}:{n}: {line.strip()}"
        for n, line in code_lines(path)
        if COLOUR.search(line) or NUMBER_FORMAT.search(line) or OFFSET.search(line)
    ]
    assert found == []


def test_the_checks_find_what_they_look_for(tmp_path):
    """The patterns above catch a colour, a format and an offset (they can fail)."""
    sample = tmp_path / "sample.py"
    sample.write_text('fill = "1F3864"\nfmt = "#,##0"\nrow = summary.row + 5\n', encoding="utf-8")
    lines = [line for _, line in code_lines(sample)]
    assert COLOUR.search(lines[0]) and NUMBER_FORMAT.search(lines[1]) and OFFSET.search(lines[2])
