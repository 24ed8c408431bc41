"""Every Bandwidth MFA operation: generated module, success type, retry safety."""

from __future__ import annotations

from bandwidth_mfa_client.api.mfa import generate_messaging_code, generate_voice_code, verify_code
from bandwidth_mfa_client.models import MessagingCodeResponse, VerifyCodeResponse, VoiceCodeResponse

from .._call import Operation
from .._retry import Safety

GENERATE_MESSAGING_CODE: Operation[MessagingCodeResponse] = Operation(
    "generateMessagingCode",
    generate_messaging_code.sync_detailed,
    generate_messaging_code.asyncio_detailed,
    MessagingCodeResponse,
    Safety.SEND,
)
GENERATE_VOICE_CODE: Operation[VoiceCodeResponse] = Operation(
    "generateVoiceCode",
    generate_voice_code.sync_detailed,
    generate_voice_code.asyncio_detailed,
    VoiceCodeResponse,
    Safety.SEND,
)
VERIFY_CODE: Operation[VerifyCodeResponse] = Operation(
    "verifyCode", verify_code.sync_detailed, verify_code.asyncio_detailed, VerifyCodeResponse, Safety.VERIFY
)
