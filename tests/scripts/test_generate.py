"""`make check-generated` catches a hand edit, a hand-added file and a deleted file under generated/."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import yaml

from scripts import generate


def test_check_names_every_file_that_differs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    tampered = tmp_path / "generated"
    shutil.copytree(generate.GENERATED, tampered, ignore=shutil.ignore_patterns("__pycache__"))
    client = tampered / "bandwidth_mfa_client" / "client.py"
    client.write_text(client.read_text() + "\n# a hand edit\n")
    (tampered / "infobip_2fa_client" / "helpers.py").write_text("X = 1\n")
    (tampered / "infobip_2fa_client" / "py.typed").unlink()
    monkeypatch.setattr(generate, "GENERATED", tampered)

    assert generate.check() == 1

    err = capsys.readouterr().err
    assert "generated/bandwidth_mfa_client/client.py: differs from what the spec generates" in err
    assert "generated/infobip_2fa_client/helpers.py: not produced by the generator" in err
    assert "generated/infobip_2fa_client/py.typed: missing from generated/" in err


def test_committed_tree_matches_a_fresh_generation(tmp_path: Path) -> None:
    generate.generate_tree(tmp_path)
    assert generate.differences(tmp_path, generate.GENERATED) == []


def test_manifest_records_generator_and_spec_hashes() -> None:
    manifest = json.loads((generate.GENERATED / generate.MANIFEST).read_text())
    assert manifest["generator"] == "openapi-python-client==0.29.1"
    assert "--fail-on-warning" in manifest["command"]
    for vendor in generate.VENDORS:
        entry = manifest["vendors"][vendor.key]
        assert entry["spec"] == vendor.spec
        assert len(entry["sha256"]) == 64


def test_a_generator_warning_fails_generation(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # A text/plain-only request body makes openapi-python-client skip the operation with a warning.
    spec = yaml.safe_load((generate.ROOT / "spec" / "bandwidth-mfa.yaml").read_text())
    body = spec["components"]["requestBodies"]["codeVerify"]
    body["content"] = {"text/plain": body["content"]["application/json"]}
    broken = yaml.safe_dump(spec)
    spec_path = tmp_path / "broken.yaml"
    spec_path.write_text(broken)
    vendor = generate.Vendor("bandwidth_mfa", str(spec_path), "bandwidth_mfa_client")
    with pytest.raises(generate.GenerationError, match="text/plain"):
        generate.generate_one(vendor, tmp_path / "out")
