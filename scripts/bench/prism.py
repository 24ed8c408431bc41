"""The mock against Stoplight Prism, the usual spec-driven mock: same spec, same load; requests/s, RSS, start.

Runs when Node.js and npm are on the PATH. Prism (``@stoplight/prism-cli``, ``PRISM_VERSION``) is installed
once from the npm registry into a cache folder outside the repository (``PRISM_DIR``, default
``~/.cache/twofa-toolkit/prism-<version>``), or taken from ``PRISM_BIN``; without Node.js, or when the
install fails, the group says why it did not run and reports no figure.

What is compared. Prism validates each request against the spec and answers the documented example: it
keeps no state. Ours keeps all of it (a send makes a code, a delivery, rate-limit entries; a verify
checks a live code). Both get the same request bytes, as mock.py sends them (16 keep-alive connections
from the raw-socket load generator), except that Prism serves each path without the spec's server base
path (``/accounts/...``, where the vendor and ours serve ``/api/v1/accounts/...``). Prism runs with
``-v warn`` (no line per request), ours at uvicorn's warning level. Rounds alternate the order; the
ratio is the median of the rounds' own ratios. RSS: the server process (with any children) after its
rounds, VmRSS and its peak VmHWM from /proc. Start: from spawning the process to its port accepting
connections (ours: Python, the mock and uvicorn; Prism: Node.js, Prism and the spec).
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path
from types import TracebackType
from typing import Any

from ._clients import VENDORS, demo_params
from ._loadgen import LoadResult, RequestFactory, load
from ._serve import LOOPBACK, Server
from ._setup import prepare, requests
from ._util import ROOT, Settings, median
from .mock import CONCURRENCY, OPERATIONS, _summary

PRISM_VERSION = "5.14.2"
SPECS = {"infobip": ROOT / "spec" / "infobip-2fa.yaml", "bandwidth": ROOT / "spec" / "bandwidth-mfa.yaml"}
# The spec's server base path, which Prism does not serve (it mocks paths as the spec writes them).
PRISM_STRIP = {"infobip": b"", "bandwidth": b"/api/v1"}
START_SECONDS = 60.0


class NotAvailable(Exception):
    """Why Prism cannot run here: reported in the table instead of figures."""


def prism_command() -> list[str]:
    """The command that runs Prism, installing it into the cache folder on first use."""
    given = os.environ.get("PRISM_BIN")
    if given:
        return [given]
    node, npm = shutil.which("node"), shutil.which("npm")
    if node is None or npm is None:
        raise NotAvailable("Node.js (node and npm) is not on the PATH")
    cache = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    folder = Path(os.environ.get("PRISM_DIR") or cache / "twofa-toolkit" / f"prism-{PRISM_VERSION}")
    entry = folder / "node_modules" / "@stoplight" / "prism-cli" / "dist" / "index.js"
    if not entry.is_file():
        folder.mkdir(parents=True, exist_ok=True)
        install = subprocess.run(  # noqa: S603 - npm with fixed arguments
            [
                npm,
                "install",
                "--prefix",
                str(folder),
                "--no-audit",
                "--no-fund",
                f"@stoplight/prism-cli@{PRISM_VERSION}",
            ],
            capture_output=True,
            text=True,
            timeout=600,
            check=False,
        )
        if install.returncode != 0 or not entry.is_file():
            tail = " ".join((install.stderr or install.stdout).split()[-30:])
            raise NotAvailable(f"npm could not install @stoplight/prism-cli@{PRISM_VERSION}: {tail}")
    return [node, str(entry)]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind((LOOPBACK, 0))
        return int(sock.getsockname()[1])


def _accepting(port: int) -> bool:
    try:
        with socket.create_connection((LOOPBACK, port), timeout=0.2):
            return True
    except OSError:
        return False


def _tree(pid: int) -> list[int]:
    """``pid`` and its descendants, from /proc."""
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        found.append(current)
        for children in Path(f"/proc/{current}/task").glob("*/children"):
            try:
                todo += [int(child) for child in children.read_text().split()]
            except OSError:
                continue
    return found


def memory_mib(pid: int) -> dict[str, float]:
    """VmRSS and VmHWM (its peak) of ``pid`` and its descendants, in MiB; NaN where /proc is missing."""
    totals = {"VmRSS": 0.0, "VmHWM": 0.0}
    try:
        for member in _tree(pid):
            for line in Path(f"/proc/{member}/status").read_text().splitlines():
                name, _, value = line.partition(":")
                if name in totals:
                    totals[name] += int(value.split()[0]) / 1024
    except (OSError, ValueError):
        return {"rss_mib": float("nan"), "peak_rss_mib": float("nan")}
    return {"rss_mib": round(totals["VmRSS"], 1), "peak_rss_mib": round(totals["VmHWM"], 1)}


class Prism:
    """``prism mock`` of one vendor's spec on a free loopback port; ``started_seconds`` until it accepts."""

    def __init__(self, command: list[str], vendor: str) -> None:
        self.port = _free_port()
        self._log = tempfile.TemporaryFile()  # noqa: SIM115 - closed in stop()
        started = time.perf_counter()
        self._proc = subprocess.Popen(  # noqa: S603 - Prism with fixed arguments
            [*command, "mock", "-h", LOOPBACK, "-p", str(self.port), "-v", "warn", str(SPECS[vendor])],
            stdout=self._log,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
        )
        while not _accepting(self.port):
            if self._proc.poll() is not None or time.perf_counter() - started > START_SECONDS:
                self._log.seek(0)
                output = " ".join(self._log.read().decode(errors="replace").split()[-40:])
                self.stop()
                raise NotAvailable(f"Prism did not start on the {vendor} spec: {output}")
            time.sleep(0.02)
        self.started_seconds = time.perf_counter() - started
        self.url = f"http://{LOOPBACK}:{self.port}"

    @property
    def pid(self) -> int:
        return self._proc.pid

    def stop(self) -> None:
        if self._proc.poll() is None:
            self._proc.terminate()
            try:
                self._proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self._proc.kill()
                self._proc.wait(timeout=10)
        self._log.close()

    def __enter__(self) -> Prism:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()


