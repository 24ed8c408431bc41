"""Faults: with 429/5xx, latency, timeouts and dropped connections injected into the mock, the layer
retries only what is safe, and the outbox proves it.

The layer clients talk to the mocks over HTTP (uvicorn on loopback). A counting middleware records
every vendor request that reached the server. A randomised campaign of sends, each under its own
fault, must end with: every send requested exactly once (never repeated once it may have arrived),
at most one delivery per send, exactly one per successful send, none for a send the mock refused,
and one for a send that timed out on the client but was processed late (ambiguous, never doubled).
Verify is retried on 429 and 503 with the exact Retry-After waits, and its attempt is counted once.
Latency faults use tiny real delays against tiny client timeouts; nothing sleeps to wait for time.
"""

from __future__ import annotations

import asyncio
import random
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import httpx
import pytest
from bandwidth_mfa_client.models import CodeRequest
from infobip_2fa_client.models import (
    TfaApplicationConfiguration,
    TfaApplicationRequest,
    TfaCreateMessageRequest,
    TfaPinType,
    TfaStartAuthenticationRequest,
)
from twofa_clients import (
    APIConnectionError,
    APITimeoutError,
    AsyncBandwidthClient,
    AsyncInfobipClient,
    BandwidthClient,
    InfobipClient,
    OAuthTokenError,
    RateLimitError,
    RetryPolicy,
    ServerError,
    TwoFactorError,
)
from twofa_mocks import BandwidthMock, Fault, InfobipMock, run_in_thread
from twofa_mocks import infobip as infobip_demo
from twofa_mocks.bandwidth import DEMO_ACCOUNT, DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, DEMO_PASSWORD, DEMO_USER

from tests.clients.fakes import RecordedSleeps
from tests.reliability._report import COLLECTOR
from tests.reliability._settings import FAULT_CAMPAIGN, SOAK
from tests.reliability._shapes import last_code

SECTION = "faults"
# Only the calls meant to time out use the impatient timeout; everything else has the default one, so a
# busy machine cannot turn an ordinary call into a timeout.
READ_TIMEOUT = 0.2  # the impatient client gives up reading after this ...
SLOW = 0.45  # ... and a slow fault answers after this: real seconds, kept small
IMPATIENT = httpx.Timeout(5.0, read=READ_TIMEOUT)


class Counting:
    """ASGI middleware: vendor requests that reached the server, and how many are still running."""

    def __init__(self, app: Any) -> None:
        self.app = app
        self.seen: Counter[tuple[str, str]] = Counter()
        self.in_flight = 0
        self._lock = threading.Lock()

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        vendor = scope["type"] == "http" and not scope["path"].startswith("/_mock")
        if vendor:
            with self._lock:
                self.seen[(scope["method"], scope["path"])] += 1
                self.in_flight += 1
        try:
            await self.app(scope, receive, send)
        finally:
            if vendor:
                with self._lock:
                    self.in_flight -= 1

    def drain(self, limit: float = 10.0) -> None:
        """Wait until no request is being handled (a slow fault finishing after its client gave up)."""
        deadline = time.monotonic() + limit
        while self.in_flight and time.monotonic() < deadline:
            time.sleep(0.005)
        assert self.in_flight == 0, "the server is still handling requests"

    def count(self, fragment: str) -> int:
        return sum(n for (_, path), n in self.seen.items() if fragment in path)


class RefusedOnce(httpx.HTTPTransport):
    """The first request fails to connect (nothing reaches the server); then a normal transport."""

    def __init__(self) -> None:
        super().__init__()
        self.refuse = False

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if self.refuse:
            self.refuse = False
            raise httpx.ConnectError("connection refused (fault injected by the test)", request=request)
        return super().handle_request(request)


@contextmanager
def served(mock: Any) -> Iterator[tuple[str, Counting]]:
    counting = Counting(mock.app)
    with run_in_thread(counting) as server:
        yield server.url, counting


# What one send of the campaign meets: a fault JSON for POST /_mock/faults, or a refused connection.
FAULTS: dict[str, dict[str, Any] | None] = {
    "none": None,
    "429 with Retry-After": {"status": 429, "retryAfter": 1},
    "500": {"status": 500},
    "502": {"status": 502},
    "503 with Retry-After": {"status": 503, "retryAfter": 2},
    "504": {"status": 504},
    "dropped connection": {"drop": True},
    "slow 503": {"status": 503, "latency": 0.01},
    "slow, within the timeout": {"latency": 0.01},
    "slow, past the timeout": {"latency": SLOW},
    "refused connection": None,
}


