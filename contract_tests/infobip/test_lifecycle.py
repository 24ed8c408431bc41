"""The 2FA lifecycle on Infobip, v2 and the deprecated v1: applications, templates, send, wrong PIN,
right PIN, reuse, expiry, exhausted attempts, resend, limits, verification status, API keys, and every
documented error status of every operation; each answer validated against the spec."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from typing import Any

import pytest
from twofa_mocks import Fault

from contract_tests._coverage import operations
from contract_tests._scenario import Scenario, open_scenario
from contract_tests._targets import INFOBIP_BASIC, infobip_target, load_schema

pytestmark = pytest.mark.anyio

TARGET = infobip_target()
SCHEMA = load_schema("infobip-2fa.yaml", TARGET)
MSISDN = "41793026727"
EMAIL = "john.smith@example.com"
GENEROUS = {"pinAttempts": 3, "verifyPinLimit": "100/1s", "sendPinPerPhoneNumberLimit": "100/1d"}
mock_only = pytest.mark.skipif(not TARGET.is_mock, reason="needs the mock's outbox, clock or faults")


@pytest.fixture
async def api() -> AsyncIterator[Scenario]:
    async with open_scenario(TARGET, SCHEMA) as scenario:
        yield scenario


def pin_sent(pin_id: str) -> str:
    deliveries = [d for d in TARGET.mock.outbox.list() if d.reference == pin_id]
    assert deliveries, f"no delivery for PIN {pin_id}"
    return str(deliveries[-1].code)


async def application(api: Scenario, version: int = 2, **configuration: Any) -> str:
    prefix = "" if version == 2 else "v1-"
    body = {"name": "contract app", "configuration": {**GENEROUS, **configuration}}
    created = await api.call(f"{prefix}create-2fa-application", json=body, expect=200)
    return str(created.json()["applicationId"])


async def sms_template(api: Scenario, app_id: str) -> str:
    body = {"messageText": "Your PIN is {{pin}}", "pinType": "NUMERIC", "pinLength": 6}
    created = await api.call("create-2fa-message-template", path={"appId": app_id}, json=body, expect=200)
    return str(created.json()["messageId"])


async def send_sms(api: Scenario, app_id: str, msg_id: str, expect: int = 200) -> Any:
    body = {"applicationId": app_id, "messageId": msg_id, "to": MSISDN}
    return (await api.call("send-2fa-pin-code-over-sms", json=body, expect=expect)).json()


async def verify(api: Scenario, pin_id: str, pin: str, expect: int = 200) -> Any:
    path = {"pinId": pin_id}
    return (await api.call("verify-2fa-phone-number", path=path, json={"pin": pin}, expect=expect)).json()


def wrong(pin: str) -> str:
    return "000000" if pin != "000000" else "111111"


@mock_only
@pytest.mark.parametrize("version", [2, 1])
async def test_create_application_may_answer_201(api: Scenario, version: int) -> None:
    """C8: Infobip's published document says 201 where its pages say 200; both are documented and seen."""
    TARGET.mock.configure({"createdApplicationStatus": 201})
    prefix = "" if version == 2 else "v1-"
    created = await api.call(f"{prefix}create-2fa-application", json={"name": "created 201"}, expect=201)
    assert created.json()["name"] == "created 201"


@mock_only
async def test_v2_applications_and_templates(api: Scenario) -> None:
    app_id = await application(api)
    assert [a["applicationId"] for a in (await api.call("get-2fa-applications", expect=200)).json()] == [app_id]
    got = (await api.call("get-2fa-application", path={"appId": app_id}, expect=200)).json()
    assert got["configuration"]["pinTimeToLive"] == "15m"  # default filled in
    updated = await api.call(
        "update-2fa-application", path={"appId": app_id}, json={"name": "renamed", "enabled": True}, expect=200
    )
    assert updated.json()["configuration"]["pinAttempts"] == 3  # omitted fields kept
    msg_id = await sms_template(api, app_id)
    email = await api.call(
        "create-2fa-email-message-template",
        path={"appId": app_id},
        json={"emailTemplateId": 1234, "from": "company@example.com"},
        expect=200,
    )
    email_id = email.json()["messageId"]
    listed = (await api.call("get-2fa-message-templates", path={"appId": app_id}, expect=200)).json()
    assert {t["messageId"] for t in listed} == {msg_id, email_id}
    one = await api.call("get-2fa-message-template", path={"appId": app_id, "msgId": msg_id}, expect=200)
    assert one.json()["pinPlaceholder"] == "{{pin}}"
    await api.call(
        "update-2fa-message-template", path={"appId": app_id, "msgId": msg_id}, json={"pinLength": 4}, expect=200
    )
    await api.call(
        "update-2fa-email-message-template",
        path={"appId": app_id, "msgId": email_id},
        json={"pinType": "HEX"},
        expect=200,
    )
    missing = await api.call("get-2fa-message-template", path={"appId": app_id, "msgId": "F" * 32}, expect=404)
    assert missing.json()["requestError"]["serviceException"]["messageId"] == "MESSAGE_NOT_FOUND"


