"""Failover never sends twice: against both mocks, in-process (async) and over HTTP (sync).

The next vendor sends only when the current one certainly did not (refused connection, 401/403, a
5xx or 429 it answered itself, an open circuit); each case is checked in both outboxes. After a
timeout or a dropped connection the code may be on its way: no failover, and the delivery is unknown.
"""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from twofa_clients import CallLimits, RateLimitError, ServiceUnavailableError
from twofa_clients.verify import (
    BreakerPolicy,
    CircuitOpenError,
    NotSentError,
    NoVendorAvailableError,
    Routing,
    SendNotConfirmedError,
)
from twofa_mocks import Fault

from tests.verify._world import FLAVOURS, closed_port, world

pytestmark = pytest.mark.anyio
TO = "+41793026727"
SEND_SMS = "send-2fa-pin-code-over-sms"


@pytest.fixture(params=FLAVOURS)
def flavour(request: pytest.FixtureRequest) -> str:
    return str(request.param)


async def test_the_primary_sends_when_it_is_up_and_the_secondary_is_never_called(flavour: str) -> None:
    async with world(flavour) as w:
        challenge = await w.start(TO)
        assert (challenge.vendor, challenge.channel, challenge.to, challenge.delivery) == ("infobip", "sms", TO, "sent")
        assert (w.sent_to("infobip", TO), w.sent_to("bandwidth", TO), w.bandwidth_seen.count()) == (1, 0, 0)
        assert (await w.check(challenge, w.code("infobip", TO))).verified
        assert w.kinds() == ["sent", "verified"]


@pytest.mark.parametrize(
    ("down", "reason"),
    [
        ("503", "server_error"),
        ("500", "server_error"),
        ("429", "rate_limited"),
        ("401", "not_authorized"),
        ("refused", "not_connected"),
    ],
)
async def test_primary_down_the_secondary_sends_exactly_once(flavour: str, down: str, reason: str) -> None:
    options: dict[str, Any] = {}
    if down == "401":
        options["infobip_client"] = {"api_key": "not-a-key-the-mock-knows"}
    if down == "refused":
        options["infobip_refused"] = True
    async with world(flavour, **options) as w:
        if down in ("503", "500", "429"):
            w.infobip.faults.add(Fault(operation=SEND_SMS, status=int(down)))
            # the Verifier finds or creates its application and template first: send them through
            await w.start("+41790000001")
            w.infobip.faults.clear()
            w.infobip.faults.add(Fault(operation=SEND_SMS, status=int(down)))
            w.events.clear()
        challenge = await w.start(TO)
        assert challenge.vendor == "bandwidth"
        assert (w.sent_to("infobip", TO), w.sent_to("bandwidth", TO)) == (0, 1)
        assert w.bandwidth_seen.count("/code/messaging") == 1 + (down in ("503", "500", "429"))
        failed_over = w.events[0]
        assert (failed_over.kind, failed_over.vendor, failed_over.next_vendor) == (
            "failed_over",
            "infobip",
            "bandwidth",
        )
        assert failed_over.reason == reason
        assert w.kinds()[-1] == "sent"
        assert w.events[-1].vendor == "bandwidth"
        # check goes to the vendor that sent, whatever the primary's state
        assert (await w.check(str(challenge), w.code("bandwidth", TO))).verified
        assert not w.infobip.faults.pending() or down == "refused"


