"""Request-body reading shared by both vendors: bounded size, strict UTF-8, JSON with a depth guard."""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import request_response

MAX_BODY_BYTES = 64 * 1024  # far above any valid 2FA request; bigger bodies are refused unread
MAX_JSON_DEPTH = 32


class BodyError(Exception):
    """The body cannot be used; ``reason`` is a short text for the vendor's 400 body."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


async def read_limited(request: Request, limit: int = MAX_BODY_BYTES) -> bytes:
    declared = request.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > limit:
        raise BodyError("Request body is too large")
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise BodyError("Request body is too large")
        chunks.append(chunk)
    return b"".join(chunks)


def _depth(value: Any) -> int:
    # Iterative, so a hostile nesting cannot exhaust the interpreter stack here either.
    deepest, stack = 0, [(value, 1)]
    while stack:
        node, level = stack.pop()
        deepest = max(deepest, level)
        if isinstance(node, dict):
            stack.extend((v, level + 1) for v in node.values())
        elif isinstance(node, list):
            stack.extend((v, level + 1) for v in node)
    return deepest


def parse_json(raw: bytes) -> Any:
    """Decode ``raw`` as UTF-8 JSON; every failure becomes a BodyError."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise BodyError("Request body is not valid UTF-8") from exc
    if text.startswith("\ufeff"):
        text = text[1:]
    # json.loads recurses per nesting level: refuse absurd nesting before parsing.
    brackets = text.count("[") + text.count("{")
    if brackets > MAX_JSON_DEPTH and _prefix_depth(text) > MAX_JSON_DEPTH:
        raise BodyError("Request body is nested too deeply")
    try:
        value = _DECODER.decode(text)
    except (ValueError, RecursionError) as exc:
        raise BodyError("Request body is not valid JSON") from exc
    # A value cannot nest deeper than the brackets in its text: most bodies need no walk.
    if brackets > MAX_JSON_DEPTH and _depth(value) > MAX_JSON_DEPTH:
        raise BodyError("Request body is nested too deeply")
    # A "\ud800" escape parses to a lone surrogate, which no UTF-8 response could echo back.
    if "\\u" in text and not _encodable(value):
        raise BodyError("Request body is not valid Unicode")
    return value


def _encodable(value: Any) -> bool:
    try:
        json.dumps(value, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _no_constant(name: str) -> Any:
    """NaN, Infinity and -Infinity are not JSON (RFC 8259), although Python's parser takes them."""
    raise ValueError(f"{name} is not a JSON value")


# What json.loads(text, parse_constant=_no_constant) builds on every call, built once.
_DECODER = json.JSONDecoder(parse_constant=_no_constant)


def _prefix_depth(text: str) -> int:
    """Maximum bracket depth, ignoring brackets inside strings."""
    depth = deepest = 0
    in_string = escaped = False
    for ch in text:
        if in_string:
            if escaped:
                escaped = False
            elif ch == "\\":
                escaped = True
            elif ch == '"':
                in_string = False
        elif ch == '"':
            in_string = True
        elif ch in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif ch in "]}":
            depth -= 1
    return deepest


def media_type(request: Request) -> str:
    return request.headers.get("content-type", "").split(";")[0].strip().lower()


class VendorJSONResponse(JSONResponse):
    """JSON exactly as the vendors send it: compact, UTF-8, ``application/json; charset=utf-8``."""

    media_type = "application/json"

    def render(self, content: Any) -> bytes:
        return json.dumps(content, ensure_ascii=False, separators=(",", ":")).encode("utf-8")

    def init_headers(self, headers: Any = None) -> None:
        super().init_headers(headers)
        self.raw_headers = [
            (k, b"application/json; charset=utf-8" if k == b"content-type" else v) for k, v in self.raw_headers
        ]


class AnyMethod:
    """A Starlette route endpoint that takes every method, QUERY or FOO included.

    Starlette answers a method missing from a function route's list itself, in plain text; wrapped in
    this ASGI class, the route matches any method and the vendor code answers in the vendor's shape.
    """

    def __init__(self, handler: Callable[[Request], Awaitable[Response]]) -> None:
        self._app = request_response(handler)

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        await self._app(scope, receive, send)


class NoResponse(Response):
    """For a client that went away before its request was complete: nobody to answer, nothing to log."""

    def __init__(self) -> None:
        super().__init__(status_code=499)

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        return None


class DroppedResponse(Response):
    """Starts a response, then aborts it: the client sees the connection close mid-answer."""

    def __init__(self) -> None:
        super().__init__(status_code=200)

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        await send({"type": "http.response.start", "status": 200, "headers": [(b"content-length", b"64")]})
        raise ConnectionAbortedError("fault injected: connection dropped")