@dataclass
class Outcome:
    fault: str
    to: str
    result: str  # "ok" or the error class


def campaign(vendor: str) -> None:
    """FAULT_CAMPAIGN sends, each under a random fault; then the outbox must account for every one."""
    rng = random.Random(None if SOAK else 20_26)  # noqa: S311 - a reproducible campaign, not cryptography
    mock: Any = InfobipMock() if vendor == "infobip" else BandwidthMock()
    sleeps = RecordedSleeps()
    outcomes: list[Outcome] = []
    transport = RefusedOnce()
    with served(mock) as (url, counting), httpx.Client(base_url=url) as control:
        policy = sleeps.policy(max_retries=3)
        patient, sends = _sender(vendor, url, transport, policy, None)
        impatient, slow_sends = _sender(vendor, url, transport, policy, IMPATIENT)
        with patient, impatient:
            for i in range(FAULT_CAMPAIGN):
                fault = rng.choice(list(FAULTS))
                to = f"4178{i:07d}" if vendor == "infobip" else f"+1918{i:07d}"
                which = rng.randrange(len(sends))
                operation, call = (slow_sends if fault == "slow, past the timeout" else sends)[which]
                spec = FAULTS[fault]
                if spec is not None:
                    added = control.post("/_mock/faults", json={"operation": operation, **spec})
                    assert added.status_code == 200, added.text
                transport.refuse = fault == "refused connection"
                try:
                    call(to)
                    result = "ok"
                except TwoFactorError as err:
                    result = type(err).__name__
                outcomes.append(Outcome(fault, to, result))
                COLLECTOR.add(SECTION, "faults_injected" if fault != "none" else "calls_without_fault")
        counting.drain()
        assert not mock.faults.pending()
        by_destination = Counter(d.to for d in mock.outbox.list())
        for outcome in outcomes:
            delivered = by_destination.get(outcome.to, 0)
            late = outcome.fault == "slow, past the timeout"
            expected = 1 if outcome.result == "ok" or late else 0
            assert delivered == expected, (outcome, delivered)
            if outcome.result == "ok":
                COLLECTOR.add(SECTION, "sends_survived")
            if late:  # (a starved client may see the late answer before its timeout: then it is "ok")
                assert outcome.result in ("APITimeoutError", "ok"), outcome
                COLLECTOR.add(SECTION, "timed_out_sends_processed_once")
        # Never repeated once it may have arrived: one request per send reached the server, and
        # the only retries the layer made were for refused connections (which never arrived).
        requested = counting.count("/pin") if vendor == "infobip" else counting.count("/code/")
        assert requested == len(outcomes)
        assert set(sleeps.waits) <= {0.5}  # the first retry's backoff, after a refused connection only
        assert len(sleeps.waits) == sum(o.fault == "refused connection" for o in outcomes)
        assert all(o.result == "ok" for o in outcomes if o.fault in ("none", "refused connection"))
        assert max(by_destination.values(), default=0) <= 1
        COLLECTOR.add(SECTION, "duplicated_sends", sum(n - 1 for n in by_destination.values() if n > 1))
        COLLECTOR.add(SECTION, "sends", len(outcomes))


_TEMPLATES: dict[str, tuple[str, str]] = {}


def _sender(
    vendor: str, url: str, transport: httpx.HTTPTransport, policy: RetryPolicy, timeout: httpx.Timeout | None
) -> tuple[Any, list[tuple[str, Callable[[str], Any]]]]:
    """A layer client and its send operations as (fault key, call(destination))."""
    options: dict[str, Any] = {"retry": policy, "transport": transport}
    if timeout is not None:
        options["timeout"] = timeout
    if vendor == "infobip":
        client = InfobipClient(url, api_key=infobip_demo.DEMO_API_KEY, **options)
        if url not in _TEMPLATES:
            _TEMPLATES[url] = _infobip_template(url)
        app_id, msg_id = _TEMPLATES[url]

        def sms(to: str) -> Any:
            body = TfaStartAuthenticationRequest(application_id=app_id, message_id=msg_id, to=to)
            return client.send_2fa_pin_code_over_sms(body)

        def voice(to: str) -> Any:
            body = TfaStartAuthenticationRequest(application_id=app_id, message_id=msg_id, to=to)
            return client.send_2fa_pin_code_over_voice(body)

        return client, [("send-2fa-pin-code-over-sms", sms), ("send-2fa-pin-code-over-voice", voice)]
    bw = BandwidthClient(DEMO_ACCOUNT, base_url=f"{url}/api/v1", username=DEMO_USER, password=DEMO_PASSWORD, **options)

    def request(to: str) -> CodeRequest:
        return CodeRequest(to=to, from_="+19195554321", application_id="faults", message="Code {CODE}", digits=6)

    return bw, [
        ("generateMessagingCode", lambda to: bw.generate_messaging_code(request(to))),
        ("generateVoiceCode", lambda to: bw.generate_voice_code(request(to))),
    ]


