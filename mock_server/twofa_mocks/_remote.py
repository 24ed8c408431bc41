"""``MockControl``: the /_mock/ control surface over HTTP, typed, for code that runs in another process.

    control = MockControl("http://127.0.0.1:8081")          # a running `twofa-mock`
    code = control.last_code("+41793026727")                 # what the mock "sent" there
    control.advance(16 * 60)                                 # move the mock's clock
    control.add_fault(Fault(operation="verify-2fa-phone-number", status=503))
    control.configure(resendExpiredPins=True)
    control.reset()

Needs only httpx (no starlette or uvicorn): it reads a mock wherever it runs. Writes are sent as JSON
(the control surface refuses anything else) and every request carries ``X-Mock-Control-Token`` when
a token is given (or ``TWOFA_MOCK_CONTROL_TOKEN`` is set). An answer other than 2xx raises
``MockControlError`` with the mock's reason; so does a mock that cannot be reached.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from types import TracebackType
from typing import Any

import httpx

from ._faults import Fault
from ._outbox import Delivery

# The same names as _access.py (which needs starlette); a test holds them equal.
TOKEN_HEADER = "X-Mock-Control-Token"  # noqa: S105 - a header name
TOKEN_ENV = "TWOFA_MOCK_CONTROL_TOKEN"  # noqa: S105 - the name of an environment variable
DEFAULT_TIMEOUT = 10.0


class MockControlError(Exception):
    """The control surface refused a request (``status_code``, the mock's ``reason``), or was unreachable."""

    def __init__(self, reason: str, status_code: int | None = None) -> None:
        super().__init__(reason if status_code is None else f"{status_code}: {reason}")
        self.reason = reason
        self.status_code = status_code


@dataclass(frozen=True)
class ClockState:
    now: float  # the mock's time, seconds since the epoch
    frozen: bool


def _delivery(data: Any) -> Delivery:
    if not isinstance(data, dict):
        raise MockControlError(f"an outbox entry is not an object: {data!r:.200}")
    try:
        return Delivery(**data)
    except TypeError as exc:
        raise MockControlError(f"an outbox entry of another shape: {exc}") from None


class MockControl:
    """The control surface of one mock at ``url`` (its root: ``http://127.0.0.1:8081``, not ``.../api/v1``)."""

    def __init__(
        self,
        url: str,
        *,
        token: str | None = None,
        timeout: float = DEFAULT_TIMEOUT,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        token = token if token is not None else os.environ.get(TOKEN_ENV) or None
        headers = {"Accept": "application/json"}
        if token is not None:
            headers[TOKEN_HEADER] = token
        self.url = url.rstrip("/")
        self._http = httpx.Client(base_url=self.url, headers=headers, timeout=timeout, transport=transport)

    def __repr__(self) -> str:  # never the token
        return f"MockControl({self.url!r})"

    def _call(self, method: str, path: str, *, json: Any = None, params: dict[str, str] | None = None) -> Any:
        try:
            response = self._http.request(method, f"/_mock/{path}", json=json, params=params)
        except httpx.HTTPError as exc:
            raise MockControlError(f"cannot reach the mock at {self.url}: {type(exc).__name__}: {exc}") from exc
        if path == "openapi.yaml" and response.is_success:
            return response.text
        try:
            body = response.json()
        except ValueError:
            body = None
        if not response.is_success:
            reason = body.get("error") if isinstance(body, dict) else None
            raise MockControlError(str(reason or response.text[:500] or response.reason_phrase), response.status_code)
        if body is None:
            raise MockControlError(f"the mock answered {path} with something other than JSON")
        return body

    def _object(self, method: str, path: str, **kwargs: Any) -> dict[str, Any]:
        body = self._call(method, path, **kwargs)
        if not isinstance(body, dict):
            raise MockControlError(f"the mock answered {path} with JSON other than an object")
        return body

    # --- reading ---------------------------------------------------------------------------------

    def health(self) -> bool:
        return self._object("GET", "health").get("status") == "ok"

    def spec(self) -> str:
        """The vendor's OpenAPI document the mock serves (YAML)."""
        return str(self._call("GET", "openapi.yaml"))

    def outbox(self, to: str | None = None) -> list[Delivery]:
        """Deliveries, oldest first; only those to ``to`` when given (with or without a leading "+")."""
        body = self._object("GET", "outbox", params=None if to is None else {"to": to})
        deliveries = body.get("deliveries")
        if not isinstance(deliveries, list):
            raise MockControlError("the outbox answer has no list of deliveries")
        return [_delivery(item) for item in deliveries]

    def last(self, to: str) -> Delivery | None:
        found = self.outbox(to)
        return found[-1] if found else None

    def last_code(self, to: str) -> str:
        """The code of the newest delivery to ``to``; LookupError when nothing was sent there."""
        delivery = self.last(to)
        if delivery is None:
            raise LookupError(f"the mock at {self.url} sent nothing to {to!r}")
        return delivery.code

    def clock(self) -> ClockState:
        return self._clock(self._object("GET", "clock"))

    def faults(self) -> list[Fault]:
        return self._faults(self._object("GET", "faults"))

    def config(self) -> dict[str, Any]:
        """The configuration, camelCase, as ``PATCH /_mock/config`` takes it."""
        return self._object("GET", "config")

    # --- changing --------------------------------------------------------------------------------

    def reset(self) -> None:
        """Forget state, outbox, faults and configuration changes; the clock goes back to its start."""
        self._object("POST", "reset", json={})

    def advance(self, seconds: float) -> ClockState:
        return self._clock(self._object("POST", "clock", json={"advance": seconds}))

    def freeze(self, frozen: bool = True) -> ClockState:
        return self._clock(self._object("POST", "clock", json={"frozen": frozen}))

    def add_fault(self, fault: Fault) -> list[Fault]:
        """Add a fault (checked here and again by the mock); the faults pending after it."""
        return self._faults(self._object("POST", "faults", json=fault.to_json()))

    def clear_faults(self) -> None:
        self._object("DELETE", "faults", json={})  # a control write: JSON, like every other

    def configure(self, changes: Mapping[str, Any] | None = None, /, **more: Any) -> dict[str, Any]:
        """Change configuration fields (camelCase or snake_case); the whole configuration after it."""
        return self._object("PATCH", "config", json={**(changes or {}), **more})

    # --- shapes ----------------------------------------------------------------------------------

    @staticmethod
    def _clock(body: dict[str, Any]) -> ClockState:
        now, frozen = body.get("now"), body.get("frozen")
        if isinstance(now, bool) or not isinstance(now, int | float) or not isinstance(frozen, bool):
            raise MockControlError("the clock answer is not {now: number, frozen: boolean}")
        return ClockState(float(now), frozen)

    @staticmethod
    def _faults(body: dict[str, Any]) -> list[Fault]:
        items = body.get("faults")
        if not isinstance(items, list) or not all(isinstance(item, dict) for item in items):
            raise MockControlError("the faults answer has no list of faults")
        try:
            return [Fault.from_json(item) for item in items]
        except ValueError as exc:
            raise MockControlError(f"a pending fault of another shape: {exc}") from None

    # --- lifecycle -------------------------------------------------------------------------------

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> MockControl:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()
