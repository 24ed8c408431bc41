"""The Infobip mock's state: applications, templates, PINs, verification records, keys and tokens.

Applications, templates and API keys are what a customer creates and are kept (there is no DELETE in
the API), up to their caps. PINs, verification records, rate-limit windows and access tokens expire
and are evicted, so memory follows recent traffic rather than everything ever sent; with a frozen
clock (nothing expires) their caps hold it: past maxPins every send used to leave ~2 KB behind
(records, their order, rate-limit windows). Every cap evicts oldest first, from the front of an
ordered structure, never by scanning: taking the first key of a plain dict after many deletions from
its front skips every deleted slot (200,000 evictions at 100,000 PINs: 22 s, against 0.26 s for an
OrderedDict).
"""

from __future__ import annotations

import heapq
import secrets
import uuid
from collections import OrderedDict, deque
from dataclasses import dataclass, field
from typing import Any, Literal

from .._codes import random_code
from .._ratelimit import SlidingWindows
from .._tokens import TokenTable

Channel = Literal["sms", "voice", "email"]
TemplateKind = Literal["sms", "email"]  # "sms" covers SMS and voice templates (one schema)

# U7, U8: generated PINs are upper case; HEX (v2) and HEXA (v1) are one alphabet.
ALPHABETS = {
    "NUMERIC": "0123456789",
    "ALPHA": "ABCDEFGHIJKLMNOPQRSTUVWXYZ",
    "HEX": "0123456789ABCDEF",
    "ALPHANUMERIC": "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789",
}
SWEEP_EVERY = 256  # requests between sweeps of the rate-limit windows and access tokens


@dataclass
class Configuration:
    """An application's security configuration, as the strings the API speaks (section 8)."""

    pin_attempts: int = 10
    allow_multiple_pin_verifications: bool = True
    pin_time_to_live: str = "15m"
    verify_pin_limit: str = "1/3s"
    send_pin_per_application_limit: str = "10000/1d"
    send_pin_per_phone_number_limit: str = "3/1d"

    def to_json(self) -> dict[str, Any]:
        return {
            "pinAttempts": self.pin_attempts,
            "allowMultiplePinVerifications": self.allow_multiple_pin_verifications,
            "pinTimeToLive": self.pin_time_to_live,
            "verifyPinLimit": self.verify_pin_limit,
            "sendPinPerApplicationLimit": self.send_pin_per_application_limit,
            "sendPinPerPhoneNumberLimit": self.send_pin_per_phone_number_limit,
        }


@dataclass
class Template:
    """A message template; ``fields`` holds only what was set, in canonical spelling (HEX, pt_pt)."""

    id: str
    application_id: str
    kind: TemplateKind
    fields: dict[str, Any]


@dataclass
class Application:
    id: str
    name: str
    enabled: bool
    configuration: Configuration
    templates: dict[str, Template] = field(default_factory=dict)  # creation order (U30)


@dataclass(slots=True)
class Record:
    """One verification record: a PIN sent to a destination (U26)."""

    msisdn: str
    sent_at: float
    sent: bool  # U27: delivered at least once (not withheld by Number Lookup)
    verified: bool = False
    verified_at: float | None = None


@dataclass(slots=True)
class Pin:
    id: str
    application_id: str
    template_id: str
    channel: Channel
    to: str
    value: str
    created_at: float
    expires_at: float  # U19: fixed at creation; resends do not extend it
    max_attempts: int  # pinAttempts when the PIN was made
    record: Record
    nc_needed: bool = False
    sender: str | None = None  # `from` of the send; resends use it again
    placeholders: dict[str, str] = field(default_factory=dict)
    landing_page_placeholders: dict[str, str] = field(default_factory=dict)
    wrong_attempts: int = 0
    verified: bool = False

    @property
    def attempts_remaining(self) -> int:
        return max(0, self.max_attempts - self.wrong_attempts)

    @property
    def placeholder_characters(self) -> int:
        """What its placeholder maps hold, counted against maxPlaceholderCharacters."""
        if not (self.placeholders or self.landing_page_placeholders):
            return 0  # nearly every PIN
        maps = (self.placeholders, self.landing_page_placeholders)
        return sum(len(k) + len(v) for values in maps for k, v in values.items())


