"""Contract-suite wiring: settings, hypothesis profiles, one test per operation, what a live run may
send and how much, the coverage recorder and the report files.

CONTRACT_TARGET           asgi (default), http or live; anything else stops the run
CONTRACT_PROFILE          dev (default, CI-sized) or thorough
CONTRACT_EXAMPLES         examples per operation (overrides the profile)
CONTRACT_SEED             a fixed seed, for reproducing a run
CONTRACT_REPORTS          where JUnit XML and the coverage table go (default: reports/)
CONTRACT_REQUEST_BUDGET   live: the most requests a run makes (default 500), shared out per operation
CONTRACT_LIVE_OPTIONAL    live: 1 skips a vendor without credentials instead of failing the run
CONTRACT_ALLOW_CREATES    live: 1 lets operations that create a resource run (capped, named contract-...)
CONTRACT_ALLOW_SENDS      live: 1 lets operations that send a PIN run (to the test destination, capped)
CONTRACT_RATE_LIMIT       live: requests per second, minute or hour (default 5/s)
"""

from __future__ import annotations

import os
import time
from collections.abc import Generator
from pathlib import Path
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.generation.hypothesis.builder import ApiOperationMark

from contract_tests import _budget, _live
from contract_tests._coverage import COVERAGE, REPORT_FILES
from contract_tests._settings import SettingsError, current
from contract_tests._targets import counted_target, stop_servers, vendor_of

MAX_RETRY_AFTER = 60.0
NO_REQUEST = "the live run made no request: nothing was tested (see the reasons above)"
_pause_until = 0.0  # live runs: when the vendor last asked us (Retry-After) to come back
_NOT_REACHED = pytest.StashKey[str]()
_KEY = pytest.StashKey[_budget.Key]()


def _remove_previous_reports(config: pytest.Config) -> None:
    """A run that stops early must not leave the last run's reports looking like its own."""
    reports = Path(os.environ.get("CONTRACT_REPORTS") or "reports")
    junit = getattr(config.option, "xmlpath", None)
    for path in [*(reports / name for name in REPORT_FILES), *([Path(junit)] if junit else [])]:
        path.unlink(missing_ok=True)


def pytest_configure(config: pytest.Config) -> None:
    _remove_previous_reports(config)
    try:
        run = current()
    except SettingsError as exc:
        raise pytest.UsageError(str(exc)) from None
    # Skip reasons are always printed: a not-run operation must be seen, not only counted.
    if "s" not in config.option.reportchars and "a" not in config.option.reportchars:
        config.option.reportchars += "s"
    settings.register_profile(
        "dev",
        max_examples=run.examples or 40,
        deadline=None,
        derandomize=run.seed is None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much, HealthCheck.data_too_large],
        database=None,
    )
    settings.register_profile("thorough", parent=settings.get_profile("dev"), max_examples=run.examples or 300)
    settings.load_profile(run.profile)
    if run.seed is not None:
        config.option.hypothesis_seed = run.seed


def pytest_ignore_collect(collection_path: Path, config: pytest.Config) -> bool | None:
    """The credentials check exists for live runs only (a mock's credentials are its demo ones)."""
    if collection_path.name == "test_live_credentials.py" and not current().live:
        return True
    return None


@pytest.fixture
def anyio_backend() -> str:
    """The lifecycle scenarios are async (httpx.AsyncClient reaches the in-process mock)."""
    return "asyncio"


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """One test per operation, named by its operationId (in the JUnit file and on a FAILED line)."""
    operation = ApiOperationMark.get(metafunc.function)
    if operation is not None and "operation_id" in metafunc.fixturenames:
        operation_id = str(operation.definition.raw.get("operationId", operation.label))
        metafunc.parametrize("operation_id", [operation_id], ids=[operation_id])


def _operation_key(item: pytest.Item) -> _budget.Key | None:
    vendor = vendor_of(item.path)
    callspec = getattr(item, "callspec", None)
    if vendor is None or callspec is None or "operation_id" not in callspec.params:
        return None
    return vendor, str(callspec.params["operation_id"])


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    run = current()
    for item in items:
        key = _operation_key(item)
        vendor = vendor_of(item.path)
        plan = COVERAGE.plans.get(vendor) if vendor else None
        if key is not None:
            item.stash[_KEY] = key
            if plan is not None and not plan.runs(key[1]):
                item.add_marker(pytest.mark.skip(reason=f"not run: {key[1]}: {plan.not_run[key[1]]}"))
    if not run.live:
        return
    for item in items:
        vendor = vendor_of(item.path)
        problem = _credentials_problem(vendor)
        if problem and item.name != "test_live_credentials_are_set" and _KEY not in item.stash:
            item.add_marker(pytest.mark.skip(reason=f"not run: {problem}"))
    vendors = list(dict.fromkeys(v for item in items if (v := vendor_of(item.path)) and v in COVERAGE.plans))
    running = [(v, op) for v in vendors for op in COVERAGE.plans[v].running]
    kinds = {(v, op): COVERAGE.plans[v].kind(op) for v, op in running}
    _budget.ALLOWANCES = _budget.allocate(
        run.request_budget,
        running,
        creates=[key for key in running if kinds[key] == _live.CREATE],
        sends=[key for key in running if kinds[key] == _live.SEND],
        max_creates=_live.MAX_CREATES,
        max_sends=_live.MAX_SENDS,
    )
    COVERAGE.not_reached = _budget.ALLOWANCES.not_reached()
    for item in items:
        key = item.stash.get(_KEY, None)
        if key in COVERAGE.not_reached:
            item.stash[_NOT_REACHED] = COVERAGE.not_reached[key]
    # The lifecycle scenarios make a request or two per operation; they go first so that the
    # conformance runs, which stop at their share, cannot leave them without one.
    items.sort(key=lambda item: (_order(vendors, item), "test_lifecycle" not in item.path.name))


