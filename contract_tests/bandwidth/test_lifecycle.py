"""The 2FA lifecycle on Bandwidth: send, wrong code, right code, reuse, expiry, lock-out, resend,
and each documented error status; every answer validated against the spec."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from twofa_mocks import Fault

from contract_tests._scenario import Scenario, open_scenario
from contract_tests._targets import bandwidth_target, basic_header, load_schema

pytestmark = pytest.mark.anyio

TARGET = bandwidth_target()
SCHEMA = load_schema("bandwidth-mfa.yaml", TARGET)
TO = "+19195550100"
SEND = {"to": TO, "from": "+19195554321", "applicationId": "app-1", "message": "Code {CODE}", "digits": 6}
mock_only = pytest.mark.skipif(not TARGET.is_mock, reason="needs the mock's outbox, clock or faults")


@pytest.fixture
async def api() -> AsyncIterator[Scenario]:
    async with open_scenario(TARGET, SCHEMA) as scenario:
        yield scenario


def sent_code(scope: str = "2FA") -> str:
    deliveries = [d for d in TARGET.mock.outbox.list(TO) if d.extra.get("scope") == scope]
    assert deliveries, f"nothing was sent to {TO} in scope {scope}"
    return str(deliveries[-1].code)


def verify(code: str, minutes: float = 3, **extra: str) -> dict[str, object]:
    return {"to": TO, "expirationTimeInMinutes": minutes, "code": code, **extra}


@mock_only
async def test_send_wrong_right_reuse(api: Scenario) -> None:
    await api.call("generateMessagingCode", json=SEND, expect=200)
    code = sent_code()
    wrong = "000000" if code != "000000" else "111111"
    assert (await api.call("verifyCode", json=verify(wrong), expect=200)).json() == {"valid": False}
    assert (await api.call("verifyCode", json=verify(code), expect=200)).json() == {"valid": True}
    assert (await api.call("verifyCode", json=verify(code), expect=200)).json() == {"valid": False}


@mock_only
async def test_voice_code_in_its_own_scope_and_expiry(api: Scenario) -> None:
    await api.call("generateVoiceCode", json={**SEND, "scope": "login"}, expect=200)
    code = sent_code("login")
    assert (await api.call("verifyCode", json=verify(code), expect=200)).json() == {"valid": False}
    TARGET.mock.clock.advance(4 * 60)
    assert (await api.call("verifyCode", json=verify(code, 3, scope="login"))).json() == {"valid": False}
    assert (await api.call("verifyCode", json=verify(code, 5, scope="login"))).json() == {"valid": True}


@mock_only
async def test_resend_sends_a_new_code_and_both_verify(api: Scenario) -> None:
    await api.call("generateMessagingCode", json=SEND, expect=200)
    first = sent_code()
    await api.call("generateMessagingCode", json=SEND, expect=200)
    second = sent_code()
    assert (await api.call("verifyCode", json=verify(second))).json() == {"valid": True}
    if first != second:
        assert (await api.call("verifyCode", json=verify(first))).json() == {"valid": True}


@mock_only
async def test_lock_out_after_repeated_wrong_codes(api: Scenario) -> None:
    TARGET.mock.configure({"lockoutThreshold": 3})
    await api.call("generateMessagingCode", json=SEND, expect=200)
    for _ in range(3):
        await api.call("verifyCode", json=verify("0000000"), expect=200)
    locked = await api.call("verifyCode", json=verify(sent_code()), expect=429)
    assert locked.json()["error"] == "This number has exceeded verification attempts, please wait 2 minutes"


async def test_never_sent_code_is_invalid_not_an_error(api: Scenario) -> None:
    response = await api.call("verifyCode", json={**verify("482913"), "to": "+19195550199"}, expect=200)
    assert response.json() == {"valid": False}


async def test_bad_input_is_a_400(api: Scenario) -> None:
    assert TARGET.plan is not None
    if not TARGET.plan.runs("generateMessagingCode"):
        pytest.skip(f"not run: generateMessagingCode: {TARGET.plan.not_run['generateMessagingCode']}")
    invalid = await api.call("generateMessagingCode", json={**SEND, "to": ""}, expect=400)
    assert invalid.json()["error"] == "to number is required"


async def test_wrong_credentials_get_401(api: Scenario) -> None:
    # Also live, on every operation the run exercises: wrong credentials cannot send anything.
    assert TARGET.plan is not None
    wrong = {"Authorization": basic_header("nobody", "wrong")}
    for operation_id, body in (("generateMessagingCode", SEND), ("generateVoiceCode", SEND),
                               ("verifyCode", verify("1234"))):  # fmt: skip
        if not TARGET.plan.runs(operation_id):
            continue
        response = await api.call(operation_id, json=body, headers=wrong, expect=401)
        assert response.json() == {"message": "Unauthorized"}


@mock_only
async def test_account_without_mfa_and_server_errors(api: Scenario) -> None:
    TARGET.mock.configure({"mfaAccounts": []})
    for operation_id, body in (("generateMessagingCode", SEND), ("generateVoiceCode", SEND),
                               ("verifyCode", verify("1234"))):  # fmt: skip
        forbidden = await api.call(operation_id, json=body, expect=403)
        assert "Message" in forbidden.json()
    TARGET.mock.reset()
    for operation_id, body in (("generateMessagingCode", SEND), ("generateVoiceCode", SEND),
                               ("verifyCode", verify("1234"))):  # fmt: skip
        TARGET.mock.faults.add(Fault(operation=operation_id, status=500))
        failed = await api.call(operation_id, json=body, expect=500)
        assert set(failed.json()) == {"error", "requestId"}