class InfobipStore:
    def __init__(self) -> None:
        self.applications: dict[str, Application] = {}
        self.template_count = 0  # templates of all applications
        self.pins: OrderedDict[str, Pin] = OrderedDict()  # oldest first
        self._pin_expiry: list[tuple[float, str]] = []  # (evict at, pinId), a heap
        self._placeholder_characters = 0  # of the PINs in self.pins
        # Per (application, destination), oldest first; lists, as most hold one record (a deque's first
        # block alone is ~600 bytes).
        self.records: dict[tuple[str, str], list[Record]] = {}
        self._record_order: deque[tuple[tuple[str, str], Record]] = deque()  # oldest first
        self.issued_api_keys: OrderedDict[str, frozenset[str]] = OrderedDict()
        self.tokens: TokenTable[frozenset[str]] = TokenTable()  # token -> (scopes, expires at)
        self.ibsso_last_use: dict[str, float] = {}  # only configured tokens: bounded
        self.windows = SlidingWindows()  # send and verify limits of applications
        self.account_windows = SlidingWindows()  # the published per-account limits (U32)
        self._requests_since_sweep = 0

    # --- PINs ------------------------------------------------------------------------------------

    def add_pin(self, pin: Pin, retention: float, max_pins: int, max_characters: int = 16_000_000) -> None:
        """Keep ``pin``; past ``max_pins`` PINs or ``max_characters`` of placeholders the oldest go."""
        self.pins[pin.id] = pin
        self._placeholder_characters += pin.placeholder_characters
        heapq.heappush(self._pin_expiry, (pin.expires_at + retention, pin.id))
        while len(self.pins) > max_pins or (self._placeholder_characters > max_characters and len(self.pins) > 1):
            self._forget(next(iter(self.pins)))  # the oldest; its heap entry goes stale

    def _forget(self, pin_id: str) -> None:
        pin = self.pins.pop(pin_id, None)
        if pin is not None:
            self._placeholder_characters -= pin.placeholder_characters

    def add_record(self, key: tuple[str, str], record: Record, per_destination: int, total: int = 100_000) -> None:
        records = self.records.get(key)
        if records is None:
            records = self.records[key] = []
        records.append(record)
        if len(records) > per_destination:  # the destination's oldest go (at most 100 by default)
            del records[: len(records) - per_destination]
        self._record_order.append((key, record))
        while len(self._record_order) > total:  # entries already gone count too: never more than total
            self._drop_oldest_record()

    def _drop_oldest_record(self) -> None:
        key, record = self._record_order.popleft()
        records = self.records.get(key)
        # The destination's records are in the same order: the oldest overall is its first, or gone.
        if records and records[0] is record:
            del records[0]
        if records is not None and not records:
            del self.records[key]

    # --- credentials -----------------------------------------------------------------------------

    def issue_api_key(self, scopes: frozenset[str], limit: int) -> str:
        key = f"{secrets.token_hex(16)}-{uuid.uuid4()}"  # 32 hex, '-', a UUID (section 6.12)
        self.issued_api_keys[key] = scopes
        while len(self.issued_api_keys) > limit:
            self.issued_api_keys.popitem(last=False)
        return key

    def issue_token(self, scopes: frozenset[str], ttl: float, now: float, cap: int = 10_000) -> str:
        self.tokens.drop_expired(now)
        return self.tokens.issue(scopes, ttl, now, cap)

    # --- eviction --------------------------------------------------------------------------------

    def evict(self, now: float, record_retention: float) -> None:
        """Forget expired PINs and old records now, windows and tokens every SWEEP_EVERY calls."""
        while self._pin_expiry and self._pin_expiry[0][0] <= now:
            self._forget(heapq.heappop(self._pin_expiry)[1])
        while self._record_order and self._record_order[0][1].sent_at <= now - record_retention:
            self._drop_oldest_record()
        if len(self._pin_expiry) > 2 * len(self.pins) + 1024:  # stale entries of capped-out PINs
            self._pin_expiry = [entry for entry in self._pin_expiry if entry[1] in self.pins]
            heapq.heapify(self._pin_expiry)
        self._requests_since_sweep += 1
        if self._requests_since_sweep >= SWEEP_EVERY:
            self.sweep(now)

    def sweep(self, now: float) -> None:
        self._requests_since_sweep = 0
        self.windows.sweep(now)
        self.account_windows.sweep(now)
        self.tokens.drop_expired(now)


def new_id() -> str:
    """32 upper-case hexadecimal characters, like the vendor's IDs."""
    return secrets.token_hex(16).upper()


def generate_pin(pin_type: str, length: int) -> str:
    return random_code(ALPHABETS[pin_type], length)
