"""Credentials never appear in repr or str of any object, in exceptions, or in logs."""

from __future__ import annotations

import base64
import logging
import pickle
from typing import Any

import httpx
import pytest
from twofa_clients import BandwidthClient, InfobipClient, TwoFactorError
from twofa_clients._auth import ClientCredentialsAuth, basic
from twofa_clients._secrets import Secret

from tests.clients.fakes import (
    ALL_SECRETS,
    API_KEY,
    BEARER_TOKEN,
    CLIENT_ID,
    CLIENT_SECRET,
    IBSSO_TOKEN,
    PASSWORD,
    USERNAME,
    FakeVendor,
    RecordedSleeps,
    json_response,
)

TOKEN_URL = "https://auth.example/token"
ISSUED_TOKEN = "issued-access-token-0451"
FORBIDDEN = (*ALL_SECRETS, ISSUED_TOKEN, base64.b64encode(f"{USERNAME}:{PASSWORD}".encode()).decode())


def assert_clean(text: str) -> None:
    for secret in FORBIDDEN:
        assert secret not in text


def test_secret_hides_its_value_everywhere() -> None:
    secret = Secret(API_KEY)
    assert_clean(repr(secret) + str(secret) + f"{secret}" + f"{secret!r}" + format(secret, ">10"))
    assert secret.reveal() == API_KEY
    with pytest.raises(TypeError):
        pickle.dumps(secret)


@pytest.mark.parametrize(
    "credentials",
    [
        {"api_key": API_KEY},
        {"username": USERNAME, "password": PASSWORD},
        {"ibsso_token": IBSSO_TOKEN},
        {"bearer_token": BEARER_TOKEN},
    ],
)
def test_infobip_client_repr_and_failures_are_clean(
    credentials: dict[str, Any], caplog: pytest.LogCaptureFixture
) -> None:
    vendor = FakeVendor(
        [
            json_response(401, {"requestError": {"serviceException": {"messageId": "UNAUTHORIZED", "text": "no"}}}),
            httpx.ConnectError("refused"),
            httpx.Response(200, content=b"<html>not json</html>"),
        ]
    )
    sleeps = RecordedSleeps()
    with caplog.at_level(logging.DEBUG):
        client = InfobipClient("https://ib.example", transport=vendor.transport, retry=sleeps.policy(), **credentials)
        texts = [repr(client), str(client), repr(client._auth), repr(client._generated), repr(vars(client))]
        for _ in range(3):
            with pytest.raises(TwoFactorError) as info:
                client.get_2fa_applications()
            texts += [str(info.value), repr(info.value), repr(vars(info.value))]
        client.close()
    assert_clean("\n".join(texts))
    assert_clean(caplog.text)
    assert vendor.requests  # the calls really went out, with the credential on the wire


def test_bandwidth_oauth_client_repr_errors_and_logs_are_clean(caplog: pytest.LogCaptureFixture) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        if str(request.url) == TOKEN_URL:
            return json_response(200, {"access_token": ISSUED_TOKEN, "expires_in": 3600})
        return json_response(503, {"error": "Service Unavailable", "requestId": "r1"}, {"Retry-After": "1"})

    sleeps = RecordedSleeps()
    with caplog.at_level(logging.DEBUG):
        client = BandwidthClient(
            "9900000",
            client_id=CLIENT_ID,
            client_secret=CLIENT_SECRET,
            token_url=TOKEN_URL,
            transport=httpx.MockTransport(handler),
            retry=sleeps.policy(),
        )
        with pytest.raises(TwoFactorError) as info:
            client.verify_code("+19195551234", "123456", 3)
        texts = [repr(client), repr(client.auth), str(info.value), repr(info.value), repr(vars(info.value))]
        assert isinstance(client.auth, ClientCredentialsAuth)
        texts.append(repr(vars(client.auth)))
        client.close()
    assert sleeps.waits == [1.0, 1.0]  # the failing verify was retried, and logged
    assert "retrying verifyCode" in caplog.text
    assert_clean("\n".join(texts))
    assert_clean(caplog.text)


def test_basic_auth_object_is_clean() -> None:
    assert_clean(repr(basic(USERNAME, PASSWORD)) + repr(vars(basic(USERNAME, PASSWORD))))
