"""Distances for scoring places."""

from ceasefire.geo.resolve import haversine_km

__all__ = ["haversine_km"]
