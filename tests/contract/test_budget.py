"""The live request budget is shared out so every operation is exercised; running out is named."""

from __future__ import annotations

import pytest

from contract_tests._budget import MIN_SHARE, ShareSpent, allocate

OPS = [("infobip", f"op-{i}") for i in range(4)]


def test_every_operation_gets_an_equal_share() -> None:
    allowances = allocate(100, OPS, creates=[], sends=[], max_creates=10, max_sends=10)
    assert set(allowances.limits.values()) == {25}
    assert allowances.not_reached() == {}
    assert "CONTRACT_REQUEST_BUDGET=100: 25 requests (4 operations share it)" in allowances.reasons[OPS[0]]


def test_a_share_ends_an_operation_and_spends_nothing_more() -> None:
    allowances = allocate(4 * MIN_SHARE, OPS, creates=[], sends=[], max_creates=10, max_sends=10)
    for _ in range(MIN_SHARE):
        allowances.spend(OPS[0])
    with pytest.raises(ShareSpent) as spent:
        allowances.spend(OPS[0])
    assert spent.value.key == OPS[0]
    assert allowances.spent[OPS[0]] == MIN_SHARE
    allowances.spend(OPS[1])  # the others keep theirs


def test_a_budget_too_small_for_every_operation_names_those_not_reached() -> None:
    allowances = allocate(12, OPS, creates=[], sends=[], max_creates=10, max_sends=10)
    assert [allowances.limits[key] for key in OPS] == [MIN_SHARE, MIN_SHARE, 0, 0]
    not_reached = allowances.not_reached()
    assert set(not_reached) == {OPS[2], OPS[3]}
    assert not_reached[OPS[2]] == (
        f"not reached: CONTRACT_REQUEST_BUDGET=12 covers 2 of 4 operations at {MIN_SHARE} requests each "
        f"(needs {4 * MIN_SHARE})"
    )
    with pytest.raises(ShareSpent, match="op-3: not reached"):
        allowances.spend(OPS[3])


def test_creates_and_sends_share_their_caps_and_count_only_what_was_not_refused() -> None:
    creates, sends = OPS[:2], OPS[2:]
    allowances = allocate(1000, OPS, creates=creates, sends=sends, max_creates=4, max_sends=2)
    assert [allowances.effect_limits[key] for key in OPS] == [2, 2, 1, 1]
    for status in (400, 401, 404, 429):  # refused: nothing was created
        allowances.spend(OPS[0])
        allowances.settle(OPS[0], status)
    for status in (200, 500):  # created, or nobody knows
        allowances.spend(OPS[0])
        allowances.settle(OPS[0], status)
    with pytest.raises(ShareSpent, match="its share of the cap of 4 creates per run"):
        allowances.spend(OPS[0])
    assert allowances.effects[OPS[0]] == 2


def test_more_sending_operations_than_the_cap_leaves_some_not_reached() -> None:
    allowances = allocate(1000, OPS, creates=[], sends=OPS, max_creates=10, max_sends=3)
    assert [allowances.effect_limits[key] for key in OPS] == [1, 1, 1, 0]
    assert allowances.not_reached()[OPS[3]] == "not reached: the cap of 3 sends per run is shared out among the first 3"


def test_against_a_mock_nothing_is_limited() -> None:
    allowances = allocate(0, [], creates=[], sends=[], max_creates=0, max_sends=0)
    for _ in range(10_000):
        allowances.spend(OPS[0])
        allowances.settle(OPS[0], 200)
