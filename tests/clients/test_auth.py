"""Auth headers are byte-exact per scheme; OAuth2 tokens are cached, refreshed and fetched once."""

from __future__ import annotations

import asyncio
import base64
import threading
import time
from typing import Any

import httpx
import pytest
from bandwidth_mfa_client.models import CodeRequest
from twofa_clients import AsyncBandwidthClient, BandwidthClient, InfobipClient
from twofa_clients._auth import ClientCredentialsAuth

from tests.clients.fakes import (
    API_KEY,
    BEARER_TOKEN,
    CLIENT_ID,
    CLIENT_SECRET,
    IBSSO_TOKEN,
    PASSWORD,
    USERNAME,
    FakeVendor,
    json_response,
)

APPS: list[Any] = []
CODE = CodeRequest(to="+19195551234", from_="+19195554321", application_id="app", message="{CODE}", digits=6)
TOKEN_URL = "https://auth.example/oauth2/token"


def _basic(user: str, password: str) -> str:
    return "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()


@pytest.mark.parametrize(
    ("credentials", "expected"),
    [
        ({"api_key": API_KEY}, f"App {API_KEY}"),
        ({"username": USERNAME, "password": PASSWORD}, _basic(USERNAME, PASSWORD)),
        ({"ibsso_token": IBSSO_TOKEN}, f"IBSSO {IBSSO_TOKEN}"),
        ({"bearer_token": BEARER_TOKEN}, f"Bearer {BEARER_TOKEN}"),
    ],
    ids=["app", "basic", "ibsso", "bearer"],
)
def test_infobip_authorization_header_per_scheme(credentials: dict[str, Any], expected: str) -> None:
    vendor = FakeVendor([json_response(200, APPS)])
    with InfobipClient("https://ib.example", transport=vendor.transport, **credentials) as client:
        assert client.get_2fa_applications() == []
    (request,) = vendor.requests
    assert request.headers["authorization"] == expected
    assert request.url == "https://ib.example/2fa/2/applications"


@pytest.mark.parametrize(
    "credentials",
    [{}, {"api_key": API_KEY, "bearer_token": BEARER_TOKEN}, {"username": USERNAME}, {"password": PASSWORD}],
)
def test_infobip_needs_exactly_one_complete_credential(credentials: dict[str, Any]) -> None:
    with pytest.raises(ValueError, match=r"credential|needs both"):
        InfobipClient("https://ib.example", **credentials)


def test_infobip_v1_api_key_creation_is_basic_only() -> None:
    vendor = FakeVendor([json_response(200, "003026bbc133714df1834b8638bb496e-8f4b3d9a-e931-478d-a994-28a725159ab9")])
    with (
        InfobipClient("https://ib.example", api_key=API_KEY, transport=vendor.transport) as client,
        pytest.raises(ValueError, match="Basic"),
    ):
        client.v1_create_api_key()
    assert vendor.requests == []
    with InfobipClient("https://ib.example", username=USERNAME, password=PASSWORD, transport=vendor.transport) as c:
        assert c.v1_create_api_key().startswith("003026bb")
    assert vendor.requests[0].headers["authorization"] == _basic(USERNAME, PASSWORD)
    assert (vendor.requests[0].method, vendor.requests[0].url.path) == ("POST", "/2fa/1/api-key")


def test_bandwidth_basic_header_is_byte_exact() -> None:
    vendor = FakeVendor([json_response(200, {"messageId": "m1"})])
    with BandwidthClient("9900000", username=USERNAME, password=PASSWORD, transport=vendor.transport) as client:
        assert client.generate_messaging_code(CODE).message_id == "m1"
    (request,) = vendor.requests
    assert request.headers["authorization"] == _basic(USERNAME, PASSWORD)
    assert request.url == "https://mfa.bandwidth.com/api/v1/accounts/9900000/code/messaging"


class TokenServer:
    """A token endpoint plus an MFA endpoint that accepts only the newest token."""

    def __init__(self, expires_in: float = 3600, delay: float = 0.0) -> None:
        self.expires_in = expires_in
        self.delay = delay
        self.issued: list[str] = []
        self.token_requests: list[httpx.Request] = []
        self.lock = threading.Lock()

    def handler(self, request: httpx.Request) -> httpx.Response:
        request.read()
        if str(request.url) == TOKEN_URL:
            self.token_requests.append(request)
            if self.delay:
                time.sleep(self.delay)
            with self.lock:
                token = f"token-{len(self.issued) + 1}"
                self.issued.append(token)
            return json_response(200, {"access_token": token, "token_type": "Bearer", "expires_in": self.expires_in})
        if request.headers.get("authorization") != f"Bearer {self.issued[-1]}":
            return json_response(401, {"message": "Unauthorized"})
        return json_response(200, {"valid": True})


