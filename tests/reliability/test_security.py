"""Security: credentials never leak; PINs come from ``secrets``, Infobip compares them in constant time
and Bandwidth looks them up without comparing; the mock binds loopback; live contract runs redact
Authorization.

The credential scan runs real traffic (both vendors, every credential kind, successes, 401s, 5xx
faults, dropped connections, OAuth2 token refreshes) with every logger at DEBUG (httpx, httpcore,
uvicorn and the layer included) and the server's stdout/stderr captured, then looks for every secret,
raw and base64-encoded, in: every log record, captured output, the repr of every client, auth and
generated-client object reachable from a client, and the str, repr, attributes and full traceback
of every exception raised. A small contract run in a subprocess is scanned the same way: its
stdout/stderr, its JUnit XML (with captured logs at DEBUG) and its coverage reports.
"""

from __future__ import annotations

import asyncio
import base64
import hmac
import inspect
import logging
import os
import secrets
import socket
import subprocess
import sys
import traceback
from collections.abc import Callable, Iterator
from functools import partial
from pathlib import Path
from typing import Any

import httpx
import pytest
from bandwidth_mfa_client.models import CodeRequest
from infobip_2fa_client.models import (
    TfaApplicationConfiguration,
    TfaApplicationRequest,
    TfaCreateMessageRequest,
    TfaPinType,
    TfaStartAuthenticationRequest,
)
from twofa_clients import (
    NO_RETRIES,
    AsyncBandwidthClient,
    AsyncInfobipClient,
    BandwidthClient,
    InfobipClient,
    TwoFactorError,
)
from twofa_mocks import BandwidthMock, Fault, InfobipMock, run_in_thread
from twofa_mocks import bandwidth as bandwidth_demo
from twofa_mocks import infobip as infobip_demo
from twofa_mocks._codes import random_code
from twofa_mocks._server import LOOPBACK, RunningServer
from twofa_mocks.bandwidth import _store as bandwidth_store
from twofa_mocks.infobip import _store as infobip_store

from tests.clients import fakes
from tests.reliability._report import COLLECTOR, ROOT
from tests.reliability._shapes import last_code

SECTION = "security"
WRONG_KEY = "wrong-but-secret-api-key-7a1e"  # a credential the mock refuses: it must not leak either


def b64(user: str, password: str) -> str:
    return base64.b64encode(f"{user}:{password}".encode()).decode()


DEMO_SECRETS = [
    infobip_demo.DEMO_API_KEY,
    infobip_demo.DEMO_PIN_ONLY_API_KEY,
    infobip_demo.DEMO_PASSWORD,
    infobip_demo.DEMO_IBSSO_TOKEN,
    infobip_demo.DEMO_BEARER_TOKEN,
    infobip_demo.DEMO_CLIENT_SECRET,
    bandwidth_demo.DEMO_PASSWORD,
    bandwidth_demo.DEMO_CLIENT_SECRET,
    b64(infobip_demo.DEMO_USER, infobip_demo.DEMO_PASSWORD),
    b64(infobip_demo.DEMO_CLIENT_ID, infobip_demo.DEMO_CLIENT_SECRET),
    b64(bandwidth_demo.DEMO_USER, bandwidth_demo.DEMO_PASSWORD),
    b64(bandwidth_demo.DEMO_CLIENT_ID, bandwidth_demo.DEMO_CLIENT_SECRET),
]
LAYER_SECRETS = [*fakes.ALL_SECRETS, b64(fakes.USERNAME, fakes.PASSWORD), WRONG_KEY]


class Leaks:
    """Every text scanned, and every secret found in one."""

    def __init__(self, secrets_: list[str]) -> None:
        self.secrets = list(secrets_)
        self.found: list[str] = []
        self.texts = 0
        self.bytes = 0

    def scan(self, where: str, text: str) -> None:
        self.texts += 1
        self.bytes += len(text)
        for secret in self.secrets:
            if secret in text:
                at = text.index(secret)
                self.found.append(f"{where}: ...{text[max(0, at - 60) : at + len(secret) + 20]!r}...")

    def report(self, kind: str) -> None:
        COLLECTOR.add(SECTION, f"{kind}_texts_scanned", self.texts)
        COLLECTOR.add(SECTION, f"{kind}_bytes_scanned", self.bytes)
        COLLECTOR.add(SECTION, "credentials_leaked", len(self.found))
        COLLECTOR.note(SECTION, f"{kind}_secrets_looked_for", len(self.secrets))
        assert not self.found, "\n".join(self.found[:20])


