"""`python -m twofa_mocks` (what `make mock` runs): both mocks on loopback until Ctrl-C.

    python -m twofa_mocks [--host 127.0.0.1] [--infobip-port 8081] [--bandwidth-port 8082] [--frozen-clock]
                          [--control-token TOKEN] [--control-host NAME ...]
                          [--header-timeout 10] [--body-timeout 10] [--max-connections 1000]

Binds 127.0.0.1 unless --host says otherwise: the mocks accept demo credentials and must not be
reachable from other machines by accident; any other address prints a warning. /_mock/ answers only
loopback Host names (and --control-host ones); --control-token (or TWOFA_MOCK_CONTROL_TOKEN, which
keeps it out of the process list) makes every /_mock/ request show it in X-Mock-Control-Token.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import sys
from typing import Any

import uvicorn

from . import bandwidth, infobip
from ._access import ControlAccess
from ._clock import MockClock
from ._protocol import BODY_TIMEOUT, HEADER_TIMEOUT, MAX_CONNECTIONS
from ._server import KEEP_ALIVE_SECONDS, LOOPBACK, exposure_warning, protocol_class
from .bandwidth import BandwidthMock
from .infobip import InfobipMock


def banner(host: str, infobip_port: int, bandwidth_port: int) -> str:
    ib = f"http://{host}:{infobip_port}"
    bw = f"http://{host}:{bandwidth_port}"
    return f"""\
Infobip 2FA mock    {ib}   (spec: {ib}/_mock/openapi.yaml, outbox: {ib}/_mock/outbox)
  Authorization: App {infobip.DEMO_API_KEY}
  Basic user {infobip.DEMO_USER} / {infobip.DEMO_PASSWORD}; IBSSO {infobip.DEMO_IBSSO_TOKEN}
Bandwidth MFA mock  {bw}/api/v1   (spec: {bw}/_mock/openapi.yaml, outbox: {bw}/_mock/outbox)
  account {bandwidth.DEMO_ACCOUNT}; Basic user {bandwidth.DEMO_USER} / {bandwidth.DEMO_PASSWORD}
  OAuth2 client {bandwidth.DEMO_CLIENT_ID} / {bandwidth.DEMO_CLIENT_SECRET} at {bw}/api/v1/oauth2/token
These are the mocks' demo credentials, not real ones. Ctrl-C stops both."""


async def serve(
    host: str, infobip_port: int, bandwidth_port: int, frozen: bool, *, control: ControlAccess, protocol: Any
) -> None:
    servers = [
        uvicorn.Server(
            uvicorn.Config(
                app,
                host=host,
                port=port,
                log_level="warning",
                lifespan="off",
                timeout_keep_alive=KEEP_ALIVE_SECONDS,
                http=protocol,
            )
        )
        for app, port in (
            (InfobipMock(clock=MockClock(frozen=frozen), control=control).app, infobip_port),
            (BandwidthMock(clock=MockClock(frozen=frozen), control=control).app, bandwidth_port),
        )
    ]
    await asyncio.gather(*(server.serve() for server in servers))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m twofa_mocks", description=__doc__.splitlines()[0])
    parser.add_argument("--host", default=LOOPBACK, help="address to bind (default 127.0.0.1)")
    parser.add_argument("--infobip-port", type=int, default=8081)
    parser.add_argument("--bandwidth-port", type=int, default=8082)
    parser.add_argument("--frozen-clock", action="store_true", help="time moves only through /_mock/clock")
    parser.add_argument("--control-token", help="required in X-Mock-Control-Token on every /_mock/ request")
    parser.add_argument(
        "--control-host", action="append", default=[], help="a Host name /_mock/ answers besides loopback ones"
    )
    parser.add_argument("--header-timeout", type=float, default=HEADER_TIMEOUT, help="seconds for a request's head")
    parser.add_argument("--body-timeout", type=float, default=BODY_TIMEOUT, help="seconds for a request's body")
    parser.add_argument("--max-connections", type=int, default=MAX_CONNECTIONS, help="open connections at most")
    args = parser.parse_args(argv)
    environment = ControlAccess.from_environment()
    control = ControlAccess(
        hosts=environment.hosts | frozenset(args.control_host), token=args.control_token or environment.token
    )
    protocol = protocol_class(args.header_timeout, args.body_timeout, args.max_connections)
    print(banner(args.host, args.infobip_port, args.bandwidth_port), flush=True)
    warning = exposure_warning(args.host)
    if warning is not None:
        print(f"\nWARNING: {warning}\n", file=sys.stderr, flush=True)
    with contextlib.suppress(KeyboardInterrupt):  # Ctrl-C is the way to stop it
        asyncio.run(
            serve(
                args.host, args.infobip_port, args.bandwidth_port, args.frozen_clock, control=control, protocol=protocol
            )
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
