"""``twofa-mock`` (also ``python -m twofa_mocks`` and ``make mock``): the mocks on loopback until stopped.

    twofa-mock [--vendor infobip|bandwidth|both] [--host 127.0.0.1] [--infobip-port 8081]
               [--bandwidth-port 8082] [--frozen-clock] [--config FILE] [--log-requests]
               [--control-token TOKEN] [--control-host NAME ...]
               [--header-timeout 10] [--body-timeout 10] [--max-connections 1000]

A port of 0 picks a free one; the banner prints every URL, what to pass to the clients and the demo
ids. ``--config`` reads the configuration switches from JSON or YAML: ``{"infobip": {...},
"bandwidth": {...}}`` with the camelCase (or snake_case) names of ``/_mock/config``. SIGTERM and
Ctrl-C stop it cleanly (exit 0). It cannot start (exit 2, one line on stderr, before any banner) when
a port is taken, the host cannot be bound, the configuration file is unreadable or holds a bad value,
or the ``[mock]`` extra is not installed.

Binds 127.0.0.1 unless --host says otherwise: the mocks accept demo credentials and must not be
reachable from other machines by accident; any other address prints a warning. /_mock/ answers only
loopback Host names (and --control-host ones); --control-token (or TWOFA_MOCK_CONTROL_TOKEN, which
keeps it out of the process list) makes every /_mock/ request show it in X-Mock-Control-Token.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import ipaddress
import json
import logging
import signal
import socket
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

PROG = "twofa-mock"
VENDORS = ("infobip", "bandwidth")
DEFAULT_PORTS = {"infobip": 8081, "bandwidth": 8082}
MAX_CONFIG_BYTES = 1 << 20  # a configuration file is a few switches: 1 MiB is far past any real one
EXTRA_HINT = "the mock needs its extra: pip install 'twofa-toolkit[mock]'"


class StartError(Exception):
    """Why the mocks cannot start: printed as one line, exit code 2."""


@dataclass
class Listener:
    vendor: str
    mock: Any  # InfobipMock or BandwidthMock
    sock: socket.socket
    url: str  # what a client on this machine uses


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog=PROG, description=__doc__.splitlines()[0])
    p.add_argument("--vendor", choices=[*VENDORS, "both"], default="both", help="which mock(s) to serve (both)")
    p.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1)")
    p.add_argument("--infobip-port", type=int, default=DEFAULT_PORTS["infobip"], help="0: a free port (8081)")
    p.add_argument("--bandwidth-port", type=int, default=DEFAULT_PORTS["bandwidth"], help="0: a free port (8082)")
    p.add_argument("--frozen-clock", action="store_true", help="time moves only through /_mock/clock")
    p.add_argument("--config", type=Path, metavar="FILE", help='JSON or YAML: {"infobip": {...}, "bandwidth": {...}}')
    p.add_argument("--log-requests", action="store_true", help="one line per request on stderr (never a secret)")
    p.add_argument("--control-token", help="required in X-Mock-Control-Token on every /_mock/ request")
    p.add_argument(
        "--control-host", action="append", default=[], help="a Host name /_mock/ answers besides loopback ones"
    )
    p.add_argument("--header-timeout", type=float, default=None, help="seconds for a request's head (10)")
    p.add_argument("--body-timeout", type=float, default=None, help="seconds for a request's body (10)")
    p.add_argument("--max-connections", type=int, default=None, help="open connections at most, per mock (1000)")
    return p


# --- the configuration file ---------------------------------------------------------------------


def read_config(path: Path) -> dict[str, dict[str, Any]]:
    """``{"infobip": {...}, "bandwidth": {...}}`` from a JSON or YAML file (by its suffix; JSON else)."""
    try:
        with path.open("rb") as handle:
            raw = handle.read(MAX_CONFIG_BYTES + 1)
    except OSError as exc:
        raise StartError(f"--config {path}: {exc.strerror or exc}") from None
    if len(raw) > MAX_CONFIG_BYTES:
        raise StartError(f"--config {path}: larger than {MAX_CONFIG_BYTES} bytes")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise StartError(f"--config {path}: not UTF-8 text") from None
    data = _parse_yaml(path, text) if path.suffix.lower() in (".yaml", ".yml") else _parse_json(path, text)
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise StartError(f"--config {path}: expected a mapping with 'infobip' and/or 'bandwidth'")
    unknown = sorted(str(key) for key in data if key not in VENDORS)
    if unknown:
        raise StartError(f"--config {path}: unknown sections {unknown}; known: {list(VENDORS)}")
    for vendor, section in data.items():
        if not isinstance(section, dict):
            raise StartError(f"--config {path}: {vendor} must be a mapping of configuration switches")
    return data


def _parse_json(path: Path, text: str) -> Any:
    try:
        return json.loads(text)
    except ValueError as exc:
        raise StartError(f"--config {path}: not valid JSON: {exc}") from None


def _parse_yaml(path: Path, text: str) -> Any:
    try:
        import yaml
    except ModuleNotFoundError:
        raise StartError(f"--config {path}: reading YAML needs PyYAML ({EXTRA_HINT})") from None
    try:
        return yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise StartError(f"--config {path}: not valid YAML: {' '.join(str(exc).split())}") from None


# --- mocks and sockets ----------------------------------------------------------------------------


def build_mock(vendor: str, changes: dict[str, Any], frozen: bool, control: Any) -> Any:
    from ._clock import MockClock
    from ._control import apply_changes
    from .bandwidth import BandwidthConfig, BandwidthMock
    from .infobip import InfobipConfig, InfobipMock

    try:
        if vendor == "infobip":
            return InfobipMock(apply_changes(InfobipConfig(), changes), clock=MockClock(frozen=frozen), control=control)
        return BandwidthMock(apply_changes(BandwidthConfig(), changes), clock=MockClock(frozen=frozen), control=control)
    except (TypeError, ValueError) as exc:
        raise StartError(f"--config: {vendor}: {exc}") from None


def client_host(host: str) -> str:
    """The host a client on this machine puts in its URL: wildcards become loopback, IPv6 gets brackets."""
    if host in ("0.0.0.0", ""):  # noqa: S104 - compared, not bound
        return "127.0.0.1"
    if host == "::":
        return "[::1]"
    try:
        return f"[{host}]" if ipaddress.ip_address(host.strip("[]")).version == 6 else host
    except ValueError:
        return host


def bind(host: str, port: int, vendor: str) -> socket.socket:
    """A bound TCP socket, or StartError naming the address (a taken port, an unknown host...)."""
    if not 0 <= port <= 65535:
        raise StartError(f"--{vendor}-port {port}: a port is 0 (any free one) to 65535")
    try:
        family, kind, proto, _, address = socket.getaddrinfo(host.strip("[]"), port, type=socket.SOCK_STREAM)[0]
    except socket.gaierror as exc:
        raise StartError(f"cannot listen on {host}:{port} ({vendor}): {exc.strerror}") from None
    # IPPROTO_TCP explicitly: asyncio sets TCP_NODELAY only on sockets whose proto says TCP (_server.py).
    sock = socket.socket(family, kind, proto or socket.IPPROTO_TCP)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # not a listening port: TIME_WAIT only
        sock.bind(address)
        sock.listen(1024)
    except OSError as exc:
        sock.close()
        raise StartError(f"cannot listen on {host}:{port} ({vendor}): {exc.strerror or exc}") from None
    return sock


# --- the banner -----------------------------------------------------------------------------------


def _insecure(host: str) -> str:
    from ._server import is_loopback

    # The clients take plain http:// only to loopback hosts unless told otherwise.
    return "" if is_loopback(client_host(host).strip("[]")) else ", allow_insecure_http=True"


def _control_lines(url: str, token: bool) -> list[str]:
    guard = ", with X-Mock-Control-Token" if token else ""
    return [
        f'  control: MockControl("{url}"), or over HTTP under {url}/_mock/{guard}:',
        "    outbox?to=NUMBER, config (GET, PATCH), clock, faults, reset (POST), openapi.yaml",
    ]


def infobip_banner(listener: Listener, host: str, token: bool) -> list[str]:
    from . import infobip

    url, extra = listener.url, _insecure(host)
    lines = [
        f"Infobip 2FA mock    {url}",
        f'  InfobipClient("{url}", api_key="{infobip.DEMO_API_KEY}"{extra})',
        f"  other demo credentials: Basic {infobip.DEMO_USER} / {infobip.DEMO_PASSWORD}; "
        f"IBSSO {infobip.DEMO_IBSSO_TOKEN}; OAuth2 {infobip.DEMO_CLIENT_ID} / {infobip.DEMO_CLIENT_SECRET}",
    ]
    if listener.mock.config.demo_account:
        lines += [
            f"  demo application {infobip.DEMO_APPLICATION_ID}: SMS template {infobip.DEMO_SMS_MESSAGE_ID},",
            f"    voice template {infobip.DEMO_VOICE_MESSAGE_ID}, e-mail template {infobip.DEMO_EMAIL_MESSAGE_ID}",
        ]
    else:
        lines.append("  no demo application (demoAccount is off): create one first")
    return lines + _control_lines(url, token)


def bandwidth_banner(listener: Listener, host: str, token: bool) -> list[str]:
    from . import bandwidth

    base, extra = f"{listener.url}/api/v1", _insecure(host)
    account = bandwidth.DEMO_ACCOUNT
    return [
        f"Bandwidth MFA mock  {base}",
        f'  BandwidthClient("{account}", username="{bandwidth.DEMO_USER}", password="{bandwidth.DEMO_PASSWORD}", '
        f'base_url="{base}"{extra})',
        f'  BandwidthClient("{account}", client_id="{bandwidth.DEMO_CLIENT_ID}", '
        f'client_secret="{bandwidth.DEMO_CLIENT_SECRET}", base_url="{base}"{extra})',
        *_control_lines(listener.url, token),
    ]


def banner(listeners: Sequence[Listener], host: str, *, token: bool, frozen: bool) -> str:
    lines: list[str] = []
    for listener in listeners:
        build = infobip_banner if listener.vendor == "infobip" else bandwidth_banner
        lines += [*build(listener, host, token), ""]
    clock = "frozen: it moves only through /_mock/clock" if frozen else "running"
    lines.append(f"Demo credentials, not real ones. The clock is {clock}. Ctrl-C or SIGTERM stops.")
    return "\n".join(lines)


# --- serving --------------------------------------------------------------------------------------


async def serve(listeners: Sequence[Listener], protocol: Any) -> None:
    """Every listener under uvicorn on one event loop until SIGTERM or SIGINT (then a clean shutdown)."""
    import uvicorn

    class Server(uvicorn.Server):
        # uvicorn installs signal handlers per server and re-raises the signal after shutting down, so
        # of two servers only one would stop and the process would end by SIGTERM, not exit 0.
        @contextlib.contextmanager
        def capture_signals(self) -> Iterator[None]:
            yield

    servers = [
        Server(
            uvicorn.Config(
                listener.mock.app,
                log_level="warning",
                access_log=False,
                lifespan="off",
                timeout_keep_alive=_keep_alive(),
                http=protocol,
            )
        )
        for listener in listeners
    ]

    def stop() -> None:
        for server in servers:
            if server.should_exit:
                server.force_exit = True  # a second signal: do not wait for open connections
            server.should_exit = True

    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):  # not the main thread
            loop.add_signal_handler(sig, stop)
    pairs = zip(servers, listeners, strict=True)
    await asyncio.gather(*(server.serve(sockets=[listener.sock]) for server, listener in pairs))


def _keep_alive() -> int:
    from ._server import KEEP_ALIVE_SECONDS

    return KEEP_ALIVE_SECONDS


def _start(args: argparse.Namespace) -> tuple[list[Listener], Any, str | None]:
    """Everything that may fail before serving: imports, configuration, mocks, sockets."""
    try:
        from ._access import ControlAccess
        from ._protocol import BODY_TIMEOUT, HEADER_TIMEOUT, MAX_CONNECTIONS
        from ._server import exposure_warning, protocol_class
    except ModuleNotFoundError as exc:
        raise StartError(f"{EXTRA_HINT} ({exc})") from None
    vendors = VENDORS if args.vendor == "both" else (args.vendor,)
    sections = read_config(args.config) if args.config is not None else {}
    environment = ControlAccess.from_environment()
    try:
        control = ControlAccess(
            hosts=environment.hosts | frozenset(args.control_host), token=args.control_token or environment.token
        )
        protocol = protocol_class(
            HEADER_TIMEOUT if args.header_timeout is None else args.header_timeout,
            BODY_TIMEOUT if args.body_timeout is None else args.body_timeout,
            MAX_CONNECTIONS if args.max_connections is None else args.max_connections,
        )
    except ValueError as exc:
        raise StartError(str(exc)) from None
    mocks = {vendor: build_mock(vendor, sections.get(vendor, {}), args.frozen_clock, control) for vendor in vendors}
    listeners: list[Listener] = []
    try:
        for vendor in vendors:
            sock = bind(args.host, getattr(args, f"{vendor}_port"), vendor)
            port = sock.getsockname()[1]
            listeners.append(Listener(vendor, mocks[vendor], sock, f"http://{client_host(args.host)}:{port}"))
    except StartError:
        for listener in listeners:
            listener.sock.close()
        raise
    return listeners, protocol, exposure_warning(args.host)


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        listeners, protocol, warning = _start(args)
    except StartError as exc:
        print(f"{PROG}: {exc}", file=sys.stderr, flush=True)
        return 2
    try:
        if args.log_requests:
            handler = logging.StreamHandler(sys.stderr)
            handler.setFormatter(logging.Formatter("%(asctime)s %(message)s"))
            requests = logging.getLogger("twofa_mocks.requests")
            requests.addHandler(handler)
            requests.setLevel(logging.DEBUG)
        token = listeners[0].mock.control.token is not None
        print(banner(listeners, args.host, token=token, frozen=args.frozen_clock), flush=True)
        if warning is not None:
            print(f"\nWARNING: {warning}\n", file=sys.stderr, flush=True)
        asyncio.run(serve(listeners, protocol))
    finally:
        for listener in listeners:
            listener.sock.close()
    return 0
