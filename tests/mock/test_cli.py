"""`twofa-mock` (python -m twofa_mocks, make mock): options, the configuration file, the banner, start errors.

Serving itself is replaced by a recorder here; the installed command serving and stopping on SIGTERM is
tests/test_packaging.py's end-to-end test.
"""

from __future__ import annotations

import json
import socket
import sys
from pathlib import Path
from typing import Any

import pytest
from twofa_mocks import _cli
from twofa_mocks.bandwidth import DEMO_ACCOUNT, DEMO_PASSWORD, DEMO_USER
from twofa_mocks.infobip import DEMO_API_KEY, DEMO_APPLICATION_ID, DEMO_EMAIL_MESSAGE_ID, DEMO_SMS_MESSAGE_ID

FREE = ["--infobip-port", "0", "--bandwidth-port", "0"]


@pytest.fixture
def served(monkeypatch: pytest.MonkeyPatch) -> list[_cli.Listener]:
    """What main() would have served, instead of serving it."""
    listeners: list[_cli.Listener] = []

    async def record(given: list[_cli.Listener], protocol: Any) -> None:
        listeners.extend(given)

    monkeypatch.setattr(_cli, "serve", record)
    return listeners


def one_line_error(capsys: pytest.CaptureFixture[str]) -> str:
    captured = capsys.readouterr()
    assert captured.out == ""  # no banner before the error
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1, captured.err
    assert lines[0].startswith("twofa-mock: ")
    return lines[0]


def test_a_taken_port_is_one_line_and_exit_2(capsys: pytest.CaptureFixture[str], served: list[_cli.Listener]) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        assert _cli.main(["--bandwidth-port", str(port), "--infobip-port", "0"]) == 2
    line = one_line_error(capsys)
    assert f"127.0.0.1:{port} (bandwidth)" in line
    assert "in use" in line
    assert served == []


def test_free_ports_are_picked_and_printed_with_client_lines_and_demo_ids(
    capsys: pytest.CaptureFixture[str], served: list[_cli.Listener]
) -> None:
    assert _cli.main([*FREE, "--frozen-clock"]) == 0
    infobip, bandwidth = served
    ib_port, bw_port = (int(listener.url.rsplit(":", 1)[1]) for listener in served)
    assert 0 not in (ib_port, bw_port)
    out = capsys.readouterr().out
    assert f'InfobipClient("http://127.0.0.1:{ib_port}", api_key="{DEMO_API_KEY}")' in out
    base = f"http://127.0.0.1:{bw_port}/api/v1"
    assert (
        f'BandwidthClient("{DEMO_ACCOUNT}", username="{DEMO_USER}", password="{DEMO_PASSWORD}", base_url="{base}")'
        in out
    )
    for demo_id in (DEMO_APPLICATION_ID, DEMO_SMS_MESSAGE_ID, DEMO_EMAIL_MESSAGE_ID):
        assert demo_id in out
    assert f'MockControl("http://127.0.0.1:{ib_port}")' in out
    assert f"http://127.0.0.1:{bw_port}/_mock/" in out
    assert "frozen" in out
    assert (infobip.mock.clock.frozen, bandwidth.mock.clock.frozen) == (True, True)
    assert infobip.sock.fileno() == bandwidth.sock.fileno() == -1  # closed once serving ends


def test_vendor_picks_one_mock(capsys: pytest.CaptureFixture[str], served: list[_cli.Listener]) -> None:
    assert _cli.main(["--vendor", "bandwidth", "--bandwidth-port", "0"]) == 0
    assert [listener.vendor for listener in served] == ["bandwidth"]
    assert "Infobip" not in capsys.readouterr().out


