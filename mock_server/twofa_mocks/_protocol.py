"""uvicorn's h11 protocol with deadlines for slow clients and a cap on open connections.

uvicorn bounds only the idle time between requests (``timeout_keep_alive``), and any byte received
cancels even that: a client that opens a connection and sends nothing, or sends its headers a byte a
minute, holds a descriptor forever. 306 such connections, against a descriptor limit of 256, stopped
the mock from answering. Here:

- ``header_timeout``: a request's headers must be complete within this many seconds of its first
  byte, or of the connection's opening for the first request. Dripping bytes does not extend it.
- ``body_timeout``: its body must be complete within this many seconds of its headers (bodies are
  at most 64 KiB). The app sees the client leave (``http.disconnect``), as when a client goes away.
- ``max_connections``: a connection past this many open ones is closed as it arrives.

Idle keep-alive connections between requests keep uvicorn's own ``timeout_keep_alive``. Past a header
deadline the server answers ``408 Request Timeout`` and closes; past a body deadline it closes (an app
is already reading the request and owns the answer).
"""

from __future__ import annotations

import asyncio
from typing import Any

import h11
from uvicorn.protocols.http.h11_impl import H11Protocol

HEADER_TIMEOUT = 10.0
BODY_TIMEOUT = 10.0
MAX_CONNECTIONS = 1_000
REQUEST_TIMEOUT = (
    b"HTTP/1.1 408 Request Timeout\r\ncontent-type: text/plain; charset=utf-8\r\ncontent-length: 15\r\n"
    b"connection: close\r\n\r\nRequest Timeout"
)


class DeadlineH11Protocol(H11Protocol):
    """H11Protocol plus the deadlines and the connection cap above (class attributes; see ``configured``)."""

    header_timeout = HEADER_TIMEOUT
    body_timeout = BODY_TIMEOUT
    max_connections = MAX_CONNECTIONS

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._deadline: asyncio.TimerHandle | None = None
        self._phase: str | None = None  # "headers" or "body": what the armed deadline waits for

    @classmethod
    def configured(cls, header_timeout: float, body_timeout: float, max_connections: int) -> type[DeadlineH11Protocol]:
        """A subclass with these limits (uvicorn builds protocols from a class)."""
        for name, value in (("header_timeout", header_timeout), ("body_timeout", body_timeout)):
            if not 0 < value <= 3600:
                raise ValueError(f"{name} must be between 0 and 3600 seconds")
        if max_connections < 1:
            raise ValueError("max_connections must be at least 1")
        attributes = {
            "header_timeout": header_timeout,
            "body_timeout": body_timeout,
            "max_connections": max_connections,
        }
        return type("DeadlineH11Protocol", (cls,), attributes)

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        if len(self.connections) > self.max_connections:
            transport.close()  # connection_lost follows and forgets it
            return
        self._arm("headers", self.header_timeout)

    def connection_lost(self, exc: Exception | None) -> None:
        self._disarm()
        super().connection_lost(exc)

    def data_received(self, data: bytes) -> None:
        super().data_received(data)
        self._follow_request()

    def on_response_complete(self) -> None:
        super().on_response_complete()  # may start the next pipelined request
        self._follow_request()

    def _follow_request(self) -> None:
        """Arm, move or drop the deadline for the request in progress, from h11's view of the client."""
        if self.transport.is_closing():
            self._disarm()
            return
        state = self.conn.their_state
        if state is h11.SEND_BODY:
            self._arm("body", self.body_timeout)
        elif state is h11.IDLE and self.conn.trailing_data[0]:
            self._arm("headers", self.header_timeout)  # part of the next request's head has arrived
        elif self._phase != "headers" or state is not h11.IDLE:
            self._disarm()  # complete, closed, or idle between requests (keep-alive's timeout applies)

    def _arm(self, phase: str, seconds: float) -> None:
        if self._phase == phase:
            return  # already counting from the start of this phase
        self._disarm()
        self._phase = phase
        self._deadline = self.loop.call_later(seconds, self._expired)

    def _disarm(self) -> None:
        if self._deadline is not None:
            self._deadline.cancel()
        self._deadline, self._phase = None, None

    def _expired(self) -> None:
        phase, self._deadline, self._phase = self._phase, None, None
        if self.transport.is_closing():
            return
        if phase == "headers":
            self.transport.write(REQUEST_TIMEOUT)
        self.transport.close()
