"""Every Bandwidth MFA operation, property-tested against the spec: examples, coverage and fuzzing
phases, positive and negative data, all checks (wrong credentials fail the run). One test per
operation, named by its operationId."""

from __future__ import annotations

from typing import Any

import pytest
from schemathesis import Case

from contract_tests._budget import keeping_first_failure
from contract_tests._targets import bandwidth_target, load_schema

TARGET = bandwidth_target()
schema = load_schema("bandwidth-mfa.yaml", TARGET)


@pytest.fixture(autouse=True)
def fresh_mock() -> None:
    if TARGET.is_mock:
        TARGET.mock.reset()


@schema.parametrize()
def test_bandwidth_conforms(case: Case[Any], operation_id: str) -> None:
    with keeping_first_failure(("bandwidth", operation_id)):
        case.call_and_validate()
