"""Mock input fuzzing: no input makes either mock answer 5xx, and every error is in the vendor's
exact shape.

Two sources of bad input: schemathesis in negative mode (coverage and fuzzing phases) on every
operation of both specs, in-process, checked with not_a_server_error and
response_schema_conformance plus the exact-shape check of ``_shapes.py``; and a table of raw
malformed HTTP requests (invalid JSON and UTF-8, wrong and duplicate Content-Types, 1 MiB bodies,
deep nesting, giant numbers, missing, garbled or duplicate Authorization headers, junk in paths and
query strings, wrong methods) sent to every route of both mocks, token endpoints included. Framing
errors below HTTP (a broken request line, a short body) are answered by the HTTP server before any
vendor code runs: they must not produce a 5xx or take the server down.
"""

from __future__ import annotations

import asyncio
import base64
import json
import logging
import re
import socket
from collections.abc import Callable
from typing import Any

import httpx
import pytest
import schemathesis
from schemathesis import Case, GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import response_schema_conformance
from schemathesis.specs.openapi.schemas import OpenApiSchema
from twofa_mocks import BandwidthMock, InfobipMock, run_in_thread
from twofa_mocks import infobip as infobip_demo
from twofa_mocks.bandwidth import DEMO_ACCOUNT, DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, DEMO_PASSWORD, DEMO_USER

from tests import specdoc
from tests.reliability._report import COLLECTOR
from tests.reliability._settings import MOCK_FUZZ_EXAMPLES, SOAK
from tests.reliability._shapes import BANDWIDTH_TOKEN_PATH, INFOBIP_TOKEN_PATH, error_problem

SECTION = "mock_fuzz"
SPEC_DIR = specdoc.SPEC_DIR
MIB = 1024 * 1024


def basic(user: str, password: str) -> str:
    return "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()


INFOBIP_AUTH = f"App {infobip_demo.DEMO_API_KEY}"
BANDWIDTH_AUTH = basic(DEMO_USER, DEMO_PASSWORD)
INFOBIP_MOCK = InfobipMock()
BANDWIDTH_MOCK = BandwidthMock()


def load(spec_file: str, mock: Any, base_url: str, headers: dict[str, str], **parameters: str) -> OpenApiSchema:
    schema = schemathesis.openapi.from_path(SPEC_DIR / spec_file)
    schema.app = mock.app
    schema.config.update(base_url=base_url, headers=headers, parameters=parameters or None)
    schema.config.generation.update(modes=[GenerationMode.NEGATIVE], max_examples=MOCK_FUZZ_EXAMPLES)
    # CI: the coverage phase (deterministic negative cases: every constraint broken on its own). Soak:
    # random negative fuzzing on top.
    schema.config.phases.update(phases=["coverage", "fuzzing"] if SOAK else ["coverage"])
    return schema


INFOBIP_SCHEMA = load("infobip-2fa.yaml", INFOBIP_MOCK, "http://infobip.mock", {"Authorization": INFOBIP_AUTH})
BANDWIDTH_SCHEMA = load(
    "bandwidth-mfa.yaml",
    BANDWIDTH_MOCK,
    "http://bandwidth.mock/api/v1",
    {"Authorization": BANDWIDTH_AUTH},
    **{"path.accountId": DEMO_ACCOUNT},
)


def zero_counters() -> None:
    """The figures the suite exists to keep at zero, present in the report even when they are."""
    COLLECTOR.add(SECTION, "server_errors", 0)
    COLLECTOR.add(SECTION, "shape_violations", 0)


def check_case(vendor: str, case: Case[Any]) -> None:
    zero_counters()
    response = case.call()
    COLLECTOR.add(SECTION, "schemathesis_cases")
    COLLECTOR.add(SECTION, f"schemathesis_cases_{vendor}")
    if response.status_code >= 500:
        COLLECTOR.add(SECTION, "server_errors")
    case.validate_response(response, checks=[not_a_server_error, response_schema_conformance])
    if response.status_code >= 400:
        content_type = (response.headers.get("content-type") or [""])[0]
        path = httpx.URL(str(response.request.url)).path
        problem = error_problem(vendor, response.status_code, content_type, response.content, path)
        if problem:
            COLLECTOR.add(SECTION, "shape_violations")
        assert problem is None, f"{response.request.method} {response.request.url}: {problem}"


@INFOBIP_SCHEMA.parametrize()
def test_infobip_mock_under_schemathesis_negative_mode(case: Case[Any]) -> None:
    check_case("infobip", case)


@BANDWIDTH_SCHEMA.parametrize()
def test_bandwidth_mock_under_schemathesis_negative_mode(case: Case[Any]) -> None:
    check_case("bandwidth", case)


