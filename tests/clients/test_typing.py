"""The constructors are typed: mypy refuses a misspelt or mistyped argument, and the errors' promise holds.

The file below is checked by mypy --strict exactly as a user's code would be; each line marked
``# E`` must be reported, and nothing else.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

mypy_api = pytest.importorskip("mypy.api")

ROOT = Path(__file__).resolve().parents[2]

USER_CODE = """\
import httpx
from twofa_clients import (
    AsyncBandwidthClient, AsyncInfobipClient, BandwidthClient, InfobipClient, RetryPolicy, TwoFactorError,
)

InfobipClient(api_kye="k")  # E
InfobipClient(api_key="k", timeout="ten")  # E
InfobipClient(123, api_key="k")  # E
InfobipClient(api_key="k", transport=httpx.ASGITransport(app=None))  # E
AsyncInfobipClient(api_key="k", transport=httpx.HTTPTransport())  # E
InfobipClient(api_key="k", retry=3)  # E
BandwidthClient("1", client_id="i", client_secert="s")  # E
BandwidthClient(9900000, username="u", password="p")  # E
AsyncBandwidthClient("1", username="u", password="p", headers=["X: 1"])  # E

ok = InfobipClient("https://ib.example", api_key="k", timeout=5, retry=RetryPolicy(max_retries=1))
ok_async = AsyncBandwidthClient("1", client_id="i", client_secret="s", transport=httpx.AsyncHTTPTransport())


def handle(error: TwoFactorError) -> float | None:
    # Every TwoFactorError carries these, as the README promises.
    print(error.vendor, error.operation, error.status_code, error.code, error.message, error.request_id, error.body)
    print(error.request_accepted)
    return error.retry_after
"""


def test_mypy_refuses_misspelt_and_mistyped_constructor_arguments(tmp_path: Path) -> None:
    user_file = tmp_path / "user_code.py"
    user_file.write_text(USER_CODE)
    stdout, stderr, _ = mypy_api.run(
        [
            str(user_file),
            "--strict",
            "--no-error-summary",
            "--config-file",
            str(ROOT / "pyproject.toml"),
            "--cache-dir",
            str(ROOT / ".mypy_cache"),
        ]
    )
    flagged = {int(m.group(1)) for m in re.finditer(r"user_code\.py:(\d+): error", stdout)}
    expected = {n for n, line in enumerate(USER_CODE.splitlines(), start=1) if line.endswith("# E")}
    assert flagged == expected, stdout + stderr
