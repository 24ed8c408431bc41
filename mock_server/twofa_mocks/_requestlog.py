"""One DEBUG line per request on the ``twofa_mocks.requests`` logger: mock, method, path, status, time.

Never the query, a header or a body: those carry credentials, codes and phone numbers. The path is
cut to ``MAX_PATH`` characters and shown escaped when it holds control characters (a path is
percent-decoded, so ``%0A`` would otherwise start a forged log line). ``MockApp`` asks
``logger.isEnabledFor(DEBUG)`` once per request (logging caches the answer) and comes here only then,
so a mock whose logging is off pays one dictionary lookup per request.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Awaitable, Callable
from typing import Any

from starlette.types import Message, Receive, Scope, Send

logger = logging.getLogger("twofa_mocks.requests")
MAX_PATH = 200
ASGIHandler = Callable[[Scope, Receive, Send], Awaitable[None]]


def shown_path(path: str) -> str:
    cut = path[:MAX_PATH] + ("..." if len(path) > MAX_PATH else "")
    return cut if cut.isprintable() else ascii(cut)


async def logged(name: str, serve: ASGIHandler, scope: Scope, receive: Receive, send: Send) -> None:
    """Run ``serve`` and log how it answered (or that it did not: a dropped connection, an error)."""
    status: Any = None

    async def capture(message: Message) -> None:
        nonlocal status
        if message["type"] == "http.response.start":
            status = message["status"]
        await send(message)

    started = time.perf_counter()
    try:
        await serve(scope, receive, capture)
    finally:
        elapsed = (time.perf_counter() - started) * 1000
        logger.debug(
            "%s %s %s -> %s in %.2f ms",
            name,
            scope.get("method", "?"),
            shown_path(scope.get("path", "")),
            "no answer" if status is None else status,
            elapsed,
        )
