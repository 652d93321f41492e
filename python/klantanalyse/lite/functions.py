"""The worksheet functions of the Lite workbook: =SEGMENT, =KLANTSCORE, =OMZETKLASSE,
=GELIJKENIS, with the same answers as the macro workbook's (`core.lookup` holds them).

A Lite custom function gets only its arguments: it cannot read the Klanten, Orders,
Instellingen or Prospects sheets as the classic functions do. So the answers that need the
whole customer list come from the last analysis of the open workbook: Analyseer klanten
leaves it here (`remember`), Wis resultaten takes it away (`forget`). Without one, =SEGMENT
of a name says "klik eerst op Analyseer klanten".

A row of the customer table (=SEGMENT(Klanten!A2:R2)) needs no analysis since the file was opened:
it is scored from its own values with the settings and revenue-class limits stored in the
workbook when it was built (`Basis`, in the embedded package), exactly as that analysis
scored it. =OMZETKLASSE and =KLANTSCORE work the same way. Every answer is a value or a
short text, never an error.

The functions are volatile in main.py: Excel calculates them again after a script wrote its
results, so a cell follows the last analysis.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..core import labels
from ..core.lookup import Lookup, ProspectLookup, flatten, revenue_class_of, score_of
from ..errors import InputError, KlantanalyseError

BASIS_FILE = "basis.json"  # in the embedded package, next to this module


@dataclass
class Last:
    """The last analysis of the open workbook, and what the functions look up in it."""

    run: Any  # the Run of Analyseer klanten
    headers: list[object]  # input headers of the analysed Klanten table
    prospects: Any = None  # the Prospects table as read (inputs only), or None
    _lookup: Lookup | None = field(default=None, repr=False)
    _prospects: ProspectLookup | None = field(default=None, repr=False)

    def lookup(self) -> Lookup:
        if self._lookup is None:
            self._lookup = Lookup.build(self.run.analysis, self.headers)
        return self._lookup

    def prospect_lookup(self) -> ProspectLookup:
        if self._prospects is None:
            frame = None if self.prospects is None else self.prospects.frame
            profile = self.run.affinity.profile
            self._prospects = ProspectLookup.build(profile, frame, self.run.lang)
        return self._prospects


@dataclass(frozen=True)
class Basis:
    """What a row of the customer table is scored with when there is no analysis since the
    file was opened: the settings, the revenue-class limits and the input headers of the
    analysis the workbook was built with."""

    settings: Any  # Settings
    limits: Any  # ClassLimits
    headers: tuple[str, ...]

    @classmethod
    def of(cls, run: Any) -> Basis:
        headers = tuple(str(h) for h in run.tables.customers.frame.columns)
        return cls(run.settings, run.analysis.limits, headers)

    def to_json(self) -> str:
        """The basis as text, for the embedded package (dates as ISO dates)."""
        rows = [[label, _plain(value)] for label, value, _ in self.settings.to_rows()]
        limits = self.limits
        data = {
            "settings": rows,
            "limits": [limits.high, limits.mid, limits.method],
            "headers": list(self.headers),
        }
        return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n"

    @classmethod
    def from_json(cls, text: str) -> Basis:
        from ..core.grid import ClassLimits
        from ..core.settings import Settings

        data = json.loads(text)
        settings, _ = Settings.from_rows([tuple(row) for row in data["settings"]])
        high, mid, method = data["limits"]
        return cls(settings, ClassLimits(high, mid, method), tuple(data["headers"]))

    def segment_of_row(self, values: Sequence[object]) -> str:
        """The segment of one row of the customer table, from its own values."""
        import pandas as pd

        from ..core import grid
        from ..core.analysis import analyse

        lang = self.settings.lang
        width = len(self.headers)
        row = list(values[:width]) + [None] * (width - len(values))
        frame = pd.DataFrame([row], columns=list(self.headers), index=[2], dtype=object)
        try:
            result = analyse(frame, self.settings).results.iloc[0]
        except InputError as error:
            return error.message
        if result["segment"] is None and result["message"]:
            return labels.text("udf.no_segment", lang)
        key = self.limits.class_of(float(result["value"]))
        if key is None:
            return labels.text("udf.no_customers", lang)
        scores = pd.Series([int(result["score"])])
        return str(grid.segment(pd.Series([key]), scores, self.settings).iloc[0])


def _plain(value: object) -> object:
    return value.isoformat() if isinstance(value, (dt.date, dt.datetime)) else value


_last: Last | None = None
_last_lang: list[str] = []  # the language of the last analysis, also after Wis resultaten
_basis: list[Basis | None] = []  # [] until read from the embedded package


def remember(run: Any, customers: Any, prospects: Any = None) -> None:
    """Keep the run of Analyseer klanten (its Klanten table as read, its Prospects table)."""
    global _last
    _last = Last(run, list(customers.frame.columns), prospects)
    _last_lang[:] = [run.lang]


def forget() -> None:
    """Wis resultaten: no analysis any more."""
    global _last
    _last = None


def last() -> Last | None:
    return _last


def basis() -> Basis | None:
    """The basis stored in the embedded package (None outside it)."""
    if not _basis:
        _basis.append(_read_basis())
    return _basis[0]


def set_basis(value: Basis | None) -> None:
    """Use `value` as the workbook's basis (tests, and a package without one)."""
    _basis[:] = [value]


