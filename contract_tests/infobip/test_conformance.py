"""Every Infobip 2FA operation (/2fa/2 and the deprecated /2fa/1), property-tested against the spec:
examples, coverage and fuzzing phases, positive and negative data, all checks. One test per
operation, named by its operationId."""

from __future__ import annotations

from typing import Any

import pytest
from schemathesis import Case
from schemathesis.specs.openapi.checks import positive_data_acceptance

from contract_tests._budget import keeping_first_failure
from contract_tests._checks import positive_data_acceptance_with_documented_rejections
from contract_tests._targets import INFOBIP_BASIC, infobip_target, load_schema

TARGET = infobip_target()
schema = load_schema("infobip-2fa.yaml", TARGET)


@pytest.fixture(autouse=True)
def fresh_mock() -> None:
    if TARGET.is_mock:
        TARGET.mock.reset()


@schema.parametrize()
def test_infobip_conforms(case: Case[Any], operation_id: str) -> None:
    # API-key creation takes Basic credentials only (the mock's; it never runs live); every other
    # operation the App key.
    with keeping_first_failure(("infobip", operation_id)):
        case.call_and_validate(
            headers={"Authorization": INFOBIP_BASIC} if operation_id == "v1-create-api-key" else None,
            excluded_checks=[positive_data_acceptance],
            additional_checks=[positive_data_acceptance_with_documented_rejections],
        )
