"""Deliberately broken variants of a mock, to prove the contract checks catch each kind of drift.

A variant is an ASGI middleware around the real mock that rewrites one operation's answers.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from hypothesis import HealthCheck, given, settings
from schemathesis import Case, GenerationMode
from schemathesis.specs.openapi.schemas import OpenApiSchema

# (request path, request headers, response status, response body) -> (new status, new body)
Rewrite = Callable[[str, dict[str, str], int, bytes], tuple[int, bytes]]


@dataclass(frozen=True)
class Variant:
    name: str
    operation_id: str
    path_suffix: str  # the variant touches requests whose path ends with this
    rewrite: Rewrite
    expected_code: str  # the schemathesis failure code that must be reported, e.g. ST108
    negative: bool = False  # generate schema-violating requests (to reach error answers)


def broken(app: Any, variant: Variant) -> Any:
    """An ASGI app that answers like ``app`` except where ``variant`` rewrites it."""

    async def wrapped(scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http" or not scope["path"].endswith(variant.path_suffix):
            await app(scope, receive, send)
            return
        captured: dict[str, Any] = {"status": 500, "headers": [], "body": b""}

        async def capture(message: dict[str, Any]) -> None:
            if message["type"] == "http.response.start":
                captured["status"], captured["headers"] = message["status"], message.get("headers", [])
            elif message["type"] == "http.response.body":
                captured["body"] += message.get("body", b"")

        await app(scope, receive, capture)
        headers = {k.decode().lower(): v.decode() for k, v in scope.get("headers", [])}
        status, body = variant.rewrite(scope["path"], headers, captured["status"], captured["body"])
        out_headers = [(k, v) for k, v in captured["headers"] if k.lower() != b"content-length"]
        out_headers.append((b"content-length", str(len(body)).encode()))
        await send({"type": "http.response.start", "status": status, "headers": out_headers})
        await send({"type": "http.response.body", "body": body})

    return wrapped


def on_status(status: int, new_status: int | None = None, body: Any = None) -> Rewrite:
    """Replace answers of ``status`` by ``new_status`` and/or a JSON ``body``."""

    def rewrite(path: str, headers: dict[str, str], got: int, content: bytes) -> tuple[int, bytes]:
        if got != status:
            return got, content
        return (new_status or got), (content if body is None else json.dumps(body).encode())

    return rewrite


def accept_without_credentials(success_body: Any) -> Rewrite:
    """The auth bug: a request without credentials gets a success answer."""

    def rewrite(path: str, headers: dict[str, str], got: int, content: bytes) -> tuple[int, bytes]:
        if "authorization" not in headers:
            return 200, json.dumps(success_body).encode()
        return got, content

    return rewrite


def run_generated(
    schema: OpenApiSchema,
    operation_id: str,
    headers: dict[str, str],
    *,
    negative: bool = False,
    path_parameters: dict[str, Any] | None = None,
    **call_kwargs: Any,
) -> None:
    """What a conformance test does for one operation, on a handful of generated cases."""
    mode = GenerationMode.NEGATIVE if negative else GenerationMode.POSITIVE
    strategy = schema.find_operation_by_id(operation_id).as_strategy(mode, path_parameters=path_parameters)

    @given(case=strategy)
    @settings(max_examples=15, derandomize=True, database=None, deadline=None, suppress_health_check=list(HealthCheck))
    def check(case: Case[Any]) -> None:
        case.call_and_validate(headers=headers, **call_kwargs)

    check()


def failure_codes(exc: BaseException) -> set[str]:
    """Every schemathesis failure code (ST108, ...) inside a FailureGroup, however nested."""
    codes = {str(getattr(exc, "code", ""))}
    for inner in getattr(exc, "exceptions", ()):
        codes |= failure_codes(inner)
    return codes - {""}
