"""Regression tests for the independent attack on the clients (hardening issue, items 1 to 9).

Each test failed before its fix: the OAuth2 token request had no timeout; answers had no size,
decompression or total-time bound; a credential with a newline leaked in httpx's error text;
closed clients, a second event loop, huge or unencodable IDs and userinfo in a URL escaped as
untyped exceptions; echoed secrets appeared in exception text; any base URL was taken; short-lived
tokens were fetched on every call; ``..`` reached another endpoint; token failures posed as API
failures and an unsendable request was retried.
"""

from __future__ import annotations

import asyncio
import base64
import gzip
import json
import logging
import math
import socket
import threading
import tracemalloc
import zlib
from typing import Any

import httpx
import pytest
from bandwidth_mfa_client.models import CodeRequest
from infobip_2fa_client.models import TfaStartAuthenticationRequest
from twofa_clients import (
    NO_RETRIES,
    APITimeoutError,
    AsyncBandwidthClient,
    AsyncInfobipClient,
    AuthenticationError,
    BandwidthClient,
    CallLimits,
    ClientClosedError,
    InfobipClient,
    InvalidArgumentError,
    OAuthTokenError,
    ProtocolError,
    ServerError,
)

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
from tests.clients.hostile import answer, hostile_server, stall

SEND = TfaStartAuthenticationRequest(application_id="A1", message_id="M1", to="41793026727")
SENT = {"pinId": "P1", "to": "41793026727"}
VERIFIED = {"pinId": "P1", "msisdn": "41793026727", "verified": True, "attemptsRemaining": 9}
SHORT = httpx.Timeout(0.3)
CODE = CodeRequest(to="+19195551234", from_="+19195554321", application_id="app", message="{CODE}", digits=6)


