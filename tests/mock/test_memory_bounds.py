"""Memory stays bounded with the clock frozen, the default in Python use (issue 13, items 12 and 18).

With a frozen clock nothing ever expires, so only caps bound the state. Each test sets small caps and
sends a few times past them: every structure stays at its cap, the oldest entries go first (or the
create is refused in the vendor's shape), and the newest entries still work.
"""

from __future__ import annotations

import base64
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
from twofa_mocks import BandwidthMock, InfobipConfig, InfobipMock
from twofa_mocks import bandwidth as bandwidth_demo
from twofa_mocks import infobip as infobip_demo

from tests.mock.test_bandwidth_mock import BASE, BASIC, CODE_REQUEST
from tests.mock.test_infobip_mock import APP_KEY, call, error_of, fields_of, new_app, send, setup, verify

pytestmark = pytest.mark.anyio
LOOSE: dict[str, Any] = {
    "sendPinPerApplicationLimit": "1000000/1d",
    "sendPinPerPhoneNumberLimit": "1000/1d",
    "verifyPinLimit": "1000/1s",
}


@pytest.fixture
def mock() -> InfobipMock:
    return InfobipMock(InfobipConfig(demo_account=False))  # the caps are counted from an empty account


@pytest.fixture
async def client(mock: InfobipMock) -> AsyncIterator[httpx.AsyncClient]:
    transport = httpx.ASGITransport(app=mock.app)
    async with httpx.AsyncClient(transport=transport, base_url="http://mock", headers={"Authorization": APP_KEY}) as c:
        yield c


@pytest.fixture
def bandwidth() -> BandwidthMock:
    return BandwidthMock()


@pytest.fixture
async def bw(bandwidth: BandwidthMock) -> AsyncIterator[httpx.AsyncClient]:
    transport = httpx.ASGITransport(app=bandwidth.app)
    async with httpx.AsyncClient(transport=transport, base_url="http://mock", headers={"Authorization": BASIC}) as c:
        yield c


def infobip_sizes(mock: InfobipMock) -> dict[str, int]:
    """Every structure of the store that grows with traffic, by what it holds."""
    store = mock.store
    return {
        "pins": len(store.pins),
        "pin_expiry_entries": len(store._pin_expiry),
        "records": sum(len(r) for r in store.records.values()),
        "record_keys": len(store.records),
        "record_order": len(store._record_order),
        "window_keys": len(store.windows),
        "outbox": len(mock.outbox.list()),
    }


# --- Infobip ---------------------------------------------------------------------------------------


async def test_infobip_state_stays_at_its_caps_past_them(client: httpx.AsyncClient, mock: InfobipMock) -> None:
    """Past maxPins every send used to leave ~2 KB behind: records, their order, rate-limit windows."""
    mock.configure({"maxPins": 20, "maxRecords": 30, "maxRateLimitKeys": 40, "maxDeliveries": 25})
    app_id, msg_id = await setup(client, **LOOSE)
    for i in range(150):  # a new destination each time: new records and new per-number windows
        assert (await send(client, app_id, msg_id, to=f"4179{i:07d}"))[0] == 200
    sizes = infobip_sizes(mock)
    assert sizes["pins"] == 20
    assert sizes["records"] == sizes["record_keys"] == 30
    assert sizes["record_order"] <= 30
    assert sizes["window_keys"] <= 40
    assert sizes["outbox"] == 25
    assert sizes["pin_expiry_entries"] <= 2 * 20 + 1024
    # The newest are the ones kept, and they work.
    newest = mock.outbox.last("41790000149")
    assert newest is not None
    status, result = await verify(client, newest.reference, newest.code)
    assert (status, result["verified"]) == (200, True)
    status, listed = await call(
        client, "get-2fa-verification-status", "GET", f"/applications/{app_id}/verifications",
        params={"msisdn": "41790000149"},
    )  # fmt: skip
    assert (status, len(listed["verifications"])) == (200, 1)


