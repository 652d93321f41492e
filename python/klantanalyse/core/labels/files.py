"""Texts for damaged, hostile or oversized input and output that cannot be written."""

from __future__ import annotations

from .base import (
    TEXTS,
)

# ---- reliability: damaged, hostile or oversized input; output that cannot be written ----

TEXTS.update(
    {
        "file.zero_bytes": (
            "{file} is leeg (0 bytes); kies het goede bestand of sla het opnieuw op vanuit Excel.",
            "{file} is empty (0 bytes); choose the right file or save it again from Excel.",
        ),
        "file.empty_book": (
            "{file} bevat geen gegevens (alle bladen zijn leeg); vul de klanten in op een blad "
            "'Klanten' onder een kop 'Klant'.",
            "{file} holds no data (every sheet is empty); enter the customers on a sheet "
            "'Customers' under a header 'Customer'.",
        ),
        "file.encrypted": (
            "{file} is met een wachtwoord beveiligd en kan niet worden gelezen; open het in "
            "Excel, haal het wachtwoord weg (Bestand > Info > Werkmap beveiligen > Versleutelen "
            "met wachtwoord) en sla het opnieuw op.",
            "{file} is protected with a password and cannot be read; open it in Excel, remove "
            "the password (File > Info > Protect Workbook > Encrypt with Password) and save it "
            "again.",
        ),
        "file.truncated": (
            "{file} is onvolledig of beschadigd (bijvoorbeeld door een afgebroken download of "
            "kopie); haal het bestand opnieuw op, of open het in Excel en sla het opnieuw op als "
            ".xlsx.",
            "{file} is incomplete or damaged (for example by an interrupted download or copy); "
            "fetch the file again, or open it in Excel and save it again as .xlsx.",
        ),
        "file.html": (
            "{file} is een webpagina (HTML) met de naam van een Excel-bestand; open het in Excel "
            "en sla het op als Excel-werkmap (.xlsx).",
            "{file} is a web page (HTML) with the name of an Excel file; open it in Excel and "
            "save it as an Excel workbook (.xlsx).",
        ),
        "file.text_named": (
            "{file} is een tekstbestand, geen Excel-werkmap; is het een CSV-export, geef het dan "
            "de extensie .csv, of open het in Excel en sla het op als .xlsx.",
            "{file} is a text file, not an Excel workbook; if it is a CSV export, give it the "
            "extension .csv, or open it in Excel and save it as .xlsx.",
        ),
        "file.damaged": (
            "{file} is beschadigd (de lijst met teksten belooft meer teksten dan erin staan); "
            "open het in Excel en sla het opnieuw op als .xlsx.",
            "{file} is damaged (its list of texts promises more texts than it holds); open it "
            "in Excel and save it again as .xlsx.",
        ),
        "file.unpacks_too_big": (
            "{file} wordt uitgepakt {size} groot, meer dan de grens van {limit}, en wordt niet "
            "gelezen; bewaar alleen de klantgegevens in een nieuwe werkmap (zonder overbodige "
            "bladen, afbeeldingen en opmaak) of splits het bestand.",
            "{file} unpacks to {size}, more than the limit of {limit}, and is not read; keep "
            "only the customer data in a new workbook (without extra sheets, images and "
            "formatting) or split the file.",
        ),
        "file.pack_ratio": (
            "{file} is te groot om veilig te lezen: onderdeel {part} wordt uitgepakt {size} uit "
            "{packed}, wat geen gewone werkmap doet; kopieer alleen de klantgegevens naar een "
            "nieuwe werkmap en gebruik die.",
            "{file} is too large to read safely: part {part} unpacks to {size} from {packed}, "
            "which no ordinary workbook does; copy only the customer data into a new workbook "
            "and use that.",
        ),
        "file.sheet_too_big": (
            "{where} is te groot om te lezen ({rows} rijen × {columns} kolommen = {cells} "
            "cellen, de grens is {limit}); verwijder lege of overbodige rijen en kolommen (ook "
            "ver weg op het blad) of splits de gegevens over meer bestanden.",
            "{where} is too large to read ({rows} rows × {columns} columns = {cells} cells, the "
            "limit is {limit}); delete empty or unneeded rows and columns (also far away on the "
            "sheet) or split the data over more files.",
        ),
        "file.csv_too_big": (
            "{file} is te groot om te lezen ({size}, de grens is {limit}); laat overbodige "
            "kolommen weg of splits het bestand.",
            "{file} is too large to read ({size}, the limit is {limit}); leave out unneeded "
            "columns or split the file.",
        ),
        "file.csv_too_many_cells": (
            "{file} is te groot om te lezen (ongeveer {cells} cellen, de grens is {limit}); laat "
            "overbodige kolommen weg of splits het bestand.",
            "{file} is too large to read (about {cells} cells, the limit is {limit}); leave out "
            "unneeded columns or split the file.",
        ),
        "file.parent_not_folder": (
            "'{folder}' is een bestand, geen map; kies met -o een uitvoerbestand in een "
            "bestaande map.",
            "'{folder}' is a file, not a folder; choose with -o an output file in an existing "
            "folder.",
        ),
        "file.no_permission": (
            "in de map '{folder}' mag niet worden geschreven (geen schrijfrechten); kies met -o "
            "een andere map.",
            "the folder '{folder}' cannot be written to (no write permission); choose another "
            "folder with -o.",
        ),
        "file.locked": (
            "'{file}' is geopend in een ander programma (bijvoorbeeld Excel) of alleen-lezen en "
            "kan niet worden vervangen; sluit het bestand en probeer het opnieuw, of kies met -o "
            "een andere naam.",
            "'{file}' is open in another program (for example Excel) or read-only and cannot be "
            "replaced; close the file and try again, or choose another name with -o.",
        ),
        "file.disk_full": (
            "'{file}' kan niet worden geschreven omdat de schijf vol is; maak ruimte vrij of "
            "kies met -o een andere schijf.",
            "'{file}' cannot be written because the disk is full; free some space or choose "
            "another disk with -o.",
        ),
        "err.empty_names": (
            "de kolom '{column}' is leeg; vul op elke rij de naam van de klant in.",
            "the column '{column}' is empty; fill in the customer's name on every row.",
        ),
        "warn.long_text": (
            "{count} cel(len) met meer dan {limit} tekens (de grens van Excel) zijn in de "
            "uitvoer ingekort, de eerste in kolom {column}, rij {row}.",
            "{count} cell(s) longer than {limit} characters (Excel's limit) were shortened in "
            "the output, the first in column {column}, row {row}.",
        ),
        # what an output does not carry over from its input workbook (files/carried.py)
        "warn.not_carried": (
            "{file}: niet overgenomen in de uitvoer (het staat nog in het invoerbestand, dat "
            "niet is gewijzigd): {items}.",
            "{file}: not carried into the output (it is still in the input file, which was "
            "not changed): {items}.",
        ),
        "carry.sheet": ("blad {sheet}", "sheet {sheet}"),
        "carry.sheet_with": ("blad {sheet} (met {items})", "sheet {sheet} (with {items})"),
        "carry.on_sheet": ("{items} op blad {sheet}", "{items} on sheet {sheet}"),
        "carry.chart": ("{count} grafiek(en)", "{count} chart(s)"),
        "carry.image": ("{count} afbeelding(en)", "{count} picture(s)"),
        "carry.shape": ("{count} vorm(en) of tekstvak(ken)", "{count} shape(s) or text box(es)"),
        "carry.comment": ("{count} opmerking(en)", "{count} comment(s)"),
        "carry.table": ("{count} Excel-tabel(len)", "{count} Excel table(s)"),
        "carry.pivot": ("{count} draaitabel(len)", "{count} pivot table(s)"),
        "carry.control": ("{count} knop(pen) of keuzelijst(en)", "{count} button(s) or control(s)"),
        "carry.object": ("{count} ingesloten object(en)", "{count} embedded object(s)"),
        "carry.formula": (
            "{count} formule(s) (alleen de uitkomst is overgenomen)",
            "{count} formula(s) (only the result was kept)",
        ),
        "carry.conditional": ("{count} voorwaardelijke opmaak", "{count} conditional format(s)"),
        "carry.validation": ("{count} gegevensvalidatie(s)", "{count} data validation(s)"),
        "carry.merged": ("{count} samengevoegde cel(len)", "{count} merged cell range(s)"),
        "carry.hyperlink": ("{count} hyperlink(s)", "{count} hyperlink(s)"),
        "carry.cell_images": ("{count} afbeelding(en) in cellen", "{count} picture(s) in cells"),
        "carry.vba": ("het VBA-project (macro's)", "the VBA project (macros)"),
        "carry.ribbon": ("het eigen lint (ribbon)", "the custom ribbon"),
        "carry.external": (
            "{count} koppeling(en) naar andere werkmappen",
            "{count} link(s) to other workbooks",
        ),
        "carry.names": ("{count} benoemd(e) bereik(en)", "{count} defined name(s)"),
        "carry.connections": ("gegevensverbindingen", "data connections"),
        "carry.slicers": ("{count} slicer(s) of tijdlijn(en)", "{count} slicer(s) or timeline(s)"),
        # ---- one read of the bytes; a guard that cannot be walked around ----
        "file.too_big": (
            "{file} is te groot om te lezen ({size}, de grens voor een werkmap is {limit}); "
            "bewaar alleen de klantgegevens in een nieuwe werkmap of splits het bestand.",
            "{file} is too large to read ({size}, the limit for a workbook is {limit}); keep "
            "only the customer data in a new workbook or split the file.",
        ),
        "file.no_read": (
            "'{file}' mag niet worden gelezen (geen leesrechten); geef uzelf leesrechten of "
            "kopieer het bestand naar een eigen map.",
            "'{file}' cannot be read (no read permission); give yourself read permission or "
            "copy the file to a folder of your own.",
        ),
        "file.read_failed": (
            "'{file}' kon niet worden gelezen (de schijf of de netwerkmap gaf een fout); "
            "kopieer het bestand naar een lokale map en probeer het opnieuw.",
            "'{file}' could not be read (the disk or network folder gave an error); copy the "
            "file to a local folder and try again.",
        ),
        "file.xml_encoding": (
            "{file}: onderdeel {part} is opgeslagen als {encoding}, wat Excel niet doet en wat "
            "niet kan worden gelezen; open het bestand in Excel of LibreOffice en sla het "
            "opnieuw op als .xlsx.",
            "{file}: part {part} is stored as {encoding}, which Excel does not do and which "
            "cannot be read; open the file in Excel or LibreOffice and save it again as .xlsx.",
        ),
        "file.xml_too_complex": (
            "{file} is te ingewikkeld om veilig te lezen: onderdeel {part} heeft meer "
            "elementen of is dieper genest (meer dan {depth} niveaus) dan een gewone werkmap; "
            "kopieer alleen de klantgegevens naar een nieuwe werkmap en gebruik die.",
            "{file} is too complex to read safely: part {part} has more elements or nests "
            "deeper (more than {depth} levels) than an ordinary workbook; copy only the "
            "customer data into a new workbook and use that.",
        ),
        "file.repeated_row": (
            "{where}: rij {row} staat meer dan eens in het bestand (het is beschadigd of niet "
            "door Excel gemaakt); open het in Excel, controleer rij {row} en sla het opnieuw op.",
            "{where}: row {row} appears more than once in the file (it is damaged or not made "
            "by Excel); open it in Excel, check row {row} and save it again.",
        ),
        "file.bad_reference": (
            "{where}: de celverwijzing '{ref}' bestaat niet in Excel (de laatste cel is "
            "XFD1048576), het bestand is beschadigd of niet door Excel gemaakt; open het in "
            "Excel en sla het opnieuw op als .xlsx.",
            "{where}: the cell reference '{ref}' does not exist in Excel (the last cell is "
            "XFD1048576), the file is damaged or not made by Excel; open it in Excel and save "
            "it again as .xlsx.",
        ),
        "file.sheet_text_too_big": (
            "{where} bevat te veel tekst om te lezen ({chars} tekens als elke cel haar "
            "gedeelde tekst krijgt, de grens is {limit}); verwijder lange teksten die in veel "
            "cellen herhaald worden of splits de gegevens over meer bestanden.",
            "{where} holds too much text to read ({chars} characters once every cell gets its "
            "shared text, the limit is {limit}); delete long texts repeated in many cells or "
            "split the data over more files.",
        ),
        "file.csv_binary": (
            "{file} bevat nul-tekens en is geen tekstbestand dat als CSV kan worden gelezen; "
            "exporteer de gegevens opnieuw als CSV (UTF-8).",
            "{file} contains null characters and is not a text file that can be read as CSV; "
            "export the data again as CSV (UTF-8).",
        ),
        "file.csv_field": (
            "{file}, regel {line}: hier begint een veld dat nooit eindigt of langer is dan "
            '{limit} tekens (meestal een aanhalingsteken " dat niet wordt gesloten); sluit of '
            "verwijder het aanhalingsteken en probeer het opnieuw.",
            "{file}, line {line}: a field starts here that never ends or is longer than "
            '{limit} characters (usually a quote " that is never closed); close or remove '
            "the quote and try again.",
        ),
        "file.temp_full": (
            "de map voor tijdelijke bestanden ({folder}) is vol, er is niets geschreven; maak "
            "daar ruimte vrij of wijs met de omgevingsvariabele TMPDIR (Windows: TEMP) een "
            "andere map aan.",
            "the folder for temporary files ({folder}) is full, nothing was written; free some "
            "space there or point the environment variable TMPDIR (Windows: TEMP) at another "
            "folder.",
        ),
        # macros and xlwings.conf of an input macro workbook (workbook/carry.py)
        "warn.macros_dropped": (
            "{file}: het VBA-project is niet overgenomen in de uitvoer, omdat het niet dat "
            "van Klantanalyse is (modules: {modules}); macro's uit een ander bestand worden "
            "nooit zonder vragen meegenomen, gebruik --keep-macros als u ze vertrouwt.",
            "{file}: the VBA project was not carried into the output because it is not "
            "Klantanalyse's (modules: {modules}); macros from another file are never taken "
            "along without asking, use --keep-macros if you trust them.",
        ),
        "warn.macros_risky": (
            "{file}: het VBA-project is met --keep-macros overgenomen (modules: {modules}) en "
            "bevat code die bij openen start of programma's aanroept ({words}); open de "
            "uitvoer alleen met macro's aan als u de maker vertrouwt.",
            "{file}: the VBA project was kept with --keep-macros (modules: {modules}) and "
            "holds code that runs on opening or starts programs ({words}); only enable "
            "macros in the output if you trust its maker.",
        ),
        "warn.conf_dropped": (
            "{file}: instellingen op blad xlwings.conf niet overgenomen ({keys}); alleen "
            "'UDF MODULES' van Klantanalyse gaat mee, gebruik --keep-macros als u ze "
            "vertrouwt.",
            "{file}: settings on sheet xlwings.conf not carried over ({keys}); only "
            "Klantanalyse's 'UDF MODULES' goes along, use --keep-macros if you trust them.",
        ),
        "warn.conf_kept": (
            "{file}: instellingen op blad xlwings.conf met --keep-macros overgenomen ({keys}); "
            "die bepalen welk Python-programma de werkmap start.",
            "{file}: settings on sheet xlwings.conf kept with --keep-macros ({keys}); they "
            "decide which Python program the workbook starts.",
        ),
        "warn.protected": (
            "{where} is beveiligd; de gegevens zijn gelezen, maar de uitvoer is niet beveiligd.",
            "{where} is protected; its data was read, but the output is not protected.",
        ),
        "warn.protected_book": (
            "{file}: de werkmapstructuur is beveiligd; de uitvoer is niet beveiligd.",
            "{file}: the workbook structure is protected; the output is not protected.",
        ),
        "warn.input_changed": (
            "{file} is tijdens de analyse gewijzigd; de uitvoer is gemaakt uit het bestand "
            "zoals het aan het begin was, start de analyse opnieuw voor de nieuwe versie.",
            "{file} changed during the analysis; the output was made from the file as it was "
            "at the start, run the analysis again for the new version.",
        ),
        "warn.input_gone": (
            "{file} is tijdens de analyse verwijderd of verplaatst; de uitvoer is gemaakt uit "
            "het bestand zoals het aan het begin was.",
            "{file} was deleted or moved during the analysis; the output was made from the "
            "file as it was at the start.",
        ),
        "warn.chart_capped": (
            "de grafiek op blad Matrix heeft plaats voor {count} van de {total} klanten: hij toont "
            "{chosen}; alle klanten staan wel in de tabellen.",
            "the chart on sheet Matrix has room for {count} of the {total} customers: it shows "
            "{chosen}; all customers are in the tables.",
        ),
        "chart.chosen.ab": (
            "alle A- en B-klanten en een gelijkmatige spreiding van de C-klanten",
            "every A and B customer and an even spread of the C customers",
        ),
        "chart.chosen.a": (
            "alle A-klanten en een gelijkmatige spreiding van de B-klanten (geen C)",
            "every A customer and an even spread of the B customers (no C)",
        ),
        "chart.chosen.spread": (
            "een gelijkmatige spreiding van de A-klanten (geen B en C)",
            "an even spread of the A customers (no B or C)",
        ),
        "chart.note": (
            "Grafiek: {count} van {total} klanten, {chosen}.",
            "Chart: {count} of {total} customers, {chosen}.",
        ),
    }
)
