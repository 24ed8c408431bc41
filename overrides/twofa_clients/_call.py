"""Calling one generated operation: retries, error normalisation, and nothing raw leaking out.

The generated ``*_detailed`` functions return documented error bodies instead of raising, raise
``UnexpectedStatus`` for undocumented statuses, and raise JSONDecodeError/KeyError/ValueError/
TypeError when a body does not parse (docs/toolchain.md, O2-O4). Here every outcome becomes a
return value of the operation's success type or an exception of ``_errors``.
"""

from __future__ import annotations

import contextvars
import functools
import importlib
import inspect
import json
import logging
import time
import types
import typing
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass
from types import ModuleType
from typing import Any, Generic, Protocol, TypeVar, cast

import httpx

from ._constants import DEFAULT_DEADLINE, MAX_ERROR_BODY_BYTES, MAX_RESPONSE_BYTES
from ._errors import (
    APIConnectionError,
    APIStatusError,
    APITimeoutError,
    ClientClosedError,
    InvalidArgumentError,
    OAuthTokenError,
    ProtocolError,
    TwoFactorError,
    Vendor,
    status_error,
)
from ._guard import DeadlineExceeded, TokenRequestFailed, call_deadline
from ._retry import Failure, RetryPolicy, Safety, log_retry, retry_delay
from ._secrets import scrub, scrub_bytes
from ._shape import fits, mismatch
from ._validate import path_parameter
from ._vendor import VendorProfile

T = TypeVar("T")
logger = logging.getLogger("twofa_clients")

# The last response seen by the current thread or task, recorded by an httpx event hook: when the
# generated parser raises, the response it failed on is still here to build the error from.
_last_response: contextvars.ContextVar[httpx.Response | None] = contextvars.ContextVar(
    "twofa_last_response", default=None
)


def record_response(response: httpx.Response) -> None:
    _last_response.set(response)


async def arecord_response(response: httpx.Response) -> None:
    _last_response.set(response)


class DetailedResponse(Protocol):
    """The parts of the generated ``types.Response`` used here."""

    @property
    def status_code(self) -> Any: ...
    @property
    def content(self) -> bytes: ...
    @property
    def headers(self) -> Any: ...
    @property
    def parsed(self) -> Any: ...


_PARSE_ERRORS = (ValueError, KeyError, TypeError, AttributeError, IndexError, RecursionError)


class _UnexpectedStatus(Protocol):
    """The generated ``errors.UnexpectedStatus`` of either vendor."""

    status_code: int
    content: bytes


@dataclass(frozen=True)
class Generated:
    """What an Operation names, imported: the generated functions, success type and status error."""

    sync: Callable[..., DetailedResponse]
    asyncio: Callable[..., Awaitable[DetailedResponse]]
    ok: Any  # the success type, as annotated: a model class, list[Model], str
    fits: Callable[[Any], bool]  # ``mismatch(value, ok) is None``, compiled: checked on every success
    # Raised by the generated code (raise_on_unexpected_status=True) for a status the spec does not list.
    unexpected_status: type[Exception]
    handled: tuple[type[Exception], ...]  # what a call turns into an Attempt instead of raising
    body: tuple[type[Any], ...]  # what the generated function takes as ``body`` (empty: no body)


@dataclass(frozen=True)
class Operation(Generic[T]):
    """One generated operation: its module, success type and safety.

    The generated module (and with it the vendor's models) is imported on the operation's first
    use, not when the layer is imported: a program pays only for the vendor and operations it calls.
    """

    name: str  # the spec's operationId
    module: str  # the generated module, e.g. "infobip_2fa_client.api.pin.verify_2fa_phone_number"
    success: str  # the success type by name in the package's models: "Model", "list[Model]" or "str"
    safety: Safety
    # Seconds of the vendor's documented rate-limit window for this operation: the ``retry_after`` of
    # a 429 that names no wait itself (neither vendor sends Retry-After). None: nothing documented.
    limit_window: float | None = None

    @functools.cached_property
    def generated(self) -> Generated:
        module = importlib.import_module(self.module)
        package = self.module.split(".", 1)[0]
        unexpected: type[Exception] = importlib.import_module(f"{package}.errors").UnexpectedStatus
        ok = _success_type(importlib.import_module(f"{package}.models"), self.success)
        return Generated(
            sync=module.sync_detailed,
            asyncio=module.asyncio_detailed,
            ok=ok,
            fits=fits(ok),
            unexpected_status=unexpected,
            handled=(httpx.HTTPError, TwoFactorError, unexpected, *_PARSE_ERRORS),
            body=_body_types(module.sync_detailed),
        )

    @property
    def sync(self) -> Callable[..., DetailedResponse]:
        return self.generated.sync

    @property
    def asyncio(self) -> Callable[..., Awaitable[DetailedResponse]]:
        return self.generated.asyncio

    @property
    def ok(self) -> Any:
        return self.generated.ok


