"""What the Bandwidth handlers see of the mock: its state, and the clock reading they share.

``BandwidthMock`` (_app.py) is a ``BandwidthState``. The handler modules (_auth, _codes) import this
module, never the app, so the app imports them without a cycle.
"""

from __future__ import annotations

import threading

from .._clock import MockClock
from .._outbox import Outbox
from ._config import BandwidthConfig
from ._store import BandwidthStore


class BandwidthState:
    """One Bandwidth account world: configuration, state, outbox and clock, and ``lock`` around every
    change (handlers never ``await`` between reading and writing state)."""

    config: BandwidthConfig
    store: BandwidthStore
    clock: MockClock
    outbox: Outbox
    lock: threading.RLock

    def now(self) -> float:
        """The mock time, after forgetting the codes and lock-outs that have expired by then (hold ``lock``)."""
        now = self.clock.now()
        self.store.evict_expired(now, self.config.lockout_seconds)
        return now
