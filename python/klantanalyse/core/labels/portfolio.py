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
        "sum.whale_no_data": (
            "geen curve: vul Brutomarge % in (of Marge bij de orders) en Contacturen of "
            "Maatwerkkosten",
            "no curve: fill in Gross margin % (or Margin with the orders) and Contact hours or "
            "Custom work costs",
        ),
        "sum.whale_not_positive": (
            "geen curve: de klanten samen leveren geen positieve nettobijdrage",
            "no curve: the customers together yield no positive net contribution",
        ),
        "sum.change_label": ("Omzetontwikkeling", "Revenue change"),
    }
)
