"""twofa_clients: the hand-written layer over the generated Infobip 2FA and Bandwidth MFA clients.

Generated code is output: ``generated/infobip_2fa_client`` and ``generated/bandwidth_mfa_client``
come from ``spec/`` through ``make generate`` and are never edited by hand. This package wraps them
through their documented seams only (``set_httpx_client``, ``*_detailed`` functions,
``raise_on_unexpected_status``) and adds what generation cannot know: each vendor's auth, one typed
error model, safe retries, short timeouts and secret redaction.

    from twofa_clients import InfobipClient, BandwidthClient

Each vendor loads on first use: ``from twofa_clients import InfobipClient`` imports the Infobip side
only, and each generated operation module (with the vendor's models) is imported by its first call.
"""

import importlib as _importlib
import logging as _logging
import typing as _typing

from ._base import __version__
from ._call import CallLimits
from ._constants import DEFAULT_TIMEOUT
from ._errors import (
    APIConnectionError,
    APIStatusError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    ClientClosedError,
    InvalidArgumentError,
    NotFoundError,
    OAuthTokenError,
    PermissionDeniedError,
    ProtocolError,
    RateLimitError,
    ServerError,
    ServiceUnavailableError,
    TwoFactorError,
)
from ._retry import NO_RETRIES, RetryPolicy, Safety
from ._verify import VerifyResult

# A library stays quiet unless the application configures logging (no "last resort" stderr output).
_logging.getLogger("twofa_clients").addHandler(_logging.NullHandler())

if _typing.TYPE_CHECKING:
    from ._aiohttp import AiohttpTransport
    from .bandwidth import AsyncBandwidthClient, BandwidthClient
    from .infobip import AsyncInfobipClient, InfobipClient
    from .verify import AsyncVerifier, Challenge, Verifier

# Public names imported when first asked for: each vendor's clients, the async transport (aiohttp) and
# the Verifier (``twofa_clients.verify`` holds its providers, routing, errors and events).
_LAZY = {
    "AiohttpTransport": "._aiohttp",
    "AsyncBandwidthClient": ".bandwidth",
    "BandwidthClient": ".bandwidth",
    "AsyncInfobipClient": ".infobip",
    "InfobipClient": ".infobip",
    "AsyncVerifier": ".verify",
    "Challenge": ".verify",
    "Verifier": ".verify",
}

__all__ = [
    "DEFAULT_TIMEOUT",
    "NO_RETRIES",
    "APIConnectionError",
    "APIStatusError",
    "APITimeoutError",
    "AiohttpTransport",
    "AsyncBandwidthClient",
    "AsyncInfobipClient",
    "AsyncVerifier",
    "AuthenticationError",
    "BadRequestError",
    "BandwidthClient",
    "CallLimits",
    "Challenge",
    "ClientClosedError",
    "InfobipClient",
    "InvalidArgumentError",
    "NotFoundError",
    "OAuthTokenError",
    "PermissionDeniedError",
    "ProtocolError",
    "RateLimitError",
    "RetryPolicy",
    "Safety",
    "ServerError",
    "ServiceUnavailableError",
    "TwoFactorError",
    "Verifier",
    "VerifyResult",
    "__version__",
]


def __getattr__(name: str) -> _typing.Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(_importlib.import_module(module, __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_LAZY})
