"""The event-word vocabulary: its file's rule options do what its header says, and a misspelt option is refused."""

import re
from importlib.resources import files

import pytest
import yaml

from ceasefire.events.triggers import load_triggers, read_rules


def _words(text: str) -> list[tuple[str, str]]:
    return [(m.text, m.value.rule.sub_event_type) for m in load_triggers().find(text)]


def test_a_rule_with_requires_counts_only_where_its_words_are_in_the_sentence():
    assert _words("Relatives of the miners gathered outside the hospital to wait for news.") == []
    assert _words("Hundreds gathered outside the governor's office, chanting slogans against the price rises.") == [
        ("gathered outside", "Peaceful protest")
    ]


def test_a_rule_with_unless_is_no_event_beside_its_words():
    assert [t for _, t in _words("Police arrested two men in Homs.")] == ["Arrests"]
    assert _words("Police arrested two drug smugglers in Homs.") == []
    assert [t for _, t in _words("Troops raided a village near Hajin.")] == ["Armed clash"]
    assert _words("Police raided a casino used to launder money for a cartel.") == []


def test_a_pattern_may_end_before_a_lookahead_and_still_match():
    # a pattern that ended in a space before a word could never match whole words
    assert ("took Saida south of Tal Tamr from", "Government regains territory") in _words(
        "SNA factions took Saida south of Tal Tamr from the QSD."
    )


def test_no_pattern_ends_in_a_space():
    # every pattern must end at a word's end: one whose last consumed character is a space never matches
    raw = yaml.safe_load((files("ceasefire.events") / "data/triggers.yaml").read_text("utf-8"))
    for entry in raw["triggers"]:
        for pattern in entry["patterns"]:
            consumed = pattern.split("(?=")[0]
            assert not re.search(r" \)?[?*]?$", consumed), pattern


def test_an_unknown_rule_option_is_refused():
    with pytest.raises(ValueError, match="unknown rule keys"):
        read_rules([{"sub_event_type": "Arrests", "patterns": ["arrested"], "require": "police"}])
    with pytest.raises(ValueError, match="unknown sub-event type"):
        read_rules([{"sub_event_type": "Arrest", "patterns": ["arrested"]}])


def test_a_breach_of_an_agreement_and_a_clause_with_since_are_background():
    breach = "The raids are the most serious breach so far of the ceasefire agreed by Russia and Turkey."
    assert [t for _, t in _words(breach)] == ["Armed clash"]  # the raids, not an agreement
    assert _words("Since Turkish troops cleared the sit-in camps, opponents have jeered the convoys.") == []
