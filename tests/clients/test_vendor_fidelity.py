"""Liberal in what the clients accept: the real vendors, not our spec, are the truth.

Any 2xx whose body reads as the operation's success type is a success; an unreadable 2xx after a
send says the request was accepted and must not be resent; every 429 carries ``retry_after``; and
an OAuth2 client aimed at another host never sends its secret to production's token URL.
"""

from __future__ import annotations

import base64
from collections.abc import Awaitable, Callable
from typing import Any

import httpx
import pytest
from bandwidth_mfa_client.models import CodeRequest
from infobip_2fa_client.models import (
    TfaApplicationRequest,
    TfaStartAuthenticationRequest,
    TfaV1ApplicationRequest,
)
from infobip_2fa_client.types import Unset
from twofa_clients import (
    NO_RETRIES,
    AsyncBandwidthClient,
    AsyncInfobipClient,
    BandwidthClient,
    InfobipClient,
    ProtocolError,
    RateLimitError,
    ServerError,
    TwoFactorError,
)
from twofa_clients.bandwidth import DEFAULT_TOKEN_URL

from tests.clients.fakes import (
    API_KEY,
    CLIENT_ID,
    CLIENT_SECRET,
    PASSWORD,
    USERNAME,
    FakeVendor,
    RecordedSleeps,
    json_response,
)

APP = {
    "applicationId": "A1",
    "name": "app",
    "enabled": True,
    "configuration": {"pinAttempts": 10, "pinTimeToLive": "15m"},
}
SENT = {"pinId": "P1", "to": "41793026727", "ncStatus": "NC_NOT_CONFIGURED", "smsStatus": "MESSAGE_SENT"}
SEND = TfaStartAuthenticationRequest(application_id="A1", message_id="M1", to="41793026727")
CODE = CodeRequest(to="+19195551234", from_="+19195554321", application_id="app", message="{CODE}", digits=6)
TOO_MANY = {"requestError": {"serviceException": {"messageId": "TOO_MANY_REQUESTS", "text": "Too many requests"}}}
LOCKED = {
    "error": "This number has exceeded verification attempts, please wait 2 minutes",
    "requestId": "abc12312-abcd-1234-abcd-1234abcd1234",
}
VERIFIED = {"pinId": "P1", "msisdn": "41793026727", "verified": True, "attemptsRemaining": 9}


def infobip(vendor: FakeVendor, **kwargs: Any) -> InfobipClient:
    return InfobipClient("https://ib.example", api_key=API_KEY, transport=vendor.transport, **kwargs)


def async_infobip(vendor: FakeVendor, **kwargs: Any) -> AsyncInfobipClient:
    return AsyncInfobipClient("https://ib.example", api_key=API_KEY, transport=vendor.transport, **kwargs)


def bandwidth(vendor: FakeVendor, **kwargs: Any) -> BandwidthClient:
    return BandwidthClient("9900000", username=USERNAME, password=PASSWORD, transport=vendor.transport, **kwargs)


async def in_async_infobip(vendor: FakeVendor, call: Callable[[AsyncInfobipClient], Awaitable[Any]]) -> Any:
    async with async_infobip(vendor, retry=NO_RETRIES) as client:
        return await call(client)


# --- any 2xx that reads as the success type is a success -------------------------------------------


@pytest.mark.parametrize("status", [200, 201, 202])
def test_create_application_accepts_any_2xx_with_the_success_body(status: int) -> None:
    vendor = FakeVendor([json_response(status, APP)])
    with infobip(vendor) as client:
        created = client.create_2fa_application(TfaApplicationRequest(name="app"))
        v1 = client.v1_create_2fa_application(TfaV1ApplicationRequest(name="app"))
    assert (created.application_id, v1.application_id) == ("A1", "A1")


@pytest.mark.anyio
async def test_async_create_application_accepts_201() -> None:
    vendor = FakeVendor([json_response(201, APP)])
    created = await in_async_infobip(vendor, lambda c: c.create_2fa_application(TfaApplicationRequest(name="app")))
    assert created.application_id == "A1"


