"""Hypothesis strategies for what a vendor (or anything between it and us) might answer.

Seeds come from the specs: each operation's documented response schemas and examples. From them:
valid bodies (examples, and values generated from the schema), forward-compatible drift (unknown
fields), drifted shapes (a key dropped, a value of the wrong type, null, an unknown enum value), and
raw answers no schema describes: truncated JSON, HTML error pages, empty and huge bodies, binary and
invalid UTF-8, deep nesting, giant numbers, odd status codes, garbled headers, broken compression, a
connection that fails mid-body, and transport errors instead of an answer.

``Reply.must_return`` marks the answers a correct client has to turn into a result: the documented
success status with a schema-valid body (unknown extra fields included).
"""

from __future__ import annotations

import gzip
import json
import string
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass, field
from functools import cache
from typing import Any

import httpx
from hypothesis import strategies as st

from tests import specdoc

INFOBIP_DOC = specdoc.load("infobip-2fa.yaml")
BANDWIDTH_DOC = specdoc.load("bandwidth-mfa.yaml")
DOCS = {"infobip": INFOBIP_DOC, "bandwidth": BANDWIDTH_DOC}

JSON_TYPES = ("application/json", "application/json; charset=utf-8")
HEADER_TEXT = st.text(alphabet=string.ascii_letters + string.digits + " ,;:=-_/.+()", max_size=40)
HTML_PAGES = [
    b"<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1></body></html>",
    b"<!DOCTYPE html><html><body>Service temporarily unavailable for maintenance</body></html>",
    b'<?xml version="1.0"?><Error><Code>AccessDenied</Code></Error>',
    b"<html><body>Request blocked by the firewall. Support ID: 1234567890</body></html>",
]
TRANSPORT_ERRORS: list[type[httpx.RequestError]] = [
    httpx.ConnectError,
    httpx.ConnectTimeout,
    httpx.ReadTimeout,
    httpx.WriteTimeout,
    httpx.PoolTimeout,
    httpx.ReadError,
    httpx.WriteError,
    httpx.RemoteProtocolError,
    httpx.LocalProtocolError,
    httpx.ProxyError,
    httpx.UnsupportedProtocol,
    httpx.DecodingError,
]


# --- the spec side ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class OperationSpec:
    vendor: str
    operation_id: str
    success: int  # the documented 2xx
    schemas: dict[int, Any]  # status -> response schema
    examples: dict[int, list[Any]]  # status -> example values


@cache
def operation_spec(vendor: str, operation_id: str) -> OperationSpec:
    doc = DOCS[vendor]
    for _method, _path, op, _ in specdoc.operations(doc):
        if op["operationId"] != operation_id:
            continue
        schemas: dict[int, Any] = {}
        examples: dict[int, list[Any]] = {}
        for code, response in op["responses"].items():
            media = specdoc.resolve(doc, response).get("content", {}).get("application/json")
            if media is None:
                continue
            schemas[int(code)] = media.get("schema", {})
            examples[int(code)] = specdoc.examples_at(doc, operation_id, str(code))
        success = min(code for code in schemas if 200 <= code < 300)
        return OperationSpec(vendor, operation_id, success, schemas, examples)
    raise KeyError(operation_id)


def is_valid(vendor: str, schema: Any, value: Any) -> bool:
    return not list(_validator(vendor, json.dumps(schema, sort_keys=True)).iter_errors(value))


@cache
def _validator(vendor: str, schema_json: str) -> Any:
    return specdoc.validator_for(DOCS[vendor], json.loads(schema_json))


# --- values from a schema --------------------------------------------------------------------------

_SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.integers(min_value=-(10**400), max_value=10**400),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=20),
)
ANY_JSON = st.recursive(
    _SCALARS,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4),
    max_leaves=12,
)


