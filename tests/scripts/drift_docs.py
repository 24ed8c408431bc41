"""Vendor-like documents for the drift tests, made from our own specs.

``vendor_like(vendor)`` applies the decision register's recorded vendor-side facts to our spec:
for every matcher of that vendor it finds the places in our document the matcher names (where our
value is the one recorded as ``ours``) and makes the document say what the vendor's says
(``theirs``). Compared with our spec, the result must then show exactly the registered differences:
nothing unexplained and no stale matcher. That is how the unmutated case is tested "with the
register applied" without committing a vendor document.

Only the kinds of facts the register uses today can be applied; another kind raises
``NotImplementedError`` naming it, so a new kind of register entry makes the test say what to add.

``notation_variants`` rewrite a document without changing what it means, in the ways vendors'
documents differ from ours in notation.
"""

from __future__ import annotations

import copy
import functools
import re
from collections.abc import Callable, Iterator
from typing import Any

from scripts.drift import register
from scripts.drift.normalise import HTTP_METHODS, Document, canon, canon_key, scheme_signature
from scripts.drift.register import Matcher
from tests import specdoc

SPEC_FILES = {"infobip": "infobip-2fa.yaml", "bandwidth": "bandwidth-mfa.yaml"}
Doc = dict[str, Any]


@functools.cache
def _spec(vendor: str) -> Doc:
    return specdoc.load(SPEC_FILES[vendor])


def ours(vendor: str) -> Doc:
    """A fresh copy of our spec (parsed once per test process: YAML parsing is the slow part)."""
    return copy.deepcopy(_spec(vendor))


# --- applying the register -----------------------------------------------------------------------


def vendor_like(vendor: str, decisions: list[register.Decision] | None = None) -> Doc:
    """Our spec with the register's recorded vendor-side facts applied (a fresh copy each call)."""
    if decisions is None:
        return copy.deepcopy(_vendor_like_from_the_register(vendor))
    return _apply_all(vendor, decisions)


@functools.cache
def _vendor_like_from_the_register(vendor: str) -> Doc:
    return _apply_all(vendor, register.load())


def _apply_all(vendor: str, decisions: list[register.Decision]) -> Doc:
    doc = ours(vendor)
    matchers = [m for m, _ in register.matchers_for(decisions, vendor)]
    # A scheme goes last: its removal also removes the requirements the `security` facts name.
    for matcher in sorted(matchers, key=lambda m: m.what == "security-scheme"):
        apply(doc, matcher)
    return doc


def apply(doc: Doc, matcher: Matcher) -> None:
    """Make ``doc`` say ``matcher.theirs`` wherever it now says ``matcher.ours`` at ``matcher.where``."""
    applied = 0
    if matcher.what == "security-scheme":
        applied = _drop_schemes(doc, matcher)
    elif "#" not in matcher.where or matcher.where.startswith("#/components/schemas/"):
        for where, target in list(_locations(doc)):
            if matcher.pattern.match(where) and _ours_value(doc, target, matcher.what) == matcher.ours:
                _set_theirs(doc, target, matcher)
                applied += 1
    else:
        for where, target in list(_operation_locations(doc)):
            if matcher.pattern.match(where):
                applied += _apply_to_operation(doc, target, matcher)
    if not applied:
        raise AssertionError(f"{matcher.decision}: {matcher.what} at {matcher.where} names nothing in our spec")


def _base(doc: Doc) -> str:
    return Document(doc).base_path()


def _operations(doc: Doc) -> Iterator[tuple[str, str, str, Doc]]:
    base = _base(doc)
    for path, item in doc["paths"].items():
        for method in HTTP_METHODS:
            if method in item:
                yield f"{method.upper()} {base}{path}", path, method, item[method]


def _locations(doc: Doc) -> Iterator[tuple[str, tuple[str, ...]]]:
    """Operations and named-schema properties, with a handle to find them again."""
    for label, path, method, _ in _operations(doc):
        yield label, ("operation", path, method)
    schemas = doc.get("components", {}).get("schemas", {})
    for name, schema in schemas.items():
        yield from _properties(doc, schema, f"#/components/schemas/{name}", ("schema", name))
        # An anyOf of named objects: the drift check merges them, so their properties are the parent's.
        for branch in schema.get("anyOf", []):
            branch_name = str(branch.get("$ref", "")).rsplit("/", 1)[-1]
            for prop in schemas.get(branch_name, {}).get("properties", {}):
                yield f"#/components/schemas/{name}/{prop}", ("branch", name, branch_name, prop)


