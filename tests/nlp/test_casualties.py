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


@pytest.mark.parametrize(
    "text, deaths",
    [
        ("Regime forces shelled Kansafra, resulting in the death of 2 civilians.", 2),
        ("Regime forces shelled Kansafra, resulting in the deaths of 3 civilians.", 3),
        ("Regime shelling of Ariha claimed the lives of 4 civilians.", 4),
        ("Regime forces shelled Kansafra, causing 3 deaths.", 3),
        ("The bodies of 5 men were found near the town.", 5),
        ("The body of a man was found near the town.", 1),
    ],
)
def test_deaths_told_as_nouns_are_counted(text, deaths):
    assert total_deaths(find_fatalities(text), text) == deaths


@pytest.mark.parametrize(
    "text, deaths",
    [
        ("Gunmen shot dead 2 regime elements in Daraa city.", 2),
        ("A landmine exploded, killing all 4 passengers of a car.", 4),
        ("A mine exploded near Sukhnah, killing 4 truffle hunters.", 4),
        ("An IED exploded in Raqqa, killing 2 near the market.", 2),
        ("Shells hit a car, killing both occupants.", 2),
    ],
)
def test_a_count_after_a_killing_word_is_of_dead_whoever_they_are(text, deaths):
    assert total_deaths(find_fatalities(text), text) == deaths


def test_a_count_after_killed_that_measures_time_or_distance_is_not_of_dead():
    assert find_fatalities("Soldiers were killed 2 days after the truce, and 3 km further on.") == []


@pytest.mark.parametrize(
    "text, deaths",
    [
        ("A drone struck a car in Qamishli, killing its driver.", 1),
        ("Its driver was killed.", 1),
        ("Gunmen assassinated a former opposition commander in Tafas.", 1),
        ("Gunmen killed a man and his son in Daraa.", 2),
        ("An airstrike hit the house, killing a woman and her 3 children.", 4),
        ("A drone strike killed a QSD commander and 2 of his companions.", 3),
        ("A civilian succumbed to wounds sustained in the shelling.", 1),
    ],
)
def test_single_victims_and_their_kin_are_counted(text, deaths):
    assert total_deaths(find_fatalities(text), text) == deaths


@pytest.mark.parametrize(
    "text",
    [
        "Clashes near the town left 3 civilians injured.",
        "Regime forces left 2 positions near Saraqib.",
    ],
)
def test_left_counts_dead_only_when_dead_follows(text):
    assert find_fatalities(text) == []


def test_left_with_injured_and_dead_counts_the_dead():
    text = "The shelling left 3 civilians injured and 2 dead."
    assert total_deaths(find_fatalities(text), text) == 2


@pytest.mark.parametrize(
    "text, deaths",
    [
        ("Airstrikes hit the town, killing between 5 and 7 people.", 5),
        ("Airstrikes hit the town, killing 5 to 7 people.", 5),
        ("Airstrikes hit the town, killing 5-7 people.", 5),
    ],
)
def test_a_range_of_dead_is_its_lowest_figure(text, deaths):
    assert total_deaths(find_fatalities(text), text) == deaths


@pytest.mark.parametrize(
    "text",
    [
        "Regime forces shelled Kansafra, killing and wounding several civilians.",
        "Five people were killed and injured in the blast.",
    ],
)
def test_dead_told_together_with_the_injured_are_unknown(text):
    found = find_fatalities(text)
    assert found and total_deaths(found, text) is None


def test_a_death_toll_is_the_total_of_its_sentence():
    text = "An IED killed 3 soldiers in Daraa; the death toll later rose to 5."
    assert total_deaths(find_fatalities(text), text) == 5


@pytest.mark.parametrize(
    "text, deaths",
    [
        ("IS militants killed 2 QSD fighters in Busayrah. 3 IS militants were also killed.", 5),
        ("Shelling killed 2 civilians in Ariha. Two others died of their wounds later.", 4),
        ("Shelling killed 2 civilians in Ariha. Another 3 civilians died later.", 5),
    ],
)
def test_more_dead_in_a_later_sentence_add_up(text, deaths):
    assert total_deaths(find_fatalities(text), text) == deaths


@pytest.mark.parametrize(
    "text",
    [
        "Unidentified gunmen killed a mukhtar in Daraa.",
        "Unidentified gunmen shot dead a former rebel in Tafas.",
        "A pharmacist was killed by unidentified gunmen.",
    ],
)
def test_one_person_named_by_occupation_or_side_is_one_dead(text):
    assert total_deaths(find_fatalities(text), text) == 1


@pytest.mark.parametrize(
    "text, deaths",
    [
        ("Shelling hit Ariha, killing 3 people, 2 civilians and a QSD fighter.", 3),
        ("A car bomb exploded in Afrin, killing at least 40 people, 11 children among them.", 40),
        ("Shelling hit Ariha, killing 2 civilians, a woman and a child.", 2),
        ("Two civilians, a man and his son, were killed.", 2),
    ],
)
def test_a_group_after_a_bare_comma_tells_who_the_dead_were_and_is_not_added(text, deaths):
    assert total_deaths(find_fatalities(text), text) == deaths


