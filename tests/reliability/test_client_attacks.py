"""Attacks on the clients: stalled token endpoints, decompression bombs, drips and endless bodies, and
secrets with control characters or echoed back by a server.

The rule: every call ends, within its deadline, in a typed result or a ``TwoFactorError``; no answer
grows memory past the response limit; no secret appears in what a client raises or logs.
Figures go to ``reports/reliability.json`` (section ``client_attacks``).
"""

from __future__ import annotations

import gzip
import json
import logging
import socket
import threading
import zlib
from typing import Any

import httpx
import pytest
from hypothesis import given
from hypothesis import strategies as st
from infobip_2fa_client.models import TfaStartAuthenticationRequest
from twofa_clients import (
    NO_RETRIES,
    BandwidthClient,
    CallLimits,
    InfobipClient,
    InvalidArgumentError,
    ProtocolError,
    TwoFactorError,
)

from tests.clients.hostile import hostile_server, stall
from tests.reliability._report import COLLECTOR
from tests.reliability._settings import EXAMPLES, fuzz_settings

SECTION = "client_attacks"
API_KEY = "attack-api-key-5d1c9e"
CLIENT_ID = "attack-client"
CLIENT_SECRET = "attack-client-secret-77f0"
SEND = TfaStartAuthenticationRequest(application_id="A1", message_id="M1", to="41793026727")
LIMIT = 64 * 1024


def _outcome(call: Any) -> Any:
    """What a call gave: its result or a TwoFactorError; anything else fails the test."""
    try:
        return call()
    except TwoFactorError as exc:
        COLLECTOR.add(SECTION, "typed_errors")
        return exc
    except Exception as exc:  # pragma: no cover - the failure this suite exists to catch
        COLLECTOR.add(SECTION, "untyped_exceptions")
        raise AssertionError(f"untyped {type(exc).__name__} escaped") from exc


# --- stalled token endpoints -------------------------------------------------------------------------