class Everything(logging.Handler):
    """Captures every record of every logger, the non-propagating uvicorn ones included."""

    LOGGERS = ("", "uvicorn", "uvicorn.error", "uvicorn.access", "httpx", "httpcore", "twofa_clients", "twofa_mocks")

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.lines: list[str] = []
        self.setFormatter(logging.Formatter("%(name)s %(levelname)s %(message)s"))
        self._levels: dict[str, int] = {}

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(self.format(record))  # formatting includes args and any traceback

    def __enter__(self) -> Everything:
        for name in self.LOGGERS:
            logger = logging.getLogger(name)
            self._levels[name] = logger.level
            logger.setLevel(logging.DEBUG)
            logger.addHandler(self)
        return self

    def __exit__(self, *exc: object) -> None:
        for name in self.LOGGERS:
            logger = logging.getLogger(name)
            logger.removeHandler(self)
            logger.setLevel(self._levels[name])


def reprs(obj: Any, depth: int = 3, seen: set[int] | None = None) -> Iterator[str]:
    """repr of ``obj`` and of everything reachable through its ``__dict__``, a few levels deep."""
    seen = set() if seen is None else seen
    if id(obj) in seen:
        return
    seen.add(id(obj))
    yield repr(obj)
    yield str(obj)
    if depth and hasattr(obj, "__dict__"):
        for value in vars(obj).values():
            yield from reprs(value, depth - 1, seen)


def exception_texts(err: BaseException) -> Iterator[str]:
    yield str(err)
    yield repr(err)
    yield repr(vars(err))
    yield "".join(traceback.format_exception(err))


# --- the traffic ---------------------------------------------------------------------------------


def infobip_traffic(url: str, mock: InfobipMock, texts: list[str]) -> None:
    with InfobipClient(url, api_key=infobip_demo.DEMO_API_KEY, retry=NO_RETRIES) as admin:
        config = TfaApplicationConfiguration(send_pin_per_phone_number_limit="1000/1d")
        app = admin.create_2fa_application(TfaApplicationRequest(name="security", configuration=config))
        template = admin.create_2fa_message_template(
            app.application_id, TfaCreateMessageRequest(message_text="{{pin}}", pin_type=TfaPinType.NUMERIC)
        )
    send = TfaStartAuthenticationRequest(application_id=app.application_id, message_id=template.message_id, to="4179")
    credentials: list[dict[str, Any]] = [
        {"api_key": infobip_demo.DEMO_API_KEY},
        {"username": infobip_demo.DEMO_USER, "password": infobip_demo.DEMO_PASSWORD},
        {"ibsso_token": infobip_demo.DEMO_IBSSO_TOKEN},
        {"bearer_token": infobip_demo.DEMO_BEARER_TOKEN},
        {"api_key": WRONG_KEY},
        {"api_key": fakes.API_KEY},
        {"username": fakes.USERNAME, "password": fakes.PASSWORD},
    ]
    for creds in credentials:
        with InfobipClient(url, retry=NO_RETRIES, **creds) as client:
            texts.extend(reprs(client))
            calls: list[Callable[[], Any]] = [
                partial(client.send_2fa_pin_code_over_sms, send),
                client.get_2fa_applications,
                partial(client.verify_2fa_phone_number, "no-such-pin", "1234"),
            ]
            if "username" in creds:  # API keys are made with Basic credentials only
                calls.append(client.v1_create_api_key)
            mock.faults.add(Fault(operation="get-2fa-applications", status=503, retry_after=1))
            for call in calls:
                try:
                    result = call()
                    if not isinstance(result, str):  # a new API key is the one secret the caller asked for
                        texts.append(repr(result))
                except TwoFactorError as err:
                    texts.extend(exception_texts(err))
            mock.faults.add(Fault(operation="send-2fa-pin-code-over-sms", drop=True))
            try:
                client.send_2fa_pin_code_over_sms(send)
            except TwoFactorError as err:
                texts.extend(exception_texts(err))

    async def run_async() -> None:
        async with AsyncInfobipClient(url, api_key=infobip_demo.DEMO_API_KEY, retry=NO_RETRIES) as aclient:
            texts.extend(reprs(aclient))
            texts.append(repr(await aclient.send_2fa_pin_code_over_voice(send)))

    asyncio.run(run_async())


