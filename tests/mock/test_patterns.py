"""Patterns match the whole value: a trailing newline is not a valid ending (issue 13, item 11).

Python's ``$`` also matches before a final ``"\\n"``, so ``re.search(r"^[0-9]{1,15}$", "41793026727\\n")``
succeeds: "41793026727\\n" was another number with its own send limit (6 sends reached one phone
against 3 a day). JSON Schema patterns are ECMA-262 regular expressions, where ``$`` is the end of the
string; the mock, the spec checks and the routing table now read them that way.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
from twofa_mocks import BandwidthMock, InfobipMock

from tests import specdoc
from tests.mock.test_bandwidth_mock import BASE, BASIC, CODE_REQUEST
from tests.mock.test_infobip_mock import APP_KEY, EMAIL, TO, call, error_of, fields_of, new_app, send, setup

pytestmark = pytest.mark.anyio


@pytest.fixture
def mock() -> InfobipMock:
    return InfobipMock()


@pytest.fixture
async def client(mock: InfobipMock) -> AsyncIterator[httpx.AsyncClient]:
    transport = httpx.ASGITransport(app=mock.app)
    async with httpx.AsyncClient(transport=transport, base_url="http://mock", headers={"Authorization": APP_KEY}) as c:
        yield c


async def test_a_number_with_a_trailing_newline_is_not_another_number(
    client: httpx.AsyncClient, mock: InfobipMock
) -> None:
    app_id, msg_id = await setup(client)  # 3 sends a day to one number
    for _ in range(3):
        assert (await send(client, app_id, msg_id))[0] == 200
    status, body = await send(client, app_id, msg_id, to=TO + "\n")
    assert (status, fields_of(body)) == (400, {"to"})
    status, body = await send(client, app_id, msg_id)
    assert (status, error_of(body)[0]) == (429, "TOO_MANY_REQUESTS")
    assert mock.outbox.total == 3


@pytest.mark.parametrize("to", [EMAIL + "\n", "\n" + EMAIL])
async def test_an_email_with_a_newline_is_refused(client: httpx.AsyncClient, to: str) -> None:
    app_id = await new_app(client)
    path = f"/applications/{app_id}/email/messages"
    _, created = await call(client, "create-2fa-email-message-template", "POST", path, json={"emailTemplateId": 1})
    status, body = await send(client, app_id, created["messageId"], channel="email", to=to)
    assert (status, fields_of(body)) == (400, {"to"})


@pytest.mark.parametrize(
    "configuration",
    [
        {"pinTimeToLive": "15m\n"},
        {"verifyPinLimit": "1/3s\n"},
        {"sendPinPerApplicationLimit": "100/1d\n"},
        {"sendPinPerPhoneNumberLimit": "3/1d\n"},
    ],
)
@pytest.mark.parametrize("version", [1, 2])
async def test_time_and_limit_strings_with_a_newline_are_refused(
    client: httpx.AsyncClient, configuration: dict[str, Any], version: int
) -> None:
    body = {"name": "x", "configuration": configuration}
    status, answer = await call(client, "create-2fa-application", "POST", "/applications", version=version, json=body)
    assert (status, fields_of(answer)) == (400, {f"configuration.{next(iter(configuration))}"})


@pytest.mark.parametrize("field", ["to", "from"])
async def test_bandwidth_numbers_with_a_newline_are_refused(field: str) -> None:
    mock = BandwidthMock()
    transport = httpx.ASGITransport(app=mock.app)
    async with httpx.AsyncClient(transport=transport, base_url="http://mock", headers={"Authorization": BASIC}) as c:
        sent = await c.post(f"{BASE}/messaging", json={**CODE_REQUEST, field: f"{CODE_REQUEST[field]}\n"})
        verified = await c.post(
            f"{BASE}/verify", json={"to": "+19195551234\n", "code": "123456", "expirationTimeInMinutes": 3}
        )
    assert sent.status_code == 400
    assert "E.164" in sent.json()["error"]
    assert verified.status_code == 400
    assert mock.outbox.total == 0


async def test_a_path_with_a_trailing_newline_reaches_no_operation(
    client: httpx.AsyncClient, mock: InfobipMock
) -> None:
    app_id, msg_id = await setup(client)
    response = await client.post("/2fa/2/pin%0A", json={"applicationId": app_id, "messageId": msg_id, "to": TO})
    assert response.status_code == 404
    assert error_of(response.json())[0] == "NOT_FOUND"
    assert mock.outbox.total == 0


def test_the_spec_checks_read_patterns_as_json_schema_does() -> None:
    doc = specdoc.load("infobip-2fa.yaml")
    schema = {"type": "string", "pattern": "^[0-9]{1,15}$"}
    assert specdoc.example_errors(doc, schema, "41793026727", "x") == []
    assert specdoc.example_errors(doc, schema, "41793026727\n", "x") != []
    # Only a closing `$` changes meaning; escaped dollars and classes stay as they are.
    assert specdoc.example_errors(doc, {"type": "string", "pattern": r"^a\$$"}, "a$", "x") == []
    assert specdoc.example_errors(doc, {"type": "string", "pattern": r"^[$]+$"}, "$$\n", "x") != []
