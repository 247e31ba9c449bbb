"""Errors for people: each says what was wrong with which input, and what to do.

The CLI turns any ``CeasefireError`` into one line on stderr and a non-zero exit.
"""

from __future__ import annotations


class CeasefireError(Exception):
    """Base of every error the project raises on purpose."""


class InputError(CeasefireError):
    """An input could not be read as a document.

    ``origin`` names the input (a path, a URL); ``line`` the line of a JSONL/CSV file, when known.
    """

    def __init__(self, message: str, *, origin: str | None = None, line: int | None = None):
        self.origin = origin
        self.line = line
        self.reason = message
        where = origin or "input"
        if line is not None:
            where = f"{where}:{line}"
        super().__init__(f"{where}: {message}")


class ConfigurationError(CeasefireError):
    """A setting, data file or model the project needs is missing or invalid."""


class StoreError(CeasefireError):
    """The event store could not be opened or written."""
