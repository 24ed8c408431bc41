"""``Challenge``: what a web app keeps between sending a code and checking it.

A small frozen value holding the vendor that sent, its ids, the destination, the channel, when the
code was issued and when it expires, and what is known of its delivery. It converts to a string
(``str(challenge)``, ``Challenge.from_string``) and to JSON (``to_json``, ``from_json``):

    tfa1.<base64url of the canonical JSON payload>.<base64url of its HMAC-SHA256, or empty>

With a secret configured, the Verifier signs every challenge it makes and refuses any it is given
whose signature does not match (``hmac.compare_digest``), so a user cannot change the destination,
the ids or the expiry held in their session. The payload is signed, not encrypted: the destination is
readable by whoever holds the string (the user it was sent to, in a session cookie).

Challenges come back from users, so parsing treats them as untrusted input: the string is bounded
(``MAX_CHALLENGE_CHARS``) before it is decoded, every field is type- and range-checked, and every
problem is a ``ChallengeError`` (a ``ValueError``) whose message never quotes the input.
"""

from __future__ import annotations

import base64
import binascii
import hmac
import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, Final, Literal

from .._errors import InvalidArgumentError
from ._destination import CHANNELS, Channel, destination
from ._vendor import Vendor


class ChallengeError(InvalidArgumentError):
    """A challenge that cannot be used. The message says why and never quotes the challenge: it came
    from a user's session, so it is untrusted input."""


Delivery = Literal["sent", "accepted", "unknown"]
DELIVERIES: tuple[Delivery, ...] = ("sent", "accepted", "unknown")
VENDORS: tuple[Vendor, ...] = ("infobip", "bandwidth")

FORMAT_VERSION: Final = 1
PREFIX: Final = "tfa1"
MAX_CHALLENGE_CHARS: Final = 2048  # a real one is about 400; anything longer is refused unread
MAX_LIFETIME_MS: Final = 366 * 24 * 3600 * 1000  # Infobip's longest PIN time-to-live is one year
MAX_TIME_MS: Final = 2**53  # what a JSON number carries exactly
MIN_SECRET_BYTES: Final = 16
MAX_SECRET_BYTES: Final = 1024
_MAC_CONTEXT = b"twofa-challenge/1\n"  # so this MAC can never be confused with another use of the secret
_REFERENCE = re.compile(r"[A-Za-z0-9][A-Za-z0-9._:-]{0,127}")  # pinId, messageId, callId
_SCOPE = re.compile(r"[!-~]{1,25}")  # Bandwidth: free-form, at most 25 characters
_SIGNATURE = re.compile(r"[A-Za-z0-9_-]{43}")  # 32 bytes, base64url without padding
_FIELDS = frozenset(
    {"version", "vendor", "channel", "to", "reference", "scope", "issued_at_ms", "expires_at_ms", "delivery"}
)


