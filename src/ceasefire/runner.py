"""Batch runs shared by the CLI and the API: read inputs, code them, store or write them."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ceasefire.errors import InputError
from ceasefire.ingest import IngestOptions, read_documents_jsonl, read_path
from ceasefire.model import Document, Event
from ceasefire.pipeline import Pipeline


@dataclass
class BatchReport:
    """What a batch did: documents read, coded and stored, events found, inputs refused."""

    documents: int = 0
    stored: int = 0
    skipped: int = 0
    events: int = 0
    errors: list[InputError] = field(default_factory=list)


def read_inputs(
    files: Iterable[Path], jsonl_inputs: Iterable[Path], options: IngestOptions
) -> Iterator[Document | InputError]:
    """Every document of the given files and JSONL document lists, errors in their place."""
    for path in files:
        yield from read_path(path, options)
    for path in jsonl_inputs:
        if not path.exists():
            yield InputError("file not found: check the path", origin=str(path))
            continue
        yield from read_documents_jsonl(path, options)


def code_documents(
    pipeline: Pipeline,
    items: Iterable[Document | InputError],
    report: BatchReport,
    *,
    on_error: Callable[[InputError], None] | None = None,
    on_document: Callable[[Document], None] | None = None,
) -> Iterator[tuple[Document, list[Event]]]:
    """(document, events) for every readable document; errors are collected in ``report``."""
    for item in items:
        if isinstance(item, InputError):
            report.errors.append(item)
            if on_error is not None:
                on_error(item)
            continue
        events = pipeline.code(item)
        report.documents += 1
        report.events += len(events)
        if on_document is not None:
            on_document(item)
        yield item, events
