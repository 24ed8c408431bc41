"""One authorised request to one Infobip operation, and its JSON body."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .._errors import InvalidRequest
from .._http import BodyError, RawRequest, media_type, parse_json


@dataclass(frozen=True)
class Ctx:
    """One authorised request to one operation."""

    request: RawRequest
    version: int  # 1 or 2: the /2fa/{version} the request came in on
    operation: str  # the operationId, also the fault-injection key
    limit_key: str  # the operation without its version, for the shared per-account limits
    account_limit: int  # U32: published requests per 10 minutes; 0: none
    scopes: frozenset[str]  # what the credential holds

    def path(self, name: str) -> str:
        return str(self.request.path_params[name])


def is_json(content_type: str) -> bool:
    """JSON only (U33): application/json, any application/*+json, or no Content-Type at all."""
    return content_type in ("", "application/json") or (
        content_type.startswith("application/") and content_type.endswith("+json")
    )


async def read_json(ctx: Ctx, *, optional: bool = False) -> Any:
    """The JSON body; ``optional`` bodies (resend) may be absent or empty, which reads as ``{}``."""
    try:
        raw = await ctx.request.read_limited()
    except BodyError as exc:
        raise InvalidRequest.of("body", exc.reason) from exc
    if optional and not raw.strip():
        return {}
    if not is_json(media_type(ctx.request)):
        raise InvalidRequest.of("body", "Content-Type must be application/json")
    try:
        return parse_json(raw)
    except BodyError as exc:
        raise InvalidRequest.of("body", exc.reason) from exc
