"""The Infobip 2FA mock behaves like the vendor, in both URL versions, and every answer fits the spec."""

from __future__ import annotations

import asyncio
import base64
import re
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
from twofa_mocks import InfobipConfig, InfobipMock
from twofa_mocks.infobip import (
    DEMO_API_KEY,
    DEMO_BEARER_TOKEN,
    DEMO_CLIENT_ID,
    DEMO_CLIENT_SECRET,
    DEMO_IBSSO_TOKEN,
    DEMO_PASSWORD,
    DEMO_PIN_ONLY_API_KEY,
    DEMO_USER,
    SCOPE_MANAGE,
    SCOPE_PIN_SEND,
)

from tests.mock.spec_conformance import assert_conforms

pytestmark = pytest.mark.anyio

SPEC = "infobip-2fa.yaml"
TO = "41793026727"
EMAIL = "john.smith@example.com"
APP_KEY = f"App {DEMO_API_KEY}"
BASIC = "Basic " + base64.b64encode(f"{DEMO_USER}:{DEMO_PASSWORD}".encode()).decode()
ID = re.compile(r"[0-9A-F]{32}")
API_KEY = re.compile(r"[0-9a-f]{32}-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
DEFAULTS = {
    "pinAttempts": 10,
    "allowMultiplePinVerifications": True,
    "pinTimeToLive": "15m",
    "verifyPinLimit": "1/3s",
    "sendPinPerApplicationLimit": "10000/1d",
    "sendPinPerPhoneNumberLimit": "3/1d",
}
LOOSE: dict[str, Any] = {"verifyPinLimit": "1000/1s", "sendPinPerPhoneNumberLimit": "1000/1d"}  # limits out of the way


@pytest.fixture
def mock() -> InfobipMock:
    return InfobipMock(InfobipConfig(demo_account=False))  # these tests count what they create


@pytest.fixture
async def client(mock: InfobipMock) -> AsyncIterator[httpx.AsyncClient]:
    transport = httpx.ASGITransport(app=mock.app)
    # A loopback host: the same client drives /_mock/, which answers only loopback Host names.
    async with httpx.AsyncClient(
        transport=transport, base_url="http://localhost", headers={"Authorization": APP_KEY}
    ) as c:
        yield c


async def call(
    client: httpx.AsyncClient, op: str, method: str, path: str, *, version: int = 2, **kwargs: Any
) -> tuple[int, Any]:
    """One vendor request; the answer must be documented for ``op`` and validate. (status, body)."""
    response = await client.request(method, f"/2fa/{version}{path}", **kwargs)
    body = assert_conforms(SPEC, op if version == 2 else f"v1-{op}", response)
    assert response.headers["content-type"] == "application/json; charset=utf-8"
    return response.status_code, body


def error_of(body: Any) -> tuple[str, str]:
    details = body["requestError"]["serviceException"]
    return details["messageId"], details["text"]


def fields_of(body: Any) -> set[str]:
    return set(body["requestError"]["serviceException"].get("validationErrors", {}))


async def new_app(client: httpx.AsyncClient, version: int = 2, **configuration: Any) -> str:
    body: dict[str, Any] = {"name": "app"}
    if configuration:
        body["configuration"] = configuration
    status, created = await call(client, "create-2fa-application", "POST", "/applications", version=version, json=body)
    assert status == 200
    return str(created["applicationId"])


async def new_template(client: httpx.AsyncClient, app_id: str, version: int = 2, **fields: Any) -> dict[str, Any]:
    body = {"messageText": "Your PIN is {{pin}}", "pinType": "NUMERIC", **fields}
    if version == 1:
        body = {"pinPlaceholder": "<pin>", "messageText": "Your PIN is <pin>", "pinType": "NUMERIC", **fields}
    path = f"/applications/{app_id}/messages"
    status, template = await call(client, "create-2fa-message-template", "POST", path, version=version, json=body)
    assert status == 200, template
    return dict(template)


async def new_email_template(client: httpx.AsyncClient, app_id: str, **fields: Any) -> dict[str, Any]:
    path = f"/applications/{app_id}/email/messages"
    body = {"emailTemplateId": 1234, **fields}
    status, template = await call(client, "create-2fa-email-message-template", "POST", path, json=body)
    assert status == 200, template
    return dict(template)


async def setup(client: httpx.AsyncClient, version: int = 2, **configuration: Any) -> tuple[str, str]:
    app_id = await new_app(client, version, **configuration)
    return app_id, (await new_template(client, app_id, version))["messageId"]


SEND_OPS = {"sms": ("send-2fa-pin-code-over-sms", "/pin"), "voice": ("send-2fa-pin-code-over-voice", "/pin/voice")}
SEND_OPS["email"] = ("send-2fa-pin-code-over-email", "/pin/email")
RESEND_OPS = {
    "sms": ("resend-2fa-pin-code-over-sms", "/resend"),
    "voice": ("resend-2fa-pin-code-over-voice", "/resend/voice"),
    "email": ("resend-2fa-pin-code-over-email", "/resend/email"),
}


async def send(
    client: httpx.AsyncClient, app_id: str, msg_id: str, channel: str = "sms", version: int = 2, **fields: Any
) -> tuple[int, Any]:
    op, path = SEND_OPS[channel]
    params, headers = fields.pop("params", None), fields.pop("headers", None)
    body = {"applicationId": app_id, "messageId": msg_id, "to": EMAIL if channel == "email" else TO, **fields}
    return await call(client, op, "POST", path, version=version, json=body, params=params, headers=headers)


async def resend(
    client: httpx.AsyncClient, pin_id: str, channel: str = "sms", version: int = 2, **kwargs: Any
) -> tuple[int, Any]:
    op, suffix = RESEND_OPS[channel]
    return await call(client, op, "POST", f"/pin/{pin_id}{suffix}", version=version, **kwargs)


async def verify(client: httpx.AsyncClient, pin_id: str, pin: str, version: int = 2) -> tuple[int, Any]:
    return await call(
        client, "verify-2fa-phone-number", "POST", f"/pin/{pin_id}/verify", version=version, json={"pin": pin}
    )


def code_sent(mock: InfobipMock, to: str = TO) -> str:
    delivery = mock.outbox.last(to)
    assert delivery is not None, f"nothing was sent to {to}"
    return delivery.code


def other_than(code: str) -> str:
    return "0" * len(code) if code != "0" * len(code) else "1" * len(code)


# --- applications ------------------------------------------------------------------------------------


@pytest.mark.parametrize("version", [1, 2])
async def test_application_crud_with_defaults(client: httpx.AsyncClient, version: int) -> None:
    status, created = await call(
        client, "create-2fa-application", "POST", "/applications", version=version, json={"name": "Login"}
    )
    assert status == 200
    assert ID.fullmatch(created["applicationId"])
    assert created == {
        "applicationId": created["applicationId"],
        "name": "Login",
        "configuration": DEFAULTS,
        "enabled": True,
    }
    path = f"/applications/{created['applicationId']}"
    assert await call(client, "get-2fa-application", "GET", path, version=version) == (200, created)
    # U28: a PUT keeps configuration fields it leaves out; name is required.
    update = {"name": "Renamed", "enabled": False, "configuration": {"pinAttempts": 3}}
    status, updated = await call(client, "update-2fa-application", "PUT", path, version=version, json=update)
    assert status == 200
    assert updated["configuration"] == {**DEFAULTS, "pinAttempts": 3}
    assert (updated["name"], updated["enabled"]) == ("Renamed", False)
    status, body = await call(client, "update-2fa-application", "PUT", path, version=version, json={"enabled": True})
    assert (status, fields_of(body)) == (400, {"name"})
    await new_app(client, version)
    status, listed = await call(client, "get-2fa-applications", "GET", "/applications", version=version)
    assert [a["name"] for a in listed] == ["Renamed", "app"]  # creation order (U30)


async def test_put_can_reset_omitted_fields_and_names_can_be_unique(
    client: httpx.AsyncClient, mock: InfobipMock
) -> None:
    app_id = await new_app(client, pinAttempts=3)
    mock.configure({"putResetsOmittedConfiguration": True, "uniqueApplicationNames": True})
    path = f"/applications/{app_id}"
    status, updated = await call(client, "update-2fa-application", "PUT", path, json={"name": "x"})
    assert (status, updated["configuration"]) == (200, DEFAULTS)
    status, body = await call(client, "create-2fa-application", "POST", "/applications", json={"name": "x"})
    assert (status, fields_of(body)) == (400, {"name"})


@pytest.mark.parametrize(
    ("configuration", "field"),
    [
        ({"pinTimeToLive": "15x"}, "configuration.pinTimeToLive"),
        ({"pinTimeToLive": "366d"}, "configuration.pinTimeToLive"),  # at most 1 year
        ({"pinTimeToLive": "9" * 40 + "d"}, "configuration.pinTimeToLive"),
        ({"verifyPinLimit": "1/2d"}, "configuration.verifyPinLimit"),  # window at most 1 day
        ({"verifyPinLimit": "/3s"}, "configuration.verifyPinLimit"),
        ({"sendPinPerApplicationLimit": "10/366d"}, "configuration.sendPinPerApplicationLimit"),
        ({"sendPinPerPhoneNumberLimit": 3}, "configuration.sendPinPerPhoneNumberLimit"),
        ({"pinAttempts": 0}, "configuration.pinAttempts"),
        ({"pinAttempts": "10"}, "configuration.pinAttempts"),
        ({"pinAttempts": 1.5}, "configuration.pinAttempts"),
        ({"pinAttempts": True}, "configuration.pinAttempts"),
        ({"pinAttempts": 2**31}, "configuration.pinAttempts"),
        ({"allowMultiplePinVerifications": "yes"}, "configuration.allowMultiplePinVerifications"),
    ],
)
async def test_configuration_formats_are_validated(
    client: httpx.AsyncClient, configuration: dict[str, Any], field: str
) -> None:
    body = {"name": "app", "configuration": configuration}
    status, error = await call(client, "create-2fa-application", "POST", "/applications", json=body)
    assert status == 400
    assert error_of(error) == ("BAD_REQUEST", "Bad request")
    assert fields_of(error) == {field}


async def test_configuration_accepts_every_unit_and_an_omitted_length(client: httpx.AsyncClient) -> None:
    conf = {
        "pinTimeToLive": "m",
        "verifyPinLimit": "5/500ms",
        "sendPinPerApplicationLimit": "5/365d",
        "pinAttempts": 4.0,
    }
    body = {"name": "app", "configuration": conf}
    status, created = await call(client, "create-2fa-application", "POST", "/applications", json=body)
    assert status == 200
    assert created["configuration"] == {**DEFAULTS, **conf, "pinAttempts": 4}


# --- templates ---------------------------------------------------------------------------------------


async def test_sms_templates_fill_defaults_omit_unset_fields_and_update_partially(client: httpx.AsyncClient) -> None:
    app_id = await new_app(client)
    template = await new_template(client, app_id, senderId="Infobip 2FA")
    assert ID.fullmatch(template["messageId"])
    assert template == {
        "messageId": template["messageId"],
        "applicationId": app_id,
        "pinPlaceholder": "{{pin}}",
        "messageText": "Your PIN is {{pin}}",
        "pinLength": 4,
        "pinType": "NUMERIC",
        "senderId": "Infobip 2FA",
    }
    path = f"/applications/{app_id}/messages/{template['messageId']}"
    changes = {
        "language": "de",
        "speechRate": 1.5,
        "voiceName": "Marlene",
        "regional": {"indiaDlt": {"principalEntityId": "p1"}},
    }
    status, updated = await call(client, "update-2fa-message-template", "PUT", path, json=changes)
    assert status == 200
    assert updated == {**template, **changes}
    assert await call(client, "get-2fa-message-template", "GET", path) == (200, updated)
    status, body = await call(client, "update-2fa-message-template", "PUT", path, json={"messageText": "no pin"})
    assert (status, fields_of(body)) == (400, {"messageText"})


@pytest.mark.parametrize(
    ("body", "fields"),
    [
        ({"messageText": "no placeholder", "pinType": "NUMERIC"}, {"messageText"}),  # U9
        ({"pinType": "NUMERIC"}, {"messageText"}),
        ({"messageText": "{{pin}}"}, {"pinType"}),
        ({"messageText": "{{pin}}", "pinType": "DECIMAL"}, {"pinType"}),
        ({"messageText": "{{pin}}", "pinType": "NUMERIC", "pinLength": 33}, {"pinLength"}),
        ({"messageText": "{{pin}}", "pinType": "NUMERIC", "pinLength": 0}, {"pinLength"}),
        ({"messageText": "{{pin}}", "pinType": "NUMERIC", "speechRate": 2.5}, {"speechRate"}),
        ({"messageText": "{{pin}}", "pinType": "NUMERIC", "language": "xx"}, {"language"}),
        (
            {"messageText": "{{pin}}", "pinType": "NUMERIC", "regional": {"indiaDlt": {}}},
            {"regional.indiaDlt.principalEntityId"},
        ),
        (
            {"messageText": "{{pin}}", "pinType": "NUMERIC", "regional": {"indiaDlt": {"principalEntityId": "x" * 31}}},
            {"regional.indiaDlt.principalEntityId"},
        ),
        ({"messageText": 5, "pinType": 5, "senderId": 7}, {"messageText", "pinType", "senderId"}),
        ({"messageText": "{{pin}}", "pinType": "NUMERIC", "senderId": None}, {"senderId"}),  # no field is nullable
    ],
)
async def test_invalid_templates_get_400_with_the_fields(
    client: httpx.AsyncClient, body: dict[str, Any], fields: set[str]
) -> None:
    app_id = await new_app(client)
    path = f"/applications/{app_id}/messages"
    status, error = await call(client, "create-2fa-message-template", "POST", path, json=body)
    assert (status, fields_of(error)) == (400, fields)


async def test_email_templates_are_v2_only_and_share_the_id_space(client: httpx.AsyncClient) -> None:
    app_id = await new_app(client)
    sms = await new_template(client, app_id)
    email = await new_email_template(client, app_id, **{"from": "company@example.com"})
    assert email == {
        "messageId": email["messageId"],
        "applicationId": app_id,
        "pinLength": 4,
        "pinType": "NUMERIC",
        "from": "company@example.com",
        "emailTemplateId": 1234,
    }
    status, listed = await call(client, "get-2fa-message-templates", "GET", f"/applications/{app_id}/messages")
    assert listed == [sms, email]
    status, v1_listed = await call(
        client, "get-2fa-message-templates", "GET", f"/applications/{app_id}/messages", version=1
    )
    assert [t["messageId"] for t in v1_listed] == [sms["messageId"]]
    status, body = await call(
        client, "get-2fa-message-template", "GET", f"/applications/{app_id}/messages/{email['messageId']}", version=1
    )
    assert (status, error_of(body)[0]) == (404, "MESSAGE_NOT_FOUND")
    v1_email = await client.post(f"/2fa/1/applications/{app_id}/email/messages", json={"emailTemplateId": 1})
    assert (v1_email.status_code, error_of(v1_email.json())[0]) == (404, "NOT_FOUND")
    # each kind is updated through its own operation only
    status, body = await call(
        client, "update-2fa-message-template", "PUT", f"/applications/{app_id}/messages/{email['messageId']}", json={}
    )
    assert status == 404
    path = f"/applications/{app_id}/email/messages/{email['messageId']}"
    changes = {"pinType": "ALPHA", "landingPageId": "1_23456"}
    status, updated = await call(client, "update-2fa-email-message-template", "PUT", path, json=changes)
    assert (status, updated) == (200, {**email, **changes})
    status, body = await call(client, "update-2fa-email-message-template", "PUT", path, json={"emailTemplateId": "1"})
    assert (status, fields_of(body)) == (400, {"emailTemplateId"})


async def test_v1_and_v2_render_the_same_template_in_their_own_spellings(
    client: httpx.AsyncClient, mock: InfobipMock
) -> None:
    app_id = await new_app(client, version=1)
    v1 = await new_template(client, app_id, version=1, pinType="HEXA", language="pt-pt", pinLength=6)
    assert (v1["pinPlaceholder"], v1["pinType"], v1["language"]) == ("<pin>", "HEXA", "pt-pt")
    path = f"/applications/{app_id}/messages/{v1['messageId']}"
    status, v2 = await call(client, "get-2fa-message-template", "GET", path)
    assert (v2["pinPlaceholder"], v2["pinType"], v2["language"]) == ("<pin>", "HEX", "pt_pt")
    # both spellings are accepted on input in both versions (U36) ...
    v2_made = await new_template(client, app_id, pinType="HEXA", language="zh-tw", voiceName="Joanna")
    assert (v2_made["pinType"], v2_made["language"]) == ("HEX", "zh_tw")
    status, as_v1 = await call(
        client, "get-2fa-message-template", "GET", f"/applications/{app_id}/messages/{v2_made['messageId']}", version=1
    )
    assert (as_v1["pinType"], as_v1["language"], as_v1["pinPlaceholder"]) == ("HEXA", "zh-tw", "{{pin}}")
    assert "voiceName" not in as_v1  # a v2-only field
    # ... unless switched off; and v2 can speak hyphens for the older community SDK
    mock.configure({"acceptBothSpellings": False, "v2HyphenatedLanguages": True})
    status, body = await call(
        client,
        "create-2fa-message-template",
        "POST",
        f"/applications/{app_id}/messages",
        json={"messageText": "{{pin}}", "pinType": "HEXA"},
    )
    assert (status, fields_of(body)) == (400, {"pinType"})
    status, v2 = await call(client, "get-2fa-message-template", "GET", path)
    assert v2["language"] == "pt-pt"


async def test_v1_templates_need_their_own_placeholder_in_the_text(client: httpx.AsyncClient) -> None:
    app_id = await new_app(client, version=1)
    path = f"/applications/{app_id}/messages"
    body = {"pinPlaceholder": "<<>>", "messageText": "Your PIN is <pin>", "pinType": "NUMERIC"}
    status, error = await call(client, "create-2fa-message-template", "POST", path, version=1, json=body)
    assert (status, fields_of(error)) == (400, {"messageText"})
    template = await new_template(client, app_id, version=1)
    one = f"{path}/{template['messageId']}"
    status, error = await call(
        client, "update-2fa-message-template", "PUT", one, version=1, json={"pinPlaceholder": "#"}
    )
    assert (status, fields_of(error)) == (400, {"messageText"})
    changes = {"pinPlaceholder": "#", "messageText": "PIN: #"}
    status, updated = await call(client, "update-2fa-message-template", "PUT", one, version=1, json=changes)
    assert (status, updated["messageText"], updated["pinPlaceholder"]) == (200, "PIN: #", "#")


# --- sending -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("pin_type", "alphabet"),
    [
        ("NUMERIC", "0123456789"),
        ("ALPHA", "ABCDEFGHIJKLMNOPQRSTUVWXYZ"),
        ("HEX", "0123456789ABCDEF"),
        ("ALPHANUMERIC", "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"),
    ],
)
async def test_pins_come_from_their_alphabet_with_their_length(
    client: httpx.AsyncClient, mock: InfobipMock, pin_type: str, alphabet: str
) -> None:
    app_id = await new_app(client, **LOOSE)
    long = await new_template(client, app_id, pinType=pin_type, pinLength=32)
    short = await new_template(client, app_id, pinType=pin_type, pinLength=1)
    for _ in range(20):
        await send(client, app_id, long["messageId"])
    codes = [d.code for d in mock.outbox.list(TO)]
    assert all(len(c) == 32 for c in codes)
    assert set("".join(codes)) == set(alphabet)  # 640 draws cover every symbol (p of a miss < 1e-6)
    await send(client, app_id, short["messageId"])
    assert len(code_sent(mock)) == 1


