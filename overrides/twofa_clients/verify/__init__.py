"""One verification API across Infobip and Bandwidth, with failover that never sends twice.

    from twofa_clients import InfobipClient, BandwidthClient, Verifier
    from twofa_clients.verify import BandwidthProvider, InfobipProvider

    infobip = InfobipProvider(InfobipClient(...))
    bandwidth = BandwidthProvider(BandwidthClient(...), application_id=..., from_number=...)
    verifier = Verifier([infobip, bandwidth], secret=os.environ["CHALLENGE_SECRET"])
    challenge = verifier.start("+41793026727")      # str(challenge) goes into the session
    result = verifier.check(session_value, code)    # a VerifyResult with the same reasons for both vendors

Modules: ``_challenge`` (the serialisable, signed Challenge), ``_providers`` (each vendor's requests),
``_routing`` (vendor order), ``_failover`` (when the next vendor may send), ``_breaker`` (circuit
breakers), ``_events`` (hook and log lines), ``_reasons`` (the common reasons), ``_core`` and
``_verifier`` (the flows).
"""

from ._breaker import BreakerPolicy, CircuitBreaker, State
from ._challenge import MAX_CHALLENGE_CHARS, Challenge, Delivery
from ._destination import Channel
from ._errors import (
    ChallengeError,
    ChannelUnavailableError,
    CircuitOpenError,
    NotSentError,
    NoVendorAvailableError,
    SendNotConfirmedError,
)
from ._events import EventKind, VerifierEvent
from ._failover import FAIL_OVER_SERVER_STATUSES, Decision, Outcome, classify_send_error
from ._providers import BandwidthProvider, InfobipProvider, Provider
from ._reasons import ATTEMPTS_EXHAUSTED, EXPIRED, REASONS, WRONG_CODE, Reason
from ._routing import Routing
from ._verifier import AsyncVerifier, Verifier

__all__ = [
    "ATTEMPTS_EXHAUSTED",
    "EXPIRED",
    "FAIL_OVER_SERVER_STATUSES",
    "MAX_CHALLENGE_CHARS",
    "REASONS",
    "WRONG_CODE",
    "AsyncVerifier",
    "BandwidthProvider",
    "BreakerPolicy",
    "Challenge",
    "ChallengeError",
    "Channel",
    "ChannelUnavailableError",
    "CircuitBreaker",
    "CircuitOpenError",
    "Decision",
    "Delivery",
    "EventKind",
    "InfobipProvider",
    "NoVendorAvailableError",
    "NotSentError",
    "Outcome",
    "Provider",
    "Reason",
    "Routing",
    "SendNotConfirmedError",
    "State",
    "Verifier",
    "VerifierEvent",
    "classify_send_error",
]