def test_a_json_and_a_yaml_configuration_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], served: list[_cli.Listener]
) -> None:
    settings = tmp_path / "mock.json"
    settings.write_text(json.dumps({"infobip": {"demoAccount": False}, "bandwidth": {"lockoutThreshold": 3}}))
    assert _cli.main([*FREE, "--config", str(settings)]) == 0
    assert served[0].mock.store.applications == {}
    assert served[1].mock.config.lockout_threshold == 3
    assert "no demo application" in capsys.readouterr().out
    served.clear()
    yaml_file = tmp_path / "mock.yaml"
    yaml_file.write_text("bandwidth:\n  denied_identities: [demo-api-user]\n  deniedIdentitiesAnyPassword: true\n")
    assert _cli.main([*FREE, "--config", str(yaml_file)]) == 0
    assert served[1].mock.config.denied_identities == frozenset({DEMO_USER})
    assert served[1].mock.config.denied_identities_any_password is True
    assert DEMO_APPLICATION_ID in served[0].mock.store.applications


@pytest.mark.parametrize(
    ("name", "text", "reason"),
    [
        ("bad.json", "{", "not valid JSON"),
        ("bad.yaml", "infobip: [", "not valid YAML"),
        ("list.json", "[]", "expected a mapping"),
        ("section.json", '{"sinch": {}}', "unknown sections ['sinch']"),
        ("shape.yaml", "infobip: 3", "infobip must be a mapping"),
        ("field.json", '{"infobip": {"noSuchSwitch": 1}}', "unknown configuration field: noSuchSwitch"),
        ("value.json", '{"bandwidth": {"lockoutThreshold": 0}}', "lockoutThreshold"),
        ("type.json", '{"infobip": {"demoAccount": "false"}}', "demoAccount"),
        ("huge.json", " " * (_cli.MAX_CONFIG_BYTES + 1), "larger than"),
        ("missing.json", None, "No such file"),
    ],
)
def test_a_bad_configuration_file_is_one_line_and_exit_2(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    served: list[_cli.Listener],
    name: str,
    text: str | None,
    reason: str,
) -> None:
    path = tmp_path / name
    if text is not None:
        path.write_text(text)
    assert _cli.main([*FREE, "--config", str(path)]) == 2
    line = one_line_error(capsys)
    assert reason in line
    assert str(path) in line or "--config" in line
    assert served == []


def test_other_start_errors_are_one_line(capsys: pytest.CaptureFixture[str], served: list[_cli.Listener]) -> None:
    assert _cli.main(["--infobip-port", "70000", "--vendor", "infobip"]) == 2
    assert "0 (any free one) to 65535" in one_line_error(capsys)
    assert _cli.main(["--host", "no-such-host.invalid", *FREE]) == 2
    assert "no-such-host.invalid" in one_line_error(capsys)
    assert _cli.main([*FREE, "--header-timeout", "-1"]) == 2
    one_line_error(capsys)
    assert served == []


def test_client_lines_for_ipv6_and_wildcard_hosts() -> None:
    assert _cli.client_host("::1") == "[::1]"
    assert _cli.client_host("0.0.0.0") == "127.0.0.1"  # noqa: S104 - a string, nothing is bound
    assert _cli.client_host("::") == "[::1]"
    assert _cli.client_host("localhost") == "localhost"
    assert _cli._insecure("127.0.0.1") == ""
    assert _cli._insecure("192.0.2.10") == ", allow_insecure_http=True"


def without(monkeypatch: pytest.MonkeyPatch, package: str, module: str) -> None:
    """Make ``package`` unimportable (as without the [mock] extra), and ``module``, which imports it first, not
    yet imported: its import fails, leaving no module behind (monkeypatch puts the originals back)."""
    for name in list(sys.modules):
        if name in (package, module) or name.startswith(f"{package}."):
            monkeypatch.delitem(sys.modules, name)
    monkeypatch.setitem(sys.modules, package, None)


def test_without_the_mock_extra_the_command_says_what_to_install(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    without(monkeypatch, "uvicorn", "twofa_mocks._protocol")
    assert _cli.main(FREE) == 2
    line = one_line_error(capsys)
    assert "pip install 'twofa-toolkit[mock]'" in line
    assert "uvicorn" in line