def test_an_undocumented_2xx_on_a_send_reads_as_the_success_type() -> None:
    vendor = FakeVendor([json_response(202, SENT)])
    with infobip(vendor) as client:
        assert client.send_2fa_pin_code_over_sms(SEND).pin_id == "P1"
    bw = FakeVendor([json_response(201, {"messageId": "1600000000000-abcdefgh"})])
    with bandwidth(bw) as client:
        assert client.generate_messaging_code(CODE).message_id == "1600000000000-abcdefgh"


def test_a_list_operation_accepts_201_with_a_list() -> None:
    vendor = FakeVendor([json_response(203, [APP, APP])])
    with infobip(vendor) as client:
        assert [a.application_id for a in client.get_2fa_applications()] == ["A1", "A1"]


# --- an unreadable 2xx after a send: accepted, do not resend -----------------------------------------

UNREADABLE = [
    httpx.Response(200, content=b"<html>gateway</html>", headers={"Content-Type": "text/html"}),
    httpx.Response(201, content=b'{"pinId": ', headers={"Content-Type": "application/json"}),
    json_response(200, {"pinId": 12, "to": "41793026727"}),
    json_response(202, ["not", "an", "object"]),
    httpx.Response(204),
]


@pytest.mark.parametrize("reply", UNREADABLE, ids=["html-200", "truncated-201", "wrong-type", "list-202", "204"])
def test_an_unreadable_2xx_on_a_send_says_accepted_and_is_never_repeated(reply: httpx.Response) -> None:
    vendor = FakeVendor([reply, json_response(200, SENT)])
    sleeps = RecordedSleeps()
    with infobip(vendor, retry=sleeps.policy(max_retries=5)) as client, pytest.raises(ProtocolError) as info:
        client.send_2fa_pin_code_over_sms(SEND)
    assert info.value.request_accepted is True
    assert "accepted" in str(info.value)
    assert "do not send it again" in str(info.value)
    assert (len(vendor.requests), sleeps.waits) == (1, [])


@pytest.mark.anyio
async def test_async_unreadable_2xx_on_a_resend_says_accepted() -> None:
    vendor = FakeVendor([httpx.Response(200, content=b"OK", headers={"Content-Type": "text/plain"})])
    with pytest.raises(ProtocolError) as info:
        await in_async_infobip(vendor, lambda c: c.resend_2fa_pin_code_over_sms("P1"))
    assert info.value.request_accepted is True
    assert len(vendor.requests) == 1


def test_a_refused_request_is_not_accepted() -> None:
    vendor = FakeVendor([httpx.Response(500, content=b"<html>oops</html>")])
    with infobip(vendor, retry=NO_RETRIES) as client, pytest.raises(ServerError) as info:
        client.send_2fa_pin_code_over_sms(SEND)
    assert info.value.request_accepted is False
    bad_error_status = FakeVendor([httpx.Response(418, content=b"teapot")])
    with infobip(bad_error_status, retry=NO_RETRIES) as client, pytest.raises(TwoFactorError) as other:
        client.send_2fa_pin_code_over_sms(SEND)
    assert other.value.request_accepted is False


def test_a_missing_required_field_is_named() -> None:
    vendor = FakeVendor([json_response(200, {"to": "41793026727"})])  # no pinId
    with infobip(vendor) as client, pytest.raises(ProtocolError) as info:
        client.send_2fa_pin_code_over_sms(SEND)
    assert "pinId" in str(info.value)
    assert info.value.request_accepted is True


# --- retry_after on every 429 ------------------------------------------------------------------------


