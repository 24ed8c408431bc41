"""Calls per second against the mock over uvicorn on loopback, the mock in its own process.

Sequential sync verifies: ours, raw httpx, the official SDKs (rounds interleave them). Async
verifies with our client at concurrency 1, 10 and 50: the concurrency an SDK without an async API
cannot offer. References at 50: raw httpx on its own async pool, and raw httpx on our default async
transport (aiohttp). For every async run, the CPU per call of the client process and of the server
process: client and server share the machine's cores, and these say which one a rate is bound by.

Loopback answers in well under a millisecond, so these rates measure CPU. A last pair adds the round
trip of a network (``LATENCY`` seconds, the mock's latency fault on verify): sequential SDK calls
against ours at concurrency 50. Every round is bounded in calls and seconds.
"""

from __future__ import annotations

import asyncio
import json
import time
import urllib.request
from collections.abc import Callable
from typing import Any

from ._clients import FACTORIES, KINDS, VENDORS, async_ours, async_raw_httpx, async_raw_httpx_aiohttp, demo_params
from ._serve import Server
from ._setup import prepare
from ._util import Settings, median

CONCURRENCY = (1, 10, 50)
LATENCY = 0.020  # a short round trip to a vendor's data centre
VERIFY_OPERATION = {"infobip": "verify-2fa-phone-number", "bandwidth": "verifyCode"}
ASYNC_FACTORIES = {"ours": async_ours, "httpx": async_raw_httpx, "httpx-aiohttp": async_raw_httpx_aiohttp}


def sync_rate(call: Callable[[], Any], calls: int, max_seconds: float) -> float:
    start = time.perf_counter()
    deadline = start + max_seconds
    done = 0
    while done < calls and time.perf_counter() < deadline:
        call()
        done += 1
    return done / (time.perf_counter() - start)


async def _async_rate(
    factory: Any, vendor: str, params: dict[str, str], url: str, concurrency: int, calls: int, max_seconds: float
) -> tuple[int, float, float]:
    """(calls done, wall seconds, this process's CPU seconds) of ``calls`` verifies over ``concurrency`` tasks."""
    call, close = factory(vendor, params, url)
    try:
        await call()  # connect (and for OAuth2 clients, fetch a token) before the clock starts
        started = 0
        deadline = time.perf_counter() + max_seconds

        async def worker() -> int:
            nonlocal started
            mine = 0
            while started < calls and time.perf_counter() < deadline:
                started += 1
                await call()
                mine += 1
            return mine

        start, cpu = time.perf_counter(), time.process_time()
        done = sum(await asyncio.gather(*(worker() for _ in range(concurrency))))
        return done, time.perf_counter() - start, time.process_time() - cpu
    finally:
        await close()


def async_rate(
    kind: str, server: Server, vendor: str, params: dict[str, str], concurrency: int, calls: int, max_seconds: float
) -> dict[str, float]:
    """calls/s, and the client's and the server's CPU microseconds per call."""
    before = server.cpu_seconds()
    run = _async_rate(ASYNC_FACTORIES[kind], vendor, params, server.url, concurrency, calls, max_seconds)
    done, wall, client_cpu = asyncio.run(run)
    server_cpu = server.cpu_seconds() - before  # includes the connect call: one in thousands
    done = max(done, 1)
    return {
        "calls_per_second": done / wall,
        "client_cpu_us": client_cpu / done * 1e6,
        "server_cpu_us": server_cpu / done * 1e6,
    }


def _median_run(runs: list[dict[str, float]]) -> dict[str, float]:
    return {key: round(median([run[key] for run in runs]), 1) for key in runs[0]}


def add_latency(server: Server, vendor: str, seconds: float, count: int) -> None:
    fault = {"operation": VERIFY_OPERATION[vendor], "latency": seconds, "count": count}
    request = urllib.request.Request(  # noqa: S310 - the loopback mock's control surface
        f"{server.url}/_mock/faults",
        data=json.dumps(fault).encode(),
        headers={"Content-Type": "application/json"},
        method="POST",
    )
    with urllib.request.urlopen(request, timeout=10) as answer:  # noqa: S310
        answer.read()


def run(settings: Settings) -> dict[str, Any]:
    calls = settings.pick(1000, 40)
    async_calls = settings.pick(2000, 100)
    latency_calls = settings.pick(100, 10)  # sequential, LATENCY each
    rounds = settings.pick(3, 1)
    max_seconds = settings.pickf(30.0, 10.0)
    result: dict[str, Any] = {
        "calls_per_round": calls,
        "async_calls_per_round": async_calls,
        "rounds": rounds,
        "latency_seconds": LATENCY,
        "unit": "calls/s",
        "vendors": {},
    }
    demo = demo_params()
    runs = [*((f"ours@{c}", "ours", c) for c in CONCURRENCY), ("httpx@50", "httpx", 50)]
    runs.append(("httpx-aiohttp@50", "httpx-aiohttp", 50))
    for vendor in VENDORS:
        with Server(vendor) as server:
            prepared = prepare(vendor, server.url, demo)
            clients = {kind: FACTORIES[kind](vendor, prepared.params, server.url) for kind in KINDS}
            for call, _ in clients.values():
                call()  # connect before timing
            sync: dict[str, list[float]] = {kind: [] for kind in KINDS}
            concurrent: dict[str, list[dict[str, float]]] = {name: [] for name, _, _ in runs}
            for r in range(rounds):
                for kind in KINDS if r % 2 == 0 else tuple(reversed(KINDS)):
                    sync[kind].append(sync_rate(clients[kind][0], calls, max_seconds))
                for name, kind, c in runs:
                    concurrent[name].append(
                        async_rate(kind, server, vendor, prepared.params, c, async_calls, max_seconds)
                    )
            # With a network's round trip: every verify from here on waits LATENCY first.
            add_latency(server, vendor, LATENCY, 1_000_000)
            with_latency = {
                "sdk": sync_rate(clients["sdk"][0], latency_calls, max_seconds),
                "ours@50": async_rate("ours", server, vendor, prepared.params, 50, async_calls, max_seconds)[
                    "calls_per_second"
                ],
            }
            for _, close in clients.values():
                close()
        result["vendors"][vendor] = {
            "sync": {kind: round(median(values), 1) for kind, values in sync.items()},
            "async": {name: _median_run(values) for name, values in concurrent.items()},
            "with_latency": {name: round(value, 1) for name, value in with_latency.items()},
        }
    return result
