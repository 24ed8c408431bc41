"""Bandwidth MFA through the generated ``bandwidth_mfa_client``, with auth, errors and retries handled."""

from ._client import (
    DEFAULT_BASE_URL,
    DEFAULT_TOKEN_URL,
    AsyncBandwidthClient,
    BandwidthClient,
    bandwidth_auth,
)

__all__ = [
    "DEFAULT_BASE_URL",
    "DEFAULT_TOKEN_URL",
    "AsyncBandwidthClient",
    "BandwidthClient",
    "bandwidth_auth",
]
