"""The official Infobip SDK (infobip-api-python-client 6.0.0) works against the mock unchanged but for the host."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from infobip_api_client import (
    ApiClient,
    Configuration,
    TfaApi,
    TfaApplicationConfiguration,
    TfaApplicationRequest,
    TfaCreateEmailMessageRequest,
    TfaCreateMessageRequest,
    TfaLanguage,
    TfaPinType,
    TfaResendPinRequest,
    TfaStartAuthenticationRequest,
    TfaStartEmailAuthenticationRequest,
    TfaUpdateMessageRequest,
    TfaVerifyPinRequest,
)
from infobip_api_client.exceptions import ApiException, NotFoundException, UnauthorizedException
from twofa_mocks import InfobipConfig, InfobipMock, RunningServer, run_in_thread
from twofa_mocks.infobip import DEMO_API_KEY

TO = "41793026727"


@pytest.fixture(scope="module")
def served() -> Iterator[tuple[InfobipMock, RunningServer]]:
    mock = InfobipMock(InfobipConfig(demo_account=False))  # the flow lists what it creates
    with run_in_thread(mock.app) as server:
        yield mock, server


@pytest.fixture
def api(served: tuple[InfobipMock, RunningServer]) -> TfaApi:
    """A fresh mock behind the SDK. Models are built with their wire names (pydantic aliases), which
    mypy understands without the pydantic plugin; the SDK accepts both spellings."""
    mock, server = served
    mock.reset()
    # The SDK accepts plain http:// only for localhost and 127.0.0.1, which is where the mock listens.
    return TfaApi(ApiClient(Configuration(host=server.url, api_key=DEMO_API_KEY)))


def test_the_sdk_flow_create_send_verify_status(served: tuple[InfobipMock, RunningServer], api: TfaApi) -> None:
    mock, _ = served
    # The SDK's configuration model always sends all six fields, with its defaults.
    app = api.create_tfa_application(
        TfaApplicationRequest(name="SDK app", configuration=TfaApplicationConfiguration(pinAttempts=5))
    )
    assert app.application_id is not None
    assert app.configuration is not None
    assert (app.configuration.pin_attempts, app.configuration.pin_time_to_live) == (5, "15m")
    assert [a.application_id for a in api.get_tfa_applications()] == [app.application_id]
    template = api.create_tfa_message_template(
        app.application_id,
        TfaCreateMessageRequest(
            messageText="Your code is {{pin}}", pinType=TfaPinType.HEX, pinLength=6, language=TfaLanguage.PT_PT
        ),
    )
    assert (template.pin_type, template.language, template.pin_placeholder) == (
        TfaPinType.HEX,
        TfaLanguage.PT_PT,
        "{{pin}}",
    )
    assert template.message_id is not None
    sent = api.send_tfa_pin_code_over_sms(
        TfaStartAuthenticationRequest(applicationId=app.application_id, messageId=template.message_id, to=TO),
        nc_needed=True,
    )
    assert sent.pin_id is not None
    assert (sent.to, sent.nc_status, sent.sms_status) == (TO, "NC_DESTINATION_REACHABLE", "MESSAGE_SENT")
    resent = api.resend_tfa_pin_code_over_sms(sent.pin_id, TfaResendPinRequest())
    assert resent.pin_id == sent.pin_id
    delivery = mock.outbox.last(TO)
    assert delivery is not None
    assert len(delivery.code) == 6
    verified = api.verify_tfa_phone_number(sent.pin_id, TfaVerifyPinRequest(pin=delivery.code))
    assert (verified.verified, verified.msisdn, verified.pin_error) == (True, TO, None)
    status = api.get_tfa_verification_status(msisdn=TO, app_id=app.application_id, verified=True)
    assert status.verifications is not None
    assert [(v.msisdn, v.verified) for v in status.verifications] == [(TO, True)]


def test_the_sdk_reads_templates_of_every_kind(api: TfaApi) -> None:
    app = api.create_tfa_application(TfaApplicationRequest(name="kinds"))
    assert app.application_id is not None
    sms = api.create_tfa_message_template(
        app.application_id, TfaCreateMessageRequest(messageText="PIN {{pin}}", pinType=TfaPinType.NUMERIC)
    )
    assert sms.message_id is not None
    updated = api.update_tfa_message_template(
        app.application_id, sms.message_id, TfaUpdateMessageRequest(language=TfaLanguage.ZH_TW, speechRate=1.5)
    )
    assert (updated.language, updated.speech_rate, updated.message_text) == (TfaLanguage.ZH_TW, 1.5, "PIN {{pin}}")
    email = api.create_tfa_email_message_template(
        app.application_id,
        TfaCreateEmailMessageRequest.model_validate({"emailTemplateId": 1234, "from": "company@example.com"}),
    )
    assert (email.pin_length, email.pin_type) == (4, TfaPinType.NUMERIC)
    listed = api.get_tfa_message_templates(app.application_id)
    assert [t.message_id for t in listed] == [sms.message_id, email.message_id]
    assert email.message_id is not None
    sent = api.send2fa_pin_code_over_email(
        TfaStartEmailAuthenticationRequest(
            applicationId=app.application_id, messageId=email.message_id, to="john.smith@example.com"
        )
    )
    assert sent.email_status is not None
    assert sent.email_status.name == "PENDING_ACCEPTED"


def test_errors_raise_the_sdks_exceptions(served: tuple[InfobipMock, RunningServer], api: TfaApi) -> None:
    _, server = served
    with pytest.raises(NotFoundException) as not_found:
        api.get_tfa_application("0933F3BC087D2A617AC6DCB2EF5B8A61")
    assert not_found.value.status == 404
    assert "NOT_FOUND" in str(not_found.value.body)
    with pytest.raises(NotFoundException):
        api.verify_tfa_phone_number("0933F3BC087D2A617AC6DCB2EF5B8A61", TfaVerifyPinRequest(pin="1234"))
    wrong_key = TfaApi(ApiClient(Configuration(host=server.url, api_key="not-a-key")))
    with pytest.raises(UnauthorizedException):
        wrong_key.get_tfa_applications()
    app = api.create_tfa_application(TfaApplicationRequest(name="limits"))
    assert app.application_id is not None
    template = api.create_tfa_message_template(
        app.application_id, TfaCreateMessageRequest(messageText="{{pin}}", pinType=TfaPinType.NUMERIC)
    )
    assert template.message_id is not None
    request = TfaStartAuthenticationRequest(applicationId=app.application_id, messageId=template.message_id, to=TO)
    for _ in range(3):  # sendPinPerPhoneNumberLimit 3/1d
        api.send_tfa_pin_code_over_voice(request)
    with pytest.raises(ApiException) as throttled:
        api.send_tfa_pin_code_over_voice(request)
    assert throttled.value.status == 429
