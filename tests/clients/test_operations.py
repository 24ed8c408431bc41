"""Every operation of both vendors exists in the sync and the async client, sends the method and
path the spec documents, and returns its documented 200 example parsed into the generated model."""

from __future__ import annotations

import inspect
import re
from typing import Any

import httpx
import pytest
from bandwidth_mfa_client import models as bw
from infobip_2fa_client import models as ib
from twofa_clients import (
    NO_RETRIES,
    AsyncBandwidthClient,
    AsyncInfobipClient,
    BandwidthClient,
    InfobipClient,
    VerifyResult,
)

from tests import specdoc
from tests.clients.fakes import API_KEY, PASSWORD, USERNAME, json_response

INFOBIP = specdoc.load("infobip-2fa.yaml")
BANDWIDTH = specdoc.load("bandwidth-mfa.yaml")

# operationId -> (path parameters, request body model or None, extra keyword arguments)
INFOBIP_CALLS: dict[str, tuple[list[str], Any, dict[str, Any]]] = {
    "get-2fa-applications": ([], None, {}),
    "create-2fa-application": ([], ib.TfaApplicationRequest, {}),
    "get-2fa-application": (["APP"], None, {}),
    "update-2fa-application": (["APP"], ib.TfaApplicationRequest, {}),
    "get-2fa-message-templates": (["APP"], None, {}),
    "create-2fa-message-template": (["APP"], ib.TfaCreateMessageRequest, {}),
    "get-2fa-message-template": (["APP", "MSG"], None, {}),
    "update-2fa-message-template": (["APP", "MSG"], ib.TfaUpdateMessageRequest, {}),
    "create-2fa-email-message-template": (["APP"], ib.TfaCreateEmailMessageRequest, {}),
    "update-2fa-email-message-template": (["APP", "MSG"], ib.TfaUpdateEmailMessageRequest, {}),
    "send-2fa-pin-code-over-sms": ([], ib.TfaStartAuthenticationRequest, {"nc_needed": False}),
    "resend-2fa-pin-code-over-sms": (["PIN"], ib.TfaResendPinRequest, {}),
    "send-2fa-pin-code-over-voice": ([], ib.TfaStartAuthenticationRequest, {}),
    "resend-2fa-pin-code-over-voice": (["PIN"], ib.TfaResendPinRequest, {}),
    "send-2fa-pin-code-over-email": ([], ib.TfaStartEmailAuthenticationRequest, {}),
    "resend-2fa-pin-code-over-email": (["PIN"], ib.TfaResendPinRequestViaEmail, {}),
    "verify-2fa-phone-number": (["PIN", "1234"], None, {}),
    "get-2fa-verification-status": (["APP", "41793026727"], None, {"verified": True}),
    "v1-create-api-key": ([], None, {}),
    "v1-get-2fa-applications": ([], None, {}),
    "v1-create-2fa-application": ([], ib.TfaV1ApplicationRequest, {}),
    "v1-get-2fa-application": (["APP"], None, {}),
    "v1-update-2fa-application": (["APP"], ib.TfaV1ApplicationRequest, {}),
    "v1-get-2fa-message-templates": (["APP"], None, {}),
    "v1-create-2fa-message-template": (["APP"], ib.TfaV1MessageRequest, {}),
    "v1-get-2fa-message-template": (["APP", "MSG"], None, {}),
    "v1-update-2fa-message-template": (["APP", "MSG"], ib.TfaV1UpdateMessageRequest, {}),
    "v1-send-2fa-pin-code-over-sms": ([], ib.TfaV1StartAuthenticationRequest, {}),
    "v1-resend-2fa-pin-code-over-sms": (["PIN"], None, {}),
    "v1-send-2fa-pin-code-over-voice": ([], ib.TfaV1StartAuthenticationRequest, {}),
    "v1-resend-2fa-pin-code-over-voice": (["PIN"], None, {}),
    "v1-verify-2fa-phone-number": (["PIN", "1234"], None, {}),
    "v1-get-2fa-verification-status": (["APP", "41793026727"], None, {"sent": False}),
}
BANDWIDTH_CALLS: dict[str, tuple[list[Any], Any, dict[str, Any]]] = {
    "generateMessagingCode": ([], bw.CodeRequest, {}),
    "generateVoiceCode": ([], bw.CodeRequest, {}),
    "verifyCode": (["+19195551234", "123456", 3], None, {"scope": "login"}),
}


def method_name(operation_id: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "_", operation_id).replace("-", "_").lower()


def spec_operation(doc: dict[str, Any], operation_id: str) -> tuple[str, str, dict[str, Any]]:
    for method, path, op, _ in specdoc.operations(doc):
        if op["operationId"] == operation_id:
            return method.upper(), path, op
    raise KeyError(operation_id)


def first_example(doc: dict[str, Any], op: dict[str, Any], where: str) -> Any:
    node = op["requestBody"] if where == "request" else op["responses"]["200"]
    media = specdoc.resolve(doc, node)["content"]["application/json"]
    return next(iter(media["examples"].values()))["value"]


