"""The async clients' default transport (aiohttp under httpx), against raw loopback servers.

What matters most: a failure is classified by whether the request may have left. A refused
connection is "never sent" (a send may be retried); a connection dropped after the request arrived
is not (a send is never repeated: no second SMS).
"""

from __future__ import annotations

import asyncio
import gzip
import json
import socket
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager

import aiohttp
import httpx
import pytest
from infobip_2fa_client.models import TfaStartAuthenticationRequest
from twofa_clients import APIConnectionError, APITimeoutError, AsyncInfobipClient, InfobipClient, RetryPolicy
from twofa_clients._aiohttp import AiohttpTransport, _as_httpx_error

from .fakes import RecordedSleeps

pytestmark = pytest.mark.anyio

SEND = TfaStartAuthenticationRequest(application_id="APP", message_id="MSG", to="41793026727")
SEND_ANSWER = b'{"pinId":"P1","to":"41793026727","ncStatus":"NC_DESTINATION_REACHABLE","smsStatus":"MESSAGE_SENT"}'
# The raw request -> (raw bytes to write, then hang up?).
Answer = Callable[[bytes], Awaitable[tuple[bytes, bool]]]


class RawServer:
    """A loopback HTTP/1.1 server that hands each whole request to ``answer`` and writes its bytes."""

    def __init__(self, answer: Answer) -> None:
        self.answer = answer
        self.requests: list[bytes] = []
        self.connections = 0
        self.url = ""

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.connections += 1
        try:
            while True:
                head = await reader.readuntil(b"\r\n\r\n")
                length = next(
                    (
                        int(line.split(b":")[1])
                        for line in head.split(b"\r\n")
                        if line.lower().startswith(b"content-length")
                    ),
                    0,
                )
                request = head + await reader.readexactly(length)
                self.requests.append(request)
                response, hang_up = await self.answer(request)
                writer.write(response)
                await writer.drain()
                if hang_up:
                    break
        except (asyncio.IncompleteReadError, ConnectionError):
            pass
        finally:
            writer.close()


@asynccontextmanager
async def raw_server(answer: Answer) -> AsyncIterator[RawServer]:
    server = RawServer(answer)
    listener = await asyncio.start_server(server._serve, "127.0.0.1", 0)
    server.url = f"http://127.0.0.1:{listener.sockets[0].getsockname()[1]}"
    try:
        yield server
    finally:
        listener.close()


def http_answer(status: int, body: bytes, *headers: str) -> bytes:
    lines = [f"HTTP/1.1 {status} X", f"Content-Length: {len(body)}", *headers]
    return ("\r\n".join(lines) + "\r\n\r\n").encode() + body


async def send_answer(request: bytes) -> tuple[bytes, bool]:
    return http_answer(200, SEND_ANSWER, "Content-Type: application/json"), False


def client(url: str, recorder: RecordedSleeps | None = None) -> AsyncInfobipClient:
    policy = recorder.policy() if recorder else RetryPolicy(max_retries=0)
    return AsyncInfobipClient(url, api_key="the-api-key", retry=policy)


async def test_requests_go_out_as_httpx_built_them_and_answers_come_back() -> None:
    async def gzipped(request: bytes) -> tuple[bytes, bool]:
        body = gzip.compress(SEND_ANSWER)
        return http_answer(200, body, "Content-Type: application/json", "Content-Encoding: gzip"), False

    async with raw_server(gzipped) as server, client(server.url) as infobip:
        sent = await infobip.send_2fa_pin_code_over_sms(SEND)
        again = await infobip.send_2fa_pin_code_over_sms(SEND)
        guard = infobip._generated.get_async_httpx_client()._transport
        assert isinstance(guard.inner, AiohttpTransport)  # type: ignore[attr-defined]
    assert sent.pin_id == again.pin_id == "P1"  # gzip decoded by the guard, parsed by the generated code
    head, _, body = server.requests[0].partition(b"\r\n\r\n")
    lines = head.decode().split("\r\n")
    assert lines[0] == "POST /2fa/2/pin?ncNeeded=true HTTP/1.1"
    header = {name.lower(): value.strip() for name, _, value in (line.partition(":") for line in lines[1:])}
    assert header["authorization"] == "App the-api-key"
    assert header["content-type"] == "application/json"
    assert header["user-agent"].startswith("twofa-clients/")
    assert int(header["content-length"]) == len(body)
    assert json.loads(body) == SEND.to_dict()
    assert server.connections == 1  # the second call reused the kept-alive connection


