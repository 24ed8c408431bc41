"""``Verifier`` and ``AsyncVerifier``: one verification API across Infobip and Bandwidth.

    verifier = Verifier([InfobipProvider(infobip, ...), BandwidthProvider(bandwidth, ...)], secret=SECRET)
    challenge = verifier.start("+41793026727", channel="sms")   # keep str(challenge) in the session
    result = verifier.check(session["challenge"], code)         # VerifyResult(verified, reason, ...)

``start`` tries the vendors in the routing order and moves to the next only when the current one
certainly did not send (see ``_failover``); ``check`` and ``resend`` always go to the vendor that sent.
The decisions live in ``_core``; the two classes below are the same steps, blocking and awaited.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence

from .._errors import TwoFactorError
from .._verify import VerifyResult
from ._breaker import BreakerPolicy, State
from ._challenge import Challenge
from ._core import Core, perf
from ._destination import Channel
from ._events import VerifierEvent
from ._providers import Provider
from ._routing import Routing
from ._vendor import Vendor


class _VerifierBase:
    """The configuration both flavours take (see ``Verifier``)."""

    _is_async = False

    def __init__(
        self,
        providers: Sequence[Provider] | Provider,
        *,
        secret: str | bytes | None = None,
        old_secrets: Sequence[str | bytes] = (),
        routing: Routing | None = None,
        breaker: BreakerPolicy | None = None,
        on_event: Callable[[VerifierEvent], object] | None = None,
        clock: Callable[[], float] = time.time,
        fail_over_on_rate_limit: bool = True,
    ) -> None:
        self._core = Core(
            providers,
            is_async=self._is_async,
            secret=secret,
            old_secrets=old_secrets,
            routing=routing,
            breaker=breaker,
            on_event=on_event,
            clock=clock,
            fail_over_on_rate_limit=fail_over_on_rate_limit,
        )

    @property
    def channels(self) -> frozenset[Channel]:
        """Every channel some configured vendor sends over."""
        return self._core.channels()

    def circuit_state(self, vendor: Vendor) -> State:
        """``"closed"``, ``"open"`` or ``"half_open"``: the vendor's circuit breaker now."""
        return self._core.circuit_state(vendor)

    def parse(self, challenge: Challenge | str) -> Challenge:
        """A challenge from a session, its signature checked: ``ChallengeError`` if it cannot be trusted."""
        return self._core.trusted(challenge)[0]

    def __repr__(self) -> str:
        signed = "signed" if self._core.keyring is not None else "unsigned"
        return f"{type(self).__name__}(vendors={list(self._core.providers)}, challenges={signed!r})"


