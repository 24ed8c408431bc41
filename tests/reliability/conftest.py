"""Reliability suite wiring: the figures every test adds end up in reports/reliability.json."""

from __future__ import annotations

from typing import Any

import pytest

from tests.reliability._report import COLLECTOR


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


def pytest_sessionfinish(session: pytest.Session) -> None:
    if COLLECTOR:
        COLLECTOR.merge_into()


def pytest_terminal_summary(terminalreporter: Any) -> None:
    if COLLECTOR:
        terminalreporter.section("reliability figures (this process)")
        for section, counts in sorted(COLLECTOR.counts.items()):
            figures = ", ".join(f"{key}={value:g}" for key, value in sorted(counts.items()))
            terminalreporter.write_line(f"{section}: {figures}")