def from_schema(doc: dict[str, Any], schema: Any, depth: int = 0) -> st.SearchStrategy[Any]:
    """Values that (mostly) fit ``schema``; callers validate before relying on it."""
    schema = specdoc.resolve(doc, schema)
    if not isinstance(schema, dict) or depth > 8:
        return ANY_JSON
    if "const" in schema:
        return st.just(schema["const"])
    if "enum" in schema:
        return st.sampled_from(schema["enum"])
    for key in ("anyOf", "oneOf"):
        if key in schema:
            return st.one_of([from_schema(doc, option, depth + 1) for option in schema[key]])
    kind = schema.get("type")
    if kind == "object" or "properties" in schema:
        properties = schema.get("properties", {})
        required = set(schema.get("required", []))
        fixed = {name: from_schema(doc, sub, depth + 1) for name, sub in properties.items() if name in required}
        optional = {name: from_schema(doc, sub, depth + 1) for name, sub in properties.items() if name not in required}
        strategy = st.fixed_dictionaries(fixed, optional=optional)
        extra = schema.get("additionalProperties")
        if isinstance(extra, dict):
            names = st.text(string.ascii_letters, min_size=1, max_size=8).filter(lambda n: n not in properties)
            strategy = st.tuples(strategy, st.dictionaries(names, from_schema(doc, extra, depth + 1), max_size=3)).map(
                lambda pair: {**pair[1], **pair[0]}
            )
        return strategy
    if kind == "array":
        return st.lists(from_schema(doc, schema.get("items", {}), depth + 1), max_size=3)
    if kind == "string":
        if "pattern" in schema:
            return st.from_regex(schema["pattern"])
        if schema.get("format") == "email":
            return st.emails()
        return st.text(min_size=schema.get("minLength", 0), max_size=schema.get("maxLength", 24))
    if kind == "integer":
        bits = {"int32": 31, "int64": 63}.get(schema.get("format", ""), 63)
        low = schema.get("minimum", -(2**bits))
        high = schema.get("maximum", 2**bits - 1)
        return st.integers(min_value=low, max_value=high)
    if kind == "number":
        return st.floats(
            min_value=schema.get("minimum"), max_value=schema.get("maximum"), allow_nan=False, allow_infinity=False
        )
    if kind == "boolean":
        return st.booleans()
    return ANY_JSON


@cache
def valid_bodies(vendor: str, operation_id: str, status: int) -> st.SearchStrategy[Any]:
    spec = operation_spec(vendor, operation_id)
    generated = from_schema(DOCS[vendor], spec.schemas[status])
    examples = spec.examples.get(status, [])
    return st.one_of(st.sampled_from(examples), generated) if examples else generated


# --- drift -----------------------------------------------------------------------------------------


