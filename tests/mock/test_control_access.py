"""Who may drive /_mock/, and what it accepts (issue 13, items 14 and 15).

A DNS-rebinding web page could read the configuration (credentials) and the outbox (live codes), and a
cross-site ``text/plain`` POST reset the mock or injected faults. /_mock/ now answers only loopback
Host names (or a configured list), control writes need a JSON Content-Type (a browser cannot send one
cross-site without a preflight the mock never grants), and an optional token guards every control
request. Every control value is checked: type, finite, within a stated range; 400 with the reason.
"""

from __future__ import annotations

import json
import math
import re
import socket
import warnings
from collections.abc import Callable
from typing import Any

import httpx
import pytest
from twofa_mocks import BandwidthMock, ControlAccess, InfobipMock
from twofa_mocks import _server as server_module
from twofa_mocks._clock import MAX_TIME

from tests.mock.test_infobip_mock import APP_KEY, TO, send, setup

pytestmark = pytest.mark.anyio
ANY_ADDRESS = "0.0.0.0"  # noqa: S104 - what the warning is about; never actually bound here


@pytest.fixture
def mock() -> InfobipMock:
    return InfobipMock(control=ControlAccess())


async def request(app: Any, method: str, path: str, host: str = "127.0.0.1:8081", **kwargs: Any) -> httpx.Response:
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url=f"http://{host}") as client:
        return await client.request(method, path, **kwargs)


# --- item 14: Host, Content-Type, token -----------------------------------------------------------


@pytest.mark.parametrize("host", ["127.0.0.1", "127.0.0.1:8081", "localhost", "LOCALHOST:1", "[::1]", "[::1]:65535"])
async def test_loopback_hosts_may_use_the_control_surface(mock: InfobipMock, host: str) -> None:
    response = await request(mock.app, "GET", "/_mock/config", host=host)
    assert response.status_code == 200
    assert "apiKeys" in response.json()


@pytest.mark.parametrize(
    "host", ["evil.example", "evil.example:8081", "127.0.0.1.evil.example", "localhost.evil.example", "10.0.0.5"]
)
@pytest.mark.parametrize("path", ["/_mock/config", "/_mock/outbox", "/_mock/clock", "/_mock/health", "/_mock/x"])
async def test_other_hosts_are_refused_on_every_control_route(mock: InfobipMock, host: str, path: str) -> None:
    """What a DNS-rebinding page sends: the attacker's host name, resolved to 127.0.0.1."""
    response = await request(mock.app, "GET", path, host=host)
    assert response.status_code == 403
    assert set(response.json()) == {"error"}
    assert "Host" in response.json()["error"]
    assert "apiKeys" not in response.text


async def test_a_missing_host_is_refused(mock: InfobipMock) -> None:
    sent: list[Any] = []
    scope = {"type": "http", "method": "GET", "path": "/_mock/config", "raw_path": b"/_mock/config",
             "root_path": "", "query_string": b"", "headers": [], "http_version": "1.0", "scheme": "http"}  # fmt: skip

    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": b""}

    async def send_(message: Any) -> None:
        sent.append(message)

    await mock.app(scope, receive, send_)
    assert sent[0]["status"] == 403


async def test_configured_hosts_are_allowed_too() -> None:
    mock = InfobipMock(control=ControlAccess(hosts=frozenset({"mock.internal"})))
    assert (await request(mock.app, "GET", "/_mock/clock", host="MOCK.internal:9")).status_code == 200
    assert (await request(mock.app, "GET", "/_mock/clock", host="127.0.0.1")).status_code == 200
    assert (await request(mock.app, "GET", "/_mock/clock", host="other.internal")).status_code == 403


async def test_vendor_routes_answer_any_host(mock: InfobipMock) -> None:
    """Tests reach the vendor routes through ASGI transports with hosts like infobip.mock."""
    response = await request(mock.app, "GET", "/2fa/2/applications", host="infobip.mock", headers={
        "Authorization": APP_KEY})  # fmt: skip
    assert response.status_code == 200


@pytest.mark.parametrize(
    "content_type",
    [None, "text/plain", "text/plain; charset=utf-8", "application/x-www-form-urlencoded", "multipart/form-data; b=x"],
)
@pytest.mark.parametrize(
    ("method", "path", "body"),
    [
        ("POST", "/_mock/reset", b""),
        ("POST", "/_mock/clock", b'{"advance": 60}'),
        ("POST", "/_mock/faults", b'{"status": 500}'),
        ("DELETE", "/_mock/faults", b""),
        ("PATCH", "/_mock/config", b'{"requirePinPlaceholder": false}'),
    ],
)
async def test_control_writes_need_a_json_content_type(
    mock: InfobipMock, method: str, path: str, body: bytes, content_type: str | None
) -> None:
    """A cross-site form or fetch() without preflight can only send these Content-Types."""
    mock.configure({"defaultEnabled": False})
    before = (mock.clock.now(), mock.config, len(mock.faults.pending()))
    headers = {} if content_type is None else {"Content-Type": content_type}
    response = await request(mock.app, method, path, content=body, headers=headers)
    assert response.status_code == 415
    assert "application/json" in response.json()["error"]
    assert (mock.clock.now(), mock.config, len(mock.faults.pending())) == before
    ok = await request(mock.app, method, path, content=body, headers={"Content-Type": "application/json"})
    assert ok.status_code == 200