# --- raw malformed HTTP ----------------------------------------------------------------------------


def routes(vendor: str) -> list[tuple[str, str, Any]]:
    """(method, concrete path, example request body or None) for every vendor route, token endpoint included."""
    doc = specdoc.load("infobip-2fa.yaml" if vendor == "infobip" else "bandwidth-mfa.yaml")
    values = {"accountId": DEMO_ACCOUNT, "appId": "APP", "msgId": "MSG", "pinId": "PIN", "applicationId": "APP",
              "messageId": "MSG"}  # fmt: skip
    prefix = "" if vendor == "infobip" else "/api/v1"
    found = []
    for method, path, op, _ in specdoc.operations(doc):
        concrete = prefix + re.sub(r"\{(\w+)\}", lambda m: values.get(m.group(1), "X"), path)
        examples = specdoc.examples_at(doc, op["operationId"], None)
        found.append((method.upper(), concrete, examples[0] if examples else None))
    token = INFOBIP_TOKEN_PATH if vendor == "infobip" else BANDWIDTH_TOKEN_PATH
    found.append(("POST", token, None))
    return found


Request = dict[str, Any]  # keyword arguments of httpx.AsyncClient.request, plus "path"
JSON = [("Content-Type", "application/json")]


def _with_body(content: bytes, content_type: str | None = "application/json") -> Callable[[Request], Request]:
    def build(base: Request) -> Request:
        headers = [(k, v) for k, v in base["headers"] if k.lower() != "content-type"]
        if content_type is not None:
            headers.append(("Content-Type", content_type))
        return {**base, "content": content, "headers": headers}

    return build


def _with_headers(change: Callable[[list[tuple[str, str]]], list[tuple[str, str]]]) -> Callable[[Request], Request]:
    return lambda base: {**base, "headers": change(list(base["headers"]))}


def _auth(value: str | None, extra: str | None = None) -> Callable[[Request], Request]:
    def change(headers: list[tuple[str, str]]) -> list[tuple[str, str]]:
        kept = [(k, v) for k, v in headers if k.lower() != "authorization"]
        added = [("Authorization", v) for v in (value, extra) if v is not None]
        return kept + added

    return _with_headers(change)


def _path(transform: Callable[[str], str]) -> Callable[[Request], Request]:
    return lambda base: {**base, "path": transform(base["path"])}


def _nested(depth: int) -> bytes:
    return b'{"a":' * depth + b"1" + b"}" * depth


MALFORMED: dict[str, Callable[[Request], Request]] = {
    "invalid JSON": _with_body(b'{"to": "41793026727",'),
    "truncated JSON": _with_body(b'{"applicationId": "APP", "messageId'),
    "JSON array": _with_body(b"[1, 2, 3]"),
    "JSON string": _with_body(b'"just a string"'),
    "JSON null": _with_body(b"null"),
    "JSON number": _with_body(b"42"),
    "NaN and Infinity": _with_body(b'{"to": NaN, "digits": Infinity, "pinAttempts": -Infinity}'),
    "duplicate keys": _with_body(b'{"to": "41793026727", "to": 41793026727, "code": "1", "code": ["1"]}'),
    "giant number": _with_body(b'{"digits": ' + b"9" * 5000 + b', "pinAttempts": 1e999}'),
    "invalid UTF-8": _with_body(b'{"to": "\xff\xfe\xc3\x28", "message": "\xed\xa0\x80"}'),
    "UTF-16 JSON": _with_body(json.dumps({"to": "41793026727"}).encode("utf-16")),
    "lone surrogate escape": _with_body(b'{"to": "\\ud800", "code": "\\udfff1234"}'),
    "BOM then JSON": _with_body(b'\xef\xbb\xbf{"to": "41793026727"}'),
    "NUL bytes": _with_body(b'{"to": "4179\x00", "code": "\\u0000"}'),
    "1 MiB JSON body": _with_body(json.dumps({"to": "41793026727", "pad": "x" * MIB}).encode()),
    "1 MiB without Content-Type": _with_body(b"[" * MIB, None),
    "deep nesting (arrays)": _with_body(b"[" * 200_000 + b"]" * 200_000),
    "deep nesting (objects)": _with_body(_nested(5_000)),
    "empty body": _with_body(b""),
    "whitespace body": _with_body(b" \r\n\t "),
    "text/xml": _with_body(b"<code><to>41793026727</to></code>", "text/xml"),
    "form-encoded": _with_body(b"to=41793026727&code=1234", "application/x-www-form-urlencoded"),
    "multipart": _with_body(
        b"--b\r\nContent-Disposition: form-data; name=to\r\n\r\n1\r\n--b--", "multipart/form-data; boundary=b"
    ),
    "garbage Content-Type": _with_body(b'{"to": "41793026727"}', "\x7f;;;=== charset=\"\""),
    "charset latin-1 with non-UTF-8": _with_body(b'{"to": "\xe9\xe9"}', "application/json; charset=latin-1"),
    "duplicate Content-Type": _with_headers(
        lambda h: [*h, ("Content-Type", "application/json"), ("Content-Type", "text/plain")]
    ),
    "missing Authorization": _auth(None),
    "empty Authorization": _auth(""),
    "scheme only": _auth("App"),
    "garbled Basic": _auth("Basic !!!not-base64!!!"),
    "Basic without colon": _auth("Basic " + base64.b64encode(b"no-colon-here").decode()),
    "Basic with invalid UTF-8": _auth("Basic " + base64.b64encode(b"\xff\xfe:\xff").decode()),
    "unknown scheme": _auth("Digest username=x"),
    "huge Bearer": _auth("Bearer " + "A" * 60_000),
    "lower-case scheme": _auth("app " + infobip_demo.DEMO_API_KEY),
    "duplicate Authorization": lambda base: _auth(base["auth"], "App wrong-key")(base),
    "junk query string": _path(lambda p: p + "?%ZZ=%FF&ncNeeded=maybe&verified=perhaps&msisdn=&msisdn=1&&=&"),
    "percent-encoded junk in path": _path(lambda p: p.replace("APP", "%FF%FE..%2F..").replace("PIN", "%00")),
    "10 KiB path segment": _path(lambda p: p.replace("APP", "A" * 10_240).replace("PIN", "P" * 10_240)),
    "unicode path segment": _path(lambda p: p.replace("APP", "%E2%98%83%F0%9F%94%A5").replace("PIN", "%C3%A9")),
    "trailing slash": _path(lambda p: p + "/"),
    "double slash": _path(lambda p: p.replace("/", "//", 2)),
}  # fmt: skip
WRONG_METHODS = ["PATCH", "DELETE", "OPTIONS", "HEAD", "TRACE", "PUT", "GET", "POST", "QUERY", "FOO"]


