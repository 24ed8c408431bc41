"""Load: hundreds of concurrent clients over loopback for a fixed time, then the books must balance.

Each vendor's mock runs under uvicorn on 127.0.0.1 (``run_in_thread``); ``LOAD_CLIENTS`` asyncio
tasks, each with its own layer client (its own httpx.AsyncClient and connections), repeat the 2FA
round (at least once) until time is up: send a PIN, read it, verify a wrong one, verify the right one.
Infobip rounds fire their two wrong PINs at the same moment; Bandwidth clients end with two
simultaneous wrong codes. (During the run a user reads its code from the mock's state by reference,
which is O(1); the outbox, a list, is reconciled delivery by delivery afterwards.) Then:

- no call failed (retries are off, so every answer counts);
- the outbox holds exactly one delivery per successful send, with the pinId / messageId the caller got
  back: no PIN lost, none duplicated;
- every wrong attempt was counted exactly once (Infobip: ``wrongAttempts`` of every PIN; Bandwidth:
  the failure counter of every number), every right one verified exactly its own PIN;
- OAuth2 clients fetched exactly one token each.

CI runs a few seconds per vendor (``SOAK_SECONDS``, ``SOAK_CLIENTS`` for longer runs).
"""

from __future__ import annotations

import asyncio
import ssl
import statistics
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

import pytest
from bandwidth_mfa_client.models import CodeRequest
from infobip_2fa_client.models import (
    TfaApplicationConfiguration,
    TfaApplicationRequest,
    TfaCreateMessageRequest,
    TfaPinType,
    TfaStartAuthenticationRequest,
)
from twofa_clients import NO_RETRIES, AiohttpTransport, AsyncBandwidthClient, AsyncInfobipClient
from twofa_mocks import BandwidthMock, InfobipConfig, InfobipMock, Outbox, run_in_thread
from twofa_mocks import infobip as infobip_demo
from twofa_mocks.bandwidth import DEMO_ACCOUNT, DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, DEMO_PASSWORD, DEMO_USER

from tests.reliability._report import COLLECTOR
from tests.reliability._settings import LOAD_CLIENTS, LOAD_MAX_ROUNDS, LOAD_SECONDS

T = TypeVar("T")
SECTION = "load"
# Building an SSL context loads the CA bundle (~40 ms); every client gets its own transport and
# connections, but they share one context, so hundreds of clients start in milliseconds.
TLS = ssl.create_default_context()


def transport() -> AiohttpTransport:
    return AiohttpTransport(ssl_context=TLS)  # the async clients' default transport, sharing one context


@dataclass
class Stats:
    """What the clients saw, to hold against what the mock recorded."""

    sent: dict[str, str] = field(default_factory=dict)  # reference (pinId / messageId) -> destination
    codes: dict[str, str] = field(default_factory=dict)  # reference -> the code the user "typed"
    sends_by_destination: dict[str, int] = field(default_factory=dict)
    latencies: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    requests: int = 0
    verified: int = 0
    rejected: int = 0

    async def timed(self, call: Awaitable[T]) -> T:
        start = time.perf_counter()
        try:
            return await call
        finally:
            self.latencies.append(time.perf_counter() - start)
            self.requests += 1

    def record_send(self, reference: str, to: str) -> None:
        assert reference not in self.sent, f"reference {reference} returned twice"
        self.sent[reference] = to
        self.sends_by_destination[to] = self.sends_by_destination.get(to, 0) + 1


def other_code(code: str) -> str:
    """A code of the same length and alphabet that is certainly wrong."""
    return "".join("1" if c == "0" else "0" for c in code)


async def drive(stats: Stats, clients: int, user: Callable[[int, float], Awaitable[None]]) -> float:
    """Run ``clients`` users concurrently until the deadline; the elapsed seconds."""
    start = time.perf_counter()
    deadline = start + LOAD_SECONDS

    async def guarded(i: int) -> None:
        try:
            await user(i, deadline)
        except Exception as exc:  # every failure is reported, none may happen
            stats.errors.append(f"client {i}: {type(exc).__name__}: {exc}")

    await asyncio.gather(*(guarded(i) for i in range(clients)))
    return time.perf_counter() - start


