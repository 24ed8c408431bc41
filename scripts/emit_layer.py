"""Emit the per-operation part of the layer from the spec: ``overrides/twofa_clients/<vendor>/_operations.py``.

openapi-python-client's templates do not see ``x-`` extensions, so this small emitter writes what the
layer needs per operation, run by ``make generate`` right after the generator:

- the operations table: each operationId with its generated module, success type, retry safety
  (GET and PUT are idempotent, POST is a send, ``x-twofa-retry`` says otherwise, e.g. ``verify``) and
  the window of its documented rate limit (``x-twofa-rate-limit-window``, seconds);
- one sync and one async method per operation, named after the operationId, with its docstring from
  the spec, taking what the generated function takes (path parameters, body, query parameters).

Parameter names, types and defaults are read from the generated function itself (its AST), so the
methods always match the code they call. Operations marked ``x-twofa-method: hand-written`` (verify,
which returns a ``VerifyResult``; the Basic-only v1 API-key call) get a table entry but no method:
their methods are written by hand in ``<vendor>/_client.py``.
"""

from __future__ import annotations

import ast
import re
import subprocess
import sys
import textwrap
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from openapi_python_client.strings import ClassName, snake_case

ROOT = Path(__file__).resolve().parent.parent
HTTP_METHODS = ("get", "put", "post", "delete", "patch")
SAFETY = {"get": "IDEMPOTENT", "put": "IDEMPOTENT", "delete": "IDEMPOTENT", "post": "SEND", "patch": "SEND"}
RETRY_EXTENSION = {"verify": "VERIFY", "idempotent": "IDEMPOTENT", "send": "SEND"}


@dataclass(frozen=True)
class LayerVendor:
    """One vendor's layer module: where it comes from and what the client binds itself."""

    spec: str
    package: str  # the generated package
    layer: str  # the layer's vendor package under overrides/twofa_clients
    title: str  # "Infobip 2FA"
    prefix: str  # class name prefix: "Infobip" -> InfobipOperations, AsyncInfobipOperations
    bound: tuple[str, ...] = ()  # parameters the client supplies itself (Bandwidth's account_id)

    @property
    def output(self) -> Path:
        return ROOT / "overrides" / "twofa_clients" / self.layer / "_operations.py"


VENDORS = (
    LayerVendor("spec/infobip-2fa.yaml", "infobip_2fa_client", "infobip", "Infobip 2FA", "Infobip"),
    LayerVendor(
        "spec/bandwidth-mfa.yaml", "bandwidth_mfa_client", "bandwidth", "Bandwidth MFA", "Bandwidth", ("account_id",)
    ),
)


class EmitError(RuntimeError):
    pass


@dataclass
class Param:
    name: str
    annotation: str  # as the generated function writes it
    default: str | None  # source text, or None when required
    keyword_only: bool

    @property
    def optional_unset(self) -> bool:
        """An optional parameter whose "not given" is ``UNSET``: the method takes None for it."""
        return self.default == "UNSET"


@dataclass
class OperationSpec:
    operation_id: str
    method: str
    module: str  # dotted, under the generated package
    success: str  # "Model", "list[Model]" or "str"
    safety: str
    window: float | None
    hand_written: bool
    summary: str
    description: str
    params: list[Param] = field(default_factory=list)
    body_model: str | None = None  # the model an optional body defaults to

    @property
    def constant(self) -> str:
        return snake_case(self.operation_id).upper()

    @property
    def python_name(self) -> str:
        return snake_case(self.operation_id)