@mock_only
async def test_v2_send_wrong_right_reuse_resend_and_status(api: Scenario) -> None:
    app_id = await application(api)
    msg_id = await sms_template(api, app_id)
    sent = await send_sms(api, app_id, msg_id)
    assert sent["smsStatus"] == "MESSAGE_SENT"
    pin = pin_sent(sent["pinId"])
    failed = await verify(api, sent["pinId"], wrong(pin))
    assert (failed["verified"], failed["pinError"], failed["attemptsRemaining"]) == (False, "WRONG_PIN", 2)
    assert (await verify(api, sent["pinId"], pin))["verified"] is True
    assert (await verify(api, sent["pinId"], pin))["verified"] is True  # allowMultiplePinVerifications
    resent = await api.call("resend-2fa-pin-code-over-sms", path={"pinId": sent["pinId"]}, json={}, expect=200)
    assert resent.json()["pinId"] == sent["pinId"]
    assert pin_sent(sent["pinId"]) == pin  # the same PIN again
    voice = await api.call(
        "send-2fa-pin-code-over-voice", json={"applicationId": app_id, "messageId": msg_id, "to": MSISDN}, expect=200
    )
    await api.call("resend-2fa-pin-code-over-voice", path={"pinId": voice.json()["pinId"]}, expect=200)
    records = await api.call(
        "get-2fa-verification-status", path={"appId": app_id}, params={"msisdn": MSISDN, "verified": "true"}
    )
    assert [r["verified"] for r in records.json()["verifications"]] == [True]


@mock_only
async def test_v2_email_pin(api: Scenario) -> None:
    app_id = await application(api)
    email = await api.call(
        "create-2fa-email-message-template", path={"appId": app_id}, json={"emailTemplateId": 7}, expect=200
    )
    body = {"applicationId": app_id, "messageId": email.json()["messageId"], "to": EMAIL}
    sent = (await api.call("send-2fa-pin-code-over-email", json=body, expect=200)).json()
    assert sent["emailStatus"]["name"] == "PENDING_ACCEPTED"
    await api.call("resend-2fa-pin-code-over-email", path={"pinId": sent["pinId"]}, json={}, expect=200)
    assert (await verify(api, sent["pinId"], pin_sent(sent["pinId"])))["verified"] is True


@mock_only
async def test_expiry_and_exhausted_attempts(api: Scenario) -> None:
    app_id = await application(api, pinTimeToLive="1m", pinAttempts=2)
    msg_id = await sms_template(api, app_id)
    expiring = await send_sms(api, app_id, msg_id)
    TARGET.mock.clock.advance(61)
    expired = await verify(api, expiring["pinId"], pin_sent(expiring["pinId"]))
    assert (expired["verified"], expired["pinError"]) == (False, "TTL_EXPIRED")
    sent = await send_sms(api, app_id, msg_id)
    pin = pin_sent(sent["pinId"])
    await verify(api, sent["pinId"], wrong(pin))
    exhausted = await verify(api, sent["pinId"], wrong(pin))
    assert (exhausted["pinError"], exhausted["attemptsRemaining"]) == ("NO_MORE_PIN_ATTEMPTS", 0)
    assert (await verify(api, sent["pinId"], pin))["pinError"] == "NO_MORE_PIN_ATTEMPTS"
    unknown = await verify(api, "A" * 32, "1234", expect=404)
    assert unknown["requestError"]["serviceException"]["messageId"] == "NOT_FOUND"


@mock_only
async def test_send_and_verify_limits(api: Scenario) -> None:
    app_id = await application(api, sendPinPerPhoneNumberLimit="1/1d", verifyPinLimit="1/3s")
    msg_id = await sms_template(api, app_id)
    sent = await send_sms(api, app_id, msg_id)
    throttled = await send_sms(api, app_id, msg_id, expect=429)
    assert throttled["requestError"]["serviceException"]["messageId"] == "TOO_MANY_REQUESTS"
    await verify(api, sent["pinId"], "1234")
    await verify(api, sent["pinId"], "1234", expect=429)
    TARGET.mock.clock.advance(3)
    await verify(api, sent["pinId"], "1234")


