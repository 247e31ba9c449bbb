"""Paths to the repository and the shared data folder, for tests in any folder."""

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


def shared_path(*parts: str) -> Path:
    """A file of ../shared; a missing one fails the test with a clear message, never skips it."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.fail(f"{path} is missing: the tests need the shared data folder beside the repository")
    return path
