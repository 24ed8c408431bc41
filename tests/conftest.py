"""Shared fixtures: async tests run on asyncio through anyio's pytest plugin.

(``make test`` runs ``scripts/spec_gate.py`` first: a spec that does not load stops the run there, with
the file, the JSON pointer and the reason.)
"""

from __future__ import annotations

import pytest


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"
