"""Regenerate the clients in generated/ from spec/, or check that generated/ is current.

    python -m scripts.generate            # rewrite generated/ (all vendors)
    python -m scripts.generate --check    # regenerate into a temporary folder and diff; exit 1 on drift

Generation always runs into a fresh temporary folder and the result replaces generated/<package>
whole, so no stale or hand-added file survives (the generator itself only clears models/ and api/).
Generator warnings (an operation it skips, say) fail the run: --fail-on-warning.
"""

from __future__ import annotations

import argparse
import filecmp
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path

from scripts import spec_gate

ROOT = Path(__file__).resolve().parent.parent
GENERATED = ROOT / "generated"
GENERATOR = "openapi-python-client"
MANIFEST = "MANIFEST.json"


@dataclass(frozen=True)
class Vendor:
    key: str
    spec: str  # relative to the repository root
    package: str

    @property
    def config(self) -> str:
        return f"scripts/generator/{self.key}.yaml"


VENDORS = (
    Vendor("infobip_2fa", "spec/infobip-2fa.yaml", "infobip_2fa_client"),
    Vendor("bandwidth_mfa", "spec/bandwidth-mfa.yaml", "bandwidth_mfa_client"),
)

README = """\
# generated/

Everything in this folder is output of `make generate` (scripts/generate.py), which runs
openapi-python-client on the documents in spec/. Do not edit it by hand: change the spec (or the
hand-written layer in overrides/), regenerate, and commit both. `make check-generated`, run in CI,
regenerates into a temporary folder and fails, naming the files, when this folder differs.

MANIFEST.json records the generator version, the exact command and the sha256 of each spec.
"""


class GenerationError(RuntimeError):
    pass


def command(vendor: Vendor, out: Path) -> list[str]:
    return [
        GENERATOR,
        "generate",
        "--path",
        vendor.spec,
        "--config",
        vendor.config,
        "--meta",
        "none",
        "--fail-on-warning",
        "--output-path",
        str(out),
    ]


def _tool_env() -> dict[str, str]:
    # The generator's post-hooks call `ruff` by name: use the one installed beside this Python.
    env = dict(os.environ)
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}"
    return env


def generate_one(vendor: Vendor, dest_root: Path) -> Path:
    out = dest_root / vendor.package
    proc = subprocess.run(  # noqa: S603 - fixed argument list, no shell
        command(vendor, out), cwd=ROOT, env=_tool_env(), capture_output=True, text=True, check=False
    )
    text = proc.stdout + proc.stderr
    if proc.returncode != 0 or "Warning" in text or not out.is_dir():
        raise GenerationError(f"{GENERATOR} failed for {vendor.spec} (exit {proc.returncode}):\n{text}")
    (out / "py.typed").write_text("# Marker file for PEP 561\n", encoding="utf-8")
    return out


def manifest() -> str:
    data = {
        "generator": f"{GENERATOR}=={version(GENERATOR)}",
        "command": " ".join(command(Vendor("VENDOR", "spec/VENDOR.yaml", "PACKAGE"), Path("PACKAGE"))),
        "vendors": {
            v.key: {
                "spec": v.spec,
                "sha256": hashlib.sha256((ROOT / v.spec).read_bytes()).hexdigest(),
                "config": v.config,
                "package": v.package,
            }
            for v in VENDORS
        },
    }
    return json.dumps(data, indent=2, sort_keys=True) + "\n"


def generate_tree(dest_root: Path) -> None:
    """Write the complete generated/ tree (packages, manifest, README) under ``dest_root``."""
    for vendor in VENDORS:
        generate_one(vendor, dest_root)
    (dest_root / MANIFEST).write_text(manifest(), encoding="utf-8")
    (dest_root / "README.md").write_text(README, encoding="utf-8")


def _ignored(name: str) -> bool:
    return name in {"__pycache__", ".mypy_cache", ".ruff_cache"} or name.endswith(".pyc")


def differences(expected: Path, actual: Path, prefix: str = "") -> list[str]:
    """Files that differ between two trees, as 'generated/...: reason' lines."""
    cmp = filecmp.dircmp(expected, actual, ignore=[])
    out: list[str] = []
    for name in sorted(cmp.left_only):
        if not _ignored(name):
            out.append(f"{prefix}{name}: missing from generated/")
    for name in sorted(cmp.right_only):
        if not _ignored(name):
            out.append(f"{prefix}{name}: not produced by the generator (hand-added?)")
    _, mismatch, errors = filecmp.cmpfiles(expected, actual, cmp.common_files, shallow=False)
    out += [f"{prefix}{name}: differs from what the spec generates" for name in sorted(mismatch + errors)]
    for name in sorted(cmp.common_dirs):
        if not _ignored(name):
            out += differences(expected / name, actual / name, f"{prefix}{name}/")
    return out


def write() -> None:
    with tempfile.TemporaryDirectory(prefix="twofa-gen-") as tmp:
        fresh = Path(tmp)
        generate_tree(fresh)
        GENERATED.mkdir(exist_ok=True)
        for vendor in VENDORS:
            shutil.rmtree(GENERATED / vendor.package, ignore_errors=True)
            shutil.copytree(fresh / vendor.package, GENERATED / vendor.package)
        for name in (MANIFEST, "README.md"):
            shutil.copy2(fresh / name, GENERATED / name)
    print(f"generated/ rewritten from {', '.join(v.spec for v in VENDORS)}")


def check() -> int:
    with tempfile.TemporaryDirectory(prefix="twofa-gen-check-") as tmp:
        fresh = Path(tmp)
        generate_tree(fresh)
        if not GENERATED.is_dir():
            print("generated/ does not exist: run `make generate`", file=sys.stderr)
            return 1
        problems = differences(fresh, GENERATED, "generated/")
    if problems:
        print("generated/ is stale or hand-edited; run `make generate` and commit:", file=sys.stderr)
        for line in problems:
            print(f"  {line}", file=sys.stderr)
        return 1
    print("generated/ matches spec/")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    parser.add_argument("--check", action="store_true", help="fail if generated/ differs from a fresh run")
    args = parser.parse_args(argv)
    try:
        spec_gate.require_valid_specs()
    except spec_gate.InvalidSpecs as exc:
        print(exc, file=sys.stderr)
        return 1
    try:
        if args.check:
            return check()
        write()
    except GenerationError as exc:
        print(exc, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
