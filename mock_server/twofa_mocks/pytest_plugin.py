"""pytest fixtures for testing an app against the mocks: the ``twofa_mocks`` plugin (entry point ``pytest11``).

Active wherever ``twofa-toolkit[mock]`` is installed (``-p no:twofa_mocks`` turns it off). This module is
test glue, not the mock: the mock's behaviour never imports the clients; only the client fixtures below
import ``twofa_clients``, when a test asks for one. Importing this module costs pytest nothing more:
the mocks load with the first fixture that needs them.

- ``infobip_mock``, ``bandwidth_mock``: an in-process mock, fresh for every test, on a frozen clock;
- ``infobip_server``, ``bandwidth_server``: the same over HTTP on a free loopback port, one server per
  session (per xdist worker) reset for every test: a ``MockServer`` (``url``, ``base_url``, ``mock``,
  ``control``);
- ``infobip_client``, ``async_infobip_client``: an ``InfobipClient`` / ``AsyncInfobipClient`` bound to
  ``infobip_mock`` (demo API key);
- ``bandwidth_client``, ``async_bandwidth_client``: a ``BandwidthClient`` / ``AsyncBandwidthClient`` bound
  to ``bandwidth_mock`` (demo account and API user);
- ``infobip_outbox``, ``bandwidth_outbox``: what ``infobip_mock`` / ``bandwidth_mock`` sent
  (``.last(to).code``).

The clients reach the in-process mocks without a socket (``SyncInProcessTransport``,
``InProcessTransport``) and keep every other default (timeouts, retries). The async client fixtures are
plain fixtures, so they work under any async test runner; use them inside the test's event loop.

Configuration for one test (camelCase or snake_case switches of ``/_mock/config``), on a test, class or
module: ``@pytest.mark.twofa_mock(infobip={"resendExpiredPins": True}, bandwidth={...})``; the nearest
marker wins per switch. Or parametrize a mock fixture indirectly with a dict:
``@pytest.mark.parametrize("infobip_mock", [{"demoAccount": False}], indirect=True)``.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from twofa_clients import AsyncBandwidthClient, AsyncInfobipClient, BandwidthClient, InfobipClient

    from ._outbox import Outbox
    from ._remote import MockControl
    from .bandwidth import BandwidthMock
    from .infobip import InfobipMock

MARKER = "twofa_mock"
EXTRA_HINT = "the twofa_mocks fixtures need the mock's extra: pip install 'twofa-toolkit[mock]'"
# In-process clients need some base URL; https, so no client asks for allow_insecure_http.
INFOBIP_URL = "https://infobip.mock"
BANDWIDTH_URL = "https://bandwidth.mock/api/v1"


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        f"{MARKER}(infobip=None, bandwidth=None): configuration switches (camelCase or snake_case, as "
        "/_mock/config takes them) for this test's twofa_mocks fixtures",
    )


@dataclass(frozen=True)
class MockServer:
    """A mock served over HTTP on loopback for the session."""

    url: str  # the root: http://127.0.0.1:PORT (MockControl and /_mock/ live here)
    base_url: str  # what the vendor's client takes: the root (Infobip) or root + /api/v1 (Bandwidth)
    mock: Any  # the InfobipMock or BandwidthMock behind it, in this process
    control: MockControl  # the control surface over HTTP, as another process would reach it


def _changes(request: pytest.FixtureRequest, vendor: str) -> dict[str, Any]:
    """The switches for ``vendor``: markers from the farthest (module) to the nearest, then the fixture's param."""
    changes: dict[str, Any] = {}
    for marker in reversed(list(request.node.iter_markers(MARKER))):
        unknown = sorted(set(marker.kwargs) - {"infobip", "bandwidth"}) + (
            ["positional arguments"] if marker.args else []
        )
        if unknown:
            pytest.fail(f"@pytest.mark.{MARKER} takes only infobip= and bandwidth=, not {unknown}", False)
        section = marker.kwargs.get(vendor) or {}
        if not isinstance(section, dict):
            pytest.fail(f"@pytest.mark.{MARKER}({vendor}=...) must be a dict of switches", False)
        changes.update(section)
    param = getattr(request, "param", None)
    if param is not None:
        if not isinstance(param, dict):
            pytest.fail(f"an indirect parameter of a {vendor} mock fixture must be a dict of switches", False)
        changes.update(param)
    return changes


def _new_mock(vendor: str, changes: dict[str, Any]) -> Any:
    try:
        from ._control import apply_changes
        from .bandwidth import BandwidthConfig, BandwidthMock
        from .infobip import InfobipConfig, InfobipMock
    except ModuleNotFoundError as exc:
        pytest.fail(f"{EXTRA_HINT} ({exc})", False)
    try:
        if vendor == "infobip":
            return InfobipMock(apply_changes(InfobipConfig(), changes))
        return BandwidthMock(apply_changes(BandwidthConfig(), changes))
    except (TypeError, ValueError) as exc:
        pytest.fail(f"twofa_mocks: {vendor} configuration: {exc}", False)


# --- in-process mocks -----------------------------------------------------------------------------


@pytest.fixture
def infobip_mock(request: pytest.FixtureRequest) -> InfobipMock:
    """An in-process Infobip mock, fresh for this test, on a frozen clock, with the demo application."""
    mock: InfobipMock = _new_mock("infobip", _changes(request, "infobip"))
    return mock