def _body_types(function: Callable[..., Any]) -> tuple[type[Any], ...]:
    """The classes a generated function accepts as ``body`` (its model, and ``Unset`` when optional)."""
    parameter = inspect.signature(function).parameters.get("body")
    if parameter is None:
        return ()
    hint = parameter.annotation
    options = typing.get_args(hint) if typing.get_origin(hint) in (typing.Union, types.UnionType) else (hint,)
    return tuple(option for option in options if isinstance(option, type))


def _success_type(models: ModuleType, name: str) -> Any:
    if name == "str":
        return str
    if name.startswith("list[") and name.endswith("]"):
        return list[_success_type(models, name[5:-1])]  # type: ignore[misc]
    return getattr(models, name)


@dataclass
class Attempt:
    """The outcome of one try: a value, or an error plus what retrying needs to know."""

    value: Any = None
    error: TwoFactorError | None = None
    failure: Failure | None = None


def _from_response(profile: VendorProfile, op: Operation[Any], response: DetailedResponse) -> Attempt:
    status = int(response.status_code)
    if 200 <= status < 300:
        problem = mismatch(response.parsed, op.generated.ok)
        if problem is None:
            return Attempt(value=response.parsed)
        problem = f"the body does not match the documented schema: {problem}"
        return _unreadable(profile, op, status, problem, response.content)
    return _from_status(profile, op, status, response.content, response.headers)


def _from_status(profile: VendorProfile, op: Operation[Any], status: int, body: bytes, headers: Any) -> Attempt:
    err = status_error(profile, op.name, status, body, headers, limit_window=op.limit_window)
    return Attempt(error=err, failure=Failure(reason=f"HTTP {status}", status=status, retry_after=err.retry_after))


def _unreadable(profile: VendorProfile, op: Operation[Any], status: int, reason: str, body: bytes) -> Attempt:
    """An answer that does not read as the success type: on a 2xx, the error says it was accepted."""
    error = ProtocolError(profile.name, op.name, status, reason, body)
    return Attempt(error=error, failure=Failure(reason="protocol error", status=status))


def _success_from_body(op: Operation[Any], body: bytes) -> tuple[Any, str | None]:
    """A 2xx the spec does not list (201 where it says 200, 202): read it as the success type.

    Returns the value, or None and why it does not read. The vendors, not the spec, are the truth:
    any 2xx whose body is the operation's success type is a success.
    """
    try:
        data = json.loads(body)
        value = _build(op.generated.ok, data)
    except _PARSE_ERRORS as exc:
        return None, _parse_failure(exc)
    problem = mismatch(value, op.generated.ok)
    return (value, None) if problem is None else (None, f"the body does not match the documented schema: {problem}")


def _parse_failure(exc: BaseException) -> str:
    """Why a body did not parse, naming the field when one was missing (never echoing the body)."""
    if isinstance(exc, KeyError) and exc.args and isinstance(exc.args[0], str):
        return f"a required field is missing from the body: {exc.args[0][:100]!r}"
    return f"{type(exc).__name__} while parsing the body"


