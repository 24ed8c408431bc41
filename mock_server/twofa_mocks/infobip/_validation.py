"""Hand-written request validation: every problem, by field, in one ``InvalidRequest`` (``validationErrors``).

Patterns are the spec's, matched against the whole value as JSON Schema (ECMA-262) reads ``^...$``:
Python's ``$`` also matches before a trailing newline, so ``re.search`` took "41793026727\n" for
another number (with its own send limit). Messages follow the style of the vendor's one documented
example ("must not be blank"). Input spellings of ``pinType`` and ``language`` are canonicalised here
(HEXA -> HEX, pt-pt -> pt_pt); rendering per version is in _render.

Sizes (the vendor documents none of these; stated in mock_server/README.md): nothing a request stores
or multiplies is unbounded. One 60 KB send used to store a 780 MB message (a placeholder of 60,000
characters, named 13,000 times in the template). Template text is at most MAX_MESSAGE_TEXT characters,
every other stored text MAX_TEXT, a placeholder map MAX_PLACEHOLDERS entries and
MAX_PLACEHOLDER_CHARACTERS characters of names and values, and the message as sent MAX_RENDERED
(checked in _render before it is built). Each is far above what a real 2FA message needs.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from .._errors import InvalidRequest
from ._config import HARD_MAX_PIN_LENGTH

__all__ = ["HARD_MAX_PIN_LENGTH"]  # re-exported: with the other size limits

INT32_MAX = 2**31 - 1
INT64_MAX = 2**63 - 1
YEAR_SECONDS = 365 * 86400.0
DAY_SECONDS = 86400.0
UNIT_SECONDS = {"ms": 0.001, "s": 1.0, "m": 60.0, "h": 3600.0, "d": 86400.0}
# The spec's patterns without their anchors: each is used with fullmatch.
TIME_PATTERN = re.compile(r"([0-9]*)(ms|s|m|h|d)")  # ^[0-9]*(ms|s|m|h|d)$
LIMIT_PATTERN = re.compile(r"([0-9]+)/([0-9]*)(ms|s|m|h|d)")  # ^[0-9]+/[0-9]*(ms|s|m|h|d)$
MSISDN_PATTERN = re.compile(r"[0-9]{1,15}")  # ^[0-9]{1,15}$
EMAIL_PATTERN = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")  # U24: "basic local@domain"
PIN_PLACEHOLDER = "{{pin}}"
MAX_LIMIT_DIGITS = 18  # more attempts than this are "unlimited"; int() of huge strings is refused
MAX_MESSAGE_TEXT = 4096  # messageText: over 26 concatenated SMS parts of 153 characters
MAX_TEXT = 1024  # every other text a request stores: names, senders, voices, placeholders, `to`...
MAX_SETTING = 64  # time and limit strings ("15m", "3/1d"); an attempts count past 18 digits is unlimited
MAX_PLACEHOLDERS = 100  # entries of one placeholders (or landingPagePlaceholders) map
MAX_PLACEHOLDER_CHARACTERS = 4096  # names and values of one map together
MAX_RENDERED = 8192  # the message as sent: template, PIN and placeholder values

PIN_TYPES_V2 = ("NUMERIC", "ALPHA", "HEX", "ALPHANUMERIC")
PIN_TYPES_V1 = ("NUMERIC", "ALPHA", "HEXA", "ALPHANUMERIC")
LANGUAGES_V2 = (
    "en", "es", "ca", "da", "nl", "fr", "de", "it", "ja", "ko", "no",
    "pl", "ru", "sv", "fi", "hr", "sl", "ro", "pt_pt", "pt_br", "zh_cn", "zh_tw",
)  # fmt: skip
LANGUAGES_V1 = (
    "en", "es", "ca", "zh-cn", "zh-tw", "da", "nl", "fr", "de",
    "it", "ja", "ko", "no", "pl", "pt-pt", "ru", "sv", "fi",
)  # fmt: skip


class Fields:
    """Reads typed fields from one JSON object, collecting errors instead of stopping at the first."""

    def __init__(self, body: Any, prefix: str = "") -> None:
        self.prefix = prefix
        self.errors: dict[str, list[str]] = {}
        if isinstance(body, dict):
            self.body: dict[str, Any] = body
        else:
            self.body = {}
            self.error("", "must be a JSON object")

    def error(self, name: str, message: str) -> None:
        key = f"{self.prefix}{name}" or "body"
        self.errors.setdefault(key.rstrip("."), []).append(message)

    def _get(self, name: str, required: bool) -> Any:
        # An explicit null is not "absent": no field of the spec is nullable.
        value = self.body.get(name)
        if value is None and (required or name in self.body):
            self.error(name, "must not be null")
        return value

    def string(
        self, name: str, *, required: bool = False, min_length: int = 0, max_length: int = MAX_TEXT
    ) -> str | None:
        value = self._get(name, required)
        if value is None:
            return None
        if not isinstance(value, str):
            self.error(name, "must be a string")
            return None
        if len(value) < min_length:
            self.error(name, "must not be blank")
            return None
        if len(value) > max_length:
            self.error(name, f"size must be between {min_length} and {max_length}")
            return None
        return value

    def boolean(self, name: str, *, required: bool = False) -> bool | None:
        value = self._get(name, required)
        if value is None or isinstance(value, bool):
            return value
        self.error(name, "must be a boolean")
        return None

    def integer(self, name: str, *, minimum: int, maximum: int, required: bool = False) -> int | None:
        value = self._get(name, required)
        if value is None:
            return None
        # JSON Schema's integer includes 4.0; bool is not a number; NaN and infinities are nothing.
        if isinstance(value, bool) or not isinstance(value, int | float):
            self.error(name, "must be an integer")
            return None
        if isinstance(value, float) and not (math.isfinite(value) and value.is_integer()):
            self.error(name, "must be an integer")
            return None
        if not minimum <= value <= maximum:
            self.error(name, f"must be between {minimum} and {maximum}")
            return None
        return int(value)

    def number(self, name: str, *, minimum: float, maximum: float) -> float | int | None:
        value = self._get(name, False)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int | float):
            self.error(name, "must be a number")
            return None
        if not (math.isfinite(value) and minimum <= value <= maximum):  # NaN fails the comparison too
            self.error(name, f"must be between {minimum:g} and {maximum:g}")
            return None
        return value

    def choice(self, name: str, allowed: dict[str, str], *, required: bool = False) -> str | None:
        """An enum value, mapped through ``allowed`` (input spelling -> canonical spelling)."""
        value = self._get(name, required)
        if value is None:
            return None
        if isinstance(value, str) and value in allowed:
            return allowed[value]
        self.error(name, f"must be one of [{', '.join(allowed)}]")
        return None

    def string_map(self, name: str, *, forbid_pin: bool) -> dict[str, str] | None:
        value = self._get(name, False)
        if value is None:
            return None
        if not isinstance(value, dict):
            self.error(name, "must be an object")
            return None
        if len(value) > MAX_PLACEHOLDERS:
            self.error(name, f"must have at most {MAX_PLACEHOLDERS} entries")
            return None
        bad = [k for k, v in value.items() if not isinstance(v, str)]
        for key in bad:
            self.error(f"{name}.{key[:MAX_TEXT]}", "must be a string")
        if bad:
            return None
        if sum(len(k) + len(v) for k, v in value.items()) > MAX_PLACEHOLDER_CHARACTERS:
            self.error(name, f"names and values must have at most {MAX_PLACEHOLDER_CHARACTERS} characters together")
            return None
        if forbid_pin and "pin" in value:
            self.error(name, "must not contain the key pin")  # U10: the PIN is never a caller value
        return dict(value)

    def nested(self, name: str) -> Fields | None:
        value = self._get(name, False)
        if value is None:
            return None
        if not isinstance(value, dict):
            self.error(name, "must be an object")
            return None
        return Fields(value, f"{self.prefix}{name}.")

    def merge(self, other: Fields | None) -> None:
        if other is not None:
            for key, messages in other.errors.items():
                self.errors.setdefault(key, []).extend(messages)

    def check(self) -> None:
        if self.errors:
            raise InvalidRequest(self.errors)


# --- spellings (U36) ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Spellings:
    pin_types: dict[str, str]
    languages: dict[str, str]


def spellings(version: int, lenient: bool) -> Spellings:
    if lenient:
        pin_types = {t: t for t in PIN_TYPES_V2} | {"HEXA": "HEX"}
        languages = {code: code for code in LANGUAGES_V2} | {c.replace("_", "-"): c for c in LANGUAGES_V2}
    elif version == 2:
        pin_types = {t: t for t in PIN_TYPES_V2}
        languages = {code: code for code in LANGUAGES_V2}
    else:
        pin_types = {t: "HEX" if t == "HEXA" else t for t in PIN_TYPES_V1}
        languages = {code: code.replace("-", "_") for code in LANGUAGES_V1}
    return Spellings(pin_types, languages)


# --- configuration formats (section 8) ------------------------------------------------------------


@lru_cache(maxsize=1024)
def time_seconds(value: str) -> float | None:
    """Seconds of ``{timeLength}{timeUnit}``; None when the format is wrong or the length absurd."""
    match = TIME_PATTERN.fullmatch(value)
    if match is None or len(match.group(1)) > MAX_LIMIT_DIGITS:
        return None
    return int(match.group(1) or "1") * UNIT_SECONDS[match.group(2)]


@lru_cache(maxsize=1024)
def limit_parts(value: str) -> tuple[int, float] | None:
    """(attempts, window seconds) of ``{attempts}/{timeLength}{timeUnit}``, or None."""
    match = LIMIT_PATTERN.fullmatch(value)
    if match is None or len(match.group(2)) > MAX_LIMIT_DIGITS:
        return None
    digits = match.group(1).lstrip("0") or "0"
    attempts = int(digits) if len(digits) <= MAX_LIMIT_DIGITS else 10**MAX_LIMIT_DIGITS
    return attempts, int(match.group(2) or "1") * UNIT_SECONDS[match.group(3)]


def _time_field(fields: Fields, name: str, maximum: float, what: str) -> str | None:
    value = fields.string(name, max_length=MAX_SETTING)
    if value is None:
        return None
    seconds = time_seconds(value)
    if seconds is None:
        fields.error(name, "must match {timeLength}{timeUnit}, e.g. 15m (units ms, s, m, h, d)")
    elif seconds > maximum:
        fields.error(name, f"must be at most {what}")
    else:
        return value
    return None


def _limit_field(fields: Fields, name: str, maximum: float, what: str) -> str | None:
    value = fields.string(name, max_length=MAX_SETTING)
    if value is None:
        return None
    parts = limit_parts(value)
    if parts is None:
        fields.error(name, "must match {attempts}/{timeLength}{timeUnit}, e.g. 3/1d (units ms, s, m, h, d)")
    elif parts[1] > maximum:
        fields.error(name, f"time window must be at most {what}")
    else:
        return value
    return None


# --- applications ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class ApplicationInput:
    name: str
    enabled: bool | None
    configuration: dict[str, Any]  # Configuration attribute -> value, only the fields sent


def parse_application(body: Any) -> ApplicationInput:
    fields = Fields(body)
    name = fields.string("name", required=True, min_length=1)
    enabled = fields.boolean("enabled")
    conf: dict[str, Any] = {}
    nested = fields.nested("configuration")
    if nested is not None:
        values = {
            "pin_attempts": nested.integer("pinAttempts", minimum=1, maximum=INT32_MAX),
            "allow_multiple_pin_verifications": nested.boolean("allowMultiplePinVerifications"),
            "pin_time_to_live": _time_field(nested, "pinTimeToLive", YEAR_SECONDS, "1 year"),
            "verify_pin_limit": _limit_field(nested, "verifyPinLimit", DAY_SECONDS, "1 day"),
            "send_pin_per_application_limit": _limit_field(
                nested, "sendPinPerApplicationLimit", YEAR_SECONDS, "1 year"
            ),
            "send_pin_per_phone_number_limit": _limit_field(
                nested, "sendPinPerPhoneNumberLimit", YEAR_SECONDS, "1 year"
            ),
        }
        conf = {k: v for k, v in values.items() if v is not None}
        fields.merge(nested)
    fields.check()
    assert name is not None
    return ApplicationInput(name, enabled, conf)


# --- templates ------------------------------------------------------------------------------------


def parse_sms_template(
    body: Any, version: int, *, create: bool, lenient: bool, max_pin_length: int, require_placeholder: bool
) -> dict[str, Any]:
    """The fields sent, canonical. A v1 update's placeholder rule needs the stored template (_templates)."""
    fields = Fields(body)
    spelled = spellings(version, lenient)
    values: dict[str, Any] = {
        "messageText": fields.string("messageText", required=create, min_length=1, max_length=MAX_MESSAGE_TEXT),
        "pinLength": fields.integer("pinLength", minimum=1, maximum=max_pin_length),
        "pinType": fields.choice("pinType", spelled.pin_types, required=create),
        "language": fields.choice("language", spelled.languages),
        "repeatDTMF": fields.string("repeatDTMF"),
        "speechRate": fields.number("speechRate", minimum=0.5, maximum=2),
        "senderId": fields.string("senderId"),
    }
    if version == 1:
        values["pinPlaceholder"] = fields.string("pinPlaceholder", required=create, min_length=1)
    else:  # v2-only fields; `pinPlaceholder` is read-only in v2 and ignored
        values["voiceName"] = fields.string("voiceName")
        values["regional"] = _regional(fields)
    text = values["messageText"]
    placeholder = PIN_PLACEHOLDER if version == 2 else values.get("pinPlaceholder")
    checked = version == 2 or create  # a v1 update is checked against the merged template
    if require_placeholder and checked and text is not None and placeholder and placeholder not in text:
        fields.error("messageText", f"must contain the PIN placeholder {placeholder}")
    fields.check()
    return {k: v for k, v in values.items() if v is not None}


