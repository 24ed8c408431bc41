"""Client response fuzzing: whatever comes back, every layer method returns a result or raises one of
the layer's own exceptions (``TwoFactorError`` and subclasses). Nothing else, ever.

Every operation of both vendors, sync and async, meets hypothesis-generated answers (see
``_responses.py``): valid bodies and forward-compatible drift must come back as correctly typed
results; everything else may fail, but only as a typed error, after retries that stay within the
policy (bounded, honest waits, and a send repeated only when its connection never opened).
Cases tried and untyped exceptions go to reports/reliability.json.
"""

from __future__ import annotations

import asyncio
import math
from collections.abc import Callable
from typing import Any

import httpx
import pytest
from hypothesis import given
from hypothesis import strategies as st
from twofa_clients import (
    APIStatusError,
    AsyncBandwidthClient,
    AsyncInfobipClient,
    BandwidthClient,
    InfobipClient,
    RetryPolicy,
    Safety,
    TwoFactorError,
    VerifyResult,
)
from twofa_clients._call import Operation
from twofa_clients._shape import mismatch
from twofa_clients.bandwidth import _operations as bandwidth_ops
from twofa_clients.infobip import _operations as infobip_ops

from tests.clients.fakes import API_KEY, CLIENT_ID, CLIENT_SECRET, PASSWORD, USERNAME, RecordedSleeps
from tests.clients.test_operations import (
    BANDWIDTH,
    BANDWIDTH_CALLS,
    INFOBIP,
    INFOBIP_CALLS,
    build_args,
    method_name,
    spec_operation,
)
from tests.reliability._report import COLLECTOR
from tests.reliability._responses import Reply, replies, token_replies
from tests.reliability._settings import fuzz_settings

SECTION = "client_fuzz"
KINDS = "client_fuzz_answer_kinds"
TOKEN_URL = "https://auth.example/oauth2/token"
NEVER_SENT = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout)
MAX_RETRIES = 2

OPERATIONS: dict[str, Operation[Any]] = {
    op.name: op for module in (infobip_ops, bandwidth_ops) for op in vars(module).values() if isinstance(op, Operation)
}


class Scripted:
    """Serves the drawn answers in order (the last one repeats) and counts what was asked."""

    def __init__(self) -> None:
        self.answers: list[Reply] = []
        self.token_answers: list[Reply] = []
        self.served: list[Reply] = []
        self.token_requests = 0

    def load(self, answers: list[Reply], token_answers: list[Reply] | None = None) -> None:
        self.answers, self.token_answers = answers, token_answers or []
        self.served, self.token_requests = [], 0

    def handler(self, request: httpx.Request) -> httpx.Response:
        if str(request.url) == TOKEN_URL:
            reply = self.token_answers[min(self.token_requests, len(self.token_answers) - 1)]
            self.token_requests += 1
            return reply.response(request)
        reply = self.answers[min(len(self.served), len(self.answers) - 1)]
        self.served.append(reply)
        return reply.response(request)

    @property
    def transport(self) -> httpx.MockTransport:
        return httpx.MockTransport(self.handler)


def _client(vendor: str, operation_id: str, flavour: str, transport: httpx.MockTransport, policy: RetryPolicy) -> Any:
    common: dict[str, Any] = {"transport": transport, "retry": policy}
    if vendor == "bandwidth":
        cls = BandwidthClient if flavour == "sync" else AsyncBandwidthClient
        return cls("9900000", username=USERNAME, password=PASSWORD, **common)
    cls_ib = InfobipClient if flavour == "sync" else AsyncInfobipClient
    creds: dict[str, Any] = (
        {"username": USERNAME, "password": PASSWORD} if operation_id == "v1-create-api-key" else {"api_key": API_KEY}
    )
    return cls_ib("https://ib.example", **creds, **common)


def _arguments(vendor: str, operation_id: str) -> tuple[list[Any], dict[str, Any]]:
    doc, calls = (INFOBIP, INFOBIP_CALLS) if vendor == "infobip" else (BANDWIDTH, BANDWIDTH_CALLS)
    call = calls[operation_id]
    _, _, op = spec_operation(doc, operation_id)
    return build_args(doc, op, call), call[2]


