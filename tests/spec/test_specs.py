"""The hand-written OpenAPI documents are complete, exact and self-consistent.

Each structural check also runs against a deliberately broken copy, to show it can fail.
"""

from __future__ import annotations

import copy
import re
from typing import Any

import pytest

from tests import specdoc
from tests.spec import rules as checks
from tests.spec.seed_examples import (
    BANDWIDTH_SEED_EXAMPLES,
    BANDWIDTH_SEED_INVALID_REQUEST,
    INFOBIP_SEED_EXAMPLES,
    V1_LANGUAGES,
    SeedExample,
)

VENDORS = [checks.INFOBIP, checks.BANDWIDTH]
V2_LANGUAGES = [
    "en", "es", "ca", "da", "nl", "fr", "de", "it", "ja", "ko", "no",
    "pl", "ru", "sv", "fi", "hr", "sl", "ro", "pt_pt", "pt_br", "zh_cn", "zh_tw",
]  # fmt: skip
V2_OPERATION_IDS = {
    "get-2fa-applications", "create-2fa-application", "get-2fa-application", "update-2fa-application",
    "get-2fa-message-templates", "create-2fa-message-template", "get-2fa-message-template",
    "update-2fa-message-template", "create-2fa-email-message-template", "update-2fa-email-message-template",
    "send-2fa-pin-code-over-sms", "resend-2fa-pin-code-over-sms", "send-2fa-pin-code-over-voice",
    "resend-2fa-pin-code-over-voice", "send-2fa-pin-code-over-email", "resend-2fa-pin-code-over-email",
    "verify-2fa-phone-number", "get-2fa-verification-status",
}  # fmt: skip


@pytest.fixture(scope="module")
def infobip() -> dict[str, Any]:
    return specdoc.load("infobip-2fa.yaml")


@pytest.fixture(scope="module")
def bandwidth() -> dict[str, Any]:
    return specdoc.load("bandwidth-mfa.yaml")


def _doc(rules: checks.VendorRules) -> dict[str, Any]:
    return specdoc.load(rules.spec_file)


def missing_seed_examples(doc: dict[str, Any], seeds: list[SeedExample]) -> list[SeedExample]:
    return [s for s in seeds if s.value not in specdoc.examples_at(doc, s.operation_id, s.status)]


def v1_language_problems(doc: dict[str, Any]) -> list[str]:
    enum = doc["components"]["schemas"]["TfaV1Language"]["enum"]
    return [] if enum == V1_LANGUAGES else [f"TfaV1Language is {enum}, the seed table is {V1_LANGUAGES}"]


def _ops(doc: dict[str, Any]) -> dict[str, tuple[str, str, dict[str, Any]]]:
    return {op["operationId"]: (method, path, op) for method, path, op, _ in specdoc.operations(doc)}


# --- the real documents pass every check ----------------------------------------------------------


@pytest.mark.parametrize("rules", VENDORS, ids=lambda r: r.spec_file)
def test_document_is_valid_openapi_3_1(rules: checks.VendorRules) -> None:
    doc = _doc(rules)
    assert doc["openapi"] == "3.1.0"
    assert checks.check_openapi_valid(doc) == []


@pytest.mark.parametrize("rules", VENDORS, ids=lambda r: r.spec_file)
def test_every_operation_is_fully_documented(rules: checks.VendorRules) -> None:
    assert checks.check_operations(_doc(rules), rules) == []


@pytest.mark.parametrize("rules", VENDORS, ids=lambda r: r.spec_file)
def test_every_parameter_and_property_has_a_description(rules: checks.VendorRules) -> None:
    assert checks.check_descriptions(_doc(rules)) == []


@pytest.mark.parametrize("rules", VENDORS, ids=lambda r: r.spec_file)
def test_every_example_validates_against_its_schema(rules: checks.VendorRules) -> None:
    doc = _doc(rules)
    assert len(list(checks.all_examples(doc))) > 20
    assert checks.check_examples(doc) == []
    assert checks.check_invalid_request_examples(doc) == []


