"""Hand-written lifecycle scenarios: each call is validated against the spec and counted in coverage.

A call to an operation this run does not run fails the scenario (a live scenario must leave it out),
and a live call draws on the operation's share of the request budget.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import httpx
import pytest
from schemathesis.specs.openapi.schemas import OpenApiSchema

from contract_tests import _budget
from contract_tests._coverage import COVERAGE
from contract_tests._targets import Target


class Scenario:
    """Calls operations by operationId on a target; every answer must be documented and conform."""

    def __init__(self, target: Target, schema: OpenApiSchema, client: httpx.AsyncClient) -> None:
        self.target = target
        self.schema = schema
        self.client = client

    async def call(
        self,
        operation_id: str,
        *,
        path: dict[str, str] | None = None,
        json: Any = None,
        params: dict[str, Any] | None = None,
        headers: dict[str, str] | None = None,
        expect: int | None = None,
    ) -> httpx.Response:
        plan, key = self.target.plan, (self.target.vendor, operation_id)
        if plan is not None and not plan.runs(operation_id):
            pytest.fail(f"{operation_id} is not run here ({plan.not_run.get(operation_id)}); leave it out", False)
        refused = ""
        try:
            _budget.ALLOWANCES.spend(key)
        except _budget.ShareSpent as spent:
            refused = str(spent)
        if refused:
            pytest.fail(refused, pytrace=False)
        operation = self.schema.find_operation_by_id(operation_id)
        url = operation.path.format(**{**self._fixed_path(), **(path or {})})
        method = operation.method.upper()
        response = await self.client.request(method, url.lstrip("/"), json=json, params=params, headers=headers)
        COVERAGE.record(self.target.vendor, operation_id, response.status_code)
        _budget.ALLOWANCES.settle(key, response.status_code)
        documented = {str(code) for code in operation.definition.raw["responses"]}
        assert str(response.status_code) in documented, (
            f"{operation_id}: {response.status_code} is not documented ({sorted(documented)}): {response.text}"
        )
        operation.validate_response(response)
        if expect is not None:
            assert response.status_code == expect, (operation_id, response.status_code, response.text)
        return response

    def _fixed_path(self) -> dict[str, str]:
        return {k.removeprefix("path."): str(v) for k, v in self.target.parameters.items() if k.startswith("path.")}


@asynccontextmanager
async def open_scenario(target: Target, schema: OpenApiSchema) -> AsyncIterator[Scenario]:
    """A fresh mock (when the target is one) and a client on the target, for one scenario."""
    if target.is_mock:
        target.mock.reset()
    async with target.async_client() as client:
        yield Scenario(target, schema, client)
