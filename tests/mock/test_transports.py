"""In-process transports: a dropped connection and a timeout reach the client as they would over a socket."""

from __future__ import annotations

import asyncio
import threading

import httpx
import pytest
from twofa_mocks import BandwidthMock, Fault, InProcessTransport, SyncInProcessTransport
from twofa_mocks.bandwidth import DEMO_ACCOUNT, DEMO_PASSWORD, DEMO_USER

VERIFY = f"/api/v1/accounts/{DEMO_ACCOUNT}/code/verify"
BODY = {"to": "+19195551234", "expirationTimeInMinutes": 3, "code": "1234"}
AUTH = (DEMO_USER, DEMO_PASSWORD)


def test_sync_requests_answer_drop_and_time_out_like_a_socket() -> None:
    mock = BandwidthMock()
    transport = SyncInProcessTransport(mock.app)
    with httpx.Client(transport=transport, base_url="https://mock", auth=AUTH) as client:
        assert client.post(VERIFY, json=BODY).json() == {"valid": False}
        mock.faults.add(Fault(operation="verifyCode", drop=True))
        with pytest.raises(httpx.RemoteProtocolError):
            client.post(VERIFY, json=BODY)
        mock.faults.add(Fault(operation="verifyCode", latency=5))
        with pytest.raises(httpx.ReadTimeout):
            client.post(VERIFY, json=BODY, timeout=httpx.Timeout(5.0, read=0.05))
        # A body from a generator (a sync stream) reaches the app whole.
        streamed = client.post(VERIFY, content=iter([b'{"to": "+19195551234", ', b'"code": "1"}']))
        assert streamed.status_code == 400
    thread = transport._thread
    assert thread is None  # closed with the client: the loop's thread has stopped
    with pytest.raises(RuntimeError, match="closed"):
        transport.handle_request(httpx.Request("POST", "https://mock" + VERIFY))


def test_a_sync_client_works_inside_a_running_event_loop() -> None:
    mock = BandwidthMock()

    async def inside() -> int:
        with httpx.Client(transport=SyncInProcessTransport(mock.app), base_url="https://mock", auth=AUTH) as client:
            return client.post(VERIFY, json=BODY).status_code

    assert asyncio.run(inside()) == 200
    assert not [t for t in threading.enumerate() if t.name == "twofa-mock-in-process"]


@pytest.mark.anyio
async def test_async_requests_answer_drop_and_time_out_like_a_socket() -> None:
    mock = BandwidthMock()
    async with httpx.AsyncClient(transport=InProcessTransport(mock.app), base_url="https://mock", auth=AUTH) as client:
        mock.faults.add(Fault(operation="verifyCode", drop=True))
        with pytest.raises(httpx.RemoteProtocolError):
            await client.post(VERIFY, json=BODY)
        mock.faults.add(Fault(operation="verifyCode", latency=5))
        with pytest.raises(httpx.ReadTimeout):
            await client.post(VERIFY, json=BODY, timeout=httpx.Timeout(5.0, read=0.05))
        assert (await client.post(VERIFY, json=BODY)).json() == {"valid": False}
