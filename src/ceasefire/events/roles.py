"""Who did what to whom: assigning actor mentions of a sentence to ACLED's actor fields.

Who acted is actor1. The doer is the actor before the event word ("Turkish troops clashed
with HTS"), or the agent of a passive ("was killed by an IED planted by an unidentified
armed group"); the actor after the event word, or the subject of a passive, is actor2.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ceasefire.events.taxonomy import load_taxonomy
from ceasefire.model import Actor, Mention

# "killed by an IED", "live fire from Turkish troops"; a bare "from" ("took X from Y") is not an agent
_AGENT_BEFORE = re.compile(
    r"\bby\s+(?:the\s+)?(?:(?:members?|fighters?|elements?|gunmen|militants?|men)\s+(?:of|from)\s+(?:the\s+)?)?$"
    r"|\b(?:fire|fired|launched|shelling|shots|strikes?|missiles?|rockets?|shells?)\s+from\s+(?:the\s+)?$",
    re.IGNORECASE,
)
# "a barrage of artillery and rocket shells, fired by unidentified forces from …": a verb of the means names its doer
_MEANS_AGENT_BEFORE = re.compile(
    r"\b(?:(?:fired|launched|planted|placed|laid|dropped|detonated|carried out|conducted|committed)\s+by"
    r"|attributed\s+to|blamed\s+on)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_TARGET_BEFORE = re.compile(
    r"\b(?:(?!(?:members|fighters|elements|units|forces|troops|militants|gunmen|men|soldiers)\b)\w+\s+of"
    r"|on|at|targeting|against|carrying)\s+(?:an?\s+|the\s+)?$",
    re.IGNORECASE,
)
_FIRES_AFTER = re.compile(r"^\s+(?:had\s+|have\s+|has\s+)?(?:fired|launched|dropped|planted)\b", re.IGNORECASE)
_COORDINATED = re.compile(
    r"^\s*(?:,|and|,\s*and|together with|alongside|with the support of|backed by)\s+(?:the\s+|its\s+|their\s+)?"
    r"(?:(?:leadership|leaders?|commanders?|representatives?|members?|delegations?) of\s+(?:the\s+)?)?$",
    re.IGNORECASE,
)
_PARTIES_AFTER = re.compile(
    r"^\s*(?:[\w-]+\s+){0,3}?(?:by|between|among)\s+(?:the\s+)?(?:(?:leadership|leaders?) of\s+(?:the\s+)?)?$",
    re.IGNORECASE,
)
_PASSIVE_AFTER = re.compile(
    r"^\s+(?:(?:[\w-]+\s+){0,2}|and\s+(?:an?|one|two|three|four|five|\d+|the|his|her|their)\s+(?:[\w-]+\s+){0,2})?"
    r"(?:(?:was|were|had been|have been|has been|got)\s+(?:\w+\s+)?"
    r"(?:killed|wounded|injured|hit|targeted|attacked|shelled|struck|ambushed|abducted|kidnapped|arrested|detained|"
    r"pushed back|pushed out|driven out|driven back|forced out|expelled|ousted|routed|dislodged)"
    r"|died|lost (?:his|her|their) lives)\b",
    re.IGNORECASE,
)
# one-sided violence: an actor named after the event word with no "by" before it is the target
_ONE_SIDED_EVENT_TYPES = ("Explosions/Remote violence", "Violence against civilians")
_PASSIVE_BEFORE = re.compile(r"\b(?:was|were|been|being|is|are)\s+(?:\w+\s+)?$", re.IGNORECASE)
_LAUNCHED_FROM = re.compile(r"^[^.;]{0,60}\b(?:fired|launched)\s+from\s+(?:the\s+)?$", re.IGNORECASE)
_OPENING_CLAUSE = re.compile(
    r"(?:^|[.;]\s+|,\s*)(?:after|following|amid|despite|during|in response to|on the \w+ day of)\b[^,;.]*$",
    re.IGNORECASE,
)
# "Backed by Turkish drones, SNA factions seized …": an opening clause that names who helped the doer
_SUPPORT_OPENING = re.compile(
    r"(?:^|[.;]\s+|,\s*)(?:(?:(?:in|during|under) [^,;.]{0,40}?)?(?:backed|supported|aided|assisted|covered|helped) by"
    r"|with the (?:support|backing|help|cover) of|under (?:the )?cover of"
    r"|with\b(?=[^,;.]*\b(?:support|backing|cover|help)\b))[^,;.]*$",
    re.IGNORECASE,
)
_CLAUSE_BREAK = re.compile(r",\s+(?:and|while|whereas|but)\s|;\s", re.IGNORECASE)
_SUPPORTED_BY = re.compile(r"\b(?:backed|supported|aided|assisted|covered)\s+by\s+(?:the\s+)?$", re.IGNORECASE)
_TAKEOVERS = {
    "Government regains territory",
    "Non-state actor overtakes territory",
    "Non-violent transfer of territory",
}
_VERB_AFTER = re.compile(
    r"\b(?:\w+ed|struck|hit|fired|shot|dropped|blew|took|began|held|ran|set|launched|carried|opened|drove)\b",
    re.IGNORECASE,
)
_LOSER_BEFORE = re.compile(r"\b(?:from|of)\s+(?:the\s+)?$", re.IGNORECASE)
_JAILER_AFTER = re.compile(r"^\s*(?:[\w-]+\s+)?(?:prisons?|detention|jails?|custody|security branch)\b", re.IGNORECASE)
_AGENT_REACH_WORDS = 3  # "an IED, planted by X": the "by" phrase must belong to the event word
_ACTS_ON = re.compile(
    r"\b(?:target(?:ed|ing)|attack(?:ed|ing)|infiltrat(?:ed|ing)|raid(?:ed|ing)|storm(?:ed|ing)|ambush(?:ed|ing)|"
    r"besieg(?:ed|ing)|advanc(?:ed|ing) on|hit|struck|shelled|bombed|against)\b",
    re.IGNORECASE,
)
_PARTY_WITH = re.compile(r"^\s*(?:[\w-]+\s+){0,4}?with\s+(?:the\s+)?$", re.IGNORECASE)


@dataclass(frozen=True, kw_only=True)
class Role:
    """An actor in an event, with the mention it was read from (None when carried over)."""

    actor: Actor
    mention: Mention | None

    @property
    def start(self) -> int:
        """Where its mention starts (-1 for an actor carried over without one)."""
        return self.mention.start if self.mention is not None else -1

    @property
    def end(self) -> int:
        return self.mention.end if self.mention is not None else -1


@dataclass(frozen=True, kw_only=True)
class Roles:
    actor1: Role | None = None
    assoc_actor_1: Role | None = None
    actor2: Role | None = None
    assoc_actor_2: Role | None = None

    def actors(self) -> list[Actor]:
        return [r.actor for r in (self.actor1, self.assoc_actor_1, self.actor2, self.assoc_actor_2) if r]


def assign_roles(
    text: str,
    trigger: Mention,
    actors: list[Role],
    *,
    sub_event_type: str,
) -> Roles:
    """Actor fields for one event from the (already resolved) actors of its sentence(s)."""
    every = actors  # with repeats: "President Putin and President Erdogan" walks through all four
    actors = _distinct(actors)
    if not actors:
        return Roles()
    if sub_event_type == "Agreement":
        parties = _parties(text, trigger, every)
        return Roles(actor1=parties[0] if parties else None, actor2=parties[1] if len(parties) > 1 else None)
    # Actors inside a many-word trigger ("a patrol of Turkish and Russian forces took place") act in it, save the
    # target of a one-sided one ("a bomb attached to the car of a Syrian army officer exploded")
    hit_inside = [
        r
        for r in actors
        if sub_event_type in one_sided_sub_event_types()
        and r.mention is not None
        and trigger.start < r.start < trigger.end
        and _TARGET_BEFORE.search(text[trigger.start : r.start])
    ]
    before = [r for r in actors if (r.mention is None or r.start < trigger.end) and r not in hit_inside]
    after = hit_inside + [r for r in actors if r.mention is not None and r.start >= trigger.end]
    passive = bool(_PASSIVE_BEFORE.search(text[max(0, trigger.start - 25) : trigger.start]))
    agents = [
        r
        for r in after
        if _AGENT_BEFORE.search(text[max(0, r.start - 30) : r.start])
        and not _supported_by(text, r)  # "a raid supported by …" names a helper
        and (passive or len(text[trigger.end : r.start].split()) <= _AGENT_REACH_WORDS)
        or _LAUNCHED_FROM.search(text[trigger.end : r.start])  # "a missile, fired from regime-held areas"
        or _FIRES_AFTER.match(text[r.end : r.end + 30])  # "a missile that SOHR said Russian forces had fired"
        or (
            _MEANS_AGENT_BEFORE.search(text[max(0, r.start - 20) : r.start])
            and not re.search(r"[.;]", text[trigger.end : r.start])
        )
        or _JAILER_AFTER.match(text[r.end : r.end + 30])  # "died under torture in a regime prison"
    ]
    # named before the trigger's verb ("a Turkish drone hit"), not as its object ("captured an al-Shabaab commander")
    inside = [
        r
        for r in before
        if r.mention is not None and r.end > trigger.start and _VERB_AFTER.search(text[r.end : max(r.end, trigger.end)])
    ]
    if inside and not agents:
        agents = inside[:1]  # "… when a Turkish drone hit their vehicle": the doer is named in the event words
    if agents:
        doer = agents[0]
        side1 = [doer] + _partners(text, doer, inside[1:] + after)
        victims = [r for r in before + after if r not in side1 and r.actor not in {s.actor for s in side1}]
        return _roles(side1, victims)
    victims = [r for r in before if r.mention is not None and _PASSIVE_AFTER.match(text[r.end : r.end + 40])]
    if victims and len(victims) < len(before) + len(after):
        doers = [r for r in before if r not in victims] + after
        return _roles(doers[:1] + _partners(text, doers[0], doers[1:]) if doers else [], victims)
    if victims and (sub_event_type in one_sided_sub_event_types() or sub_event_type in _TAKEOVERS):
        return _roles([], victims)  # "a QSD commander was killed when a bomb went off": no doer is named
    if before:
        # "after a night of clashes with HTS, the Syrian army entered Khan al-Asal": the opening clause's actors
        # are not the doer
        opening = [r for r in before if r.mention is not None and _in_opening_clause(text, r, trigger)]
        if opening and len(opening) < len(before):
            before = [r for r in before if r not in opening]
            after = after + opening  # named after the event word, a party takes precedence
        helpers = [
            r for r in before if r.mention is not None and _in_opening_clause(text, r, trigger, _SUPPORT_OPENING)
        ]
        if helpers and len(helpers) < len(before):
            before = [r for r in before if r not in helpers]
            before = before[:1] + helpers + before[1:]  # the doer first, then who helped it
        # "QSD fighters left the city, and SNA factions took it over": the doer is the subject of the event's clause
        clause = [r for r in before if r.mention is not None and not _CLAUSE_BREAK.search(text[r.end : trigger.start])]
        if clause and len(clause) < len(before) and _CLAUSE_BREAK.search(text[before[0].end : clause[0].start]):
            after = [r for r in before if r not in clause] + after
            before = clause
        first = before[0]
        # "NLF fighters targeted regime positions with artillery": an actor the doer acts on is not its partner
        objects = [
            r
            for r in before[1:]
            if r.mention is not None
            and first.mention is not None
            and (_ACTS_ON.search(text[first.end : r.start]) or r.start >= trigger.start)  # "shot down a regime drone"
        ]
        side1 = [first] + [r for r in before[1:] if r not in objects and r.actor != first.actor]
        if sub_event_type == "Armed clash" and not objects and not after and len(side1) > 1:
            return _roles(side1[:1], side1[1:])  # "HTS fighters and regime forces exchanged fire": two sides
        return _roles(side1, objects + [r for r in after if r.actor not in {s.actor for s in side1}])
    if sub_event_type in _TAKEOVERS:
        # "recaptured the town from Boko Haram", "cleared 14 villages of militants": who lost it is actor2
        losers = [r for r in after if _LOSER_BEFORE.search(text[max(0, r.start - 12) : r.start])]
        if losers:
            return _roles([r for r in after if r not in losers][:1], losers)
    if sub_event_type in one_sided_sub_event_types():
        return _roles([], after)  # "a bomb hit a bus carrying Syrian soldiers"
    if len(after) > 1 and _supported_by(text, after[0]):
        # "a raid supported by Coalition helicopters, QSD fighters detained …": the helper comes second
        return _roles([after[1], after[0]], after[2:])
    return _roles(after[:1], after[1:])


@cache
def one_sided_sub_event_types() -> frozenset[str]:
    """The sub-event types of the taxonomy's one-sided event types (remote violence, violence against civilians)."""
    taxonomy = load_taxonomy()
    return frozenset(s.name for s in taxonomy.sub_events if s.event_type in _ONE_SIDED_EVENT_TYPES)


