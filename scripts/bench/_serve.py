"""A benchmark server in its own process: a mock, or the canned-JSON floor, under uvicorn on loopback.

    python -m scripts.bench._serve infobip|bandwidth|floor-infobip|floor-bandwidth [--max-seconds N]

Prints one JSON line ``{"url": ...}`` once listening, then serves until its stdin closes (the parent
exits or says so) or ``--max-seconds`` pass, whichever comes first: it always stops by itself.
Mocks run on the real clock (as ``make mock`` does) so rate-limit windows slide during a run.

``Server`` is the parent's side: start, read the URL, and stop by closing stdin (then terminate).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import socket
import subprocess
import sys
import threading
from types import TracebackType
from typing import Any

from ._util import PYTHON, ROOT, child_env

LOOPBACK = "127.0.0.1"
# The floor answers what the mock would, byte for byte in shape: a send and a verify per vendor.
FLOOR_BODIES = {
    "infobip": {
        "send": b'{"pinId":"9C817C6F8AF3D48F9FE553282AFA2B67","to":"41793026727",'
        b'"ncStatus":"NC_DESTINATION_REACHABLE","smsStatus":"MESSAGE_SENT"}',
        "verify": b'{"pinId":"9C817C6F8AF3D48F9FE553282AFA2B67","msisdn":"41793026727","verified":true,'
        b'"attemptsRemaining":10}',
    },
    "bandwidth": {
        "send": b'{"messageId":"9e0df4ca-b18d-40d7-a59f-82fcdf5ae8e6"}',
        "verify": b'{"valid":true}',
    },
}


def floor_app(vendor: str) -> Any:
    """The floor: a bare ASGI app that reads the request body and answers canned JSON, nothing else."""
    bodies = FLOOR_BODIES[vendor]
    headers = {
        kind: [(b"content-type", b"application/json; charset=utf-8"), (b"content-length", str(len(body)).encode())]
        for kind, body in bodies.items()
    }

    async def app(scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            return
        more = True
        while more:
            message = await receive()
            more = message.get("more_body", False)
        kind = "verify" if scope["path"].endswith("/verify") else "send"
        await send({"type": "http.response.start", "status": 200, "headers": headers[kind]})
        await send({"type": "http.response.body", "body": bodies[kind]})

    return app


def build_app(name: str) -> Any:
    if name.startswith("floor-"):
        return floor_app(name.removeprefix("floor-"))
    from twofa_mocks import BandwidthMock, InfobipMock, MockClock

    clock = MockClock(frozen=False)
    return (InfobipMock(clock=clock) if name == "infobip" else BandwidthMock(clock=clock)).app


def serve(name: str, max_seconds: float) -> None:
    import uvicorn

    # proto=IPPROTO_TCP: asyncio sets TCP_NODELAY only on sockets that say they are TCP; without it
    # a response written in two parts waits for the client's delayed ACK (~40 ms per request).
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((LOOPBACK, 0))
    host, port = sock.getsockname()[:2]
    config = uvicorn.Config(build_app(name), log_level="warning", access_log=False, lifespan="off", backlog=1024)
    server = uvicorn.Server(config)

    def stop_when_stdin_closes() -> None:
        sys.stdin.read()
        server.should_exit = True

    threading.Thread(target=stop_when_stdin_closes, daemon=True).start()
    deadline = threading.Timer(max_seconds, lambda: setattr(server, "should_exit", True))
    deadline.daemon = True
    deadline.start()

    async def main() -> None:
        task = asyncio.create_task(server.serve(sockets=[sock]))
        while not server.started:
            if task.done():
                raise RuntimeError("the benchmark server did not start")
            await asyncio.sleep(0.01)
        print(json.dumps({"url": f"http://{host}:{port}"}), flush=True)
        await task

    asyncio.run(main())
    sock.close()
    sys.exit(0)


class Server:
    """A ``_serve`` child process: ``with Server("infobip") as server: ...server.url...``."""

    def __init__(self, name: str, *, max_seconds: float = 1800, profile: str | None = None) -> None:
        self.name = name
        extra = ["--profile", profile] if profile else []
        self._proc = subprocess.Popen(  # noqa: S603 - our own interpreter and module
            [PYTHON, "-m", "scripts.bench._serve", name, "--max-seconds", str(max_seconds), *extra],
            cwd=ROOT,
            env=child_env(),
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert self._proc.stdout is not None
        line = self._proc.stdout.readline()
        if not line:
            self.stop()
            raise RuntimeError(f"benchmark server {name!r} did not start")
        self.url: str = json.loads(line)["url"]

    @property
    def pid(self) -> int:
        return self._proc.pid

    def cpu_seconds(self) -> float:
        """CPU time the server process has used so far (user + system), from /proc; NaN elsewhere."""
        try:
            with open(f"/proc/{self.pid}/stat", encoding="ascii") as stat:
                fields = stat.read().rsplit(")", 1)[1].split()
        except OSError:
            return float("nan")
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def stop(self) -> None:
        if self._proc.stdin is not None and not self._proc.stdin.closed:
            self._proc.stdin.close()
        try:
            self._proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self._proc.terminate()
            self._proc.wait(timeout=10)
        if self._proc.stdout is not None:
            self._proc.stdout.close()

    def __enter__(self) -> Server:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("app", choices=["infobip", "bandwidth", "floor-infobip", "floor-bandwidth"])
    parser.add_argument("--max-seconds", type=float, default=1800.0)
    parser.add_argument("--profile", metavar="FILE", help="run under cProfile, write the stats to FILE at exit")
    args = parser.parse_args(argv)
    if args.profile:
        import cProfile

        profiler = cProfile.Profile()
        try:
            profiler.runcall(serve, args.app, args.max_seconds)
        finally:
            profiler.dump_stats(args.profile)
    else:
        serve(args.app, args.max_seconds)


if __name__ == "__main__":
    main()