@pytest.mark.parametrize(
    ("rules", "seed"),
    [(checks.INFOBIP, s) for s in INFOBIP_SEED_EXAMPLES] + [(checks.BANDWIDTH, s) for s in BANDWIDTH_SEED_EXAMPLES],
    ids=lambda v: f"{v.seed}-{v.operation_id}-{v.status or 'request'}" if isinstance(v, SeedExample) else "",
)
def test_seed_example_is_present_and_valid(rules: checks.VendorRules, seed: SeedExample) -> None:
    doc = _doc(rules)
    assert missing_seed_examples(doc, [seed]) == []
    _, _, op = _ops(doc)[seed.operation_id]
    if seed.status is None:
        media = specdoc.resolve(doc, op["requestBody"])["content"]["application/json"]
    else:
        media = specdoc.resolve(doc, op["responses"][seed.status])["content"]["application/json"]
    assert specdoc.example_errors(doc, media["schema"], seed.value, seed.operation_id) == []


def test_bandwidth_seed_400_request_is_documented_and_rejected(bandwidth: dict[str, Any]) -> None:
    _, _, op = _ops(bandwidth)["generateMessagingCode"]
    values = [ex["value"] for ex in op["x-invalid-request-examples"].values()]
    assert BANDWIDTH_SEED_INVALID_REQUEST.value in values
    schema = specdoc.resolve(bandwidth, op["requestBody"])["content"]["application/json"]["schema"]
    assert specdoc.example_errors(bandwidth, schema, BANDWIDTH_SEED_INVALID_REQUEST.value, "seed") != []


# --- Infobip specifics -------------------------------------------------------------------------------


def test_infobip_v1_languages_are_exactly_the_seed_table(infobip: dict[str, Any]) -> None:
    assert v1_language_problems(infobip) == []


def test_infobip_v2_languages_are_the_22_underscore_codes(infobip: dict[str, Any]) -> None:
    assert infobip["components"]["schemas"]["TfaLanguage"]["enum"] == V2_LANGUAGES


def test_infobip_pin_types_per_version(infobip: dict[str, Any]) -> None:
    schemas = infobip["components"]["schemas"]
    assert schemas["TfaPinType"]["enum"] == ["NUMERIC", "ALPHA", "HEX", "ALPHANUMERIC"]
    assert schemas["TfaV1PinType"]["enum"] == ["NUMERIC", "ALPHA", "HEXA", "ALPHANUMERIC"]


def test_infobip_has_the_18_current_operations_and_a_deprecated_v1(infobip: dict[str, Any]) -> None:
    ops = _ops(infobip)
    v2 = {op_id for op_id, (_, path, _) in ops.items() if path.startswith("/2fa/2/")}
    v1 = {op_id: op for op_id, (_, path, op) in ops.items() if path.startswith("/2fa/1/")}
    assert v2 == V2_OPERATION_IDS
    assert "v1-create-api-key" in v1
    assert {"v1-send-2fa-pin-code-over-sms", "v1-verify-2fa-phone-number"} <= v1.keys()
    assert all(op.get("deprecated") is True for op in v1.values())
    assert not any("email" in path for _, path, _ in ops.values() if path.startswith("/2fa/1/"))


def test_infobip_v1_api_key_creation_is_basic_only(infobip: dict[str, Any]) -> None:
    _, _, op = _ops(infobip)["v1-create-api-key"]
    assert op["security"] == [{"Basic": []}]


def test_infobip_security_schemes(infobip: dict[str, Any]) -> None:
    schemes = infobip["components"]["securitySchemes"]
    assert schemes["APIKeyHeader"] == {**schemes["APIKeyHeader"], "type": "apiKey", "in": "header"}
    assert schemes["APIKeyHeader"]["name"] == "Authorization"
    assert "App <key>" in schemes["APIKeyHeader"]["description"]
    assert schemes["Basic"]["scheme"] == "basic"
    assert schemes["IBSSO"]["name"] == "Authorization"
    assert "IBSSO" in schemes["IBSSO"]["description"]
    token_url = schemes["OAuth2"]["flows"]["clientCredentials"]["tokenUrl"]
    assert token_url == "https://api.infobip.com/auth/1/oauth2/token"
    names = {name for req in infobip["security"] for name in req}
    assert names == {"APIKeyHeader", "Basic", "IBSSO", "OAuth2"}


def test_infobip_servers_include_the_personal_subdomain(infobip: dict[str, Any]) -> None:
    urls = [s["url"] for s in infobip["servers"]]
    assert "https://api.infobip.com" in urls
    templated = [s for s in infobip["servers"] if "{" in s["url"]]
    assert templated
    assert templated[0]["variables"]


