"""What a live run may do to a real account, decided per operation before any request is sent."""

from __future__ import annotations

from typing import Any

import pytest

from contract_tests import _live
from contract_tests._coverage import SPECS, spec_operations
from contract_tests._settings import from_env

ALL = {vendor: spec_operations(vendor) for vendor in SPECS}
DEFAULT = from_env({"CONTRACT_TARGET": "live"})
CREATES = from_env({"CONTRACT_TARGET": "live", "CONTRACT_ALLOW_CREATES": "1"})
SENDS = from_env({"CONTRACT_TARGET": "live", "CONTRACT_ALLOW_SENDS": "1"})
RESOURCES = {
    _live.APP: "APP" + "0" * 29,
    _live.TEMPLATE: "TPL" + "0" * 29,
    _live.EMAIL_TEMPLATE: "EML" + "0" * 29,
}


@pytest.mark.parametrize("vendor", sorted(SPECS))
def test_every_spec_operation_has_exactly_one_rule(vendor: str) -> None:
    assert set(_live.RULES[vendor]) == set(ALL[vendor])


def test_an_operation_without_a_rule_never_runs_live() -> None:
    plan = _live.live_plan("infobip", ("get-2fa-applications", "delete-everything"), DEFAULT, {}, "")
    assert plan.running == ["get-2fa-applications"]
    assert "no live rule" in plan.not_run["delete-everything"]


def test_by_default_only_requests_that_change_nothing_run() -> None:
    infobip = _live.live_plan("infobip", ALL["infobip"], DEFAULT, {}, "")
    assert infobip.running == [
        "get-2fa-applications",
        "verify-2fa-phone-number",
        "v1-get-2fa-applications",
        "v1-verify-2fa-phone-number",
    ]
    assert infobip.not_run["create-2fa-application"] == (
        "creates an application, which cannot be deleted: needs CONTRACT_ALLOW_CREATES=1"
    )
    assert infobip.not_run["send-2fa-pin-code-over-sms"] == (
        "texts a PIN: needs CONTRACT_ALLOW_SENDS=1, INFOBIP_TEST_APPLICATION_ID, INFOBIP_TEST_MSISDN, "
        "INFOBIP_TEST_TEMPLATE_ID"
    )
    assert infobip.not_run["get-2fa-application"] == "reads the test application: needs INFOBIP_TEST_APPLICATION_ID"
    assert infobip.not_run["v1-create-api-key"].endswith("runs against the mock only")
    bandwidth = _live.live_plan("bandwidth", ALL["bandwidth"], DEFAULT, {}, "")
    assert bandwidth.running == ["verifyCode"]
    assert bandwidth.not_run["generateMessagingCode"] == (
        "texts a code: needs CONTRACT_ALLOW_SENDS=1, BANDWIDTH_FROM_NUMBER, BANDWIDTH_MESSAGING_APPLICATION_ID, "
        "BANDWIDTH_TEST_NUMBER"
    )


def test_designated_resources_let_reads_and_updates_run_but_still_no_create_or_send() -> None:
    plan = _live.live_plan("infobip", ALL["infobip"], DEFAULT, RESOURCES, "")
    kinds = {plan.kind(op) for op in plan.running}
    assert kinds == {_live.READ, _live.UPDATE}
    assert "update-2fa-email-message-template" in plan.running
    assert all(plan.kind(op) in (_live.CREATE, _live.SEND, _live.NEVER) for op in plan.not_run)


def test_creates_run_only_when_allowed_and_never_the_api_key() -> None:
    plan = _live.live_plan("infobip", ALL["infobip"], CREATES, RESOURCES, "")
    created = {op for op in plan.running if plan.kind(op) == _live.CREATE}
    assert created == {
        "create-2fa-application",
        "v1-create-2fa-application",
        "create-2fa-message-template",
        "v1-create-2fa-message-template",
        "create-2fa-email-message-template",
    }
    assert "v1-create-api-key" in plan.not_run


