"""Checks of our own on top of schemathesis' built-ins.

`positive_data_acceptance` fails any schema-valid request that is not answered 2xx/404/429. A few
Infobip rules cannot be written in JSON Schema (they compare durations, or depend on two fields or on
state); the mock keeps the vendor behaviour and answers 400 for them. Those cases, and only those, are
accepted here, and only when the 400 names exactly the field the rule is about. The list is the one in
mock_server/README.md, "Schema-valid requests the mock rejects".
"""

from __future__ import annotations

import json
from typing import Any

from schemathesis import Case, CheckContext, Response
from schemathesis.openapi.checks import RejectedPositiveData
from schemathesis.specs.openapi.checks import positive_data_acceptance

_WINDOWS = {
    "configuration.pinTimeToLive",
    "configuration.verifyPinLimit",
    "configuration.sendPinPerApplicationLimit",
    "configuration.sendPinPerPhoneNumberLimit",
}
_SENDS = {"applicationId", "messageId"}  # disabled application; template of the other kind
DOCUMENTED_REJECTIONS: dict[str, set[str]] = {
    "create-2fa-application": _WINDOWS,
    "update-2fa-application": _WINDOWS,
    "v1-create-2fa-application": _WINDOWS,
    "v1-update-2fa-application": _WINDOWS,
    "v1-create-2fa-message-template": {"messageText"},
    "v1-update-2fa-message-template": {"messageText"},
    "send-2fa-pin-code-over-sms": _SENDS,
    "send-2fa-pin-code-over-voice": _SENDS,
    "v1-send-2fa-pin-code-over-sms": _SENDS,
    "v1-send-2fa-pin-code-over-voice": _SENDS,
    "send-2fa-pin-code-over-email": _SENDS | {"to"},
    "resend-2fa-pin-code-over-sms": {"pinId"},
    "resend-2fa-pin-code-over-voice": {"pinId"},
    "resend-2fa-pin-code-over-email": {"pinId"},
}


def _rejected_fields(response: Response) -> set[str] | None:
    try:
        body: Any = json.loads(response.content)
        errors = body["requestError"]["serviceException"]["validationErrors"]
    except (ValueError, KeyError, TypeError):
        return None
    return set(errors) if isinstance(errors, dict) and errors else None


def positive_data_acceptance_with_documented_rejections(
    ctx: CheckContext, response: Response, case: Case[Any]
) -> bool | None:
    try:
        return positive_data_acceptance(ctx, response, case)
    except RejectedPositiveData:
        allowed = DOCUMENTED_REJECTIONS.get(str(case.operation.definition.raw.get("operationId")), set())
        fields = _rejected_fields(response)
        if response.status_code == 400 and fields is not None and fields <= allowed:
            return None
        raise