def test_infobip_configuration_formats_and_defaults(infobip: dict[str, Any]) -> None:
    props = infobip["components"]["schemas"]["TfaApplicationConfiguration"]["properties"]
    defaults = {name: props[name].get("default") for name in props}
    assert defaults == {
        "pinAttempts": 10,
        "allowMultiplePinVerifications": True,
        "pinTimeToLive": "15m",
        "verifyPinLimit": "1/3s",
        "sendPinPerApplicationLimit": "10000/1d",
        "sendPinPerPhoneNumberLimit": "3/1d",
    }
    time_re = re.compile(props["pinTimeToLive"]["pattern"])
    limit_re = re.compile(props["verifyPinLimit"]["pattern"])
    assert all(time_re.search(v) for v in ("15m", "2h", "45s", "m", "100ms"))
    assert not any(time_re.search(v) for v in ("15", "15 m", "1/3s", "15y"))
    assert all(limit_re.search(v) for v in ("1/3s", "10000/1d", "5000/12h", "3/d"))
    assert not any(limit_re.search(v) for v in ("/3s", "1/3", "15m", "1/3y"))


def test_infobip_error_bodies_use_the_service_exception_envelope(infobip: dict[str, Any]) -> None:
    details = infobip["components"]["schemas"]["ApiRequestErrorDetails"]
    assert set(details["properties"]) == {"messageId", "text", "validationErrors"}
    error_examples = [
        value
        for op_id in _ops(infobip)
        for status in ("400", "401", "403", "404", "429", "500", "503")
        for value in specdoc.examples_at(infobip, op_id, status)
    ]
    message_ids = {v["requestError"]["serviceException"]["messageId"] for v in error_examples}
    assert {"RESOURCE_NOT_FOUND", "MESSAGE_NOT_FOUND", "THROTTLE_EXCEPTION"} <= message_ids


def test_infobip_links_follow_the_2fa_flow(infobip: dict[str, Any]) -> None:
    def link_targets(op_id: str) -> set[str]:
        _, _, op = _ops(infobip)[op_id]
        links = specdoc.resolve(infobip, op["responses"]["200"]).get("links", {})
        return {link["operationId"] for link in links.values()}

    assert "create-2fa-message-template" in link_targets("create-2fa-application")
    assert "send-2fa-pin-code-over-sms" in link_targets("create-2fa-message-template")
    assert {"verify-2fa-phone-number", "resend-2fa-pin-code-over-sms", "get-2fa-verification-status"} <= (
        link_targets("send-2fa-pin-code-over-sms")
    )


# --- Bandwidth specifics -----------------------------------------------------------------------------


def test_bandwidth_request_constraints(bandwidth: dict[str, Any]) -> None:
    schemas = bandwidth["components"]["schemas"]
    code, verify = schemas["codeRequest"], schemas["verifyCodeRequest"]
    assert set(code["required"]) == {"to", "from", "applicationId", "message", "digits"}
    assert set(verify["required"]) == {"to", "expirationTimeInMinutes", "code"}
    e164 = r"^\+[1-9][0-9]{1,14}$"
    assert code["properties"]["to"]["pattern"] == e164 == verify["properties"]["to"]["pattern"]
    assert code["properties"]["from"]["maxLength"] == 32
    assert code["properties"]["applicationId"]["maxLength"] == 50
    assert code["properties"]["scope"] == {**code["properties"]["scope"], "maxLength": 25, "default": "2FA"}
    assert code["properties"]["message"]["maxLength"] == 2048
    digits = code["properties"]["digits"]
    assert (digits["type"], digits["minimum"], digits["maximum"]) == ("integer", 4, 8)
    minutes = verify["properties"]["expirationTimeInMinutes"]
    assert (minutes["type"], minutes["minimum"], minutes["maximum"]) == ("number", 1, 15)
    assert (verify["properties"]["code"]["minLength"], verify["properties"]["code"]["maxLength"]) == (4, 8)
    assert verify["properties"]["applicationId"]["deprecated"] is True
    assert "applicationId" not in verify["required"]


def test_bandwidth_403_accepts_both_casings(bandwidth: dict[str, Any]) -> None:
    schema = {"$ref": "#/components/schemas/mfaForbiddenRequestError"}
    for body in ({"Message": "explicit deny"}, {"message": "Missing Authentication Token"}):
        assert specdoc.example_errors(bandwidth, schema, body, "403") == []
    assert specdoc.example_errors(bandwidth, schema, {"error": "x"}, "403") != []


