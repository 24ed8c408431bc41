"""`make drift [VENDOR=infobip|bandwidth]`: spec/ against the vendors' published documents.

Exit status: 0 when every difference is explained by spec/decisions.yaml and no decision is stale;
1 when a difference is unexplained or a decision is stale; 2 when a document cannot be read (a
variable not set, a missing file, a failed download, a broken document). A run that compared
nothing is never green.
"""

from __future__ import annotations

import argparse
import os
import sys
from dataclasses import dataclass
from pathlib import Path

from . import load, register, report
from .compare import compare
from .normalise import DocumentError

ROOT = Path(__file__).resolve().parents[2]


@dataclass(frozen=True)
class VendorSpec:
    name: str
    ours: str  # relative to the repository root
    variable: str  # where the vendor document is: a file path or an https URL
    published_as: str  # what to point the variable at


VENDORS = {
    "infobip": VendorSpec(
        "infobip",
        "spec/infobip-2fa.yaml",
        "INFOBIP_VENDOR_SPEC",
        "Infobip's published OpenAPI document for 2FA (the 2FA subset of its platform document)",
    ),
    "bandwidth": VendorSpec(
        "bandwidth",
        "spec/bandwidth-mfa.yaml",
        "BANDWIDTH_VENDOR_SPEC",
        "Bandwidth's published multi-factor-auth OpenAPI document",
    ),
}

OK, DRIFT, UNREADABLE = 0, 1, 2


def run_vendor(spec: VendorSpec, source: str, decisions: list[register.Decision], reports: Path) -> int:
    try:
        ours = load.load(str(ROOT / spec.ours))
        theirs = load.load(source)
        diffs = compare(ours, theirs)
    except load.SourceError as exc:
        print(f"drift {spec.name}: cannot read the vendor document: {exc}", file=sys.stderr)
        return UNREADABLE
    except DocumentError as exc:
        print(f"drift {spec.name}: cannot compare: {exc}", file=sys.stderr)
        return UNREADABLE
    outcome = register.explain(diffs, decisions, spec.name)
    sources = report.Sources(
        ours=spec.ours,
        theirs=load.display(source),
        theirs_openapi=str(theirs.get("openapi", "?")),
        theirs_version=str((theirs.get("info") or {}).get("version", "?")),
    )
    md, _ = report.write(reports, outcome, sources)
    print(f"drift {spec.name}: {report.summary(outcome)} (report: {os.path.relpath(md, Path.cwd())})")
    for diff in outcome.unexplained:
        print(f"  unexplained: {diff.where}: {report.describe(diff)}")
    for matcher in outcome.stale:
        print(f"  stale: {matcher.decision} {matcher.what} at {matcher.where} matches nothing")
    return OK if outcome.clean else DRIFT


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m scripts.drift", description=__doc__.split("\n", 1)[0])
    parser.add_argument("--vendor", choices=sorted(VENDORS), help="one vendor (default: both)")
    parser.add_argument("--reports", type=Path, default=ROOT / "reports", help="where the reports go")
    parser.add_argument("--register", type=Path, default=register.REGISTER, help="the decision register")
    args = parser.parse_args(argv)
    try:
        decisions = register.load(args.register)
    except register.RegisterError as exc:
        print(f"drift: {exc}", file=sys.stderr)
        return UNREADABLE
    status = OK
    for name in [args.vendor] if args.vendor else sorted(VENDORS):
        spec = VENDORS[name]
        source = os.environ.get(spec.variable, "").strip()
        if not source:
            print(
                f"drift {name}: {spec.variable} is not set; point it at {spec.published_as}, "
                "as a file path or an https URL",
                file=sys.stderr,
            )
            status = max(status, UNREADABLE)
            continue
        status = max(status, run_vendor(spec, source, decisions, args.reports))
    return status


if __name__ == "__main__":
    sys.exit(main())