def _supported_by(text: str, role: Role) -> bool:
    """Is the actor named as a helper ("backed by X", "supported by X")?"""
    return bool(_SUPPORTED_BY.search(text[max(0, role.start - 20) : role.start]))


def _in_opening_clause(text: str, role: Role, trigger: Mention, clause: re.Pattern[str] = _OPENING_CLAUSE) -> bool:
    """Is the actor inside a clause that opens the sentence before its subject ("after …, X did")?"""
    opens = clause.search(text[max(0, role.start - 60) : role.start])
    return opens is not None and "," in text[role.end : trigger.start]


def _parties(text: str, trigger: Mention, actors: list[Role]) -> list[Role]:
    """The parties to an agreement: "a deal reached by X and Y", "X and Y agreed", "X signed with Y"."""
    after = [r for r in actors if r.mention is not None and r.start >= trigger.end]
    if after and _PARTIES_AFTER.match(text[trigger.end : after[0].start]):
        parties = [after[0]] + _partners(text, after[0], after)
        before = [r for r in actors if r.mention is not None and r.start < trigger.start]
        if len(parties) == 1 and before:
            parties.append(before[-1])
        return _distinct(parties)
    before = [r for r in actors if r.mention is None or r.start < trigger.start]
    found: list[Role] = []
    if before:
        found = [before[-1]]
        for role in reversed(before[:-1]):
            if (
                role.mention is not None
                and found[0].mention is not None
                and (
                    role.end >= found[0].start
                    or not text[role.end : found[0].start].strip()  # "Turkish President Erdogan"
                    or _COORDINATED.match(text[role.end : found[0].start])
                )
            ):
                found.insert(0, role)
            else:
                break
    if after and _PARTY_WITH.match(text[trigger.end : after[0].start]):
        found.append(after[0])
    if not found:
        found = after[:2]
    return _distinct(found)


