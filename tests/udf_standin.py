"""Stand-in for klantanalyse.excel.udfs with the agreed signatures (layout.md), used by the
workbook tests until the real module is there."""

import xlwings as xw


@xw.func
def SEGMENT(klant):
    """Het segment (A, B of C) van een klant."""
    return "A"


@xw.func
def KLANTSCORE(marge, snelheid=None, innovatie=None, netwerk=None):
    """Het aantal Ja-antwoorden (0-4)."""
    return 0


@xw.func
def OMZETKLASSE(omzet):
    """Hoog, Midden of Laag."""
    return "Hoog"
