"""The coverage report: per vendor a summary line, per operation the documented statuses seen, the
undocumented ones seen, and for an operation that did not run, why."""

from __future__ import annotations

import json
from pathlib import Path

from contract_tests import _live
from contract_tests._coverage import Coverage, spec_operations
from contract_tests._settings import from_env

BANDWIDTH = spec_operations("bandwidth")


def live_coverage() -> Coverage:
    coverage = Coverage()
    plan = _live.live_plan("bandwidth", BANDWIDTH, from_env({"CONTRACT_TARGET": "live"}), {}, "")
    coverage.plan("bandwidth", "https://mfa.bandwidth.example/api/v1", plan)
    for status in (200, 200, 400, 401, 405, 405, 418):
        coverage.record("bandwidth", "verifyCode", status)
    coverage.stopped[("bandwidth", "verifyCode")] = "stopped after 7 requests, its share"
    return coverage


def test_the_summary_line_counts_operations_statuses_and_names_the_target() -> None:
    markdown = live_coverage().markdown()
    assert "## bandwidth (live, https://mfa.bandwidth.example/api/v1)" in markdown
    assert (
        "1 of 3 operations run, 2 not run; 7 requests; 3/16 documented statuses seen; "
        "undocumented statuses seen: 405 on 1 operation, 418 on 1 operation"
    ) in markdown


def test_the_table_lists_undocumented_statuses_per_operation_and_marks_what_did_not_run() -> None:
    lines = live_coverage().markdown().splitlines()
    assert "| operation | 200 | 400 | 401 | 403 | 429 | 500 | undocumented seen |" in lines
    assert "| verifyCode | ✓ 2 | ✓ 1 | ✓ 1 | · | · | · | 405 (2), 418 (1) |" in lines
    assert "| generateVoiceCode | - | - | - | - | - | - | not run |" in lines
    assert "- generateVoiceCode: calls with a code: needs CONTRACT_ALLOW_SENDS=1, BANDWIDTH_FROM_NUMBER, " in "\n".join(
        lines
    )
    assert "- verifyCode: stopped after 7 requests, its share" in lines


def test_the_json_holds_the_same_per_vendor_summary_and_rows(tmp_path: Path) -> None:
    written = live_coverage().write(tmp_path)
    assert [path.name for path in written] == ["contract-coverage.md", "contract-coverage.json"]
    data = json.loads((tmp_path / "contract-coverage.json").read_text())["bandwidth"]
    summary = data["summary"]
    assert (summary["operations_run"], summary["requests"], summary["target"]) == (1, 7, "live")
    assert (summary["documented_statuses_seen"], summary["documented_statuses"]) == (3, 16)
    assert summary["undocumented_statuses_seen"] == {"405": 1, "418": 1}
    assert set(summary["not_run"]) == {"generateMessagingCode", "generateVoiceCode"}
    verify = next(row for row in data["operations"] if row["operation"] == "verifyCode")
    assert verify["undocumented_seen"] == {"405": 2, "418": 1}
    assert verify["requests"] == 7


def test_an_operation_planned_to_run_that_got_no_request_says_so() -> None:
    coverage = Coverage()
    coverage.plan("bandwidth", "http://127.0.0.1:8082/api/v1", _live.mock_plan("bandwidth", "asgi", BANDWIDTH))
    coverage.record("bandwidth", "verifyCode", 200)
    rows = {row["operation"]: row for row in coverage.table("bandwidth")}
    assert rows["verifyCode"]["not_run"] == ""
    assert rows["generateVoiceCode"]["not_run"].startswith("no request was made")
