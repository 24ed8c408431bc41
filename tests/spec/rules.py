"""The rules both OpenAPI documents are held to (run by tests/spec/test_specs.py).

Each check returns a list of human-readable problems (empty when the document is fine), so the tests
can assert both that the real specs pass and that a deliberately broken copy fails.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from openapi_spec_validator import validate as validate_openapi

from tests.specdoc import Doc, example_errors, media_examples, operations, resolve, validator_for


@dataclass(frozen=True)
class VendorRules:
    """What every operation of one vendor must document besides its 2xx."""

    spec_file: str
    error_schema: str  # the components.schemas entry every error body derives from
    always: frozenset[str]  # error statuses every operation documents
    # operationId -> statuses that replace `always` for that operation
    exceptions: dict[str, frozenset[str]]


INFOBIP = VendorRules(
    spec_file="infobip-2fa.yaml",
    error_schema="ApiException",
    always=frozenset({"401", "403", "429", "500", "503"}),
    # API-key creation is Basic-only and has no scopes, so it cannot answer 403.
    exceptions={"v1-create-api-key": frozenset({"401", "429", "500", "503"})},
)
BANDWIDTH = VendorRules(
    spec_file="bandwidth-mfa.yaml",
    error_schema="",  # three shapes by status; checked per status below
    always=frozenset({"400", "401", "403", "500"}),
    exceptions={"verifyCode": frozenset({"400", "401", "403", "429", "500"})},
)
BANDWIDTH_ERROR_SCHEMAS = {
    "400": "mfaRequestError",
    "401": "mfaUnauthorizedRequestError",
    "403": "mfaForbiddenRequestError",
    "429": "mfaRequestError",
    "500": "mfaRequestError",
}


# --- checks ---------------------------------------------------------------------------------------


def check_openapi_valid(doc: Doc) -> list[str]:
    try:
        validate_openapi(doc)
    except Exception as exc:  # the validator raises several unrelated exception types
        return [f"not a valid OpenAPI 3.1 document: {exc}"]
    return []


def check_operations(doc: Doc, rules: VendorRules) -> list[str]:
    problems: list[str] = []
    seen_ids: set[str] = set()
    for method, path, op, shared in operations(doc):
        where = f"{method.upper()} {path}"
        op_id = op.get("operationId")
        if not op_id:
            problems.append(f"{where}: no operationId")
        elif op_id in seen_ids:
            problems.append(f"{where}: duplicate operationId {op_id}")
        else:
            seen_ids.add(op_id)
        for key in ("summary", "description"):
            if not str(op.get(key, "")).strip():
                problems.append(f"{where}: no {key}")
        if not op.get("tags"):
            problems.append(f"{where}: no tags")
        responses = {str(code): resp for code, resp in op.get("responses", {}).items()}
        if not any(code.startswith("2") for code in responses):
            problems.append(f"{where}: no documented 2xx response")
        expected = rules.exceptions.get(str(op_id), rules.always)
        if rules is INFOBIP:
            expected = expected | _infobip_conditional_statuses(doc, path, op, shared)
        for code in sorted(expected - responses.keys()):
            problems.append(f"{where}: error status {code} is not documented")
        for code, resp in responses.items():
            if code.startswith("2"):
                continue
            problems += _check_error_response(doc, rules, where, code, resp)
    return problems


def _infobip_conditional_statuses(doc: Doc, path: str, op: Doc, shared: list[Any]) -> set[str]:
    """400 where the caller sends input; 404 where the request names an application, template or PIN."""
    params = [resolve(doc, p) for p in [*shared, *op.get("parameters", [])]]
    extra: set[str] = set()
    if "requestBody" in op or any(p.get("in") == "query" for p in params):
        extra.add("400")
    if "{" in path or "send" in str(op.get("operationId", "")):
        extra.add("404")
    return extra


def _check_error_response(doc: Doc, rules: VendorRules, where: str, code: str, resp: Any) -> list[str]:
    body = resolve(doc, resp)
    media = body.get("content", {}).get("application/json")
    if media is None:
        return [f"{where}: {code} has no application/json body"]
    want = rules.error_schema or BANDWIDTH_ERROR_SCHEMAS.get(code, "")
    got = media.get("schema", {}).get("$ref", "")
    if got != f"#/components/schemas/{want}":
        return [f"{where}: {code} body is {got or 'inline'}, expected the vendor's {want}"]
    return []


def _schemas_in(node: Any, where: str) -> Iterator[tuple[str, Doc]]:
    """Every schema object nested in ``node`` (properties, items, combinators)."""
    if not isinstance(node, dict):
        return
    yield where, node
    for name, sub in node.get("properties", {}).items():
        yield from _schemas_in(sub, f"{where}.{name}")
    for key in ("items", "additionalProperties", "not"):
        if isinstance(node.get(key), dict):
            yield from _schemas_in(node[key], f"{where}[{key}]")
    for key in ("allOf", "anyOf", "oneOf"):
        for i, sub in enumerate(node.get(key, [])):
            yield from _schemas_in(sub, f"{where}<{key}{i}>")


def check_descriptions(doc: Doc) -> list[str]:
    problems: list[str] = []
    for name, schema in doc.get("components", {}).get("schemas", {}).items():
        if not str(schema.get("description", "")).strip():
            problems.append(f"schema {name}: no description")
        for where, sub in _schemas_in(schema, name):
            for prop, prop_schema in sub.get("properties", {}).items():
                if not str(prop_schema.get("description", "")).strip():
                    problems.append(f"schema {where}: property {prop} has no description")
    for method, path, op, shared in operations(doc):
        for param in [*shared, *op.get("parameters", [])]:
            param = resolve(doc, param)
            if not str(param.get("description", "")).strip():
                problems.append(f"{method.upper()} {path}: parameter {param.get('name')} has no description")
    return problems


def all_examples(doc: Doc) -> Iterator[tuple[str, Any, Any]]:
    """(where, schema, value) for every example in the document."""
    for method, path, op, shared in operations(doc):
        where = f"{method.upper()} {path}"
        for param in [*shared, *op.get("parameters", [])]:
            param = resolve(doc, param)
            pwhere = f"{where} parameter {param.get('name')}"
            if "example" in param:
                yield pwhere, param.get("schema", {}), param["example"]
            for name, ex in param.get("examples", {}).items():
                yield f"{pwhere} examples.{name}", param.get("schema", {}), resolve(doc, ex).get("value")
        if "requestBody" in op:
            body = resolve(doc, op["requestBody"])
            yield from media_examples(doc, body.get("content", {}), f"{where} request")
        for code, resp in op.get("responses", {}).items():
            resp = resolve(doc, resp)
            yield from media_examples(doc, resp.get("content", {}), f"{where} {code}")
    for name, schema in doc.get("components", {}).get("schemas", {}).items():
        for where, sub in _schemas_in(schema, f"schema {name}"):
            for i, value in enumerate(sub.get("examples", []) if isinstance(sub, dict) else []):
                yield f"{where} examples[{i}]", sub, value


def check_examples(doc: Doc) -> list[str]:
    problems: list[str] = []
    for where, schema, value in all_examples(doc):
        problems += example_errors(doc, schema, value, where)
    return problems


def check_invalid_request_examples(doc: Doc) -> list[str]:
    """``x-invalid-request-examples`` hold requests the vendor rejects: each must fail the schema."""
    problems: list[str] = []
    for method, path, op, _ in operations(doc):
        body = resolve(doc, op.get("requestBody", {}))
        schema = body.get("content", {}).get("application/json", {}).get("schema", {})
        for name, ex in op.get("x-invalid-request-examples", {}).items():
            where = f"{method.upper()} {path} x-invalid-request-examples.{name}"
            if not list(validator_for(doc, schema).iter_errors(ex.get("value"))):
                problems.append(f"{where}: validates, but it documents a request the vendor rejects")
            if str(ex.get("status")) not in {str(c) for c in op.get("responses", {})}:
                problems.append(f"{where}: its status {ex.get('status')} is not documented")
    return problems


def check_all(doc: Doc, rules: VendorRules) -> list[str]:
    return (
        check_openapi_valid(doc)
        + check_operations(doc, rules)
        + check_descriptions(doc)
        + check_examples(doc)
        + check_invalid_request_examples(doc)
    )
