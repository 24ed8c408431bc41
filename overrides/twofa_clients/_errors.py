"""One exception hierarchy for both vendors.

    TwoFactorError
     ├─ APIConnectionError            the request failed in transport (refused, reset, dropped)
     │   └─ APITimeoutError           ... or took longer than the timeout
     ├─ ProtocolError                 a response the spec does not allow (non-JSON, wrong shape)
     └─ APIStatusError                the vendor answered with an error status
         ├─ BadRequestError           400
         ├─ AuthenticationError       401
         ├─ PermissionDeniedError     403
         ├─ NotFoundError             404
         ├─ RateLimitError            429 (retry_after)
         └─ ServerError               5xx (ServiceUnavailableError: 503)

Every APIStatusError carries the vendor, the HTTP status, the vendor's error code (Infobip
``messageId``), the message text, validation errors, the request id (Bandwidth ``requestId``),
``retry_after`` and the raw body, whatever shape (or non-shape) the body had. No error ever holds
request headers, so credentials cannot leak through an exception.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from http import HTTPStatus
from typing import Any, Literal

Vendor = Literal["infobip", "bandwidth"]

MAX_MESSAGE_CHARS = 300


class TwoFactorError(Exception):
    """Base class of every error raised by twofa_clients."""


class APIConnectionError(TwoFactorError):
    def __init__(self, vendor: Vendor, operation: str, message: str) -> None:
        super().__init__(f"{vendor} {operation}: {message}")
        self.vendor = vendor
        self.operation = operation


class APITimeoutError(APIConnectionError):
    pass


class ProtocolError(TwoFactorError):
    """The vendor answered, but not in a shape the spec allows (a gateway's HTML page, truncated JSON...)."""

    def __init__(self, vendor: Vendor, operation: str, status_code: int, reason: str, body: bytes) -> None:
        super().__init__(f"{vendor} {operation}: unexpected {status_code} response: {reason}")
        self.vendor = vendor
        self.operation = operation
        self.status_code = status_code
        self.body = body


class APIStatusError(TwoFactorError):
    status_code: int

    def __init__(
        self,
        *,
        vendor: Vendor,
        operation: str,
        status_code: int,
        message: str,
        code: str | None = None,
        validation_errors: Mapping[str, list[str]] | None = None,
        request_id: str | None = None,
        retry_after: float | None = None,
        body: bytes = b"",
    ) -> None:
        self.vendor = vendor
        self.operation = operation
        self.status_code = status_code
        self.message = message
        self.code = code
        self.validation_errors: dict[str, list[str]] = dict(validation_errors or {})
        self.request_id = request_id
        self.retry_after = retry_after
        self.body = body
        super().__init__(str(self))

    def __str__(self) -> str:
        parts = [f"{self.vendor} {self.operation}: HTTP {self.status_code}"]
        if self.code:
            parts.append(self.code)
        text = f"{' '.join(parts)}: {self.message}"
        if self.validation_errors:
            fields = "; ".join(f"{k}: {', '.join(v)}" for k, v in sorted(self.validation_errors.items()))
            text += f" ({fields})"
        if self.request_id:
            text += f" [request id {self.request_id}]"
        return text

    def __repr__(self) -> str:
        return f"{type(self).__name__}({str(self)!r})"


class BadRequestError(APIStatusError):
    pass


class AuthenticationError(APIStatusError):
    pass


class PermissionDeniedError(APIStatusError):
    pass


class NotFoundError(APIStatusError):
    pass


class RateLimitError(APIStatusError):
    pass


class ServerError(APIStatusError):
    pass


class ServiceUnavailableError(ServerError):
    pass


_BY_STATUS: dict[int, type[APIStatusError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    403: PermissionDeniedError,
    404: NotFoundError,
    429: RateLimitError,
    503: ServiceUnavailableError,
}


def error_class(status: int) -> type[APIStatusError]:
    if status in _BY_STATUS:
        return _BY_STATUS[status]
    return ServerError if status >= 500 else APIStatusError


def parse_retry_after(value: str | None) -> float | None:
    """Seconds from a Retry-After header: delta-seconds or an HTTP date; None when absent or garbled."""
    if not value:
        return None
    value = value.strip()
    try:
        seconds = float(value)
    except ValueError:
        try:
            when = parsedate_to_datetime(value)
        except (TypeError, ValueError, IndexError, OverflowError):  # a date with absurd fields
            return None
        if when.tzinfo is None:
            when = when.replace(tzinfo=UTC)
        seconds = (when - datetime.now(UTC)).total_seconds()
    if seconds != seconds or seconds in (float("inf"), float("-inf")):  # NaN or infinite
        return None
    return max(0.0, seconds)


def _json(body: bytes) -> Any:
    try:
        return json.loads(body)
    except (ValueError, RecursionError):
        return None


def _text(value: Any) -> str | None:
    return value if isinstance(value, str) and value else None


def _fallback_message(status: int, body: bytes) -> str:
    snippet = body[:MAX_MESSAGE_CHARS].decode("utf-8", "replace").strip()
    try:
        phrase = HTTPStatus(status).phrase
    except ValueError:
        phrase = "Unknown status"
    return f"{phrase}: {snippet}" if snippet else phrase


def _infobip_fields(data: Any) -> tuple[str | None, str | None, dict[str, list[str]], str | None]:
    """(code, message, validation errors, request id) from ``{"requestError":{"serviceException":...}}``."""
    exc = data.get("requestError", {}) if isinstance(data, dict) else {}
    exc = exc.get("serviceException", {}) if isinstance(exc, dict) else {}
    if not isinstance(exc, dict):
        return None, None, {}, None
    raw = exc.get("validationErrors")
    errors: dict[str, list[str]] = {}
    if isinstance(raw, dict):
        for field, messages in raw.items():
            if isinstance(messages, list):
                errors[str(field)] = [str(m) for m in messages]
            elif messages is not None:
                errors[str(field)] = [str(messages)]
    return _text(exc.get("messageId")), _text(exc.get("text")), errors, None


def _bandwidth_fields(data: Any) -> tuple[str | None, str | None, dict[str, list[str]], str | None]:
    """400/429/500 ``{"error","requestId"}``; 401 ``{"message"}``; 403 ``{"message"}`` or ``{"Message"}``."""
    if not isinstance(data, dict):
        return None, None, {}, None
    message = _text(data.get("error")) or _text(data.get("message")) or _text(data.get("Message"))
    return None, message, {}, _text(data.get("requestId"))


def status_error(
    vendor: Vendor, operation: str, status: int, body: bytes, headers: Mapping[str, str] | None = None
) -> APIStatusError:
    """The typed error for an error response, tolerant of any body (HTML, truncated JSON, empty)."""
    data = _json(body)
    parse = _infobip_fields if vendor == "infobip" else _bandwidth_fields
    code, message, validation_errors, request_id = parse(data)
    retry_after = parse_retry_after((headers or {}).get("retry-after"))
    return error_class(status)(
        vendor=vendor,
        operation=operation,
        status_code=status,
        message=message or _fallback_message(status, body),
        code=code,
        validation_errors=validation_errors,
        request_id=request_id,
        retry_after=retry_after,
        body=body,
    )
