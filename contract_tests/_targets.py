"""Where the contract suite points: the mock in-process, the mock over HTTP, or a live vendor API.

CONTRACT_TARGET=asgi   the mock inside the test process (default)
CONTRACT_TARGET=http   the mock under uvicorn on 127.0.0.1
CONTRACT_TARGET=live   the vendor, from BANDWIDTH_* / INFOBIP_* variables (see README); sends are
                       excluded unless CONTRACT_ALLOW_SENDS=1 and a designated test destination is set
"""

from __future__ import annotations

import base64
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast

import httpx
import pytest
import schemathesis
from schemathesis.specs.openapi.schemas import OpenApiSchema
from twofa_mocks import BandwidthMock, InfobipConfig, InfobipMock, RunningServer, run_in_thread
from twofa_mocks import infobip as infobip_demo
from twofa_mocks.bandwidth import DEMO_ACCOUNT, DEMO_PASSWORD, DEMO_USER

HERE = Path(__file__).resolve().parent
SPEC_DIR = HERE.parent / "spec"
TARGET = os.environ.get("CONTRACT_TARGET", "asgi")
LIVE_HELP = (
    "live contract runs are opt-in: set CONTRACT_TARGET=live and, for Bandwidth, BANDWIDTH_BASE_URL, "
    "BANDWIDTH_ACCOUNT_ID and BANDWIDTH_USERNAME/BANDWIDTH_PASSWORD (or BANDWIDTH_CLIENT_ID/"
    "BANDWIDTH_CLIENT_SECRET with BANDWIDTH_TOKEN_URL); for Infobip, INFOBIP_BASE_URL and INFOBIP_API_KEY. "
    "Sends stay off unless CONTRACT_ALLOW_SENDS=1 with BANDWIDTH_TEST_NUMBER / INFOBIP_TEST_MSISDN."
)


def basic_header(user: str, password: str) -> str:
    return "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()


@dataclass
class Target:
    """One vendor API under test, however it is reached."""

    vendor: str
    kind: str  # asgi, http or live
    base_url: str
    headers: dict[str, str]
    mock: Any = None  # the mock object when the target is a mock (outbox, clock, reset)
    app: Any = None  # the ASGI app for the in-process target
    parameters: dict[str, Any] = field(default_factory=dict)  # fixed values, e.g. the Bandwidth account
    excluded_operations: list[str] = field(default_factory=list)
    rate_limit: str | None = None

    @property
    def is_mock(self) -> bool:
        return self.mock is not None

    def async_client(self) -> httpx.AsyncClient:
        """A plain httpx client on the target, for the hand-written lifecycle scenarios."""
        transport = httpx.ASGITransport(app=self.app) if self.app is not None else None
        return httpx.AsyncClient(base_url=self.base_url, headers=self.headers, timeout=10.0, transport=transport)


def load_schema(spec_file: str, target: Target) -> OpenApiSchema:
    config = schemathesis.Config.from_str((HERE / "schemathesis.toml").read_text(encoding="utf-8"))
    schema = schemathesis.openapi.from_path(SPEC_DIR / spec_file, config=config)
    if target.app is not None:
        schema.app = target.app
    schema.config.update(
        base_url=target.base_url, headers=target.headers, parameters=target.parameters, rate_limit=target.rate_limit
    )
    for operation_id in target.excluded_operations:
        schema = cast(OpenApiSchema, schema.exclude(operation_id=operation_id))
    return schema


_RUNNING: list[RunningServer] = []


def stop_servers() -> None:
    """Stop the uvicorn threads of the http target (called at the end of the session)."""
    while _RUNNING:
        _RUNNING.pop().stop()