def _build(hint: Any, data: Any) -> Any:
    """``data`` (decoded JSON) as ``hint``: a generated model, a list of them, or a string."""
    if typing.get_origin(hint) is list:
        if not isinstance(data, list):
            raise TypeError(f"expected a list, got {type(data).__name__}")
        (item,) = typing.get_args(hint)
        return [_build(item, element) for element in data]
    if hint is str:
        if not isinstance(data, str):
            raise TypeError(f"expected a string, got {type(data).__name__}")
        return data
    if not isinstance(data, dict):
        raise TypeError(f"expected an object, got {type(data).__name__}")
    return hint.from_dict(data)


def _from_exception(profile: VendorProfile, op: Operation[Any], exc: Exception) -> Attempt:
    attempt = _classify(profile, op, exc)
    if attempt.error is not None and attempt.error is not exc and not isinstance(exc, _UNCHAINED):
        attempt.error.__cause__ = exc  # the original stays reachable, for debugging
    return attempt


# Their text can hold what was being sent (h11 quotes an illegal header value whole): never chained.
_UNCHAINED = (httpx.LocalProtocolError, UnicodeError, httpx.InvalidURL)


def _sent(never_sent: bool) -> bool | None:
    """An error's ``request_sent``: False when the request certainly never left, else unknown."""
    return False if never_sent else None


def _classify(profile: VendorProfile, op: Operation[Any], exc: Exception) -> Attempt:
    if isinstance(exc, TwoFactorError):  # raised by an auth flow: the token endpoint refused; not retried
        return Attempt(error=exc, failure=Failure(reason=type(exc).__name__))
    if isinstance(exc, TokenRequestFailed):
        cause = exc.__cause__
        token_error = OAuthTokenError(f"the token endpoint could not be reached: {exc}", vendor=profile.name)
        timed_out = isinstance(cause, httpx.TimeoutException)
        failure = Failure(reason=f"token request {exc}", never_sent=True, timeout_or_transport=timed_out)
        return Attempt(error=token_error, failure=failure)
    if isinstance(exc, DeadlineExceeded):
        return Attempt(
            error=APITimeoutError(
                profile.name, op.name, "timed out: the call's deadline passed", request_sent=_sent(exc.before_sending)
            ),
            failure=Failure(reason="deadline", never_sent=exc.before_sending, timeout_or_transport=True),
        )
    if isinstance(exc, httpx.TimeoutException):
        never_sent = isinstance(exc, httpx.ConnectTimeout | httpx.PoolTimeout)
        return Attempt(
            error=APITimeoutError(
                profile.name, op.name, f"timed out: {type(exc).__name__}", request_sent=_sent(never_sent)
            ),
            failure=Failure(reason=type(exc).__name__, never_sent=never_sent, timeout_or_transport=True),
        )
    if isinstance(exc, httpx.DecodingError):  # too large, or an encoding that does not decode
        captured = _last_response.get()
        status = captured.status_code if captured is not None else 0
        return _unreadable(profile, op, status, str(exc), b"")
    if isinstance(exc, httpx.LocalProtocolError):  # what we were about to send is not valid HTTP
        error = InvalidArgumentError(
            "the request could not be sent: it is not valid HTTP (check extra headers)",
            vendor=profile.name,
            operation=op.name,
        )
        return Attempt(error=error, failure=Failure(reason="invalid request"))
    if isinstance(exc, httpx.HTTPError):
        never_sent = isinstance(exc, httpx.ConnectError)
        return Attempt(
            error=APIConnectionError(
                profile.name, op.name, f"connection failed: {type(exc).__name__}: {exc}", request_sent=_sent(never_sent)
            ),
            failure=Failure(reason=type(exc).__name__, never_sent=never_sent, timeout_or_transport=True),
        )
    if isinstance(exc, op.generated.unexpected_status):
        unexpected = cast(_UnexpectedStatus, exc)
        status, body = unexpected.status_code, unexpected.content
        captured = _last_response.get()
        headers = captured.headers if captured is not None else {}
        if 200 <= status < 300:
            value, problem = _success_from_body(op, body)
            if problem is None:
                return Attempt(value=value)
            return _unreadable(profile, op, status, problem, body)
        return _from_status(profile, op, status, body, headers)
    captured = _last_response.get()
    if captured is None:  # nothing was sent: the arguments could not be encoded
        if isinstance(exc, UnicodeError):
            message = "a text value of the request is not valid Unicode (a lone surrogate?)"
        else:
            message = f"the request could not be built: {type(exc).__name__}"
        return Attempt(error=InvalidArgumentError(message, vendor=profile.name, operation=op.name), failure=None)
    # The generated parser failed on the body: JSONDecodeError, KeyError, ValueError, TypeError...
    status = captured.status_code
    if status >= 400:
        return _from_status(profile, op, status, captured.content, captured.headers)
    return _unreadable(profile, op, status, _parse_failure(exc), captured.content)


