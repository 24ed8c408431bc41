"""A stateful mock of Infobip 2FA (/2fa/1 and /2fa/2): applications, templates, PINs, limits, auth."""

from ._app import InfobipMock
from ._config import (
    ALL_SCOPES,
    DEMO_API_KEY,
    DEMO_BEARER_TOKEN,
    DEMO_CLIENT_ID,
    DEMO_CLIENT_SECRET,
    DEMO_IBSSO_TOKEN,
    DEMO_PASSWORD,
    DEMO_PIN_ONLY_API_KEY,
    DEMO_USER,
    SCOPE_MANAGE,
    SCOPE_PIN_MANAGE,
    SCOPE_PIN_SEND,
    InfobipConfig,
)

__all__ = [
    "ALL_SCOPES",
    "DEMO_API_KEY",
    "DEMO_BEARER_TOKEN",
    "DEMO_CLIENT_ID",
    "DEMO_CLIENT_SECRET",
    "DEMO_IBSSO_TOKEN",
    "DEMO_PASSWORD",
    "DEMO_PIN_ONLY_API_KEY",
    "DEMO_USER",
    "SCOPE_MANAGE",
    "SCOPE_PIN_MANAGE",
    "SCOPE_PIN_SEND",
    "InfobipConfig",
    "InfobipMock",
]
