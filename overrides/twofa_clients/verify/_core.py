"""What ``Verifier`` and ``AsyncVerifier`` share: every decision, none of the I/O.

The two classes run the same steps, one with ``await``; each step's before and after lives here:
routing, the circuit breakers, failover decisions, challenges (made and signed, parsed and checked)
and events. The flows themselves are in ``_verifier``.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Sequence
from dataclasses import replace

from .._errors import InvalidArgumentError, TwoFactorError
from .._verify import VerifyResult
from ._breaker import BreakerPolicy, CircuitBreaker, State
from ._challenge import Challenge, Delivery, Keyring
from ._destination import Channel, destination
from ._destination import channel as check_channel
from ._errors import (
    ChallengeError,
    ChannelUnavailableError,
    CircuitOpenError,
    NotSentError,
    NoVendorAvailableError,
    SendNotConfirmedError,
)
from ._events import Events, VerifierEvent, challenge_id
from ._failover import Decision, Outcome, classify_send_error, classify_setup_error, counts_against_vendor
from ._providers import BandwidthProvider, InfobipProvider, Provider, Sent
from ._reasons import EXPIRED, WRONG_CODE
from ._routing import Routing
from ._vendor import Vendor

MAX_CODE_INPUT_CHARS = 256  # a typed code longer than this is wrong without looking at it
_CODE_SEPARATORS = str.maketrans("", "", " -\u00a0")


def _cid(c: Challenge) -> str:
    return challenge_id(c.vendor, c.reference, c.scope, c.issued_at_ms)


class Core:
    def __init__(
        self,
        providers: Sequence[Provider] | Provider,
        *,
        is_async: bool,
        secret: str | bytes | None,
        old_secrets: Sequence[str | bytes],
        routing: Routing | None,
        breaker: BreakerPolicy | None,
        on_event: Callable[[VerifierEvent], object] | None,
        clock: Callable[[], float],
        fail_over_on_rate_limit: bool,
    ) -> None:
        if isinstance(providers, InfobipProvider | BandwidthProvider):
            providers = [providers]
        kind = "AsyncVerifier" if is_async else "Verifier"
        self.providers: dict[Vendor, Provider] = {}
        for provider in providers:
            if not isinstance(provider, InfobipProvider | BandwidthProvider):
                raise InvalidArgumentError("providers must be InfobipProvider or BandwidthProvider instances")
            if provider.vendor in self.providers:
                raise InvalidArgumentError(f"one provider per vendor: {provider.vendor} is given twice")
            if provider.is_async != is_async:
                wanted = "async clients (AsyncInfobipClient, AsyncBandwidthClient)" if is_async else "sync clients"
                raise InvalidArgumentError(f"{kind} needs providers built on {wanted}")
            self.providers[provider.vendor] = provider
        if not self.providers:
            raise InvalidArgumentError("give at least one provider")
        self.default_order = tuple(self.providers)
        self.routing = routing if routing is not None else Routing()
        if not isinstance(self.routing, Routing):
            raise InvalidArgumentError("routing must be a Routing")
        named = {*self.routing.order, *(v for order in self.routing.by_prefix.values() for v in order)}
        missing = sorted(named - set(self.providers))
        if missing:
            raise InvalidArgumentError(f"the routing names {', '.join(missing)}, which has no provider")
        if secret is None and old_secrets:
            raise InvalidArgumentError("old_secrets without a secret: give the current secret too")
        self.keyring = None if secret is None else Keyring(secret, old_secrets)
        if not callable(clock):
            raise InvalidArgumentError("clock must be a callable returning epoch seconds")
        self.clock = clock
        self.events = Events(on_event)
        policy = breaker if breaker is not None else BreakerPolicy()
        if not isinstance(policy, BreakerPolicy):
            raise InvalidArgumentError("breaker must be a BreakerPolicy")
        self.breakers = {
            vendor: CircuitBreaker(vendor, policy, clock, self._circuit_changed) for vendor in self.providers
        }
        if not isinstance(fail_over_on_rate_limit, bool):
            raise InvalidArgumentError("fail_over_on_rate_limit must be a bool")
        self.fail_over_on_rate_limit = fail_over_on_rate_limit

    # --- shared helpers ------------------------------------------------------------------------------

    def now(self) -> float:
        value = self.clock()
        if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value) or value < 0:
            raise InvalidArgumentError("the clock must return epoch seconds (a finite, non-negative number)")
        return float(value)

    def channels(self) -> frozenset[Channel]:
        return frozenset(c for provider in self.providers.values() for c in provider.channels)

    def circuit_state(self, vendor: Vendor) -> State:
        breaker = self.breakers.get(vendor)
        if breaker is None:
            raise InvalidArgumentError(f"no provider for {vendor!r}")
        return breaker.state

    def _circuit_changed(self, vendor: Vendor, before: State, after: State) -> None:
        if after == "open":
            retry_after = self.breakers[vendor].retry_after()
            self.events.emit(VerifierEvent("circuit_opened", vendor, reason=before, retry_after=retry_after))
        elif after == "closed":
            self.events.emit(VerifierEvent("circuit_closed", vendor, reason=before))

    def _make(
        self,
        vendor: Vendor,
        channel: Channel,
        to: str,
        reference: str | None,
        scope: str | None,
        issued_ms: int,
        lifetime: float,
        delivery: Delivery,
    ) -> Challenge:
        challenge = Challenge(
            vendor, channel, to, reference, scope, issued_ms, issued_ms + round(lifetime * 1000), delivery
        )
        return self.keyring.sign_new(challenge) if self.keyring is not None else challenge

    # --- start ---------------------------------------------------------------------------------------

    def plan(self, to: object, channel: object) -> tuple[Channel, str, list[Provider]]:
        """The channel, the normalised destination and the providers to try, in order."""
        chosen_channel = check_channel(channel)
        to_ = destination(to, chosen_channel)
        order = self.routing.vendors_for(to_, self.default_order)
        providers = [self.providers[v] for v in order if chosen_channel in self.providers[v].channels]
        if not providers:
            offered = ", ".join(f"{v}: {'/'.join(sorted(p.channels))}" for v, p in self.providers.items())
            raise ChannelUnavailableError(f"no vendor routed to this destination sends {chosen_channel} ({offered})")
        return chosen_channel, to_, providers

    def admit(
        self, provider: Provider, channel: Channel, next_vendor: Vendor | None, failures: list[TwoFactorError]
    ) -> bool:
        """Whether the vendor's circuit lets this send through; if not, the skip is a failover."""
        breaker = self.breakers[provider.vendor]
        if breaker.allow():
            return True
        error = CircuitOpenError(provider.vendor, breaker.retry_after())
        self._failed_over(
            provider.vendor, channel, error, Decision(Outcome.FAIL_OVER, "circuit_open", False), None, next_vendor
        )
        failures.append(error)
        return False

    def _failed_over(
        self,
        vendor: Vendor,
        channel: Channel,
        error: TwoFactorError,
        decision: Decision,
        latency: float | None,
        next_vendor: Vendor | None,
    ) -> None:
        self.events.emit(
            VerifierEvent(
                "failed_over" if next_vendor is not None else "send_failed",
                vendor,
                channel,
                latency=latency,
                reason=decision.reason,
                error=type(error).__name__,
                status_code=error.status_code,
                next_vendor=next_vendor,
                retry_after=error.retry_after,
            )
        )

    def _record(self, vendor: Vendor, decision: Decision) -> None:
        breaker = self.breakers[vendor]
        if decision.outcome is Outcome.RAISE and not decision.counts and decision.reason == "refused_locally":
            breaker.release()  # the vendor was never reached: nothing learned
        else:
            breaker.record(not decision.counts)

    def setup_failed(
        self, provider: Provider, channel: Channel, error: TwoFactorError, next_vendor: Vendor | None,
        failures: list[TwoFactorError],
    ) -> None:  # fmt: skip
        """An error while resolving the application or template: fail over, or raise a local refusal."""
        decision = classify_setup_error(error)
        self._record(provider.vendor, decision)
        if decision.outcome is Outcome.RAISE:
            self._send_failed_event(provider.vendor, channel, error, decision, None)
            raise error
        self._failed_over(provider.vendor, channel, error, decision, None, next_vendor)
        failures.append(error)

    def _send_failed_event(
        self, vendor: Vendor, channel: Channel, error: TwoFactorError, decision: Decision, latency: float | None
    ) -> None:
        self.events.emit(
            VerifierEvent(
                "send_failed", vendor, channel, latency=latency, reason=decision.reason,
                error=type(error).__name__, status_code=error.status_code, retry_after=error.retry_after,
            )
        )  # fmt: skip

    def send_failed(
        self,
        provider: Provider,
        channel: Channel,
        to: str,
        error: TwoFactorError,
        latency: float,
        issued_ms: int,
        setup: tuple[str, str, float],
        scope: str | None,
        next_vendor: Vendor | None,
        failures: list[TwoFactorError],
    ) -> None:
        """After a send raised: append and return to fail over, or raise (the error, or SendNotConfirmedError)."""
        decision = classify_send_error(error, fail_over_on_rate_limit=self.fail_over_on_rate_limit)
        self._record(provider.vendor, decision)
        if decision.outcome is Outcome.FAIL_OVER:
            if decision.reason == "not_found":
                provider.forget()  # the application or template is gone: look again next time
            self._failed_over(provider.vendor, channel, error, decision, latency, next_vendor)
            failures.append(error)
            return
        if decision.outcome is Outcome.RAISE:
            self._send_failed_event(provider.vendor, channel, error, decision, latency)
            raise error
        delivery: Delivery = "accepted" if decision.outcome is Outcome.ACCEPTED else "unknown"
        challenge = self._make(provider.vendor, channel, to, None, scope, issued_ms, setup[2], delivery)
        self.events.emit(
            VerifierEvent(
                "delivery_unknown", provider.vendor, channel, latency=latency, reason=decision.reason,
                error=type(error).__name__, status_code=error.status_code, challenge_id=_cid(challenge),
            )
        )  # fmt: skip
        raise SendNotConfirmedError(challenge, error) from error

    def sent(
        self,
        provider: Provider,
        channel: Channel,
        to: str,
        sent: Sent,
        issued_ms: int,
        latency: float,
        next_vendor: Vendor | None,
        failures: list[TwoFactorError],
    ) -> Challenge | None:
        """The challenge of a send that went out; None (after a failover event) when nothing was sent."""
        if sent.not_sent is not None:
            error = NotSentError(provider.vendor, sent.operation, sent.not_sent)
            decision = classify_send_error(error)
            self._record(provider.vendor, decision)
            self._failed_over(provider.vendor, channel, error, decision, latency, next_vendor)
            failures.append(error)
            return None
        self.breakers[provider.vendor].record(True)
        challenge = self._make(
            provider.vendor, channel, to, sent.reference, sent.scope, issued_ms, sent.lifetime, "sent"
        )
        self.events.emit(VerifierEvent("sent", provider.vendor, channel, latency=latency, challenge_id=_cid(challenge)))
        return challenge

    @staticmethod
    def exhausted(channel: Channel, failures: list[TwoFactorError]) -> NoVendorAvailableError:
        return NoVendorAvailableError(channel, failures)

    # --- challenges coming back --------------------------------------------------------------------

    def trusted(self, value: Challenge | str) -> tuple[Challenge, Provider]:
        """The challenge, its signature checked when there is a secret, and the provider that sent it."""
        challenge = Challenge.parse(value)
        if self.keyring is not None:
            self.keyring.verify(challenge)
        provider = self.providers.get(challenge.vendor)
        if provider is None:
            raise ChallengeError(
                f"the challenge was sent by {challenge.vendor}, which this Verifier has no provider for"
            )
        return challenge, provider

    # --- check ---------------------------------------------------------------------------------------

    def before_check(self, challenge: Challenge, provider: Provider, code: object) -> tuple[VerifyResult | None, str]:
        """A result reached without the vendor (expired, or a code that cannot match), else the code to send."""
        if not isinstance(code, str):
            raise InvalidArgumentError(f"code must be a string, not {type(code).__name__}")
        if challenge.is_expired(self.now()):
            return self._rejected(challenge, EXPIRED), ""
        typed = code.strip().translate(_CODE_SEPARATORS) if len(code) <= MAX_CODE_INPUT_CHARS else ""
        if challenge.vendor == "infobip" and challenge.reference is None:
            raise ChallengeError("this Infobip challenge has no pinId (its send was not confirmed): start a new one")
        if not typed or not provider.code_can_match(typed):
            return self._rejected(challenge, WRONG_CODE), ""
        return None, typed

    def _rejected(self, challenge: Challenge, reason: str) -> VerifyResult:
        result = VerifyResult(vendor=challenge.vendor, verified=False, reason=reason, pin_id=challenge.pin_id)
        self.events.emit(
            VerifierEvent("rejected", challenge.vendor, challenge.channel, reason=reason, challenge_id=_cid(challenge))
        )
        return result

    def checked(self, challenge: Challenge, result: VerifyResult, latency: float) -> VerifyResult:
        """The vendor's answer in the common vocabulary (Bandwidth's bare ``valid: false`` gets a reason)."""
        if not result.verified and result.reason is None:
            reason = EXPIRED if challenge.is_expired(self.now()) else WRONG_CODE
            result = replace(result, reason=reason)
        self.breakers[challenge.vendor].record(True, may_close=False)
        self.events.emit(
            VerifierEvent(
                "verified" if result.verified else "rejected", challenge.vendor, challenge.channel, latency=latency,
                reason=result.reason, attempts_remaining=result.attempts_remaining, retry_after=result.retry_after,
                challenge_id=_cid(challenge),
            )
        )  # fmt: skip
        return result

    def check_failed(self, challenge: Challenge, error: TwoFactorError, latency: float) -> None:
        if counts_against_vendor(error):
            self.breakers[challenge.vendor].record(False)
        self.events.emit(
            VerifierEvent(
                "check_failed", challenge.vendor, challenge.channel, latency=latency, error=type(error).__name__,
                status_code=error.status_code, retry_after=error.retry_after, challenge_id=_cid(challenge),
            )
        )  # fmt: skip

    # --- resend --------------------------------------------------------------------------------------

    def before_resend(self, challenge: Challenge) -> None:
        if challenge.is_expired(self.now()):
            raise ChallengeError("the challenge has expired: start a new one instead of resending")
        if challenge.vendor == "infobip" and challenge.reference is None:
            raise ChallengeError("this Infobip challenge has no pinId (its send was not confirmed): start a new one")

    def resend_failed(
        self, challenge: Challenge, error: TwoFactorError, latency: float, issued_ms: int
    ) -> TwoFactorError:
        """The error to raise after a resend failed (never failed over: the challenge belongs to its vendor)."""
        decision = classify_send_error(error, fail_over_on_rate_limit=False)
        self._record(challenge.vendor, decision)
        if decision.outcome in (Outcome.UNKNOWN, Outcome.ACCEPTED):
            delivery: Delivery = "accepted" if decision.outcome is Outcome.ACCEPTED else "unknown"
            if challenge.vendor == "bandwidth":  # a new code may be out: its window starts now
                lifetime = (challenge.expires_at_ms - challenge.issued_at_ms) / 1000
                updated = self._make(
                    "bandwidth", challenge.channel, challenge.to, None, challenge.scope, issued_ms, lifetime, delivery
                )
            else:
                updated = replace(challenge, delivery=delivery, signature=None)
                updated = self.keyring.sign(updated) if self.keyring is not None else updated
            self.events.emit(
                VerifierEvent(
                    "delivery_unknown", challenge.vendor, challenge.channel, latency=latency, reason=decision.reason,
                    error=type(error).__name__, status_code=error.status_code, challenge_id=_cid(updated),
                )
            )  # fmt: skip
            wrapped = SendNotConfirmedError(updated, error)
            wrapped.__cause__ = error
            return wrapped
        self.events.emit(
            VerifierEvent(
                "resend_failed", challenge.vendor, challenge.channel, latency=latency, reason=decision.reason,
                error=type(error).__name__, status_code=error.status_code, retry_after=error.retry_after,
                challenge_id=_cid(challenge),
            )
        )  # fmt: skip
        return error

    def resent(self, challenge: Challenge, sent: Sent, issued_ms: int, latency: float) -> Challenge:
        self.breakers[challenge.vendor].record(True)
        if challenge.vendor == "bandwidth":  # a new code: a new reference and a new window, same scope
            updated = self._make(
                "bandwidth",
                challenge.channel,
                challenge.to,
                sent.reference,
                challenge.scope,
                issued_ms,
                sent.lifetime,
                "sent",
            )
        else:  # Infobip resends the same PIN, with the same time to live
            updated = replace(challenge, delivery="sent", signature=None)
            updated = self.keyring.sign(updated) if self.keyring is not None else updated
        self.events.emit(
            VerifierEvent("resent", challenge.vendor, challenge.channel, latency=latency, challenge_id=_cid(updated))
        )
        return updated


def perf() -> float:
    return time.perf_counter()