def _infobip_template(url: str) -> tuple[str, str]:
    config = TfaApplicationConfiguration(
        pin_attempts=5, verify_pin_limit="1000/1s", send_pin_per_phone_number_limit="1000/1d"
    )
    with InfobipClient(url, api_key=infobip_demo.DEMO_API_KEY) as admin:
        app = admin.create_2fa_application(TfaApplicationRequest(name="faults", configuration=config))
        template = admin.create_2fa_message_template(
            app.application_id,
            TfaCreateMessageRequest(message_text="{{pin}} is your code", pin_type=TfaPinType.NUMERIC),
        )
    return app.application_id, template.message_id


@pytest.mark.parametrize("vendor", ["infobip", "bandwidth"])
def test_no_send_is_ever_duplicated_under_faults(vendor: str) -> None:
    campaign(vendor)


# --- verify: retried on 429/503, honouring Retry-After; counted once ------------------------------


@pytest.mark.parametrize("flavour", ["sync", "async"])
def test_infobip_verify_retries_honour_retry_after_and_count_the_attempt_once(flavour: str) -> None:
    mock = InfobipMock()
    sleeps = RecordedSleeps()
    with served(mock) as (url, counting):
        app_id, msg_id = _infobip_template(url)
        kwargs: dict[str, Any] = {"api_key": infobip_demo.DEMO_API_KEY, "retry": sleeps.policy(max_retries=3)}
        with InfobipClient(url, **kwargs) as client:
            sent = client.send_2fa_pin_code_over_sms(
                TfaStartAuthenticationRequest(application_id=app_id, message_id=msg_id, to="41793026727")
            )
        code = last_code(mock.outbox, "41793026727")
        mock.faults.add(Fault(operation="verify-2fa-phone-number", status=503, retry_after=2))
        mock.faults.add(Fault(operation="verify-2fa-phone-number", status=429, retry_after=1.5))
        mock.faults.add(Fault(operation="verify-2fa-phone-number", status=503))  # no Retry-After: backoff

        if flavour == "sync":
            with InfobipClient(url, **kwargs) as client:
                wrong = client.verify_2fa_phone_number(sent.pin_id, "0000" if code != "0000" else "1111")
        else:

            async def go() -> Any:
                async with AsyncInfobipClient(url, **kwargs) as aclient:
                    return await aclient.verify_2fa_phone_number(sent.pin_id, "0000" if code != "0000" else "1111")

            wrong = asyncio.run(go())
        assert sleeps.waits == [2.0, 1.5, 2.0]  # Retry-After exactly, then the backoff (0.5 s x 2 ** 2)
        assert (wrong.verified, wrong.reason, wrong.attempts_remaining) == (False, "WRONG_PIN", 4)
        assert mock.store.pins[sent.pin_id].wrong_attempts == 1  # four requests, one attempt counted
        assert counting.count("/verify") == 4
        COLLECTOR.add(SECTION, "verify_retries_honouring_retry_after", 2)
        COLLECTOR.add(SECTION, "faults_injected", 3)

        # A Retry-After beyond the cap (60 s) is not waited for: the caller decides.
        sleeps.waits.clear()
        mock.faults.add(Fault(operation="verify-2fa-phone-number", status=429, retry_after=3600))
        with InfobipClient(url, **kwargs) as client, pytest.raises(RateLimitError) as info:
            client.verify_2fa_phone_number(sent.pin_id, code)
        assert (info.value.retry_after, sleeps.waits, counting.count("/verify")) == (3600, [], 5)

        # Dropped or timed out, a verify may have used an attempt: it is not repeated.
        mock.faults.add(Fault(operation="verify-2fa-phone-number", drop=True))
        with InfobipClient(url, **kwargs) as client, pytest.raises(APIConnectionError):
            client.verify_2fa_phone_number(sent.pin_id, code)
        mock.faults.add(Fault(operation="verify-2fa-phone-number", latency=SLOW))
        with InfobipClient(url, timeout=IMPATIENT, **kwargs) as client, pytest.raises(APITimeoutError):
            client.verify_2fa_phone_number(sent.pin_id, "9999" if code != "9999" else "8888")
        counting.drain()
        assert (counting.count("/verify"), sleeps.waits) == (7, [])
        assert mock.store.pins[sent.pin_id].wrong_attempts == 2  # the late one counted, once
        COLLECTOR.add(SECTION, "faults_injected", 3)

        with InfobipClient(url, **kwargs) as client:
            assert client.verify_2fa_phone_number(sent.pin_id, code).verified
        COLLECTOR.add(SECTION, "verifications_survived")


