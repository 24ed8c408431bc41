"""Hand-written lifecycle scenarios: each call is validated against the spec and counted in coverage."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import httpx
from schemathesis.specs.openapi.schemas import OpenApiSchema

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
        operation = self.schema.find_operation_by_id(operation_id)
        url = operation.path.format(**{**self._fixed_path(), **(path or {})})
        method = operation.method.upper()
        response = await self.client.request(method, url.lstrip("/"), json=json, params=params, headers=headers)
        COVERAGE.record(self.target.vendor, operation_id, response.status_code)
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
