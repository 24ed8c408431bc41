"""Which documented statuses each operation was seen answering, for the report CI reads."""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from scripts import check_specs

SPECS = {"bandwidth": "bandwidth-mfa.yaml", "infobip": "infobip-2fa.yaml"}
VENDOR_BY_TITLE = {"Bandwidth MFA": "bandwidth", "Infobip 2FA API": "infobip"}


@dataclass
class Coverage:
    seen: dict[str, Counter[tuple[str, int]]] = field(default_factory=lambda: defaultdict(Counter))
    requests: Counter[str] = field(default_factory=Counter)

    def record(self, vendor: str, operation_id: str, status: int) -> None:
        self.seen[vendor][(operation_id, status)] += 1
        self.requests[vendor] += 1

    def table(self, vendor: str) -> list[dict[str, Any]]:
        """One row per operation: documented statuses, which were seen, and undocumented ones seen."""
        doc = check_specs.load(SPECS[vendor])
        rows = []
        for method, path, op, _ in check_specs.operations(doc):
            op_id = op["operationId"]
            documented = sorted(int(code) for code in op["responses"])
            seen = {status: n for (oid, status), n in self.seen[vendor].items() if oid == op_id}
            rows.append(
                {
                    "operation": op_id,
                    "method": method.upper(),
                    "path": path,
                    "documented": {str(code): seen.get(code, 0) for code in documented},
                    "undocumented_seen": {str(code): n for code, n in seen.items() if code not in documented},
                }
            )
        return rows

    def vendors(self) -> list[str]:
        return sorted(v for v in self.requests if self.requests[v])

    def markdown(self) -> str:
        lines = ["# Contract coverage", ""]
        for vendor in self.vendors():
            table = self.table(vendor)
            statuses = sorted({code for row in table for code in row["documented"]}, key=int)
            seen = sum(1 for row in table for n in row["documented"].values() if n)
            total = sum(len(row["documented"]) for row in table)
            lines += [
                f"## {vendor}: {self.requests[vendor]} requests, {seen}/{total} documented statuses seen",
                "",
                "| operation | " + " | ".join(statuses) + " |",
                "|---|" + "---|" * len(statuses),
            ]
            for row in table:
                cells = []
                for code in statuses:
                    if code not in row["documented"]:
                        cells.append("")
                    else:
                        n = row["documented"][code]
                        cells.append(f"✓ {n}" if n else "·")
                lines.append(f"| {row['operation']} | " + " | ".join(cells) + " |")
            lines.append("")
        lines.append("✓ n: seen n times; ·: documented, not seen; blank: not documented for that operation.")
        return "\n".join(lines) + "\n"

    def to_json(self) -> dict[str, Any]:
        return {
            vendor: {"requests": self.requests[vendor], "operations": self.table(vendor)} for vendor in self.vendors()
        }

    def write(self, directory: Path) -> list[Path]:
        directory.mkdir(parents=True, exist_ok=True)
        md, js = directory / "contract-coverage.md", directory / "contract-coverage.json"
        md.write_text(self.markdown(), encoding="utf-8")
        js.write_text(json.dumps(self.to_json(), indent=2, sort_keys=True) + "\n", encoding="utf-8")
        return [md, js]


COVERAGE = Coverage()
