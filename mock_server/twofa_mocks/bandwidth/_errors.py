"""Bandwidth's error answers, in its exact shapes: ``{"error", "requestId"}`` for 400, 429 and 500,
and API Gateway's ``{"message"}`` (403 ``{"Message"}`` for an explicit deny) for auth and unknown routes."""

from __future__ import annotations

import uuid

from .._errors import InvalidRequest
from .._http import Answer

LOCKED_OUT = "This number has exceeded verification attempts, please wait 2 minutes"
EXPLICIT_DENY = "User is not authorized to access this resource with an explicit deny"
MISSING_TOKEN = "Missing Authentication Token"  # noqa: S105 - an error text, not a secret
FAULT_TEXTS = {429: "Too Many Requests", 500: "Internal Error"}  # any other status: "Service Unavailable"


def error_body(status: int, error: str) -> Answer:
    """400, 429 and 500 bodies: ``{"error", "requestId"}``."""
    return Answer.json({"error": error, "requestId": str(uuid.uuid4())}, status)


UNAUTHORIZED = Answer.json({"message": "Unauthorized"}, 401)
FORBIDDEN = Answer.json({"Message": EXPLICIT_DENY}, 403)
NOT_FOUND = Answer.json({"message": "Not Found"}, 404)
MISSING_AUTHENTICATION_TOKEN = Answer.json({"message": MISSING_TOKEN}, 403)


class BandwidthErrors:
    """What the mock answers itself (an ``ErrorAnswers``)."""

    def fault(self, status: int) -> Answer:
        return error_body(status, FAULT_TEXTS.get(status, "Service Unavailable"))

    def invalid(self, error: InvalidRequest) -> Answer:
        return error_body(400, error.first)  # the vendor states one problem, the first found

    def internal_error(self) -> None:
        return None  # a bug goes on to the server: a plain 500, and the traceback in the server's log


ERRORS = BandwidthErrors()