async def test_a_forgotten_rate_limit_window_is_the_least_recently_used(
    client: httpx.AsyncClient, mock: InfobipMock
) -> None:
    mock.configure({"maxRateLimitKeys": 10})
    app_id, msg_id = await setup(client, sendPinPerApplicationLimit="1000000/1d", sendPinPerPhoneNumberLimit="1/1d")
    assert (await send(client, app_id, msg_id, to="41000000001"))[0] == 200
    for i in range(5):  # fewer new keys than the cap: the first number's window is kept
        await send(client, app_id, msg_id, to=f"4100000010{i}")
    status, body = await send(client, app_id, msg_id, to="41000000001")
    assert (status, error_of(body)[0]) == (429, "TOO_MANY_REQUESTS")
    for i in range(10):  # past the cap: the first number's window is the least recently used one
        await send(client, app_id, msg_id, to=f"4100000020{i}")
    assert len(mock.store.windows) == 10
    assert (await send(client, app_id, msg_id, to="41000000001"))[0] == 200


async def test_applications_and_templates_past_their_caps_are_refused(
    client: httpx.AsyncClient, mock: InfobipMock
) -> None:
    mock.configure({"maxApplications": 3, "maxTemplates": 2})
    app_ids = [await new_app(client) for _ in range(3)]
    status, body = await call(client, "create-2fa-application", "POST", "/applications", json={"name": "4th"})
    assert (status, error_of(body)[0], fields_of(body)) == (400, "BAD_REQUEST", {"body"})
    assert "3 applications" in body["requestError"]["serviceException"]["validationErrors"]["body"][0]
    path = f"/applications/{app_ids[0]}/messages"
    for _ in range(2):
        fields = {"messageText": "{{pin}}", "pinType": "NUMERIC"}
        assert (await call(client, "create-2fa-message-template", "POST", path, json=fields))[0] == 200
    email_path = f"/applications/{app_ids[1]}/email/messages"
    status, body = await call(
        client, "create-2fa-email-message-template", "POST", email_path, json={"emailTemplateId": 1}
    )
    assert (status, fields_of(body)) == (400, {"body"})
    assert len(mock.store.applications) == 3
    # Updates are not creates: still fine at the cap.
    status, _ = await call(client, "update-2fa-application", "PUT", f"/applications/{app_ids[0]}", json={"name": "x"})
    assert status == 200


async def test_oauth_tokens_past_their_cap_revoke_the_oldest(mock: InfobipMock) -> None:
    mock.configure({"maxTokens": 3})
    transport = httpx.ASGITransport(app=mock.app)
    form = {
        "grant_type": "client_credentials",
        "client_id": infobip_demo.DEMO_CLIENT_ID,
        "client_secret": infobip_demo.DEMO_CLIENT_SECRET,
    }
    async with httpx.AsyncClient(transport=transport, base_url="http://mock") as c:
        tokens = [(await c.post("/auth/1/oauth2/token", data=form)).json()["access_token"] for _ in range(5)]
        answers = [
            (await c.get("/2fa/2/applications", headers={"Authorization": f"Bearer {t}"})).status_code for t in tokens
        ]
    assert len(mock.store.tokens) == 3
    assert answers == [401, 401, 200, 200, 200]


async def test_stored_placeholders_have_a_total_budget(client: httpx.AsyncClient, mock: InfobipMock) -> None:
    mock.configure({"maxPlaceholderCharacters": 10_000})
    app_id, msg_id = await setup(client, **LOOSE)
    values = {"name": "x" * 2_000}  # 2,004 characters kept with each PIN for its resends
    pin_ids = [(await send(client, app_id, msg_id, placeholders=values))[1]["pinId"] for _ in range(8)]
    assert list(mock.store.pins) == pin_ids[-4:]  # 4 x 2,004 fit in 10,000; the oldest went first


async def test_the_outbox_has_a_character_budget(client: httpx.AsyncClient, mock: InfobipMock) -> None:
    mock.configure({"maxDeliveryCharacters": 6_500})
    app_id = await new_app(client, **LOOSE)
    path = f"/applications/{app_id}/messages"
    # 997-character messages; with `to` (11) and the flat 256 for ids and statuses, 1,264 characters each.
    fields = {"messageText": "{{pin}}" + "x" * 993, "pinType": "NUMERIC"}
    _, created = await call(client, "create-2fa-message-template", "POST", path, json=fields)
    for _ in range(12):
        await send(client, app_id, created["messageId"])
    kept = mock.outbox.list()
    assert len(kept) == 5
    assert mock.outbox.total == 12


