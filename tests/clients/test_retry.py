"""Retries: reads and verify on 429/503 honouring Retry-After, bounded; a send is never repeated
once it may have reached the server. Every retry is logged with its reason."""

from __future__ import annotations

import logging

import httpx
import pytest
from bandwidth_mfa_client.models import CodeRequest
from infobip_2fa_client.models import TfaStartAuthenticationRequest
from twofa_clients import (
    APIConnectionError,
    APITimeoutError,
    AsyncInfobipClient,
    BandwidthClient,
    InfobipClient,
    RateLimitError,
    RetryPolicy,
    Safety,
    ServerError,
    ServiceUnavailableError,
    TwoFactorError,
)
from twofa_clients._retry import Failure, retry_delay

from tests.clients.fakes import API_KEY, PASSWORD, USERNAME, FakeVendor, RecordedSleeps, json_response

SEND = TfaStartAuthenticationRequest(application_id="A", message_id="M", to="41793026727")
CODE = CodeRequest(to="+19195551234", from_="+19195554321", application_id="app", message="{CODE}", digits=6)
BUSY = {"requestError": {"serviceException": {"messageId": "SERVICE_UNAVAILABLE", "text": "Service Unavailable"}}}
VERIFIED = {"pinId": "P", "msisdn": "41793026727", "verified": True, "attemptsRemaining": 9}


def infobip(vendor: FakeVendor, sleeps: RecordedSleeps, **policy: float) -> InfobipClient:
    return InfobipClient(
        "https://ib.example", api_key=API_KEY, transport=vendor.transport, retry=sleeps.policy(**policy)
    )


def test_verify_is_retried_on_503_honouring_retry_after(caplog: pytest.LogCaptureFixture) -> None:
    vendor = FakeVendor([json_response(503, BUSY, {"Retry-After": "3"}), json_response(200, VERIFIED)])
    sleeps = RecordedSleeps()
    with caplog.at_level(logging.WARNING, logger="twofa_clients"), infobip(vendor, sleeps) as client:
        assert client.verify_2fa_phone_number("P", "1234").verified is True
    assert len(vendor.requests) == 2
    assert sleeps.waits == [3.0]
    assert "retrying verify-2fa-phone-number (retry 1 of 2) in 3.00s: HTTP 503" in caplog.text


def test_retries_are_bounded() -> None:
    vendor = FakeVendor([json_response(429, BUSY, {"Retry-After": "1"})])
    sleeps = RecordedSleeps()
    with infobip(vendor, sleeps, max_retries=3) as client, pytest.raises(RateLimitError) as info:
        client.get_2fa_applications()
    assert len(vendor.requests) == 4
    assert sleeps.waits == [1.0, 1.0, 1.0]
    assert info.value.retry_after == 1.0


def test_backoff_without_retry_after_is_exponential_and_capped() -> None:
    vendor = FakeVendor([json_response(503, BUSY)])
    sleeps = RecordedSleeps()
    with (
        infobip(vendor, sleeps, max_retries=5, initial_delay=0.5, max_delay=3.0) as client,
        pytest.raises(ServiceUnavailableError),
    ):
        client.get_2fa_application("A")
    assert sleeps.waits == [0.5, 1.0, 2.0, 3.0, 3.0]


def test_jitter_stays_within_half_of_the_delay() -> None:
    policy = RetryPolicy(initial_delay=1.0, max_delay=8.0)
    waits = [policy.backoff(3) for _ in range(200)]
    assert all(2.0 <= w <= 4.0 for w in waits)
    assert len(set(waits)) > 50


def test_a_retry_after_beyond_the_cap_goes_to_the_caller() -> None:
    vendor = FakeVendor([json_response(429, BUSY, {"Retry-After": "3600"})])
    sleeps = RecordedSleeps()
    with infobip(vendor, sleeps) as client, pytest.raises(RateLimitError):
        client.get_2fa_applications()
    assert (len(vendor.requests), sleeps.waits) == (1, [])


