"""What a vendor's operations see of its mock: configuration, store, outbox, clock and the lock.

Each vendor's ``_state.py`` adds the helpers its operations share; its mock (``MockService``) is one.
The operation modules import the state, never the app, so the app imports them without a cycle.
"""

from __future__ import annotations

import threading
from typing import Generic, Protocol, TypeVar

from ._clock import MockClock
from ._outbox import Outbox


class OutboxLimits(Protocol):
    @property
    def max_deliveries(self) -> int: ...

    @property
    def max_delivery_characters(self) -> int: ...


ConfigT = TypeVar("ConfigT", bound=OutboxLimits)
StoreT = TypeVar("StoreT")


class MockState(Generic[ConfigT, StoreT]):
    """One vendor account: ``lock`` around every change of ``store`` or ``outbox`` (operations never
    ``await`` between reading and writing state, so concurrent requests are counted exactly)."""

    config: ConfigT
    store: StoreT
    clock: MockClock
    outbox: Outbox
    lock: threading.RLock
