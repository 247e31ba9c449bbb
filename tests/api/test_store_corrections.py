"""The corrections audit trail at the library level (the API tests drive it over HTTP)."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from api_builders import seed_store

from ceasefire.errors import StoreError
from ceasefire.store import open_store
from ceasefire.store.corrections import (
    add_corrections,
    apply_corrections,
    corrections_by_event,
    corrections_for,
)

MONDAY = datetime(2024, 6, 3, 9, 30, tzinfo=UTC)


def test_corrections_stack_and_keep_the_original(tmp_path: Path) -> None:
    db = str(tmp_path / "events.db")
    seed_store(db)
    with open_store(db) as store:
        first = add_corrections(store, "ev-patrol", {"event_date": date(2020, 5, 4), "latitude": 36},
                                author="a", at=MONDAY, reason="wire says the 4th")
        assert [(c.field, c.old_value, c.new_value) for c in first] == [
            ("event_date", date(2020, 5, 5), date(2020, 5, 4)),
            ("latitude", 35.8696, 36.0),
        ]
        second = add_corrections(store, "ev-patrol", {"event_date": date(2020, 5, 3)},
                                 author="b", at=MONDAY)
        assert second[0].old_value == date(2020, 5, 4)
        trail = corrections_for(store, "ev-patrol")
        assert [c.author for c in trail] == ["a", "a", "b"]
        assert trail[0].created_at == MONDAY and trail[0].reason == "wire says the 4th"
        original = store.get_event("ev-patrol")
        assert original is not None and original.event_date == date(2020, 5, 5)
        corrected = apply_corrections(original, trail)
        assert corrected.event_date == date(2020, 5, 3) and corrected.latitude == 36.0
        assert set(corrections_by_event(store, ["ev-patrol", "ev-clash"])) == {"ev-patrol"}
        assert add_corrections(store, "ev-patrol", {"latitude": 36.0}, author="c", at=MONDAY) == []


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"confidence": 1.0}, "'confidence' cannot be corrected"),
        ({"fatalities": "3"}, "fatalities must be a int"),
        ({"fatalities": True}, "fatalities must be a int"),
        ({"event_date": datetime(2020, 5, 5)}, "must be a date, not a date and time"),
    ],
)
def test_bad_corrections_raise_value_error(
    tmp_path: Path, changes: dict[str, object], message: str
) -> None:
    db = str(tmp_path / "events.db")
    seed_store(db)
    with open_store(db) as store, pytest.raises(ValueError, match=message):
        add_corrections(store, "ev-patrol", changes, author="a", at=MONDAY)


def test_an_author_and_a_stored_event_are_required(tmp_path: Path) -> None:
    db = str(tmp_path / "events.db")
    seed_store(db)
    with open_store(db) as store:
        with pytest.raises(ValueError, match="needs an author"):
            add_corrections(store, "ev-patrol", {"fatalities": 1}, author=" ", at=MONDAY)
        with pytest.raises(StoreError, match="event nope is not in"):
            add_corrections(store, "nope", {"fatalities": 1}, author="a", at=MONDAY)