async def _send(app: Any, request: Request) -> httpx.Response:
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://mock") as client:
        return await client.request(
            request["method"], request["path"], headers=request["headers"], content=request.get("content")
        )


def _base(vendor: str, method: str, path: str, example: Any) -> Request:
    if path in (INFOBIP_TOKEN_PATH, BANDWIDTH_TOKEN_PATH):
        client_id, secret = (
            (infobip_demo.DEMO_CLIENT_ID, infobip_demo.DEMO_CLIENT_SECRET)
            if vendor == "infobip"
            else (DEMO_CLIENT_ID, DEMO_CLIENT_SECRET)
        )
        auth = basic(client_id, secret)
        headers = [("Content-Type", "application/x-www-form-urlencoded"), ("Authorization", auth)]
        return {"method": method, "path": path, "headers": headers, "content": b"grant_type=client_credentials",
                "auth": auth}  # fmt: skip
    auth = INFOBIP_AUTH if vendor == "infobip" else BANDWIDTH_AUTH
    if path == "/2fa/1/api-key":
        auth = basic(infobip_demo.DEMO_USER, infobip_demo.DEMO_PASSWORD)
    content = json.dumps(example).encode() if example is not None else None
    return {"method": method, "path": path, "headers": [*JSON, ("Authorization", auth)], "content": content,
            "auth": auth}  # fmt: skip


def _check_answer(vendor: str, label: str, request: Request, response: httpx.Response) -> list[str]:
    zero_counters()
    COLLECTOR.add(SECTION, "raw_requests")
    COLLECTOR.add(SECTION, f"raw_requests_{vendor}")
    where = f"{vendor} {request['method']} {request['path'][:80]} [{label}]"
    if response.status_code >= 500:
        COLLECTOR.add(SECTION, "server_errors")
        return [f"{where}: {response.status_code} {response.content[:200]!r}"]
    if response.status_code >= 400:
        path = request["path"].split("?")[0]
        content_type = response.headers.get("content-type", "")
        problem = error_problem(vendor, response.status_code, content_type, response.content, path)
        if request["method"] == "HEAD" and not response.content:
            problem = None  # a HEAD answer has no body by definition
        if problem:
            COLLECTOR.add(SECTION, "shape_violations")
            return [f"{where}: {problem}"]
    return []