@dataclass(frozen=True)
class Challenge:
    """A code sent (or maybe sent) to ``to`` over ``channel`` by ``vendor``.

    ``reference``: Infobip's ``pinId`` (needed to check and resend), Bandwidth's ``messageId`` or
    ``callId`` (informational). ``scope``: the Bandwidth scope the code lives in (checks use it).
    ``issued_at_ms``/``expires_at_ms``: epoch milliseconds of the Verifier's clock. ``delivery``:
    "sent" (the vendor confirmed), "accepted" (it answered 2xx, unreadably) or "unknown" (no answer).
    ``signature``: the HMAC when the Verifier has a secret.
    """

    vendor: Vendor
    channel: Channel
    to: str
    reference: str | None
    scope: str | None
    issued_at_ms: int
    expires_at_ms: int
    delivery: Delivery = "sent"
    signature: str | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        _check(self)

    # --- convenience -------------------------------------------------------------------------------

    @property
    def issued_at(self) -> float:
        """Epoch seconds when the code was issued (the Verifier's clock, just before sending)."""
        return self.issued_at_ms / 1000

    @property
    def expires_at(self) -> float:
        """Epoch seconds after which a check answers ``TTL_EXPIRED`` without asking the vendor."""
        return self.expires_at_ms / 1000

    @property
    def pin_id(self) -> str | None:
        """Infobip's ``pinId`` (None for Bandwidth, or when the send was not confirmed)."""
        return self.reference if self.vendor == "infobip" else None

    def is_expired(self, now: float) -> bool:
        return now * 1000 >= self.expires_at_ms

    # --- serialisation ------------------------------------------------------------------------------

    def payload(self) -> dict[str, Any]:
        """Every field but the signature: what is signed."""
        return {
            "version": FORMAT_VERSION,
            "vendor": self.vendor,
            "channel": self.channel,
            "to": self.to,
            "reference": self.reference,
            "scope": self.scope,
            "issued_at_ms": self.issued_at_ms,
            "expires_at_ms": self.expires_at_ms,
            "delivery": self.delivery,
        }

    def canonical(self) -> bytes:
        """The payload as the bytes the signature covers: sorted keys, no spaces, ASCII only.

        Computed once per instance (the fields are frozen). A challenge parsed from its string form
        keeps the payload bytes it was given: the ones its signature was made over, if it is genuine.
        """
        cached: bytes | None = self.__dict__.get("_canonical")
        if cached is None:
            payload = self.payload()
            cached = json.dumps(payload, sort_keys=True, separators=(",", ":"), ensure_ascii=True).encode("ascii")
            self.__dict__["_canonical"] = cached  # a cache beside the frozen fields, not a field
        return cached

    def to_dict(self) -> dict[str, Any]:
        return {**self.payload(), "signature": self.signature}

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), sort_keys=True, separators=(",", ":"), ensure_ascii=True)

    def to_string(self) -> str:
        return f"{PREFIX}.{_b64encode(self.canonical())}.{self.signature or ''}"

    def __str__(self) -> str:
        return self.to_string()

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Challenge:
        """From ``to_dict()`` (or decoded ``to_json()``): every field checked; ``ChallengeError`` if any is off."""
        if not isinstance(data, Mapping):
            raise ChallengeError("the challenge is not valid: expected a JSON object")
        keys = set(data)
        unknown, missing = keys - _FIELDS - {"signature"}, _FIELDS - keys
        if unknown or missing:
            raise ChallengeError(
                f"the challenge is not valid: {len(unknown)} unknown and {len(missing)} missing fields"
            )
        if data["version"] != FORMAT_VERSION or isinstance(data["version"], bool):
            raise ChallengeError("the challenge is not valid: unsupported format version")
        try:
            return cls(
                vendor=data["vendor"],
                channel=data["channel"],
                to=data["to"],
                reference=data["reference"],
                scope=data["scope"],
                issued_at_ms=data["issued_at_ms"],
                expires_at_ms=data["expires_at_ms"],
                delivery=data["delivery"],
                signature=data.get("signature"),
            )
        except TypeError:  # not reachable through JSON; a hand-built mapping with odd values
            raise ChallengeError("the challenge is not valid") from None

    @classmethod
    def from_json(cls, text: str | bytes) -> Challenge:
        if not isinstance(text, str | bytes):
            raise ChallengeError(f"a challenge must be a string, not {type(text).__name__}")
        if len(text) > MAX_CHALLENGE_CHARS:
            raise ChallengeError(f"the challenge is longer than {MAX_CHALLENGE_CHARS} characters")
        try:
            data = json.loads(text)
        except (ValueError, RecursionError):
            raise ChallengeError("the challenge is not valid JSON") from None
        return cls.from_dict(data)

    @classmethod
    def from_string(cls, text: str) -> Challenge:
        """From ``str(challenge)``. The signature is read, not checked: the Verifier checks it."""
        if not isinstance(text, str):
            raise ChallengeError(f"a challenge must be a string, not {type(text).__name__}")
        if len(text) > MAX_CHALLENGE_CHARS:
            raise ChallengeError(f"the challenge is longer than {MAX_CHALLENGE_CHARS} characters")
        parts = text.strip().split(".")
        if len(parts) != 3 or parts[0] != PREFIX:
            raise ChallengeError(f"the challenge is not valid: expected {PREFIX}.<payload>.<signature>")
        try:
            raw = _b64decode(parts[1])
            payload = json.loads(raw)
        except (ValueError, RecursionError):
            raise ChallengeError("the challenge is not valid: its payload does not decode") from None
        if not isinstance(payload, dict) or "signature" in payload:
            raise ChallengeError("the challenge is not valid: expected a JSON object")
        challenge = cls.from_dict({**payload, "signature": parts[2] or None})
        # The signature is checked over these bytes: a payload not in canonical form cannot carry a
        # valid signature (only canonical payloads are ever signed), so nothing is lost by not
        # re-encoding it.
        challenge.__dict__["_canonical"] = raw
        return challenge

    @classmethod
    def parse(cls, value: Challenge | str) -> Challenge:
        """A ``Challenge`` as is; a string in either form (``tfa1.…`` or JSON)."""
        if isinstance(value, Challenge):
            return value
        if isinstance(value, str) and value.lstrip().startswith("{"):
            return cls.from_json(value)
        return cls.from_string(value)  # not a str: refused there, with a clear error


