"""The sub-event type of reports from many conflicts, told plainly and told the way clipped news copy tells them.

Every report is written for this test; none is taken from a benchmark. The coder should read each as a trained coder
would, with ACLED's definitions.
"""

import pytest

from ceasefire.evaluate.case2021 import label_of
from ceasefire.model import Document

PLAIN = [
    ("Troops and Boko Haram fighters exchanged fire for hours near Bama, leaving 6 insurgents dead.", "ARMED_CLASH"),
    ("Al-Shabaab militants ambushed an army convoy near Afgoye, killing four soldiers.", "ARMED_CLASH"),
    ("The army said it had recaptured the town of Gwoza from Boko Haram after heavy fighting.", "GOV_REGAINS_TERIT"),
    (
        "Taliban fighters overran the district headquarters of Baghlan-e-Markazi after two days of fighting.",
        "NON_STATE_ACTOR_OVERTAKES_TER",
    ),
    (
        "Rebels seized control of the mining town of Rubaya after government troops fled.",
        "NON_STATE_ACTOR_OVERTAKES_TER",
    ),
    ("Government forces used chlorine gas against rebel-held neighbourhoods, according to a UN inquiry.", "CHEM_WEAP"),
    ("A drone strike hit a vehicle carrying suspected militants in North Waziristan.", "AIR_STRIKE"),
    ("Fighter jets pounded militant hideouts in the Tirah valley on Sunday.", "AIR_STRIKE"),
    ("A suicide bomber blew himself up at a mosque in Peshawar, killing 30 worshippers.", "SUIC_BOMB"),
    ("Rebels fired mortar rounds at the airport in Mogadishu, wounding two guards.", "ART_MISS_ATTACK"),
    ("Pakistani and Indian troops exchanged artillery fire across the Line of Control.", "ART_MISS_ATTACK"),
    ("A roadside bomb struck a police vehicle in Diyala, killing three officers.", "REM_EXPLOS"),
    ("Militants hurled a grenade at a security post in Srinagar, injuring two personnel.", "GRENADE"),
    ("Armed men raped several women during a raid on a village in South Kivu, a rights group said.", "SEX_VIOL"),
    ("Gunmen stormed a village in Plateau State overnight and killed 12 residents.", "ATTACK"),
    ("Suspected jihadists abducted a priest from his parish in northern Burkina Faso.", "ABDUCT_DISSAP"),
    ("Thousands of teachers marched peacefully in Lagos to demand unpaid salaries.", "PEACE_PROTEST"),
    ("Police fired tear gas to disperse students protesting tuition fees in Nairobi.", "PROTEST_WITH_INTER"),
    ("Security forces opened fire on demonstrators in Khartoum, killing five.", "FORCE_AGAINST_PROTEST"),
    ("Protesters torched a police station and pelted officers with stones in Karachi.", "VIOL_DEMONSTR"),
    ("A mob lynched a man accused of blasphemy in Sialkot.", "MOB_VIOL"),
    ("The government and the rebel alliance signed a ceasefire agreement in Juba.", "AGREEMENT"),
    ("Police arrested 15 opposition activists ahead of the planned rally in Harare.", "ARREST"),
    ("The army deployed additional troops to the border town of Moyale.", "CHANGE_TO_GROUP_ACT"),
    ("Bomb disposal experts defused an improvised explosive device found near a school in Kabul.", "DISR_WEAP"),
    ("Houthi fighters set up a new base in the hills overlooking the port.", "HQ_ESTABLISHED"),
    ("Militiamen looted shops and burned houses in the market town after residents fled.", "PROPERTY_DISTRUCT"),
    (
        "Rebels withdrew from the town of Kitchanga, handing it over to regional forces without a fight.",
        "NON_VIOL_TERRIT_TRANSFER",
    ),
    ("Authorities imposed a curfew and cut off internet access in the region.", "OTHER"),
    (
        "Security forces and militants clashed in the outskirts of Kunduz; casualties were reported on both sides.",
        "ARMED_CLASH",
    ),
    ("Israeli aircraft struck targets in the Gaza Strip overnight.", "AIR_STRIKE"),
    ("Artillery shells landed on a residential area of Donetsk, killing two civilians.", "ART_MISS_ATTACK"),
    ("Unidentified gunmen shot dead a local councillor in Kirkuk.", "ATTACK"),
    ("A landmine exploded under a minibus in Hodeidah province, killing four passengers.", "REM_EXPLOS"),
    ("Soldiers beat protesters with batons and arrested dozens in Minsk.", "PROTEST_WITH_INTER"),
    ("The insurgents released 20 hostages after negotiations with tribal elders.", "OTHER"),
    ("Police seized a large cache of weapons and explosives in a raid in Manipur.", "DISR_WEAP"),
    ("Farmers blocked the highway to protest against new farm laws in Punjab.", "PEACE_PROTEST"),
    ("Rival clans clashed with machetes over grazing land, leaving 8 dead.", "MOB_VIOL"),
    ("Police detained a journalist who had reported on the protests.", "ARREST"),
    (
        "Backed by Turkish drones and artillery, SNA factions seized Tal Halaf west of Ras al-Ain from the QSD.",
        "NON_STATE_ACTOR_OVERTAKES_TER",
    ),
    ("Turkish drones hit regime tanks and artillery pieces east of Saraqib.", "AIR_STRIKE"),
    ("Gunmen attacked an army checkpoint near Tafas and captured three soldiers.", "ARMED_CLASH"),
    ("Dozens died in attacks with poisonous gas on two suburbs, rescuers said.", "CHEM_WEAP"),
    ("A bomb hidden in a cart of vegetables exploded in a busy market in Kirkuk, killing five.", "REM_EXPLOS"),
    ("Government troops took Kafr Ruma after two days of fighting with the rebels.", "GOV_REGAINS_TERIT"),
    ("A soldier was killed by a limpet mine attached to his car in Kharkiv.", "REM_EXPLOS"),
    ("The body of a teacher bearing gunshot wounds was found on a farm outside Jasim.", "ATTACK"),
    ("Israeli jets flying over Lebanon launched missiles at a depot near Homs; most were intercepted.", "AIR_STRIKE"),
    ("Gunmen attacked a farm near Kaduna on Sunday, abducting the owner's two sons.", "ABDUCT_DISSAP"),
    ("Troops arrested a militant commander whose cell had carried out rocket attacks on the base.", "ARREST"),
    ("The army denied accusations of shelling a market in the town last week.", "NONE"),
    ("Army helicopters dropped leaflets over the villages urging fighters to surrender.", "OTHER"),
    ("Dozens of students gathered in the main square, chanting slogans against the governor.", "PEACE_PROTEST"),
    (
        "Days after the army began its offensive on the city, insurgents ambushed a convoy on the road north "
        "of it, and several soldiers were captured.",
        "ARMED_CLASH",
    ),
]