def test_infobip_verify_429_without_retry_after_waits_the_documented_window() -> None:
    vendor = FakeVendor([json_response(429, TOO_MANY), json_response(200, VERIFIED)])
    sleeps = RecordedSleeps()
    with infobip(vendor, retry=sleeps.policy()) as client:
        assert client.verify_2fa_phone_number("P1", "1234").verified is True
    assert sleeps.waits == [3.0]  # verifyPinLimit "1/3s": one full window, not a short backoff
    limited = FakeVendor([json_response(429, TOO_MANY)])
    with infobip(limited, retry=NO_RETRIES) as client, pytest.raises(RateLimitError) as info:
        client.v1_verify_2fa_phone_number("P1", "1234")
    assert info.value.retry_after == 3.0


@pytest.mark.anyio
async def test_async_infobip_verify_429_gets_the_window() -> None:
    vendor = FakeVendor([json_response(429, TOO_MANY)])
    with pytest.raises(RateLimitError) as info:
        await in_async_infobip(vendor, lambda c: c.verify_2fa_phone_number("P1", "1234"))
    assert info.value.retry_after == 3.0


@pytest.mark.parametrize(
    ("call", "window"),
    [
        (lambda c: c.get_2fa_applications(), 600.0),
        (lambda c: c.send_2fa_pin_code_over_sms(SEND), 86_400.0),
        (lambda c: c.resend_2fa_pin_code_over_voice("P1"), 86_400.0),
    ],
    ids=["management", "send", "resend"],
)
def test_an_infobip_window_longer_than_the_cap_is_not_waited_for(
    call: Callable[[InfobipClient], Any], window: float
) -> None:
    vendor = FakeVendor([json_response(429, TOO_MANY), json_response(200, [])])
    sleeps = RecordedSleeps()
    with infobip(vendor, retry=sleeps.policy()) as client, pytest.raises(RateLimitError) as info:
        call(client)
    assert info.value.retry_after == window
    assert (len(vendor.requests), sleeps.waits) == (1, [])


def test_a_retry_after_header_wins_over_the_window() -> None:
    vendor = FakeVendor([json_response(429, TOO_MANY, {"Retry-After": "1"}), json_response(200, VERIFIED)])
    sleeps = RecordedSleeps()
    with infobip(vendor, retry=sleeps.policy()) as client:
        client.verify_2fa_phone_number("P1", "1234")
    assert sleeps.waits == [1.0]


def test_bandwidth_lock_out_is_not_retried_and_says_how_long() -> None:
    vendor = FakeVendor([json_response(429, LOCKED), json_response(200, {"valid": True})])
    sleeps = RecordedSleeps()
    with bandwidth(vendor, retry=sleeps.policy()) as client, pytest.raises(RateLimitError) as info:
        client.verify_code("+19195551234", "123456", 3)
    assert info.value.retry_after == 120.0
    assert (len(vendor.requests), sleeps.waits) == (1, [])


@pytest.mark.anyio
async def test_async_bandwidth_lock_out_is_not_retried_and_says_how_long() -> None:
    vendor = FakeVendor([json_response(429, LOCKED), json_response(200, {"valid": True})])
    sleeps = RecordedSleeps()
    async with AsyncBandwidthClient(
        "9900000", username=USERNAME, password=PASSWORD, transport=vendor.transport, retry=sleeps.policy()
    ) as client:
        with pytest.raises(RateLimitError) as info:
            await client.verify_code("+19195551234", "123456", 3)
    assert info.value.retry_after == 120.0
    assert (len(vendor.requests), sleeps.waits) == (1, [])


@pytest.mark.anyio
async def test_async_bandwidth_short_wait_in_the_text_is_waited_for() -> None:
    short = {"error": "This number has exceeded verification attempts, please wait 20 seconds", "requestId": "r"}
    vendor = FakeVendor([json_response(429, short), json_response(200, {"valid": True})])
    sleeps = RecordedSleeps()
    async with AsyncBandwidthClient(
        "9900000", username=USERNAME, password=PASSWORD, transport=vendor.transport, retry=sleeps.policy()
    ) as client:
        assert (await client.verify_code("+19195551234", "123456", 3)).verified is True
    assert sleeps.waits == [20.0]


