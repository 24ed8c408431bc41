"""Every documented status and body shape maps to the typed error model; malformed bodies never leak."""

from __future__ import annotations

import json
from typing import Any

import httpx
import pytest
from bandwidth_mfa_client.models import CodeRequest
from bandwidth_mfa_client.types import Unset as BandwidthUnset
from infobip_2fa_client.models import TfaStartAuthenticationRequest
from infobip_2fa_client.types import Unset
from twofa_clients import (
    NO_RETRIES,
    APIStatusError,
    AuthenticationError,
    BadRequestError,
    BandwidthClient,
    InfobipClient,
    NotFoundError,
    PermissionDeniedError,
    ProtocolError,
    RateLimitError,
    ServerError,
    ServiceUnavailableError,
    TwoFactorError,
)

from tests.clients.fakes import API_KEY, PASSWORD, USERNAME, FakeVendor, json_response

CODE = CodeRequest(to="+19195551234", from_="+19195554321", application_id="app", message="{CODE}", digits=6)
SEND = TfaStartAuthenticationRequest(application_id="A", message_id="M", to="41793026727")


def infobip_error(message_id: str, text: str, validation: dict[str, list[str]] | None = None) -> dict[str, Any]:
    details: dict[str, Any] = {"messageId": message_id, "text": text}
    if validation:
        details["validationErrors"] = validation
    return {"requestError": {"serviceException": details}}


def infobip(reply: httpx.Response) -> InfobipClient:
    return InfobipClient(
        "https://ib.example", api_key=API_KEY, transport=FakeVendor([reply]).transport, retry=NO_RETRIES
    )


def bandwidth(reply: httpx.Response) -> BandwidthClient:
    return BandwidthClient(
        "9900000", username=USERNAME, password=PASSWORD, transport=FakeVendor([reply]).transport, retry=NO_RETRIES
    )


@pytest.mark.parametrize(
    ("status", "body", "cls", "code", "message"),
    [
        (400, infobip_error("BAD_REQUEST", "Bad request", {"to": ["must not be blank"]}), BadRequestError,
         "BAD_REQUEST", "Bad request"),
        (401, infobip_error("UNAUTHORIZED", "Unauthorized"), AuthenticationError, "UNAUTHORIZED", "Unauthorized"),
        (403, infobip_error("FORBIDDEN", "Forbidden"), PermissionDeniedError, "FORBIDDEN", "Forbidden"),
        (404, infobip_error("RESOURCE_NOT_FOUND", "Application or message with given ID cannot be found."),
         NotFoundError, "RESOURCE_NOT_FOUND", "Application or message with given ID cannot be found."),
        (429, infobip_error("TOO_MANY_REQUESTS", "Too many requests"), RateLimitError, "TOO_MANY_REQUESTS",
         "Too many requests"),
        (500, infobip_error("GENERAL_ERROR", "Something went wrong. Please contact support."), ServerError,
         "GENERAL_ERROR", "Something went wrong. Please contact support."),
        (503, infobip_error("SERVICE_UNAVAILABLE", "Service Unavailable"), ServiceUnavailableError,
         "SERVICE_UNAVAILABLE", "Service Unavailable"),
    ],
)  # fmt: skip
def test_infobip_documented_errors(status: int, body: Any, cls: type[APIStatusError], code: str, message: str) -> None:
    with infobip(json_response(status, body, {"Retry-After": "7"})) as client, pytest.raises(cls) as info:
        client.send_2fa_pin_code_over_sms(SEND)
    err = info.value
    assert (err.vendor, err.status_code, err.code, err.message) == ("infobip", status, code, message)
    assert err.operation == "send-2fa-pin-code-over-sms"
    assert err.retry_after == 7
    assert err.body == json.dumps(body).encode()
    if status == 400:
        assert err.validation_errors == {"to": ["must not be blank"]}
        assert str(err) == (
            "infobip send-2fa-pin-code-over-sms: HTTP 400 BAD_REQUEST: Bad request (to: must not be blank)"
        )


@pytest.mark.parametrize(
    ("status", "body", "cls", "message", "request_id"),
    [
        (400, {"error": "to number is required", "requestId": "r-400"}, BadRequestError, "to number is required",
         "r-400"),
        (401, {"message": "Unauthorized"}, AuthenticationError, "Unauthorized", None),
        (403, {"Message": "User is not authorized to access this resource with an explicit deny"},
         PermissionDeniedError, "User is not authorized to access this resource with an explicit deny", None),
        (403, {"message": "Missing Authentication Token"}, PermissionDeniedError, "Missing Authentication Token", None),
        (429, {"error": "This number has exceeded verification attempts, please wait 2 minutes", "requestId": "r-429"},
         RateLimitError, "This number has exceeded verification attempts, please wait 2 minutes", "r-429"),
        (500, {"error": "Internal Error", "requestId": "r-500"}, ServerError, "Internal Error", "r-500"),
    ],
)  # fmt: skip
def test_bandwidth_documented_errors(
    status: int, body: Any, cls: type[APIStatusError], message: str, request_id: str | None
) -> None:
    with bandwidth(json_response(status, body)) as client, pytest.raises(cls) as info:
        client.verify_code("+19195551234", "123456", 3)
    err = info.value
    assert (err.vendor, err.status_code, err.message, err.request_id, err.code) == (
        "bandwidth",
        status,
        message,
        request_id,
        None,
    )
    if request_id:
        assert str(err).endswith(f"[request id {request_id}]")


