"""The write check: a bearer token the operator configured, or no writes at all."""

from __future__ import annotations

import hmac
from typing import Annotated

from fastapi import Depends, HTTPException
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from ceasefire.api.context import ApiContext, get_context

TOKEN_ENV_VAR = "CEASEFIRE_API_TOKEN"

_bearer = HTTPBearer(
    auto_error=False,
    scheme_name="API token",
    description=f"The token the operator set in ${TOKEN_ENV_VAR} or with --token-file.",
)


def require_writer(
    context: Annotated[ApiContext, Depends(get_context)],
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> None:
    """Refuse the request unless it carries the configured token.

    401 without a token, 403 with a wrong one, and 403 for every write when the
    operator configured no token (the service is then read-only).
    """
    if context.token is None:
        raise HTTPException(
            status_code=403,
            detail=(
                "writes are disabled on this server: the operator has configured no API token "
                f"(set ${TOKEN_ENV_VAR} or start it with 'ceasefire serve --token-file FILE')"
            ),
        )
    if credentials is None:
        raise HTTPException(
            status_code=401,
            detail="this request changes data and needs the API token: "
            "send the header 'Authorization: Bearer <token>'",
            headers={"WWW-Authenticate": "Bearer"},
        )
    if not hmac.compare_digest(credentials.credentials.encode(), context.token.encode()):
        raise HTTPException(status_code=403, detail="the API token is not valid for this server")
