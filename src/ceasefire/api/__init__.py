"""The REST API and the dashboard server (FastAPI), a thin layer over the store and pipeline.

``create_app(store_url, token=...)`` builds the service; ``ceasefire serve`` runs it.
"""

from ceasefire.api.app import create_app

__all__ = ["create_app"]
