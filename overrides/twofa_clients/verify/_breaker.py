"""A circuit breaker per vendor: repeated failures take a vendor out of sending for a cool-down.

Closed: every send may go to the vendor. ``failures`` failures in a row (no success in between)
within ``window`` seconds open it. Open: sends skip the vendor (fail over) for
``cooldown`` seconds. Then half-open: one send is let through as a probe; its success closes the
circuit, its failure opens it for another cool-down. A probe that never reports back (a cancelled
task) is given up after a cool-down. Checks always go to the vendor that sent, open or not; their
outcomes count too.

Time comes from the Verifier's clock, so tests drive it with the mock's clock and never sleep.
"""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from .._errors import InvalidArgumentError
from ._vendor import Vendor

State = Literal["closed", "open", "half_open"]


@dataclass(frozen=True)
class BreakerPolicy:
    """``failures`` in a row within ``window`` seconds open a vendor's circuit for ``cooldown`` seconds."""

    failures: int = 5
    window: float = 60.0
    cooldown: float = 30.0

    def __post_init__(self) -> None:
        if isinstance(self.failures, bool) or not isinstance(self.failures, int) or not 1 <= self.failures <= 1000:
            raise InvalidArgumentError("BreakerPolicy.failures must be an int from 1 to 1000")
        for name in ("window", "cooldown"):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int | float) or not 0 < value <= 86_400:
                raise InvalidArgumentError(f"BreakerPolicy.{name} must be seconds, more than 0 and at most a day")


class CircuitBreaker:
    """One vendor's breaker. Thread-safe; no lock is held while anything else runs."""

    def __init__(
        self,
        vendor: Vendor,
        policy: BreakerPolicy,
        clock: Callable[[], float],
        on_change: Callable[[Vendor, State, State], None] | None = None,
    ) -> None:
        self.vendor = vendor
        self.policy = policy
        self._clock = clock
        self._on_change = on_change
        self._lock = threading.Lock()
        self._state: State = "closed"
        self._failures: deque[float] = deque(maxlen=policy.failures)
        self._opened_at = 0.0
        self._probe_started: float | None = None

    @property
    def state(self) -> State:
        with self._lock:
            return self._current(self._clock())

    def _current(self, now: float) -> State:
        if self._state == "open" and now >= self._opened_at + self.policy.cooldown:
            return "half_open"
        return self._state

    def retry_after(self) -> float:
        """Seconds until a send may go to the vendor again (0 when it may now)."""
        with self._lock:
            if self._state != "open":
                return 0.0
            return max(0.0, self._opened_at + self.policy.cooldown - self._clock())

    def allow(self) -> bool:
        """May a send go to the vendor now? In half-open, True for one probe at a time."""
        with self._lock:
            now = self._clock()
            state = self._current(now)
            if state == "closed":
                return True
            if state == "open":
                return False
            abandoned = self._probe_started is not None and now >= self._probe_started + self.policy.cooldown
            if self._probe_started is None or abandoned:
                self._probe_started = now
                return True
            return False

    def record(self, ok: bool, *, may_close: bool = True) -> None:
        """The outcome of a call to the vendor: ``ok`` when it answered as a working vendor does.

        ``may_close``: False for checks, whose success ends a run of failures but does not close an
        open circuit (a vendor may verify and still fail to send): only a send's probe does.
        """
        with self._lock:
            now = self._clock()
            before = self._current(now)
            if ok:
                self._failures.clear()
                if may_close or before == "closed":
                    self._state, self._probe_started = "closed", None
            elif before != "closed":  # a failed probe, or a failure while open: another cool-down
                self._open(now)
            else:
                self._failures.append(now)
                while self._failures[0] < now - self.policy.window:  # too old to count with this one
                    self._failures.popleft()
                if len(self._failures) >= self.policy.failures:
                    self._open(now)
            after = self._current(now)
        if after != before and self._on_change is not None:
            self._on_change(self.vendor, before, after)

    def release(self) -> None:
        """A probe that learned nothing (refused before reaching the vendor): let another one go."""
        with self._lock:
            self._probe_started = None

    def _open(self, now: float) -> None:
        self._state, self._opened_at, self._probe_started = "open", now, None
        self._failures.clear()

    def __repr__(self) -> str:
        return f"CircuitBreaker(vendor={self.vendor!r}, state={self.state!r})"
