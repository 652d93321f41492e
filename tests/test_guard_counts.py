"""The checks that read an input workbook's sheets count, in the same pass, what the report
of what is not carried over names (formulas, merged cells, ...): the report made from those
counts is the one made by reading the input again, and the counts are what the sheet holds."""

from __future__ import annotations

import openpyxl
from openpyxl.worksheet.datavalidation import DataValidation

from klantanalyse.files.carried import not_carried
from klantanalyse.files.read import read_input


def input_book(path):
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = "Klanten"
    ws.append(["Klant", "Omzet", "Dubbel"])
    for i in range(2, 12):
        ws.append([f"Klant {i}", i * 100, f"=B{i}*2"])  # 10 formulas
    ws.merge_cells("E1:F1")
    ws["E1"] = "samengevoegd"
    ws["G2"].hyperlink = "https://example.com"
    rule = DataValidation(type="list", formula1='"Ja,Nee"')
    rule.add("H2:H5")
    ws.add_data_validation(rule)
    notes = book.create_sheet("Notities")
    notes["A1"] = "=1+1"
    book.save(path)
    return path


def test_the_counts_of_the_read_sheet_give_the_same_report(tmp_path):
    source = input_book(tmp_path / "in.xlsx")
    book = read_input(source)
    [(part, counts)] = book.features.items()  # only the customer sheet was read
    assert part.endswith("sheet1.xml")
    assert (counts["formula"], counts["merged"], counts["hyperlink"]) == (10, 1, 1)
    assert counts["validation"] == 1 and counts["value"] == 1
    output = tmp_path / "out.xlsx"
    blank = openpyxl.Workbook()
    blank.active.title = "Klanten"
    blank.save(output)
    again = not_carried(book.data, output, "en", name=source)
    assert again is not None and "10" in again and "Notities" in again
    assert not_carried(book.data, output, "en", name=source, scanned=book.features) == again