def test_bandwidth_429_without_text_falls_back_to_the_lock_out_window() -> None:
    vendor = FakeVendor([httpx.Response(429, content=b"")])
    with bandwidth(vendor, retry=NO_RETRIES) as client, pytest.raises(RateLimitError) as info:
        client.verify_code("+19195551234", "123456", 3)
    assert info.value.retry_after == 120.0


# --- the OAuth2 token URL follows the base URL -------------------------------------------------------


def _token_and_api(token_urls: list[str]) -> FakeVendor:
    def reply(request: httpx.Request) -> httpx.Response:
        if request.content == b"grant_type=client_credentials":
            token_urls.append(str(request.url))
            return json_response(200, {"access_token": "tok", "token_type": "Bearer", "expires_in": 3600})
        return json_response(200, {"valid": True})

    return FakeVendor([reply])


@pytest.mark.parametrize(
    ("base_url", "expected"),
    [
        ("http://127.0.0.1:8082/api/v1", "http://127.0.0.1:8082/api/v1/oauth2/token"),
        ("https://bandwidth.proxy.example/mfa/api/v1", "https://bandwidth.proxy.example/api/v1/oauth2/token"),
        ("https://mfa.bandwidth.com/api/v1", DEFAULT_TOKEN_URL),
    ],
)
def test_the_token_url_defaults_to_the_base_urls_host(base_url: str, expected: str) -> None:
    seen: list[str] = []
    vendor = _token_and_api(seen)
    with BandwidthClient(
        "9900000", client_id=CLIENT_ID, client_secret=CLIENT_SECRET, base_url=base_url, transport=vendor.transport
    ) as client:
        client.verify_code("+19195551234", "123456", 3)
    assert seen == [expected]
    token_request = next(r for r in vendor.requests if str(r.url) == expected)
    assert token_request.headers["Authorization"] == "Basic " + base64.b64encode(
        f"{CLIENT_ID}:{CLIENT_SECRET}".encode()
    ).decode("ascii")


@pytest.mark.anyio
async def test_async_token_url_follows_the_base_url_and_token_url_overrides() -> None:
    seen: list[str] = []
    vendor = _token_and_api(seen)
    async with AsyncBandwidthClient(
        "9900000",
        client_id=CLIENT_ID,
        client_secret=CLIENT_SECRET,
        base_url="http://127.0.0.1:9/api/v1",
        transport=vendor.transport,
    ) as client:
        await client.verify_code("+19195551234", "123456", 3)
    async with AsyncBandwidthClient(
        "9900000",
        client_id=CLIENT_ID,
        client_secret=CLIENT_SECRET,
        base_url="http://127.0.0.1:9/api/v1",
        token_url="https://auth.example/token",
        transport=_token_and_api(seen).transport,
    ) as client:
        await client.verify_code("+19195551234", "123456", 3)
    assert seen == ["http://127.0.0.1:9/api/v1/oauth2/token", "https://auth.example/token"]


# --- a response field is required only where the vendor guarantees it -------------------------------

RECORD_WITHOUT_SENT_AT = {"verifications": [{"msisdn": "41793026727", "verified": False}]}


def test_a_verification_record_without_sent_at_is_read() -> None:
    vendor = FakeVendor([json_response(200, RECORD_WITHOUT_SENT_AT)])
    with infobip(vendor) as client:
        records = client.get_2fa_verification_status("A1", "41793026727")
        v1_records = client.v1_get_2fa_verification_status("A1", "41793026727")
    (record,) = records.verifications
    assert (record.verified, isinstance(record.sent_at, Unset)) == (False, True)
    assert len(v1_records.verifications) == 1


@pytest.mark.anyio
async def test_async_verification_record_without_sent_at_is_read() -> None:
    vendor = FakeVendor([json_response(200, RECORD_WITHOUT_SENT_AT)])
    records = await in_async_infobip(vendor, lambda c: c.get_2fa_verification_status("A1", "41793026727"))
    assert records.verifications[0].verified is False
