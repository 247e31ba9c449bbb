"""The ceasefire monitor's pages in the dashboard: an agreement's report, from the live store."""

from __future__ import annotations

import base64
import hashlib
import re

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import HTMLResponse

from ceasefire.errors import ConfigurationError

router = APIRouter()
_INLINE = re.compile(r"<(script|style)>(.*?)</\1>", re.DOTALL)


@router.get("/monitor", include_in_schema=False)
def agreements_page() -> HTMLResponse:
    """The shipped agreements, each linking to its report."""
    from html import escape

    from ceasefire.monitor.agreements import shipped_agreements

    items = "".join(
        f'<li><a href="/monitor/{escape(a.id)}">{escape(a.name)}</a> — signed {a.signed}, effective {a.effective}</li>'
        for a in shipped_agreements()
    )
    return HTMLResponse(
        '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>ceasefire monitor</title>'
        '<link rel="icon" href="data:,">'
        '<link rel="stylesheet" href="/static/style.css"></head><body><header class="page-head">'
        '<h1><a href="/">ceasefire</a> · monitor</h1></header><main><ul>' + items + "</ul></main></body></html>"
    )


@router.get("/monitor/{agreement_id}", include_in_schema=False)
def agreement_page(agreement_id: str, request: Request) -> HTMLResponse:
    """The agreement's report (map, violations per day, patrol coverage, incidents) over the
    events stored now; its inline script is allowed by its hash only."""
    from ceasefire.geo.gazetteer import Gazetteer
    from ceasefire.monitor.agreements import shipped_agreements
    from ceasefire.monitor.assessment import assess_store
    from ceasefire.monitor.report import render_report

    agreement = next((a for a in shipped_agreements() if a.id == agreement_id), None)
    if agreement is None:
        raise HTTPException(status_code=404, detail=f"no shipped agreement {agreement_id!r}: see /monitor")
    try:
        result = assess_store(agreement, request.app.state.context.store, Gazetteer.load())
    except ConfigurationError as error:
        raise HTTPException(status_code=500, detail=str(error)) from None
    page = render_report(result).replace(
        "<meta charset='utf-8'>", "<meta charset='utf-8'><link rel='icon' href='data:,'>", 1
    )
    hashes: dict[str, list[str]] = {kind: [] for kind in ("script", "style")}
    for kind, body in _INLINE.findall(page):
        digest = base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode("ascii")
        hashes[kind].append(f"'sha256-{digest}'")
    scripts = " ".join(hashes["script"]) or "'none'"
    # the report's style attributes need it (a hash beside it would void it); styles run no code
    styles = "'unsafe-inline'"
    policy = (
        f"default-src 'none'; script-src {scripts}; style-src {styles}; img-src data:; base-uri 'none'; "
        "form-action 'none'; frame-ancestors 'none'"
    )
    return HTMLResponse(page, headers={"Content-Security-Policy": policy})
