"""Publication dates: exact formats first, dateparser only for full absolute dates."""

from __future__ import annotations

from datetime import date

import pytest

from ceasefire.errors import InputError
from ceasefire.ingest import parse_published


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2020-05-07", date(2020, 5, 7)),
        ("  2020-05-07\n", date(2020, 5, 7)),
        ("2020-05-07T23:30:00Z", date(2020, 5, 7)),
        ("2020-05-07 08:15:00+03:00", date(2020, 5, 7)),
        ("Thu, 07 May 2020 23:30:00 +0300", date(2020, 5, 7)),  # its own zone, not UTC
        ("Thu, 07 May 2020 10:00:00 GMT", date(2020, 5, 7)),
        ("7 May 2020", date(2020, 5, 7)),
        ("May 7, 2020", date(2020, 5, 7)),
        ("5 mai 2020", date(2020, 5, 5)),
    ],
)
def test_dates_that_are_read(value: str, expected: date) -> None:
    assert parse_published(value) == expected


@pytest.mark.parametrize("value", ["xyz", "", "yesterday", "2 days ago", "May 2020", "Thursday"])
def test_dates_that_are_refused_rather_than_guessed(value: str) -> None:
    with pytest.raises(InputError) as caught:
        parse_published(value)
    assert caught.value.reason == f"unparseable date '{value}': use YYYY-MM-DD"


def test_error_names_origin_and_line() -> None:
    with pytest.raises(InputError) as caught:
        parse_published("xyz", origin="docs.jsonl", line=3)
    assert str(caught.value) == "docs.jsonl:3: unparseable date 'xyz': use YYYY-MM-DD"
    assert caught.value.line == 3