def bandwidth_traffic(url: str, mock: BandwidthMock, texts: list[str]) -> None:
    code = CodeRequest(to="+19195551234", from_="+19195554321", application_id="a", message="{CODE}", digits=6)
    common: dict[str, Any] = {"base_url": f"{url}/api/v1", "token_url": f"{url}/api/v1/oauth2/token"}
    credentials: list[dict[str, Any]] = [
        {"username": bandwidth_demo.DEMO_USER, "password": bandwidth_demo.DEMO_PASSWORD},
        {"client_id": bandwidth_demo.DEMO_CLIENT_ID, "client_secret": bandwidth_demo.DEMO_CLIENT_SECRET},
        {"client_id": fakes.CLIENT_ID, "client_secret": fakes.CLIENT_SECRET},
        {"username": fakes.USERNAME, "password": fakes.PASSWORD},
    ]
    for creds in credentials:
        with BandwidthClient(bandwidth_demo.DEMO_ACCOUNT, retry=NO_RETRIES, **common, **creds) as client:
            first: list[Callable[[], Any]] = [
                partial(client.generate_messaging_code, code),
                partial(client.verify_code, "+19195551234", "123456", 3),
            ]
            for call in first:
                try:
                    texts.append(repr(call()))
                except TwoFactorError as err:
                    texts.extend(exception_texts(err))
            mock.store.tokens.clear()  # every issued token revoked: the next call refreshes after a 401
            mock.faults.add(Fault(operation="generateVoiceCode", status=500))
            for call in (partial(client.generate_voice_code, code), partial(client.generate_voice_code, code)):
                try:
                    texts.append(repr(call()))
                except TwoFactorError as err:
                    texts.extend(exception_texts(err))
            texts.extend(reprs(client))

    async def run_async() -> None:
        creds: dict[str, Any] = {
            "client_id": bandwidth_demo.DEMO_CLIENT_ID,
            "client_secret": bandwidth_demo.DEMO_CLIENT_SECRET,
        }
        async with AsyncBandwidthClient(bandwidth_demo.DEMO_ACCOUNT, retry=NO_RETRIES, **common, **creds) as aclient:
            texts.append(repr(await aclient.verify_code("+19195551234", "123456", 3)))
            texts.extend(reprs(aclient))

    asyncio.run(run_async())


def test_credentials_never_appear_in_logs_reprs_exceptions_or_output(capfd: pytest.CaptureFixture[str]) -> None:
    infobip, bandwidth = InfobipMock(), BandwidthMock()
    texts: list[str] = []
    issued: list[str] = []
    with Everything() as logs:
        with RunningServer(infobip.app, log_level="debug") as server:
            infobip_traffic(server.url, infobip, texts)
        with RunningServer(bandwidth.app, log_level="debug") as server:
            bandwidth_traffic(server.url, bandwidth, texts)
            issued += list(bandwidth.store.tokens)
        issued += list(infobip.store.issued_api_keys)
    out, err = capfd.readouterr()
    leaks = Leaks([*DEMO_SECRETS, *LAYER_SECRETS, *issued])
    assert issued, "the run issued no tokens or keys to look for"
    assert len(logs.lines) > 100, "DEBUG logging did not capture the traffic"
    for i, line in enumerate(logs.lines):
        leaks.scan(f"log record {i}", line)
    for i, text in enumerate(texts):
        leaks.scan(f"repr/exception text {i}", text)
    leaks.scan("captured stdout", out)
    leaks.scan("captured stderr", err)
    leaks.report("runtime")


