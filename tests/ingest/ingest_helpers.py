"""Shared inputs and helpers for the ingest tests (a plain module: no fixtures here)."""

from __future__ import annotations

from pathlib import Path

from ceasefire.errors import InputError
from ceasefire.ingest import IngestOptions, read_path
from ceasefire.model import Document

ARTICLE_HTML = """<!DOCTYPE html>
<html lang="en"><head>
<meta charset="utf-8">
<title>Shelling kills three in Kafr Nabl | Levant Monitor</title>
<meta property="og:title" content="Shelling kills three in Kafr Nabl">
<meta property="og:site_name" content="Levant Monitor">
<meta property="article:published_time" content="2020-05-07T09:30:00+03:00">
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/syria">Syria</a></li>
<li><a href="/subscribe">Subscribe</a></li></ul></nav>
<article>
<h1>Shelling kills three in Kafr Nabl</h1>
<p>Government artillery shelled the town of Kafr Nabl in southern Idlib on Tuesday morning,
killing three civilians and wounding five others, local rescue workers said.</p>
<p>The Syrian Observatory for Human Rights said the shells were fired from positions near
Maarat al-Numan, in breach of the ceasefire agreed in Moscow on March 5.</p>
<p>Turkish and Russian officials did not comment on the incident by Wednesday evening.</p>
</article>
<footer><p>Contact us</p><p>Levant Monitor 2020</p></footer>
</body></html>
"""


def read_all(path: Path, options: IngestOptions | None = None) -> list[Document | InputError]:
    """Everything ``read_path`` yields for ``path``."""
    return list(read_path(path, options or IngestOptions()))


def only_error(path: Path, options: IngestOptions | None = None) -> InputError:
    """The single error ``read_path`` must yield for a file that can't be read at all."""
    results = read_all(path, options)
    assert len(results) == 1, results
    assert isinstance(results[0], InputError), results[0]
    return results[0]


def only_document(path: Path, options: IngestOptions | None = None) -> Document:
    """The single document ``read_path`` must yield for a one-document file."""
    results = read_all(path, options)
    assert len(results) == 1, results
    assert isinstance(results[0], Document), results[0]
    return results[0]
