from datetime import date

import pytest

from ceasefire.nlp.dates import find_dates

PUBLISHED = date(2020, 5, 12)  # a Tuesday


def only(text, published=PUBLISHED):
    found = find_dates(text, published)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    "text, start, end, precision",
    [
        ("On May 7, the sides held a patrol.", date(2020, 5, 7), date(2020, 5, 7), "day"),
        ("On 7 May 2020, a joint patrol took place.", date(2020, 5, 7), date(2020, 5, 7), "day"),
        ("The deal was signed on March 5.", date(2020, 3, 5), date(2020, 3, 5), "day"),
        ("in the second half of April", date(2020, 4, 16), date(2020, 4, 30), "range"),
        ("in early May", date(2020, 5, 1), date(2020, 5, 10), "range"),
        ("Clashes last week left two dead.", date(2020, 5, 4), date(2020, 5, 10), "week"),
        ("Shelling resumed yesterday.", date(2020, 5, 11), date(2020, 5, 11), "day"),
        ("On Sunday, drones struck Ariha.", date(2020, 5, 10), date(2020, 5, 10), "day"),
        ("The truce collapsed in March.", date(2020, 3, 1), date(2020, 3, 31), "month"),
        ("since March 5", date(2020, 3, 5), PUBLISHED, "range"),
        ("Convoys crossed over the past two days.", date(2020, 5, 10), date(2020, 5, 11), "range"),
    ],
)
def test_expressions_resolve_against_the_publication_date(text, start, end, precision):
    value = only(text).value
    assert (value.start, value.end, value.precision) == (start, end, precision)


def test_coordinated_periods_become_one_range():
    found = find_dates("In the second half of April and early May, tensions grew.", PUBLISHED)
    assert len(found) == 1
    assert (found[0].value.start, found[0].value.end) == (date(2020, 4, 16), date(2020, 5, 10))
    assert found[0].text == "the second half of April and early May"


def test_a_day_later_in_the_year_than_publication_belongs_to_the_year_before():
    value = only("On December 20, a convoy arrived.", date(2020, 1, 10)).value
    assert value.start == date(2019, 12, 20)


def test_without_publication_date_only_full_dates_resolve():
    found = find_dates("On 7 May 2020 and on March 5, yesterday.", None)
    assert [m.value.start for m in found] == [date(2020, 5, 7)]


def test_modal_may_is_not_a_month():
    assert find_dates("Turkey may become a beneficiary.", PUBLISHED) == []


def test_offsets_point_into_the_text():
    text = "Intro. On May 7, the sides held a patrol."
    mention = find_dates(text, PUBLISHED, start=7)[0]
    assert text[mention.start : mention.end] == mention.text == "May 7"
