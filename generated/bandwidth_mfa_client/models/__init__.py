"""Contains all the data models used in inputs/outputs"""

from .code_request import CodeRequest
from .messaging_code_response import MessagingCodeResponse
from .mfa_forbidden_request_error_capitalized import MfaForbiddenRequestErrorCapitalized
from .mfa_forbidden_request_error_lower_case import MfaForbiddenRequestErrorLowerCase
from .mfa_request_error import MfaRequestError
from .mfa_unauthorized_request_error import MfaUnauthorizedRequestError
from .verify_code_request import VerifyCodeRequest
from .verify_code_response import VerifyCodeResponse
from .voice_code_response import VoiceCodeResponse

__all__ = (
    "CodeRequest",
    "MessagingCodeResponse",
    "MfaForbiddenRequestErrorCapitalized",
    "MfaForbiddenRequestErrorLowerCase",
    "MfaRequestError",
    "MfaUnauthorizedRequestError",
    "VerifyCodeRequest",
    "VerifyCodeResponse",
    "VoiceCodeResponse",
)
