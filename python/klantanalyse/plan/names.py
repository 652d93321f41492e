"""Sheet names, code names and table names of the workbook."""

from __future__ import annotations

from ..core.a1 import MAX_ROWS as LAST_ROW  # noqa: F401
from ..core.labels import SHEET_ALIASES, SHEET_NAMES, SHEET_NAMES_EN, TABLE_NAMES

# sheet name -> codeName (the VBA document module of that sheet)
SHEETS: dict[str, str] = {
    SHEET_NAMES["start"]: "shStart",
    SHEET_NAMES["actions"]: "shActielijst",
    SHEET_NAMES["customers"]: "shKlanten",
    SHEET_NAMES["orders"]: "shOrders",
    SHEET_NAMES["prospects"]: "shProspects",
    SHEET_NAMES["matrix"]: "shMatrix",
    SHEET_NAMES["affinity"]: "shVerwantschap",
    SHEET_NAMES["settings"]: "shInstellingen",
    SHEET_NAMES["conf"]: "shConf",
}
START, ACTIONS, CUSTOMERS, ORDERS, PROSPECTS, MATRIX, AFFINITY, SETTINGS, CONF = SHEETS
CUSTOMER_TABLE = "tblKlanten"
ACTION_TABLE = "tblActielijst"
PROSPECT_TABLE = "tblProspects"
UDF_MODULE = "klantanalyse.excel.udfs"  # the module xlwings imports the functions from


def shown_name(name: str, lang: str) -> str:
    """The name of the sheet `name` (as in SHEETS) in a workbook in `lang`: Klanten is
    Customers in English."""
    if lang != "en":
        return name
    for key, dutch in SHEET_NAMES.items():
        if dutch == name:
            return SHEET_NAMES_EN[key]
    return name


def shown_table(name: str, lang: str) -> str:
    """The name of a table we write in `lang`: tblKlanten is tblCustomers in English."""
    for dutch, english in TABLE_NAMES:
        if name == dutch:
            return english if lang == "en" else dutch
    return name


def other_names(name: str) -> tuple[str, ...]:
    """`name` and the other names the same sheet (or table) may have, in either language."""
    for aliases in SHEET_ALIASES.values():
        if name in aliases:
            return (name, *(a for a in aliases if a != name))
    for pair in TABLE_NAMES:
        if name in pair:
            return (name, *(a for a in pair if a != name))
    return (name,)
