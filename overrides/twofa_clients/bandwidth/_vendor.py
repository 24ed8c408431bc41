"""How Bandwidth answers: three error body shapes and the ``{valid}`` verify answer."""

from __future__ import annotations

from typing import Any

from .._errors import ProtocolError, Vendor
from .._vendor import ErrorFields, text
from .._verify import VerifyResult


class BandwidthProfile:
    """Bandwidth's side of the vendor seam (``VendorProfile``)."""

    @property
    def name(self) -> Vendor:
        return "bandwidth"

    def error_fields(self, data: Any) -> ErrorFields:
        """400/429/500 ``{"error","requestId"}``; 401 ``{"message"}``; 403 ``{"message"}`` or ``{"Message"}``."""
        if not isinstance(data, dict):
            return ErrorFields()
        message = text(data.get("error")) or text(data.get("message")) or text(data.get("Message"))
        return ErrorFields(message=message, request_id=text(data.get("requestId")))

    def verify_result(self, parsed: Any, operation: str) -> VerifyResult:
        """From a generated ``VerifyCodeResponse``: Bandwidth says only whether the code was valid."""
        valid = getattr(parsed, "valid", None)
        if not isinstance(valid, bool):
            raise ProtocolError("bandwidth", operation, 200, "verify response without a boolean 'valid'", b"")
        return VerifyResult(vendor="bandwidth", verified=valid)


BANDWIDTH = BandwidthProfile()