@pytest.mark.parametrize("flavour", ["sync", "async"])
def test_bandwidth_verify_retries_honour_retry_after_and_verify_once(flavour: str) -> None:
    mock = BandwidthMock()
    sleeps = RecordedSleeps()
    to = "+19195550111"
    with served(mock) as (url, counting):
        kwargs: dict[str, Any] = {
            "base_url": f"{url}/api/v1",
            "token_url": f"{url}/api/v1/oauth2/token",
            "client_id": DEMO_CLIENT_ID,
            "client_secret": DEMO_CLIENT_SECRET,
            "retry": sleeps.policy(max_retries=2),
        }
        with BandwidthClient(DEMO_ACCOUNT, **kwargs) as client:
            client.generate_messaging_code(
                CodeRequest(to=to, from_="+19195554321", application_id="a", message="{CODE}", digits=6)
            )
        code = last_code(mock.outbox, to)
        mock.faults.add(Fault(operation="verifyCode", status=503, retry_after=3))
        mock.faults.add(Fault(operation="verifyCode", status=429, retry_after=0.25))
        if flavour == "sync":
            with BandwidthClient(DEMO_ACCOUNT, **kwargs) as client:
                result = client.verify_code(to, code, 5)
        else:

            async def go() -> Any:
                async with AsyncBandwidthClient(DEMO_ACCOUNT, **kwargs) as aclient:
                    return await aclient.verify_code(to, code, 5)

            result = asyncio.run(go())
        # Verified once: had a faulted attempt been processed too, the code (consumed on success)
        # would answer valid=false to the retry.
        assert (result.verified, sleeps.waits, counting.count("/verify")) == (True, [3.0, 0.25], 3)
        assert mock.store.codes == {}
        COLLECTOR.add(SECTION, "verify_retries_honouring_retry_after", 2)
        COLLECTOR.add(SECTION, "faults_injected", 2)
        COLLECTOR.add(SECTION, "verifications_survived")

        # The token endpoint failing is a typed error too; the next call fetches a token normally.
        mock.faults.add(Fault(operation="oauth2Token", status=503, retry_after=1))
        with BandwidthClient(DEMO_ACCOUNT, **kwargs) as client:
            with pytest.raises(OAuthTokenError) as info:
                client.verify_code(to, code, 5)
            assert info.value.status_code == 503
            assert client.verify_code(to, code, 5).verified is False  # consumed: verified only once
        COLLECTOR.add(SECTION, "faults_injected")


def test_reads_are_retried_after_a_timeout_and_5xx_sends_are_not() -> None:
    mock = InfobipMock()
    sleeps = RecordedSleeps()
    with served(mock) as (url, counting):
        app_id, msg_id = _infobip_template(url)
        policy = sleeps.policy(max_retries=2)
        with InfobipClient(url, api_key=infobip_demo.DEMO_API_KEY, retry=policy, timeout=IMPATIENT) as impatient:
            mock.faults.add(Fault(operation="get-2fa-application", latency=SLOW))
            assert impatient.get_2fa_application(app_id).application_id == app_id
        counting.drain()
        assert (counting.seen[("GET", f"/2fa/2/applications/{app_id}")], sleeps.waits) == (2, [0.5])
        COLLECTOR.add(SECTION, "read_timeouts_retried")

        sleeps.waits.clear()
        with InfobipClient(url, api_key=infobip_demo.DEMO_API_KEY, retry=policy) as client:
            pin = client.send_2fa_pin_code_over_sms(
                TfaStartAuthenticationRequest(application_id=app_id, message_id=msg_id, to="41793026700")
            )
            mock.faults.add(Fault(operation="resend-2fa-pin-code-over-sms", status=503, retry_after=1, remaining=3))
            with pytest.raises(ServerError):
                client.resend_2fa_pin_code_over_sms(pin.pin_id)
            assert (counting.count("/resend"), sleeps.waits, len(mock.outbox.list("41793026700"))) == (1, [], 1)
            mock.faults.clear()
            client.resend_2fa_pin_code_over_sms(pin.pin_id)
            assert len(mock.outbox.list("41793026700")) == 2  # the send and the one resend that went through
            COLLECTOR.add(SECTION, "faults_injected", 2)
