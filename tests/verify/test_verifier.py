"""The Verifier's surface: configuration checks, channels, untrusted challenges, events and log lines."""

from __future__ import annotations

import json
import logging
import subprocess
import sys
from dataclasses import replace
from typing import Any

import pytest
import twofa_clients
from twofa_clients import (
    NO_RETRIES,
    AsyncInfobipClient,
    BandwidthClient,
    Challenge,
    InfobipClient,
    InvalidArgumentError,
    Verifier,
)
from twofa_clients.verify import (
    BandwidthProvider,
    ChallengeError,
    ChannelUnavailableError,
    InfobipProvider,
    Routing,
    VerifierEvent,
)
from twofa_clients.verify._challenge import Keyring

from tests.clients.fakes import FakeVendor, json_response
from tests.verify._world import FLAVOURS, SECRET, world, wrong

TO = "+41793026727"


@pytest.fixture(params=FLAVOURS)
def flavour(request: pytest.FixtureRequest) -> str:
    return str(request.param)


def infobip_client() -> InfobipClient:
    return InfobipClient("https://ib.example", api_key="k" * 32, transport=FakeVendor([]).transport)


def bandwidth_client() -> BandwidthClient:
    return BandwidthClient("9900000", username="u", password="p", transport=FakeVendor([]).transport)


# --- configuration --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"message": "no placeholder"}, "must contain {CODE}"),
        ({"digits": 3}, "digits"),
        ({"expiry_minutes": 16}, "expiry_minutes"),
        ({"expiry_minutes": True}, "expiry_minutes"),
        ({"from_number": "19195554321"}, "from_number"),
        ({"application_id": ""}, "application_id"),
        ({"scope": "a scope with spaces"}, "scope"),
        ({"scope": "x" * 26}, "scope"),
    ],
)
def test_bandwidth_provider_settings_are_checked(options: dict[str, Any], message: str) -> None:
    settings = {"application_id": "a", "from_number": "+19195554321", **options}
    with pytest.raises(InvalidArgumentError, match=message):
        BandwidthProvider(bandwidth_client(), **settings)


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"message_text": "Your code"}, "must contain {{pin}}"),
        ({"pin_length": 0}, "pin_length"),
        ({"pin_attempts": -1}, "pin_attempts"),
        ({"email_source_template_id": "12"}, "email_source_template_id"),
        ({"number_lookup": "yes"}, "number_lookup"),
        ({"application_name": " "}, "application_name"),
    ],
)
def test_infobip_provider_settings_are_checked(options: dict[str, Any], message: str) -> None:
    with pytest.raises(InvalidArgumentError, match=message):
        InfobipProvider(infobip_client(), **options)


def test_verifier_settings_are_checked() -> None:
    infobip = InfobipProvider(infobip_client())
    bandwidth = BandwidthProvider(bandwidth_client(), application_id="a", from_number="+19195554321")
    with pytest.raises(InvalidArgumentError, match="at least one"):
        Verifier([])
    with pytest.raises(InvalidArgumentError, match="twice"):
        Verifier([infobip, InfobipProvider(infobip_client())])
    with pytest.raises(InvalidArgumentError, match="no provider"):
        Verifier([infobip], routing=Routing(order=("bandwidth", "infobip")))
    with pytest.raises(InvalidArgumentError, match="old_secrets"):
        Verifier([infobip], old_secrets=[SECRET])
    with pytest.raises(InvalidArgumentError, match=r"Routing\.by_prefix"):
        Routing(by_prefix={"1": ("infobip",)})
    with pytest.raises(InvalidArgumentError, match="distinct"):
        Routing(order=("infobip", "infobip"))
    with pytest.raises(InvalidArgumentError, match="async"):
        twofa_clients.AsyncVerifier([infobip])
    async_provider = InfobipProvider(AsyncInfobipClient("https://ib.example", api_key="k" * 32))
    with pytest.raises(InvalidArgumentError, match="sync"):
        Verifier([async_provider])
    verifier = Verifier([bandwidth, infobip], secret=SECRET)
    assert verifier.channels == {"sms", "voice"}
    assert SECRET not in repr(verifier)
    assert "signed" in repr(verifier)


@pytest.mark.parametrize(
    ("to", "channel"),
    [("41793026727", "sms"), ("+0412", "sms"), ("+4179302672712345", "voice"), ("jane@", "email"), (None, "sms")],
)
def test_destinations_are_checked_before_any_vendor_is_called(to: Any, channel: str) -> None:
    vendor = FakeVendor([json_response(500, {})])
    client = InfobipClient("https://ib.example", api_key="k" * 32, transport=vendor.transport, retry=NO_RETRIES)
    verifier = Verifier(InfobipProvider(client, application_id="A", sms_template_id="T", email_template_id="E"))
    with pytest.raises(InvalidArgumentError) as info:
        verifier.start(to, channel)  # type: ignore[arg-type]
    assert vendor.requests == []
    assert not isinstance(to, str) or to not in str(info.value)
    with pytest.raises(InvalidArgumentError, match="channel"):
        verifier.start(TO, "fax")  # type: ignore[arg-type]


# --- against the mocks ----------------------------------------------------------------------------


