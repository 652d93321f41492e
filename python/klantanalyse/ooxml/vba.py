"""The modules of a VBA project, as the package helpers and the builder pass them."""

from __future__ import annotations

from dataclasses import dataclass

MODULE, CLASS, DOCUMENT = "module", "class", "document"


@dataclass(frozen=True)
class VBAModule:
    """One module of the VBA project. `source` has CRLF line ends; a document module's
    source is its body only (the project supplies its attribute header)."""

    name: str
    source: str
    kind: str = MODULE  # MODULE, CLASS or DOCUMENT


def crlf(text: str) -> str:
    """`text` with CRLF line ends and one final line end, as VBA stores module text."""
    return "".join(line + "\r\n" for line in text.splitlines())
