"""twofa_clients: the hand-written layer over the generated Infobip 2FA and Bandwidth MFA clients.

Generated code is output: ``generated/infobip_2fa_client`` and ``generated/bandwidth_mfa_client``
come from ``spec/`` through ``make generate`` and are never edited by hand. This package wraps them
through their documented seams only (``set_httpx_client``, ``*_detailed`` functions,
``raise_on_unexpected_status``) and adds what generation cannot know: each vendor's auth, one typed
error model, safe retries, short timeouts and secret redaction.

    from twofa_clients import InfobipClient, BandwidthClient
"""

from ._base import DEFAULT_TIMEOUT, __version__
from ._errors import (
    APIConnectionError,
    APIStatusError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    NotFoundError,
    PermissionDeniedError,
    ProtocolError,
    RateLimitError,
    ServerError,
    ServiceUnavailableError,
    TwoFactorError,
)
from ._retry import NO_RETRIES, RetryPolicy, Safety
from ._verify import VerifyResult
from .bandwidth import AsyncBandwidthClient, BandwidthClient
from .infobip import AsyncInfobipClient, InfobipClient

__all__ = [
    "DEFAULT_TIMEOUT",
    "NO_RETRIES",
    "APIConnectionError",
    "APIStatusError",
    "APITimeoutError",
    "AsyncBandwidthClient",
    "AsyncInfobipClient",
    "AuthenticationError",
    "BadRequestError",
    "BandwidthClient",
    "InfobipClient",
    "NotFoundError",
    "PermissionDeniedError",
    "ProtocolError",
    "RateLimitError",
    "RetryPolicy",
    "Safety",
    "ServerError",
    "ServiceUnavailableError",
    "TwoFactorError",
    "VerifyResult",
    "__version__",
]
