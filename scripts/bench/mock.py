"""The mock under concurrent load, against the floor: a canned-JSON ASGI app on the same server.

Each server runs alone in its own process (uvicorn, loopback); the load comes from this process
over raw keep-alive connections (``_loadgen``), so the figure is the server's. Sends go to a new
destination each time (every one makes a PIN, a record, a delivery); verifies check one PIN
(Infobip) or one number (Bandwidth). Each round runs the mock and the floor back to back (the
order alternates) and gives one ratio; the ratio reported is the median of the rounds' ratios, so a
machine that slows down for a while moves both sides of a pair, not one. requests/s is also the
median over rounds; p50/p99 latency come from all requests of all rounds.
"""

from __future__ import annotations

from typing import Any

from ._clients import VENDORS, demo_params
from ._loadgen import LoadResult, load
from ._serve import Server
from ._setup import prepare, requests
from ._util import Settings, median, percentile

OPERATIONS = ("send", "verify")
CONCURRENCY = 16


def _summary(results: list[LoadResult], cpu: list[float]) -> dict[str, Any]:
    """``cpu``: the server's CPU seconds during each run (the same order as ``results``)."""
    latencies = [latency for result in results for latency in result.latencies]
    cpu_us = [seconds / result.requests * 1e6 for seconds, result in zip(cpu, results, strict=True) if result.requests]
    statuses: dict[str, int] = {}
    for result in results:
        for status, count in result.statuses.items():
            statuses[str(status)] = statuses.get(str(status), 0) + count
    return {
        "requests_per_second": round(median([r.per_second for r in results]), 1),
        # The server's CPU per request: what it costs, however much of a core a shared machine gave it.
        "server_cpu_us_per_request": round(median(cpu_us), 1),
        "p50_ms": round(percentile(latencies, 50) * 1000, 2),
        "p99_ms": round(percentile(latencies, 99) * 1000, 2),
        "requests": sum(r.requests for r in results),
        "statuses": statuses,
        "errors": sum(r.errors for r in results),
    }


def _paired(
    runs: dict[tuple[str, str], list[LoadResult]], cpu: dict[tuple[str, str], list[float]], operation: str
) -> dict[str, float]:
    """Median over rounds of mock/floor requests/s, and of floor/mock CPU per request (capacity)."""
    rates = [
        mock.per_second / floor.per_second
        for mock, floor in zip(runs[("mock", operation)], runs[("floor", operation)], strict=True)
        if floor.per_second
    ]
    capacity = [
        (floor_cpu / floor.requests) / (mock_cpu / mock.requests)
        for mock, floor, mock_cpu, floor_cpu in zip(
            runs[("mock", operation)],
            runs[("floor", operation)],
            cpu[("mock", operation)],
            cpu[("floor", operation)],
            strict=True,
        )
        if mock.requests and floor.requests and mock_cpu > 0
    ]
    return {
        "requests_per_second_ratio": round(median(rates), 3) if rates else float("nan"),
        "cpu_capacity_ratio": round(median(capacity), 3) if capacity else float("nan"),
        "rounds": len(rates),
    }


def run(settings: Settings) -> dict[str, Any]:
    total = settings.pick(2500, 150)
    rounds = settings.pick(7, 1)
    max_seconds = settings.pickf(30.0, 10.0)
    result: dict[str, Any] = {"concurrency": CONCURRENCY, "requests_per_round": total, "rounds": rounds, "vendors": {}}
    demo = demo_params()
    for vendor in VENDORS:
        with Server(vendor) as mock_server, Server(f"floor-{vendor}") as floor_server:
            prepared = prepare(vendor, mock_server.url, demo)
            servers = {"mock": mock_server, "floor": floor_server}
            targets = {name: server.url for name, server in servers.items()}
            runs: dict[tuple[str, str], list[LoadResult]] = {}
            cpu: dict[tuple[str, str], list[float]] = {}
            for operation in OPERATIONS:
                make = requests(prepared, operation)
                for url in targets.values():  # warm-up: connections, caches, first-use imports
                    load(url, make, total=max(20, total // 20), concurrency=CONCURRENCY, max_seconds=max_seconds)
                for r in range(rounds):
                    for name in ("mock", "floor") if r % 2 == 0 else ("floor", "mock"):
                        before = servers[name].cpu_seconds()
                        outcome = load(
                            targets[name], make, total=total, concurrency=CONCURRENCY, max_seconds=max_seconds
                        )
                        runs.setdefault((name, operation), []).append(outcome)
                        cpu.setdefault((name, operation), []).append(servers[name].cpu_seconds() - before)
            result["vendors"][vendor] = {
                operation: {
                    **{name: _summary(runs[(name, operation)], cpu[(name, operation)]) for name in targets},
                    "paired": _paired(runs, cpu, operation),
                }
                for operation in OPERATIONS
            }
    return result
