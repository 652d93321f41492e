"""An English run is English: every sheet name, table name, cell, chart title and line of the
command's output of `klantanalyse analyse --lang en` on the demo workbook is scanned for
Dutch words.

What may stay Dutch: the user's own data and headers (the demo's customers, sectors and
columns are Dutch: they are never translated), the product's name, and the names of the
ribbon's buttons and of the worksheet functions, which the workbook has in Dutch only (the
ribbon is static XML: templates/ribbon/customUI.xml). Everything else is ours and English.

The Dutch vocabulary is two lists: a hand-made list of common Dutch words, and the words of
the package's own Dutch texts that none of its English texts use.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import openpyxl
import pandas as pd
import pytest

from conftest import ROOT
from klantanalyse.cli import main
from klantanalyse.core import labels

DEMO = ROOT / "templates" / "demo"
WORD = re.compile(r"[A-Za-zÀ-ÿ]+(?:-[A-Za-zÀ-ÿ]+)*")

COMMON_DUTCH = set(
    """
    de het een van en niet geen voor met bij uit naar zijn wordt werd heeft hebben deze dit
    die dat wat wie waarom wanneer hoe ook nog al maar dan als tot sinds tegen vaker minder
    meer keer klant klanten omzet blad bladen peildatum maand maanden mnd jaar gem
    laatste eerste totaal aandeel advies melding signaal actie reden instelling instellingen
    verwantschap actielijst gedaan bezoeken bezoek bellen kwartaal heroverwegen slapend
    aandacht potentie ontwikkelen onderhouden bloeiend boeiend vermoeiend hoog midden laag
    ja nee grens samenvatting walviscurve klantenpiramide portefeuille gelijkenis onbenut
    potentieel gemiddeld waarde uitleg taal regel kolom rij rijen leeg vul klik knop
    """.split()
)


def _words(text: str) -> set[str]:
    return {w.casefold() for w in WORD.findall(text)}


def _ours(lang: int) -> list[str]:
    """Every text of the package in one language (0 Dutch, 1 English)."""
    texts = [pair[lang] for pair in labels.TEXTS.values()]
    texts += [pair[lang] for pair in labels.HEADERS.values()]
    texts += [row[lang] for row in labels.SETTING_LABELS.values()]
    texts += [row[2 + lang] for row in labels.SETTING_LABELS.values()]
    for table in labels.RESULT_WORDS.values():
        texts += [pair[lang] for pair in table.values()]
    texts += [pair[lang] for pair in labels.ACTION_KINDS.values()]
    texts += [pair[lang] for pair in labels.DEFAULT_ADVICE.values()]
    texts += [row[lang] for row in labels.START_TOP + labels.START_SETUP]
    texts += [row[2 + lang] for row in labels.START_TOP + labels.START_SETUP]
    return texts


ANSWERS = ("Marge", "Snelheid", "Innovatie", "Netwerk")  # Ja/Nee: never in our own texts


def _data_strings() -> list[str]:
    """The user's data that our texts quote: the headers and text values of the demo's input
    files (names, sectors, regions, product groups), longest first (so that
    'Installatiebedrijf Bakker & Zn.' goes before 'Bakker')."""
    found: set[str] = set()
    for name in ("klanten.csv", "orders.csv", "prospects.csv"):
        frame = pd.read_csv(DEMO / name, dtype=str)
        found |= {str(c) for c in frame.columns}
        for column in frame.columns.difference(ANSWERS):
            found |= {v for v in frame[column].dropna().unique() if not v[:1].isdigit()}
    return sorted(found, key=len, reverse=True)


def _input_columns() -> set[str]:
    """The headers of the demo's input columns: what is below them is the user's."""
    found: set[str] = set()
    for name in ("klanten.csv", "prospects.csv"):
        found |= set(pd.read_csv(DEMO / name, nrows=0).columns)
    return found


def _fixed_names() -> list[str]:
    """The product's name, the ribbon's labels and the worksheet functions' names."""
    ribbon = ET.parse(ROOT / "templates" / "ribbon" / "customUI.xml").getroot()
    found = {e.get("label") for e in ribbon.iter() if e.get("label")}
    found |= {"Klantanalyse", "KLANTSCORE", "OMZETKLASSE", "GELIJKENIS", "SEGMENT", "NL", "EN"}
    return sorted(found, key=len, reverse=True)


@pytest.fixture(scope="module")
def vocabulary() -> set[str]:
    english = set().union(*(_words(t) for t in _ours(1)))
    dutch = set().union(*(_words(t) for t in _ours(0))) - english
    data = set().union(*(_words(t) for t in _data_strings()))
    return (dutch | COMMON_DUTCH) - data


# our Dutch sheet names that are not English: 'sheet Instellingen' is Dutch even though
# Instellingen is also a button's name
DUTCH_SHEETS = ("Actielijst", "Klanten", "Verwantschap", "Instellingen")


