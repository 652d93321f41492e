"""Sheet names, code names and table names of the workbook."""

from __future__ import annotations

from ..core.a1 import MAX_ROWS as LAST_ROW  # noqa: F401
from ..core.labels import SHEET_NAMES

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