@pytest.mark.parametrize(
    "reply",
    [
        json_response(503, BUSY, {"Retry-After": "1"}),
        json_response(429, BUSY, {"Retry-After": "1"}),
        json_response(500, BUSY),
        httpx.ReadTimeout("read timed out"),
        httpx.RemoteProtocolError("peer closed connection without sending complete message body"),
        httpx.WriteError("broken pipe"),
    ],
    ids=["503", "429", "500", "read-timeout", "dropped", "write-error"],
)
def test_a_send_that_may_have_arrived_is_never_repeated(reply: httpx.Response | Exception) -> None:
    vendor = FakeVendor([reply, json_response(200, {"pinId": "P", "to": "41793026727"})])
    sleeps = RecordedSleeps()
    with infobip(vendor, sleeps, max_retries=5) as client, pytest.raises(TwoFactorError) as info:
        client.send_2fa_pin_code_over_sms(SEND)
    assert len(vendor.requests) == 1
    assert sleeps.waits == []
    assert isinstance(info.value, APIConnectionError | RateLimitError | ServerError)


def test_resends_and_bandwidth_generates_are_not_repeated_either() -> None:
    vendor = FakeVendor([httpx.ReadTimeout("read timed out")])
    sleeps = RecordedSleeps()
    with infobip(vendor, sleeps) as client, pytest.raises(APITimeoutError):
        client.resend_2fa_pin_code_over_sms("P")
    bw = FakeVendor([json_response(500, {"error": "Internal Error", "requestId": "r"})])
    with (
        BandwidthClient(
            "1", username=USERNAME, password=PASSWORD, transport=bw.transport, retry=sleeps.policy()
        ) as client,
        pytest.raises(Exception, match="Internal Error"),
    ):
        client.generate_voice_code(CODE)
    assert (len(vendor.requests), len(bw.requests), sleeps.waits) == (1, 1, [])


def test_a_send_is_retried_when_the_connection_never_opened() -> None:
    vendor = FakeVendor([httpx.ConnectError("connection refused"), json_response(200, {"pinId": "P", "to": "4179"})])
    sleeps = RecordedSleeps()
    with infobip(vendor, sleeps) as client:
        assert client.send_2fa_pin_code_over_sms(SEND).pin_id == "P"
    assert len(vendor.requests) == 2


def test_reads_are_retried_after_a_read_timeout_but_verify_is_not() -> None:
    vendor = FakeVendor([httpx.ReadTimeout("slow"), json_response(200, [])])
    sleeps = RecordedSleeps()
    with infobip(vendor, sleeps) as client:
        assert client.get_2fa_applications() == []
    verify = FakeVendor([httpx.ReadTimeout("slow"), json_response(200, VERIFIED)])
    with infobip(verify, sleeps) as client, pytest.raises(APITimeoutError):
        client.verify_2fa_phone_number("P", "1234")
    assert (len(vendor.requests), len(verify.requests)) == (2, 1)


@pytest.mark.anyio
async def test_async_retries_match_sync() -> None:
    vendor = FakeVendor([json_response(503, BUSY, {"Retry-After": "2"}), json_response(200, VERIFIED)])
    sleeps = RecordedSleeps()
    async with AsyncInfobipClient(
        "https://ib.example", api_key=API_KEY, transport=vendor.transport, retry=sleeps.policy()
    ) as client:
        assert (await client.verify_2fa_phone_number("P", "1234")).verified
        sends = FakeVendor([json_response(503, BUSY, {"Retry-After": "2"})])
    async with AsyncInfobipClient(
        "https://ib.example", api_key=API_KEY, transport=sends.transport, retry=sleeps.policy()
    ) as client:
        with pytest.raises(ServiceUnavailableError):
            await client.send_2fa_pin_code_over_voice(SEND)
    assert (sleeps.waits, len(sends.requests)) == ([2.0], 1)


@pytest.mark.parametrize(
    ("safety", "failure", "retried"),
    [
        (Safety.SEND, Failure("refused", never_sent=True, timeout_or_transport=True), True),
        (Safety.SEND, Failure("503", status=503), False),
        (Safety.SEND, Failure("timeout", timeout_or_transport=True), False),
        (Safety.VERIFY, Failure("429", status=429), True),
        (Safety.VERIFY, Failure("timeout", timeout_or_transport=True), False),
        (Safety.VERIFY, Failure("500", status=500), False),
        (Safety.IDEMPOTENT, Failure("timeout", timeout_or_transport=True), True),
        (Safety.IDEMPOTENT, Failure("400", status=400), False),
    ],
)
def test_retry_decision_table(safety: Safety, failure: Failure, retried: bool) -> None:
    assert (retry_delay(RetryPolicy(jitter=False), safety, failure, 1) is not None) is retried