def _partners(text: str, doer: Role, after: list[Role]) -> list[Role]:
    """Actors coordinated with ``doer`` right after it ("X and Y", "Turkish and Russian presidents")."""
    partners = []
    last_end = doer.end if doer.mention else 0
    for role in after:
        if role is doer or role.mention is None:
            continue
        if doer.mention is not None and role.start < last_end and role.end == last_end and role.start > doer.start:
            partners.append(role)  # a second country of the same coordinated phrase
            continue
        if role.start < last_end:
            continue
        if _COORDINATED.match(text[last_end : role.start]):
            partners.append(role)
            last_end = role.end
        else:
            break
    return partners


def _roles(side1: list[Role], side2: list[Role]) -> Roles:
    side2 = [r for r in side2 if r.actor not in {s.actor for s in side1}]
    return Roles(
        actor1=side1[0] if side1 else None,
        assoc_actor_1=side1[1] if len(side1) > 1 else None,
        actor2=side2[0] if side2 else None,
        assoc_actor_2=side2[1] if len(side2) > 1 else None,
    )


def _distinct(actors: list[Role]) -> list[Role]:
    seen: set[str] = set()
    kept = []
    for role in actors:
        if role.actor.name not in seen:
            seen.add(role.actor.name)
            kept.append(role)
    return kept