def _properties(doc: Doc, schema: Any, where: str, handle: tuple[str, ...]) -> Iterator[tuple[str, tuple[str, ...]]]:
    for prop, sub in (schema.get("properties") or {}).items() if isinstance(schema, dict) else []:
        yield f"{where}/{prop}", (*handle, prop)
        if isinstance(sub, dict) and "$ref" not in sub:
            yield from _properties(doc, sub, f"{where}/{prop}", (*handle, prop))


def _node(doc: Doc, handle: tuple[str, ...]) -> tuple[Doc, str]:
    """(the schema holding the property, the property name) for a schema handle."""
    parent: Doc = doc["components"]["schemas"][handle[1]]
    for prop in handle[2:-1]:
        parent = parent["properties"][prop]
    return parent, handle[-1]


def _ours_value(doc: Doc, handle: tuple[str, ...], kind: str) -> Any:
    if handle[0] == "operation":
        return True if kind == "operation" else None
    if handle[0] == "branch":
        return True if kind == "property" else None
    parent, prop = _node(doc, handle)
    if kind == "property":
        return True
    if kind == "required":
        return prop in parent.get("required", [])
    view = Document(doc).schema(parent["properties"][prop])
    values: dict[str, Callable[[], Any]] = {
        "default": lambda: None if view.default is None else canon(view.default),
        "format": lambda: view.format,
        "enum-open": lambda: view.enum_open,
        "enum-list": lambda: list(view.enum) if view.enum is not None else None,
        "property-names": lambda: view.property_names,
    }
    if kind in values:
        return canon(values[kind]())
    if kind in ("minimum", "maximum", "minLength", "maxLength", "pattern"):
        return view.constraints.get(kind)
    raise NotImplementedError(f"applying a {kind!r} fact to a schema property")


def _set_theirs(doc: Doc, handle: tuple[str, ...], matcher: Matcher) -> None:
    kind, theirs = matcher.what, matcher.theirs
    if handle[0] == "operation":
        if kind == "operation" and theirs is False:
            path, method = handle[1], handle[2]
            del doc["paths"][path][method]
            return
        raise NotImplementedError(f"applying {kind}={theirs!r} to an operation")
    if handle[0] == "branch":
        if kind != "property" or theirs is not False:
            raise NotImplementedError(f"applying {kind}={theirs!r} to an anyOf branch")
        # The remaining branches become one plain object whose properties keep the required-ness
        # they had in the merged view (required only where every original branch required them).
        schemas = doc["components"]["schemas"]
        parent = schemas[handle[1]]
        branches = [schemas[str(b["$ref"]).rsplit("/", 1)[1]] for b in parent["anyOf"]]
        required = set.intersection(*(set(b.get("required", [])) for b in branches))
        kept = [b for b in branches if b is not schemas[handle[2]]]
        properties = {k: v for b in kept for k, v in b.get("properties", {}).items()}
        replaced: Doc = {"type": "object", "description": parent.get("description", ""), "properties": properties}
        if required & properties.keys():
            replaced["required"] = sorted(required & properties.keys())
        schemas[handle[1]] = replaced
        return
    parent, prop = _node(doc, handle)
    node = parent["properties"][prop]
    if kind == "required" and theirs is False:
        parent["required"] = [r for r in parent["required"] if r != prop]
        if not parent["required"]:
            del parent["required"]
    elif kind == "property" and theirs is False:
        del parent["properties"][prop]
        if prop in parent.get("required", []):
            parent["required"].remove(prop)
    elif kind == "enum-open" and theirs is False:
        (enum_branch,) = [b for b in node["anyOf"] if "$ref" in b or "enum" in b]
        parent["properties"][prop] = {**{k: v for k, v in node.items() if k != "anyOf"}, **enum_branch}
    elif kind == "enum-list" and theirs is None:
        parent["properties"][prop] = {**{k: v for k, v in node.items() if k != "anyOf"}, "type": "string"}
    elif theirs is None and kind in ("default", "format", "minimum", "maximum", "minLength", "maxLength", "pattern"):
        del node[kind]
    elif kind == "property-names" and theirs is None:
        del node["propertyNames"]
    else:
        raise NotImplementedError(f"applying {kind}={theirs!r} to a schema property")