def _order(vendors: list[str], item: pytest.Item) -> int:
    vendor = vendor_of(item.path)
    return vendors.index(vendor) if vendor in vendors else -1


def _credentials_problem(vendor: str | None) -> str:
    plan = COVERAGE.plans.get(vendor) if vendor else None
    return plan.credentials_problem if plan is not None else ""


@pytest.hookimpl(wrapper=True)
def pytest_pyfunc_call(pyfuncitem: pytest.Function) -> Generator[None, Any, Any]:
    """A conformance run ends at its operation's allowance (a pass, unless it failed before), and an
    operation that got no request at all fails: a check that ran nothing is not green."""
    key = pyfuncitem.stash.get(_KEY, None)
    if key is None:
        return (yield)
    if _NOT_REACHED in pyfuncitem.stash:
        pytest.fail(f"{key[1]}: {pyfuncitem.stash[_NOT_REACHED]}", pytrace=False)
    try:
        result = yield
    except _budget.ShareSpent as spent:
        failure = _budget.FIRST_FAILURE.get(key)
        if failure is not None:
            raise failure from None
        if not _budget.ALLOWANCES.spent[key]:
            pytest.fail(str(spent), pytrace=False)
        COVERAGE.stopped[key] = f"stopped after {_budget.ALLOWANCES.spent[key]} requests, {spent.reason}"
        return True
    if not _requests_made(key):
        pytest.fail(f"{key[1]}: its conformance run made no request", pytrace=False)
    return result


def _requests_made(key: _budget.Key) -> int:
    vendor, operation_id = key
    return sum(n for (op, _), n in COVERAGE.seen[vendor].items() if op == operation_id)


@schemathesis.hook
def before_call(context: Any, case: Any, kwargs: Any) -> None:
    """Live runs: pin the request to the test resources, spend its allowance, honour a Retry-After."""
    target = counted_target(case.operation.schema)
    if target is None or target.plan is None or target.kind != "live":
        return
    operation_id = str(case.operation.definition.raw.get("operationId"))
    if case.path_parameters is None:
        case.path_parameters = {}
    _live.pin_request(target.plan, operation_id, case.path_parameters, case.body)
    _budget.ALLOWANCES.spend((target.vendor, operation_id))
    wait = _pause_until - time.monotonic()
    if wait > 0:
        time.sleep(wait)  # live only: honouring the vendor's Retry-After; CI never runs live


@schemathesis.hook
def after_call(context: Any, case: Any, response: Any) -> None:
    """Record (vendor, operation, status) for every request of the suite proper (not of the drift mocks)."""
    global _pause_until
    target = counted_target(case.operation.schema)
    if target is None:
        return
    operation_id = str(case.operation.definition.raw.get("operationId", case.operation.label))
    COVERAGE.record(target.vendor, operation_id, response.status_code)
    _budget.ALLOWANCES.settle((target.vendor, operation_id), response.status_code)
    if target.kind == "live" and response.status_code in (429, 503):
        try:
            delay = min(float(response.headers.get("retry-after", ["1"])[0]), MAX_RETRY_AFTER)
        except (TypeError, ValueError, IndexError):
            delay = 1.0
        _pause_until = time.monotonic() + delay


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Generator[None, Any, Any]:
    """A not-run operation's skip points at its test, not at schemathesis' wrapper of it."""
    report = yield
    test_function = getattr(item, "test_function", None)
    if _KEY in item.stash and report.skipped and isinstance(report.longrepr, tuple) and test_function:
        line = test_function.__code__.co_firstlineno
        report.longrepr = (item.nodeid.split("::")[0], line, report.longrepr[2])
    return report


def _made_no_live_request() -> bool:
    return current().live and not sum(COVERAGE.requests.values())


def pytest_sessionfinish(session: pytest.Session) -> None:
    stop_servers()
    if COVERAGE.vendors():
        COVERAGE.write(current().reports)
    if _made_no_live_request() and session.exitstatus == pytest.ExitCode.OK:
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


def pytest_terminal_summary(terminalreporter: Any) -> None:
    if not COVERAGE.vendors():
        return
    terminalreporter.section(f"contract coverage (target: {current().target})")
    terminalreporter.write(COVERAGE.markdown())
    for name in REPORT_FILES:
        terminalreporter.write_line(f"written: {current().reports / name}")
    if _made_no_live_request():
        terminalreporter.write_line(f"FAILED: {NO_REQUEST}", red=True)
