"""One exception hierarchy for both vendors.

    TwoFactorError
     ├─ InvalidArgumentError          refused before sending: a bad credential, base URL, header or ID
     ├─ ClientClosedError             the client was closed
     ├─ OAuthTokenError               the OAuth2 token endpoint failed (the API call was never sent)
     ├─ APIConnectionError            the request failed in transport (refused, reset, dropped)
     │   └─ APITimeoutError           ... or took longer than the timeout or the call's deadline
     ├─ ProtocolError                 a response the spec does not allow (non-JSON, wrong shape, too large)
     └─ APIStatusError                the vendor answered with an error status
         ├─ BadRequestError           400
         ├─ AuthenticationError       401
         ├─ PermissionDeniedError     403
         ├─ NotFoundError             404
         ├─ RateLimitError            429 (retry_after)
         └─ ServerError               5xx (ServiceUnavailableError: 503)

Every error carries the same attributes (``None`` where they do not apply): the vendor, the
operation, the HTTP status, the vendor's error code (Infobip ``messageId``), the message text, the
request id (Bandwidth ``requestId``), ``retry_after``, the raw body (at most
``MAX_ERROR_BODY_BYTES`` of it), ``request_accepted`` and ``request_sent``. No error ever holds request headers, and
the clients scrub their own credentials from everything they raise, so credentials cannot leak
through an exception.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from http import HTTPStatus
from typing import TYPE_CHECKING, Any, Literal

from ._constants import MAX_MESSAGE_CHARS
from ._constants import Vendor as Vendor  # defined in a leaf module: _vendor.py and _verify.py use it too

if TYPE_CHECKING:
    from ._vendor import VendorProfile


class TwoFactorError(Exception):
    """Base class of every error raised by twofa_clients; catch it to catch them all.

    ``request_accepted`` is True when the vendor answered the request with a 2xx, so it was processed
    even though this error is raised (an answer that could not be read): a send or resend must then
    not be sent again, or the user gets a second code.

    ``request_sent`` says whether the API request reached the vendor: False when it certainly never
    left (a refused connection, a connect timeout, the token endpoint failing, a value refused before
    sending), True when the vendor answered it, None when nobody can know (a timeout or a dropped
    connection after the request went out). What may be sent elsewhere instead depends on it.
    """

    vendor: Vendor | None = None
    operation: str | None = None
    status_code: int | None = None
    code: str | None = None
    message: str = ""
    request_id: str | None = None
    retry_after: float | None = None
    body: bytes = b""
    request_accepted: bool = False
    request_sent: bool | None = None

    def __init__(self, message: str, *, vendor: Vendor | None = None, operation: str | None = None) -> None:
        prefix = " ".join(part for part in (vendor, operation) if part)
        super().__init__(f"{prefix}: {message}" if prefix else message)
        self.message = message
        self.vendor = vendor
        self.operation = operation


class InvalidArgumentError(TwoFactorError, ValueError):
    """A value the client refuses before sending anything: a credential with a control character, a
    base URL that is not https, a path parameter that is too long or is ``.``/``..``, text that is not
    valid Unicode. The message names the argument, never its value."""

    request_sent = False


class ClientClosedError(TwoFactorError, RuntimeError):
    """The client was used after ``close()``/``aclose()`` (or after its ``with`` block ended)."""

    request_sent = False


class OAuthTokenError(TwoFactorError):
    """The OAuth2 token endpoint refused, failed or could not be reached.

    The API request itself was never sent. ``status_code`` and ``body`` are the token endpoint's
    answer (None and empty when it gave none).
    """

    request_sent = False

    def __init__(
        self,
        message: str,
        *,
        vendor: Vendor,
        status_code: int | None = None,
        code: str | None = None,
        body: bytes = b"",
    ) -> None:
        super().__init__(message, vendor=vendor, operation="oauth2-token")
        self.status_code = status_code
        self.code = code
        self.body = body


class APIConnectionError(TwoFactorError):
    """No answer: the connection was refused, reset or dropped (see ``APITimeoutError`` for timeouts).

    ``request_sent`` is False when the connection was never opened (refused, or a connect timeout),
    None when the request may have reached the vendor.
    """

    def __init__(self, vendor: Vendor, operation: str, message: str, *, request_sent: bool | None = None) -> None:
        super().__init__(message, vendor=vendor, operation=operation)
        self.request_sent = request_sent


class APITimeoutError(APIConnectionError):
    """No answer in time: a connect, read or write timeout, or the call's whole deadline passed."""