async def test_sms_send_renders_the_template_and_records_the_delivery(
    client: httpx.AsyncClient, mock: InfobipMock
) -> None:
    app_id = await new_app(client)
    text = "Hi {{firstName}}, your PIN is {{pin}} {{unknown}}"
    template = await new_template(client, app_id, messageText=text, senderId="Infobip 2FA")
    status, sent = await send(client, app_id, template["messageId"], placeholders={"firstName": "{{pin}}"})
    assert status == 200
    assert sent == {
        "pinId": sent["pinId"],
        "to": TO,
        "ncStatus": "NC_DESTINATION_REACHABLE",
        "smsStatus": "MESSAGE_SENT",
    }
    assert ID.fullmatch(sent["pinId"])
    delivery = mock.outbox.last(TO)
    assert delivery is not None
    # one pass: a value containing {{pin}} stays literal; names without a value stay as written (U11)
    assert delivery.text == f"Hi {{{{pin}}}}, your PIN is {delivery.code} {{{{unknown}}}}"
    assert (delivery.channel, delivery.reference, delivery.sender) == ("sms", sent["pinId"], "Infobip 2FA")
    sender: dict[str, Any] = {"from": "ServiceSMS"}
    await send(client, app_id, template["messageId"], **sender)
    last = mock.outbox.last(TO)
    assert last is not None
    assert last.sender == "ServiceSMS"
    status, error = await send(client, app_id, template["messageId"], placeholders={"pin": "1234"})
    assert (status, fields_of(error)) == (400, {"placeholders"})  # U10


