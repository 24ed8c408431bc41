"""Requests cost the same however much state is live (issue 13, item 13).

Measured by the Python lines the mock executes for one request, not by time: the count is exact and
repeatable, and a scan over live entries shows up as lines per entry. Every Infobip token issue used
to scan all live tokens (1.3 ms at 60,000; from 100,000 to 200,000 did not finish in 300 s), and a
Bandwidth verify compared every live code of the number (7 ms at 40,000, its timing telling how many
codes were live).
"""

from __future__ import annotations

import asyncio
import base64
import json
import sys
from pathlib import Path
from types import FrameType
from typing import Any

import twofa_mocks
from twofa_mocks import BandwidthMock, InfobipMock
from twofa_mocks import bandwidth as bandwidth_demo
from twofa_mocks import infobip as infobip_demo
from twofa_mocks._asgi import call

MOCK_DIR = str(Path(twofa_mocks.__file__).parent)


def lines_run(app: Any, method: str, path: str, headers: dict[str, str], body: bytes) -> int:
    """Lines of twofa_mocks executed while ``app`` answers one request."""
    count = 0

    def tracer(frame: FrameType, event: str, _: Any) -> Any:
        nonlocal count
        if not frame.f_code.co_filename.startswith(MOCK_DIR):
            return None
        if event == "line":
            count += 1
        return tracer

    sys.settrace(tracer)
    try:
        asyncio.run(call(app, method, path, headers, body))
    finally:
        sys.settrace(None)
    return count


TOKEN_FORM = (
    f"grant_type=client_credentials&client_id={infobip_demo.DEMO_CLIENT_ID}"
    f"&client_secret={infobip_demo.DEMO_CLIENT_SECRET}"
).encode()
FORM = {"Content-Type": "application/x-www-form-urlencoded"}


def infobip_issue_cost(live_tokens: int) -> int:
    mock = InfobipMock()

    async def fill() -> None:
        for _ in range(live_tokens):
            status, _ = await call(mock.app, "POST", "/auth/1/oauth2/token", FORM, TOKEN_FORM)
            assert status == 200

    asyncio.run(fill())
    assert len(mock.store.tokens) == live_tokens  # frozen clock: none expired
    costs = [lines_run(mock.app, "POST", "/auth/1/oauth2/token", FORM, TOKEN_FORM) for _ in range(3)]
    return max(costs)


def test_issuing_a_token_does_not_scan_the_live_ones() -> None:
    few, many = infobip_issue_cost(50), infobip_issue_cost(2_000)
    assert many <= few + 20, (few, many)  # was ~2 lines per live token


BASIC = "Basic " + base64.b64encode(f"{bandwidth_demo.DEMO_USER}:{bandwidth_demo.DEMO_PASSWORD}".encode()).decode()
JSON = {"Authorization": BASIC, "Content-Type": "application/json"}
CODES = f"/api/v1/accounts/{bandwidth_demo.DEMO_ACCOUNT}/code"


def bandwidth_verify_cost(live_codes: int, code: str) -> tuple[int, bool]:
    mock = BandwidthMock()
    mock.configure({"maxLiveCodesPerNumber": 5_000, "lockoutThreshold": 10**6})
    send = b'{"to": "+19195551234", "from": "+19195554321", "applicationId": "a", "message": "{CODE}", "digits": 8}'

    async def fill() -> None:
        for _ in range(live_codes):
            status, _ = await call(mock.app, "POST", f"{CODES}/messaging", JSON, send)
            assert status == 200

    asyncio.run(fill())
    wanted = mock.outbox.list()[0].code if code == "first" else code
    body = json.dumps({"to": "+19195551234", "expirationTimeInMinutes": 15, "code": wanted}).encode()
    lines = lines_run(mock.app, "POST", f"{CODES}/verify", JSON, body)
    valid = mock.store.failures.get((bandwidth_demo.DEMO_ACCOUNT, "+19195551234")) is None
    return lines, valid


def test_a_verify_costs_the_same_however_many_codes_are_live() -> None:
    wrong_few, _ = bandwidth_verify_cost(1, "0000")
    wrong_many, _ = bandwidth_verify_cost(1_000, "0000")
    assert wrong_many == wrong_few, (wrong_few, wrong_many)  # was ~3 lines per live code
    right_few, valid_few = bandwidth_verify_cost(1, "first")
    right_many, valid_many = bandwidth_verify_cost(1_000, "first")
    assert valid_few
    assert valid_many
    assert right_many <= right_few + 5, (right_few, right_many)
