"""The layer end to end against the Bandwidth mock: in-process (async) and over HTTP (sync)."""

from __future__ import annotations

import httpx
import pytest
from bandwidth_mfa_client.models import CodeRequest
from twofa_clients import NO_RETRIES, AsyncBandwidthClient, BandwidthClient, RateLimitError
from twofa_mocks import BandwidthMock, run_in_thread
from twofa_mocks.bandwidth import DEMO_ACCOUNT, DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, DEMO_PASSWORD, DEMO_USER

TO = "+19195551234"
CODE = CodeRequest(to=TO, from_="+19195554321", application_id="app", message="Code: {CODE}", digits=6)


def test_sync_lifecycle_over_http_with_oauth2() -> None:
    mock = BandwidthMock()
    with (
        run_in_thread(mock.app) as server,
        BandwidthClient(
            DEMO_ACCOUNT,
            client_id=DEMO_CLIENT_ID,
            client_secret=DEMO_CLIENT_SECRET,
            base_url=f"{server.url}/api/v1",
            token_url=f"{server.url}/api/v1/oauth2/token",
            retry=NO_RETRIES,
        ) as client,
    ):
        assert client.generate_messaging_code(CODE).message_id
        delivery = mock.outbox.last(TO)
        assert delivery is not None
        assert client.verify_code(TO, "000000" if delivery.code != "000000" else "111111", 3).verified is False
        assert client.verify_code(TO, delivery.code, 3).verified is True
        assert client.verify_code(TO, delivery.code, 3).verified is False  # consumed


@pytest.mark.anyio
async def test_async_lock_out_in_process_with_basic() -> None:
    mock = BandwidthMock()
    mock.configure({"lockoutThreshold": 2})
    async with AsyncBandwidthClient(
        DEMO_ACCOUNT,
        username=DEMO_USER,
        password=DEMO_PASSWORD,
        base_url="https://mock/api/v1",
        transport=httpx.ASGITransport(app=mock.app),
        retry=NO_RETRIES,
    ) as client:
        await client.generate_voice_code(CODE)
        for _ in range(2):
            assert (await client.verify_code(TO, "0000", 3)).verified is False
        with pytest.raises(RateLimitError) as info:
            await client.verify_code(TO, "0000", 3)
    assert info.value.message == "This number has exceeded verification attempts, please wait 2 minutes"
    assert info.value.request_id
