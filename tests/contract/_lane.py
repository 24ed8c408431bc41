"""Running the contract suite in a subprocess, as `make contract` does, with chosen variables.

The live target is aimed at the mocks served on loopback in this process (run_in_thread), with their
demo credentials, so a test can look at what a "live" run did to the account: the mock's store and outbox.
"""

from __future__ import annotations

import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from twofa_mocks import BandwidthMock, InfobipConfig, InfobipMock, run_in_thread
from twofa_mocks import bandwidth as bandwidth_demo
from twofa_mocks import infobip as infobip_demo

ROOT = Path(__file__).resolve().parents[2]
TIMEOUT = 300
# Loopback answers at once: no need for the polite 5/s a real vendor gets.
FAST = {"CONTRACT_RATE_LIMIT": "100000/s", "CONTRACT_EXAMPLES": "2"}


@dataclass
class Outcome:
    returncode: int
    output: str
    reports: Path

    @property
    def junit(self) -> Path:
        return self.reports / "contract-junit.xml"

    def testcases(self) -> list[ET.Element]:
        return list(ET.parse(self.junit).getroot().iter("testcase"))  # noqa: S314 - the run we just made

    def coverage(self) -> dict[str, Any]:
        import json

        data: dict[str, Any] = json.loads((self.reports / "contract-coverage.json").read_text(encoding="utf-8"))
        return data

    def coverage_markdown(self) -> str:
        return (self.reports / "contract-coverage.md").read_text(encoding="utf-8")


def clean_env(**variables: str) -> dict[str, str]:
    """This process's environment without any contract, vendor or pytest-worker variable, plus ``variables``."""
    drop = ("CONTRACT_", "INFOBIP_", "BANDWIDTH_", "PYTEST_XDIST", "PYTEST_ADDOPTS")
    env = {name: value for name, value in os.environ.items() if not name.startswith(drop)}
    env.pop("PYTEST_CURRENT_TEST", None)
    return {**env, **variables}


def run_contract(paths: list[str], env: Mapping[str, str], reports: Path, *extra: str) -> Outcome:
    """``pytest <paths>`` on the contract suite, as the Makefile runs it (JUnit into ``reports``)."""
    reports.mkdir(parents=True, exist_ok=True)
    # --assert=plain: the assertions under test carry their own messages, and rewriting every plugin
    # module (schemathesis' hundreds) costs seconds per run where bytecode is not cached.
    command = [
        sys.executable, "-m", "pytest", *paths, "-p", "no:cacheprovider", "-q", "--assert=plain",
        f"--junitxml={reports / 'contract-junit.xml'}", *extra,
    ]  # fmt: skip
    run = subprocess.run(  # noqa: S603 - our own interpreter, fixed arguments
        command,
        cwd=ROOT,
        env={**env, "CONTRACT_REPORTS": str(reports)},
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        check=False,
    )
    return Outcome(run.returncode, run.stdout + run.stderr, reports)


@dataclass
class LiveMocks:
    infobip: InfobipMock
    bandwidth: BandwidthMock
    infobip_url: str
    bandwidth_url: str

    def credentials(self) -> dict[str, str]:
        """The variables a live run reads, pointing at the mocks with their demo credentials."""
        return {
            "CONTRACT_TARGET": "live",
            "INFOBIP_BASE_URL": self.infobip_url,
            "INFOBIP_API_KEY": infobip_demo.DEMO_API_KEY,
            "BANDWIDTH_BASE_URL": f"{self.bandwidth_url}/api/v1",
            "BANDWIDTH_ACCOUNT_ID": bandwidth_demo.DEMO_ACCOUNT,
            "BANDWIDTH_USERNAME": bandwidth_demo.DEMO_USER,
            "BANDWIDTH_PASSWORD": bandwidth_demo.DEMO_PASSWORD,
        }


@contextmanager
def live_mocks(bandwidth_app: Any = None) -> Iterator[LiveMocks]:
    """Both mocks on loopback; ``bandwidth_app`` replaces the Bandwidth one (e.g. a broken variant)."""
    infobip = InfobipMock(InfobipConfig(accept_both_spellings=False, demo_account=False))
    bandwidth = BandwidthMock()
    with run_in_thread(infobip.app) as ib, run_in_thread(bandwidth_app or bandwidth.app) as bw:
        yield LiveMocks(infobip, bandwidth, ib.url, bw.url)
