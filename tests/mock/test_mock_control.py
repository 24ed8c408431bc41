"""MockControl: the /_mock/ control surface read and driven over HTTP, typed, with the token when there is one."""

from __future__ import annotations

import socket
from collections.abc import Iterator

import httpx
import pytest
from twofa_mocks import (
    BandwidthMock,
    ClockState,
    ControlAccess,
    Fault,
    InfobipMock,
    MockControl,
    MockControlError,
    SyncInProcessTransport,
    _access,
    _remote,
    run_in_thread,
)
from twofa_mocks.bandwidth import DEMO_ACCOUNT, DEMO_PASSWORD, DEMO_USER

URL = "http://127.0.0.1:8082"  # a loopback Host: the control surface answers it
TO = "+19195551234"
SEND = f"/api/v1/accounts/{DEMO_ACCOUNT}/code/messaging"
CODE_REQUEST = {"to": TO, "from": "+19195554321", "applicationId": "a", "message": "{CODE}", "digits": 6}


@pytest.fixture
def mock() -> BandwidthMock:
    return BandwidthMock(control=ControlAccess())


@pytest.fixture
def control(mock: BandwidthMock) -> Iterator[MockControl]:
    with MockControl(URL, transport=SyncInProcessTransport(mock.app)) as remote:
        yield remote


def send(mock: BandwidthMock, to: str = TO) -> None:
    with httpx.Client(
        transport=SyncInProcessTransport(mock.app), base_url=URL, auth=(DEMO_USER, DEMO_PASSWORD)
    ) as http:
        assert http.post(SEND, json={**CODE_REQUEST, "to": to}).status_code == 200


def test_the_outbox_and_last_code(mock: BandwidthMock, control: MockControl) -> None:
    assert control.outbox() == []
    with pytest.raises(LookupError, match=r"sent nothing to '\+19195551234'"):
        control.last_code(TO)
    send(mock)
    send(mock, "+19195550000")
    assert control.last_code(TO) == mock.outbox.list(TO)[-1].code
    assert control.last_code(TO.lstrip("+")) == control.last_code(TO)  # with or without the "+"
    assert control.outbox(TO) == mock.outbox.list(TO)
    assert len(control.outbox()) == 2
    last = control.last(TO)
    assert last is not None
    assert (last.channel, last.to) == ("sms", TO)


def test_clock_faults_config_and_reset(mock: BandwidthMock, control: MockControl) -> None:
    start = control.clock()
    assert start == ClockState(mock.clock.now(), True)
    assert control.advance(90).now == start.now + 90
    assert control.freeze(False).frozen is False
    assert control.freeze().frozen is True
    pending = control.add_fault(Fault(operation="verifyCode", status=503, retry_after=2, remaining=3))
    assert pending == control.faults() == [Fault("verifyCode", 503, 2.0, 0.0, False, 3)]
    control.clear_faults()
    assert control.faults() == []
    assert control.configure({"lockoutThreshold": 2}, consume_on_success=False)["lockoutThreshold"] == 2
    assert (mock.config.lockout_threshold, mock.config.consume_on_success) == (2, False)
    assert control.config()["consumeOnSuccess"] is False
    send(mock)
    control.reset()
    assert (control.outbox(), control.config()["lockoutThreshold"]) == ([], 5)
    assert start.now <= control.clock().now < start.now + 90  # the advance is gone (the wall clock moved on)
    assert control.health() is True
    assert control.spec().startswith("openapi: 3.1.0")


def test_refusals_carry_the_mocks_reason_and_change_nothing(mock: BandwidthMock, control: MockControl) -> None:
    with pytest.raises(MockControlError) as bad:
        control.configure(lockoutThreshold="2")
    assert (bad.value.status_code, bad.value.reason) == (400, 'lockoutThreshold: "2" is not a valid int')
    with pytest.raises(MockControlError) as advance:
        control.advance(-1)
    assert advance.value.status_code == 400
    assert "only moves forward" in advance.value.reason
    assert mock.config.lockout_threshold == 5


def test_the_token_is_sent_and_never_shown(mock: BandwidthMock, monkeypatch: pytest.MonkeyPatch) -> None:
    guarded = InfobipMock(control=ControlAccess(token="s3cret-token"))
    transport = SyncInProcessTransport(guarded.app)
    with MockControl(URL, transport=transport) as without, pytest.raises(MockControlError) as refused:
        without.reset()
    assert refused.value.status_code == 401
    with MockControl(URL, token="s3cret-token", transport=SyncInProcessTransport(guarded.app)) as given:
        given.reset()
        given.clear_faults()  # DELETE is a control write: JSON too, or the mock answers 415
        assert "s3cret" not in repr(given)
    monkeypatch.setenv(_remote.TOKEN_ENV, "s3cret-token")
    with MockControl(URL, transport=SyncInProcessTransport(guarded.app)) as from_environment:
        assert from_environment.health()


def test_the_names_match_the_control_surface() -> None:
    assert _remote.TOKEN_HEADER.lower().encode() == _access.TOKEN_HEADER
    assert _remote.TOKEN_ENV == _access.TOKEN_ENV


def closed_port() -> int:
    """A loopback port nothing listens on (bound, then closed): connecting is refused at once."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_an_unreachable_mock_is_a_clear_error() -> None:
    with (
        MockControl(f"http://127.0.0.1:{closed_port()}", timeout=2) as control,
        pytest.raises(MockControlError, match=r"cannot reach the mock at http://127\.0\.0\.1:"),
    ):
        control.outbox()


def test_over_real_http_with_an_unencoded_plus(mock: BandwidthMock) -> None:
    with run_in_thread(mock.app) as server, MockControl(server.url) as control:
        send(mock)
        assert control.last_code(TO) == mock.outbox.list(TO)[-1].code
        raw = httpx.get(f"{server.url}/_mock/outbox?to={TO}").json()  # "+" unencoded: a space once decoded
        assert [d["to"] for d in raw["deliveries"]] == [TO]
