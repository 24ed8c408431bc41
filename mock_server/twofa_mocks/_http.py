"""HTTP at the raw ASGI level, shared by both vendors: requests, bounded bodies, strict JSON, answers.

The vendor routes are answered without Starlette's Request and Response objects: the hot path reads
the scope and ``receive`` directly and sends precomputed header lists (measured on an Infobip send,
in-process: Starlette's routing, request and response layers were about a third of ~100 us).
Starlette still serves the /_mock/ control surface.
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable
from typing import Any

from starlette.datastructures import QueryParams
from starlette.requests import ClientDisconnect
from starlette.types import Receive, Scope, Send

MAX_BODY_BYTES = 64 * 1024  # far above any valid 2FA request; bigger bodies are refused unread
MAX_JSON_DEPTH = 32


class BodyError(Exception):
    """The body cannot be used; ``reason`` is a short text for the vendor's 400 body."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


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


def media_type(request: RawRequest) -> str:
    return (request.header("content-type") or "").split(";")[0].strip().lower()


class RawRequest:
    """One request, read straight from the ASGI scope and ``receive``.

    Same answers as Starlette's Request for what the handlers use: the first value of a header, the
    last value of a query parameter, the body cached once read, ClientDisconnect when the client
    leaves mid-body.
    """

    __slots__ = ("_body", "_query", "method", "path_params", "receive", "scope")

    def __init__(self, scope: Scope, receive: Receive, path_params: dict[str, str] | None = None) -> None:
        self.scope = scope
        self.receive = receive
        self.method: str = scope["method"]
        self.path_params = path_params or {}
        self._body: bytes | None = None
        self._query: QueryParams | None = None

    def header(self, name: str) -> str | None:
        """The first value of header ``name`` (lower case), like ``Request.headers.get``."""
        key = name.encode("latin-1")
        headers: list[tuple[bytes, bytes]] = self.scope["headers"]
        for header_key, value in headers:
            if header_key == key:
                return value.decode("latin-1")
        return None

    def query(self, name: str) -> str | None:
        """The last value of query parameter ``name``, like ``Request.query_params.get``."""
        if not self.scope["query_string"]:  # most requests: no need to parse (~2 us in-process)
            return None
        if self._query is None:
            self._query = QueryParams(self.scope["query_string"])
        return self._query.get(name)

    async def _chunks(self, limit: int | None) -> bytes:
        """Every ``http.request`` chunk until the last; BodyError as soon as ``limit`` is passed."""
        chunks: list[bytes] = []
        size = 0
        more = True
        while more:
            message = await self.receive()
            if message["type"] == "http.request":
                chunk = message.get("body", b"")
                more = message.get("more_body", False)
                size += len(chunk)
                if limit is not None and size > limit:
                    raise BodyError("Request body is too large")
                chunks.append(chunk)
            elif message["type"] == "http.disconnect":
                raise ClientDisconnect()
        return chunks[0] if len(chunks) == 1 else b"".join(chunks)

    async def body(self) -> bytes:
        """The whole body, however big (a fault reads it before anything goes wrong); kept for later reads."""
        if self._body is None:
            self._body = await self._chunks(None)
        return self._body

    async def read_limited(self, limit: int = MAX_BODY_BYTES) -> bytes:
        """The body, refused (BodyError) when it is over ``limit`` bytes, unread when it says so up front."""
        declared = self.header("content-length")
        # ASCII digits only: str.isdigit also takes "²", which int() refuses.
        if declared is not None and declared.isascii() and declared.isdigit() and int(declared) > limit:
            raise BodyError("Request body is too large")
        if self._body is None:
            self._body = await self._chunks(limit)
        elif len(self._body) > limit:
            raise BodyError("Request body is too large")
        return self._body


# An answer to a request: an ASGI callable that sends it (Answer, no_answer, drop_connection, or any
# Starlette Response).
Reply = Callable[[Scope, Receive, Send], Awaitable[None]]
JSON_TYPE = b"application/json; charset=utf-8"
# What json.dumps(content, ensure_ascii=False, separators=(",", ":")) builds on every call, built once.
_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))


class Answer:
    """A complete answer as its raw ASGI messages: status, header list (Content-Length first, then
    Content-Type, then any added, as Starlette's responses order them) and body bytes. Immutable, so
    a constant answer can be built once and sent many times."""

    __slots__ = ("body", "headers", "status_code")

    def __init__(self, status_code: int, body: bytes, headers: list[tuple[bytes, bytes]]) -> None:
        self.status_code = status_code
        self.body = body
        self.headers = headers

    @classmethod
    def json(cls, content: Any, status_code: int = 200) -> Answer:
        """JSON exactly as the vendors send it: compact, UTF-8, ``application/json; charset=utf-8``."""
        body = _ENCODER.encode(content).encode("utf-8")
        return cls(status_code, body, [(b"content-length", str(len(body)).encode()), (b"content-type", JSON_TYPE)])

    @classmethod
    def text(cls, content: str, status_code: int = 200) -> Answer:
        body = content.encode("utf-8")
        headers = [(b"content-length", str(len(body)).encode()), (b"content-type", b"text/plain; charset=utf-8")]
        return cls(status_code, body, headers)

    def with_header(self, name: str, value: str) -> Answer:
        """A copy with one more header (never one the answer has already)."""
        return Answer(self.status_code, self.body, [*self.headers, (name.lower().encode(), value.encode("latin-1"))])

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        await send({"type": "http.response.start", "status": self.status_code, "headers": self.headers})
        await send({"type": "http.response.body", "body": self.body})


# Starlette's answer to an exception that escapes an app (ServerErrorMiddleware, not in debug mode).
INTERNAL_SERVER_ERROR = Answer.text("Internal Server Error", 500)


async def no_answer(scope: Scope, receive: Receive, send: Send) -> None:
    """For a client that went away before its request was complete: nobody to answer, nothing to log."""


async def drop_connection(scope: Scope, receive: Receive, send: Send) -> None:
    """Starts a response, then aborts it: the client sees the connection close mid-answer."""
    await send({"type": "http.response.start", "status": 200, "headers": [(b"content-length", b"64")]})
    raise ConnectionAbortedError("fault injected: connection dropped")
