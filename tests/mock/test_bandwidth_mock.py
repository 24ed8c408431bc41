"""The Bandwidth MFA mock behaves like the vendor: codes, scopes, windows, lock-out, auth, exact bodies."""

from __future__ import annotations

import asyncio
import base64
import json
import re
import uuid
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
from twofa_mocks import BandwidthConfig, BandwidthMock
from twofa_mocks.bandwidth import DEMO_ACCOUNT, DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, DEMO_PASSWORD, DEMO_USER

from tests.mock.spec_conformance import assert_conforms

pytestmark = pytest.mark.anyio

SPEC = "bandwidth-mfa.yaml"
BASE = f"/api/v1/accounts/{DEMO_ACCOUNT}/code"
TO = "+19195551234"
BASIC = "Basic " + base64.b64encode(f"{DEMO_USER}:{DEMO_PASSWORD}".encode()).decode()
CODE_REQUEST = {
    "to": TO,
    "from": "+19195554321",
    "applicationId": "66fd98ae-ac8d-a00f-7fcd-ba3280aeb9b1",
    "message": "Your temporary {NAME} {SCOPE} code is {CODE}",
    "digits": 6,
}


@pytest.fixture
def mock() -> BandwidthMock:
    return BandwidthMock(BandwidthConfig(application_name="Acme"))


@pytest.fixture
async def client(mock: BandwidthMock) -> AsyncIterator[httpx.AsyncClient]:
    transport = httpx.ASGITransport(app=mock.app)
    # A loopback host: the same client drives /_mock/, which answers only loopback Host names.
    async with httpx.AsyncClient(
        transport=transport, base_url="http://localhost", headers={"Authorization": BASIC}
    ) as c:
        yield c


async def send(client: httpx.AsyncClient, channel: str = "messaging", **fields: Any) -> httpx.Response:
    return await client.post(f"{BASE}/{channel}", json={**CODE_REQUEST, **fields})


async def verify(client: httpx.AsyncClient, code: str, **fields: Any) -> httpx.Response:
    return await client.post(f"{BASE}/verify", json={"to": TO, "expirationTimeInMinutes": 3, "code": code, **fields})


def code_sent(mock: BandwidthMock, to: str = TO) -> str:
    delivery = mock.outbox.last(to)
    assert delivery is not None, f"nothing was sent to {to}"
    return delivery.code


def is_request_id(value: str) -> bool:
    return str(uuid.UUID(value)) == value


# --- generate ----------------------------------------------------------------------------------------


async def test_messaging_code_is_generated_rendered_and_delivered(
    client: httpx.AsyncClient, mock: BandwidthMock
) -> None:
    response = await send(client, scope="login", digits=8)
    body = assert_conforms(SPEC, "generateMessagingCode", response)
    assert response.headers["content-type"] == "application/json; charset=utf-8"
    assert re.fullmatch(r"\d{13}[a-z0-9]{16}", body["messageId"])
    delivery = mock.outbox.last(TO)
    assert delivery is not None
    assert re.fullmatch(r"\d{8}", delivery.code)
    assert delivery.text == f"Your temporary Acme login code is {delivery.code}"
    assert (delivery.channel, delivery.reference, delivery.sender) == (
        "sms",
        body["messageId"],
        "+19195554321",
    )


async def test_voice_code_returns_a_call_id(client: httpx.AsyncClient, mock: BandwidthMock) -> None:
    body = assert_conforms(SPEC, "generateVoiceCode", await send(client, "voice", digits=4))
    assert len(body["callId"]) == 47
    assert body["callId"].startswith("c-")
    delivery = mock.outbox.last(TO)
    assert delivery is not None
    assert delivery.channel == "voice"
    assert len(delivery.code) == 4


async def test_codes_come_from_the_whole_digit_alphabet(client: httpx.AsyncClient, mock: BandwidthMock) -> None:
    for _ in range(40):
        await send(client, digits=8)
    digits = {ch for d in mock.outbox.list(TO) for ch in d.code}
    assert digits == set("0123456789")


# --- verify ------------------------------------------------------------------------------------------


async def test_right_code_is_valid_once(client: httpx.AsyncClient, mock: BandwidthMock) -> None:
    await send(client)
    code = code_sent(mock)
    assert assert_conforms(SPEC, "verifyCode", await verify(client, code)) == {"valid": True}
    assert (await verify(client, code)).json() == {"valid": False}  # consumed (B1)


