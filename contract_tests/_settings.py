"""The contract suite's own settings, read once from the environment and checked.

A value the suite does not understand stops the run (pytest exits 4, naming the variable and what it
accepts) instead of being read as a default: `TARGET=LIVE` used to test the mock in silence.
"""

from __future__ import annotations

import functools
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

TARGETS = ("asgi", "http", "live")
PROFILES = ("dev", "thorough")
MAX_EXAMPLES = 10_000
MAX_REQUEST_BUDGET = 100_000
DEFAULT_REQUEST_BUDGET = 500
RATE_LIMIT = re.compile(r"[1-9][0-9]{0,5}/[smh]")


class SettingsError(ValueError):
    """A variable holds a value the suite does not accept; the text says which and what would do."""


@dataclass(frozen=True)
class Settings:
    target: str  # one of TARGETS
    profile: str  # one of PROFILES
    examples: int | None  # hypothesis examples per operation; None: the profile's
    seed: int | None
    request_budget: int  # live only: the most requests a run makes through the suite
    live_optional: bool  # live only: a vendor without credentials is skipped instead of failing the run
    allow_creates: bool  # live only: operations that create a resource may run (capped, see _live.py)
    allow_sends: bool  # live only: operations that send a PIN may run (to the test destination, capped)
    rate_limit: str  # live only: schemathesis' rate limit, e.g. 5/s
    reports: Path

    @property
    def live(self) -> bool:
        return self.target == "live"


def _choice(env: Mapping[str, str], name: str, choices: tuple[str, ...], default: str) -> str:
    value = env.get(name, default)
    if value not in choices:
        raise SettingsError(f"{name}={value!r} is not one of: {', '.join(choices)}")
    return value


def _number(env: Mapping[str, str], name: str, low: int, high: int) -> int | None:
    raw = env.get(name, "").strip()
    if not raw:
        return None
    if not raw.isdigit() or not low <= int(raw) <= high:
        raise SettingsError(f"{name}={raw!r} must be a whole number from {low} to {high}")
    return int(raw)


def _flag(env: Mapping[str, str], name: str) -> bool:
    value = env.get(name, "")
    if value not in ("", "0", "1"):
        raise SettingsError(f"{name}={value!r} must be 1 (on) or 0 (off)")
    return value == "1"


def from_env(env: Mapping[str, str]) -> Settings:
    """Settings from ``env`` (os.environ in a run); SettingsError on the first value it cannot use."""
    rate_limit = env.get("CONTRACT_RATE_LIMIT", "5/s")
    if not RATE_LIMIT.fullmatch(rate_limit):
        raise SettingsError(f"CONTRACT_RATE_LIMIT={rate_limit!r} must look like 5/s, 100/m or 1000/h")
    budget = _number(env, "CONTRACT_REQUEST_BUDGET", 1, MAX_REQUEST_BUDGET)
    return Settings(
        target=_choice(env, "CONTRACT_TARGET", TARGETS, "asgi"),
        profile=_choice(env, "CONTRACT_PROFILE", PROFILES, "dev"),
        examples=_number(env, "CONTRACT_EXAMPLES", 1, MAX_EXAMPLES),
        seed=_number(env, "CONTRACT_SEED", 0, 2**64 - 1),
        request_budget=DEFAULT_REQUEST_BUDGET if budget is None else budget,
        live_optional=_flag(env, "CONTRACT_LIVE_OPTIONAL"),
        allow_creates=_flag(env, "CONTRACT_ALLOW_CREATES"),
        allow_sends=_flag(env, "CONTRACT_ALLOW_SENDS"),
        rate_limit=rate_limit,
        reports=Path(env.get("CONTRACT_REPORTS") or "reports"),
    )


@functools.cache
def current() -> Settings:
    """This run's settings (the contract conftest calls it first, turning an error into a usage error)."""
    return from_env(os.environ)