MALFORMED = [
    (502, b"<html><body><h1>502 Bad Gateway</h1></body></html>", "text/html", ServerError),
    (404, b"<html>Not Found</html>", "text/html", NotFoundError),
    (401, b"", "application/json", AuthenticationError),
    (429, b'{"requestError": {"serviceExc', "application/json", RateLimitError),
    (400, b'{"unexpected": ["shape"]}', "application/json", BadRequestError),
    (418, b"I'm a teapot", "text/plain", APIStatusError),
    (200, b'{"pinId": "P", "to": "1"', "application/json", ProtocolError),
    (200, b"", "application/json", ProtocolError),
    (200, b"<html>maintenance</html>", "text/html", ProtocolError),
    (200, b'["a", "list"]', "application/json", ProtocolError),
    (200, b'{"no": "pinId"}', "application/json", ProtocolError),
    (200, b'{"pinId": 12, "to": ["x"]}', "application/json", ProtocolError),
    (200, b"null", "application/json", ProtocolError),
    (204, b"", "application/json", ProtocolError),
]


@pytest.mark.parametrize(("status", "content", "ctype", "cls"), MALFORMED)
def test_malformed_infobip_answers_raise_layer_errors_only(
    status: int, content: bytes, ctype: str, cls: type[TwoFactorError]
) -> None:
    reply = httpx.Response(status, content=content, headers={"Content-Type": ctype})
    with infobip(reply) as client, pytest.raises(cls) as info:
        client.send_2fa_pin_code_over_sms(SEND)
    if isinstance(info.value, APIStatusError):
        assert info.value.status_code == status
        assert info.value.body == content
        assert info.value.message  # a readable text even without a vendor body


def _is_object(content: bytes) -> bool:
    try:
        return isinstance(json.loads(content), dict)
    except ValueError:
        return False


# A 200 object without `messageId` is a valid Bandwidth send answer (the field is optional, as in the
# vendor's document): it is tested as a success below, not as malformed.
BANDWIDTH_MALFORMED = [case for case in MALFORMED if not (case[0] == 200 and _is_object(case[1]))]


@pytest.mark.parametrize(("status", "content", "ctype", "cls"), BANDWIDTH_MALFORMED)
def test_malformed_bandwidth_answers_raise_layer_errors_only(
    status: int, content: bytes, ctype: str, cls: type[TwoFactorError]
) -> None:
    reply = httpx.Response(status, content=content, headers={"Content-Type": ctype})
    with bandwidth(reply) as client, pytest.raises(cls if cls is not ProtocolError else TwoFactorError):
        client.generate_messaging_code(CODE)


def test_a_bandwidth_send_answer_without_its_message_id_is_a_success() -> None:
    with bandwidth(json_response(200, {"no": "messageId"})) as client:
        sent = client.generate_messaging_code(CODE)
    assert isinstance(sent.message_id, BandwidthUnset)
    assert sent.additional_properties == {"no": "messageId"}


def test_unknown_enum_values_and_fields_do_not_fail_the_call() -> None:
    body = {
        "pinId": "P1",
        "msisdn": "41793026727",
        "verified": False,
        "attemptsRemaining": 2,
        "pinError": "PIN_LOCKED_BY_FRAUD_CHECK",
        "riskScore": 0.93,
    }
    with infobip(json_response(200, body)) as client:
        result = client.verify_2fa_phone_number("P1", "1234")
    assert (result.verified, result.reason, result.attempts_remaining) == (False, "PIN_LOCKED_BY_FRAUD_CHECK", 2)
    assert result.known_reason is None
    sms = {"pinId": "P", "to": "1", "ncStatus": "NC_SOMETHING_NEW", "smsStatus": "MESSAGE_QUEUED", "x": 1}
    with infobip(json_response(200, sms)) as client:
        sent = client.send_2fa_pin_code_over_sms(SEND)
    assert (sent.nc_status, sent.sms_status) == ("NC_SOMETHING_NEW", "MESSAGE_QUEUED")
    assert sent.additional_properties == {"x": 1}


def test_verify_outcomes_are_results() -> None:
    for body, expected in (
        ({"pinId": "P", "msisdn": "1", "verified": True, "attemptsRemaining": 9}, (True, None, 9)),
        ({"pinId": "P", "msisdn": "1", "verified": False, "pinError": "WRONG_PIN", "attemptsRemaining": 8},
         (False, "WRONG_PIN", 8)),
        ({"pinId": "P", "msisdn": "1", "verified": False, "pinError": "TTL_EXPIRED"}, (False, "TTL_EXPIRED", None)),
        ({"pinId": "P", "msisdn": "1", "verified": False, "pinError": "NO_MORE_PIN_ATTEMPTS", "attemptsRemaining": 0},
         (False, "NO_MORE_PIN_ATTEMPTS", 0)),
    ):  # fmt: skip
        with infobip(json_response(200, body)) as client:
            result = client.verify_2fa_phone_number("P", "1234")
        assert (result.verified, result.reason, result.attempts_remaining) == expected
        assert result.known_reason == expected[1]
    for valid in (True, False):
        with bandwidth(json_response(200, {"valid": valid})) as client:
            assert client.verify_code("+19195551234", "123456", 3).verified is valid


def test_type_drift_deep_inside_a_success_body_is_a_protocol_error() -> None:
    app = {
        "applicationId": "A",
        "name": "n",
        "enabled": True,
        "configuration": {"pinAttempts": "ten", "pinTimeToLive": "15m"},
    }
    with infobip(json_response(200, [app])) as client, pytest.raises(ProtocolError, match=r"\[0\]\.configuration"):
        client.get_2fa_applications()
    app["configuration"] = {"pinAttempts": 10, "pinTimeToLive": "15m", "futureSetting": {"x": 1}}
    with infobip(json_response(200, [app])) as client:
        (parsed,) = client.get_2fa_applications()
    assert not isinstance(parsed.configuration, Unset)
    assert parsed.configuration.pin_attempts == 10