def _regional(fields: Fields) -> dict[str, Any] | None:
    regional = fields.nested("regional")
    if regional is None:
        return None
    result: dict[str, Any] = {}
    dlt = regional.nested("indiaDlt")
    if dlt is not None:
        values = {
            "contentTemplateId": dlt.string("contentTemplateId", max_length=30),
            "principalEntityId": dlt.string("principalEntityId", required=True, max_length=30),
            "teleMarketerId": dlt.string("teleMarketerId", max_length=255),
        }
        result["indiaDlt"] = {k: v for k, v in values.items() if v is not None}
        regional.merge(dlt)
    fields.merge(regional)
    return result


def parse_email_template(body: Any, *, create: bool, lenient: bool, max_pin_length: int) -> dict[str, Any]:
    fields = Fields(body)
    values: dict[str, Any] = {
        "emailTemplateId": fields.integer("emailTemplateId", minimum=1, maximum=INT64_MAX, required=create),
        "from": fields.string("from"),
        "landingPageId": fields.string("landingPageId"),
        "pinLength": fields.integer("pinLength", minimum=1, maximum=max_pin_length),
        "pinType": fields.choice("pinType", spellings(2, lenient).pin_types),
    }
    fields.check()
    return {k: v for k, v in values.items() if v is not None}


