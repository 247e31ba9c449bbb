"""What every request handler shares: the store, the write token, the pipeline, the clock.

Built once by ``create_app`` and kept on ``app.state``; handlers receive it through
the ``get_context`` dependency rather than from globals.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from fastapi import Request

from ceasefire.model import Document, Event
from ceasefire.pipeline import Pipeline
from ceasefire.store import Store


@dataclass
class ApiContext:
    """The service's state. ``token`` is None when the operator configured none: no writes."""

    store: Store
    token: str | None
    make_pipeline: Callable[[], Pipeline]
    clock: Callable[[], datetime]
    _pipeline: Pipeline | None = None
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def code(self, document: Document) -> list[Event]:
        """The events of a document; one at a time, as the pipeline's models are shared."""
        with self._lock:
            if self._pipeline is None:
                self._pipeline = self.make_pipeline()
            return self._pipeline.code(document)


def get_context(request: Request) -> ApiContext:
    """The ``ApiContext`` of the app serving ``request``."""
    context: ApiContext = request.app.state.context
    return context