@pytest.mark.parametrize(
    "text, deaths",
    [
        ("2 QSD members and 1 attacker were killed.", 3),
        ("Three soldiers and two assailants were killed in the attack.", 5),
        ("Gunmen attacked the checkpoint, killing 2 guards and 3 of the raiders.", 5),
        ("The bomber was killed.", 1),
    ],
)
def test_the_attacking_side_counts_among_the_dead(text, deaths):
    assert total_deaths(find_fatalities(text), text) == deaths


@pytest.mark.parametrize(
    "text, deaths",
    [
        ("In al-Hol camp, women loyal to IS stabbed a woman to death.", 1),
        ("Gunmen beat 3 men to death in Daraa.", 3),
        ("IS militants tortured him to death.", 1),
        ("A crowd hacked the informant to death.", 1),
        ("A man was stoned to death by IS.", 1),
        ("A crowd lynched a man accused of killing a woman, beating him to death.", 1),
    ],
)
def test_a_victim_put_to_death_is_counted(text, deaths):
    assert total_deaths(find_fatalities(text), text) == deaths


@pytest.mark.parametrize(
    "text, deaths",
    [
        ("A woman and her son were killed and 3 other people were injured.", 2),
        ("A man and his two sons were killed in the shelling.", 3),
        ("Gunmen killed a man and his two sons in Tafas.", 3),
    ],
)
def test_kin_joined_to_a_dead_person_are_dead_too(text, deaths):
    assert total_deaths(find_fatalities(text), text) == deaths


@pytest.mark.parametrize(
    "text",
    [
        "The number of dead and wounded IS fighters is unknown.",
        "The number of casualties is unknown.",
        "The number of casualties is not known.",
        "The number of casualties is unclear.",
        "It is unclear how many people were killed in the strike.",
    ],
)
def test_a_number_of_dead_the_report_does_not_know_is_unknown(text):
    found = find_fatalities(text)
    assert found and all(m.value is None for m in found)
    assert total_deaths(found, text) is None


@pytest.mark.parametrize(
    "text",
    [
        "Relatives of a young man who had died in an SNA prison stormed the police station.",
        "Relatives of a young man who had been killed by QSD protested in Raqqa.",
        "Relatives of a man who died last month in a regime prison protested.",
        "The father of a boy who was killed in 2019 was arrested in Daraa.",
    ],
)
def test_a_past_death_told_as_background_is_not_a_death_of_the_event(text):
    assert find_fatalities(text) == []


@pytest.mark.parametrize(
    "text, deaths",
    [
        ("Nobody except the bomber was reported killed.", 1),
        ("No one was killed apart from the attacker.", 1),
        ("A suicide bomber detonated his vest, killing no one but himself.", 1),
        ("A suicide bomber blew himself up at a checkpoint, killing himself and 2 QSD members.", 3),
    ],
)
def test_the_only_dead_named_after_nobody_but_are_counted(text, deaths):
    assert total_deaths(find_fatalities(text), text) == deaths


def test_no_one_killed_is_no_count():
    assert find_fatalities("No one was killed in the attack.") == []


@pytest.mark.parametrize(
    "text, doers",
    [("Two gunmen killed a shopkeeper in Daraa.", "Two gunmen"), ("Three assailants executed a detainee.", "Three")],
)
def test_the_doers_of_a_killing_are_not_its_dead(text, doers):
    assert not any(m.text.startswith(doers) for m in find_fatalities(text))


@pytest.mark.parametrize(
    ("text", "deaths"),
    [
        ("4 soldiers were killed; HTS lost one fighter.", 5),
        ("The soldiers shot back, and one of them was killed.", 1),
        ("2 fighters of the Hamza Division and a civilian were killed when the bomb went off.", 3),
        ("Monitors counted 4 dead soldiers and one dead attacker, while IS claimed to have killed 11 soldiers.", 5),
    ],
)
def test_losses_parts_second_groups_and_claims_beside_a_count(text, deaths):
    assert total_deaths(find_fatalities(text), text) == deaths


@pytest.mark.parametrize(
    ("text", "deaths"),
    [
        ("The explosion killed the bomber and 3 QSD members and injured several others.", 4),
        ("Monitors put the death toll at no fewer than 6 soldiers.", 6),
        ("Gunmen opened fire on a merchant, killing him instantly.", 1),
        ("One traveller died of his injuries.", 1),
    ],
)
def test_the_bomber_with_others_hedges_pronouns_and_travellers(text, deaths):
    assert total_deaths(find_fatalities(text), text) == deaths


def test_a_death_an_event_came_after_is_not_its_own():
    text = "Residents rioted against the QSD after a child was killed in a raid, burning tyres."
    assert total_deaths(find_fatalities(text), text) is None


@pytest.mark.parametrize(
    ("text", "deaths"),
    [
        ("A child was among the 4 people killed.", 4),
        ("Six members of one family, among them four children, were killed.", 6),
        ("A commander and two of his bodyguards were killed.", 3),
        ("The woman was found dead in her home.", 1),
        ("The clashes killed at least 7 regime soldiers, while HTS lost 3 fighters.", 10),
        ("The strike killed two HTS members and a civilian.", 3),
        ("The attack killed the driver and wounded two passengers.", 1),
    ],
)
def test_totals_told_around_a_part_of_the_dead(text, deaths):
    assert total_deaths(find_fatalities(text), text) == deaths
