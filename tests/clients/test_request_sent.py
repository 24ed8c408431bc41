"""``request_sent`` on the layer's errors: False only when the request certainly never left.

What another vendor may be asked to send depends on it, so each transport's failures are checked:
httpx's own (sync), aiohttp's (async, the default), and the token endpoint's.
"""

from __future__ import annotations

import asyncio
import socket

import httpx
import pytest
from infobip_2fa_client.models import TfaStartAuthenticationRequest
from twofa_clients import (
    NO_RETRIES,
    APIConnectionError,
    APITimeoutError,
    AsyncInfobipClient,
    BandwidthClient,
    InfobipClient,
    OAuthTokenError,
    ServiceUnavailableError,
    TwoFactorError,
)

from tests.clients.fakes import API_KEY, FakeVendor, json_response

SEND = TfaStartAuthenticationRequest(application_id="A", message_id="M", to="41793026727")
BUSY = {"requestError": {"serviceException": {"messageId": "SERVICE_UNAVAILABLE", "text": "Service Unavailable"}}}


def closed_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def send_with(reply: object) -> TwoFactorError:
    vendor = FakeVendor([reply])  # type: ignore[list-item]
    with (
        InfobipClient("https://ib.example", api_key=API_KEY, transport=vendor.transport, retry=NO_RETRIES) as client,
        pytest.raises((APIConnectionError, ServiceUnavailableError)) as info,
    ):
        client.send_2fa_pin_code_over_sms(SEND)
    return info.value


def request() -> httpx.Request:
    return httpx.Request("POST", "https://ib.example/2fa/2/pin")


@pytest.mark.parametrize(
    ("reply", "sent", "cls"),
    [
        (httpx.ConnectError("refused", request=request()), False, APIConnectionError),
        (httpx.ConnectTimeout("connect", request=request()), False, APITimeoutError),
        (httpx.PoolTimeout("pool", request=request()), False, APITimeoutError),
        (httpx.ReadTimeout("read", request=request()), None, APITimeoutError),
        (httpx.WriteTimeout("write", request=request()), None, APITimeoutError),
        (httpx.RemoteProtocolError("dropped", request=request()), None, APIConnectionError),
        (httpx.ReadError("reset", request=request()), None, APIConnectionError),
        (json_response(503, BUSY), True, ServiceUnavailableError),
    ],
)
def test_each_failure_says_whether_the_request_left(reply: object, sent: bool | None, cls: type) -> None:
    error = send_with(reply)
    assert type(error) is cls
    assert error.request_sent is sent


def test_a_refused_connection_on_a_real_socket_never_left_sync() -> None:
    url = f"http://127.0.0.1:{closed_port()}"
    with InfobipClient(url, api_key=API_KEY, retry=NO_RETRIES) as client, pytest.raises(APIConnectionError) as info:
        client.send_2fa_pin_code_over_sms(SEND)
    assert info.value.request_sent is False


def test_a_refused_connection_on_a_real_socket_never_left_async_aiohttp() -> None:
    async def go() -> APIConnectionError:
        async with AsyncInfobipClient(f"http://127.0.0.1:{closed_port()}", api_key=API_KEY, retry=NO_RETRIES) as c:
            with pytest.raises(APIConnectionError) as info:
                await c.send_2fa_pin_code_over_sms(SEND)
        return info.value

    assert asyncio.run(go()).request_sent is False


def test_the_token_endpoint_failing_means_the_api_request_never_left() -> None:
    vendor = FakeVendor([json_response(503, {"error": "temporarily_unavailable"})])
    with (
        BandwidthClient(
            "9900000", client_id="id", client_secret="secret-1234", transport=vendor.transport, retry=NO_RETRIES
        ) as client,
        pytest.raises(OAuthTokenError) as info,
    ):
        client.verify_code("+19195551234", "123456", 3)
    assert info.value.request_sent is False
    assert [r.url.path for r in vendor.requests] == ["/api/v1/oauth2/token"]