def report(vendor: str, stats: Stats, elapsed: float, clients: int) -> None:
    COLLECTOR.add(SECTION, "clients", clients)
    COLLECTOR.add(SECTION, "requests", stats.requests)
    COLLECTOR.add(SECTION, f"requests_{vendor}", stats.requests)
    COLLECTOR.add(SECTION, "sends", len(stats.sent))
    COLLECTOR.add(SECTION, "verifications", stats.verified + stats.rejected)
    COLLECTOR.add(SECTION, "unexpected_errors", len(stats.errors))
    COLLECTOR.add(SECTION, "seconds", round(elapsed, 2))
    ordered = sorted(stats.latencies)
    if ordered:
        COLLECTOR.note(SECTION, f"{vendor}_concurrent_clients", clients)
        COLLECTOR.note(SECTION, f"{vendor}_requests_per_second", round(stats.requests / elapsed))
        COLLECTOR.note(SECTION, f"{vendor}_p50_ms", round(statistics.median(ordered) * 1000, 1))
        COLLECTOR.note(SECTION, f"{vendor}_p99_ms", round(ordered[int(len(ordered) * 0.99)] * 1000, 1))


# --- Infobip -------------------------------------------------------------------------------------


def test_infobip_under_load() -> None:
    mock = InfobipMock(InfobipConfig(demo_account=False))  # the one application is the load's own
    mock.outbox = Outbox(limit=10**7)  # keep every delivery, however long the soak
    stats = Stats()

    async def run(url: str) -> float:
        async with AsyncInfobipClient(url, api_key=infobip_demo.DEMO_API_KEY, retry=NO_RETRIES) as admin:
            config = TfaApplicationConfiguration(
                pin_attempts=10,
                pin_time_to_live="15m",
                verify_pin_limit="1000000/1s",
                send_pin_per_application_limit="100000000/1d",
                send_pin_per_phone_number_limit="1000000/1d",
            )
            app = await admin.create_2fa_application(TfaApplicationRequest(name="load", configuration=config))
            template = await admin.create_2fa_message_template(
                app.application_id,
                TfaCreateMessageRequest(message_text="Your code is {{pin}}", pin_type=TfaPinType.NUMERIC, pin_length=6),
            )

        async def user(i: int, deadline: float) -> None:
            to = f"4179{i:07d}"
            send = TfaStartAuthenticationRequest(
                application_id=app.application_id, message_id=template.message_id, to=to
            )
            async with AsyncInfobipClient(
                url, api_key=infobip_demo.DEMO_API_KEY, retry=NO_RETRIES, transport=transport()
            ) as client:
                rounds = 0
                while rounds == 0 or (time.perf_counter() < deadline and rounds < LOAD_MAX_ROUNDS):
                    sent = await stats.timed(client.send_2fa_pin_code_over_sms(send))
                    stats.record_send(sent.pin_id, to)
                    code = stats.codes[sent.pin_id] = mock.store.pins[sent.pin_id].value
                    # Two wrong PINs at the same moment: each attempt is counted, one after the other.
                    both = await asyncio.gather(
                        *(stats.timed(client.verify_2fa_phone_number(sent.pin_id, other_code(code))) for _ in "ab")
                    )
                    assert sorted((r.verified, r.reason, r.attempts_remaining) for r in both) == [
                        (False, "WRONG_PIN", 8),
                        (False, "WRONG_PIN", 9),
                    ]
                    right = await stats.timed(client.verify_2fa_phone_number(sent.pin_id, code))
                    assert (right.verified, right.pin_id, right.attempts_remaining) == (True, sent.pin_id, 8)
                    stats.rejected, stats.verified, rounds = stats.rejected + 2, stats.verified + 1, rounds + 1

        return await drive(stats, LOAD_CLIENTS, user)

    with run_in_thread(mock.app) as server:
        elapsed = asyncio.run(run(server.url))
    report("infobip", stats, elapsed, LOAD_CLIENTS)
    assert not stats.errors, stats.errors[:10]

    # The books: one delivery per successful send, with the pinId and PIN the caller got, nothing else.
    deliveries = mock.outbox.list()
    assert mock.outbox.total == len(deliveries) == len(stats.sent)
    assert sorted(d.reference for d in deliveries) == sorted(stats.sent)
    for delivery in deliveries:
        pin = mock.store.pins[delivery.reference]
        assert (pin.to, pin.value) == (delivery.to, delivery.code)
        assert (delivery.to, delivery.code) == (stats.sent[delivery.reference], stats.codes[delivery.reference])
        # Every wrong attempt counted exactly once; the right one verified exactly its own PIN.
        assert (pin.wrong_attempts, pin.verified) == (2, True)
    (app_id,) = mock.store.applications
    for to, sends in stats.sends_by_destination.items():
        records = mock.store.records[(app_id, to)]
        assert len(records) == min(sends, mock.config.max_records_per_destination)
        assert all(r.sent and r.verified for r in records)
    assert len(stats.sent) >= LOAD_CLIENTS