@pytest.mark.parametrize("callers", [max(4, EXAMPLES // 2)])
def test_callers_behind_a_stalled_token_endpoint_all_end(callers: int) -> None:
    with hostile_server(lambda conn, request: None) as server:
        server.script = stall(server)
        client = BandwidthClient(
            "9900000",
            client_id=CLIENT_ID,
            client_secret=CLIENT_SECRET,
            base_url=f"{server.url}/api/v1",
            timeout=0.2,
            retry=NO_RETRIES,
            limits=CallLimits(deadline=0.6),
        )
        outcomes: list[Any] = []
        threads = [
            threading.Thread(target=lambda: outcomes.append(_outcome(lambda: client.verify_code("+1919", "1234", 3))))
            for _ in range(callers)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(30)
        client.close()
    assert not any(t.is_alive() for t in threads)
    assert len(outcomes) == callers
    assert all(isinstance(o, TwoFactorError) for o in outcomes)
    COLLECTOR.add(SECTION, "stalled_token_callers", callers)


# --- bombs, drips and endless bodies -------------------------------------------------------------


def _compress(data_size: int, layers: list[str]) -> bytes:
    """``data_size`` bytes of a JSON list padded with spaces, compressed by ``layers`` in order."""
    payload = b"[" + b" " * max(0, data_size - 2) + b"]"
    for layer in layers:
        payload = gzip.compress(payload) if layer == "gzip" else zlib.compress(payload)
    return payload


@given(
    size=st.integers(min_value=2, max_value=LIMIT * 64),
    layers=st.lists(st.sampled_from(["gzip", "deflate"]), min_size=0, max_size=3),
    flavour=st.sampled_from(["send", "list"]),
)
@fuzz_settings(max_examples=EXAMPLES * 2)
def test_compressed_answers_decode_within_the_limit_or_fail_typed(size: int, layers: list[str], flavour: str) -> None:
    body = _compress(size, layers)
    headers = {"Content-Type": "application/json"}
    if layers:
        headers["Content-Encoding"] = ", ".join(layers)
    vendor = httpx.MockTransport(lambda request: httpx.Response(200, stream=httpx.ByteStream(body), headers=headers))
    limits = CallLimits(max_response_bytes=LIMIT)
    with InfobipClient("https://ib.example", api_key=API_KEY, transport=vendor, limits=limits) as client:
        call = (lambda: client.send_2fa_pin_code_over_sms(SEND)) if flavour == "send" else client.get_2fa_applications
        outcome = _outcome(call)
    COLLECTOR.add(SECTION, "compressed_answers")
    if len(layers) > 2:
        assert isinstance(outcome, ProtocolError)
    elif size > LIMIT:
        assert isinstance(outcome, ProtocolError), outcome
        assert "larger than" in str(outcome)
        COLLECTOR.add(SECTION, "bombs_refused")
    elif flavour == "list":
        assert outcome == []
    else:
        assert isinstance(outcome, ProtocolError)  # an empty list is not a send answer...
        assert outcome.request_accepted  # ...but the 200 means the PIN may be on its way


def _drip(server: Any, interval: float, total: int) -> Any:
    def script(conn: socket.socket, request: bytes) -> None:
        conn.sendall(b"HTTP/1.1 200 X\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n" % total)
        for _ in range(total):
            if server.stop.wait(interval):
                return
            try:
                conn.sendall(b" ")
            except OSError:
                return

    return script


@pytest.mark.parametrize("interval", [0.02, 0.1])
def test_dripped_answers_end_at_the_deadline(interval: float) -> None:
    with hostile_server(lambda conn, request: None) as server:
        server.script = _drip(server, interval, 10_000)
        limits = CallLimits(deadline=0.4)
        with InfobipClient(server.url, api_key=API_KEY, timeout=5.0, limits=limits, retry=NO_RETRIES) as client:
            outcome = _outcome(client.get_2fa_applications)
    assert isinstance(outcome, TwoFactorError)
    assert "deadline" in str(outcome)
    COLLECTOR.add(SECTION, "drips_cut_at_deadline")


def test_an_endless_body_is_cut_at_the_limit() -> None:
    def endless(conn: socket.socket, request: bytes) -> None:
        conn.sendall(b"HTTP/1.1 200 X\r\nTransfer-Encoding: chunked\r\n\r\n")
        try:
            for _ in range(1 << 20):
                conn.sendall(b"4000\r\n" + b" " * 0x4000 + b"\r\n")
        except OSError:
            return

    with hostile_server(endless) as server:
        limits = CallLimits(max_response_bytes=LIMIT)
        with InfobipClient(server.url, api_key=API_KEY, limits=limits, retry=NO_RETRIES) as client:
            outcome = _outcome(client.get_2fa_applications)
    assert isinstance(outcome, ProtocolError)
    COLLECTOR.add(SECTION, "endless_bodies_cut")


# --- secrets with control characters, and secrets echoed back ---------------------------------------

CONTROL = st.sampled_from(["\n", "\r", "\r\n", "\x00", "\t", "\x1b", "\x7f", "\x85", " "])


@given(
    secret=st.text(alphabet=st.characters(min_codepoint=0x21, max_codepoint=0x7E), min_size=8, max_size=40),
    control=CONTROL,
    where=st.sampled_from(["end", "start", "middle"]),
    kind=st.sampled_from(["api_key", "ibsso_token", "bearer_token", "password", "client_secret"]),
)
@fuzz_settings(max_examples=EXAMPLES * 3)
def test_secrets_with_control_characters_are_refused_without_echo(
    secret: str, control: str, where: str, kind: str
) -> None:
    if where == "end":
        bad = secret + control
    elif where == "start":
        bad = control + secret
    else:
        bad = secret[:4] + control + secret[4:]
    if control == " " and where == "middle":
        bad = secret[:4] + "\x00" + secret[4:]  # an inner space is legal in a password
    try:
        if kind in ("password", "client_secret"):
            other = "username" if kind == "password" else "client_id"
            BandwidthClient("9900000", **{other: "user", kind: bad}).close()  # type: ignore[arg-type]
        else:
            InfobipClient("https://ib.example", **{kind: bad}).close()  # type: ignore[arg-type]
    except InvalidArgumentError as exc:
        text = str(exc) + repr(exc)
        assert secret not in text  # (a shorter piece could match the message's own words by chance)
    else:
        raise AssertionError(f"{kind} with {control!r} at {where} was accepted")
    COLLECTOR.add(SECTION, "bad_secrets_refused")


@given(
    status=st.sampled_from([400, 401, 403, 404, 429, 500, 502, 503]),
    shape=st.sampled_from(["infobip", "html", "text", "bandwidth"]),
    echoed=st.sampled_from(["key", "header"]),
)
@fuzz_settings(max_examples=EXAMPLES * 2)
def test_secrets_echoed_in_error_bodies_never_surface(status: int, shape: str, echoed: str) -> None:
    leak = API_KEY if echoed == "key" else f"App {API_KEY}"
    if shape == "infobip":
        body = json.dumps({"requestError": {"serviceException": {"messageId": "E", "text": f"got {leak}"}}}).encode()
    elif shape == "bandwidth":
        body = json.dumps({"error": f"got {leak}", "requestId": leak}).encode()
    elif shape == "html":
        body = f"<html><body>Authorization: {leak}</body></html>".encode()
    else:
        body = leak.encode()
    vendor = httpx.MockTransport(lambda request: httpx.Response(status, content=body))
    logger = logging.getLogger("twofa_clients")
    records: list[str] = []
    handler = logging.Handler()
    handler.emit = lambda record: records.append(record.getMessage())  # type: ignore[method-assign]
    logger.addHandler(handler)
    try:
        with InfobipClient("https://ib.example", api_key=API_KEY, transport=vendor) as client:
            outcome = _outcome(client.get_2fa_applications)
    finally:
        logger.removeHandler(handler)
    assert isinstance(outcome, TwoFactorError)
    texts = [str(outcome), repr(outcome), outcome.message, outcome.body.decode("utf-8", "replace"), *records]
    assert not any(API_KEY in text for text in texts)
    COLLECTOR.add(SECTION, "echoed_secrets_scrubbed")
