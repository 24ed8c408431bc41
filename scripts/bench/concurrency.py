"""The fair peer for concurrency: the official SDK in a 50-thread pool against our async client at 50.

The ``loopback`` group compares our async client at concurrency 50 with the SDK called one call at
a time, which flatters us: a user who needs concurrency from the SDK runs it in a thread pool. Here
both meet a 20 ms server delay (the mock's latency fault on verify; the mock in its own process):
the SDK driven by 50 threads (its connection pool sized to 50), our sync client in the same pool
for reference, and our async client with 50 tasks. Figures: calls/s and the client process's CPU
per call (every thread included), median of rounds.

Memory per in-flight call: in a fresh process per client, 100 verifies are held in flight at once
by a 500 ms server delay (threads for the SDK and our sync client, tasks for our async client); the
figure is the peak resident memory during the burst minus the resident memory before it, per call.
"""

from __future__ import annotations

import asyncio
import json
import threading
import time
from collections.abc import Callable
from typing import Any

from ._clients import VENDORS, async_ours, demo_params, ours, sdk
from ._serve import Server
from ._setup import prepare
from ._util import Settings, median, run_python_json
from .loopback import add_latency

DELAY = 0.020
CONCURRENCY = 50
RUNS = ("sdk@50 threads", "ours sync@50 threads", "ours async@50")
IN_FLIGHT = 100  # at most our async transport's pool (100 connections), so every call holds one
IN_FLIGHT_DELAY = 0.5


def _pooled(call: Callable[[], Any], threads: int, calls: int, max_seconds: float) -> dict[str, float]:
    """``calls`` calls from ``threads`` threads sharing one client: calls/s and process CPU per call."""
    lock = threading.Lock()
    started = 0
    deadline = time.perf_counter() + max_seconds

    def worker() -> None:
        nonlocal started
        while time.perf_counter() < deadline:
            with lock:
                if started >= calls:
                    return
                started += 1
            call()

    pool = [threading.Thread(target=worker) for _ in range(threads)]
    start, cpu = time.perf_counter(), time.process_time()
    for thread in pool:
        thread.start()
    for thread in pool:
        thread.join()
    wall, cpu = time.perf_counter() - start, time.process_time() - cpu
    return {"calls_per_second": started / wall, "client_cpu_us": cpu / max(started, 1) * 1e6}


async def _tasks(vendor: str, params: dict[str, str], url: str, calls: int, max_seconds: float) -> dict[str, float]:
    call, close = async_ours(vendor, params, url)
    try:
        await asyncio.gather(*(call() for _ in range(CONCURRENCY)))  # every connection open first
        started = 0
        deadline = time.perf_counter() + max_seconds

        async def worker() -> None:
            nonlocal started
            while started < calls and time.perf_counter() < deadline:
                started += 1
                await call()

        start, cpu = time.perf_counter(), time.process_time()
        await asyncio.gather(*(worker() for _ in range(CONCURRENCY)))
        wall, cpu = time.perf_counter() - start, time.process_time() - cpu
        return {"calls_per_second": started / wall, "client_cpu_us": cpu / max(started, 1) * 1e6}
    finally:
        await close()


# A child process: one client, IN_FLIGHT verifies held in flight at once, resident memory sampled.
_IN_FLIGHT_CHILD = """
import asyncio, gc, json, sys, threading, time
from concurrent.futures import ThreadPoolExecutor
from scripts.bench._clients import async_ours, ours, sdk
from scripts.bench.memory import rss_bytes

kind, vendor, url, n, params = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), json.loads(sys.argv[5])
peak, done = 0, threading.Event()

def sample():
    global peak
    while not done.is_set():
        peak = max(peak, rss_bytes())
        time.sleep(0.002)

def measuring():
    gc.collect()
    base = rss_bytes()
    sampler = threading.Thread(target=sample)
    sampler.start()
    return base, sampler

if kind == "ours-async":
    async def main():
        call, close = async_ours(vendor, params, url)
        await call()  # the session and a first connection exist before the baseline
        base, sampler = measuring()
        await asyncio.gather(*(call() for _ in range(n)))
        done.set()
        sampler.join()
        await close()
        return base
    base = asyncio.run(main())
else:
    call, close = sdk(vendor, params, url, pool_size=n) if kind == "sdk" else ours(vendor, params, url)
    call()
    pool = ThreadPoolExecutor(max_workers=n)  # its threads start with the burst, as a user's would
    base, sampler = measuring()
    list(pool.map(lambda _: call(), range(n)))
    done.set()
    sampler.join()
    pool.shutdown()
    close()
print(json.dumps({"base_mib": base / 2**20, "peak_mib": peak / 2**20, "per_call_kib": (peak - base) / n / 1024}))
"""


def _in_flight(kind: str, vendor: str, url: str, params: dict[str, str]) -> dict[str, float]:
    code = f"import sys; sys.argv = ['x', *{[kind, vendor, url, str(IN_FLIGHT), json.dumps(params)]!r}]\n"
    result: dict[str, float] = run_python_json(code + _IN_FLIGHT_CHILD, timeout=120)
    return {key: round(value, 2) for key, value in result.items()}


def run(settings: Settings) -> dict[str, Any]:
    calls = settings.pick(3000, 300)
    rounds = settings.pick(3, 1)
    max_seconds = settings.pickf(30.0, 10.0)
    demo = demo_params()
    result: dict[str, Any] = {
        "delay_seconds": DELAY,
        "concurrency": CONCURRENCY,
        "calls_per_round": calls,
        "rounds": rounds,
        "vendors": {},
    }
    for vendor in VENDORS:
        with Server(vendor) as server:
            prepared = prepare(vendor, server.url, demo)
            add_latency(server, vendor, DELAY, 10_000_000)
            sdk_call, sdk_close = sdk(vendor, prepared.params, server.url, pool_size=CONCURRENCY)
            ours_call, ours_close = ours(vendor, prepared.params, server.url)
            runs: dict[str, list[dict[str, float]]] = {
                "sdk@50 threads": [],
                "ours sync@50 threads": [],
                "ours async@50": [],
            }
            for call in (sdk_call, ours_call):
                _pooled(call, CONCURRENCY, CONCURRENCY * 4, max_seconds)  # open the pool's connections
            for r in range(rounds):
                for name in runs if r % 2 == 0 else reversed(list(runs)):
                    if name == "ours async@50":
                        figures = asyncio.run(_tasks(vendor, prepared.params, server.url, calls, max_seconds))
                    else:
                        call = sdk_call if name.startswith("sdk") else ours_call
                        figures = _pooled(call, CONCURRENCY, calls, max_seconds)
                    runs[name].append(figures)
            sdk_close()
            ours_close()
        result["vendors"][vendor] = {
            name: {key: round(median([f[key] for f in figures]), 1) for key in figures[0]}
            for name, figures in runs.items()
        }
    with Server("infobip") as server:  # a fresh mock: only the long delay is pending on verify
        prepared = prepare("infobip", server.url, demo)
        add_latency(server, "infobip", IN_FLIGHT_DELAY, 10_000_000)
        result["in_flight"] = {
            "calls": IN_FLIGHT,
            "delay_seconds": IN_FLIGHT_DELAY,
            "vendor": "infobip",
            "clients": {
                kind: _in_flight(kind, "infobip", server.url, prepared.params)
                for kind in ("sdk", "ours-sync", "ours-async")
            },
        }
    return result
