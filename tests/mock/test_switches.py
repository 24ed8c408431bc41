"""The switches added for users' own suites: Infobip's demo account, Bandwidth's 403 whatever the password,
and outbox lookups by number with or without its "+"."""

from __future__ import annotations

import base64
from collections.abc import AsyncIterator

import httpx
import pytest
from twofa_mocks import BandwidthMock, ControlAccess, InfobipConfig, InfobipMock
from twofa_mocks.bandwidth import DEMO_ACCOUNT, DEMO_PASSWORD, DEMO_USER
from twofa_mocks.infobip import (
    DEMO_API_KEY,
    DEMO_APPLICATION_ID,
    DEMO_APPLICATION_NAME,
    DEMO_EMAIL_MESSAGE_ID,
    DEMO_SMS_MESSAGE_ID,
    DEMO_VOICE_MESSAGE_ID,
)

pytestmark = pytest.mark.anyio
TO = "41793026727"


@pytest.fixture
async def infobip() -> AsyncIterator[tuple[InfobipMock, httpx.AsyncClient]]:
    mock = InfobipMock(control=ControlAccess())
    headers = {"Authorization": f"App {DEMO_API_KEY}"}
    transport = httpx.ASGITransport(app=mock.app)
    async with httpx.AsyncClient(transport=transport, base_url="http://127.0.0.1", headers=headers) as client:
        yield mock, client


async def test_a_fresh_mock_sends_through_each_demo_template_at_once(
    infobip: tuple[InfobipMock, httpx.AsyncClient],
) -> None:
    mock, client = infobip
    apps = (await client.get("/2fa/2/applications")).json()
    assert [(a["applicationId"], a["name"], a["enabled"]) for a in apps] == [
        (DEMO_APPLICATION_ID, DEMO_APPLICATION_NAME, True)
    ]
    templates = (await client.get(f"/2fa/2/applications/{DEMO_APPLICATION_ID}/messages")).json()
    assert [t["messageId"] for t in templates] == [DEMO_SMS_MESSAGE_ID, DEMO_VOICE_MESSAGE_ID, DEMO_EMAIL_MESSAGE_ID]
    v1 = (await client.get(f"/2fa/1/applications/{DEMO_APPLICATION_ID}/messages")).json()
    assert [t["messageId"] for t in v1] == [DEMO_SMS_MESSAGE_ID, DEMO_VOICE_MESSAGE_ID]  # no e-mail in /2fa/1
    for path, message_id, to, channel in (
        ("/2fa/2/pin", DEMO_SMS_MESSAGE_ID, TO, "sms"),
        ("/2fa/2/pin/voice", DEMO_VOICE_MESSAGE_ID, TO, "voice"),
        ("/2fa/2/pin/email", DEMO_EMAIL_MESSAGE_ID, "user@example.com", "email"),
    ):
        sent = await client.post(path, json={"applicationId": DEMO_APPLICATION_ID, "messageId": message_id, "to": to})
        assert sent.status_code == 200, sent.text
        delivery = mock.outbox.last(to)
        assert delivery is not None
        assert (delivery.channel, len(delivery.code), delivery.code.isdigit()) == (channel, 6, True)
        verify = await client.post(f"/2fa/2/pin/{sent.json()['pinId']}/verify", json={"pin": delivery.code})
        assert verify.json()["verified"] is True
        mock.clock.advance(3)  # the demo application's verifyPinLimit is the vendor default, 1/3s


async def test_the_switch_empties_the_account_and_back(infobip: tuple[InfobipMock, httpx.AsyncClient]) -> None:
    mock, client = infobip
    assert (await client.patch("/_mock/config", json={"demoAccount": False})).status_code == 200
    assert (await client.get("/2fa/2/applications")).json() == []
    assert mock.store.template_count == 0
    await client.patch("/_mock/config", json={"demoAccount": True})
    assert [a["applicationId"] for a in (await client.get("/2fa/2/applications")).json()] == [DEMO_APPLICATION_ID]
    assert mock.store.template_count == 3
    await client.patch("/_mock/config", json={"demoAccount": False})
    await client.post("/_mock/reset", json={})  # back to the configuration it was made with: demo on
    assert len((await client.get("/2fa/2/applications")).json()) == 1
    assert InfobipMock(InfobipConfig(demo_account=False)).store.applications == {}


