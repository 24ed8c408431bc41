"""Attacks on the mocks themselves: amplification, the control surface's origin, bad control values,
slow clients (issue 13). Each class runs a table of hostile requests, or hypothesis-drawn ones, and
counts what the mock refused, what it obeyed and what it kept.

- amplification: inputs that multiply (a placeholder named hundreds of times, long values, v1
  placeholders of one character, long names and limit strings, empty resends repeated) must be
  refused with the vendor's 400, store nothing, and leave the largest delivery and the traced memory
  of the whole attack small;
- control origin: every /_mock/ route from hostile Host names, with cross-site Content-Types, and
  with a missing or wrong token: refused, and nothing read or changed;
- bad control values: hypothesis draws JSON values for every clock, fault and config field; each is
  a 200 or a 400 (never a 5xx), and after any accepted one a reset brings back a mock where a PIN is
  sent and verified;
- slow clients: connections that send nothing, drip their headers, or stop mid-body, in bulk against
  the threaded server with short deadlines, past its connection cap: all cut off, and the server
  answers a normal request throughout.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import select
import socket
import time
import tracemalloc
from typing import Any

import httpx
from hypothesis import given
from hypothesis import strategies as st
from twofa_mocks import BandwidthMock, ControlAccess, Fault, InfobipMock, run_in_thread
from twofa_mocks import bandwidth as bandwidth_demo
from twofa_mocks import infobip as infobip_demo

from tests.reliability._report import COLLECTOR
from tests.reliability._settings import EXAMPLES, SOAK, fuzz_settings
from tests.reliability._shapes import error_problem

APP_KEY = {"Authorization": f"App {infobip_demo.DEMO_API_KEY}"}
LOOPBACK = "http://127.0.0.1:8081"
JSON = {"Content-Type": "application/json"}
BW_BASIC = httpx.BasicAuth(bandwidth_demo.DEMO_USER, bandwidth_demo.DEMO_PASSWORD)
BW_CODES = f"/api/v1/accounts/{bandwidth_demo.DEMO_ACCOUNT}/code"


def client(app: Any, base_url: str = LOOPBACK, **kwargs: Any) -> httpx.AsyncClient:
    return httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url=base_url, **kwargs)


# --- amplification --------------------------------------------------------------------------------

SECTION_AMP = "amplification"
LOOSE = {"sendPinPerApplicationLimit": "1000000/1d", "sendPinPerPhoneNumberLimit": "1000000/1d"}


async def infobip_amplification(mock: InfobipMock, counts: dict[str, int]) -> None:
    async with client(mock.app, headers=APP_KEY) as c:

        async def hostile(method: str, path: str, body: Any, version: int = 2) -> None:
            response = await c.request(method, f"/2fa/{version}{path}", json=body)
            counts["requests"] += 1
            if response.status_code >= 500:
                counts["server_errors"] += 1
            problem = error_problem("infobip", response.status_code, response.headers.get("content-type", ""),
                                    response.content, path)  # fmt: skip
            if response.status_code == 400 and problem is None:
                counts["refused_400"] += 1
            else:
                counts["not_refused"] += 1

        app_id = (await c.post("/2fa/2/applications", json={"name": "amp", "configuration": LOOSE})).json()[
            "applicationId"
        ]
        v1_app = (await c.post("/2fa/1/applications", json={"name": "amp1", "configuration": LOOSE})).json()[
            "applicationId"
        ]
        templates = f"/applications/{app_id}/messages"
        # Templates within every bound that render past 8,192 characters with valid placeholders.
        repeated = (await c.post(f"/2fa/2{templates}", json={"messageText": "{{pin}}" + "{{a}}" * 800,
                                                               "pinType": "NUMERIC"})).json()["messageId"]  # fmt: skip
        v1_repeated = (
            await c.post(
                f"/2fa/1/applications/{v1_app}/messages",
                json={"messageText": "#" * 4096, "pinPlaceholder": "#", "pinType": "NUMERIC", "pinLength": 32},
            )
        ).json()["messageId"]
        plain = (
            await c.post(f"/2fa/2{templates}", json={"messageText": "{{pin}} {{a}}", "pinType": "NUMERIC"})
        ).json()["messageId"]
        for size in (4097, 60_000):
            await hostile("POST", templates, {"messageText": "{{pin}}" + "{{a}}" * (size // 5), "pinType": "NUMERIC"})
        for field in ("senderId", "voiceName", "repeatDTMF"):
            await hostile("POST", templates, {"messageText": "{{pin}}", "pinType": "NUMERIC", field: "x" * 60_000})
        await hostile("POST", templates, {"messageText": "{{pin}}", "pinType": "NUMERIC", "pinLength": 10**6})
        await hostile("POST", "/applications", {"name": "n" * 60_000})
        for setting in ("verifyPinLimit", "sendPinPerApplicationLimit", "sendPinPerPhoneNumberLimit"):
            await hostile("POST", "/applications", {"name": "x", "configuration": {setting: "9" * 60_000 + "/1d"}})
        send = {"applicationId": app_id, "to": "41793026727"}
        for placeholders in (
            {"a": "x" * 4000},  # valid map, 800 uses: 3.2 million characters
            {"a": "x" * 60_000},
            {f"k{i}": "v" for i in range(10_000)},
            {"a": "x" * 4096},
        ):
            await hostile("POST", "/pin", {**send, "messageId": repeated, "placeholders": placeholders})
        await hostile("POST", "/pin", {"applicationId": v1_app, "messageId": v1_repeated, "to": "41793026727"}, 1)
        await hostile("POST", "/pin", {**send, "messageId": plain, "from": "f" * 60_000})
        # One valid send with the largest map, then resends: empty ones, and ones that blow up.
        sent = (await c.post("/2fa/2/pin", json={**send, "messageId": plain,
                                                  "placeholders": {"a": "y" * 4095}})).json()  # fmt: skip
        resends = 50 * (10 if SOAK else 1)
        for _ in range(resends):
            await c.post(f"/2fa/2/pin/{sent['pinId']}/resend")
        await hostile("POST", f"/pin/{sent['pinId']}/resend", {"placeholders": {f"k{i}": "v" for i in range(5000)}})
    counts["resends"] += resends
    counts["largest_delivery_characters"] = max(len(d.text) for d in mock.outbox.list())
    counts["outbox_characters"] = sum(d.characters for d in mock.outbox.list())


async def bandwidth_amplification(mock: BandwidthMock, counts: dict[str, int]) -> None:
    async with client(mock.app, auth=BW_BASIC) as c:
        body = {"to": "+19195551234", "from": "+19195554321", "applicationId": "a", "digits": 8}
        # Each at most 2,048 characters (the documented limit) but over 4,096 rendered; and one far over.
        for message in ("{NAME}" * 341, "{SCOPE}" * 292, "{NAME}{SCOPE}" * 157, "m" * 60_000):
            response = await c.post(f"{BW_CODES}/messaging", json={**body, "message": message, "scope": "s" * 25})
            counts["requests"] += 1
            ok = response.status_code == 400 and set(response.json()) == {"error", "requestId"}
            counts["refused_400" if ok else "not_refused"] += 1
        try:
            mock.configure({"applicationName": "n" * 100_000})
            counts["not_refused"] += 1
        except ValueError:
            counts["refused_400"] += 1
        counts["requests"] += 1


def test_amplification_is_refused_and_nothing_multiplies() -> None:
    counts = dict.fromkeys(("requests", "refused_400", "not_refused", "server_errors", "resends"), 0)
    infobip, bandwidth = InfobipMock(), BandwidthMock()
    tracemalloc.start()
    try:
        asyncio.run(infobip_amplification(infobip, counts))
        asyncio.run(bandwidth_amplification(bandwidth, counts))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    for key in ("requests", "refused_400", "not_refused", "server_errors", "resends"):
        COLLECTOR.add(SECTION_AMP, key, counts[key])
    COLLECTOR.note(SECTION_AMP, "largest_delivery_characters", counts["largest_delivery_characters"])
    COLLECTOR.note(SECTION_AMP, "outbox_characters_after_resends", counts["outbox_characters"])
    COLLECTOR.note(SECTION_AMP, "peak_traced_mib", round(peak / 2**20, 1))
    assert counts["not_refused"] == 0
    assert counts["server_errors"] == 0
    assert counts["largest_delivery_characters"] <= 8192
    # Every empty resend adds one delivery of the same bounded size (it was 744 MB each): the outbox
    # holds them all, and the whole attack stayed under a few MB of traced memory.
    assert counts["outbox_characters"] <= infobip.config.max_delivery_characters
    assert peak < 64 * 2**20, f"the attack peaked at {peak / 2**20:.1f} MiB"


# --- control origin -------------------------------------------------------------------------------

SECTION_ORIGIN = "control_origin"
HOSTILE_HOSTS = ["evil.example", "evil.example:8081", "127.0.0.1.nip.io", "localhost.evil.example", "10.0.0.7",
                 "[::ffff:127.0.0.1]", "0.0.0.0", "127.1", "localhost.", "", "mock.internal"]  # noqa: S104  # fmt: skip
CROSS_SITE_TYPES = [None, "text/plain", "text/plain;charset=UTF-8", "application/x-www-form-urlencoded",
                    "multipart/form-data; boundary=x", "application/json-seq", "text/json"]  # fmt: skip
READS = ["/_mock/config", "/_mock/outbox", "/_mock/clock", "/_mock/faults", "/_mock/health", "/_mock/openapi.yaml"]
WRITES = [("POST", "/_mock/reset", {}), ("POST", "/_mock/clock", {"advance": 3600}),
          ("POST", "/_mock/faults", {"status": 503, "count": 10}), ("DELETE", "/_mock/faults", {}),
          ("PATCH", "/_mock/config", {"apiKeys": {"attacker": ["2fa:manage"]}})]  # fmt: skip


def state_of(mock: InfobipMock) -> tuple[Any, ...]:
    return mock.config, round(mock.clock.now(), 3), len(mock.faults.pending()), mock.outbox.total


async def origin_attack(mock: InfobipMock, counts: dict[str, int], token: str | None) -> None:
    async with client(mock.app, headers=APP_KEY) as c:
        app_id = (await c.post("/2fa/2/applications", json={"name": "x"})).json()["applicationId"]
        template = (await c.post(f"/2fa/2/applications/{app_id}/messages",
                                 json={"messageText": "{{pin}}", "pinType": "NUMERIC"})).json()  # fmt: skip
        await c.post("/2fa/2/pin", json={"applicationId": app_id, "messageId": template["messageId"],
                                          "to": "41793026727"})  # fmt: skip
        mock.faults.add(Fault(operation="verify-2fa-phone-number", status=503))
    secrets = [infobip_demo.DEMO_API_KEY, infobip_demo.DEMO_PASSWORD, mock.outbox.list()[0].code]

    async def attempt(method: str, path: str, host: str, headers: dict[str, str], body: bytes | None) -> None:
        before = state_of(mock)
        async with client(mock.app, base_url="http://placeholder") as c:
            request = c.build_request(method, path, content=body, headers=headers)
            request.headers["host"] = host
            response = await c.send(request)
        counts["requests"] += 1
        leaked = any(secret in response.text for secret in secrets)
        changed = state_of(mock) != before
        if response.status_code in (401, 403, 415) and not leaked and not changed:
            counts["refused"] += 1
        else:
            counts["obeyed"] += 1
        counts["leaked"] += leaked

    token_headers = [{}, {"X-Mock-Control-Token": "wrong"}] if token else [{}]
    for extra in token_headers:
        for host in HOSTILE_HOSTS:  # a DNS-rebinding page: its own name, every route, even JSON writes
            for path in READS:
                await attempt("GET", path, host, extra, None)
            for method, path, body in WRITES:
                await attempt(method, path, host, {**JSON, **extra}, json.dumps(body).encode())
        for content_type in CROSS_SITE_TYPES:  # the right Host, but what a cross-site form or fetch sends
            for method, path, body in WRITES:
                headers = {**extra} if content_type is None else {"Content-Type": content_type, **extra}
                await attempt(method, path, "127.0.0.1:8081", headers, json.dumps(body).encode())
        if token:  # the right Host and Content-Type, a missing or wrong token
            for path in READS:
                await attempt("GET", path, "localhost", extra, None)
            for method, path, body in WRITES:
                await attempt(method, path, "localhost", {**JSON, **extra}, json.dumps(body).encode())


def test_the_control_surface_obeys_no_other_origin() -> None:
    counts = dict.fromkeys(("requests", "refused", "obeyed", "leaked"), 0)
    asyncio.run(origin_attack(InfobipMock(control=ControlAccess()), counts, None))
    token = "a-control-token"
    asyncio.run(origin_attack(InfobipMock(control=ControlAccess(token=token)), counts, token))
    for key, value in counts.items():
        COLLECTOR.add(SECTION_ORIGIN, key, value)
    per_origin = len(HOSTILE_HOSTS) * (len(READS) + len(WRITES)) + len(CROSS_SITE_TYPES) * len(WRITES)
    assert counts["requests"] == per_origin + 2 * (per_origin + len(READS) + len(WRITES))  # no token; two wrong
    assert (counts["obeyed"], counts["leaked"]) == (0, 0)


# --- bad control values ---------------------------------------------------------------------------

SECTION_VALUES = "control_values"
JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=40)
    | st.sampled_from(["nan", "inf", "-inf", "1e308", "false", "true", "60", "", "0"])
    | st.sampled_from([1e308, -1e308, 2**64, -(2**63), 0.5, -0.0, 10**400]),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
    max_leaves=6,
)  # fmt: skip
INFOBIP_CONFIG = InfobipMock().config_json()
BANDWIDTH_CONFIG = BandwidthMock().config_json()
FAULT_FIELDS = ["operation", "status", "retryAfter", "latency", "drop", "count"]
# Valid values too, so that accepted changes are exercised as well as refused ones.
GOOD_VALUES: dict[str, st.SearchStrategy[Any]] = {
    "advance": st.floats(0, 10 * 365 * 86400) | st.integers(0, 10**6),
    "frozen": st.booleans(),
    "operation": st.sampled_from(sorted(InfobipMock.fault_operations | BandwidthMock.fault_operations | {"*"})),
    "status": st.sampled_from([429, 500, 502, 503, 504]),
    "retryAfter": st.floats(0, 86400),
    "latency": st.just(0) | st.floats(0, 0.01),
    "drop": st.booleans(),
    "count": st.integers(1, 10_000),
} | {name: st.just(value) for name, value in (INFOBIP_CONFIG | BANDWIDTH_CONFIG).items()}


def values_counts() -> dict[str, int]:
    return dict.fromkeys(("values", "refused_400", "accepted", "server_errors", "broken_after_reset"), 0)


async def probe(mock: InfobipMock | BandwidthMock) -> bool:
    """After a reset: a PIN (or code) is sent and verified as usual."""
    if isinstance(mock, InfobipMock):
        async with client(mock.app, headers=APP_KEY) as c:
            app_id = (await c.post("/2fa/2/applications", json={"name": "probe"})).json()["applicationId"]
            template = await c.post(f"/2fa/2/applications/{app_id}/messages",
                                    json={"messageText": "{{pin}}", "pinType": "NUMERIC"})  # fmt: skip
            sent = await c.post("/2fa/2/pin", json={"applicationId": app_id, "to": "41793026727",
                                                     "messageId": template.json()["messageId"]})  # fmt: skip
            delivery = mock.outbox.last("41793026727")
            if sent.status_code != 200 or delivery is None:
                return False
            verified = await c.post(f"/2fa/2/pin/{delivery.reference}/verify", json={"pin": delivery.code})
            return verified.status_code == 200 and verified.json()["verified"] is True
    async with client(mock.app, auth=BW_BASIC) as c:
        body = {"to": "+19195551234", "from": "+19195554321", "applicationId": "a", "message": "{CODE}", "digits": 6}
        if (await c.post(f"{BW_CODES}/messaging", json=body)).status_code != 200:
            return False
        code = mock.outbox.list()[-1].code
        verified = await c.post(f"{BW_CODES}/verify", json={"to": "+19195551234", "code": code,
                                                             "expirationTimeInMinutes": 3})  # fmt: skip
        return bool(verified.json() == {"valid": True})


async def try_value(
    mock: InfobipMock | BandwidthMock, method: str, path: str, body: Any, counts: dict[str, int]
) -> None:
    async with client(mock.app) as c:
        response = await c.request(method, path, content=json.dumps(body).encode(), headers=JSON)
        counts["values"] += 1
        if response.status_code >= 500:
            counts["server_errors"] += 1
        elif response.status_code == 400:
            counts["refused_400"] += 1
            assert response.json()["error"], body
        else:
            assert response.status_code == 200, (body, response.status_code)
            counts["accepted"] += 1
        assert (await c.post("/_mock/reset", headers=JSON)).status_code == 200
    if not await probe(mock):
        counts["broken_after_reset"] += 1


def run_value_fuzz(counts: dict[str, int]) -> None:
    infobip, bandwidth = InfobipMock(control=ControlAccess()), BandwidthMock(control=ControlAccess())
    targets: list[tuple[InfobipMock | BandwidthMock, list[str]]] = [
        (infobip, sorted(INFOBIP_CONFIG)),
        (bandwidth, sorted(BANDWIDTH_CONFIG)),
    ]

    @fuzz_settings(max_examples=max(25, EXAMPLES * 4))
    @given(
        which=st.integers(0, 1),
        route=st.sampled_from(["clock", "faults", "config"]),
        fields=st.data(),
    )
    def one(which: int, route: str, fields: st.DataObject) -> None:
        mock, config_fields = targets[which]
        names = {"clock": ["advance", "frozen"], "faults": FAULT_FIELDS, "config": config_fields}[route]
        chosen = fields.draw(st.lists(st.sampled_from(names), min_size=1, max_size=3, unique=True))
        body = {name: fields.draw(GOOD_VALUES[name] | JSON_VALUES) for name in chosen}
        method = "PATCH" if route == "config" else "POST"
        asyncio.run(try_value(mock, method, f"/_mock/{route}", body, counts))

    one()


BAD_VALUES = [("POST", "/_mock/clock", {"advance": v}) for v in ("nan", "inf", 1e308, -1, "60", True, None)] + [
    ("POST", "/_mock/clock", {"frozen": v}) for v in ("false", 0, None, "true")
] + [("POST", "/_mock/faults", {"status": 503, **v}) for v in ({"latency": 1e308}, {"latency": "inf"},
     {"retryAfter": -1}, {"count": 0}, {"count": 1.5}, {"operation": "nope"}, {"drop": "false"})] + [
    ("PATCH", "/_mock/config", {k: v}) for k, v in (("tokenTtlSeconds", 1e308), ("maxPins", 0), ("maxPinLength", 10**6),
     ("recordRetentionSeconds", -1), ("requirePinPlaceholder", "false"), ("unauthorizedText", "x" * 5000))
]  # fmt: skip


def test_no_control_value_breaks_the_mock_for_good() -> None:
    counts = values_counts()
    mock = InfobipMock(control=ControlAccess())
    for method, path, body in BAD_VALUES:
        asyncio.run(try_value(mock, method, path, body, counts))
    assert counts["refused_400"] == len(BAD_VALUES), counts  # each of the examples: a 400
    run_value_fuzz(counts)
    for key, value in counts.items():
        COLLECTOR.add(SECTION_VALUES, key, value)
    assert (counts["server_errors"], counts["broken_after_reset"]) == (0, 0)
    assert counts["accepted"] > 0  # the draws reach valid changes too


# --- slow clients ---------------------------------------------------------------------------------

SECTION_SLOW = "slow_clients"
SLOW_DEADLINE = 0.3
HEAD = b"POST /2fa/2/pin HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"


def health_ok(host: str, port: int) -> bool:
    with socket.create_connection((host, port), timeout=10) as sock:
        sock.sendall(b"GET /_mock/health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
        data = b""
        try:
            while chunk := sock.recv(4096):
                data += chunk
        except (TimeoutError, ConnectionResetError):
            pass
    return data.endswith(b'{"status":"ok"}')


def open_slow(host: str, port: int, kind: str) -> socket.socket:
    sock = socket.create_connection((host, port), timeout=10)
    try:
        if kind == "drip":
            sock.sendall(HEAD[:10])
        elif kind == "half body":
            sock.sendall(HEAD + f"Authorization: App {infobip_demo.DEMO_API_KEY}\r\n".encode()
                         + b'Content-Length: 1000\r\n\r\n{"to"')  # fmt: skip
    except OSError:
        pass  # closed at once: past the connection cap
    sock.setblocking(False)
    return sock


def closed(sock: socket.socket, received: dict[socket.socket, bytes]) -> bool:
    """Read what is there; True once the server has closed the connection."""
    try:
        while chunk := sock.recv(65_536):
            received[sock] = received.get(sock, b"") + chunk
    except BlockingIOError:
        return False
    except ConnectionResetError:
        pass
    return True


def wait_out(slow: list[socket.socket], drippers: set[socket.socket], probe: Any) -> dict[socket.socket, bytes]:
    """Until every slow connection is closed (at most 20 deadlines): drip, and run ``probe`` each turn."""
    received: dict[socket.socket, bytes] = {}
    open_ones, step = set(slow), 10
    give_up = time.monotonic() + 20 * SLOW_DEADLINE + 10
    while open_ones and time.monotonic() < give_up:
        readable, _, _ = select.select(list(open_ones), [], [], SLOW_DEADLINE / 5)
        for sock in readable:
            if closed(sock, received):
                received.setdefault(sock, b"")
                open_ones.discard(sock)
        for sock in open_ones & drippers:  # a byte a turn: well within the deadline each time
            with contextlib.suppress(OSError):
                sock.sendall(HEAD[step % len(HEAD) : step % len(HEAD) + 1])
        step += 1
        probe()
    for sock in open_ones:
        received[sock] = b"STILL OPEN"
    return received


def test_slow_clients_are_cut_off_and_never_starve_the_server() -> None:
    per_kind = 100 if SOAK else 25
    counts = dict.fromkeys(("slow_connections", "cut_off_by_deadline", "closed_at_cap", "still_open",
                            "normal_requests", "normal_answered"), 0)  # fmt: skip
    mock = InfobipMock()
    started = time.monotonic()

    # Room for every slow client: they hold connections, and normal requests are answered meanwhile.
    with run_in_thread(mock.app, header_timeout=SLOW_DEADLINE, body_timeout=SLOW_DEADLINE,
                       max_connections=4 * per_kind) as server:  # fmt: skip
        kinds = {kind: [open_slow(server.host, server.port, kind) for _ in range(per_kind)]
                 for kind in ("silent", "drip", "half body")}  # fmt: skip
        slow = [sock for socks in kinds.values() for sock in socks]

        def probe() -> None:
            counts["normal_requests"] += 1
            counts["normal_answered"] += health_ok(server.host, server.port)

        received = wait_out(slow, set(kinds["drip"]), probe)
        for sock in slow:
            sock.close()
    # Fewer places than slow clients: the ones past the cap are closed as they arrive, the rest by the
    # deadline, and then the server answers again.
    with run_in_thread(mock.app, header_timeout=SLOW_DEADLINE, body_timeout=SLOW_DEADLINE,
                       max_connections=per_kind) as server:  # fmt: skip
        crowd = [open_slow(server.host, server.port, "silent") for _ in range(2 * per_kind)]
        received |= wait_out(crowd, set(), lambda: None)
        for sock in crowd:
            sock.close()
        counts["normal_requests"] += 1
        counts["normal_answered"] += health_ok(server.host, server.port)
    outcomes = list(received.values())
    counts["slow_connections"] = len(slow) + len(crowd)
    counts["still_open"] = outcomes.count(b"STILL OPEN")
    counts["closed_at_cap"] = outcomes.count(b"")
    counts["cut_off_by_deadline"] = len(outcomes) - counts["still_open"] - counts["closed_at_cap"]
    for key, value in counts.items():
        COLLECTOR.add(SECTION_SLOW, key, value)
    COLLECTOR.note(SECTION_SLOW, "deadline_seconds", SLOW_DEADLINE)
    COLLECTOR.note(SECTION_SLOW, "seconds_for_both_runs", round(time.monotonic() - started, 2))
    assert counts["still_open"] == 0
    assert counts["closed_at_cap"] >= per_kind  # the crowd's second half, at least
    assert counts["normal_answered"] == counts["normal_requests"] > 1
    assert mock.outbox.total == 0
