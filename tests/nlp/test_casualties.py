import pytest

from ceasefire.nlp.casualties import find_fatalities, total_deaths


@pytest.mark.parametrize(
    "text, deaths",
    [
        ("At least 11 members and supporters of the group were killed by live fire.", 11),
        ("Two civilians were killed and five injured in Ariha.", 2),
        ("Five people were injured and two killed.", 2),
        ("The strike killed three children.", 3),
        ("A Turkish soldier was killed.", 1),
        ("Dozens of fighters were killed in the clashes.", 12),
        ("The death toll rose to 34.", 34),
        ("twenty-three people died", 23),
    ],
)
def test_deaths_are_counted_as_acled_counts_them(text, deaths):
    assert total_deaths(find_fatalities(text)) == deaths


def test_injuries_alone_are_not_deaths():
    assert find_fatalities("Four people were injured in the shelling.") == []


def test_unknown_number_of_deaths_is_none_not_zero():
    found = find_fatalities("Shells hit Al-Bara, killing and injuring an unknown number of people.")
    assert found and found[0].value is None
    assert total_deaths(found) is None


def test_a_figure_repeated_is_not_counted_twice():
    found = find_fatalities("Three civilians were killed. The three civilians died in Ariha.")
    assert total_deaths(found) == 3


@pytest.mark.parametrize(
    "text, deaths",
    [
        ("QSD clashed with IS militants, killing 15 IS members and 3 QSD fighters.", 18),
        ("IS attacked army positions, killing 9 soldiers; 4 IS militants were also killed in the fighting.", 13),
        ("11 regime soldiers and 9 opposition fighters were killed.", 20),
        ("A crowd beat to death a man accused of theft.", 1),
        ("Gunmen opened fire on a car, killing one and injuring the other.", 1),
        ("Shells hit the town, killing 10 civilians, 8 of them children, and injuring others.", 10),
    ],
)
def test_different_dead_in_one_sentence_add_up(text, deaths):
    assert total_deaths(find_fatalities(text), text) == deaths
