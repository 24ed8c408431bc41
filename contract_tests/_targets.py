"""Where the contract suite points: the mock in-process, the mock over HTTP, or a live vendor API.

CONTRACT_TARGET=asgi   the mock inside the test process (default)
CONTRACT_TARGET=http   the mock under uvicorn on 127.0.0.1
CONTRACT_TARGET=live   the vendor, from BANDWIDTH_* / INFOBIP_* variables (see README); what a live run
                       may do to the account is in _live.py
"""

from __future__ import annotations

import base64
import ipaddress
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import httpx
import pytest
import schemathesis
from schemathesis.specs.openapi.schemas import OpenApiSchema
from twofa_mocks import BandwidthMock, InfobipConfig, InfobipMock, RunningServer, run_in_thread
from twofa_mocks import infobip as infobip_demo
from twofa_mocks.bandwidth import DEMO_ACCOUNT, DEMO_PASSWORD, DEMO_USER

from contract_tests import _live
from contract_tests._coverage import COVERAGE, SPECS, spec_operations
from contract_tests._settings import current

HERE = Path(__file__).resolve().parent
SPEC_DIR = HERE.parent / "spec"
# The in-process target has no address; failures print reproductions against the one `make mock` serves.
MAKE_MOCK_URLS = {"infobip": "http://127.0.0.1:8081", "bandwidth": "http://127.0.0.1:8082/api/v1"}
TOKEN_TIMEOUT = 10.0
LOOPBACK_NAMES = {"localhost"}


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
    rate_limit: str | None = None
    plan: _live.Plan | None = None
    credentials_problem: str = ""  # live: why this vendor cannot run (missing or refused credentials)

    @property
    def is_mock(self) -> bool:
        return self.mock is not None

    def async_client(self) -> httpx.AsyncClient:
        """A plain httpx client on the target, for the hand-written lifecycle scenarios."""
        transport = httpx.ASGITransport(app=self.app) if self.app is not None else None
        return httpx.AsyncClient(base_url=self.base_url, headers=self.headers, timeout=10.0, transport=transport)


# id(raw spec dict) -> the target its requests are counted for. Only schemas loaded through
# load_schema(..., counted=True) are in the report and draw on the budget; the drift variants are not.
COUNTED: dict[int, Target] = {}


def load_schema(spec_file: str, target: Target, *, counted: bool = True) -> OpenApiSchema:
    config = schemathesis.Config.from_str((HERE / "schemathesis.toml").read_text(encoding="utf-8"))
    schema = schemathesis.openapi.from_path(SPEC_DIR / spec_file, config=config)
    if target.app is not None:
        schema.app = target.app
    schema.config.update(
        base_url=target.base_url, headers=target.headers, parameters=target.parameters, rate_limit=target.rate_limit
    )
    if target.kind == "live":
        # The coverage phase's boundary cases (dozens per operation, nearly all invalid, and first in
        # line) would spend an operation's whole share before one valid request: examples first, then
        # fuzzing. The mock runs keep all three phases.
        schema.config.phases.update(phases=["examples", "fuzzing"])
    if counted:
        COUNTED[id(schema.raw_schema)] = target
    return schema


def counted_target(schema: Any) -> Target | None:
    return COUNTED.get(id(schema.raw_schema))


_RUNNING: list[RunningServer] = []


def stop_servers() -> None:
    """Stop the uvicorn threads of the http target (called at the end of the session)."""
    while _RUNNING:
        _RUNNING.pop().stop()


def base_url_problem(name: str, value: str) -> str:
    """Why ``value`` cannot be a live base URL: credentials go over https, or http to this machine only."""
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return f"{name}={value!r} is not an http(s) URL"
    if parts.scheme == "http" and not _is_loopback(parts.hostname):
        return f"{name}={value!r}: credentials go over https (http only to 127.0.0.1 or localhost)"
    return ""


def _is_loopback(host: str) -> bool:
    if host in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _missing(vendor: str, names: list[str]) -> str:
    return (
        f"{vendor} credentials missing: set {', '.join(names)} "
        "(or CONTRACT_LIVE_OPTIONAL=1 to skip a vendor without credentials)"
    )


def _registered(target: Target) -> Target:
    assert target.plan is not None
    COVERAGE.plan(target.vendor, target.base_url, target.plan)
    return target


def bandwidth_target() -> Target:
    """The Bandwidth target for this run (a live one may carry a credentials problem instead)."""
    return _registered(_bandwidth_target())


def infobip_target() -> Target:
    """The Infobip target for this run (a live one may carry a credentials problem instead)."""
    return _registered(_infobip_target())


