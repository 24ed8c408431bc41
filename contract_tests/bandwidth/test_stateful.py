"""Stateful runs along the spec's links (generate -> verify), with the mock's outbox supplying the
real code, so `valid: true` is reached and not only the wrong-code paths."""

from __future__ import annotations

from collections import Counter
from typing import Any

import pytest
from hypothesis import settings
from schemathesis import Case, Response

from contract_tests._settings import current
from contract_tests._targets import bandwidth_target, load_schema

if current().live:
    pytest.skip("mock only: the stateful run sends a code at every generate step", allow_module_level=True)
TARGET = bandwidth_target()
schema = load_schema("bandwidth-mfa.yaml", TARGET)
LINK_PLACEHOLDER_CODE = "123456"  # what the spec's generate -> verify links send as `code`
OUTCOMES: Counter[str] = Counter()  # verify answers seen by the state machine


class BandwidthWorkflow(schema.as_state_machine()):  # type: ignore[misc]
    def setup(self) -> None:
        if TARGET.is_mock:
            TARGET.mock.reset()

    def before_call(self, case: Case[Any]) -> None:
        # The [parameters] overrides do not reach stateful steps: pin the account here too.
        case.path_parameters = {**(case.path_parameters or {}), "accountId": TARGET.parameters["path.accountId"]}
        body: Any = case.body
        is_verify = case.operation.definition.raw.get("operationId") == "verifyCode"
        if not (TARGET.is_mock and is_verify and isinstance(body, dict)):
            return
        if body.get("code") != LINK_PLACEHOLDER_CODE or not isinstance(body.get("to"), str):
            return
        scope = body.get("scope", "2FA")
        sent = [d for d in TARGET.mock.outbox.list(body["to"]) if d.extra.get("scope") == scope]
        if sent:
            body["code"] = sent[-1].code  # the code the user would have typed

    def after_call(self, response: Response, case: Case[Any]) -> None:
        super().after_call(response, case)
        if case.operation.definition.raw.get("operationId") == "verifyCode" and response.status_code == 200:
            OUTCOMES[f"valid={response.json().get('valid')}"] += 1


TestBandwidthWorkflow = BandwidthWorkflow.TestCase
TestBandwidthWorkflow.settings = settings(max_examples=25, stateful_step_count=6, deadline=None)


def test_the_workflow_reached_both_verify_outcomes() -> None:
    # Runs after TestBandwidthWorkflow (file order): the links and the outbox must have led to a
    # successful verification, not only to wrong-code answers.
    assert OUTCOMES["valid=True"] > 0, OUTCOMES
    assert OUTCOMES["valid=False"] > 0, OUTCOMES
