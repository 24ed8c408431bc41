"""A live run's request budget, shared out so that every operation that runs is exercised.

Each operation gets an equal share of CONTRACT_REQUEST_BUDGET (at least MIN_SHARE requests). Create and
send operations also share the per-run caps of _live.py, counted in requests the vendor did not refuse.
When the budget cannot give every operation MIN_SHARE requests, the operations left over are not
reached, and that is a failure naming them. Against a mock nothing is limited.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field

MIN_SHARE = 5  # requests: fewer exercise an operation too little to call it tested

Key = tuple[str, str]  # (vendor, operationId)


class ShareSpent(BaseException):
    """An operation has used its allowance; no request for it is sent.

    A BaseException, so that hypothesis does not take it for a failure to shrink (which would only ask
    for more requests): it ends the operation's conformance run, which then passes unless it failed.
    """

    def __init__(self, key: Key, reason: str) -> None:
        super().__init__(f"{key[1]}: {reason}")
        self.key = key
        self.reason = reason


@dataclass
class Allowances:
    limits: dict[Key, int] = field(default_factory=dict)  # no entry: unlimited (mock targets)
    effect_limits: dict[Key, int] = field(default_factory=dict)  # creates and sends, against the caps
    reasons: dict[Key, str] = field(default_factory=dict)  # why the limit is what it is
    effect_reasons: dict[Key, str] = field(default_factory=dict)  # why the effect limit is what it is
    spent: Counter[Key] = field(default_factory=Counter)
    effects: Counter[Key] = field(default_factory=Counter)
    budget: int | None = None

    def not_reached(self) -> dict[Key, str]:
        """Operations that get no request at all, with the reason."""
        budget = {key: self.reasons[key] for key, limit in self.limits.items() if limit == 0}
        caps = {key: self.effect_reasons[key] for key, limit in self.effect_limits.items() if limit == 0}
        return {**caps, **budget}

    def spend(self, key: Key) -> None:
        """Count one request for ``key``, or raise ShareSpent (counting nothing) when its allowance is used up."""
        limit = self.limits.get(key)
        if limit is not None and self.spent[key] >= limit:
            raise ShareSpent(key, self.reasons[key])
        effect_limit = self.effect_limits.get(key)
        if effect_limit is not None and self.effects[key] >= effect_limit:
            raise ShareSpent(key, self.effect_reasons[key])
        self.spent[key] += 1

    def settle(self, key: Key, status: int) -> None:
        """Count a create or send against its cap unless the vendor refused it (4xx): a 2xx created or
        sent something, and after a 5xx nobody knows."""
        if key in self.effect_limits and not 400 <= status < 500:
            self.effects[key] += 1


def _share_out(total: int, keys: Sequence[Key], least: int) -> dict[Key, int]:
    """``total`` in equal shares of at least ``least``; keys past what it covers get 0."""
    if not keys:
        return {}
    share = total // len(keys)
    if share >= least:
        return dict.fromkeys(keys, share)
    reached = total // least
    return {key: least if i < reached else 0 for i, key in enumerate(keys)}


def allocate(
    budget: int,
    operations: Sequence[Key],
    creates: Sequence[Key],
    sends: Sequence[Key],
    max_creates: int,
    max_sends: int,
) -> Allowances:
    """Share ``budget`` among ``operations``, and the caps among the creating and sending ones."""
    allowances = Allowances(budget=budget)
    shares = _share_out(budget, operations, MIN_SHARE)
    for key, share in shares.items():
        allowances.limits[key] = share
        allowances.reasons[key] = (
            f"its share of CONTRACT_REQUEST_BUDGET={budget}: {share} requests ({len(operations)} operations share it)"
            if share
            else f"not reached: CONTRACT_REQUEST_BUDGET={budget} covers {budget // MIN_SHARE} of "
            f"{len(operations)} operations at {MIN_SHARE} requests each (needs {MIN_SHARE * len(operations)})"
        )
    for group, cap, what in ((creates, max_creates, "creates"), (sends, max_sends, "sends")):
        reached = [key for key in group if shares.get(key)]
        for key, allowed in _share_out(cap, reached, 1).items():
            allowances.effect_limits[key] = allowed
            allowances.effect_reasons[key] = (
                f"its share of the cap of {cap} {what} per run ({allowed})"
                if allowed
                else f"not reached: the cap of {cap} {what} per run is shared out among the first {cap}"
            )
    return allowances


ALLOWANCES = Allowances()  # replaced at collection time for live runs (conftest)


# The first failure of each operation's conformance run. Hypothesis goes on after a failure (to shrink
# it); when the allowance ends that, the failure must still be the verdict, not a pass.
FIRST_FAILURE: dict[Key, BaseException] = {}


@contextmanager
def keeping_first_failure(key: Key) -> Iterator[None]:
    try:
        yield
    except Exception as exc:
        FIRST_FAILURE.setdefault(key, exc)
        raise