def path_regex(path: str) -> str:
    return "^" + re.sub(r"\{[^}]+\}", "[^/]+", path) + "$"


def build_args(doc: dict[str, Any], op: dict[str, Any], call: tuple[list[Any], Any, dict[str, Any]]) -> list[Any]:
    positional, body_model, _ = call
    args = list(positional)
    if body_model is not None:
        args.append(body_model.from_dict(first_example(doc, op, "request")))
    return args


def test_the_layer_covers_every_operation_of_both_specs() -> None:
    assert set(INFOBIP_CALLS) == {op["operationId"] for _, _, op, _ in specdoc.operations(INFOBIP)}
    assert set(BANDWIDTH_CALLS) == {op["operationId"] for _, _, op, _ in specdoc.operations(BANDWIDTH)}
    for sync_cls, async_cls, calls in (
        (InfobipClient, AsyncInfobipClient, INFOBIP_CALLS),
        (BandwidthClient, AsyncBandwidthClient, BANDWIDTH_CALLS),
    ):
        for operation_id in calls:
            name = method_name(operation_id)
            assert not inspect.iscoroutinefunction(getattr(sync_cls, name)), name
            assert inspect.iscoroutinefunction(getattr(async_cls, name)), name
            sync_sig = inspect.signature(getattr(sync_cls, name))
            assert sync_sig == inspect.signature(getattr(async_cls, name)), name


def _serve(doc: dict[str, Any], op: dict[str, Any], seen: list[httpx.Request]) -> httpx.MockTransport:
    def handler(request: httpx.Request) -> httpx.Response:
        request.read()
        seen.append(request)
        return json_response(200, first_example(doc, op, "response"))

    return httpx.MockTransport(handler)


def _check(method: str, path: str, seen: list[httpx.Request], result: Any, op: dict[str, Any]) -> None:
    (request,) = seen
    assert request.method == method
    assert re.match(path_regex(path), request.url.path), (request.url.path, path)
    if "requestBody" in op and op.get("requestBody", {}).get("required", True):
        assert request.headers["content-type"] == "application/json"
    if "verify" in op["operationId"]:
        assert isinstance(result, VerifyResult)
    else:
        assert result is not None


@pytest.mark.parametrize("operation_id", sorted(INFOBIP_CALLS))
def test_infobip_operation_sync(operation_id: str) -> None:
    method, path, op = spec_operation(INFOBIP, operation_id)
    seen: list[httpx.Request] = []
    creds: dict[str, Any] = (
        {"username": USERNAME, "password": PASSWORD} if operation_id == "v1-create-api-key" else {"api_key": API_KEY}
    )
    call = INFOBIP_CALLS[operation_id]
    with InfobipClient("https://ib.example", transport=_serve(INFOBIP, op, seen), retry=NO_RETRIES, **creds) as client:
        result = getattr(client, method_name(operation_id))(*build_args(INFOBIP, op, call), **call[2])
    _check(method, path, seen, result, op)


@pytest.mark.anyio
@pytest.mark.parametrize("operation_id", sorted(INFOBIP_CALLS))
async def test_infobip_operation_async(operation_id: str) -> None:
    method, path, op = spec_operation(INFOBIP, operation_id)
    seen: list[httpx.Request] = []
    creds: dict[str, Any] = (
        {"username": USERNAME, "password": PASSWORD} if operation_id == "v1-create-api-key" else {"api_key": API_KEY}
    )
    call = INFOBIP_CALLS[operation_id]
    async with AsyncInfobipClient(
        "https://ib.example", transport=_serve(INFOBIP, op, seen), retry=NO_RETRIES, **creds
    ) as client:
        result = await getattr(client, method_name(operation_id))(*build_args(INFOBIP, op, call), **call[2])
    _check(method, path, seen, result, op)


@pytest.mark.anyio
@pytest.mark.parametrize("operation_id", sorted(BANDWIDTH_CALLS))
async def test_bandwidth_operation_sync_and_async(operation_id: str) -> None:
    method, path, op = spec_operation(BANDWIDTH, operation_id)
    call = BANDWIDTH_CALLS[operation_id]
    seen: list[httpx.Request] = []
    creds: dict[str, Any] = {"username": USERNAME, "password": PASSWORD, "retry": NO_RETRIES}
    with BandwidthClient("9900000", transport=_serve(BANDWIDTH, op, seen), **creds) as client:
        result = getattr(client, method_name(operation_id))(*build_args(BANDWIDTH, op, call), **call[2])
    _check(method, "/api/v1" + path, seen, result, op)
    seen.clear()
    async with AsyncBandwidthClient("9900000", transport=_serve(BANDWIDTH, op, seen), **creds) as aclient:
        result = await getattr(aclient, method_name(operation_id))(*build_args(BANDWIDTH, op, call), **call[2])
    _check(method, "/api/v1" + path, seen, result, op)
