"""The official Bandwidth SDK (bandwidth-sdk 23.3.1) works against the mock unchanged but for the host."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from bandwidth import ApiClient, Configuration, MFAApi
from bandwidth.exceptions import ApiException, ForbiddenException, UnauthorizedException
from bandwidth.models import CodeRequest, VerifyCodeRequest
from twofa_mocks import BandwidthMock, RunningServer, run_in_thread
from twofa_mocks.bandwidth import DEMO_ACCOUNT, DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, DEMO_PASSWORD, DEMO_USER

TO = "+19195551234"


@pytest.fixture(scope="module")
def served() -> Iterator[tuple[BandwidthMock, RunningServer]]:
    mock = BandwidthMock()
    with run_in_thread(mock.app) as server:
        yield mock, server


def sdk(server: RunningServer, **auth: str) -> MFAApi:
    # As the SDK's own tests do against a local mock: the operation-level server is ignored.
    config = Configuration(host=f"{server.url}/api/v1", ignore_operation_servers=True, **auth)
    return MFAApi(ApiClient(config))


def code_request() -> CodeRequest:
    return CodeRequest(to=TO, var_from="+19195554321", application_id="app-1", message="Your code is {CODE}", digits=6)


@pytest.mark.parametrize("auth", ["basic", "oauth2"])
def test_generate_and_verify_with_the_official_sdk(served: tuple[BandwidthMock, RunningServer], auth: str) -> None:
    mock, server = served
    mock.reset()
    credentials = (
        {"username": DEMO_USER, "password": DEMO_PASSWORD}
        if auth == "basic"
        else {
            "client_id": DEMO_CLIENT_ID,
            "client_secret": DEMO_CLIENT_SECRET,
            "access_token_url": f"{server.url}/api/v1/oauth2/token",
        }
    )
    api = sdk(server, **credentials)
    sent = api.generate_messaging_code(DEMO_ACCOUNT, code_request())
    assert sent.message_id is not None
    assert len(sent.message_id) == 29
    call = api.generate_voice_code(DEMO_ACCOUNT, code_request())
    assert call.call_id is not None
    assert len(call.call_id) == 47
    code = mock.outbox.list(TO)[0].code
    wrong = api.verify_code(DEMO_ACCOUNT, VerifyCodeRequest(to=TO, expiration_time_in_minutes=3, code="0000"))
    assert wrong.valid is False
    right = api.verify_code(DEMO_ACCOUNT, VerifyCodeRequest(to=TO, expiration_time_in_minutes=3, code=code))
    assert right.valid is True


def test_sdk_errors_from_the_mock(served: tuple[BandwidthMock, RunningServer]) -> None:
    mock, server = served
    mock.reset()
    with pytest.raises(UnauthorizedException) as unauthorized:
        sdk(server, username=DEMO_USER, password="wrong").generate_messaging_code(DEMO_ACCOUNT, code_request())
    assert unauthorized.value.status == 401
    mock.configure({"mfaAccounts": []})
    with pytest.raises(ForbiddenException) as forbidden:
        sdk(server, username=DEMO_USER, password=DEMO_PASSWORD).generate_messaging_code(DEMO_ACCOUNT, code_request())
    assert "explicit deny" in (forbidden.value.body or "")
    mock.reset()
    mock.configure({"lockoutThreshold": 1})
    api = sdk(server, username=DEMO_USER, password=DEMO_PASSWORD)
    api.verify_code(DEMO_ACCOUNT, VerifyCodeRequest(to=TO, expiration_time_in_minutes=3, code="0000"))
    with pytest.raises(ApiException) as locked:
        api.verify_code(DEMO_ACCOUNT, VerifyCodeRequest(to=TO, expiration_time_in_minutes=3, code="0000"))
    assert locked.value.status == 429
