"""A real store of coded events for the monitor tests: the seed article plus the test corpus."""

from datetime import date
from pathlib import Path

import pytest

from tests.support import shared_path

DATA = Path(__file__).parent / "data"
CORPUS = DATA / "idlib-monitor-2020.jsonl"


@pytest.fixture(scope="session")
def monitor_db(pipeline, tmp_path_factory) -> Path:
    """An SQLite store holding what the pipeline codes from the seed and the test corpus."""
    from ceasefire.ingest import IngestOptions, read_documents_jsonl, read_text_file
    from ceasefire.store import open_store

    seed = read_text_file(
        shared_path("seed", "caliphate-in-miniature.txt"),
        IngestOptions(published=date(2020, 5, 12), source="South Front"),
    )
    documents = [seed, *read_documents_jsonl(CORPUS, IngestOptions())]
    path = tmp_path_factory.mktemp("monitor") / "events.db"
    with open_store(path) as store:
        for document in documents:
            assert not isinstance(document, Exception), document
            store.add_document(document, pipeline.code(document))
    return path


@pytest.fixture(scope="session")
def cli_app():
    """The main Typer app with the monitor's commands registered on it."""
    from ceasefire.cli import app
    from ceasefire.monitor.cli import register

    names = {command.name for command in app.registered_commands}
    if "monitor" not in names:
        register(app)
    return app
