"""A spec that does not load stops `make generate`, `make test` and `make contract` at once, naming the
file, the JSON pointer and the reason in one line (scripts/spec_gate.py)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from contract_tests._coverage import SPECS
from scripts import generate, spec_gate

ROOT = Path(__file__).resolve().parents[2]
TYPO = "voiceCodeRespons\u0435"  # a Cyrillic "e" at the end: the kind of typo nobody sees
DANGLING_AT = "/paths/~1accounts~1{accountId}~1code~1voice/post/responses/200/content/application~1json/schema/$ref"
DANGLING = (
    f"bandwidth-mfa.yaml#{DANGLING_AT}: $ref '#/components/schemas/{TYPO}' does not resolve: "
    f"nothing named '{TYPO}' under #/components/schemas"
)


def broken_copy(tmp_path: Path, old: str, new: str, name: str = "bandwidth-mfa.yaml") -> Path:
    """spec/ copied to ``tmp_path``, with the first ``old`` in ``name`` replaced by ``new``."""
    for document in spec_gate.DOCUMENTS:
        shutil.copy(spec_gate.SPEC_DIR / document, tmp_path / document)
    text = (tmp_path / name).read_text(encoding="utf-8")
    assert old in text
    (tmp_path / name).write_text(text.replace(old, new, 1), encoding="utf-8")
    return tmp_path


def dangling_ref(tmp_path: Path) -> Path:
    return broken_copy(tmp_path, "'#/components/schemas/voiceCodeResponse'", f"'#/components/schemas/{TYPO}'")


def test_the_committed_documents_load() -> None:
    assert spec_gate.check_all() == []


def test_the_documents_are_the_ones_generated_and_tested() -> None:
    assert sorted(spec_gate.DOCUMENTS) == sorted(SPECS.values())
    assert sorted(spec_gate.DOCUMENTS) == sorted(Path(v.spec).name for v in generate.VENDORS)


def test_a_dangling_ref_is_named_by_file_pointer_and_reason(tmp_path: Path) -> None:
    problems = spec_gate.problems_in(dangling_ref(tmp_path) / "bandwidth-mfa.yaml", "bandwidth-mfa.yaml")
    assert [str(problem) for problem in problems] == [DANGLING]


def test_invalid_yaml_is_named_with_its_line(tmp_path: Path) -> None:
    spec_dir = broken_copy(tmp_path, "  title: Bandwidth MFA\n", "  title: [Bandwidth MFA\n")
    (problem,) = spec_gate.problems_in(spec_dir / "bandwidth-mfa.yaml", "bandwidth-mfa.yaml")
    assert problem.pointer == ""
    assert problem.reason.startswith("not valid YAML at line ")
    assert "\n" not in problem.reason


def test_invalid_openapi_is_named_by_pointer_in_one_short_line(tmp_path: Path) -> None:
    spec_dir = broken_copy(tmp_path, "    name: MIT\n", "    name: 5\n")
    (problem,) = spec_gate.problems_in(spec_dir / "bandwidth-mfa.yaml", "bandwidth-mfa.yaml")
    assert problem.pointer == "/info/license/name"
    assert problem.reason == 'not valid OpenAPI: 5 is not of type "string"'


@pytest.mark.parametrize(
    ("ref", "reason"),
    [
        ("other.yaml#/components/schemas/X", "points outside the document; only local references"),
        ("#/paths/~1nowhere", "nothing named '/nowhere' under #/paths"),
    ],
)
def test_refs_that_leave_the_document_or_miss_are_named(tmp_path: Path, ref: str, reason: str) -> None:
    spec_dir = broken_copy(tmp_path, "'#/components/schemas/voiceCodeResponse'", repr(ref))
    (problem,) = spec_gate.problems_in(spec_dir / "bandwidth-mfa.yaml")
    assert problem.pointer == DANGLING_AT
    assert reason in problem.reason


def test_a_broken_rename_is_reported_up_to_a_bound(tmp_path: Path) -> None:
    spec_dir = broken_copy(tmp_path, "  schemas:\n", "  schemaz:\n", "infobip-2fa.yaml")
    problems = spec_gate.problems_in(spec_dir / "infobip-2fa.yaml")
    assert len(problems) == spec_gate.MAX_PROBLEMS + 1
    assert problems[-1].reason.startswith("... and ")


def test_make_generate_stops_before_the_generator(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(spec_gate, "SPEC_DIR", dangling_ref(tmp_path))

    def must_not_run(dest_root: Path) -> None:
        raise AssertionError("the generator ran on a spec that does not load")

    monkeypatch.setattr(generate, "generate_tree", must_not_run)
    assert generate.main([]) == 1
    assert generate.main(["--check"]) == 1
    err = capsys.readouterr().err
    assert f"{tmp_path}/{DANGLING}" in err


def test_the_gate_as_a_command_names_the_problem_and_fails(tmp_path: Path) -> None:
    spec_dir = dangling_ref(tmp_path)
    command = [sys.executable, "-m", "scripts.spec_gate", str(spec_dir)]
    run = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=60, check=False)  # noqa: S603
    assert run.returncode == 1
    assert f"{spec_dir}/{DANGLING}" in run.stderr
    assert len(run.stderr) < 2000  # the reason, not the document


@pytest.mark.parametrize("target", ["test", "contract"])
def test_make_runs_the_gate_before_pytest(target: str) -> None:
    """`make test` and `make contract` stop at the gate: pytest never starts on a spec that does not load."""
    command = ["make", "-n", target]
    dry = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=60, check=True)  # noqa: S603
    lines = dry.stdout.splitlines()
    gate = next(i for i, line in enumerate(lines) if "-m scripts.spec_gate" in line)
    tests = next(i for i, line in enumerate(lines) if "/pytest " in line)
    assert gate < tests
