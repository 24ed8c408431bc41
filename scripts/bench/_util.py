"""Small helpers shared by the benchmark groups: statistics, child processes, the run settings."""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
PYTHON = sys.executable


@dataclass(frozen=True)
class Settings:
    """How much work each group does: the full run, or ``--quick`` for a smoke run."""

    quick: bool = False

    def pick(self, full: int, quick: int) -> int:
        return quick if self.quick else full

    def pickf(self, full: float, quick: float) -> float:
        return quick if self.quick else full


def median(values: Sequence[float]) -> float:
    return float(statistics.median(values)) if values else float("nan")


def percentile(values: Sequence[float], p: float) -> float:
    """The ``p``-th percentile (0-100), nearest rank on the sorted values."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    rank = max(0, min(len(ordered) - 1, round(p / 100 * len(ordered) + 0.5) - 1))
    return float(ordered[rank])


def child_env() -> dict[str, str]:
    """The environment of a child Python (run in ROOT, so ``scripts`` imports): no stray hooks."""
    env = dict(os.environ)
    for name in ("PYTHONSTARTUP", "PYTHONPATH", "PYTHONPROFILEIMPORTTIME", "PYTHONDONTWRITEBYTECODE"):
        env.pop(name, None)
    return env


def run_python_json(code: str, *, timeout: float) -> Any:
    """Run ``code`` in a fresh interpreter; its last stdout line is JSON, returned parsed."""
    proc = subprocess.run(  # noqa: S603 - our own interpreter and code
        [PYTHON, "-c", code], cwd=ROOT, env=child_env(), capture_output=True, text=True, timeout=timeout, check=False
    )
    if proc.returncode != 0:
        raise RuntimeError(f"child failed (exit {proc.returncode}):\n{proc.stderr[-2000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def rounded(value: float, digits: int = 3) -> float:
    return float(f"{value:.{digits}g}") if value == value else value
