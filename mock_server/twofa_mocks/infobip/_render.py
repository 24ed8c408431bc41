"""Responses per URL version (U36) and the text a PIN message carries.

State is canonical (``HEX``, ``pt_pt``); ``/2fa/1`` renders ``HEXA`` and ``pt-pt``, ``/2fa/2`` renders
``HEX`` and ``pt_pt`` (the official SDK's enums are strict), or ``pt-pt`` when configured for the
older community SDK. Fields never set are omitted, like the vendor's examples.
"""

from __future__ import annotations

import re
from typing import Any

from ._store import Application, Record, Template
from ._validation import MAX_RENDERED, PIN_PLACEHOLDER

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


class TooLong(Exception):
    """The message would be longer than allowed; found while building it, so the work stops there too."""


def render_text(fields: dict[str, Any], pin: str, placeholders: dict[str, str], limit: int = MAX_RENDERED) -> str:
    """The template text with the PIN and custom ``{{name}}`` values filled in, in one pass.

    One pass means a placeholder value containing ``{{pin}}`` stays literal text. Names without a
    value stay as written (U11). A v1 template's own placeholder (``<pin>``) is replaced verbatim.
    TooLong past ``limit`` characters: a template naming one placeholder 800 times and a value of 4,000
    characters would be 3.2 million (and were 780 MB before templates and values were bounded).
    """
    text = str(fields.get("messageText", ""))
    placeholder = str(fields.get("pinPlaceholder") or PIN_PLACEHOLDER)
    # Nearly always the text cannot pass the limit whatever it names: render it in one C-level pass.
    longest = max(len(pin), max(map(len, placeholders.values()), default=0))
    uses = text.count("{{") + (0 if placeholder == PIN_PLACEHOLDER else text.count(placeholder))
    if len(text) + uses * longest <= limit:
        return _render(text, placeholder, pin, placeholders)
    return _render_within(text, placeholder, pin, placeholders, limit)


def _render(text: str, placeholder: str, pin: str, placeholders: dict[str, str]) -> str:
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


def _render_within(text: str, placeholder: str, pin: str, placeholders: dict[str, str], limit: int) -> str:
    """What _render gives, built piece by piece and given up (TooLong) as soon as it passes ``limit``."""
    pieces: list[str] = []
    size = 0

    def add(piece: str) -> None:
        nonlocal size
        size += len(piece)
        if size > limit:
            raise TooLong
        pieces.append(piece)

    def fill(part: str, with_pin: bool) -> None:
        position = 0
        for match in PLACEHOLDER.finditer(part):
            add(part[position : match.start()])
            name = match.group(1)
            add(pin if with_pin and name == "pin" else placeholders.get(name, match.group(0)))
            position = match.end()
        add(part[position:])

    if placeholder == PIN_PLACEHOLDER:
        fill(text, with_pin=True)
    else:
        for index, part in enumerate(text.split(placeholder)):
            if index:
                add(pin)
            fill(part, with_pin=False)
    return "".join(pieces)


def email_text(fields: dict[str, Any], pin: str) -> str:
    """E-mail bodies live in Infobip's e-mail templates, outside this API: the mock writes a stand-in."""
    return f"E-mail template {fields.get('emailTemplateId')}: your PIN is {pin}"