def test_a_contract_run_leaves_no_credential_in_junit_coverage_or_output(tmp_path: Path) -> None:
    junit = tmp_path / "contract-junit.xml"
    env = {**os.environ, "CONTRACT_REPORTS": str(tmp_path), "CONTRACT_TARGET": "asgi"}
    env.pop("PYTEST_XDIST_WORKER", None)
    env.pop("PYTEST_ADDOPTS", None)
    command = [
        sys.executable, "-m", "pytest", "contract_tests/bandwidth/test_lifecycle.py", "-p", "no:cacheprovider", "-q",
        f"--junitxml={junit}", "-o", "junit_logging=all", "--log-level=DEBUG",
    ]  # fmt: skip
    run = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=300, check=False)  # noqa: S603
    assert run.returncode in (0, 1), run.stdout[-2000:] + run.stderr[-2000:]  # tests ran (pass or fail)
    reports = sorted(p for p in tmp_path.iterdir() if p.is_file())
    assert junit in reports
    assert "<testcase" in junit.read_text(encoding="utf-8")
    assert any(p.name.startswith("contract-coverage") for p in reports)
    leaks = Leaks([*DEMO_SECRETS, *LAYER_SECRETS])
    leaks.scan("contract run stdout", run.stdout)
    leaks.scan("contract run stderr", run.stderr)
    for path in reports:
        leaks.scan(path.name, path.read_text(encoding="utf-8", errors="replace"))
    COLLECTOR.add(SECTION, "report_files_scanned", len(reports))
    leaks.report("contract_run")


def test_a_failing_live_contract_check_redacts_authorization() -> None:
    """A live run's failure report (schemathesis' "Reproduce with: curl ...") shows no credential."""
    from schemathesis.core.failures import FailureGroup
    from starlette.applications import Starlette
    from starlette.responses import JSONResponse
    from starlette.routing import Route

    from contract_tests._targets import Target, load_schema

    async def broken(_: Any) -> JSONResponse:
        return JSONResponse({"unexpected": True}, status_code=500)

    live_key = "live-api-key-that-must-never-leak-4242"
    app = Starlette(routes=[Route("/{path:path}", broken, methods=["GET", "POST", "PUT"])])
    target = Target("infobip", "live", "https://api.infobip.example", {"Authorization": f"App {live_key}"}, app=app)
    schema = load_schema("infobip-2fa.yaml", target)
    assert schema.config.output.sanitization.enabled
    operation = schema.find_operation_by_id("get-2fa-applications")
    texts = []
    for headers in ({}, {"Authorization": f"App {live_key}"}):
        case = operation.Case(headers=headers)
        with pytest.raises(FailureGroup) as info:
            case.call_and_validate()
        texts.append(str(info.value) + "".join(traceback.format_exception(info.value)))
    assert "Reproduce with" in texts[1]
    assert "Authorization: [Filtered]" in texts[1]
    leaks = Leaks([live_key])
    for i, text in enumerate(texts):
        leaks.scan(f"failure report {i}", text)
    leaks.report("live_failure_report")


# --- PINs: from secrets, compared in constant time ------------------------------------------------


class Recorder:
    """Stands in for ``secrets.randbelow``: records each bound and draws its largest value."""

    def __init__(self) -> None:
        self.calls: list[int] = []

    def randbelow(self, bound: int) -> int:
        self.calls.append(bound)
        return bound - 1


