"""Contract-suite wiring: hypothesis profiles, the coverage recorder, the report files.

CONTRACT_PROFILE   dev (default, CI-sized) or thorough
CONTRACT_EXAMPLES  examples per operation (overrides the profile)
CONTRACT_SEED      a fixed seed, for reproducing a run
CONTRACT_REPORTS   where JUnit XML and the coverage table go (default: reports/)
"""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, settings

from contract_tests._coverage import COVERAGE, VENDOR_BY_TITLE
from contract_tests._targets import TARGET, stop_servers

REPORTS = Path(os.environ.get("CONTRACT_REPORTS", "reports"))

settings.register_profile(
    "dev",
    max_examples=int(os.environ.get("CONTRACT_EXAMPLES", "40")),
    deadline=None,
    derandomize="CONTRACT_SEED" not in os.environ,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much, HealthCheck.data_too_large],
    database=None,
)
settings.register_profile(
    "thorough",
    parent=settings.get_profile("dev"),
    max_examples=int(os.environ.get("CONTRACT_EXAMPLES", "300")),
)
settings.load_profile(os.environ.get("CONTRACT_PROFILE", "dev"))


@pytest.fixture
def anyio_backend() -> str:
    """The lifecycle scenarios are async (httpx.AsyncClient reaches the in-process mock)."""
    return "asyncio"


def pytest_configure(config: pytest.Config) -> None:
    seed = os.environ.get("CONTRACT_SEED")
    if seed is not None:
        config.option.hypothesis_seed = int(seed)


LIVE = TARGET == "live"
REQUEST_BUDGET = int(os.environ.get("CONTRACT_REQUEST_BUDGET", "500"))
MAX_RETRY_AFTER = 60.0
_pause_until = 0.0  # live runs: when the vendor last asked us (Retry-After) to come back


@schemathesis.hook
def before_call(context: Any, case: Any, kwargs: Any) -> None:
    """Live runs are polite: a request budget, and a pause while a Retry-After is pending."""
    if not LIVE:
        return
    if sum(COVERAGE.requests.values()) >= REQUEST_BUDGET:
        pytest.skip(f"live request budget of {REQUEST_BUDGET} spent (CONTRACT_REQUEST_BUDGET)")
    wait = _pause_until - time.monotonic()
    if wait > 0:
        time.sleep(wait)  # live only: honouring the vendor's Retry-After; CI never runs live


@schemathesis.hook
def after_call(context: Any, case: Any, response: Any) -> None:
    """Record (vendor, operation, status) for every request the suite makes."""
    global _pause_until
    title = case.operation.schema.raw_schema.get("info", {}).get("title", "")
    operation_id = case.operation.definition.raw.get("operationId", case.operation.label)
    COVERAGE.record(VENDOR_BY_TITLE.get(title, title), operation_id, response.status_code)
    if LIVE and response.status_code in (429, 503):
        try:
            delay = min(float(response.headers.get("retry-after", ["1"])[0]), MAX_RETRY_AFTER)
        except (TypeError, ValueError, IndexError):
            delay = 1.0
        _pause_until = time.monotonic() + delay


def pytest_terminal_summary(terminalreporter: Any) -> None:
    if not COVERAGE.vendors():
        return
    terminalreporter.section(f"contract coverage (target: {TARGET})")
    terminalreporter.write(COVERAGE.markdown())
    for path in COVERAGE.write(REPORTS):
        terminalreporter.write_line(f"written: {path}")


def pytest_sessionfinish() -> None:
    stop_servers()