def run_in_threads(count: int, call: Any) -> list[Any]:
    """``call()`` in ``count`` threads; what each returned or raised. A thread alive after 20 s fails."""
    results: list[Any] = []

    def target() -> None:
        try:
            results.append(call())
        except Exception as exc:
            results.append(exc)

    threads = [threading.Thread(target=target) for _ in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(20)
    assert not any(thread.is_alive() for thread in threads), "a call never returned"
    return results


# --- 1. the OAuth2 token request has a timeout ---------------------------------------------------------


def test_a_stalled_token_endpoint_times_out_and_waiting_callers_do_not_queue_forever() -> None:
    with hostile_server(lambda conn, request: None) as server:
        server.script = stall(server)
        client = BandwidthClient(
            "9900000",
            client_id=CLIENT_ID,
            client_secret=CLIENT_SECRET,
            base_url=f"{server.url}/api/v1",
            timeout=SHORT,
            retry=NO_RETRIES,
            limits=CallLimits(deadline=1.0),
        )
        with client:
            results = run_in_threads(5, lambda: client.verify_code("+19195551234", "123456", 3))
    assert len(results) == 5
    assert all(isinstance(r, OAuthTokenError | APITimeoutError) for r in results), results
    assert any(isinstance(r, OAuthTokenError) for r in results)
    assert all(path == "/api/v1/oauth2/token" for path in server.paths())  # the API call never went out


@pytest.mark.anyio
async def test_async_stalled_token_endpoint_times_out() -> None:
    with hostile_server(lambda conn, request: None) as server:
        server.script = stall(server)
        async with AsyncBandwidthClient(
            "9900000",
            client_id=CLIENT_ID,
            client_secret=CLIENT_SECRET,
            base_url=f"{server.url}/api/v1",
            timeout=SHORT,
            retry=NO_RETRIES,
        ) as client:
            with pytest.raises(OAuthTokenError, match="token endpoint"):
                await asyncio.wait_for(client.verify_code("+19195551234", "123456", 3), 20)


# --- 2. size, decompression and total time are bounded -------------------------------------------------


def _nested_gzip(decompressed_bytes: int) -> bytes:
    """gzip inside gzip of ``decompressed_bytes`` zeros, built without holding them in memory."""
    inner = zlib.compressobj(9, zlib.DEFLATED, zlib.MAX_WBITS | 16)
    zeros = bytes(1 << 20)
    parts = [inner.compress(zeros) for _ in range(decompressed_bytes >> 20)]
    return gzip.compress(b"".join(parts) + inner.flush())


def test_a_gzip_bomb_is_refused_within_the_limit_and_the_send_reads_as_accepted() -> None:
    bomb = _nested_gzip(256 << 20)  # 256 MiB of zeros in a few kilobytes
    assert len(bomb) < 300_000
    headers = {"Content-Encoding": "gzip, gzip", "Content-Type": "application/json"}
    # stream=, not content=: httpx decodes a content= body itself, unbounded, when the Response is built.
    vendor = FakeVendor([httpx.Response(200, stream=httpx.ByteStream(bomb), headers=headers)])
    tracemalloc.start()
    try:
        with (
            InfobipClient("https://ib.example", api_key=API_KEY, transport=vendor.transport) as client,
            pytest.raises(ProtocolError) as info,
        ):
            client.send_2fa_pin_code_over_sms(SEND)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert "larger than 4194304 bytes" in str(info.value)
    assert info.value.request_accepted is True  # a 200 came: the PIN may be on its way
    assert len(info.value.body) <= 16 * 1024
    assert peak < 64 << 20, f"peak {peak} bytes"


@pytest.mark.parametrize("encoding", ["br", "gzip, gzip, gzip", "compress"])
def test_unsupported_or_too_deep_encodings_are_protocol_errors(encoding: str) -> None:
    vendor = FakeVendor([httpx.Response(200, stream=httpx.ByteStream(b"xx"), headers={"Content-Encoding": encoding})])
    with (
        InfobipClient("https://ib.example", api_key=API_KEY, transport=vendor.transport) as client,
        pytest.raises(ProtocolError, match="could not be decoded"),
    ):
        client.get_2fa_applications()
    assert vendor.requests[0].headers["accept-encoding"] == "gzip, deflate"


def _endless(conn: socket.socket, request: bytes) -> None:
    conn.sendall(b"HTTP/1.1 200 X\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n")
    chunk = b"10000\r\n" + b" " * 0x10000 + b"\r\n"
    for _ in range(100_000):  # 6 GiB if nobody stops reading
        conn.sendall(chunk)


def test_an_endless_body_stops_at_the_limit() -> None:
    with hostile_server(_endless) as server:
        limits = CallLimits(max_response_bytes=256 * 1024)
        with (
            InfobipClient(server.url, api_key=API_KEY, limits=limits, retry=NO_RETRIES) as client,
            pytest.raises(ProtocolError, match="larger than 262144 bytes"),
        ):
            client.get_2fa_applications()


@pytest.mark.anyio
async def test_async_endless_body_stops_at_the_limit() -> None:
    with hostile_server(_endless) as server:
        limits = CallLimits(max_response_bytes=256 * 1024)
        async with AsyncInfobipClient(server.url, api_key=API_KEY, limits=limits, retry=NO_RETRIES) as client:
            with pytest.raises(ProtocolError, match="larger than 262144 bytes"):
                await client.get_2fa_applications()


def _drip(server: Any) -> Any:
    def script(conn: socket.socket, request: bytes) -> None:
        conn.sendall(b"HTTP/1.1 200 X\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n")
        for _ in range(1000):
            if server.stop.wait(0.05):
                return
            conn.sendall(b" ")

    return script


def test_a_dripped_answer_ends_at_the_calls_deadline() -> None:
    with hostile_server(lambda conn, request: None) as server:
        server.script = _drip(server)
        limits = CallLimits(deadline=0.5)
        with InfobipClient(server.url, api_key=API_KEY, timeout=2.0, limits=limits) as client:
            (result,) = run_in_threads(1, client.get_2fa_applications)
    assert isinstance(result, APITimeoutError)
    assert "deadline" in str(result)


@pytest.mark.anyio
async def test_async_dripped_answer_ends_at_the_calls_deadline() -> None:
    with hostile_server(lambda conn, request: None) as server:
        server.script = _drip(server)
        async with AsyncInfobipClient(
            server.url, api_key=API_KEY, timeout=2.0, limits=CallLimits(deadline=0.5)
        ) as client:
            with pytest.raises(APITimeoutError, match="deadline"):
                await asyncio.wait_for(client.send_2fa_pin_code_over_sms(SEND), 20)
    assert len(server.requests) == 1  # a send is not repeated after it timed out


def test_the_body_kept_on_an_error_is_truncated() -> None:
    vendor = FakeVendor([httpx.Response(500, content=b"x" * 1_000_000)])
    limits = CallLimits(max_error_body_bytes=1000)
    with (
        InfobipClient("https://ib.example", api_key=API_KEY, transport=vendor.transport, limits=limits) as client,
        pytest.raises(ServerError) as info,
    ):
        client.send_2fa_pin_code_over_sms(SEND)
    assert len(info.value.body) == 1000
    assert len(str(info.value)) < 1000


@pytest.mark.parametrize(
    "limits", [{"deadline": 0}, {"deadline": float("nan")}, {"max_response_bytes": 0}, {"max_error_body_bytes": True}]
)
def test_limits_are_checked(limits: dict[str, Any]) -> None:
    with pytest.raises(InvalidArgumentError):
        CallLimits(**limits)


# --- 3. credentials with control characters are refused, never echoed ---------------------------------

BAD_VALUES = [API_KEY + "\n", API_KEY + "\r\n", " " + API_KEY, API_KEY[:5] + "\x00" + API_KEY[5:], API_KEY + "\u0085"]


@pytest.mark.parametrize("value", BAD_VALUES)
@pytest.mark.parametrize("name", ["api_key", "ibsso_token", "bearer_token"])
def test_infobip_header_credentials_with_control_characters_are_refused(name: str, value: str) -> None:
    credential: dict[str, Any] = {name: value}
    for cls in (InfobipClient, AsyncInfobipClient):
        with pytest.raises(InvalidArgumentError) as info:
            cls("https://ib.example", **credential)
        assert API_KEY not in str(info.value)
        assert API_KEY[:5] not in repr(info.value)
        assert name in str(info.value)


@pytest.mark.parametrize(
    "credentials",
    [
        {"username": USERNAME, "password": PASSWORD + "\n"},
        {"username": USERNAME + "\n", "password": PASSWORD},
        {"client_id": CLIENT_ID, "client_secret": CLIENT_SECRET + "\n"},
    ],
)
def test_bandwidth_credentials_with_a_newline_are_refused(credentials: dict[str, Any]) -> None:
    for cls in (BandwidthClient, AsyncBandwidthClient):
        with pytest.raises(InvalidArgumentError) as info:
            cls("9900000", **credentials)
        assert PASSWORD not in str(info.value)
        assert CLIENT_SECRET not in str(info.value)


def test_extra_headers_with_cr_lf_are_refused() -> None:
    with pytest.raises(InvalidArgumentError, match="X-Trace") as info:
        InfobipClient("https://ib.example", api_key=API_KEY, headers={"X-Trace": "a\r\nAuthorization: x"})
    assert "Authorization: x" not in str(info.value)


@pytest.mark.parametrize("token", ["tok\r\nX-Evil: 1", "tok en", "t" * 9000, 12345])
def test_a_token_endpoint_answering_a_bad_token_gets_a_token_error_that_never_echoes_it(
    token: Any, caplog: pytest.LogCaptureFixture
) -> None:
    vendor = FakeVendor(
        [
            lambda r: (
                json_response(200, {"access_token": token, "expires_in": 3600})
                if r.content == b"grant_type=client_credentials"
                else json_response(200, {"valid": True})
            )
        ]
    )
    with (
        caplog.at_level(logging.DEBUG),
        BandwidthClient("9900000", client_id=CLIENT_ID, client_secret=CLIENT_SECRET, transport=vendor.transport) as c,
        pytest.raises(OAuthTokenError, match="not a valid bearer token") as info,
    ):
        c.verify_code("+19195551234", "123456", 3)
    assert len(vendor.requests) == 1  # the API call was never sent with it
    text = str(info.value) + repr(info.value) + caplog.text
    assert "tok\r\n" not in text
    assert "X-Evil" not in text
    assert "t" * 100 not in text


# --- 4. no exception outside TwoFactorError --------------------------------------------------------------


def test_a_closed_client_raises_client_closed_error() -> None:
    vendor = FakeVendor([json_response(200, VERIFIED)])
    client = InfobipClient("https://ib.example", api_key=API_KEY, transport=vendor.transport)
    client.close()
    with pytest.raises(ClientClosedError, match="closed"):
        client.verify_2fa_phone_number("P1", "1234")
    assert vendor.requests == []


@pytest.mark.anyio
async def test_a_closed_async_client_raises_client_closed_error() -> None:
    async with AsyncInfobipClient("https://ib.example", api_key=API_KEY, transport=FakeVendor([]).transport) as c:
        pass
    with pytest.raises(ClientClosedError):
        await c.get_2fa_applications()


def test_an_async_client_works_under_a_second_event_loop() -> None:
    body = json.dumps(VERIFIED).encode()
    with hostile_server(lambda conn, request: conn.sendall(answer(200, body, "Content-Type: application/json"))) as s:
        client = AsyncInfobipClient(s.url, api_key=API_KEY, retry=NO_RETRIES)
        first = asyncio.run(client.verify_2fa_phone_number("P1", "1234"))
        second = asyncio.run(client.verify_2fa_phone_number("P1", "1234"))  # the first loop is closed now
        asyncio.run(client.aclose())
    assert first.verified
    assert second.verified


@pytest.mark.parametrize("pin_id", ["x" * 70_000, "\ud800", "a\udfffb", ".", ".."])
def test_unusable_ids_are_refused_before_sending(pin_id: str) -> None:
    vendor = FakeVendor([json_response(200, VERIFIED)])
    with InfobipClient("https://ib.example", api_key=API_KEY, transport=vendor.transport) as client:
        with pytest.raises(InvalidArgumentError, match="pin_id"):
            client.verify_2fa_phone_number(pin_id, "1234")
        with pytest.raises(InvalidArgumentError, match="msg_id"):
            client.get_2fa_message_template("A1", pin_id)
    assert vendor.requests == []


@pytest.mark.anyio
async def test_a_lone_surrogate_in_a_pin_is_an_invalid_argument() -> None:
    vendor = FakeVendor([json_response(200, VERIFIED)])
    async with AsyncInfobipClient("https://ib.example", api_key=API_KEY, transport=vendor.transport) as client:
        with pytest.raises(InvalidArgumentError, match="not valid Unicode"):
            await client.verify_2fa_phone_number("P1", "12\ud83434")
    with (
        InfobipClient("https://ib.example", api_key=API_KEY, transport=vendor.transport) as sync,
        pytest.raises(InvalidArgumentError),
    ):
        sync.send_2fa_pin_code_over_sms(TfaStartAuthenticationRequest(application_id="A", message_id="\udc00", to="1"))
    assert vendor.requests == []


# --- 5. secrets echoed back by a server are scrubbed ---------------------------------------------------


def test_an_api_key_echoed_in_an_error_body_is_scrubbed() -> None:
    echo = {"requestError": {"serviceException": {"messageId": "UNAUTHORIZED", "text": f"bad key App {API_KEY}"}}}
    vendor = FakeVendor([json_response(401, echo)])
    with (
        InfobipClient("https://ib.example", api_key=API_KEY, transport=vendor.transport) as client,
        pytest.raises(AuthenticationError) as info,
    ):
        client.get_2fa_applications()
    error = info.value
    for text in (str(error), repr(error), error.message, error.body.decode(), str(error.args)):
        assert API_KEY not in text
    assert "bad key App ***" in error.message


def test_a_client_secret_echoed_by_the_token_endpoint_is_scrubbed(caplog: pytest.LogCaptureFixture) -> None:
    basic = base64.b64encode(f"{CLIENT_ID}:{CLIENT_SECRET}".encode()).decode()
    vendor = FakeVendor(
        [json_response(400, {"error": "invalid_request", "error_description": f"{CLIENT_SECRET} / Basic {basic}"})]
    )
    with (
        caplog.at_level(logging.DEBUG),
        BandwidthClient("9900000", client_id=CLIENT_ID, client_secret=CLIENT_SECRET, transport=vendor.transport) as c,
        pytest.raises(OAuthTokenError) as info,
    ):
        c.verify_code("+19195551234", "123456", 3)
    text = str(info.value) + repr(info.value) + info.value.body.decode() + caplog.text
    assert CLIENT_SECRET not in text
    assert basic not in text


def test_a_password_echoed_in_a_bandwidth_error_is_scrubbed() -> None:
    vendor = FakeVendor([json_response(500, {"error": f"db said {PASSWORD}", "requestId": "r"})])
    with (
        BandwidthClient(
            "9900000", username=USERNAME, password=PASSWORD, transport=vendor.transport, retry=NO_RETRIES
        ) as client,
        pytest.raises(ServerError) as info,
    ):
        client.verify_code("+19195551234", "123456", 3)
    assert PASSWORD not in str(info.value)
    assert PASSWORD.encode() not in info.value.body


# --- 6. base URLs are checked ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "why"),
    [
        ("http://api.infobip.com", "plain http"),
        ("https://user:pa55word@api.example.com", "credentials"),
        ("https://api.example.com/?x=1", "query"),
        ("https://api.example.com/#top", "fragment"),
        ("not a url", "whitespace"),
        ("", "empty"),
        ("ftp://api.example.com", "http"),
        ("api.example.com", "absolute"),
    ],
)
def test_bad_base_urls_are_refused_at_construction(url: str, why: str) -> None:
    for build in (
        lambda: InfobipClient(url, api_key=API_KEY),
        lambda: AsyncInfobipClient(url, api_key=API_KEY),
        lambda: BandwidthClient("9900000", username=USERNAME, password=PASSWORD, base_url=url),
    ):
        with pytest.raises(InvalidArgumentError, match=why) as info:
            build()
        assert "pa55word" not in str(info.value)


