"""Compare two workbooks cell by cell: values, types, number formats, fonts, fills,
alignment; column widths, row heights, tables, conditional formats, validations, charts,
print set-up. Prints every difference (at most --limit per sheet); exit 1 when any.

    python scripts/compare.py OLD.xlsx NEW.xlsx [--ignore Start!C21]
"""

from __future__ import annotations

import argparse
import sys
import zipfile

import openpyxl


def cell_facts(cell) -> tuple:
    font, fill, al = cell.font, cell.fill, cell.alignment
    return (
        cell.value,
        cell.data_type,
        cell.number_format,
        (font.b, font.sz, font.color.rgb if font.color is not None else None, font.name),
        (fill.fill_type, fill.fgColor.rgb if fill.fill_type else None),
        (al.wrap_text, al.horizontal, al.vertical),
    )


def _dxf_fill(rule) -> object:
    return rule.dxf.fill.fgColor.rgb if rule.dxf and rule.dxf.fill else None


def sheet_facts(ws) -> dict:
    return {
        "widths": {k: v.width for k, v in ws.column_dimensions.items() if v.width},
        "heights": {k: v.height for k, v in ws.row_dimensions.items() if v.height},
        "freeze": ws.freeze_panes,
        "tables": sorted(
            (t.displayName, t.ref, tuple(c.name for c in t.tableColumns))
            for t in ws.tables.values()
        ),
        "cf": sorted(
            (
                str(rng.sqref),
                r.type,
                tuple(r.formula or ()),
                r.dxf.fill.fgColor.rgb if r.dxf and r.dxf.fill else None,
            )
            for rng in ws.conditional_formatting
            for r in rng.rules
        ),
        "validations": sorted(
            (str(v.sqref), v.formula1) for v in ws.data_validations.dataValidation
        ),
        "print_area": ws.print_area,
        "print_titles": (ws.print_title_rows, ws.print_title_cols),
        "orientation": ws.page_setup.orientation,
        "fit": (ws.page_setup.fitToWidth, ws.page_setup.fitToHeight),
        "code_name": ws.sheet_properties.codeName,
    }


def charts(path: str) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as z:
        return {n: z.read(n) for n in z.namelist() if n.startswith("xl/charts/")}


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("old")
    parser.add_argument("new")
    parser.add_argument("--ignore", nargs="*", default=[])
    parser.add_argument("--limit", type=int, default=20)
    args = parser.parse_args()
    ignore = set(args.ignore)
    a = openpyxl.load_workbook(args.old)
    b = openpyxl.load_workbook(args.new)
    found = 0
    if a.sheetnames != b.sheetnames:
        print("sheets:", a.sheetnames, "->", b.sheetnames)
        found += 1
    for name in a.sheetnames:
        if name not in b.sheetnames:
            continue
        wa, wb = a[name], b[name]
        shown = 0
        rows = max(wa.max_row, wb.max_row)
        cols = max(wa.max_column, wb.max_column)
        for r in range(1, rows + 1):
            for c in range(1, cols + 1):
                ca, cb = wa.cell(r, c), wb.cell(r, c)
                if f"{name}!{ca.coordinate}" in ignore:
                    continue
                fa, fb = cell_facts(ca), cell_facts(cb)
                if fa != fb:
                    found += 1
                    if shown < args.limit:
                        print(f"{name}!{ca.coordinate}: {fa} -> {fb}")
                    shown += 1
        sa, sb = sheet_facts(wa), sheet_facts(wb)
        for key in sa:
            if sa[key] != sb[key]:
                found += 1
                print(f"{name} {key}: {sa[key]} -> {sb[key]}")
        if shown > args.limit:
            print(f"{name}: {shown} cell differences in all")
    ca, cb = charts(args.old), charts(args.new)
    if ca != cb:
        found += 1
        print("charts differ:", sorted(set(ca) ^ set(cb)) or [n for n in ca if ca[n] != cb.get(n)])
    print(f"{found} difference(s)")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
