"""Sliding-window counters for the vendors' send, verify and lock-out limits."""

from __future__ import annotations

import heapq
import itertools
from collections import deque


class SlidingWindows:
    """Per-key event timestamps; ``allow`` admits an event when fewer than ``limit`` fall in the window.

    Keys with no event inside their last window are dropped by ``sweep``, so memory follows the
    number of recently active keys, not the number ever seen. A sweep used to test every key (one key
    per destination: 5,000 of them cost ~13 us per send in-process, at one sweep every 256 requests).
    Now each key is noted on a heap per window length under its last event (or an earlier one), and a
    sweep pops only the notes whose event is out of that window, drops the key if it is idle by the
    same test as before, and notes it again under its newest event if not: exactly the same keys go,
    and a busy key is noted about once per window, not once per event.
    """

    def __init__(self) -> None:
        self._events: dict[object, deque[float]] = {}
        self._windows: dict[object, float] = {}
        # window -> heap of (a key's last event when noted, or -inf for none; tie-break; key). A live key
        # always has a note in its window's heap at or before its last event (or -inf when it has none).
        self._noted: dict[float, list[tuple[float, int, object]]] = {}
        self._order = itertools.count()

    def _note(self, key: object, events: deque[float], window: float) -> None:
        last = events[-1] if events else float("-inf")
        heapq.heappush(self._noted.setdefault(window, []), (last, next(self._order), key))

    def allow(self, key: object, limit: int, window: float, now: float) -> bool:
        """Record the event and return True, or return False (and record nothing) when over the limit."""
        events = self._events.get(key)
        if events is None:
            events = self._events[key] = deque()
        previous, self._windows[key] = self._windows.get(key), window
        while events and events[0] <= now - window:
            events.popleft()
        admitted = len(events) < limit
        if admitted:
            events.append(now)
        if window != previous or not events:  # a new key, another window, or idle already
            self._note(key, events, window)
        return admitted

    def admits(self, key: object, limit: int, window: float, now: float) -> bool:
        """Whether ``allow`` would admit an event now; records nothing (only forgets expired events).

        Lets a caller check several limits first and record in all of them only when every one admits.
        """
        events = self._events.get(key)
        if events is None:
            return limit > 0
        if events and events[0] <= now - window:
            while events and events[0] <= now - window:
                events.popleft()
            if not events:  # now idle whatever its window: the next sweep drops it
                self._note(key, events, window)
        return len(events) < limit

    def sweep(self, now: float) -> None:
        """Drop every key with no events, or whose last event is out of its window."""
        for window, heap in list(self._noted.items()):
            while heap and heap[0][0] <= now - window:
                key = heapq.heappop(heap)[2]
                events = self._events.get(key)
                if events is None:
                    continue  # dropped already
                if not events or events[-1] <= now - self._windows[key]:
                    del self._events[key]
                    del self._windows[key]
                else:  # active since it was noted: note it again under its newest event
                    self._note(key, events, self._windows[key])
            if not heap:
                del self._noted[window]

    def clear(self) -> None:
        self._events.clear()
        self._windows.clear()
        self._noted.clear()

    def __len__(self) -> int:
        return len(self._events)
