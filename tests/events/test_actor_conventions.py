"""Who is actor1 and actor2 in the ways short reports tell one event: a sentence each, ACLED's conventions."""

import pytest

from ceasefire.model import Document

SYRIA, TURKEY, RUSSIA, ISRAEL, USA, HTS, QSD, SNA, IS, CIVILIANS, UNIDENTIFIED = (
    "Military Forces of Syria (2000-)",
    "Military Forces of Turkey (2016-)",
    "Military Forces of Russia (2000-)",
    "Military Forces of Israel (2009-2021)",
    "Military Forces of the United States (2017-2021)",
    "HTS: Hayat Tahrir al Sham",
    "QSD: Syrian Democratic Forces",
    "SNA: Syrian National Army",
    "Islamic State (Syria)",
    "Civilians (Syria)",
    "Unidentified Armed Group (Syria)",
)
SYRIA_POLICE = "Police Forces of Syria (2000-)"
USA_COALITION = "Global Coalition Against Daesh"

CASES = [
    (
        "On 3 March 2020, regime forces shelled the town of Kansafra, killing two women.",
        "Shelling/artillery/missile attack",
        SYRIA,
        CIVILIANS,
    ),
    (
        "On 3 March 2020, two women were killed when regime forces shelled Kansafra.",
        "Shelling/artillery/missile attack",
        SYRIA,
        CIVILIANS,
    ),
    (
        "On 3 March 2020, a Turkish drone struck a QSD vehicle near Tal Tamr, killing 2 fighters.",
        "Air/drone strike",
        TURKEY,
        QSD,
    ),
    ("On 3 March 2020, QSD fighters were targeted by a Turkish drone near Tal Tamr.", "Air/drone strike", TURKEY, QSD),
    (
        "On 3 March 2020, an IED exploded near an SNA checkpoint in Afrin, wounding 3 fighters.",
        "Remote explosive/landmine/IED",
        UNIDENTIFIED,
        SNA,
    ),
    ("On 3 March 2020, IS gunmen killed a shepherd near Al-Sukhnah.", "Attack", IS, CIVILIANS),
    ("On 3 March 2020, a shepherd was killed by IS gunmen near Al-Sukhnah.", "Attack", IS, CIVILIANS),
    ("On 3 March 2020, unknown gunmen shot dead a former rebel commander in Tafas.", "Attack", UNIDENTIFIED, CIVILIANS),
    ("On 3 March 2020, HTS arrested 5 men in Sarmada on charges of spying for the regime.", "Arrests", HTS, CIVILIANS),
    ("On 3 March 2020, the QSD arrested 7 IS suspects in raids on Al-Busayrah.", "Arrests", QSD, IS),
    ("On 3 March 2020, Russian warplanes bombed HTS positions near Kabani.", "Air/drone strike", RUSSIA, HTS),
    (
        "On 3 March 2020, HTS fighters attacked regime positions near Kafr Nabudah; 5 soldiers were killed.",
        "Armed clash",
        HTS,
        SYRIA,
    ),
    ("On 3 March 2020, clashes broke out between HTS and regime forces near Saraqib.", "Armed clash", HTS, SYRIA),
    ("On 3 March 2020, regime forces clashed with HTS near Saraqib.", "Armed clash", SYRIA, HTS),
    (
        "On 3 March 2020, Israeli warplanes struck Iranian positions near Al-Bukamal.",
        "Air/drone strike",
        ISRAEL,
        "Military Forces of Iran (1989-)",
    ),
    (
        "On 3 March 2020, Turkish artillery shelled QSD positions in Ain Issa.",
        "Shelling/artillery/missile attack",
        TURKEY,
        QSD,
    ),
    ("On 3 March 2020, QSD fighters shelled SNA positions near Marea.", "Shelling/artillery/missile attack", QSD, SNA),
    (
        "On 3 March 2020, the SNA took control of the village of Ain Issa from the QSD.",
        "Non-state actor overtakes territory",
        SNA,
        QSD,
    ),
    ("On 3 March 2020, regime forces captured Kafr Nabl from HTS.", "Government regains territory", SYRIA, HTS),
    (
        "On 3 March 2020, a landmine left by IS exploded near Maadan, killing 3 civilians.",
        "Remote explosive/landmine/IED",
        IS,
        CIVILIANS,
    ),
    (
        "On 3 March 2020, a car bomb exploded in Azaz, killing 5 civilians.",
        "Remote explosive/landmine/IED",
        UNIDENTIFIED,
        CIVILIANS,
    ),
    ("On 3 March 2020, US forces raided a house in Atmeh and killed an IS leader.", "Armed clash", USA, IS),
    ("On 3 March 2020, the QSD, backed by the Global Coalition, clashed with IS near Hajin.", "Armed clash", QSD, IS),
    (
        "On 3 March 2020, residents of Jasim protested against the regime's arrests.",
        "Peaceful protest",
        "Protesters (Syria)",
        None,
    ),
    (
        "On 3 March 2020, regime forces fired live ammunition at protesters in Sanamayn, killing one.",
        "Excessive force against protesters",
        "Protesters (Syria)",
        SYRIA,
    ),
    (
        "On 3 March 2020, HTS members abducted an activist from his home in Idleb city.",
        "Abduction/forced disappearance",
        HTS,
        CIVILIANS,
    ),
    (
        "On 3 March 2020, a Russian drone targeted a car in Jisr al-Shughur, killing its driver.",
        "Air/drone strike",
        RUSSIA,
        CIVILIANS,
    ),
    ("On 3 March 2020, HTS shot down a regime drone over Sarmin.", "Disrupted weapons use", HTS, SYRIA),
    (
        "On 3 March 2020, Turkish forces set up a new observation post near Nayrab.",
        "Headquarters or base established",
        TURKEY,
        None,
    ),
    ("On 3 March 2020, a civilian was killed by regime sniper fire in Kafr Batikh.", "Attack", SYRIA, CIVILIANS),
]


