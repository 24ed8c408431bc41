"""What every vendor mock is made of: configuration, state, outbox, clock, faults, one app."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any, Generic, TypeVar

from starlette.applications import Starlette
from starlette.routing import Route

from ._clock import MockClock
from ._control import apply_changes, config_to_json
from ._faults import FaultInjector
from ._outbox import Outbox

ConfigT = TypeVar("ConfigT")
StoreT = TypeVar("StoreT")


class MockService(Generic[ConfigT, StoreT]):
    """One vendor account world. Subclasses name their spec and build their routes."""

    spec_file: str

    def __init__(self, config: ConfigT, new_store: Callable[[], StoreT], clock: MockClock | None) -> None:
        self.initial_config = config
        self.config = config
        self._new_store = new_store
        self.store = new_store()
        self.clock = clock or MockClock()
        self.outbox = Outbox()
        self.faults = FaultInjector()
        # Handlers read and write state without awaiting in between, so they are atomic on the event
        # loop; the lock also covers the Python API used from other threads (run_in_thread).
        self.lock = threading.RLock()
        self.app = Starlette(routes=self._routes())

    def _routes(self) -> list[Route]:
        raise NotImplementedError

    # --- the control surface's view (_control.Controllable) ------------------------------------

    def reset(self) -> None:
        """Forget state, deliveries, faults and configuration changes; time keeps running forward."""
        with self.lock:
            self.config = self.initial_config
            self.store = self._new_store()
            self.outbox.clear()
            self.faults.clear()
            self.clock.freeze(self.clock.frozen)

    def config_json(self) -> dict[str, Any]:
        return config_to_json(self.config)

    def configure(self, changes: dict[str, Any]) -> None:
        with self.lock:
            self.config = apply_changes(self.config, changes)
