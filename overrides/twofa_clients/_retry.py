"""When a failed call may be repeated, and how long to wait first.

Never send a second SMS: a send or resend that may have reached the server is never repeated. Such
operations are retried only when the connection could not be opened (the request never left).
Reads, updates and verify are also retried on 429 and 503, honouring Retry-After, with bounded,
jittered exponential backoff. Every retry is logged with its reason.
"""

from __future__ import annotations

import enum
import logging
import random
import time
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass, field

from ._constants import (
    DEFAULT_MAX_RETRIES,
    INITIAL_RETRY_DELAY,
    MAX_RETRY_AFTER,
    MAX_RETRY_DELAY,
    RETRYABLE_STATUSES,
)
from ._secrets import scrub

logger = logging.getLogger("twofa_clients")


class Safety(enum.Enum):
    """How safe an operation is to repeat."""

    IDEMPOTENT = "idempotent"  # GET and PUT: repeat on connection failures, timeouts, 429, 503
    VERIFY = "verify"  # repeat on 429 and 503 and when the connection never opened
    SEND = "send"  # sends, resends, creates: repeat only when the connection never opened


async def _asyncio_sleep(seconds: float) -> None:
    import asyncio  # only async clients need it: a sync program does not pay for importing asyncio

    await asyncio.sleep(seconds)


@dataclass(frozen=True)
class RetryPolicy:
    """How a client repeats a failed call: pass ``retry=RetryPolicy(...)`` (or ``retry=NO_RETRIES``).

    ``max_retries`` repeats at most; waits grow from ``initial_delay`` doubling up to ``max_delay``
    (with up to 50 % taken off at random when ``jitter``), unless the answer says how long to wait
    (Retry-After, a documented window): that wait is honoured up to ``max_retry_after``, and a longer
    one goes to the caller as the error's ``retry_after``. Which failures may be repeated at all
    depends on the operation (``Safety``): a send is repeated only when its connection never opened.
    ``sleep``/``async_sleep`` are injectable so tests record waits instead of sleeping.
    """

    max_retries: int = DEFAULT_MAX_RETRIES
    initial_delay: float = INITIAL_RETRY_DELAY
    max_delay: float = MAX_RETRY_DELAY
    max_retry_after: float = MAX_RETRY_AFTER
    jitter: bool = True
    # Injectable so tests can record waits instead of sleeping.
    sleep: Callable[[float], None] = field(default=time.sleep, repr=False, compare=False)
    async_sleep: Callable[[float], Awaitable[None]] = field(default=_asyncio_sleep, repr=False, compare=False)

    def backoff(self, retry_number: int) -> float:
        """Delay before retry ``retry_number`` (1-based): exponential, capped, with up to 50% jitter off."""
        delay = min(self.max_delay, self.initial_delay * 2.0 ** (retry_number - 1))
        if self.jitter:
            delay *= 1 - 0.5 * random.random()  # noqa: S311 - jitter, not cryptography
        return delay


NO_RETRIES = RetryPolicy(max_retries=0)


@dataclass(frozen=True)
class Failure:
    """What went wrong with one attempt, as far as retrying cares."""

    reason: str  # for the log
    never_sent: bool = False  # the connection was never opened: the server cannot have seen it
    timeout_or_transport: bool = False  # the request may have reached the server
    status: int | None = None
    retry_after: float | None = None


def retry_delay(policy: RetryPolicy, safety: Safety, failure: Failure, retry_number: int) -> float | None:
    """Seconds to wait before retry ``retry_number``, or None when the failure must go to the caller."""
    if retry_number > policy.max_retries:
        return None
    if failure.never_sent:
        allowed = True
    elif failure.status in RETRYABLE_STATUSES:
        allowed = safety in (Safety.IDEMPOTENT, Safety.VERIFY)
    elif failure.timeout_or_transport:
        allowed = safety is Safety.IDEMPOTENT
    else:
        allowed = False
    if not allowed:
        return None
    if failure.retry_after is not None:
        if failure.retry_after > policy.max_retry_after:
            return None
        return failure.retry_after
    return policy.backoff(retry_number)


def log_retry(
    operation: str,
    failure: Failure,
    retry_number: int,
    policy: RetryPolicy,
    delay: float,
    secrets: Callable[[], Iterable[str]] = tuple,
) -> None:
    logger.warning(
        "retrying %s (retry %d of %d) in %.2fs: %s",
        operation,
        retry_number,
        policy.max_retries,
        delay,
        scrub(failure.reason, [s for s in secrets() if len(s) >= 4]),
    )
