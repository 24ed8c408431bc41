"""Run a mock under uvicorn on loopback, in a background thread, on a free port."""

from __future__ import annotations

import asyncio
import socket
import threading
import time
from types import TracebackType
from typing import Any

import uvicorn

LOOPBACK = "127.0.0.1"
# How long an idle keep-alive connection stays open. Longer than clients keep idle connections
# (httpx: 5 s, uvicorn's own default too), as vendor load balancers are (60 s and more): with equal
# timeouts a client may reuse a connection at the moment the server closes it, and a request is lost.
KEEP_ALIVE_SECONDS = 65


class RunningServer:
    """A uvicorn server in a daemon thread. Use as a context manager, or call ``stop()``."""

    def __init__(self, app: Any, *, host: str = LOOPBACK, port: int = 0, log_level: str = "warning") -> None:
        # IPPROTO_TCP explicitly: asyncio sets TCP_NODELAY only on sockets whose proto says TCP, and
        # without it every answer (headers, then body) waits ~40 ms for a delayed ACK.
        self._sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)
        self._sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._sock.bind((host, port))
        self.host, self.port = self._sock.getsockname()[:2]
        config = uvicorn.Config(
            app, log_level=log_level, access_log=False, lifespan="off", timeout_keep_alive=KEEP_ALIVE_SECONDS
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


def run_in_thread(app: Any, *, host: str = LOOPBACK, port: int = 0) -> RunningServer:
    """Serve ``app`` on ``host:port`` (0: a free port) until ``stop()``; binds loopback by default."""
    return RunningServer(app, host=host, port=port)