def dutch_words(text: str, vocabulary: set[str], data: list[str], fixed: list[str]) -> set[str]:
    """The Dutch words of `text`, once the user's data and the fixed names are taken out."""
    named = {
        name.casefold()
        for name in DUTCH_SHEETS
        if re.search(rf"\bsheets?\s+(?:[\w.]+(?:,\s+|\s+and\s+))*{name}\b", text)
    }
    for value in (*fixed, *data):
        if value in text:
            text = re.sub(rf"(?<!\w){re.escape(value)}(?!\w)", " ", text)
    return (_words(text) & vocabulary) | named


@pytest.fixture(scope="module")
def english_run(tmp_path_factory):
    out = tmp_path_factory.mktemp("english") / "demo-en.xlsm"
    import contextlib
    import io

    stdout, stderr = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
        code = main(["analyse", str(ROOT / "klantanalyse.xlsm"), "--lang", "en", "-o", str(out)])
    assert code == 0, stderr.getvalue()
    return out, stdout.getvalue() + stderr.getvalue()


def test_the_vocabulary_finds_dutch(vocabulary):
    """The scan can fail: a Dutch sentence of ours is found, an English one is not."""
    data, fixed = _data_strings(), _fixed_names()
    # 'analyse' is English too
    assert dutch_words("Laatste analyse: geen klanten", vocabulary, data, fixed) == {
        "laatste", "geen", "klanten",
    }  # fmt: skip
    assert dutch_words("Segment A: Ja", vocabulary, data, fixed) == {"ja"}
    assert dutch_words("sheet Klanten", vocabulary, data, fixed) == {"klanten"}
    assert dutch_words("Opens sheet Instellingen", vocabulary, data, fixed) == {"instellingen"}
    assert dutch_words("Instellingen", vocabulary, data, fixed) == set()  # the button
    assert dutch_words("Last analysis: no customer", vocabulary, data, fixed) == set()
    assert dutch_words("Bouwbedrijf Van Dijk BV, Sector", vocabulary, data, fixed) == set()


def test_an_english_run_has_no_dutch_sheet_name_header_or_message(english_run, vocabulary):
    out, console = english_run
    data, fixed = _data_strings(), _fixed_names()
    book = openpyxl.load_workbook(out)
    found: dict[str, set[str]] = {}

    def scan(where: str, text: object) -> None:
        if isinstance(text, str):
            words = dutch_words(text, vocabulary, data, fixed)
            if words:
                found[where] = words

    inputs = _input_columns()
    for ws in book.worksheets:
        scan(f"sheet name {ws.title}", ws.title)
        for name in ws.tables:
            scan(f"table {name}", name)
        if ws.title == "Orders":  # the user's order lines as given
            continue
        users = set()
        if ws.title in ("Customers", "Prospects"):  # the input columns are the user's
            users = {c.column for c in ws[1] if c.value in inputs}
        for row in ws.iter_rows():
            for cell in row:
                if cell.column not in users:
                    scan(f"{ws.title}!{cell.coordinate}", cell.value)
        for chart in ws._charts:
            for title in _chart_titles(chart):
                scan(f"{ws.title} chart", title)
    for line in console.splitlines():
        scan("console", line)
    assert {where: sorted(words) for where, words in found.items()} == {}
    assert book.sheetnames == [
        "Start", "Actions", "Customers", "Orders", "Prospects", "Matrix", "Affinity",
        "Settings", "xlwings.conf",
    ]  # fmt: skip


def _chart_titles(chart) -> list[str]:
    """The texts of a chart's title and axis titles."""
    texts = []
    for title in (chart.title, chart.x_axis.title, chart.y_axis.title):
        if title is None or title.tx is None or title.tx.rich is None:
            continue
        for paragraph in title.tx.rich.p:
            texts += [run.t for run in paragraph.r or []]
    return texts


def test_an_english_run_reads_back_in_either_language(english_run, tmp_path):
    """The English workbook analysed again (in Dutch): its Customers, Settings and Actions
    sheets are read, and the Dutch run writes Dutch names."""
    out, _ = english_run
    again = tmp_path / "weer.xlsx"
    assert main(["analyse", str(out), "--lang", "nl", "-o", str(again)]) == 0
    book = openpyxl.load_workbook(again)
    assert book.sheetnames[:2] == ["Actielijst", "Klanten"]
    assert book["Klanten"].max_row == 61


def test_no_line_about_prospects_when_there_are_none(tmp_path, capsys):
    out = tmp_path / "o.xlsx"
    assert main(["analyse", str(DEMO / "klanten.csv"), "--lang", "en", "-o", str(out)]) == 0
    printed = "\n".join(capsys.readouterr().out.splitlines()[1:])  # after the file's name
    assert "prospect" not in printed.lower()
    assert "Affinity:" in printed  # the look-alike customers are still counted
