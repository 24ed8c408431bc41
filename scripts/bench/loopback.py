"""Calls per second against the mock over uvicorn on loopback, the mock in its own process.

Sequential sync verifies: ours, raw httpx, the official SDKs (rounds interleave them). Async
verifies with our client at concurrency 1, 10 and 50 (raw httpx async at 50 for reference): the
concurrency an SDK without an async API cannot offer. Every round is bounded in calls and seconds.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from typing import Any

from ._clients import FACTORIES, KINDS, VENDORS, async_ours, async_raw_httpx, demo_params
from ._serve import Server
from ._setup import prepare
from ._util import Settings, median

CONCURRENCY = (1, 10, 50)


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
) -> float:
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

        start = time.perf_counter()
        done = sum(await asyncio.gather(*(worker() for _ in range(concurrency))))
        return done / (time.perf_counter() - start)
    finally:
        await close()


def async_rate(
    factory: Any, vendor: str, params: dict[str, str], url: str, concurrency: int, calls: int, max_seconds: float
) -> float:
    return asyncio.run(_async_rate(factory, vendor, params, url, concurrency, calls, max_seconds))


def run(settings: Settings) -> dict[str, Any]:
    calls = settings.pick(1000, 40)
    async_calls = settings.pick(2000, 100)
    rounds = settings.pick(3, 1)
    max_seconds = settings.pickf(30.0, 10.0)
    result: dict[str, Any] = {
        "calls_per_round": calls,
        "async_calls_per_round": async_calls,
        "rounds": rounds,
        "unit": "calls/s",
        "vendors": {},
    }
    demo = demo_params()
    for vendor in VENDORS:
        with Server(vendor) as server:
            prepared = prepare(vendor, server.url, demo)
            clients = {kind: FACTORIES[kind](vendor, prepared.params, server.url) for kind in KINDS}
            for call, _ in clients.values():
                call()  # connect before timing
            sync: dict[str, list[float]] = {kind: [] for kind in KINDS}
            concurrent: dict[str, list[float]] = {
                name: [] for name in [*(f"ours@{c}" for c in CONCURRENCY), "httpx@50"]
            }
            for r in range(rounds):
                for kind in KINDS if r % 2 == 0 else tuple(reversed(KINDS)):
                    sync[kind].append(sync_rate(clients[kind][0], calls, max_seconds))
                for c in CONCURRENCY:
                    rate = async_rate(async_ours, vendor, prepared.params, server.url, c, async_calls, max_seconds)
                    concurrent[f"ours@{c}"].append(rate)
                rate = async_rate(async_raw_httpx, vendor, prepared.params, server.url, 50, async_calls, max_seconds)
                concurrent["httpx@50"].append(rate)
            for _, close in clients.values():
                close()
        result["vendors"][vendor] = {
            "sync": {kind: round(median(values), 1) for kind, values in sync.items()},
            "async": {name: round(median(values), 1) for name, values in concurrent.items()},
        }
    return result
