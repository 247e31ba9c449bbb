"""Deaths reported in a sentence, read the way ACLED counts them.

Only deaths count, never injuries; "at least 11" is 11, "between 5 and 7" is 5; a number
of deaths the report does not give ("killing and injuring an unknown number", "killing and
wounding several people", "the number of casualties is unknown") is unknown (``None``), not
zero. The attackers' dead count too ("1 attacker", "nobody except the bomber"); deaths told as
background ("relatives of a man who had died in prison") and killings someone is accused of
do not.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

import yaml

from ceasefire.model import Mention
from ceasefire.nlp.quantities import quantity_pattern, read_quantity
from ceasefire.nlp.spans import PreferredMatches

PRODUCED_BY = "nlp.casualties.v1"

_HEDGE = (
    r"(?:(?:at least|some|about|around|roughly|approximately|nearly|almost|more than|over|up to|an estimated|"
    r"as many as|a total of|all|the|another|a further|an additional|no fewer than|not less than|no less than|"
    r"not fewer than)\s+)?"
)
# What a count of dead is never followed by: "killed 2 days later", "a 3-year-old", "5 km".
_NOT_PEOPLE = (
    r"(?!\s*(?:-|%|percent\b|per cent\b|km\b|kilomet|met(?:er|re)s?\b|miles?\b|days?\b|weeks?\b|months?\b|years?\b|"
    r"hours?\b|minutes?\b|times\b))"
)

# After an active verb of killing, its object: "2 gunmen killed a shopkeeper".
_NO_OBJECT = (
    r"(?!(?:(?<=killed)|(?<=executed)|(?<=assassinated)|(?<=murdered)|(?<=beheaded)|(?<=shot dead)|(?<=slain))"
    r"\s+(?:an?|the|his|her|their|its|two|three|four|five|\d+)\b)"
)


@cache
def _vocabulary() -> dict[str, list[str]]:
    return yaml.safe_load(resources.files("ceasefire.nlp").joinpath("data/casualties.yaml").read_text("utf-8"))


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def _count(name: str) -> str:
    """A hedged count, read as its lowest figure: "at least 11", "5 to 7", "between 5 and 7"."""
    number = quantity_pattern()
    return (
        # "no one was killed" counts nobody, "how many were killed" is no count
        rf"(?<!\bno\s)(?<!\bno-)(?<!\bhow\s)(?P<{name}_between>between\s+)?{_HEDGE}(?P<{name}>{number})"
        # "an unknown number of fighters": no count
        rf"(?!\s+(?:unknown|undetermined|unspecified|number)\b)"
        rf"(?({name}_between)\s+and\s+{number}|(?:(?:\s*[-–]\s*|\s+(?:to|or)\s+){number}\b)?)"
    )


@cache
def _patterns() -> list[re.Pattern[str]]:
    v = _vocabulary()
    qty = _count("qty")
    # a second group of dead, but not a part of the first ("10 civilians, 8 of them children")
    qty2 = f"(?P<qty2>{quantity_pattern()})(?!\\s+(?:of|among)\\s+(?:them|whom|those)\\b)"
    # or kin of the first ("a man and his son", "a woman and her 3 children")
    kin = f"(?P<kin>his|her|their)\\s+(?:(?P<qty3>{quantity_pattern()})\\s+)?"
    killing = _alternation(v["killing_words"])
    leaving = _alternation(v["leaving_words"])
    victims = _alternation(v["victim_nouns"])
    one_person = _alternation(v["one_person_nouns"])
    death = _alternation(v["death_verbs"])
    # Words allowed between the number and the death verb: modifiers, "of X", "and supporters".
    filler = r"(?:[\w'’-]+\s+){0,12}?"
    # joined by "and": a group after a bare comma tells who the first were ("3 people, 2 civilians and …")
    second_group = rf"(?:\s*,?\s+and\s+(?:{kin}(?:[\w'’-]+\s+)?|{qty2}\s+(?:[\w'’-]+\s+){{0,5}}?)(?:{victims})\b)?"
    to_death = _alternation(v["to_death_verbs"])
    nobody = _alternation(v["nobody_words"])
    but = _alternation(v["except_words"])
    # the only dead of a "nobody but …": one person, or a count of them
    only = (
        rf"(?:(?P<one>himself|herself|the\s+(?:[\w'’-]+\s+){{0,2}}?(?:{one_person}))"
        rf"|(?:the\s+)?{qty}\s+(?:[\w'’-]+\s+){{0,3}}?(?:{victims}))\b"
    )
    # joined by "and": a second group or kin of the first ("A woman and her son were killed")
    passive_second = (
        rf"(?:\s+and\s+(?:{kin}(?:[\w'’-]+\s+)?|(?P<another>an?)\s+(?:[\w'’-]+\s+)?|{qty2}\s+(?:[\w'’-]+\s+){{0,3}}?)"
        rf"(?:{victims})\b)?"
    )
    # "2 fighters of the Sultan Murad Division and a civilian": whose they were, before a second group
    of_group = r"(?:\s+of\s+(?:the\s+|one\s+|a\s+)?(?:[\w'’-]+\s+){0,3}?[\w'’-]+(?=\s+and\s|\s*,))?"
    flags = re.IGNORECASE
    return [
        # "A child was among the 4 people killed": the count is of all the dead
        re.compile(
            rf"\bamong\s+(?:the\s+)?{qty}\s+(?:[\w'’-]+\s+){{0,3}}?(?:{victims})\s+(?:who\s+were\s+)?(?:{death})\b",
            flags,
        ),
        # "killed a family of five"
        re.compile(rf"\b(?:{killing})\s+(?:an?\s+|the\s+)?(?:entire\s+|whole\s+)?family\s+of\s+{qty}\b", flags),
        # "killed an HTS commander, his wife and their child"
        re.compile(
            rf"\b(?:{killing})\s+(?P<one>an?|the|his|her|their)\s+(?:[\w'’-]+\s+){{0,2}}?(?:{one_person})"
            rf"(?P<kin_list>(?:,\s+(?:his|her|their)\s+(?:[\w'’-]+\s+)?(?:{one_person}))*"
            rf",?\s+and\s+(?:his|her|their)\s+(?:[\w'’-]+\s+)?(?:{one_person}))\b",
            flags,
        ),
        # "a third died in hospital": one more of the dead counted before
        re.compile(
            r"\b(?P<one>an?)\s+(?:third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\s+(?:[\w'’-]+\s+)?"
            r"(?:died|was killed|succumbed)\b",
            flags,
        ),
        # "One fighter was killed on each side"
        re.compile(
            rf"\b{qty}\s+(?:[\w'’-]+\s+){{0,3}}?(?:{victims})\s+(?:was|were)\s+(?:killed|dead)\s+on\s+"
            rf"(?P<each>each|either)\s+side\b",
            flags,
        ),
        # "The bomber and 2 QSD fighters were killed": the bomber is one of the dead
        re.compile(
            rf"\b(?P<self>the\s+(?:[\w'’-]+\s+)?(?:{one_person}))\s+and\s+{qty}\s+(?:[\w'’-]+\s+){{0,3}}?"
            rf"(?:{victims})\s+(?:were|have been|had been)\s+(?:{death})\b",
            flags,
        ),
        # "A commander and two of his bodyguards were killed"
        re.compile(
            rf"\b(?P<one>an?|one)\s+(?:[\w'’-]+\s+){{0,2}}?(?:{one_person})\s+and\s+(?P<qty2>{quantity_pattern()})\s+"
            rf"(?:of\s+(?:his|her|their|its)\s+)?(?:[\w'’-]+\s+){{0,2}}?(?:{victims})\s+"
            rf"(?:were|have been|had been)\s+(?:{death})\b",
            flags,
        ),
        # "Nobody except the bomber was reported killed", "killing no one but himself"
        re.compile(
            rf"\b(?:{nobody})\s+(?:{but})\s+{only}\s*(?:[\w'’-]+\s+){{0,4}}?"
            rf"(?:were|was|have been|has been|had been)?\s*(?:reported\s+)?(?:also\s+)?(?:{death})\b",
            flags,
        ),
        re.compile(rf"\b(?:{killing})\s+(?:{nobody})\s+(?:{but})\s+{only}", flags),
        # "no one was killed apart from the attacker"
        re.compile(
            rf"\b(?:{nobody})\s+(?:were|was|has been|had been)\s+(?:reported\s+)?(?:{death})\s+"
            rf"(?:{but})\s+{only}",
            flags,
        ),
        # "stabbed a woman to death", "beat 3 men to death", "tortured him to death"
        re.compile(
            rf"\b(?:{to_death})\s+(?:{qty}\s+(?:[\w'’-]+\s+){{0,3}}?(?:{victims})"
            rf"|(?P<one>(?P<pronoun>him|her)|(?:the|his|her|its|their)\s+(?:[\w'’-]+\s+){{0,2}}?(?:{one_person})))"
            rf"\s+to\s+death\b",
            flags,
        ),
        # "the death toll rose to 12", "a death toll of 12"
        re.compile(rf"\bdeath toll\b(?:\s+\w+){{0,8}}?\s+(?:to|of|at)\s+{qty}\b", flags),
        # "while state media put the toll at 4": another source's figure for the same dead
        re.compile(
            rf"\b(?P<alternative>put|puts|putting|gave|gives|giving)\s+the\s+(?:death\s+)?toll\s+at\s+{qty}\b", flags
        ),
        # "killing 5 civilians", "killing 15 IS members and 3 QSD fighters", "killing its 3 crew"
        re.compile(
            rf"\b(?:{killing})\s+(?:its\s+|their\s+|his\s+|her\s+)?{qty}\s+(?:[\w'’-]+\s+){{0,5}}?(?:{victims}|dead)\b"
            rf"{second_group}",
            flags,
        ),
        # "left 3 people dead", "leaving 9 fighters dead and 12 wounded"
        re.compile(rf"\b(?:{leaving})\s+{qty}\s+(?:[\w'’-]+\s+){{0,5}}?(?:dead|killed)\b", flags),
        # "killing one and injuring the other", "killing 2 near the market": a count after a killing
        # word is of dead whatever follows, save "a"/"an", which need a victim ("killing a number")
        re.compile(rf"\b(?:{killing})\s+(?!an?\s)({qty}){_NOT_PEOPLE}\b", flags),
        # "blew himself up, killing himself and 2 QSD members": the bomber is one of the dead
        re.compile(
            rf"\b(?:{killing})\s+(?P<self>himself|herself)\s+and\s+{qty}\s+(?:[\w'’-]+\s+){{0,5}}?(?:{victims})\b",
            flags,
        ),
        # "killed the bomber and 3 QSD members"
        re.compile(
            rf"\b(?:{killing})\s+(?P<self>the\s+(?:[\w'’-]+\s+)?(?:{one_person}))\s+and\s+{qty}\s+"
            rf"(?:[\w'’-]+\s+){{0,5}}?(?:{victims})\b",
            flags,
        ),
        # "opened fire on him, killing him instantly"
        re.compile(r"\b(?:killing|killed)\s+(?P<one>him|her)\b", flags),
        # "killing its driver", "killing the commander of the group"
        re.compile(
            rf"\b(?:{killing})\s+(?P<one>his|her|its|their|the)\s+(?:[\w'’-]+\s+){{0,2}}?(?:{one_person})\b", flags
        ),
        # "4 dead soldiers and one dead attacker"
        re.compile(
            rf"\b{qty}\s+dead\s+(?:[\w'’-]+\s+){{0,2}}?(?:{victims})\b"
            rf"(?:\s*,?\s+and\s+{qty2}\s+dead\s+(?:[\w'’-]+\s+){{0,2}}?(?:{victims})\b)?",
            flags,
        ),
        # "5 QSD and 3 SNA fighters were killed": two sides' dead named by one noun
        re.compile(
            rf"\b{qty}\s+(?:[\w'’-]+\s+){{1,2}}?and\s+{qty2}\s+(?:[\w'’-]+\s+){{0,2}}?(?:{victims})\s+"
            rf"(?:(?:were|have been|had been)\s+)?(?:reported\s+)?(?:{death})\b",
            flags,
        ),
        # "11 members and supporters of the group were killed", "11 soldiers and 9 fighters were killed"
        re.compile(
            rf"\b{qty}\s+(?:[\w'’-]+\s+){{0,3}}?(?:{victims})\b{of_group}{passive_second}"
            rf"(?:\s*,[^,.;]{{1,60}},)?"  # "Two civilians, a man and his son, were killed"
            rf"\s*{filler}(?P<aux>were|was|have been|has been|had been|are|got)?\s*(?:also\s+)?(?:{death})\b"
            # without "were", "2 gunmen killed a man" tells what the gunmen did, not that they died
            rf"(?(aux)|{_NO_OBJECT})",
            flags,
        ),
        # "its driver was killed", "the commander of the faction was assassinated"
        re.compile(
            rf"\b(?P<one>his|her|its|their|the)\s+(?:[\w'’-]+\s+){{0,2}}?(?:{one_person})\b\s*{filler}"
            rf"(?:was|has been|had been)\s+(?:also\s+)?(?:found\s+)?(?:{death})\b",
            flags,
        ),
        # "the mukhtar of Al-Musayfirah, who had taken part in the talks, was shot dead": one person, a clause between
        re.compile(
            rf"\b(?P<one>his|her|its|their|the)\s+(?:[\w'’-]+\s+){{0,2}}?(?:{one_person})"
            rf"(?:\s+of\s+(?:the\s+)?(?:[\w'’-]+\s+){{0,3}}?[\w'’-]+)?\s*,[^,.;]{{1,90}},\s*"
            rf"(?:was|has been|had been)\s+(?:also\s+)?(?:{death})\b",
            flags,
        ),
        # "each side lost 2 fighters": as many dead on both sides
        re.compile(rf"\b(?P<each>each|either)\s+side\s+lost\s+{qty}\s+(?:[\w'’-]+\s+){{0,3}}?(?:{victims})\b", flags),
        # "HTS lost one fighter", "the army lost 4 soldiers"
        re.compile(rf"\blost\s+{qty}\s+(?:[\w'’-]+\s+){{0,3}}?(?:{victims})\b", flags),
        # "Two more died of their wounds", "3 others were killed"
        re.compile(
            rf"\b{qty}\s+(?:more|others|other\s+people)\s+"
            rf"(?:(?:were|have been|had been)\s+)?(?:later\s+)?(?:{death})\b",
            flags,
        ),
        # "one of them was killed", "3 of the soldiers died"
        re.compile(
            rf"\b{qty}\s+of\s+(?:them|the\s+(?:[\w'’-]+\s+){{0,2}}?(?:{victims}))\s+"
            rf"(?:were|was|have been|has been|had been)?\s*(?:{death})\b",
            flags,
        ),
        # "3 killed", "12 dead", "causing 3 deaths", "5 bodies were found"
        re.compile(rf"\b{qty}\s+(?:{death}|deaths|fatalities|(?:dead\s+)?bodies)\b", flags),
    ]


@cache
def _cue() -> re.Pattern[str]:
    """A word without which none of the patterns can match."""
    v = _vocabulary()
    words = v["death_verbs"] + v["killing_words"] + v["death_nouns"] + v["unknown_count_words"] + v["to_death_verbs"]
    return re.compile(rf"\b(?:{_alternation(words + ['lost', 'toll'])})", re.IGNORECASE)


@cache
def _unknown_patterns() -> list[re.Pattern[str]]:
    v = _vocabulary()
    markers = _alternation(v["unknown_markers"])
    death = _alternation(v["death_verbs"] + ["killing"])
    counted = _alternation(v["unknown_count_words"])
    not_known = _alternation(v["unknown_predicates"])
    return [
        # "The number of dead and wounded IS fighters is unknown", "the number of casualties is not known"
        re.compile(
            rf"\bnumber\s+of\s+(?:[\w'’-]+\s+){{0,3}}?(?:{counted})\b[^.;]{{0,60}}?"
            rf"\b(?:is|was|are|were|remains?|remained|has\s+not\s+been|have\s+not\s+been)\s+(?:still\s+|as\s+yet\s+)?"
            rf"(?:{not_known})\b",
            re.IGNORECASE,
        ),
        # "it is unclear how many people were killed"
        re.compile(
            rf"\b(?:{not_known})\s+how\s+many\b[^.;]{{0,60}}?\b(?:{death}|casualties|fatalities)\b", re.IGNORECASE
        ),
        re.compile(rf"\b(?:{death})\b[^.;]{{0,40}}?\b(?:{markers})\b", re.IGNORECASE),
        # "an unknown number of fighters were killed"
        re.compile(
            rf"\b(?:{markers})\s+of\s+(?:[\w'’-]+\s+){{0,3}}?(?:were|was|had\s+been|have\s+been)\s+(?:{death})\b",
            re.IGNORECASE,
        ),
        # "killing and injuring several people", "were killed or wounded"
        re.compile(
            r"\b(?:killing|killed)\s+(?:and|or)\s+(?:injuring|wounding|injured|wounded)\b"
            r"|\b(?:injuring|wounding|injured|wounded)\s+(?:and|or)\s+(?:killing|killed)\b",
            re.IGNORECASE,
        ),
    ]


def find_fatalities(text: str, *, start: int = 0, end: int | None = None) -> list[Mention]:
    """Death counts in ``text[start:end]``; ``value`` is an int, or None for an unknown number."""
    end = len(text) if end is None else end
    segment = text[start:end]
    if not _cue().search(segment):
        return []  # no word of death at all: most sentences, skipped before the counting patterns
    found = PreferredMatches("fatalities", start, PRODUCED_BY)
    pronouns: set[int] = set()  # "beating him to death": the one a pronoun names may be counted already
    for pattern in _patterns():
        for match in pattern.finditer(segment):
            if (
                found.overlaps(match)
                or _is_injury_count(segment, match)
                or _counts_the_injured_too(segment, match)
                or _is_a_past_death(segment, match)
                or _is_an_accusation(segment, match)
            ):
                continue
            value = _value(match)
            if value is not None:
                found.take(match, value)
                if match.groupdict().get("pronoun"):
                    pronouns.add(start + match.start())
    for pattern in _unknown_patterns():
        for match in pattern.finditer(segment):
            if not found.overlaps(match):
                found.take(match, None)
    mentions = found.in_text_order()
    first_count = next((m.start for m in mentions if m.value is not None), None)
    mentions = [m for m in mentions if m.start not in pronouns or m.start == first_count]
    # "SOHR counted 4 dead, while IS claimed to have killed 11": a side's own claim yields to a count
    claims = [m for m in mentions if _CLAIMED.search(text[max(0, m.start - 30) : m.start])]
    if claims and len(claims) < len(mentions):
        mentions = [m for m in mentions if m not in claims]
    return mentions


def _value(match: re.Match[str]) -> int | None:
    groups = match.groupdict()
    if groups.get("one"):
        kin = len(re.findall(r"\b(?:his|her|their)\b", groups["kin_list"])) if groups.get("kin_list") else 0
        return 1 + kin + ((read_quantity(groups["qty2"]) or 0) if groups.get("qty2") else 0)
    value = read_quantity(groups["qty"])
    if value is None:
        return None
    if groups.get("each"):  # "each side lost 2 fighters"
        value *= 2
    if groups.get("self"):  # "killing himself and 2 QSD members", "killed the bomber and 3 QSD members"
        value += 1
    if groups.get("qty2"):  # two groups of dead in one phrase are added up
        value += read_quantity(groups["qty2"]) or 0
    elif groups.get("another"):  # "2 fighters and a civilian were killed"
        value += 1
    elif groups.get("kin"):  # "a man and his son", "a woman and her 3 children"
        value += (read_quantity(groups["qty3"]) or 0) if groups.get("qty3") else 1
    return value


def _is_injury_count(segment: str, match: re.Match[str]) -> bool:
    """True when the number counts the injured, e.g. "4 injured and killed" is not 4 deaths."""
    injuries = _alternation(_vocabulary()["injury_words"])
    if match.groupdict().get("qty") is None:
        return False
    between = segment[match.end("qty") : match.end()]
    first_injury = re.search(rf"\b(?:{injuries})\b", between, re.IGNORECASE)
    if first_injury is None:
        return False
    deaths = re.search(r"\b(?:killed|dead|died)\b", between, re.IGNORECASE)
    return deaths is None or first_injury.start() < deaths.start()


def _counts_the_injured_too(segment: str, match: re.Match[str]) -> bool:
    """ "5 people were killed and injured": the count is of dead and injured together (not "killed 3 members
    and injured others")."""
    if not re.search(r"\b(?:killed|dead|died)$", match.group(0), re.IGNORECASE):
        return False
    return bool(re.match(r"\s+(?:and|or)\s+(?:injured|wounded)\b", segment[match.end() :], re.IGNORECASE))


def _is_a_past_death(segment: str, match: re.Match[str]) -> bool:
    """A death told as background in a relative clause: "relatives of a young man who had died in
    prison stormed …" (pluperfect), "the father of a boy who was killed last year"; or as what an
    event came after ("rioted after a child was killed in a raid")."""
    if _AFTER_BEFORE.search(segment[max(0, match.start() - 30) : match.start()]):
        return True
    clause = _RELATIVE_DEATH.search(match.group(0))
    if clause is None:
        return False
    return bool(clause.group("had")) or _PAST_TIME.match(segment[match.end() :]) is not None


def _is_an_accusation(segment: str, match: re.Match[str]) -> bool:
    """A killing someone is accused, suspected or punished for: "a man accused of killing a woman"."""
    return _ACCUSED.search(segment[: match.start()]) is not None


def total_deaths(mentions: list[Mention], text: str | None = None) -> int | None:
    """The deaths of one event from its mentions; None when only unknown numbers are given.

    Counts in one sentence are different dead ("killing 9 soldiers; 4 militants were also
    killed") and add up, but a death toll is the total of its sentence; a sentence that gives
    a count again does not add to it, so across sentences the largest sentence total is kept,
    save a count told as more dead ("3 IS militants were also killed", "two others died").
    """
    known = sorted((m for m in mentions if m.value is not None), key=lambda m: m.start)
    if not known:
        return None
    totals: list[list[int]] = []  # per sentence: the sum of counts, and the largest death toll
    previous: Mention | None = None
    for mention in known:
        same_sentence = (
            previous is not None and text is not None and not _SENTENCE_END.search(text[previous.end : mention.start])
        )
        toll = _TOLL.match(mention.text) is not None
        if same_sentence and _ALTERNATIVE.match(mention.text) and totals:
            # "killed 9, according to SOHR, while state media put the toll at 4": the lower figure
            totals[-1][0] = min(totals[-1][0] or mention.value, mention.value)
        elif same_sentence:
            totals[-1][1 if toll else 0] += 0 if toll else mention.value
            if toll:
                totals[-1][1] = max(totals[-1][1], mention.value)
        elif totals and not toll and _MORE_DEAD.search(mention.text):
            totals[-1][0] += mention.value
        else:
            totals.append([0, mention.value] if toll else [mention.value, 0])
        previous = mention
    return max(max(counted, toll) for counted, toll in totals)


_SENTENCE_END = re.compile(r"[.!?]\s")
_TOLL = re.compile(r"death toll\b", re.IGNORECASE)
_MORE_DEAD = re.compile(r"\b(?:also|another|others|additional|a further)\b|\b\w+\s+more\b(?!\s+than)", re.IGNORECASE)
# a death verb in a relative clause at the end of a match: "who had died", "who was killed"
_RELATIVE_DEATH = re.compile(
    r"\b(?:who|whom|that|which)\s+(?P<had>had\s+)?(?:(?:also|already|previously|earlier|reportedly)\s+)?"
    r"(?:(?:was|were|been|had)\s+)?(?:[\w'’-]+(?:\s+to\s+death)?|lost\s+(?:his|her|their)\s+lives?)$",
    re.IGNORECASE,
)
# a time before the event, told shortly after the death: "last week", "in 2019", "two years ago"
_PAST_TIME = re.compile(
    r"[^.;,]{0,50}?\b(?:last\s+(?:week|month|year|summer|winter|spring|autumn|fall)|in\s+(?:19|20)\d\d\b"
    r"|(?:weeks|months|years|a\s+week|a\s+month|a\s+year)\s+ago\b|(?:earlier\s+)?(?:this|last)\s+year)\b",
    re.IGNORECASE,
)
_ACCUSED = re.compile(
    r"\b(?:accused|suspected|charged|convicted|guilty|sentenced|punished|arrested|detained|tried|wanted)\s+"
    r"(?:\w+\s+){0,2}?(?:of|for|with|over)\s+$",
    re.IGNORECASE,
)
_CLAIMED = re.compile(
    r"\b(?:claim(?:ed|s|ing)?\s+(?:to\s+have\s+|that\s+it\s+had\s+|it\s+had\s+)?"
    r"|(?:said|says|announced|stated)\s+(?:that\s+)?(?:it|they)\s+(?:had\s+)?)$",
    re.IGNORECASE,
)
_AFTER_BEFORE = re.compile(
    r"\b(?:after|following)\s+(?:the\s+)?(?:deaths?\s+of\s+)?(?:an?\s+|the\s+)?(?:[\w'’-]+\s+){0,2}$", re.IGNORECASE
)
_ALTERNATIVE = re.compile(r"(?:put|puts|putting|gave|gives|giving)\s+the\s+(?:death\s+)?toll\b", re.IGNORECASE)