async def test_v1_send_replaces_the_templates_own_placeholder(client: httpx.AsyncClient, mock: InfobipMock) -> None:
    app_id, msg_id = await setup(client, version=1)
    status, sent = await send(client, app_id, msg_id, version=1, placeholders={"ignored": "x"})
    assert (status, sent["to"]) == (200, TO)
    assert mock.outbox.list(TO)[-1].text == f"Your PIN is {code_sent(mock)}"


async def test_number_lookup_runs_unless_switched_off(client: httpx.AsyncClient, mock: InfobipMock) -> None:
    app_id, msg_id = await setup(client, **LOOSE)
    status, sent = await send(client, app_id, msg_id, params={"ncNeeded": "false"})
    assert sent == {"pinId": sent["pinId"], "to": TO, "smsStatus": "MESSAGE_SENT"}
    mock.configure({"numberLookup": {TO: "NC_DESTINATION_NOT_REACHABLE"}})
    before = mock.outbox.total
    status, sent = await send(client, app_id, msg_id)
    assert (status, sent["ncStatus"], sent["smsStatus"]) == (200, "NC_DESTINATION_NOT_REACHABLE", "MESSAGE_NOT_SENT")
    assert mock.outbox.total == before  # withheld (U22)
    mock.configure({"numberLookup": {TO: "NC_NOT_CONFIGURED"}})
    status, sent = await send(client, app_id, msg_id, version=1)
    assert (sent["ncStatus"], sent["smsStatus"]) == ("NC_NOT_CONFIGURED", "MESSAGE_SENT")
    status, error = await send(client, app_id, msg_id, params={"ncNeeded": "maybe"})
    assert (status, fields_of(error)) == (400, {"ncNeeded"})


