"""A user's test suite against the mock: only the twofa_mocks pytest fixtures, the clients and public names.

It runs here (``make test``) and, from a fresh virtualenv where the wheel is installed with ``[mock]``,
in tests/test_packaging.py, so what a user would write works from an install as it does in the repository.
"""

from __future__ import annotations

import httpx
import pytest
from bandwidth_mfa_client.models import CodeRequest
from infobip_2fa_client.models import TfaStartAuthenticationRequest
from twofa_clients import (
    NO_RETRIES,
    AsyncBandwidthClient,
    AsyncInfobipClient,
    BandwidthClient,
    InfobipClient,
    PermissionDeniedError,
    ServiceUnavailableError,
)
from twofa_mocks import BandwidthMock, Fault, InfobipMock, MockControl, Outbox
from twofa_mocks.bandwidth import DEMO_ACCOUNT, DEMO_CLIENT_ID, DEMO_CLIENT_SECRET
from twofa_mocks.infobip import DEMO_API_KEY, DEMO_APPLICATION_ID, DEMO_SMS_MESSAGE_ID, DEMO_VOICE_MESSAGE_ID
from twofa_mocks.pytest_plugin import MockServer

PHONE = "41793026727"
US_PHONE = "+19195551234"
CODE_REQUEST = CodeRequest(to=US_PHONE, from_="+19195554321", application_id="app", message="Code {CODE}", digits=6)


def sms(to: str = PHONE, message_id: str = DEMO_SMS_MESSAGE_ID) -> TfaStartAuthenticationRequest:
    return TfaStartAuthenticationRequest(application_id=DEMO_APPLICATION_ID, message_id=message_id, to=to)


def test_a_first_send_succeeds_with_the_demo_application(infobip_client: InfobipClient, infobip_outbox: Outbox) -> None:
    sent = infobip_client.send_2fa_pin_code_over_sms(sms())
    delivery = infobip_outbox.last(PHONE)
    assert delivery is not None
    code = delivery.code
    assert len(code) == 6
    assert infobip_client.verify_2fa_phone_number(str(sent.pin_id), code).verified is True


@pytest.mark.anyio
async def test_async_infobip_voice_and_a_wrong_pin(
    async_infobip_client: AsyncInfobipClient, infobip_mock: InfobipMock
) -> None:
    sent = await async_infobip_client.send_2fa_pin_code_over_voice(sms(message_id=DEMO_VOICE_MESSAGE_ID))
    delivery = infobip_mock.outbox.last(PHONE)
    assert delivery is not None
    assert delivery.channel == "voice"
    wrong = "1" if delivery.code[0] != "1" else "2"
    result = await async_infobip_client.verify_2fa_phone_number(str(sent.pin_id), wrong + delivery.code[1:])
    assert (result.verified, result.reason) == (False, "WRONG_PIN")


@pytest.mark.anyio
async def test_async_bandwidth_send_and_verify(
    async_bandwidth_client: AsyncBandwidthClient, bandwidth_outbox: Outbox
) -> None:
    await async_bandwidth_client.generate_messaging_code(CODE_REQUEST)
    delivery = bandwidth_outbox.last(US_PHONE)
    assert delivery is not None
    assert (await async_bandwidth_client.verify_code(US_PHONE, delivery.code, 3)).verified is True


def test_sync_bandwidth_with_a_fault_and_the_frozen_clock(
    bandwidth_client: BandwidthClient, bandwidth_mock: BandwidthMock
) -> None:
    bandwidth_mock.faults.add(Fault(operation="generateMessagingCode", status=503))
    with pytest.raises(ServiceUnavailableError):
        bandwidth_client.generate_messaging_code(CODE_REQUEST)  # a send is never retried
    bandwidth_client.generate_messaging_code(CODE_REQUEST)
    delivery = bandwidth_mock.outbox.last(US_PHONE)
    assert delivery is not None
    bandwidth_mock.clock.advance(4 * 60)  # past a 3-minute verify window, without sleeping
    assert bandwidth_client.verify_code(US_PHONE, delivery.code, 3).verified is False


@pytest.mark.twofa_mock(infobip={"demoAccount": False})
def test_the_marker_empties_the_account(infobip_client: InfobipClient) -> None:
    assert infobip_client.get_2fa_applications() == []


@pytest.mark.parametrize(
    "bandwidth_mock", [{"deniedIdentities": ["demo-api-user"], "deniedIdentitiesAnyPassword": True}], indirect=True
)
def test_an_indirect_parameter_configures_the_mock(bandwidth_client: BandwidthClient) -> None:
    with pytest.raises(PermissionDeniedError):
        bandwidth_client.generate_messaging_code(CODE_REQUEST)


def test_infobip_over_http_read_through_mock_control(infobip_server: MockServer) -> None:
    with InfobipClient(infobip_server.base_url, api_key=DEMO_API_KEY, retry=NO_RETRIES) as client:
        sent = client.send_2fa_pin_code_over_sms(sms())
        control = MockControl(infobip_server.url)  # as an app in another process would
        code = control.last_code("+" + PHONE)  # with or without the "+"
        assert client.verify_2fa_phone_number(str(sent.pin_id), code).verified is True
        assert control.advance(60).frozen is True
        control.close()


@pytest.mark.twofa_mock(bandwidth={"lockoutThreshold": 2})
def test_bandwidth_over_http_with_oauth2(bandwidth_server: MockServer) -> None:
    assert bandwidth_server.control.config()["lockoutThreshold"] == 2
    with BandwidthClient(
        DEMO_ACCOUNT, client_id=DEMO_CLIENT_ID, client_secret=DEMO_CLIENT_SECRET, base_url=bandwidth_server.base_url
    ) as client:
        client.generate_messaging_code(CODE_REQUEST)
    # An unencoded "+" in the query arrives as a space: the outbox still finds the number.
    raw = httpx.get(f"{bandwidth_server.url}/_mock/outbox?to={US_PHONE}").json()
    assert [d["to"] for d in raw["deliveries"]] == [US_PHONE]
    assert bandwidth_server.control.last_code(US_PHONE) == raw["deliveries"][0]["code"]


@pytest.mark.parametrize("round_", [1, 2])
def test_each_test_gets_the_server_reset(infobip_server: MockServer, round_: int) -> None:
    with InfobipClient(infobip_server.base_url, api_key=DEMO_API_KEY) as client:
        client.send_2fa_pin_code_over_sms(sms())
    assert len(infobip_server.control.outbox()) == 1
    assert infobip_server.control.config()["demoAccount"] is True  # the marker of another test did not stick