# --- PINs -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class SendInput:
    application_id: str
    message_id: str
    to: str
    sender: str | None
    placeholders: dict[str, str] = field(default_factory=dict)
    landing_page_placeholders: dict[str, str] = field(default_factory=dict)
    track_delivery: bool = False


def parse_send(body: Any, version: int, *, email: bool, validate_to: bool, forbid_pin: bool) -> SendInput:
    fields = Fields(body)
    application_id = fields.string("applicationId", required=True)
    message_id = fields.string("messageId", required=True)
    to = fields.string("to", required=True, min_length=1)
    sender = fields.string("from")
    placeholders = landing = None
    track = None
    if version == 2:  # placeholders and delivery tracking are v2 features; v1 ignores them
        placeholders = fields.string_map("placeholders", forbid_pin=forbid_pin)
        if email:
            landing = fields.string_map("landingPagePlaceholders", forbid_pin=forbid_pin)
        else:
            track = fields.boolean("trackDelivery")
    if to is not None and validate_to:
        _check_destination(fields, to, email)
    fields.check()
    assert application_id is not None
    assert message_id is not None
    assert to is not None
    return SendInput(application_id, message_id, to, sender, placeholders or {}, landing or {}, bool(track))


def _check_destination(fields: Fields, to: str, email: bool) -> None:
    if email and not EMAIL_PATTERN.fullmatch(to):
        fields.error("to", "must be a well-formed email address")
    elif not email and not MSISDN_PATTERN.fullmatch(to):
        fields.error("to", "must be 1 to 15 digits in international format, without '+'")


@dataclass(frozen=True)
class ResendInput:
    placeholders: dict[str, str] | None  # None: reuse the values of the original send
    landing_page_placeholders: dict[str, str] | None
    track_delivery: bool


def parse_resend(body: Any, *, email: bool, forbid_pin: bool) -> ResendInput:
    fields = Fields(body)
    placeholders = fields.string_map("placeholders", forbid_pin=forbid_pin)
    landing = fields.string_map("landingPagePlaceholders", forbid_pin=forbid_pin) if email else None
    track = None if email else fields.boolean("trackDelivery")
    fields.check()
    return ResendInput(placeholders, landing, bool(track))


def parse_verify(body: Any) -> str:
    fields = Fields(body)
    pin = fields.string("pin", required=True, min_length=1)
    fields.check()
    assert pin is not None
    return pin


def parse_bool_query(value: str | None, name: str) -> bool | None:
    """A boolean query parameter: ``true`` or ``false`` (any case); absent is None."""
    if value is None:
        return None
    lowered = value.lower()
    if lowered in ("true", "false"):
        return lowered == "true"
    raise InvalidRequest.of(name, "must be true or false")