async def test_voice_and_email_sends(client: httpx.AsyncClient, mock: InfobipMock) -> None:
    app_id, msg_id = await setup(client, **LOOSE)
    status, call_sent = await send(client, app_id, msg_id, "voice", trackDelivery=True)
    assert status == 200
    assert call_sent["callStatus"] == "PENDING_ACCEPTED"
    assert re.fullmatch(r"[0-9a-f-]{36}", call_sent["externalMessageId"])
    delivery = mock.outbox.last(TO)
    assert delivery is not None
    assert delivery.channel == "voice"
    email = await new_email_template(client, app_id, landingPageId="1_2")
    status, sent = await send(client, app_id, email["messageId"], "email", landingPagePlaceholders={"a": "b"})
    assert sent == {
        "pinId": sent["pinId"],
        "to": EMAIL,
        "emailStatus": {"name": "PENDING_ACCEPTED", "description": "Message accepted, pending for delivery."},
    }
    mail = mock.outbox.last(EMAIL)
    assert mail is not None
    assert (mail.channel, mail.extra["emailTemplateId"], len(mail.code)) == ("email", 1234, 4)
    # U12: a template of the other kind
    status, error = await send(client, app_id, email["messageId"], "sms")
    assert (status, fields_of(error)) == (400, {"messageId"})
    status, error = await send(client, app_id, msg_id, "email")
    assert (status, fields_of(error)) == (400, {"messageId"})
    mock.configure({"templateKindMismatchStatus": 404})
    status, error = await send(client, app_id, msg_id, "email")
    assert (status, error_of(error)[0]) == (404, "RESOURCE_NOT_FOUND")


@pytest.mark.parametrize(
    ("channel", "to"),
    [("sms", "+41793026727"), ("sms", "4179302672712345"), ("voice", "abc"), ("email", "not-an-address")],
)
async def test_destinations_are_validated(client: httpx.AsyncClient, channel: str, to: str) -> None:
    app_id, msg_id = await setup(client)
    status, error = await send(client, app_id, msg_id, channel, to=to)
    assert (status, fields_of(error)) == (400, {"to"})


async def test_sending_with_a_disabled_application(client: httpx.AsyncClient, mock: InfobipMock) -> None:
    app_id, msg_id = await setup(client)
    await call(client, "update-2fa-application", "PUT", f"/applications/{app_id}", json={"name": "x", "enabled": False})
    status, error = await send(client, app_id, msg_id)
    assert (status, fields_of(error)) == (400, {"applicationId"})  # U2
    mock.configure({"disabledApplicationStatus": 403})
    status, error = await send(client, app_id, msg_id, "voice")
    assert (status, error_of(error)) == (403, ("FORBIDDEN", "Forbidden"))


# --- resending ---------------------------------------------------------------------------------------


async def test_resend_delivers_the_same_pin_under_the_same_pin_id(client: httpx.AsyncClient, mock: InfobipMock) -> None:
    app_id, msg_id = await setup(client, **LOOSE)
    _, sent = await send(client, app_id, msg_id, placeholders={"x": "y"})
    pin_id = sent["pinId"]
    assert await resend(client, pin_id) == (200, sent)  # no body at all
    status, by_voice = await resend(client, pin_id, "voice", json={})  # U21: SMS <-> voice
    assert (status, by_voice["pinId"], by_voice["callStatus"]) == (200, pin_id, "PENDING_ACCEPTED")
    status, tracked = await resend(client, pin_id, json={"trackDelivery": True, "placeholders": {"x": "z"}})
    assert "externalMessageId" in tracked
    status, v1 = await resend(client, pin_id, version=1)
    assert v1["pinId"] == pin_id
    deliveries = mock.outbox.list(TO)
    assert len(deliveries) == 5
    assert len({d.code for d in deliveries}) == 1
    assert {d.reference for d in deliveries} == {pin_id}
    assert [d.extra["resend"] for d in deliveries] == [False, True, True, True, True]
    status, error = await resend(client, pin_id, "email")
    assert (status, fields_of(error)) == (400, {"pinId"})
    mock.configure({"crossChannelResend": False})
    status, error = await resend(client, pin_id, "voice")
    assert status == 400
    status, error = await resend(client, pin_id, "voice", version=1)
    assert (status, error_of(error)[0]) == (404, "NOT_FOUND")  # /2fa/1 documents no 400 on resends


async def test_resend_keeps_ttl_and_attempts_and_refuses_expired_pins(
    client: httpx.AsyncClient, mock: InfobipMock
) -> None:
    app_id, msg_id = await setup(client, **LOOSE)
    _, sent = await send(client, app_id, msg_id)
    pin_id, code = sent["pinId"], code_sent(mock)
    _, wrong = await verify(client, pin_id, other_than(code))
    mock.clock.advance(10 * 60)
    await resend(client, pin_id)
    _, after = await verify(client, pin_id, other_than(code))
    assert after["attemptsRemaining"] == wrong["attemptsRemaining"] - 1  # U19: counter not reset
    mock.clock.advance(5 * 60)
    _, expired = await verify(client, pin_id, code)
    assert (expired["verified"], expired["pinError"], expired["attemptsRemaining"]) == (False, "TTL_EXPIRED", 8)
    status, error = await resend(client, pin_id)
    assert (status, error_of(error)) == (404, ("NOT_FOUND", "Not found"))  # U20
    mock.configure({"resendExpiredPins": True})
    assert (await resend(client, pin_id))[0] == 200