@dataclass(frozen=True)
class CallLimits:
    """Bounds on one call; each has a safe default (see ``_constants``).

    ``deadline``: seconds for the whole call, every attempt and retry wait included (None: no
    bound beyond the timeouts). ``max_response_bytes``: the largest answer read, after
    decompression. ``max_error_body_bytes``: how much of an error answer the exception keeps.
    """

    deadline: float | None = DEFAULT_DEADLINE
    max_response_bytes: int = MAX_RESPONSE_BYTES
    max_error_body_bytes: int = MAX_ERROR_BODY_BYTES

    def __post_init__(self) -> None:
        if self.deadline is not None and not (isinstance(self.deadline, int | float) and 0 < self.deadline < 1e9):
            raise InvalidArgumentError("limits.deadline must be a positive number of seconds, or None")
        for name in ("max_response_bytes", "max_error_body_bytes"):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int) or value < 1:
                raise InvalidArgumentError(f"limits.{name} must be a positive int")


@dataclass(frozen=True)
class CallContext:
    """What every call of one client shares: its vendor, policies, and how to see its secrets."""

    profile: VendorProfile
    retry: RetryPolicy
    limits: CallLimits
    secrets: Callable[[], Iterable[str]]  # the auth's current secret values, to scrub from errors
    is_closed: Callable[[], bool]

    @property
    def vendor(self) -> Vendor:
        return self.profile.name


def _check_call(ctx: CallContext, op: Operation[Any], kwargs: dict[str, Any]) -> None:
    if ctx.is_closed():
        raise ClientClosedError("the client is closed", vendor=ctx.vendor, operation=op.name)
    body_types = op.generated.body
    if body_types and not isinstance(kwargs.get("body"), body_types):
        wanted = " or ".join(t.__name__ for t in body_types if t.__name__ != "Unset")
        raise TypeError(f"{op.name}: body must be a {wanted}, not {type(kwargs.get('body')).__name__}")
    for name, value in kwargs.items():
        if isinstance(value, str):  # path and query parameters: IDs and numbers
            path_parameter(name, value)


def _finished(ctx: CallContext, error: TwoFactorError) -> TwoFactorError:
    """The error as raised: the client's own secrets scrubbed from it, its body bounded."""
    secrets = [secret for secret in ctx.secrets() if len(secret) >= 4]
    body = error.body[: ctx.limits.max_error_body_bytes]
    if secrets:
        body = scrub_bytes(body, secrets)
        for name in ("message", "code", "request_id"):
            value = getattr(error, name)
            if isinstance(value, str):
                setattr(error, name, scrub(value, secrets))
        if isinstance(error, APIStatusError):
            error.validation_errors = {
                scrub(k, secrets): [scrub(m, secrets) for m in v] for k, v in error.validation_errors.items()
            }
    error.body = body
    if isinstance(error, APIStatusError):
        error.args = (str(error),)
    elif secrets:
        error.args = tuple(scrub(a, secrets) if isinstance(a, str) else a for a in error.args)
    return error


def _deadline(ctx: CallContext) -> float | None:
    seconds = ctx.limits.deadline
    return None if seconds is None else time.monotonic() + seconds


def _log_attempt(op: Operation[Any], started: float, error: TwoFactorError | None) -> None:
    """One DEBUG line per attempt: method, path, status (or the error) and time; never a query or a body."""
    response = _last_response.get()
    where = f"{response.request.method} {response.request.url.path}" if response is not None else op.name
    if response is not None:
        outcome = str(response.status_code)
    else:
        outcome = type(error).__name__ if error is not None else "no answer"
    logger.debug("%s %s -> %s in %.1f ms", op.name, where, outcome, (time.monotonic() - started) * 1000)


