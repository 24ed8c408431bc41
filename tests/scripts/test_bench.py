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


def test_verifier_and_concurrency_rows_compare_like_with_like() -> None:
    """The new groups' rows from results of their documented shape: ratios divide the right figures."""
    from scripts.bench._report import rows

    us = {"client send": 200.0, "client verify": 180.0, "Verifier.start": 250.0, "Verifier.check": 225.0}
    ms = {"direct": 2.0, "refused": 2.5, "503": 4.0, "circuit open": 2.1, "refused, default retries": 1200.0}
    run = {"calls_per_second": 1000.0, "client_cpu_us": 400.0}
    sdk = {"calls_per_second": 1250.0, "client_cpu_us": 500.0}
    runs = {"sdk@50 threads": sdk, "ours sync@50 threads": run, "ours async@50": run}
    flight = {"sdk": {"per_call_kib": 50.0}, "ours-sync": {"per_call_kib": 48.0}, "ours-async": {"per_call_kib": 25.0}}
    results: dict[str, Any] = {
        "verifier": {"overhead": {"vendors": {"infobip": us}}, "failover": {"ms": ms}},
        "concurrency": {
            "delay_seconds": 0.02,
            "vendors": {"bandwidth": runs},
            "in_flight": {"calls": 100, "delay_seconds": 0.5, "clients": flight},
        },
    }
    table = {row.measurement: row for row in rows(results)}
    check = table["Infobip: `Verifier.check`, CPU per call (canned answers)"]
    assert (check.value, check.ratio) == ("225 us", 1.25)
    refused = table["`start` failed over to Bandwidth: the primary refuses the connection (clients' retries off)"]
    assert (refused.value, refused.ratio) == ("2.5 ms (+0.5 ms)", 1.25)
    fair = table["Bandwidth verify, 20 ms server delay: ours async, 50 tasks (calls/s, client CPU per call)"]
    assert (fair.ratio, fair.reference) == (0.8, "official SDK, 50 threads: 1250 calls/s, 500 us")
    memory = table["memory per in-flight call, 100 verifies held 500 ms: ours async (tasks)"]
    assert (memory.value, memory.ratio) == ("25 KiB", 0.5)
    assert all(row.target == "" and row.met is None for row in table.values())  # reported, not targeted


def test_the_prism_group_says_why_it_did_not_run_without_node(monkeypatch: pytest.MonkeyPatch) -> None:
    from scripts.bench import prism
    from scripts.bench._report import rows

    monkeypatch.delenv("PRISM_BIN", raising=False)
    monkeypatch.setattr("shutil.which", lambda _: None)
    result = prism.run(Settings(quick=True))
    assert result == {"skipped": "Node.js (node and npm) is not on the PATH"}
    (row,) = rows({"prism": result})
    assert (row.group, row.value, row.reference, row.ratio) == ("prism", "not run", result["skipped"], None)


def test_prism_rows_put_ours_and_prism_side_by_side() -> None:
    from scripts.bench._report import rows

    def run(rate: float, cpu: float) -> dict[str, Any]:
        return {"requests_per_second": rate, "p50_ms": 2.0, "p99_ms": 5.0, "server_cpu_us_per_request": cpu}

    operation = {"mock": run(4000.0, 200.0), "prism": run(1000.0, 800.0), "requests_per_second_ratio": 4.1}
    figures = {
        "send": operation,
        "verify": operation,
        "memory": {"mock": {"rss_mib": 30.0, "peak_rss_mib": 31.0}, "prism": {"rss_mib": 150.0, "peak_rss_mib": 160.0}},
        "start_seconds": {"mock": 0.2, "prism": 1.0},
    }
    result = {
        "prism_version": "5.14.2",
        "concurrency": 16,
        "vendors": {"bandwidth": figures, "infobip": {"skipped": "x"}},
    }
    table = {row.measurement: row for row in rows({"prism": result})}
    send = table[
        "Bandwidth send, 16 connections: requests/s (p50 / p99), ours with state against Prism's stateless examples"
    ]
    assert (send.value, send.reference, send.ratio) == (
        "4000/s (2.0 / 5.0 ms)",
        "Prism 5.14.2 1000/s (2.0 / 5.0 ms)",
        4.1,
    )
    assert table["Bandwidth send: server CPU per request (capacity ratio)"].ratio == 4.0
    memory = table["Bandwidth: server RSS after the load (peak)"]
    assert (memory.value, memory.reference, memory.ratio) == ("30 MiB (31)", "Prism 5.14.2 150 MiB (160)", 0.2)
    assert table["Bandwidth: start, from spawning the process to its port accepting connections"].ratio == 0.2
    assert table["Infobip: the mock against Stoplight Prism"].value == "not run"


def test_prism_is_sent_the_paths_it_serves() -> None:
    from scripts.bench.prism import without_base_path

    make = without_base_path(lambda _: b"POST /api/v1/accounts/1/code/verify HTTP/1.1\r\n\r\n", b"/api/v1")
    assert make(0) == b"POST /accounts/1/code/verify HTTP/1.1\r\n\r\n"
