"""Every user-facing text, in Dutch and English: nothing else in the package holds prose.

`text(key, lang, **values)` formats one message; `header(key, lang)` gives a column header.
The shared tables live in `base`; each feature adds its texts in a module of its own.
"""

from .actions import *  # noqa: F403
from .affinity import *  # noqa: F403
from .base import *  # noqa: F403
from .demo import *  # noqa: F403
from .excel import *  # noqa: F403
from .files import *  # noqa: F403
from .headers import *  # noqa: F403
from .lite import *  # noqa: F403
from .orders import *  # noqa: F403
from .output import *  # noqa: F403
from .portfolio import *  # noqa: F403
from .progress import *  # noqa: F403
from .prospects import *  # noqa: F403
from .reference import *  # noqa: F403
from .workbook import *  # noqa: F403

# Every result column any feature may write; a header of one of these is never an input.
ALL_RESULT_KEYS: tuple[str, ...] = (
    RESULT_KEYS  # noqa: F405
    + HISTORY_KEYS  # noqa: F405
    + PROFIT_KEYS  # noqa: F405
    + PORTFOLIO_KEYS  # noqa: F405
    + SIMILARITY_KEYS  # noqa: F405
)

# Result columns that hold a key (a word of the vocabulary): the key -> (Dutch, English).
RESULT_WORDS: dict[str, dict[object, tuple[str, str]]] = {
    "revenue_class": REVENUE_CLASSES,  # noqa: F405
    "signal": SIGNALS,  # noqa: F405
    "customer_type": CUSTOMER_TYPES,  # noqa: F405
    "action": ACTIONS,  # noqa: F405
    "untapped": {True: YES_NO[True]},  # noqa: F405
}


def result_words(key: str, values: list, lang: str = "nl") -> list:
    """The words shown for the keys in a result column (other columns: `values` as they are)."""
    table = RESULT_WORDS.get(key)
    if table is None:
        return values
    import numpy as np
    import pandas as pd

    pick = 1 if lang == "en" else 0
    keys = np.empty(len(values), dtype=object)
    keys[:] = values
    codes, distinct = pd.factorize(keys)  # each distinct key looked up once; blank: code -1
    words = [table[v][pick] if v in table else None for v in distinct.tolist()] + [None]
    return np.array(words, dtype=object)[codes].tolist()


def result_word(key: str, value: object, lang: str = "nl") -> object:
    """The word shown for one key of a result column."""
    return result_words(key, [value], lang)[0]