# --- Bandwidth -----------------------------------------------------------------------------------


def test_bandwidth_under_load() -> None:
    mock = BandwidthMock()
    mock.outbox = Outbox(limit=10**7)
    stats = Stats()
    oauth_clients = LOAD_CLIENTS // 4  # a quarter use OAuth2 client credentials, the rest Basic

    def issued(to: str, message_id: str) -> str:
        (code,) = [c.code for c in mock.store.codes[(DEMO_ACCOUNT, to, "2FA")] if c.reference == message_id]
        return code

    async def run(url: str) -> float:
        async def user(i: int, deadline: float) -> None:
            to = f"+1919{i:07d}"
            code_request = CodeRequest(
                to=to, from_="+19195554321", application_id="load", message="Code {CODE}", digits=6
            )
            creds: dict[str, Any] = (
                {"client_id": DEMO_CLIENT_ID, "client_secret": DEMO_CLIENT_SECRET}
                if i < oauth_clients
                else {"username": DEMO_USER, "password": DEMO_PASSWORD}
            )
            async with AsyncBandwidthClient(
                DEMO_ACCOUNT,
                base_url=f"{url}/api/v1",
                token_url=f"{url}/api/v1/oauth2/token",
                retry=NO_RETRIES,
                transport=transport(),
                **creds,
            ) as client:
                rounds = 0
                while rounds == 0 or (time.perf_counter() < deadline and rounds < LOAD_MAX_ROUNDS):
                    sent = await stats.timed(client.generate_messaging_code(code_request))
                    # Optional in the spec (the vendor does not mark it required); the mock always sends it.
                    message_id = sent.message_id
                    assert isinstance(message_id, str)
                    stats.record_send(message_id, to)
                    code = stats.codes[message_id] = issued(to, message_id)
                    wrong = await stats.timed(client.verify_code(to, other_code(code), 5))
                    right = await stats.timed(client.verify_code(to, code, 5))
                    assert (wrong.verified, right.verified) == (False, True)
                    stats.rejected, stats.verified, rounds = stats.rejected + 1, stats.verified + 1, rounds + 1
                # Last, two wrong codes at the same moment (no code is live): both must be counted.
                both = await asyncio.gather(*(stats.timed(client.verify_code(to, "000000", 5)) for _ in "ab"))
                assert [r.verified for r in both] == [False, False]
                stats.rejected += 2

        return await drive(stats, LOAD_CLIENTS, user)

    with run_in_thread(mock.app) as server:
        elapsed = asyncio.run(run(server.url))
    stats.requests += oauth_clients  # each OAuth2 client's token request
    report("bandwidth", stats, elapsed, LOAD_CLIENTS)
    assert not stats.errors, stats.errors[:10]

    deliveries = mock.outbox.list()
    assert mock.outbox.total == len(deliveries) == len(stats.sent)
    assert sorted(d.reference for d in deliveries) == sorted(stats.sent)
    assert all((stats.sent[d.reference], stats.codes[d.reference]) == (d.to, d.code) for d in deliveries)
    # Every code was verified (and consumed) exactly once: none is left, none was lost on the way ...
    assert mock.store.codes == {}
    # ... every success reset its number's counter, and the two simultaneous failures both counted.
    counters = {to: count.failures for (_, to), count in mock.store.failures.items()}
    assert counters == dict.fromkeys(stats.sends_by_destination, 2)
    # One token per OAuth2 client, however many calls it made.
    assert len(mock.store.tokens) == oauth_clients


@pytest.fixture(autouse=True)
def _enough_file_descriptors() -> None:
    import resource

    soft, _ = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft < 4 * LOAD_CLIENTS + 64:
        pytest.skip(f"needs {4 * LOAD_CLIENTS + 64} file descriptors, the limit is {soft}")