@pytest.mark.parametrize(("text", "sub_event_type", "actor1", "actor2"), CASES)
def test_the_event_and_its_two_sides(pipeline, text, sub_event_type, actor1, actor2):
    event = pipeline.code(Document.from_text(text))[0]
    assert event.sub_event_type == sub_event_type
    assert {event.actor1, event.actor2} == {actor1, actor2}


# who initiated, who helped and who was hit, in that order
ORDERED = [
    (
        "On 4 March 2020, backed by Turkish drones, SNA factions seized Saida from the QSD.",
        (SNA, TURKEY, QSD),
    ),
    (
        "On 4 March 2020, QSD fighters left Tal Tamr in trucks, and SNA factions took over the town unopposed.",
        (SNA, None, QSD),
    ),
    (
        "On 4 March 2020, a salvo of rockets and mortar shells, fired by unidentified forces from the north, hit Azaz.",
        (UNIDENTIFIED, None, None),
    ),
    (
        "On 4 March 2020, rockets fell on a market in Al-Bab. Three civilians were killed.",
        (None, None, CIVILIANS),
    ),
    (
        "On 4 March 2020, Syrian army positions near Masyaf were hit by missiles that a monitor attributed to Israel.",
        (ISRAEL, None, SYRIA),
    ),
    (
        "On 4 March 2020, a farmer was beaten by members of the Hamza Division near Afrin.",
        (SNA, None, CIVILIANS),
    ),
    (
        "On 4 March 2020, 3 fighters of the Hamza Division and a child were killed when a car bomb exploded "
        "at a checkpoint in Azaz.",
        (UNIDENTIFIED, None, SNA),
    ),
    (
        "On 4 March 2020, a bomb fixed under the car of a Syrian army colonel went off in Jaramana. The colonel "
        "was wounded. The bomb had been planted by an unidentified armed group.",
        (UNIDENTIFIED, None, SYRIA),
    ),
    (
        "On 4 March 2020, according to an army spokesman, IS cells attacked a checkpoint near Al-Sukhnah.",
        (IS, None, None),
    ),
    ("On 4 March 2020, gunmen attacked two army checkpoints near Tafas.", (UNIDENTIFIED, None, SYRIA)),
    (
        "On 4 March 2020, QSD members opened fire on a crowd protesting against conscription in Al-Busayrah. "
        "A protester was killed.",
        (QSD, None, "Protesters (Syria)"),
    ),
    (
        "On 4 March 2020, a man wearing an explosive vest blew himself up at a QSD checkpoint in Hajin. IS claimed "
        "the attack.",
        (IS, None, QSD),
    ),
    (
        "On 4 March 2020, regime troops tried to advance on hills near Kabana and were pushed back by HTS fighters.",
        (SYRIA, None, HTS),
    ),
    (
        "On 4 March 2020, gunmen of the Hamza Division of the SNA seized 4 Kurdish farmers near Rajo and took them "
        "to an unknown place.",
        (SNA, None, CIVILIANS),
    ),
    (
        "On 4 March 2020, Russian jets carried out dozens of raids on Kafr Zita. SOHR said 3 HTS fighters were killed.",
        (RUSSIA, None, HTS),
    ),
    ("On 4 March 2020, police arrested a former HTS commander in Saqba.", (SYRIA_POLICE, None, CIVILIANS)),
    (
        "On 4 March 2020, a bomb planted in a car went off in Damascus's Al-Midan neighbourhood, killing a passer-by.",
        (UNIDENTIFIED, None, CIVILIANS),
    ),
    ("On 4 March 2020, a Turkish column of 30 vehicles set up a new post near Taoum.", (TURKEY, None, None)),
    ("On 4 March 2020, Israeli rockets struck army positions near Kisweh.", (ISRAEL, None, SYRIA)),
    (
        "On 4 March 2020, protesters in Shahba burned tyres and threw stones at a Military Security checkpoint.",
        ("Rioters (Syria)", None, SYRIA),
    ),
    ("On 4 March 2020, Syrian authorities arrested a blogger in Latakia.", (SYRIA_POLICE, None, CIVILIANS)),
    (
        "On 4 March 2020, Hurras al-Din fighters attacked government positions and briefly took the village of "
        "Al-Fatatra.",
        ("Hurras al Din", None, SYRIA),
    ),
    (
        "On 4 March 2020, Russian warplanes struck Kansafra. Russian officials gave no explanation for the raids.",
        (RUSSIA, None, None),
    ),
    (
        "On 4 March 2020, Russian warplanes were seen over Jabal al-Zawiya. Later the jets bombed Kansafra.",
        (RUSSIA, None, None),
    ),
    (
        "On 4 March 2020, in a dawn raid supported by Coalition helicopters, QSD fighters detained 3 men in Hajin.",
        (QSD, USA_COALITION, CIVILIANS),
    ),
    (
        "On 4 March 2020, on the third day of Operation Peace Spring, Turkish artillery shelled Amuda, killing a "
        "woman.",
        (TURKEY, None, CIVILIANS),
    ),
]


@pytest.mark.parametrize(("text", "roles"), ORDERED)
def test_actor1_its_partner_and_actor2(pipeline, text, roles):
    events = [e for e in pipeline.code(Document.from_text(text)) if e.is_factual]
    assert len(events) == 1
    assert (events[0].actor1, events[0].assoc_actor_1, events[0].actor2) == roles
