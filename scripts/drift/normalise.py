"""One view of an OpenAPI 3.0 or 3.1 document in which notation no longer matters.

What is treated as notation, and how:

- ``$ref`` or inline: references are followed; a schema keeps the name of the component it came
  from (a reference with only annotations beside it, or a one-branch ``allOf`` around one) only
  so that reports can group a shared schema's differences in one place.
- ``allOf`` is merged into one schema; ``anyOf``/``oneOf`` into one schema that accepts what any
  branch accepts (``anyOf: [Enum, {type: string}]`` becomes an *open* enum: known values listed,
  any string accepted).
- 3.0 against 3.1: ``nullable: true`` adds ``null`` to the types; a boolean ``exclusiveMinimum``
  becomes the 3.1 number; ``const`` is a one-value enum; ``type: [x, 'null']`` is read as a set.
- Annotations are dropped: descriptions, titles, examples, ``readOnly``/``writeOnly`` (the side a
  schema is used on is known from where it is used; vendors' generators set these flags
  mechanically), ``xml``, ``externalDocs`` and ``x-`` extensions (except ``x-scopes``, see below).
- Patterns are read with ECMA-262 semantics, OpenAPI's own: ``\\d`` is written ``[0-9]``.
- Numbers: ``1`` and ``1.0`` are the same value.
- XML media types are dropped; media types lose their parameters (``; charset=utf-8``).
- Security schemes are known by what they are, not by their names: ``http basic``,
  ``apiKey header authorization``, ``oauth2 clientCredentials``. OAuth2 scopes of an operation are
  those of its security requirements plus its ``x-scopes`` list (where Infobip publishes them).
- Paths include the base path of the first server, so ``/api/v1`` in ``servers`` or in ``paths``
  is the same; path parameter names do not identify an operation (``{appId}`` = ``{id}``).

Everything here is bounded: reference chains, nesting depth and document size (see ``load``).
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, field, replace
from typing import Any
from urllib.parse import unquote, urlsplit

HTTP_METHODS = ("get", "put", "post", "delete", "patch", "head", "options", "trace")
MAX_REF_CHAIN = 50
MAX_DEPTH = 64  # nesting of schemas inside schemas; real documents stay under 10
RANGE_STATUS = re.compile(r"^[1-5]XX$", re.IGNORECASE)
# Parameters OpenAPI says to ignore: they are described by other means (media types, security).
IGNORED_HEADER_PARAMETERS = frozenset({"accept", "content-type", "authorization"})
ANNOTATIONS = frozenset(
    {
        "description",
        "title",
        "example",
        "examples",
        "readOnly",
        "writeOnly",
        "$comment",
        "xml",
        "externalDocs",
        "discriminator",
        "contentMediaType",
        "contentEncoding",
    }
)
BOUND_KEYWORDS = ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum")
CONSTRAINT_KEYWORDS = (
    *BOUND_KEYWORDS,
    "multipleOf",
    "minLength",
    "maxLength",
    "pattern",
    "minItems",
    "maxItems",
    "uniqueItems",
    "minProperties",
    "maxProperties",
)
LOWER_BOUNDS = frozenset({"minimum", "exclusiveMinimum", "minLength", "minItems", "minProperties"})
UPPER_BOUNDS = frozenset({"maximum", "exclusiveMaximum", "maxLength", "maxItems", "maxProperties"})


class DocumentError(Exception):
    """The document cannot be read as OpenAPI (an external or broken $ref, a loop, too deep)."""


class _Missing:
    def __repr__(self) -> str:
        return "MISSING"


MISSING: Any = _Missing()


def canon(value: Any) -> Any:
    """Values compared by meaning: integral floats are ints, mappings are sorted; MISSING is None."""
    if value is MISSING:
        return None
    if isinstance(value, bool) or value is None or isinstance(value, str):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, list | tuple):
        return [canon(v) for v in value]
    if isinstance(value, dict):
        return {str(k): canon(v) for k, v in sorted(value.items(), key=lambda kv: str(kv[0]))}
    return value


def canon_key(value: Any) -> str:
    return json.dumps(canon(value), sort_keys=True, ensure_ascii=False)


def ecma_pattern(pattern: str) -> str:
    """``\\d`` as ``[0-9]`` (inside a class: ``0-9``); other escapes are kept as written."""
    out: list[str] = []
    in_class = False
    i = 0
    while i < len(pattern):
        char = pattern[i]
        if char == "\\" and i + 1 < len(pattern):
            pair = pattern[i : i + 2]
            out.append(("0-9" if in_class else "[0-9]") if pair == "\\d" else pair)
            i += 2
            continue
        if char == "[" and not in_class:
            in_class = True
        elif char == "]" and in_class:
            in_class = False
        out.append(char)
        i += 1
    return "".join(out)


def only_annotations(node: dict[str, Any]) -> bool:
    return all(key in ANNOTATIONS or key.startswith("x-") for key in node)


@dataclass(frozen=True)
class Schema:
    """One schema with combinators merged away. Children stay raw (resolved when compared)."""

    name: str | None = None  # the component it came from, for grouping only
    types: frozenset[str] | None = None  # None: any type
    format: str | None = None
    enum: tuple[Any, ...] | None = None  # canonical values
    enum_open: bool = False  # values listed, but any value of the type accepted
    constraints: dict[str, Any] = field(default_factory=dict)
    default: Any = MISSING
    deprecated: bool = False
    properties: dict[str, Any] = field(default_factory=dict)
    required: frozenset[str] = frozenset()
    items: Any = None  # raw item schema, None when not an array schema
    additional: Any = None  # None: not said (open); False: closed; a raw schema: typed map
    property_names: str | None = None  # canonical JSON of the fully resolved schema
    is_object: bool = False  # declares properties, required names or additionalProperties


def _enum_of(values: list[Any]) -> tuple[Any, ...]:
    unique = {canon_key(v): canon(v) for v in values}
    return tuple(unique[k] for k in sorted(unique))


def _merge_children(children: list[dict[str, Any]], combinator: str) -> dict[str, Any]:
    names: dict[str, list[Any]] = {}
    for props in children:
        for name, sub in props.items():
            names.setdefault(name, []).append(sub)
    return {name: subs[0] if len(subs) == 1 else {combinator: subs} for name, subs in names.items()}


def merge_all(parts: list[Schema]) -> Schema:
    """``allOf``: a value must satisfy every part."""
    typed = [p.types for p in parts if p.types is not None]
    types = frozenset.intersection(*typed) if typed else None
    enums = [p for p in parts if p.enum is not None]
    enum: tuple[Any, ...] | None = None
    if enums:
        keys = set.intersection(*({canon_key(v) for v in p.enum or ()} for p in enums))
        enum = tuple(v for v in enums[0].enum or () if canon_key(v) in keys)
    constraints: dict[str, Any] = {}
    for part in parts:
        for key, value in part.constraints.items():
            if key not in constraints or constraints[key] == value:
                constraints[key] = value
            elif key in LOWER_BOUNDS:
                constraints[key] = max(constraints[key], value)
            elif key in UPPER_BOUNDS:
                constraints[key] = min(constraints[key], value)
            elif key == "pattern":
                constraints[key] = " & ".join(sorted({*str(constraints[key]).split(" & "), value}))
            else:
                constraints[key] = constraints[key] or value
    additional: Any = None
    typed_maps = [p.additional for p in parts if isinstance(p.additional, dict)]
    if any(p.additional is False for p in parts):
        additional = False
    elif typed_maps:
        additional = typed_maps[0] if len(typed_maps) == 1 else {"allOf": typed_maps}
    items = [p.items for p in parts if p.items is not None]
    return Schema(
        types=types,
        format=next((p.format for p in parts if p.format), None),
        enum=enum,
        enum_open=bool(enums) and all(p.enum_open for p in enums),
        constraints=constraints,
        default=next((p.default for p in parts if p.default is not MISSING), MISSING),
        deprecated=any(p.deprecated for p in parts),
        properties=_merge_children([p.properties for p in parts], "allOf"),
        required=frozenset().union(*(p.required for p in parts)),
        items=None if not items else items[0] if len(items) == 1 else {"allOf": items},
        additional=additional,
        property_names=next((p.property_names for p in parts if p.property_names), None),
        is_object=any(p.is_object for p in parts),
    )


def merge_any(branches: list[Schema]) -> Schema:
    """``anyOf``/``oneOf``: a value must satisfy one branch. A ``null`` branch only adds ``null``."""
    if not branches:
        return Schema()
    types: frozenset[str] | None = None
    if all(b.types is not None for b in branches):
        types = frozenset().union(*(b.types or frozenset() for b in branches))
    values = [b for b in branches if b.types != frozenset({"null"})] or branches
    enum: tuple[Any, ...] | None = None
    enum_open = False
    listed = [b for b in values if b.enum is not None]
    if listed:
        enum = _enum_of([v for b in listed for v in b.enum or ()])
        enum_open = len(listed) < len(values) or any(b.enum_open for b in listed)
    first = values[0]
    constraints = {
        key: value for key, value in first.constraints.items() if all(b.constraints.get(key) == value for b in values)
    }
    objects = [b for b in values if b.is_object]
    items = [b.items for b in values if b.items is not None]
    additional: Any = None
    if objects and all(b.additional is False for b in objects):
        additional = False
    property_names = first.property_names if all(b.property_names == first.property_names for b in values) else None
    return Schema(
        types=types,
        format=first.format if all(b.format == first.format for b in values) else None,
        enum=enum,
        enum_open=enum_open,
        constraints=constraints,
        default=first.default if all(canon_key(b.default) == canon_key(first.default) for b in values) else MISSING,
        deprecated=all(b.deprecated for b in values),
        properties=_merge_children([b.properties for b in values], "anyOf"),
        required=frozenset.intersection(*(b.required for b in objects)) if objects else frozenset(),
        items=None if not items else items[0] if len(items) == 1 else {"anyOf": items},
        additional=additional,
        property_names=property_names,
        is_object=bool(objects),
    )


@dataclass(frozen=True)
class Operation:
    method: str  # upper case
    path: str  # with the server base path
    operation_id: str | None
    parameters: dict[tuple[str, str], dict[str, Any]]  # (in, name) -> resolved parameter
    request_body: dict[str, Any] | None
    responses: dict[str, dict[str, Any]]  # status -> resolved response
    security: Counter[str]  # alternatives: "http basic", "apiKey header authorization & ..."
    scopes: frozenset[str]
    deprecated: bool = False

    @property
    def label(self) -> str:
        return f"{self.method} {self.path}"


def path_key(path: str) -> str:
    """Path parameter names do not identify an operation."""
    return re.sub(r"\{[^}/]*\}", "{}", path)


class Document:
    """An OpenAPI document with its references resolvable and its parts normalised."""

    def __init__(self, doc: dict[str, Any]) -> None:
        self.doc = doc
        self._named: dict[str, Schema] = {}

    # --- references -----------------------------------------------------------------------------

    def pointer(self, ref: str) -> Any:
        node: Any = self.doc
        for part in ref[2:].split("/") if ref != "#" else []:
            key = unquote(part).replace("~1", "/").replace("~0", "~")
            if isinstance(node, dict) and key in node:
                node = node[key]
            elif isinstance(node, list) and key.isdigit() and int(key) < len(node):
                node = node[int(key)]
            else:
                raise DocumentError(f"$ref {ref} points at nothing")
        return node

    def resolve(self, node: Any) -> tuple[Any, str | None]:
        """Follow ``$ref`` until a concrete object; also the first schema component name met."""
        name: str | None = None
        seen: list[str] = []
        while isinstance(node, dict) and "$ref" in node:
            ref = node["$ref"]
            if not isinstance(ref, str) or not ref.startswith("#"):
                raise DocumentError(f"$ref {ref!r}: only references inside the document are followed")
            if ref in seen:
                raise DocumentError(f"$ref loop: {' -> '.join([*seen, ref])}")
            if len(seen) >= MAX_REF_CHAIN:
                raise DocumentError(f"$ref chain longer than {MAX_REF_CHAIN} at {ref}")
            seen.append(ref)
            if name is None and ref.startswith("#/components/schemas/"):
                name = unquote(ref.rsplit("/", 1)[1]).replace("~1", "/").replace("~0", "~")
            node = self.pointer(ref)
        return node, name

    def deref(self, node: Any) -> Any:
        return self.resolve(node)[0]

    # --- schemas --------------------------------------------------------------------------------

    def schema(self, raw: Any, depth: int = 0) -> Schema:
        if depth > MAX_DEPTH:
            raise DocumentError(f"schemas nested deeper than {MAX_DEPTH}")
        if raw is True or raw is None:
            return Schema()
        if raw is False:
            return Schema(types=frozenset())
        if not isinstance(raw, dict):
            raise DocumentError(f"a schema must be an object, not {type(raw).__name__}")
        if "$ref" in raw:
            target, name = self.resolve({"$ref": raw["$ref"]})
            rest = {k: v for k, v in raw.items() if k != "$ref"}
            if only_annotations(rest):
                return self._named_schema(name, target, depth) if name else self.schema(target, depth + 1)
            return merge_all([self.schema(target, depth + 1), self.schema(rest, depth + 1)])
        if "allOf" in raw:
            parts = raw["allOf"] if isinstance(raw["allOf"], list) else []
            rest = {k: v for k, v in raw.items() if k != "allOf"}
            if len(parts) == 1 and only_annotations(rest):
                return self.schema(parts[0], depth + 1)
            schemas = [self.schema(p, depth + 1) for p in parts]
            if not only_annotations(rest):
                schemas.append(self.schema(rest, depth + 1))
            return merge_all(schemas)
        if "anyOf" in raw or "oneOf" in raw:
            branches = [*raw.get("anyOf", []), *raw.get("oneOf", [])]
            union = merge_any([self.schema(b, depth + 1) for b in branches])
            rest = {k: v for k, v in raw.items() if k not in ("anyOf", "oneOf")}
            return union if only_annotations(rest) else merge_all([union, self.schema(rest, depth + 1)])
        return self._plain(raw, depth)

    def _named_schema(self, name: str, target: Any, depth: int) -> Schema:
        if name not in self._named:
            self._named[name] = replace(self.schema(target, depth + 1), name=name)
        return self._named[name]

    def _plain(self, raw: dict[str, Any], depth: int) -> Schema:
        declared = raw.get("type")
        types: set[str] | None = None
        if isinstance(declared, str):
            types = {declared}
        elif isinstance(declared, list):
            types = {str(t) for t in declared}
        is_object = any(k in raw for k in ("properties", "required", "additionalProperties", "patternProperties"))
        if types is None and is_object:
            types = {"object"}
        if types is None and "items" in raw:
            types = {"array"}
        if types is not None and raw.get("nullable") is True:
            types.add("null")
        enum: tuple[Any, ...] | None = None
        if isinstance(raw.get("enum"), list):
            enum = _enum_of(raw["enum"])
        elif "const" in raw:
            enum = _enum_of([raw["const"]])
        constraints = {k: canon(raw[k]) for k in CONSTRAINT_KEYWORDS if k in raw and not isinstance(raw[k], bool)}
        if raw.get("uniqueItems") is True:
            constraints["uniqueItems"] = True
        for bound, plain in (("exclusiveMinimum", "minimum"), ("exclusiveMaximum", "maximum")):
            if raw.get(bound) is True and plain in raw:  # OpenAPI 3.0 spelling
                constraints[bound] = canon(raw[plain])
                constraints.pop(plain, None)
        if "pattern" in constraints:
            constraints["pattern"] = ecma_pattern(str(constraints["pattern"]))
        required: list[Any] = raw["required"] if isinstance(raw.get("required"), list) else []
        properties: dict[str, Any] = raw["properties"] if isinstance(raw.get("properties"), dict) else {}
        additional = raw.get("additionalProperties")
        if additional is True or (isinstance(additional, dict) and not additional):
            additional = None
        names = raw.get("propertyNames")
        return Schema(
            types=frozenset(types) if types is not None else None,
            format=str(raw["format"]) if "format" in raw else None,
            enum=enum,
            constraints=constraints,
            default=canon(raw["default"]) if "default" in raw else MISSING,
            deprecated=raw.get("deprecated") is True,
            properties=dict(properties),
            required=frozenset(str(r) for r in required),
            items=raw.get("items"),
            additional=additional,
            property_names=canon_key(self.expand(names, depth)) if names is not None else None,
            is_object=is_object,
        )

    def expand(self, node: Any, depth: int = 0) -> Any:
        """``node`` with every reference replaced and annotations dropped (for whole-value comparison)."""
        if depth > MAX_DEPTH:
            raise DocumentError(f"schemas nested deeper than {MAX_DEPTH}")
        node = self.deref(node)
        if isinstance(node, dict):
            kept = {k: v for k, v in node.items() if k not in ANNOTATIONS and not k.startswith("x-")}
            return {k: self.expand(v, depth + 1) for k, v in kept.items()}
        if isinstance(node, list):
            return [self.expand(v, depth + 1) for v in node]
        return node

    # --- operations -----------------------------------------------------------------------------

    def base_path(self) -> str:
        servers = self.doc.get("servers")
        if not isinstance(servers, list) or not servers or not isinstance(servers[0], dict):
            return ""
        url = str(servers[0].get("url", ""))
        for name, var in (servers[0].get("variables") or {}).items():
            url = url.replace("{" + name + "}", str((var or {}).get("default", "")))
        path = urlsplit(url).path if "//" in url else url
        return path.rstrip("/")

    def security_schemes(self) -> dict[str, dict[str, Any]]:
        schemes = (self.doc.get("components") or {}).get("securitySchemes") or {}
        return {name: self.deref(s) for name, s in schemes.items() if isinstance(self.deref(s), dict)}

    def operations(self) -> dict[tuple[str, str], Operation]:
        base = self.base_path()
        schemes = self.security_schemes()
        top_security = self.doc.get("security")
        found: dict[tuple[str, str], Operation] = {}
        for raw_path, item in (self.doc.get("paths") or {}).items():
            item = self.deref(item)
            if not isinstance(item, dict):
                continue
            path = base + str(raw_path)
            shared = self._parameters(item.get("parameters"))
            for method in HTTP_METHODS:
                op = item.get(method)
                if not isinstance(op, dict):
                    continue
                body = self.deref(op["requestBody"]) if "requestBody" in op else None
                security = op.get("security", top_security)
                found[(method.upper(), path_key(path))] = Operation(
                    method=method.upper(),
                    path=path,
                    operation_id=str(op["operationId"]) if "operationId" in op else None,
                    parameters={**shared, **self._parameters(op.get("parameters"))},
                    request_body=body if isinstance(body, dict) else None,
                    responses={
                        str(code): self.deref(resp)
                        for code, resp in (op.get("responses") or {}).items()
                        if isinstance(self.deref(resp), dict)
                    },
                    security=alternatives(security, schemes),
                    scopes=scopes(security, schemes, op.get("x-scopes")),
                    deprecated=op.get("deprecated") is True,
                )
        return found

    def _parameters(self, raw: Any) -> dict[tuple[str, str], dict[str, Any]]:
        out: dict[tuple[str, str], dict[str, Any]] = {}
        for param in raw if isinstance(raw, list) else []:
            param = self.deref(param)
            if not isinstance(param, dict) or "name" not in param:
                continue
            where, name = str(param.get("in", "")), str(param["name"])
            if where == "header":
                if name.lower() in IGNORED_HEADER_PARAMETERS:
                    continue
                name = name.lower()
            out[(where, name)] = param
        return out


# --- security --------------------------------------------------------------------------------------


def scheme_signature(scheme: dict[str, Any]) -> str:
    kind = str(scheme.get("type", "?"))
    if kind == "http":
        return f"http {str(scheme.get('scheme', '')).lower()}"
    if kind == "apiKey":
        where = str(scheme.get("in", ""))
        name = str(scheme.get("name", ""))
        return f"apiKey {where} {name.lower() if where == 'header' else name}"
    if kind == "oauth2":
        return f"oauth2 {'+'.join(sorted(scheme.get('flows') or {}))}"
    if kind == "openIdConnect":
        return f"openIdConnect {scheme.get('openIdConnectUrl', '')}"
    return kind


def alternatives(security: Any, schemes: dict[str, dict[str, Any]]) -> Counter[str]:
    """The multiset of accepted alternatives, each the schemes it combines (names replaced).

    Requirements that differ only in their scopes count once: ``[{OAuth2: [a]}, {OAuth2: [b]}]``
    is how OpenAPI says "scope a or scope b", and scopes are compared on their own. Two different
    schemes that look alike (two ``Authorization`` header keys) still count twice.
    """
    found: Counter[str] = Counter()
    seen: set[frozenset[str]] = set()
    for requirement in security if isinstance(security, list) else []:
        if not isinstance(requirement, dict) or frozenset(requirement) in seen:
            continue
        seen.add(frozenset(requirement))
        parts = sorted(scheme_signature(schemes[n]) if n in schemes else f"undeclared {n}" for n in requirement)
        found[" & ".join(parts) if parts else "anonymous"] += 1
    return found


def scopes(security: Any, schemes: dict[str, dict[str, Any]], extension: Any) -> frozenset[str]:
    found: set[str] = {str(s) for s in extension} if isinstance(extension, list) else set()
    for requirement in security if isinstance(security, list) else []:
        for name, listed in (requirement or {}).items():
            if str(schemes.get(name, {}).get("type")) in ("oauth2", "openIdConnect") and isinstance(listed, list):
                found.update(str(s) for s in listed)
    return frozenset(found)


# --- media types and statuses ------------------------------------------------------------------------


def media_type(name: str) -> str:
    return name.split(";", 1)[0].strip().lower()


def is_xml(name: str) -> bool:
    base = media_type(name)
    return base in ("application/xml", "text/xml") or base.endswith("+xml")


def media_types(content: Any) -> dict[str, dict[str, Any]]:
    """Non-XML media types (parameters dropped) and their media objects."""
    out: dict[str, dict[str, Any]] = {}
    for name, media in (content or {}).items() if isinstance(content, dict) else []:
        if not is_xml(str(name)):
            out.setdefault(media_type(str(name)), media if isinstance(media, dict) else {})
    return out


def json_schema_of(content: Any) -> Any:
    """The schema of the JSON media type (``application/json`` first), or None."""
    types = media_types(content)
    for name in sorted(types, key=lambda n: (n != "application/json", n)):
        if name == "application/json" or name.endswith("+json") or name.endswith("/json"):
            return types[name].get("schema")
    return None


def status_class(status: str) -> str | None:
    """``4XX`` for ``404``; None for ``default`` and range keys themselves."""
    return f"{status[0]}XX" if status.isdigit() and len(status) == 3 else None


def split_statuses(responses: dict[str, Any]) -> tuple[set[str], set[str]]:
    """(explicit statuses, ranges); ``default`` counts as a range covering every class."""
    explicit = {s for s in responses if s.isdigit()}
    ranges = {s.upper() for s in responses if RANGE_STATUS.match(s)}
    if "default" in responses:
        ranges |= {f"{c}XX" for c in "12345"}
    return explicit, ranges