async def test_a_refused_connection_is_never_sent_so_a_send_is_retried() -> None:
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    recorder = RecordedSleeps()
    async with client(f"http://127.0.0.1:{port}", recorder) as infobip:
        with pytest.raises(APIConnectionError, match="ConnectError"):
            await infobip.send_2fa_pin_code_over_sms(SEND)
    assert len(recorder.waits) == 2  # both retries of the policy: the request never left


async def test_a_connection_dropped_after_the_request_arrived_never_repeats_a_send() -> None:
    async def hang_up(request: bytes) -> tuple[bytes, bool]:
        return b"", True

    recorder = RecordedSleeps()
    async with raw_server(hang_up) as server, client(server.url, recorder) as infobip:
        with pytest.raises(APIConnectionError, match="RemoteProtocolError"):
            await infobip.send_2fa_pin_code_over_sms(SEND)
    assert len(server.requests) == 1
    assert recorder.waits == []


async def test_an_answer_that_never_comes_is_a_timeout_and_never_repeats_a_send() -> None:
    never = asyncio.Event()

    async def silent(request: bytes) -> tuple[bytes, bool]:
        await never.wait()  # released when the test ends
        return b"", True

    recorder = RecordedSleeps()
    impatient = httpx.Timeout(5.0, read=0.05)  # a tiny real wait: the read timeout is what is tested
    async with raw_server(silent) as server:
        async with AsyncInfobipClient(server.url, api_key="k", retry=recorder.policy(), timeout=impatient) as infobip:
            with pytest.raises(APITimeoutError, match="ReadTimeout"):
                await infobip.send_2fa_pin_code_over_sms(SEND)
        never.set()
    assert len(server.requests) == 1
    assert recorder.waits == []


async def test_a_connection_dropped_mid_answer_repeats_a_read() -> None:
    answers = [
        (http_answer(200, b"[]", "Content-Type: application/json")[:-1], True),  # one byte short, then gone
        (http_answer(200, b"[]", "Content-Type: application/json"), False),
    ]

    async def serve(request: bytes) -> tuple[bytes, bool]:
        return answers.pop(0)

    recorder = RecordedSleeps()
    async with raw_server(serve) as server, client(server.url, recorder) as infobip:
        assert await infobip.get_2fa_applications() == []
    assert len(server.requests) == 2
    assert len(recorder.waits) == 1


@pytest.mark.parametrize(
    ("failure", "expected"),
    [
        (aiohttp.ConnectionTimeoutError("connect"), httpx.ConnectTimeout),
        (
            aiohttp.ClientConnectorError(
                aiohttp.client_reqrep.ConnectionKey("h", 1, False, True, None, None, None), OSError(111, "refused")
            ),
            httpx.ConnectError,
        ),
        (aiohttp.InvalidURL("nope"), httpx.UnsupportedProtocol),
        (aiohttp.SocketTimeoutError("read"), httpx.ReadTimeout),
        (aiohttp.ServerTimeoutError("any"), httpx.ReadTimeout),
        (TimeoutError(), httpx.ReadTimeout),
        (aiohttp.ServerDisconnectedError(), httpx.RemoteProtocolError),
        (aiohttp.ClientPayloadError("cut"), httpx.RemoteProtocolError),
        (aiohttp.ClientOSError(104, "reset"), httpx.ReadError),
        (aiohttp.ClientConnectionResetError("reset"), httpx.ReadError),
    ],
)
def test_aiohttp_failures_map_to_what_is_known_about_the_request(failure: Exception, expected: type) -> None:
    request = httpx.Request("POST", "http://h/2fa/2/pin")
    mapped = _as_httpx_error(failure, request)
    assert type(mapped) is expected
    assert mapped.request is request


async def test_clients_keep_a_transport_they_are_given_and_sync_clients_stay_on_httpx() -> None:
    given = httpx.MockTransport(lambda request: httpx.Response(200))
    async with AsyncInfobipClient("https://ib.example", api_key="k", transport=given) as custom:
        assert custom._generated.get_async_httpx_client()._transport.inner is given  # type: ignore[attr-defined]
    with InfobipClient("https://ib.example", api_key="k") as sync:
        assert isinstance(sync._generated.get_httpx_client()._transport.inner, httpx.HTTPTransport)  # type: ignore[attr-defined]


async def test_closing_before_any_call_and_twice_is_fine() -> None:
    transport = AiohttpTransport()
    await transport.aclose()
    async with raw_server(send_answer) as server:
        async with httpx.AsyncClient(transport=transport) as http:
            assert (await http.post(f"{server.url}/x", content=b"{}")).status_code == 200
        await transport.aclose()
