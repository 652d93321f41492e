"""The xlwings Lite front: the scripts and functions of klantanalyse-lite.xlsx.

xlwings Lite runs Python (Pyodide) inside Excel's add-in runtime, with the code stored in
the workbook. `scripts` holds what the buttons run (Analyseer klanten, Wis resultaten,
Voorbeelddata), `functions` the worksheet functions (=SEGMENT, =KLANTSCORE, =OMZETKLASSE,
=GELIJKENIS), `render` draws a workbook plan through the Lite Book API. Nothing here imports
a module Pyodide lacks: no file readers or writers, no threads, no subprocesses, no COM.
"""