@pytest.fixture
def bandwidth_mock(request: pytest.FixtureRequest) -> BandwidthMock:
    """An in-process Bandwidth mock, fresh for this test, on a frozen clock."""
    mock: BandwidthMock = _new_mock("bandwidth", _changes(request, "bandwidth"))
    return mock


@pytest.fixture
def infobip_outbox(infobip_mock: InfobipMock) -> Outbox:
    return infobip_mock.outbox


@pytest.fixture
def bandwidth_outbox(bandwidth_mock: BandwidthMock) -> Outbox:
    return bandwidth_mock.outbox


# --- over HTTP ------------------------------------------------------------------------------------


def _served(vendor: str) -> Iterator[MockServer]:
    from ._remote import MockControl
    from ._server import run_in_thread

    mock = _new_mock(vendor, {})
    with run_in_thread(mock.app) as server, MockControl(server.url, token=mock.control.token) as control:
        base_url = server.url if vendor == "infobip" else f"{server.url}/api/v1"
        yield MockServer(server.url, base_url, mock, control)


@pytest.fixture(scope="session")
def _twofa_infobip_served() -> Iterator[MockServer]:
    yield from _served("infobip")


@pytest.fixture(scope="session")
def _twofa_bandwidth_served() -> Iterator[MockServer]:
    yield from _served("bandwidth")


def _fresh(served: MockServer, request: pytest.FixtureRequest, vendor: str) -> MockServer:
    served.mock.reset()
    try:
        served.mock.configure(_changes(request, vendor))
    except (TypeError, ValueError) as exc:
        pytest.fail(f"twofa_mocks: {vendor} configuration: {exc}", False)
    return served


@pytest.fixture
def infobip_server(_twofa_infobip_served: MockServer, request: pytest.FixtureRequest) -> MockServer:
    """The session's Infobip mock over HTTP, reset (and configured) for this test."""
    return _fresh(_twofa_infobip_served, request, "infobip")


@pytest.fixture
def bandwidth_server(_twofa_bandwidth_served: MockServer, request: pytest.FixtureRequest) -> MockServer:
    """The session's Bandwidth mock over HTTP, reset (and configured) for this test."""
    return _fresh(_twofa_bandwidth_served, request, "bandwidth")


# --- clients (twofa_clients, imported only here) --------------------------------------------------


def _close_async(client: AsyncInfobipClient | AsyncBandwidthClient) -> None:
    # A plain fixture cannot await: the in-process transport holds no connection, so closing it on a
    # loop of its own is enough (and skipped if this thread is inside one).
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        asyncio.run(client.aclose())


@pytest.fixture
def infobip_client(infobip_mock: InfobipMock) -> Iterator[InfobipClient]:
    """An ``InfobipClient`` (demo API key) bound to ``infobip_mock``; closed after the test."""
    from twofa_clients import InfobipClient

    from ._transports import SyncInProcessTransport
    from .infobip import DEMO_API_KEY

    transport = SyncInProcessTransport(infobip_mock.app)
    with InfobipClient(INFOBIP_URL, api_key=DEMO_API_KEY, transport=transport) as client:
        yield client


@pytest.fixture
def async_infobip_client(infobip_mock: InfobipMock) -> Iterator[AsyncInfobipClient]:
    """An ``AsyncInfobipClient`` (demo API key) bound to ``infobip_mock``; closed after the test."""
    from twofa_clients import AsyncInfobipClient

    from ._transports import InProcessTransport
    from .infobip import DEMO_API_KEY

    client = AsyncInfobipClient(INFOBIP_URL, api_key=DEMO_API_KEY, transport=InProcessTransport(infobip_mock.app))
    yield client
    _close_async(client)


@pytest.fixture
def bandwidth_client(bandwidth_mock: BandwidthMock) -> Iterator[BandwidthClient]:
    """A ``BandwidthClient`` (demo account, API user) bound to ``bandwidth_mock``; closed after the test."""
    from twofa_clients import BandwidthClient

    from ._transports import SyncInProcessTransport
    from .bandwidth import DEMO_ACCOUNT, DEMO_PASSWORD, DEMO_USER

    transport = SyncInProcessTransport(bandwidth_mock.app)
    with BandwidthClient(
        DEMO_ACCOUNT, username=DEMO_USER, password=DEMO_PASSWORD, base_url=BANDWIDTH_URL, transport=transport
    ) as client:
        yield client


@pytest.fixture
def async_bandwidth_client(bandwidth_mock: BandwidthMock) -> Iterator[AsyncBandwidthClient]:
    """An ``AsyncBandwidthClient`` (demo account, API user) bound to ``bandwidth_mock``; closed after the test."""
    from twofa_clients import AsyncBandwidthClient

    from ._transports import InProcessTransport
    from .bandwidth import DEMO_ACCOUNT, DEMO_PASSWORD, DEMO_USER

    client = AsyncBandwidthClient(
        DEMO_ACCOUNT,
        username=DEMO_USER,
        password=DEMO_PASSWORD,
        base_url=BANDWIDTH_URL,
        transport=InProcessTransport(bandwidth_mock.app),
    )
    yield client
    _close_async(client)