def _operation_locations(doc: Doc) -> Iterator[tuple[str, tuple[str, ...]]]:
    for label, path, method, op in _operations(doc):
        yield f"{label}#/requestBody", ("requestBody", path, method)
        for status in op["responses"]:
            yield f"{label}#/responses/{status}", ("status", path, method, status)
        for param in [*doc["paths"][path].get("parameters", []), *op.get("parameters", [])]:
            param = Document(doc).deref(param)
            yield (
                f"{label}#/parameters/{param['in']}/{param['name']}/schema",
                ("parameter", path, method, param["name"]),
            )
        security: list[dict[str, Any]] = op.get("security", doc.get("security")) or []
        for alternative in security:
            sig = " & ".join(sorted(scheme_signature(_scheme(doc, n)) for n in alternative))
            yield f"{label}#/security/{sig}", ("security", path, method, sig)


def _scheme(doc: Doc, name: str) -> Doc:
    scheme: Doc = doc["components"]["securitySchemes"][name]
    return scheme


def _apply_to_operation(doc: Doc, target: tuple[str, ...], matcher: Matcher) -> int:
    kind, path, method = target[0], target[1], target[2]
    op = doc["paths"][path][method]
    if kind == "requestBody" and matcher.what == "required" and "requestBody" in op:
        body = Document(doc).deref(op["requestBody"])
        if (body.get("required") is True) != matcher.ours:
            return 0
        op["requestBody"] = {**copy.deepcopy(body), "required": matcher.theirs}
        return 1
    if kind == "parameter" and matcher.what in ("default", "minLength"):
        item = doc["paths"][path]
        for holder in (item, op):
            for i, param in enumerate(holder.get("parameters", [])):
                resolved = copy.deepcopy(Document(doc).deref(param))
                if resolved["name"] == target[3] and canon_key(resolved["schema"].get(matcher.what)) == canon_key(
                    matcher.ours
                ):
                    del resolved["schema"][matcher.what]
                    holder["parameters"][i] = resolved
                    return 1
        return 0
    if kind == "status" and matcher.what == "status" and (matcher.ours, matcher.theirs) == (True, False):
        del op["responses"][target[3]]
        return 1
    if kind == "security" and matcher.what == "security" and matcher.theirs == 0:
        security = op.get("security", doc.get("security", []))
        kept = [
            alt for alt in security if " & ".join(sorted(scheme_signature(_scheme(doc, n)) for n in alt)) != target[3]
        ]
        op["security"] = kept
        return 1
    return 0


def _drop_schemes(doc: Doc, matcher: Matcher) -> int:
    """A security scheme the vendor's document does not have: gone, with every requirement naming it."""
    signature = matcher.where.rsplit("/", 1)[1]
    schemes = doc["components"]["securitySchemes"]
    names = [n for n, s in schemes.items() if scheme_signature(s) == signature]
    if len(names) != matcher.ours or matcher.theirs != 0:
        raise NotImplementedError(f"applying security-scheme {matcher.ours}->{matcher.theirs}")
    for name in names:
        del schemes[name]
    holders = [doc, *(op for _, _, _, op in _operations(doc))]
    for holder in holders:
        if "security" in holder:
            holder["security"] = [alt for alt in holder["security"] if not set(alt) & set(names)]
    return len(names)


# --- notation-only rewrites ------------------------------------------------------------------------


def _walk(node: Any) -> Iterator[dict[str, Any]]:
    if isinstance(node, dict):
        yield node
        for value in node.values():
            yield from _walk(value)
    elif isinstance(node, list):
        for value in node:
            yield from _walk(value)


def inline_schema_refs(doc: Doc) -> Doc:
    """Every ``$ref`` to a schema replaced by a copy of the schema ($ref vs inline)."""
    schemas = doc["components"]["schemas"]

    def inline(node: Any) -> Any:
        if isinstance(node, dict):
            if "$ref" in node and str(node["$ref"]).startswith("#/components/schemas/"):
                target = schemas[node["$ref"].rsplit("/", 1)[1]]
                return {**inline(copy.deepcopy(target)), **{k: v for k, v in node.items() if k != "$ref"}}
            return {k: inline(v) for k, v in node.items()}
        if isinstance(node, list):
            return [inline(v) for v in node]
        return node

    doc["paths"] = inline(doc["paths"])
    return doc