async def test_email_pins_are_resent_only_by_email(client: httpx.AsyncClient, mock: InfobipMock) -> None:
    app_id = await new_app(client, **LOOSE)
    email = await new_email_template(client, app_id)
    _, sent = await send(client, app_id, email["messageId"], "email")
    status, again = await resend(client, sent["pinId"], "email", json={"placeholders": {"a": "b"}})
    assert (status, again) == (200, sent)
    status, error = await resend(client, sent["pinId"], "sms")
    assert (status, fields_of(error)) == (400, {"pinId"})
    status, error = await resend(client, sent["pinId"], "sms", version=1)
    assert status == 404  # e-mail PINs do not exist in /2fa/1
    status, error = await resend(client, "0" * 32, "email")
    assert (status, error_of(error)[0]) == (404, "NOT_FOUND")


# --- limits ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("version", "expected"),
    [
        (2, ("TOO_MANY_REQUESTS", "Too many requests")),
        (1, ("THROTTLE_EXCEPTION", "Too many requests. Try again later.")),
    ],
)
async def test_send_per_phone_number_limit_counts_resends(
    client: httpx.AsyncClient, mock: InfobipMock, version: int, expected: tuple[str, str]
) -> None:
    app_id, msg_id = await setup(client, version)  # default 3/1d
    _, sent = await send(client, app_id, msg_id, version=version)
    for _ in range(2):
        assert (await resend(client, sent["pinId"], version=version))[0] == 200
    status, error = await resend(client, sent["pinId"], version=version)
    assert (status, error_of(error)) == (429, expected)
    status, error = await send(client, app_id, msg_id, version=version)
    assert (status, error_of(error)) == (429, expected)
    assert (await send(client, app_id, msg_id, version=version, to="41793026728"))[0] == 200
    mock.clock.advance(86400)
    assert (await send(client, app_id, msg_id, version=version))[0] == 200


async def test_send_per_application_limit(client: httpx.AsyncClient, mock: InfobipMock) -> None:
    app_id, msg_id = await setup(client, sendPinPerApplicationLimit="2/1h")
    assert (await send(client, app_id, msg_id, to="1"))[0] == 200
    assert (await send(client, app_id, msg_id, "voice", to="2"))[0] == 200
    status, error = await send(client, app_id, msg_id, to="3")
    assert (status, error_of(error)[0]) == (429, "TOO_MANY_REQUESTS")
    mock.configure({"resendsCountTowardLimits": False})
    mock.clock.advance(3600)
    _, sent = await send(client, app_id, msg_id, to="4")
    for _ in range(3):
        assert (await resend(client, sent["pinId"]))[0] == 200


@pytest.mark.parametrize("version", [1, 2])
async def test_verify_pin_limit(client: httpx.AsyncClient, mock: InfobipMock, version: int) -> None:
    app_id, msg_id = await setup(client, version)  # default 1/3s per (application, destination)
    _, sent = await send(client, app_id, msg_id, version=version)
    assert (await verify(client, sent["pinId"], "0", version))[0] == 200
    status, error = await verify(client, sent["pinId"], code_sent(mock), version)
    assert status == 429
    assert error_of(error)[0] == ("TOO_MANY_REQUESTS" if version == 2 else "THROTTLE_EXCEPTION")
    mock.clock.advance(3)
    _, ok = await verify(client, sent["pinId"], code_sent(mock), version)
    assert ok["verified"] is True


async def test_published_account_limits_when_switched_on(client: httpx.AsyncClient, mock: InfobipMock) -> None:
    mock.configure({"enforceAccountRateLimits": True})
    for _ in range(20):
        await new_app(client)
    status, error = await call(client, "create-2fa-application", "POST", "/applications", version=1, json={"name": "x"})
    assert (status, error_of(error)[0]) == (429, "THROTTLE_EXCEPTION")  # shared by both versions
    status, _ = await call(client, "create-2fa-application", "POST", "/applications", json={"name": 1})
    assert status == 400  # validation comes before limits
    mock.clock.advance(600)
    await new_app(client)


# --- verifying ---------------------------------------------------------------------------------------


async def test_wrong_pins_use_up_attempts_then_nothing_verifies(client: httpx.AsyncClient, mock: InfobipMock) -> None:
    app_id, msg_id = await setup(client, pinAttempts=3, **LOOSE)
    _, sent = await send(client, app_id, msg_id)
    pin_id, code = sent["pinId"], code_sent(mock)
    outcomes = [(await verify(client, pin_id, other_than(code)))[1] for _ in range(3)]
    assert [(o["pinError"], o["attemptsRemaining"]) for o in outcomes] == [
        ("WRONG_PIN", 2),
        ("WRONG_PIN", 1),
        ("NO_MORE_PIN_ATTEMPTS", 0),
    ]
    _, right = await verify(client, pin_id, code)  # U17
    assert right == {
        "pinId": pin_id,
        "msisdn": TO,
        "verified": False,
        "attemptsRemaining": 0,
        "pinError": "NO_MORE_PIN_ATTEMPTS",
    }


async def test_right_pin_verifies_again_only_when_allowed(client: httpx.AsyncClient, mock: InfobipMock) -> None:
    app_id, msg_id = await setup(client, **LOOSE)
    _, sent = await send(client, app_id, msg_id)
    code = code_sent(mock)
    await verify(client, sent["pinId"], code.lower() + "x")
    _, first = await verify(client, sent["pinId"], code)
    assert first == {"pinId": sent["pinId"], "msisdn": TO, "verified": True, "attemptsRemaining": 9}  # U18
    assert (await verify(client, sent["pinId"], code))[1]["verified"] is True
    path = f"/applications/{app_id}"
    conf = {**LOOSE, "allowMultiplePinVerifications": False}
    await call(client, "update-2fa-application", "PUT", path, json={"name": "app", "configuration": conf})
    _, again = await verify(client, sent["pinId"], code)
    assert (again["verified"], again["pinError"]) == (False, "NO_MORE_PIN_ATTEMPTS")  # U16
    mock.configure({"zeroAttemptsRemainingOnSuccess": True})
    _, other = await send(client, app_id, msg_id)
    assert (await verify(client, other["pinId"], code_sent(mock)))[1]["attemptsRemaining"] == 0


async def test_pins_compare_exactly_unless_configured(client: httpx.AsyncClient, mock: InfobipMock) -> None:
    app_id = await new_app(client, **LOOSE)
    template = await new_template(client, app_id, pinType="ALPHA", pinLength=8)
    _, sent = await send(client, app_id, template["messageId"])
    code = code_sent(mock)
    assert (await verify(client, sent["pinId"], code.lower()))[1]["pinError"] == "WRONG_PIN"  # U7
    mock.configure({"caseInsensitivePins": True})
    assert (await verify(client, sent["pinId"], code.lower()))[1]["verified"] is True


