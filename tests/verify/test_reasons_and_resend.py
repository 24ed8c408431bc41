"""One vocabulary of reasons for both vendors, and resend through the vendor that sent.

A wrong code, an expired code and exhausted attempts give WRONG_PIN, TTL_EXPIRED and
NO_MORE_PIN_ATTEMPTS on Infobip (its own pinError) and on Bandwidth (mapped from valid=false, the
challenge's expiry and the 429 lock-out), in-process and over HTTP.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from twofa_clients import NO_RETRIES, BandwidthClient, Challenge, InfobipClient, RateLimitError, Verifier
from twofa_clients.verify import BandwidthProvider, ChallengeError, InfobipProvider
from twofa_mocks import Fault
from twofa_mocks.infobip import DEMO_APPLICATION_ID

from tests.clients.fakes import FakeVendor, json_response
from tests.verify._world import FLAVOURS, World, world, wrong

pytestmark = pytest.mark.anyio
VENDORS = ("infobip", "bandwidth")


@pytest.fixture(params=FLAVOURS)
def flavour(request: pytest.FixtureRequest) -> str:
    return str(request.param)


def numbers() -> Iterator[str]:
    n = 0
    while True:
        n += 1
        yield f"+1919555{n:04d}"


async def started(w: World, vendor: str, to: str) -> tuple[Challenge, str]:
    challenge = await w.start(to)
    assert challenge.vendor == vendor
    return challenge, w.code(vendor, to)


@pytest.mark.parametrize("vendor", VENDORS)
async def test_a_wrong_code_an_expired_code_and_exhausted_attempts_give_the_same_reasons(
    flavour: str, vendor: str
) -> None:
    order = (vendor,)
    async with world(flavour, order=order) as w:
        w.bandwidth.configure({"lockoutThreshold": 3})  # Infobip's application allows 3 attempts too
        to = numbers()

        # A wrong code.
        challenge, code = await started(w, vendor, next(to))
        result = await w.check(challenge, wrong(code))
        assert (result.vendor, result.verified, result.reason) == (vendor, False, "WRONG_PIN")
        assert result.known_reason == "WRONG_PIN"
        assert (await w.check(challenge, code)).verified  # the right one still works after it

        # An expired code: both challenges live 2 minutes; past that the vendor is not even asked.
        challenge, code = await started(w, vendor, next(to))
        w.clock.advance(121)
        seen = w.infobip_seen.count("/verify") + w.bandwidth_seen.count("/verify")
        result = await w.check(challenge, code)
        assert (result.verified, result.reason, result.attempts_remaining) == (False, "TTL_EXPIRED", None)
        assert w.infobip_seen.count("/verify") + w.bandwidth_seen.count("/verify") == seen

        # Exhausted attempts: three wrong codes, then even the right code is refused.
        challenge, code = await started(w, vendor, next(to))
        for _ in range(3):
            assert (await w.check(challenge, wrong(code))).verified is False
        result = await w.check(challenge, code)
        assert (result.verified, result.reason, result.attempts_remaining) == (False, "NO_MORE_PIN_ATTEMPTS", 0)
        if vendor == "bandwidth":  # a lock-out says when the number may be checked again
            assert result.retry_after == 120
        assert [e.reason for e in w.events if e.kind == "rejected"][-1] == "NO_MORE_PIN_ATTEMPTS"


def test_infobip_reasons_newer_than_the_vocabulary_pass_through_unchanged() -> None:
    app = {"applicationId": "A", "name": "n", "enabled": True, "configuration": {"pinTimeToLive": "10m"}}
    sent = {"pinId": "P1", "to": "41790000001", "smsStatus": "MESSAGE_SENT"}
    verdict = {"pinId": "P1", "msisdn": "41790000001", "verified": False, "pinError": "PIN_BLOCKED"}
    vendor = FakeVendor([json_response(200, app), json_response(200, sent), json_response(200, verdict)])
    client = InfobipClient("https://ib.example", api_key="k" * 32, transport=vendor.transport, retry=NO_RETRIES)
    verifier = Verifier(InfobipProvider(client, application_id="A", sms_template_id="T"), clock=lambda: 50.0)
    result = verifier.check(verifier.start("+41790000001"), "123456")
    assert (result.verified, result.reason, result.known_reason) == (False, "PIN_BLOCKED", None)


async def test_a_code_that_cannot_match_is_wrong_without_asking_the_vendor(flavour: str) -> None:
    async with world(flavour, order=("bandwidth",)) as w:
        challenge, code = await started(w, "bandwidth", "+19195550001")
        for typed in ("", "   ", "12", "123456789", "12a456", "x" * 10_000):
            result = await w.check(challenge, typed)
            assert (result.verified, result.reason) == (False, "WRONG_PIN")
        assert w.bandwidth_seen.count("/verify") == 0
        # Spaces and hyphens a person types inside a code are dropped.
        assert (await w.check(challenge, f" {code[:3]} {code[3:]} ")).verified


async def test_infobip_resend_delivers_the_same_pin_under_the_same_id(flavour: str) -> None:
    async with world(flavour, order=("infobip",)) as w:
        challenge, code = await started(w, "infobip", "+41790000001")
        w.clock.advance(30)
        again = await w.resend(str(challenge))
        assert (again.reference, again.expires_at_ms, again.delivery) == (
            challenge.reference,
            challenge.expires_at_ms,
            "sent",
        )
        deliveries = w.infobip.outbox.list("41790000001")
        assert [d.code for d in deliveries] == [code, code]
        assert (await w.check(again, code)).verified
        assert w.kinds()[-2:] == ["resent", "verified"]


async def test_bandwidth_resend_is_a_new_code_in_the_same_scope(flavour: str) -> None:
    async with world(flavour, order=("bandwidth",)) as w:
        challenge, _first = await started(w, "bandwidth", "+19195550001")
        w.clock.advance(60)
        again = await w.resend(challenge)
        assert (again.scope, again.issued_at_ms) == (challenge.scope, challenge.issued_at_ms + 60_000)
        assert again.expires_at_ms == challenge.expires_at_ms + 60_000  # a new window for the new code
        assert again.reference != challenge.reference
        deliveries = w.bandwidth.outbox.list("+19195550001")
        assert len(deliveries) == 2
        assert {d.extra["scope"] for d in deliveries} == {challenge.scope}
        assert (await w.check(again, deliveries[1].code)).verified
        # The events of both sends correlate: the same challenge id.
        assert len({e.challenge_id for e in w.events}) == 1


async def test_a_resend_refused_by_a_limit_carries_retry_after_and_is_not_failed_over(flavour: str) -> None:
    async with world(flavour, infobip_provider={"send_pin_per_phone_number_limit": "1/1d"}) as w:
        challenge, _ = await started(w, "infobip", "+41790000001")
        with pytest.raises(RateLimitError) as info:
            await w.resend(challenge)
        assert info.value.retry_after is not None
        assert info.value.retry_after > 0
        assert w.bandwidth_seen.count() == 0
        assert w.kinds()[-1] == "resend_failed"


async def test_a_resend_that_times_out_returns_nothing_but_the_unknown_delivery(flavour: str) -> None:
    async with world(flavour, order=("bandwidth",)) as w:
        challenge, first = await started(w, "bandwidth", "+19195550001")
        w.bandwidth.faults.add(Fault(operation="generateMessagingCode", drop=True))
        from twofa_clients.verify import SendNotConfirmedError

        with pytest.raises(SendNotConfirmedError) as info:
            await w.resend(challenge)
        unknown = info.value.challenge
        assert (unknown.delivery, unknown.scope) == ("unknown", challenge.scope)
        assert (await w.check(unknown, first)).verified  # the first code lives on in the same scope


async def test_an_expired_challenge_is_not_resent(flavour: str) -> None:
    async with world(flavour) as w:
        challenge, _ = await started(w, "infobip", "+41790000001")
        w.clock.advance(121)
        with pytest.raises(ChallengeError, match="expired"):
            await w.resend(challenge)
        assert w.infobip_seen.count("/resend") == 0


def test_bandwidth_valid_false_after_the_challenge_expired_during_the_call_reads_as_expired() -> None:
    """The clock moves past the expiry while the vendor answers: valid=false means expired then."""
    times = iter([1000.0, 1000.0, 1000.0 + 119, 1000.0 + 121])
    vendor = FakeVendor([json_response(200, {"messageId": "m1"}), json_response(200, {"valid": False})])
    client = BandwidthClient("9900000", username="u", password="p", transport=vendor.transport, retry=NO_RETRIES)
    provider = BandwidthProvider(client, application_id="a", from_number="+19195554321", expiry_minutes=2)
    verifier = Verifier(provider, clock=lambda: next(times))
    challenge = verifier.start("+19195550001")
    result = verifier.check(challenge, "123456")
    assert (result.verified, result.reason) == (False, "TTL_EXPIRED")


def test_an_unreadable_2xx_on_a_send_is_accepted_not_failed_over() -> None:
    """A 2xx the layer cannot read: the vendor took it (a PIN may be out), so nothing else is tried."""
    app = {"applicationId": "A", "name": "n", "enabled": True, "configuration": {"pinTimeToLive": "10m"}}
    vendor = FakeVendor(
        [json_response(200, app), json_response(200, {"pinId": 7}), json_response(200, {"valid": True})]
    )
    client = InfobipClient("https://ib.example", api_key="k" * 32, transport=vendor.transport, retry=NO_RETRIES)
    other = FakeVendor([json_response(200, {"messageId": "m"})])
    bw = BandwidthClient("9900000", username="u", password="p", transport=other.transport, retry=NO_RETRIES)
    verifier = Verifier(
        [
            InfobipProvider(client, application_id="A", sms_template_id="T"),
            BandwidthProvider(bw, application_id="a", from_number="+19195554321"),
        ]
    )
    from twofa_clients.verify import SendNotConfirmedError

    with pytest.raises(SendNotConfirmedError) as info:
        verifier.start("+41790000001")
    assert info.value.challenge.delivery == "accepted"
    assert info.value.request_accepted is True
    assert other.requests == []


def test_explicit_ids_are_used_as_given_and_the_ttl_read_once() -> None:
    app = {"applicationId": "A", "name": "n", "enabled": True, "configuration": {"pinTimeToLive": "90s"}}
    sent = {"pinId": "P1", "to": "41790000001", "smsStatus": "MESSAGE_SENT"}
    vendor = FakeVendor([json_response(200, app), json_response(200, sent)])
    client = InfobipClient("https://ib.example", api_key="k" * 32, transport=vendor.transport, retry=NO_RETRIES)
    verifier = Verifier(InfobipProvider(client, application_id="A", sms_template_id="T"), clock=lambda: 50.0)
    first = verifier.start("+41790000001")
    second = verifier.start("+41790000001")
    assert (first.reference, first.expires_at - first.issued_at) == ("P1", 90)
    paths = [(r.method, r.url.path) for r in vendor.requests]
    assert paths == [("GET", "/2fa/2/applications/A"), ("POST", "/2fa/2/pin"), ("POST", "/2fa/2/pin")]
    body: Any = httpx.Response(200, content=vendor.requests[1].content).json()
    assert body == {"applicationId": "A", "messageId": "T", "to": "41790000001", "trackDelivery": False}
    assert second.to == "+41790000001"


async def test_setup_is_found_again_not_created_twice(flavour: str) -> None:
    """A second Verifier (a restarted process) reuses the application and template by name and text."""
    async with world(flavour, order=("infobip",)) as w:
        await w.start("+41790000001")
        # The Verifier's own application, found by name beside the mock's demo application.
        apps = [app for app in w.infobip.store.applications.values() if app.id != DEMO_APPLICATION_ID]
        assert len(apps) == 1
        assert len(apps[0].templates) == 1
        provider = w.verifier._core.providers["infobip"]
        provider.forget()  # as a new process would start
        await w.start("+41790000002")
        assert len(w.infobip.store.applications) == 2  # the demo application and the Verifier's
        assert len(apps[0].templates) == 1
