"""How Infobip answers: the ``requestError.serviceException`` error body and the verify answer."""

from __future__ import annotations

from typing import Any

from .._errors import ProtocolError, Vendor
from .._vendor import ErrorFields, text
from .._verify import VerifyResult


class InfobipProfile:
    """Infobip's side of the vendor seam (``VendorProfile``)."""

    @property
    def name(self) -> Vendor:
        return "infobip"

    def error_fields(self, data: Any) -> ErrorFields:
        """From ``{"requestError": {"serviceException": {"messageId", "text", "validationErrors"}}}``."""
        exc = data.get("requestError", {}) if isinstance(data, dict) else {}
        exc = exc.get("serviceException", {}) if isinstance(exc, dict) else {}
        if not isinstance(exc, dict):
            return ErrorFields()
        raw = exc.get("validationErrors")
        errors: dict[str, list[str]] = {}
        if isinstance(raw, dict):
            for name, messages in raw.items():
                if isinstance(messages, list):
                    errors[str(name)] = [str(m) for m in messages]
                elif messages is not None:
                    errors[str(name)] = [str(messages)]
        return ErrorFields(code=text(exc.get("messageId")), message=text(exc.get("text")), validation_errors=errors)

    def verify_result(self, parsed: Any, operation: str) -> VerifyResult:
        """From a generated ``TfaVerifyPinResponse`` / ``TfaV1VerifyPinResponse``."""
        verified = getattr(parsed, "verified", None)
        if not isinstance(verified, bool):
            raise ProtocolError("infobip", operation, 200, "verify response without a boolean 'verified'", b"")
        pin_error = getattr(parsed, "pin_error", None)
        attempts = getattr(parsed, "attempts_remaining", None)
        return VerifyResult(
            vendor="infobip",
            verified=verified,
            # A known value arrives as the generated StrEnum (a str), an unknown one as a plain str.
            reason=str(pin_error) if isinstance(pin_error, str) else None,
            attempts_remaining=attempts if isinstance(attempts, int) and not isinstance(attempts, bool) else None,
            pin_id=_optional_str(getattr(parsed, "pin_id", None)),
            msisdn=_optional_str(getattr(parsed, "msisdn", None)),
        )


def _optional_str(value: Any) -> str | None:
    return value if isinstance(value, str) else None


INFOBIP = InfobipProfile()
