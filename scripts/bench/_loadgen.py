"""A small HTTP/1.1 load generator: keep-alive connections on raw asyncio streams.

It measures servers, so it is as cheap per request as Python allows: requests are prebuilt bytes,
responses are read by Content-Length, and nothing is parsed beyond the status line. Bounded twice:
it stops after ``total`` requests or at ``max_seconds``, whichever comes first.
"""

from __future__ import annotations

import asyncio
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import urlsplit

RequestFactory = Callable[[int], bytes]  # request number -> the bytes of one whole request


def request_bytes(method: str, path: str, host: str, headers: dict[str, str], body: bytes = b"") -> bytes:
    lines = [f"{method} {path} HTTP/1.1", f"Host: {host}"]
    lines += [f"{name}: {value}" for name, value in headers.items()]
    lines.append(f"Content-Length: {len(body)}")
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + body


@dataclass
class LoadResult:
    requests: int = 0
    seconds: float = 0.0
    statuses: Counter[int] = field(default_factory=Counter)
    latencies: list[float] = field(default_factory=list)  # seconds, one per completed request
    errors: int = 0

    @property
    def per_second(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0


async def _read_response(reader: asyncio.StreamReader) -> int:
    head = await reader.readuntil(b"\r\n\r\n")
    status = int(head[9:12])
    length = 0
    for line in head.split(b"\r\n")[1:]:
        if line[:15].lower() == b"content-length:":
            length = int(line[15:])
            break
    if length:
        await reader.readexactly(length)
    return status


async def _load(url: str, make: RequestFactory, total: int, concurrency: int, max_seconds: float) -> LoadResult:
    parts = urlsplit(url)
    host, port = parts.hostname or "127.0.0.1", parts.port or 80
    result = LoadResult()
    next_number = 0
    deadline = time.perf_counter() + max_seconds

    async def worker() -> None:
        nonlocal next_number
        reader, writer = await asyncio.open_connection(host, port)
        try:
            while next_number < total and time.perf_counter() < deadline:
                number, next_number = next_number, next_number + 1
                start = time.perf_counter()
                writer.write(make(number))
                try:
                    status = await _read_response(reader)
                except (asyncio.IncompleteReadError, ConnectionError):
                    result.errors += 1
                    writer.close()
                    reader, writer = await asyncio.open_connection(host, port)
                    continue
                result.latencies.append(time.perf_counter() - start)
                result.statuses[status] += 1
                result.requests += 1
        finally:
            writer.close()

    start = time.perf_counter()
    await asyncio.gather(*(worker() for _ in range(concurrency)))
    result.seconds = time.perf_counter() - start
    return result


def load(url: str, make: RequestFactory, *, total: int, concurrency: int, max_seconds: float) -> LoadResult:
    """Send up to ``total`` requests over ``concurrency`` connections, for at most ``max_seconds``."""
    return asyncio.run(_load(url, make, total, concurrency, max_seconds))