def test_bandwidth_security_and_server(bandwidth: dict[str, Any]) -> None:
    assert [s["url"] for s in bandwidth["servers"]] == ["https://mfa.bandwidth.com/api/v1"]
    assert bandwidth["security"] == [{"Basic": []}, {"OAuth2": []}]
    oauth = bandwidth["components"]["securitySchemes"]["OAuth2"]["flows"]["clientCredentials"]
    assert oauth["tokenUrl"] == "https://api.bandwidth.com/api/v1/oauth2/token"


def test_bandwidth_verify_documents_the_text_plain_quirk(bandwidth: dict[str, Any]) -> None:
    _, _, op = _ops(bandwidth)["verifyCode"]
    assert "text/plain;charset=UTF-8" in op["x-accepted-request-content-types"]
    assert list(specdoc.resolve(bandwidth, op["requestBody"])["content"]) == ["application/json"]
    _, _, messaging = _ops(bandwidth)["generateMessagingCode"]
    links = messaging["responses"]["200"]["links"]
    assert {link["operationId"] for link in links.values()} == {"verifyCode"}


# --- the checks can fail ---------------------------------------------------------------------------


def _first_property(doc: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    for schema in doc["components"]["schemas"].values():
        for name, prop in schema.get("properties", {}).items():
            return name, prop
    raise AssertionError("no property")


@pytest.mark.parametrize("rules", VENDORS, ids=lambda r: r.spec_file)
def test_checks_catch_a_missing_property_description(rules: checks.VendorRules) -> None:
    doc = copy.deepcopy(_doc(rules))
    _name, prop = _first_property(doc)
    del prop["description"]
    assert any("has no description" in p for p in checks.check_descriptions(doc))


@pytest.mark.parametrize("rules", VENDORS, ids=lambda r: r.spec_file)
def test_checks_catch_a_missing_operation_id_and_error_status(rules: checks.VendorRules) -> None:
    doc = copy.deepcopy(_doc(rules))
    first = next(specdoc.operations(doc))[2]
    del first["operationId"]
    del first["responses"]["401"]
    problems = checks.check_operations(doc, rules)
    assert any("no operationId" in p for p in problems)
    assert any("error status 401 is not documented" in p for p in problems)


@pytest.mark.parametrize("rules", VENDORS, ids=lambda r: r.spec_file)
def test_checks_catch_an_error_body_of_the_wrong_shape(rules: checks.VendorRules) -> None:
    doc = copy.deepcopy(_doc(rules))
    first = next(specdoc.operations(doc))[2]
    first["responses"]["401"] = {
        "description": "wrong shape",
        "content": {"application/json": {"schema": {"type": "object"}}},
    }
    assert any("expected the vendor's" in p for p in checks.check_operations(doc, rules))


@pytest.mark.parametrize("rules", VENDORS, ids=lambda r: r.spec_file)
def test_checks_catch_an_example_of_the_wrong_type(rules: checks.VendorRules) -> None:
    doc = copy.deepcopy(_doc(rules))
    for _, _, op, _ in specdoc.operations(doc):
        body = op.get("requestBody")
        if body:
            media = specdoc.resolve(doc, body)["content"]["application/json"]
            example = next(iter(media["examples"].values()))
            example["value"] = ["an array where the schema wants an object"]
            break
    assert any("example does not validate" in p for p in checks.check_examples(doc))


def test_checks_catch_a_wrong_v1_language_and_a_changed_seed_example(infobip: dict[str, Any]) -> None:
    doc = copy.deepcopy(infobip)
    doc["components"]["schemas"]["TfaV1Language"]["enum"][14] = "pt_pt"
    assert v1_language_problems(doc) != []
    seed = INFOBIP_SEED_EXAMPLES[0]
    for value in specdoc.examples_at(doc, seed.operation_id, seed.status):
        if value == seed.value:
            value["to"] = "385985555556"
    assert missing_seed_examples(doc, INFOBIP_SEED_EXAMPLES) == [seed]


def test_checks_catch_an_invalid_document(bandwidth: dict[str, Any]) -> None:
    doc = copy.deepcopy(bandwidth)
    doc["paths"]["/accounts/{accountId}/code/verify"]["post"]["responses"]["200"] = {"content": {}}
    assert checks.check_openapi_valid(doc) != []


def test_checks_catch_an_invalid_request_example_that_validates(bandwidth: dict[str, Any]) -> None:
    doc = copy.deepcopy(bandwidth)
    _, _, op = _ops(doc)["generateMessagingCode"]
    op["x-invalid-request-examples"]["toNumberRequired"]["value"]["to"] = "+12345678901"
    assert any("validates, but" in p for p in checks.check_invalid_request_examples(doc))
