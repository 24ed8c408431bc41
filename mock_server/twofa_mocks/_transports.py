"""httpx transports that call a mock's ASGI app in-process, for clients in tests: no socket, no port.

``InProcessTransport`` (async) is httpx's ``ASGITransport`` with two things a socket would give:

- a dropped-connection fault (the mock aborts its answer) reaches the client as
  ``httpx.RemoteProtocolError``, as a server closing mid-answer does, not as the mock's
  ``ConnectionAbortedError``;
- the request's read timeout bounds the whole exchange (the mock answers at once, or after a latency
  fault): past it, ``httpx.ReadTimeout``. The request is abandoned where it was: a latency fault's
  request never reaches the vendor code, where a server over HTTP would still finish it.

``SyncInProcessTransport`` serves sync clients: each request runs on one event loop in a daemon thread
the transport starts on first use and stops on ``close()``, so a sync client works in-process too,
from any thread, inside a running event loop or not.
"""

from __future__ import annotations

import asyncio
import threading
from typing import Any

import httpx


def _read_timeout(request: httpx.Request) -> float | None:
    timeout = request.extensions.get("timeout", {})
    value = timeout.get("read") if isinstance(timeout, dict) else None
    return float(value) if isinstance(value, int | float) else None


class InProcessTransport(httpx.ASGITransport):
    """``httpx.ASGITransport(app)`` answering a dropped connection and a timeout as a socket would."""

    def __init__(self, app: Any) -> None:
        super().__init__(app=app)

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        timeout = _read_timeout(request)
        exchange = super().handle_async_request(request)
        try:
            if timeout is None:
                return await exchange
            return await asyncio.wait_for(exchange, timeout)
        except ConnectionAbortedError as exc:
            raise httpx.RemoteProtocolError("server disconnected without a complete answer", request=request) from exc
        except TimeoutError as exc:
            raise httpx.ReadTimeout(f"no answer within the read timeout ({timeout:g} s)", request=request) from exc


class SyncInProcessTransport(httpx.BaseTransport):
    """A sync httpx transport over a mock's ASGI app (``InProcessTransport`` on a loop of its own)."""

    def __init__(self, app: Any) -> None:
        self._inner = InProcessTransport(app)
        self._lock = threading.Lock()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._closed = False

    def _running_loop(self) -> asyncio.AbstractEventLoop:
        with self._lock:
            if self._closed:
                raise RuntimeError("the in-process transport is closed")
            if self._loop is None:
                loop = asyncio.new_event_loop()
                self._thread = threading.Thread(target=loop.run_forever, name="twofa-mock-in-process", daemon=True)
                self._thread.start()
                self._loop = loop
            return self._loop

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        # The sync client's body may be a sync iterator; the ASGI side reads an async one.
        copy = httpx.Request(
            request.method, request.url, headers=request.headers, content=request.read(), extensions=request.extensions
        )
        loop = self._running_loop()  # first: a closed transport raises before a coroutine exists
        future = asyncio.run_coroutine_threadsafe(self._exchange(copy), loop)
        status, headers, content = future.result()
        return httpx.Response(status, headers=headers, content=content, request=request)

    async def _exchange(self, request: httpx.Request) -> tuple[int, list[tuple[bytes, bytes]], bytes]:
        response = await self._inner.handle_async_request(request)
        content = await response.aread()
        return response.status_code, response.headers.raw, content

    def close(self) -> None:
        with self._lock:
            self._closed = True
            loop, thread, self._loop, self._thread = self._loop, self._thread, None, None
        if loop is not None and thread is not None:
            loop.call_soon_threadsafe(loop.stop)
            thread.join(timeout=10)
            loop.close()
