"""Scoring sub-event typing on CASE 2021 Task 2 snippets (ACLED sub-event labels).

A snippet's label is the type of its main event (no event: no label, which is wrong for an
ACLED row); the score is F1 weighted by support over the rows whose label is one of ACLED's
25 sub-event types. Rows of the non-ACLED classes should yield no factual event.
"""

from __future__ import annotations

import csv
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from ceasefire.errors import ConfigurationError
from ceasefire.events.classifier import SubEventClassifier
from ceasefire.events.taxonomy import load_taxonomy
from ceasefire.model import Document, Event

NONE = "NONE"


@dataclass(frozen=True)
class Snippet:
    id: int
    text: str
    label: str


@dataclass
class CaseScore:
    gold: list[str]
    predicted: list[str]
    non_acled_total: int
    non_acled_quiet: int

    def weighted_f1(self) -> float:
        return weighted_f1(self.gold, self.predicted)

    def accuracy(self) -> float:
        return (
            sum(g == p for g, p in zip(self.gold, self.predicted, strict=True)) / len(self.gold) if self.gold else 0.0
        )


def read_snippets(path: Path) -> list[Snippet]:
    try:
        with path.open(newline="", encoding="utf-8") as stream:
            rows = list(csv.DictReader(stream, delimiter="\t"))
        return [Snippet(id=int(r["id"]), text=r["EventSnippet"], label=r["SubType"]) for r in rows]
    except (OSError, KeyError, ValueError) as error:
        raise ConfigurationError(f"{path}: not a CASE 2021 Task 2 TSV (id, EventSnippet, SubType): {error}") from error


def label_of(events: list[Event], text: str | None = None) -> str:
    """The CASE code of a snippet's main event, or NONE.

    The main event is the most confident factual one; given the snippet's ``text``, the confidence
    is added to the sub-event classifier's belief that the whole text reports an event of that
    type, so that of two events a snippet tells ("after HTS detained a leader, the two groups
    clashed") the one the text is about is its label.
    """
    factual = [e for e in events if e.is_factual]
    if not factual:
        return NONE
    types = load_taxonomy().sub_event_types()
    belief: dict[str, float] = {}
    if text is not None and len({e.sub_event_type for e in factual}) > 1:
        classifier = SubEventClassifier.load()
        belief = {code: probability for code, probability in classifier.predict(text)}
    best = max(factual, key=lambda e: e.confidence + belief.get(types[e.sub_event_type].case2021_code or NONE, 0.0))
    return types[best.sub_event_type].case2021_code or NONE


def score_snippets(snippets: Iterable[Snippet], code: Callable[[Document], list[Event]]) -> CaseScore:
    acled_codes = set(load_taxonomy().by_case_code())
    gold, predicted = [], []
    non_total = non_quiet = 0
    for snippet in snippets:
        label = label_of(code(Document.from_text(snippet.text, external_id=str(snippet.id))), snippet.text)
        if snippet.label in acled_codes:
            gold.append(snippet.label)
            predicted.append(label)
        else:
            non_total += 1
            non_quiet += label == NONE
    return CaseScore(gold=gold, predicted=predicted, non_acled_total=non_total, non_acled_quiet=non_quiet)


def weighted_f1(gold: list[str], predicted: list[str]) -> float:
    """F1 per gold class, averaged with the class's support as weight."""
    support = Counter(gold)
    total = len(gold)
    if not total:
        return 0.0
    score = 0.0
    for label, count in support.items():
        tp = sum(1 for g, p in zip(gold, predicted, strict=True) if g == label and p == label)
        fp = sum(1 for g, p in zip(gold, predicted, strict=True) if g != label and p == label)
        fn = count - tp
        f1 = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
        score += f1 * count / total
    return score
