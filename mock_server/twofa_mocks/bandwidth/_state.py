"""What the Bandwidth operations see of the mock: its state (``MockState``), and the clock reading they
share.

``BandwidthMock`` (_app.py) is a ``BandwidthState``. The operation modules (_auth, _codes) import this
module, never the app, so the app imports them without a cycle.
"""

from __future__ import annotations

from .._state import MockState
from ._config import BandwidthConfig
from ._store import BandwidthStore


class BandwidthState(MockState[BandwidthConfig, BandwidthStore]):
    """One Bandwidth account, with the clock reading its operations share."""

    def now(self) -> float:
        """The mock time, after forgetting the codes and lock-outs that have expired by then (hold ``lock``)."""
        now = self.clock.now()
        self.store.evict_expired(now, self.config.lockout_seconds)
        return now