def _resolve(spec: dict[str, Any], node: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in node:
        target: Any = spec
        for part in node["$ref"].lstrip("#/").split("/"):
            target = target[part]
        node = target
    return node


def _ref_name(node: dict[str, Any]) -> str | None:
    ref = node.get("$ref")
    return ref.rsplit("/", 1)[1] if isinstance(ref, str) else None


def _success_type(spec: dict[str, Any], operation: dict[str, Any]) -> str:
    statuses = sorted(str(s) for s in operation["responses"] if str(s).startswith("2"))
    if not statuses:
        raise EmitError(f"{operation['operationId']}: no 2xx response")
    response = _resolve(spec, operation["responses"][statuses[0]])
    schema = response.get("content", {}).get("application/json", {}).get("schema")
    if schema is None:
        raise EmitError(f"{operation['operationId']}: the {statuses[0]} response has no application/json schema")
    name = _ref_name(schema)
    if name:
        return str(ClassName(name, ""))
    schema = _resolve(spec, schema)
    if schema.get("type") == "array":
        item = _ref_name(schema["items"])
        if not item:
            raise EmitError(f"{operation['operationId']}: a list of inline schemas is not supported")
        return f"list[{ClassName(item, '')}]"
    if schema.get("type") == "string":
        return "str"
    raise EmitError(f"{operation['operationId']}: unsupported success schema {schema!r}")


def _generated_function(package_dir: Path, python_name: str) -> tuple[str, ast.FunctionDef]:
    """The module (dotted, under api.) and the ``sync_detailed`` of a generated operation."""
    matches = sorted(package_dir.glob(f"api/*/{python_name}.py"))
    if len(matches) != 1:
        raise EmitError(f"{python_name}: expected one generated module, found {len(matches)}")
    path = matches[0]
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.FunctionDef) and node.name == "sync_detailed":
            return f"api.{path.parent.name}.{path.stem}", node
    raise EmitError(f"{path}: no sync_detailed")


def _params(function: ast.FunctionDef, bound: tuple[str, ...]) -> list[Param]:
    params: list[Param] = []
    positional = function.args.args
    for arg in positional:
        if arg.arg not in bound:
            params.append(Param(arg.arg, ast.unparse(arg.annotation) if arg.annotation else "Any", None, False))
    for arg, default in zip(function.args.kwonlyargs, function.args.kw_defaults, strict=True):
        if arg.arg == "client" or arg.arg in bound:
            continue
        params.append(
            Param(
                arg.arg,
                ast.unparse(arg.annotation) if arg.annotation else "Any",
                None if default is None else ast.unparse(default),
                True,
            )
        )
    return params


def _operations(vendor: LayerVendor, package_dir: Path) -> list[OperationSpec]:
    spec = yaml.safe_load((ROOT / vendor.spec).read_text(encoding="utf-8"))
    found: list[OperationSpec] = []
    for path_item in spec["paths"].values():
        for method in HTTP_METHODS:
            operation = path_item.get(method)
            if operation is None:
                continue
            operation_id = operation["operationId"]
            python_name = snake_case(operation_id)
            module, function = _generated_function(package_dir, python_name)
            retry = operation.get("x-twofa-retry")
            if retry is not None and retry not in RETRY_EXTENSION:
                raise EmitError(f"{operation_id}: x-twofa-retry must be one of {sorted(RETRY_EXTENSION)}")
            window = operation.get("x-twofa-rate-limit-window")
            op = OperationSpec(
                operation_id=operation_id,
                method=method,
                module=f"{vendor.package}.{module}",
                success=_success_type(spec, operation),
                safety=RETRY_EXTENSION[retry] if retry else SAFETY[method],
                window=None if window is None else float(window),
                hand_written=operation.get("x-twofa-method") == "hand-written",
                summary=str(operation.get("summary", "")).strip(),
                description=str(operation.get("description", "")).strip(),
                params=_params(function, vendor.bound),
            )
            body = next((p for p in op.params if p.name == "body"), None)
            if body is not None and body.optional_unset:
                op.body_model = body.annotation.split("|")[0].strip()
            found.append(op)
    return found


# --- rendering ---------------------------------------------------------------------------------------


def _docstring(op: OperationSpec, indent: str) -> str:
    first = f"{op.summary} (``{op.operation_id}``)." if op.summary else f"``{op.operation_id}``."
    paragraph = op.description.split("\n\n", 1)[0].replace("\n", " ").strip()
    paragraph = re.sub(r"\s+", " ", paragraph).replace("\\", "\\\\").replace('"""', "'''")
    lines = [first.replace('"""', "'''")]
    if paragraph:
        lines += ["", *textwrap.wrap(paragraph, 100)]
    if op.safety == "SEND":
        lines += ["", "Never repeated automatically once it may have reached the vendor."]
    body = f"\n{indent}".join(lines)
    return f'{indent}"""{body}\n{indent}"""' if len(lines) > 1 else f'{indent}"""{lines[0]}"""'


