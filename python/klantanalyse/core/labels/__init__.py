"""Every user-facing text, in Dutch and English: nothing else in the package holds prose.

`text(key, lang, **values)` formats one message; `header(key, lang)` gives a column header.
The shared tables live in `base`; each feature adds its texts in a module of its own.
"""

from .affinity import *  # noqa: F403
from .base import *  # noqa: F403
from .demo import *  # noqa: F403
from .excel import *  # noqa: F403
from .files import *  # noqa: F403
from .orders import *  # noqa: F403
from .output import *  # noqa: F403
from .portfolio import *  # noqa: F403
from .prospects import *  # noqa: F403
from .workbook import *  # noqa: F403

# Every result column any feature may write; a header of one of these is never an input.
ALL_RESULT_KEYS: tuple[str, ...] = (
    RESULT_KEYS  # noqa: F405
    + HISTORY_KEYS  # noqa: F405
    + PROFIT_KEYS  # noqa: F405
    + PORTFOLIO_KEYS  # noqa: F405
    + SIMILARITY_KEYS  # noqa: F405
)
