"""The contract suite reads its variables strictly: a value it does not understand is an error that
names the variable and what it accepts, never a silent default."""

from __future__ import annotations

import pytest

from contract_tests._settings import DEFAULT_REQUEST_BUDGET, SettingsError, from_env


def test_defaults() -> None:
    settings = from_env({})
    assert (settings.target, settings.profile, settings.examples, settings.seed) == ("asgi", "dev", None, None)
    assert settings.request_budget == DEFAULT_REQUEST_BUDGET
    assert [settings.live, settings.live_optional, settings.allow_creates, settings.allow_sends] == [False] * 4


@pytest.mark.parametrize("target", ["asgi", "http", "live"])
def test_the_three_targets(target: str) -> None:
    assert from_env({"CONTRACT_TARGET": target}).target == target


@pytest.mark.parametrize("target", ["foo", "LIVE", "Live", "", " live"])
def test_any_other_target_is_an_error_listing_the_three(target: str) -> None:
    with pytest.raises(SettingsError) as error:
        from_env({"CONTRACT_TARGET": target})
    assert str(error.value) == f"CONTRACT_TARGET={target!r} is not one of: asgi, http, live"


@pytest.mark.parametrize(
    ("name", "value", "message"),
    [
        ("CONTRACT_REQUEST_BUDGET", "0", "CONTRACT_REQUEST_BUDGET='0' must be a whole number from 1 to 100000"),
        ("CONTRACT_REQUEST_BUDGET", "lots", "CONTRACT_REQUEST_BUDGET='lots' must be a whole number from 1 to 100000"),
        (
            "CONTRACT_REQUEST_BUDGET",
            "100001",
            "CONTRACT_REQUEST_BUDGET=.100001. must be a whole number from 1 to 100000",
        ),
        ("CONTRACT_EXAMPLES", "-3", "CONTRACT_EXAMPLES='-3' must be a whole number from 1 to 10000"),
        ("CONTRACT_SEED", "1.5", "CONTRACT_SEED='1.5' must be a whole number"),
        ("CONTRACT_PROFILE", "fast", "CONTRACT_PROFILE='fast' is not one of: dev, thorough"),
        ("CONTRACT_ALLOW_CREATES", "yes", "CONTRACT_ALLOW_CREATES='yes' must be 1 (on) or 0 (off)"),
        ("CONTRACT_ALLOW_SENDS", "true", "CONTRACT_ALLOW_SENDS='true' must be 1 (on) or 0 (off)"),
        ("CONTRACT_LIVE_OPTIONAL", "2", "CONTRACT_LIVE_OPTIONAL='2' must be 1 (on) or 0 (off)"),
        ("CONTRACT_RATE_LIMIT", "fast", "CONTRACT_RATE_LIMIT='fast' must look like 5/s, 100/m or 1000/h"),
    ],
)
def test_a_bad_value_names_the_variable_and_what_it_accepts(name: str, value: str, message: str) -> None:
    with pytest.raises(SettingsError, match="^" + message.replace("(", r"\(").replace(")", r"\)")):
        from_env({name: value})


def test_values_are_read() -> None:
    settings = from_env(
        {
            "CONTRACT_TARGET": "live",
            "CONTRACT_REQUEST_BUDGET": "120",
            "CONTRACT_EXAMPLES": "7",
            "CONTRACT_SEED": "42",
            "CONTRACT_LIVE_OPTIONAL": "1",
            "CONTRACT_ALLOW_CREATES": "1",
            "CONTRACT_ALLOW_SENDS": "0",
            "CONTRACT_RATE_LIMIT": "2/s",
            "CONTRACT_REPORTS": "reports/elsewhere",
        }
    )
    assert [settings.live, settings.live_optional, settings.allow_creates, settings.allow_sends] == [
        True,
        True,
        True,
        False,
    ]
    assert (settings.request_budget, settings.examples, settings.seed, settings.rate_limit) == (120, 7, 42, "2/s")
    assert str(settings.reports) == "reports/elsewhere"
