"""Which statuses each operation was seen answering, and which operations did not run: the report CI reads.

Only requests of the suite proper are recorded (conformance, lifecycle, stateful); the drift tests' broken
mocks are not, so a status seen is one the target really answered.
"""

from __future__ import annotations

import functools
import json
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import schemathesis

if TYPE_CHECKING:
    from contract_tests._live import Plan

SPECS = {"bandwidth": "bandwidth-mfa.yaml", "infobip": "infobip-2fa.yaml"}
VENDOR_BY_TITLE = {"Bandwidth MFA": "bandwidth", "Infobip 2FA API": "infobip"}
REPORT_FILES = ("contract-coverage.md", "contract-coverage.json")


SPEC_DIR = Path(__file__).resolve().parent.parent / "spec"
HTTP_METHODS = ("get", "put", "post", "delete", "patch")


@functools.cache
def _spec(vendor: str) -> dict[str, Any]:
    """The vendor's document as schemathesis loads it (read-only here: loaded once per run)."""
    raw: dict[str, Any] = schemathesis.openapi.from_path(SPEC_DIR / SPECS[vendor]).raw_schema
    return raw


def operations(vendor: str) -> list[tuple[str, str, dict[str, Any]]]:
    """(method, path, operation) of every operation of the vendor's spec, in spec order."""
    return [
        (method, path, item[method])
        for path, item in _spec(vendor)["paths"].items()
        for method in HTTP_METHODS
        if method in item
    ]


def spec_operations(vendor: str) -> tuple[str, ...]:
    """Every operationId of the vendor's spec, in spec order."""
    return tuple(op["operationId"] for _, _, op in operations(vendor))


@dataclass
class Coverage:
    seen: dict[str, Counter[tuple[str, int]]] = field(default_factory=lambda: defaultdict(Counter))
    requests: Counter[str] = field(default_factory=Counter)
    plans: dict[str, Plan] = field(default_factory=dict)
    base_urls: dict[str, str] = field(default_factory=dict)
    stopped: dict[tuple[str, str], str] = field(default_factory=dict)  # ended at its allowance, why
    not_reached: dict[tuple[str, str], str] = field(default_factory=dict)

    def record(self, vendor: str, operation_id: str, status: int) -> None:
        self.seen[vendor][(operation_id, status)] += 1
        self.requests[vendor] += 1

    def plan(self, vendor: str, base_url: str, plan: Plan) -> None:
        """The first target built for a vendor stands for it in the report."""
        self.plans.setdefault(vendor, plan)
        self.base_urls.setdefault(vendor, base_url)

    def why_not_run(self, vendor: str, operation_id: str, requests: int) -> str:
        plan = self.plans.get(vendor)
        if plan is not None and operation_id in plan.not_run:
            return plan.not_run[operation_id]
        if (vendor, operation_id) in self.not_reached:
            return self.not_reached[(vendor, operation_id)]
        return "" if requests else "no request was made (its tests were not selected, or did not get that far)"

    def table(self, vendor: str) -> list[dict[str, Any]]:
        """One row per operation: documented statuses, which were seen, undocumented ones seen, and
        for an operation without requests, why."""
        rows = []
        for method, path, op in operations(vendor):
            op_id = op["operationId"]
            documented = sorted(int(code) for code in op["responses"])
            seen = {status: n for (oid, status), n in self.seen[vendor].items() if oid == op_id}
            requests = sum(seen.values())
            rows.append(
                {
                    "operation": op_id,
                    "method": method.upper(),
                    "path": path,
                    "requests": requests,
                    "documented": {str(code): seen.get(code, 0) for code in documented},
                    "undocumented_seen": {str(code): n for code, n in sorted(seen.items()) if code not in documented},
                    "not_run": self.why_not_run(vendor, op_id, requests),
                    "stopped": self.stopped.get((vendor, op_id), ""),
                }
            )
        return rows

    def vendors(self) -> list[str]:
        return sorted(set(self.plans) | {v for v in self.requests if self.requests[v]})

    def summary(self, vendor: str) -> dict[str, Any]:
        table = self.table(vendor)
        undocumented = Counter(code for row in table for code in row["undocumented_seen"])
        return {
            "target": self.plans[vendor].target if vendor in self.plans else "",
            "base_url": self.base_urls.get(vendor, ""),
            "requests": self.requests[vendor],
            "operations": len(table),
            "operations_run": sum(1 for row in table if not row["not_run"]),
            "not_run": {row["operation"]: row["not_run"] for row in table if row["not_run"]},
            "stopped_at_allowance": {row["operation"]: row["stopped"] for row in table if row["stopped"]},
            "documented_statuses_seen": sum(1 for row in table for n in row["documented"].values() if n),
            "documented_statuses": sum(len(row["documented"]) for row in table),
            "undocumented_statuses_seen": dict(sorted(undocumented.items())),  # status -> operations
        }

    def markdown(self) -> str:
        lines = ["# Contract coverage", ""]
        for vendor in self.vendors():
            table, summary = self.table(vendor), self.summary(vendor)
            statuses = sorted({code for row in table for code in row["documented"]}, key=int)
            undocumented = ", ".join(
                f"{code} on {n} operation{'s' if n > 1 else ''}"
                for code, n in summary["undocumented_statuses_seen"].items()
            )
            lines += [
                f"## {vendor} ({summary['target']}, {summary['base_url']})",
                "",
                f"{summary['operations_run']} of {summary['operations']} operations run, "
                f"{len(summary['not_run'])} not run; {summary['requests']} requests; "
                f"{summary['documented_statuses_seen']}/{summary['documented_statuses']} documented statuses seen; "
                f"undocumented statuses seen: {undocumented or 'none'}",
                "",
                "| operation | " + " | ".join(statuses) + " | undocumented seen |",
                "|---|" + "---|" * (len(statuses) + 1),
            ]
            for row in table:
                if row["not_run"]:
                    lines.append(f"| {row['operation']} | " + " | ".join("-" for _ in statuses) + " | not run |")
                    continue
                cells = []
                for code in statuses:
                    n = row["documented"].get(code)
                    cells.append("" if n is None else f"✓ {n}" if n else "·")
                extra = ", ".join(f"{code} ({n})" for code, n in row["undocumented_seen"].items())
                lines.append(f"| {row['operation']} | " + " | ".join(cells) + f" | {extra} |")
            lines.append("")
            if summary["not_run"]:
                lines += ["Not run:", ""] + [f"- {op}: {why}" for op, why in summary["not_run"].items()] + [""]
            if summary["stopped_at_allowance"]:
                lines += ["Stopped early (still passed):", ""]
                lines += [f"- {op}: {why}" for op, why in summary["stopped_at_allowance"].items()] + [""]
        lines.append(
            "✓ n: seen n times; ·: documented, not seen; blank: not documented for that operation; "
            "-: the operation did not run; undocumented seen: status (times)."
        )
        return "\n".join(lines) + "\n"

    def to_json(self) -> dict[str, Any]:
        return {
            vendor: {
                "requests": self.requests[vendor],
                "summary": self.summary(vendor),
                "operations": self.table(vendor),
            }
            for vendor in self.vendors()
        }

    def write(self, directory: Path) -> list[Path]:
        directory.mkdir(parents=True, exist_ok=True)
        md, js = (directory / name for name in REPORT_FILES)
        md.write_text(self.markdown(), encoding="utf-8")
        js.write_text(json.dumps(self.to_json(), indent=2, sort_keys=True) + "\n", encoding="utf-8")
        return [md, js]


COVERAGE = Coverage()
