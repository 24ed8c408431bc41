"""The Bandwidth mock's state: codes, invalid-attempt counters, lock-outs, issued tokens."""

from __future__ import annotations

import hmac
import secrets
import uuid
from dataclasses import dataclass, field

# Bandwidth keeps codes for the longest window a verify may ask for.
MAX_WINDOW_SECONDS = 15 * 60


@dataclass
class IssuedCode:
    code: str
    created_at: float
    application_id: str
    reference: str


@dataclass
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

    def add_code(self, key: tuple[str, str, str], issued: IssuedCode, newest_only: bool) -> None:
        existing = [] if newest_only else self.codes.get(key, [])
        self.codes[key] = [*existing, issued]

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
        """Drop codes no verify can match any more, idle counters and expired tokens: memory stays bounded."""
        for key in list(self.codes):
            live = [c for c in self.codes[key] if c.created_at > now - MAX_WINDOW_SECONDS]
            if live:
                self.codes[key] = live
            else:
                del self.codes[key]
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
    return "".join(secrets.choice("0123456789") for _ in range(digits))


def call_id() -> str:
    """Like the vendor's: ``c-`` + 8 hex + ``-`` + a UUID (47 characters)."""
    return f"c-{secrets.token_hex(4)}-{uuid.uuid4()}"


def message_id(now: float) -> str:
    """Like the vendor's: 13-digit epoch milliseconds + 16 lowercase alphanumerics (29 characters)."""
    alphabet = "abcdefghijklmnopqrstuvwxyz0123456789"
    return f"{int(now * 1000):013d}" + "".join(secrets.choice(alphabet) for _ in range(16))
