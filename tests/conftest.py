"""Shared fixtures: async tests run on asyncio through anyio's pytest plugin.

Before anything is collected, the documents in spec/ must load (scripts/spec_gate.py): a dangling
``$ref`` stops the run with the file, the JSON pointer and the reason, not with failures far away.
"""

from __future__ import annotations

import pytest

from scripts import spec_gate


def pytest_configure(config: pytest.Config) -> None:
    if hasattr(config, "workerinput"):
        return  # an xdist worker: the controller has checked already
    try:
        spec_gate.require_valid_specs()
    except spec_gate.InvalidSpecs as exc:
        raise pytest.UsageError(str(exc)) from None


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"