class Verifier(_VerifierBase):
    """Send and check one-time codes through Infobip and Bandwidth (sync clients).

    ``providers``: an ``InfobipProvider`` and/or a ``BandwidthProvider``, built on sync clients; their
    order is the default routing order. ``secret`` (16 to 1024 bytes): sign challenges and accept only
    signed ones (``old_secrets`` are still accepted: rotation). ``routing``: the vendor order, by
    country prefix if wanted. ``breaker``: the circuit breakers' policy. ``on_event``: called with a
    ``VerifierEvent`` for every step. ``clock``: epoch seconds (expiry and breakers). ``fail_over_on_rate_limit``:
    whether a 429 on a send moves to the next vendor (turn it off to keep a vendor's per-number send
    limit as a limit). The clients stay the caller's: the Verifier never closes them.
    """

    def start(self, to: str, channel: Channel = "sms") -> Challenge:
        """Send a code to ``to`` (E.164 for sms and voice, an address for email); the challenge to keep.

        Raises ``NoVendorAvailableError`` when no vendor sent (nothing went out), and
        ``SendNotConfirmedError`` (with ``.challenge``) when a send may have gone out unconfirmed.
        """
        core = self._core
        channel_, to_, providers = core.plan(to, channel)
        failures: list[TwoFactorError] = []
        for index, provider in enumerate(providers):
            next_vendor = providers[index + 1].vendor if index + 1 < len(providers) else None
            if not core.admit(provider, channel_, next_vendor, failures):
                continue
            try:
                setup = provider.prepare(channel_)
            except TwoFactorError as error:
                core.setup_failed(provider, channel_, error, next_vendor, failures)
                continue
            scope = provider.next_scope()
            issued_ms = round(core.now() * 1000)
            started = perf()
            try:
                sent = provider.send(to_, channel_, setup, scope)
            except TwoFactorError as error:
                core.send_failed(
                    provider, channel_, to_, error, perf() - started, issued_ms, setup, scope, next_vendor, failures
                )
                continue
            challenge = core.sent(provider, channel_, to_, sent, issued_ms, perf() - started, next_vendor, failures)
            if challenge is not None:
                return challenge
        exhausted = core.exhausted(channel_, failures)
        raise exhausted from (failures[-1] if failures else None)

    def check(self, challenge: Challenge | str, code: str) -> VerifyResult:
        """Check ``code`` against the vendor that sent the challenge: ``verified``, or why not (``reason``)."""
        core = self._core
        trusted, provider = core.trusted(challenge)
        early, typed = core.before_check(trusted, provider, code)
        if early is not None:
            return early
        started = perf()
        try:
            result = provider.check(trusted, typed)
        except TwoFactorError as error:
            core.check_failed(trusted, error, perf() - started)
            raise
        return core.checked(trusted, result, perf() - started)

    def resend(self, challenge: Challenge | str) -> Challenge:
        """Deliver the code again through the vendor that sent it: Infobip resends the same PIN, Bandwidth
        sends a new code in the same scope. Keep the returned challenge. A 429 is raised with ``retry_after``."""
        core = self._core
        trusted, provider = core.trusted(challenge)
        core.before_resend(trusted)
        issued_ms = round(core.now() * 1000)
        started = perf()
        try:
            sent = provider.resend(trusted)
        except TwoFactorError as error:
            failure = core.resend_failed(trusted, error, perf() - started, issued_ms)
            if failure is error:
                raise
            raise failure from error
        return core.resent(trusted, sent, issued_ms, perf() - started)


class AsyncVerifier(_VerifierBase):
    """``Verifier`` with coroutines, on async clients (``AsyncInfobipClient``, ``AsyncBandwidthClient``)."""

    _is_async = True

    async def start(self, to: str, channel: Channel = "sms") -> Challenge:
        """See ``Verifier.start``."""
        core = self._core
        channel_, to_, providers = core.plan(to, channel)
        failures: list[TwoFactorError] = []
        for index, provider in enumerate(providers):
            next_vendor = providers[index + 1].vendor if index + 1 < len(providers) else None
            if not core.admit(provider, channel_, next_vendor, failures):
                continue
            try:
                setup = await provider.aprepare(channel_)
            except TwoFactorError as error:
                core.setup_failed(provider, channel_, error, next_vendor, failures)
                continue
            scope = provider.next_scope()
            issued_ms = round(core.now() * 1000)
            started = perf()
            try:
                sent = await provider.asend(to_, channel_, setup, scope)
            except TwoFactorError as error:
                core.send_failed(
                    provider, channel_, to_, error, perf() - started, issued_ms, setup, scope, next_vendor, failures
                )
                continue
            challenge = core.sent(provider, channel_, to_, sent, issued_ms, perf() - started, next_vendor, failures)
            if challenge is not None:
                return challenge
        exhausted = core.exhausted(channel_, failures)
        raise exhausted from (failures[-1] if failures else None)

    async def check(self, challenge: Challenge | str, code: str) -> VerifyResult:
        """See ``Verifier.check``."""
        core = self._core
        trusted, provider = core.trusted(challenge)
        early, typed = core.before_check(trusted, provider, code)
        if early is not None:
            return early
        started = perf()
        try:
            result = await provider.acheck(trusted, typed)
        except TwoFactorError as error:
            core.check_failed(trusted, error, perf() - started)
            raise
        return core.checked(trusted, result, perf() - started)

    async def resend(self, challenge: Challenge | str) -> Challenge:
        """See ``Verifier.resend``."""
        core = self._core
        trusted, provider = core.trusted(challenge)
        core.before_resend(trusted)
        issued_ms = round(core.now() * 1000)
        started = perf()
        try:
            sent = await provider.aresend(trusted)
        except TwoFactorError as error:
            failure = core.resend_failed(trusted, error, perf() - started, issued_ms)
            if failure is error:
                raise
            raise failure from error
        return core.resent(trusted, sent, issued_ms, perf() - started)
