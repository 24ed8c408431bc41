"""The Bandwidth mock's state: codes, invalid-attempt counters, lock-outs, issued tokens.

Every request costs the same however much is live, and memory is capped even with a frozen clock:

- Codes are found by one dict lookup of (number, scope, code), not by comparing the guess with every
  live code of the number: a verify used to take 7 ms at 40,000 live codes, and its timing told how
  many there were. A dict compares a key only with entries of the same 64-bit hash, and Python hashes
  strings with a per-process random key (SipHash), so a wrong guess meets no live code at all.
- Live codes are capped per (account, to, scope) (``max_live_codes_per_number``, the oldest superseded)
  and in all (``max_codes``, the oldest first); expired ones leave in order.
- Invalid-attempt counters are kept least recently failed first, capped (``max_lockout_counters``),
  and swept from the front; tokens expire and are capped in a TokenTable.
"""

from __future__ import annotations

import secrets
import uuid
from collections import OrderedDict, deque
from dataclasses import dataclass, field

from .._codes import random_code
from .._tokens import TokenTable

# Bandwidth keeps codes for the longest window a verify may ask for.
MAX_WINDOW_SECONDS = 15 * 60
SWEEP_EVERY = 256  # requests between sweeps of idle counters and expired tokens

CodeKey = tuple[str, str, str]  # (account, to, scope)
NumberKey = tuple[str, str]  # (account, to): the lock-out is per number, across scopes


@dataclass(slots=True, eq=False)
class IssuedCode:
    code: str
    created_at: float
    application_id: str
    reference: str
    live: bool = field(default=True, repr=False)
    key: CodeKey = field(default=("", "", ""), repr=False)


@dataclass(slots=True)
class FailureCount:
    """Invalid verifies of one number; they count for ``lockout_seconds`` after the latest one."""

    failures: int = 0
    last_failure: float = 0.0
    locked_until: float = 0.0


class BandwidthStore:
    def __init__(self) -> None:
        # Live codes per key, oldest first: short lists (at most max_live_codes_per_number; a deque's
        # first block alone is ~600 bytes, per number).
        self.codes: dict[CodeKey, list[IssuedCode]] = {}
        self._by_code: dict[tuple[CodeKey, str], list[IssuedCode]] = {}  # live codes of one value, oldest first
        # Every live code (and some consumed or superseded ones), oldest first: the clock never goes
        # back, so expiry and the total cap pop from the front instead of scanning.
        self._order: deque[IssuedCode] = deque()
        self._live = 0
        self.failures: OrderedDict[NumberKey, FailureCount] = OrderedDict()  # least recently failed first
        self.tokens: TokenTable[str] = TokenTable()  # token -> (client_id, expires_at)
        self._requests_since_sweep = 0

    # --- codes ---------------------------------------------------------------------------------------

    def add_code(
        self, key: CodeKey, issued: IssuedCode, newest_only: bool, per_number: int = 10, total: int = 100_000
    ) -> None:
        live = self.codes.get(key)
        if newest_only and live:
            for old in list(live):
                self._kill(old)
            live = self.codes.get(key)
        issued.key = key
        if live is None:
            live = self.codes[key] = []
        live.append(issued)
        self._by_code.setdefault((key, issued.code), []).append(issued)
        self._order.append(issued)
        self._live += 1
        while len(live) > per_number:
            self._kill(live[0])  # superseded: the oldest of the number
        while self._live > total:
            self._kill_oldest()
        if len(self._order) > 2 * self._live + 1024:  # consumed and superseded codes left in the order
            self._order = deque(c for c in self._order if c.live)

    def match(self, key: CodeKey, code: str, window: float, now: float) -> IssuedCode | None:
        """The oldest live code issued for ``key`` within ``window`` seconds that equals ``code``, if any.

        One lookup: a wrong guess costs the same whether one code is live or a thousand, and as it is
        compared with no live code, nothing can tell how close it was.
        """
        for issued in self._by_code.get((key, code), ()):
            if now - window <= issued.created_at <= now:
                return issued
        return None

    def consume(self, key: CodeKey, issued: IssuedCode) -> None:
        self._kill(issued)

    def _kill(self, issued: IssuedCode) -> None:
        if not issued.live:
            return
        issued.live = False
        self._live -= 1
        live = self.codes[issued.key]
        live.remove(issued)  # usually the leftmost (oldest); at most max_live_codes_per_number long
        if not live:
            del self.codes[issued.key]
        same = self._by_code[(issued.key, issued.code)]
        same.remove(issued)
        if not same:
            del self._by_code[(issued.key, issued.code)]

    def _kill_oldest(self) -> None:
        while self._order:
            issued = self._order.popleft()
            if issued.live:
                self._kill(issued)
                return

    # --- invalid attempts and lock-outs ----------------------------------------------------------

    def locked(self, number: NumberKey, now: float) -> bool:
        count = self.failures.get(number)
        return count is not None and count.locked_until > now

    def record_failure(self, number: NumberKey, now: float, threshold: int, lockout_seconds: float, cap: int) -> None:
        """One more invalid verify; ``threshold`` of them within ``lockout_seconds`` lock the number."""
        count = self.failures.get(number)
        if count is None:
            count = self.failures[number] = FailureCount()
            while len(self.failures) > cap:
                self.failures.popitem(last=False)
        else:
            self.failures.move_to_end(number)
        if count.last_failure <= now - lockout_seconds:
            count.failures = 0
        count.failures += 1
        count.last_failure = now
        if count.failures >= threshold:
            count.failures = 0
            count.locked_until = now + lockout_seconds

    # --- tokens ----------------------------------------------------------------------------------

    def issue_token(self, client_id: str, ttl: float, now: float, cap: int = 10_000) -> str:
        return self.tokens.issue(client_id, ttl, now, cap)

    # --- eviction --------------------------------------------------------------------------------

    def evict_expired(self, now: float, lockout_seconds: float) -> None:
        """Drop codes no verify can match any more now; idle counters and expired tokens every
        SWEEP_EVERY calls (a stale counter or token already acts as absent)."""
        cutoff = now - MAX_WINDOW_SECONDS
        while self._order and self._order[0].created_at <= cutoff:
            self._kill(self._order.popleft())
        self._requests_since_sweep += 1
        if self._requests_since_sweep >= SWEEP_EVERY:
            self.sweep(now, lockout_seconds)

    def sweep(self, now: float, lockout_seconds: float) -> None:
        self._requests_since_sweep = 0
        while self.failures:  # least recently failed first: stop at the first one still counting
            number, count = next(iter(self.failures.items()))
            if count.locked_until > now or count.last_failure > now - lockout_seconds:
                break
            del self.failures[number]
        self.tokens.drop_expired(now)


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
