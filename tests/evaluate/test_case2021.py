"""Scoring CASE 2021 snippets: which event of a snippet names its type."""

from dataclasses import replace

from ceasefire.evaluate.case2021 import label_of
from ceasefire.model import Document


def test_a_snippets_label_is_the_event_the_whole_text_is_about(pipeline):
    text = "Police arrested 12 people after a grenade attack on a market in Srinagar that wounded 9 shoppers."
    events = pipeline.code(Document.from_text(text))
    assert {e.sub_event_type for e in events} == {"Arrests", "Grenade"}
    # make the arrests the more confident of the two: alone, confidence would name them
    events = [replace(e, confidence=0.95) if e.sub_event_type == "Arrests" else e for e in events]
    assert label_of(events) == "ARREST"
    assert label_of(events, text) == "GRENADE"