# --- Bandwidth -------------------------------------------------------------------------------------


async def bw_send(bw: BandwidthMock | httpx.AsyncClient, to: str = "+19195551234") -> httpx.Response:
    assert isinstance(bw, httpx.AsyncClient)
    return await bw.post(f"{BASE}/messaging", json={**CODE_REQUEST, "to": to})


async def bw_verify(bw: httpx.AsyncClient, code: str, to: str = "+19195551234") -> Any:
    answer = await bw.post(f"{BASE}/verify", json={"to": to, "code": code, "expirationTimeInMinutes": 15})
    return answer.json()


async def test_bandwidth_keeps_at_most_10_live_codes_per_number(
    bw: httpx.AsyncClient, bandwidth: BandwidthMock
) -> None:
    """Item 18: after 2,000 sends to one number, 5 random guesses found a live code for 24 of 40 numbers."""
    assert bandwidth.config.max_live_codes_per_number == 10
    for _ in range(12):
        assert (await bw_send(bw)).status_code == 200
    codes = [d.code for d in bandwidth.outbox.list("+19195551234")]
    assert len(bandwidth.store.codes[(bandwidth_demo.DEMO_ACCOUNT, "+19195551234", "2FA")]) == 10
    newest = codes[2:]
    oldest_only = [c for c in codes[:2] if c not in newest]
    for code in oldest_only:  # the two oldest were superseded (unless a newer one has the same digits)
        assert await bw_verify(bw, code) == {"valid": False}
    for code in dict.fromkeys(newest):  # each live code verifies once (consumeOnSuccess)
        assert await bw_verify(bw, code) == {"valid": True}


async def test_bandwidth_documented_default_window_stays(bw: httpx.AsyncClient, bandwidth: BandwidthMock) -> None:
    """Any code sent within the window verifies: the cap only removes codes past the 10th."""
    await bw_send(bw)
    first = bandwidth.outbox.list()[0].code
    for _ in range(8):
        await bw_send(bw)
    assert await bw_verify(bw, first) == {"valid": True}


async def test_bandwidth_state_stays_at_its_caps(bw: httpx.AsyncClient, bandwidth: BandwidthMock) -> None:
    bandwidth.configure({"maxCodes": 20, "maxLockoutCounters": 15, "maxDeliveries": 10})
    for i in range(60):
        assert (await bw_send(bw, to=f"+1919555{i:04d}")).status_code == 200
        await bw_verify(bw, "00000000", to=f"+1919777{i:04d}")  # a wrong guess: a lock-out counter
    store = bandwidth.store
    assert sum(len(codes) for codes in store.codes.values()) == 20
    assert len(store.failures) == 15
    assert len(bandwidth.outbox.list()) == 10
    newest = bandwidth.outbox.last("+19195550059")
    assert newest is not None
    assert await bw_verify(bw, newest.code, to="+19195550059") == {"valid": True}


async def test_bandwidth_tokens_past_their_cap_revoke_the_oldest(bandwidth: BandwidthMock) -> None:
    bandwidth.configure({"maxTokens": 2})
    basic = base64.b64encode(f"{bandwidth_demo.DEMO_CLIENT_ID}:{bandwidth_demo.DEMO_CLIENT_SECRET}".encode()).decode()
    transport = httpx.ASGITransport(app=bandwidth.app)
    async with httpx.AsyncClient(transport=transport, base_url="http://mock") as c:
        tokens = [
            (
                await c.post(
                    "/api/v1/oauth2/token",
                    data={"grant_type": "client_credentials"},
                    headers={"Authorization": f"Basic {basic}"},
                )
            ).json()["access_token"]
            for _ in range(4)
        ]
        statuses = [
            (
                await c.post(
                    f"{BASE}/verify",
                    json={"to": "+19195551234", "code": "1234", "expirationTimeInMinutes": 3},
                    headers={"Authorization": f"Bearer {t}"},
                )
            ).status_code
            for t in tokens
        ]
    assert statuses == [401, 401, 200, 200]
    assert len(bandwidth.store.tokens) == 2
