"""Walk our document and the vendor's side by side and list every difference.

A difference has a kind, a location and the two sides' values, ``ours`` (spec/) and ``theirs``
(the vendor's published document). Locations are JSON-pointer-like:

    POST /2fa/2/applications                                    the operation
    POST /2fa/2/applications#/responses/201                     one status
    POST /2fa/2/pin#/parameters/query/ncNeeded                  one parameter
    POST /2fa/2/pin#/requestBody                                the request body
    POST /2fa/2/pin#/requestBody/content/application/json       one media type
    POST /2fa/2/pin#/requestBody/schema/placeholders/{}         a schema node ({} map values, [] items)
    POST /2fa/2/pin#/security/apiKey header authorization       one accepted security alternative
    POST /2fa/2/pin#/security/scopes/2fa:pin:send               one OAuth2 scope
    #/components/schemas/TfaVerification/sentAt                 a node of one of *our* named schemas
    #/components/schemas/TfaLanguage/enum/hu                    one enum value
    #/components/securitySchemes/oauth2 clientCredentials       one security scheme

A schema that is a named component on our side is reported under that name, once, however many
operations use it (the vendor's component names are not used: they change between releases).

Presence kinds (operation, parameter, property, status, media-type, header, request-body, items,
enum values, scope) carry true/false on each side; security alternatives and schemes carry counts
(two schemes can look the same, e.g. two ``Authorization`` header keys); every other kind carries
the two values, null where a side does not say.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from .normalise import (
    CONSTRAINT_KEYWORDS,
    MAX_DEPTH,
    MISSING,
    Document,
    DocumentError,
    Operation,
    Schema,
    canon,
    canon_key,
    json_schema_of,
    media_types,
    scheme_signature,
    split_statuses,
    status_class,
)

PRESENCE_KINDS = frozenset(
    {"operation", "parameter", "property", "status", "media-type", "header", "request-body", "items", "enum", "scope"}
)
COUNT_KINDS = frozenset({"security", "security-scheme"})
VALUE_KINDS = frozenset(
    {
        "operation-id",
        "required",
        "deprecated",
        "type",
        "format",
        "default",
        "enum-list",
        "enum-open",
        "additional-properties",
        "property-names",
        "oauth-url",
        *CONSTRAINT_KEYWORDS,
    }
)
KINDS = PRESENCE_KINDS | COUNT_KINDS | VALUE_KINDS


@dataclass(frozen=True)
class Difference:
    kind: str
    where: str
    ours: Any  # what spec/ says
    theirs: Any  # what the vendor's published document says
    detail: str = ""  # context for readers (an operationId), never used for matching

    def to_json(self) -> dict[str, Any]:
        out = {"kind": self.kind, "where": self.where, "ours": self.ours, "theirs": self.theirs}
        if self.detail:
            out["detail"] = self.detail
        return out

    @property
    def key(self) -> tuple[str, str, str, str]:
        return (self.where, self.kind, canon_key(self.ours), canon_key(self.theirs))


def _value(value: Any) -> Any:
    if value is MISSING:
        return None
    if isinstance(value, frozenset | set):
        return sorted(value)
    return canon(value)


class Comparison:
    """One run: our document against the vendor's."""

    def __init__(self, ours: Document, vendor: Document) -> None:
        self.ours = ours
        self.vendor = vendor
        self.found: dict[tuple[str, str, str, str], Difference] = {}
        self._compared: set[tuple[str, str]] = set()

    def add(self, kind: str, where: str, ours: Any, theirs: Any, detail: str = "") -> None:
        diff = Difference(kind, where, _value(ours), _value(theirs), detail)
        self.found.setdefault(diff.key, diff)

    def run(self) -> list[Difference]:
        self._security_schemes()
        ours_ops, vendor_ops = self.ours.operations(), self.vendor.operations()
        for key in sorted(ours_ops.keys() | vendor_ops.keys()):
            mine, theirs = ours_ops.get(key), vendor_ops.get(key)
            if mine is None or theirs is None:
                present = mine or theirs
                assert present is not None
                detail = f"operationId {present.operation_id}" if present.operation_id else ""
                self.add("operation", present.label, mine is not None, theirs is not None, detail)
                continue
            self._operation(mine, theirs)
        return sorted(self.found.values(), key=lambda d: (d.where, d.kind))

    # --- security -------------------------------------------------------------------------------

    def _security_schemes(self) -> None:
        mine = _schemes_by_signature(self.ours)
        theirs = _schemes_by_signature(self.vendor)
        for sig in sorted(mine.keys() | theirs.keys()):
            where = f"#/components/securitySchemes/{sig}"
            if len(mine.get(sig, [])) != len(theirs.get(sig, [])):
                self.add("security-scheme", where, len(mine.get(sig, [])), len(theirs.get(sig, [])))
            if sig.startswith("oauth2") and mine.get(sig) and theirs.get(sig):
                self._oauth_urls(where, mine[sig][0], theirs[sig][0])

    def _oauth_urls(self, where: str, mine: dict[str, Any], theirs: dict[str, Any]) -> None:
        for flow in sorted((mine.get("flows") or {}).keys() & (theirs.get("flows") or {}).keys()):
            a, b = mine["flows"][flow] or {}, theirs["flows"][flow] or {}
            for url in ("authorizationUrl", "tokenUrl", "refreshUrl"):
                if a.get(url) != b.get(url):
                    self.add("oauth-url", f"{where}/{flow}/{url}", a.get(url), b.get(url))

    # --- operations -----------------------------------------------------------------------------

    def _operation(self, mine: Operation, theirs: Operation) -> None:
        at = mine.label
        detail = f"operationId {mine.operation_id}" if mine.operation_id else ""
        if mine.operation_id and theirs.operation_id and mine.operation_id != theirs.operation_id:
            self.add("operation-id", at, mine.operation_id, theirs.operation_id)
        if mine.deprecated != theirs.deprecated:
            self.add("deprecated", at, mine.deprecated, theirs.deprecated, detail)
        self._parameters(at, mine, theirs, detail)
        self._request_body(at, mine.request_body, theirs.request_body, detail)
        self._responses(at, mine, theirs, detail)
        for alt in sorted(mine.security.keys() | theirs.security.keys()):
            if mine.security[alt] != theirs.security[alt]:
                self.add("security", f"{at}#/security/{alt}", mine.security[alt], theirs.security[alt], detail)
        for scope in sorted(mine.scopes ^ theirs.scopes):
            self.add("scope", f"{at}#/security/scopes/{scope}", scope in mine.scopes, scope in theirs.scopes, detail)

    def _parameters(self, at: str, mine: Operation, theirs: Operation, detail: str) -> None:
        # Path parameters are matched by position: their names do not identify the operation.
        def keyed(op: Operation) -> dict[tuple[str, str], dict[str, Any]]:
            order = _path_parameter_order(op.path)
            return {
                (("path", f"#{order.index(name)}") if where == "path" and name in order else (where, name)): param
                for (where, name), param in op.parameters.items()
            }

        a, b = keyed(mine), keyed(theirs)
        for key in sorted(a.keys() | b.keys()):
            present = a.get(key) or b.get(key) or {}
            where = f"{at}#/parameters/{present.get('in')}/{present.get('name')}"
            if key not in a or key not in b:
                self.add("parameter", where, key in a, key in b, detail)
                continue
            p, q = a[key], b[key]
            if key[0] == "path" and p.get("name") != q.get("name"):
                self.add("parameter", f"{at}#/parameters/path/{q.get('name')}", False, True, detail)
                self.add("parameter", where, True, False, detail)
                continue
            required = (p.get("required") is True or key[0] == "path", q.get("required") is True or key[0] == "path")
            if required[0] != required[1]:
                self.add("required", where, *required, detail)
            if (p.get("deprecated") is True) != (q.get("deprecated") is True):
                self.add("deprecated", where, p.get("deprecated") is True, q.get("deprecated") is True, detail)
            self._schema(p.get("schema"), q.get("schema"), f"{where}/schema", 0)

    def _request_body(self, at: str, mine: dict[str, Any] | None, theirs: dict[str, Any] | None, detail: str) -> None:
        where = f"{at}#/requestBody"
        if mine is None or theirs is None:
            if mine is not None or theirs is not None:
                self.add("request-body", where, mine is not None, theirs is not None, detail)
            return
        if (mine.get("required") is True) != (theirs.get("required") is True):
            self.add("required", where, mine.get("required") is True, theirs.get("required") is True, detail)
        self._content(where, mine.get("content"), theirs.get("content"), detail)

    def _content(self, where: str, mine: Any, theirs: Any, detail: str) -> None:
        a, b = media_types(mine), media_types(theirs)
        for name in sorted(a.keys() ^ b.keys()):
            self.add("media-type", f"{where}/content/{name}", name in a, name in b, detail)
        ours_schema, vendor_schema = json_schema_of(mine), json_schema_of(theirs)
        if ours_schema is not None and vendor_schema is not None:
            self._schema(ours_schema, vendor_schema, f"{where}/schema", 0)

    def _responses(self, at: str, mine: Operation, theirs: Operation, detail: str) -> None:
        ours_explicit, ours_ranges = split_statuses(mine.responses)
        vendor_explicit, vendor_ranges = split_statuses(theirs.responses)
        # A range on one side documents every status of its class on the other: notation, not drift.
        for status in sorted(ours_explicit - vendor_explicit):
            if status_class(status) not in vendor_ranges:
                self.add("status", f"{at}#/responses/{status}", True, False, detail)
        for status in sorted(vendor_explicit - ours_explicit):
            if status_class(status) not in ours_ranges:
                self.add("status", f"{at}#/responses/{status}", False, True, detail)
        for status in sorted(ours_ranges ^ vendor_ranges):
            other = vendor_explicit if status in ours_ranges else ours_explicit
            if not any(status_class(s) == status for s in other):
                self.add("status", f"{at}#/responses/{status}", status in ours_ranges, status in vendor_ranges, detail)
        for status in sorted(ours_explicit & vendor_explicit):
            where = f"{at}#/responses/{status}"
            a, b = mine.responses[status], theirs.responses[status]
            headers_a = {str(h).lower(): h for h in (a.get("headers") or {})}
            headers_b = {str(h).lower(): h for h in (b.get("headers") or {})}
            for name in sorted(headers_a.keys() ^ headers_b.keys()):
                shown = headers_a.get(name) or headers_b.get(name)
                self.add("header", f"{where}/headers/{shown}", name in headers_a, name in headers_b, detail)
            self._content(where, a.get("content"), b.get("content"), detail)

    # --- schemas --------------------------------------------------------------------------------

    def _schema(self, mine_raw: Any, theirs_raw: Any, where: str, depth: int) -> None:
        if depth > MAX_DEPTH:
            raise DocumentError(f"{where}: schemas nested deeper than {MAX_DEPTH}")
        mine, theirs = self.ours.schema(mine_raw), self.vendor.schema(theirs_raw)
        if mine.name:
            where = f"#/components/schemas/{mine.name}"
            pair = (mine.name, theirs.name or canon_key(self.vendor.expand(theirs_raw)))
            if pair in self._compared:
                return
            self._compared.add(pair)
        self._node(mine, theirs, where, depth)

    def _node(self, mine: Schema, theirs: Schema, where: str, depth: int) -> None:
        if mine.types != theirs.types:
            self.add("type", where, mine.types, theirs.types)
        if mine.format != theirs.format:
            self.add("format", where, mine.format, theirs.format)
        if canon_key(mine.default) != canon_key(theirs.default):
            self.add("default", where, mine.default, theirs.default)
        if mine.deprecated != theirs.deprecated:
            self.add("deprecated", where, mine.deprecated, theirs.deprecated)
        for keyword in CONSTRAINT_KEYWORDS:
            a, b = mine.constraints.get(keyword), theirs.constraints.get(keyword)
            if canon_key(a) != canon_key(b):
                self.add(keyword, where, a, b)
        self._enum(mine, theirs, where)
        self._properties(mine, theirs, where, depth)
        if (mine.items is None) != (theirs.items is None):
            self.add("items", f"{where}/[]", mine.items is not None, theirs.items is not None)
        elif mine.items is not None:
            self._schema(mine.items, theirs.items, f"{where}/[]", depth + 1)
        kinds = (_map_kind(mine.additional), _map_kind(theirs.additional))
        if kinds[0] != kinds[1]:
            self.add("additional-properties", where, *kinds)
        elif kinds[0] == "typed":
            self._schema(mine.additional, theirs.additional, f"{where}/{{}}", depth + 1)
        if mine.property_names != theirs.property_names:
            self.add("property-names", where, mine.property_names, theirs.property_names)

    def _enum(self, mine: Schema, theirs: Schema, where: str) -> None:
        if mine.enum is None or theirs.enum is None:
            if mine.enum is not None or theirs.enum is not None:
                self.add("enum-list", where, list(mine.enum or []) or None, list(theirs.enum or []) or None)
            return
        a = {canon_key(v): v for v in mine.enum}
        b = {canon_key(v): v for v in theirs.enum}
        for key in sorted(a.keys() ^ b.keys()):
            value = a.get(key, b.get(key))
            shown = value if isinstance(value, str) else key
            self.add("enum", f"{where}/enum/{shown}", key in a, key in b)
        if mine.enum_open != theirs.enum_open:
            self.add("enum-open", where, mine.enum_open, theirs.enum_open)

    def _properties(self, mine: Schema, theirs: Schema, where: str, depth: int) -> None:
        names_a = mine.properties.keys() | mine.required
        names_b = theirs.properties.keys() | theirs.required
        for name in sorted(names_a | names_b):
            at = f"{where}/{name}"
            if name not in names_a or name not in names_b:
                self.add("property", at, name in names_a, name in names_b)
                continue
            if (name in mine.required) != (name in theirs.required):
                self.add("required", at, name in mine.required, name in theirs.required)
            if name in mine.properties and name in theirs.properties:
                self._schema(mine.properties[name], theirs.properties[name], at, depth + 1)


def _map_kind(additional: Any) -> str:
    if additional is False:
        return "closed"
    return "typed" if isinstance(additional, dict) else "open"


def _path_parameter_order(path: str) -> list[str]:
    return re.findall(r"\{([^}/]*)\}", path)


def _schemes_by_signature(doc: Document) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = {}
    for scheme in doc.security_schemes().values():
        out.setdefault(scheme_signature(scheme), []).append(scheme)
    return out


def compare(ours: dict[str, Any], vendor: dict[str, Any]) -> list[Difference]:
    """Every difference between our document and the vendor's, sorted by location."""
    return Comparison(Document(ours), Document(vendor)).run()