def _bandwidth_target() -> Target:
    operations = spec_operations("bandwidth")
    kind = current().target
    if kind == "live":
        env = os.environ
        base_url, account = env.get("BANDWIDTH_BASE_URL", ""), env.get("BANDWIDTH_ACCOUNT_ID", "")
        missing = [
            name for name, value in (("BANDWIDTH_BASE_URL", base_url), ("BANDWIDTH_ACCOUNT_ID", account)) if not value
        ]
        basic = env.get("BANDWIDTH_USERNAME") and env.get("BANDWIDTH_PASSWORD")
        oauth = env.get("BANDWIDTH_CLIENT_ID") and env.get("BANDWIDTH_CLIENT_SECRET")
        if not (basic or oauth):
            missing.append("BANDWIDTH_USERNAME/BANDWIDTH_PASSWORD or BANDWIDTH_CLIENT_ID/BANDWIDTH_CLIENT_SECRET")
        problem = _missing("bandwidth", missing) if missing else base_url_problem("BANDWIDTH_BASE_URL", base_url)
        authorization = ""
        if not problem:
            authorization, problem = _live_bandwidth_authorization(env)
        return _live_target("bandwidth", operations, base_url, {"Authorization": authorization}, problem,
                            parameters={"path.accountId": account})  # fmt: skip
    mock = BandwidthMock()
    headers = {"Authorization": basic_header(DEMO_USER, DEMO_PASSWORD)}
    parameters = {"path.accountId": DEMO_ACCOUNT}
    plan = _live.mock_plan("bandwidth", kind, operations)
    if kind == "http":
        server = run_in_thread(mock.app)
        _RUNNING.append(server)
        return Target("bandwidth", "http", f"{server.url}/api/v1", headers, mock, parameters=parameters, plan=plan)
    url = MAKE_MOCK_URLS["bandwidth"]
    return Target("bandwidth", "asgi", url, headers, mock, mock.app, parameters=parameters, plan=plan)


def _infobip_target() -> Target:
    operations = spec_operations("infobip")
    kind = current().target
    if kind == "live":
        base_url, key = os.environ.get("INFOBIP_BASE_URL", ""), os.environ.get("INFOBIP_API_KEY", "")
        missing = [name for name, value in (("INFOBIP_BASE_URL", base_url), ("INFOBIP_API_KEY", key)) if not value]
        problem = _missing("infobip", missing) if missing else base_url_problem("INFOBIP_BASE_URL", base_url)
        return _live_target("infobip", operations, base_url, {"Authorization": f"App {key}"}, problem)
    # The contract runs hold the mock to the letter of the spec: only each version's own spellings; and
    # they start from an empty account (no demo application), as a new vendor account does.
    mock = InfobipMock(InfobipConfig(accept_both_spellings=False, demo_account=False))
    headers = {"Authorization": f"App {infobip_demo.DEMO_API_KEY}"}
    plan = _live.mock_plan("infobip", kind, operations)
    if kind == "http":
        server = run_in_thread(mock.app)
        _RUNNING.append(server)
        return Target("infobip", "http", server.url, headers, mock=mock, plan=plan)
    return Target("infobip", "asgi", MAKE_MOCK_URLS["infobip"], headers, mock=mock, app=mock.app, plan=plan)


def _live_target(
    vendor: str,
    operations: tuple[str, ...],
    base_url: str,
    headers: dict[str, str],
    problem: str,
    parameters: dict[str, Any] | None = None,
) -> Target:
    settings = current()
    plan = _live.live_plan(vendor, operations, settings, os.environ, problem)
    return Target(
        vendor,
        "live",
        base_url or "https://credentials-missing.invalid",  # never called: every operation is not run
        headers if not problem else {},
        parameters=parameters or {},
        rate_limit=settings.rate_limit,
        plan=plan,
        credentials_problem=problem,
    )


INFOBIP_BASIC = basic_header(infobip_demo.DEMO_USER, infobip_demo.DEMO_PASSWORD)


_TOKENS: dict[tuple[str, str, str], tuple[str, str]] = {}


def _live_bandwidth_authorization(env: Mapping[str, str]) -> tuple[str, str]:
    """(Authorization header, problem): Basic from BANDWIDTH_USERNAME/PASSWORD, or a Bearer token
    fetched once per run with client credentials. The problem names the variables, never their values."""
    user, password = env.get("BANDWIDTH_USERNAME"), env.get("BANDWIDTH_PASSWORD")
    if user and password:
        return basic_header(user, password), ""
    client_id, secret = env.get("BANDWIDTH_CLIENT_ID", ""), env.get("BANDWIDTH_CLIENT_SECRET", "")
    token_url = env.get("BANDWIDTH_TOKEN_URL", "https://api.bandwidth.com/api/v1/oauth2/token")
    problem = base_url_problem("BANDWIDTH_TOKEN_URL", token_url)
    if problem:
        return "", problem
    key = (token_url, client_id, secret)
    if key not in _TOKENS:  # each test module builds its target; the token is fetched for the first
        _TOKENS[key] = _fetch_token(token_url, client_id, secret)
    return _TOKENS[key]


def _fetch_token(token_url: str, client_id: str, secret: str) -> tuple[str, str]:
    try:
        response = httpx.post(
            token_url,
            data={"grant_type": "client_credentials"},
            headers={"Authorization": basic_header(client_id, secret)},
            timeout=TOKEN_TIMEOUT,
        )
        token = response.json()["access_token"] if response.status_code == 200 else None
    except (httpx.HTTPError, ValueError, KeyError, TypeError) as exc:
        return "", f"BANDWIDTH_TOKEN_URL: no token from {token_url} ({type(exc).__name__})"
    if not isinstance(token, str) or not token:
        return "", (
            f"BANDWIDTH_CLIENT_ID/BANDWIDTH_CLIENT_SECRET: {token_url} answered {response.status_code} without a token"
        )
    return f"Bearer {token}", ""


def vendor_of(path: Path) -> str | None:
    """The vendor whose suite a test file belongs to (contract_tests/<vendor>/...)."""
    return path.parent.name if path.parent.name in SPECS else None


def require_credentials(target: Target) -> None:
    """Fail (or, with CONTRACT_LIVE_OPTIONAL=1, skip) naming what the live target lacks."""
    if not target.credentials_problem:
        return
    if current().live_optional:
        pytest.skip(target.credentials_problem)
    pytest.fail(target.credentials_problem, pytrace=False)
