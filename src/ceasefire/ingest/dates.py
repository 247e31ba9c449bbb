"""Reading a publication date given as text (flags, JSONL/CSV fields, feed and WARC dates)."""

from __future__ import annotations

from datetime import date, datetime
from email.utils import parsedate_to_datetime

import dateparser  # type: ignore[import-untyped]

from ceasefire.errors import InputError

# Only absolute dates with day, month and year: "yesterday" or "May 2020" would be
# read relative to today's clock, which makes the same input give different output.
_DATEPARSER_SETTINGS = {
    "PARSERS": ["absolute-time"],
    "STRICT_PARSING": True,
    "RETURN_AS_TIMEZONE_AWARE": False,
}


def parse_published(value: str, *, origin: str | None = None, line: int | None = None) -> date:
    """The calendar date ``value`` names, in the time zone it was written in.

    ISO dates and datetimes and RFC 2822 dates (feeds, e-mail, WARC) are read exactly;
    anything else goes to dateparser, which must find a full day, month and year.
    Raises ``InputError`` otherwise, so a bad date is reported rather than guessed.
    """
    text = value.strip() if isinstance(value, str) else ""
    if text:
        parsed = _parse_exact(text)
        if parsed is None:
            parsed = _parse_loose(text)
        if parsed is not None:
            return parsed
    raise InputError(f"unparseable date '{value}': use YYYY-MM-DD", origin=origin, line=line)


def _parse_exact(text: str) -> date | None:
    try:
        return date.fromisoformat(text)
    except ValueError:
        pass
    try:
        return datetime.fromisoformat(text).date()
    except ValueError:
        pass
    try:
        return parsedate_to_datetime(text).date()
    except (TypeError, ValueError, IndexError):
        return None


def _parse_loose(text: str) -> date | None:
    try:
        parsed = dateparser.parse(text, settings=_DATEPARSER_SETTINGS)
    except (ValueError, OverflowError, TypeError):
        return None
    return parsed.date() if parsed else None
