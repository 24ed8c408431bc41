"""Resident memory of the Infobip mock after 100,000 PINs, after they expire, and after 100,000 more.

Runs in a child process, so nothing else lives in the heap measured. The PINs go through the mock's
real request path (``_asgi`` calls the Starlette app in-process: routing, auth, validation, state,
outbox), 100 per mock second; then ``mock.clock.advance`` moves past every retention (PIN TTL plus
expiredPinRetentionSeconds, verification records, rate-limit windows) and a few more sends let the
store evict. Memory is bounded when the second 100,000 fit in what the first left behind.
RSS is VmRSS from /proc/self/status (``resource`` peak RSS where there is no /proc).
"""

from __future__ import annotations

import asyncio
import gc
import json
import sys
from typing import Any

from ._util import Settings, run_python_json

RETENTION_SKIP = 31 * 24 * 3600.0  # beyond the longest retention (verification records: 30 days)
PER_MOCK_SECOND = 100
BOUND = 1.10  # the second batch may take at most 10% more memory than the first


def rss_bytes() -> int:
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    import resource

    return int(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss) * 1024


async def _measure(pins: int) -> dict[str, Any]:
    from twofa_mocks import InfobipMock
    from twofa_mocks._asgi import call
    from twofa_mocks.infobip import DEMO_API_KEY

    mock = InfobipMock()  # frozen clock: time moves only when told to
    headers = {"Authorization": f"App {DEMO_API_KEY}", "Content-Type": "application/json"}

    async def post(path: str, body: dict[str, Any]) -> dict[str, Any]:
        status, raw = await call(mock.app, "POST", path, headers, json.dumps(body).encode())
        if status != 200:
            raise RuntimeError(f"POST {path}: {status} {raw[:200]!r}")
        result: dict[str, Any] = json.loads(raw)
        return result

    limits = {"sendPinPerApplicationLimit": "1000000000/1d"}  # the default 10000/1d would stop the run
    app_id = (await post("/2fa/2/applications", {"name": "memory", "configuration": limits}))["applicationId"]
    template = {"messageText": "Your code is {{pin}}", "pinType": "NUMERIC", "pinLength": 6}
    message_id = (await post(f"/2fa/2/applications/{app_id}/messages", template))["messageId"]

    async def send(count: int, first: int) -> None:
        for i in range(count):
            await post("/2fa/2/pin", {"applicationId": app_id, "messageId": message_id, "to": f"41{first + i:09d}"})
            if i % PER_MOCK_SECOND == PER_MOCK_SECOND - 1:
                mock.clock.advance(1.0)

    def stage() -> dict[str, Any]:
        gc.collect()
        store = mock.store
        return {
            "rss_mib": round(rss_bytes() / 2**20, 1),
            "allocated_blocks": sys.getallocatedblocks(),
            "live_pins": len(store.pins),
            "records": sum(len(records) for records in store.records.values()),
            "outbox": len(mock.outbox.list()),
            "window_keys": len(store.windows),
        }

    stages = {"start": stage()}
    await send(pins, 0)
    stages["after_first_batch"] = stage()
    mock.clock.advance(RETENTION_SKIP)
    await send(300, 10 * pins)  # requests evict what expired; sweeps run every 256 requests
    stages["after_expiry"] = stage()
    await send(pins, 20 * pins)
    stages["after_second_batch"] = stage()
    return stages


def child(pins: int) -> None:
    print(json.dumps(asyncio.run(_measure(pins))))


def run(settings: Settings) -> dict[str, Any]:
    pins = settings.pick(100_000, 2_000)
    stages = run_python_json(f"from scripts.bench.memory import child; child({pins})", timeout=900)
    start = stages["start"]["rss_mib"]
    first = stages["after_first_batch"]["rss_mib"] - start
    second = stages["after_second_batch"]["rss_mib"] - start
    return {
        "pins_per_batch": pins,
        "stages": stages,
        "first_batch_mib": round(first, 1),
        "second_batch_mib": round(second, 1),
        "bytes_per_pin": round(first * 2**20 / pins),
        "second_over_first": round(second / first, 3) if first > 0 else None,
        "bounded": second <= BOUND * first and stages["after_expiry"]["live_pins"] <= 300,
    }