CLIPPED = [
    (
        "which has seen a surge in violence since the elections. On Tuesday, gunmen on motorbikes opened "
        "fire on a wedding party in the village, killing 9 guests, local officials said.",
        "ATTACK",
    ),
    (
        "The ministry said the operation, launched last month, had so far cleared 14 villages of "
        "militants, and that troops were now in full control of the area around the lake.",
        "GOV_REGAINS_TERIT",
    ),
    (
        "Residents said the warplanes circled for almost an hour before dropping their bombs on the "
        "crowded market, the third such raid this week.",
        "AIR_STRIKE",
    ),
    (
        "according to a statement by the police, which said the device had been hidden in a rubbish bin "
        "and was detonated by remote control as the convoy passed.",
        "REM_EXPLOS",
    ),
    (
        "Opposition supporters took to the streets for a third day on Friday, chanting slogans against "
        "the president, and the rally passed off without incident, witnesses said.",
        "PEACE_PROTEST",
    ),
    (
        "Officers used water cannon and rubber bullets to break up the sit-in outside parliament, and at "
        "least 40 people were detained, the interior ministry said.",
        "PROTEST_WITH_INTER",
    ),
    (
        "The two sides agreed to an immediate cessation of hostilities and the exchange of prisoners, "
        "the mediators announced after talks in Addis Ababa.",
        "AGREEMENT",
    ),
    (
        "Hundreds of angry youths set fire to government buildings and blocked roads with burning tyres "
        "after the death of a local man in police custody.",
        "VIOL_DEMONSTR",
    ),
    (
        "The militants, who arrived in pickup trucks, kidnapped 30 students from their dormitories and "
        "took them into the forest, a school official said.",
        "ABDUCT_DISSAP",
    ),
    (
        "Police said the suspected militant commander, wanted for a string of attacks, was picked up at "
        "a checkpoint on the outskirts of the city.",
        "ARREST",
    ),
    (
        "In a statement, the army said its air defences had intercepted two ballistic missiles fired "
        "towards the city, and that debris fell in an empty field.",
        "DISR_WEAP",
    ),
    (
        "Heavy fighting erupted again on the front line near the river, with both sides using tanks and "
        "machine guns, a military source said.",
        "ARMED_CLASH",
    ),
    (
        "Shells fired from across the border hit several homes in the village late on Sunday, wounding a "
        "woman and her daughter.",
        "ART_MISS_ATTACK",
    ),
    (
        "A villager said the men rounded up the women in a school building and sexually assaulted them "
        "before leaving the next morning.",
        "SEX_VIOL",
    ),
    (
        "The rebels, who had held the town since March, pulled out overnight under the terms of the "
        "deal, and the army moved in on Wednesday without firing a shot.",
        "NON_VIOL_TERRIT_TRANSFER",
    ),
    (
        "A crowd dragged the two suspected thieves from a police van and beat them to death, police "
        "said, adding that 5 people had been arrested.",
        "MOB_VIOL",
    ),
    (
        "Militia members ransacked the offices of the aid agency, carrying away computers and vehicles, "
        "a spokesman said.",
        "PROPERTY_DISTRUCT",
    ),
    (
        "The jihadist group announced the creation of a new command centre in the forest region, its "
        "propaganda outlet said.",
        "HQ_ESTABLISHED",
    ),
    (
        "Reinforcements including armoured vehicles and hundreds of soldiers arrived in the restive "
        "province on Thursday ahead of the planned offensive.",
        "CHANGE_TO_GROUP_ACT",
    ),
    (
        "A young man detonated an explosives-laden vest among police recruits queuing outside the "
        "training centre, killing at least 17.",
        "SUIC_BOMB",
    ),
    ("An unknown assailant lobbed a hand grenade into a crowded bar on Saturday night, injuring 11 people.", "GRENADE"),
    (
        "The government declared a state of emergency and banned all public gatherings in the capital for 30 days.",
        "OTHER",
    ),
    (
        "It was the deadliest incident since the truce. Two soldiers were killed when militants attacked "
        "their patrol near the border, the army said on Monday.",
        "ARMED_CLASH",
    ),
    (
        "Doctors at the hospital said victims showed symptoms consistent with exposure to a nerve agent "
        "after the bombardment of the rebel-held suburb.",
        "CHEM_WEAP",
    ),
    (
        "Taliban insurgents captured the district centre on Monday after government forces retreated, "
        "local officials said.",
        "NON_STATE_ACTOR_OVERTAKES_TER",
    ),
    ("A helicopter gunship fired rockets at suspected rebel positions in the hills, the military said.", "AIR_STRIKE"),
    (
        "Tensions remained high. Troops fired live rounds into a crowd of demonstrators in the town "
        "square, killing 3 and wounding dozens, medics said.",
        "FORCE_AGAINST_PROTEST",
    ),
    (
        "the latest in a series of raids on villages in the area. Gunmen torched dozens of homes and "
        "shot residents as they fled, survivors told reporters.",
        "ATTACK",
    ),
    (
        "Soldiers found and destroyed a bomb-making factory in a house in the suburbs, seizing "
        "detonators and fertiliser, the army said.",
        "DISR_WEAP",
    ),
    (
        "Students boycotted classes and staged a sit-in at the university to protest against the arrest "
        "of their union leader.",
        "PEACE_PROTEST",
    ),
]


@pytest.mark.parametrize(("text", "code"), PLAIN + CLIPPED)
def test_the_sub_event_type_of_a_report(pipeline, text, code):
    assert label_of(pipeline.code(Document.from_text(text)), text) == code
