"""Request validation with Bandwidth's 400 texts.

Only "to number is required" is documented (the Errors page); the others follow its pattern (B11).
Patterns are the spec's, matched against the whole value as JSON Schema (ECMA-262) reads ``^...$``:
Python's ``$`` also matches before a trailing newline, so ``re.search`` took "+19195551234\n" as a number.
The first problem found is raised as an ``InvalidRequest`` on its field; the 400 states it in one sentence.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Any

from .._errors import InvalidRequest

E164 = re.compile(r"\+[1-9][0-9]{1,14}")  # the spec's ^\+[1-9][0-9]{1,14}$, used with fullmatch


@dataclass(frozen=True)
class CodeRequest:
    to: str
    from_: str
    application_id: str
    scope: str
    message: str
    digits: int


@dataclass(frozen=True)
class VerifyRequest:
    to: str
    scope: str
    expiration_minutes: float
    code: str


def _optional(body: dict[str, Any], name: str) -> str | None:
    if name not in body:
        return None
    value = body[name]
    if not isinstance(value, str):  # null included: the schema allows absent, not null
        raise InvalidRequest.of(name, f"{name} must be a string")
    return value


def _required(body: dict[str, Any], name: str, label: str | None = None) -> str:
    if body.get(name) is None:
        raise InvalidRequest.of(name, f"{label or name} is required")
    return _optional(body, name) or ""


def _max_length(value: str | None, name: str, limit: int) -> None:
    if value is not None and len(value) > limit:
        raise InvalidRequest.of(name, f"{name} must be at most {limit} characters")


def _phone(body: dict[str, Any], name: str, label: str) -> str:
    value = _required(body, name, label)
    if value == "":
        raise InvalidRequest.of(name, f"{label} is required")
    if not E164.fullmatch(value):
        raise InvalidRequest.of(name, f"{label} must be in E.164 format, like +19195551234")
    return value


def _number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def parse_code_request(body: Any) -> CodeRequest:
    if not isinstance(body, dict):
        raise InvalidRequest.of("body", "Request body must be a JSON object")
    to = _phone(body, "to", "to number")
    from_ = _phone(body, "from", "from number")
    _max_length(from_, "from", 32)
    application_id = _required(body, "applicationId")
    _max_length(application_id, "applicationId", 50)
    scope = _optional(body, "scope")
    _max_length(scope, "scope", 25)
    message = _required(body, "message")
    _max_length(message, "message", 2048)
    digits = body.get("digits")
    if digits is None:
        raise InvalidRequest.of("digits", "digits is required")
    # JSON Schema's integer includes 6.0; bool is not a number.
    if not _number(digits) or not math.isfinite(digits) or digits != int(digits):
        raise InvalidRequest.of("digits", "digits must be an integer")
    if not 4 <= digits <= 8:
        raise InvalidRequest.of("digits", "digits must be between 4 and 8")
    return CodeRequest(to, from_, application_id, "2FA" if scope is None else scope, message, int(digits))


def parse_verify_request(body: Any) -> VerifyRequest:
    if not isinstance(body, dict):
        raise InvalidRequest.of("body", "Request body must be a JSON object")
    to = _phone(body, "to", "to number")
    scope = _optional(body, "scope")
    _optional(body, "applicationId")  # legacy, accepted and ignored (B6)
    minutes = body.get("expirationTimeInMinutes")
    if minutes is None:
        raise InvalidRequest.of("expirationTimeInMinutes", "expirationTimeInMinutes is required")
    if not _number(minutes):
        raise InvalidRequest.of("expirationTimeInMinutes", "expirationTimeInMinutes must be a number")
    if not 1 <= minutes <= 15:
        raise InvalidRequest.of("expirationTimeInMinutes", "expirationTimeInMinutes must be between 1 and 15")
    code = _required(body, "code")
    if not 4 <= len(code) <= 8:
        raise InvalidRequest.of("code", "code must be between 4 and 8 characters")
    return VerifyRequest(to, "2FA" if scope is None else scope, float(minutes), code)
