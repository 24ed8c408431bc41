"""The compiled success-body check agrees with the explaining walk on every field of every model."""

from __future__ import annotations

import enum
import importlib
import typing
from typing import Any

import attrs
import pytest
from twofa_clients._shape import _explain, _hints, fits, mismatch


class _Colour(enum.Enum):
    RED = "red"


def _models(package: str) -> list[type[Any]]:
    models = importlib.import_module(f"{package}.models")
    return [cls for cls in vars(models).values() if isinstance(cls, type) and attrs.has(cls)]


def _candidates(package: str) -> list[Any]:
    unset = importlib.import_module(f"{package}.types").UNSET
    enums = [
        cls for cls in vars(importlib.import_module(f"{package}.models")).values() if isinstance(cls, enum.EnumMeta)
    ]
    values: list[Any] = [None, True, False, 0, 7, 1.5, "text", [], ["text"], [1], {}, {"k": "v"}, unset, _Colour.RED]
    return values + [next(iter(cls)) for cls in enums]


def _blank(cls: type[Any], unset: Any) -> Any:
    """An instance with every field UNSET, built without running validation."""
    instance = object.__new__(cls)
    for field in attrs.fields(cls):
        object.__setattr__(instance, field.name, {} if field.name == "additional_properties" else unset)
    return instance


@pytest.mark.parametrize("package", ["infobip_2fa_client", "bandwidth_mfa_client"])
def test_fits_is_true_exactly_when_mismatch_finds_nothing(package: str) -> None:
    unset = importlib.import_module(f"{package}.types").UNSET
    candidates = _candidates(package)
    checked = 0
    for cls in _models(package):
        hints = _hints(cls)
        for field in attrs.fields(cls):
            if field.name == "additional_properties":
                continue
            hint = hints[field.name]
            values = [*candidates, [_blank(cls, unset)], _blank(cls, unset)]
            for other in _models(package)[:5]:
                values += [_blank(other, unset), [_blank(other, unset)]]
            for value in values:
                assert fits(hint)(value) == (_explain(value, hint, "body") is None), (cls, field.name, value)
                model = _blank(cls, unset)
                object.__setattr__(model, field.name, value)
                assert fits(cls)(model) == (_explain(model, cls, "body") is None), (cls, field.name, value)
                assert mismatch(model, cls) == (None if fits(cls)(model) else _explain(model, cls, "body"))
                checked += 1
    assert checked > 100


@pytest.mark.parametrize(
    ("hint", "good", "bad"),
    [
        (int, 3, True),
        (float, 3, False),
        (float, 2.5, "2.5"),
        (int | str, "x", 1.5),
        (list[int], [1, 2], [1, True]),
        (dict[str, Any], {}, []),
        (typing.Literal["a"], "b", None),  # Literal: left to the generated parser
    ],
)
def test_scalar_rules(hint: Any, good: Any, bad: Any) -> None:
    assert fits(hint)(good)
    assert mismatch(good, hint) is None
    if bad is not None:
        assert not fits(hint)(bad)
        assert mismatch(bad, hint)
