"""Raw sockets against the threaded server: slow clients and unusual request targets (issue 13, items 16, 17).

Half-sent requests never timed out: 306 of them, against a descriptor limit of 256, stopped the mock
from answering. Now a request's headers must arrive within ``header_timeout`` of its first byte (or of
the connection), its body within ``body_timeout`` of its headers, and connections past
``max_connections`` are closed as they arrive. The timeouts here are short so the tests are fast; the
waits are for the server to close, never sleeps.
"""

from __future__ import annotations

import json
import logging
import re
import select
import socket
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from twofa_mocks import BandwidthMock, InfobipMock, RunningServer, run_in_thread
from twofa_mocks import infobip as infobip_demo

SHORT = 0.3  # seconds: header and body timeouts of the servers under test
WAIT = 10.0  # the longest a test waits for the server to act (generous: the machine is shared)


@contextmanager
def server(mock: InfobipMock | BandwidthMock | None = None, **limits: float) -> Iterator[RunningServer]:
    settings = {"header_timeout": SHORT, "body_timeout": SHORT, **limits}
    with run_in_thread((mock or InfobipMock()).app, **settings) as running:  # type: ignore[arg-type]
        yield running


def connect(running: RunningServer) -> socket.socket:
    return socket.create_connection((running.host, running.port), timeout=WAIT)


def closed_by_server(sock: socket.socket, timeout: float = WAIT) -> bytes | None:
    """What the server sent before closing the connection, or None if it is still open after ``timeout``."""
    received = b""
    sock.settimeout(timeout)
    try:
        while chunk := sock.recv(65_536):
            received += chunk
    except TimeoutError:
        return None
    except ConnectionResetError:
        pass
    return received


def health(running: RunningServer) -> bytes:
    with connect(running) as sock:
        sock.sendall(b"GET /_mock/health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
        return closed_by_server(sock) or b""


def test_headers_that_never_finish_are_cut_off() -> None:
    with server() as running, connect(running) as sock:
        sock.sendall(b"POST /2fa/2/pin HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ")
        answer = closed_by_server(sock)
        assert answer is not None, "the half-sent request was never cut off"
        assert answer == b"" or answer.startswith(b"HTTP/1.1 408")
        assert b'{"status":"ok"}' in health(running)


def test_a_connection_that_sends_nothing_is_cut_off() -> None:
    with server() as running, connect(running) as sock:
        assert closed_by_server(sock) is not None


def test_dripping_headers_does_not_extend_the_deadline() -> None:
    """One byte at a time, each well within the timeout: the deadline counts from the first byte."""
    request = b"GET /_mock/health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Drip: " + b"a" * 10_000
    with server() as running, connect(running) as sock:
        for sent, byte in enumerate(request):  # noqa: B007 - `sent` is read after the loop
            try:
                sock.sendall(bytes([byte]))
            except (BrokenPipeError, ConnectionResetError):
                break
            readable, _, _ = select.select([sock], [], [], SHORT / 6)
            if readable and closed_by_server(sock) is not None:
                break
        else:
            pytest.fail("the server waited for a dripped request to its end")
        assert sent < len(request) / 2


def test_a_body_that_never_finishes_is_cut_off_without_an_error(caplog: pytest.LogCaptureFixture) -> None:
    headers = (
        "POST /2fa/2/pin HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
        f"Authorization: App {infobip_demo.DEMO_API_KEY}\r\nContent-Length: 500\r\n\r\n"
    ).encode()
    mock = InfobipMock()
    with caplog.at_level(logging.DEBUG), server(mock) as running, connect(running) as sock:
        sock.sendall(headers + b'{"to": "41793026727"')
        answer = closed_by_server(sock)
        assert answer is not None, "the half-sent body was never cut off"
        assert b"HTTP/1.1 2" not in answer
    assert mock.outbox.total == 0
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]