async def test_codes_can_be_reused_when_configured(client: httpx.AsyncClient, mock: BandwidthMock) -> None:
    mock.configure({"consumeOnSuccess": False})
    await send(client)
    code = code_sent(mock)
    assert (await verify(client, code)).json() == {"valid": True}
    assert (await verify(client, code)).json() == {"valid": True}


async def test_wrong_other_scope_and_never_sent_codes_are_invalid_not_errors(
    client: httpx.AsyncClient, mock: BandwidthMock
) -> None:
    await send(client, scope="login")
    code = code_sent(mock)
    wrong = "0000000" if code != "0000000" else "1111111"
    assert (await verify(client, wrong[:6], scope="login")).json() == {"valid": False}
    assert (await verify(client, code)).json() == {"valid": False}  # default scope 2FA != login
    assert (await verify(client, code, to="+442071838750")).json() == {"valid": False}
    assert (await verify(client, code, scope="login")).json() == {"valid": True}


async def test_the_window_is_chosen_at_verify_time(client: httpx.AsyncClient, mock: BandwidthMock) -> None:
    await send(client)
    code = code_sent(mock)
    mock.clock.advance(4 * 60)
    assert (await verify(client, code, expirationTimeInMinutes=3)).json() == {"valid": False}
    assert (await verify(client, code, expirationTimeInMinutes=4.5)).json() == {"valid": True}


async def test_a_newer_code_supersedes_only_when_configured(client: httpx.AsyncClient, mock: BandwidthMock) -> None:
    await send(client)
    first = code_sent(mock)
    await send(client)
    assert (await verify(client, first)).json() == {"valid": True}  # B2 default: any live code
    mock.configure({"newestCodeOnly": True})
    await send(client)
    older = code_sent(mock)
    await send(client)
    if older != code_sent(mock):
        assert (await verify(client, older)).json() == {"valid": False}


async def test_lock_out_after_n_invalid_attempts_then_recovery(client: httpx.AsyncClient, mock: BandwidthMock) -> None:
    mock.configure({"lockoutThreshold": 3, "lockoutSeconds": 35})
    await send(client)
    code = code_sent(mock)
    bad = "99999" if code != "99999" else "88888"
    for _ in range(3):
        assert (await verify(client, bad)).json() == {"valid": False}
    locked = await verify(client, code)  # even the right code is refused while locked (B5)
    body = assert_conforms(SPEC, "verifyCode", locked)
    assert locked.status_code == 429
    assert body["error"] == "This number has exceeded verification attempts, please wait 2 minutes"
    assert is_request_id(body["requestId"])
    mock.clock.advance(36)
    assert (await verify(client, code)).json() == {"valid": True}


async def test_verify_accepts_json_sent_as_text_plain(client: httpx.AsyncClient, mock: BandwidthMock) -> None:
    await send(client)
    code = code_sent(mock)
    fields = {
        "to": TO,
        "applicationId": "93de2206",
        "scope": "2FA",
        "expirationTimeInMinutes": 3,
        "code": code,
    }
    payload = json.dumps(fields)
    response = await client.post(
        f"{BASE}/verify", content=payload, headers={"Content-Type": "text/plain;charset=UTF-8"}
    )
    assert assert_conforms(SPEC, "verifyCode", response) == {"valid": True}


# --- errors ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fields", "error"),
    [
        ({"to": ""}, "to number is required"),
        ({"to": None}, "to number is required"),
        ({"to": "19195551234"}, "to number must be in E.164 format, like +19195551234"),
        ({"from": None}, "from number is required"),
        ({"applicationId": "x" * 51}, "applicationId must be at most 50 characters"),
        ({"scope": "s" * 26}, "scope must be at most 25 characters"),
        ({"message": None}, "message is required"),
        ({"message": "m" * 2049}, "message must be at most 2048 characters"),
        ({"digits": 3}, "digits must be between 4 and 8"),
        ({"digits": 9}, "digits must be between 4 and 8"),
        ({"digits": "6"}, "digits must be an integer"),
        ({"digits": 6.5}, "digits must be an integer"),
        ({"digits": True}, "digits must be an integer"),
    ],
)
async def test_invalid_generate_requests_get_400_with_request_id(
    client: httpx.AsyncClient, mock: BandwidthMock, fields: dict[str, Any], error: str
) -> None:
    body = {k: v for k, v in {**CODE_REQUEST, **fields}.items() if v is not None}
    response = await client.post(f"{BASE}/messaging", json=body)
    assert response.status_code == 400
    parsed = assert_conforms(SPEC, "generateMessagingCode", response)
    assert parsed["error"] == error
    assert is_request_id(parsed["requestId"])
    assert mock.outbox.total == 0


