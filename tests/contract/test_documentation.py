"""Every variable the contract suite reads is documented in the README's main-job section, and the
shipped GitHub Actions example sets only variables the suite reads, with read-only permissions."""

from __future__ import annotations

import ast
import re
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[2]
VARIABLE = re.compile(r"\b(?:CONTRACT|INFOBIP|BANDWIDTH)_[A-Z0-9_]*[A-Z0-9]\b")


def variables_the_suite_reads() -> set[str]:
    """Variable names in the string literals of contract_tests/ (identifiers like INFOBIP_RULES are code)."""
    names: set[str] = set()
    for path in (ROOT / "contract_tests").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                names |= set(VARIABLE.findall(node.value))
    return names


def main_job_section() -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    start = readme.index("## The main job: `make contract`")
    return readme[start : readme.index("\n## ", start + 1)]


def contract_job() -> dict[str, Any]:
    workflow = yaml.safe_load((ROOT / "contract_tests" / "examples" / "live-contract.yml").read_text())
    job: dict[str, Any] = workflow["jobs"]["contract"]
    return {"workflow": workflow, **job}


def test_the_suite_reads_the_variables_we_expect() -> None:
    names = variables_the_suite_reads()
    assert {"CONTRACT_TARGET", "CONTRACT_REQUEST_BUDGET", "CONTRACT_LIVE_OPTIONAL", "CONTRACT_ALLOW_CREATES",
            "INFOBIP_TEST_APPLICATION_ID", "BANDWIDTH_TOKEN_URL"} <= names  # fmt: skip


def test_every_variable_is_documented_in_the_main_job_section() -> None:
    section = main_job_section()
    assert sorted(name for name in variables_the_suite_reads() if f"`{name}`" not in section) == []


def test_the_workflow_example_is_read_only_cached_and_sets_only_what_the_suite_reads() -> None:
    job = contract_job()
    assert job["workflow"]["permissions"] == {"contents": "read"}
    setup = next(step for step in job["steps"] if str(step.get("uses", "")).startswith("actions/setup-python"))
    assert setup["with"]["cache"] == "pip"
    run = next(step for step in job["steps"] if "make contract" in str(step.get("run", "")))
    assert run["run"].startswith("make contract TARGET=live")
    assert set(run["env"]) <= variables_the_suite_reads()
    assert "CONTRACT_LIVE_OPTIONAL" not in run["env"]  # a nightly run without credentials must fail
    assert {"CONTRACT_REQUEST_BUDGET", "CONTRACT_ALLOW_CREATES", "CONTRACT_ALLOW_SENDS"} <= set(run["env"])