def _read_basis() -> Basis | None:
    import pkgutil

    try:
        data = pkgutil.get_data(__package__, BASIS_FILE)
    except OSError:
        return None
    return None if data is None else Basis.from_json(data.decode("utf-8"))


def lang() -> str:
    """The language of the answers: the last analysis', else the workbook's basis'."""
    if _last is not None:
        return _last.run.lang
    if _last_lang:
        return _last_lang[0]
    found = basis()
    return found.settings.lang if found is not None else "nl"


def _first() -> str:
    return labels.text("lite.analyse_first", lang())


def guarded(compute: Callable[[], Any]) -> Any:
    """One function call: its value, or a short text (never an error in the cell)."""
    try:
        return compute()
    except KlantanalyseError as error:
        return error.message
    except Exception as error:  # noqa: BLE001 - a cell must never show a traceback
        return labels.text("lite.failed", lang(), error=type(error).__name__)


# ---- the four functions ------------------------------------------------------------------


def segment(klant: object) -> str:
    """=SEGMENT(klant): by name from the last analysis; a row of the table also without."""

    def compute() -> str:
        values = flatten(klant)
        if all(_blank(v) for v in values):
            return ""
        if _last is not None:
            return _last.lookup().segment_of(klant)
        found = basis()
        if len(values) > 1 and found is not None:
            return found.segment_of_row(values)
        return _first()

    return guarded(compute)


def score(marge: object, snelheid: object = None, innovatie: object = None, netwerk=None):
    """=KLANTSCORE(marge; snelheid; innovatie; netwerk) or =KLANTSCORE(D2:G2): 0-4."""

    def compute() -> int | str:
        if isinstance(marge, list) and snelheid is None and innovatie is None and netwerk is None:
            return score_of(marge, lang())
        return score_of([marge, snelheid, innovatie, netwerk], lang())

    return guarded(compute)


def revenue_class(omzet: object) -> str:
    """=OMZETKLASSE(omzet): Hoog/Midden/Laag with the limits of the last analysis (or of
    the workbook's basis)."""

    def compute() -> str:
        if _last is not None:
            return _last.lookup().revenue_class_of(omzet)
        found = basis()
        if found is None:
            return _first()
        return revenue_class_of(omzet, found.settings, found.limits)

    return guarded(compute)


def similarity(prospect: object) -> int | str:
    """=GELIJKENIS(prospect): the Gelijkenis of a prospect (by name, or a row), from the
    profile of the last analysis."""

    def compute() -> int | str:
        if all(_blank(v) for v in flatten(prospect)):
            return ""
        if _last is None:
            return _first()
        return _last.prospect_lookup().similarity_of(prospect)

    return guarded(compute)


def _blank(value: object) -> bool:
    from ..core.columns import is_blank

    return is_blank(value)