def _oauth_client(server: TokenServer, clock: Any = time.monotonic) -> BandwidthClient:
    client = BandwidthClient(
        "9900000",
        client_id=CLIENT_ID,
        client_secret=CLIENT_SECRET,
        token_url=TOKEN_URL,
        transport=httpx.MockTransport(server.handler),
    )
    assert isinstance(client.auth, ClientCredentialsAuth)
    client.auth._clock = clock
    return client


def test_oauth2_token_request_shape_and_caching() -> None:
    server = TokenServer()
    with _oauth_client(server) as client:
        for _ in range(3):
            assert client.verify_code("+19195551234", "123456", 3).verified is True
    (token_request,) = server.token_requests
    assert token_request.method == "POST"
    assert token_request.headers["authorization"] == _basic(CLIENT_ID, CLIENT_SECRET)
    assert token_request.headers["content-type"] == "application/x-www-form-urlencoded"
    assert token_request.content == b"grant_type=client_credentials"


def test_oauth2_token_is_refreshed_before_expiry() -> None:
    now = [1000.0]
    server = TokenServer(expires_in=300)
    with _oauth_client(server, clock=lambda: now[0]) as client:
        client.verify_code("+19195551234", "123456", 3)
        now[0] += 200  # 100 s left: more than the 60 s margin
        client.verify_code("+19195551234", "123456", 3)
        assert len(server.token_requests) == 1
        now[0] += 50  # 50 s left: inside the margin, replaced before use
        client.verify_code("+19195551234", "123456", 3)
    assert len(server.token_requests) == 2


def test_oauth2_refreshes_once_on_401_then_gives_up() -> None:
    server = TokenServer()
    with _oauth_client(server) as client:
        client.verify_code("+19195551234", "123456", 3)
        server.issued.append("revoked-by-server")  # the cached token is now refused
        assert client.verify_code("+19195551234", "123456", 3).verified is True
        assert len(server.token_requests) == 2

    always_401 = FakeVendor(
        [
            lambda r: (
                json_response(200, {"access_token": "t", "expires_in": 3600})
                if str(r.url) == TOKEN_URL
                else json_response(401, {"message": "Unauthorized"})
            )
        ]
    )
    from twofa_clients import AuthenticationError

    with (
        BandwidthClient(
            "9900000",
            client_id=CLIENT_ID,
            client_secret=CLIENT_SECRET,
            token_url=TOKEN_URL,
            transport=always_401.transport,
        ) as client,
        pytest.raises(AuthenticationError),
    ):
        client.verify_code("+19195551234", "123456", 3)
    assert [str(r.url) == TOKEN_URL for r in always_401.requests] == [True, False, True, False]


def test_oauth2_bad_client_credentials_raise_a_token_error() -> None:
    from twofa_clients import OAuthTokenError

    vendor = FakeVendor([json_response(401, {"error": "invalid_client"})])
    with (
        BandwidthClient(
            "9900000", client_id=CLIENT_ID, client_secret="wrong", token_url=TOKEN_URL, transport=vendor.transport
        ) as client,
        pytest.raises(OAuthTokenError) as info,
    ):
        client.verify_code("+19195551234", "123456", 3)
    assert info.value.operation == "oauth2-token"
    assert (info.value.status_code, info.value.code) == (401, "invalid_client")
    assert len(vendor.requests) == 1  # no retry of a credential failure


def test_oauth2_single_flight_under_threads() -> None:
    server = TokenServer(delay=0.05)
    with _oauth_client(server) as client:
        results: list[bool] = []
        threads = [
            threading.Thread(target=lambda: results.append(client.verify_code("+19195551234", "123456", 3).verified))
            for _ in range(12)
        ]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    assert results == [True] * 12
    assert len(server.token_requests) == 1


@pytest.mark.anyio
async def test_oauth2_single_flight_under_asyncio() -> None:
    server = TokenServer()

    async def slow_token_endpoint(request: httpx.Request) -> httpx.Response:
        if str(request.url) == TOKEN_URL:
            await asyncio.sleep(0.02)  # every caller is waiting for a token at once
        return server.handler(request)

    async with AsyncBandwidthClient(
        "9900000",
        client_id=CLIENT_ID,
        client_secret=CLIENT_SECRET,
        token_url=TOKEN_URL,
        transport=httpx.MockTransport(slow_token_endpoint),
    ) as client:
        results = await asyncio.gather(*(client.verify_code("+19195551234", "123456", 3) for _ in range(20)))
    assert all(r.verified for r in results)
    assert len(server.token_requests) == 1
