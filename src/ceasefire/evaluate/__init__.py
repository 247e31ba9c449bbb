"""Scorers shared by ``ceasefire eval`` and ``make bench``."""
