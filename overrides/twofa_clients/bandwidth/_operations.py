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
# A number locked out after too many wrong codes: "please wait 2 minutes" (the 429's own text, which
# the error reads first; this is the fallback when a gateway's 429 carries no text).
LOCKOUT_WINDOW = 120.0

VERIFY_CODE: Operation[VerifyCodeResponse] = Operation(
    "verifyCode", f"{API}.verify_code", "VerifyCodeResponse", Safety.VERIFY, limit_window=LOCKOUT_WINDOW
)
