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
from ._demo import (
    DEMO_APPLICATION_ID,
    DEMO_APPLICATION_NAME,
    DEMO_EMAIL_MESSAGE_ID,
    DEMO_SMS_MESSAGE_ID,
    DEMO_VOICE_MESSAGE_ID,
)

__all__ = [
    "ALL_SCOPES",
    "DEMO_API_KEY",
    "DEMO_APPLICATION_ID",
    "DEMO_APPLICATION_NAME",
    "DEMO_BEARER_TOKEN",
    "DEMO_CLIENT_ID",
    "DEMO_CLIENT_SECRET",
    "DEMO_EMAIL_MESSAGE_ID",
    "DEMO_IBSSO_TOKEN",
    "DEMO_PASSWORD",
    "DEMO_PIN_ONLY_API_KEY",
    "DEMO_SMS_MESSAGE_ID",
    "DEMO_USER",
    "DEMO_VOICE_MESSAGE_ID",
    "SCOPE_MANAGE",
    "SCOPE_PIN_MANAGE",
    "SCOPE_PIN_SEND",
    "InfobipConfig",
    "InfobipMock",
]