def test_a_complete_request_on_a_slow_link_still_works() -> None:
    """The deadlines are per request: an idle keep-alive connection has only keep-alive's 65 s, and the
    next request on it gets its own deadline."""
    with server() as running, connect(running) as sock:
        for request in range(2):
            sock.sendall(b"GET /_mock/health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
            data = b""
            while not data.endswith(b'{"status":"ok"}'):
                data += sock.recv(4096)
            if request == 0:
                readable, _, _ = select.select([sock], [], [], SHORT * 1.5)  # idle past a header deadline
                assert not readable


def test_connections_past_the_limit_are_closed_and_the_server_recovers() -> None:
    # A long header timeout here: the held connections stay, so only the limit can close the extra one.
    with server(max_connections=5, header_timeout=120) as running:
        held = [connect(running) for _ in range(5)]
        for sock in held:
            sock.sendall(b"GET /_mock/health HTTP/1.1\r\nHost: 127.0.0.1\r\n")  # and never finish
        with connect(running) as extra:
            assert closed_by_server(extra) == b""  # closed as it arrived, long before any deadline
        for sock in held:
            sock.close()
        for _ in range(100):  # the server sees the closes a moment later
            if b'{"status":"ok"}' in health(running):
                break
        else:
            pytest.fail("the server did not recover after the held connections closed")


def test_the_defaults_are_stated() -> None:
    with run_in_thread(BandwidthMock().app) as running:
        protocol = running._server.config.http
        assert (protocol.header_timeout, protocol.body_timeout) == (10.0, 10.0)  # type: ignore[union-attr]
        assert protocol.max_connections == 1000  # type: ignore[union-attr]


# --- item 17: unusual request targets ---------------------------------------------------------------

TARGETS = {
    "absolute-form": b"GET http://127.0.0.1/2fa/2/applications HTTP/1.1\r\nHost: 127.0.0.1\r\n",
    "absolute-form control": b"GET http://127.0.0.1/_mock/config HTTP/1.1\r\nHost: 127.0.0.1\r\n",
    "asterisk": b"OPTIONS * HTTP/1.1\r\nHost: 127.0.0.1\r\n",
    "CONNECT": b"CONNECT 127.0.0.1:443 HTTP/1.1\r\nHost: 127.0.0.1:443\r\n",
}


def answer_to(running: RunningServer, head: bytes) -> tuple[int, bytes, bytes]:
    with connect(running) as sock:
        sock.sendall(head + b"Connection: close\r\n\r\n")
        raw = closed_by_server(sock) or b""
    head_part, _, body = raw.partition(b"\r\n\r\n")
    match = re.match(rb"HTTP/1\.1 (\d{3})", head_part)
    assert match, raw[:200]
    content_type = re.search(rb"(?im)^content-type: *(.+?)\r?$", head_part)
    return int(match.group(1)), content_type.group(1) if content_type else b"", body


@pytest.fixture(scope="module")
def infobip_server() -> Iterator[RunningServer]:
    with server() as running:
        yield running


@pytest.fixture(scope="module")
def bandwidth_server() -> Iterator[RunningServer]:
    with server(BandwidthMock()) as running:
        yield running


@pytest.mark.parametrize("label", sorted(TARGETS))
def test_unusual_targets_get_the_infobip_error_shape(infobip_server: RunningServer, label: str) -> None:
    status, content_type, body = answer_to(infobip_server, TARGETS[label])
    assert status == 404
    assert content_type == b"application/json; charset=utf-8"
    assert json.loads(body) == {"requestError": {"serviceException": {"messageId": "NOT_FOUND", "text": "Not found"}}}


@pytest.mark.parametrize("label", sorted(TARGETS))
def test_unusual_targets_get_the_bandwidth_error_shape(bandwidth_server: RunningServer, label: str) -> None:
    status, _, body = answer_to(bandwidth_server, TARGETS[label])
    assert (status, json.loads(body)) == (403, {"message": "Missing Authentication Token"})
