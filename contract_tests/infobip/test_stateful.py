"""Stateful runs along the spec's links (create application -> create template -> send PIN ->
verify / resend / verification status), with the mock's outbox supplying the real PIN for about half
of the verifications, so `verified: true` is reached and not only the wrong-PIN paths."""

from __future__ import annotations

from collections import Counter
from typing import Any

import pytest
from hypothesis import settings
from schemathesis import Case, GenerationMode, Response
from schemathesis.specs.openapi.checks import positive_data_acceptance
from twofa_mocks.infobip._store import Configuration

from contract_tests._checks import positive_data_acceptance_with_documented_rejections
from contract_tests._settings import current
from contract_tests._targets import infobip_target, load_schema

if current().live:
    pytest.skip("mock only: every chain creates an application and a template and sends a PIN", allow_module_level=True)
TARGET = infobip_target()
# The 2FA flow only, with schema-valid data: the chain application -> template -> PIN -> verify is four
# links deep, and the other operations (and invalid data, which the conformance run covers) would take
# the steps it needs to get there.
FLOW = [
    f"{prefix}{op}"
    for prefix in ("", "v1-")
    for op in (
        "create-2fa-application",
        "create-2fa-message-template",
        "send-2fa-pin-code-over-sms",
        "send-2fa-pin-code-over-voice",
        "resend-2fa-pin-code-over-sms",
        "verify-2fa-phone-number",
        "get-2fa-verification-status",
    )
] + ["create-2fa-email-message-template", "send-2fa-pin-code-over-email", "resend-2fa-pin-code-over-email"]
schema = load_schema("infobip-2fa.yaml", TARGET).include(operation_id=FLOW)
schema.config.generation.update(modes=[GenerationMode.POSITIVE])
VERIFY_OPERATIONS = {"verify-2fa-phone-number", "v1-verify-2fa-phone-number"}
APP_CREATION = {"create-2fa-application", "v1-create-2fa-application"}
WORKABLE_CONFIGURATION = Configuration(
    pin_attempts=5, verify_pin_limit="100/1s", send_pin_per_phone_number_limit="100/1d"
)
OUTCOMES: Counter[str] = Counter()


def _operation_id(case: Case[Any]) -> str:
    return str(case.operation.definition.raw.get("operationId"))


class InfobipWorkflow(schema.as_state_machine()):  # type: ignore[misc]
    def setup(self) -> None:
        if TARGET.is_mock:
            TARGET.mock.reset()

    def before_call(self, case: Case[Any]) -> None:
        body: Any = case.body
        if not (TARGET.is_mock and _operation_id(case) in VERIFY_OPERATIONS):
            return
        pin_id = (case.path_parameters or {}).get("pinId")
        sent = [d for d in TARGET.mock.outbox.list() if d.reference == pin_id]
        # The real PIN for PIN ids ending in an even hex digit, the generated (wrong) one otherwise.
        if sent and isinstance(body, dict) and isinstance(pin_id, str) and int(pin_id[-1], 16) % 2 == 0:
            body["pin"] = sent[-1].code

    def after_call(self, response: Response, case: Case[Any]) -> None:
        super().after_call(response, case)
        if TARGET.is_mock and _operation_id(case) in APP_CREATION and response.status_code == 200:
            # Random TTLs and limits (the conformance run covers them) end most chains in TTL_EXPIRED
            # or 429 before a PIN is verified: give the flow's applications a workable configuration,
            # behind schemathesis' back so the generated data stays as generated.
            app = TARGET.mock.store.applications[response.json()["applicationId"]]
            app.enabled = True
            app.configuration = WORKABLE_CONFIGURATION
        if _operation_id(case) in VERIFY_OPERATIONS and response.status_code == 200:
            OUTCOMES[f"verified={response.json().get('verified')}"] += 1

    def validate_response(self, response: Response, case: Case[Any], **kwargs: Any) -> None:
        kwargs.pop("additional_checks", None)
        case.validate_response(
            response,
            excluded_checks=[positive_data_acceptance],
            additional_checks=[positive_data_acceptance_with_documented_rejections],
        )


TestInfobipWorkflow = InfobipWorkflow.TestCase
TestInfobipWorkflow.settings = settings(max_examples=50, stateful_step_count=10, deadline=None)


def test_the_workflow_reached_both_verify_outcomes() -> None:
    assert OUTCOMES["verified=True"] > 0, OUTCOMES
    assert OUTCOMES["verified=False"] > 0, OUTCOMES
