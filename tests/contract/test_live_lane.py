"""The contract suite as a user runs it, in a subprocess: an unknown target stops it; the live target,
aimed at the mocks on loopback, fails without credentials, creates and sends nothing by default,
creates only named and capped resources when allowed, fails naming the operations a spent budget did
not reach, and reports one JUnit case per operation with reproductions against the real address."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import httpx
import pytest
from twofa_mocks import BandwidthMock
from twofa_mocks import infobip as infobip_demo
from twofa_mocks.bandwidth import DEMO_ACCOUNT

from contract_tests import _live
from contract_tests._coverage import spec_operations
from contract_tests._drift import Variant, broken, on_status
from tests.contract._lane import FAST, clean_env, live_mocks, run_contract

INFOBIP_CONFORMANCE = "contract_tests/infobip/test_conformance.py"
STALE = ("contract-coverage.md", "contract-coverage.json", "contract-junit.xml")


def conformance_cases(testcases: list[Any]) -> dict[str, Any]:
    """operationId -> JUnit testcase of the conformance tests."""
    cases = {}
    for case in testcases:
        found = re.fullmatch(r"test_\w+_conforms\[[A-Z]+ [^\]]+\]\[([\w-]+)\]", str(case.get("name")))
        if found:
            cases[found.group(1)] = case
    return cases


def test_an_unknown_target_stops_the_run_listing_the_three_and_leaves_no_old_report(tmp_path: Path) -> None:
    for name in STALE:
        (tmp_path / name).write_text("from the previous run")
    # LIVE used to test the mock in silence; every other spelling is refused the same way (test_settings).
    outcome = run_contract(["contract_tests/bandwidth"], clean_env(CONTRACT_TARGET="LIVE"), tmp_path)
    assert outcome.returncode == pytest.ExitCode.USAGE_ERROR, outcome.output[-2000:]
    assert "CONTRACT_TARGET='LIVE' is not one of: asgi, http, live" in outcome.output
    assert sorted(path.name for path in tmp_path.iterdir()) == []


def test_live_without_credentials_fails_naming_the_variables_and_the_other_vendor_still_runs(
    tmp_path: Path,
) -> None:
    with live_mocks() as mocks:
        bandwidth_only = {k: v for k, v in mocks.credentials().items() if not k.startswith("INFOBIP_")}
        paths = ["contract_tests/infobip/test_live_credentials.py", "contract_tests/bandwidth/test_conformance.py"]
        outcome = run_contract(paths, clean_env(**FAST, **bandwidth_only), tmp_path)
    assert outcome.returncode == pytest.ExitCode.TESTS_FAILED, outcome.output[-3000:]
    assert "FAILED contract_tests/infobip/test_live_credentials.py::test_live_credentials_are_set" in outcome.output
    assert "infobip credentials missing: set INFOBIP_BASE_URL, INFOBIP_API_KEY (" in outcome.output
    coverage = outcome.coverage()
    assert (coverage["infobip"]["summary"]["requests"], coverage["infobip"]["summary"]["operations_run"]) == (0, 0)
    assert coverage["bandwidth"]["summary"]["operations_run"] == 1  # verifyCode: nothing is sent


def test_live_optional_skips_vendors_without_credentials_saying_why_but_a_run_of_nothing_fails(
    tmp_path: Path,
) -> None:
    paths = [f"contract_tests/{vendor}/test_live_credentials.py" for vendor in ("infobip", "bandwidth")]
    outcome = run_contract(paths, clean_env(CONTRACT_TARGET="live", CONTRACT_LIVE_OPTIONAL="1", **FAST), tmp_path)
    assert "FAILED contract_tests" not in outcome.output
    assert re.search(
        r"SKIPPED \[1\] .*infobip credentials missing: set INFOBIP_BASE_URL, INFOBIP_API_KEY", outcome.output
    )
    assert re.search(
        r"SKIPPED \[1\] .*bandwidth credentials missing: set BANDWIDTH_BASE_URL, BANDWIDTH_ACCOUNT_ID, "
        r"BANDWIDTH_USERNAME/BANDWIDTH_PASSWORD or BANDWIDTH_CLIENT_ID/BANDWIDTH_CLIENT_SECRET",
        outcome.output,
    )
    # Skipping is allowed, testing nothing is not.
    assert outcome.returncode == pytest.ExitCode.TESTS_FAILED, outcome.output[-3000:]
    assert "the live run made no request: nothing was tested" in outcome.output


def test_a_default_live_run_creates_and_sends_nothing_and_reports_each_operation(tmp_path: Path) -> None:
    with live_mocks() as mocks:
        outcome = run_contract(["contract_tests/infobip"], clean_env(**FAST, **mocks.credentials()), tmp_path)
        applications, sent = dict(mocks.infobip.store.applications), mocks.infobip.outbox.list()
    assert outcome.returncode == pytest.ExitCode.OK, outcome.output[-3000:]
    assert applications == {}
    assert sent == []
    cases = conformance_cases(outcome.testcases())
    assert sorted(cases) == sorted(spec_operations("infobip"))  # one JUnit case per operation
    ran = {op for op, case in cases.items() if case.find("skipped") is None}
    assert ran == {"get-2fa-applications", "verify-2fa-phone-number", "v1-get-2fa-applications",
                   "v1-verify-2fa-phone-number"}  # fmt: skip
    skipped = cases["create-2fa-application"].find("skipped")
    assert skipped is not None
    assert "needs CONTRACT_ALLOW_CREATES=1" in str(skipped.get("message"))
    summary = outcome.coverage()["infobip"]["summary"]
    assert summary["operations_run"] == 4
    assert summary["requests"] > 4 * 2
    assert (
        "needs CONTRACT_ALLOW_SENDS=1, INFOBIP_TEST_APPLICATION_ID, INFOBIP_TEST_MSISDN"
        in (summary["not_run"]["send-2fa-pin-code-over-sms"])
    )
    # The drift tests break a mock on purpose: never run live, and the reason is printed.
    assert "mock only: the drift tests break the mock on purpose; never run live" in outcome.output
    assert not [case for case in outcome.testcases() if "broken_variant" in str(case.get("name"))]


def test_an_exhausted_budget_fails_naming_the_operations_not_reached(tmp_path: Path) -> None:
    with live_mocks() as mocks:
        env = clean_env(**FAST, **mocks.credentials(), CONTRACT_REQUEST_BUDGET="12")
        outcome = run_contract([INFOBIP_CONFORMANCE], env, tmp_path)
    assert outcome.returncode == pytest.ExitCode.TESTS_FAILED, outcome.output[-3000:]
    not_reached = {"v1-get-2fa-applications", "v1-verify-2fa-phone-number"}
    for operation in not_reached:
        assert f"{operation}: not reached: CONTRACT_REQUEST_BUDGET=12 covers 2 of 4 operations" in outcome.output
    failed = {op for op, case in conformance_cases(outcome.testcases()).items() if case.find("failure") is not None}
    assert failed == not_reached
    summary = outcome.coverage()["infobip"]["summary"]
    assert summary["requests"] <= 12
    assert {op for op, why in summary["not_run"].items() if why.startswith("not reached")} == not_reached


def test_allowed_creates_are_named_contract_printable_bounded_and_capped(tmp_path: Path) -> None:
    with live_mocks() as mocks:
        headers = {"Authorization": f"App {infobip_demo.DEMO_API_KEY}"}
        app = httpx.post(f"{mocks.infobip_url}/2fa/2/applications", json={"name": "test app"}, headers=headers)
        app_id = app.json()["applicationId"]
        template = {"messageText": "Your PIN is {{pin}}", "pinType": "NUMERIC"}
        made = httpx.post(f"{mocks.infobip_url}/2fa/2/applications/{app_id}/messages", json=template, headers=headers)
        designated = {"INFOBIP_TEST_APPLICATION_ID": app_id, "INFOBIP_TEST_TEMPLATE_ID": made.json()["messageId"]}
        env = clean_env(**FAST, **mocks.credentials(), **designated, CONTRACT_ALLOW_CREATES="1")
        # The application operations: creates, the renaming update, and a read of the designated one.
        selected = "create-2fa-application or update-2fa-application or get-2fa-application]"
        outcome = run_contract([INFOBIP_CONFORMANCE], env, tmp_path, "-k", selected)
        applications = dict(mocks.infobip.store.applications)
    assert outcome.returncode == pytest.ExitCode.OK, outcome.output[-3000:]
    created = [a for a in applications.values() if a.id != app_id]
    assert created  # creates ran ...
    assert len(created) <= _live.MAX_CREATES  # ... within the cap
    for application in applications.values():  # the designated one was renamed by the update runs
        assert application.name.startswith(_live.NAME_PREFIX), application.name
        assert application.name.isprintable()
        assert len(application.name) <= _live.MAX_NAME_LENGTH
    table = {row["operation"]: row for row in outcome.coverage()["infobip"]["operations"]}
    assert table["get-2fa-application"]["documented"]["200"] > 0  # pinned to the designated application
    assert table["v1-get-2fa-application"]["documented"]["200"] > 0


def test_a_live_failure_names_its_operation_and_reproduces_against_the_real_address(tmp_path: Path) -> None:
    wrong_type = Variant("wrong field type", "verifyCode", "/code/verify", on_status(200, body={"valid": "yes"}), "")
    with live_mocks(bandwidth_app=broken(BandwidthMock().app, wrong_type)) as mocks:
        env = clean_env(**FAST, **mocks.credentials())
        outcome = run_contract(["contract_tests/bandwidth/test_conformance.py"], env, tmp_path)
        url = mocks.bandwidth_url
    assert outcome.returncode == pytest.ExitCode.TESTS_FAILED, outcome.output[-3000:]
    failed = [line for line in outcome.output.splitlines() if line.startswith("FAILED ")]
    assert len(failed) == 1
    assert failed[0].startswith(
        "FAILED contract_tests/bandwidth/test_conformance.py::"
        "test_bandwidth_conforms[POST /accounts/{accountId}/code/verify][verifyCode]"
    )
    reproduction = next(line for line in outcome.output.splitlines() if "curl -X POST" in line)
    assert reproduction.endswith(f" {url}/api/v1/accounts/{DEMO_ACCOUNT}/code/verify")
    assert ".mock/" not in outcome.output


def test_a_mock_run_names_each_case_by_operation_and_counts_no_drift_request(tmp_path: Path) -> None:
    paths = ["contract_tests/bandwidth/test_conformance.py", "contract_tests/bandwidth/test_drift.py"]
    # The real mock and the one variant that answers an undocumented status (202) are enough here.
    outcome = run_contract(paths, clean_env(CONTRACT_EXAMPLES="1"), tmp_path, "-k", "conforms or undocumented")
    assert outcome.returncode == pytest.ExitCode.OK, outcome.output[-3000:]
    assert sorted(conformance_cases(outcome.testcases())) == sorted(spec_operations("bandwidth"))
    assert any("undocumented status" in str(case.get("name")) for case in outcome.testcases())  # the drift test ran
    bandwidth = outcome.coverage()["bandwidth"]
    # The "undocumented status" variant answers 202; only requests to the real mock are counted.
    assert bandwidth["summary"]["undocumented_statuses_seen"] == {}
    assert bandwidth["summary"]["base_url"] == "http://127.0.0.1:8082/api/v1"  # what `make mock` serves
