"""SlidingWindows: a sweep drops exactly the keys a scan of every key would, whatever the history."""

from __future__ import annotations

import random
from collections import deque

import pytest
from twofa_mocks._ratelimit import SlidingWindows


class ScanningWindows:
    """The plain version: the same counting, and a sweep that tests every key."""

    def __init__(self) -> None:
        self.events: dict[object, deque[float]] = {}
        self.windows: dict[object, float] = {}

    def allow(self, key: object, limit: int, window: float, now: float) -> bool:
        events = self.events.setdefault(key, deque())
        self.windows[key] = window
        while events and events[0] <= now - window:
            events.popleft()
        if len(events) >= limit:
            return False
        events.append(now)
        return True

    def admits(self, key: object, limit: int, window: float, now: float) -> bool:
        events = self.events.get(key)
        if events is None:
            return limit > 0
        while events and events[0] <= now - window:
            events.popleft()
        return len(events) < limit

    def sweep(self, now: float) -> None:
        for key in [k for k, ev in self.events.items() if not ev or ev[-1] <= now - self.windows[k]]:
            del self.events[key]
            del self.windows[key]


@pytest.mark.parametrize("seed", range(40))
def test_same_answers_and_same_keys_kept_as_a_full_scan(seed: int) -> None:
    rng = random.Random(seed)  # noqa: S311 - a reproducible history, not a secret
    windows, plain = SlidingWindows(), ScanningWindows()
    now = rng.choice([0.0, 1.7e9, -5.0])
    keys = [("send-to", str(i)) for i in range(rng.randint(1, 12))]
    # Window lengths change between calls (an application's limits can be updated), 0.1 + 0.2 rounds.
    lengths = [rng.choice([0.5, 1.0, 3.0, 10.0, 0.1 + 0.2, float("inf")]) for _ in range(3)]
    for step in range(400):
        key, window, limit, what = rng.choice(keys), rng.choice(lengths), rng.randint(0, 4), rng.random()
        where = f"seed {seed}, step {step}"
        if what < 0.45:
            assert windows.allow(key, limit, window, now) == plain.allow(key, limit, window, now), where
        elif what < 0.75:
            assert windows.admits(key, limit, window, now) == plain.admits(key, limit, window, now), where
        elif what < 0.85:
            windows.sweep(now)
            plain.sweep(now)
            assert len(windows) == len(plain.events), where
            assert all(windows.admits(k, 1, 1e300, now) == plain.admits(k, 1, 1e300, now) for k in keys), where
        else:
            now += rng.choice([0.0, 0.1, 0.2, 0.3, 1.0, 2.9999999, 3.0, 7.0])


def test_keys_go_a_window_after_their_last_event() -> None:
    windows = SlidingWindows()
    for i in range(1000):
        windows.allow(("send-to", i), 3, 86400.0, float(i))
    windows.sweep(2000.0)  # nothing is a day old yet
    assert len(windows) == 1000
    windows.sweep(86400.0 + 499.5)  # the first 500 are
    assert len(windows) == 500
    windows.clear()
    assert len(windows) == 0


def test_events_at_one_instant_take_one_entry() -> None:
    """With the clock frozen every event falls on one instant: 100,000 sends used to be 100,000 entries."""
    windows = SlidingWindows()
    assert all(windows.allow("send-app", 10**9, 86400.0, 5.0) for _ in range(100_000))
    assert windows._runs == 1
    assert windows._events["send-app"].count == 100_000
    assert not windows.allow("send-app", 100_000, 86400.0, 5.0)  # still counted exactly
    assert windows.allow("send-app", 100_000, 86400.0, 86405.0)


def test_past_max_keys_the_least_recently_used_key_is_forgotten() -> None:
    windows = SlidingWindows(max_keys=3)
    for key in ("a", "b", "c"):
        assert windows.allow(key, 1, 60.0, 0.0)
    assert not windows.allow("a", 1, 60.0, 1.0)  # "a" is now the most recently used
    assert windows.allow("d", 1, 60.0, 1.0)  # four keys: "b" goes
    assert sorted(map(str, windows._events)) == ["a", "c", "d"]
    assert windows.allow("b", 1, 60.0, 1.0)  # forgotten: its limit starts afresh
    assert not windows.allow("d", 1, 60.0, 1.0)


def test_notes_of_forgotten_keys_do_not_pile_up_with_a_frozen_clock() -> None:
    windows = SlidingWindows(max_keys=100)
    for i in range(50_000):
        windows.allow(("send-to", i), 3, 86400.0, 0.0)
        if i % 256 == 0:
            windows.sweep(0.0)
    windows.sweep(0.0)
    assert len(windows) == 100
    assert sum(len(heap) for heap in windows._noted.values()) <= 2 * 100 + 1024