async def test_a_send_that_timed_out_is_not_failed_over_and_its_delivery_is_unknown(flavour: str) -> None:
    client: dict[str, object]
    if flavour == "sync-over-http":  # the read times out well before the mock answers
        client = {"timeout": httpx.Timeout(5.0, read=0.2)}
    else:  # in-process, the call's deadline ends it
        client = {"limits": CallLimits(deadline=0.2)}
    async with world(flavour, infobip_client=client) as w:
        await w.start("+41790000001")  # application and template created on the way
        w.infobip.faults.add(Fault(operation=SEND_SMS, latency=0.5))
        with pytest.raises(SendNotConfirmedError) as info:
            await w.start(TO)
        challenge = info.value.challenge
        assert (challenge.vendor, challenge.delivery, challenge.reference, challenge.to) == (
            "infobip",
            "unknown",
            None,
            TO,
        )
        assert info.value.request_sent is None
        assert type(info.value.__cause__).__name__ == "APITimeoutError"
        assert (w.bandwidth_seen.count(), w.sent_to("bandwidth", TO)) == (0, 0)  # no failover
        assert w.infobip_seen.count("/pin") == 2  # the earlier send and this one, never repeated
        assert w.kinds()[-1] == "delivery_unknown"
        # Without a pinId the Infobip challenge cannot be checked: a clear error, not a guess.
        with pytest.raises(ValueError, match="no pinId"):
            await w.check(challenge, "123456")


async def test_a_dropped_connection_on_a_bandwidth_send_leaves_a_checkable_challenge(flavour: str) -> None:
    async with world(flavour, order=("bandwidth", "infobip")) as w:
        w.bandwidth.faults.add(Fault(operation="generateMessagingCode", drop=True))
        with pytest.raises(SendNotConfirmedError) as info:
            await w.start("+19195550100")
        challenge = info.value.challenge
        assert (challenge.vendor, challenge.delivery, challenge.scope is not None) == ("bandwidth", "unknown", True)
        assert (w.infobip_seen.count(), w.sent_to("infobip", "+19195550100")) == (0, 0)  # no failover
        # The mock dropped it before sending: nothing to enter. Had it sent, the code would verify,
        # since Bandwidth finds codes by number and scope; a wrong code is simply wrong.
        result = await w.check(challenge, "123456")
        assert (result.verified, result.reason) == (False, "WRONG_PIN")


@pytest.mark.parametrize("status", [502, 504])
async def test_a_gateway_error_on_a_send_is_not_failed_over(flavour: str, status: int) -> None:
    async with world(flavour, order=("bandwidth", "infobip")) as w:
        w.bandwidth.faults.add(Fault(operation="generateMessagingCode", status=status))
        with pytest.raises(SendNotConfirmedError) as info:
            await w.start("+19195550101")
        assert info.value.challenge.delivery == "unknown"
        assert info.value.status_code == status
        assert w.infobip_seen.count() == 0


async def test_a_circuit_opens_and_closes_with_the_mock_clock(flavour: str) -> None:
    policy = BreakerPolicy(failures=2, window=60, cooldown=30)
    async with world(flavour, breaker=policy) as w:
        await w.start("+41790000001")  # setup and one healthy send
        w.infobip.faults.add(Fault(operation=SEND_SMS, status=503, remaining=2))
        for number in ("+41790000002", "+41790000003"):
            assert (await w.start(number)).vendor == "bandwidth"
        assert w.verifier.circuit_state("infobip") == "open"
        assert "circuit_opened" in w.kinds()

        # Open: Infobip is skipped without a request, even though it would now answer.
        before = w.infobip_seen.count("/pin")
        w.clock.advance(29)
        assert (await w.start("+41790000004")).vendor == "bandwidth"
        assert w.infobip_seen.count("/pin") == before
        skipped = [e for e in w.events if e.reason == "circuit_open"]
        assert skipped
        assert skipped[-1].next_vendor == "bandwidth"
        assert skipped[-1].retry_after == pytest.approx(1)

        # After the cool-down one probe goes through; it succeeds and closes the circuit.
        w.clock.advance(2)
        assert w.verifier.circuit_state("infobip") == "half_open"
        challenge = await w.start("+41790000005")
        assert challenge.vendor == "infobip"
        assert w.verifier.circuit_state("infobip") == "closed"
        assert w.kinds()[-2:] == ["circuit_closed", "sent"]
        assert w.sent_to("infobip", "+41790000005") == 1
        assert w.sent_to("bandwidth", "+41790000005") == 0


