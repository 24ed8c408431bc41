"""The session-level collector behind ``reports/reliability.json``.

Each test adds its figures (cases tried, untyped exceptions, requests held, faults survived...) under
a section name. At the end of the session every pytest process (each xdist worker, or the only one)
merges what it collected into the JSON file under a file lock; figures of the same run add up, and a
file left by an earlier run is replaced.
"""

from __future__ import annotations

import fcntl
import json
import os
import time
import uuid
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
REPORT_DIR = Path(os.environ.get("RELIABILITY_REPORTS", ROOT / "reports"))
REPORT_FILE = "reliability.json"
# xdist gives every worker of one run the same id; a plain run makes its own.
RUN_ID = os.environ.get("PYTEST_XDIST_TESTRUNUID") or uuid.uuid4().hex


class Collector:
    """Counters and notes per section, e.g. ``counts["client_fuzz"]["cases"]``."""

    def __init__(self) -> None:
        self.counts: dict[str, Counter[str]] = {}
        self.notes: dict[str, dict[str, Any]] = {}

    def add(self, section: str, key: str, n: int | float = 1) -> None:
        self.counts.setdefault(section, Counter())[key] += n  # type: ignore[assignment]

    def note(self, section: str, key: str, value: Any) -> None:
        """A value that does not add up across processes (durations, settings): the largest wins."""
        self.notes.setdefault(section, {})[key] = value

    def __bool__(self) -> bool:
        return bool(self.counts or self.notes)

    def merge_into(self, directory: Path = REPORT_DIR) -> Path:
        directory.mkdir(parents=True, exist_ok=True)
        path = directory / REPORT_FILE
        with (directory / f".{REPORT_FILE}.lock").open("w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            try:
                data = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
            except ValueError:
                data = {}
            if data.get("run") != RUN_ID:
                data = {"run": RUN_ID, "sections": {}}
            data["finished_at"] = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
            sections: dict[str, dict[str, Any]] = data["sections"]
            for section, counter in self.counts.items():
                target = sections.setdefault(section, {})
                for key, n in counter.items():
                    target[key] = target.get(key, 0) + n
            for section, notes in self.notes.items():
                target = sections.setdefault(section, {})
                for key, value in notes.items():
                    old = target.get(key)
                    if isinstance(value, int | float) and isinstance(old, int | float):
                        value = max(value, old)
                    target[key] = value
            tmp = path.with_suffix(".tmp")
            tmp.write_text(json.dumps(data, indent=2, sort_keys=True) + "\n", encoding="utf-8")
            tmp.replace(path)
        return path


COLLECTOR = Collector()
