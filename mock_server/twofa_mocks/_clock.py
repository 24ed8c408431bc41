"""A controllable clock, so TTL, window and lock-out tests move time instead of sleeping."""

from __future__ import annotations

import threading
import time


class MockClock:
    """Wall-clock seconds, plus an offset tests can advance; optionally frozen.

    Frozen (the default for tests) means time only moves when told to, so a run is deterministic.
    Unfrozen (the default for `make mock`) follows the real clock, so PINs expire for a person poking
    at the mock by hand.
    """

    def __init__(self, *, frozen: bool = True, start: float | None = None) -> None:
        self._lock = threading.Lock()
        self._frozen = frozen
        self._base = time.time() if start is None else start
        self._offset = 0.0
        self._started = time.monotonic()

    def now(self) -> float:
        with self._lock:
            if self._frozen:
                return self._base + self._offset
            return self._base + (time.monotonic() - self._started) + self._offset

    def advance(self, seconds: float) -> float:
        if seconds < 0:
            raise ValueError("the clock only moves forward")
        with self._lock:
            self._offset += seconds
        return self.now()

    def freeze(self, frozen: bool = True) -> None:
        """Stop (or restart) the clock at the current instant."""
        current = self.now()
        with self._lock:
            self._frozen = frozen
            self._base, self._offset, self._started = current, 0.0, time.monotonic()

    @property
    def frozen(self) -> bool:
        return self._frozen

    def now_millis(self) -> int:
        return int(self.now() * 1000)