def invoke(ctx: CallContext, op: Operation[T], kwargs: dict[str, Any]) -> T:
    _check_call(ctx, op, kwargs)
    generated = op.generated
    retry_number = 0
    deadline = _deadline(ctx)
    reset = call_deadline.set(deadline)
    debug = logger.isEnabledFor(logging.DEBUG)
    try:
        while True:
            _last_response.set(None)
            started = time.monotonic()
            try:
                response = generated.sync(**kwargs)
                if 200 <= response.status_code < 300 and generated.fits(response.parsed):
                    if debug:
                        _log_attempt(op, started, None)
                    return cast(T, response.parsed)  # the common case, checked once
                attempt = _from_response(ctx.profile, op, response)
            except generated.handled as exc:
                attempt = _from_exception(ctx.profile, op, exc)
            if debug:
                _log_attempt(op, started, attempt.error)
            if attempt.error is None:
                return cast(T, attempt.value)
            retry_number += 1
            delay = _delay(ctx, op, attempt, retry_number, deadline)
            if delay is None:
                raise _finished(ctx, attempt.error)
            ctx.retry.sleep(delay)
    finally:
        call_deadline.reset(reset)


async def ainvoke(ctx: CallContext, op: Operation[T], kwargs: dict[str, Any]) -> T:
    import asyncio  # only async clients need it: a sync program does not pay for importing asyncio

    _check_call(ctx, op, kwargs)
    generated = op.generated
    retry_number = 0
    deadline = _deadline(ctx)
    reset = call_deadline.set(deadline)
    debug = logger.isEnabledFor(logging.DEBUG)
    try:
        while True:
            _last_response.set(None)
            started = time.monotonic()
            try:
                # The deadline bounds the whole attempt here, not only between reads as in sync calls.
                async with asyncio.timeout(None if deadline is None else deadline - time.monotonic()):
                    response = await generated.asyncio(**kwargs)
                if 200 <= response.status_code < 300 and generated.fits(response.parsed):
                    if debug:
                        _log_attempt(op, started, None)
                    return cast(T, response.parsed)  # the common case, checked once
                attempt = _from_response(ctx.profile, op, response)
            except generated.handled as exc:
                attempt = _from_exception(ctx.profile, op, exc)
            except TimeoutError as exc:  # asyncio.timeout: the request may have been sent
                attempt = Attempt(
                    error=APITimeoutError(ctx.vendor, op.name, "timed out: the call's deadline passed"),
                    failure=Failure(reason="deadline", timeout_or_transport=True),
                )
                attempt.error.__cause__ = exc  # type: ignore[union-attr]
            if debug:
                _log_attempt(op, started, attempt.error)
            if attempt.error is None:
                return cast(T, attempt.value)
            retry_number += 1
            delay = _delay(ctx, op, attempt, retry_number, deadline)
            if delay is None:
                raise _finished(ctx, attempt.error)
            await ctx.retry.async_sleep(delay)
    finally:
        call_deadline.reset(reset)


def _delay(
    ctx: CallContext, op: Operation[Any], attempt: Attempt, retry_number: int, deadline: float | None
) -> float | None:
    if attempt.failure is None or isinstance(attempt.error, ProtocolError | InvalidArgumentError):
        return None
    if isinstance(attempt.error, APIStatusError) and attempt.failure.status is None:
        return None
    delay = retry_delay(ctx.retry, op.safety, attempt.failure, retry_number)
    if delay is not None and deadline is not None and time.monotonic() + delay >= deadline:
        return None  # the wait would end past the call's deadline: the error goes to the caller now
    if delay is not None:
        log_retry(op.name, attempt.failure, retry_number, ctx.retry, delay, ctx.secrets)
    return delay


class SyncCaller:
    """What the generated sync methods call: ``_call``, defined by each synchronous client."""

    def _call(self, op: Operation[T], **kwargs: Any) -> T:
        raise NotImplementedError


class AsyncCaller:
    """What the generated async methods call: ``_call``, defined by each asynchronous client."""

    async def _call(self, op: Operation[T], **kwargs: Any) -> T:
        raise NotImplementedError
