"""Infobip's error answers: every non-2xx body is ``{"requestError": {"serviceException": ...}}``."""

from __future__ import annotations

from typing import Any

from .._errors import VendorError
from .._http import Answer

BAD_REQUEST = ("BAD_REQUEST", "Bad request")
UNAUTHORIZED_ID = "UNAUTHORIZED"  # its text is a setting (unauthorizedText)
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


def refusal(status: int, error: tuple[str, str]) -> VendorError:
    """Raise it to answer ``status`` with ``error`` (messageId, text)."""
    return VendorError(service_error(status, error))
