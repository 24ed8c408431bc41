"""Both mocks on one clock, and a Verifier over them: async clients in-process, or sync clients over HTTP.

``World`` gives tests one async API for both flavours (the sync Verifier is called directly: the mocks
serve from their own threads), the mocks' Python objects (outbox, faults, clock) and a count of the
vendor requests each mock received, so a test can prove a vendor was, or was not, called.
"""

from __future__ import annotations

import atexit
import socket
import threading
from collections import Counter
from collections.abc import AsyncIterator, Callable
from contextlib import AsyncExitStack, asynccontextmanager
from dataclasses import dataclass, field
from typing import Any

import httpx
from twofa_clients import (
    NO_RETRIES,
    AsyncBandwidthClient,
    AsyncInfobipClient,
    AsyncVerifier,
    BandwidthClient,
    Challenge,
    InfobipClient,
    Verifier,
    VerifyResult,
)
from twofa_clients.verify import BandwidthProvider, InfobipProvider, VerifierEvent
from twofa_mocks import BandwidthMock, InfobipMock, MockClock, run_in_thread
from twofa_mocks import bandwidth as bandwidth_demo
from twofa_mocks import infobip as infobip_demo

FLAVOURS = ("async-in-process", "sync-over-http")
SECRET = "test-challenge-secret-0123456789"
FROM = "+19195554321"
# An Infobip application the Verifier creates on first use: few attempts, a short TTL and verify
# limits that do not get in the way of several checks in a row.
INFOBIP_SETTINGS: dict[str, Any] = {
    "pin_attempts": 3,
    "pin_time_to_live": "2m",
    "verify_pin_limit": "1000/1s",
    "send_pin_per_phone_number_limit": "1000/1d",
}
BANDWIDTH_SETTINGS: dict[str, Any] = {"application_id": "verifier-app", "from_number": FROM, "expiry_minutes": 2}


class Counting:
    """ASGI middleware counting the vendor requests (not /_mock/) that reached the mock, by path."""

    def __init__(self, app: Any) -> None:
        self.app = app
        self.seen: Counter[str] = Counter()
        self._lock = threading.Lock()

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] == "http" and not scope["path"].startswith("/_mock"):
            with self._lock:
                self.seen[scope["path"]] += 1
        await self.app(scope, receive, send)

    def count(self, fragment: str = "") -> int:
        with self._lock:
            return sum(n for path, n in self.seen.items() if fragment in path)


class InProcess(httpx.ASGITransport):
    """httpx's ASGI transport, with the mock's dropped connection surfacing as it does on a socket.

    Over a socket, a server that closes mid-answer gives the client ``RemoteProtocolError``; in
    process, the mock's ``drop`` fault raises ConnectionAbortedError out of the app instead.
    """

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        try:
            return await super().handle_async_request(request)
        except ConnectionAbortedError as exc:
            raise httpx.RemoteProtocolError("server disconnected without a complete answer", request=request) from exc


class Switch:
    """An ASGI app forwarding to whichever mock a test set: one pair of servers serves every test."""

    def __init__(self) -> None:
        self.target: Any = None

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        target = self.target  # read once: a request still running when the next test starts stays put
        if target is None:
            raise RuntimeError("no mock behind this server")
        await target(scope, receive, send)


_SERVERS: dict[str, tuple[Switch, str]] = {}
_SERVERS_LOCK = threading.Lock()


def served(name: str) -> tuple[Switch, str]:
    """The loopback server for ``name`` ("infobip" or "bandwidth"), started on first use.

    Starting and stopping uvicorn costs about half a second; these two live as long as the test
    process (daemon threads), and each test points them at its own fresh mock.
    """
    with _SERVERS_LOCK:
        if name not in _SERVERS:
            switch = Switch()
            server = run_in_thread(switch)
            atexit.register(server.stop)
            _SERVERS[name] = (switch, server.url)
        return _SERVERS[name]


