"""How a live target is reached: base URLs that keep credentials off the wire, and Bandwidth's OAuth2
token, fetched once, whose refusal names the variables and never their values."""

from __future__ import annotations

import pytest
from twofa_mocks import BandwidthMock, run_in_thread
from twofa_mocks.bandwidth import DEMO_CLIENT_ID, DEMO_CLIENT_SECRET

from contract_tests import _targets


@pytest.mark.parametrize(
    "url",
    ["https://abcde.api.infobip.com", "http://127.0.0.1:8081", "http://localhost:8082/api/v1", "http://[::1]:80"],
)
def test_https_or_loopback_base_urls_are_accepted(url: str) -> None:
    assert _targets.base_url_problem("INFOBIP_BASE_URL", url) == ""


@pytest.mark.parametrize(
    ("url", "message"),
    [
        (
            "http://abcde.api.infobip.com",
            "INFOBIP_BASE_URL='http://abcde.api.infobip.com': credentials go over https "
            "(http only to 127.0.0.1 or localhost)",
        ),
        ("abcde.api.infobip.com", "INFOBIP_BASE_URL='abcde.api.infobip.com' is not an http(s) URL"),
        ("ftp://example.com", "INFOBIP_BASE_URL='ftp://example.com' is not an http(s) URL"),
    ],
)
def test_other_base_urls_are_refused_with_the_reason(url: str, message: str) -> None:
    assert _targets.base_url_problem("INFOBIP_BASE_URL", url) == message


def test_a_bandwidth_token_is_fetched_once_and_a_refusal_names_the_variables_only() -> None:
    with run_in_thread(BandwidthMock().app) as server:
        token_url = f"{server.url}/api/v1/oauth2/token"
        good = {"BANDWIDTH_CLIENT_ID": DEMO_CLIENT_ID, "BANDWIDTH_CLIENT_SECRET": DEMO_CLIENT_SECRET}
        header, problem = _targets._live_bandwidth_authorization({**good, "BANDWIDTH_TOKEN_URL": token_url})
        assert problem == ""
        assert header.startswith("Bearer ")
        again = _targets._live_bandwidth_authorization({**good, "BANDWIDTH_TOKEN_URL": token_url})
        assert again == (header, "")  # the same token: one request per run
        secret = "not-the-secret-4242"
        bad = {
            "BANDWIDTH_CLIENT_ID": DEMO_CLIENT_ID,
            "BANDWIDTH_CLIENT_SECRET": secret,
            "BANDWIDTH_TOKEN_URL": token_url,
        }
        header, problem = _targets._live_bandwidth_authorization(bad)
    assert header == ""
    assert problem.startswith(f"BANDWIDTH_CLIENT_ID/BANDWIDTH_CLIENT_SECRET: {token_url} answered 4")
    assert secret not in problem
