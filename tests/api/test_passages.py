"""The passages of a document an event's evidence is shown in."""

from __future__ import annotations

from datetime import date

from ceasefire.api.passages import TextRange, evidence_passages, sentence_around
from ceasefire.model import Event, Evidence

TEXT = (
    "Idlib round-up, second half of April.\n\n"
    "Fighting resumed near Nayrab. Turkish troops clashed with HTS on the highway. "
    "Eleven were killed.\n\nAn unrelated closing line."
)


def event(notes: str | None, *spans: str) -> Event:
    evidence = tuple(
        Evidence(field=f"f{i}", text=s, start=TEXT.index(s), end=TEXT.index(s) + len(s))
        for i, s in enumerate(spans)
    )
    return Event(
        event_id="e", doc_id="d", event_date=date(2020, 4, 28), date_precision="range",
        date_start=None, date_end=None, event_type="Battles", sub_event_type="Armed clash",
        notes=notes, evidence=evidence,
    )


def texts(ranges: list[TextRange]) -> list[tuple[str, bool]]:
    return [(TEXT[r.start : r.end], r.is_notes) for r in ranges]


def test_notes_and_the_sentences_of_evidence_outside_them() -> None:
    notes = "Turkish troops clashed with HTS on the highway."
    found = evidence_passages(TEXT, event(notes, "clashed", "second half of April", "Nayrab"))
    # the sentence naming Nayrab touches the notes, so the two read as one passage
    assert texts(found) == [
        ("Idlib round-up, second half of April.", False),
        ("Fighting resumed near Nayrab. Turkish troops clashed with HTS on the highway.", True),
    ]


def test_without_notes_in_the_text_every_span_brings_its_sentence() -> None:
    found = evidence_passages(TEXT, event("not in the text", "Eleven were killed", "Nayrab"))
    # only the sentences holding evidence: not the one between them
    assert texts(found) == [("Fighting resumed near Nayrab.", False), ("Eleven were killed.", False)]


def test_spans_the_text_does_not_hold_are_left_out() -> None:
    broken = event(None)
    broken = Event(**{**broken.__dict__, "evidence": (Evidence(field="x", text="x", start=5, end=999),)})
    assert evidence_passages(TEXT, broken) == []


def test_a_sentence_is_cut_at_most_a_few_lines_away() -> None:
    long_text = "word " * 200 + "Nayrab" + " word" * 200
    start = long_text.index("Nayrab")
    left, right = sentence_around(long_text, start, start + 6)
    assert start - left <= 240 and right - (start + 6) <= 240