def test_plain_http_is_allowed_to_loopback_or_when_asked() -> None:
    for url in ("http://127.0.0.1:8081", "http://localhost:8081", "http://[::1]:8081"):
        InfobipClient(url, api_key=API_KEY).close()
    InfobipClient("http://infobip.test", api_key=API_KEY, allow_insecure_http=True).close()
    with pytest.raises(InvalidArgumentError, match="token_url"):
        BandwidthClient("9900000", client_id=CLIENT_ID, client_secret=CLIENT_SECRET, token_url="http://auth.example/t")


def test_wrong_argument_types_are_refused_clearly() -> None:
    with pytest.raises(TypeError, match="timeout"):
        InfobipClient("https://ib.example", api_key=API_KEY, timeout="ten")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="sync client"):
        InfobipClient("https://ib.example", api_key=API_KEY, transport=httpx.ASGITransport(app=None))  # type: ignore[arg-type]
    with pytest.raises(InvalidArgumentError, match="base_url must be a string"):
        InfobipClient(123, api_key=API_KEY)  # type: ignore[arg-type]


# --- 7. short-lived tokens are reused, one request for many callers --------------------------------


@pytest.mark.parametrize("expires_in", [30, 1, 0, -5, "NaN", True, None, 1e308])
def test_short_or_odd_token_lifetimes_still_reuse_the_token(expires_in: Any) -> None:
    token_requests: list[int] = []
    lock = threading.Lock()

    def reply(request: httpx.Request) -> httpx.Response:
        if request.content == b"grant_type=client_credentials":
            with lock:
                token_requests.append(1)
            lifetime = float("nan") if expires_in == "NaN" else expires_in
            body = json.dumps({"access_token": "tok", "expires_in": lifetime}, allow_nan=True)
            return httpx.Response(200, content=body.encode(), headers={"Content-Type": "application/json"})
        return json_response(200, {"valid": True})

    with BandwidthClient(
        "9900000", client_id=CLIENT_ID, client_secret=CLIENT_SECRET, transport=httpx.MockTransport(reply)
    ) as client:
        now = [1000.0]
        client.auth._clock = lambda: now[0]  # type: ignore[union-attr]
        results = run_in_threads(50, lambda: client.verify_code("+19195551234", "123456", 3).verified)
        assert results == [True] * 50
        assert len(token_requests) == 1
        lifetime = client.auth._expires_at - now[0]  # type: ignore[union-attr]
        now[0] += lifetime * 0.5  # halfway through its life, the token is still used
        client.verify_code("+19195551234", "123456", 3)
        assert len(token_requests) == 1
        now[0] += lifetime  # past it: replaced once
        client.verify_code("+19195551234", "123456", 3)
        assert len(token_requests) == 2
    assert 0 < lifetime <= 86_400
    assert not math.isnan(lifetime)


