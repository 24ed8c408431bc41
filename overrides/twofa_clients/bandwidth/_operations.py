"""Every Bandwidth MFA operation: generated module, success type, retry safety.

Modules and types are named, not imported: ``Operation`` imports them on first use (see ``_call``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .._call import Operation
from .._retry import Safety

if TYPE_CHECKING:
    from bandwidth_mfa_client.models import MessagingCodeResponse, VerifyCodeResponse, VoiceCodeResponse

API = "bandwidth_mfa_client.api.mfa"

GENERATE_MESSAGING_CODE: Operation[MessagingCodeResponse] = Operation(
    "generateMessagingCode", f"{API}.generate_messaging_code", "MessagingCodeResponse", Safety.SEND
)
GENERATE_VOICE_CODE: Operation[VoiceCodeResponse] = Operation(
    "generateVoiceCode", f"{API}.generate_voice_code", "VoiceCodeResponse", Safety.SEND
)
VERIFY_CODE: Operation[VerifyCodeResponse] = Operation(
    "verifyCode", f"{API}.verify_code", "VerifyCodeResponse", Safety.VERIFY
)
