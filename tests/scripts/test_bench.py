"""`make bench` smoke test: the quick mode of the cheapest group writes the report in its documented shape.

No timing is asserted: this machine's numbers are the benchmark's business, not the test suite's.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from scripts.bench import __main__ as bench
from scripts.bench import imports
from scripts.bench._util import Settings


def cheap_import_group(settings: Settings) -> dict[str, Any]:
    return imports.run(settings, only=("httpx+attrs", "ours.infobip"))


def test_quick_import_group_writes_json_and_a_markdown_table(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(bench.GROUPS, "import", cheap_import_group)
    out = tmp_path / "bench.json"

    assert bench.main(["--quick", "--only", "import", "--out", str(out)]) == 0

    report = json.loads(out.read_text())
    assert set(report) == {"meta", "results", "table", "targets"}
    assert report["meta"]["quick"] is True
    assert report["meta"]["groups"] == ["import"]
    assert set(report["meta"]["group_seconds"]) == {"import"}
    result = report["results"]["import"]
    assert result["repetitions"] == 2
    assert set(result["import"]) == {"httpx+attrs", "ours.infobip"}
    assert all(isinstance(v, float) and v > 0 for v in result["import"].values())
    assert all(len(samples) == 2 for samples in result["import_samples"].values())
    (row,) = report["table"]
    assert set(row) == {"group", "measurement", "value", "reference", "ratio", "target", "met"}
    assert row["group"] == "import"
    assert row["target"] == "<= 1.3x"
    assert isinstance(row["met"], bool)
    assert isinstance(row["ratio"], float)
    assert report["targets"]["met"] + report["targets"]["missed"] == 1
    table = (tmp_path / "bench.md").read_text()
    assert table.startswith("| group | measurement | ours | compared with | ratio | target | met |")
    assert "`from twofa_clients import InfobipClient`" in capsys.readouterr().out


def test_unknown_groups_are_refused(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        bench.main(["--only", "import,nonsense"])
    assert "nonsense" in capsys.readouterr().err
