"""The package-level import graph of klantanalyse: which package imports which, and any
cycle. A package is a folder of python/klantanalyse (core, plan, files, ...) or a top-level
module (run, pipeline, cli, ...). Exit 1 on a cycle or when core imports outside core.

    python scripts/imports.py
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent / "python" / "klantanalyse"


def unit(path: Path) -> str:
    rel = path.relative_to(ROOT)
    return rel.parts[0] if len(rel.parts) > 1 else rel.stem


def imported(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    here = path.relative_to(ROOT).parts[:-1]
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = list(here[: len(here) - node.level + 1]) if node.level > 1 else list(here)
                parts = base + (node.module.split(".") if node.module else [])
                if not parts:  # from . import x at the top level
                    parts = [a.name for a in node.names]
            elif node.module and node.module.startswith("klantanalyse"):
                parts = node.module.split(".")[1:]
            else:
                continue
            if parts:
                found.add(parts[0])
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith("klantanalyse."):
                    found.add(alias.name.split(".")[1])
    return found


def main() -> int:
    graph: dict[str, set[str]] = {}
    for path in ROOT.rglob("*.py"):
        name = unit(path)
        graph.setdefault(name, set()).update(u for u in imported(path) if u != name)
    for name in sorted(graph):
        print(f"{name:10} -> {', '.join(sorted(graph[name])) or '-'}")
    problems = 0
    outside = graph.get("core", set()) - {"errors"}
    if outside:
        print("core imports outside core:", sorted(outside))
        problems += 1
    seen: list[str] = []

    def visit(node: str, stack: list[str]) -> None:
        nonlocal problems
        if node in stack:
            print("cycle:", " -> ".join(stack[stack.index(node) :] + [node]))
            problems += 1
            return
        if node in seen:
            return
        for nxt in sorted(graph.get(node, ())):
            visit(nxt, stack + [node])
        seen.append(node)

    for node in sorted(graph):
        visit(node, [])
    print("no cycle" if not problems else f"{problems} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