@pytest.mark.parametrize(
    ("fields", "error"),
    [
        ({"expirationTimeInMinutes": None}, "expirationTimeInMinutes is required"),
        ({"expirationTimeInMinutes": 0.5}, "expirationTimeInMinutes must be between 1 and 15"),
        ({"expirationTimeInMinutes": 16}, "expirationTimeInMinutes must be between 1 and 15"),
        ({"expirationTimeInMinutes": "3"}, "expirationTimeInMinutes must be a number"),
        ({"code": 123456}, "code must be a string"),
        ({"code": "123"}, "code must be between 4 and 8 characters"),
        ({"code": "123456789"}, "code must be between 4 and 8 characters"),
        ({"code": None}, "code is required"),
    ],
)
async def test_invalid_verify_requests_get_400(client: httpx.AsyncClient, fields: dict[str, Any], error: str) -> None:
    body = {
        k: v for k, v in {"to": TO, "expirationTimeInMinutes": 3, "code": "1234", **fields}.items() if v is not None
    }
    response = await client.post(f"{BASE}/verify", json=body)
    assert response.status_code == 400
    assert assert_conforms(SPEC, "verifyCode", response)["error"] == error


@pytest.mark.parametrize(
    ("content", "content_type"),
    [
        (b"{not json", "application/json"),
        (b"\xff\xfe\x00{}", "application/json"),
        (b"[1, 2, 3]", "application/json"),
        (b'"just a string"', "text/plain"),
        (b"[" * 100_000 + b"]" * 100_000, "application/json"),
        (b'{"to": "' + b"9" * (2 * 1024 * 1024) + b'"}', "application/json"),
        (b"", "application/json"),
        (b"to=%2B1919", "application/x-www-form-urlencoded"),
        (b'{"to": NaN, "code": Infinity, "digits": 1e999}', "application/json"),
    ],
    ids=["invalid-json", "invalid-utf8", "array", "string", "deep", "huge", "empty", "form", "non-finite"],
)
async def test_malformed_bodies_get_400_never_5xx(
    client: httpx.AsyncClient, mock: BandwidthMock, content: bytes, content_type: str
) -> None:
    for op in ("messaging", "voice", "verify"):
        response = await client.post(f"{BASE}/{op}", content=content, headers={"Content-Type": content_type})
        assert response.status_code == 400, (op, response.text)
        assert set(response.json()) == {"error", "requestId"}
    assert mock.outbox.total == 0


async def test_unknown_fields_are_tolerated(client: httpx.AsyncClient) -> None:
    response = await send(client, callbackUrl="https://example.com/cb", extra={"nested": [1, 2]})
    assert response.status_code == 200


# --- auth --------------------------------------------------------------------------------------------


async def test_missing_and_wrong_credentials_get_401(client: httpx.AsyncClient) -> None:
    for header in ("", "Basic " + base64.b64encode(b"demo-api-user:wrong").decode(), "Basic !!!", "Token x"):
        response = await client.post(f"{BASE}/messaging", json=CODE_REQUEST, headers={"Authorization": header})
        assert assert_conforms(SPEC, "generateMessagingCode", response) == {"message": "Unauthorized"}


async def test_an_account_without_access_is_401_and_without_mfa_is_403(mock: BandwidthMock) -> None:
    mock.configure({"accountAccess": {DEMO_USER: [DEMO_ACCOUNT, "5500000"]}})
    transport = httpx.ASGITransport(app=mock.app)
    async with httpx.AsyncClient(transport=transport, base_url="http://m", headers={"Authorization": BASIC}) as c:
        other = await c.post("/api/v1/accounts/1234567/code/messaging", json=CODE_REQUEST)
        assert other.status_code == 401
        no_mfa = await c.post("/api/v1/accounts/5500000/code/messaging", json=CODE_REQUEST)
        body = assert_conforms(SPEC, "generateMessagingCode", no_mfa)
        assert body == {"Message": "User is not authorized to access this resource with an explicit deny"}
        mock.configure({"deniedIdentities": [DEMO_USER]})
        assert (await c.post(f"{BASE}/verify", json={})).status_code == 403


async def test_unknown_routes_get_the_gateway_403(client: httpx.AsyncClient) -> None:
    for method, path in (("POST", "/api/v1/accounts/9900000/code/email"), ("GET", f"{BASE}/verify")):
        response = await client.request(method, path)
        assert response.status_code in (403, 405)
    response = await client.post("/api/v2/anything")
    assert (response.status_code, response.json()) == (403, {"message": "Missing Authentication Token"})


