"""One error hierarchy; every message is a sentence a person can act on."""

from __future__ import annotations


class KlantanalyseError(Exception):
    """Base class: the message says what is wrong, where, and how to fix it."""

    exit_code = 1

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class InputError(KlantanalyseError):
    """The customer or order data cannot be analysed (missing column, no data)."""


class OrderError(InputError):
    """The order history cannot be analysed (missing column, no order lines)."""


class SettingsError(KlantanalyseError):
    """A value on the Instellingen sheet is not valid."""


class FileError(KlantanalyseError):
    """A file cannot be read or written (missing, locked, wrong format)."""

    exit_code = 2


class Stopped(BaseException):
    """The process was told to stop (SIGTERM, SIGHUP): unwinds like Ctrl+C, so that no
    temporary file stays behind and a previous output stays as it was."""

    def __init__(self, signal_number: int):
        super().__init__(signal_number)
        self.exit_code = 128 + signal_number
