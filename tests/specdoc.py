"""Reading the OpenAPI documents in spec/: load, resolve ``$ref``s, walk operations and examples.

The tests' one way into the specs (the contract tests use the schema schemathesis loads). Patterns are
read as JSON Schema reads them: ``$`` is the end of the string, never "before a final newline".
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from jsonschema import Draft202012Validator, ValidationError, validators

ROOT = Path(__file__).resolve().parent.parent
SPEC_DIR = ROOT / "spec"
HTTP_METHODS = ("get", "put", "post", "delete", "patch", "head", "options", "trace")

Doc = dict[str, Any]


def load(name: str) -> Doc:
    with (SPEC_DIR / name).open(encoding="utf-8") as fh:
        doc: Doc = yaml.safe_load(fh)
    return doc


def resolve(doc: Doc, node: Any) -> Any:
    """Follow local ``$ref``s (``#/components/...``) until a concrete object."""
    seen = 0
    while isinstance(node, dict) and "$ref" in node and len(node) <= 3:
        ref = node["$ref"]
        if not ref.startswith("#/"):
            raise ValueError(f"only local refs are supported: {ref}")
        target: Any = doc
        for part in ref[2:].split("/"):
            target = target[part.replace("~1", "/").replace("~0", "~")]
        node = target
        seen += 1
        if seen > 20:
            raise ValueError(f"$ref loop at {ref}")
    return node


def operations(doc: Doc) -> Iterator[tuple[str, str, Doc, list[Any]]]:
    """Yield (method, path, operation, path-level parameters)."""
    for path, item in doc.get("paths", {}).items():
        for method in HTTP_METHODS:
            if method in item:
                yield method, path, item[method], item.get("parameters", [])


@lru_cache(maxsize=256)
def ecma_pattern(pattern: str) -> re.Pattern[str]:
    """``pattern`` as JSON Schema (ECMA-262) reads it: ``$`` outside a class is the end of the string.

    Python's ``$`` also matches before a final newline, so jsonschema's ``re.search`` took
    "41793026727\\n" for ``^[0-9]{1,15}$``; ``\\Z`` is the end Python means by nothing else.
    """
    out, in_class, escaped = [], False, False
    for ch in pattern:
        if escaped:
            escaped = False
        elif ch == "\\":
            escaped = True
        elif ch == "[":
            in_class = True
        elif ch == "]":
            in_class = False
        elif ch == "$" and not in_class:
            out.append(r"\Z")
            continue
        out.append(ch)
    return re.compile("".join(out))


def _pattern(validator: Any, pattern: str, instance: Any, schema: Any) -> Iterator[ValidationError]:
    if validator.is_type(instance, "string") and not ecma_pattern(pattern).search(instance):
        yield ValidationError(f"{instance!r} does not match {pattern!r}")


# Draft 2020-12 with ECMA-262 patterns, as the contract tests' validators (schemathesis) read them.
EcmaValidator = validators.extend(Draft202012Validator, {"pattern": _pattern})


def validator_for(doc: Doc, schema: Any) -> Draft202012Validator:
    # Refs like "#/components/schemas/X" resolve against the root of the schema being validated,
    # so the document's components ride along with it.
    root = dict(schema) if isinstance(schema, dict) else {"allOf": [schema]}
    root["components"] = doc.get("components", {})
    validator: Draft202012Validator = EcmaValidator(root)
    return validator


def example_errors(doc: Doc, schema: Any, value: Any, where: str) -> list[str]:
    return [
        f"{where}: example does not validate: {err.message} (at {'/'.join(map(str, err.absolute_path))})"
        for err in validator_for(doc, schema).iter_errors(value)
    ]


def media_examples(doc: Doc, content: Doc, where: str) -> Iterator[tuple[str, Any, Any]]:
    for mtype, media in content.items():
        schema = media.get("schema", {})
        if "example" in media:
            yield f"{where} {mtype} example", schema, media["example"]
        for name, ex in media.get("examples", {}).items():
            ex = resolve(doc, ex)
            if "value" in ex:
                yield f"{where} {mtype} examples.{name}", schema, ex["value"]


def examples_at(doc: Doc, operation_id: str, status: str | None) -> list[Any]:
    """Example values of one operation's request body (status None) or response ``status``."""
    for _method, _path, op, _ in operations(doc):
        if op.get("operationId") != operation_id:
            continue
        if status is None:
            node = resolve(doc, op.get("requestBody", {}))
        else:
            node = resolve(doc, op.get("responses", {}).get(status, {}))
        return [value for _, _, value in media_examples(doc, node.get("content", {}), operation_id)]
    return []
