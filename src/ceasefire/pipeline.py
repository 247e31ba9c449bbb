"""The pipeline: a ``Document`` through every stage to its ``Event``s.

Stages, in order, each reading what the one before wrote:
  nlp.sentences (paragraphs, sentences) → nlp.dates, nlp.casualties (per sentence)
  → actors.matcher → geo (place names, resolved in the document's context)
  → events.triggers → events.coder.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import Any

from ceasefire.actors.matcher import ActorMatcher, default_matcher
from ceasefire.events.coder import CodingContext, code_events
from ceasefire.events.triggers import load_triggers
from ceasefire.geo.resolve import resolve_places, route_mentions, routes_named
from ceasefire.model import AnnotatedDocument, Document, Event, Mention
from ceasefire.nlp.casualties import find_fatalities
from ceasefire.nlp.dates import find_dates
from ceasefire.nlp.language import load_language
from ceasefire.nlp.sentences import split_sentences
from ceasefire.settings import Settings


@dataclass
class Pipeline:
    """Loads the language model, gazetteer and vocabularies once; codes many documents."""

    settings: Settings

    @cached_property
    def language(self) -> Any:
        return load_language(self.settings.spacy_model)

    @cached_property
    def gazetteer(self) -> Any:
        from ceasefire.geo.gazetteer import Gazetteer

        return Gazetteer.load()

    @cached_property
    def actors(self) -> ActorMatcher:
        return default_matcher()

    @cached_property
    def context(self) -> CodingContext:
        return CodingContext.default(admin1_place=self.gazetteer.admin1_place)

    def warm_up(self) -> None:
        """Load every model and table now rather than on the first document."""
        _ = self.language, self.gazetteer, self.actors, self.context

    def annotate(self, document: Document) -> AnnotatedDocument:
        """Sentences and mentions of one document."""
        text = document.text
        sentences = split_sentences(text, self.language)
        mentions: list[Mention] = []
        for sentence in sentences:
            mentions.extend(find_dates(text, document.published, start=sentence.start, end=sentence.end))
            mentions.extend(find_fatalities(text, start=sentence.start, end=sentence.end))
        actors = self.actors.find(text)
        mentions.extend(actors)
        names = self.gazetteer.find_place_names(text)
        routes = routes_named(text)
        places = resolve_places(names, exclude=[(m.start, m.end) for m in actors], routes=routes)
        mentions.extend(places)
        mentions.extend(
            m for m in route_mentions(text, routes) if not any(m.start < p.end and p.start < m.end for p in places)
        )
        triggers = load_triggers()
        for sentence in sentences:
            mentions.extend(triggers.find(text, start=sentence.start, end=sentence.end))
        return AnnotatedDocument(document=document, sentences=tuple(sentences)).with_mentions(mentions)

    def code(self, document: Document) -> list[Event]:
        """The events of one document."""
        return code_events(self.annotate(document), self.context)
