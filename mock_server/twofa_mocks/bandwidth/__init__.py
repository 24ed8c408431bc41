"""A stateful mock of Bandwidth MFA: codes, scopes, verify windows, lock-out, Basic and OAuth2 auth."""

from ._app import BandwidthMock
from ._config import (
    DEMO_ACCOUNT,
    DEMO_CLIENT_ID,
    DEMO_CLIENT_SECRET,
    DEMO_PASSWORD,
    DEMO_USER,
    BandwidthConfig,
)

__all__ = [
    "DEMO_ACCOUNT",
    "DEMO_CLIENT_ID",
    "DEMO_CLIENT_SECRET",
    "DEMO_PASSWORD",
    "DEMO_USER",
    "BandwidthConfig",
    "BandwidthMock",
]
