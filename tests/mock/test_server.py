"""Running a mock over real HTTP: loopback by default, free port, faults that only a socket can show."""

from __future__ import annotations

import base64
import json

import httpx
import pytest
from twofa_mocks import BandwidthMock, Fault, run_in_thread
from twofa_mocks.bandwidth import DEMO_ACCOUNT, DEMO_PASSWORD, DEMO_USER

AUTH = {"Authorization": "Basic " + base64.b64encode(f"{DEMO_USER}:{DEMO_PASSWORD}".encode()).decode()}
VERIFY = f"/api/v1/accounts/{DEMO_ACCOUNT}/code/verify"
BODY = {"to": "+19195551234", "expirationTimeInMinutes": 3, "code": "1234"}


def test_binds_loopback_on_a_free_port_and_serves_its_spec() -> None:
    with run_in_thread(BandwidthMock().app) as server:
        assert server.host == "127.0.0.1"
        assert server.port > 0
        response = httpx.get(f"{server.url}/_mock/openapi.yaml")
        assert response.text.startswith("openapi: 3.1.0")
        assert httpx.get(f"{server.url}/_mock/health").json() == {"status": "ok"}


def test_an_encoded_newline_in_the_path_gets_the_vendors_answer() -> None:
    # uvicorn decodes %0A into the ASGI path; Starlette answered such paths in plain text.
    with run_in_thread(BandwidthMock().app) as server, httpx.Client(base_url=server.url) as client:
        for path in ("/a%0Ab", "/_mock/health%0A", f"/api/v1/accounts/{DEMO_ACCOUNT}/code%0A/verify"):
            response = client.get(path)
            assert (response.status_code, response.content) == (403, b'{"message":"Missing Authentication Token"}')
            assert response.headers["content-type"] == "application/json; charset=utf-8"


def test_dropped_connection_and_latency_faults() -> None:
    mock = BandwidthMock()
    with run_in_thread(mock.app) as server, httpx.Client(base_url=server.url, headers=AUTH) as client:
        mock.faults.add(Fault(operation="verifyCode", drop=True))
        with pytest.raises(httpx.RemoteProtocolError):
            client.post(VERIFY, json=BODY)
        assert client.post(VERIFY, json=BODY).json() == {"valid": False}  # one fault, then normal

        mock.faults.add(Fault(operation="verifyCode", latency=0.3))
        with pytest.raises(httpx.ReadTimeout):
            client.post(VERIFY, json=BODY, timeout=httpx.Timeout(5.0, read=0.05))

        added = client.post("/_mock/faults", json={"operation": "*", "status": 500, "count": 1})
        assert added.json()["faults"][0]["status"] == 500
        failed = client.post(VERIFY, json=BODY)
        assert failed.status_code == 500
        assert set(json.loads(failed.content)) == {"error", "requestId"}


def test_make_mock_entry_point_binds_loopback_and_prints_demo_credentials(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import twofa_mocks.__main__ as entry
    from twofa_mocks import _cli

    served: list[tuple[str, str, int, bool]] = []

    async def fake_serve(listeners: list[_cli.Listener], protocol: object) -> None:
        for listener in listeners:
            host, port = listener.sock.getsockname()[:2]
            served.append((listener.vendor, host, port, listener.mock.clock.frozen))

    monkeypatch.setattr(_cli, "serve", fake_serve)
    assert entry.main(["--infobip-port", "0", "--bandwidth-port", "0"]) == 0
    assert [(vendor, host, frozen) for vendor, host, _, frozen in served] == [
        ("infobip", "127.0.0.1", False),
        ("bandwidth", "127.0.0.1", False),
    ]
    out = capsys.readouterr().out
    assert f"http://127.0.0.1:{served[0][2]}" in out
    assert f"http://127.0.0.1:{served[1][2]}/api/v1" in out
    assert "demo-api-user" in out
