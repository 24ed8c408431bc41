"""The Bandwidth mock's state: codes, invalid-attempt counters, lock-outs, issued tokens."""

from __future__ import annotations

import hmac
import secrets
import uuid
from collections import deque
from dataclasses import dataclass, field

from .._codes import random_code

# Bandwidth keeps codes for the longest window a verify may ask for.
MAX_WINDOW_SECONDS = 15 * 60
SWEEP_EVERY = 256  # requests between sweeps of idle counters and expired tokens


@dataclass(slots=True)
class IssuedCode:
    code: str
    created_at: float
    application_id: str
    reference: str


@dataclass(slots=True)
class FailureCount:
    """Invalid verifies of one number; they count for ``lockout_seconds`` after the latest one."""

    failures: int = 0
    last_failure: float = 0.0
    locked_until: float = 0.0


@dataclass
class BandwidthStore:
    codes: dict[tuple[str, str, str], list[IssuedCode]] = field(default_factory=dict)
    failures: dict[tuple[str, str], FailureCount] = field(default_factory=dict)
    tokens: dict[str, tuple[str, float]] = field(default_factory=dict)  # token -> (client_id, expires_at)
    # Every code ever added, oldest first (the clock never goes back), so eviction pops expired ones
    # off the front instead of scanning every key on every request.
    _code_order: deque[tuple[float, tuple[str, str, str], IssuedCode]] = field(default_factory=deque, repr=False)
    _requests_since_sweep: int = field(default=0, repr=False)

    def add_code(self, key: tuple[str, str, str], issued: IssuedCode, newest_only: bool) -> None:
        existing = [] if newest_only else self.codes.get(key, [])
        self.codes[key] = [*existing, issued]
        self._code_order.append((issued.created_at, key, issued))

    def match(self, key: tuple[str, str, str], code: str, window: float, now: float) -> IssuedCode | None:
        """The code issued for ``key`` within ``window`` seconds that equals ``code``, if any."""
        match: IssuedCode | None = None
        for issued in self.codes.get(key, []):
            fresh = now - window <= issued.created_at <= now
            # compare_digest on every candidate: timing does not reveal which code was close.
            if hmac.compare_digest(issued.code.encode(), code.encode()) and fresh and match is None:
                match = issued
        return match

    def consume(self, key: tuple[str, str, str], issued: IssuedCode) -> None:
        remaining = [c for c in self.codes.get(key, []) if c is not issued]
        if remaining:
            self.codes[key] = remaining
        else:
            self.codes.pop(key, None)

    def evict_expired(self, now: float, lockout_seconds: float) -> None:
        """Drop codes no verify can match any more now; idle counters and expired tokens every
        SWEEP_EVERY calls (a stale counter or token already acts as absent): memory stays bounded,
        and a request costs the same however many numbers are live."""
        cutoff = now - MAX_WINDOW_SECONDS
        while self._code_order and self._code_order[0][0] <= cutoff:
            _, key, issued = self._code_order.popleft()
            codes = self.codes.get(key)
            if codes is None or not any(c is issued for c in codes):
                continue  # already consumed or superseded
            live = [c for c in codes if c is not issued]
            if live:
                self.codes[key] = live
            else:
                del self.codes[key]
        self._requests_since_sweep += 1
        if self._requests_since_sweep >= SWEEP_EVERY:
            self.sweep(now, lockout_seconds)

    def sweep(self, now: float, lockout_seconds: float) -> None:
        self._requests_since_sweep = 0
        for number, count in list(self.failures.items()):
            if count.locked_until <= now and count.last_failure <= now - lockout_seconds:
                del self.failures[number]
        for token, (_, expires_at) in list(self.tokens.items()):
            if expires_at <= now:
                del self.tokens[token]

    def issue_token(self, client_id: str, ttl: float, now: float) -> str:
        token = secrets.token_urlsafe(32)
        self.tokens[token] = (client_id, now + ttl)
        return token


def generate_code(digits: int) -> str:
    return random_code("0123456789", digits)


def call_id() -> str:
    """Like the vendor's: ``c-`` + 8 hex + ``-`` + a UUID (47 characters)."""
    return f"c-{secrets.token_hex(4)}-{uuid.uuid4()}"


MESSAGE_ID_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789"
# Every pair of base-36 digits, the lower one first: writing two digits per division halves the loop
# (~1.5 us of an in-process Bandwidth send).
_DIGIT_PAIRS = [low + high for high in MESSAGE_ID_ALPHABET for low in MESSAGE_ID_ALPHABET]


def message_id(now: float) -> str:
    """Like the vendor's: 13-digit epoch milliseconds + 16 lowercase alphanumerics (29 characters)."""
    # One draw of a uniform number below 36**16, written in base 36 (lowest digit first): one system
    # call, not sixteen.
    number, suffix = secrets.randbelow(36**16), []
    for _ in range(8):
        number, pair = divmod(number, len(_DIGIT_PAIRS))
        suffix.append(_DIGIT_PAIRS[pair])
    return f"{int(now * 1000):013d}" + "".join(suffix)