@mock_only
async def test_v1_lifecycle_with_a_created_api_key(api: Scenario) -> None:
    key = await api.call("v1-create-api-key", headers={"Authorization": INFOBIP_BASIC}, expect=200)
    new_key = key.json()
    assert re.fullmatch(r"[0-9a-f]{32}-[0-9a-f-]{36}", new_key)
    api.client.headers["Authorization"] = f"App {new_key}"
    app_id = await application(api, version=1)
    await api.call("v1-get-2fa-applications", expect=200)
    await api.call("v1-get-2fa-application", path={"applicationId": app_id}, expect=200)
    await api.call("v1-update-2fa-application", path={"applicationId": app_id}, json={"name": "v1"}, expect=200)
    template = {"pinPlaceholder": "<pin>", "messageText": "Your PIN is <pin>.", "pinType": "HEXA", "pinLength": 6}
    created = await api.call("v1-create-2fa-message-template", path={"applicationId": app_id}, json=template)
    msg_id = created.json()["messageId"]
    assert created.json()["pinType"] == "HEXA"
    await api.call("v1-get-2fa-message-templates", path={"applicationId": app_id}, expect=200)
    ids = {"applicationId": app_id, "messageId": msg_id}
    await api.call("v1-get-2fa-message-template", path=ids, expect=200)
    await api.call("v1-update-2fa-message-template", path=ids, json={"speechRate": 1.5}, expect=200)
    send = {"applicationId": app_id, "messageId": msg_id, "to": MSISDN}
    sent = (await api.call("v1-send-2fa-pin-code-over-sms", json=send, expect=200)).json()
    pin = pin_sent(sent["pinId"])
    assert re.fullmatch(r"[0-9A-F]{6}", pin)
    await api.call("v1-resend-2fa-pin-code-over-sms", path={"pinId": sent["pinId"]}, expect=200)
    voice = (await api.call("v1-send-2fa-pin-code-over-voice", json=send, expect=200)).json()
    await api.call("v1-resend-2fa-pin-code-over-voice", path={"pinId": voice["pinId"]}, expect=200)
    verified = await api.call("v1-verify-2fa-phone-number", path={"pinId": sent["pinId"]}, json={"pin": pin})
    assert verified.json()["verified"] is True
    await api.call("v1-get-2fa-verification-status", path={"applicationId": app_id}, params={"msisdn": MSISDN})


def all_operations() -> list[tuple[str, str]]:
    return [(op["operationId"], path) for _, path, op in operations("infobip")]


def dummy_path(path: str) -> dict[str, str]:
    return {name: "0" * 32 for name in re.findall(r"\{(\w+)\}", path)}


async def test_wrong_credentials_get_401_everywhere(api: Scenario) -> None:
    # Also live, on every operation the run exercises: wrong credentials cannot change anything.
    assert TARGET.plan is not None
    for operation_id, path in all_operations():
        if not TARGET.plan.runs(operation_id):
            continue
        scheme = "Basic d3Jvbmc6d3Jvbmc=" if operation_id == "v1-create-api-key" else "App wrong-key"
        body = await api.call(operation_id, path=dummy_path(path), json={}, headers={"Authorization": scheme})
        assert body.status_code == 401, operation_id
        assert body.json()["requestError"]["serviceException"]["messageId"] == "UNAUTHORIZED"


@mock_only
async def test_a_key_without_the_scope_gets_403(api: Scenario) -> None:
    TARGET.mock.configure({"apiKeys": {"pin-manage-key": ["2fa:pin:manage"], "manage-key": ["2fa:manage"]}})
    for operation_id, path in all_operations():
        if operation_id == "v1-create-api-key":
            continue  # Basic only, no scopes: no 403 documented
        # Resend over e-mail takes 2fa:pin:manage or 2fa:pin:send (C15); everything else refuses pin:manage.
        key = "manage-key" if operation_id == "resend-2fa-pin-code-over-email" else "pin-manage-key"
        headers = {"Authorization": f"App {key}"}
        response = await api.call(operation_id, path=dummy_path(path), json={}, headers=headers, expect=403)
        assert response.json()["requestError"]["serviceException"]["messageId"] == "FORBIDDEN"


@mock_only
@pytest.mark.parametrize("status", [429, 500, 503])
async def test_vendor_error_statuses_from_injected_faults(api: Scenario, status: int) -> None:
    for operation_id, path in all_operations():
        TARGET.mock.faults.add(Fault(operation=operation_id, status=status, retry_after=1))
        headers = {"Authorization": INFOBIP_BASIC} if operation_id == "v1-create-api-key" else None
        response = await api.call(operation_id, path=dummy_path(path), json={}, headers=headers, expect=status)
        assert set(response.json()["requestError"]["serviceException"]) >= {"messageId", "text"}
