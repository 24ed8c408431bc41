"""The mock's logging: quiet by default (a NullHandler), one DEBUG line per request when asked, never a secret."""

from __future__ import annotations

import logging
import subprocess
import sys
from pathlib import Path

import httpx
import pytest
from twofa_mocks import BandwidthMock, Fault, InfobipMock, SyncInProcessTransport
from twofa_mocks._requestlog import MAX_PATH
from twofa_mocks.bandwidth import DEMO_ACCOUNT, DEMO_PASSWORD, DEMO_USER
from twofa_mocks.infobip import DEMO_API_KEY

ROOT = Path(__file__).resolve().parents[2]
TO = "+19195551234"


def lines(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.name == "twofa_mocks.requests" and r.levelno == logging.DEBUG]


def test_one_debug_line_per_request_with_method_path_status_and_time(caplog: pytest.LogCaptureFixture) -> None:
    mock = BandwidthMock()
    verify = f"/api/v1/accounts/{DEMO_ACCOUNT}/code/verify"
    with (
        caplog.at_level(logging.DEBUG, logger="twofa_mocks.requests"),
        httpx.Client(
            transport=SyncInProcessTransport(mock.app), base_url="http://127.0.0.1", auth=(DEMO_USER, DEMO_PASSWORD)
        ) as client,
    ):
        client.post(f"{verify}?to={TO}", json={"to": TO, "code": "123456", "expirationTimeInMinutes": 3})
        client.get(f"/_mock/outbox?to={TO}")
        mock.faults.add(Fault(operation="verifyCode", drop=True))
        with pytest.raises(httpx.RemoteProtocolError):
            client.post(verify, json={"to": TO, "code": "1", "expirationTimeInMinutes": 3})
        client.get("/odd%0Apath")
    first, control, dropped, odd = lines(caplog)
    assert first.startswith(f"BandwidthMock POST {verify} -> 200 in ")
    assert first.endswith(" ms")
    assert control.startswith("BandwidthMock GET /_mock/outbox -> 200 in ")
    assert dropped.startswith(f"BandwidthMock POST {verify} -> 200 in ")  # the head went out, then the drop
    assert odd.startswith("BandwidthMock GET '/odd\\npath' -> ")  # escaped: no forged second log line
    assert "\n" not in odd
    for line in lines(caplog):  # no query, body or credential: no number, no code, no password
        assert "9195551234" not in line
        assert "123456" not in line
        assert DEMO_PASSWORD not in line


def test_a_long_path_is_cut_and_nothing_is_logged_above_debug(caplog: pytest.LogCaptureFixture) -> None:
    mock = InfobipMock()
    with httpx.Client(transport=SyncInProcessTransport(mock.app), base_url="http://127.0.0.1") as client:
        with caplog.at_level(logging.INFO, logger="twofa_mocks"):
            client.get("/2fa/2/applications", headers={"Authorization": f"App {DEMO_API_KEY}"})
        assert lines(caplog) == []
        with caplog.at_level(logging.DEBUG, logger="twofa_mocks.requests"):
            client.get("/x" * 500)
    (line,) = lines(caplog)
    assert f" {'/x' * (MAX_PATH // 2)}... -> 404 in " in line


def test_nothing_reaches_stderr_when_the_application_configured_no_logging() -> None:
    # A mock bug (a handler raising) logs an error; without any logging set up, a library's loggers
    # would print it through logging's "last resort" handler. The NullHandler keeps stderr clean.
    code = (
        "import logging, twofa_mocks\n"
        "logging.getLogger('twofa_mocks.infobip._app').error('a mock error')\n"
        "logging.getLogger('twofa_mocks.requests').warning('a request line')\n"
        "print('done')\n"
    )
    result = subprocess.run(  # noqa: S603 - a fixed program
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True
    )
    assert (result.stdout, result.stderr) == ("done\n", "")