def check_outcome(
    vendor: str,
    operation_id: str,
    call: Callable[[], Any],
    scripted: Scripted,
    sleeps: RecordedSleeps,
    must_return: bool,
    attempts_per_try: int = 1,
) -> None:
    """Run one call and hold its outcome to the layer's promises; count it."""
    op = OPERATIONS[operation_id]
    sleeps.waits.clear()
    COLLECTOR.add(SECTION, "cases")
    COLLECTOR.add(SECTION, f"cases_{vendor}")
    COLLECTOR.add(SECTION, "untyped_exceptions", 0)  # present in the report even when zero
    error: TwoFactorError | None = None
    try:
        value = call()
    except TwoFactorError as err:
        error = err
    except Exception as exc:  # the one thing this suite exists to catch
        COLLECTOR.add(SECTION, "untyped_exceptions")
        raise AssertionError(f"untyped {type(exc).__name__} leaked from {operation_id}: {exc!r}") from exc
    if error is not None:
        COLLECTOR.add(SECTION, f"raised_{type(error).__name__}")
        assert str(error)
        assert repr(error)
        assert not must_return, f"a valid answer raised {error!r}"
        if isinstance(error, APIStatusError) and error.operation == operation_id:
            assert error.status_code == scripted.served[-1].status
            assert error.vendor == vendor
    else:
        COLLECTOR.add(SECTION, "returned")
        if "verify-2fa" in operation_id or operation_id == "verifyCode":
            assert isinstance(value, VerifyResult)
            assert isinstance(value.verified, bool)
        else:
            assert mismatch(value, op.ok) is None, f"{operation_id} returned a mistyped {value!r}"
        if must_return:
            COLLECTOR.add(SECTION, "valid_answers_returned")
    # Retries stay within the policy: bounded, finite waits within the Retry-After cap ...
    assert len(scripted.served) <= (1 + MAX_RETRIES) * attempts_per_try
    assert all(math.isfinite(w) and 0 <= w <= 60 for w in sleeps.waits), sleeps.waits
    COLLECTOR.add(SECTION, "requests", len(scripted.served) + scripted.token_requests)
    # ... and a send, resend or create is repeated only when its connection never opened.
    if op.safety is Safety.SEND:
        for earlier in scripted.served[:-1]:
            assert earlier.error in NEVER_SENT, f"{operation_id} was repeated after {earlier!r}"


def fuzz_operation(vendor: str, operation_id: str, flavour: str) -> None:
    scripted = Scripted()
    sleeps = RecordedSleeps()
    policy = sleeps.policy(max_retries=MAX_RETRIES)
    client = _client(vendor, operation_id, flavour, scripted.transport, policy)
    method = getattr(client, method_name(operation_id))
    args, kwargs = _arguments(vendor, operation_id)
    loop = asyncio.new_event_loop() if flavour == "async" else None

    def call() -> Any:
        if loop is not None:
            return loop.run_until_complete(method(*args, **kwargs))
        return method(*args, **kwargs)

    @fuzz_settings()
    @given(answers=st.lists(replies(vendor, operation_id), min_size=1, max_size=2))
    def run(answers: list[Reply]) -> None:
        scripted.load(answers)
        for answer in answers:
            COLLECTOR.add(KINDS, answer.kind)
        check_outcome(vendor, operation_id, call, scripted, sleeps, must_return=answers[0].must_return)

    try:
        run()
    finally:
        if loop is not None:
            loop.run_until_complete(client.aclose())
            loop.close()
        else:
            client.close()


@pytest.mark.parametrize("flavour", ["sync", "async"])
@pytest.mark.parametrize("operation_id", sorted(INFOBIP_CALLS))
def test_infobip_operation_survives_any_answer(operation_id: str, flavour: str) -> None:
    fuzz_operation("infobip", operation_id, flavour)


@pytest.mark.parametrize("flavour", ["sync", "async"])
@pytest.mark.parametrize("operation_id", sorted(BANDWIDTH_CALLS))
def test_bandwidth_operation_survives_any_answer(operation_id: str, flavour: str) -> None:
    fuzz_operation("bandwidth", operation_id, flavour)


@pytest.mark.parametrize("flavour", ["sync", "async"])
def test_bandwidth_oauth2_survives_any_token_answer(flavour: str) -> None:
    """The token endpoint is fuzzed too: a broken token answer is a typed error, never a leak."""
    scripted = Scripted()
    sleeps = RecordedSleeps()
    args, kwargs = _arguments("bandwidth", "verifyCode")

    @fuzz_settings(max_examples=max(50, 4 * fuzz_settings().max_examples))
    @given(
        token_answers=st.lists(token_replies(), min_size=1, max_size=2),
        answers=st.lists(replies("bandwidth", "verifyCode"), min_size=1, max_size=2),
    )
    def run(token_answers: list[Reply], answers: list[Reply]) -> None:
        scripted.load(answers, token_answers)
        for answer in answers:
            COLLECTOR.add(KINDS, answer.kind)
        for answer in token_answers:
            COLLECTOR.add(KINDS, f"token {answer.kind}")
        cls = BandwidthClient if flavour == "sync" else AsyncBandwidthClient
        client = cls(
            "9900000",
            client_id=CLIENT_ID,
            client_secret=CLIENT_SECRET,
            token_url=TOKEN_URL,
            transport=scripted.transport,
            retry=sleeps.policy(max_retries=MAX_RETRIES),
        )

        def call() -> Any:
            if isinstance(client, AsyncBandwidthClient):

                async def go() -> Any:
                    async with client:
                        return await client.verify_code(*args, **kwargs)

                return asyncio.run(go())
            with client:
                return client.verify_code(*args, **kwargs)

        token_ok = token_answers[0].kind == "valid"
        # A 401 makes the auth flow fetch a new token and repeat the request once: two per try.
        must_return = token_ok and answers[0].must_return
        check_outcome("bandwidth", "verifyCode", call, scripted, sleeps, must_return, attempts_per_try=2)

    run()
