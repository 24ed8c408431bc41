"""Contains all the data models used in inputs/outputs"""

from .api_exception import ApiException
from .api_request_error import ApiRequestError
from .api_request_error_details import ApiRequestErrorDetails
from .api_request_error_details_validation_errors import ApiRequestErrorDetailsValidationErrors
from .tfa_application_configuration import TfaApplicationConfiguration
from .tfa_application_request import TfaApplicationRequest
from .tfa_application_response import TfaApplicationResponse
from .tfa_create_email_message_request import TfaCreateEmailMessageRequest
from .tfa_create_message_request import TfaCreateMessageRequest
from .tfa_email_message import TfaEmailMessage
from .tfa_email_status import TfaEmailStatus
from .tfa_india_dlt_options import TfaIndiaDltOptions
from .tfa_language import TfaLanguage
from .tfa_message import TfaMessage
from .tfa_nc_status import TfaNcStatus
from .tfa_pin_error import TfaPinError
from .tfa_pin_type import TfaPinType
from .tfa_regional_options import TfaRegionalOptions
from .tfa_resend_pin_request import TfaResendPinRequest
from .tfa_resend_pin_request_placeholders import TfaResendPinRequestPlaceholders
from .tfa_resend_pin_request_via_email import TfaResendPinRequestViaEmail
from .tfa_resend_pin_request_via_email_landing_page_placeholders import (
    TfaResendPinRequestViaEmailLandingPagePlaceholders,
)
from .tfa_resend_pin_request_via_email_placeholders import TfaResendPinRequestViaEmailPlaceholders
from .tfa_sms_or_voice_message import TfaSmsOrVoiceMessage
from .tfa_sms_status import TfaSmsStatus
from .tfa_start_authentication_request import TfaStartAuthenticationRequest
from .tfa_start_authentication_request_placeholders import TfaStartAuthenticationRequestPlaceholders
from .tfa_start_authentication_response import TfaStartAuthenticationResponse
from .tfa_start_email_authentication_request import TfaStartEmailAuthenticationRequest
from .tfa_start_email_authentication_request_landing_page_placeholders import (
    TfaStartEmailAuthenticationRequestLandingPagePlaceholders,
)
from .tfa_start_email_authentication_request_placeholders import TfaStartEmailAuthenticationRequestPlaceholders
from .tfa_start_email_authentication_response import TfaStartEmailAuthenticationResponse
from .tfa_update_email_message_request import TfaUpdateEmailMessageRequest
from .tfa_update_message_request import TfaUpdateMessageRequest
from .tfa_v1_application_configuration import TfaV1ApplicationConfiguration
from .tfa_v1_application_request import TfaV1ApplicationRequest
from .tfa_v1_application_response import TfaV1ApplicationResponse
from .tfa_v1_language import TfaV1Language
from .tfa_v1_message import TfaV1Message
from .tfa_v1_message_request import TfaV1MessageRequest
from .tfa_v1_pin_type import TfaV1PinType
from .tfa_v1_start_authentication_request import TfaV1StartAuthenticationRequest
from .tfa_v1_start_authentication_response import TfaV1StartAuthenticationResponse
from .tfa_v1_update_message_request import TfaV1UpdateMessageRequest
from .tfa_v1_verification import TfaV1Verification
from .tfa_v1_verification_response import TfaV1VerificationResponse
from .tfa_v1_verify_pin_request import TfaV1VerifyPinRequest
from .tfa_v1_verify_pin_response import TfaV1VerifyPinResponse
from .tfa_verification import TfaVerification
from .tfa_verification_response import TfaVerificationResponse
from .tfa_verify_pin_request import TfaVerifyPinRequest
from .tfa_verify_pin_response import TfaVerifyPinResponse

__all__ = (
    "ApiException",
    "ApiRequestError",
    "ApiRequestErrorDetails",
    "ApiRequestErrorDetailsValidationErrors",
    "TfaApplicationConfiguration",
    "TfaApplicationRequest",
    "TfaApplicationResponse",
    "TfaCreateEmailMessageRequest",
    "TfaCreateMessageRequest",
    "TfaEmailMessage",
    "TfaEmailStatus",
    "TfaIndiaDltOptions",
    "TfaLanguage",
    "TfaMessage",
    "TfaNcStatus",
    "TfaPinError",
    "TfaPinType",
    "TfaRegionalOptions",
    "TfaResendPinRequest",
    "TfaResendPinRequestPlaceholders",
    "TfaResendPinRequestViaEmail",
    "TfaResendPinRequestViaEmailLandingPagePlaceholders",
    "TfaResendPinRequestViaEmailPlaceholders",
    "TfaSmsOrVoiceMessage",
    "TfaSmsStatus",
    "TfaStartAuthenticationRequest",
    "TfaStartAuthenticationRequestPlaceholders",
    "TfaStartAuthenticationResponse",
    "TfaStartEmailAuthenticationRequest",
    "TfaStartEmailAuthenticationRequestLandingPagePlaceholders",
    "TfaStartEmailAuthenticationRequestPlaceholders",
    "TfaStartEmailAuthenticationResponse",
    "TfaUpdateEmailMessageRequest",
    "TfaUpdateMessageRequest",
    "TfaV1ApplicationConfiguration",
    "TfaV1ApplicationRequest",
    "TfaV1ApplicationResponse",
    "TfaV1Language",
    "TfaV1Message",
    "TfaV1MessageRequest",
    "TfaV1PinType",
    "TfaV1StartAuthenticationRequest",
    "TfaV1StartAuthenticationResponse",
    "TfaV1UpdateMessageRequest",
    "TfaV1Verification",
    "TfaV1VerificationResponse",
    "TfaV1VerifyPinRequest",
    "TfaV1VerifyPinResponse",
    "TfaVerification",
    "TfaVerificationResponse",
    "TfaVerifyPinRequest",
    "TfaVerifyPinResponse",
)
