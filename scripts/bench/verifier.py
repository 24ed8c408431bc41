"""The Verifier's cost: a failed-over start against a direct one, and its overhead per call.

Failover (wall time per ``Verifier.start``, sequential, median): both mocks in their own uvicorn
processes on loopback, Bandwidth as the vendor that sends. Direct: a Verifier with Bandwidth only.
Failed over: Infobip first, and it certainly does not send: its port refuses the connection (with
the clients' retries off, and with the default ``RetryPolicy``, which retries a refused connection
after a backoff first), or it answers 503 (the mock's fault), or its circuit is open (skipped
without a request). The extra latency is the failover's median minus the direct one's.

Overhead (CPU of this thread per call, no network): ``Verifier.check``/``start`` against the vendor
client's own verify/send on the same canned transport, rounds interleaved, median of rounds. The
Verifier signs and checks challenges (a secret is set), builds the vendor's request, maps the answer
and emits an event (logging at its default level: the line is not formatted).
"""

from __future__ import annotations

import gc
import json
import logging
import socket
import statistics
import time
import urllib.request
from collections.abc import Callable
from typing import Any

from ._clients import demo_params
from ._serve import Server
from ._util import Settings, median

SECRET = "bench-challenge-secret-0123456789"  # noqa: S105 - signs benchmark challenges only
TO_INFOBIP = "+41793026727"
TO_BANDWIDTH = "+19195551234"
APPLICATION = {"applicationId": "A", "name": "bench", "enabled": True, "configuration": {"pinTimeToLive": "15m"}}
SENT = {
    "infobip": b'{"pinId":"9C817C6F8AF3D48F9FE553282AFA2B67","to":"41793026727","smsStatus":"MESSAGE_SENT"}',
    "bandwidth": b'{"messageId":"1796057584734hdql7khftl7epqff"}',
}
VERIFIED = {
    "infobip": b'{"pinId":"9C817C6F8AF3D48F9FE553282AFA2B67","msisdn":"41793026727","verified":true,'
    b'"attemptsRemaining":9}',
    "bandwidth": b'{"valid":true}',
}
JSON_HEADERS = {"Content-Type": "application/json;charset=utf-8"}


# --- overhead per call, canned ---------------------------------------------------------------------


def _canned(vendor: str) -> Any:
    """A transport answering as the vendor would: the application (Infobip setup), a send, a verify."""
    import httpx

    app = json.dumps(APPLICATION).encode()

    def answer(request: httpx.Request) -> httpx.Response:
        request.read()
        path = request.url.path
        body = VERIFIED[vendor] if path.endswith("/verify") else app if request.method == "GET" else SENT[vendor]
        return httpx.Response(200, headers=JSON_HEADERS, content=body)

    return httpx.MockTransport(answer)


def _pairs(vendor: str, p: dict[str, str]) -> tuple[dict[str, Callable[[], Any]], Callable[[], None]]:
    """The four calls compared: the client's send and verify, and the Verifier's start and check."""
    from twofa_clients import NO_RETRIES, BandwidthClient, InfobipClient, Verifier
    from twofa_clients.verify import BandwidthProvider, InfobipProvider

    if vendor == "infobip":
        from infobip_2fa_client.models import TfaStartAuthenticationRequest

        infobip = InfobipClient("https://ib.example", api_key=p["infobip_api_key"], transport=_canned(vendor))
        verifier = Verifier(InfobipProvider(infobip, application_id="A", sms_template_id="T"), secret=SECRET)
        challenge = str(verifier.start(TO_INFOBIP))

        def send() -> Any:
            request = TfaStartAuthenticationRequest(application_id="A", message_id="T", to=TO_INFOBIP[1:])
            return infobip.send_2fa_pin_code_over_sms(request)

        calls = {
            "client send": send,
            "client verify": lambda: infobip.verify_2fa_phone_number("9C817C6F8AF3D48F9FE553282AFA2B67", "123456"),
            "Verifier.start": lambda: verifier.start(TO_INFOBIP),
            "Verifier.check": lambda: verifier.check(challenge, "123456"),
        }
        return calls, infobip.close
    from bandwidth_mfa_client.models import CodeRequest

    bandwidth = BandwidthClient(
        p["bandwidth_account"],
        username=p["bandwidth_user"],
        password=p["bandwidth_password"],
        transport=_canned(vendor),
        retry=NO_RETRIES,
    )
    provider = BandwidthProvider(bandwidth, application_id="app", from_number="+19195554321")
    verifier = Verifier(provider, secret=SECRET)
    sent = verifier.start(TO_BANDWIDTH)
    text = str(sent)

    def generate() -> Any:
        request = CodeRequest(
            to=TO_BANDWIDTH, from_="+19195554321", application_id="app", message="Your code is {CODE}", digits=6
        )
        return bandwidth.generate_messaging_code(request)

    calls = {
        "client send": generate,
        "client verify": lambda: bandwidth.verify_code(TO_BANDWIDTH, "123456", 5, scope=sent.scope),
        "Verifier.start": lambda: verifier.start(TO_BANDWIDTH),
        "Verifier.check": lambda: verifier.check(text, "123456"),
    }
    return calls, bandwidth.close


def _cpu_per_call(call: Callable[[], Any], n: int) -> float:
    start = time.thread_time()
    for _ in range(n):
        call()
    return (time.thread_time() - start) / n