def _check(c: Challenge) -> None:
    """Every field of a challenge, whoever built it: bounded, typed, consistent."""
    if c.vendor not in VENDORS:
        raise ChallengeError("the challenge is not valid: unknown vendor")
    if c.channel not in CHANNELS:
        raise ChallengeError("the challenge is not valid: unknown channel")
    if c.delivery not in DELIVERIES:
        raise ChallengeError("the challenge is not valid: unknown delivery state")
    try:
        normal = destination(c.to, c.channel)
    except InvalidArgumentError:
        normal = None
    if normal is None or normal != c.to:
        raise ChallengeError("the challenge is not valid: its destination is not a normalised one for its channel")
    if c.reference is not None and (not isinstance(c.reference, str) or not _REFERENCE.fullmatch(c.reference)):
        raise ChallengeError("the challenge is not valid: bad reference")
    if c.vendor == "bandwidth":
        if not isinstance(c.scope, str) or not _SCOPE.fullmatch(c.scope):
            raise ChallengeError("the challenge is not valid: a Bandwidth challenge needs a scope of 1-25 characters")
        if c.channel == "email":
            raise ChallengeError("the challenge is not valid: Bandwidth has no e-mail channel")
    elif c.scope is not None:
        raise ChallengeError("the challenge is not valid: only Bandwidth challenges have a scope")
    for name in ("issued_at_ms", "expires_at_ms"):
        value = getattr(c, name)
        if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value < MAX_TIME_MS:
            raise ChallengeError(f"the challenge is not valid: {name} must be a non-negative integer")
    if not 0 <= c.expires_at_ms - c.issued_at_ms <= MAX_LIFETIME_MS:
        raise ChallengeError("the challenge is not valid: it expires before it was issued, or after a year")
    if c.signature is not None and (not isinstance(c.signature, str) or not _SIGNATURE.fullmatch(c.signature)):
        raise ChallengeError("the challenge is not valid: malformed signature")


def _b64encode(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _b64decode(text: str) -> bytes:
    if not re.fullmatch(r"[A-Za-z0-9_-]*", text):
        raise ValueError("not base64url")
    try:
        return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
    except binascii.Error as exc:
        raise ValueError("not base64url") from exc


class Keyring:
    """The signing secret, and older secrets still accepted (rotation): never in a repr or a log."""

    def __init__(self, secret: str | bytes, old_secrets: Sequence[str | bytes] = ()) -> None:
        self._keys = tuple(
            _key(s, name) for s, name in [(secret, "secret"), *((s, "old_secrets") for s in old_secrets)]
        )

    def sign(self, challenge: Challenge) -> Challenge:
        """``challenge`` with its signature by the current key."""
        return replace(challenge, signature=self._mac(self._keys[0], challenge))

    def sign_new(self, challenge: Challenge) -> Challenge:
        """Signs a challenge this process just built and has not shared yet, in place (no second
        construction and check of every field: this runs on every start)."""
        object.__setattr__(challenge, "signature", self._mac(self._keys[0], challenge))
        return challenge

    def verify(self, challenge: Challenge) -> None:
        """``ChallengeError`` unless ``challenge`` carries a signature by one of the keys."""
        if challenge.signature is None:
            raise ChallengeError("the challenge is not signed, and this Verifier accepts signed challenges only")
        given = challenge.signature.encode("ascii")
        # Every key is tried, matched or not: the time taken does not say which key signed it.
        matched = [hmac.compare_digest(self._mac(key, challenge).encode("ascii"), given) for key in self._keys]
        if not any(matched):
            raise ChallengeError("the challenge's signature does not match: it was changed, or signed with another key")

    @staticmethod
    def _mac(key: bytes, challenge: Challenge) -> str:
        return _b64encode(hmac.digest(key, _MAC_CONTEXT + challenge.canonical(), "sha256"))

    def __repr__(self) -> str:
        return f"Keyring(<{len(self._keys)} key(s)>)"


def _key(secret: object, name: str) -> bytes:
    if isinstance(secret, str):
        secret = secret.encode("utf-8")
    if not isinstance(secret, bytes):
        raise InvalidArgumentError(f"{name} must be str or bytes")
    if not MIN_SECRET_BYTES <= len(secret) <= MAX_SECRET_BYTES:
        raise InvalidArgumentError(f"{name} must be {MIN_SECRET_BYTES} to {MAX_SECRET_BYTES} bytes long")
    return secret
