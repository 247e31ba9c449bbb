"""Geo stage: gazetteer store and lookup, place-name spellings, admin areas."""

from ceasefire.geo.admin import acled_admin1
from ceasefire.geo.extension import ImportReport, import_geonames
from ceasefire.geo.gazetteer import (
    Candidate,
    Gazetteer,
    NameMatch,
    credits,
    find_place_names,
)
from ceasefire.geo.names import name_keys, normalize_name, similarity

__all__ = [
    "Candidate",
    "Gazetteer",
    "ImportReport",
    "NameMatch",
    "acled_admin1",
    "credits",
    "find_place_names",
    "import_geonames",
    "name_keys",
    "normalize_name",
    "similarity",
]
