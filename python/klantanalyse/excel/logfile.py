"""Where unexpected errors of the Excel front are written, so a user can send them along."""

from __future__ import annotations


def log_path() -> str:
    """The log file: klantanalyse.log in the user's temporary folder."""
    import os
    import tempfile

    return os.path.join(tempfile.gettempdir(), "klantanalyse.log")


def log_exception(context: str) -> str:
    """Append the exception being handled, with `context`, to the log; return the path.

    Never raises: if the log cannot be written, the path is still returned.
    """
    import datetime as dt
    import traceback

    path = log_path()
    try:
        with open(path, "a", encoding="utf-8") as handle:
            handle.write(f"--- {dt.datetime.now():%Y-%m-%d %H:%M:%S} {context}\n")
            handle.write(traceback.format_exc())
    except OSError:
        pass
    return path
