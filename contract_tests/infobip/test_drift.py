"""The contract suite catches an Infobip mock that drifted from the spec: each broken variant must
make the checks fail that pass against the real mock."""

from __future__ import annotations

import json
from typing import Any

import pytest
from schemathesis.specs.openapi.checks import positive_data_acceptance
from twofa_mocks import InfobipConfig, InfobipMock
from twofa_mocks.infobip import DEMO_API_KEY

from contract_tests._checks import positive_data_acceptance_with_documented_rejections
from contract_tests._drift import Variant, accept_without_credentials, broken, failure_codes, run_generated
from contract_tests._settings import current
from contract_tests._targets import Target, load_schema

if current().live:
    pytest.skip("mock only: the drift tests break the mock on purpose; never run live", allow_module_level=True)

AUTH = {"Authorization": f"App {DEMO_API_KEY}"}
UNAUTHORIZED = {"requestError": {"serviceException": {"messageId": "UNAUTHORIZED", "text": "Unauthorized"}}}


def rewrite_json(status: int, change: Any, new_status: int | None = None) -> Any:
    def rewrite(path: str, headers: dict[str, str], got: int, content: bytes) -> tuple[int, bytes]:
        if got != status:
            return got, content
        return new_status or got, json.dumps(change(json.loads(content))).encode()

    return rewrite


VARIANTS = [
    Variant(
        "wrong field type",
        "create-2fa-application",
        "/2fa/2/applications",
        rewrite_json(200, lambda b: {**b, "enabled": "yes"}),
        "ST108",
    ),
    Variant(
        "missing required field",
        "create-2fa-application",
        "/2fa/2/applications",
        rewrite_json(200, lambda b: {k: v for k, v in b.items() if k != "applicationId"}),
        "ST108",
    ),
    Variant(  # 200 and 201 are documented here (spec/README.md, C8); 202 is not
        "undocumented status",
        "create-2fa-application",
        "/2fa/2/applications",
        rewrite_json(200, lambda b: b, 202),
        "ST103",
    ),
    Variant(
        "wrong error body shape",
        "create-2fa-application",
        "/2fa/2/applications",
        rewrite_json(400, lambda b: {"error": "Bad request", "requestId": "r-1"}),
        "ST108",
        negative=True,
    ),
    Variant(
        "valid credentials rejected",
        "create-2fa-application",
        "/2fa/2/applications",
        rewrite_json(200, lambda b: UNAUTHORIZED, 401),
        "ST202",
    ),
    Variant(
        "credentials not enforced",
        "get-2fa-applications",
        "/2fa/2/applications",
        accept_without_credentials([]),
        "ST401",
    ),
]


def run(app: Any, operation_id: str, *, negative: bool = False) -> None:
    target = Target("infobip", "asgi", "http://infobip.mock", AUTH, app=app)
    schema = load_schema("infobip-2fa.yaml", target, counted=False)
    run_generated(
        schema,
        operation_id,
        AUTH,
        negative=negative,
        excluded_checks=[positive_data_acceptance],
        additional_checks=[positive_data_acceptance_with_documented_rejections],
    )


def real_mock() -> Any:
    return InfobipMock(InfobipConfig(accept_both_spellings=False, demo_account=False)).app


@pytest.mark.parametrize(
    ("operation_id", "negative"),
    [("create-2fa-application", False), ("create-2fa-application", True), ("get-2fa-applications", False)],
)
def test_the_real_mock_passes_the_same_checks(operation_id: str, negative: bool) -> None:
    run(real_mock(), operation_id, negative=negative)


@pytest.mark.parametrize("variant", VARIANTS, ids=lambda v: v.name)
def test_each_broken_variant_is_caught(variant: Variant) -> None:
    with pytest.raises(BaseExceptionGroup) as caught:  # schemathesis FailureGroup
        run(broken(real_mock(), variant), variant.operation_id, negative=variant.negative)
    assert variant.expected_code in failure_codes(caught.value), (variant.name, str(caught.value)[:2000])
