"""Assert that a mock response matches the documented response of its operation in spec/."""

from __future__ import annotations

import json
from functools import cache
from typing import Any

import httpx

from tests import specdoc


@cache
def _spec(name: str) -> dict[str, Any]:
    return specdoc.load(name)


def assert_conforms(spec_file: str, operation_id: str, response: httpx.Response) -> Any:
    """The status is documented for the operation, the body is JSON and validates; returns the body."""
    doc = _spec(spec_file)
    ops = {op["operationId"]: op for _, _, op, _ in specdoc.operations(doc)}
    documented = ops[operation_id]["responses"]
    status = str(response.status_code)
    assert status in documented, f"{operation_id}: status {status} is not documented ({sorted(documented)})"
    assert response.headers["content-type"].startswith("application/json")
    body = json.loads(response.content)
    media = specdoc.resolve(doc, documented[status])["content"]["application/json"]
    problems = specdoc.example_errors(doc, media["schema"], body, f"{operation_id} {status}")
    assert problems == [], problems
    return body
