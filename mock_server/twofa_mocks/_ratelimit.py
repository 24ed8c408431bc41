"""Sliding-window counters for the vendors' send, verify and lock-out limits."""

from __future__ import annotations

from collections import deque


class SlidingWindows:
    """Per-key event timestamps; ``allow`` admits an event when fewer than ``limit`` fall in the window.

    Keys with no event inside their last window are dropped by ``sweep``, so memory follows the
    number of recently active keys, not the number ever seen.
    """

    def __init__(self) -> None:
        self._events: dict[object, deque[float]] = {}
        self._windows: dict[object, float] = {}

    def allow(self, key: object, limit: int, window: float, now: float) -> bool:
        """Record the event and return True, or return False (and record nothing) when over the limit."""
        events = self._events.setdefault(key, deque())
        self._windows[key] = window
        while events and events[0] <= now - window:
            events.popleft()
        if len(events) >= limit:
            return False
        events.append(now)
        return True

    def admits(self, key: object, limit: int, window: float, now: float) -> bool:
        """Whether ``allow`` would admit an event now; records nothing (only forgets expired events).

        Lets a caller check several limits first and record in all of them only when every one admits.
        """
        events = self._events.get(key)
        if events is None:
            return limit > 0
        while events and events[0] <= now - window:
            events.popleft()
        return len(events) < limit

    def sweep(self, now: float) -> None:
        for key in [k for k, ev in self._events.items() if not ev or ev[-1] <= now - self._windows[k]]:
            del self._events[key]
            del self._windows[key]

    def clear(self) -> None:
        self._events.clear()
        self._windows.clear()

    def __len__(self) -> int:
        return len(self._events)
