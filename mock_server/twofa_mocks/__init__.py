"""Stateful mocks of Infobip 2FA and Bandwidth MFA, the default target of tests and contract runs.

Independent implementations of each vendor, written from the vendor facts in docs/: nothing here imports
the generated clients or the override layer, so a bug in those cannot hide in the mock too.

    mock = InfobipMock()                         # in-process: InProcessTransport(mock.app)
    with run_in_thread(mock.app) as server:      # over HTTP on 127.0.0.1, a free port
        ...server.url...
    mock.outbox.last("41793026727").code         # what was "sent"
    mock.clock.advance(16 * 60)                  # move time instead of sleeping

The same control is reachable over HTTP under /_mock/ (see _control.py), from loopback Host names
only, with JSON writes and an optional token (see _access.py); ``MockControl`` reads it from another
process. ``twofa-mock`` (``python -m twofa_mocks``) serves both; ``twofa_mocks.pytest_plugin`` gives
pytest fixtures.

Names load on first use: the mocks need the ``[mock]`` extra (starlette, uvicorn), but ``MockControl``,
``Fault`` and ``Delivery`` need only httpx, and the pytest plugin imports this package for every test
run of a project that installed it.
"""

import importlib as _importlib
import logging as _logging
import typing as _typing

# A library stays quiet unless the application configures logging (no "last resort" stderr output).
_logging.getLogger("twofa_mocks").addHandler(_logging.NullHandler())

if _typing.TYPE_CHECKING:
    from ._access import ControlAccess
    from ._clock import MockClock
    from ._faults import Fault
    from ._outbox import Delivery, Outbox
    from ._remote import ClockState, MockControl, MockControlError
    from ._server import RunningServer, run_in_thread
    from ._transports import InProcessTransport, SyncInProcessTransport
    from .bandwidth import BandwidthConfig, BandwidthMock
    from .infobip import InfobipConfig, InfobipMock

_LAZY = {
    "ControlAccess": "._access",
    "MockClock": "._clock",
    "Fault": "._faults",
    "Delivery": "._outbox",
    "Outbox": "._outbox",
    "ClockState": "._remote",
    "MockControl": "._remote",
    "MockControlError": "._remote",
    "RunningServer": "._server",
    "run_in_thread": "._server",
    "InProcessTransport": "._transports",
    "SyncInProcessTransport": "._transports",
    "BandwidthConfig": ".bandwidth",
    "BandwidthMock": ".bandwidth",
    "InfobipConfig": ".infobip",
    "InfobipMock": ".infobip",
}

__all__ = [
    "BandwidthConfig",
    "BandwidthMock",
    "ClockState",
    "ControlAccess",
    "Delivery",
    "Fault",
    "InProcessTransport",
    "InfobipConfig",
    "InfobipMock",
    "MockClock",
    "MockControl",
    "MockControlError",
    "Outbox",
    "RunningServer",
    "SyncInProcessTransport",
    "run_in_thread",
]


def __getattr__(name: str) -> _typing.Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(_importlib.import_module(module, __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_LAZY})
