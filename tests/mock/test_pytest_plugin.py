"""The pytest plugin's configuration (markers, indirect parameters) and its cost to a test run that uses none.

tests/mock/user_suite is the plugin used as a user would (and tests/test_packaging.py runs it from an install).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from twofa_mocks import BandwidthMock, InfobipMock
from twofa_mocks.pytest_plugin import MockServer, _changes, _new_mock

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.twofa_mock(infobip={"resendExpiredPins": True, "callStatus": "MODULE"})


class TestTheNearestSettingWins:
    pytestmark = pytest.mark.twofa_mock(infobip={"callStatus": "CLASS"}, bandwidth={"lockoutThreshold": 7})

    @pytest.mark.twofa_mock(infobip={"default_pin_length": 6})
    def test_markers_merge_from_module_to_test(self, infobip_mock: InfobipMock, bandwidth_mock: BandwidthMock) -> None:
        config = infobip_mock.config
        assert (config.resend_expired_pins, config.call_status, config.default_pin_length) == (True, "CLASS", 6)
        assert bandwidth_mock.config.lockout_threshold == 7
        assert infobip_mock.clock.frozen

    @pytest.mark.parametrize("infobip_mock", [{"callStatus": "PARAM"}], indirect=True)
    def test_an_indirect_parameter_wins_over_markers(self, infobip_mock: InfobipMock) -> None:
        assert (infobip_mock.config.call_status, infobip_mock.config.resend_expired_pins) == ("PARAM", True)

    def test_the_server_is_configured_for_the_test(self, bandwidth_server: MockServer) -> None:
        assert bandwidth_server.mock.config.lockout_threshold == 7
        assert bandwidth_server.control.config()["lockoutThreshold"] == 7
        assert bandwidth_server.base_url == bandwidth_server.url + "/api/v1"


def test_the_server_of_the_next_test_is_back_to_its_defaults(bandwidth_server: MockServer) -> None:
    assert bandwidth_server.mock.config.lockout_threshold == 5


class Node:
    def __init__(self, *marks: pytest.MarkDecorator) -> None:
        self.marks = [mark.mark for mark in marks]

    def iter_markers(self, name: str) -> list[Any]:
        return [mark for mark in reversed(self.marks) if mark.name == name]


class Request:
    def __init__(self, *marks: pytest.MarkDecorator, **param: Any) -> None:
        self.node = Node(*marks)
        if param:
            self.param = param.get("value")


@pytest.mark.parametrize(
    ("request_", "reason"),
    [
        (Request(pytest.mark.twofa_mock(sinch={})), "takes only infobip= and bandwidth="),
        (Request(pytest.mark.twofa_mock({"x": 1})), "takes only infobip= and bandwidth="),
        (Request(pytest.mark.twofa_mock(infobip=["resendExpiredPins"])), "must be a dict"),
        (Request(value=["demoAccount"]), "must be a dict"),
    ],
)
def test_a_wrong_marker_or_parameter_fails_the_test_saying_why(request_: Request, reason: str) -> None:
    with pytest.raises(pytest.fail.Exception, match=reason):
        _changes(request_, "infobip")  # type: ignore[arg-type]


def test_a_bad_switch_fails_the_test_naming_it() -> None:
    with pytest.raises(pytest.fail.Exception, match="infobip configuration: unknown configuration field: nope"):
        _new_mock("infobip", {"nope": 1})
    with pytest.raises(pytest.fail.Exception, match="bandwidth configuration: lockoutThreshold"):
        _new_mock("bandwidth", {"lockoutThreshold": 0})


def test_loading_the_plugin_imports_neither_the_mock_nor_the_clients() -> None:
    """Every pytest run of a project that installed the toolkit loads the plugin: it must cost nothing."""
    code = (
        "import sys, twofa_mocks.pytest_plugin\n"
        "from twofa_mocks import MockControl, Fault, Delivery\n"
        "print(sorted(m for m in ('starlette', 'uvicorn', 'twofa_clients', 'yaml') if m in sys.modules))\n"
    )
    out = subprocess.run(  # noqa: S603 - a fixed program
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True
    )
    assert out.stdout.strip() == "[]"


def test_without_the_mock_extra_a_fixture_fails_saying_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    from tests.mock.test_cli import without

    without(monkeypatch, "starlette", "twofa_mocks._control")  # the first module _new_mock imports
    with pytest.raises(
        pytest.fail.Exception, match=r"pip install 'twofa-toolkit\[mock\]' \(No module named 'starlette"
    ):
        _new_mock("infobip", {})
