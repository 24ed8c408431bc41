"""`python -m scripts.bench` (what `make bench` runs): run the groups, print the table, write the JSON."""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from . import concurrency, imports, loopback, memory, mock, percall, prism, suites, verifier
from ._report import markdown, rows
from ._util import ROOT, Settings

GROUPS: dict[str, Callable[[Settings], dict[str, Any]]] = {
    "import": imports.run,
    "percall": percall.run,
    "loopback": loopback.run,
    "mock": mock.run,
    "memory": memory.run,
    "suites": suites.run,
    "verifier": verifier.run,
    "concurrency": concurrency.run,
    "prism": prism.run,
}


def _groups(value: str) -> list[str]:
    names = [name.strip() for name in value.split(",") if name.strip()]
    unknown = [name for name in names if name not in GROUPS]
    if unknown or not names:
        raise argparse.ArgumentTypeError(f"unknown group(s) {unknown or value!r}; known: {', '.join(GROUPS)}")
    return names


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m scripts.bench", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="a short smoke run: few repetitions, small loads")
    parser.add_argument("--only", type=_groups, default=list(GROUPS), help=f"comma-separated: {','.join(GROUPS)}")
    parser.add_argument("--out", type=Path, default=ROOT / "reports" / "bench.json", help="the JSON report")
    parser.add_argument("--markdown", type=Path, default=None, help="also write the table here (default: beside --out)")
    args = parser.parse_args(argv)
    settings = Settings(quick=args.quick)
    load_before = os.getloadavg() if hasattr(os, "getloadavg") else None
    started = time.perf_counter()
    results: dict[str, Any] = {}
    seconds: dict[str, float] = {}
    for name in args.only:
        print(f"bench: {name} ...", file=sys.stderr, flush=True)
        group_start = time.perf_counter()
        results[name] = GROUPS[name](settings)
        seconds[name] = round(time.perf_counter() - group_start, 1)
    table = rows(results)
    report = {
        "meta": {
            "date": datetime.now(UTC).isoformat(timespec="seconds"),
            "quick": args.quick,
            "groups": args.only,
            "group_seconds": seconds,
            "wall_seconds": round(time.perf_counter() - started, 1),
            "python": platform.python_version(),
            "platform": platform.platform(),
            "cpus": os.cpu_count(),
            # Other work on the machine skews every figure: the 1-minute load average before and after.
            "load_average": [
                round(load_before[0], 2) if load_before else None,
                round(os.getloadavg()[0], 2) if load_before else None,
            ],
        },
        "results": results,
        "table": [row.to_json() for row in table],
        "targets": {"met": sum(row.met is True for row in table), "missed": sum(row.met is False for row in table)},
    }
    text = markdown(table)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    md = args.markdown or args.out.with_suffix(".md")
    md.write_text(text, encoding="utf-8")
    print(text)
    print(f"written: {args.out} and {md} ({time.perf_counter() - started:.0f} s)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
