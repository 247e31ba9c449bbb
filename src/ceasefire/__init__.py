"""ceasefire: conflict reporting in, ACLED-style events with evidence out."""

__version__ = "0.1.0"
