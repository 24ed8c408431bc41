"""The failover table, error by error, and ``request_sent`` as the layer sets it."""

from __future__ import annotations

import pytest
from twofa_clients import (
    APIConnectionError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    ClientClosedError,
    InvalidArgumentError,
    NotFoundError,
    OAuthTokenError,
    PermissionDeniedError,
    ProtocolError,
    RateLimitError,
    ServerError,
    ServiceUnavailableError,
    TwoFactorError,
)
from twofa_clients.verify import CircuitOpenError, NotSentError, Outcome, classify_send_error
from twofa_clients.verify._failover import classify_setup_error, counts_against_vendor


def status(cls: type, code: int) -> TwoFactorError:
    error: TwoFactorError = cls(vendor="infobip", operation="send", status_code=code, message="m")
    return error


CASES: list[tuple[TwoFactorError, Outcome, str, bool]] = [
    (CircuitOpenError("infobip", 3), Outcome.FAIL_OVER, "circuit_open", False),
    (APIConnectionError("infobip", "send", "refused", request_sent=False), Outcome.FAIL_OVER, "not_connected", True),
    (APITimeoutError("infobip", "send", "connect", request_sent=False), Outcome.FAIL_OVER, "not_connected", True),
    (OAuthTokenError("token", vendor="bandwidth", status_code=503), Outcome.FAIL_OVER, "token_endpoint_failed", True),
    (status(AuthenticationError, 401), Outcome.FAIL_OVER, "not_authorized", True),
    (status(PermissionDeniedError, 403), Outcome.FAIL_OVER, "not_authorized", True),
    (status(NotFoundError, 404), Outcome.FAIL_OVER, "not_found", True),
    (status(RateLimitError, 429), Outcome.FAIL_OVER, "rate_limited", False),
    (status(ServerError, 500), Outcome.FAIL_OVER, "server_error", True),
    (status(ServerError, 501), Outcome.FAIL_OVER, "server_error", True),
    (status(ServiceUnavailableError, 503), Outcome.FAIL_OVER, "server_error", True),
    (NotSentError("infobip", "send", "MESSAGE_NOT_SENT"), Outcome.FAIL_OVER, "not_sent", False),
    (APIConnectionError("infobip", "send", "dropped"), Outcome.UNKNOWN, "no_answer", True),
    (APITimeoutError("infobip", "send", "read"), Outcome.UNKNOWN, "no_answer", True),
    (status(ServerError, 502), Outcome.UNKNOWN, "gateway_error", True),
    (status(ServerError, 504), Outcome.UNKNOWN, "gateway_error", True),
    (status(ServerError, 599), Outcome.UNKNOWN, "gateway_error", True),
    (ProtocolError("infobip", "send", 200, "garbled", b""), Outcome.ACCEPTED, "unreadable_answer", True),
    (ProtocolError("infobip", "send", 500, "garbled", b""), Outcome.UNKNOWN, "unreadable_answer", True),
    (status(BadRequestError, 400), Outcome.RAISE, "bad_request", False),
    (InvalidArgumentError("bad id"), Outcome.RAISE, "refused_locally", False),
    (ClientClosedError("closed"), Outcome.RAISE, "refused_locally", False),
    (TwoFactorError("a newer error"), Outcome.UNKNOWN, "unknown_error", True),
]


@pytest.mark.parametrize(("error", "outcome", "reason", "counts"), CASES, ids=lambda v: getattr(v, "__name__", ""))
def test_each_error_has_its_outcome(error: TwoFactorError, outcome: Outcome, reason: str, counts: bool) -> None:
    decision = classify_send_error(error)
    assert (decision.outcome, decision.reason, decision.counts) == (outcome, reason, counts)
    # Never failed over while it is unknown whether the request left.
    if outcome is Outcome.FAIL_OVER:
        assert error.request_sent is not None
        assert not error.request_accepted


def test_rate_limits_can_be_raised_instead() -> None:
    assert classify_send_error(status(RateLimitError, 429), fail_over_on_rate_limit=False).outcome is Outcome.RAISE


def test_setup_errors_fail_over_with_their_cause_unless_refused_locally() -> None:
    assert classify_setup_error(APITimeoutError("infobip", "get", "read")).outcome is Outcome.FAIL_OVER
    assert classify_setup_error(status(AuthenticationError, 401)).reason == "not_authorized"
    assert classify_setup_error(InvalidArgumentError("bad")).outcome is Outcome.RAISE
    assert classify_setup_error(status(RateLimitError, 429)).counts is False


def test_what_counts_against_a_vendor_on_a_check() -> None:
    assert counts_against_vendor(status(ServerError, 500))
    assert counts_against_vendor(APITimeoutError("bandwidth", "verify", "read"))
    assert counts_against_vendor(status(AuthenticationError, 401))
    assert not counts_against_vendor(status(BadRequestError, 400))
    assert not counts_against_vendor(status(RateLimitError, 429))
    assert not counts_against_vendor(InvalidArgumentError("x"))


def test_request_sent_defaults_by_class() -> None:
    assert status(ServerError, 500).request_sent is True
    assert ProtocolError("infobip", "x", 200, "r", b"").request_sent is True
    assert OAuthTokenError("t", vendor="bandwidth").request_sent is False
    assert InvalidArgumentError("x").request_sent is False
    assert ClientClosedError("x").request_sent is False
    assert APIConnectionError("infobip", "x", "m").request_sent is None
    assert TwoFactorError("x").request_sent is None
