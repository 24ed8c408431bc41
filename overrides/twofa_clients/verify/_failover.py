"""When a failed send may go to the next vendor: only when the vendor certainly did not send.

Fail over (the next vendor may send; * = counts as a failure for the vendor's circuit breaker):
  - ``CircuitOpenError``: the vendor was not called;
  - ``APIConnectionError``/``APITimeoutError`` with ``request_sent`` False: refused, connect timeout *;
  - ``OAuthTokenError``: the token endpoint failed, the API request was never sent *;
  - ``AuthenticationError`` 401, ``PermissionDeniedError`` 403: configuration *;
  - ``NotFoundError`` 404: an unknown application or template, configuration *;
  - ``RateLimitError`` 429 (unless ``fail_over_on_rate_limit`` is off): not counted, a per-number limit
    says nothing of the vendor's health;
  - ``ServerError`` 500, 501, 503: the vendor's own refusal *;
  - ``NotSentError``: Infobip answered ``MESSAGE_NOT_SENT``.

Unknown: raise ``SendNotConfirmedError`` (delivery "unknown"), never fail over, never repeat *:
  - ``APIConnectionError``/``APITimeoutError`` otherwise: a read timeout, a dropped connection, the
    call's deadline, after the request went out;
  - ``ServerError`` 502, 504 and any other 5xx: a gateway's answer; the vendor behind it may have sent;
  - ``ProtocolError`` on an error status (an unreadable answer).

Accepted: raise ``SendNotConfirmedError`` (delivery "accepted"), never fail over *:
  - ``ProtocolError`` with ``request_accepted``: a 2xx whose body could not be read.

Raise as is (nothing was sent, but the request itself is at fault; the next vendor would not help):
  - ``BadRequestError`` 400 and other 4xx;
  - ``InvalidArgumentError``, ``ClientClosedError``: refused before sending.

Errors while an Infobip provider resolves its application and templates (before any PIN is sent)
fail over, except the local refusals, which are raised.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from .._errors import (
    APIConnectionError,
    APIStatusError,
    AuthenticationError,
    ClientClosedError,
    InvalidArgumentError,
    NotFoundError,
    OAuthTokenError,
    PermissionDeniedError,
    ProtocolError,
    RateLimitError,
    ServerError,
    TwoFactorError,
)
from ._errors import CircuitOpenError, NotSentError

# 5xx answers the vendor gives itself before taking a request on. 502 and 504 come from a gateway in
# front of it, possibly after the vendor processed the request: treated like a timeout.
FAIL_OVER_SERVER_STATUSES = frozenset({500, 501, 503})


class Outcome(enum.Enum):
    FAIL_OVER = "fail over"  # certainly not sent: the next vendor may send
    UNKNOWN = "unknown"  # may have been sent: raise, delivery "unknown"
    ACCEPTED = "accepted"  # the vendor took it, its answer is unreadable: raise, delivery "accepted"
    RAISE = "raise"  # not sent, but the request itself is at fault: the next vendor would not help


@dataclass(frozen=True)
class Decision:
    outcome: Outcome
    reason: str  # a short tag for events and logs
    counts: bool  # a failure of the vendor, for its circuit breaker


def classify_send_error(error: TwoFactorError, *, fail_over_on_rate_limit: bool = True) -> Decision:
    """What to do after ``error`` on a send or resend (the table above)."""
    if isinstance(error, CircuitOpenError):
        return Decision(Outcome.FAIL_OVER, "circuit_open", counts=False)
    if isinstance(error, NotSentError):
        return Decision(Outcome.FAIL_OVER, "not_sent", counts=False)
    if isinstance(error, InvalidArgumentError | ClientClosedError):
        return Decision(Outcome.RAISE, "refused_locally", counts=False)
    if isinstance(error, OAuthTokenError):
        return Decision(Outcome.FAIL_OVER, "token_endpoint_failed", counts=True)
    if isinstance(error, APIConnectionError):
        if error.request_sent is False:
            return Decision(Outcome.FAIL_OVER, "not_connected", counts=True)
        return Decision(Outcome.UNKNOWN, "no_answer", counts=True)
    if isinstance(error, ProtocolError):
        if error.request_accepted:
            return Decision(Outcome.ACCEPTED, "unreadable_answer", counts=True)
        return Decision(Outcome.UNKNOWN, "unreadable_answer", counts=True)
    if isinstance(error, RateLimitError):
        outcome = Outcome.FAIL_OVER if fail_over_on_rate_limit else Outcome.RAISE
        return Decision(outcome, "rate_limited", counts=False)
    if isinstance(error, AuthenticationError | PermissionDeniedError):
        return Decision(Outcome.FAIL_OVER, "not_authorized", counts=True)
    if isinstance(error, NotFoundError):
        return Decision(Outcome.FAIL_OVER, "not_found", counts=True)
    if isinstance(error, ServerError):
        if error.status_code in FAIL_OVER_SERVER_STATUSES:
            return Decision(Outcome.FAIL_OVER, "server_error", counts=True)
        return Decision(Outcome.UNKNOWN, "gateway_error", counts=True)
    if isinstance(error, APIStatusError):
        return Decision(Outcome.RAISE, "bad_request", counts=False)
    if error.request_sent is False:  # an error class newer than this table: trust what it says
        return Decision(Outcome.FAIL_OVER, "not_sent", counts=True)
    return Decision(Outcome.UNKNOWN, "unknown_error", counts=True)


def classify_setup_error(error: TwoFactorError) -> Decision:
    """An error while resolving an application or template: no PIN was sent, so the next vendor may
    send; only what this process refused to send (a bad ID, a closed client) is raised."""
    if isinstance(error, InvalidArgumentError | ClientClosedError):
        return Decision(Outcome.RAISE, "refused_locally", counts=False)
    as_send = classify_send_error(error)
    return Decision(Outcome.FAIL_OVER, as_send.reason, counts=not isinstance(error, RateLimitError))


def counts_against_vendor(error: TwoFactorError) -> bool:
    """For a check's error: whether it says the vendor is failing (its breaker counts it)."""
    if isinstance(error, InvalidArgumentError | ClientClosedError | RateLimitError):
        return False
    # Other answered statuses (400, 404, ...) are about the request, not the vendor's health.
    return not isinstance(error, APIStatusError) or isinstance(
        error, ServerError | AuthenticationError | PermissionDeniedError
    )
