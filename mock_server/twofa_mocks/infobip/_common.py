"""Shared by the Infobip handlers: the error envelope, the request context, body and query reading."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .._http import Answer, BodyError, RawRequest, media_type, parse_json
from ._validation import Invalid

BAD_REQUEST = ("BAD_REQUEST", "Bad request")
FORBIDDEN = ("FORBIDDEN", "Forbidden")
NOT_FOUND = ("NOT_FOUND", "Not found")
RESOURCE_NOT_FOUND = ("RESOURCE_NOT_FOUND", "Application or message with given ID cannot be found.")
MESSAGE_NOT_FOUND = ("MESSAGE_NOT_FOUND", "Message with given id cannot be found.")
METHOD_NOT_ALLOWED = ("METHOD_NOT_ALLOWED", "Method not allowed")
GENERAL_ERROR = ("GENERAL_ERROR", "Something went wrong. Please contact support.")
THROTTLE_TEXTS = {
    "TOO_MANY_REQUESTS": "Too many requests",  # /2fa/2 (published spec)
    "THROTTLE_EXCEPTION": "Too many requests. Try again later.",  # /2fa/1 (seed 003)
}
FAULT_ERRORS = {
    500: GENERAL_ERROR,
    502: ("BAD_GATEWAY", "Bad gateway"),
    503: ("SERVICE_UNAVAILABLE", "Service Unavailable"),
    504: ("GATEWAY_TIMEOUT", "Gateway timeout"),
}


def service_error(status: int, error: tuple[str, str], validation_errors: dict[str, list[str]] | None = None) -> Answer:
    """Every non-2xx body: ``{"requestError": {"serviceException": {messageId, text[, validationErrors]}}}``."""
    details: dict[str, Any] = {"messageId": error[0], "text": error[1]}
    if validation_errors:
        details["validationErrors"] = validation_errors
    return Answer.json({"requestError": {"serviceException": details}}, status)


class ApiError(Exception):
    """Raised anywhere in a handler; its response is the answer."""

    def __init__(self, response: Answer) -> None:
        super().__init__(response.status_code)
        self.response = response

    @classmethod
    def of(cls, status: int, error: tuple[str, str]) -> ApiError:
        return cls(service_error(status, error))


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
        raise Invalid({"body": [exc.reason]}) from exc
    if optional and not raw.strip():
        return {}
    if not is_json(media_type(ctx.request)):
        raise Invalid({"body": ["Content-Type must be application/json"]})
    try:
        return parse_json(raw)
    except BodyError as exc:
        raise Invalid({"body": [exc.reason]}) from exc
