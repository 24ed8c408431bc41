"""Run a mock under uvicorn on loopback, in a background thread, on a free port."""

from __future__ import annotations

import asyncio
import ipaddress
import logging
import socket
import threading
import time
import warnings
from types import TracebackType
from typing import Any

import uvicorn

from ._protocol import BODY_TIMEOUT, HEADER_TIMEOUT, MAX_CONNECTIONS, DeadlineH11Protocol

LOOPBACK = "127.0.0.1"
# How long an idle keep-alive connection stays open. Longer than clients keep idle connections
# (httpx: 5 s, uvicorn's own default too), as vendor load balancers are (60 s and more): with equal
# timeouts a client may reuse a connection at the moment the server closes it, and a request is lost.
KEEP_ALIVE_SECONDS = 65
logger = logging.getLogger(__name__)


class ExposedMockWarning(UserWarning):
    """A mock bound beyond loopback: its demo credentials and control surface are reachable from elsewhere."""


def is_loopback(host: str) -> bool:
    if host.strip("[]").lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False  # a host name: it may resolve anywhere


def exposure_warning(host: str) -> str | None:
    """The warning for serving on ``host``, or None for a loopback address."""
    if is_loopback(host):
        return None
    return (
        f"the mock is bound to {host}, beyond loopback: anyone who can reach it can use its demo "
        "credentials, read live codes and, with a Host header they choose, drive /_mock/. Set "
        "TWOFA_MOCK_CONTROL_TOKEN (or --control-token) to guard /_mock/, and bind 127.0.0.1 unless you must."
    )


def protocol_class(
    header_timeout: float = HEADER_TIMEOUT, body_timeout: float = BODY_TIMEOUT, max_connections: int = MAX_CONNECTIONS
) -> type[DeadlineH11Protocol]:
    return DeadlineH11Protocol.configured(header_timeout, body_timeout, max_connections)


class RunningServer:
    """A uvicorn server in a daemon thread. Use as a context manager, or call ``stop()``.

    ``header_timeout``, ``body_timeout`` and ``max_connections`` bound slow and idle clients (see
    _protocol.py); binding beyond loopback logs a warning and raises an ``ExposedMockWarning``.
    """

    def __init__(
        self,
        app: Any,
        *,
        host: str = LOOPBACK,
        port: int = 0,
        log_level: str = "warning",
        header_timeout: float = HEADER_TIMEOUT,
        body_timeout: float = BODY_TIMEOUT,
        max_connections: int = MAX_CONNECTIONS,
    ) -> None:
        protocol = protocol_class(header_timeout, body_timeout, max_connections)
        message = exposure_warning(host)
        if message is not None:
            logger.warning(message)
            warnings.warn(message, ExposedMockWarning, stacklevel=3)
        # IPPROTO_TCP explicitly: asyncio sets TCP_NODELAY only on sockets whose proto says TCP, and
        # without it every answer (headers, then body) waits ~40 ms for a delayed ACK.
        self._sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)
        self._sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._sock.bind((host, port))
        self.host, self.port = self._sock.getsockname()[:2]
        config = uvicorn.Config(
            app,
            log_level=log_level,
            access_log=False,
            lifespan="off",
            timeout_keep_alive=KEEP_ALIVE_SECONDS,
            http=protocol,
        )
        self._server = uvicorn.Server(config)
        self._thread = threading.Thread(target=self._run, name=f"mock-{self.port}", daemon=True)
        self._thread.start()
        deadline = time.monotonic() + 10
        while not self._server.started:
            if not self._thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError("the mock server did not start")
            time.sleep(0.005)

    def _run(self) -> None:
        asyncio.run(self._server.serve(sockets=[self._sock]))

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}"

    def stop(self) -> None:
        self._server.should_exit = True
        self._thread.join(timeout=10)
        self._sock.close()

    def __enter__(self) -> RunningServer:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()


def run_in_thread(
    app: Any,
    *,
    host: str = LOOPBACK,
    port: int = 0,
    header_timeout: float = HEADER_TIMEOUT,
    body_timeout: float = BODY_TIMEOUT,
    max_connections: int = MAX_CONNECTIONS,
) -> RunningServer:
    """Serve ``app`` on ``host:port`` (0: a free port) until ``stop()``; binds loopback by default."""
    return RunningServer(
        app,
        host=host,
        port=port,
        header_timeout=header_timeout,
        body_timeout=body_timeout,
        max_connections=max_connections,
    )
