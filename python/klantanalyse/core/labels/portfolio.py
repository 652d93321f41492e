"""Texts of the portfolio page of the Matrix sheet."""

from __future__ import annotations

from .base import (
    TEXTS,
)

# ---- portfolio page of the Matrix sheet (charts and tables below the grid chart) ---------
TEXTS.update(
    {
        "sum.portfolio_title": (
            "Portefeuille: 80/20, klantenpiramide en winstgevendheid",
            "Portfolio: 80/20, customer pyramid and profitability",
        ),
        "sum.pareto_x_axis": (
            "Aandeel klanten (grootste omzet eerst)",
            "Share of customers (largest revenue first)",
        ),
        "sum.pareto_line": ("80% van de omzet", "80% of revenue"),
        "sum.pyramid_axis": ("Omzet (€)", "Revenue (€)"),
        "sum.whale_x": (
            "Aandeel klanten (meest winstgevend eerst)",
            "Share of customers (most profitable first)",
        ),
        "sum.whale_line": ("100% = totale nettobijdrage", "100% = total net contribution"),
        "sum.whale_label": ("Walviscurve", "Whale curve"),
        "sum.change_label": ("Omzetontwikkeling", "Revenue change"),
    }
)
