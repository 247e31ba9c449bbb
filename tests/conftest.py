"""Fixtures shared across the test folders."""

import pytest


@pytest.fixture(scope="session")
def pipeline():
    """One loaded pipeline (spaCy model, gazetteer, vocabularies) for every test that codes text."""
    from ceasefire.pipeline import Pipeline
    from ceasefire.settings import Settings

    loaded = Pipeline(Settings())
    loaded.warm_up()
    return loaded
