"""The event coder: from an annotated document to ACLED-style events with evidence.

It reads the mentions the earlier stages left on the document (dates, actors, places,
death counts, event words) sentence by sentence. An event word opens an event; a
following sentence that only adds to it (the death toll, where the patrol reached, what
"the sides" did next) is folded into it, so one event may span sentences and one sentence
may hold several events. Fields a sentence does not give are carried over the way a human
coder reads a story: the date set by an earlier sentence of the paragraph, else the period
the article opens with; the place named just before; the province the article is about.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from functools import cache, cached_property

from ceasefire.actors.matcher import ActorMatch
from ceasefire.events.classifier import SubEventClassifier
from ceasefire.events.roles import Role, Roles, assign_roles, one_sided_sub_event_types
from ceasefire.events.taxonomy import Taxonomy, load_taxonomy
from ceasefire.events.triggers import Trigger, TriggerRule, TriggerSet, load_triggers
from ceasefire.geo.resolve import haversine_km
from ceasefire.model import Actor, AnnotatedDocument, DateValue, Event, Evidence, Mention, Place, Sentence
from ceasefire.nlp.casualties import total_deaths
from ceasefire.nlp.dates import news_day_words
from ceasefire.nlp.modality import ModalityReading, read_modality, speaks_of_the_future

PRODUCED_BY = "events.coder.v1"
_CONTINUATION_REACH = 2  # sentences after an event that may still add to it
_REGION_BEFORE = re.compile(
    r"(?:\b(?:Greater|greater|[Rr]ural|(?:[Nn]orth|[Ss]outh|[Ee]ast|[Ww]est|[Cc]entral|north-?east|north-?west|south-?east"
    r"|south-?west)(?:ern)?|province of|governorate of|countryside of|outskirts of the province of)\s+){1,2}$"
)
_COUNTRYSIDE = re.compile(r"\b(?:[Rr]ural|countryside of)\s+$|^\s+countryside\b")
_REGION_AFTER = re.compile(r"^\s+(?:province|governorate|countryside|region|area)\b", re.IGNORECASE)
_DEFINITE_BEFORE = re.compile(r"\b(?:the|this|that|these|those)\s+$", re.IGNORECASE)  # "repelled the attack"
_DURING_THE = re.compile(r"\b(?:during|in|amid)\s+the\s+$", re.IGNORECASE)
_DEFINITE_INSIDE = re.compile(r"\b(?:the|this|that|these|those)\s+[\w-]+$|\b(?:them|it)\s+off$", re.IGNORECASE)
_FRONT_AFTER = re.compile(r"^\s+(?:front|frontlines?|front lines?|axis|axes)\b", re.IGNORECASE)
_STRONG_LOCATIVE = re.compile(
    r"\b(?:in|at|near|outside|into|around|inside|hit|struck|shelled|targeted|bombed|pounded|stormed|captured|"
    r"recaptured|entered|seized|raided|surrounded|besieged|reached|retook|overran|stormed)\s+(?:the\s+)?(?:(?:town|village|city|outskirts|area|vicinity)\s+of\s+(?:the\s+)?)?$"
    r"|\b(?:town|village|city|outskirts|entrance|vicinity)\s+(?:of|to)\s+(?:the\s+)?(?:(?:town|village|city)\s+of\s+)?$",
    re.IGNORECASE,
)
_ORIGIN_BEFORE = re.compile(
    r"\b(?:stationed|positioned|based|deployed|launched|coming|operating|flying|crossed|came|fired)\s+(?:in|at|around|near|from|"
    r"out of|over)\s+(?:the\s+)?(?:[\w-]+\s+)?$|\bfrom\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_REFERENCE_BEFORE = re.compile(
    r"\b(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?\s+of\s+(?:the\s+)?$", re.IGNORECASE
)
_WEAK_LOCATIVE = re.compile(r"\b(?:of|to|from|on|towards?|between|and)\s+(?:the\s+)?$", re.IGNORECASE)
_MODIFIED_NOUN = re.compile(
    r"^\s+(?:ceasefire|truce|deal|agreement|accord|offensive|operation|de-escalation|memorandum|protocol)\b",
    re.IGNORECASE,
)
_SPEECH_AFTER = re.compile(
    r"^\s+(?:(?![a-z]+ed\s)[\w-]+\s+){0,4}?(?<!\bwas )(?<!\bwere )(?<!\bbeen )(?<!\bbeing )(?<!\bis )(?<!\bare )"
    r"(?:said|says|announced|stated|reported|claimed|denied|told|confirmed|accused|blamed)\b",
    re.IGNORECASE,
)
_WITH_MEANS = re.compile(r"^\s+(?:[\w'-]+\s+){0,4}?(?:with|using)\s+(?:(?:a|an|the|several|two|three|hand)\s+)*$")
_WITH_BEFORE = re.compile(
    r"\b(?:with|using)\s+(?:(?:a|an|the|several|two|three|four|\d+|dozens\s+of|a\s+series\s+of|heavy)\s+)*$",
    re.IGNORECASE,
)
_MEANS_GAP = re.compile(
    r"^(?:\s+(?:a|an|the|several|two|three|four|of|with|using|[a-z]+-guided|guided|heavy|more|than|over|some|about|"
    r"dozens|\d+))*\s*$"
)
# "Ahrar al-Sham fighters of the NLF", "Faylaq al-Sham, part of the NLF": the group is coded as its coalition
_PART_OF = re.compile(
    r"^\s*(?:fighters|members|militants)?\s*(?:,\s*)?"
    r"(?:(?:which is |a )?(?:part|member|faction|component) of|of|within)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_ACCORDING_TO = re.compile(r"\baccording\s+to\s+(?:(?:the|an?|local|some)\s+)*$", re.IGNORECASE)
# "gunmen of the Hamza Division": a generic doer followed by the group it belongs to
_MEMBER_OF = re.compile(r"\s+(?:of|from|belonging\s+to|affiliated\s+with|loyal\s+to)\s+(?:the\s+)?", re.IGNORECASE)
_FORMER_BEFORE = re.compile(r"\b(?:former|ex-)\s*$", re.IGNORECASE)
# "an army spokesman", "Turkish military sources": the actor names who speaks, not who acts
_SPOKESPERSON_AFTER = re.compile(r"^\s+(?:spokes(?:man|woman|person)|sources?|statement|media office)\b", re.IGNORECASE)
_SPEAKER_GOES_ON = re.compile(r"^\s+(?:that\s+)?(?:it|they|its|their)\b", re.IGNORECASE)  # "QSD announced it had…"
_VICTIM_DEFAULT_CIVILIANS = {
    "Arrests",
    "Abduction/forced disappearance",
    "Looting/property destruction",
    "Mob violence",
    "Attack",
    "Sexual violence",
}
_CLAIM = re.compile(
    r"^\s+(?:later\s+)?(?:has\s+|have\s+)?(?:claimed\s+(?:the\s+)?(?:responsibility|the attack|the bombing)"
    r"|(?:said|announced|admitted) (?:that )?it (?:had )?(?:planted|carried out|was behind|detonated))",
    re.IGNORECASE,
)
_NOTHING = re.compile(r"(?!)")
_CIVILIAN_KINDS = {"civilians"}
_ARMED_KINDS = ("state_forces", "police", "rebel", "militia", "unidentified")
_TARGET_REACH_WORDS = 4  # "threw stones and shoes at <actor>"
_INTERVENTION_REACH = 60  # characters between an intervention cue and the intervening actor
_DOER_NOUN = re.compile(
    r"\b(?:(?P<state>troops|soldiers|the army|army|government forces|government troops|security forces|the military|"
    r"armed forces|servicemen|commandos|marines|paratroopers)|(?P<other>insurgents|rebels|militants|jihadists|"
    r"guerrillas|militia|militiamen|fighters|separatists|resistance forces|gunmen|bandits))\b",
    re.IGNORECASE,
)
_CHARGED_WITH = re.compile(
    r"\b(?:spying|working|informing|collaborating|dealing|communicating|smuggling|fighting|cooperating)\s+"
    r"(?:for|with)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_SAME_PLACE_KM = 10.0  # ACLED's events are one place each; towns further apart are events of their own
_IN_RETURN = re.compile(r"\b(?:in turn|in retaliation|retaliat\w*|hit back|responded|in response)\b", re.IGNORECASE)
_BETWEEN_BEFORE = re.compile(r"\bbetween\s+(?:the\s+)?(?:(?:villages?|towns?)\s+of\s+)?$", re.IGNORECASE)
_PLACE_LIST_GAP = re.compile(
    r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)(?:the\s+)?(?:(?:villages?|towns?|city|outskirts|area)\s+of\s+)?",
    re.IGNORECASE,
)
_NO_COUNTERPART = {"Change to group/activity", "Headquarters or base established"}
_VIOLENT = {"Battles", "Explosions/Remote violence", "Violence against civilians"}
_HARM = re.compile(r"\b(?:killing|killed|kills|died|dead|deaths?|injur\w*|wound\w*|hurt|casualt\w*)\b", re.IGNORECASE)
_NO_HARM = re.compile(
    r"\bno (?:one|body|civilians?|people|casualt\w*|deaths?|injur\w*|fatalit\w*)\b|\bnobody\b|\bunhurt\b", re.IGNORECASE
)


@dataclass(frozen=True, kw_only=True)
class CodingContext:
    """What the coder needs besides the document: its vocabularies and a way to find a
    province's capital (for events placed only at province level)."""

    triggers: TriggerSet
    taxonomy: Taxonomy
    admin1_place: Callable[[str], Place | None]
    classifier: SubEventClassifier | None = None
    rule_weight: float = 0.5  # how much the event word's own type counts beside the classifier's belief
    settled_weight: float = 1.5  # an event word whose type a found doer, target or context word chose
    lone_event_threshold: float = 0.35  # a document without event words still gets the classifier's event
    no_event_threshold: float = 0.7  # an unsettled event word in a sentence the classifier reads as no conflict

    @classmethod
    def default(cls, admin1_place: Callable[[str], Place | None]) -> CodingContext:
        return cls(
            triggers=load_triggers(),
            taxonomy=load_taxonomy(),
            admin1_place=admin1_place,
            classifier=SubEventClassifier.load(),
        )

    def choose_type(
        self,
        rule_type: str,
        text: str,
        weight: float = 1.0,
        settled: frozenset[str] = frozenset(),
        claimed: frozenset[str] = frozenset(),
    ) -> tuple[str, float]:
        """The sub-event type of an event whose word signals ``rule_type``, read with the
        classifier's belief about the sentence; and how sure the choice is. Among the types of
        ``settled`` the rules have already chosen ``rule_type`` (who took the town, whom the
        attack hit): the classifier's belief in any of them counts for it. The types in ``claimed``
        belong to other events of the same text and are not this one's to take."""
        if self.classifier is None:
            return rule_type, 0.5
        scores: dict[str, float] = {}
        for code, probability in self.classifier.predict(text):
            name = self.classifier.sub_event_type(code)
            if name is not None:
                name = rule_type if name in settled else name
                if name not in claimed:
                    scores[name] = scores.get(name, 0.0) + probability
        scores[rule_type] = scores.get(rule_type, 0.0) + self.rule_weight * weight
        best = max(scores, key=lambda name: scores[name])
        return best, min(1.0, scores[best])

    def reads_as_no_conflict(self, text: str) -> bool:
        """Does the classifier read ``text`` as crime, disaster, diplomacy or a claim, surely enough to
        outweigh an event word whose type nothing else settled?"""
        if self.classifier is None:
            return False
        quiet = sum(p for code, p in self.classifier.predict(text) if self.classifier.sub_event_type(code) is None)
        return quiet >= self.no_event_threshold


