"""The contract suite catches a mock that drifted from the spec: each broken variant of the Bandwidth
mock must make the same checks fail that pass against the real mock."""

from __future__ import annotations

import pytest
from twofa_mocks import BandwidthMock
from twofa_mocks.bandwidth import DEMO_ACCOUNT, DEMO_PASSWORD, DEMO_USER

from contract_tests._drift import Variant, accept_without_credentials, broken, failure_codes, on_status, run_generated
from contract_tests._settings import current
from contract_tests._targets import Target, basic_header, load_schema

if current().live:
    pytest.skip("mock only: the drift tests break the mock on purpose; never run live", allow_module_level=True)

GENERATE = {
    "to": "+19195551234",
    "from": "+19195554321",
    "applicationId": "app-1",
    "message": "Code {CODE}",
    "digits": 6,
}
VERIFY = {"to": "+19195551234", "expirationTimeInMinutes": 3, "code": "123456"}
BODIES = {"generateMessagingCode": GENERATE, "generateVoiceCode": GENERATE, "verifyCode": VERIFY}
AUTH = {"Authorization": basic_header(DEMO_USER, DEMO_PASSWORD)}

VARIANTS = [
    Variant("wrong field type", "verifyCode", "/code/verify", on_status(200, body={"valid": "yes"}), "ST108"),
    # `valid` is required (the verdict); callId/messageId are optional, as in the vendor's document.
    Variant("missing required field", "verifyCode", "/code/verify", on_status(200, body={}), "ST108"),
    Variant("undocumented status", "generateMessagingCode", "/code/messaging", on_status(200, 202), "ST103"),
    Variant(
        "wrong error body shape",
        "generateMessagingCode",
        "/code/messaging",
        on_status(400, body={"message": "to number is required"}),
        "ST108",
        negative=True,
    ),
    Variant(
        "valid credentials rejected",
        "verifyCode",
        "/code/verify",
        on_status(200, 401, {"message": "Unauthorized"}),
        "ST202",
    ),
    Variant(
        "credentials not enforced",
        "verifyCode",
        "/code/verify",
        accept_without_credentials({"valid": False}),
        "ST401",
    ),
]


def target_for(app: object) -> Target:
    return Target(
        "bandwidth",
        "asgi",
        "http://bandwidth.mock/api/v1",
        AUTH,
        mock=None,
        app=app,
        parameters={"path.accountId": DEMO_ACCOUNT},
    )


def run(app: object, operation_id: str, *, negative: bool = False) -> None:
    schema = load_schema("bandwidth-mfa.yaml", target_for(app), counted=False)
    path = {"accountId": DEMO_ACCOUNT}
    run_generated(schema, operation_id, AUTH, negative=negative, path_parameters=path)


@pytest.mark.parametrize("negative", [False, True], ids=["positive", "negative"])
@pytest.mark.parametrize("operation_id", sorted(BODIES))
def test_the_real_mock_passes_the_same_checks(operation_id: str, negative: bool) -> None:
    run(BandwidthMock().app, operation_id, negative=negative)


@pytest.mark.parametrize("variant", VARIANTS, ids=lambda v: v.name)
def test_each_broken_variant_is_caught(variant: Variant) -> None:
    with pytest.raises(BaseExceptionGroup) as caught:  # schemathesis FailureGroup
        run(broken(BandwidthMock().app, variant), variant.operation_id, negative=variant.negative)
    assert variant.expected_code in failure_codes(caught.value), (variant.name, str(caught.value)[:2000])