def test_pins_and_codes_come_from_secrets(monkeypatch: pytest.MonkeyPatch) -> None:
    import random

    def forbidden(*_: Any, **__: Any) -> Any:
        raise AssertionError("a PIN must not come from the random module")

    for name in ("choice", "choices", "randint", "random", "randrange", "sample", "getrandbits"):
        monkeypatch.setattr(random, name, forbidden)
    recorder = Recorder()
    monkeypatch.setattr(secrets, "randbelow", recorder.randbelow)

    infobip = InfobipMock()
    transport = httpx.ASGITransport(app=infobip.app)

    async def infobip_pins() -> dict[str, str]:
        codes = {}
        async with AsyncInfobipClient(
            "https://ib", api_key=infobip_demo.DEMO_API_KEY, transport=transport, retry=NO_RETRIES
        ) as client:
            app = await client.create_2fa_application(TfaApplicationRequest(name="pins"))
            for pin_type, length in ((TfaPinType.NUMERIC, 6), (TfaPinType.HEX, 8), (TfaPinType.ALPHA, 5),
                                     (TfaPinType.ALPHANUMERIC, 10)):  # fmt: skip
                template = await client.create_2fa_message_template(
                    app.application_id,
                    TfaCreateMessageRequest(message_text="{{pin}}", pin_type=pin_type, pin_length=length),
                )
                to = f"41790000{length:02d}"
                await client.send_2fa_pin_code_over_sms(
                    TfaStartAuthenticationRequest(
                        application_id=app.application_id, message_id=template.message_id, to=to
                    )
                )
                codes[str(pin_type)] = last_code(infobip.outbox, to)
        return codes

    codes = asyncio.run(infobip_pins())
    alphabets = infobip_store.ALPHABETS
    assert codes == {kind: alphabets[kind][-1] * n for kind, n in (("NUMERIC", 6), ("HEX", 8), ("ALPHA", 5),
                                                                   ("ALPHANUMERIC", 10))}  # fmt: skip
    # One draw per PIN, below (alphabet size) ** length: the largest draw is the last letter everywhere.
    assert [c for c in recorder.calls if c != 36**16] == [10**6, 16**8, 26**5, 36**10]

    recorder.calls.clear()
    bandwidth = BandwidthMock()
    with BandwidthClient(
        bandwidth_demo.DEMO_ACCOUNT,
        base_url="https://bw/api/v1",
        username=bandwidth_demo.DEMO_USER,
        password=bandwidth_demo.DEMO_PASSWORD,
        transport=httpx.MockTransport(lambda r: _asgi_sync(bandwidth.app, r)),
        retry=NO_RETRIES,
    ) as bw:
        for digits in (4, 6, 8):
            bw.generate_messaging_code(
                CodeRequest(to=f"+1919555000{digits}", from_="+19195554321", application_id="a", message="{CODE}",
                            digits=digits)
            )  # fmt: skip
            assert last_code(bandwidth.outbox, f"+1919555000{digits}") == "9" * digits
    assert [c for c in recorder.calls if c != 36**16] == [10**4, 10**6, 10**8]  # 36**16: message IDs
    # And the code paths name secrets, not random, to be sure the patch above was not bypassed.
    for function in (infobip_store.generate_pin, bandwidth_store.generate_code):
        assert "random_code(" in inspect.getsource(function)
    source = inspect.getsource(random_code)
    assert "secrets.randbelow" in source
    assert "import random" not in source
    assert "random." not in source
    COLLECTOR.add(SECTION, "pin_sources_checked", 7)


def _asgi_sync(app: Any, request: httpx.Request) -> httpx.Response:
    """Serve one request with an ASGI app from a sync MockTransport handler."""

    async def go() -> httpx.Response:
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://bw") as client:
            response = await client.request(
                request.method, request.url.raw_path.decode(), headers=request.headers, content=request.read()
            )
            await response.aread()
            return httpx.Response(response.status_code, headers=response.headers, content=response.content)

    return asyncio.run(go())