def _signature(op: OperationSpec) -> tuple[str, str]:
    """The method's parameters and the keyword arguments it passes to ``_call``."""
    positional: list[str] = []
    keyword: list[str] = []
    passed: list[str] = []
    for p in op.params:
        if p.name == "body" and op.body_model is not None:
            positional.append(f"body: {op.body_model} | None = None")
            passed.append("body=body if body is not None else _model(" + repr(op.body_model) + ")()")
        elif p.optional_unset:
            plain = p.annotation.replace(" | Unset", "")
            keyword.append(f"{p.name}: {plain} | None = None")
            passed.append(f"{p.name}=UNSET if {p.name} is None else {p.name}")
        elif p.default is not None:
            keyword.append(f"{p.name}: {p.annotation.replace(' | Unset', '')} = {p.default}")
            passed.append(f"{p.name}={p.name}")
        else:
            positional.append(f"{p.name}: {p.annotation}")
            passed.append(f"{p.name}={p.name}")
    parts = ["self", *positional]
    if keyword:
        parts += ["*", *keyword]
    return ", ".join(parts), ", ".join(passed)


def _models_used(ops: list[OperationSpec]) -> list[str]:
    names: set[str] = set()
    for op in ops:
        names.update(re.findall(r"[A-Z]\w+", op.success))
        for p in op.params:
            names.update(n for n in re.findall(r"[A-Z]\w+", p.annotation) if n not in ("Unset", "Any"))
    return sorted(names)


def render(vendor: LayerVendor, ops: list[OperationSpec]) -> str:
    generated = [op for op in ops if not op.hand_written]
    out = [
        f"# Generated by scripts/emit_layer.py from {vendor.spec}: do not edit; run `make generate`.",
        f'"""Every {vendor.title} operation of the layer: the operations table and one method per operation.',
        "",
        "Named after the spec's operationIds, so one search joins spec, mock route, generated module and",
        "method. Modules and types are named, not imported: ``Operation`` imports them on first use. Hand-",
        f"written methods (``x-twofa-method: hand-written``) are in ``{vendor.layer}/_client.py``.",
        '"""',
        "",
        "from __future__ import annotations",
        "",
        "from typing import TYPE_CHECKING, Any",
        "",
        f"from {vendor.package}.types import UNSET",
        "",
        "from .._call import AsyncCaller, Operation, SyncCaller",
        "from .._retry import Safety",
        "",
        "if TYPE_CHECKING:",
        f"    from {vendor.package}.models import {', '.join(_models_used(ops))}",
        "",
        "",
    ]
    if any(op.body_model for op in generated):
        out += [
            "def _model(name: str) -> Any:",
            '    """A model class by name, imported when a call first needs it (importing the layer stays cheap)."""',
            "    import importlib",
            "",
            f'    return getattr(importlib.import_module("{vendor.package}.models"), name)',
            "",
            "",
        ]
    for op in ops:
        window = "None" if op.window is None else repr(op.window)
        out += [
            f"{op.constant}: Operation[{op.success}] = Operation(",
            f'    "{op.operation_id}", "{op.module}", "{op.success}", Safety.{op.safety}, limit_window={window}',
            ")",
        ]
    for flavour in ("sync", "async"):
        cls = f"{vendor.prefix}Operations" if flavour == "sync" else f"Async{vendor.prefix}Operations"
        base = "SyncCaller" if flavour == "sync" else "AsyncCaller"
        out += ["", "", f"class {cls}({base}):", f'    """The {flavour} methods generated from {vendor.spec}."""']
        for op in generated:
            params, passed = _signature(op)
            prefix, awaiting = ("async def", "await ") if flavour == "async" else ("def", "")
            call = f"self._call({op.constant}{', ' + passed if passed else ''})"
            out += [
                "",
                f"    {prefix} {op.python_name}({params}) -> {op.success}:",
                _docstring(op, "        "),
                f"        return {awaiting}{call}",
            ]
    return "\n".join(out) + "\n"


def _formatted(source: str, path: Path) -> str:
    """``source`` as ruff would leave it (the project's settings), so the file is stable."""
    ruff = Path(sys.executable).parent / "ruff"
    for args in (["check", "--fix-only", "--select", "I,F401,UP", "--quiet"], ["format", "--quiet"]):
        proc = subprocess.run(  # noqa: S603 - fixed argument list, no shell
            [str(ruff), *args, "--stdin-filename", str(path), "-"],
            input=source,
            capture_output=True,
            text=True,
            cwd=ROOT,
            check=False,
        )
        if proc.returncode not in (0, 1):
            raise EmitError(f"ruff {args[0]} failed on {path.name}: {proc.stderr}")
        source = proc.stdout or source
    return source


def emit(vendor: LayerVendor, package_dir: Path) -> str:
    """The layer module's text for ``vendor``, from the spec and the freshly generated package."""
    return _formatted(render(vendor, _operations(vendor, package_dir)), vendor.output)
