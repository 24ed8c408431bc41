"""Wall time of the suites a developer waits for: `make contract` per vendor, and client generation.

`make contract VENDOR=<vendor>` runs at its default settings (``--quick``: EXAMPLES=5), its coverage
report redirected to a temporary folder; cases/s counts the HTTP requests the suite made (the
coverage recorder sees every one) and the tests pytest ran (from the JUnit report). Generation is
timed through `make check-generated`: the same generation as `make generate`, into a temporary
folder plus a diff, so `generated/` is never rewritten by a benchmark.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
import time
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

from ._util import ROOT, Settings

VENDORS = ("infobip", "bandwidth")


def _make(args: list[str], env: dict[str, str], timeout: float) -> tuple[float, subprocess.CompletedProcess[str]]:
    make = shutil.which("make") or "make"
    start = time.perf_counter()
    proc = subprocess.run(  # noqa: S603 - make with our own targets
        [make, *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout, check=False
    )
    return time.perf_counter() - start, proc


def _tests_in_junit(path: Path) -> int | None:
    try:
        root = ET.parse(path).getroot()  # noqa: S314 - our own JUnit report
    except (OSError, ET.ParseError):
        return None
    suites = [root] if root.tag == "testsuite" else root.findall("testsuite")
    return sum(int(suite.get("tests", "0")) for suite in suites)


def _requests(coverage: Path, vendor: str) -> int | None:
    try:
        data = json.loads(coverage.read_text())
    except (OSError, ValueError):
        return None
    rows: list[dict[str, dict[str, int]]] = data.get(vendor, {}).get("operations", [])
    return sum(sum(row["documented"].values()) + sum(row["undocumented_seen"].values()) for row in rows)


def contract(vendor: str, settings: Settings) -> dict[str, Any]:
    if not (ROOT / "contract_tests" / vendor).is_dir():
        return {"skipped": f"contract_tests/{vendor} does not exist"}
    with tempfile.TemporaryDirectory(prefix="twofa-bench-contract-") as tmp:
        env = {**os.environ, "CONTRACT_REPORTS": tmp}
        args = ["contract", f"VENDOR={vendor}", *(["EXAMPLES=5"] if settings.quick else [])]
        seconds, proc = _make(args, env, timeout=1200)
        requests = _requests(Path(tmp) / "contract-coverage.json", vendor)
    tests = _tests_in_junit(ROOT / "reports" / "contract-junit.xml")
    return {
        "seconds": round(seconds, 1),
        "passed": proc.returncode == 0,
        "tests": tests,
        "requests": requests,
        "cases_per_second": round(requests / seconds, 1) if requests else None,
        "tests_per_second": round(tests / seconds, 2) if tests else None,
        "settings": "EXAMPLES=5 (--quick)" if settings.quick else "default",
        "tail": "" if proc.returncode == 0 else (proc.stdout + proc.stderr)[-1500:],
    }


def generation() -> dict[str, Any]:
    seconds, proc = _make(["check-generated"], dict(os.environ), timeout=600)
    return {
        "seconds": round(seconds, 1),
        "passed": proc.returncode == 0,
        "how": "make check-generated (the generation of make generate, into a temporary folder, plus a diff)",
        "tail": "" if proc.returncode == 0 else (proc.stdout + proc.stderr)[-1500:],
    }


def run(settings: Settings) -> dict[str, Any]:
    return {"contract": {vendor: contract(vendor, settings) for vendor in VENDORS}, "generate": generation()}