async def test_verification_records_newest_first_in_milliseconds(client: httpx.AsyncClient, mock: InfobipMock) -> None:
    app_id, msg_id = await setup(client, **LOOSE)
    start = mock.clock.now_millis()
    pins = []
    for _ in range(3):
        pins.append((await send(client, app_id, msg_id))[1]["pinId"])
        mock.clock.advance(1)
    await verify(client, pins[1], mock.outbox.list(TO)[1].code)
    mock.configure({"numberLookup": {TO: "NC_DESTINATION_NOT_REACHABLE"}})
    await send(client, app_id, msg_id)
    path = f"/applications/{app_id}/verifications"
    op = "get-2fa-verification-status"
    status, body = await call(client, op, "GET", path, params={"msisdn": TO})
    records = body["verifications"]
    assert [r["sentAt"] - start for r in records] == [3000, 2000, 1000, 0]  # U25, U26
    assert [r["verified"] for r in records] == [False, False, True, False]
    assert records[2]["verifiedAt"] == start + 3000
    assert all("verifiedAt" not in r for i, r in enumerate(records) if i != 2)
    _, verified = await call(client, op, "GET", path, params={"msisdn": TO, "verified": "true"})
    assert verified["verifications"] == [records[2]]
    _, not_sent = await call(client, op, "GET", path, version=1, params={"msisdn": TO, "sent": "false"})
    assert not_sent["verifications"] == [records[0]]  # U27: withheld by Number Lookup
    _, other = await call(client, op, "GET", path, params={"msisdn": "385"})
    assert other == {"verifications": []}
    status, error = await call(client, op, "GET", path)
    assert (status, fields_of(error)) == (400, {"msisdn"})
    status, error = await call(client, op, "GET", path, params={"msisdn": TO, "verified": "yes"})
    assert (status, fields_of(error)) == (400, {"verified"})
    status, error = await call(client, op, "GET", "/applications/nope/verifications", params={"msisdn": TO})
    assert (status, error_of(error)[0]) == (404, "NOT_FOUND")


# --- not found, bad request, routing -----------------------------------------------------------------


async def test_not_found_message_ids(client: httpx.AsyncClient, mock: InfobipMock) -> None:
    app_id, msg_id = await setup(client)
    resource = ("RESOURCE_NOT_FOUND", "Application or message with given ID cannot be found.")
    for version in (1, 2):  # U3
        assert error_of((await send(client, "nope", msg_id, version=version))[1]) == resource
        assert error_of((await send(client, app_id, "nope", "voice", version=version))[1]) == resource
    message = ("MESSAGE_NOT_FOUND", "Message with given id cannot be found.")
    status, body = await call(client, "get-2fa-message-template", "GET", f"/applications/{app_id}/messages/nope")
    assert (status, error_of(body)) == (404, message)  # U5
    for op, method, path in [
        ("get-2fa-application", "GET", "/applications/nope"),
        ("get-2fa-message-templates", "GET", "/applications/nope/messages"),
        ("get-2fa-message-template", "GET", f"/applications/nope/messages/{msg_id}"),
    ]:
        status, body = await call(client, op, method, path)
        assert (status, error_of(body)) == (404, ("NOT_FOUND", "Not found"))  # U4
    status, body = await verify(client, "nope", "1234", version=1)
    assert (status, error_of(body)[0]) == (404, "NOT_FOUND")
    mock.configure({"templateNotFoundId": "NOT_FOUND", "unknownSendTargetStatus": 400})
    status, body = await call(client, "get-2fa-message-template", "GET", f"/applications/{app_id}/messages/nope")
    assert error_of(body)[0] == "NOT_FOUND"
    assert (await send(client, app_id, "nope"))[0] == 400


async def test_unknown_routes_and_methods(client: httpx.AsyncClient) -> None:
    for path in ("/2fa/3/applications", "/2fa/1/pin/email", "/2fa/2/api-key", "/2fa/2/applications/", "/other"):
        response = await client.post(path, json={})
        assert response.status_code == 404, path
        assert error_of(response.json()) == ("NOT_FOUND", "Not found")
    for method, path, allow in [
        ("DELETE", "/2fa/2/applications", "GET, POST"),
        ("PATCH", "/2fa/1/applications/X", "GET, PUT"),
        ("GET", "/2fa/2/pin", "POST"),
        ("HEAD", "/2fa/2/applications", "GET, POST"),
        ("GET", "/auth/1/oauth2/token", "POST"),
    ]:
        response = await client.request(method, path)
        assert (response.status_code, response.headers["allow"]) == (405, allow), (method, path)
        if method != "HEAD":
            assert error_of(response.json())[0] == "METHOD_NOT_ALLOWED"


async def test_content_type_must_be_json_and_get_bodies_are_ignored(client: httpx.AsyncClient) -> None:
    for content_type in ("text/plain", "application/xml", "application/x-www-form-urlencoded"):
        response = await client.post(
            "/2fa/2/applications", content=b'{"name": "x"}', headers={"Content-Type": content_type}
        )
        body = assert_conforms(SPEC, "create-2fa-application", response)
        assert (response.status_code, fields_of(body)) == (400, {"body"})
    for content_type in ("application/json; charset=utf-8", "application/vnd.api+json", ""):
        headers = {"Content-Type": content_type} if content_type else {}
        response = await client.post("/2fa/2/applications", content=b'{"name": "x"}', headers=headers)
        assert response.status_code == 200, content_type
    response = await client.request("GET", "/2fa/2/applications", content=b"{not json")
    assert response.status_code == 200


BODY_OPERATIONS = [
    (version, op, path)
    for version in (1, 2)
    for op, path in [
        ("create-2fa-application", "/applications"),
        ("update-2fa-application", "/applications/A"),
        ("create-2fa-message-template", "/applications/A/messages"),
        ("update-2fa-message-template", "/applications/A/messages/M"),
        ("create-2fa-email-message-template", "/applications/A/email/messages"),
        ("update-2fa-email-message-template", "/applications/A/email/messages/M"),
        ("send-2fa-pin-code-over-sms", "/pin"),
        ("send-2fa-pin-code-over-voice", "/pin/voice"),
        ("send-2fa-pin-code-over-email", "/pin/email"),
        ("resend-2fa-pin-code-over-sms", "/pin/P/resend"),
        ("resend-2fa-pin-code-over-voice", "/pin/P/resend/voice"),
        ("resend-2fa-pin-code-over-email", "/pin/P/resend/email"),
        ("verify-2fa-phone-number", "/pin/P/verify"),
    ]
    # /2fa/1 has no e-mail channel, and its resends take no body
    if version == 2 or not ("email" in op or op.startswith("resend"))
]
WRONG_TYPES = (
    b'{"name": 5, "enabled": "no", "configuration": [], "messageText": 5, "pinType": 5, "pinPlaceholder": 5,'
    b' "emailTemplateId": "1", "applicationId": 1, "messageId": 1, "to": 5, "placeholders": [],'
    b' "landingPagePlaceholders": "x", "trackDelivery": "yes", "pin": 1234}'
)
MALFORMED = {
    "invalid-json": (b"{not json", "application/json"),
    "invalid-utf8": (b'{"name": "\xff\xfe"}', "application/json"),
    "deep": (b"[" * 100_000 + b"]" * 100_000, "application/json"),
    "deep-object": (b'{"a":' * 50 + b"1" + b"}" * 50, "application/json"),
    "2MiB": (b'{"name": "' + b"9" * (2 * 1024 * 1024) + b'"}', "application/json"),
    "array": (b"[1, 2, 3]", "application/json"),
    "string": (b'"just a string"', "application/json"),
    "null": (b"null", "application/json"),
    "wrong-types": (WRONG_TYPES, "application/json"),
    "non-finite": (
        b'{"pinLength": NaN, "speechRate": Infinity, "pinAttempts": -Infinity, "emailTemplateId": 1e999, "pin": NaN}',
        "application/json",
    ),
    "huge-int": (b'{"pinLength": 1' + b"0" * 5000 + b"}", "application/json"),  # beyond int() limits
    "big-ints": (
        b'{"name": %(b)s, "pinLength": %(b)s, "emailTemplateId": %(b)s, "to": %(b)s, "pin": %(b)s,'
        b' "placeholders": %(b)s}' % {b"b": b"1" + b"0" * 100},
        "application/json",
    ),
    "lone-surrogate": (
        b'{"name": "\\ud800", "pin": "\\udfff", "to": "\\ud800", "placeholders": {"a": "\\ud800"}}',
        "application/json",
    ),
    "form": (b"name=x", "application/x-www-form-urlencoded"),
}


