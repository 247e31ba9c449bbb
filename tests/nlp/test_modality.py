import pytest

from ceasefire.nlp.modality import read_modality


def reading(sentence, word):
    return read_modality(sentence, sentence.index(word))


def test_will_before_the_event_word_is_a_forecast():
    r = reading("In these conditions, Ankara will return to the idea of a direct annexation.", "return")
    assert r.modality == "forecast" and r.cue == "will"


def test_likely_opener_is_a_forecast():
    r = reading("It is likely that within the next half year, Ankara will increase pressure on HTS.", "increase")
    assert r.modality == "forecast"


def test_a_would_in_a_trailing_clause_does_not_make_a_forecast():
    sentence = (
        "Seven joint patrols took place between Saraqib and Nayrab, as the resumption of "
        "hostilities would become inevitable."
    )
    assert reading(sentence, "patrols").modality == "reported"


def test_blamed_is_alleged_with_who_says_so():
    r = reading("Opposition activists accused regime forces of shelling Kansafra.", "shelling")
    assert r.modality == "alleged"
    assert r.attribution == "Opposition activists"


def test_reportedly_is_reported_with_the_cue_kept():
    r = reading("In turn, Turkey reportedly agreed not to oppose the crossing.", "agreed")
    assert (r.modality, r.cue, r.attribution) == ("reported", "reportedly", None)


def test_according_to_names_the_source():
    r = reading("The army shelled Ariha, according to the Syrian Observatory for Human Rights.", "shelled")
    assert r.attribution == "the Syrian Observatory for Human Rights"


def test_analysis_is_an_assessment():
    r = reading("The agreement is rather a result of the tactical convergence of interests.", "agreement")
    assert r.modality == "assessment"


def test_the_speaker_of_said_is_kept_when_the_blame_has_no_subject():
    r = reading(
        "Two soldiers were killed in a rocket attack, the defence ministry said, blaming radical groups.", "attack"
    )
    assert r.modality == "alleged"
    assert r.attribution == "the defence ministry"


def test_possible_makes_a_forecast_only_of_the_noun_it_qualifies():
    assert reading("Residents fear a possible Turkish offensive on Tal Rifaat.", "offensive").modality == "forecast"
    sentence = "A potential IS cell attacked a QSD checkpoint in Busayrah, killing 2 QSD fighters."
    assert reading(sentence, "attacked").modality == "reported"


@pytest.mark.parametrize(
    "sentence, word",
    [
        ("Protesters in Idleb city demanded that Turkey should stop the regime offensive.", "demanded"),
        ("Residents of Daraa protested, saying the regime must release detainees.", "protested"),
        ("Turkish forces shelled Tal Rifaat, rather than the QSD positions nearby.", "shelled"),
        ("Regime forces should have withdrawn from Saraqib but shelled Kansafra instead.", "shelled"),
    ],
)
def test_an_assessment_cue_outside_the_clause_of_the_event_is_no_assessment(sentence, word):
    assert reading(sentence, word).modality == "reported"


@pytest.mark.parametrize(
    "sentence, word",
    [
        ("A man who could not be identified was shot dead by unidentified gunmen in Tafas.", "shot"),
        ("Regime forces who would not let civilians leave shelled Kansafra.", "shelled"),
    ],
)
def test_could_not_and_would_not_tell_what_was_not_so(sentence, word):
    assert reading(sentence, word).modality == "reported"


def test_a_modal_in_a_relative_clause_does_not_make_the_event_a_forecast():
    sentence = "Unidentified gunmen, who may be IS members, killed a QSD fighter in Busayrah."
    assert reading(sentence, "killed").modality == "reported"
    assert reading("IS cells may attack QSD positions in Busayrah.", "attack").modality == "forecast"
