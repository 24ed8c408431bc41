"""The Verifier's own errors, in the layer's hierarchy (``TwoFactorError``; the refusals are ``ValueError``).

TwoFactorError
 ├─ InvalidArgumentError
 │   ├─ ChallengeError            a challenge string or value that cannot be used (malformed, changed,
 │   │                            unsigned, too large, from an unconfigured vendor, expired for a resend)
 │   └─ ChannelUnavailableError   no configured vendor sends over that channel
 ├─ CircuitOpenError              a vendor skipped because its circuit breaker is open
 ├─ NotSentError                  the vendor answered but sent nothing (Infobip's MESSAGE_NOT_SENT)
 ├─ NoVendorAvailableError        every vendor that could send failed before sending, or was skipped
 └─ SendNotConfirmedError         the send may have gone out: never repeated, never failed over
"""

from __future__ import annotations

from collections.abc import Sequence

from .._errors import InvalidArgumentError, TwoFactorError
from ._challenge import Challenge

# One of the verifier's errors, defined next to the challenge it refuses so that _challenge.py needs
# nothing from this module (which names Challenge).
from ._challenge import ChallengeError as ChallengeError
from ._vendor import Vendor


class ChannelUnavailableError(InvalidArgumentError):
    """No configured vendor sends over the channel (to that destination, under the routing policy)."""


class CircuitOpenError(TwoFactorError):
    """The vendor was not called: its circuit breaker is open. ``retry_after``: seconds until it is
    tried again."""

    request_sent = False

    def __init__(self, vendor: Vendor, retry_after: float) -> None:
        super().__init__(f"circuit open, next try in {retry_after:.0f}s", vendor=vendor)
        self.retry_after = retry_after


class NotSentError(TwoFactorError):
    """The vendor answered the send but says it sent nothing: Infobip's ``smsStatus``
    ``MESSAGE_NOT_SENT`` after its Number Lookup found the destination unreachable. No code went out,
    so another vendor may send one."""

    request_sent = True

    def __init__(self, vendor: Vendor, operation: str, status: str) -> None:
        super().__init__(f"the vendor did not send the message ({status})", vendor=vendor, operation=operation)
        self.code = status


class NoVendorAvailableError(TwoFactorError):
    """No vendor sent a code: each one in the routing order failed before sending (refused connection,
    401/403, 404, 429, 500/501/503, the token endpoint) or was skipped (open circuit, nothing sent).

    ``failures`` holds each vendor's error in the order tried. ``retry_after`` is the shortest wait any
    of them named (a 429's, an open circuit's), else None. Nothing was sent by anyone.
    """

    request_sent = False

    def __init__(self, channel: str, failures: Sequence[TwoFactorError]) -> None:
        self.failures: tuple[TwoFactorError, ...] = tuple(failures)
        parts = "; ".join(f"{error.vendor}: {_short(error)}" for error in self.failures)
        super().__init__(f"no vendor sent the {channel} code ({parts or 'none configured'})")
        waits = [error.retry_after for error in self.failures if error.retry_after is not None]
        self.retry_after = min(waits) if waits else None


class SendNotConfirmedError(TwoFactorError):
    """The send (or resend) may have reached the vendor, but no readable answer came back: a timeout,
    a dropped connection, a gateway's 502/504, or a 2xx that could not be read (``request_accepted``).

    It is neither repeated nor sent through another vendor: the code may already be on its way.
    ``challenge`` is the challenge as far as it is known, with ``delivery`` "unknown" (or "accepted"
    for an unreadable 2xx). On Bandwidth it can be checked as usual (codes are found by number and
    scope); on Infobip it can only be checked when the PIN's id is known (``challenge.reference``).
    ``__cause__`` is the client's error.
    """

    def __init__(self, challenge: Challenge, cause: TwoFactorError) -> None:
        what = "was accepted but its answer could not be read" if cause.request_accepted else "may have been sent"
        super().__init__(
            f"the {challenge.channel} code {what}: not sent again, not failed over ({type(cause).__name__})",
            vendor=challenge.vendor,
            operation=cause.operation,
        )
        self.challenge = challenge
        self.status_code = cause.status_code
        self.request_accepted = cause.request_accepted
        self.request_sent = True if cause.request_accepted else cause.request_sent


def _short(error: TwoFactorError) -> str:
    if isinstance(error, CircuitOpenError | NotSentError):
        return error.message
    status = f"HTTP {error.status_code} " if error.status_code else ""
    return f"{status}{type(error).__name__}"
