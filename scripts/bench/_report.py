"""From the groups' results to rows: each figure, what it is compared with, the ratio, the target."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import asdict, dataclass
from typing import Any

IMPORT_MAX = 1.3
PERCALL_MAX = 1.10
ASYNC_MIN = 3.0
MOCK_MIN = 0.7
CONTRACT_MAX_SECONDS = 60.0
GENERATE_MAX_SECONDS = 10.0
VENDOR_NAMES = {"infobip": "Infobip", "bandwidth": "Bandwidth"}


@dataclass(frozen=True)
class Row:
    group: str
    measurement: str
    value: str  # ours (or the mock), with its unit
    reference: str  # what it is compared with, with its unit; "" when nothing
    ratio: float | None = None
    target: str = ""  # e.g. "<= 1.3x"; "" for a figure reported for orientation only
    met: bool | None = None

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


def _ratio(a: float, b: float) -> float:
    return round(a / b, 3) if b else float("nan")


def _at_most(ratio: float, limit: float) -> tuple[str, bool]:
    return f"<= {limit:g}x", ratio <= limit


def _at_least(ratio: float, limit: float) -> tuple[str, bool]:
    return f">= {limit:g}x", ratio >= limit


def _import_rows(r: dict[str, Any]) -> Iterator[Row]:
    imports = r["import"]
    base = imports.get("httpx+attrs")
    for vendor, name in VENDOR_NAMES.items():
        ours, sdk = imports.get(f"ours.{vendor}"), imports.get(f"sdk.{vendor}")
        if ours is not None and base:
            ratio = _ratio(ours, base)
            target, met = _at_most(ratio, IMPORT_MAX)
            yield Row(
                "import",
                f"{name}: `from twofa_clients import {name}Client`",
                f"{ours:.3f} s",
                f"`import httpx, attrs` {base:.3f} s",
                ratio,
                target,
                met,
            )
        if sdk is not None and base:
            yield Row(
                "import",
                f"{name}: official SDK",
                f"{sdk:.3f} s",
                f"`import httpx, attrs` {base:.3f} s",
                _ratio(sdk, base),
            )
    first = r.get("first_call", {})
    for vendor, name in VENDOR_NAMES.items():
        ours, raw, sdk = (first.get(f"{kind}.{vendor}") for kind in ("ours", "httpx", "sdk"))
        if ours is not None and raw:
            yield Row(
                "import",
                f"{name}: import + client + first verify (canned), ours vs raw httpx",
                f"{ours:.3f} s",
                f"raw httpx {raw:.3f} s",
                _ratio(ours, raw),
            )
        if sdk is not None and raw:
            yield Row(
                "import",
                f"{name}: import + client + first verify (canned), SDK vs raw httpx",
                f"{sdk:.3f} s",
                f"raw httpx {raw:.3f} s",
                _ratio(sdk, raw),
            )


def _percall_rows(r: dict[str, Any]) -> Iterator[Row]:
    for vendor, figures in r["vendors"].items():
        us = figures["us_per_call"]
        name = VENDOR_NAMES[vendor]
        ratio = _ratio(us["ours"], us["httpx"])
        target, met = _at_most(ratio, PERCALL_MAX)
        yield Row(
            "per call",
            f"{name} verify, CPU per call: ours",
            f"{us['ours']:.0f} us",
            f"raw httpx {us['httpx']:.0f} us",
            ratio,
            target,
            met,
        )
        yield Row(
            "per call",
            f"{name} verify, CPU per call: official SDK",
            f"{us['sdk']:.0f} us",
            f"raw httpx {us['httpx']:.0f} us",
            _ratio(us["sdk"], us["httpx"]),
        )


def _loopback_rows(r: dict[str, Any]) -> Iterator[Row]:
    for vendor, figures in r["vendors"].items():
        name = VENDOR_NAMES[vendor]
        sync, concurrent = figures["sync"], figures["async"]
        sdk = f"official SDK sequential {sync['sdk']:.0f} calls/s"

        def rate(run: dict[str, float]) -> str:
            # Which side a rate is bound by: the client's and the server's CPU per call.
            return (
                f"{run['calls_per_second']:.0f} calls/s (CPU per call: client {run['client_cpu_us']:.0f} us, "
                f"server {run['server_cpu_us']:.0f} us)"
            )

        ours50 = concurrent["ours@50"]
        ratio = _ratio(ours50["calls_per_second"], sync["sdk"])
        target, met = _at_least(ratio, ASYNC_MIN)
        yield Row("loopback", f"{name} verify: ours async, concurrency 50", rate(ours50), sdk, ratio, target, met)
        others = (
            ("ours@1", "ours async, concurrency 1"),
            ("ours@10", "ours async, concurrency 10"),
            ("httpx@50", "raw httpx async, concurrency 50 (reference)"),
            ("httpx-aiohttp@50", "raw httpx async on our transport, concurrency 50 (reference)"),
        )
        for key, label in others:
            run = concurrent[key]
            yield Row(
                "loopback", f"{name} verify: {label}", rate(run), sdk, _ratio(run["calls_per_second"], sync["sdk"])
            )
        for kind, label in (("ours", "ours"), ("sdk", "official SDK")):
            yield Row(
                "loopback",
                f"{name} verify: sequential sync, {label}",
                f"{sync[kind]:.0f} calls/s",
                f"raw httpx {sync['httpx']:.0f} calls/s",
                _ratio(sync[kind], sync["httpx"]),
            )
        latency = figures.get("with_latency")
        if latency:
            ms = r.get("latency_seconds", 0.0) * 1000
            yield Row(
                "loopback",
                f"{name} verify, {ms:.0f} ms network round trip: ours async, concurrency 50",
                f"{latency['ours@50']:.0f} calls/s",
                f"official SDK sequential {latency['sdk']:.0f} calls/s",
                _ratio(latency["ours@50"], latency["sdk"]),
            )


def _mock_rows(r: dict[str, Any]) -> Iterator[Row]:
    for vendor, operations in r["vendors"].items():
        name = VENDOR_NAMES[vendor]
        for operation, figures in operations.items():
            mock, floor, paired = figures["mock"], figures["floor"], figures.get("paired", {})
            # The median of the rounds' own ratios (mock and floor back to back); else of the medians.
            ratio = paired.get("requests_per_second_ratio") or _ratio(
                mock["requests_per_second"], floor["requests_per_second"]
            )
            target, met = _at_least(ratio, MOCK_MIN)
            yield Row(
                "mock",
                f"{name} {operation}, {r['concurrency']} connections: requests/s (p50 / p99 latency)",
                f"{mock['requests_per_second']:.0f}/s ({mock['p50_ms']:.1f} / {mock['p99_ms']:.1f} ms)",
                f"canned floor {floor['requests_per_second']:.0f}/s ({floor['p50_ms']:.1f} / {floor['p99_ms']:.1f} ms)",
                ratio,
                target,
                met,
            )
            # The same comparison by the server's own CPU per request: immune to how much of a core
            # the shared machine (or the load generator) left the server. Ratio: capacity, floor = 1.
            yield Row(
                "mock",
                f"{name} {operation}: server CPU per request (capacity ratio)",
                f"{mock['server_cpu_us_per_request']:.0f} us",
                f"canned floor {floor['server_cpu_us_per_request']:.0f} us",
                paired.get("cpu_capacity_ratio")
                or _ratio(floor["server_cpu_us_per_request"], mock["server_cpu_us_per_request"]),
            )


def _memory_rows(r: dict[str, Any]) -> Iterator[Row]:
    stages = r["stages"]
    pins = r["pins_per_batch"]
    yield Row(
        "memory",
        f"Infobip mock RSS after {pins:,} PINs",
        f"{stages['after_first_batch']['rss_mib']:.0f} MiB",
        f"empty mock {stages['start']['rss_mib']:.0f} MiB; {r['bytes_per_pin']:,} bytes per PIN",
    )
    ratio = r["second_over_first"]
    yield Row(
        "memory",
        f"after expiry (clock advanced 31 days), {pins:,} more PINs: growth",
        f"+{r['second_batch_mib']:.0f} MiB ({stages['after_expiry']['live_pins']} PINs live after expiry)",
        f"first batch +{r['first_batch_mib']:.0f} MiB",
        ratio,
        "<= 1.1x (bounded)",
        bool(r["bounded"]),
    )


def _suite_rows(r: dict[str, Any]) -> Iterator[Row]:
    for vendor, figures in r["contract"].items():
        if "skipped" in figures:
            yield Row("suites", f"`make contract VENDOR={vendor}`", "not run", figures["skipped"])
            continue
        seconds = figures["seconds"]
        detail = f"{figures['requests']} requests, {figures['cases_per_second']}/s; {figures['tests']} tests"
        if not figures["passed"]:
            detail += "; FAILED"
        met = seconds <= CONTRACT_MAX_SECONDS and figures["passed"]
        yield Row(
            "suites",
            f"`make contract VENDOR={vendor}` ({figures['settings']})",
            f"{seconds:.1f} s",
            detail,
            None,
            f"<= {CONTRACT_MAX_SECONDS:g} s",
            met,
        )
    generate = r["generate"]
    yield Row(
        "suites",
        "generation (`make check-generated`)",
        f"{generate['seconds']:.1f} s",
        "both specs" + ("" if generate["passed"] else "; FAILED"),
        None,
        f"<= {GENERATE_MAX_SECONDS:g} s",
        generate["seconds"] <= GENERATE_MAX_SECONDS and generate["passed"],
    )


def _verifier_rows(r: dict[str, Any]) -> Iterator[Row]:
    for vendor, us in r["overhead"]["vendors"].items():
        name = VENDOR_NAMES[vendor]
        for ours, theirs in (("Verifier.check", "client verify"), ("Verifier.start", "client send")):
            yield Row(
                "verifier",
                f"{name}: `{ours}`, CPU per call (canned answers)",
                f"{us[ours]:.0f} us",
                f"the client's own {theirs.split()[1]} {us[theirs]:.0f} us",
                _ratio(us[ours], us[theirs]),
            )
    ms = r["failover"]["ms"]
    direct = ms["direct"]
    cases = (
        ("refused", "the primary refuses the connection (clients' retries off)"),
        ("503", "the primary answers 503"),
        ("circuit open", "the primary's circuit is open (skipped)"),
        ("refused, default retries", "the primary refuses, default RetryPolicy (retried after a backoff first)"),
    )
    for key, label in cases:
        yield Row(
            "verifier",
            f"`start` failed over to Bandwidth: {label}",
            f"{ms[key]:.1f} ms (+{ms[key] - direct:.1f} ms)",
            f"direct start (Bandwidth alone) {direct:.1f} ms",
            _ratio(ms[key], direct),
        )


def _concurrency_rows(r: dict[str, Any]) -> Iterator[Row]:
    delay = r["delay_seconds"] * 1000
    for vendor, runs in r["vendors"].items():
        name = VENDOR_NAMES[vendor]
        sdk = runs["sdk@50 threads"]
        reference = f"official SDK, 50 threads: {sdk['calls_per_second']:.0f} calls/s, {sdk['client_cpu_us']:.0f} us"
        for key, label in (
            ("ours async@50", "ours async, 50 tasks"),
            ("ours sync@50 threads", "ours sync, 50 threads"),
        ):
            run = runs[key]
            yield Row(
                "concurrency",
                f"{name} verify, {delay:.0f} ms server delay: {label} (calls/s, client CPU per call)",
                f"{run['calls_per_second']:.0f} calls/s, {run['client_cpu_us']:.0f} us",
                reference,
                _ratio(run["calls_per_second"], sdk["calls_per_second"]),
            )
        ours = runs["ours async@50"]
        yield Row(
            "concurrency",
            f"{name} verify, {delay:.0f} ms server delay: client CPU per call, ours async against the SDK's threads",
            f"{ours['client_cpu_us']:.0f} us",
            f"official SDK, 50 threads {sdk['client_cpu_us']:.0f} us",
            _ratio(ours["client_cpu_us"], sdk["client_cpu_us"]),
        )
    flight = r.get("in_flight")
    if flight:
        clients = flight["clients"]
        sdk_kib = clients["sdk"]["per_call_kib"]
        held = f"{flight['calls']} verifies held {flight['delay_seconds'] * 1000:.0f} ms"
        for kind, label in (("ours-async", "ours async (tasks)"), ("ours-sync", "ours sync (threads)")):
            yield Row(
                "concurrency",
                f"memory per in-flight call, {held}: {label}",
                f"{clients[kind]['per_call_kib']:.0f} KiB",
                f"official SDK (threads) {sdk_kib:.0f} KiB",
                _ratio(clients[kind]["per_call_kib"], sdk_kib),
            )


def _prism_rows(r: dict[str, Any]) -> Iterator[Row]:
    if "skipped" in r:
        yield Row("prism", "the mock against Stoplight Prism", "not run", r["skipped"])
        return
    prism = f"Prism {r['prism_version']}"
    for vendor, figures in r["vendors"].items():
        name = VENDOR_NAMES[vendor]
        if "skipped" in figures:
            yield Row("prism", f"{name}: the mock against Stoplight Prism", "not run", figures["skipped"])
            continue
        for operation in ("send", "verify"):
            ours, theirs = figures[operation]["mock"], figures[operation]["prism"]
            yield Row(
                "prism",
                f"{name} {operation}, {r['concurrency']} connections: requests/s (p50 / p99), ours with state "
                "against Prism's stateless examples",
                f"{ours['requests_per_second']:.0f}/s ({ours['p50_ms']:.1f} / {ours['p99_ms']:.1f} ms)",
                f"{prism} {theirs['requests_per_second']:.0f}/s ({theirs['p50_ms']:.1f} / {theirs['p99_ms']:.1f} ms)",
                figures[operation]["requests_per_second_ratio"],
            )
            yield Row(
                "prism",
                f"{name} {operation}: server CPU per request (capacity ratio)",
                f"{ours['server_cpu_us_per_request']:.0f} us",
                f"{prism} {theirs['server_cpu_us_per_request']:.0f} us",
                _ratio(theirs["server_cpu_us_per_request"], ours["server_cpu_us_per_request"]),
            )
        memory = figures["memory"]
        yield Row(
            "prism",
            f"{name}: server RSS after the load (peak)",
            f"{memory['mock']['rss_mib']:.0f} MiB ({memory['mock']['peak_rss_mib']:.0f})",
            f"{prism} {memory['prism']['rss_mib']:.0f} MiB ({memory['prism']['peak_rss_mib']:.0f})",
            _ratio(memory["mock"]["rss_mib"], memory["prism"]["rss_mib"]),
        )
        start = figures["start_seconds"]
        yield Row(
            "prism",
            f"{name}: start, from spawning the process to its port accepting connections",
            f"{start['mock']:.2f} s",
            f"{prism} {start['prism']:.2f} s",
            _ratio(start["mock"], start["prism"]),
        )


BUILDERS = {
    "import": _import_rows,
    "percall": _percall_rows,
    "loopback": _loopback_rows,
    "mock": _mock_rows,
    "memory": _memory_rows,
    "suites": _suite_rows,
    "verifier": _verifier_rows,
    "concurrency": _concurrency_rows,
    "prism": _prism_rows,
}


def rows(results: dict[str, Any]) -> list[Row]:
    return [row for group, result in results.items() for row in BUILDERS[group](result)]


def markdown(table: list[Row]) -> str:
    lines = ["| group | measurement | ours | compared with | ratio | target | met |", "|---|---|---|---|---|---|---|"]
    for row in table:
        ratio = "" if row.ratio is None else f"{row.ratio:.2f}x"
        met = "" if row.met is None else ("yes" if row.met else "**no**")
        cells = [row.group, row.measurement, row.value, row.reference, ratio, row.target, met]
        lines.append("| " + " | ".join(cell.replace("|", "\\|") for cell in cells) + " |")
    return "\n".join(lines) + "\n"
