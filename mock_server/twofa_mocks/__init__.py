"""Stateful mocks of Infobip 2FA and Bandwidth MFA, the default target of tests and contract runs.

Independent implementations of each vendor, written from the vendor facts in docs/: nothing here imports
the generated clients or the override layer, so a bug in those cannot hide in the mock too.

    mock = InfobipMock()                         # in-process: httpx.ASGITransport(app=mock.app)
    with run_in_thread(mock.app) as server:      # over HTTP on 127.0.0.1, a free port
        ...server.url...
    mock.outbox.last("41793026727").code         # what was "sent"
    mock.clock.advance(16 * 60)                  # move time instead of sleeping

The same control is reachable over HTTP under /_mock/ (see _control.py), from loopback Host names
only, with JSON writes and an optional token (see _access.py).
"""

from ._access import ControlAccess
from ._clock import MockClock
from ._faults import Fault
from ._outbox import Delivery, Outbox
from ._server import RunningServer, run_in_thread
from .bandwidth import BandwidthConfig, BandwidthMock
from .infobip import InfobipConfig, InfobipMock

__all__ = [
    "BandwidthConfig",
    "BandwidthMock",
    "ControlAccess",
    "Delivery",
    "Fault",
    "InfobipConfig",
    "InfobipMock",
    "MockClock",
    "Outbox",
    "RunningServer",
    "run_in_thread",
]