def _slots(value: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    """Paths to every value inside ``value`` (the root is ``()``)."""
    yield path
    if isinstance(value, dict):
        for key, sub in value.items():
            yield from _slots(sub, (*path, key))
    elif isinstance(value, list):
        for i, sub in enumerate(value):
            yield from _slots(sub, (*path, i))


def _replace(value: Any, path: tuple[Any, ...], new: Any, *, delete: bool = False) -> Any:
    if not path:
        return new
    head, rest = path[0], path[1:]
    if isinstance(value, dict):
        copy = dict(value)
        if delete and not rest:
            copy.pop(head, None)
        else:
            copy[head] = _replace(value[head], rest, new, delete=delete)
        return copy
    copy_list = list(value)
    if delete and not rest:
        del copy_list[head]
    else:
        copy_list[head] = _replace(value[head], rest, new, delete=delete)
    return copy_list


def _get(value: Any, path: tuple[Any, ...]) -> Any:
    for key in path:
        value = value[key]
    return value


@st.composite
def compatible_drift(draw: st.DrawFn, value: Any) -> Any:
    """New fields where objects are: what a vendor adds without breaking anyone."""
    objects = [p for p in _slots(value) if isinstance(_get(value, p), dict)]
    for path in draw(st.lists(st.sampled_from(objects), max_size=3)) if objects else []:
        target = _get(value, path)
        name = draw(st.text(string.ascii_letters, min_size=1, max_size=10))
        while name in target:  # new, never a replacement
            name += "_"
        value = _replace(value, path, {**target, name: draw(ANY_JSON)})
    return value


@st.composite
def drifted(draw: st.DrawFn, value: Any) -> Any:
    """One to three breaking changes somewhere in ``value``."""
    for _ in range(draw(st.integers(1, 3))):
        path = draw(st.sampled_from(list(_slots(value))))
        current = _get(value, path)
        change = draw(st.sampled_from(["drop", "wrong type", "null", "unknown enum", "wrap", "empty"]))
        if change == "drop" and path:
            value = _replace(value, path, None, delete=True)
        elif change == "null":
            value = _replace(value, path, None)
        elif change == "unknown enum":
            value = _replace(value, path, draw(st.text(string.ascii_uppercase + "_", min_size=1, max_size=24)))
        elif change == "wrap":
            value = _replace(value, path, [current])
        elif change == "empty":
            value = _replace(value, path, type(current)() if isinstance(current, dict | list | str) else {})
        else:
            new = draw(ANY_JSON)
            if type(new) is type(current):  # a wrong type, always
                new = {"drifted": new} if isinstance(current, list) else [new]
            value = _replace(value, path, new)
    return value


# --- whole answers ---------------------------------------------------------------------------------


class FailingStream(httpx.SyncByteStream, httpx.AsyncByteStream):
    """A body that breaks off after its first bytes, as a reset connection does."""

    def __init__(self, head: bytes, error: Exception) -> None:
        self.head, self.error = head, error

    def __iter__(self) -> Iterator[bytes]:
        yield self.head
        raise self.error

    async def __aiter__(self) -> AsyncIterator[bytes]:
        yield self.head
        raise self.error


@dataclass
class Reply:
    """One answer: a status, headers and body, or a transport error raised instead."""

    kind: str
    status: int = 200
    body: bytes = b""
    headers: list[tuple[str, str]] = field(default_factory=list)
    error: type[httpx.RequestError] | None = None
    midstream: bool = False
    must_return: bool = False

    def response(self, request: httpx.Request) -> httpx.Response:
        if self.error is not None:
            raise self.error("fault injected by the fuzzer", request=request)
        if self.midstream:
            stream = FailingStream(self.body[: len(self.body) // 2], httpx.ReadError("connection reset mid-body"))
            return httpx.Response(self.status, headers=self.headers, stream=stream, request=request)
        return httpx.Response(self.status, headers=self.headers, content=self.body, request=request)

    def _repr_pretty_(self, printer: Any, cycle: bool) -> None:  # hypothesis' falsifying-example output
        printer.text(repr(self))

    def __repr__(self) -> str:
        body = self.body if len(self.body) < 300 else self.body[:300] + b"...(%d bytes)" % len(self.body)
        extra = f", error={self.error.__name__}" if self.error else ""
        return f"Reply({self.kind!r}, {self.status}, headers={self.headers!r}, body={body!r}{extra})"


def dumps(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False).encode("utf-8")


retry_after_values = st.one_of(
    st.integers(-10, 100_000).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(repr),
    st.sampled_from(["nan", "inf", "-inf", "1e400", "0x10", "", " ", "soon", "1,2", "Infinity"]),
    st.builds(
        "{}, {:02d} {} {} {:02d}:{:02d}:{:02d} {}".format,
        st.sampled_from(["Mon", "Sun", "Xyz"]),
        st.integers(0, 99),
        st.sampled_from(["Jan", "Feb", "Dec", "Foo"]),
        st.one_of(st.integers(0, 10_000), st.integers(10**15, 10**30)),
        st.one_of(st.integers(0, 99), st.integers(10**15, 10**30)),
        st.integers(0, 99),
        st.one_of(st.integers(0, 99), st.integers(10**15, 10**30)),
        st.sampled_from(["GMT", "UTC", "+0200", "-9999", "+99999999999", "PST", ""]),
    ),
    HEADER_TEXT,
)


@st.composite
def headers(draw: st.DrawFn, content_type: str | None = None) -> list[tuple[str, str]]:
    result: list[tuple[str, str]] = []
    ctype = content_type or draw(
        st.sampled_from([*JSON_TYPES, "text/html", "text/plain", "application/xml", "application/problem+json", ""])
    )
    if ctype:
        result.append(("Content-Type", ctype))
    for _ in range(draw(st.integers(0, 2))):
        result.append(("Retry-After", draw(retry_after_values)))
    if draw(st.integers(0, 9)) == 0:
        result.append(("X-Request-Id", draw(HEADER_TEXT)))
    if draw(st.integers(0, 9)) == 0:
        result.append((draw(st.sampled_from(["Set-Cookie", "Warning", "X-Weird", "Link"])), draw(HEADER_TEXT)))
    return result


def odd_statuses() -> st.SearchStrategy[int]:
    return st.one_of(
        st.sampled_from(
            [100, 101, 201, 202, 204, 206, 301, 302, 304, 307, 402, 405, 409, 410, 418, 422, 451, 502, 504]
        ),
        st.integers(100, 999),
    )


@st.composite
def replies(draw: st.DrawFn, vendor: str, operation_id: str) -> Reply:
    """One answer to ``operation_id``, of any kind."""
    spec = operation_spec(vendor, operation_id)
    ok = spec.success
    kind = draw(
        st.sampled_from(
            [
                "valid",
                "valid",
                "compatible drift",
                "drifted",
                "documented error",
                "drifted error",
                "truncated",
                "html",
                "empty",
                "huge",
                "wrong types",
                "binary",
                "deep nesting",
                "giant numbers",
                "gzip",
                "broken encoding",
                "midstream",
                "transport error",
                "odd status",
            ]
        )
    )
    if kind == "transport error":
        return Reply(kind, error=draw(st.sampled_from(TRANSPORT_ERRORS)))
    valid = draw(valid_bodies(vendor, operation_id, ok))
    if kind in ("valid", "compatible drift"):
        body = valid if kind == "valid" else draw(compatible_drift(valid))
        fine = is_valid(vendor, spec.schemas[ok], body)
        return Reply(kind, ok, dumps(body), draw(headers(draw(st.sampled_from(JSON_TYPES)))), must_return=fine)
    if kind == "drifted":
        return Reply(kind, draw(st.sampled_from([ok, ok, *spec.schemas])), dumps(draw(drifted(valid))), draw(headers()))
    if kind in ("documented error", "drifted error"):
        errors = [code for code in spec.schemas if code >= 300]
        status = draw(st.sampled_from(errors))
        body = draw(valid_bodies(vendor, operation_id, status))
        if kind == "drifted error":
            body = draw(drifted(body))
        return Reply(kind, status, dumps(body), draw(headers()))
    status = draw(st.one_of(st.just(ok), st.sampled_from(sorted(spec.schemas)), odd_statuses()))
    text = dumps(valid)
    if kind == "truncated":
        body = text[: draw(st.integers(0, max(0, len(text) - 1)))]
    elif kind == "html":
        body = draw(st.one_of(st.sampled_from(HTML_PAGES), st.text(max_size=200).map(str.encode)))
    elif kind == "empty":
        body = draw(st.sampled_from([b"", b" ", b"\n", b"null", b"{}", b"[]", b'""', b"0"]))
    elif kind == "huge":
        body = _huge(draw, valid)
        if status == ok and is_valid(vendor, spec.schemas[ok], json.loads(body)):
            return Reply(kind, ok, body, [("Content-Type", "application/json")], must_return=True)
    elif kind == "wrong types":
        body = dumps(draw(ANY_JSON))
    elif kind == "binary":
        body = draw(st.one_of(st.binary(max_size=200), st.binary(max_size=50).map(lambda b: b"\xff\xfe\xc3(" + b)))
    elif kind == "deep nesting":
        depth = draw(st.sampled_from([100, 1_000, 10_000, 200_000]))
        body = draw(st.sampled_from([b"[" * depth + b"]" * depth, b'{"a":' * depth + b"1" + b"}" * depth]))
    elif kind == "giant numbers":
        number = draw(st.sampled_from([b"9" * 5000, b"1" * 400, b"1e400", b"-1e400", b"NaN", b"Infinity", b"1e-400"]))
        body = _numbers_replaced(text, number)
    elif kind == "gzip":
        zipped = [("Content-Type", "application/json"), ("Content-Encoding", "gzip")]
        return Reply(kind, ok, gzip.compress(text), zipped, must_return=is_valid(vendor, spec.schemas[ok], valid))
    elif kind == "broken encoding":
        encoding = draw(st.sampled_from(["gzip", "deflate", "br", "zstd", "x-unknown", "gzip, gzip"]))
        return Reply(kind, status, text, [("Content-Type", "application/json"), ("Content-Encoding", encoding)])
    elif kind == "midstream":
        return Reply(kind, ok, text, [("Content-Type", "application/json")], midstream=True)
    else:  # odd status with any body
        body = draw(st.sampled_from([text, b"", b"<html>?</html>"]))
        status = draw(odd_statuses())
    return Reply(kind, status, body, draw(headers()))


def _huge(draw: st.DrawFn, valid: Any) -> bytes:
    size = draw(st.sampled_from([256 * 1024, 1024 * 1024]))
    if isinstance(valid, list) and valid:
        item = dumps(valid[0])
        return b"[" + b",".join([item] * min(2000, max(1, size // len(item)))) + b"]"
    if isinstance(valid, dict):
        return dumps({**valid, "zzPadding": "x" * size})
    return b" " * size + dumps(valid)


def _numbers_replaced(text: bytes, number: bytes) -> bytes:
    """Every number in a JSON text written as ``number`` (one is added to an object without any)."""
    sentinel = "__FUZZ_NUMBER__"

    def walk(node: Any) -> Any:
        if isinstance(node, int | float) and not isinstance(node, bool):
            return sentinel
        if isinstance(node, list):
            return [walk(v) for v in node]
        if isinstance(node, dict):
            return {k: walk(v) for k, v in node.items()}
        return node

    value = walk(json.loads(text))
    if isinstance(value, dict) and sentinel not in json.dumps(value):
        value["fuzzNumber"] = sentinel
    return json.dumps(value).encode().replace(f'"{sentinel}"'.encode(), number)


@st.composite
def token_replies(draw: st.DrawFn) -> Reply:
    """Answers of an OAuth2 token endpoint (RFC 6749 section 5.1), mostly right, often not."""
    good = {"access_token": draw(st.text(string.ascii_letters + string.digits, min_size=1, max_size=40)),
            "token_type": "Bearer", "expires_in": draw(st.integers(0, 7200))}  # fmt: skip
    kind = draw(st.sampled_from(["valid", "valid", "drifted", "error", "giant numbers", "html", "transport error"]))
    if kind == "valid":
        return Reply(kind, 200, dumps(good), [("Content-Type", "application/json")])
    if kind == "drifted":
        return Reply(kind, draw(st.sampled_from([200, 200, 201])), dumps(draw(drifted(good))), draw(headers()))
    if kind == "error":
        body = draw(st.sampled_from([{"error": "invalid_client"}, {"error": "unsupported_grant_type"}, {}, []]))
        return Reply(kind, draw(st.sampled_from([400, 401, 403, 429, 500, 503])), dumps(body), draw(headers()))
    if kind == "giant numbers":
        number = draw(st.sampled_from([b"9" * 400, b"9" * 5000, b"1e400", b"NaN", b"-Infinity"]))
        return Reply(kind, 200, _numbers_replaced(dumps(good), number), [("Content-Type", "application/json")])
    if kind == "html":
        return Reply(kind, draw(st.sampled_from([200, 502])), draw(st.sampled_from(HTML_PAGES)), draw(headers()))
    return Reply(kind, error=draw(st.sampled_from(TRANSPORT_ERRORS)))