def test_sends_need_permission_and_a_test_destination() -> None:
    no_destination = _live.live_plan("infobip", ALL["infobip"], SENDS, RESOURCES, "")
    assert not [op for op in no_destination.running if no_destination.kind(op) == _live.SEND]
    env = {**RESOURCES, _live.MSISDN: "41793026727"}
    plan = _live.live_plan("infobip", ALL["infobip"], SENDS, env, "")
    sent = {op for op in plan.running if plan.kind(op) == _live.SEND}
    assert sent == {
        f"{prefix}{op}"
        for prefix in ("", "v1-")
        for op in ("send-2fa-pin-code-over-sms", "send-2fa-pin-code-over-voice", "resend-2fa-pin-code-over-sms",
                   "resend-2fa-pin-code-over-voice")
    }  # fmt: skip
    assert "INFOBIP_TEST_EMAIL" in plan.not_run["send-2fa-pin-code-over-email"]


def test_missing_credentials_leave_every_operation_not_run_with_that_reason() -> None:
    plan = _live.live_plan("bandwidth", ALL["bandwidth"], DEFAULT, {}, "bandwidth credentials missing: set X")
    assert plan.running == []
    assert set(plan.not_run.values()) == {"bandwidth credentials missing: set X"}
    assert plan.credentials_problem == "bandwidth credentials missing: set X"


def test_a_request_is_pinned_to_the_test_resources_and_keeps_its_missing_fields_missing() -> None:
    env = {**RESOURCES, _live.MSISDN: "41793026727"}
    plan = _live.live_plan("infobip", ALL["infobip"], SENDS, env, "")
    path: dict[str, Any] = {"appId": "someone-elses-app", "msgId": None}
    _live.pin_request(plan, "get-2fa-message-template", path, None)
    assert path == {"appId": RESOURCES[_live.APP], "msgId": RESOURCES[_live.TEMPLATE]}
    body: dict[str, Any] = {"applicationId": 7, "to": "+999", "placeholders": {"a": "b"}}
    _live.pin_request(plan, "send-2fa-pin-code-over-sms", {}, body)
    # messageId stays missing: the vendor rejects the request instead of sending to the test number.
    assert body == {"applicationId": RESOURCES[_live.APP], "to": "41793026727", "placeholders": {"a": "b"}}
    _live.pin_request(plan, "send-2fa-pin-code-over-sms", {}, ["not", "an", "object"])  # left to be rejected


def test_a_verify_is_pinned_to_the_test_number_only_when_there_is_one() -> None:
    body = {"to": "+15550001111", "code": "1234"}
    _live.pin_request(_live.live_plan("bandwidth", ALL["bandwidth"], DEFAULT, {}, ""), "verifyCode", {}, body)
    assert body["to"] == "+15550001111"
    env = {_live.BW_TO: "+19195550142"}
    _live.pin_request(_live.live_plan("bandwidth", ALL["bandwidth"], DEFAULT, env, ""), "verifyCode", {}, body)
    assert body["to"] == "+19195550142"


def test_names_are_printable_prefixed_bounded_and_numbered() -> None:
    plan = _live.live_plan("infobip", ALL["infobip"], CREATES, RESOURCES, "")
    bodies: list[dict[str, Any]] = [{"name": "\x00\x07évil\u202e" * 40}, {"name": ""}, {"enabled": True}]
    for body in bodies:
        _live.pin_request(plan, "create-2fa-application", {}, body)
    names = [body["name"] for body in bodies if "name" in body]
    assert len(names) == 2
    assert len(set(names)) == 2
    for name in names:
        assert name.startswith(_live.NAME_PREFIX)
        assert name.isprintable()
        assert name.isascii()
        assert len(name) <= _live.MAX_NAME_LENGTH
    assert bodies[2] == {"enabled": True}  # no name given, none added: the vendor rejects it


def test_a_name_past_the_bound_is_refused() -> None:
    names = _live.Names("x" * 30)
    with pytest.raises(ValueError, match="at most 32 characters"):
        names.next()
