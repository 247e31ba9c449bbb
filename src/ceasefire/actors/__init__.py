"""Actors: the dictionary loader, the matcher and the normaliser."""

from ceasefire.actors.dictionary import ActorDictionary, load_actor_dictionary
from ceasefire.actors.matcher import ActorMatch, ActorMatcher, default_matcher

__all__ = ["ActorDictionary", "ActorMatch", "ActorMatcher", "default_matcher", "load_actor_dictionary"]
