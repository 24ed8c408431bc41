"""Logging: quiet by default (a NullHandler), one DEBUG line per attempt when asked, never a secret."""

from __future__ import annotations

import logging
import subprocess
import sys
from pathlib import Path

import pytest
from twofa_clients import InfobipClient, RateLimitError

from tests.clients.fakes import API_KEY, FakeVendor, RecordedSleeps, json_response

ROOT = Path(__file__).resolve().parents[2]
RECORDS = {"verifications": [{"msisdn": "41793026727", "verified": True, "sentAt": 1}]}
BUSY = {"requestError": {"serviceException": {"messageId": "TOO_MANY_REQUESTS", "text": "Too many requests"}}}


def test_one_debug_line_per_attempt_with_method_path_status_and_time(caplog: pytest.LogCaptureFixture) -> None:
    vendor = FakeVendor([json_response(429, BUSY, {"Retry-After": "1"}), json_response(200, RECORDS)])
    sleeps = RecordedSleeps()
    with (
        caplog.at_level(logging.DEBUG, logger="twofa_clients"),
        InfobipClient("https://ib.example", api_key=API_KEY, transport=vendor.transport, retry=sleeps.policy()) as c,
    ):
        c.get_2fa_verification_status("A1", "41793026727", verified=True)
    lines = [r.getMessage() for r in caplog.records if r.levelno == logging.DEBUG and r.name == "twofa_clients"]
    assert len(lines) == 2
    assert lines[0].startswith("get-2fa-verification-status GET /2fa/2/applications/A1/verifications -> 429 in ")
    assert lines[1].startswith("get-2fa-verification-status GET /2fa/2/applications/A1/verifications -> 200 in ")
    assert lines[1].endswith(" ms")
    assert not any("41793026727" in line or API_KEY in line for line in lines)  # no query (a phone number), no key


def test_nothing_reaches_stderr_when_the_application_configured_no_logging() -> None:
    code = (
        "import httpx, twofa_clients as t\n"
        "v = httpx.MockTransport(lambda r: httpx.Response(503, json={}, headers={'Retry-After': '0'}))\n"
        "c = t.InfobipClient('https://ib.example', api_key='k1234567', transport=v)\n"
        "try:\n    c.get_2fa_applications()\nexcept t.ServiceUnavailableError:\n    print('raised')\n"
    )
    result = subprocess.run(  # noqa: S603 - a fixed program
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=True,
        env={"PYTHONPATH": f"{ROOT / 'generated'}:{ROOT / 'overrides'}", "PATH": ""},
    )
    assert result.stdout == "raised\n"
    assert result.stderr == ""  # the retry warnings went to the NullHandler, not to Python's last resort


def test_the_retry_warning_still_reaches_a_configured_handler(caplog: pytest.LogCaptureFixture) -> None:
    vendor = FakeVendor([json_response(429, BUSY, {"Retry-After": "1"})])
    with (
        caplog.at_level(logging.WARNING, logger="twofa_clients"),
        InfobipClient(
            "https://ib.example", api_key=API_KEY, transport=vendor.transport, retry=RecordedSleeps().policy()
        ) as client,
        pytest.raises(RateLimitError),
    ):
        client.get_2fa_applications()
    assert "retrying get-2fa-applications (retry 1 of 2)" in caplog.text