@pytest.mark.parametrize("vendor", ["infobip", "bandwidth"])
def test_raw_malformed_requests_on_every_route(vendor: str) -> None:
    mock = InfobipMock() if vendor == "infobip" else BandwidthMock()
    problems: list[str] = []

    async def run() -> None:
        for method, path, example in routes(vendor):
            base = _base(vendor, method, path, example)
            for label, build in MALFORMED.items():
                request = build(base)
                problems.extend(_check_answer(vendor, label, request, await _send(mock.app, request)))
            for wrong in WRONG_METHODS:
                if wrong != method:
                    request = {**base, "method": wrong}
                    problems.extend(_check_answer(vendor, f"method {wrong}", request, await _send(mock.app, request)))

    asyncio.run(run())
    assert not problems, "\n".join(problems[:40])


# --- below HTTP: framing errors over a real socket -----------------------------------------------

FRAMING = {
    "garbage request line": b"\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03 not http at all\r\n\r\n",
    "HTTP/0.9 request": b"GET /\r\n\r\n",
    "unknown HTTP version": b"POST /2fa/2/pin HTTP/7.3\r\nHost: x\r\n\r\n",
    "header without colon": b"POST /2fa/2/pin HTTP/1.1\r\nHost: x\r\nthis is not a header\r\n\r\n",
    "non-ASCII request target": b"POST /2fa/2/\xff\xfe HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n",
    "bad Content-Length": b"POST /2fa/2/pin HTTP/1.1\r\nHost: x\r\nContent-Length: banana\r\n\r\n",
    "two Content-Lengths": b"POST /2fa/2/pin HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\nContent-Length: 9\r\n\r\n{}",
    "broken chunked body": (
        b"POST /2fa/2/pin HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nZZ\r\n{}\r\n0\r\n\r\n"
    ),
    "64 KiB header": b"GET /_mock/health HTTP/1.1\r\nHost: x\r\nX-Big: " + b"a" * 65_536 + b"\r\n\r\n",
    "body shorter than Content-Length": (
        b"POST /2fa/2/pin HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 500\r\n"
        + f"Authorization: {INFOBIP_AUTH}\r\n\r\n".encode() + b'{"to"'
    ),
    "Bandwidth body shorter than Content-Length": (
        f"POST /api/v1/accounts/{DEMO_ACCOUNT}/code/verify HTTP/1.1\r\nHost: x\r\nContent-Length: 500\r\n".encode()
        + f"Authorization: {BANDWIDTH_AUTH}\r\nContent-Type: application/json\r\n\r\n".encode() + b'{"to"'
    ),
}  # fmt: skip


class ErrorLog(logging.Handler):
    """ERROR records of the mock and of uvicorn (whose loggers do not propagate to the root).

    One uvicorn record is not ours: when h11 rejects a body mid-request (a broken chunk), uvicorn
    answers 400 itself while the app is still running, and logs the app's own answer as refused by
    h11 (LocalProtocolError). The client gets uvicorn's 400 either way.
    """

    LOGGERS = ("", "uvicorn", "uvicorn.error", "twofa_mocks")

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        exc = record.exc_info[1] if record.exc_info else None
        if not (exc is not None and type(exc).__module__.startswith("h11") and "MUST_CLOSE" in str(exc)):
            self.records.append(record)

    def __enter__(self) -> ErrorLog:
        for name in self.LOGGERS:
            logging.getLogger(name).addHandler(self)
        return self

    def __exit__(self, *exc: object) -> None:
        for name in self.LOGGERS:
            logging.getLogger(name).removeHandler(self)


def _raw_exchange(host: str, port: int, payload: bytes) -> bytes:
    with socket.create_connection((host, port), timeout=5) as sock:
        sock.sendall(payload)
        sock.shutdown(socket.SHUT_WR)  # the client is done: a short body stays short
        chunks = []
        try:
            while chunk := sock.recv(65_536):
                chunks.append(chunk)
        except (ConnectionResetError, TimeoutError):
            pass
    return b"".join(chunks)


@pytest.mark.parametrize("mock_class", [InfobipMock, BandwidthMock])
def test_framing_errors_never_5xx_and_the_server_survives(mock_class: type[InfobipMock] | type[BandwidthMock]) -> None:
    mock = mock_class()
    errors = ErrorLog()
    with errors, run_in_thread(mock.app) as server:
        for label, payload in FRAMING.items():
            answer = _raw_exchange(server.host, server.port, payload)
            COLLECTOR.add(SECTION, "raw_framing_requests")
            status_line = answer.split(b"\r\n", 1)[0]
            match = re.match(rb"HTTP/1\.[01] (\d{3})", status_line)
            if match and int(match.group(1)) >= 500:
                COLLECTOR.add(SECTION, "server_errors")
            assert not (match and int(match.group(1)) >= 500), f"{label}: {status_line!r}"
            assert httpx.get(f"{server.url}/_mock/health").json() == {"status": "ok"}, label
    assert not errors.records, [f"{r.name}: {r.getMessage()}" for r in errors.records]
