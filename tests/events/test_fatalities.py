"""Fatalities of one event told the ways short reports tell them: ACLED counts deaths, not injuries, the most
conservative figure, every side's dead, and no one twice."""

import pytest

from ceasefire.model import Document

CASES = [
    ("On 5 May 2020, regime forces shelled Kansafra. A woman and her two children were killed.", 3),
    ("On 5 May 2020, an IED exploded in Daraa al-Balad, killing a former rebel and injuring his brother.", 1),
    (
        "On 5 May 2020, Russian warplanes struck Al-Bara; SOHR documented the deaths of 4 "
        "civilians, including a child.",
        4,
    ),
    (
        "On 5 May 2020, IS fighters ambushed a regime convoy near Al-Sukhnah; 7 soldiers died and 4 "
        "IS members were killed.",
        11,
    ),
    ("On 5 May 2020, a Turkish drone strike near Qamishli killed two QSD commanders.", 2),
    ("On 5 May 2020, a landmine explosion killed a child and wounded 2 others near Maadan.", 1),
    ("On 5 May 2020, gunmen killed a mukhtar and his son in Jasim.", 2),
    ("On 5 May 2020, unknown gunmen shot and killed a QSD member in Al-Busayrah.", 1),
    ("On 5 May 2020, the bombing killed at least 5 people, and more than 20 others were injured.", 5),
    (
        "On 5 May 2020, regime forces shelled Ariha, killing 3 civilians. Two more died of their "
        "wounds later that day.",
        5,
    ),
    ("On 5 May 2020, clashes between HTS and Hurras al Din near Arab Said left 5 fighters dead.", 5),
    ("On 5 May 2020, a car bomb in Afrin killed 40 people, 11 of them children.", 40),
    ("On 5 May 2020, SNA fighters clashed with QSD near Tal Tamr; each side lost 2 fighters.", 4),
    ("On 5 May 2020, the strike on the market killed at least 9, according to the White Helmets.", 9),
    ("On 5 May 2020, a shell hit a school in Sarmin, killing a teacher.", 1),
    ("On 5 May 2020, an unidentified drone killed 3 HTS members in a car near Sarmada.", 3),
    ("On 5 May 2020, IS killed 5 shepherds and kidnapped 3 others near Al-Sukhnah.", 5),
    ("On 5 May 2020, a soldier was killed and 3 were injured when an IED hit their bus near Daraa.", 1),
    ("On 5 May 2020, regime forces executed 2 detainees in Daraa prison.", 2),
    ("On 6 May 2020, a Russian airstrike on Maarat Misrin killed a family of five.", 5),
    ("On 6 May 2020, a roadside bomb hit an army bus near Palmyra. The explosion killed the driver and 6 soldiers.", 7),
    ("On 6 May 2020, SNA fighters clashed with each other in Jarablus. One fighter was killed on each side.", 2),
    ("On 6 May 2020, a drone strike killed an HTS commander, his wife and their child near Idlib city.", 3),
    ("On 6 May 2020, Turkish shelling killed 2 civilians in Tal Rifaat; a third died in hospital.", 3),
    ("On 6 May 2020, the death toll of the car bomb in Azaz rose to 12.", 12),
    ("On 6 May 2020, a QSD member and two IS suspects were killed during a raid in Al-Busayrah.", 3),
    ("On 6 May 2020, the attack killed 9 soldiers, according to SOHR, while state media put the toll at 4.", 4),
    ("On 6 May 2020, Israeli strikes near Damascus killed 3 Iranian fighters and 2 Syrian soldiers, SOHR said.", 5),
    ("On 7 May 2020, an anti-tank missile fired by HTS hit an army vehicle near Kafr Nabudah, killing its 4 crew.", 4),
    ("On 7 May 2020, SNA fighters clashed with the QSD near Ain Issa. SOHR counted 6 QSD and 2 SNA men killed.", 8),
    (
        "On 7 May 2020, IS cells attacked army posts near Al-Sukhnah. They took several soldiers prisoner; "
        "2 soldiers and 3 attackers were killed.",
        5,
    ),
    ("On 8 May 2020, a suicide bomber struck a QSD post in Hajin. The bomber and 3 QSD members were killed.", 4),
    (
        "On 8 May 2020, the head of the local council of Jasim, who had negotiated the 2018 deal, was shot dead "
        "by gunmen.",
        1,
    ),
    ("On 8 May 2020, Russian jets struck HTS posts near Kansafra. An unknown number of fighters were killed.", None),
    ("On 8 May 2020, HTS raided an army post near Kafr Nabl. HTS said it killed 7 soldiers; SOHR counted 3 dead.", 3),
    (
        "On 8 May 2020, the QSD attacked IS hideouts near Al-Busayrah, with Coalition aircraft and artillery in "
        "support. SOHR counted 5 IS members and 1 QSD fighter killed.",
        6,
    ),
    (
        "On 8 May 2020, US forces raided a house in Atmeh where an IS leader was hiding. He blew himself up during "
        "the raid; SOHR said 5 people were killed.",
        5,
    ),
]


@pytest.mark.parametrize(("text", "deaths"), CASES)
def test_the_deaths_of_the_event(pipeline, text, deaths):
    events = [e for e in pipeline.code(Document.from_text(text)) if e.is_factual]
    assert len(events) == 1
    assert events[0].fatalities == deaths
