"""Client CPU per call with no network: a canned verify response at the transport.

Ours, raw ``httpx.Client`` on the same ``httpx.MockTransport``, and the official SDKs with their
urllib3 pool faked (see ``_clients``). Time is the CPU time of this thread (``time.thread_time``):
what the client costs, not what the scheduler of a shared machine did meanwhile; nothing waits,
the transport is in-process. Rounds interleave the clients, in alternating order, and the figure
is the median over rounds.
"""

from __future__ import annotations

import gc
import time
from typing import Any

from ._clients import FACTORIES, KINDS, VENDORS, Call, Close, demo_params, verified
from ._util import Settings, median


def cpu_seconds_per_call(call: Call, n: int) -> float:
    start = time.thread_time()
    for _ in range(n):
        call()
    return (time.thread_time() - start) / n


def run(settings: Settings) -> dict[str, Any]:
    iterations = settings.pick(2000, 50)
    rounds = settings.pick(15, 2)
    params = demo_params()
    result: dict[str, Any] = {"iterations": iterations, "rounds": rounds, "unit": "us CPU per call", "vendors": {}}
    for vendor in VENDORS:
        calls: dict[str, Call] = {}
        closers: list[Close] = []
        for kind in KINDS:
            call, close = FACTORIES[kind](vendor, params, None)
            if verified(vendor, kind, call()) is not True:
                raise RuntimeError(f"{kind} {vendor}: the canned verify did not come back verified")
            cpu_seconds_per_call(call, max(20, iterations // 10))  # warm-up
            calls[kind], closers = call, [*closers, close]
        samples: dict[str, list[float]] = {kind: [] for kind in KINDS}
        for r in range(rounds):
            for kind in KINDS if r % 2 == 0 else tuple(reversed(KINDS)):
                gc.collect()
                samples[kind].append(cpu_seconds_per_call(calls[kind], iterations) * 1e6)
        for close in closers:
            close()
        result["vendors"][vendor] = {
            "us_per_call": {kind: round(median(samples[kind]), 1) for kind in KINDS},
            "samples": {kind: [round(v, 1) for v in values] for kind, values in samples.items()},
        }
    return result