def closed_port() -> int:
    """A loopback port nothing listens on: connecting to it is refused at once."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def refused(request: httpx.Request) -> httpx.Response:
    raise httpx.ConnectError("connection refused (in-process stand-in)", request=request)


@dataclass
class World:
    flavour: str
    clock: MockClock
    infobip: InfobipMock
    bandwidth: BandwidthMock
    infobip_seen: Counting
    bandwidth_seen: Counting
    verifier: Any
    events: list[VerifierEvent] = field(default_factory=list)

    async def start(self, to: str, channel: str = "sms") -> Challenge:
        if self.flavour == "sync-over-http":
            return self.verifier.start(to, channel)  # type: ignore[no-any-return]
        return await self.verifier.start(to, channel)  # type: ignore[no-any-return]

    async def check(self, challenge: Challenge | str, code: str) -> VerifyResult:
        if self.flavour == "sync-over-http":
            return self.verifier.check(challenge, code)  # type: ignore[no-any-return]
        return await self.verifier.check(challenge, code)  # type: ignore[no-any-return]

    async def resend(self, challenge: Challenge | str) -> Challenge:
        if self.flavour == "sync-over-http":
            return self.verifier.resend(challenge)  # type: ignore[no-any-return]
        return await self.verifier.resend(challenge)  # type: ignore[no-any-return]

    def kinds(self) -> list[str]:
        return [event.kind for event in self.events]

    def sent_to(self, vendor: str, to: str) -> int:
        """Deliveries the vendor's mock recorded for ``to`` (given in E.164; Infobip stores digits)."""
        if vendor == "infobip":
            return len(self.infobip.outbox.list(to.lstrip("+")))
        return len(self.bandwidth.outbox.list(to))

    def code(self, vendor: str, to: str) -> str:
        outbox = self.infobip.outbox if vendor == "infobip" else self.bandwidth.outbox
        delivery = outbox.last(to.lstrip("+") if vendor == "infobip" else to)
        assert delivery is not None, f"{vendor} sent nothing to that number"
        return delivery.code


def wrong(code: str) -> str:
    """A code of the same shape that is certainly not ``code``."""
    return ("1" if code[0] != "1" else "2") + code[1:]


@asynccontextmanager
async def world(
    flavour: str,
    *,
    order: tuple[str, ...] = ("infobip", "bandwidth"),
    infobip_client: dict[str, Any] | None = None,
    bandwidth_client: dict[str, Any] | None = None,
    infobip_provider: dict[str, Any] | None = None,
    bandwidth_provider: dict[str, Any] | None = None,
    infobip_transport: Callable[[httpx.Request], httpx.Response] | None = None,
    infobip_refused: bool = False,
    **verifier: Any,
) -> AsyncIterator[World]:
    """Both mocks sharing a frozen clock and a Verifier over them; everything closed afterwards."""
    clock = MockClock()
    infobip, bandwidth = InfobipMock(clock=clock), BandwidthMock(clock=clock)
    infobip_seen, bandwidth_seen = Counting(infobip.app), Counting(bandwidth.app)
    events: list[VerifierEvent] = []
    ib_options: dict[str, Any] = {"api_key": infobip_demo.DEMO_API_KEY, "retry": NO_RETRIES, **(infobip_client or {})}
    bw_options: dict[str, Any] = {
        "username": bandwidth_demo.DEMO_USER,
        "password": bandwidth_demo.DEMO_PASSWORD,
        "retry": NO_RETRIES,
        **(bandwidth_client or {}),
    }
    async with AsyncExitStack() as stack:
        if flavour == "sync-over-http":
            (ib_switch, ib_served), (bw_switch, bw_url) = served("infobip"), served("bandwidth")
            ib_switch.target, bw_switch.target = infobip_seen, bandwidth_seen
            ib_url = f"http://127.0.0.1:{closed_port()}" if infobip_refused else ib_served
            if infobip_transport is not None:
                ib_options["transport"] = httpx.MockTransport(infobip_transport)
            ib: Any = stack.enter_context(InfobipClient(ib_url, **ib_options))
            bw: Any = stack.enter_context(
                BandwidthClient(bandwidth_demo.DEMO_ACCOUNT, base_url=f"{bw_url}/api/v1", **bw_options)
            )
            cls: Any = Verifier
        else:
            ib_transport: Any = InProcess(app=infobip_seen)
            if infobip_refused:
                ib_transport = httpx.MockTransport(refused)
            elif infobip_transport is not None:
                ib_transport = httpx.MockTransport(infobip_transport)
            ib = await stack.enter_async_context(
                AsyncInfobipClient("https://infobip.mock", transport=ib_transport, **ib_options)
            )
            bw = await stack.enter_async_context(
                AsyncBandwidthClient(
                    bandwidth_demo.DEMO_ACCOUNT,
                    base_url="https://bandwidth.mock/api/v1",
                    transport=InProcess(app=bandwidth_seen),
                    **bw_options,
                )
            )
            cls = AsyncVerifier
        providers = {
            "infobip": InfobipProvider(ib, **{**INFOBIP_SETTINGS, **(infobip_provider or {})}),
            "bandwidth": BandwidthProvider(bw, **{**BANDWIDTH_SETTINGS, **(bandwidth_provider or {})}),
        }
        options: dict[str, Any] = {"secret": SECRET, "clock": clock.now, "on_event": events.append, **verifier}
        built = cls([providers[name] for name in order], **options)
        yield World(flavour, clock, infobip, bandwidth, infobip_seen, bandwidth_seen, built, events)