@pytest.mark.parametrize("payload", MALFORMED, ids=list(MALFORMED))
async def test_malformed_bodies_get_400_on_every_body_operation(
    client: httpx.AsyncClient, mock: InfobipMock, payload: str
) -> None:
    content, content_type = MALFORMED[payload]
    for version, op, path in BODY_OPERATIONS:
        method = "PUT" if op.startswith("update") else "POST"
        headers = {"Content-Type": content_type}
        response = await client.request(method, f"/2fa/{version}{path}", content=content, headers=headers)
        assert response.status_code == 400, (payload, version, op, response.text)
        body = assert_conforms(SPEC, op if version == 2 else f"v1-{op}", response)
        assert error_of(body)[0] == "BAD_REQUEST"
    assert mock.outbox.total == 0
    assert mock.store.applications == {}


async def test_unknown_fields_are_tolerated_and_unicode_round_trips(client: httpx.AsyncClient) -> None:
    body = {"name": "x", "processId": "p", "extra": {"nested": [1, 2]}}
    status, _ = await call(client, "create-2fa-application", "POST", "/applications", json=body)
    assert status == 200
    escaped = b'{"name": "\\ud83d\\ude00 \xc3\xa9"}'  # an escaped surrogate pair and raw UTF-8
    response = await client.post("/2fa/2/applications", content=escaped, headers={"Content-Type": "application/json"})
    assert assert_conforms(SPEC, "create-2fa-application", response)["name"] == "\U0001f600 \u00e9"


# --- auth --------------------------------------------------------------------------------------------


async def test_each_scheme_authenticates_and_anything_else_is_401(client: httpx.AsyncClient, mock: InfobipMock) -> None:
    good = [APP_KEY, BASIC, f"IBSSO {DEMO_IBSSO_TOKEN}", f"Bearer {DEMO_BEARER_TOKEN}"]
    bad = [
        "",
        "App",
        "App nope",
        f"app {DEMO_API_KEY}",  # scheme words are case-sensitive
        f"ApiKey {DEMO_API_KEY}",
        "Basic " + base64.b64encode(f"{DEMO_USER}:wrong".encode()).decode(),
        "Basic !!!",
        "IBSSO nope",
        f"ibsso {DEMO_IBSSO_TOKEN}",
        "Bearer nope",
        f"Bearer {DEMO_IBSSO_TOKEN}",
    ]
    for header in good:
        status, _ = await call(
            client, "get-2fa-applications", "GET", "/applications", headers={"Authorization": header}
        )
        assert status == 200, header
    for header in bad:
        status, body = await call(
            client, "get-2fa-applications", "GET", "/applications", version=1, headers={"Authorization": header}
        )
        assert (status, error_of(body)) == (401, ("UNAUTHORIZED", "Unauthorized")), header
    mock.configure({"unauthorizedText": "Invalid login details"})
    status, body = await call(
        client, "verify-2fa-phone-number", "POST", "/pin/P/verify", json={}, headers={"Authorization": "App x"}
    )
    assert error_of(body) == ("UNAUTHORIZED", "Invalid login details")  # before the body is looked at


async def test_ibsso_sessions_expire_after_inactivity_when_configured(
    client: httpx.AsyncClient, mock: InfobipMock
) -> None:
    mock.configure({"ibssoIdleTimeoutSeconds": 60})
    session = {"Authorization": f"IBSSO {DEMO_IBSSO_TOKEN}"}
    for _ in range(3):  # each use keeps the session alive
        assert (await call(client, "get-2fa-applications", "GET", "/applications", headers=session))[0] == 200
        mock.clock.advance(59)
    mock.clock.advance(2)
    assert (await call(client, "get-2fa-applications", "GET", "/applications", headers=session))[0] == 401


async def test_missing_scope_is_403(client: httpx.AsyncClient, mock: InfobipMock) -> None:
    app_id, msg_id = await setup(client)
    pin_only = {"Authorization": f"App {DEMO_PIN_ONLY_API_KEY}"}
    status, body = await call(client, "create-2fa-application", "POST", "/applications", json={}, headers=pin_only)
    assert (status, error_of(body)) == (403, ("FORBIDDEN", "Forbidden"))  # before the body is looked at
    status, sent = await send(client, app_id, msg_id, headers=pin_only)
    assert status == 200
    mock.configure(
        {
            "ibssoTokens": {"manage-only": [SCOPE_MANAGE]},
            "basicUserScopes": {DEMO_USER: [SCOPE_PIN_SEND]},
        }
    )
    manage_only = {"Authorization": "IBSSO manage-only"}
    assert (await resend(client, sent["pinId"], headers=manage_only))[0] == 200
    status, _ = await resend(client, sent["pinId"], "email", json={}, headers=manage_only)
    assert status == 403  # C15: resend over e-mail takes 2fa:pin:manage or 2fa:pin:send only
    status, _ = await call(
        client, "get-2fa-application", "GET", f"/applications/{app_id}", headers={"Authorization": BASIC}
    )
    assert status == 403


async def test_api_keys_are_made_with_basic_only_and_carry_the_users_scopes(
    client: httpx.AsyncClient, mock: InfobipMock
) -> None:
    status, key = await call(client, "create-api-key", "POST", "/api-key", version=1, headers={"Authorization": BASIC})
    assert status == 200
    assert API_KEY.fullmatch(key)
    new_key = {"Authorization": f"App {key}"}
    assert (await call(client, "create-2fa-application", "POST", "/applications", json={"name": "n"}, headers=new_key))[
        0
    ] == 200
    for header in (APP_KEY, f"Bearer {DEMO_BEARER_TOKEN}", ""):
        status, body = await call(
            client, "create-api-key", "POST", "/api-key", version=1, headers={"Authorization": header}
        )
        assert (status, error_of(body)[0]) == (401, "UNAUTHORIZED")
    mock.configure({"basicUserScopes": {DEMO_USER: [SCOPE_PIN_SEND]}, "apiKeyAsJson": False})
    response = await client.post("/2fa/1/api-key", headers={"Authorization": BASIC})
    assert response.headers["content-type"].startswith("text/plain")
    limited = {"Authorization": f"App {response.text}"}
    assert (await call(client, "get-2fa-applications", "GET", "/applications", headers=limited))[0] == 403


