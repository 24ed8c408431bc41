"""Check that a parsed success model really has the types its annotations promise.

The generated ``from_dict`` copies primitive values through unchecked, so ``{"pinId": 12}`` would
become a ``TfaStartAuthenticationResponse`` whose ``pin_id`` is an int. A body that drifted like that
is a ProtocolError here, not a silently mistyped result. Unknown *extra* fields and unknown enum
values (declared ``Enum | str`` in the spec) pass, as forward compatibility requires.
"""

from __future__ import annotations

import enum
import sys
import types
import typing
from typing import Any

import attrs

_HINTS: dict[type[Any], dict[str, Any]] = {}


def _hints(cls: type[Any]) -> dict[str, Any]:
    if cls not in _HINTS:
        # Generated models import sibling models only under TYPE_CHECKING: resolve names against
        # the models package (``<package>.models``) as well as the model's own module.
        package = sys.modules[cls.__module__.rsplit(".", 1)[0]]
        namespace = {**vars(package), **vars(sys.modules[cls.__module__])}
        _HINTS[cls] = typing.get_type_hints(cls, globalns=namespace)
    return _HINTS[cls]


def mismatch(value: Any, hint: Any, where: str = "body") -> str | None:
    """None when ``value`` fits ``hint``; else where and how it does not."""
    origin = typing.get_origin(hint)
    if hint is Any:
        return None
    if origin in (typing.Union, types.UnionType):
        options = typing.get_args(hint)
        results = [mismatch(value, option, where) for option in options]
        return None if any(r is None for r in results) else f"{where}: {type(value).__name__} fits none of {hint}"
    if origin is list:
        if not isinstance(value, list):
            return f"{where}: expected a list, got {type(value).__name__}"
        (item,) = typing.get_args(hint) or (Any,)
        for i, element in enumerate(value):
            problem = mismatch(element, item, f"{where}[{i}]")
            if problem:
                return problem
        return None
    if origin is dict:
        return None if isinstance(value, dict) else f"{where}: expected an object, got {type(value).__name__}"
    if isinstance(hint, type):
        if hint is float:
            ok = isinstance(value, int | float) and not isinstance(value, bool)
        elif hint is int:
            ok = isinstance(value, int) and not isinstance(value, bool)
        else:
            ok = isinstance(value, hint)
        if not ok:
            return f"{where}: expected {hint.__name__}, got {type(value).__name__}"
        if attrs.has(hint) and not issubclass(hint, enum.Enum):
            return model_mismatch(value, where)
        return None
    return None  # Literal and other exotic hints: the generated parser already checked them


def model_mismatch(model: Any, where: str = "body") -> str | None:
    for field in attrs.fields(type(model)):
        if field.name == "additional_properties":
            continue
        problem = mismatch(getattr(model, field.name), _hints(type(model))[field.name], f"{where}.{field.name}")
        if problem:
            return problem
    return None
