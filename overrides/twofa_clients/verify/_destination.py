"""One destination format for both vendors: E.164 for phones (``+41793026727``), an address for e-mail.

Strict in what is sent, liberal in what is accepted: spaces, hyphens, dots and parentheses a person
types inside a phone number are dropped. Each vendor then gets its own spelling (Infobip: digits
without the ``+``). Errors name the argument, never its value: a destination is personal data.
"""

from __future__ import annotations

import re
from typing import Literal

from .._errors import InvalidArgumentError

Channel = Literal["sms", "voice", "email"]
CHANNELS: tuple[Channel, ...] = ("sms", "voice", "email")

MAX_DESTINATION_CHARS = 254  # the longest e-mail address SMTP carries; phone numbers are far shorter
_E164 = re.compile(r"\+[1-9][0-9]{1,14}")
_PHONE_SEPARATORS = str.maketrans("", "", " -.()\u00a0")
# local@domain: no whitespace or control characters, one @, a dot in the domain.
_EMAIL = re.compile(r"[^\s@\x00-\x1f\x7f]{1,64}@[^\s@\x00-\x1f\x7f]+\.[^\s@\x00-\x1f\x7f]+")


def channel(value: object) -> Channel:
    if value not in CHANNELS:
        raise InvalidArgumentError(f"channel must be one of {', '.join(CHANNELS)}")
    return value


def destination(value: object, channel_: Channel, *, name: str = "to") -> str:
    """``value`` normalised for ``channel_``: ``+`` and digits for sms and voice, an address for email."""
    if not isinstance(value, str):
        raise InvalidArgumentError(f"{name} must be a string, not {type(value).__name__}")
    if len(value) > MAX_DESTINATION_CHARS * 2:  # before any work on it
        raise InvalidArgumentError(f"{name} is longer than {MAX_DESTINATION_CHARS} characters")
    if channel_ == "email":
        address = value.strip()
        if len(address) > MAX_DESTINATION_CHARS or _EMAIL.fullmatch(address) is None:
            raise InvalidArgumentError(f"{name} must be an e-mail address (local@domain) for the email channel")
        return address
    number = value.strip().translate(_PHONE_SEPARATORS)
    if _E164.fullmatch(number) is None:
        raise InvalidArgumentError(
            f"{name} must be a phone number in E.164 format (+, country code, number: at most 15 digits) "
            f"for the {channel_} channel"
        )
    return number