def bandwidth_target() -> Target:
    """The Bandwidth target for this run; skips the module when a live run lacks its variables."""
    if TARGET == "live":
        base_url = os.environ.get("BANDWIDTH_BASE_URL")
        account = os.environ.get("BANDWIDTH_ACCOUNT_ID")
        authorization = _live_bandwidth_authorization()
        if not (base_url and account and authorization):
            pytest.skip(LIVE_HELP, allow_module_level=True)
        excluded = [] if _sends_allowed("BANDWIDTH_TEST_NUMBER") else ["generateMessagingCode", "generateVoiceCode"]
        return Target(
            "bandwidth",
            "live",
            base_url,
            {"Authorization": authorization},
            parameters={"path.accountId": account},
            excluded_operations=excluded,
            rate_limit=os.environ.get("CONTRACT_RATE_LIMIT", "5/s"),
        )
    mock = BandwidthMock()
    headers = {"Authorization": basic_header(DEMO_USER, DEMO_PASSWORD)}
    parameters = {"path.accountId": DEMO_ACCOUNT}
    if TARGET == "http":
        server = run_in_thread(mock.app)
        _RUNNING.append(server)
        return Target("bandwidth", "http", f"{server.url}/api/v1", headers, mock=mock, parameters=parameters)
    return Target(
        "bandwidth", "asgi", "http://bandwidth.mock/api/v1", headers, mock=mock, app=mock.app, parameters=parameters
    )


def infobip_target() -> Target:
    """The Infobip target for this run; skips the module when a live run lacks its variables."""
    if TARGET == "live":
        base_url, key = os.environ.get("INFOBIP_BASE_URL"), os.environ.get("INFOBIP_API_KEY")
        if not (base_url and key):
            pytest.skip(LIVE_HELP, allow_module_level=True)
        excluded = ["v1-create-api-key"]  # would mint a real key on the account
        if not _sends_allowed("INFOBIP_TEST_MSISDN"):
            excluded += [
                f"{prefix}{op}"
                for prefix in ("", "v1-")
                for op in (
                    "send-2fa-pin-code-over-sms",
                    "send-2fa-pin-code-over-voice",
                    "resend-2fa-pin-code-over-sms",
                    "resend-2fa-pin-code-over-voice",
                )
            ] + ["send-2fa-pin-code-over-email", "resend-2fa-pin-code-over-email"]
        return Target(
            "infobip",
            "live",
            base_url,
            {"Authorization": f"App {key}"},
            excluded_operations=excluded,
            rate_limit=os.environ.get("CONTRACT_RATE_LIMIT", "5/s"),
        )
    # The contract runs hold the mock to the letter of the spec: only each version's own spellings.
    mock = InfobipMock(InfobipConfig(accept_both_spellings=False))
    headers = {"Authorization": f"App {infobip_demo.DEMO_API_KEY}"}
    if TARGET == "http":
        server = run_in_thread(mock.app)
        _RUNNING.append(server)
        return Target("infobip", "http", server.url, headers, mock=mock)
    return Target("infobip", "asgi", "http://infobip.mock", headers, mock=mock, app=mock.app)


INFOBIP_BASIC = basic_header(infobip_demo.DEMO_USER, infobip_demo.DEMO_PASSWORD)


def _live_bandwidth_authorization() -> str | None:
    """Basic from BANDWIDTH_USERNAME/PASSWORD, or a Bearer token fetched once with client credentials."""
    user, password = os.environ.get("BANDWIDTH_USERNAME"), os.environ.get("BANDWIDTH_PASSWORD")
    if user and password:
        return basic_header(user, password)
    client_id, secret = os.environ.get("BANDWIDTH_CLIENT_ID"), os.environ.get("BANDWIDTH_CLIENT_SECRET")
    if not (client_id and secret):
        return None
    token_url = os.environ.get("BANDWIDTH_TOKEN_URL", "https://api.bandwidth.com/api/v1/oauth2/token")
    response = httpx.post(
        token_url,
        data={"grant_type": "client_credentials"},
        headers={"Authorization": basic_header(client_id, secret)},
        timeout=10.0,
    )
    response.raise_for_status()
    return f"Bearer {response.json()['access_token']}"


def _sends_allowed(destination_variable: str) -> bool:
    return os.environ.get("CONTRACT_ALLOW_SENDS") == "1" and bool(os.environ.get(destination_variable))