def test_pins_are_compared_in_constant_time_or_not_at_all(monkeypatch: pytest.MonkeyPatch) -> None:
    compared: list[tuple[bytes, bytes]] = []
    real = hmac.compare_digest

    def recording(a: Any, b: Any) -> bool:
        compared.append((a, b))
        return real(a, b)

    monkeypatch.setattr(hmac, "compare_digest", recording)

    # Infobip: the verdict is compare_digest's (an always-False stand-in makes the right PIN wrong).
    infobip = InfobipMock()
    transport = httpx.ASGITransport(app=infobip.app)

    async def infobip_verify(pin_id: str | None = None) -> tuple[str, str, Any]:
        async with AsyncInfobipClient(
            "https://ib", api_key=infobip_demo.DEMO_API_KEY, transport=transport, retry=NO_RETRIES
        ) as client:
            if pin_id is None:
                app = await client.create_2fa_application(TfaApplicationRequest(name="ct"))
                template = await client.create_2fa_message_template(
                    app.application_id, TfaCreateMessageRequest(message_text="{{pin}}", pin_type=TfaPinType.NUMERIC)
                )
                sent = await client.send_2fa_pin_code_over_sms(
                    TfaStartAuthenticationRequest(
                        application_id=app.application_id, message_id=template.message_id, to="41793026727"
                    )
                )
                pin_id = sent.pin_id
            code = last_code(infobip.outbox, "41793026727")
            compared.clear()
            return pin_id, code, await client.verify_2fa_phone_number(pin_id, code)

    pin_id, code, result = asyncio.run(infobip_verify())
    assert result.verified
    assert (code.encode(), code.encode()) in compared
    monkeypatch.setattr(hmac, "compare_digest", lambda a, b: False)
    infobip.clock.advance(5)  # past the application's verify limit (1 per 3 s)
    _, _, result = asyncio.run(infobip_verify(pin_id))
    assert (result.verified, result.reason) == (False, "WRONG_PIN")

    # Bandwidth: a guess is one dict lookup of (number, scope, code), however many codes are live: it is
    # compared with no live code (neither right nor wrong), so timing tells nothing about how close it was.
    monkeypatch.setattr(hmac, "compare_digest", recording)
    bandwidth = BandwidthMock()
    transport_bw = httpx.ASGITransport(app=bandwidth.app)

    async def bandwidth_verify(guess: str | None) -> tuple[str, bool]:
        async with AsyncBandwidthClient(
            bandwidth_demo.DEMO_ACCOUNT,
            base_url="https://bw/api/v1",
            username=bandwidth_demo.DEMO_USER,
            password=bandwidth_demo.DEMO_PASSWORD,
            transport=transport_bw,
            retry=NO_RETRIES,
        ) as client:
            request = CodeRequest(
                to="+19195551234", from_="+19195554321", application_id="a", message="{CODE}", digits=6
            )
            for _ in range(3):
                await client.generate_messaging_code(request)
            first = bandwidth.outbox.list("+19195551234")[-3].code
            code = first if guess is None else guess
            compared.clear()
            return code, (await client.verify_code("+19195551234", code, 5)).verified

    code, verified = asyncio.run(bandwidth_verify(None))
    assert verified
    codes = {d.code.encode() for d in bandwidth.outbox.list("+19195551234")}
    assert [pair for pair in compared if pair[0] in codes or pair[1] in codes] == []
    wrong = next(c for c in ("1234567", "7654321") if c.encode() not in codes)  # 7 digits: never sent
    code, verified = asyncio.run(bandwidth_verify(wrong))
    assert not verified
    assert [pair for pair in compared if pair[0] in codes or pair[1] in codes] == []
    COLLECTOR.add(SECTION, "constant_time_comparisons_checked", 2)


# --- the mock binds loopback ----------------------------------------------------------------------


def _non_loopback_address() -> str | None:
    """This machine's address on its default route, if it has one (no packet is sent)."""
    try:
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
            probe.connect(("192.0.2.1", 9))  # TEST-NET-1: a UDP connect only picks a route
            address = str(probe.getsockname()[0])
    except OSError:
        return None
    return None if address.startswith("127.") or address == "0.0.0.0" else address  # noqa: S104


def test_the_mock_binds_loopback_unless_told_otherwise() -> None:
    assert LOOPBACK == "127.0.0.1"
    assert inspect.signature(run_in_thread).parameters["host"].default == LOOPBACK
    assert inspect.signature(RunningServer).parameters["host"].default == LOOPBACK
    with run_in_thread(BandwidthMock().app) as server:
        assert server.host == "127.0.0.1"
        assert server._sock.getsockname()[0] == "127.0.0.1"
        assert httpx.get(f"{server.url}/_mock/health").status_code == 200
        other = _non_loopback_address()
        if other is not None:  # reachable on loopback only: another interface is refused
            with pytest.raises(ConnectionRefusedError), socket.create_connection((other, server.port), timeout=2):
                pass
    COLLECTOR.note(SECTION, "mock_bind_address", LOOPBACK)
