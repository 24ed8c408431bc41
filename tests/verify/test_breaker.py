"""The circuit breaker alone, on a clock the test moves."""

from __future__ import annotations

import pytest
from twofa_clients import InvalidArgumentError
from twofa_clients.verify import BreakerPolicy, CircuitBreaker


class Clock:
    def __init__(self) -> None:
        self.now = 1_000.0

    def __call__(self) -> float:
        return self.now


def breaker(failures: int = 3, window: float = 60, cooldown: float = 30) -> tuple[CircuitBreaker, Clock, list[str]]:
    clock, changes = Clock(), []
    b = CircuitBreaker(
        "infobip", BreakerPolicy(failures, window, cooldown), clock, lambda v, a, b: changes.append(f"{a}->{b}")
    )
    return b, clock, changes


def state(b: CircuitBreaker) -> str:
    return b.state  # read afresh each time (a plain attribute read would be narrowed by mypy)


def test_failures_in_a_row_within_the_window_open_it_for_the_cooldown() -> None:
    b, clock, changes = breaker()
    for _ in range(2):
        b.record(False)
        clock.now += 10
    assert state(b) == "closed"
    assert b.allow()
    b.record(False)
    assert (state(b), b.allow(), changes) == ("open", False, ["closed->open"])
    assert b.retry_after() == 30
    clock.now += 29.9
    assert not b.allow()
    clock.now += 0.1
    assert state(b) == "half_open"


def test_a_success_or_a_long_gap_ends_the_run() -> None:
    b, clock, _ = breaker()
    b.record(False)
    b.record(False)
    b.record(True)
    b.record(False)
    b.record(False)
    assert state(b) == "closed"
    clock.now += 61  # the two before are out of the window now: this starts a new run
    b.record(False)
    b.record(False)
    assert state(b) == "closed"
    b.record(False)
    assert state(b) == "open"


def test_one_probe_at_a_time_when_half_open_and_its_outcome_decides() -> None:
    b, clock, changes = breaker(failures=1)
    b.record(False)
    clock.now += 30
    assert b.allow() is True  # the probe
    assert b.allow() is False  # a second caller meanwhile: skipped
    b.record(True)
    assert (state(b), b.allow(), changes) == ("closed", True, ["closed->open", "half_open->closed"])

    b.record(False)
    clock.now += 30
    assert b.allow()
    b.record(False)  # the probe failed: another full cool-down
    assert (state(b), b.retry_after()) == ("open", 30)


def test_an_abandoned_probe_is_given_up_after_a_cooldown_and_a_released_one_at_once() -> None:
    b, clock, _ = breaker(failures=1)
    b.record(False)
    clock.now += 30
    assert b.allow()
    clock.now += 29
    assert not b.allow()
    clock.now += 1
    assert b.allow()  # the first probe never reported back
    b.release()
    assert b.allow()


def test_a_check_success_does_not_close_an_open_circuit() -> None:
    b, clock, _ = breaker(failures=1)
    b.record(False)
    b.record(True, may_close=False)
    assert state(b) == "open"
    clock.now += 30
    b.record(True, may_close=False)
    assert state(b) == "half_open"


@pytest.mark.parametrize(
    "policy", [{"failures": 0}, {"failures": True}, {"window": 0}, {"cooldown": -1}, {"cooldown": 10**6}]
)
def test_policies_are_bounded(policy: dict[str, float]) -> None:
    with pytest.raises(InvalidArgumentError):
        BreakerPolicy(**policy)  # type: ignore[arg-type]
