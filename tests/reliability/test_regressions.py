"""One focused test per bug the reliability suite found, so each stays fixed on its own."""

from __future__ import annotations

import asyncio
import base64
import logging
import socket
import time
from collections.abc import MutableMapping
from typing import Any

import httpx
import pytest
from twofa_clients import BandwidthClient, InfobipClient, ServiceUnavailableError
from twofa_clients._errors import parse_retry_after
from twofa_mocks import BandwidthMock, Fault, InfobipMock, run_in_thread
from twofa_mocks import infobip as infobip_demo
from twofa_mocks.bandwidth import DEMO_ACCOUNT, DEMO_PASSWORD, DEMO_USER

from tests.clients.fakes import API_KEY, CLIENT_ID, CLIENT_SECRET, FakeVendor, RecordedSleeps, json_response

BANDWIDTH_AUTH = "Basic " + base64.b64encode(f"{DEMO_USER}:{DEMO_PASSWORD}".encode()).decode()
INFOBIP_AUTH = f"App {infobip_demo.DEMO_API_KEY}"
BUSY = {"requestError": {"serviceException": {"messageId": "SERVICE_UNAVAILABLE", "text": "Service Unavailable"}}}


# --- layer: an HTTP date with absurd fields in Retry-After leaked OverflowError ----------------------


@pytest.mark.parametrize(
    "value",
    [
        "Mon, 01 Jan 2020 99999999999999999999:00:00 GMT",
        "01 Jan 2020 00:00:99999999999999999999999",
        "Mon, 01 Jan 99999999999999999999 00:00:00 GMT",
    ],
)
def test_an_overflowing_retry_after_date_is_ignored_not_raised(value: str) -> None:
    assert parse_retry_after(value) is None
    vendor = FakeVendor([json_response(503, BUSY, {"Retry-After": value})])
    sleeps = RecordedSleeps()
    with (
        InfobipClient("https://ib.example", api_key=API_KEY, transport=vendor.transport, retry=sleeps.policy()) as c,
        pytest.raises(ServiceUnavailableError) as info,
    ):
        c.verify_2fa_phone_number("P", "1234")
    assert info.value.retry_after is None
    assert sleeps.waits == [0.5, 1.0]  # the backoff, as without a Retry-After


# --- layer: a token answer with a 400-digit expires_in leaked OverflowError --------------------------
# (Now such a lifetime is read as "unknown" and bounded, like 0, NaN or true: the call goes through.)


@pytest.mark.parametrize("expires_in", [b"9" * 400, b"-" + b"9" * 400])
def test_an_overflowing_token_lifetime_is_bounded_not_leaked(expires_in: bytes) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/token":
            body = b'{"access_token": "t", "token_type": "Bearer", "expires_in": ' + expires_in + b"}"
            return httpx.Response(200, content=body, headers={"Content-Type": "application/json"})
        return json_response(200, {"valid": True})

    with BandwidthClient(
        "9900000",
        client_id=CLIENT_ID,
        client_secret=CLIENT_SECRET,
        token_url="https://auth.example/token",
        transport=httpx.MockTransport(handler),
    ) as client:
        assert client.verify_code("+19195551234", "123456", 3).verified is True
        assert client.auth._expires_at - client.auth._clock() <= 86_400  # type: ignore[union-attr]


# --- mocks: methods outside Starlette's list were answered in plain text ----------------------------


@pytest.mark.anyio
@pytest.mark.parametrize("method", ["OPTIONS", "TRACE", "QUERY", "FOO"])
async def test_every_method_gets_the_vendor_shape(method: str) -> None:
    bandwidth, infobip = BandwidthMock(), InfobipMock()
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=bandwidth.app), base_url="http://bw") as client:
        response = await client.request(
            method, f"/api/v1/accounts/{DEMO_ACCOUNT}/code/verify", headers={"Authorization": BANDWIDTH_AUTH}
        )
    assert (response.status_code, response.json()) == (403, {"message": "Missing Authentication Token"})
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=infobip.app), base_url="http://ib") as client:
        response = await client.request(method, "/2fa/2/pin", headers={"Authorization": INFOBIP_AUTH})
        unknown = await client.request(method, "/no/such/path", headers={"Authorization": INFOBIP_AUTH})
    assert response.status_code == 405
    assert response.json()["requestError"]["serviceException"]["messageId"] == "METHOD_NOT_ALLOWED"
    assert response.headers["allow"] == "POST"
    assert response.headers["content-type"] == "application/json; charset=utf-8"
    assert (unknown.status_code, unknown.json()["requestError"]["serviceException"]["messageId"]) == (404, "NOT_FOUND")


# --- mocks: a client leaving mid-body was logged as a bug and answered 500 -------------------------


BANDWIDTH_VERIFY = f"/api/v1/accounts/{DEMO_ACCOUNT}/code/verify"