class ProtocolError(TwoFactorError):
    """The vendor answered, but not in a shape the spec allows (a gateway's HTML page, truncated JSON,
    an answer larger than the limit...).

    On a 2xx answer ``request_accepted`` is True and the message says so: the vendor took the request
    (a PIN may be on its way), only its answer is unreadable. Never resend on such an error.
    """

    request_sent = True

    def __init__(self, vendor: Vendor, operation: str, status_code: int, reason: str, body: bytes) -> None:
        accepted = 200 <= status_code < 300
        if accepted:
            text = (
                f"the request was accepted (HTTP {status_code}) but its answer could not be read: {reason}. "
                "It was processed: do not send it again"
            )
        else:
            text = f"unexpected {status_code} response: {reason}"
        super().__init__(text, vendor=vendor, operation=operation)
        self.status_code = status_code
        self.body = body
        self.request_accepted = accepted


class APIStatusError(TwoFactorError):
    """The vendor answered with an error status; the subclass says which (``error_class``)."""

    status_code: int
    request_sent = True

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
        Exception.__init__(self, str(self))

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
    """400: the vendor refused the request's content (``validation_errors`` on Infobip)."""

    status_code: Literal[400] = 400


class AuthenticationError(APIStatusError):
    """401: the credentials were refused."""

    status_code: Literal[401] = 401


class PermissionDeniedError(APIStatusError):
    """403: the credentials lack the right (a scope, MFA access)."""

    status_code: Literal[403] = 403


class NotFoundError(APIStatusError):
    """404: no such application, template or PIN."""

    status_code: Literal[404] = 404


class RateLimitError(APIStatusError):
    """429: a rate limit or lock-out; ``retry_after`` says how long to wait."""

    status_code: Literal[429] = 429


class ServerError(APIStatusError):
    """5xx: the vendor failed."""


class ServiceUnavailableError(ServerError):
    """503: the vendor is temporarily unavailable."""

    status_code: Literal[503] = 503


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


# Bandwidth's lock-out text: "This number has exceeded verification attempts, please wait 2 minutes".
_WAIT_TEXT = re.compile(r"\bwait\s+(\d{1,6}(?:\.\d{1,6})?)\s*(second|sec|minute|min|hour)s?\b", re.IGNORECASE)
_UNIT_SECONDS = {"second": 1.0, "sec": 1.0, "minute": 60.0, "min": 60.0, "hour": 3600.0}


def wait_from_text(message: str | None) -> float | None:
    """Seconds from a "please wait N minutes" style message; None when the text names no wait."""
    match = _WAIT_TEXT.search(message or "")
    if match is None:
        return None
    return float(match.group(1)) * _UNIT_SECONDS[match.group(2).lower()]


def _json(body: bytes) -> Any:
    try:
        return json.loads(body)
    except (ValueError, RecursionError):
        return None


def _fallback_message(status: int, body: bytes) -> str:
    snippet = body[:MAX_MESSAGE_CHARS].decode("utf-8", "replace").strip()
    try:
        phrase = HTTPStatus(status).phrase
    except ValueError:
        phrase = "Unknown status"
    return f"{phrase}: {snippet}" if snippet else phrase


def status_error(
    profile: VendorProfile,
    operation: str,
    status: int,
    body: bytes,
    headers: Mapping[str, str] | None = None,
    *,
    limit_window: float | None = None,
) -> APIStatusError:
    """The typed error for an error response, tolerant of any body (HTML, truncated JSON, empty).

    On a 429, ``retry_after`` comes from the Retry-After header, else from a wait the body's text
    names (Bandwidth's "please wait 2 minutes"), else from ``limit_window``: the length of the
    vendor's documented rate-limit window for the operation, after which the limit has certainly
    reset. Neither vendor documents a Retry-After header.
    """
    fields = profile.error_fields(_json(body))
    retry_after = parse_retry_after((headers or {}).get("retry-after"))
    if status == 429 and retry_after is None:
        retry_after = wait_from_text(fields.message)
        if retry_after is None:
            retry_after = limit_window
    return error_class(status)(
        vendor=profile.name,
        operation=operation,
        status_code=status,
        message=fields.message or _fallback_message(status, body),
        code=fields.code,
        validation_errors=fields.validation_errors,
        request_id=fields.request_id,
        retry_after=retry_after,
        body=body,
    )