def without_base_path(make: RequestFactory, prefix: bytes) -> RequestFactory:
    """The same requests with the spec's server base path taken off the request line (for Prism)."""
    if not prefix:
        return make
    return lambda number: make(number).replace(b" " + prefix + b"/", b" /", 1)


def _timed_server(vendor: str) -> tuple[Server, float]:
    started = time.perf_counter()
    server = Server(vendor)  # returns once the mock's port accepts connections
    return server, time.perf_counter() - started


def _vendor(command: list[str], vendor: str, settings: Settings, demo: dict[str, str]) -> dict[str, Any]:
    total = settings.pick(2500, 150)
    rounds = settings.pick(5, 1)
    max_seconds = settings.pickf(30.0, 10.0)
    mock_server, mock_start = _timed_server(vendor)
    with mock_server, Prism(command, vendor) as prism:
        prepared = prepare(vendor, mock_server.url, demo)
        pids = {"mock": mock_server.pid, "prism": prism.pid}
        urls = {"mock": mock_server.url, "prism": prism.url}
        figures: dict[str, Any] = {
            "start_seconds": {"mock": round(mock_start, 3), "prism": round(prism.started_seconds, 3)}
        }
        for operation in OPERATIONS:
            make = requests(prepared, operation)
            factories = {"mock": make, "prism": without_base_path(make, PRISM_STRIP[vendor])}
            for name in urls:  # warm-up: connections, caches, Node's JIT
                load(urls[name], factories[name], total=max(50, total // 10), concurrency=CONCURRENCY, max_seconds=10)
            runs: dict[str, list[LoadResult]] = {"mock": [], "prism": []}
            cpu: dict[str, list[float]] = {"mock": [], "prism": []}
            for r in range(rounds):
                for name in ("mock", "prism") if r % 2 == 0 else ("prism", "mock"):
                    before = _cpu(pids[name])
                    runs[name].append(
                        load(urls[name], factories[name], total=total, concurrency=CONCURRENCY, max_seconds=max_seconds)
                    )
                    cpu[name].append(_cpu(pids[name]) - before)
            ratios = [
                m.per_second / p.per_second for m, p in zip(runs["mock"], runs["prism"], strict=True) if p.per_second
            ]
            figures[operation] = {
                **{name: _summary(runs[name], cpu[name]) for name in urls},
                "requests_per_second_ratio": round(median(ratios), 3) if ratios else float("nan"),
            }
        figures["memory"] = {name: memory_mib(pid) for name, pid in pids.items()}
    return figures


def _cpu(pid: int) -> float:
    """CPU seconds of ``pid`` and its descendants so far (user + system), from /proc; NaN elsewhere."""
    total = 0.0
    try:
        for member in _tree(pid):
            fields = Path(f"/proc/{member}/stat").read_text().rsplit(")", 1)[1].split()
            total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return float("nan")
    return total


def run(settings: Settings) -> dict[str, Any]:
    try:
        command = prism_command()
    except NotAvailable as exc:
        return {"skipped": str(exc)}
    result: dict[str, Any] = {"prism_version": PRISM_VERSION, "concurrency": CONCURRENCY, "vendors": {}}
    demo = demo_params()
    for vendor in VENDORS:
        try:
            result["vendors"][vendor] = _vendor(command, vendor, settings, demo)
        except NotAvailable as exc:
            result["vendors"][vendor] = {"skipped": str(exc)}
    return result