def overhead(settings: Settings) -> dict[str, Any]:
    iterations, rounds = settings.pick(1000, 30), settings.pick(9, 2)
    params = demo_params()
    result: dict[str, Any] = {}
    for vendor in ("infobip", "bandwidth"):
        calls, close = _pairs(vendor, params)
        for call in calls.values():
            _cpu_per_call(call, max(10, iterations // 10))  # warm-up
        samples: dict[str, list[float]] = {name: [] for name in calls}
        for r in range(rounds):
            for name in calls if r % 2 == 0 else reversed(list(calls)):
                gc.collect()
                samples[name].append(_cpu_per_call(calls[name], iterations) * 1e6)
        close()
        result[vendor] = {name: round(median(values), 1) for name, values in samples.items()}
    return {"iterations": iterations, "rounds": rounds, "unit": "us CPU per call", "vendors": result}


# --- failover latency over loopback ----------------------------------------------------------------


def _closed_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _fault(url: str, fault: dict[str, Any]) -> None:
    request = urllib.request.Request(  # noqa: S310 - the loopback mock's control surface
        f"{url}/_mock/faults", data=json.dumps(fault).encode(), headers={"Content-Type": "application/json"}
    )
    with urllib.request.urlopen(request, timeout=10) as answer:  # noqa: S310
        answer.read()


def _starts(verifier: Any, n: int, expect: str) -> list[float]:
    """Wall seconds of ``n`` sequential starts, each checked to have been sent by ``expect``."""
    times = []
    for _ in range(n):
        started = time.perf_counter()
        challenge = verifier.start(TO_BANDWIDTH)
        times.append(time.perf_counter() - started)
        if challenge.vendor != expect:
            raise RuntimeError(f"expected {expect} to send, got {challenge.vendor}")
    return times


def failover(settings: Settings) -> dict[str, Any]:
    # Every failover logs a WARNING: made (its cost is part of a failover), not printed to the
    # bench's stderr (Python prints warnings of a logger without handlers).
    quiet = logging.NullHandler()
    logging.getLogger("twofa_clients").addHandler(quiet)
    try:
        return _failover(settings)
    finally:
        logging.getLogger("twofa_clients").removeHandler(quiet)


def _failover(settings: Settings) -> dict[str, Any]:
    from twofa_clients import NO_RETRIES, BandwidthClient, InfobipClient, RetryPolicy, Verifier
    from twofa_clients.verify import BandwidthProvider, BreakerPolicy, InfobipProvider

    n, n_backoff = settings.pick(300, 20), settings.pick(5, 2)
    p = demo_params()
    relaxed: dict[str, Any] = {
        "send_pin_per_phone_number_limit": "1000000/1s",
        "send_pin_per_application_limit": "1000000000/1s",
    }
    with Server("infobip") as ib_server, Server("bandwidth") as bw_server:
        bandwidth = BandwidthClient(
            p["bandwidth_account"],
            username=p["bandwidth_user"],
            password=p["bandwidth_password"],
            base_url=f"{bw_server.url}/api/v1",
            retry=NO_RETRIES,
        )
        secondary = BandwidthProvider(bandwidth, application_id="app", from_number="+19195554321")
        refused_url = f"http://127.0.0.1:{_closed_port()}"
        clients = {
            "up": InfobipClient(ib_server.url, api_key=p["infobip_api_key"], retry=NO_RETRIES),
            "refused": InfobipClient(refused_url, api_key=p["infobip_api_key"], retry=NO_RETRIES),
            "refused, default retries": InfobipClient(refused_url, api_key=p["infobip_api_key"], retry=RetryPolicy()),
        }
        never_open = BreakerPolicy(failures=1000)  # every start meets the failure, not an open circuit
        direct = Verifier(secondary, secret=SECRET)
        up = InfobipProvider(clients["up"], **relaxed)
        answering = Verifier([up, secondary], secret=SECRET, breaker=never_open)
        answering.start(TO_INFOBIP)  # the application and template, created once
        circuit = Verifier(
            [InfobipProvider(clients["up"], **relaxed), secondary],
            secret=SECRET,
            breaker=BreakerPolicy(failures=1, window=60, cooldown=3600),
        )
        refused = Verifier([InfobipProvider(clients["refused"]), secondary], secret=SECRET, breaker=never_open)
        backoff_provider = InfobipProvider(clients["refused, default retries"])
        backoff = Verifier([backoff_provider, secondary], secret=SECRET, breaker=never_open)
        _starts(direct, 20, "bandwidth")  # connections open, codes warm
        _fault(ib_server.url, {"operation": "send-2fa-pin-code-over-sms", "status": 503, "count": 1})
        _starts(circuit, 1, "bandwidth")  # its one failure opens the circuit (for an hour)
        runs: dict[str, list[float]] = {"direct": [], "503": [], "refused": [], "circuit open": []}
        for r in range(3):  # rounds interleave the variants
            for name in runs if r % 2 == 0 else reversed(list(runs)):
                if name == "503":
                    _fault(ib_server.url, {"operation": "send-2fa-pin-code-over-sms", "status": 503, "count": n // 3})
                verifier = {"direct": direct, "503": answering, "refused": refused, "circuit open": circuit}[name]
                runs[name] += _starts(verifier, n // 3, "bandwidth")
        with_backoff = _starts(backoff, n_backoff, "bandwidth")
        for client in clients.values():
            client.close()
        bandwidth.close()
    ms = {name: round(statistics.median(values) * 1000, 3) for name, values in runs.items()}
    ms["refused, default retries"] = round(statistics.median(with_backoff) * 1000, 1)
    return {"starts": n, "starts_with_backoff": n_backoff, "unit": "ms per start (median)", "ms": ms}


def run(settings: Settings) -> dict[str, Any]:
    return {"overhead": overhead(settings), "failover": failover(settings)}