async def test_a_control_token_guards_every_control_request() -> None:
    mock = BandwidthMock(control=ControlAccess(token="s3cret-control-token"))
    assert (await request(mock.app, "GET", "/_mock/health")).status_code == 401
    wrong = await request(mock.app, "GET", "/_mock/outbox", headers={"X-Mock-Control-Token": "nope"})
    assert wrong.status_code == 401
    assert "s3cret" not in wrong.text
    right = {"X-Mock-Control-Token": "s3cret-control-token"}
    assert (await request(mock.app, "GET", "/_mock/outbox", headers=right)).status_code == 200
    reset = await request(mock.app, "POST", "/_mock/reset", headers={**right, "Content-Type": "application/json"})
    assert reset.status_code == 200


def test_the_token_and_hosts_come_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TWOFA_MOCK_CONTROL_TOKEN", "from-env")
    monkeypatch.setenv("TWOFA_MOCK_CONTROL_HOSTS", "a.internal, B.internal")
    access = ControlAccess.from_environment()
    assert access.token == "from-env"
    assert access.hosts == frozenset({"a.internal", "b.internal"})
    assert "from-env" not in repr(access)
    assert InfobipMock().control == access


def test_binding_beyond_loopback_warns_loudly(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    class Stop(Exception):
        pass

    class NoBind(socket.socket):
        def bind(self, address: Any) -> None:
            self.close()
            raise Stop  # never actually listen beyond loopback in a test

    monkeypatch.setattr(socket, "socket", NoBind)
    with pytest.warns(server_module.ExposedMockWarning, match=re.escape(ANY_ADDRESS)), pytest.raises(Stop):
        server_module.run_in_thread(InfobipMock().app, host=ANY_ADDRESS)
    assert any(ANY_ADDRESS in r.getMessage() and r.levelname == "WARNING" for r in caplog.records)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with pytest.raises(Stop):
            server_module.run_in_thread(InfobipMock().app, host="127.0.0.1")
        with pytest.raises(Stop):
            server_module.run_in_thread(InfobipMock().app, host="::1")


def test_the_cli_warns_when_bound_beyond_loopback(capsys: pytest.CaptureFixture[str]) -> None:
    import twofa_mocks.__main__ as entry
    from twofa_mocks import _cli

    async def fake_serve(*_: Any, **__: Any) -> None:
        return None

    original_bind = _cli.bind

    def loopback_only(host: str, port: int, vendor: str) -> socket.socket:
        return original_bind("127.0.0.1", 0, vendor)  # the test never listens beyond loopback

    original = _cli.serve, _cli.bind
    _cli.serve, _cli.bind = fake_serve, loopback_only
    try:
        assert entry.main(["--host", ANY_ADDRESS]) == 0
        assert entry.main([]) == 0
    finally:
        _cli.serve, _cli.bind = original
    err = capsys.readouterr().err
    assert err.count("WARNING") == 1
    assert ANY_ADDRESS in err
    assert "TWOFA_MOCK_CONTROL_TOKEN" in err


# --- item 15: bad control values ------------------------------------------------------------------

JSON = {"Content-Type": "application/json"}
BAD_CLOCK = [
    b'{"advance": "nan"}', b'{"advance": "inf"}', b'{"advance": 1e999}', b'{"advance": 1e308}', b'{"advance": -1}',
    b'{"advance": "60"}', b'{"advance": true}', b'{"advance": null}', b'{"frozen": "false"}', b'{"frozen": 0}',
    b'{"frozen": null}', b'{"speed": 2}', b"[]", b'{"advance": 4000000000}',
]  # fmt: skip
BAD_FAULTS = [
    b'{"latency": 1e999}', b'{"latency": 1e308}', b'{"latency": "inf"}', b'{"latency": -1}', b'{"latency": 3600}',
    b'{"status": "503"}', b'{"status": 503.0}', b'{"status": 418}', b'{"status": true}',
    b'{"status": 503, "retryAfter": 1e999}', b'{"status": 503, "retryAfter": -5}',
    b'{"status": 503, "count": 0}', b'{"status": 503, "count": 1.5}', b'{"status": 503, "count": 1000000000}',
    b'{"status": 503, "count": true}', b'{"drop": "false"}', b'{"drop": 1}', b'{"operation": 5, "status": 503}',
    b'{"operation": "no-such-operation", "status": 503}', b'{}', b'{"latency": 0}',
]  # fmt: skip
BAD_CONFIG = [
    b'{"tokenTtlSeconds": 1e999}', b'{"tokenTtlSeconds": 100000000000}', b'{"tokenTtlSeconds": -1}',
    b'{"expiredPinRetentionSeconds": 1e999}', b'{"recordRetentionSeconds": -1}', b'{"maxPins": 0}',
    b'{"maxPins": 1e999}', b'{"maxPins": 1000000000000}', b'{"maxPinLength": 1000000}', b'{"defaultPinLength": 0}',
    b'{"ibssoIdleTimeoutSeconds": 1e999}', b'{"requirePinPlaceholder": "false"}', b'{"unauthorizedText": 5}',
    b'{"unauthorizedText": "' + b"x" * 2000 + b'"}', b'{"maxPins": 1' + b"0" * 400 + b"}",
]  # fmt: skip


async def post_json(mock: Any, method: str, path: str, body: bytes) -> httpx.Response:
    return await request(mock.app, method, path, content=body, headers=JSON)


@pytest.mark.parametrize("body", BAD_CLOCK)
async def test_bad_clock_values_are_refused_with_the_reason(mock: InfobipMock, body: bytes) -> None:
    before = mock.clock.now(), mock.clock.frozen
    response = await post_json(mock, "POST", "/_mock/clock", body)
    assert response.status_code == 400, body
    assert response.json()["error"], body
    assert (mock.clock.now(), mock.clock.frozen) == before
    assert math.isfinite(mock.clock.now())


@pytest.mark.parametrize("body", BAD_FAULTS)
async def test_bad_fault_values_are_refused_with_the_reason(mock: InfobipMock, body: bytes) -> None:
    response = await post_json(mock, "POST", "/_mock/faults", body)
    assert response.status_code == 400, body
    assert response.json()["error"], body
    assert mock.faults.pending() == []


@pytest.mark.parametrize("body", BAD_CONFIG)
async def test_bad_config_values_are_refused_with_the_reason(mock: InfobipMock, body: bytes) -> None:
    response = await post_json(mock, "PATCH", "/_mock/config", body)
    assert response.status_code == 400, body
    assert response.json()["error"], body
    assert mock.config == mock.initial_config


async def test_bad_bandwidth_config_values_are_refused() -> None:
    mock = BandwidthMock(control=ControlAccess())
    for body in (b'{"lockoutSeconds": 1e999}', b'{"lockoutSeconds": -1}', b'{"lockoutThreshold": 0}',
                 b'{"tokenTtlSeconds": 0}', b'{"unknownRouteStatus": 500}', b'{"maxLiveCodesPerNumber": 0}',
                 b'{"applicationName": ' + json.dumps("n" * 5000).encode() + b"}"):  # fmt: skip
        response = await post_json(mock, "PATCH", "/_mock/config", body)
        assert response.status_code == 400, body
    assert mock.config == mock.initial_config


async def test_after_every_bad_value_the_mock_works_and_reset_fixes_anything_left(mock: InfobipMock) -> None:
    for body in BAD_CLOCK:
        await post_json(mock, "POST", "/_mock/clock", body)
    for body in BAD_FAULTS:
        await post_json(mock, "POST", "/_mock/faults", body)
    for body in BAD_CONFIG:
        await post_json(mock, "PATCH", "/_mock/config", body)
    # The furthest the clock may go: 100 years at a time, up to the end of year 9999.
    while MAX_TIME - mock.clock.now() > 3_155_760_000:
        assert (await post_json(mock, "POST", "/_mock/clock", b'{"advance": 3155760000}')).status_code == 200
    assert (await post_json(mock, "POST", "/_mock/clock", b'{"advance": 3155760000}')).status_code == 400
    transport = httpx.ASGITransport(app=mock.app)
    async with httpx.AsyncClient(transport=transport, base_url="http://infobip.mock",
                                 headers={"Authorization": APP_KEY}) as client:  # fmt: skip
        app_id, msg_id = await setup(client)
        assert (await send(client, app_id, msg_id))[0] == 200  # works at the end of time too
        assert (await post_json(mock, "POST", "/_mock/reset", b"")).status_code == 200
        assert mock.clock.now() < MAX_TIME / 2  # reset brings the clock back to the wall clock
        app_id, msg_id = await setup(client)
        assert (await send(client, app_id, msg_id))[0] == 200
    assert mock.outbox.last(TO) is not None


def test_the_python_api_refuses_the_same_values() -> None:
    from twofa_mocks import Fault, MockClock

    clock = MockClock()
    for bad in (math.nan, math.inf, -1.0, 1e308):
        with pytest.raises(ValueError, match="advance"):
            clock.advance(bad)
    makers: list[Callable[[], Fault]] = [
        lambda: Fault(latency=math.inf),
        lambda: Fault(latency=math.nan),
        lambda: Fault(status=503, retry_after=math.nan),
    ]
    for make in makers:
        with pytest.raises(ValueError, match=r"latency|retryAfter"):
            make()
