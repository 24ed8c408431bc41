"""Sliding-window counters for the vendors' send, verify and lock-out limits."""

from __future__ import annotations

import heapq
import itertools
from collections import OrderedDict

DEFAULT_MAX_KEYS = 100_000
# Runs of events (one per distinct instant) held in all keys together, e.g. when the clock runs and a
# limit of 10,000/1d counts every send of a day; past it, least recently used keys are forgotten.
RUNS_PER_KEY = 10


class _Events:
    """One key's events in its window, oldest first, as runs ``[instant, how many]``: with a frozen
    clock every event falls on the same instant, so a key holds one run however many events it counts.
    A list, not a deque: most keys hold one or two runs, and a deque's first block alone is ~600 bytes
    (with one per destination, half of what a send to a new number kept)."""

    __slots__ = ("count", "runs", "window")

    def __init__(self, window: float) -> None:
        self.window = window
        self.runs: list[list[float]] = []
        self.count = 0

    def expire(self, now: float) -> int:
        """Forget the events out of the window; how many runs went."""
        runs, cutoff, gone = self.runs, now - self.window, 0
        while gone < len(runs) and runs[gone][0] <= cutoff:
            self.count -= int(runs[gone][1])
            gone += 1
        if gone:
            del runs[:gone]
        return gone

    @property
    def last(self) -> float:
        return self.runs[-1][0] if self.runs else float("-inf")


class SlidingWindows:
    """Per-key events; ``allow`` admits an event when fewer than ``limit`` fall in the window.

    Exact: an event counts until exactly ``window`` seconds after it. Bounded three ways, so memory
    follows recent traffic even when the clock is frozen and nothing ever leaves its window:

    - events at the same instant are one run (a count), not one entry each;
    - ``sweep`` drops keys with no event left in their window. Each key is noted on a heap per window
      length under its last event (or an earlier one); a sweep pops only the notes whose event is out
      of that window, drops the key if it is idle, and notes it again under its newest event if not;
    - past ``max_keys`` keys, or ``RUNS_PER_KEY`` runs per allowed key on average, the least recently
      used key is forgotten: its limit starts afresh, as if its events had expired (stated in
      mock_server/README.md).
    """

    def __init__(self, max_keys: int = DEFAULT_MAX_KEYS) -> None:
        self._events: OrderedDict[object, _Events] = OrderedDict()  # least recently used first
        # window -> heap of (a key's last event when noted, or -inf for none; tie-break; key). A live key
        # always has a note in its window's heap at or before its last event (or -inf when it has none).
        self._noted: dict[float, list[tuple[float, int, object]]] = {}
        self._order = itertools.count()
        self._runs = 0
        self.max_keys = max_keys

    def _note(self, key: object, events: _Events) -> None:
        heapq.heappush(self._noted.setdefault(events.window, []), (events.last, next(self._order), key))

    def allow(self, key: object, limit: int, window: float, now: float) -> bool:
        """Record the event and return True, or return False (and record nothing) when over the limit."""
        events = self._events.get(key)
        if events is None:
            events = self._events[key] = _Events(window)
            changed = grew = True
        else:
            self._events.move_to_end(key)
            changed, grew = events.window != window, False
            events.window = window
        runs = events.runs
        if runs and runs[0][0] <= now - window:
            self._runs -= events.expire(now)
        admitted = events.count < limit
        if admitted:
            if runs and runs[-1][0] == now:
                runs[-1][1] += 1
            else:
                runs.append([now, 1])
                self._runs += 1
                grew = True
            events.count += 1
        if changed or not runs:  # a new key, another window, or idle already
            self._note(key, events)
        if grew and (len(self._events) > self.max_keys or self._runs > RUNS_PER_KEY * self.max_keys):
            self._bound()
        return admitted

    def admits(self, key: object, limit: int, window: float, now: float) -> bool:
        """Whether ``allow`` would admit an event now; records nothing (only forgets expired events).

        Lets a caller check several limits first and record in all of them only when every one admits.
        """
        events = self._events.get(key)
        if events is None:
            return limit > 0
        if events.runs and events.runs[0][0] <= now - window:
            saved, events.window = events.window, window
            self._runs -= events.expire(now)
            events.window = saved
            if not events.runs:  # now idle whatever its window: the next sweep drops it
                self._note(key, events)
        return events.count < limit

    def _bound(self) -> None:
        while len(self._events) > self.max_keys or (self._runs > RUNS_PER_KEY * self.max_keys and self._events):
            _, events = self._events.popitem(last=False)  # its heap note goes stale: sweeps skip it
            self._runs -= len(events.runs)

    def sweep(self, now: float) -> None:
        """Drop every key with no events, or whose last event is out of its window."""
        for window, heap in list(self._noted.items()):
            while heap and heap[0][0] <= now - window:
                key = heapq.heappop(heap)[2]
                events = self._events.get(key)
                if events is None:
                    continue  # dropped already
                if not events.runs or events.last <= now - events.window:
                    del self._events[key]
                    self._runs -= len(events.runs)
                else:  # active since it was noted: note it again under its newest event
                    self._note(key, events)
            if not heap:
                del self._noted[window]
        # Notes of keys forgotten at the cap stay until their window passes; with a frozen clock that is
        # never, so rebuild the heaps when stale notes outnumber the keys.
        if sum(len(h) for h in self._noted.values()) > 2 * len(self._events) + 1024:
            self._noted = {}
            for key, events in self._events.items():
                self._note(key, events)

    def clear(self) -> None:
        self._events.clear()
        self._noted.clear()
        self._runs = 0

    def __len__(self) -> int:
        return len(self._events)
