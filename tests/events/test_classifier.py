"""The packaged sub-event classifier: same answers as scikit-learn gave at training time, without scikit-learn."""

import json
from importlib import resources
from pathlib import Path

import pytest

from ceasefire.events.classifier import MODEL_RESOURCE, SubEventClassifier, char_features, word_features
from ceasefire.events.taxonomy import load_taxonomy

EXPECTED = Path(__file__).parent / "data" / "subevent-model-expected.json"


@pytest.fixture(scope="module")
def classifier() -> SubEventClassifier:
    return SubEventClassifier.load()


def test_the_model_loads_from_the_package_without_scikit_learn():
    with resources.as_file(resources.files("ceasefire.events").joinpath(MODEL_RESOURCE)) as path:
        model = SubEventClassifier.load(path)
    assert model.metadata["format"] == "ceasefire.subevent-model.v1"
    assert SubEventClassifier.load() is SubEventClassifier.load()


def test_every_case_code_is_a_class(classifier):
    taxonomy = load_taxonomy()
    assert set(classifier.classes) == set(taxonomy.by_case_code()) | set(taxonomy.non_conflict_codes)


@pytest.mark.parametrize("case", json.loads(EXPECTED.read_text("utf-8"))["cases"], ids=lambda case: case["label"])
def test_the_exported_model_gives_scikit_learns_answers_on_held_out_snippets(classifier, case):
    ranked = classifier.predict(case["text"])
    assert ranked[0][0] == case["top"]
    probabilities = dict(ranked)
    for code, expected in case["probabilities"].items():
        assert probabilities[code] == pytest.approx(expected, abs=1e-4)


def test_predict_ranks_every_code_by_probability(classifier):
    ranked = classifier.predict("Soldiers and rebels exchanged fire near the border.")
    assert len(ranked) == len(classifier.classes)
    assert [p for _, p in ranked] == sorted((p for _, p in ranked), reverse=True)
    assert sum(p for _, p in ranked) == pytest.approx(1.0)
    assert classifier.predict("") and classifier.predict("zzzz qqqq")  # no known feature: the priors alone


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("A suicide bomber blew himself up outside a police station in Quetta, killing six officers.", "SUIC_BOMB"),
        ("Militants hurled a grenade at a security forces vehicle in Srinagar, injuring two soldiers.", "GRENADE"),
        ("Government jets bombed rebel positions outside the town, the air force said.", "AIR_STRIKE"),
        ("Police fired tear gas and water cannon to disperse protesters outside parliament.", "PROTEST_WITH_INTER"),
        ("Hundreds of nurses marched peacefully to the health ministry to demand unpaid wages.", "PEACE_PROTEST"),
        ("Gunmen kidnapped twenty schoolchildren from their classroom and demanded a ransom.", "ABDUCT_DISSAP"),
        ("The two sides signed a ceasefire agreement after talks mediated by the United Nations.", "AGREEMENT"),
        ("A magnitude 6.5 earthquake destroyed hundreds of homes in the mountain villages.", "NATURAL_DISASTER"),
    ],
)
def test_unambiguous_sentences(classifier, text, code):
    assert classifier.predict(text)[0][0] == code


def test_codes_map_to_acled_sub_event_types(classifier):
    assert classifier.sub_event_type("ART_MISS_ATTACK") == "Shelling/artillery/missile attack"
    assert classifier.sub_event_type("NON_STATE_ACTOR_OVERTAKES_TER") == "Non-state actor overtakes territory"
    assert all(classifier.sub_event_type(code) is None for code in load_taxonomy().non_conflict_codes)
    with pytest.raises(ValueError, match="not a CASE 2021"):
        classifier.sub_event_type("RIOT")


def test_features_follow_scikit_learns_analysers():
    words = ["rebels", "seized", "00", "towns", "rebels seized", "seized 00", "00 towns"]
    assert word_features("Rebels SEIZED 12 towns") == words
    assert char_features("a") == [" a "]
    assert char_features("ab")[:3] == [" ab", "ab ", " ab "]


def test_features_match_scikit_learns_own_analysers():
    from sklearn.feature_extraction import text as text_module  # a dev dependency: the model is trained with it

    texts = ["On 3 June 2020, Syrian forces\tshelled  Kansafra.", "Un été à Alep: l'armée a repris 2 villages"]
    char_wb = text_module.CountVectorizer(analyzer="char_wb", ngram_range=(3, 5)).build_analyzer()
    words = text_module.CountVectorizer(ngram_range=(1, 2)).build_analyzer()
    for text in texts:
        digits = "".join("0" if c.isdigit() else c for c in text)
        assert sorted(char_features(text)) == sorted(char_wb(digits.lower()))
        assert sorted(word_features(text)) == sorted(words(digits))