async def test_oauth2_client_credentials_tokens_expire(client: httpx.AsyncClient, mock: InfobipMock) -> None:
    form = {"grant_type": "client_credentials", "client_id": DEMO_CLIENT_ID, "client_secret": DEMO_CLIENT_SECRET}
    grant = (await client.post("/auth/1/oauth2/token", data=form)).json()
    assert (grant["token_type"], grant["expires_in"]) == ("Bearer", 3600)
    bearer = {"Authorization": f"Bearer {grant['access_token']}"}
    assert (await call(client, "get-2fa-applications", "GET", "/applications", headers=bearer))[0] == 200
    mock.clock.advance(3600)
    assert (await call(client, "get-2fa-applications", "GET", "/applications", headers=bearer))[0] == 401
    by_basic = await client.post(
        "/auth/1/oauth2/token",
        data={"grant_type": "client_credentials", "scope": SCOPE_PIN_SEND},
        auth=(DEMO_CLIENT_ID, DEMO_CLIENT_SECRET),
    )
    scoped = {"Authorization": f"Bearer {by_basic.json()['access_token']}"}
    assert (await call(client, "get-2fa-applications", "GET", "/applications", headers=scoped))[0] == 403
    for data, status, error in [
        ({**form, "client_secret": "nope"}, 401, "invalid_client"),
        ({**form, "grant_type": "password"}, 400, "unsupported_grant_type"),
        ({**form, "scope": "everything"}, 400, "invalid_scope"),
    ]:
        response = await client.post("/auth/1/oauth2/token", data=data)
        assert (response.status_code, response.json()) == (status, {"error": error})
    response = await client.post(
        "/auth/1/oauth2/token", content=b"\xff", headers={"Content-Type": "application/x-www-form-urlencoded"}
    )
    assert response.status_code == 400


# --- state: atomic, bounded --------------------------------------------------------------------------


async def test_concurrent_wrong_verifies_use_exactly_that_many_attempts(
    client: httpx.AsyncClient, mock: InfobipMock
) -> None:
    app_id, msg_id = await setup(client, pinAttempts=1000, verifyPinLimit="1000/1s")
    _, sent = await send(client, app_id, msg_id)
    wrong = other_than(code_sent(mock))
    results = await asyncio.gather(*(verify(client, sent["pinId"], wrong) for _ in range(60)))
    assert {r[0] for r in results} == {200}
    assert sorted(r[1]["attemptsRemaining"] for r in results) == list(range(940, 1000))
    assert mock.store.pins[sent["pinId"]].wrong_attempts == 60


async def test_concurrent_sends_are_all_delivered(client: httpx.AsyncClient, mock: InfobipMock) -> None:
    app_id, msg_id = await setup(client)
    results = await asyncio.gather(*(send(client, app_id, msg_id, to=f"4179302{i:04d}") for i in range(50)))
    assert {r[0] for r in results} == {200}
    assert mock.outbox.total == 50
    assert len({r[1]["pinId"] for r in results}) == 50
    assert len(mock.store.pins) == 50


async def test_expired_pins_and_old_records_are_evicted(client: httpx.AsyncClient, mock: InfobipMock) -> None:
    mock.configure({"expiredPinRetentionSeconds": 60, "recordRetentionSeconds": 3600})
    app_id, msg_id = await setup(client, pinTimeToLive="1m")
    for i in range(200):
        await send(client, app_id, msg_id, to=f"4179302{i:04d}")
    _, kept = await send(client, app_id, msg_id)
    assert len(mock.store.pins) == 201
    mock.clock.advance(61)
    _, expired = await verify(client, kept["pinId"], "0")
    assert expired["pinError"] == "TTL_EXPIRED"  # kept for the retention period
    mock.clock.advance(60)
    status, _ = await verify(client, kept["pinId"], "0")
    assert status == 404
    assert len(mock.store.pins) == 0
    assert len(mock.store.records) == 201
    mock.clock.advance(3600)
    await call(client, "get-2fa-applications", "GET", "/applications")
    await verify(client, "x", "0")
    assert len(mock.store.records) == 0


async def test_pin_count_is_capped(client: httpx.AsyncClient, mock: InfobipMock) -> None:
    mock.configure({"maxPins": 5})
    app_id, msg_id = await setup(client)
    pin_ids = [(await send(client, app_id, msg_id, to=str(i)))[1]["pinId"] for i in range(8)]
    assert list(mock.store.pins) == pin_ids[3:]


# --- control surface ---------------------------------------------------------------------------------


async def test_faults_answer_in_the_infobip_shape_then_stop(client: httpx.AsyncClient) -> None:
    fault = {"operation": "verify-2fa-phone-number", "status": 503, "retryAfter": 2, "count": 2}
    assert (await client.post("/_mock/faults", json=fault)).status_code == 200
    for _ in range(2):
        response = await client.post("/2fa/2/pin/P/verify", json={"pin": "1"})
        assert response.headers["retry-after"] == "2"
        body = assert_conforms(SPEC, "verify-2fa-phone-number", response)
        assert (response.status_code, error_of(body)[0]) == (503, "SERVICE_UNAVAILABLE")
    assert (await client.post("/2fa/2/pin/P/verify", json={"pin": "1"})).status_code == 404
    await client.post("/_mock/faults", json={"operation": "v1-get-2fa-applications", "status": 429})
    status, body = await call(client, "get-2fa-applications", "GET", "/applications", version=1)
    assert (status, error_of(body)[0]) == (429, "THROTTLE_EXCEPTION")
    await client.post("/_mock/faults", json={"status": 500})
    status, body = await call(client, "create-2fa-application", "POST", "/applications", json={"name": "x"})
    assert (status, error_of(body)) == (500, ("GENERAL_ERROR", "Something went wrong. Please contact support."))


async def test_control_surface_over_http(client: httpx.AsyncClient, mock: InfobipMock) -> None:
    app_id, msg_id = await setup(client)
    await send(client, app_id, msg_id)
    outbox = (await client.get("/_mock/outbox", params={"to": TO})).json()
    assert outbox["deliveries"][0]["code"] == code_sent(mock)
    config = (await client.patch("/_mock/config", json={"numberLookup": {TO: "NC_DESTINATION_UNKNOWN"}})).json()
    assert config["numberLookup"] == {TO: "NC_DESTINATION_UNKNOWN"}
    for bad in (
        {"defaultNcStatus": "NOPE"},
        {"disabledApplicationStatus": 500},
        {"apiKeys": {"k": ["nope"]}},
        {"x": 1},
    ):
        assert (await client.patch("/_mock/config", json=bad)).status_code == 400, bad
    spec = await client.get("/_mock/openapi.yaml")
    assert spec.text.startswith("openapi: 3.1.0")
    assert "Infobip" in spec.text[:200]
    assert (await client.post("/_mock/reset", json={})).json() == {"status": "reset"}
    assert (mock.outbox.total, mock.store.applications, mock.config) == (0, {}, InfobipConfig(demo_account=False))