# --- 9. token failures are their own error; an unsendable request is not retried --------------------


def test_token_endpoint_failure_is_a_token_error_with_its_own_status_and_body() -> None:
    vendor = FakeVendor([json_response(503, {"error": "temporarily_unavailable"})])
    with (
        BandwidthClient(
            "9900000", client_id=CLIENT_ID, client_secret=CLIENT_SECRET, transport=vendor.transport
        ) as client,
        pytest.raises(OAuthTokenError) as info,
    ):
        client.verify_code("+19195551234", "123456", 3)
    assert (info.value.status_code, info.value.code, info.value.operation) == (
        503,
        "temporarily_unavailable",
        "oauth2-token",
    )
    assert b"temporarily_unavailable" in info.value.body
    assert not isinstance(info.value, ServerError)


def test_an_unreachable_token_endpoint_is_retried_like_a_refused_connection() -> None:
    vendor = FakeVendor(
        [
            httpx.ConnectError("refused"),
            json_response(200, {"access_token": "t", "expires_in": 60}),
            json_response(200, {"messageId": "m-1"}),
        ]
    )
    sleeps = RecordedSleeps()
    with BandwidthClient(
        "9900000", client_id=CLIENT_ID, client_secret=CLIENT_SECRET, transport=vendor.transport, retry=sleeps.policy()
    ) as client:
        # The API request never left, so even a send may be repeated once the token comes.
        assert client.generate_messaging_code(CODE).message_id == "m-1"
    assert len(sleeps.waits) == 1
    assert [r.content == b"grant_type=client_credentials" for r in vendor.requests] == [True, True, False]
    unreachable = FakeVendor([httpx.ConnectError("refused")])
    with (
        BandwidthClient(
            "9900000",
            client_id=CLIENT_ID,
            client_secret=CLIENT_SECRET,
            transport=unreachable.transport,
            retry=NO_RETRIES,
        ) as client,
        pytest.raises(OAuthTokenError, match="could not be reached"),
    ):
        client.verify_code("+19195551234", "123456", 3)


def test_an_unsendable_request_is_not_retried() -> None:
    vendor = FakeVendor([httpx.LocalProtocolError("Illegal header value b'App secret-stuff\\n'")])
    with (
        InfobipClient("https://ib.example", api_key=API_KEY, transport=vendor.transport) as client,
        pytest.raises(InvalidArgumentError) as info,
    ):
        client.get_2fa_applications()
    assert len(vendor.requests) == 1
    assert "secret-stuff" not in str(info.value)
    assert info.value.__cause__ is None


def test_a_dict_where_a_model_is_expected_is_a_type_error() -> None:
    vendor = FakeVendor([json_response(200, SENT)])
    with (
        InfobipClient("https://ib.example", api_key=API_KEY, transport=vendor.transport) as client,
        pytest.raises(TypeError, match="body must be a TfaStartAuthenticationRequest, not dict"),
    ):
        client.send_2fa_pin_code_over_sms({"applicationId": "A1"})  # type: ignore[arg-type]
    assert vendor.requests == []
