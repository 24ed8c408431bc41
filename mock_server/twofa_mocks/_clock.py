"""A controllable clock, so TTL, window and lock-out tests move time instead of sleeping."""

from __future__ import annotations

import math
import threading
import time

# The clock never passes the end of year 9999 (what datetime can show) and moves at most 100 years
# per advance: a NaN, an infinity or 1e308 used to make every later request fail with a 500.
MAX_TIME = 253_402_300_799.0  # 9999-12-31T23:59:59Z in seconds since the epoch
MAX_ADVANCE = 100 * 365.25 * 86400  # 3,155,760,000 seconds


def check_advance(seconds: float, now: float) -> None:
    """ValueError (with the reason) unless ``seconds`` is a step the clock can take from ``now``."""
    if isinstance(seconds, bool) or not isinstance(seconds, int | float):
        raise ValueError("advance must be a number of seconds")
    if not math.isfinite(seconds):
        raise ValueError("advance must be a finite number of seconds")
    if seconds < 0:
        raise ValueError("the clock only moves forward: advance must not be negative")
    if seconds > MAX_ADVANCE:
        raise ValueError(f"advance must be at most {MAX_ADVANCE:.0f} seconds (100 years) at a time")
    if now + seconds > MAX_TIME:
        raise ValueError("the clock cannot pass the end of year 9999; POST /_mock/reset brings it back")


class MockClock:
    """Wall-clock seconds, plus an offset tests can advance; optionally frozen.

    Frozen (the default for tests) means time only moves when told to, so a run is deterministic.
    Unfrozen (the default for `make mock`) follows the real clock, so PINs expire for a person poking
    at the mock by hand.
    """

    def __init__(self, *, frozen: bool = True, start: float | None = None) -> None:
        self._lock = threading.Lock()
        self._frozen = frozen
        self._start = start
        self._base = time.time() if start is None else start
        self._offset = 0.0
        self._started = time.monotonic()

    def _now(self) -> float:
        if self._frozen:
            return self._base + self._offset
        return self._base + (time.monotonic() - self._started) + self._offset

    def now(self) -> float:
        with self._lock:
            return self._now()

    def advance(self, seconds: float) -> float:
        """Move time forward; ValueError for a step that is not finite, negative, or past the limits."""
        with self._lock:
            check_advance(seconds, self._now())
            self._offset += seconds
            return self._now()

    def freeze(self, frozen: bool = True) -> None:
        """Stop (or restart) the clock at the current instant."""
        with self._lock:
            current = self._now()
            self._frozen = frozen
            self._base, self._offset, self._started = current, 0.0, time.monotonic()

    def reset(self) -> None:
        """Back to where it started (``start``, or the wall clock), frozen or running as it is: whatever
        the advances were, nothing is left stuck at the end of time."""
        with self._lock:
            self._base = time.time() if self._start is None else self._start
            self._offset, self._started = 0.0, time.monotonic()

    @property
    def frozen(self) -> bool:
        return self._frozen

    def now_millis(self) -> int:
        return int(self.now() * 1000)
