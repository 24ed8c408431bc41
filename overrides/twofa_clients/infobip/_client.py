"""Infobip 2FA: one entry, credentials and base URL in, a ready client out.

    from twofa_clients import InfobipClient
    with InfobipClient("https://xxxxx.api.infobip.com", api_key="...") as infobip:
        sent = infobip.send_2fa_pin_code_over_sms(TfaStartAuthenticationRequest(...))
        result = infobip.verify_2fa_phone_number(sent.pin_id, "1234")

Every method is named after the spec's operationId and returns the generated model of its 200 body,
or raises an error of ``twofa_clients`` (never a KeyError or JSONDecodeError). ``AsyncInfobipClient``
has the same methods as coroutines.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

import httpx
from infobip_2fa_client.client import AuthenticatedClient
from infobip_2fa_client.types import UNSET, Unset

from .. import _validate
from .._auth import HeaderAuth, basic, bearer, infobip_api_key, infobip_ibsso
from .._base import AsyncLifecycle, ClientSettings, SyncLifecycle, TransportT
from .._call import CallLimits, Operation, ainvoke, invoke
from .._constants import DEFAULT_TIMEOUT
from .._errors import InvalidArgumentError
from .._retry import RetryPolicy
from .._verify import VerifyResult
from . import _operations as ops
from ._vendor import INFOBIP

if TYPE_CHECKING:  # the models load with the first call that needs them, not with this module
    from infobip_2fa_client.models import (
        TfaApplicationRequest,
        TfaApplicationResponse,
        TfaCreateEmailMessageRequest,
        TfaCreateMessageRequest,
        TfaEmailMessage,
        TfaMessage,
        TfaResendPinRequest,
        TfaResendPinRequestViaEmail,
        TfaSmsOrVoiceMessage,
        TfaStartAuthenticationRequest,
        TfaStartAuthenticationResponse,
        TfaStartEmailAuthenticationRequest,
        TfaStartEmailAuthenticationResponse,
        TfaUpdateEmailMessageRequest,
        TfaUpdateMessageRequest,
        TfaV1ApplicationRequest,
        TfaV1ApplicationResponse,
        TfaV1Message,
        TfaV1MessageRequest,
        TfaV1StartAuthenticationRequest,
        TfaV1StartAuthenticationResponse,
        TfaV1UpdateMessageRequest,
        TfaV1VerificationResponse,
        TfaV1VerifyPinRequest,
        TfaVerificationResponse,
        TfaVerifyPinRequest,
    )

DEFAULT_BASE_URL = "https://api.infobip.com"
T = TypeVar("T")


def infobip_auth(
    *,
    api_key: str | None = None,
    username: str | None = None,
    password: str | None = None,
    ibsso_token: str | None = None,
    bearer_token: str | None = None,
) -> HeaderAuth:
    """Exactly one of: an API key (``App``), username and password (``Basic``), an IBSSO or a Bearer token."""
    kinds = [
        name
        for name, given in (
            ("api_key", api_key is not None),
            ("username/password", username is not None or password is not None),
            ("ibsso_token", ibsso_token is not None),
            ("bearer_token", bearer_token is not None),
        )
        if given
    ]
    if len(kinds) != 1:
        raise InvalidArgumentError(
            f"give exactly one Infobip credential (api_key, username/password, ibsso_token, "
            f"bearer_token); got {kinds or 'none'}"
        )
    if api_key is not None:
        return infobip_api_key(api_key)
    if ibsso_token is not None:
        return infobip_ibsso(ibsso_token)
    if bearer_token is not None:
        return bearer(bearer_token)
    if username is None or password is None:
        raise InvalidArgumentError("Basic auth needs both username and password")
    return basic(username, password)


def _opt(value: bool | None) -> bool | Unset:
    return UNSET if value is None else value


def _resend_body(body: TfaResendPinRequest | None) -> TfaResendPinRequest:
    from infobip_2fa_client.models.tfa_resend_pin_request import TfaResendPinRequest

    return body or TfaResendPinRequest()


def _resend_email_body(body: TfaResendPinRequestViaEmail | None) -> TfaResendPinRequestViaEmail:
    from infobip_2fa_client.models.tfa_resend_pin_request_via_email import TfaResendPinRequestViaEmail

    return body or TfaResendPinRequestViaEmail()


def _verify_body(pin: str) -> TfaVerifyPinRequest:
    from infobip_2fa_client.models.tfa_verify_pin_request import TfaVerifyPinRequest

    return TfaVerifyPinRequest(pin=pin)


def _v1_verify_body(pin: str) -> TfaV1VerifyPinRequest:
    from infobip_2fa_client.models.tfa_v1_verify_pin_request import TfaV1VerifyPinRequest

    return TfaV1VerifyPinRequest(pin=pin)


class _InfobipBase(ClientSettings[TransportT]):
    profile = INFOBIP
    _auth: HeaderAuth

    def __init__(
        self,
        base_url: str = DEFAULT_BASE_URL,
        *,
        api_key: str | None = None,
        username: str | None = None,
        password: str | None = None,
        ibsso_token: str | None = None,
        bearer_token: str | None = None,
        timeout: httpx.Timeout | float = DEFAULT_TIMEOUT,
        retry: RetryPolicy | None = None,
        transport: TransportT | None = None,
        headers: Mapping[str, str] | None = None,
        limits: CallLimits | None = None,
        allow_insecure_http: bool = False,
    ) -> None:
        """An Infobip client for ``base_url`` (your ``https://xxxxx.api.infobip.com``).

        Exactly one credential: ``api_key`` (``Authorization: App <key>``), ``username`` and
        ``password`` (Basic), ``ibsso_token`` or ``bearer_token``. ``timeout``, ``retry`` and
        ``limits`` bound each call; ``transport`` replaces the network (an httpx transport of the
        client's kind); ``headers`` are added to every request; ``allow_insecure_http`` permits a
        plain ``http://`` base URL to a host that is not loopback.
        """
        self._auth = infobip_auth(
            api_key=api_key,
            username=username,
            password=password,
            ibsso_token=ibsso_token,
            bearer_token=bearer_token,
        )
        self._settings(
            base_url=_validate.base_url("base_url", base_url, allow_insecure_http=allow_insecure_http),
            timeout=timeout,
            retry=retry,
            transport=transport,
            headers=headers,
            limits=limits,
        )
        # The auth header comes from the httpx.Auth above; the generated token field stays empty so
        # no credential sits in the generated client's repr.
        self._generated = AuthenticatedClient(
            base_url=self.base_url, token="", prefix="", raise_on_unexpected_status=True
        )
        self._connect()

    def __repr__(self) -> str:
        return f"{type(self).__name__}(base_url={self.base_url!r}, auth={self._auth.scheme!r})"


class InfobipClient(_InfobipBase[httpx.BaseTransport], SyncLifecycle):
    """Synchronous Infobip 2FA client. Use as a context manager, or call ``close()``."""

    def _call(self, op: Operation[T], **kwargs: Any) -> T:
        return invoke(self._ctx, op, {"client": self._generated, **kwargs})

    # --- applications ----------------------------------------------------------------------------

    def get_2fa_applications(self) -> list[TfaApplicationResponse]:
        """All 2FA applications of the account (``get-2fa-applications``)."""
        return self._call(ops.GET_2FA_APPLICATIONS)

    def create_2fa_application(self, body: TfaApplicationRequest) -> TfaApplicationResponse:
        """Create a 2FA application (``create-2fa-application``). Not retried after it may have arrived."""
        return self._call(ops.CREATE_2FA_APPLICATION, body=body)

    def get_2fa_application(self, app_id: str) -> TfaApplicationResponse:
        """One 2FA application (``get-2fa-application``)."""
        return self._call(ops.GET_2FA_APPLICATION, app_id=app_id)

    def update_2fa_application(self, app_id: str, body: TfaApplicationRequest) -> TfaApplicationResponse:
        """Replace a 2FA application's name, state and configuration (``update-2fa-application``)."""
        return self._call(ops.UPDATE_2FA_APPLICATION, app_id=app_id, body=body)

    # --- message templates -----------------------------------------------------------------------

    def get_2fa_message_templates(self, app_id: str) -> list[TfaMessage]:
        """Every SMS, voice and e-mail template of an application (``get-2fa-message-templates``)."""
        return self._call(ops.GET_2FA_MESSAGE_TEMPLATES, app_id=app_id)

    def create_2fa_message_template(self, app_id: str, body: TfaCreateMessageRequest) -> TfaSmsOrVoiceMessage:
        """Create an SMS or voice template (``create-2fa-message-template``)."""
        return self._call(ops.CREATE_2FA_MESSAGE_TEMPLATE, app_id=app_id, body=body)

    def get_2fa_message_template(self, app_id: str, msg_id: str) -> TfaMessage:
        """One template of any kind (``get-2fa-message-template``)."""
        return self._call(ops.GET_2FA_MESSAGE_TEMPLATE, app_id=app_id, msg_id=msg_id)

    def update_2fa_message_template(
        self, app_id: str, msg_id: str, body: TfaUpdateMessageRequest
    ) -> TfaSmsOrVoiceMessage:
        """Change fields of an SMS or voice template (``update-2fa-message-template``)."""
        return self._call(ops.UPDATE_2FA_MESSAGE_TEMPLATE, app_id=app_id, msg_id=msg_id, body=body)

    def create_2fa_email_message_template(self, app_id: str, body: TfaCreateEmailMessageRequest) -> TfaEmailMessage:
        """Create an e-mail template (``create-2fa-email-message-template``)."""
        return self._call(ops.CREATE_2FA_EMAIL_MESSAGE_TEMPLATE, app_id=app_id, body=body)

    def update_2fa_email_message_template(
        self, app_id: str, msg_id: str, body: TfaUpdateEmailMessageRequest
    ) -> TfaEmailMessage:
        """Change fields of an e-mail template (``update-2fa-email-message-template``)."""
        return self._call(ops.UPDATE_2FA_EMAIL_MESSAGE_TEMPLATE, app_id=app_id, msg_id=msg_id, body=body)

    # --- PINs: never repeated once they may have reached Infobip ---------------------------------

    def send_2fa_pin_code_over_sms(
        self, body: TfaStartAuthenticationRequest, *, nc_needed: bool = True
    ) -> TfaStartAuthenticationResponse:
        """Send a PIN by SMS (``send-2fa-pin-code-over-sms``); ``nc_needed`` runs Number Lookup first."""
        return self._call(ops.SEND_2FA_PIN_CODE_OVER_SMS, body=body, nc_needed=nc_needed)

    def resend_2fa_pin_code_over_sms(
        self, pin_id: str, body: TfaResendPinRequest | None = None
    ) -> TfaStartAuthenticationResponse:
        """Deliver the same PIN again by SMS (``resend-2fa-pin-code-over-sms``)."""
        return self._call(ops.RESEND_2FA_PIN_CODE_OVER_SMS, pin_id=pin_id, body=_resend_body(body))

    def send_2fa_pin_code_over_voice(self, body: TfaStartAuthenticationRequest) -> TfaStartAuthenticationResponse:
        """Send a PIN in a voice call (``send-2fa-pin-code-over-voice``)."""
        return self._call(ops.SEND_2FA_PIN_CODE_OVER_VOICE, body=body)

    def resend_2fa_pin_code_over_voice(
        self, pin_id: str, body: TfaResendPinRequest | None = None
    ) -> TfaStartAuthenticationResponse:
        """Deliver the same PIN again in a call (``resend-2fa-pin-code-over-voice``)."""
        return self._call(ops.RESEND_2FA_PIN_CODE_OVER_VOICE, pin_id=pin_id, body=_resend_body(body))

    def send_2fa_pin_code_over_email(
        self, body: TfaStartEmailAuthenticationRequest
    ) -> TfaStartEmailAuthenticationResponse:
        """Send a PIN by e-mail (``send-2fa-pin-code-over-email``)."""
        return self._call(ops.SEND_2FA_PIN_CODE_OVER_EMAIL, body=body)

    def resend_2fa_pin_code_over_email(
        self, pin_id: str, body: TfaResendPinRequestViaEmail | None = None
    ) -> TfaStartEmailAuthenticationResponse:
        """Deliver the same PIN again by e-mail (``resend-2fa-pin-code-over-email``)."""
        return self._call(ops.RESEND_2FA_PIN_CODE_OVER_EMAIL, pin_id=pin_id, body=_resend_email_body(body))

    def verify_2fa_phone_number(self, pin_id: str, pin: str) -> VerifyResult:
        """Check a PIN (``verify-2fa-phone-number``). A wrong, expired or exhausted PIN is a result."""
        parsed = self._call(ops.VERIFY_2FA_PHONE_NUMBER, pin_id=pin_id, body=_verify_body(pin))
        return INFOBIP.verify_result(parsed, ops.VERIFY_2FA_PHONE_NUMBER.name)

    def get_2fa_verification_status(
        self, app_id: str, msisdn: str, *, verified: bool | None = None, sent: bool | None = None
    ) -> TfaVerificationResponse:
        """Verification records of a destination in an application (``get-2fa-verification-status``)."""
        return self._call(
            ops.GET_2FA_VERIFICATION_STATUS,
            app_id=app_id,
            msisdn=msisdn,
            verified=_opt(verified),
            sent=_opt(sent),
        )

    # --- deprecated /2fa/1 -----------------------------------------------------------------------

    def v1_create_api_key(self) -> str:
        """Create an API key (``v1-create-api-key``); needs a client built with username and password."""
        if self._auth.scheme != "Basic":
            raise InvalidArgumentError(
                "v1-create-api-key accepts Basic auth only: build the client with username/password"
            )
        return self._call(ops.V1_CREATE_API_KEY)

    def v1_get_2fa_applications(self) -> list[TfaV1ApplicationResponse]:
        """All applications, v1 shapes (``v1-get-2fa-applications``)."""
        return self._call(ops.V1_GET_2FA_APPLICATIONS)

    def v1_create_2fa_application(self, body: TfaV1ApplicationRequest) -> TfaV1ApplicationResponse:
        """Create an application (``v1-create-2fa-application``)."""
        return self._call(ops.V1_CREATE_2FA_APPLICATION, body=body)

    def v1_get_2fa_application(self, application_id: str) -> TfaV1ApplicationResponse:
        """One application (``v1-get-2fa-application``)."""
        return self._call(ops.V1_GET_2FA_APPLICATION, application_id=application_id)

    def v1_update_2fa_application(self, application_id: str, body: TfaV1ApplicationRequest) -> TfaV1ApplicationResponse:
        """Replace an application (``v1-update-2fa-application``)."""
        return self._call(ops.V1_UPDATE_2FA_APPLICATION, application_id=application_id, body=body)

    def v1_get_2fa_message_templates(self, application_id: str) -> list[TfaV1Message]:
        """All templates of an application (``v1-get-2fa-message-templates``)."""
        return self._call(ops.V1_GET_2FA_MESSAGE_TEMPLATES, application_id=application_id)

    def v1_create_2fa_message_template(self, application_id: str, body: TfaV1MessageRequest) -> TfaV1Message:
        """Create a template with its own PIN placeholder (``v1-create-2fa-message-template``)."""
        return self._call(ops.V1_CREATE_2FA_MESSAGE_TEMPLATE, application_id=application_id, body=body)

    def v1_get_2fa_message_template(self, application_id: str, message_id: str) -> TfaV1Message:
        """One template (``v1-get-2fa-message-template``)."""
        return self._call(ops.V1_GET_2FA_MESSAGE_TEMPLATE, application_id=application_id, message_id=message_id)

    def v1_update_2fa_message_template(
        self, application_id: str, message_id: str, body: TfaV1UpdateMessageRequest
    ) -> TfaV1Message:
        """Change fields of a template (``v1-update-2fa-message-template``)."""
        return self._call(
            ops.V1_UPDATE_2FA_MESSAGE_TEMPLATE,
            application_id=application_id,
            message_id=message_id,
            body=body,
        )

    def v1_send_2fa_pin_code_over_sms(
        self, body: TfaV1StartAuthenticationRequest, *, nc_needed: bool = True
    ) -> TfaV1StartAuthenticationResponse:
        """Send a PIN by SMS (``v1-send-2fa-pin-code-over-sms``)."""
        return self._call(ops.V1_SEND_2FA_PIN_CODE_OVER_SMS, body=body, nc_needed=nc_needed)

    def v1_resend_2fa_pin_code_over_sms(self, pin_id: str) -> TfaV1StartAuthenticationResponse:
        """Deliver the same PIN again by SMS (``v1-resend-2fa-pin-code-over-sms``)."""
        return self._call(ops.V1_RESEND_2FA_PIN_CODE_OVER_SMS, pin_id=pin_id)

    def v1_send_2fa_pin_code_over_voice(
        self, body: TfaV1StartAuthenticationRequest
    ) -> TfaV1StartAuthenticationResponse:
        """Send a PIN in a voice call (``v1-send-2fa-pin-code-over-voice``)."""
        return self._call(ops.V1_SEND_2FA_PIN_CODE_OVER_VOICE, body=body)

    def v1_resend_2fa_pin_code_over_voice(self, pin_id: str) -> TfaV1StartAuthenticationResponse:
        """Deliver the same PIN again in a call (``v1-resend-2fa-pin-code-over-voice``)."""
        return self._call(ops.V1_RESEND_2FA_PIN_CODE_OVER_VOICE, pin_id=pin_id)

    def v1_verify_2fa_phone_number(self, pin_id: str, pin: str) -> VerifyResult:
        """Check a PIN (``v1-verify-2fa-phone-number``)."""
        parsed = self._call(ops.V1_VERIFY_2FA_PHONE_NUMBER, pin_id=pin_id, body=_v1_verify_body(pin))
        return INFOBIP.verify_result(parsed, ops.V1_VERIFY_2FA_PHONE_NUMBER.name)

    def v1_get_2fa_verification_status(
        self, application_id: str, msisdn: str, *, verified: bool | None = None, sent: bool | None = None
    ) -> TfaV1VerificationResponse:
        """Verification records (``v1-get-2fa-verification-status``)."""
        return self._call(
            ops.V1_GET_2FA_VERIFICATION_STATUS,
            application_id=application_id,
            msisdn=msisdn,
            verified=_opt(verified),
            sent=_opt(sent),
        )


class AsyncInfobipClient(_InfobipBase[httpx.AsyncBaseTransport], AsyncLifecycle):
    """Asynchronous Infobip 2FA client. Use as an async context manager, or await ``aclose()``."""

    async def _call(self, op: Operation[T], **kwargs: Any) -> T:
        return await ainvoke(self._ctx, op, {"client": self._generated, **kwargs})

    # --- applications ----------------------------------------------------------------------------

    async def get_2fa_applications(self) -> list[TfaApplicationResponse]:
        """All 2FA applications of the account (``get-2fa-applications``)."""
        return await self._call(ops.GET_2FA_APPLICATIONS)

    async def create_2fa_application(self, body: TfaApplicationRequest) -> TfaApplicationResponse:
        """Create a 2FA application (``create-2fa-application``). Not retried after it may have arrived."""
        return await self._call(ops.CREATE_2FA_APPLICATION, body=body)

    async def get_2fa_application(self, app_id: str) -> TfaApplicationResponse:
        """One 2FA application (``get-2fa-application``)."""
        return await self._call(ops.GET_2FA_APPLICATION, app_id=app_id)

    async def update_2fa_application(self, app_id: str, body: TfaApplicationRequest) -> TfaApplicationResponse:
        """Replace a 2FA application's name, state and configuration (``update-2fa-application``)."""
        return await self._call(ops.UPDATE_2FA_APPLICATION, app_id=app_id, body=body)

    # --- message templates -----------------------------------------------------------------------

    async def get_2fa_message_templates(self, app_id: str) -> list[TfaMessage]:
        """Every SMS, voice and e-mail template of an application (``get-2fa-message-templates``)."""
        return await self._call(ops.GET_2FA_MESSAGE_TEMPLATES, app_id=app_id)

    async def create_2fa_message_template(self, app_id: str, body: TfaCreateMessageRequest) -> TfaSmsOrVoiceMessage:
        """Create an SMS or voice template (``create-2fa-message-template``)."""
        return await self._call(ops.CREATE_2FA_MESSAGE_TEMPLATE, app_id=app_id, body=body)

    async def get_2fa_message_template(self, app_id: str, msg_id: str) -> TfaMessage:
        """One template of any kind (``get-2fa-message-template``)."""
        return await self._call(ops.GET_2FA_MESSAGE_TEMPLATE, app_id=app_id, msg_id=msg_id)

    async def update_2fa_message_template(
        self, app_id: str, msg_id: str, body: TfaUpdateMessageRequest
    ) -> TfaSmsOrVoiceMessage:
        """Change fields of an SMS or voice template (``update-2fa-message-template``)."""
        return await self._call(ops.UPDATE_2FA_MESSAGE_TEMPLATE, app_id=app_id, msg_id=msg_id, body=body)

    async def create_2fa_email_message_template(
        self, app_id: str, body: TfaCreateEmailMessageRequest
    ) -> TfaEmailMessage:
        """Create an e-mail template (``create-2fa-email-message-template``)."""
        return await self._call(ops.CREATE_2FA_EMAIL_MESSAGE_TEMPLATE, app_id=app_id, body=body)

    async def update_2fa_email_message_template(
        self, app_id: str, msg_id: str, body: TfaUpdateEmailMessageRequest
    ) -> TfaEmailMessage:
        """Change fields of an e-mail template (``update-2fa-email-message-template``)."""
        return await self._call(ops.UPDATE_2FA_EMAIL_MESSAGE_TEMPLATE, app_id=app_id, msg_id=msg_id, body=body)

    # --- PINs: never repeated once they may have reached Infobip ---------------------------------

    async def send_2fa_pin_code_over_sms(
        self, body: TfaStartAuthenticationRequest, *, nc_needed: bool = True
    ) -> TfaStartAuthenticationResponse:
        """Send a PIN by SMS (``send-2fa-pin-code-over-sms``); ``nc_needed`` runs Number Lookup first."""
        return await self._call(ops.SEND_2FA_PIN_CODE_OVER_SMS, body=body, nc_needed=nc_needed)

    async def resend_2fa_pin_code_over_sms(
        self, pin_id: str, body: TfaResendPinRequest | None = None
    ) -> TfaStartAuthenticationResponse:
        """Deliver the same PIN again by SMS (``resend-2fa-pin-code-over-sms``)."""
        return await self._call(ops.RESEND_2FA_PIN_CODE_OVER_SMS, pin_id=pin_id, body=_resend_body(body))

    async def send_2fa_pin_code_over_voice(self, body: TfaStartAuthenticationRequest) -> TfaStartAuthenticationResponse:
        """Send a PIN in a voice call (``send-2fa-pin-code-over-voice``)."""
        return await self._call(ops.SEND_2FA_PIN_CODE_OVER_VOICE, body=body)

    async def resend_2fa_pin_code_over_voice(
        self, pin_id: str, body: TfaResendPinRequest | None = None
    ) -> TfaStartAuthenticationResponse:
        """Deliver the same PIN again in a call (``resend-2fa-pin-code-over-voice``)."""
        return await self._call(ops.RESEND_2FA_PIN_CODE_OVER_VOICE, pin_id=pin_id, body=_resend_body(body))

    async def send_2fa_pin_code_over_email(
        self, body: TfaStartEmailAuthenticationRequest
    ) -> TfaStartEmailAuthenticationResponse:
        """Send a PIN by e-mail (``send-2fa-pin-code-over-email``)."""
        return await self._call(ops.SEND_2FA_PIN_CODE_OVER_EMAIL, body=body)

    async def resend_2fa_pin_code_over_email(
        self, pin_id: str, body: TfaResendPinRequestViaEmail | None = None
    ) -> TfaStartEmailAuthenticationResponse:
        """Deliver the same PIN again by e-mail (``resend-2fa-pin-code-over-email``)."""
        return await self._call(ops.RESEND_2FA_PIN_CODE_OVER_EMAIL, pin_id=pin_id, body=_resend_email_body(body))

    async def verify_2fa_phone_number(self, pin_id: str, pin: str) -> VerifyResult:
        """Check a PIN (``verify-2fa-phone-number``). A wrong, expired or exhausted PIN is a result."""
        parsed = await self._call(ops.VERIFY_2FA_PHONE_NUMBER, pin_id=pin_id, body=_verify_body(pin))
        return INFOBIP.verify_result(parsed, ops.VERIFY_2FA_PHONE_NUMBER.name)

    async def get_2fa_verification_status(
        self, app_id: str, msisdn: str, *, verified: bool | None = None, sent: bool | None = None
    ) -> TfaVerificationResponse:
        """Verification records of a destination in an application (``get-2fa-verification-status``)."""
        return await self._call(
            ops.GET_2FA_VERIFICATION_STATUS,
            app_id=app_id,
            msisdn=msisdn,
            verified=_opt(verified),
            sent=_opt(sent),
        )

    # --- deprecated /2fa/1 -----------------------------------------------------------------------

    async def v1_create_api_key(self) -> str:
        """Create an API key (``v1-create-api-key``); needs a client built with username and password."""
        if self._auth.scheme != "Basic":
            raise InvalidArgumentError(
                "v1-create-api-key accepts Basic auth only: build the client with username/password"
            )
        return await self._call(ops.V1_CREATE_API_KEY)

    async def v1_get_2fa_applications(self) -> list[TfaV1ApplicationResponse]:
        """All applications, v1 shapes (``v1-get-2fa-applications``)."""
        return await self._call(ops.V1_GET_2FA_APPLICATIONS)

    async def v1_create_2fa_application(self, body: TfaV1ApplicationRequest) -> TfaV1ApplicationResponse:
        """Create an application (``v1-create-2fa-application``)."""
        return await self._call(ops.V1_CREATE_2FA_APPLICATION, body=body)

    async def v1_get_2fa_application(self, application_id: str) -> TfaV1ApplicationResponse:
        """One application (``v1-get-2fa-application``)."""
        return await self._call(ops.V1_GET_2FA_APPLICATION, application_id=application_id)

    async def v1_update_2fa_application(
        self, application_id: str, body: TfaV1ApplicationRequest
    ) -> TfaV1ApplicationResponse:
        """Replace an application (``v1-update-2fa-application``)."""
        return await self._call(ops.V1_UPDATE_2FA_APPLICATION, application_id=application_id, body=body)

    async def v1_get_2fa_message_templates(self, application_id: str) -> list[TfaV1Message]:
        """All templates of an application (``v1-get-2fa-message-templates``)."""
        return await self._call(ops.V1_GET_2FA_MESSAGE_TEMPLATES, application_id=application_id)

    async def v1_create_2fa_message_template(self, application_id: str, body: TfaV1MessageRequest) -> TfaV1Message:
        """Create a template with its own PIN placeholder (``v1-create-2fa-message-template``)."""
        return await self._call(ops.V1_CREATE_2FA_MESSAGE_TEMPLATE, application_id=application_id, body=body)

    async def v1_get_2fa_message_template(self, application_id: str, message_id: str) -> TfaV1Message:
        """One template (``v1-get-2fa-message-template``)."""
        return await self._call(ops.V1_GET_2FA_MESSAGE_TEMPLATE, application_id=application_id, message_id=message_id)

    async def v1_update_2fa_message_template(
        self, application_id: str, message_id: str, body: TfaV1UpdateMessageRequest
    ) -> TfaV1Message:
        """Change fields of a template (``v1-update-2fa-message-template``)."""
        return await self._call(
            ops.V1_UPDATE_2FA_MESSAGE_TEMPLATE,
            application_id=application_id,
            message_id=message_id,
            body=body,
        )

    async def v1_send_2fa_pin_code_over_sms(
        self, body: TfaV1StartAuthenticationRequest, *, nc_needed: bool = True
    ) -> TfaV1StartAuthenticationResponse:
        """Send a PIN by SMS (``v1-send-2fa-pin-code-over-sms``)."""
        return await self._call(ops.V1_SEND_2FA_PIN_CODE_OVER_SMS, body=body, nc_needed=nc_needed)

    async def v1_resend_2fa_pin_code_over_sms(self, pin_id: str) -> TfaV1StartAuthenticationResponse:
        """Deliver the same PIN again by SMS (``v1-resend-2fa-pin-code-over-sms``)."""
        return await self._call(ops.V1_RESEND_2FA_PIN_CODE_OVER_SMS, pin_id=pin_id)

    async def v1_send_2fa_pin_code_over_voice(
        self, body: TfaV1StartAuthenticationRequest
    ) -> TfaV1StartAuthenticationResponse:
        """Send a PIN in a voice call (``v1-send-2fa-pin-code-over-voice``)."""
        return await self._call(ops.V1_SEND_2FA_PIN_CODE_OVER_VOICE, body=body)

    async def v1_resend_2fa_pin_code_over_voice(self, pin_id: str) -> TfaV1StartAuthenticationResponse:
        """Deliver the same PIN again in a call (``v1-resend-2fa-pin-code-over-voice``)."""
        return await self._call(ops.V1_RESEND_2FA_PIN_CODE_OVER_VOICE, pin_id=pin_id)

    async def v1_verify_2fa_phone_number(self, pin_id: str, pin: str) -> VerifyResult:
        """Check a PIN (``v1-verify-2fa-phone-number``)."""
        parsed = await self._call(ops.V1_VERIFY_2FA_PHONE_NUMBER, pin_id=pin_id, body=_v1_verify_body(pin))
        return INFOBIP.verify_result(parsed, ops.V1_VERIFY_2FA_PHONE_NUMBER.name)

    async def v1_get_2fa_verification_status(
        self, application_id: str, msisdn: str, *, verified: bool | None = None, sent: bool | None = None
    ) -> TfaV1VerificationResponse:
        """Verification records (``v1-get-2fa-verification-status``)."""
        return await self._call(
            ops.V1_GET_2FA_VERIFICATION_STATUS,
            application_id=application_id,
            msisdn=msisdn,
            verified=_opt(verified),
            sent=_opt(sent),
        )
