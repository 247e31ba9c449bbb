from pathlib import Path

import pytest

from ceasefire.actors import ActorMatcher, default_matcher, load_actor_dictionary
from ceasefire.errors import ConfigurationError


def names(text, diplomatic=False, country="Syria"):
    return [
        m.value.resolve(diplomatic=diplomatic, country=country).name if not m.value.anaphor else m.value.anaphor
        for m in default_matcher().find(text)
    ]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("the Turkish Army clashed", ["Military Forces of Turkey (2016-)"]),
        ("Turkish troops opened fire", ["Military Forces of Turkey (2016-)"]),
        ("regime forces shelled Kansafra", ["Military Forces of Syria (2000-)"]),
        ("the Syrian Army advanced", ["Military Forces of Syria (2000-)"]),
        ("the Russian Military Police reached Ariha", ["Military Forces of Russia (2000-)"]),
        ("Hayat Tahrir al-Sham fighters", ["HTS: Hayat Tahrir al Sham"]),
        ("members of the al-Qaeda-linked group", ["HTS: Hayat Tahrir al Sham"]),
        ("militant groups directly controlled by Ankara", ["SNA: Syrian National Army"]),
        ("unidentified gunmen shot", ["Unidentified Armed Group (Syria)"]),
        ("the Asayish arrested two men", ["QSD: Syrian Democratic Forces", "Civilians (Syria)"]),
        ("Iran-backed militias clashed with IS", ["Military Forces of Iran (1989-)", "Islamic State (Syria)"]),
        ("women loyal to IS stabbed a woman", ["Islamic State (Syria)", "Civilians (Syria)"]),
        ("shelling from regime positions", ["Military Forces of Syria (2000-)"]),
    ],
)
def test_aliases_normalise_to_canonical_names(text, expected):
    assert names(text) == expected


def test_coordinated_adjectives_give_one_actor_per_country():
    assert names("joint Russian-Turkish patrols") == [
        "Military Forces of Russia (2000-)",
        "Military Forces of Turkey (2016-)",
    ]
    assert names("reached by the Turkish and Russian presidents") == [
        "Government of Turkey (2016-)",
        "Government of Russia (2000-)",
    ]


def test_a_capital_is_an_actor_as_doer_not_as_place():
    assert names("Ankara will increase pressure") == ["Military Forces of Turkey (2016-)"]
    assert names("Ankara will increase pressure", diplomatic=True) == ["Government of Turkey (2016-)"]
    assert names("a deal signed in Moscow") == []


def test_generic_actors_take_the_event_country():
    assert names("protesters gathered", country="Iraq") == ["Protesters (Iraq)"]


def test_police_with_no_country_named_are_the_police_of_the_event_country():
    assert names("police in Jableh detained a man", country="Syria")[:1] == ["Police Forces of Syria (2000-)"]
    assert names("riot police fired tear gas", country="Iraq") == ["Police Forces of Iraq (2020-)"]
    assert [m.value.resolve(diplomatic=False, country="Narnia") for m in default_matcher().find("the police")] == [None]


def test_anaphors_are_marked_for_the_coder():
    assert names("On May 7, the sides held a patrol") == ["previous_event"]


def test_offsets_point_into_the_text():
    text = "Clashes: the Turkish Army and HTS."
    for mention in default_matcher().find(text):
        assert text[mention.start : mention.end] == mention.text


def test_a_user_dictionary_is_read_and_a_broken_one_refused(tmp_path: Path):
    own = tmp_path / "actors.yaml"
    own.write_text(
        "role_nouns: {forces: [troops]}\nstates: []\nactors:\n"
        "  - {name: 'Local Militia (Syria)', kind: militia, inter: 4, aliases: [the local militia]}\n",
        encoding="utf-8",
    )
    matcher = ActorMatcher(load_actor_dictionary(own))
    assert [m.value.actor.name for m in matcher.find("The local militia attacked.")] == ["Local Militia (Syria)"]
    broken = tmp_path / "broken.yaml"
    broken.write_text("actors: 3\n", encoding="utf-8")
    with pytest.raises(ConfigurationError, match="not a valid actor dictionary"):
        load_actor_dictionary(broken)