async def test_switching_off_after_a_send_is_refused_and_changes_nothing(
    infobip: tuple[InfobipMock, httpx.AsyncClient],
) -> None:
    mock, client = infobip
    body = {"applicationId": DEMO_APPLICATION_ID, "messageId": DEMO_SMS_MESSAGE_ID, "to": TO}
    pin_id = (await client.post("/2fa/2/pin", json=body)).json()["pinId"]
    refused = await client.patch("/_mock/config", json={"demoAccount": False, "resendExpiredPins": True})
    assert (refused.status_code, refused.json()) == (
        400,
        {"error": "demoAccount: PINs were sent through the demo application; POST /_mock/reset first"},
    )
    assert (mock.config.demo_account, mock.config.resend_expired_pins) == (True, False)  # neither changed
    delivery = mock.outbox.last(TO)
    assert delivery is not None
    verify = await client.post(f"/2fa/2/pin/{pin_id}/verify", json={"pin": delivery.code})
    assert verify.json()["verified"] is True


async def test_the_demo_fits_a_lower_pin_length_and_the_caps() -> None:
    short = InfobipMock(InfobipConfig(max_pin_length=4, default_pin_length=4))
    assert {t.fields["pinLength"] for t in short.store.applications[DEMO_APPLICATION_ID].templates.values()} == {4}
    full = InfobipMock(InfobipConfig(demo_account=False, max_applications=1))
    full.store.applications["X"] = short.store.applications[DEMO_APPLICATION_ID]
    with pytest.raises(ValueError, match="no room for the demo application"):
        full.configure({"demoAccount": True})
    assert full.config.demo_account is False


@pytest.mark.parametrize(("switch", "wrong_password"), [(False, 401), (True, 403)])
async def test_a_denied_user_is_403_whatever_the_password_only_with_the_switch(
    switch: bool, wrong_password: int
) -> None:
    mock = BandwidthMock()
    mock.configure({"deniedIdentities": [DEMO_USER, "nobody"], "deniedIdentitiesAnyPassword": switch})
    url = f"/api/v1/accounts/{DEMO_ACCOUNT}/code/verify"
    body = {"to": "+19195551234", "code": "1234", "expirationTimeInMinutes": 3}

    async def status(user: str, password: str) -> int:
        basic = base64.b64encode(f"{user}:{password}".encode()).decode()
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=mock.app), base_url="http://mock") as client:
            return (await client.post(url, json=body, headers={"Authorization": f"Basic {basic}"})).status_code

    assert await status(DEMO_USER, DEMO_PASSWORD) == 403
    assert await status(DEMO_USER, "wrong") == wrong_password
    assert await status("nobody", "anything") == wrong_password  # denied, and not even an API user
    assert await status("someone-else", "wrong") == 401  # not denied: a wrong password stays a 401


async def test_the_outbox_finds_a_number_with_or_without_its_plus(
    infobip: tuple[InfobipMock, httpx.AsyncClient],
) -> None:
    mock, client = infobip
    body = {"applicationId": DEMO_APPLICATION_ID, "messageId": DEMO_SMS_MESSAGE_ID, "to": TO}
    await client.post("/2fa/2/pin", json=body)
    assert mock.outbox.last("+" + TO) == mock.outbox.last(TO) is not None
    assert mock.outbox.list("+" + TO) == mock.outbox.list(TO) != []
    for query in (f"to={TO}", f"to=%2B{TO}", f"to=+{TO}"):  # "+" unencoded: a space after form decoding
        listed = (await client.get(f"/_mock/outbox?{query}")).json()["deliveries"]
        assert [d["to"] for d in listed] == [TO], query
    assert (await client.get("/_mock/outbox?to=+41000")).json()["deliveries"] == []
