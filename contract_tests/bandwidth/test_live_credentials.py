"""A live run needs Bandwidth's credentials: without them the run fails here, naming the variables
(CONTRACT_LIVE_OPTIONAL=1 skips the vendor instead). Collected only when CONTRACT_TARGET=live."""

from __future__ import annotations

from contract_tests._targets import bandwidth_target, require_credentials

TARGET = bandwidth_target()


def test_live_credentials_are_set() -> None:
    require_credentials(TARGET)
