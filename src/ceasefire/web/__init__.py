"""The dashboard: static files (HTML, JS, CSS, vendored Leaflet) served by ``ceasefire.api``.

Plain JavaScript, no build step: what is in ``static/`` is what the browser gets.
"""

from pathlib import Path

STATIC_DIR = Path(__file__).parent / "static"

__all__ = ["STATIC_DIR"]