def post_in_process(
    app: Any, path: str, headers: list[tuple[bytes, bytes]], messages: list[dict[str, Any]]
) -> list[MutableMapping[str, Any]]:
    """POST ``path`` straight into the ASGI ``app``, the client side being ``messages``; what the app sent."""
    scope = {
        "type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "POST", "scheme": "http",
        "path": path, "raw_path": path.encode(), "query_string": b"", "root_path": "", "server": ("mock", 80),
        "headers": headers,
    }  # fmt: skip
    sent: list[MutableMapping[str, Any]] = []

    async def receive() -> dict[str, Any]:
        return messages.pop(0) if messages else {"type": "http.disconnect"}

    async def send(message: MutableMapping[str, Any]) -> None:
        sent.append(message)

    asyncio.run(app(scope, receive, send))
    return sent


# Later also with a fault pending (the fault reads the body first) and on Infobip's token endpoint.
@pytest.mark.parametrize(
    ("mock_class", "path", "authorization", "fault"),
    [
        (InfobipMock, "/2fa/2/pin", INFOBIP_AUTH, None),
        (BandwidthMock, BANDWIDTH_VERIFY, BANDWIDTH_AUTH, None),
        (InfobipMock, "/2fa/2/pin", INFOBIP_AUTH, Fault(operation="send-2fa-pin-code-over-sms", status=503)),
        (BandwidthMock, BANDWIDTH_VERIFY, BANDWIDTH_AUTH, Fault(operation="verifyCode", latency=0.001)),
        (InfobipMock, "/auth/1/oauth2/token", "", None),
        (InfobipMock, "/auth/1/oauth2/token", "", Fault(operation="oauth2-token", drop=True)),
    ],
)
def test_a_client_that_leaves_mid_body_gets_no_answer_and_no_error_log(
    mock_class: type[InfobipMock] | type[BandwidthMock],
    path: str,
    authorization: str,
    fault: Fault | None,
    caplog: pytest.LogCaptureFixture,
) -> None:
    content_type = b"application/x-www-form-urlencoded" if "oauth2" in path else b"application/json"
    headers = [(b"authorization", authorization.encode()), (b"content-type", content_type), (b"content-length", b"500")]
    messages: list[dict[str, Any]] = [
        {"type": "http.request", "body": b'{"to"', "more_body": True},
        {"type": "http.disconnect"},
    ]
    mock = mock_class()
    if fault is not None:
        mock.faults.add(fault)
    with caplog.at_level(logging.DEBUG):
        sent = post_in_process(mock.app, path, headers, messages)
    assert sent == []
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]


# --- mocks: a Content-Length of "²" (a digit to str.isdigit, not to int) was answered 500 -----------


@pytest.mark.parametrize(
    ("mock_class", "path", "authorization"),
    [(InfobipMock, "/2fa/2/pin/P/verify", INFOBIP_AUTH), (BandwidthMock, BANDWIDTH_VERIFY, BANDWIDTH_AUTH)],
)
# Header bytes are latin-1: b"\xb2" is "²"; the UTF-8 bytes of Arabic-Indic digits are not digits at all.
@pytest.mark.parametrize("length", [b"\xb2", b"\xb2\xb3", "١٢".encode(), b"9" * 40])
def test_an_odd_content_length_is_never_a_server_error(
    mock_class: type[InfobipMock] | type[BandwidthMock], path: str, authorization: str, length: bytes
) -> None:
    headers = [(b"authorization", authorization.encode()), (b"content-type", b"application/json"),
               (b"content-length", length)]  # fmt: skip
    body = b'{"pin": "1234", "to": "+19195551234", "code": "1234", "expirationTimeInMinutes": 3}'
    sent = post_in_process(mock_class().app, path, headers, [{"type": "http.request", "body": body}])
    status = sent[0]["status"]
    assert status < 500
    assert sent[1]["body"].startswith(b"{")  # the vendor's JSON, whatever the verdict


# --- mocks: run_in_thread answered every request ~40 ms late (no TCP_NODELAY) -----------------------


def test_the_threaded_server_answers_without_delayed_ack_stalls() -> None:
    with run_in_thread(BandwidthMock().app) as server:
        assert server._sock.proto == socket.IPPROTO_TCP  # so asyncio sets TCP_NODELAY on every connection
        with socket.create_connection((server.host, server.port)) as sock:
            start = time.perf_counter()
            for _ in range(50):  # one keep-alive connection: each answer is headers, then body
                sock.sendall(b"GET /_mock/health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
                data = b""
                while not data.endswith(b'{"status":"ok"}'):
                    data += sock.recv(4096)
            elapsed = time.perf_counter() - start
    assert elapsed < 1.5, f"50 requests took {elapsed:.2f}s (a delayed-ACK stall is ~40 ms each)"


# --- mocks: idle keep-alive connections closed as clients reused them (soak: 1 in 50 verifies lost) -


def test_the_server_keeps_idle_connections_longer_than_clients_do() -> None:
    """uvicorn's 5 s default equals httpx's keep-alive expiry: a client could reuse a connection at the
    moment the server closed it (ReadError under load). The mock keeps them like vendor load balancers."""
    with run_in_thread(BandwidthMock().app) as server:
        keep_alive = server._server.config.timeout_keep_alive
    assert keep_alive >= 60  # httpx drops an idle connection after 5 s, aiohttp after 15 s
