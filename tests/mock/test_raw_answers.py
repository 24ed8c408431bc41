"""Exact answers at the ASGI level (status, header list in order, body bytes) for what the vendor
dispatch handles itself: other methods, unknown paths, a client that leaves, an escaping error."""

from __future__ import annotations

import asyncio
import base64
from typing import Any

import pytest
from twofa_mocks import BandwidthMock, Fault, InfobipMock
from twofa_mocks import infobip as infobip_demo
from twofa_mocks.bandwidth import DEMO_ACCOUNT, DEMO_PASSWORD, DEMO_USER
from twofa_mocks.bandwidth import _codes as bandwidth_codes
from twofa_mocks.infobip._app import OPERATIONS
from twofa_mocks.infobip._state import InfobipState

JSON = b"application/json; charset=utf-8"
ODD_METHODS = ["GET", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS", "TRACE", "QUERY", "FOO", "post"]
INFOBIP_AUTH = f"App {infobip_demo.DEMO_API_KEY}"
BANDWIDTH_AUTH = "Basic " + base64.b64encode(f"{DEMO_USER}:{DEMO_PASSWORD}".encode()).decode()
BANDWIDTH_CODE = f"/api/v1/accounts/{DEMO_ACCOUNT}/code"


def exchange(
    app: Any,
    method: str,
    path: str,
    headers: list[tuple[str, str]],
    body: bytes = b"",
    *,
    leave: bool = False,
    host: bytes = b"mock",
) -> tuple[list[dict[str, Any]], BaseException | None]:
    """Every message the app sends, and what it raised. ``leave``: the client disconnects mid-body."""
    scope = {
        "type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": method, "scheme": "http",
        "path": path, "raw_path": path.encode(), "query_string": b"", "root_path": "",
        "headers": [(b"host", host)] + [(k.lower().encode(), v.encode("latin-1")) for k, v in headers],
        "client": ("127.0.0.1", 1), "server": ("127.0.0.1", 80),
    }  # fmt: skip
    incoming: list[dict[str, Any]] = [{"type": "http.request", "body": body, "more_body": False}]
    if leave:
        incoming = [{"type": "http.request", "body": body[:1], "more_body": True}, {"type": "http.disconnect"}]
    sent: list[dict[str, Any]] = []

    async def receive() -> dict[str, Any]:
        return incoming.pop(0) if incoming else {"type": "http.disconnect"}

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    async def run() -> BaseException | None:
        try:
            await app(scope, receive, send)
        except Exception as exc:  # what the server would log
            return exc
        return None

    return sent, asyncio.run(run())


def answer(status: int, body: bytes, *extra: tuple[bytes, bytes], content_type: bytes = JSON) -> list[dict[str, Any]]:
    headers = [(b"content-length", str(len(body)).encode()), (b"content-type", content_type), *extra]
    return [
        {"type": "http.response.start", "status": status, "headers": headers},
        {"type": "http.response.body", "body": body},
    ]


def infobip_routes() -> dict[str, str]:
    """Each Infobip path (parameters filled in) -> its Allow header."""
    paths = {"/auth/1/oauth2/token": "POST"}
    for op in OPERATIONS:
        for version in op.versions:
            filled = op.path.replace("{app}", "APP").replace("{msg}", "MSG").replace("{pin}", "PIN")
            paths[f"/2fa/{version}{filled}"] = ""
    allow = {
        "/applications": "GET, POST", "/applications/APP": "GET, PUT", "/applications/APP/messages": "GET, POST",
        "/applications/APP/messages/MSG": "GET, PUT", "/applications/APP/email/messages": "POST",
        "/applications/APP/email/messages/MSG": "PUT", "/applications/APP/verifications": "GET",
        "/api-key": "POST",
    }  # fmt: skip
    for path in paths:
        if path.startswith("/2fa/"):
            paths[path] = allow.get(path[len("/2fa/1") :], "POST")
    return paths


@pytest.mark.parametrize("method", ODD_METHODS)
def test_infobip_answers_any_other_method_405_with_allow(method: str) -> None:
    mock = InfobipMock()
    body = b'{"requestError":{"serviceException":{"messageId":"METHOD_NOT_ALLOWED","text":"Method not allowed"}}}'
    for path, allow in infobip_routes().items():
        if method in allow.split(", "):
            continue
        sent, raised = exchange(mock.app, method, path, [("Authorization", INFOBIP_AUTH)])
        assert (sent, raised) == (answer(405, body, (b"allow", allow.encode())), None), f"{method} {path}"


@pytest.mark.parametrize("method", ODD_METHODS)
def test_bandwidth_answers_any_other_method_like_an_unknown_route(method: str) -> None:
    mock = BandwidthMock()
    for path in [f"{BANDWIDTH_CODE}/messaging", f"{BANDWIDTH_CODE}/voice", f"{BANDWIDTH_CODE}/verify",
                 "/api/v1/oauth2/token", "/api/v1/nowhere"]:  # fmt: skip
        sent, _ = exchange(mock.app, method, path, [("Authorization", BANDWIDTH_AUTH)])
        assert sent == answer(403, b'{"message":"Missing Authentication Token"}'), f"{method} {path}"
    mock.configure({"unknownRouteStatus": 404})
    sent, _ = exchange(mock.app, method, f"{BANDWIDTH_CODE}/verify", [])
    assert sent == answer(404, b'{"message":"Not Found"}')


@pytest.mark.parametrize("path", ["/", "/2fa", "/2fa/3/pin", "/2fa/2/pin/", "/2fa/2/pin/PIN/verify/x", "/_mock"])
def test_infobip_unknown_paths_are_404_for_every_method(path: str) -> None:
    body = b'{"requestError":{"serviceException":{"messageId":"NOT_FOUND","text":"Not found"}}}'
    for method in ["POST", *ODD_METHODS]:
        sent, _ = exchange(InfobipMock().app, method, path, [("Authorization", INFOBIP_AUTH)])
        assert sent == answer(404, body), f"{method} {path}"


# A request target with %0A has a newline in its ASGI path. Paths that reach no vendor route used to go
# to Starlette, whose patterns stop at a newline ("." does not match one) and let one end a path ("$"
# matches before it): a plain-text 404, a 307 redirect, or the control route a trailing newline hides.
NEWLINE_PATHS = [
    "/a\nb", "/2fa/2/pin\n/verify", "/x\n/", f"/api/v1/accounts/{DEMO_ACCOUNT}/code\n/verify",
    "/_mock/a\nb", "/_mock/health\n", "/_mock/health\n/", "/\n\n",
]  # fmt: skip


@pytest.mark.parametrize("path", NEWLINE_PATHS)
@pytest.mark.parametrize("vendor", ["infobip", "bandwidth"])
def test_a_path_with_a_newline_gets_the_vendors_unknown_route_answer(vendor: str, path: str) -> None:
    mock = InfobipMock() if vendor == "infobip" else BandwidthMock()
    body = (
        b'{"requestError":{"serviceException":{"messageId":"NOT_FOUND","text":"Not found"}}}'
        if vendor == "infobip"
        else b'{"message":"Missing Authentication Token"}'
    )
    status = 404 if vendor == "infobip" else 403
    for method in ["GET", "POST", "QUERY"]:
        for host in (b"mock", b"127.0.0.1"):  # the control surface's guard lets the loopback one through
            sent, raised = exchange(mock.app, method, path, [], host=host)
            assert (sent, raised) == (answer(status, body), None), f"{method} {path!r} Host {host!r}"


@pytest.mark.parametrize("vendor", ["infobip", "bandwidth"])
def test_a_client_that_leaves_mid_body_gets_nothing(vendor: str) -> None:
    mock, path, auth = (
        (InfobipMock(), "/2fa/2/pin", INFOBIP_AUTH)
        if vendor == "infobip"
        else (BandwidthMock(), f"{BANDWIDTH_CODE}/verify", BANDWIDTH_AUTH)
    )
    headers = [("Authorization", auth), ("Content-Type", "application/json")]
    assert exchange(mock.app, "POST", path, headers, b'{"to": "1"}', leave=True) == ([], None)


def test_a_dropped_connection_fault_starts_an_answer_then_aborts() -> None:
    mock = InfobipMock()
    mock.faults.add(Fault(operation="verify-2fa-phone-number", drop=True))
    sent, raised = exchange(mock.app, "POST", "/2fa/2/pin/PIN/verify", [("Authorization", INFOBIP_AUTH)], b"{}")
    assert sent == [{"type": "http.response.start", "status": 200, "headers": [(b"content-length", b"64")]}]
    assert isinstance(raised, ConnectionAbortedError)


def test_a_client_gone_before_a_fault_reads_the_body_gets_no_answer_and_raises_nothing() -> None:
    # A fault reads the whole body first, outside the handlers' own guard: the app's guard catches it.
    mock = BandwidthMock()
    mock.faults.add(Fault(operation="verifyCode", status=503))
    sent, raised = exchange(mock.app, "POST", f"{BANDWIDTH_CODE}/verify", [("Authorization", BANDWIDTH_AUTH)],
                            b"{}", leave=True)  # fmt: skip
    assert sent == []
    assert raised is None


def test_an_error_escaping_a_handler_gets_a_plain_500_and_reaches_the_server(monkeypatch: pytest.MonkeyPatch) -> None:
    async def broken(self: BandwidthMock, request: object) -> None:
        raise RuntimeError("a bug")

    monkeypatch.setattr(bandwidth_codes, "verify_code", broken)  # the operation the route calls
    mock = BandwidthMock()
    sent, raised = exchange(mock.app, "POST", f"{BANDWIDTH_CODE}/verify", [("Authorization", BANDWIDTH_AUTH)], b"{}")
    assert sent == answer(500, b"Internal Server Error", content_type=b"text/plain; charset=utf-8")
    assert isinstance(raised, RuntimeError)


def test_a_bug_in_an_infobip_handler_is_not_dressed_as_the_vendors_500(monkeypatch: pytest.MonkeyPatch) -> None:
    """A documented 500 body would let a contract run pass over a mock bug: it must surface as one."""

    def broken(self: object, app_id: str) -> None:
        raise RuntimeError("a bug")

    monkeypatch.setattr(InfobipState, "application", broken)
    sent, raised = exchange(InfobipMock().app, "GET", "/2fa/2/applications/A1", [("Authorization", INFOBIP_AUTH)])
    assert sent == answer(500, b"Internal Server Error", content_type=b"text/plain; charset=utf-8")
    assert isinstance(raised, RuntimeError)
