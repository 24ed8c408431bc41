"""The test control surface, under ``/_mock/``: a prefix that is never part of a vendor spec.

GET    /_mock/health            liveness
GET    /_mock/openapi.yaml      the vendor's spec, from spec/ (or the copy an installed wheel carries)
POST   /_mock/reset             forget everything: state, outbox, faults, clock offset, config changes
GET    /_mock/outbox?to=...     what was "sent", with codes and rendered text
GET    /_mock/clock             {"now", "frozen"}
POST   /_mock/clock             {"advance": seconds} and/or {"frozen": bool}
GET    /_mock/faults            pending faults
POST   /_mock/faults            {"operation", "status", "retryAfter", "latency", "drop", "count"}
DELETE /_mock/faults            clear pending faults
GET    /_mock/config            the vendor configuration (credentials shown as configured)
PATCH  /_mock/config            change configuration fields (credentials, limits, switches)

Who may call these is _access.py's business (loopback Host, JSON writes, optional token). Every value
is checked here or in the objects it builds: JSON types exactly (``"false"`` is not false, ``"60"``
not 60), numbers finite and within stated ranges; anything else is a 400 with the reason and changes
nothing.
"""

from __future__ import annotations

import dataclasses
import json
import math
import types
import typing
from pathlib import Path
from typing import Any, Protocol, TypeVar

from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse, Response
from starlette.routing import Route

from ._access import PREFIX
from ._clock import MockClock, check_advance
from ._faults import ANY_OPERATION, Fault, FaultInjector
from ._http import BodyError, RawRequest, parse_json
from ._outbox import Outbox

# An installed wheel carries the specs inside the package (pyproject.toml, force-include); a checkout
# serves them from the repository's spec/, the one source of truth.
PACKAGED_SPEC_DIR = Path(__file__).resolve().parent / "spec"
SPEC_DIR = PACKAGED_SPEC_DIR if PACKAGED_SPEC_DIR.is_dir() else Path(__file__).resolve().parents[2] / "spec"


class Controllable(Protocol):
    spec_file: str
    fault_operations: frozenset[str]  # the operationIds (and token endpoint keys) a fault may name
    clock: MockClock
    outbox: Outbox
    faults: FaultInjector

    def reset(self) -> None: ...

    def config_json(self) -> dict[str, Any]: ...

    def configure(self, changes: dict[str, Any]) -> None: ...


def _error(status: int, text: str) -> JSONResponse:
    return JSONResponse({"error": text}, status_code=status)


async def _json_object(request: Request) -> dict[str, Any]:
    try:
        data = parse_json(await RawRequest(request.scope, request.receive).read_limited())
    except BodyError as exc:
        raise ValueError(exc.reason) from exc
    if not isinstance(data, dict):
        raise ValueError("expected a JSON object")
    return data


def control_routes(mock: Controllable) -> list[Route]:
    async def health(_: Request) -> Response:
        return JSONResponse({"status": "ok"})

    async def openapi(_: Request) -> Response:
        text = (SPEC_DIR / mock.spec_file).read_text(encoding="utf-8")
        return PlainTextResponse(text, media_type="application/yaml")

    async def reset(_: Request) -> Response:
        mock.reset()
        return JSONResponse({"status": "reset"})

    async def outbox(request: Request) -> Response:
        to = request.query_params.get("to")
        if to is not None:
            # Form decoding reads an unencoded "+" as a space (?to=+4179... arrives as " 4179..."); no
            # phone number or e-mail address holds a space, so each one was a "+".
            to = to.replace(" ", "+")
        items = mock.outbox.list(to)
        return JSONResponse({"deliveries": [d.to_json() for d in items], "total": mock.outbox.total})

    async def clock(request: Request) -> Response:
        if request.method == "POST":
            try:
                data = await _json_object(request)
                _set_clock(mock.clock, data)
            except ValueError as exc:
                return _error(400, str(exc))
        return JSONResponse({"now": mock.clock.now(), "frozen": mock.clock.frozen})

    async def faults(request: Request) -> Response:
        if request.method == "POST":
            try:
                fault = Fault.from_json(await _json_object(request))
                if fault.operation != ANY_OPERATION and fault.operation not in mock.fault_operations:
                    raise ValueError(f"unknown operation {fault.operation!r}; one of {sorted(mock.fault_operations)}")
                mock.faults.add(fault)
            except ValueError as exc:
                return _error(400, str(exc))
        elif request.method == "DELETE":
            mock.faults.clear()
        return JSONResponse({"faults": [f.to_json() for f in mock.faults.pending()]})

    async def config(request: Request) -> Response:
        if request.method == "PATCH":
            try:
                mock.configure(await _json_object(request))
            except (TypeError, ValueError) as exc:
                return _error(400, str(exc))
        return JSONResponse(mock.config_json())

    return [
        Route(f"{PREFIX}/health", health, methods=["GET"]),
        Route(f"{PREFIX}/openapi.yaml", openapi, methods=["GET"]),
        Route(f"{PREFIX}/reset", reset, methods=["POST"]),
        Route(f"{PREFIX}/outbox", outbox, methods=["GET"]),
        Route(f"{PREFIX}/clock", clock, methods=["GET", "POST"]),
        Route(f"{PREFIX}/faults", faults, methods=["GET", "POST", "DELETE"]),
        Route(f"{PREFIX}/config", config, methods=["GET", "PATCH"]),
    ]