@pytest.mark.anyio
async def test_email_goes_to_infobip_and_is_refused_where_no_vendor_has_it(flavour: str) -> None:
    async with world(flavour, order=("bandwidth", "infobip")) as w:
        with pytest.raises(ChannelUnavailableError, match="email"):
            await w.start("jane@example.com", "email")
    async with world(flavour, order=("bandwidth", "infobip"), infobip_provider={"email_source_template_id": 42}) as w:
        challenge = await w.start("  jane@example.com ", "email")
        assert (challenge.vendor, challenge.channel, challenge.to) == ("infobip", "email", "jane@example.com")
        delivery = w.infobip.outbox.last("jane@example.com")
        assert delivery is not None
        assert delivery.channel == "email"
        assert (await w.check(challenge, delivery.code)).verified


@pytest.mark.anyio
async def test_an_untrusted_challenge_is_refused_before_any_vendor_call(flavour: str) -> None:
    async with world(flavour, order=("infobip",)) as w:
        challenge = await w.start(TO)
        code = w.code("infobip", TO)
        calls = w.infobip_seen.count()
        tampered = replace(challenge, expires_at_ms=challenge.expires_at_ms + 3_600_000)
        unsigned = replace(challenge, signature=None)
        for bad in (tampered, unsigned, str(tampered), "tfa1.garbage.", "x" * 5000, unsigned.to_json()):
            with pytest.raises(ChallengeError):
                await w.check(bad, code)
            with pytest.raises(ChallengeError):
                await w.resend(bad)
        assert w.infobip_seen.count() == calls
        assert (await w.check(challenge.to_json(), code)).verified  # the JSON form works as the string does


@pytest.mark.anyio
async def test_a_challenge_from_an_unconfigured_vendor_is_refused(flavour: str) -> None:
    async with world(flavour, order=("bandwidth",)) as w:
        foreign = Keyring(SECRET).sign(Challenge("infobip", "sms", TO, "ABC", None, 0, 10**9))
        with pytest.raises(ChallengeError, match="no provider"):
            await w.check(foreign, "1234")


@pytest.mark.anyio
async def test_events_and_log_lines_carry_no_codes_destinations_or_secrets(
    flavour: str, caplog: pytest.LogCaptureFixture
) -> None:
    async with world(flavour) as w:
        caplog.set_level(logging.INFO, logger="twofa_clients.verify")
        from twofa_mocks import Fault

        challenge = await w.start("+41790000001")  # setup, then:
        w.infobip.faults.add(Fault(operation="send-2fa-pin-code-over-sms", status=503))
        other = await w.start(TO)
        code = w.code("bandwidth", TO)
        await w.check(other, wrong(code))
        await w.check(other, code)
        await w.check(challenge, w.code("infobip", "+41790000001"))
    assert w.kinds() == ["sent", "failed_over", "sent", "rejected", "verified", "verified"]
    assert [e.vendor for e in w.events] == ["infobip", "infobip", "bandwidth", "bandwidth", "bandwidth", "infobip"]
    assert all(e.latency is not None and e.latency >= 0 for e in w.events)
    records = [r for r in caplog.records if r.name == "twofa_clients.verify"]
    assert len(records) == len(w.events)
    assert [r.levelname for r in records] == ["INFO", "WARNING", "INFO", "INFO", "INFO", "INFO"]
    assert [r.twofa_event for r in records] == [e.as_dict() for e in w.events]  # type: ignore[attr-defined]
    text = caplog.text + json.dumps([e.as_dict() for e in w.events])
    for secret in (code, TO, TO.lstrip("+"), "41790000001", SECRET, other.scope or "-", other.reference or "-"):
        assert secret not in text
    assert "verifier failed_over: vendor=infobip channel=sms" in caplog.text
    assert "next_vendor=bandwidth" in caplog.text


@pytest.mark.anyio
async def test_a_hook_that_raises_is_logged_and_never_breaks_a_send(
    flavour: str, caplog: pytest.LogCaptureFixture
) -> None:
    def hook(event: VerifierEvent) -> None:
        raise RuntimeError("the application's bug")

    async with world(flavour, on_event=hook) as w:
        challenge = await w.start(TO)
        assert challenge.delivery == "sent"
        assert w.sent_to("infobip", TO) == 1
    assert "verifier event hook raised RuntimeError on a 'sent' event" in caplog.text


@pytest.mark.anyio
async def test_without_a_secret_challenges_are_unsigned_and_accepted(flavour: str) -> None:
    async with world(flavour, order=("bandwidth",), secret=None) as w:
        challenge = await w.start("+19195550001")
        assert challenge.signature is None
        assert str(challenge).endswith(".")
        assert (await w.check(str(challenge), w.code("bandwidth", "+19195550001"))).verified


def test_the_verifier_loads_lazily_and_without_the_vendors() -> None:
    code = (
        "import json, sys; import twofa_clients; before = 'twofa_clients.verify' in sys.modules; "
        "from twofa_clients import Verifier, AsyncVerifier, Challenge; "
        "loaded = [m for m in sys.modules if m.split('.')[0].endswith(('_client', 'aiohttp'))]; "
        "print(json.dumps([before, sorted(loaded)]))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout  # noqa: S603
    before, vendors = json.loads(out)
    assert before is False
    assert vendors == []
