"""Responses per URL version (U36) and the text a PIN message carries.

State is canonical (``HEX``, ``pt_pt``); ``/2fa/1`` renders ``HEXA`` and ``pt-pt``, ``/2fa/2`` renders
``HEX`` and ``pt_pt`` (the official SDK's enums are strict), or ``pt-pt`` when configured for the
older community SDK. Fields never set are omitted, like the vendor's examples.
"""

from __future__ import annotations

import re
from typing import Any

from ._store import Application, Record, Template
from ._validation import PIN_PLACEHOLDER

PLACEHOLDER = re.compile(r"\{\{([^{}]+)\}\}")
SMS_FIELDS = (
    "pinPlaceholder", "messageText", "pinLength", "pinType", "language",
    "voiceName", "senderId", "repeatDTMF", "speechRate", "regional",
)  # fmt: skip
V2_ONLY_FIELDS = frozenset({"voiceName", "regional"})
EMAIL_FIELDS = ("pinLength", "pinType", "from", "emailTemplateId", "landingPageId")


def application_json(app: Application) -> dict[str, Any]:
    return {
        "applicationId": app.id,
        "name": app.name,
        "configuration": app.configuration.to_json(),
        "enabled": app.enabled,
    }


def template_json(template: Template, version: int, *, hyphenated_v2: bool = False) -> dict[str, Any]:
    body: dict[str, Any] = {"messageId": template.id, "applicationId": template.application_id}
    names = EMAIL_FIELDS if template.kind == "email" else SMS_FIELDS
    for name in names:
        if name not in template.fields or (version == 1 and name in V2_ONLY_FIELDS):
            continue
        value = template.fields[name]
        if name == "pinType" and version == 1 and value == "HEX":
            value = "HEXA"
        elif name == "language" and (version == 1 or hyphenated_v2):
            value = value.replace("_", "-")
        body[name] = value
    return body


def record_json(record: Record) -> dict[str, Any]:
    body: dict[str, Any] = {"msisdn": record.msisdn, "verified": record.verified}
    if record.verified and record.verified_at is not None:
        body["verifiedAt"] = int(record.verified_at * 1000)  # U25: milliseconds
    body["sentAt"] = int(record.sent_at * 1000)
    return body


def render_text(fields: dict[str, Any], pin: str, placeholders: dict[str, str]) -> str:
    """The template text with the PIN and custom ``{{name}}`` values filled in, in one pass.

    One pass means a placeholder value containing ``{{pin}}`` stays literal text. Names without a
    value stay as written (U11). A v1 template's own placeholder (``<pin>``) is replaced verbatim.
    """
    text = str(fields.get("messageText", ""))
    placeholder = str(fields.get("pinPlaceholder") or PIN_PLACEHOLDER)

    def fill(part: str, with_pin: bool) -> str:
        def value(match: re.Match[str]) -> str:
            name = match.group(1)
            if with_pin and name == "pin":
                return pin
            return placeholders.get(name, match.group(0))

        return PLACEHOLDER.sub(value, part)

    if placeholder == PIN_PLACEHOLDER:
        return fill(text, with_pin=True)
    return pin.join(fill(part, with_pin=False) for part in text.split(placeholder))


def email_text(fields: dict[str, Any], pin: str) -> str:
    """E-mail bodies live in Infobip's e-mail templates, outside this API: the mock writes a stand-in."""
    return f"E-mail template {fields.get('emailTemplateId')}: your PIN is {pin}"