def _names_event(trigger: Mention) -> bool:
    """An event word that names an event of its own, not only its means or a word that counts when alone."""
    return not trigger.value.instrument and not trigger.value.rule.fallback


def _retype_family(rule: TriggerRule) -> frozenset[str]:
    """The types a rule's retyping chooses among."""
    retype = rule.retype
    types = {rule.sub_event_type}
    for key in ("by_actor1", "by_target"):
        types.update(str(name) for name in retype.get(key, {}).values())
    types.update(str(option["sub_event_type"]) for option in retype.get("by_context", []))
    return frozenset(types)


@dataclass(kw_only=True)
class _PlaceChoice:
    place: Place
    precision: int
    mention: Mention | None
    own: bool  # named in the event's own sentences
    regional: bool = False  # a town named for its surroundings ("the Ariha countryside"): yields to places named


@dataclass(kw_only=True)
class _Draft:
    """An event being assembled; mutable while sentences are folded into it."""

    sub_event_type: str
    trigger: Mention
    paragraph: int
    sentences: list[int]
    date: DateValue | None
    date_mention: Mention | None
    date_own: bool
    roles: Roles
    place: _PlaceChoice | None
    deaths: list[Mention] = field(default_factory=list)
    modality: ModalityReading = field(default_factory=lambda: ModalityReading(modality="reported"))
    modality_offset: int = 0
    cues: list[Mention] = field(default_factory=list)
    belief: float = 0.5  # how sure the sub-event type is
    also_at: int = 0  # 1, 2, … for the events of the further places one event word lists ("shelled A and B")


@cache
def _news_day() -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in news_day_words()) + r")\b", re.IGNORECASE)


def code_events(annotated: AnnotatedDocument, context: CodingContext) -> list[Event]:
    """Every event the document reports, forecasts or assesses, in text order."""
    return _Coder(annotated, context).run()


