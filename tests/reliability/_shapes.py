"""The vendors' exact error shapes, checked key by key (no missing key, no extra key, right types)."""

from __future__ import annotations

import json
from typing import Any

from twofa_mocks import Outbox

INFOBIP_TOKEN_PATH = "/auth/1/oauth2/token"
BANDWIDTH_TOKEN_PATH = "/api/v1/oauth2/token"


def _strings(value: Any) -> bool:
    return isinstance(value, str) and bool(value)


def infobip_error_problem(status: int, body: Any, path: str) -> str | None:
    """None when ``body`` is Infobip's ``{"requestError":{"serviceException":{messageId,text[,validationErrors]}}}``."""
    # The token endpoint answers RFC 6749 section 5.2 errors; routing (405) answers in the envelope.
    if path == INFOBIP_TOKEN_PATH and status != 405:
        ok = isinstance(body, dict) and set(body) == {"error"} and _strings(body["error"])
        return None if ok else f"token error {status} is not {{'error'}}: {body!r}"
    if not (isinstance(body, dict) and set(body) == {"requestError"}):
        return f"{status}: no requestError envelope: {body!r}"
    inner = body["requestError"]
    if not (isinstance(inner, dict) and set(inner) == {"serviceException"}):
        return f"{status}: requestError holds {inner!r}"
    details = inner["serviceException"]
    if not isinstance(details, dict) or not {"messageId", "text"} <= set(details):
        return f"{status}: serviceException lacks messageId/text: {details!r}"
    if set(details) - {"messageId", "text", "validationErrors"}:
        return f"{status}: serviceException has extra keys: {sorted(details)}"
    if not (_strings(details["messageId"]) and _strings(details["text"])):
        return f"{status}: messageId/text are not strings: {details!r}"
    if "validationErrors" in details:
        errors = details["validationErrors"]
        if not (isinstance(errors, dict) and errors):
            return f"{status}: validationErrors is {errors!r}"
        for field, messages in errors.items():
            if not (isinstance(messages, list) and messages and all(_strings(m) for m in messages)):
                return f"{status}: validationErrors.{field} is {messages!r}"
    return None


def bandwidth_error_problem(status: int, body: Any, path: str) -> str | None:
    """400/429/5xx ``{"error","requestId"}``; 401 ``{"message"}``; 403 ``{"message"}`` or ``{"Message"}``."""
    if not isinstance(body, dict):
        return f"{status}: not an object: {body!r}"
    keys = set(body)
    if path == BANDWIDTH_TOKEN_PATH and status not in (403, 404):  # 403/404: the gateway's unknown method
        expected: list[set[str]] = [{"error"}]
    elif status in (401, 404):
        expected = [{"message"}]
    elif status == 403:
        expected = [{"message"}, {"Message"}]
    else:
        expected = [{"error", "requestId"}]
    if keys not in expected:
        return f"{status}: keys {sorted(keys)}, expected one of {[sorted(e) for e in expected]}"
    if not all(_strings(value) for value in body.values()):
        return f"{status}: values are not non-empty strings: {body!r}"
    return None


def error_problem(vendor: str, status: int, content_type: str, content: bytes, path: str) -> str | None:
    """Why an error answer is not in the vendor's exact shape (None when it is)."""
    if not content_type.startswith("application/json"):
        return f"{status}: Content-Type {content_type!r} is not JSON"
    try:
        body = json.loads(content)
    except ValueError:
        return f"{status}: the body is not JSON: {content[:200]!r}"
    check = infobip_error_problem if vendor == "infobip" else bandwidth_error_problem
    return check(status, body, path)


def last_code(outbox: Outbox, to: str) -> str:
    """The code of the newest delivery to ``to`` (there must be one)."""
    delivery = outbox.last(to)
    assert delivery is not None, f"nothing was sent to {to}"
    return delivery.code
