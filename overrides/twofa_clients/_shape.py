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
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import attrs

_HINTS: dict[type[Any], dict[str, Any]] = {}
Predicate = Callable[[Any], bool]
# One compiled predicate per hint: every call checks its success body, so the walk below (which
# also explains a mismatch) runs only when the fast check fails. Hints are a bounded set of
# annotations of the generated models, so the cache stays small.
_PREDICATES: dict[Any, Predicate] = {}


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
    if fits(hint)(value):
        return None
    return _explain(value, hint, where)


def _explain(value: Any, hint: Any, where: str) -> str | None:
    origin = typing.get_origin(hint)
    if hint is Any:
        return None
    if origin in (typing.Union, types.UnionType):
        options = typing.get_args(hint)
        results = [_explain(value, option, where) for option in options]
        return None if any(r is None for r in results) else f"{where}: {type(value).__name__} fits none of {hint}"
    if origin is list:
        if not isinstance(value, list):
            return f"{where}: expected a list, got {type(value).__name__}"
        (item,) = typing.get_args(hint) or (Any,)
        for i, element in enumerate(value):
            problem = _explain(element, item, f"{where}[{i}]")
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
            return _model_explain(value, where)
        return None
    return None  # Literal and other exotic hints: the generated parser already checked them


def model_mismatch(model: Any, where: str = "body") -> str | None:
    return mismatch(model, type(model), where)


def _model_explain(model: Any, where: str) -> str | None:
    for field in attrs.fields(type(model)):
        if field.name == "additional_properties":
            continue
        problem = _explain(getattr(model, field.name), _hints(type(model))[field.name], f"{where}.{field.name}")
        if problem:
            return problem
    return None


# --- the fast path: the same rules as ``_explain``, compiled once per hint --------------------------


@dataclass(frozen=True)
class _Check:
    """A value fits when it is an instance of ``plain``, or a non-bool instance of ``numbers``
    (the int and float rule), or ``other`` accepts it (models, lists, anything else)."""

    plain: tuple[type[Any], ...] = ()
    numbers: tuple[type[Any], ...] = ()
    other: tuple[Predicate, ...] = ()

    def __call__(self, value: Any) -> bool:
        if isinstance(value, self.plain):
            return True
        if self.numbers and isinstance(value, self.numbers) and not isinstance(value, bool):
            return True
        return any(predicate(value) for predicate in self.other)


def fits(hint: Any) -> Predicate:
    """A predicate true exactly when ``mismatch(value, hint)`` is None."""
    try:
        return _PREDICATES[hint]
    except KeyError:
        predicate = _PREDICATES[hint] = _predicate(_compile(hint))
        return predicate
    except TypeError:  # an unhashable hint: compile it each time
        return _predicate(_compile(hint))


def _always(value: Any) -> bool:
    return True


_ANYTHING = _Check(other=(_always,))


def _predicate(check: _Check) -> Predicate:
    """The cheapest callable for ``check``: plain isinstance when that is all it takes."""
    if not check.numbers and not check.other:
        plain = check.plain
        return lambda value: isinstance(value, plain)
    return check


def _compile(hint: Any) -> _Check:
    origin = typing.get_origin(hint)
    if hint is Any:
        return _ANYTHING
    if origin in (typing.Union, types.UnionType):
        checks = [_compile(option) for option in typing.get_args(hint)]
        if any(check is _ANYTHING for check in checks):
            return _ANYTHING
        return _Check(
            plain=tuple(t for check in checks for t in check.plain),
            numbers=tuple(t for check in checks for t in check.numbers),
            other=tuple(p for check in checks for p in check.other),
        )
    if origin is list:
        (item,) = typing.get_args(hint) or (Any,)

        def list_fits(value: Any) -> bool:
            if not isinstance(value, list):
                return False
            element_fits = fits(item)
            return all(element_fits(element) for element in value)

        return _Check(other=(list_fits,))
    if origin is dict:
        return _Check(plain=(dict,))
    if isinstance(hint, type):
        if attrs.has(hint) and not issubclass(hint, enum.Enum):
            return _Check(other=(_model_predicate(hint),))
        if hint is float:
            return _Check(numbers=(int, float))
        if hint is int:
            return _Check(numbers=(int,))
        return _Check(plain=(hint,))
    return _ANYTHING  # Literal and other exotic hints: the generated parser already checked them


def _model_predicate(cls: type[Any]) -> Predicate:
    fields: list[tuple[str, _Check]] | None = None

    def model_fits(value: Any) -> bool:
        nonlocal fields
        if not isinstance(value, cls):
            return False
        if fields is None:  # compiled on first use: models may refer to themselves
            hints = _hints(cls)
            fields = [
                (field.name, _compile(hints[field.name]))
                for field in attrs.fields(cls)
                if field.name != "additional_properties"
            ]
        # One loop with the checks inlined: this runs for every successful call.
        for name, check in fields:
            field_value = getattr(value, name)
            if isinstance(field_value, check.plain):
                continue
            if check.numbers and isinstance(field_value, check.numbers) and not isinstance(field_value, bool):
                continue
            if not any(predicate(field_value) for predicate in check.other):
                return False
        return True

    return model_fits
