"""No input multiplies into more than its stated limit (issue 13, item 10).

One 60 KB send used to store a 780 MB message: a template repeating ``{{a}}`` thousands of times,
and a placeholder ``a`` of 60,000 characters. Template text, every stored string, placeholder maps,
the rendered message and the PIN length are each bounded now, and past a bound the answer is the
vendor's 400 with nothing stored and no limit used up.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
from twofa_mocks import BandwidthMock, InfobipMock
from twofa_mocks.infobip import _validation as limits

from tests.mock.test_bandwidth_mock import BASE, BASIC, CODE_REQUEST
from tests.mock.test_infobip_mock import APP_KEY, TO, call, error_of, fields_of, new_app, resend, send, setup

pytestmark = pytest.mark.anyio


@pytest.fixture
def mock() -> InfobipMock:
    return InfobipMock()


@pytest.fixture
async def client(mock: InfobipMock) -> AsyncIterator[httpx.AsyncClient]:
    transport = httpx.ASGITransport(app=mock.app)
    async with httpx.AsyncClient(transport=transport, base_url="http://mock", headers={"Authorization": APP_KEY}) as c:
        yield c


async def template(client: httpx.AsyncClient, app_id: str, version: int = 2, **fields: Any) -> tuple[int, Any]:
    body: dict[str, Any] = {"messageText": "Your PIN is {{pin}}", "pinType": "NUMERIC", **fields}
    if version == 1:
        body.setdefault("pinPlaceholder", "{{pin}}")
    path = f"/applications/{app_id}/messages"
    return await call(client, "create-2fa-message-template", "POST", path, version=version, json=body)


@pytest.mark.parametrize("version", [1, 2])
async def test_template_text_is_at_most_4096_characters(client: httpx.AsyncClient, version: int) -> None:
    app_id = await new_app(client, version)
    longest = "{{pin}}" + "x" * (limits.MAX_MESSAGE_TEXT - 7)
    assert (await template(client, app_id, version, messageText=longest))[0] == 200
    status, body = await template(client, app_id, version, messageText=longest + "x")
    assert (status, error_of(body)[0], fields_of(body)) == (400, "BAD_REQUEST", {"messageText"})
    status, created = await template(client, app_id, version)
    path = f"/applications/{app_id}/messages/{created['messageId']}"
    status, body = await call(
        client, "update-2fa-message-template", "PUT", path, version=version, json={"messageText": longest + "x"}
    )
    assert (status, fields_of(body)) == (400, {"messageText"})


@pytest.mark.parametrize(
    ("operation", "path", "field", "body"),
    [
        ("create-2fa-application", "/applications", "name", {}),
        ("create-2fa-message-template", "/applications/{app}/messages", "senderId", {"messageText": "{{pin}}",
                                                                                       "pinType": "NUMERIC"}),
        ("create-2fa-message-template", "/applications/{app}/messages", "voiceName", {"messageText": "{{pin}}",
                                                                                        "pinType": "NUMERIC"}),
        ("create-2fa-message-template", "/applications/{app}/messages", "repeatDTMF", {"messageText": "{{pin}}",
                                                                                         "pinType": "NUMERIC"}),
        ("create-2fa-email-message-template", "/applications/{app}/email/messages", "from", {"emailTemplateId": 1}),
        ("create-2fa-email-message-template", "/applications/{app}/email/messages", "landingPageId",
         {"emailTemplateId": 1}),
    ],
)  # fmt: skip
async def test_every_stored_string_is_at_most_1024_characters(
    client: httpx.AsyncClient, operation: str, path: str, field: str, body: dict[str, Any]
) -> None:
    app_id = await new_app(client)
    path = path.replace("{app}", app_id)
    fits = {**body, field: "x" * limits.MAX_TEXT}
    assert (await call(client, operation, "POST", path, json=fits))[0] == 200
    status, answer = await call(client, operation, "POST", path, json={**fits, field: "x" * (limits.MAX_TEXT + 1)})
    assert (status, fields_of(answer)) == (400, {field})


async def test_send_destinations_and_senders_are_bounded(client: httpx.AsyncClient, mock: InfobipMock) -> None:
    app_id, msg_id = await setup(client)
    sender: dict[str, Any] = {"from": "x" * (limits.MAX_TEXT + 1)}
    status, body = await send(client, app_id, msg_id, **sender)
    assert (status, fields_of(body)) == (400, {"from"})
    mock.configure({"validateDestinations": False})  # then `to` is any string, but never an unbounded one
    status, body = await send(client, app_id, msg_id, to="4" * (limits.MAX_TEXT + 1))
    assert (status, fields_of(body)) == (400, {"to"})
    assert mock.outbox.total == 0


@pytest.mark.parametrize(
    ("placeholders", "why"),
    [
        ({f"k{i}": "v" for i in range(limits.MAX_PLACEHOLDERS + 1)}, "more than 100 entries"),
        ({"a": "x" * limits.MAX_PLACEHOLDER_CHARACTERS}, "names and values over 4096 characters"),
    ],
)
async def test_placeholder_maps_are_bounded(
    client: httpx.AsyncClient, mock: InfobipMock, placeholders: dict[str, str], why: str
) -> None:
    app_id, msg_id = await setup(client)
    status, body = await send(client, app_id, msg_id, placeholders=placeholders)
    assert (status, fields_of(body)) == (400, {"placeholders"}), why
    fits = {f"k{i}": "v" for i in range(limits.MAX_PLACEHOLDERS)}
    assert (await send(client, app_id, msg_id, placeholders=fits))[0] == 200
    _, sent = await send(client, app_id, msg_id, placeholders={"a": "x" * (limits.MAX_PLACEHOLDER_CHARACTERS - 1)})
    status, body = await resend(client, sent["pinId"], json={"placeholders": placeholders})
    assert (status, fields_of(body)) == (400, {"placeholders"}), why
    assert mock.outbox.total == 2


async def test_the_rendered_message_is_bounded_before_anything_is_stored_or_counted(
    client: httpx.AsyncClient, mock: InfobipMock
) -> None:
    """The attack: a template repeating a placeholder, and one long value for it."""
    app_id = await new_app(client, sendPinPerPhoneNumberLimit="1/1d")
    text = "{{pin}}" + "{{a}}" * 800  # 4007 characters: a valid template
    status, created = await template(client, app_id, messageText=text)
    assert status == 200
    value = "x" * 4000  # a valid map: 4001 characters
    status, body = await send(client, app_id, created["messageId"], placeholders={"a": value})
    assert (status, error_of(body)[0], fields_of(body)) == (400, "BAD_REQUEST", {"messageId"})
    assert "8192" in body["requestError"]["serviceException"]["validationErrors"]["messageId"][0]
    assert (mock.outbox.total, len(mock.store.pins)) == (0, 0)
    # The refused send used up nothing: the one send a day this number has is still there.
    status, sent = await send(client, app_id, created["messageId"], placeholders={"a": "y"})
    assert status == 200
    assert len(mock.outbox.last(TO).text) == 4 + 800  # type: ignore[union-attr]  # a 4-digit PIN, 800 "y"
    # A resend may bring other placeholders: the same bound, and a refused resend delivers nothing.
    mock.configure({"resendsCountTowardLimits": False})
    status, body = await resend(client, sent["pinId"], json={"placeholders": {"a": value}})
    assert (status, fields_of(body)) == (400, {"placeholders"})
    assert mock.outbox.total == 1


async def test_the_rendered_bound_counts_v1_placeholders_and_long_pins(client: httpx.AsyncClient) -> None:
    app_id = await new_app(client, 1)
    # v1: the caller's own placeholder, 1 character long, repeated: 4096 PINs of 32 characters.
    status, created = await template(client, app_id, 1, messageText="#" * 4096, pinPlaceholder="#", pinLength=32)
    assert status == 200
    status, body = await send(client, app_id, created["messageId"], version=1)
    assert (status, fields_of(body)) == (400, {"messageId"})


async def test_the_pin_length_setting_is_bounded(mock: InfobipMock) -> None:
    with pytest.raises(ValueError, match="maxPinLength"):
        mock.configure({"maxPinLength": 10**9})
    mock.configure({"maxPinLength": limits.HARD_MAX_PIN_LENGTH})


@pytest.mark.parametrize("name", ["verifyPinLimit", "sendPinPerApplicationLimit", "sendPinPerPhoneNumberLimit"])
async def test_limit_strings_are_bounded(client: httpx.AsyncClient, name: str) -> None:
    """``{attempts}/...`` took any number of digits, and every application stored them."""
    status, body = await call(
        client, "create-2fa-application", "POST", "/applications",
        json={"name": "x", "configuration": {name: "9" * 60_000 + "/1d"}},
    )  # fmt: skip
    assert (status, fields_of(body)) == (400, {f"configuration.{name}"})


# --- Bandwidth ------------------------------------------------------------------------------------


async def test_bandwidth_application_name_and_rendered_message_are_bounded() -> None:
    mock = BandwidthMock()
    with pytest.raises(ValueError, match="applicationName"):
        mock.configure({"applicationName": "n" * 100_000})  # rendered into every {NAME}
    mock.configure({"applicationName": "n" * 64})
    transport = httpx.ASGITransport(app=mock.app)
    async with httpx.AsyncClient(transport=transport, base_url="http://mock", headers={"Authorization": BASIC}) as c:
        response = await c.post(f"{BASE}/messaging", json={**CODE_REQUEST, "message": "{CODE}" + "{NAME}" * 340})
    assert response.status_code == 400
    assert set(response.json()) == {"error", "requestId"}
    assert "4096" in response.json()["error"]
    assert mock.outbox.total == 0
