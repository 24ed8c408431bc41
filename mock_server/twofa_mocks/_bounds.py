"""Checks every configuration shares: numbers finite and within a stated range, texts of a stated length.

A configuration comes from Python or from ``PATCH /_mock/config``; either way a value out of range is
a ValueError naming the field (camelCase, as the control surface spells it) and the range.
"""

from __future__ import annotations

import math

MAX_CAP = 10_000_000  # the largest any count cap (maxPins, maxCodes, ...) may be set to
MAX_CHARACTER_CAP = 256_000_000  # the largest a character budget (maxDeliveryCharacters, ...) may be set to
YEAR = 365 * 86400.0
MAX_TEXT_SETTING = 1024  # characters of a text setting echoed in answers (e.g. unauthorizedText)


def check_number(name: str, value: float, low: float, high: float) -> None:
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise ValueError(f"{name} must be a finite number")
    if not low <= value <= high:
        raise ValueError(f"{name} must be between {low:g} and {high:g}")


def check_cap(name: str, value: int) -> None:
    """A count cap, or a character budget when ``name`` says Characters."""
    highest = MAX_CHARACTER_CAP if name.endswith("Characters") else MAX_CAP
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= highest:
        raise ValueError(f"{name} must be an integer between 1 and {highest}")


def check_caps(caps: dict[str, int]) -> None:
    """Each of a configuration's caps, by its camelCase name."""
    for name, value in caps.items():
        check_cap(name, value)


def check_text(name: str, value: str, longest: int = MAX_TEXT_SETTING) -> None:
    if not isinstance(value, str) or len(value) > longest:
        raise ValueError(f"{name} must be a text of at most {longest} characters")