async def test_oauth2_client_credentials_tokens_expire(client: httpx.AsyncClient, mock: BandwidthMock) -> None:
    token_response = await client.post(
        "/api/v1/oauth2/token",
        data={"grant_type": "client_credentials"},
        auth=(DEMO_CLIENT_ID, DEMO_CLIENT_SECRET),
    )
    grant = token_response.json()
    assert (grant["token_type"], grant["expires_in"]) == ("Bearer", 3600)
    bearer = {"Authorization": f"Bearer {grant['access_token']}"}
    assert (await client.post(f"{BASE}/messaging", json=CODE_REQUEST, headers=bearer)).status_code == 200
    mock.clock.advance(3601)
    assert (await client.post(f"{BASE}/messaging", json=CODE_REQUEST, headers=bearer)).status_code == 401
    bad = await client.post(
        "/api/v1/oauth2/token", data={"grant_type": "client_credentials"}, auth=(DEMO_CLIENT_ID, "nope")
    )
    assert (bad.status_code, bad.json()) == (401, {"error": "invalid_client"})
    wrong_grant = await client.post(
        "/api/v1/oauth2/token", data={"grant_type": "password"}, auth=(DEMO_CLIENT_ID, DEMO_CLIENT_SECRET)
    )
    assert wrong_grant.status_code == 400


# --- state: atomic, bounded ---------------------------------------------------------------------------


async def test_concurrent_wrong_verifies_are_counted_exactly(client: httpx.AsyncClient, mock: BandwidthMock) -> None:
    mock.configure({"lockoutThreshold": 1000})
    results = await asyncio.gather(*(verify(client, "0000") for _ in range(60)))
    assert all(r.json() == {"valid": False} for r in results)
    assert mock.store.failures[(DEMO_ACCOUNT, TO)].failures == 60


async def test_concurrent_sends_are_all_delivered(client: httpx.AsyncClient, mock: BandwidthMock) -> None:
    results = await asyncio.gather(*(send(client, to=f"+1919555{i:04d}") for i in range(50)))
    assert {r.status_code for r in results} == {200}
    assert mock.outbox.total == 50
    assert len({d.reference for d in mock.outbox.list()}) == 50


async def test_expired_codes_are_evicted(client: httpx.AsyncClient, mock: BandwidthMock) -> None:
    for i in range(200):
        await send(client, to=f"+1919555{i:04d}")
    assert len(mock.store.codes) == 200
    mock.clock.advance(15 * 60 + 1)
    await verify(client, "1234")
    assert len(mock.store.codes) == 0


# --- control surface ----------------------------------------------------------------------------------


async def test_control_surface_over_http(client: httpx.AsyncClient, mock: BandwidthMock) -> None:
    await send(client)
    outbox = (await client.get("/_mock/outbox", params={"to": TO})).json()
    assert outbox["deliveries"][0]["code"] == code_sent(mock)
    before = (await client.get("/_mock/clock")).json()["now"]
    after = (await client.post("/_mock/clock", json={"advance": 90})).json()["now"]
    assert after - before == pytest.approx(90)
    config = (await client.patch("/_mock/config", json={"lockoutThreshold": 2})).json()
    assert config["lockoutThreshold"] == 2
    assert (await client.patch("/_mock/config", json={"lockoutThreshold": "two"})).status_code == 400
    assert (await client.patch("/_mock/config", json={"noSuchField": 1})).status_code == 400
    spec = await client.get("/_mock/openapi.yaml")
    assert spec.text.startswith("openapi: 3.1.0")
    assert (await client.post("/_mock/reset", json={})).json() == {"status": "reset"}
    assert mock.outbox.total == 0
    assert mock.config.lockout_threshold == 5


async def test_injected_faults_answer_in_the_vendor_shape_then_stop(client: httpx.AsyncClient) -> None:
    fault = {"operation": "verifyCode", "status": 503, "retryAfter": 2, "count": 2}
    assert (await client.post("/_mock/faults", json=fault)).status_code == 200
    for _ in range(2):
        response = await verify(client, "1234")
        assert response.status_code == 503
        assert response.headers["retry-after"] == "2"
        assert set(response.json()) == {"error", "requestId"}
    assert (await verify(client, "1234")).status_code == 200
    assert (await client.post("/_mock/faults", json={"status": 418})).status_code == 400
