"""Every Infobip 2FA operation the layer exposes: generated module, success type, retry safety.

Named after the spec's operationIds, so one search joins spec, mock route, generated module and verb.
Modules and types are named, not imported: ``Operation`` imports them on first use (see ``_call``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .._call import Operation
from .._retry import Safety

if TYPE_CHECKING:
    from infobip_2fa_client.models import (
        TfaApplicationResponse,
        TfaEmailMessage,
        TfaMessage,
        TfaSmsOrVoiceMessage,
        TfaStartAuthenticationResponse,
        TfaStartEmailAuthenticationResponse,
        TfaV1ApplicationResponse,
        TfaV1Message,
        TfaV1StartAuthenticationResponse,
        TfaV1VerificationResponse,
        TfaV1VerifyPinResponse,
        TfaVerificationResponse,
        TfaVerifyPinResponse,
    )


# The windows of Infobip's documented rate limits: what a 429 without Retry-After waits for.
# PIN verify: an application's default ``verifyPinLimit`` is "1/3s" (1 verify per number per 3 s).
VERIFY_WINDOW = 3.0
# PIN send and resend: the default ``sendPinPerPhoneNumberLimit`` is "3/1d" (3 sends per number a day).
SEND_WINDOW = 86_400.0
# Everything else: Infobip publishes per-account limits of N requests per 10 minutes for its
# application and template operations; the others share that window.
MANAGEMENT_WINDOW = 600.0


def _op(name: str, module: str, success: str, safety: Safety) -> Operation[Any]:
    """``module`` under ``infobip_2fa_client.api``; ``success`` names a type in its models."""
    if module.startswith(("pin.", "v1.v1_verify", "v1.v1_send", "v1.v1_resend")):
        window = VERIFY_WINDOW if safety is Safety.VERIFY else SEND_WINDOW
    else:
        window = MANAGEMENT_WINDOW
    return Operation(name, f"infobip_2fa_client.api.{module}", success, safety, limit_window=window)


GET_2FA_APPLICATIONS: Operation[list[TfaApplicationResponse]] = _op(
    "get-2fa-applications", "applications.get_2fa_applications", "list[TfaApplicationResponse]", Safety.IDEMPOTENT
)
CREATE_2FA_APPLICATION: Operation[TfaApplicationResponse] = _op(
    "create-2fa-application", "applications.create_2fa_application", "TfaApplicationResponse", Safety.SEND
)
GET_2FA_APPLICATION: Operation[TfaApplicationResponse] = _op(
    "get-2fa-application", "applications.get_2fa_application", "TfaApplicationResponse", Safety.IDEMPOTENT
)
UPDATE_2FA_APPLICATION: Operation[TfaApplicationResponse] = _op(
    "update-2fa-application", "applications.update_2fa_application", "TfaApplicationResponse", Safety.IDEMPOTENT
)
GET_2FA_MESSAGE_TEMPLATES: Operation[list[TfaMessage]] = _op(
    "get-2fa-message-templates", "message_templates.get_2fa_message_templates", "list[TfaMessage]", Safety.IDEMPOTENT
)
CREATE_2FA_MESSAGE_TEMPLATE: Operation[TfaSmsOrVoiceMessage] = _op(
    "create-2fa-message-template", "message_templates.create_2fa_message_template", "TfaSmsOrVoiceMessage", Safety.SEND
)
GET_2FA_MESSAGE_TEMPLATE: Operation[TfaMessage] = _op(
    "get-2fa-message-template", "message_templates.get_2fa_message_template", "TfaMessage", Safety.IDEMPOTENT
)
UPDATE_2FA_MESSAGE_TEMPLATE: Operation[TfaSmsOrVoiceMessage] = _op(
    "update-2fa-message-template",
    "message_templates.update_2fa_message_template",
    "TfaSmsOrVoiceMessage",
    Safety.IDEMPOTENT,
)
CREATE_2FA_EMAIL_MESSAGE_TEMPLATE: Operation[TfaEmailMessage] = _op(
    "create-2fa-email-message-template",
    "message_templates.create_2fa_email_message_template",
    "TfaEmailMessage",
    Safety.SEND,
)
UPDATE_2FA_EMAIL_MESSAGE_TEMPLATE: Operation[TfaEmailMessage] = _op(
    "update-2fa-email-message-template",
    "message_templates.update_2fa_email_message_template",
    "TfaEmailMessage",
    Safety.IDEMPOTENT,
)
SEND_2FA_PIN_CODE_OVER_SMS: Operation[TfaStartAuthenticationResponse] = _op(
    "send-2fa-pin-code-over-sms", "pin.send_2fa_pin_code_over_sms", "TfaStartAuthenticationResponse", Safety.SEND
)
RESEND_2FA_PIN_CODE_OVER_SMS: Operation[TfaStartAuthenticationResponse] = _op(
    "resend-2fa-pin-code-over-sms", "pin.resend_2fa_pin_code_over_sms", "TfaStartAuthenticationResponse", Safety.SEND
)
SEND_2FA_PIN_CODE_OVER_VOICE: Operation[TfaStartAuthenticationResponse] = _op(
    "send-2fa-pin-code-over-voice", "pin.send_2fa_pin_code_over_voice", "TfaStartAuthenticationResponse", Safety.SEND
)
RESEND_2FA_PIN_CODE_OVER_VOICE: Operation[TfaStartAuthenticationResponse] = _op(
    "resend-2fa-pin-code-over-voice",
    "pin.resend_2fa_pin_code_over_voice",
    "TfaStartAuthenticationResponse",
    Safety.SEND,
)
SEND_2FA_PIN_CODE_OVER_EMAIL: Operation[TfaStartEmailAuthenticationResponse] = _op(
    "send-2fa-pin-code-over-email",
    "pin.send_2fa_pin_code_over_email",
    "TfaStartEmailAuthenticationResponse",
    Safety.SEND,
)
RESEND_2FA_PIN_CODE_OVER_EMAIL: Operation[TfaStartEmailAuthenticationResponse] = _op(
    "resend-2fa-pin-code-over-email",
    "pin.resend_2fa_pin_code_over_email",
    "TfaStartEmailAuthenticationResponse",
    Safety.SEND,
)
VERIFY_2FA_PHONE_NUMBER: Operation[TfaVerifyPinResponse] = _op(
    "verify-2fa-phone-number", "pin.verify_2fa_phone_number", "TfaVerifyPinResponse", Safety.VERIFY
)
GET_2FA_VERIFICATION_STATUS: Operation[TfaVerificationResponse] = _op(
    "get-2fa-verification-status",
    "verifications.get_2fa_verification_status",
    "TfaVerificationResponse",
    Safety.IDEMPOTENT,
)
V1_CREATE_API_KEY: Operation[str] = _op("v1-create-api-key", "v1.v1_create_api_key", "str", Safety.SEND)
V1_GET_2FA_APPLICATIONS: Operation[list[TfaV1ApplicationResponse]] = _op(
    "v1-get-2fa-applications", "v1.v1_get_2fa_applications", "list[TfaV1ApplicationResponse]", Safety.IDEMPOTENT
)
V1_CREATE_2FA_APPLICATION: Operation[TfaV1ApplicationResponse] = _op(
    "v1-create-2fa-application", "v1.v1_create_2fa_application", "TfaV1ApplicationResponse", Safety.SEND
)
V1_GET_2FA_APPLICATION: Operation[TfaV1ApplicationResponse] = _op(
    "v1-get-2fa-application", "v1.v1_get_2fa_application", "TfaV1ApplicationResponse", Safety.IDEMPOTENT
)
V1_UPDATE_2FA_APPLICATION: Operation[TfaV1ApplicationResponse] = _op(
    "v1-update-2fa-application", "v1.v1_update_2fa_application", "TfaV1ApplicationResponse", Safety.IDEMPOTENT
)
V1_GET_2FA_MESSAGE_TEMPLATES: Operation[list[TfaV1Message]] = _op(
    "v1-get-2fa-message-templates", "v1.v1_get_2fa_message_templates", "list[TfaV1Message]", Safety.IDEMPOTENT
)
V1_CREATE_2FA_MESSAGE_TEMPLATE: Operation[TfaV1Message] = _op(
    "v1-create-2fa-message-template", "v1.v1_create_2fa_message_template", "TfaV1Message", Safety.SEND
)
V1_GET_2FA_MESSAGE_TEMPLATE: Operation[TfaV1Message] = _op(
    "v1-get-2fa-message-template", "v1.v1_get_2fa_message_template", "TfaV1Message", Safety.IDEMPOTENT
)
V1_UPDATE_2FA_MESSAGE_TEMPLATE: Operation[TfaV1Message] = _op(
    "v1-update-2fa-message-template", "v1.v1_update_2fa_message_template", "TfaV1Message", Safety.IDEMPOTENT
)
V1_SEND_2FA_PIN_CODE_OVER_SMS: Operation[TfaV1StartAuthenticationResponse] = _op(
    "v1-send-2fa-pin-code-over-sms", "v1.v1_send_2fa_pin_code_over_sms", "TfaV1StartAuthenticationResponse", Safety.SEND
)
V1_RESEND_2FA_PIN_CODE_OVER_SMS: Operation[TfaV1StartAuthenticationResponse] = _op(
    "v1-resend-2fa-pin-code-over-sms",
    "v1.v1_resend_2fa_pin_code_over_sms",
    "TfaV1StartAuthenticationResponse",
    Safety.SEND,
)
V1_SEND_2FA_PIN_CODE_OVER_VOICE: Operation[TfaV1StartAuthenticationResponse] = _op(
    "v1-send-2fa-pin-code-over-voice",
    "v1.v1_send_2fa_pin_code_over_voice",
    "TfaV1StartAuthenticationResponse",
    Safety.SEND,
)
V1_RESEND_2FA_PIN_CODE_OVER_VOICE: Operation[TfaV1StartAuthenticationResponse] = _op(
    "v1-resend-2fa-pin-code-over-voice",
    "v1.v1_resend_2fa_pin_code_over_voice",
    "TfaV1StartAuthenticationResponse",
    Safety.SEND,
)
V1_VERIFY_2FA_PHONE_NUMBER: Operation[TfaV1VerifyPinResponse] = _op(
    "v1-verify-2fa-phone-number", "v1.v1_verify_2fa_phone_number", "TfaV1VerifyPinResponse", Safety.VERIFY
)
V1_GET_2FA_VERIFICATION_STATUS: Operation[TfaV1VerificationResponse] = _op(
    "v1-get-2fa-verification-status",
    "v1.v1_get_2fa_verification_status",
    "TfaV1VerificationResponse",
    Safety.IDEMPOTENT,
)
