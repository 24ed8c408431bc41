"""Answering one vendor operation, the same way for both vendors: an injected fault first, then the
operation; what the operation raises (_errors.py) becomes the vendor's answer."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable

from starlette.requests import ClientDisconnect

from ._errors import ErrorAnswers, InvalidRequest, VendorError
from ._faults import Fault, FaultInjector
from ._http import Answer, RawRequest, Reply, drop_connection, no_answer

logger = logging.getLogger(__name__)

Run = Callable[[RawRequest], Awaitable[Answer]]


async def answer(faults: FaultInjector, operation: str, request: RawRequest, run: Run, errors: ErrorAnswers) -> Reply:
    """``run(request)``'s answer, unless a fault is pending for ``operation`` (a fault key: an operationId)."""
    fault = faults.take(operation)
    if fault is not None:  # rare: nearly every request goes straight on
        faulted = await _fault(fault, request, errors)
        if faulted is not None:
            return faulted
    try:
        return await run(request)
    except VendorError as error:
        return error.answer
    except InvalidRequest as error:
        return errors.invalid(error)
    except ClientDisconnect:  # the client left mid-body: not a bug, and nobody to answer
        return no_answer
    except Exception:
        internal = errors.internal_error()
        if internal is None:
            raise
        logger.exception("unexpected error in %s", operation)  # a bug: answered in the vendor's shape, traced
        return internal


async def _fault(fault: Fault, request: RawRequest, errors: ErrorAnswers) -> Reply | None:
    """What ``fault`` answers, or None when the request goes on to the operation (a latency alone)."""
    await request.body()  # the request reached the server before anything goes wrong
    if fault.latency:
        await asyncio.sleep(fault.latency)
    if fault.drop:
        return drop_connection
    if fault.status is None:
        return None
    response = errors.fault(fault.status)
    if fault.retry_after is not None:
        response = response.with_header("Retry-After", f"{fault.retry_after:g}")
    return response
