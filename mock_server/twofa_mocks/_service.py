"""What every vendor mock is made of: configuration, state, outbox, clock, faults, one app."""

from __future__ import annotations

import threading
from typing import Any

from starlette.applications import Starlette
from starlette.routing import Route

from ._access import ControlAccess, GuardedControl, is_control
from ._clock import MockClock
from ._control import apply_changes, config_to_json, control_routes
from ._faults import FaultInjector
from ._http import RawRequest, Reply
from ._outbox import Outbox
from ._routing import AnyMethod, MockApp, RouteHandler
from ._state import ConfigT, MockState, StoreT


class MockService(MockState[ConfigT, StoreT]):
    """One vendor account world. Subclasses name their spec, configuration and store, list their routes
    and answer unknown ones.

    ``control`` says who may use /_mock/ (see _access.py); without one, it comes from the environment.
    """

    spec_file: str
    fault_operations: frozenset[str]  # what a fault posted to /_mock/faults may name, besides "*"
    config_type: type[ConfigT]  # the configuration a mock made without one gets: config_type()
    store_type: type[StoreT]  # a fresh store, at start and after each reset: store_type()

    def __init__(
        self,
        config: ConfigT | None = None,
        *,
        clock: MockClock | None = None,
        control: ControlAccess | None = None,
    ) -> None:
        config = self.config_type() if config is None else config
        self.initial_config = config
        self.config = config
        self.store = self.store_type()
        self.clock = clock or MockClock()
        self.outbox = Outbox(config.max_deliveries, config.max_delivery_characters)
        self.faults = FaultInjector()
        self.control = ControlAccess.from_environment() if control is None else control
        # Handlers read and write state without awaiting in between, so they are atomic on the event
        # loop; the lock also covers the Python API used from other threads (run_in_thread).
        self.lock = threading.RLock()
        # The vendor's routes first; Starlette answers the control surface, behind its access checks (only
        # requests under /_mock/ pay for them), and every method (QUERY included) of any other path under
        # /_mock/ in the vendor's shape. Other paths get the vendor's unknown-route answer from MockApp.
        fallback = Starlette(routes=[*control_routes(self), Route("/{path:path}", AnyMethod(self.unknown_route))])
        self.app = MockApp(
            self._routes(), GuardedControl(fallback, self.control), is_control, self.unknown_route, type(self).__name__
        )
        self._fresh_store()

    def _fresh_store(self) -> None:
        """What a vendor does with a fresh store: at start, and after each reset (holding the lock)."""

    def _routes(self) -> list[tuple[str, RouteHandler]]:
        """(path template, handler) of every vendor route; a handler answers every method."""
        raise NotImplementedError

    async def unknown_route(self, request: RawRequest) -> Reply:
        raise NotImplementedError

    # --- the control surface's view (_control.Controllable) ------------------------------------

    def reset(self) -> None:
        """Forget state, deliveries, faults and configuration changes; the clock goes back to the wall
        clock (frozen or running as it was), so no advance can leave the mock stuck."""
        with self.lock:
            self.config = self.initial_config
            self.store = self.store_type()
            self.outbox.clear()
            self.outbox.set_limits(self.config.max_deliveries, self.config.max_delivery_characters)
            self.faults.clear()
            self.clock.reset()
            self._fresh_store()

    def config_json(self) -> dict[str, Any]:
        return config_to_json(self.config)

    def configure(self, changes: dict[str, Any]) -> None:
        with self.lock:
            self.config = apply_changes(self.config, changes)
            self.outbox.set_limits(self.config.max_deliveries, self.config.max_delivery_characters)