class _Coder:
    def __init__(self, annotated: AnnotatedDocument, context: CodingContext):
        self.adoc = annotated
        self.doc = annotated.document
        self.text = annotated.document.text
        self.ctx = context
        self.sentences = list(annotated.sentences)
        self.by_sentence = self._mentions_by_sentence()
        self.focus_date = self._focus_date()
        self.focus_place = self._focus_place()
        self.narrative: dict[int, Mention] = {}
        self.harm_told: dict[int, int] = {}  # sentences that tell deaths of no event yet, by their paragraph
        self._retypes: dict[tuple[int, int, int], tuple[str, bool]] = {}  # read once per trigger
        self.drafts: list[_Draft] = []

    # -- reading the document -------------------------------------------------------------

    def _mentions_by_sentence(self) -> list[dict[str, list[Mention]]]:
        table: list[dict[str, list[Mention]]] = [dict() for _ in self.sentences]
        index = 0
        for mention in sorted(self.adoc.mentions, key=lambda m: m.start):
            while index < len(self.sentences) and self.sentences[index].end <= mention.start:
                index += 1
            if index >= len(self.sentences):
                break
            if mention.start >= self.sentences[index].start:
                table[index].setdefault(mention.kind, []).append(mention)
        return table

    @cached_property
    def _lead_date(self) -> Mention | None:
        """The first date the report gives ("On 22 July 2020, …")."""
        dates = [m for m in self.adoc.mentions if m.kind == "date"]
        return min(dates, key=lambda m: m.start) if dates else None

    def _focus_date(self) -> Mention | None:
        """The period an article opens with ("In the second half of April and early May"); a count "since"
        a date ("… sent in since 2 February") is background, not the article's period."""
        for i, sentence in enumerate(self.sentences):
            if sentence.paragraph > 2:
                break
            for mention in self.by_sentence[i].get("date", []):
                if mention.value.precision != "day" and not mention.text.lower().startswith("since"):
                    return mention
        return None

    def _focus_place(self) -> _PlaceChoice | None:
        places = [m for m in self.adoc.mentions if m.kind == "place" and m.value.place.country]
        admin1s: dict[str, int] = {}
        for mention in places:
            if mention.value.place.admin1:
                admin1s[mention.value.place.admin1] = admin1s.get(mention.value.place.admin1, 0) + 1
        if not admin1s:
            return None
        best = max(admin1s, key=lambda a: admin1s[a])
        capital = self.ctx.admin1_place(best)
        if capital is None:
            return None
        return _PlaceChoice(place=capital, precision=3, mention=None, own=False)

    # -- the sentence loop ---------------------------------------------------------------

    def run(self) -> list[Event]:
        for i, sentence in enumerate(self.sentences):
            mentions = self.by_sentence[i]
            triggers = mentions.get("trigger", [])
            previous = self._open_draft(i, sentence)
            if previous is not None and self._continues(previous, i, triggers):
                self._fold(previous, i)
                continue
            created = False
            distinct = self._distinct_triggers(i, triggers)
            for k, trigger in enumerate(distinct):
                # with several events in a sentence, each takes the actors of its own clause
                window = (
                    distinct[k - 1].end if k else sentence.start,
                    distinct[k + 1].start if k + 1 < len(distinct) else sentence.end,
                )
                others = frozenset(self._retyped(i, t) for t in distinct if t is not trigger)
                draft = self._draft(i, sentence, trigger, window, others)
                if draft is None:
                    continue
                if any(d.sentences[0] == i and d.sub_event_type == draft.sub_event_type for d in self.drafts):
                    continue  # read as the same kind of event as one already coded from this sentence
                self._take_deaths_told_before(draft, i)
                if self._explains(draft, i):
                    continue
                # ACLED codes one event per place: "shelled Sufuhun and Fattirah" is two shelling events; the deaths
                # and what the next sentences add stay with the first place named
                for n, place in enumerate(self._places_listed_with(i, trigger, draft.place), 1):
                    self.drafts.append(
                        replace(draft, place=place, deaths=[], sentences=list(draft.sentences), also_at=n)
                    )
                self.drafts.append(draft)
                created = True
            if mentions.get("date") and (
                not created or _news_day().search(mentions["date"][-1].text) or mentions["date"][-1] is self._lead_date
            ):
                # "Turkish troops moved on Sunday … Later in the day a drone struck a car": the day told last in the
                # paragraph, or the report's opening date, dates what follows it; a past date an event was told with
                # later on ("the deal of 5 March") does not
                self.narrative[sentence.paragraph] = mentions["date"][-1]
            if not created and not distinct and mentions.get("fatalities"):
                self.harm_told[i] = sentence.paragraph  # "The bodies of 2 shepherds were found." and no event yet
        if not self.drafts:
            self._lone_event()
        for draft in self.drafts:
            self._credit_claim(draft)
        # the event of the first place named comes first, the places its event word listed after it follow
        firsts = [d for d in self.drafts if not d.also_at]
        ordered = [x for d in firsts for x in sorted(self._same_word(d), key=lambda x: x.also_at)]
        return [self._event(d) for d in ordered]

    def _same_word(self, draft: _Draft) -> list[_Draft]:
        """``draft`` and the events of the further places its event word lists."""
        return [x for x in self.drafts if x.trigger is draft.trigger]

    def _lone_event(self) -> None:
        """A report with no event word the vocabulary knows may still tell of one the
        classifier recognises: code it from the whole text, anchored at its first sentence."""
        classifier = self.ctx.classifier
        if classifier is None or not self.sentences or self.ctx.triggers.accident_cues.search(self.text):
            return  # a report of an accident explains its own deaths and blasts
        code, probability = classifier.predict(self.text)[0]
        name = classifier.sub_event_type(code)
        if name is None or probability < self.ctx.lone_event_threshold:
            return
        first = self.sentences[0]
        rule = TriggerRule(sub_event_type=name, pattern=_NOTHING, retype={}, fallback=True)
        anchor = Mention(
            kind="trigger",
            start=first.start,
            end=first.end,
            text=first.text,
            value=Trigger(rule=rule),
            produced_by="events.classifier.v1",
        )
        draft = self._draft(0, first, anchor, (first.start, first.end))
        if draft is not None:
            draft.sub_event_type, draft.belief = name, probability
            self.drafts.append(draft)

    def _credit_claim(self, draft: _Draft) -> None:
        """ "IS claimed responsibility": the claimant is the doer of an attack nobody was named for."""
        if draft.roles.actor1 is not None and draft.roles.actor1.actor.kind != "unidentified":
            return
        last = draft.sentences[-1]
        scope = [
            j
            for j in (*draft.sentences, last + 1)
            if j < len(self.sentences) and self.sentences[j].paragraph == draft.paragraph
        ]
        for j in scope:
            for mention in self.by_sentence[j].get("actor", []):
                if _CLAIM.match(self.text[mention.end : mention.end + 60]):
                    actor = mention.value.resolve(diplomatic=False, country=self._country_hint(j))
                    if actor is not None:
                        draft.roles = Roles(
                            actor1=Role(actor=actor, mention=mention),
                            actor2=draft.roles.actor2,
                            assoc_actor_2=draft.roles.assoc_actor_2,
                        )
                        return

    def _open_draft(self, i: int, sentence: Sentence) -> _Draft | None:
        if not self.drafts:
            return None
        last = self.drafts[-1]
        if last.paragraph != sentence.paragraph or i - last.sentences[-1] > _CONTINUATION_REACH:
            return None
        # the events told in the last sentence: the deaths or the means told next belong to the one they fit
        # ("… clashed after HTS detained a leader. 3 fighters were killed."; "Regime forces took the town after
        # the rebels withdrew. Clashes on its edge killed 14.")
        told = [d for d in self.drafts if d.sentences[-1] == last.sentences[-1]]
        new_types = self._named_types(i)
        if new_types:
            fitting = [d for d in told if new_types <= {d.sub_event_type} | d.trigger.value.rule.absorbs]
        else:
            fitting = [d for d in told if self._lethal(d)] if self.by_sentence[i].get("fatalities") else []
        return fitting[-1] if fitting else last

    def _take_deaths_told_before(self, draft: _Draft, i: int) -> None:
        """ "The bodies of 2 shepherds were found near Markada. IS cells had shot them.": deaths told in the
        sentence before, which gave no event of its own, are this event's."""
        if self.harm_told.get(i - 1) != draft.paragraph:
            return
        draft.sentences.insert(0, i - 1)
        draft.deaths = list(self.by_sentence[i - 1].get("fatalities", [])) + draft.deaths
        if draft.place is None or not draft.place.own:
            draft.place = self._place_in_sentence(i - 1) or draft.place

    def _explains(self, draft: _Draft, i: int) -> bool:
        """ "A family of 4 was killed in Kafr Taal. Their house was hit in a Russian air raid.": the harm told
        first, with only a word of harm for its event, is the event told next; ``draft`` takes it over."""
        harm = self.drafts[-1] if self.drafts else None
        if (
            harm is None
            or not harm.trigger.value.rule.fallback
            or draft.trigger.value.rule.fallback
            or harm.paragraph != draft.paragraph
            or harm.sentences[-1] != i - 1
            or draft.date_own
            or self.ctx.taxonomy.event_type_of(draft.sub_event_type) not in _VIOLENT
        ):
            return False
        draft.sentences = harm.sentences + draft.sentences
        draft.date, draft.date_mention, draft.date_own = harm.date, harm.date_mention, harm.date_own
        draft.deaths = harm.deaths + draft.deaths
        if draft.place is None or not draft.place.own:
            draft.place = harm.place
        victim = harm.roles.actor2
        actor1 = draft.roles.actor1.actor if draft.roles.actor1 else None
        if draft.roles.actor2 is None and victim is not None and victim.actor != actor1:
            draft.roles = Roles(actor1=draft.roles.actor1, assoc_actor_1=draft.roles.assoc_actor_1, actor2=victim)
        self.drafts[-1] = draft
        return True

    def _named_types(self, i: int) -> set[str]:
        """The types of the events sentence ``i`` names, not counting means or words that count only alone."""
        return {self._retyped(i, t) for t in self.by_sentence[i].get("trigger", []) if _names_event(t)}

    def _lethal(self, draft: _Draft) -> bool:
        """Can the event kill? Strategic developments and peaceful protests do not."""
        event_type = self.ctx.taxonomy.event_type_of(draft.sub_event_type)
        return event_type != "Strategic developments" and draft.sub_event_type != "Peaceful protest"

    def _continues(self, draft: _Draft, i: int, triggers: list[Mention]) -> bool:
        """Does sentence ``i`` add to ``draft`` rather than report a new event?"""
        mentions = self.by_sentence[i]
        sentence = self.sentences[i]
        if draft.modality.modality != "forecast" and speaks_of_the_future(sentence.text):
            return False  # what "will" happen does not add to what happened
        own_days = [m for m in mentions.get("date", []) if m.value != draft.date]
        if own_days:
            return False
        if (
            triggers
            and all(self._definite(t) for t in triggers)
            and not any(self._is_event_place(m) for m in mentions.get("place", []))
        ):
            return True  # "Russian officials gave no explanation for the raids": the event told before, named again
        # a death count ("Two civilians were killed.") and instruments add to the event before
        new_types = self._named_types(i)
        if any(
            self._retyped(i, t) == draft.sub_event_type
            and _DURING_THE.search(self.text[max(0, t.start - 12) : t.start])
            for t in triggers
        ):
            return True  # "Al-Baghdadi blew himself up during the raid": what happened in the event told before
        if new_types - {draft.sub_event_type} - draft.trigger.value.rule.absorbs:
            return False
        if new_types and not new_types & {draft.sub_event_type}:
            # "Regime forces took the town. Clashes on its edge killed 14.": how the event was done, if told
            # in the same place
            return not any(self._is_event_place(m) for m in mentions.get("place", []))
        actors = self._roles_of_sentence(i, draft)
        shares_actor = bool({r.actor for r in actors} & set(draft.roles.actors()))
        names_the_event = bool(self.ctx.triggers.event_anaphor.match(sentence.text))  # "The convoy set out…"
        if new_types and _IN_RETURN.search(sentence.text):
            return False  # "Government forces in turn shelled …": the other side's answer is an event of its own
        if new_types and self._elsewhere(draft, i):
            return False  # "HTS also stormed a Hurras al-Din headquarters in Sarmada": the same kind, another place
        if new_types:  # the same kind of event again: the same one when the actors agree or it is named as known
            definite = any(self._definite(t) or _DEFINITE_INSIDE.search(t.text) for t in triggers)
            # "The device was planted by an unidentified group": the event told before, named again
            return shares_actor or not actors or definite or names_the_event
        if mentions.get("fatalities"):
            return True
        if triggers and all(t.value.rule.fallback for t in triggers) and self._lethal(draft):
            return True  # "The officer was injured.": the harm the event did
        starts_with_anaphor = any(
            m.value.anaphor for m in mentions.get("actor", []) if m.start - self.sentences[i].start < 40
        )
        has_place = any(self._is_event_place(m) for m in mentions.get("place", []))
        return has_place and (shares_actor or starts_with_anaphor or names_the_event)

    def _definite(self, trigger: Mention) -> bool:
        """An event word named as known: "the raids", "repelled the attack"."""
        return bool(_DEFINITE_BEFORE.search(self.text[max(0, trigger.start - 8) : trigger.start]))

    def _elsewhere(self, draft: _Draft, i: int) -> bool:
        """Does sentence ``i`` name a town of its own, away from the town the draft happened at?"""
        here, there = self._place_in_sentence(i), draft.place
        if here is None or there is None or here.precision == 3 or there.precision == 3 or here.regional:
            return False
        return haversine_km(here.place, there.place) > _SAME_PLACE_KM

    def _fold(self, draft: _Draft, i: int) -> None:
        mentions = self.by_sentence[i]
        draft.sentences.append(i)
        draft.deaths.extend(mentions.get("fatalities", []))
        place = self._place_in_sentence(i)
        if place is not None and (
            draft.place is None
            or not draft.place.own
            or draft.place.precision == 3
            or self._is_province_capital(draft.place.place)
            and place.place.name != draft.place.place.name
            or self._off_focus(draft.place.place)
            and not self._off_focus(place.place)
        ):
            draft.place = place
        present = set(draft.roles.actors())
        violent = self.ctx.taxonomy.event_type_of(draft.sub_event_type) in _VIOLENT
        for role in self._roles_of_sentence(i, draft):
            if role.actor in present:
                continue
            if violent and role.actor.kind == "government":
                continue  # "Russian officials gave no explanation for the raids": who speaks of it, not who did it
            # "… fell on a residential area. Two women were killed.": civilians told later are whom it hit
            if draft.roles.actor1 is None and not (violent and role.actor.kind == "civilians"):
                draft.roles = Roles(
                    actor1=role,
                    assoc_actor_1=draft.roles.assoc_actor_1,
                    actor2=draft.roles.actor2,
                    assoc_actor_2=draft.roles.assoc_actor_2,
                )
            elif draft.roles.actor2 is None or (
                # "… raids on Kafr Zita. SOHR said 3 HTS fighters were killed": who was hit, named after a default
                draft.roles.actor2.mention is None
                and draft.roles.actor2.actor.kind == "civilians"
                and role.actor.kind in _ARMED_KINDS
                and violent
            ):
                draft.roles = Roles(
                    actor1=draft.roles.actor1,
                    assoc_actor_1=draft.roles.assoc_actor_1,
                    actor2=role,
                    assoc_actor_2=draft.roles.assoc_actor_2,
                )
            present.add(role.actor)
        sentence = self.sentences[i]
        for trigger in mentions.get("trigger", []):
            reading = read_modality(sentence.text, trigger.start - sentence.start)
            if reading.cue and reading.modality == draft.modality.modality and draft.modality.cue is None:
                draft.modality = reading
                draft.modality_offset = sentence.start

    def _is_province_capital(self, place: Place) -> bool:
        """ "In Idlib": a name that is also its province's, which a later sentence may narrow down (the city and the
        province's seat are one place however the two records spell it: Idlib, Idleb)."""
        capital = self.ctx.admin1_place(place.admin1) if place.admin1 else None
        return capital is not None and (capital.name == place.name or haversine_km(capital, place) <= 5)

    def _off_focus(self, place: Place) -> bool:
        """A place outside the country most of the document's places are in."""
        return self.focus_place is not None and place.country != self.focus_place.place.country

    def _distinct_triggers(self, i: int, triggers: list[Mention]) -> list[Mention]:
        """One trigger per sub-event type in a sentence: "clashes … clashes" is one event; an
        event word right after another names its means ("warplanes … fired missiles")."""
        seen: set[str] = set()
        kept: list[Mention] = []
        for trigger in triggers:
            gap = self.text[kept[-1].end : trigger.start] if kept else ""
            if kept and kept[-1].value.rule.weight >= 1.0 and _WITH_BEFORE.search(gap):
                continue  # "Russian jets hit HTS positions near Kafr Uwayd with several raids": how it was done
            if kept and kept[-1].value.rule.weight < 1.0 <= trigger.value.rule.weight and _WITH_MEANS.match(gap):
                # "attacks with poisonous gas", "attacked the post with grenades": the means names the event
                # better than a bare "attack"
                seen.discard(self._retyped(i, kept[-1]))
                kept[-1] = trigger
                seen.add(self._retyped(i, trigger))
                continue
            if kept and _MEANS_GAP.match(gap):
                continue
            kind = self._retyped(i, trigger)
            if kind not in seen:
                seen.add(kind)
                kept.append(trigger)
        # "police detained dozens of protesters": the arrests are how the protest was met, not an event;
        # of two words that would absorb each other, the first told stands
        types = [{t.value.rule.sub_event_type, self._retyped(i, t)} for t in kept]

        def absorbed(k: int) -> bool:
            for j, other in enumerate(kept):
                if j == k or not types[k] & other.value.rule.absorbs:
                    continue
                if (
                    self.ctx.taxonomy.event_type_of(other.value.rule.sub_event_type) == "Protests"
                    and self._retyped(i, other) == other.value.rule.sub_event_type
                    and any(self.ctx.taxonomy.event_type_of(t) in _VIOLENT for t in types[k])
                ):
                    continue  # "gunmen killed a man, and residents protested": a protest as such absorbs no violence
                if not types[j] & kept[k].value.rule.absorbs:
                    return True
                # two words that absorb each other: a bare "attack" on civilians yields to the specific word
                # ("stormed a house and took away two activists"); otherwise the first told stands
                if self._bare_attack_on_civilians(i, kept[k]) and not self._bare_attack_on_civilians(i, other):
                    return True
                if self._bare_attack_on_civilians(i, other) and not self._bare_attack_on_civilians(i, kept[k]):
                    continue
                if k > j:
                    return True
            return False

        return [t for k, t in enumerate(kept) if not absorbed(k)]

    def _bare_attack_on_civilians(self, i: int, trigger: Mention) -> bool:
        return trigger.value.rule.weight < 1.0 and self._retyped(i, trigger) == "Attack"

    # -- building one event --------------------------------------------------------------

    def _draft(
        self,
        i: int,
        sentence: Sentence,
        trigger: Mention,
        window: tuple[int, int],
        claimed: frozenset[str] = frozenset(),
    ) -> _Draft | None:
        """An event from one trigger; ``claimed`` are the types the sentence's other event words name,
        which the classifier's reading of the whole sentence may not turn this one into. None when the
        sentence reads as no conflict event and nothing settled the word's type."""
        rule_type, settled = self._retype(i, trigger)
        rule = trigger.value.rule
        if not settled and rule.weight <= 1.0 and self.ctx.reads_as_no_conflict(sentence.text):
            return None
        # a type the context chose (by_context, by_target, by_actor1) is read, not assumed
        weight = 1.0 if rule_type != rule.sub_event_type else rule.weight
        if settled:
            weight = max(weight, 1.0) * self.ctx.settled_weight
        sub_event_type, belief = self.ctx.choose_type(
            rule_type,
            sentence.text,
            weight,
            settled=_retype_family(rule) if settled else frozenset(),
            claimed=claimed - {rule_type},
        )
        every = self._roles_of_sentence(i, None)
        roles_in = [r for r in every if r.mention is None or window[0] <= r.mention.start < window[1]]
        if window[0] > sentence.start and not any(r.mention and r.mention.start < trigger.end for r in roles_in):
            # "HTS members raided a house and arrested four men": the sentence's subject acts in both
            subject = [r for r in every if r.mention is not None and r.mention.start < window[0]][:1]
            roles_in = subject + roles_in
        roles = assign_roles(self.text, trigger, roles_in, sub_event_type=sub_event_type)
        roles = self._settle_roles(roles, sub_event_type, i, trigger)
        date_value, date_mention, own = self._date_for(i, trigger)
        modality = read_modality(sentence.text, trigger.start - sentence.start)
        return _Draft(
            sub_event_type=sub_event_type,
            trigger=trigger,
            paragraph=sentence.paragraph,
            sentences=[i],
            date=date_value,
            date_mention=date_mention,
            date_own=own,
            roles=roles,
            place=self._event_place(i),
            deaths=list(self.by_sentence[i].get("fatalities", [])),
            modality=modality,
            modality_offset=sentence.start,
            belief=belief,
        )

    def _retyped(self, i: int, trigger: Mention) -> str:
        return self._retype(i, trigger)[0]

    def _retype(self, i: int, trigger: Mention) -> tuple[str, bool]:
        """The sub-event type a trigger's rule gives in its sentence, and whether something found
        there (a context word, the target, the doer) settled it rather than a default."""
        key = (i, trigger.start, trigger.end)
        if key not in self._retypes:
            self._retypes[key] = self._read_retype(i, trigger)
        return self._retypes[key]

    def _read_retype(self, i: int, trigger: Mention) -> tuple[str, bool]:
        rule = trigger.value.rule if isinstance(trigger.value, Trigger) else None
        if rule is None:
            return str(trigger.value), False
        retype = rule.retype
        sentence = self.sentences[i]
        if "by_context" in retype:
            context = self._context_text(i)
            for option in retype["by_context"]:
                near = option.get("near")
                scope = self.text[max(0, trigger.start - near) : trigger.end + near] if near else context
                if re.search(option["pattern"], scope, re.IGNORECASE):
                    return str(option["sub_event_type"]), True
        if "by_target" in retype:
            passive = bool(
                re.search(
                    r"\b(?:was|were|been|being|are|is)\s+(?:\w+\s+)?$",
                    self.text[max(0, trigger.start - 25) : trigger.start],
                )
            )
            targets = [m for m in self.by_sentence[i].get("actor", []) if m.start >= trigger.end or passive]
            civilians = any(
                m.value.generic is not None and m.value.generic.kind in _CIVILIAN_KINDS for m in targets
            ) or bool(re.search(r"\bcivilians?\b", sentence.text[trigger.end - sentence.start :], re.IGNORECASE))
            named_after = [m.value.actor or m.value.generic for m in targets if m.start >= trigger.end]
            armed_named = any(named is not None and named.kind not in _CIVILIAN_KINDS for named in named_after)
            if (
                not civilians
                and not armed_named
                and (named := self.ctx.triggers.civilian_target.match(self.text[trigger.end : sentence.end]))
            ):
                # the target named right after the word, unless an actor is named first
                civilians = not any(trigger.end <= m.start < trigger.end + named.end() for m in targets)
            return str(retype["by_target"]["civilians" if civilians else "other"]), civilians or bool(targets)
        if "by_actor1" in retype:
            roles = assign_roles(
                self.text, trigger, self._roles_of_sentence(i, None), sub_event_type=rule.sub_event_type
            )
            actor = roles.actor1.actor if roles.actor1 else None
            kind = actor.kind if actor else "other"
            loser = roles.actor2.actor if roles.actor2 else None
            if actor is None and loser is not None and loser.kind in ("rebel", "militia", "unidentified"):
                kind = "state_forces"  # "recaptured the town from Boko Haram": taken back from a non-state group
            read = actor is not None or loser is not None
            if loser is None and (roles.actor1 is None or roles.actor1.start > trigger.start):
                # "Troops recaptured the town", "Insurgents have taken the district centre": the doer named by a
                # common noun before the event word
                nouns = [
                    (m.start(), "state_forces" if m.group("state") else "other")
                    for m in _DOER_NOUN.finditer(self.text[self.sentences[i].start : trigger.start])
                ]
                if nouns:
                    kind, read = max(nouns)[1], True
            if actor is not None and kind not in retype["by_actor1"] and actor.inter == 1:
                kind = "state_forces"  # police and gendarmes are state forces in ACLED's sense
            return str(retype["by_actor1"].get(kind, retype["by_actor1"]["other"])), read
        return rule.sub_event_type, False

    def _context_text(self, i: int) -> str:
        """A sentence and the next one of its paragraph: "… protesters gathered. Police fired tear gas." """
        sentence = self.sentences[i]
        if self._next_in_paragraph(i):
            return self.text[sentence.start : self.sentences[i + 1].end]
        return sentence.text

    def _roles_of_sentence(self, i: int, draft: _Draft | None) -> list[Role]:
        """The actors of sentence ``i`` resolved to canonical actors; anaphors point back."""
        sub_type = draft.sub_event_type if draft else None
        diplomatic = sub_type == "Agreement" or self._sentence_is_diplomatic(i)
        country = self._country_hint(i)
        roles: list[Role] = []
        mentions = self.by_sentence[i].get("actor", [])
        for k, mention in enumerate(mentions):
            named_next = mentions[k + 1] if k + 1 < len(mentions) else None
            if (
                named_next is not None
                and mention.value.generic is not None
                and mention.value.generic.kind == "unidentified"
                and _MEMBER_OF.fullmatch(self.text[mention.end : named_next.start])
            ):
                continue  # "gunmen of the Hamza Division": the named group acts
            speech = _SPEECH_AFTER.match(self.text[mention.end : mention.end + 40])
            if speech and not _SPEAKER_GOES_ON.match(
                self.text[mention.end + speech.end() : mention.end + speech.end() + 30]
            ):
                continue  # who says so is the source of the report, not a party to the event
            if _ACCORDING_TO.search(self.text[max(0, mention.start - 20) : mention.start]):
                continue  # "according to residents": the source again
            if _SPOKESPERSON_AFTER.match(self.text[mention.end : mention.end + 20]):
                continue
            if _FORMER_BEFORE.search(self.text[max(0, mention.start - 12) : mention.start]):
                continue  # "a former Jaysh al-Islam commander": no longer the group's, a civilian
            match: ActorMatch = mention.value
            if match.anaphor == "previous_event":
                source = draft or (self.drafts[-1] if self.drafts else None)
                if source is not None:
                    roles.extend(Role(actor=a, mention=mention) for a in source.roles.actors())
                continue
            if match.anaphor in ("last_rebel", "last_forces"):
                actor = self._named_last(match.anaphor, mention.start)
                if actor is not None:
                    roles.append(Role(actor=actor, mention=mention))
                continue
            actor = match.resolve(diplomatic=diplomatic, country=country)
            if actor is not None:
                roles.append(Role(actor=self._coalition_of(actor, mention, i) or actor, mention=mention))
        return roles

    def _coalition_of(self, actor: Actor, mention: Mention, i: int) -> Actor | None:
        """The named group a faction is said to belong to, right after its name."""
        if actor.kind != "rebel":
            return None
        for other in self.by_sentence[i].get("actor", []):
            if other.start < mention.end:
                continue
            parent = other.value.actor
            if parent is not None and parent.kind == "rebel" and _PART_OF.match(self.text[mention.end : other.start]):
                return parent
            return None
        return None

    def _sentence_is_diplomatic(self, i: int) -> bool:
        sentence = self.sentences[i]
        for trigger in self.by_sentence[i].get("trigger", []):
            if trigger.value.rule.sub_event_type == "Agreement":
                return True
        return bool(re.search(r"\b(?:deal|agreement|talks|negotiations)\b", sentence.text)) and not any(
            t.value.rule.sub_event_type != "Agreement" for t in self.by_sentence[i].get("trigger", [])
        )

    def _named_last(self, anaphor: str, before: int) -> Actor | None:
        """The actor an anaphor points back to, named last before ``before``: a named armed group for "the group"
        (``last_rebel``), a state's forces for "the jets" (``last_forces``, "Russian warplanes … the jets")."""
        for mention in reversed(self.adoc.mentions):
            if mention.kind != "actor" or mention.start >= before:
                continue
            actor = mention.value.actor
            if actor is None:
                continue
            if anaphor == "last_forces" and actor.kind == "state_forces":
                return actor
            if anaphor == "last_rebel" and actor.kind in ("rebel", "militia") and "Rebels" not in actor.name:
                return actor
        return None

    def _settle_roles(self, roles: Roles, sub_event_type: str, i: int, trigger: Mention) -> Roles:
        """ACLED's conventions on top of the grammatical roles."""
        country = self._country_hint(i)
        event_type = self.ctx.taxonomy.event_type_of(sub_event_type)
        if sub_event_type == "Mob violence":
            # "residents caught a man and beat him": the crowd are rioters, whom they beat civilians
            mob = self._generic_role("rioters", country)
            if mob is None:
                return roles
            armed = [self._role_for(roles, a) for a in roles.actors() if a.kind not in ("rioters", "civilians")]
            target = self._crowd_target(trigger, armed) or self._generic_role("civilians", country)
            return Roles(actor1=mob, actor2=target)
        if event_type == "Protests" or sub_event_type == "Violent demonstration":
            kind = "protesters" if event_type == "Protests" else "rioters"
            crowd = [r for r in roles.actors() if r.kind == kind]
            others = [Role(actor=a, mention=None) for a in roles.actors() if a.kind not in (kind, "civilians")]
            crowd_role = self._role_for(roles, crowd[0]) if crowd else self._generic_role(kind, country)
            if crowd_role is None:
                return roles
            actor2 = None
            if sub_event_type != "Peaceful protest":
                candidates = [self._role_for(roles, r.actor) for r in others]
                actor2 = self._intervening(i, trigger, candidates)
                if actor2 is None and sub_event_type == "Violent demonstration":
                    actor2 = self._crowd_target(trigger, candidates)
                    for end in self._violence_told_at(i, trigger):
                        actor2 = actor2 or self._crowd_target(trigger, candidates, after=end)
                if actor2 is None and self._next_in_paragraph(i):
                    actor2 = self._intervening(i + 1, trigger, self._roles_of_sentence(i + 1, None))
            if sub_event_type == "Excessive force against protesters" and actor2 is not None:
                return Roles(actor1=actor2, actor2=crowd_role)  # ACLED: the force first, the protesters it hit
            return Roles(actor1=crowd_role, actor2=actor2)
        if sub_event_type == "Arrests" and roles.actor1 is not None and roles.actor1.actor.kind == "government":
            police = self._police_of(roles.actor1.actor.country)  # "Syrian authorities arrested …": its police
            if police is not None:
                roles = Roles(
                    actor1=Role(actor=police, mention=roles.actor1.mention),
                    assoc_actor_1=roles.assoc_actor_1,
                    actor2=roles.actor2,
                    assoc_actor_2=roles.assoc_actor_2,
                )
        if sub_event_type in _NO_COUNTERPART:
            # "HTS moved fighters to the Morek front against a regime offensive": a group's own move has no actor2
            return Roles(actor1=roles.actor1, assoc_actor_1=roles.assoc_actor_1)
        if event_type == "Battles" and roles.actor2 is not None and roles.actor2.actor.kind == "civilians":
            armed = [r for r in (roles.assoc_actor_2,) if r is not None and r.actor.kind != "civilians"]
            roles = Roles(
                actor1=roles.actor1,
                assoc_actor_1=roles.assoc_actor_1,
                actor2=armed[0] if armed else None,
                assoc_actor_2=None,
            )
        if (
            sub_event_type in one_sided_sub_event_types()
            and roles.actor1 is not None
            and roles.actor1.actor.kind == "civilians"
            and roles.actor2 is not None
            and roles.actor2.actor.kind in _ARMED_KINDS
        ):
            # "a man wearing an explosive belt blew himself up at a QSD checkpoint": the man is the attacker
            roles = Roles(actor2=roles.actor2, assoc_actor_2=roles.assoc_actor_2)
        if event_type in _VIOLENT and roles.actor1 is not None and roles.actor1.actor.kind == "civilians":
            armed_partner = (
                roles.assoc_actor_1 if roles.assoc_actor_1 and roles.assoc_actor_1.actor.kind != "civilians" else None
            )
            roles = Roles(
                actor1=armed_partner or roles.actor2,
                assoc_actor_1=None,
                actor2=roles.actor1,
                assoc_actor_2=roles.assoc_actor_2 if armed_partner is None else roles.actor2,
            )
        if sub_event_type == "Attack" and (roles.actor2 is None or roles.actor2.actor.kind != "civilians"):
            civilians = self._generic_role("civilians", country)
            if civilians is not None:
                roles = Roles(
                    actor1=roles.actor1, assoc_actor_1=roles.assoc_actor_1, actor2=civilians, assoc_actor_2=None
                )
        if (
            sub_event_type in ("Arrests", "Abduction/forced disappearance")
            and roles.actor2 is not None
            and roles.actor2.mention is not None
            and _CHARGED_WITH.search(self.text[max(0, roles.actor2.start - 40) : roles.actor2.start])
        ):
            # "arrested 5 men on charges of spying for the regime": the regime is in the charge, the men are civilians
            roles = Roles(actor1=roles.actor1, assoc_actor_1=roles.assoc_actor_1)
        if sub_event_type in _VICTIM_DEFAULT_CIVILIANS and roles.actor2 is None and roles.actor1 is not None:
            civilians = self._generic_role("civilians", country)  # those arrested, robbed or beaten, unnamed
            if civilians is not None and civilians.actor != roles.actor1.actor:
                roles = Roles(actor1=roles.actor1, assoc_actor_1=roles.assoc_actor_1, actor2=civilians)
        if (
            event_type == "Explosions/Remote violence"
            and roles.actor2 is None
            and sub_event_type != "Disrupted weapons use"
            and not self.ctx.triggers.armed_target.search(self.sentences[i].text)
            and _HARM.search(self._context_text(i))
            and not _NO_HARM.search(self._context_text(i))
        ):
            civilians = self._generic_role("civilians", country)  # "barrel bombs on Kafr Sijnah village"
            if civilians is not None and (roles.actor1 is None or civilians.actor != roles.actor1.actor):
                roles = Roles(actor1=roles.actor1, assoc_actor_1=roles.assoc_actor_1, actor2=civilians)
        if (
            event_type in _VIOLENT
            and roles.actor1 is None
            and sub_event_type
            in ("Remote explosive/landmine/IED", "Attack", "Abduction/forced disappearance", "Suicide bomb", "Grenade")
        ):
            unknown = self._generic_role("unidentified", country)
            if unknown is not None:
                roles = Roles(
                    actor1=unknown, assoc_actor_1=None, actor2=roles.actor2, assoc_actor_2=roles.assoc_actor_2
                )
        return roles

    def _intervening(self, i: int, trigger: Mention, candidates: list[Role]) -> Role | None:
        """The force that intervened in a protest: the armed actor named closest to the
        words of the intervention ("police dispersed …", "an attempt to remove the camp")."""
        rule = trigger.value.rule
        sentence = self.sentences[i]
        cue_at = None
        for option in rule.retype.get("by_context", []):
            found = re.search(option["pattern"], sentence.text, re.IGNORECASE)
            if found:
                cue_at = sentence.start + found.start()
                break
        armed = [r for r in candidates if r.mention is not None and r.actor.kind in _ARMED_KINDS]
        if not armed:
            return None
        if cue_at is None:  # "QSD fighters opened fire on residents who were protesting": the armed doer of the scene
            doers = [r for r in armed if sentence.start <= r.start < trigger.start]
            return doers[-1] if doers else None
        nearest = min(armed, key=lambda r: abs(r.start - cue_at))
        return nearest if abs(nearest.start - cue_at) <= _INTERVENTION_REACH else None

    def _violence_told_at(self, i: int, trigger: Mention) -> list[int]:
        """Where the words that made a protest violent end ("protesters … threw stones"), in the sentence."""
        sentence = self.sentences[i]
        for option in trigger.value.rule.retype.get("by_context", []):
            if option["sub_event_type"] == "Violent demonstration":
                return [sentence.start + m.end() for m in re.finditer(option["pattern"], sentence.text, re.IGNORECASE)]
        return []

    def _crowd_target(self, trigger: Mention, candidates: list[Role], after: int | None = None) -> Role | None:
        """The armed actor a riot was aimed at, named right after its words ("threw stones at Turkish
        military vehicles", "attacked a QSD centre"); ``after`` is where those words end, by default the
        event word's end."""
        end = trigger.end if after is None else after
        for role in sorted((r for r in candidates if r.mention is not None), key=lambda r: r.start):
            gap = self.text[end : role.start]
            if role.start >= end and len(gap.split()) <= _TARGET_REACH_WORDS and not re.search(r"[.;]", gap):
                return role if role.actor.kind in _ARMED_KINDS else None
        return None

    def _next_in_paragraph(self, i: int) -> bool:
        return i + 1 < len(self.sentences) and self.sentences[i + 1].paragraph == self.sentences[i].paragraph

    @staticmethod
    def _role_for(roles: Roles, actor: Actor) -> Role:
        for role in (roles.actor1, roles.assoc_actor_1, roles.actor2, roles.assoc_actor_2):
            if role is not None and role.actor == actor:
                return role
        return Role(actor=actor, mention=None)

    @staticmethod
    def _police_of(country: str | None) -> Actor | None:
        from ceasefire.actors.matcher import default_matcher

        return next((s.police for s in default_matcher().dictionary.states if s.country == country), None)

    def _generic_role(self, kind: str, country: str | None) -> Role | None:
        from ceasefire.actors.matcher import default_matcher

        for entry in default_matcher().dictionary.actors:
            if entry.kind == kind and entry.is_generic:
                return Role(actor=entry.actor(country), mention=None)
        return None

    def _country_hint(self, i: int) -> str | None:
        place = self._event_place(i)
        if place is not None:
            return place.place.country
        return self.actor_country

    @cached_property
    def actor_country(self) -> str | None:
        """The country most named actors belong to ("Syrian regime soldiers" → Syria)."""
        counts: dict[str, int] = {}
        for mention in self.adoc.mentions:
            if mention.kind == "actor":
                match: ActorMatch = mention.value
                country = match.actor.country if match.actor else match.state.country if match.state else None
                if country:
                    counts[country] = counts.get(country, 0) + 1
        return max(counts, key=lambda c: counts[c]) if counts else None

    # -- dates ---------------------------------------------------------------------------

    def _date_for(self, i: int, trigger: Mention) -> tuple[DateValue | None, Mention | None, bool]:
        own = self.by_sentence[i].get("date", [])
        if own:
            nearest = min(own, key=lambda m: abs(m.start - trigger.start) + (0 if m.start < trigger.start else 5))
            return nearest.value, nearest, True
        paragraph = self.sentences[i].paragraph
        if paragraph in self.narrative:
            mention = self.narrative[paragraph]
            return mention.value, mention, False
        if self.focus_date is not None:
            return self.focus_date.value, self.focus_date, False
        published = self.doc.published
        if published is not None:
            return DateValue(start=published - timedelta(days=6), end=published, precision="week"), None, False
        return None, None, False

    # -- places --------------------------------------------------------------------------

    def _places_listed_with(self, i: int, trigger: Mention, chosen: _PlaceChoice | None) -> list[_PlaceChoice]:
        """The other towns the event word's object lists beside the event's place ("shelled the outskirts of
        Sarmin and the village of Al-Bara")."""
        if chosen is None or chosen.mention is None or chosen.precision == 3 or not chosen.own:
            return []
        places = [m for m in self.by_sentence[i].get("place", []) if self._is_event_place(m) and m.start >= trigger.end]
        if chosen.mention not in places or _BETWEEN_BEFORE.search(
            self.text[max(0, chosen.mention.start - 12) : chosen.mention.start]
        ):
            return []  # "the road between Al-Sanamayn and Ghabaghib" is one place
        listed: list[_PlaceChoice] = []
        previous = chosen.mention
        for mention in places[places.index(chosen.mention) + 1 :]:
            if not _PLACE_LIST_GAP.fullmatch(self.text[previous.end : mention.start]):
                break
            choice = self._choice(mention)
            if (
                choice.precision == 3
                or choice.regional
                or choice.place.name == chosen.place.name
                or (self._is_province_capital(choice.place) and choice.place.admin1 == chosen.place.admin1)
            ):
                break  # "Sarmada, Idlib": the province the place lies in, not another place
            listed.append(choice)
            previous = mention
        return listed

    def _is_event_place(self, mention: Mention) -> bool:
        return mention.value.place.feature not in ("country", "continent")

    def _place_in_sentence(self, i: int) -> _PlaceChoice | None:
        candidates = [m for m in self.by_sentence[i].get("place", []) if self._is_event_place(m)]
        if not candidates:
            return None
        choices = [self._choice(m) for m in candidates]
        triggers = self.by_sentence[i].get("trigger", [])
        return min(
            choices,
            key=lambda c: (
                c.precision == 3 or c.regional,
                c.place.feature == "route",
                self._modifier(c.mention),
                self._locative_rank(c.mention, triggers),
            ),
        )

    def _choice(self, mention: Mention) -> _PlaceChoice:
        place: Place = mention.value.place
        before = self.text[max(0, mention.start - 40) : mention.start]
        after = self.text[mention.end : mention.end + 20]
        region = _REGION_BEFORE.search(before) or _REGION_AFTER.match(after)
        if region and place.feature != "admin1" and place.admin1:
            capital = self.ctx.admin1_place(place.admin1)
            if capital is None or haversine_km(capital, place) > 5:
                # "the countryside of Ariha", "the Afrin area": around a town that is no province's seat
                return _PlaceChoice(place=place, precision=2, mention=mention, own=True, regional=True)
        if place.feature == "admin1" or (region and place.admin1):
            province = place.admin1 or place.name
            if province == "Damascus" and (_COUNTRYSIDE.search(before) or _COUNTRYSIDE.match(after)):
                province = "Rural Damascus"  # the Damascus countryside is its own governorate, Rif Dimashq
            capital = self.ctx.admin1_place(province) or place
            return _PlaceChoice(place=capital, precision=3, mention=mention, own=True)
        # "near X", "on the Saraqib front", a road: somewhere about the place named
        approximate = (
            self.ctx.triggers.approximate_place.search(before) or _FRONT_AFTER.match(after) or place.feature == "route"
        )
        return _PlaceChoice(place=place, precision=2 if approximate else 1, mention=mention, own=True)

    def _locative_rank(self, mention: Mention | None, triggers: Sequence[Mention] = ()) -> int:
        """How surely a place is where the event happened: the object of the event word
        ("shelled Kafr Uwayd") first, then "in X", "near the town of X", then weaker
        prepositions ("of X"); last, where actors came from ("stationed in X") and
        reference points ("south-west of Damascus")."""
        if mention is None:
            return 3
        before = self.text[max(0, mention.start - 40) : mention.start]
        if _ORIGIN_BEFORE.search(before) or _REFERENCE_BEFORE.search(before):
            return 4
        if any(
            0 <= mention.start - t.end <= 12 and not self.text[t.end : mention.start].strip(" theof") for t in triggers
        ):
            return -1
        if _STRONG_LOCATIVE.search(before):
            return 0
        if _WEAK_LOCATIVE.search(before):
            return 1
        return 2

    def _modifier(self, mention: Mention | None) -> bool:
        """A place name used to name something else: "the Idlib ceasefire deal"."""
        return mention is not None and bool(_MODIFIED_NOUN.match(self.text[mention.end : mention.end + 30]))

    def _event_place(self, i: int) -> _PlaceChoice | None:
        """Where an event told in sentence ``i`` happened: a place it names, else one named shortly
        before; a road it names ("along the M4 highway") only when no town is at hand."""
        own = self._place_in_sentence(i)
        if own is not None and own.place.feature == "route":
            carried = self._place_carried(i)
            return carried if carried is not None and carried.precision < 3 else own
        return own or self._place_carried(i)

    def _place_carried(self, i: int) -> _PlaceChoice | None:
        """The place a sentence without one happens at: the last one named shortly before."""
        paragraph = self.sentences[i].paragraph
        for j in range(i - 1, max(-1, i - 4), -1):
            if self.sentences[j].paragraph < paragraph - 1:
                break
            found = self._place_in_sentence(j)
            if found is not None and found.precision < 3:
                return _PlaceChoice(place=found.place, precision=found.precision, mention=found.mention, own=False)
        return self.focus_place

    # -- the record ----------------------------------------------------------------------

    def _event(self, draft: _Draft) -> Event:
        taxonomy = self.ctx.taxonomy
        event_type = taxonomy.event_type_of(draft.sub_event_type)
        evidence = [
            self._evidence("event_type", draft.trigger),
            self._evidence("sub_event_type", draft.trigger),
        ]
        if draft.date_mention is not None:
            evidence.append(self._evidence("event_date", draft.date_mention))
        roles = draft.roles
        for name in ("actor1", "assoc_actor_1", "actor2", "assoc_actor_2"):
            role = getattr(roles, name)
            if role is not None and role.mention is not None:
                evidence.append(self._evidence(name, role.mention))
        place = draft.place
        if place is not None and place.mention is not None:
            evidence.append(self._evidence("location", place.mention))
        deaths_known = [m for m in draft.deaths]
        if deaths_known:
            fatalities = total_deaths(deaths_known, self.text)
            evidence.append(self._evidence("fatalities", max(deaths_known, key=lambda m: m.value or -1)))
        else:
            fatalities = 0
        modality = draft.modality
        if modality.cue is not None and modality.cue_start is not None and modality.cue_end is not None:
            start = draft.modality_offset + modality.cue_start
            end = draft.modality_offset + modality.cue_end
            evidence.append(Evidence(field="modality", text=self.text[start:end], start=start, end=end))
        date_value = draft.date
        event_date = None
        if date_value is not None:
            event_date = (
                date_value.start if date_value.precision == "day" else _middle(date_value.start, date_value.end)
            )
        notes = " ".join(self.sentences[i].text for i in draft.sentences)
        confidence = 0.35
        confidence += 0.15 if draft.date_own else 0.05 if date_value else 0.0
        confidence += 0.15 if place is not None and place.own else 0.05 if place else 0.0
        confidence += 0.15 if roles.actor1 is not None else 0.0
        confidence += 0.1 if not draft.trigger.value.rule.fallback else 0.0
        confidence = confidence * 0.7 + 0.3 * draft.belief
        confidence += 0.05 if roles.actor2 is not None else 0.0
        key = f"{self.doc.id}|{draft.trigger.start}|{draft.sub_event_type}" + (
            f"|{draft.also_at}" if draft.also_at else ""
        )
        event_id = hashlib.sha256(key.encode()).hexdigest()[:20]
        return Event(
            event_id=event_id,
            doc_id=self.doc.id,
            event_date=event_date,
            date_precision=date_value.precision if date_value else None,
            date_start=date_value.start if date_value else None,
            date_end=date_value.end if date_value else None,
            event_type=event_type,
            sub_event_type=draft.sub_event_type,
            actor1=roles.actor1.actor.name if roles.actor1 else None,
            assoc_actor_1=roles.assoc_actor_1.actor.name if roles.assoc_actor_1 else None,
            actor2=roles.actor2.actor.name if roles.actor2 else None,
            assoc_actor_2=roles.assoc_actor_2.actor.name if roles.assoc_actor_2 else None,
            country=place.place.country if place else None,
            admin1=place.place.admin1 if place else None,
            admin2=place.place.admin2 if place and place.precision < 3 else None,
            admin3=place.place.admin3 if place and place.precision < 3 else None,
            location=place.place.name if place else None,
            latitude=place.place.latitude if place else None,
            longitude=place.place.longitude if place else None,
            geo_precision=place.precision if place else None,
            fatalities=fatalities,
            modality=modality.modality,
            attribution=modality.attribution,
            source=self.doc.source,
            confidence=round(min(confidence, 0.95), 2),
            evidence=tuple(evidence),
            notes=notes,
            produced_by=PRODUCED_BY,
        )

    def _evidence(self, field_name: str, mention: Mention) -> Evidence:
        return Evidence(
            field=field_name, text=self.text[mention.start : mention.end], start=mention.start, end=mention.end
        )


def _middle(start: date, end: date) -> date:
    return start + (end - start) / 2
