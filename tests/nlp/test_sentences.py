import pytest

from ceasefire.nlp.language import load_language
from ceasefire.nlp.sentences import split_sentences


def texts(text):
    return [s.text for s in split_sentences(text, load_language())]


@pytest.mark.parametrize(
    "text",
    [
        "On 4 March 2020, Brig. Gen. Ali Mahmoud was killed in Daraa by an IED.",
        "On 4 March 2020, Lt. Col. Ali Mahmoud was killed in Daraa by an IED.",
        "On 4 March 2020, HTS fighters clashed with regime forces near Kafr Nabl [Idleb].",
    ],
)
def test_a_title_or_a_bracket_does_not_end_a_sentence(text):
    assert texts(text) == [text]


def test_sentences_and_paragraphs_still_split():
    found = texts("HTS fighters clashed near Kafr Nabl. 6 fighters were killed.\n\nNo casualties were reported.")
    assert found == ["HTS fighters clashed near Kafr Nabl.", "6 fighters were killed.", "No casualties were reported."]