def _set_clock(clock: MockClock, data: dict[str, Any]) -> None:
    """``{"advance": seconds, "frozen": bool}``, both checked before either is applied."""
    unknown = set(data) - {"advance", "frozen"}
    if unknown:
        raise ValueError(f"unknown clock fields: {sorted(unknown)}")
    frozen = data.get("frozen", clock.frozen)
    if not isinstance(frozen, bool):
        raise ValueError("frozen must be true or false")
    if "advance" in data:
        check_advance(data["advance"], clock.now())
    if "frozen" in data:
        clock.freeze(frozen)
    if "advance" in data:
        clock.advance(data["advance"])


ConfigT = TypeVar("ConfigT")


def _coerce(value: Any, hint: Any, name: str) -> Any:
    """Check a JSON value against a dataclass field's type (the few shapes configs use)."""
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        for option in typing.get_args(hint):
            try:
                return _coerce(value, option, name)
            except ValueError:
                continue
        raise ValueError(f"{name}: {value!r} does not fit {hint}")
    if hint is type(None):
        if value is None:
            return None
        raise ValueError(f"{name}: expected null")
    if hint is bool:
        if isinstance(value, bool):
            return value
    elif hint is int:
        if isinstance(value, int) and not isinstance(value, bool):
            return value
    elif hint is float:
        if isinstance(value, int | float) and not isinstance(value, bool):
            try:
                number = float(value)
            except OverflowError:  # an integer of hundreds of digits
                raise ValueError(f"{name}: {value} is too large") from None
            if not math.isfinite(number):  # 1e999 parses as infinity
                raise ValueError(f"{name}: must be a finite number")
            return number
    elif hint is str:
        if isinstance(value, str):
            return value
    elif origin in (dict, typing.Mapping) or hint is dict:
        if isinstance(value, dict):
            key_t, val_t = typing.get_args(hint) or (Any, Any)
            return {_coerce(k, key_t, name): _coerce(v, val_t, f"{name}.{k}") for k, v in value.items()}
    elif origin in (frozenset, set, list, tuple):
        if isinstance(value, list):
            (item_t, *_) = typing.get_args(hint) or (Any,)
            items = [_coerce(v, item_t, name) for v in value]
            return frozenset(items) if origin is frozenset else origin(items)
    elif hint is Any:
        return value
    raise ValueError(f"{name}: {json.dumps(value)} is not a valid {getattr(hint, '__name__', hint)}")


def apply_changes(config: ConfigT, changes: dict[str, Any]) -> ConfigT:
    """A copy of the dataclass ``config`` with ``changes`` (JSON, camelCase or snake_case keys)."""
    if not dataclasses.is_dataclass(config) or isinstance(config, type):
        raise TypeError("apply_changes needs a dataclass instance")
    hints = typing.get_type_hints(type(config))
    fields = {f.name for f in dataclasses.fields(config)}
    by_camel = {_camel(name): name for name in fields}
    updates: dict[str, Any] = {}
    for key, value in changes.items():
        name = key if key in fields else by_camel.get(key)
        if name is None:
            raise ValueError(f"unknown configuration field: {key}")
        updates[name] = _coerce(value, hints[name], key)
    return typing.cast(ConfigT, dataclasses.replace(config, **updates))


def _camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(part.title() for part in rest)


def _jsonable(value: Any) -> Any:
    if isinstance(value, frozenset | set | tuple):
        return sorted(_jsonable(v) for v in value)
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    return value


def config_to_json(config: Any) -> dict[str, Any]:
    return {_camel(f.name): _jsonable(getattr(config, f.name)) for f in dataclasses.fields(config)}