async def test_a_failed_probe_opens_the_circuit_again(flavour: str) -> None:
    async with world(flavour, breaker=BreakerPolicy(failures=1, window=60, cooldown=30)) as w:
        await w.start("+41790000001")
        w.infobip.faults.add(Fault(operation=SEND_SMS, status=503, remaining=2))
        await w.start("+41790000002")
        w.clock.advance(31)
        assert (await w.start("+41790000003")).vendor == "bandwidth"  # the probe failed over
        assert w.verifier.circuit_state("infobip") == "open"
        assert w.kinds().count("circuit_opened") == 2


async def test_when_every_vendor_fails_before_sending_nothing_is_sent_and_all_failures_are_named(
    flavour: str,
) -> None:
    async with world(flavour) as w:
        await w.start("+41790000001")
        w.infobip.faults.add(Fault(operation=SEND_SMS, status=429, retry_after=7))
        w.bandwidth.faults.add(Fault(operation="generateMessagingCode", status=503, retry_after=30))
        with pytest.raises(NoVendorAvailableError) as info:
            await w.start(TO)
        assert [type(e) for e in info.value.failures] == [RateLimitError, ServiceUnavailableError]
        assert info.value.retry_after == 7
        assert info.value.request_sent is False
        assert (w.sent_to("infobip", TO), w.sent_to("bandwidth", TO)) == (0, 0)
        assert w.kinds()[-2:] == ["failed_over", "send_failed"]


async def test_rate_limits_can_be_kept_as_limits_instead_of_failing_over(flavour: str) -> None:
    async with world(flavour, fail_over_on_rate_limit=False) as w:
        await w.start("+41790000001")
        w.infobip.faults.add(Fault(operation=SEND_SMS, status=429))
        with pytest.raises(RateLimitError):
            await w.start(TO)
        assert w.bandwidth_seen.count() == 0


async def test_infobip_not_sending_after_number_lookup_fails_over(flavour: str) -> None:
    async with world(flavour) as w:
        w.infobip.configure({"numberLookup": {TO.lstrip("+"): "NC_DESTINATION_NOT_REACHABLE"}})
        challenge = await w.start(TO)
        assert challenge.vendor == "bandwidth"
        assert (w.sent_to("infobip", TO), w.sent_to("bandwidth", TO)) == (0, 1)
        assert w.events[0].reason == "not_sent"
        assert w.events[0].error == NotSentError.__name__


async def test_routing_by_country_prefix_and_channels_a_vendor_lacks(flavour: str) -> None:
    routing = Routing(order=("infobip", "bandwidth"), by_prefix={"+1": ("bandwidth", "infobip")})
    async with world(flavour, routing=routing) as w:
        assert (await w.start("+19195550102")).vendor == "bandwidth"
        assert (await w.start("+41790000009")).vendor == "infobip"
        # Bandwidth has no voice application here: a +1 voice code goes to Infobip instead.
        voice = await w.start("+19195550103", "voice")
        assert (voice.vendor, voice.channel) == ("infobip", "voice")
        assert w.infobip.outbox.last("19195550103").channel == "voice"  # type: ignore[union-attr]


async def test_an_open_circuit_alone_is_named_when_no_other_vendor_can_send(flavour: str) -> None:
    async with world(flavour, order=("infobip",), breaker=BreakerPolicy(failures=1, window=60, cooldown=30)) as w:
        await w.start("+41790000001")
        w.infobip.faults.add(Fault(operation=SEND_SMS, status=503))
        with pytest.raises(NoVendorAvailableError):
            await w.start(TO)
        with pytest.raises(NoVendorAvailableError) as info:
            await w.start(TO)
        (failure,) = info.value.failures
        assert isinstance(failure, CircuitOpenError)
        assert failure.retry_after == 30


def test_refused_port_helper_is_really_closed() -> None:
    port = closed_port()
    with pytest.raises(httpx.ConnectError):
        httpx.get(f"http://127.0.0.1:{port}/", timeout=2)
