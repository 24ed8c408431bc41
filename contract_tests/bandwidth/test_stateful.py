"""Stateful runs along the spec's links (generate -> verify), with the mock's outbox supplying the
real code, so `valid: true` is reached and not only the wrong-code paths."""

from __future__ import annotations

from typing import Any

from hypothesis import settings
from schemathesis import Case

from contract_tests._targets import bandwidth_target, load_schema

TARGET = bandwidth_target()
schema = load_schema("bandwidth-mfa.yaml", TARGET)
LINK_PLACEHOLDER_CODE = "123456"  # what the spec's generate -> verify links send as `code`


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


TestBandwidthWorkflow = BandwidthWorkflow.TestCase
TestBandwidthWorkflow.settings = settings(max_examples=25, stateful_step_count=6, deadline=None)