def wrap_refs_in_all_of(doc: Doc) -> Doc:
    """``{$ref, description}`` as ``{allOf: [{$ref}], description}``, the way Infobip writes them."""
    for node in list(_walk(doc)):
        if "$ref" in node and str(node["$ref"]).startswith("#/components/schemas/"):
            node["allOf"] = [{"$ref": node.pop("$ref")}]
    return doc


def add_xml_media_types(doc: Doc) -> Doc:
    for node in list(_walk(doc)):
        content = node.get("content")
        if isinstance(content, dict) and "application/json" in content:
            content["application/xml"] = copy.deepcopy(content["application/json"])
    return doc


def add_read_write_only_flags(doc: Doc) -> Doc:
    for schema in doc["components"]["schemas"].values():
        for prop in (schema.get("properties") or {}).values():
            prop.update(readOnly=False, writeOnly=True)
    return doc


def range_statuses(doc: Doc) -> Doc:
    """Every error status but one per class folded into ``4XX``/``5XX`` with the same body."""
    for _, _, _, op in _operations(doc):
        responses = op["responses"]
        for klass in "45":
            codes = sorted(c for c in responses if c.startswith(klass))
            if len(codes) > 1:
                responses[f"{klass}XX"] = responses[codes[-1]]
                for code in codes[1:]:
                    del responses[code]
    return doc


def rename_security_schemes(doc: Doc) -> Doc:
    """Other scheme names, and OAuth2 scopes moved to ``x-scopes`` (Infobip's notation)."""
    schemes = doc["components"]["securitySchemes"]
    renames = {name: f"Vendor{name}Scheme" for name in schemes}
    doc["components"]["securitySchemes"] = {renames[n]: s for n, s in schemes.items()}
    for holder in [doc, *(op for _, _, _, op in _operations(doc))]:
        if "security" not in holder:
            continue
        scopes = sorted({s for alt in holder["security"] for s in (alt.get("OAuth2") or [])})
        if scopes:
            holder["x-scopes"] = scopes
        renamed: list[dict[str, list[str]]] = []
        for alt in holder["security"]:
            entry: dict[str, list[str]] = {renames[n]: [] for n in alt}
            if entry not in renamed:
                renamed.append(entry)
        holder["security"] = renamed
    return doc


def as_openapi_30(doc: Doc) -> Doc:
    """3.0 spelling: ``example`` for ``examples``, the version string, ``\\d`` in patterns, 2.0 for 2."""
    doc["openapi"] = "3.0.3"
    for node in list(_walk(doc)):
        if isinstance(node.get("examples"), list):
            node["example"] = node.pop("examples")[0]
        if isinstance(node.get("pattern"), str):
            node["pattern"] = re.sub(r"\[0-9\]", r"\\d", node["pattern"])
        if node.get("maximum") == 2:
            node["maximum"] = 2.0
    return doc


def base_path_in_paths(doc: Doc) -> Doc:
    """The server's base path moved into every path (``/api/v1`` in ``servers`` or in ``paths``)."""
    base = _base(doc)
    doc["servers"] = [{"url": "https://vendor.example"}]
    doc["paths"] = {base + path: item for path, item in doc["paths"].items()}
    return doc


def parameters_on_operations(doc: Doc) -> Doc:
    """Path-item parameters repeated on each operation instead."""
    for item in doc["paths"].values():
        shared = item.pop("parameters", [])
        for method in HTTP_METHODS:
            if method in item:
                item[method]["parameters"] = [*shared, *item[method].get("parameters", [])]
    return doc


def charset_media_types(doc: Doc) -> Doc:
    for node in list(_walk(doc)):
        content = node.get("content")
        if isinstance(content, dict) and "application/json" in content:
            node["content"] = {"application/json; charset=utf-8": content.pop("application/json"), **content}
    return doc


NOTATION_VARIANTS: dict[str, Callable[[Doc], Doc]] = {
    "ref-vs-inline": inline_schema_refs,
    "allOf-wrapped-refs": wrap_refs_in_all_of,
    "xml-media-types": add_xml_media_types,
    "readOnly-writeOnly": add_read_write_only_flags,
    "4XX-5XX-ranges": range_statuses,
    "security-scheme-names-and-x-scopes": rename_security_schemes,
    "openapi-3.0-spelling": as_openapi_30,
    "base-path-in-paths": base_path_in_paths,
    "parameters-on-operations": parameters_on_operations,
    "media-type-parameters": charset_media_types,
}
